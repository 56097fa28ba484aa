"""The corpus stage on several processes gives the same tables as on one."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from saksi.corpus import HashingEmbedder, build_corpus, parallel

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_slices_cover_the_range_in_order():
    for n in (0, 1, 7, 100):
        for parts in (1, 2, 3, 8):
            s = parallel.slices(n, parts)
            assert [i for a, b in s for i in range(a, b)] == list(range(n))
            assert max(b - a for a, b in s) - min(b - a for a, b in s) <= 1


def test_map_slices_returns_the_slices_in_order(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PER_WORKER", 1)
    data = list(range(1000))
    parts = parallel.map_slices(lambda a, b: sum(data[a:b]), len(data), 2)
    assert sum(parts) == sum(data)
    assert len(parts) == (2 if parallel.can_fork() else 1)


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.meta.jsonl").is_file(), reason="needs ../shared")
def test_two_workers_give_the_tables_of_one(monkeypatch):
    articles, claims, events = _bench().make_corpus(3_000, SHARED)
    one = build_corpus(articles, claims, events, embedder=HashingEmbedder(), workers=1)
    monkeypatch.setattr(parallel, "MIN_PER_WORKER", 50)  # fork even for this small corpus
    two = build_corpus(articles, claims, events, embedder=HashingEmbedder(), workers=2)
    assert one.tables() == two.tables()
    assert one.copies and one.stories  # the corpus exercises both forked steps
