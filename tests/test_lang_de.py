"""The German language pack (src/saksi/data/lang/de): numbers, dates and periods, claims, attribution
and stance on sentences written for these tests in the styles of German outlets (dpa wire copy,
Spiegel/FAZ/Süddeutsche prose, Tagesschau and n-tv live blogs, Welt and Deutsche Welle, headlines,
bullet lists under a header, captions, translated agency text). None is copied from an article."""
from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from num2words import num2words

from facts_helper import claims_of, one_claim, read
from saksi.extract.dates import find_dates, find_periods, parse_date_line
from saksi.extract.numbers import find_quantities, parse_number, spell
from numbers_helper import R, V, got as got_in

PUB = "2025-06-10"
REF = dt.date(2025, 6, 10)


def got(text: str):
    return got_in(text, "de")


# ---------------------------------------------------------------------------------------------- numbers
NUMBER_CASES = [
    # --- digits: "." groups thousands, "," is the decimal mark
    ("Nordkorea hat rund 12.000 Soldaten nach Russland geschickt.", [("rund 12.000", 12000, "approx", "count")]),
    ("Pjöngjang lieferte etwa 1,5 Millionen Artilleriegranaten.", [("etwa 1,5 Millionen", 1_500_000, "approx", "count")]),
    ("Rund 10.000.000 Patronen lagern in Depots.", [("Rund 10.000.000", 10_000_000, "approx", "count")]),
    ("Es waren 1.234.567 Schuss.", [("1.234.567", 1_234_567, "exact", "count")]),
    ("3,5 Mio Schuss Artilleriemunition sind unterwegs.", [("3,5 Mio", 3_500_000, "exact", "count")]),
    ("Die Armee hat 2500 Panzer.", [("2500", 2500, "exact", "count")]),
    ("Es geht um 1,2 Milliarden Schuss.", [("1,2 Milliarden", 1_200_000_000, "exact", "count")]),
    ("Insgesamt 5000 Soldaten.", [("Insgesamt 5000", 5000, "exact", "count")]),
    ("Es kamen 15.809 Container an.", [("15.809", 15809, "exact", "count")]),
    # --- qualifiers before the number
    ("Mehr als 3.000 Soldaten sollen gefallen sein.", [("Mehr als 3.000", 3000, "more_than", "count")]),
    ("Mindestens 27 Menschen starben bei dem Angriff.", [("Mindestens 27", 27, "at_least", "count")]),
    ("Bis zu 6 Millionen Geschosse hat Nordkorea geliefert.", [("Bis zu 6 Millionen", 6_000_000, "up_to", "count")]),
    ("Bis 6 Millionen Geschosse hat Nordkorea geliefert.", [("Bis 6 Millionen", 6_000_000, "up_to", "count")]),
    ("Knapp 2.000 Soldaten wurden verwundet.", [("Knapp 2.000", 2000, "approx", "count")]),
    ("Fast 16.000 Container erreichten Russland.", [("Fast 16.000", 16000, "approx", "count")]),
    ("Ungefähr 40 Panzer standen an der Grenze.", [("Ungefähr 40", 40, "approx", "count")]),
    ("Circa 250 Reporter berichteten.", [("Circa 250", 250, "approx", "count")]),
    ("Ca. 500 Drohnen wurden abgefeuert.", [("Ca. 500", 500, "approx", "count")]),
    ("Zirka 80 Fahrzeuge.", [("Zirka 80", 80, "approx", "count")]),
    ("Beinahe 900 Minen wurden geräumt.", [("Beinahe 900", 900, "approx", "count")]),
    ("Annähernd 7.000 Soldaten.", [("Annähernd 7.000", 7000, "approx", "count")]),
    ("Weniger als 50 Passagiere überlebten.", [("Weniger als 50", 50, "less_than", "count")]),
    ("Unter 100 Soldaten blieben zurück.", [("Unter 100", 100, "less_than", "count")]),
    ("Nicht mehr als fünf Schiffe dürfen anlegen.", [("Nicht mehr als fünf", 5, "up_to", "count")]),
    ("Über 11.000 nordkoreanische Soldaten kämpfen in Kursk.", [("Über 11.000", 11000, "more_than", "count")]),
    ("Weit über 600 Tote wurden gemeldet.", [("Weit über 600", 600, "more_than", "count")]),
    ("Gut 1.000 Freiwillige meldeten sich.", [("Gut 1.000", 1000, "more_than", "count")]),
    ("Schätzungsweise 100.000 Menschen flohen.", [("Schätzungsweise 100.000", 100000, "approx", "count")]),
    ("Höchstens 30 Teilnehmer sind zugelassen.", [("Höchstens 30", 30, "up_to", "count")]),
    ("Maximal 12 Haubitzen.", [("Maximal 12", 12, "up_to", "count")]),
    ("Wenigstens 40 Verletzte.", [("Wenigstens 40", 40, "at_least", "count")]),
    ("Nicht weniger als 300 Raketen.", [("Nicht weniger als 300", 300, "at_least", "count")]),
    ("Exakt 120 Raketen wurden gestartet.", [("Exakt 120", 120, "exact", "count")]),
    ("Nahezu 3 Millionen Schuss Munition.", [("Nahezu 3 Millionen", 3_000_000, "approx", "count")]),
    ("Bis zu 2000 Soldaten könnten folgen.", [("Bis zu 2000", 2000, "up_to", "count")]),
    ("Rund 2000 Soldaten.", [("Rund 2000", 2000, "approx", "count")]),
    # --- after the number
    ("Es kamen 5000 und mehr Freiwillige.", [("5000 und mehr", 5000, "at_least", "count")]),
    ("Mehr als 1000+ Drohnen.", [("Mehr als 1000+", 1000, "more_than", "count")]),
    ("Die Armee hat 500+ Panzer verloren.", [("500+", 500, "more_than", "count")]),
    # --- number words, one word each
    ("Zwölf Soldaten und drei Offiziere.", [("Zwölf", 12, "exact", "count"), ("drei", 3, "exact", "count")]),
    ("Neun Soldaten kamen ums Leben.", [("Neun", 9, "exact", "count")]),
    ("Fünfundzwanzig Panzer und siebzehn Haubitzen.",
     [("Fünfundzwanzig", 25, "exact", "count"), ("siebzehn", 17, "exact", "count")]),
    ("Einundzwanzig Staaten unterzeichneten.", [("Einundzwanzig", 21, "exact", "count")]),
    ("Zehntausend Soldaten marschierten.", [("Zehntausend", 10000, "exact", "count")]),
    ("Dreihundert Arbeiter reisten an.", [("Dreihundert", 300, "exact", "count")]),
    ("Dreihundertfünfzig Soldaten sind gefallen.", [("Dreihundertfünfzig", 350, "exact", "count")]),
    ("Zweihunderttausend Granaten lagerten dort.", [("Zweihunderttausend", 200000, "exact", "count")]),
    ("Zweitausendfünfhundert Arbeiter kamen.", [("Zweitausendfünfhundert", 2500, "exact", "count")]),
    ("Fünfundzwanzigtausend Schuss.", [("Fünfundzwanzigtausend", 25000, "exact", "count")]),
    ("Eintausendeinhundert Soldaten.", [("Eintausendeinhundert", 1100, "exact", "count")]),
    ("Tausend Soldaten marschierten.", [("Tausend", 1000, "exact", "count")]),
    ("Hundert Panzer wurden zerstört.", [("Hundert", 100, "exact", "count")]),
    ("Eine Million Granaten wurden verschifft.", [("Eine Million", 1_000_000, "exact", "count")]),
    ("Zwei Millionen Schuss Munition.", [("Zwei Millionen", 2_000_000, "exact", "count")]),
    ("Anderthalb Millionen Patronen.", [("Anderthalb Millionen", 1_500_000, "exact", "count")]),
    ("Zweieinhalb Millionen Menschen.", [("Zweieinhalb Millionen", 2_500_000, "exact", "count")]),
    ("Ein Dutzend Drohnen stürzte ab.", [("Ein Dutzend", 12, "exact", "count")]),
    ("Zwei Dutzend Raketen.", [("Zwei Dutzend", 24, "exact", "count")]),
    ("Nur null Fälle wurden gemeldet.", [("null", 0, "exact", "count")]),
    # --- vague amounts and their floors
    ("Tausende Soldaten wurden verlegt.", [("Tausende", V(1000), "vague", "count")]),
    ("Hunderte Minen liegen noch im Boden.", [("Hunderte", V(100), "vague", "count")]),
    ("Zehntausende Menschen demonstrierten.", [("Zehntausende", V(10000), "vague", "count")]),
    ("Hunderttausende Russen wurden eingezogen.", [("Hunderttausende", V(100000), "vague", "count")]),
    ("Dutzende Drohnen griffen an.", [("Dutzende", V(12), "vague", "count")]),
    ("Millionen von Artilleriegeschossen.", [("Millionen", V(1_000_000), "vague", "count")]),
    ("Mit Tausenden Soldaten rückte die Armee vor.", [("Tausenden", V(1000), "vague", "count")]),
    ("Mehrere tausend Minenräumer sollen kommen.", [("Mehrere tausend", V(1000), "vague", "count")]),
    ("Einige hundert Soldaten blieben zurück.", [("Einige hundert", V(100), "vague", "count")]),
    ("Ein paar tausend Arbeiter.", [("Ein paar tausend", V(1000), "vague", "count")]),
    ("Etliche Tausend Granaten.", [("Etliche Tausend", V(1000), "vague", "count")]),
    ("Zigtausende Soldaten fielen.", [("Zigtausende", V(10000), "vague", "count")]),
    ("Abertausende Menschen flohen.", [("Abertausende", V(1000), "vague", "count")]),
    ("Mehrere Millionen Schuss.", [("Mehrere Millionen", V(1_000_000), "vague", "count")]),
    # --- ranges
    ("Zwischen 10.000 und 12.000 Soldaten wurden entsandt.",
     [("Zwischen 10.000 und 12.000", R(10000, 12000), "range", "count")]),
    ("Das OSC kommt auf 4 bis 6 Millionen Artilleriegeschosse.", [("4 bis 6 Millionen", R(4e6, 6e6), "range", "count")]),
    ("Insgesamt 11.000 bis 12.000 Soldaten.", [("Insgesamt 11.000 bis 12.000", R(11000, 12000), "range", "count")]),
    ("Von 5 bis 7 Soldaten war die Rede.", [("Von 5 bis 7", R(5, 7), "range", "count")]),
    ("Rund 10.000–12.000 Soldaten.", [("Rund 10.000–12.000", R(10000, 12000), "range", "count")]),
    ("Zwei oder drei Schiffe sanken.", [("Zwei oder drei", R(2, 3), "range", "count")]),
    ("Die Zahl liegt bei 3-5 Millionen Granaten.", [("3-5 Millionen", R(3e6, 5e6), "range", "count")]),
    # --- not counts
    ("Die Quote lag bei 30 Prozent.", [("30 Prozent", 30, "exact", "percent")]),
    ("Der Anteil stieg auf 12,5 %.", [("12,5 %", 12.5, "exact", "percent")]),
    ("Die Granaten haben ein Kaliber von 152 mm.", [("152 mm", 152, "exact", "measure")]),
    ("Nordkorea lieferte 152-mm-Granaten.", [("152-mm", 152, "exact", "measure")]),
    ("Die Reichweite beträgt 300 Kilometer.", [("300 Kilometer", 300, "exact", "measure")]),
    ("Der Einsatz dauerte 120 Tage.", [("120 Tage", 120, "exact", "measure")]),
    ("Während des 120-tägigen Einsatzes starben Soldaten.", [("120-tägigen", 120, "exact", "measure")]),
    ("Ein 25-jähriger Soldat wurde verletzt.", [("25-jähriger", 25, "exact", "measure")]),
    ("Drei Jahre nach Kriegsbeginn.", [("Drei Jahre", 3, "exact", "measure")]),
    ("Das Paket ist 500 Millionen Euro wert.", [("500 Millionen Euro", 5e8, "exact", "money")]),
    ("Die Kosten betragen 2,5 Milliarden US-Dollar.", [("2,5 Milliarden US-Dollar", 2.5e9, "exact", "money")]),
    ("1,2 Milliarden Dollar Militärhilfe.", [("1,2 Milliarden Dollar", 1.2e9, "exact", "money")]),
    ("Das Treffen begann um 10:30 Uhr.", [("10:30 Uhr", None, "exact", "time")]),
    ("Die Sitzung endete gegen 18 Uhr.", [("18 Uhr", None, "exact", "time")]),
    ("Im Jahr 2024 wurden Arbeiter entsandt.", [("2024", 2024, "exact", "year")]),
    ("Seit 2022 tobt der Krieg.", [("2022", 2022, "exact", "year")]),
    ("Bis 2026 soll das Programm laufen.", [("Bis 2026", 2026, "up_to", "year")]),
    ("In den 1990er Jahren begann die Zusammenarbeit.", [("1990er Jahren", 1990, "exact", "year")]),
    ("Resolution 2397 verbietet das.", [("2397", 2397, "exact", "ordinal")]),
    ("Artikel 4 des Vertrags regelt das.", [("4", 4, "exact", "ordinal")]),
    ("Die Brigade Nr. 11 kämpfte dort.", [("11", 11, "exact", "ordinal")]),
    ("Am 12. Juli 2025 trafen sie sich.", [("12. Juli 2025", None, "exact", "date")]),
    ("Am 12.07.2025 wurde unterzeichnet.", [("12.07.2025", None, "exact", "date")]),
    ("Zum ersten Mal seit Jahren.", [("ersten", 1, "exact", "ordinal")]),
    ("Der dritte Konvoi traf ein.", [("dritte", 3, "exact", "ordinal")]),
    ("Die Raketen vom Typ KN-23 und F-16-Jets.", []),
    ("Das wurde eins zu eins übernommen.", []),
    ("Achtzehnjährige und der Elfmeter.", []),
]


