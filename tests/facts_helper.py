"""Run claims, events and cited sources on a text as the pipeline does, without the NER model
(the knowledge base alone finds the names), for the tests of saksi.extract."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from saksi.model import Document


@lru_cache(maxsize=1)
def resources():
    from saksi.pipeline import Resources

    return Resources(use_ner=False)


def read(text: str, *, published: str | None = None, name: str = "t", lang: str | None = None):
    """(article, claims, events, cited_sources) of a text, offsets into the normalised text."""
    from saksi.entities.resolver import ArticleResolver
    from saksi.extract.attribution import cited_sources
    from saksi.extract.claims import extract_claims
    from saksi.extract.dates import latest_explicit_date
    from saksi.extract.events import extract_events
    from saksi.pipeline import clean

    res = resources()
    article, norm = clean(Document(name=name, path=name, text=text, published=published), res)
    if lang:
        article.language = lang
        for p in article.paragraphs:
            p.language = lang
    t = norm.text
    ref = _as_date(article.published) or _as_date(latest_explicit_date(t, article.language))
    resolver = ArticleResolver(res.kb, ner=None, languages=(article.language,),
                               date=ref.isoformat() if ref else None)
    mentions = []
    for p in article.paragraphs:
        for m in resolver.mentions(p.text, ()):
            m.start += p.start
            m.end += p.start
            mentions.append(m)
    claims = extract_claims(article, t, resolver, ref, mentions)
    events = extract_events(article, t, resolver, ref, mentions)
    cited = cited_sources(article, t, resolver, mentions, claims)
    return article, claims, events, cited


def claims_of(text: str, **kw):
    return [c for c in read(text, **kw)[1] if c.action != "other"]


def events_of(text: str, **kw):
    return read(text, **kw)[2]


def _as_date(v):
    if not v or len(v) < 10:
        return None
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        return None
