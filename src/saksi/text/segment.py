"""Sentence segmentation: sentencex, then re-joining splits after known abbreviations (data)."""
from __future__ import annotations

from functools import lru_cache

from sentencex import segment as _sentencex

from saksi import lang as langdata


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(langdata.load(lang, "sentences").get("abbreviations") or [])


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, trimmed of surrounding whitespace."""
    abbrevs = _abbreviations(lang)
    spans: list[tuple[int, int]] = []
    pos = 0
    joining = False
    for piece in _sentencex(lang if lang else "en", text):
        at = text.find(piece, pos)
        if at < 0:  # sentencex never rewrites text, but be safe: skip what we cannot place
            continue
        end = at + len(piece)
        if joining and spans:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((at, end))
        pos = end
        last_word = piece.rstrip().rsplit(None, 1)[-1] if piece.strip() else ""
        joining = last_word.endswith(".") and last_word[:-1].lstrip("(\"'“") in abbrevs and "\n" not in piece
    out = []
    for s, e in spans:
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out
