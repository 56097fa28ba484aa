"""Dated events (saksi.extract.events) on sentences written for these tests: meetings and visits,
statements, treaties, foundings, the start of a war; dates with weekdays, relative dates, caption
dates; merging and not flooding."""
from __future__ import annotations

import pytest

from facts_helper import events_of, read


def only(text: str, **kw):
    evs = events_of(text, **kw)
    assert len(evs) == 1, [(e.date, e.type, e.participants) for e in evs]
    return evs[0]


@pytest.mark.parametrize("text, pub, date, etype, who", [
    ("Menteri Luar Negeri Rusia Sergei Lavrov bertemu Kim Jong Un di Pyongyang, Senin (2/6/2025).",
     None, "2025-06-02", "meeting", {"Sergei Lavrov", "Kim Jong Un"}),
    ("Menteri Pertahanan Rusia Andrey Belousov tiba di Pyongyang pada Jumat (29/11/2024) dan bertemu "
     "dengan mitranya, No Kwang Chol.", None, "2024-11-29", "meeting", {"Andrey Belousov", "No Kwang Chol"}),
    ("Putin dan Kim Jong Un menandatangani perjanjian kemitraan strategis di Pyongyang pada 19 Juni 2024.",
     None, "2024-06-19", "treaty_signed", {"Russia", "North Korea"}),
    ("Pada Juni lalu, Rusia dan Korea Utara menandatangani pakta pertahanan bersama.",
     "2024-11-29", "2024-06", "treaty_signed", {"Russia", "North Korea"}),
    ("Tim Pemantau Sanksi Multilateral (MSMT) diluncurkan Oktober 2024 lalu oleh 11 negara.",
     "2025-06-01", "2024-10", "organisation_founded", {"Multilateral Sanctions Monitoring Team"}),
    ("Untuk pertama kalinya pada April lalu, Korea Utara mengonfirmasi bahwa pasukannya bertempur di Kursk.",
     "2025-06-02", "2025-04", "statement", {"North Korea"}),
    ("Perang Rusia dan Ukraina pecah pada 24 Februari 2022.", None, "2022-02-24", "war_start",
     {"Russia", "Ukraine"}),
    # English
    ("Russian Defence Minister Andrei Belousov met Kim Jong Un in Pyongyang on Friday.", "2024-11-30",
     "2024-11-29", "meeting", {"Andrey Belousov", "Kim Jong Un"}),
    ("Sergei Shoigu held talks with Kim Jong Un in Pyongyang on June 4, 2025.", None, "2025-06-04",
     "meeting", {"Sergei Shoigu", "Kim Jong Un"}),
    ("Russia and North Korea signed a mutual defence treaty in June 2024.", "2025-06-01", "2024-06",
     "treaty_signed", {"Russia", "North Korea"}),
    ("The war began when Russia invaded Ukraine on February 24, 2022.", None, "2022-02-24", "war_start",
     {"Russia", "Ukraine"}),
])
def test_events(text, pub, date, etype, who):
    e = only(text, published=pub)
    assert e.date == date
    assert e.type == etype
    assert who <= set(e.participants), e.participants
    assert e.summary and e.quote


def test_place_and_summary():
    e = only("Kim Jong Un menerima Menteri Luar Negeri Rusia Sergei Lavrov di Wonsan pada Sabtu (12/7/2025).")
    assert e.place == "Wonsan" and e.date == "2025-07-12"
    assert e.summary == "Kim Jong Un receives Sergei Lavrov in Wonsan"


def test_war_start_from_since():
    e = only("Sejak perang dimulai pada Februari 2022, Rusia menghadapi tekanan logistik besar. "
             "Perang Rusia-Ukraina itu kini memasuki tahun keempat.", published="2025-06-01")
    assert (e.type, e.date) == ("war_start", "2022-02")
    assert set(e.participants) == {"Russia", "Ukraine"}


def test_since_dates_no_transfer():
    """"has supplied ... since February 2022" is a state of affairs, not an event on that date."""
    evs = events_of("Pyongyang has supplied millions of shells to Moscow since February 2022.",
                    published="2025-06-01")
    assert all(e.type == "war_start" for e in evs)


