"""Readers: turn files, HTML and standard input into Articles.

Each reader yields ``Article`` objects or ``ReadProblem`` records (one bad
line of a ``.jsonl`` does not stop the good ones). ``Article.text`` is the
exact string analysed: a ``.txt`` is decoded without newline translation;
HTML is reduced to its main text by trafilatura; encoding damage is
repaired first and the report's notes say so.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

from ..settings import option_default
from ..errors import Errors, InputError
from ..model import iso_date
from .corpus import Columns, read_corpus_path
from .decoding import decode, read_limited, read_stream
from .formats import READERS, Item, ReadProblem, article_from_dict
from .repair import repair_text

MAX_BYTES: int = option_default("max_bytes")  # the one default, from Options

__all__ = ["ReadProblem", "Item", "iso_date", "read_inputs", "read_path", "read_bytes", "article_from_dict",
           "decode", "repair_text", "SUFFIXES", "Columns"]

SUFFIXES = tuple(READERS)


def read_bytes(data: bytes, label: str, kind: str = ".txt") -> Iterator[Item]:
    """Read one input's bytes as the given kind (a file suffix)."""
    reader = READERS.get(kind)
    if reader is None:
        raise InputError(Errors.E012.format(path=label, suffix=kind))
    yield from reader(data, label)


def _sniff_kind(data: bytes) -> str:
    head = data.lstrip()[:512].lower()
    if head.startswith(b"{") and b"\n{" in data.strip():
        return ".jsonl"
    if head.startswith(b"{"):
        return ".json"
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or b"<body" in data[:4096].lower():
        return ".html"
    return ".txt"


def read_path(path: str, max_bytes: int = MAX_BYTES, kind: str | None = None,
              columns: Columns | None = None, suffixes: tuple[str, ...] | None = None) -> Iterator[Item]:
    """Read one path (or ``-`` for standard input) into Articles and ReadProblems.

    Folders, WARC, Parquet and CSV with named ``columns`` go to the corpus readers (``readers.corpus``).
    """
    if path != "-" and kind is None:
        corpus_items = read_corpus_path(path, max_bytes, columns, suffixes)
        if corpus_items is not None:
            yield from corpus_items
            return
    if path == "-":
        data = read_stream(sys.stdin.buffer, "<stdin>", max_bytes)
        yield from read_bytes(data, "<stdin>", kind or _sniff_kind(data))
        return
    p = Path(path)
    suffix = kind or p.suffix.lower()
    if suffix not in READERS:
        if not p.exists():
            raise InputError(Errors.E001.format(path=path))
        raise InputError(Errors.E012.format(path=path, suffix=p.suffix or "(none)"))
    data = read_limited(p, max_bytes)
    yield from read_bytes(data, os.fspath(path), suffix)


def read_inputs(paths: list[str], max_bytes: int = MAX_BYTES, columns: Columns | None = None,
                suffixes: tuple[str, ...] | None = None) -> Iterator[Item]:
    """Read many paths; an unreadable one becomes a ReadProblem and the rest go on."""
    for path in paths:
        try:
            yield from read_path(path, max_bytes, columns=columns, suffixes=suffixes)
        except InputError as exc:
            yield ReadProblem(str(exc), exc.exit_code)
