"""The dossier: OUT/report.html (one self-contained page: CSS, JS and the timeline chart inline, no
network) and OUT/report.md, both read from the store.

Everything an article brings (its text, title, names, quotes) is untrusted. HTML is built by Jinja
with autoescaping on; the one place that assembles markup by hand, `highlight`, escapes every
segment of text and only adds tags of its own. The page carries a Content-Security-Policy that
allows only its own inline script and style (by hash), so even a slip in escaping could not run a
script.

The functions here that gather and shape data (`collect`, `entity_index`, `claim_groups`,
`timeline_svg`, `highlight`, ...) are shared with the web UI (`saksi.web`).
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote as urlquote

from markupsafe import Markup, escape

from saksi.corpus.groups import RULE as SOURCES_RULE

KEPT_KINDS = frozenset({"content", "subheading", "standfirst"})
VERDICTS = ("contradiction", "scope_difference", "denial", "compatible")
VERDICT_LABELS = {
    "contradiction": "contradiction",
    "scope_difference": "difference of scope",
    "denial": "denial",
    "compatible": "compatible",
}
QUALIFIER_SIGNS = {"exact": "", "approx": "≈ ", "more_than": "> ", "less_than": "< ", "up_to": "≤ ",
                   "at_least": "≥ "}


# ----------------------------------------------------------------------------- small helpers
_SAFE_ID = re.compile(r"[A-Za-z0-9_.-]+")


def slug(value: Any, prefix: str = "") -> str:
    """A stable HTML id for any name: kept as is when it is plain, else cleaned and made unique."""
    s = str(value)
    if _SAFE_ID.fullmatch(s):
        return prefix + s
    clean = re.sub(r"[^A-Za-z0-9_.-]+", "-", s).strip("-")[:60]
    return f"{prefix}{clean}-{zlib.crc32(s.encode('utf-8', 'surrogatepass')):08x}"


def urlq(value: Any) -> str:
    """A path segment: every character but the unreserved ones percent-encoded."""
    return urlquote(str(value), safe="")


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain web link, else None (never a javascript:, data: or other scheme)."""
    if not url or not isinstance(url, str):
        return None
    u = url.strip()
    if re.match(r"(?i)https?://[^\s<>\"']+$", u):
        return u
    return None


def fmt_num(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)):
        if isinstance(v, float) and not math.isfinite(v):
            return str(v)
        if float(v).is_integer():
            return f"{int(v):,}"
        return f"{v:,.2f}".rstrip("0").rstrip(".")
    return str(v)


def fmt_value(c: dict) -> str:
    """A claim's number as a reader says it: ``≈ 12,000``, ``10,000–12,000``, ``thousands (≥ 1,000)``."""
    q = c.get("qualifier") or "exact"
    v, lo, hi = c.get("value"), c.get("value_low"), c.get("value_high")
    if q == "range" or (v is None and lo is not None and hi is not None):
        return f"{fmt_num(lo)}–{fmt_num(hi)}"
    if q == "vague":
        return f"vague (≥ {fmt_num(lo)})" if lo is not None else "vague"
    if v is None:
        if lo is not None:
            return f"≥ {fmt_num(lo)}"
        if hi is not None:
            return f"≤ {fmt_num(hi)}"
        return "—"
    return QUALIFIER_SIGNS.get(q, "") + fmt_num(v)


def fmt_period(c: dict) -> str:
    s, e = c.get("period_start"), c.get("period_end")
    if s and e:
        return s if s == e else f"{s} … {e}"
    if s:
        return f"since {s}"
    if e:
        return f"until {e}"
    return ""


def as_list(v: Any) -> list:
    if v is None:
        return []
    if isinstance(v, (list, tuple, set, frozenset)):
        return list(v)
    if isinstance(v, str):
        if v.startswith("["):
            try:
                x = json.loads(v)
                if isinstance(x, list):
                    return x
            except ValueError:
                pass
        return [v]
    return [v]


def first_of(row: dict, *names: str, default=None):
    for n in names:
        if n in row and row[n] not in (None, "", [], {}):
            return row[n]
    return default


