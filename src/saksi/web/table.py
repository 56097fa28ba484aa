"""Tables the way datasette shows them: every table is a `View` (its columns, facets, date and value
ranges), and one request's `Query` (sort, facet filters, ranges, page) selects its rows. The HTML
page, the CSV and the JSON download all go through `select`, so a download holds exactly the rows
of the table, every page of them, in the same order.

Rows are plain dicts already in memory (the reader caches them per store state); sorting, facets and
ranges are Python over them, so no request value ever reaches SQL. Query values are validated here:
a bad one raises `BadRequest` with a one-line message (the app answers 400)."""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import date
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import urlencode

from saksi.corpus import dates

SIZES = (1, 1000)  # smallest and largest page a `size` may ask for
PAGE = 50
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a CSV cell starting so runs as a formula in a spreadsheet


class BadRequest(ValueError):
    """A query value that cannot be used; its message is the one line shown to the user."""


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    kind: str = "text"  # text | num | date: how it sorts (numbers numerically, dates as dates)
    get: Callable[[dict], Any] | None = None  # the cell's value (default: row[name])

    def value(self, row: dict):
        return self.get(row) if self.get else row.get(self.name)


@dataclass(frozen=True)
class View:
    name: str
    columns: tuple[Column, ...]
    facets: tuple[str, ...] = ()  # column names counted per value
    dates: dict[str, Callable[[dict], tuple[str, str] | None]] = field(default_factory=dict)  # on → span
    number: Callable[[dict], float | None] | None = None  # what min/max apply to
    block: str = ""  # a column whose runs of rows stay together in their first order (sorting is within each)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


@dataclass
class Query:
    q: str = ""
    scope: dict[str, str] = field(default_factory=dict)  # SCOPES → name: only the rows of one group, article…
    sort: str = ""
    desc: bool = False
    facets: dict[str, list[str]] = field(default_factory=dict)
    actor: str = ""
    article: str = ""
    date_from: str = ""
    date_to: str = ""
    date_on: str = ""
    vmin: float | None = None
    vmax: float | None = None
    vmin_text: str = ""
    vmax_text: str = ""
    page: int = 1
    size: int = PAGE
    fixed: tuple[tuple[str, str], ...] = ()  # pairs every link of the view keeps first (the search kind)
    prefix: str = ""  # before each key of this table's own pairs, so two tables of one page sort apart

    def active(self) -> bool:
        """Whether anything narrows the rows (beyond the words searched)."""
        return bool(any(self.facets.values()) or self.actor or self.article or self.date_from or self.date_to
                    or self.vmin is not None or self.vmax is not None)

    def params(self, **change) -> list[tuple[str, str]]:
        """The query string as pairs (facets repeated), with `change` applied; empty values left out.
        `facet=(name, value)` toggles one facet value (value None: clears that facet); page goes back
        to 1 unless given."""
        toggle = change.pop("facet", None)
        facets = {k: list(v) for k, v in self.facets.items()}
        if toggle:
            name, value = toggle
            vals = facets.setdefault(name, [])
            if value is None:
                vals.clear()
            elif value in vals:
                vals.remove(value)
            else:
                vals.append(value)
        base = {"q": self.q, "sort": self.sort, "desc": "1" if self.desc else "", "actor": self.actor,
                "article": self.article, "from": self.date_from, "to": self.date_to, "on": self.date_on,
                "min": self.vmin_text, "max": self.vmax_text, "size": "" if self.size == PAGE else str(self.size),
                "page": ""}
        base.update({k: ("" if v is None else str(v)) for k, v in change.items()})
        if base["page"] in ("1", 1):
            base["page"] = ""
        own = [*((k, v) for k, v in base.items() if v), *((k, v) for k, vals in facets.items() for v in vals)]
        return [*self.fixed, *((k, v) for k, v in self.scope.items() if v), *((self.prefix + k, v) for k, v in own)]

    def qs(self, **change) -> str:
        return urlencode(self.params(**change))

    def download_qs(self) -> str:
        """The query string of this table's download: its scope and its own pairs, without prefix."""
        return urlencode(Query(**{**self.__dict__, "fixed": (), "prefix": "", "page": 1}).params())


