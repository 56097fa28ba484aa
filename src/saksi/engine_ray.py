"""The Ray engine: the per-article step mapped with Ray Data, on a local Ray or a cluster.

    engine = RayEngine(workers=4)                      # a local Ray with 4 CPUs, shut down at the end
    engine = RayEngine(workers=40, address="auto")     # join a running cluster (left running)
    for item, result in engine.map(step, items, res): ...

One Ray Data run covers the whole stream, so its actor pool lives as long as the map: each of the
`workers` actors holds the Resources and loads the data and models once, on first use. The stream
is not materialised: this process pulls the items from the iterator (in this thread, so an iterator
that reads a store stays in its thread), pickles them in chunks and puts the chunks on a queue actor;
the dataset's one read task takes them off the queue (a chunk is one row of one block), the actor
pool maps the step over each chunk, and the results come back in input order (`preserve_order`).
At most `window` items are in flight, so the next chunks run while this process stores the last.

Through Ray Client (`ray://host:10001`) Ray Data cannot run in this process, so a small actor on the
cluster iterates the dataset and hands the results over, a chunk at a time.

An exception the step raises for an item is raised by `map` when that item's turn comes, as in the
local engine. Ctrl-C raises KeyboardInterrupt from `map`; a Ray this engine started is shut down, a
cluster joined by address is only left. Ray missing, not starting, or out of reach, and Ray failing
during the map, raise `RayEngineError` (a RuntimeError) with a one-line reason.
"""
from __future__ import annotations

import logging
import os
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any

# items pulled and pickled together: one block, one call of an actor
CHUNK = 16
# chunks in flight per worker: one running, the next ones waiting, so no actor waits for this process
CHUNKS_PER_WORKER = 4

_QUIET_LOGGERS = ("ray", "ray.data", "ray.util", "ray._private", "ray.train", "ray.tune", "filelock")
_QUIET_ENV = {
    "RAY_USAGE_STATS_ENABLED": "0",  # no usage-stats notice
    "RAY_DATA_DISABLE_PROGRESS_BARS": "1",
    "RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO": "0",  # no FutureWarning about accelerator variables
}


class RayEngineError(RuntimeError):
    """Ray is missing, cannot start, the cluster cannot be joined, or Ray failed: one line for the user."""


def _import_ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as e:
        missing = getattr(e, "name", None) or "ray"
        raise RayEngineError(f"the ray engine needs Ray ({missing} is not installed): pip install 'saksi[ray]'") from None
    return ray


