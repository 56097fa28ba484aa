from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "examples" / "seeds"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
if "SAKSI_CACHE_DIR" not in os.environ:  # the suite keeps its parsed-data cache to itself (saksi.cache)
    import tempfile

    os.environ["SAKSI_CACHE_DIR"] = tempfile.mkdtemp(prefix="saksi-test-cache-")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED
