"""The web UI's tables as datasette shows them (issue 12): query parsing and validation, sorting
(numbers numerically, dates as dates, empty values last, stable), facet counts, date and value ranges,
the article filter, number search, CSV and JSON downloads equal to the table's rows, the claim
group's chart and the timeline's legend."""
from __future__ import annotations

import csv
import io
from html import unescape as html_unescape
import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient
from synthetic_store import XSS_IMG, XSS_SCRIPT, active_content
from web_store import MILLIONS, UNTITLED, build_tables

from saksi.web import create_app
from saksi.web.table import BadRequest, date_span, parse_query, to_csv
from saksi.web.views import CLAIMS, VIEWS, number_values, split_number

SPELLINGS = ["12 million", "12.000.000", "12,000,000", "12 juta", "12 Millionen", "12 millions", "≈ 12,000,000",
             "12m"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return TestClient(create_app(build_tables(tmp_path_factory.mktemp("tables"))))


def claims(client, **params) -> list[dict]:
    r = client.get("/download/claims.json", params=params)
    assert r.status_code == 200, r.text
    return r.json()["rows"]


def ids_on_pages(client, path: str, params: dict) -> list[str]:
    """The claim ids of a table, page after page, as the HTML shows them."""
    out, page = [], 1
    while True:
        html = client.get(path, params={**params, "page": page}).text
        out += re.findall(r'<tr data-id="([^"]+)">', html)
        if 'rel="next"' not in html:
            return out
        page += 1


# ----------------------------------------------------------------------------- parsing
def test_query_parsing_and_validation():
    q = parse_query([("sort", "value"), ("desc", "1"), ("stance", "reported"), ("stance", "alleged"),
                     ("from", "2024-10"), ("to", "2025"), ("on", "article"), ("min", "12 juta"), ("size", "5")],
                    CLAIMS, number_values)
    assert (q.sort, q.desc, q.facets["stance"], q.date_on, q.vmin, q.size) == (
        "value", True, ["reported", "alleged"], "article", 12_000_000, 5)
    assert ("stance", "alleged") in q.params() and ("page", "2") in q.params(page=2)
    assert ("stance", "alleged") not in q.params(facet=("stance", "alleged"))  # a second click removes it
    for bad, message in ((("sort", "nope"), "sort='nope': claims have no such column"),
                         (("desc", "yes"), "desc='yes'"), (("from", "2024-13-99x"), "give a date"),
                         (("to", "soon"), "give a date"), (("on", "moon"), "claims have dates on: claim, article"),
                         (("min", "many"), "min='many': not a number"), (("size", "0"), "page size"),
                         (("size", "100000"), "page size")):
        with pytest.raises(BadRequest, match=re.escape(message)):
            parse_query([bad], CLAIMS, number_values)
    assert date_span("2024") == ("2024-01-01", "2024-12-31") and date_span("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_span("2024-11-05T10:00:00+07:00") == ("2024-11-05", "2024-11-05") and date_span("soon") is None


@pytest.mark.parametrize("text", SPELLINGS)
def test_a_number_in_any_spelling_reads_as_twelve_million(text):
    assert number_values(text) == (12_000_000.0,)


def test_words_stay_words():
    assert number_values("troops") == () and number_values("one") == () and number_values("") == ()


def test_bad_values_answer_400_in_one_line(client):
    r = client.get("/?kind=claims&sort=nope")
    assert r.status_code == 400 and "sort=&#39;nope&#39;: claims have no such column" in r.text
    assert "Traceback" not in r.text
    r = client.get("/download/claims.csv?sort=%3Cscript%3E")
    assert r.status_code == 400 and r.json()["error"].startswith("sort='<script>'") and "\n" not in r.json()["error"]
    assert client.get("/timeline?from=tomorrow").status_code == 400
    assert client.get("/download/nothing.csv").status_code == 404
    assert client.get("/download/claims.xml").status_code == 404


# ----------------------------------------------------------------------------- sorting
def test_numbers_sort_numerically_and_empty_values_come_last(client):
    up = [r["value"] for r in claims(client, sort="value")]
    assert up == [300, 2500, 5000, 11000, 12000, 12_000_000, None]
    down = [r["value"] for r in claims(client, sort="value", desc="1")]
    assert down == [12_000_000, 12000, 11000, 5000, 2500, 300, None]


def test_dates_sort_as_dates_and_ties_keep_the_default_order(client):
    default = [r["id"] for r in claims(client)]
    rows = claims(client, sort="date")
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == ["2024-10", "2025", "2025-01"] and all(r["date"] is None for r in rows[3:])
    undated = [r["id"] for r in rows[3:]]
    assert undated == [i for i in default if i in undated]  # stable
    by_action = claims(client, sort="action")
    workers = [r["id"] for r in by_action if r["action"] == "workers_sent"]
    assert workers == [i for i in default if i in workers]


def test_every_view_sorts_by_every_column_and_downloads(client):
    for name, view in VIEWS.items():
        for col in view.columns:
            for desc in ("", "1"):
                r = client.get(f"/download/{name}.json", params={"sort": col.name, "desc": desc})
                assert r.status_code == 200, (name, col.name)
        assert client.get(f"/download/{name}.csv").status_code == 200
    html = client.get("/?kind=entities&sort=mentions&desc=1").text
    assert 'aria-sort="descending"' in html and "▼" in html
    assert client.get("/?kind=articles&sort=published").status_code == 200


# ----------------------------------------------------------------------------- facets and ranges
def test_facet_counts_and_toggling(client):
    html = client.get("/?kind=claims").text
    outlet = html[html.index('data-facet="outlet"'):]
    outlet = outlet[:outlet.index("</section>")]
    counts = dict(re.findall(r'>([^<>]+)</a> <span class="n">(\d+)</span>', outlet))
    assert counts == {"Kabar Timur": "3", "Tribunnews": "1", "Yonhap": "1", "TASS": "1",
                      "Evil&lt;img src=x onerror=alert(1)&gt;": "1"}
    assert [r["outlet"] for r in claims(client, outlet="Kabar Timur")] == ["Kabar Timur"] * 3
    two = claims(client, outlet=["Kabar Timur", "Yonhap"], stance="reported")
    assert sorted(r["value"] for r in two) == [11000, 12_000_000]
    html = client.get("/", params={"kind": "claims", "stance": "reported"}).text
    assert "Filters:" in html and 'href="?kind=claims" title="remove this filter"' in html
    source = html[html.index('data-facet="source"'):]
    assert "Ministry of Unification" in source[:source.index("</section>")]


def test_date_ranges_on_the_claim_and_on_the_article(client):
    by_article = claims(client, **{"from": "2024-11-03", "on": "article", "sort": "value"})
    assert [r["value"] for r in by_article] == [300, 2500, 5000, 11000, 12_000_000, None]
    by_claim = claims(client, **{"from": "2025", "to": "2025-12-31"})
    assert sorted(r["value"] for r in by_claim) == [2500, 12_000_000]
    assert [r["value"] for r in claims(client, to="2024-10-15")] == [12000]  # its period: since 2024-10


def test_value_ranges_read_numbers_as_search_does(client):
    assert sorted(r["value"] for r in claims(client, min="1000", max="12.000")) == [2500, 5000, 11000, 12000]
    assert [r["value"] for r in claims(client, min="12 million")] == [12_000_000]
    assert [r["value"] for r in claims(client, max="1 ribu")] == [300]


def test_the_article_filter_matches_title_outlet_and_file_name(client):
    assert {r["file"] for r in claims(client, article="kabar")} == {UNTITLED}
    assert {r["file"] for r in claims(client, article="TIMUR")} == {UNTITLED}
    assert {r["file"] for r in claims(client, article="moscow")} == {"003_denial"}
    assert {r["file"] for r in claims(client, article="002_yon")} == {"002_yonhap"}


@pytest.mark.parametrize("text", SPELLINGS)
def test_number_search_finds_the_claim_of_that_value(client, text):
    j = client.get("/api/search", params={"q": text, "kind": "claims"}).json()["claims"]
    assert j["total"] == 1 and j["items"][0]["quote"] == MILLIONS
    html = client.get("/", params={"q": text}).text
    assert "number search: claims whose value is" in html and "pekerja Korea Utara dikirim ke Rusia" in html


def test_text_search_keeps_working(client):
    assert sorted(r["file"] for r in claims(client, q="tentara")) == ["001_tribun", UNTITLED]
    assert "<mark>tentara</mark>" in client.get("/?q=tentara&kind=claims").text
    # digits no claim has as a value are searched as words
    assert {r["file"] for r in claims(client, q="300 tentara")} == {UNTITLED}


# ----------------------------------------------------------------------------- downloads
def test_downloads_hold_the_rows_of_every_page_in_the_same_order(client):
    params = {"kind": "claims", "sort": "value", "desc": "1", "size": "3", "stance": ["reported", "alleged"]}
    shown = ids_on_pages(client, "/", params)
    assert len(shown) == 4
    html = client.get("/", params=params).text
    assert "4 rows" in html and "page 1 of 2" in html
    link = re.search(r'href="(/download/claims\.csv\?[^"]+)"', html).group(1).replace("&amp;", "&")
    body = client.get(link)
    assert body.headers["content-type"].startswith("text/csv") and "attachment" in body.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(body.text)))
    assert [r["id"] for r in rows] == shown
    j = client.get(link.replace(".csv", ".json")).json()
    assert [r["id"] for r in j["rows"]] == shown and j["total"] == 4 and j["query"]["stance"] == ["reported", "alleged"]
    assert rows[0]["value"] == "12000000" and j["rows"][0]["value"] == 12_000_000


