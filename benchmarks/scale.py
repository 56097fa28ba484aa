"""Scale of `saksi run`: synthetic corpora streamed through the command, memory, reruns, the corpus stage.

    .venv/bin/python benchmarks/scale.py                      # 10,000 articles, local and ray engines
    .venv/bin/python benchmarks/scale.py --large              # also 100,000 articles
    .venv/bin/python benchmarks/scale.py --sizes 2000         # a quick check
    .venv/bin/python benchmarks/scale.py --engine local       # one engine (default: local,ray when Ray imports)
    .venv/bin/python benchmarks/scale.py --corpus-stage       # also the corpus stage alone: 10k, 100k claims
    .venv/bin/python benchmarks/scale.py --corpus-stage --large --skip-stream   # stage only, up to 1M claims

Targets (checked in the table printed at the end):
  - peak memory of the whole run < 1 GB, and flat: the same after 10 % and after 100 % of the articles;
  - adding 1 % new articles to the store costs < 5 % of the full run (wall time);
  - the corpus stage alone over 1,000,000 claims in 200,000 articles < 300 s on 2 cores.

The corpus. Every article is perturbed from a real one, read at run time from ../shared (the 41
articles of corpus/dev.jsonl in seven languages, with their url, outlet, title and date, and the five
Indonesian pages of corpus/seeds, boilerplate and all): sentences shuffled within each paragraph;
numbers changed (same number of digits, so separators and magnitudes stay plausible); people's names
swapped among a list; dates shifted (years in the text, `2/6/2025` and ISO dates by the article's own
offset); a new id and url; outlets and published dates spread over 18 months (15 % with none). About
2 % are exact copies of a recent article (another id, outlet, date), 3 % near duplicates (three words
changed) and 4 % rewrites (the same numbers, names and dates, sentences and paragraphs in another
order). Apart from the exact copies, every article's text is distinct (checked by hash while
writing). The corpus is written line by line into a `.jsonl.gz` (a `.jsonl` when saksi cannot read
gzip), never held in memory; so is the 1 % increment, another file of new articles made the same way.

The runs. For each size and engine: `saksi run corpus.jsonl.gz --out D --workers N --engine E` in a
subprocess, on a fresh D; then `saksi run corpus.jsonl.gz increment.jsonl.gz --out D ...` (a rerun
over the grown input: the corpus is read again and skipped as stored, the new 1 % analysed, the corpus
stage and outputs rebuilt). While a run goes, every 0.2 s, the benchmark reads VmRSS (and Pss, from
smaps_rollup) of every process of its tree (saksi, its worker processes, Ray's daemons and workers)
and, every second, how many documents the store holds (a read-only SQLite connection; the store is in
WAL mode). It prints:
  - wall time, articles/s over the whole command, articles/s from the first article stored to the last
    (Ray stores in batches, so at small sizes this says little), per worker, and per CPU second (CPU of the whole tree, from getrusage of the children);
  - the tail after the last article is stored (corpus stage, interchange files and report);
  - memory: the largest single process, the sum of the tree's RSS (counts pages shared by forked
    workers once per process, so it overstates) and the sum of its PSS (shared pages split among the
    processes that map them: the memory the run takes); each at its peak, and the tree's PSS after
    10 %, 50 % and 100 % of the articles are stored, to show it stays flat. The 1 GB target is judged
    on the peak tree PSS; "flat" means the PSS at 100 % is within 10 % (and 50 MB) of the PSS at 10 %;
  - for the rerun: its wall time as a % of the full run;
  - with two engines: ray / local ratios of wall time (full run and rerun) and articles/s.

The corpus stage alone (--corpus-stage). Synthetic tables as benchmarks/corpus.py builds them (its
make_corpus: five claims and two events an article, copies, near duplicates and rewrites), each size
in a fresh subprocess; build_corpus is timed alone: wall, CPU, peak RSS while it runs (sampled) and
of the inputs before it, and how time grows from the smallest size (×wall, ×CPU and the exponent k of
time ∝ size^k). Embeddings by benchmarks/corpus.py's FAKE fast HashingEmbedder unless
--stage-embedder names another (`none`, or a name saksi.corpus.embed.embedder_named knows). Without
--large the 1M figure is projected in CPU seconds (steadier than wall time on a shared machine) from
the last two sizes (at least linearly: small sizes are mostly fixed costs), and says so.

Run it on a quiet machine: the figures are wall times. The load average is printed at the end.
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import hashlib
import importlib.util
import json
import math
import os
import random
import re
import resource
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC_ENV = "SAKSI_SCALE_SRC"  # the snapshot of src/ the runs use (see --no-snapshot)
sys.path.insert(0, os.environ.get(SRC_ENV) or str(ROOT / "src"))
SHARED = ROOT.parent / "shared"

TARGET_RSS_MB = 1024
TARGET_INCREMENT = 0.05
TARGET_STAGE_S = 300
STAGE_LARGE = 1_000_000
FLAT_RATIO, FLAT_MB = 0.10, 50

# people's names in the real articles (and a few more), swapped among themselves
PEOPLE = ["Kim Jong Un", "Kim Jong-un", "Vladimir Putin", "Sergei Shoigu", "Lee Seong-kweun", "Dmitry Peskov",
          "Sergei Lavrov", "Andrey Belousov", "No Kwang Chol", "Volodymyr Zelensky", "Choe Son Hui",
          "Kim Yo Jong", "Yoon Suk Yeol", "Lee Jae-myung", "Pak Jong Chon", "Ri Pyong Chol", "Andrei Rudenko",
          "Kim Yong-hyun", "Shin Won-sik", "Rustem Umerov", "Kyrylo Budanov", "Oleksandr Syrskyi"]
OUTLETS = [f"Synthetic Daily {k}" for k in range(200)]
NEAR_WORDS = ("baru", "lain", "neue", "nuevo", "nouveau", "novo", "other", "berbeda")
DAY0 = datetime.date(2024, 1, 1).toordinal()
SPAN_DAYS = 548  # published dates spread over 18 months


# ---------------------------------------------------------------- the synthetic corpus
def load_bases(shared: Path) -> list[dict]:
    """The real articles every synthetic one is perturbed from."""
    bases = []
    with open(shared / "corpus" / "dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                bases.append({k: row.get(k) for k in ("text", "url", "outlet", "title", "published")})
    for p in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        bases.append({"text": p.read_text(encoding="utf-8"), "url": None, "outlet": None, "title": None,
                      "published": None})
    return bases


_PEOPLE_RE = re.compile("|".join(re.escape(n) for n in sorted(PEOPLE, key=len, reverse=True)))
# ISO dates, d/m/yyyy, years, other numbers (digits with separators)
_TOKEN_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})/(\d{1,2})/(\d{4})\b|\b(19[5-9]\d|20[0-4]\d)\b|\d[\d.,]*\d|\d")
_SENT_RE = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-ZÀ-Þ0-9])")


def _shift(y: int, m: int, d: int, days: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d) + datetime.timedelta(days=days)
    except ValueError:
        return None


def _substitute(text: str, rng: random.Random, names: dict[str, str], years: int, days: int) -> str:
    """Numbers, dates and names of one article changed (deterministic in rng's state)."""
    def token(m: re.Match) -> str:
        if m.group(1):
            d = _shift(int(m.group(1)), int(m.group(2)), int(m.group(3)), days)
            return d.isoformat() if d else m.group()
        if m.group(4):
            d = _shift(int(m.group(6)), int(m.group(5)), int(m.group(4)), days)
            return f"{d.day}/{d.month}/{d.year}" if d else m.group()
        if m.group(7):
            return str(int(m.group(7)) + years)
        s = m.group()
        out = []
        for i, ch in enumerate(s):
            if ch.isdigit():
                out.append(str(rng.randint(1 if i == 0 else 0, 9)) if len(s) > 1 else str(rng.randint(2, 9)))
            else:
                out.append(ch)
        return "".join(out)

    text = _TOKEN_RE.sub(token, text)
    return _PEOPLE_RE.sub(lambda m: names[m.group()], text)


def _reorder(text: str, rng: random.Random, rewrite: bool) -> str:
    """Sentences shuffled within each paragraph; a rewrite also swaps two body paragraphs."""
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        parts = _SENT_RE.split(ln)
        if len(parts) > 1:
            rng.shuffle(parts)
            lines[i] = " ".join(p.strip() for p in parts)
    if rewrite:
        body = [i for i, ln in enumerate(lines) if len(ln) > 80]
        if len(body) >= 3:
            i, j = rng.sample(body[1:], 2)
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def _article(base: dict, art_seed: int, order_seed: int, rewrite: bool) -> tuple[str, str | None]:
    """(text, title) of one perturbed article: art_seed fixes its facts, order_seed its wording."""
    rng = random.Random(art_seed)
    shuffled = PEOPLE[:]
    rng.shuffle(shuffled)
    names = dict(zip(PEOPLE, shuffled))
    years, days = rng.choice((-1, 0, 0, 1)), rng.randint(-150, 150)
    text = _substitute(base["text"], rng, names, years, days)
    title = _substitute(base["title"], rng, names, years, days) if base["title"] else None
    return _reorder(text, random.Random(order_seed), rewrite), title


def _near_duplicate(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(3):
        words[rng.randrange(len(words))] = rng.choice(NEAR_WORDS)
    return " ".join(words)


def write_corpus(path: Path, n: int, bases: list[dict], rng: random.Random, prefix: str, seen: set[bytes],
                 recent: deque) -> dict:
    """Write n synthetic articles to path, one line at a time; → counts of each kind and sizes.

    `seen` (hashes of the texts written) and `recent` (the last texts, to copy from) are shared
    between the files of one size, so the increment is new too."""
    kinds = {"fresh": 0, "exact copy": 0, "near duplicate": 0, "rewrite": 0}
    chars = 0
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8", **({"compresslevel": 5} if path.name.endswith(".gz") else {})) as fh:
        for i in range(n):
            name = f"{prefix}{i:07d}"
            roll = rng.random()
            title, base_outlet = None, None
            if recent and roll < 0.02:
                kind = "exact copy"
                text, title, _, _ = rng.choice(recent)
            else:
                for _attempt in range(20):
                    if recent and roll < 0.05:
                        kind = "near duplicate"
                        src = rng.choice(recent)
                        text, title = _near_duplicate(src[0], rng), src[1]
                    elif recent and roll < 0.09:
                        kind = "rewrite"
                        _, _, b, art_seed = rng.choice(recent)
                        text, title = _article(bases[b], art_seed, rng.getrandbits(64), rewrite=True)
                        base_outlet = bases[b]["outlet"]
                    else:
                        kind = "fresh"
                        b, art_seed = rng.randrange(len(bases)), rng.getrandbits(64)
                        text, title = _article(bases[b], art_seed, rng.getrandbits(64), rewrite=False)
                        base_outlet = bases[b]["outlet"]
                    h = hashlib.blake2b(text.encode("utf-8"), digest_size=10).digest()
                    if h not in seen:
                        break
                    roll = 1.0  # a clash (a short text with few numbers): make a fresh one instead
                else:
                    raise RuntimeError("could not make a distinct article in 20 attempts")
                seen.add(h)
                if kind == "fresh":
                    recent.append((text, title, b, art_seed))
            kinds[kind] += 1
            chars += len(text)
            row = {"id": name, "text": text,
                   "url": f"https://synthetic.example/{name}",
                   "outlet": rng.choice(OUTLETS) if rng.random() < 0.6 else (base_outlet or rng.choice(OUTLETS))}
            if rng.random() >= 0.15:
                row["published"] = datetime.date.fromordinal(DAY0 + rng.randrange(SPAN_DAYS)).isoformat()
            if title:
                row["title"] = title
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"articles": n, "kinds": kinds, "avg_chars": round(chars / max(n, 1)), "bytes": path.stat().st_size}


def corpus_suffix() -> str:
    try:
        from saksi.ingest.readers import FORMATS

        return ".jsonl.gz" if ".jsonl.gz" in FORMATS else ".jsonl"
    except ImportError:
        return ".jsonl"


# ---------------------------------------------------------------- watching a process tree
def _ppid_and_start(pid: int) -> tuple[int, int] | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return int(fields[1]), int(fields[19])  # ppid, starttime (fields 4 and 22 of stat)
    except (OSError, IndexError, ValueError):
        return None


def _kb_field(path: str, key: bytes) -> int | None:
    try:
        with open(path, "rb") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def _name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            argv = fh.read().split(b"\0")
        if argv[0].startswith(b"ray::") or b"python" not in argv[0]:  # Ray names its workers; daemons by binary
            return Path(argv[0].decode(errors="replace").split()[0]).name[:40]
        return " ".join(a.decode(errors="replace") for a in argv[1:4])[:40] or "python"
    except (OSError, IndexError):
        return "?"


class Tree:
    """The processes descended from one pid (with their start times, so a reused pid is not taken)."""

    def __init__(self, root: int):
        self.root = root
        self.pids: dict[int, int] = {}  # pid -> starttime
        self.ever: dict[int, int] = {}
        self.peak_pss, self.peak_parts = 0.0, []  # the tree's processes at its peak PSS: (name, MB)

    def rescan(self) -> None:
        children: dict[int, list[int]] = {}
        start: dict[int, int] = {}
        for d in os.listdir("/proc"):
            if d.isdigit():
                ps = _ppid_and_start(int(d))
                if ps:
                    children.setdefault(ps[0], []).append(int(d))
                    start[int(d)] = ps[1]
        found, todo = {}, [self.root]
        while todo:
            p = todo.pop()
            if p in start:
                found[p] = start[p]
            todo.extend(children.get(p, ()))
        self.pids = found
        self.ever.update(found)

    def sample(self, pss: bool = True) -> tuple[float, float, float | None, int]:
        """(largest RSS, sum of RSS, sum of PSS or None) in MB, and the number of processes.

        PSS costs the kernel a walk of each process's pages, so it is read less often."""
        rss_max = rss_sum = pss_sum = 0.0
        n = 0
        parts: list[tuple[str, float]] = []
        for pid in list(self.pids):
            rss = _kb_field(f"/proc/{pid}/status", b"VmRSS:")
            if rss is None:
                continue
            n += 1
            rss_max = max(rss_max, rss / 1024)
            rss_sum += rss / 1024
            if pss:
                p = _kb_field(f"/proc/{pid}/smaps_rollup", b"Pss:")
                pss_sum += (p if p is not None else rss) / 1024
                parts.append((_name(pid), (p if p is not None else rss) / 1024))
        if pss and pss_sum > self.peak_pss:
            self.peak_pss, self.peak_parts = pss_sum, sorted(parts, key=lambda x: -x[1])
        return rss_max, rss_sum, (pss_sum if pss else None), n

    def leftovers(self) -> list[int]:
        """Processes of the tree still alive (same pid, same start time) after its root ended."""
        out = []
        for pid, st in self.ever.items():
            ps = _ppid_and_start(pid)
            if pid != self.root and ps and ps[1] == st:
                out.append(pid)
        return out


def _stored(db: Path) -> int | None:
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def run_saksi(inputs: list[Path], out: Path, engine: str, workers: int, extra: list[str], expected: int,
              log: Path, interval: float = 0.2) -> dict:
    """One `saksi run` watched to its end: times, rates, memory at its peak and along the way."""
    cmd = [sys.executable, "-m", "saksi", "run", *map(str, inputs), "--out", str(out), "--workers", str(workers),
           "--engine", engine, *extra]
    db = out / "saksi.db"
    before = _stored(db) or 0
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    bench_cpu0 = time.process_time()
    env = dict(os.environ, COLUMNS="400")
    if os.environ.get(SRC_ENV):  # the snapshot first, for saksi and (inherited) its workers
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [os.environ[SRC_ENV], os.environ.get("PYTHONPATH")]))
    samples: list[tuple[float, float, float, float | None]] = []  # t, rss max, rss sum, pss sum (every 1 s)
    counts: list[tuple[float, int]] = []  # t, documents stored by this run
    nproc_max = 0
    with open(log, "w") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=err, stderr=subprocess.STDOUT, env=env)
        tree = Tree(proc.pid)
        k = 0
        try:
            while proc.poll() is None:
                if k % 5 == 0:
                    tree.rescan()
                    c = _stored(db)
                    if c is not None:
                        counts.append((time.perf_counter() - t0, c - before))
                rss_max, rss_sum, pss_sum, n = tree.sample(pss=k % 5 == 0)
                if n:
                    samples.append((time.perf_counter() - t0, rss_max, rss_sum, pss_sum))
                    nproc_max = max(nproc_max, n)
                k += 1
                time.sleep(interval)
        except KeyboardInterrupt:
            proc.send_signal(signal.SIGINT)  # saksi keeps what it stored and exits
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
            raise
        wall = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    left = tree.leftovers()
    for _ in range(50):  # processes of this run (Ray's, say) still going: give them 10 s to end
        if not left:
            break
        time.sleep(0.2)
        left = tree.leftovers()
    for pid in left:  # then end them (by pid, checked by start time): they would skew the next run
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
    stored = (_stored(db) or 0) - before
    counts.append((wall, stored))
    text = " ".join(log.read_text(errors="replace").split())
    m = re.search(r"(\d+) articles? read: (\d+) new, (\d+) already stored, (\d+) duplicates?", text)
    again = re.search(r"(\d+) analysed again", text)
    skipped = re.search(r"(\d+) skipped:", text)
    # the last article stored: where the tail (corpus stage, outputs) begins
    t_first = next((t for t, c in counts if c > 0), None)
    t_last = next((t for t, c in counts if c >= stored), wall) if stored else None

    def when(frac: float) -> float | None:
        goal = frac * expected
        return next((t for t, c in counts if c >= goal), None) if stored else None

    def pss_at(frac: float) -> float | None:
        """The tree's peak PSS while the stored count went from frac - 5 % to frac of the articles."""
        t1 = t_last if frac >= 1.0 else when(frac)
        t0_ = when(max(frac - 0.05, 0.0)) if frac > 0.05 else t_first
        if t1 is None or t0_ is None:
            return None
        got = [s[3] for s in samples if s[3] is not None and t0_ - 1.0 <= s[0] <= t1]
        if not got:  # a short window between two PSS readings: the last reading before its end
            got = [s[3] for s in samples if s[3] is not None and s[0] <= t1][-1:]
        return max(got) if got else None

    def peak(i: int, pred=lambda s: True) -> float:
        return max((s[i] for s in samples if s[i] is not None and pred(s)), default=0.0)

    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    analysing = (t_last - t_first) if (t_first is not None and t_last is not None and t_last > t_first) else None
    return {
        "cmd": " ".join(shlex.quote(c) for c in cmd), "rc": proc.returncode, "wall": wall, "cpu": cpu,
        "stored": stored, "expected": expected,
        "summary": m.group(0) if m else None, "skipped": int(skipped.group(1)) if skipped else 0,
        "again": int(again.group(1)) if again else 0,
        "tail_text": text[-400:] if proc.returncode else "",
        "t_first": t_first, "t_last": t_last, "analysing": analysing,
        "rss_max": peak(1), "rss_sum": peak(2), "pss_sum": peak(3),
        "pss_analysis": peak(3, lambda s: t_last is None or s[0] <= t_last),
        "pss_tail": peak(3, lambda s: t_last is not None and s[0] > t_last),
        "points": {f: pss_at(f) for f in (0.1, 0.5, 1.0)},
        "peak_parts": tree.peak_parts, "children_maxrss": ru1.ru_maxrss / 1024, "processes": nproc_max, "leftovers": left,
        "bench_cpu": time.process_time() - bench_cpu0,
    }


