"""The streaming run: inputs read one at a time (.jsonl.gz too), a bounded number of articles in
flight, reruns that re-analyse only what another analysis stored (fingerprints)."""
from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest

from saksi.engine import LocalEngine, make_engine
from saksi.fingerprint import analysis_fingerprint
from saksi.ingest.readers import InputError, discover_named, read_file
from saksi.pipeline import run
from saksi.resources import Resources
from saksi.store.db import Store

LINES = [
    {"id": "a1", "text": "Rusia mengirim 500 tentara ke Suriah pada Januari 2025, kata pejabat itu."},
    {"id": "a2", "text": "Ukraine received 40 tanks from Germany in March 2024, the ministry said."},
    {"id": "a3", "html": "<html><head><title>T</title></head><body><article><p>France sent 12 howitzers to "
                         "Ukraine in May 2023, the defence minister said on Tuesday.</p></article></body></html>"},
]


def _write(path: Path, rows, gz: bool) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def _docs(path: Path, **kw):
    return list(read_file(path, **kw))


def test_jsonl_gz_reads_as_jsonl(tmp_path):
    plain = _docs(_write(tmp_path / "c.jsonl", LINES, gz=False))
    zipped = _docs(_write(tmp_path / "z.jsonl.gz", LINES, gz=True))
    assert [(d.name, d.text, d.title) for d in plain] == [(d.name, d.text, d.title) for d in zipped]
    assert all(d.path.startswith(str(tmp_path / "z.jsonl.gz") + ":") for d in zipped)


def test_jsonl_gz_is_found_in_folders_and_named_without_both_suffixes(tmp_path):
    _write(tmp_path / "corpus.jsonl.gz", LINES, gz=True)
    files, errors = discover_named([str(tmp_path)])
    assert not errors and [name for _, name in files] == ["corpus"]


def test_truncated_gzip_keeps_the_lines_before_and_says_why(tmp_path):
    rows = [{"id": f"n{i}", "text": f"{LINES[0]['text']} Catatan {i}."} for i in range(200)]
    p = _write(tmp_path / "t.jsonl.gz", rows, gz=True)
    p.write_bytes(p.read_bytes()[:-40])
    items = _docs(p)
    errors = [x for x in items if isinstance(x, InputError)]
    assert len(errors) == 1 and "gzip" in errors[0].reason and "truncated" in errors[0].reason
    assert len(items) > 100


def test_not_gzip_is_one_error_line(tmp_path):
    p = tmp_path / "bad.jsonl.gz"
    p.write_bytes(b"this is not gzip at all\n")
    items = _docs(p)
    assert len(items) == 1 and isinstance(items[0], InputError) and "cannot read" in items[0].reason


def test_html_is_left_for_the_workers_to_extract(tmp_path):
    p = _write(tmp_path / "c.jsonl", LINES, gz=False)
    raw = _docs(p, extract=False)[2]
    assert raw.html and raw.text == "" and raw.digest
    done = _docs(p)[2]
    assert "howitzers" in done.text and done.html is None and done.digest == raw.digest


def _square(x, res):
    return x * x


@pytest.mark.parametrize("workers", [1, 2])
def test_engine_keeps_order_and_a_bounded_window(workers):
    pulled = []

    def items():
        for i in range(300):
            pulled.append(i)
            yield i

    engine = LocalEngine(workers=workers, window=10)
    seen = 0
    for item, result in engine.map(_square, items(), None):
        assert result == item * item and item == seen
        seen += 1
        assert len(pulled) - seen <= 10 + 1  # never more than the window read ahead
    assert seen == 300


def test_unknown_engine_is_a_value_error():
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark")


def test_fingerprint_follows_settings_and_kb_files(tmp_path):
    base = analysis_fingerprint(Resources())
    assert base == analysis_fingerprint(Resources())
    assert base != analysis_fingerprint(Resources(languages=("id",)))
    assert base != analysis_fingerprint(Resources(use_ner=False))
    kb = tmp_path / "extra.yaml"
    kb.write_text("entities: []\n")
    one = analysis_fingerprint(Resources(kb_extra=(str(kb),)))
    kb.write_text("entities: [] # changed\n")
    assert one != analysis_fingerprint(Resources(kb_extra=(str(kb),)))


def _claims(out: Path):
    return sorted(json.dumps(r, sort_keys=True) for r in
                  (json.loads(x) for x in (out / "claims.jsonl").read_text().splitlines() if x))


def test_rerun_reanalyses_what_another_analysis_stored(tmp_path):
    src = _write(tmp_path / "c.jsonl.gz", LINES, gz=True)
    out = tmp_path / "out"
    res = Resources(use_ner=False, embed=False)
    first = run([str(src)], out, res, max_bytes=1 << 20)
    assert (first.read, first.new, first.unchanged) == (3, 3, 0)
    before = _claims(out)
    again = run([str(src)], out, res, max_bytes=1 << 20)
    assert (again.new, again.unchanged, again.reanalysed) == (0, 3, 0)
    con = sqlite3.connect(out / "saksi.db")  # as if stored by an older saksi
    con.execute("UPDATE documents SET fingerprint = 'older'")
    con.execute("UPDATE articles SET fingerprint = 'older'")
    con.commit()
    con.close()
    third = run([str(src)], out, res, max_bytes=1 << 20)
    assert (third.new, third.unchanged, third.reanalysed) == (0, 0, 3)
    assert _claims(out) == before
    store = Store.open(out)
    fps = {r["fingerprint"] for r in store.documents()}
    store.close()
    assert fps == {analysis_fingerprint(res)}


def test_reanalysed_owner_keeps_its_duplicates(tmp_path):
    rows = [LINES[0], {"id": "copy", "text": LINES[0]["text"]}]
    src = _write(tmp_path / "c.jsonl", rows, gz=False)
    out = tmp_path / "out"
    res = Resources(use_ner=False, embed=False)
    s = run([str(src)], out, res, max_bytes=1 << 20)
    assert s.duplicates == [("copy", "a1")]
    con = sqlite3.connect(out / "saksi.db")
    con.execute("UPDATE documents SET fingerprint = 'older'")
    con.execute("UPDATE articles SET fingerprint = 'older'")
    con.commit()
    con.close()
    s = run([str(src)], out, res, max_bytes=1 << 20)
    assert s.reanalysed == 1 and s.duplicates == [("copy", "a1")]
    store = Store.open(out)
    docs = {d["name"]: d["duplicate_of"] for d in store.documents()}
    store.close()
    assert docs == {"a1": None, "copy": "a1"}


def test_rerun_with_nothing_new_keeps_the_outputs(tmp_path):
    src = _write(tmp_path / "c.jsonl", LINES, gz=False)
    out = tmp_path / "out"
    res = Resources(use_ner=False, embed=False)
    run([str(src)], out, res, max_bytes=1 << 20)
    stamp = (out / "report.html").stat().st_mtime_ns
    again = run([str(src)], out, res, max_bytes=1 << 20)
    assert again.outputs_current and (out / "report.html").stat().st_mtime_ns == stamp
    _write(tmp_path / "more.jsonl", [{"id": "a4", "text": "Iran sent 30 drones to Russia in 2024, officials said."}], gz=False)
    more = run([str(src), str(tmp_path / "more.jsonl")], out, res, max_bytes=1 << 20)
    assert more.new == 1 and not more.outputs_current
    assert '"a4"' in (out / "articles.jsonl").read_text()
    (out / "report.md").unlink()
    assert not run([str(src), str(tmp_path / "more.jsonl")], out, res, max_bytes=1 << 20).outputs_current
    assert (out / "report.md").is_file()
