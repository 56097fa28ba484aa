"""Dates and periods in running text, resolved against an article's reference date.

- ``find_dates(text, lang, ref)``: explicit dates ("18 Juni 2024", "June 2, 2025", "Senin (2/6/2025)",
  "Oktober 2024", "pada 2024"), dates that need the reference date ("Oktober lalu", "pada Jumat",
  "tahun lalu", "last week", "18 Juni") and how precise each is.
- ``find_periods(text, lang, ref)``: the months a statement covers ("sepanjang 2024", "sejak Februari
  2022", "antara Januari dan Maret 2025", "tahun lalu", "in the past two years").
- ``parse_date_line(line, lang)``: the date of a line that is nothing but a date (a page's dateline).
- ``latest_explicit_date(text, lang)``: the latest full date the text states.

Month and weekday names, prepositions, relative expressions and the order of numeric dates come
from ``data/lang/<code>/dates.yaml``; this module only compiles them into linear regular
expressions (cached per language) and resolves what they match.

Resolution rules (documented choices):
- a month without a year ("pada Juni", "Oktober lalu", "last October") is the latest such month on or
  before the reference month; markers whose ``include_current`` is false ("last") exclude the
  reference month itself, markers of the future ("depan", "next") give the next such month;
- a weekday alone ("pada Jumat") is the latest such day on or before the reference date, with a
  past marker ("Jumat lalu", "last Friday") strictly before it;
- a day and month without a year ("18 Juni", "Senin (2/6)") is the latest such day up to two months
  after the reference date (news looks back, but announces what comes soon); when a weekday is
  given, a year in which the day falls on that weekday is preferred;
- weeks are not months: "pekan lalu" / "last week" resolve to the month of the reference date minus
  seven days, with precision "month"; days resolve to days, months to months, years to years;
- numeric dates are read in the order the language lists (day first for Indonesian and English),
  falling back to month first only when that alone makes a valid date ("6/13/2025");
- without a reference date, relative expressions are skipped; impossible dates are skipped.

Periods: a year after an "in" word ("pada", "sepanjang", "in", "throughout") or a relative year
("tahun lalu") covers January to December; a month ("Oktober 2024", "April lalu", "bulan lalu") covers
that month; "since" words open a period at the first date within six words ("sejak perang dimulai
pada Februari 2022"); "until" words close one; two months or years joined ("antara Januari dan Maret
2025", "2022–2024") give both ends, and so do any two dates joined by a ``period_join`` word
("Agustus lalu sampai Januari tahun ini"); "dalam dua tahun terakhir" (also "les deux dernières
années": ``recent_between``) runs from that many units before the reference month to it, while a
plural unit without a number ("nas últimas semanas": ``plural_units``) or a vague amount ("beberapa
bulan terakhir") states no period. A day date alone is an event's date, not a period.

Seasons (``seasons``: word -> first and last month): with a year ("the summer of 2022", "musim gugur
2024") they cover those months (winter runs from December of its year into the next); alone after a
``season_preps`` cue or with a past/next marker ("in the fall", "last summer", "musim panas lalu")
they resolve like a month alone: the latest such season begun by the reference month, with an
excluding marker ("last") the latest one ended before it. ``find_dates`` gives a season as the year it
begins in. A month before a relative year ("Januari tahun ini", "enero del año pasado") is that month
of that year; "mid-January" is read like "mid January"; a short month form with a day ("Nov. 5") is a
date; ``clock_marks`` let date lines carry "10h32".
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from saksi import lang as _lang
from saksi.extract.numbers import _norm, _strs, alternation, lowered, scan_pattern
from saksi.text.regexes import compiled

_YEAR_MIN, _YEAR_MAX = 1800, 2100

_S = r"[ \t\u00a0]{1,3}"  # a short run of spaces (bounded: linear scanning)
_S0 = r"[ \t\u00a0]{0,3}"
_NEVER = r"(?!x)x"


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    precision: str  # "year" | "month" | "day"
    relative: bool  # resolved against the reference date


@dataclass
class Period:
    start: int
    end: int
    text: str
    period_start: str | None  # "YYYY-MM"
    period_end: str | None


# --------------------------------------------------------------------------- compiled language

@dataclass
class _D:
    code: str
    months: dict
    months_alone: set
    weekdays: dict
    weekdays_alone: set
    ambiguous: set
    capitalised: bool
    needs_cue: bool
    orders: list
    past_after: dict
    past_before: dict
    next_after: dict
    next_before: dict
    relative: dict
    units: dict
    ago_before: set
    join_needs_open: set
    line_prefixes: list
    timezones: list
    fillers: list
    clock: str  # regex of the marks between hours and minutes ("10h32"), or ""
    seasons: dict  # season word -> (first month, last month)
    season_needs_cue: bool
    plural_units: set
    pats: dict  # name -> compiled pattern (None when the language has no such form)
    num_words: Callable[[str], float | None]


def _bool_map(d: dict, key: str) -> dict:
    v = d.get(key) or {}
    if isinstance(v, dict):
        return {_norm(k): bool(x) for k, x in v.items() if isinstance(k, str)}
    return {_norm(k): True for k in _strs(v)}


def _opt(phrases) -> str:
    phrases = [p for p in phrases if _norm(p)]
    return alternation(phrases) if phrases else _NEVER


@lru_cache(maxsize=None)
def _compiled(code: str) -> _D:
    d = _lang.load(code, "dates") or {}
    nd = _lang.load(code, "numbers") or {}
    months = {_norm(k): int(v) for k, v in (d.get("months") or {}).items() if isinstance(k, str)}
    weekdays = {_norm(k): int(v) for k, v in (d.get("weekdays") or {}).items() if isinstance(k, str)}
    weekdays_alone = {_norm(x) for x in _strs(d.get("weekdays_alone"))} or set(weekdays)
    past_after, past_before = _bool_map(d, "past_after"), _bool_map(d, "past_before")
    next_after, next_before = _bool_map(d, "next_after"), _bool_map(d, "next_before")
    relative = {}
    for k, v in (d.get("relative") or {}).items():
        if isinstance(k, str) and isinstance(v, (list, tuple)) and len(v) == 2:
            relative[_norm(k)] = (str(v[0]), int(v[1]))
    units = {_norm(k): str(v) for k, v in (d.get("units") or {}).items() if isinstance(k, str)}
    seasons = {}
    for k, v in (d.get("seasons") or {}).items():
        if isinstance(k, str) and isinstance(v, (list, tuple)) and len(v) == 2 and all(1 <= int(x) <= 12 for x in v):
            seasons[_norm(k)] = (int(v[0]), int(v[1]))
    # relative expressions of a year ("tahun ini", "last year"): after a month they give its year
    rel_years = [k for k, (u, _n) in relative.items() if u == "years"]
    L = lambda key: _strs(d.get(key))  # noqa: E731

    MON = _opt(months)
    WD = _opt(weekdays)
    day_suf = ("(?:" + "|".join(re.escape(x) for x in L("day_suffixes")) + ")?") if L("day_suffixes") else ""
    dm_join = ("(?:" + _S + _opt(L("day_month_joiners")) + ")?") if L("day_month_joiners") else ""
    MW = ("(?:" + _opt(L("month_words")) + _S + ")?") if L("month_words") else ""
    YW = ("(?:" + _opt(L("year_words")) + _S + ")?") if L("year_words") else ""
    YEAR = r"(?P<y>\d{4})(?!\d)(?![.,]\d)"
    # "junio de 2025": words some languages put between a month and its year
    MY_JOIN = ("(?:" + _opt(L("month_year_joiners")) + _S + ")?") if L("month_year_joiners") else ""
    post = r"(?:" + _S + r"(?P<post>" + _opt(list(past_after) + list(next_after)) + r"))?"
    JOIN = _opt(L("period_join"))
    OPEN = _opt(L("period_open"))
    AGO = _opt(L("ago_after"))
    UNITS = _opt(units)
    nwords = [k for key in ("words", "multipliers", "teens") for k in (nd.get(key) or {}) if isinstance(k, str)]
    NW = _opt(nwords)
    N = r"(?:\d{1,3}|" + NW + r"(?:(?:[ \t\u00a0]{1,2}|-)" + NW + r"){0,3})"
    calendar = list(months) + list(weekdays) + list(seasons)
    SEASON = _opt(seasons)
    SJ = _opt(L("season_year_joiners"))
    MRJ = ("(?:" + _S + _opt(L("month_year_joiners") + L("month_relative_joiners")) + ")?"
           if L("month_year_joiners") + L("month_relative_joiners") else "")
    SP = r"(?:(?<=[-'’])|" + _S + r")"  # after a prep: spaces, or nothing after "mid-" or "l'"
    VAGUE = _opt([k for k in (nd.get("vague_prefixes") or {}) if isinstance(k, str)])
    clock = "|".join(re.escape(x) for x in sorted(L("clock_marks"), key=len, reverse=True))

    def c(p, flags=re.I):
        return (p, flags)  # compiled on first use (_Patterns)

    pats = {
        # one pass finds every place a date may start
        # (scanning patterns run without re.I on lowered(text): much faster)
        "scan": c(scan_pattern(calendar + list(relative) + [u + " " + a for u in units for a in L("ago_after")]
                               + L("ago_before"),
                               digits=r"\d{0,3}(?!\d)", digit_guard=r"\w.,/:"), 0),
        # at a digit: 18 Juni 2024 / 2nd of June 2025 / 18 Juni / 2 Juni lalu
        "dmy": c(r"(?P<d>\d{1,2})" + day_suf + r"\.?" + dm_join + _S + MW + r"(?P<m>" + MON + r")\.?(?:,?" + _S
                 + MY_JOIN + YEAR + ")?" + post),
        # at a digit: 2/6/2025, 29-11-2024, 2.6.2025, 2/6/25
        "num": c(r"(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?![\w/]|[.,:-]\d)"),
        # at a digit: 2025-06-02, 2025/06/02, 2025-06-02T10:15
        "iso": c(r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d/]|[.,-]\d)"),
        # at a digit: 2022–2024, (antara) 2022 dan 2024
        "yrange": c(r"(?P<y1>\d{4})" + _S0 + r"(?P<join>" + JOIN + r")" + _S0 + YW + r"(?P<y2>\d{4})(?!\d)(?![.,/-]\d)"),
        # at a month: June 18, 2024 / June 18 (only where the language writes month first)
        "mdy": c(r"(?P<m>" + MON + r")\.?" + _S + r"(?P<d>\d{1,2})" + day_suf + r"(?!\d)(?![:.,]\d)(?:,?" + _S + YEAR
                 + ")?" + post) if d.get("month_day_order") else None,
        # at a month: Oktober 2024, June 2025, Oktober 2024 lalu
        "my": c(r"(?P<m>" + MON + r")\.?,?" + _S + MY_JOIN + YEAR + post),
        # at a month: Januari–Maret 2025, Januari dan Maret 2025 (after an opener)
        "mrange": c(r"(?P<m1>" + MON + r")\.?(?:" + _S + MY_JOIN + r"(?P<y1>\d{4}))?" + _S0 + r"(?P<join>" + JOIN + r")"
                    + _S0 + MW + r"(?P<m2>" + MON + r")\.?(?:,?" + _S + MY_JOIN + r"(?P<y2>\d{4})(?!\d))?"),
        # at a month: Januari tahun ini, January last year, enero del año pasado
        "mrel": c(r"(?P<m>" + MON + r")\.?" + MRJ + _S + r"(?P<r>" + _opt(rel_years) + r")") if rel_years else None,
        # at a season: summer of 2022, musim gugur 2024, l'été 2024, el verano de 2023
        "season_y": c(r"(?P<s>" + SEASON + r")(?:" + _S + SJ + r")?" + _S + YW + YEAR),
        # at a season: (in the) fall, musim panas lalu, l'été dernier (not "the fall of Kherson")
        "season": c(r"(?P<s>" + SEASON + r")(?!" + _S0 + r"\d)(?!" + _S + SJ + r")" + post),
        "season_tail": c(r"(?P<w>" + _opt(L("season_preps")) + r")" + SP + r"\Z"),
        # at a month: Oktober lalu, June (alone)
        "mon": c(r"(?P<m>" + MON + r")(?!" + _S0 + r"\d)" + post),
        # at a weekday: Senin (2/6), Sabtu, 7/6
        "wdm": c(r"(?P<wd>" + WD + r")\.?" + _S0 + r"(?:,|\()" + _S0 + r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])\)?"),
        # at a weekday: Jumat, Jumat lalu
        "wd": c(r"(?P<wd>" + WD + r")" + post),
        # looking back from a hit
        "wd_tail": c(r"(?P<wd>" + WD + r")\.?" + _S0 + r"[,(]?" + _S0 + r"\Z"),
        "pb_tail": c(r"(?P<w>" + _opt(list(past_before) + list(next_before)) + r")" + _S + r"\Z"),
        "prep_tail": c(r"(?P<w>" + _opt(L("month_preps") + L("weekday_cues")) + r")" + SP + MW + r"\Z"),
        "year_tail": c(r"(?P<w>" + _opt(L("year_preps") + L("period_in") + L("period_since") + L("period_until"))
                       + r")(?:(?<=-)|" + _S + r")" + YW + r"\Z"),
        "open_tail": c(r"(?P<w>" + OPEN + r")" + _S + r"(?:" + MW + r"|" + YW + r")\Z"),
        "n_tail": c(r"(?<!\w)(?P<n>" + N + r")" + _S + r"\Z"),
        # at an "ago" word that comes first: "hace dos años", "vor zwei Jahren"
        "ago_before": c(r"(?P<w>" + _opt(L("ago_before")) + r")" + _S + r"(?P<n>" + N + r")" + _S + r"(?P<u>" + UNITS
                        + r")") if L("ago_before") else None,
        # periods
        "since": c(r"(?P<w>" + _opt(L("period_since")) + r")", 0),
        "until_tail": c(r"(?P<w>" + _opt(L("period_until")) + r")" + SP + r"\Z"),
        "in_tail": c(r"(?P<w>" + _opt(L("period_in")) + r")" + SP + r"\Z"),
        # two dates joined: "Agustus lalu sampai Januari tahun ini" (the gap between them)
        "join_gap": c(r"\A" + _S0 + r"(?P<join>" + JOIN + r")" + _S0 + r"(?:" + MW + r"|" + YW + r")\Z"),
        # "in the past two years", "dalam dua tahun terakhir", "les deux dernières années"
        "recent": c(r"(?P<rb>" + _opt(L("recent_before")) + r")" + _S + r"(?:(?P<n1>" + N + r")" + _S + r")?(?P<u1>"
                    + UNITS + r")|(?P<u2>" + UNITS + r")" + _S + r"(?P<ra>" + _opt(L("recent_after")) + r")"
                    + (r"|(?<![\w.,])(?P<n3>" + N + r")" + _S + r"(?:" + _opt(L("recent_between")) + r")" + _S
                       + r"(?P<u3>" + UNITS + r")" if L("recent_between") else ""), 0),
        "vague_tail": c(r"(?<!\w)(?P<v>" + VAGUE + r")" + _S + r"\Z"),
        "recent_prep_tail": c(r"(?P<w>" + _opt(L("recent_preps")) + r")" + _S + r"\Z"),
    }

    def num_words(s: str) -> float | None:
        from saksi.extract.numbers import parse_number
        s = s.strip()
        return float(s) if s.isdigit() else parse_number(s, code)

    return _D(
        code=code, months=months, months_alone={_norm(x) for x in L("months_alone")} or set(months),
        weekdays=weekdays, weekdays_alone=weekdays_alone, ambiguous={_norm(x) for x in L("weekdays_ambiguous")},
        capitalised=bool(d.get("alone_capitalised")), needs_cue=bool(d.get("weekday_needs_cue")),
        orders=[str(o) for o in (d.get("numeric_orders") or ["dmy"])],
        past_after=past_after, past_before=past_before, next_after=next_after, next_before=next_before,
        relative=relative, units=units, ago_before={_norm(x) for x in L("ago_before")}, join_needs_open={_norm(x) for x in L("period_join_needs_open")},
        line_prefixes=L("line_prefixes"), timezones=L("timezones"), fillers=L("line_fillers"),
        seasons=seasons, season_needs_cue=bool(d.get("season_needs_cue")), plural_units={_norm(x) for x in L("plural_units")}, clock=clock,
        pats=_Patterns(pats), num_words=num_words,
    )


class _Patterns(dict):
    """A language's patterns by name, each compiled the first time it is asked for: a page's date
    line is tried in every pack, and most packs need only their scanning pattern to say no."""

    def __init__(self, sources: dict):
        super().__init__()
        self._sources = sources  # name -> (pattern, flags), or None when the language has no such form

    def __missing__(self, name: str):
        src = self._sources[name]
        pat = None if src is None else compiled(*src)
        self[name] = pat
        return pat


# --------------------------------------------------------------------------- calendar helpers

def _date(y: int, m: int, d: int) -> _dt.date | None:
    if not (_YEAR_MIN <= y <= _YEAR_MAX):
        return None
    try:
        return _dt.date(y, m, d)
    except (ValueError, OverflowError):
        return None


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _shift(ref: _dt.date, unit: str, n: int) -> tuple[str, str] | None:
    """(value, precision) of ``ref`` moved by ``n`` units (weeks give the month: see the docstring)."""
    try:
        if unit == "days":
            return (ref + _dt.timedelta(days=n)).isoformat(), "day"
        if unit == "weeks":
            d = ref + _dt.timedelta(weeks=n)
            return _ym(d.year, d.month), "month"
        if unit == "months":
            y, m = _add_months(ref.year, ref.month, n)
            return _ym(y, m), "month"
        if unit == "years":
            return f"{ref.year + n:04d}", "year"
    except (OverflowError, ValueError):
        return None
    return None


def _month_year(ref: _dt.date, month: int, direction: str, include_current: bool) -> int:
    if direction == "next":
        return ref.year if (month > ref.month or (include_current and month == ref.month)) else ref.year + 1
    return ref.year if (month < ref.month or (include_current and month == ref.month)) else ref.year - 1


def _nearest_year(ref: _dt.date, month: int, day: int, weekday: int | None,
                  direction: str | None = None) -> _dt.date | None:
    cands = [c for c in (_date(ref.year + k, month, day) for k in (-1, 0, 1)) if c]
    if direction == "past":
        cands = [c for c in cands if c <= ref] or cands
    elif direction == "next":
        cands = [c for c in cands if c >= ref] or cands
    if weekday is not None:
        cands = [c for c in cands if c.weekday() == weekday] or cands
    if not cands:
        return None
    # news looks back: the latest such day up to two months after the reference date
    soon = [c for c in cands if c <= ref + _dt.timedelta(days=60)]
    return max(soon) if soon else min(cands)


def _year2(y: str) -> int:
    v = int(y)
    if len(y) == 2:
        return 2000 + v if v < 70 else 1900 + v
    return v


# --------------------------------------------------------------------------- scanning

@dataclass
class _Cand:
    start: int
    end: int
    prio: int
    value: str | None
    precision: str  # year | month | day | season (a season's value is its first month)
    relative: bool
    last: str | None = None  # a season's last month


@dataclass
class _PCand:
    start: int
    end: int
    prio: int
    period_start: str | None
    period_end: str | None


def _marker(D: _D, pre: str | None, post: str | None) -> tuple[str | None, bool]:
    """(direction, include_current) of the markers around a month or weekday."""
    for word, table, direction in ((post, D.past_after, "past"), (post, D.next_after, "next"),
                                   (pre, D.past_before, "past"), (pre, D.next_before, "next")):
        if word and _norm(word) in table:
            return direction, table[_norm(word)]
    return None, True


def _capital_ok(D: _D, word: str) -> bool:
    return not D.capitalised or word[:1].isupper()


def _numeric(D: _D, a: int, b: int, y: int) -> _dt.date | None:
    for order in D.orders:
        got = _date(y, b, a) if order == "dmy" else _date(y, a, b) if order == "mdy" else None
        if got:
            return got
    return None


def _tail(D: _D, name: str, text: str, pos: int, width: int = 40) -> re.Match | None:
    m = D.pats[name].search(text, max(0, pos - width), pos)
    if m and m.start() > 0 and text[m.start() - 1].isalnum() and text[m.start()].isalnum():
        return None  # the phrase must start a word
    return m


def _with_weekday(D: _D, text: str, c: _Cand) -> _Cand:
    """Take in a weekday written before the date ("Senin (2/6/2025)", "Monday, June 2, 2025")."""
    w = _tail(D, "wd_tail", text, c.start, 24)
    if w:
        opened = "(" in text[w.start():c.start]
        c.start = w.start()
        if opened and c.end < len(text) and text[c.end] == ")":
            c.end += 1
    return c


def _scan(text: str, D: _D, ref: _dt.date | None, *, shapes_only: bool = False,
          periods: list | None = None) -> list[_Cand]:
    """Date candidates (and, when ``periods`` is a list, range-of-months/years candidates into it)."""
    out: list[_Cand] = []
    P = D.pats
    for h in P["scan"].finditer(lowered(text)):
        pos = h.start()
        if h.group(0)[0].isdigit():
            _at_digits(text, D, ref, pos, h.group(0), out, shapes_only, periods)
            continue
        key = _norm(h.group(0))
        if key in D.months:
            _at_month(text, D, ref, pos, out, shapes_only, periods)
        if key in D.weekdays:
            _at_weekday(text, D, ref, pos, out, shapes_only)
        if key in D.seasons:
            _at_season(text, D, ref, pos, key, out, shapes_only)
        if shapes_only or ref is None:
            continue
        if key in D.relative:
            unit, n = D.relative[key]
            got = _shift(ref, unit, n)
            if got:
                out.append(_Cand(pos, h.end(), 6, got[0], got[1], True))
        if P["ago_before"] is not None and key in D.ago_before:  # "hace dos años"
            m = P["ago_before"].match(text, pos)
            n = D.num_words(m.group("n")) if m else None
            unit = D.units.get(_norm(m.group("u"))) if m else None
            if m and n is not None and unit and n == int(n) and 0 < n < 1000:
                got = _shift(ref, unit, -int(n))
                if got:
                    out.append(_Cand(pos, m.end(), 6, got[0], got[1], True))
        if " " in key and key.split(" ", 1)[0] in D.units:  # "dua tahun lalu", "3 days ago"
            t = _tail(D, "n_tail", text, pos, 48)
            if not t:
                continue
            n = D.num_words(t.group("n"))
            unit = D.units.get(key.split(" ", 1)[0])
            if n is None or unit is None or n != int(n) or not 0 < n < 1000:
                continue
            got = _shift(ref, unit, -int(n))
            if got:
                out.append(_Cand(t.start(), h.end(), 6, got[0], got[1], True))
    return out


def _at_digits(text, D, ref, pos, digits, out, shapes_only, periods) -> None:
    P = D.pats
    m = P["num"].match(text, pos)
    if m:
        a, b, ys = int(m.group("a")), int(m.group("b")), m.group("y")
        if len(ys) == 4 or m.group("s") == "/":
            y = _year2(ys)
            got = _numeric(D, a, b, y)
            if got:
                out.append(_with_weekday(D, text, _Cand(pos, m.end(), 0, got.isoformat(), "day", False)))
            elif shapes_only and 1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12 and _YEAR_MIN <= y <= _YEAR_MAX:
                out.append(_Cand(pos, m.end(), 0, None, "day", False))
        return
    if len(digits) == 4:
        m = P["iso"].match(text, pos)
        if m:
            got = _date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if got:
                out.append(_Cand(pos, m.end(), 0, got.isoformat(), "day", False))
            return
        y = int(digits)
        if periods is not None:
            m = P["yrange"].match(text, pos)
            if m:
                o = _tail(D, "open_tail", text, pos)
                y2 = int(m.group("y2"))
                if (o or _norm(m.group("join")) not in D.join_needs_open) and _YEAR_MIN <= y < y2 <= _YEAR_MAX:
                    periods.append(_PCand(o.start() if o else pos, m.end(), 0, _ym(y, 1), _ym(y2, 12)))
        if not shapes_only and _YEAR_MIN <= y <= _YEAR_MAX and _tail(D, "year_tail", text, pos):
            out.append(_Cand(pos, pos + 4, 4, f"{y:04d}", "year", False))
        return
    if len(digits) <= 2:
        m = P["dmy"].match(text, pos)
        if m:
            month = D.months.get(_norm(m.group("m")))
            if month:
                c = _day_month(D, text, m, month, int(m.group("d")), ref, shapes_only)
                if c:
                    out.append(c)


def _at_month(text, D, ref, pos, out, shapes_only, periods) -> None:
    P = D.pats
    if P["mdy"] is not None:
        m = P["mdy"].match(text, pos)
        if m:  # with its day, a short month form is a date too ("Nov. 5")
            c = _day_month(D, text, m, D.months[_norm(m.group("m"))], int(m.group("d")), ref, shapes_only,
                           short_ok=True)
            if c:
                out.append(c)
                return
    m = P["my"].match(text, pos)
    if m:
        y = int(m.group("y"))
        if _YEAR_MIN <= y <= _YEAR_MAX:
            out.append(_Cand(pos, m.end(), 2, _ym(y, D.months[_norm(m.group("m"))]), "month", False))
    if shapes_only:
        return
    m = P["mrange"].match(text, pos)
    if m:
        rng = _month_range(text, D, ref, pos, m)
        if rng:
            (y1, m1), (y2, m2), explicit, start = rng
            if periods is not None:
                periods.append(_PCand(start, m.end(), 0, _ym(y1, m1), _ym(y2, m2)))
            out.append(_Cand(pos, m.end("m1"), 1, _ym(y1, m1), "month", not explicit))
            out.append(_Cand(m.start("m2"), m.end(), 1, _ym(y2, m2), "month", not explicit))
            return
    if ref is None:
        return
    if P["mrel"] is not None:
        m = P["mrel"].match(text, pos)
        if m and _capital_ok(D, m.group("m")):  # "Januari tahun ini", "enero del año pasado"
            y = ref.year + D.relative[_norm(m.group("r"))][1]
            if _YEAR_MIN <= y <= _YEAR_MAX:
                out.append(_Cand(pos, m.end(), 2, _ym(y, D.months[_norm(m.group("m"))]), "month", True))
                return
    m = P["mon"].match(text, pos)
    if not m:
        return
    word, key = m.group("m"), _norm(m.group("m"))
    if key not in D.months_alone or not _capital_ok(D, word):
        return
    pb = _tail(D, "pb_tail", text, pos, 24)
    post = m.group("post")
    if not (pb or post or _tail(D, "prep_tail", text, pos, 32)):
        return
    direction, inc = _marker(D, pb.group("w") if pb else None, post)
    y = _month_year(ref, D.months[key], direction or "past", inc if direction else True)
    out.append(_Cand(pb.start() if pb else pos, m.end(), 3, _ym(y, D.months[key]), "month", True))


def _month_range(text, D, ref, pos, m):
    o = _tail(D, "open_tail", text, pos)
    if _norm(m.group("join")) in D.join_needs_open and not o:
        return None
    m1, m2 = D.months.get(_norm(m.group("m1"))), D.months.get(_norm(m.group("m2")))
    if not m1 or not m2:
        return None
    y1 = int(m.group("y1")) if m.group("y1") else None
    y2 = int(m.group("y2")) if m.group("y2") else None
    explicit = y1 is not None or y2 is not None
    if y1 is None and y2 is None:
        if ref is None:
            return None
        y2 = _month_year(ref, m2, "past", True)
        y1 = y2 if m1 <= m2 else y2 - 1
    elif y2 is None:
        y2 = y1 if m2 >= m1 else y1 + 1
    elif y1 is None:
        y1 = y2 if m1 <= m2 else y2 - 1
    if not (_YEAR_MIN <= y1 <= _YEAR_MAX and _YEAR_MIN <= y2 <= _YEAR_MAX) or (y1, m1) > (y2, m2):
        return None
    return (y1, m1), (y2, m2), explicit, (o.start() if o else pos)


def _season_year(ref: _dt.date, s1: int, s2: int, direction: str, include_current: bool) -> int:
    """The year in which the meant season starts (a season without a year, see the docstring)."""
    now = (ref.year, ref.month)

    def span(y):
        return (y, s1), (y if s2 >= s1 else y + 1, s2)

    years = range(ref.year - 2, ref.year + 3)
    if direction == "next":
        ok = [y for y in years if (span(y)[1] >= now if include_current else span(y)[0] > now)]
        return min(ok)
    ok = [y for y in years if (span(y)[0] <= now if include_current else span(y)[1] < now)]
    return max(ok)


def _at_season(text, D, ref, pos, key, out, shapes_only) -> None:
    if shapes_only:
        return  # the year of "summer 2022" is the numbers scanner's year (year_preps)
    P = D.pats
    s1, s2 = D.seasons[key]
    m = P["season_y"].match(text, pos)
    if m:  # "summer of 2022", "musim gugur 2024"
        y = int(m.group("y"))
        if _YEAR_MIN <= y < _YEAR_MAX:
            out.append(_Cand(pos, m.end(), 2, _ym(y, s1), "season", False, _ym(y if s2 >= s1 else y + 1, s2)))
        return
    if ref is None:
        return
    m = P["season"].match(text, pos)
    if not m:
        return
    pb = _tail(D, "pb_tail", text, pos, 24)
    post = m.group("post")
    if not (pb or (post and not D.season_needs_cue) or _tail(D, "season_tail", text, pos, 32)):
        return  # "prices fall", "a spring": a season alone needs a cue or a marker
    direction, inc = _marker(D, pb.group("w") if pb else None, post)
    y = _season_year(ref, s1, s2, direction or "past", inc if direction else True)
    if _YEAR_MIN <= y < _YEAR_MAX:
        out.append(_Cand(pb.start() if pb else pos, m.end(), 3, _ym(y, s1), "season", True,
                         _ym(y if s2 >= s1 else y + 1, s2)))


def _at_weekday(text, D, ref, pos, out, shapes_only) -> None:
    P = D.pats
    m = P["wdm"].match(text, pos)
    if m:
        day, month = int(m.group("d")), int(m.group("m"))
        if 1 <= day <= 31 and 1 <= month <= 12:
            if ref is None:
                if shapes_only:
                    out.append(_Cand(pos, m.end(), 1, None, "day", True))
                return
            got = _nearest_year(ref, month, day, D.weekdays.get(_norm(m.group("wd"))))
            if got:
                out.append(_Cand(pos, m.end(), 1, got.isoformat(), "day", True))
            return
    if shapes_only or ref is None:
        return
    m = P["wd"].match(text, pos)
    if not m:
        return
    word, key = m.group("wd"), _norm(m.group("wd"))
    if key not in D.weekdays_alone or not _capital_ok(D, word):
        return
    pb = _tail(D, "pb_tail", text, pos, 24)
    post = m.group("post")
    cue = _tail(D, "prep_tail", text, pos, 32)
    if key in D.ambiguous:
        if not (cue and word[:1].isupper()):
            return
    elif D.needs_cue and not (cue or pb or post):
        return
    direction, _inc = _marker(D, pb.group("w") if pb else None, post)
    wd = D.weekdays[key]
    if direction == "next":
        delta = (wd - ref.weekday()) % 7 or 7
    else:
        delta = -((ref.weekday() - wd) % 7)
        if direction == "past" and delta == 0:
            delta = -7
    got = ref + _dt.timedelta(days=delta)
    out.append(_Cand(pb.start() if pb else pos, m.end(), 5, got.isoformat(), "day", True))


def _day_month(D: _D, text: str, m: re.Match, month: int, day: int, ref, shapes_only: bool,
               short_ok: bool = False) -> _Cand | None:
    ys = m.group("y")
    if ys:
        got = _date(int(ys), month, day)
        if not got:
            return None
        c = _Cand(m.start(), m.end(), 0, got.isoformat(), "day", False)
    else:
        if ((not short_ok and _norm(m.group("m")) not in D.months_alone) or not 1 <= day <= 31
                or not _capital_ok(D, m.group("m"))):
            return None
        if ref is None:
            return _Cand(m.start(), m.end(), 1, None, "day", True) if shapes_only else None
        direction, _inc = _marker(D, None, m.group("post"))
        w = _tail(D, "wd_tail", text, m.start(), 24)
        got = _nearest_year(ref, month, day, D.weekdays.get(_norm(w.group("wd"))) if w else None, direction)
        if not got:
            return None
        end = m.end()
        if end - 1 == m.end("m") and text[end - 1] == ".":
            end -= 1  # "pada 18 Juni." ends a sentence
        c = _Cand(m.start(), end, 1, got.isoformat(), "day", True)
    return _with_weekday(D, text, c)


def _select(cands: list) -> list:
    """Non-overlapping candidates: earliest first, then longest, then by priority."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), c.prio))
    out: list = []
    last_end = -1
    for c in cands:
        if c.start >= last_end:
            out.append(c)
            last_end = c.end
    return out


