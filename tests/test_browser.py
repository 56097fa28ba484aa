"""The web UI and the dossier in a real browser (Playwright driving Debian's Chromium): search, open a
claim, see its evidence marked; the datasette-style tables (sort, facets, date and value ranges,
downloads equal to the table, number search, the group chart); hostile article text stays inert (no
dialog, no injected element), in the SVG charts and the downloads too; no Content-Security-Policy
violations; no sideways page scroll on a phone. Screenshots of the main views at 1,280 and 390 px go
to $SAKSI_ARTIFACTS (default build/artifacts/screenshots, git-ignored)."""
from __future__ import annotations

import csv
import io
import json
import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from synthetic_store import XSS_IMG, XSS_NAME, build_with_report
from web_store import MILLIONS, build_tables

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(os.environ.get("SAKSI_ARTIFACTS") or Path(__file__).resolve().parents[1] / "build/artifacts/screenshots")
QUOTE = "Korea Utara telah mengirim sekitar 12.000 tentara ke Rusia"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium "
                       "(apt-get install -y chromium)"),
]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return build_with_report(tmp_path_factory.mktemp("browser"))


@contextmanager
def serving(out):
    import uvicorn

    from saksi.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(out), host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not th.is_alive():
            pytest.fail("the web UI did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        th.join(10)


@pytest.fixture(scope="module")
def server(out):
    with serving(out) as url:
        yield url


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    """The UI over the store with more claims to sort, filter and page through."""
    with serving(build_tables(tmp_path_factory.mktemp("tables"))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.dialogs = []
    pg.console_errors = []
    pg.requests = []

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    ctx.close()


def test_search_open_claim_and_see_the_evidence(page, server):
    page.goto(server + "/")
    page.fill("form.search input[name=q]", "tentara")
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_url("**/?q=tentara*")
    results = page.locator("#results-claims tbody tr")
    assert results.count() == 1
    page.screenshot(path=str(ARTIFACTS / "web-search.png"), full_page=True)
    results.first.locator("td.num a").click()
    page.wait_for_url("**/claim/**")
    marks = page.locator("#context mark.focus, #article-text mark.focus")
    assert marks.count() == 2  # in its paragraph, and in the whole text
    for i in range(2):
        assert marks.nth(i).inner_text() == QUOTE
    assert page.locator("#context mark.focus").is_visible()
    assert "contradiction" in page.locator(".group").first.inner_text()
    page.click("a.jump")
    assert page.evaluate("document.querySelector('mark:target') && document.querySelector('mark:target').textContent") == QUOTE
    page.screenshot(path=str(ARTIFACTS / "web-claim.png"), full_page=True)
    assert not page.console_errors, page.console_errors


def test_filter_by_stance_from_its_facet(page, server):
    page.goto(server + "/?kind=claims")
    page.click("section.facet[data-facet=stance] a:text-is('denied')")
    page.wait_for_url("**stance=denied*")
    rows = page.locator("#results-claims tbody tr")
    assert rows.count() == 1 and "Moscow denies" in rows.first.inner_text()


def test_hostile_article_is_inert_in_the_ui(page, server):
    from urllib.parse import quote

    page.goto(server + "/article/" + quote(XSS_NAME, safe=""))
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("Array.from(document.scripts).map(s => s.src)") == [server + "/static/web.js"]
    text = page.locator("#article-text").inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert page.locator("h1").inner_text() == "Hostile <script>alert(1)</script>"
    assert page.locator("#article-text a").count() == 0  # the javascript: link in the text is text
    page.screenshot(path=str(ARTIFACTS / "web-xss-article.png"), full_page=True)
    # its claim page too
    page.locator("table.claims td.num a").first.click()
    page.wait_for_url("**/claim/**")
    page.wait_for_timeout(200)
    assert page.dialogs == [] and page.evaluate("document.querySelectorAll('img').length") == 0
    assert "<img src=x onerror=alert(1)>" in page.locator("#context mark.focus").inner_text()
    assert not page.console_errors, page.console_errors


def test_dossier_is_inert_self_contained_and_links_to_evidence(page, out):
    url = (out / "report.html").as_uri()
    page.goto(url)
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 1
    assert not [r for r in page.requests if not r.startswith("file://")], page.requests  # no network
    assert not page.console_errors, page.console_errors  # the CSP hashes match the inline script and style
    page.screenshot(path=str(ARTIFACTS / "dossier-top.png"))
    # the ledger's quote links to its marked evidence in the article
    link = page.locator("#ledger td.quote a", has_text="12.000 tentara").first
    link.click()
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelector('mark:target').textContent") == QUOTE
    assert page.locator("mark:target").is_visible()
    page.screenshot(path=str(ARTIFACTS / "dossier-evidence.png"))
    # the hostile article's section
    page.goto(url + "#" + page.evaluate("document.querySelectorAll('section.article')[3].id"))
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    page.screenshot(path=str(ARTIFACTS / "dossier-xss-article.png"))
    # the filter box works
    page.goto(url + "#ledger")
    page.fill("#ledger input.filter", "munitions")
    page.wait_for_timeout(400)
    assert page.locator("#ledger .group:not(.hidden)").count() == 1


# --------------------------------------------------------------------------- the tables (issue 12)
def values_shown(page) -> list[str]:
    return page.locator("#results-claims tbody tr td.num").all_inner_texts()


def ids_shown(page) -> list[str]:
    return page.eval_on_selector_all("#results-claims tbody tr[data-id]", "rows => rows.map(r => r.dataset.id)")


def test_sort_by_clicking_a_column_header(page, tables):
    page.goto(tables + "/?kind=claims")
    page.click("#results-claims thead th a:has-text('value')")
    page.wait_for_url("**sort=value*")
    assert values_shown(page) == ["300", "≈ 2,500", "5,000", "11,000", "≈ 12,000", "≈ 12,000,000", "vague"]
    assert page.locator("th[aria-sort=ascending]").text_content().strip().startswith("value")
    page.click("#results-claims thead th a:has-text('value')")
    page.wait_for_url("**desc=1*")
    assert values_shown(page) == ["≈ 12,000,000", "≈ 12,000", "11,000", "5,000", "≈ 2,500", "300", "vague"]
    page.screenshot(path=str(ARTIFACTS / "web-claims-sorted-1280.png"), full_page=True)


def test_facet_adds_and_removes_a_filter(page, tables):
    page.goto(tables + "/?kind=claims")
    assert page.locator("section.facet[data-facet=outlet] li:has-text('Kabar Timur') .n").inner_text() == "3"
    page.click("section.facet[data-facet=outlet] a:text-is('Kabar Timur')")
    page.wait_for_url("**outlet=Kabar+Timur*")
    assert len(ids_shown(page)) == 3 and page.locator(".rows-count").inner_text() == "3 rows"
    chip = page.locator(".active-filters a.chip", has_text="outlet: Kabar Timur")
    assert chip.is_visible()
    chip.click()
    page.wait_for_load_state()
    assert "outlet=" not in page.url and len(ids_shown(page)) == 7


def test_date_range_filter(page, tables):
    page.goto(tables + "/?kind=claims")
    page.fill("form.ranges input[name=from]", "2025")
    page.select_option("form.ranges select[name=on]", "claim")
    page.click("form.ranges button[type=submit]")
    page.wait_for_url("**from=2025*")
    assert sorted(values_shown(page)) == ["≈ 12,000,000", "≈ 2,500"]
    page.fill("form.ranges input[name=from]", "2024-11-06")
    page.select_option("form.ranges select[name=on]", "article")
    page.click("form.ranges button[type=submit]")
    page.wait_for_url("**on=article*")
    assert len(ids_shown(page)) == 5  # TASS 11-06, the hostile page 11-07, three claims of 12-01


def test_value_range_filter(page, tables):
    page.goto(tables + "/?kind=claims&sort=value")
    page.fill("form.ranges input[name=min]", "2.500")
    page.fill("form.ranges input[name=max]", "12 ribu")
    page.click("form.ranges button[type=submit]")
    page.wait_for_url("**min=*")
    assert values_shown(page) == ["≈ 2,500", "5,000", "11,000", "≈ 12,000"]
    assert "sort=value" in page.url  # the order is kept


def test_csv_and_json_downloads_match_the_table_on_every_page(page, tables):
    page.goto(tables + "/?kind=claims&sort=published&desc=1&size=3&stance=reported&stance=alleged&stance=planned")
    shown = ids_shown(page)
    while page.locator("a[rel=next]").count():
        page.click("a[rel=next]")
        page.wait_for_load_state()
        shown += ids_shown(page)
    assert len(shown) == 5 and page.locator(".rows-count").inner_text() == "5 rows"
    with page.expect_download() as dl:
        page.click("a.dl[data-format=csv]")
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == shown
    page.click("a.dl[data-format=json]")
    page.wait_for_url("**/download/claims.json*")
    data = json.loads(page.locator("body").inner_text())
    assert [r["id"] for r in data["rows"]] == shown and data["total"] == 5


@pytest.mark.parametrize("text", ["12 million", "12.000.000", "12,000,000", "12 juta", "12 Millionen", "12 millions",
                                  "≈ 12,000,000", "12m"])
def test_number_search(page, tables, text):
    page.goto(tables + "/")
    page.fill("form.search input[name=q]", text)
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_load_state()
    rows = page.locator("#results-claims tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("td.quote").inner_text() == MILLIONS
    assert rows.first.locator("td.num").inner_text() == "≈ 12,000,000"


def test_group_chart_has_marks_and_a_legend(page, tables):
    page.goto(tables + "/group/g00001")
    chart = page.locator("svg.values-chart")
    assert chart.is_visible()
    assert chart.locator(".mark").count() == 2
    legend = chart.locator("g.legend")
    assert legend.locator(".key").count() == 2 and "NIS" in legend.text_content() and "Yonhap" in legend.text_content()
    assert page.locator("table.chart-data tbody tr").count() == 2
    chart.locator("a").first.click()  # a mark leads to its claim
    page.wait_for_url("**/claim/**")
    page.goto(tables + "/timeline")
    assert page.locator("ul.type-legend li").count() == 2 and page.locator("svg.timeline").is_visible()


def test_hostile_text_stays_inert_in_tables_charts_and_downloads(page, tables):
    for url in ("/group/g00002", "/?kind=claims&q=shells", "/?kind=claims&sort=source", "/timeline",
                "/download/claims.json?q=shells", "/download/timeline.json", "/?kind=articles",
                f"/article/{quote(XSS_NAME, safe='')}", "/ledger?sort=quote", "/skipped?sort=path",
                "/download/ledger.json", "/download/skipped.json", "/entity/North%20Korea?sort=according_to"):
        page.goto(tables + url)
        page.wait_for_timeout(150)
        assert page.dialogs == [], url
        assert page.evaluate("document.querySelectorAll('img, iframe, object, embed, foreignObject').length") == 0, url
        assert page.evaluate("Array.from(document.scripts).filter(s => s.src !== location.origin + '/static/web.js')"
                             ".length") == 0, url
    page.goto(tables + "/group/g00002")
    assert XSS_IMG in page.locator("svg.values-chart g.legend").text_content()
    page.goto(tables + "/download/claims.json?q=shells")
    assert XSS_IMG in json.loads(page.locator("body").inner_text())["rows"][0]["according_to"]
    assert not page.console_errors, page.console_errors


def test_tables_inside_pages_sort_by_clicking_and_download_the_same_rows(page, tables):
    key = {"claims": "id", "events": "id", "articles": "file", "ledger": "id", "skipped": "path"}
    for path, kind, header in (("/article/010_kabar", "claims", "value"), ("/entity/North%20Korea", "claims", "value"),
                               ("/entity/North%20Korea", "events", "type"), ("/story/s00001", "articles", "published"),
                               ("/ledger", "ledger", "value"), ("/skipped", "skipped", "reason")):
        page.goto(tables + path)
        table = f"table.{kind}"
        page.locator(f"{table} thead th a:text-is('{header}')").first.click()
        page.wait_for_url("**sort=*")
        assert page.locator(f"{table} th[aria-sort=ascending]").count() >= 1, path
        shown = page.eval_on_selector_all(f"{table} tbody tr[data-id]", "rows => rows.map(r => r.dataset.id)")
        link = page.locator(f"a.dl[data-format=json][href^='/download/{kind}.json']").get_attribute("href")
        assert f"sort={header}" in link, path
        rows = json.loads(page.request.get(tables + link).text())["rows"]
        assert [r[key[kind]] for r in rows if r[key[kind]]] == shown and shown, path
    page.goto(tables + "/ledger")
    page.locator("table.ledger thead th a:text-is('value')").first.click()
    page.wait_for_url("**sort=value*")
    page.locator("table.ledger thead th a:has-text('value')").first.click()  # again: descending
    page.wait_for_url("**desc=1*")
    first = page.locator("div.group").first
    assert first.locator("tbody td.num a").all_inner_texts() == ["≈ 12,000", "11,000", "vague"]  # no number: last
    page.screenshot(path=str(ARTIFACTS / "web-ledger-sorted-1280.png"), full_page=True)


@pytest.mark.parametrize("text, quote", [("300 tentara", "Sebanyak 300 tentara tewas dalam pertempuran"),
                                         ("12 juta pekerja", MILLIONS)])
def test_number_and_words_search(page, tables, text, quote):
    page.goto(tables + "/")
    page.fill("form.search input[name=q]", text)
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_load_state()
    rows = page.locator("#results-claims tbody tr")
    assert rows.count() == 1 and rows.first.locator("td.quote").inner_text() == quote
    assert page.locator("#results-claims .note-inline").is_visible()
    page.goto(tables + "/?q=12+juta+tentara&kind=claims")  # 12 million are workers, not soldiers
    assert page.locator("#results-claims tbody tr").count() == 0


CLAIM_TABLES = ("/?kind=claims", "/?kind=claims&sort=value&desc=1", "/group/g00001", "/article/001_tribun",
                "/entity/North%20Korea", "/?q=12+juta+pekerja")


def test_claims_tables_fit_their_column_at_1280_with_more_columns_on_demand(page, tables):
    for url in CLAIM_TABLES:
        page.goto(tables + url)
        wrap = page.locator(".table-wrap:has(table.claims)").first
        assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth"), url  # no sideways scroll in the box
        assert page.locator("table.claims th.extra").first.is_hidden(), url
        assert page.locator(".stance-legend").first.is_visible(), url
        badge = page.locator("table.claims td.st .badge").first
        assert len(badge.inner_text()) == 1 and badge.get_attribute("title").startswith("stance: "), url
    page.goto(tables + "/?kind=claims")
    page.check("input.more-cols")
    assert page.locator("table.claims th.extra:has-text('according to')").is_visible()
    assert page.locator("table.claims td.according", has_text="NIS").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "web-claims-more-columns-1280.png"), full_page=True)


VIEWS = {"search": "/", "claims": "/?kind=claims&sort=value&desc=1", "group": "/group/g00001",
         "timeline": "/timeline", "ledger": "/ledger?sort=value", "articles": "/?kind=articles",
         "article": "/article/001_tribun?sort=value", "number-search": "/?q=12+juta", "number-words": "/?q=300+tentara",
         "entity": "/entity/North%20Korea", "story": "/story/s00001", "skipped": "/skipped?sort=reason"}


@pytest.mark.parametrize("width", [1280, 390])
def test_layout_holds_and_screenshots(browser, tables, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    pg = ctx.new_page()
    try:
        for name, url in VIEWS.items():
            pg.goto(tables + url)
            assert pg.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
            pg.screenshot(path=str(ARTIFACTS / f"web-{name}-{width}.png"), full_page=True)
        pg.goto(tables + "/?kind=claims")
        box = pg.locator("#results-claims .table-wrap").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width  # a wide table scrolls inside its box
    finally:
        ctx.close()
