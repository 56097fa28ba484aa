"""Copies: exact, near-duplicate, rewrite (other words or language), shared origin."""
from __future__ import annotations

import random

import pytest

import numpy as np

from saksi.corpus import build_corpus

WORDS = ("pasukan kapal pelabuhan menteri laporan pertemuan wilayah bantuan negara kota perbatasan "
         "latihan pejabat dokumen kerja sama sanksi rudal amunisi pabrik jalur kereta bandara").split()


def body(seed: int, n: int = 150) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randint(0, 99)) for _ in range(n))


def art(name, text, published=None, title=None, **kw):
    return {"article": name, "key": f"k-{name}", "title": title or f"title {name}", "outlet": kw.pop("outlet", f"outlet {name}"),
            "published": published, "language": kw.pop("language", "id"), "body": text,
            "cited_sources": kw.pop("cited_sources", []), **kw}


def claim(cid, article, action, value, attributed_to=(), **kw):
    return {"id": cid, "article": article, "quote": kw.pop("quote", f"{value}"), "actor": kw.pop("actor", "North Korea"),
            "action": action, "recipient": kw.pop("recipient", "Russia"), "object": kw.pop("object", "soldiers"),
            "value": value, "value_low": kw.pop("value_low", None), "value_high": None,
            "qualifier": kw.pop("qualifier", "exact"), "period_start": kw.pop("period_start", None),
            "period_end": kw.pop("period_end", None), "attributed_to": list(attributed_to),
            "stance": kw.pop("stance", "reported" if attributed_to else "asserted"), "in_caption": False, **kw}


class TableEmbedder:
    """Returns a chosen vector for texts that contain a marker word; random unit vectors otherwise."""

    calibration = (0.5, 0.9)

    def __init__(self, table: dict[str, np.ndarray], dim: int = 16):
        self.table, self.dim = table, dim

    def __call__(self, texts):
        rng = np.random.default_rng(0)
        out = []
        for t in texts:
            v = next((vec for marker, vec in self.table.items() if marker in t), None)
            if v is None:
                v = rng.standard_normal(self.dim)
            out.append(np.asarray(v, dtype=np.float32) / np.linalg.norm(v))
        return np.array(out)


def kinds(corpus):
    return sorted((r["article"], r["copy_of"], r["kind"]) for r in corpus.copies)


def test_exact_duplicates_point_to_the_first_read():
    a = art("a", body(1))
    b = dict(art("b", body(1)), key="k-a")
    c = dict(art("c", body(1)), key="k-a")
    corpus = build_corpus([a, b, art("x", body(2)), c], [], [], embedder=False)
    assert kinds(corpus) == [("b", "a", "exact"), ("c", "a", "exact")]
    assert all(r["score"] == 1.0 for r in corpus.copies)


def test_exact_duplicates_point_to_the_earliest_published():
    a = art("a", body(1), published="2025-03-02")
    b = dict(art("b", body(1), published="2025-03-01"), key="k-a")
    assert kinds(build_corpus([a, b], [], [], embedder=False)) == [("a", "b", "exact")]


def test_near_duplicate_with_a_few_words_changed():
    text = body(3)
    words = text.split()
    words[20], words[75], words[130] = "diubah", "berbeda", "lain"
    near = " ".join(words)
    far = body(4)
    corpus = build_corpus([art("a", text), art("b", near), art("c", far)], [], [], embedder=False)
    assert kinds(corpus) == [("b", "a", "near_duplicate")]
    assert 0.8 <= corpus.copies[0]["score"] < 1.0


def test_half_changed_text_is_not_a_near_duplicate():
    words = body(3).split()
    other = body(5).split()
    mixed = " ".join(words[:75] + other[75:])
    corpus = build_corpus([art("a", " ".join(words)), art("b", mixed)], [], [], embedder=False)
    assert corpus.copies == []


def test_rewrite_in_another_language():
    v = np.ones(16)
    emb = TableEmbedder({"REWRITTEN": v, "DITULIS": v + 0.01})
    a = art("a", body(6), title="DITULIS ulang", published="2025-01-02")
    b = art("b", body(7), title="REWRITTEN story", language="en", published="2025-01-03")
    claims = [claim("a1", "a", "troops_deployed", 11000, ["MSMT"]),
              claim("a2", "a", "missiles_supplied", 100, ["MSMT"], object="ballistic missiles"),
              claim("b1", "b", "troops_deployed", 11000, ["MSMT"]),
              claim("b2", "b", "missiles_supplied", 100, ["MSMT"], object="ballistic missiles")]
    corpus = build_corpus([a, b], claims, [], embedder=emb)
    assert kinds(corpus) == [("b", "a", "rewrite")]
    g = next(g for g in corpus.groups if "a1" in g["claims"])
    assert g["independent_sources"] == 1


