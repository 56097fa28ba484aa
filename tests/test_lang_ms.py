"""The Malay (ms) language pack: numbers, dates and periods, claims, attribution, stance, page
cleaning and telling Malay from Indonesian.

Every sentence below is written for these tests in the styles Malay news uses (Bernama wire copy,
portal and tabloid copy, live blogs, bullet lists under a header, headlines, captions, translated
agency text); none is copied from an article.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facts_helper import claims_of, one_claim, read
from saksi.extract.dates import find_dates, find_periods, latest_explicit_date, parse_date_line
from saksi.extract.numbers import find_quantities, parse_number, spell
from numbers_helper import R, V, summary

PUB = "2025-06-15"
REF = dt.date(2025, 6, 15)


def counts(text):
    """(value, qualifier) of every count in the text."""
    return [(summary(q), q.qualifier) for q in find_quantities(text, "ms") if q.kind == "count"]


def kinds(text):
    return [(q.text, q.kind) for q in find_quantities(text, "ms")]


# =========================================================================== numbers
NUMBER_CASES = [
    # digits: Malaysian style groups with commas and writes the decimal with a point
    ("10,000 askar", [(10000, "exact")]),
    ("1,200,000 butir peluru", [(1200000, "exact")]),
    ("10.000 askar", [(10000, "exact")]),  # Singapore/Indonesian-style grouping is read too
    ("1.5 juta butir peluru", [(1500000, "exact")]),
    ("1,5 juta butir peluru", [(1500000, "exact")]),
    ("2.5 bilion", [(2500000000, "exact")]),
    ("0.5 juta askar", [(500000, "exact")]),
    ("12 ribu tentera", [(12000, "exact")]),
    ("11 ribu", [(11000, "exact")]),
    ("3 juta peluru", [(3000000, "exact")]),
    ("2 juta 500 ribu", [(2500000, "exact")]),
    ("300 ribu", [(300000, "exact")]),
    ("1 trilion", [(1000000000000, "exact")]),
    ("4.7 ribu", [(4700, "exact")]),
    # number words
    ("satu", [(1, "exact")]),
    ("dua", [(2, "exact")]),
    ("lapan", [(8, "exact")]),
    ("delapan", [(8, "exact")]),
    ("sembilan jurutera", [(9, "exact")]),
    ("sepuluh", [(10, "exact")]),
    ("sebelas", [(11, "exact")]),
    ("dua belas", [(12, "exact")]),
    ("sembilan belas", [(19, "exact")]),
    ("dua puluh", [(20, "exact")]),
    ("lapan puluh", [(80, "exact")]),
    ("dua puluh satu", [(21, "exact")]),
    ("seratus", [(100, "exact")]),
    ("seratus dua puluh tiga", [(123, "exact")]),
    ("dua ratus lima puluh askar", [(250, "exact")]),
    ("seribu", [(1000, "exact")]),
    ("tiga ribu tentera", [(3000, "exact")]),
    ("sepuluh ribu", [(10000, "exact")]),
    ("dua belas ribu", [(12000, "exact")]),
    ("seratus ribu", [(100000, "exact")]),
    ("sejuta", [(1000000, "exact")]),
    ("satu juta", [(1000000, "exact")]),
    ("dua juta lima ratus ribu", [(2500000, "exact")]),
    ("satu setengah juta", [(1500000, "exact")]),
    ("satu bilion", [(1000000000, "exact")]),
    ("dua dozen", [(24, "exact")]),
    ("sedozen", [(12, "exact")]),
    # vague amounts: value unknown, the floor kept
    ("ribuan askar", [(V(1000), "vague")]),
    ("beribu-ribu tentera", [(V(1000), "vague")]),
    ("puluhan askar", [(V(10), "vague")]),
    ("berpuluh-puluh askar", [(V(10), "vague")]),
    ("belasan askar", [(V(11), "vague")]),
    ("ratusan peluru berpandu", [(V(100), "vague")]),
    ("beratus-ratus dron", [(V(100), "vague")]),
    ("puluhan ribu kontena", [(V(10000), "vague")]),
    ("berpuluh ribu askar", [(V(10000), "vague")]),
    ("ratusan ribu butir peluru", [(V(100000), "vague")]),
    ("jutaan butir peluru", [(V(1000000), "vague")]),
    ("berjuta-juta butir peluru", [(V(1000000), "vague")]),
    ("beberapa ribu askar", [(V(1000), "vague")]),
    ("beberapa juta peluru", [(V(1000000), "vague")]),
    ("berbilion ringgit", []),
    ("beberapa askar", []),
    # qualifiers before the number
    ("kira-kira 3,000 askar", [(3000, "approx")]),
    ("sekitar 1,000", [(1000, "approx")]),
    ("lebih kurang 500", [(500, "approx")]),
    ("anggaran 11,000 tentera", [(11000, "approx")]),
    ("dianggarkan 2,000 askar", [(2000, "approx")]),
    ("dalam lingkungan 500 askar", [(500, "approx")]),
    ("hampir 2,000", [(2000, "approx")]),
    ("hampir mencecah 5,000", [(5000, "approx")]),
    ("lebih 1,000 askar", [(1000, "more_than")]),
    ("lebih daripada 1,000", [(1000, "more_than")]),
    ("melebihi 12,000 tentera", [(12000, "more_than")]),
    ("sekurang-kurangnya 600", [(600, "at_least")]),
    ("sekurangnya 600", [(600, "at_least")]),
    ("tidak kurang daripada 50", [(50, "at_least")]),
    ("paling kurang 20", [(20, "at_least")]),
    ("sehingga 12,000 tentera", [(12000, "up_to")]),
    ("hingga 8,000", [(8000, "up_to")]),
    ("mencecah 15,000", [(15000, "up_to")]),
    ("maksimum 300", [(300, "up_to")]),
    ("tidak lebih daripada 200", [(200, "up_to")]),
    ("kurang daripada 500", [(500, "less_than")]),
    ("di bawah 100", [(100, "less_than")]),
    ("seramai 1,500 anggota", [(1500, "exact")]),
    ("sebanyak 9 juta butir peluru", [(9000000, "exact")]),
    ("sejumlah 600 askar", [(600, "exact")]),
    ("seramai 2000 askar", [(2000, "exact")]),  # a qualifier of counts: no year
    ("sekitar 2000 askar", [(2000, "approx")]),
    ("lebih dua dozen pemimpin", [(24, "more_than")]),
    # qualifiers after the number
    ("10,000 lebih askar", [(10000, "more_than")]),
    ("10,000+ askar", [(10000, "more_than")]),
    ("1,000 ke atas", [(1000, "at_least")]),
    ("5,000 atau lebih", [(5000, "at_least")]),
    ("tiga kali lebih besar", []),
    # ranges
    ("10,000 hingga 12,000 tentera", [(R(10000, 12000), "range")]),
    ("10,000 sehingga 12,000 tentera", [(R(10000, 12000), "range")]),
    ("antara 10,000 dan 12,000", [(R(10000, 12000), "range")]),
    ("antara 10,000 hingga 12,000 askar", [(R(10000, 12000), "range")]),
    ("dari 5,000 hingga 7,000", [(R(5000, 7000), "range")]),
    ("daripada 5,000 kepada 7,000", [(R(5000, 7000), "range")]),
    ("10 hingga 12 ribu", [(R(10000, 12000), "range")]),
    ("3-5 juta butir peluru", [(R(3000000, 5000000), "range")]),
    ("11,000–12,000 askar", [(R(11000, 12000), "range")]),
    ("dalam lingkungan 10,000 hingga 12,000 askar", [(R(10000, 12000), "range")]),
    ("tiga hingga empat ribu", [(R(3000, 4000), "range")]),
]


@pytest.mark.parametrize("text, expected", NUMBER_CASES)
def test_counts(text, expected):
    assert counts(text) == expected


KIND_CASES = [
    ("20 peratus", [("20 peratus", "percent")]),
    ("40% kadar korban", [("40%", "percent")]),
    ("RM5 bilion", [("RM5 bilion", "money")]),
    ("RM2.5b", [("RM2.5b", "money")]),
    ("US$500 juta", [("US$500 juta", "money")]),
    ("5 bilion ringgit", [("5 bilion ringgit", "money")]),
    ("20 bilion dolar AS", [("20 bilion dolar AS", "money")]),
    ("152 mm", [("152 mm", "measure")]),
    ("152mm", [("152mm", "measure")]),
    ("300 km", [("300 km", "measure")]),
    ("3 tahun", [("3 tahun", "measure")]),
    ("tiga kali", [("tiga kali", "measure")]),
    ("50 tan", [("50 tan", "measure")]),
    ("pada 2024", [("2024", "year")]),
    ("sejak 2022", [("2022", "year")]),
    ("sehingga 2026", [("sehingga 2026", "year")]),
    ("tahun 1990-an", [("1990-an", "year")]),
    ("2000 askar", [("2000", "year")]),  # a bare year-shaped number is a year
    ("pukul 10.00 pagi", [("10.00 pagi", "time")]),
    ("jam 3 petang", [("3 petang", "time")]),
    ("12 Jun 2025", [("12 Jun 2025", "date")]),
    ("pada 12 Jun lalu", [("12 Jun lalu", "date")]),
    ("3 Ogos 2024", [("3 Ogos 2024", "date")]),
    ("Resolusi 1718", [("1718", "ordinal")]),
    ("Perkara 4", [("4", "ordinal")]),
    ("nombor 7", [("7", "ordinal")]),
    ("ke-3", [("3", "ordinal")]),
    ("kedua", [("kedua", "ordinal")]),
    ("kelapan", [("kelapan", "ordinal")]),
    ("KN-23", []),
    ("F-16", []),
    ("Su-27", []),
    ("salah seorang askar", []),
    ("salah satu negara", []),
    ("kedua-dua negara", []),
    ("satu sama lain", []),
    ("24/7", [("24", "measure")]),
]


@pytest.mark.parametrize("text, expected", KIND_CASES)
def test_kinds(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("n, words", [
    (0, "sifar"), (8, "lapan"), (11, "sebelas"), (12, "dua belas"), (18, "lapan belas"), (20, "dua puluh"),
    (100, "seratus"), (118, "seratus lapan belas"), (1000, "seribu"), (2025, "dua ribu dua puluh lima"),
    (1_000_000, "sejuta"), (1_500_000, "sejuta lima ratus ribu"), (3_000_000_000, "tiga bilion"),
])
def test_spell(n, words):
    assert spell(n, "ms") == words


PROPS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(n=st.integers(min_value=0, max_value=10**12 - 1))
def test_spelled_numbers_parse_back(n):
    words = spell(n, "ms")
    assert parse_number(words, "ms") == n, words


@PROPS
@given(n=st.integers(min_value=1, max_value=10**12 - 1), group=st.sampled_from([",", "."]),
       qualifier=st.sampled_from(["", "kira-kira ", "lebih daripada ", "seramai "]))
def test_digits_parse_back(n, group, qualifier):
    digits = f"{n:,}".replace(",", group)
    qs = [q for q in find_quantities(f"{qualifier}{digits} askar", "ms") if q.kind == "count"]
    assert len(qs) == 1 and qs[0].value == n  # "1,800" is grouped: a count, never a year


# =========================================================================== dates and periods
DATE_CASES = [
    ("Putin tiba di Pyongyang pada 19 Jun 2024.", [("19 Jun 2024", "2024-06-19")]),
    ("Kenyataan itu dikeluarkan pada Khamis (12/6/2025).", [("Khamis (12/6/2025)", "2025-06-12")]),
    ("Isnin, 2 Jun 2025 – KCNA melaporkan", [("Isnin, 2 Jun 2025", "2025-06-02")]),
    ("Mesyuarat itu pada 3 Ogo 2024 dan 12 Dis 2024.", [("3 Ogo 2024", "2024-08-03"), ("12 Dis 2024", "2024-12-12")]),
    ("Tarikh akhir ialah 29-11-2024.", [("29-11-2024", "2024-11-29")]),
    ("Perjanjian itu ditandatangani pada 12 Jun lalu.", [("12 Jun lalu", "2025-06-12")]),
    ("Kim berucap pada Khamis.", [("Khamis", "2025-06-12")]),
    ("Kim berucap Jumaat lalu.", [("Jumaat lalu", "2025-06-13")]),
    ("Ramai hadir untuk solat Jumaat.", []),
    ("Serangan itu berlaku semalam.", [("semalam", "2025-06-14")]),
    ("Kenyataan itu dibuat kelmarin.", [("kelmarin", "2025-06-13")]),
    ("Askar itu tiba pada Mac.", [("Mac", "2025-03")]),
    ("Rundingan diadakan Oktober lalu.", [("Oktober lalu", "2024-10")]),
    ("Latihan dijadual pada Julai depan.", [("Julai depan", "2025-07")]),
    ("Laporan itu keluar bulan lepas.", [("bulan lepas", "2025-05")]),
    ("Perjanjian itu dimeterai tahun lepas.", [("tahun lepas", "2024")]),
    ("Mereka tiba dua tahun lalu.", [("dua tahun lalu", "2023")]),
    ("Serangan itu berlaku pada Ogos 2023.", [("Ogos 2023", "2023-08")]),
]


@pytest.mark.parametrize("text, expected", DATE_CASES)
def test_dates(text, expected):
    assert [(d.text, d.value) for d in find_dates(text, "ms", REF)] == expected


PERIOD_CASES = [
    ("sepanjang 2024", ("2024-01", "2024-12")),
    ("pada tahun 2023", ("2023-01", "2023-12")),
    ("sejak Februari 2022", ("2022-02", None)),
    ("sejak perang bermula pada Februari 2022", ("2022-02", None)),
    ("antara Januari dan Mac 2025", ("2025-01", "2025-03")),
    ("dari Januari hingga Mac 2025", ("2025-01", "2025-03")),
    ("Januari–Mac 2025", ("2025-01", "2025-03")),
    ("pada Januari dan Februari", ("2025-01", "2025-02")),
    ("sehingga Mac 2025", (None, "2025-03")),
    ("setakat April", (None, "2025-04")),
    ("tahun lepas", ("2024-01", "2024-12")),
    ("sepanjang tahun lalu", ("2024-01", "2024-12")),
    ("tahun ini", ("2025-01", "2025-12")),
    ("bulan lalu", ("2025-05", "2025-05")),
    ("Mei lalu", ("2025-05", "2025-05")),
    ("dalam dua tahun terakhir", ("2023-06", "2025-06")),
    ("sejak tahun lepas", ("2024-01", None)),
    ("pada 2023 dan 2024", ("2023-01", "2024-12")),
    ("2022-2024", ("2022-01", "2024-12")),
]


@pytest.mark.parametrize("text, expected", PERIOD_CASES)
def test_periods(text, expected):
    ps = find_periods(text, "ms", REF)
    assert ps and (ps[0].period_start, ps[0].period_end) == expected, [(p.text, p.period_start, p.period_end) for p in ps]


@pytest.mark.parametrize("line, expected", [
    ("Dikemas kini: 12 Jun 2025, 10:15 pagi", "2025-06-12"),
    ("Khamis, 12 Jun 2025 | 3:45 petang", "2025-06-12"),
    ("Diterbitkan pada: 12/06/2025 14:05 MYT", "2025-06-12"),
    ("Jumaat, 13 Jun 2025 @ 8:00 malam", "2025-06-13"),
    ("Askar Korea Utara tiba pada 12 Jun 2025", None),
])
def test_date_lines(line, expected):
    assert parse_date_line(line, "ms") == expected


def test_latest_explicit_date():
    assert latest_explicit_date("Pada 3 Mac 2024 dan sekali lagi pada 12 Jun 2025, Kim berucap.", "ms") == "2025-06-12"


# =========================================================================== claims
def ms_claims(text, **kw):
    kw.setdefault("published", PUB)
    return claims_of(text, lang="ms", **kw)


def one(text, action=None, **kw):
    kw.setdefault("published", PUB)
    return one_claim(text, action, lang="ms", **kw)


@pytest.mark.parametrize("text, action, value, actor, recipient", [
    # Bernama wire copy
    ("SEOUL, 12 Jun (Bernama) -- Korea Utara telah menghantar kira-kira 3,000 askar tambahan ke Rusia, kata "
     "Kementerian Pertahanan Korea Selatan.", "troops_deployed", 3000, "North Korea", "Russia"),
    ("Pyongyang membekalkan 1.5 juta butir peluru artileri kepada Moscow untuk perang di Ukraine.",
     "munitions_supplied", 1_500_000, "North Korea", "Russia"),
    ("Rusia menerima 120 peluru berpandu balistik dari Korea Utara sepanjang musim sejuk.",
     "missiles_supplied", 120, "North Korea", "Russia"),
    ("Seramai 250 howitzer gerak sendiri buatan Korea Utara dihantar ke Rusia dengan kereta api.",
     "weapons_supplied", 250, "North Korea", "Russia"),
    ("Kira-kira 400 askar Rusia terbunuh dalam serangan berhampiran Pokrovsk.",
     "casualties_killed", 400, "Russia", None),
    ("Ukraine kehilangan lebih daripada 1,000 askar dalam seminggu, menurut data tersebut.",
     "casualties_total", 1000, "Ukraine", None),
    ("Kerajaan Kim Jong Un berjanji menghantar 5,000 pekerja binaan ke wilayah Kursk.",
     "workers_sent", 5000, "North Korea", "Russia"),
    # other states' transfers
    ("Iran telah membekalkan lebih 400 dron Shahed kepada Rusia, dakwa Kyiv.",
     "weapons_supplied", 400, "Iran", "Russia"),
    ("Amerika Syarikat akan menghantar 31 kereta kebal Abrams ke Ukraine, kata Rumah Putih.",
     "weapons_supplied", 31, "United States", "Ukraine"),
    ("Jerman menyerahkan tiga sistem pertahanan udara Patriot kepada Ukraine tahun lalu.",
     "weapons_supplied", 3, "Germany", "Ukraine"),
    ("Belarus dilaporkan menempatkan ribuan tentera di sempadan.", "troops_deployed", None, "Belarus", None),
    ("Jepun berikrar memberikan 100 kenderaan tentera kepada Ukraine menjelang akhir tahun.",
     "weapons_supplied", 100, "Japan", "Ukraine"),
    ("Britain membekalkan 14 kereta kebal Challenger 2 kepada Kyiv.", "weapons_supplied", 14, "United Kingdom",
     "Ukraine"),
    ("Perancis akan menghantar 6 jet pejuang Mirage ke Ukraine.", "weapons_supplied", 6, "France", "Ukraine"),
    # tabloid and portal copy
    ("GEMPAR! Pyongyang hantar 2,000 lagi askar bantu Moscow", "troops_deployed", 2000, "North Korea", "Russia"),
    ("Korea Utara dipercayai telah membekalkan puluhan ribu kontena peluru kepada Rusia.",
     "munitions_supplied", None, "North Korea", "Russia"),
    ("Lebih 600 askar Korea Utara maut di medan perang Kursk.", "casualties_killed", 600, "North Korea", None),
    ("Seramai 4,700 askar Korea Utara menjadi korban dalam pertempuran itu.", "casualties_total", 4700,
     "North Korea", None),
    ("Sejumlah 300 anggota tentera Korea Utara tercedera dalam serangan dron.", "casualties_wounded", 300,
     "North Korea", None),
    # headlines and captions
    ("EKSKLUSIF: 5,000 jurutera tentera Korea Utara akan dihantar ke Kursk", "workers_sent", 5000, "North Korea",
     "Russia"),
    ("Rusia terima 50 peluru berpandu Fateh-110 dari Iran", "missiles_supplied", 50, "Iran", "Russia"),
    # a weapon's make between the number and what it counts
    ("Israel telah menerima lebih 14,000 bom MK-84 dari Amerika Syarikat sejak Oktober 2023.",
     "munitions_supplied", 14000, "United States", "Israel"),
    # soldiers of one state in another
    ("Kira-kira 11,000 askar Korea Utara berada di wilayah Kursk, Rusia.", "troops_deployed", 11000,
     "North Korea", "Russia"),
])
def test_claims(text, action, value, actor, recipient):
    c = one(text, action)
    if value is None:
        assert c.value is None and c.qualifier == "vague"
    else:
        assert c.value == value
    assert c.actor == actor
    assert c.recipient == recipient


@pytest.mark.parametrize("text, qualifier", [
    ("Korea Utara menghantar kira-kira 3,000 askar ke Rusia.", "approx"),
    ("Korea Utara menghantar lebih 3,000 askar ke Rusia.", "more_than"),
    ("Korea Utara menghantar sekurang-kurangnya 3,000 askar ke Rusia.", "at_least"),
    ("Korea Utara mungkin menghantar sehingga 3,000 askar ke Rusia.", "up_to"),
    ("Korea Utara menghantar hampir 3,000 askar ke Rusia.", "approx"),
    ("Korea Utara menghantar kurang daripada 3,000 askar ke Rusia.", "less_than"),
    ("Korea Utara menghantar antara 3,000 hingga 5,000 askar ke Rusia.", "range"),
    ("Korea Utara menghantar beribu-ribu askar ke Rusia.", "vague"),
    ("Laporan itu menganggarkan Korea Utara menghantar 3,000 askar ke Rusia.", "approx"),
    ("Korea Utara menghantar seramai 3,000 askar ke Rusia.", "exact"),
])
def test_qualifiers_in_claims(text, qualifier):
    assert one(text).qualifier == qualifier


def test_several_claims_in_one_sentence():
    cs = ms_claims("Menurut perisikan Korea Selatan, sekurang-kurangnya 600 askar Korea Utara terbunuh dan "
                   "4,100 lagi cedera di Kursk.")
    assert [(c.action, c.value, c.qualifier) for c in cs] == [("casualties_killed", 600, "at_least"),
                                                             ("casualties_wounded", 4100, "exact")]
    assert all(c.actor == "North Korea" and c.recipient is None for c in cs)
    cs = ms_claims("Agensi Perisikan Negara Korea Selatan menganggarkan kira-kira 2,000 askar Korea Utara maut "
                   "manakala 2,700 lagi tercedera.")
    assert [(c.action, c.value) for c in cs] == [("casualties_killed", 2000), ("casualties_wounded", 2700)]
    cs = ms_claims("Sejumlah 600 askar Korea Utara terbunuh, manakala ribuan yang lain cedera.")
    assert [(c.action, c.value, c.value_low) for c in cs] == [("casualties_killed", 600, None),
                                                             ("casualties_wounded", None, 1000)]
    cs = ms_claims("Laporan itu turut menyatakan Korea Utara menghantar kira-kira 100 peluru berpandu balistik "
                   "dan 220 pucuk meriam ke Rusia.")
    assert [(c.action, c.value, c.qualifier) for c in cs] == [("missiles_supplied", 100, "approx"),
                                                             ("weapons_supplied", 220, "exact")]
    assert all(c.recipient == "Russia" for c in cs)


def test_n_lagi_stands_for_the_noun_before():
    """Malay "dan 3,000 lagi" = "and 3,000 more": the noun of the claim before; "6,000 lagi tentera" keeps its own."""
    cs = ms_claims("Korea Utara telah menghantar 10,000 askar pada 2024 dan 3,000 lagi pada Januari tahun ini.")
    assert [(c.action, c.value, c.period_start, c.period_end) for c in cs] == [
        ("troops_deployed", 10000, "2024-01", "2024-12"), ("troops_deployed", 3000, "2025-01", "2025-01")]
    assert all(c.actor == "North Korea" for c in cs)
    c = one("Korea Utara bercadang menghantar 6,000 lagi tentera ke Rusia.")
    assert c.object == "soldiers" and c.value == 6000


def test_killed_or_wounded_together():
    c = one("Menurut Zelensky, kira-kira 4,000 askar Korea Utara terbunuh atau cedera dalam pertempuran di "
            "wilayah Kursk setakat Februari.")
    assert (c.action, c.value, c.qualifier) == ("casualties_total", 4000, "approx")
    assert (c.period_start, c.period_end) == (None, "2025-02")


def test_workers_and_deminers():
    cs = ms_claims("Pada Jun lalu, Rusia mengumumkan Korea Utara akan menghantar 1,000 penjinak periuk api dan "
                   "5,000 pekerja pembinaan tentera ke Kursk.")
    assert [(c.action, c.value) for c in cs] == [("workers_sent", 1000), ("workers_sent", 5000)]
    assert all(c.actor == "North Korea" and c.recipient == "Russia" and c.stance == "planned" for c in cs)


def test_periods_of_claims():
    c = one("Korea Utara dikatakan menghantar 3,000 lagi tentera ke Rusia pada Januari dan Februari tahun ini.")
    assert (c.period_start, c.period_end) == ("2025-01", "2025-02")
    c = one("Pyongyang telah membekalkan sekurang-kurangnya 20,000 kontena peluru kepada Moscow sejak September 2023.")
    assert (c.period_start, c.period_end) == ("2023-09", None)
    c = one("Kementerian Pertahanan Britain berkata Rusia kehilangan lebih 1,000 askar sehari sepanjang Mei.")
    assert (c.period_start, c.period_end) == ("2025-05", "2025-05")
    c = one("Korea Utara menghantar 10,000 askar ke Rusia tahun lepas.")
    assert (c.period_start, c.period_end) == ("2024-01", "2024-12")


def test_list_items_carry_header_actor_attribution_period():
    text = ("Menurut laporan MSMT yang dipetik Reuters, sepanjang 2024 Korea Utara telah membekalkan:\n"
            "- 9 juta butir peluru artileri\n"
            "- 100 peluru berpandu balistik\n"
            "- lebih daripada 11,000 tentera\n"
            "Laporan itu juga menganggarkan Pyongyang mengerahkan 3,000 lagi tentera ke Rusia antara Januari "
            "dan Mac 2025.\n")
    cs = ms_claims(text)
    assert [c.action for c in cs] == ["munitions_supplied", "missiles_supplied", "troops_deployed",
                                      "troops_deployed"]
    for c in cs[:3]:
        assert c.actor == "North Korea" and c.recipient == "Russia"
        assert (c.period_start, c.period_end) == ("2024-01", "2024-12")
        assert c.attributed_to == ["Multilateral Sanctions Monitoring Team", "Reuters"]
        assert c.stance == "reported"
    assert [c.quote for c in cs[:3]] == ["9 juta butir peluru artileri", "100 peluru berpandu balistik",
                                         "lebih daripada 11,000 tentera"]
    later = cs[3]
    assert later.attributed_to[0] == "Multilateral Sanctions Monitoring Team"  # "laporan itu"
    assert later.qualifier == "approx" and (later.period_start, later.period_end) == ("2025-01", "2025-03")


def test_a_list_with_a_verb_in_each_item():
    text = ("Hubungan ketenteraan Pyongyang dan Moscow semakin erat sejak tahun lepas, menurut penganalisis.\n\n"
            "Dalam catatan kami, Korea Utara:\n"
            "• menghantar 1,000 askar ke Kursk\n"
            "• berjanji menghantar 500 lagi pekerja\n")
    cs = ms_claims(text)
    assert [c.action for c in cs] == ["troops_deployed", "workers_sent"]
    assert cs[0].actor == "North Korea" and cs[0].recipient == "Russia"
    assert cs[1].stance == "planned"


@pytest.mark.parametrize("text", [
    "Perang di Ukraine telah berlarutan lebih daripada 3 tahun.",
    "Jenis peluru yang dihantar kebanyakannya berkaliber 122 mm dan 152 mm.",
    "Bantuan itu bernilai kira-kira 20 bilion dolar AS.",
    "Kira-kira 30 peratus peluru tersebut tidak meletup.",
    "Kim Jong Un, 41 tahun, memerintah sejak 2011.",
    "Resolusi 2397 Majlis Keselamatan PBB melarang eksport itu.",
    "Peluru berpandu itu terbang sejauh 400 kilometer sebelum jatuh ke laut.",
    "Sekitar pukul 10.30 pagi, rombongan itu tiba di Pyongyang.",
    "Kim bertemu lebih dua dozen ketua negara di Beijing.",
    "Pyongyang menguji peluru berpandu KN-23 pada 12 Jun lalu.",
    "Salah seorang askar itu berkata dia tidak tahu ke mana dia akan dihantar.",
    "Kedua-dua negara menandatangani perjanjian pertahanan bersama.",
    "Harga minyak naik 3 peratus pada Isnin.",
])
def test_no_claim(text):
    assert ms_claims(text) == []


# =========================================================================== attribution
def chain(text, **kw):
    cs = ms_claims(text, **kw)
    assert cs, "no claim read"
    return cs[-1].attributed_to


@pytest.mark.parametrize("text, expected", [
    ("Menurut laporan MSMT yang dipetik NBC News, Korea Utara menghantar 100 peluru berpandu balistik ke Rusia.",
     ["Multilateral Sanctions Monitoring Team", "NBC News"]),
    ("Korea Utara menghantar 2,000 askar ke Rusia, kata Volodymyr Zelensky.", ["Volodymyr Zelensky"]),
    ("Korea Utara menghantar 2,000 askar ke Rusia, lapor agensi berita Yonhap.", ["Yonhap"]),
    ("Korea Utara menghantar 2,000 askar ke Rusia, lapor Bernama.", ["Bernama"]),
    ("Dipetik daripada AFP, Korea Utara telah membekalkan 200 howitzer kepada Rusia.", ["AFP"]),
    ("Seperti yang dilaporkan oleh Astro Awani, Pyongyang membekalkan 50 kereta kebal kepada Moscow.",
     ["Astro Awani"]),
    ("Agensi berita rasmi KCNA melaporkan bahawa 10,000 askar Korea Utara diatur gerak ke Kursk.", ["KCNA"]),
    ("Agensi Perisikan Negara (NIS) Korea Selatan menganggarkan kira-kira 2,000 askar Korea Utara terbunuh.",
     ["National Intelligence Service"]),
    ("Berdasarkan penilaian perisikan tentera Ukraine, Korea Utara menghantar 120 howitzer ke Rusia.", ["HUR"]),
    ("Ketua Turus Gabungan Korea Selatan berkata Pyongyang menghantar 3,000 lagi askar ke Rusia.",
     ["South Korea Joint Chiefs of Staff"]),
    ("Mengikut laporan Institut Kajian Perang, Rusia kehilangan 1,200 askar sehari.",
     ["Institute for the Study of War"]),
    ("Jurucakap Kremlin Dmitry Peskov berkata 500 askar Rusia terbunuh dalam serangan itu.", ["Dmitry Peskov"]),
    ("Jabatan Pertahanan AS memaklumkan kira-kira 11,000 askar Korea Utara berada di Rusia.", ["Pentagon"]),
])
def test_chains(text, expected):
    got = chain(text)
    assert got[:len(expected)] == expected


def test_unnamed_sources_make_a_claim_reported():
    c = one("Sumber perisikan berkata Korea Utara menghantar 1,000 askar lagi ke Rusia.")
    assert c.attributed_to == [] and c.stance == "reported"
    c = one("Korea Utara menghantar 1,000 askar ke Rusia, kata seorang pegawai kanan.")
    assert c.attributed_to == [] and c.stance == "reported"


def test_the_report_named_before():
    text = ("Pasukan Pemantau Sekatan Pelbagai Hala (MSMT) menerbitkan laporan baharu pada Khamis.\n"
            "Laporan tersebut menyatakan Korea Utara membekalkan 9 juta butir peluru kepada Rusia.")
    c = one(text)
    assert c.attributed_to[0] == "Multilateral Sanctions Monitoring Team"


def test_the_person_named_before():
    text = ("Ahli parlimen Korea Selatan Lee Seong-kweun memberi taklimat kepada pemberita di Seoul.\n"
            "Menurutnya, kira-kira 2,000 askar Korea Utara terbunuh di Kursk.")
    c = one(text)
    assert c.attributed_to == ["Lee Seong-kweun"]
    text = ("Lee Seong-kweun bercakap selepas taklimat tertutup.\n"
            "\"Kira-kira 2,000 askar Korea Utara terbunuh,\" katanya.")
    assert one(text).attributed_to == ["Lee Seong-kweun"]


def test_a_sentence_pointing_back():
    text = ("Korea Utara telah membekalkan 9 juta butir peluru kepada Rusia.\n"
            "Perkara ini didedahkan dalam laporan baharu MSMT.")
    c = one(text)
    assert c.attributed_to == ["Multilateral Sanctions Monitoring Team"] and c.stance == "reported"


def test_cited_sources_of_a_bernama_story():
    text = ("SEOUL, 12 Jun (Bernama) -- Korea Utara telah menghantar 3,000 askar ke Rusia, lapor Yonhap "
            "memetik Agensi Perisikan Negara.\n"
            "Menurut KCNA, Kim Jong Un memuji tentera itu.")
    _, _, _, cited = read(text, lang="ms", published=PUB)
    for name in ("Yonhap", "National Intelligence Service", "KCNA"):
        assert name in cited


# =========================================================================== stance
@pytest.mark.parametrize("text, stance", [
    # stated as fact
    ("Korea Utara telah menghantar 10,000 askar ke Rusia.", "asserted"),
    # credited
    ("Korea Utara telah menghantar 10,000 askar ke Rusia, kata NIS.", "reported"),
    ("Menurut Reuters, Korea Utara telah menghantar 10,000 askar ke Rusia.", "reported"),
    ("NIS menganggarkan Korea Utara telah menghantar 10,000 askar ke Rusia.", "reported"),
    # hedged
    ("Korea Utara didakwa menghantar 10,000 askar ke Rusia.", "alleged"),
    ("Korea Utara dipercayai telah menghantar 10,000 askar ke Rusia.", "alleged"),
    ("Korea Utara dikhabarkan menghantar 10,000 askar ke Rusia.", "alleged"),
    ("Korea Utara dilaporkan menghantar 10,000 askar ke Rusia.", "alleged"),
    ("Korea Utara dikatakan menghantar 10,000 askar ke Rusia.", "alleged"),
    ("Kononnya, Korea Utara menghantar 10,000 askar ke Rusia.", "alleged"),
    ("Seoul mendakwa Korea Utara menghantar 10,000 askar ke Rusia.", "alleged"),
    ("Agensi perisikan Korea Selatan yakin bahawa kira-kira 1,000 askar tempur sudah berada di Rusia.",
     "alleged"),
    ("Korea Utara mungkin telah menghantar 10,000 askar ke Rusia, kata penganalisis.", "alleged"),
    # planned
    ("Korea Utara akan menghantar 6,000 lagi askar ke Rusia.", "planned"),
    ("Korea Utara bercadang menghantar 6,000 lagi tentera ke Rusia.", "planned"),
    ("Korea Utara merancang menghantar 6,000 jurutera ke Rusia, kata NIS.", "planned"),
    ("Pyongyang berjanji membekalkan 1 juta butir peluru kepada Moscow.", "planned"),
    ("Seramai 5,000 pekerja binaan dijangka tiba di Kursk bulan depan.", "planned"),
    ("Korea Utara bakal menghantar 5,000 askar lagi ke Rusia.", "planned"),
    ("Jerman bersetuju menghantar 100 kereta kebal Leopard ke Ukraine.", "planned"),
    # confirmed: the actor about its own
    ("Korea Utara mengesahkan 9 jurutera tenteranya terkorban di Kursk.", "confirmed"),
    ("Rusia mengakui 500 askarnya terbunuh dalam serangan itu.", "confirmed"),
    # denied
    ("Moscow menafikan laporan bahawa 10,000 tentera Korea Utara berada di wilayah Kursk.", "denied"),
    ("Pyongyang menafikan telah membekalkan 1 juta butir peluru kepada Rusia.", "denied"),
    ("Kremlin menolak dakwaan bahawa 3,000 askar Korea Utara bertempur di Ukraine.", "denied"),
])
def test_stance(text, stance):
    assert one(text).stance == stance


def test_dev_style_paragraph():
    """A Reuters story rewritten in Malay: a plan and a hedged count, both credited to Seoul's spies."""
    text = ("Agensi perisikan Korea Selatan dilaporkan yakin bahawa Korea Utara bercadang menghantar 6,000 lagi "
            "tentera, sementara kira-kira 1,000 askar tempur sudah pun berada di Rusia.")
    cs = ms_claims(text)
    assert [(c.action, c.value, c.qualifier, c.stance) for c in cs] == [
        ("troops_deployed", 6000, "exact", "planned"), ("troops_deployed", 1000, "approx", "alleged")]
    assert all(c.actor == "North Korea" and c.attributed_to == ["National Intelligence Service"] for c in cs)
    assert cs[1].recipient == "Russia"


