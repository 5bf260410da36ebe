"""Corpus input on the command line: folders, named columns and `check --id`."""

from __future__ import annotations

import json

import pytest

from newsift.cli import main
from shared_data import DATA, EXAMPLES, need


def _run(args, capsys):
    with pytest.raises(SystemExit) as done:
        main(args)
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


def test_check_by_stored_id_and_unknown_id(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    assert _run(["--db", db, "index", str(EXAMPLES)], capsys)[0] == 0
    code, out, err = _run(["--db", db, "check", "--id", "valley-wire-2026-03-02-bridge", "--id", "missing",
                           "--stages", "cleaning", "--format", "jsonl"], capsys)
    assert code == 0  # one report, one coded line for the unknown id (exit 2 with --strict)
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["valley-wire-2026-03-02-bridge"]
    assert "[E403]" in err


def test_check_reads_a_folder_recursively(tmp_path, capsys):
    (tmp_path / "in" / "deep").mkdir(parents=True)
    for i, path in enumerate(sorted(EXAMPLES.glob("*.json"))[:2]):
        (tmp_path / "in" / ("deep" if i else "") / path.name).write_bytes(path.read_bytes())
    code, out, _ = _run(["--db", str(tmp_path / "none.db"), "check", str(tmp_path / "in"), "--stages", "cleaning"],
                        capsys)
    assert code == 0 and len(out.splitlines()) == 2  # a folder is many articles: jsonl


@pytest.mark.integration
def test_fakenewscorpus_content_column(tmp_path, capsys):
    sample = need(DATA / "articles" / "fakenewscorpus-sample" / "news_sample.csv")
    code, out, err = _run(["--db", str(tmp_path / "s.db"), "index", str(sample), "--text-column", "content"],
                          capsys)
    assert code == 0, err
    assert out.startswith("added ") and int(out.split()[1].rstrip(",")) > 100
    code, _, err = _run(["--db", str(tmp_path / "s.db"), "index", str(sample)], capsys)
    assert code == 2 and "[E011]" in err or "[E401]" in err
