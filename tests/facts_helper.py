"""Run claims, events and cited sources on a text as the pipeline does, without the NER model
(the knowledge base alone finds the names), for the tests of saksi.extract."""
from __future__ import annotations

from functools import lru_cache

from saksi.model import Document


@lru_cache(maxsize=1)
def resources():
    from saksi.pipeline import Resources

    return Resources(use_ner=False)


def read(text: str, *, published: str | None = None, name: str = "t", lang: str | None = None):
    """(article, claims, events, cited_sources) of a text, offsets into the normalised text."""
    from saksi.model import Analysis
    from saksi.pipeline import clean, read_facts

    res = resources()
    article, norm = clean(Document(name=name, path=name, text=text, published=published), res)
    if lang:
        article.language = lang
        for p in article.paragraphs:
            p.language = lang
    analysis = Analysis(article)
    read_facts(analysis, norm.text, res)
    return article, analysis.claims, analysis.events, article.cited_sources


def claims_of(text: str, **kw):
    return [c for c in read(text, **kw)[1] if c.action != "other"]


def events_of(text: str, **kw):
    return read(text, **kw)[2]


def one_claim(text: str, action: str | None = None, **kw):
    """The one claim (of ``action``, if given) the text makes; fails listing what it made instead."""
    cs = claims_of(text, **kw)
    if action:
        cs = [c for c in cs if c.action == action]
    assert len(cs) == 1, [(c.action, c.value, c.value_low, c.quote) for c in cs]
    return cs[0]
