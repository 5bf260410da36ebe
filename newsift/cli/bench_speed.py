"""``newsift bench speed``: articles per second, peak memory and cold start."""

from __future__ import annotations

import json

import click

from ._app import bench, options_from


@bench.command("speed")
@click.argument("paths", nargs=-1)
@click.option("--repeat", type=int, default=20, show_default=True, help="Times to check each article.")
@click.option("--stages", default=None, help="Comma-separated stages (default: all).")
@click.pass_context
def bench_speed(ctx: click.Context, paths: tuple[str, ...], repeat: int, stages: str | None) -> None:
    """Check a set of articles (default: the seed and the examples) and time it."""
    from ..bench.speed import default_inputs, run_speed

    options = options_from(ctx, stages=stages.split(",") if stages else None)
    result = run_speed(list(paths) or default_inputs(), repeat, options)
    for key, value in result.items():
        if key != "per_stage_ms":
            click.echo(f"{key:<28} {value}")
    for stage, ms in result["per_stage_ms"].items():
        click.echo(f"  {stage:<26} {ms:.2f} ms/article")
    click.echo(json.dumps(result))
