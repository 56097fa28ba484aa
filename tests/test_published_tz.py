"""The publication's time zone (issue 12, item 4): the offset a page's metadata or a JSONL `published`
timestamp states, or the zone its date line names (data/timezones.yaml), carried to the store and to
articles.jsonl as `published_tz` ("+07:00") and `published_zone` ("WIB")."""
from __future__ import annotations

import json
import sqlite3

import pytest

import page_styles as ps
from saksi.lang import available_languages, load
from saksi.pipeline import Resources, run
from saksi.store.db import Store
from saksi.timezones import ZoneError, timestamp_offset, utc_offset, validated, zone_offsets

# (input, published_tz, published_zone) of made-up pages and lines
JSONL = [
    ({"id": "j-offset", "published": "2024-03-04T10:00:00+07:00"}, "+07:00", None),
    ({"id": "j-zulu", "published": "2024-03-04T03:00:00Z"}, "+00:00", None),
    ({"id": "j-compact", "published": "2024-03-04 08:30:00 +0530"}, "+05:30", None),
    ({"id": "j-date", "published": "2024-03-04"}, None, None),
    ({"id": "j-placeholder", "published": "1970-01-01T00:00:00Z"}, None, None),
    ({"id": "j-dateline", "published": "2024-03-04T10:00:00+08:00"}, "+08:00", "WITA"),  # the input's wins
]
TEXT = "Dinas Pendidikan menyebut 12 sekolah di Kota Palu menambah jam belajar mulai pekan depan, kata pejabat itu."


def _run(src, out) -> dict[str, dict]:
    summary = run([str(src)], out, Resources(use_ner=False, embed=False), max_bytes=1 << 20)
    assert not summary.errors
    rows = [json.loads(x) for x in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["article"]: r for r in rows}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """(text pages' rows, HTML pages' and JSONL lines' rows, the second run's folder): a style's text and
    HTML page may read as one text, a duplicate, so each kind has a run of its own."""
    text, html = tmp_path_factory.mktemp("text"), tmp_path_factory.mktemp("html")
    for style in ("ap", "kompas", "reuters"):
        (text / f"{style}.txt").write_text(getattr(ps, f"{style}_text")(), encoding="utf-8")
        (html / f"{style}.html").write_text(getattr(ps, f"{style}_html")(), encoding="utf-8")
    lines = []
    for i, (row, _, zone) in enumerate(JSONL):
        dateline = f"Senin, 4 Maret 2024 10:00 {zone}\n\n" if zone else ""
        lines.append(json.dumps({**row, "text": f"{dateline}{TEXT} ({i})"}))
    (html / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    return _run(text, out / "text"), _run(html, out / "html"), out / "html"


@pytest.mark.parametrize("name, tz, zone", [
    ("ap", "-04:00", "EDT"), ("kompas", "+07:00", "WIB"), ("reuters", "+00:00", "UTC"),
])
def test_a_date_lines_zone_is_the_offset(runs, name, tz, zone):
    row = runs[0][name]
    assert (row["published_tz"], row["published_zone"]) == (tz, zone)


@pytest.mark.parametrize("name, tz", [("ap", "-04:00"), ("kompas", "+07:00"), ("reuters", "+00:00")])
def test_a_pages_metadata_gives_the_offset(runs, name, tz):
    assert runs[1][name]["published_tz"] == tz


@pytest.mark.parametrize("row, tz, zone", JSONL)
def test_a_jsonl_timestamps_offset(runs, row, tz, zone):
    got = runs[1][row["id"]]
    assert (got["published_tz"], got["published_zone"]) == (tz, zone)
    assert got["published"] == (None if row["id"] == "j-placeholder" else "2024-03-04")


def test_the_store_keeps_it(runs):
    store = Store.open(runs[2])
    try:
        assert store.version >= 6  # migration 6 added the columns; later ones keep them
        assert {a["published_tz"] for a in store.articles(text=False)} >= {"+07:00", "-04:00", "+00:00", "+05:30"}
    finally:
        store.close()


def test_a_new_store_has_the_columns(tmp_path):
    Store(tmp_path / "saksi.db").close()  # migrations 1..6
    con = sqlite3.connect(tmp_path / "saksi.db")
    cols = [r[1] for r in con.execute("PRAGMA table_info(articles)")]
    con.close()
    assert cols[-2:] == ["published_tz", "published_zone"]


@pytest.mark.parametrize("zone, tz", [
    ("WIB", "+07:00"), ("WITA", "+08:00"), ("WIT", "+09:00"), ("MYT", "+08:00"), ("EDT", "-04:00"),
    ("EST", "-05:00"), ("CET", "+01:00"), ("CEST", "+02:00"), ("BST", "+01:00"), ("UTC", "+00:00"),
    ("GMT", "+00:00"), ("UTC+7", "+07:00"), ("GMT-3:30", "-03:30"), ("UTC +0545", "+05:45"), ("UTC+05:45", "+05:45"),
    ("GMT+0", "+00:00"), ("UTC-0", "+00:00"), ("UTC+15", None), ("UTC+7:20", None), ("ET", None), ("XYZ", None),
    (None, None),
])
def test_zone_names_and_written_offsets(zone, tz):
    assert utc_offset(zone) == tz


@pytest.mark.parametrize("value, tz", [
    ("2024-03-04T10:00:00+07:00", "+07:00"), ("2024-03-04T10:00:00.250-04:00", "-04:00"),
    ("2024-03-04T10:00Z", "+00:00"), ("2024-03-04T10:00:00", None), ("2024-03-04", None),
    ("2024-03-04T10:00:00+25:00", None), ("2024-03-04T10:00:00+07:00 extra", None),
])
def test_timestamp_offsets(value, tz):
    assert timestamp_offset(value) == tz


def test_every_zone_a_language_names_is_listed():
    known = zone_offsets()
    for code in available_languages():
        missing = [z for z in load(code, "dates").get("timezones") or [] if str(z) not in known]
        assert not missing, f"{code}: add {missing} to src/saksi/data/timezones.yaml"


@pytest.mark.parametrize("data", [
    {"zones": {"WIB": 420}},  # +07:00 unquoted: YAML 1.1 reads a sexagesimal number
    {"zones": {"WIB": "+7"}}, {"zones": {"WIB": "+07:20"}}, {"zones": {"XX": "+15:00"}},
    {"zones": {"": "+01:00"}}, {"zone": {"WIB": "+07:00"}}, {"zones": ["WIB"]}, ["WIB"],
])
def test_a_bad_zone_file_is_an_error(data):
    with pytest.raises(ZoneError):
        validated(data, "timezones.yaml")
