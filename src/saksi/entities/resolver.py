"""Names in one article → canonical entities.

    kb = KB.load()                                   # once per process
    r = ArticleResolver(kb, ner=None, languages=("id",), date="2025-06-02")   # once per article
    r.mentions(paragraph_text, ner_spans)            # -> [saksi.model.Mention], call per paragraph in order
    r.resolve("Kim")                                 # the Kim named earlier in this article
    r.resolve("Pyongyang", as_actor=True).name       # 'North Korea'

``resolve`` tries, in order: names this article already introduced; the KB's exact aliases and role
titles ("Menteri Pertahanan Rusia" → its holder at the article's date); short forms of people named
earlier in the article ("Belousov", "Kim", "Choe"); a conservative fuzzy match against entities of the
same type ("Lee Swong-kweun" → Lee Seong-kweun). ``mentions`` scans the text for every KB alias, adds
the NER spans (an unknown name becomes a new entity under its own, cleaned, name, if it reads as a
name: no lower-case word, no phrase of common words, see ``_vouched``; an organisation's span around
KB names is a body of its own, see ``_body``: "Kementerian Kesehatan Gaza" is not Gaza), fuzzy-matches
capitalised word runs the KB did not know exactly, finds the article's short forms, and hangs role
titles on the names they stand next to ("Menteri Pertahanan Rusia, Andrey Belousov").

Everything is in memory and per article: an ArticleResolver costs next to nothing to make.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz, process

from saksi.entities import lexicon
from saksi.entities.kb import KB, TOKEN_RE, Entity, fold, name_key, raw_tokens
from saksi.model import Mention

__all__ = ["ArticleResolver", "KB", "clean_name", "label_types"]

FUZZY_CUTOFF = 85  # rapidfuzz ratio over the whole name
FUZZY_TOKEN_CUTOFF = 60  # ratio of the one word that differs
FUZZY_MIN_CHARS = 6  # never fuzzy-match shorter names
FUZZY_SINGLE_CUTOFF = 90  # one-word names need more
FUZZY_CHUNK_TYPES = ("PERSON", "ORG", "MEDIA")

_NER_LABELS = {
    "PERSON": ("PERSON",), "PER": ("PERSON",), "PERS": ("PERSON",),
    "ORG": ("ORG", "MEDIA"), "ORGANIZATION": ("ORG", "MEDIA"), "MEDIA": ("MEDIA", "ORG"),
    "GPE": ("GPE", "LOC"), "LOC": ("LOC", "GPE"), "LOCATION": ("LOC", "GPE"), "FAC": ("LOC", "GPE"),
    "NORP": ("GPE",),
}
_NEW_TYPE = {"PERSON": "PERSON", "PER": "PERSON", "PERS": "PERSON", "ORG": "ORG", "ORGANIZATION": "ORG",
             "MEDIA": "MEDIA", "GPE": "GPE", "LOC": "LOC", "LOCATION": "LOC", "FAC": "LOC", "NORP": "GPE"}

_EDGE_JUNK = "\"'“”‘’«»()[]{}<>.,;:!?*•·-–—/\\|#@ \t\n\u00a0"
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_ROLE_BEFORE_NAME = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*")  # "Menteri Pertahanan Rusia, Andrey Belousov"
_ROLE_AFTER_NAME = re.compile(r"[ \t\u00a0]*[,(][ \t\u00a0]*")  # "Valery Gerasimov, Kepala Staf Umum Rusia"


def label_types(label: str | None) -> tuple[str, ...]:
    """The KB types an NER label may stand for (empty: any)."""
    return _NER_LABELS.get((label or "").upper(), ())


def clean_name(name: str, honorifics: frozenset[str] = frozenset()) -> str:
    """A name as NER or a caller gives it, without quotes, brackets, a possessive or a leading title."""
    s = re.sub(r"\s+", " ", name or "").strip(_EDGE_JUNK)
    s = _POSSESSIVE.sub("", s).strip(_EDGE_JUNK)
    words = s.split(" ")
    while len(words) > 1 and words[0] in honorifics:
        words = words[1:]
    return " ".join(words).strip(_EDGE_JUNK)


@dataclass
class _Item:
    start: int
    end: int
    text: str
    entity: Entity | None
    kind: str  # name | adj | role | ner | fuzzy | short
    role: str | None = None

    def mention(self) -> Mention:
        e = self.entity
        return Mention(self.start, self.end, self.text, e.name, e.type, e.qid, self.role)


class ArticleResolver:
    """Resolves the names of one article; remembers what the article has named so far."""

    def __init__(self, kb: KB, ner=None, languages: tuple[str, ...] | list[str] | str | None = None,
                 date: str | None = None):
        self.kb = kb
        self.ner = ner
        if isinstance(languages, str):
            languages = (languages,)
        if not languages and getattr(ner, "lang", None):
            languages = (ner.lang,)
        self.languages = tuple(languages or ())
        self.date = date
        self._ranks = frozenset(str(h) for h in kb.config.get("ranks") or ())
        self._honorifics = frozenset(str(h) for h in kb.config.get("honorifics") or ()) | self._ranks
        self._min_short = int(kb.config.get("min_short_form") or 3)
        self._family_first = frozenset(str(c) for c in kb.config.get("family_first_countries") or ())
        self._local: dict[tuple[str, ...], Entity] = {}  # names this article introduced (new entities)
        self._short: dict[tuple[str, ...], list[Entity]] = {}  # short form -> people it may stand for
        self._seen: dict[str, list[int]] = {}  # entity id -> positions of its full mentions
        self._clock = 0  # position of the current text in the article (texts are read in order)
        self._resolved: dict[tuple, Entity | None] = {}
        self._short_pat: re.Pattern | None = None
        self._local_pat: re.Pattern | None = None

    # ------------------------------------------------------------ single names
    def resolve(self, name: str, as_actor: bool = False, label: str | None = None) -> Entity | None:
        """The entity a name stands for in this article, or None.

        ``as_actor`` turns a capital or seat of power (or a state's ministry or army) into its state;
        ``label`` (an NER label) restricts fuzzy matching to entities of that type."""
        entity, _ = self._resolve(name, label, None)
        return self.kb.actor(entity) if as_actor else entity

    def role_of(self, name: str) -> str | None:
        """The role title itself if ``name`` is one ("Presiden Korut"), else None."""
        cleaned = clean_name(name, self._honorifics)
        return cleaned if cleaned and self.kb.is_role(cleaned) else None

    def actor(self, mention: Mention | str | None) -> str | None:
        """The canonical name of a mention (or name) as the actor of a claim: Pyongyang → North Korea."""
        if mention is None:
            return None
        if isinstance(mention, Mention):
            e = self.kb.get(mention.canonical) or self._local.get(name_key(mention.canonical))
            return self.kb.actor(e).name if e else mention.canonical
        e = self.resolve(mention, as_actor=True)
        return e.name if e else None

    def _resolve(self, name: str, label: str | None, pos: int | None,
                 cased: bool = False) -> tuple[Entity | None, str | None]:
        """``cased``: ``name`` is as written in running text (an NER span), where a word in lower
        case is a name only if the KB lists it in lower case ("medan", a field, is not Medan)."""
        cleaned = clean_name(name, self._honorifics)
        if not cleaned:
            return None, None
        key = name_key(cleaned)
        if not key:
            return None, None
        lower = cased and not _has_capital(cleaned)
        if key in self._local and not lower:
            return self._local[key], None
        e = self.kb.lookup(cleaned, date=self.date, cased=cased)
        if e is not None:
            return e, (cleaned if self.kb.is_role(cleaned) else None)
        if self.kb.is_role(cleaned):  # a title nobody (or more than one) holds at the date
            return None, cleaned
        if lower:
            return None, None
        e = self._short_form(key, pos)
        if e is not None:
            return e, None
        types = label_types(label)
        memo = (key, types)
        if memo not in self._resolved:
            self._resolved[memo] = self._fuzzy(key, types, single_ok=True)
        return self._resolved[memo], None

    # ------------------------------------------------------------ short forms
    def _note(self, e: Entity, pos: int) -> None:
        """Record a full mention of an entity (for short forms and recency)."""
        positions = self._seen.setdefault(e.id, [])
        if not positions or positions[-1] <= pos:
            positions.append(pos)
        else:
            positions.insert(bisect_left(positions, pos), pos)
        if e.type != "PERSON" or len(positions) > 1:
            return
        for form in self._short_forms(e):
            bucket = self._short.setdefault(form, [])
            if e not in bucket:
                bucket.append(e)
                self._short_pat = None

    def _short_forms(self, e: Entity) -> list[tuple[str, ...]]:
        forms = [name_key(s) for s in e.short]
        words = raw_tokens(e.name)
        if len(words) > 1:
            family_first = e.family_first if e.family_first is not None else e.country in self._family_first
            family = words[0] if family_first else words[-1]
            if len(family) >= self._min_short and family[:1].isupper():
                forms.append((fold(family),))
        return [f for f in forms if f]

    def _local_re(self) -> re.Pattern:
        if self._local_pat is None:
            names = sorted((k for k in self._local), key=lambda k: (-len(k), -len(" ".join(k))))
            alt = "|".join(r"[\s\-'’.]{1,3}".join(re.escape(w) for w in k) for k in names) or "(?!)"
            self._local_pat = re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)
        return self._local_pat

    def _short_re(self) -> re.Pattern:
        if self._short_pat is None:
            forms = sorted((k[0] for k in self._short if len(k) == 1), key=len, reverse=True)
            alt = "|".join(re.escape(f) for f in forms) or "(?!)"
            self._short_pat = re.compile(rf"(?<!\w)({alt})(?!\w)", re.IGNORECASE)
        return self._short_pat

    def _short_form(self, key: tuple[str, ...], pos: int | None) -> Entity | None:
        cands = self._short.get(key)
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        if pos is None:  # the one named last
            return max(cands, key=lambda e: self._seen[e.id][-1])
        before = [(self._seen[e.id][bisect_left(self._seen[e.id], pos) - 1], e) for e in cands
                  if bisect_left(self._seen[e.id], pos) > 0]
        if before:
            return max(before, key=lambda t: t[0])[1]
        return min(cands, key=lambda e: self._seen[e.id][0])

    # ------------------------------------------------------------ fuzzy
    def _fuzzy(self, key: tuple[str, ...], types: tuple[str, ...], single_ok: bool) -> Entity | None:
        query = " ".join(key)
        if len(query.replace(" ", "")) < FUZZY_MIN_CHARS or (len(key) == 1 and not single_ok):
            return None
        memo = self.kb.__dict__.setdefault("_fuzzy_memo", {})  # the KB is fixed: results hold for every article
        mkey = (key, types, single_ok)
        if mkey in memo:
            return memo[mkey]
        if len(memo) > 200_000:
            memo.clear()
        memo[mkey] = found = self._fuzzy_search(query, key, types)
        return found

    def _fuzzy_search(self, query: str, key: tuple[str, ...], types: tuple[str, ...]) -> Entity | None:
        table = self.kb.fuzzy_choices()
        strings = self.kb.fuzzy_strings()
        best: list[tuple[float, Entity]] = []
        for t in types or tuple(table):
            choices = strings.get(t)
            if not choices:
                continue
            for _, score, idx in process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=8):
                alias_key, entity, n = table[t][idx]
                if n != len(key) or not _words_close(key, tuple(alias_key.split(" "))):
                    continue
                if n == 1 and score < FUZZY_SINGLE_CUTOFF:
                    continue
                best.append((score, entity))
        if not best:
            return None
        best.sort(key=lambda t: -t[0])
        top = best[0][0]
        winners = {e.id: e for s, e in best if s == top}
        return next(iter(winners.values())) if len(winners) == 1 else None

    # ------------------------------------------------------------ running text
    def mentions(self, text: str, ner_spans=None) -> list[Mention]:
        """Every entity named in ``text``: KB names, NER spans (tuples ``(start, end, label)``),
        fuzzy matches and short forms, with role titles attached to the names beside them.

        Call it on an article's texts in reading order (a paragraph at a time is fine): short forms
        refer back to what earlier calls saw. ``ner_spans=None`` runs the resolver's own ``ner``
        (if any) on the text; pass ``()`` for none."""
        base = self._clock
        self._clock += len(text) + 1
        items: list[_Item] = []
        for m in self.kb.find_mentions(text, langs=self.languages, date=self.date):
            items.append(_Item(m.start, m.end, m.text, m.entity, m.kind, m.role))
        for it in items:
            if it.entity is not None:
                self._note(it.entity, base + it.start)
        taken = _Intervals((it.start, it.end) for it in items)

        # NER spans the KB did not cover
        if ner_spans is None:
            ner_spans = self._run_ner(text)
        for span in ner_spans or ():
            s, e, label = _span(span)
            if s is None or e <= s:
                continue
            if taken.overlaps(s, e):
                body = self._body(text, s, e, label, items)
                if body is not None:
                    items = [it for it in items if not (body.start <= it.start and it.end <= body.end)]
                    items.append(body)
                    taken = _Intervals((it.start, it.end) for it in items)
                    self._note(body.entity, base + body.start)
                continue
            s, e = _trim(text, s, e, self._honorifics)
            # a rank anywhere in a span marks a person's name after it ("Papua Irjen Mathius Fakhiri")
            after_rank = _after_last(text, s, e, self._ranks)
            if after_rank > s:
                s, label = after_rank, "PERSON"
            elif label_types(label) == ("PERSON",):
                s = _after_last(text, s, e, self._honorifics)
            if e <= s:
                continue
            surface = text[s:e]
            entity, role = self._resolve(surface, label, base + s, cased=True)
            if entity is None and role is not None:
                continue  # a title with no holder: not a name
            if entity is None:
                if not self._vouched(text, s, e):
                    continue
                entity = self._new_entity(surface, label)
                if entity is None:
                    continue
            items.append(_Item(s, e, surface, entity, "ner", role))
            taken.add(s, e)
            self._note(entity, base + s)

        # capitalised word runs that are near misses of KB names ("Lee Swong-kweun")
        for s, e, key in _name_runs(text, taken):
            entity = self._fuzzy_run(key)
            if entity is not None:
                items.append(_Item(s, e, text[s:e], entity, "fuzzy"))
                taken.add(s, e)
                self._note(entity, base + s)

        # names this article introduced earlier (through NER), wherever they come again
        if self._local:
            for m in self._local_re().finditer(text):
                s, e = m.span()
                entity = self._local.get(name_key(m.group(0)))
                if entity is not None and not taken.overlaps(s, e):
                    items.append(_Item(s, e, m.group(0), entity, "ner"))
                    taken.add(s, e)
                    self._note(entity, base + s)

        # short forms of people named earlier ("Belousov", "Kim")
        if self._short:
            for m in self._short_re().finditer(text):
                s, e = m.span()
                word = m.group(1)
                if not word[:1].isupper() or taken.overlaps(s, e):
                    continue
                nxt = _NEXT_WORD.match(text, e)  # "Kim" of an unknown "Kim Song Il" is not our Kim
                if nxt and nxt.group(1)[:1].isupper():
                    continue
                entity = self._short_form((fold(word),), base + s)
                if entity is not None:
                    items.append(_Item(s, e, word, entity, "short"))
                    taken.add(s, e)
                    self._note(entity, base + s)

        items.sort(key=lambda it: it.start)
        out = self._attach_roles(text, items)
        return [it.mention() for it in out]

    def _attach_roles(self, text: str, items: list[_Item]) -> list[_Item]:
        drop: set[int] = set()
        for i, it in enumerate(items):
            if it.kind != "role":
                continue
            nxt = items[i + 1] if i + 1 < len(items) else None
            prev = items[i - 1] if i > 0 else None
            if nxt and nxt.kind != "role" and nxt.entity is not None and nxt.entity.type == "PERSON" \
                    and _ROLE_BEFORE_NAME.fullmatch(text[it.end:nxt.start]) and nxt.role is None:
                nxt.role = it.text
                drop.add(i)
            elif prev and prev.kind != "role" and prev.entity is not None and prev.entity.type == "PERSON" \
                    and prev.role is None and i - 1 not in drop and _ROLE_AFTER_NAME.fullmatch(text[prev.end:it.start]):
                prev.role = it.text
                drop.add(i)
        out: list[_Item] = []
        for i, it in enumerate(items):
            if it.kind == "role" and it.entity is None:
                drop.add(i)
            if i in drop:
                if it.kind == "role":
                    out.extend(self._inner(text, it))
                continue
            out.append(it)
        out.sort(key=lambda it: it.start)
        return out

    def _inner(self, text: str, role: _Item) -> list[_Item]:
        """The places named inside a title ("anggota parlemen Korea Selatan" → South Korea)."""
        return self._places_in(text, role.start, role.end, depth=0)

    def _places_in(self, text: str, start: int, end: int, depth: int) -> list[_Item]:
        found: list[_Item] = []
        for m in self.kb.find_mentions(text[start:end], langs=self.languages, date=self.date, roles=False):
            s, e = start + m.start, start + m.end
            if m.entity is not None and m.entity.type in ("GPE", "LOC"):
                found.append(_Item(s, e, m.text, m.entity, m.kind))
            elif depth < 3:
                words = list(TOKEN_RE.finditer(m.text))
                if len(words) > 1:
                    found.extend(self._places_in(text, s + words[1].start(), e, depth + 1))
        return found

    def _vouched(self, text: str, s: int, e: int) -> bool:
        """Whether an NER span no KB name covers reads as a name: it has a capital (a lower-case
        word is no proper name: "memveto", "jor-joran"), and it is not mostly the language's common
        words ("kawasan Timur", "Assurance", a headline's "Merugi") unless typography makes it one:
        two or more words, each capitalised in a line of running text ("Storm Corps")."""
        surface = text[s:e]
        if _has_cased(surface) and not _has_capital(surface):
            return False
        if not any(lexicon.mostly_common(surface, lang) for lang in self.languages):
            return True
        return len(TOKEN_RE.findall(surface)) > 1 and _capitalised(text, s, e) and not _headline(text, s)

    def _body(self, text: str, s: int, e: int, label: str | None, items: list[_Item]) -> _Item | None:
        """An organisation's NER span around KB names that is a body of its own, not the place or
        wider body it names: "Kementerian Kesehatan Gaza" is Gaza's health ministry, not Gaza;
        "Badan Pengungsi PBB" not the UN. The span must hold its KB names whole (places,
        organisations, outlets; no person, no title) and add capitalised words of its own besides a
        sentence's first word; a KB name for the whole span wins."""
        if "ORG" not in label_types(label):
            return None
        s, e = _trim(text, s, e, self._honorifics)
        if _sentence_start(text, s):  # a sentence's "The Gaza Health Ministry": the name after "The"
            first = TOKEN_RE.match(text, s)
            if first and len(first.group()) <= _FUNCTION_LEN and \
                    any(lexicon.mostly_common(first.group(), lang) for lang in self.languages):
                s = _trim(text, first.end(), e, self._honorifics)[0]
        inner = [it for it in items if it.start < e and s < it.end]
        if not inner or any(it.start < s or it.end > e or it.kind == "role" or it.entity is None
                            or it.entity.type == "PERSON" for it in inner):
            return None
        if len(inner) == 1 and (inner[0].start, inner[0].end) == (s, e):
            return None
        own = [m for m in TOKEN_RE.finditer(text, s, e)
               if not any(it.start <= m.start() < it.end for it in inner)]
        first_forced = _sentence_start(text, s)
        if not any(m.group()[:1].isupper() and not (first_forced and m.start() == s) for m in own):
            return None
        if not _capitalised(text, s, e) or _headline(text, s):
            return None
        surface = text[s:e]
        entity, role = self._resolve(surface, label, None, cased=True)
        if role is not None:
            return None
        entity = entity or self._new_entity(surface, label)
        return _Item(s, e, surface, entity, "ner") if entity is not None else None

    def _fuzzy_run(self, key: tuple[str, ...]) -> Entity | None:
        memo = (key, "run")
        if memo not in self._resolved:
            self._resolved[memo] = self._fuzzy(key, FUZZY_CHUNK_TYPES, single_ok=False)
        return self._resolved[memo]

    def _new_entity(self, surface: str, label: str | None) -> Entity | None:
        cleaned = clean_name(surface, self._honorifics)
        key = name_key(cleaned)
        if not key or len(cleaned) < 2:
            return None
        if key in self._local:
            return self._local[key]
        etype = _NEW_TYPE.get((label or "").upper(), "ORG")
        e = Entity(id=f"new:{'-'.join(key)}", name=cleaned, type=etype, source="article")
        self._local[key] = e
        self._local_pat = None
        return e

    def _run_ner(self, text: str):
        ner = self.ner
        if ner is None:
            return ()
        if hasattr(ner, "spans"):
            return ner.spans(text)
        if callable(ner):
            return ner(text)
        return ()

    # ------------------------------------------------------------ what the article named
    def seen(self) -> list[Entity]:
        """Entities this article has named so far, in order of first mention."""
        ids = sorted(self._seen, key=lambda i: self._seen[i][0])
        return [self.kb.entities.get(i) or next(e for e in self._local.values() if e.id == i) for i in ids]


# ---------------------------------------------------------------- helpers
def _has_capital(s: str) -> bool:
    return any(c.isupper() for c in s)


def _has_cased(s: str) -> bool:
    """Whether the script writes case at all (Latin, Cyrillic do; Hangul, Arabic do not)."""
    return any(c.isupper() or c.islower() for c in s)


_FUNCTION_LEN = 3  # words shorter than this ("de", "of", "al") may stay lower case inside a name


def _capitalised(text: str, s: int, e: int) -> bool:
    """Every word of the span of three letters or more starts with a capital."""
    words = [w for w in TOKEN_RE.findall(text[s:e]) if len(w) >= _FUNCTION_LEN and w[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words)


def _sentence_start(text: str, s: int) -> bool:
    """Whether `s` opens a line or a sentence, where a capital says nothing about a name."""
    i = s
    while i > 0 and text[i - 1] in " \t\u00a0\"'“‘«(—–-":
        i -= 1
    return i == 0 or text[i - 1] in "\n.!?:;"


def _headline(text: str, s: int) -> bool:
    """Whether the line holding `s` is a headline (capitals say nothing there): set in title case
    (four words in five capitalised) and not ended as a sentence is."""
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", s)
    line = text[a:b if b >= 0 else len(text)].rstrip()
    if line.endswith((".", "!", "?", "”", '"', ")", "»")):
        return False
    words = [w for w in TOKEN_RE.findall(line) if len(w) > _FUNCTION_LEN and w[:1].isalpha()]
    return len(words) >= 3 and 5 * sum(w[:1].isupper() for w in words) >= 4 * len(words)


def _words_close(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same number of words, at most one differing (two for names of four or more words), and each
    differing pair is a plausible misspelling: same first letter, three letters or more, similar."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) > (2 if len(a) >= 4 else 1):
        return False
    if len(a) > 1 and len(diff) == len(a):
        return False
    for x, y in diff:
        if x[0] != y[0] or min(len(x), len(y)) < 3 or fuzz.ratio(x, y) < FUZZY_TOKEN_CUTOFF:
            return False
    return True


def _span(span):
    if isinstance(span, (tuple, list)) and len(span) >= 3:
        return int(span[0]), int(span[1]), str(span[2])
    s = getattr(span, "start", getattr(span, "start_char", None))
    e = getattr(span, "end", getattr(span, "end_char", None))
    label = getattr(span, "label", getattr(span, "label_", None))
    if s is None or e is None:
        return None, 0, ""
    return int(s), int(e), str(label or "")


def _trim(text: str, s: int, e: int, honorifics: frozenset[str]) -> tuple[int, int]:
    """Shrink an NER span to the name: no edge punctuation, possessive or leading title; and grow it
    over a hyphenated rest NER tokenisers cut off ("Lee Swong" + "-kweun")."""
    while e + 1 < len(text) and text[e] == "-" and text[e + 1].isalnum():
        m = _HYPHEN_REST.match(text, e + 1)
        if m.group(0).lower() in _ENCLITICS:
            break
        e = m.end()
    while s < e and text[s] in _EDGE_JUNK:
        s += 1
    while e > s and text[e - 1] in _EDGE_JUNK:
        e -= 1
    m = _POSSESSIVE.search(text, s, e)
    if m and m.end() == e and e - s > 3:
        e = m.start()
    while True:
        m = re.match(r"(\S+)\s+", text[s:e])
        if not m or m.group(1) not in honorifics:
            break
        s += m.end()
    return s, e


def _after_last(text: str, s: int, e: int, words: frozenset[str]) -> int:
    """Where the span's rest starts after the last of these words (`s` if none); never its last word."""
    return s + max((m.end() for m in re.finditer(r"(\S+)\s+", text[s:e]) if m.group(1) in words), default=0)


_NEXT_WORD = re.compile(r"[ -](\w+)")
_HYPHEN_REST = re.compile(r"\w+")
_ENCLITICS = frozenset({"nya", "lah", "kah", "pun", "tah"})  # Indonesian/Malay: "Putin-nya" is Putin
# a run of two or more capitalised words; a hyphen may join a lower-case part ("Lee Seong-kweun")
_NAME_RUN = regex.compile(r"\p{Lu}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+)*(?: \p{Lu}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+)*)+")
_RUN_PART = regex.compile(r"\p{Lu}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+)*")


def _name_runs(text: str, taken: "_Intervals", max_words: int = 4):
    """Runs of 2+ capitalised words that no mention covers yet; each run and its sub-runs,
    longest first, as (start, end, key)."""
    for run in _NAME_RUN.finditer(text):
        parts = [(m.start(), m.end()) for m in _RUN_PART.finditer(text, run.start(), run.end())]
        # split the run where a mention already sits
        groups: list[list[tuple[int, int]]] = [[]]
        for s, e in parts:
            if taken.overlaps(s, e):
                groups.append([])
            else:
                groups[-1].append((s, e))
        for words in groups:
            if len(words) < 2:
                continue
            done: list[tuple[int, int]] = []
            for n in range(min(max_words, len(words)), 1, -1):
                for i in range(0, len(words) - n + 1):
                    s, e = words[i][0], words[i + n - 1][1]
                    if any(s < de and ds < e for ds, de in done):
                        continue
                    yield s, e, name_key(text[s:e])
                    if taken.overlaps(s, e):  # the caller took it
                        done.append((s, e))


class _Intervals:
    """Sorted non-overlapping intervals with overlap tests."""

    def __init__(self, spans=()):
        self._spans: list[tuple[int, int]] = sorted(spans)

    def add(self, s: int, e: int) -> None:
        i = bisect_left(self._spans, (s, e))
        self._spans.insert(i, (s, e))

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self._spans, (s, e))
        for j in (i - 1, i):
            if 0 <= j < len(self._spans):
                a, b = self._spans[j]
                if a < e and s < b:
                    return True
        return False
