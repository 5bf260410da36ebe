"""The articles table, and the per-domain line counts that reveal site furniture.

Each class owns its tables' SQL; nothing else writes them.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator

from ..model import Article
from .database import Database

__all__ = ["Articles", "SiteLines", "ARTICLES_SCHEMA", "SITE_LINES_SCHEMA", "text_hash", "line_key"]

ARTICLES_SCHEMA = """
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
"""

SITE_LINES_SCHEMA = """
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
_COLUMNS = "id, url, domain, title, published, source_path, text"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def line_key(line: str) -> int | None:
    """A 63-bit key for a line, insensitive to case, punctuation and spacing."""
    norm = _NON_WORD.sub(" ", line.lower()).strip()
    if len(norm) < 3:
        return None
    digest = hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _article(row: tuple[Any, ...]) -> Article:
    return Article(text=row[6], id=row[0], url=row[1], domain=row[2], title=row[3], published=row[4],
                   source_path=row[5])


class Articles:
    """Stored articles: one row each, found again by id, URL or text."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def find(self, article: Article) -> int | None:
        """The rowid of a stored article with the same id, url or text."""
        row = self.db.conn.execute(
            "SELECT rowid FROM articles WHERE id = ? OR text_hash = ? OR (url IS NOT NULL AND url = ?) LIMIT 1",
            (article.id, text_hash(article.text), article.url),
        ).fetchone()
        return row[0] if row else None

    def insert(self, article: Article) -> int:
        """Insert a new article (inside the caller's transaction); its rowid."""
        cur = self.db.conn.execute(
            "INSERT INTO articles (id, url, domain, title, published, source_path, text, text_hash, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.url, article.domain, article.title, article.published, article.source_path,
             article.text, text_hash(article.text), datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
        return int(cur.lastrowid or 0)

    def get(self, key: int | str) -> Article | None:
        """An article by rowid (int) or id (str)."""
        column = "rowid" if isinstance(key, int) else "id"
        row = self.db.conn.execute(f"SELECT {_COLUMNS} FROM articles WHERE {column} = ?", (key,)).fetchone()
        return _article(row) if row else None

    def iter(self, domain: str | None = None, after: int = 0, until: int | None = None) -> Iterator[tuple[int, Article]]:
        """``(rowid, article)`` in rowid order (rowids in ``(after, until]``), in pages, so no cursor stays
        open across the caller's writes."""
        while True:
            sql = f"SELECT rowid, {_COLUMNS} FROM articles WHERE rowid > ?"
            args: tuple[Any, ...] = (after,)
            if until is not None:
                sql += " AND rowid <= ?"
                args += (until,)
            if domain:
                sql += " AND domain = ?"
                args += (domain,)
            rows = self.db.conn.execute(sql + " ORDER BY rowid LIMIT 500", args).fetchall()
            if not rows:
                return
            for row in rows:
                yield row[0], _article(row[1:])
            after = rows[-1][0]

    def count(self) -> int:
        return int(self.db.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def summary(self) -> dict[str, Any]:
        n, first, last, domains = self.db.conn.execute(
            "SELECT COUNT(*), MIN(published), MAX(published), COUNT(DISTINCT domain) FROM articles"
        ).fetchone()
        top = self.db.conn.execute(
            "SELECT domain, COUNT(*) c FROM articles WHERE domain IS NOT NULL GROUP BY domain ORDER BY c DESC LIMIT 10"
        ).fetchall()
        return {"articles": n, "domains": domains, "first_published": first, "last_published": last,
                "top_domains": [{"domain": d, "articles": c} for d, c in top]}


class SiteLines:
    """How many of each domain's stored articles hold each line (lines seen often are site furniture)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, domain: str, text: str) -> None:
        """Count one new article's lines (inside the caller's transaction)."""
        conn = self.db.conn
        conn.execute("INSERT INTO domains(domain, n) VALUES (?, 1) ON CONFLICT(domain) DO UPDATE SET n = n + 1",
                     (domain,))
        conn.executemany("INSERT INTO domain_lines(domain, line, n) VALUES (?, ?, 1)"
                         " ON CONFLICT(domain, line) DO UPDATE SET n = n + 1",
                         [(domain, key) for key in _lines(text)])

    def domain_size(self, domain: str) -> int:
        row = self.db.conn.execute("SELECT n FROM domains WHERE domain = ?", (domain,)).fetchone()
        return int(row[0]) if row else 0

    def counts(self, domain: str, keys: Iterable[int]) -> dict[int, int]:
        """How many stored articles of ``domain`` contain each line key."""
        keys = list(keys)
        out: dict[int, int] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows = self.db.conn.execute(
                "SELECT line, n FROM domain_lines WHERE domain = ? AND line IN (%s)" % ",".join("?" * len(chunk)),
                (domain, *chunk),
            )
            out.update({line: n for line, n in rows})
        return out

    def clear(self) -> None:
        """Forget every count (before a rebuild, inside the caller's transaction)."""
        self.db.conn.execute("DELETE FROM domain_lines")
        self.db.conn.execute("DELETE FROM domains")


def _lines(text: str) -> set[int]:
    return {key for key in map(line_key, text.splitlines()) if key is not None}