# ---------------------------------------------------------------- the streaming benchmark
def stream_size(n: int, engines: list[str], args, bases: list[dict], work: Path, extra: list[str]) -> list[dict]:
    suffix = corpus_suffix()
    d = work / f"n{n}"
    d.mkdir(parents=True, exist_ok=True)
    corpus, increment = d / f"corpus{suffix}", d / f"increment{suffix}"
    n_inc = max(1, round(n * 0.01))
    rng, seen, recent = random.Random(args.seed), set(), deque(maxlen=256)
    t = time.perf_counter()
    gen = write_corpus(corpus, n, bases, rng, "scale-", seen, recent)
    write_corpus(increment, n_inc, bases, rng, "scale-add-", seen, recent)
    print(f"\n== {n:,} articles ({corpus.name}, {gen['bytes'] / 1e6:.1f} MB, avg {gen['avg_chars']:,} chars; "
          f"{', '.join(f'{k} {v:,}' for k, v in gen['kinds'].items())}) + {n_inc:,} new in {increment.name}; "
          f"written in {time.perf_counter() - t:.1f} s", flush=True)
    del seen
    results = []
    for engine in engines:
        out = d / f"out-{engine}"
        shutil.rmtree(out, ignore_errors=True)
        full = run_saksi([corpus], out, engine, args.workers, extra, n, d / f"full-{engine}.log")
        _print_run(f"{engine}: full run", full, n, args.workers)
        inc = None
        if full["rc"] == 0:
            inc = run_saksi([corpus, increment], out, engine, args.workers, extra, n_inc, d / f"inc-{engine}.log")
            _print_run(f"{engine}: +1 % rerun", inc, n_inc, args.workers)
            print(f"    rerun = {100 * inc['wall'] / full['wall']:.1f} % of the full run "
                  f"(target < {100 * TARGET_INCREMENT:.0f} %); its tail after the last new article: "
                  f"{_tail(inc)}", flush=True)
        results.append({"n": n, "engine": engine, "full": full, "inc": inc})
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    if len(results) > 1:
        base = results[0]
        for r in results[1:]:
            if base["full"]["rc"] or r["full"]["rc"]:
                continue
            line = (f"    {r['engine']} / {base['engine']}: full run wall ×{r['full']['wall'] / base['full']['wall']:.2f}, "
                    f"articles/s ×{base['full']['wall'] / r['full']['wall']:.2f}")
            if base["inc"] and r["inc"]:
                line += f", +1 % rerun wall ×{r['inc']['wall'] / base['inc']['wall']:.2f}"
            line += f", peak tree PSS {r['full']['pss_sum']:,.0f} vs {base['full']['pss_sum']:,.0f} MB"
            print(line, flush=True)
    if not args.keep:
        shutil.rmtree(d, ignore_errors=True)
    return results


