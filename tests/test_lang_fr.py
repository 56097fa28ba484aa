"""The French language pack (data/lang/fr): numbers, dates and periods, claims, attribution and stance.

Every sentence below is written for these tests, in the styles of French-language outlets: wire copy
(AFP), national dailies, a Swiss or Canadian site, live blogs, tabloid headlines, bullet lists under a
header, translated agency text and photo captions. None is copied from an article.
"""
from __future__ import annotations

import datetime as dt
import re

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
    return got_in(text, "fr")


# =========================================================================== numbers

NUMBER_CASES = [
    # --- digits: spaces (plain, no-break, thin), dots and Swiss apostrophes group thousands
    ("Pyongyang aurait dépêché 12 000 soldats en Russie.", [("12 000", 12000, "exact", "count")]),
    ("Pyongyang aurait dépêché 12\u00a0000 soldats en Russie.", [("12\u00a0000", 12000, "exact", "count")]),
    ("Pyongyang aurait dépêché 12\u202f000 soldats en Russie.", [("12\u202f000", 12000, "exact", "count")]),
    ("Kiev annonce 12.000 soldats ennemis tués.", [("12.000", 12000, "exact", "count")]),
    ("Le Monde recense 10'000 ouvriers nord-coréens en Russie.", [("10'000", 10000, "exact", "count")]),
    ("Blick cite 10’000 ouvriers.", [("10’000", 10000, "exact", "count")]),
    ("Les 1 200 soldats ont quitté Pyongyang.", [("1 200", 1200, "exact", "count")]),
    ("Kim a envoyé 3 000 000 d'obus.", [("3 000 000", 3_000_000, "exact", "count")]),
    ("Il y a 2 000 soldats en Russie.", [("2 000", 2000, "exact", "count")]),
    ("Un total de 1 234 567 cartouches.", [("Un total de 1 234 567", 1_234_567, "exact", "count")]),
    ("En 2024 10 000 soldats sont partis.", [("2024", 2024, "exact", "year"), ("10 000", 10000, "exact", "count")]),
    # --- the decimal comma before a multiplier
    ("La Corée du Nord a livré 1,5 million d'obus à Moscou.", [("1,5 million", 1_500_000, "exact", "count")]),
    ("Selon Kiev, 3,7 millions d'obus ont été livrés.", [("3,7 millions", 3_700_000, "exact", "count")]),
    ("Une aide de 2,5 milliards d'euros a été votée.", [("2,5 milliards d'euros", 2.5e9, "exact", "money")]),
    ("Jusqu'à 9 millions de munitions auraient été transférées.",
     [("Jusqu'à 9 millions", 9_000_000, "up_to", "count")]),
    # --- number words
    ("Soixante-dix soldats ont été capturés.", [("Soixante-dix", 70, "exact", "count")]),
    ("Quatre-vingt-dix-neuf obus ont été tirés en une nuit.", [("Quatre-vingt-dix-neuf", 99, "exact", "count")]),
    ("Vingt et un chars ont été livrés.", [("Vingt et un", 21, "exact", "count")]),
    ("Trois cents drones ont été commandés.", [("Trois cents", 300, "exact", "count")]),
    ("Deux mille cinq cents soldats ont défilé.", [("Deux mille cinq cents", 2500, "exact", "count")]),
    ("Deux cent cinquante mille obus sont attendus.", [("Deux cent cinquante mille", 250_000, "exact", "count")]),
    ("Un million deux cent mille cartouches ont été livrées.",
     [("Un million deux cent mille", 1_200_000, "exact", "count")]),
    ("Trente-deux missiles de croisière ont été interceptés.", [("Trente-deux", 32, "exact", "count")]),
    ("Quatre-vingts hélicoptères seraient concernés.", [("Quatre-vingts", 80, "exact", "count")]),
    ("Septante-cinq soldats suisses sont en mission.", [("Septante-cinq", 75, "exact", "count")]),
    ("Nonante obus ont été saisis.", [("Nonante", 90, "exact", "count")]),
    ("Dix-sept soldats ont été blessés.", [("Dix-sept", 17, "exact", "count")]),
    ("Soixante et onze drones ont été abattus.", [("Soixante et onze", 71, "exact", "count")]),
    ("Soixante-douze heures plus tard, quatre-vingt-onze obus.",
     [("Soixante-douze heures", 72, "exact", "measure"), ("quatre-vingt-onze", 91, "exact", "count")]),
    ("Deux millions d'obus et trois mille roquettes.",
     [("Deux millions", 2_000_000, "exact", "count"), ("trois mille", 3000, "exact", "count")]),
    ("Un milliard de dollars d'aide.", [("Un milliard de dollars", 1e9, "exact", "money")]),
    ("L'Iran a livré mille drones à la Russie.", [("mille", 1000, "exact", "count")]),
    ("Cent chars et mille cinq cents soldats.", [("Cent", 100, "exact", "count"), ("mille cinq cents", 1500, "exact", "count")]),
    ("Cent mille obus ont été tirés.", [("Cent mille", 100_000, "exact", "count")]),
    ("Douze chars et quinze obusiers.", [("Douze", 12, "exact", "count"), ("quinze", 15, "exact", "count")]),
    ("Deux et demi pour cent.", [("Deux et demi pour cent", 2.5, "exact", "percent")]),
    # --- qualifiers before the number
    ("Quelque 1.500 militaires nord-coréens se trouvent déjà à Koursk.",
     [("Quelque 1.500", 1500, "approx", "count")]),
    ("Environ 600 soldats ont été tués et près de 4 000 blessés.",
     [("Environ 600", 600, "approx", "count"), ("près de 4 000", 4000, "approx", "count")]),
    ("Plus de 11 000 militaires ont été mis à disposition de Moscou.",
     [("Plus de 11 000", 11000, "more_than", "count")]),
    ("Au moins 100 missiles balistiques ont été tirés.", [("Au moins 100", 100, "at_least", "count")]),
    ("Au minimum 20 lance-roquettes multiples ont été repérés.", [("Au minimum 20", 20, "at_least", "count")]),
    ("Moins de 500 soldats seraient encore sur place.", [("Moins de 500", 500, "less_than", "count")]),
    ("Pas moins de 3 000 conteneurs ont franchi la frontière.",
     [("Pas moins de 3 000", 3000, "at_least", "count")]),
    ("Près d'un million d'obus ont déjà été expédiés.", [("Près d'un million", 1_000_000, "approx", "count")]),
    ("Près d’un million d’obus ont déjà été expédiés.", [("Près d’un million", 1_000_000, "approx", "count")]),
    ("Plus d'un millier de drones ont été lancés.", [("Plus d'un millier", 1000, "more_than", "count")]),
    ("Pratiquement 2 000 obus par jour.", [("Pratiquement 2 000", 2000, "approx", "count")]),
    ("Aux alentours de 7 000 soldats sont concernés.", [("Aux alentours de 7 000", 7000, "approx", "count")]),
    ("Approximativement 300 lanceurs ont été fournis.", [("Approximativement 300", 300, "approx", "count")]),
    ("Un peu plus de 4 000 travailleurs sont arrivés.", [("Un peu plus de 4 000", 4000, "more_than", "count")]),
    ("Un peu moins de 1 000 soldats sont rentrés.", [("Un peu moins de 1 000", 1000, "less_than", "count")]),
    ("Au-delà de 20 000 conteneurs ont été acheminés.", [("Au-delà de 20 000", 20000, "more_than", "count")]),
    ("Tout au plus 500 soldats sont stationnés.", [("Tout au plus 500", 500, "up_to", "count")]),
    ("Au maximum 800 obus par jour.", [("Au maximum 800", 800, "up_to", "count")]),
    ("Au total 13 000 soldats ont été déployés.", [("Au total 13 000", 13000, "exact", "count")]),
    ("Le contingent compte environ 11 000 hommes.", [("environ 11 000", 11000, "approx", "count")]),
    ("Un contingent d'environ 11 000 hommes.", [("d'environ 11 000", 11000, "approx", "count")]),
    ("Presque 900 blindés ont été perdus.", [("Presque 900", 900, "approx", "count")]),
    ("De l'ordre de 5 000 hommes.", [("De l'ordre de 5 000", 5000, "approx", "count")]),
    ("Quasiment 40 chars détruits.", [("Quasiment 40", 40, "approx", "count")]),
    ("Soit 3 millions d'obus de 152 millimètres.",
     [("Soit 3 millions", 3_000_000, "exact", "count"), ("152 millimètres", 152, "exact", "measure")]),
    ("Près de 3 000 victimes, estime l'ONU.", [("Près de 3 000", 3000, "approx", "count")]),
    ("Jusqu’à 12 000 soldats pourraient être envoyés.", [("Jusqu’à 12 000", 12000, "up_to", "count")]),
    # --- qualifiers after the number
    ("Une centaine de blessés au moins.", [("Une centaine", 100, "approx", "count")]),
    ("Ils seraient 10 000 environ.", [("10 000 environ", 10000, "approx", "count")]),
    ("Ils seraient 10 000 au moins.", [("10 000 au moins", 10000, "at_least", "count")]),
    ("Les Russes ont perdu 50 000 et plus.", [("50 000 et plus", 50000, "at_least", "count")]),
    # --- vague amounts with their floor
    ("Des milliers de travailleurs partent chaque année.", [("milliers", V(1000), "vague", "count")]),
    ("Des dizaines de milliers de soldats russes sont morts.",
     [("dizaines de milliers", V(10000), "vague", "count")]),
    ("Des centaines de drones Shahed ont été abattus.", [("centaines", V(100), "vague", "count")]),
    ("Plusieurs centaines de militaires ont été formés.", [("Plusieurs centaines", V(100), "vague", "count")]),
    ("Plusieurs milliers d'ouvriers ont été envoyés en Russie.", [("Plusieurs milliers", V(1000), "vague", "count")]),
    ("Des centaines de milliers de cartouches ont été saisies.",
     [("centaines de milliers", V(100000), "vague", "count")]),
    ("Quelques centaines de volontaires ont rejoint le front.", [("Quelques centaines", V(100), "vague", "count")]),
    ("Quelques milliers de soldats restent mobilisés.", [("Quelques milliers", V(1000), "vague", "count")]),
    ("De nombreux milliers de drones ont été produits.", [("De nombreux milliers", V(1000), "vague", "count")]),
    ("Des dizaines de soldats ont été faits prisonniers.", [("dizaines", V(10), "vague", "count")]),
    ("Des dizaines de millions de cartouches.", [("dizaines de millions", V(10_000_000), "vague", "count")]),
    ("Des millions d'obus ont été produits en 2024.",
     [("millions", V(1_000_000), "vague", "count"), ("2024", 2024, "exact", "year")]),
    ("Des milliards de dollars d'aide.", [("milliards de dollars", V(1e9), "vague", "money")]),
    # --- ranges
    ("Entre 10 000 et 12 000 soldats ont été déployés.", [("Entre 10 000 et 12 000", R(10000, 12000), "range", "count")]),
    ("De 5 à 7 millions d'obus, selon les estimations.", [("De 5 à 7 millions", R(5e6, 7e6), "range", "count")]),
    ("10 000-12 000 militaires, dit le rapport.", [("10 000-12 000", R(10000, 12000), "range", "count")]),
    ("10 000–12 000 militaires, dit le rapport.", [("10 000–12 000", R(10000, 12000), "range", "count")]),
    ("Les effectifs sont passés de 3 000 à 5 000 en un mois.", [("de 3 000 à 5 000", R(3000, 5000), "range", "count")]),
    ("Un bilan compris entre 80 et 160 victimes.", [("compris entre 80 et 160", R(80, 160), "range", "count")]),
    ("Entre deux et trois millions d'obus.", [("Entre deux et trois millions", R(2e6, 3e6), "range", "count")]),
    ("Ils étaient 20 et 30 hier.", [("20", 20, "exact", "count"), ("30", 30, "exact", "count")]),
    # --- money, measures, percentages: no counts
    ("Le budget atteint 60 milliards de dollars.", [("60 milliards de dollars", 6e10, "exact", "money")]),
    ("Un prêt de 50 M€ est prévu.", [("50 M€", 50, "exact", "money")]),
    ("Une enveloppe de 500 millions d'euros.", [("500 millions d'euros", 5e8, "exact", "money")]),
    ("Ils touchent 160 francs par mois.", [("160 francs", 160, "exact", "money")]),
    ("Une paie de 300 $ par mois.", [("300 $", 300, "exact", "money")]),
    ("La pièce de 152 mm est la plus utilisée.", [("152 mm", 152, "exact", "measure")]),
    ("Des obus de 155mm ont été livrés.", [("155mm", 155, "exact", "measure")]),
    ("Les missiles ont une portée de 300 km.", [("300 km", 300, "exact", "measure")]),
    ("La guerre dure depuis trois ans.", [("trois ans", 3, "exact", "measure")]),
    ("Ils travaillent 18 heures par jour.", [("18 heures", 18, "exact", "measure")]),
    ("Deux jours de repos par an.", [("Deux jours", 2, "exact", "measure")]),
    ("Plus de 74 000 tonnes d'explosifs.", [("Plus de 74 000 tonnes", 74000, "more_than", "measure")]),
    ("Le taux de pertes atteint 40 %.", [("40 %", 40, "exact", "percent")]),
    ("Les pertes représentent 12 pour cent des effectifs.", [("12 pour cent", 12, "exact", "percent")]),
    ("Une hausse de 3,5 % du budget.", [("3,5 %", 3.5, "exact", "percent")]),
    # --- dates and years
    ("Le 13 septembre 2023, Kim a rencontré Poutine.", [("13 septembre 2023", None, "exact", "date")]),
    ("En mars 2025, la Russie a repris Koursk.", [("mars 2025", None, "exact", "date")]),
    ("Le 1er juin 2024, l'accord est entré en vigueur.", [("1er juin 2024", None, "exact", "date")]),
    ("Rendez-vous le 14/03/2025.", [("14/03/2025", None, "exact", "date")]),
    ("Le 12 sept. 2025, un nouveau convoi.", [("12 sept. 2025", None, "exact", "date")]),
    ("Depuis 2022, l'Ukraine résiste.", [("2022", 2022, "exact", "year")]),
    ("Jusqu'en 2026, les livraisons continueront.", [("2026", 2026, "exact", "year")]),
    ("Plus de 2000 soldats ont été tués.", [("Plus de 2000", 2000, "more_than", "count")]),
    # --- ordinals and labels
    ("Le 3e bataillon a été envoyé au front.", [("3e", 3, "exact", "ordinal")]),
    ("C'est la 2ème fois que Séoul le signale.", [("2ème", 2, "exact", "ordinal")]),
    ("Le 1er régiment a été décimé.", [("1er", 1, "exact", "ordinal")]),
    ("La brigade 155 est engagée à Koursk.", [("155", 155, "exact", "ordinal")]),
    ("La résolution 1718 interdit ces transferts.", [("1718", 1718, "exact", "ordinal")]),
    ("Le premier convoi et la deuxième vague.", [("premier", 1, "exact", "ordinal"), ("deuxième", 2, "exact", "ordinal")]),
    # --- phrases with number words that are no amount, names with digits
    ("Les deux pays ont signé un traité.", []),
    ("Les soldats sont partis à deux reprises.", []),
    ("Il a été déployé en deux phases.", []),
    ("L'Allemagne livre des Leopard 2 et des F-16.", []),
    ("Des missiles KN-23 et des drones Shahed-136.", []),
    ("Un soldat a été blessé, une frappe a eu lieu.", []),
]