# ----------------------------------------------------------------------------- parsing
def date_span(value: Any) -> tuple[str, str] | None:
    """A date or part of one ("2024", "2024-10", "2024-10-05T10:00") as its first and last day, ISO."""
    m = _DATE.match(str(value)) if value else None
    span = dates.day_span(m.group()) if m else None
    return (date.fromordinal(span[0]).isoformat(), date.fromordinal(span[1]).isoformat()) if span else None


def _date_param(name: str, value: str) -> str:
    value = value.strip()
    if value and not (date_span(value) and _DATE.fullmatch(value)):
        raise BadRequest(f"{name}={value[:40]!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value


SCOPES = ("group", "file", "entity", "story")  # what a table may be limited to (views.base_rows applies them)


def parse_query(items, view: View, read_number: Callable[[str], list[float]], prefix: str = "") -> Query:
    """A request's query pairs as a Query for `view`; raises BadRequest for a value it cannot use.
    `read_number` turns "12 million" and the like into candidate values (min/max use the largest).
    `prefix`: only the pairs whose key starts with it are this table's (scopes never have one)."""
    one: dict[str, str] = {}
    facets: dict[str, list[str]] = {f: [] for f in view.facets}
    scope = {k: v for k, v in items if k in SCOPES and v}
    items = [(k[len(prefix):], v) for k, v in items if k.startswith(prefix)]
    for k, v in items:
        if k in facets:
            if v and v not in facets[k]:
                facets[k].append(v)
        else:
            one.setdefault(k, v)
    sort = one.get("sort", "").strip()
    if sort and view.column(sort) is None:
        names = ", ".join(c.name for c in view.columns)
        raise BadRequest(f"sort={sort[:40]!r}: {view.name} have no such column (one of: {names})")
    desc = one.get("desc", "").strip()
    if desc not in ("", "0", "1"):
        raise BadRequest(f"desc={desc[:20]!r}: give 1 (descending) or 0")
    on = one.get("on", "").strip()
    if on and on not in view.dates:
        raise BadRequest(f"on={on[:40]!r}: {view.name} have dates on: {', '.join(view.dates) or 'nothing'}")
    query = Query(q=one.get("q", ""), scope=scope, sort=sort, desc=desc == "1", facets=facets,
                  actor=one.get("actor", ""), article=one.get("article", ""),
                  date_from=_date_param("from", one.get("from", "")), date_to=_date_param("to", one.get("to", "")),
                  date_on=on, prefix=prefix)
    for key in ("min", "max"):
        text = one.get(key, "").strip()
        if not text:
            continue
        if view.number is None:
            raise BadRequest(f"{key}: {view.name} have no value to range over")
        vals = read_number(text)
        if not vals:
            raise BadRequest(f"{key}={text[:40]!r}: not a number")
        setattr(query, f"v{key}", max(vals))
        setattr(query, f"v{key}_text", text)
    size = one.get("size", "").strip()
    if size:
        if not (size.isascii() and size.isdigit() and SIZES[0] <= int(size) <= SIZES[1]):
            raise BadRequest(f"size={size[:20]!r}: give a page size from {SIZES[0]} to {SIZES[1]}")
        query.size = int(size)
    return query


# ----------------------------------------------------------------------------- selecting
def _overlaps(span, lo: str, hi: str) -> bool:
    return span is not None and (not lo or span[1] >= lo) and (not hi or span[0] <= hi)


def narrow(rows: list[dict], view: View, query: Query) -> list[dict]:
    """The rows every filter of `query` keeps (facets, actor, article, date and value ranges)."""
    checks = []
    for name, vals in query.facets.items():
        if vals:
            col, wanted = view.column(name), set(vals)
            checks.append(lambda r, col=col, wanted=wanted: _facet_value(col, r) in wanted)
    if query.actor:
        checks.append(lambda r: r.get("actor") == query.actor)
    if query.article:
        needle = query.article.casefold()
        checks.append(lambda r: needle in r.get("article_haystack", ""))
    if (query.date_from or query.date_to) and view.dates:
        lo = (date_span(query.date_from) or ("", ""))[0]
        hi = (date_span(query.date_to) or ("", ""))[1]
        span_of = view.dates[query.date_on or next(iter(view.dates))]
        checks.append(lambda r: _overlaps(span_of(r), lo, hi))
    if query.vmin is not None or query.vmax is not None:
        lo_v = float("-inf") if query.vmin is None else query.vmin
        hi_v = float("inf") if query.vmax is None else query.vmax
        checks.append(lambda r: (v := view.number(r)) is not None and lo_v <= v <= hi_v)
    return [r for r in rows if all(ok(r) for ok in checks)]


def _facet_value(col: Column, row: dict) -> str:
    v = col.value(row)
    return "" if v is None else str(v)


def facet_counts(rows: list[dict], view: View, query: Query, limit: int = 30) -> list[dict]:
    """Per facet: its values with their counts over `rows`, the most frequent first (selected values
    always listed), each with the query string that adds or removes it."""
    out = []
    for name in view.facets:
        col = view.column(name)
        counts = Counter(_facet_value(col, r) for r in rows)
        counts.pop("", None)
        chosen = query.facets.get(name, [])
        top = [v for v, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
        values = [{"value": v, "count": counts.get(v, 0), "on": v in chosen, "qs": query.qs(facet=(name, v))}
                  for v in dict.fromkeys([*chosen, *top])]
        out.append({"name": name, "label": col.label, "values": values, "more": max(0, len(counts) - limit)})
    return out


def _sort_key(kind: str, v):
    if kind == "num":
        return float(v)
    if kind == "date":
        return str(v)[:25]
    return str(v).casefold()


def _sortable(kind: str, v) -> bool:
    if v is None or v == "" or v == []:
        return False
    if kind == "num":
        return isinstance(v, (int, float)) and v == v
    return kind != "date" or date_span(v) is not None


def sort_rows(rows: list[dict], view: View, query: Query) -> list[dict]:
    """`rows` in the asked order (stable: ties keep the default order); rows without a value last."""
    col = view.column(query.sort) if query.sort else None
    if col is None:
        return rows
    have, empty = [], []
    for r in rows:
        (have if _sortable(col.kind, col.value(r)) else empty).append(r)
    have.sort(key=lambda r: _sort_key(col.kind, col.value(r)), reverse=query.desc)
    return _in_blocks(have + empty, view, rows)


def _in_blocks(ordered: list[dict], view: View, default: list[dict]) -> list[dict]:
    """`ordered` with the rows of each block (view.block) together, blocks in their `default` order."""
    if not view.block:
        return ordered
    col = view.column(view.block)
    first = {}
    for r in default:
        first.setdefault(_facet_value(col, r), len(first))
    return sorted(ordered, key=lambda r: first[_facet_value(col, r)])


def select(rows: list[dict], view: View, query: Query) -> tuple[list[dict], list[dict]]:
    """(the rows of the table, all pages, in order; the facet counts over them)."""
    kept = narrow(rows, view, query)
    return sort_rows(kept, view, query), facet_counts(kept, view, query)


def page_of(rows: list[dict], query: Query) -> tuple[list[dict], int, int]:
    """(the rows of the query's page, that page number clamped, the number of pages)."""
    pages = max(1, -(-len(rows) // query.size))
    page = min(query.page, pages)
    return rows[(page - 1) * query.size: page * query.size], page, pages


# ----------------------------------------------------------------------------- downloads
def cells(view: View, row: dict) -> dict:
    """A row as {column name: plain value} (lists joined by " ← " are kept as lists for JSON)."""
    return {c.name: c.value(row) for c in view.columns}


def _csv_cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        v = " ← ".join(map(str, v))
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v)
    return "'" + s if isinstance(v, str) and s.startswith(_FORMULA) else s


def to_csv(view: View, rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.name for c in view.columns])
    for r in rows:
        w.writerow([_csv_cell(c.value(r)) for c in view.columns])
    return buf.getvalue()


def to_json(view: View, rows: list[dict], query: Query) -> dict:
    return {"view": view.name, "total": len(rows), "query": dict(query.params()) | {
                k: v for k, v in query.facets.items() if v},
            "columns": [{"name": c.name, "label": c.label, "kind": c.kind} for c in view.columns],
            "rows": [cells(view, r) for r in rows]}
