"""A fingerprint of what analyses an article: saksi's version and code, its language data, knowledge
base and models, the --kb files, and the settings that change an analysis.

Each stored document records the fingerprint it was analysed with; a rerun re-analyses the documents
whose fingerprint is not the current one, so a change of rules or data never leaves old claims behind.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# code that does not analyse articles: changing it keeps stored analyses current
_NOT_ANALYSIS = ("web", "report", "templates", "static", "store", "cli.py", "export.py", "engine.py",
                 "engine_ray.py", "__main__.py", "corpus")
# model files bigger than this are fingerprinted by their size (their small config files by content)
_HASH_LIMIT = 1 << 20


@lru_cache(maxsize=1)
def _package_digest() -> str:
    from saksi import __version__

    h = hashlib.sha256(f"saksi {__version__}\n".encode())
    files = []
    for f in PACKAGE.rglob("*"):
        rel = f.relative_to(PACKAGE)
        if not f.is_file() or rel.parts[0] in _NOT_ANALYSIS or rel.parts[:2] == ("models", "static_e5") \
                or "__pycache__" in rel.parts or f.suffix == ".pyc":  # static_e5: the corpus stage's, not analysis
            continue
        files.append((rel.as_posix(), f))
    for rel, f in sorted(files):
        size = f.stat().st_size
        h.update(f"{rel}\0{size}\0".encode())
        if size <= _HASH_LIMIT:
            h.update(f.read_bytes())
    return h.hexdigest()


def analysis_fingerprint(res) -> str:
    """16 hex digits naming the analysis `res` (a Resources) gives, the same in every process."""
    h = hashlib.sha256(_package_digest().encode())
    settings = {"languages": list(res.languages), "use_ner": bool(res.use_ner),
                "default_language": res.default_language}
    h.update(json.dumps(settings, sort_keys=True).encode())
    for p in res.kb_extra:
        try:
            h.update(Path(p).read_bytes())
        except OSError:
            h.update(f"unreadable {p}".encode())
    return h.hexdigest()[:16]