def _tail(r: dict) -> str:
    return f"{r['wall'] - r['t_last']:.1f} s" if r["t_last"] is not None else "n/a"


def _print_run(label: str, r: dict, n: int, workers: int) -> None:
    if r["rc"] != 0:
        print(f"  {label}: FAILED (exit {r['rc']}): {r['tail_text']}\n    command: {r['cmd']}", flush=True)
        return
    rate = r["stored"] / r["wall"] if r["wall"] else 0
    skipped = f"; {r['skipped']} skipped" if r["skipped"] else ""
    print(f"  {label}: {r['wall']:8.1f} s wall, {r['stored']:,} stored of {n:,} ({r['summary'] or 'no summary'}{skipped})")
    a_rate = (r["stored"] / r["analysing"]) if r["analysing"] else None
    print(f"    {rate:7.1f} articles/s whole command"
          + (f", {a_rate:7.1f} from the first article stored to the last ({a_rate / workers:.1f} per worker)"
             if a_rate else "")
          + (f", {r['stored'] / r['cpu']:.2f} per CPU-s ({r['cpu']:.0f} CPU-s in the tree)" if r["cpu"] else "")
          + f"; start to first stored {r['t_first'] or 0:.1f} s, tail after the last {_tail(r)}")
    pts = []
    for f, s in r["points"].items():
        pts.append(f"{int(f * 100)} % {s:,.0f}" if s is not None else f"{int(f * 100)} % n/a")
    print(f"    memory: peak largest process {r['rss_max']:,.0f} MB, tree RSS sum {r['rss_sum']:,.0f} MB, "
          f"tree PSS {r['pss_sum']:,.0f} MB (analysis {r['pss_analysis']:,.0f}, tail {r['pss_tail']:,.0f}); "
          f"{r['processes']} processes; getrusage children max RSS {r['children_maxrss']:,.0f} MB")
    print(f"    tree PSS after stored: {', '.join(pts)} MB"
          + (f"; sampler's own CPU {r['bench_cpu']:.1f} s" if r["bench_cpu"] > 1 else ""))
    if len(r["peak_parts"]) > 3:
        top = ", ".join(f"{nm} {mb:,.0f}" for nm, mb in r["peak_parts"][:6])
        print(f"    at the peak, PSS by process (MB): {top}" + (", ..." if len(r["peak_parts"]) > 6 else ""))
    if r["again"]:
        print(f"    WARNING: {r['again']:,} stored articles were analysed again: saksi's code, data or models changed "
              "since the store was written (the fingerprint differs), so this is no incremental figure")
    if r["leftovers"]:
        print(f"    note: {len(r['leftovers'])} processes of this run were still alive "
              f"10 s after it ended (pids {r['leftovers'][:8]}); sent them SIGTERM")
    sys.stdout.flush()


