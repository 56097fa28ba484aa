"""The web UI (`saksi serve`) through Starlette's TestClient: pages, search (FTS5) and its filters, the
claim page, JSON endpoints, hostile text, read-only behaviour, and FTS kept in step by triggers."""
from __future__ import annotations

import hashlib
import re
import sqlite3
from urllib.parse import quote

import warnings

import pytest

with warnings.catch_warnings():  # starlette asks for httpx2; httpx works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient
from synthetic_store import XSS_NAME, XSS_SCRIPT, active_content, analyses, build, claim_id

from saksi.store.db import Store
from saksi.web import create_app
from saksi.web.search import fts_query, rebuild_search, snippet_markup


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return build(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(out):
    return TestClient(create_app(out))


def get(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    return r


def assert_inert(html: str):
    assert "<script>alert" not in html and "<img" not in html
    found = active_content(html)
    if all(re.fullmatch(r'/(?!/)[^"]*', a) for a in re.findall(r'<form[^>]*\baction="([^"]*)"', html)):
        found = [f for f in found if f != "<form>"]  # forms that only GET a page of this site
    assert len(re.findall(r"<form\b", html)) == len(re.findall(r'<form[^>]*\baction="', html))
    assert found in ([], ["<script src=/static/web.js>"])


def test_landing_page_overview_and_flagged_groups(client):
    html = get(client, "/").text
    assert re.search(r"<b>4</b>articles", html) and "Contradictions and denials" in html
    assert "verdict-contradiction" in html and "North Korea" in html
    assert "2 inputs were skipped" in html
    assert_inert(html)


def test_search_claims_by_words_in_two_languages(client):
    html = get(client, "/?q=tentara&kind=claims").text
    assert "<mark>tentara</mark>" in html and "001_tribun" in html and "002_yonhap" not in html
    html = get(client, "/?q=troops").text
    assert "002_yonhap" in html and 'id="results-entities"' in html and 'id="results-articles"' in html


def test_search_is_prefix_and_diacritic_insensitive(client):
    assert "001_tribun" in get(client, "/?q=tentar&kind=claims").text
    assert "001_tribun" in get(client, "/?q=TÉNTARA&kind=claims").text


def test_claim_filters(client):
    html = get(client, "/?stance=denied").text
    rows = re.findall(r'<a href="/article/([^"]+)" title="file: ', html)
    assert rows == ["003_denial"]
    html = get(client, "/?action=munitions_supplied").text
    assert quote(XSS_NAME, safe="") in html and "001_tribun" not in html
    html = get(client, "/?article=002_yonhap&kind=claims").text
    assert "11,000" in html and "12,000" not in html
    html = get(client, "/?actor=North+Korea&q=shells").text
    assert "5,000" in html and "11,000" not in html


def test_search_entities_stories_articles_events(client):
    html = get(client, "/?q=korea+utara&kind=entities").text
    assert '/entity/North%20Korea' in html
    html = get(client, "/?q=kursk&kind=stories").text
    assert "/story/s00001" in html and "s00002" not in html
    html = get(client, "/?q=moscow&kind=articles").text
    assert "/article/003_denial" in html and "001_tribun" not in html
    html = get(client, "/?q=officials&kind=events").text
    assert "Kim Jong Un meets Russian officials" in html


@pytest.mark.parametrize("q", ['"', "troops*", "a OR (b", "NEAR(x y)", "-", "^x", "col:val", "'; DROP TABLE claims;--",
                               "x" * 5000])
def test_search_never_breaks_on_fts_syntax(client, q):
    r = client.get("/", params={"q": q})
    assert r.status_code == 200
    assert client.get("/api/search", params={"q": q}).status_code == 200


def test_claim_page_shows_evidence_attributes_and_group(client, out):
    cid = claim_id(out, "001_tribun")
    html = get(client, f"/claim/{quote(cid, safe='')}").text
    quote_text = "Korea Utara telah mengirim sekitar 12.000 tentara ke Rusia"
    # the evidence, marked, in its paragraph and in the whole text
    assert f'<mark class="hl hl-claim focus" data-ref="{cid}">{quote_text}</mark>' in html
    assert re.search(rf'<mark class="hl hl-claim stance-reported focus" data-ref="{re.escape(cid)}" id="[^"]+" '
                     rf'title="[^"]*">{re.escape(quote_text)}</mark>', html)
    for attr in ("troops_deployed", "North Korea", "Russia", "≈ 12,000", "since 2024-10", "NIS", "reported"):
        assert attr in html
    # its group: the other values, their sources and the verdicts
    assert "11,000" in html and "002_yonhap" in html and "Yonhap" in html and "003_denial" in html
    assert "verdict-contradiction" in html and "verdict-denial" in html and "cannot be true together" in html
    assert "<strong>3</strong>" in html


def test_article_entity_story_ledger_timeline_pages(client):
    html = get(client, "/article/001_tribun").text
    for text in ("Tribunnews", "Budi", "Jakarta", "Foto: pasukan Korea Utara (AFP)", "read_also", "/entity/NIS"):
        assert text in html
    assert 'class="removed rm-read_also"' in html
    html = get(client, "/article/002_copy").text  # a duplicate input's name opens its article
    assert "N. Korea sent 11,000 troops" in html and "002_copy" in html
    html = get(client, "/entity/North%20Korea").text
    assert "Korea Utara" in html and "troops_deployed" in html and "North Korean troops arrive in Kursk" in html
    html = get(client, "/story/s00001").text
    assert "001_tribun" in html and "003_denial" in html and "verdict-denial" in html
    html = get(client, "/ledger").text
    assert 'id="g-g00001"' in html and 'id="g-g00002"' in html
    html = get(client, "/ledger?verdict=contradiction").text
    assert 'id="g-g00001"' in html and 'id="g-g00002"' not in html
    html = get(client, "/timeline").text
    assert "<svg" in html and html.index("2024-10") < html.index("2024-11-04")


def test_json_endpoints(client, out):
    cid = claim_id(out, "002_yonhap")
    j = get(client, f"/api/claim/{quote(cid, safe='')}").json()
    assert j["claim"]["value"] == 11000 and j["claim"]["attributed_to"] == ["Yonhap"]
    assert j["group"]["id"] == "g00001" and j["group"]["independent_sources"] == 3
    assert "contradiction" in j["group"]["verdicts"]
    j = get(client, "/api/search?q=sent&kind=claims").json()
    assert j["claims"]["total"] == 1 and j["claims"]["items"][0]["article"] == "002_yonhap"
    assert get(client, "/api/article/001_tribun").json()["outlet"] == "Tribunnews"
    assert get(client, "/api/entity/Russia").json()["type"] == "GPE"
    assert len(get(client, "/api/ledger").json()) == 2
    assert len(get(client, "/api/timeline").json()) == 2
    assert get(client, "/api/overview").json()["articles"] == 4
    assert get(client, "/api/claim/nope", 404).json() == {"error": "no such claim"}


def test_missing_things_are_404(client):
    for url in ("/claim/nope", "/article/nope", "/entity/Nobody", "/story/s99999", "/no/such/page"):
        r = get(client, url, 404)
        assert "<html" in r.text
    r = get(client, f"/article/{quote(XSS_SCRIPT, safe='')}", 404)
    assert_inert(r.text)
    assert "&lt;script&gt;" in r.text


def test_hostile_article_is_inert_on_every_page(client, out):
    cid = claim_id(out, XSS_NAME)
    name = quote(XSS_NAME, safe="")
    pages = [f"/article/{name}", f"/claim/{quote(cid, safe='')}", "/", "/?q=shells", "/?q=evil&kind=entities",
             f"/entity/{quote('Evil ' + XSS_SCRIPT, safe='')}", "/story/s00002", "/ledger", "/?kind=articles",
             "/?kind=stories"]
    for url in pages:
        html = get(client, url).text
        assert_inert(html)
    html = get(client, f"/article/{name}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:alert(3)" in html  # shown, never linked
    assert "&lt;/mark&gt;&lt;/div&gt;&lt;a href=&#34;javascript:alert(2)&#34;&gt;" in html


def test_security_headers_and_localhost_only(client, out):
    r = get(client, "/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert TestClient(create_app(out), base_url="http://127.0.0.1:8765").get("/").status_code == 200


def test_read_only(client, out):
    before = hashlib.sha256((out / "saksi.db").read_bytes()).hexdigest()
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/search").status_code == 405
    get(client, "/?q=troops")
    get(client, "/claim/" + quote(claim_id(out, "001_tribun"), safe=""))
    assert hashlib.sha256((out / "saksi.db").read_bytes()).hexdigest() == before


def test_static_assets_are_bundled(client):
    for name in ("saksi.css", "web.css", "web.js", "favicon.svg"):
        assert get(client, f"/static/{name}").content


def test_fts_follows_articles_added_replaced_and_removed(tmp_path):
    d = build(tmp_path)
    store = Store.open(d)
    try:
        def hits(table, q):
            return store.conn.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (q,)).fetchone()[0]

        assert hits("search_claims", "tentara") == 1 and hits("search_articles", "tribunnews") == 1
        # the same input name read again with other text: the old article goes (cascade), the new one comes
        an = analyses()[0]
        an.article.text = an.article.text.replace("tentara", "prajurit")
        an.article.body = an.article.body.replace("tentara", "prajurit")
        an.article.key = "changed-key"
        for c in an.claims:
            c.quote = c.quote.replace("tentara", "prajurit")
        store.save(an, "other-hash", "001_tribun", an.article.path)
        assert hits("search_claims", "tentara") == 0 and hits("search_claims", "prajurit") == 1
        assert hits("search_articles", "prajurit") == 1
        # an article removed: its claims, mentions and events leave the indexes too
        with store.conn:
            store.conn.execute("DELETE FROM documents WHERE name = '002_yonhap' OR name = '002_copy'")
            store.conn.execute("DELETE FROM articles WHERE name = '002_yonhap'")
        assert hits("search_claims", "sent") == 0 and hits("search_events", "officials") == 0
        assert hits("search_mentions", "yonhap") == 0
        for t in ("search_claims", "search_articles", "search_mentions", "search_events"):
            store.conn.execute(f"INSERT INTO {t}({t}, rank) VALUES ('integrity-check', 1)")
        rebuild_search(store.conn)
        assert hits("search_claims", "prajurit") == 1
    finally:
        store.close()
    app = create_app(d)
    html = TestClient(app).get("/?q=prajurit&kind=claims").text
    assert "<mark>prajurit</mark>" in html


def test_database_from_before_the_search_migration(tmp_path):
    """A store at schema version 1 (no FTS tables): the UI still searches, with LIKE."""
    d = build(tmp_path)
    con = sqlite3.connect(d / "saksi.db")
    for t in ("search_claims", "search_articles", "search_mentions", "search_events"):
        con.execute(f"DROP TABLE {t}")
    con.commit()
    con.close()
    client = TestClient(create_app(d))
    assert client.app.state.reader.has_fts is False
    html = client.get("/?q=tentara&kind=claims").text
    assert "001_tribun" in html and "002_yonhap" not in html
    assert "/entity/North%20Korea" in client.get("/?q=utara&kind=entities").text


def test_helpers():
    assert fts_query('troops "OR" (x') == '"troops"* "OR"* "x"*'
    assert fts_query("  ") is None
    assert str(snippet_markup("a \x02<b>\x03 c")) == "a <mark>&lt;b&gt;</mark> c"
    assert str(snippet_markup("\x03x\x02y")) == "x<mark>y</mark>"


def test_entity_search_counts_all_mentions(client):
    j = client.get("/api/search", params={"q": "utara", "kind": "entities"}).json()["entities"]
    assert j["total"] == 1 and j["items"][0]["canonical"] == "North Korea"
    assert j["items"][0]["mentions"] == 5 and j["items"][0]["articles"] == 4


def test_pages_stay_fast_over_two_thousand_articles(tmp_path):
    import time

    from synthetic_store import many_analyses

    store = Store.open(tmp_path)
    try:
        for an in many_analyses(2000):
            store.save(an, an.article.key, an.article.name, an.article.path)
        cid = store.claims()[1234]["id"]
    finally:
        store.close()
    client = TestClient(create_app(tmp_path))
    get(client, "/")  # builds the cached groups
    for url in ("/", "/?q=troops", "/?q=country+sent&kind=claims&page=3", "/?kind=entities", "/?kind=articles",
                "/?actor=Country+5", f"/claim/{quote(cid, safe='')}", "/article/a01000", "/entity/Country%205",
                "/ledger?page=2", "/timeline"):
        t = time.perf_counter()
        get(client, url)
        assert time.perf_counter() - t < 3, url


# --------------------------------------------------------------------------- issue 10: hardening
def test_head_is_answered_like_get_without_a_body(client):
    for url in ("/", "/ledger", "/article/001_tribun", "/static/web.css", "/api/overview", "/claim/nope"):
        g, h = client.get(url), client.head(url)
        assert h.status_code == g.status_code, url
        assert h.content == b"" and h.headers["content-type"] == g.headers["content-type"]
        assert h.headers["content-security-policy"] == g.headers["content-security-policy"]


def _secure(r):
    assert "default-src 'none'" in r.headers.get("content-security-policy", ""), (r.status_code, r.headers)
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_every_error_answer_carries_the_security_headers(out, monkeypatch):
    c = TestClient(create_app(out), raise_server_exceptions=False)
    for method in ("post", "put", "delete", "patch", "options"):
        r = c.request(method.upper(), "/")
        assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
        _secure(r)
    for url in ("/no/such/page", "/claim/nope", "/api/claim/nope", "/static/nope.css"):
        r = c.get(url)
        assert r.status_code == 404
        _secure(r)
    r = c.get("/", headers={"host": "evil.example"})
    assert r.status_code == 400
    _secure(r)
    # a bug in a page: a plain HTML 500 with the headers, no traceback
    monkeypatch.setattr(c.app.state.reader, "claim", lambda *a, **k: 1 / 0)
    r = c.get("/claim/x")
    assert r.status_code == 500 and "<html" in r.text and "Traceback" not in r.text and "ZeroDivision" not in r.text
    _secure(r)
    r = c.get("/api/claim/x")
    assert r.status_code == 500 and r.json() == {"error": "internal error"}
    _secure(r)


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1e3", "", "9" * 50, "٣"])
def test_bad_page_numbers_give_an_html_page_not_json(client, page):
    for url in (f"/?page={page}", f"/?q=troops&kind=claims&page={page}", f"/ledger?page={page}",
                f"/skipped?page={page}"):
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), url
        assert "<html" in r.text
    assert client.get(f"/api/search?page={page}").status_code == 200


def test_a_page_past_the_last_clamps(client):
    html = get(client, "/ledger?page=99999").text
    assert 'id="g-g00001"' in html  # one page: page 1 shown


def test_report_md_carries_no_raw_html(tmp_path):
    from synthetic_store import build_with_report

    md = (build_with_report(tmp_path) / "report.md").read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md and "</mark>" not in md and "<a href" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md and "&lt;img src=x onerror=alert(1)&gt;" in md
    assert "> JAKARTA - Korea Utara telah mengirim sekitar 12.000 tentara ke Rusia, kata NIS." in md  # body kept


def test_md_block_neutralises_block_markup():
    from saksi.report.markdown import md_block

    got = md_block("# Head\n<b>x</b>\n\n1. one\n- two\n---\n```\n    code")
    assert got.splitlines() == ["> \\# Head  ", "> &lt;b&gt;x&lt;/b&gt;  ", ">", "> 1\\. one  ", "> \\- two  ",
                                "> \\---  ", "> \\`\\`\\`  ", "> code  "]
    assert md_block("") == "> (empty)"


UNKNOWN_IDS = ["nope", "\x00", "a\x00b", "x" * 10_000, "../../etc/passwd", "..%2f..", "%", "%%00", "é" * 50,
               "\u2028", "🙂", "<script>alert(1)</script>", "' OR 1=1 --", '"', "*", "NEAR(a b)", " "]


@pytest.mark.parametrize("name", UNKNOWN_IDS)
def test_unknown_ids_are_404(client, name):
    seg = quote(name, safe="")
    for url in (f"/claim/{seg}", f"/article/{seg}", f"/entity/{seg}", f"/story/{seg}"):
        r = client.get(url)
        assert r.status_code == 404 and "<html" in r.text, (url, r.status_code)
        assert_inert(r.text)
        _secure(r)
    for url in (f"/api/claim/{seg}", f"/api/article/{seg}", f"/api/entity/{seg}"):
        assert client.get(url).status_code == 404, url


ANY_QUERY = ['"', "a OR (b", "NEAR(x y)", "x AND", "col:val", "^", "*", "-x", "+", "{a b}", "a\x00b", "\x00",
             "x" * 10_000, "word " * 2_000, "\\", "'", "\u2028\u0085", "🙂 ☃", "<script>alert(1)</script>", "%s%n",
             "\ud800".encode("utf-8", "surrogatepass").decode("latin-1")]


@pytest.mark.parametrize("q", ANY_QUERY)
def test_search_accepts_any_string(client, q):
    for kind in ("all", "claims", "entities", "stories", "articles", "events"):
        for params in ({"q": q, "kind": kind}, {"q": q, "kind": kind, "actor": q, "stance": q, "article": q, "action": q}):
            r = client.get("/", params=params)
            assert r.status_code == 200, (kind, r.status_code)
            assert_inert(r.text)
            assert client.get("/api/search", params=params).status_code == 200
    assert client.get("/?q=" + quote(q, safe="")).status_code == 200


def _hostile_store(tmp_path):
    """One article with a payload in every field, its file name and its name included."""
    from saksi.model import Analysis, Claim, Event, Mention
    from synthetic_store import _article

    def p(field):
        return f"<img src=x onerror=alert(1)>{field}<script>alert(2)</script>"

    name = p("name")
    text = f"First line {p('text')}\nNorth Korea sent 500 troops to Russia {p('quote')}.\nFooter {p('line')}"
    a = _article(name, text, title=p("title"), outlet=p("outlet"), published=p("published"), author=p("author"),
                 dateline=p("dateline"), language="en", kinds={2: "widget"}, captions=[p("caption")],
                 cited=[p("cited")])
    a.path = f"/in/{p('file')}.txt"
    qs = text.index("North")
    qe = text.index(".\nFooter")
    c = Claim(name, text[qs:qe], qs, qe, "troops_deployed", p("object"), actor=p("actor"), recipient=p("recipient"),
              value=500, qualifier=p("qualifier"), stance="reported", attributed_to=[p("source")])
    ev = Event(name, "2024-11-01", p("etype"), p("summary"), [p("participant")], p("place"), text[qs:qe], qs, qe)
    ms = [Mention(qs, qs + 11, "North Korea", p("entity"), "GPE")]
    store = Store.open(tmp_path)
    try:
        store.save(Analysis(a, [c], [ev], ms), "hostile-hash", name, a.path)

        class E:
            path, reason = f"/in/{p('skipped')}.txt", p("reason")

        store.add_errors([E()])
        cid = store.claims()[0]["id"]
    finally:
        store.close()
    return name, cid, p


def test_every_page_escapes_every_field(tmp_path):
    name, cid, p = _hostile_store(tmp_path)
    c = TestClient(create_app(tmp_path))
    seg = quote(name, safe="")
    pages = {f"/article/{seg}": ["name", "text", "quote", "line", "title", "outlet", "published", "author", "dateline",
                                 "caption", "cited", "file", "entity", "summary"],
             f"/claim/{quote(cid, safe='')}": ["name", "quote", "object", "actor", "recipient", "source", "title"],
             f"/entity/{quote(p('entity'), safe='')}": ["entity"],
             "/": ["skipped", "reason", "entity", "name"], "/skipped": ["skipped", "reason"],
             "/?q=troops": ["quote", "name"], "/?kind=articles": ["name", "title", "outlet"],
             "/?kind=events": ["summary", "participant", "place", "name"], "/?kind=entities": ["entity"],
             "/ledger": ["quote", "actor"], "/timeline": [], "/?kind=stories": [],
             f"/article/{quote(p('missing'), safe='')}": ["missing"]}
    for url, fields in pages.items():
        r = c.get(url)
        assert r.status_code in (200, 404), url
        assert_inert(r.text)
        for f in fields:
            assert f"&lt;img src=x onerror=alert(1)&gt;{f}&lt;script&gt;alert(2)&lt;/script&gt;" in r.text, (url, f)


def test_landing_page_lists_a_page_of_skipped_inputs(tmp_path):
    d = build(tmp_path)
    store = Store.open(d)
    try:
        class E:
            def __init__(self, i):
                self.path, self.reason = f"/in/bad{i:04d}.txt", "binary file, not text"

        store.add_errors([E(i) for i in range(300)])
    finally:
        store.close()
    c = TestClient(create_app(d))
    html = get(c, "/").text
    assert "302 inputs were skipped" in html and html.count('<td class="path">') == 50
    assert 'href="/skipped"' in html and len(html) < 60_000
    page2 = get(c, "/skipped?page=2").text
    assert "/in/bad0049.txt" in page2 and "/in/bad0048.txt" not in page2 and "page 2 of 7" in page2 and page2.count('<td class="path">') == 50


def test_cached_pages_follow_the_store(tmp_path):
    d = build(tmp_path)
    c = TestClient(create_app(d))
    assert "2 inputs were skipped" in get(c, "/").text
    assert "2 inputs were skipped" in get(c, "/").text  # from the cache
    guard = c.app.guard
    assert guard.hits >= 1
    store = Store.open(d)
    try:
        class E:
            path, reason = "/in/late.txt", "empty file"

        store.add_errors([E()])
    finally:
        store.close()
    assert "3 inputs were skipped" in get(c, "/").text
    assert c.head("/").content == b""
    assert get(c, "/?q=troops").text != get(c, "/?q=tentara").text  # the query is part of the key


def test_serve_refuses_zero_workers(out):
    from typer.testing import CliRunner

    from saksi.cli import app as cli

    r = CliRunner().invoke(cli, ["serve", str(out), "--workers", "0"])
    assert r.exit_code != 0 and "--workers" in (r.output + (r.stderr if r.stderr_bytes is not None else ""))