@pytest.mark.parametrize("text, expected", NUMBER_CASES)
def test_numbers(text, expected):
    assert got(text) == expected


def test_number_case_count():
    assert len(NUMBER_CASES) >= 100


@pytest.mark.parametrize("text, value", [
    ("Une dizaine de soldats ont été tués.", 10),
    ("Une centaine de drones ont été lancés.", 100),
    ("Un millier de soldats sont morts.", 1000),
    ("Une vingtaine de chars ont été détruits.", 20),
    ("Une dizaine de milliers de militaires ont été envoyés.", 10000),
    ("Une centaine de blessés au moins.", 100),
])
def test_collective_numerals(text, value):
    """'une centaine' counts about a hundred: approx (numbers.yaml approx_multipliers)."""
    (q,) = find_quantities(text, "fr")
    assert q.value == value and q.kind == "count" and q.qualifier == "approx"


def test_at_least_before_a_collective_numeral():
    (q,) = find_quantities("Au moins une dizaine de blessés.", "fr")
    assert q.value == 10 and q.qualifier == "at_least"


def test_parse_number_fr():
    assert parse_number("vingt-deux", "fr") == 22
    assert parse_number("quatre-vingt-dix-sept", "fr") == 97
    assert parse_number("1,5 million", "fr") == 1_500_000
    assert parse_number("12 000", "fr") == 12000
    assert parse_number("vingt soldats", "fr") is None


