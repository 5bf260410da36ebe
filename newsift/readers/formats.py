"""One reader per input format: bytes in, Articles (or one-line ReadProblems) out.

Every Article is built by ``Article.from_fields`` from text repaired by
``repair_text``; a ``.txt`` keeps its newlines as they are; HTML is reduced
to its main text by trafilatura.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Union

from ..errors import Errors, InputError
from ..model import Article, check_text_fields, iso_date
from .decoding import MAX_JSON_DEPTH, decode, json_depth_ok
from .repair import repair_note, repair_text

__all__ = ["ReadProblem", "Item", "article_from_dict", "READERS", "MIN_HTML_WORDS"]

MIN_HTML_WORDS = 8


@dataclass
class ReadProblem:
    """An input (or one record of it) that could not be read; ``message`` is one line."""

    message: str
    exit_code: int = 2


Item = Union[Article, ReadProblem]


def _article(text: Any, label: str, notes: list[str], **fields: Any) -> Article:
    """An Article from outside fields, its text repaired first, with what reading noticed."""
    count = 0
    if isinstance(text, str) and text.strip():
        check_text_fields(label, text=text, **fields)  # before repair, which would hide a lone surrogate
        text, count = repair_text(text)
    article = Article.from_fields(text, label=label, **fields)
    article.notes.extend(notes)
    if count:
        article.notes.append(repair_note(label, count))
    return article


def article_from_dict(obj: Any, label: str, notes: list[str] | None = None) -> Article:
    """An Article from an article object: ``text`` required; id, url, domain, title, published optional."""
    if not isinstance(obj, dict):
        raise InputError(Errors.E010.format(path=label, kind=type(obj).__name__))
    return _article(obj.get("text"), label, notes or [], id=obj.get("id"), url=obj.get("url"),
                    domain=obj.get("domain"), title=obj.get("title"), published=obj.get("published"),
                    source_path=label)


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
    text, count = repair_text(text)
    article = Article.from_fields(text, label=label, title=_split_title(text), source_path=label)
    article.notes.extend(notes)
    if count:
        article.notes.append(repair_note(label, count))
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
    if meta.get("sitename"):
        notes = [*notes, f"site name in the page: {meta['sitename']}"]
    url = meta.get("url") or None
    yield _article(text, label, notes, url=url, domain=None if url else meta.get("hostname"),
                   title=meta.get("title"), published=_lenient_date(meta.get("date"), label), source_path=label)


def _lenient_date(value: Any, label: str) -> str | None:
    """A page's own date when it parses; a page with a bad date is still an article."""
    try:
        return iso_date(value, label)
    except InputError:
        return None


def _json(data: bytes, label: str) -> Iterator[Item]:
    text, notes = decode(data, label)
    yield article_from_dict(_load_json(text, label), label, notes)


def _load_json(text: str, label: str) -> Any:
    """One JSON value; E009 when invalid, E403 when nested too deep (checked first: no RecursionError)."""
    if not json_depth_ok(text):
        raise InputError(Errors.E503.format(path=label, limit=MAX_JSON_DEPTH))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E009.format(path=label, why=exc.msg + f" at line {exc.lineno}")) from None


def _record_problem(label: str, line: int, exc: InputError) -> ReadProblem:
    return ReadProblem(Errors.E014.format(path=label, line=line, why=str(exc).split(": ", 2)[-1]))


def _jsonl(data: bytes, label: str) -> Iterator[Item]:
    text, notes = decode(data, label)
    # "\n" only: U+2028, U+2029 and U+0085 are valid inside JSON strings, and splitlines() would cut there
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if not json_depth_ok(line):
            yield ReadProblem(Errors.E008.format(path=label, line=number, why=f"nested deeper than {MAX_JSON_DEPTH}"))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(Errors.E008.format(path=label, line=number, why=exc.msg))
            continue
        try:
            yield article_from_dict(obj, f"{label}:{number}", notes)
        except InputError as exc:
            yield _record_problem(label, number, exc)


def _csv(data: bytes, label: str) -> Iterator[Item]:
    text, notes = decode(data, label)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        raise InputError(Errors.E011.format(path=label, columns=", ".join(reader.fieldnames or []) or "none"))
    for number, row in enumerate(reader, start=2):
        try:
            yield article_from_dict(row, f"{label}:{number}", notes)
        except InputError as exc:
            yield _record_problem(label, number, exc)


READERS: dict[str, Callable[[bytes, str], Iterator[Item]]] = {
    ".txt": _txt, ".text": _txt, ".html": _html, ".htm": _html, ".json": _json,
    ".jsonl": _jsonl, ".ndjson": _jsonl, ".csv": _csv,
}
