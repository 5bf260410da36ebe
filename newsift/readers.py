"""Readers: turn files, URLs-free HTML and standard input into Articles.

Each reader yields ``Article`` objects or ``ReadProblem`` records (one bad
line of a ``.jsonl`` does not stop the good ones). ``Article.text`` is the
exact string analysed: a ``.txt`` is decoded without newline translation;
HTML is reduced to its main text by trafilatura.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator, Union

from .domains import normalize_domain
from .errors import Errors, InputError
from .model import Article

__all__ = ["ReadProblem", "iso_date", "read_inputs", "read_path", "read_bytes", "article_from_dict", "decode", "SUFFIXES"]

MIN_HTML_WORDS = 8

SUFFIXES = (".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".csv")


@dataclass
class ReadProblem:
    """An input (or one record of it) that could not be read; ``message`` is one line."""

    message: str
    exit_code: int = 2


Item = Union[Article, ReadProblem]


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n:,} bytes"


def decode(data: bytes, label: str) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8, else the best-guess charset; notes say which fallback was used."""
    if not data:
        raise InputError(Errors.E002.format(path=label))
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith(b"\xff\xfe") or sample.startswith(b"\xfe\xff")):
        raise InputError(Errors.E004.format(path=label, why="it contains NUL bytes"))
    try:
        text = data.decode("utf-8")
        notes: list[str] = []
    except UnicodeDecodeError:
        text, notes = _decode_fallback(data, label)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:8192]) // 50):
        raise InputError(Errors.E004.format(path=label, why=f"{controls} control characters in the first 8 KB"))
    if not text.strip():
        raise InputError(Errors.E003.format(path=label))
    return text, notes


def _decode_fallback(data: bytes, label: str) -> tuple[str, list[str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        encoding = best.encoding
        text = data.decode(encoding, errors="replace")
    else:
        encoding = "utf-8 with replacement characters"
        text = data.decode("utf-8", errors="replace")
    return text, [Errors.E024.format(path=label, encoding=encoding)]


def _read_limited(path: Path, max_bytes: int) -> bytes:
    label = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(Errors.E001.format(path=label)) from None
    except OSError as exc:
        raise InputError(Errors.E013.format(path=label, why=exc.strerror or exc)) from None
    if path.is_dir():
        raise InputError(Errors.E013.format(path=label, why="it is a directory"))
    if size > max_bytes:
        raise InputError(Errors.E005.format(path=label, size=_size(size), limit=_size(max_bytes)))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(Errors.E013.format(path=label, why=exc.strerror or exc)) from None


def iso_date(value: Any, label: str) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    text = str(value).strip()
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(Errors.E018.format(path=label, value=value)) from None
    return text


def article_from_dict(obj: Any, label: str) -> Article:
    """An Article from an article object: ``text`` required; id, url, domain, title, published optional."""
    if not isinstance(obj, dict):
        raise InputError(Errors.E010.format(path=label, kind=type(obj).__name__))
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(Errors.E007.format(path=label))
    url = obj.get("url") or None
    return Article(
        text=text,
        id=str(obj["id"]) if obj.get("id") not in (None, "") else "",
        url=url,
        domain=normalize_domain(obj.get("domain") or url),
        title=obj.get("title") or None,
        published=iso_date(obj.get("published"), label),
        source_path=label,
    )


def _split_title(text: str) -> str | None:
    """The first line of a .txt is a title when short, unpunctuated at the end, and followed by more text."""
    first, sep, rest = text.lstrip("\ufeff").partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first or len(first) > 200:
        return None
    if first[-1] in ".!;,:" and not first.endswith("?!"):
        return None
    if len(first.split()) < 2 and len(first) < 12:
        return None
    return first


def _txt(data: bytes, label: str) -> Iterator[Item]:
    text, notes = decode(data, label)
    article = Article(text=text, title=_split_title(text), source_path=label)
    article.notes.extend(notes)
    yield article


def _html(data: bytes, label: str) -> Iterator[Item]:
    import trafilatura

    html, notes = decode(data, label)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=False)
    if extracted is None:
        raise InputError(Errors.E006.format(path=label))
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = meta.get("text") or ""
    if len(text.split()) < MIN_HTML_WORDS:  # a menu or a cookie banner is not an article
        raise InputError(Errors.E006.format(path=label))
    url = meta.get("url") or None
    published = None
    if meta.get("date"):
        try:
            published = iso_date(meta["date"], label)
        except InputError:
            published = None
    article = Article(
        text=text,
        url=url,
        domain=normalize_domain(url or meta.get("hostname")),
        title=meta.get("title") or None,
        published=published,
        source_path=label,
    )
    if meta.get("sitename"):
        article.notes.append(f"site name in the page: {meta['sitename']}")
    article.notes.extend(notes)
    yield article


def _json(data: bytes, label: str) -> Iterator[Item]:
    text, notes = decode(data, label)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E009.format(path=label, why=exc.msg + f" at line {exc.lineno}")) from None
    article = article_from_dict(obj, label)
    article.notes.extend(notes)
    yield article


def _jsonl(data: bytes, label: str) -> Iterator[Item]:
    text, notes = decode(data, label)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(Errors.E008.format(path=label, line=number, why=exc.msg))
            continue
        try:
            article = article_from_dict(obj, where)
        except InputError as exc:
            yield ReadProblem(Errors.E014.format(path=label, line=number, why=str(exc).split(": ", 2)[-1]))
            continue
        article.notes.extend(notes)
        yield article


def _csv(data: bytes, label: str) -> Iterator[Item]:
    text, notes = decode(data, label)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        raise InputError(Errors.E011.format(path=label, columns=", ".join(reader.fieldnames or []) or "none"))
    for number, row in enumerate(reader, start=2):
        try:
            article = article_from_dict(row, f"{label}:{number}")
        except InputError as exc:
            yield ReadProblem(Errors.E014.format(path=label, line=number, why=str(exc).split(": ", 2)[-1]))
            continue
        article.notes.extend(notes)
        yield article


_READERS = {
    ".txt": _txt, ".text": _txt, ".html": _html, ".htm": _html, ".json": _json,
    ".jsonl": _jsonl, ".ndjson": _jsonl, ".csv": _csv,
}


def read_bytes(data: bytes, label: str, kind: str = ".txt") -> Iterator[Item]:
    """Read one input's bytes as the given kind (a file suffix)."""
    reader = _READERS.get(kind)
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


def read_path(path: str, max_bytes: int = 20_000_000, kind: str | None = None) -> Iterator[Item]:
    """Read one path (or ``-`` for standard input) into Articles and ReadProblems."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(Errors.E005.format(path="<stdin>", size=f"over {_size(max_bytes)}", limit=_size(max_bytes)))
        yield from read_bytes(data, "<stdin>", kind or _sniff_kind(data))
        return
    p = Path(path)
    suffix = kind or p.suffix.lower()
    if suffix not in _READERS:
        if not p.exists():
            raise InputError(Errors.E001.format(path=path))
        raise InputError(Errors.E012.format(path=path, suffix=p.suffix or "(none)"))
    data = _read_limited(p, max_bytes)
    yield from read_bytes(data, os.fspath(path), suffix)


def read_inputs(paths: list[str], max_bytes: int = 20_000_000) -> Iterator[Item]:
    """Read many paths; an unreadable one becomes a ReadProblem and the rest go on."""
    for path in paths:
        try:
            yield from read_path(path, max_bytes)
        except InputError as exc:
            yield ReadProblem(str(exc), exc.exit_code)
