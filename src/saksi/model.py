"""The records that flow through saksi, from an input document to claims and events.

Offsets (``start``, ``end``) are always character offsets into ``Document.text``: the decoded
input exactly as read (for HTML, the text trafilatura extracted from the page; see ingest.html).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Document:
    """One input article before analysis."""

    name: str  # file stem, or the JSONL `id`
    path: str  # where it was read (file, or file:line for JSONL)
    text: str  # the original text; every offset points into it
    fmt: str = "txt"  # txt | html | jsonl
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD given by the input (JSONL field, HTML metadata)
    published_tz: str | None = None  # UTC offset of the publication time the input states ("+07:00")
    outlet: str | None = None  # given by the input (JSONL `outlet`): it names the outlet best
    site: str | None = None  # the site's own name in its HTML metadata (og:site_name, publisher, host)
    title: str | None = None  # given by the input (HTML metadata, JSONL)
    author: str | None = None
    html: str | None = None  # an HTML page not yet extracted (the run extracts it in its workers)
    digest: str | None = None  # sha256 of the input as read (raw_digest), set by the reader or the run


@dataclass
class Line:
    """A line of the page, classified by the cleaner."""

    start: int
    end: int
    text: str  # normalised text of the line
    kind: str  # see clean.lines.KINDS
    detail: str | None = None  # e.g. the author's name a byline gives


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    language: str
    caption: bool = False
    title: bool = False  # the headline: read for claims like any sentence, but not part of the body


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index into Article.paragraphs
    caption: bool = False
    title: bool = False


@dataclass
class Mention:
    """A name found in the text and what it resolves to."""

    start: int
    end: int
    text: str
    canonical: str
    type: str  # PERSON | ORG | GPE | LOC | MEDIA ...
    qid: str | None = None
    role: str | None = None


@dataclass
class Claim:
    article: str
    quote: str
    start: int
    end: int
    action: str
    object: str
    actor: str | None = None
    recipient: str | None = None
    value: float | None = None
    value_low: float | None = None
    value_high: float | None = None
    qualifier: str = "exact"
    period_start: str | None = None
    period_end: str | None = None
    attributed_to: list[str] = field(default_factory=list)
    stance: str = "asserted"
    in_caption: bool = False
    sentence: str = ""  # the whole sentence around the quote, for context
    object_class: str | None = None  # the schema's class of what is counted (claim_types.yaml)
    unit: str | None = None  # what one of them is: persons, items, tonnes
    # attributed_to as chains, nearest first: sources named side by side ("the US, South Korea and
    # Ukraine say") head a chain each; a relay ("MSMT, cited by NBC News") continues one
    source_chains: list[list[str]] = field(default_factory=list)


@dataclass
class Event:
    article: str
    date: str
    type: str
    summary: str
    participants: list[str]
    place: str | None
    quote: str
    start: int
    end: int
    in_caption: bool = False


@dataclass
class Article:
    name: str
    key: str  # hash of the normalised text: the article's identity
    path: str
    fmt: str
    text: str  # the original text
    language: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    dateline: str | None = None
    published: str | None = None
    published_tz: str | None = None  # UTC offset of the publication time ("+07:00"), where known
    published_zone: str | None = None  # the zone the page's date line names, as written ("WIB", "ET")
    url: str | None = None
    body: str = ""
    captions: list[str] = field(default_factory=list)
    cited_sources: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class CorpusKeys:
    """What the corpus stage reads of one article, computed with it in the map step (corpus.keys)."""

    scheme: str  # the MinHash scheme of `signature` (corpus.keys.scheme)
    signature: bytes  # uint32 little-endian, one value a permutation
    shingles: int  # word shingles of the body (too few: never a near duplicate)
    lead_model: str | None = None  # the embedder of `lead_vector` (corpus.keys.model_key)
    lead_hash: str | None = None  # corpus.keys.text_hash of the title and lead
    lead_vector: bytes | None = None  # float32 little-endian


@dataclass
class Analysis:
    """Everything read from one article: the output of the per-article stage."""

    article: Article
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    keys: CorpusKeys | None = None  # set by the map step (pipeline.process), read by the corpus stage


def to_dict(obj: Any) -> dict:
    return asdict(obj)
