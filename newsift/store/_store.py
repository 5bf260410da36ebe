"""``Store``: the one SQLite file, with the classes that own its tables.

``store.articles`` (articles) and ``store.site_lines`` (per-domain line
counts) live here; the copy-detection fingerprints are provenance's, the
full-text index coverage's and the ratings sources'. Each keeps its own
tables in the same file through ``ensure_schema`` and ``transaction``.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import Errors, ResourceUnavailable
from ..model import Article
from .articles import ARTICLES_SCHEMA, SITE_LINES_SCHEMA, Articles, SiteLines
from .database import BUSY_TIMEOUT_S, Database, StoreError, _Connection

__all__ = ["Store", "MIGRATIONS"]


def _v1_to_v2(db: Database) -> None:
    """The first release kept a ``spans`` table that nothing ever filled or read."""
    db.conn.execute("DROP INDEX IF EXISTS spans_article")
    db.conn.execute("DROP TABLE IF EXISTS spans")


MIGRATIONS: dict[int, Callable[[Database], None]] = {1: _v1_to_v2}  # version -> the step that brings a store from it to the next


class Store:
    """A SQLite-backed store of articles; one file, safe to re-open and re-run.

    ``readonly=True`` opens it without writing anything (a missing file is
    ResourceUnavailable); ``create=False`` refuses to create a missing file.
    A store written by an older newsift is migrated when opened for writing;
    one written by a newer newsift is refused (E522).
    """

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False,
                 busy_timeout: float = BUSY_TIMEOUT_S) -> None:
        self.path = str(path)
        if self.path != ":memory:" and not Path(self.path).exists() and (readonly or not create):
            raise ResourceUnavailable(Errors.E031.format(path=self.path))
        if self.path != ":memory:" and not readonly:
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(Errors.E523.format(path=self.path, why=exc)) from None
        self.db = Database(self.path, readonly=readonly, busy_timeout=busy_timeout)
        try:
            self.migrated_from = None if readonly else self.db.upgrade(ARTICLES_SCHEMA + SITE_LINES_SCHEMA,
                                                                       MIGRATIONS)
        except BaseException:
            self.db.close()
            raise
        self.articles = Articles(self.db)
        self.site_lines = SiteLines(self.db)

    @property
    def conn(self) -> _Connection:
        """The connection, for the components that own tables here (provenance, coverage, sources)."""
        return self.db.conn

    @property
    def readonly(self) -> bool:
        return self.db.readonly

    @property
    def version(self) -> int:
        return self.db.version

    def ensure_schema(self, ddl: str) -> None:
        """Create another component's tables (idempotent DDL); nothing to do on a read-only store."""
        if not self.readonly:
            self.db.executescript(ddl)

    @contextmanager
    def transaction(self) -> Iterator[_Connection]:
        """A write transaction; nested calls join the outer one. Commits on success."""
        with self.db.transaction() as conn:
            yield conn

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- articles (delegated, the names every caller knows) -------------------------
    def find(self, article: Article) -> int | None:
        return self.articles.find(article)

    def add_article(self, article: Article) -> tuple[int, bool]:
        """Store an article unless already there; returns ``(rowid, added)``."""
        with self.transaction():
            existing = self.articles.find(article)
            if existing is not None:
                return existing, False
            rowid = self.articles.insert(article)
            if article.domain:
                self.site_lines.add(article.domain, article.text)
            return rowid, True

    def get(self, key: int | str) -> Article | None:
        return self.articles.get(key)

    def iter_articles(self, domain: str | None = None) -> Iterator[tuple[int, Article]]:
        return self.articles.iter(domain)

    def count(self) -> int:
        return self.articles.count()

    def domain_size(self, domain: str) -> int:
        return self.site_lines.domain_size(domain)

    def line_counts(self, domain: str, keys: Iterable[int]) -> dict[int, int]:
        return self.site_lines.counts(domain, keys)

    def stats(self) -> dict[str, Any]:
        out = self.articles.summary()
        size = 0
        if self.path != ":memory:":
            size = sum(p.stat().st_size for p in Path(self.path).parent.glob(Path(self.path).name + "*"))
        out["bytes"] = size
        out["schema_version"] = self.version
        return out
