"""NER models load from installed files only and find people, places and organisations."""
from __future__ import annotations

import socket

import pytest

from saksi.entities import ner as ner_mod


@pytest.fixture(scope="module")
def offline():
    """Cut the network: HF offline and every socket connection refused; load both models fresh."""
    mp = pytest.MonkeyPatch()
    mp.setenv("HF_HUB_OFFLINE", "1")
    mp.setenv("TRANSFORMERS_OFFLINE", "1")

    def refuse(*args, **kwargs):
        raise OSError("network disabled in test")

    mp.setattr(socket.socket, "connect", refuse)
    mp.setattr(socket.socket, "connect_ex", refuse)
    mp.setattr(socket, "create_connection", refuse)
    mp.setattr(socket, "getaddrinfo", refuse)
    mp.setattr(ner_mod, "_CACHE", {})
    yield
    mp.undo()


@pytest.fixture(scope="module")
def id_ner(offline):
    return ner_mod.load_ner("id")


def _found(text, spans, surface, labels):
    return any(text[s:e] == surface and lab in labels for s, e, lab in spans)


def _overlaps(text, spans, surface, labels):
    i = text.index(surface)
    j = i + len(surface)
    return any(s < j and i < e and lab in labels for s, e, lab in spans)


def test_id_model_loads_offline_and_is_cached(id_ner):
    assert id_ner is not None
    assert id_ner.lang == "id"
    assert ner_mod.load_ner("id") is id_ner
    assert ner_mod.load_ner("id-ID") is id_ner


def test_id_person_gpe_org(id_ner):
    text = ("Gubernur Jawa Timur Khofifah Indar Parawansa meresmikan kantor baru Bank Indonesia "
            "di Surabaya pada Senin pagi.")
    spans = id_ner.spans(text)
    assert all(lab in ner_mod.LABELS for _, _, lab in spans)
    assert _found(text, spans, "Khofifah Indar Parawansa", {"PERSON"})
    assert _found(text, spans, "Surabaya", {"GPE"})
    assert _overlaps(text, spans, "Bank Indonesia", {"ORG"})


def test_id_pipe_and_lower_case(id_ner):
    texts = [
        "Menteri Keuangan Sri Mulyani mengatakan Indonesia akan menambah anggaran untuk pendidikan.",
        "presiden joko widodo berkunjung ke bandung bersama menteri keuangan sri mulyani.",
        "",
    ]
    out = list(id_ner.pipe(texts))
    assert len(out) == 3 and out[2] == []
    assert _found(texts[0], out[0], "Sri Mulyani", {"PERSON"})
    assert _found(texts[0], out[0], "Indonesia", {"GPE"})
    assert _overlaps(texts[1], out[1], "joko widodo", {"PERSON"})
    assert _overlaps(texts[1], out[1], "bandung", {"GPE", "LOC"})
    for text, spans in zip(texts, out):
        for s, e, _ in spans:
            assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip()


def test_id_model_fits_budget_and_finds_word_vectors_in_any_case(id_ner):
    path = ner_mod.model_path("ner_id")
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    assert size <= 30_000_000
    vectors, strings = id_ner.nlp.vocab.vectors, id_ner.nlp.vocab.strings
    for forms in (("surabaya", "Surabaya"), ("kpk", "Kpk", "KPK")):  # all capitals: acronyms only
        rows = {vectors.find(key=strings.add(w)) for w in forms}
        assert len(rows) == 1 and rows.pop() >= 0
    assert vectors.find(key=strings.add("Xqzvbrk")) == -1  # unknown words fall back to the hash embeddings


def test_id_places_split_into_gpe_and_loc():
    class S:
        def __init__(self, text):
            self.text = text

    assert ner_mod._id_place_label(S("Gunung Merapi")) == "LOC"
    assert ner_mod._id_place_label(S("Selat Malaka")) == "LOC"
    assert ner_mod._id_place_label(S("Asia Tenggara")) == "LOC"
    assert ner_mod._id_place_label(S("Yogyakarta")) == "GPE"
    assert ner_mod._id_place_label(S("Jalan")) == "GPE"  # a bare head word is not a name


def test_en_model_loads_offline(offline):
    en = ner_mod.load_ner("en")
    assert en is not None and en.nlp.pipe_names == ["ner"]
    text = "Angela Merkel flew to Paris on Tuesday to meet officials of the World Bank."
    spans = en.spans(text)
    assert _found(text, spans, "Angela Merkel", {"PERSON"})
    assert _found(text, spans, "Paris", {"GPE"})
    assert _overlaps(text, spans, "World Bank", {"ORG"})
    assert all(lab in ner_mod.LABELS for _, _, lab in spans)


def test_other_languages_have_no_model():
    assert ner_mod.load_ner("fr") is None
    assert ner_mod.load_ner("") is None


def test_new_words_do_not_stay_in_the_model_after_a_text():
    """A long run meets millions of new words (names, numbers); spaCy would keep each in its string
    store for the life of the process. NER.pipe reads every text in a memory zone."""
    from saksi.entities.ner import load_ner

    ner = load_ner("id")
    if ner is None or not hasattr(ner.nlp, "memory_zone"):
        pytest.skip("no memory zones in this spaCy")
    before = len(ner.nlp.vocab.strings)
    for k in range(50):
        ner.spans(f"Menteri Xq{k}zz{k * 7919} mengirim {k * 104729} tentara ke Kota{k}abc.")
    assert len(ner.nlp.vocab.strings) - before < 50
