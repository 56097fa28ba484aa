"""The tables of the web UI as `table.View`s (columns, facets, date and value ranges) and the rows
each one starts from: the hits of the words searched, or all rows, within a scope (one claim group,
article, entity or story). Number search lives here too: a query that is a number ("12 million",
"12.000.000", "12 juta", "≈ 12,000,000") is read with the language packs' number parser and finds the
claims of that value; a number with words ("12 juta tentara", "600 killed") finds the claims of that
value whose quote, object or action holds every word."""
from __future__ import annotations

import re
from functools import lru_cache

from saksi import lang
from saksi.extract.numbers import parse_number
from saksi.web.search import Reader
from saksi.web.table import Column, View, date_span

_LETTERS = re.compile(r"[^\W\d_]+")
_MAX_NUMBER_QUERY = 60
_NUMBER_TOKENS = 4  # the most words a number may span in a query ("≈ 12 mil millones")


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


# The one-letter stance badges of the claims tables (a legend above each table spells them out).
STANCE_MARKS = {"asserted": "S", "reported": "R", "alleged": "A", "confirmed": "C", "denied": "D", "planned": "P"}


def split_number(text: str) -> tuple[tuple[float, ...], str]:
    """A query as (the values of the number in it, the words around it): the longest run of words
    holding a digit that reads as a number, the first of the longest; ((), text) when none does."""
    toks = (text or "").split()
    if len(" ".join(toks)) > _MAX_NUMBER_QUERY:
        return (), text
    for n in range(min(_NUMBER_TOKENS, len(toks)), 0, -1):
        for i in range(len(toks) - n + 1):
            vals = number_values(" ".join(toks[i:i + n]))
            if vals:
                return vals, " ".join(toks[:i] + toks[i + n:])
    return (), text


def _words_in(c: dict, words: list[str]) -> bool:
    hay = " ".join(str(c.get(k) or "") for k in ("quote", "object", "action")).casefold()
    return all(w in hay for w in words)


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

LEDGER = View("ledger", (
    Column("group", "group"), Column("verdict", "verdict", get=lambda r: r["group_verdict"]),
    Column("value", "value", "num", claim_number), Column("date", "period", "date", lambda r: r.get("period_start")),
    Column("stance", "stance"), Column("according_to", "according to", get=_joined("attributed_to")),
    Column("root", "root"), Column("article", "article", get=lambda r: r.get("article_label") or r.get("article")),
    Column("quote", "quote"), Column("file", "file", get=lambda r: r.get("article")), Column("id", "id"),
), facets=("verdict",), number=claim_number, block="group")

SKIPPED = View("skipped", (Column("path", "input"), Column("reason", "reason")))

VIEWS = {v.name: v for v in (CLAIMS, EVENTS, ARTICLES, ENTITIES, STORIES, TIMELINE, LEDGER, SKIPPED)}
SEARCHED = ("claims", "entities", "stories", "articles", "events")  # the kinds the search page lists


def ledger_rows(groups: list[dict], articles: dict) -> list[dict]:
    """The claims of every claim group, group after group, each with its group's id and verdict."""
    return [{**c, "group": g["id"], "group_verdict": g["verdict"] or "none",
             "article_label": (articles.get(c.get("article")) or {}).get("label")}
            for g in groups for c in g["claims"]]


def base_rows(reader: Reader, conn, kind: str, q: str, scope: dict | None = None) -> tuple[list[dict], str]:
    """The rows of `kind` the words `q` find (all rows without words), best match first, and how
    they were found: "number" (q read as a number), "number+words", "words" or "" (no words).
    `scope` (table.SCOPES): only the rows of one claim group, article (file), entity or story."""
    scope = scope or {}
    if kind == "claims":
        return _claims(reader, conn, q, scope)
    corpus = reader.corpus(conn)
    if kind in ("timeline", "ledger", "skipped"):
        rows = {"timeline": lambda: corpus["timeline"], "skipped": lambda: reader.overview(conn)["errors"],
                "ledger": lambda: ledger_rows(corpus["groups"], corpus["articles"])}[kind]()
        return rows, ""
    rows = getattr(reader, f"search_{kind}")(conn, q or None)
    if kind == "events" and scope.get("entity"):
        name = scope["entity"]
        rows = [e for e in rows if e.get("place") == name or name in (e.get("participants") or [])]
    if kind == "articles" and scope.get("story"):
        s = corpus["story_by_id"].get(scope["story"])
        order = {m: i for i, m in enumerate(s["members"] if s else [])}
        rows = sorted((a for a in rows if a["article"] in order), key=lambda a: order[a["article"]])
    return rows, "words" if q.strip() else ""


def _in_scope(rows: list[dict], corpus: dict, scope: dict) -> list[dict]:
    if scope.get("group"):
        g = corpus["group_by_id"].get(scope["group"])
        members = {c.get("id") for c in (g["claims"] if g else [])}
        rows = [c for c in rows if c["id"] in members]
    if scope.get("file"):
        rows = [c for c in rows if c.get("article") == scope["file"]]
    if scope.get("entity"):
        name = scope["entity"]
        rows = [c for c in rows if name in (c.get("actor"), c.get("recipient")) or name in (c.get("attributed_to") or [])]
    return rows


def _claims(reader: Reader, conn, q: str, scope: dict) -> tuple[list[dict], str]:
    corpus = reader.corpus(conn)
    rows = _in_scope(corpus["claim_rows"], corpus, scope)
    wanted, words = split_number(q)
    if wanted:
        words_cf = words.casefold().split()
        hits = [c for c in rows if _has_value(c, wanted) and _words_in(c, words_cf)]
        if hits:  # no claim of that value: the digits are searched as words below
            return hits, "number+words" if words_cf else "number"
    ids = reader.claim_hits(conn, q)
    if ids is None:
        return rows, ""
    by_id = {c["id"]: c for c in rows}
    return [by_id[i] for i in ids if i in by_id], "words"
