"""Metadata and body of realistic pages (issue 12, item 4): made-up articles in the styles of AP, Reuters,
Kompas, Detik, Tribun and a WordPress blog, each as HTML and as the scraped text a crawler keeps
(tests/page_styles.py). Title over navigation, title-case bylines, credits as metadata, related-coverage
blocks out of the body (and out of cited sources and claims), the outlet from the site and the place
from the dateline."""
from __future__ import annotations

import pytest

import page_styles as ps
from facts_helper import resources
from saksi.clean.cues import load_cues
from saksi.clean.names import credited_name, person_names, title_case
from saksi.clean.page import classify_page, is_menu
from saksi.ingest.html import extract_html
from saksi.ingest.readers import extract_document
from saksi.lang import available_languages
from saksi.model import Document
from saksi.pipeline import analyse

STYLES = ["ap", "reuters", "kompas", "detik", "tribun", "wordpress"]


def _read(style: str, kind: str):
    """(article, claims, page) of one test page read as the pipeline reads it."""
    res = resources()
    src = getattr(ps, f"{style}_{kind}")()
    if kind == "html":
        doc = extract_document(Document(name=style, path=style, text="", fmt="html", html=src))
    else:
        doc = Document(name=style, path=style, text=src, fmt="txt")
    analysis = analyse(doc, res)
    page = classify_page(doc.text, res.cues, res.places, res.date_line)
    return analysis.article, analysis.claims, page


@pytest.fixture(scope="module")
def read():
    cache = {}

    def get(style, kind):
        if (style, kind) not in cache:
            cache[style, kind] = _read(style, kind)
        return cache[style, kind]
    return get


EXPECTED = {  # style: title, author, dateline, published, text page's time zone, HTML page's offset
    "ap": (ps.AP_HEADLINE, ps.AP_AUTHORS.replace("'", "’"), "Riverton", "2024-03-11", "EDT", "-04:00"),
    "reuters": (ps.RT_HEADLINE, "Ana Ribeiro", "Port Verran", "2024-06-04", "UTC", "+00:00"),
    "kompas": (ps.KP_HEADLINE, "Dian Pratiwi", "Aceh Timur", "2024-11-03", "WIB", "+07:00"),
    "detik": (ps.DT_HEADLINE, "Rizky Maulana", "Jakarta", "2024-03-04", "WIB", None),
    "tribun": (ps.TB_HEADLINE, "Namira Putri", "Jakarta", "2024-03-06", "WIB", "+07:00"),
    "wordpress": (ps.WP_HEADLINE, "Dina Rahman", None, "2024-10-02", None, "+00:00"),
}
OUTLET = {"ap": {"AP", "AP News"}, "reuters": {"Reuters"}, "kompas": {"Kompas"}, "detik": {"detikNews", "Detiknews"},
          "tribun": {"Tribunnews"}, "wordpress": {"Elm Street Gardeners"}}


@pytest.mark.parametrize("kind", ["html", "text"])
@pytest.mark.parametrize("style", STYLES)
def test_metadata(read, style, kind):
    article, _, page = read(style, kind)
    title, author, dateline, published, zone, offset = EXPECTED[style]
    assert article.title == title
    assert article.author == author
    assert article.dateline == dateline
    assert article.published == published
    assert article.outlet in OUTLET[style]
    assert article.outlet != article.dateline  # the place of a dateline is never the outlet
    if kind == "text":
        assert page.timezone == zone
    else:
        assert extract_html(getattr(ps, f"{style}_html")()).timezone == offset


@pytest.mark.parametrize("style, site", [("ap", "AP News"), ("kompas", "KOMPAS.com"), ("tribun", "Tribunnews.com"),
                                         ("wordpress", "Elm Street Gardeners"), ("reuters", "Reuters")])
def test_html_outlet_is_the_site(style, site):
    ex = extract_html(getattr(ps, f"{style}_html")())
    assert ex.sitename == site


FURNITURE = {
    "ap": [ps.AP_MENU, "RELATED COVERAGE", *ps.AP_RELATED, "Copyright 2024", "By JANE"],
    "reuters": ["Reporting by", "Editing by", "Our Standards", "Read Next"],
    "kompas": ["Baca juga", ps.KP_RELATED, "Lihat Juga", "Penulis", "Editor", "Kompas.com - 03/11"],
    "detik": ["Baca juga", "Tarif Parkir", "(rzm/ahy)", "Rizky Maulana - detikNews"],
    "tribun": ["Baca juga", "Harga Cabai", "Stok Beras", "Editor:", "Penulis:"],
    "wordpress": ["Leave a Reply", "Recent Posts", "Seed swap", "Posted in", "Archives", "Home About Blog",
                  "Your email address", "powered by WordPress"],
}
BODY = {"ap": ps.AP_BODY, "reuters": ps.RT_BODY, "kompas": ps.KP_BODY, "detik": ps.DT_BODY, "tribun": ps.TB_BODY,
        "wordpress": ps.WP_BODY}


