import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsift.cli import main
from newsift.schema import report_schema

ROOT = Path(__file__).resolve().parents[2]


def run(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.fixture(scope="module")
def seed_report(seed_path, tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "absent.db"
    out = subprocess.run([sys.executable, "-m", "newsift", "--db", str(db), "check", str(seed_path), "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_seed_text_is_kept_byte_for_byte(seed_report, seed_path):
    assert seed_report["article"]["text"].encode("utf-8") == seed_path.read_bytes()


def test_seed_report_validates_against_schema(seed_report):
    jsonschema.validate(seed_report, report_schema())


def test_seed_spans_index_the_text(seed_report):
    text = seed_report["article"]["text"]
    for spans in seed_report["layers"].values():
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]


def test_seed_cleaning_and_body_sentences(seed_report):
    cleaning = seed_report["layers"]["cleaning"]
    assert [s["label"] for s in cleaning[:2]] == ["title", "repeated_title"]
    furniture = [s for s in cleaning if s["label"] == "boilerplate"]
    assert [s["text"][:20] for s in furniture] == ["Putin Urges US Busin", "If you haven’t check", "Start the Discussion"]
    body_start, body_end = cleaning[1]["end"], furniture[0]["start"]
    for s in furniture:
        assert not (body_start < s["start"] < body_end)
    shares = seed_report["anatomy"]["shares"]
    assert shares["boilerplate"] < 0.1 and shares["body"] > 0.8


def test_schema_command_prints_the_schema(capsys):
    code, out, _ = run(["schema"], capsys)
    assert code == 0 and json.loads(out)["title"] == "newsift report"


def test_text_and_html_formats(seed_path, tmp_path, capsys):
    code, out, _ = run(["--db", str(tmp_path / "x.db"), "check", str(seed_path)], capsys)
    assert code == 0 and "Anatomy" in out and "comment_prompt" in out
    html_path = tmp_path / "r.html"
    code, _, _ = run(["--db", str(tmp_path / "x.db"), "check", str(seed_path), "--format", "html", "-o", str(html_path)],
                     capsys)
    page = html_path.read_text()
    assert code == 0 and page.startswith("<!DOCTYPE html>") and 'class="m fu' in page and 'id="summary"' in page
    assert "<script src" not in page and "<link" not in page  # self-contained


def test_several_inputs_give_jsonl_and_broken_lines_are_reported(tmp_path, capsys):
    (tmp_path / "a.jsonl").write_text('{"text": "The mayor said taxes rose."}\n{oops\n{"text": "Second."}\n')
    (tmp_path / "b.txt").write_text("Third article text.")
    code, out, err = run(["--db", str(tmp_path / "x.db"), "check", str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")],
                         capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 3
    assert "line 2" in err and err.count("[E") == 1 and "3 articles, 1 failed" in err
    code, _, _ = run(["--db", str(tmp_path / "x.db"), "check", "--strict", str(tmp_path / "a.jsonl")], capsys)
    assert code == 2


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("empty.txt", b"", "E002"),
        ("space.txt", b" \n \n", "E003"),
        ("binary.txt", bytes(range(256)) * 20, "E004"),
        ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "E006"),
        ("notext.json", b'{"title": "t"}', "E007"),
        ("weird.pdf", b"%PDF-1.4", "E012"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, name, content, code):
    (tmp_path / name).write_bytes(content)
    status, out, err = run(["--db", str(tmp_path / "x.db"), "check", str(tmp_path / name)], capsys)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and code in err and "Traceback" not in err


def test_missing_file_and_bad_option_exit_2_without_traceback(tmp_path):
    for argv in (["check", str(tmp_path / "nope.txt")], ["check", "--format", "pdf", "x.txt"], ["check"]):
        proc = subprocess.run([sys.executable, "-m", "newsift", *argv], capture_output=True, text=True)
        assert proc.returncode == 2, argv
        assert "Traceback" not in proc.stderr and proc.stderr.strip().count("\n") == 0


def test_url_option_sets_domain(seed_path, tmp_path, capsys):
    code, out, _ = run(["--db", str(tmp_path / "x.db"), "check", str(seed_path), "--format", "json",
                        "--url", "http://www.dailywesterner.com/news/putin-comey"], capsys)
    assert json.loads(out)["article"]["domain"] == "dailywesterner.com"


def test_examples_check(tmp_path, capsys):
    examples = sorted(str(p) for p in (ROOT / "examples").glob("*.json"))
    code, out, _ = run(["--db", str(tmp_path / "x.db"), "check", *examples, "--format", "jsonl"], capsys)
    reports = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(reports) == len(examples) >= 4
    valley = next(r for r in reports if r["article"]["domain"] == "valleywire.example")
    assert [s["label"] for s in valley["layers"]["cleaning"][:2]] == ["title", "repeated_title"]
