"""Start-up cost of a small run: `saksi run ONE_LINE.txt --out NEW_DIR` for a one-line Indonesian and a
one-line English article.

Prints, for each language:
  - the wall time of the command (a new process and a new --out folder each time; best of --repeat);
  - a breakdown of one run in a fresh process: the imports of `saksi.cli`, then each loading step
    (inclusive times: a step's imports count in it) and the rest of the run;
  - with --importtime, the slowest imports of that run (`python -X importtime`).

    python benchmarks/startup.py [--repeat 3] [--importtime] [--cold] [--no-embed] [--no-ner]

The on-disk cache (`saksi.cache`: parsed language packs, the indexed knowledge base, the packs'
tries and their compiled regex code, see `saksi.text.regexes`) is filled by
the first run and read by the others, as in use; --cold clears it before every run (set
SAKSI_CACHE_DIR to keep the benchmark's cache apart from yours).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAKSI = Path(sys.executable).with_name("saksi")

TEXTS = {
    "id": "Menteri Pertahanan Rusia mengatakan 20 tentara tewas di Kyiv pada Senin (2/6/2025).",
    "en": "Russia's defence minister said 20 soldiers were killed in Kyiv on Monday, June 2, 2025.",
}

# (label, module, attribute path): the loading steps timed in the breakdown (inclusive)
STEPS = [
    ("language cues (clean)", "saksi.resources", "load_cues"),
    ("page classification", "saksi.pipeline", "classify_page"),
    ("  date lines", "saksi.resources", "Resources.date_line"),
    ("knowledge base", "saksi.entities.kb", "KB.load"),
    ("  places", "saksi.entities.kb", "KB.places"),
    ("language id", "saksi.pipeline", "detect"),
    ("paragraph languages", "saksi.pipeline", "paragraph_languages"),
    ("NER model", "saksi.resources", "Resources.ner"),
    ("entities, claims, events", "saksi.pipeline", "read_facts"),
    ("regexes from data (any step)", "saksi.text.regexes", "_load_or_compile"),
    ("store open", "saksi.store.db", "Store.open"),
    ("outputs (corpus, report)", "saksi.pipeline", "build_outputs"),
]

_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
import saksi.cli
t_import = time.perf_counter() - t0
import importlib
steps = json.loads(sys.argv[1])
times = {}
def wrap(label, owner, name):
    raw = owner.__dict__.get(name) if isinstance(owner, type) else None
    fn = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else getattr(owner, name)
    if not callable(fn):
        return
    def timed(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            times[label] = times.get(label, 0.0) + time.perf_counter() - t
    timed.__wrapped__ = fn
    setattr(owner, name, type(raw)(timed) if isinstance(raw, (classmethod, staticmethod)) else timed)
for label, mod, attr in steps:
    try:
        owner = importlib.import_module(mod)
        *path, name = attr.split(".")
        for p in path:
            owner = getattr(owner, p)
        wrap(label, owner, name)
    except (ImportError, AttributeError):
        pass
t_imported = time.perf_counter() - t0
sys.argv = ["saksi", "run", sys.argv[2], "--out", sys.argv[3], *sys.argv[4:]]
try:
    saksi.cli.app()
except SystemExit:
    pass
total = time.perf_counter() - t0
print(json.dumps({"import saksi.cli": t_import, "import the timed modules": t_imported - t_import,
                  "steps": times, "total in process": total}))
"""


def clear_caches() -> None:
    try:
        from saksi.cache import cache_dir
    except ImportError:  # a saksi without the on-disk cache
        return
    d = cache_dir()
    if d is not None and d.is_dir():
        shutil.rmtree(d)


EXTRA: list[str] = []  # more `saksi run` options (--no-embed, --no-ner)


def wall(text_file: Path, tmp: Path, repeat: int, cold: bool) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each run; CPU (user + system) is what a busy machine inflates least."""
    import resource

    out = []
    for i in range(repeat):
        if cold:
            clear_caches()
        dst = tmp / f"out_{text_file.stem}_{i}_{time.monotonic_ns()}"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([str(SAKSI), "run", str(text_file), "--out", str(dst), *EXTRA], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        w = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.append((w, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
    return out


def breakdown(text_file: Path, tmp: Path) -> dict:
    dst = tmp / f"bd_{text_file.stem}_{time.monotonic_ns()}"
    r = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(STEPS), str(text_file), str(dst), *EXTRA],
                       check=True, capture_output=True, text=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def importtime(text_file: Path, tmp: Path, top: int = 15) -> list[tuple[int, str]]:
    dst = tmp / f"it_{text_file.stem}_{time.monotonic_ns()}"
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "saksi", "run", str(text_file), "--out", str(dst), *EXTRA],
                       capture_output=True, text=True, env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"})
    rows = []
    for line in r.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cum, name = line.split("|", 2)
            try:
                rows.append((int(cum.strip()), name.rstrip()))
            except ValueError:
                continue
    top_level = [(us, n) for us, n in rows if not n.startswith("  ")]
    return sorted(top_level, reverse=True)[:top]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--importtime", action="store_true", help="also list the slowest top-level imports")
    ap.add_argument("--cold", action="store_true", help="clear the on-disk caches before every run")
    ap.add_argument("--no-embed", action="store_true", help="pass --no-embed to saksi run")
    ap.add_argument("--no-ner", action="store_true", help="pass --no-ner to saksi run")
    a = ap.parse_args()
    EXTRA.extend(["--no-embed"] * a.no_embed + ["--no-ner"] * a.no_ner)
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        for code, text in TEXTS.items():
            f = tmp / f"one_line_{code}.txt"
            f.write_text(text + "\n", encoding="utf-8")
            wall(f, tmp, 1, a.cold)  # warm the OS file cache (and the on-disk caches unless --cold)
            ws = wall(f, tmp, a.repeat, a.cold)
            print(f"{code}: saksi run one line: best {min(w for w, _ in ws):.2f} s wall, {min(c for _, c in ws):.2f} s CPU "
                  f"(runs: {', '.join(f'{w:.2f}/{c:.2f}' for w, c in ws)})")
            bd = breakdown(f, tmp)
            print(f"  {'import saksi.cli':28s} {bd['import saksi.cli']:6.3f} s")
            for label, _, _ in STEPS:
                if label in bd["steps"]:
                    print(f"  {label:28s} {bd['steps'][label]:6.3f} s")
            print(f"  {'total in process':28s} {bd['total in process']:6.3f} s")
            if a.importtime:
                for us, name in importtime(f, tmp):
                    print(f"    import {name.strip():40s} {us / 1e6:6.3f} s")


if __name__ == "__main__":
    main()