@pytest.mark.parametrize("n, words", [
    (0, "zéro"), (17, "dix-sept"), (21, "vingt et un"), (71, "soixante et onze"), (80, "quatre-vingts"),
    (99, "quatre-vingt-dix-neuf"), (100, "cent"), (250, "deux cent cinquante"), (2000, "deux mille"),
    (1_500_000, "un million cinq cent mille"),
])
def test_spell_fr(n, words):
    assert spell(n, "fr") == words


@pytest.mark.parametrize("text, value", [
    ("mille cent", 1100), ("deux mille cent", 2100), ("un million cent mille", 1_100_000),  # fr-1 follow-up
    ("cent un", 101), ("mille un", 1001), ("mille et une", 1001), ("deux cent un mille", 201_000),
])
def test_parse_number_inside(text, value):
    assert parse_number(text, "fr") == value


def test_mille_cent_soldats():
    (q,) = find_quantities("Mille cent soldats ont été envoyés.", "fr")
    assert (q.text, q.value, q.qualifier) == ("Mille cent", 1100, "exact")


# num2words writes 100 "cent", 1000 "mille" (bare multipliers), 1100 "mille cent" (a bare multiplier after
# a larger part) and 101 "cent un" (numbers.yaml inner_one_words): all are read. Only "un" alone is left
# out: it is "one" only inside a number or before a multiplier ("un rapport" is no count).
_UNSUPPORTED = re.compile(r"^un$")


