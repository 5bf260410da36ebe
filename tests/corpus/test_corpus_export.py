"""`newsift export TABLE`: one row per finding, with offsets that point into the article's text."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsift.cli import main
from newsift.corpus.export import TABLES, flatten, table_rows

TEXT = "Mayor Ortiz said \"the bridge is closed\" on Monday. Riverside copied this line from the Ledger."


def _report():
    return {
        "article": {"id": "a1", "url": "https://x.example/1", "domain": "x.example", "title": "T",
                    "published": "2026-03-02", "source_path": "a.json", "text": TEXT},
        "notes": [], "stages": [{"name": "attribution", "status": "ran", "reason": None, "seconds": 0.1}],
        "anatomy": {"characters": 80, "shares": {"quoted": 0.2}},
        "layers": {"quotes": [{"start": 18, "end": 38, "label": "direct", "text": "the bridge is closed",
                               "cue": {"start": 12, "end": 16, "label": "cue", "text": "said"},
                               "speaker": "Elena Ortiz", "insertions": []}]},
        "sections": {
            "provenance": {"sources": [{"article_id": "b2", "domain": "y.example", "url": None, "published": None,
                                        "direction": "this copied from other", "confidence": 0.9,
                                        "shared_narrative_words": 30, "shared_quote_words": 0, "evidence": ["later"],
                                        "passages": [{"start": 51, "end": 95, "other_start": 3, "other_end": 48,
                                                      "kind": "narrative", "similarity": 1.0, "other_text": "x"}]}],
                           "quote_overlap": []},
            "coverage": {"items": [{"article_id": "c3", "domain": "z.example", "url": "u", "title": "Z",
                                    "published": None, "scores": {"text": 0.5}, "same_event": True}]},
            "sources": [{"domain": "x.example", "roles": ["article"], "rated": False, "score": None, "raters": [],
                         "summary": {"note": "unrated"}, "evidence": []}],
        },
        "signals": [],
    }


def test_quote_rows_keep_offsets_into_the_text():
    rows = list(table_rows("quotes", [_report()]))
    assert len(rows) == 1
    row = rows[0]
    assert TEXT[row["start"]:row["end"]] == row["text"]
    assert TEXT[row["cue_start"]:row["cue_end"]] == "said" and row["article_id"] == "a1"


def test_copy_rows_are_one_per_passage_with_both_offsets():
    (row,) = table_rows("copies", [_report()])
    assert row["relation"] == "copy" and row["other_article_id"] == "b2"
    assert TEXT[row["passage_start"]:row["passage_end"]].startswith("Riverside copied")
    assert row["passage_other_start"] == 3 and row["direction"] == "this copied from other"


def test_coverage_and_ratings_name_the_other_article_apart_from_this_one():
    (cov,) = table_rows("coverage", [_report()])
    assert cov["article_id"] == "a1" and cov["other_article_id"] == "c3" and cov["other_domain"] == "z.example"
    assert cov["scores_text"] == 0.5
    (rating,) = table_rows("ratings", [_report()])
    assert rating["outlet"] == "x.example" and rating["summary_note"] == "unrated"


def test_flatten_keeps_lists_as_json():
    assert flatten({"a": [1, 2], "b": {"c": 3}, "d": []}) == {"a": "[1, 2]", "b_c": 3, "d": None}


def test_export_command_writes_csv_and_parquet_and_codes_bad_lines(tmp_path, capsys):
    reports = tmp_path / "r.jsonl"
    reports.write_text(json.dumps(_report()) + "\n{broken\n" + json.dumps({"x": 1}) + "\n")
    with pytest.raises(SystemExit) as done:
        main(["export", "articles", str(reports)])
    captured = capsys.readouterr()
    assert done.value.code == 2  # the good report is written, the bad lines are named
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert [r["article_id"] for r in rows] == ["a1"] and rows[0]["stage_attribution"] == "ran"
    assert "[E008]" in captured.err and "[E404]" in captured.err
    pq = pytest.importorskip("pyarrow.parquet")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(_report()) + "\n")
    out = tmp_path / "q.parquet"
    with pytest.raises(SystemExit) as done:
        main(["export", "quotes", str(good), "-o", str(out)])
    assert done.value.code == 0
    assert pq.read_table(out).to_pylist()[0]["speaker"] == "Elena Ortiz"


def test_unknown_table_is_one_coded_line(capsys):
    with pytest.raises(SystemExit) as done:
        main(["export", "nope"])
    assert done.value.code == 2 and "[E406]" in capsys.readouterr().err
    assert set(TABLES) == {"articles", "quotes", "claims", "copies", "coverage", "ratings"}
