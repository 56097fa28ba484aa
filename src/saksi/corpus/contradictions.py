"""Verdicts within a claim group: do the values reported agree?

Each claim's value becomes an interval from its qualifier ("more than 10,000" → [10,000, ∞),
"about 600" → 600 ± 10 %, "up to 9 million" → [0, 9,000,000], "ribuan" → [1,000, 1,000,000)).
Claims with a definite value (exact, approx, range) are swept into clusters that share a common
interval; open-ended claims join a cluster they fit. Two clusters that do not meet:
 - ``contradiction`` when claims of the SAME scope (the same period, or both without one; a
   pledge is a scope of its own) fall on both sides;
 - ``scope_difference`` when the sides count over different periods.
Each cluster reported by two or more articles gives a ``compatible`` verdict, and a claim its
actor denies, set against claims that assert it, gives a ``denial``. Sorting once per group keeps
this linear in the number of claims (no all-pairs comparison).
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from saksi.corpus.groups import group_key
from saksi.corpus.objects import DENIAL_COVERS, GENERIC_CLASSES

TOL = 0.01  # a stated number: within 1 %
APPROX = 0.10  # "about": within 10 %
VAGUE_SPAN = 1000.0  # "thousands" means at least 1,000 and under 1,000,000
INF = float("inf")
POINT = {"exact", "approx", "range"}


def interval(c: dict) -> tuple[float, float, bool] | None:
    """(low, high, definite) for a claim's number; None when it states none."""
    q = c.get("qualifier") or "exact"
    v, lo, hi = c.get("value"), c.get("value_low"), c.get("value_high")
    num = lambda x: isinstance(x, (int, float))  # noqa: E731
    if q == "range" or (not num(v) and num(lo) and num(hi)):
        a = lo if num(lo) else v
        b = hi if num(hi) else v
        if not num(a) or not num(b):
            return None
        return a * (1 - TOL), b * (1 + TOL), True
    base = v if num(v) else lo if num(lo) else hi if num(hi) else None
    if base is None:
        return None
    if q == "exact":
        return base * (1 - TOL), base * (1 + TOL), True
    if q == "approx":
        return base * (1 - APPROX), base * (1 + APPROX), True
    if q in ("more_than", "at_least"):
        return base * (1 - TOL), INF, False
    if q in ("less_than", "up_to"):
        return 0.0, base * (1 + TOL), False
    if q == "vague":
        top = hi if num(hi) else base * VAGUE_SPAN
        return base, top, False
    return base * (1 - TOL), base * (1 + TOL), True


def scope_of(c: dict) -> tuple:
    return (c.get("period_start"), c.get("period_end"), (c.get("stance") or "") == "planned")


def scope_text(scope: tuple) -> str:
    s, e, planned = scope
    if s and e:
        t = s if s == e else f"{s}–{e}"
    elif s:
        t = f"since {s}"
    elif e:
        t = f"until {e}"
    else:
        t = "no period given"
    return t + (", pledged" if planned else "")


_QWORD = {"approx": "about ", "more_than": "more than ", "at_least": "at least ", "less_than": "less than ",
          "up_to": "up to ", "vague": "at least "}


def value_text(c: dict) -> str:
    q = c.get("qualifier") or "exact"
    v = c.get("value") if c.get("value") is not None else c.get("value_low")
    if q == "range" and c.get("value_low") is not None and c.get("value_high") is not None:
        return f"{c['value_low']:,.0f}–{c['value_high']:,.0f}"
    if v is None:
        return "an unstated number"
    return f"{_QWORD.get(q, '')}{v:,.0f}" + (" (vague)" if q == "vague" else "")


def article_tag(a: dict) -> str | None:
    """How a verdict names an article: its outlet and date ("Tribunnews, 2025-09-09"), else the start
    of its title or of its body; None leaves the article's name (its file name)."""
    outlet, when = a.get("outlet"), a.get("published")
    if outlet:
        return f"{outlet}, {when}" if when else outlet
    title = " ".join((a.get("title") or "").split())
    if title:
        return title[:48] + "…" if len(title) > 48 else title
    words = (a.get("body") or "").split()[:6]
    return "“" + " ".join(words) + "…”" if words else None


def _where(c: dict) -> str:
    return c.get("article_tag") or c.get("article") or "?"


def claim_text(c: dict) -> str:
    return f"{value_text(c)} ({scope_text(scope_of(c))}; {_where(c)})"


@dataclass
class Cluster:
    lo: float
    hi: float
    items: list = field(default_factory=list)  # (lo, hi, scope, claim)


def _sweep(items: list) -> list[Cluster]:
    out: list[Cluster] = []
    for it in sorted(items, key=lambda t: (t[0], t[1])):
        if out and it[0] <= out[-1].hi:
            cl = out[-1]
            cl.lo, cl.hi = max(cl.lo, it[0]), min(cl.hi, it[1])
            cl.items.append(it)
        else:
            out.append(Cluster(it[0], it[1], [it]))
    return out


def _disjoint(it, cl: Cluster) -> bool:
    return it[1] < cl.lo or it[0] > cl.hi


def _ids(items) -> list:
    return [it[3].get("id") for it in items]


