"""Cleaning rule families, each with Indonesian and English pages written for these tests."""
from __future__ import annotations

import pytest

from saksi.clean.cues import load_cues
from saksi.clean.page import classify_page, outlet_name

PLACES = frozenset({"jakarta", "surabaya", "pyongyang", "seoul", "moscow", "moskow", "kyiv", "washington",
                    "london", "korea utara", "korea selatan"})


def _date_line(line: str):
    from saksi.extract.dates import parse_date_line

    return parse_date_line(line, "id") or parse_date_line(line, "en")


def page(text: str):
    return classify_page(text, load_cues(("id", "en")), PLACES, _date_line)


def kinds(text: str) -> dict[str, str]:
    return {ln.text: ln.kind for ln in page(text).lines}


BODY_ID = ("Pemerintah daerah mengumumkan anggaran baru untuk perbaikan jalan di seluruh kabupaten pada pekan ini.\n"
           "Kepala dinas mengatakan pekerjaan akan dimulai bulan depan dan selesai sebelum musim hujan tiba.\n")
BODY_EN = ("The city council approved a new budget for road repairs across the district on Tuesday evening.\n"
           "Officials said work would begin next month and finish before the rainy season arrives.\n")


@pytest.mark.parametrize("line", [
    "Baca Juga: Harga Cabai Naik Jelang Lebaran",
    "BACA JUGA: Gempa Guncang Pesisir Selatan",
    "“Simak Juga: Cara Mudah Mengurus Paspor”",
    "Lihat Juga: Daftar Tim Lolos Babak Final",
    "Read also: Markets slide as oil prices jump",
    "Read more: What the new law means for renters",
    "Related: Storm leaves thousands without power",
])
def test_read_also_lines_go(line):
    assert kinds(BODY_ID + line + "\n" + BODY_ID)[line] == "read_also"


def test_read_also_header_takes_the_link_title_below_it():
    k = kinds(BODY_ID + "Baca Juga:\nPresiden Resmikan Bendungan Baru di Jawa Tengah?\n" + BODY_ID)
    assert k["Presiden Resmikan Bendungan Baru di Jawa Tengah?"] == "read_also"
    k = kinds(BODY_EN + "Related Articles\nFloods hit northern towns\nBridge reopens after repairs\n")
    assert k["Floods hit northern towns"] == "read_also" and k["Bridge reopens after repairs"] == "read_also"


@pytest.mark.parametrize("line", [
    "SHARE :", "Bagikan", "Leave a Reply", "Your email address will not be published. Required fields are marked *",
    "This website uses cookies.", "We use cookies to improve your experience. By continuing you agree.",
    "seven + 2 =", "Tulis Komentar", "Advertisement", "Scroll untuk melanjutkan", "Follow us on Twitter",
])
def test_widgets_go(line):
    assert kinds(BODY_EN + line + "\n" + BODY_EN)[line] == "widget"


def test_editor_and_author_credits():
    p = page(BODY_ID + "Penulis :\nRina Kartika\nEditor :\nBudi Santoso\n")
    k = {ln.text: ln.kind for ln in p.lines}
    assert k["Penulis :"] == k["Rina Kartika"] == k["Editor :"] == k["Budi Santoso"] == "credit"
    assert p.author == "Rina Kartika"
    p = page(BODY_ID + "(Kompas.com / Dewi Lestari)\n")
    assert p.author == "Dewi Lestari"
    p = page(BODY_EN + "Reporting by: Tom Baker; Editing by Ann Lee\n")
    assert p.author == "Tom Baker"


@pytest.mark.parametrize("line,author", [
    ("Oleh Sari Wulandari", "Sari Wulandari"),
    ("By John Carter", "John Carter"),
    ("Laporan Wartawan Andi Pratama", "Andi Pratama"),
])
def test_bylines(line, author):
    p = page("Judul Berita Yang Cukup Panjang Untuk Sebuah Tajuk\n" + line + "\n" + BODY_ID)
    assert p.author == author
    assert {ln.text: ln.kind for ln in p.lines}[line] == "byline"


