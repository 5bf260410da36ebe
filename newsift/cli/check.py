"""``newsift check`` and ``newsift schema``."""

from __future__ import annotations

import json
import sys

import click

from ..analysis import Analyzer
from ..errors import Errors, InputError
from ..readers import ReadProblem, read_inputs
from ._app import cli, options_from
from .progress import progress_over

FORMATS = ("text", "json", "jsonl", "html")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format; default text for one input, jsonl for several.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report(s) here instead of standard output.")
@click.option("--url", default=None, help="The article's URL (one input only): sets its domain.")
@click.option("--title", default=None, help="The article's title (one input only).")
@click.option("--published", default=None, help="Publication date, ISO 8601 (one input only).")
@click.option("--stages", default=None, help="Comma-separated stages to run (default: all).")
@click.option("--max-bytes", type=int, default=None, help="Refuse inputs larger than this.")
@click.option("--strict", is_flag=True, help="Exit 2 if any input or record was unreadable.")
@click.option("--workers", type=int, default=1, show_default=True,
              help="Analyse on this many Dask worker processes (output is jsonl, in input order).")
@click.option("--scheduler", default="processes", show_default=True,
              help="Dask scheduler with --workers: processes, threads, or a dask.distributed address.")
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, output: str | None, url: str | None,
          title: str | None, published: str | None, stages: str | None, max_bytes: int | None,
          strict: bool, workers: int, scheduler: str) -> None:
    """Analyse articles (.txt, .html, .json, .jsonl, .csv, or - for standard input)."""
    from ..render import render_report

    options = options_from(ctx, max_bytes=max_bytes,
                           stages=[s.strip() for s in stages.split(",") if s.strip()] if stages else None)
    meta = {k: v for k, v in {"url": url, "title": title, "published": published}.items() if v}
    if meta and len(paths) > 1:
        raise InputError(Errors.E030)
    if workers > 1:
        _check_parallel(list(paths), options, workers, scheduler, output, strict)
        return
    analyzer = Analyzer(options)
    problems = 0
    reports = []
    items = read_inputs(list(paths), options.max_bytes)
    many = len(paths) > 1 or any(p.lower().endswith((".jsonl", ".ndjson", ".csv")) for p in paths)
    fmt = fmt or ("jsonl" if many else "text")
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    def articles():  # problems reported as met; articles checked in batches (parsed together)
        nonlocal problems
        for item in progress_over(items, "checking", enabled=many):
            if isinstance(item, ReadProblem):
                problems += 1
                click.echo(f"newsift: {item.message}", err=True)
                continue
            _apply_meta(item, meta)
            yield item

    try:
        for report in analyzer.analyze_many(articles()):
            if fmt == "jsonl":
                out.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
                reports.append(None)
            else:
                reports.append(report)
        if fmt != "jsonl":
            for report in reports:
                render_report(report, fmt, out)
    finally:
        if output:
            out.close()
        analyzer.close()
    if not reports:
        if problems:  # each unreadable input already has its line on standard error
            sys.exit(2)
        raise InputError(Errors.E021)
    if problems and strict:
        sys.exit(2)


def _check_parallel(paths: list[str], options, workers: int, scheduler: str, output: str | None,
                    strict: bool) -> None:
    """Corpus-scale check on Dask: jsonl out, unreadable records reported as they are met."""
    from ..batch import analyze_corpus

    problems = 0

    def articles():
        nonlocal problems
        for item in read_inputs(paths, options.max_bytes):
            if isinstance(item, ReadProblem):
                problems += 1
                click.echo(f"newsift: {item.message}", err=True)
            else:
                yield item

    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    count = 0
    try:
        for report in progress_over(analyze_corpus(articles(), options, workers, scheduler=scheduler), "checking"):
            out.write(json.dumps(report, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if output:
            out.close()
    if not count:
        raise InputError(Errors.E021)
    if problems and strict:
        sys.exit(2)


def _apply_meta(article, meta: dict[str, str]) -> None:
    from ..domains import normalize_domain
    from ..readers import iso_date

    if "url" in meta:
        article.url = meta["url"]
        article.domain = normalize_domain(meta["url"])
    if "title" in meta:
        article.title = meta["title"]
    if "published" in meta:
        article.published = iso_date(meta["published"], "--published")


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a JSON report."""
    from ..schema import report_schema

    click.echo(json.dumps(report_schema(), indent=2))
