"""Dated events: meetings, visits, statements, treaty signings, foundings, deployments, transfers and
the start of a war, each with its date, participants, place and a one-line English summary.

A sentence gives at most one event: the trigger word of the highest-ranked type (``TYPE_RANK``)
that has a date close to it (``dates.find_dates``, resolved against the article's date). Words in
quotation marks are speech, not events. In a photo caption, a date that follows a photo cue
("Foto diambil dari publikasi ..., Selasa (6/5/2025)") before the caption says what the photo shows
is the photo's date and never an event's; a date in the described scene ("... di Pyongyang pada 18
Juni 2024") is. A meeting or statement in the article's lead sentences with no date of its own
happened around the article's date (its month). Events of one article are merged: the same type,
date and participants; a statement made at a meeting the same day; a vaguer date of an event
dated precisely elsewhere in the article.

A passive's agent ("announced by X", "dikatakan oleh X") is who spoke; a German separable verb
counts as its stem with its particle closing the clause ("griff ... an"); a place preposition that is
also an article ("A Rússia ...") opening a clause opens its subject. Who reports a meeting, or what it
says after it ("... and said that"), is no side of it.

Trigger words, photo cues and the words around places and wars come from
``data/lang/<code>/events.yaml``; summaries are English templates.
"""
from __future__ import annotations

from functools import lru_cache

from saksi import lang as langdata
from saksi.extract.attribution import SentAttr
from saksi.extract.context import (
    GPE, MAX_SENTENCE, MEDIA, ORG, PERSON, SOFT_BREAK, WORD, ArticleDoc, Sent, gap_words,
)
from saksi.extract.cues import LangCues, Phrases, cues
from saksi.model import Event

TYPE_RANK = ("war_start", "treaty_signed", "organisation_founded", "meeting", "deployment", "transfer",
             "statement")
MAX_WORDS_TO_DATE = 25
LEAD_TYPES = ("meeting", "statement")


def extract_events(doc: ArticleDoc) -> list[Event]:
    """The dated events the annotated article states, for the timeline."""
    return EventReader(doc).read()


