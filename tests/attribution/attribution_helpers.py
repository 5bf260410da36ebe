"""Fixtures for this folder's tests (imported by name, so no second conftest.py shadows the root one)."""

from __future__ import annotations

import pytest

import newsift
from newsift.model import Report, Span
from newsift.settings import Options


@pytest.fixture(scope="session")
def attribution_analyzer(tmp_path_factory: pytest.TempPathFactory) -> newsift.Analyzer:
    db = tmp_path_factory.mktemp("nostore") / "absent.db"
    return newsift.Analyzer(Options(db=str(db), stages=["cleaning", "language", "attribution"]))


@pytest.fixture
def quotes_of(attribution_analyzer: newsift.Analyzer):  # type: ignore[no-untyped-def]
    """``quotes_of(text) -> (report, quote spans)``."""

    def run(text: str) -> tuple[Report, list[Span]]:
        report = attribution_analyzer.analyze(text)
        assert report.stage_ran("attribution"), report.stages
        return report, report.spans("quotes")

    return run

