"""The optional strong claims model (int8 ONNX run with onnxruntime): loading, errors, scoring, stage and bench.

A tiny hand-built ONNX graph stands in for the fine-tuned MiniLM: its
"Yes" logit is the number of real (unpadded) tokens minus 5, so every score
is known exactly. Tests that need onnxruntime, onnx or tokenizers (the
``strong`` extra) skip without them; CI installs only ``.[test]``.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from newsift.bench.claims import bench_one
from newsift.claims import StrongClaimModel, load_model
from newsift.claims.strong import CARD_FILE, MODEL_FILE, TOKENIZER_FILE, default_strong_dir
from newsift.cli import main
from newsift.datasets.ct24 import Example
from newsift.errors import InputError
from newsift.model import Article, Report, Span
from newsift.pipeline import Resources
from newsift.settings import Options
from newsift.stages.claims import ClaimsStage, load_claims_model

from shared_data import DATA, need

STRONG_EXTRA = all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "onnx", "tokenizers"))
needs_extra = pytest.mark.skipif(not STRONG_EXTRA, reason="the strong extra (onnxruntime, onnx, tokenizers) "
                                                          "is not installed")
WORDS = "the county spent four million dollars on bridge in 2019 thank you it is a pleasure to be here".split()


def _graph(path: Path) -> None:
    """logits = [0, (real tokens) - 5] per row: P(Yes) = sigmoid(tokens - 5)."""
    import onnx
    from onnx import TensorProto, helper

    nodes = [helper.make_node("Cast", ["attention_mask"], ["maskf"], to=TensorProto.FLOAT),
             helper.make_node("ReduceSum", ["maskf", "axis"], ["n"], keepdims=1),
             helper.make_node("Sub", ["n", "five"], ["yes"]),
             helper.make_node("Mul", ["n", "zero"], ["no"]),
             helper.make_node("Concat", ["no", "yes"], ["logits"], axis=1)]
    constants = [helper.make_tensor("axis", TensorProto.INT64, [1], [1]),
                 helper.make_tensor("five", TensorProto.FLOAT, [], [5.0]),
                 helper.make_tensor("zero", TensorProto.FLOAT, [], [0.0])]
    inputs = [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "tokens"])
              for name in ("input_ids", "attention_mask")]
    output = helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 2])
    model = helper.make_model(helper.make_graph(nodes, "tiny", inputs, [output], constants),
                              opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(path))


def _tokenizer(path: Path) -> None:
    from tokenizers import Tokenizer, models, pre_tokenizers

    vocab = {"[PAD]": 0, "[UNK]": 1, **{w: i + 2 for i, w in enumerate(dict.fromkeys(WORDS))}}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.save(str(path))


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    folder = tmp_path / "strong"
    folder.mkdir()
    _graph(folder / MODEL_FILE)
    _tokenizer(folder / TOKENIZER_FILE)
    card = {"name": "claims-strong", "threshold": 0.6, "settings": {"max_tokens": 8},
            "data": {"held_out_first_id": 31}}
    (folder / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    return folder


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@needs_extra
def test_scores_are_the_graphs_output_whatever_the_batch_padding(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("torch", "transformers"):
        monkeypatch.setitem(sys.modules, name, None)  # scoring must not need them
    model = StrongClaimModel.load(tiny)
    texts = ["thank you", "the county spent four million dollars", "thank you it is a pleasure",
             " ".join(WORDS)]  # the last is cut to the card's 8 tokens
    scores = model.scores(texts)
    assert np.allclose(scores, [_sigmoid(2 - 5), _sigmoid(6 - 5), _sigmoid(6 - 5), _sigmoid(8 - 5)])
    assert np.allclose(model.scores(texts[:1]), scores[:1])  # alone or padded beside longer ones: the same
    assert model.scores([]).shape == (0,)


@needs_extra
def test_threshold_and_name_come_from_the_card(tiny: Path) -> None:
    model = StrongClaimModel.load(tiny)
    assert model.threshold == 0.6 and model.name == "claims-strong"
    assert model.checkworthy(np.array([0.59, 0.6])).tolist() == [False, True]
    assert StrongClaimModel.load(tiny, threshold=0.3).threshold == 0.3


@needs_extra
def test_load_model_takes_strong_by_name_or_folder(tiny: Path) -> None:
    assert isinstance(load_model("strong", str(tiny)), StrongClaimModel)
    assert isinstance(load_model(str(tiny)), StrongClaimModel)


def test_absent_model_is_e259_with_the_train_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_strong_dir() == tmp_path / "newsift" / "models" / "claims-strong"
    with pytest.raises(InputError, match=r"\[E259\].*newsift train claims-strong"):
        load_model("strong")


def test_absent_model_stops_the_claims_stage_rather_than_skipping_it(tmp_path: Path) -> None:
    resources = Resources(Options(db="/nonexistent/absent.db", claims_model="strong",
                                  claims_strong_dir=str(tmp_path / "none")))
    with pytest.raises(InputError, match=r"\[E259\]"):
        load_claims_model(resources)


def test_cli_with_absent_model_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "newsift.toml"
    config.write_text(f'claims_strong_dir = "{tmp_path / "none"}"\n', encoding="utf-8")
    (tmp_path / "s.txt").write_text("Unemployment fell to 4 percent.\n", encoding="utf-8")
    for command in (["claims", "--model", "strong"], ["check", "--claims-model", "strong"]):
        with pytest.raises(SystemExit) as exit_info:
            main(["--config", str(config), "--db", str(tmp_path / "s.db"), *command, str(tmp_path / "s.txt")])
        assert exit_info.value.code == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "[E259]" in err[0] and "Traceback" not in err[0]


def test_without_onnxruntime_it_is_e260(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / MODEL_FILE).write_bytes(b"not read")
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    with pytest.raises(InputError, match=r"\[E260\].*newsift\[strong\]"):
        StrongClaimModel.load(tmp_path)


@needs_extra
def test_a_broken_model_file_is_e261(tiny: Path) -> None:
    (tiny / MODEL_FILE).write_bytes(b"\x00garbage")
    with pytest.raises(InputError, match=r"\[E261\]"):
        StrongClaimModel.load(tiny)
    (tiny / CARD_FILE).write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match=r"\[E261\].*card"):
        StrongClaimModel.load(tiny)


@needs_extra
def test_stage_scores_with_it_and_leaves_non_english_text_unscored(tiny: Path) -> None:
    text = "the county spent four million dollars on bridge in 2019. thank you."
    resources = Resources(Options(db="/nonexistent/absent.db"))
    resources.put("claims_model", StrongClaimModel.load(tiny))
    for english in (True, False):
        report = Report(Article(text))
        report.add_spans("sentences", [Span(0, 55, "sentence"), Span(56, len(text), "sentence")])
        report.sections["language"] = {"english": english}
        ClaimsStage().run(report, resources)
        scores = [c.attrs["score"] for c in report.spans("claims")]
        if english:
            assert scores == [round(_sigmoid(8 - 5), 4), round(_sigmoid(3 - 5), 4)]  # 10 tokens cut to 8; "." counts
            assert report.sections["claims"]["model"] == "claims-strong"
        else:
            assert scores == [None, None] and report.sections["claims"]["unscored"]["sentences"] == 2


@needs_extra
def test_bench_times_it_and_knows_the_held_out_slice(tiny: Path) -> None:
    examples = [Example("1", "the county spent four million dollars", True), Example("2", "thank you", False)]
    result = bench_one(StrongClaimModel.load(tiny), examples, repeat=1)
    assert result["f1"] == 1.0 and result["roc_auc"] == 1.0 and result["sentences_per_cpu_s"] > 0


@pytest.mark.integration
def test_ct24_dev_test_floor_of_the_built_model(capsys: pytest.CaptureFixture[str]) -> None:
    """Floors for a built model (it scored F1 0.893, ROC-AUC 0.976 on dev-test); skipped where none is built."""
    if not STRONG_EXTRA or not (default_strong_dir() / MODEL_FILE).exists():
        pytest.skip("the strong model is not built here (newsift train claims-strong) or its extra is absent")
    dev_test = need(DATA / "checkworthy" / "ct24" / "CT24_checkworthy_english_dev-test.tsv")
    with pytest.raises(SystemExit) as exit_info:
        main(["bench", "claims", "--model", "strong", "--data", str(dev_test), "--repeat", "1"])
    [result] = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["results"]
    assert not exit_info.value.code and result["model"] == "claims-strong"
    assert result["roc_auc"] > 0.962 and result["f1"] >= 0.85  # above the default model on both


def test_train_without_its_extras_stops_before_training(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Without onnxruntime (or torch) the build fails at once with one coded line, not after the fine-tune."""
    for name in ("onnxruntime", "onnxruntime.quantization"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "claims-strong", "--data", str(tmp_path), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert exit_info.value.code == 2 and len(err) == 1
    assert "[E260]" in err[0] or "[E256]" in err[0]  # E256: torch absent, found first
    assert not (tmp_path / "out").exists()
