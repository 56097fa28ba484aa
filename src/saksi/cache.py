"""A small on-disk cache of derived data (parsed language packs, the indexed knowledge base), so
that a new process does not parse and index the same files again.

Each entry is a pickle named by a key that hashes everything it was derived from (the data files'
bytes, the code that derives it, the Python and library versions): when a data file changes, its
key changes and the entry is derived anew; nothing is ever invalidated by hand. Entries live in
``$SAKSI_CACHE_DIR``, else ``$XDG_CACHE_HOME/saksi``, else ``~/.cache/saksi``;
``SAKSI_CACHE_DIR=off`` (or empty) turns the cache off. A cache that cannot be read or written
(read-only home, full disk, a corrupt or foreign entry) is a miss, never an error.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

FORMAT = 1  # bump to drop every entry written by an older layout
KEEP = 64  # entries of one kind kept by default; the oldest are removed when a new one is written
_MISS = object()
_pruned: set[Path] = set()  # the folders this process has pruned


def cache_dir() -> Path | None:
    """The folder entries live in, or None when the cache is off."""
    env = os.environ.get("SAKSI_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "no", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "saksi"


def key(*parts: bytes | str) -> str:
    """A hex key over `parts` (in order), the Python version and the cache format."""
    h = hashlib.sha256(f"saksi-cache {FORMAT} {sys.version} {sys.implementation.cache_tag}".encode())
    for p in parts:
        b = p.encode("utf-8", "surrogatepass") if isinstance(p, str) else bytes(p)
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()[:40]


def _path(kind: str, k: str) -> Path | None:
    d = cache_dir()
    return d / kind / f"{k}.pickle" if d is not None else None


def load(kind: str, k: str):
    """The entry, or `MISS` (absent, unreadable, or written by another layout)."""
    path = _path(kind, k)
    if path is None:
        return _MISS
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return _MISS
    enabled = gc.isenabled()
    gc.disable()  # unpickling allocates many containers: collecting between them costs more than the load
    try:
        return pickle.loads(data)
    except Exception:  # a truncated or foreign file: derive anew (and overwrite it)
        return _MISS
    finally:
        if enabled:
            gc.enable()


def store(kind: str, k: str, obj, keep: int = KEEP) -> None:
    """Write the entry atomically (readers see the old file or the new one) and keep the `keep`
    newest entries of its kind; failures are ignored. A folder is pruned at its first write in a
    process only: a process writes a bounded number of entries (what it derived), and
    scanning a folder of many small entries at every write costs more than the entries save."""
    path = _path(kind, k)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        if path.parent not in _pruned:
            _pruned.add(path.parent)
            _prune(path.parent, keep)
    except Exception:  # read-only, full, or an object that does not pickle: no cache, same result
        return


def _prune(folder: Path, keep: int) -> None:
    try:
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for p in entries[keep:]:
            p.unlink()
    except OSError:
        pass


MISS = _MISS
