"""Claims of numbers (saksi.extract.claims) on sentences written for these tests, in the styles of
many outlets: wire copy, online portals, blogs and tabloids, translated agency text, bullet lists
under a header, captions; Indonesian and English."""
from __future__ import annotations

import time

import pytest

from facts_helper import claims_of, one_claim, read

ID_PUB = "2025-06-10"


def one(text: str, action: str | None = None, **kw):
    return one_claim(text, action, **kw)


# ---------------------------------------------------------------- actions, objects, actors, recipients
@pytest.mark.parametrize("text, action, value, actor, recipient", [
    # Indonesian portal style
    ("Korea Utara telah mengirim sekitar 3.000 tentara tambahan ke Rusia, kata Kementerian Pertahanan "
     "Korea Selatan.", "troops_deployed", 3000, "North Korea", "Russia"),
    ("Pyongyang memasok 1,5 juta butir peluru artileri kepada Moskow untuk perang di Ukraina.",
     "munitions_supplied", 1_500_000, "North Korea", "Russia"),
    ("Rusia menerima 120 rudal balistik dari Korea Utara selama musim dingin.",
     "missiles_supplied", 120, "North Korea", "Russia"),
    ("Sebanyak 250 howitzer swagerak buatan Korea Utara dikirim ke Rusia dengan kereta api.",
     "weapons_supplied", 250, "North Korea", "Russia"),
    ("Sekitar 400 tentara Rusia tewas dalam serangan di dekat Pokrovsk.",
     "casualties_killed", 400, "Russia", None),
    ("Ukraina kehilangan lebih dari 1.000 prajurit dalam sepekan, menurut data tersebut.",
     "casualties_total", 1000, "Ukraine", None),
    ("Pemerintahan Kim Jong Un menjanjikan pengiriman 5.000 pekerja konstruksi ke wilayah Kursk.",
     "workers_sent", 5000, "North Korea", "Russia"),
    # tabloid / blog slang
    ("Gokil! Pyongyang udah ngirim 2.000 tentara lagi buat bantu Moskow.",
     "troops_deployed", 2000, "North Korea", "Russia"),
    # English wire copy
    ("SEOUL (Reuters) - North Korea has sent about 3,000 more troops to Russia, South Korea's "
     "military said on Monday.", "troops_deployed", 3000, "North Korea", "Russia"),
    ("Moscow has received more than 100 ballistic missiles from Pyongyang, Kyiv says.",
     "missiles_supplied", 100, "North Korea", "Russia"),
    ("At least 600 North Korean soldiers have been killed in the Kursk region, the lawmaker said.",
     "casualties_killed", 600, "North Korea", None),
    ("North Korea shipped 20,000 containers of munitions to Russia, officials said.",
     "munitions_supplied", 20000, "North Korea", "Russia"),
    ("Kim Jong Un has pledged to dispatch 6,000 military engineers to Kursk.",
     "workers_sent", 6000, "North Korea", "Russia"),
    # a weapon's model or make between the number and what it counts
    ("Israel has received more than 14,000 MK-84 bombs from the United States since October 2023.",
     "munitions_supplied", 14000, "United States", "Israel"),
    ("Berlin will deliver 18 Leopard tanks to Kyiv by the end of March.",
     "weapons_supplied", 18, "Germany", "Ukraine"),
    ("Rusia telah menerima 50 rudal Fateh-110 dari Iran.", "missiles_supplied", 50, "Iran", "Russia"),
    ("Pyongyang reportedly shipped 5,000 155mm shells to Moscow.", "munitions_supplied", 5000, "North Korea",
     "Russia"),
])
def test_action_value_actor_recipient(text, action, value, actor, recipient):
    c = one(text, action, published=ID_PUB)
    assert (c.value if c.value is not None else c.value_low) == value
    assert c.actor == actor
    assert c.recipient == recipient
    assert c.quote and c.quote in text.replace("\u00a0", " ")
    assert len(c.quote) < len(text)


def test_objects_in_english():
    c = one("Pyongyang supplied 12 million artillery shells to Moscow.", published=ID_PUB)
    assert c.object == "artillery shells"
    c = one("Korea Utara memasok 12 juta butir amunisi artileri ke Rusia.", published=ID_PUB)
    assert c.object == "artillery shells"
    c = one("Pyongyang mengirim lebih dari 10.000 personel militer ke Rusia.", published=ID_PUB)
    assert c.object == "military personnel" and c.qualifier == "more_than"