# ----------------------------------------------------------------------------- highlighting
@dataclass
class Span:
    """A stretch of an article's text to mark. ``tag`` is ``mark`` for evidence, ``span`` for context
    (e.g. a removed line). ``anchor`` becomes the id of the first element the span opens."""

    start: int
    end: int
    cls: str
    ref: str | None = None
    anchor: str | None = None
    title: str | None = None
    tag: str = "mark"
    priority: int = 0  # a span of higher priority is never split by one of lower priority

    def open_tag(self, first: bool) -> str:
        attrs = [f'class="{escape(self.cls)}"']
        if self.ref:
            attrs.append(f'data-ref="{escape(self.ref)}"')
        if first and self.anchor:
            attrs.append(f'id="{escape(self.anchor)}"')
        if self.title:
            attrs.append(f'title="{escape(self.title)}"')
        tag = "mark" if self.tag == "mark" else "span"
        return f"<{tag} {' '.join(attrs)}>"

    def close_tag(self) -> str:
        return "</mark>" if self.tag == "mark" else "</span>"


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """The text, escaped, with each span wrapped in its tag. Spans that nest become nested elements
    (a claim's quote inside an event's stays one <mark>); where spans cross, the one of lower priority
    (or opened later) is closed and reopened, so a focused span always stays one element."""
    text = text or ""
    n = len(text)
    items = []
    for sp in spans:
        s, e = max(0, int(sp.start)), min(n, int(sp.end))
        if e > s:
            items.append((s, e, sp))
    if not items:
        return Markup(escape(text))
    starts: dict[int, list] = defaultdict(list)
    points = {0, n}
    for it in items:
        starts[it[0]].append(it)
        points.update(it[:2])
    for lst in starts.values():  # at one position: higher priority, then the longer span, opens first
        lst.sort(key=lambda t: (-t[2].priority, -t[1]))
    out: list[str] = []
    stack: list[tuple[int, int, Span]] = []
    opened: set[int] = set()

    def open_(item) -> None:
        out.append(item[2].open_tag(id(item) not in opened))
        opened.add(id(item))
        stack.append(item)

    ordered = sorted(points)
    for i, p in enumerate(ordered):
        low = next((k for k, it in enumerate(stack) if it[1] == p), None)
        if low is not None:  # close what ends here; reopen what was above it and goes on
            keep = []
            while len(stack) > low:
                item = stack.pop()
                out.append(item[2].close_tag())
                if item[1] != p:
                    keep.append(item)
            for item in reversed(keep):
                open_(item)
        for item in starts.get(p, ()):
            lower = []
            while stack and stack[-1][2].priority < item[2].priority:
                lower.append(stack.pop())
                out.append(lower[-1][2].close_tag())
            open_(item)
            for it in reversed(lower):
                open_(it)
        if i + 1 < len(ordered):
            out.append(str(escape(text[p:ordered[i + 1]])))
    while stack:
        out.append(stack.pop()[2].close_tag())
    return Markup("".join(out))


def claim_title(c: dict) -> str:
    bits = [c.get("action") or "", fmt_value(c), c.get("object") or ""]
    if c.get("stance"):
        bits.append(f"({c['stance']})")
    return " ".join(b for b in bits if b)


def article_spans(article: dict, claims: list[dict], events: list[dict], lines: list[dict] | None = None,
                  focus: str | None = None) -> list[Span]:
    """The spans to mark in an article's original text: claims, events, and removed lines."""
    spans: list[Span] = []
    for ln in lines or ():
        kind = ln.get("kind") or "other"
        if kind not in KEPT_KINDS:
            spans.append(Span(ln["start"], ln["end"], f"removed rm-{re.sub(r'[^a-z_]', '', kind)}",
                              title=f"removed: {kind}", tag="span"))
    for e in events:
        hit = bool(focus) and e.get("id") == focus
        spans.append(Span(e["start"], e["end"], "hl hl-event" + (" focus" if hit else ""), ref=e.get("id"),
                          anchor=slug(e.get("id"), "ev-"), priority=int(hit),
                          title=f"event {e.get('date', '')} {e.get('type', '')}: {e.get('summary', '')}"))
    for c in claims:
        hit = bool(focus) and c.get("id") == focus
        cls = f"hl hl-claim stance-{re.sub(r'[^a-z_]', '', c.get('stance') or '')}" + (" focus" if hit else "")
        spans.append(Span(c["start"], c["end"], cls, ref=c.get("id"), anchor=slug(c.get("id"), "ev-"),
                          title=claim_title(c), priority=int(hit)))
    return spans


def removed_lines(lines: list[dict]) -> list[tuple[str, list[str]]]:
    """Lines the cleaner took out of the body, by kind (in the order kinds first appear)."""
    by_kind: dict[str, list[str]] = {}
    for ln in lines:
        kind = ln.get("kind") or "other"
        if kind in KEPT_KINDS:
            continue
        t = (ln.get("text") or "").strip()
        if t:
            by_kind.setdefault(kind, []).append(t)
    return list(by_kind.items())


# ----------------------------------------------------------------------------- entities
def entity_index(conn, canonical: str | None = None, article_cap: int = 50) -> list[dict]:
    """One row per canonical name in the mentions table: its type (the most frequent), the aliases
    seen (surface forms with counts), how many mentions and which articles."""
    where, args = ("WHERE m.canonical = ?", (canonical,)) if canonical is not None else ("", ())
    rows: dict[str, dict] = {}
    types: dict[str, Counter] = defaultdict(Counter)
    for r in conn.execute(f"SELECT m.canonical, m.type, m.text, m.qid, count(*) AS n FROM mentions m {where} "
                          "GROUP BY m.canonical, m.type, m.text, m.qid", args):
        d = rows.setdefault(r["canonical"], {"canonical": r["canonical"], "type": None, "qid": None,
                                             "mentions": 0, "aliases": Counter(), "articles": []})
        d["mentions"] += r["n"]
        d["aliases"][r["text"]] += r["n"]
        types[r["canonical"]][r["type"]] += r["n"]
        if r["qid"] and not d["qid"]:
            d["qid"] = r["qid"]
    for r in conn.execute(f"SELECT m.canonical, a.name AS article, count(*) AS n FROM mentions m "
                          f"JOIN articles a ON a.key = m.key {where} GROUP BY m.canonical, a.name "
                          "ORDER BY m.canonical, n DESC, a.name", args):
        rows[r["canonical"]]["articles"].append(r["article"])
    out = []
    for name, d in rows.items():
        d["type"] = types[name].most_common(1)[0][0] if types[name] else None
        d["article_count"] = len(d["articles"])
        d["more_articles"] = max(0, len(d["articles"]) - article_cap)
        d["articles_shown"] = d["articles"][:article_cap]
        d["aliases"] = [a for a, _ in d["aliases"].most_common()]
        out.append(d)
    out.sort(key=lambda d: (-d["mentions"], d["canonical"].casefold()))
    return out


