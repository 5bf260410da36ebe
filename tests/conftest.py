"""Shared fixtures: one analyzer per session, paths to the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsift
from newsift.settings import Options

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEED = SHARED / "seed" / "putin-comey.txt"
EXAMPLES = ROOT / "examples"


def need(path: Path) -> Path:
    """Skip the calling test when a shared dataset is absent."""
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need(SEED)


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "store.db")


@pytest.fixture(scope="session")
def analyzer(tmp_path_factory: pytest.TempPathFactory) -> newsift.Analyzer:
    """An analyzer with no store (a path that does not exist), shared across tests."""
    db = tmp_path_factory.mktemp("nostore") / "absent.db"
    return newsift.Analyzer(Options(db=str(db)))
