"""Same-event retrieval and the coverage section, on hand-built stores."""

from newsift.coverage import CoverageParams, QuoteText, RetrievalParams, coverage_section, find_related
from newsift.indexing import index_articles
from newsift.model import Article
from newsift.store import Store

EVENT = ("Mayor Elena Ortiz closed the Old Mill Bridge over the Calder River on Monday after inspectors from the "
         "State Department of Transportation found corroded beams. Engineer Marcus Bell said repairs would cost "
         "$12.5 million. \"We will not gamble with people's lives,\" Ortiz said.")


def _store(path, extra=()):
    articles = [
        Article(text=EVENT, id="query", domain="query.example", title="Old Mill Bridge closed",
                published="2026-03-02"),
        Article(text=("The Old Mill Bridge was shut by Mayor Elena Ortiz on Monday. Inspectors from the State "
                      "Department of Transportation found the Calder River crossing's beams corroded. "
                      "\"We are not going to gamble with anybody's life,\" Ortiz told the paper. Ruth Engel "
                      "said the county offered to pay in 2021."),
                id="same-day", domain="herald.example", title="Calder River crossing shut", published="2026-03-02"),
        Article(text=("The Route 9 bridge over the Calder River reopened after repaving, said Sam Okafor. Mayor "
                      "Elena Ortiz thanked drivers for their patience."),
                id="january", domain="metro.example", title="Route 9 bridge reopens", published="2026-01-16"),
        Article(text="The city council approved a budget for parks and libraries on Tuesday, said Ann Lee.",
                id="unrelated", domain="council.example", title="Budget approved", published="2026-03-03"),
        *extra,
    ]
    store = Store(path)
    list(index_articles(store, articles))
    return store, articles[0]


def test_same_day_report_ranks_above_a_different_event(db_path):
    store, query = _store(db_path)
    found = find_related(store, query, RetrievalParams(min_relevance=0.0))
    ids = [c.doc.id for c in found]
    assert "query" not in ids  # the article itself is excluded
    assert ids[0] == "same-day"
    assert ids.index("same-day") < ids.index("january")
    top = found[0]
    assert top.same_event and top.days_apart == 0 and "elena ortiz" in top.shared_entities
    january = found[ids.index("january")]
    assert not january.same_event and january.date_factor < 1.0


def test_undated_articles_are_neither_favoured_nor_dropped(db_path):
    store, query = _store(db_path)
    query.published = None
    found = find_related(store, query, RetrievalParams(min_relevance=0.0))
    assert {c.days_apart for c in found} == {None}
    assert found[0].doc.id == "same-day"


def test_reranker_is_blended_in(db_path):
    class Fake:
        def similarities(self, query, texts):
            return [1.0 if "Route 9" in t else 0.0 for t in texts]

    store, query = _store(db_path)
    plain = {c.doc.id: c.relevance for c in find_related(store, query, RetrievalParams(min_relevance=0.0))}
    blended = {c.doc.id: c for c in find_related(store, query, RetrievalParams(min_relevance=0.0), Fake())}
    assert blended["january"].semantic == 1.0
    assert blended["january"].relevance > plain["january"] * 0.7
    assert blended["same-day"].relevance < plain["same-day"]


def _quotes(text):
    start = text.index("We will")
    return [QuoteText(start, start + len("We will not gamble with people's lives,"),
                      "We will not gamble with people's lives,")]


def test_section_marks_provenance_copies_and_orders_by_rating(db_path):
    copy = Article(text=EVENT + " Share this.", id="copy", domain="copier.example", title="Bridge closed!",
                   published="2026-03-02")
    store, query = _store(db_path, [copy])
    provenance = {"sources": [{"article_id": "copy", "direction": "other copied this", "confidence": 0.9}]}
    ratings = {"herald.example": {"score": 0.9, "raters": [{}], "summary": "high"}}
    section = coverage_section(store, query, _quotes(query.text), provenance, CoverageParams(),
                               rate=lambda d: ratings.get(d))
    items = section["items"]
    assert items[0]["article_id"] == "same-day" and not items[0]["copy"]
    assert items[0]["rating"]["score"] == 0.9
    copied = next(it for it in items if it["article_id"] == "copy")
    assert copied["copy"] and copied["copy_evidence"]["by"] == "provenance"
    assert items.index(copied) == 1  # copies follow independent reports of the same event
    assert section["independent"] >= 1 and section["copies"] == 1
    assert "Ruth Engel" in items[0]["adds"]["people"]
    assert "$12.5 million" in items[0]["omits"]["numbers"]


def test_section_without_provenance_finds_copies_by_shared_passages(db_path):
    copy = Article(text=EVENT + " Share this.", id="copy", domain="copier.example", published="2026-03-02")
    store, query = _store(db_path, [copy])
    section = coverage_section(store, query, _quotes(query.text), None, rate=lambda d: None)
    copied = next(it for it in section["items"] if it["article_id"] == "copy")
    assert copied["copy"] and copied["copy_evidence"]["by"] == "shared_passages"
    assert any("provenance did not run" in n for n in section["notes"])
    row = section["quote_fidelity"][0]
    herald = next(v for v in row["versions"] if v["article_id"] == "same-day")
    assert not herald["identical"] and row["differs"]


def test_missing_ratings_area_degrades_to_none(db_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "newsift.sources", None)  # as if the sources area were absent
    store, query = _store(db_path)
    section = coverage_section(store, query, [], None)
    assert all(it["rating"] is None for it in section["items"])
    assert any("ratings unavailable" in n for n in section["notes"])


def test_empty_store_gives_no_items(db_path):
    store = Store(db_path)
    section = coverage_section(store, Article(text=EVENT, id="q"), [], None, rate=lambda d: None)
    assert section["items"] == [] and section["store_articles"] == 0


def test_no_ratings_loaded_is_noted(db_path):
    store, query = _store(db_path)
    section = coverage_section(store, query, [], {"sources": []}, rate=lambda d: None)
    assert section["items"] and any("no outlet ratings" in n for n in section["notes"])


def test_section_rates_each_report_by_its_full_url_and_says_why_it_is_the_same_event(db_path):
    store, query = _store(db_path)
    asked = []
    section = coverage_section(store, query, _quotes(query.text), None, rate=lambda d: asked.append(d))
    same_day = next(it for it in section["items"] if it["article_id"] == "same-day")
    assert same_day["same_event"] and not same_day["date_unknown"]
    assert same_day["event_evidence"]["reason"].startswith("within the window")
    january = next(it for it in section["items"] if it["article_id"] == "january")
    assert not january["same_event"] and "outside" in january["event_evidence"]["reason"]
    assert "herald.example" in asked  # no URL stored: the domain is asked


def test_section_is_byte_identical_whatever_the_hash_seed(db_path):
    import json
    import os
    import subprocess
    import sys

    _store(db_path)[0].close()
    code = ("import json, sys; sys.path.insert(0, %r); from test_coverage_retrieval import _quotes;"
            "from newsift.coverage import coverage_section; from newsift.store import Store;"
            "s = Store(%r); q = s.get('query'); q.published = None;"
            "print(json.dumps(coverage_section(s, q, _quotes(q.text), None, rate=lambda d: None), default=str,"
            " sort_keys=True))") % (os.path.dirname(__file__), db_path)
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outs) == 1 and json.loads(outs.pop())["items"]
