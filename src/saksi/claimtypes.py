"""The claim types, read from the one language-independent schema ``data/claim_types.yaml``.

    schema = claim_types()
    schema.action_for("personnel", "send", recipient=False)   # 'troops_deployed'
    schema.denial_covers["weapons_supplied"]                  # ('weapons_supplied', 'munitions_supplied', ...)

The file is validated when loaded: an unknown key, a class no action declares or a misspelt
reference is a ``SchemaError`` naming the file and the key, never a silent no-op.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


class SchemaError(ValueError):
    """A claim-type schema or a language file that does not fit it."""


_TOP_KEYS = {"object_classes", "units", "verb_classes", "actions", "fallback"}
_CLASS_KEYS = {"unit", "human", "claim_alone"}
_ACTION_KEYS = {"objects", "verbs", "units", "recipient_alone", "needs_recipient", "located_abroad", "roles",
                "denial_covers", "group_by"}
_ROLES = {"actor", "recipient"}
_GROUP_FIELDS = {"actor", "action", "recipient", "object", "unit"}


@dataclass(frozen=True)
class ObjectClass:
    name: str
    unit: str
    human: bool
    claim_alone: bool


@dataclass(frozen=True)
class Action:
    name: str
    objects: tuple[str, ...]
    verbs: tuple[str, ...]
    units: tuple[str, ...]
    recipient_alone: bool
    needs_recipient: bool
    located_abroad: bool
    roles: tuple[str, ...]
    denial_covers: tuple[str, ...]
    group_by: tuple[str, ...]


@dataclass(frozen=True)
class Schema:
    object_classes: dict[str, ObjectClass]
    units: tuple[str, ...]
    verb_classes: tuple[str, ...]
    actions: dict[str, Action]
    fallback: str

    def action_for(self, cls: str | None, verb: str | None, recipient: bool, unit: str | None = None) -> str | None:
        """The action a count of ``cls`` makes with a verb of class ``verb`` (None: no verb found),
        or None when such a count is no claim at all."""
        oc = self.object_classes.get(cls or "")
        if oc is None:
            return None
        unit = unit or oc.unit
        for a in self.actions.values():
            if cls not in a.objects or unit not in a.units:
                continue
            if verb in a.verbs or (verb is None and a.recipient_alone and recipient):
                return a.name
        return self.fallback if oc.claim_alone else None

    def takes(self, action: str, role: str) -> bool:
        a = self.actions.get(action)
        return a is not None and role in a.roles

    @property
    def casualty_actions(self) -> frozenset[str]:
        return frozenset(a.name for a in self.actions.values() if "recipient" not in a.roles)

    @property
    def transfer_actions(self) -> frozenset[str]:
        return frozenset(a.name for a in self.actions.values() if "recipient" in a.roles)

    @property
    def human_classes(self) -> frozenset[str]:
        return frozenset(c.name for c in self.object_classes.values() if c.human)

    @property
    def denial_covers(self) -> dict[str, tuple[str, ...]]:
        return {a.name: a.denial_covers for a in self.actions.values()}

    def verbs_of(self, action: str) -> tuple[str, ...]:
        return self.actions[action].verbs


def _keys(where: str, d, allowed: set[str], required: set[str] = frozenset()) -> dict:
    if not isinstance(d, dict):
        raise SchemaError(f"{where}: expected a mapping, got {type(d).__name__}")
    unknown = sorted(set(map(str, d)) - allowed)
    if unknown:
        raise SchemaError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")
    missing = sorted(required - set(d))
    if missing:
        raise SchemaError(f"{where}: missing key {missing[0]!r}")
    return d


def _names(where: str, v, known: set[str] | None = None) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise SchemaError(f"{where}: expected a list of names")
    if known is not None:
        bad = [x for x in v if x not in known]
        if bad:
            raise SchemaError(f"{where}: unknown name {bad[0]!r} (known: {', '.join(sorted(known))})")
    return tuple(v)


def parse_schema(data, where: str = "claim_types.yaml") -> Schema:
    d = _keys(where, data, _TOP_KEYS, _TOP_KEYS)
    units = _names(f"{where}: units", d["units"])
    classes = {}
    for name, c in _keys(f"{where}: object_classes", d["object_classes"], set(map(str, d["object_classes"]))).items():
        c = _keys(f"{where}: object_classes.{name}", c, _CLASS_KEYS, {"unit"})
        if c["unit"] not in units:
            raise SchemaError(f"{where}: object_classes.{name}.unit: unknown unit {c['unit']!r}")
        classes[name] = ObjectClass(name, c["unit"], bool(c.get("human")), bool(c.get("claim_alone", True)))
    verbs = _names(f"{where}: verb_classes", d["verb_classes"])
    fallback = d["fallback"]
    actions: dict[str, Action] = {}
    raw = _keys(f"{where}: actions", d["actions"], set(map(str, d["actions"])))
    for name, a in raw.items():
        w = f"{where}: actions.{name}"
        a = _keys(w, a, _ACTION_KEYS, {"objects", "verbs", "roles"})
        objs = _names(f"{w}.objects", a["objects"], set(classes))
        own_units = tuple(dict.fromkeys(classes[o].unit for o in objs))
        actions[name] = Action(
            name=name, objects=objs, verbs=_names(f"{w}.verbs", a["verbs"], set(verbs)),
            units=_names(f"{w}.units", a["units"], set(units)) if "units" in a else own_units,
            recipient_alone=bool(a.get("recipient_alone")), needs_recipient=bool(a.get("needs_recipient")),
            located_abroad=bool(a.get("located_abroad")),
            roles=_names(f"{w}.roles", a["roles"], _ROLES),
            denial_covers=_names(f"{w}.denial_covers", a.get("denial_covers", [name]), set(raw)),
            group_by=_names(f"{w}.group_by", a.get("group_by", ["actor", "action", "recipient", "object"]), _GROUP_FIELDS),
        )
    if fallback in actions:
        raise SchemaError(f"{where}: fallback {fallback!r} must not be one of the actions")
    return Schema(classes, units, verbs, actions, fallback)


def schema_path() -> Path:
    return Path(str(resources.files("saksi") / "data" / "claim_types.yaml"))


@lru_cache(maxsize=1)
def claim_types() -> Schema:
    path = schema_path()
    return parse_schema(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))


def all_actions() -> tuple[str, ...]:
    """Every action a claim may carry, the fallback last."""
    s = claim_types()
    return tuple(s.actions) + (s.fallback,)
