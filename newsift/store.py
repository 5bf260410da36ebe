"""The store: one SQLite file holding articles, their spans and indexes.

Other components (copy-detection index, ratings) keep their own tables in
the same file: they call ``Store.ensure_schema`` with their DDL and use
``Store.conn`` inside ``Store.transaction()``. Stages never open the
database themselves; they get the store as the ``store`` resource.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import Errors, InputError, ResourceUnavailable
from .model import Article, Span
from .pipeline import Resources, register_resource

__all__ = ["Store", "line_key", "text_hash"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    domain TEXT,
    title TEXT,
    published TEXT,
    source_path TEXT,
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL UNIQUE,
    added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_domain ON articles(domain);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS spans (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    layer TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    attrs TEXT
);
CREATE INDEX IF NOT EXISTS spans_article ON spans(article, layer);
-- how many of a domain's articles contain each (normalised) line: recurring lines are furniture
CREATE TABLE IF NOT EXISTS domain_lines (
    domain TEXT NOT NULL,
    line INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (domain, line)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS domains (domain TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
"""

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def line_key(line: str) -> int | None:
    """A 63-bit key for a line, insensitive to case, punctuation and spacing."""
    norm = _NON_WORD.sub(" ", line.lower()).strip()
    if len(norm) < 3:
        return None
    digest = hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _lines(text: str) -> set[int]:
    keys = {line_key(line) for line in text.splitlines()}
    keys.discard(None)
    return keys  # type: ignore[return-value]