def _flat(r: dict) -> tuple[str, bool | None]:
    p10, p100 = r["points"].get(0.1), r["points"].get(1.0)
    if p10 is None or p100 is None:
        return "n/a", None
    growth = p100 - p10
    return f"{p10:,.0f} → {p100:,.0f} MB ({growth:+,.0f})", growth <= max(FLAT_RATIO * p10, FLAT_MB)


# ---------------------------------------------------------------- the corpus stage alone
def _bench_corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _stage_embedder(name: str):
    if name == "none":
        return None
    if name == "hashing":
        from saksi.corpus import HashingEmbedder

        return HashingEmbedder()
    from saksi.corpus import embed

    named = getattr(embed, "embedder_named", None)
    if named is None:
        raise SystemExit(f"--stage-embedder {name}: this saksi has no saksi.corpus.embed.embedder_named; "
                         "use hashing or none")
    return named(name)


def _vmrss() -> float:
    return (_kb_field("/proc/self/status", b"VmRSS:") or 0) / 1024


def stage_one(n_claims: int, shared: Path, embedder: str) -> dict:
    """Child process: build the tables, then time build_corpus alone."""
    from saksi.corpus import build_corpus

    bc = _bench_corpus()
    t = time.perf_counter()
    articles, claims, events = bc.make_corpus(n_claims, shared)
    gen = time.perf_counter() - t
    emb = _stage_embedder(embedder)
    rss_inputs = _vmrss()
    peak = [rss_inputs]
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(0.1):
            peak[0] = max(peak[0], _vmrss())

    th = threading.Thread(target=watch, daemon=True)
    th.start()
    t0, c0 = time.perf_counter(), time.process_time()
    corpus = build_corpus(articles, claims, events, embedder=emb)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    stop.set()
    th.join()
    peak[0] = max(peak[0], _vmrss())
    steps = {k: v for k, v in corpus.timings.items() if isinstance(v, float)}
    top = dict(sorted(steps.items(), key=lambda kv: -kv[1])[:4])
    return {"claims": len(claims), "articles": len(articles), "events": len(events), "generate_s": round(gen, 1),
            "seconds": round(took, 2), "cpu_seconds": round(cpu, 2), "peak_rss_mb": round(peak[0]),
            "inputs_rss_mb": round(rss_inputs), "hwm_mb": round((_kb_field("/proc/self/status", b"VmHWM:") or 0) / 1024),
            "copies": len(corpus.copies), "stories": len(corpus.stories), "groups": len(corpus.groups),
            "top_steps": top, "pairs": corpus.timings.get("candidate_pairs_count")}


