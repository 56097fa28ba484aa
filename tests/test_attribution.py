"""Attribution (saksi.extract.attribution): chains of sources, sources pointing back, speech verbs,
unnamed sources, and the sources an article cites. Sentences written for these tests."""
from __future__ import annotations

import pytest

from facts_helper import claims_of, read

PUB = "2025-06-10"


def chain(text: str, **kw) -> list[str]:
    cs = claims_of(text, published=PUB, **kw)
    assert cs, "no claim read"
    return cs[-1].attributed_to


@pytest.mark.parametrize("text, expected", [
    # a report relayed by an outlet: the report first, then who relays it
    ("Menurut laporan MSMT yang dikutip NBC News, Korea Utara mengirim 100 rudal balistik ke Rusia.",
     ["Multilateral Sanctions Monitoring Team", "NBC News"]),
    # a lawmaker citing an intelligence service
    ("Menurut anggota parlemen Korea Selatan Lee Seong-kweun, yang merujuk pada laporan Badan Intelijen "
     "Nasional, sekitar 600 tentara Korut tewas.", ["Lee Seong-kweun", "National Intelligence Service"]),
    # the reporting ministry before the claim, the outlet after it
    ("Laporan dari Kementerian Pertahanan Korea Selatan mengungkapkan bahwa Korea Utara telah memasok "
     "12 juta butir amunisi ke Rusia, menurut laporan Yonhap.",
     ["South Korea Ministry of National Defense", "Yonhap"]),
    # a speech verb after the clause
    ("Korea Utara mengirim 2.000 tentara ke Rusia, ujar Volodymyr Zelensky.", ["Volodymyr Zelensky"]),
    ("Korea Utara mengirim 2.000 tentara ke Rusia, tulis kantor berita KCNA.", ["KCNA"]),
    # an apposition: the country in the title is no source
    ("Menurut laporan kantor berita pemerintah Korea Utara, KCNA, Pyongyang mengirim 5.000 pekerja ke Rusia.",
     ["KCNA"]),
    ("Dikutip dari AFP, Korea Utara telah memasok 200 howitzer ke Rusia.", ["AFP"]),
    ("Seperti dilansir dari The Manila Times, Pyongyang memasok 50 tank ke Moskow.", ["The Manila Times"]),
    ("Kantor berita resmi KCNA melaporkan bahwa 10.000 tentara Korea Utara dikerahkan ke Kursk.", ["KCNA"]),
    # English
    ("North Korea sent 1,000 troops to Russia, Yonhap reported, citing the National Intelligence Service.",
     ["Yonhap", "National Intelligence Service"]),
    ("According to the Pentagon, about 11,000 North Korean troops are in Russia's Kursk region.",
     ["Pentagon"]),
    ("North Korea has shipped 100 howitzers to Russia, Ukraine's military intelligence (HUR) estimates.",
     ["HUR"]),
    ("\"We saw about 3,000 more troops arrive,\" said Lee Seong-kweun.", None),
    # a report and who published it
    ("The report, published by the Multilateral Sanctions Monitoring Team, found that North Korea had "
     "shipped at least 9 million shells to Russia.", ["Multilateral Sanctions Monitoring Team"]),
    ("Laporan yang dirilis oleh Tim Pemantau Sanksi Multilateral (MSMT) menemukan Korea Utara telah mengirim "
     "9 juta butir amunisi ke Rusia.", ["Multilateral Sanctions Monitoring Team"]),
    # a list of accusers split by commas
    ("Kunjungan itu terjadi ketika AS, Korsel dan Ukraina menuding Korut telah mengirim ribuan tentara ke Rusia.",
     ["United States", "South Korea", "Ukraine"]),
])
def test_chains(text, expected):
    got = chain(text)
    if expected is None:
        return
    assert len(got) >= len(expected)
    for want, have in zip(expected, got):
        assert want.lower() in have.lower() or have.lower() in want.lower(), got


def test_named_and_unnamed_sources():
    c = claims_of("Laporan terbaru menyebutkan bahwa kapal kargo Rusia mengangkut hingga sembilan juta butir "
                  "amunisi dari Korea Utara ke Rusia pada 2024.", published=PUB)[0]
    assert c.attributed_to == [] and c.stance == "reported"
    assert c.actor == "North Korea" and c.recipient == "Russia" and c.qualifier == "up_to"
    c = claims_of("North Korea sent 3,000 troops to Russia, officials said.", published=PUB)[0]
    assert c.attributed_to == [] and c.stance == "reported"


@pytest.mark.parametrize("text", [
    "Russia has deployed around 50,000 troops to Kursk, a senior official told reporters.",
    "\u201cWe have sent 1,500 more troops,\u201d the official said.",
    "Some 3,000 troops have been sent to Russia, a diplomat in Seoul said.",
    "Official figures show 200 people were killed.",
    "Korea Utara telah mengirim 3.000 tentara tambahan ke Rusia, kata seorang pejabat senior kepada wartawan.",
    "Sebanyak 3.000 tentara dikirim ke Rusia, ujar seorang diplomat senior.",
])
def test_unnamed_sources_with_words_around_them(text):
    (c,) = claims_of(text, published=PUB)
    assert c.stance == "reported" and c.attributed_to == []