def test_source_copyright_footer():
    k = kinds(BODY_ID + "Sumber: Antara\n© 2024 Contoh Media. All Rights Reserved\n"
              "Tentang Kami Redaksi Pedoman Media Siber Kebijakan Privasi Kontak\n")
    assert k["Sumber: Antara"] == "source_line"
    assert k["© 2024 Contoh Media. All Rights Reserved"] == "copyright"
    assert k["Tentang Kami Redaksi Pedoman Media Siber Kebijakan Privasi Kontak"] == "footer"


def test_footer_zone_after_the_last_paragraph():
    k = kinds(BODY_EN + "Most Popular\nSports Desk\n")
    assert k["Most Popular"] == "widget" and k["Sports Desk"] == "footer"


def test_breadcrumb_and_kicker_and_title():
    p = page("Beranda › Nasional › Politik\nPemilu Daerah\nKPU Tetapkan Jadwal Pemungutan Suara Ulang di Tiga Kota\n" + BODY_ID)
    k = {ln.text: ln.kind for ln in p.lines}
    assert k["Beranda › Nasional › Politik"] == "section"
    assert p.title == "KPU Tetapkan Jadwal Pemungutan Suara Ulang di Tiga Kota"
    assert k["Pemilu Daerah"] == "section"


def test_site_name_first_line_is_the_outlet():
    p = page("Warta Desa\nWarga Gotong Royong Bangun Jembatan Bambu di Kampung\n" + BODY_ID)
    assert p.outlet == "Warta Desa"
    assert p.title == "Warga Gotong Royong Bangun Jembatan Bambu di Kampung"


@pytest.mark.parametrize("lead,outlet,dateline", [
    ("KABARKITA.COM – Pemerintah daerah mengumumkan anggaran baru untuk perbaikan jalan.", "Kabarkita", None),
    ("JAKARTA, KOMPAS.com - Pemerintah daerah mengumumkan anggaran baru untuk perbaikan jalan.", "Kompas", "Jakarta"),
    ("Seoul, Korea Selatan – Pemerintah mengumumkan anggaran baru untuk perbaikan jalan raya.", None, "Seoul"),
    ("LONDON (Reuters) - The government announced a new budget for road repairs on Tuesday.", "Reuters", "London"),
    ("Surabaya Pemerintah kota mengumumkan anggaran baru untuk perbaikan jalan di seluruh wilayah.", None, "Surabaya"),
    ("Pantau - Pemerintah daerah mengumumkan anggaran baru untuk perbaikan jalan di kota.", "Pantau", None),
    # the place of a dateline is never the outlet, known or not
    ("ACEH TIMUR, KOMPAS.com - Pemerintah daerah mengumumkan anggaran baru untuk perbaikan jalan.", "Kompas", "Aceh Timur"),
    ("TRIBUNNEWS.COM, JAKARTA - Pemerintah daerah mengumumkan anggaran baru untuk perbaikan jalan.", "Tribunnews", "Jakarta"),
    ("RIVERTON, Ore. (AP) — The government announced a new budget for road repairs on Tuesday.", "AP", "Riverton"),
    ("PORT VERRAN, June 4 (Reuters) - The government announced a new budget for road repairs.", "Reuters", "Port Verran"),
    ("CIANJUR - Pemerintah daerah mengumumkan anggaran baru untuk perbaikan jalan di kota.", None, "Cianjur"),
])
def test_lead_prefix_outlet_and_dateline(lead, outlet, dateline):
    p = page(lead + "\n" + BODY_ID)
    assert p.outlet == outlet and p.dateline == dateline
    first = next(i for i, ln in enumerate(p.lines) if ln.kind == "content")
    rest = p.lines[first].text[p.lead_skip.get(first, 0):]
    assert rest.startswith(("Pemerintah", "The government"))


def test_lead_without_prefix_is_untouched():
    p = page("Korea Utara menegaskan dukungannya kepada sekutunya dalam pernyataan resmi hari ini.\n" + BODY_ID)
    assert p.dateline is None and p.outlet is None and not p.lead_skip


