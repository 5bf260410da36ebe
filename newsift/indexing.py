"""Adding articles to the store, transactionally and resumably.

Each article is committed in its own small transaction together with every
registered indexer's rows, so an interrupted run keeps all it committed and
a re-run skips what is already stored. Indexers (copy-detection
fingerprints, …) register with ``register_indexer``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .model import Article
from .store import Store

__all__ = ["IndexResult", "index_articles", "register_indexer", "INDEXERS"]

# indexer(store, rowid, article): adds its rows inside the article's transaction
Indexer = Callable[[Store, int, Article], None]
INDEXERS: dict[str, Indexer] = {}


def register_indexer(name: str) -> Callable[[Indexer], Indexer]:
    def wrap(fn: Indexer) -> Indexer:
        INDEXERS[name] = fn
        return fn

    return wrap


@dataclass
class IndexResult:
    added: int = 0
    already: int = 0
    problems: list[str] = field(default_factory=list)


def index_articles(store: Store, articles: Iterable[Article], batch: int = 64) -> Iterator[tuple[Article, bool]]:
    """Store articles (and run the indexers); yields ``(article, added)`` as each batch commits."""
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