# =========================================================================== page cleaning
def test_page_furniture_leaves_the_body():
    page = ("Korea Utara hantar 3,000 lagi askar ke Rusia\n"
            "Oleh Ahmad Faizal\n"
            "Dikemas kini: 12 Jun 2025, 10:15 pagi\n"
            "SEOUL: Korea Utara telah menghantar 3,000 lagi askar ke Rusia, kata Ketua Turus Gabungan Korea "
            "Selatan hari ini.\n"
            "BACA JUGA: Kim Jong Un lawat kilang peluru berpandu\n"
            "Gambar fail menunjukkan askar Korea Utara dalam perbarisan di Pyongyang.\n"
            "Langkah itu menyusul lawatan Presiden Rusia ke Pyongyang tahun lalu.\n"
            "Kongsi artikel\n"
            "Ikuti kami di Telegram untuk berita terkini\n"
            "Laman web ini menggunakan kuki untuk pengalaman terbaik.\n"
            "Hak Cipta © 2025 Berita Harian. Semua hak terpelihara.\n")
    art, claims, _, _ = read(page, lang="ms", published=PUB)
    body = art.body
    assert "menghantar 3,000 lagi askar" in body and "lawatan Presiden Rusia" in body
    for junk in ("BACA JUGA", "Kongsi artikel", "Ikuti kami", "kuki", "Hak Cipta", "Oleh Ahmad"):
        assert junk not in body, junk
    assert art.author == "Ahmad Faizal"
    assert any(c.value == 3000 and c.action == "troops_deployed" for c in claims)


