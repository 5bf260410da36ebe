"""Stored reports prepared once per store state: the same section as without the table, and dropped on change."""

from newsift.coverage import coverage_section
from newsift.coverage._cache import stored_sides
from newsift.coverage._compare import focus_of, other_of, side_of, stored_of
from newsift.coverage._entities import names_from_text, names_of_mentions, text_mentions
from newsift.indexing import index_articles
from newsift.model import Article
from newsift.store import Store

EVENT = ("Mayor Elena Ortiz closed the Old Mill Bridge over the Calder River on Monday after inspectors from the "
         "State Department of Transportation found corroded beams. Engineer Marcus Bell said repairs would cost "
         "$12.5 million. \"We will not gamble with people's lives,\" Ortiz said.")
REPORT = ("The Old Mill Bridge was shut by Mayor Elena Ortiz on Monday. Inspectors from the State Department of "
          "Transportation found the Calder River crossing's beams corroded. \"We are not going to gamble with "
          "anybody's life,\" Ortiz told the paper. Ruth Engel said the county offered to pay in 2021.")


def _articles():
    return [Article(text=EVENT, id="query", domain="query.example", title="Old Mill Bridge closed",
                    published="2026-03-02"),
            Article(text=REPORT, id="herald", domain="herald.example", title="Calder River crossing shut",
                    published="2026-03-02")]


def test_a_stored_report_is_prepared_once_and_gives_the_same_section(db_path):
    store = Store(db_path)
    articles = _articles()
    list(index_articles(store, articles))
    query = Article(text=EVENT + " Traffic was diverted.", id="q2", domain="other.example", published="2026-03-02")
    first = coverage_section(store, query, [], None, rate=lambda d: None)
    sides = stored_sides(store)
    misses = sides.misses
    again = coverage_section(store, query, [], None, rate=lambda d: None)
    assert again == first and first["items"]
    assert sides.misses == misses and sides.hits >= len(first["items"])


def test_the_table_is_dropped_when_the_store_changes(db_path):
    store = Store(db_path)
    list(index_articles(store, _articles()[:1]))
    query = Article(text=EVENT + " Traffic was diverted.", id="q2", domain="other.example", published="2026-03-02")
    before = coverage_section(store, query, [], None, rate=lambda d: None)
    misses = stored_sides(store).misses
    list(index_articles(store, _articles()[1:]))  # a write on this connection: total_changes moves
    after = coverage_section(store, query, [], None, rate=lambda d: None)
    ids = lambda section: {it["article_id"] for it in section["items"]}  # noqa: E731
    assert "herald" not in ids(before) and {"query", "herald"} <= ids(after)
    assert stored_sides(store).misses - misses == len(after["items"])  # the report kept before is prepared again
    assert after["store_articles"] == before["store_articles"] + 1


def test_stored_side_with_the_checked_articles_names_equals_the_direct_one():
    focus = focus_of(Article(text=EVENT), [])
    other = Article(text=REPORT, id="herald")
    direct = other_of(other, [], [], focus.names)
    prepared = stored_of(other, [], [])
    twice = [side_of(prepared, focus.names), side_of(prepared, focus.names)]
    for side in twice:
        assert side.names.display == direct.names.display and side.names.people == direct.names.people
        assert side.names.ordered() == direct.names.ordered() and side.names.terms(20) == direct.names.terms(20)
        assert side.narrative == direct.narrative and side.figures == direct.figures
    text_names = names_from_text(REPORT, [], [], focus.names)
    again = names_of_mentions(text_mentions(REPORT, [], []), focus.names)
    assert list(text_names.counts.items()) == list(again.counts.items())
    assert text_names.quoted_only == again.quoted_only
