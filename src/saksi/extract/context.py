"""One annotated document per article: the layers claims, attribution and events all read.

``annotate(article, text, resolver, ref, mentions)`` builds an ``ArticleDoc`` once per article
(the pipeline does, in ``read_facts``). Its layers, each with offsets into the one normalised text:

- ``sents``: sentences, with their language, list items and headers, quoted speech;
- mentions: the names found, per sentence (``local``), and what they stand for (``actor``,
  ``recipient``, ``state_of``);
- ``quantities(st)``, ``dates(st)``, ``periods(st)``: the numbers, dates and periods of a sentence,
  computed once and read by every extractor;
- ``attributions``: who each sentence credits and how sure it is (``attribution.Attributions``).

Spans are moved to the original text once, by the pipeline, after every extractor has run. A
sentence's own offsets are relative to its start (``local``) where that is said.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from saksi.model import Article, Mention, Sentence

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
BULLET = re.compile(r"^[ \t]*(?:[-–—•*·▪●◦‣►>]|\d{1,2}[.)])[ \t]+")
# a comma that is no thousands or decimal separator ("3,000", "3,5 juta")
COMMA = r"(?:(?<!\d),|,(?!\d))"
HARD_BREAK = re.compile(r"[;:!?()\[\]]|(?<!\w)[.](?!\w)|\s[-–—]\s|[“”\"]")
SOFT_BREAK = re.compile(COMMA + r"|[;:!?()\[\]]|(?<!\w)[.](?!\w)|\s[-–—]\s|[“”\"]")
PERSON, ORG, GPE, LOC, MEDIA = "PERSON", "ORG", "GPE", "LOC", "MEDIA"


@dataclass
class Sent:
    """A sentence as the extractors see it."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    caption: bool
    lang: str
    item: bool = False  # a list item ("- 100 rudal balistik")
    header: int | None = None  # index of the sentence heading the list this item belongs to
    body_start: int = 0  # local offset where the item's text starts (after its bullet)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # local spans of quoted speech
    _mentions: list[Mention] | None = None
    _words: frozenset | None = None
    _local: object | None = None

    @property
    def words(self) -> frozenset:
        """The sentence's lower-case words (to skip cue scans that cannot match)."""
        if self._words is None:
            from saksi.extract.cues import text_words

            self._words = text_words(self.text)
        return self._words

    def in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quotes)


class Local:
    """A sentence's mentions with offsets relative to it: iterable as (start, end, mention), with
    lookups that stay cheap however many names a (pathological) sentence holds."""

    __slots__ = ("ms", "starts", "at")

    def __init__(self, st: "Sent", mentions: list[Mention]):
        self.ms = [(m.start - st.start, m.end - st.start, m) for m in mentions]
        self.starts = [a for a, _, _ in self.ms]
        self.at: dict[int, tuple[int, Mention]] = {}
        for a, b, m in self.ms:
            if a not in self.at or b > self.at[a][0]:
                self.at[a] = (b, m)

    def __iter__(self):
        return iter(self.ms)

    def __reversed__(self):
        return reversed(self.ms)

    def __len__(self) -> int:
        return len(self.ms)

    def __bool__(self) -> bool:
        return bool(self.ms)

    def between(self, lo: int, hi: int) -> list[tuple[int, int, Mention]]:
        """Mentions inside [lo, hi)."""
        i = bisect_left(self.starts, lo)
        out = []
        while i < len(self.ms) and self.ms[i][0] < hi:
            if self.ms[i][1] <= hi:
                out.append(self.ms[i])
            i += 1
        return out

    def starting(self, lo: int, hi: int) -> list[tuple[int, int, Mention]]:
        """Mentions starting inside [lo, hi) (they may end after hi)."""
        i = bisect_left(self.starts, lo)
        out = []
        while i < len(self.ms) and self.ms[i][0] < hi:
            out.append(self.ms[i])
            i += 1
        return out


MAX_SENTENCE = 20000  # longer "sentences" are not prose: only their start is read for numbers


