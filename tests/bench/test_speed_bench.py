import json

import pytest

from newsift.cli import main


def test_bench_speed_reports_rates_memory_and_cold_start(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Bridge Closed\n\nBridge Closed\n\nThe mayor closed the bridge on Monday, officials said.\n")
    with pytest.raises(SystemExit) as status:
        main(["--db", str(tmp_path / "x.db"), "bench", "speed", str(article), "--repeat", "2", "--stages",
              "cleaning"])
    out = capsys.readouterr().out
    result = json.loads(out.strip().splitlines()[-1])  # the JSON object is the last line
    assert status.value.code == 0
    assert result["articles"] == 2 and result["articles_per_s"] > 0
    assert result["cold_first_report_s"] > result["cold_import_s"] > 0
    assert result["peak_rss_mb"] > 0 and "cleaning" in result["per_stage_ms"]


def test_commands_tune_the_collector_and_the_bench_can_keep_pythons(tmp_path, capsys):
    import gc

    from newsift.runtime import GC_THRESHOLD, _PYTHON_THRESHOLDS

    article = tmp_path / "a.txt"
    article.write_text("The mayor closed the bridge on Monday, officials said.\n")
    args = ["--db", str(tmp_path / "x.db"), "bench", "speed", str(article), "--repeat", "1", "--stages", "cleaning"]
    before = gc.get_threshold()
    try:
        for extra, thresholds in (([], (GC_THRESHOLD, 50, 100)), (["--python-gc"], _PYTHON_THRESHOLDS)):
            with pytest.raises(SystemExit):
                main(args + extra)
            assert f"gc thresholds             {thresholds}" in capsys.readouterr().out.splitlines()
    finally:
        gc.set_threshold(*before)