class EventReader:
    def __init__(self, ctx: ArticleDoc):
        self.ctx = ctx
        self.att = ctx.attributions
        self._war: list[str] | None = None
        body = [st.paragraph for st in ctx.sents if not st.caption]
        self._lead_paragraph = body[0] if body else None

    def read(self) -> list[Event]:
        found: list[tuple[Event, bool]] = []
        for st in self.ctx.sents:
            C = cues(st.lang)
            sa = self.att.of(st)
            if C is None or not C.has_events or len(st.text) > MAX_SENTENCE:
                continue
            try:
                ev = self._event(st, C, sa)
            except (ValueError, OverflowError, IndexError, RecursionError):
                ev = None
            if ev is not None:
                found.append(ev)
        return _merge(found)

    # ------------------------------------------------------------ one sentence
    def _event(self, st: Sent, C: LangCues, sa: SentAttr):
        s = st.text
        ms = self.ctx.local(st)
        trig = []
        for a, b, phrase, (etype, verb) in C.triggers.finditer(s, words=st.words):
            if st.in_quote(a) or sa.in_source(a, b):
                continue
            if phrase in C.needs_person_after and not any(
                    m.type == PERSON and x >= b and gap_words(s, b, x) <= 6 for x, _, m in ms):
                continue
            trig.append((a, b, phrase, etype, verb))
        for a, b, phrase, (etype, verb) in _split_verbs(s, C.split_triggers, st.words):
            if not (st.in_quote(a) or sa.in_source(a, b)):  # "griff ... an": the particle decides the verb
                trig = [t for t in trig if t[0] != a] + [(a, b, phrase, etype, verb)]
        for a, b, phrase, verb in C.passive_statements.finditer(s, words=st.words):
            if not st.in_quote(a) and self._agent(st, C, ms, b):  # "dikatakan oleh X": only with its agent
                trig.append((a, b, phrase, "statement", verb))
        war_verbs = list(C.war_verbs.finditer(s, words=st.words)) + list(_split_verbs(s, C.split_war_verbs, st.words))
        for a, b, phrase, _ in war_verbs:
            if st.in_quote(a) or any(x <= a < y for x, y, *_ in trig):
                continue
            noun = C.war_nouns.last(s, max(0, a - 120), a)
            if noun and gap_words(s, noun[1], a) <= 5 and not SOFT_BREAK.search(s, noun[1], a):
                trig.append((noun[0], b, phrase, "war_start", "begins"))
        if not trig:
            return None
        # "sejak perang dimulai", "seit Kriegsbeginn": a background phrase, not the news; an event
        # only with a date of its own
        background = {t[0] for t in trig if _background(s, C, t[0])}
        dates = self._dates(st, C)
        best = None
        for a, b, phrase, etype, verb in trig:
            d = self._date_for(s, C, a, b, dates, etype, sa)
            if d is None:
                continue
            key = (TYPE_RANK.index(etype) if etype in TYPE_RANK else len(TYPE_RANK), d[0])
            if best is None or key < best[0]:
                best = (key, (a, b, phrase, etype, verb), d[1])
        vague = False
        if best is None:
            if not self._lead(st) or self.ctx.ref is None:
                return None
            lead = [t for t in trig if t[3] in LEAD_TYPES and t[0] not in background]
            if not lead:
                return None
            lead.sort(key=lambda t: TYPE_RANK.index(t[3]))
            t = lead[0]
            ref = self.ctx.ref
            date = (ref.isoformat() if hasattr(ref, "isoformat") else str(ref))[:7]
            if len(date) < 7:
                return None
            vague = True
        else:
            t, dm = best[1], best[2]
            date = dm.value
            vague = self._vague(dm, st.lang)
        a, b, phrase, etype, verb = t
        if etype in ("deployment", "transfer") and not self._military(st, C):
            return None  # "the first A380 was delivered": no troops or arms, no event of this war
        parts = self._participants(st, C, sa, ms, a, b, etype, phrase, a in background)
        if not parts:
            return None
        if etype == "meeting" and len(parts) < 2 and not any(
                m.type == PERSON and m.canonical in parts for _, _, m in ms):
            return None  # a meeting needs two sides, or a person
        place = self._place(st, C, ms, b if verb in PLACE_OBJECT else None)
        if place and place in parts:
            parts = [p for p in parts if p != place] or parts
        if verb.endswith(MOVE_PREPS) and not place:
            return None  # "arrives in UNHCR": an arrival needs a place, and an organisation is none
        about = None
        if etype not in KNOWN_TYPES or etype == "statement":
            about = self._about(st, C, sa, ms, t, trig, parts)
            if about is None:
                return None  # "North Korea confirms": saying what, or to whom, or no event
        if about is not None and etype != "statement":
            parts = _dedupe(parts + self._named(st, sa, ms, b, len(s), parts))  # who did it, to whom
        ev = Event(
            article=self.ctx.article.name, date=date, type=etype,
            summary=_summary(etype, verb, parts, place, about),
            participants=parts, place=place, quote=s, start=st.start, end=st.end, in_caption=st.caption,
        )
        ev._verb = verb
        ev._about = about
        ev._people = {m.canonical for _, _, m in ms if m.type == PERSON}
        return ev, vague

    @staticmethod
    def _military(st: Sent, C: LangCues) -> bool:
        """The sentence names troops, arms or munitions (claims.yaml objects)."""
        for _, _, _, (cls, _) in C.objects.finditer(st.text[:MAX_SENTENCE], words=st.words):
            if cls in ("personnel", "munitions", "missiles", "weapons"):
                return True
        return False

    def _lead(self, st: Sent) -> bool:
        if st.caption or self._lead_paragraph is None or st.paragraph != self._lead_paragraph:
            return False
        first = next(x.index for x in self.ctx.sents if x.paragraph == st.paragraph)
        return st.index - first <= 1

    # ------------------------------------------------------------ dates
    def _dates(self, st: Sent, C: LangCues):
        ds = self.ctx.dates(st)
        periods = self.ctx.periods(st) if ds else []
        out = []
        for d in ds:
            if not d.value or st.in_quote(d.start):
                continue
            if st.caption and self._photo_date(st.text, C, d.start):
                continue
            since = None
            skip = False
            for p in periods:
                if p.start <= d.start and d.end <= p.end:
                    # one end of a range ("antara Januari dan Maret 2025") dates no event
                    if p.period_start and p.period_end and not _same_extent(d, p):
                        skip = True
                    elif p.period_start and p.period_end is None:
                        since = p  # "sejak Februari 2022": the start of a state of affairs
            if not skip:
                out.append((d, since))
        return out

    @staticmethod
    def _photo_date(s: str, C: LangCues, pos: int) -> bool:
        """In a caption: a date after a photo cue and before the words saying what the photo shows."""
        cue = C.photo_cues.last(s, 0, pos)
        if cue is None:
            return False
        return C.photo_shows.search(s, cue[1], pos) is None

    def _date_for(self, s: str, C: LangCues, a: int, b: int, dates, etype: str, sa: SentAttr):
        """The date closest to a trigger (ties go to the one after it), within a few words."""
        best = None
        comps = [x for x, _, _, _ in C.complementisers.finditer(s)]
        for d, since in dates:
            if etype == "war_start" and d.relative:
                continue
            if since is not None and etype != "war_start":
                continue
            if etype in ("deployment", "transfer") and d.precision == "year":
                continue
            # "Pertemuan itu berlangsung akrab, tulis KCNA pada Minggu": the date is the report's
            if etype != "statement" and d.start >= b and any(b <= c < d.start for c in sa.cues):
                continue
            # "Pekan lalu, X melaporkan bahwa Y memasok ...": the date is the report's, not the supply's
            lo, hi = min(a, d.start), max(b, d.end)
            if any(lo <= c < hi for c in comps):
                continue
            if d.start >= b:
                dist = gap_words(s, b, d.start)
            elif d.end <= a:
                dist = gap_words(s, d.end, a) + 0.5
            else:
                continue
            if dist > MAX_WORDS_TO_DATE:
                continue
            if best is None or dist < best[0]:
                best = (dist, d)
        return best

    def _vague(self, d, lang: str) -> bool:
        """A relative date of month precision that names no month ("pekan ini", "last week")."""
        if not d.relative or d.precision != "month":
            return False
        low = d.text.lower()
        return not any(w in _month_words(lang) for w in (x.group() for x in WORD.finditer(low)))

    # ------------------------------------------------------------ who and where
    def _participants(self, st, C, sa, ms, a, b, etype, phrase, background=False) -> list[str]:
        s = st.text
        usable = [(x, y, m) for x, y, m in ms
                  if not sa.in_source(x, y) and not st.in_quote(x) and m.type != MEDIA]
        if etype == "war_start":
            # "... peran Korea Utara sejak menginvasi Ukraina": after "since" an invasion's subject is
            # elided, and the state before it belongs to the other clause
            elided = background and (C.triggers.get(phrase) or ("", ""))[1] == "invades"
            parts = self._war_mentions(st, C, usable, a, b, elided)
            # "X supplied shells since the war began": X is the subject of another clause, no party
            subj = [] if background else [
                m for x, y, m in usable if y <= a and self.ctx.is_state(m) and not _after_place_prep(s, C, x)
                and not SOFT_BREAK.search(s, y, a)]
            war = self.war_parties()
            # a subject the article's war does not name, beside a party it does, is a third party
            # that joined later
            third = bool(subj) and self.ctx.actor(subj[-1]) not in war and any(p in war for p in parts)
            if subj and not third:  # "Russia launched its full-scale invasion of Ukraine"
                parts = _dedupe([self.ctx.actor(subj[-1])] + parts)
            for w in war:
                if len(parts) >= 2:
                    break
                if w not in parts:
                    parts.append(w)
            if not parts:  # no war named anywhere: the states of the sentence
                parts = _dedupe(self.ctx.actor(m) for x, _, m in usable
                                if self.ctx.is_state(m) and not _after_place_prep(s, C, x))[:2]
            return parts
        if etype == "organisation_founded":
            before = [(x, y, m) for x, y, m in usable if y <= a and m.type in (ORG, MEDIA)]
            if before and gap_words(s, before[-1][1], a) <= 6:
                return [before[-1][2].canonical]
            org = self._named_before(st, a)
            return [org] if org else []
        if etype == "meeting":
            # "... held a meeting and said that North Korea ...": what it reports after the meeting
            # names no side of it
            told = C.complementisers.search(s, b)
            if told is not None:
                usable = [u for u in usable if u[0] < told[0]]
            people = _dedupe(m.canonical for _, _, m in usable if m.type == PERSON)
            visits = (C.triggers.get(phrase) or ("", ""))[1] in PLACE_OBJECT
            # "when Putin visited Pyongyang": a visit to a place needs no host from the sentence before
            if len(people) < 2 and not (people and visits and self._place(st, C, ms, b)):
                for p in self._people_before(st):
                    if p not in people:
                        people.insert(0, p)
                        break
            subject = [m.canonical for x, y, m in usable
                       if m.type == PERSON and y <= a and not _right_after(s, C.agent_before, x)]  # "por Kim"
            if visits and subject and subject[-1] in people:  # "... when Shoigu visited": the visitor first
                people = _dedupe([subject[-1]] + people)
            if len(people) >= 2:
                return people
            person_states = {self.ctx.state_of(m) for _, _, m in usable if m.type == PERSON}
            sources = set(sa.names())
            others = _dedupe(self.ctx.actor(m, person_as_state=False) for x, _, m in usable
                             if (m.type == ORG or (m.type == GPE and self.ctx.is_state(m)))
                             and not _after_place_prep(s, C, x)  # "berkunjung ke Jepang": a place
                             and m.canonical not in sources  # who reports the meeting is no side of it
                             and not m.text[:1].islower())  # "militares norcoreanos": an attribute, no side
            others = [o for o in others if o not in person_states]  # "North Korean leader Kim"
            return _dedupe(people + others)
        if etype in ("treaty_signed", "deployment", "transfer"):
            named = [(x, m) for x, _, m in usable
                     if self.ctx.is_state(m) or m.type in (PERSON, ORG) or not _after_place_prep(s, C, x)]
            # "el envío de tropas a Rusia fue confirmado por Corea del Norte": who is sent to comes last
            named.sort(key=lambda xm: _after_place_prep(s, C, xm[0]))
            parts = _dedupe(self.ctx.actor(m) for _, m in named)
            if etype == "treaty_signed" and len(parts) < 2 and C.both_sides.search(s, 0, a + 60):
                for p in self.main_states():  # "the two countries signed ..."
                    if p not in parts and len(parts) < 2:
                        parts.append(p)
            return parts
        # statement: who speaks — the agent of a passive ("announced by X"), else the subject before the
        # trigger, else the subject of the sentence before
        agent = self._agent(st, C, ms, b)
        if agent:
            return agent
        subj = [(x, y, m) for x, y, m in usable if y <= a and not _after_place_prep(s, C, x)]
        for i in range(len(subj) - 1, -1, -1):
            name = self._speaker(subj[i][2])
            if not name:
                continue
            names = [name]
            # "Moskow dan Pyongyang ... membenarkan": the subjects an "and" joins speak together
            while i > 0 and s[subj[i - 1][1]:subj[i][0]].strip() in C.conjunctions:
                i -= 1
                names.insert(0, self._speaker(subj[i][2]))
            return _dedupe(names)
        floor = _clause_start(s, a)
        prefix = s[floor:a]
        if C.anaphoric_after.match(s, _skip(s, b)) or C.pronouns.search(prefix) or C.anaphors.search(prefix) \
                or not WORD.search(prefix):
            prev = self.ctx.prev(st)
            if prev is not None and prev.paragraph == st.paragraph or (prev is not None and self._lead(st)):
                for m in self.ctx.sent_mentions(prev):
                    if m.type == MEDIA:
                        continue
                    name = m.canonical if m.type == PERSON else self.ctx.actor(m)
                    if name:
                        return [name]
        return []

    def _speaker(self, m) -> str | None:
        return m.canonical if m.type in (PERSON, ORG) else self.ctx.actor(m)

    def _agent(self, st: Sent, C: LangCues, ms, b: int) -> list[str]:
        """Who did it when the trigger is a passive followed by its agent ("confirmed by Russian President
        Vladimir Putin and Kim Jong Un", "oleh", "par", "von"): the names of the agent phrase."""
        s = st.text
        ag = C.agent_before.match(s, _skip(s, b))
        if ag is None:
            return []
        brk = SOFT_BREAK.search(s, ag[0])
        found = [(x, y, m) for x, y, m in ms.starting(ag[0], brk.start() if brk else len(s))
                 if m.type != MEDIA and not st.in_quote(x) and not _after_place_prep(s, C, x)]
        if not found or gap_words(s, ag[0], found[0][0]) > AGENT_GAP:
            return []
        names = []
        for i, (x, y, m) in enumerate(found):
            nxt = found[i + 1] if i + 1 < len(found) else None
            if m.type == GPE and nxt and nxt[2].type == PERSON and gap_words(s, y, nxt[0]) <= 2:
                continue  # "Russian President Vladimir Putin": the state qualifies the person
            names.append(self._speaker(m))
            if nxt is None or s[y:nxt[0]].strip() not in C.conjunctions:
                break  # the agent ends where no "and" joins the next name
        return _dedupe(names)

    def _about(self, st, C, sa, ms, t, trig, parts) -> str | None:
        """What a statement (or an action of a type added as data) says or does to whom, as the English
        predicate of the summary: the event it tells ("confirms sending troops to Russia"), else what
        and whom it names ("condemns Russia"; for "this statement", whom the sentence before names).
        None when it names nothing: "North Korea confirms" is no event worth a timeline."""
        a, b, _, etype, verb = t
        s = st.text
        if etype != "statement":
            others = self._named(st, sa, ms, b, len(s), parts)
            if others:
                return verb + _object_of(etype, verb, others)
            # "launches a ballistic missile" says what without naming whom; "strikes" does not
            return verb if " " in verb and not verb.endswith(OBJECT_PREPS) else None
        told = [x for x in trig if x[0] >= b and x[3] not in ("statement", "war_start")]
        if told:
            _, cb, _, ctype, cverb = min(told)
            return f"{verb} {_gerund(cverb)}{_object_of(ctype, cverb, self._named(st, sa, ms, cb, len(s), parts))}"
        # a passive names what was said before its verb: "Kerjasama dengan Rusia diumumkan oleh Korea Utara"
        passive = bool(self._agent(st, C, ms, b))
        lo = _clause_start(s, a) if passive else b
        others = self._named(st, sa, ms, lo, len(s), parts)
        things = _dedupe(name for x, _, _, (_, name) in C.objects.finditer(s[:MAX_SENTENCE], lo, words=st.words)
                         if not st.in_quote(x))[:2]
        if not others and not things and C.anaphoric_after.match(s, _skip(s, b)):
            prev = self.ctx.prev(st)
            if prev is not None:
                others = _dedupe(self._name(m) for m in self.ctx.sent_mentions(prev)
                                 if m.type != MEDIA and self._name(m) not in parts)[:2]
        if passive and others:  # its subject is what was said, not whom: "confirms reports on Russia"
            return _statement_predicate(verb, [], list(things) + others)
        if others or things:
            return _statement_predicate(verb, others, things)
        place = self._place(st, C, ms)
        return _statement_predicate(verb, [], [place]) if place else None

    def _named(self, st, sa, ms, lo, hi, parts) -> list[str]:
        """States, bodies and people named in st.text[lo:hi], outside quotes and sources, besides ``parts``."""
        out = []
        for x, y, m in ms.starting(lo, hi):
            if m.type == MEDIA or st.in_quote(x) or sa.in_source(x, y):
                continue
            if not self.ctx.is_state(m) and _after_place_prep(st.text, cues(st.lang), x):
                continue  # "di Kyiv" is where it happened; "ke Rusia", to whom
            name = self._name(m)
            if name and name not in parts:
                out.append(name)
        return _dedupe(out)[:3]

    def _name(self, m) -> str | None:
        """A state as itself (its organs and capital included), any other place or body by its name."""
        return self.ctx.actor(m) if m.type == GPE and self.ctx.is_state(m) else m.canonical

    def _people_before(self, st: Sent) -> list[str]:
        """People of the sentence before (same paragraph): who "pernyataan ini" or an elided subject
        stands for."""
        prev = self.ctx.prev(st)
        if prev is None or (prev.paragraph != st.paragraph and prev.paragraph + 1 != st.paragraph):
            return []
        return _dedupe(m.canonical for m in self.ctx.sent_mentions(prev) if m.type == PERSON)

    def _named_before(self, st: Sent, a: int) -> str | None:
        """An organisation named by part of its name just before the trigger ("Kelompok pemantau
        sanksi yang dibentuk ..." → the Kelompok Pemantau Sanksi Multilateral named earlier)."""
        s = st.text
        lo = max(0, a - 80)
        ws = [m.group().lower() for m in WORD.finditer(s, lo, a)]
        ws = [w for w in ws if len(w) > 2][-5:]
        if len(ws) < 2:
            return None
        best = None
        for m in self.ctx.mentions:
            if m.start >= st.start + a or m.type not in (ORG,):
                continue
            names = {w.lower() for w in WORD.findall(m.text)}
            hits = sum(1 for w in ws if w in names)
            if hits >= 2 and (best is None or hits > best[0]):
                best = (hits, m.canonical)
        return best[1] if best else None

    def _war_mentions(self, st, C, usable, a, b, after_only=False) -> list[str]:
        """States next to the war word (``after_only``: only those after it)."""
        s = st.text
        out = []
        for x, y, m in usable:
            if not self.ctx.is_state(m):
                continue
            if (y <= a and gap_words(s, y, a) <= 1 and not after_only) or (x >= b and gap_words(s, b, x) <= 2):
                out.append(self.ctx.actor(m))
        return _dedupe(out)

    def main_states(self) -> list[str]:
        """The two states the article names most (as actors)."""
        if getattr(self, "_main", None) is None:
            from collections import Counter

            count: Counter = Counter()
            for m in self.ctx.mentions:
                if m.type == GPE:
                    name = self.ctx.actor(m)
                    if name and self.ctx.is_state(m) or (name and name != m.canonical):
                        count[name] += 1
            self._main = [n for n, _ in count.most_common(2)]
        return self._main

    def war_parties(self) -> list[str]:
        """The states the article's war is between: those named with its war words
        ("perang Rusia-Ukraina", "perang di Ukraina", "Russia's war"), most named first."""
        if self._war is not None:
            return self._war
        from collections import Counter

        count: Counter = Counter()
        for st in self.ctx.sents:
            C = cues(st.lang)
            if C is None or not C.war_nouns:
                continue
            s = st.text[:MAX_SENTENCE]
            ms = self.ctx.local(st)
            for a, b, _, _ in C.war_nouns.finditer(s, words=st.words):
                for x, y, m in ms.starting(max(0, a - 40), b + 120):
                    if not self.ctx.is_state(m):
                        continue
                    if x >= b and gap_words(s, b, x) <= 4 and not SOFT_BREAK.search(s, b, x):
                        count[self.ctx.actor(m)] += 1
                    elif y <= a and C.possessive.get(s[y:a].strip()) is not None:
                        count[self.ctx.actor(m)] += 1
        self._war = [n for n, _ in count.most_common(2) if n]
        return self._war

    def _place(self, st: Sent, C: LangCues, ms, visited: int | None = None) -> str | None:
        """The place after a place preposition, or the object of a visit ending at ``visited``
        ("visited Pyongyang")."""
        s = st.text
        for x, y, m in ms:
            if st.in_quote(x) or not self.ctx.is_place(m):
                continue
            if _after_place_prep(s, C, x) or (visited is not None and x >= visited and not s[visited:x].strip()):
                return m.canonical
        return None