class ArticleDoc:
    """One article annotated in layers: sentences, names, quantities, dates, periods, attributions."""

    def __init__(self, article: Article, text: str, resolver, ref, mentions: list[Mention]):
        self.article = article
        self.text = text
        self.resolver = resolver
        self.kb = getattr(resolver, "kb", None)
        self.ref = ref
        self.mentions = sorted((m for m in mentions or () if m.end > m.start), key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._entities: dict[str, object] = {}
        self.sents = self._sentences(article, text)
        self._quantities: dict[int, list] = {}
        self._dates: dict[int, list] = {}
        self._periods: dict[int, list] = {}
        self._attributions = None

    # ------------------------------------------------------------ layers read by every extractor
    @property
    def attributions(self):
        """Who each sentence credits and how sure it is, read in order (sources point back)."""
        if self._attributions is None:
            from saksi.extract.attribution import Attributions

            self._attributions = Attributions(self)
        return self._attributions

    def quantities(self, st: "Sent") -> list:
        """Every amount of the sentence (``numbers.find_quantities``), offsets local to it."""
        if st.index not in self._quantities:
            from saksi.extract.numbers import find_quantities

            self._quantities[st.index] = _safe(find_quantities, st.text[:MAX_SENTENCE], st.lang)
        return self._quantities[st.index]

    def dates(self, st: "Sent") -> list:
        if st.index not in self._dates:
            from saksi.extract.dates import find_dates

            self._dates[st.index] = _safe(find_dates, st.text[:MAX_SENTENCE], st.lang, self.ref)
        return self._dates[st.index]

    def periods(self, st: "Sent") -> list:
        if st.index not in self._periods:
            from saksi.extract.dates import find_periods

            self._periods[st.index] = _safe(find_periods, st.text[:MAX_SENTENCE], st.lang, self.ref)
        return self._periods[st.index]

    # ------------------------------------------------------------ sentences
    def _sentences(self, article: Article, text: str) -> list[Sent]:
        paragraphs = article.paragraphs or []
        sentences: list[Sentence] = list(article.sentences or [])
        if not sentences and text:
            from saksi.text.segment import sentence_spans

            lang = article.language or "en"
            for s, e in sentence_spans(text, lang):
                sentences.append(Sentence(s, e, text[s:e], 0))
        out: list[Sent] = []
        item_paragraphs: dict[int, int] = {}  # paragraph -> offset where its item text starts
        for pi, p in enumerate(paragraphs):
            m = BULLET.match(p.text)
            if m:
                item_paragraphs[pi] = p.start + m.end()
        for i, s in enumerate(sentences):
            lang = article.language or "en"
            if 0 <= s.paragraph < len(paragraphs) and paragraphs[s.paragraph].language:
                lang = paragraphs[s.paragraph].language
            st = Sent(i, s.start, s.end, text[s.start:s.end], s.paragraph, bool(s.caption), lang)
            if paragraphs and s.paragraph in item_paragraphs:
                st.item = True
                st.body_start = min(len(st.text), max(0, item_paragraphs[s.paragraph] - st.start))
            elif not paragraphs:
                m = BULLET.match(st.text)
                if m:
                    st.item = True
                    st.body_start = m.end()
            st.quotes = quote_spans(st.text)
            out.append(st)
        # list headers: the sentence ending with ':' just before a run of items
        header: int | None = None
        for st in out:
            if st.item:
                if header is not None:
                    st.header = header
                continue
            header = st.index if st.text.rstrip(" \t”\"'").endswith(":") else None
        return out

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside text[start:end], in order."""
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end <= end:
                out.append(m)
            i += 1
        return out

    def sent_mentions(self, st: Sent) -> list[Mention]:
        if st._mentions is None:
            st._mentions = self.mentions_in(st.start, st.end)
        return st._mentions

    def local(self, st: Sent) -> Local:
        """The sentence's mentions, relative to it."""
        if st._local is None:
            st._local = Local(st, self.sent_mentions(st))
        return st._local

    # ------------------------------------------------------------ entities
    def entity(self, m: Mention | str | None):
        """The KB (or article) entity behind a mention or a canonical name."""
        if m is None:
            return None
        name = m.canonical if isinstance(m, Mention) else m
        if name in self._entities:
            return self._entities[name]
        e = None
        if self.kb is not None:
            try:
                e = self.kb.get(name)
            except Exception:  # noqa: BLE001 - a resolver of another shape: fall back below
                e = None
        if e is None and self.resolver is not None:
            try:
                e = self.resolver.resolve(name)
            except Exception:  # noqa: BLE001
                e = None
        self._entities[name] = e
        return e

    def etype(self, m: Mention) -> str:
        return (m.type or "").upper()

    def is_state(self, m: Mention) -> bool:
        """A country (not a city standing for it)."""
        if self.etype(m) != GPE:
            return False
        e = self.entity(m)
        if e is None:
            return True
        country = getattr(e, "country", None)
        return not country or country == getattr(e, "id", None)

    def is_place(self, m: Mention) -> bool:
        """A city, region or site (not a country)."""
        t = self.etype(m)
        return t == LOC or (t == GPE and not self.is_state(m))

    def state_of(self, m: Mention) -> str | None:
        """The country a person, place or body belongs to, by canonical name."""
        e = self.entity(m)
        code = getattr(e, "country", None) if e is not None else None
        if code and self.kb is not None:
            s = self.kb.get(code)
            if s is not None:
                return s.name
        return None

    def actor(self, m: Mention, *, person_as_state: bool = True) -> str | None:
        """The canonical actor a mention stands for: Pyongyang → North Korea; a person → their state."""
        t = self.etype(m)
        if t == PERSON:
            if person_as_state:
                return self.state_of(m) or m.canonical
            return m.canonical
        e = self.entity(m)
        if e is not None and self.kb is not None and getattr(e, "metonym_of", None):
            a = self.kb.actor(e)
            if a is not None:
                return a.name
        if t in (GPE, LOC) and not self.is_state(m) and not getattr(e, "metonym_of", None):
            return None  # a city or region does nothing by itself
        return m.canonical

    def recipient(self, m: Mention) -> str | None:
        """A receiver: a state, a body, or a place standing for the state it lies in (Kursk → Russia)."""
        t = self.etype(m)
        if t == PERSON:
            return self.state_of(m) or m.canonical
        if t in (GPE, LOC):
            e = self.entity(m)
            if e is not None and self.kb is not None and getattr(e, "metonym_of", None):
                a = self.kb.actor(e)
                return a.name if a is not None else m.canonical
            if self.is_state(m):
                return m.canonical
            return self.state_of(m)
        if t == MEDIA:
            return None
        e = self.entity(m)
        if e is not None and self.kb is not None and getattr(e, "metonym_of", None):
            a = self.kb.actor(e)  # "à l'armée russe": an army receives for its state
            if a is not None:
                return a.name
        return m.canonical

    # ------------------------------------------------------------ helpers
    def prev_in_paragraph(self, st: Sent) -> Sent | None:
        if st.index > 0:
            p = self.sents[st.index - 1]
            if p.paragraph == st.paragraph:
                return p
        return None

    def prev(self, st: Sent) -> Sent | None:
        return self.sents[st.index - 1] if st.index > 0 else None


_OPEN = re.compile(r'[“«„"]')
_CLOSE = {"“": "”", "«": "»", "„": "“", '"': '"'}


def quote_spans(s: str) -> list[tuple[int, int]]:
    """Local spans of quoted speech: “...” pairs and straight-quote pairs of a sentence (an opening
    mark never closed runs to the end; a lone straight quote opens nothing)."""
    out: list[tuple[int, int]] = []
    n = len(s)
    pos = 0
    while True:
        m = _OPEN.search(s, pos)
        if m is None:
            return out
        i = m.start()
        ch = s[i]
        j = s.find(_CLOSE[ch], i + 1)
        if j < 0 and ch == "„":
            j = s.find("”", i + 1)
        if j < 0:
            if ch == '"':
                return out
            j = n - 1
        out.append((i, j + 1))
        pos = j + 1


def words(s: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(s, start, len(s) if end is None else end)]


def gap_words(s: str, a: int, b: int) -> int:
    """How many words stand in s[a:b]."""
    if b <= a:
        return 0
    return sum(1 for _ in WORD.finditer(s, a, b))


def _safe(read, *args) -> list:
    """A layer of a sentence; text no reader can take (absurd digit runs, nesting) has none."""
    try:
        return read(*args)
    except (ValueError, OverflowError, RecursionError):
        return []


def annotate(article: Article, text: str, resolver, ref, mentions) -> ArticleDoc:
    """The annotated document of one article (``text`` is its normalised text)."""
    return ArticleDoc(article, text, resolver, ref, mentions)
