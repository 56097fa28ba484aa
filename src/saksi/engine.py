"""Engines map the per-article step of the pipeline over a stream of work.

The step is a module-level function ``step(item, res) -> result`` that is pure in its item and the
loaded resources (``pipeline.process``), so any engine can run it anywhere. An engine takes the items
as an iterator, keeps a bounded number of them in flight, and yields ``(item, result)`` pairs in the
order the items came: memory stays flat however long the stream, and the store can be written as
results arrive.

    engine = make_engine("local", workers=2)
    for item, result in engine.map(step, items, res): ...

``local`` runs in this process (one worker) or in a process pool; ``ray`` (saksi.engine_ray) maps the
same step with Ray Data, on a local Ray or a cluster.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

Step = Callable[[Any, Any], Any]

# items in flight per worker: enough to keep every worker busy while the main process stores
WINDOW_PER_WORKER = 16


class LocalEngine:
    name = "local"

    def __init__(self, workers: int = 1, window: int | None = None) -> None:
        self.workers = max(1, int(workers))
        self.window = window or self.workers * WINDOW_PER_WORKER

    def map(self, step: Step, items: Iterable, res) -> Iterator[tuple[Any, Any]]:
        if self.workers <= 1:
            for item in items:
                yield item, step(item, res)
            return
        from concurrent.futures import ProcessPoolExecutor

        it = iter(items)
        first = []
        for item in it:  # a handful of items is done faster here than by starting a pool
            first.append(item)
            if len(first) >= 8:
                break
        if len(first) < 8:
            for item in first:
                yield item, step(item, res)
            return
        pending: deque = deque()
        # Forked (asked for: Python 3.14 makes forkserver the default), the workers start with what this
        # process loaded while doing the first items (language data, compiled patterns, models), shared
        # copy-on-write; where fork is not offered, the resources travel pickled (settings only) and load there.
        import multiprocessing

        fork = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=fork, initializer=_init, initargs=(res,)) as pool:
            def submit(item) -> None:
                pending.append((item, pool.submit(_call, step, item)))

            for item in first:
                submit(item)
            for item in it:
                while len(pending) >= self.window:
                    done, fut = pending.popleft()
                    yield done, fut.result()
                submit(item)
            while pending:
                done, fut = pending.popleft()
                yield done, fut.result()


def make_engine(name: str = "local", *, workers: int = 1, ray_address: str | None = None):
    """The engine called `name` ('local' or 'ray'); ValueError for another name."""
    if name == "local":
        return LocalEngine(workers)
    if name == "ray":
        from saksi.engine_ray import RayEngine

        return RayEngine(workers=workers, address=ray_address)
    raise ValueError(f"unknown engine '{name}' (use local or ray)")


_RES: list = []


def _init(res) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _RES[:] = [res]


def _call(step: Step, item):
    return step(item, _RES[0])
