"""Robustness of `saksi run` and `saksi serve` (issue 10).

    python benchmarks/robustness.py [--malformed 2050] [--good 50] [--kills 10] [--kill-articles 300]
                                    [--requests 2000] [--concurrency 50] [--no-ner] [--skip kill,load]

1. Fault corpus: >= 2,000 malformed inputs of every kind issue 10 lists (empty, BOM-only, random
   bytes, UTF-16, over --max-mb, symlink loops, FIFOs, links to /dev/zero, non-UTF-8 file names,
   broken and deep HTML, navigation-only pages, placeholder dates with relative dates, JSONL lines
   with invalid JSON, 100 k nesting, huge integers, lone surrogates, wrong types, bad dates, line
   separators, repeated ids) mixed with good articles, read by one `saksi run`. Prints crashes
   (tracebacks, "please report this", an exit other than 0), inputs stored / reported / lost (every
   input must be either stored or named in ingest_errors), good articles stored, time and peak RSS.
2. Kill test: `saksi run` on N articles killed with SIGKILL at random points, then run again;
   each resumed store is compared with an uninterrupted one.
3. Load test: `saksi serve` on the fault corpus's store, a bounded number of requests from many
   concurrent clients (home, search, claim and article pages): p50 / p95 / p99 and errors.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SAKSI = [sys.executable, "-m", "saksi"]
TABLES = ("articles", "documents", "lines", "paragraphs", "sentences", "mentions", "claims", "events")


def good_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def good_article(i: int, texts: list[str]) -> str:
    return texts[i % len(texts)] + f"\nCatatan redaksi nomor {i} untuk arsip pengujian ketahanan.\n"


# ---------------------------------------------------------------- 1. the fault corpus
def build_fault_corpus(root: Path, n_malformed: int, n_good: int, rng: random.Random) -> dict:
    """Writes the corpus; returns {'inputs': [paths as saksi names them], 'good': [paths]}."""
    texts = good_texts()
    inputs: list[str] = []
    good: list[str] = []
    root.mkdir(parents=True)
    (root / "good").mkdir()
    for i in range(n_good):
        p = root / "good" / f"g{i:03d}.txt"
        p.write_text(good_article(i, texts), encoding="utf-8")
        inputs.append(str(p))
        good.append(str(p))
    bad = root / "bad"
    bad.mkdir()

    def file(name: str, data: bytes) -> None:
        p = bad / name
        p.write_bytes(data)
        inputs.append(str(p))

    nav = "\n".join(["Home", "News", "Sport", "Politik", "Ekonomi", "Login", "Daftar", "Kontak", "Karir"] * 40)
    one = texts[0]
    makers = [
        lambda k: file(f"empty{k}.txt", b""),
        lambda k: file(f"bom{k}.txt", b"\xef\xbb\xbf" * rng.randint(1, 3)),
        lambda k: file(f"blank{k}.txt", b" \n\t\n" * rng.randint(1, 50)),
        lambda k: file(f"random{k}.txt", rng.randbytes(rng.randint(1, 4000))),
        lambda k: file(f"nul{k}.txt", b"\x00" * rng.randint(10, 5000)),
        lambda k: file(f"utf16_{k}.txt", one[: rng.randint(200, 2000)].encode("utf-16-le")),
        lambda k: file(f"nav{k}.txt", nav.encode()),
        lambda k: file(f"parens{k}.txt", b"(" * rng.randint(1000, 30000)),
        lambda k: file(f"quotes{k}.txt", "\u201c".encode() * rng.randint(1000, 10000)),
        lambda k: file(f"nodate{k}.txt", ("0001-01-01\nBulan lalu, Rusia dan Korea Utara menandatangani pakta "
                                          "pertahanan bersama di Pyongyang.\n").encode()),
        lambda k: file(f"broken{k}.html", b"<html><head><title>x</title></head><body><div></div></body>"),
        lambda k: file(f"deep{k}.html", b"<div>" * 10000 + b"text" + b"</div>" * 10000),
        lambda k: file(f"navpage{k}.html", ("<html><body><nav>" + "".join(f"<a href='/{j}'>Link {j}</a>"
                                                                           for j in range(200)) + "</nav></body></html>").encode()),
        lambda k: file(f"xss{k}.txt", (f"<script>alert({k})</script> " + good_article(1000 + k, texts)).encode()),
    ]
    line_makers = [
        lambda k: "{oops",
        lambda k: "[" * 100_000,
        lambda k: '{"id": 1%s, "text": "x"}' % ("0" * 5000),
        lambda k: '{"id": "\\udfff%d", "text": "teks"}' % k,
        lambda k: json.dumps({"id": {"nested": k}, "text": one}),
        lambda k: '{"id": 1e309, "text": "x"}',
        lambda k: '{"id": NaN, "text": "x"}',
        lambda k: json.dumps({"id": f"lo{k}", "text": one, "outlet": ["a", "b"]}),
        lambda k: json.dumps({"id": f"pd{k}", "text": one, "published": "yesterday"}),
        lambda k: json.dumps({"id": f"pe{k}", "text": one, "published": "9999-99-99"}),
        lambda k: json.dumps({"text": one}),
        lambda k: json.dumps({"id": f"e{k}", "text": ""}),
        lambda k: json.dumps(["a", "list"]),
        lambda k: json.dumps({"id": "repeated", "text": f"teks lain {k} " + one}),
        lambda k: json.dumps({"id": f"z{k}", "published": "0001-01-01T00:00:00",
                              "text": "Bulan lalu, Rusia dan Korea Utara menandatangani pakta pertahanan bersama "
                                      f"di Pyongyang (catatan {k})."}),
        lambda k: json.dumps({"id": f"ls{k}", "text": f"Senin\u2028{k}\u2029 " + one + "\u0085"}, ensure_ascii=False),
    ]
    # kinds that exist once or a few times: links, FIFOs, names, oversized
    specials = []
    os.symlink("loop.txt", bad / "loop.txt")
    specials.append(str(bad / "loop.txt"))
    os.symlink(".", bad / "selfdir")
    os.symlink("/dev/zero", bad / "zero.txt")
    specials.append(str(bad / "zero.txt"))
    os.mkfifo(bad / "pipe.txt")
    specials.append(str(bad / "pipe.txt"))
    raw = os.path.join(os.fsencode(bad), b"caf\xe9-latin1-name.txt")
    with open(raw, "wb") as fh:
        fh.write(good_article(5000, texts).encode())
    specials.append(os.fsdecode(raw).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"))
    (bad / "big.txt").write_bytes(b"a " * (700 * 1024))  # over --max-mb 1
    specials.append(str(bad / "big.txt"))
    inputs.extend(specials)
    n_special = len(specials)
    n_lines = (n_malformed - n_special) // 2
    n_files = n_malformed - n_special - n_lines
    for k in range(n_files):
        makers[k % len(makers)](k)
    jsonl_lines = [json.dumps({"id": "repeated", "text": one})]
    for k in range(n_lines - 1):
        jsonl_lines.append(line_makers[k % len(line_makers)](k))
    (bad / "corpus.jsonl").write_text("\n".join(jsonl_lines) + "\n", encoding="utf-8", errors="surrogatepass")
    inputs.extend(f"{bad / 'corpus.jsonl'}:{n}" for n in range(1, len(jsonl_lines) + 1))
    return {"inputs": inputs, "good": good, "kinds": len(makers) + len(line_makers) + n_special}


def run_saksi(args: list[str], timeout: float = 3600) -> tuple[subprocess.CompletedProcess, float, float]:
    """Runs saksi; returns the process, seconds and the peak RSS (MB) of the saksi process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    r = subprocess.run([*SAKSI, *args], capture_output=True, text=True, timeout=timeout)
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return r, dt, max(peak, before) / 1024