@pytest.mark.parametrize("kind", ["html", "text"])
@pytest.mark.parametrize("style", STYLES)
def test_menus_credits_and_related_blocks_leave_the_body(read, style, kind):
    article, claims, _ = read(style, kind)
    for furniture in FURNITURE[style]:
        assert furniture not in article.body
        assert not any(furniture in c.quote for c in claims)
    # the article's own paragraphs stay (their dateline prefix may be cut)
    assert BODY[style][-1] in article.body
    assert BODY[style][0].split(" - ", 1)[-1].split(" — ", 1)[-1] in article.body


@pytest.mark.parametrize("kind", ["html", "text"])
@pytest.mark.parametrize("style", STYLES)
def test_related_headlines_and_credits_are_no_cited_sources(read, style, kind):
    article, _, _ = read(style, kind)
    cited = " ".join(article.cited_sources)
    for name in ("Governor", "Farmers", "Ana Ribeiro", "Tom Hale", "Sara Quint", "Dian Pratiwi", "Budi Santoso",
                 "Namira", "Hasanudin", "Rizky", "Dina Rahman", "Riverton", "Aceh Timur"):
        assert name not in cited


def test_headline_is_no_standfirst_under_a_menu(read):
    _, _, page = read("ap", "text")
    kinds = {ln.text: ln.kind for ln in page.lines}
    assert kinds[ps.AP_MENU] == "section" and kinds[ps.AP_HEADLINE] == "title"
    assert kinds["RELATED COVERAGE"] == kinds[ps.AP_RELATED[0]] == kinds[ps.AP_RELATED[1]] == "read_also"


def test_a_menu_as_the_html_title_gives_way_to_the_headline():
    html = ps.ap_html().replace('<h1 class="Page-headline">', '<h2 class="Page-headline">').replace("</h1>", "</h2>")
    ex = extract_html(html)
    assert ex.title == ps.AP_HEADLINE and not ex.text.startswith(ps.AP_HEADLINE)


# ---------------------------------------------------------------- the rules, one by one, in every language

CUES = load_cues(available_languages())


@pytest.mark.parametrize("raw, names", [
    ("JANE MCDONALD and PATRICK O'NEILL", "Jane McDonald, Patrick O'Neill"),
    ("MARÍA JOSÉ PÉREZ Y LUIS GÓMEZ", "María José Pérez, Luis Gómez"),
    ("ANA DE SOUZA e JOÃO DA SILVA", "Ana de Souza, João da Silva"),
    ("HANS MÜLLER und ERIKA VON STEIN", "Hans Müller, Erika von Stein"),
    ("JEAN DUPONT et CLAIRE D'ARCY", "Jean Dupont, Claire D'Arcy"),
    ("Siti Nurhaliza dan Ahmad bin Ali", "Siti Nurhaliza, Ahmad bin Ali"),
    ("deWitt McKay", "deWitt McKay"),  # mixed case is the page's own spelling
])
def test_person_names(raw, names):
    assert person_names(raw, CUES) == names


def test_title_case_keeps_initials_and_hyphens():
    assert title_case("J.R. SMITH-JONES") == "J.R. Smith-Jones"


@pytest.mark.parametrize("rest, name", [
    ("Kontributor Aceh Timur, Dian Pratiwi | Editor Budi Santoso", "Dian Pratiwi"),
    ("Ana Ribeiro in Port Verran; Editing by Tom Hale", "Ana Ribeiro"),
    ("Marta Ruiz en Bogotá; edición de Luis Mora", "Marta Ruiz"),
    ("Raka Wijaya di Surabaya", "Raka Wijaya"),
])
def test_credited_name(rest, name):
    assert credited_name(rest, CUES) == name


@pytest.mark.parametrize("line", [
    "Baca Juga: Harga Beras Naik di Pasar Induk",  # id, ms
    "Lihat Juga: Daftar Sekolah Penerima Bantuan",
    "Read more: City council approves new budget",
    "RELATED COVERAGE",
    "Lire aussi : Le maire annonce un nouveau budget",
    "Lea también: El alcalde presenta un nuevo presupuesto",
    "Mehr zum Thema: Stadtrat beschließt neuen Haushalt",
    "Leia também: Prefeito anuncia novo orçamento",
    "Baca lagi: Majlis bandaraya luluskan bajet baharu",
])
def test_related_cues_in_every_language(line):
    assert CUES.read_also.match(line)


