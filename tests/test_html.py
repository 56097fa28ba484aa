"""saksi.ingest.html: article text and stated metadata from HTML pages; bad pages fail with a reason."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saksi.ingest.html import HtmlExtract, clean_title, declared_language, extract_html

P1 = ("CIANJUR - Gempa bermagnitudo 5,6 mengguncang Kabupaten Cianjur, Jawa Barat, pada Senin pagi. Badan "
      "Meteorologi, Klimatologi, dan Geofisika (BMKG) mencatat pusat gempa berada di kedalaman 10 kilometer.")
P2 = ("Kepala BPBD Cianjur, Asep Sukmana, mengatakan sedikitnya 12 rumah mengalami kerusakan ringan hingga "
      "sedang. \"Kami masih mendata kerusakan di tiga kecamatan,\" kata Asep kepada wartawan.")
P3 = ("Sebagian warga memilih bertahan di luar rumah karena khawatir terjadi gempa susulan. Pemerintah "
      "daerah telah menyiapkan tenda darurat di lapangan desa.")
P4 = "Hingga Senin siang, BMKG mencatat empat gempa susulan dengan magnitudo terbesar 3,2."
QUOTE = "\"Kami imbau masyarakat tetap tenang dan tidak termakan isu,\" ujar Asep."
CAPTION = "Warga melihat rumah yang rusak akibat gempa di Cianjur, Senin (6/3/2023). (FOTO: ANTARA/Budi)"
HEADLINE = "Gempa Magnitudo 5,6 Guncang Cianjur, 12 Rumah Rusak"

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="utf-8">
<title>{HEADLINE} - Kabar Nusantara</title>
<meta property="og:site_name" content="Kabar Nusantara">
<meta name="author" content="Rina Wulandari">
<meta name="description" content="Gempa mengguncang Cianjur pada Senin pagi.">
<meta property="article:published_time" content="2023-03-06T08:15:00+07:00">
</head>
<body>
<div id="cookie-banner" class="cookie-consent">Kami menggunakan cookie untuk meningkatkan pengalaman Anda.
<button>Setuju</button></div>
<header><nav><ul><li><a href="/">Beranda</a></li><li><a href="/nasional">Nasional</a></li>
<li><a href="/ekonomi">Ekonomi</a></li><li><a href="/olahraga">Olahraga</a></li></ul></nav></header>
<main><article>
<h1>{HEADLINE}</h1>
<div class="byline">Oleh <span class="author">Rina Wulandari</span> |
<time datetime="2023-03-06">Senin, 6 Maret 2023 08:15 WIB</time></div>
<figure><img src="/img/gempa.jpg" alt="gempa"><figcaption>{CAPTION}</figcaption></figure>
<p>{P1}</p>
<p>{P2}</p>
<div class="baca-juga"><strong>Baca Juga:</strong> <a href="/berita/banjir">Banjir Rendam Ratusan Rumah di Bandung</a></div>
<h2>Warga Mengungsi</h2>
<p>{P3}</p>
<ul><li>Kecamatan Cugenang: 7 rumah rusak</li><li>Kecamatan Pacet: 3 rumah rusak</li>
<li>Kecamatan Cipanas: 2 rumah rusak</li></ul>
<blockquote>{QUOTE}</blockquote>
<p>{P4}</p>
</article></main>
<aside><h3>Berita Terpopuler</h3><ul><li><a href="/a">Harga Beras Naik Lagi</a></li>
<li><a href="/b">Timnas Menang 3-0</a></li></ul></aside>
<footer><p>&copy; 2023 Kabar Nusantara. Hak cipta dilindungi undang-undang.</p>
<a href="/tentang">Tentang Kami</a> <a href="/redaksi">Redaksi</a></footer>
</body></html>"""


@pytest.fixture(scope="module")
def news() -> HtmlExtract:
    ex = extract_html(NEWS_PAGE, url="https://kabar.example.id/berita/gempa-cianjur")
    assert ex is not None
    return ex


# ---------------------------------------------------------------- a well-formed news page

