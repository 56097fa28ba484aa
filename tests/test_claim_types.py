"""The claim-type schema (data/claim_types.yaml) and the mechanisms it and the language data drive:
validation of the schema and of language files against it, measures counted as claims, calibres
between a count and its noun, transfer verbs that only qualify the noun."""
from __future__ import annotations

import copy

import pytest
import yaml

from facts_helper import claims_of
from saksi.claimtypes import SchemaError, claim_types, parse_schema, schema_path


def _schema_data():
    return yaml.safe_load(schema_path().read_text(encoding="utf-8"))


def test_every_action_and_class_is_declared_once():
    s = claim_types()
    assert set(s.actions) == {"troops_deployed", "workers_sent", "munitions_supplied", "missiles_supplied",
                              "weapons_supplied", "casualties_killed", "casualties_wounded", "casualties_total"}
    assert s.fallback == "other"
    assert s.casualty_actions == {"casualties_killed", "casualties_wounded", "casualties_total"}
    assert "tonnes" in s.actions["munitions_supplied"].units


@pytest.mark.parametrize("cls, verb, recipient, unit, action", [
    ("personnel", "send", False, None, "troops_deployed"),
    ("personnel", None, True, None, "troops_deployed"),
    ("personnel", None, False, None, "other"),
    ("workers", "receive", False, None, "workers_sent"),
    ("munitions", "send", False, "tonnes", "munitions_supplied"),
    ("personnel", "send", False, "tonnes", "other"),
    ("people", "killed", False, None, "casualties_killed"),
    ("people", "send", False, None, None),          # people sent: no claim
    ("people", None, True, None, None),
    ("weapons", "killed", False, None, "other"),    # a casualty verb on things
    ("missiles", "other", False, None, "other"),    # fired, launched
    ("nonsense", "send", False, None, None),
])
def test_action_for(cls, verb, recipient, unit, action):
    assert claim_types().action_for(cls, verb, recipient, unit) == action


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["actions"]["troops_deployed"].update(objetcs=["personnel"]), "unknown key 'objetcs'"),
    (lambda d: d["actions"]["troops_deployed"].update(objects=["soldiers"]), "unknown name 'soldiers'"),
    (lambda d: d["actions"]["troops_deployed"].update(verbs=["sent"]), "unknown name 'sent'"),
    (lambda d: d["object_classes"]["personnel"].update(unit="heads"), "unknown unit 'heads'"),
    (lambda d: d["actions"]["weapons_supplied"].update(denial_covers=["arms"]), "unknown name 'arms'"),
    (lambda d: d.pop("fallback"), "missing key 'fallback'"),
])
def test_a_misspelt_schema_is_an_error_naming_the_key(edit, message):
    d = copy.deepcopy(_schema_data())
    edit(d)
    with pytest.raises(SchemaError, match=message):
        parse_schema(d, "claim_types.yaml")


def test_a_new_claim_type_is_a_data_change():
    """A claim type added to the schema (prisoners taken) is read with no change to code."""
    d = copy.deepcopy(_schema_data())
    d["object_classes"]["captives"] = {"unit": "persons", "human": True, "claim_alone": False}
    d["verb_classes"].append("capture")
    d["actions"]["prisoners_taken"] = {"objects": ["captives"], "verbs": ["capture"], "roles": ["actor"]}
    s = parse_schema(d)
    assert s.action_for("captives", "capture", False) == "prisoners_taken"
    assert s.action_for("captives", "send", False) is None


def test_a_language_file_with_an_unknown_class_is_an_error(monkeypatch):
    from saksi import lang as langdata
    from saksi.extract import cues as cuesmod

    real = langdata.load

    def load(code, topic):
        data = copy.deepcopy(real("en", topic))
        if code == "xq-badclass" and topic == "claims":
            data["objects"]["soldierz"] = {"grunts": "soldiers"}
        return data if code == "xq-badclass" else real(code, topic)

    monkeypatch.setattr(langdata, "load", load)
    with pytest.raises(SchemaError, match="xq-badclass/claims.yaml: objects: unknown class 'soldierz'"):
        cuesmod.cues("xq-badclass")


