"""``newsift claims``, ``newsift bench claims`` and ``newsift train claims``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsift.cli import main
from newsift.claims import SEMANTIC_MODEL_PATH, ClaimModel, semantic_available

from claims_samples import ROWS, write_tsv
from shared_data import DATA, need

CT24 = DATA / "checkworthy" / "ct24"
SEMANTIC_FLOOR = 0.82  # it scored 0.848
AUC_FLOOR = 0.956  # dev-test ROC-AUC of the default model before issue #16: the new one must beat it


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_claims_prints_one_json_line_per_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "s.txt"
    file.write_text("Unemployment fell to 4.2 percent last year.\n\nThank you, a pleasure to be here.\n")
    code, out, _ = run(["claims", str(file)], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 2
    assert rows[0]["checkworthy"] and not rows[1]["checkworthy"] and rows[0]["score"] > rows[1]["score"]


@pytest.mark.parametrize("argv, code", [
    (["claims", "/nonexistent/file.txt"], "E001"),
    (["bench", "claims", "--data", "/nonexistent/file.tsv"], "E001"),
    (["claims", "x", "--model", "/nonexistent/model.npz"], "E254"),
    (["train", "claims", "--data", "/nonexistent/dir"], "E025"),
])
def test_bad_input_is_one_line_and_exit_2(argv: list[str], code: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    if argv[1] == "x":
        (tmp_path / "x").write_text("a sentence\n")
        argv = ["claims", str(tmp_path / "x"), "--model", argv[3]]
    status, _, err = run(argv, capsys)
    assert status == 2 and code in err and len(err.strip().splitlines()) == 1


def test_bench_prints_a_table_and_json_last(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["bench", "claims", "--data", str(write_tsv(tmp_path / "b.tsv", ROWS))], capsys)
    [result] = json.loads(out.strip().splitlines()[-1])["results"]
    assert code == 0 and "ROC-AUC" in out.splitlines()[0]
    assert result["sentences"] == 6 and result["yes"] == 3 and result["f1"] == 1.0 and result["roc_auc"] == 1.0
    assert result["f1_low"] <= result["f1"] <= result["f1_high"] and not result["seen"]
    assert result["sentences_per_s"] > 0


def test_bench_takes_several_files_and_the_held_out_slice_of_train(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    train = write_tsv(tmp_path / "CT24_checkworthy_english_train.tsv", ROWS * 2, start=29095)
    other = write_tsv(tmp_path / "other.tsv", ROWS)
    code, out, _ = run(["bench", "claims", "--data", str(other), "--data", str(train), "--held-out"], capsys)
    results = json.loads(out.strip().splitlines()[-1])["results"]
    assert code == 0 and [r["sentences"] for r in results] == [6, 6]  # ids 29101-29106 of 29095-29106
    assert results[1]["data"].startswith("train-2016")
    status, _, err = run(["bench", "claims", "--data", str(other), "--held-out"], capsys)
    assert status == 2 and "E258" in err and len(err.strip().splitlines()) == 1


def test_train_writes_a_loadable_model_and_card(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "ct"
    data.mkdir()
    write_tsv(data / "CT24_checkworthy_english_train.tsv", ROWS * 6)
    write_tsv(data / "CT24_checkworthy_english_dev.tsv", ROWS, start=100)
    write_tsv(data / "CT24_checkworthy_english_dev-test.tsv", ROWS, start=200)
    out = tmp_path / "m.npz"
    code, stdout, _ = run(["train", "claims", "--data", str(data), "--out", str(out), "--no-teacher"], capsys)
    card = json.loads(stdout.strip().splitlines()[-1])
    assert code == 0 and card["data"]["train"] == 36 and card["C"] in (0.5, 1.0, 2.0)
    assert list(card["data"]["validation"]) == ["dev-test"]  # no id of the small train is from 2016
    assert json.loads(out.with_suffix(".card.json").read_text())["threshold"] == card["threshold"]
    assert "Dev was not used to choose" in out.with_suffix(".card.md").read_text()
    assert ClaimModel.load(out).scores(["Taxes rose by 5 percent."]).shape == (1,)


@pytest.mark.integration
def test_ct24_dev_test_floor_and_speed(capsys: pytest.CaptureFixture[str]) -> None:
    """Pinned floors: dev-test F1 0.78 and ROC-AUC above 0.956 (the model before #16); 1,000 sentences a CPU second."""
    path = need(CT24 / "CT24_checkworthy_english_dev-test.tsv")
    code, out, _ = run(["bench", "claims", "--data", str(path), "--model", "tfidf"], capsys)
    [result] = json.loads(out.strip().splitlines()[-1])["results"]
    assert code == 0 and result["sentences"] == 318 and result["yes"] == 108
    assert result["model"] == "claims-tfidf-lr" and result["f1"] >= 0.78 and result["roc_auc"] > AUC_FLOOR
    assert result["sentences_per_cpu_s"] >= 1000


@pytest.mark.integration
def test_ct24_dev_test_floor_semantic(capsys: pytest.CaptureFixture[str]) -> None:
    """Pinned floor for the optional MiniLM model (skipped without the semantic extra)."""
    if not semantic_available() or not SEMANTIC_MODEL_PATH.exists():
        pytest.skip("the semantic extra is not installed")
    path = need(CT24 / "CT24_checkworthy_english_dev-test.tsv")
    code, out, _ = run(["bench", "claims", "--data", str(path), "--model", "semantic", "--repeat", "1"], capsys)
    [result] = json.loads(out.strip().splitlines()[-1])["results"]
    assert code == 0 and result["model"] == "claims-minilm-lr" and result["f1"] >= SEMANTIC_FLOOR


@pytest.mark.integration
def test_ct24_train_reads_22501_records() -> None:
    from newsift.claims import read_tsv

    examples = read_tsv(need(CT24 / "CT24_checkworthy_english_train.tsv"))
    assert len(examples) == 22501 and sum(bool(e.label) for e in examples) == 5413
