"""The knowledge base: canonical entities, their aliases in every language, roles and metonyms.

Loaded once per process from the data files in ``saksi/data/kb/`` (see the comments at the top of
each file for its format) plus babel's localised territory names for the languages listed in
``config.yaml``; users add their own YAML files in the same format::

    kb = KB.load(extra=[Path("extra.yaml")])
    kb.lookup("Korut").name              # 'North Korea'
    kb.lookup("Menteri Pertahanan Rusia", date="2025-01-01").name   # 'Andrey Belousov'
    [m.canonical for m in kb.find_mentions("Pyongyang dan Moskow ...")]

An extra file is a YAML mapping with an ``entities:`` list (or a bare list). An entry whose ``id``
(or, when it gives no id, whose ``name`` and ``type``) matches a known entity adds to it (aliases,
roles, short forms) and overrides the fields it gives; any other entry is a new entity.

Matching works on word tokens: an alias matches the same words in the text, in any case and with or
without accents, joined by a space, a hyphen, an apostrophe or a dot ("Kim Jong-un" = "Kim Jong Un"),
with these exceptions: a one-word all-capitals alias of at most five letters ("AS", "UE", "PBB", "NIS",
"MSMT") matches only in capitals; in running text an alias that starts with a capital needs a capital
there ("china" the porcelain is not "China"); ``lookup_only`` aliases (common words such as "Antara",
"Lima") are never scanned for; and config.yaml's ``scan_exclude`` lists names not scanned at all
("Island", German for Iceland) or not in one language's text ("Cuba" is "try" in Malay).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import yaml

from saksi.lang import _Loader  # noqa: E402  only true/false are booleans ("NO" is Norway)

TYPES = ("PERSON", "ORG", "GPE", "LOC", "MEDIA")
PLACE_TYPES = frozenset({"GPE", "LOC"})

TOKEN_RE = re.compile(r"\w+")
# What may stand between two words of one name: spaces, or one hyphen/apostrophe/dot/slash with
# optional spaces around it. Never a comma, a bracket or a line break.
_SEP_RE = re.compile(r"[ \t\u00a0\u202f]{0,2}[-\u2010\u2011\u2012\u2013'\u2019.\u00b7/]?[ \t\u00a0\u202f]{0,2}")

# Priorities of alias sources: a user's extra file beats the shipped data, which beats babel.
GENERATED, SHIPPED, EXTRA = 0, 1, 2
_KIND_ORDER = {"name": 0, "adj": 1, "role": 2, "stop": 3}


# ---------------------------------------------------------------- text keys
@lru_cache(maxsize=200_000)
def fold(token: str) -> str:
    """A token as matching sees it: accents removed, case folded."""
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def raw_tokens(text: str) -> tuple[str, ...]:
    return tuple(TOKEN_RE.findall(unicodedata.normalize("NFC", text)))


def name_key(text: str) -> tuple[str, ...]:
    """The folded word tokens of a name: the key aliases are indexed by."""
    return tuple(fold(t) for t in raw_tokens(text))


def is_short_caps(token: str) -> bool:
    """"AS", "UE", "PBB", "NIS", "MSMT": all capitals, at most five letters; matched only in capitals."""
    return len(token) <= 5 and token.isalpha() and token.isupper()


def slug(name: str) -> str:
    return "-".join(name_key(name)) or name.strip().lower()


# ---------------------------------------------------------------- records
@dataclass
class Role:
    """An office a person holds (or held) between two dates (``YYYY`` or ``YYYY-MM``)."""

    office: str | None = None  # key in offices.yaml
    of: str | None = None  # the state's id
    titles: dict[str, list[str]] = field(default_factory=dict)  # literal titles per language
    since: str | None = None
    until: str | None = None
    unique: bool = True  # False: many hold it at once; its titles never stand for the person alone

    def covers(self, date: str | None) -> bool:
        if not date:
            return self.until is None
        if self.since and date[: len(self.since)] < self.since:
            return False
        return not (self.until and date[: len(self.until)] > self.until)


@dataclass(eq=False)
class Entity:
    """A canonical entity. ``name`` is the canonical English name used in every output."""

    id: str
    name: str
    type: str
    country: str | None = None
    qid: str | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)  # language ("all" = any) -> names
    generated: dict[str, list[str]] = field(default_factory=dict)  # names from babel, per language
    adj: dict[str, list[str]] = field(default_factory=dict)  # adjectives/demonyms ("Russian")
    gen: dict[str, list[str]] = field(default_factory=dict)  # German genitives, for office titles
    lookup_only: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)  # extra article-local short forms
    metonym_of: str | None = None  # id of the state a capital / seat of power stands for
    roles: list[Role] = field(default_factory=list)
    family_first: bool | None = None
    source: str = "kb"  # babel | kb | extra | article

    def __repr__(self) -> str:
        return f"Entity({self.name!r}, {self.type}, id={self.id!r})"

    def names(self, lang: str | None = None) -> list[str]:
        """Canonical name and aliases (of one language plus "all", or of every language)."""
        out = [self.name]
        for table in (self.aliases, self.generated):
            for code, names in table.items():
                if lang is None or code in (lang, "all"):
                    out.extend(names)
        return list(dict.fromkeys(out))

    def adjectives(self, lang: str | None = None) -> list[str]:
        out = []
        for code, names in self.adj.items():
            if lang is None or code in (lang, "all"):
                out.extend(names)
        return list(dict.fromkeys(out))


@dataclass(eq=False)
class Alias:
    """One way of naming an entity (or a role) as the matcher sees it."""

    text: str
    key: tuple[str, ...]
    checks: tuple[tuple[int, str, str], ...]  # (token index, "exact"|"cap", raw token)
    target: str  # entity id; for roles the role key
    kind: str  # name | adj | role | stop
    lang: str  # the first language it was given in
    scan: bool
    priority: int
    langs: set[str] = field(default_factory=set)  # every language it was given in ("all" = any)

    def __post_init__(self) -> None:
        self.langs.add(self.lang)

    def accepts(self, raws: list[str], scanning: bool) -> bool:
        for i, mode, raw in self.checks:
            tok = raws[i]
            if mode == "exact":
                if tok != raw:
                    return False
            elif scanning and tok[:1].isalpha() and not tok[:1].isupper():
                return False
        return True


@dataclass
class RoleHolder:
    entity: str  # id
    role: Role


@dataclass
class KBMatch:
    """A stretch of text that names something the KB knows (see KB.find_mentions)."""

    start: int
    end: int
    text: str
    entity: Entity | None  # for a role: its holder at the date asked (None when unknown/ambiguous)
    kind: str  # name | adj | role
    alias: Alias
    role: str | None = None  # the role text, for role matches

    @property
    def canonical(self) -> str | None:
        return self.entity.name if self.entity else None

    @property
    def type(self) -> str | None:
        return self.entity.type if self.entity else None

    @property
    def qid(self) -> str | None:
        return self.entity.qid if self.entity else None


# ---------------------------------------------------------------- loading helpers
def _data_root():
    return resources.files("saksi") / "data" / "kb"


def _read_yaml(text: str, where: str) -> dict:
    data = yaml.load(text, Loader=_Loader)
    if data is None:
        return {}
    if isinstance(data, list):
        return {"entities": data}
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a mapping with an 'entities' list")
    return data


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, int, float)):
        return [str(value)]
    return [str(v) for v in value if v is not None]


def _lang_map(value) -> dict[str, list[str]]:
    """`[a, b]` means any language; `{en: [...], id: [...]}` is per language."""
    if value is None:
        return {}
    if isinstance(value, dict):
        return {str(k): _as_list(v) for k, v in value.items()}
    return {"all": _as_list(value)}


def _date(value) -> str | None:
    if value is None or value == "":
        return None
    return str(value)[:10]


def _merge_lang_maps(into: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    for code, names in more.items():
        bucket = into.setdefault(code, [])
        for n in names:
            if n not in bucket:
                bucket.append(n)


def _role(d: dict) -> Role:
    return Role(
        office=d.get("office"), of=str(d["of"]) if d.get("of") is not None else None,
        titles=_lang_map(d.get("titles")), since=_date(d.get("since")), until=_date(d.get("until")),
        unique=bool(d.get("unique", True)),
    )


# ---------------------------------------------------------------- the knowledge base
class KB:
    """Entities, an alias index for exact lookup, and a word-level matcher for running text."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.config: dict = {}
        self.offices: dict[str, dict] = {}
        self.conflicts: list[tuple[str, str, str]] = []  # (alias, kept entity id, dropped entity id)
        self._index: dict[tuple[str, ...], list[Alias]] = {}
        self._first: dict[str, int] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        self._roles: dict[tuple[str, ...], list[RoleHolder]] = {}
        self._by_name: dict[str, Entity] = {}
        self._scan_exclude: dict[str, set[tuple[str, ...]]] = {}
        self._fuzzy: dict[str, list[tuple[str, Entity, int]]] | None = None
        self._fuzzy_strings: dict[str, list[str]] = {}
        self._places: frozenset[str] | None = None  # places(), computed once the index is built

    # ------------------------------------------------------------ construction
    @classmethod
    def load(cls, extra: Iterable[Path | str] = (), languages: Iterable[str] | None = None) -> "KB":
        """The shipped knowledge base plus the user's extra YAML files (later files win)."""
        extra = tuple(str(p) for p in extra)
        if not extra and languages is None:
            return _default_kb()
        return cls._cached(extra, tuple(languages) if languages is not None else None)

    @classmethod
    def _cached(cls, extra: tuple[str, ...], languages: tuple[str, ...] | None) -> "KB":
        """`_build`, kept in the on-disk cache (saksi.cache) under a key over every file read (the
        shipped data, the extra files), the code that indexes them and babel's version: a changed
        file is a new key, so a stale index is never read. Only a build that succeeded is kept."""
        from saksi import cache

        for p in extra:
            if not Path(p).is_file():
                raise FileNotFoundError(f"knowledge base file not found: {p}")
        try:
            k = _cache_key(extra, languages)
        except OSError:  # an unreadable file: let the build report it
            return cls._build(extra, languages)
        kb = cache.load("kb", k)
        if isinstance(kb, cls):
            return kb
        kb = cls._build(extra, languages)
        kb.places()  # computed once, kept with the index
        cache.store("kb", k, kb, keep=8)  # ~3 MB each: the shipped KB and a few --kb variants
        return kb

    @classmethod
    def _build(cls, extra: tuple[str, ...], languages: tuple[str, ...] | None) -> "KB":
        for p in extra:
            if not Path(p).is_file():
                raise FileNotFoundError(f"knowledge base file not found: {p}")
        kb = cls()
        root = _data_root()
        kb.config = _read_yaml((root / "config.yaml").read_text(encoding="utf-8"), "config.yaml")
        kb.offices = _read_yaml((root / "offices.yaml").read_text(encoding="utf-8"), "offices.yaml").get("offices") or {}
        langs = languages or tuple(kb.config.get("babel_languages") or ("en",))
        kb._add_babel(langs)
        for path in sorted(root.iterdir(), key=lambda p: p.name):
            if path.name.endswith((".yaml", ".yml")) and path.name not in ("config.yaml", "offices.yaml"):
                kb._add_file(path.read_text(encoding="utf-8"), path.name, "kb")
        for p in extra:
            path = Path(p)
            if not path.is_file():
                raise FileNotFoundError(f"knowledge base file not found: {path}")
            data = _read_yaml(path.read_text(encoding="utf-8"), str(path))
            kb.offices.update(data.get("offices") or {})
            kb._add_entries(data.get("entities") or [], str(path), "extra")
        kb._index_all()
        return kb

    def _add_babel(self, langs: tuple[str, ...]) -> None:
        from babel import Locale

        skip = set(_as_list(self.config.get("babel_skip")))
        orgs = set(_as_list(self.config.get("babel_orgs")))
        per_code: dict[str, dict[str, list[str]]] = {}
        for lang in langs:
            try:
                names = Locale.parse(lang).territories
            except Exception:  # babel has no such locale: the language just brings no names
                continue
            for code, name in names.items():
                if code in skip:
                    continue
                per_code.setdefault(code, {}).setdefault(lang, []).extend(_babel_variants(name))
        # A variant two territories share ("Congo") names neither.
        owners: dict[tuple[str, ...], set[str]] = {}
        for code, by_lang in per_code.items():
            for names in by_lang.values():
                for n in names:
                    owners.setdefault(name_key(n), set()).add(code)
        english = {}
        try:
            english = Locale.parse("en").territories
        except Exception:  # pragma: no cover
            pass
        for code, by_lang in per_code.items():
            aliases = {lang: [n for n in names if len(owners[name_key(n)]) == 1] for lang, names in by_lang.items()}
            canonical = english.get(code) or next(iter(n for ns in by_lang.values() for n in ns), code)
            canonical = _babel_variants(canonical)[0]
            etype = "ORG" if code in orgs else ("LOC" if code.isdigit() else "GPE")
            self.entities[code] = Entity(
                id=code, name=canonical, type=etype, country=None if code.isdigit() or code in orgs else code,
                generated=aliases, source="babel",
            )

    def _add_file(self, text: str, where: str, source: str) -> None:
        self._add_entries(_read_yaml(text, where).get("entities") or [], where, source)

    def _add_entries(self, entries: list, where: str, source: str) -> None:
        for n, d in enumerate(entries):
            if not isinstance(d, dict):
                raise ValueError(f"{where}: entry {n + 1} is not a mapping")
            self._add_entry(d, where, source)

    def _add_entry(self, d: dict, where: str, source: str) -> None:
        eid = str(d["id"]) if d.get("id") is not None else None
        name = str(d["name"]).strip() if d.get("name") else None
        etype = str(d["type"]).upper() if d.get("type") else None
        target = self.entities.get(eid) if eid else None
        if target is None and eid is None and name:
            # an extra entry without an id adds to the entity of that canonical name (and type)
            for e in self.entities.values():
                if e.name.lower() == name.lower() and (etype is None or e.type == etype):
                    target = e
                    break
        if target is None:
            if not name:
                raise ValueError(f"{where}: an entry needs a 'name' (or the 'id' of a known entity): {d}")
            if etype is None:
                raise ValueError(f"{where}: new entity {name!r} needs a 'type' ({', '.join(TYPES)})")
            eid = eid or slug(name)
            if eid in self.entities:  # two different entities with the same slug
                eid = f"{eid}-{etype.lower()}"
            target = self.entities[eid] = Entity(id=eid, name=name, type=etype, source=source)
        else:
            if name and name != target.name:
                # the old canonical name stays an alias
                target.aliases.setdefault("en", []).append(target.name)
                target.name = name
            if etype:
                target.type = etype
            if source == "extra" or target.source == "babel":
                target.source = source
        for key in ("country", "qid", "metonym_of"):
            if d.get(key) is not None:
                setattr(target, key, str(d[key]))
        if d.get("family_first") is not None:
            target.family_first = bool(d["family_first"])
        _merge_lang_maps(target.aliases, _lang_map(d.get("aliases")))
        _merge_lang_maps(target.adj, _lang_map(d.get("adj")))
        _merge_lang_maps(target.gen, _lang_map(d.get("gen")))
        for k in ("lookup_only", "short"):
            bucket = getattr(target, k)
            bucket.extend(x for x in _as_list(d.get(k)) if x not in bucket)
        for r in d.get("roles") or []:
            target.roles.append(_role(r))
        if source == "extra":
            target._extra = True  # type: ignore[attr-defined]

    # ------------------------------------------------------------ indexing
    def _index_all(self) -> None:
        self._places = None
        excl = _lang_map(self.config.get("scan_exclude"))
        self._scan_exclude = {lang: {name_key(n) for n in names} for lang, names in excl.items()}
        never = self._scan_exclude.pop("all", set())
        for e in self.entities.values():
            prio = EXTRA if getattr(e, "_extra", False) else (GENERATED if e.source == "babel" else SHIPPED)
            lookup_only = {name_key(x) for x in e.lookup_only}
            for lang, names in [("en", [e.name])] + list(e.aliases.items()):
                for n in names:
                    k = name_key(n)
                    if k in lookup_only and n not in e.lookup_only:
                        # "ANTARA" may be scanned though "Antara" may not: in exactly that spelling
                        self._add_alias(n, e.id, "name", lang, k not in never, prio, exact=True)
                        continue
                    self._add_alias(n, e.id, "name", lang, k not in lookup_only and k not in never, prio)
            for lang, names in e.generated.items():
                for n in names:
                    k = name_key(n)
                    self._add_alias(n, e.id, "name", lang, k not in lookup_only and k not in never, GENERATED)
            for n in e.lookup_only:
                self._add_alias(n, e.id, "name", "all", False, prio)
            for lang, names in e.adj.items():
                for n in names:
                    self._add_alias(n, e.id, "adj", lang, name_key(n) not in never, prio)
        self._index_roles()
        for n in _as_list(self.config.get("non_entities")):
            self._add_alias(n, "", "stop", "all", True, SHIPPED)
        for aliases in self._index.values():
            aliases.sort(key=lambda a: (-a.priority, _KIND_ORDER[a.kind]))
        self._first, self._prefixes = {}, set()
        for k in self._index:
            if any(a.scan for a in self._index[k]):
                self._first[k[0]] = max(self._first.get(k[0], 0), len(k))
                self._prefixes.update(k[:n] for n in range(2, len(k) + 1))
        self._by_name = {}
        for e in self.entities.values():
            self._by_name.setdefault(e.name.lower(), e)

    def _add_alias(self, text: str, target: str, kind: str, lang: str, scan: bool, priority: int,
                   exact: bool = False) -> None:
        raws = raw_tokens(text)
        if not raws:
            return
        key = tuple(fold(t) for t in raws)
        checks = []
        for i, r in enumerate(raws):
            if exact or len(raws) == 1 and is_short_caps(r):  # inside a longer alias the other words disambiguate
                checks.append((i, "exact", r))
            elif i == 0 and r[:1].isupper():
                checks.append((i, "cap", r))
        bucket = self._index.setdefault(key, [])
        for a in bucket:
            if a.target == target and a.kind == kind and a.checks == tuple(checks):
                # the same alias listed in two languages ("ucranianos" in es and pt) is theirs both
                a.langs.add(lang)
                a.scan = a.scan or scan
                a.priority = max(a.priority, priority)
                return
        if kind in ("name", "adj"):
            for a in bucket:
                if a.kind in ("name", "adj") and a.target != target and a.priority == priority and a.checks == tuple(checks):
                    self.conflicts.append((text, a.target, target))
        bucket.append(Alias(text, key, tuple(checks), target, kind, lang, scan, priority))

    def _state_forms(self, state: Entity, lang: str) -> dict[str, list[str]]:
        lookup_only = {name_key(x) for x in state.lookup_only}
        names = [n for n in state.names(lang) if name_key(n) not in lookup_only]
        if lang != "en":
            names = [n for n in names if n != state.name or n in state.aliases.get(lang, [])]
        return {"name": names, "adj": state.adjectives(lang), "gen": state.gen.get(lang, [])}

    def _index_roles(self) -> None:
        self._roles = {}
        holders: list[tuple[Entity, Role]] = [(e, r) for e in self.entities.values() for r in e.roles]
        news_states = {r.of for _, r in holders if r.of}
        for e, r in holders:
            prio = EXTRA if getattr(e, "_extra", False) else SHIPPED
            titles: dict[str, list[str]] = {lang: list(ts) for lang, ts in r.titles.items()}
            office = self.offices.get(r.office) if r.office else None
            unique = r.unique and not (office and office.get("unique") is False)
            state = self.entities.get(r.of) if r.of else None
            if office and state:
                for lang, templates in office.items():
                    if lang == "unique":
                        continue
                    forms = self._state_forms(state, lang)
                    out = titles.setdefault(lang, [])
                    for t in _as_list(templates):
                        out.extend(_fill(t, forms))
            role = Role(r.office, r.of, r.titles, r.since, r.until, unique)
            for lang, ts in titles.items():
                for t in ts:
                    k = name_key(t)
                    if not k:
                        continue
                    self._roles.setdefault(k, []).append(RoleHolder(e.id, role))
                    self._add_alias(t, "role", "role", lang, True, prio)
        # offices many hold at once (lawmakers): their titles attach to the name beside them, for
        # every state the news is about, whether or not the KB knows one of them.
        for okey, office in self.offices.items():
            if office.get("unique") is not False:
                continue
            for sid in news_states:
                state = self.entities.get(sid)
                if not state:
                    continue
                for lang, templates in office.items():
                    if lang == "unique":
                        continue
                    forms = self._state_forms(state, lang)
                    for t in _as_list(templates):
                        for title in _fill(t, forms):
                            k = name_key(title)
                            if k and k not in self._roles:
                                self._roles[k] = []
                            if k:
                                self._add_alias(title, "role", "role", lang, True, SHIPPED)

    # ------------------------------------------------------------ queries
    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self):
        return iter(self.entities.values())

    @property
    def alias_count(self) -> int:
        """Distinct alias keys (names, adjectives and role titles)."""
        return len(self._index)

    def get(self, ref: str | None) -> Entity | None:
        """An entity by id or canonical name."""
        if not ref:
            return None
        return self.entities.get(ref) or self._by_name.get(ref.lower())

    def actor(self, entity: Entity | None) -> Entity | None:
        """The entity as an actor: a capital or seat of power becomes its state (Kremlin → Russia)."""
        if entity is not None and entity.metonym_of:
            return self.entities.get(entity.metonym_of, entity)
        return entity

    def holder(self, title: str, date: str | None = None) -> Entity | None:
        """The person holding a role ("Menteri Pertahanan Rusia") at a date (YYYY[-MM[-DD]]), or now."""
        return self._role_holder(name_key(title), date)

    def _role_holder(self, key: tuple[str, ...], date: str | None) -> Entity | None:
        refs = [h for h in self._roles.get(key, ()) if h.role.unique and h.role.covers(date)]
        if not refs:
            return None
        if len({h.entity for h in refs}) == 1:
            return self.entities.get(refs[0].entity)
        refs.sort(key=lambda h: h.role.since or "", reverse=True)
        newest, older = refs[0], refs[1:]
        # at a hand-over both cover the date: the newer holder wins if the others' terms ended
        if all(h.role.until and (h.role.since or "") < (newest.role.since or "") for h in older if h.entity != newest.entity):
            return self.entities.get(newest.entity)
        return None

    def is_role(self, name: str) -> bool:
        return name_key(name) in self._roles

    def lookup(self, name: str, date: str | None = None, cased: bool = False) -> Entity | None:
        """The entity an exact alias names (case-insensitive, except short all-caps aliases);
        a role title gives its holder at ``date`` (or its current holder).

        ``cased``: the name is as written in running text, so an alias that starts with a capital
        needs one there, as in ``find_mentions`` ("medan", a field, is not the city Medan); an alias
        written in lower case in the KB is case-insensitive."""
        if not name:
            return None
        raws = list(raw_tokens(name))
        if raws and raws[-1].lower() == "s" and len(raws) > 1 and re.search(r"['’]s\s*$", name):
            raws = raws[:-1]  # possessive: "Russia's"
        key = tuple(fold(t) for t in raws)
        for a in self._index.get(key, ()):
            if not a.accepts(raws, scanning=cased):
                continue
            if a.kind == "role":
                return self._role_holder(key, date)
            if a.kind == "stop":
                continue
            return self.entities.get(a.target)
        return None

    def places(self) -> set[str]:
        """Every name (in every language) of a place: for recognising datelines."""
        if self._places is None:
            out: set[str] = set()
            for e in self.entities.values():
                if e.type in PLACE_TYPES:
                    out.update(e.names())
                    out.update(e.lookup_only)
            self._places = frozenset(p for p in out if p)
        return set(self._places)

    # ------------------------------------------------------------ scanning
    def find_mentions(self, text: str, langs: Iterable[str] | None = None, date: str | None = None,
                      keep_roles: bool = True, roles: bool = True) -> list[KBMatch]:
        """All KB names in running text, longest first, left to right, never overlapping.

        ``langs`` (the text's language codes) limits lower-case aliases of other languages
        ("rusa" is Spanish for Russian but Indonesian for deer) and applies that language's
        ``scan_exclude``. Role titles come back with ``kind == "role"`` and their holder at
        ``date`` as ``entity`` (None if unknown); ``keep_roles=False`` drops those without one, and
        ``roles=False`` ignores role titles altogether (finding the names inside them).
        """
        langs = tuple(langs) if langs else ()
        excluded: set[tuple[str, ...]] = set()
        for lang in langs:
            excluded |= self._scan_exclude.get(lang, set())
        spans = [m.span() for m in TOKEN_RE.finditer(text)]
        out: list[KBMatch] = []
        first, index, prefixes, n = self._first, self._index, self._prefixes, len(spans)
        i = 0
        while i < n:
            a, b = spans[i]
            f = fold(text[a:b])
            width = first.get(f)
            if width is None:
                i += 1
                continue
            folded = [f]
            j = i
            while len(folded) < width and j + 1 < n:
                sep = text[spans[j][1]:spans[j + 1][0]]
                if not _sep_ok(sep, spans[j][1] - spans[j][0]):
                    break
                folded.append(fold(text[spans[j + 1][0]:spans[j + 1][1]]))
                if tuple(folded) not in prefixes:
                    folded.pop()
                    break
                j += 1
            hit = None
            for length in range(len(folded), 0, -1):
                key = tuple(folded[:length])
                cands = index.get(key)
                if not cands or key in excluded:
                    continue
                raws = [text[s:e] for s, e in spans[i:i + length]]
                for al in cands:
                    if not al.scan or (not roles and al.kind == "role") or not al.accepts(raws, scanning=True):
                        continue
                    if (langs and not raws[0][:1].isupper() and "all" not in al.langs and "en" not in al.langs
                            and al.langs.isdisjoint(langs)):
                        continue
                    hit = (length, al)
                    break
                if hit:
                    break
            if hit is None:
                i += 1
                continue
            length, al = hit
            start, end = spans[i][0], spans[i + length - 1][1]
            i += length
            if al.kind == "stop":
                continue
            if al.kind == "role":
                holder = self._role_holder(al.key, date)
                if holder is None and not keep_roles:
                    continue
                out.append(KBMatch(start, end, text[start:end], holder, "role", al, role=text[start:end]))
            else:
                out.append(KBMatch(start, end, text[start:end], self.entities.get(al.target), al.kind, al))
        return out

    # ------------------------------------------------------------ fuzzy support
    def fuzzy_choices(self) -> dict[str, list[tuple[str, Entity, int]]]:
        """Per entity type: (folded alias, entity, number of words) for fuzzy matching."""
        if self._fuzzy is None:
            table: dict[str, dict[str, tuple[str, Entity, int]]] = {}
            for key, aliases in self._index.items():
                joined = " ".join(key)
                for a in aliases:
                    if a.kind != "name" or a.checks and any(m == "exact" for _, m, _ in a.checks):
                        continue
                    e = self.entities.get(a.target)
                    if e is None:
                        continue
                    table.setdefault(e.type, {}).setdefault(joined, (joined, e, len(key)))
            self._fuzzy = {t: list(d.values()) for t, d in table.items()}
            self._fuzzy_strings = {t: [c[0] for c in lst] for t, lst in self._fuzzy.items()}
        return self._fuzzy

    def fuzzy_strings(self) -> dict[str, list[str]]:
        """The folded aliases of fuzzy_choices(), per type, in the same order."""
        self.fuzzy_choices()
        return self._fuzzy_strings