def _supported(n: int) -> bool:
    return not _UNSUPPORTED.search(num2words(n, lang="fr"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(n=st.one_of(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=10**12 - 1))
       .filter(_supported))
def test_num2words_parse_back(n):
    words = num2words(n, lang="fr")
    assert parse_number(words, "fr") == n, words


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1000, max_value=10**9), group=st.sampled_from([" ", "\u00a0", "\u202f", ".", "'"]),
       qualifier=st.sampled_from(["", "environ ", "plus de ", "près de "]))
def test_grouped_digits_parse_back(n, group, qualifier):
    digits = f"{n:,}".replace(",", group)
    qs = [q for q in find_quantities(f"{qualifier}{digits} soldats", "fr") if q.number_start == len(qualifier)]
    assert len(qs) == 1 and qs[0].value == n


@settings(max_examples=100, deadline=None)
@given(whole=st.integers(min_value=1, max_value=999), tenth=st.integers(min_value=1, max_value=9),
       scale=st.sampled_from([("millions", 10**6), ("milliards", 10**9)]))
def test_decimal_comma_with_multiplier(whole, tenth, scale):
    word, factor = scale
    (q,) = find_quantities(f"{whole},{tenth} {word} d'obus", "fr")
    assert q.value == (whole * 10 + tenth) * factor // 10


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.sampled_from(list("0123456789 .,'’-–:%") + ["mille", " cent", " million", " environ ",
                                                                       " entre ", " et ", " à ", "dizaines", " de ",
                                                                       "d'", "\n"]), max_size=60))
def test_number_shaped_garbage_never_crashes(parts):
    text = "".join(parts)
    for q in find_quantities(text, "fr"):
        assert q.text == text[q.start:q.end]
        assert q.qualifier in {"exact", "approx", "more_than", "less_than", "up_to", "at_least", "range", "vague"}


# =========================================================================== dates and periods

def dates(text, ref=REF):
    return [(m.text, m.value) for m in find_dates(text, "fr", ref)]


def periods(text, ref=REF):
    return [(p.text, p.period_start, p.period_end) for p in find_periods(text, "fr", ref)]


@pytest.mark.parametrize("text, expected", [
    ("Kim a rencontré Poutine le 19 juin 2024 à Pyongyang.", [("19 juin 2024", "2024-06-19")]),
    ("Le 1er octobre 2024, les premiers soldats sont arrivés.", [("1er octobre 2024", "2024-10-01")]),
    ("Réunion le 5 févr. 2025 puis le 12 déc. 2025.", [("5 févr. 2025", "2025-02-05"), ("12 déc. 2025", "2025-12-12")]),
    ("Rapport daté du 14/03/2025.", [("14/03/2025", "2025-03-14")]),
    ("Depuis septembre 2023, Pyongyang livre des obus.", [("septembre 2023", "2023-09")]),
    ("En août 2025, 1 000 ouvriers.", [("août 2025", "2025-08")]),
    ("Les 3 000 soldats sont partis lundi.", [("lundi", "2025-06-09")]),
    ("Il l'a confirmé vendredi dernier.", [("vendredi dernier", "2025-06-06")]),
    ("Il l'a dit ce mardi.", [("mardi", "2025-06-10")]),
    ("Il l'a dit mardi.", [("mardi", "2025-06-10")]),
    ("Il l'a dit dimanche.", [("dimanche", "2025-06-08")]),
    ("Les livraisons ont repris en mars dernier.", [("mars dernier", "2025-03")]),
    ("L'aide arrivera en octobre prochain.", [("octobre prochain", "2025-10")]),
    ("Hier, Séoul a parlé ; avant-hier, Kiev.", [("Hier", "2025-06-09"), ("avant-hier", "2025-06-08")]),
    ("L'an dernier, la Corée du Nord a envoyé 11 000 soldats.", [("L'an dernier", "2024")]),
    ("L’an dernier, la Corée du Nord a envoyé 11 000 soldats.", [("L’an dernier", "2024")]),
    ("Cette année, 3 000 soldats de plus.", [("Cette année", "2025")]),
    ("Le mois dernier, 200 obus par jour.", [("Le mois dernier", "2025-05")]),
    ("Il y a deux ans, la guerre s'enlisait.", [("Il y a deux ans", "2023")]),
    ("Le jeudi 12 juin, Séoul a réagi.", [("jeudi 12 juin", "2025-06-12")]),
])
def test_dates(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("10 000 ouvriers sont partis vers Moscou en 2024.", [("en 2024", "2024-01", "2024-12")]),
    ("Entre janvier et mars 2025, 3 000 soldats ont été envoyés.", [("Entre janvier et mars 2025", "2025-01", "2025-03")]),
    ("Entre janvier et mars, 2 000 blessés ont été rapatriés.", [("Entre janvier et mars", "2025-01", "2025-03")]),
    ("De janvier à juin 2024, les livraisons ont doublé.", [("De janvier à juin 2024", "2024-01", "2024-06")]),
    ("Sur la période janvier-mars 2025, 3 000 soldats.", [("janvier-mars 2025", "2025-01", "2025-03")]),
    ("Depuis septembre 2023, 10 000 conteneurs ont été acheminés.", [("Depuis septembre 2023", "2023-09", None)]),
    ("Depuis le début de l'invasion en février 2022, 600 000 pertes.",
     [("Depuis le début de l'invasion en février 2022", "2022-02", None)]),
    ("Jusqu'en mars 2025, les combats ont duré.", [("Jusqu'en mars 2025", None, "2025-03")]),
    ("D'ici fin 2025, 20 chars seront livrés.", [("D'ici fin 2025", None, "2025-12")]),
    ("Cette année, 3 000 soldats supplémentaires ont été envoyés.", [("Cette année", "2025-01", "2025-12")]),
    ("L'an dernier, Pyongyang a fourni 100 missiles.", [("L'an dernier", "2024-01", "2024-12")]),
    ("En avril dernier, le bilan s'est alourdi.", [("En avril dernier", "2025-04", "2025-04")]),
    ("Au cours de l'année 2024, 11 000 soldats.", [("Au cours de l'année 2024", "2024-01", "2024-12")]),
    ("Les chars arriveront d'ici la fin de l'année.", [("d'ici la fin de l'année", None, "2025-12")]),
    ("Le 19 juin 2024, le traité a été signé.", []),
])
def test_periods(text, expected):
    assert periods(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("Publié le 5 févr. 2025", "2025-02-05"),
    ("Mis à jour le 3 mars 2025 à 18:05", "2025-03-03"),
    ("lundi 2 juin 2025", "2025-06-02"),
    ("14/03/2025 - 10:32", "2025-03-14"),
    ("mer. 4 juin 2025 16:20", "2025-06-04"),
])
def test_date_lines(line, expected):
    assert parse_date_line(line, "fr") == expected


