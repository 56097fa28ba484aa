"""Static title-and-lead embeddings distilled from multilingual-e5-small: ~100× faster than e5.

A text's vector is the weighted sum of its words' vectors, L2-normalised (model2vec-style). The
vectors were made once by ``training/embed/distil.py``: every word of a fixed multilingual
vocabulary (wordfreq's most frequent words of the seven languages saksi reads) was embedded alone
by e5, the directions that only tell languages apart (and the few that all words share) were
projected out, the rest reduced by PCA and each row weighted by its word's rarity (SIF,
``a / (a + p(word))``). A word outside the vocabulary (a name, an inflection, a number) is cut into
e5's own SentencePiece pieces by a small pure-Python Viterbi over the shipped pieces; a piece's
vector is e5's input embedding of it mapped into the word space by a linear map fitted on the
vocabulary, and the word gets the mean of its pieces, with the weight of a rare word. The same
name written the same way in two languages so gets the same vector. Text is read lower-cased.

Files (``saksi/models/static_e5/``, loaded on first call): ``vocab.txt`` (the words, then the
pieces), ``vectors.npz`` (int8 rows with a float32 scale each, the pieces' unigram scores) and
``meta.json`` (how they were made).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "static_e5"

# Cosines are spread far wider than e5's: unrelated news ~0.0–0.2, articles on one topic ~0.2–0.5,
# one sentence translated into another of the seven languages ~0.4–0.7. Fitted by
# `benchmarks/embeddings.py --fit-calibration`: the cosines that cut the seed and dev pairs where
# e5's (0.85, 0.95) cut them (quantile matching), so a pair's calibrated similarity means what it
# means with e5. The copies and stories found on the dev set stay the same for a floor from 0.25 to
# 0.45 and a high from 0.74 to 0.90 (at 0.72 an article of 2023 joins a story of 2025).
STATIC_CALIBRATION = (0.36, 0.77)

META = "\u2581"  # SentencePiece's word-start mark
# a number with its group separators (16.000, 16,000, 3.5), or a run of letters
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_GROUPS = re.compile(r"[.,](?=\d{3}(?:\D|$))")


def number_key(tok: str) -> str:
    """16.000 / 16,000 → 16000; 7,5 → 7.5: the same number in every language's notation."""
    return _GROUPS.sub("", tok).replace(",", ".")


class Unigram:
    """SentencePiece unigram segmentation (Viterbi over piece log-probabilities), as e5's tokenizer
    does it, over a given set of pieces. A character with no piece is dropped."""

    def __init__(self, pieces: Sequence[str], scores: Sequence[float], rows: Sequence[int] | None = None):
        self.piece: dict[str, tuple[int, float]] = {}
        for k, (p, s) in enumerate(zip(pieces, scores)):
            if p and p not in self.piece:
                self.piece[p] = (rows[k] if rows is not None else k, float(s))
        self.maxlen = max((len(p) for p in self.piece), default=1)

    def encode_word(self, word: str) -> list[int]:
        s = META + unicodedata.normalize("NFKC", word)
        n = len(s)
        neg = -1e30
        best = [neg] * (n + 1)
        best[0] = 0.0
        back: list[tuple[int, int]] = [(-1, 0)] * (n + 1)  # (row or -1 for a dropped char, start)
        piece, maxlen = self.piece, self.maxlen
        for i in range(n):
            b = best[i]
            if b <= neg:
                continue
            for e in range(i + 1, min(n, i + maxlen) + 1):
                hit = piece.get(s[i:e])
                if hit is not None:
                    v = b + hit[1]
                    if v > best[e]:
                        best[e] = v
                        back[e] = (hit[0], i)
            v = b - 100.0  # no piece for this character: skip it, dearly
            if v > best[i + 1]:
                best[i + 1] = v
                back[i + 1] = (-1, i)
        out = []
        i = n
        while i > 0:
            row, i = back[i]
            if row >= 0:
                out.append(row)
        out.reverse()
        return out


class StaticEmbedder:
    """``list[str] -> ndarray`` of L2-normalised float32 rows (a text with no word at all gets a
    zero row). Pure numpy; files are read on the first call."""

    calibration = STATIC_CALIBRATION

    def __init__(self, model_dir: Path | str | None = None, cache_size: int = 200_000) -> None:
        self.model_dir = Path(model_dir) if model_dir else MODEL_DIR
        self.cache_size = cache_size
        self._loaded = False

    @property
    def version(self) -> str:
        """A digest of the model's files' description: cached vectors of another distillation are not reused."""
        import hashlib

        return "-" + hashlib.sha1((self.model_dir / "meta.json").read_bytes()).hexdigest()[:8]

    def _load(self) -> None:
        if self._loaded:
            return
        d = self.model_dir
        meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
        with np.load(d / "vectors.npz") as z:
            self._vectors = z["vectors"]  # (rows, dim) int8
            self._scales = z["scales"].astype(np.float32)  # (rows,) dequantisation × word weight
            scores = z["piece_scores"]
        vocab = (d / "vocab.txt").read_text(encoding="utf-8").split("\n")
        nw, npc = meta["words"], meta["pieces"]
        if len(vocab) < nw + npc or len(self._vectors) != nw + npc:
            raise ValueError(f"{d}: vocab.txt and vectors.npz do not match meta.json")
        self._words = {w: i for i, w in enumerate(vocab[:nw])}
        self._unigram = Unigram(vocab[nw:nw + npc], scores.tolist(), range(nw, nw + npc))
        self._oov_weight = float(meta.get("oov_weight", 1.0))
        self._oov: dict[str, tuple[tuple[int, ...], float]] = {}
        self.dim = int(self._vectors.shape[1])
        self.meta = meta
        self._loaded = True

    def _fallback(self, tok: str) -> tuple[tuple[int, ...], float]:
        """A lower-cased token outside the vocabulary → (its piece rows, the weight of each)."""
        hit = self._oov.get(tok)
        if hit is None:
            rows = tuple(self._unigram.encode_word(number_key(tok) if tok[0].isdigit() else tok))
            hit = (rows, self._oov_weight / len(rows) if rows else 0.0)
            if len(self._oov) >= self.cache_size:
                self._oov.clear()
            self._oov[tok] = hit
        return hit

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self._load()
        n = len(texts)
        out = np.zeros((n, self.dim), dtype=np.float32)
        step = 512
        for start in range(0, n, step):
            self._embed_into(texts[start:start + step], out[start:start + step])
        return out

    def _embed_into(self, texts: Sequence[str], out: np.ndarray) -> None:
        """Sum each text's rows × weights: one dense (texts × distinct rows) matrix product."""
        words, fallback, findall = self._words, self._fallback, TOKEN.findall
        rows: list[int] = []
        coef: list[float] = []
        seg: list[int] = []
        for k, text in enumerate(texts):
            before = len(rows)
            for tok in findall(text.lower()) if text else ():
                r = words.get(tok)
                if r is not None:
                    rows.append(r)
                    coef.append(1.0)
                else:
                    prow, w = fallback(tok)
                    rows.extend(prow)
                    coef.extend([w] * len(prow))
            seg.extend([k] * (len(rows) - before))
        if not rows:
            return
        uniq, inv = np.unique(np.asarray(rows, dtype=np.int64), return_inverse=True)
        c = np.asarray(coef, dtype=np.float64) * self._scales[uniq][inv]
        m = np.bincount(np.asarray(seg, dtype=np.int64) * len(uniq) + inv, weights=c,
                        minlength=len(texts) * len(uniq)).reshape(len(texts), len(uniq))
        np.matmul(m.astype(np.float32), self._vectors[uniq].astype(np.float32), out=out)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