def _sep_ok(sep: str, prev_len: int) -> bool:
    if sep == " ":
        return True
    if not sep or len(sep) > 5 or not _SEP_RE.fullmatch(sep):
        return False
    # "U. S." joins, "Korea. North" does not
    return not ("." in sep and sep.rstrip() != sep and prev_len > 1)


def _babel_variants(name: str) -> list[str]:
    """babel's "Myanmar (Burma)" → "Myanmar"; "Congo - Kinshasa" → "Congo-Kinshasa"."""
    name = name.strip()
    out = [name]
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if base and base != name:
        out = [base]
    out = [re.sub(r"\s+-\s+", "-", n) for n in out]
    return list(dict.fromkeys(out))


def _fill(template: str, forms: dict[str, list[str]]) -> list[str]:
    """Every filling of an office title's {name}/{adj}/{gen} with a state's forms."""
    slots = re.findall(r"\{(\w+)\}", template)
    if not slots:
        return [template]
    results = [template]
    for slot in dict.fromkeys(slots):
        values = forms.get(slot) or []
        results = [r.replace("{" + slot + "}", v) for r in results for v in values]
    return results


@lru_cache(maxsize=1)
def _default_kb() -> KB:
    return KB._cached((), None)


def _cache_key(extra: tuple[str, ...], languages: tuple[str, ...] | None) -> str:
    """Everything an index is derived from: the shipped files (names and bytes), the extra files,
    the languages asked for babel names, this module and saksi.lang (the YAML loader), and the
    versions of babel and PyYAML."""
    import babel

    from saksi import cache
    from saksi import lang as _lang

    parts: list[bytes | str] = ["kb", babel.__version__, yaml.__version__, repr(languages),
                                Path(__file__).read_bytes(), Path(_lang.__file__).read_bytes()]
    root = _data_root()
    for path in sorted(root.iterdir(), key=lambda p: p.name):
        if path.is_file():
            parts += [path.name, path.read_bytes()]
    for p in extra:
        parts += [str(Path(p).resolve()), Path(p).read_bytes()]
    return cache.key(*parts)
