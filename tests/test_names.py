"""Names a person reads (issue 12): the entity index holds only names the NER or the KB vouches for,
a specific body keeps its qualifier, and stories are labelled by a headline or their lead claim.

NER spans are given by hand (as the model would give them), so the rules are tested, not the model.
"""
from __future__ import annotations

import pytest

from saksi.corpus import build_corpus
from saksi.corpus.stories import clean_title, headline_like
from saksi.entities import lexicon
from saksi.entities.kb import KB
from saksi.entities.resolver import ArticleResolver


@pytest.fixture(scope="module")
def kb():
    return KB.load()


def spans_of(text: str, *pieces: tuple[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each (surface, label), at its first occurrence."""
    out = []
    for surface, label in pieces:
        i = text.index(surface)
        out.append((i, i + len(surface), label))
    return out


def names(kb, lang: str, text: str, *pieces: tuple[str, str]) -> dict[str, str]:
    r = ArticleResolver(kb, languages=(lang,))
    return {m.text: m.canonical for m in r.mentions(text, spans_of(text, *pieces))}


# ---------------------------------------------------------------- lower-case words are no names
def test_a_lower_case_word_is_no_name_and_no_kb_link(kb):
    text = "Pasukan itu maju pelan di medan yang berlumpur, lalu Rusia memveto usul gencatan senjata."
    got = names(kb, "id", text, ("medan", "GPE"), ("Rusia", "GPE"), ("memveto", "PERSON"))
    assert got == {"Rusia": "Russia"}  # "medan" (terrain) is not the city; "memveto" is a verb


def test_the_same_word_capitalised_is_the_city(kb):
    text = "Ribuan warga Medan turun ke jalan pada Sabtu pagi."
    assert names(kb, "id", text, ("Medan", "GPE")) == {"Medan": "Medan"}


def test_an_explicit_lookup_stays_case_insensitive_but_running_text_does_not(kb):
    assert kb.lookup("medan").name == "Medan"
    assert kb.lookup("medan", cased=True) is None
    assert kb.lookup("Medan", cased=True).name == "Medan"
    # an alias written in lower case in the KB is case-insensitive in running text too
    assert kb.lookup("Militer Rusia", cased=True) is kb.lookup("militer Rusia", cased=True) is not None


def test_lower_case_phrases_tagged_by_ner_are_dropped(kb):
    text = "Mereka saling jor-joran membeli howitzer swagerak baru untuk brigade itu."
    got = names(kb, "id", text, ("jor-joran", "PERSON"), ("howitzer swagerak", "PERSON"))
    assert got == {}


# ---------------------------------------------------------------- common words are no names
def test_a_span_of_common_words_is_dropped(kb):
    text = "Unit itu bertahan di kawasan Timur selama sepekan sebelum mundur."
    assert names(kb, "id", text, ("kawasan Timur", "LOC")) == {}
    text = "Last spring the ministry gave Assurance that no more troops would go."
    assert names(kb, "en", text, ("Assurance", "GPE")) == {}


def test_a_title_cased_body_in_running_text_is_a_name_but_not_in_a_headline(kb):
    body = "Analysts said the Granite Brigade had moved closer to the river by Friday."
    assert names(kb, "en", body, ("Granite Brigade", "ORG")) == {"Granite Brigade": "Granite Brigade"}
    headline = "Pasukan Khusus Tiba Di Perbatasan Setelah Tiga Hari"
    assert names(kb, "id", headline, ("Pasukan Khusus", "ORG")) == {}
    sentence = "Menurut komandan Pasukan Khusus itu, dua kompi sudah tiba."
    assert names(kb, "id", sentence, ("Pasukan Khusus", "ORG")) == {"Pasukan Khusus": "Pasukan Khusus"}


def test_a_rare_name_stays_and_so_does_a_name_of_common_words_in_running_text(kb):
    text = "Gubernur Oleksandr Pryhodko mengatakan dua desa diserang semalam."
    got = names(kb, "id", text, ("Oleksandr Pryhodko", "PERSON"))
    assert got == {"Oleksandr Pryhodko": "Oleksandr Pryhodko"}
    # "grace" and "field" are words too; capitalised together inside a sentence they are a name
    text = "The talks were led by envoy Grace Field, officials said."
    assert lexicon.mostly_common("Grace Field", "en")
    assert names(kb, "en", text, ("Grace Field", "PERSON")) == {"Grace Field": "Grace Field"}


def test_the_lexicon_is_lower_case_words_and_knows_common_words_from_names():
    for lang in ("id", "en"):
        words = lexicon.common(lang)
        assert len(words) > 5000 and all(w == w.lower() and " " not in w for w in words)
    assert lexicon.mostly_common("kawasan Timur", "id")
    assert not lexicon.mostly_common("Lee Seong-kweun", "id")
    assert not lexicon.mostly_common("Budi Santoso", "id")
    assert lexicon.mostly_common("Storm Corps", "en")
    assert not lexicon.mostly_common("Storm Corps", "xx")  # no list: nothing is judged common


# ---------------------------------------------------------------- a body keeps its qualifier
def test_a_ministry_of_a_place_is_its_own_body_not_the_place(kb):
    text = "Menurut Kementerian Kesehatan Gaza, 41 orang tewas dalam serangan itu."
    got = names(kb, "id", text, ("Kementerian Kesehatan Gaza", "ORG"))
    assert got == {"Kementerian Kesehatan Gaza": "Kementerian Kesehatan Gaza"}
    text = "Kementerian Kesihatan Gaza berkata 41 orang terbunuh."
    got = names(kb, "ms", text, ("Kementerian Kesihatan Gaza", "ORG"))
    assert got == {"Kementerian Kesihatan Gaza": "Kementerian Kesihatan Gaza"}


def test_an_english_sentence_opening_the_keeps_the_body_without_the(kb):
    text = "The Gaza Health Ministry said 41 people died overnight."
    got = names(kb, "en", text, ("The Gaza Health Ministry", "ORG"))
    assert got == {"Gaza Health Ministry": "Gaza Health Ministry"}


def test_a_sentence_s_first_word_does_not_make_a_body(kb):
    # "Pasukan" is capitalised only because it opens the sentence: these are North Korea's troops
    text = "Pasukan Korea Utara tiba di garis depan pada Senin."
    got = names(kb, "id", text, ("Pasukan Korea Utara", "ORG"))
    assert got == {"Korea Utara": "North Korea"}


@pytest.mark.parametrize("lang, text", [
    ("id", "Badan Pengungsi PBB mencatat 800 pengungsi baru tiba di pantai."),
    ("id", "Menurut badan PBB urusan pengungsi, 800 orang tiba."),
    ("en", "The UN refugee agency counted 800 new arrivals on the coast."),
    ("de", "Das UN-Flüchtlingshilfswerk zählte 800 Neuankömmlinge."),
    ("fr", "Le HCR a compté 800 nouveaux arrivants sur la côte."),
    ("es", "La agencia de la ONU para los refugiados contó 800 llegadas."),
])
def test_the_un_refugee_agency_is_unhcr_not_the_un(kb, lang, text):
    r = ArticleResolver(kb, languages=(lang,))
    got = [m.canonical for m in r.mentions(text, ())]
    assert "UNHCR" in got and "United Nations" not in got


# ---------------------------------------------------------------- story labels
def test_clean_title_drops_the_site_after_the_headline():
    assert clean_title("Korut Kirim Pasukan Tambahan - Kompas.com", "Kompas") == "Korut Kirim Pasukan Tambahan"
    assert clean_title("Drohnen über Kursk | tagesschau.de", None) == "Drohnen über Kursk"
    assert clean_title("Rusia Terima Rudal Baru | Tribunnews", "Tribunnews.com") == "Rusia Terima Rudal Baru"
    assert clean_title("Pjöngjang liefert weitere Granaten – Reuters", "Ukrinform") == \
        "Pjöngjang liefert weitere Granaten"
    # a part after a dash that is no site stays: it belongs to the headline
    assert clean_title("Seoul: Pyongyang Sends More Shells - Analysis", "Daily Post") == \
        "Seoul: Pyongyang Sends More Shells - Analysis"


def test_a_byline_or_a_dateline_is_no_headline():
    assert headline_like("Korut Kirim Pasukan Tambahan", "Kompas")
    assert not headline_like("Defence correspondent, BBC", "BBC News (via example.org)")
    assert not headline_like("Surabaya, Kompas", "Kompas")
    assert not headline_like("veröffentlicht auf news.example.at, Quelle: Example Online GmbH", None)
    assert not headline_like("Berita", None)


def test_stories_are_labelled_by_headline_or_lead_claim_never_by_entity_lists():
    articles = [
        {"article": "a1", "title": "Pyongyang Kirim Ribuan Peluru ke Moskow - Warta Timur", "outlet": "Warta Timur",
         "published": "2025-03-02", "language": "id", "body": "Korea Utara mengirim ribuan peluru ke Rusia.",
         "mentions": ["North Korea", "Russia"]},
        {"article": "b2", "title": None, "outlet": "Blog Perang", "published": "2024-01-09", "language": "id",
         "body": "Pekan ini ramai dibahas. Sekitar 4.000 tentara dikirim ke front timur, kata sumber itu.",
         "mentions": ["Ukraine", "Asia", "Europe"]},
    ]
    claims = [{"article": "b2", "id": "c1", "action": "troops_deployed", "value": 4000, "start": 25,
               "quote": "Sekitar 4.000 tentara dikirim ke front timur", "attributed_to": []}]
    corpus = build_corpus(articles, claims, [], embedder=None)
    story = {r["article"]: r["story"] for r in corpus.story_articles}
    label = {s["story"]: s["label"] for s in corpus.stories}
    assert label[story["a1"]] == "Pyongyang Kirim Ribuan Peluru ke Moskow"
    assert label[story["b2"]] == "Sekitar 4.000 tentara dikirim ke front timur"