# ----------------------------------------------------------------------------- corpus tables
def corpus_tables(store) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = defaultdict(list)
    for r in store.conn.execute("SELECT name, row FROM corpus_tables ORDER BY name, idx"):
        try:
            tables[r["name"]].append(json.loads(r["row"]))
        except ValueError:
            continue
    return dict(tables)


def _table(tables: dict, *names: str) -> list[dict]:
    for n in names:
        if tables.get(n):
            return tables[n]
    return []


VERDICT_ORDER = {"contradiction": 0, "denial": 1, "scope_difference": 2, "compatible": 3}


def claim_groups(tables: dict, claims: list[dict]) -> list[dict]:
    """The claims ledger: the corpus stage's claim groups (table ``groups``, verdicts from
    ``contradictions``, roots from ``group_claims``), each with its claims, values, range,
    qualifiers, periods, sources (independent count and roots) and verdicts, the most serious first.
    Without corpus tables, claims are grouped by (actor, action, object) and carry no verdict."""
    by_id = {c["id"]: c for c in claims}
    rows = _table(tables, "groups", "claim_groups")
    root_of = {(str(r.get("group")), r.get("claim")): r.get("root") for r in _table(tables, "group_claims")}
    groups: list[dict] = []
    if rows:
        for i, g in enumerate(rows):
            gid = str(first_of(g, "group", "id", default=f"g{i + 1:05d}"))
            per_claim = {v.get("claim"): v for v in as_list(g.get("values")) if isinstance(v, dict)}
            members = []
            for ref in as_list(first_of(g, "claims", "claim_ids", default=[])):
                if isinstance(ref, dict):
                    ref = ref.get("id") or ref.get("claim")
                c = by_id.get(ref)
                if c is None:  # the store changed under the corpus tables: keep what the group says
                    v = per_claim.get(ref, {})
                    c = {**v, "id": ref, "missing": True}
                root = root_of.get((gid, ref)) or per_claim.get(ref, {}).get("root")
                members.append({**c, "root": root} if root else c)
            groups.append(_group(gid, g, members))
    else:
        buckets: dict[tuple, list[dict]] = defaultdict(list)
        for c in claims:
            buckets[(c.get("actor") or "", c.get("action") or "", c.get("recipient") or "",
                     (c.get("object") or "").casefold())].append(c)
        for i, (k, members) in enumerate(sorted(buckets.items(), key=lambda kv: (kv[0][1], kv[0][0], kv[0][3]))):
            groups.append(_group(f"g{i + 1:05d}", {"actor": k[0] or None, "action": k[1], "recipient": k[2] or None,
                                                   "object": members[0].get("object")}, members))
    by_gid = {g["id"]: g for g in groups}
    for v in _table(tables, "contradictions", "verdicts"):
        g = by_gid.get(str(v.get("group")))
        if g is None:
            continue
        kind = first_of(v, "kind", "verdict", default="")
        g["verdict_rows"].append({"kind": kind, "label": VERDICT_LABELS.get(kind, kind),
                                  "explanation": first_of(v, "explanation", "reason", default=""),
                                  "claims": [x for x in as_list(v.get("claims")) if isinstance(x, str)]})
    for g in groups:
        g["verdict_rows"].sort(key=lambda v: VERDICT_ORDER.get(v["kind"], 9))
        if g["verdict_rows"]:
            g["verdict"] = g["verdict_rows"][0]["kind"]
            g["verdict_reason"] = g["verdict_rows"][0]["explanation"]
        g["verdict_label"] = VERDICT_LABELS.get(g["verdict"] or "", g["verdict"] or "")
        g["verdicts"] = list(dict.fromkeys(v["kind"] for v in g["verdict_rows"]))
        flagged: dict[str, list[str]] = defaultdict(list)
        for v in g["verdict_rows"]:
            for cid in v["claims"]:
                flagged[cid].append(v["kind"])
        for c in g["claims"]:
            c_v = flagged.get(c.get("id"), [])
            if c_v:
                g.setdefault("claim_verdicts", {})[c["id"]] = sorted(set(c_v), key=lambda k: VERDICT_ORDER.get(k, 9))
        g.setdefault("claim_verdicts", {})
    # what needs a reader's eye first: contradictions, denials, differences of scope; then the rest
    groups.sort(key=lambda g: (VERDICT_ORDER.get(g["verdict"] or "", 4), -len(g["claims"])))
    return groups


