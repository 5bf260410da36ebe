"""Options shared by the commands that read a corpus: named columns and folder suffixes."""

from __future__ import annotations

from typing import Any, Callable, Iterator

import click

from ..errors import Errors, InputError
from ..readers import Columns, Item, ReadProblem

__all__ = ["corpus_input_options", "columns_and_suffixes", "is_corpus", "stored_articles", "read_paths"]

_FIELDS = ("text", "id", "url", "domain", "title", "published")


def corpus_input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--text-column`` … ``--published-column`` and ``--suffix`` to a command."""
    for name in reversed(_FIELDS):
        func = click.option(f"--{name}-column", f"{name}_column", default=None, metavar="NAME",
                            help=f"CSV/Parquet column holding the article's {name}.")(func)
    return click.option("--suffix", "suffixes", multiple=True, metavar=".EXT",
                        help="In folders, read only files with this suffix (repeatable; default: every "
                             "readable kind).")(func)


def columns_and_suffixes(kwargs: dict[str, Any]) -> tuple[Columns, tuple[str, ...] | None]:
    """Pop the shared options from a command's keyword arguments."""
    columns = Columns.from_options(**{name: kwargs.pop(f"{name}_column", None) for name in _FIELDS})
    raw = kwargs.pop("suffixes", ()) or ()
    suffixes = tuple(s.lower() if s.startswith(".") else f".{s.lower()}" for s in raw) or None
    return columns, suffixes


def is_corpus(path: str) -> bool:
    """A path that holds many articles: a folder, or a file of records."""
    from pathlib import Path

    return path.lower().endswith((".jsonl", ".ndjson", ".csv", ".parquet", ".warc", ".warc.gz")) or Path(path).is_dir()


def stored_articles(db: str, ids: tuple[str, ...]) -> Iterator[Item]:
    """Articles from the store by id; an unknown id is one coded problem (E403)."""
    from pathlib import Path

    from ..store import Store

    if not Path(db).exists():
        yield ReadProblem(Errors.E031.format(path=db))
        return
    with Store(db, create=False, readonly=True) as store:
        for article_id in ids:
            article = store.get(article_id)
            yield article if article is not None else ReadProblem(Errors.E403.format(id=article_id, path=db))


def read_paths(paths: list[str], options: Any, columns: Columns | None = None,
               suffixes: tuple[str, ...] | None = None) -> Iterator[Item]:
    """Each input's articles and problems, in order; an http(s) URL is fetched within the fetch settings
    (a refused or failed fetch is one coded problem, and the other inputs are still read)."""
    from ..fetch import is_url, read_url
    from ..readers import read_inputs

    for path in paths:
        if not is_url(path):
            yield from read_inputs([path], options.max_bytes, columns=columns, suffixes=suffixes)
            continue
        try:
            yield from read_url(path, options)
        except InputError as exc:
            yield ReadProblem(str(exc), exc.exit_code)