# =========================================================================== Malay or Indonesian
def test_malay_and_indonesian_told_apart():
    from saksi.text.langid import detect

    ms = ("Korea Utara telah menghantar kira-kira 3,000 lagi tentera ke Rusia kerana Moscow memerlukan "
          "sokongan di barisan hadapan, kata jurucakap kerajaan Seoul. Beliau berkata bahawa askar "
          "tersebut menerima latihan selepas tiba di wilayah Kursk, manakala bekalan peluru berpandu "
          "turut meningkat sebanyak 20 peratus.")
    id_ = ("Korea Utara telah mengirim sekitar 3.000 tentara tambahan ke Rusia karena Moskow membutuhkan "
           "dukungan di garis depan, kata juru bicara pemerintah Seoul. Ia mengatakan bahwa para prajurit "
           "itu menerima pelatihan setelah tiba di wilayah Kursk, sementara pasokan rudal juga meningkat "
           "20 persen.")
    assert detect(ms, ("id", "ms", "en"), "en") == "ms"
    assert detect(id_, ("id", "ms", "en"), "en") == "id"


# =========================================================================== aid and arms vocabulary
AID_AND_ARMS = [
    # (text, action, value, actor, recipient): Bernama wire copy, portal news, live updates
    ("Jerman akan menghantar 14 kereta kebal Leopard 2A6 ke Ukraine, kata Kementerian Pertahanan Jerman.",
     "weapons_supplied", 14, "Germany", "Ukraine"),
    ("Belanda menderma 18 howitzer gerak sendiri kepada Kyiv.", "weapons_supplied", 18, "Netherlands", "Ukraine"),
    ("Amerika Syarikat menyumbangkan 31 kereta kebal Abrams kepada Ukraine.", "weapons_supplied", 31,
     "United States", "Ukraine"),
    ("Ukraine menempah 40 howitzer Bohdana daripada pengeluar tempatan.", "weapons_supplied", 40, None, "Ukraine"),
    ("Norway akan membekalkan dua bateri NASAMS kepada Kyiv.", "weapons_supplied", 2, "Norway", "Ukraine"),
    ("Belgium berjanji menghantar 30 jet pejuang F-16 kepada Ukraine.", "weapons_supplied", 30, "Belgium", "Ukraine"),
    ("Rusia membeli 2,400 dron Shahed dari Iran, menurut perisikan AS.", "weapons_supplied", 2400, "Iran", "Russia"),
    ("Rusia didakwa memperoleh ratusan peluru berpandu balistik Fath-360 dari Iran.", "missiles_supplied", 100,
     "Iran", "Russia"),
    ("Kanada menderma 39 kenderaan pengangkut personel berperisai kepada Ukraine.", "weapons_supplied", 39,
     "Canada", "Ukraine"),
    ("Estonia berikrar menghantar 10,000 butir peluru artileri 155 mm kepada Kyiv.", "munitions_supplied", 10000,
     "Estonia", "Ukraine"),
    ("Jerman menyerahkan 40 kenderaan tempur infantri Marder kepada Ukraine.", "weapons_supplied", 40, "Germany",
     "Ukraine"),
    ("Jerman membekalkan Ukraine dengan 10 peluru berpandu pemintas Patriot.", "missiles_supplied", 10, "Germany",
     "Ukraine"),
    ("Sweden bakal menghantar 14 jet pejuang Gripen ke Ukraine.", "weapons_supplied", 14, "Sweden", "Ukraine"),
    ("Ukraine menyewa 12 pesawat pejuang Gripen dari Sweden.", "weapons_supplied", 12, "Sweden", "Ukraine"),
    ("Kanada menyumbang 2 juta butir amunisi senjata ringan kepada Ukraine.", "munitions_supplied", 2_000_000,
     "Canada", "Ukraine"),
    ("Seramai 150 juruterbang Ukraine dilatih di Britain.", "troops_deployed", 150, "Ukraine", "United Kingdom"),
    ("Rusia kehilangan 1,330 askar dalam tempoh 24 jam, dakwa Staf Am Angkatan Tentera Ukraine.",
     "casualties_total", 1330, "Russia", None),
    ("Kira-kira 300 tentera Rusia terbunuh, cedera atau hilang dalam serangan itu, kata Kyiv.",
     "casualties_total", 300, "Russia", None),
]


@pytest.mark.parametrize("text, action, value, actor, recipient", AID_AND_ARMS, ids=[c[0][:40] for c in AID_AND_ARMS])
def test_aid_and_arms_vocabulary(text, action, value, actor, recipient):
    c = one(text, action)
    assert (c.value if c.value is not None else c.value_low) == value
    assert (c.actor, c.recipient) == (actor, recipient)