def test_casualties_killed_or_wounded_is_total():
    c = one("Some 4,700 North Korean soldiers have been killed or wounded, Seoul said.", published=ID_PUB)
    assert c.action == "casualties_total" and c.actor == "North Korea" and c.qualifier == "approx"
    c = one("Sedikitnya 200 tentara Korut tewas atau terluka.", published=ID_PUB)
    assert c.action == "casualties_total" and c.qualifier == "at_least"
    c = one("Ukraina mengklaim telah membunuh atau melukai sekitar 4.000 tentara Korea Utara.", published=ID_PUB)
    assert c.action == "casualties_total" and c.actor == "North Korea"
    c = one("The strikes killed and injured more than 300 civilians, the ministry said.", published=ID_PUB)
    assert c.action == "casualties_total" and c.qualifier == "more_than"


def test_active_killing_names_no_actor():
    """The subject of "killed 25 people" is who killed; the claim's actor is whose dead it counts."""
    c = one("A Russian missile strike killed 25 people in Kharkiv on Tuesday.", published=ID_PUB)
    assert c.action == "casualties_killed" and c.actor is None


# ---------------------------------------------------------------- vague amounts
def test_vague_amounts():
    c = one("Korea Utara telah mengirim ribuan tentara ke Rusia.", published=ID_PUB)
    assert c.value is None and c.value_low == 1000 and c.qualifier == "vague"
    c = one("Bantuan terbesar Pyongyang adalah pengiriman jutaan peluru artileri ke Rusia.", published=ID_PUB)
    assert c.action == "munitions_supplied" and c.value is None and c.value_low == 1_000_000
    c = one("Thousands of North Korean troops have been deployed to Russia.", published=ID_PUB)
    assert c.action == "troops_deployed" and c.value_low == 1000 and c.actor == "North Korea"


# ---------------------------------------------------------------- elided subjects and objects
def test_elided_others_take_the_claim_before():
    cs = claims_of("Menurut juru bicara militer Ukraina, sekitar 300 tentara Korea Utara tewas dan ribuan "
                   "lainnya terluka di Kursk.", published=ID_PUB)
    assert [c.action for c in cs] == ["casualties_killed", "casualties_wounded"]
    killed, wounded = cs
    assert wounded.actor == killed.actor == "North Korea"
    assert wounded.object == killed.object == "soldiers"
    assert wounded.value_low == 1000 and wounded.qualifier == "vague"
    assert killed.quote == "sekitar 300 tentara Korea Utara tewas"
    assert wounded.quote.startswith("ribuan lainnya terluka")
    assert wounded.attributed_to == killed.attributed_to and wounded.stance == "reported"


def test_elided_english():
    cs = claims_of("At least 600 North Korean soldiers have been killed and thousands wounded, "
                   "according to Lee Seong-kweun.", published=ID_PUB)
    assert [c.action for c in cs] == ["casualties_killed", "casualties_wounded"]
    assert cs[1].actor == "North Korea" and cs[1].value_low == 1000
    assert cs[1].attributed_to == ["Lee Seong-kweun"]


def test_subject_elided_across_sentences():
    text = ("Korea Utara mulai mengirim pasukan ke Rusia tahun lalu. Jumlahnya kini mencapai "
            "sekitar 14.000 tentara yang dikerahkan ke garis depan.")
    c = one(text, "troops_deployed", published=ID_PUB)
    assert c.actor == "North Korea"


# ---------------------------------------------------------------- periods
@pytest.mark.parametrize("tail, start, end", [
    ("pada 2024", "2024-01", "2024-12"),
    ("sepanjang tahun 2024", "2024-01", "2024-12"),
    ("sejak Februari 2022", "2022-02", None),
    ("sejak perang dimulai pada Februari 2022", "2022-02", None),
    ("antara Januari dan Maret 2025", "2025-01", "2025-03"),
    ("tahun lalu", "2024-01", "2024-12"),
    ("April lalu", "2025-04", "2025-04"),
])
def test_periods_indonesian(tail, start, end):
    c = one(f"Korea Utara mengirim 9 juta butir amunisi ke Rusia {tail}.", published=ID_PUB)
    assert (c.period_start, c.period_end) == (start, end)


