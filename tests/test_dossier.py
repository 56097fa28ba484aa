"""The dossier (report.html, report.md): content, links from the ledger to the evidence, escaping of
hostile article text, self-containment, the highlighter, and speed on a few thousand articles."""
from __future__ import annotations

import base64
import hashlib
import html
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from synthetic_store import XSS_NAME, active_content, build, build_with_report, many_analyses

from saksi.report import dossier
from saksi.report.dossier import Span, collect, highlight, slug, write_report
from saksi.report.markdown import code_block, md
from saksi.store.db import Store


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return build_with_report(tmp_path_factory.mktemp("dossier"))


@pytest.fixture(scope="module")
def page(out) -> str:
    return (out / "report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def markdown(out) -> str:
    return (out / "report.md").read_text(encoding="utf-8")


def test_writes_both_files(out):
    assert (out / "report.html").stat().st_size > 1000
    assert (out / "report.md").stat().st_size > 500
    assert not list(out.glob("*.tmp"))


def test_overview_counts_outlets_languages_and_skipped_inputs(page):
    for section in ("overview", "ledger", "timeline", "stories", "entities", "copies", "articles"):
        assert f'id="{section}"' in page
    assert re.search(r"<b>4</b>\s*articles", page) and re.search(r"<b>5</b>\s*inputs read", page)
    assert re.search(r"<b>1</b>\s*duplicate inputs", page)
    assert "Tribunnews" in page and "Yonhap" in page and "TASS" in page
    assert "binary file, not text" in page and "/in/broken.bin" in page


def test_ledger_shows_values_range_sources_and_verdicts(page):
    g = page[page.index('id="g-g00001"'):page.index('id="g-g00002"')]
    assert "≈ 12,000" in g and "11,000" in g and "11,000–12,000" in g
    assert "<strong>3</strong>" in g and "NIS, Yonhap, Russia" in g
    assert "verdict-contradiction" in g and "verdict-denial" in g
    assert "cannot be true together" in g
    assert "since 2024-10" in g


def test_every_ledger_quote_links_to_its_marked_evidence(page):
    targets = re.findall(r'<td class="quote"><a href="#(ev-[^"]+)"', page)
    assert len(targets) == 4
    for t in targets:
        m = re.search(rf'<mark class="hl hl-claim[^"]*" data-ref="[^"]+" id="{re.escape(t)}"', page)
        assert m, t


def test_claim_quote_is_highlighted_in_the_article_text(out, page):
    store = Store.open(out)
    try:
        claims = store.claims()
    finally:
        store.close()
    c = next(c for c in claims if c["article"] == "001_tribun")
    anchor = slug(c["id"], "ev-")
    m = re.search(rf'<mark [^>]*id="{re.escape(anchor)}"[^>]*>(.*?)</mark>', page, re.S)
    assert m and html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) == c["quote"]


def test_article_metadata_body_and_removed_lines(page):
    sec = page[page.index('id="a-001_tribun"'):]
    sec = sec[:sec.index('<section class="article"', 10)]
    for text in ("Budi", "Jakarta", "2024-11-02", "https://example.org/a1", "NIS", "Foto: pasukan Korea Utara (AFP)"):
        assert text in sec
    assert "Clean body" in sec and "Removed from the body: 4 lines" in sec
    for kind in ("outlet", "read_also", "caption", "copyright"):
        assert f"<h5>{kind}</h5>" in sec
    assert 'class="removed rm-read_also"' in sec


def test_entity_index_and_copies(page):
    ent = page[page.index('id="entities"'):page.index('id="copies"')]
    assert "North Korea" in ent and "Korea Utara" in ent and "GPE" in ent
    cp = page[page.index('id="copies"'):page.index('id="articles"')]
    assert "002_copy" in cp and "same input text" in cp and "shared_origin" in cp


def test_timeline_svg_in_date_order(page):
    tl = page[page.index('id="timeline"'):page.index('id="stories"')]
    assert "<svg" in tl and "<circle" in tl and "<rect" in tl  # a day, and a month
    assert tl.index("2024-10") < tl.index("2024-11-04")


def test_hostile_text_is_escaped_everywhere(page):
    assert "<script>alert" not in page and "<img" not in page
    assert page.count("<script") == 1  # ours
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert not re.search(r'href="\s*javascript:', page, re.I)
    assert "javascript:alert(3)" in page  # the article's URL is shown as text, not a link
    assert active_content(page) == ["<script src=None>"]  # ours, inline; no handlers, images or js: links