# ---------------------------------------------------------------- helpers
@lru_cache(maxsize=None)
def _month_words(lang: str) -> frozenset[str]:
    d = langdata.load(lang, "dates") or {}
    return frozenset(str(k).lower() for k in (d.get("months") or {}))


AGENT_GAP = 2  # words between "by" and the agent's name ("par la Russie", "by the United States")


def _split_verbs(s: str, stems: Phrases, words):
    """(start, end, phrase, value) of each separable verb whose stem stands here and whose particle
    closes the clause ("Russland griff Kiew am 3. März an"); the span is the stem's."""
    for a, b, stem, options in stems.finditer(s, words=words):
        brk = SOFT_BREAK.search(s, b)
        tail = WORD.findall(s, b, brk.start() if brk else len(s))
        if len(tail) < 2:
            continue  # "griff an": the whole phrase is a trigger of its own
        for particle, value in options:
            if tail[-1].lower() == particle:
                yield a, b, f"{stem} {particle}", value
                break


BACKGROUND_GAP = 3  # words between a "since" cue and the event it looks back to


def _background(s: str, C: LangCues, a: int) -> bool:
    """A "since" cue (events.yaml ``since``) stands at or just before the trigger at ``a``."""
    for x, y, _, _ in C.since.finditer(s, max(0, a - 60), min(len(s), a + 40)):
        if x <= a and (y >= a or gap_words(s, y, a) <= BACKGROUND_GAP):
            return True
    return False


