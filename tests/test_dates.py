"""saksi.extract.dates: dates, periods and date lines in Indonesian and English.

All sentences are written for these tests in the styles of news copy; none is copied from an article.
"""
from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saksi.extract.dates import (DateMention, Period, date_spans, find_dates, find_periods, latest_explicit_date,
                                 parse_date_line)

D = dt.date


def dates(text, lang, ref=None):
    return [(m.text, m.value, m.precision, m.relative) for m in find_dates(text, lang, ref)]


def periods(text, lang, ref=None):
    return [(p.text, p.period_start, p.period_end) for p in find_periods(text, lang, ref)]


# --------------------------------------------------------------------------- explicit dates

EXPLICIT = [
    ("id", "Pernyataan ini muncul pada Senin (2/6/2025), merespons kritik.", [("Senin (2/6/2025)", "2025-06-02")]),
    ("id", "Belousov tiba di Pyongyang, Jumat (29/11/2024).", [("Jumat (29/11/2024)", "2024-11-29")]),
    ("id", "KCNA menulis pada Minggu (13/7/2025) malam.", [("Minggu (13/7/2025)", "2025-07-13")]),
    ("id", "Putin bersulang dengan Kim di Pyongyang pada 18 Juni 2024.", [("18 Juni 2024", "2024-06-18")]),
    ("id", "Selasa, 9 September 2025, kabar itu menyebar.", [("Selasa, 9 September 2025", "2025-09-09")]),
    ("id", "Rapat digelar 9 Sep 2025 dan 1 Agt 2025.", [("9 Sep 2025", "2025-09-09"), ("1 Agt 2025", "2025-08-01")]),
    ("id", "Tenggat 29-11-2024 dan 2.6.2025 terlewati.", [("29-11-2024", "2024-11-29"), ("2.6.2025", "2025-06-02")]),
    ("id", "Data per 2025-06-02 menunjukkan kenaikan.", [("2025-06-02", "2025-06-02")]),
    ("id", "Kesepakatan diteken (4/6/25) di Moskow.", [("4/6/25", "2025-06-04")]),
    ("id", "Rabu, 4 Juni 2025 pukul 10.00 WIB.", [("Rabu, 4 Juni 2025", "2025-06-04")]),
    ("id", "Kunjungan 1 Januari 2000 dan 31 Desember 1999.", [("1 Januari 2000", "2000-01-01"), ("31 Desember 1999", "1999-12-31")]),
    ("id", "Pada 17 Agustus 1945 kemerdekaan diproklamasikan.", [("17 Agustus 1945", "1945-08-17")]),
    ("id", "Tanggal 29/2/2024 ada, tanggal 29/2/2023 tidak.", [("29/2/2024", "2024-02-29")]),
    ("en", "Putin visited Pyongyang on June 18, 2024.", [("June 18, 2024", "2024-06-18")]),
    ("en", "The talks were held on 2 June 2025 in Istanbul.", [("2 June 2025", "2025-06-02")]),
    ("en", "Monday, June 2, 2025, was busy.", [("Monday, June 2, 2025", "2025-06-02")]),
    ("en", "It was signed on the 18th of June 2024.", [("18th of June 2024", "2024-06-18")]),
    ("en", "Filed Sept. 9, 2025 and Jan 3 2024.", [("Sept. 9, 2025", "2025-09-09"), ("Jan 3 2024", "2024-01-03")]),
    ("en", "Dated 6/13/2025 (only month first is valid).", [("6/13/2025", "2025-06-13")]),
    ("en", "Dated 2/6/2025 (day first by default).", [("2/6/2025", "2025-06-02")]),
    ("en", "Posted 2025-06-02T10:15:00Z.", [("2025-06-02", "2025-06-02")]),
    ("en", "Sat, 9 Sep 2025 and Thu, 4 Sep 2025.", [("Sat, 9 Sep 2025", "2025-09-09"), ("Thu, 4 Sep 2025", "2025-09-04")]),
]


@pytest.mark.parametrize("lang,text,expected", EXPLICIT, ids=[e[1][:40] for e in EXPLICIT])
def test_explicit_dates(lang, text, expected):
    got = find_dates(text, lang, None)
    assert [(m.text, m.value) for m in got] == expected
    assert all(m.precision == "day" and not m.relative for m in got)
    assert all(text[m.start:m.end] == m.text for m in got)


MONTHS = [
    ("id", "MSMT diluncurkan Oktober 2024 lalu.", ("Oktober 2024 lalu", "2024-10")),
    ("id", "Laporan Maret 2025 memuat angka itu.", ("Maret 2025", "2025-03")),
    ("id", "Sejak perang dimulai pada Februari 2022.", ("Februari 2022", "2022-02")),
    ("en", "The March 2024 report said so.", ("March 2024", "2024-03")),
    ("en", "By Dec. 2023 the stockpile was gone.", ("Dec. 2023", "2023-12")),
]


