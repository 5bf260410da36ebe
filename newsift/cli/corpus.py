"""``newsift index`` and ``newsift corpus …``: the store of articles."""

from __future__ import annotations

import json
import sys
from itertools import chain
from pathlib import Path
from typing import Any, Iterator

import click

from ..errors import Errors, InputError
from ..indexing import IndexResult, index_articles, index_stats
from ..model import Article
from ..readers import ReadProblem
from ..store import Store
from .params import format_option
from ._app import cli, options_from
from .inputs import columns_and_suffixes, corpus_input_options, read_paths
from .progress import progress_over


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--max-bytes", type=int, default=None, help="Refuse inputs larger than this.")
@corpus_input_options
@click.pass_context
def index(ctx: click.Context, paths: tuple[str, ...], max_bytes: int | None, **inputs: Any) -> None:
    """Add articles (.txt, .html, .json, .jsonl, .csv, .parquet, .warc, folders, http(s) URLs) to the store;
    stored ones are skipped."""
    options = options_from(ctx, max_bytes=max_bytes)
    columns, suffixes = columns_and_suffixes(inputs)
    result = IndexResult()

    def articles() -> Iterator[Article]:
        for item in read_paths(list(paths), options, columns, suffixes):
            if isinstance(item, ReadProblem):
                result.problems.append(item.message)
                click.echo(f"newsift: {item.message}", err=True)
                continue
            yield item

    stream = articles()
    first = next(stream, None)  # the store is opened (and made) only once there is something to add
    if first is None:
        raise InputError(Errors.E021)
    with Store(options.db) as store:
        if store.migrated_from is not None:
            click.echo(f"newsift: the store was migrated from schema version {store.migrated_from} to {store.version};"
                       " `newsift corpus check` says whether its indexes cover every article", err=True)
        for _, added in progress_over(index_articles(store, chain([first], stream)), "indexing"):
            if added:
                result.added += 1
            else:
                result.already += 1
        total = store.count()
    click.echo(f"added {result.added}, already stored {result.already}, unreadable {len(result.problems)}; "
               f"{total} articles in {options.db}")
    if result.problems:  # each has its line above; the readable ones are stored
        sys.exit(2)


@cli.group()
def corpus() -> None:
    """Inspect the store of articles."""


@corpus.command("stats")
@format_option("text", "json")
@click.pass_context
def corpus_stats(ctx: click.Context, fmt: str, as_json: bool) -> None:
    """Summarise the store: articles, domains, date range, size."""
    as_json = as_json or fmt == "json"
    options = options_from(ctx)
    if not Path(options.db).exists():
        raise InputError(Errors.E031.format(path=options.db))
    with Store(options.db, readonly=True) as store:
        stats = store.stats()
        stats["indexes"] = index_stats(store)
    if as_json:
        click.echo(json.dumps(stats))
        return
    click.echo(f"store        {options.db}")
    click.echo(f"articles     {stats['articles']}")
    click.echo(f"domains      {stats['domains']}")
    click.echo(f"published    {stats['first_published'] or '?'} … {stats['last_published'] or '?'}")
    click.echo(f"size         {stats['bytes'] / 1e6:.1f} MB")
    for name, info in stats["indexes"].items():
        per = f", {info['bytes_per_article']:.0f} bytes/article" if info.get("bytes_per_article") else ""
        click.echo(f"index        {name}: {info.get('articles', 0)} articles, {info.get('bytes', 0) / 1e6:.2f} MB{per}")
    for row in stats["top_domains"]:
        click.echo(f"  {row['domain']:<30} {row['articles']}")