def test_date_line_with_french_clock_time():  # request fr-12 (dates.yaml clock_marks)
    assert parse_date_line("Publié le 14 août 2025 à 10h32", "fr") == "2025-08-14"
    assert parse_date_line("Mis à jour le 3 mars 2025 à 7 h 05", "fr") == "2025-03-03"
    assert parse_date_line("Le 21 mai 2025 à 18h40 (heure de Paris)", "fr") == "2025-05-21"


def test_recent_period_with_the_number_before_derniers():  # request fr-13 (dates.yaml recent_between)
    assert periods("Au cours des deux dernières années, 5 millions d'obus.") == [
        ("Au cours des deux dernières années", "2023-06", "2025-06")]
    assert periods("Ces trois derniers mois, Moscou a reçu des obus.") == [("Ces trois derniers mois", "2025-03", "2025-06")]
    assert periods("Ces dernières semaines, Moscou a reçu des obus.") == []  # no number: no period


# =========================================================================== claims

def one(text: str, action: str | None = None, **kw):
    return one_claim(text, action, published=PUB, **kw)


@pytest.mark.parametrize("text, action, value, qualifier, actor, recipient", [
    # wire copy
    ("SÉOUL (AFP) - La Corée du Nord a envoyé quelque 3 000 soldats supplémentaires en Russie depuis janvier, "
     "a affirmé lundi l'état-major interarmées sud-coréen.", "troops_deployed", 3000, "approx", "North Korea", "Russia"),
    ("PARIS (AFP) — La Corée du Nord a déployé environ 11 000 soldats en Russie, selon les services de "
     "renseignement sud-coréens.", "troops_deployed", 11000, "approx", "North Korea", "Russia"),
    ("L'Iran a livré à la Russie plus de 400 missiles balistiques Fath-360, selon des responsables américains.",
     "missiles_supplied", 400, "more_than", "Iran", "Russia"),
    ("La Biélorussie a fourni à Moscou 130 000 obus d'artillerie l'an dernier.",
     "munitions_supplied", 130000, "exact", "Belarus", "Russia"),
    ("Moscou a reçu 6 700 conteneurs de munitions en provenance de Corée du Nord, a indiqué Shin Won-sik.",
     "munitions_supplied", 6700, "exact", "North Korea", "Russia"),
    # national dailies on Western aid
    ("L'Allemagne va livrer 18 chars Leopard 2 à l'Ukraine d'ici la fin de l'année, a annoncé le chancelier.",
     "weapons_supplied", 18, "exact", "Germany", "Ukraine"),
    ("Washington s'est engagé à fournir 31 chars Abrams à Kiev.", "weapons_supplied", 31, "exact",
     "United States", "Ukraine"),
    ("La France prévoit d'envoyer 12 canons Caesar supplémentaires en Ukraine.", "weapons_supplied", 12, "exact",
     "France", "Ukraine"),
    ("Berlin prévoit de livrer 4 systèmes de défense antiaérienne IRIS-T à Kiev l'an prochain.",
     "weapons_supplied", 4, "exact", "Germany", "Ukraine"),
    # workers and engineers
    ("Kim Jong-un s'est engagé à envoyer 5 000 ouvriers du bâtiment en Russie.", "workers_sent", 5000, "exact",
     "North Korea", "Russia"),
    ("Près de 5 000 ingénieurs et ouvriers du bâtiment nord-coréens seront envoyés à Koursk pour la reconstruction.",
     "workers_sent", 5000, "approx", "North Korea", "Russia"),
    ("Plus de 1 000 démineurs nord-coréens ont été envoyés dans la région de Koursk, a rapporté l'agence KCNA.",
     "workers_sent", 1000, "more_than", "North Korea", "Russia"),
    ("Chaque année, Kim Jong Un expédie des milliers de ses ressortissants à Moscou pour combler la pénurie de "
     "main-d'œuvre.", "workers_sent", 1000, "vague", "North Korea", "Russia"),
    # casualties
    ("Kiev affirme que 1 200 soldats nord-coréens ont été tués dans la région de Koursk depuis décembre.",
     "casualties_killed", 1200, "exact", "North Korea", None),
    ("Au total, 4 700 militaires nord-coréens ont été tués ou blessés, d'après le député Lee Seong-kweun.",
     "casualties_total", 4700, "exact", "North Korea", None),
    ("L'Ukraine a perdu 1 500 soldats le mois dernier, selon Moscou.", "casualties_total", 1500, "exact",
     "Ukraine", None),
    ("Les pertes russes s'élèvent à plus de 600 000 hommes tués ou blessés depuis le début de l'invasion.",
     "casualties_total", 600000, "more_than", "Russia", None),
    ("Pyongyang a officiellement confirmé la mort de 600 de ses soldats dans la région de Koursk.",
     "casualties_killed", 600, "exact", "North Korea", None),
    # tabloid headline, live blog
    ("EXCLUSIF - Poutine a obtenu 12 000 soldats de Kim ! Le deal secret révélé", "troops_deployed", 12000, "exact",
     None, "Russia"),
    ("EN DIRECT - Guerre en Ukraine : l'Ukraine a reçu 40 chars Leopard de l'Allemagne",
     "weapons_supplied", 40, "exact", "Germany", "Ukraine"),
])
def test_claims(text, action, value, qualifier, actor, recipient):
    c = one(text, action)
    assert (c.value if c.value is not None else c.value_low) == value
    assert c.qualifier == qualifier
    assert c.actor == actor
    assert c.recipient == recipient
    assert c.quote and c.quote in text


def test_killed_and_wounded_in_one_sentence():
    cs = claims_of("Environ 600 militaires nord-coréens sont morts et 4 100 ont été blessés, d'après le "
                   "renseignement sud-coréen.", published=PUB)
    assert [(c.action, c.value, c.qualifier, c.actor) for c in cs] == [
        ("casualties_killed", 600, "approx", "North Korea"), ("casualties_wounded", 4100, "exact", "North Korea")]
    assert all(c.attributed_to == ["National Intelligence Service"] and c.stance == "reported" for c in cs)