@pytest.mark.parametrize("lang,text,expected", MONTHS, ids=[e[1][:40] for e in MONTHS])
def test_month_year(lang, text, expected):
    assert dates(text, lang) == [(expected[0], expected[1], "month", False)]


YEARS = [
    ("id", "Kapal itu berlayar pada 2024.", "2024"),
    ("id", "Sanksi sudah ada sejak 2006.", "2006"),
    ("id", "Anggaran tahun 2025 disahkan.", "2025"),
    ("id", "Perjanjian berlaku hingga 2030.", "2030"),
    ("en", "The ships sailed in 2024.", "2024"),
    ("en", "Sanctions have existed since 2006.", "2006"),
    ("en", "Talks resumed in mid-2024.", "2024"),
]


@pytest.mark.parametrize("lang,text,year", YEARS, ids=[e[1][:40] for e in YEARS])
def test_years_after_a_preposition(lang, text, year):
    assert [(m.value, m.precision) for m in find_dates(text, lang)] == [(year, "year")]


def test_bare_numbers_are_not_years():
    assert find_dates("Ada 2024 orang dan 1500 kendaraan.", "id") == []
    assert find_dates("Some 2024 people and 1500 cars.", "en") == []


# --------------------------------------------------------------------------- relative dates

REF_JUNE = D(2025, 6, 2)  # a Monday
REF_NOV = D(2024, 11, 29)  # a Friday
REF_OCT = D(2024, 10, 15)  # a Tuesday

RELATIVE = [
    ("id", REF_JUNE, "Kelompok itu dibentuk pada Oktober lalu.", [("Oktober lalu", "2024-10", "month")]),
    ("id", REF_JUNE, "Untuk pertama kalinya pada April lalu, Korea Utara mengakui.", [("April lalu", "2025-04", "month")]),
    ("id", REF_NOV, "Pada Juni lalu, kedua negara menandatangani perjanjian.", [("Juni lalu", "2024-06", "month")]),
    ("id", REF_JUNE, "Pada Juni lalu mereka bertemu.", [("Juni lalu", "2025-06", "month")]),
    ("id", REF_JUNE, "Kunjungan pada Desember lalu.", [("Desember lalu", "2024-12", "month")]),
    ("id", REF_JUNE, "Rencana itu dibahas pada bulan Maret.", [("Maret", "2025-03", "month")]),
    ("id", REF_JUNE, "Pameran digelar Agustus mendatang.", [("Agustus mendatang", "2025-08", "month")]),
    ("id", REF_NOV, "Pernyataan itu disampaikan di Pyongyang, pada Jumat.", [("Jumat", "2024-11-29", "day")]),
    ("id", REF_NOV, "Jumat lalu ia tiba.", [("Jumat lalu", "2024-11-22", "day")]),
    ("id", REF_NOV, "Pada Senin, pejabat itu bicara.", [("Senin", "2024-11-25", "day")]),
    ("id", REF_NOV, "Pada hari Minggu ia pulang.", [("Minggu", "2024-11-24", "day")]),
    ("id", REF_JUNE, "Perjanjian ditandatangani tahun lalu.", [("tahun lalu", "2024", "year")]),
    ("id", REF_JUNE, "Pekan lalu, badan intelijen melapor.", [("Pekan lalu", "2025-05", "month")]),
    ("id", REF_JUNE, "Minggu lalu ada rapat.", [("Minggu lalu", "2025-05", "month")]),
    ("id", REF_JUNE, "Pertemuan pekan ini membahas hal itu.", [("pekan ini", "2025-06", "month")]),
    ("id", REF_JUNE, "Bulan lalu harga naik.", [("Bulan lalu", "2025-05", "month")]),
    ("id", REF_JUNE, "Kemarin hujan turun.", [("Kemarin", "2025-06-01", "day")]),
    ("id", REF_JUNE, "Dua tahun lalu perang pecah.", [("Dua tahun lalu", "2023", "year")]),
    ("id", REF_JUNE, "Tiga hari lalu kapal itu tiba.", [("Tiga hari lalu", "2025-05-30", "day")]),
    ("id", REF_JUNE, "Sepuluh bulan silam ia pergi.", [("Sepuluh bulan silam", "2024-08", "month")]),
    ("id", REF_JUNE, "Putin dijadwalkan tiba pada 18 Juni.", [("18 Juni", "2025-06-18", "day")]),  # soon after
    ("id", D(2025, 9, 9), "Putin tiba pada 18 Juni.", [("18 Juni", "2025-06-18", "day")]),
    ("id", D(2025, 3, 1), "Putin tiba pada 18 Juni.", [("18 Juni", "2024-06-18", "day")]),
    ("id", REF_JUNE, "Rapat pada 5 Juni nanti.", [("5 Juni", "2025-06-05", "day")]),
    ("id", REF_JUNE, "Kim bertemu Shoigu pada Rabu (4/6).", [("Rabu (4/6)", "2025-06-04", "day")]),
    ("id", REF_JUNE, "Tahun ini anggaran naik.", [("Tahun ini", "2025", "year")]),
    ("en", REF_OCT, "The team launched last October.", [("last October", "2023-10", "month")]),
    ("en", REF_OCT, "They met in October.", [("October", "2024-10", "month")]),
    ("en", REF_OCT, "They met in June.", [("June", "2024-06", "month")]),
    ("en", REF_OCT, "He said on Friday that talks would go on.", [("Friday", "2024-10-11", "day")]),
    ("en", REF_OCT, "He arrived last Tuesday.", [("last Tuesday", "2024-10-08", "day")]),
    ("en", REF_OCT, "The treaty was signed last year.", [("last year", "2023", "year")]),
    ("en", REF_OCT, "Officials met last week.", [("last week", "2024-10", "month")]),
    ("en", REF_OCT, "Officials met this week.", [("this week", "2024-10", "month")]),
    ("en", REF_OCT, "Yesterday the talks ended.", [("Yesterday", "2024-10-14", "day")]),
    ("en", REF_OCT, "Two days ago the ship docked.", [("Two days ago", "2024-10-13", "day")]),
    ("en", REF_OCT, "The war began 3 years ago.", [("3 years ago", "2021", "year")]),
    ("en", REF_OCT, "Putin visited on June 18.", [("June 18", "2024-06-18", "day")]),
    ("en", REF_OCT, "Earlier this month prices rose.", [("Earlier this month", "2024-10", "month")]),
]


