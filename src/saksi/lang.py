"""Per-language knowledge, loaded from data files.

Each language has a folder ``saksi/data/lang/<code>/`` with one YAML file per topic
(``cleaning.yaml``, ``numbers.yaml``, ``dates.yaml``, ``claims.yaml``, ``sentences.yaml`` ...).
Code asks for a topic and gets plain dicts/lists; adding a language means adding a folder.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml



def _lang_root():
    return resources.files("saksi") / "data" / "lang"


@lru_cache(maxsize=None)
def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in _lang_root().iterdir() if p.is_dir()))


@lru_cache(maxsize=None)
def load(lang: str, topic: str) -> dict[str, Any]:
    """The topic's data for one language, or {} when the language has no such file."""
    path = _lang_root() / lang / f"{topic}.yaml"
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def merged_list(topic: str, key: str, langs: tuple[str, ...] | None = None) -> list:
    """A list key gathered across languages (e.g. boilerplate cues apply whatever the page's language)."""
    out: list = []
    for lang in langs if langs is not None else available_languages():
        for item in load(lang, topic).get(key) or []:
            if item not in out:
                out.append(item)
    return out
