"""Claim groups and the counting of independent sources."""
from __future__ import annotations

from saksi.corpus import build_corpus
from saksi.corpus.objects import object_class


def art(name, outlet=None, body="", published=None):
    return {"article": name, "key": f"k-{name}", "title": None, "outlet": outlet, "published": published,
            "language": "en", "body": body or f"text of {name}", "cited_sources": []}


def claim(cid, article, value, attributed_to=(), **kw):
    base = {"id": cid, "article": article, "quote": str(value), "actor": "North Korea",
            "action": "troops_deployed", "recipient": "Russia", "object": "soldiers", "value": value,
            "value_low": None, "value_high": None, "qualifier": "exact", "period_start": None,
            "period_end": None, "attributed_to": list(attributed_to),
            "stance": "reported" if attributed_to else "asserted", "in_caption": False}
    base.update(kw)
    return base


def group(corpus, cid):
    return next(g for g in corpus.groups if cid in g["claims"])


def test_object_classes():
    assert object_class("soldiers") == object_class("troops") == object_class("military personnel") == "troops"
    assert object_class("artillery shells") == object_class("ammunition") == object_class("rounds") == "munitions"
    assert object_class("artillery and multiple rocket launcher ammunition") == "munitions"
    assert object_class("ballistic missiles") == "missiles"
    assert object_class("self-propelled howitzers") == "weapons"
    assert object_class("additional soldiers") == "troops (additional)"
    assert object_class("oil barrels") == "oil barrel"


def test_same_quantity_in_other_words_is_one_group():
    claims = [claim("1", "a", 10000, object="soldiers"), claim("2", "b", 11000, object="military personnel"),
              claim("3", "c", 500, action="missiles_supplied", object="missiles"),
              claim("4", "d", 12000, recipient="Belarus")]
    corpus = build_corpus([art(x) for x in "abcd"], claims, [], embedder=False)
    assert set(group(corpus, "1")["claims"]) == {"1", "2"}
    assert group(corpus, "3")["claims"] == ["3"]
    assert group(corpus, "4")["claims"] == ["4"]
    assert len(corpus.group_claims) == 4


def test_disjoint_periods_are_separate_groups_and_unscoped_claims_join_the_latest():
    claims = [claim("y23", "a", 100, period_start="2023-01", period_end="2023-12"),
              claim("y24", "b", 200, period_start="2024-01", period_end="2024-12"),
              claim("h24", "c", 90, period_start="2024-07", period_end="2024-12"),
              claim("none", "d", 300)]
    corpus = build_corpus([art(x) for x in "abcd"], claims, [], embedder=False)
    assert group(corpus, "y23")["claims"] == ["y23"]
    g = group(corpus, "y24")
    assert set(g["claims"]) == {"y24", "h24", "none"}
    assert (g["period_start"], g["period_end"]) == ("2024-01", "2024-12")
    assert (g["value_min"], g["value_max"]) == (90, 300)


def test_root_is_the_farthest_source_and_chains_sharing_a_name_are_one():
    claims = [claim("1", "a", 600, ["Lee Seong-kweun", "National Intelligence Service"]),
              claim("2", "b", 600, ["Lee Seong-kweun"]),
              claim("3", "c", 600, ["National Intelligence Service", "Yonhap"]),
              claim("4", "d", 600, ["MSMT", "NBC News"])]
    corpus = build_corpus([art(x, outlet=f"Outlet {x}") for x in "abcd"], claims, [], embedder=False)
    g = group(corpus, "1")
    assert g["independent_sources"] == 2
    assert g["roots"] == ["National Intelligence Service", "MSMT"]  # NBC News only relays the MSMT
    roots = {r["claim"]: r["root"] for r in corpus.group_claims}
    assert roots["2"] == roots["3"] == "National Intelligence Service"


def test_an_acronym_and_its_full_name_are_one_source():
    a = art("a", outlet="A")
    a["cited_sources"] = ["Multilateral Sanctions Monitoring Team"]
    claims = [claim("1", "a", 11000, ["Multilateral Sanctions Monitoring Team"]), claim("2", "b", 11000, ["MSMT"])]
    corpus = build_corpus([a, art("b", outlet="B")], claims, [], embedder=False)
    assert group(corpus, "1")["independent_sources"] == 1


def test_unattributed_claims_are_their_outlets_own_and_copies_count_once():
    text = " ".join(f"kata{i} nomor{i % 7} hal{i % 5}" for i in range(60))
    arts = [art("a", outlet="Pantau", body=text), art("b", outlet="Pantau"), art("c", outlet="Kompas"),
            art("d", outlet="Blog", body=text)]  # d is an exact copy of a's text
    arts[3]["key"] = arts[0]["key"]
    claims = [claim("1", "a", 5000), claim("2", "b", 5000), claim("3", "c", 5000), claim("4", "d", 5000)]
    corpus = build_corpus(arts, claims, [], embedder=False)
    g = group(corpus, "1")
    # Pantau twice is one source; Kompas another; the blog copied Pantau's article: not a third
    assert g["independent_sources"] == 2
    assert sorted(g["roots"]) == ["Kompas", "Pantau"]
    assert [(r["article"], r["copy_of"], r["kind"]) for r in corpus.copies] == [("d", "a", "exact")]


