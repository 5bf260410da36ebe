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
