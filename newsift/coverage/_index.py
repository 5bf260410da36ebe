"""The coverage index: an FTS5 (BM25) table over stored articles plus key entities.

``coverage_fts`` is an external-content FTS5 table over ``articles`` (title,
text), so the text is stored once. ``coverage_docs`` holds each article's
publication day and its key entities; ``coverage_entity_df`` counts in how
many articles each entity term occurs (its rarity weights entity overlap).
The indexer runs at ``newsift index`` time; articles stored before it
existed are added by ``backfill`` (``newsift corpus reindex``, or
automatically the first time coverage or search needs them).
"""

from __future__ import annotations

import math
from typing import Iterator

from ..model import Article
from ..store import Store
from ._cache import stored_sides
from ._text import day_number, entities, entity_terms, key_terms

__all__ = ["DDL", "ensure_index", "index_article", "backfill", "missing_count", "IndexedDoc", "load_docs",
           "entity_idf", "index_summary", "fts_query", "indexed_size", "document_frequency"]

DDL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS coverage_fts USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TABLE IF NOT EXISTS coverage_docs (
        article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
        day INTEGER,
        entities TEXT NOT NULL,
        terms TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS coverage_docs_day ON coverage_docs(day)",
    """CREATE TABLE IF NOT EXISTS coverage_entity_df (
        term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID""",
    # in how many articles each word is a key term (fts5vocab counts postings one by one: too slow per query)
    """CREATE TABLE IF NOT EXISTS coverage_word_df (
        term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID""",
]


def ensure_index(store: Store) -> None:
    """Create the coverage tables if absent.

    Statement by statement rather than ``Store.ensure_schema``: the indexer
    runs inside the article's transaction, and ``executescript`` would
    commit it early.
    """
    if store.readonly or store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'coverage_word_df'").fetchone():
        return  # a read-only store is searched as it is
    with store.transaction() as conn:
        for statement in DDL:
            conn.execute(statement)


def index_summary(store: Store) -> dict[str, int]:
    """Rows in the coverage index, and stored articles it still lacks (for ``newsift corpus stats``)."""
    if not store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'coverage_docs'").fetchone():
        return {"articles": 0, "missing": store.count()}
    (n,) = store.conn.execute("SELECT COUNT(*) FROM coverage_docs").fetchone()
    return {"articles": int(n), "missing": max(0, store.count() - int(n))}


def index_article(store: Store, rowid: int, article: Article) -> None:
    """Add one stored article to the full-text index and record its key entities."""
    ensure_index(store)
    names = entities(article.text)
    terms = entity_terms(names)
    keywords = key_terms(article.title, article.text, names)
    with store.transaction() as conn:
        conn.execute("INSERT INTO coverage_fts(rowid, title, text) VALUES (?, ?, ?)",
                     (rowid, article.title or "", article.text))
        conn.execute("INSERT OR REPLACE INTO coverage_docs(article, day, entities, terms) VALUES (?, ?, ?, ?)",
                     (rowid, day_number(article.published), "\n".join(names), "\n".join(sorted(terms))))
        conn.executemany(
            "INSERT INTO coverage_entity_df(term, n) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET n = n + 1",
            [(term,) for term in terms],
        )
        conn.executemany(
            "INSERT INTO coverage_word_df(term, n) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET n = n + 1",
            [(word,) for word in keywords],
        )


def missing_count(store: Store) -> int:
    """Stored articles not yet in the coverage index."""
    ensure_index(store)
    (n,) = store.conn.execute("SELECT (SELECT COUNT(*) FROM articles) - (SELECT COUNT(*) FROM coverage_docs)").fetchone()
    return max(0, int(n))


def _unindexed(store: Store) -> Iterator[tuple[int, Article]]:
    rows = store.conn.execute(
        "SELECT rowid FROM articles WHERE rowid NOT IN (SELECT article FROM coverage_docs) ORDER BY rowid"
    ).fetchall()
    for (rowid,) in rows:
        article = store.get(int(rowid))
        if article is not None:
            yield int(rowid), article


