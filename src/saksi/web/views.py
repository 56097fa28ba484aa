"""The tables of the web UI as `table.View`s (columns, facets, date and value ranges) and the rows
each one starts from: the hits of the words searched, or all rows. Number search lives here too: a
query that is a number ("12 million", "12.000.000", "12 juta", "≈ 12,000,000") is read with the
language packs' number parser and finds the claims of that value."""
from __future__ import annotations

import re
from functools import lru_cache

from saksi import lang
from saksi.extract.numbers import parse_number
from saksi.web.search import Reader
from saksi.web.table import Column, View, date_span

_LETTERS = re.compile(r"[^\W\d_]+")
_MAX_NUMBER_QUERY = 60


@lru_cache(maxsize=1024)
def number_values(text: str) -> tuple[float, ...]:
    """The values `text` may mean when it is only a number, in any language saksi reads; () if it is
    not one. A query needs a digit (a word such as "one" stays a word search). When some language read
    words after the digits as a multiplier ("12m", "12 juta"), readings that ignored them are dropped."""
    t = " ".join((text or "").split())
    if not re.search(r"\d", t) or len(t) > _MAX_NUMBER_QUERY:
        return ()
    codes = lang.available_languages()
    vals = {v for code in codes if (v := parse_number(t, code)) is not None}
    if _LETTERS.search(t):
        bare = _LETTERS.sub(" ", t)
        plain = {v for code in codes if (v := parse_number(bare, code)) is not None}
        vals = (vals - plain) or vals
    return tuple(sorted(vals))


def claim_number(c: dict) -> float | None:
    """The number a claim states: its value, else its lower bound, else its upper bound."""
    return next((v for v in (c.get("value"), c.get("value_low"), c.get("value_high")) if v is not None), None)


def _has_value(c: dict, wanted: tuple[float, ...]) -> bool:
    return any(v is not None and any(abs(v - w) <= 1e-9 * max(1.0, abs(w)) for w in wanted)
               for v in (c.get("value"), c.get("value_low"), c.get("value_high")))


def _period_span(c: dict):
    a, b = date_span(c.get("period_start")), date_span(c.get("period_end"))
    if a and b:
        return a[0], b[1]
    return a or b


def _published_span(r: dict):
    return date_span(r.get("published"))


def _story_span(s: dict):
    first, last = date_span(s.get("first_date")), date_span(s.get("last_date"))
    return (first[0], (last or first)[1]) if first else last


def _joined(key: str, sep: str = " ← "):
    return lambda r: sep.join(map(str, r.get(key) or [])) or None


CLAIMS = View("claims", (
    Column("value", "value", "num", claim_number), Column("action", "action"), Column("actor", "actor"),
    Column("recipient", "recipient"), Column("object", "object"), Column("stance", "stance"),
    Column("according_to", "according to", get=_joined("attributed_to")),
    Column("source", "source (root)"), Column("article", "article", get=lambda r: r.get("article_label")),
    Column("outlet", "outlet"), Column("language", "language"), Column("date", "claim date", "date"),
    Column("published", "article date", "date"), Column("quote", "quote"),
    Column("verdict", "verdict", get=_joined("verdicts", ", ")), Column("file", "file", get=lambda r: r.get("article")),
    Column("id", "id"),
), facets=("action", "language", "outlet", "source", "stance"),
    dates={"claim": _period_span, "article": _published_span}, number=claim_number)

EVENTS = View("events", (
    Column("date", "date", "date"), Column("type", "type"), Column("summary", "summary"),
    Column("participants", "participants", get=_joined("participants", ", ")), Column("place", "place"),
    Column("article", "article", get=lambda r: r.get("article_label")), Column("outlet", "outlet"),
    Column("language", "language"), Column("published", "article date", "date"),
    Column("file", "file", get=lambda r: r.get("article")), Column("id", "id"),
), facets=("type", "language", "outlet"),
    dates={"event": lambda r: date_span(r.get("date")), "article": _published_span})

ARTICLES = View("articles", (
    Column("article", "title", get=lambda r: r.get("label")), Column("outlet", "outlet"),
    Column("published", "published", "date"), Column("language", "language"), Column("author", "author"),
    Column("file", "file", get=lambda r: r.get("article")),
), facets=("outlet", "language"), dates={"article": _published_span})

ENTITIES = View("entities", (
    Column("canonical", "canonical"), Column("type", "type"),
    Column("aliases", "aliases seen", get=_joined("aliases", " · ")), Column("mentions", "mentions", "num"),
    Column("articles", "articles", "num"),
), facets=("type",))

STORIES = View("stories", (
    Column("id", "story"), Column("label", "about"), Column("first_date", "first date", "date"),
    Column("last_date", "last date", "date"), Column("articles", "articles", "num", lambda s: len(s["members"])),
), dates={"story": _story_span})

TIMELINE = View("timeline", (
    Column("date", "date", "date"), Column("type", "type"), Column("summary", "summary"),
    Column("participants", "participants", get=_joined("participants", ", ")), Column("place", "place"),
    Column("reported_by", "reported by", "num", lambda r: len(r.get("articles") or [])),
    Column("articles", "articles", get=_joined("articles", ", ")),
), facets=("type",), dates={"event": lambda r: date_span(r.get("date"))})

VIEWS = {v.name: v for v in (CLAIMS, EVENTS, ARTICLES, ENTITIES, STORIES, TIMELINE)}
SEARCHED = ("claims", "entities", "stories", "articles", "events")  # the kinds the search page lists


def base_rows(reader: Reader, conn, kind: str, q: str, group: str = "") -> tuple[list[dict], str]:
    """The rows of `kind` the words `q` find (all rows without words), best match first, and how
    they were found: "number" (q read as a number), "words" or "" (no words). `group`: only the
    claims of that claim group."""
    if kind == "claims":
        return _claims(reader, conn, q, group)
    if kind == "timeline":
        return reader.corpus(conn)["timeline"], ""
    rows = getattr(reader, f"search_{kind}")(conn, q or None)
    return rows, "words" if q.strip() else ""


def _claims(reader: Reader, conn, q: str, group: str) -> tuple[list[dict], str]:
    corpus = reader.corpus(conn)
    rows = corpus["claim_rows"]
    if group:
        g = corpus["group_by_id"].get(group)
        members = {c.get("id") for c in (g["claims"] if g else [])}
        rows = [c for c in rows if c["id"] in members]
    wanted = number_values(q)
    if wanted:
        hits = [c for c in rows if _has_value(c, wanted)]
        if hits:  # no claim of that value: the digits are searched as words below
            return hits, "number"
    ids = reader.claim_hits(conn, q)
    if ids is None:
        return rows, ""
    by_id = {c["id"]: c for c in rows}
    return [by_id[i] for i in ids if i in by_id], "words"
