"""Common words of a language, to tell an NER span that is a phrase ("kawasan timur", "Assurance")
from a name.

    lexicon.common("id")          # frozenset of lower-case words; empty for a language without a list
    lexicon.mostly_common("kawasan Timur", "id")   # True

The lists are data (`saksi/data/lexicon/<lang>.txt`, one lower-case word a line, `#` comments), built
by `training/lexicon/build.py` from wordfreq minus the words case-annotated text uses mostly as names.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from saksi.entities.kb import TOKEN_RE, fold


@lru_cache(maxsize=None)
def common(lang: str) -> frozenset[str]:
    """The language's common words (lower case); empty when saksi has no list for it."""
    ref = resources.files("saksi") / "data" / "lexicon" / f"{lang}.txt"
    if not lang or not lang.isalpha() or not ref.is_file():
        return frozenset()
    words = set()
    for n, line in enumerate(ref.read_text(encoding="utf-8").splitlines(), 1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if word != word.lower() or any(c.isspace() for c in word):
            raise ValueError(f"lexicon/{lang}.txt line {n}: {word!r} is not one lower-case word")
        words.add(fold(word))
    return frozenset(words)


def mostly_common(name: str, lang: str | None) -> bool:
    """More than half the words of `name` are common words of `lang` (False without a list)."""
    words = common(lang or "")
    tokens = [fold(t) for t in TOKEN_RE.findall(name)]
    if not words or not tokens:
        return False
    return 2 * sum(t in words for t in tokens) > len(tokens)
