"""Claim groups: claims that speak of the same quantity — same actor, action, recipient and object
class — over overlapping (or unspecified) periods. For each group: the values reported, their
range, the articles and outlets, and the attribution roots.

Roots. ``attributed_to`` lists who the article credits, nearest first; the root of a chain is its
farthest known source (a news outlet relaying a non-media source is not the origin: for
``["MSMT", "NBC News"]`` the root is MSMT). Who speaks for a state is that state (``data/sources.yaml``
and the KB's ``metonym_of``: KCNA, a ministry, a foreign minister speak for their state). Chains that
share any name are one source, and so are claims read in articles that copy each other. The
publishing outlet is never a source in its own article's chains; an unattributed assertion is its
outlet's own reporting, unless the same article credits a source for this quantity (then it is that
source's figure) or the outlet is a relay (a blog) that credits others (then it names no source).
A confirmation or denial with no one credited is the actor's. ``independent_sources`` counts the roots
that remain (a denial is not a source for the figure: it is not counted). ``RULE`` says it in plain words.
"""
from __future__ import annotations

import hashlib
import json

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import yaml

from saksi.claimtypes import claim_types
from saksi.corpus import parallel
from saksi.corpus import dates
from saksi.corpus.features import cf, num_value
from saksi.corpus.objects import object_class
from saksi.corpus.unionfind import UnionFind

INF = 10**9

# The counting rule, as the dossier writes it next to every count.
RULE = ("Independent sources count who a figure comes from: a chain of citations counts once, at its "
        "farthest source; a state, its ministries, officials and state media are one source; copies of "
        "one article count once; the publishing outlet counts only for figures it reports itself, and a "
        "blog passing on others' reporting not at all.")


@dataclass(frozen=True)
class SourceRules:
    """Who speaks for whom (casefolded name → the principal's canonical name) and which outlets relay."""

    principal: dict[str, str]
    relay_words: tuple[str, ...] = ()
    relay_hosts: tuple[str, ...] = ()

    def speaker(self, name: str, canon=cf) -> str:
        """The name a source is counted under: the state it speaks for, else itself."""
        return self.principal.get(cf(name)) or self.principal.get(canon(name)) or name

    def is_relay(self, article: dict) -> bool:
        outlet = cf(article.get("outlet"))
        if outlet and any(w in outlet for w in self.relay_words):
            return True
        host = (urlsplit(str(article.get("url") or "")).hostname or "").casefold()
        return bool(host) and any(host == h or host.endswith("." + h) for h in self.relay_hosts)


@lru_cache(maxsize=1)
def source_rules() -> SourceRules:
    """``data/sources.yaml`` checked against the KB, with the KB's own organs (``metonym_of``)."""
    from saksi.entities.kb import KB

    kb = KB.load()
    data = yaml.safe_load((resources.files("saksi") / "data" / "sources.yaml").read_text(encoding="utf-8")) or {}
    return rules_from(data, kb)


def rules_from(data: dict, kb) -> SourceRules:
    """The rules of a parsed sources.yaml; a name the KB does not know, a principal that is no state or
    an unknown key or office is an error."""
    unknown = set(data) - {"speaks_for", "state_offices", "relay_outlets"}
    if unknown:
        raise ValueError(f"sources.yaml: unknown keys {sorted(unknown)}")
    principal: dict[str, str] = {}

    def entity(name, what):
        e = kb.get(str(name))
        if e is None:
            raise ValueError(f"sources.yaml: {what} {name!r} is not in the knowledge base")
        return e

    for e in kb:
        state = kb.entities.get(e.metonym_of) if e.metonym_of else None
        if state is not None:
            principal[cf(e.name)] = state.name
    for name, state in (data.get("speaks_for") or {}).items():
        s = entity(state, "state")
        if s.type != "GPE":
            raise ValueError(f"sources.yaml: {name!r} speaks for {state!r}, which is a {s.type}, not a state")
        principal[cf(entity(name, "source").name)] = s.name
    offices = set(data.get("state_offices") or ())
    if offices - set(kb.offices):
        raise ValueError(f"sources.yaml: offices not in kb/offices.yaml: {sorted(offices - set(kb.offices))}")
    for e in kb:
        states = {r.of for r in e.roles if r.office in offices and r.of in kb.entities}
        if len(states) == 1:  # one who served two states speaks for neither alone
            principal[cf(e.name)] = kb.entities[states.pop()].name
    relay = data.get("relay_outlets") or {}
    return SourceRules(principal, tuple(cf(w) for w in relay.get("name_words") or ()),
                       tuple(cf(h) for h in relay.get("hosts") or ()))