class RayEngine:
    name = "ray"

    def __init__(self, workers: int = 1, address: str | None = None, *, chunk: int = CHUNK,
                 window: int | None = None, num_cpus_per_worker: float = 1, max_restarts: int = 0,
                 init_kwargs: dict | None = None) -> None:
        """`workers` actors map the step (0: one per CPU of this machine, or of the cluster joined).

        `address` None starts a local Ray for the map and shuts it down after; "auto", "host:6379"
        or "ray://host:10001" joins a running cluster and leaves it running. A Ray already
        initialised in this process (by the caller) is used as it is and left running.
        `max_restarts`: how often a lost actor is made again; 0 (the default) fails the map instead,
        and a run then resumes where it stopped. (With restarts Ray's driver logs a line about
        them on the terminal.)"""
        _import_ray()  # fail now, with one line, rather than after reading the inputs
        self.workers = max(0, int(workers))
        self.address = address or None
        self.chunk = max(1, int(chunk))
        self.window = window
        self.num_cpus_per_worker = num_cpus_per_worker
        self.max_restarts = max_restarts
        self.init_kwargs = dict(init_kwargs or {})

    # ------------------------------------------------------------------ Ray's lifetime
    def start(self) -> bool:
        """Start or join Ray unless it is up in this process; True when it was not (so the caller
        shuts it down, or leaves the cluster, with `ray.shutdown()`). `map` calls it."""
        ray = _import_ray()
        _quiet_logging()
        if ray.is_initialized():
            return False
        for k, v in _QUIET_ENV.items():
            os.environ.setdefault(k, v)
        kwargs = dict(include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
        if self.address:
            _check_reachable(self.address)  # else ray.init retries for minutes, logging on the terminal
            _use_token_if_any()
            kwargs.pop("include_dashboard")  # the cluster's to decide
            kwargs["address"] = self.address
            where = f"join the Ray cluster at {self.address}"
        else:
            kwargs["address"] = "local"  # a new local Ray, whatever RAY_ADDRESS says
            kwargs["num_cpus"] = max(1, self.workers or (os.cpu_count() or 1))
            where = "start a local Ray"
        kwargs.update(self.init_kwargs)
        try:
            ray.init(**kwargs)
        except KeyboardInterrupt:
            _shutdown(ray)
            raise
        except Exception as e:  # ConnectionError, TimeoutError, RuntimeError, ValueError, ...
            _shutdown(ray)
            raise RayEngineError(f"could not {where}: {_one_line(e)}") from None
        _quiet_logging()  # ray.init sets its loggers up again
        return True

    def _pool_size(self, ray) -> int:
        if self.workers:
            return self.workers
        cpus = ray.cluster_resources().get("CPU", 1)
        return max(1, int(cpus // max(self.num_cpus_per_worker, 1e-9)))

    # ------------------------------------------------------------------ the map
    def map(self, step, items: Iterable, res) -> Iterator[tuple[Any, Any]]:
        it = iter(items)
        first = list(islice(it, 1))
        if not first:  # nothing to do: no Ray started for it
            return
        ray = _import_ray()
        owned = self.start()
        try:
            yield from self._map(ray, step, chain(first, it), res)
        finally:
            if owned:
                _shutdown(ray)

    def _map(self, ray, step, it: Iterator, res) -> Iterator[tuple[Any, Any]]:
        from ray import cloudpickle
        from ray.util.queue import Queue

        workers = self._pool_size(ray)
        chunk = self.chunk
        window = max(chunk, self.window or workers * CHUNKS_PER_WORKER * chunk)
        remote = {"num_cpus": self.num_cpus_per_worker, "max_restarts": self.max_restarts}
        queue = Queue(actor_options={"num_cpus": 0})
        plan = (queue, step, res, workers, remote, _saksi_version())
        runner = None
        results: Iterator | None = None
        pending: deque = deque()  # items sent, not yet yielded, in order
        buf: list = []  # items pulled, not yet sent
        sent = got = 0  # chunks sent, chunks back
        done_reading = ended = False

        def send() -> None:
            nonlocal sent, buf
            queue.put((sent, [cloudpickle.dumps(x) for x in buf]))
            sent, buf = sent + 1, []

        try:
            while True:
                while not done_reading and len(pending) < window:
                    try:
                        item = next(it)
                    except StopIteration:
                        done_reading = True
                        break
                    pending.append(item)
                    buf.append(item)
                    if len(buf) >= chunk:
                        send()
                if buf:  # before waiting for results, send all that was pulled (else it could wait forever)
                    send()
                if done_reading and not ended:
                    queue.put(None)  # the end of the stream: the read task returns
                    ended = True
                if not pending:
                    break
                if results is None:
                    if _client_mode():
                        runner = ray.remote(num_cpus=0)(_Runner).remote(*plan)
                        results = _remote_results(ray, runner)
                    else:
                        results = _local_results(_dataset(*plan))
                try:
                    rows = next(results, None)
                except Exception as e:  # an actor lost, the cluster gone, a node with another saksi, ...
                    raise RayEngineError(f"Ray failed: {_ray_reason(e)}") from e
                if rows is None:
                    raise RayEngineError(f"Ray failed: the dataset ended with {len(pending)} items not done")
                for n, blob in rows:
                    if n != got:
                        raise RayEngineError(f"Ray failed: chunk {n} came back where chunk {got} was due")
                    got += 1
                    for ok, value in cloudpickle.loads(blob):
                        item = pending.popleft()
                        if not ok:
                            raise value
                        yield item, value
        finally:
            if results is not None and hasattr(results, "close"):
                results.close()
            for actor in (runner, queue.actor):
                if actor is not None:
                    try:
                        ray.kill(actor)
                    except Exception:  # noqa: S110 - Ray already gone
                        pass


# ---------------------------------------------------------------- on the cluster
class _Apply:
    """An actor of the pool: holds the step and the Resources (each actor loads its own data, once)."""

    def __init__(self, step, res, version: str) -> None:
        _quiet_logging()
        here = _saksi_version()
        if here != version:  # every node must analyse as the machine that started the run would
            import socket

            raise RuntimeError(f"saksi {here} is installed on {socket.gethostname()}, saksi {version} on the "
                               "machine that started the run: install the same saksi on every node")
        self.step = step
        self.res = res

    def __call__(self, batch):
        import pyarrow as pa
        from ray import cloudpickle

        out = []
        for blob in batch.column("items").to_pylist():
            results = []
            for raw in cloudpickle.loads(blob):
                try:
                    results.append((True, self.step(cloudpickle.loads(raw), self.res)))
                except Exception as e:  # raised by map when the item's turn comes
                    results.append((False, e))
            out.append(cloudpickle.dumps(results))
        return pa.table({"chunk": batch.column("chunk"), "results": pa.array(out, pa.large_binary())})


class _Runner:
    """Through Ray Client: iterates the dataset on the cluster and hands its results over."""

    def __init__(self, *plan) -> None:
        _quiet_logging()
        self.results = _local_results(_dataset(*plan))

    def next(self):
        return next(self.results, None)


def _local_results(ds) -> Iterator[list[tuple[int, bytes]]]:
    """(chunk number, pickled results) of each block, in order."""
    for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1):
        yield list(zip(batch.column("chunk").to_pylist(), batch.column("results").to_pylist()))


def _remote_results(ray, runner) -> Iterator[list[tuple[int, bytes]]]:
    while True:
        rows = ray.get(runner.next.remote())
        if rows is None:
            return
        yield rows


def _dataset(queue, step, res, workers: int, remote: dict, version: str):
    import ray
    from ray.data import DataContext

    ctx = DataContext.get_current().copy()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    ctx.enable_operator_progress_bars = False
    ctx.print_on_execution_start = False
    ctx.enable_auto_log_stats = False
    ctx.verbose_stats_logs = False
    # a chunk is one row of one block; the smallest target lets each block out as soon as it is made
    # (the default holds a read's blocks back until 128 MiB are buffered)
    ctx.target_max_block_size = 1
    before = DataContext.get_current()
    DataContext._set_current(ctx)
    try:
        ds = ray.data.read_datasource(_stream_source(queue), override_num_blocks=1, num_cpus=0)
        with warnings.catch_warnings():  # max_restarts has no named parameter in map_batches yet
            warnings.simplefilter("ignore", DeprecationWarning)
            return ds.map_batches(_Apply, fn_constructor_args=(step, res, version), batch_size=None,
                                  batch_format="pyarrow", zero_copy_batch=True,
                                  compute=ray.data.ActorPoolStrategy(size=workers), **remote)
    finally:
        DataContext._set_current(before)


_STREAM_SOURCE = None


def _stream_source(queue):
    """A Ray Data source of the chunks put on `queue`: one read task takes them off, in order."""
    global _STREAM_SOURCE
    if _STREAM_SOURCE is None:  # built on first use, so importing this module needs no Ray
        from ray.data.block import BlockMetadata
        from ray.data.datasource import Datasource, ReadTask

        class StreamSource(Datasource):
            def __init__(self, queue) -> None:
                self.queue = queue

            def estimate_inmemory_data_size(self):
                return None

            def get_read_tasks(self, parallelism: int, per_task_row_limit=None, data_context=None):
                queue = self.queue

                def read():
                    import pyarrow as pa
                    from ray import cloudpickle

                    while True:
                        got = queue.get()
                        if got is None:
                            return
                        n, raws = got
                        yield pa.table({"chunk": pa.array([n], pa.int64()),
                                        "items": pa.array([cloudpickle.dumps(raws)], pa.large_binary())})

                meta = BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None, input_files=None)
                return [ReadTask(read, meta)]

        _STREAM_SOURCE = StreamSource
    return _STREAM_SOURCE(queue)


# ---------------------------------------------------------------- helpers
def _quiet_logging() -> None:
    """Ray's loggers say only errors, and its warnings (about its own settings) are not shown."""
    warnings.filterwarnings("ignore", module=r"ray(\.|$)")
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)