def test_caption_date_of_the_scene_not_of_the_photo():
    text = ("Korea Utara Dukung Rusia\n\n"
            "PUTIN DI PYONGYANG - Foto diambil dari publikasi Kantor Presiden Rusia, Selasa (6/5/2025), "
            "memperlihatkan Presiden Rusia Vladimir Putin (kiri) bersulang dengan Kim Jong Un (kanan) di "
            "Pyongyang pada 18 Juni 2024.\n\n"
            "Isi berita ini membahas hubungan ekonomi kedua negara yang terus berkembang dalam beberapa "
            "tahun terakhir tanpa menyebut tanggal.\n")
    a, _, evs, _ = read(text, published="2025-09-09")
    assert [(e.date, e.type) for e in evs] == [("2024-06-18", "meeting")]
    assert evs[0].in_caption
    assert {"Vladimir Putin", "Kim Jong Un"} <= set(evs[0].participants)
    assert evs[0].place == "Pyongyang"


def test_a_photo_date_alone_is_no_event():
    text = ("Judul Berita Tentang Korea\n\n"
            "Foto: Kim Jong Un bertemu pejabat Rusia. (Foto diambil Selasa, 6/5/2025)\n\n"
            "Paragraf isi yang panjang tentang kebijakan ekonomi tanpa tanggal apa pun dan tanpa peristiwa.\n")
    a, _, evs, _ = read(text, published="2025-05-07")
    assert not any(e.date == "2025-05-06" for e in evs)


def test_statement_anaphora_and_merging():
    """"Pernyataan ini" takes who spoke from the sentence before; the lead statement and the dated one
    are one event."""
    text = ("Korea Utara menegaskan dukungannya terhadap kerja sama militer dengan Rusia. Pernyataan ini "
            "muncul pada Senin (2/6/2025), merespons kritik dari kelompok pemantau sanksi.\n")
    evs = events_of(text)
    assert [(e.date, e.type, e.participants) for e in evs] == [("2025-06-02", "statement", ["North Korea"])]


def test_statement_at_a_meeting_is_the_meeting():
    text = ("Menteri Pertahanan Rusia, Andrey Belousov, menyatakan bahwa hubungan kedua negara terus "
            "berkembang, pada Jumat (29/11/2024).\n\n"
            "Diketahui, pernyataan ini disampaikan dalam sebuah pertemuan dengan Menteri Pertahanan Korea "
            "Utara, No Kwang Chol, di Pyongyang, pada Jumat.\n")
    evs = events_of(text)
    assert len(evs) == 1
    e = evs[0]
    assert (e.date, e.type, e.place) == ("2024-11-29", "meeting", "Pyongyang")
    assert {"Andrey Belousov", "No Kwang Chol"} <= set(e.participants)


def test_undated_lead_meeting_takes_the_article_month():
    text = ("5Blogger – Presiden Korea Utara Kim Jong Un kembali menegaskan dukungan terhadap Rusia. Hal "
            "tersebut disampaikan saat menerima Menteri Luar Negeri Rusia, Sergei Lavrov, di Wonsan.\n\n"
            "Pertemuan itu berlangsung akrab, tulis KCNA pada Minggu (13/7/2025).\n")
    evs = events_of(text)
    assert [(e.date, e.type) for e in evs] == [("2025-07", "meeting")]
    assert {"Kim Jong Un", "Sergei Lavrov"} <= set(evs[0].participants)


def test_no_flooding():
    text = ("“Kami akan bertemu lagi pada 1 Juli 2025,” kata Lavrov.\n\n"
            "Pekan lalu, badan intelijen Korea Selatan melaporkan bahwa Korea Utara memasok Rusia dengan "
            "howitzer.\n\n"
            "Korea Utara mengerahkan 3.000 tentara ke Rusia antara Januari dan Maret 2025.\n\n"
            "Pertemuan kedua menteri tidak disebutkan tanggalnya di paragraf ini yang bukan paragraf pertama.\n")
    assert events_of(text, published="2025-06-10") == []


def test_duplicates_within_an_article_merge():
    text = ("Kim Jong Un bertemu Sergei Shoigu di Pyongyang pada Rabu (4/6/2025).\n\n"
            "Dalam pertemuan pada 4 Juni 2025 itu, Kim Jong Un dan Sergei Shoigu membahas perang.\n\n"
            "Kim juga membahas kerja sama dalam pertemuan dengan Shoigu pekan ini.\n")
    evs = events_of(text, published="2025-06-06")
    assert [(e.date, e.type) for e in evs] == [("2025-06-04", "meeting")]