@pytest.mark.parametrize("tail, start, end", [
    ("last year", "2024-01", "2024-12"),
    ("in 2023", "2023-01", "2023-12"),
    ("since February 2022", "2022-02", None),
    ("between January and March 2025", "2025-01", "2025-03"),
])
def test_periods_english(tail, start, end):
    c = one(f"North Korea sent 100 ballistic missiles to Russia {tail}.", published=ID_PUB)
    assert (c.period_start, c.period_end) == (start, end)


def test_a_date_of_saying_is_no_period():
    c = one("Korea Utara mengirim 2.000 tentara ke Rusia, kata pejabat Korea Selatan, Senin (9/6/2025).",
            published=ID_PUB)
    assert c.period_start is None and c.period_end is None


# ---------------------------------------------------------------- stance
@pytest.mark.parametrize("text, stance", [
    ("Korea Utara mengirim 1.000 tentara ke Rusia.", "asserted"),
    ("Korea Utara mengirim 1.000 tentara ke Rusia, menurut kantor berita Yonhap.", "reported"),
    ("Laporan terbaru menyebutkan bahwa Korea Utara mengirim 1.000 tentara ke Rusia.", "reported"),
    ("Korea Utara diduga mengirim 1.000 tentara ke Rusia.", "alleged"),
    ("Korea Utara dikabarkan mengirim 1.000 tentara ke Rusia.", "alleged"),
    ("Korea Utara diyakini telah mengirim 1.000 tentara ke Rusia.", "alleged"),
    ("Korea Utara mengonfirmasi telah mengirim 1.000 tentara ke Rusia.", "confirmed"),
    ("Korut mengaku telah menerjunkan ribuan pasukannya ke Kursk.", "confirmed"),
    ("AS dan Ukraina menuding Korut telah mengirim 1.000 tentara ke Rusia.", "alleged"),
    ("Korea Utara membantah mengirim 1.000 tentara ke Rusia.", "denied"),
    ("Korea Utara berjanji akan mengirim 1.000 tentara ke Rusia.", "planned"),
    ("Korea Utara berencana mengirim 1.000 tentara ke Rusia.", "planned"),
    ("North Korea sent 1,000 troops to Russia.", "asserted"),
    ("North Korea sent 1,000 troops to Russia, according to Reuters.", "reported"),
    ("North Korea reportedly sent 1,000 troops to Russia.", "alleged"),
    ("North Korea allegedly sent 1,000 troops to Russia.", "alleged"),
    ("North Korea confirmed it had sent 1,000 troops to Russia.", "confirmed"),
    ("North Korea denied that it sent 1,000 troops to Russia.", "denied"),
    ("North Korea plans to send 1,000 troops to Russia.", "planned"),
    ("North Korea will send 1,000 troops to Russia.", "planned"),
])
def test_stance(text, stance):
    assert one(text, published=ID_PUB).stance == stance


def test_claims_of_others_are_alleged_but_credited():
    c = one("Kunjungan ini terjadi di tengah klaim dari Amerika Serikat dan Ukraina, yang menyatakan "
            "bahwa Korea Utara telah mengirim ribuan tentara ke Rusia.", published=ID_PUB)
    assert c.stance == "alleged"
    assert c.attributed_to == ["United States", "Ukraine"]
    assert c.quote == "Korea Utara telah mengirim ribuan tentara ke Rusia"


def test_someone_else_confirming_is_a_source():
    c = one("The Pentagon confirmed that North Korea had sent 10,000 troops to Russia.", published=ID_PUB)
    assert c.stance == "reported" and c.actor == "North Korea"
    assert any("Pentagon" in n or "Defense" in n for n in c.attributed_to)


def test_estimates_are_approximate():
    c = one("Laporan itu memperkirakan Korea Utara telah mengerahkan 3.000 tentara ke Rusia.", published=ID_PUB)
    assert c.qualifier == "approx"


