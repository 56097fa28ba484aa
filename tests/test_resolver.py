"""Resolving the names of one article: fuzzy variants, short forms, metonyms, roles, NER spans."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saksi.entities.kb import KB
from saksi.entities.resolver import ArticleResolver, clean_name
from saksi.model import Mention


@pytest.fixture(scope="module")
def kb() -> KB:
    return KB.load()


def canon(e) -> str | None:
    return e.name if e else None


def found(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in mentions]


# ---------------------------------------------------------------- resolve()
@pytest.mark.parametrize("variant, canonical", [
    ("Lee Swong-kweun", "Lee Seong-kweun"),  # a typo in seed 004
    ("Kim Jong-un", "Kim Jong Un"),
    ("Choe Son-hui", "Choe Son Hui"),
    ("Andrey Belousow", "Andrey Belousov"),
    ("Valery Gerasimow", "Valery Gerasimov"),
    ("Volodymyr Zelenskyj", "Volodymyr Zelensky"),
    ("Multilateral Sanction Monitoring Team", "Multilateral Sanctions Monitoring Team"),
])
def test_spelling_variants(kb, variant, canonical):
    assert canon(ArticleResolver(kb).resolve(variant)) == canonical


def test_fuzzy_is_conservative(kb):
    r = ArticleResolver(kb)
    assert r.resolve("Putn") is None  # too short to guess
    assert r.resolve("Kim Jong Nim") is None or r.resolve("Kim Jong Nim").name != "Kim Jong Un"
    assert r.resolve("Park Jung Hoon") is None  # an unknown Korean name is not a known one
    assert r.resolve("Lee Swong-kweun", label="ORG") is None  # only against the same type
    assert canon(r.resolve("Lee Swong-kweun", label="PERSON")) == "Lee Seong-kweun"


def test_short_forms_refer_to_the_full_name_used_earlier(kb):
    r = ArticleResolver(kb, languages=["id"])
    assert r.resolve("Kim") is None  # nobody called Kim yet
    r.mentions("Menteri Luar Negeri Korea Utara, Choe Son Hui, bertemu Kim Jong Un.", ())
    assert canon(r.resolve("Kim")) == "Kim Jong Un"
    assert canon(r.resolve("Choe")) == "Choe Son Hui"
    text = "Kim menerima Choe, lalu Belousov tiba."
    got = found(r.mentions(text, ()))
    assert ("Kim", "Kim Jong Un") in got and ("Choe", "Choe Son Hui") in got
    assert ("Belousov", "Andrey Belousov") in got  # a surname the KB knows in any article


def test_short_forms_pick_the_person_named_last(kb):
    r = ArticleResolver(kb, languages=["en"])
    got = found(r.mentions("Lee Jae-myung met lawmaker Lee Seong-kweun. Lee said troops died. "
                           "Later Lee Jae-myung spoke. Lee said he would act.", ()))
    lees = [c for t, c in got if t == "Lee"]
    assert lees == ["Lee Seong-kweun", "Lee Jae-myung"]


def test_short_form_is_not_part_of_an_unknown_longer_name(kb):
    r = ArticleResolver(kb, languages=["en"])
    got = found(r.mentions("Kim Jong Un spoke. Kim Chol Su, a defector, disagreed. Kim smiled.", ()))
    assert ("Kim", "Kim Jong Un") in got
    assert all(c == "Kim Jong Un" for t, c in got if t.startswith("Kim")) and len([t for t, _ in got if t == "Kim"]) == 1


def test_metonyms_become_states_as_actors(kb):
    r = ArticleResolver(kb)
    assert canon(r.resolve("Pyongyang")) == "Pyongyang"
    assert canon(r.resolve("Pyongyang", as_actor=True)) == "North Korea"
    assert canon(r.resolve("Kremlin", as_actor=True)) == "Russia"
    assert canon(r.resolve("Gedung Putih", as_actor=True)) == "United States"
    assert canon(r.resolve("Moskow", as_actor=True)) == "Russia"
    assert canon(r.resolve("Korea Utara", as_actor=True)) == "North Korea"
    assert canon(r.resolve("Kursk", as_actor=True)) == "Kursk"
    m = r.mentions("Pyongyang menegaskan dukungannya.", ())[0]
    assert m.canonical == "Pyongyang" and r.actor(m) == "North Korea"


def test_roles_resolve_to_their_holder(kb):
    r = ArticleResolver(kb, date="2024-11-29")
    assert canon(r.resolve("Menteri Pertahanan Rusia")) == "Andrey Belousov"
    assert canon(r.resolve("Russian Defence Minister")) == "Andrey Belousov"
    assert canon(r.resolve("Presiden Korut")) == "Kim Jong Un"
    assert r.role_of("Presiden Korut") == "Presiden Korut" and r.role_of("Kim Jong Un") is None
    assert canon(ArticleResolver(kb, date="2023-02-01").resolve("Menteri Pertahanan Rusia")) == "Sergei Shoigu"


def test_role_titles_attach_to_the_names_beside_them(kb):
    r = ArticleResolver(kb, languages=["id"], date="2024-11-29")
    text = ("Menteri Pertahanan Rusia, Andrey Belousov, bertemu Menteri Pertahanan Korea Utara No Kwang Chol. "
            "ucap Valery Gerasimov, Kepala Staf Umum Rusia. Presiden Korut menyambut.")
    ms = r.mentions(text, ())
    people = {m.canonical: m.role for m in ms if m.type == "PERSON"}
    assert people["Andrey Belousov"] == "Menteri Pertahanan Rusia"
    assert people["No Kwang Chol"] == "Menteri Pertahanan Korea Utara"
    assert people["Valery Gerasimov"] == "Kepala Staf Umum Rusia"
    alone = [m for m in ms if m.text == "Presiden Korut"]
    assert alone and alone[0].canonical == "Kim Jong Un" and alone[0].role == "Presiden Korut"
    # the state in an attached title is still there
    assert ("Rusia", "Russia") in found(ms) and ("Korea Utara", "North Korea") in found(ms)


def test_a_title_many_hold_only_describes_its_neighbour(kb):
    r = ArticleResolver(kb, languages=["id"])
    ms = r.mentions("Menurut anggota parlemen Korea Selatan Lee Seong-kweun, dan anggota parlemen Korea Selatan lain.", ())
    assert [(m.canonical, m.role) for m in ms if m.type == "PERSON"] == [("Lee Seong-kweun", "anggota parlemen Korea Selatan")]
    assert [m.canonical for m in ms if m.type == "GPE"] == ["South Korea", "South Korea"]


def test_ner_spans_add_new_entities_and_never_drop_them(kb):
    r = ArticleResolver(kb, languages=["id"])
    text = "Oleh Kaorie Zeto Hapki. Menurut Dr. Budi Santoso dari Lembaga Kajian Damai, Korea Utara mengirim pasukan."
    spans = [(5, 22, "PERSON"), (32, 48, "PER"), (54, 75, "ORG"), (77, 88, "GPE")]
    ms = r.mentions(text, spans)
    got = {m.canonical: m.type for m in ms}
    assert got["Kaorie Zeto Hapki"] == "PERSON"
    assert got["Budi Santoso"] == "PERSON"  # the title is not part of the name
    assert got["Lembaga Kajian Damai"] == "ORG"
    assert got["North Korea"] == "GPE"  # the KB's reading wins where both found the name
    for m in ms:
        assert text[m.start:m.end] == m.text
    # the article's new names are known from then on, short forms included
    assert canon(r.resolve("Kaorie Zeto Hapki")) == "Kaorie Zeto Hapki"
    assert ("Hapki", "Kaorie Zeto Hapki") in found(r.mentions("Kata Hapki.", ()))


@pytest.mark.parametrize("text, span, label, name", [
    ("kata Kapolda Papua Irjen Mathius Fakhiri kepada wartawan.", "Papua Irjen Mathius Fakhiri", "GPE",
     "Mathius Fakhiri"),  # a rank makes a person, whatever NER said
    ("kata Kapolda Papua Irjen Pol. Mathius Fakhiri.", "Papua Irjen Pol. Mathius Fakhiri", "PERSON",
     "Mathius Fakhiri"),
    ("said Lt. Gen. Oleksandr Kovalenko on Monday.", "Lt. Gen. Oleksandr Kovalenko", "PERSON", "Oleksandr Kovalenko"),
    ("said regional Gov. Oleh Karpenko.", "regional Gov. Oleh Karpenko", "PERSON", "Oleh Karpenko"),
    ("dari Ibu Kota Nusantara.", "Ibu Kota Nusantara", "GPE", None),  # a courtesy word cuts only in a person
])
def test_ner_spans_lose_the_titles_and_ranks_before_a_name(kb, text, span, label, name):
    r = ArticleResolver(kb, languages=["id", "en"])
    s = text.index(span)
    people = [m.text for m in r.mentions(text, [(s, s + len(span), label)]) if m.type == "PERSON"]
    assert people == ([name] if name else [])


def test_ner_spans_are_resolved_through_the_kb(kb):
    r = ArticleResolver(kb, languages=["id"])
    text = "Lee Swong-kweun's claim and Kim Jong-un's reply"
    ms = r.mentions(text, [(0, 17, "PERSON"), (28, 41, "PERSON")])
    assert found(ms) == [("Lee Swong-kweun", "Lee Seong-kweun"), ("Kim Jong-un", "Kim Jong Un")]


def test_ner_spans_cut_at_a_hyphen_are_made_whole(kb):
    r = ArticleResolver(kb, languages=["id"])
    text = "Menurut Lee Swong-kweun dan Putin-nya."
    ms = r.mentions(text, [(8, 17, "PERSON"), (28, 33, "PERSON")])
    assert found(ms) == [("Lee Swong-kweun", "Lee Seong-kweun"), ("Putin", "Vladimir Putin")]


def test_runs_its_own_ner_when_given_no_spans(kb):
    class FakeNER:
        lang = "id"

        def spans(self, text):
            i = text.index("Siti Aminah")
            return [(i, i + len("Siti Aminah"), "PERSON")]

    r = ArticleResolver(kb, ner=FakeNER())
    assert r.languages == ("id",)
    assert ("Siti Aminah", "Siti Aminah") in found(r.mentions("Kata Siti Aminah di Jakarta."))
    # later texts without NER still know the name the article introduced, and its short form
    assert found(r.mentions("Siti Aminah, atau Aminah, di Jakarta.", ())) == [
        ("Siti Aminah", "Siti Aminah"), ("Aminah", "Siti Aminah"), ("Jakarta", "Jakarta")]


def test_mentions_are_model_mentions_with_qids(kb):
    ms = ArticleResolver(kb).mentions("Vladimir Putin dan Korea Utara", ())
    assert all(isinstance(m, Mention) for m in ms)
    assert [(m.canonical, m.type, m.qid) for m in ms] == [("Vladimir Putin", "PERSON", "Q7747"), ("North Korea", "GPE", "Q423")]


def test_seed_articles(kb, shared_dir):
    """The names the gold files expect come out of the seed articles."""
    def read(stem):
        r = ArticleResolver(kb, languages=["id"])
        text = (shared_dir / "corpus" / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
        return {m.canonical for p in text.split("\n") for m in r.mentions(p, ())}

    assert {"AFP", "Lee Seong-kweun", "Multilateral Sanctions Monitoring Team", "National Intelligence Service",
            "North Korea", "Russia", "Jakarta", "Pyongyang"} <= read("000_792c2c2e5b819578")
    assert {"KCNA", "Yonhap", "South Korea Ministry of National Defense", "Sergei Lavrov", "Choe Son Hui", "Wonsan",
            "Kim Jong Un"} <= read("001_46c93247f30203d2")
    assert {"TASS", "Andrey Belousov", "No Kwang Chol", "Vladimir Putin", "United States", "Ukraine"} <= read("002_5e22871216460648")
    assert {"KCNA", "Channel News Asia", "Sergei Shoigu", "Kursk", "Tribunnews"} <= read("003_7eafc6302f9b508a")
    assert {"The Manila Times", "NBC News", "Lee Seong-kweun", "Valery Gerasimov"} <= read("004_980fbdb5c6d19f90")


def test_clean_name():
    hon = frozenset({"Dr.", "Mr"})
    assert clean_name("  “Kim Jong Un’s”  ") == "Kim Jong Un"
    assert clean_name("Dr. Budi Santoso,", hon) == "Budi Santoso"
    assert clean_name("(Reuters)") == "Reuters"


words = st.sampled_from(["Korea Utara", "Kim Jong-un", "Kim", "Rusia", "AS", "as", "Pyongyang", "Menteri Pertahanan Rusia",
                         "Lee Swong-kweun", "dan", "the", "Russia's", ",", ".", "\n", "Lavrov", "MSMT", "Presiden", "Choe",
                         "Tim Pemantau Sanksi Multilateral", "ribuan", "tentara", "Siapa", "-", "Korut-Rusia"])


@settings(max_examples=40, deadline=None)
@given(st.lists(words, max_size=40))
def test_mentions_are_well_formed(kb, parts):
    text = " ".join(parts)
    r = ArticleResolver(kb, languages=["id"])
    ms = r.mentions(text, ())
    last = -1
    for m in ms:
        assert text[m.start:m.end] == m.text and m.canonical and m.type
        assert m.start >= last  # sorted, no overlaps
        last = m.end


def test_a_megabyte_of_article_text(kb, shared_dir):
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted((shared_dir / "corpus" / "seeds").glob("*.txt")))
    text = (seeds * (1_000_000 // len(seeds) + 1))[:1_000_000]
    r = ArticleResolver(kb, languages=["id"])
    n = sum(len(r.mentions(p, ())) for p in text.split("\n"))
    assert n > 10_000
