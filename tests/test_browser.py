"""The web UI and the dossier in a real browser (Playwright driving Debian's Chromium): search, open a
claim, see its evidence marked; hostile article text stays inert (no dialog, no injected element);
no Content-Security-Policy violations. Screenshots go to test-artifacts/ (git-ignored)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from synthetic_store import XSS_NAME, build_with_report

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
QUOTE = "Korea Utara telah mengirim sekitar 12.000 tentara ke Rusia"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium "
                       "(apt-get install -y chromium)"),
]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return build_with_report(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def server(out):
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
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
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


def test_filter_by_stance_from_the_select(page, server):
    page.goto(server + "/")
    page.select_option("form.search select[name=stance]", "denied")  # web.js submits on change
    page.wait_for_url("**stance=denied*")
    rows = page.locator("#results-claims tbody tr")
    assert rows.count() == 1 and "003_denial" in rows.first.inner_text()


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
