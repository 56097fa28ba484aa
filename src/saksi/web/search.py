"""Read-only queries for the web UI: full-text search (SQLite FTS5, migration 002) and lookups of one
claim, article, entity or story, with the corpus tables (claim groups, stories, copies, timeline)
cached in memory until the database changes.

The FTS indexes are kept in step with their tables by triggers, so nothing has to be rebuilt after a
run; `rebuild_search` exists for a database that was VACUUMed (which may renumber rowids)."""
from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup, escape

from saksi.report import dossier

FTS_TABLES = ("search_claims", "search_articles", "search_mentions", "search_events")
KINDS = ("claims", "entities", "stories", "articles", "events")
_S, _E = "\x02", "\x03"  # snippet markers; the text is escaped around them


def rebuild_search(conn: sqlite3.Connection) -> None:
    """Re-index every FTS table from its source table (needed only after a VACUUM)."""
    with conn:
        for t in FTS_TABLES:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (t,)).fetchone():
                conn.execute(f"INSERT INTO {t}({t}) VALUES ('rebuild')")


def fts_query(q: str | None) -> str | None:
    """The user's words as an FTS5 query: every word must appear (as a prefix); no FTS syntax passes."""
    words = re.findall(r"\w+", q or "")
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:16])


def snippet_markup(s: str | None) -> Markup:
    """An FTS snippet with its match markers turned into <mark>, everything else escaped."""
    if not s:
        return Markup("")
    out, inside = [], False
    for part in re.split(f"([{_S}{_E}])", s):
        if part == _S:
            if not inside:
                out.append("<mark>")
                inside = True
        elif part == _E:
            if inside:
                out.append("</mark>")
                inside = False
        else:
            out.append(str(escape(part)))
    if inside:
        out.append("</mark>")
    return Markup("".join(out))


def _claim(row: sqlite3.Row | dict) -> dict:
    d = dict(row)
    if isinstance(d.get("attributed_to"), str):
        try:
            d["attributed_to"] = json.loads(d["attributed_to"])
        except ValueError:
            d["attributed_to"] = [d["attributed_to"]]
    if "in_caption" in d:
        d["in_caption"] = bool(d["in_caption"])
    return d


def _event(row) -> dict:
    d = dict(row)
    if isinstance(d.get("participants"), str):
        try:
            d["participants"] = json.loads(d["participants"])
        except ValueError:
            d["participants"] = [d["participants"]]
    if "in_caption" in d:
        d["in_caption"] = bool(d["in_caption"])
    return d


def _article(row) -> dict:
    d = dict(row)
    for k in ("captions", "cited_sources"):
        if isinstance(d.get(k), str):
            try:
                d[k] = json.loads(d[k])
            except ValueError:
                d[k] = [d[k]]
    if "name" in d and "article" not in d:
        d["article"] = d["name"]
    return d


def article_label(a: dict) -> str:
    """What a reader calls an article: its title, else the first words of its body in quotes."""
    title = " ".join((a.get("title") or "").split())
    if title:
        return title
    words = (a.get("lead") or "").split()
    if words:
        return "“" + " ".join(words[:8]) + ("…”" if len(words) > 8 else "”")
    return a.get("article") or a.get("name") or ""


def _article_info(conn) -> dict[str, dict]:
    """Per article name (a duplicate input's name too): what a table shows of it, and the text the
    article filter matches (name, title, outlet)."""
    info = {}
    for r in conn.execute("SELECT name, title, outlet, published, language, author, substr(body, 1, 200) AS lead "
                          "FROM articles"):
        d = dict(r)
        d["article"] = d["name"]
        d["label"] = article_label(d)
        d["haystack"] = " ".join(str(d.get(k) or "") for k in ("name", "title", "outlet")).casefold()
        info[d["name"]] = d
    for r in conn.execute("SELECT d.name, a.name AS article FROM documents d JOIN articles a ON a.key = d.key "
                          "WHERE d.name != a.name"):
        if r["article"] in info and r["name"] not in info:
            info[r["name"]] = info[r["article"]]
    return info


