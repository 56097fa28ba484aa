"""Unicode normalisation that remembers where every character came from.

Analysis runs on the normalised text (NFKC, no-break and odd spaces made plain, zero-width
characters and carriage returns dropped); every span found there maps back to the original text
through ``Normalized.to_original`` so that evidence always points at the words as they stood.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\r", "\u00ad"}
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u3000", "\t", "\u2002", "\u2003", "\u2004",
           "\u2005", "\u2006", "\u2008", "\u205f", "\u1680"}
_LINE_BREAKS = {"\u2028", "\u2029", "\u0085", "\u000b", "\u000c"}


@dataclass
class Normalized:
    """The normalised text and, in runs, where its characters came from.

    A run (norm_start, raw_start, step) maps norm_start + k to raw_start + k·step: step 1 for text
    copied as it was, step 0 for the characters one original character expanded into (NFKC 'ﬁ' → 'fi').
    """

    text: str
    _starts: list[int]
    _runs: list[tuple[int, int, int]]
    _raw_len: int

    def _origin(self, i: int) -> int:
        if i >= len(self.text):
            return self._raw_len
        norm_start, raw_start, step = self._runs[bisect_right(self._starts, i) - 1]
        return raw_start + (i - norm_start) * step

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the span of the original text it came from."""
        if start >= end:
            o = self._origin(start)
            return o, o
        return self._origin(start), self._origin(end - 1) + 1


_PLAIN = re.compile(r"[\x20-\x7e\n]+")


def normalize(raw: str) -> Normalized:
    out: list[str] = []
    runs: list[tuple[int, int, int]] = []
    pos = 0  # length of the normalised text so far

    def add(piece: str, raw_at: int, step: int) -> None:
        nonlocal pos
        last = runs[-1] if runs else None
        if not (last and step == 1 and last[2] == 1 and last[1] + (pos - last[0]) == raw_at):
            runs.append((pos, raw_at, step))
        out.append(piece)
        pos += len(piece)

    i, n = 0, len(raw)
    while i < n:
        m = _PLAIN.match(raw, i)
        if m:  # the common case: plain ASCII needs no per-character work
            add(m.group(), i, 1)
            i = m.end()
            continue
        ch = raw[i]
        if ch in _SPACES:
            add(" ", i, 1)
        elif ch in _LINE_BREAKS:
            add("\n", i, 1)
        elif ch not in _DROP:
            norm = unicodedata.normalize("NFKC", ch)
            if norm:
                add(norm, i, 1 if len(norm) == 1 else 0)
                if len(norm) > 1:
                    runs.append((pos, i + 1, 1))  # what follows is linear again
        i += 1
    runs = [r for k, r in enumerate(runs) if k + 1 == len(runs) or runs[k + 1][0] != r[0]] or [(0, 0, 1)]
    return Normalized("".join(out), [r[0] for r in runs], runs, n)


def text_key(text: str) -> str:
    """An article's identity: a hash of its normalised words, blind to spacing and case."""
    words = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:32]