# --------------------------------------------------------------------------- public API

def _ref(ref) -> _dt.date | None:
    if isinstance(ref, _dt.datetime):
        return ref.date()
    if isinstance(ref, _dt.date):
        return ref
    if isinstance(ref, str):
        try:
            return _dt.date.fromisoformat(ref[:10])
        except ValueError:
            return None
    return None


def find_dates(text: str, lang: str, ref: _dt.date | None = None) -> list[DateMention]:
    """Dates in ``text``; relative ones are resolved against ``ref`` (skipped when it is None)."""
    if not text:
        return []
    D = _compiled(lang)
    out = []
    for c in _select(_scan(text, D, _ref(ref))):
        if c.value and c.precision == "season":  # a season is a date to its (first) year
            out.append(DateMention(c.start, c.end, text[c.start:c.end], c.value[:4], "year", c.relative))
        elif c.value:
            out.append(DateMention(c.start, c.end, text[c.start:c.end], c.value, c.precision, c.relative))
    return out


def date_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of text shaped like a calendar date with digits ("2/6/2025", "18 Juni", "Oktober 2024").

    Used by the numbers scanner so that the digits of a date are never read as amounts; it needs no
    reference date and keeps impossible numeric dates ("31/2/2025") too.
    """
    if not text:
        return []
    D = _compiled(lang)
    return [(c.start, c.end) for c in _select(_scan(text, D, None, shapes_only=True))]


def find_periods(text: str, lang: str, ref: _dt.date | None = None) -> list[Period]:
    """The stretches of months that phrases in ``text`` name (see the module docstring)."""
    if not text:
        return []
    D = _compiled(lang)
    r = _ref(ref)
    P = D.pats
    cands: list[_PCand] = []
    mentions = _select(_scan(text, D, r, periods=cands))
    mentions = [x for x in mentions if x.value]
    starts = [x.start for x in mentions]

    def first(x: _Cand) -> str:
        return x.value[:4] + "-01" if x.precision == "year" else x.value[:7]

    def last(x: _Cand) -> str:
        return x.last or (x.value[:4] + "-12" if x.precision == "year" else x.value[:7])

    # two dates joined: "Agustus lalu sampai Januari tahun ini", "from last summer to March"
    for x1, x2 in zip(mentions, mentions[1:]):
        if x1.precision == "day" or x2.precision == "day":
            continue
        j = P["join_gap"].match(text[x1.end:x2.start]) if x2.start - x1.end <= 40 else None
        if not j:
            continue
        o = _tail(D, "open_tail", text, x1.start)
        if _norm(j.group("join")) in D.join_needs_open and not o:
            continue
        if first(x1) <= last(x2):
            cands.append(_PCand(o.start() if o else x1.start, x2.end, 0, first(x1), last(x2)))

    # since: "sejak Februari 2022", "sejak perang dimulai pada Februari 2022", "since last year"
    low = lowered(text)
    for m in P["since"].finditer(low):
        i = bisect.bisect_left(starts, m.end())
        if i >= len(mentions):
            continue
        x = mentions[i]
        if x.start - m.end() > 60:
            continue
        gap = text[m.end():x.start]
        if len(gap) > 60 or _STOP.search(gap) or len(gap.split()) > 6:
            continue
        cands.append(_PCand(m.start(), x.end, 1, first(x), None))
    for x in mentions:
        t = _tail(D, "until_tail", text, x.start, 30)
        if t:
            cands.append(_PCand(t.start(), x.end, 2, None, last(x)))  # "hingga Maret 2025"
        if x.precision == "day":
            continue
        t = _tail(D, "in_tail", text, x.start, 30)
        if t is None and x.precision == "season":
            t = _tail(D, "season_tail", text, x.start, 32)  # "in the fall", "no inverno passado"
        if x.precision in ("month", "season") or t or x.relative:
            # "pada 2024", "tahun lalu", "April lalu", "Oktober 2024"
            cands.append(_PCand(t.start() if t else x.start, x.end, 3, first(x), last(x)))
    # recent: "dalam dua tahun terakhir", "in the past two years"
    if r is not None:
        for m in P["recent"].finditer(low):
            g = m.groupdict()
            uword = _norm(g["u1"] or g["u2"] or g.get("u3") or "")
            unit = D.units.get(uword)
            start = m.start()
            ntext = g["n1"] or g.get("n3")
            if m.group("u2"):
                t = _tail(D, "n_tail", text, m.start(), 48)
                if t:
                    ntext, start = t.group("n"), t.start()
                elif _tail(D, "vague_tail", text, m.start(), 32):
                    continue  # "beberapa bulan terakhir": a few months is no stated period
            if not ntext and uword in D.plural_units:
                continue  # "nas últimas semanas", "in den letzten Wochen": no number, no period
            n = D.num_words(ntext) if ntext else 1.0
            if unit is None or n is None or n != int(n) or not 0 < n < 1000:
                continue
            t = _tail(D, "recent_prep_tail", text, start, 24)
            start = t.start() if t else start
            months = {"years": 12, "months": 1}.get(unit)
            if months:
                y, mo = _add_months(r.year, r.month, -int(n) * months)
            else:
                d0 = r - _dt.timedelta(days=int(n) * (7 if unit == "weeks" else 1))
                y, mo = d0.year, d0.month
            if _YEAR_MIN <= y <= _YEAR_MAX:
                cands.append(_PCand(start, m.end(), 4, _ym(y, mo), _ym(r.year, r.month)))
    return [Period(c.start, c.end, text[c.start:c.end], c.period_start, c.period_end) for c in _select(cands)]


_STOP = re.compile(r"[.;:!?\n]")
_NO_WORDS = re.compile(r"[\W_]*")


@lru_cache(maxsize=None)
def _line_prefix(code: str) -> re.Pattern:
    D = _compiled(code)
    return compiled(r"\A(?:" + _opt(D.line_prefixes) + r")[ \t]*[:\-–—]?[ \t]*", re.I)


@lru_cache(maxsize=None)
def _line_rest(code: str) -> re.Pattern:
    D = _compiled(code)
    tz = _opt(D.timezones)
    pieces = [
        r"T?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\.\d+)?(?:[ \t]*(?:[ap]\.?m\.?))?(?![\w])",
        # "10h32", "10 h 32", "10h" (clock_marks)
        (r"\d{1,2}[ \t]?(?:" + D.clock + r")(?:[ \t]?\d{2})?(?!\w)") if D.clock else _NEVER,
        r"(?:" + tz + r")?[ \t]*[+-]\d{1,2}(?::?\d{2})?(?!\d)",
        tz,
        r"(?<=\d)Z(?!\w)",
        alternation(list(D.weekdays)) + r"\.?",
        _opt(D.fillers),
    ]
    return compiled("|".join("(?:" + p + ")" for p in pieces), re.I)


def _line_res(code: str) -> tuple[re.Pattern, re.Pattern]:
    return _line_prefix(code), _line_rest(code)


def _date_line(s: str, code: str) -> str | None:
    D = _compiled(code)
    body = _line_prefix(code).sub("", s, count=1)
    cands = [c for c in _select(_scan(body, D, None)) if c.value and c.precision == "day"]
    if len(cands) != 1:
        return None
    c = cands[0]
    residue = _line_rest(code).sub(" ", body[:c.start] + " " + body[c.end:])
    if _NO_WORDS.fullmatch(residue):
        return c.value
    return None


def parse_date_line(line: str, lang: str, codes: tuple[str, ...] | None = None) -> str | None:
    """``YYYY-MM-DD`` when ``line`` is only a date (with weekday, time, zone, "Updated" ...), else None.

    Read in ``lang`` first, then in the other languages of ``codes`` (default: every pack)."""
    s = " ".join((line or "").split())
    if not s or len(s) > 120 or not any(ch.isdigit() for ch in s):
        return None  # a date to the day always holds a digit
    others = _lang.available_languages() if codes is None else codes
    for code in [lang] + [c for c in others if c != lang]:
        try:
            v = _date_line(s, code)
        except (KeyError, ValueError):
            v = None
        if v:
            return v
    return None


def latest_explicit_date(text: str, lang: str) -> str | None:
    """The latest full date (``YYYY-MM-DD``) that ``text`` states outright, or None."""
    if not text:
        return None
    D = _compiled(lang)
    best = None
    for c in _select(_scan(text, D, None)):
        if c.value and c.precision == "day" and not c.relative and (best is None or c.value > best):
            best = c.value
    return best
