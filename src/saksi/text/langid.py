"""Language identification: one decision per article, paragraphs inherit it unless clearly other.

lingua mistakes many short Indonesian sentences for Malay, so short paragraphs never overrule the
article, and a paragraph switches language only when lingua is confident about it.
"""
from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

from saksi import lang as langdata

MIN_WORDS_FOR_OWN_LANGUAGE = 12
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...]):
    langs = []
    for code in codes:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            from lingua import Language

            langs.append(Language.from_iso_code_639_1(iso))
    if len(langs) < 2:
        return None
    return LanguageDetectorBuilder.from_languages(*langs).with_preloaded_language_models().build()


SAMPLE_CHARS = 1200


def detect(text: str, codes: tuple[str, ...], default: str) -> str:
    """The article's language, from a sample of its text (enough for lingua to be sure)."""
    det = _detector(codes)
    if det is None or not text.strip():
        return codes[0] if len(codes) == 1 else default
    lang = det.detect_language_of(text[:SAMPLE_CHARS])
    return lang.iso_code_639_1.name.lower() if lang else default


@lru_cache(maxsize=8)
def _function_words(codes: tuple[str, ...]) -> dict[str, frozenset[str]]:
    return {c: frozenset(langdata.load(c, "langid").get("function_words") or []) for c in codes}


def paragraph_languages(paragraphs: list[str], article_lang: str, codes: tuple[str, ...]) -> list[str]:
    det = _detector(codes)
    words = _function_words(codes)
    own = words.get(article_lang, frozenset())
    out = []
    for p in paragraphs:
        lang = article_lang
        tokens = p.lower().split()
        if det is not None and len(tokens) >= MIN_WORDS_FOR_OWN_LANGUAGE and own:
            mine = sum(t in own for t in tokens)
            other = max((sum(t in w for t in tokens) for c, w in words.items() if c != article_lang), default=0)
            if other > 2 * mine + 1:  # only then is lingua asked: it is the slow part
                best = det.compute_language_confidence_values(p)
                if best and best[0].value >= MIN_CONFIDENCE:
                    cand = best[0].language.iso_code_639_1.name.lower()
                    # Malay and Indonesian are one continuum: never split an article between them.
                    if cand != article_lang and {cand, article_lang} != {"id", "ms"}:
                        lang = cand
        out.append(lang)
    return out
