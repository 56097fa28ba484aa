"""Invariants of the corpus tables on random small corpora, and the blocking bound."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from saksi.corpus import HashingEmbedder, build_corpus
from saksi.corpus.blocking import pairs_from_blocks

ACTIONS = ["troops_deployed", "munitions_supplied", "casualties_killed", "weapons_supplied"]
OBJECTS = ["soldiers", "troops", "artillery shells", "ammunition", "weapons", "additional soldiers"]
QUALS = ["exact", "approx", "more_than", "up_to", "vague", "range", "at_least", "less_than"]
STANCES = ["asserted", "reported", "alleged", "confirmed", "denied", "planned"]
SOURCES = ["MSMT", "NBC News", "Lee Seong-kweun", "National Intelligence Service", "KCNA", "Yonhap"]
DATES = ["2024", "2024-06", "2024-06-18", "2024-06-19", "2025-04", "2025-04-02", "bad"]
WORDS = "korea utara rusia pasukan amunisi laporan menteri perang bantuan kursk".split()


@st.composite
def corpora(draw):
    n = draw(st.integers(1, 8))
    texts = [" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=40))) for _ in range(n)]
    articles = []
    for i in range(n):
        same = draw(st.integers(0, i)) if i and draw(st.booleans()) else i
        articles.append({"article": f"a{i}", "key": f"k{same}", "title": draw(st.sampled_from([None, "Judul", "Title"])),
                         "outlet": draw(st.sampled_from([None, "Pantau", "Kompas", "Blog"])),
                         "published": draw(st.sampled_from([None, "2025-01-01", "2025-01-05", "2025-03-01"])),
                         "language": "id", "body": texts[same], "cited_sources": draw(st.lists(st.sampled_from(SOURCES), max_size=2)),
                         "mentions": draw(st.lists(st.sampled_from(["North Korea", "Russia", "Kim Jong Un"]), max_size=3))})
    claims = []
    for k in range(draw(st.integers(0, 14))):
        q = draw(st.sampled_from(QUALS))
        v = draw(st.sampled_from([None, 600.0, 1000.0, 9e6, 12e6, 10000.0, 11000.0]))
        ps = draw(st.sampled_from([None, "2024-01", "2022-02"]))
        claims.append({"id": f"c{k}", "article": f"a{draw(st.integers(0, n - 1))}", "quote": "q",
                       "actor": draw(st.sampled_from(["North Korea", None])), "action": draw(st.sampled_from(ACTIONS)),
                       "recipient": draw(st.sampled_from(["Russia", None])), "object": draw(st.sampled_from(OBJECTS)),
                       "value": v, "value_low": 1000.0 if q in ("vague", "range") else None,
                       "value_high": 5000.0 if q == "range" else None, "qualifier": q,
                       "period_start": ps, "period_end": draw(st.sampled_from([None, "2024-12"])) if ps else None,
                       "attributed_to": draw(st.lists(st.sampled_from(SOURCES), max_size=2, unique=True)),
                       "stance": draw(st.sampled_from(STANCES)), "in_caption": False})
    events = []
    for k in range(draw(st.integers(0, 10))):
        events.append({"id": f"e{k}", "article": f"a{draw(st.integers(0, n - 1))}", "date": draw(st.sampled_from(DATES)),
                       "type": draw(st.sampled_from(["meeting", "statement"])), "summary": f"s{k}",
                       "participants": draw(st.lists(st.sampled_from(["Kim Jong Un", "Vladimir Putin", "North Korea"]),
                                                     max_size=2, unique=True)),
                       "place": draw(st.sampled_from([None, "Pyongyang"])), "quote": ""})
    return articles, claims, events


@settings(max_examples=40, deadline=None)
@given(corpora())
def test_tables_are_consistent(data):
    articles, claims, events = data
    corpus = build_corpus(articles, claims, events, embedder=HashingEmbedder())
    json.dumps(corpus.tables())  # plain rows: the store and exports can write them
    names = {a["article"] for a in articles}
    # every claim sits in exactly one group
    assert sorted(r["claim"] for r in corpus.group_claims) == sorted(c["id"] for c in claims)
    in_groups = [cid for g in corpus.groups for cid in g["claims"]]
    assert sorted(in_groups) == sorted(c["id"] for c in claims)
    for g in corpus.groups:
        supporting = [v for v in g["values"] if v["stance"] != "denied"]
        # a group whose only figures are relayed by a blog without a source counts none
        countable = [v for v in supporting if v["root"] in g["roots"]]
        assert (1 if countable else 0) <= g["independent_sources"] <= len(supporting)
        assert set(g["relayed_by"]) <= {v["outlet"] or v["article"] for v in supporting}
        assert len(g["claims"]) == len(g["values"])
        assert len(g["roots"]) == g["independent_sources"]
        if g["value_min"] is not None:
            assert g["value_min"] <= g["value_max"]
    members = {g["group"]: set(g["claims"]) for g in corpus.groups}
    for v in corpus.contradictions:
        assert v["kind"] in ("contradiction", "scope_difference", "compatible", "denial")
        assert v["kind"] == "denial" or set(v["claims"]) <= members[v["group"]]
        assert len(v["claims"]) >= 2
    # copies point from a later article to an earlier one, never to themselves
    for r in corpus.copies:
        assert r["article"] != r["copy_of"] and {r["article"], r["copy_of"]} <= names
        assert r["kind"] in ("exact", "near_duplicate", "rewrite", "shared_origin")
    assert len({r["article"] for r in corpus.copies if r["kind"] in ("exact", "near_duplicate")}) == \
        len([r for r in corpus.copies if r["kind"] in ("exact", "near_duplicate")])
    # every article in one story; every event in one timeline row, in date order
    assert sorted(r["article"] for r in corpus.story_articles) == sorted(names)
    assert sum(s["articles"] for s in corpus.stories) == len(articles)
    assert sorted(e for r in corpus.timeline for e in r["event_ids"]) == sorted(e["id"] for e in events)
    dates = [r["date"] for r in corpus.timeline]
    assert dates == sorted(dates)


def test_big_blocks_give_linear_pairs():
    import numpy as np

    n = 5000
    order = np.arange(n)
    pairs = pairs_from_blocks([list(range(n)), list(range(0, n, 2))], order, n, small=24, neighbours=4)
    assert len(pairs) <= 2 * 4 * n
    small = pairs_from_blocks([[3, 1, 2]], order, n, small=24, neighbours=4)
    assert sorted(small.tolist()) == [1 * n + 2, 1 * n + 3, 2 * n + 3]
