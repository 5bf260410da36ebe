"""``newsift sources update``: fetch and check every set first, then replace them all at once.

All or nothing: every chosen set is downloaded (bounded), read and checked
before the store is touched; then all of them and the summaries are
replaced in one transaction. A failure anywhere, or a kill, leaves the
store as it was. A set is refused when it lacks its expected columns, or
holds fewer than ``MIN_SHARE`` of the domains its last load stored (a
truncated download) unless ``force``.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import Errors, InputError
from ..settings import Options
from ..store import Store
from ._base import Rating, SourceSet
from .fetch import check_origin, fetch_set
from .sets import SETS
from .store import previous_rows, replace_set, set_rows
from .summary import rebuild_summary

__all__ = ["update_sources", "select_sets", "fetch_sets", "apply_sets", "FetchedSet", "MIN_SHARE"]

MIN_SHARE = 0.8  # a reload below this share of the last load's domains is taken for a truncated file


@dataclass
class FetchedSet:
    """One set read and checked, not yet stored."""

    source_set: SourceSet
    ratings: list[Rating]
    origin: str
    sha256: str
    domains: int
    seconds: float


def select_sets(names: list[str] | None) -> list[SourceSet]:
    if not names:
        return list(SETS.values())
    unknown = [n for n in names if n not in SETS]
    if unknown:
        raise InputError(Errors.E203.format(name=unknown[0], known=", ".join(SETS)))
    return [SETS[n] for n in names]


def _checksum(content: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for local in sorted(content):
        digest.update(local.encode() + b"\0" + hashlib.sha256(content[local]).digest())
    return digest.hexdigest()


def _read_one(source_set: SourceSet, origin: str | None, options: Options) -> FetchedSet:
    started = time.perf_counter()
    content, where = fetch_set(source_set, origin, options.sources_urls, options.sources_timeout)
    origin_text = " ".join(where.values())
    try:
        ratings = source_set.parse(content)
    except KeyError as exc:  # the readers index rows by their expected column names
        raise InputError(Errors.E540.format(where=origin_text, name=source_set.name, why=f"no column {exc}")) from None
    except (ValueError, UnicodeDecodeError, TypeError, IndexError) as exc:
        why = f"{type(exc).__name__}: {exc}"
        raise InputError(Errors.E202.format(where=origin_text, name=source_set.name, why=why)) from None
    if not ratings:
        raise InputError(Errors.E202.format(where=origin_text, name=source_set.name, why="no ratings found"))
    return FetchedSet(source_set, ratings, origin_text, _checksum(content), len(set_rows(source_set, ratings)),
                      round(time.perf_counter() - started, 2))


def fetch_sets(options: Options, origin: str | None = None, names: list[str] | None = None,
               on_set: Callable[[dict[str, Any]], None] | None = None) -> list[FetchedSet]:
    """Download and read the chosen sets (default all) without touching any store; the first failure stops."""
    origin = origin or options.sources_from
    check_origin(origin)
    out = []
    for source_set in select_sets(names):
        fetched = _read_one(source_set, origin, options)
        out.append(fetched)
        if on_set:
            on_set({"set": source_set.name, "domains": fetched.domains, "origin": fetched.origin,
                    "seconds": fetched.seconds})
    return out


def _check_share(store: Store, fetched: FetchedSet) -> None:
    before = previous_rows(store, fetched.source_set.name)
    if before and fetched.domains < MIN_SHARE * before:
        raise InputError(Errors.E541.format(name=fetched.source_set.name, rows=fetched.domains, share=MIN_SHARE,
                                            previous=before))


def apply_sets(store: Store, sets: list[FetchedSet], force: bool = False) -> dict[str, Any]:
    """Replace these sets and rebuild the summaries in one transaction: all of it, or nothing."""
    results = []
    with store.transaction():
        for fetched in sets:
            if not force:
                _check_share(store, fetched)
            stored = replace_set(store, fetched.source_set, fetched.ratings, fetched.origin, fetched.sha256)
            results.append({"set": fetched.source_set.name, "domains": stored, "origin": fetched.origin,
                            "sha256": fetched.sha256, "seconds": fetched.seconds})
        domains = rebuild_summary(store)
    return {"sets": results, "domains": domains}


def update_sources(store: Store, options: Options, origin: str | None = None, names: list[str] | None = None,
                   on_set: Callable[[dict[str, Any]], None] | None = None, force: bool = False) -> dict[str, Any]:
    """Fetch and check the chosen sets (default all), then replace them and the summaries at once."""
    return apply_sets(store, fetch_sets(options, origin, names, on_set), force)