def fault_test(work: Path, args) -> Path:
    rng = random.Random(10)
    corpus = build_fault_corpus(work / "faults", args.malformed, args.good, rng)
    out = work / "faults-out"
    flags = ["--max-mb", "1", "--no-embed"] + (["--no-ner"] if args.no_ner else [])
    r, dt, rss = run_saksi(["run", str(work / "faults"), "--out", str(out), *flags])
    crashes = int(r.returncode != 0) + r.stderr.count("Traceback") + r.stderr.count("please report")
    con = sqlite3.connect(out / "saksi.db")
    stored = {p for (p,) in con.execute("SELECT path FROM documents")}
    reported = {p for (p,) in con.execute("SELECT path FROM ingest_errors")}
    con.close()
    lost = [p for p in corpus["inputs"] if p not in stored and p not in reported]
    good_stored = sum(p in stored for p in corpus["good"])
    print(f"fault test: {len(corpus['inputs'])} inputs ({len(corpus['inputs']) - len(corpus['good'])} malformed, "
          f"{len(corpus['good'])} good), exit {r.returncode}")
    print(f"  crashes: {crashes}")
    print(f"  inputs stored {len([p for p in corpus['inputs'] if p in stored])}, reported "
          f"{len([p for p in corpus['inputs'] if p in reported and p not in stored])}, lost {len(lost)}")
    for p in lost[:10]:
        print(f"    lost: {p}")
    print(f"  good articles stored: {good_stored}/{len(corpus['good'])}")
    print(f"  time {dt:.1f} s, peak RSS {rss:.0f} MB")
    if crashes:
        print("  stderr tail:", *r.stderr.splitlines()[-5:], sep="\n    ")
    return out


# ---------------------------------------------------------------- 2. kill and resume
def snapshot(out: Path) -> dict:
    con = sqlite3.connect(out / "saksi.db")
    snap = {t: sorted(map(tuple, con.execute(f"SELECT * FROM {t}"))) for t in TABLES}
    con.close()
    return snap


