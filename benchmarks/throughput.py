"""Throughput of `saksi run` on 2,000+ text articles, per stage, per core, with peak memory.

The corpus is built by perturbing the seed pages (sentences shuffled and numbers changed between
articles, so every article is distinct). Prints:
  - cleaning + language ID + segmentation: articles/s on one core (target >= 200);
  - claims + events extraction (entities by knowledge base, no NER): articles/s on one core (target >= 100);
  - NER on the bodies: articles/s on one core;
  - the whole `saksi run` command (one worker): articles/s and the peak RSS of that process (target < 500 MB);
  - the whole `saksi run` with default settings (NER, static embeddings) on real articles: the dev set of
    ../shared repeated (`--dev-repeat`, numbers changed so every copy is distinct), one worker and two:
    articles/s per core (target >= 50), and the start-up: a run on a one-line article;
  - with --stages: where one core's analysis time goes on those real articles, CPU ms per article
    per stage, once the data, models and patterns are loaded (what bounds the whole run).

    python benchmarks/throughput.py [--articles 2000] [--skip-cli] [--dev-repeat 10] [--stages]
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"


def make_corpus(dst: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    pages = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    paths = []
    for i in range(n):
        lines = pages[i % len(pages)].split("\n")
        head, body = lines[:4], lines[4:]
        middle = body[:-3]
        rng.shuffle(middle)
        text = "\n".join(head + middle + body[-3:])
        text = re.sub(r"\b\d{2,3}\b", lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
        p = dst / f"a{i:05d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--skip-cli", action="store_true")
    ap.add_argument("--dev-repeat", type=int, default=10, help="copies of the dev set for the whole run (0: skip)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--stages", action="store_true", help="CPU ms per article of each analysis stage on the dev set")
    a = ap.parse_args()
    if a.dev_repeat and (a.shared / "corpus" / "dev.jsonl").is_file():
        if a.stages:
            stages_on_dev(a.shared / "corpus" / "dev.jsonl", a.dev_repeat)
        whole_run_on_dev(a.shared / "corpus" / "dev.jsonl", a.dev_repeat)
        if a.skip_cli:
            return

    from saksi.ingest.readers import read_file
    from saksi.model import Analysis
    from saksi.pipeline import Resources, clean, read_facts

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        paths = make_corpus(src, a.articles)
        docs = [d for p in paths for d in read_file(p)]
        res = Resources(use_ner=False)
        clean(docs[0], res)  # load data, detectors and the knowledge base before timing
        t = time.perf_counter()
        cleaned = [clean(d, res) for d in docs]
        t_clean = time.perf_counter() - t

        t = time.perf_counter()
        for article, norm in cleaned:
            read_facts(Analysis(article), norm.text, res)
        t_facts = time.perf_counter() - t

        ner_res = Resources(use_ner=True)
        sample = cleaned[: min(200, len(cleaned))]
        ner = ner_res.ner("id")
        ner_rate = None
        if ner is not None:
            list(ner.pipe(["warm up"]))
            t = time.perf_counter()
            for article, _ in sample:
                list(ner.pipe([p.text for p in article.paragraphs]))
            ner_rate = len(sample) / (time.perf_counter() - t)

        print(f"articles: {len(docs)} (avg {sum(len(d.text) for d in docs) / len(docs):.0f} chars)")
        print(f"cleaning + language ID + segmentation: {len(docs) / t_clean:8.1f} articles/s per core (target >= 200)")
        print(f"claims + events + entities (no NER):   {len(docs) / t_facts:8.1f} articles/s per core (target >= 100)")
        if ner_rate:
            print(f"NER (Indonesian model) on bodies:      {ner_rate:8.1f} articles/s per core")
        if not a.skip_cli:
            out = Path(tmp) / "out"
            t = time.perf_counter()
            r = subprocess.run([sys.executable, "-m", "saksi", "run", str(src), "--out", str(out), "--no-ner"],
                               capture_output=True, text=True)
            wall = time.perf_counter() - t
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            status = "ok" if r.returncode == 0 else f"exit {r.returncode}: {r.stderr[-300:]}"
            print(f"saksi run --no-ner (1 worker, whole run incl. store, corpus stage and report): "
                  f"{len(docs) / wall:6.1f} articles/s, peak RSS {peak:.0f} MB (target < 500) [{status}]")


def _timed_run(args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MB of the largest process, status) of one `saksi run`."""
    import json as _json

    code = ("import resource, runpy, sys, time, json; t = time.perf_counter(); sys.argv = ['saksi'] + sys.argv[1:]\n"
            "try:\n    runpy.run_module('saksi', run_name='__main__')\nexcept SystemExit as e:\n    rc = e.code\n"
            "else:\n    rc = 0\n"
            "print(json.dumps({'wall': time.perf_counter() - t, 'rc': rc,"
            " 'self': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
            " 'kids': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}), file=sys.stderr)")
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", code, "run", *args], capture_output=True, text=True)
    wall = time.perf_counter() - t
    try:
        info = _json.loads(r.stderr.strip().splitlines()[-1])
        peak = max(info["self"], info["kids"])
    except (ValueError, IndexError, KeyError):
        peak = float("nan")
    return wall, peak, "ok" if r.returncode == 0 else f"exit {r.returncode}: {r.stderr[-300:]}"