def test_self_contained_with_a_strict_csp(page):
    assert not re.search(r"<link\b", page) and not re.search(r"<[a-z][^>]*\ssrc=", page)
    assert "@import" not in page and "url(" not in page
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    for body in (script, style):
        digest = base64.b64encode(hashlib.sha256(html.unescape(body).encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_markdown_report(markdown):
    assert "## Claims ledger" in markdown and "## Timeline" in markdown and "## Entity index" in markdown
    assert "contradiction" in markdown and "independent sources: **3**" in markdown
    prose = re.sub(r"(?ms)^(`{3,})text\n.*?^\1$", "", markdown)  # article bodies sit in fenced code blocks
    assert "<script" not in prose and "<img" not in prose
    assert "&lt;script&gt;" in prose
    assert "binary file, not text" in markdown
    # table cells cannot be broken by a pipe in article text
    assert md("a | b") == "a \\| b"
    assert code_block("x\n```\n<b>").startswith("````text\n")  # a fence in the text cannot close the block


def test_without_corpus_tables_claims_are_still_grouped(tmp_path):
    d = build(tmp_path, corpus=False)
    store = Store.open(d)
    try:
        write_report(store, d)
        data = collect(store)
    finally:
        store.close()
    page = (d / "report.html").read_text(encoding="utf-8")
    assert "The corpus stage has not run" in page
    assert {g["action"] for g in data["groups"]} == {"troops_deployed", "munitions_supplied"}
    assert "No stories" in page


def test_names_become_safe_unique_ids():
    assert slug("001_tribun", "a-") == "a-001_tribun"
    s1, s2 = slug(XSS_NAME, "a-"), slug("evil_<i>x</i>", "a-")
    assert re.fullmatch(r"[A-Za-z0-9_.-]+", s1) and s1 != s2


# --------------------------------------------------------------------------- the highlighter
def _strip(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def _balanced(markup: str) -> bool:
    stack = []
    for m in re.finditer(r"<(/?)(mark|span)\b[^>]*>", markup):
        if m.group(1):
            if not stack or stack.pop() != m.group(2):
                return False
        else:
            stack.append(m.group(2))
    return not stack


spans_st = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.booleans()), max_size=8)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab <>&\"'\n", max_size=40), raw=spans_st, focus=st.integers(0, 7))
def test_highlight_keeps_the_text_and_nests_properly(text, raw, focus):
    spans = [Span(min(a, b), max(a, b), "m" if not s else "s", tag="mark" if not s else "span",
                  anchor=f"x{i}", priority=int(i == focus)) for i, (a, b, s) in enumerate(raw)]
    out = str(highlight(text, spans))
    assert _strip(out) == text
    assert _balanced(out)
    assert "<script" not in out and not re.search(r"<(?!/?(mark|span)\b)", out)
    f = next((sp for i, sp in enumerate(spans) if i == focus), None)
    if f is not None and min(f.end, len(text)) > f.start:
        m = re.search(rf'<(mark|span) [^>]*id="x{focus}"[^>]*>', out)
        assert m  # the focused span is one element holding exactly its text
        depth, i = 1, m.end()
        for t in re.finditer(r"<(/?)(mark|span)\b[^>]*>", out[i:]):
            depth += -1 if t.group(1) else 1
            if depth == 0:
                assert _strip(out[i:i + t.start()]) == text[f.start:min(f.end, len(text))]
                break


def test_highlight_nests_a_claim_inside_its_event():
    out = str(highlight("The army sent 500 troops today.", [Span(0, 31, "ev"), Span(9, 24, "cl", anchor="c")]))
    assert out == '<mark class="ev">The army <mark class="cl" id="c">sent 500 troops</mark> today.</mark>'


# --------------------------------------------------------------------------- scale
def test_two_thousand_articles_render_quickly(tmp_path):
    store = Store.open(tmp_path)
    try:
        for an in many_analyses(2000):
            store.save(an, an.article.key, an.article.name, an.article.path)
        t = time.perf_counter()
        write_report(store, tmp_path)
        took = time.perf_counter() - t
    finally:
        store.close()
    size = (tmp_path / "report.html").stat().st_size
    shown = dossier.FULL_TEXT_ARTICLES
    text_chars = sum(len(an.article.text) for an in many_analyses(2000)) * shown / 2000
    assert took < 30, took
    # bounded: the texts of FULL_TEXT_ARTICLES articles (marked) and an index of SECTION_ROWS articles
    index = dossier.SECTION_ROWS["article_index"]
    assert size < 3 * text_chars + 3000 * shown + 2000 * index, size
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count('<section class="article"') == shown
    assert page.count("<tr data-file=") == index  # the articles shown in full among them
    assert f"… and {2000 - index} more articles: browse them with <code>saksi serve</code>" in page
    assert f"The texts of {shown} of 2000 articles are here" in page
    md_text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert f"_{shown} of 2000 articles are described here" in md_text


