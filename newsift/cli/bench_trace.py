"""``newsift bench trace``: ``corpus trace`` at several worker counts, beside plain processes on the same machine."""

from __future__ import annotations

import json
from typing import Any

import click

from ._app import bench, options_from
from .bench_speed import worker_counts
from .corpus_jobs import positive, run_trace
from .inputs import columns_and_suffixes, corpus_input_options


@bench.command("trace")
@click.argument("inputs", nargs=-1)
@click.option("--workers", "workers", default="1,2", show_default=True, metavar="N,M",
              help="LocalCluster sizes; the speed-up is the largest against the smallest.")
@click.option("--rounds", type=int, default=5, show_default=True,
              help="Alternating rounds (each runs the job at every size, then probes the machine).")
@click.option("--partitions", type=int, default=8, show_default=True, help="Partitions of the corpus.")
@corpus_input_options
@click.pass_context
def bench_trace(ctx: click.Context, inputs: tuple[str, ...], workers: str, rounds: int, partitions: int,
                **options_in: Any) -> None:
    """Time `corpus trace` on INPUTS (default: the store) at each worker count, round after round.

    Each round also times a pure-Python loop in one process and in as many processes as the most
    workers at once: what the machine gives that many processes now. Every run's relations must
    equal the first's (exit 1 if not).
    """
    from ..bench.trace import trace_scaling

    options = options_from(ctx)
    columns, _ = columns_and_suffixes(options_in)
    counts = worker_counts(workers)
    positive("--rounds", rounds)
    positive("--partitions", partitions)

    def run(n: int) -> tuple[float, list[dict[str, Any]]]:
        relations, job, _ = run_trace(list(inputs), options, partitions, columns, n)
        return job, [r.as_row() for r in relations]

    top, low = max(counts), min(counts)
    done = []

    def show(row: dict[str, Any]) -> None:
        done.append(row)
        times = "  ".join(f"{n} worker{'s' if n > 1 else ''} {row[f'workers_{n}_s']:.2f} s" for n in counts)
        click.echo(f"round {len(done)}  {times}  {top} vs {low}: {row['speedup']:.2f}x  "
                   f"({top} plain loops: {row['loops']:.2f}x)")

    result = trace_scaling(run, counts, rounds, each_round=show)
    median = result["median"]
    click.echo(f"median    {top} vs {low}: {median['speedup']:.2f}x  ({top} plain loops: {median['loops']:.2f}x)")
    click.echo(f"relations {result['relations']}, the same in every run: {'yes' if result['same_relations'] else 'NO'}")
    click.echo(json.dumps(result))
    if not result["same_relations"]:
        ctx.exit(1)  # a speed-up with different output is no speed-up