@pytest.mark.parametrize("lang,ref,text,expected", RELATIVE, ids=[e[2][:40] for e in RELATIVE])
def test_relative_dates(lang, ref, text, expected):
    got = find_dates(text, lang, ref)
    assert [(m.text, m.value, m.precision) for m in got] == expected
    assert all(m.relative for m in got)


def test_explicit_year_wins_over_lalu():
    assert dates("MSMT diluncurkan Oktober 2024 lalu.", "id", REF_JUNE) == [("Oktober 2024 lalu", "2024-10", "month", False)]


def test_relative_needs_a_reference():
    assert find_dates("pada Oktober lalu, Jumat lalu, tahun lalu, kemarin", "id", None) == []
    assert find_dates("last October, last Friday, last year, yesterday", "en", None) == []


def test_reference_may_be_a_datetime_or_a_string():
    a = find_dates("tahun lalu", "id", dt.datetime(2025, 6, 2, 10, 0))
    b = find_dates("tahun lalu", "id", "2025-06-02")
    assert a[0].value == b[0].value == "2024"


def test_words_that_look_like_dates_are_left_alone():
    assert find_dates("Salat Jumat digelar seperti biasa.", "id", REF_JUNE) == []
    assert find_dates("We may be late; the march went on.", "en", REF_OCT) == []
    assert find_dates("Sunday Times columnist", "en", REF_OCT)[0].text == "Sunday"  # a weekday is a weekday


def test_weekday_with_day_month_picks_matching_year():
    (m,) = find_dates("Sabtu (7/6) lalu", "id", D(2025, 6, 30))
    assert m.value == "2025-06-07"


# --------------------------------------------------------------------------- invalid

@pytest.mark.parametrize("text", [
    "Tanggal 31/2/2025 salah.", "Tanggal 29/2/2023 salah.", "Tanggal 0/0/2025 salah.", "Tanggal 2025-13-01 salah.",
    "Tanggal 32/13/2025 salah.", "Pada 31 Februari 2025.", "Pada 45 Juni 2024.", "99/99/9999", "1/1/0001",
])
def test_invalid_dates_are_skipped(text):
    for lang in ("id", "en"):
        got = find_dates(text, lang, REF_JUNE)
        assert all(m.precision != "day" for m in got)


def test_invalid_numeric_dates_still_shape_a_date_for_numbers():
    assert date_spans("Tanggal 31/2/2025 salah.", "id") == [(8, 17)]


# --------------------------------------------------------------------------- periods

