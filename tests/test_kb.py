"""The knowledge base: canonical names, aliases in several languages, case rules, roles, extras."""
from __future__ import annotations

import importlib.util
import re

import pytest
from babel import Locale

from saksi.entities.kb import KB, TYPES


@pytest.fixture(scope="module")
def kb() -> KB:
    return KB.load()


def name(kb: KB, text: str, **kw) -> str | None:
    e = kb.lookup(text, **kw)
    return e.name if e else None


@pytest.mark.parametrize("alias, canonical", [
    # Indonesian
    ("Korut", "North Korea"), ("Korea Utara", "North Korea"), ("RRDK", "North Korea"),
    ("Republik Rakyat Demokratik Korea", "North Korea"), ("Republik Demokratik Rakyat Korea", "North Korea"),
    ("Korsel", "South Korea"), ("Korea Selatan", "South Korea"), ("AS", "United States"), ("Amerika", "United States"),
    ("Amerika Serikat", "United States"), ("Rusia", "Russia"), ("Ukraina", "Ukraine"), ("Tiongkok", "China"),
    ("RRT", "China"), ("Inggris", "United Kingdom"), ("Jepang", "Japan"), ("PBB", "United Nations"),
    ("UE", "European Union"), ("Dewan Keamanan PBB", "UN Security Council"), ("Gedung Putih", "White House"),
    ("Moskow", "Moscow"), ("Teheran", "Tehran"), ("Badan Intelijen Nasional", "National Intelligence Service"),
    ("intelijen nasional", "National Intelligence Service"),
    ("Tim Pemantau Sanksi Multilateral", "Multilateral Sanctions Monitoring Team"),
    ("Kelompok Pemantau Sanksi Multilateral", "Multilateral Sanctions Monitoring Team"),
    ("Komisi Militer Pusat Korea Utara", "Central Military Commission of the Workers' Party of Korea"),
    # English
    ("DPRK", "North Korea"), ("North Korean", "North Korea"), ("South Korean", "South Korea"), ("US", "United States"),
    ("U.S.", "United States"), ("USA", "United States"), ("UK", "United Kingdom"), ("Britain", "United Kingdom"),
    ("Russian", "Russia"), ("Ukrainian", "Ukraine"), ("Chinese", "China"), ("Russia's", "Russia"), ("Kiev", "Kyiv"),
    ("MSMT", "Multilateral Sanctions Monitoring Team"), ("NIS", "National Intelligence Service"),
    ("Korean Central News Agency", "KCNA"), ("Channel News Asia", "Channel News Asia"), ("CNA", "Channel News Asia"),
    ("the Manila Times", "The Manila Times"), ("Main Intelligence Directorate", "HUR"),
    ("Department of Defense", "Pentagon"), ("State Department", "US State Department"),
    # Malay, Spanish, French, German, Portuguese
    ("Amerika Syarikat", "United States"), ("Kesatuan Eropah", "European Union"), ("Corea del Norte", "North Korea"),
    ("norcoreano", "North Korea"), ("Estados Unidos", "United States"), ("Corée du Nord", "North Korea"),
    ("États-Unis", "United States"), ("Nordkorea", "North Korea"), ("Russland", "Russia"), ("Coreia do Norte", "North Korea"),
    ("Rússia", "Russia"), ("Moscou", "Moscow"), ("Pékin", "Beijing"),
])
def test_aliases_resolve_to_canonical_names(kb, alias, canonical):
    assert name(kb, alias) == canonical


def test_spelling_variants_need_no_alias(kb):
    assert name(kb, "Kim Jong-un") == name(kb, "KIM JONG UN") == name(kb, "kim jong un") == "Kim Jong Un"
    assert name(kb, "Choe Son-hui") == "Choe Son Hui"
    assert name(kb, "Lee Seong Kweun") == "Lee Seong-kweun"
    assert name(kb, "Cote d'Ivoire") == name(kb, "Côte d’Ivoire")


def test_every_babel_territory_is_an_entity(kb):
    skip = set(kb.config["babel_skip"]) | set(kb.config["babel_orgs"])
    codes = [c for c in Locale("en").territories if c not in skip]
    assert len(codes) > 250
    for code in codes:
        e = kb.get(code)
        assert e is not None and e.type in ("GPE", "LOC"), code
    # babel's localised names find their territory, in every configured language
    for lang in ("id", "ms", "es", "fr", "de", "pt"):
        for code in ("FR", "DE", "BR", "EG", "ZA", "AR", "VN", "NZ"):
            local = Locale(lang).territories[code]
            assert name(kb, local) == kb.get(code).name, (lang, local)


def test_organisations_and_media_have_their_types(kb):
    for alias in ("PBB", "UE", "NATO", "ASEAN", "MSMT", "IAEA", "OFAC", "HUR", "Pentagon", "Wagner"):
        assert kb.lookup(alias).type == "ORG", alias
    for alias in ("KCNA", "TASS", "Yonhap", "AFP", "Reuters", "NBC News", "Antara", "Tribunnews", "NK News"):
        assert kb.lookup(alias).type == "MEDIA", alias


