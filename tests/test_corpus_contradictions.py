"""Verdicts within claim groups: contradiction, difference of scope, compatible, denial."""
from __future__ import annotations

from saksi.corpus import build_corpus
from saksi.corpus.contradictions import interval


def art(name):
    return {"article": name, "key": f"k-{name}", "title": None, "outlet": name.upper(), "published": None,
            "language": "en", "body": f"text {name}", "cited_sources": []}


def claim(cid, article, value, qualifier="exact", **kw):
    base = {"id": cid, "article": article, "quote": str(value), "actor": "North Korea",
            "action": "munitions_supplied", "recipient": "Russia", "object": "artillery shells",
            "value": value, "value_low": None, "value_high": None, "qualifier": qualifier,
            "period_start": None, "period_end": None, "attributed_to": [], "stance": "asserted",
            "in_caption": False}
    base.update(kw)
    return base


def verdicts(claims):
    names = sorted({c["article"] for c in claims})
    corpus = build_corpus([art(n) for n in names], claims, [], embedder=False)
    return corpus, [(v["kind"], sorted(v["claims"])) for v in corpus.contradictions]


Y2024 = {"period_start": "2024-01", "period_end": "2024-12"}


def test_intervals_from_qualifiers():
    assert interval(claim("x", "a", 600, "approx"))[:2] == (540.0, 660.0)
    assert interval(claim("x", "a", 10000, "more_than"))[1] == float("inf")
    assert interval(claim("x", "a", 9e6, "up_to"))[0] == 0.0
    assert interval(claim("x", "a", None, "vague", value_low=1000))[:2] == (1000, 1_000_000)
    assert interval(claim("x", "a", None)) is None


def test_more_than_10000_and_11000_are_compatible():
    _, v = verdicts([claim("1", "a", 10000, "more_than", action="troops_deployed", object="soldiers"),
                     claim("2", "b", 11000, action="troops_deployed", object="soldiers")])
    assert v == [("compatible", ["1", "2"])]


def test_about_600_and_600_are_compatible():
    _, v = verdicts([claim("1", "a", 600, "approx"), claim("2", "b", 600)])
    assert v == [("compatible", ["1", "2"])]


def test_9_and_12_million_over_the_same_period_contradict():
    corpus, v = verdicts([claim("1", "a", 9e6, **Y2024), claim("2", "b", 12e6, **Y2024)])
    assert v == [("contradiction", ["1", "2"])]
    assert "same scope (2024-01–2024-12)" in corpus.contradictions[0]["explanation"]


def test_9_and_12_million_both_without_period_contradict():
    _, v = verdicts([claim("1", "a", 9e6), claim("2", "b", 12e6, "approx")])
    assert v == [("contradiction", ["1", "2"])]


def test_different_periods_are_a_scope_difference():
    corpus, v = verdicts([claim("1", "a", 9e6, **Y2024),
                          claim("2", "b", 12e6, "approx", period_start="2022-02")])
    assert v == [("scope_difference", ["1", "2"])]
    assert "since 2022-02" in corpus.contradictions[0]["explanation"]


def test_a_pledge_is_not_measured_against_a_count():
    _, v = verdicts([claim("1", "a", 6000, "approx", action="workers_sent", object="workers", stance="planned"),
                     claim("2", "b", 1000, action="workers_sent", object="workers")])
    assert v == [("scope_difference", ["1", "2"])]


def test_open_ended_claims_contradict_only_what_they_exclude():
    # "up to 5 million" excludes 9 million; "millions" (at least 1,000,000) excludes neither
    _, v = verdicts([claim("up", "a", 5e6, "up_to"), claim("nine", "b", 9e6), claim("nine2", "c", 9e6),
                     claim("floor", "d", None, "vague", value_low=1e6)])
    assert ("contradiction", ["nine", "nine2", "up"]) in v
    assert ("compatible", ["floor", "nine", "nine2"]) in v
    assert not any("floor" in c for k, c in v if k != "compatible")


def test_two_clusters_and_a_middle_value():
    # 100 and 102 agree; 300 contradicts both (same scope); nothing is listed twice in one verdict
    _, v = verdicts([claim("a", "a", 100), claim("b", "b", 101), claim("c", "c", 300)])
    assert ("compatible", ["a", "b"]) in v
    assert ("contradiction", ["a", "b", "c"]) in v


def test_denial_against_assertions():
    corpus, v = verdicts([claim("1", "a", 9e6, attributed_to=["MSMT"], stance="reported"),
                          claim("2", "b", 100, action="missiles_supplied", object="missiles"),
                          claim("deny", "c", None, action="weapons_supplied", object="weapons", stance="denied",
                                quote="membantah adanya transfer senjata")])
    denials = [(k, c) for k, c in v if k == "denial"]
    assert sorted(denials) == [("denial", ["1", "deny"]), ("denial", ["2", "deny"])]
    row = next(r for r in corpus.contradictions if r["kind"] == "denial")
    assert "North Korea denies" in row["explanation"]


def test_denial_of_the_same_figure():
    _, v = verdicts([claim("1", "a", 10000, "more_than", action="troops_deployed", object="soldiers"),
                     claim("2", "b", 10000, action="troops_deployed", object="troops", stance="denied")])
    assert v == [("denial", ["1", "2"])]
