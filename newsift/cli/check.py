"""``newsift check`` and ``newsift schema``."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Iterator

import click

from ..analysis import Analyzer
from ..errors import Errors, InputError, NewsiftError
from ..model import Article, Report
from ..readers import Columns, Item, ReadProblem
from ..settings import Options
from ._app import atomic_output, cli, echo_stage_failures, options_from
from .inputs import columns_and_suffixes, corpus_input_options, is_corpus, read_paths, stored_articles
from .progress import BatchProgress, progress_over

FORMATS = ("text", "json", "jsonl", "html")


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--id", "ids", multiple=True, metavar="ID", help="Check an article already in the store (repeatable).")
@corpus_input_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format; default text for one input, jsonl for several.")
@click.option("--output", "-o", type=click.Path(writable=True), default=None,
              help="Write the report(s) here instead of standard output; for html with several articles, a folder.")
@click.option("--url", default=None, help="The article's URL (one input only): sets its domain.")
@click.option("--title", default=None, help="The article's title (one input only).")
@click.option("--published", default=None, help="Publication date, ISO 8601 (one input only).")
@click.option("--stages", default=None, help="Comma-separated stages to run (default: all).")
@click.option("--max-bytes", type=int, default=None, help="Refuse inputs larger than this.")
@click.option("--claims-model", default=None,
              help="Check-worthiness model: tfidf, semantic, strong or a path (default: the claims_model setting).")
@click.option("--strict", is_flag=True, help="Exit 2 if any input or record was unreadable.")
@click.option("--workers", type=int, default=1, show_default=True,
              help="Analyse on this many Dask worker processes (output is jsonl, in input order).")
@click.option("--scheduler", default="processes", show_default=True,
              help="Dask scheduler with --workers: processes, threads, or a dask.distributed address.")
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, output: str | None, url: str | None,
          title: str | None, published: str | None, stages: str | None, max_bytes: int | None,
          claims_model: str | None, strict: bool, workers: int, scheduler: str, ids: tuple[str, ...] = (),
          **inputs: Any) -> None:
    """Analyse articles (.txt, .html, .json, .jsonl, .csv, - for standard input, or an http(s) URL)."""
    options = options_from(ctx, max_bytes=max_bytes, claims_model=claims_model,
                           stages=[s.strip() for s in stages.split(",") if s.strip()] if stages else None)
    meta = {k: v for k, v in {"url": url, "title": title, "published": published}.items() if v}
    columns, suffixes = columns_and_suffixes(inputs)
    if not paths and not ids:
        raise click.UsageError("give PATHS to read, or --id for stored articles")
    read_options = options, columns, suffixes, ids
    if meta and len(paths) > 1:
        raise InputError(Errors.E030)
    chosen_model = _chosen_claims_model(options)
    if workers > 1:
        _check_parallel(list(paths), read_options, workers, scheduler, output, strict)
        return
    many = len(paths) + len(ids) > 1 or any(is_corpus(p) for p in paths)
    fmt = fmt or ("jsonl" if many else "text")
    pages = _html_folder(fmt, output, many)
    analyzer = Analyzer(options)
    if chosen_model is not None:
        analyzer.resources.put("claims_model", chosen_model)  # loaded once: the check above is the load
    bar = BatchProgress("check", total=len(paths) if len(paths) > 1 and not _has_records(paths) else None,
                        enabled=many)

    def articles() -> Iterator[Article]:  # problems reported as met; articles checked in batches
        for item in _items(list(paths), *read_options):
            if isinstance(item, ReadProblem):
                bar.error(f"newsift: {item.message}")
                continue
            _apply_meta(item, meta)
            yield item

    try:
        with bar:
            if pages is not None:
                written, failed = _write_pages(analyzer, articles(), pages, bar)
            else:
                written, failed = _write_stream(analyzer, articles(), fmt, output, bar)
    finally:
        analyzer.close()
    problems = bar.failed  # unreadable inputs and records, each with its line
    if many:
        bar.summary()
    if pages is not None and written:
        click.echo(f"newsift: {written} page(s) and the index: {pages / 'index.html'}", err=True)
    if not written:
        if problems:  # each unreadable input already has its line on standard error
            sys.exit(2)
        raise InputError(Errors.E021)
    if problems and strict:
        sys.exit(2)
    if failed:  # the reports are written, each failed stage has its line: an analysis error
        sys.exit(1)


def _chosen_claims_model(options: Options) -> Any:
    """The claims model chosen by name or path, loaded up front: one that cannot load is one coded line and
    exit 2, not a failed stage per article. None for the packaged default (the stage loads it)."""
    if options.claims_model in (None, "", "tfidf", "auto") or (options.stages and "claims" not in options.stages):
        return None
    from ..claims import load_model

    return load_model(options.claims_model, options.claims_strong_dir)


def _has_records(paths: tuple[str, ...]) -> bool:
    return any(is_corpus(p) or p == "-" for p in paths)


def _items(paths: list[str], options: Options, columns: Columns | None = None,
           suffixes: tuple[str, ...] | None = None, ids: tuple[str, ...] = ()) -> Iterator[Item]:
    """Stored articles named by id, then each input's articles and problems, in order; URLs are fetched."""
    if ids:
        yield from stored_articles(options.db, ids)
    yield from read_paths(paths, options, columns, suffixes)


