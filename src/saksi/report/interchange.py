"""articles.jsonl, claims.jsonl and events.jsonl exactly as ../shared/spec/INTERCHANGE.md says (plus
extra fields: offsets, ids, duplicates, the publication's time zone), written atomically so a killed run
never leaves half a file."""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

ARTICLE_FIELDS = ("article", "title", "outlet", "author", "dateline", "published", "language", "body", "captions",
                  "cited_sources")
CLAIM_FIELDS = ("article", "quote", "actor", "action", "recipient", "object", "value", "value_low", "value_high",
                "qualifier", "period_start", "period_end", "attributed_to", "stance")
EVENT_FIELDS = ("date", "type", "summary", "participants", "place", "articles")
# The event types the contract names; saksi's finer ones (strike, arrest, sanctions, ...) are written
# as `other`, with the finer type in the extra field `kind`.
CONTRACT_EVENT_TYPES = frozenset({"meeting", "statement", "treaty_signed", "deployment", "transfer",
                                  "organisation_founded", "war_start", "other"})


def _num(v):
    return int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 2**53 else v


def article_rows(store) -> Iterator[dict]:
    """One row per document (a duplicate repeats its article), streamed from the store."""
    cols = ", ".join(f"a.{k}" for k in ARTICLE_FIELDS if k != "article")
    for r in store.conn.execute(f"SELECT d.name AS doc, d.path AS doc_path, d.duplicate_of, {cols}, a.key, a.url, "
                                "a.published_tz, a.published_zone "
                                "FROM documents d JOIN articles a ON a.key = d.key ORDER BY d.name"):
        row = {k: r[k] for k in ARTICLE_FIELDS if k != "article"}
        row["captions"] = json.loads(row["captions"])
        row["cited_sources"] = json.loads(row["cited_sources"])
        yield {"article": r["doc"], **row, "published_tz": r["published_tz"], "published_zone": r["published_zone"],
               "key": r["key"], "url": r["url"], "path": r["doc_path"], "duplicate_of": r["duplicate_of"]}


def claim_rows(store, claims: Iterable[dict] | None = None) -> Iterator[dict]:
    """One row per claim, from `claims` (as Store.claims gives them) when the caller holds them already."""
    return ({**{k: _num(c[k]) for k in CLAIM_FIELDS}, "id": c["id"], "start": c["start"], "end": c["end"],
             "in_caption": c["in_caption"], "object_class": c.get("object_class"), "unit": c.get("unit"),
             "source_chains": c.get("source_chains")}
            for c in (store.iter_claims() if claims is None else claims))


def event_rows(store) -> list[dict]:
    """Events as the timeline shows them: merged across articles by the corpus stage when it ran."""
    return [_contract_type(e) for e in _events(store)]


def _contract_type(e: dict) -> dict:
    if e.get("type") in CONTRACT_EVENT_TYPES:
        return e
    return {**e, "type": "other", "kind": e.get("type")}


def _events(store) -> list[dict]:
    merged = store.corpus_table("timeline")
    if merged:
        return merged
    return [{"date": e["date"], "type": e["type"], "summary": e["summary"], "participants": e["participants"],
             "place": e["place"], "articles": [e["article"]], "id": e["id"], "quote": e["quote"],
             "start": e["start"], "end": e["end"], "in_caption": e["in_caption"]} for e in store.events()]


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    os.replace(tmp, path)


def write_interchange(store, out_dir: Path, claims: list[dict] | None = None) -> None:
    """The three files; `claims`: the store's claims when the caller read them already (read once a run)."""
    write_jsonl(out_dir / "articles.jsonl", article_rows(store))
    write_jsonl(out_dir / "claims.jsonl", claim_rows(store, claims))
    write_jsonl(out_dir / "events.jsonl", event_rows(store))