PERIODS = [
    ("id", "mengangkut sembilan juta butir amunisi pada 2024", [("pada 2024", "2024-01", "2024-12")]),
    ("id", "sepanjang tahun 2024 Korea Utara memasok", [("sepanjang tahun 2024", "2024-01", "2024-12")]),
    ("id", "selama 2023 ekspor turun", [("selama 2023", "2023-01", "2023-12")]),
    ("id", "sejak Februari 2022 perang berlangsung", [("sejak Februari 2022", "2022-02", None)]),
    ("id", "sejak perang dimulai pada Februari 2022, menurut Yonhap",
     [("sejak perang dimulai pada Februari 2022", "2022-02", None)]),
    ("id", "sejak 2006 dan terus diperkuat", [("sejak 2006", "2006-01", None)]),
    ("id", "antara Januari dan Maret 2025", [("antara Januari dan Maret 2025", "2025-01", "2025-03")]),
    ("id", "Januari–Maret 2025", [("Januari–Maret 2025", "2025-01", "2025-03")]),
    ("id", "dari Januari hingga Maret 2025", [("dari Januari hingga Maret 2025", "2025-01", "2025-03")]),
    ("id", "November 2024 hingga Februari 2025", [("November 2024 hingga Februari 2025", "2024-11", "2025-02")]),
    ("id", "November hingga Februari 2025", [("November hingga Februari 2025", "2024-11", "2025-02")]),
    ("id", "antara 2022 dan 2024", [("antara 2022 dan 2024", "2022-01", "2024-12")]),
    ("id", "periode 2019-2021", [("periode 2019-2021", "2019-01", "2021-12")]),
    ("id", "hingga Maret 2025", [("hingga Maret 2025", None, "2025-03")]),
    ("id", "pada Oktober 2024", [("pada Oktober 2024", "2024-10", "2024-10")]),
    ("en", "shipped nine million rounds in 2024", [("in 2024", "2024-01", "2024-12")]),
    ("en", "throughout 2024 the flow continued", [("throughout 2024", "2024-01", "2024-12")]),
    ("en", "since February 2022", [("since February 2022", "2022-02", None)]),
    ("en", "since the war began in February 2022", [("since the war began in February 2022", "2022-02", None)]),
    ("en", "between January and March 2025", [("between January and March 2025", "2025-01", "2025-03")]),
    ("en", "from January to March 2025", [("from January to March 2025", "2025-01", "2025-03")]),
    ("en", "January-March 2025", [("January-March 2025", "2025-01", "2025-03")]),
    ("en", "from 2022 to 2024", [("from 2022 to 2024", "2022-01", "2024-12")]),
    ("en", "until March 2025", [("until March 2025", None, "2025-03")]),
]


@pytest.mark.parametrize("lang,text,expected", PERIODS, ids=[e[1][:40] for e in PERIODS])
def test_periods(lang, text, expected):
    assert periods(text, lang, None) == expected


RELATIVE_PERIODS = [
    ("id", REF_JUNE, "perjanjian yang ditandatangani tahun lalu", [("tahun lalu", "2024-01", "2024-12")]),
    ("id", REF_JUNE, "harga naik bulan lalu", [("bulan lalu", "2025-05", "2025-05")]),
    ("id", REF_JUNE, "pada April lalu", [("pada April lalu", "2025-04", "2025-04")]),
    ("id", REF_JUNE, "sepanjang tahun lalu", [("sepanjang tahun lalu", "2024-01", "2024-12")]),
    ("id", REF_JUNE, "sejak tahun lalu", [("sejak tahun lalu", "2024-01", None)]),
    ("id", REF_JUNE, "dalam dua tahun terakhir", [("dalam dua tahun terakhir", "2023-06", "2025-06")]),
    ("id", REF_JUNE, "selama tiga bulan terakhir", [("selama tiga bulan terakhir", "2025-03", "2025-06")]),
    ("id", REF_JUNE, "antara Januari dan Maret", [("antara Januari dan Maret", "2025-01", "2025-03")]),
    ("en", REF_OCT, "signed last year", [("last year", "2023-01", "2023-12")]),
    ("en", REF_OCT, "prices rose last month", [("last month", "2024-09", "2024-09")]),
    ("en", REF_OCT, "in the past two years", [("in the past two years", "2022-10", "2024-10")]),
    ("en", REF_OCT, "over the last three months", [("over the last three months", "2024-07", "2024-10")]),
    ("en", REF_OCT, "since last year", [("since last year", "2023-01", None)]),
]


@pytest.mark.parametrize("lang,ref,text,expected", RELATIVE_PERIODS, ids=[e[2][:40] for e in RELATIVE_PERIODS])
def test_relative_periods(lang, ref, text, expected):
    assert periods(text, lang, ref) == expected


def test_periods_do_not_overlap_and_day_dates_are_not_periods():
    text = "pada 18 Juni 2024 dan sejak Februari 2022 hingga Maret 2025 serta pada 2024"
    got = find_periods(text, "id", REF_JUNE)
    assert [(p.text, p.period_start, p.period_end) for p in got] == [
        ("sejak Februari 2022 hingga Maret 2025", "2022-02", "2025-03"), ("pada 2024", "2024-01", "2024-12")]
    for a, b in zip(got, got[1:]):
        assert a.end <= b.start


def test_seed_sentence_periods():
    text = ("Bahkan, laporan tersebut juga memperkirakan Korea Utara telah mengerahkan 3.000 tentara tambahan "
            "ke Rusia antara Januari dan Maret 2025.")
    assert periods(text, "id", D(2025, 6, 2)) == [("antara Januari dan Maret 2025", "2025-01", "2025-03")]


# --------------------------------------------------------------------------- date lines

