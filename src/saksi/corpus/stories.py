"""Stories: articles about the same happening, across languages. Pairs of articles that met in a
block are linked when their leads read alike, they name the same (rarer) entities and share hard
evidence, within a time window; copies always share a story. Links are taken strongest first and
a link that would stretch a story over more than ``story_span_days`` is refused, so stories do not
chain into one across months."""
from __future__ import annotations

import hashlib

from collections import Counter

from saksi.corpus.features import Features
from saksi.corpus.unionfind import UnionFind


def build_stories(F: Features, links: list[tuple[float, int, int]], copy_pairs: list[tuple[int, int]], s,
                  articles: list[dict]) -> tuple[list[dict], list[dict]]:
    """``links``: (score, i, j) of pairs close enough in time that scored at least Settings.story_link."""
    feats = F.articles
    n = len(feats)
    uf = UnionFind(range(n))
    span = {i: (f.when if f.when else None) for i, f in enumerate(feats)}

    def merge(i: int, j: int, force: bool) -> None:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            return
        si, sj = span[ri], span[rj]
        if si and sj:
            lo, hi = min(si[0], sj[0]), max(si[1], sj[1])
            if not force and hi - lo > s.story_span_days:
                return
            merged = (lo, hi)
        else:
            merged = si or sj
        r = uf.union(ri, rj)
        span[r] = merged

    for i, j in copy_pairs:
        merge(i, j, True)
    links = sorted(links, key=lambda t: (-t[0], t[1], t[2]))
    for _, i, j in links:
        merge(i, j, False)

    groups = sorted(uf.groups().values(), key=min)
    stories: list[dict] = []
    members: list[dict] = []
    for group in groups:
        group.sort()
        # a content id, the same in every run: the story's first article by name (names are unique)
        sid = "s" + hashlib.blake2b(min(feats[i].name for i in group).encode("utf-8", "surrogatepass"),
                                    digest_size=6).hexdigest()
        dated = [(w, i) for i in group if (w := feats[i].when)]
        first = min(dated, key=lambda wi: wi[0][0])[1] if dated else None
        last = max(dated, key=lambda wi: wi[0][1])[1] if dated else None
        stories.append({
            "story": sid,
            "label": _label(group, F, articles),
            "articles": len(group),
            "first_date": feats[first].date if first is not None else None,
            "last_date": feats[last].date if last is not None else None,
        })
        members.extend({"story": sid, "article": feats[i].name} for i in group)
    return stories, members


def _label(group: list[int], F: Features, articles: list[dict], top: int = 3) -> str:
    counts: Counter = Counter()
    for i in group:
        counts.update(F.articles[i].entities)
    if counts:
        ranked = sorted(counts, key=lambda e: (-counts[e] * F.idf(e), e))
        names = [F.display.get(e, e) for e in ranked[:top]]
        if names:
            return ", ".join(names)
    for i in group:
        t = articles[i].get("title")
        if t:
            return t
    return F.articles[group[0]].lead[:80]