def test_metadata_stated_by_the_page(news):
    assert news.title == HEADLINE  # the site name after " - " is not part of the headline
    assert news.author == "Rina Wulandari"
    assert news.date == "2023-03-06"
    assert news.sitename == "Kabar Nusantara"
    assert news.description == "Gempa mengguncang Cianjur pada Senin pagi."
    assert news.language == "id"
    assert news.url == "https://kabar.example.id/berita/gempa-cianjur"


def test_text_is_one_paragraph_per_line(news):
    lines = news.text.split("\n")
    assert all(line.strip() == line and line for line in lines)  # no blank or padded lines
    for paragraph in (P1, P2, P3, P4, QUOTE):
        assert paragraph in lines
    assert "Warga Mengungsi" in lines  # in-article subheading kept
    assert [line for line in lines if "Kecamatan" in line] == [
        "- Kecamatan Cugenang: 7 rumah rusak", "- Kecamatan Pacet: 3 rumah rusak", "- Kecamatan Cipanas: 2 rumah rusak"]
    assert lines.index(P1) < lines.index(P2) < lines.index(P3) < lines.index(P4)  # reading order


def test_boilerplate_outside_the_article_is_gone(news):
    for junk in ("Beranda", "Olahraga", "cookie", "Setuju", "Berita Terpopuler", "Harga Beras", "Hak cipta",
                 "Tentang Kami", "Redaksi"):
        assert junk not in news.text


def test_headline_is_metadata_not_body(news):
    assert news.text.split("\n")[0] != HEADLINE
    assert news.text.startswith("CIANJUR") or HEADLINE not in news.text


def test_in_article_leftovers_stay_on_their_own_lines(news):
    # "Baca Juga" links and photo captions may survive extraction; saksi's line cleaner classifies them,
    # so they must never be glued to an article paragraph.
    for line in news.text.split("\n"):
        if "Baca Juga" in line:
            assert line.startswith("Baca Juga") and "Gempa" not in line
        if "FOTO: ANTARA" in line:
            assert line == CAPTION


# ---------------------------------------------------------------- dates only where stated

def _page(head: str = "", body_extra: str = "", title: str = "Harga Cabai Melonjak di Pasar Induk") -> str:
    body = "".join(f"<p>{p}</p>" for p in (P1, P2, P3, P4))
    return (f"<html><head><title>{title}</title>{head}</head>"
            f"<body><article><h1>{title}</h1>{body_extra}{body}</article></body></html>")


def test_no_date_when_the_page_states_none():
    ex = extract_html(_page(), url="https://kabar.example.id/berita/harga-cabai")
    assert ex is not None and ex.date is None  # never the download date


def test_date_from_the_url():
    ex = extract_html(_page(), url="https://kabar.example.id/2024/01/15/harga-cabai")
    assert ex is not None and ex.date == "2024-01-15"


def test_original_date_preferred_over_modified():
    head = ('<meta property="article:published_time" content="2022-11-21T10:00:00+07:00">'
            '<meta property="article:modified_time" content="2022-11-25T09:00:00+07:00">')
    ex = extract_html(_page(head))
    assert ex is not None and ex.date == "2022-11-21"


def test_metadata_absent_is_none():
    ex = extract_html(_page())
    assert ex is not None
    assert ex.author is None and ex.sitename is None and ex.language is None and ex.url is None


# ---------------------------------------------------------------- titles and languages

@pytest.mark.parametrize("title, site, host, lines, want", [
    ("Harga Cabai Melonjak - Kabar Nusantara", "Kabar Nusantara", None, [], "Harga Cabai Melonjak"),
    ("Harga Cabai Melonjak | Republika Online", None, "republika.co.id", [], "Harga Cabai Melonjak"),
    ("Kompas.com - Harga Cabai - Melonjak", None, "kompas.com", [], "Harga Cabai - Melonjak"),
    ("Ekonomi | Harga Cabai Melonjak", None, None, ["Harga Cabai Melonjak"], "Harga Cabai Melonjak"),
    ("Harga Cabai Melonjak - Pedagang Mengeluh", None, "example.id", [], "Harga Cabai Melonjak - Pedagang Mengeluh"),
    ("Kompas.com", None, "kompas.com", [], "Kompas.com"),
    (None, None, None, [], None),
])
def test_clean_title(title, site, host, lines, want):
    assert clean_title(title, site, host, lines) == want