def test_relative_dates_need_a_reference():
    assert events_of("Rusia dan Korea Utara menandatangani perjanjian itu pada Juni lalu.") == []


def test_the_two_countries_are_the_articles_two_states():
    text = ("Russia and North Korea have grown closer since the war began, and Pyongyang now hosts Russian "
            "officials every month.\n\n"
            "The two countries signed a mutual defence pact during a summit in Pyongyang in June 2024.\n")
    evs = [e for e in events_of(text, published="2025-06-18") if e.type == "treaty_signed"]
    assert len(evs) == 1 and evs[0].date == "2024-06"
    assert set(evs[0].participants) == {"Russia", "North Korea"} and evs[0].place == "Pyongyang"


def test_merged_meeting_names_people_first():
    text = ("North Korea will send 6,000 workers to Russia, a Russian official said on Tuesday after meeting "
            "North Korean leader Kim Jong Un in Pyongyang.\n\n"
            "Sergei Shoigu met Kim on Tuesday, state media reported.\n")
    evs = events_of(text, published="2025-06-18")
    assert [(e.date, e.type) for e in evs] == [("2025-06-17", "meeting")]
    assert evs[0].participants[:2] == ["Kim Jong Un", "Sergei Shoigu"]
    assert evs[0].summary == "Kim Jong Un meets Sergei Shoigu in Pyongyang"


def test_summaries_agree_with_one_party():
    from saksi.extract.events import _summary

    assert _summary("treaty_signed", "sign", ["Russia"], "Pyongyang") == "Russia signs a treaty in Pyongyang"
    assert _summary("treaty_signed", "ratify", ["Russia"], None) == "Russia ratifies a treaty"
    assert _summary("treaty_signed", "sign", ["Russia", "North Korea"], None) == "Russia and North Korea sign a treaty"


# ---- events worth a timeline (issue 12): actions added as data, summaries that say who did what to
# whom, no events from background phrases
@pytest.mark.parametrize("text, date, etype, summary", [
    ("Russia struck Kyiv with drones on 3 March 2025, officials said.", "2025-03-03", "strike",
     "Russia strikes Kyiv"),
    ("On 12 February 2025 the United States imposed sanctions on North Korea over its arms deliveries.",
     "2025-02-12", "sanctions", "United States imposes sanctions on North Korea"),
    ("North Korea test-fired a ballistic missile on 6 January 2025.", "2025-01-06", "launch",
     "North Korea test-fires a missile"),
    ("Rusia menyerang Kyiv pada 3 Maret 2025.", "2025-03-03", "strike", "Russia strikes Kyiv"),
    ("Amerika Serikat menjatuhkan sanksi terhadap Korea Utara pada 12 Februari 2025.", "2025-02-12",
     "sanctions", "United States imposes sanctions on North Korea"),
    ("Korea Utara menembakkan rudal balistik pada 6 Januari 2025.", "2025-01-06", "launch",
     "North Korea fires a ballistic missile"),
    ("Rusia menyerang Kyiv pada 3 Mac 2025.", "2025-03-03", "strike", "Russia strikes Kyiv"),
    ("Rusia atacó Kiev el 3 de marzo de 2025.", "2025-03-03", "strike", "Russia strikes Kyiv"),
    ("La Russie a frappé Kiev le 3 mars 2025.", "2025-03-03", "strike", "Russia strikes Kyiv"),
    ("Russland bombardierte Kiew am 3. März 2025.", "2025-03-03", "strike", "Russia bombs Kyiv"),
    ("Rússia bombardeou Kiev em 3 de março de 2025.", "2025-03-03", "strike", "Russia bombs Kyiv"),
])
def test_actions_stated_with_a_date_are_events(text, date, etype, summary):
    e = only(text)
    assert (e.date, e.type, e.summary) == (date, etype, summary)


