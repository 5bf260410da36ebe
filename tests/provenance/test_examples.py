"""The project's examples: valleywire copied riversideledger; countyherald only shares a quote."""

import json
from pathlib import Path

import jsonschema
import pytest

from newsift.cli import main
from newsift.schema import report_schema

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
VALLEY = EXAMPLES / "valley-wire-bridge-closure.json"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.fixture
def example_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    if not VALLEY.exists():
        pytest.skip("examples not written yet")
    db = str(tmp_path / "store.db")
    code, out, _ = run(["--db", db, "index", *map(str, sorted(EXAMPLES.glob("*.json")))], capsys)
    assert code == 0 and "added" in out
    return db


def test_valleywire_copied_riversideledger(example_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--db", example_db, "check", str(VALLEY), "--format", "json"], capsys)
    assert code == 0
    report = json.loads(out)
    jsonschema.validate(report, report_schema())
    section = report["sections"]["provenance"]
    assert section["store_articles"] == len(list(EXAMPLES.glob("*.json"))) - 1  # itself excluded
    [source] = section["sources"]
    assert source["domain"] == "riversideledger.example"
    assert source["direction"] == "this copied from other" and source["confidence"] >= 0.8
    assert {p["kind"] for p in source["passages"]} == {"narrative", "quote"}
    text = report["article"]["text"]
    first = source["passages"][0]
    assert text[first["start"]:first["end"]].startswith("The Old Mill Bridge, which carries about 14,000")
    assert first["other_text"].startswith("The Old Mill Bridge, which carries about 14,000")
    assert "countyherald.example" not in {s["domain"] for s in section["sources"]}
    shares = report["anatomy"]["shares"]
    assert shares["copied_narrative"] > 0.2 and shares["copied_quote"] > 0.1 and shares["original"] > 0
    copied = [s for s in report["layers"]["provenance"] if s["label"] == "copied"]
    assert copied and all(s["source_id"] == source["article_id"] for s in copied)


def test_riversideledger_is_the_original(example_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "riverside-ledger-bridge-closure.json"
    code, out, _ = run(["--db", example_db, "check", str(path), "--format", "json", "--stages",
                        "cleaning,provenance"], capsys)
    assert code == 0
    report = json.loads(out)
    section = report["sections"]["provenance"]
    assert [s["direction"] for s in section["sources"]] == ["other copied from this"]
    assert report["anatomy"]["shares"].get("copied_narrative", 0) == 0


def test_check_with_no_store_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not VALLEY.exists():
        pytest.skip("examples not written yet")
    code, out, _ = run(["--db", str(tmp_path / "none.db"), "check", str(VALLEY), "--format", "json"], capsys)
    stage = {s["name"]: s for s in json.loads(out)["stages"]}["provenance"]
    assert code == 0 and stage["status"] == "skipped" and "no store" in stage["reason"]


def test_check_with_an_empty_store_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not VALLEY.exists():
        pytest.skip("examples not written yet")
    db = str(tmp_path / "one.db")
    run(["--db", db, "index", str(VALLEY)], capsys)
    code, out, _ = run(["--db", db, "check", str(VALLEY), "--format", "json"], capsys)
    stage = {s["name"]: s for s in json.loads(out)["stages"]}["provenance"]
    assert stage["status"] == "skipped" and "[E150]" in stage["reason"]
