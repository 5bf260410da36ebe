"""The relations of ``corpus trace`` and of article-by-article ``check``, in one comparable form.

For every ordered pair (this article, other article) a relation is
``(is_copy, direction as this article sees it, narrative words, quote
words, passages as (start, end, other_start, other_end, kind))``. ``check``
gives one from each report's provenance section; a trace relation gives
two, one from each side.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..provenance.direction import OTHER_COPIED, THIS_COPIED

__all__ = ["from_reports", "from_relations", "compare"]

Seen = dict[tuple[str, str], tuple[Any, ...]]
_MIRROR = {THIS_COPIED: OTHER_COPIED, OTHER_COPIED: THIS_COPIED}


def from_reports(reports: Iterable[dict[str, Any]]) -> Seen:
    seen: Seen = {}
    for report in reports:
        this = report["article"]["id"]
        section = (report.get("sections") or {}).get("provenance") or {}
        for relation, is_copy in (("sources", True), ("quote_overlap", False)):
            for other in section.get(relation) or []:
                passages = tuple((p["start"], p["end"], p["other_start"], p["other_end"], p["kind"])
                                 for p in other.get("passages") or [])
                seen[(this, other["article_id"])] = (is_copy, other["direction"], other["shared_narrative_words"],
                                                     other["shared_quote_words"], passages)
    return seen


def from_relations(rows: Iterable[dict[str, Any]]) -> Seen:
    seen: Seen = {}
    for row in rows:
        mine = tuple(sorted((p["a_start"], p["a_end"], p["b_start"], p["b_end"], p["kind"]) for p in row["passages"]))
        theirs = tuple(sorted((p["b_start"], p["b_end"], p["a_start"], p["a_end"], p["kind"]) for p in row["passages"]))
        words = (row["narrative_words"], row["quote_words"])
        seen[(row["a"], row["b"])] = (row["is_copy"], row["direction"], *words, mine)
        seen[(row["b"], row["a"])] = (row["is_copy"], _MIRROR.get(row["direction"], row["direction"]), *words, theirs)
    return seen


def compare(check: Seen, trace: Seen) -> dict[str, Any]:
    """Pairs found by both and equal, found by one only, or found by both but different (by field)."""
    both = set(check) & set(trace)
    fields = ("is_copy", "direction", "narrative_words", "quote_words", "passages")
    differ: dict[str, list[tuple[str, str]]] = {f: [] for f in fields}
    for key in sorted(both):
        a, b = check[key], (*trace[key][:4], trace[key][4])
        a = (*a[:4], tuple(sorted(a[4])))
        for i, name in enumerate(fields):
            if a[i] != b[i]:
                differ[name].append(key)
    same = sum(1 for key in both if all(key not in v for v in differ.values()))
    return {"check_pairs": len(check), "trace_pairs": len(trace), "same": same,
            "check_only": sorted(set(check) - set(trace)), "trace_only": sorted(set(trace) - set(check)),
            "differ": {k: v for k, v in differ.items() if v}}