LINES = [
    ("id", "Selasa, 9 September 2025", "2025-09-09"),
    ("id", "Selasa, 9 September 2025 10:15 WIB", "2025-09-09"),
    ("id", "Diperbarui: Selasa, 9 September 2025 | 10:15 WIB", "2025-09-09"),
    ("id", "Kamis, 4 Sep 2025 - 07:30 WITA", "2025-09-04"),
    ("id", "9/9/2025, 10.15 WIB", "2025-09-09"),
    ("id", "Dipublikasikan 9 September 2025 pukul 10.15 WIT", "2025-09-09"),
    ("en", "Monday, 9 September 2025 10:15 WIB", "2025-09-09"),  # a wrong weekday does not undo the date
    ("en", "9 Sep 2025, 10:15", "2025-09-09"),
    ("en", "September 9, 2025", "2025-09-09"),
    ("en", "2025-09-09", "2025-09-09"),
    ("en", "2025-09-09T10:15:00+07:00", "2025-09-09"),
    ("en", "Updated: Sept. 9, 2025 at 10:15 a.m. GMT", "2025-09-09"),
    ("en", "Published 9 Sep 2025 10:15 GMT+7", "2025-09-09"),
    ("id", "Monday, 9 September 2025 10:15 WIB", "2025-09-09"),  # English weekday on an Indonesian page
]


@pytest.mark.parametrize("lang,line,expected", LINES, ids=[e[1] for e in LINES])
def test_date_lines(lang, line, expected):
    assert parse_date_line(line, lang) == expected


@pytest.mark.parametrize("line", [
    "Oleh Kaorie Zeto Hapki, 9 September 2025",
    "Korea Utara Siap Berdiri di Pihak Rusia",
    "Rapat digelar pada 9 September 2025 di Jakarta",
    "9 September 2025 dan 10 September 2025",
    "", "   ", "10:15 WIB", "Oktober 2024", "tahun lalu",
    "x" * 10_000,
])
def test_lines_with_other_content_are_not_date_lines(line):
    assert parse_date_line(line, "id") is None
    assert parse_date_line(line, "en") is None


# --------------------------------------------------------------------------- latest explicit date

def test_latest_explicit_date():
    text = ("Putin bersulang dengan Kim pada 18 Juni 2024. Foto diambil Selasa (6/5/2025). "
            "Kim bertemu Shoigu pada Rabu (4/6/2025). Laporan Oktober 2024 lalu dan tahun lalu.")
    assert latest_explicit_date(text, "id") == "2025-06-04"
    assert latest_explicit_date("tidak ada tanggal di sini, hanya tahun lalu", "id") is None
    assert latest_explicit_date("", "en") is None


def test_latest_explicit_date_on_the_seeds(seeds_dir):
    expected = {"000_792c2c2e5b819578": "2025-06-02", "001_46c93247f30203d2": "2025-07-13",
                "002_5e22871216460648": "2024-11-29", "003_7eafc6302f9b508a": "2025-09-09"}
    for name, date in expected.items():
        path = seeds_dir / f"{name}.txt"
        if not path.is_file():
            pytest.skip("seeds not present")
        assert latest_explicit_date(path.read_text(encoding="utf-8"), "id") == date


# --------------------------------------------------------------------------- properties

ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def render(d: dt.date, lang: str, style: int) -> str:
    months, days = (ID_MONTHS, ID_DAYS) if lang == "id" else (EN_MONTHS, EN_DAYS)
    m = months[d.month - 1]
    styles = [
        f"{d.day} {m} {d.year}",
        f"{d.day} {m[:3]} {d.year}",
        f"{days[d.weekday()]}, {d.day} {m} {d.year}",
        f"{days[d.weekday()]} ({d.day}/{d.month}/{d.year})",
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        d.isoformat(),
        f"{m} {d.day}, {d.year}" if lang == "en" else f"{d.day} {m.upper()} {d.year}",
        f"{d.month}/{d.day}/{d.year}" if lang == "en" and d.day > 12 else f"{d.day}.{d.month}.{d.year}",
    ]
    return styles[style % len(styles)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)), lang=st.sampled_from(["id", "en"]),
       style=st.integers(min_value=0, max_value=8))
def test_rendered_dates_parse_back(d, lang, style):
    text = render(d, lang, style)
    got = find_dates(f"Peristiwa itu, {text}, dicatat." if lang == "id" else f"It happened {text}, they said.", lang)
    assert [m.value for m in got] == [d.isoformat()], text
    assert parse_date_line(text, lang) == d.isoformat(), text


@settings(max_examples=200, deadline=None)
@given(ref=st.dates(min_value=D(1901, 2, 1), max_value=D(2099, 11, 30)), month=st.integers(1, 12),
       lang=st.sampled_from(["id", "en"]))
def test_last_month_name_is_within_the_past_year(ref, month, lang):
    text = f"pada {ID_MONTHS[month - 1]} lalu" if lang == "id" else f"last {EN_MONTHS[month - 1]}"
    (m,) = find_dates(text, lang, ref)
    y, mo = int(m.value[:4]), int(m.value[5:7])
    assert mo == month
    months_back = (ref.year - y) * 12 + ref.month - mo
    assert 0 <= months_back <= 12


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300), lang=st.sampled_from(["id", "en"]),
       ref=st.one_of(st.none(), st.dates(min_value=D(1800, 1, 1), max_value=D(2100, 12, 31))))