def test_estimate_of_a_number_put_first():
    c = one("Le renseignement sud-coréen estime à 2 000 le nombre de militaires nord-coréens blessés entre janvier "
            "et mars 2025.")
    assert (c.action, c.value, c.qualifier, c.actor) == ("casualties_wounded", 2000, "approx", "North Korea")
    assert (c.period_start, c.period_end) == ("2025-01", "2025-03")
    assert c.attributed_to == ["National Intelligence Service"]


def test_losses_before_an_estimate():
    cs = claims_of("«À ce stade, les pertes subies par les troupes nord-coréennes sont évaluées à environ 3 000, "
                   "dont environ 300 morts», a déclaré le député Lee Seong-kweun.", published=PUB)
    assert [(c.action, c.value, c.qualifier, c.actor) for c in cs] == [
        ("casualties_total", 3000, "approx", "North Korea"), ("casualties_killed", 300, "approx", "North Korea")]
    assert all(c.attributed_to == ["Lee Seong-kweun"] for c in cs)


def test_bullet_list_under_a_header():
    text = ("Ce que l'on sait des livraisons nord-coréennes :\n"
            "- 12 000 soldats déployés à Koursk\n"
            "- plus de 100 missiles balistiques KN-23\n"
            "- au moins 9 millions d'obus")
    cs = claims_of(text, published=PUB)
    assert [(c.action, c.value, c.qualifier) for c in cs] == [
        ("troops_deployed", 12000, "exact"), ("missiles_supplied", 100, "more_than"),
        ("munitions_supplied", 9_000_000, "at_least")]
    assert all(c.actor == "North Korea" and c.recipient == "Russia" for c in cs)


def test_containers_then_their_equivalent_in_shells():
    cs = claims_of("Moscou aurait reçu de Pyongyang 5 000 conteneurs, soit l'équivalent de 2 millions d'obus de "
                   "152 mm ou de 400 000 roquettes.", published=PUB)
    assert [(c.action, c.value) for c in cs] == [
        ("munitions_supplied", 5000), ("munitions_supplied", 2_000_000), ("munitions_supplied", 400_000)]
    assert cs[0].recipient == "Russia"
    assert all(c.stance == "alleged" for c in cs)


def test_troops_located_abroad_and_tonnes_of_explosives():
    c = one("Quelque 11 000 soldats nord-coréens se trouvent dans la région de Koursk.")
    assert (c.action, c.value, c.actor, c.recipient) == ("troops_deployed", 11000, "North Korea", "Russia")
    c = one("Pyongyang a expédié plus de 74 000 tonnes d'explosifs à Moscou depuis août.")
    assert (c.action, c.value, c.qualifier, c.recipient) == ("munitions_supplied", 74000, "more_than", "Russia")
    assert (c.period_start, c.period_end) == ("2024-08", None)


def test_shells_fired_are_no_supply():
    cs = read("La Russie tire environ 10 000 obus chaque jour, contre 2 000 pour le camp ukrainien.",
              published=PUB)[1]
    assert cs and all(c.action == "other" for c in cs)


def test_civilians_and_money_make_no_supply_claim():
    cs = claims_of("Les États-Unis étudient une enveloppe de 60 milliards de dollars d'aide pour l'Ukraine.",
                   published=PUB)
    assert cs == []


def test_caption_credit_is_no_claim():
    cs = claims_of("Photo d'archives : des soldats nord-coréens lors d'un défilé à Pyongyang, le 10 octobre 2020. "
                   "(KCNA via AFP)", published=PUB)
    assert cs == []


def test_enumeration_shares_the_verb():
    cs = claims_of("Selon Kiev, Pyongyang a fourni 20 000 soldats, 150 missiles balistiques et 3 millions d'obus à la "
                   "Russie en 2024.", published=PUB)
    assert [c.action for c in cs] == ["troops_deployed", "missiles_supplied", "munitions_supplied"]
    assert all(c.actor == "North Korea" and c.recipient == "Russia" and c.attributed_to == ["Ukraine"] for c in cs)


def test_enumeration_shares_the_period():
    cs = claims_of("Selon Kiev, Pyongyang a fourni 20 000 soldats, 150 missiles balistiques et 3 millions d'obus à la "
                   "Russie en 2024.", published=PUB)
    assert all((c.period_start, c.period_end) == ("2024-01", "2024-12") for c in cs)


def test_receive_with_its_source_before_the_number():
    c = one("Moscou a reçu de Téhéran 2 000 drones Shahed, selon le renseignement ukrainien.")
    assert (c.actor, c.recipient) == ("Iran", "Russia")


def test_losses_noun_with_its_owner_after_it():
    c = one("Le renseignement britannique évalue à 450 000 les pertes russes depuis février 2022.")
    assert (c.action, c.value, c.actor) == ("casualties_total", 450000, "Russia")


# =========================================================================== attribution

def chain(text: str) -> list[str]:
    cs = claims_of(text, published=PUB)
    assert cs, "no claim read"
    return cs[-1].attributed_to


@pytest.mark.parametrize("text, expected", [
    ("Selon l'agence Yonhap, Pyongyang aurait envoyé 3 000 soldats supplémentaires en Russie.", ["Yonhap"]),
    ("D'après la BBC, 10 000 ouvriers nord-coréens sont partis vers Moscou en 2024.", ["BBC"]),
    ("D’après la BBC, 10 000 ouvriers nord-coréens sont partis vers Moscou en 2024.", ["BBC"]),
    ("D'après un rapport du ministère de la Défense sud-coréen cité par l'AFP, la Corée du Nord a expédié "
     "12 millions d'obus à Moscou.", ["South Korea Ministry of National Defense", "AFP"]),
    ("La Corée du Nord a déployé 11 000 soldats en Russie, selon les services secrets sud-coréens.",
     ["National Intelligence Service"]),
    ("Quelque 1 500 soldats nord-coréens se trouvent en Russie, a annoncé vendredi l'agence de renseignement "
     "sud-coréenne.", ["National Intelligence Service"]),
    ("«Pyongyang a déployé 18 000 soldats en Russie», a précisé le député Lee Seong-kweun.", ["Lee Seong-kweun"]),
    ("L'Équipe multilatérale de surveillance des sanctions signale que la Corée du Nord a dépêché 3 000 soldats en "
     "Russie.", ["Multilateral Sanctions Monitoring Team"]),
    ("Le département d'État a fait savoir que Pyongyang avait acheminé 10 000 conteneurs vers Moscou.",
     ["US State Department"]),
    ("Les forces russes ont perdu 1 500 hommes en mai, selon le ministère britannique de la Défense.",
     ["UK Ministry of Defence"]),
    ("Kiev affirme que 1 200 soldats nord-coréens ont été tués.", ["Ukraine"]),
    ("La Biélorussie aurait cédé 50 chars à la Russie, affirme le renseignement militaire ukrainien.", ["HUR"]),
])
def test_attribution(text, expected):
    assert chain(text) == expected


