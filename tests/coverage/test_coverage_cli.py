"""`newsift search`, `newsift corpus reindex` and `newsift bench coverage`: parse, call, format; bad input exits 2."""

import json

import pytest

from newsift.cli import main
from newsift.store import Store

from shared_data import DATA, EXAMPLES, need


def _run(capsys, *argv):
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


@pytest.fixture
def example_db(db_path, capsys):
    code, _, _ = _run(capsys, "--db", db_path, "index", *map(str, sorted(EXAMPLES.glob("*.json"))))
    assert code == 0
    return db_path


def test_search_prints_hits_and_json(example_db, capsys):
    code, out, _ = _run(capsys, "--db", example_db, "search", "Ortiz", "bridge", "--since", "2026-03-01")
    assert code == 0 and "countyherald.example" in out and "metrotimes" not in out
    code, out, _ = _run(capsys, "--db", example_db, "search", "bridge", "--domain", "metrotimes.example", "--format", "json")
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [h["domain"] for h in hits] == ["metrotimes.example"]


def test_search_bad_date_is_one_line_and_exit_2(example_db, capsys):
    code, out, err = _run(capsys, "--db", example_db, "search", "bridge", "--until", "soon")
    assert code == 2 and "E300" in err and len(err.strip().splitlines()) == 1


def test_search_without_store_exits_cleanly(tmp_path, capsys):
    code, _, err = _run(capsys, "--db", str(tmp_path / "none.db"), "search", "bridge")
    assert code != 0 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_corpus_reindex_backfills(db_path, capsys):
    with Store(db_path) as store:
        from newsift.readers import read_path

        for article in read_path(str(EXAMPLES / "county-herald-bridge-closure.json")):
            store.add_article(article)
    code, out, _ = _run(capsys, "--db", db_path, "corpus", "reindex")
    assert code == 0 and "added 1" in out


def test_bench_sizes_are_checked(capsys):
    code, _, err = _run(capsys, "bench", "coverage", "--sizes", "ten")
    assert code == 2 and "E151" in err


@pytest.mark.integration
def test_bench_coverage_tiny(capsys):
    need(DATA / "coverage" / "wikiref220")
    code, out, _ = _run(capsys, "bench", "coverage", "--sizes", "250,400", "--queries", "40")
    result = json.loads(out.strip().splitlines()[-1])
    assert code == 0 and [r["size"] for r in result["sizes"]] == [250, 400]
    for row in result["sizes"]:
        assert row["queries"] == 40
        assert row["precision_at_5"] >= 0.8  # pinned floor (full figures in docs/coverage.md)
        assert 0 < row["recall_at_10"] <= row["recall_at_10_of_10"] <= 1


def test_newsift_index_fills_the_coverage_index(example_db, capsys):
    from newsift.coverage import missing_count
    from newsift.coverage._index import index_summary

    with Store(example_db) as store:
        assert index_summary(store) == {"articles": 4, "missing": 0}
        assert missing_count(store) == 0


@pytest.mark.parametrize("argv", [["corpus", "stats"], ["corpus", "check"], ["search", "bridge"]])
def test_printing_commands_take_format_json(example_db, capsys, argv):
    code, out, _ = _run(capsys, "--db", example_db, *argv, "--format", "json")
    assert code == 0
    assert all(json.loads(line) is not None for line in out.splitlines() if line.strip())
    code, _, err = _run(capsys, "--db", example_db, *argv, "--format", "yaml")
    assert code == 2 and "yaml" in err
