"""Domains: archived and AMP copies stand for the page they copied; ratings by full host first."""

import pytest

from newsift.domains import host_chain, host_of, normalize_domain, original_url

from shared_data import DATA, need


@pytest.mark.parametrize("url, original", [
    ("https://web.archive.org/web/20161001000000/http://abcnews.go.com/Politics/x?id=1",
     "http://abcnews.go.com/Politics/x?id=1"),
    ("https://web.archive.org/web/20160101/http%3A%2F%2Fwww.nytimes.com%2Fx", "http://www.nytimes.com/x"),
    ("https://archive.ph/2020.01.01-123456/https://www.politico.com/story/x", "https://www.politico.com/story/x"),
    ("https://www-theguardian-com.cdn.ampproject.org/c/s/www.theguardian.com/world/x",
     "https://www.theguardian.com/world/x"),
    ("https://www.google.com/amp/s/edition.cnn.com/x.amp", "https://edition.cnn.com/x.amp"),
    ("https://web.archive.org/web/2016/https://www.google.com/amp/s/www.bbc.co.uk/news/x",
     "https://www.bbc.co.uk/news/x"),
])
def test_archive_and_amp_urls_give_the_original(url, original):
    assert original_url(url) == original
    assert host_of(url) == host_of(original)


def test_unrecoverable_archive_urls_stay_what_they_are():
    assert original_url("https://archive.ph/AbCd1") == "https://archive.ph/AbCd1"
    assert normalize_domain("https://archive.org/details/some-book") == "archive.org"


def test_full_host_comes_before_the_registered_domain():
    assert host_chain("http://abcnews.go.com/Politics/x") == ["abcnews.go.com", "go.com"]
    assert host_chain("https://web.archive.org/web/2016/http://abcnews.go.com/x")[0] == "abcnews.go.com"


@pytest.mark.integration
def test_abc_news_is_rated_as_itself_not_as_go_com(tmp_path):
    from newsift.settings import Options
    from newsift.sources import update_sources
    from newsift.sources.rate import rate_domain
    from newsift.store import Store

    folder = need(DATA / "sources")
    with Store(tmp_path / "r.db") as store:
        update_sources(store, Options(db=str(tmp_path / "r.db")), origin=str(folder), names=["newsguard"])
        rated = rate_domain(store, "http://abcnews.go.com/Politics/story?id=42176433")
        assert rated["matched"] == "abcnews.go.com" and rated["score"] is not None
        archived = rate_domain(store, "https://web.archive.org/web/2016/http://abcnews.go.com/Politics/x")
        assert archived["matched"] == "abcnews.go.com"