# ---------------------------------------------------------------- mechanisms the schema and data drive
@pytest.mark.parametrize("text, lang, action, value, unit", [
    ("Pyongyang has shipped more than 74,000 tonnes of explosives to Moscow since August.", "en",
     "munitions_supplied", 74000, "tonnes"),
    ("Korea Utara telah mengirim 74.000 ton bahan peledak ke Rusia.", "id", "munitions_supplied", 74000, "tonnes"),
    ("Iran delivered 300 Shahed drones to Russia.", "en", "weapons_supplied", 300, "items"),
])
def test_claims_store_class_and_unit(text, lang, action, value, unit):
    cs = [c for c in claims_of(text, lang=lang) if c.action == action]
    assert [(c.value, c.unit) for c in cs] == [(value, unit)]
    assert cs[0].object_class == claim_types().actions[action].objects[0]


def test_a_weight_of_soldiers_is_no_claim():
    assert claims_of("The convoy carried 40 tonnes of soldiers' kit to the front.", lang="en") == []


@pytest.mark.parametrize("text, lang, expected", [
    ("Pyongyang has handed over 5,000 155 mm shells and 120 pieces of 240 mm rocket launchers to Russia.", "en",
     [("munitions_supplied", 5000, "exact"), ("weapons_supplied", 120, "exact")]),
    ("Korea Utara memasok 5.000 unit 152 mm howitzer ke Rusia.", "id", [("weapons_supplied", 5000, "exact")]),
])
def test_a_calibre_between_count_and_noun(text, lang, expected):
    assert [(c.action, c.value, c.qualifier) for c in claims_of(text, lang=lang)] == expected


def test_a_transfer_verb_after_the_noun_only_qualifies_it():
    cs = claims_of("Some 1,200 Belarusian soldiers sent to help Russia are believed killed, a lawmaker said.", lang="en")
    assert [(c.action, c.value, c.actor) for c in cs] == [("casualties_killed", 1200, "Belarus")]


def test_a_headline_is_read_for_claims_once():
    text = ("Iran to ship up to 200 attack drones to Russia, Kyiv says\n\n"
            "Ukraine's intelligence service said on Monday that Tehran was preparing a new delivery.")
    cs = claims_of(text, lang="en")
    assert [(c.action, c.value, c.qualifier, c.actor, c.recipient) for c in cs] == [
        ("weapons_supplied", 200, "up_to", "Iran", "Russia")]


@pytest.mark.parametrize("text, expected", [
    # a headline listing counts before a colon, the verb after it
    ("3.000 soldats, 50 missiles : ce que la Biélorussie aurait livré à la Russie",
     [("troops_deployed", 3000, "Belarus", "Russia"), ("missiles_supplied", 50, "Belarus", "Russia")]),
    ("Iran has shipped drones and shells to Russia since 2022. That includes 400 drones and 300,000 shells.",
     [("weapons_supplied", 400, "Iran", "Russia"), ("munitions_supplied", 300000, "Iran", "Russia")]),
    ("Berlin hat seit 2022 Waffen an die Ukraine geliefert. Darunter 18 Leopard-Panzer und 5000 Granaten.",
     [("weapons_supplied", 18, "Germany", "Ukraine"), ("munitions_supplied", 5000, "Germany", "Ukraine")]),
])
def test_a_count_borrows_the_transfer_verb_it_lists(text, expected):
    got = [(c.action, c.value, c.actor, c.recipient) for c in claims_of(text, published="2025-05-01")]
    assert got == expected


def test_an_inclusion_after_its_own_verb_borrows_nothing():
    cs = claims_of("Russia lost 300 tanks in 2024, including 100 modern ones.", lang="en")
    assert all(c.action != "weapons_supplied" for c in cs)