def _with_article(row: dict, info: dict) -> dict:
    """`row` (a claim or event) with its article's label, outlet, date and language beside it."""
    a = info.get(row.get("article"), {})
    row.update(article_label=a.get("label") or row.get("article"), outlet=a.get("outlet"),
               published=a.get("published"), language=a.get("language"), article_haystack=a.get("haystack", ""))
    return row


def claim_date(c: dict) -> str | None:
    """The claim's own date: the start of its period, else its end."""
    return c.get("period_start") or c.get("period_end")


def _claim_row(c: dict, info: dict, root: str | None, verdicts: list[str]) -> dict:
    cited = c.get("attributed_to") or []
    outlet = (info.get(c.get("article")) or {}).get("outlet")
    source = root or (cited[-1] if cited else outlet)  # no source cited: the outlet speaks for itself
    return _with_article({**c, "root": root, "verdicts": verdicts, "date": claim_date(c), "source": source}, info)


class _StoreView:
    """Just enough of Store's reading API for dossier.collect-style helpers over a read-only connection."""

    def __init__(self, conn):
        self.conn = conn


class Reader:
    """Opens OUT/saksi.db read-only, one connection per request; caches what is costly to rebuild."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / "saksi.db"
        if not self.path.is_file():
            raise FileNotFoundError(f"{self.path}: no saksi database here (run `saksi run ... --out {self.out_dir}`)")
        self._lock = threading.Lock()
        self._cache: dict = {}
        self._stamp = None
        self._ov, self._ov_stamp = None, None
        with self.connect() as c:
            names = {r[0] for r in c.execute("SELECT name FROM sqlite_master")}
        self.has_fts = all(t in names for t in FTS_TABLES)

    @contextmanager
    def connect(self):
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1")
        except sqlite3.OperationalError:  # e.g. a WAL database in a folder we may not write to
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = ON")
        try:
            yield conn
        finally:
            conn.close()

    # ---------------------------------------------------------------- cache of corpus-level data
    def _current_stamp(self):
        out = []
        for suffix in ("", "-wal"):
            p = Path(str(self.path) + suffix)
            try:
                st = p.stat()
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def corpus(self, conn) -> dict:
        """Claim groups (with a claim → group map), stories, copies, timeline, facets."""
        stamp = self._current_stamp()
        with self._lock:
            if self._stamp == stamp and self._cache:
                return self._cache
        view = _StoreView(conn)
        tables = dossier.corpus_tables(view)
        claims = [_claim(r) for r in conn.execute(
            'SELECT c.*, a.name AS article FROM claims c JOIN articles a ON a.key = c.key ORDER BY a.name, c.start')]
        events = [_event(r) for r in conn.execute(
            'SELECT e.*, a.name AS article FROM events e JOIN articles a ON a.key = e.key ORDER BY a.name, e.start')]
        groups = dossier.claim_groups(tables, claims)
        docs = [dict(r) for r in conn.execute("SELECT * FROM documents ORDER BY name")]
        stories = dossier.stories(tables)
        info = _article_info(conn)
        root_of = {c["id"]: c.get("root") for g in groups for c in g["claims"] if c.get("id")}
        verdicts_of = {cid: ks for g in groups for cid, ks in g["claim_verdicts"].items()}
        data = {
            "tables": tables, "groups": groups, "group_by_id": {g["id"]: g for g in groups},
            "articles": info,
            "claim_rows": [_claim_row(c, info, root_of.get(c["id"]), verdicts_of.get(c["id"], [])) for c in claims],
            "group_of": {c["id"]: g for g in groups for c in g["claims"] if c.get("id")},
            "stories": stories, "story_by_id": {s["id"]: s for s in stories},
            "story_of": {a: s for s in stories for a in s["members"]},
            "copies": dossier.copies(tables, docs), "timeline": dossier.timeline_rows(tables, events),
            "facets": {
                "action": [r[0] for r in conn.execute("SELECT action FROM claims GROUP BY action ORDER BY count(*) DESC")],
                "actor": [r[0] for r in conn.execute("SELECT actor FROM claims WHERE actor IS NOT NULL GROUP BY actor "
                                                     "ORDER BY count(*) DESC LIMIT 300")],
                "stance": [r[0] for r in conn.execute("SELECT stance FROM claims GROUP BY stance ORDER BY count(*) DESC")],
            },
        }
        with self._lock:
            self._cache, self._stamp = data, stamp
        return data

    # ---------------------------------------------------------------- overview
    def overview(self, conn) -> dict:
        """Counts, outlets, languages and skipped inputs (cached until the database changes)."""
        stamp = self._current_stamp()
        with self._lock:
            if self._ov_stamp == stamp and self._ov is not None:
                return self._ov
        ov = self._overview(conn)
        with self._lock:
            self._ov, self._ov_stamp = ov, stamp
        return ov

    def _overview(self, conn) -> dict:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"), "documents": one("SELECT count(*) FROM documents"),
            "duplicates": one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            # events: the timeline's, merged across articles, as the dossier and events.jsonl count them
            "claims": one("SELECT count(*) FROM claims"), "events": len(self.corpus(conn)["timeline"]),
            "event_reports": one("SELECT count(*) FROM events"),
            "entities": one("SELECT count(DISTINCT canonical) FROM mentions"),
            "outlets": [tuple(r) for r in conn.execute(
                "SELECT coalesce(outlet, '(unknown)'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 30")],
            "languages": [tuple(r) for r in conn.execute(
                "SELECT coalesce(language, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC")],
            "errors": [dict(r) for r in conn.execute(
                "SELECT path, reason, max(run_at) AS run_at FROM ingest_errors GROUP BY path, reason ORDER BY path")],
        }

    # ---------------------------------------------------------------- search: every hit, in rank order
    def claim_hits(self, conn, q: str | None) -> list[str] | None:
        """The ids of the claims whose text has every word of `q` (best match first); None: no words."""
        fq = fts_query(q)
        if not fq:
            return [] if (q or "").strip() else None
        if self.has_fts:
            return [r[0] for r in conn.execute(
                "SELECT c.id FROM search_claims f JOIN claims c ON c.rowid = f.rowid WHERE search_claims MATCH ? "
                "ORDER BY rank", (fq,))]
        where, args = [], []
        for w in re.findall(r"\w+", q)[:16]:  # no FTS tables (an old database): plain LIKE on each word
            where.append("(c.quote LIKE ? OR c.object LIKE ? OR c.actor LIKE ? OR c.recipient LIKE ? "
                         "OR c.attributed_to LIKE ?)")
            args += [f"%{w}%"] * 5
        return [r[0] for r in conn.execute(
            "SELECT c.id FROM claims c JOIN articles a ON a.key = c.key WHERE " + " AND ".join(where)
            + " ORDER BY a.name, c.start", args)]

    def snippets(self, conn, q: str | None, ids: list[str]) -> dict[str, Markup]:
        """The matching words of `q` marked in each claim's quote (only the claims shown need them)."""
        fq = fts_query(q)
        if not (fq and self.has_fts and ids):
            return {}
        rows = conn.execute(f"SELECT c.id, snippet(search_claims, 0, '{_S}', '{_E}', '…', 24) FROM search_claims f "
                            "JOIN claims c ON c.rowid = f.rowid WHERE search_claims MATCH ? AND c.id IN "
                            f"({','.join('?' * len(ids))})", [fq, *ids])
        return {r[0]: snippet_markup(r[1]) for r in rows}

    def search_entities(self, conn, q=None) -> list[dict]:
        """Canonical names with a mention (surface form or canonical) matching; counts are over all
        their mentions. Aliases: `aliases`, asked for the rows shown."""
        fq = fts_query(q)
        if fq and self.has_fts:
            hit = ("SELECT DISTINCT m.canonical FROM search_mentions f JOIN mentions m ON m.rowid = f.rowid "
                   "WHERE search_mentions MATCH ?")
            args = [fq]
        elif q:
            if not fq:
                return []
            words = re.findall(r"\w+", q)[:16]
            hit = "SELECT DISTINCT m.canonical FROM mentions m WHERE " + " AND ".join(
                "(m.text LIKE ? OR m.canonical LIKE ?)" for _ in words)
            args = [x for w in words for x in (f"%{w}%", f"%{w}%")]
        else:
            hit, args = "SELECT DISTINCT canonical FROM mentions", []
        return [dict(r) for r in conn.execute(
            f"WITH hit(canonical) AS ({hit}) SELECT m.canonical, max(m.type) AS type, "
            "count(*) AS mentions, count(DISTINCT m.key) AS articles FROM mentions m "
            "JOIN hit ON hit.canonical = m.canonical GROUP BY m.canonical "
            "ORDER BY mentions DESC, m.canonical", args)]

    def aliases(self, conn, rows: list[dict], per: int = 8) -> None:
        """Set each entity row's `aliases`: its most frequent surface forms (one query per 500 rows)."""
        names = [r["canonical"] for r in rows]
        forms: dict[str, list[str]] = defaultdict(list)
        for i in range(0, len(names), 500):
            chunk = names[i:i + 500]
            for r in conn.execute("SELECT canonical, text FROM mentions WHERE canonical IN "
                                  f"({','.join('?' * len(chunk))}) GROUP BY canonical, text "
                                  "ORDER BY canonical, count(*) DESC, text", chunk):
                forms[r[0]].append(r[1])
        for r in rows:
            r["aliases"] = forms.get(r["canonical"], [])[:per]

    def search_articles(self, conn, q=None) -> list[dict]:
        fq = fts_query(q)
        cols = "a.name AS article, a.title, a.outlet, a.published, a.language, a.author"
        if fq and self.has_fts:
            rows = conn.execute(f"SELECT {cols}, snippet(search_articles, 4, '{_S}', '{_E}', '…', 24) AS snip "
                                "FROM search_articles f JOIN articles a ON a.rowid = f.rowid "
                                "WHERE search_articles MATCH ? ORDER BY rank", [fq]).fetchall()
        else:
            if q and not fq:
                return []
            where, args = [], []
            for w in re.findall(r"\w+", q or "")[:16]:
                where.append("(a.name LIKE ? OR a.title LIKE ? OR a.body LIKE ? OR a.outlet LIKE ?)")
                args += [f"%{w}%"] * 4
            base = "FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
            rows = conn.execute(f"SELECT {cols}, NULL AS snip {base} ORDER BY a.published DESC, a.name", args).fetchall()
        info = self.corpus(conn)["articles"]
        out = []
        for r in rows:
            d = {**info.get(r["article"], {}), **dict(r)}
            d["snippet"] = snippet_markup(d.pop("snip"))
            out.append(d)
        return out

    def search_events(self, conn, q=None) -> list[dict]:
        fq = fts_query(q)
        if fq and self.has_fts:
            base = ("FROM search_events f JOIN events e ON e.rowid = f.rowid JOIN articles a ON a.key = e.key "
                    "WHERE search_events MATCH ?")
            args = [fq]
            order = "rank"
        else:
            if q and not fq:
                return []
            where, args = [], []
            for w in re.findall(r"\w+", q or "")[:16]:
                where.append("(e.summary LIKE ? OR e.quote LIKE ? OR e.participants LIKE ? OR e.place LIKE ?)")
                args += [f"%{w}%"] * 4
            base = "FROM events e JOIN articles a ON a.key = e.key" + (" WHERE " + " AND ".join(where) if where else "")
            order = "e.date, a.name"
        info = self.corpus(conn)["articles"]
        rows = conn.execute(f"SELECT e.*, a.name AS article {base} ORDER BY {order}", args).fetchall()
        return [_with_article(_event(r), info) for r in rows]

    def search_stories(self, conn, q=None) -> list[dict]:
        stories = self.corpus(conn)["stories"]
        words = [w.casefold() for w in re.findall(r"\w+", q or "")]
        if words:
            stories = [s for s in stories if all(w in (str(s["label"]) + " " + " ".join(map(str, s["members"]))).casefold()
                                                 for w in words)]
        return stories

    # ---------------------------------------------------------------- one thing
    def claim(self, conn, cid: str) -> dict | None:
        r = conn.execute("SELECT c.*, a.name AS article FROM claims c JOIN articles a ON a.key = c.key WHERE c.id = ?",
                         (cid,)).fetchone()
        return _claim(r) if r else None

    def article(self, conn, name: str) -> dict | None:
        r = conn.execute("SELECT * FROM articles WHERE name = ?", (name,)).fetchone()
        if r is None:  # a duplicate input's name leads to the article it duplicates
            d = conn.execute("SELECT key FROM documents WHERE name = ?", (name,)).fetchone()
            if d is None:
                return None
            r = conn.execute("SELECT * FROM articles WHERE key = ?", (d["key"],)).fetchone()
            if r is None:
                return None
        a = _article(r)
        key = a["key"]
        a["duplicates"] = [x[0] for x in conn.execute(
            "SELECT name FROM documents WHERE key = ? AND duplicate_of IS NOT NULL ORDER BY name", (key,))]
        a["claims"] = [_claim({**dict(x), "article": a["article"]}) for x in conn.execute(
            "SELECT * FROM claims WHERE key = ? ORDER BY start", (key,))]
        a["events"] = [_event({**dict(x), "article": a["article"]}) for x in conn.execute(
            "SELECT * FROM events WHERE key = ? ORDER BY start", (key,))]
        a["lines"] = [dict(x) for x in conn.execute(
            'SELECT idx, start, "end", kind, text, detail FROM lines WHERE key = ? ORDER BY idx', (key,))]
        a["mentions"] = [dict(x) for x in conn.execute(
            "SELECT canonical, type, count(*) AS n, group_concat(DISTINCT text) AS forms FROM mentions WHERE key = ? "
            "GROUP BY canonical, type ORDER BY n DESC, canonical", (key,))]
        a["removed"] = dossier.removed_lines(a["lines"])
        a["url_safe"] = dossier.safe_url(a.get("url"))
        return a

    def entity(self, conn, name: str) -> dict | None:
        rows = dossier.entity_index(conn, canonical=name, article_cap=500)
        if not rows:
            return None
        e = rows[0]
        info = self.corpus(conn)["articles"]
        e["claims"] = [_with_article(_claim(r), info) for r in conn.execute(
            "SELECT c.*, a.name AS article FROM claims c JOIN articles a ON a.key = c.key "
            "WHERE c.actor = ? OR c.recipient = ? OR EXISTS (SELECT 1 FROM json_each(c.attributed_to) j WHERE j.value = ?) "
            "ORDER BY a.name, c.start LIMIT 500", (name, name, name))]
        e["events"] = [_event(r) for r in conn.execute(
            "SELECT e.*, a.name AS article FROM events e JOIN articles a ON a.key = e.key "
            "WHERE e.place = ? OR EXISTS (SELECT 1 FROM json_each(e.participants) j WHERE j.value = ?) "
            "ORDER BY e.date, a.name LIMIT 500", (name, name))]
        e["article_rows"] = [info.get(n) or {"article": n, "label": n} for n in e["articles_shown"]]
        return e
