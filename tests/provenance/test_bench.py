"""``newsift bench provenance`` at tiny sizes, and its input errors."""

import json
from pathlib import Path

import pytest

from newsift.cli import main

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.mark.integration
def test_tiny_benchmark_prints_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not (DATA / "articles" / "buzzfeed-webis-2016").exists():
        pytest.skip("shared data not available")
    code, out, _ = run(["bench", "provenance", "--sizes", "150,300", "--cases", "12", "--seed", "3",
                        "--workdir", str(tmp_path)], capsys)
    assert code == 0
    result = json.loads(out.strip().splitlines()[-1])
    small, large = result["sizes"]
    assert (small["stored_articles"], large["stored_articles"]) == (150, 300)
    assert small["alignment_f1"] >= 0.9 and small["source_accuracy"] >= 0.8
    assert small["direction_accuracy"] >= 0.75
    assert large["index_bytes_per_article"] < 4000 and large["query_p95_ms"] > 0
    assert large["fingerprint_index_articles_per_s"] > 0 and large["store_articles_per_s"] > 0
    assert not list(tmp_path.iterdir())  # the temporary store is removed


def test_bad_sizes_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["bench", "provenance", "--sizes", "10k"], capsys)
    assert code == 2 and "[E151]" in err and "Traceback" not in err


def test_missing_data_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["bench", "provenance", "--data", str(tmp_path), "--sizes", "10"], capsys)
    assert code == 2 and "[E152]" in err
