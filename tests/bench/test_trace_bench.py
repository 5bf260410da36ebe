"""`bench trace`: corpus trace at each worker count, in alternating rounds, beside plain processes."""

import json

import pytest

from newsift.bench.trace import loop_speedup, trace_scaling
from newsift.cli import main

ROWS = [{"a": "x", "b": "y", "is_copy": True}]


def test_rounds_alternate_the_order_and_report_medians_and_whether_every_run_agreed():
    calls = []

    def run(n):
        calls.append(n)
        return 6.0 / n, list(ROWS)

    shown = []
    result = trace_scaling(run, (1, 2), rounds=3, iterations=20_000, each_round=shown.append)
    assert calls == [1, 2, 2, 1, 1, 2]  # a drift in the machine's speed falls on both counts
    assert result["same_relations"] and result["relations"] == 1
    assert [r["speedup"] for r in result["rounds"]] == [2.0, 2.0, 2.0]
    median = result["median"]
    assert median["speedup"] == 2.0 and median["loops"] > 0
    assert shown == result["rounds"]  # each round shown as it ends

    def changing(n):
        return 1.0, ROWS if n == 1 else []

    assert not trace_scaling(changing, (1, 2), rounds=1, iterations=20_000)["same_relations"]


def test_the_loop_speedup_is_the_processes_times_one_loops_time_over_theirs():
    probe = loop_speedup(2, 300_000, first=2)
    assert probe["one_s"] > 0 and probe["2_s"] > 0
    assert probe["speedup"] == pytest.approx(2 * probe["one_s"] / probe["2_s"], abs=0.05)  # times are rounded


def test_bench_trace_command_on_the_examples(examples_db, capsys):
    with pytest.raises(SystemExit) as done:
        main(["--db", examples_db, "bench", "trace", "--rounds", "1", "--partitions", "2"])
    out = capsys.readouterr().out.strip().splitlines()
    assert done.value.code == 0
    result = json.loads(out[-1])
    assert result["same_relations"] and result["relations"] >= 1
    assert set(result["rounds"][0]) == {"workers_1_s", "workers_2_s", "speedup", "loops"}
    assert any(line.startswith("median    2 vs 1:") for line in out)


@pytest.mark.parametrize("args", [["--rounds", "0"], ["--workers", "two"], ["--workers", "0,2"]])
def test_bench_trace_bad_options_are_one_coded_line(tmp_path, capsys, args):
    with pytest.raises(SystemExit) as done:
        main(["--db", str(tmp_path / "none.db"), "bench", "trace", *args])
    err = capsys.readouterr().err.strip().splitlines()
    assert done.value.code == 2 and len(err) == 1 and err[0].startswith("newsift:")
