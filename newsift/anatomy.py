"""The article's anatomy: what share of its characters is what.

Furniture (title, repeated title, boilerplate) is counted first; ``body`` is
every other character. Stages add further parts through
``Report.anatomy_parts`` (``quoted``, ``copied_narrative`` …); those are
shares of the whole text too, counted over the body only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:  # the model calls anatomy(); anatomy only reads its fields
    from .model import Report, Span

__all__ = ["anatomy", "covered", "union_length"]

FURNITURE = ("title", "repeated_title", "boilerplate")


def union_length(intervals: Iterable[tuple[int, int]]) -> int:
    return sum(end - start for start, end in _merge(intervals))


def covered(spans: Iterable[Span]) -> list[tuple[int, int]]:
    """Merge spans into sorted, disjoint intervals."""
    return _merge((s.start, s.end) for s in spans)


def _merge(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def _subtract(intervals: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in intervals:
        cur = start
        for h_start, h_end in holes:
            if h_end <= cur or h_start >= end:
                continue
            if h_start > cur:
                out.append((cur, h_start))
            cur = max(cur, h_end)
        if cur < end:
            out.append((cur, end))
    return out


def anatomy(report: Report) -> dict[str, Any]:
    """Shares of characters (whitespace excluded) in each part of the article."""
    text = report.article.text
    visible = sum(1 for ch in text if not ch.isspace())

    def count(intervals: list[tuple[int, int]]) -> int:
        return sum(sum(1 for ch in text[a:b] if not ch.isspace()) for a, b in intervals)

    shares: dict[str, float] = {}
    taken: list[tuple[int, int]] = []
    for part in FURNITURE:
        own = _subtract(covered(report.anatomy_parts.get(part, [])), _merge(taken))
        shares[part] = count(own)
        taken = _merge(taken + own)
    body = _subtract([(0, len(text))], taken)
    shares["body"] = count(body)
    for part, spans in report.anatomy_parts.items():
        if part in FURNITURE:
            continue
        shares[part] = count(_subtract(covered(spans), taken))
    denom = visible or 1
    return {
        "characters": visible,
        "unit": "non-whitespace characters",
        "shares": {k: round(v / denom, 4) for k, v in shares.items()},
    }
