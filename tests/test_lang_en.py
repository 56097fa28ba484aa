"""The English pack (data/lang/en/*.yaml): numbers, dates and periods, claims, attribution and stance.

Every sentence here is written for these tests, in the styles an English news reader meets: wire copy
with a dateline, broadsheet prose, tabloid and breaking-news headlines, live-blog entries, bullet
lists under a header, translated agency text and photo captions. They cover North Korea's help to
Russia as well as Iran's drones, Belarus and Western aid to Ukraine.
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
            for q in find_quantities(text, "en")]


# ---------------------------------------------------------------- numbers
NUMBERS = [
    # digits with thousands separators and decimal multipliers
    ("North Korea sent 10,000 troops.", [("10,000", 10000, "exact", "count")]),
    ("Pyongyang shipped 1,500,000 shells.", [("1,500,000", 1500000, "exact", "count")]),
    ("They fired 1.5 million rounds.", [("1.5 million", 1500000, "exact", "count")]),
    ("Seoul says 1.2m shells were shipped.", [("1.2m", 1200000, "exact", "count")]),
    ("10k troops are there.", [("10k", 10000, "exact", "count")]),
    ("Kyiv received 2.5bn dollars of aid and 300 tanks.", [("2.5bn dollars", 2.5e9, "exact", "money"),
                                                          ("300", 300, "exact", "count")]),
    # qualifiers before the number
    ("Some 12,000 soldiers arrived.", [("Some 12,000", 12000, "approx", "count")]),
    ("About 3,000 workers left.", [("About 3,000", 3000, "approx", "count")]),
    ("Around 600 were killed.", [("Around 600", 600, "approx", "count")]),
    ("Roughly 40 howitzers were delivered.", [("Roughly 40", 40, "approx", "count")]),
    ("Approximately 250 missiles were fired.", [("Approximately 250", 250, "approx", "count")]),
    ("An estimated 11,000 troops took part.", [("An estimated 11,000", 11000, "approx", "count")]),
    ("Nearly 5 million artillery shells were sent.", [("Nearly 5 million", 5e6, "approx", "count")]),
    ("Almost 1,000 deminers went.", [("Almost 1,000", 1000, "approx", "count")]),
    ("Close to 2,000 engineers arrived.", [("Close to 2,000", 2000, "approx", "count")]),
    ("More than 20,000 containers crossed the border.", [("More than 20,000", 20000, "more_than", "count")]),
    ("Over 100 ballistic missiles were shipped.", [("Over 100", 100, "more_than", "count")]),
    ("Well over 10,000 troops are there.", [("Well over 10,000", 10000, "more_than", "count")]),
    ("Upwards of 400 drones were bought.", [("Upwards of 400", 400, "more_than", "count")]),
    ("In excess of 9,000 shells went.", [("In excess of 9,000", 9000, "more_than", "count")]),
    ("At least 600 soldiers died.", [("At least 600", 600, "at_least", "count")]),
    ("No fewer than 50 launchers were seen.", [("No fewer than 50", 50, "at_least", "count")]),
    ("A minimum of 20 tanks will go.", [("A minimum of 20", 20, "at_least", "count")]),
    ("Up to 30,000 troops may follow.", [("Up to 30,000", 30000, "up_to", "count")]),
    ("As many as 12,000 soldiers were sent.", [("As many as 12,000", 12000, "up_to", "count")]),
    ("A maximum of 100 missiles was agreed.", [("A maximum of 100", 100, "up_to", "count")]),
    ("Fewer than 100 officers returned.", [("Fewer than 100", 100, "less_than", "count")]),
    ("Less than 1,000 engineers stayed.", [("Less than 1,000", 1000, "less_than", "count")]),
    ("Under 500 soldiers were wounded.", [("Under 500", 500, "less_than", "count")]),
    # qualifiers after the number
    ("12,000+ troops are in Russia.", [("12,000+", 12000, "more_than", "count")]),
    ("5,000-plus workers went.", [("5,000-plus", 5000, "more_than", "count")]),
    ("3,000 or more troops were sent.", [("3,000 or more", 3000, "at_least", "count")]),
    ("1,000 or so troops left.", [("1,000 or so", 1000, "approx", "count")]),
    # ranges
    ("Between 10,000 and 12,000 troops are in Kursk.", [("Between 10,000 and 12,000", 10000, "range", "count")]),
    ("From 25,000 to 30,000 troops could follow.", [("From 25,000 to 30,000", 25000, "range", "count")]),
    ("10,000-12,000 troops are deployed.", [("10,000-12,000", 10000, "range", "count")]),
    ("Some 3,000 to 5,000 workers may go.", [("Some 3,000 to 5,000", 3000, "range", "count")]),
    # vague amounts: value None, the floor in value_low
    ("Thousands of troops were sent.", [("Thousands", 1000, "vague", "count")]),
    ("Tens of thousands of labourers are expected.", [("Tens of thousands", 10000, "vague", "count")]),
    ("Hundreds of drones were launched.", [("Hundreds", 100, "vague", "count")]),
    ("Dozens of missiles hit Kyiv.", [("Dozens", 12, "vague", "count")]),
    ("Millions of shells were shipped.", [("Millions", 1e6, "vague", "count")]),
    ("Several thousand soldiers were sent.", [("Several thousand", 1000, "vague", "count")]),
    ("A few hundred officers arrived.", [("A few hundred", 100, "vague", "count")]),
    ("Scores of tanks were lost.", [("Scores of", 20, "vague", "count")]),
    ("Several hundred drones were delivered.", [("Several hundred", 100, "vague", "count")]),
    ("Hundreds of thousands of rounds were fired.", [("Hundreds of thousands", 100000, "vague", "count")]),
    ("A few dozen missiles were fired.", [("A few dozen", 12, "vague", "count")]),
    # number words
    ("Two hundred soldiers were killed.", [("Two hundred", 200, "exact", "count")]),
    ("Three thousand workers arrived.", [("Three thousand", 3000, "exact", "count")]),
    ("Twelve million shells were sent.", [("Twelve million", 12e6, "exact", "count")]),
    ("One hundred and twenty tanks were destroyed.", [("One hundred and twenty", 120, "exact", "count")]),
    ("Twenty-five missiles were fired.", [("Twenty-five", 25, "exact", "count")]),
    ("Ninety-nine tanks burned.", [("Ninety-nine", 99, "exact", "count")]),
    ("Nine soldiers were killed.", [("Nine", 9, "exact", "count")]),
    ("Eleven drones were shot down.", [("Eleven", 11, "exact", "count")]),
    ("A dozen generals went.", [("A dozen", 12, "exact", "count")]),
    ("Two dozen launchers were sold.", [("Two dozen", 24, "exact", "count")]),
    ("Half a million rounds were shipped.", [("Half a million", 500000, "exact", "count")]),
    ("A hundred troops left.", [("A hundred", 100, "exact", "count")]),
    ("A thousand drones were made.", [("A thousand", 1000, "exact", "count")]),
    ("Two and a half million shells went.", [("Two and a half million", 2.5e6, "exact", "count")]),
    ("Six thousand, five hundred workers arrived.", [("Six thousand, five hundred", 6500, "exact", "count")]),
    ("Some 1,800 were captured.", [("Some 1,800", 1800, "approx", "count")]),
    # years, dates, times, percentages, money and measures are no counts
    ("The 2024 report was published.", [("2024", 2024, "exact", "year")]),
    ("In 2023 they signed a treaty.", [("2023", 2023, "exact", "year")]),
    ("Since 2022 the war has raged.", [("2022", 2022, "exact", "year")]),
    ("By 2026 the plan will be complete.", [("2026", 2026, "exact", "year")]),
    ("The 1990s were different.", [("1990s", 1990, "exact", "year")]),
    ("She came on June 18, 2024.", [("June 18, 2024", None, "exact", "date")]),
    ("In the 2025-06-02 report nothing changed.", [("2025-06-02", None, "exact", "date")]),
    ("They met at 10:30 GMT.", [("10:30 GMT", None, "exact", "time")]),
    ("They met at 9 a.m.", [("9 a.m.", None, "exact", "time")]),
    ("Inflation rose 6%.", [("6%", 6, "exact", "percent")]),
    ("Support fell 12 per cent.", [("12 per cent", 12, "exact", "percent")]),
    ("Turnout was 40 percent.", [("40 percent", 40, "exact", "percent")]),
    ("The deal is worth $1 billion.", [("$1 billion", 1e9, "exact", "money")]),
    ("Seoul pledged €300 million.", [("€300 million", 3e8, "exact", "money")]),
    ("The fund has £2.5bn.", [("£2.5bn", 2.5e9, "exact", "money")]),
    ("It cost 500 million dollars.", [("500 million dollars", 5e8, "exact", "money")]),
    ("They paid 20 million roubles.", [("20 million roubles", 2e7, "exact", "money")]),
    ("The range is 300 km.", [("300 km", 300, "exact", "measure")]),
    ("It weighs 5 kg.", [("5 kg", 5, "exact", "measure")]),
    ("Its calibre is 152 mm.", [("152 mm", 152, "exact", "measure")]),
    ("The 155mm shells were sent.", [("155mm", 155, "exact", "measure")]),
    ("They marched 40 miles.", [("40 miles", 40, "exact", "measure")]),
    ("The war lasted 3 years.", [("3 years", 3, "exact", "measure")]),
    ("The talks took 2 hours.", [("2 hours", 2, "exact", "measure")]),
    # identifiers and ordinals
    ("Resolution 1718 was adopted.", [("1718", 1718, "exact", "ordinal")]),
    ("Article 4 applies.", [("4", 4, "exact", "ordinal")]),
    ("Flight 17 was downed.", [("17", 17, "exact", "ordinal")]),
    ("The 3rd battalion was hit.", [("3rd", 3, "exact", "ordinal")]),
    ("The 47th brigade fought.", [("47th", 47, "exact", "ordinal")]),
    ("He was the first to arrive.", [("first", 1, "exact", "ordinal")]),
    ("The fifth convoy left.", [("fifth", 5, "exact", "ordinal")]),
    # no amount at all
    ("One of them was killed.", []),
    ("One day they will return.", []),
    ("They hate one another.", []),
    ("It was a one-sided fight.", []),
    ("The F-16 arrived.", []),
    ("The KN-23 missile flew.", []),
    # model numbers written with the weapon's name
    ("Germany sent 18 Leopard 2 tanks.", [("18", 18, "exact", "count")]),
    ("London sent 14 Challenger 2 tanks.", [("14", 14, "exact", "count")]),
]


@pytest.mark.parametrize("text, expected", NUMBERS, ids=[t[:40] for t, _ in NUMBERS])
def test_numbers(text, expected):
    assert quantities(text) == [(a, b if b is None else float(b), c, d) for a, b, c, d in expected]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_num2words_round_trip(n):
    # num2words writes British English: "one thousand, two hundred and thirty-four"
    assert parse_number(num2words(n, lang="en"), "en") == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_spell_round_trip(n):
    assert parse_number(spell(n, "en"), "en") == n


# ---------------------------------------------------------------- dates and periods
def periods(text):
    return [(p.period_start, p.period_end) for p in find_periods(text, "en", REF)]


PERIODS = [
    ("North Korea sent 3,000 troops in 2024.", [("2024-01", "2024-12")]),
    ("Pyongyang has shipped shells throughout 2024.", [("2024-01", "2024-12")]),
    ("Troops have been arriving since February 2022.", [("2022-02", None)]),
    ("Between January and March 2025 some 3,000 more arrived.", [("2025-01", "2025-03")]),
    ("It sent 3,000 more during January and February.", [("2025-01", "2025-02")]),
    ("Deliveries ran from March to May.", [("2025-03", "2025-05")]),
    ("About 1,000 had died as of April.", [(None, "2025-04")]),
    ("The toll rose by the end of March.", [(None, "2025-03")]),
    ("Up to 30,000 could arrive this year.", [("2025-01", "2025-12")]),
    ("Some 11,000 went last year.", [("2024-01", "2024-12")]),
    ("More will come next month.", [("2025-07", "2025-07")]),
    ("Shipments doubled in the past three months.", [("2025-03", "2025-06")]),
    ("They arrived in late 2024.", [("2024-01", "2024-12")]),
    ("Since early 2023 the trains have run.", [("2023-01", None)]),
    ("The stockpile will last until the end of 2025.", [(None, "2025-12")]),
]


@pytest.mark.parametrize("text, expected", PERIODS, ids=[t[:40] for t, _ in PERIODS])
def test_periods(text, expected):
    assert periods(text) == expected


def test_dates_in_wire_copy_and_blogs():
    got = [(d.text, d.value) for d in find_dates(
        "Updated 14:05 GMT, Monday June 9, 2025. The talks were held on 2 June 2025; "
        "Kim visited Vostochny on the 13th of September 2023.", "en", REF)]
    assert ("2 June 2025", "2025-06-02") in got
    assert ("13th of September 2023", "2023-09-13") in got
    assert any(v == "2025-06-09" for _, v in got)
    rel = {d.text: d.value for d in find_dates("Officials met yesterday and will meet again next week.", "en", REF)}
    assert rel["yesterday"] == "2025-06-09"


# ---------------------------------------------------------------- claims
def one(text: str, action: str | None = None, **kw):
    return one_claim(text, action, published=PUB, lang="en", **kw)


CLAIMS = [
    # (text, action, value, qualifier, actor, recipient)
    ("SEOUL (Reuters) - North Korea has sent about 3,000 more troops to Russia, South Korea's military said.",
     "troops_deployed", 3000, "approx", "North Korea", "Russia"),
    ("Iran has supplied Russia with more than 2,000 Shahed drones since 2022, officials said.",
     "weapons_supplied", 2000, "more_than", "Iran", "Russia"),
    ("Germany will deliver 18 Leopard 2 tanks to Ukraine by the end of March.",
     "weapons_supplied", 18, "exact", "Germany", "Ukraine"),
    ("Washington pledged 31 Abrams tanks to Kyiv.", "weapons_supplied", 31, "exact", "United States", "Ukraine"),
    ("Belarus has handed over about 60 T-72 tanks to Russia, according to Ukrainian intelligence.",
     "weapons_supplied", 60, "approx", "Belarus", "Russia"),
    ("The EU plans to provide one million rounds of artillery ammunition to Ukraine within 12 months.",
     "munitions_supplied", 1_000_000, "exact", "European Union", "Ukraine"),
    ("Pyongyang has shipped more than 74,000 tonnes of explosives to Moscow.",
     "munitions_supplied", 74000, "more_than", "North Korea", "Russia"),
    ("Seoul has tracked at least 10,000 freight containers heading to Russia from North Korea.",
     "munitions_supplied", 10000, "at_least", "North Korea", "Russia"),
    ("Pyongyang has sent over 20,000 containers filled with weapons to Russia.",
     "munitions_supplied", 20000, "more_than", "North Korea", "Russia"),
    ("North Korea delivered to Russia millions of weapons and ammunition.",
     "munitions_supplied", 1_000_000, "vague", "North Korea", "Russia"),
    ("Tehran allegedly shipped hundreds of ballistic missiles to Moscow.",
     "missiles_supplied", 100, "vague", "Iran", "Russia"),
    ("Russia has received 200 Fath-360 missiles from Iran.", "missiles_supplied", 200, "exact", "Iran", "Russia"),
    ("Russia received 3,000 Iranian-made drones last year.", "weapons_supplied", 3000, "exact", "Iran", "Russia"),
    ("Kyiv got 20 US-made HIMARS.", "weapons_supplied", 20, "exact", "United States", "Ukraine"),
    ("North Korea will dispatch 6,000 military builders to Kursk.", "workers_sent", 6000, "exact", "North Korea",
     "Russia"),
    ("Pyongyang will send 1,000 deminers to the Kursk region.", "workers_sent", 1000, "exact", "North Korea", "Russia"),
    ("Tens of thousands of North Korean labourers are expected to arrive in Russia this year.",
     "workers_sent", 10000, "vague", "North Korea", "Russia"),
    ("More than a thousand North Korean workers arrived in Vladivostok in April.",
     "workers_sent", 1000, "more_than", "North Korea", "Russia"),
    ("Some two dozen North Korean generals are in Russia, a source said.",
     "troops_deployed", 24, "approx", "North Korea", "Russia"),
    ("Minsk sent 1,500 Belarusian troops to Russia.", "troops_deployed", 1500, "exact", "Belarus", "Russia"),
    # casualties
    ("At least 600 North Korean soldiers have been killed in the Kursk region, the lawmaker said.",
     "casualties_killed", 600, "at_least", "North Korea", None),
    ("Ukraine's military said 1,200 Russian soldiers were killed in the past 24 hours.",
     "casualties_killed", 1200, "exact", "Russia", None),
    ("Some 1,200 Belarusian soldiers sent to help Russia are believed killed, a lawmaker said.",
     "casualties_killed", 1200, "approx", "Belarus", None),
    ("Russia lost roughly 400,000 troops in 2024, according to British estimates.",
     "casualties_total", 400000, "approx", "Russia", None),
    ("Western officials say roughly 4,000 of these North Korean troops were killed or wounded.",
     "casualties_total", 4000, "approx", "North Korea", None),
    ("Ukraine says it has killed or wounded more than 30 North Korean soldiers in the Kursk region.",
     "casualties_total", 30, "more_than", "North Korea", None),
    ("Around 500 North Korean officers were reportedly killed in a missile strike.",
     "casualties_killed", 500, "approx", "North Korea", None),
]


@pytest.mark.parametrize("text, action, value, qualifier, actor, recipient", CLAIMS, ids=[c[0][:40] for c in CLAIMS])
def test_claims(text, action, value, qualifier, actor, recipient):
    c = one(text, action)
    assert (c.value if c.value is not None else c.value_low) == value
    assert (c.qualifier, c.actor, c.recipient) == (qualifier, actor, recipient)
    assert c.quote and c.quote in text


def test_killed_and_wounded_in_one_sentence():
    cs = claims_of("South Korea's spy agency estimates that some 600 North Korean soldiers have died and "
                   "thousands have been wounded.", published=PUB, lang="en")
    assert [(c.action, c.value, c.value_low) for c in cs] == [("casualties_killed", 600, None),
                                                             ("casualties_wounded", None, 1000)]
    assert all(c.actor == "North Korea" for c in cs)


def test_casualties_noun_and_elided_number():
    cs = claims_of("Of an estimated 11,000 troops dispatched by North Korea, 4,000 had become battle casualties. "
                   "Of those 4,000, about 1,000 were believed to have died by mid-January.", published=PUB, lang="en")
    acts = [(c.action, c.value) for c in cs]
    assert ("troops_deployed", 11000) in acts
    assert ("casualties_total", 4000) in acts
    assert ("casualties_killed", 1000) in acts


def test_bullet_list_under_a_header():
    text = ("North Korea's help to Moscow keeps growing, officials in Seoul say.\n\n"
            "According to the report, North Korea has supplied Russia with:\n"
            "- 9 million rounds of artillery ammunition\n"
            "- 100 ballistic missiles\n"
            "- 250 pieces of heavy artillery\n")
    cs = claims_of(text, published=PUB, lang="en")
    assert [(c.action, c.value) for c in cs] == [("munitions_supplied", 9e6), ("missiles_supplied", 100),
                                                 ("weapons_supplied", 250)]
    assert all(c.actor == "North Korea" and c.recipient == "Russia" and c.stance == "reported" for c in cs)


def test_package_of_western_aid():
    cs = claims_of("The aid package includes 20 HIMARS launchers and 100 Bradley fighting vehicles for Ukraine.",
                   published=PUB, lang="en")
    assert [(c.action, c.value) for c in cs] == [("weapons_supplied", 20), ("weapons_supplied", 100)]


def test_calibre_between_number_and_noun():
    cs = claims_of("Pyongyang has handed over 5,000 155 mm shells and 120 pieces of 240 mm rocket launchers to Moscow.",
                   published=PUB, lang="en")
    assert [(c.action, c.value) for c in cs] == [("munitions_supplied", 5000), ("weapons_supplied", 120)]


@pytest.mark.parametrize("text", [
    "Two North Korean soldiers were taken prisoner in Kursk.",  # captured: other
    "At least 3,000 Iranian-made Shahed drones have been launched at Ukraine.",  # fired: other
    "The 2024 report lists 47 pages of annexes.",
    "Inflation in Russia reached 9 percent last year.",
    "The talks lasted three hours in Pyongyang.",
])
def test_no_counted_claim(text):
    assert claims_of(text, published=PUB, lang="en") == []


# ---------------------------------------------------------------- attribution and stance
STANCES = [
    # (text, action, attributed_to contains, stance)
    ("North Korea has dispatched some 15,000 troops to Russia.", "troops_deployed", [], "asserted"),
    ("North Korea has dispatched 15,000 troops to Russia, the Pentagon said.", "troops_deployed", ["Pentagon"],
     "reported"),
    ("According to Yonhap, Pyongyang sent 1,000 more soldiers to Kursk.", "troops_deployed", ["Yonhap"], "reported"),
    ("'We have seen at least 10,000 North Korean troops arrive in eastern Russia,' the Pentagon spokesman said.",
     "troops_deployed", ["Pentagon"], "reported"),
    ("The death toll among North Korean troops has risen to about 300, Seoul's spy agency told lawmakers.",
     "casualties_killed", ["National Intelligence Service"], "reported"),
    ("Seoul claims North Korea has sent 3,000 more troops to Russia this year.", "troops_deployed", ["South Korea"],
     "alleged"),
    ("North Korea seems to have sent at least 3,000 further troops to Russia.", "troops_deployed", [], "alleged"),
    ("Pyongyang reportedly shipped 5,000 155mm shells to Moscow.", "munitions_supplied", [], "alleged"),
    ("Tehran is believed to have sold 400 missiles to Moscow.", "missiles_supplied", [], "alleged"),
    ("North Korea could send as many as 100,000 soldiers, a think tank warned.", "troops_deployed", [], "planned"),
    ("North Korea to dispatch up to 30,000 troops to shore up Russian forces", "troops_deployed", [], "planned"),
    ("North Korea is poised to send another 25,000 troops to help Moscow.", "troops_deployed", [], "planned"),
    ("Berlin has pledged to deliver 40 Marder fighting vehicles to Kyiv.", "weapons_supplied", [], "planned"),
    ("Kim Jong Un has promised to dispatch 6,000 military engineers to Kursk.", "workers_sent", [], "planned"),
    ("Pyongyang has for the first time confirmed sending thousands of troops to Russia.",
     "troops_deployed", [], "confirmed"),
    ("Moscow denied reports that 10,000 North Korean soldiers had arrived in Russia.", "troops_deployed",
     ["Russia"], "denied"),
    ("RIA Novosti quoted Sergei Shoigu as saying North Korea will send 1,000 deminers to Kursk.", "workers_sent",
     ["Sergei Shoigu"], "planned"),
    ("Russian media reported that North Korea will dispatch thousands of deminers to Kursk.", "workers_sent",
     ["Russian media"], "planned"),
    ("By western estimates, North Korea has dispatched some 15,000 troops to Russia.", "troops_deployed", [],
     "reported"),
]


@pytest.mark.parametrize("text, action, sources, stance", STANCES, ids=[s[0][:40] for s in STANCES])
def test_attribution_and_stance(text, action, sources, stance):
    c = one(text, action)
    assert c.stance == stance
    for s in sources:
        assert s in c.attributed_to
    if not sources:
        assert c.attributed_to == [] or stance in ("reported", "planned", "alleged")


def test_report_named_earlier_is_pointed_back_to():
    text = ("The Multilateral Sanctions Monitoring Team published its second report on Thursday. "
            "The report said North Korea had shipped 9 million artillery shells to Russia.")
    c = one(text, "munitions_supplied")
    assert c.attributed_to and c.attributed_to[0] == "Multilateral Sanctions Monitoring Team"
    assert c.stance == "reported"


def test_passive_verbs_of_saying_name_no_source():
    c = one("Russia is estimated to have lost 1,500 soldiers a day in May.", "casualties_total")
    assert c.actor == "Russia" and c.attributed_to == []


# ---------------------------------------------------------------- page furniture
def test_english_page_furniture_is_removed():
    text = ("North Korea sends more troops to Russia\n\n"
            "By Jane Doe, Seoul correspondent\n\n"
            "North Korea has sent about 3,000 more troops to Russia, South Korea's military said on Monday, "
            "adding to the 11,000 it deployed last year.\n\n"
            "Read more: Kim and Putin sign defence pact\n\n"
            "Story continues below advertisement\n\n"
            "The new troops arrived in January and February, the military said.\n\n"
            "Share this article\n\n"
            "© 2025 Example News. All rights reserved.")
    article, claims, _, _ = read(text, published=PUB)
    assert article.language == "en"
    assert "Read more" not in article.body and "advertisement" not in article.body
    assert "All rights reserved" not in article.body and "Share this" not in article.body
    assert any(c.action == "troops_deployed" and c.value == 3000 for c in claims)


# ---------------------------------------------------------------- aid and arms vocabulary
AID_AND_ARMS = [
    # (text, action, value, actor, recipient): wire copy, tabloid headlines, live blogs, briefings
    ("Germany will contribute 14 Leopard 2A6 tanks to Ukraine, the defence ministry in Berlin said.",
     "weapons_supplied", 14, "Germany", "Ukraine"),
    ("BREAKING: Netherlands to donate 18 self-propelled howitzers to Kyiv", "weapons_supplied", 18, "Netherlands",
     "Ukraine"),
    ("Britain has handed over 14 Challenger 2 main battle tanks to Ukraine, the MoD confirmed.",
     "weapons_supplied", 14, "United Kingdom", "Ukraine"),
    ("Denmark will donate all 19 of its Caesar artillery guns to Ukraine.", "weapons_supplied", 19, "Denmark",
     "Ukraine"),
    ("Kyiv has ordered 40 self-propelled guns from Slovakia.", "weapons_supplied", 40, "Slovakia", "Ukraine"),
    ("Norway and the US will provide two NASAMS batteries to Kyiv.", "weapons_supplied", 2, "United States",
     "Ukraine"),
    ("Belgium pledged 30 F-16 jets to Ukraine by 2028.", "weapons_supplied", 30, "Belgium", "Ukraine"),
    ("Sweden may supply up to 14 Gripen fighters to Ukraine.", "weapons_supplied", 14, "Sweden", "Ukraine"),
    ("Russia bought 2,400 Shahed kamikaze drones from Iran, US intelligence believes.", "weapons_supplied", 2400,
     "Iran", "Russia"),
    ("Britain is to gift another 100 Storm Shadow cruise missiles to Ukraine.", "missiles_supplied", 100,
     "United Kingdom", "Ukraine"),
    ("Poland will lease 12 Patriot launchers to Ukraine.", "weapons_supplied", 12, "Poland", "Ukraine"),
    ("Canada donated 39 armoured personnel carriers and 2 million rounds of small-arms ammunition to Ukraine.",
     "munitions_supplied", 2_000_000, "Canada", "Ukraine"),
    ("Estonia pledged 10,000 rounds of 155mm artillery shells to Kyiv.", "munitions_supplied", 10000, "Estonia",
     "Ukraine"),
    ("Italy will provide a SAMP/T battery and 30 Aster missiles to Ukraine.", "missiles_supplied", 30, "Italy",
     "Ukraine"),
    ("Germany is supplying Ukraine with 10 additional Patriot interceptors.", "missiles_supplied", 10, "Germany",
     "Ukraine"),
    ("Ukraine received 18 Caesar guns from France, its defence ministry confirmed.", "weapons_supplied", 18,
     "France", "Ukraine"),
    ("LIVE: Russia has acquired hundreds of Fath-360 close-range ballistic missiles from Iran, Western officials said.",
     "missiles_supplied", 100, "Iran", "Russia"),
    ("The UK said 150 Ukrainian pilots are being trained in Britain.", "troops_deployed", 150, "Ukraine",
     "United Kingdom"),
    ("Ukraine's military claimed Russia lost 1,330 soldiers killed and wounded over the past day.",
     "casualties_total", 1330, "Russia", None),
    ("Around 300 Russian troops were killed, wounded or captured in the assault, Kyiv said.",
     "casualties_total", 300, "Russia", None),
]


@pytest.mark.parametrize("text, action, value, actor, recipient", AID_AND_ARMS, ids=[c[0][:40] for c in AID_AND_ARMS])
def test_aid_and_arms_vocabulary(text, action, value, actor, recipient):
    c = one(text, action)
    assert (c.value if c.value is not None else c.value_low) == value
    assert (c.actor, c.recipient) == (actor, recipient)
