"""The coverage index: filled at `newsift index` time, backfilled for older articles; search."""

import pytest

from newsift.coverage import backfill, missing_count, search
from newsift.errors import InputError
from newsift.indexing import index_articles
from newsift.stages import indexers
from newsift.model import Article
from newsift.store import Store


def _articles():
    return [
        Article(text="Mayor Elena Ortiz closed the Old Mill Bridge after inspectors found corrosion.",
                id="a", url="https://ledger.example/a", domain="ledger.example", title="Bridge closed",
                published="2026-03-02"),
        Article(text="The Route 9 bridge reopened after repaving, said Sam Okafor.",
                id="b", url="https://metro.example/b", domain="metro.example", title="Route 9 reopens",
                published="2026-01-16"),
        Article(text="Corrosion closed another bridge in a town upriver, engineers said.",
                id="c", domain="wire.example", title="Another bridge", published="2026-03-05"),
    ]


def test_indexer_is_registered_and_fills_the_index(db_path):
    assert "coverage" in {ix.name for ix in indexers()}
    with Store(db_path) as store:
        list(index_articles(store, _articles()))
        assert missing_count(store) == 0
        assert [h["article_id"] for h in search(store, "Ortiz")] == ["a"]


def test_backfill_adds_articles_stored_before_the_indexer(db_path):
    with Store(db_path) as store:
        for article in _articles():
            store.add_article(article)  # no indexers ran
        assert missing_count(store) == 3
        assert backfill(store) == 3
        assert backfill(store) == 0
        assert missing_count(store) == 0


def test_search_filters_by_domain_and_dates(db_path):
    with Store(db_path) as store:
        list(index_articles(store, _articles()))
        assert {h["article_id"] for h in search(store, "bridge")} == {"a", "b", "c"}
        assert [h["article_id"] for h in search(store, "bridge", domain="https://www.metro.example/x")] == ["b"]
        assert {h["article_id"] for h in search(store, "bridge", since="2026-03-01")} == {"a", "c"}
        assert [h["article_id"] for h in search(store, "bridge", since="2026-03-01", until="2026-03-03")] == ["a"]
        assert [h["article_id"] for h in search(store, '"Old Mill Bridge"')] == ["a"]
        assert {h["article_id"] for h in search(store, "Okafor OR Ortiz")} == {"a", "b"}
        hit = search(store, "corrosion", limit=1)[0]
        assert "[" in hit["snippet"] and hit["score"] >= 0


def test_search_rejects_bad_input(db_path):
    with Store(db_path) as store:
        with pytest.raises(InputError, match="E300"):
            search(store, "bridge", since="March")
        with pytest.raises(InputError, match="E301"):
            search(store, "  -- ")
        # operators and quotes in user text are words, not FTS5 syntax errors
        assert search(store, 'bridge AND "NOT" (') == []