@pytest.mark.parametrize("text, expected", NUMBER_CASES)
def test_numbers(text, expected):
    assert got(text) == expected


def test_parse_number_words():
    assert parse_number("dreihundertfünfzigtausend", "de") == 350_000
    assert parse_number("zwei Millionen fünfhunderttausend", "de") == 2_500_000
    assert parse_number("1,5 Millionen", "de") == 1_500_000
    assert parse_number("zwölf Soldaten", "de") is None
    # request #11: "ein"/"eine" before a multiplier inside a number is one
    assert parse_number("neunhundert Milliarden eine Million", "de") == 900_001_000_000
    assert parse_number("eintausendeinhundert", "de") == 1100
    assert parse_number("einhunderteintausend", "de") == 101_000


def test_abbreviated_multiplier_keeps_its_dot():
    # request #15: with compound_words, "Mrd."/"Mio."/"Tsd." keep their dot, so the currency after is read
    assert [(q.text, q.value, q.kind) for q in find_quantities("Die Ukraine erhält 1,2 Mrd. Dollar.", "de")] \
        == [("1,2 Mrd. Dollar", 1.2e9, "money")]
    assert [(q.text, q.value) for q in find_quantities("Es kommen 3,5 Mio. Schuss und 2,5 Tsd. Mann.", "de")] \
        == [("3,5 Mio.", 3.5e6), ("2,5 Tsd.", 2500)]