def _html_folder(fmt: str, output: str | None, many: bool) -> Path | None:
    """The folder for one page per article, or None for a single report; E470 for a file with many."""
    if fmt != "html":
        return None
    if output is None:
        if many:
            raise InputError(Errors.E470.format(output="standard output"))
        return None
    path = Path(output)
    if path.is_dir() or output.endswith(("/", os.sep)):
        return path
    if many and not path.exists() and path.suffix.lower() not in (".html", ".htm"):
        return path  # a new folder named without a trailing slash
    if many:
        raise InputError(Errors.E470.format(output=output))
    return None


def _stored_texts(analyzer: Analyzer, report: Report) -> dict[str, str]:
    """The stored texts of the articles the report's provenance names (none without a store)."""
    from ..render.sidebyside import texts_from_store

    try:
        store = analyzer.resources.get("store")
    except NewsiftError:
        return {}
    return texts_from_store(report.to_dict(), store)


def _write_stream(analyzer: Analyzer, articles: Iterator[Article], fmt: str, output: str | None,
                  bar: BatchProgress) -> tuple[int, int]:
    """Reports one after another on standard output or into one file (renamed into place at the end)."""
    from ..render import render_report

    written = failed = 0
    with atomic_output(output) as out:  # a failure leaves an existing -o file as it was
        for report in analyzer.analyze_many(articles):
            failed += echo_stage_failures(report.stages, report.article.source_path)
            if fmt == "jsonl":
                out.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
            else:
                others = _stored_texts(analyzer, report) if fmt == "html" else None
                render_report(report, fmt, out, others=others)
            written += 1
            bar.advance()
        if not written:  # fail inside, so an existing -o file stays as it was
            if bar.failed:  # each unreadable input already has its line on standard error
                sys.exit(2)
            raise InputError(Errors.E021)
    return written, failed


def _write_pages(analyzer: Analyzer, articles: Iterator[Article], folder: Path,
                 bar: BatchProgress) -> tuple[int, int]:
    """One HTML page per article in ``folder`` and a sortable index.html, each file renamed into place."""
    from ..render.html import render_html
    from ..render.index import index_row, render_index

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(Errors.E471.format(path=folder, why=exc.strerror or exc)) from None
    rows: list[dict[str, object]] = []
    taken: set[str] = set()
    failed = 0
    for report in analyzer.analyze_many(articles):
        failed += echo_stage_failures(report.stages, report.article.source_path)
        name = _page_name(report.article, taken)
        with atomic_output(str(folder / name)) as out:
            out.write(render_html(report, others=_stored_texts(analyzer, report)))
        rows.append(index_row(report.to_dict(), name))
        bar.advance()
    if rows:
        with atomic_output(str(folder / "index.html")) as out:
            out.write(render_index(rows, failed=[e.removeprefix("newsift: ") for e in bar.errors]))
    return len(rows), failed


def _page_name(article: Article, taken: set[str]) -> str:
    """A file name for the article's page: its id made safe, unique within the batch."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", article.id or "article").strip("-.")[:80] or "article"
    name, n = f"{stem}.html", 1
    while name in taken or name == "index.html":
        n += 1
        name = f"{stem}-{n}.html"
    taken.add(name)
    return name


def _check_parallel(paths: list[str], read_options: tuple[Any, ...], workers: int, scheduler: str,
                    output: str | None, strict: bool) -> None:
    """Corpus-scale check on Dask: jsonl out, unreadable records reported as they are met."""
    from ..batch import analyze_corpus

    problems = 0
    options = read_options[0]

    def articles():
        nonlocal problems
        for item in _items(paths, *read_options):
            if isinstance(item, ReadProblem):
                problems += 1
                click.echo(f"newsift: {item.message}", err=True)
            else:
                yield item

    count = failed = 0
    with atomic_output(output) as out:
        for report in progress_over(analyze_corpus(articles(), options, workers, scheduler=scheduler), "checking"):
            failed += echo_stage_failures(report.get("stages", []), report.get("article", {}).get("source_path"))
            out.write(json.dumps(report, ensure_ascii=False) + "\n")
            count += 1
    if not count:
        raise InputError(Errors.E021)
    if problems and strict:
        sys.exit(2)
    if failed:
        sys.exit(1)


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
