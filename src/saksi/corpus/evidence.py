"""What two articles have in common, weighed: the evidence behind copies and stories.

*Hard* evidence is what two independent reporters rarely share by chance: the same number for
the same thing (more when both credit the same source for it), the same quotation, the same dated
event. *Soft* evidence is the similarity of title and lead (embeddings) and of the entities named
(weighted by rarity). A shared origin needs hard evidence; a rewrite also needs the same claims
and a lead that reads the same.
"""
from __future__ import annotations

from dataclasses import dataclass

from saksi.corpus.features import ArticleFeatures, Features, gap_days
from saksi.corpus.parallel import map_slices

W_NUMBER = 1.0  # a shared stated number
W_FLOOR = 0.3  # a shared vague amount ("thousands")
W_SOURCE = 0.5  # a source both credit for a shared number (at most two count)
W_QUOTE = 0.75  # a shared quotation (at most two count)
W_EVENT_DAY, W_EVENT_MONTH, MAX_EVENTS = 0.4, 0.25, 0.8


@dataclass(slots=True)
class PairEvidence:
    i: int
    j: int
    cos: float | None
    emb: float  # the cosine put on a 0..1 scale by the embedder's calibration
    numbers: list  # shared NumKeys
    number_sources: set
    number_jaccard: float
    events: list
    quotes: int
    sources: frozenset  # attribution names both use anywhere
    entities: float  # rarity-weighted Jaccard of the entities named
    gap: int | None
    hard: float

    @property
    def total(self) -> float:
        return self.hard + 0.5 * self.emb + 0.5 * self.entities


def weigh(a: ArticleFeatures, b: ArticleFeatures, cos: float | None, calib: tuple[float, float],
          F: Features) -> PairEvidence:
    na, nb = a.numbers, b.numbers
    shared = list(na.keys() & nb.keys()) if na and nb else []
    union = len(na) + len(nb) - len(shared)
    nsrc: set = set()
    hard = 0.0
    src_w = 0.0
    for k in shared:
        w = F.number_w.get(k, 1.0)
        hard += w * (W_NUMBER if k[2] == "=" else W_FLOOR)
        common = na[k] & nb[k]
        if common:
            src_w = max(src_w, w)
            nsrc |= common
    hard += W_SOURCE * min(2, len(nsrc)) * src_w
    quotes = len(a.quotes & b.quotes) if a.quotes and b.quotes else 0
    hard += W_QUOTE * min(2, quotes)
    evs = sorted(a.events & b.events) if a.events and b.events else []
    if evs:
        hard += min(MAX_EVENTS, sum(W_EVENT_DAY if len(d) >= 10 else W_EVENT_MONTH for _, d in evs))
    ent = 0.0
    if a.entities and b.entities:
        inter = a.entities & b.entities
        if inter:
            idf = F.idf_of
            wi = sum(idf[e] for e in inter)
            wu = F.weight_of[a.index] + F.weight_of[b.index] - wi
            ent = wi / wu if wu > 0 else 0.0
    emb = 0.0
    if cos is not None:
        lo, hi = calib
        emb = min(1.0, max(0.0, (cos - lo) / (hi - lo)))
    return PairEvidence(a.index, b.index, cos, emb, shared, nsrc, len(shared) / union if union else 0.0,
                        evs, quotes, a.attributions & b.attributions, ent, gap_days(a, b), hard)


def _num(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,}"


def describe(ev: PairEvidence, F: Features) -> str:
    parts = []
    if ev.numbers:
        nums = [f"{k[1]} {'≥' if k[2] == '>=' else ''}{_num(k[3])}" for k in sorted(ev.numbers, key=str)]
        parts.append("same numbers: " + ", ".join(nums[:6]) + (" …" if len(nums) > 6 else ""))
    if ev.number_sources:
        parts.append("credited to the same source: " + ", ".join(
            sorted(F.display.get(s, s) for s in ev.number_sources)))
    if ev.quotes:
        parts.append(f"{ev.quotes} same quotation{'s' if ev.quotes > 1 else ''}")
    if ev.events:
        parts.append("same events: " + ", ".join(f"{t} {d}" for t, d in ev.events[:4]))
    if ev.cos is not None:
        parts.append(f"title and lead similarity {ev.cos:.2f}")
    if ev.entities:
        parts.append(f"entity overlap {ev.entities:.2f}")
    return "; ".join(parts)


def story_score(emb: float, entities: float, hard: float) -> float:
    """How surely two articles tell one story (links at Settings.story_link)."""
    return 0.45 * emb + 0.35 * entities + 0.2 * min(1.0, hard / 2.0)