def test_garbage_never_crashes(text, lang, ref):
    for m in find_dates(text, lang, ref):
        assert isinstance(m, DateMention) and text[m.start:m.end] == m.text
    for p in find_periods(text, lang, ref):
        assert isinstance(p, Period) and text[p.start:p.end] == p.text
    parse_date_line(text, lang)
    latest_explicit_date(text, lang)


_PIECES = st.sampled_from(["1", "12", "2024", "/", "-", ".", " ", "Juni", "June", "lalu", "last", "Jumat", "(", ")",
                           "pada", "sejak", "since", "antara", "dan", "and", "tahun", "year", "ago", "dua", "31",
                           "13", "0", "9999", "\n", "–", "Senin", "Minggu", "hingga", "to"])


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_PIECES, max_size=40), lang=st.sampled_from(["id", "en"]),
       ref=st.one_of(st.none(), st.dates(min_value=D(1800, 1, 1), max_value=D(2100, 12, 31))))
def test_date_shaped_garbage_never_crashes(parts, lang, ref):
    text = "".join(parts)
    for m in find_dates(text, lang, ref):
        assert len(m.value) in (4, 7, 10)
        assert m.precision in ("year", "month", "day")
    for p in find_periods(text, lang, ref):
        assert p.period_start is None or len(p.period_start) == 7
        assert p.period_end is None or len(p.period_end) == 7
        if p.period_start and p.period_end:
            assert p.period_start <= p.period_end


# --------------------------------------------------------------------------- speed

def _article() -> str:
    parts = [e[1] for e in EXPLICIT] + [e[2] for e in RELATIVE] + [e[1] for e in PERIODS]
    text = " ".join(parts)
    while len(text) < 5000:
        text += " " + text
    return text[:5000]


def test_find_dates_on_5kb_is_fast():
    text = _article()
    find_dates(text, "id", REF_JUNE)
    best = min(_elapsed(lambda: find_dates(text, "id", REF_JUNE)) for _ in range(15))
    assert best < 0.005  # seconds; typically about 1 ms


def test_find_periods_on_5kb_is_fast():
    text = _article()
    best = min(_elapsed(lambda: find_periods(text, "en", REF_OCT)) for _ in range(15))
    assert best < 0.010


