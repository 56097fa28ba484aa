"""Candidate pairs of articles, found by blocking instead of comparing every article with every
other: articles meet when they share a key (a reported number, a number credited to one source, a dated event, a quote,
one of their rarer entities, or an embedding hash band). A small block yields all its pairs; a big
one only pairs each article with its next few neighbours in date order, so the number of pairs
grows linearly with the corpus."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from saksi.corpus.features import ArticleFeatures


def simhash_bands(emb: np.ndarray, bands: int, bits: int, seed: int = 7) -> np.ndarray:
    """Random-hyperplane LSH for cosine similarity: (n, bands) integer band keys."""
    rng = np.random.default_rng(seed)
    planes = rng.standard_normal((emb.shape[1], bands * bits)).astype(np.float32)
    signs = (emb @ planes > 0).reshape(len(emb), bands, bits)
    weights = (1 << np.arange(bits, dtype=np.int64))
    return (signs * weights).sum(axis=2)


HARD_KEYS = ("n", "ns", "q", "e")  # keys that are evidence in themselves; the rest only find neighbours


def article_keys(f: ArticleFeatures, df, rare_entities: int) -> Iterable[tuple]:
    for k, srcs in f.numbers.items():
        if k[2] == "=":
            yield ("n",) + k
        for src in srcs:  # a figure credited to a source: a floor ("thousands") counts here too
            yield ("ns", src) + k
    for q in f.quotes:
        yield ("q", q)
    for ev in f.events:
        yield ("e",) + ev
    rare = sorted((x for x in f.entities if df.get(x, 0) >= 2), key=lambda x: (df[x], x))
    for x in rare[:rare_entities]:
        yield ("x", x)


def candidate_pairs(feats: list[ArticleFeatures], df, emb: np.ndarray | None, *, small: int = 24,
                    neighbours: int = 4, rare_entities: int = 4, bands: int = 8, bits: int = 10,
                    max_days: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """→ (unique (i, j) pairs with i < j as an (m, 2) array, whether each came from a hard key).
    Pairs of articles published more than ``max_days`` apart are left out."""
    n = len(feats)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=bool)
    hard: dict = defaultdict(list)
    soft: dict = defaultdict(list)
    for f in feats:
        for k in article_keys(f, df, rare_entities):
            (hard if k[0] in HARD_KEYS else soft)[k].append(f.index)
    if emb is not None and len(emb) == n and emb.shape[1] > 0:
        bk = simhash_bands(emb, bands, bits).tolist()
        for i in range(n):
            for b, key in enumerate(bk[i]):
                soft[("s", b, key)].append(i)
    order = np.array([f.when[0] if f.when else -1 for f in feats], dtype=np.int64)
    sort_key = np.where(order >= 0, order, 10**8 + np.arange(n))
    h = pairs_from_blocks(hard.values(), sort_key, n, small=small, neighbours=neighbours)
    s = pairs_from_blocks(soft.values(), sort_key, n, small=small, neighbours=neighbours)
    codes = _sorted_unique(np.concatenate([h, s]))
    pos = np.minimum(np.searchsorted(h, codes), max(len(h) - 1, 0))
    is_hard = (h[pos] == codes) if len(h) else np.zeros(len(codes), dtype=bool)
    pairs = np.stack([codes // n, codes % n], axis=1)
    if max_days is not None and len(pairs):
        pub = np.array([f.published if f.published is not None else -1 for f in feats], dtype=np.int64)
        oa, ob = pub[pairs[:, 0]], pub[pairs[:, 1]]
        ok = (oa < 0) | (ob < 0) | (np.abs(oa - ob) <= max_days)
        pairs, is_hard = pairs[ok], is_hard[ok]
    return pairs, is_hard


def pairs_from_blocks(blocks: Iterable[list[int]], order: np.ndarray, n: int, *, small: int,
                      neighbours: int) -> np.ndarray:
    """Unique pair codes i·n + j (i < j) from blocks of article indices."""
    chunks: list[np.ndarray] = []
    triu: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for block in blocks:
        if len(block) < 2:
            continue
        idx = np.asarray(block, dtype=np.int64)  # an article adds each of its keys once: no repeats
        s = len(idx)
        if s <= small:
            if s not in triu:
                triu[s] = np.triu_indices(s, 1)
            a, b = idx[triu[s][0]], idx[triu[s][1]]
            chunks.append(np.minimum(a, b) * n + np.maximum(a, b))
        else:
            idx = idx[np.argsort(order[idx], kind="stable")]
            for k in range(1, min(neighbours, s - 1) + 1):
                a, b = idx[:-k], idx[k:]
                chunks.append(np.minimum(a, b) * n + np.maximum(a, b))
    if not chunks:
        return np.zeros(0, dtype=np.int64)
    return _sorted_unique(np.concatenate(chunks))


def _sorted_unique(x: np.ndarray) -> np.ndarray:
    """np.unique by sorting (numpy's hash-based unique is slow on millions of int64 codes)."""
    if len(x) == 0:
        return x
    x = np.sort(x)
    return x[np.concatenate(([True], x[1:] != x[:-1]))]
