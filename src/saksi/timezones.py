"""Time zones as UTC offsets: the zone a date line names ("WIB", "EDT", "UTC+7") → "+07:00".

Zone names are data (``data/timezones.yaml``), checked when loaded: a value that is not a "+HH:MM"
offset, or a key other than ``zones``, is a ``ZoneError`` naming the file and the entry.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


class ZoneError(ValueError):
    """A time zone file that does not say what an offset is."""


_OFFSET = re.compile(r"(?P<sign>[+-])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?")
# offsets kept by the world's zones: from -12:00 to +14:00, in whole, half or quarter hours
_MINUTES = {"00", "30", "45"}


def offset(sign: str, hours: str, minutes: str | None) -> str | None:
    """'+HH:MM' for an offset a text writes ('+', '7', None → '+07:00'); None if no zone has it."""
    h, m = int(hours), minutes or "00"
    if m not in _MINUTES or (sign == "+" and h > 14) or (sign == "-" and h > 12):
        return None
    return "+00:00" if h == 0 and m == "00" else f"{sign}{h:02d}:{m}"


@lru_cache(maxsize=1)
def zone_offsets() -> dict[str, str | None]:
    """Zone name → its UTC offset, or None for a name that stands for more than one."""
    path = resources.files("saksi") / "data" / "timezones.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return validated(data, str(path))


def validated(data, where: str) -> dict[str, str | None]:
    if not isinstance(data, dict) or set(data) != {"zones"} or not isinstance(data["zones"], dict):
        raise ZoneError(f"{where}: needs one key, `zones`, a mapping of zone names to offsets")
    out = {}
    for name, value in data["zones"].items():
        if not isinstance(name, str) or not name.strip():
            raise ZoneError(f"{where}: zone name {name!r} is not a name")
        m = _OFFSET.fullmatch(value) if isinstance(value, str) else None
        if value is not None and not (m and m["m"] and offset(m["sign"], m["h"], m["m"]) == value):
            raise ZoneError(f"{where}: zone {name}: {value!r} is not an offset like \"+07:00\" (quote it)")
        out[name] = value
    return out


_NAMED_OFFSET = re.compile(r"(?:UTC|GMT)\s?" + _OFFSET.pattern)
_TIME_OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s?"
                          r"(?:(?P<z>[Zz])|" + _OFFSET.pattern + ")")


def utc_offset(zone: str | None) -> str | None:
    """The UTC offset a zone's name stands for ("WIB" → "+07:00", "UTC+7" → "+07:00"); None when unknown
    or ambiguous ("ET")."""
    if not zone:
        return None
    zone = zone.strip()
    if m := _NAMED_OFFSET.fullmatch(zone):
        return offset(m["sign"], m["h"], m["m"])
    return zone_offsets().get(zone)


def timestamp_offset(value: str) -> str | None:
    """The UTC offset an ISO timestamp states ("2024-03-04T10:00:00+07:00" → "+07:00", "...Z" → "+00:00");
    None for a date alone, a time without a zone or an offset no zone has."""
    m = _TIME_OFFSET.fullmatch(value.strip())
    if not m:
        return None
    return "+00:00" if m["z"] else offset(m["sign"], m["h"], m["m"])