_GROUP_KNOWN = {"group", "id", "claims", "claim_ids", "actor", "action", "object", "object_class", "objects",
                "values", "value_min", "value_max", "range", "roots", "independent_sources", "verdict", "articles",
                "outlets", "recipient", "period_start", "period_end", "qualifiers", "periods", "relayed_by"}


def _group(gid: str, g: dict, members: list[dict]) -> dict:
    real = [c for c in members if not c.get("missing")] or members
    asserted = [c for c in real if (c.get("stance") or "") != "denied"]
    vals = list(dict.fromkeys(fmt_value(c) for c in asserted))
    lo, hi = g.get("value_min"), g.get("value_max")
    if isinstance(g.get("range"), (list, tuple)) and len(g["range"]) == 2:
        lo, hi = g["range"]
    if lo is None and hi is None and "value_min" not in g:
        nums = [x for c in asserted for x in (c.get("value"), c.get("value_low"), c.get("value_high"))
                if isinstance(x, (int, float))]
        lo, hi = (min(nums), max(nums)) if nums else (None, None)
    if lo is not None and hi is not None and lo != hi:
        range_text = f"{fmt_num(lo)}–{fmt_num(hi)}"
    else:
        range_text = fmt_num(lo if lo is not None else hi)
    roots = [str(r) for r in as_list(g.get("roots"))]
    if not roots and "roots" not in g:
        roots = list(dict.fromkeys(c["root"] for c in members if c.get("root")))
        if not roots:
            roots = list(dict.fromkeys((c.get("attributed_to") or [None])[-1] or f"{c.get('article')} (own reporting)"
                                       for c in members))
    indep = g.get("independent_sources")
    relayed = [str(x) for x in as_list(g.get("relayed_by"))]
    period = {"period_start": g.get("period_start"), "period_end": g.get("period_end")}
    periods = list(dict.fromkeys(fmt_period(c) for c in members if fmt_period(c)))
    objects = as_list(g.get("objects")) or list(dict.fromkeys(c.get("object") for c in members if c.get("object")))
    return {
        "id": gid, "anchor": slug(gid, "g-"),
        "actor": g.get("actor") or next((c.get("actor") for c in members if c.get("actor")), None),
        "action": g.get("action") or next((c.get("action") for c in members), None),
        "recipient": g.get("recipient") or next((c.get("recipient") for c in members if c.get("recipient")), None),
        "object": first_of(g, "object_class", "object") or (objects[0] if objects else None),
        "objects": objects, "outlets": as_list(g.get("outlets")),
        "claims": members, "values": vals, "range": [lo, hi] if lo is not None or hi is not None else None,
        "range_text": range_text, "period": fmt_period(period),
        "roots": roots, "independent_sources": indep if indep is not None else len(roots),
        "verdict": g.get("verdict") if isinstance(g.get("verdict"), str) else None,
        "verdict_reason": None, "verdict_rows": [],
        "qualifiers": list(dict.fromkeys(c.get("qualifier") for c in members if c.get("qualifier"))),
        "periods": periods,
        "articles": as_list(g.get("articles")) or list(dict.fromkeys(c.get("article") for c in members
                                                                     if c.get("article"))),
        "stances": list(dict.fromkeys(c.get("stance") for c in members if c.get("stance"))),
        "relayed_by": relayed,
        # shown with the count wherever a group is (dossier and web UI): how it was counted
        "extra": {**({"not counted": f"{', '.join(relayed)}: relayed without naming a source"} if relayed else {}),
                  "how sources are counted": SOURCES_RULE,
                  **{k: v for k, v in g.items() if k not in _GROUP_KNOWN}},
    }


