"""Claims of numbers: how many soldiers, shells, missiles, workers or casualties, who sent them to
whom, over which months, who says so and how sure the article is.

For every count the numbers module finds (``kind == "count"``; years, dates, money, measures,
percentages and ordinals never make a claim) this module reads, from the words around it:

- the object: the noun after the number ("12 juta butir amunisi artileri" → artillery shells), or
  before it with a classifier ("tentara sebanyak 10.000 orang"), or the object of the claim before
  ("ribuan lainnya" → the soldiers just counted); its class decides what verbs can do with it;
- the verb: the nearest verb after the object ("600 tentara tewas", "dikerahkan") or before the
  number ("memasok 12 juta ..."), the verb of the list item before, or the list header's;
- the action from class and verb (personnel + send → troops_deployed, + killed → casualties_killed ...);
- the actor: the origin ("dari Korea Utara ke Rusia"), the owner of the object ("tentara Korut",
  "North Korean troops"), the subject of the clause, the list header, the claim or sentence before;
- the recipient: after "ke/kepada/untuk/membantu/to/for" (a region stands for its country: Kursk →
  Russia), "memasok Rusia dengan", else the receiver the article names for the same actor elsewhere;
- the period: ``dates.find_periods`` in the claim's clause, else the list header's;
- attribution and stance from ``attribution.Attributions``.

Everything a language contributes is in ``data/lang/<code>/claims.yaml`` and ``attribution.yaml``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from saksi.claimtypes import claim_types
from saksi.extract.attribution import SentAttr, closing_credit, source_chains
from saksi.extract.context import (
    GPE, HARD_BREAK, MAX_SENTENCE, MEDIA, PERSON, SOFT_BREAK, WORD, ArticleDoc, Sent, gap_words,
)
from saksi.extract.cues import LangCues, cues, model_key, weapon_models
from saksi.model import Claim, Mention

SCHEMA = claim_types()
# the verb classes that count casualties, and the actions that carry a recipient (transfers)
CASUALTY_VERBS = frozenset(v for a in SCHEMA.casualty_actions for v in SCHEMA.verbs_of(a))
CASUALTY_ACTIONS = SCHEMA.casualty_actions
SUPPLY_ACTIONS = SCHEMA.transfer_actions


@dataclass
class _Obj:
    cls: str | None
    name: str | None
    start: int
    end: int
    possessor: Mention | None = None
    elided: bool = False
    phrase: str = ""  # the words of the object as matched ("korban jiwa" in "600 korban jiwa dari pihak Korut")
    implied_verb: str | None = None  # a toll noun before the number says what befell them ("death toll")


@dataclass
class _Header:
    actor: str | None = None
    verb: str | None = None
    recipient: str | None = None
    period: tuple[str | None, str | None] | None = None
    attr: SentAttr | None = None
    plan: bool = False


def extract_claims(doc: ArticleDoc) -> list[Claim]:
    """Every claim of a number the annotated article makes, in reading order."""
    return ClaimReader(doc).read()


class ClaimReader:
    def __init__(self, ctx: ArticleDoc):
        self.ctx = ctx
        self.att = ctx.attributions
        self.claims: list[Claim] = []
        self._last: dict[int, tuple[Claim, _Obj, str]] = {}  # paragraph -> (claim, object, verb class)
        self._headers: dict[int, _Header] = {}
        self._list_verb: dict[int, str] = {}  # header index -> the verb class its items carry
        self._sent_of: dict[int, int] = {}  # id(claim) -> index of its sentence
        self._joined: dict[int, bool] = {}  # id(claim) -> the next claim shares its verb (an enumeration)
        self._verb_of: dict[int, str | None] = {}  # id(claim) -> the verb class that made it

    # ------------------------------------------------------------ article
    def read(self) -> list[Claim]:
        for st in self.ctx.sents:
            C = cues(st.lang)
            if C is None or not C.has_claims:
                continue
            s = st.text if len(st.text) <= MAX_SENTENCE else st.text[:MAX_SENTENCE]
            # counts, and measures in a unit some claim type counts in ("74.000 ton bahan peledak")
            qs = [q for q in self.ctx.quantities(st)
                  if q.kind == "count" or (q.kind == "measure" and q.unit and C.measure_units.get(q.unit))]
            if not qs:
                self.att.of(st)
                continue
            sa = self.att.of(st)
            claimed_end = st.body_start  # where the last quantity that made a claim ends
            for i, q in enumerate(qs):
                nxt = qs[i + 1].start if i + 1 < len(qs) else len(s)
                prv = claimed_end
                if i > 0 and _ratio(s, C, qs[i - 1], q):
                    continue  # "satu dari 10 orang", "one in ten": a share, not a count
                try:
                    c = self._claim(st, C, sa, q, prv, nxt)
                except (ValueError, OverflowError, IndexError):
                    c = None
                if c is not None:
                    self.claims.append(c)
                    claimed_end = q.end
        self._verb_from_the_next()
        self._share_along_enumerations()
        self._default_recipients()
        self._credit_back()
        self._later_denials()
        self._credit_agency()
        return self.claims

    # ------------------------------------------------------------ one number
    def _claim(self, st: Sent, C: LangCues, sa: SentAttr, q, prv: int, nxt: int) -> Claim | None:
        s = st.text
        ms = self.ctx.local(st)
        obj = self._object(st, C, ms, q, nxt)
        prev = self._last.get(st.paragraph)
        if obj is None:
            return None
        if obj.elided:
            if prev is None:
                return None
            obj.cls, obj.name = prev[1].cls, prev[1].name
            if obj.possessor is None:
                obj.possessor = prev[1].possessor
        header = self._header(st, C) if st.item else None

        # the verb: after the object (passive, intransitive), else before the number
        floor = self._floor(s, C, q.start, prv)
        verb, vpos, vend = self._verb_after(s, C, ms, obj.end, nxt, bool(C.verbs.last(s, floor, q.start)))
        if verb is None:
            hit = C.verbs.last(s, floor, q.start)
            if hit:
                vpos, vend, _, verb = hit
        joined_plan = False  # the claim before, whose verb this one shares, is planned
        implied = C.verbs.get(obj.phrase or s[obj.start:obj.end]) if obj.cls == "people" else None
        if obj.implied_verb:
            implied = obj.implied_verb
            verb = verb if verb in CASUALTY_VERBS else None  # "the death toll rose to 600": the noun says it
        if verb is None and implied in CASUALTY_VERBS:
            verb = implied
        if verb is None and st.item and st.header is not None:
            verb = self._list_verb.get(st.header) or (header.verb if header else None)
        if verb is None and prev is not None and (obj.elided or self._coordinated(s, C, prev[0], st, prv, q.start)):
            verb = prev[2] or None  # "mengirimkan 170 artileri dan 240 peluncur roket": one verb, two claims
            if verb:
                self._joined[id(prev[0])] = True
                joined_plan = prev[0].stance == "planned"

        unit = C.measure_units.get(q.unit) if q.kind == "measure" else None
        borrowed = None
        if verb is None and SCHEMA.action_for(obj.cls, "send", False, unit) in SUPPLY_ACTIONS:
            borrowed = self._borrowed_send(st, C, ms, sa, q, obj)
            if borrowed is not None:
                verb = "send"
        recipient, explicit = self._recipient(st, C, ms, sa, q, obj, verb, vpos, vend, nxt)
        double = self._double_object(st, C, ms, sa, floor, q, vpos, vend) if verb == "send" and recipient is None else None
        if double is not None:
            recipient, explicit = double[1], True
        if recipient is None and borrowed is not None and borrowed[1]:
            recipient, explicit = borrowed[1], True
        action = self._action(obj, verb, explicit or bool(header and header.recipient), unit)
        if action is None:
            return None
        if st.item and st.header is not None and verb:
            self._list_verb[st.header] = verb

        casualty = action in CASUALTY_ACTIONS
        actor = self._actor(st, C, ms, sa, q, obj, verb, vpos, floor, nxt, casualty)
        if double is not None:
            actor = double[0]
        if actor is None and borrowed is not None:
            actor = borrowed[0]
        if actor is None and header is not None:
            actor = header.actor
        if actor is None and prev is not None and (obj.elided or not self._has_subject(st, C, ms, sa, floor, q.start)):
            actor = prev[0].actor
        if actor is None and verb != "receive" and not casualty:
            # "North Korea confirmed that it had sent 1,000 troops": the one confirming is the sender
            conf = [c for c in sa.confirm if c[1] and c[0] < q.start and self._governs(st, C, sa, c[0], q.start)]
            if conf:
                actor = conf[-1][1]
        if actor is None:
            actor = self._prev_subject(st)
        if verb in ("receive", "train") and recipient is None:
            # "Russia received ...", "Germany has trained 10,000 Ukrainian soldiers": the subject hosts them
            recipient = self._subject(st, C, ms, sa, floor, vpos if vpos is not None else q.start)
        if casualty:
            recipient, explicit = None, False
        if recipient is None and header is not None and not casualty:
            recipient = header.recipient
        if recipient is not None and recipient == actor:
            recipient, explicit = None, False
        if recipient is None and actor and (action == SCHEMA.fallback and verb is None or verb in ("send", "train")):
            # "sekitar 10.000 prajurit Korea Utara di wilayah Rusia", "troops deployed in Kursk":
            # people of one state in another
            there = self._location(st, C, ms, sa, obj, nxt)
            moved = SCHEMA.action_for(obj.cls, None, True, unit) if there and there != actor else None
            if moved and SCHEMA.actions[moved].located_abroad:
                action, recipient = moved, there

        period = self._period(st, C, sa, q, self._floor(s, C, q.start, st.body_start), nxt)
        if period is None and header is not None:
            period = header.period

        qualifier = q.qualifier
        if qualifier == "exact" and any(floor <= p < q.start for p in sa.estimate):
            qualifier = "approx"
        right_verb_end = vend if vpos is not None and vpos >= q.end else None
        names, stance = self._stance(st, C, sa, q, floor, nxt, actor, header, right_verb_end)
        if joined_plan and stance in ("asserted", "reported"):
            stance = "planned"  # "will send 5,000 builders, as well as 1,000 sappers"
        if stance in ("asserted", "reported") and vpos is not None and C.plan_suffixes:
            word = WORD.match(s, vpos)
            if word and word.group().lower().endswith(C.plan_suffixes):
                stance = "planned"  # a future tense: "enviará", "livrera", "enviarão"

        a, b = self._quote(st, C, q, obj, prv, nxt, ms, vpos)
        value = q.value
        low, high = q.value_low, q.value_high
        c = Claim(
            article=self.ctx.article.name, quote=self.ctx.text[st.start + a:st.start + b],
            start=st.start + a, end=st.start + b, action=action, object=obj.name or "",
            actor=actor, recipient=recipient, value=_num(value), value_low=_num(low), value_high=_num(high),
            qualifier=qualifier, period_start=period[0] if period else None,
            period_end=period[1] if period else None, attributed_to=names, stance=stance,
            in_caption=st.caption, sentence=st.text, object_class=obj.cls,
            source_chains=source_chains(names, sa.parallel + (header.attr.parallel if header and header.attr else [])),
            unit=unit or SCHEMA.object_classes[obj.cls].unit,
        )
        self._last[st.paragraph] = (c, obj, verb or "")
        self._sent_of[id(c)] = st.index
        self._verb_of[id(c)] = verb
        return c

    # ------------------------------------------------------------ object
    def _object(self, st: Sent, C: LangCues, ms, q, nxt: int) -> _Obj | None:
        s = st.text
        starts = ms.at
        pos = _skip(s, q.end)
        if pos < len(s) and s[pos] in "”’»\"" and q.start > 0 and s[q.start - 1] in "\"“‘«":
            pos = _skip(s, pos + 1)  # '"dezenas" de sistemas': the quoted amount, then its noun
        possessor = None
        el = C.elided.match(s, pos)
        if el and not C.objects.match(s, pos) and not C.objects.match(s, _skip(s, el[0])):
            return _Obj(None, None, q.start, el[0], elided=True)  # "ribuan lainnya"; not "6,000 lagi tentera"
        eb = C.elided_before.last(s, max(0, q.start - 40), q.start)
        if eb and not s[eb[1]:q.start].strip() and not C.objects.match(s, pos) and not _MODELS.match(s, pos) \
                and not (C.classifiers.match(s, pos) or C.fillers.match(s, pos)) and self._last.get(st.paragraph):
            return _Obj(None, None, eb[0], q.end, elided=True)  # "outros 3.000", "another 3,000"
        v = C.verbs.match(s, pos)
        if v and v[2] in CASUALTY_VERBS and not C.objects.match(s, pos):  # "and thousands wounded"
            if st.paragraph in self._last:
                return _Obj(None, None, q.start, q.end, elided=True)
            return _Obj("people", "people", q.start, q.end)
        for _ in range(5):
            if pos >= nxt:
                break
            hit = C.objects.match(s, pos)
            if hit:
                end, phrase, (cls, name) = hit
                if cls == "people":  # "10.000 orang tentara"
                    hit2 = C.objects.match(s, _skip(s, end))
                    if hit2 and hit2[2][0] != "people":
                        end, phrase, (cls, name) = hit2
                    elif C.classifiers.match(s, pos):
                        before = self._object_before(st, C, starts, q, end)  # "tentara sebanyak 10.000 orang"
                        if before is not None and before.cls != "people":
                            return before
                if possessor is None:
                    # a name starting inside the object: "personel militer Korea Utara" holds the
                    # army "militer Korea Utara"
                    for a, b, m in ms.starting(pos + 1, end):
                        if b >= end and self.ctx.actor(m) and m.type in (GPE, PERSON, "ORG"):
                            possessor, end = m, b  # "reclutas ucranianos" listed whole: its owner all the same
                            break
                if possessor is None:
                    possessor, end = self._possessor_after(s, C, starts, end)
                return _Obj(cls, name, pos, end, possessor, phrase=phrase)
            wm = _MODELS.match(s, pos)  # "18 Leopard 2A6", "100 Fath-360s", "12 HIMARS"
            if wm and not C.objects.match(s, _skip(s, wm.end())):
                cls, name = _MODEL_TABLE.get(model_key(wm.group(1)), (None, None))
                if cls:
                    poss, end = self._possessor_after(s, C, starts, wm.end())
                    return _Obj(cls, name, pos, end, possessor or poss, phrase=wm.group(1))
            if pos in starts:
                b, m = starts[pos]
                if m.type in (GPE, PERSON) or m.type == "ORG":
                    possessor = m
                pos = _skip(s, b)
                continue
            w = C.classifiers.match(s, pos) or C.fillers.match(s, pos)
            if w:
                pos = _skip(s, w[0])
                continue
            d = _DESIGNATOR.match(s, pos)  # "14.000 MK-84 bombs", "20 Leopard tanks"
            if d and C.objects.match(s, _skip(s, d.end())):
                pos = _skip(s, d.end())
                continue
            cal = _CALIBRE.match(s, pos)  # "5,000 155 mm shells", "120 unit 152 mm howitzer"
            if cal and C.calibre_units.match(s, cal.end()):
                after = _skip(s, C.calibre_units.match(s, cal.end())[0])
                if C.objects.match(s, after) or C.classifiers.match(s, after):
                    pos = after
                    continue
            adj = self._adjectives(s, C, pos)  # "178 alten Leopard 1", "500 well-trained elite troops"
            if adj is not None:
                pos = adj
                continue
            break
        # "tentara sebanyak 10.000 orang": the object stands before the number
        after = _skip(s, q.end)
        tail = C.classifiers.match(s, after)
        if tail or not s[after:].strip(_END_PUNCT) or SOFT_BREAK.match(s, after) or C.verbs.match(s, after):
            before = self._object_before(st, C, starts, q, tail[0] if tail else q.end)
            if before is not None:
                return before
        # "the death toll stood at 600", "o número de mortos foi estimado em pelo menos 600"
        toll = C.toll_nouns.last(s, max(st.body_start, _last_break(s, q.start, st.body_start)), q.start)
        if toll and gap_words(s, toll[1], q.start) <= 8:
            return _Obj("people", "people", toll[0], q.end, phrase=toll[2], implied_verb=toll[3])
        # "..., bringing the total since February 2022 to about 124,000": the total of what was counted before
        total = C.total_nouns.last(s, max(st.body_start, q.start - 120), q.start)
        if total and gap_words(s, total[1], q.start) <= 8 and st.paragraph in self._last \
                and not HARD_BREAK.search(s, total[1], q.start):
            return _Obj(None, None, total[0], q.end, elided=True)
        return None

    @staticmethod
    def _adjectives(s: str, C: LangCues, pos: int) -> int | None:
        """One or two lower-case words no cue knows between a number and a known object or model:
        where the object starts, else None."""
        p = pos
        for _ in range(2):
            m = WORD.match(s, p)
            if not m or not m.group().islower() or any(ch.isdigit() for ch in m.group()) \
                    or C.verbs.match(s, p) or C.conjunctions.match(s, p) or C.clause_breaks.match(s, p) \
                    or C.recipient_before.match(s, p) or C.not_subject_after.match(s, p):
                return None
            p = _skip(s, m.end())
            if C.objects.match(s, p) or _MODELS.match(s, p):
                return p
        return None

    def _object_before(self, st: Sent, C: LangCues, starts, q, end: int) -> _Obj | None:
        """The object named just before the number ("tentara sebanyak 10.000 orang")."""
        s = st.text
        lo = max(st.body_start, _last_break(s, q.start, st.body_start))
        hit = C.objects.last(s, lo, q.start)
        if hit and gap_words(s, hit[1], q.start) <= 3:
            a, b, phrase, (cls, name) = hit
            poss, _ = self._possessor_after(s, C, starts, b)
            return _Obj(cls, name, a, end, poss, phrase=phrase)
        return None

    def _possessor_after(self, s: str, C: LangCues, starts, end: int):
        """The owner named right after the object: "tentara Korut", "troops from North Korea"."""
        p = _skip(s, end)
        if p in starts:
            b, m = starts[p]
            if m.type in (GPE, PERSON, "ORG") and self.ctx.actor(m):
                alias = _PAREN_ALIAS.match(s, b)  # "tentara Korea Utara (Korut) bakal dikirim"
                return m, (alias.end() if alias else b)
            return None, end
        link = C.source_before_prep.match(s, p)
        if link:
            p2 = _skip(s, link[0])
            if p2 in starts:
                b, m = starts[p2]
                if m.type in (GPE, PERSON, "ORG") and self.ctx.actor(m):
                    return m, b
        return None, end

    def _coordinated(self, s: str, C: LangCues, prev_claim: Claim, st: Sent, prv: int, start: int) -> bool:
        """The claim before stands in the same sentence, joined to this one by a conjunction only."""
        if prev_claim.sentence != st.text or prv <= st.body_start:
            return False
        between = s[prv:start]
        if HARD_BREAK.search(between) or gap_words(s, prv, start) > 8:
            return False
        after_prev = s[max(prv, prev_claim.end - st.start):start]
        if after_prev.strip() == "," and prev_claim.action != SCHEMA.fallback:
            return True  # an enumeration: "50 vehículos, 100 obuses y 500.000 proyectiles"
        return bool(C.conjunctions.search(s, prv, start))

    # ------------------------------------------------------------ verb and action
    def _verb_after(self, s: str, C: LangCues, ms, start: int, nxt: int, has_left: bool):
        stop = min(nxt, _next_break(s, start))
        n = 0
        pos = start
        for m in WORD.finditer(s, start, stop):
            if m.start() < pos:
                continue
            hit = C.verbs.match(s, m.start(), stop)
            if hit:
                if hit[2] == "send":
                    # "troops sent to help Russia were killed": a transfer verb right after its object
                    # qualifies the noun when a casualty verb follows in the same clause
                    for a2, b2, _, v2 in C.verbs.finditer(s, hit[0], min(nxt, _next_break(s, hit[0]))):
                        if v2 in CASUALTY_VERBS:
                            return _joint_casualties(s, C, (b2, None, v2), stop), a2, b2
                return _joint_casualties(s, C, hit, stop), m.start(), hit[0]
            if C.clause_breaks.match(s, m.start()) or (has_left and C.relatives.match(s, m.start())):
                break
            if m.start() in ms.at:
                pos = ms.at[m.start()][0]
                continue
            n += 1
            if n > C.verb_window:
                break
        return None, None, None

    def _action(self, obj: _Obj, verb: str | None, recipient: bool, unit: str | None) -> str | None:
        """What the claim counts, from the schema (claim_types.yaml): object class × verb class."""
        return SCHEMA.action_for(obj.cls, verb, recipient, unit)

    # ------------------------------------------------------------ actor and recipient
    def _usable(self, sa: SentAttr, a: int, b: int) -> bool:
        return not sa.in_source(a, b)

    def _actor(self, st, C, ms, sa, q, obj: _Obj, verb, vpos, floor, nxt, casualty: bool) -> str | None:
        s = st.text
        stop = self._clause_end(s, C, ms, obj.end, nxt)
        if not casualty:
            # the origin of a transfer: "dari Korea Utara ke Rusia"; the agent: "dikirim oleh Korea Utara".
            # One word between the preposition and the name ("a bordo de buques rusos") yields to the
            # owner written at the noun ("soldados norcoreanos").
            for gap in (0, 1):
                if gap and obj.possessor is not None and self.ctx.actor(obj.possessor):
                    break
                for a, b, m in ms.starting(obj.end, stop):
                    if not self._usable(sa, a, b):
                        continue
                    if _preceded_by(s, C.source_before_prep, a, gap) or _preceded_by(s, C.agent_before, a, gap):
                        name = self.ctx.actor(m)
                        if name:
                            return name
        if obj.possessor is not None:
            name = self.ctx.actor(obj.possessor)
            if name:
                return name
        if casualty and vpos is not None and vpos < q.start and not C.victim_subject.match(s, vpos):
            return None  # "a strike killed 25 people": the subject is who killed, not whose dead
        if verb == "train":
            return None  # the trainees' state is the owner at the noun ("Ukrainian soldiers"), not the trainer
        if verb == "receive":
            # "received 100 missiles from Iran", "a reçu de Téhéran 2 000 drones"
            lo = _word_end(s, vpos) if vpos is not None and vpos < q.start else obj.end
            for a, b, m in ms.starting(obj.end, stop) + (ms.starting(lo, q.start) if lo < q.start else []):
                if _preceded_by(s, C.source_before_prep, a, 1):
                    name = self.ctx.actor(m)
                    if name:
                        return name
            return None
        end = vpos if vpos is not None and vpos < q.start else q.start
        subject = self._subject(st, C, ms, sa, floor, end)
        if subject is None and vpos is not None and vpos < q.start:
            subject = self._subject_after_verb(st, C, ms, sa, vpos, q.start)
        return subject

    def _double_object(self, st, C, ms, sa, floor: int, q, vpos, vend):
        """Sender and receiver as two bare names before the number: "Iran sold Russia 400 drones",
        "Der Iran hat Russland 300 Drohnen geliefert" (no preposition marks either): the first is
        the sender, the second the receiver. Returns (actor, recipient) or None."""
        s = st.text
        bare = []
        for a, b, m in ms.between(floor, q.start):
            if not self._usable(sa, a, b) or m.type == MEDIA or not self.ctx.actor(m):
                continue
            if _preceded_by(s, C.recipient_before, a, 0) or _preceded_by(s, C.not_subject_after, a, 0) \
                    or _preceded_by(s, C.source_before_prep, a, 0) or _preceded_by(s, C.agent_before, a, 0):
                return None  # a marked name: the prepositions tell the roles
            bare.append((a, b, m))
        if len(bare) != 2 or gap_words(s, bare[1][1], q.start) > 2:
            return None
        (a1, b1, m1), (a2, b2, m2) = bare
        if vpos is not None and vpos < q.start and not (b1 <= vpos < a2):
            return None  # before the number the verb must stand between the two ("Iran sold Russia")
        if SOFT_BREAK.search(s, b1, a2) or C.conjunctions.search(s, b1, a2):
            return None  # "Iran and Russia", "Iran, Russia": a list, not two roles
        actor, recipient = self.ctx.actor(m1), self.ctx.recipient(m2)
        return (actor, recipient) if actor and recipient and actor != recipient else None

    def _subject_after_verb(self, st, C, ms, sa, vpos: int, start: int) -> str | None:
        """An inverted subject between the verb and the number ("Im Juni schickte Nordkorea 5.000
        Soldaten", "mandó Corea del Norte 3.000 soldados") when none stands before the verb."""
        s = st.text
        vend = _word_end(s, vpos)
        for a, b, m in ms.starting(vend, start):
            if b > start or not self._usable(sa, a, b) or m.type == MEDIA:
                continue
            if _preceded_by(s, C.recipient_before, a, 0) or _preceded_by(s, C.not_subject_after, a, 0) \
                    or _preceded_by(s, C.source_before_prep, a, 0):
                continue
            if SOFT_BREAK.search(s, vend, a):
                return None
            return self.ctx.actor(m)
        return None

    def _clause_end(self, s: str, C: LangCues, ms, start: int, nxt: int) -> int:
        """Where the claim's clause ends after the object: a break, or a clause of purpose or time
        ("untuk membantu Rusia merebut kembali Kursk dari kendali Ukraina")."""
        right = _next_break(s, start, nxt)
        for m in WORD.finditer(s, start, right):
            hit = C.clause_breaks.match(s, m.start())
            if hit:
                return m.start()
        return right

    def _subject(self, st, C, ms, sa, floor: int, end: int) -> str | None:
        s = st.text
        for a, b, m in reversed(ms.between(floor, end)):
            if not self._usable(sa, a, b) or m.type == MEDIA:
                continue
            if _preceded_by(s, C.not_subject_after, a, 0) or _preceded_by(s, C.recipient_before, a, 0):
                continue
            name = self.ctx.actor(m)
            if name:
                return name
        return None

    def _has_subject(self, st, C, ms, sa, floor, end) -> bool:
        return self._subject(st, C, ms, sa, floor, end) is not None

    def _prev_subject(self, st: Sent) -> str | None:
        """The elided subject of a sentence continuing the one before it in its paragraph."""
        prev = self.ctx.prev_in_paragraph(st)
        if prev is None:
            return None
        C = cues(prev.lang)
        if C is None:
            return None
        sa = self.att.of(prev)
        for m in self.ctx.sent_mentions(prev):
            a, b = m.start - prev.start, m.end - prev.start
            if not self._usable(sa, a, b) or m.type == MEDIA:
                continue
            if _preceded_by(prev.text, C.not_subject_after, a, 0):
                continue
            name = self.ctx.actor(m)
            if name:
                return name
        return None

    def _recipient(self, st, C, ms, sa, q, obj: _Obj, verb, vpos, vend, nxt) -> tuple[str | None, bool]:
        s = st.text
        # "memasok Rusia dengan ...": the receiver right after the verb
        if vend is not None and vpos is not None and vpos < q.start:
            p = _skip(s, vend)
            if p in ms.at:
                b, m = ms.at[p]
                if C.supply_with.match(s, _skip(s, b)):
                    r = self.ctx.recipient(m)
                    if r:
                        return r, True
        # "envió a Rusia 3.000 soldados": the receiver between the verb and the number
        if vend is not None and vpos is not None and vpos < q.start:
            for a, b, m in ms.starting(vend, q.start):
                if self._usable(sa, a, b) and _preceded_by(s, C.recipient_before, a, 0) \
                        and not SOFT_BREAK.search(s, vend, a):
                    r = self.ctx.recipient(m)
                    if r:
                        return r, True
        stop = min(nxt, len(s))
        hb = HARD_BREAK.search(s, obj.end, stop)
        if hb and s[hb.start()] in ";":
            stop = hb.start()
        for a, b, m in ms.starting(obj.end, stop):
            if not self._usable(sa, a, b):
                continue
            if obj.possessor is not None and m is obj.possessor:
                continue
            if C.opponent_before.search(s, obj.end, a):
                break  # "para combatir a las fuerzas ucranianas", "to fight Ukraine": the enemy, not the receiver
            if _preceded_by(s, C.recipient_before, a, 2):
                r = self.ctx.recipient(m)
                if r:
                    return r, True
        return None, False

    def _verb_from_the_next(self) -> None:
        """A verbless count joined to the next one by a conjunction takes its verb ("150 pilots and
        2,000 crew members were trained in Germany", "600 tentara dan 2.000 pekerja dikirim")."""
        for c1, c2 in zip(self.claims, self.claims[1:]):
            if c1.action != SCHEMA.fallback or self._verb_of.get(id(c1)) or not c1.object_class:
                continue
            v2 = self._verb_of.get(id(c2))
            if not v2 or self._sent_of.get(id(c1)) != self._sent_of.get(id(c2)) or c2.action == SCHEMA.fallback:
                continue
            st = self.ctx.sents[self._sent_of[id(c1)]]
            C = cues(st.lang)
            between = self.ctx.text[c1.end:c2.start]
            words = WORD.findall(between.lower())
            if HARD_BREAK.search(between) or not words or len(words) > 3 or not all(C.conjunctions.get(w) for w in words):
                continue
            action = SCHEMA.action_for(c1.object_class, v2, bool(c2.recipient), c1.unit)
            if action is None or action == SCHEMA.fallback:
                continue
            c1.action = action
            c1.actor = c1.actor or c2.actor
            if action in SUPPLY_ACTIONS:
                c1.recipient = c1.recipient or c2.recipient
            if c1.period_start is None and c1.period_end is None:
                c1.period_start, c1.period_end = c2.period_start, c2.period_end
            if c1.stance == "asserted":
                c1.stance, c1.attributed_to = c2.stance, c1.attributed_to or c2.attributed_to

    def _share_along_enumerations(self) -> None:
        """Claims of one enumeration ("a fourni 20 000 soldats, 150 missiles et 3 millions d'obus à
        la Russie en 2024") share the period and receiver named after the last item."""
        run: list[Claim] = []
        for c in self.claims + [None]:
            if c is not None and run and self._joined.get(id(run[-1])):
                run.append(c)
                continue
            if len(run) > 1:
                last = run[-1]
                for x in run[:-1]:
                    if x.period_start is None and x.period_end is None:
                        x.period_start, x.period_end = last.period_start, last.period_end
                    if x.recipient is None and last.recipient and x.action in SUPPLY_ACTIONS and x.actor != last.recipient:
                        x.recipient = last.recipient
            run = [c] if c is not None else []

    def _later_denials(self) -> None:
        """A denial in a sentence of its own right after a transfer ("Tehran denied the reports.",
        "Moskau bestreitet das.") denies the transfers of its actor or receiver just before it; the
        one who denies is credited after the sources of the number."""
        for st in self.ctx.sents:
            sa = self.att.of(st)
            if not sa.deny or any(q.kind == "count" for q in self.ctx.quantities(st)):
                continue
            denier = sa.deny[0][1]
            if not denier:
                continue
            for c in self.claims:
                i = self._sent_of.get(id(c))
                if i is None or not (0 < st.index - i <= 2) or c.action not in SUPPLY_ACTIONS or c.stance == "denied":
                    continue
                if self.ctx.sents[i].paragraph not in (st.paragraph, st.paragraph - 1):
                    continue
                if denier in (c.actor, c.recipient):
                    c.stance = "denied"
                    if denier not in c.attributed_to:
                        c.attributed_to = c.attributed_to + [denier]
                        c.source_chains = c.source_chains + [[denier]]

    def _credit_agency(self) -> None:
        """A closing agency credit ("dpa/moko") counts for every claim, after any nearer source."""
        agency = closing_credit(self.ctx)
        if agency is None:
            return
        for c in self.claims:
            if agency not in c.attributed_to:
                c.attributed_to = c.attributed_to + [agency]
                c.source_chains = [ch + [agency] for ch in c.source_chains] or [[agency]]
                if c.stance == "asserted":
                    c.stance = "reported"

    def _credit_back(self) -> None:
        """A sentence that points back ("That emerges from a new MSMT report") credits the claims
        of the sentence before it that credit no one."""
        for c in self.claims:
            i = self._sent_of.get(id(c))
            if i is None or c.attributed_to or i + 1 >= len(self.ctx.sents):
                continue
            nxt = self.ctx.sents[i + 1]
            sa = self.att.of(nxt)
            if sa.points_back and sa.names():
                c.attributed_to = sa.names()
                c.source_chains = source_chains(c.attributed_to, sa.parallel)
                if c.stance == "asserted":
                    c.stance = "reported"

    def _borrowed_send(self, st, C, ms, sa, q, obj: _Obj) -> tuple[str | None, str | None] | None:
        """A count with no verb of its own whose transfer verb stands elsewhere: after a colon
        ("14.000 soldados, 100 misiles: lo que ha mandado Corea del Norte a Rusia"), or in the
        sentence before when this one lists what it comprised ("Eso comprende hasta 9 millones de
        proyectiles"). Returns (actor, recipient) read around that verb, or None."""
        s = st.text
        colon = s.find(":", obj.end)
        if colon >= 0 and not HARD_BREAK.search(s.replace(":", " "), obj.end, colon):
            for a, b, _, v in C.verbs.finditer(s, colon + 1, len(s)):
                if v == "send":
                    return self._around_verb(st, C, self.ctx.local(st), self.att.of(st), a, b)
                break
        inc = C.inclusion_cues.last(s, st.body_start, q.start)
        if inc is None or C.verbs.search(s, st.body_start, q.start):
            return None
        prev = self.ctx.prev(st)
        if prev is None or prev.paragraph not in (st.paragraph, st.paragraph - 1):
            return None
        PC = cues(prev.lang) or C
        for a, b, _, v in PC.verbs.finditer(prev.text, prev.body_start, len(prev.text)):
            if v == "send":
                return self._around_verb(prev, PC, self.ctx.local(prev), self.att.of(prev), a, b)
        return None

    def _around_verb(self, st, C, ms, sa, a: int, b: int) -> tuple[str | None, str | None]:
        """The sender and receiver of a transfer verb: a name before it (else after it) that is
        no receiver, and a name after it behind a receiver's preposition."""
        s = st.text
        lo = _last_break(s, a, st.body_start)
        actor = self._subject(st, C, ms, sa, lo, a)
        recipient = None
        stop = _next_break(s, b)
        for x, y, m in ms.between(lo, a):  # verb-final clauses: "Waffen an die Ukraine geliefert"
            if self._usable(sa, x, y) and _preceded_by(s, C.recipient_before, x, 1):
                recipient = self.ctx.recipient(m)
        for x, y, m in ms.starting(b, stop):
            if not self._usable(sa, x, y):
                continue
            if _preceded_by(s, C.recipient_before, x, 1):
                recipient = recipient or self.ctx.recipient(m)
            elif actor is None and m.type != MEDIA and not _preceded_by(s, C.not_subject_after, x, 0):
                actor = self.ctx.actor(m)
        return actor, (recipient if recipient != actor else None)

    def _location(self, st, C, ms, sa, obj: _Obj, nxt: int) -> str | None:
        """The state a place after the object lies in ("di wilayah Rusia", "in Kursk")."""
        s = st.text
        for a, b, m in ms.starting(obj.end, min(nxt, _next_break(s, obj.end))):
            if self._usable(sa, a, b) and _preceded_by(s, C.location_before, a, 2):
                return self.ctx.recipient(m)
        return None

    def _default_recipients(self) -> None:
        """A transfer without a receiver in its clause goes where the article's other transfers by the
        same actor go (or, failing those, where its sentences send things, or where all its transfers go)."""
        known: dict[str | None, Counter] = {}
        for c in self.claims:
            if c.recipient and c.action in SUPPLY_ACTIONS:
                known.setdefault(c.actor, Counter())[c.recipient] += 1
        for c in self.claims:
            if c.recipient or c.action not in SUPPLY_ACTIONS or not c.actor:
                continue
            counts = known.get(c.actor)
            if not counts:
                counts = self._scan_recipients(c.actor)
                known[c.actor] = counts
            best = [r for r, _ in counts.most_common() if r != c.actor]
            if best:
                c.recipient = best[0]
        # a transfer with no sender in an article whose transfers all come from one sender
        # (and casualties with no owner in an article whose casualties are all one side's)
        for kinds in (SUPPLY_ACTIONS, CASUALTY_ACTIONS):
            owners = Counter(c.actor for c in self.claims if c.actor and c.action in kinds)
            if len(owners) == 1:
                (owner, _), = owners.items()
                for c in self.claims:
                    if not c.actor and c.action in kinds and c.recipient != owner:
                        c.actor = owner
        # failing those, where the article's transfers go when they all go one way ("Poland will
        # contribute 14 Leopard tanks" in a story on aid to Ukraine)
        every = Counter(c.recipient for c in self.claims if c.recipient and c.action in SUPPLY_ACTIONS)
        if len(every) == 1:
            (only, _), = every.items()
            for c in self.claims:
                if not c.recipient and c.action in SUPPLY_ACTIONS and c.actor != only:
                    c.recipient = only
        for c in self.claims:
            a = SCHEMA.actions.get(c.action)
            if a is not None and a.needs_recipient and not c.recipient:
                c.action = SCHEMA.fallback  # workers sent nowhere: more likely employed than dispatched

    def _scan_recipients(self, actor: str) -> Counter:
        out: Counter = Counter()
        for st in self.ctx.sents:
            C = cues(st.lang)
            if C is None:
                continue
            s = st.text
            ms = self.ctx.local(st)
            if len(ms) > 200 or not any(self.ctx.actor(m) == actor for _, _, m in ms):
                continue
            sends = [a for a, _, _, v in C.verbs.finditer(s, words=st.words) if v == "send"]
            if not sends:
                continue
            for a, b, m in ms:
                if a > sends[0] and _preceded_by(s, C.recipient_before, a, 2) \
                        and not C.opponent_before.search(s, sends[0], a):
                    r = self.ctx.recipient(m)
                    if r and r != actor:
                        out[r] += 1
        return out

    # ------------------------------------------------------------ lists
    def _header(self, st: Sent, C: LangCues) -> _Header | None:
        if st.header is None:
            return None
        if st.header in self._headers:
            return self._headers[st.header]
        hs = self.ctx.sents[st.header]
        HC = cues(hs.lang) or C
        sa = self.att.of(hs)
        s = hs.text
        ms = self.ctx.local(hs)
        h = _Header(attr=sa)
        hit = HC.verbs.last(s)
        if hit:
            h.verb = hit[3]
            h.actor = self._subject(hs, HC, ms, sa, hs.body_start, hit[0])  # "Korea Utara telah memasok:"
            p = _skip(s, hit[1])
            if p in ms.at and HC.supply_with.match(s, _skip(s, ms.at[p][0])):  # "supplied Russia with:"
                h.recipient = self.ctx.recipient(ms.at[p][1])
        if h.actor is None:
            for a, b, m in reversed(ms):
                if self._usable(sa, a, b) and m.type != MEDIA and not _preceded_by(s, HC.not_subject_after, a, 0) \
                        and not _preceded_by(s, HC.recipient_before, a, 0):
                    h.actor = self.ctx.actor(m)
                    if h.actor:
                        break
        for a, b, m in ms:
            if h.recipient is not None:
                break
            if self._usable(sa, a, b) and _preceded_by(s, HC.recipient_before, a, 2):
                r = self.ctx.recipient(m)
                if r and r != h.actor:
                    h.recipient = r
        for p in self._periods(hs):
            if not sa.in_source(p.start, p.end):
                h.period = (p.period_start, p.period_end)
                break
        h.plan = bool(sa.plan)
        self._headers[st.header] = h
        return h

    # ------------------------------------------------------------ period
    def _periods(self, st: Sent):
        return self.ctx.periods(st)

    def _period(self, st: Sent, C: LangCues, sa: SentAttr, q, floor: int, nxt: int):
        s = st.text
        lo = floor
        hi = nxt
        best = None
        for p in self._periods(st):
            if p.end <= lo or p.start >= hi or sa.in_source(p.start, p.end):
                continue
            if q.start <= p.start < q.end:
                continue
            # "..., South Korea's spy agency said in April": the month of saying, not of the claim
            if p.start >= q.end and any(q.end <= c < p.start for c in sa.cues):
                continue
            d = p.start - q.end if p.start >= q.end else (q.start - p.end) + 1000
            if best is None or d < best[0]:
                best = (d, p)
        if best is None:
            return None
        p = best[1]
        if p.period_start and p.period_end == p.period_start or _one_year(p):
            # "since the start of the invasion in February 2022": open-ended
            lo2 = max(lo, p.start - 80)
            if C.since and C.since.search(s, lo2, p.start) and not C.since.search(s, p.start, p.end):
                return p.period_start, None
        return p.period_start, p.period_end

    # ------------------------------------------------------------ attribution and stance
    def _stance(self, st, C, sa: SentAttr, q, floor, nxt, actor, header: _Header | None, right_verb_end=None):
        names = sa.names()
        unnamed = sa.unnamed
        # a hedge after the claim counts unless a new clause ("..., et ils seraient soignés") holds it
        tail = _next_break(st.text, q.end, nxt)
        strong = [p for p in sa.strong if p < nxt and not self._new_clause(st.text, C, tail, p)]
        weak = [p for p in sa.weak if p < nxt and not self._new_clause(st.text, C, tail, p)]
        clause = _last_break(st.text, q.start, st.body_start)  # the claim's own clause starts here
        plan = any(clause <= p < q.start or (right_verb_end is not None and q.end <= p < right_verb_end)
                   for p in sa.plan)  # "akan mengirim 1.000", "workers are expected to arrive"
        if header is not None and header.attr is not None:
            ha = header.attr
            names = names or ha.names()
            unnamed = unnamed or ha.unnamed
            strong = strong or ha.strong
            weak = weak or ha.weak
            plan = plan or header.plan
        # a denial or confirmation in another clause ("Moscow denies ..., but Kyiv says 50 ...") is not this one's
        deny = [d for d in sa.deny if clause <= d[0] < nxt or self._governs(st, C, sa, d[0], q.start)]
        confirm = [c for c in sa.confirm if clause <= c[0] < q.start or self._governs(st, C, sa, c[0], q.start)
                   or (c[0] >= q.end and _closing_verb(st.text, c[0], nxt))]  # "..., Berlin confirmed."
        if deny:
            # the one who denies is credited with the denial ("Russia denies ...", "dibantah Rusia")
            who = self._agent_after(st, C, deny[-1][0]) or deny[-1][1]
            if who and not any(n == who for n in names):
                names = [who] + names
            return names, "denied"
        if confirm:
            _, who, source = confirm[-1]
            if who is None or who == actor:
                return [n for n in names if n != actor and n != source], "confirmed"
            if source and source not in names:
                names = names + [source]
        if plan:
            return names, "planned"
        if strong:
            return names, "alleged"
        if names and actor and names[0] != actor and self._speaks_for(names[0], actor):
            # the actor's own government states its number ("Zelensky said 31,000 Ukrainian soldiers
            # were killed", "Pistorius: Germany delivered 18 tanks")
            return names, "confirmed"
        if names or unnamed:
            return names, "reported"
        if weak:
            return names, "alleged"
        return names, "asserted"

    def _speaks_for(self, name: str, actor: str) -> bool:
        """A person or body that belongs to the actor's state (its president, ministry, army)."""
        e = self.ctx.entity(name)
        if e is None or getattr(e, "type", None) not in (PERSON, "ORG"):
            return False
        code = getattr(e, "country", None)
        state = self.ctx.kb.get(code) if code and self.ctx.kb is not None else None
        return state is not None and state.name == actor

    @staticmethod
    def _new_clause(s: str, C: LangCues, tail: int, p: int) -> bool:
        """The hedge at ``p`` stands in a clause after the claim's own that a conjunction opens."""
        if p < tail:
            return False
        return bool(C.conjunctions.search(s, tail, p) or any(
            C.clause_breaks.match(s, m.start()) for m in WORD.finditer(s, tail, p)))

    def _governs(self, st, C, sa: SentAttr, cue: int, pos: int) -> bool:
        """A denial or confirmation before the claim's clause whose complement the claim is
        ("Pyongyang dementiert, 3.000 Soldaten geschickt zu haben", "confirmed that ..."): no break,
        no other source and no new clause stand between them."""
        s = st.text
        if cue >= pos or pos - cue > 200 or HARD_BREAK.search(s, cue, pos):
            return False
        if any(cue < c < pos for c in sa.cues):
            return False
        return not any(m for m in WORD.finditer(s, cue, pos) if C.clause_breaks.match(s, m.start()))

    def _agent_after(self, st, C, cue: int) -> str | None:
        """The doer named right after a passive verb ("Dibantah Rusia", "denied by Moscow")."""
        s = st.text
        hit = C.passive_cues.match(s, cue)
        end = hit[0] if hit else _word_end(s, cue)
        p = _skip(s, end)
        ag = C.agent_before.match(s, p)
        if ag:
            p = _skip(s, ag[0])
        elif not hit:
            return None  # "Russia denies North Korea sent ...": after an active verb stands its object
        ms = self.ctx.local(st)
        if p in ms.at:
            return self.ctx.actor(ms.at[p][1])
        return None

    # ------------------------------------------------------------ clause bounds and quote
    def _floor(self, s: str, C: LangCues, pos: int, prv: int) -> int:
        """Where the claim's clause starts, for its verb and subject: after the last hard break,
        'bahwa'/'that', or the claim before."""
        best = max(prv, pos - WINDOW)
        for m in HARD_BREAK.finditer(s, best, pos):
            best = m.end()
        for _, b, _, _ in C.complementisers.finditer(s, best, pos):
            best = b
        return best

    def _quote(self, st: Sent, C: LangCues, q, obj: _Obj, prv: int, nxt: int, ms, vpos) -> tuple[int, int]:
        s = st.text
        if st.item:
            a, b = st.body_start, len(s)
            return _trim(s, a, b)
        left = max(prv, _last_break(s, q.start, st.body_start))
        for _, b, _, _ in C.complementisers.finditer(s, left, q.start):
            left = b
        if prv > st.body_start:  # a claim before in this sentence: start after the word joining them
            for _, b, _, _ in C.conjunctions.finditer(s, left, q.start):
                left = b
        # a long run before the number: start at the verb or the subject
        if gap_words(s, left, q.start) > 12:
            cand = [x for x in (vpos,) if x is not None and left <= x < q.start]
            cand += [a for a, b, m in ms.starting(left, q.start) if gap_words(s, a, q.start) <= 10]
            left = min(cand) if cand else _word_back(s, q.start, 8)
        right = _next_break(s, obj.end, nxt)
        for m in WORD.finditer(s, obj.end, right):
            hit = C.clause_breaks.match(s, m.start())
            if hit:
                nxt_word = _skip(s, hit[0])
                if nxt_word not in ms.at:
                    right = m.start()
                    break
        a, b = _trim(s, left, right)
        # leading/trailing conjunctions ("dan ribuan lainnya", "gugur dan")
        c = C.conjunctions.match(s, a) or C.clause_breaks.match(s, a)
        if c and c[0] < q.start:
            a = _skip(s, c[0])
        last = None
        for m in WORD.finditer(s, a, b):
            last = m
        if last is not None and C.conjunctions.get(last.group()) and last.start() > q.end:
            b = last.start()
        return _trim(s, a, b)


# ---------------------------------------------------------------- helpers
def _joint_casualties(s: str, C: LangCues, hit, stop: int) -> str:
    """'killed or wounded', 'tewas dan terluka' read as one: casualties of both kinds."""
    cls = hit[2]
    if cls not in ("killed", "wounded"):
        return cls
    # "killed or wounded", "killed, wounded or captured", "tewas, terluka, atau ditawan": a list of
    # fates is casualties of every kind
    pos = hit[0]
    for _ in range(4):
        p = _skip(s, pos)
        if p < len(s) and s[p] == ",":
            p = _skip(s, p + 1)
        conj = C.conjunctions.match(s, p)
        if conj:
            p = _skip(s, conj[0])
        elif p == _skip(s, pos):
            break  # neither a comma nor a conjunction: the list is over
        other = C.verbs.match(s, p)
        if not other:
            break
        if other[2] != cls and other[2] in ("killed", "wounded", "casualties", "other"):
            return "casualties"
        pos = other[0]
    return cls


def _closing_verb(s: str, pos: int, nxt: int) -> bool:
    """A verb inverted at the sentence's end after a comma: "..., Berlin confirmed.": no number after it,
    a comma and at most three words before it, at most three words after."""
    if pos < nxt < len(s):
        return False
    comma = s.rfind(",", max(0, pos - 60), pos)
    return comma >= 0 and gap_words(s, comma, pos) <= 3 and gap_words(s, pos, len(s)) <= 4


def _one_year(p) -> bool:
    a, b = p.period_start or "", p.period_end or ""
    return len(a) == 7 and len(b) == 7 and a[:4] == b[:4] and a[5:] == "01" and b[5:] == "12"


def _ratio(s: str, C: LangCues, before, q) -> bool:
    hit = C.ratio_words.match(s, _skip(s, before.end))
    return bool(hit) and _skip(s, hit[0]) == q.start


def _num(v):
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError, OverflowError):
        return None
    if f != f or f in (float("inf"), float("-inf")):
        return None
    return f