@pytest.mark.parametrize("n, words", [
    (215, "zweihundertfünfzehn"), (3200, "dreitausendzweihundert"), (101_000, "einhunderteintausend"),
    (25_000, "fünfundzwanzigtausend"), (1_200_000, "eine Million zweihunderttausend"),
    (2_000_001, "zwei Millionen eins"), (3_000_000_000, "drei Milliarden"),
])
def test_spell_de(n, words):
    assert spell(n, "de") == words


PROPS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(n=st.integers(min_value=0, max_value=10**12 - 1))
def test_num2words_parses_back(n):
    assert parse_number(num2words(n, lang="de"), "de") == n


@PROPS
@given(n=st.integers(min_value=0, max_value=10**12 - 1))
def test_spell_parses_back(n):
    assert parse_number(spell(n, "de"), "de") == n


@PROPS
@given(n=st.integers(min_value=1000, max_value=10**9 - 1),
       qualifier=st.sampled_from(["", "rund ", "etwa ", "mehr als ", "mindestens "]))
def test_grouped_digits_parse_back(n, qualifier):
    digits = f"{n:,}".replace(",", ".")
    qs = [q for q in find_quantities(f"{qualifier}{digits} Soldaten", "de") if q.number_start == len(qualifier)]
    assert len(qs) == 1 and qs[0].value == n


