"""The SQLite connection under the store: opening, transactions, schema version, errors.

One ``Database`` per file. It opens read-only (``mode=ro``: never writes,
never creates) or read-write; waits up to ``busy_timeout`` seconds for
another writer; keeps the schema version in ``PRAGMA user_version`` and
migrates older stores when opened for writing; and turns every SQLite error
into a one-line ``StoreError`` with a code (E520–E525).
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import quote

from ..errors import Errors, NewsiftError

__all__ = ["Database", "StoreError", "store_error", "SCHEMA_VERSION", "BUSY_TIMEOUT_S"]

SCHEMA_VERSION = 2  # 1: the first release (no user_version set); 2: spans table dropped, version recorded
BUSY_TIMEOUT_S = 60.0  # how long a command waits for another writer before E521


class StoreError(NewsiftError, sqlite3.OperationalError):
    """A SQLite error as one coded line; still a ``sqlite3.OperationalError`` for callers that catch those."""


def store_error(exc: sqlite3.Error, path: str, busy: float = BUSY_TIMEOUT_S) -> StoreError:
    """The coded error for a SQLite error: busy, damaged, not writable, or other."""
    if isinstance(exc, StoreError):
        return exc
    text = str(exc).lower()
    name = getattr(exc, "sqlite_errorname", "") or ""
    if "locked" in text or "busy" in text or name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreError(Errors.E521.format(path=path, seconds=busy))
    if "malformed" in text or "not a database" in text or name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return StoreError(Errors.E520.format(path=path, why=exc))
    if "readonly" in text or "read-only" in text or "full" in text or "unable to open" in text \
            or name.startswith(("SQLITE_READONLY", "SQLITE_FULL", "SQLITE_CANTOPEN", "SQLITE_IOERR")):
        return StoreError(Errors.E523.format(path=path, why=exc))
    return StoreError(Errors.E524.format(path=path, why=f"{type(exc).__name__}: {exc}"))


class _Connection:
    """A sqlite3 connection whose statements raise coded ``StoreError``s (every other attribute passes through)."""

    def __init__(self, conn: sqlite3.Connection, path: str, busy: float) -> None:
        self._conn = conn
        self._path = path
        self._busy = busy

    def _call(self, method: Callable[..., Any], *args: Any) -> Any:
        try:
            return method(*args)
        except sqlite3.Error as exc:
            raise store_error(exc, self._path, self._busy) from exc

    def execute(self, sql: str, args: Any = ()) -> sqlite3.Cursor:
        return self._call(self._conn.execute, sql, args)  # type: ignore[no-any-return]

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        return self._call(self._conn.executemany, sql, rows)  # type: ignore[no-any-return]

    def executescript(self, script: str) -> sqlite3.Cursor:
        return self._call(self._conn.executescript, script)  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


class Database:
    """One SQLite file: its connection, transactions and schema version."""

    def __init__(self, path: str, *, readonly: bool = False, busy_timeout: float = BUSY_TIMEOUT_S) -> None:
        self.path = path
        self.readonly = readonly
        self.busy_timeout = busy_timeout
        self._lock = threading.RLock()
        self._depth = 0
        try:
            raw = self._connect()
        except sqlite3.Error as exc:
            raise store_error(exc, path, busy_timeout) from None
        self.conn = _Connection(raw, path, busy_timeout)
        self.version = self._version()
        if self.version > SCHEMA_VERSION:
            raw.close()
            raise StoreError(Errors.E522.format(path=path, found=self.version, known=SCHEMA_VERSION))

    def _connect(self) -> sqlite3.Connection:
        if self.readonly and self.path != ":memory:":
            uri = "file:" + quote(str(Path(self.path).resolve())) + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                                   timeout=self.busy_timeout)
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # fails here if not a database
            return conn
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=self.busy_timeout)
        conn.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer; a crash loses no commit
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    def _version(self) -> int:
        version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        if version == 0 and self.has_table("articles"):
            return 1  # made by the first release, which did not record a version
        return version

    def has_table(self, name: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        return row is not None

    def upgrade(self, schema: str, migrations: dict[int, Callable[["Database"], None]]) -> int | None:
        """Bring the file to ``SCHEMA_VERSION`` in one transaction; returns the version migrated from, if any."""
        if self.version == SCHEMA_VERSION and self.has_table("articles"):
            return None
        start = self.version
        with self.transaction() as conn:
            for version in range(max(start, 1), SCHEMA_VERSION):
                if start:  # a fresh file has nothing to migrate
                    migrations[version](self)
            for statement in _statements(schema):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.version = SCHEMA_VERSION
        return start or None

    @contextmanager
    def transaction(self) -> Iterator[_Connection]:
        """A write transaction; nested calls join the outer one. Commits on success, rolls back on any error."""
        with self._lock:
            outer = self._depth == 0
            if outer:
                self.conn.execute("BEGIN IMMEDIATE")  # take the write lock now: waits busy_timeout, then E521
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                if outer and self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self._depth -= 1
            if outer:
                self.conn.execute("COMMIT")

    def executescript(self, ddl: str) -> None:
        """Idempotent DDL, statement by statement (``executescript`` would commit an open transaction)."""
        with self.transaction() as conn:
            for statement in _statements(ddl):
                conn.execute(statement)

    def close(self) -> None:
        self.conn.close()


def _statements(script: str) -> list[str]:
    """The statements of a DDL script (``sqlite3.complete_statement`` keeps triggers whole)."""
    out: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        if not current and line.strip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out