# a weapon's model or make between a number and what it counts: capitalised or with digits (MK-84,
# KN-23, Leopard, M777, 155mm); it only counts as one when a known object follows
_MODELS, _MODEL_TABLE = weapon_models()

# a calibre's number, before its unit (claims.yaml calibre_units): "155 mm", "152-mm", "122mm"
_CALIBRE = regex.compile(r"\d{2,3}(?:[.,]\d)?[ \u00a0-]?")
_DESIGNATOR = regex.compile(r"(?:\p{Lu}[\p{L}\d]*|\d+\p{L}+)(?:-[\p{L}\d]+)*(?=\s)")


# a short alias in brackets after a name: "Korea Utara (Korut)", "the DPRK (North Korea)"
_PAREN_ALIAS = regex.compile(r"[ \t\u00a0]*\((?:[^()\n,;]{1,40})\)")
_END_PUNCT = " \t\u00a0.!?\"”’')"


def _word_end(s: str, pos: int) -> int:
    """Where the word starting at ``pos`` ends (``pos`` itself when none starts there)."""
    m = WORD.match(s, pos)
    return m.end() if m else pos


def _skip(s: str, pos: int) -> int:
    n = len(s)
    while pos < n and s[pos] in " \t\u00a0":
        pos += 1
    return pos


