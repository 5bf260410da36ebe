"""Provenance side by side: this article and a source article in two columns.

Shared passages are marked in both texts with paired ids (``a-0-3`` here,
``b-0-3`` there), so a click on one scrolls the other column to it. The
other article's text comes from the store (the caller passes it in); when it
is not at hand, the passages the provenance stage recorded are shown alone.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from markupsafe import Markup, escape

__all__ = ["side_by_side", "texts_from_store"]


def _marked(text: str, marks: list[tuple[int, int, str, str, str]]) -> Markup:
    """``text`` with non-overlapping ``(start, end, id, pair id, kind)`` marks; overlaps keep the first."""
    out, at = [], 0
    for start, end, mid, pair, kind in sorted(marks):
        if start < at or end > len(text) or start >= end:
            continue
        out.append(str(escape(text[at:start])))
        out.append(f'<mark id="{mid}" class="pair {escape(kind)}" data-pair="{pair}" tabindex="0">'
                   f"{escape(text[start:end])}</mark>")
        at = end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def _other_text(others: Mapping[str, Any], article_id: Any) -> str | None:
    other = others.get(article_id) if article_id is not None else None
    if other is None:
        return None
    return other if isinstance(other, str) else getattr(other, "text", None)


def side_by_side(report: Mapping[str, Any], copies: Sequence[Mapping[str, Any]],
                 others: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One two-column view per copy source, its passages aligned as rows and marked in both texts."""
    text = str((report.get("article") or {}).get("text") or "")
    views = []
    for src in copies:
        i = src["index"]
        other = _other_text(others, src.get("id"))
        pairs, left, right = [], [], []
        for k, p in enumerate(src.get("passages") or []):
            start, end = p.get("start"), p.get("end")
            if not isinstance(start, int) or not isinstance(end, int):
                continue
            kind = str(p.get("kind") or "passage")
            o_start, o_end = p.get("other_start"), p.get("other_end")
            other_piece = p.get("other_text")
            if other is not None and isinstance(o_start, int) and isinstance(o_end, int):
                right.append((o_start, o_end, f"b-{i}-{k}", f"a-{i}-{k}", kind))
                other_piece = other_piece or other[o_start:o_end]
            left.append((start, end, f"a-{i}-{k}", f"b-{i}-{k}", kind))
            pairs.append({"k": k, "kind": kind, "similarity": p.get("similarity"), "this": text[start:end],
                          "other": other_piece or "", "start": start, "end": end,
                          "other_start": o_start, "other_end": o_end})
        views.append({"index": i, "domain": src.get("domain"), "title": src.get("title"),
                      "published": src.get("published"), "direction": src.get("direction"), "direction_words": src.get("direction_words"),
                      "evidence": src.get("evidence") or [], "pairs": pairs, "has_other": other is not None,
                      "left": _marked(text, left), "right": _marked(other, right) if other is not None else None,
                      "href": src.get("href"), "rating": src.get("rating")})
    return views


def texts_from_store(report: Mapping[str, Any], store: Any) -> dict[str, str]:
    """The stored texts of the articles a report's provenance names (``Store.get`` per id)."""
    prov = (report.get("sections") or {}).get("provenance") or {}
    ids = {s.get("article_id") for s in (prov.get("sources") or []) if isinstance(s, Mapping)}
    out: dict[str, str] = {}
    for article_id in sorted(i for i in ids if isinstance(i, str)):
        article = store.get(article_id)
        if article is not None:
            out[article_id] = article.text
    return out