@pytest.mark.parametrize("line", [
    "World U.S. Politics Sports Entertainment Business Science",
    "Beranda Nasional Internasional Ekonomi Olahraga Teknologi",
    "Utama Nasional Dunia Bisnes Sukan Hiburan",
    "Inicio Internacional Política Economía Deportes Cultura",
    "Accueil International Politique Économie Société Culture",
    "Startseite Politik Wirtschaft Sport Kultur Wissen",
    "Início Brasil Mundo Política Economia Esportes",
    "Home About Blog",
])
def test_menus_in_every_language(line):
    assert is_menu(line, CUES)


@pytest.mark.parametrize("line", [
    "Sports minister resigns over business deal in world cup row",
    "Politik dan Ekonomi Indonesia Menjelang Pemilu",
    "Home sales rise in the capital.",
])
def test_headlines_are_no_menus(line):
    assert not is_menu(line, CUES)


def test_a_related_list_the_extractor_keeps_leaves_the_body():
    html = ps.ap_html().replace('<div class="Related"><h2>RELATED COVERAGE</h2><ul>',
                                "<p><strong>RELATED COVERAGE</strong></p><ul>").replace("</ul></div>", "</ul>", 1)
    doc = extract_document(Document(name="ap2", path="ap2", text="", fmt="html", html=html))
    assert "RELATED COVERAGE" in doc.text  # the extractor keeps it: the line cleaner must drop it
    analysis = analyse(doc, resources())
    for headline in ps.AP_RELATED:
        assert headline not in analysis.article.body
        assert not any(headline in c.quote for c in analysis.claims)
    assert not any(w in " ".join(analysis.article.cited_sources) for w in ("Governor", "Farmers"))


# scraped pages in the other languages: menu, byline in capitals, related link, body
OTHER_LANGUAGES = {
    "es": ("Inicio Internacional Política Economía Deportes Cultura", "Por MARÍA PÉREZ y LUIS GÓMEZ",
           "Lea también: El puerto reabre tras la huelga", "María Pérez, Luis Gómez",
           "El ayuntamiento aprobó el martes un nuevo presupuesto para reparar las calles del centro histórico.\n"
           "Las obras comenzarán el próximo mes y terminarán antes de la temporada de lluvias, dijo la alcaldesa."),
    "fr": ("Accueil International Politique Économie Société Culture", "Par JEAN DUPONT et CLAIRE MARTIN",
           "Lire aussi : Le port rouvre après la grève", "Jean Dupont, Claire Martin",
           "Le conseil municipal a approuvé mardi un nouveau budget pour réparer les rues du centre historique.\n"
           "Les travaux commenceront le mois prochain et finiront avant la saison des pluies, a dit la maire."),
    "de": ("Startseite Politik Wirtschaft Sport Kultur Wissen", "Von HANS MÜLLER und ERIKA SCHMIDT",
           "Mehr zum Thema: Hafen nach Streik wieder offen", "Hans Müller, Erika Schmidt",
           "Der Stadtrat hat am Dienstag einen neuen Haushalt für die Reparatur der Straßen in der Altstadt beschlossen.\n"
           "Die Arbeiten beginnen im nächsten Monat und enden vor der Regenzeit, sagte die Bürgermeisterin."),
    "pt": ("Início Brasil Mundo Política Economia Esportes", "Por ANA SOUZA e JOÃO SILVA",
           "Leia também: Porto reabre após a greve", "Ana Souza, João Silva",
           "A câmara municipal aprovou na terça-feira um novo orçamento para reparar as ruas do centro histórico.\n"
           "As obras começam no próximo mês e terminam antes da estação das chuvas, disse a prefeita."),
    "ms": ("Utama Nasional Dunia Bisnes Sukan Hiburan", "Oleh SITI AMINAH dan AHMAD BIN ALI",
           "Baca lagi: Pelabuhan dibuka semula selepas mogok", "Siti Aminah, Ahmad bin Ali",
           "Majlis bandaraya meluluskan bajet baharu pada hari Selasa untuk membaiki jalan di pusat bandar lama.\n"
           "Kerja akan bermula bulan depan dan siap sebelum musim hujan, kata datuk bandar."),
}


@pytest.mark.parametrize("code", sorted(OTHER_LANGUAGES))
def test_scraped_pages_in_other_languages(code):
    menu, byline, related, author, body = OTHER_LANGUAGES[code]
    headline = "Un titular de prueba bastante largo para esta página"
    res = resources()
    text = "\n".join([menu, headline, byline, body.split("\n")[0], related, body.split("\n")[1]])
    page = classify_page(text, res.cues, res.places, res.date_line)
    kinds = {ln.text: ln.kind for ln in page.lines}
    assert page.title == headline and kinds[menu] == "section"
    assert page.author == author and kinds[byline] in ("byline", "credit")
    assert kinds[related] == "read_also"
    assert [ln.kind for ln in page.lines][-3:] == ["content", "read_also", "content"]
