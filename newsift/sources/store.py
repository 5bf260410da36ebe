"""The ratings tables in the store, and the queries that read them.

``source_sets``: one row per loaded set (where and when it came from, how
many domains, the SHA-256 of its files).
``source_ratings``: one row per (set, domain), the rater's own label.
``source_calibration``: each rater's fitted map onto Lin et al.'s pc1.
``source_summary``: one row per rated domain, rebuilt after every update.
``source_names``: outlet names (and domain names) → domains, for credits in text.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Any, Iterable

from ..store import Store
from ._base import Rating, SourceSet

__all__ = ["DDL", "ensure_tables", "has_ratings", "replace_set", "set_rows", "previous_rows", "ratings_of", "summary_of",
           "loaded_sets"]

DDL = """
CREATE TABLE IF NOT EXISTS source_sets (
    name TEXT PRIMARY KEY, title TEXT NOT NULL, scale TEXT NOT NULL, cite TEXT,
    origin TEXT NOT NULL, fetched_at TEXT NOT NULL, rows INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS source_ratings (
    domain TEXT NOT NULL, rater TEXT NOT NULL, label TEXT NOT NULL, value REAL, bias TEXT, name TEXT, details TEXT,
    PRIMARY KEY (domain, rater)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS source_ratings_rater ON source_ratings(rater);
CREATE TABLE IF NOT EXISTS source_calibration (
    rater TEXT PRIMARY KEY, xs TEXT NOT NULL, ys TEXT NOT NULL, n INTEGER NOT NULL, spearman REAL
);
CREATE TABLE IF NOT EXISTS source_summary (
    domain TEXT PRIMARY KEY, sld TEXT NOT NULL, score REAL, rule TEXT NOT NULL, spread REAL,
    n_raters INTEGER NOT NULL, summary TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS source_summary_sld ON source_summary(sld);
CREATE TABLE IF NOT EXISTS source_names (
    key TEXT NOT NULL, domain TEXT NOT NULL, name TEXT NOT NULL, weight INTEGER NOT NULL,
    PRIMARY KEY (key, domain)
) WITHOUT ROWID;
"""


def ensure_tables(store: Store) -> None:
    store.ensure_schema(DDL)
    columns = {row[1] for row in store.conn.execute("PRAGMA table_info(source_sets)")}
    if "sha256" not in columns and not store.readonly:  # stores made before checksums were recorded
        with store.transaction() as conn:
            conn.execute("ALTER TABLE source_sets ADD COLUMN sha256 TEXT")


def previous_rows(store: Store, name: str) -> int:
    """How many domains the last load of this set stored (0 when never loaded)."""
    try:
        row = store.conn.execute("SELECT rows FROM source_sets WHERE name = ?", (name,)).fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row else 0


def has_ratings(store: Store) -> bool:
    """Whether the ratings tables exist and hold a summary (never creates them)."""
    try:
        row = store.conn.execute("SELECT 1 FROM source_summary LIMIT 1").fetchone()
    except sqlite3.OperationalError:
        return False
    return row is not None


def set_rows(source_set: SourceSet, ratings: Iterable[Rating]) -> dict[str, tuple[Any, ...]]:
    """The rows a set stores, one per domain (the first entry for a domain wins)."""
    rows: dict[str, tuple[Any, ...]] = {}
    for r in ratings:
        rows.setdefault(r.domain, (r.domain, source_set.name, r.label, r.value, r.bias, r.name,
                                   json.dumps(r.details) if r.details else None))
    return rows


def replace_set(store: Store, source_set: SourceSet, ratings: Iterable[Rating], origin: str,
                sha256: str | None = None) -> int:
    """Replace one set's ratings (joining the caller's transaction, if any); the number of domains stored."""
    ensure_tables(store)
    rows = set_rows(source_set, ratings)
    fetched = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.transaction() as conn:
        conn.execute("DELETE FROM source_ratings WHERE rater = ?", (source_set.name,))
        conn.executemany("INSERT INTO source_ratings VALUES (?, ?, ?, ?, ?, ?, ?)", rows.values())
        conn.execute(
            "INSERT OR REPLACE INTO source_sets (name, title, scale, cite, origin, fetched_at, rows, sha256)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (source_set.name, source_set.title, source_set.scale, source_set.cite, origin, fetched, len(rows), sha256),
        )
    return len(rows)


def loaded_sets(store: Store) -> dict[str, dict[str, Any]]:
    try:
        rows = store.conn.execute("SELECT * FROM source_sets").fetchall()
        keys = [d[0] for d in store.conn.execute("SELECT * FROM source_sets LIMIT 0").description]
    except sqlite3.OperationalError:
        return {}
    return {row[0]: dict(zip(keys, row)) for row in rows}


def ratings_of(store: Store, domain: str) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT rater, label, value, bias, name, details FROM source_ratings WHERE domain = ? ORDER BY rater",
        (domain,),
    ).fetchall()
    return [
        {"rater": rater, "label": label, "value": value, "bias": bias, "name": name,
         "details": json.loads(details) if details else {}}
        for rater, label, value, bias, name, details in rows
    ]


def summary_of(store: Store, domain: str) -> dict[str, Any] | None:
    row = store.conn.execute("SELECT summary FROM source_summary WHERE domain = ?", (domain,)).fetchone()
    return json.loads(row[0]) if row else None