@PROPS
@given(whole=st.integers(min_value=1, max_value=999), tenth=st.integers(min_value=1, max_value=9),
       scale=st.sampled_from([("Millionen", 10**6), ("Mio.", 10**6), ("Milliarden", 10**9)]))
def test_decimal_comma_with_multiplier(whole, tenth, scale):
    word, factor = scale
    qs = find_quantities(f"{whole},{tenth} {word} Granaten", "de")
    assert len(qs) == 1 and qs[0].value == pytest.approx((whole + tenth / 10) * factor)


# ---------------------------------------------------------------------------------------------- dates
def dates(text, ref=REF):
    return [(d.text, d.value) for d in find_dates(text, "de", ref)]


def periods(text, ref=REF):
    return [(p.text, p.period_start, p.period_end) for p in find_periods(text, "de", ref)]


@pytest.mark.parametrize("text, expected", [
    ("Das Treffen fand am 12. Juli 2025 in Wonsan statt.", [("12. Juli 2025", "2025-07-12")]),
    ("Unterzeichnet wurde am 19.06.2024 in Pjöngjang.", [("19.06.2024", "2024-06-19")]),
    ("Der Vertrag trat am 4. Dezember 2024 in Kraft.", [("4. Dezember 2024", "2024-12-04")]),
    ("Schon am Freitag hatte der Geheimdienst gewarnt.", [("Freitag", "2025-06-06")]),
    ("Vergangenen Montag landete die Maschine.", [("Vergangenen Montag", "2025-06-09")]),
    ("Im Juni hatte Russland das bekanntgegeben.", [("Juni", "2025-06")]),
    ("Im vergangenen Monat meldete Seoul neue Zahlen.", [("Im vergangenen Monat", "2025-05")]),
    ("Gestern teilte das Ministerium mit.", [("Gestern", "2025-06-09")]),
    ("Vor zwei Jahren begann die Lieferung.", [("Vor zwei Jahren", "2023")]),
    ("Am 3. Oktober wird gefeiert.", [("3. Oktober", "2024-10-03")]),
    ("Im Jänner 2025 kam die erste Lieferung.", [("Jänner 2025", "2025-01")]),
])
def test_dates(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Im Jahr 2024 wurden 10.000 Arbeiter entsandt.", [("Im Jahr 2024", "2024-01", "2024-12")]),
    ("Dieses Jahr könnten es mehr als 50.000 werden.", [("Dieses Jahr", "2025-01", "2025-12")]),
    ("Seit September 2023 liefert Pjöngjang Granaten.", [("Seit September 2023", "2023-09", None)]),
    ("Von September 2023 bis März 2025 wurden 64 Lieferungen gezählt.",
     [("Von September 2023 bis März 2025", "2023-09", "2025-03")]),
    ("Zwischen Januar und März 2025 kamen 3.000 Soldaten.", [("Zwischen Januar und März 2025", "2025-01", "2025-03")]),
    ("Im vergangenen Jahr lieferte Nordkorea Munition.", [("Im vergangenen Jahr", "2024-01", "2024-12")]),
    ("Im Vorjahr waren es weniger.", [("Im Vorjahr", "2024-01", "2024-12")]),
    ("In den letzten drei Monaten starben 1.000 Soldaten.", [("In den letzten drei Monaten", "2025-03", "2025-06")]),
    ("Bis März 2025 waren 11.000 Soldaten in Kursk.", [("Bis März 2025", None, "2025-03")]),
    ("Seit Kriegsbeginn im Februar 2022 hat Deutschland geliefert.", [("Seit Kriegsbeginn im Februar 2022", "2022-02", None)]),
])
def test_periods(text, expected):
    assert periods(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("Aktualisiert am 12.07.2025, 10:30 Uhr", "2025-07-12"),
    ("Stand: 12.07.2025 14:05 Uhr", "2025-07-12"),
    ("Fr., 12.07.2025", "2025-07-12"),
    ("12. Juli 2025, 16:23 Uhr", "2025-07-12"),
    ("Veröffentlicht am 3. März 2025", "2025-03-03"),
])
def test_date_lines(line, expected):
    assert parse_date_line(line, "de") == expected


