"""Copies: the same text (exact), nearly the same text (near_duplicate, MinHash LSH over word
shingles of the body), the same article in other words or another language (rewrite), and
articles built on one origin (shared_origin: the same numbers credited to the same source, the
same quotations and events). The earlier-published article — or, when a date is missing, the
first read — is the original."""
from __future__ import annotations

import zlib
from collections import defaultdict
from functools import lru_cache

import numpy as np

from saksi.corpus.evidence import PairEvidence, describe
from saksi.corpus.features import ArticleFeatures, Features, earliest
from saksi.corpus.parallel import map_slices
from saksi.corpus.unionfind import UnionFind

_MASK32 = np.uint64(0xFFFFFFFF)


def exact_copies(feats: list[ArticleFeatures]) -> tuple[list[dict], list[list[int]]]:
    by_key: dict[str, list[int]] = defaultdict(list)
    for f in feats:
        by_key[f.key].append(f.index)
    rows, clusters = [], []
    for key, members in by_key.items():
        if len(members) < 2:
            continue
        clusters.append(members)
        orig = earliest(members, feats)
        for m in members:
            if m != orig:
                rows.append({"article": feats[m].name, "copy_of": feats[orig].name, "kind": "exact",
                             "score": 1.0, "evidence": f"same text (key {key[:12]})"})
    return rows, clusters


# ----------------------------------------------------------------- near duplicates (MinHash LSH)
def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h.astype(np.uint32, copy=True)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


class WordHasher:
    """crc32 of casefolded, white-space separated words, cached."""

    def __init__(self) -> None:
        self._cache: dict[str, int] = {}

    def extend(self, out: list[int], text: str) -> int:
        """Append the hashes of the words of ``text`` to ``out``; → the number of words."""
        cache = self._cache
        words = text.casefold().split()
        n0 = len(out)
        try:
            out.extend(map(cache.__getitem__, words))
        except KeyError:  # new words: hash them, drop what was appended before the miss, redo
            for x in set(words).difference(cache):
                cache[x] = zlib.crc32(x.encode("utf-8", "surrogatepass"))
            del out[n0:]
            out.extend(map(cache.__getitem__, words))
        return len(words)