def test_csv_cells_cannot_run_as_formulas_and_hostile_text_is_data():
    rows = [{"value": 1.0, "action": "=HYPERLINK(\"x\")", "attributed_to": ["+a", "b"], "quote": XSS_SCRIPT}]
    body = to_csv(CLAIMS, rows)
    rec = next(csv.DictReader(io.StringIO(body)))
    assert rec["value"] == "1" and rec["action"] == "'=HYPERLINK(\"x\")" and rec["according_to"] == "'+a ← b"
    assert rec["quote"] == XSS_SCRIPT


def test_downloads_are_not_html(client):
    for fmt, kind in (("json", "application/json"), ("csv", "text/csv")):
        r = client.get(f"/download/claims.{fmt}?q=shells")
        assert r.headers["content-type"].startswith(kind) and r.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'none'" in r.headers["content-security-policy"]
        assert XSS_IMG in r.text or XSS_IMG.replace("<", "\\u003c") in r.text


# ----------------------------------------------------------------------------- names, charts, legends
def test_articles_are_shown_by_title_or_first_words_with_the_file_on_hover(client):
    html = client.get("/?kind=claims&article=kabar").text
    assert f'title="file: {UNTITLED}">“Sekitar 12 juta pekerja Korea Utara dikirim ke…”</a>' in html
    assert 'title="file: 001_tribun"' not in html
    html = client.get("/?kind=claims&outlet=Tribunnews").text
    assert 'title="file: 001_tribun">Korea Utara kirim 12.000 tentara</a><div class="muted small">Tribunnews · 2024-11-02' in html


