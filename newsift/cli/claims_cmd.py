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
    from ..claims.model import ClaimModel
    from ..settings import Options

DEFAULT_DATA = "../shared/data/checkworthy/ct24"
MODEL_HELP = "tfidf (default), semantic, auto (semantic when its extra is installed) or a model .npz."


def _model(ctx: click.Context, model_path: str | None) -> tuple["ClaimModel", "Options"]:
    from ..claims import load_model

    options = options_from(ctx)
    return load_model(model_path or options.claims_model), options


@train.command("claims")
@click.option("--data", "data_dir", default=DEFAULT_DATA, show_default=True,
              help="Folder with the CT24 train and dev TSV files.")
@click.option("--out", default=None, help="Model file to write (default: the packaged model).")
@click.option("--semantic", is_flag=True, help="Add MiniLM embeddings (needs the semantic extra; slow on CPU).")
@click.option("--teacher", default=None, type=click.Path(dir_okay=False),
              help="Teacher probabilities to fit to (default: the packaged claims-teacher.npz).")
@click.option("--no-teacher", is_flag=True, help="Fit to the Yes/No labels instead of a teacher's probabilities.")
def train_claims(data_dir: str, out: str | None, semantic: bool, teacher: str | None, no_teacher: bool) -> None:
    """Train the check-worthiness model (train fits; dev and late train debates choose)."""
    from ..claims import train_model
    from ..claims.teacher import TEACHER_PATH

    card = train_model(data_dir, out, semantic=semantic, teacher=None if no_teacher else teacher or TEACHER_PATH)
    click.echo(f"C={card['C']} threshold={card['threshold']} dev F1={card['dev']['f1']:.3f} "
               f"teacher={'yes' if card.get('teacher') else 'no'} ({card['training_seconds']} s)")
    click.echo(json.dumps(card))


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
@click.option("--data", "data_file", required=True, help="CheckThat!-format TSV (Sentence_id, Text, class_label).")
@click.option("--model", "model_path", default=None, help=MODEL_HELP)
@click.option("--threshold", type=click.FloatRange(0, 1), default=None, help="Override the model's threshold.")
@click.option("--repeat", type=click.IntRange(1, 20), default=3, show_default=True, help="Timed runs (best counts).")
@click.pass_context
def bench_claims(ctx: click.Context, data_file: str, model_path: str | None, threshold: float | None,
                 repeat: int) -> None:
    """Precision, recall and F1 of the Yes class, and sentences a second."""
    from ..bench.claims import run_claims_bench

    model, options = _model(ctx, model_path)
    threshold = threshold if threshold is not None else options.claims_threshold
    result = run_claims_bench(data_file, model, threshold, repeat)
    click.echo(f"data: {result['data']}  model: {result['model']}  threshold: {result['threshold']}")
    click.echo(f"{'sentences':>10} {'yes':>6} {'precision':>10} {'recall':>8} {'F1':>7} {'sentences/s':>12} "
               f"{'per CPU s':>10}")
    click.echo(f"{result['sentences']:>10} {result['yes']:>6} {result['precision']:>10.3f} {result['recall']:>8.3f} "
               f"{result['f1']:>7.3f} {result['sentences_per_s']:>12} {result['sentences_per_cpu_s']:>10}")
    click.echo(json.dumps(result))