def _shingles(words: np.ndarray, lengths: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Word hashes of several texts (concatenated) → (shingle hashes, shingles per text)."""
    w = words.astype(np.uint64)
    m = len(w) - k + 1
    if m <= 0:
        return np.zeros(0, dtype=np.uint32), np.zeros(len(lengths), dtype=np.int64)
    acc = np.zeros(m, dtype=np.uint64)
    for s in range(k):
        acc = acc * np.uint64(1099511628211) + w[s:s + m] * np.uint64((0x9E3779B97F4A7C15 >> (8 * s)) | 1)
    acc ^= acc >> np.uint64(29)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    counts = np.maximum(lengths - k + 1, 0)
    keep = np.zeros(m, dtype=bool)  # a shingle must not straddle two texts
    for st, c in zip(starts[counts > 0].tolist(), counts[counts > 0].tolist()):
        keep[st:st + c] = True
    return (acc[keep] & _MASK32).astype(np.uint32), counts


def shingle_hashes(text: str, k: int = 3) -> np.ndarray:
    """The word k-shingles of one text as 32-bit hashes."""
    out: list[int] = []
    n = WordHasher().extend(out, text)
    return _shingles(np.array(out, dtype=np.uint32), np.array([n]), k)[0]


def permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations h → a·h + b mod 2³² (a odd) of datasketch's "affine32" MinHash for
    this seed, drawn the way datasketch 2.0 draws them (tests check they are the same), so
    signatures stay comparable with datasketch's without importing it: its package imports scipy,
    ~1 s of every run."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


@lru_cache(maxsize=8)
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows a band) minimising the sum of the false positive and false negative
    probabilities at this Jaccard threshold, as MinHash LSH chooses them (the integrals by the
    trapezoid rule on a fine grid)."""
    lo, hi = np.linspace(0.0, threshold, 2001), np.linspace(threshold, 1.0, 2001)
    best, opt = float("inf"), (1, 1)
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp = np.trapezoid(1 - (1 - lo ** rows) ** bands, lo)
            fn = np.trapezoid((1 - hi ** rows) ** bands, hi)
            if 0.5 * fp + 0.5 * fn < best:
                best, opt = 0.5 * fp + 0.5 * fn, (bands, rows)
    return opt


def lsh_pairs(sig: np.ndarray, bands: int, rows: int) -> list[tuple[int, int]]:
    """Pairs (i < j) of signature rows equal on all the values of at least one band, in order."""
    pairs: set[tuple[int, int]] = set()
    for k in range(bands):
        block = np.ascontiguousarray(sig[:, k * rows:(k + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        order = np.argsort(keys, kind="stable")
        ranked = keys[order]
        starts = np.flatnonzero(np.concatenate(([True], ranked[1:] != ranked[:-1], [True])))
        for s, e in zip(starts[:-1], starts[1:]):
            if e - s > 1:
                members = sorted(order[s:e].tolist())
                pairs.update((x, y) for i, x in enumerate(members) for y in members[i + 1:])
    return sorted(pairs)


def minhash_signatures(texts: list[str], num_perm: int = 128, k: int = 3, seed: int = 1,
                       chunk: int = 8192):
    """(signatures (n, num_perm) uint32, shingle counts) in datasketch's affine32 scheme: every
    shingle hash is mixed (murmur3 finaliser) and permuted as a·h + b mod 2³², a column minimum per
    text. Texts are processed together in cache-sized chunks of about ``chunk`` words."""
    a, b = permutations(num_perm, seed)
    a, b = a[:, None], b[:, None]
    hasher = WordHasher()
    sig = np.full((len(texts), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    sizes = np.zeros(len(texts), dtype=np.int64)
    words: list[int] = []
    rows: list[int] = []
    lengths: list[int] = []

    def flush() -> None:
        if not rows:
            return
        sh, counts = _shingles(np.array(words, dtype=np.uint32), np.array(lengths, dtype=np.int64), k)
        idx = np.array(rows)
        sizes[idx] = counts
        has = counts > 0
        if has.any():
            hv = _fmix32(sh)
            starts = np.concatenate(([0], np.cumsum(counts[has])[:-1]))
            phv = a * hv[None, :]  # (num_perm, shingles): each text's shingles are a contiguous run
            phv += b
            sig[idx[has]] = np.minimum.reduceat(phv, starts, axis=1).T
        words.clear()
        rows.clear()
        lengths.clear()

    for i, t in enumerate(texts):
        lengths.append(hasher.extend(words, t or ""))
        rows.append(i)
        if len(words) >= chunk:
            flush()
    flush()
    return sig, sizes


def near_duplicates(bodies: list[str], feats: list[ArticleFeatures], skip: set[int], *,
                    threshold: float = 0.8, num_perm: int = 128, k: int = 3,
                    min_shingles: int = 20, workers: int = 1,
                    stored: list | None = None) -> tuple[list[dict], list[list[int]]]:
    """Near-duplicate clusters among the articles not in ``skip`` (non-first members of exact copies).

    ``stored``: signatures computed in the map step, aligned with ``bodies``, each (uint32 array,
    shingle count) or None; the missing ones are computed here."""
    todo = [i for i in range(len(bodies)) if i not in skip]
    if len(todo) < 2:
        return [], []
    sig = np.empty((len(todo), num_perm), dtype=np.uint32)
    sizes = np.zeros(len(todo), dtype=np.int64)
    missing = []
    for r, i in enumerate(todo):
        got = stored[i] if stored is not None else None
        if got is not None and len(got[0]) == num_perm:
            sig[r], sizes[r] = got
        else:
            missing.append(r)
    if missing:
        texts = [bodies[todo[r]] or "" for r in missing]
        parts = map_slices(lambda a, b: minhash_signatures(texts[a:b], num_perm, k), len(texts), workers)
        sig[missing] = np.concatenate([p[0] for p in parts])
        sizes[missing] = np.concatenate([p[1] for p in parts])
    keep = np.flatnonzero(sizes >= min_shingles)
    uf = UnionFind()
    sims: dict[tuple[int, int], float] = {}
    cand = np.array(lsh_pairs(sig[keep], *lsh_bands(threshold, num_perm)), dtype=np.int64).reshape(-1, 2)
    rs, ss = keep[cand[:, 0]], keep[cand[:, 1]]
    jac = np.empty(len(cand))
    for start in range(0, len(cand), 65536):  # the estimated Jaccard of every candidate pair, in blocks
        part = slice(start, start + 65536)
        jac[part] = (sig[rs[part]] == sig[ss[part]]).mean(axis=1)
    for r, s, j in zip(rs.tolist(), ss.tolist(), jac.tolist()):
        if j >= threshold:
            uf.union(todo[r], todo[s])
            sims[(todo[r], todo[s])] = j
    rows, clusters = [], []
    pos = {i: r for r, i in enumerate(todo)}
    for members in uf.groups().values():
        if len(members) < 2:
            continue
        members.sort()
        clusters.append(members)
        orig = earliest(members, feats)
        for m in members:
            if m == orig:
                continue
            known = sims.get((min(m, orig), max(m, orig)))
            j = known if known is not None else float(np.mean(sig[pos[m]] == sig[pos[orig]]))
            rows.append({"article": feats[m].name, "copy_of": feats[orig].name, "kind": "near_duplicate",
                         "score": round(j, 3),
                         "evidence": f"about {j:.0%} of word {k}-grams of the body shared"})
    return rows, clusters


# ----------------------------------------------------------------- rewrites and shared origins
def pair_copy(ev: PairEvidence, a: ArticleFeatures, b: ArticleFeatures, s) -> str | None:
    """rewrite | shared_origin | None for a weighed pair (s: Settings)."""
    if a.published is not None and b.published is not None \
            and abs(a.published - b.published) > s.copy_window_days:
        return None
    if ev.emb >= s.rewrite_emb:
        if ev.numbers and ev.number_jaccard >= s.rewrite_claims:
            return "rewrite"
        if not a.numbers and not b.numbers and ev.entities >= 0.5 and (ev.quotes or ev.events):
            return "rewrite"
    if ev.hard >= s.origin_hard and ev.total >= s.origin_total:
        return "shared_origin"
    return None


def copy_row(kind: str, ev: PairEvidence, feats: list[ArticleFeatures], F: Features) -> dict:
    orig = earliest([ev.i, ev.j], feats)
    other = ev.j if orig == ev.i else ev.i
    return {"article": feats[other].name, "copy_of": feats[orig].name, "kind": kind,
            "score": round(min(1.0, ev.total / 4.0), 3), "evidence": describe(ev, F)}
