"""Quantities as the number tests compare them: a plain value, a vague amount by its floor (V), a
range by its ends (R)."""
from __future__ import annotations

from saksi.extract.numbers import find_quantities


class V:  # a vague amount and its floor
    def __init__(self, low):
        self.low = low

    def __eq__(self, other):
        return isinstance(other, V) and other.low == self.low

    def __repr__(self):
        return f"V({self.low})"


class R:  # a range
    def __init__(self, low, high):
        self.low, self.high = low, high

    def __eq__(self, other):
        return isinstance(other, R) and (other.low, other.high) == (self.low, self.high)

    def __repr__(self):
        return f"R({self.low}, {self.high})"


def summary(q):
    if q.qualifier == "vague":
        return V(q.value_low)
    if q.qualifier == "range":
        return R(q.value_low, q.value_high)
    return q.value


def got(text: str, lang: str):
    """(text, value or V/R, qualifier, kind) of every quantity of ``text``."""
    return [(q.text, summary(q), q.qualifier, q.kind) for q in find_quantities(text, lang)]
