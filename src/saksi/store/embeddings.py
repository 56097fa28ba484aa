"""An embedder wrapper that remembers vectors in the store: a rerun embeds only texts it has not seen."""
from __future__ import annotations

import hashlib

import numpy as np


def text_hash(text: str) -> str:
    """The key a text's vector is stored under (with the model's name)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class CachedEmbedder:
    def __init__(self, inner, conn, model: str):
        self.inner = inner
        self.conn = conn
        self.model = model
        self.calibration = getattr(inner, "calibration", None)

    def __call__(self, texts: list[str]) -> np.ndarray:
        hashes = [text_hash(t) for t in texts]
        known: dict[str, np.ndarray] = {}
        for start in range(0, len(hashes), 500):
            chunk = hashes[start:start + 500]
            rows = self.conn.execute(
                f"SELECT text_hash, vector FROM embeddings WHERE model = ? AND text_hash IN ({','.join('?' * len(chunk))})",
                [self.model, *chunk])
            known.update({h: np.frombuffer(v, dtype="<f4") for h, v in rows})
        missing = sorted({h: t for h, t in zip(hashes, texts) if h not in known}.items())
        if missing:
            # one text at a time, as the map step embeds them (corpus.keys): a text's vector must not
            # depend on which others it was computed with (a batched matrix product sums in another order)
            vectors = np.vstack([np.asarray(self.inner([t]), dtype="<f4").reshape(1, -1) for _, t in missing])
            with self.conn:
                self.conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?,?,?)",
                                      [(h, self.model, v.tobytes()) for (h, _), v in zip(missing, vectors)])
            known.update({h: v for (h, _), v in zip(missing, vectors)})
        if not texts:
            return self.inner([])
        return np.vstack([known[h] for h in hashes])