# ---------------------------------------------------------------- lists
def test_list_items_carry_header_actor_attribution_period():
    text = ("Menurut laporan MSMT yang dikutip Reuters, sepanjang 2024 Korea Utara telah memasok:\n"
            "- 9 juta butir amunisi artileri\n"
            "- 100 rudal balistik\n"
            "- lebih dari 11.000 tentara\n"
            "Laporan itu juga memperkirakan Pyongyang mengerahkan 3.000 tentara tambahan ke Rusia "
            "antara Januari dan Maret 2025.\n")
    cs = claims_of(text, published=ID_PUB)
    assert [c.action for c in cs] == ["munitions_supplied", "missiles_supplied", "troops_deployed",
                                      "troops_deployed"]
    for c in cs[:3]:
        assert c.actor == "North Korea"
        assert c.recipient == "Russia"  # where the article sends the same actor's transfers
        assert (c.period_start, c.period_end) == ("2024-01", "2024-12")
        assert c.attributed_to == ["Multilateral Sanctions Monitoring Team", "Reuters"]
        assert c.stance == "reported"
    assert [c.quote for c in cs[:3]] == ["9 juta butir amunisi artileri", "100 rudal balistik",
                                         "lebih dari 11.000 tentara"]
    later = cs[3]
    assert later.attributed_to[0] == "Multilateral Sanctions Monitoring Team"  # "laporan itu"
    assert later.qualifier == "approx" and (later.period_start, later.period_end) == ("2025-01", "2025-03")


def test_numbered_list_in_english():
    text = ("According to Ukraine's military intelligence, North Korea has supplied Russia with:\n"
            "1. 120 self-propelled howitzers\n"
            "2. 240 multiple rocket launchers\n")
    cs = claims_of(text, published=ID_PUB)
    assert [(c.action, c.value) for c in cs] == [("weapons_supplied", 120), ("weapons_supplied", 240)]
    assert all(c.actor == "North Korea" and c.recipient == "Russia" for c in cs)
    assert all(c.attributed_to and c.stance == "reported" for c in cs)


def test_a_list_with_a_verb_in_each_item():
    text = ("Hubungan militer Pyongyang dan Moskow makin erat sejak tahun lalu, menurut para pengamat.\n\n"
            "Dalam catatan kami, Korea Utara:\n"
            "• mengirim 1.000 tentara ke Kursk\n"
            "• menjanjikan 500 pekerja lagi\n")
    cs = claims_of(text, published=ID_PUB)
    assert [c.action for c in cs] == ["troops_deployed", "workers_sent"]
    assert cs[1].stance == "planned"


# ---------------------------------------------------------------- no claim
@pytest.mark.parametrize("text", [
    "Perang di Ukraina sudah berlangsung lebih dari 3 tahun.",
    "Jenis amunisi yang dikirim sebagian besar adalah kaliber 122 mm dan 152 mm.",
    "Bantuan itu bernilai sekitar 20 miliar dolar AS.",
    "Sekitar 30 persen amunisi itu tidak meledak.",
    "Kelompok itu terdiri atas AS, Jepang, Korea Selatan, dan delapan negara lainnya.",
    "Kim Jong Un, 41 tahun, memimpin sejak 2011.",
    "Resolusi 2397 Dewan Keamanan PBB melarang ekspor itu.",
    "The war entered its fourth year on 24 February 2025.",
    "North Korea has about 1.2 million active-duty troops and owns 6,000 tanks.",
    "The missiles flew 400 kilometres before landing in the sea.",
    "Sekitar pukul 10.30 WIB, rombongan tiba di Pyongyang.",
])
def test_no_claim(text):
    assert claims_of(text, published=ID_PUB) == []


# ---------------------------------------------------------------- captions, languages, quotes
def test_claims_in_captions_are_marked():
    text = ("Perang Ukraina Terus Berlanjut\n\n"
            "Foto: Sekitar 1.500 tentara Korea Utara diberangkatkan ke Rusia. (AFP)\n\n"
            "Isi berita ini tentang hal lain sama sekali, tentang pertemuan para menteri luar negeri di "
            "Jakarta yang membahas kerja sama ekonomi kawasan dan perdagangan.\n")
    a, cs, _, _ = read(text, published=ID_PUB)
    cs = [c for c in cs if c.action == "troops_deployed"]
    assert len(cs) == 1 and cs[0].in_caption


def test_languages_without_data_give_no_claims():
    a, cs, evs, cited = read("Korea Utara mengirim 1.000 tentara ke Rusia.", published=ID_PUB, lang="xx")
    assert cs == [] and evs == []


def test_quote_offsets_point_into_the_text():
    text = "JAKARTA - Sebanyak 1.000 tentara Korea Utara kembali dikirim ke Rusia pekan lalu, kata sumber."
    a, cs, _, _ = read(text, published=ID_PUB)
    from saksi.text.normalize import normalize

    t = normalize(text).text
    for c in cs:
        assert t[c.start:c.end] == c.quote


