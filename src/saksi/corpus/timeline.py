"""The timeline: events merged across articles. Two events are one when they have the same type,
share a participant (or, with none named, the place) and their dates agree at the coarser of the
two precisions ("2024-06" and "2024-06-18"). Events on the same date merge directly; a coarser
event then joins the finer event it shares most participants with, so one vague date never chains
two different days together. The merged event keeps its most precise date."""
from __future__ import annotations

from collections import Counter, defaultdict

from saksi.corpus import dates
from saksi.corpus.features import cf
from saksi.corpus.unionfind import UnionFind


def _keys(e: dict) -> list[str]:
    ps = [cf(p) for p in e.get("participants") or () if p]
    if ps:
        return ps
    return ["@" + cf(e.get("place"))]


# Finer clusters weighed per key: a key shared by very many ("North Korea" in one month) keeps its
# most voted. Weighing them all for every coarse event made the timeline quadratic (400k events:
# 2 minutes), and a vague date among so many days picks one of the most reported anyway.
MAX_CANDIDATES = 64


def _votes(counters: list) -> Counter:
    """Votes per finer cluster summed over an event's keys."""
    votes: Counter = Counter()
    for c in counters:
        if c:
            votes.update(c)
    return votes


def build_timeline(events: list[dict], outlet_of: dict[str, str | None]) -> list[dict]:
    n = len(events)
    uf = UnionFind(range(n))
    prec = [dates.precision(e.get("date")) for e in events]
    # 1. same type, same date, a shared participant
    same: dict[tuple, int] = {}
    for i, e in enumerate(events):
        if prec[i] == 0:
            continue
        for k in _keys(e):
            key = (e.get("type"), e.get("date"), k)
            if key in same:
                uf.union(same[key], i)
            else:
                same[key] = i
    # 2. coarser events join the finer cluster they share most participants with
    size = Counter(uf.find(i) for i in range(n))
    for coarse in (2, 1):
        # The finer clusters' roots do not change at this level (a coarse cluster joins under the
        # finer root), so each key's votes are counted once, not again for every coarse event.
        votes_of: dict[tuple, Counter] = defaultdict(Counter)
        for i, e in enumerate(events):
            if prec[i] > coarse:
                d = dates.truncate(e["date"], coarse)
                root = uf.find(i)
                for k in _keys(e):
                    votes_of[(e.get("type"), d, k)][root] += 1
        for k, c in votes_of.items():
            if len(c) > MAX_CANDIDATES:
                votes_of[k] = Counter(dict(c.most_common(MAX_CANDIDATES)))
        for i, e in enumerate(events):
            if prec[i] != coarse:
                continue
            mine = uf.find(i)
            # a cluster's root is its finest event: a root finer than this event means the
            # cluster already joined a finer one, and must not join a second
            if prec[mine] > coarse:
                continue
            votes = _votes([votes_of.get((e.get("type"), e["date"], k)) for k in _keys(e)])
            if not votes:
                continue
            best = max(votes, key=lambda r: (votes[r], size[r], -r))
            r = uf.union(best, mine)
            size[r] = size[best] + size[mine]

    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        clusters[uf.find(i)].append(i)
    rows = []
    for members in clusters.values():
        members.sort()
        top = max(prec[i] for i in members)
        lead = next(i for i in members if prec[i] == top)
        parts: Counter = Counter()
        display: dict[str, str] = {}
        for i in members:
            for p in events[i].get("participants") or ():
                if p:
                    parts[cf(p)] += 1
                    display.setdefault(cf(p), p)
        first_seen = {k: r for r, k in enumerate(display)}
        places = Counter(events[i].get("place") for i in members if events[i].get("place"))
        arts = list(dict.fromkeys(events[i].get("article") for i in members))
        rows.append({
            "date": events[lead].get("date"),
            "type": events[lead].get("type"),
            "summary": events[lead].get("summary"),
            "participants": [display[k] for k in sorted(parts, key=lambda k: (-parts[k], first_seen[k]))],
            "place": places.most_common(1)[0][0] if places else None,
            "articles": arts,
            "outlets": list(dict.fromkeys(o for o in (outlet_of.get(a) for a in arts) if o)),
            "event_ids": [events[i].get("id") for i in members],
        })
    rows.sort(key=lambda r: (r["date"] or "", r["type"] or "", r["summary"] or ""))
    return rows

