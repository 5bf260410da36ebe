"""``corpus check`` and ``corpus repair``: is the store whole, and rebuilding what can be rebuilt.

The articles are the store's facts; everything else (per-domain line
counts, the stages' indexes) is derived from them and can be rebuilt.
``check_store`` runs SQLite's integrity check and compares the articles
with what each indexer covers; ``repair_store`` rebuilds the derived rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from ..model import Article
from . import StoreIndexer
from ._store import Store
from .database import SCHEMA_VERSION

__all__ = ["Health", "check_store", "repair_store"]


@dataclass
class Health:
    """What ``corpus check`` found; ``ok`` when there is nothing to repair."""

    path: str
    version: int
    integrity: list[str] = field(default_factory=list)  # SQLite's own findings ("ok" when none)
    counts: dict[str, int] = field(default_factory=dict)  # articles, and articles each index covers
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "schema_version": self.version, "integrity": self.integrity,
                "counts": self.counts, "problems": self.problems, "ok": self.ok}


def check_store(store: Store, indexers: Iterable[StoreIndexer]) -> Health:
    """Integrity check, schema version, and articles against each index's coverage."""
    health = Health(store.path, store.version)
    health.integrity = [row[0] for row in store.conn.execute("PRAGMA integrity_check(20)").fetchall()]
    if health.integrity != ["ok"]:
        health.problems.append(f"SQLite integrity check: {'; '.join(health.integrity[:3])}")
        return health  # counts over damaged pages would only repeat the damage
    if store.version < SCHEMA_VERSION:
        health.problems.append(f"schema version {store.version}, this newsift writes {SCHEMA_VERSION}"
                               " (any writing command migrates it)")
    articles = store.count()
    health.counts["articles"] = articles
    for ix in indexers:
        if ix.stats is None:
            continue
        covered = int(ix.stats(store).get("articles") or 0)
        health.counts[ix.name] = covered
        if covered != articles:
            health.problems.append(f"the {ix.name} index covers {covered} of {articles} articles")
    return health


def _derived_tables(store: Store, ix: StoreIndexer) -> list[str]:
    """An indexer's tables: those named ``<name>_…`` (FTS shadow tables go with their table)."""
    rows = store.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '\\'",
        (ix.name.replace("_", "\\_") + "\\_%",)).fetchall()
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL")]
    shadows = {name for name, _ in rows for v in virtual if name.startswith(v + "_")}
    return [name for name, _ in rows if name not in shadows]


def _batches(items: Iterator[tuple[int, Article]], size: int) -> Iterator[list[tuple[int, Article]]]:
    batch: list[tuple[int, Article]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def repair_store(store: Store, indexers: list[StoreIndexer], batch: int = 200,
                 progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Drop and rebuild every derived table from the stored articles; then REINDEX and check again.

    The drop commits first; each batch of rebuilt rows commits on its own,
    so an interrupted repair leaves a store that ``check_store`` flags and a
    re-run finishes.
    """
    dropped: list[str] = []
    with store.transaction() as conn:
        for ix in indexers:
            for table in _derived_tables(store, ix):
                conn.execute(f'DROP TABLE IF EXISTS "{table}"')
                dropped.append(table)
        store.site_lines.clear()
    for ix in indexers:
        if ix.schema:
            store.ensure_schema(ix.schema)
    done = 0
    for chunk in _batches(store.iter_articles(), batch):
        with store.transaction():
            for rowid, article in chunk:
                if article.domain:
                    store.site_lines.add(article.domain, article.text)
                for ix in indexers:
                    ix.add(store, rowid, article)
        done += len(chunk)
        if progress:
            progress(done)
    store.conn.execute("REINDEX")
    return {"dropped": dropped, "articles": done}
