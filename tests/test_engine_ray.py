"""The Ray engine maps the same step as the local engine, with the same pairs in the same order.

One local Ray (2 CPUs) is started for the module; each map starts its own actor pool on it."""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("ray.data")

import ray  # noqa: E402
from ray import cloudpickle  # noqa: E402

from saksi.engine import LocalEngine, make_engine  # noqa: E402
from saksi.engine_ray import RayEngine, RayEngineError, _check_reachable  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


class Loaded:
    """Stands for Resources: only settings travel; the 'data' loads once per process, on first use."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self._data = None
        self.loads = 0

    def __getstate__(self):
        return {"tag": self.tag}

    def __setstate__(self, state):
        self.__init__(state["tag"])

    def data(self) -> int:
        if self._data is None:
            self.loads += 1
            self._data = 1000
        return self._data


def toy(item: int, res: Loaded):
    if item == 13 and res.tag == "fail":
        raise ValueError("thirteen")
    return {"item": item, "value": item * item + res.data(), "tag": res.tag,
            "where": (os.getpid(), id(res), res.loads)}


def _pure(pairs):
    return [(i, {k: v for k, v in r.items() if k != "where"}) for i, r in pairs]


def _jsonl(path: Path) -> list[dict]:
    run_times = {"run_at", "started_at", "finished_at", "stored_at", "created_at", "updated_at"}
    return [{k: v for k, v in json.loads(line).items() if k not in run_times}
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.slow
def test_saksi_run_with_ray_writes_what_local_writes(tmp_path):
    """`saksi run --engine ray` (its own local Ray) and the local engine write the same files; the
    terminal shows saksi's lines only."""
    seeds = ROOT / "examples" / "seeds"
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("RAY_ADDRESS", None)
    saksi = [sys.executable, "-m", "saksi", "run", str(seeds)]
    a = subprocess.run([*saksi, "--out", str(tmp_path / "A")], capture_output=True, text=True, env=env, timeout=300)
    b = subprocess.run([*saksi, "--out", str(tmp_path / "B"), "--engine", "ray", "--workers", "2"],
                       capture_output=True, text=True, env=env, timeout=300)
    assert a.returncode == 0, a.stderr
    assert b.returncode == 0, b.stderr
    for name in ("claims.jsonl", "events.jsonl", "articles.jsonl"):
        assert _jsonl(tmp_path / "B" / name) == _jsonl(tmp_path / "A" / name), name
    assert len(_jsonl(tmp_path / "A" / "claims.jsonl")) > 0
    lines = [ln for ln in b.stderr.splitlines() if ln.strip()]
    assert lines == [ln.replace(str(tmp_path / "A"), str(tmp_path / "B")) for ln in a.stderr.splitlines() if ln.strip()]
    assert b.stdout == a.stdout


@pytest.fixture(scope="module")
def engine():
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the toy step travels by value
    eng = RayEngine(workers=2)
    owned = eng.start()
    yield eng
    if owned:
        ray.shutdown()


@pytest.mark.parametrize("n", [0, 1, 7, 1000])
def test_same_pairs_in_the_same_order_as_local(engine, n):
    res = Loaded("t")
    local = list(LocalEngine(1).map(toy, (i for i in range(n)), res))
    got = list(engine.map(toy, (i for i in range(n)), res))
    assert _pure(got) == _pure(local)
    assert [i for i, _ in got] == list(range(n))
    if n == 1000:
        where = {r["where"] for _, r in got}
        assert len({pid for pid, _, _ in where}) == 2  # both actors worked
        # one Resources per actor, loaded once: not once per chunk or per item
        assert len(where) == 2 and all(loads == 1 for _, _, loads in where)
    assert ray.is_initialized()  # a Ray the engine did not start is left running


def test_a_step_error_is_raised_in_its_turn(engine):
    got = []
    with pytest.raises(ValueError, match="thirteen"):
        for pair in engine.map(toy, iter(range(100)), Loaded("fail")):
            got.append(pair[0])
    assert got == list(range(13))


def test_interrupt_from_the_input_propagates_and_ray_goes_on(engine):
    def items():
        yield from range(40)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        for _ in engine.map(toy, items(), Loaded("t")):
            pass
    # a consumer that stops early closes the map too, and the next map runs on the same Ray
    first = engine.map(toy, iter(range(500)), Loaded("t"))
    assert next(first)[0] == 0
    first.close()


def test_real_step_gives_the_local_results(engine):
    from saksi.ingest.readers import read_file
    from saksi.pipeline import process
    from saksi.resources import Resources

    docs = [d for f in sorted((ROOT / "examples" / "seeds").glob("*.txt")) for d in read_file(f, max_bytes=10**7)]
    assert len(docs) >= 5
    res = Resources()
    local = [dataclasses.asdict(r) for _, r in LocalEngine(1).map(process, iter(docs), res)]
    got = list(engine.map(process, iter(docs), res))
    assert [d.name for d, _ in got] == [d.name for d in docs]
    assert [dataclasses.asdict(r) for _, r in got] == local
    assert sum(len(r["claims"]) for r in local) > 0


def test_ray_missing_is_one_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    monkeypatch.setitem(sys.modules, "ray.data", None)
    with pytest.raises(RuntimeError, match=r"pip install 'saksi\[ray\]'") as e:
        make_engine("ray", workers=2)
    assert "\n" not in str(e.value)


def test_ray_not_starting_is_one_line(monkeypatch):
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "shutdown", lambda: None)

    def init(**kwargs):
        assert kwargs["address"] == "local" and kwargs["num_cpus"] == 3 and kwargs["log_to_driver"] is False
        raise RuntimeError("Failed to start the GCS server.\nSee the logs.")

    monkeypatch.setattr(ray, "init", init)
    with pytest.raises(RayEngineError, match="could not start a local Ray: Failed to start the GCS server. See the logs."):
        list(RayEngine(workers=3).map(toy, [1], Loaded("t")))


def test_a_cluster_out_of_reach_is_one_line():
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for address in (f"127.0.0.1:{port}", f"ray://127.0.0.1:{port}"):
        with pytest.raises(RayEngineError, match=f"could not join the Ray cluster at {address}: nothing answers"):
            _check_reachable(address, timeout=2)