def test_five_megabytes_finish():
    paragraph = ("Kelompok pemantau yang dibentuk pada Oktober lalu itu bertugas memantau pelanggaran sanksi, "
                 "setelah mandat panel ahli berakhir. Laporan terbaru menyebut kapal kargo berlayar sepanjang "
                 "tahun 2024 dan pejabat bertemu pada Rabu (4/6/2025) di ibu kota, kata seorang diplomat yang "
                 "tidak mau disebut namanya kepada wartawan di sela pertemuan tingkat menteri pekan lalu. ")
    text = (paragraph * (5_000_000 // len(paragraph) + 1))[:5_000_000]
    assert _elapsed(lambda: find_dates(text, "id", REF_JUNE)) < 120
    assert _elapsed(lambda: find_periods("sejak " * 800_000 + " 2024", "id", REF_JUNE)) < 120
    assert _elapsed(lambda: find_dates("1/" * 2_500_000, "en", REF_JUNE)) < 120


def _elapsed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


# --------------------------------------------------------------------------- a new language is data only

_ZZ_DATES = {
    "months": {"enero": 1, "febrero": 2, "marzo": 3, "junio": 6, "jun": 6},
    "months_alone": ["enero", "febrero", "marzo", "junio"],
    "weekdays": {"lunes": 0, "viernes": 4}, "weekdays_alone": ["lunes", "viernes"], "weekday_cues": ["el"],
    "numeric_orders": ["dmy"], "day_month_joiners": ["de"], "month_year_joiners": ["de"],
    "month_preps": ["en", "desde"], "year_preps": ["en", "desde"],
    "past_after": {"pasado": True}, "past_before": {}, "next_after": {}, "next_before": {"próximo": False},
    "relative": {"el año pasado": ["years", -1], "ayer": ["days", -1]},
    "units": {"años": "years", "días": "days"}, "ago_before": ["hace"], "ago_after": [],
    "period_in": ["en", "durante"], "period_since": ["desde"], "period_until": ["hasta"],
    "period_open": ["entre", "de"], "period_join": ["y", "a", "-"], "period_join_needs_open": ["y"],
    "line_prefixes": ["actualizado"], "timezones": ["CET"], "line_fillers": ["-", ","],
}


@pytest.fixture
def zz(monkeypatch):
    import saksi.lang as langmod
    real = langmod.load

    def load(code, topic):
        if code == "zy":  # a code of its own: compiled data are cached per code
            return _ZZ_DATES if topic == "dates" else {"words": {"dos": 2, "tres": 3}}
        return real(code, topic)

    monkeypatch.setattr(langmod, "load", load)
    return "zy"


def test_a_language_added_as_data(zz):
    ref = D(2025, 6, 20)
    text = "El lunes 2 de junio de 2025, hace dos años, el año pasado, ayer y en marzo pasado, el viernes."
    assert dates(text, zz, ref) == [
        ("lunes 2 de junio de 2025", "2025-06-02", "day", False),
        ("hace dos años", "2023", "year", True),
        ("el año pasado", "2024", "year", True),
        ("ayer", "2025-06-19", "day", True),
        ("marzo pasado", "2025-03", "month", True),
        ("viernes", "2025-06-20", "day", True),
    ]
    assert periods("entre enero y marzo de 2025, desde febrero de 2022 y durante 2024", zz, ref) == [
        ("entre enero y marzo de 2025", "2025-01", "2025-03"),
        ("desde febrero de 2022", "2022-02", None),
        ("durante 2024", "2024-01", "2024-12"),
    ]
    assert parse_date_line("Actualizado: lunes, 2 de junio de 2025 - 10:15 CET", zz) == "2025-06-02"


# --------------------------------------------------------------------------- seasons, "mid-", short months,
# month + relative year, two dates joined, recent periods without a number, clock marks (dates.yaml keys)

SEASONS = [  # (lang, text, ref, periods)
    ("en", "Pyongyang moved 6,000 more troops west in the fall.", D(2025, 6, 10), [("in the fall", "2024-09", "2024-11")]),
    ("en", "Shell deliveries doubled in the autumn.", D(2025, 10, 20), [("in the autumn", "2025-09", "2025-11")]),
    ("en", "Shipments have run since the spring of 2023.", D(2025, 6, 10), [("since the spring of 2023", "2023-03", None)]),
    ("en", "Some 800 soldiers died last summer.", D(2025, 7, 1), [("last summer", "2024-06", "2024-08")]),
    ("en", "Some 800 soldiers died last summer.", D(2025, 10, 1), [("last summer", "2025-06", "2025-08")]),
    ("en", "The lines froze in the winter of 2023.", D(2025, 6, 10), [("in the winter of 2023", "2023-12", "2024-02")]),
    ("id", "Pyongyang mengirim 2.500 tentara pada musim gugur 2024.", D(2025, 6, 10),
     [("pada musim gugur 2024", "2024-09", "2024-11")]),
    ("id", "Sekitar 900 tentara tewas musim dingin lalu.", D(2025, 6, 10), [("musim dingin lalu", "2024-12", "2025-02")]),
    ("ms", "Kira-kira 700 askar dihantar pada musim panas 2024.", D(2025, 6, 10),
     [("pada musim panas 2024", "2024-06", "2024-08")]),
    ("de", "Im Herbst 2024 schickte Pjöngjang 4000 Soldaten.", D(2025, 6, 10), [("Im Herbst 2024", "2024-09", "2024-11")]),
    ("de", "Im vergangenen Winter starben 900 Soldaten.", D(2025, 6, 10), [("Im vergangenen Winter", "2024-12", "2025-02")]),
    ("fr", "À l'automne 2024, 4000 soldats sont arrivés.", D(2025, 6, 10), [("À l'automne 2024", "2024-09", "2024-11")]),
    ("fr", "L'hiver dernier, 900 soldats sont morts.", D(2025, 6, 10), [("L'hiver dernier", "2024-12", "2025-02")]),
    ("es", "Durante el verano de 2024 llegaron 3.000 soldados.", D(2025, 6, 10),
     [("Durante el verano de 2024", "2024-06", "2024-08")]),
    ("es", "El otoño pasado murieron 600 soldados.", D(2025, 6, 10), [("otoño pasado", "2024-09", "2024-11")]),
    ("pt", "No inverno passado morreram 700 soldados.", D(2025, 6, 10), [("No inverno passado", "2024-12", "2025-02")]),
    ("pt", "Desde a primavera de 2024 chegaram 5.000 soldados.", D(2025, 6, 10),
     [("Desde a primavera de 2024", "2024-03", None)]),
]


@pytest.mark.parametrize("lang, text, ref, expected", SEASONS, ids=[c[1] for c in SEASONS])
def test_seasons_are_periods(lang, text, ref, expected):
    assert periods(text, lang, ref) == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "Exports fall when prices rise."), ("en", "Kyiv marked the fall of Avdiivka with 300 dead."),
    ("en", "A hot spring feeds the town."), ("fr", "Le message a été passé à 300 soldats."),
    ("fr", "Il a été dernier de sa promotion."),
])
def test_a_season_word_without_a_cue_is_no_period(lang, text):
    assert periods(text, lang, D(2025, 6, 10)) == []


def test_a_season_is_a_date_to_its_year():
    assert dates("The deal was struck in the summer of 2023.", "en") == [("summer of 2023", "2023", "year", False)]


def test_mid_month_and_short_month_with_a_day():  # request R15
    ref = D(2025, 6, 10)
    assert periods("About 2,000 had died by mid-March, the ministry said.", "en", ref) == [
        ("by mid-March", None, "2025-03")]
    assert periods("In mid-April some 500 arrived.", "en", ref) == [("In mid-April", "2025-04", "2025-04")]
    assert dates("TOKYO, Oct. 14 (Kyodo) -- Talks resumed.", "en", ref) == [("Oct. 14", "2024-10-14", "day", True)]
    assert dates("On Feb 3 they met.", "en", ref) == [("Feb 3", "2025-02-03", "day", True)]
    assert date_spans("SEOUL, Dec. 2 -- 40 ships", "en") == [(7, 13)]


