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
        data = {
            "tables": tables, "groups": groups, "group_by_id": {g["id"]: g for g in groups},
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
            "claims": one("SELECT count(*) FROM claims"), "events": one("SELECT count(*) FROM events"),
            "entities": one("SELECT count(DISTINCT canonical) FROM mentions"),
            "outlets": [tuple(r) for r in conn.execute(
                "SELECT coalesce(outlet, '(unknown)'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 30")],
            "languages": [tuple(r) for r in conn.execute(
                "SELECT coalesce(language, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC")],
            "errors": [dict(r) for r in conn.execute(
                "SELECT path, reason, max(run_at) AS run_at FROM ingest_errors GROUP BY path, reason ORDER BY path")],
        }

    # ---------------------------------------------------------------- search
    def search_claims(self, conn, q=None, *, action=None, actor=None, stance=None, article=None,
                      limit=50, offset=0) -> tuple[list[dict], int]:
        where, args = [], []
        for col, val in (("c.action", action), ("c.actor", actor), ("c.stance", stance), ("a.name", article)):
            if val:
                where.append(f"{col} = ?")
                args.append(val)
        fq = fts_query(q)
        if fq and self.has_fts:
            base = ("FROM search_claims f JOIN claims c ON c.rowid = f.rowid JOIN articles a ON a.key = c.key "
                    "WHERE search_claims MATCH ?" + "".join(f" AND {w}" for w in where))
            bargs = [fq, *args]
            total = conn.execute(f"SELECT count(*) {base}", bargs).fetchone()[0]
            rows = conn.execute(f"SELECT c.*, a.name AS article, a.title AS title, "
                                f"snippet(search_claims, 0, '{_S}', '{_E}', '…', 24) AS snip {base} "
                                "ORDER BY rank LIMIT ? OFFSET ?", [*bargs, limit, offset]).fetchall()
        else:
            if q and not fq:
                return [], 0
            if fq:  # no FTS tables (an old database): plain LIKE on each word
                for w in re.findall(r"\w+", q)[:16]:
                    where.append("(c.quote LIKE ? OR c.object LIKE ? OR c.actor LIKE ? OR c.recipient LIKE ? "
                                 "OR c.attributed_to LIKE ?)")
                    args += [f"%{w}%"] * 5
            base = "FROM claims c JOIN articles a ON a.key = c.key" + (" WHERE " + " AND ".join(where) if where else "")
            total = conn.execute(f"SELECT count(*) {base}", args).fetchone()[0]
            rows = conn.execute(f"SELECT c.*, a.name AS article, a.title AS title, NULL AS snip {base} "
                                "ORDER BY a.name, c.start LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        out = []
        for r in rows:
            d = _claim(r)
            d["snippet"] = snippet_markup(d.pop("snip")) if d.get("snip") else Markup(escape(d["quote"]))
            out.append(d)
        return out, total

    def search_entities(self, conn, q=None, *, limit=50, offset=0) -> tuple[list[dict], int]:
        """Canonical names with a mention (surface form or canonical) matching; counts are over all
        their mentions."""
        fq = fts_query(q)
        if fq and self.has_fts:
            hit = ("SELECT DISTINCT m.canonical FROM search_mentions f JOIN mentions m ON m.rowid = f.rowid "
                   "WHERE search_mentions MATCH ?")
            args = [fq]
        elif q:
            if not fq:
                return [], 0
            words = re.findall(r"\w+", q)[:16]
            hit = "SELECT DISTINCT m.canonical FROM mentions m WHERE " + " AND ".join(
                "(m.text LIKE ? OR m.canonical LIKE ?)" for _ in words)
            args = [x for w in words for x in (f"%{w}%", f"%{w}%")]
        else:
            hit, args = "SELECT DISTINCT canonical FROM mentions", []
        total = conn.execute(f"SELECT count(*) FROM ({hit})", args).fetchone()[0]
        rows = conn.execute(f"WITH hit(canonical) AS ({hit}) SELECT m.canonical, max(m.type) AS type, "
                            "count(*) AS mentions, count(DISTINCT m.key) AS articles FROM mentions m "
                            "JOIN hit ON hit.canonical = m.canonical GROUP BY m.canonical "
                            "ORDER BY mentions DESC, m.canonical LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        out = []
        for r in rows:
            d = dict(r)
            d["aliases"] = [x[0] for x in conn.execute(
                "SELECT text FROM mentions WHERE canonical = ? GROUP BY text ORDER BY count(*) DESC LIMIT 8",
                (d["canonical"],))]
            out.append(d)
        return out, total

    def search_articles(self, conn, q=None, *, limit=50, offset=0) -> tuple[list[dict], int]:
        fq = fts_query(q)
        cols = "a.name AS article, a.title, a.outlet, a.published, a.language, a.author"
        if fq and self.has_fts:
            base = "FROM search_articles f JOIN articles a ON a.rowid = f.rowid WHERE search_articles MATCH ?"
            total = conn.execute(f"SELECT count(*) {base}", [fq]).fetchone()[0]
            rows = conn.execute(f"SELECT {cols}, snippet(search_articles, 4, '{_S}', '{_E}', '…', 24) AS snip {base} "
                                "ORDER BY rank LIMIT ? OFFSET ?", [fq, limit, offset]).fetchall()
        else:
            if q and not fq:
                return [], 0
            where, args = [], []
            for w in re.findall(r"\w+", q or "")[:16]:
                where.append("(a.name LIKE ? OR a.title LIKE ? OR a.body LIKE ? OR a.outlet LIKE ?)")
                args += [f"%{w}%"] * 4
            base = "FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
            total = conn.execute(f"SELECT count(*) {base}", args).fetchone()[0]
            rows = conn.execute(f"SELECT {cols}, NULL AS snip {base} ORDER BY a.published DESC, a.name "
                                "LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        out = []
        for r in rows:
            d = dict(r)
            d["snippet"] = snippet_markup(d.pop("snip"))
            out.append(d)
        return out, total

    def search_events(self, conn, q=None, *, limit=50, offset=0) -> tuple[list[dict], int]:
        fq = fts_query(q)
        if fq and self.has_fts:
            base = ("FROM search_events f JOIN events e ON e.rowid = f.rowid JOIN articles a ON a.key = e.key "
                    "WHERE search_events MATCH ?")
            args = [fq]
            order = "rank"
        else:
            if q and not fq:
                return [], 0
            where, args = [], []
            for w in re.findall(r"\w+", q or "")[:16]:
                where.append("(e.summary LIKE ? OR e.quote LIKE ? OR e.participants LIKE ? OR e.place LIKE ?)")
                args += [f"%{w}%"] * 4
            base = "FROM events e JOIN articles a ON a.key = e.key" + (" WHERE " + " AND ".join(where) if where else "")
            order = "e.date, a.name"
        total = conn.execute(f"SELECT count(*) {base}", args).fetchone()[0]
        rows = conn.execute(f"SELECT e.*, a.name AS article {base} ORDER BY {order} LIMIT ? OFFSET ?",
                            [*args, limit, offset]).fetchall()
        return [_event(r) for r in rows], total

    def search_stories(self, conn, q=None, *, limit=50, offset=0) -> tuple[list[dict], int]:
        stories = self.corpus(conn)["stories"]
        words = [w.casefold() for w in re.findall(r"\w+", q or "")]
        if words:
            stories = [s for s in stories if all(w in (str(s["label"]) + " " + " ".join(map(str, s["members"]))).casefold()
                                                 for w in words)]
        return stories[offset:offset + limit], len(stories)

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
        e["claims"] = [_claim(r) for r in conn.execute(
            "SELECT c.*, a.name AS article FROM claims c JOIN articles a ON a.key = c.key "
            "WHERE c.actor = ? OR c.recipient = ? OR EXISTS (SELECT 1 FROM json_each(c.attributed_to) j WHERE j.value = ?) "
            "ORDER BY a.name, c.start LIMIT 500", (name, name, name))]
        e["events"] = [_event(r) for r in conn.execute(
            "SELECT e.*, a.name AS article FROM events e JOIN articles a ON a.key = e.key "
            "WHERE e.place = ? OR EXISTS (SELECT 1 FROM json_each(e.participants) j WHERE j.value = ?) "
            "ORDER BY e.date, a.name LIMIT 500", (name, name))]
        titles = {r["name"]: r["title"] for r in conn.execute(
            "SELECT DISTINCT a.name, a.title FROM mentions m JOIN articles a ON a.key = m.key WHERE m.canonical = ?",
            (name,))}
        e["article_rows"] = [{"article": n, "title": titles.get(n)} for n in e["articles_shown"]]
        return e


def articles_by_name(conn, names) -> dict[str, dict]:
    out: dict[str, dict] = defaultdict(dict)
    names = list(dict.fromkeys(n for n in names if n))
    for i in range(0, len(names), 500):
        chunk = names[i:i + 500]
        for r in conn.execute(f"SELECT name, title, outlet, published FROM articles WHERE name IN "
                              f"({','.join('?' * len(chunk))})", chunk):
            out[r["name"]] = dict(r)
    return out

