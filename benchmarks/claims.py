"""Claims quality on the dev set and the seeds, per language and per action, with speed.

Runs `saksi run` on ../shared/corpus/dev.jsonl and ../shared/corpus/seeds (and, with ``--set all``,
benchmarks/heldout: articles on other transfers written for the project), scores the claims with
../shared/tools/score.py and prints F1, precision, recall and each attribute (actor, recipient,
qualifier, period, attributed_to, stance) overall, per language and per action, plus the articles
analysed per second of the whole command.

    python benchmarks/claims.py [--set dev|seeds|heldout|both|all] [--no-embed] [--json]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ATTRS = ("actor", "recipient", "qualifier", "period", "attributed_to", "stance")


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_set(name: str, inputs: Path, gold: Path, manifest: Path | None, embed: bool) -> dict:
    """Run saksi on one set and score it: {'overall': ..., 'by': {...}, 'articles': n, 'seconds': s}."""
    score = _scorer()
    with tempfile.TemporaryDirectory(prefix=f"saksi-{name}-") as out:
        cmd = [sys.executable, "-m", "saksi", "run", str(inputs), "--out", out] + ([] if embed else ["--no-embed"])
        t = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.perf_counter() - t
        if r.returncode != 0:
            raise SystemExit(f"saksi run failed on {inputs}: {r.stderr[-500:]}")
        pred = score.read_jsonl(Path(out) / "claims.jsonl")
        n_articles = sum(1 for _ in open(Path(out) / "articles.jsonl", encoding="utf-8"))
    gold_rows = score.read_jsonl(gold)
    res = {"overall": score.score_claims(gold_rows, pred), "by": {}, "articles": n_articles, "seconds": seconds}
    if manifest is not None:
        lang = {score.article_key(m["id"]): m.get("language") for m in score.read_jsonl(manifest)}
        for code in sorted({v for v in lang.values() if v}):
            res["by"][f"language={code}"] = score.score_claims(
                [x for x in gold_rows if lang.get(score.article_key(x["article"])) == code],
                [x for x in pred if lang.get(score.article_key(x.get("article"))) == code])
    for act in sorted({g["action"] for g in gold_rows}):
        res["by"][f"action={act}"] = score.score_claims([x for x in gold_rows if x["action"] == act],
                                                        [x for x in pred if x.get("action") == act])
    return res


def _row(label: str, r: dict) -> str:
    a = r["attributes"]
    return (f"  {label:28} F1 {r['f1']:.3f}  P {r['precision']:.3f}  R {r['recall']:.3f}  attr {r['attribute_mean']:.3f}  "
            + "  ".join(f"{k[:5]} {a.get(k, 0):.2f}" for k in ATTRS) + f"  ({r['matched']}/{r['gold']}, {r['pred']} pred)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=("dev", "seeds", "heldout", "both", "all"), default="both",
                    help="both: dev and seeds; all: dev, seeds and benchmarks/heldout")
    ap.add_argument("--no-embed", action="store_true", help="skip embeddings (the corpus stage only; claims are the same)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if not (SHARED / "tools" / "score.py").is_file():
        print(f"{SHARED} is not beside the project: nothing to score", file=sys.stderr)
        return 2
    sets = {
        "dev": (SHARED / "corpus" / "dev.jsonl", SHARED / "gold" / "dev.claims.jsonl", SHARED / "gold" / "dev.articles.jsonl"),
        "seeds": (SHARED / "corpus" / "seeds", SHARED / "gold" / "seeds.claims.jsonl", None),
        "heldout": (ROOT / "benchmarks" / "heldout" / "corpus.jsonl", ROOT / "benchmarks" / "heldout" / "gold.claims.jsonl",
                    ROOT / "benchmarks" / "heldout" / "gold.articles.jsonl"),
    }
    chosen = {"both": ["dev", "seeds"], "all": list(sets)}.get(a.set, [a.set])
    results = {}
    for name in chosen:
        res = results[name] = run_set(name, *sets[name], embed=not a.no_embed)
        if a.json:
            continue
        print(f"{name}: {res['articles']} articles in {res['seconds']:.1f} s "
              f"({res['articles'] / res['seconds']:.1f} articles/s, whole command with start-up)")
        print(_row("all", res["overall"]))
        for label, r in res["by"].items():
            print(_row(label, r))
    if a.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