def test_report_named_earlier_is_pointed_back_to():
    text = ("Le premier rapport établi par l'Équipe multilatérale de surveillance des sanctions vient d'être publié.\n\n"
            "Il en ressort que le régime de Kim Jong-un a mis à disposition plus de 11 000 militaires.")
    assert chain(text) == ["Multilateral Sanctions Monitoring Team"]


def test_pronoun_after_a_named_speaker():
    text = ("Le député Lee Seong-kweun s'est exprimé devant la presse.\n\n"
            "Selon lui, environ 2 000 militaires nord-coréens ont été blessés.")
    assert chain(text) == ["Lee Seong-kweun"]


def test_sentence_pointing_back_credits_the_one_before():
    cs = claims_of("La Corée du Nord a envoyé 3 000 soldats de plus en Russie. C'est ce qui ressort d'un rapport de "
                   "l'Équipe multilatérale de surveillance des sanctions.", published=PUB)
    assert [c.attributed_to for c in cs] == [["Multilateral Sanctions Monitoring Team"]]


def test_same_source_goes_on_reporting():
    cs = claims_of("Selon le NIS, Pyongyang a envoyé 11 000 soldats en Russie. Selon la même source, 2 000 d'entre eux "
                   "ont été blessés.", published=PUB)
    assert [(c.action, c.value, c.attributed_to) for c in cs] == [
        ("troops_deployed", 11000, ["National Intelligence Service"]),
        ("casualties_wounded", 2000, ["National Intelligence Service"])]


@pytest.mark.parametrize("text, expected", [
    ("Selon des responsables ukrainiens, 1 000 soldats nord-coréens ont été tués.", ["Ukrainian officials"]),
    ("Des médias russes affirment que 500 mercenaires ont été tués.", ["Russian media"]),
])
def test_unnamed_sources_qualified_by_a_country(text, expected):
    assert chain(text) == expected


def test_outlet_itself_credits_nobody():
    c = one("Chaque année, la Corée du Nord envoie des milliers de travailleurs en Russie.")
    assert c.attributed_to == [] and c.stance == "asserted"


# =========================================================================== stance

@pytest.mark.parametrize("text, stance", [
    # asserted: the outlet states it
    ("La Biélorussie a fourni à Moscou 130 000 obus d'artillerie l'an dernier.", "asserted"),
    # reported: credited, plain verbs of saying or estimating
    ("La Corée du Nord a déployé 11 000 soldats en Russie, selon Séoul.", "reported"),
    ("Le Pentagone estime que 12 000 soldats nord-coréens se trouvent en Russie.", "reported"),
    ("Selon des responsables, 3 000 soldats ont été envoyés en Russie.", "reported"),
    # alleged: the conditional, "présumés", "prétendument", "selon des rumeurs"
    ("6 700 conteneurs d'obus auraient été livrés à Moscou par la Corée du Nord.", "alleged"),
    ("Pyongyang aurait expédié des millions d'obus vers la Russie, selon Séoul.", "alleged"),
    ("Quelque 10 000 soldats nord-coréens seraient déjà en Russie.", "alleged"),
    ("Les 300 mercenaires présumés ont été envoyés en Russie.", "alleged"),
    ("L'Iran a prétendument livré 200 drones à la Russie.", "alleged"),
    # planned: future, plans, pledges, decisions, projections
    ("L'Allemagne va livrer 18 chars à l'Ukraine.", "planned"),
    ("La Corée du Nord enverra 6 000 ingénieurs militaires à Koursk.", "planned"),
    ("La France prévoit d'envoyer 12 canons Caesar en Ukraine.", "planned"),
    ("Washington s'est engagé à fournir 31 chars Abrams à Kiev.", "planned"),
    ("Séoul table sur une dizaine de milliers de militaires envoyés en Russie.", "planned"),
    ("Pyongyang a pris la décision d'expédier jusqu'à 12 000 soldats en Russie.", "planned"),
    ("Kim a promis 5 000 ouvriers supplémentaires à la Russie.", "planned"),
    # denied
    ("Le Kremlin dément la présence de 12 000 soldats nord-coréens en Russie.", "denied"),
    ("Moscou a nié avoir reçu 100 missiles de Pyongyang.", "denied"),
    # confirmed: the actor on its own number
    ("Pyongyang a officiellement confirmé la mort de 600 de ses soldats dans la région de Koursk.", "confirmed"),
])
def test_stance(text, stance):
    cs = claims_of(text, published=PUB)
    assert cs, "no claim read"
    assert cs[-1].stance == stance, [(c.action, c.value, c.stance) for c in cs]


def test_hedge_in_a_later_clause_is_not_this_claims():
    c = one("Environ 500 soldats russes blessés ont été évacués vers Belgorod, et ils seraient soignés à Moscou, "
            "a précisé le porte-parole.")
    assert c.stance == "reported"


# =========================================================================== page furniture

def test_page_furniture_leaves_the_body():
    text = ("Guerre en Ukraine : Pyongyang a envoyé 3 000 soldats de plus en Russie\n\n"
            "Par Jeanne Martin\n\n"
            "Publié le 5 févr. 2025\n\n"
            "La Corée du Nord a envoyé 3 000 soldats supplémentaires en Russie, selon Séoul.\n\n"
            "Lire aussi : Kim Jong-un et Poutine signent un pacte\n\n"
            "Ce site utilise des cookies pour améliorer votre expérience.\n\n"
            "Partager cet article\n\n"
            "© Le Journal – Tous droits réservés")
    article, _claims, _events, _cited = read(text, published=PUB)
    assert "Lire aussi" not in article.body
    assert "cookies" not in article.body
    assert "Partager" not in article.body
    assert "droits réservés" not in article.body
    assert "La Corée du Nord a envoyé 3 000 soldats" in article.body
    assert article.language == "fr"