def test_a_confirmation_without_a_source_is_the_actors_own():
    claims = [claim("1", "a", None, value_low=1000, qualifier="vague", stance="confirmed"),
              claim("2", "b", 10000, ["KCNA"], qualifier="more_than"),
              claim("3", "c", 10000, ["North Korea", "KCNA"], qualifier="more_than")]
    corpus = build_corpus([art(x, outlet=x.upper()) for x in "abc"], claims, [], embedder=False)
    g = group(corpus, "1")
    assert g["independent_sources"] == 1  # North Korea confirms; KCNA relays North Korea
    assert g["roots"] == ["North Korea"]


def test_a_denial_is_not_a_source_for_the_figure():
    claims = [claim("1", "a", 10000, ["MSMT"]), claim("2", "b", 10000, stance="denied", actor="North Korea")]
    corpus = build_corpus([art("a", outlet="A"), art("b", outlet="B")], claims, [], embedder=False)
    g = group(corpus, "1")
    assert g["claims"] == ["1", "2"]
    assert g["roots"] == ["MSMT"] and g["independent_sources"] == 1
    assert {r["claim"]: r["root"] for r in corpus.group_claims}["2"] == "North Korea"


# ---- who is a source of its own (issue 12): roots, not names, are counted
def test_a_state_its_ministry_its_officials_and_its_state_media_are_one_source():
    claims = [claim("1", "a", 10000, ["KCNA"]),
              claim("2", "b", 10000, stance="confirmed"),
              claim("3", "c", 10000, ["North Korea Ministry of Foreign Affairs"]),
              claim("4", "d", 10000, ["Rodong Sinmun", "Yonhap"])]
    corpus = build_corpus([art(x, outlet=f"Outlet {x}") for x in "abcd"], claims, [], embedder=False)
    g = group(corpus, "1")
    assert g["roots"] == ["North Korea"] and g["independent_sources"] == 1
    both = [claim("5", "a", 500, ["Valery Gerasimov"], actor="Russia", action="troops_deployed"),
            claim("6", "b", 500, ["Russia"], actor="Russia", action="troops_deployed")]
    g = group(build_corpus([art("a", outlet="A"), art("b", outlet="B")], both, [], embedder=False), "5")
    assert g["roots"] == ["Russia"]  # the chief of the general staff speaks for his state


def test_a_lawmaker_speaks_for_themself_not_for_the_state():
    claims = [claim("1", "a", 600, ["Lee Seong-kweun"]), claim("2", "b", 600, ["South Korea"])]
    corpus = build_corpus([art("a", outlet="A"), art("b", outlet="B")], claims, [], embedder=False)
    assert group(corpus, "1")["independent_sources"] == 2


def test_the_publishing_outlet_is_never_its_own_source():
    yonhap = art("a", outlet="Yonhap")
    yonhap["cited_sources"] = ["South Korea Ministry of National Defense"]
    claims = [claim("1", "a", 12000, ["South Korea Ministry of National Defense", "Yonhap"]),
              claim("2", "a", 12000, qualifier="approx"),  # the same figure restated in Yonhap's words
              claim("3", "a", 11000, ["Yonhap"])]  # "Yonhap learned": its own reporting
    g = group(build_corpus([yonhap], claims, [], embedder=False), "1")
    assert g["independent_sources"] == 1 and g["roots"] == ["South Korea"]


def test_a_blog_relaying_others_is_no_source_and_says_so():
    blog = art("a", outlet="Kabar Blogger")
    blog["cited_sources"] = ["KCNA"]
    own_blog = art("b", outlet="Catatan Blog")  # a blog that cites no one reports itself
    claims = [claim("1", "a", 6000), claim("2", "b", 6000)]
    g = group(build_corpus([blog, own_blog], claims, [], embedder=False), "1")
    assert g["roots"] == ["Catatan Blog"] and g["independent_sources"] == 1
    assert g["relayed_by"] == ["Kabar Blogger"]
    wp = art("c", outlet="Warta Kita")
    wp["url"], wp["cited_sources"] = "https://wartakita.wordpress.com/2025/01/x", ["TASS"]
    g = group(build_corpus([wp], [claim("3", "c", 6000)], [], embedder=False), "3")
    assert g["independent_sources"] == 0 and g["relayed_by"] == ["Warta Kita"]


def test_source_rules_are_checked_against_the_kb():
    import pytest

    from saksi.corpus.groups import rules_from, source_rules
    from saksi.entities.kb import KB

    kb = KB.load()
    assert source_rules().speaker("KCNA") == "North Korea"
    assert source_rules().speaker("South Korea Ministry of National Defense") == "South Korea"
    for bad in ({"speaks_for": {"Nowhere Gazette": "North Korea"}}, {"speaks_for": {"KCNA": "United Nations"}},
                {"state_offices": ["court_jester"]}, {"speaks_fro": {}}):
        with pytest.raises(ValueError):
            rules_from(bad, kb)
