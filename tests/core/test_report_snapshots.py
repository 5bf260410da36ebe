"""The reports on the project's examples and the seed, compared with the recorded ones.

A refactor must leave them byte for byte the same. When a change is meant to
alter a report, record the new ones with ``make snapshots`` and read the diff
before committing it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import newsift
from newsift.indexing import index_articles
from newsift.readers import read_path
from newsift.settings import Options
from newsift.store import Store
from shared_data import EXAMPLES, SEED, need

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots"
UPDATE = os.environ.get("NEWSIFT_UPDATE_SNAPSHOTS") == "1"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


_STORE_PATH = re.compile(r"/\S*?\.db\b")


def _stable(value, drop: tuple[str, ...] = ()):
    """The report without what changes from run to run (the version, the store's path) and the keys in ``drop``."""
    if isinstance(value, dict):
        return {k: _stable(v, drop) for k, v in value.items() if k not in ("newsift_version", *drop)}
    if isinstance(value, list):
        return [_stable(v, drop) for v in value]
    if isinstance(value, str):
        return _STORE_PATH.sub("<store>", value)
    return value


def _compare(name: str, report: newsift.Report, drop: tuple[str, ...] = ()) -> None:
    got = json.dumps(_stable(report.to_dict(), drop), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path = SNAPSHOTS / f"{name}.json"
    if UPDATE:
        path.write_text(got, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no recorded report {path.name}: run `make snapshots`")
    assert got == path.read_text(encoding="utf-8"), f"{name}: the report changed (make snapshots records it)"


@pytest.fixture(scope="module")
def example_analyzer(tmp_path_factory: pytest.TempPathFactory) -> newsift.Analyzer:
    db = tmp_path_factory.mktemp("snapshots") / "examples.db"
    with Store(db) as store:
        articles = [a for path in EXAMPLE_FILES for a in read_path(str(path))]
        for _ in index_articles(store, articles):
            pass
    return newsift.Analyzer(Options(db=str(db)))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_example_reports_are_unchanged(path: Path, example_analyzer: newsift.Analyzer) -> None:
    (article,) = list(read_path(str(path)))
    article.source_path = path.name  # the same whatever the checkout's folder
    _compare(path.stem, example_analyzer.analyze(article))


def test_seed_report_is_unchanged(analyzer: newsift.Analyzer) -> None:
    (article,) = list(read_path(str(need(SEED))))
    article.source_path = SEED.name
    # the seed is a real article of another outlet: its words stay in ../shared, only offsets and findings here
    _compare("seed-putin-comey", analyzer.analyze(article), drop=("text", "title", "snippet"))
