"""Dates as the corpus stage sees them: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` strings.

A date is compared at the coarser of two precisions: ``2024-06`` and ``2024-06-18`` agree,
``2024-06`` and ``2024-07`` do not.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from datetime import date

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@lru_cache(maxsize=8192)
def parse(d: str | None) -> tuple[int, int | None, int | None] | None:
    """``"2024-06"`` → ``(2024, 6, None)``; None for anything that is not a valid partial date."""
    if not d or not isinstance(d, str):
        return None
    m = _DATE.match(d.strip())
    if not m:
        return None
    y, mo, dd = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if not 1 <= y <= 9999:  # year 0 (a relative date read from 0001-01-01) is not on the calendar
        return None
    if mo is not None and not 1 <= mo <= 12:
        return None
    if dd is not None:
        try:
            date(y, mo, dd)
        except ValueError:
            return None
    return y, mo or None, dd or None


def precision(d: str | None) -> int:
    """0 unknown, 1 year, 2 month, 3 day."""
    p = parse(d)
    if p is None:
        return 0
    return 1 + (p[1] is not None) + (p[2] is not None)


def compatible(a: str, b: str) -> bool:
    """True when the two dates agree at the coarser of their precisions."""
    pa, pb = parse(a), parse(b)
    if pa is None or pb is None:
        return a == b
    return all(x == y for x, y in zip(pa, pb) if x is not None and y is not None)


def truncate(d: str, prec: int) -> str:
    """The date cut to ``prec`` (1 year, 2 month, 3 day)."""
    return d[: {1: 4, 2: 7, 3: 10}[prec]]


def day_span(d: str | None) -> tuple[int, int] | None:
    """The first and last day (proleptic ordinals) a date can mean; None when unknown."""
    p = parse(d)
    if p is None:
        return None
    y, mo, dd = p
    if dd is not None:
        o = date(y, mo, dd).toordinal()
        return o, o
    if mo is not None:
        return date(y, mo, 1).toordinal(), date(y, mo, calendar.monthrange(y, mo)[1]).toordinal()
    return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()


def month_index(ym: str | None) -> int | None:
    """``"2024-06"`` (or a longer date) → a month count; None when not a month."""
    p = parse(ym[:7] if ym else None)
    if p is None or p[1] is None:
        return None
    return p[0] * 12 + p[1] - 1


def from_ordinal(o: int) -> str:
    return date.fromordinal(o).isoformat()
