"""The words claims, attribution and events look for, compiled per language from data files.

``cues(lang)`` reads ``data/lang/<lang>/{claims,attribution,events}.yaml`` once and compiles every
list into one linear regular expression (a trie of the phrases, longest first, as whole words,
ignoring case) with a map from the phrase found back to what it means. Nothing here knows any
language: a language with no such files gets ``None`` and yields no claims or events.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator

from saksi import lang as langdata
from saksi.extract.numbers import _norm, alternation
from saksi.text.regexes import compiled


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_MODEL_SEP = re.compile(r"[\u00a0-]")


def text_words(text: str) -> frozenset[str]:
    """The lower-case words of a text, as ``Phrases.absent`` compares them."""
    return frozenset(_WORD.findall(text.lower()))


def key(phrase: str) -> str:
    """A phrase as the maps below store it: lower case, single spaces."""
    return _norm(phrase)


class Phrases:
    """A set of phrases (each with a value) compiled into one regular expression."""

    __slots__ = ("map", "_re", "_any", "firsts", "_always")

    def __init__(self, items: Any = None, value: Any = True):
        mapping: dict[str, Any] = {}
        if isinstance(items, dict):
            for k, v in items.items():
                if k is not None and key(str(k)):
                    mapping[key(str(k))] = v
        else:
            for k in items or ():
                if k is not None and key(str(k)):
                    mapping[key(str(k))] = value
        self.map = mapping
        self._any = bool(mapping)
        self._re = False  # compiled on first use: most phrase sets of a pack never meet a text that can hold one
        # the first word of every phrase: a text holding none of them holds no phrase
        self.firsts: set[str] = set()
        self._always = False
        for k in mapping:
            m = _WORD.match(k)
            if m is None:
                self._always = True
            else:
                self.firsts.add(m.group())

    @property
    def re(self):
        if self._re is False:
            self._re = compiled(alternation(self.map), re.I) if self.map else None
        return self._re

    def __bool__(self) -> bool:
        return self._any

    def __contains__(self, phrase: str) -> bool:
        return key(phrase) in self.map

    def get(self, phrase: str, default: Any = None) -> Any:
        return self.map.get(key(phrase), default)

    def absent(self, words: "set[str] | frozenset[str] | None") -> bool:
        """True when a text with these (lower-case) words cannot hold any of the phrases."""
        return not self._any or (words is not None and not self._always and self.firsts.isdisjoint(words))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, words=None) -> Iterator[tuple[int, int, str, Any]]:
        """(start, end, phrase, value) of every match in text[pos:endpos] (``words``: the text's
        lower-case words, to skip the scan when none can start a phrase)."""
        if self.absent(words):
            return
        end = len(text) if endpos is None else endpos
        for m in self.re.finditer(text, pos, end):
            k = key(m.group())
            yield m.start(), m.end(), k, self.map.get(k, True)

    def match(self, text: str, pos: int, endpos: int | None = None) -> tuple[int, str, Any] | None:
        """The phrase starting exactly at ``pos``: (end, phrase, value)."""
        if not self._any:
            return None
        m = self.re.match(text, pos, len(text) if endpos is None else endpos)
        if not m or m.end() == pos:
            return None
        k = key(m.group())
        return m.end(), k, self.map.get(k, True)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        for hit in self.finditer(text, pos, endpos):
            return hit
        return None

    def last(self, text: str, pos: int = 0, endpos: int | None = None):
        """The last match in text[pos:endpos], or None."""
        found = None
        for hit in self.finditer(text, pos, endpos):
            found = hit
        return found


@dataclass
class LangCues:
    lang: str
    # claims
    objects: Phrases = field(default_factory=Phrases)  # phrase -> (class, English name)
    classifiers: Phrases = field(default_factory=Phrases)
    ratio_words: Phrases = field(default_factory=Phrases)
    fillers: Phrases = field(default_factory=Phrases)
    elided: Phrases = field(default_factory=Phrases)
    elided_before: Phrases = field(default_factory=Phrases)  # "outros 3.000": the noun of the claim before
    verbs: Phrases = field(default_factory=Phrases)  # phrase -> verb class
    recipient_before: Phrases = field(default_factory=Phrases)
    source_before_prep: Phrases = field(default_factory=Phrases)
    supply_with: Phrases = field(default_factory=Phrases)
    estimate: Phrases = field(default_factory=Phrases)
    clause_breaks: Phrases = field(default_factory=Phrases)
    conjunctions: Phrases = field(default_factory=Phrases)
    complementisers: Phrases = field(default_factory=Phrases)
    agent_before: Phrases = field(default_factory=Phrases)
    victim_subject: Phrases = field(default_factory=Phrases)
    not_subject_after: Phrases = field(default_factory=Phrases)
    measure_units: Phrases = field(default_factory=Phrases)  # unit word -> schema unit ("ton" -> tonnes)
    calibre_units: Phrases = field(default_factory=Phrases)  # "mm": a calibre between a count and its noun
    location_before: Phrases = field(default_factory=Phrases)  # "di", "in": the place people are in
    inclusion_cues: Phrases = field(default_factory=Phrases)  # "Eso comprende": what the sentence before sent
    toll_nouns: Phrases = field(default_factory=Phrases)  # "death toll" -> killed: a count with no noun
    total_nouns: Phrases = field(default_factory=Phrases)  # "the total ... to 124,000": the claim before's noun
    opponent_before: Phrases = field(default_factory=Phrases)  # "to fight", "melawan": the enemy follows
    plan_suffixes: tuple = ()  # endings of a future tense on the claim's verb ("enviará"): planned
    verb_window: int = 4  # how many words after its object a claim's verb may stand (verb-final languages: more)
    # attribution
    src_after: Phrases = field(default_factory=Phrases)
    speech_after: Phrases = field(default_factory=Phrases)
    src_before: Phrases = field(default_factory=Phrases)
    report_nouns: Phrases = field(default_factory=Phrases)
    unnamed: Phrases = field(default_factory=Phrases)
    anaphors: Phrases = field(default_factory=Phrases)  # phrase -> report | person | group
    anaphoric_cues: Phrases = field(default_factory=Phrases)
    unnamed_names: Phrases = field(default_factory=Phrases)  # unnamed source phrase -> English noun
    passive_cues: Phrases = field(default_factory=Phrases)  # "dibantah": the denier stands after
    reported_speech: Phrases = field(default_factory=Phrases)  # "seien", "habe": reported speech goes on
    anaphoric_sources: Phrases = field(default_factory=Phrases)  # "demnach": the sources named last
    back_pointers: Phrases = field(default_factory=Phrases)  # "That emerges from": credits the sentence before
    hedges_strong: Phrases = field(default_factory=Phrases)
    hedges_weak: Phrases = field(default_factory=Phrases)
    confirm: Phrases = field(default_factory=Phrases)
    deny: Phrases = field(default_factory=Phrases)
    plan: Phrases = field(default_factory=Phrases)
    titles: Phrases = field(default_factory=Phrases)
    pronouns: Phrases = field(default_factory=Phrases)  # phrase -> person | group
    relatives: Phrases = field(default_factory=Phrases)  # "yang", "which": a noun phrase ends there
    cue_blockers: Phrases = field(default_factory=Phrases)  # "an estimated": no verb of saying
    caps_run: re.Pattern | None = None  # a capitalised name the entity finder missed
    quote_chars: str = "\"“”"
    # events
    triggers: Phrases = field(default_factory=Phrases)  # phrase -> (type, English verb)
    needs_person_after: frozenset = frozenset()
    anaphoric_after: Phrases = field(default_factory=Phrases)
    both_sides: Phrases = field(default_factory=Phrases)
    war_nouns: Phrases = field(default_factory=Phrases)
    war_links: Phrases = field(default_factory=Phrases)
    war_verbs: Phrases = field(default_factory=Phrases)
    place_before: Phrases = field(default_factory=Phrases)
    place_fillers: Phrases = field(default_factory=Phrases)
    place_articles: frozenset = frozenset()  # place prepositions that are also articles ("a" in Portuguese)
    passive_statements: Phrases = field(default_factory=Phrases)  # participles that count only with their agent
    split_triggers: Phrases = field(default_factory=Phrases)  # separable verb stem -> ((particle, (type, verb)), ...)
    split_war_verbs: Phrases = field(default_factory=Phrases)  # "brach ... aus" -> ((particle, True), ...)
    photo_cues: Phrases = field(default_factory=Phrases)
    photo_shows: Phrases = field(default_factory=Phrases)
    possessive: Phrases = field(default_factory=Phrases)
    since: Phrases = field(default_factory=Phrases)
    has_claims: bool = False
    has_events: bool = False


def _pairs(table: dict | None) -> dict[str, Any]:
    """{class: {phrase: name}} -> {phrase: (class, name)}; later classes do not override earlier ones."""
    out: dict[str, Any] = {}
    for cls, items in (table or {}).items():
        if isinstance(items, dict):
            for phrase, name in items.items():
                out.setdefault(str(phrase), (str(cls), str(name)))
        else:
            for phrase in items or ():
                out.setdefault(str(phrase), (str(cls), str(phrase)))
    return out


def _classed(table: dict | None) -> dict[str, str]:
    """{class: [phrase, ...]} -> {phrase: class} (the first class listing a phrase wins)."""
    out: dict[str, str] = {}
    for cls, items in (table or {}).items():
        for phrase in items or ():
            out.setdefault(str(phrase), str(cls))
    return out


def _check_classes(lang: str, claims: dict) -> None:
    """A language's object classes, verb classes and units must be the schema's (claim_types.yaml)."""
    from saksi.claimtypes import SchemaError, claim_types

    schema = claim_types()
    where = f"data/lang/{lang}/claims.yaml"
    for key, known in (("objects", schema.object_classes), ("verbs", schema.verb_classes)):
        table = claims.get(key) or {}
        if not isinstance(table, dict):
            raise SchemaError(f"{where}: {key}: expected a mapping of classes")
        for cls in table:
            if cls not in known:
                raise SchemaError(f"{where}: {key}: unknown class {cls!r} (claim_types.yaml has: {', '.join(known)})")
    for word, unit in (claims.get("measure_units") or {}).items():
        if unit not in schema.units:
            raise SchemaError(f"{where}: measure_units.{word}: unknown unit {unit!r} (claim_types.yaml has: {', '.join(schema.units)})")


def model_key(name: str) -> str:
    """A weapon model as weapon_models() keys it: lower case, hyphens and no-break spaces as spaces."""
    return _MODEL_SEP.sub(" ", name.lower())


@lru_cache(maxsize=1)
def weapon_models():
    """(regex, {model_key: (class, English name)}) of data/weapon_models.yaml. The regex is
    case-sensitive (models are written as names: "Patriot", not "patriot") and takes a variant and a
    plural after the model ("Leopard 2A6", "Fath-360s", "F-16AM"); group 1 is the model."""
    from importlib import resources

    import yaml

    from saksi.claimtypes import SchemaError, claim_types
    from saksi.lang import _Loader

    path = resources.files("saksi") / "data" / "weapon_models.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    table: dict[str, tuple[str, str]] = {}
    models: list[str] = []
    for cls, entries in data.items():
        if cls not in claim_types().object_classes:
            raise SchemaError(f"data/weapon_models.yaml: unknown class {cls!r}")
        for model, name in (entries or {}).items():
            table.setdefault(model_key(str(model)), (str(cls), str(name)))
            models.append(str(model))
    alt = "|".join(re.escape(m).replace(r"\ ", r"[ \u00a0-]?") for m in sorted(models, key=len, reverse=True))
    rx = compiled(r"(?<!\w)(" + alt + r")(?:[ -]?(?=[A-Z0-9]*\d|[A-Z]{1,3}\b)[A-Z0-9][A-Za-z0-9/]{0,5})?s?(?![\w-])")
    return rx, table


@lru_cache(maxsize=None)
def cues(lang: str) -> LangCues | None:
    """The compiled cues of a language, or None when it has none of the three data files."""
    claims = langdata.load(lang, "claims") if lang else {}
    attrib = langdata.load(lang, "attribution") if lang else {}
    events = langdata.load(lang, "events") if lang else {}
    if not (claims or attrib or events):
        return None
    c = LangCues(lang)
    c.has_claims = bool(claims.get("objects"))
    _check_classes(lang, claims)
    c.objects = Phrases(_pairs(claims.get("objects")))
    c.measure_units = Phrases(claims.get("measure_units"))
    c.calibre_units = Phrases(claims.get("calibre_units"))
    c.location_before = Phrases(claims.get("location_before"))
    c.inclusion_cues = Phrases(claims.get("inclusion_cues"))
    c.toll_nouns = Phrases(_classed(claims.get("toll_nouns")))
    c.total_nouns = Phrases(claims.get("total_nouns"))
    c.opponent_before = Phrases(claims.get("opponent_before"))
    c.verb_window = int(claims.get("verb_window") or 4)
    c.plan_suffixes = tuple(str(x).lower() for x in attrib.get("plan_suffixes") or ())
    c.classifiers = Phrases(claims.get("classifiers"))
    c.ratio_words = Phrases(claims.get("ratio_words"))
    c.fillers = Phrases(claims.get("fillers"))
    c.elided = Phrases(claims.get("elided_objects"))
    c.elided_before = Phrases(claims.get("elided_before"))
    c.verbs = Phrases(_classed(claims.get("verbs")))
    c.recipient_before = Phrases(claims.get("recipient_before"))
    c.source_before_prep = Phrases(claims.get("source_before"))
    c.supply_with = Phrases(claims.get("supply_with"))
    c.estimate = Phrases(claims.get("estimate"))
    c.clause_breaks = Phrases(claims.get("clause_breaks"))
    c.conjunctions = Phrases(claims.get("conjunctions"))
    c.complementisers = Phrases(claims.get("complementisers"))
    c.agent_before = Phrases(claims.get("agent_before"))
    c.victim_subject = Phrases(claims.get("victim_subject"))
    c.not_subject_after = Phrases(claims.get("not_subject_after"))

    c.src_after = Phrases(attrib.get("source_after"))
    c.speech_after = Phrases(attrib.get("speech_after"))
    c.src_before = Phrases(attrib.get("source_before"))
    c.report_nouns = Phrases(attrib.get("report_nouns"))
    c.unnamed = Phrases(attrib.get("unnamed_sources"))
    c.anaphors = Phrases(_classed(attrib.get("anaphors")))
    c.anaphoric_cues = Phrases(attrib.get("anaphoric_cues"))
    c.anaphoric_sources = Phrases(attrib.get("anaphoric_sources"))
    c.passive_cues = Phrases(attrib.get("passive_cues"))
    c.reported_speech = Phrases(attrib.get("reported_speech"))
    c.unnamed_names = Phrases(attrib.get("unnamed_source_names") or {})
    c.back_pointers = Phrases(attrib.get("back_pointers"))
    c.hedges_strong = Phrases(attrib.get("hedges_strong"))
    c.hedges_weak = Phrases(attrib.get("hedges_weak"))
    c.confirm = Phrases(attrib.get("confirm"))
    c.deny = Phrases(attrib.get("deny"))
    c.plan = Phrases(attrib.get("plan"))
    c.titles = Phrases(attrib.get("titles"))
    c.pronouns = Phrases(_classed(attrib.get("pronouns")))
    c.relatives = Phrases(attrib.get("relatives"))
    c.cue_blockers = Phrases(attrib.get("cue_blockers"))
    if attrib.get("capitalised_names", True):
        link = "|".join(re.escape(str(w)) for w in attrib.get("name_connectors") or ())
        cap = r"(?:[^\W\d_a-z][\w'’\-.&]*)"
        c.caps_run = compiled(cap + r"(?:[ \t]+(?:" + cap + (("|" + link) if link else "") + "))*")
    c.quote_chars = "".join(str(q) for q in attrib.get("quotes") or ["\"", "“", "”"])

    trig: dict[str, tuple[str, str]] = {}
    for etype, items in (events.get("triggers") or {}).items():
        for phrase, verb in (items or {}).items():
            trig.setdefault(str(phrase), (str(etype), str(verb)))
    c.has_events = bool(trig)
    c.triggers = Phrases(trig)
    c.needs_person_after = frozenset(key(str(x)) for x in events.get("needs_person_after") or ())
    c.anaphoric_after = Phrases(events.get("anaphoric_after"))
    c.both_sides = Phrases(events.get("both_sides"))
    c.war_nouns = Phrases(events.get("war_nouns"))
    c.war_links = Phrases(events.get("war_links"))
    c.war_verbs = Phrases(events.get("war_verbs"))
    c.place_before = Phrases(events.get("place_before"))
    c.place_fillers = Phrases(events.get("place_fillers"))
    c.photo_cues = Phrases(events.get("photo_cues"))
    c.photo_shows = Phrases(events.get("photo_shows"))
    c.possessive = Phrases(events.get("possessive"))
    c.since = Phrases(events.get("since"))
    _separable_and_passive(c, lang, events)
    return c


def _strings(d: dict, name: str, lang: str) -> list[str]:
    v = d.get(name) or []
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise langdata.LanguageDataError(f"data/lang/{lang}/events.yaml: {name} must be a list of words")
    return v


def _separable_and_passive(c: LangCues, lang: str, events: dict) -> None:
    """The events.yaml keys built from others: German separable verbs ("griff ... an") as their stem
    with the particle that must close the clause, passive statement participles, and the place
    prepositions that are also articles."""
    passive = events.get("passive") or {}
    if not isinstance(passive, dict) or not all(isinstance(v, str) for v in passive.values()):
        raise langdata.LanguageDataError(f"data/lang/{lang}/events.yaml: passive must map words to English verbs")
    particles = {key(p) for p in _strings(events, "separable_particles", lang)}
    split: dict[str, list] = {}
    for etype, items in (events.get("triggers") or {}).items():
        for phrase, verb in (items or {}).items():
            _add_split(split, str(phrase), particles, (str(etype), str(verb)))
    split_war: dict[str, list] = {}
    for phrase in _strings(events, "war_verbs", lang):
        _add_split(split_war, phrase, particles, True)
    c.place_articles = frozenset(key(w) for w in _strings(events, "articles", lang))
    c.passive_statements = Phrases(passive)
    c.split_triggers = Phrases({k: tuple(v) for k, v in split.items()})
    c.split_war_verbs = Phrases({k: tuple(v) for k, v in split_war.items()})


def _add_split(out: dict, phrase: str, particles: set, value) -> None:
    """"griff an" with "an" a particle: the stem "griff", its particle at the clause end."""
    words = key(phrase).split()
    if len(words) > 1 and words[-1] in particles:
        out.setdefault(" ".join(words[:-1]), []).append((words[-1], value))
