"""`saksi export` in each format, `saksi entities`, and the FollowTheMoney entities' validity."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from synthetic_store import XSS_NAME, build
from typer.testing import CliRunner

from saksi.cli import app
from saksi.export import export

TABLES = {"articles": 4, "claims": 4, "event_reports": 2, "entities": 7, "mentions": 17, "claim_groups": 2, "verdicts": 2, "copies": 2,
          "stories": 2, "story_articles": 4, "timeline": 2}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return build(tmp_path_factory.mktemp("export"))


def read_jsonl(p: Path) -> list[dict]:
    return [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_jsonl(out, tmp_path):
    written = {p.stem.removeprefix("table_"): n for p, n in export(out, "jsonl", tmp_path)}
    for name, n in TABLES.items():
        if name in ("story_articles", "timeline"):
            continue
        assert written[name] == n, name
    claims = {c["article"]: c for c in read_jsonl(tmp_path / "table_claims.jsonl")}
    c = claims["001_tribun"]
    assert c["value"] == 12000 and c["qualifier"] == "approx" and c["attributed_to"] == ["NIS"]
    assert c["quote"] == "Korea Utara telah mengirim sekitar 12.000 tentara ke Rusia" and c["end"] - c["start"] == len(c["quote"])
    ents = {e["canonical"]: e for e in read_jsonl(tmp_path / "table_entities.jsonl")}
    assert ents["North Korea"]["aliases"] == ["North Korea", "Korea Utara"] or \
        sorted(ents["North Korea"]["aliases"]) == ["Korea Utara", "North Korea"]
    assert ents["North Korea"]["mentions"] == 5 and ents["North Korea"]["article_count"] == 4
    groups = {g["group"]: g for g in read_jsonl(tmp_path / "table_claim_groups.jsonl")}
    g = groups["g00001"]
    assert g["verdict"] == "contradiction" and g["independent_sources"] == 3 and len(g["claims"]) == 3
    assert (g["range_low"], g["range_high"]) == (11000, 12000)
    arts = {a["article"]: a for a in read_jsonl(tmp_path / "table_articles.jsonl")}
    assert arts["002_yonhap"]["duplicates"] == ["002_copy"] and XSS_NAME in arts


def test_csv(out, tmp_path):
    export(out, "csv", tmp_path)
    for name in ("articles", "claims", "event_reports", "entities", "mentions", "claim_groups", "copies"):
        with open(tmp_path / f"table_{name}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == TABLES[name], name
    with open(tmp_path / "table_claims.csv", encoding="utf-8", newline="") as f:
        rows = {r["article"]: r for r in csv.DictReader(f)}
    assert json.loads(rows["002_yonhap"]["attributed_to"]) == ["Yonhap"]
    assert rows["003_denial"]["value"] == "" and rows["003_denial"]["stance"] == "denied"
    with open(tmp_path / "table_articles.csv", encoding="utf-8", newline="") as f:
        texts = [r["text"] for r in csv.DictReader(f)]
    assert any("\n" in t and "<script>" in t for t in texts)  # multi-line text survives the round trip


def test_parquet_reads_back_with_stable_types(out, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    export(out, "parquet", tmp_path)
    for name, n in TABLES.items():
        t = pq.read_table(tmp_path / f"table_{name}.parquet")
        assert t.num_rows == n, name
    claims = pq.read_table(tmp_path / "table_claims.parquet")
    schema = claims.schema
    assert schema.field("value").type == pa.float64() and schema.field("value_low").type == pa.float64()
    assert schema.field("start").type == pa.int64() and schema.field("in_caption").type == pa.bool_()
    assert schema.field("attributed_to").type == pa.list_(pa.string())
    rows = {r["article"]: r for r in claims.to_pylist()}
    assert rows["001_tribun"]["value"] == 12000.0 and rows["001_tribun"]["attributed_to"] == ["NIS"]
    g = pq.read_table(tmp_path / "table_claim_groups.parquet").schema
    assert g.field("claims").type == pa.list_(pa.string()) and g.field("range_low").type == pa.float64()


@pytest.fixture(scope="module")
def ftm_lines(out, tmp_path_factory):
    dest = tmp_path_factory.mktemp("ftm")
    (path, n), = export(out, "ftm", dest)
    lines = read_jsonl(path)
    assert len(lines) == n
    return path, lines


def test_ftm_entities_are_valid(ftm_lines):
    from followthemoney import model

    _, lines = ftm_lines
    ids = {d["id"] for d in lines}
    assert len(ids) == len(lines)  # unique ids
    for d in lines:
        proxy = model.get_proxy(d, cleaned=False)
        schema = proxy.schema
        assert not schema.abstract, d
        for prop in schema.required:
            assert proxy.get(prop), (d["schema"], prop)
        for prop, values in d["properties"].items():
            p = schema.get(prop)
            assert p is not None, (d["schema"], prop)
            for v in values:
                assert p.type.clean(v, proxy=proxy) is not None or p.type.name == "entity", (prop, v)
            if p.type.name == "entity":
                assert set(values) <= ids, (d["schema"], prop)  # every reference resolves


def test_ftm_model_of_the_evidence(ftm_lines):
    _, lines = ftm_lines
    by_schema: dict[str, list[dict]] = {}
    for d in lines:
        by_schema.setdefault(d["schema"], []).append(d)
    names = {d["properties"]["name"][0]: d for d in lines if d["schema"] in ("Person", "Organization", "LegalEntity",
                                                                            "Address")}
    assert names["Kim Jong Un"]["schema"] == "Person"
    assert names["North Korea"]["schema"] == "LegalEntity" and names["North Korea"]["properties"]["country"] == ["kp"]
    assert "Korea Utara" in names["North Korea"]["properties"]["alias"]
    assert names["Kursk"]["schema"] == "Address"
    assert names["National Intelligence Service"]["schema"] == "Organization"
    arts = {d["properties"]["name"][0]: d for d in by_schema["Article"]}
    assert len(arts) == 4 and arts["001_tribun"]["properties"]["publishedAt"] == ["2024-11-02"]
    assert "sourceUrl" not in arts[XSS_NAME]["properties"]  # javascript: is no URL
    nk_docs = [d for d in by_schema["Documentation"] if d["properties"]["entity"] == [names["North Korea"]["id"]]]
    assert len(nk_docs) == 4
    mentions = [d for d in by_schema["Mention"] if d["properties"]["name"] == ["Korea Utara"]]
    assert mentions and mentions[0]["properties"]["resolved"] == [names["North Korea"]["id"]]
    assert len(by_schema["Event"]) == 2 and len(by_schema["Note"]) == 4
    links = by_schema["UnknownLink"]
    assert {tuple(d["properties"]["role"]) for d in links} == {("troops_deployed",), ("munitions_supplied",)}
    assert all(d["properties"]["subject"] == [names["North Korea"]["id"]] for d in links)


def test_ftm_validate_accepts_the_file(ftm_lines, tmp_path):
    path, lines = ftm_lines
    ftm = shutil.which("ftm", path=str(Path(sys.executable).parent)) or shutil.which("ftm")
    if ftm is None:
        pytest.skip("the followthemoney `ftm` command is not installed")
    r = subprocess.run([ftm, "validate", "-i", str(path), "-o", str(tmp_path / "valid.json")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert len(read_jsonl(tmp_path / "valid.json")) == len(lines)


def test_cli_export_and_entities(out, tmp_path):
    runner = CliRunner()
    r = runner.invoke(app, ["export", str(out), "--format", "csv", "--dest", str(tmp_path / "x")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "x" / "table_claims.csv").is_file()
    r = runner.invoke(app, ["export", str(out), "--format", "xml"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["export", str(tmp_path / "nothing"), "--format", "csv"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["entities", str(out)], env={"COLUMNS": "160"})
    assert r.exit_code == 0, r.output
    for text in ("North Korea", "GPE", "Korea Utara", "Kim Jong Un", "7 entities"):
        assert text in r.output
    r = runner.invoke(app, ["entities", str(out), "--type", "person"], env={"COLUMNS": "160"})
    assert "Kim Jong Un" in r.output and "Russia" not in r.output
    r = runner.invoke(app, ["entities", str(out), "--limit", "1", "--sort", "name"], env={"COLUMNS": "160"})
    assert "Evil" in r.output and "Yonhap" not in r.output


def test_default_destination(out):
    written = export(out, "jsonl")
    assert all(p.parent == out / "export" for p, _ in written)


def test_export_files_never_take_an_interchange_files_name(out, tmp_path):
    """OUT/articles.jsonl, claims.jsonl and events.jsonl hold other fields than the store's tables."""
    names = {p.name for p, _ in export(out, "jsonl", tmp_path)}
    assert not names & {"articles.jsonl", "claims.jsonl", "events.jsonl"}
    assert {"table_event_reports.jsonl", "table_timeline.jsonl"} <= names
    assert [p.name for p, _ in export(out, "ftm", tmp_path)] == ["ftm_entities.jsonl"]
