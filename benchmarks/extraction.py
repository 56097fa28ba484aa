"""Score saksi's HTML extraction on two public benchmarks (read from ../shared at run time).

1. Zyte/Scrapinghub article-extraction-benchmark (181 English pages, full gold article bodies):
   the upstream token-shingle metric. Tokens are ``\\w+`` (Unicode); each text becomes a multiset of
   4-token shingles (a text with fewer than 4 tokens is one shingle); TP/FP/FN are the multiset
   overlaps, normalised per document to sum to 1; precision is the mean over documents with TP+FP>0,
   recall the mean over documents with TP+FN>0, F1 comes from those two means; accuracy is the share of
   documents whose shingles equal the truth's exactly. ``--baseline`` checks the scorer by scoring the
   published trafilatura 2.0.0 outputs (upstream reports F1 0.958).
2. trafilatura evaluation set (990 multilingual pages): each whitespace-normalised "with" segment found
   as a substring of the whitespace-normalised text is a TP (else FN), each "without" segment found is
   an FP (else TN); P/R/F1/accuracy are pooled over all segments. Title/author/date accuracy is scored
   on the pages with gold metadata (normalised exact match, over pages whose gold value is non-empty);
   "dates where gold has none" counts the dates saksi gives for pages whose gold date is empty.

By default the scored text is ``extract_html(html, url).text``: what saksi reads from an HTML page.
``--cleaned`` passes it through ``saksi.pipeline.clean_text_for_benchmark(text, url)`` (the body lines
saksi keeps after line cleaning), if that function exists.

Run from the project root:  python benchmarks/extraction.py [--limit N] [--set zyte|trafilatura|all]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tarfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from saksi.ingest.html import extract_html  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
ZYTE = SHARED / "article_extraction_benchmark"
TRAF = SHARED / "trafilatura_eval"

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


# ---------------------------------------------------------------- decoding (as saksi reads a file)

def _decode(data: bytes) -> str:
    try:
        from saksi.ingest.readers import decode
    except ImportError:
        decode = None
    if decode is not None:
        return decode(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ValueError("cannot detect the text encoding") from None
        return str(best)


# ---------------------------------------------------------------- the text under test

def make_producer(cleaned: bool) -> Callable[[str, str | None], tuple[str, object]]:
    """(html, url) → (text to score, HtmlExtract or None)."""
    clean = None
    if cleaned:
        try:
            from saksi.pipeline import clean_text_for_benchmark as clean
        except ImportError as e:
            print(f"--cleaned: saksi.pipeline.clean_text_for_benchmark is not available ({e}); "
                  "scoring the extracted text instead", file=sys.stderr)
            clean = None
        else:
            clean("Warm-up line.", None)  # load the cleaner's resources before timing pages

    def produce(html: str, url: str | None):
        try:
            ex = extract_html(html, url=url)
        except ValueError:
            return "", None
        text = ex.text if ex else ""
        if clean is not None and text:
            text = clean(text, url) or ""
        return text, ex

    produce.mode = "cleaned" if clean is not None else "extracted"  # type: ignore[attr-defined]
    return produce


# ---------------------------------------------------------------- Zyte / Scrapinghub metric

def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(g for g in (" ".join(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))) if g)


def shingle_scores(truth: str, pred: str) -> tuple[float, float, float, bool]:
    """(TP, FP, FN) shares of the 4-shingle multisets, and whether the token lists are equal."""
    t, p = shingles(truth), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    exact = _TOKEN.findall(truth or "") == _TOKEN.findall(pred or "")
    return (tp / total, fp / total, fn / total, exact) if total else (0.0, 0.0, 0.0, exact)


def zyte_summary(rows: list[tuple[float, float, float, bool]]) -> dict:
    precisions = [tp / (tp + fp) for tp, fp, fn, _ in rows if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, fp, fn, _ in rows if tp + fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(1 for *_, exact in rows if exact) / len(rows) if rows else 0.0
    return {"n": len(rows), "P": p, "R": r, "F1": f1, "acc": acc}


def zyte_items(limit: int | None):
    truth = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
    items = sorted(truth.items())
    return items[:limit] if limit else items


def run_zyte(produce, limit: int | None, worst: int = 0) -> dict:
    rows, names, seconds = [], [], 0.0
    for item_id, gold in zyte_items(limit):
        data = gzip.decompress((ZYTE / "html" / f"{item_id}.html.gz").read_bytes())
        start = time.process_time()
        try:
            html = _decode(data)
            text, _ = produce(html, gold.get("url"))
        except ValueError:
            text = ""
        seconds += time.process_time() - start
        rows.append(shingle_scores(gold["articleBody"], text))
        names.append(item_id)
    out = zyte_summary(rows)
    out["pages_per_s"] = len(rows) / seconds if seconds else 0.0
    if worst:
        ranked = sorted(zip(rows, names), key=lambda x: x[0][0])
        out["worst"] = [(n[:12], round(tp, 3), round(fp, 3), round(fn, 3)) for (tp, fp, fn, _), n in ranked[:worst]]
    return out


def run_zyte_baseline(system: str, limit: int | None) -> dict:
    raw = json.loads(gzip.decompress((ZYTE / "baseline_outputs" / f"{system}.json.gz").read_bytes()))
    preds = raw.get("output", raw)
    rows = [shingle_scores(gold["articleBody"], (preds.get(i) or {}).get("articleBody") or "")
            for i, gold in zyte_items(limit)]
    return zyte_summary(rows)


# ---------------------------------------------------------------- trafilatura evaluation set

def _ws(text: str) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _norm_meta(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    value = unicodedata.normalize("NFKC", str(value)).casefold()
    return _SPACE.sub(" ", value).strip(" \t\n\"'“”„«».,;:|-")


def traf_pages(limit: int | None):
    evaldata = json.loads((TRAF / "evaldata.json").read_text(encoding="utf-8"))
    items = list(evaldata.items())
    if limit:
        items = items[:limit]
    wanted = {v["file"] for _, v in items}
    files: dict[str, bytes] = {}
    with tarfile.open(TRAF / "html.tar.gz", "r:gz") as tar:
        for member in tar:
            name = member.name.rsplit("/", 1)[-1]
            if member.isfile() and name in wanted and name not in files:
                files[name] = tar.extractfile(member).read()
    for key, value in items:
        url = key if key.startswith(("http://", "https://")) else None
        yield key, url, value, files.get(value["file"])


def run_traf(produce, limit: int | None) -> dict:
    tp = fp = tn = fn = 0
    meta = {f: [0, 0] for f in ("title", "author", "date")}  # [correct, gold non-empty]
    spurious_dates = no_gold_date = 0
    n = missing = 0
    seconds = 0.0
    for _key, url, gold, data in traf_pages(limit):
        n += 1
        if data is None:
            missing += 1
            continue
        start = time.process_time()
        try:
            html = _decode(data)
            text, ex = produce(html, url)
        except ValueError:
            text, ex = "", None
        seconds += time.process_time() - start
        text = _ws(text)
        for seg in gold.get("with", []):
            if _ws(seg) in text:
                tp += 1
            else:
                fn += 1
        for seg in gold.get("without", []):
            if _ws(seg) in text:
                fp += 1
            else:
                tn += 1
        if "title" in gold:  # a page with gold metadata
            for field in meta:
                want = _norm_meta(gold.get(field))
                got = _norm_meta(getattr(ex, field, None)) if ex else ""
                if field == "date":
                    want, got = want[:10], got[:10]
                if want:
                    meta[field][1] += 1
                    meta[field][0] += got == want
                elif field == "date":
                    no_gold_date += 1
                    spurious_dates += bool(got)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "n": n, "missing": missing, "P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "acc": (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0,
        "meta": {f: (c / t if t else 0.0, t) for f, (c, t) in meta.items()},
        "spurious_dates": (spurious_dates, no_gold_date),
        "pages_per_s": (n - missing) / seconds if seconds else 0.0,
    }


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    ap.add_argument("--set", choices=["zyte", "trafilatura", "all"], default="all")
    ap.add_argument("--cleaned", action="store_true",
                    help="score saksi.pipeline.clean_text_for_benchmark(text, url) instead of the extracted text")
    ap.add_argument("--baseline", action="store_true",
                    help="also score the published trafilatura 2.0.0 outputs (checks the scorer; upstream F1 0.958)")
    ap.add_argument("--worst", type=int, default=0, help="list the N Zyte pages with the lowest TP share")
    args = ap.parse_args(argv)

    for path in ([ZYTE] if args.set in ("zyte", "all") else []) + ([TRAF] if args.set in ("trafilatura", "all") else []):
        if not path.exists():
            print(f"missing benchmark data: {path} (expected ../shared/data from the project root)", file=sys.stderr)
            return 2

    produce = make_producer(args.cleaned)
    print(f"saksi HTML extraction, text scored: {produce.mode}" + (f", first {args.limit} pages" if args.limit else ""))
    print("pages/s is per core (CPU time in extraction, one process)\n")
    header = f"{'set':<38}{'pages':>6}{'P':>8}{'R':>8}{'F1':>8}{'acc':>8}{'pages/s':>9}"
    print(header)
    print("-" * len(header))
    traf = None
    if args.set in ("zyte", "all"):
        if args.baseline:
            b = run_zyte_baseline("trafilatura", args.limit)
            print(f"{'zyte: trafilatura 2.0.0 (published)':<38}{b['n']:>6}{b['P']:>8.3f}{b['R']:>8.3f}{b['F1']:>8.3f}"
                  f"{b['acc']:>8.3f}{'':>9}")
        z = run_zyte(produce, args.limit, args.worst)
        print(f"{'zyte/scrapinghub (shingles)':<38}{z['n']:>6}{z['P']:>8.3f}{z['R']:>8.3f}{z['F1']:>8.3f}"
              f"{z['acc']:>8.3f}{z['pages_per_s']:>9.1f}")
    if args.set in ("trafilatura", "all"):
        traf = run_traf(produce, args.limit)
        print(f"{'trafilatura eval (segments)':<38}{traf['n']:>6}{traf['P']:>8.3f}{traf['R']:>8.3f}{traf['F1']:>8.3f}"
              f"{traf['acc']:>8.3f}{traf['pages_per_s']:>9.1f}")
    if traf:
        print("\ntrafilatura eval metadata (pages with a non-empty gold value; normalised exact match)")
        for field, (acc, total) in traf["meta"].items():
            print(f"  {field:<8}{acc:>7.3f}  of {total}" if total else f"  {field:<8}{'n/a':>7}  (no gold in these pages)")
        s, t = traf["spurious_dates"]
        print(f"  dates given where gold has none: {s} of {t}")
        if traf["missing"]:
            print(f"  ({traf['missing']} referenced HTML files not found in the tarball)")
    if args.worst and args.set in ("zyte", "all"):
        print("\nworst zyte pages (id, TP, FP, FN shares):")
        for row in z["worst"]:
            print("  ", *row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
