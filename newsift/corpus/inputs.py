"""Partitioned corpus input for Dask jobs: the store, JSONL files or Parquet files, as a bag of article dicts.

JSONL is split into blocks that the workers read themselves, and Parquet
into row groups, so on a cluster the data is read where it is (shared
storage or an object store URL that fsspec understands), and the SQLite store
in rowid ranges, each read by its worker (on a cluster the store lies on
storage the workers share). A bad record is dropped on the worker and
counted, never fatal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError
from ..model import Article
from ..readers import Columns, article_from_dict

__all__ = ["store_bag", "jsonl_bag", "parquet_bag", "corpus_bag"]


def _record(article: Article) -> dict[str, Any]:
    return {**article.to_dict(), "notes": []}


def _from_line(line: str, label: str) -> list[dict[str, Any]]:
    """One JSONL line as a one-element list, or an empty one when it is not an article."""
    if not line.strip():
        return []
    try:
        return [_record(article_from_dict(json.loads(line), label))]
    except (ValueError, InputError):
        return []


def jsonl_bag(paths: list[str], blocksize: str = "32MiB") -> Any:
    import dask.bag as db

    return db.read_text(paths, blocksize=blocksize).map(_from_line, "jsonl").flatten()


def _parquet_part(path: str, group: int, columns: Columns) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path).read_row_group(group)
    out = []
    for row in table.to_pylist():
        try:
            out.append(_record(article_from_dict(columns.article_fields(row), path)))
        except InputError:
            continue
    return out


def parquet_bag(paths: list[str], columns: Columns | None = None) -> Any:
    import dask.bag as db
    import pyarrow.parquet as pq
    from dask import delayed

    columns = columns or Columns()
    parts = []
    for path in paths:
        try:
            meta = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises several types for a damaged file
            raise InputError(Errors.E402.format(path=path, kind="Parquet", why=str(exc).splitlines()[0])) from None
        columns.check(meta.schema_arrow.names, path)
        parts += [delayed(_parquet_part)(path, g, columns) for g in range(meta.num_row_groups)]
    return db.from_delayed(parts)


def _store_part(db_path: str, after: int, until: int) -> list[dict[str, Any]]:
    from ..store import Store

    with Store(db_path, create=False, readonly=True) as store:
        return [_record(article) for _, article in store.articles.iter(after=after, until=until)]


def store_bag(db_path: str, partitions: int) -> Any:
    """The store's articles in ``partitions`` rowid ranges, each read by the worker that gets it."""
    import dask.bag as db
    from dask import delayed

    from ..store import Store

    path = Path(db_path)
    if not path.exists():
        raise InputError(Errors.E031.format(path=db_path))
    with Store(db_path, create=False, readonly=True) as store:
        rowids = [r for (r,) in store.conn.execute("SELECT rowid FROM articles ORDER BY rowid")]
    if not rowids:
        raise InputError(Errors.E150.format(db=db_path))
    parts = max(1, min(partitions, len(rowids)))
    # each range ends on a rowid, so the ranges share none and hold about as many articles each
    ends = [rowids[len(rowids) * (k + 1) // parts - 1] for k in range(parts)]
    return db.from_delayed([delayed(_store_part)(str(path.resolve()), after, until)
                            for after, until in zip([0] + ends[:-1], ends)])


def corpus_bag(paths: list[str], db_path: str, partitions: int, columns: Columns | None = None) -> Any:
    """The bag for ``paths`` (all JSONL or all Parquet), or the store when none is given."""
    if not paths:
        return store_bag(db_path, partitions)
    kinds = {Path(p).suffix.lower() for p in paths}
    if kinds <= {".jsonl", ".ndjson"}:
        return jsonl_bag(paths)
    if kinds == {".parquet"}:
        return parquet_bag(paths, columns)
    raise InputError(Errors.E409.format(path=", ".join(paths), suffix=", ".join(sorted(kinds))))