# ---------------------------------------------------------------------------------------------- claims
def one(text: str, action: str | None = None, **kw):
    return one_claim(text, action, published=PUB, lang="de", **kw)


@pytest.mark.parametrize("text, action, value, qualifier, actor, recipient", [
    # dpa wire copy
    ("SEOUL (dpa) - Nordkorea hat nach Erkenntnissen des südkoreanischen Geheimdienstes etwa 1.500 Soldaten "
     "nach Russland entsandt.", "troops_deployed", 1500, "approx", "North Korea", "Russia"),
    ("Pjöngjang liefert etwa 1,5 Millionen Artilleriegranaten an Moskau.",
     "munitions_supplied", 1_500_000, "approx", "North Korea", "Russia"),
    ("Russland erhielt mehr als 100 ballistische Raketen aus Nordkorea.",
     "missiles_supplied", 100, "more_than", "North Korea", "Russia"),
    ("Mindestens 600 nordkoreanische Soldaten wurden in der Region Kursk getötet.",
     "casualties_killed", 600, "at_least", "North Korea", None),
    ("Die Ukraine verlor in einer Woche mehr als 1.000 Soldaten.", "casualties_total", 1000, "more_than", "Ukraine", None),
    ("Kim Jong Un will 6.000 Militärbauarbeiter und Minenräumer nach Kursk entsenden.",
     "workers_sent", 6000, "exact", "North Korea", "Russia"),
    ("Die USA schicken 31 Kampfpanzer vom Typ Abrams in die Ukraine.",
     "weapons_supplied", 31, "exact", "United States", "Ukraine"),
    ("Die Niederlande kündigten an, 18 Panzerhaubitzen an die Ukraine zu liefern.",
     "weapons_supplied", 18, "exact", "Netherlands", "Ukraine"),
    # Spiegel / FAZ prose, verb-final clauses
    ("Laut dem ukrainischen Militärgeheimdienst HUR sind 11.000 nordkoreanische Soldaten in Kursk im Einsatz.",
     "troops_deployed", 11000, "exact", "North Korea", "Russia"),
    ("Rund 4.000 nordkoreanische Soldaten sind nach Angaben westlicher Geheimdienste getötet oder verwundet worden.",
     "casualties_total", 4000, "approx", "North Korea", None),
    ("Pjöngjang hat seit August 2023 mehr als 13.000 Container mit Munition nach Russland geschickt.",
     "munitions_supplied", 13000, "more_than", "North Korea", "Russia"),
    ("Im Juni hatte Nordkorea weitere 3.000 Soldaten nach Russland geschickt.",
     "troops_deployed", 3000, "exact", "North Korea", "Russia"),
    ("Nordkorea versorgt Russland mit Millionen von Granaten.",
     "munitions_supplied", 1_000_000, "vague", "North Korea", "Russia"),
    # n-tv / Tagesschau live blog and headline styles
    ("+++ 09:12 +++ Nordkorea schickt 2.000 weitere Soldaten nach Russland", "troops_deployed", 2000, "exact",
     "North Korea", "Russia"),
    ("Nordkorea soll bis zu 12.000 Soldaten nach Russland schicken.",
     "troops_deployed", 12000, "up_to", "North Korea", "Russia"),
    ("Rund 2.000 nordkoreanische Soldaten wurden bislang verwundet, sagte Selenskyj.",
     "casualties_wounded", 2000, "approx", "North Korea", None),
    ("Nach Angaben des ukrainischen Generalstabs kamen rund 300 nordkoreanische Soldaten ums Leben.",
     "casualties_killed", 300, "approx", "North Korea", None),
    ("Die Ukraine hat bislang 31 Abrams-Panzer aus den USA erhalten.",
     "weapons_supplied", 31, "exact", "United States", "Ukraine"),
    ("Tausende nordkoreanische Soldaten kämpfen an der Seite Russlands.",
     "troops_deployed", 1000, "vague", "North Korea", "Russia"),
])
def test_claims(text, action, value, qualifier, actor, recipient):
    c = one(text, action)
    assert (c.value if c.value is not None else c.value_low) == value
    assert c.qualifier == qualifier
    assert c.actor == actor
    assert c.recipient == recipient
    assert c.quote and c.quote in text