@pytest.mark.parametrize("text, expected", [
    ("Korea Utara mengirim tentara sebanyak 10.000 orang ke Rusia.", ("troops_deployed", 10000, "North Korea")),
    ("Tentera Korea Utara seramai 12,000 orang dihantar ke Rusia.", ("troops_deployed", 12000, "North Korea")),
    ("Seúl estima 4.700 bajas norcoreanas en Kursk.", ("casualties_total", 4700, "North Korea")),
    ("NIS mencatat 600 korban jiwa dari pihak Korut.", ("casualties_killed", 600, "North Korea")),
])
def test_the_object_and_its_implied_verb_survive_fillers_and_owners(text, expected):
    cs = claims_of(text)
    assert [(c.action, c.value, c.actor) for c in cs] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Der Iran hat Russland 300 Drohnen geliefert.", ("weapons_supplied", 300, "Iran", "Russia")),
    ("Iran sold Russia 400 drones last year.", ("weapons_supplied", 400, "Iran", "Russia")),
    ("Im Juni schickte Nordkorea 5.000 Soldaten nach Russland.", ("troops_deployed", 5000, "North Korea", "Russia")),
    ("Em 2024, enviou a Coreia do Norte 11.000 soldados para a Rússia.",
     ("troops_deployed", 11000, "North Korea", "Russia")),
])
def test_word_order_gives_the_roles(text, expected):
    assert [(c.action, c.value, c.actor, c.recipient) for c in claims_of(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Some 4,000 North Korean troops were killed, wounded or captured.", [("casualties_total", 4000, "asserted")]),
    ("Sebanyak 4.000 tentara Korut tewas, terluka, atau ditawan.", [("casualties_total", 4000, "asserted")]),
    ("Shoigu declarou que serão destacados 5.000 construtores norte-coreanos para Kursk, além de 1.000 engenheiros "
     "de combate.", [("workers_sent", 5000, "planned"), ("workers_sent", 1000, "planned")]),
    ("Ukraine has received nearly 100 Patriot missiles from Germany since January, Berlin confirmed.",
     [("missiles_supplied", 100, "confirmed")]),
])
def test_lists_of_fates_shared_plans_and_closing_confirmations(text, expected):
    assert [(c.action, c.value, c.stance) for c in claims_of(text, published="2025-05-05")] == expected


def test_a_count_that_makes_no_claim_keeps_the_subject_for_the_next():
    cs = claims_of("Korea Utara telah menghantar 49 kapal kargo dan 16,000 kontena peluru ke pelabuhan Rusia.")
    assert [(c.action, c.value, c.actor, c.recipient) for c in cs] == [("munitions_supplied", 16000, "North Korea", "Russia")]


def test_an_army_receives_for_its_state():
    c = claims_of("La Biélorussie aurait cédé 50 chars T-72 à l'armée russe.")[0]
    assert (c.actor, c.recipient, c.stance) == ("Belarus", "Russia", "alleged")


def test_a_headline_repeated_in_quotes_is_read_once():
    cs = claims_of("Iran ships 300 drones to Russia\n\n‘Iran ships 300 drones to Russia’\n\n"
                   "Tehran has sent the drones by sea, officials said.")
    assert [(c.action, c.value) for c in cs] == [("weapons_supplied", 300)]


@pytest.mark.parametrize("text, expected", [
    ("Em abril, o número de mortos foi estimado em pelo menos 600.", ("casualties_killed", 600, "at_least")),
    ("By April the death toll among North Korean troops stood at 600.", ("casualties_killed", 600, "exact")),
    ("Die Zahl der Verwundeten stieg nach Angaben Kiews auf 2.000.", ("casualties_wounded", 2000, "exact")),
])
def test_a_toll_noun_before_the_number(text, expected):
    assert [(c.action, c.value, c.qualifier) for c in claims_of(text, published="2025-06-01")] == [expected]


def test_the_owner_at_the_noun_beats_a_farther_origin():
    c = claims_of("Unos 1.500 soldados norcoreanos llegaron a Vladivostok a bordo de buques rusos.")[0]
    assert (c.actor, c.recipient) == ("North Korea", "Russia")