# ---------------------------------------------------------------- absurd input and speed
@pytest.mark.parametrize("text", [
    "Korea Utara mengirim 1e309 tentara ke Rusia.",
    "Korea Utara mengirim 999.999.999.999.999.999 tentara ke Rusia pada 31/2/2025.",
    "North Korea sent 10^400 shells on 31/2/2025 and NaN troops on 0/0/0000.",
    "“" * 500 + "Korea Utara mengirim 100 tentara",
    "- \n- \n:\n- 5\n:\n",
    "",
])
def test_absurd_input_never_crashes(text):
    a, cs, evs, cited = read(text, published=ID_PUB)
    for c in cs:
        assert c.value is None or c.value == c.value  # no NaN


def test_a_huge_sentence_stays_fast():
    text = "Korea Utara mengirim 1.000 tentara ke Rusia, menurut AFP, " * 3000
    t = time.perf_counter()
    read(text, published=ID_PUB)
    assert time.perf_counter() - t < 30


def test_a_new_language_needs_data_only(monkeypatch):
    """A language saksi has no code for works from its data files alone: here a made-up code whose
    files are the Indonesian ones plus two Malay words."""
    import copy

    from saksi import lang as langdata

    real = langdata.load

    code_ = "xq-claims"  # a code no other test uses: compiled data is cached per code

    def load(code, topic):
        if code != code_:
            return real(code, topic)
        data = copy.deepcopy(real("id", topic))
        if topic == "claims":
            data["objects"]["personnel"]["askar"] = "soldiers"
            data["verbs"]["send"].append("menghantar")
        return data

    monkeypatch.setattr(langdata, "load", load)
    from facts_helper import resources

    monkeypatch.setattr(resources(), "languages", resources().languages + (code_,))  # the pack is in use
    a, cs, evs, cited = read("Pyongyang menghantar 1.000 askar ke Kursk pada 2024, menurut KCNA.\n\n"
                             "Kim Jong Un bertemu Sergei Shoigu di Pyongyang pada Rabu (4/6/2025).",
                             published="2025-06-10", lang=code_)
    c = [c for c in cs if c.action != "other"]
    assert [(x.action, x.value, x.object) for x in c] == [("troops_deployed", 1000, "soldiers")]
    assert (c[0].actor, c[0].recipient, c[0].attributed_to) == ("North Korea", "Russia", ["KCNA"])
    assert (c[0].period_start, c[0].period_end) == ("2024-01", "2024-12")
    assert [(e.date, e.type) for e in evs] == [("2025-06-04", "meeting")]


def test_the_month_of_saying_is_no_period():
    cs = claims_of("About 600 North Korean soldiers have been killed, South Korea's spy agency said in April.",
                   published=ID_PUB)
    assert cs[0].period_start is None and cs[0].attributed_to == ["National Intelligence Service"]


def test_a_denial_in_another_clause_is_not_this_claims():
    c = one("Moscow denies receiving any weapons from Pyongyang, but Kyiv says at least 50 missiles were "
            "sent by North Korea.", published=ID_PUB)
    assert (c.action, c.stance, c.attributed_to) == ("missiles_supplied", "reported", ["Ukraine"])
    assert c.quote.startswith("Kyiv says")


def test_an_estimated_number_is_no_verb_of_saying():
    c = one("According to the South Korean military, Pyongyang has deployed an estimated 3,000 additional "
            "soldiers to Russia.", published=ID_PUB)
    assert (c.actor, c.recipient, c.qualifier) == ("North Korea", "Russia", "approx")
    assert c.attributed_to == ["South Korea"]


def test_a_plan_after_the_number():
    c = one("Tens of thousands of North Korean workers are expected to arrive in Russia this year.",
            published=ID_PUB)
    assert (c.action, c.stance, c.value_low) == ("workers_sent", "planned", 10000)


@pytest.mark.parametrize("text, actor, recipient", [
    ("Rusia mengirim 20 tank ke Ukraina.", "Russia", "Ukraine"),
    ("Russia sent 20 tanks to Belarus.", "Russia", "Belarus"),
])
def test_a_one_line_text_is_read_with_its_names(text, actor, recipient):
    # one line is taken for a title and leaves no body: the names in it still resolve
    (claim,) = claims_of(text)
    assert (claim.actor, claim.recipient, claim.value) == (actor, recipient, 20)
