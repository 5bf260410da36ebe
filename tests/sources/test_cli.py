"""`newsift sources show|update` and `newsift bench sources`."""

import json

import pytest

from newsift.cli import main

pytestmark = pytest.mark.integration


def run(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.mark.parametrize("domain", ["freebeacon.com", "politico.com"])
def test_show_lists_each_raters_label_and_a_summary_score(ratings_db, domain, capsys):
    code, out, _ = run(["--db", ratings_db, "sources", "show", domain], capsys)
    assert code == 0 and "summary score: 0." in out
    for rater in ("lin2023", "mbfc", "idiap-golden", "baly2018"):
        assert rater in out


def test_show_unrated_never_guesses(ratings_db, capsys):
    code, out, _ = run(["--db", ratings_db, "sources", "show", "dailywesterner.com", "--format", "json"], capsys)
    result = json.loads(out)
    assert code == 0 and result["rated"] is False and result["score"] is None


def test_show_bad_input_and_missing_ratings(ratings_db, tmp_path, capsys):
    code, _, err = run(["--db", ratings_db, "sources", "show", "not a domain"], capsys)
    assert code == 2 and "E204" in err and "Traceback" not in err
    code, _, err = run(["--db", str(tmp_path / "none.db"), "sources", "show", "politico.com"], capsys)
    assert code == 2 and "newsift sources update" in err


def test_update_from_a_url(sources_url, tmp_path, capsys):
    code, out, _ = run(["--db", str(tmp_path / "u.db"), "sources", "update", "--from", sources_url,
                        "--only", "baly2018,newsguard"], capsys)
    assert code == 0 and "baly2018" in out and "distinct domains" in out


def test_bench_prints_a_table_and_json_last(ratings_db, capsys):
    code, out, _ = run(["--db", ratings_db, "bench", "sources", "--lookups", "200"], capsys)
    result = json.loads(out.strip().splitlines()[-1])
    assert code == 0 and result["coverage"]["distinct_domains"] >= 15000
    assert result["meets_targets"] == {"distinct_domains": True, "lookup_ms_p95": True}
    assert any(p["a"] == "lin2023" or p["b"] == "lin2023" for p in result["agreement"])


def test_check_with_url_names_the_seed_domain_unrated(ratings_db, seed_path, capsys):
    url = "http://dailywesterner.com/news/putin-trolls-comey"
    code, out, _ = run(["--db", ratings_db, "check", str(seed_path), "--url", url, "--format", "json",
                        "--stages", "cleaning,sources"], capsys)
    own = json.loads(out)["sections"]["sources"][0]
    assert code == 0 and own["domain"] == "dailywesterner.com" and own["rated"] is False and own["score"] is None
