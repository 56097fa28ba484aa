"""The stages of saksi, wired in one place: read → analyse each article → corpus → store → report.

`analyse` is a pure function of (Document, Resources): it does no I/O and keeps no state, so a
process pool or Ray can map it over a corpus. Follow one article from file to claim here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from saksi import lang as langdata
from saksi.clean.cues import Cues, load_cues
from saksi.clean.page import KEPT, classify_page
from saksi.model import Analysis, Article, Document, Paragraph, Sentence
from saksi.text.langid import detect, paragraph_languages
from saksi.text.normalize import normalize, text_key
from saksi.text.segment import sentence_spans


@dataclass
class Resources:
    """Everything analysis needs, loaded once per process (language data, knowledge base, models)."""

    languages: tuple[str, ...] = langdata.DEFAULT_LANGUAGES
    kb_extra: tuple[str, ...] = ()
    use_ner: bool = True
    default_language: str = "en"
    _ner: dict = field(default_factory=dict, repr=False)

    @cached_property
    def cues(self) -> Cues:
        return load_cues(self.languages)

    @cached_property
    def kb(self):
        from pathlib import Path

        from saksi.entities.kb import KB

        return KB.load(extra=[Path(p) for p in self.kb_extra])

    @cached_property
    def places(self) -> frozenset[str]:
        return frozenset(p.lower() for p in self.kb.places())

    def ner(self, lang: str):
        if not self.use_ner:
            return None
        if lang not in self._ner:
            from saksi.entities.ner import load_ner

            self._ner[lang] = load_ner(lang)
        return self._ner[lang]

    def date_line(self, line: str) -> str | None:
        from saksi.extract.dates import parse_date_line

        for code in self.languages:
            if d := parse_date_line(line, code):
                return d
        return None


def analyse(doc: Document, res: Resources) -> Analysis:
    """One article: clean it, find its language and sentences, then its entities, claims and events."""
    norm = normalize(doc.text)
    page = classify_page(norm.text, res.cues, res.places, res.date_line)

    paragraphs: list[Paragraph] = []
    captions: list[str] = []
    for i, ln in enumerate(page.lines):
        if ln.kind in KEPT or ln.kind == "caption":
            start = ln.start + page.lead_skip.get(i, 0)
            paragraphs.append(Paragraph(start, ln.end, norm.text[start:ln.end], "", caption=ln.kind == "caption"))
        if ln.kind in ("caption", "photo_credit"):
            captions.append(ln.text)
    body_paragraphs = [p for p in paragraphs if not p.caption]
    body = "\n".join(p.text for p in body_paragraphs)
    language = detect(body or norm.text, res.languages, res.default_language)
    for p, code in zip(paragraphs, paragraph_languages([p.text for p in paragraphs], language, res.languages)):
        p.language = code
    sentences: list[Sentence] = []
    for pi, p in enumerate(paragraphs):
        for s, e in sentence_spans(p.text, p.language):
            sentences.append(Sentence(p.start + s, p.start + e, p.text[s:e], pi, caption=p.caption))

    article = Article(
        name=doc.name, key=text_key(body or norm.text), path=doc.path, fmt=doc.fmt, text=doc.text,
        language=language, title=page.title or doc.title, outlet=page.outlet or doc.outlet or _site_name(page),
        author=page.author or doc.author, dateline=page.dateline, published=doc.published or page.published
        or _header_date(page), url=doc.url, body=body, captions=captions, lines=page.lines,
        paragraphs=paragraphs, sentences=sentences,
    )
    analysis = Analysis(article)
    _to_original(analysis, norm)
    return analysis


def _site_name(page) -> str | None:
    return next((ln.detail for ln in page.lines if ln.kind == "outlet"), None)


def _header_date(page) -> str | None:
    return next((ln.detail for ln in page.lines if ln.kind == "date" and ln.detail and len(ln.detail) == 10), None)


def _to_original(analysis: Analysis, norm) -> None:
    """Move every span from normalised-text offsets to offsets into the original text."""
    a = analysis.article
    for group in (a.lines, a.paragraphs, a.sentences, analysis.mentions, analysis.claims, analysis.events):
        for obj in group:
            obj.start, obj.end = norm.to_original(obj.start, obj.end)
    for c in analysis.claims:
        c.quote = a.text[c.start:c.end]
    for e in analysis.events:
        e.quote = a.text[e.start:e.end]


def clean_text_for_benchmark(text: str, url: str | None = None, res: Resources | None = None) -> str:
    """The body saksi keeps from an extracted page (used by benchmarks/extraction.py)."""
    return analyse(Document(name="page", path=url or "page", text=text, fmt="html", url=url), res or _bench_res()).article.body


_BENCH: list[Resources] = []


def _bench_res() -> Resources:
    if not _BENCH:
        _BENCH.append(Resources(use_ner=False))
    return _BENCH[0]


