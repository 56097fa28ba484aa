"""The map step's corpus keys (corpus.keys): the MinHash signature and lead vector computed with each
article in the workers, stored with it, and read by the corpus stage instead of computed there."""
from __future__ import annotations

import json
import random

import numpy as np

from saksi.corpus import build_corpus
from saksi.corpus.copies import minhash_signatures
from saksi.corpus.embed import HashingEmbedder
from saksi.corpus.keys import article_keys, scheme, signature_rows
from saksi.model import Article
from saksi.store.embeddings import CachedEmbedder

WORDS = ("army shells troops border minister said sent convoy port ship rail depot report week month "
         "officials according missiles drones sanctions deal talks capital region front line").split()


def body(seed: int, n: int = 120) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def article(name: str, text: str) -> Article:
    return Article(name=name, key=name, path=f"{name}.txt", fmt="txt", text=text, language="en",
                   title=f"Title of {name}", body=text)


def test_signature_is_the_one_the_corpus_stage_computes():
    text = body(1)
    keys = article_keys(article("a", text), None)
    sig, sizes = minhash_signatures([text])
    assert keys.scheme == scheme()
    assert np.array_equal(np.frombuffer(keys.signature, dtype="<u4"), sig[0])
    assert keys.shingles == int(sizes[0])
    assert keys.lead_vector is None


def test_stored_signatures_give_the_same_tables_as_computed_ones():
    texts = [body(i) for i in range(6)]
    texts.append(texts[0].replace("army", "navy", 2))  # a near duplicate of the first
    arts = [{"article": f"a{i}", "key": f"k{i}", "body": t, "title": f"t{i}", "published": "2025-01-0%d" % (i + 1)}
            for i, t in enumerate(texts)]
    keys = {f"k{i}": article_keys(article(f"a{i}", t), None) for i, t in enumerate(texts) if i != 3}
    stored = {k: (v.signature, v.shingles) for k, v in keys.items()}  # k3 missing: the corpus stage computes it
    rows = signature_rows(stored, arts)
    assert rows[3] is None
    a = build_corpus(arts, [], [], embedder=None, signatures=rows).tables()
    b = build_corpus(arts, [], [], embedder=None).tables()
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    assert any(r["kind"] == "near_duplicate" for r in a["copies"])


def test_a_lead_vector_does_not_depend_on_the_texts_embedded_with_it(tmp_path):
    from saksi.store.db import Store

    store = Store(tmp_path / "s.db")
    inner = HashingEmbedder()
    cached = CachedEmbedder(inner, store.conn, "hashing")
    texts = [body(i, 30) for i in range(5)]
    together = cached(texts)
    alone = np.vstack([np.asarray(inner([t]), dtype="<f4") for t in texts])
    assert np.array_equal(together, alone)
    store.close()