def test_list_under_a_header():
    text = ("Laut einem Bericht des Multilateralen Sanktionsüberwachungsteams hat Nordkorea Russland umfassend "
            "unterstützt. Nordkorea lieferte demnach:\n- 100 ballistische Raketen\n- 200 Artilleriegeschütze\n"
            "- 9 Millionen Schuss Munition")
    cs = claims_of(text, published=PUB, lang="de")
    assert [(c.action, c.value) for c in cs] == [
        ("missiles_supplied", 100), ("weapons_supplied", 200), ("munitions_supplied", 9_000_000)]
    assert all(c.actor == "North Korea" for c in cs)
    assert all(c.attributed_to == ["Multilateral Sanctions Monitoring Team"] for c in cs)


def test_casualties_nouns_and_participles():
    cs = claims_of("Die BBC schreibt, es gebe 1.000 Gefallene unter den Nordkoreanern.", published=PUB, lang="de")
    assert [(c.action, c.value) for c in cs] == [("casualties_killed", 1000)]
    c = one("Kim Jong Un zeichnete die neun getöteten Soldaten mit Orden aus.")
    assert (c.action, c.value, c.actor) == ("casualties_killed", 9, "North Korea")
    c = one("Während des Einsatzes seien neun Soldaten umgekommen, erklärte Kim Jong Un laut KCNA.")
    assert (c.action, c.value, c.attributed_to) == ("casualties_killed", 9, ["Kim Jong Un", "KCNA"])


def test_period_of_a_claim():
    c = one("Im Jahr 2024 wurden 10.000 Arbeiter aus Nordkorea nach Russland entsandt.")
    assert (c.action, c.actor, c.recipient) == ("workers_sent", "North Korea", "Russia")
    assert (c.period_start, c.period_end) == ("2024-01", "2024-12")
    c = one("Seit Februar 2022 hat Deutschland 18 Leopard-Kampfpanzer in die Ukraine geliefert.")
    assert (c.action, c.value, c.period_start, c.period_end) == ("weapons_supplied", 18, "2022-02", None)


# ---------------------------------------------------------------------------------------------- attribution
@pytest.mark.parametrize("text, names", [
    ("SEOUL (dpa) - Nordkorea hat nach Erkenntnissen des südkoreanischen Geheimdienstes etwa 1.500 Soldaten "
     "nach Russland entsandt.", ["National Intelligence Service"]),
    ("Dem südkoreanischen Geheimdienst zufolge soll Nordkorea bereits 3.000 Soldaten nach Russland entsandt haben.",
     ["National Intelligence Service"]),
    ("Rund 2.000 nordkoreanische Soldaten wurden bislang verwundet, sagte Selenskyj.", ["Volodymyr Zelensky"]),
    ("Laut Selenskyj sind bereits 3.000 Soldaten aus Nordkorea getötet oder verwundet worden.", ["Volodymyr Zelensky"]),
    ("Pjöngjang hat mehr als 13.000 Container mit Munition nach Russland geschickt, teilte das "
     "Verteidigungsministerium in Seoul mit.", ["South Korea Ministry of National Defense"]),
    ("Wie eine Recherche der Nachrichtenagentur Reuters ergab, hat Nordkorea fast 16.000 Container nach Russland "
     "geliefert.", ["Reuters"]),
    ("Nordkorea hat nach Angaben Südkoreas rund 3.000 weitere Soldaten nach Russland geschickt.", ["South Korea"]),
    ("Der Iran hat Russland Hunderte Drohnen geliefert, berichtet Reuters.", ["Reuters"]),
    ("Unter Berufung auf die BBC meldet der Sender, dass 10.000 Arbeiter nach Russland entsandt wurden.", ["BBC"]),
])
def test_attribution(text, names):
    cs = claims_of(text, published=PUB, lang="de")
    assert cs, "no claim read"
    assert cs[-1].attributed_to == names


def test_source_carries_over_with_demnach():
    text = ("Die BBC hat die Lage nordkoreanischer Arbeiter in Russland recherchiert. Im Jahr 2024 wurden demnach "
            "10.000 Arbeiter aus Nordkorea nach Russland entsandt.")
    c = claims_of(text, published=PUB, lang="de")[-1]
    assert c.attributed_to == ["BBC"] and c.stance == "reported"


def test_institution_pointing_back():
    text = ("Dem südkoreanischen Geheimdienst zufolge soll Nordkorea 3.000 Soldaten nach Russland entsandt haben. "
            "Zudem rechnet der Geheimdienst damit, dass bis Dezember 10.000 Soldaten nach Russland kommen.")
    c = claims_of(text, published=PUB, lang="de")[-1]
    assert c.value == 10000 and c.attributed_to == ["National Intelligence Service"]


