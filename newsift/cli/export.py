"""``newsift export TABLE``: findings from JSON reports as a CSV or Parquet table."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, Iterator

import click

from ..errors import Errors, InputError
from ._app import cli

FORMATS = ("csv", "parquet")


def _reports(paths: tuple[str, ...], problems: list[str]) -> Iterator[dict[str, Any]]:
    """Reports from JSONL files (or - for standard input); a bad line is one coded problem."""
    for path in paths or ("-",):
        try:
            handle = sys.stdin if path == "-" else open(path, encoding="utf-8")
        except OSError as exc:
            problems.append(Errors.E013.format(path=path, why=exc.strerror or exc))
            continue
        with handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    report = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append(Errors.E008.format(path=path, line=number, why=exc.msg))
                    continue
                if not isinstance(report, dict) or not isinstance(report.get("article"), dict):
                    problems.append(Errors.E404.format(path=path, record=number, why="not a newsift report"))
                    continue
                yield report


def _write_csv(rows: list[dict[str, Any]], columns: list[str], output: str | None) -> None:
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    finally:
        if output:
            out.close()


def _write_parquet(rows: list[dict[str, Any]], columns: list[str], output: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = {}
    for column in columns:
        values = [row.get(column) for row in rows]
        try:
            arrays[column] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed kinds in one column: keep them as text
            arrays[column] = pa.array([None if v is None else str(v) for v in values], type=pa.string())
    pq.write_table(pa.table(arrays), output)


@cli.command("export")
@click.argument("table", type=str)
@click.argument("reports", nargs=-1)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here (.csv or .parquet) instead of CSV on standard output.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Table format (default: from the --output suffix, else csv).")
def export(table: str, reports: tuple[str, ...], output: str | None, fmt: str | None) -> None:
    """Write TABLE (articles, quotes, claims, copies, coverage, ratings) from JSONL reports, one row per finding.

    REPORTS are files written by `newsift check --format jsonl` (default: standard input).
    """
    from ..corpus.export import TABLES, columns_of, table_rows

    if table not in TABLES:
        raise InputError(Errors.E406.format(name=table, known=", ".join(TABLES)))
    fmt = fmt or ("parquet" if output and Path(output).suffix.lower() == ".parquet" else "csv")
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs --output FILE")
    problems: list[str] = []
    rows = list(table_rows(table, _reports(reports, problems)))
    for message in problems:
        click.echo(f"newsift: {message}", err=True)
    columns = columns_of(rows) or ["article_id"]
    if fmt == "parquet":
        assert output is not None
        _write_parquet(rows, columns, output)
    else:
        _write_csv(rows, columns, output)
    if output:
        click.echo(f"newsift: {len(rows)} {table} rows in {output}", err=True)
    if problems:
        sys.exit(2)
