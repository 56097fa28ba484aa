"""What the corpus stage needs of an article that the article alone decides: the MinHash signature
of its body and the embedding of its title and lead. Both are computed in the map step, in the
workers (local processes or Ray), and stored with the article, so the corpus stage (in one process)
only reads them, and a rerun computes them for new articles only.

    keys = article_keys(analysis.article, "static")   # CorpusKeys (the vector by the "static" embedder)
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from saksi.corpus import Settings
from saksi.corpus.copies import minhash_signatures
from saksi.corpus.embed import embedder_named, lead_text
from saksi.model import CorpusKeys
from saksi.store.embeddings import text_hash


def scheme(settings: Settings = Settings()) -> str:
    """The name of the signatures the corpus stage with these settings compares (a signature stored
    under another is computed again rather than compared)."""
    return f"minhash-affine32/{settings.num_perm}/{settings.shingle}/1"


def model_key(embedder) -> str:
    """The name vectors of this embedder are stored under: its class and version."""
    return type(embedder).__name__ + getattr(embedder, "version", "")


@lru_cache(maxsize=4)
def lead_embedder(name: str):
    """The embedder called `name` (corpus.embed.embedder_named), loaded once per process."""
    return embedder_named(name)


def article_keys(article, embedder_name: str | None) -> CorpusKeys:
    """The article's signature and, when `embedder_name` names one, its lead's vector."""
    s = Settings()
    sig, sizes = minhash_signatures([article.body or ""], s.num_perm, s.shingle)
    keys = CorpusKeys(scheme(), sig[0].astype("<u4").tobytes(), int(sizes[0]))
    embedder = lead_embedder(embedder_name) if embedder_name else None
    if embedder is not None:
        lead = lead_text(article.title, article.body)
        keys.lead_model, keys.lead_hash = model_key(embedder), text_hash(lead)
        keys.lead_vector = np.asarray(embedder([lead]), dtype="<f4").reshape(-1).tobytes()
    return keys


def signature_rows(signatures: dict[str, tuple[bytes, int]], articles: list[dict]) -> list:
    """Stored signatures in the order of `articles`: (uint32 array, shingle count), None where missing."""
    out = []
    for a in articles:
        got = signatures.get(a.get("key"))
        out.append((np.frombuffer(got[0], dtype="<u4").astype(np.uint32), got[1]) if got else None)
    return out
