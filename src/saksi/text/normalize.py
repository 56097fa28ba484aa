"""Unicode normalisation that remembers where every character came from.

Analysis runs on the normalised text (NFKC, no-break and odd spaces made plain, zero-width
characters and carriage returns dropped); every span found there maps back to the original text
through ``Normalized.to_original`` so that evidence always points at the words as they stood.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from array import array
from dataclasses import dataclass

_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\r", "\u00ad"}
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u3000", "\t", "\u2002", "\u2003", "\u2004",
           "\u2005", "\u2006", "\u2008", "\u205f", "\u1680"}
_LINE_BREAKS = {"\u2028", "\u2029", "\u0085", "\u000b", "\u000c"}


@dataclass
class Normalized:
    text: str
    _origin: array  # origin[i] = offset in the original text of text[i]; one sentinel at the end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the span of the original text it came from."""
        if start >= end:
            o = self._origin[start]
            return o, o
        return self._origin[start], self._origin[end - 1] + 1


def normalize(raw: str) -> Normalized:
    out: list[str] = []
    origin = array("l")
    ascii_run = re.compile(r"[\x20-\x7e\n]+")
    i, n = 0, len(raw)
    while i < n:
        m = ascii_run.match(raw, i)
        if m:  # the common case: plain ASCII needs no per-character work
            seg = m.group()
            out.append(seg)
            origin.extend(range(i, m.end()))
            i = m.end()
            continue
        ch = raw[i]
        if ch in _DROP:
            pass
        elif ch in _SPACES:
            out.append(" ")
            origin.append(i)
        elif ch in _LINE_BREAKS:
            out.append("\n")
            origin.append(i)
        else:
            norm = unicodedata.normalize("NFKC", ch)
            out.append(norm)
            origin.extend([i] * len(norm))
        i += 1
    origin.append(n)
    return Normalized("".join(out), origin)


def text_key(text: str) -> str:
    """An article's identity: a hash of its normalised words, blind to spacing and case."""
    words = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:32]
