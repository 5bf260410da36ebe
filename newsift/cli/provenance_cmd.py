"""``newsift bench provenance``: the seeded synthetic copy-detection benchmark."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import Errors, InputError
from .params import SIZES
from ._app import bench


@bench.command("provenance")
@click.option("--data", type=click.Path(file_okay=False), default=None,
              help="The shared data folder (default ../shared/data).")
@click.option("--sizes", type=SIZES, default="10000,100000", show_default=True, help="Stored-article counts to measure at.")
@click.option("--cases", type=click.IntRange(1), default=200, show_default=True, help="Derived (copying) articles.")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--workdir", type=click.Path(file_okay=False), default=None, help="Where the temporary store goes.")
def bench_provenance(data: str | None, sizes: list[int], cases: int, seed: int, workdir: str | None) -> None:
    """Copy detection on derived articles built from real ones: alignment, sources, direction, speed."""
    from ..bench.provenance import DEFAULT_DATA, run_provenance_bench

    folder = Path(data) if data else DEFAULT_DATA
    try:
        result = run_provenance_bench(folder, sizes, n_cases=cases, seed=seed,
                                      workdir=Path(workdir) if workdir else None)
    except FileNotFoundError:
        raise InputError(Errors.E152.format(path=folder)) from None
    keys = [k for k in result["sizes"][0] if k != "stored_articles"]
    click.echo(f"{'stored articles':<32}" + "".join(f"{row['stored_articles']:>14}" for row in result["sizes"]))
    for key in keys:
        click.echo(f"{key:<32}" + "".join(f"{str(row[key]):>14}" for row in result["sizes"]))
    click.echo(f"{'fingerprint_articles_per_s':<32}{result['fingerprint_articles_per_s']:>14}")
    click.echo(json.dumps(result))


@bench.command("realcopies")
@click.option("--data", type=click.Path(file_okay=False), default=None,
              help="The BuzzFeed-Webis 2016 folder (default ../shared/data/articles/buzzfeed-webis-2016).")
@click.option("--store", "store_path", type=click.Path(dir_okay=False), default=None,
              help="Scratch store, kept and reused (default newsift-realcopies.db in the temp folder).")
@click.option("--labels", type=click.Path(dir_okay=False), default=None, help="Labelled pairs (TSV).")
@click.option("--per-stratum", type=click.IntRange(0), default=15, show_default=True,
              help="Reported copy pairs sampled per stratum of shared narrative words, printed for reading.")
@click.option("--seed", type=int, default=12, show_default=True)
def bench_realcopies(data: str | None, store_path: str | None, labels: str | None, per_stratum: int,
                     seed: int) -> None:
    """Copy relations found in a real corpus: consistency, a sample to read, precision and recall."""
    import tempfile

    from ..bench.provenance import DEFAULT_DATA
    from ..bench.realcopies import LABELS, describe, read_labels, run_realcopies

    folder = Path(data) if data else DEFAULT_DATA / "articles" / "buzzfeed-webis-2016"
    store = Path(store_path) if store_path else Path(tempfile.gettempdir()) / "newsift-realcopies.db"
    label_file = Path(labels) if labels else LABELS
    try:
        result = run_realcopies(folder, store, label_file, per_stratum, seed)
    except FileNotFoundError:
        raise InputError(Errors.E152.format(path=folder)) from None
    known = read_labels(label_file)
    for rel in result["sample"]:
        click.echo("\n".join(describe(rel, result["articles"], known.get((rel.first, rel.second)))))
    summary = result["summary"]
    click.echo("")
    for key, value in summary.items():
        if not isinstance(value, (list, dict)):
            click.echo(f"{key:<32}{value}")
    click.echo(json.dumps(summary))