class Store:
    """A SQLite-backed store of articles; one file, safe to re-open and re-run."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            p = Path(self.path)
            if not create and not p.exists():
                raise ResourceUnavailable(f"no store at {p} (run `newsift index` to create one)")
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(Errors.E022.format(path=p, why=exc)) from None
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise InputError(Errors.E022.format(path=self.path, why=exc)) from None
        self._lock = threading.RLock()
        self._depth = 0

    # -- plumbing ---------------------------------------------------------
    def ensure_schema(self, ddl: str) -> None:
        """Create another component's tables (idempotent DDL)."""
        with self._lock:
            self.conn.executescript(ddl)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A transaction; nested calls join the outer one. Commits on success."""
        with self._lock:
            outer = self._depth == 0
            if outer:
                self.conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                if outer:
                    self.conn.execute("ROLLBACK")
                raise
            self._depth -= 1
            if outer:
                self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- articles ----------------------------------------------------------
    def find(self, article: Article) -> int | None:
        """The rowid of a stored article with the same id, url or text."""
        row = self.conn.execute(
            "SELECT rowid FROM articles WHERE id = ? OR text_hash = ? OR (url IS NOT NULL AND url = ?) LIMIT 1",
            (article.id, text_hash(article.text), article.url),
        ).fetchone()
        return row[0] if row else None

    def add_article(self, article: Article) -> tuple[int, bool]:
        """Store an article unless already there; returns ``(rowid, added)``."""
        with self.transaction() as conn:
            existing = self.find(article)
            if existing is not None:
                return existing, False
            cur = conn.execute(
                "INSERT INTO articles (id, url, domain, title, published, source_path, text, text_hash, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.url,
                    article.domain,
                    article.title,
                    article.published,
                    article.source_path,
                    article.text,
                    text_hash(article.text),
                    datetime.now(timezone.utc).isoformat(timespec="seconds"),
                ),
            )
            rowid = int(cur.lastrowid)
            if article.domain:
                self._count_lines(article.domain, article.text)
            return rowid, True

    def _count_lines(self, domain: str, text: str) -> None:
        self.conn.execute(
            "INSERT INTO domains(domain, n) VALUES (?, 1) ON CONFLICT(domain) DO UPDATE SET n = n + 1", (domain,)
        )
        self.conn.executemany(
            "INSERT INTO domain_lines(domain, line, n) VALUES (?, ?, 1)"
            " ON CONFLICT(domain, line) DO UPDATE SET n = n + 1",
            [(domain, key) for key in _lines(text)],
        )

    def save_spans(self, rowid: int, layers: dict[str, list[Span]]) -> None:
        """Replace the stored spans of an article with these layers."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM spans WHERE article = ? AND layer IN (%s)" % ",".join("?" * len(layers)),
                         (rowid, *layers))
            conn.executemany(
                'INSERT INTO spans(article, layer, start, "end", label, attrs) VALUES (?, ?, ?, ?, ?, ?)',
                [
                    (rowid, layer, s.start, s.end, s.label, json.dumps(_plain(s.attrs)) if s.attrs else None)
                    for layer, spans in layers.items()
                    for s in spans
                ],
            )

    def load_spans(self, rowid: int, layer: str) -> list[Span]:
        rows = self.conn.execute(
            'SELECT start, "end", label, attrs FROM spans WHERE article = ? AND layer = ? ORDER BY start',
            (rowid, layer),
        ).fetchall()
        return [Span(a, b, label, json.loads(attrs) if attrs else {}) for a, b, label, attrs in rows]

    def get(self, key: int | str) -> Article | None:
        """An article by rowid (int) or id (str)."""
        column = "rowid" if isinstance(key, int) else "id"
        row = self.conn.execute(
            f"SELECT id, url, domain, title, published, source_path, text FROM articles WHERE {column} = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        return Article(text=row[6], id=row[0], url=row[1], domain=row[2], title=row[3], published=row[4],
                       source_path=row[5])

    def rowid_of(self, article_id: str) -> int | None:
        row = self.conn.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def iter_articles(self, domain: str | None = None) -> Iterator[tuple[int, Article]]:
        sql = "SELECT rowid, id, url, domain, title, published, source_path, text FROM articles"
        args: tuple[Any, ...] = ()
        if domain:
            sql += " WHERE domain = ?"
            args = (domain,)
        for row in self.conn.execute(sql + " ORDER BY rowid", args):
            yield row[0], Article(text=row[7], id=row[1], url=row[2], domain=row[3], title=row[4],
                                  published=row[5], source_path=row[6])

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # -- site furniture ------------------------------------------------------
    def domain_size(self, domain: str) -> int:
        row = self.conn.execute("SELECT n FROM domains WHERE domain = ?", (domain,)).fetchone()
        return int(row[0]) if row else 0

    def line_counts(self, domain: str, keys: Iterable[int]) -> dict[int, int]:
        """How many stored articles of ``domain`` contain each line key."""
        keys = list(keys)
        out: dict[int, int] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows = self.conn.execute(
                "SELECT line, n FROM domain_lines WHERE domain = ? AND line IN (%s)" % ",".join("?" * len(chunk)),
                (domain, *chunk),
            )
            out.update({line: n for line, n in rows})
        return out

    def stats(self) -> dict[str, Any]:
        n, first, last, domains = self.conn.execute(
            "SELECT COUNT(*), MIN(published), MAX(published), COUNT(DISTINCT domain) FROM articles"
        ).fetchone()
        size = 0
        if self.path != ":memory:":
            size = sum(p.stat().st_size for p in Path(self.path).parent.glob(Path(self.path).name + "*"))
        top = self.conn.execute(
            "SELECT domain, COUNT(*) c FROM articles WHERE domain IS NOT NULL GROUP BY domain ORDER BY c DESC LIMIT 10"
        ).fetchall()
        return {"articles": n, "domains": domains, "first_published": first, "last_published": last,
                "bytes": size, "top_domains": [{"domain": d, "articles": c} for d, c in top]}


def _plain(value: Any) -> Any:
    if isinstance(value, Span):
        return {"start": value.start, "end": value.end, "label": value.label, **_plain(value.attrs)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@register_resource("store")
def _load_store(resources: Resources) -> Store:
    """The store of stored articles, if one exists; checking never creates it."""
    return Store(resources.options.db, create=False)