def test_similar_lead_without_the_same_claims_is_not_a_copy():
    v = np.ones(16)
    emb = TableEmbedder({"REWRITTEN": v, "DITULIS": v})
    claims = [claim("a1", "a", "troops_deployed", 11000), claim("b1", "b", "missiles_supplied", 100,
                                                                object="missiles")]
    corpus = build_corpus([art("a", body(6), title="DITULIS"), art("b", body(7), title="REWRITTEN")], claims, [],
                          embedder=emb)
    assert corpus.copies == []


def test_shared_origin_needs_more_than_one_shared_figure():
    claims = [claim("a1", "a", "troops_deployed", 10000, qualifier="more_than"),
              claim("b1", "b", "troops_deployed", 10000, ["KCNA"], qualifier="more_than")]
    corpus = build_corpus([art("a", body(8)), art("b", body(9))], claims, [], embedder=False)
    assert corpus.copies == []
    g = corpus.groups[0]
    assert g["independent_sources"] == 2


def test_shared_origin_from_figures_credited_to_the_same_source():
    claims = [claim("a1", "a", "casualties_killed", 600, ["Lee Seong-kweun", "National Intelligence Service"],
                    qualifier="approx", recipient=None),
              claim("a2", "a", "munitions_supplied", 9e6, [], object="ammunition"),
              claim("b1", "b", "casualties_killed", 600, ["Lee Seong-kweun"], qualifier="approx", recipient=None),
              claim("b2", "b", "munitions_supplied", 9e6, ["MSMT"], object="artillery shells"),
              claim("b3", "b", "troops_deployed", 11000, ["MSMT"])]
    corpus = build_corpus([art("a", body(10)), art("b", body(11))], claims, [], embedder=False)
    assert kinds(corpus) == [("b", "a", "shared_origin")]
    killed = next(g for g in corpus.groups if "a1" in g["claims"])
    assert killed["independent_sources"] == 1
    shells = next(g for g in corpus.groups if "a2" in g["claims"])
    assert set(shells["claims"]) == {"a2", "b2"} and shells["independent_sources"] == 1


def test_copies_far_apart_in_time_are_not_shared_origin():
    claims = [claim("a1", "a", "casualties_killed", 600, ["Lee"], recipient=None),
              claim("a2", "a", "munitions_supplied", 9e6, ["Lee"], object="shells"),
              claim("b1", "b", "casualties_killed", 600, ["Lee"], recipient=None),
              claim("b2", "b", "munitions_supplied", 9e6, ["Lee"], object="shells")]
    corpus = build_corpus([art("a", body(10), published="2023-01-01"), art("b", body(11), published="2025-01-01")],
                          claims, [], embedder=False)
    assert corpus.copies == []


def test_minhash_and_lsh_agree_with_datasketch():
    """saksi's MinHash (no datasketch import at run time) is datasketch 2.0's affine32 MinHash, and its
    banding is MinHashLSH's: the same permutations, (bands, rows) and candidate pairs."""
    datasketch = pytest.importorskip("datasketch")
    import numpy as np

    from saksi.corpus.copies import lsh_bands, lsh_pairs, minhash_signatures, permutations

    ref = datasketch.MinHash(num_perm=128, seed=1).permutations
    a, b = permutations(128, 1)
    assert (a == ref[0]).all() and (b == ref[1]).all()
    assert lsh_bands(0.8, 128) == (lambda lsh: (lsh.b, lsh.r))(datasketch.MinHashLSH(threshold=0.8, num_perm=128))
    words = [f"w{i}" for i in range(60)]
    texts = [" ".join(words), " ".join(words[:57] + ["x", "y", "z"]), " ".join(reversed(words)), " ".join(words)]
    sig, _ = minhash_signatures(texts)
    lsh = datasketch.MinHashLSH(threshold=0.8, num_perm=128)
    sketches = [datasketch.LeanMinHash(seed=1, hashvalues=s, scheme="affine32") for s in sig]
    for i, s in enumerate(sketches):
        lsh.insert(i, s)
    expected = sorted({(min(i, j), max(i, j)) for i, s in enumerate(sketches) for j in lsh.query(s) if i != j})
    assert lsh_pairs(sig, *lsh_bands(0.8, 128)) == expected
    assert (0, 3) in expected and np.mean(sig[0] == sig[1]) > 0.8