def test_the_report_named_before():
    text = ("Menurut laporan MSMT, Korea Utara memasok 9 juta butir amunisi ke Rusia pada 2024.\n\n"
            "Warga Pyongyang tidak mengetahui hal ini.\n\n"
            "Laporan tersebut juga memperkirakan Korea Utara mengerahkan 3.000 tentara ke Rusia.")
    cs = claims_of(text, published=PUB)
    assert cs[-1].attributed_to == ["Multilateral Sanctions Monitoring Team"]
    assert cs[-1].stance == "reported" and cs[-1].qualifier == "approx"


def test_the_person_named_before():
    text = ("Kepala intelijen militer Ukraina Kyrylo Budanov berbicara kepada wartawan di Kyiv. "
            "Menurutnya, sekitar 11.000 tentara Korea Utara berada di Rusia.")
    cs = claims_of(text, published=PUB)
    assert cs and cs[-1].attributed_to == ["Kyrylo Budanov"]


def test_group_pronoun():
    text = ("Tim Pemantau Sanksi Multilateral merilis laporan pertamanya. Mereka menyebut Korea Utara "
            "mengirim 100 rudal balistik ke Rusia.")
    cs = claims_of(text, published=PUB)
    assert cs[-1].attributed_to == ["Multilateral Sanctions Monitoring Team"]


def test_subject_with_a_preposition_is_no_source():
    """"Dukungan dari Pyongyang terhadap Moskow menegaskan ...": neither city speaks."""
    _, _, _, cited = read("Dukungan tanpa syarat dari Pyongyang terhadap Moskow menegaskan posisi "
                          "Korea Utara sebagai sekutu setia Rusia.", published=PUB)
    assert "North Korea" not in cited and "Russia" not in cited


# ---------------------------------------------------------------- the article's cited sources
ARTICLE = """Tribunnews

Korea Utara Kirim Pasukan Lagi

Foto arsip: Pasukan Korea Utara dalam parade militer di Pyongyang. (KCNA via AFP)

TRIBUNNEWS.COM - Korea Utara dilaporkan mengirim 3.000 tentara tambahan ke Rusia, menurut laporan Yonhap yang mengutip Kepala Staf Gabungan Korea Selatan.

"Pasukan tambahan ini tiba bulan lalu," kata Lee Seong-kweun kepada wartawan, seperti dikutip dari Reuters.

Menurut Tribunnews, berita ini terus diperbarui.
"""


def test_cited_sources_of_an_article():
    a, cs, _, cited = read(ARTICLE, published=PUB)
    for want in ("Yonhap", "Lee Seong-kweun", "Reuters", "AFP", "KCNA"):
        assert any(want.lower() in c.lower() for c in cited), (want, cited)
    assert not any("tribun" in c.lower() for c in cited), cited  # never the article's own outlet


def test_cited_sources_of_english_wire_copy():
    text = ("SEOUL (Reuters) - North Korea has sent more troops to Russia, South Korea's spy agency said "
            "on Thursday, according to lawmakers briefed by the agency.\n\n"
            "The Kremlin did not comment, the TASS news agency reported.")
    _, _, _, cited = read(text, published=PUB)
    assert any("National Intelligence Service" in c for c in cited), cited
    assert "TASS" in cited


# ---------------------------------------------------------------- sources side by side are a set, not a chain
def test_sources_side_by_side_are_chains_of_their_own():
    from facts_helper import claims_of

    for text in ("Korea Utara diduga mengirim 10.000 tentara ke Rusia, menurut klaim dari AS, Korea Selatan, dan Ukraina.",
                 "The US, South Korea and Ukraine say North Korea has sent 10,000 troops to Russia."):
        c = claims_of(text)[0]
        assert c.source_chains == [["United States"], ["South Korea"], ["Ukraine"]], text
    relay = claims_of("North Korea sent 3 million shells to Russia, according to a MSMT report cited by NBC News.")[0]
    assert relay.source_chains == [["Multilateral Sanctions Monitoring Team", "NBC News"]]


def test_each_source_side_by_side_counts_as_independent():
    from saksi.corpus.groups import count_roots

    side = {"article": "a", "attributed_to": ["United States", "South Korea", "Ukraine"], "stance": "reported",
            "source_chains": [["United States"], ["South Korea"], ["Ukraine"]]}
    chain = {"article": "b", "attributed_to": ["MSMT", "NBC News"], "stance": "reported",
             "source_chains": [["MSMT", "NBC News"]]}
    roots, _ = count_roots([side, chain], {}, {}, frozenset({"nbc news"}))
    assert sorted(roots) == ["MSMT", "South Korea", "Ukraine", "United States"]


