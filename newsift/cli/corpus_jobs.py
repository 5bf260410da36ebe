"""``newsift corpus trace`` and ``corpus network``: the corpus-wide copy job on Dask and its outlet graph."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Any

import click

from ..errors import Errors, InputError
from ._app import options_from
from .corpus import corpus
from .inputs import columns_and_suffixes, corpus_input_options

__all__ = ["corpus"]


def positive(option: str, value: int) -> int:
    if value < 1:
        raise InputError(Errors.E408.format(option=option, value=value))
    return value


@corpus.command("trace")
@click.argument("inputs", nargs=-1)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), required=True,
              help="Write the relations here (Parquet).")
@click.option("--workers", type=int, default=2, show_default=True, help="Local worker processes (LocalCluster).")
@click.option("--scheduler", default=None, help="A dask.distributed scheduler address (tcp://host:8786) instead.")
@click.option("--partitions", type=int, default=8, show_default=True,
              help="Partitions of the corpus (each on one worker; more for a corpus too big for 8 in memory).")
@corpus_input_options
@click.pass_context
def corpus_trace(ctx: click.Context, inputs: tuple[str, ...], output: str, workers: int, scheduler: str | None,
                 partitions: int, **options_in: Any) -> None:
    """Find every copy relation in a corpus on Dask: INPUTS are .jsonl or .parquet files (default: the store).

    Writes one row per pair of articles sharing passages: the passages with offsets in both, their kinds,
    whether it is a copy (shared narrative) and who copied whom, with the evidence.
    """
    options = options_from(ctx)
    columns, _ = columns_and_suffixes(options_in)
    positive("--workers", workers)
    positive("--partitions", partitions)
    relations, job, start = run_trace(list(inputs), options, partitions, columns, workers, scheduler,
                                      lambda relations: _write_relations([r.as_row() for r in relations], output))
    copies = sum(1 for r in relations if r.is_copy)
    # the job's time apart from the cluster's start (a LocalCluster's; none on a running scheduler):
    # what grows with the corpus and shrinks with workers
    click.echo(f"{len(relations)} relations ({copies} copies, {len(relations) - copies} quotation overlaps) "
               f"in {job + start:.1f} s (job {job:.1f} s, cluster start {start:.1f} s): {output}")


def run_trace(inputs: list[str], options: Any, partitions: int, columns: Any, workers: int,
              scheduler: str | None = None, write: Any = None) -> tuple[list[Any], float, float]:
    """The job's relations, its time (writing them included) and the cluster's start time."""
    from ..batch import dask_client
    from ..corpus.inputs import corpus_bag
    from ..corpus.trace import trace_corpus

    params = _trace_params(options)
    started = time.perf_counter()
    with dask_client(workers, scheduler) as client:
        ready = time.perf_counter()
        # the store holds each id once: its partitions need no shuffle by id
        relations = trace_corpus(corpus_bag(inputs, options.db, partitions, columns), params, partitions, client,
                                 unique=not inputs)
        if write is not None:
            write(relations)
        return relations, time.perf_counter() - ready, ready - started


def _trace_params(options: Any) -> Any:
    """The job's settings from the same options ``check``'s provenance stage reads."""
    from ..stages.provenance import trace_params

    return trace_params(options)


def _write_relations(rows: list[dict[str, Any]], output: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    passage = pa.struct([("a_start", pa.int64()), ("a_end", pa.int64()), ("b_start", pa.int64()),
                         ("b_end", pa.int64()), ("kind", pa.string()), ("similarity", pa.float64()),
                         ("words", pa.int64())])
    schema = pa.schema([("a", pa.string()), ("b", pa.string()), ("a_domain", pa.string()), ("b_domain", pa.string()),
                        ("shared", pa.int64()), ("is_copy", pa.bool_()), ("narrative_words", pa.int64()),
                        ("quote_words", pa.int64()), ("direction", pa.string()), ("confidence", pa.float64()),
                        ("score", pa.float64()), ("evidence", pa.list_(pa.string())), ("passages", pa.list_(passage))])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), output)


def read_relations(path: str) -> list[dict[str, Any]]:
    """Relations written by ``corpus trace`` (E407 when there are none or the file is not one)."""
    import pyarrow.parquet as pq

    if not Path(path).is_file():
        raise InputError(Errors.E001.format(path=path))
    try:
        rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise InputError(Errors.E402.format(path=path, kind="Parquet", why=str(exc).splitlines()[0])) from None
    if not rows or "direction" not in rows[0]:
        raise InputError(Errors.E407.format(path=path))
    return rows


def _rater(options: Any) -> Any:
    """A domain's rating score from the store's ratings, or None when the store has none."""
    from ..analysis import resources_for
    from ..errors import ResourceUnavailable

    try:
        ratings = resources_for(options).get("ratings")
    except ResourceUnavailable:
        return None

    def rate(domain: str) -> float | None:
        found = ratings.rate(domain) or {}
        return (found.get("summary") or {}).get("score")
    return rate


def _write_csv(rows: list[dict[str, Any]], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


@corpus.command("network")
@click.argument("relations")
@click.option("--out-dir", "-o", type=click.Path(file_okay=False), required=True,
              help="Folder for network.graphml, edges.csv, outlets.csv, uncredited.csv and the picture.")
@click.option("--picture", default="network.png", show_default=True, help="Picture file name (.png or .svg).")
@click.option("--title", default="Who copies whom", show_default=True, help="The picture's title.")
@click.pass_context
def corpus_network(ctx: click.Context, relations: str, out_dir: str, picture: str, title: str) -> None:
    """Draw the outlet-level copy network from RELATIONS (a `corpus trace` Parquet file)."""
    import networkx as nx

    from ..corpus.network import build_network, draw_network, to_networkx, uncredited

    if not picture.lower().endswith((".png", ".svg")):
        raise InputError(Errors.E303.format(option="--picture", why="must end in .png or .svg"))
    rows = read_relations(relations)
    net = build_network(rows, _rater(options_from(ctx)))
    if not net.nodes:
        raise InputError(Errors.E407.format(path=relations))
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(to_networkx(net), folder / "network.graphml")
    _write_csv(sorted(net.edges.values(), key=lambda e: (-e["narrative_words"], e["source"], e["copier"])),
               folder / "edges.csv")
    _write_csv(sorted(net.nodes.values(), key=lambda n: n["domain"]), folder / "outlets.csv")
    table = uncredited(rows)
    _write_csv(table, folder / "uncredited.csv")
    draw_network(net, str(folder / picture), title)
    click.echo(f"{len(net.nodes)} outlets, {len(net.edges)} edges: {folder / picture}")
    if table:
        click.echo("outlets publishing others' text without credit (narrative words):")
        for row in table[:10]:
            click.echo(f"  {row['outlet']:<28} {row['uncredited']:>4} copies, {row['uncredited_words']:>6} words "
                       f"from {row['sources']}")
    click.echo(json.dumps({"outlets": len(net.nodes), "edges": len(net.edges), "uncredited": len(table)}))
