"""The store: one SQLite file holding articles and the indexes the stages keep.

``Store`` opens the file (read-only for commands that only read) and holds
the classes that own its tables: ``Articles``, ``SiteLines``; provenance,
coverage and sources own theirs in their packages. ``StoreIndexer`` is how
a stage declares the rows it adds at index time; ``check_store`` and
``repair_store`` are ``newsift corpus check`` and ``corpus repair``.
Stages never open the database themselves; they get the store as the
``store`` resource (``load_store``, read-only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from ..model import Article
from ._store import MIGRATIONS, Store
from .articles import Articles, SiteLines, line_key, text_hash
from .database import BUSY_TIMEOUT_S, SCHEMA_VERSION, StoreError, store_error

if TYPE_CHECKING:
    from ..pipeline import Resources

__all__ = ["Store", "StoreIndexer", "load_store", "line_key", "text_hash", "Articles", "SiteLines", "StoreError",
           "store_error", "SCHEMA_VERSION", "BUSY_TIMEOUT_S", "MIGRATIONS"]


@dataclass(frozen=True)
class StoreIndexer:
    """Rows a stage keeps in the store: its tables' DDL, how to add one article, a summary.

    ``add(store, rowid, article)`` runs inside the article's own transaction
    at index time; ``stats(store)`` summarises the tables for ``corpus
    stats`` (its ``articles`` entry is what ``corpus check`` compares with
    the stored articles). An indexer's tables are named ``<name>_…``, so
    ``corpus repair`` can drop and rebuild them.
    """

    name: str
    add: Callable[[Store, int, Article], None]
    schema: str | None = None
    stats: Callable[[Store], dict[str, Any]] | None = None


def load_store(resources: "Resources") -> Store:
    """The store of stored articles, read-only: checking never creates or writes it."""
    return Store(resources.options.db, readonly=True)
