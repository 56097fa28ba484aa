"""`saksi export OUT --format jsonl|csv|parquet|ftm [--dest DIR]`: the evidence base as files other
tools read.

Tabular formats write one file per table, named ``table_<table>.<format>`` so that no export file
shares a name with the interchange files of OUT (``articles.jsonl``, ``claims.jsonl``,
``events.jsonl``, whose fields differ): articles, claims, event_reports (each event as one article
reports it), entities, mentions, claim_groups, verdicts, copies (and stories, story_articles and
timeline, the events merged across articles as in OUT/events.jsonl, when the corpus stage ran).
Lists and objects stay nested in JSONL and Parquet (list<string> columns where they are lists of
strings), and are JSON strings in CSV.

`ftm` writes ``ftm_entities.jsonl``: FollowTheMoney entities (one JSON object per line, as `entity.to_dict()` gives them,
loadable by Aleph, `ftm` and OpenSanctions tools): an Article per article; a Person, Organization,
LegalEntity (a country, with its ISO code) or Address (another place) per canonical name; a
Documentation linking each entity to each article that mentions it and a Mention per surface form
seen there; an Event per dated event; an UnknownLink per claim between two entities (actor →
recipient) and a Note per claim on its actor (or its article), each citing the article as proof.
"""
from __future__ import annotations

import csv
import json
import os
from collections import defaultdict
from pathlib import Path

from saksi.report import dossier

FORMATS = ("jsonl", "csv", "parquet", "ftm")
PREFIX = "table_"  # export files never take the name of an interchange file (OUT/claims.jsonl ...)
FTM_FILE = "ftm_entities.jsonl"


# ------------------------------------------------------------------------------ the tables
def tables(store) -> dict[str, list[dict]]:
    arts = store.articles()
    claims = store.claims()
    corpus = dossier.corpus_tables(store)
    groups = dossier.claim_groups(corpus, claims)
    out = {
        "articles": [{k: a.get(k) for k in ("article", "key", "path", "fmt", "language", "title", "outlet", "author",
                                             "dateline", "published", "url", "captions", "cited_sources", "duplicates",
                                             "body", "text")} for a in arts],
        "claims": [{k: c.get(k) for k in ("id", "article", "key", "quote", "start", "end", "actor", "action",
                                           "recipient", "object", "value", "value_low", "value_high", "qualifier",
                                           "period_start", "period_end", "attributed_to", "stance", "in_caption",
                                           "sentence")} for c in claims],
        "event_reports": [{k: e.get(k) for k in ("id", "article", "key", "date", "type", "summary", "participants", "place",
                                           "quote", "start", "end", "in_caption")} for e in store.events()],
        "entities": [{"canonical": e["canonical"], "type": e["type"], "qid": e["qid"], "mentions": e["mentions"],
                      "article_count": e["article_count"], "aliases": e["aliases"], "articles": e["articles"]}
                     for e in dossier.entity_index(store.conn, article_cap=10**9)],
        "mentions": [{k: m.get(k) for k in ("article", "key", "start", "end", "text", "canonical", "type", "qid", "role")}
                     for m in store.mentions()],
        "claim_groups": [{
            "group": g["id"], "actor": g["actor"], "action": g["action"], "object": g["object"],
            "recipient": g["recipient"], "claims": [c.get("id") for c in g["claims"]], "articles": g["articles"],
            "values": g["values"], "range_low": (g["range"] or [None, None])[0],
            "range_high": (g["range"] or [None, None])[-1], "qualifiers": g["qualifiers"], "periods": g["periods"],
            "stances": g["stances"], "roots": g["roots"], "independent_sources": g["independent_sources"],
            "verdict": g["verdict"], "verdict_reason": g["verdict_reason"], "verdicts": g["verdicts"],
        } for g in groups],
        "verdicts": [{"group": g["id"], "kind": v["kind"], "claims": v["claims"], "explanation": v["explanation"]}
                     for g in groups for v in g["verdict_rows"]],
        "copies": [{k: c.get(k) for k in ("article", "copy_of", "kind", "score", "evidence", "stored")}
                   for c in dossier.copies(corpus, store.documents())],
    }
    for name in ("stories", "story_articles", "timeline"):
        if corpus.get(name):
            out[name] = corpus[name]
    return out


# ------------------------------------------------------------------------------ writers
def _atomic(path: Path):
    tmp = path.with_name(path.name + ".tmp")
    return tmp, lambda: os.replace(tmp, path)


