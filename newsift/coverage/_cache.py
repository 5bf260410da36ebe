"""Stored reports prepared for comparison, and term counts, kept while the store is unchanged.

Checking a corpus brings the same stored reports back as candidates again
and again (on 100 BuzzFeed-Webis articles against a store of 296, each
listed report came back about three times). Their furniture, quotations,
mentions and word counts do not depend on the checked article, so they are
computed once and kept, per store, in a bounded least-recently-used table.
So are the document frequencies of words and names (``_index``), which
every check asks for again for the same stored reports' words. Both are
dropped when the store changes: SQLite's ``data_version`` moves when
another connection commits, ``total_changes`` when this one writes.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any, Callable, Hashable


__all__ = ["StoredSides", "stored_sides", "STORED_SIDES_SIZE", "TERM_COUNTS_SIZE"]

STORED_SIDES_SIZE = 512  # reports kept per store (about 40 kB each): a few batches' candidates
TERM_COUNTS_SIZE = 200_000  # term counts kept per store (all tables) before the tables start over


def _generation(store: Any) -> tuple[int, int]:
    conn = store.conn
    (version,) = conn.execute("PRAGMA data_version").fetchone()
    return int(version), int(conn.total_changes)


class StoredSides:
    """``get(key, build)``: the prepared report, built at most once while the store stays the same.

    The key is the rowid with whatever else the build depends on (the furniture settings).
    """

    def __init__(self, store: Any, size: int = STORED_SIDES_SIZE) -> None:
        self._store = weakref.ref(store)
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self.counts: dict[str, dict[str, int]] = {}  # table -> term -> articles; see ``_index._counts``
        self._generation: tuple[int, int] | None = None
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def refresh(self) -> None:
        """Forget everything when the store has changed since the last call."""
        store = self._store()
        generation = _generation(store) if store is not None else None
        with self._lock:
            if generation != self._generation:
                self._items.clear()
                self.counts = {}
                self._generation = generation
            elif sum(map(len, self.counts.values())) > TERM_COUNTS_SIZE:
                self.counts = {}

    def get(self, key: Hashable, build: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
        value = build()  # outside the lock: building reads the store
        with self._lock:
            self.misses += 1
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


_BY_STORE: "weakref.WeakKeyDictionary[Any, StoredSides]" = weakref.WeakKeyDictionary()
_BY_STORE_LOCK = threading.Lock()


def stored_sides(store: Any) -> StoredSides:
    """The table for this store object (made on first use, gone with the store), refreshed for its state."""
    with _BY_STORE_LOCK:
        sides = _BY_STORE.get(store)
        if sides is None:
            sides = _BY_STORE[store] = StoredSides(store)
    sides.refresh()
    return sides
