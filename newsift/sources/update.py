"""``newsift sources update``: fetch each set, read it, replace it in the store, rebuild the summaries."""

from __future__ import annotations

import time
from typing import Any, Callable

from ..errors import Errors, InputError
from ..settings import Options
from ..store import Store
from ._base import SourceSet
from .sets import SETS
from .fetch import check_origin, fetch_set
from .store import replace_set
from .summary import rebuild_summary

__all__ = ["update_sources", "select_sets"]


def select_sets(names: list[str] | None) -> list[SourceSet]:
    if not names:
        return list(SETS.values())
    unknown = [n for n in names if n not in SETS]
    if unknown:
        raise InputError(Errors.E203.format(name=unknown[0], known=", ".join(SETS)))
    return [SETS[n] for n in names]


def _read_one(source_set: SourceSet, origin: str | None, options: Options) -> tuple[list, str]:
    content, where = fetch_set(source_set, origin, options.sources_urls, options.sources_timeout)
    origin_text = " ".join(where.values())
    try:
        ratings = source_set.parse(content)
    except (KeyError, ValueError, UnicodeDecodeError) as exc:
        raise InputError(Errors.E202.format(where=origin_text, name=source_set.name, why=f"{type(exc).__name__}: {exc}")) from None
    if not ratings:
        raise InputError(Errors.E202.format(where=origin_text, name=source_set.name, why="no ratings found"))
    return ratings, origin_text


def update_sources(store: Store, options: Options, origin: str | None = None, names: list[str] | None = None,
                   on_set: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Load the chosen sets (default all) from ``origin`` (default: ``options.sources_from``, else canonical URLs).

    Each set is replaced in its own transaction, so a failure keeps the sets
    already loaded; the summaries are rebuilt at the end.
    """
    origin = origin or options.sources_from
    check_origin(origin)
    results = []
    for source_set in select_sets(names):
        started = time.perf_counter()
        ratings, where = _read_one(source_set, origin, options)
        stored = replace_set(store, source_set, ratings, where)
        result = {"set": source_set.name, "domains": stored, "origin": where,
                  "seconds": round(time.perf_counter() - started, 2)}
        results.append(result)
        if on_set:
            on_set(result)
    domains = rebuild_summary(store)
    return {"sets": results, "domains": domains}