def _skip(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] in " \t\u00a0":
        pos += 1
    return pos


def _clause_start(s: str, a: int) -> int:
    best = max(0, a - 300)
    for m in SOFT_BREAK.finditer(s, best, a):
        best = m.end()
    return best


def _after_place_prep(s: str, C: LangCues, a: int) -> bool:
    """A place preposition ("di", "ke", "in") stands before ``a``, perhaps with a filler between
    ("ke kota pesisir Wonsan")."""
    lo = max(0, a - 40)
    hit = C.place_before.last(s, lo, a)
    if hit is None:
        return False
    if hit[2] in C.place_articles and not WORD.search(s, _clause_start(s, hit[0]), hit[0]):
        return False  # "A Rússia atacou ...": an article opening the clause opens its subject
    mid = s[hit[1]:a].strip()
    if not mid:
        return True
    if SOFT_BREAK.search(s, hit[1], a):
        return False
    f = C.place_fillers.match(s, _skip(s, hit[1]))
    return bool(f) and not s[f[0]:a].strip()


def _right_after(s: str, phrases: Phrases, x: int) -> bool:
    """One of ``phrases`` ends right before ``x`` (spaces aside)."""
    hit = phrases.last(s, max(0, x - 30), x)
    return hit is not None and not s[hit[1]:x].strip()


