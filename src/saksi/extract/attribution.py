"""Who an article credits for what it says, and how sure it says it is.

For every sentence ``Attributions`` finds the sources its cues name, in the order they stand:

- cues followed by their source: "menurut laporan MSMT", "dikutip dari AFP", "according to Reuters",
  "citing X", "yang dikutip NBC News" (one link of a chain), and verbs of saying after a quote or a
  comma: "..., ujar Belousov", "..., said Lee";
- cues preceded by their source: "Kantor berita resmi KCNA melaporkan bahwa", "X said";
- sources without a name ("Laporan terbaru menyebutkan"), which make a claim reported all the same;
- sources pointing back ("laporan tersebut", "the report", "ia", "mereka"): the report, person or
  group named before;

and where the hedges, confirmations, denials, plans and estimates stand. Claims pick from this what
covers them (``claims.py``); ``cited_sources`` lists every named source of the article plus the news
agencies its photo credits and captions name, never the article's own outlet.

All cue words come from ``data/lang/<code>/attribution.yaml``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from saksi.extract.context import (
    GPE, MAX_SENTENCE, LOC, MEDIA, ORG, PERSON, SOFT_BREAK, WORD, ArticleDoc, Sent, gap_words,
)
from saksi.extract.cues import LangCues, cues

_NP_MAX_WORDS = 14
_CAP = r"(?:[^\W\d_a-z][\w'’\-.&]*)"  # a word starting with a capital letter (any script with case)


@dataclass
class Source:
    name: str
    start: int  # local offsets of the name in the sentence
    end: int
    report: bool = False  # named as a report ("laporan MSMT"): what "laporan tersebut" points back to
    type: str = ""


@dataclass
class Certainty:
    """Where a sentence hedges, confirms, plans or estimates (local offsets)."""

    strong: list[int] = field(default_factory=list)  # hedges: diduga, allegedly
    weak: list[int] = field(default_factory=list)  # dilaporkan, reportedly
    confirm: list[tuple[int, str | None, str | None]] = field(default_factory=list)  # (where, actor, name)
    plan: list[int] = field(default_factory=list)
    estimate: list[int] = field(default_factory=list)


@dataclass
class SentAttr:
    """What one sentence says about its sources and its certainty (local offsets)."""

    sources: list[Source] = field(default_factory=list)
    unnamed: bool = False  # a source without a name ("laporan terbaru menyebutkan")
    spans: list[tuple[int, int]] = field(default_factory=list)  # the phrases naming sources
    cues: list[int] = field(default_factory=list)  # where the cues of those sources stand
    deny: list[tuple[int, str | None, str | None]] = field(default_factory=list)  # (where, actor, name)
    parallel: list[frozenset[str]] = field(default_factory=list)  # names one cue gives side by side
    points_back: bool = False  # "That emerges from a new MSMT report": its sources are the sentence before's
    # Every sentence is read for its sources (later sentences point back to them), but only those
    # holding a claim are asked how sure they are: those scans (five cue lists) wait until then.
    _certainty: "Certainty | Callable[[], Certainty] | None" = field(default=None, repr=False, compare=False)

    @property
    def certainty(self) -> Certainty:
        if not isinstance(self._certainty, Certainty):
            self._certainty = self._certainty() if self._certainty is not None else Certainty()
        return self._certainty

    strong = property(lambda self: self.certainty.strong)
    weak = property(lambda self: self.certainty.weak)
    confirm = property(lambda self: self.certainty.confirm)
    plan = property(lambda self: self.certainty.plan)
    estimate = property(lambda self: self.certainty.estimate)

    def names(self) -> list[str]:
        return _dedupe(s.name for s in self.sources)

    def in_source(self, a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in self.spans)


def _dedupe(names) -> list[str]:
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return out


class Attributions:
    """The attribution of every sentence of an article, read in order (sources point back)."""

    def __init__(self, ctx: ArticleDoc):
        self.ctx = ctx
        self.by_sent: list[SentAttr | None] = [None] * len(ctx.sents)
        self._last_report: list[str] = []
        self._last_sources: list[str] = []
        self._last_person: str | None = None
        self._sourced_at: int | None = None  # the last sentence that named its sources
        self._done = -1

    def of(self, st: Sent) -> SentAttr:
        while self._done < st.index:
            self._done += 1
            s = self.ctx.sents[self._done]
            self.by_sent[self._done] = self._read(s)
        return self.by_sent[st.index] or SentAttr()

    # ------------------------------------------------------------ one sentence
    def _read(self, st: Sent) -> SentAttr:
        C = cues(st.lang)
        sa = SentAttr()
        if C is None:
            return sa
        s = st.text[:MAX_SENTENCE]  # a "sentence" of megabytes is no prose: read its start
        W = st.words
        ms = self.ctx.local(st)
        hits: list[tuple[int, list[Source], tuple[int, int]]] = []

        # sources after their cue ("menurut X"), and speech verbs after a comma/quote ("ujar X")
        taken: list[tuple[int, int]] = []
        for a, b, _, _ in C.src_after.finditer(s, words=W):
            srcs, span = self._np_after(st, C, ms, b, cue=a)
            if srcs or span:  # else the word may be a verb with its source before ("X told reporters")
                taken.append((a, b))
                hits.append((a, srcs, span))
        for a, b, _, _ in C.speech_after.finditer(s, words=W):
            if any(x <= a < y for x, y in taken) or not _after_quote_or_comma(s, a):
                continue
            srcs, span = self._np_after(st, C, ms, b, speech=True)
            if srcs or span:
                taken.append((a, b))
                hits.append((a, srcs, span))
        # a sentence pointing back ("That emerges from a report by X", "Hal ini terlihat dari laporan X"):
        # the sources it names are those of the sentence before, and a report here is what
        # "the report" later points to
        bp = None if C.back_pointers.absent(W) else C.back_pointers.search(s, st.body_start)
        if bp and gap_words(s, st.body_start, bp[0]) <= 2:
            srcs, span = self._np_after(st, C, ms, _skip_space(s, bp[1]), cue=bp[0])
            if not srcs:  # "...terlihat dari laporan anyar MSMT": the name a few words on
                end = _np_end(s, C, ms, bp[1])
                srcs = self._pick(st, C, ms.between(bp[1], end), True) or self._caps(st, C, bp[1], end, True)
                span = (bp[1], end) if srcs else None
            if srcs:
                for x in srcs:
                    x.report = x.report or bool(C.report_nouns.search(s, bp[1], x.start))
                taken.append((bp[0], bp[1]))
                hits.append((bp[0], srcs, span))
                sa.points_back = True
        # a speaker's name and a colon before what they say ("Zelensky: 11,000 North Korean troops ..."),
        # as live blogs and headlines write it
        head = _SPEAKER_COLON.match(s, st.body_start)
        if head and s[head.end():].strip():
            named = [x for x in ms.between(st.body_start, head.end(1) + 1) if x[2].type in (PERSON, ORG, MEDIA)]
            if named and gap_words(s, st.body_start, head.end(1)) <= 8 and gap_words(s, named[-1][1], head.end(1)) <= 1:
                a, b, m = named[-1]
                hits.append((a, [Source(m.canonical, a, b, False, m.type)], (a, head.end())))
                taken.append((a, head.end()))
        # a credit after a dash at the end ("... an Russland geliefert – Reuters", "... -- BERNAMA")
        dash = _DASH_CREDIT.search(s)
        if dash:
            for a, b, m in ms.between(dash.end(), len(s)):
                if m.type in (MEDIA, ORG, PERSON) and not s[b:].strip(" .)”\"'"):
                    hits.append((dash.start(), [Source(m.canonical, a, b, False, m.type)], (a, b)))
                    taken.append((dash.start(), b))
                break
        # one word standing for the sources named last ("demnach", "selon elle"): the text goes on reporting them
        for a, b, _, _ in C.anaphoric_sources.finditer(s, words=W):
            if self._last_sources and not any(x <= a < y for x, y in taken):
                taken.append((a, b))
                hits.append((a, [Source(n, a, b, n in self._last_report) for n in self._last_sources], (a, b)))
        # one word standing for the person named before ("menurutnya", "ujarnya")
        for a, b, _, _ in C.anaphoric_cues.finditer(s, words=W):
            if self._last_person and not any(x <= a < y for x, y in taken):
                taken.append((a, b))
                hits.append((a, [Source(self._last_person, a, b, False, PERSON)], (a, b)))
        # sources before their cue ("X melaporkan bahwa")
        for a, b, _, _ in C.src_before.finditer(s, words=W):
            if any(x <= a < y for x, y in taken):
                continue
            srcs, span = self._np_before(st, C, ms, a)
            if srcs or span:
                hits.append((a, srcs, span))
        # reported speech going on without a new source ("Diese befänden sich demnach ...", Konjunktiv I):
        # the sources of the sentence just before
        if not hits and self._last_sources and self._sourced_at is not None and st.index - self._sourced_at <= 2:
            rs = C.reported_speech.search(s, st.body_start) if not C.reported_speech.absent(W) else None
            if rs and not st.in_quote(rs[0]):
                hits.append((rs[0], [Source(n, rs[0], rs[1], n in self._last_report) for n in self._last_sources], (rs[0], rs[0])))
        hits.sort(key=lambda h: h[0])
        for at, srcs, span in hits:
            side = _side_by_side(s, C, srcs)
            if len(side) > 1:
                sa.parallel.append(frozenset(side))
            sa.cues.append(at)
            if span and span[1] > span[0]:
                sa.spans.append(span)
            if not srcs:
                sa.unnamed = True
            sa.sources.extend(srcs)

        # denials are read for every sentence (one may deny the claims before it); the rest on demand
        for a, _, _, _ in C.deny.finditer(s, words=W):
            if not st.in_quote(a):
                sa.deny.append((a, *self._subject(st, C, ms, a)))
        sa._certainty = lambda: self._read_certainty(st, C, s, ms)

        # remember what later sentences may point back to
        reports = [x.name for x in sa.sources if x.report]
        if reports:
            self._last_report = _dedupe(reports)
        if sa.sources:
            self._last_sources = sa.names()
            self._sourced_at = st.index
        for _, _, m in ms.ms[-50:]:
            if m.type == PERSON:
                self._last_person = m.canonical
        return sa

    # ------------------------------------------------------------ noun phrases naming sources
    def _np_after(self, st: Sent, C: LangCues, ms, pos: int, speech: bool = False, cue: int | None = None):
        """The sources named right after a cue, up to the end of its noun phrase."""
        s = st.text
        cue = pos if cue is None else cue
        end = _np_end(s, C, ms, pos)
        inside = ms.between(pos, end)
        if speech and inside and gap_words(s, pos, inside[0][0]) > 5:
            inside = []
        if speech and not inside:
            ana = self._anaphor(s, C, pos, end, st)
            if ana:
                return ana, (pos, end)
            p = _skip_space(s, pos)
            # "..., ungkap laporan itu", "..., kata seorang pejabat senior", "..., said a senior official"
            hit = C.unnamed.search(s, p, end) or C.report_nouns.search(s, p, end)
            if hit and gap_words(s, p, hit[0]) <= 2:
                return [], (pos, end)
            return [], None
        report = bool(C.report_nouns.match(s, _skip_space(s, pos)) or C.report_nouns.search(s, cue, pos))
        srcs = self._pick(st, C, inside, report, (cue, end))
        if not srcs:
            srcs = self._anaphor(s, C, cue, end, st) or self._caps(st, C, pos, end, report)
        if not srcs and not (C.unnamed.search(s, cue, end) or C.report_nouns.search(s, cue, end)):
            return [], None
        return srcs, (pos, end)

    def _np_before(self, st: Sent, C: LangCues, ms, cue: int):
        """The sources that are the subject of a verb of saying ("KCNA melaporkan")."""
        s = st.text
        floor = _subject_floor(s, C, cue, st.body_start)
        if C.cue_blockers.match(s, _word_before(s, cue)):
            return [], None  # "an estimated 3,000": an adjective, not a verb of saying
        inside = [(a, b, m) for a, b, m in ms.between(floor, cue)
                  if not _after_prep(s, C.not_subject_after, a)]
        # a list of names split by commas: "AS, Korsel dan Ukraina menuding ..." (a list ends with a
        # conjunction: "... in the Kursk region, U.S. officials said" is no list)
        listed = bool(inside) and bool(C.conjunctions.search(s, floor, inside[-1][0]))
        def _item_start(at: int) -> int:  # where the list item after a comma starts, past "dan", "and"
            at = _skip_space(s, at)
            conj = C.conjunctions.match(s, at)
            return _skip_space(s, conj[0]) if conj else at

        while listed and floor > 0 and inside[0][0] == _item_start(floor):
            j = floor - 1
            while j >= 0 and s[j] in " \t\u00a0":
                j -= 1
            if j < 0 or s[j] != ",":
                break
            k = j
            while k > 0 and s[k - 1] in " \t\u00a0":
                k -= 1
            before = [x for x in ms.between(max(0, k - 80), k) if x[1] == k]
            if not before or _after_prep(s, C.not_subject_after, before[-1][0]):
                break
            inside.insert(0, before[-1])
            floor = before[-1][0]
        if not inside and not s[floor:cue].strip():
            # "Sergey Shoigu, secretário do Conselho de Segurança russo, declarou": an apposition
            # between the speaker and the verb
            appos = _apposition_owner(s, C, ms, floor)
            if appos is not None:
                return self._pick(st, C, [appos], False), (appos[0], cue)
            named = _named_apposition(s, C, floor)
            if named is not None:
                # "Le ministre des Armées, Sébastien Lecornu, a annoncé": the name between the commas
                a, b = named
                inside = [x for x in ms.between(a, b) if x[2].type in (PERSON, ORG, MEDIA)]
                srcs = self._pick(st, C, inside, False) if inside else self._caps(st, C, a, b, False)
                if srcs:
                    return srcs, (a, cue)
        if inside and (gap_words(s, inside[-1][1], cue) > 4 or C.verbs.search(s, inside[-1][1], cue)):
            inside = []  # "Pyongyang has deployed an estimated": the name is the subject of another verb
        if inside and C.src_after.search(s, floor, inside[0][0]):
            return [], None  # "laporan dari AS menyebut": the cue before names them
        report = bool(C.report_nouns.match(s, _skip_space(s, floor)))
        srcs = self._pick(st, C, inside, report, (floor, cue))
        if not srcs:
            srcs = self._anaphor(s, C, floor, cue, st)
        if not srcs:
            if C.unnamed.search(s, floor, cue) and gap_words(s, floor, cue) <= 6:
                return [], (floor, cue)
            return [], None
        return srcs, (floor, cue)

    def _pick(self, st: Sent, C: LangCues, inside, report: bool, span: tuple[int, int] | None = None) -> list[Source]:
        """Names of sources in a noun phrase; a country inside a title ("anggota parlemen Korea
        Selatan Lee") is no source when a person or body is named beside it. A country that only
        qualifies sources without a name ("Ukrainian officials", "pejabat Ukraina") names them so."""
        if not inside:
            return []
        named = [(a, b, m) for a, b, m in inside if m.type in (PERSON, ORG, MEDIA)]
        use = named or [(a, b, m) for a, b, m in inside if m.type in (GPE, LOC)]
        if not named and use and span is not None and len(use) == 1:
            described = self._described(st, C, use[0], span, report)
            if described:
                return [described]
        out = []
        for a, b, m in use:
            if m.type in (GPE, LOC):
                name = self.ctx.actor(m, person_as_state=False) or m.canonical
            else:
                name = m.canonical
            out.append(Source(name, a, b, report, m.type))
        return out

    def _described(self, st: Sent, C: LangCues, mention, span, report: bool) -> Source | None:
        """ "Ukrainian officials", "pejabat Ukraina", "les services de renseignement sud-coréens": the
        country's English adjective and the English noun the language gives its unnamed source."""
        a, b, m = mention
        s = st.text
        hit = None
        for x, y, phrase, _ in C.unnamed.finditer(s, span[0], span[1]):
            if x <= a and b <= y:  # the phrase holds the country ("ukrainian officials")
                phrase = " ".join(re.findall(r"\w+", (s[x:a] + " " + s[b:y]).lower()))
                hit = (x, y, phrase)
            elif abs(x - b) <= 2 or abs(a - y) <= 2 or (y <= a and gap_words(s, y, a) <= 1) or (b <= x and gap_words(s, b, x) <= 1):
                hit = (x, y, phrase)
        if hit is None or not hit[2]:
            return None
        noun = C.unnamed_names.get(hit[2]) if C.unnamed_names else None
        if noun is None and C.lang == "en":
            noun = " ".join(w for w in hit[2].split() if w not in ("a", "an", "the"))
        e = None
        if self.ctx.kb is not None:
            try:
                e = self.ctx.kb.get(self.ctx.actor(m, person_as_state=False) or m.canonical)
            except Exception:  # noqa: BLE001
                e = None
        adj = (getattr(e, "adj", {}) or {}).get("en") if e is not None else None
        if not noun or not adj:
            return None
        return Source(f"{adj[0]} {noun}", min(a, hit[0]), max(b, hit[1]), report, ORG)

    def _anaphor(self, s: str, C: LangCues, a: int, b: int, st: Sent) -> list[Source]:
        hit = C.anaphors.search(s, a, b)
        if not hit:
            return []
        x, y, _, kind = hit
        if kind == "report":
            names = self._last_report or self._last_sources
        elif kind == "person":
            names = [self._last_person] if self._last_person else []
        else:
            names = self._group_before(st) or self._last_sources
        return [Source(n, x, y, kind == "report") for n in names if n]

    def _group_before(self, st: Sent) -> list[str]:
        """The body or country a plural pronoun points back to: the first organisation named in the
        sentence before (else its first country)."""
        prev = self.ctx.prev(st)
        if prev is None:
            return []
        ms = self.ctx.sent_mentions(prev)
        for types in ((ORG,), (GPE,)):
            for m in ms:
                if m.type in types:
                    return [self.ctx.actor(m, person_as_state=False) or m.canonical]
        return []

    def _caps(self, st: Sent, C: LangCues, a: int, b: int, report: bool) -> list[Source]:
        """A capitalised name the entity finder missed ("according to Yonhap")."""
        s = st.text
        if C.caps_run is None:
            return []
        for m in C.caps_run.finditer(s, a, b):
            run = m.group().strip()
            low = run.lower()
            t = C.titles.match(low, 0)
            while t and t[0] < len(low):
                run = run[t[0]:].strip()
                low = run.lower()
                t = C.titles.match(low, 0)
            words = run.split()
            if not run or C.titles.get(run) or C.unnamed.get(run) or C.report_nouns.get(run):
                continue
            e = None
            if self.ctx.resolver is not None:
                try:
                    e = self.ctx.resolver.resolve(run)
                except Exception:  # noqa: BLE001
                    e = None
            if e is not None:
                return [Source(e.name, m.start(), m.end(), report, getattr(e, "type", ""))]
            if (len(words) >= 2 or (run.isupper() and len(run) >= 2)) and m.start() > 0:
                return [Source(run, m.start(), m.end(), report, "")]
        return []

    def _read_certainty(self, st: Sent, C: LangCues, s: str, ms) -> Certainty:
        """Where the sentence ``s`` (its text as ``_read`` reads it) hedges, confirms, plans and estimates.
        Reads nothing that changes as later sentences are read, so it may run at any time."""
        W = st.words
        out = Certainty()
        for a, _, _, _ in C.hedges_strong.finditer(s, words=W):
            if not st.in_quote(a):
                out.strong.append(a)
        for a, _, _, _ in C.hedges_weak.finditer(s, words=W):
            if not st.in_quote(a):
                out.weak.append(a)
        for a, _, _, _ in C.confirm.finditer(s, words=W):
            if not st.in_quote(a):
                out.confirm.append((a, *self._subject(st, C, ms, a)))
        for a, _, _, _ in C.plan.finditer(s, words=W):
            if not st.in_quote(a):
                out.plan.append(a)
        for a, _, _, _ in C.estimate.finditer(s, words=W):
            out.estimate.append(a)
        return out

    def _subject(self, st: Sent, C: LangCues, ms, cue: int) -> tuple[str | None, str | None]:
        """Who confirms or denies: the nearest actor named before the cue in its clause, as an
        actor (Pentagon → United States) and by its own name."""
        floor = _subject_floor(st.text, C, cue, st.body_start)
        for a, b, m in reversed(ms.between(floor, cue)):
            name = self.ctx.actor(m)
            if name:
                own = m.canonical if m.type in (PERSON, ORG, MEDIA) else name
                return name, own
        return None, None


def _side_by_side(s: str, C: LangCues, srcs: list[Source]) -> list[str]:
    """The names of one cue that stand side by side ("AS, Korea Selatan, dan Ukraina"; "Reuters and
    AFP"): joined only by commas and conjunctions, each a source of its own, not links of a chain."""
    srcs = sorted(srcs, key=lambda x: x.start)
    out: list[str] = []
    for a, b in zip(srcs, srcs[1:]):
        between = s[a.end:b.start]
        words = re.findall(r"\w+", between.lower())
        if not between.strip() or not ("," in between or words) or not all(C.conjunctions.get(w) for w in words):
            return []  # "NIS chief Cho" or "Lee, citing NIS": one chain
        for x in (a, b):
            if x.name not in out:
                out.append(x.name)
    return out


def source_chains(names: list[str], parallel: list[frozenset[str]]) -> list[list[str]]:
    """``attributed_to`` (nearest first) as the chains it holds: names given side by side each head
    a chain of their own, followed by the relays named beside them ("klaim dari AS, Korea Selatan,
    dan Ukraina" → three chains; "MSMT ... dikutip NBC News" → one)."""
    for side in parallel:
        heads = [n for n in names if n in side]
        if len(heads) > 1:
            rest = [n for n in names if n not in side]
            return [[h] + rest for h in heads]
    return [list(names)] if names else []


_SPEAKER_COLON = re.compile(r"[ \t]*([^:\n]{2,60}?)[ \t]*:[ \t]")
_DASH_CREDIT = re.compile(r"\s(?:--|[\-–—])\s*(?=[^\s\-–—][^\-–—]{0,40}$)")


def closing_credit(doc: ArticleDoc) -> str | None:
    """The news agency a wire story closes with ("dpa/moko", "(AFP)", "-- BERNAMA"): it is credited
    for every claim, after any nearer source."""
    lines = [ln for ln in (getattr(doc.article, "lines", None) or ()) if ln.text.strip()]
    for ln in reversed(lines[-3:]):
        m = _CREDIT_LINE.match(ln.text.strip())
        if not m or doc.kb is None:
            continue
        try:
            e = doc.kb.lookup(m.group(1))
        except Exception:  # noqa: BLE001
            e = None
        if e is not None and e.type == MEDIA:
            return e.name
    return None


# "dpa/moko", "(dpa)", "(AFP/xyz)", "-- BERNAMA", "— Reuters": an agency, optionally an editor's initials
_CREDIT_LINE = re.compile(r"^(?:--|[-–—])?\s*\(?\s*([A-Za-z][\w.&-]{1,20}(?:\s[A-Z][\w.&-]{1,20})?)\s*(?:/\s*[\w.-]{1,15}\s*)*\)?\s*\.?$")


# ---------------------------------------------------------------- text helpers
def _skip_space(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] in " \t\u00a0":
        pos += 1
    return pos


def _word_before(s: str, pos: int) -> int:
    """Where the word before ``pos`` starts (or ``pos`` when there is none)."""
    j = pos
    while j > 0 and s[j - 1] in " \t\u00a0":
        j -= 1
    i = j
    while i > 0 and (s[i - 1].isalnum() or s[i - 1] in "-'’"):
        i -= 1
    return i if i < j else pos


def _after_quote_or_comma(s: str, pos: int) -> bool:
    """A speech verb inverted after the speech: '..., ujar X' or '...” kata X'."""
    i = pos - 1
    while i >= 0 and s[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and (s[i] in ",”\"'’»›" or (s[i] == "." and i > 0 and s[i - 1] in "”\"»"))


def _np_end(s: str, C: LangCues, ms, pos: int) -> int:
    """Where the noun phrase starting at ``pos`` ends: at a break, a relative pronoun, 'that', a
    number ... but not at the comma of an apposition ("laporan kantor berita Korea Utara, KCNA,")
    or of a list of names ("AS, Korea Selatan, dan Ukraina")."""
    n = len(s)
    cur = pos
    words = 0
    starts = ms.at
    while cur < n:
        m = WORD.search(s, cur)
        brk = SOFT_BREAK.search(s, cur)
        if brk and (m is None or brk.start() < m.start()):
            if s[brk.start()] == ",":
                nxt = _skip_space(s, brk.end())
                conj = C.conjunctions.match(s, nxt)
                after = _skip_space(s, conj[0]) if conj else nxt
                if after in starts and _closed_apposition(s, C, ms, after):
                    cur = after
                    continue
            return brk.start()
        if m is None:
            return n
        a = m.start()
        if a in starts:  # a name: take it whole
            cur = starts[a][0]
            words += 1
            continue
        w = m.group().lower()
        if C.relatives.match(s, a) or C.complementisers.match(s, a):
            return a
        conj = C.conjunctions.match(s, a)
        if conj and _skip_space(s, conj[0]) not in starts:
            return a
        if w[:1].isdigit():
            return a
        words += 1
        if words > _NP_MAX_WORDS:
            return a
        cur = m.end()
    return n


def _after_prep(s: str, preps, a: int) -> bool:
    """A preposition stands right before ``a`` ("dukungan dari Pyongyang": Pyongyang is no subject)."""
    j = a
    while j > 0 and s[j - 1] in " \t\u00a0":
        j -= 1
    lo = max(0, j - 25)
    hit = None
    for x, y, _, _ in preps.finditer(s, lo, j):
        hit = (x, y)
    return hit is not None and hit[1] == j


def _closed_apposition(s: str, C: LangCues, ms, a: int) -> bool:
    """The name at ``a`` stands alone between commas (or ends the phrase): an apposition or the next
    name of a list, not the subject of a new clause ("Menurut Lee, Korea Utara mengirim")."""
    b = ms.at[a][0]
    nxt = _skip_space(s, b)
    if nxt >= len(s) or s[nxt] in ",.;:)”\"":
        return True
    conj = C.conjunctions.match(s, nxt)
    return bool(conj) and _skip_space(s, conj[0]) in ms.at


def _comma_pair(s: str, floor: int, reach: int) -> tuple[int, int] | None:
    """(opening comma, closing comma) of ", <aside>," that ends right before ``floor``."""
    j = floor
    while j > 0 and s[j - 1] in " \t\u00a0":
        j -= 1
    if j == 0 or s[j - 1] != ",":
        return None
    k = s.rfind(",", max(0, j - 1 - reach), j - 1)
    return (k, j - 1) if k > 0 else None


def _apposition_owner(s: str, C: LangCues, ms, floor: int):
    """The name before ", <apposition>," that ends at ``floor``: (start, end, mention) or None."""
    pair = _comma_pair(s, floor, 160)
    if pair is None:
        return None
    k, j = pair
    if gap_words(s, k + 1, j) > 14 or C.src_before.search(s, k + 1, j) or C.verbs.search(s, k + 1, j) \
            or C.src_after.search(s, k + 1, j):
        return None
    end = k
    while end > 0 and s[end - 1] in " \t\u00a0":
        end -= 1
    before = [x for x in ms.between(max(0, end - 80), end) if x[1] == end]
    if not before or before[-1][2].type not in (PERSON, ORG, MEDIA, GPE):
        return None
    return before[-1]


def _named_apposition(s: str, C: LangCues, floor: int) -> tuple[int, int] | None:
    """The span of ", Name Surname," ending right before ``floor`` (a title before it, the verb after):
    a capitalised run as the language writes names (none in a language that capitalises every noun)."""
    pair = _comma_pair(s, floor, 60)
    if pair is None or C.caps_run is None:
        return None
    k, j = pair
    seg = s[k + 1:j].strip()
    if not seg or not 1 <= gap_words(s, k + 1, j) <= 4 or not C.caps_run.fullmatch(seg):
        return None
    a = s.index(seg, k + 1)
    return a, a + len(seg)


def _subject_floor(s: str, C: LangCues, cue: int, floor: int = 0) -> int:
    """Where the clause whose verb stands at ``cue`` starts: after the last break or 'bahwa'/'that'
    (a bracketed aside is part of the subject: "Ukraine's military intelligence (HUR) estimates")."""
    best = floor = max(floor, cue - 400)
    depth = 0
    for m in SOFT_BREAK.finditer(s, floor, cue):
        ch = s[m.start()]
        if ch == "(":
            depth += 1
            continue
        if ch == ")":
            depth = max(0, depth - 1)
            continue
        if depth == 0:
            best = m.end()
    for a, b, _, _ in C.complementisers.finditer(s, best, cue):
        best = b
    return best


# ---------------------------------------------------------------- the article's sources
def _fold(name: str | None) -> str:
    s = re.sub(r"[^\w]", "", (name or "").casefold())
    for suffix in ("com", "coid", "co", "net", "id", "org"):
        if s.endswith(suffix) and len(s) > len(suffix) + 3:
            s = s[: -len(suffix)]
            break
    return s


def _own_outlet(article, name: str) -> bool:
    own = _fold(getattr(article, "outlet", None))
    if not own:
        return False
    f = _fold(name)
    return bool(f) and (f == own or f.startswith(own) or own.startswith(f))


def _credit_like(st: Sent) -> bool:
    """A photo caption or credit the cleaner left in the body: "(KCNA via AFP)", "Foto: ... (Reuters)"."""
    t = st.text.strip()
    if len(t) > 2 and t[0] == "(" and t[-1] == ")" and len(t) < 80:
        return True
    C = cues(st.lang)
    if C is None or not C.photo_cues:
        return False
    hit = C.photo_cues.match(t, 0)
    return bool(hit) and t[hit[0]:hit[0] + 2].lstrip()[:1] in (":", "/", "-", "|")


def cited_sources(doc: ArticleDoc, claims) -> list[str]:
    """Canonical names of the agencies, outlets, officials and reports the article credits."""
    ctx, article = doc, doc.article
    att = doc.attributions
    out: list[str] = []

    def add(name: str | None) -> None:
        if name and name not in out and not _own_outlet(article, name):
            out.append(name)

    for st in ctx.sents:
        for src in att.of(st).sources:
            add(src.name)
    for c in claims or ():
        for n in getattr(c, "attributed_to", None) or ():
            add(n)
    # news agencies credited under photos
    kb = doc.kb
    for st in ctx.sents:
        if st.caption or _credit_like(st):
            for m in ctx.sent_mentions(st):
                if m.type == MEDIA:
                    add(m.canonical)
    if kb is not None:
        langs = tuple(dict.fromkeys(x for x in (article.language, "en") if x))
        for ln in getattr(article, "lines", None) or ():
            if ln.kind in ("photo_credit", "caption"):
                try:
                    found = kb.find_mentions(ln.text, langs=langs)
                except Exception:  # noqa: BLE001
                    found = []
                for f in found:
                    e = f.entity
                    if e is not None and e.type == MEDIA:
                        add(e.name)
    return out


__all__ = ["Attributions", "SentAttr", "Source", "cited_sources"]
