"""Small data tables the corpus stage reasons with: what a claim counts (its object class), which
names are news media (a relay, not an origin), and what a denial covers.

Claim objects arrive in short English (``artillery shells``, ``military personnel``); a few
Indonesian words are listed too so that an untranslated object still finds its class.
"""
from __future__ import annotations

import re
from functools import lru_cache

from saksi.claimtypes import claim_types

# (class, word stems) — the first class with a stem that starts a word of the object wins, so the
# order matters: "multiple rocket launcher ammunition" is munitions, "rocket launchers" weapons.
OBJECT_CLASSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("munitions", ("ammunition", "munition", "shell", "round", "cartridge", "bullet", "projectile",
                   "amunisi", "peluru", "mortar shell")),
    ("missiles", ("missile", "rudal")),
    ("weapons", ("launcher", "howitzer", "gun", "rifle", "tank", "weapon", "arms", "armament",
                 "artillery", "mortar", "system", "equipment", "senjata")),
    ("munitions", ("rocket", "roket")),
    ("workers", ("worker", "labourer", "laborer", "labor", "labour", "engineer", "builder",
                 "construction", "pekerja", "buruh", "insinyur")),
    ("civilians", ("civilian", "warga", "sipil", "resident", "people")),
    ("troops", ("soldier", "troop", "personnel", "force", "servicem", "military", "fighter",
                "army", "combatant", "unit", "tentara", "pasukan", "prajurit", "personel")),
)

# Words that make a count an increment on top of what was counted before ("3,000 additional
# soldiers"): a different quantity, so it gets a class of its own.
INCREMENT_WORDS = frozenset({"additional", "more", "extra", "new", "further", "fresh", "another",
                             "tambahan", "lagi"})

# Generic classes: a denial of "weapons" or "arms" covers every class of the actions it covers.
GENERIC_CLASSES = frozenset({"weapons", "troops"})

# A denial of one action also covers these actions ("no arms transfers" denies shells and missiles):
# declared per action in the claim-type schema (data/claim_types.yaml).
DENIAL_COVERS: dict[str, tuple[str, ...]] = claim_types().denial_covers

# News agencies and outlets: when a chain of attribution ends in one of these after a non-media
# source ("MSMT" via "NBC News"), the non-media source is the origin. Outlets of the corpus's own
# articles are added at run time.
MEDIA = frozenset(s.casefold() for s in (
    "AFP", "Agence France-Presse", "AP", "Associated Press", "Reuters", "Yonhap", "KCNA",
    "Korean Central News Agency", "TASS", "RIA Novosti", "Interfax", "Sputnik", "Xinhua", "Kyodo",
    "Antara", "NBC News", "CNN", "BBC", "CNA", "Channel News Asia", "The Manila Times",
    "Bloomberg", "The New York Times", "The Washington Post", "The Guardian", "Al Jazeera",
    "NK News", "Daily NK", "Rodong Sinmun", "Kompas", "Tribunnews", "Detik", "Tempo", "CNBC",
    "Nikkei", "Asahi Shimbun", "Korea Herald", "Korea JoongAng Daily", "Financial Times",
))

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def object_class(obj: str | None, action: str | None = None) -> str:
    """``"additional soldiers"`` → ``"troops (additional)"``; unknown objects keep their own words."""
    words = _WORD.findall((obj or "").casefold())
    increment = any(w in INCREMENT_WORDS for w in words)
    cls = None
    for name, stems in OBJECT_CLASSES:
        if any(w.startswith(s) for w in words for s in stems if " " not in s):
            cls = name
            break
    if cls is None:
        content = [w for w in words if w not in INCREMENT_WORDS]
        cls = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                       for w in content) or (action or "unknown")
    return f"{cls} (additional)" if increment else cls


def is_media(name: str, outlets: frozenset[str] = frozenset()) -> bool:
    n = name.casefold()
    return n in MEDIA or n in outlets