def kill_test(work: Path, args) -> None:
    texts = good_texts()
    src = work / "kill-in"
    src.mkdir()
    for i in range(args.kill_articles):
        (src / f"a{i:04d}.txt").write_text(good_article(i, texts), encoding="utf-8")
    flags = ["--no-embed"] + (["--no-ner"] if args.no_ner else [])
    whole = work / "kill-whole"
    r, full, _ = run_saksi(["run", str(src), "--out", str(whole), *flags])
    assert r.returncode == 0, r.stderr
    reference = snapshot(whole)
    rng = random.Random(20)
    equal = 0
    for k in range(args.kills):
        out = work / f"kill-{k}"
        at = rng.uniform(0.5, full * 0.95)
        proc = subprocess.Popen([*SAKSI, "run", str(src), "--out", str(out), *flags],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(at)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        r = subprocess.run([*SAKSI, "run", str(src), "--out", str(out), *flags], capture_output=True, text=True)
        same = r.returncode == 0 and snapshot(out) == reference
        equal += same
        print(f"  kill {k + 1}: at {at:.1f} s of {full:.1f} s, resumed store {'equal' if same else 'DIFFERENT'}")
    print(f"kill test: {equal}/{args.kills} resumed stores equal an uninterrupted run ({args.kill_articles} articles)")


# ---------------------------------------------------------------- 3. load test
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_test(out: Path, args) -> None:
    con = sqlite3.connect(out / "saksi.db")
    articles = [n for (n,) in con.execute("SELECT name FROM articles LIMIT ?", (args.load_ids,))]
    claims = [c for (c,) in con.execute("SELECT id FROM claims LIMIT ?", (args.load_ids,))]
    con.close()
    port = _free_port()
    server = subprocess.Popen([*SAKSI, "serve", str(out), "--port", str(port), "--workers", str(args.workers)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        rng = random.Random(30)
        queries = ["tentara", "Korea Utara", '"unclosed', "a OR b AND", "x" * 10_000, "\x00", "*", "NEAR(a b)"]
        urls = []
        for i in range(args.requests):
            kind = i % 4
            if kind == 0:
                urls.append(("home", "/"))
            elif kind == 1:
                urls.append(("search", "/?q=" + urllib.parse.quote(rng.choice(queries))))
            elif kind == 2 and claims:
                urls.append(("claim", "/claim/" + urllib.parse.quote(rng.choice(claims), safe="")))
            else:
                urls.append(("article", "/article/" + urllib.parse.quote(rng.choice(articles) if articles else "none",
                                                                          safe="")))
        if args.cold:  # every URL distinct: no response can come from the server's page cache
            urls = [(k, u + ("&" if "?" in u else "?") + f"n={i}") for i, (k, u) in enumerate(urls)]
        home_size = len(urllib.request.urlopen(base + "/", timeout=60).read())

        def get(item: tuple[str, str]) -> tuple[str, float, int]:
            kind, u = item
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(base + u, timeout=60) as resp:
                    resp.read()
                    code = resp.status
            except urllib.error.HTTPError as e:
                code = e.code
            except OSError:
                code = 0
            return kind, time.perf_counter() - t0, code

        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(get, urls))
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=30)

    def pct(lat: list[float], p: float) -> float:
        return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000

    def line(rows) -> str:
        lat = sorted(d for _, d, _ in rows)
        errors = sum(1 for _, _, c in rows if c == 0 or c >= 500)
        return (f"p50 {pct(lat, 0.50):.0f} ms, p95 {pct(lat, 0.95):.0f} ms, p99 {pct(lat, 0.99):.0f} ms, "
                f"max {lat[-1] * 1000:.0f} ms, errors {errors}")

    print(f"load test{' (cold: every URL distinct)' if args.cold else ''}: {len(results)} requests, "
          f"{args.concurrency} concurrent, {wall:.1f} s "
          f"({len(results) / wall:.0f} req/s), home page {home_size / 1024:.0f} KB: {line(results)}")
    for kind in ("home", "search", "claim", "article"):
        rows = [r for r in results if r[0] == kind]
        if rows:
            print(f"  {kind:8s} {len(rows):5d} requests: {line(rows)}")


class _nullctx:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        return self.value

    def __exit__(self, *exc):
        return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--malformed", type=int, default=2050)
    ap.add_argument("--good", type=int, default=50)
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--kill-articles", type=int, default=300)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--no-ner", action="store_true", help="run saksi with --no-ner (faster)")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: kill, load")
    ap.add_argument("--load-ids", type=int, default=200, help="distinct claims and articles the load test asks for")
    ap.add_argument("--workers", type=int, default=1, help="`saksi serve --workers` for the load test")
    ap.add_argument("--cold", action="store_true", help="load test with every URL distinct (no cached page)")
    ap.add_argument("--store", type=Path, help="only the load test, on this existing output folder")
    ap.add_argument("--keep", type=Path, help="write the fault corpus and its store here (kept) instead of a temp dir")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    if args.store:
        load_test(args.store, args)
        return
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    with (tempfile.TemporaryDirectory(prefix="saksi-robust-") if not args.keep else _nullctx(args.keep)) as tmp:
        work = Path(tmp)
        out = fault_test(work, args)
        if "kill" not in skip:
            kill_test(work, args)
        if "load" not in skip:
            load_test(out, args)


if __name__ == "__main__":
    main()