@pytest.mark.parametrize("text, lang, denier", [
    ("Rusia membantah kabar bahwa ribuan tentara Korea Utara (Korut) bakal diberangkatkan ke negeri itu.", "id", "Russia"),
    ("Kabar Ribuan Tentara Korut Dikirim Bantu Perang Dibantah Rusia", "id", "Russia"),
    ("Reports that 2,000 North Korean troops were sent to Kursk were denied by Moscow.", "en", "Russia"),
    ("Pyongyang dementiert, 3.000 Soldaten nach Russland geschickt zu haben.", "de", "North Korea"),
    ("Moscú negó haber recibido 100 misiles de Corea del Norte.", "es", "Russia"),
])
def test_a_denial_is_credited_to_the_one_who_denies(text, lang, denier):
    from facts_helper import claims_of

    c = claims_of(text, lang=lang)[0]
    assert (c.stance, c.attributed_to[:1]) == ("denied", [denier])


def test_the_one_confirming_that_it_sent_is_the_actor():
    from facts_helper import claims_of

    c = claims_of("North Korea confirmed that it had sent 1,000 troops to Russia.")[0]
    assert (c.actor, c.stance, c.attributed_to) == ("North Korea", "confirmed", [])


@pytest.mark.parametrize("text, lang, source", [
    ("Lee Seong-kweun, a member of the parliamentary intelligence committee, said 600 North Korean soldiers had been killed.",
     "en", "Lee Seong-kweun"),
    ("Sergei Shoigu, sekretaris Dewan Keamanan Rusia, mengatakan 5.000 tentara Korea Utara dikirim ke Kursk.",
     "id", "Sergei Shoigu"),
])
def test_a_speaker_before_an_apposition(text, lang, source):
    from facts_helper import claims_of

    assert claims_of(text, lang=lang)[0].attributed_to[:1] == [source]


@pytest.mark.parametrize("text, expected", [
    ("Nordkorea hat nach Angaben Seouls 3.000 Soldaten nach Russland entsandt.\n\nDie Truppen seien im Osten.\n\ndpa/moko",
     "dpa"),
    ("Iran has sent 300 drones to Russia, officials said on Monday.\n\nThe drones arrived by ship.\n\n-- BERNAMA", "Bernama"),
])
def test_a_closing_agency_credit_counts_last(text, expected):
    from facts_helper import claims_of

    c = claims_of(text)[0]
    assert c.attributed_to[-1] == expected and c.stance != "asserted"


def test_a_credit_after_a_dash_in_a_headline():
    from facts_helper import claims_of

    c = claims_of("Bis 6 Millionen Artilleriegeschosse hat Nordkorea an Russland geliefert – Reuters\n\nDas ist viel.")[0]
    assert (c.attributed_to, c.stance) == (["Reuters"], "reported")


def test_editors_initials_are_no_agency():
    from facts_helper import claims_of

    c = claims_of("Korea Utara memberangkatkan 3.000 tentara ke Rusia pekan lalu.\n\nPasukan itu tiba di Kursk. (gas/bac)")[0]
    assert c.attributed_to == []


def test_a_place_before_the_comma_is_no_source():
    from facts_helper import claims_of

    cs = claims_of("About 11,000 North Korean troops are fighting in Russia's Kursk region, U.S. officials said.")
    assert cs[0].attributed_to == ["American officials"]


def test_reported_speech_goes_on_with_the_source_before():
    from facts_helper import claims_of

    cs = claims_of("Laut dem südkoreanischen Geheimdienst hat Nordkorea 3.000 Soldaten nach Russland geschickt. "
                   "Weitere 2.000 Soldaten seien bereits nach Russland unterwegs.")
    assert [c.attributed_to for c in cs] == [["National Intelligence Service"]] * 2


@pytest.mark.parametrize("text, denier", [
    ("Iran has sent 200 ballistic missiles to Russia, people familiar with the matter said. Tehran denied the reports.",
     "Iran"),
    ("Nordkorea soll 3.000 Soldaten nach Russland geschickt haben. Pjöngjang bestreitet das.", "North Korea"),
])
def test_a_denial_in_the_next_sentence(text, denier):
    from facts_helper import claims_of

    c = claims_of(text)[0]
    assert c.stance == "denied" and denier in c.attributed_to


def test_a_sentence_without_a_denial_denies_nothing():
    from facts_helper import claims_of

    assert claims_of("Iran has sent 200 ballistic missiles to Russia. Kyiv welcomed new sanctions.")[0].stance == "asserted"


def test_a_name_between_commas_after_its_title():
    from facts_helper import claims_of

    c = claims_of("Le ministre des Armées, Sébastien Lecornu, a annoncé jeudi que Paris livrerait à Kiev 78 canons "
                  "automoteurs Caesar.")[0]
    assert (c.actor, c.recipient, c.attributed_to) == ("France", "Ukraine", ["Sébastien Lecornu"])