# =========================================================================== aid and arms vocabulary
# Western and Iranian arms transfers: tanks, armoured vehicles, howitzers, air defence, launchers, jets,
# drones, missiles, shells and mines; giving, pledging, ordering and receiving; mobilisation and
# casualties. AFP wire copy, national dailies, live-blog and headline styles.
AID_CASES = [
    ("PARIS (AFP) - La France va céder 12 canons Caesar supplémentaires à l'Ukraine, a annoncé le ministre des Armées.",
     'weapons_supplied', 12, 'France', 'Ukraine'),
    ("BERLIN (AFP) - L'Allemagne a remis à l'Ukraine quatre obusiers automoteurs PzH 2000.",
     'weapons_supplied', 4, 'Germany', 'Ukraine'),
    ("Le Royaume-Uni a fourni 14 chars Challenger 2 à l'Ukraine, selon le ministère britannique de la Défense.",
     'weapons_supplied', 14, 'United Kingdom', 'Ukraine'),
    ("La Pologne a transféré plus de 200 chars T-72 à l'Ukraine.",
     'weapons_supplied', 200, 'Poland', 'Ukraine'),
    ("Les Pays-Bas ont fait don de 100 véhicules blindés de transport de troupes à l'Ukraine.",
     'weapons_supplied', 100, 'Netherlands', 'Ukraine'),
    ("La France a livré 40 véhicules de l'avant blindés à l'armée ukrainienne.",
     'weapons_supplied', 40, 'France', 'Ukraine'),
    ("L'Allemagne fournira trois systèmes de défense aérienne IRIS-T supplémentaires à l'Ukraine.",
     'weapons_supplied', 3, 'Germany', 'Ukraine'),
    ('Berlin a envoyé deux batteries Patriot en Ukraine.',
     'weapons_supplied', 2, 'Germany', 'Ukraine'),
    ("La Norvège a fait don de deux systèmes NASAMS à l'Ukraine.",
     'weapons_supplied', 2, 'Norway', 'Ukraine'),
    ("Les États-Unis ont livré 39 lance-roquettes multiples HIMARS à l'Ukraine.",
     'weapons_supplied', 39, 'United States', 'Ukraine'),
    ("Le Danemark a promis 19 avions de chasse F-16 à l'Ukraine.",
     'weapons_supplied', 19, 'Denmark', 'Ukraine'),
    ("La Suède va livrer 14 avions Gripen à l'Ukraine.",
     'weapons_supplied', 14, 'Sweden', 'Ukraine'),
    ("EN DIRECT - L'Iran a livré à la Russie plus de 2 000 drones Shahed",
     'weapons_supplied', 2000, 'Iran', 'Russia'),
    ("DIRECT. Paris a livré 50 missiles de croisière SCALP à l'Ukraine",
     'missiles_supplied', 50, 'France', 'Ukraine'),
    ('Washington a envoyé secrètement 100 missiles ATACMS à Kiev.',
     'missiles_supplied', 100, 'United States', 'Ukraine'),
    ("L'Union européenne a livré 1 million d'obus de 155 mm à l'Ukraine.",
     'munitions_supplied', 1000000, 'European Union', 'Ukraine'),
    ("La Belgique a cédé 3 000 mines antichar à l'Ukraine.",
     'munitions_supplied', 3000, 'Belgium', 'Ukraine'),
    ("Les États-Unis ont envoyé 10 000 roquettes guidées GMLRS à l'Ukraine.",
     'munitions_supplied', 10000, 'United States', 'Ukraine'),
    ("L'Ukraine a commandé 18 canons automoteurs Bohdana.",
     'weapons_supplied', 18, None, 'Ukraine'),
    ("L'Ukraine a réceptionné 60 chars Leopard 1 venus d'Allemagne.",
     'weapons_supplied', 60, 'Germany', 'Ukraine'),
    ('La Russie a mobilisé 300 000 réservistes.',
     'troops_deployed', 300000, 'Russia', None),
    ("Selon l'état-major ukrainien, 1 200 soldats russes ont été tués en une journée.",
     'casualties_killed', 1200, 'Russia', None),
    ('Plus de 3 000 soldats ukrainiens ont été blessés, selon Kiev.',
     'casualties_wounded', 3000, 'Ukraine', None),
    ('Quelque 50 000 soldats russes sont morts au combat, selon la BBC.',
     'casualties_killed', 50000, 'Russia', None),
    ("L'armée russe aurait perdu 700 000 hommes, tués ou blessés.",
     'casualties_total', 700000, 'Russia', None),
]


@pytest.mark.parametrize("text, action, value, actor, recipient", AID_CASES)
def test_aid_and_arms_vocabulary(text, action, value, actor, recipient):
    c = one(text, action)
    assert (c.value if c.value is not None else c.value_low) == value
    assert (c.actor, c.recipient) == (actor, recipient)


def test_aid_vocabulary_has_enough_cases():
    assert len(AID_CASES) >= 15


@pytest.mark.parametrize("text, stance", [
    ("L'Iran livrerait 200 missiles balistiques à la Russie.", "alleged"),
    ("Téhéran a démenti catégoriquement avoir livré 2 000 drones Shahed à la Russie.", "denied"),
    ("Le Parlement néerlandais a approuvé la cession de 18 chars Leopard à l'Ukraine.", "planned"),
    ("La France cédera 6 Mirage 2000 à l'Ukraine dans les prochains mois.", "planned"),
    ("Les États-Unis ont livré 31 chars Abrams à l'Ukraine, a rappelé le porte-parole du Pentagone.", "confirmed"),
])
def test_aid_stance(text, stance):
    c = claims_of(text, published=PUB)[-1]
    assert c.stance == stance, (c.action, c.value, c.stance, c.attributed_to)


def test_training_is_no_supply():
    cs = claims_of("Les États-Unis ont formé 7 000 pilotes et équipages ukrainiens en Allemagne.", published=PUB)
    assert not [c for c in cs if c.action.endswith("_supplied")]
