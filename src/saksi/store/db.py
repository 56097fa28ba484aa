"""SQLite store. Each article is written in one transaction, so a killed run leaves no half article;
running again on the same inputs adds nothing."""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from saksi.model import Analysis

DB_NAME = "saksi.db"
LOCK_NAME = "saksi.lock"


class StoreError(Exception):
    """The store cannot be used: busy, not a folder, unreadable, or written by a newer saksi (one line)."""


class StoreLock:
    """An exclusive lock on an output folder for one `saksi run` (the OS frees it when the process
    dies, even by SIGKILL, so a killed run never leaves a stale lock)."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.fh = None

    def __enter__(self) -> StoreLock:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise StoreError(f"{self.out_dir}: --out must be a folder, and this is a file") from None
        except OSError as e:
            raise StoreError(f"{self.out_dir}: cannot create the output folder ({e.strerror or e})") from None
        if not self.out_dir.is_dir():
            raise StoreError(f"{self.out_dir}: --out must be a folder, and this is a file")
        try:
            self.fh = open(self.out_dir / LOCK_NAME, "a+")
        except OSError as e:
            raise StoreError(f"{self.out_dir}: cannot write in the output folder ({e.strerror or e})") from None
        try:
            import fcntl

            fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # no flock (Windows): SQLite's own locking still keeps the store whole
            pass
        except OSError:
            self.fh.seek(0)
            pid = self.fh.read().strip()
            self.fh.close()
            self.fh = None
            raise StoreError(f"{self.out_dir}: another saksi run is writing here"
                             + (f" (process {pid})" if pid else "") + "; wait for it to finish") from None
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()
        return self

    def __exit__(self, *exc) -> None:
        if self.fh is not None:
            self.fh.close()  # closing frees the lock
            self.fh = None


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("saksi") / "store" / "migrations"
    out = []
    for f in folder.iterdir():
        if f.name.endswith(".sql"):
            out.append((int(f.name.split("_", 1)[0]), f.read_text(encoding="utf-8")))
    return sorted(out)


def content_ids(key: str, kind: str, items) -> list[str]:
    """Ids of an article's claims or events from what each is (its span and reading), not its place in
    a list: `KEY12:c` + 8 hex digits. A rule that finds one more claim leaves the others' ids alone."""
    import hashlib

    out, seen = [], set()
    for x in items:
        what = json.dumps([x.start, x.end, getattr(x, "action", None) or getattr(x, "type", None),
                           getattr(x, "object", None), getattr(x, "value", None), getattr(x, "value_low", None),
                           getattr(x, "date", None)], default=str)
        base = f"{key[:12]}:{kind}" + hashlib.blake2b(what.encode(), digest_size=4).hexdigest()
        cid, k = base, 2
        while cid in seen:
            cid, k = f"{base}~{k}", k + 1
        seen.add(cid)
        out.append(cid)
    return out


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(self.path, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a usable saksi store ({e})") from None
        try:
            self.migrate()
        except BaseException:
            self.conn.close()
            raise

    @classmethod
    def open(cls, out_dir: Path) -> Store:
        out_dir = Path(out_dir)
        if out_dir.exists() and not out_dir.is_dir():
            raise StoreError(f"{out_dir}: --out must be a folder, and this is a file")
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"{out_dir}: cannot create the output folder ({e.strerror or e})") from None
        return cls(out_dir / DB_NAME)

    def close(self) -> None:
        self.conn.close()

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        known = _migrations()
        if known and self.version > known[-1][0]:
            raise StoreError(f"{self.path}: written by a newer saksi (schema {self.version}, this one knows up to "
                             f"{known[-1][0]}); upgrade saksi or use another --out")
        for number, sql in known:
            if number > self.version:  # each migration and its version bump commit together
                self.conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")

    # -------------------------------------------------------------- writing
    def document_state(self, name: str, raw_hash: str, fingerprint: str | None = None) -> str:
        """'same' when this name was stored from this very text by this analysis (`fingerprint`, when
        given); 'stale' when from this text by another analysis; 'changed' or 'new' otherwise."""
        row = self.conn.execute("SELECT raw_hash, fingerprint FROM documents WHERE name = ?", (name,)).fetchone()
        if row is None:
            return "new"
        if row["raw_hash"] != raw_hash:
            return "changed"
        return "same" if fingerprint is None or row["fingerprint"] == fingerprint else "stale"

    def owner_of(self, key: str) -> str | None:
        row = self.conn.execute("SELECT name FROM articles WHERE key = ?", (key,)).fetchone()
        return row["name"] if row else None

    def save(self, analysis: Analysis, raw_hash: str, name: str, path: str, fingerprint: str | None = None,
             *, commit: bool = True) -> str | None:
        """Store one analysed document, whole or not at all. Returns the name it duplicates, if any.

        With `commit=False` the document joins the open transaction, which `commit()` ends: a run
        commits a batch of articles at a time (one commit an article costs as much as storing it), and
        a run killed before a commit loses that batch whole, which the next run analyses again.

        An article stored by another analysis (another fingerprint) is replaced by this one, and the
        documents that share it keep pointing at it."""
        a = analysis.article
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
        with self._whole():
            self._forget(name)
            row = self.conn.execute("SELECT name, fingerprint FROM articles WHERE key = ?", (a.key,)).fetchone()
            if row is None:
                self._insert_article(analysis, fingerprint)
                first = None
            else:
                first = row["name"]
                if row["fingerprint"] != fingerprint:  # analysed by other rules or data: this one is current
                    sharing = [tuple(r) for r in self.conn.execute(
                        "SELECT name, path, raw_hash, key, duplicate_of, fingerprint FROM documents WHERE key = ?", (a.key,))]
                    self.conn.execute("DELETE FROM articles WHERE key = ?", (a.key,))  # cascades to its rows
                    self._insert_article(analysis, fingerprint, name=first)
                    self.conn.executemany("INSERT INTO documents(name, path, raw_hash, key, duplicate_of, fingerprint) "
                                          "VALUES (?,?,?,?,?,?)", sharing)
            self.conn.execute("INSERT INTO documents(name, path, raw_hash, key, duplicate_of, fingerprint) "
                              "VALUES (?,?,?,?,?,?)",
                              (name, path, raw_hash, a.key, first if first != name else None, fingerprint))
        if commit:
            self.conn.commit()
        return first if first is not None and first != name else None

    def commit(self) -> None:
        """End the open transaction: every document saved since is stored."""
        self.conn.commit()

    @contextmanager
    def _whole(self):
        """A savepoint: a document that fails midway leaves nothing of itself in the transaction."""
        self.conn.execute("SAVEPOINT document")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO document")
            self.conn.execute("RELEASE document")
            raise
        self.conn.execute("RELEASE document")

    def _forget(self, name: str) -> None:
        row = self.conn.execute("SELECT key FROM documents WHERE name = ?", (name,)).fetchone()
        if row is None:
            return
        self.conn.execute("DELETE FROM documents WHERE name = ?", (name,))
        if not self.conn.execute("SELECT 1 FROM documents WHERE key = ?", (row["key"],)).fetchone():
            self.conn.execute("DELETE FROM articles WHERE key = ?", (row["key"],))

    def _insert_article(self, an: Analysis, fingerprint: str | None = None, name: str | None = None) -> None:
        a, c = an.article, self.conn
        c.execute("INSERT INTO articles(key, name, path, fmt, language, title, outlet, author, dateline, published, "
                  "url, body, captions, cited_sources, text, fingerprint, published_tz, published_zone) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  (a.key, name or a.name, a.path, a.fmt, a.language, a.title, a.outlet, a.author, a.dateline, a.published,
                   a.url, a.body, json.dumps(a.captions, ensure_ascii=False),
                   json.dumps(a.cited_sources, ensure_ascii=False), a.text, fingerprint, a.published_tz,
                   a.published_zone))
        c.executemany("INSERT INTO lines VALUES (?,?,?,?,?,?,?)",
                      [(a.key, i, x.start, x.end, x.kind, x.text, x.detail) for i, x in enumerate(a.lines)])
        c.executemany("INSERT INTO paragraphs VALUES (?,?,?,?,?,?)",
                      [(a.key, i, p.start, p.end, p.language, int(p.caption)) for i, p in enumerate(a.paragraphs)])
        c.executemany("INSERT INTO sentences VALUES (?,?,?,?,?,?)",
                      [(a.key, i, s.start, s.end, s.paragraph, int(s.caption)) for i, s in enumerate(a.sentences)])
        c.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?)",
                      [(a.key, m.start, m.end, m.text, m.canonical, m.type, m.qid, m.role) for m in an.mentions])
        c.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      [(cid, a.key, x.quote, x.start, x.end, x.action, x.object, x.actor, x.recipient,
                        x.value, x.value_low, x.value_high, x.qualifier, x.period_start, x.period_end,
                        json.dumps(x.attributed_to, ensure_ascii=False), x.stance, int(x.in_caption), x.sentence,
                        x.object_class, x.unit, json.dumps(x.source_chains, ensure_ascii=False))
                       for cid, x in zip(content_ids(a.key, "c", an.claims), an.claims)])
        c.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                      [(eid, a.key, e.date, e.type, e.summary,
                        json.dumps(e.participants, ensure_ascii=False), e.place, e.quote, e.start, e.end,
                        int(e.in_caption)) for eid, e in zip(content_ids(a.key, "e", an.events), an.events)])
        if an.keys is not None:  # computed in the map step (corpus.keys), read by the corpus stage
            k = an.keys
            c.execute("INSERT INTO signatures VALUES (?,?,?,?)", (a.key, k.scheme, k.shingles, k.signature))
            if k.lead_vector is not None:
                c.execute("INSERT OR IGNORE INTO embeddings VALUES (?,?,?)", (k.lead_hash, k.lead_model, k.lead_vector))

    def add_errors(self, errors: Iterable, resolved: Iterable[str] = ()) -> None:
        """Record this run's unreadable inputs: one row per (path, reason), its time updated when seen
        again, so a rerun on the same input adds nothing; rows of inputs read well now (`resolved`) go."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.conn:
            self.conn.executemany("DELETE FROM ingest_errors WHERE path = ?", [(p,) for p in resolved])
            for e in errors:
                if not self.conn.execute("UPDATE ingest_errors SET run_at = ? WHERE path = ? AND reason = ?",
                                         (now, e.path, e.reason)).rowcount:
                    self.conn.execute("INSERT INTO ingest_errors(run_at, path, reason) VALUES (?,?,?)",
                                      (now, e.path, e.reason))

    def save_corpus_tables(self, tables: dict[str, list[dict]], replace: bool = True) -> None:
        """Write corpus tables: all of them anew (`replace`), or only those given."""
        with self.conn:
            if replace:
                self.conn.execute("DELETE FROM corpus_tables")
            else:
                self.conn.executemany("DELETE FROM corpus_tables WHERE name = ?", [(n,) for n in tables])
            for name, rows in tables.items():
                self.conn.executemany("INSERT INTO corpus_tables VALUES (?,?,?)",
                                      [(name, i, json.dumps(r, ensure_ascii=False, default=str)) for i, r in enumerate(rows)])

    # -------------------------------------------------------------- reading
    def articles(self, text: bool = True) -> list[dict]:
        """Every article, by name; `text=False` leaves out the original text (the corpus stage needs only
        the body)."""
        return list(self.iter_articles(text))

    def iter_articles(self, text: bool = True) -> Iterator[dict]:
        cols = "a.*" if text else ", ".join(f"a.{c}" for c in self._article_columns() if c != "text")
        for r in self.conn.execute(
                f"SELECT {cols}, (SELECT json_group_array(name) FROM (SELECT name FROM documents d WHERE d.key = a.key "
                "AND d.duplicate_of IS NOT NULL ORDER BY name)) AS dups FROM articles a ORDER BY a.name"):
            d = dict(r)
            d["article"] = d.pop("name")
            d["captions"] = json.loads(d["captions"])
            d["cited_sources"] = json.loads(d["cited_sources"])
            d["duplicates"] = json.loads(d.pop("dups"))
            yield d

    def _article_columns(self) -> list[str]:
        return [r[1] for r in self.conn.execute("PRAGMA table_info(articles)")]

    def mention_names(self) -> dict[str, list[str]]:
        """Article name → the canonical names it mentions, sorted (one query, not every mention row)."""
        out: dict[str, list[str]] = {}
        for name, canon in self.conn.execute(
                "SELECT DISTINCT a.name, m.canonical FROM mentions m JOIN articles a ON a.key = m.key "
                "WHERE m.canonical IS NOT NULL ORDER BY a.name, m.canonical"):
            out.setdefault(name, []).append(canon)
        return out

    def signatures(self, scheme: str) -> dict[str, tuple[bytes, int]]:
        """Article key → (MinHash signature, shingle count), for the signatures of this scheme."""
        return {r[0]: (r[1], r[2]) for r in
                self.conn.execute("SELECT key, sig, shingles FROM signatures WHERE scheme = ?", (scheme,))}

    def language_counts(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT language, COUNT(*) FROM articles GROUP BY language")}

    def documents(self) -> list[dict]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM documents ORDER BY name")]

    def _named(self, table: str) -> Iterator[dict]:
        for r in self.conn.execute(
                f"SELECT t.*, a.name AS article FROM {table} t JOIN articles a ON a.key = t.key ORDER BY a.name, t.start"):
            yield dict(r)

    def claims(self) -> list[dict]:
        return list(self.iter_claims())

    def iter_claims(self) -> Iterator[dict]:
        for d in self._named("claims"):
            d["attributed_to"] = json.loads(d["attributed_to"])
            d["source_chains"] = json.loads(d["source_chains"]) if d.get("source_chains") else None
            d["in_caption"] = bool(d["in_caption"])
            yield d

    def events(self) -> list[dict]:
        out = []
        for d in self._named("events"):
            d["participants"] = json.loads(d["participants"])
            d["in_caption"] = bool(d["in_caption"])
            out.append(d)
        return out

    def mentions(self) -> list[dict]:
        return list(self._named("mentions"))

    def rows(self, table: str, key: str) -> list[dict]:
        return [dict(r) for r in self.conn.execute(f'SELECT * FROM {table} WHERE key = ? ORDER BY start', (key,))]

    def corpus_table(self, name: str) -> list[dict]:
        return [json.loads(r["row"]) for r in
                self.conn.execute("SELECT row FROM corpus_tables WHERE name = ? ORDER BY idx", (name,))]

    def errors(self) -> list[dict]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM ingest_errors ORDER BY id")]
