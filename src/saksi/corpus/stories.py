"""Stories: articles about the same happening, across languages. Pairs of articles that met in a
block are linked when their leads read alike, they name the same (rarer) entities and share hard
evidence, within a time window; copies always share a story. Links are taken strongest first and
a link that would stretch a story over more than ``story_span_days`` is refused, so stories do not
chain into one across months.

A story is labelled as a reader names it: by the title of its most central article (the one most
strongly linked to the others), without the outlet's suffix ("… - Kompas.com"); when that article has
no title (or a "title" that is a byline or a dateline: "Jakarta, CNN Indonesia –"), by the sentence of
its first claim, else its lead, cut at a word."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from saksi.corpus.features import Features, cf
from saksi.corpus.objects import MEDIA
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
    strength: dict[int, float] = defaultdict(float)  # an article's links within its story
    for score, i, j in links:
        if uf.find(i) == uf.find(j):
            strength[i] += score
            strength[j] += score
    for i, j in copy_pairs:
        if i != j:
            strength[i] += 1.0
            strength[j] += 1.0

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
            "label": _label(group, F, articles, strength),
            "articles": len(group),
            "first_date": feats[first].date if first is not None else None,
            "last_date": feats[last].date if last is not None else None,
        })
        members.extend({"story": sid, "article": feats[i].name} for i in group)
    return stories, members


LABEL_CHARS = 90  # a label longer than this is cut at a word, with "…"
_TITLE_SEP = re.compile(r"\s+[-|–—:·•]{1,2}\s+")
_SITE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)


def _label(group: list[int], F: Features, articles: list[dict], strength: dict[int, float]) -> str:
    """The most central article's title, cleaned; untitled, its first claim's sentence or its lead."""
    def rank(i: int):
        return (-strength.get(i, 0.0), not articles[i].get("title"), F.articles[i].name)

    centre = min(group, key=rank)
    a = articles[centre]
    title = clean_title(a.get("title"), a.get("outlet"))
    if headline_like(title, a.get("outlet")):
        return _cut(title, 2 * LABEL_CHARS)
    claims = [c for c in F.claims_by_article.get(F.articles[centre].name, ())
              if c.get("quote") and not c.get("in_caption")]
    if claims:
        return _cut(min(claims, key=lambda c: (c.get("start") is None, c.get("start") or 0))["quote"])
    return _cut(F.articles[centre].lead)


def clean_title(title: str | None, outlet: str | None) -> str:
    """A title without the site's name after it ("Korut Kirim Pasukan - Kompas.com" → "Korut Kirim
    Pasukan", "… geliefert – Reuters" → "… geliefert"): the last part after a dash or bar, when it
    is the outlet, a news medium or a domain; and without a dash left at its end."""
    t = " ".join((title or "").split())
    parts = _TITLE_SEP.split(t)
    if len(parts) > 1:
        tail = cf(parts[-1])
        site = _outlet_name(outlet)
        if _SITE.match(tail) or tail in MEDIA or site and (tail == site or site in tail or tail in site):
            t = t[:list(_TITLE_SEP.finditer(t))[-1].start()].strip()
    return t.rstrip(" -|–—:·•")


HEADLINE_MIN_WORDS = 3
_BYLINE_WORDS = 5  # a "title" this short that names a medium is a byline or a dateline
_WEB_ADDRESS = re.compile(r"\w\.[a-z]{2,}\b", re.IGNORECASE)


def headline_like(title: str, outlet: str | None) -> bool:
    """Whether a cleaned title reads as a headline: three words or more, no web address ("posted
    on news.example.at"), and not a short line naming a medium ("Security correspondent, BBC")."""
    words = re.findall(r"\w+", title)
    if len(words) < HEADLINE_MIN_WORDS or _WEB_ADDRESS.search(title):
        return False
    if len(words) <= _BYLINE_WORDS:
        low = cf(title)
        names = MEDIA | ({_outlet_name(outlet)} - {""})
        if any(re.search(rf"(?<!\w){re.escape(m)}(?!\w)", low) for m in names):
            return False
    return True


def _outlet_name(outlet: str | None) -> str:
    """The outlet without what follows in brackets ("CNN Indonesia (via example.com)" → "cnn indonesia")."""
    return cf(re.sub(r"\s*[(\[].*$", "", outlet or ""))


def _cut(text: str | None, limit: int = LABEL_CHARS) -> str:
    """White space collapsed; over `limit` characters, cut at the last word that fits, with "…"."""
    t = " ".join((text or "").split())
    if len(t) <= limit:
        return t
    cut = t.rfind(" ", 0, limit)
    return t[:cut if cut > limit // 2 else limit].rstrip(" ,;:-–—") + "…"