def group_verdicts(gid: str, members: list[dict]) -> list[dict]:
    points: list[tuple] = []
    opens: list[tuple] = []
    for c in members:
        if (c.get("stance") or "") == "denied":
            continue
        iv = interval(c)
        if iv is None:
            continue
        (points if iv[2] else opens).append((iv[0], iv[1], scope_of(c), c))
    clusters = _sweep(points)
    los = [cl.lo for cl in clusters]
    his = [cl.hi for cl in clusters]
    leftover = []
    for it in opens:
        k0 = bisect.bisect_left(his, it[0])  # first cluster reaching the claim's low end
        k1 = bisect.bisect_right(los, it[1])  # clusters starting at or before its high end
        if k0 >= k1:
            leftover.append(it)
            continue
        pick = next((k for k in range(k0, min(k1, k0 + 20))
                     if any(x[2] == it[2] for x in clusters[k].items[:50])), k0)
        clusters[pick].items.append(it)
    clusters = sorted(clusters + _sweep(leftover), key=lambda cl: (cl.lo, cl.hi))

    rows = []
    for cl in clusters:
        arts = {it[3].get("article") for it in cl.items}
        if len(arts) >= 2:
            rows.append({"group": gid, "kind": "compatible", "claims": _ids(cl.items),
                         "explanation": "the values agree: " + "; ".join(
                             claim_text(it[3]) for it in cl.items[:8]) + (" …" if len(cl.items) > 8 else "")})
    # contradictions: the same scope on both sides of a gap
    by_scope: dict = defaultdict(list)
    for k, cl in enumerate(clusters):
        for sc in dict.fromkeys(it[2] for it in cl.items):
            by_scope[sc].append(k)
    for sc, ks in by_scope.items():
        for ka, kb in zip(ks, ks[1:]):
            A, B = clusters[ka], clusters[kb]
            a = [it for it in A.items if it[2] == sc and _disjoint(it, B)]
            b = [it for it in B.items if it[2] == sc and _disjoint(it, A)]
            if a and b:
                rows.append({"group": gid, "kind": "contradiction", "claims": _ids(a + b),
                             "explanation": f"for the same scope ({scope_text(sc)}), "
                             f"{_list(a)} cannot be true together with {_list(b)}"})
    # differences of scope between neighbouring clusters
    for A, B in zip(clusters, clusters[1:]):
        a = [it for it in A.items if _disjoint(it, B)]
        b = [it for it in B.items if _disjoint(it, A)]
        sa, sb = {it[2] for it in a}, {it[2] for it in b}
        a2 = [it for it in a if it[2] not in sb]
        b2 = [it for it in b if it[2] not in sa]
        if a2 and b2:
            rows.append({"group": gid, "kind": "scope_difference", "claims": _ids(a2 + b2),
                         "explanation": f"{_list(a2)} and {_list(b2)} differ, but they count over "
                         "different periods: a difference of scope, not a contradiction"})
    return rows


def _list(items, most: int = 4) -> str:
    shown: list[str] = []
    used = 0
    for it in items:
        if len(shown) >= most:
            break
        used += 1
        t = claim_text(it[3])
        if t not in shown:
            shown.append(t)
    rest = len(items) - used
    return ", ".join(shown) + (f" and {rest} more" if rest > 0 else "")


def denial_verdicts(groups_by_id: dict[str, list[dict]], most: int = 50) -> list[dict]:
    """A denied claim against the claims that assert what it denies, in its own and covered groups."""
    index: dict[tuple, list[str]] = defaultdict(list)  # (actor, action) -> group ids
    keys: dict[str, tuple] = {}
    for gid, members in groups_by_id.items():
        k = group_key(members[0])
        keys[gid] = k
        index[(k[0], k[1])].append(gid)
    asserting_of: dict[str, list[dict]] = {}

    def asserting_in(g: str) -> list[dict]:
        if g not in asserting_of:
            asserting_of[g] = [c for c in groups_by_id[g] if (c.get("stance") or "asserted")
                               not in ("denied", "planned")]
        return asserting_of[g]

    rows = []
    for gid, members in groups_by_id.items():
        for d in members:
            if (d.get("stance") or "") != "denied":
                continue
            actor, action, recipient, ocls = keys[gid]
            ocls = group_key(d)[3]
            for act in DENIAL_COVERS.get(action, (action,)):
                for g2 in index.get((actor, act), ()):
                    k2 = keys[g2]
                    if recipient and k2[2] and k2[2] != recipient:
                        continue
                    if ocls not in GENERIC_CLASSES and k2[3] != ocls and act == action:
                        continue
                    asserting = asserting_in(g2)
                    if not asserting:
                        continue
                    who = d.get("actor") or "the actor"
                    rows.append({"group": g2, "kind": "denial",
                                 "claims": [d.get("id")] + [c.get("id") for c in asserting[:most]],
                                 "explanation": f"{who} denies it ({_where(d)}: “{d.get('quote', '')}”) "
                                 f"while {len(asserting)} claim{'s' if len(asserting) != 1 else ''} "
                                 f"assert{'' if len(asserting) != 1 else 's'} it"})
    return rows