def corpus_stage(sizes: list[int], args) -> list[dict]:
    print(f"\n== corpus stage alone (build_corpus over benchmarks/corpus.py's synthetic tables; "
          f"embedder: {args.stage_embedder}{' (FAKE, fast)' if args.stage_embedder == 'hashing' else ''})", flush=True)
    results = []
    for n in sizes:
        p = subprocess.run([sys.executable, __file__, "--stage-one", str(n), "--shared", str(args.shared),
                            "--stage-embedder", args.stage_embedder], capture_output=True, text=True,
                           env=dict(os.environ))
        if p.returncode != 0:
            print(f"  {n:>9,} claims: FAILED (exit {p.returncode}): {' '.join(p.stderr.split())[-400:]}", flush=True)
            continue
        r = json.loads(p.stdout.strip().splitlines()[-1])
        results.append(r)
        print(f"  {r['claims']:>9,} claims {r['articles']:>8,} articles: {r['seconds']:8.2f} s wall, "
              f"{r['cpu_seconds']:8.2f} s CPU (×{r['cpu_seconds'] / max(r['seconds'], 1e-9):.2f} cores), "
              f"peak RSS {r['peak_rss_mb']:,} MB (inputs alone {r['inputs_rss_mb']:,}); "
              f"{r['pairs'] or 0:,} candidate pairs; slowest steps {r['top_steps']}", flush=True)
    if len(results) > 1:
        a = results[0]
        for b in results[1:]:
            size = b["claims"] / a["claims"]
            k_wall = math.log(max(b["seconds"], 1e-6) / max(a["seconds"], 1e-6)) / math.log(size)
            k_cpu = math.log(max(b["cpu_seconds"], 1e-6) / max(a["cpu_seconds"], 1e-6)) / math.log(size)
            print(f"    {a['claims']:,} → {b['claims']:,}: size ×{size:.0f}, wall ×{b['seconds'] / max(a['seconds'], 1e-9):.1f}, "
                  f"CPU ×{b['cpu_seconds'] / max(a['cpu_seconds'], 1e-9):.1f} (time ∝ size^{k_wall:.2f} wall, "
                  f"^{k_cpu:.2f} CPU); µs per claim {1e6 * a['cpu_seconds'] / a['claims']:.0f} → "
                  f"{1e6 * b['cpu_seconds'] / b['claims']:.0f} CPU", flush=True)
    return results