def claim_period(c: dict) -> tuple[int, int] | None:
    """The months a claim covers as (first, last) month indices; None when unspecified."""
    s, e = dates.month_index(c.get("period_start")), dates.month_index(c.get("period_end"))
    if s is None and e is None:
        return None
    return (s if s is not None else -INF, e if e is not None else INF)


def group_key(c: dict) -> tuple:
    """(actor, action, recipient, object class), with the fields the action's schema entry does not
    group by (data/claim_types.yaml ``group_by``) left empty."""
    action = c.get("action") or "other"
    a = claim_types().actions.get(action)
    by = a.group_by if a is not None else ("actor", "action", "recipient", "object")
    return (cf(c.get("actor")) if "actor" in by else "", action,
            cf(c.get("recipient")) if "recipient" in by else "",
            object_class(c.get("object"), action) if "object" in by else "")


def split_periods(members: list[dict]) -> list[list[dict]]:
    """Claims of one key → groups: connected runs of overlapping periods; claims with no period
    join the group that reaches latest (an unscoped count is usually "so far")."""
    scoped = [(claim_period(c), c) for c in members]
    timed = sorted(((p, c) for p, c in scoped if p is not None), key=lambda pc: pc[0])
    untimed = [c for p, c in scoped if p is None]
    comps: list[tuple[int, list[dict]]] = []  # (reach, claims)
    for p, c in timed:
        if comps and p[0] <= comps[-1][0]:
            reach, cl = comps[-1]
            cl.append(c)
            comps[-1] = (max(reach, p[1]), cl)
        else:
            comps.append((p[1], [c]))
    if not comps:
        return [untimed]
    latest = max(range(len(comps)), key=lambda k: comps[k][0])
    comps[latest][1].extend(untimed)
    # keep the input order inside each group
    order = {id(c): k for k, c in enumerate(members)}
    out = [sorted(cl, key=lambda c: order[id(c)]) for _, cl in comps]
    return sorted(out, key=lambda cl: order[id(cl[0])])


def chain_root(chain: list[str], media: frozenset[str]) -> str:
    """The farthest non-media name of a chain, else its farthest name."""
    for x in reversed(chain):
        if cf(x) not in media:
            return x
    return chain[-1]


def group_id(key: tuple, members: list[dict]) -> str:
    """A content id, the same in every run: the group's key and its first claim (claim ids are
    themselves content ids), so adding articles to a corpus leaves the ids of other groups as they were."""
    first = min(str(c.get("id") or "") for c in members)
    return "g" + hashlib.blake2b(json.dumps([list(key), first], default=str).encode(), digest_size=6).hexdigest()


