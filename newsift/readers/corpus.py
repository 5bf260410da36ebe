"""Corpus inputs: folders read recursively, WARC archives, Parquet, and tables with named columns.

``read_corpus_path`` takes the paths the per-file readers cannot: a folder
(every file whose suffix is wanted, sorted, at any depth), a WARC or
Parquet file (streamed from disk, so a large one is not held in memory),
and a CSV when the user named its columns. It returns None for anything
else, which the ordinary readers handle.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

from ..errors import Errors, InputError
from .decoding import read_limited
from .formats import READERS, Item
from .tables import Columns, read_csv, read_parquet
from .warc import WARC_SUFFIXES, read_warc

__all__ = ["read_corpus_path", "kind_of", "walk", "CORPUS_SUFFIXES", "Columns"]

CORPUS_SUFFIXES = (".parquet", *WARC_SUFFIXES)
# hidden files and folders (.git, .DS_Store) are never articles
_HIDDEN = "."


def kind_of(path: Path) -> str:
    """The reader kind: the suffix, with ``.warc.gz`` kept whole."""
    name = path.name.lower()
    for suffix in WARC_SUFFIXES[::-1]:
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def walk(folder: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Files under ``folder`` with a wanted suffix, at any depth, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(_HIDDEN))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(_HIDDEN) and kind_of(path) in suffixes:
                yield path


def _stream_reader(kind: str, columns: Columns) -> Callable[[Path, str, int], Iterator[Item]] | None:
    if kind in WARC_SUFFIXES:
        def warc(path: Path, label: str, max_bytes: int) -> Iterator[Item]:
            with open(path, "rb") as stream:  # warcio un-gzips as it reads
                yield from read_warc(stream, label, max_bytes)
        return warc
    if kind == ".parquet":
        return lambda path, label, max_bytes: read_parquet(str(path), label, columns)
    if kind == ".csv" and columns.explicit:
        return lambda path, label, max_bytes: read_csv(read_limited(path, max_bytes), label, columns)
    return None


def read_corpus_path(path: str, max_bytes: int, columns: Columns | None = None,
                     suffixes: tuple[str, ...] | None = None) -> Iterator[Item] | None:
    """Items from a folder, WARC, Parquet or column-mapped CSV; None when ``path`` is none of those."""
    columns = columns or Columns()
    p = Path(path)
    if p.is_dir():
        wanted = suffixes or tuple(READERS) + CORPUS_SUFFIXES
        return _read_folder(p, max_bytes, columns, wanted)
    reader = _stream_reader(kind_of(p), columns)
    if reader is None or not p.is_file():
        return None
    return reader(p, os.fspath(path), max_bytes)


def _read_folder(folder: Path, max_bytes: int, columns: Columns, suffixes: tuple[str, ...]) -> Iterator[Item]:
    from . import read_path  # the per-file dispatch lives in the package

    found = False
    for path in walk(folder, suffixes):
        found = True
        try:
            yield from read_path(os.fspath(path), max_bytes, columns=columns)
        except InputError as exc:
            from .formats import ReadProblem

            yield ReadProblem(str(exc), exc.exit_code)
    if not found:
        raise InputError(Errors.E405.format(path=folder, suffixes=", ".join(suffixes)))