@pytest.mark.parametrize("caption", [
    "Foto: Presiden menyapa warga saat kunjungan kerja di Surabaya. (Dok. Istimewa)",
    "Photo: Rescue workers search the rubble after the quake. (Reuters)",
    "Foto arsip: Tentara Korea Utara berbaris dalam parade militer di Pyongyang, 10 Oktober 2020.",
    "File photo: Soldiers march during a military parade in the capital, October 10, 2020.",
    "BANJIR BANDANG - Foto diambil dari udara memperlihatkan rumah warga terendam air, Senin (3/3/2025).",
])
def test_captions_leave_the_body(caption):
    assert kinds("Judul Berita Yang Cukup Panjang Untuk Sebuah Tajuk\n" + caption + "\n" + BODY_ID)[caption] == "caption"


def test_photo_credit_next_to_caption():
    k = kinds(BODY_EN + "AP Photo/Jane Doe\nPhoto: Crowds gather outside the parliament building on Monday.\n" + BODY_EN)
    assert k["AP Photo/Jane Doe"] == "photo_credit"


def test_date_line_in_header():
    p = page("Senin, 3 Maret 2025 10:15 WIB\nJudul Berita Yang Cukup Panjang Untuk Sebuah Tajuk\n" + BODY_ID)
    assert {ln.text: ln.kind for ln in p.lines}["Senin, 3 Maret 2025 10:15 WIB"] == "date"


def test_subheadings_quotes_and_list_items_stay():
    text = (BODY_ID + "Dampak bagi Petani\n" + BODY_ID + "“Kami berharap bantuan segera datang,” kata seorang warga.\n"
            "Bantuan yang disalurkan meliputi:\n- Beras 10 ton\n- Obat-obatan\n" + BODY_ID)
    k = kinds(text)
    assert k["Dampak bagi Petani"] == "subheading"
    assert k["“Kami berharap bantuan segera datang,” kata seorang warga."] == "content"
    assert k["- Beras 10 ton"] == "content" and k["- Obat-obatan"] == "content"


def test_title_repeated_as_image_alt_goes():
    title = "Warga Gotong Royong Bangun Jembatan Bambu di Kampung"
    k = page(title + "\n" + title + "\nFoto: Warga bekerja bersama di tepi sungai.\n" + BODY_ID)
    assert [ln.kind for ln in k.lines][:2] == ["title", "title_repeat"]


def test_outlet_names():
    assert outlet_name("TRIBUNNEWS.COM") == "Tribunnews"
    assert outlet_name("Kompas.com") == "Kompas"
    assert outlet_name("5Blogger") == "5Blogger"


def test_credits_without_a_colon_and_initials():
    p = page(BODY_ID + "Penulis Kontributor Surabaya, Dewi Lestari | Editor Budi Santoso\n")
    assert p.author == "Dewi Lestari" and p.lines[-1].kind == "credit"
    p = page(BODY_EN + "Reporting by Tom Baker in London; Editing by Ann Lee\n")
    assert p.author == "Tom Baker" and p.lines[-1].kind == "credit"
    p = page(BODY_ID + "(rzm/ahy)\n")  # editors' initials name nobody
    assert p.author is None and p.lines[-1].kind == "credit"
    # a sentence that opens with a label word stays text
    k = kinds(BODY_ID + "Penulis buku itu mengatakan bahwa cetakan kedua akan terbit bulan depan.\n")
    assert k["Penulis buku itu mengatakan bahwa cetakan kedua akan terbit bulan depan."] == "content"


def test_dated_byline_and_site_date_line():
    p = page("Judul Berita Yang Cukup Panjang Untuk Sebuah Tajuk\nPosted on March 4, 2024 by DINA RAHMAN\n" + BODY_EN)
    assert p.author == "Dina Rahman" and p.published == "2024-03-04"
    p = page("Judul Berita Yang Cukup Panjang Untuk Sebuah Tajuk\nKompas.com - 03/11/2024, 14:20 WIB\n" + BODY_ID)
    assert p.lines[1].kind == "date" and p.lines[1].detail == "2024-11-03" and p.timezone == "WIB"


def test_name_then_site_is_a_byline():
    p = page("Judul Berita Yang Cukup Panjang Untuk Sebuah Tajuk\nRizky Maulana - detikNews\n" + BODY_ID)
    assert p.author == "Rizky Maulana" and p.lines[1].kind == "byline"