def write_jsonl(path: Path, rows: list[dict]) -> None:
    tmp, done = _atomic(path)
    with open(tmp, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    done()


def _columns(rows: list[dict]) -> list[str]:
    cols: dict[str, None] = {}
    for r in rows:
        for k in r:
            cols.setdefault(k, None)
    return list(cols)


def write_csv(path: Path, rows: list[dict]) -> None:
    cols = _columns(rows)
    tmp, done = _atomic(path)
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for r in rows:
            w.writerow(["" if r.get(c) is None else json.dumps(r[c], ensure_ascii=False, default=str)
                        if isinstance(r.get(c), (list, dict)) else r[c] for c in cols])
    done()


# Columns whose type must not depend on the rows at hand (e.g. all null in a small run).
_FLOAT_COLS = frozenset({"value", "value_low", "value_high", "range_low", "range_high", "score"})
_INT_COLS = frozenset({"start", "end", "mentions", "article_count", "independent_sources"})
_STR_COLS = frozenset({"actor", "recipient", "qid", "role", "period_start", "period_end", "verdict", "verdict_reason",
                       "title", "outlet", "author", "dateline", "published", "url", "place", "date"})


def _arrow_column(values: list, name: str = ""):
    """A pyarrow array for one column: bool, int64, float64, string or list<string>; anything mixed
    or nested becomes a JSON string."""
    import pyarrow as pa

    present = [v for v in values if v is not None]
    if name in _FLOAT_COLS and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return pa.array([None if v is None else float(v) for v in values], type=pa.float64())
    if name in _INT_COLS and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pa.array(values, type=pa.int64())
    if name in _STR_COLS and all(isinstance(v, str) for v in present):
        return pa.array(values, type=pa.string())
    if not present:
        return pa.array(values, type=pa.string())
    if all(isinstance(v, bool) for v in present):
        return pa.array(values, type=pa.bool_())
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present) and \
            all(-2**63 <= v < 2**63 for v in present):
        return pa.array(values, type=pa.int64())
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return pa.array([None if v is None else float(v) for v in values], type=pa.float64())
    if all(isinstance(v, str) for v in present):
        return pa.array(values, type=pa.string())
    if all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in present):
        return pa.array(values, type=pa.list_(pa.string()))
    return pa.array([None if v is None else json.dumps(v, ensure_ascii=False, default=str) for v in values],
                    type=pa.string())


