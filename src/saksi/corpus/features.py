"""What the corpus stage knows about each article, gathered once from the three input tables:
its dates, the entities it names, the numbers it reports (with who it credits for them), the
events it dates and the quotations it carries."""
from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from saksi.corpus import dates

# A number key: (actor, action, kind, value) with kind "=" for a stated value, ">=" for a vague
# floor or a range's low end. Values are rounded to three significant figures.
NumKey = tuple[str, str, str, float]

_QUOTE = re.compile(r"[“\"«„]([^”\"»“\n]{20,600})[”\"»“]")
_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=1 << 17)
def _cf(s: str) -> str:
    return " ".join(s.split()).casefold()


def cf(s: str | None) -> str:
    """A name as a key: white space collapsed, casefolded."""
    return _cf(s) if s else ""


def sig3(v: float) -> float:
    if v == 0 or not math.isfinite(v):
        return v
    return round(v, 2 - int(math.floor(math.log10(abs(v)))))


def num_value(c: dict) -> tuple[str, float] | None:
    """The number a claim states, as (kind, value), or None when it states none."""
    v, lo = c.get("value"), c.get("value_low")
    if isinstance(v, (int, float)):
        return "=", sig3(float(v))
    if isinstance(lo, (int, float)):
        return ">=", sig3(float(lo))
    return None


@dataclass(slots=True)
class ArticleFeatures:
    index: int
    name: str
    key: str
    outlet: str | None
    published: int | None  # day ordinal
    when: tuple[int, int] | None  # the days the article can date from: published, else its latest event
    date: str | None  # the same as written: "2025-06-02", or "2025-04" from an event
    lead: str
    entities: frozenset[str] = frozenset()
    numbers: dict = field(default_factory=dict)  # NumKey -> frozenset of attribution names (casefolded)
    attributions: frozenset[str] = frozenset()
    events: frozenset[tuple[str, str]] = frozenset()  # (type, date) at month or day precision
    quotes: frozenset[int] = frozenset()


@dataclass
class Features:
    articles: list[ArticleFeatures]
    by_name: dict[str, int]
    display: dict[str, str]  # casefolded entity -> display name
    entity_df: Counter
    claims_by_article: dict[str, list[dict]]
    events_by_article: dict[str, list[dict]]
    alias: dict[str, str] = field(default_factory=dict)  # casefolded acronym -> casefolded full name
    number_df: Counter = field(default_factory=Counter)  # NumKey -> articles reporting it
    idf_of: dict[str, float] = field(default_factory=dict)
    weight_of: list[float] = field(default_factory=list)  # per article: the sum of its entities' idf
    number_w: dict = field(default_factory=dict)  # NumKey -> number_weight

    def __post_init__(self) -> None:
        n = len(self.articles)
        self.idf_of = {e: math.log(1.0 + n / d) for e, d in self.entity_df.items()}
        self.weight_of = [sum(self.idf_of.get(e, 0.0) for e in f.entities) for f in self.articles]
        for f in self.articles:
            self.number_df.update(f.numbers.keys())
        self.number_w = {k: self.number_weight(k) for k in self.number_df}

    def canon(self, name: str | None) -> str:
        k = cf(name)
        return self.alias.get(k, k)

    def number_weight(self, k) -> float:
        """A figure many articles repeat is weak evidence that two of them share an origin."""
        d = self.number_df.get(k, 1)
        return 1.0 if d <= 5 else max(0.15, math.log(5) / math.log(d))

    def idf(self, e: str) -> float:
        v = self.idf_of.get(e)
        return v if v is not None else math.log(1.0 + len(self.articles))