def _trim(s: str, a: int, b: int) -> tuple[int, int]:
    junk = " \t\u00a0\n,;:.-–—\"“”'’()"
    while a < b and s[a] in junk:
        a += 1
    while b > a and s[b - 1] in junk:
        b -= 1
    # keep a closing bracket or quote that belongs to the quoted words
    return a, b


WINDOW = 400  # a clause is looked for this far back at most (keeps long "sentences" linear)


def _last_break(s: str, pos: int, floor: int = 0) -> int:
    lo = max(floor, pos - WINDOW)
    best = lo
    for m in SOFT_BREAK.finditer(s, lo, pos):
        best = m.end()
    return best


def _next_break(s: str, pos: int, ceil: int | None = None) -> int:
    end = len(s) if ceil is None else min(ceil, len(s))
    m = SOFT_BREAK.search(s, pos, end)
    return m.start() if m else end


def _word_back(s: str, pos: int, n: int) -> int:
    ws = [m.start() for m in WORD.finditer(s, max(0, pos - 200), pos)]
    return ws[-n] if len(ws) >= n else (ws[0] if ws else pos)


def _preceded_by(s: str, phrases, a: int, gap: int) -> bool:
    """A phrase ends right before ``a`` (or at most ``gap`` words before it)."""
    if not phrases:
        return False
    lo = max(0, a - 60)
    best = None
    for x, y, _, _ in phrases.finditer(s, lo, a):
        best = (x, y)
    if best is None:
        return False
    between = s[best[1]:a]
    if SOFT_BREAK.search(between):
        return False
    return gap_words(s, best[1], a) <= gap