@pytest.mark.parametrize("head, want", [
    ('<html lang="id-ID">', "id"),
    ('<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">', "en"),
    ('<html><head><meta property="og:locale" content="in_ID" />', "id"),
    ('<html><head><meta http-equiv="Content-Language" content="de">', "de"),
    ("<html><head>", None),
])
def test_declared_language(head, want):
    assert declared_language(head) == want


# ---------------------------------------------------------------- broken and bad pages

def test_broken_unclosed_html_still_gives_text():
    html = ("<html><head><title>Banjir Rob Rendam Pesisir Utara</title><body><div class=content>"
            f"<p>{P1}<p>{P2}<div><p>{P3}<b>tebal tanpa penutup</i></span><p>{P4}<!-- komentar tanpa akhir")
    ex = extract_html(html)
    assert ex is not None
    assert ex.title == "Banjir Rob Rendam Pesisir Utara"
    assert P1 in ex.text.split("\n") and P2 in ex.text.split("\n")


def test_stray_nul_and_lone_surrogates_do_not_break_the_page():
    html = _page().replace(P2, P2[:40] + "\x00" + P2[40:]).replace(P3, P3[:30] + "\ud800" + P3[30:])
    ex = extract_html(html)
    assert ex is not None and P1 in ex.text and P4 in ex.text


@pytest.mark.parametrize("html, reason", [
    ("", "empty"),
    ("  \n\t ", "empty"),
    ("Hanya teks biasa tanpa markah HTML sama sekali, misalnya sebuah berkas .txt yang salah nama.", "no HTML markup"),
    (bytes(range(256)).decode("latin-1") * 8, "binary"),
    ("<html>\x00\x01\x02\x03" * 50, "binary"),
])
def test_unusable_input_raises_a_short_reason(html, reason):
    with pytest.raises(ValueError, match=reason) as err:
        extract_html(html)
    assert "\n" not in str(err.value) and len(str(err.value)) < 80


def test_random_binary_garbage_raises_value_error():
    garbage = os.urandom(4096).decode("latin-1")
    with pytest.raises(ValueError, match="binary"):
        extract_html(garbage)


def test_bytes_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="bytes"):
        extract_html(NEWS_PAGE.encode())  # type: ignore[arg-type]


@pytest.mark.parametrize("html", [
    "<html><head><title>Kosong</title></head><body></body></html>",
    "<html><body><div><span></span></div></body></html>",
    "<html><script>var iklan = 1;</script><style>p{color:red}</style></html>",
    "<div>" * 50_000 + "x",
])
def test_pages_without_article_text_return_none(html):
    assert extract_html(html) is None


_SOUP = st.lists(st.one_of(
    st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<article>", "<h1>", "</h1>", "<br>", "<!--", "-->",
                     "<script>", "</script>", "<title>", "<meta name='author' content='X'>", "&amp;", "&#0;",
                     "<![CDATA[", "]]>", "<table><tr><td>", "<", ">", "\"", "'"]),
    st.text(max_size=40),
), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SOUP)
def test_any_input_gives_extract_none_or_value_error(html):
    try:
        ex = extract_html(html)
    except ValueError as e:
        assert str(e)
        return
    assert ex is None or (isinstance(ex, HtmlExtract) and ex.text and "\n\n" not in ex.text)


@pytest.mark.parametrize("value, sitename, host, expected", [
    ("Penulis: Rina Wulandari", None, None, "Rina Wulandari"),
    ("View all posts by Daniel Brown", None, "example.org", "Daniel Brown"),
    ("Harian Contoh GmbH; Benjamin Fischer; Marcus Theurer", "Harian Contoh GmbH", "harian.example",
     "Benjamin Fischer, Marcus Theurer"),
    ("JANE MCDONALD; PATRICK O'NEILL", None, None, "Jane McDonald, Patrick O'Neill"),
    ("By ANA DE SOUZA and JOHN ROE", None, None, "Ana de Souza, John Roe"),
    ("Example Times", "Example Times", "exampletimes.com", "Example Times"),  # the site alone stays
    ("No author", None, None, None),
    ("wordpressadmin", None, None, None),
])
def test_author_metadata_is_cleaned(value, sitename, host, expected):
    from saksi.ingest.html import _author

    assert _author(value, sitename, host) == expected
