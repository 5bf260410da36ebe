"""The store: schema version and migrations, read-only opening, busy and damaged files, check and repair."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from newsift.errors import ResourceUnavailable
from newsift.indexing import index_articles
from newsift.model import Article
from newsift.stages import indexers
from newsift.store import SCHEMA_VERSION, Store, StoreError, store_error
from newsift.store.health import check_store, repair_store

from rel_helpers import article_lines, run_cli

# the schema the first release wrote (no user_version, a spans table nothing used)
V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT, domain TEXT, title TEXT,
    published TEXT, source_path TEXT, text TEXT NOT NULL, text_hash TEXT NOT NULL UNIQUE, added_at TEXT NOT NULL);
CREATE INDEX articles_url ON articles(url);
CREATE TABLE spans (article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE, layer TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL, attrs TEXT);
CREATE INDEX spans_article ON spans(article, layer);
CREATE TABLE domain_lines (domain TEXT NOT NULL, line INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (domain, line)) WITHOUT ROWID;
CREATE TABLE domains (domain TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
"""


def _articles(n: int) -> list[Article]:
    import json

    return [Article.from_fields(**json.loads(line)) for line in article_lines(n).splitlines()]


def _indexed(path: Path, n: int) -> None:
    with Store(path) as store:
        for _ in index_articles(store, _articles(n)):
            pass


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_store_records_its_schema_version(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.version == SCHEMA_VERSION
    assert sqlite3.connect(tmp_path / "s.db").execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_first_release_store_migrates_and_repair_completes_its_indexes(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    for i, article in enumerate(_articles(12)):
        conn.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (i + 1, article.id, article.url, article.domain, article.title, None, None, article.text,
                      f"h{i}", "2017-06-15T00:00:00+00:00"))
    conn.commit()
    conn.close()
    with Store(path, readonly=True) as store:  # readable as it is, without migrating
        assert store.version == 1 and store.count() == 12
        health = check_store(store, indexers())
        assert not health.ok and any("schema version 1" in p for p in health.problems)
    with Store(path) as store:
        assert store.migrated_from == 1 and store.version == SCHEMA_VERSION
        assert not store.db.has_table("spans")
        health = check_store(store, indexers())
        assert any("provenance index covers 0 of 12" in p for p in health.problems)
        repair_store(store, indexers())
        health = check_store(store, indexers())
        assert health.ok, health.problems
        assert health.counts == {"articles": 12, "provenance": 12, "coverage": 12}
        assert store.domain_size(_articles(1)[0].domain or "") > 0  # line counts rebuilt too


def test_a_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    _indexed(path, 1)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    for readonly in (False, True):
        with pytest.raises(StoreError, match="E522.*upgrade newsift"):
            Store(path, readonly=readonly)


def test_read_only_opening_writes_nothing_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(ResourceUnavailable, match="E031"):
        Store(tmp_path / "absent" / "s.db", readonly=True)
    assert not (tmp_path / "absent").exists()
    path = tmp_path / "s.db"
    _indexed(path, 5)
    before = _digest(path)
    with Store(path, readonly=True) as store:
        assert store.count() == 5
        with pytest.raises(StoreError, match="E523"):
            store.add_article(Article(text="A new one, said the mayor."))
    assert _digest(path) == before


def test_check_search_and_stats_leave_the_store_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _indexed(path, 6)
    with Store(path) as store:  # an article the full-text index lacks: check used to add it
        store.add_article(Article.from_fields("The harbour master said the pier would close.", id="late"))
    before = _digest(path)
    article = tmp_path / "a.txt"
    article.write_text("Story number 1.\n\nThe council said the bridge closed for repair.\n")
    done = run_cli("check", str(article), "--format", "json", home=tmp_path, db=path)
    assert done.returncode == 0, done.stderr
    assert "not in the coverage index yet" in done.stdout
    for args in (("search", "bridge"), ("corpus", "stats")):
        assert run_cli(*args, home=tmp_path, db=path).returncode == 0
    assert _digest(path) == before


def test_a_busy_store_is_a_coded_error_after_the_timeout(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _indexed(path, 1)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store(path, busy_timeout=0.2) as store:
            with pytest.raises(StoreError, match="E521.*busy"):
                store.add_article(Article(text="Waiting, said the clerk."))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_file_that_is_not_a_store_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database " * 500)
    for readonly in (False, True):
        with pytest.raises(StoreError, match="E520"):
            Store(path, readonly=readonly)
    done = run_cli("corpus", "stats", home=tmp_path, db=path)
    assert done.returncode == 1 and "E520" in done.stderr and "Traceback" not in done.stderr


def test_garbage_in_the_middle_is_found_by_corpus_check(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _indexed(path, 300)
    with Store(path) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    garbage = min(256 * 1024, size // 3)  # 256 KB of garbage in the middle, as the issue found
    with path.open("r+b") as fh:
        fh.seek(size // 2 - garbage // 2)
        fh.write((bytes(range(256)) * 1024)[:garbage])
    done = run_cli("corpus", "check", home=tmp_path, db=path)
    assert done.returncode == 1 and ("integrity" in done.stdout or "E520" in done.stderr), done.stdout + done.stderr


def test_corpus_check_counts_and_repair(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _indexed(path, 8)
    assert run_cli("corpus", "check", home=tmp_path, db=path).returncode == 0
    with Store(path) as store, store.transaction() as conn:
        conn.execute("DELETE FROM provenance_fp WHERE article = 3")
        conn.execute("DELETE FROM provenance_articles WHERE article = 3")
    done = run_cli("corpus", "check", "--json", home=tmp_path, db=path)
    assert done.returncode == 1 and "provenance index covers 7 of 8" in done.stdout
    done = run_cli("corpus", "repair", home=tmp_path, db=path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert run_cli("corpus", "check", home=tmp_path, db=path).returncode == 0


@pytest.mark.parametrize("message, code", [
    ("database is locked", "E521"), ("database disk image is malformed", "E520"),
    ("file is not a database", "E520"), ("attempt to write a readonly database", "E523"),
    ("database or disk is full", "E523"), ("no such table: x", "E524"),
])
def test_every_sqlite_error_has_a_code(message: str, code: str) -> None:
    error = store_error(sqlite3.OperationalError(message), "/x.db")
    assert str(error).startswith(f"[{code}]") and "\n" not in str(error)
    assert isinstance(error, sqlite3.OperationalError)  # callers that catch SQLite errors still do