def build_groups(claims: list[dict], articles_by_name: dict[str, dict], family: dict[str, str],
                 media: frozenset[str], canon=cf, rules: SourceRules | None = None, workers: int = 1
                 ) -> tuple[list[dict], list[dict], dict[str, list[dict]]]:
    """→ (group rows, group_claims rows, group id → its claims). ``family``: article → the
    original of its copies; ``canon``: name → the key two spellings of one source share; ``rules``:
    who speaks for whom (default: ``source_rules()``); ``workers``: processes counting the roots
    of a large corpus's groups (the same result on any number)."""
    rules = source_rules() if rules is None else rules
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for c in claims:
        by_key[group_key(c)].append(c)
    first_seen: dict[int, int] = {}
    for k, c in enumerate(claims):
        first_seen.setdefault(id(c), k)

    raw_groups: list[tuple[tuple, list[dict]]] = []
    for key, members in by_key.items():
        for g in split_periods(members):
            raw_groups.append((key, g))
    raw_groups.sort(key=lambda kg: first_seen[id(kg[1][0])])

    def roots_slice(start: int, stop: int) -> list[tuple[list[str], list[str]]]:
        out = []
        for _, members in raw_groups[start:stop]:
            roots, root_of = count_roots(members, articles_by_name, family, media, canon, rules)
            out.append((roots, [root_of[id(c)] for c in members]))
        return out

    # fork when each process gets MIN_PER_WORKER claims or more (groups differ much in size)
    per_group = max(1, len(claims) // max(1, len(raw_groups)))
    counted = [r for part in parallel.map_slices(roots_slice, len(raw_groups), workers,
                                        min_per_worker=max(1, parallel.MIN_PER_WORKER // per_group)) for r in part]
    groups, links, by_id = [], [], {}
    for (key, members), (roots, member_roots) in zip(raw_groups, counted):
        gid = group_id(key, members)
        root_of = {id(c): r for c, r in zip(members, member_roots)}
        values = []
        nums_lo, nums_hi = [], []
        for c in members:
            a = articles_by_name.get(c.get("article"), {})
            values.append({
                "claim": c.get("id"), "article": c.get("article"), "outlet": a.get("outlet"),
                "value": c.get("value"), "value_low": c.get("value_low"), "value_high": c.get("value_high"),
                "qualifier": c.get("qualifier") or "exact", "period_start": c.get("period_start"),
                "period_end": c.get("period_end"), "stance": c.get("stance") or "asserted",
                "attributed_to": list(c.get("attributed_to") or []), "root": root_of[id(c)],
                "quote": c.get("quote"),
            })
            links.append({"group": gid, "claim": c.get("id"), "article": c.get("article"),
                          "root": root_of[id(c)]})
            if (c.get("stance") or "") == "denied":  # a denial is not a value reported
                continue
            v = c.get("value") if c.get("value") is not None else c.get("value_low")
            if isinstance(v, (int, float)):
                nums_lo.append(v)
                nums_hi.append(v)
            if isinstance(c.get("value_high"), (int, float)):
                nums_hi.append(c["value_high"])
        periods = [p for p in (claim_period(c) for c in members) if p is not None]
        first = members[0]
        arts = list(dict.fromkeys(c.get("article") for c in members))
        outlets = list(dict.fromkeys(o for o in (articles_by_name.get(x, {}).get("outlet") for x in arts) if o))
        groups.append({
            "group": gid,
            "actor": first.get("actor"), "action": key[1], "recipient": first.get("recipient"),
            "object_class": key[3],
            "objects": list(dict.fromkeys(c.get("object") for c in members if c.get("object"))),
            "period_start": _month(min(p[0] for p in periods)) if periods else None,
            "period_end": _month(max(p[1] for p in periods)) if periods else None,
            "claims": [c.get("id") for c in members],
            "values": values,
            "value_min": min(nums_lo) if nums_lo else None,
            "value_max": max(nums_hi) if nums_hi else None,
            "articles": arts, "outlets": outlets,
            "roots": roots, "independent_sources": len(roots),
            # outlets whose figure here names no source and counts for none
            "relayed_by": list(dict.fromkeys(v["outlet"] or v["article"] for v in values
                                             if v["stance"] != "denied" and v["root"] not in roots)),
        })
        by_id[gid] = members
    return groups, links, by_id


def _month(m: int) -> str | None:
    if m <= -INF or m >= INF:
        return None
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def count_roots(members: list[dict], articles_by_name: dict[str, dict], family: dict[str, str],
                media: frozenset[str], canon=cf, rules: SourceRules | None = None) -> tuple[list[str], dict[int, str]]:
    """Union-find over chain names, outlets and copy families → (root labels of the claims that
    are not denials, claim → root label)."""
    rules = source_rules() if rules is None else rules
    uf = UnionFind()
    label_votes: dict[str, tuple[str, int]] = {}
    node_of: dict[int, str] = {}
    parts_of: dict[int, list[str]] = {}
    relayed: dict[str, str] = {}  # part → article: a relay's unattributed figure names no source
    credited: dict[str, list[str]] = defaultdict(list)  # article → its parts that name a source
    own: list[tuple[str, str]] = []  # (part, article) of an outlet's own reporting
    for c in members:
        cid = f"claim:{id(c)}"
        node_of[id(c)] = cid
        stance = c.get("stance") or "asserted"
        art = articles_by_name.get(c.get("article"), {})
        outlet = art.get("outlet")
        # the publisher is never a source of its own article, only the one who tells it
        chains = [[x for x in ch if x and (not outlet or canon(x) != canon(outlet))]
                  for ch in (c.get("source_chains") or [c.get("attributed_to") or []])]
        # sources named side by side are sources of their own: one node per chain of the claim
        chains = [ch for ch in chains if ch] or [[]]
        parts = [cid] + [f"{cid}#{k}" for k in range(1, len(chains))]
        parts_of[id(c)] = parts
        for part, chain in zip(parts, chains):
            uf.add(part)
            if chain:
                nodes = [f"src:{canon(rules.speaker(x, canon))}" for x in chain]
                label, weight = rules.speaker(chain_root(chain, media), canon), 3
                credited[c.get("article")].append(part)
            elif stance in ("confirmed", "denied") and c.get("actor"):
                speaker = rules.speaker(c["actor"], canon)
                nodes = [f"src:{canon(speaker)}"]
                label, weight = speaker, 2
            elif outlet and rules.is_relay(art) and art.get("cited_sources"):
                nodes = [f"relay:{c.get('article')}"]
                label, weight = f"{outlet} (relayed, no source named)", 0
                relayed[part] = c.get("article")
            else:
                nodes = [f"src:{canon(outlet)}" if outlet else f"article:{c.get('article')}"]
                label, weight = outlet or f"{c.get('article')} (own reporting)", 1
                own.append((part, c.get("article")))
            for nd in nodes:
                uf.union(part, nd)
            # a named source names a merged root better than an outlet's own reporting
            label_votes[part] = (label, weight)
    # an article that credits a source for this quantity restates that source's figure elsewhere
    for part, article in own + list(relayed.items()):
        if credited.get(article):
            uf.union(part, credited[article][0])
            relayed.pop(part, None)
    # copies count once: a claim in a copy joins the claims with the same number in its family
    fam_members: dict[str, list[dict]] = defaultdict(list)
    for c in members:
        fam = family.get(c.get("article"))
        if fam is not None:
            fam_members[fam].append(c)
    for fam, cs in fam_members.items():
        if len({c.get("article") for c in cs}) < 2:
            continue
        by_value: dict = defaultdict(list)
        for c in cs:
            by_value[num_value(c)].append(c)
        first_article = cs[0].get("article")
        firsts = [node_of[id(c)] for c in cs if c.get("article") == first_article]
        # Each claim of a later copy joins the claims of the same number in other articles of the family,
        # or, when no other article has that number, the first article's claims. Joined pairwise that
        # is quadratic in a big family; these chains give the same components:
        for bucket in by_value.values():
            later = [c for c in bucket if c.get("article") != first_article]
            if not later:
                continue
            nodes = [node_of[id(c)] for c in bucket]
            if len({c.get("article") for c in bucket}) > 1:  # all of them one component
                for a, b in zip(nodes, nodes[1:]):
                    uf.union(a, b)
            else:  # one later article alone with this number: its claims join the first article's
                for nd in nodes + firsts[1:]:
                    uf.union(firsts[0], nd)
    comp_votes: dict = defaultdict(Counter)
    comp_order: dict = {}
    supports: set = set()  # components with a claim that is not a denial: the sources that count
    for c in members:
        for part in parts_of[id(c)]:
            r = uf.find(part)
            label, weight = label_votes[part]
            comp_votes[r][label] += weight
            comp_order.setdefault(r, len(comp_order))
            if (c.get("stance") or "") != "denied" and part not in relayed:
                supports.add(r)
    comp_label = {r: max(votes, key=votes.__getitem__) for r, votes in comp_votes.items()}
    # two components that happen to get the same label are still two sources; keep labels apart
    labels: list[str] = []
    seen: Counter = Counter()
    for r in sorted(comp_order, key=comp_order.__getitem__):
        lab = comp_label[r]
        seen[lab] += 1
        if seen[lab] > 1:
            lab = f"{lab} ({seen[lab]})"
            comp_label[r] = lab
        if r in supports:
            labels.append(lab)
    return labels, {id(c): comp_label[uf.find(node_of[id(c)])] for c in members}