# ---------------------------------------------------------------------------------------------- stance
@pytest.mark.parametrize("text, stance", [
    ("Nordkorea schickt 2.000 weitere Soldaten nach Russland.", "asserted"),
    ("Nordkorea hat nach Angaben Südkoreas rund 3.000 weitere Soldaten nach Russland geschickt.", "reported"),
    ("Rund 2.000 nordkoreanische Soldaten wurden bislang verwundet, sagte Selenskyj.", "reported"),
    ("Dem südkoreanischen Geheimdienst zufolge soll Nordkorea 3.000 Soldaten nach Russland entsandt haben.", "alleged"),
    ("Nordkorea hat angeblich 20.000 Container mit Munition an Russland geliefert.", "alleged"),
    ("Mutmaßlich 500 nordkoreanische Soldaten sind in Kursk gefallen.", "alleged"),
    ("Nordkorea hat offenbar 1.000 weitere Soldaten nach Russland verlegt.", "alleged"),
    ("Kim Jong Un will 6.000 Militärbauarbeiter und Minenräumer nach Kursk entsenden.", "planned"),
    ("Deutschland wird 20 weitere Schützenpanzer an die Ukraine liefern.", "planned"),
    ("Russland hatte bekanntgegeben, Nordkorea werde mehrere tausend Minenräumer nach Kursk entsenden.", "planned"),
    ("Die Niederlande kündigten an, 18 Panzerhaubitzen an die Ukraine zu liefern.", "planned"),
    ("Berlin plant, bis Jahresende 40 weitere Schützenpanzer an Kiew zu übergeben.", "planned"),
    ("Die Bundesregierung hat zugesagt, 14 Leopard-2-Panzer an die Ukraine zu liefern.", "planned"),
    ("Nordkorea bestreitet die Lieferung von 1.000 Raketen an Russland.", "denied"),
    ("Moskau dementiert die Entsendung von 10.000 nordkoreanischen Soldaten nach Kursk.", "denied"),
    ("Pjöngjang bestätigte den Tod von 300 nordkoreanischen Soldaten.", "confirmed"),
    ("Russland bestätigte den Einsatz von 11.000 nordkoreanischen Soldaten in Kursk.", "reported"),
])
def test_stance(text, stance):
    cs = claims_of(text, published=PUB, lang="de")
    assert cs, "no claim read"
    assert cs[-1].stance == stance, [(c.action, c.value, c.stance, c.attributed_to) for c in cs]


# ---------------------------------------------------------------------------------------------- page furniture
def test_page_furniture_is_not_body():
    text = ("Nordkorea schickt weitere Soldaten nach Russland\n"
            "Von Max Mustermann\n"
            "Stand: 12.07.2025 14:05 Uhr\n"
            "Nordkorea hat nach Angaben Südkoreas rund 3.000 weitere Soldaten nach Russland geschickt.\n"
            "Mehr zum Thema: Kim besucht Moskau\n"
            "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.\n"
            "Foto: picture alliance/dpa\n"
            "Artikel teilen\n"
            "© 2025 Beispiel Medien GmbH. Alle Rechte vorbehalten.")
    article, cs, _, _ = read(text, lang="de")
    assert "Mehr zum Thema" not in article.body
    assert "Cookies" not in article.body and "Alle Rechte" not in article.body
    assert "Artikel teilen" not in article.body
    assert "3.000 weitere Soldaten" in article.body
    assert [c.value for c in cs if c.action != "other"] == [3000]


def test_fast():
    t0 = time.perf_counter()
    text = " ".join(t for t, _ in NUMBER_CASES) * 3
    find_quantities(text, "de")
    find_periods(text, "de", REF)
    assert time.perf_counter() - t0 < 5


