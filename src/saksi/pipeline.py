"""The stages of saksi, wired in one place: read → analyse each article → corpus → store → report.

`analyse` is a pure function of (Document, Resources): it does no I/O and keeps no state, so a
process pool or Ray can map it over a corpus. Follow one article from file to claim here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from saksi.clean.page import KEPT, classify_page
from saksi.model import Analysis, Article, Document, Paragraph, Sentence
from saksi.resources import Resources
from saksi.text.langid import detect, paragraph_languages
from saksi.text.normalize import normalize, text_key
from saksi.text.segment import sentence_spans
from saksi.timezones import utc_offset


# a page with no body is navigation or furniture, not an article, when it is longer than this or
# has no line to read at all (shorter, one line of text, a headline, is read whole as a sentence)
NO_BODY_MAX_CHARS = 400


def analyse(doc: Document, res: Resources):
    """One article: clean it, find its language and sentences, then its entities, claims and events.

    Returns the Analysis, or an InputError when the page holds no article text (navigation only)."""
    from saksi.ingest.readers import InputError

    article, norm = clean(doc, res)
    if not article.body.strip() and (len(norm.text.strip()) > NO_BODY_MAX_CHARS or not article.paragraphs):
        return InputError(doc.path, "no article text (only navigation, links or page furniture)")
    analysis = Analysis(article)
    read_facts(analysis, norm.text, res)
    _to_original(analysis, norm)
    _guard_dates(analysis)
    return analysis


def clean(doc: Document, res: Resources):
    """Normalise, classify the page's lines, keep the body; language and sentences.

    Returns the article (offsets still into the normalised text) and the normalisation map."""
    norm = normalize(doc.text)
    page = classify_page(norm.text, res.cues, res.places, res.date_line)

    paragraphs: list[Paragraph] = []
    captions: list[str] = []
    kept = {" ".join(ln.text.split()) for ln in page.lines if ln.kind in KEPT}
    for i, ln in enumerate(page.lines):
        if ln.kind in KEPT or ln.kind == "caption":
            start = ln.start + page.lead_skip.get(i, 0)
            paragraphs.append(Paragraph(start, ln.end, norm.text[start:ln.end], "", caption=ln.kind == "caption"))
        elif ln.kind == "title" and not any(p.title for p in paragraphs) and " ".join(ln.text.split()) not in kept:
            # a headline states claims as a sentence does (read once: not when the body repeats it)
            paragraphs.append(Paragraph(ln.start, ln.end, norm.text[ln.start:ln.end], "", title=True))
        if ln.kind in ("caption", "photo_credit"):
            captions.append(ln.text)
    body_paragraphs = [p for p in paragraphs if not p.caption and not p.title]
    body = "\n".join(p.text for p in body_paragraphs)
    language = detect(body or norm.text, res.languages, res.default_language)
    for p, code in zip(paragraphs, paragraph_languages([p.text for p in paragraphs], language, res.languages)):
        p.language = code
    sentences: list[Sentence] = []
    for pi, p in enumerate(paragraphs):
        for s, e in sentence_spans(p.text, p.language):
            sentences.append(Sentence(p.start + s, p.start + e, p.text[s:e], pi, caption=p.caption, title=p.title))

    article = Article(
        name=doc.name, key=text_key(body or norm.text), path=doc.path, fmt=doc.fmt, text=doc.text,
        language=language, title=page.title or doc.title, outlet=doc.outlet or page.outlet or doc.site,
        author=page.author or doc.author, dateline=page.dateline, published=doc.published or page.published
        or _header_date(page), published_tz=doc.published_tz or utc_offset(page.timezone),
        published_zone=page.timezone, url=doc.url, body=body, captions=captions, lines=page.lines,
        paragraphs=paragraphs, sentences=sentences,
    )
    return article, norm


def read_facts(analysis: Analysis, text: str, res: Resources) -> None:
    """Entities, then the claims and events they take part in, then the sources the article cites.

    Runs on the normalised text; spans are moved to the original text afterwards."""
    from saksi.entities.resolver import ArticleResolver
    from saksi.extract.attribution import cited_sources
    from saksi.extract.claims import extract_claims
    from saksi.extract.context import annotate
    from saksi.extract.dates import latest_explicit_date
    from saksi.extract.events import extract_events

    a = analysis.article
    if a.language not in res.languages:
        return  # no pack for this language: no claims rather than wrong ones
    ref = _as_date(a.published) or _as_date(latest_explicit_date(text, a.language))
    ner = res.ner(a.language)
    resolver = ArticleResolver(res.kb, ner=ner, languages=(a.language,), date=ref.isoformat() if ref else None)
    # a text too short to have a body (one line read as its title) is read whole, as the claims are
    parts = [(p.start, p.text) for p in a.paragraphs] or [(0, text)]
    texts = [t for _, t in parts]
    spans = list(ner.pipe(texts)) if ner is not None else [()] * len(texts)
    for (start, part), ner_spans in zip(parts, spans):
        for m in resolver.mentions(part, ner_spans):
            m.start += start
            m.end += start
            analysis.mentions.append(m)
    # one annotated document (sentences, names, quantities, dates, periods, attributions) read by
    # every extractor
    doc = annotate(a, text, resolver, ref, analysis.mentions)
    analysis.claims = extract_claims(doc)
    analysis.events = extract_events(doc)
    a.cited_sources = cited_sources(doc, analysis.claims)


def _as_date(value: str | None):
    from datetime import date

    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


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
    return clean(Document(name="page", path=url or "page", text=text, fmt="html", url=url), res or _bench_res())[0].body


@lru_cache(maxsize=1)
def _bench_res() -> Resources:
    return Resources(use_ner=False)




# ---------------------------------------------------------------- the whole run
@dataclass
class RunSummary:
    read: int = 0  # documents read
    new: int = 0  # articles analysed and stored in this run
    unchanged: int = 0  # already stored from the same text, by the same analysis
    reanalysed: int = 0  # stored from the same text by another analysis (rules, data, settings): analysed again
    stale_names: set[str] = field(default_factory=set, repr=False)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (name, duplicate of)
    failed: int = 0  # read but not stored: no article text, or the analysis failed (each in errors)
    errors: list = field(default_factory=list)  # InputError
    renamed: list[tuple[str, str, str, str]] = field(default_factory=list)  # (path, name, new name, name's first path)
    languages: dict[str, int] = field(default_factory=dict)
    unread_languages: dict[str, int] = field(default_factory=dict)  # articles in languages with no pack in use
    read_with: tuple[str, ...] = ()  # the packs in use (--languages)
    outputs_current: bool = False  # the store did not change: the corpus stage and the outputs were not redone


class Interrupted(Exception):
    """Ctrl-C during a run: `stored` articles were stored by this run before it (each whole)."""

    def __init__(self, stored: int):
        super().__init__(f"interrupted: {stored} articles stored so far are kept")
        self.stored = stored


def unique_name(name: str, taken) -> str:
    """`name`, or `name~2`, `name~3`, ... when it is taken."""
    if name not in taken:
        return name
    k = 2
    while f"{name}~{k}" in taken:
        k += 1
    return f"{name}~{k}"


def run(inputs: list[str], out_dir, res: Resources, *, max_bytes: int, workers: int = 1, engine=None,
        progress=None) -> RunSummary:
    """Stream every input through the analysis and store each new or stale article as its result
    arrives, then update the corpus tables and write the outputs.

    Inputs are read one document at a time; `engine` (saksi.engine: local processes or Ray) keeps a
    bounded number of them in flight, so memory does not grow with the corpus. A document already
    stored from the same text by the same analysis (saksi.fingerprint) is not analysed again.

    Raises `store.db.StoreError` (the store is busy, unusable or newer than this saksi) and
    `Interrupted` on Ctrl-C (what was stored stays stored)."""
    from pathlib import Path

    from saksi.engine import LocalEngine
    from saksi.fingerprint import analysis_fingerprint
    from saksi.ingest.readers import InputError, discover_named
    from saksi.store.db import Store, StoreLock

    engine = engine or LocalEngine(workers)
    summary = RunSummary(read_with=tuple(res.languages))
    fingerprint = analysis_fingerprint(res)
    with StoreLock(Path(out_dir)):
        files, errors = discover_named(inputs)
        summary.errors.extend(errors)
        store = Store.open(Path(out_dir))
        try:
            read_well: set[str] = set()  # paths read well in this run: their old ingest errors go
            if progress:
                progress.start(None)
            try:
                try:
                    work = _to_analyse(files, store, fingerprint, max_bytes, summary, read_well)
                    batch = CommitBatch(store)
                    for doc, result in engine.map(process, work, res):
                        if isinstance(result, InputError):
                            summary.errors.append(result)
                            summary.failed += 1
                            read_well.discard(doc.path)
                        else:
                            dup = store.save(result, doc.digest, doc.name, doc.path, fingerprint, commit=False)
                            batch.saved()
                            if dup:
                                summary.duplicates.append((doc.name, dup))
                            elif doc.name in summary.stale_names:
                                summary.reanalysed += 1
                            else:
                                summary.new += 1
                        if progress:
                            progress.advance(doc.name)
                finally:  # whatever stops the loop, the articles saved are whole (a savepoint each): keep them
                    store.commit()
            except KeyboardInterrupt:
                raise Interrupted(summary.new + summary.reanalysed + len(summary.duplicates)) from None
            store.add_errors(summary.errors, resolved=read_well)
            for language, n in store.language_counts().items():
                summary.languages[language] = n
                if language not in res.languages:
                    summary.unread_languages[language] = n
            try:
                if outputs_current(store, Path(out_dir), res):
                    summary.outputs_current = True  # nothing changed since the outputs were written
                else:
                    warnings = build_outputs(store, Path(out_dir), res, workers=corpus_workers(workers))
                    summary.errors.extend(InputError(str(Path(out_dir)), w) for w in warnings)
            except KeyboardInterrupt:
                raise Interrupted(summary.new + summary.reanalysed + len(summary.duplicates)) from None
        finally:
            store.close()
    return summary


class CommitBatch:
    """Commits the store every BATCH articles or SECONDS seconds, whichever comes first: a commit
    an article cost as much as storing it, and a killed run loses at most one batch (analysed again
    by the next run)."""

    BATCH, SECONDS = 64, 2.0

    def __init__(self, store) -> None:
        import time

        self.store, self.clock = store, time.monotonic
        self.count, self.since = 0, self.clock()

    def saved(self) -> None:
        self.count += 1
        if self.count >= self.BATCH or self.clock() - self.since >= self.SECONDS:
            self.store.commit()
            self.count, self.since = 0, self.clock()


def _to_analyse(files, store, fingerprint: str, max_bytes: int, summary: RunSummary, read_well: set[str]):
    """The documents of the inputs that need analysing, one at a time: each named uniquely in this
    run, and not already stored from the same text by the same analysis. HTML is left for the workers
    to extract."""
    from saksi.ingest.readers import InputError, raw_digest, read_file

    first_path: dict[str, str] = {}  # every input gets a name of its own in this run
    for f, base in files:
        for item in read_file(f, max_bytes=max_bytes, name=base, extract=False):
            if isinstance(item, InputError):
                summary.errors.append(item)
                continue
            if item.name in first_path:
                new_name = unique_name(item.name, first_path)
                summary.renamed.append((item.path, item.name, new_name, first_path[item.name]))
                item.name = new_name
            first_path[item.name] = item.path
            summary.read += 1
            read_well.add(item.path)
            item.digest = item.digest or raw_digest(item)
            state = store.document_state(item.name, item.digest, fingerprint)
            if state == "same":
                summary.unchanged += 1
                continue
            if state == "stale":
                summary.stale_names.add(item.name)
            yield item


def process(doc: Document, res: Resources):
    """The per-article map step: extract an HTML page, then analyse it (see `analyse`).

    A pure function of the document and the resources; returns an Analysis or an InputError."""
    from saksi.ingest.readers import InputError, extract_document

    if doc.html is not None:
        doc = extract_document(doc)
        if isinstance(doc, InputError):
            return doc
    result = _analyse_one(doc, res)
    if not isinstance(result, InputError):
        result.keys = _corpus_keys(result, res)
    return result


def _corpus_keys(analysis: Analysis, res: Resources):
    """The article's MinHash signature and lead vector (corpus.keys), or None when they cannot be
    computed here (the corpus stage then computes them: nothing is lost)."""
    from saksi.corpus.keys import article_keys

    try:
        return article_keys(analysis.article, res.embedder if res.embed else None)
    except (ImportError, ValueError, OSError, MemoryError):
        return None


def _analyse_one(doc: Document, res: Resources):
    from saksi.ingest.readers import InputError

    try:
        return analyse(doc, res)
    except RecursionError:
        return InputError(doc.path, "text too deeply nested to analyse")
    except MemoryError:
        return InputError(doc.path, "text too large to analyse in memory")
    except Exception as e:  # a bug must not cost the rest of the corpus: report it on the article's line
        reason = " ".join(str(e).split())[:200]
        return InputError(doc.path, f"analysis failed ({type(e).__name__}: {reason}); please report this")


def valid_date(d) -> bool:
    """A 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' date the corpus stage can place (years 1 to 9999)."""
    from saksi.corpus.dates import parse

    return isinstance(d, str) and parse(d) is not None