MONTH_OF_RELATIVE_YEAR = [
    ("id", "Pada Maret tahun lalu 1.000 tentara tiba.", [("Pada Maret tahun lalu", "2024-03", "2024-03")]),
    ("ms", "Pada Mac tahun ini 1,000 askar tiba.", [("Pada Mac tahun ini", "2025-03", "2025-03")]),
    ("en", "In March last year 1,000 troops arrived.", [("In March last year", "2024-03", "2024-03")]),
    ("en", "In March of last year 1,000 troops arrived.", [("In March of last year", "2024-03", "2024-03")]),
    ("de", "Im März letzten Jahres kamen 1000 Soldaten.", [("Im März letzten Jahres", "2024-03", "2024-03")]),
    ("fr", "En mars de l'année dernière, 1000 soldats.", [("En mars de l'année dernière", "2024-03", "2024-03")]),
    ("es", "En marzo del año pasado llegaron 1.000 soldados.", [("En marzo del año pasado", "2024-03", "2024-03")]),
    ("pt", "Em março do ano passado chegaram 1.000 soldados.", [("Em março do ano passado", "2024-03", "2024-03")]),
]


@pytest.mark.parametrize("lang, text, expected", MONTH_OF_RELATIVE_YEAR, ids=[c[1] for c in MONTH_OF_RELATIVE_YEAR])
def test_a_month_of_a_relative_year(lang, text, expected):
    assert periods(text, lang, D(2025, 2, 10)) == expected


JOINED = [
    ("id", "Selama kurun September lalu hingga Februari tahun ini, 4.000 tentara dikirim.",
     [("Selama kurun September lalu hingga Februari tahun ini", "2024-09", "2025-02")]),
    ("en", "From last autumn to January this year, 4,000 troops were sent.",
     [("From last autumn to January this year", "2024-09", "2025-01")]),
    ("ms", "Dari Oktober lalu hingga tahun ini, 4,000 askar dihantar.",
     [("Dari Oktober lalu hingga tahun ini", "2024-10", "2025-12")]),
]


@pytest.mark.parametrize("lang, text, expected", JOINED, ids=[c[1] for c in JOINED])
def test_two_dates_joined_are_one_period(lang, text, expected):
    assert periods(text, lang, D(2025, 2, 20)) == expected


def test_two_dates_joined_without_an_opener_need_a_joiner_of_their_own():
    assert [p[0] for p in periods("Oktober lalu dan Januari tahun ini 40 kapal tiba.", "id", D(2025, 2, 20))] == [
        "Oktober lalu", "Januari tahun ini"]


RECENT_WITHOUT_NUMBER = [  # plural units (dates.yaml plural_units) or a vague amount: no period stated
    ("pt", "Nas últimas semanas, milhares de soldados chegaram."), ("pt", "Nos últimos meses chegaram soldados."),
    ("es", "En las últimas semanas llegaron miles de soldados."), ("de", "In den letzten Wochen kamen Tausende."),
    ("en", "In the past weeks thousands arrived."), ("fr", "Au cours des derniers jours, des milliers sont arrivés."),
    ("id", "Dalam beberapa bulan terakhir ribuan tentara tiba."),
]


@pytest.mark.parametrize("lang, text", RECENT_WITHOUT_NUMBER, ids=[c[1] for c in RECENT_WITHOUT_NUMBER])
def test_a_recent_plural_without_a_number_is_no_period(lang, text):
    assert periods(text, lang, D(2025, 6, 10)) == []


@pytest.mark.parametrize("lang, text, expected", [
    ("pt", "Nas últimas duas semanas chegaram 900 soldados.", [("Nas últimas duas semanas", "2025-05", "2025-06")]),
    ("pt", "No último ano chegaram 900 soldados.", [("No último ano", "2024-06", "2025-06")]),
    ("es", "En los tres últimos meses llegaron 900.", [("En los tres últimos meses", "2025-03", "2025-06")]),
    ("pt", "Nos dois últimos anos chegaram 900.", [("Nos dois últimos anos", "2023-06", "2025-06")]),
    ("de", "In den zwei letzten Jahren kamen 900.", [("In den zwei letzten Jahren", "2023-06", "2025-06")]),
])
def test_recent_periods_with_their_number(lang, text, expected):
    assert periods(text, lang, D(2025, 6, 10)) == expected


def test_clock_marks_in_date_lines():
    assert parse_date_line("Publicado em 4 de abril de 2025, às 9h15", "pt") == "2025-04-04"
    assert parse_date_line("16 mars 2025 - 22 h 05", "fr") == "2025-03-16"
    assert parse_date_line("16 mars 2025 - 22 h de route", "fr") is None