def test_a_big_group_lists_a_bounded_number_of_claims(tmp_path, monkeypatch):
    monkeypatch.setattr(dossier, "GROUP_ROWS", 1)
    monkeypatch.setattr("saksi.report.markdown.GROUP_ROWS", 1)
    out = build_with_report(tmp_path)
    page = (out / "report.html").read_text(encoding="utf-8")
    md_text = (out / "report.md").read_text(encoding="utf-8")
    assert "more claims: browse them with <code>saksi serve</code>" in page
    assert "more claims: browse them with `saksi serve`" in md_text


def test_every_section_lists_a_bounded_number_of_rows_and_says_how_many_more(tmp_path, monkeypatch):
    monkeypatch.setattr(dossier, "SECTION_ROWS", {k: 1 for k in dossier.SECTION_ROWS})
    out = build_with_report(tmp_path)
    store = Store.open(out)
    try:
        data = collect(store)
    finally:
        store.close()
    page = (out / "report.html").read_text(encoding="utf-8")
    md_text = (out / "report.md").read_text(encoding="utf-8")
    for section, what in (("groups", "claim groups"), ("timeline", "events"), ("entities", "entities"),
                          ("article_index", "articles")):
        n = data["more"][section]
        assert n > 0 and len(data[section]) == 1, section
        assert f"… and {n} more {what}: browse them with <code>saksi serve</code>" in page
        if section != "article_index":  # the markdown has no article index
            assert f"… and {n} more {what}: browse them with `saksi serve`" in md_text
    # the counts stay those of the whole corpus
    assert data["overview"]["events"] == len(data["timeline"]) + data["more"]["timeline"]
    assert f"| claim groups | {len(data['groups']) + data['more']['groups']} |" in md_text


# --------------------------------------------------------------------------- with the real stages
def test_with_the_corpus_stage_tables(tmp_path):
    """The corpus stage's own tables (not hand-made ones) render in the ledger, stories and timeline."""
    corpus = pytest.importorskip("saksi.corpus")
    d = build(tmp_path, corpus=False)
    store = Store.open(d)
    try:
        result = corpus.build_corpus(store.articles(), store.claims(), store.events(),
                                     embedder=corpus.HashingEmbedder())
        store.save_corpus_tables(result.tables())
        write_report(store, d)
        data = collect(store)
    finally:
        store.close()
    page = (d / "report.html").read_text(encoding="utf-8")
    troops = next(g for g in data["groups"] if g["action"] == "troops_deployed")
    assert len(troops["claims"]) == 3 and troops["independent_sources"] >= 2
    assert "denial" in troops["verdicts"] and all(c.get("root") for c in troops["claims"])
    assert "verdict-denial" in page and "The corpus stage has not run" not in page
    assert data["stories"] and all(s["members"] for s in data["stories"])
    assert [r["evidence"][0]["id"] for r in data["timeline"]] == [e["id"] for e in sorted(
        (e for a in data["articles"] for e in a["events"]), key=lambda e: e["date"])]
    assert active_content(page) == ["<script src=None>"]


def _pipeline_ready() -> str | None:
    import importlib

    for mod in ("saksi.extract.claims", "saksi.extract.events", "saksi.extract.attribution", "saksi.entities.resolver"):
        try:
            importlib.import_module(mod)
        except ImportError as e:
            return f"the pipeline is not complete yet ({mod}: {e})"
    return None


