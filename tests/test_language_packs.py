"""The seven language packs are complete, valid data, and language ID tells them apart (Indonesian
from Malay too), labelling a language without a pack by its real code."""
from __future__ import annotations

import pytest

from saksi import lang as langdata
from saksi.text.langid import detect

PACKS = ("de", "en", "es", "fr", "id", "ms", "pt")
TOPICS = ("attribution", "claims", "cleaning", "dates", "events", "langid", "numbers", "sentences")


def test_every_pack_is_shipped():
    assert set(PACKS) <= set(langdata.available_languages())


@pytest.mark.parametrize("code", PACKS)
def test_each_pack_has_every_topic_and_validates(code):
    for topic in TOPICS:
        assert langdata.load(code, topic), (code, topic)
    assert langdata.check_pack(code) == []


def test_a_misspelt_key_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "xq").mkdir()
    (tmp_path / "xq" / "claims.yaml").write_text("objetcs: {}\n", encoding="utf-8")
    (tmp_path / "xq" / "dates.yaml").write_text("- not a mapping\n", encoding="utf-8")
    monkeypatch.setattr(langdata, "_lang_root", lambda: tmp_path)
    problems = langdata.check_pack("xq")
    assert problems == ["data/lang/xq/claims.yaml: unknown key 'objetcs'; did you mean 'objects'?",
                        "data/lang/xq/dates.yaml: expected a mapping of keys, got list"]


@pytest.mark.parametrize("text, code", [
    ("Kerajaan Malaysia menyatakan bahawa tentera negara itu tidak akan menghantar askar ke luar negara kerana "
     "dasar berkecuali yang telah lama diamalkan, kata menteri pertahanan dalam satu kenyataan semalam.", "ms"),
    ("Pemerintah Indonesia menyatakan bahwa tentara negara itu tidak akan mengirim pasukan ke luar negeri karena "
     "kebijakan bebas aktif yang sudah lama dijalankan, kata menteri pertahanan dalam keterangan kemarin.", "id"),
    ("Die Bundesregierung hat am Montag angekündigt, weitere Flugabwehrsysteme an die Ukraine zu liefern, "
     "wie ein Sprecher des Verteidigungsministeriums in Berlin mitteilte.", "de"),
    ("Le gouvernement a annoncé lundi l'envoi de nouveaux systèmes de défense aérienne à l'Ukraine, a indiqué "
     "un porte-parole du ministère des Armées à Paris.", "fr"),
    ("El Gobierno anunció el lunes el envío de nuevos sistemas de defensa antiaérea a Ucrania, según informó "
     "un portavoz del Ministerio de Defensa en Madrid.", "es"),
    ("O governo anunciou na segunda-feira o envio de novos sistemas de defesa antiaérea para a Ucrânia, "
     "informou um porta-voz do Ministério da Defesa em Lisboa.", "pt"),
    ("Il governo ha annunciato lunedì l'invio di nuovi sistemi di difesa aerea all'Ucraina, ha riferito un "
     "portavoce del ministero della Difesa a Roma in una nota diffusa nel pomeriggio.", "it"),
])
def test_language_of_an_article(text, code):
    assert detect(text, PACKS) == code


def test_a_short_indonesian_line_is_not_malay():
    assert detect("Sebanyak 250 howitzer buatan Korea Utara dikirim ke Rusia.", PACKS) == "id"


def test_an_article_without_a_pack_gets_no_claims():
    from facts_helper import read

    text = ("Secondo l'intelligence sudcoreana, la Corea del Nord ha inviato altri 3.000 soldati in Russia "
            "all'inizio dell'anno, portando il totale a circa 14.000 militari schierati nella regione di Kursk.")
    article, claims, events, _ = read(text)
    assert article.language == "it" and claims == [] and events == []


def test_yes_no_on_off_stay_words():
    """YAML 1.1 reads no/on/yes/off as booleans: the Portuguese "no", the English "on" must stay words."""
    assert "no" in langdata.load("pt", "claims")["location_before"]
    assert "on" in langdata.load("en", "claims")["not_subject_after"]


def test_a_boolean_in_a_word_list_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "xq").mkdir()
    (tmp_path / "xq" / "claims.yaml").write_text("fillers: [more, true]\n", encoding="utf-8")
    monkeypatch.setattr(langdata, "_lang_root", lambda: tmp_path)
    assert langdata.check_pack("xq") == ["data/lang/xq/claims.yaml: fillers: a list holds true/false; quote the word"]


def test_a_short_text_outside_the_chosen_packs_keeps_its_language():
    assert detect("Korea Utara mengirim 1.000 tentara ke Rusia.", ("fr",)) == "id"
    assert detect("La Corée du Nord a envoyé 1 000 soldats en Russie.", ("fr",)) == "fr"