def weigh_pairs(pairs, is_hard, cos, feats: list[ArticleFeatures], F: Features, s, calib, family, decide,
                workers: int = 1):
    """Weigh every candidate pair once. → (copies [(kind, PairEvidence)], story links [(score, i, j)]).

    Pairs that met only through a soft key (similar leads, a rare entity) are dropped at once,
    vectorised, when they can neither be a rewrite nor a story link. For the rest the cheap hard
    evidence comes first, and the entity overlap (the costly part) only for pairs that can still
    become a copy or a link. ``decide(ev, a, b)`` names a copy kind. With ``workers`` > 1 a large
    set of pairs is weighed in forked processes, slice by slice, in the same order.
    """
    import numpy as np

    n = len(pairs)
    if n == 0:
        return [], []
    lo, hi = calib
    story_link, window = s.story_link, s.story_window_days
    origin_hard, rewrite_emb = s.origin_hard, s.rewrite_emb
    if cos is not None:
        emb_arr = np.clip((cos - lo) / (hi - lo), 0.0, 1.0)
    else:
        emb_arr = np.zeros(n, dtype=np.float32)
    first = np.array([f.when[0] if f.when else -1 for f in feats], dtype=np.int64)
    last = np.array([f.when[1] if f.when else -1 for f in feats], dtype=np.int64)
    i_arr, j_arr = pairs[:, 0], pairs[:, 1]
    known = (first[i_arr] >= 0) & (first[j_arr] >= 0)
    gap_arr = np.where(known, np.maximum(0, np.maximum(first[i_arr], first[j_arr])
                                         - np.minimum(last[i_arr], last[j_arr])), -1)
    min_link_emb = (story_link - 0.35) / 0.45  # a link with no hard evidence needs at least this
    keep = is_hard | (emb_arr >= rewrite_emb) | (((gap_arr < 0) | (gap_arr <= window))
                                                 & (emb_arr >= min_link_emb))
    idx = np.flatnonzero(keep)
    ii, jj = i_arr[idx].tolist(), j_arr[idx].tolist()
    embs, gaps = emb_arr[idx].tolist(), gap_arr[idx].tolist()
    coss = cos[idx].tolist() if cos is not None else [None] * len(idx)

    idf = F.idf_of
    weight_of = F.weight_of
    number_w = F.number_w
    find = family.find

    def weigh_slice(start: int, stop: int):
        copies, links = [], []
        for k in range(start, stop):
            i, j = ii[k], jj[k]
            a, b = feats[i], feats[j]
            emb = embs[k]
            na, nb = a.numbers, b.numbers
            hard = 0.0
            shared = None
            if na and nb:
                shared = na.keys() & nb.keys()
                if shared:
                    src_w, nsrc = 0.0, None
                    for key in shared:
                        w = number_w[key]
                        hard += w * (W_NUMBER if key[2] == "=" else W_FLOOR)
                        common = na[key] & nb[key]
                        if common:
                            if w > src_w:
                                src_w = w
                            nsrc = common if nsrc is None else nsrc | common
                    if nsrc:
                        hard += W_SOURCE * min(2, len(nsrc)) * src_w
            if a.quotes and b.quotes:
                q = len(a.quotes & b.quotes)
                hard += W_QUOTE * (q if q < 2 else 2)
            if a.events and b.events:
                evs = a.events & b.events
                if evs:
                    e = sum(W_EVENT_DAY if len(d) >= 10 else W_EVENT_MONTH for _, d in evs)
                    hard += e if e < MAX_EVENTS else MAX_EVENTS
            gap = gaps[k]
            hard_part = 0.2 * (hard / 2.0 if hard < 2.0 else 1.0)
            may_link = (gap < 0 or gap <= window) and 0.45 * emb + 0.35 + hard_part >= story_link
            may_copy = (hard >= origin_hard or (emb >= rewrite_emb and (shared or not (na or nb)))) \
                and find(i) != find(j)
            if not (may_copy or may_link):
                continue
            ent = 0.0
            if a.entities and b.entities:
                inter = a.entities & b.entities
                if inter:
                    wi = sum(map(idf.__getitem__, inter))
                    wu = weight_of[i] + weight_of[j] - wi
                    ent = wi / wu if wu > 0 else 0.0
            if may_link:
                sc = 0.45 * emb + 0.35 * ent + hard_part
                if sc >= story_link:
                    links.append((sc, i, j))
            if may_copy:
                ev = weigh(a, b, coss[k], calib, F)
                kind = decide(ev, a, b)
                if kind:
                    copies.append((kind, ev))
        return copies, links

    copies, links = [], []
    for c, lk in map_slices(weigh_slice, len(idx), workers):  # the cores share the features, forked
        copies += c
        links += lk
    return copies, links
