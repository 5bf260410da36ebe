"""Tabular corpora: CSV and Parquet with the columns named by the user.

A corpus table rarely calls its text column ``text`` (FakeNewsCorpus uses
``content``); ``Columns`` maps each article field to the column that holds
it. A column the user named that the table lacks is an error (E401); a
default one that is absent is simply left empty. A bad record becomes one
ReadProblem and the good ones are kept.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Iterable, Iterator

from ..errors import Errors, InputError
from .decoding import decode
from .formats import Item, ReadProblem, article_from_dict

__all__ = ["Columns", "read_csv", "read_parquet", "PARQUET_BATCH"]

PARQUET_BATCH = 1024  # rows decoded at a time: memory stays flat on large files


@dataclass(frozen=True)
class Columns:
    """Which column holds each article field; ``explicit`` lists the ones the user named."""

    text: str = "text"
    id: str = "id"
    url: str = "url"
    domain: str = "domain"
    title: str = "title"
    published: str = "published"
    explicit: tuple[str, ...] = ()

    @classmethod
    def from_options(cls, **named: str | None) -> "Columns":
        given = {k: v for k, v in named.items() if v}
        return cls(**given, explicit=tuple(sorted(given)))

    def check(self, available: list[str], label: str) -> None:
        """E401 when the text column, or one the user named, is not in the table."""
        for name in ("text", *self.explicit):
            column = getattr(self, name)
            if column not in available:
                option = f"--{name.replace('_', '-')}-column"
                raise InputError(Errors.E401.format(path=label, column=column, option=option,
                                                    columns=", ".join(available) or "none"))

    def article_fields(self, row: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for f in fields(self):
            if f.name != "explicit":
                value = row.get(getattr(self, f.name))
                out[f.name] = value.isoformat() if isinstance(value, (date, datetime)) else value
        return out


def _rows_to_items(rows: Iterable[tuple[int, dict[str, Any]]], label: str, columns: Columns,
                   notes: list[str], problem: str) -> Iterator[Item]:
    for number, row in rows:
        try:
            yield article_from_dict(columns.article_fields(row), f"{label}:{number}", notes)
        except InputError as exc:
            why = str(exc).split(": ", 2)[-1]
            yield ReadProblem(problem.format(path=label, line=number, record=number, why=why))


def read_csv(data: bytes, label: str, columns: Columns) -> Iterator[Item]:
    """A CSV whose columns are named by ``columns``; rows numbered as lines of the file (header is 1)."""
    text, notes = decode(data, label)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns.check(list(reader.fieldnames or []), label)
    yield from _rows_to_items(enumerate(reader, start=2), label, columns, notes, Errors.E014)


def read_parquet(source: bytes | str, label: str, columns: Columns) -> Iterator[Item]:
    """A Parquet file (a path, opened lazily, or its bytes) read in row batches; records numbered from 1."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(Errors.E402.format(path=label, kind="Parquet", why="pyarrow is not installed")) from None
    try:
        table = pq.ParquetFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise InputError(Errors.E402.format(path=label, kind="Parquet", why=str(exc).splitlines()[0])) from None
    available = table.schema_arrow.names
    columns.check(available, label)
    wanted = sorted({getattr(columns, f.name) for f in fields(columns) if f.name != "explicit"} & set(available))

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        number = 0
        for batch in table.iter_batches(batch_size=PARQUET_BATCH, columns=wanted):
            for row in batch.to_pylist():
                number += 1
                yield number, row

    yield from _rows_to_items(rows(), label, columns, [], Errors.E404)