def article_key(a: dict) -> str:
    k = a.get("key")
    if k:
        return str(k)
    words = " ".join(_WORDS.findall((a.get("body") or a.get("text") or "").casefold()))
    return "body:" + hashlib.blake2b(words.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def quote_hashes(body: str | None) -> frozenset[int]:
    """Quoted speech of at least six words, as hashes of its casefolded words."""
    out = set()
    for m in _QUOTE.finditer(body or ""):
        words = _WORDS.findall(m[1].casefold())
        if len(words) >= 6:
            out.add(zlib.crc32(" ".join(words).encode()))
    return frozenset(out)


def gather(articles: list[dict], claims: list[dict], events: list[dict], lead_text) -> Features:
    by_name: dict[str, int] = {}
    for i, a in enumerate(articles):
        by_name.setdefault(a.get("article") or a.get("name") or str(i), i)
    claims_by: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        claims_by[c.get("article")].append(c)
    events_by: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        events_by[e.get("article")].append(e)

    display: dict[str, str] = {}
    feats: list[ArticleFeatures] = []
    df: Counter = Counter()

    key_of: dict[str, str] = {}

    def ent(name, bag):
        if name.__class__ is not str:
            if isinstance(name, dict):
                name = name.get("canonical") or name.get("text")
            if not isinstance(name, str):
                return
        k = key_of.get(name)
        if k is None:
            k = key_of[name] = cf(name)
            if k:
                display.setdefault(k, name.strip())
        if k:
            bag.add(k)

    for i, a in enumerate(articles):
        name = a.get("article") or a.get("name") or str(i)
        ents: set[str] = set()
        for m in a.get("mentions") or ():
            ent(m, ents)
        for s in a.get("cited_sources") or ():
            ent(s, ents)
        numbers: dict = {}
        attrib: set[str] = set()
        for c in claims_by.get(name, ()):
            ent(c.get("actor"), ents)
            ent(c.get("recipient"), ents)
            chain = [cf(x) for x in c.get("attributed_to") or () if x]
            for x in c.get("attributed_to") or ():
                ent(x, ents)
            attrib.update(chain)
            nv = num_value(c)
            if nv is not None:
                k = (cf(c.get("actor")), c.get("action") or "other", nv[0], nv[1])
                numbers[k] = numbers.get(k, frozenset()) | frozenset(chain)
        evs = set()
        latest = latest_text = None
        for e in events_by.get(name, ()):
            for p in e.get("participants") or ():
                ent(p, ents)
            ent(e.get("place"), ents)
            d = e.get("date")
            prec = dates.precision(d)
            if prec >= 2:
                evs.add((e.get("type") or "other", d))
                span = dates.day_span(d)
                if span and (latest is None or span[1] > latest[1]):
                    latest, latest_text = span, d
        pub = dates.day_span(a.get("published")) if dates.precision(a.get("published")) == 3 else None
        when = pub or latest
        df.update(ents)
        feats.append(ArticleFeatures(
            index=i, name=name, key=article_key(a), outlet=a.get("outlet"),
            published=pub[0] if pub else None, when=when,
            date=a.get("published") if pub else latest_text,
            lead=lead_text(a.get("title"), a.get("body")),
            entities=frozenset(ents), numbers=numbers, attributions=frozenset(attrib),
            events=frozenset(evs), quotes=quote_hashes(a.get("body")),
        ))
    alias = acronyms(display)
    if alias:
        df = Counter()
        for f in feats:
            f.entities = frozenset(alias.get(x, x) for x in f.entities)
            f.attributions = frozenset(alias.get(x, x) for x in f.attributions)
            f.numbers = {k: frozenset(alias.get(x, x) for x in v) for k, v in f.numbers.items()}
            df.update(f.entities)
    return Features(feats, by_name, display, df, claims_by, events_by, alias)


def acronyms(display: dict[str, str]) -> dict[str, str]:
    """Names written as the acronym of another name of the corpus ("MSMT" for "Multilateral
    Sanctions Monitoring Team") → that name, when the acronym is unambiguous."""
    by_acr: dict[str, list[str]] = defaultdict(list)
    for k, name in display.items():
        words = [w for w in re.split(r"[\s\-]+", name) if w]
        caps = [w for w in words if w[:1].isupper()]
        if len(caps) >= 2:
            by_acr["".join(w[0] for w in caps).casefold()].append(k)
    out = {}
    for k in display:
        full = by_acr.get(k)
        if full and len(full) == 1 and full[0] != k:
            out[k] = full[0]
    return out


def gap_days(a: ArticleFeatures, b: ArticleFeatures) -> int | None:
    """Days between the two articles' dates (0 when they overlap), None when either is unknown."""
    if a.when is None or b.when is None:
        return None
    return max(0, max(a.when[0], b.when[0]) - min(a.when[1], b.when[1]))


def earliest(members, feats: list[ArticleFeatures]) -> int:
    """The original among articles: the earliest published when all are dated, else the first read."""
    members = list(members)
    if all(feats[i].published is not None for i in members):
        return min(members, key=lambda i: (feats[i].published, i))
    return min(members)
