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
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, output: str | None, url: str | None,
          title: str | None, published: str | None, stages: str | None, max_bytes: int | None,
          strict: bool) -> None:
    """Analyse articles (.txt, .html, .json, .jsonl, .csv, or - for standard input)."""
    from ..render import render_report

    options = options_from(ctx, max_bytes=max_bytes,
                           stages=[s.strip() for s in stages.split(",") if s.strip()] if stages else None)
    analyzer = Analyzer(options)
    meta = {k: v for k, v in {"url": url, "title": title, "published": published}.items() if v}
    if meta and len(paths) > 1:
        raise InputError("[E030] --url, --title and --published apply to one input only")
    problems = 0
    reports = []
    items = read_inputs(list(paths), options.max_bytes)
    many = len(paths) > 1 or any(p.lower().endswith((".jsonl", ".ndjson", ".csv")) for p in paths)
    fmt = fmt or ("jsonl" if many else "text")
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for item in progress_over(items, "checking", enabled=many):
            if isinstance(item, ReadProblem):
                problems += 1
                click.echo(f"newsift: {item.message}", err=True)
                continue
            _apply_meta(item, meta)
            report = analyzer.analyze(item)
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


def _apply_meta(article, meta: dict[str, str]) -> None:
    from ..domains import normalize_domain
    from ..readers import _iso_date

    if "url" in meta:
        article.url = meta["url"]
        article.domain = normalize_domain(meta["url"])
    if "title" in meta:
        article.title = meta["title"]
    if "published" in meta:
        article.published = _iso_date(meta["published"], "--published")


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a JSON report."""
    from ..schema import report_schema

    click.echo(json.dumps(report_schema(), indent=2))