def write_parquet(path: Path, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = _columns(rows)
    table = pa.table({c: _arrow_column([r.get(c) for r in rows], c) for c in cols}) if cols else pa.table({})
    tmp, done = _atomic(path)
    pq.write_table(table, tmp, compression="zstd")
    done()


# ------------------------------------------------------------------------------ FollowTheMoney
_SCHEMA = {"PERSON": "Person", "PER": "Person", "ORG": "Organization", "MEDIA": "Organization",
           "NORP": "Organization", "GPE": "LegalEntity", "LOC": "Address", "FAC": "Address"}
_LEGAL = ("Person", "Organization", "LegalEntity")


def _country_code(name: str) -> str | None:
    """The ISO code when the name is a country's own name (not a city that FtM maps to its country)."""
    from followthemoney import registry

    code = registry.country.clean(name)
    if code and registry.country.names.get(code, "").casefold() == name.casefold():
        return code
    if code and name.isupper() and 2 <= len(name) <= 5:  # DPRK, ROK, USA
        return code
    return None


def ftm_entities(store):
    """FollowTheMoney entity proxies for the whole store (see the module's docstring)."""
    from followthemoney import model

    def make(schema: str, *id_parts):
        e = model.make_entity(schema)
        e.make_id("saksi", schema if schema in ("Article", "Documentation", "Mention", "Event", "UnknownLink", "Note")
                  else "entity", *id_parts)
        return e

    articles = store.articles()
    art_ent: dict[str, object] = {}
    for a in articles:
        e = make("Article", a["key"])
        e.add("name", a["article"])
        e.add("title", a.get("title"))
        e.add("bodyText", a.get("body"))
        e.add("publishedAt", a.get("published"))
        e.add("publisher", a.get("outlet"))
        e.add("author", a.get("author"))
        e.add("language", a.get("language"))
        e.add("fileName", a.get("path"))
        if dossier.safe_url(a.get("url")):
            e.add("sourceUrl", a["url"])
        if a.get("dateline"):
            e.add("keywords", f"dateline: {a['dateline']}")
        for s in a.get("cited_sources") or []:
            e.add("keywords", f"cites: {s}")
        art_ent[a["article"]] = e

    ents: dict[str, object] = {}
    for row in dossier.entity_index(store.conn, article_cap=10**9):
        name, typ = row["canonical"], (row["type"] or "").upper()
        schema = _SCHEMA.get(typ, "LegalEntity")
        code = None
        if typ == "GPE":
            code = _country_code(name)
            schema = "LegalEntity" if code else "Address"
        e = make(schema, name)
        if schema == "Address":
            e.add("full", name)
        e.add("name", name)
        if schema != "Address":
            e.add("alias", [x for x in row["aliases"] if x != name])
        if code:
            e.add("country", code)
            e.add("jurisdiction", code)
        if typ == "MEDIA":
            e.add("description", "news media")
        if row.get("qid"):
            e.add("wikidataId", row["qid"])
        ents[name] = e
        art_props = {"Person": "peopleMentioned", "Organization": "companiesMentioned",
                     "LegalEntity": "namesMentioned", "Address": "locationMentioned"}
        for art in row["articles"]:
            if art in art_ent:
                art_ent[art].add(art_props[schema], name)

    yield from art_ent.values()
    yield from ents.values()

    # who is mentioned where: one Documentation per (entity, article), a Mention per surface form
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in store.mentions():
        forms[(m["canonical"], m["article"])].add(m["text"])
    for (name, art), texts in sorted(forms.items()):
        ent, doc = ents.get(name), art_ent.get(art)
        if ent is None or doc is None:
            continue
        d = make("Documentation", ent.id, doc.id)
        d.add("entity", ent)
        d.add("document", doc)
        d.add("role", "mentioned")
        d.add("summary", "; ".join(sorted(texts)))
        d.add("date", doc.first("publishedAt"))
        yield d
        for t in sorted(texts):
            mn = make("Mention", doc.id, t, ent.id)
            mn.add("name", t)
            mn.add("document", doc)
            if ent.schema.name in _LEGAL:
                mn.add("resolved", ent)
            mn.add("detectedSchema", ent.schema.name)
            yield mn

    def legal(name):
        e = ents.get(name)
        return e if e is not None and e.schema.name in _LEGAL else None

    for ev in store.events():
        doc = art_ent.get(ev["article"])
        e = make("Event", ev["id"])
        e.add("name", ev["summary"])
        e.add("summary", ev["quote"])
        e.add("date", ev["date"])
        e.add("keywords", ev["type"])
        e.add("involved", [x for x in (legal(p) for p in ev["participants"]) if x is not None])
        if ev.get("place"):
            e.add("location", ev["place"])
            if ents.get(ev["place"]) is not None and ents[ev["place"]].schema.name == "Address":
                e.add("addressEntity", ents[ev["place"]])
        if doc is not None:
            e.add("proof", doc)
            e.add("publisher", doc.first("publisher"))
        yield e

    for c in store.claims():
        doc = art_ent.get(c["article"])
        title = dossier.claim_title(c)
        src = ", ".join(c.get("attributed_to") or []) or "the outlet"
        desc = f"{title}; according to {src}"
        if dossier.fmt_period(c):
            desc += f"; period {dossier.fmt_period(c)}"
        actor, recipient = ents.get(c.get("actor") or ""), ents.get(c.get("recipient") or "")
        if actor is not None and recipient is not None:
            link = make("UnknownLink", c["id"])
            link.add("subject", actor)
            link.add("object", recipient)
            link.add("role", c["action"])
            link.add("summary", c["quote"])
            link.add("description", desc)
            link.add("startDate", c.get("period_start"))
            link.add("endDate", c.get("period_end"))
            link.add("publisher", c.get("attributed_to") or [])
            if doc is not None:
                link.add("proof", doc)
            yield link
        note = make("Note", c["id"])
        note.add("name", title)
        note.add("summary", c["quote"])
        note.add("description", desc)
        note.add("entity", actor if actor is not None else doc)
        note.add("publisher", c.get("attributed_to") or [])
        if doc is not None:
            note.add("proof", doc)
            if doc.first("sourceUrl"):
                note.add("sourceUrl", doc.first("sourceUrl"))
        yield note


def write_ftm(path: Path, store) -> int:
    tmp, done = _atomic(path)
    n = 0
    with open(tmp, "w", encoding="utf-8") as f:
        for e in ftm_entities(store):
            f.write(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    done()
    return n


# ------------------------------------------------------------------------------ entry point
def export(out_dir, fmt: str, dest=None) -> list[tuple[Path, int]]:
    """Write the export; returns (file, rows) for each file written."""
    from saksi.store.db import DB_NAME, Store

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    if not (out_dir / DB_NAME).is_file():
        raise FileNotFoundError(f"{out_dir / DB_NAME}: no saksi database (run `saksi run ... --out {out_dir}` first)")
    dest = Path(dest) if dest else out_dir / "export"
    dest.mkdir(parents=True, exist_ok=True)
    store = Store.open(out_dir)
    written: list[tuple[Path, int]] = []
    try:
        if fmt == "ftm":
            p = dest / FTM_FILE
            written.append((p, write_ftm(p, store)))
            return written
        writer = {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet}[fmt]
        for name, rows in tables(store).items():
            p = dest / f"{PREFIX}{name}.{fmt}"
            writer(p, rows)
            written.append((p, len(rows)))
    finally:
        store.close()
    return written
