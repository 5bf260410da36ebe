"""``newsift bench speed``: articles per second, peak memory and cold start; at scale, against spaCy and workers."""

from __future__ import annotations

import json
from typing import Any

import click

from ..errors import Errors, InputError
from ._app import bench, options_from


def worker_counts(value: str | None) -> tuple[int, ...]:
    if not value:
        return ()
    try:
        counts = tuple(int(v) for v in value.split(",") if v.strip())
    except ValueError:
        counts = ()
    if not counts or min(counts) < 1:
        raise InputError(Errors.E408.format(option="--workers", value=value))
    return counts


@bench.command("speed")
@click.argument("paths", nargs=-1)
@click.option("--repeat", type=int, default=20, show_default=True, help="Times to check each article.")
@click.option("--stages", default=None, help="Comma-separated stages (default: all).")
@click.option("--spacy", "compare_spacy", is_flag=True,
              help="Time a full check against spaCy's parse of the same texts (CPU, best nlp.pipe batch size).")
@click.option("--workers", "workers", default=None, metavar="N,M",
              help="Time Dask LocalClusters of these sizes against one worker (e.g. 1,2).")
@click.option("--limit", type=int, default=None, help="Read at most this many articles from PATHS.")
@click.option("--python-gc", is_flag=True,
              help="Keep Python's own garbage-collector thresholds in this process (as a program importing "
                   "newsift has them), not the ones newsift's commands set; --workers' LocalClusters keep theirs.")
@click.pass_context
def bench_speed(ctx: click.Context, paths: tuple[str, ...], repeat: int, stages: str | None, compare_spacy: bool,
                workers: str | None, limit: int | None, python_gc: bool) -> None:
    """Check a set of articles (default: the seed and the examples) and time it.

    With --spacy or --workers, time a corpus (e.g. 300 BuzzFeed-Webis articles) at scale instead.
    """
    import gc

    from ..bench.speed import default_inputs, run_speed
    from ..runtime import python_gc as restore_python_gc

    if python_gc:
        restore_python_gc()
    click.echo(f"gc thresholds             {gc.get_threshold()}")
    options = options_from(ctx, stages=stages.split(",") if stages else None)
    counts = worker_counts(workers)
    if limit is not None and limit < 1:
        raise InputError(Errors.E408.format(option="--limit", value=limit))
    if compare_spacy or counts:
        _at_scale(list(paths) or default_inputs(), options, compare_spacy, counts, limit)
        return
    result = run_speed(list(paths) or default_inputs(), repeat, options)
    for key, value in result.items():
        if key != "per_stage_ms":
            click.echo(f"{key:<28} {value}")
    for stage, ms in result["per_stage_ms"].items():
        click.echo(f"  {stage:<26} {ms:.2f} ms/article")
    click.echo(json.dumps(result))


def _at_scale(paths: list[str], options: Any, compare_spacy: bool, counts: tuple[int, ...],
              limit: int | None) -> None:
    from ..bench.speed import load_articles, spacy_ratio, worker_speedup

    try:
        articles = load_articles(paths, options, limit)
    except ValueError:
        raise InputError(Errors.E021) from None
    result: dict[str, Any] = {"articles": len(articles)}
    if compare_spacy:
        ratio = spacy_ratio(articles, options)
        result["spacy"] = ratio
        click.echo(f"full check CPU            {ratio['check_cpu_s']:.2f} s")
        click.echo(f"spaCy parse CPU           {ratio['spacy_cpu_s']:.2f} s (nlp.pipe batch {ratio['spacy_best_batch']})")
        click.echo(f"check / spaCy             {ratio['check_over_spacy']:.2f}x")
        for stage, ms in ratio["stage_ms"].items():
            click.echo(f"  {stage:<23} {ms:.2f} ms/article")
    if counts:
        scale = worker_speedup(articles, options, counts)
        result["workers"] = scale
        for name, rate in scale["articles_per_s"].items():
            speedup = scale["speedup_vs_1_worker"].get(name)
            extra = f"  ({speedup:.2f}x one worker)" if speedup is not None else ""
            click.echo(f"{name:<25} {rate:.2f} articles/s{extra}")
        click.echo(f"cores                     {scale['cores']}")
    click.echo(json.dumps(result))
