"""``newsift search``, ``newsift corpus reindex``, ``newsift bench coverage``, ``same-event`` and ``names``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..coverage import _index  # noqa: F401 - registers the coverage indexer for `newsift index`
from ..errors import Errors, InputError
from ..store import Store
from .params import SIZES, format_option
from ._app import bench, cli, options_from
from .corpus import corpus


@cli.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--domain", default=None, help="Only articles of this domain.")
@click.option("--since", default=None, help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", default=None, help="Only articles published on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=int, default=20, show_default=True, help="How many results.")
@format_option("text", "json")
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], domain: str | None, since: str | None,
           until: str | None, limit: int, fmt: str, as_json: bool) -> None:
    """Full-text search over the store (every word must occur; "quoted phrases"; OR between alternatives)."""
    as_json = as_json or fmt == "json"
    from ..coverage import search as search_store

    options = options_from(ctx)
    with Store(options.db, readonly=True) as store:
        hits = search_store(store, " ".join(query), domain, since, until, limit)
    for hit in hits:
        if as_json:
            click.echo(json.dumps(hit))
            continue
        click.echo(f"{hit['score']:7.2f}  {(hit['published'] or '')[:10]:<10}  {hit['domain'] or '?':<24} "
                   f"{hit['title'] or hit['article_id']}")
        click.echo(f"         id {hit['article_id']}  {hit.get('url') or '(no URL)'}")  # for check --id, export
        click.echo(f"         {' '.join(hit['snippet'].split())}")
    if not as_json:
        click.echo(f"{len(hits)} result(s)")


@corpus.command("reindex")
@click.pass_context
def corpus_reindex(ctx: click.Context) -> None:
    """Add stored articles that the coverage (full-text) index lacks."""
    from ..coverage import backfill

    options = options_from(ctx)
    with Store(options.db, create=False) as store:
        added = backfill(store)
    click.echo(f"coverage index: added {added} article(s)")


def _reranker(ctx: click.Context) -> Any:
    from ..errors import ResourceUnavailable
    from ..analysis import resources_for

    try:
        return resources_for(options_from(ctx)).get("coverage_semantic")
    except ResourceUnavailable as exc:
        raise InputError(str(exc)) from None


@bench.command("coverage")
@click.option("--data", type=click.Path(file_okay=False), default=None,
              help="The shared data folder (default ../shared/data beside the project).")
@click.option("--sizes", type=SIZES, default="10000,100000", show_default=True, help="Store sizes to measure at.")
@click.option("--queries", "max_queries", type=int, default=None, help="Use at most this many queries.")
@click.option("--seed", type=int, default=7, show_default=True, help="Seed for synthetic distractors.")
@click.option("--semantic", is_flag=True, help="Also measure with the MiniLM re-ranker (needs newsift[semantic]).")
@click.pass_context
def bench_coverage(ctx: click.Context, data: str | None, sizes: list[int], max_queries: int | None, seed: int,
                   semantic: bool) -> None:
    """Same-event retrieval on WikiRef220 among distractors: P@5, R@10, retrieval and whole-stage latency per size."""
    from ..bench.coverage import run_coverage_bench

    reranker = _reranker(ctx) if semantic else None
    result = run_coverage_bench(Path(data) if data else None, sizes, max_queries, seed, reranker=reranker)
    click.echo(f"{'size':>8} {'P@5':>6} {'R@10':>6} {'R@10/10':>8} {'p50 ms':>8} {'p95 ms':>8} {'stage CPU p50':>14}"
               f" {'stage CPU p95':>14} {'index/s':>9} {'MB':>7}")
    for row in result["sizes"]:
        click.echo(f"{row['size']:>8} {row['precision_at_5']:>6.3f} {row['recall_at_10']:>6.3f} "
                   f"{row['recall_at_10_of_10']:>8.3f} {row['latency_p50_ms']:>8.1f} {row['latency_p95_ms']:>8.1f} "
                   f"{row['stage_cpu_p50_ms']:>14.1f} {row['stage_cpu_p95_ms']:>14.1f} "
                   f"{row['index_articles_per_s'] or 0:>9.0f} {row['store_mb']:>7.1f}")
        sem = row.get("semantic")
        if sem:
            click.echo(f"{'+MiniLM':>8} {sem['precision_at_5']:>6.3f} {sem['recall_at_10']:>6.3f} "
                       f"{sem['recall_at_10_of_10']:>8.3f} {sem['latency_p50_ms']:>8.1f} {sem['latency_p95_ms']:>8.1f}")
    click.echo(json.dumps(result))


@bench.command("same-event")
@click.option("--data", type=click.Path(file_okay=False), default=None,
              help="The shared data folder (default ../shared/data beside the project).")
@click.option("--labels", type=click.Path(dir_okay=False), default=None,
              help="Verdicts file (default: the project's newsift/bench/labels/same-event.tsv).")
@click.option("--queries", type=int, default=20, show_default=True, help="Articles drawn per seed.")
@click.option("--seeds", default="12,13", show_default=True, help="Seeds of the draws (12 tuned on, 13 held out).")
@click.option("--show", is_flag=True, help="Also print every listed pair, with its evidence, for reading.")
def bench_same_event(data: str | None, labels: str | None, queries: int, seeds: str, show: bool) -> None:
    """Coverage same-event precision on undated BuzzFeed-Webis articles, against verdicts made by reading."""
    from ..bench.coverage import run_same_event_bench

    if queries < 1:
        raise InputError(Errors.E303.format(option="--queries", why="must be at least 1"))
    try:
        drawn = tuple(int(v) for v in seeds.split(",") if v.strip())
    except ValueError:
        drawn = ()
    if not drawn:
        raise InputError(Errors.E303.format(option="--seeds", why=f"expected comma-separated integers, got {seeds!r}"))
    result = run_same_event_bench(Path(data) if data else None, Path(labels) if labels else None, queries, drawn)
    click.echo(f"{'seed':>6} {'listed':>7} {'judged':>7} {'same':>5} {'called':>7} {'precision':>10} {'recall':>7}")
    for name, row in [*((str(k), v) for k, v in result["seeds"].items()), ("all", result["all"])]:
        precision = "-" if row["precision"] is None else f"{row['precision']:.3f}"
        recall = "-" if row["recall_of_listed"] is None else f"{row['recall_of_listed']:.3f}"
        click.echo(f"{name:>6} {row['listed']:>7} {row['judged']:>7} {row['judged_same']:>5} "
                   f"{row['flagged_judged']:>7} {precision:>10} {recall:>7}")
    for row in result["all"]["false_same"]:
        click.echo(f"  called the same event, judged different: {row['query']} ~ {row['other']}: "
                   f"{(row['evidence'] or {}).get('reason')}")
    unjudged = result["all"]["unjudged"]
    if unjudged:
        click.echo(f"  {len(unjudged)} listed pair(s) without a verdict: read them and add them to the labels file")
    if show:
        for row in result["all"]["rows"]:
            click.echo(f"  {row['query']} ~ {row['other']} [{row['verdict'] or 'unjudged'}] same_event="
                       f"{row['same_event']} {json.dumps(row['evidence'])} | {row['query_title']} | {row['title']}")
    click.echo(json.dumps({k: v for k, v in result.items() if k != "seeds"} | {
        "seeds": {k: _counts(v) for k, v in result["seeds"].items()}, "all": _counts(result["all"])}))


def _counts(score: dict) -> dict:  # type: ignore[type-arg]
    return {k: v for k, v in score.items() if k not in ("unjudged", "false_same", "rows")}


@bench.command("names")
@click.argument("paths", nargs=-1, required=True)
@click.option("--labels", type=click.Path(dir_okay=False), default=None,
              help="Verdicts file (default: the project's newsift/bench/labels/coverage-people.tsv).")
@click.option("--show", is_flag=True, help="Also list the names without a verdict, for reading.")
@click.pass_context
def bench_names(ctx: click.Context, paths: tuple[str, ...], labels: str | None, show: bool) -> None:
    """Check PATHS against the store and score the names coverage lists as people against names read by hand."""
    from ..bench.names import run_names_bench

    result = run_names_bench(list(paths), options_from(ctx), Path(labels) if labels else None)
    click.echo(f"articles {result['articles']}: {result['listings']} people listed ({result['names']} names), "
               f"{result['read_listings']} with a verdict ({result['read_names']} names)")
    for key, what in (("not_a_person", "not a person"), ("titled", "a person printed with a title")):
        if result[key] is not None:
            click.echo(f"  {what:<30} {result[key]:.3f} of listings, {result[key + '_names']:.3f} of names")
    click.echo(f"  most listed non-people: {', '.join(result['not_people'][:12]) or '-'}")
    if result["unread"]:
        click.echo(f"  {len(result['unread'])} name(s) without a verdict: read them and add them to the labels file")
        if show:
            for name in result["unread"]:
                click.echo(f"    {name}")
    click.echo(json.dumps({k: v for k, v in result.items() if k not in ("unread", "not_people")}
                          | {"unread": len(result["unread"])}))
