"""Adding articles to the store, transactionally and resumably.

Each article is committed in its own small transaction together with the
rows of every stage's store indexer (copy-detection fingerprints, the
full-text index), so an interrupted run keeps all it committed and a re-run
skips what is already stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from .model import Article
from .store import Store, StoreIndexer

__all__ = ["IndexResult", "index_articles", "index_stats"]


def index_stats(store: Store) -> dict[str, dict[str, Any]]:
    """Each indexer's summary of its tables (rows, bytes …)."""
    from .stages import indexers  # the stages import spaCy: only when indexing starts

    return {ix.name: ix.stats(store) for ix in indexers() if ix.stats is not None}


@dataclass
class IndexResult:
    added: int = 0
    already: int = 0
    problems: list[str] = field(default_factory=list)


def index_articles(store: Store, articles: Iterable[Article], batch: int = 64,
                   with_indexers: list[StoreIndexer] | None = None) -> Iterator[tuple[Article, bool]]:
    """Store articles (and run the stages' indexers); yields ``(article, added)`` as each batch commits."""
    from .stages import indexers

    chosen = indexers() if with_indexers is None else with_indexers
    for ix in chosen:
        if ix.schema:  # DDL before the first batch: executescript would end a batch's transaction
            store.ensure_schema(ix.schema)
    pending: list[tuple[Article, bool]] = []
    for article in articles:
        pending.append((article, False))
        if len(pending) >= batch:
            yield from _commit(store, pending, chosen)
            pending = []
    if pending:
        yield from _commit(store, pending, chosen)


def _commit(store: Store, pending: list[tuple[Article, bool]],
            chosen: list[StoreIndexer]) -> Iterator[tuple[Article, bool]]:
    done = []
    with store.transaction():
        for article, _ in pending:
            rowid, added = store.add_article(article)
            if added:
                for ix in chosen:
                    ix.add(store, rowid, article)
            done.append((article, added))
    yield from done
