"""Run one step of the corpus stage on several cores: the step's inputs stay in memory, shared by
forked processes (copy-on-write), and only the results travel back.

The corpus stage holds every article's features at once; pickling them to a pool would cost more
than the step itself. A fork gives each child the parent's memory for free, so a step that reads
those tables and writes a small result is split into contiguous slices, one per process, and the
slices' results are returned in order: the output is the same whatever the number of workers.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_JOB: Callable | None = None  # the step a forked child runs: set just before the fork
# Below this many items a process, forking costs more than it saves (tests set it low).
MIN_PER_WORKER = 20_000


def _run_slice(bounds: tuple[int, int]):
    return _JOB(*bounds)


def slices(n: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` contiguous (start, stop) slices of range(n), as even as can be."""
    parts = max(1, min(parts, n))
    step, extra = divmod(n, parts)
    out, start = [], 0
    for k in range(parts):
        stop = start + step + (1 if k < extra else 0)
        out.append((start, stop))
        start = stop
    return out


def can_fork() -> bool:
    return sys.platform == "linux" and "fork" in mp.get_all_start_methods()


def map_slices(job: Callable[[int, int], T], n: int, workers: int, *, min_per_worker: int | None = None) -> list[T]:
    """[job(start, stop) for each slice of range(n)], in slice order, on up to ``workers`` forked
    processes. Small inputs (under ``min_per_worker`` items a process, default MIN_PER_WORKER) and
    platforms without fork run in this process, in one slice."""
    least = max(1, MIN_PER_WORKER if min_per_worker is None else min_per_worker)
    parts = min(workers, n // least) if workers > 1 and can_fork() else 1
    if parts <= 1:
        return [job(0, n)]
    global _JOB
    _JOB = job
    try:
        with mp.get_context("fork").Pool(parts) as pool:
            return pool.map(_run_slice, slices(n, parts), chunksize=1)
    finally:
        _JOB = None


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
