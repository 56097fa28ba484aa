"""Language identification: one decision per article, paragraphs inherit it unless clearly other.

The article's language is decided among every language lingua knows, so an article in a language
saksi has no pack for is labelled with its real ISO 639-1 code (and gets no claims) instead of being
read as the nearest pack. Lingua loads its models lazily, so only the languages a text could be in
cost memory.

Indonesian and Malay are one continuum that lingua often confuses on short texts; between two
such close languages the ``marker_words`` of their ``langid.yaml`` (spellings and words one uses and
the other does not: "tentera, kerajaan, kerana" against "tentara, pemerintah, karena") decide.

lingua mistakes many short Indonesian sentences for Malay, so short paragraphs never overrule the
article, and a paragraph switches language only when lingua is confident about it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from saksi import lang as langdata

MIN_WORDS_FOR_OWN_LANGUAGE = 12
MIN_CONFIDENCE = 0.9
MIN_WORDS_FOR_ANY_LANGUAGE = 25  # shorter texts are told only among the packs
SAMPLE_CHARS = 1200
CHECK_CHARS = 300  # the sample lingua over every language checks the packs' pick on
MARKER_SAMPLE_CHARS = 6000  # marker words are sparse: read more text for them
_WORD = re.compile(r"\w+", re.UNICODE)


def _languages(codes) -> list[Language]:
    out = []
    for code in codes:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            out.append(Language.from_iso_code_639_1(iso))
    return out


@lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...]):
    """A detector over these languages (paragraph decisions stay among the packs in use)."""
    langs = _languages(codes)
    if len(langs) < 2:
        return None
    return LanguageDetectorBuilder.from_languages(*langs).build()


def _iso(lang) -> str | None:
    return lang.iso_code_639_1.name.lower() if lang is not None else None


@lru_cache(maxsize=1)
def _any_language_detector():
    return LanguageDetectorBuilder.from_all_languages().build()


@lru_cache(maxsize=None)
def _markers(code: str) -> frozenset[str]:
    return frozenset(w.lower() for w in langdata.load(code, "langid").get("marker_words") or [])


@lru_cache(maxsize=None)
def close_relatives(code: str) -> tuple[str, ...]:
    """The languages a pack names as close relatives, and the packs that name it (the relation is
    symmetric)."""
    own = list(langdata.load(code, "langid").get("close_relatives") or [])
    for other in langdata.available_languages():
        if other != code and code in (langdata.load(other, "langid").get("close_relatives") or []) and other not in own:
            own.append(other)
    return tuple(own)


def _by_markers(text: str, candidates: tuple[str, ...]) -> str | None:
    """The candidate whose marker words clearly dominate the text, if one does."""
    words = [w.lower() for w in _WORD.findall(text[:MARKER_SAMPLE_CHARS])]
    counts = sorted(((sum(w in _markers(c) for w in words), c) for c in candidates), reverse=True)
    if len(counts) < 2 or not counts[0][0]:
        return None
    (best, code), (second, _) = counts[0], counts[1]
    return code if best >= 2 * second + 1 else None


def detect(text: str, codes: tuple[str, ...] = (), default: str = "en") -> str:
    """The article's language (ISO 639-1), from a sample of its text.

    A text of some length is matched against every language lingua knows, so one in a language
    with no pack among ``codes`` is labelled as what it is; a short one (a headline, a test
    sentence) only against the packs, where lingua's guesses among all languages are unreliable.
    ``default`` is given for a text with no words."""
    if not text.strip() or not _WORD.search(text):
        return codes[0] if len(codes) == 1 else default
    sample = text[:SAMPLE_CHARS]
    short = len(_WORD.findall(sample)) < MIN_WORDS_FOR_ANY_LANGUAGE
    # a short text is told among every pack, not only those in use: "--languages fr" on an
    # Indonesian headline labels it id (and reads no claims), not fr
    packs = tuple(dict.fromkeys(tuple(codes) + langdata.available_languages())) if short else tuple(codes)
    code = _by_function_words(sample, packs) if short else None
    if code is None:
        code = _iso(_detector(packs).detect_language_of(sample)) if len(packs) > 1 else (packs[0] if packs else None)
    if not short:
        # lingua over every language is five times dearer than over the packs: it only checks the
        # packs' pick on a short sample, and reads the whole sample when it disagrees
        other = _iso(_any_language_detector().detect_language_of(sample[:CHECK_CHARS]))
        if other is not None and other not in codes:
            other = _iso(_any_language_detector().detect_language_of(sample))
            if other is not None and (other not in codes or code is None):
                code = other
        elif code is None:
            code = other
    if code is None:
        return default
    relatives = (code,) + close_relatives(code)
    if len(relatives) > 1:
        code = _by_markers(text, relatives) or _unmarked(relatives) or code
    return code


def _by_function_words(text: str, packs: tuple[str, ...]) -> str | None:
    """The pack whose function words clearly dominate a short text (close relatives counted as one,
    the markers decide between them afterwards), or None to ask lingua. Loading lingua's models for
    short texts costs a small run 1.5–4 s; a line like "Rusia mengirim 500 tentara ke Suriah pada
    Januari 2025, kata pejabat itu." needs none of it."""
    if len(packs) < 2:
        return None
    tokens = [w.lower() for w in _WORD.findall(text)]
    words = _function_words(packs)
    score = {c: sum(w in words[c] for w in tokens) for c in packs}
    best = max(packs, key=lambda c: (score[c], -packs.index(c)))
    family = {best, *close_relatives(best)}
    second = max((score[c] for c in packs if c not in family), default=0)
    return best if score[best] >= 2 * second + 2 else None  # two hits and none elsewhere, or twice as many


def _unmarked(relatives: tuple[str, ...]) -> str | None:
    """Among close relatives no marker word tells apart, the one whose langid.yaml says it is the
    reading to take (lingua leans to Malay on short Indonesian text)."""
    return next((c for c in relatives if langdata.load(c, "langid").get("preferred_when_unmarked")), None)


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
            # counted with map over the sets' own membership test: every paragraph is counted for every pack
            mine = sum(map(own.__contains__, tokens))
            other = max((sum(map(w.__contains__, tokens)) for c, w in words.items() if c != article_lang), default=0)
            if other > 2 * mine + 1:  # only then is lingua asked: it is the slow part
                best = det.compute_language_confidence_values(p)
                if best and best[0].value >= MIN_CONFIDENCE:
                    cand = best[0].language.iso_code_639_1.name.lower()
                    # close relatives (Malay and Indonesian) are one continuum: never split an article between them
                    if cand != article_lang and cand not in close_relatives(article_lang):
                        lang = cand
        out.append(lang)
    return out