def test_matches_the_scorers_idea_of_the_same_name(kb, shared_dir):
    """Every spelling score.py treats as one name resolves to that name here."""
    spec = importlib.util.spec_from_file_location("score", shared_dir / "tools" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    for canon, names in score.ALIASES.items():
        for n in [canon] + names:
            words = n.split()
            q = n.upper() if len(words) == 1 and len(n) <= 5 or all(len(w) == 1 for w in words) else n
            e = kb.lookup(q)
            assert e is not None, q
            if e.type in ("GPE", "LOC"):
                e = kb.actor(e)
            assert score.norm_name(e.name) == score.norm_name(canon), (q, e.name)


def test_short_capital_aliases_match_only_in_capitals(kb):
    assert name(kb, "AS") == "United States" and kb.lookup("as") is None and kb.lookup("As") is None
    assert name(kb, "UE") == "European Union" and kb.lookup("ue") is None
    assert kb.lookup("nis") is None and kb.lookup("pbb") is None and kb.lookup("msmt") is None
    found = kb.find_mentions("This is as good as it gets, said the us official in ue.")
    assert found == []
    found = kb.find_mentions("AS dan UE menolak, kata NIS.")
    assert [m.canonical for m in found] == ["United States", "European Union", "National Intelligence Service"]


def test_running_text_needs_capitals_where_the_alias_has_them(kb):
    assert kb.find_mentions("a set of fine china and a turkey", langs=["en"]) == []
    assert [m.canonical for m in kb.find_mentions("China and Turkey", langs=["en"])] == ["China", "Turkey"]


def test_lookup_only_and_language_exclusions(kb):
    # "Antara" (between) and "Lima" (five) are names lookup knows but running text does not use
    assert name(kb, "Antara") == "Antara" and name(kb, "Lima") == "Lima"
    assert kb.find_mentions("Antara Januari dan Maret, Lima tentara tewas.", langs=["id"]) == []
    assert [m.canonical for m in kb.find_mentions("menurut ANTARA", langs=["id"])] == ["Antara"]
    # "Cuba" is "try" in Malay and Indonesian, the country elsewhere
    assert kb.find_mentions("Cuba lihat sendiri.", langs=["ms"]) == []
    assert [m.canonical for m in kb.find_mentions("Cuba and Venezuela", langs=["en"])] == ["Cuba", "Venezuela"]
    # "rusa" is Spanish for Russian but Indonesian for deer
    assert kb.find_mentions("Seekor rusa terlihat.", langs=["id"]) == []
    assert [m.canonical for m in kb.find_mentions("la tropa rusa", langs=["es"])] == ["Russia"]
    # the German name of Iceland is an English word
    assert kb.find_mentions("Jeju Island") == []
    # "bahasa Inggris" is the English language, not the United Kingdom
    assert kb.find_mentions("dalam bahasa Inggris", langs=["id"]) == []


def test_find_mentions_longest_match_and_offsets(kb):
    text = "Dewan Keamanan PBB dan Korea Utara; Korut-Rusia; pro-Russian forces in Kursk; Russia's army."
    found = kb.find_mentions(text)
    assert [(m.text, m.canonical) for m in found] == [
        ("Dewan Keamanan PBB", "UN Security Council"), ("Korea Utara", "North Korea"), ("Korut", "North Korea"),
        ("Rusia", "Russia"), ("Russian", "Russia"), ("Kursk", "Kursk"), ("Russia", "Russia"),
    ]
    for m in found:
        assert text[m.start:m.end] == m.text


def test_names_do_not_join_across_sentences_or_commas(kb):
    assert [m.canonical for m in kb.find_mentions("He went south. Korea is far.")] == []
    assert [m.text for m in kb.find_mentions("Korea Utara, Selatan")] == ["Korea Utara"]


def test_metonyms_point_to_their_state(kb):
    for place, state in [("Pyongyang", "North Korea"), ("Moskow", "Russia"), ("Kremlin", "Russia"), ("Seoul", "South Korea"),
                         ("Washington", "United States"), ("White House", "United States"), ("Kyiv", "Ukraine"),
                         ("Beijing", "China"), ("Tokyo", "Japan"), ("Teheran", "Iran")]:
        e = kb.lookup(place)
        assert e.type in ("GPE", "LOC") and e.name != state
        assert kb.actor(e).name == state, place
    assert kb.actor(kb.lookup("Kursk")).name == "Kursk"  # not a seat of power


def test_roles_follow_the_date(kb):
    assert name(kb, "Menteri Pertahanan Rusia") == "Andrey Belousov"
    assert name(kb, "Russian Defence Minister", date="2025-03-01") == "Andrey Belousov"
    assert name(kb, "Russian Defense Minister", date="2023-06-01") == "Sergei Shoigu"
    assert name(kb, "ministro de Defensa ruso", date="2024-11") == "Andrey Belousov"
    assert name(kb, "Presiden Korut") == "Kim Jong Un"
    assert name(kb, "Presiden Rusia", date="2010") == "Dmitry Medvedev"
    assert name(kb, "Presiden AS", date="2024-05-01") == "Joe Biden"
    assert name(kb, "Presiden AS", date="2025-05-01") == "Donald Trump"
    assert name(kb, "Menteri Luar Negeri Korea Utara", date="2024-11-01") == "Choe Son Hui"
    assert name(kb, "Sekretaris Dewan Keamanan Rusia", date="2025-06-04") == "Sergei Shoigu"
    assert name(kb, "Kepala Staf Umum Rusia") == "Valery Gerasimov"
    assert name(kb, "Kremlin spokesman") == "Dmitry Peskov"
    # titles many hold at once stand for no one
    assert kb.lookup("anggota parlemen Korea Selatan") is None
    assert kb.lookup("Chinese Foreign Ministry spokesperson") is None


def test_places_for_datelines(kb):
    places = kb.places()
    for p in ("Jakarta", "Pyongyang", "Moskow", "Moscow", "Seoul", "Kyiv", "Wonsan", "Kursk", "Korea Utara", "Lima", "Medan"):
        assert p in places, p
    assert "Kim Jong Un" not in places and "Russian" not in places


def test_shipped_data_is_consistent(kb):
    assert len(kb) > 800 and kb.alias_count > 5000
    assert kb.conflicts == []
    for e in kb:
        assert e.name and e.type in TYPES, e
        assert e.qid is None or re.fullmatch(r"Q\d+", e.qid), e
        if e.metonym_of:
            assert kb.get(e.metonym_of) is not None, e
        for r in e.roles:
            assert r.office is None or r.office in kb.offices, (e, r.office)
            assert r.of is None or kb.get(r.of) is not None, (e, r.of)


def test_extra_files_extend_the_kb(kb, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("""
entities:
  - id: KP                      # more names for a known entity, by id
    aliases: {id: [Negeri Pertapa]}
  - name: Kim Jong Un           # ... or by its canonical name
    aliases: [Marsekal Kim]
  - name: Sinar Harapan Pagi    # a new outlet
    type: MEDIA
    country: ID
    aliases: [SHP]
  - name: Ri Kwang Nam          # a new person with a role
    type: PERSON
    country: KP
    roles: [{titles: {en: [North Korean chief sanctions negotiator], id: [juru runding sanksi Korea Utara]}, since: 2030}]
""", encoding="utf-8")
    big = KB.load(extra=[extra])
    assert name(big, "Negeri Pertapa") == "North Korea"
    assert name(big, "Marsekal Kim") == "Kim Jong Un"
    assert big.lookup("SHP").type == "MEDIA" and name(big, "Sinar Harapan Pagi") == "Sinar Harapan Pagi"
    assert name(big, "North Korean chief sanctions negotiator", date="2031") == "Ri Kwang Nam"
    assert name(big, "juru runding sanksi Korea Utara") == "Ri Kwang Nam"
    assert big.lookup("juru runding sanksi Korea Utara", date="2029") is None
    assert [m.canonical for m in big.find_mentions("Negeri Pertapa dan SHP", langs=["id"])] == [
        "North Korea", "Sinar Harapan Pagi"]
    # the shipped KB is untouched
    assert kb.lookup("Negeri Pertapa") is None and kb.lookup("SHP") is None
    assert len(big) == len(kb) + 2


def test_extra_files_are_checked(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  - name: Someone\n", encoding="utf-8")
    with pytest.raises(ValueError, match="type"):
        KB.load(extra=[bad])
    with pytest.raises(FileNotFoundError):
        KB.load(extra=[tmp_path / "missing.yaml"])


def test_a_megabyte_of_text_is_scanned(kb, shared_dir):
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted((shared_dir / "corpus" / "seeds").glob("*.txt")))
    text = (seeds * (1_000_000 // len(seeds) + 1))[:1_000_000]
    found = kb.find_mentions(text, langs=["id"])
    assert len(found) > 10_000
    assert all(text[m.start:m.end] == m.text for m in found[:500])


def test_an_alias_given_in_two_languages_is_scanned_in_both(kb, tmp_path):
    # "ucranianos" is listed for es and pt: the alias keeps both languages
    for lang in ("es", "pt"):
        found = kb.find_mentions("Morreram 40 soldados ucranianos na frente.", langs=[lang])
        assert [(m.text, m.canonical) for m in found] == [("ucranianos", "Ukraine")], lang
    # ... and still not in a language that did not list it (lower-case)
    assert kb.find_mentions("os ucranianos", langs=["id"]) == []
    extra = tmp_path / "two.yaml"
    extra.write_text("""
entities:
  - id: KP
    aliases: {de: [nordreichler], fr: [nordreichler]}
""", encoding="utf-8")
    big = KB.load(extra=[extra])
    for lang in ("de", "fr"):
        assert [m.canonical for m in big.find_mentions("die nordreichler kamen", langs=[lang])] == ["North Korea"], lang
    assert big.find_mentions("die nordreichler kamen", langs=["es"]) == []