# ---------------------------------------------------------------------------------------------- aid and arms vocabulary
# Western and Iranian arms transfers, in compounds German writes with a model before a hyphen
# ("Challenger-2-Kampfpanzer", "Storm-Shadow-Marschflugkörper"), separable verbs ("stellt ... bereit"),
# buying and receiving, mobilisation and casualties: dpa wire, Spiegel/FAZ prose, n-tv live blog.
AID_CASES = [
    ('BERLIN (dpa) - Deutschland hat der Ukraine weitere 14 Leopard-2A6-Kampfpanzer überlassen.',
     'weapons_supplied', 14, 'Germany', 'Ukraine'),
    ('LONDON (dpa) - Großbritannien schickt 14 Challenger-2-Kampfpanzer in die Ukraine.',
     'weapons_supplied', 14, 'United Kingdom', 'Ukraine'),
    ('WARSCHAU (dpa) - Polen hat der Ukraine 60 PT-91-Panzer abgegeben.',
     'weapons_supplied', 60, 'Poland', 'Ukraine'),
    ('Die USA stellen der Ukraine weitere 50 Bradley-Schützenpanzer bereit.',
     'weapons_supplied', 50, 'United States', 'Ukraine'),
    ('Die Niederlande haben der Ukraine acht Panzerhaubitzen 2000 übergeben.',
     'weapons_supplied', 8, 'Netherlands', 'Ukraine'),
    ('Norwegen spendet der Ukraine zwei NASAMS-Flugabwehrsysteme.',
     'weapons_supplied', 2, 'Norway', 'Ukraine'),
    ('Berlin liefert drei weitere Patriot-Flugabwehrbatterien an Kiew.',
     'weapons_supplied', 3, 'Germany', 'Ukraine'),
    ('Schweden will der Ukraine 14 Gripen-Kampfflugzeuge überlassen.',
     'weapons_supplied', 14, 'Sweden', 'Ukraine'),
    ('Iran hat Russland mehr als 2.000 Schahed-Drohnen geliefert.',
     'weapons_supplied', 2000, 'Iran', 'Russia'),
    ('Die Türkei verkaufte der Ukraine 20 Bayraktar-Drohnen.',
     'weapons_supplied', 20, 'Turkey', 'Ukraine'),
    ('Die Bundesregierung stellt der Ukraine 10.000 FPV-Drohnen bereit.',
     'weapons_supplied', 10000, 'Germany', 'Ukraine'),
    ('+++ 10:41 +++ Großbritannien hat der Ukraine Dutzende Storm-Shadow-Marschflugkörper geliefert',
     'missiles_supplied', 12, 'United Kingdom', 'Ukraine'),
    ('+++ 14:05 +++ Iran übergibt Russland rund 200 ballistische Raketen vom Typ Fath-360',
     'missiles_supplied', 200, 'Iran', 'Russia'),
    ('Die USA haben der Ukraine heimlich 100 ATACMS-Raketen geliefert.',
     'missiles_supplied', 100, 'United States', 'Ukraine'),
    ('Die Niederlande überlassen der Ukraine 2.000 Panzerabwehrminen.',
     'munitions_supplied', 2000, 'Netherlands', 'Ukraine'),
    ('Die USA haben der Ukraine 10.000 HIMARS-Raketen geliefert.',
     'munitions_supplied', 10000, 'United States', 'Ukraine'),
    ('Die Ukraine kaufte 40 Schützenpanzer vom Typ CV90 aus Schweden.',
     'weapons_supplied', 40, 'Sweden', 'Ukraine'),
    ('Die Ukraine bestellte 18 Bohdana-Haubitzen.',
     'weapons_supplied', 18, None, 'Ukraine'),
    ('Die Ukraine hat 60 Gepard-Flugabwehrpanzer aus Deutschland erhalten.',
     'weapons_supplied', 60, 'Germany', 'Ukraine'),
    ('Russland hat 300.000 Reservisten mobilisiert.',
     'troops_deployed', 300000, 'Russia', None),
    ('Rund 50.000 russische Soldaten sind nach Angaben der BBC gefallen.',
     'casualties_killed', 50000, 'Russia', None),
    ('Die russischen Verluste belaufen sich auf mehr als 700.000 Mann.',
     'casualties_total', 700000, 'Russia', None),
    ('Laut Kiew wurden 1.200 russische Soldaten getötet, verwundet oder vermisst gemeldet.',
     'casualties_total', 1200, 'Russia', None),
    ('Nach Angaben des Generalstabs wurden 300 ukrainische Soldaten verwundet.',
     'casualties_wounded', 300, 'Ukraine', None),
]


@pytest.mark.parametrize("text, action, value, actor, recipient", AID_CASES)
def test_aid_and_arms_vocabulary(text, action, value, actor, recipient):
    c = one(text, action)
    assert (c.value if c.value is not None else c.value_low) == value
    assert (c.actor, c.recipient) == (actor, recipient)
    assert c.quote and c.quote in text


def test_aid_vocabulary_has_enough_cases():
    assert len(AID_CASES) >= 15


@pytest.mark.parametrize("text, stance, sources", [
    ("Dem Vernehmen nach hat Iran Russland 400 ballistische Raketen übergeben.", "alleged", []),
    ("Die USA haben der Ukraine 31 Abrams-Kampfpanzer geliefert, teilte ein Pentagon-Sprecher mit.", "confirmed",
     ["Pentagon"]),
    ("Schweden hat vor, der Ukraine 14 Gripen-Kampfflugzeuge zu überlassen.", "planned", []),
    ("Teheran bestritt entschieden, Russland 2.000 Schahed-Drohnen geliefert zu haben.", "denied", ["Iran"]),
])
def test_aid_stance_and_sources(text, stance, sources):
    c = claims_of(text, published=PUB, lang="de")[-1]
    assert (c.stance, c.attributed_to) == (stance, sources)


def test_training_abroad_is_no_supply():
    cs = claims_of("Die USA haben 7.000 ukrainische Piloten und Panzerbesatzungen in Deutschland ausgebildet.",
                   published=PUB, lang="de")
    assert not [c for c in cs if c.action.endswith("_supplied")]
