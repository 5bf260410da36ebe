"""The `sources` stage in `check`: the article's own domain first, provenance and credited outlets after."""

import json

import jsonschema
import pytest

import newsift
from newsift.model import Article
from newsift.readers import read_path
from newsift.schema import report_schema
from newsift.settings import Options
from newsift.store import Store

pytestmark = pytest.mark.integration

SEED_URL = "http://dailywesterner.com/news/putin-trolls-comey-offering-him-asylum"


@pytest.fixture(scope="module")
def analyzer(ratings_db):
    an = newsift.Analyzer(Options(db=ratings_db), stages=["cleaning", "language", "sources"])
    yield an
    an.close()


def _sources(report):
    record = next(s for s in report.stages if s.name == "sources")
    assert record.status == "ran", record.reason
    return report.sections["sources"]


def test_seed_with_url_names_its_domain_unrated(analyzer, seed_path):
    article = next(read_path(str(seed_path)))
    report = analyzer.analyze(Article(text=article.text, url=SEED_URL))
    own = _sources(report)[0]
    assert own["domain"] == "dailywesterner.com" and own["roles"] == ["article"]
    assert own["rated"] is False and own["score"] is None and "unrated" in own["summary"]["note"]
    jsonschema.validate(report.to_dict(), report_schema())


def test_seed_json_carrying_its_url(analyzer, seed_path, tmp_path):
    path = tmp_path / "seed.json"
    path.write_text(json.dumps({"text": seed_path.read_text(encoding="utf-8"), "url": SEED_URL}))
    report = analyzer.analyze(next(read_path(str(path))))
    assert _sources(report)[0]["domain"] == "dailywesterner.com" and _sources(report)[0]["score"] is None


def test_credited_outlets_follow_with_evidence(analyzer):
    text = ("Officials met on Monday.\n\nPolitico reported that the deal was off. "
            "According to The Washington Post, talks resume next week.")
    report = analyzer.analyze(Article(text=text, url="https://www.freebeacon.com/politics/x/"))
    entries = _sources(report)
    assert [e["domain"] for e in entries] == ["freebeacon.com", "politico.com", "washingtonpost.com"]
    assert entries[0]["rated"] and entries[0]["score"] is not None
    credit = entries[1]["evidence"][0]
    assert text[credit["start"]:credit["end"]] == "Politico reported"
    assert [text[s.start:s.end] for s in report.spans("sources")] == ["Politico reported",
                                                                      "According to The Washington Post"]


def test_provenance_outlets_and_what_an_unrated_outlet_copies(analyzer):
    article = Article(text="Some text.", url="http://dailywesterner.com/a")
    report = newsift.Report(article=article)
    report.sections["provenance"] = {"sources": [
        {"article_id": "x1", "domain": "politico.com", "url": "https://www.politico.com/story/1",
         "direction": "this copied from other"}]}
    analyzer.pipeline._run_stage(analyzer.pipeline.stage("sources"), report)
    own, source = _sources(report)
    assert own["copies_from"] == [{"domain": "politico.com", "score": source["score"], "rated": True,
                                   "n_raters": len(source["raters"])}]
    assert source["roles"] == ["provenance"]


def test_article_without_a_domain_says_so(analyzer):
    own = _sources(analyzer.analyze("Just some text with no address."))[0]
    assert own["domain"] is None and own["score"] is None and "--url" in own["summary"]["note"]


def test_skipped_with_the_command_to_run_when_no_ratings(tmp_path):
    for db in (tmp_path / "absent.db", tmp_path / "empty.db"):
        if db.name == "empty.db":
            Store(str(db)).close()
        an = newsift.Analyzer(Options(db=str(db)), stages=["cleaning", "sources"])
        report = an.analyze("Politico reported it.")
        record = next(s for s in report.stages if s.name == "sources")
        assert record.status == "skipped" and "newsift sources update" in record.reason
        an.close()