@pytest.mark.parametrize("text, pub, summary", [
    ("Pada April lalu, Korea Utara mengonfirmasi bahwa mereka telah mengirim pasukan ke Rusia.", "2025-06-02",
     "North Korea confirms sending troops to Russia"),
    ("Pada Senin (2/6/2025) Korea Utara membuat pernyataan. Pernyataan ini menyebut Rusia sebagai sekutu.", None,
     None),
    ("Korea Utara mengecam Amerika Serikat pada 5 Mei 2025.", None, "North Korea condemns United States"),
])
def test_a_statement_says_what_or_about_whom(text, pub, summary):
    if summary is None:  # "this statement": about whom the sentence names
        assert all(e.summary != "North Korea makes a statement" for e in events_of(text, published=pub))
        return
    assert only(text, published=pub).summary == summary


@pytest.mark.parametrize("text, pub", [
    ("Pada 5 Mei 2025, Korea Utara mengonfirmasi.", None),  # confirms what? no event
    ("Adi tiba di UNHCR dan Rohingya pada 5 Mei 2025.", None),  # an arrival needs a place, not a body
    ("Since the war began, North Korea has shipped shells to Russia.", "2025-03-01"),
    ("Sejak perang dimulai, Korea Utara memasok amunisi ke Rusia.", "2025-03-01"),
    ("Sejak perang bermula, Korea Utara membekalkan peluru kepada Rusia.", "2025-03-01"),
    ("Depuis le début de la guerre, la Corée du Nord livre des obus à la Russie.", "2025-03-01"),
    ("Seit Kriegsbeginn liefert Nordkorea Granaten an Russland.", "2025-03-01"),
    ("Desde que comenzó la guerra, Corea del Norte envía proyectiles a Rusia.", "2025-03-01"),
    ("Desde o início da guerra, a Coreia do Norte envia munições para a Rússia.", "2025-03-01"),
])
def test_no_event_without_its_own_date_or_without_content(text, pub):
    assert events_of(text, published=pub) == []


def test_since_the_war_began_with_a_date_dates_the_war_not_the_supplier():
    e = only("Korea Utara telah memasok amunisi ke Rusia sejak perang Rusia-Ukraina dimulai pada Februari 2022.")
    assert e.type == "war_start" and e.date == "2022-02" and "North Korea" not in e.participants


# ---- follow-ups (issue 12): articles that are also place prepositions, German separable verbs,
# the agent of a passive as the speaker, war parties from the war phrase, reporters are no side
@pytest.mark.parametrize("text, summary", [
    ("A Rússia atacou Kiev em 3 de março de 2025.", "Russia strikes Kyiv"),  # "A": the article of the subject
    ("Em 3 de março de 2025, a Rússia bombardeou Kiev.", "Russia bombs Kyiv"),  # "a" opening the clause
    ("À Moscou, Poutine a rencontré Kim Jong Un le 13 septembre 2023.",  # "À Moscou,": still a place
     "Vladimir Putin meets Kim Jong Un in Moscow"),
    ("En Moscú, Putin se reunió con Kim Jong Un el 13 de septiembre de 2023.",
     "Vladimir Putin meets Kim Jong Un in Moscow"),
])
def test_an_article_opening_the_sentence_is_no_place_preposition(text, summary):
    assert only(text).summary == summary


@pytest.mark.parametrize("text, date, etype, summary", [
    ("Russland griff Kiew am 3. März 2025 an.", "2025-03-03", "strike", "Russia strikes Kyiv"),
    ("Putin traf am 13. September 2023 mit Kim Jong Un zusammen.", "2023-09-13", "meeting",
     "Vladimir Putin meets Kim Jong Un"),
    ("Der Krieg zwischen Russland und der Ukraine brach am 24. Februar 2022 aus.", "2022-02-24", "war_start",
     "War between Russia and Ukraine begins"),
])
def test_german_separable_verbs_around_the_date(text, date, etype, summary):
    e = only(text)
    assert (e.date, e.type, e.summary) == (date, etype, summary)


def test_a_separable_particle_must_close_the_clause():
    # "griff ... nach" (reached for) is no "griff ... an"
    assert events_of("Russland griff am 3. März 2025 nach neuen Waffen aus Nordkorea.") == []