def test_seeds_end_to_end(tmp_path, seeds_dir):
    """`saksi run` on the seeds, then every claim's quote is marked in the dossier at its offsets."""
    import json
    import subprocess
    import sys

    reason = _pipeline_ready()
    if reason:
        pytest.skip(reason)
    r = subprocess.run([sys.executable, "-m", "saksi", "run", str(seeds_dir), "--out", str(tmp_path), "--no-ner"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    store = Store.open(tmp_path)
    try:
        write_report(store, tmp_path)  # again, in case the run does not write it yet
        claims = store.claims()
    finally:
        store.close()
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert claims, "the seeds hold claims"
    for c in claims:
        m = re.search(rf'<mark [^>]*id="{re.escape(slug(c["id"], "ev-"))}"[^>]*>(.*?)</mark>', page, re.S)
        assert m, c["id"]
        assert html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) .startswith(c["quote"][:20])
    lines = (tmp_path / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert len([json.loads(x) for x in lines if x.strip()]) == len(claims)
    assert active_content(page) == ["<script src=None>"]


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory, seeds_dir):
    import subprocess
    import sys

    reason = _pipeline_ready()
    if reason:
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("seeds_counts")
    r = subprocess.run([sys.executable, "-m", "saksi", "run", str(seeds_dir), "--out", str(out)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="module")
def seeds_data(seeds_run) -> dict:
    """What the seeds' dossier shows (dossier.collect over the run's store)."""
    store = Store.open(seeds_run)
    try:
        return collect(store)
    finally:
        store.close()


def test_seeds_counts_agree_across_report_files_and_exports(seeds_run, seeds_data, tmp_path):
    """Issue 12: one count of sources and of events in report.html, report.md, the store's groups and
    the exports; the 600 killed come from one source (the intelligence service, via a lawmaker)."""
    import json

    from saksi.export import export

    out, data = seeds_run, seeds_data
    export(out, "jsonl", tmp_path)
    exported = {g["group"]: g for g in map(json.loads, (tmp_path / "table_claim_groups.jsonl").open())}
    page = html.unescape((out / "report.html").read_text(encoding="utf-8"))
    md_text = (out / "report.md").read_text(encoding="utf-8")
    killed = next(g for g in data["groups"] if g["action"] == "casualties_killed")
    assert killed["independent_sources"] == 1 and killed["roots"] == ["National Intelligence Service"]
    for g in data["groups"]:
        assert exported[g["id"]]["independent_sources"] == g["independent_sources"]
        assert f'<dt>independent sources</dt><dd><strong>{g["independent_sources"]}</strong>' in page
        assert f"independent sources: **{g['independent_sources']}**" in md_text
    troops = next(g for g in data["groups"] if g["action"] == "troops_deployed" and len(g["claims"]) == 5)
    assert "KCNA" not in troops["roots"] and "North Korea" in troops["roots"]  # state media speak for the state
    assert "5Blogger" not in troops["roots"] and troops["relayed_by"] == ["5Blogger"]
    # events: the timeline everywhere, the reports of single articles named as such
    interchange = [x for x in (out / "events.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    timeline = [x for x in (tmp_path / "table_timeline.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    assert data["overview"]["events"] == len(interchange) == len(timeline) == len(data["timeline"])
    assert f"| events | {len(interchange)} |" in md_text
    assert f"<b>{len(interchange)}</b>events</div>" in page
    assert data["overview"]["event_reports"] >= len(interchange)
    # one dated article of five gives no corpus date range
    assert "(dated: 1 of 5 articles)" in page and "(dated: 1 of 5 articles)" in md_text
    # articles by title and outlet, the file name on hover
    assert 'title="003_7eafc6302f9b508a">Korea Utara Siap Berdiri di Pihak Rusia' in page
    assert re.search(r'title="001_46c93247f30203d2">5Blogger, undated: “', page)


def test_seeds_troop_group_lists_its_values_by_source_over_time(seeds_run, seeds_data):
    """Issue 12: the troop group shows each source's values in date order, in report.html and report.md."""
    out, data = seeds_run, seeds_data
    troops = next(g for g in data["groups"] if g["action"] == "troops_deployed" and len(g["claims"]) == 5)
    by_source = troops["by_source"]
    assert {s["source"] for s in by_source} >= {"North Korea", "Multilateral Sanctions Monitoring Team"}
    assert sum(len(s["values"]) for s in by_source) == len([c for c in troops["claims"] if c.get("stance") != "denied"])
    firsts = [s["values"][0]["sort"] for s in by_source if s["values"][0]["sort"]]
    assert firsts == sorted(firsts)  # sources in the order they first gave a value
    for s in by_source:
        dated = [v["sort"] for v in s["values"] if v["sort"]]
        assert dated == sorted(dated)
    page = html.unescape((out / "report.html").read_text(encoding="utf-8"))
    assert "values by source over time" in page
    md_text = (out / "report.md").read_text(encoding="utf-8")
    assert "values by source over time: " in md_text


def test_seeds_web_overview_counts_as_the_dossier(seeds_run, seeds_data):
    """Issue 12: the web UI's overview gives the dossier's counts (events = the timeline's)."""
    from saksi.web.search import Reader

    ov = seeds_data["overview"]
    reader = Reader(seeds_run)
    with reader.connect() as conn:
        web = reader.overview(conn)
    for k in ("articles", "claims", "events", "event_reports", "entities"):
        assert web[k] == ov[k], k
