"""`saksi run` end to end: outputs, summary, exit codes, idempotence, duplicates, kill and rerun."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from saksi.store.db import Store

SAKSI = [sys.executable, "-m", "saksi"]


def saksi(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*SAKSI, *map(str, args)], capture_output=True, text=True, timeout=600, **kw)


def read_jsonl(p: Path) -> list[dict]:
    return [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]


def db_snapshot(out: Path) -> dict:
    con = sqlite3.connect(out / "saksi.db")
    snap = {t: sorted(map(tuple, con.execute(f"SELECT * FROM {t}")))
            for t in ("articles", "documents", "lines", "paragraphs", "sentences", "mentions", "claims", "events")}
    con.close()
    return snap


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("out")
    r = saksi("run", seeds_dir, "--out", out)
    assert r.returncode == 0, r.stderr
    return out, r


def test_run_writes_all_outputs(seeds_run):
    out, r = seeds_run
    for name in ("saksi.db", "articles.jsonl", "claims.jsonl", "events.jsonl", "report.html"):
        assert (out / name).is_file(), name
    arts = read_jsonl(out / "articles.jsonl")
    assert len(arts) == 5 and all(a["language"] == "id" for a in arts)
    assert "5 articles read" in r.stderr and "Traceback" not in r.stderr


def test_second_run_adds_nothing(seeds_run, seeds_dir):
    out, _ = seeds_run
    before = db_snapshot(out)
    r = saksi("run", seeds_dir, "--out", out)
    assert r.returncode == 0 and "5 already stored" in r.stderr
    assert db_snapshot(out) == before


def test_same_text_under_another_name_is_a_duplicate(tmp_path, seeds_dir):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seeds_dir / "002_5e22871216460648.txt", src / "a.txt")
    shutil.copy(seeds_dir / "002_5e22871216460648.txt", src / "b.txt")
    r = saksi("run", src, "--out", tmp_path / "o", "--no-ner")
    assert r.returncode == 0 and "1 duplicate;" in r.stderr
    arts = {a["article"]: a for a in read_jsonl(tmp_path / "o" / "articles.jsonl")}
    assert arts["b"]["duplicate_of"] == "a" and arts["a"]["duplicate_of"] is None
    assert len(Store.open(tmp_path / "o").articles()) == 1


def test_bad_inputs_are_listed_and_the_run_goes_on(tmp_path, seeds_dir):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seeds_dir / "001_46c93247f30203d2.txt", src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "bin.txt").write_bytes(bytes(range(256)) * 50)
    (src / "lines.jsonl").write_text('{"id": "j1", "text": "Sebanyak 500 tentara dikirim ke perbatasan pada Senin."}\n{oops\n')
    r = saksi("run", src, "--out", tmp_path / "o", "--no-ner")
    assert r.returncode == 0, r.stderr
    assert "empty.txt: empty file" in r.stderr and "bin.txt: binary file" in r.stderr and "lines.jsonl:2" in r.stderr
    assert "Traceback" not in r.stderr
    errs = Store.open(tmp_path / "o").errors()
    assert len(errs) == 3


def test_nothing_readable_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = saksi("run", tmp_path / "empty.txt", tmp_path / "missing.txt", "--out", tmp_path / "o")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "missing.txt: no such file or folder" in r.stderr


def _corpus(dst: Path, seeds_dir: Path, n: int) -> None:
    dst.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    for i in range(n):
        t = texts[i % len(texts)]
        dst.joinpath(f"art{i:04d}.txt").write_text(t + f"\nCatatan redaksi nomor {i} untuk arsip pengujian.\n",
                                                   encoding="utf-8")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_killed_run_then_rerun_equals_an_uninterrupted_run(tmp_path, seeds_dir, workers):
    src = tmp_path / "in"
    _corpus(src, seeds_dir, 120)
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    assert saksi("run", src, "--out", whole, "--no-ner").returncode == 0
    proc = subprocess.Popen([*SAKSI, "run", str(src), "--out", str(killed), "--no-ner", "--workers", workers],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.2)
        try:
            con = sqlite3.connect(killed / "saksi.db", timeout=1)
            n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        except sqlite3.Error:
            n = 0
        if n >= 10 or proc.poll() is not None:
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    r = saksi("run", src, "--out", killed, "--no-ner", "--workers", workers)
    assert r.returncode == 0, r.stderr
    assert db_snapshot(killed) == db_snapshot(whole)
    assert read_jsonl(killed / "claims.jsonl") == read_jsonl(whole / "claims.jsonl")