def backfill(store: Store, batch: int = 500) -> int:
    """Index every stored article the coverage index lacks; returns how many were added.

    Commits every ``batch`` articles, so an interrupted run keeps its work.
    """
    if store.readonly or not missing_count(store):
        return 0
    added = 0
    pending: list[tuple[int, Article]] = []
    for item in _unindexed(store):
        pending.append(item)
        if len(pending) >= batch:
            added += _index_batch(store, pending)
            pending = []
    return added + _index_batch(store, pending)


def _index_batch(store: Store, items: list[tuple[int, Article]]) -> int:
    with store.transaction():
        for rowid, article in items:
            index_article(store, rowid, article)
    return len(items)


class IndexedDoc:
    """What retrieval needs of one stored article, without its text."""

    __slots__ = ("rowid", "id", "url", "domain", "title", "published", "day", "entities", "terms")

    def __init__(self, row: tuple) -> None:  # type: ignore[type-arg]
        self.rowid, self.id, self.url, self.domain, self.title, self.published, self.day, names, terms = row
        self.entities: list[str] = names.split("\n") if names else []
        self.terms: list[str] = terms.split("\n") if terms else []  # intersected with a query's few terms


def load_docs(store: Store, rowids: list[int]) -> dict[int, IndexedDoc]:
    """Metadata and entities of these stored articles, by rowid."""
    out: dict[int, IndexedDoc] = {}
    for i in range(0, len(rowids), 500):
        chunk = rowids[i : i + 500]
        rows = store.conn.execute(
            "SELECT a.rowid, a.id, a.url, a.domain, a.title, a.published, d.day, d.entities, d.terms"
            " FROM articles a JOIN coverage_docs d ON d.article = a.rowid"
            " WHERE a.rowid IN (%s)" % ",".join("?" * len(chunk)),
            chunk,
        ).fetchall()
        out.update({row[0]: IndexedDoc(row) for row in rows})
    return out


def _counts(store: Store, table: str, terms: list[str]) -> dict[str, int]:
    """``table``'s count of each term (0 when absent); counts read before for this store state are not read again."""
    known = stored_sides(store).counts.setdefault(table, {})
    missing = [t for t in terms if t not in known]
    for i in range(0, len(missing), 500):
        chunk = missing[i : i + 500]
        rows = store.conn.execute(f"SELECT term, n FROM {table} WHERE term IN (%s)" % ",".join("?" * len(chunk)), chunk)
        found = {term: int(n) for term, n in rows}
        known.update((t, found.get(t, 0)) for t in chunk)
    return {t: known[t] for t in terms}


def entity_idf(store: Store, terms: set[str]) -> dict[str, float]:
    """Inverse document frequency of entity terms (rare names weigh more)."""
    total = indexed_size(store)
    counts = _counts(store, "coverage_entity_df", sorted(terms))
    return {term: math.log(1 + total / (1 + counts[term])) for term in terms}


def indexed_size(store: Store) -> int:
    """About how many articles are indexed (the highest rowid: constant time, unlike COUNT)."""
    (top,) = store.conn.execute("SELECT MAX(article) FROM coverage_docs").fetchone()
    return max(int(top or 0), 1)


def document_frequency(store: Store, words: list[str]) -> dict[str, int]:
    """About how many indexed articles hold each word (0 when none).

    The larger of: articles of which it is a key term, and articles naming it
    (for capitalised words). A proxy for the full document frequency: a
    common word is a key term or a name in many articles too, and these are
    primary-key lookups, where FTS5's vocabulary table reads the whole
    posting list of each word.
    """
    keys = _counts(store, "coverage_word_df", words)
    names = _counts(store, "coverage_entity_df", words)
    return {w: max(keys[w], names[w]) for w in words}


def fts_query(terms: list[str]) -> str:
    """An FTS5 OR-query of quoted terms (quoting keeps user words from being read as operators)."""
    quoted = ['"%s"' % t.replace('"', '""') for t in terms if t.strip()]
    return " OR ".join(quoted)
