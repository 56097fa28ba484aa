"""The Indonesian pack (data/lang/id/*.yaml): numbers, dates and periods, claims, attribution and stance.

Every sentence here is written for these tests, in the styles an Indonesian news reader meets: portal
copy with a dateline ("JAKARTA -"), translated agency text ("seperti dilansir ..."), tabloid and
slang headlines ("Korut kirim 5 ribu pasukan lagi"), bullet lists under a header, captions. They cover
North Korea's help to Russia as well as Iran's drones, Belarus and Western aid to Ukraine.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from facts_helper import claims_of, one_claim, read
from saksi.extract.dates import find_dates, find_periods
from saksi.extract.numbers import find_quantities, parse_number, spell

PUB = "2025-06-10"
REF = dt.date(2025, 6, 10)


def quantities(text: str):
    return [(q.text, q.value if q.value is not None else q.value_low, q.qualifier, q.kind)
            for q in find_quantities(text, "id")]


# ---------------------------------------------------------------- numbers
NUMBERS = [
    # digits: "." groups thousands, "," is the decimal mark before a multiplier
    ("Korut mengirim 10.000 tentara.", [("10.000", 10000, "exact", "count")]),
    ("Pyongyang memasok 1.500.000 peluru.", [("1.500.000", 1500000, "exact", "count")]),
    ("Mereka menembakkan 1,5 juta butir amunisi.", [("1,5 juta", 1500000, "exact", "count")]),
    ("Rusia menerima 12 juta butir peluru artileri.", [("12 juta", 12e6, "exact", "count")]),
    ("Sekitar 1,6 juta butir peluru artileri.", [("Sekitar 1,6 juta", 1.6e6, "approx", "count")]),
    ("Korea Utara disebut mengirim 10,000 tentara.", [("10,000", 10000, "exact", "count")]),
    ("10rb tentara dikerahkan.", [("10rb", 10000, "exact", "count")]),
    ("Korut kirim 3 rb tentara.", [("3 rb", 3000, "exact", "count")]),
    ("Pasukan 5jt orang hanya ilusi.", [("5jt", 5e6, "exact", "count")]),
    ("Jumlahnya 12 ribu tentara.", [("12 ribu", 12000, "exact", "count")]),
    # qualifiers before the number
    ("Sekitar 3.000 pekerja berangkat.", [("Sekitar 3.000", 3000, "approx", "count")]),
    ("Sekira 600 orang tewas.", [("Sekira 600", 600, "approx", "count")]),
    ("Kira-kira 40 howitzer dikirim.", [("Kira-kira 40", 40, "approx", "count")]),
    ("Kurang lebih 250 rudal ditembakkan.", [("Kurang lebih 250", 250, "approx", "count")]),
    ("Lebih kurang 700 orang luka-luka.", [("Lebih kurang 700", 700, "approx", "count")]),
    ("Diperkirakan 11.000 tentara terlibat.", [("Diperkirakan 11.000", 11000, "approx", "count")]),
    ("Ditaksir 8.000 tentara tewas.", [("Ditaksir 8.000", 8000, "approx", "count")]),
    ("Hampir 5 juta peluru dikirim.", [("Hampir 5 juta", 5e6, "approx", "count")]),
    ("Nyaris 1.000 penjinak ranjau berangkat.", [("Nyaris 1.000", 1000, "approx", "count")]),
    ("Lebih dari 20.000 kontainer melintasi perbatasan.", [("Lebih dari 20.000", 20000, "more_than", "count")]),
    ("Di atas 100 rudal balistik dikapalkan.", [("Di atas 100", 100, "more_than", "count")]),
    ("Melebihi 10.000 tentara berada di sana.", [("Melebihi 10.000", 10000, "more_than", "count")]),
    ("Setidaknya 600 prajurit gugur.", [("Setidaknya 600", 600, "at_least", "count")]),
    ("Sedikitnya 50 peluncur terlihat.", [("Sedikitnya 50", 50, "at_least", "count")]),
    ("Sekurang-kurangnya 20 tank akan dikirim.", [("Sekurang-kurangnya 20", 20, "at_least", "count")]),
    ("Paling sedikit 300 tentara terluka.", [("Paling sedikit 300", 300, "at_least", "count")]),
    ("Tak kurang dari 4.000 tentara dikerahkan.", [("Tak kurang dari 4.000", 4000, "at_least", "count")]),
    ("Hingga 30.000 tentara bisa menyusul.", [("Hingga 30.000", 30000, "up_to", "count")]),
    ("Sampai 12.000 prajurit dikirim.", [("Sampai 12.000", 12000, "up_to", "count")]),
    ("Maksimal 100 rudal disepakati.", [("Maksimal 100", 100, "up_to", "count")]),
    ("Tidak lebih dari 200 rudal tersisa.", [("Tidak lebih dari 200", 200, "up_to", "count")]),
    ("Kurang dari 100 perwira kembali.", [("Kurang dari 100", 100, "less_than", "count")]),
    ("Tidak sampai 500 tentara terluka.", [("Tidak sampai 500", 500, "less_than", "count")]),
    ("Sebanyak 1.500 tentara tiba.", [("Sebanyak 1.500", 1500, "exact", "count")]),
    ("Sejumlah 300 rudal dikirim.", [("Sejumlah 300", 300, "exact", "count")]),
    # qualifiers after the number
    ("Korut mengirim 10.000 lebih tentara.", [("10.000 lebih", 10000, "more_than", "count")]),
    ("Ada 1000an tentara di sana.", [("1000an", 1000, "approx", "count")]),
    # ranges
    ("Antara 10.000 dan 12.000 tentara berada di Kursk.", [("Antara 10.000 dan 12.000", 10000, "range", "count")]),
    ("Sekitar 10.000 sampai 12.000 prajurit ada di Rusia.",
     [("Sekitar 10.000 sampai 12.000", 10000, "range", "count")]),
    ("10.000-12.000 tentara dikerahkan.", [("10.000-12.000", 10000, "range", "count")]),
    ("Berkisar 3.000 hingga 5.000 pekerja.", [("Berkisar 3.000 hingga 5.000", 3000, "range", "count")]),
    ("Dari 25.000 hingga 30.000 tentara bisa menyusul.", [("Dari 25.000 hingga 30.000", 25000, "range", "count")]),
    # vague amounts with their floor
    ("Ribuan tentara dikirim.", [("Ribuan", 1000, "vague", "count")]),
    ("Puluhan ribu pekerja diharapkan tiba.", [("Puluhan ribu", 10000, "vague", "count")]),
    ("Ratusan drone diluncurkan.", [("Ratusan", 100, "vague", "count")]),
    ("Puluhan rudal menghantam Kyiv.", [("Puluhan", 10, "vague", "count")]),
    ("Jutaan peluru dikirim.", [("Jutaan", 1e6, "vague", "count")]),
    ("Belasan perwira tewas.", [("Belasan", 11, "vague", "count")]),
    ("Beberapa ribu tentara dikirim.", [("Beberapa ribu", 1000, "vague", "count")]),
    ("Ratusan ribu butir amunisi ditembakkan.", [("Ratusan ribu", 100000, "vague", "count")]),
    ("Lusinan tank hancur.", [("Lusinan", 12, "vague", "count")]),
    # number words
    ("Dua ratus tentara tewas.", [("Dua ratus", 200, "exact", "count")]),
    ("Tiga ribu pekerja tiba.", [("Tiga ribu", 3000, "exact", "count")]),
    ("Dua belas juta peluru dikirim.", [("Dua belas juta", 12e6, "exact", "count")]),
    ("Seratus dua puluh tank dihancurkan.", [("Seratus dua puluh", 120, "exact", "count")]),
    ("Dua puluh lima rudal ditembakkan.", [("Dua puluh lima", 25, "exact", "count")]),
    ("Seribu drone dibuat.", [("Seribu", 1000, "exact", "count")]),
    ("Sejuta peluru dikirim.", [("Sejuta", 1e6, "exact", "count")]),
    ("Sebelas drone ditembak jatuh.", [("Sebelas", 11, "exact", "count")]),
    ("Sembilan puluh sembilan tank terbakar.", [("Sembilan puluh sembilan", 99, "exact", "count")]),
    ("Satu setengah juta peluru dikirim.", [("Satu setengah juta", 1.5e6, "exact", "count")]),
    ("Setengah juta peluru dikirim.", [("Setengah juta", 5e5, "exact", "count")]),
    ("Seperempat juta tentara siaga.", [("Seperempat juta", 2.5e5, "exact", "count")]),
    ("Lima belas ribu tentara berangkat.", [("Lima belas ribu", 15000, "exact", "count")]),
    ("Enam ribu lima ratus pekerja tiba.", [("Enam ribu lima ratus", 6500, "exact", "count")]),
    # years, dates, times, percentages, money and measures are no counts
    ("Laporan tahun 2024 sudah terbit.", [("2024", 2024, "exact", "year")]),
    ("Pada 2023 mereka menandatangani perjanjian.", [("2023", 2023, "exact", "year")]),
    ("Sejak 2022 perang berkecamuk.", [("2022", 2022, "exact", "year")]),
    ("Hingga 2026 rencana itu selesai.", [("Hingga 2026", 2026, "up_to", "year")]),
    ("Era 1990-an berbeda.", [("1990-an", 1990, "exact", "year")]),
    ("Kim tiba pada 18 Juni 2024.", [("18 Juni 2024", None, "exact", "date")]),
    ("Mereka bertemu pukul 10.30 WIB.", [("10.30 WIB", None, "exact", "time")]),
    ("Rapat digelar pukul 09.00.", [("09.00", None, "exact", "time")]),
    ("Inflasi naik 6%.", [("6%", 6, "exact", "percent")]),
    ("Dukungan turun 12 persen.", [("12 persen", 12, "exact", "percent")]),
    ("Nilai kesepakatan Rp 5 triliun.", [("Rp 5 triliun", 5e12, "exact", "money")]),
    ("Korsel menjanjikan US$300 juta.", [("US$300 juta", 3e8, "exact", "money")]),
    ("Dana itu 2,5 miliar dolar AS.", [("2,5 miliar dolar AS", 2.5e9, "exact", "money")]),
    ("Harganya 500 juta rupiah.", [("500 juta rupiah", 5e8, "exact", "money")]),
    ("Jangkauannya 300 km.", [("300 km", 300, "exact", "measure")]),
    ("Beratnya 5 kg.", [("5 kg", 5, "exact", "measure")]),
    ("Kalibernya 152 mm.", [("152 mm", 152, "exact", "measure")]),
    ("Peluru 155mm dikirim.", [("155mm", 155, "exact", "measure")]),
    ("Perang berlangsung 3 tahun.", [("3 tahun", 3, "exact", "measure")]),
    ("Pembicaraan berlangsung 2 jam.", [("2 jam", 2, "exact", "measure")]),
    ("Bahan peledak seberat 74 ribu ton.", [("74 ribu ton", 74000, "exact", "measure")]),
    ("Dua kali lebih banyak tentara tiba.", [("Dua kali", 2, "exact", "measure")]),
    # identifiers and ordinals
    ("Resolusi 1718 diadopsi.", [("1718", 1718, "exact", "ordinal")]),
    ("Pasal 4 berlaku.", [("4", 4, "exact", "ordinal")]),
    ("Batalion ke-3 diserang.", [("3", 3, "exact", "ordinal")]),
    ("Dia yang pertama tiba.", [("pertama", 1, "exact", "ordinal")]),
    ("Konvoi kelima berangkat.", [("kelima", 5, "exact", "ordinal")]),
    # no amount at all
    ("Salah satu dari mereka tewas.", []),
    ("Mereka saling membantu satu sama lain.", []),
    ("Pesawat F-16 tiba.", []),
    ("Rudal KN-23 terbang.", []),
    ("Jerman mengirim 18 tank Leopard 2.", [("18", 18, "exact", "count")]),
]


@pytest.mark.parametrize("text, expected", NUMBERS, ids=[t[:40] for t, _ in NUMBERS])
def test_numbers(text, expected):
    assert quantities(text) == [(a, b if b is None else float(b), c, d) for a, b, c, d in expected]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_num2words_round_trip(n):
    assert parse_number(num2words(n, lang="id"), "id") == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_spell_round_trip(n):
    assert parse_number(spell(n, "id"), "id") == n


# ---------------------------------------------------------------- dates and periods
def periods(text):
    return [(p.period_start, p.period_end) for p in find_periods(text, "id", REF)]


PERIODS = [
    ("Korut mengirim 3.000 tentara pada 2024.", [("2024-01", "2024-12")]),
    ("Pasokan mengalir sepanjang tahun lalu.", [("2024-01", "2024-12")]),
    ("Tentara terus berdatangan sejak Februari 2022.", [("2022-02", None)]),
    ("Antara Januari dan Maret 2025 sekitar 3.000 tentara tiba.", [("2025-01", "2025-03")]),
    ("Sebanyak 3.000 tentara tiba pada Januari dan Februari 2025.", [("2025-01", "2025-02")]),
    ("Pengiriman berlangsung dari Maret hingga Mei.", [("2025-03", "2025-05")]),
    ("Jumlah korban tercatat per April.", [(None, "2025-04")]),
    ("Angka itu naik hingga akhir Maret 2025.", [(None, "2025-03")]),
    ("Hingga 30.000 tentara bisa tiba tahun ini.", [("2025-01", "2025-12")]),
    ("Lonjakan terjadi dalam tiga bulan terakhir.", [("2025-03", "2025-06")]),
    ("Mereka tiba pada akhir 2024.", [("2024-01", "2024-12")]),
    ("Sejak awal 2023 kereta terus berangkat.", [("2023-01", None)]),
    ("Pertemuan digelar pekan lalu.", [("2025-06", "2025-06")]),
    ("Perjanjian itu diteken dua tahun silam.", [("2023-01", "2023-12")]),
]


@pytest.mark.parametrize("text, expected", PERIODS, ids=[t[:40] for t, _ in PERIODS])
def test_periods(text, expected):
    assert periods(text) == expected


def test_dates_in_portal_copy():
    got = {d.text: d.value for d in find_dates(
        "Selasa (10/6/2025), Kemlu menerima laporan yang terbit 2 Juni 2025 dan memuat kunjungan 13 Sep 2023.",
        "id", REF)}
    assert got["Selasa (10/6/2025)"] == "2025-06-10"
    assert got["2 Juni 2025"] == "2025-06-02"
    assert got["13 Sep 2023"] == "2023-09-13"
    rel = {d.text: d.value for d in find_dates("Pejabat itu bertemu kemarin dan akan bertemu lagi pekan depan.",
                                                "id", REF)}
    assert rel["kemarin"] == "2025-06-09"


# ---------------------------------------------------------------- claims
def one(text: str, action: str | None = None, **kw):
    return one_claim(text, action, published=PUB, lang="id", **kw)


CLAIMS = [
    # (text, action, value, qualifier, actor, recipient)
    ("JAKARTA - Korea Utara telah mengirim sekitar 3.000 tentara tambahan ke Rusia, kata militer Korea Selatan.",
     "troops_deployed", 3000, "approx", "North Korea", "Russia"),
    ("Wah! Korut kirim 5 ribu pasukan lagi ke Rusia, netizen heboh", "troops_deployed", 5000, "exact",
     "North Korea", "Russia"),
    ("Sebanyak 1.500 tentara Korea Utara dikabarkan sudah tiba di Vladivostok pekan lalu.", "troops_deployed", 1500,
     "exact", "North Korea", "Russia"),
    ("Hadapi Ukraina, Korea Utara Kerahkan 12 Ribu Prajurit untuk Bantu Rusia", "troops_deployed", 12000, "exact",
     "North Korea", "Russia"),
    ("Korut lagi nyiapin 10.000 tentara plus personel teknis buat Rusia.", "troops_deployed", 10000, "exact",
     "North Korea", "Russia"),
    ("Pyongyang sudah memberangkatkan tiga jenderal ke Rusia.", "troops_deployed", 3, "exact", "North Korea",
     "Russia"),
    ("Iran memasok Rusia dengan lebih dari 2.000 drone Shahed sejak 2022, ujar pejabat AS.", "weapons_supplied",
     2000, "more_than", "Iran", "Russia"),
    ("Jerman akan mengirimkan 18 tank Leopard 2 ke Ukraina pada akhir Maret.", "weapons_supplied", 18, "exact",
     "Germany", "Ukraine"),
    ("AS menjanjikan 31 tank Abrams untuk Kyiv.", "weapons_supplied", 31, "exact", "United States", "Ukraine"),
    ("Belarus menyerahkan sekitar 60 tank T-72 kepada Rusia, menurut intelijen Ukraina.", "weapons_supplied", 60,
     "approx", "Belarus", "Russia"),
    ("Rusia mendapat kiriman 20 unit sistem roket peluncur ganda asal Korea Utara.", "weapons_supplied", 20,
     "exact", "North Korea", "Russia"),
    ("Korea Utara memasok Rusia dengan bahan peledak seberat lebih dari 74 ribu ton.", "munitions_supplied", 74000,
     "more_than", "North Korea", "Russia"),
    ("Pyongyang mengirimkan lebih dari 20.000 kontainer berisi senjata ke Rusia.", "munitions_supplied", 20000,
     "more_than", "North Korea", "Russia"),
    ("Data intelijen menunjukkan Pyongyang telah mengirimkan sekitar 13.000 kontainer amunisi ke Rusia.",
     "munitions_supplied", 13000, "approx", "North Korea", "Russia"),
    ("Korea Utara juga menyuplai Rusia jutaan senjata dan amunisi.", "munitions_supplied", 1_000_000, "vague",
     "North Korea", "Russia"),
    ("Uni Eropa berencana memasok satu juta butir amunisi artileri ke Ukraina dalam 12 bulan.",
     "munitions_supplied", 1_000_000, "exact", "European Union", "Ukraine"),
    ("Teheran diduga mengirim ratusan rudal balistik ke Moskow pada September lalu.", "missiles_supplied", 100,
     "vague", "Iran", "Russia"),
    ("Rusia telah menerima 200 rudal Fath-360 dari Iran.", "missiles_supplied", 200, "exact", "Iran", "Russia"),
    ("Korut akan mengirim 6.000 insinyur dan pekerja konstruksi militer ke Kursk.", "workers_sent", 6000, "exact",
     "North Korea", "Russia"),
    ("Pyongyang bakal mengirimkan 1.000 penjinak ranjau ke wilayah Kursk.", "workers_sent", 1000, "exact",
     "North Korea", "Russia"),
    # casualties
    ("Sekitar 600 tentara Korea Utara tewas di wilayah Kursk, kata anggota parlemen.", "casualties_killed", 600,
     "approx", "North Korea", None),
    ("Ratusan tentara Korea Utara dikabarkan tewas dalam serangan drone Ukraina.", "casualties_killed", 100,
     "vague", "North Korea", None),
    ("Rusia kehilangan sekitar 400 ribu tentara sepanjang 2024.", "casualties_total", 400000, "approx", "Russia",
     None),
    ("Sebanyak 4.700 tentara Korut menjadi korban, tewas atau terluka.", "casualties_total", 4700, "exact",
     "North Korea", None),
    ("Perkiraan awal pada April lalu menyebut 600 korban jiwa.", "casualties_killed", 600, "approx", None, None),
]


@pytest.mark.parametrize("text, action, value, qualifier, actor, recipient", CLAIMS, ids=[c[0][:40] for c in CLAIMS])
def test_claims(text, action, value, qualifier, actor, recipient):
    c = one(text, action)
    assert (c.value if c.value is not None else c.value_low) == value
    assert (c.qualifier, c.actor, c.recipient) == (qualifier, actor, recipient)
    assert c.quote and c.quote in text


def test_killed_and_wounded_in_one_sentence():
    cs = claims_of("Korea Selatan memperkirakan sekitar 100 tentara Korut tewas dan 1.000 lainnya luka-luka.",
                   published=PUB, lang="id")
    assert [(c.action, c.value) for c in cs] == [("casualties_killed", 100), ("casualties_wounded", 1000)]
    assert all(c.actor == "North Korea" and c.attributed_to == ["South Korea"] for c in cs)


def test_elided_part_of_the_claim_before():
    cs = claims_of("NIS meyakini Korut berencana menerjunkan tambahan 6.000 tentara dan teknisi, dan sekitar 1.000 "
                   "di antaranya sudah sampai di Rusia.", published=PUB, lang="id")
    assert [(c.action, c.value, c.stance) for c in cs] == [("troops_deployed", 6000, "planned"),
                                                         ("troops_deployed", 1000, "alleged")]


def test_bullet_list_under_a_header():
    text = ("Hubungan militer Pyongyang dan Moskow makin erat sejak tahun lalu, menurut para pengamat di Seoul.\n\n"
            "Bantuan militer Korut ke Rusia mencakup:\n"
            "- 12 juta butir peluru artileri\n"
            "- 250 rudal balistik\n\n"
            "Berikut rincian kiriman Korut ke Rusia:\n"
            "- 220 unit artileri swagerak\n"
            "- 100 tank\n")
    cs = claims_of(text, published=PUB, lang="id")
    assert [(c.action, c.value) for c in cs] == [("munitions_supplied", 12e6), ("missiles_supplied", 250),
                                                 ("weapons_supplied", 220), ("weapons_supplied", 100)]
    assert all(c.actor == "North Korea" and c.recipient == "Russia" for c in cs)


@pytest.mark.parametrize("text", [
    "Dua tentara Korea Utara ditangkap pasukan Ukraina di Kursk.",  # captured: other
    "Sebanyak 3.000 drone Shahed-136 buatan Iran telah ditembakkan ke Ukraina.",  # fired: other
    "Laporan tahun 2024 itu memuat 47 halaman lampiran.",
    "Inflasi di Rusia mencapai 9 persen tahun lalu.",
    "Pertemuan di Pyongyang berlangsung tiga jam.",
])
def test_no_counted_claim(text):
    assert claims_of(text, published=PUB, lang="id") == []


# ---------------------------------------------------------------- attribution and stance
STANCES = [
    # (text, action, attributed_to contains, stance)
    ("Korea Utara telah mengirim 15.000 tentara ke Rusia.", "troops_deployed", [], "asserted"),
    ("Korea Utara telah mengirim 15.000 tentara ke Rusia, kata Pentagon.", "troops_deployed", ["Pentagon"],
     "reported"),
    ("Menurut Yonhap, Pyongyang mengirim 1.000 tentara lagi ke Kursk.", "troops_deployed", ["Yonhap"], "reported"),
    ("Minggu lalu, Korea Utara memberangkatkan 3.000 tentara ke Rusia, demikian diumumkan Amerika Serikat.",
     "troops_deployed", ["United States"], "reported"),
    ("Kalo versi Korsel, total pasukan yang bakal diberangkatin jumlahnya 12 ribu tentara.", "troops_deployed",
     ["South Korea"], "planned"),
    ("Berdasarkan informasi yang dikantongi intelijen Ukraina, Rusia mendapat kiriman 50 unit howitzer dari Korut.",
     "weapons_supplied", ["Ukrainian intelligence"], "reported"),
    ("Korea Utara dilaporkan telah mengirim 3.000 tentara ke Rusia.", "troops_deployed", [], "alleged"),
    ("Korea Utara diduga mengirim 3.000 tentara ke Rusia.", "troops_deployed", [], "alleged"),
    ("NIS meyakini sekitar 2.000 tentara Korut telah gugur.", "casualties_killed", ["National Intelligence Service"],
     "alleged"),
    ("Korea Utara kemungkinan telah memasok lebih dari satu juta butir amunisi ke Rusia, menurut laporan Reuters.",
     "munitions_supplied", ["Reuters"], "alleged"),
    ("Korut bisa mengirim hingga 100.000 tentara ke Rusia, ujar seorang analis.", "troops_deployed", [], "planned"),
    ("Korea Utara berencana mengirim 6.000 pekerja konstruksi ke Kursk.", "workers_sent", [], "planned"),
    ("Gelombang berikutnya yang berisi 5.000 tentara dijadwalkan tiba di Rusia bulan depan.", "troops_deployed", [],
     "planned"),
    ("Korea Utara untuk pertama kalinya mengkonfirmasi telah mengirimkan ribuan pasukan ke Rusia.",
     "troops_deployed", [], "confirmed"),
    ("Rusia membantah kabar bahwa ribuan tentara Korea Utara bakal diberangkatkan ke negeri itu.", "troops_deployed",
     ["Russia"], "denied"),
    ("Kremlin menepis laporan bahwa 10.000 tentara Korut sudah tiba di Rusia.", "troops_deployed", [], "denied"),
]


@pytest.mark.parametrize("text, action, sources, stance", STANCES, ids=[s[0][:40] for s in STANCES])
def test_attribution_and_stance(text, action, sources, stance):
    c = one(text, action)
    assert c.stance == stance
    for s in sources:
        assert s in c.attributed_to


def test_report_named_earlier_is_pointed_back_to():
    text = ("Tim Pemantau Sanksi Multilateral (MSMT) merilis laporan keduanya pada Kamis. "
            "Laporan itu menyebutkan Korea Utara telah mengirim 9 juta butir peluru artileri ke Rusia.")
    c = one(text, "munitions_supplied")
    assert c.attributed_to and c.attributed_to[0] == "Multilateral Sanctions Monitoring Team"
    assert c.stance == "reported"


def test_anaphoric_speech_cue():
    text = ("Menteri Pertahanan Ukraina Rustem Umerov berbicara kepada wartawan di Kyiv. "
            "Korea Utara sudah mengirim 11.000 tentara ke Rusia, ujarnya.")
    c = one(text, "troops_deployed")
    assert c.attributed_to == ["Rustem Umerov"] and c.stance == "reported"


# ---------------------------------------------------------------- page furniture
def test_indonesian_page_furniture_is_removed():
    text = ("Korut Kirim Ribuan Tentara Lagi ke Rusia\n\n"
            "Penulis: Budi Santoso | Editor: Rina Wati\n\n"
            "JAKARTA - Korea Utara telah mengirim sekitar 3.000 tentara tambahan ke Rusia, kata Kepala Staf "
            "Gabungan Korea Selatan, Kamis.\n\n"
            "Baca Juga: Kim dan Putin Teken Pakta Pertahanan\n\n"
            "Pasukan itu tiba pada Januari dan Februari, menurut militer Korea Selatan.\n\n"
            "Simak berita dan artikel lainnya di Google News\n\n"
            "Bagikan artikel\n\n"
            "Hak Cipta © 2025 Contoh Media. Dilindungi Undang-undang.")
    article, claims, _, _ = read(text, published=PUB)
    assert article.language == "id"
    assert "Baca Juga" not in article.body and "Google News" not in article.body
    assert "Hak Cipta" not in article.body and "Bagikan" not in article.body
    assert any(c.action == "troops_deployed" and c.value == 3000 for c in claims)


# ---------------------------------------------------------------- aid and arms vocabulary
AID_AND_ARMS = [
    # (text, action, value, actor, recipient): portal copy, agency text, live reports
    ("Jerman akan mengirim 14 tank Leopard 2A6 ke Ukraina, kata Kementerian Pertahanan Jerman.",
     "weapons_supplied", 14, "Germany", "Ukraine"),
    ("Belanda menghibahkan 18 howitzer swagerak kepada Kyiv.", "weapons_supplied", 18, "Netherlands", "Ukraine"),
    ("Amerika Serikat menyumbangkan 31 tank Abrams untuk Ukraina.", "weapons_supplied", 31, "United States", "Ukraine"),
    ("Inggris telah menyerahkan 14 tank Challenger 2 kepada Ukraina, menurut Kementerian Pertahanan Inggris.",
     "weapons_supplied", 14, "United Kingdom", "Ukraine"),
    ("Norwegia akan memasok dua baterai NASAMS ke Kyiv.", "weapons_supplied", 2, "Norway", "Ukraine"),
    ("Belgia menjanjikan 30 jet tempur F-16 untuk Ukraina hingga 2028.", "weapons_supplied", 30, "Belgium", "Ukraine"),
    ("Rusia membeli 2.400 drone Shahed dari Iran, menurut intelijen AS.", "weapons_supplied", 2400, "Iran", "Russia"),
    ("Rusia diduga memperoleh ratusan rudal balistik Fath-360 dari Iran.", "missiles_supplied", 100, "Iran", "Russia"),
    ("Kanada mendonasikan 39 kendaraan angkut personel lapis baja ke Ukraina.", "weapons_supplied", 39, "Canada",
     "Ukraine"),
    ("Estonia menjanjikan 10.000 butir peluru artileri 155 mm kepada Kyiv.", "munitions_supplied", 10000, "Estonia",
     "Ukraine"),
    ("Jerman menyerahkan 40 kendaraan tempur infanteri Marder ke Ukraina.", "weapons_supplied", 40, "Germany",
     "Ukraine"),
    ("Jerman memasok Ukraina dengan 10 rudal pencegat Patriot tambahan.", "missiles_supplied", 10, "Germany",
     "Ukraine"),
    ("Swedia bakal mengirim 14 jet tempur Gripen ke Ukraina.", "weapons_supplied", 14, "Sweden", "Ukraine"),
    ("Ukraina menerima 18 unit Caesar dari Prancis, Kementerian Pertahanan Ukraina mengonfirmasi.",
     "weapons_supplied", 18, "France", "Ukraine"),
    ("Ukraina mendapat hibah 50 kendaraan lapis baja dari Australia.", "weapons_supplied", 50, "Australia", "Ukraine"),
    ("Kanada menyumbang 2 juta butir amunisi senjata ringan untuk Ukraina.", "munitions_supplied", 2_000_000,
     "Canada", "Ukraine"),
    ("Rusia kehilangan 1.330 tentara dalam sehari terakhir, klaim Staf Umum Angkatan Bersenjata Ukraina.",
     "casualties_total", 1330, "Russia", None),
    ("Sekitar 300 tentara Rusia tewas, terluka, atau hilang dalam serangan itu, kata Kyiv.",
     "casualties_total", 300, "Russia", None),
]


@pytest.mark.parametrize("text, action, value, actor, recipient", AID_AND_ARMS, ids=[c[0][:40] for c in AID_AND_ARMS])
def test_aid_and_arms_vocabulary(text, action, value, actor, recipient):
    c = one(text, action)
    assert (c.value if c.value is not None else c.value_low) == value
    assert (c.actor, c.recipient) == (actor, recipient)