def _client_mode() -> bool:
    try:
        from ray.util.client import ray as client

        return bool(client.is_connected())
    except Exception:
        return False


def _use_token_if_any() -> None:
    """Send Ray's auth token when joining by address, as `ray.init()` does for a cluster it finds.

    A cluster started with token authentication (Ray's default once a token exists) refuses a
    driver without it; one without authentication ignores it."""
    if os.environ.get("RAY_AUTH_MODE"):
        return
    try:
        from ray._private.authentication.authentication_token_setup import (
            maybe_enable_token_auth_if_token_available,
        )

        maybe_enable_token_auth_if_token_available(warn_if_disabled=False)
    except Exception:  # noqa: S110 - another Ray: its own defaults
        pass


def _shutdown(ray) -> None:
    try:
        ray.shutdown()
    except Exception:  # noqa: S110 - nothing left to stop
        pass


def _saksi_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("saksi")
    except PackageNotFoundError:
        return "unknown"


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """A RayEngineError when nothing answers at the cluster's address (one TCP connect)."""
    import socket

    target = address
    if target == "auto":
        try:
            from ray._private.services import canonicalize_bootstrap_address

            target = canonicalize_bootstrap_address(target)
        except ConnectionError:
            raise RayEngineError("could not join the Ray cluster at auto: no Ray cluster runs on this machine "
                                 "(start one with 'ray start --head', or give its address)") from None
        except Exception:
            return  # Ray's to find
        if not target:
            return
    host, _, port = target.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return  # Ray's to read
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as e:
        raise RayEngineError(f"could not join the Ray cluster at {address}: nothing answers at {host}:{port} "
                             f"({e.strerror or type(e).__name__}); start one with 'ray start --head' "
                             "or check --ray-address") from None


def _ray_reason(e: BaseException) -> str:
    """One line for a Ray error: the innermost exception of its chain that says something."""
    chain_, seen = [], set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        chain_.append(e)
        inner = getattr(e, "cause", None)  # RayTaskError keeps the task's exception here
        e = inner if isinstance(inner, BaseException) else e.__cause__ or e.__context__
    for x in reversed(chain_):
        lines = [ln.strip() for ln in str(x).splitlines() if ln.strip()]
        first = next((ln for ln in lines if not ln.startswith(("Traceback", "File ", "ray::", "^"))), "")
        if first:
            return f"{type(x).__name__}: {first}"[:300]
    return type(chain_[0]).__name__


def _one_line(e: BaseException) -> str:
    return (" ".join(str(e).split()) or type(e).__name__)[:300]