@pytest.mark.parametrize("text, expected", [
    ("Deutschland liefert der Ukraine 18 Leopard 2A6.", ("weapons_supplied", 18, "Germany", "Ukraine")),
    ("Iran has delivered a second batch of some 100 Fath-360s to Russia.", ("missiles_supplied", 100, "Iran", "Russia")),
    ("La France a livré 18 Caesar à l'Ukraine.", ("weapons_supplied", 18, "France", "Ukraine")),
])
def test_a_weapon_model_is_its_own_noun(text, expected):
    assert [(c.action, c.value, c.actor, c.recipient) for c in claims_of(text)] == [expected]


def test_weapon_models_must_use_the_schemas_classes(monkeypatch, tmp_path):
    from saksi.extract import cues as cuesmod

    assert set(cuesmod.weapon_models()[1].values()) and all(
        cls in claim_types().object_classes for cls, _ in cuesmod.weapon_models()[1].values())


@pytest.mark.parametrize("text, stance", [
    ("Zelensky said 31,000 Ukrainian soldiers had been killed since 2022.", "confirmed"),
    ("Pistorius said Germany delivered 18 Leopard tanks to Ukraine.", "confirmed"),
    ("South Korea's intelligence service said North Korea sent 10,000 troops to Russia.", "reported"),
])
def test_the_actors_own_government_confirms(text, stance):
    assert claims_of(text)[0].stance == stance


def test_unknown_adjectives_between_number_and_noun():
    cs = claims_of("Iran sent 300 cheap Shahed drones to Russia.")
    assert [(c.action, c.value, c.actor, c.recipient) for c in cs] == [("weapons_supplied", 300, "Iran", "Russia")]


def test_a_total_counts_what_the_claim_before_counted():
    cs = claims_of("Ukraine said 1,200 Russian soldiers were killed on Tuesday, bringing the total since "
                   "February 24, 2022 to about 124,000.")
    assert [(c.action, c.value, c.actor) for c in cs] == [("casualties_killed", 1200, "Russia"),
                                                          ("casualties_killed", 124000, "Russia")]


@pytest.mark.parametrize("text", [
    "Corea del Norte ha mandado 13.000 tropas para combatir a las fuerzas ucranianas.",
    "Korea Utara mengirim 12.000 tentara untuk melawan Ukraina.",
])
def test_the_enemy_is_no_receiver(text):
    assert all(c.recipient != "Ukraine" for c in claims_of(text))


def test_a_verb_at_the_end_of_a_german_clause():
    c = claims_of("Bis zu 1 Million Artilleriegranaten wollen die EU-Staaten binnen zwölf Monaten an die Ukraine liefern.")[0]
    assert (c.action, c.value, c.qualifier, c.recipient) == ("munitions_supplied", 1_000_000, "up_to", "Ukraine")


def test_a_quoted_amount_keeps_its_noun():
    c = claims_of('Portugal terá enviado também "dezenas de milhares" de munições à Ucrânia.')[0]
    assert (c.action, c.value_low, c.qualifier) == ("munitions_supplied", 10000, "vague")


@pytest.mark.parametrize("text, stance", [
    ("España enviará otros cuatro carros Leopard a Ucrania.", "planned"),
    ("La France livrera 12 canons Caesar à l'Ukraine.", "planned"),
    ("Portugal enviará 3 tanques Leopard para a Ucrânia.", "planned"),
    ("España envió 10 tanques a Ucrania.", "asserted"),
])
def test_a_future_tense_is_a_plan(text, stance):
    assert claims_of(text)[0].stance == stance


def test_the_articles_one_receiver_and_one_sender_fill_the_gaps():
    text = ("Germany has sent 18 Leopard tanks to Ukraine, Berlin said.\n\n"
            "Poland will contribute 14 Leopard 2A4 tanks, its defence minister said.")
    cs = claims_of(text)
    assert [(c.actor, c.recipient) for c in cs] == [("Germany", "Ukraine"), ("Poland", "Ukraine")]


def test_casualties_with_no_owner_in_a_one_sided_story():
    cs = claims_of("About 600 North Korean soldiers have been killed in Kursk. Some 2,000 more were wounded.")
    assert [(c.action, c.actor) for c in cs] == [("casualties_killed", "North Korea"), ("casualties_wounded", "North Korea")]