def _stage_verdict(results: list[dict]) -> tuple[str, bool | None]:
    big = next((r for r in results if r["claims"] >= 0.9 * STAGE_LARGE), None)
    if big:
        return f"{big['seconds']:.0f} s wall ({big['claims']:,} claims)", big["seconds"] < TARGET_STAGE_S
    if len(results) >= 2:  # from CPU time, the steadier measure on a shared machine
        a, b = results[-2], results[-1]
        k = math.log(max(b["cpu_seconds"], 1e-6) / max(a["cpu_seconds"], 1e-6)) / math.log(b["claims"] / a["claims"])
        k = max(k, 1.0)  # small sizes are mostly fixed costs: no less than linear from here on
        proj = b["cpu_seconds"] * (STAGE_LARGE / b["claims"]) ** k
        return f"not run (--large); projected {proj:,.0f} CPU-s from {b['claims']:,} at size^{k:.2f}", None
    return "not run (--large)", None


# ---------------------------------------------------------------- main
def _sizes(values: list[str]) -> list[int]:
    return [int(x.replace("_", "")) for v in values for x in v.split(",") if x.strip()]


def _ray_importable() -> bool:
    return importlib.util.find_spec("ray") is not None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.split("\n")[1:9]))
    ap.add_argument("--sizes", nargs="+", default=None, help="articles per streaming run (default 10000)")
    ap.add_argument("--large", action="store_true", help="add 100,000 articles (and 1M claims to --corpus-stage)")
    ap.add_argument("--engine", default=None, help="comma-separated: local,ray (default: both when Ray imports)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--saksi-args", default="", help="extra options for saksi run, e.g. '--no-ner'")
    ap.add_argument("--corpus-stage", action="store_true", help="also the corpus stage alone (10k, 100k claims)")
    ap.add_argument("--stage-claims", nargs="+", default=None, help="claims per corpus-stage size (default 10000,100000)")
    ap.add_argument("--stage-embedder", default="hashing", help="hashing (fake, as benchmarks/corpus.py), none, "
                                                                "or a name of saksi.corpus.embed.embedder_named")
    ap.add_argument("--skip-stream", action="store_true", help="no streaming runs (with --corpus-stage)")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--tmp", type=Path, default=None, help="where corpora and stores go (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep corpora, stores and logs")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--no-snapshot", action="store_true",
                    help="run the live src/ (default: a copy taken at the start, so edits made meanwhile "
                         "change no run and the rerun finds the store current)")
    ap.add_argument("--stage-one", type=int, help=argparse.SUPPRESS)  # child process: one corpus-stage size
    args = ap.parse_args()
    if args.stage_one:
        print(json.dumps(stage_one(args.stage_one, args.shared, args.stage_embedder)))
        return

    sizes = _sizes(args.sizes) if args.sizes else [10_000]
    if args.large and 100_000 not in sizes:
        sizes.append(100_000)
    engines = [e.strip() for e in (args.engine or ("local,ray" if _ray_importable() else "local")).split(",") if e.strip()]
    stage_sizes = _sizes(args.stage_claims) if args.stage_claims else [10_000, 100_000]
    if args.large and STAGE_LARGE not in stage_sizes:
        stage_sizes.append(STAGE_LARGE)
    extra = shlex.split(args.saksi_args)

    print(f"scale benchmark: saksi run --workers {args.workers} --engine {'/'.join(engines)}"
          f"{' ' + args.saksi_args if extra else ''}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}",
          flush=True)
    stream: list[dict] = []
    stage: list[dict] = []
    base_tmp = args.tmp or Path(tempfile.gettempdir())
    base_tmp.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="saksi-scale-", dir=base_tmp))
    try:
        if not args.no_snapshot:
            shutil.copytree(ROOT / "src" / "saksi", work / "src" / "saksi",
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            os.environ[SRC_ENV] = str(work / "src")
        probe = subprocess.run([sys.executable, "-c", "import saksi; from saksi.fingerprint import "
                                "analysis_fingerprint as f; from saksi.resources import Resources as R; "
                                "print(saksi.__file__, f(R()))"], capture_output=True, text=True,
                               env=dict(os.environ, PYTHONPATH=os.environ.get(SRC_ENV, "")))
        print(f"saksi used: {' '.join(probe.stdout.split()) or probe.stderr.strip()[-300:]}"
              f"{' (a snapshot of src/ taken now)' if not args.no_snapshot else ' (the live tree)'}", flush=True)
        if not args.skip_stream:
            bases = load_bases(args.shared)
            for n in sizes:
                stream.extend(stream_size(n, engines, args, bases, work, extra))
        if args.corpus_stage:
            stage = corpus_stage(stage_sizes, args)
    finally:
        if args.keep:
            print(f"\nkept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    rows: list[tuple[str, str, str]] = []
    mark = {True: "pass", False: "FAIL", None: "-"}
    for r in stream:
        tag = f"{r['engine']}, {r['n']:,}"
        f = r["full"]
        if f["rc"]:
            rows.append((f"full run ({tag})", f"failed (exit {f['rc']})", "FAIL"))
            continue
        rows.append((f"peak tree PSS < 1 GB ({tag})",
                     f"{f['pss_sum']:,.0f} MB (largest process {f['rss_max']:,.0f}, RSS sum {f['rss_sum']:,.0f})",
                     mark[f["pss_sum"] < TARGET_RSS_MB]))
        text, ok = _flat(f)
        rows.append((f"memory flat 10 % → 100 % ({tag})", text, mark[ok]))
        i = r["inc"]
        if i is None or i["rc"]:
            rows.append((f"+1 % rerun < 5 % ({tag})", "failed" if i else "not run", "FAIL"))
        else:
            share = i["wall"] / f["wall"]
            rows.append((f"+1 % rerun < 5 % ({tag})", f"{100 * share:.1f} % ({i['wall']:.1f} s of {f['wall']:.1f} s)"
                         + (f"; INVALID: {i['again']:,} analysed again" if i["again"] else ""),
                         "-" if i["again"] else mark[share < TARGET_INCREMENT]))
        rows.append((f"throughput ({tag})", f"{f['stored'] / f['wall']:.1f} articles/s, "
                                            f"{f['stored'] / f['wall'] / args.workers:.1f} per worker", "-"))
    by_n: dict[int, dict[str, dict]] = {}
    for r in stream:
        by_n.setdefault(r["n"], {})[r["engine"]] = r
    for n, es in by_n.items():
        if "local" in es and "ray" in es and not es["local"]["full"]["rc"] and not es["ray"]["full"]["rc"]:
            rows.append((f"ray / local wall ({n:,})", f"×{es['ray']['full']['wall'] / es['local']['full']['wall']:.2f}", "-"))
    if args.corpus_stage:
        text, ok = _stage_verdict(stage)
        rows.append(("corpus stage 1M claims < 300 s", text, mark[ok]))
    if rows:
        w0, w1 = max(len(r[0]) for r in rows), max(len(r[1]) for r in rows)
        print(f"\n{'target':<{w0}}  {'measured':<{w1}}  result")
        for a, b, c in rows:
            print(f"{a:<{w0}}  {b:<{w1}}  {c}")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