def test_the_group_page_draws_its_values_by_source(client):
    html = client.get("/group/g00001").text
    svg = html[html.index('<svg class="values-chart"'):html.index("</svg>", html.index('<svg class="values-chart"'))]
    assert len(re.findall(r'class="mark"', svg)) == 2  # 12,000 and 11,000; the denial states no number
    legend = svg[svg.index('<g class="legend">'):]
    assert "NIS" in legend and "Yonhap" in legend and len(re.findall(r'class="key"', legend)) == 2
    assert ">value</text>" in svg and "date (the claim’s own, else its article’s)" in svg
    assert "2024-10" in svg  # the 12,000 claim stands at its own date
    assert '<table class="small chart-data">' in html and "Values by source and date" in html
    assert "3 rows" in html and 'href="/download/claims.csv?group=g00001"' in html  # its claims, sortable
    assert "Marks:" in client.get("/ledger").text  # the one-letter verdict marks are explained


def test_hostile_sources_stay_text_in_the_chart(client):
    html = client.get("/group/g00002").text
    assert '<svg class="values-chart"' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html and "<script>alert" not in html
    assert active_content(html) == ["<script src=/static/web.js>"] or set(active_content(html)) <= {
        "<script src=/static/web.js>", "<form>"}
    assert client.get("/group/nope").status_code == 404


