"""Regular expressions built from data (the language packs' tries), compiled once per process and,
for the large ones, once per machine.

Why not ``re.compile``: ``re`` keeps its own cache of 512 patterns and drops the oldest when it is
full. The seven packs build more patterns than that, so a run over several languages recompiles the
same patterns again and again, and pushes out the small literal patterns every other module relies
on that cache for. ``compiled`` keeps every pattern it is given for the whole process, keyed by
``(pattern, flags)``, outside ``re``'s cache (packs are bounded data, so the memo is too).

Why on disk: parsing and compiling a pack's big tries costs tenths of a second at start-up, for a
one-line article as much as for a thousand. CPython compiles a pattern in two steps: parse and emit
a list of integers (``re._compiler._code``), then ``_sre.compile`` turns that list into a Pattern.
The list is kept in the on-disk cache (``saksi.cache``), keyed by the Python version, ``_sre.MAGIC``
and the pattern, so a new process only runs the second, cheap step. These are private interfaces:
on any surprise (another Python, a missing attribute, a corrupt or foreign entry, an error from
``_sre``) the pattern is compiled as ``re`` does, which gives the same Pattern, only slower.
"""
from __future__ import annotations

import hashlib
import re
import sys
from array import array

from saksi import cache

PERSIST_MIN = 200  # shorter patterns compile faster than an entry is read: kept in memory only
KIND = "regex"
KEEP = 4000  # entries kept on disk: every pack's large patterns, several versions of them

_memo: dict[tuple[str, int], re.Pattern] = {}

try:  # CPython's compiler steps; without them (another implementation) every pattern goes through re
    import _sre
    from re import _compiler, _parser

    _VERSION = f"{sys.version} sre {_sre.MAGIC} {_sre.CODESIZE}"
    _PERSIST = array("I").itemsize == _sre.CODESIZE and callable(_compiler._code) and callable(_parser.parse)
except (ImportError, AttributeError):
    _PERSIST = False


def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, the same Pattern, compiled at most once per process."""
    flags = int(flags)
    k = (pattern, flags)
    rx = _memo.get(k)
    if rx is None:
        rx = _memo[k] = _load_or_compile(pattern, flags)
    return rx


def _load_or_compile(pattern: str, flags: int) -> re.Pattern:
    if not _PERSIST or len(pattern) < PERSIST_MIN or cache.cache_dir() is None:
        return _plain(pattern, flags)
    k = entry_key(pattern, flags)
    rx = _from_entry(cache.load(KIND, k), pattern, flags)
    if rx is not None:
        return rx
    try:
        rx, entry = _compile_with_entry(pattern, flags)
    except re.error:
        raise
    except Exception:  # the private steps changed shape: compile as re does, keep nothing
        return _plain(pattern, flags)
    cache.store(KIND, k, entry, keep=KEEP)
    return rx


def _plain(pattern: str, flags: int) -> re.Pattern:
    """Compiled by re's own compiler, bypassing re's bounded cache when it can."""
    try:
        return _compiler.compile(pattern, flags)
    except re.error:
        raise
    except Exception:
        return re.compile(pattern, flags)


def entry_key(pattern: str, flags: int) -> str:
    """The on-disk key of a pattern: the Python and _sre versions, the flags (as a number) and the pattern."""
    return cache.key("regex", _VERSION, str(int(flags)), pattern)


def _digest(pattern: str, flags: int, code: bytes) -> bytes:
    return hashlib.blake2b(pattern.encode("utf-8", "surrogatepass") + b"\0%d\0" % flags + code, digest_size=16).digest()


def _compile_with_entry(pattern: str, flags: int) -> tuple[re.Pattern, tuple]:
    """re._compiler.compile, step by step, keeping what _sre.compile needs."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    args = (flags | p.state.flags, code, p.state.groups - 1, groupindex, tuple(indexgroup))
    rx = _sre.compile(pattern, *args)
    raw = array("I", code).tobytes()
    entry = (pattern, flags, args[0], raw, args[2], args[3], args[4], _digest(pattern, flags, raw))
    return rx, entry


def _from_entry(entry, pattern: str, flags: int) -> re.Pattern | None:
    """The Pattern of a stored entry, or None when the entry is absent or not this pattern's."""
    try:
        stored, stored_flags, final_flags, raw, groups, groupindex, indexgroup, digest = entry
        if stored != pattern or stored_flags != flags or digest != _digest(pattern, flags, raw):
            return None
        code = array("I")
        code.frombytes(raw)
        return _sre.compile(pattern, final_flags, code.tolist(), groups, dict(groupindex), tuple(indexgroup))
    except Exception:  # MISS, another layout, or code _sre refuses: compile anew (and overwrite it)
        return None
