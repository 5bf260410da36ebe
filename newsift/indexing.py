"""Adding articles to the store, transactionally and resumably.

Each article is committed in its own small transaction together with every
registered indexer's rows, so an interrupted run keeps all it committed and
a re-run skips what is already stored. Indexers (copy-detection
fingerprints, …) register with ``register_indexer``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from .model import Article
from .store import Store

__all__ = ["IndexResult", "index_articles", "index_stats", "register_indexer", "INDEXERS"]

# indexer(store, rowid, article): adds its rows inside the article's transaction
Indexer = Callable[[Store, int, Article], None]
IndexStats = Callable[[Store], dict[str, Any]]
INDEXERS: dict[str, Indexer] = {}
# DDL run once before the first batch (executescript would end the batch's transaction)
INDEXER_SCHEMAS: dict[str, str] = {}
INDEXER_STATS: dict[str, IndexStats] = {}


def register_indexer(name: str, schema: str | None = None,
                     stats: IndexStats | None = None) -> Callable[[Indexer], Indexer]:
    """Register an indexer, with the DDL of its tables and a function summarising them."""

    def wrap(fn: Indexer) -> Indexer:
        INDEXERS[name] = fn
        if schema:
            INDEXER_SCHEMAS[name] = schema
        if stats:
            INDEXER_STATS[name] = stats
        return fn

    return wrap


def index_stats(store: Store) -> dict[str, dict[str, Any]]:
    """Each indexer's summary of its tables (rows, bytes …)."""
    _load_indexers()
    return {name: fn(store) for name, fn in INDEXER_STATS.items()}


def _load_indexers() -> None:
    """Import the modules whose indexers run at index time (they register on import)."""
    from . import coverage, provenance  # noqa: F401 - full-text and copy-detection indexers


@dataclass
class IndexResult:
    added: int = 0
    already: int = 0
    problems: list[str] = field(default_factory=list)


def index_articles(store: Store, articles: Iterable[Article], batch: int = 64) -> Iterator[tuple[Article, bool]]:
    """Store articles (and run the indexers); yields ``(article, added)`` as each batch commits."""
    _load_indexers()
    for ddl in INDEXER_SCHEMAS.values():
        store.ensure_schema(ddl)
    pending: list[tuple[Article, bool]] = []
    for article in articles:
        pending.append((article, False))
        if len(pending) >= batch:
            yield from _commit(store, pending)
            pending = []
    if pending:
        yield from _commit(store, pending)


def _commit(store: Store, pending: list[tuple[Article, bool]]) -> Iterator[tuple[Article, bool]]:
    done = []
    with store.transaction():
        for article, _ in pending:
            rowid, added = store.add_article(article)
            if added:
                for indexer in INDEXERS.values():
                    indexer(store, rowid, article)
            done.append((article, added))
    yield from done
