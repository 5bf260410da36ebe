"""Shared fixtures: one analyzer per session, paths to the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsift
from newsift.settings import Options
from shared_data import DATA, EXAMPLES, ROOT, SEED, SHARED, need  # noqa: F401 - re-exported


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