def test_claim_page_shows_the_group_chart(client):
    j = client.get("/api/search", params={"q": "tentara", "kind": "claims", "article": "tribun"}).json()
    cid = j["claims"]["items"][0]["id"]
    from urllib.parse import quote

    html = client.get(f"/claim/{quote(cid, safe='')}").text
    assert '<svg class="values-chart"' in html and 'href="/group/g00001"' in html


def test_timeline_has_a_legend_labels_and_its_own_table(client):
    html = client.get("/timeline").text
    assert '<ul class="type-legend">' in html and "deployment" in html and "meeting" in html
    assert "Across: the date of each event" in html and 'href="/download/timeline.csv"' in html
    html = client.get("/timeline?type=meeting").text
    assert "1 row" in html and "Kim Jong Un meets Russian officials" in html
    assert "North Korean troops arrive in Kursk</a>" not in html
    rows = client.get("/download/timeline.json?sort=date&desc=1").json()["rows"]
    assert [r["date"] for r in rows] == ["2024-11-04", "2024-10"]


# ----------------------------------------------------------------------------- a number with words
@pytest.mark.parametrize("text, value, words", [
    ("12 juta tentara", 12_000_000, "tentara"), ("12 million shells", 12_000_000, "shells"),
    ("600 killed", 600, "killed"), ("troops 11,000", 11_000, "troops"), ("≈ 12,000,000", 12_000_000, ""),
    ("12.000 tentara ke Rusia", 12_000, "tentara ke Rusia")])
def test_a_query_splits_into_its_number_and_its_words(text, value, words):
    vals, rest = split_number(text)
    assert value in vals and rest == words


def test_words_without_a_number_stay_words():
    assert split_number("tentara Rusia") == ((), "tentara Rusia")


@pytest.mark.parametrize("text, quote", [("12 juta pekerja", MILLIONS), ("300 TEWAS", "Sebanyak 300 tentara tewas"),
                                         ("12.000 tentara", "Korea Utara telah mengirim sekitar 12.000 tentara"),
                                         ("11,000 troops", "North Korea has sent 11,000 troops")])
def test_a_number_with_words_finds_the_claims_of_that_value_holding_the_words(client, text, quote):
    rows = claims(client, q=text)
    assert len(rows) == 1 and rows[0]["quote"].startswith(quote)
    assert "holds its other words" in client.get("/", params={"q": text, "kind": "claims"}).text


def test_a_number_with_words_no_claim_of_that_value_holds_finds_nothing(client):
    assert claims(client, q="12 juta tentara") == []  # 12 million are workers; 12,000 are soldiers


# ----------------------------------------------------------------------------- tables inside pages
def rows_of(html: str, kind: str = "claims") -> list[str]:
    """The row ids of a page's tables of `kind` (an entity page also has an events table)."""
    tables = re.findall(rf'<table class="{kind}[ "].*?</table>', html, re.S)
    return [i for t in tables for i in re.findall(r'<tr data-id="([^"]+)">', t)]


def download_link(html: str, kind: str, fmt: str = "json") -> str:
    return re.search(rf'href="(/download/{kind}\.{fmt}[^"]*)"', html).group(1).replace("&amp;", "&")


