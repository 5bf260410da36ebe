"""``newsift search``: full-text search over the store, with domain and date filters."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from typing import Any

from ..domains import normalize_domain
from ..errors import Errors, InputError
from ..store import Store
from ._index import backfill

__all__ = ["search", "parse_query", "check_date"]

_PART = re.compile(r'"([^"]+)"|(\S+)')


def parse_query(query: str) -> str:
    """User words to an FTS5 query: each word or "quoted phrase" must occur; a bare OR joins alternatives."""
    parts: list[str] = []
    for match in _PART.finditer(query):
        phrase, word = match.group(1), match.group(2)
        if word == "OR" and parts and parts[-1] != "OR":
            parts.append("OR")
            continue
        value = (phrase or word or "").replace('"', "")
        if re.search(r"\w", value):
            parts.append('"%s"' % value)
    while parts and parts[-1] == "OR":
        parts.pop()
    if not parts:
        raise InputError(Errors.E301)
    return " ".join(parts)


def check_date(value: str | None, option: str) -> str | None:
    """An ISO date (YYYY-MM-DD) or None; anything else is a usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise InputError(Errors.E300.format(option=option, value=value)) from None


def search(store: Store, query: str, domain: str | None = None, since: str | None = None,
           until: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Stored articles matching ``query`` (BM25, title weighted 3), newest filters applied in SQL."""
    match = parse_query(query)
    since, until = check_date(since, "--since"), check_date(until, "--until")
    if limit < 1:
        raise InputError(Errors.E303.format(option="--limit", why="must be at least 1"))
    backfill(store)
    sql = (
        "SELECT a.id, a.domain, a.url, a.title, a.published,"
        " snippet(coverage_fts, 1, '[', ']', ' … ', 16), -bm25(coverage_fts, 3.0, 1.0) AS score"
        " FROM coverage_fts JOIN articles a ON a.rowid = coverage_fts.rowid WHERE coverage_fts MATCH ?"
    )
    args: list[Any] = [match]
    if domain:
        sql += " AND a.domain = ?"
        args.append(normalize_domain(domain) or domain.lower())
    if since:
        sql += " AND substr(a.published, 1, 10) >= ?"
        args.append(since)
    if until:
        sql += " AND substr(a.published, 1, 10) <= ?"
        args.append(until)
    sql += " ORDER BY score DESC LIMIT ?"
    args.append(limit)
    try:
        rows = store.conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        raise InputError(Errors.E304.format(query=query, why=exc)) from None
    keys = ("article_id", "domain", "url", "title", "published", "snippet", "score")
    return [dict(zip(keys, row[:6] + (round(row[6], 3),))) for row in rows]