def _guard_dates(analysis: Analysis) -> None:
    """Dates out of the calendar (year 0 from 'last month' in 0001-01, year 10000 from 9999-12) are dropped."""
    a = analysis.article
    if a.published is not None and not (valid_date(a.published[:10]) and 1800 <= int(a.published[:4]) <= 2200):
        a.published = a.published_tz = None  # the offset belonged to that date
    analysis.events = [e for e in analysis.events if valid_date(e.date)]
    for c in analysis.claims:
        if c.period_start is not None and not valid_date(c.period_start):
            c.period_start = None
        if c.period_end is not None and not valid_date(c.period_end):
            c.period_end = None


OUTPUT_FILES = ("articles.jsonl", "claims.jsonl", "events.jsonl", "report.html", "report.md")


def _store_state(store, res: Resources) -> str:
    """What the outputs are built from: every document (name, text, analysis), the input errors, and
    the corpus settings."""
    import hashlib

    from saksi import __version__

    h = hashlib.sha256(f"{__version__}|{res.embed}|{res.embedder}|{sorted(res.languages)}".encode())
    for row in store.conn.execute("SELECT name, raw_hash, fingerprint FROM documents ORDER BY name"):
        h.update("\0".join(map(str, row)).encode("utf-8", "surrogatepass"))
    for row in store.conn.execute("SELECT path, reason FROM ingest_errors ORDER BY id"):
        h.update("\1".join(map(str, row)).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def outputs_current(store, out_dir, res: Resources) -> bool:
    """True when the outputs on disk were built from the store as it is now (a rerun that changed
    nothing then costs a read of the inputs, not a corpus stage)."""
    if not all((out_dir / f).is_file() for f in OUTPUT_FILES):
        return False
    built = store.corpus_table("_built_from")
    return bool(built) and built[0].get("state") == _store_state(store, res)


def corpus_workers(workers: int) -> int:
    """Processes for the corpus stage: this machine's share of ``--workers`` (with Ray, the
    workers may be a cluster's; the corpus stage runs here)."""
    from saksi.corpus.parallel import cores

    return max(1, min(workers, cores()))


def build_outputs(store, out_dir, res: Resources, workers: int = 1) -> list[str]:
    """Corpus stage over everything stored (on ``workers`` processes where it is large), then the
    interchange files and the report.

    Returns warnings: a failure of the corpus stage keeps the stored articles and the tables of
    the last good build, and is reported rather than stopping the run."""
    from saksi.corpus import build_corpus
    from saksi.corpus.keys import lead_embedder, model_key, scheme, signature_rows
    from saksi.report.dossier import write_report
    from saksi.report.interchange import write_interchange
    from saksi.store.embeddings import CachedEmbedder

    articles = store.articles(text=False)
    names = store.mention_names()
    for a in articles:
        a["mentions"] = names.get(a["article"], [])
    signatures = signature_rows(store.signatures(scheme()), articles)
    embedder = lead_embedder(res.embedder) if res.embed else None
    if embedder is not None:  # vectors are remembered per model and version (most stored by the map step)
        embedder = CachedEmbedder(embedder, store.conn, model_key(embedder))
    warnings = []
    events = [e for e in store.events() if valid_date(e.get("date"))]  # a store from before the date guard
    claims = store.claims()
    for c in claims:
        for k in ("period_start", "period_end"):
            if c.get(k) is not None and not valid_date(c[k]):
                c[k] = None
    try:
        corpus = build_corpus(articles, claims, events, embedder=embedder, workers=workers, signatures=signatures)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as e:  # a bug across articles: the articles stay stored, the old tables stay
        reason = " ".join(str(e).split())[:200]
        warnings.append(f"corpus stage failed ({type(e).__name__}: {reason}); copies, stories and the timeline "
                        "are those of the last run; please report this")
    else:
        store.save_corpus_tables(corpus.tables())
    write_interchange(store, out_dir, claims)  # the claims read once for all three
    write_report(store, out_dir, claims)
    if not warnings:
        store.save_corpus_tables({"_built_from": [{"state": _store_state(store, res)}]}, replace=False)
    return warnings