@pytest.mark.parametrize("path, kind", [("/article/001_tribun", "claims"), (f"/article/{UNTITLED}", "claims"),
                                        ("/entity/North%20Korea", "claims"), ("/story/s00001", "articles"),
                                        ("/group/g00001", "claims")])
@pytest.mark.parametrize("sort", ["value", "quote", "published", "date", "article"])
def test_tables_inside_pages_sort_and_download_the_same_rows(client, path, kind, sort):
    if VIEWS[kind].column(sort) is None:
        pytest.skip(f"{kind} have no {sort}")
    for desc in ("", "1"):
        html = client.get(path, params={"sort": sort, "desc": desc}).text
        shown = rows_of(html, kind)
        assert shown, path
        link = download_link(html, kind)
        assert f"sort={sort}" in link
        ids = [r["id"] if kind == "claims" else r["file"] for r in client.get(link).json()["rows"]]
        assert ids == shown, (path, sort, desc)
        csv_rows = list(csv.DictReader(io.StringIO(client.get(download_link(html, kind, "csv")).text)))
        assert [r["id" if kind == "claims" else "file"] for r in csv_rows] == shown


def test_the_article_page_lists_only_its_own_claims_sorted(client):
    html = client.get(f"/article/{UNTITLED}", params={"sort": "value"}).text
    vals = [r["value"] for r in client.get(download_link(html, "claims")).json()["rows"]]
    assert vals == [300, 2500, 12_000_000]


def test_the_entity_pages_two_tables_sort_apart_and_keep_each_other(client):
    html = client.get("/entity/North%20Korea", params={"sort": "value", "desc": "1", "ev_sort": "date"}).text
    assert 'href="/download/events.json?entity=North+Korea&amp;sort=date"' in html
    assert 'href="/download/claims.json?entity=North+Korea&amp;sort=value&amp;desc=1"' in html
    # a claims header link keeps the events' order, and an events header link keeps the claims'
    assert re.search(r'href="\?ev_sort=date&amp;entity=North\+Korea&amp;sort=quote"', html)
    assert re.search(r'href="\?sort=value&amp;desc=1&amp;entity=North\+Korea&amp;ev_sort=type"', html)
    vals = [r["value"] for r in client.get(download_link(html, "claims")).json()["rows"]]
    assert vals == sorted((v for v in vals if v is not None), reverse=True) + [v for v in vals if v is None]


def test_the_ledger_sorts_the_claims_inside_each_group_and_downloads_them(client):
    plain = client.get("/ledger").text
    html = client.get("/ledger", params={"sort": "value", "desc": "1"}).text
    groups = re.findall(r'<div class="group[^"]*" id="([^"]+)"', html)
    assert groups == re.findall(r'<div class="group[^"]*" id="([^"]+)"', plain)  # the groups keep their order
    shown = rows_of(html)
    rows = client.get(download_link(html, "ledger")).json()["rows"]
    assert [r["id"] for r in rows if r["id"]] == shown
    first = [r["value"] for r in rows if r["group"] == "g00001"]
    assert first == [12_000, 11_000, None]
    narrowed = client.get("/ledger", params={"verdict": "contradiction", "sort": "value"}).text
    link = download_link(narrowed, "ledger", "csv")
    assert "verdict=contradiction" in link and "sort=value" in link
    assert {r["verdict"] for r in csv.DictReader(io.StringIO(client.get(link).text))} == {"contradiction"}


def test_the_skipped_inputs_sort_and_download(client):
    for sort in ("path", "reason"):
        for desc in ("", "1"):
            html = client.get("/skipped", params={"sort": sort, "desc": desc}).text
            shown = [html_unescape(p) for p in re.findall(r'<td class="path">([^<]*)</td>', html)]
            rows = client.get(download_link(html, "skipped")).json()["rows"]
            assert [r["path"] for r in rows] == shown and len(rows) >= 2
            keys = [r[sort].casefold() for r in rows]
            assert keys == sorted(keys, reverse=desc == "1")