def dev_repeated(dev: Path, repeat: int, dst: Path) -> int:
    """The dev set `repeat` times in one JSONL file (each copy's small numbers changed, so every
    article is distinct); returns the number of articles."""
    import json as _json

    rows = [_json.loads(x) for x in dev.read_text(encoding="utf-8").splitlines() if x.strip()]
    rng = random.Random(11)
    with open(dst, "w", encoding="utf-8") as f:
        for k in range(repeat):
            for r in rows:
                r2 = dict(r, id=f"{r['id']}~r{k}")
                if k:  # every copy distinct: its small numbers changed
                    r2["text"] = re.sub(r"\b\d{2,3}\b", lambda m: str(int(m.group()) + rng.randint(1, 9)), r["text"])
                f.write(_json.dumps(r2, ensure_ascii=False) + "\n")
    return repeat * len(rows)


# (module, attribute, label) of the analysis stages --stages times; nested ones run inside another
_STAGES = [
    ("saksi.pipeline", "normalize", "normalise"),
    ("saksi.pipeline", "classify_page", "clean: classify lines (clean.page)"),
    ("saksi.pipeline", "detect", "language of the article (text.langid, lingua)"),
    ("saksi.pipeline", "paragraph_languages", "language of paragraphs"),
    ("saksi.pipeline", "sentence_spans", "sentences (text.segment)"),
    ("saksi.entities.ner:NER", "pipe", "NER (spaCy)"),
    ("saksi.entities.resolver:ArticleResolver", "mentions", "entities (resolver)"),
    ("saksi.entities.kb:KB", "find_mentions", "  of which knowledge-base names"),
    ("saksi.extract.claims", "extract_claims", "claims"),
    ("saksi.extract.attribution:Attributions", "_read", "  of which attribution"),
    ("saksi.extract.numbers", "find_quantities", "  of which quantities"),
    ("saksi.extract.dates", "find_periods", "  of which periods"),
    ("saksi.extract.events", "extract_events", "events"),
    ("saksi.extract.attribution", "cited_sources", "cited sources"),
]


def stages_on_dev(dev: Path, repeat: int) -> None:
    """CPU ms per article of each analysis stage on the repeated dev set (defaults: NER on), after a
    pass over the first copy has loaded the data, models and patterns. A stage is timed by wrapping
    the function the pipeline calls for it; the wrappers are removed afterwards."""
    import importlib
    from collections import Counter

    from saksi.ingest.readers import read_file
    from saksi.pipeline import process
    from saksi.resources import Resources

    spent: Counter = Counter()

    def timed(f, label):
        def run(*args, **kwargs):
            t = time.process_time()
            try:
                out = f(*args, **kwargs)
                return iter(list(out)) if label.startswith("NER") else out  # NER.pipe is lazy: time the work
            finally:
                spent[label] += time.process_time() - t
        return run

    originals = []
    for where, attr, label in _STAGES:
        mod, _, cls = where.partition(":")
        owner = importlib.import_module(mod)
        owner = getattr(owner, cls) if cls else owner
        originals.append((owner, attr, getattr(owner, attr)))
        setattr(owner, attr, timed(getattr(owner, attr), label))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            n = dev_repeated(dev, repeat, Path(tmp) / "dev_repeated.jsonl")
            docs = list(read_file(Path(tmp) / "dev_repeated.jsonl"))
        res = Resources()
        for d in docs[: max(1, n // repeat)]:
            process(d, res)
        spent.clear()
        t = time.process_time()
        for d in docs:
            process(d, res)
        total = time.process_time() - t
    finally:
        for owner, attr, f in originals:
            setattr(owner, attr, f)
    print(f"analysis of {n} real articles (dev set x{repeat}), one core, loaded: {1000 * total / n:.1f} ms/article "
          f"= {n / total:.1f} articles/s; by stage (CPU ms/article):")
    for _, _, label in _STAGES:
        print(f"  {label:48s} {1000 * spent[label] / n:6.2f}")


def whole_run_on_dev(dev: Path, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "dev_repeated.jsonl"
        n = dev_repeated(dev, repeat, src)
        one = Path(tmp) / "one.txt"
        one.write_text("Rusia mengirim 500 tentara ke Suriah pada Januari 2025, kata pejabat itu.\n", encoding="utf-8")
        wall, peak, status = _timed_run([str(one), "--out", str(Path(tmp) / "one_out")])
        print(f"start-up: saksi run on a one-line article, whole command: {wall:.2f} s (target < 1 s) [{status}]")
        for workers in (1, 2):
            wall, peak, status = _timed_run([str(src), "--out", str(Path(tmp) / f"out{workers}"), "--workers", str(workers)])
            print(f"saksi run, defaults, {n} real articles (dev set x{repeat}), {workers} worker(s): {n / wall:6.1f} articles/s"
                  f" = {n / wall / workers:6.1f} per core (target >= 50), peak RSS {peak:.0f} MB per process [{status}]")


if __name__ == "__main__":
    main()