def values_by_source(g: dict, published: dict[str, str | None]) -> list[dict]:
    """A group's values over time, by source: for each source (its root, else the furthest source
    credited, else the outlet's own reporting) its values in date order, each dated by the period the
    claim covers or else by its article's publication. Denials are left out (they state no value)."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for c in g["claims"]:
        if (c.get("stance") or "") == "denied" or c.get("missing"):
            continue
        source = c.get("root") or (c.get("attributed_to") or [None])[-1] or "own reporting"
        period, pub = fmt_period(c), published.get(c.get("article"))
        rows[source].append({"when": period or pub or "", "sort": c.get("period_start") or pub or "",
                             "dated_by": "period" if period else "published" if pub else None,
                             "value": fmt_value(c), "claim": c.get("id"), "article": c.get("article")})
    out = []
    for source, vals in rows.items():
        vals.sort(key=lambda v: (v["sort"] == "", v["sort"]))
        out.append({"source": source, "values": vals})
    out.sort(key=lambda s: (s["values"][0]["sort"] == "", s["values"][0]["sort"], s["source"]))
    return out


def stories(tables: dict) -> list[dict]:
    rows = _table(tables, "stories")
    members = _table(tables, "story_articles", "story_members")
    by_story: dict[str, list[str]] = defaultdict(list)
    for m in members:
        by_story[str(m.get("story"))].append(m.get("article"))
    out = []
    for i, s in enumerate(rows):
        sid = str(first_of(s, "story", "id", default=f"s{i + 1:05d}"))
        arts = as_list(s.get("members")) or by_story.get(sid, [])
        if isinstance(s.get("articles"), list):
            arts = s["articles"]
        out.append({**s, "id": sid, "anchor": slug(sid, "s-"), "label": first_of(s, "label", "title", default=sid),
                    "members": [a for a in arts if a], "first_date": first_of(s, "first_date", "start"),
                    "last_date": first_of(s, "last_date", "end")})
    return out


def copies(tables: dict, documents: list[dict]) -> list[dict]:
    """Copies the corpus stage found, plus inputs that were the very same text as an article stored first."""
    out = []
    for d in documents:
        if d.get("duplicate_of"):
            out.append({"article": d["name"], "copy_of": d["duplicate_of"], "kind": "same input text",
                        "score": 1.0, "evidence": "identical normalised text; stored once", "stored": False})
    for r in _table(tables, "copies"):
        out.append({**r, "article": first_of(r, "article", "copy"), "copy_of": first_of(r, "copy_of", "original"),
                    "stored": True})
    return out


# ----------------------------------------------------------------------------- timeline
def _date_span(d: str | None) -> tuple[date, date] | None:
    if not d or not isinstance(d, str):
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", d)
    if not m:
        return None
    try:
        y = int(m[1])
        if m[3]:
            x = date(y, int(m[2]), int(m[3]))
            return x, x
        if m[2]:
            mo = int(m[2])
            nxt = date(y + 1, 1, 1) if mo == 12 else date(y, mo + 1, 1)
            return date(y, mo, 1), date.fromordinal(nxt.toordinal() - 1)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def timeline_rows(tables: dict, events: list[dict]) -> list[dict]:
    """Events in date order: the corpus stage's merged timeline when it ran, else each article's events."""
    rows = _table(tables, "timeline")
    by_id = {e["id"]: e for e in events}
    out = []
    if rows:
        for i, r in enumerate(rows):
            ids = [x for x in as_list(first_of(r, "events", "event_ids", "ids", default=[])) if isinstance(x, str)]
            if isinstance(r.get("id"), str) and r["id"] in by_id:
                ids = [r["id"], *ids]
            evs = [by_id[x] for x in ids if x in by_id]
            arts = [a for a in as_list(r.get("articles")) if a]
            out.append({**r, "tid": f"t{i}", "evidence": evs, "articles": arts or sorted({e["article"] for e in evs})})
    else:
        for e in events:
            out.append({**e, "tid": e["id"], "evidence": [e], "articles": [e["article"]]})
    out.sort(key=lambda r: ((_date_span(r.get("date")) or (date.max, date.max))[0], str(r.get("date")),
                            str(r.get("type")), str(r.get("summary"))))
    return out


TYPE_COLORS = {"meeting": "#2a6fdb", "statement": "#7a5af8", "treaty_signed": "#0f9d58", "deployment": "#d93025",
                "transfer": "#e37400", "organisation_founded": "#00897b", "war_start": "#6d1b1b", "other": "#5f6368"}


def timeline_svg(rows: list[dict], href=None, width: int = 960, max_lanes: int = 14) -> Markup:
    """An inline SVG: events on a time axis (a dot for a day, a bar for a month or year), stacked in
    lanes so none overlap. Events of one type on one date share a mark (bigger with more of them);
    each mark has a tooltip and links to its evidence. Past `max_lanes`, marks are counted, not drawn."""
    buckets: dict[tuple, list[dict]] = {}
    for r in rows:
        sp = _date_span(r.get("date"))
        if sp:
            buckets.setdefault((sp, str(r.get("type"))), []).append(r)
    if not buckets:
        return Markup("")
    lo = min(sp[0] for sp, _ in buckets).toordinal()
    hi = max(sp[1] for sp, _ in buckets).toordinal()
    if hi - lo < 30:
        lo, hi = lo - 15, hi + 15
    pad, left = 24, 16
    scale = (width - 2 * left) / max(1, hi - lo + 1)

    def x(o: int) -> float:
        return left + (o - lo) * scale

    lanes: list[float] = []
    marks, hidden = [], 0
    for (sp, typ), group in sorted(buckets.items(), key=lambda kv: (kv[0][0][0], -(kv[0][0][1] - kv[0][0][0]).days)):
        a, b = sp
        n = len(group)
        rad = min(9.0, 4 + 1.5 * math.log2(n)) if n > 1 else 5.0
        x0, x1 = x(a.toordinal()), x(b.toordinal() + 1)
        if x1 - x0 < 2 * rad:
            mid = (x0 + x1) / 2
            x0, x1 = mid - rad, mid + rad
        lane = next((i for i, end in enumerate(lanes) if end + 2 <= x0), None)
        if lane is None:
            if len(lanes) >= max_lanes:
                hidden += n
                continue
            lanes.append(x1)
            lane = len(lanes) - 1
        else:
            lanes[lane] = x1
        marks.append((x0, x1, lane, a == b, rad, typ, group))
    lane_h = 20
    axis_y = pad + len(lanes) * lane_h + 4
    height = axis_y + (40 if hidden else 28)
    out = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="100%" role="img" aria-label="Timeline of {len(rows)} events">']
    y0, y1 = date.fromordinal(lo).year, date.fromordinal(hi).year
    step = max(1, math.ceil((y1 - y0 + 1) / 12))
    for yr in range(y0, y1 + 2, step):
        o = date(yr, 1, 1).toordinal()
        if lo <= o <= hi:
            xx = x(o)
            out.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{pad - 8}" y2="{axis_y}" stroke="#ddd"/>')
            out.append(f'<text x="{xx + 3:.1f}" y="{axis_y + 16}" font-size="11" fill="#555">{yr}</text>')
    if hi - lo < 800:  # month ticks
        d = date.fromordinal(lo).replace(day=1)
        while d.toordinal() <= hi:
            if d.toordinal() >= lo and d.month != 1:
                xx = x(d.toordinal())
                label = d.strftime("%b") + (f" {d.year}" if d.toordinal() - lo < 31 else "")
                out.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{axis_y - 4}" y2="{axis_y}" stroke="#999"/>')
                out.append(f'<text x="{xx + 2:.1f}" y="{axis_y + 16}" font-size="9" fill="#888">{label}</text>')
            d = date(d.year + 1, 1, 1) if d.month == 12 else date(d.year, d.month + 1, 1)
    out.append(f'<line x1="{left}" x2="{width - left}" y1="{axis_y}" y2="{axis_y}" stroke="#444"/>')
    for x0, x1, lane, exact, rad, typ, group in marks:
        color = TYPE_COLORS.get(typ, TYPE_COLORS["other"])
        cy = pad + lane * lane_h + 6
        first = group[0]
        more = f" (+{len(group) - 1} more)" if len(group) > 1 else ""
        tip = escape(f"{first.get('date', '')} · {typ}: {first.get('summary', '')}{more}")
        link = href(first) if href else None
        if link:
            out.append(f'<a href="{escape(link)}">')
        if exact:
            out.append(f'<circle cx="{(x0 + x1) / 2:.1f}" cy="{cy}" r="{rad:.1f}" fill="{color}" '
                       f'fill-opacity="0.85"><title>{tip}</title></circle>')
        else:
            out.append(f'<rect x="{x0:.1f}" y="{cy - 4}" width="{x1 - x0:.1f}" height="8" rx="4" fill="{color}" '
                       f'fill-opacity="0.55"><title>{tip}</title></rect>')
        if len(group) > 1 and exact:
            out.append(f'<text x="{(x0 + x1) / 2:.1f}" y="{cy + 3}" font-size="8" fill="#fff" '
                       f'text-anchor="middle">{len(group)}</text>')
        if link:
            out.append("</a>")
    if hidden:
        out.append(f'<text x="{left}" y="{axis_y + 32}" font-size="11" fill="#a00">{hidden} more events are not '
                   "drawn; the table below lists them all</text>")
    out.append("</svg>")
    return Markup("".join(out))


# ----------------------------------------------------------------------------- gathering
LABEL_WORDS = 8  # first words of an untitled article's body in its label


def article_label(a: dict) -> str:
    """How a reader names an article: its title and outlet; untitled, its outlet, date and first words
    (the file name is for a hover, never the label)."""
    outlet = a.get("outlet") or ""
    title = " ".join(str(a.get("title") or "").split())
    if title:
        return f"{title} — {outlet}" if outlet else title
    words = str(a.get("body") or a.get("text") or "").split()
    lead = " ".join(words[:LABEL_WORDS]) + (" …" if len(words) > LABEL_WORDS else "")
    head = ", ".join(x for x in (outlet or "unknown outlet", a.get("published") or "undated") if x)
    return f"{head}: “{lead}”" if lead else head


def published_range(ov: dict) -> str:
    """The header's dates, saying how many articles give one: never a corpus's range from one article."""
    n, dated = ov.get("articles", 0), ov.get("dated", 0)
    if not dated:
        return "no article gives its publication date"
    first, last = ov.get("first_date"), ov.get("last_date")
    span = first if first == last else f"{first} … {last}"
    return f"published {span}" + (f" (dated: {dated} of {n} articles)" if dated < n else "")


def overview(store, articles: list[dict], documents: list[dict], claims: list[dict], events: list[dict],
             entities: list[dict], timeline: list[dict] | None = None) -> dict:
    """The counts of the dossier's header. ``events`` counts the timeline (events merged across
    articles, as OUT/events.jsonl has them); ``event_reports`` the events as each article reports
    them. Dates: the range of the articles that give one, and how many do."""
    outlets = Counter(a.get("outlet") or "(unknown)" for a in articles)
    langs = Counter(a.get("language") or "?" for a in articles)
    seen: dict[tuple, dict] = {}
    for e in store.errors():
        seen[(e["path"], e["reason"])] = e  # the latest run that skipped it
    dates = sorted(a["published"] for a in articles if a.get("published"))
    return {
        "articles": len(articles), "documents": len(documents),
        "duplicates": sum(1 for d in documents if d.get("duplicate_of")),
        "outlets": outlets.most_common(), "languages": langs.most_common(),
        "claims": len(claims), "events": len(timeline if timeline is not None else timeline_rows({}, events)),
        "event_reports": len(events), "entities": len(entities),
        "mentions": sum(e["mentions"] for e in entities),
        "stances": Counter(c.get("stance") for c in claims).most_common(),
        "actions": Counter(c.get("action") for c in claims).most_common(),
        "errors": sorted(seen.values(), key=lambda e: (e["path"], e["reason"])),
        "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
        "dated": len(dates),
    }


# A dossier stays readable and quick to write at any corpus size: past these, the rest is in the web UI.
FULL_TEXT_ARTICLES = 300  # articles whose text (with the evidence marked) the dossier holds
GROUP_ROWS = 100  # claims a ledger group lists
# Rows a section lists, the most telling first; the section then says how many more there are (the web
# UI and the exports hold them all). Unbounded, the report grows with the corpus (11 MB of HTML at
# 2,000 articles) and so does the time to write it again on every run.
SECTION_ROWS = {"groups": 100, "timeline": 1000, "stories": 300, "entities": 500, "copies": 1000,
                "article_index": 1000}
# what a section's rows are called, and the export table (`saksi export`) that holds them all
SECTION_NAMES = {"groups": ("claim groups", "table_claim_groups"), "timeline": ("events", "table_timeline"),
                 "stories": ("stories", "table_stories"), "entities": ("entities", "table_entities"),
                 "copies": ("copies", "table_copies"), "article_index": ("articles", "table_articles")}
STORY_MEMBERS = 50  # articles a story's row names
ENTITY_ARTICLES = 10  # articles an entity's row names


def bounded(rows: list, most: int, rank=None) -> tuple[list, int]:
    """The `most` first rows by `rank` (all rows' order kept) and how many were left out."""
    if len(rows) <= most:
        return rows, 0
    if rank is None:
        return rows[:most], len(rows) - most
    keep = set(sorted(range(len(rows)), key=lambda i: rank(rows[i]))[:most])
    return [r for i, r in enumerate(rows) if i in keep], len(rows) - most


def _shown_articles(articles: list[dict], claims_by: dict, groups: list[dict], most: int) -> set[str]:
    """The articles whose text the dossier holds: all of a small corpus; of a large one, those with
    claims in groups that need a reader's eye (contradiction, denial, scope) first, then by claims."""
    if len(articles) <= most:
        return {a["article"] for a in articles}
    flagged: Counter = Counter()
    for g in groups:
        if g.get("verdict") and g["verdict"] != "compatible":
            flagged.update(c.get("article") for c in g["claims"])
    ranked = sorted(articles, key=lambda a: (-flagged.get(a["article"], 0), -len(claims_by.get(a["article"], ())),
                                             a["article"]))
    return {a["article"] for a in ranked[:most]}


def _texts(store, names: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    todo = sorted(names)
    for i in range(0, len(todo), 500):
        part = todo[i:i + 500]
        q = ",".join("?" * len(part))
        out.update((r["name"], r["text"]) for r in store.conn.execute(
            f"SELECT name, text FROM articles WHERE name IN ({q})", part))
    return out


def collect(store, claims: list[dict] | None = None) -> dict:
    """Everything the dossier shows, from the store (and the corpus tables when the corpus stage ran).
    Of a corpus past FULL_TEXT_ARTICLES articles it holds the texts of that many (see _shown_articles),
    and of a group past GROUP_ROWS claims that many rows: the web UI (saksi serve) has the rest.
    `claims`: the store's claims when the caller read them already."""
    articles = store.articles(text=False)
    documents = store.documents()
    claims = store.claims() if claims is None else claims
    events = store.events()
    tables = corpus_tables(store)
    all_entities = entity_index(store.conn, article_cap=ENTITY_ARTICLES)
    all_groups = claim_groups(tables, claims)
    groups, more_groups = bounded(all_groups, SECTION_ROWS["groups"])  # the most serious first already
    group_of = {c["id"]: g for g in groups for c in g["claims"] if c.get("id")}
    claims_by = defaultdict(list)
    for c in claims:
        claims_by[c["article"]].append(c)
    events_by = defaultdict(list)
    for e in events:
        events_by[e["article"]].append(e)
    shown = _shown_articles(articles, claims_by, all_groups, FULL_TEXT_ARTICLES)
    texts = _texts(store, shown)
    keys = sorted({a["key"] for a in articles if a["article"] in shown})
    lines_by_key: dict[str, list[dict]] = defaultdict(list)
    for i in range(0, len(keys), 500):  # only the shown articles' lines, not every line of the store
        part = keys[i:i + 500]
        for r in store.conn.execute('SELECT key, idx, start, "end", kind, text, detail FROM lines '
                                    f'WHERE key IN ({",".join("?" * len(part))}) ORDER BY key, idx', part):
            lines_by_key[r["key"]].append(dict(r))
    all_stories = stories(tables)
    story_of = {a: s for s in all_stories for a in s["members"]}
    story_list, more_stories = bounded(all_stories, SECTION_ROWS["stories"], lambda s: -len(s["members"]))
    story_list = [{**s, "members": s["members"][:STORY_MEMBERS], "more_members": max(0, len(s["members"]) - STORY_MEMBERS)}
                  for s in story_list]
    copy_list = copies(tables, documents)
    copies_of = defaultdict(list)
    for cp in copy_list:
        copies_of[cp["copy_of"]].append(cp)
        copies_of[cp["article"]].append(cp)
    mention_counts = {r["key"]: r["n"] for r in store.conn.execute("SELECT key, count(*) AS n FROM mentions GROUP BY key")}
    arts, index = [], []
    for a in articles:
        cs, es = claims_by.get(a["article"], []), events_by.get(a["article"], [])
        row = {**a, "anchor": slug(a["article"], "a-"), "label": article_label(a), "claims": cs, "events": es,
               "story": story_of.get(a["article"]), "copies": copies_of.get(a["article"], []),
               "mention_count": mention_counts.get(a["key"], 0), "shown": a["article"] in shown}
        if row["shown"]:
            lines = lines_by_key.get(a["key"], [])
            row.update(text=texts.get(a["article"], ""), removed=removed_lines(lines), url_safe=safe_url(a.get("url")),
                       spans=article_spans({**a, "text": texts.get(a["article"], "")}, cs, es, lines))
            arts.append(row)
        index.append(row)
    for g in groups:
        g["more_claims"] = max(0, len(g["claims"]) - GROUP_ROWS)
    published = {a["article"]: a.get("published") for a in articles}
    for g in groups:
        g["by_source"] = values_by_source(g, published)
    all_timeline = timeline_rows(tables, events)
    # the events most articles report, shown in date order
    timeline, more_timeline = bounded(all_timeline, SECTION_ROWS["timeline"], lambda r: -len(r["articles"]))
    entities, more_entities = bounded(all_entities, SECTION_ROWS["entities"])  # by mentions already
    copy_rows, more_copies = bounded(copy_list, SECTION_ROWS["copies"])
    index_rows, more_index = bounded(index, SECTION_ROWS["article_index"],
                                     lambda a: (not a["shown"], -len(a["claims"])))
    return {
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "overview": overview(store, articles, documents, claims, events, all_entities, all_timeline),
        "articles": arts, "article_index": index_rows, "article_anchor": {a["article"]: a["anchor"] for a in arts},
        "article_label": {a["article"]: a["label"] for a in index}, "hidden_articles": len(index) - len(arts),
        "claims": claims, "groups": groups, "group_of": group_of,
        "entities": entities, "timeline": timeline, "stories": story_list, "copies": copy_rows,
        "tables": tables, "story_count": len(all_stories), "group_count": len(all_groups),
        "more": {"groups": more_groups, "timeline": more_timeline, "stories": more_stories,
                 "entities": more_entities, "copies": more_copies, "article_index": more_index},
    }


# ----------------------------------------------------------------------------- rendering
def _template_cache():
    """Compiled templates kept in saksi's cache folder (Jinja checks each against its source), so a run
    does not compile the dossier's templates again (a quarter of a second); none when the cache is off.
    As everywhere in saksi.cache, an entry that cannot be read or written is a miss, never an error."""
    from jinja2 import FileSystemBytecodeCache

    from saksi.cache import cache_dir

    class Cache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # corrupt or foreign: compile anew (and overwrite it)
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:  # a full disk or a read-only folder
                pass

    d = cache_dir()
    if d is None:
        return None
    try:
        (d / "jinja").mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only home: compile each time, as without a cache
        return None
    return Cache(str(d / "jinja"))


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader

    env = Environment(loader=PackageLoader("saksi", "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True, bytecode_cache=_template_cache())
    env.filters.update(num=fmt_num, value=fmt_value, period=fmt_period, slug=slug, urlq=urlq,
                       safe_url=safe_url, verdict_label=lambda v: VERDICT_LABELS.get(v or "", v or ""))
    env.globals.update(highlight=highlight, claim_title=claim_title, published_range=published_range,
                       sources_rule=SOURCES_RULE, section_names=SECTION_NAMES)
    return env


def static_text(name: str) -> str:
    return (resources.files("saksi") / "static" / name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render_html(data: dict) -> Iterator[str]:
    """The dossier, in pieces as the template produces them (a big corpus never sits in memory whole)."""
    css = static_text("saksi.css") + "\n" + static_text("dossier.css")
    js = static_text("dossier.js")
    csp = (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    anchors = data["article_anchor"]

    def tl_href(r: dict) -> str | None:
        if r["evidence"] and r["evidence"][0].get("article") in anchors:
            return "#" + slug(r["evidence"][0]["id"], "ev-")
        first = next((anchors[a] for a in r["articles"] if a in anchors), None)
        return "#" + first if first else None

    env = environment()
    return env.get_template("dossier/report.html.j2").generate(
        d=data, ov=data["overview"], css=Markup(css), js=Markup(js), csp=csp, group_rows=GROUP_ROWS,
        timeline_svg=timeline_svg(data["timeline"], href=tl_href))


def _write_atomic(path: Path, text: str | Iterable[str]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.writelines([text] if isinstance(text, str) else text)
    os.replace(tmp, path)


def write_report(store, out_dir, claims: list[dict] | None = None) -> None:
    """Write OUT/report.html and OUT/report.md (atomically: a killed run leaves the previous ones)."""
    from saksi.report.markdown import render_markdown

    out_dir = Path(out_dir)
    data = collect(store, claims)
    _write_atomic(out_dir / "report.html", render_html(data))
    _write_atomic(out_dir / "report.md", render_markdown(data))
