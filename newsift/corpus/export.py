"""Flat tables from JSON reports: one row per finding, with its offsets and evidence.

Each table reads the reports ``check --format jsonl`` writes. Nested values
are flattened so a spreadsheet or a dataframe can take them: a nested span
becomes ``<key>_start``, ``<key>_end`` and ``<key>_text``, a nested object
``<key>_<field>``, and a list of anything else one JSON string. Columns are
the union over all rows, in first-seen order, so a table is stable for a
given input.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterable, Iterator

__all__ = ["TABLES", "table_rows", "flatten", "columns_of"]

Row = dict[str, Any]


def _is_span(value: Any) -> bool:
    return isinstance(value, dict) and "start" in value and "end" in value


def flatten(obj: dict[str, Any], prefix: str = "") -> Row:
    """One level of columns from a nested report object (see the module notes)."""
    row: Row = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if _is_span(value) and prefix == "":
            row.update({f"{name}_start": value["start"], f"{name}_end": value["end"], f"{name}_text": value.get("text")})
        elif isinstance(value, dict):
            row.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            row[name] = json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None
        else:
            row[name] = value
    return row


def _article_key(report: dict[str, Any]) -> Row:
    article = report.get("article") or {}
    return {"article_id": article.get("id"), "domain": article.get("domain")}


def _articles(report: dict[str, Any]) -> Iterator[Row]:
    article = {k: v for k, v in (report.get("article") or {}).items() if k != "text"}
    row: Row = {"article_id": article.pop("id", None), **article,
                "chars": len((report.get("article") or {}).get("text") or "")}
    row.update(flatten(report.get("anatomy") or {}, "anatomy_"))
    for record in report.get("stages") or []:
        row[f"stage_{record['name']}"] = record["status"]
    row["notes"] = json.dumps(report.get("notes") or [], ensure_ascii=False) if report.get("notes") else None
    yield row


def _layer(name: str) -> Callable[[dict[str, Any]], Iterator[Row]]:
    def rows(report: dict[str, Any]) -> Iterator[Row]:
        for span in (report.get("layers") or {}).get(name) or []:
            yield {**_article_key(report), **flatten(span)}
    return rows


def _copies(report: dict[str, Any]) -> Iterator[Row]:
    """One row per aligned passage, under the relation (copy source or quote overlap) it belongs to."""
    section = (report.get("sections") or {}).get("provenance") or {}
    for relation in ("sources", "quote_overlap"):
        for other in section.get(relation) or []:
            head = {**_article_key(report), "relation": "copy" if relation == "sources" else "quote_overlap",
                    "other_article_id": other.get("article_id"), "other_domain": other.get("domain"),
                    "other_url": other.get("url"), "other_published": other.get("published"),
                    "direction": other.get("direction"), "confidence": other.get("confidence"),
                    "shared_narrative_words": other.get("shared_narrative_words"),
                    "shared_quote_words": other.get("shared_quote_words"),
                    "evidence": json.dumps(other.get("evidence"), ensure_ascii=False) if other.get("evidence") else None}
            for passage in other.get("passages") or []:
                yield {**head, **{f"passage_{k}": v for k, v in flatten(passage).items()}}


def _coverage(report: dict[str, Any]) -> Iterator[Row]:
    for item in ((report.get("sections") or {}).get("coverage") or {}).get("items") or []:
        other = flatten(item)
        for key in ("article_id", "domain", "url", "title", "published"):  # the other report's, not this one's
            other[f"other_{key}"] = other.pop(key, None)
        yield {**_article_key(report), **other}


def _ratings(report: dict[str, Any]) -> Iterator[Row]:
    for entry in (report.get("sections") or {}).get("sources") or []:
        row = flatten(entry)
        row["outlet"] = row.pop("domain", None)
        yield {**_article_key(report), **row}


TABLES: dict[str, Callable[[dict[str, Any]], Iterator[Row]]] = {
    "articles": _articles, "quotes": _layer("quotes"), "claims": _layer("claims"), "copies": _copies,
    "coverage": _coverage, "ratings": _ratings,
}


def table_rows(name: str, reports: Iterable[dict[str, Any]]) -> Iterator[Row]:
    """The rows of table ``name`` over these reports, in report order."""
    make = TABLES[name]
    for report in reports:
        yield from make(report)


def columns_of(rows: list[Row]) -> list[str]:
    """Every column met, in first-seen order."""
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)
