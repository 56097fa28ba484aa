"""Per-language knowledge, loaded from data files.

Each language has a folder ``saksi/data/lang/<code>/`` with one YAML file per topic
(``cleaning.yaml``, ``numbers.yaml``, ``dates.yaml``, ``claims.yaml``, ``sentences.yaml`` ...).
Code asks for a topic and gets plain dicts/lists; adding a language means adding a folder.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C loader reads the packs several times faster
    """YAML as language data needs it: only true/false are booleans. YAML 1.1 also reads yes/no/on/off
    as booleans, which turns the Portuguese "no", the English "on" or the Norwegian code "NO" into
    False/True and silently drops the word."""


_Loader.yaml_implicit_resolvers = {k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
                                   for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))



def _lang_root():
    return resources.files("saksi") / "data" / "lang"


@lru_cache(maxsize=None)
def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in _lang_root().iterdir() if p.is_dir()))


class LanguageDataError(ValueError):
    """A language file that cannot be used: bad YAML, not a mapping, or a key no code reads."""


@lru_cache(maxsize=1)
def topic_keys() -> dict[str, frozenset[str]]:
    """The keys each topic may hold (data/lang_topics.yaml)."""
    path = resources.files("saksi") / "data" / "lang_topics.yaml"
    return {t: frozenset(ks) for t, ks in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items()}


@lru_cache(maxsize=None)
def load(lang: str, topic: str) -> dict[str, Any]:
    """The topic's data for one language, or {} when the language has no such file.

    The file is checked against data/lang_topics.yaml: a key it does not list is an error."""
    path = _lang_root() / lang / f"{topic}.yaml"
    if not path.is_file():
        return {}
    where = f"data/lang/{lang}/{topic}.yaml"
    data = _parse(path.read_text(encoding="utf-8"), where)
    if not isinstance(data, dict):
        raise LanguageDataError(f"{where}: expected a mapping of keys, got {type(data).__name__}")
    allowed = topic_keys().get(topic)
    if allowed is None:
        raise LanguageDataError(f"{where}: unknown topic {topic!r} (topics: {', '.join(sorted(topic_keys()))})")
    flag = _bool_in_list(data)
    if flag:
        raise LanguageDataError(f"{where}: {flag}: a list holds true/false; quote the word")
    unknown = sorted(str(k) for k in data if k not in allowed)
    if unknown:
        import difflib

        near = difflib.get_close_matches(unknown[0], sorted(allowed), n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise LanguageDataError(f"{where}: unknown key {unknown[0]!r}{hint}")
    return data


def _parse(text: str, where: str):
    """The YAML of a pack file; the parse is kept in the on-disk cache (saksi.cache), keyed by the
    file's text and the loader, so a new process reads a pickle instead of parsing YAML again."""
    from saksi import cache

    k = cache.key("lang-yaml", _loader_version(), text)
    data = cache.load("lang", k)
    if data is not cache.MISS:
        return data
    try:
        data = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as e:
        raise LanguageDataError(f"{where}: not valid YAML ({str(e).splitlines()[0]})") from None
    cache.store("lang", k, data, keep=2000)  # one small entry per pack file
    return data


@lru_cache(maxsize=1)
def _loader_version() -> str:
    """What a parse depends on besides the file: this module (the loader's rules) and PyYAML."""
    import hashlib

    return f"{yaml.__version__} {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}"


def _bool_in_list(x, path: str = "") -> str | None:
    """The key of the first list holding a boolean (a word YAML read as one), or None."""
    if isinstance(x, dict):
        for k, v in x.items():
            hit = _bool_in_list(v, f"{path}.{k}" if path else str(k))
            if hit:
                return hit
    elif isinstance(x, list):
        for v in x:
            if isinstance(v, bool):
                return path
            hit = _bool_in_list(v, path)
            if hit:
                return hit
    return None


def check_pack(lang: str) -> list[str]:
    """Every problem of one language pack's files, as one-line messages (empty when it is sound)."""
    problems = []
    folder = _lang_root() / lang
    for f in sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml")):
        topic = f[:-5]
        try:
            load.__wrapped__(lang, topic)
        except LanguageDataError as e:
            problems.append(str(e))
    return problems


def merged_list(topic: str, key: str, langs: tuple[str, ...] | None = None) -> list:
    """A list key gathered across languages (e.g. boilerplate cues apply whatever the page's language)."""
    out: list = []
    for lang in langs if langs is not None else available_languages():
        for item in load(lang, topic).get(key) or []:
            if item not in out:
                out.append(item)
    return out
