"""Short texts whose function words leave no doubt are told without lingua (whose models cost a small
run seconds to load); doubtful ones still go to lingua."""
from __future__ import annotations

import pytest

from saksi import lang as langdata
from saksi.text import langid

PACKS = langdata.available_languages()

CLEAR = {
    "id": "Pemerintah mengatakan bahwa 300 tentara telah dikirim ke perbatasan pada pekan lalu.",
    "ms": "Kerajaan berkata bahawa 300 tentera telah dihantar ke sempadan kerana ancaman itu.",
    "en": "The ministry said that 300 soldiers were sent to the border in March.",
    "de": "Das Ministerium teilte mit, dass die Armee 300 Soldaten an die Grenze geschickt hat.",
    "fr": "Le ministère a indiqué que 300 soldats ont été envoyés à la frontière selon des sources.",
    "es": "El ministerio dijo que los 300 soldados fueron enviados a la frontera por el gobierno.",
    "pt": "O ministério disse que os 300 soldados foram enviados para a fronteira pelo governo.",
}


@pytest.mark.parametrize("code", ["id", "ms", "en", "de"])
def test_clear_short_texts_need_no_lingua(code, monkeypatch):
    def no_lingua(*a, **k):
        raise AssertionError("lingua was asked")

    monkeypatch.setattr(langid, "_detector", no_lingua)
    monkeypatch.setattr(langid, "_any_language_detector", no_lingua)
    assert langid.detect(CLEAR[code], PACKS) == code


@pytest.mark.parametrize("code", sorted(CLEAR))
def test_short_texts_get_their_language(code):
    # French, Spanish and Portuguese share many function words: lingua tells them apart
    assert langid.detect(CLEAR[code], PACKS) == code


def test_a_doubtful_short_text_goes_to_lingua(monkeypatch):
    asked = []
    real = langid._detector

    def spy(codes):
        asked.append(codes)
        return real(codes)

    monkeypatch.setattr(langid, "_detector", spy)
    # one function word of French and Spanish each ("de"): nothing dominates
    assert langid._by_function_words("Kim Jong Un de Pyongyang", PACKS) is None
    langid.detect("Kim Jong Un de Pyongyang", PACKS)
    assert asked