@pytest.mark.parametrize("text, summary", [
    ("The troops' presence in Kursk was confirmed by Russian President Vladimir Putin and Kim Jong Un in "
     "April 2025.", "Vladimir Putin and Kim Jong Un confirm reports on troops in Kursk"),
    ("Kerja sama dengan Rusia diumumkan oleh Korea Utara pada 5 Mei 2025.",
     "North Korea makes an announcement on Russia"),
    ("Pengiriman askar ke Rusia disahkan oleh Korea Utara pada 5 Mei 2025.",
     "North Korea confirms reports on soldiers and Russia"),
    ("La cooperación con Rusia fue confirmada por Corea del Norte el 5 de mayo de 2025.",
     "North Korea confirms reports on Russia"),
    ("La coopération avec la Russie a été confirmée par la Corée du Nord le 5 mai 2025.",
     "North Korea confirms reports on Russia"),
    ("A cooperação com a Rússia foi confirmada pela Coreia do Norte em 5 de maio de 2025.",
     "North Korea confirms reports on Russia"),
    ("Die Lieferung an Russland wurde am 5. Mai 2025 bestätigt durch Nordkorea.",
     "North Korea confirms reports on Russia"),
])
def test_the_agent_of_a_passive_is_the_speaker(text, summary):
    e = only(text, published="2025-06-01")
    assert (e.type, e.summary) == ("statement", summary)


def test_a_passive_verb_alone_speaks_for_nobody():
    assert events_of("Kerja sama dengan Rusia diumumkan pada 5 Mei 2025.") == []


def test_a_third_party_is_no_side_of_the_war():
    """The state named before "since invading" belongs to the other clause; the war's parties come from
    the article's war phrase."""
    e = only("Perang Rusia-Ukraina memasuki tahun keempat. Rusia bahkan sudah mengakui peran Korea Utara "
             "sejak menginvasi Ukraina pada tahun 2022.", published="2025-06-01")
    assert e.type == "war_start" and set(e.participants) == {"Russia", "Ukraine"}


@pytest.mark.parametrize("text", [
    "The National Intelligence Service held another meeting on 5 December 2024 and said that North Korean "
    "troops in Russia were training.",
    "El Servicio Nacional de Inteligencia celebró otra reunión el 5 de diciembre de 2024 y señaló que Corea "
    "del Norte envió tropas a Rusia.",
    "La Inteligencia surcoreana, que prevé que los militares norcoreanos desplazados a suelo ruso serán 10.000, "
    "celebró otra reunión el 5 de diciembre de 2024.",
])
def test_who_reports_is_no_side_of_a_meeting(text):
    assert not any(e.type == "meeting" for e in events_of(text))


def test_a_source_is_no_side_of_the_meeting_it_reports():
    e = only("North Korea and Russia held talks in Moscow on 5 May 2025, according to the National "
             "Intelligence Service.")
    assert e.participants == ["North Korea", "Russia"] and e.place == "Moscow"


@pytest.mark.parametrize("text, pub, summary", [
    ("Last year, when President Vladimir Putin visited Pyongyang, Russia and North Korea concluded a pact.",
     "2025-06-01", "Vladimir Putin visits Pyongyang"),
    ("Kim Jong Un and Shoigu talked about Kursk when Shoigu visited Pyongyang on 4 June 2025.", None,
     "Sergei Shoigu visits Kim Jong Un in Pyongyang"),
    # the agent of a passive ("por Kim") is no visitor
    ("Putin es saludado por Kim Jong Un durante la visita a Pyongyang el 19 de junio de 2024.", None,
     "Vladimir Putin visits Kim Jong Un in Pyongyang"),
])
def test_a_visit_names_the_visitor_and_the_place(text, pub, summary):
    assert only(text, published=pub).summary == summary


def test_event_words_are_checked_when_loaded(monkeypatch):
    from saksi import lang as langdata
    from saksi.extract import cues

    monkeypatch.setattr(langdata, "load", lambda lang, topic: {"passive": ["dikatakan"]} if topic == "events" else {})
    with pytest.raises(langdata.LanguageDataError, match="passive"):
        cues.cues.__wrapped__("xx")
    monkeypatch.setattr(langdata, "load", lambda lang, topic: {"separable_particles": "an"} if topic == "events" else {})
    with pytest.raises(langdata.LanguageDataError, match="separable_particles"):
        cues.cues.__wrapped__("xx")
