"""People's names as a byline or a credit line gives them → names as a person writes them.

"By JANE MCDONALD and PATRICK O'NEILL" → "Jane McDonald, Patrick O'Neill": several names are split at
the languages' joiners ("and", "dan", "y", ...), commas and semicolons, joined with ", "; a name in
capitals is written in title case (a name already in mixed case is kept as the page writes it).
"""
from __future__ import annotations

import re

from saksi.clean.cues import Cues

_APOSTROPHE = "'’"
_INITIALS = re.compile(r"^(?:\w\.)+$")


def person_names(raw: str | None, cues: Cues) -> str | None:
    """The names in ``raw`` as one string, ", "-separated; None when none is left."""
    if not raw:
        return None
    names: list[str] = []
    for part in cues.name_split.split(raw):
        part = part.strip(" \t,;|-–—")
        if not part or not any(c.isalpha() for c in part):
            continue
        name = title_case(part, cues.name_particles) if _shouting(part) else part
        if name not in names:
            names.append(name)
    return ", ".join(names) or None


def _shouting(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def title_case(name: str, particles: frozenset[str] = frozenset()) -> str:
    """A name in capitals in title case: "MCDONALD" → "McDonald", "O'NEILL" → "O'Neill",
    "TORRES-GUILLÉN" → "Torres-Guillén", "LUDWIG VAN BEETHOVEN" → "Ludwig van Beethoven"."""
    words = name.split()
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i and low in particles and i < len(words) - 1:
            out.append(low)
        else:
            out.append("-".join(_word(w) for w in word.split("-")))
    return " ".join(out)


def _word(word: str) -> str:
    if not word:
        return word
    low = word.lower()
    if len(low) > 2 and low[1] in _APOSTROPHE:  # O'Neill, D'Souza
        return low[0].upper() + low[1] + low[2:].capitalize()
    if len(low) > 3 and low.startswith("mc"):  # McDonald
        return "Mc" + low[2:].capitalize()
    if _INITIALS.match(word):  # "J." "J.R."
        return word.upper()
    return low.capitalize()


_LABEL_ROLE = re.compile(r"^\s*(?P<role>[^,]{1,40}),\s*(?P<name>\S.*)$")


def credited_name(rest: str, cues: Cues) -> str | None:
    """The person a credit line names after its label ("Kontributor Aceh Timur, Dian Pratiwi | Editor X"
    → "Dian Pratiwi"; "Ana Ribeiro in Port Verran; Editing by ..." → "Ana Ribeiro")."""
    first = re.split(r"\s*[|;/]\s*", rest.strip())[0]
    m = _LABEL_ROLE.match(first)
    if m and cues.author_label_word.match(m.group("role")):
        first = m.group("name")  # "Kontributor Aceh Timur, Dian Pratiwi": a role and its place first
    first = cues.credit_place.split(first, 1)[0]
    return person_names(first, cues) if first.strip() else None