def _dedupe(items) -> list[str]:
    out: list[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


def _join(names: list[str]) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


KNOWN_TYPES = frozenset(TYPE_RANK)
# English verbs of movement: their object is a place ("arrives in", "travels to")
MOVE_PREPS = (" in", " to")
PLACE_OBJECT = frozenset({"visits"})  # English meeting verbs whose object may be the place visited
OBJECT_PREPS = (" on", " to", " in", " with", " against")  # a verb ending so needs its object
# English statement verbs that take whom they name as their object ("condemns Russia"); the others
# speak about it ("reaffirms its position on Russia" is more than the text says: "states on Russia")
TRANSITIVE = frozenset({"condemns", "warns", "threatens", "pledges", "denies", "acknowledges", "confirms",
                        "criticises", "accuses", "rejects", "praises", "welcomes", "urges"})


def _gerund(verb: str) -> str:
    """"sends troops" → "sending troops", "supplies" → "supplying": the told event after a statement verb."""
    head, _, rest = verb.partition(" ")
    base = _bare(head)
    if base == "is":
        return verb  # "is founded": no gerund needed
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        base = base[:-1]
    return (base + "ing" + (" " + rest if rest else "")).strip()


def _object_of(etype: str, verb: str, others: list[str]) -> str:
    if not others:
        return ""
    if etype in ("deployment", "transfer") or verb.endswith(MOVE_PREPS):
        return f" to {_join(others)}" if not verb.endswith(MOVE_PREPS) else f" {_join(others)}"
    if etype == "treaty_signed":
        return f" a treaty with {_join(others)}"
    return f" {_join(others)}"


# Statement verbs that take no object, as the phrase that speaks on something
SPEAKS_ON = {"states": "makes a statement on", "reaffirms": "reaffirms its position on",
             "announces": "makes an announcement on", "makes a statement": "makes a statement on",
             "issues a joint statement": "issues a joint statement on"}


# Statement verbs before what they are about when that is a thing or a place, not whom
# ("confirms reports on soldiers", not "confirms soldiers")
SPEAKS_OF = {"confirms": "confirms reports on", "denies": "denies reports on", "acknowledges": "acknowledges reports on",
             "warns": "warns about", "condemns": "condemns", "threatens": "threatens", "pledges": "pledges"}


def _statement_predicate(verb: str, names: list[str], things: list[str] = ()) -> str:
    """"condemns Russia", "makes a statement on Russia", "confirms reports on soldiers"."""
    if verb in TRANSITIVE and not things:
        return f"{verb} {_join(names)}"
    return f"{SPEAKS_OF.get(verb) or SPEAKS_ON.get(verb) or verb + ' on'} {_join(list(things) + names)}"


def _summary(etype: str, verb: str, parts: list[str], place: str | None, about: str | None = None) -> str:
    where = f" in {place}" if place else ""
    first, rest = parts[0], parts[1:]
    if about is not None:  # a statement, or an action of a type added as data: who, what, to whom
        who = _join(parts) if etype == "statement" else first  # an action's other parts are its objects
        if etype == "statement" and rest:
            about = _plural(about)  # "Putin and Kim confirm ..."
        return f"{who} {about}{'' if place and about.endswith(place) else where}"
    if etype == "meeting":
        if rest:
            return f"{first} {verb} {_join(rest)}{where}"
        if place and verb in PLACE_OBJECT:
            return f"{first} {verb} {place}"  # "Vladimir Putin visits Pyongyang"
        return f"{first} {verb}{where}"
    if etype == "treaty_signed":
        return f"{_join(parts)} {verb if rest else _third_person(verb)} a treaty{where}"
    if etype == "organisation_founded":
        return f"{first} {verb}{where}"
    if etype == "war_start":
        if rest:
            return f"War between {_join(parts)} {verb if verb != 'invades' else 'begins'}"
        return f"War involving {first} {verb if verb != 'invades' else 'begins'}"
    if etype in ("deployment", "transfer"):
        if rest:
            return f"{first} {verb} to {_join(rest)}{where}"
        return f"{first} {verb}{where}"
    return f"{_join(parts)} {verb}{where}"


def _plural(predicate: str) -> str:
    """"confirms reports on Kursk" → "confirm reports on Kursk": the verb of several speakers."""
    head, sep, rest = predicate.partition(" ")
    rest = rest.replace("its position", "their position")
    return _bare(head) + sep + rest


def _bare(verb: str) -> str:
    """An English verb without its third-person -s ("supplies" → "supply", "reaches" → "reach")."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes", "zes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb[:-1]
    return verb


def _third_person(verb: str) -> str:
    """"sign" → "signs", "ratify" → "ratifies": the summary's verb for one party (summaries are English)."""
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")


def _same_extent(d, p) -> bool:
    """A date and a period cover the same months ("pada 2024" is the year 2024)."""
    v = d.value or ""
    if len(v) == 4:
        return p.period_start == v + "-01" and p.period_end == v + "-12"
    return p.period_start == v[:7] and p.period_end == v[:7]


def _people(e: Event) -> set[str]:
    return set(getattr(e, "_people", ()) or ())


def _date_compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _merge(found: list[tuple[Event, bool]]) -> list[Event]:
    """One article's events without repeats (see the module's doc)."""
    events = [e for e, _ in found]
    vague = {id(e) for e, v in found if v}
    drop: set[int] = set()
    n = len(events)
    for i in range(n):
        ei = events[i]
        for j in range(n):
            if i == j or j in drop or i in drop:
                continue
            ej = events[j]
            shared = set(ei.participants) & set(ej.participants)
            if not shared:
                continue
            # the same event twice: keep the first, add the other's participants
            if ei.type == ej.type and ei.date == ej.date and i < j:
                for p in ej.participants:
                    if p not in ei.participants:
                        ei.participants.append(p)
                if ei.type == "meeting":
                    people = [p for e in (ei, ej) for p in e.participants if p in _people(e)]
                    ei.participants = _dedupe(people + ei.participants)
                ei.place = ei.place or ej.place
                drop.add(j)
            # a statement made at a meeting (or signing) of the same day
            elif ej.type == "statement" and ei.type != "statement" and ej.date == ei.date:
                drop.add(j)
            # the same event with a vaguer date
            elif ei.type == ej.type and ei.date != ej.date and _date_compatible(ei.date, ej.date) \
                    and len(ej.date) < len(ei.date):
                drop.add(j)
            # an event dated only by the article's date or "pekan ini": a re-mention of one the
            # article dates precisely
            elif id(ej) in vague and id(ei) not in vague and (
                    ei.type == ej.type or {ei.type, ej.type} <= {"meeting", "statement"}):
                drop.add(j)
    out = [e for k, e in enumerate(events) if k not in drop]
    for e in out:  # participants may have grown: say it again
        e.__dict__.pop("_people", None)
        verb = e.__dict__.pop("_verb", None)
        about = e.__dict__.pop("_about", None)
        if verb and e.participants:
            e.summary = _summary(e.type, verb, e.participants, e.place, about)
    return out
