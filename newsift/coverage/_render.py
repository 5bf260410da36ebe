"""Lines for the terminal report's coverage part."""

from __future__ import annotations

from typing import Any

__all__ = ["coverage_lines"]


def _rating(item: dict[str, Any]) -> str:
    rating = item.get("rating") or {}
    score = rating.get("score")
    return "unrated" if score is None else f"rated {score:.2f}"


def _changes(item: dict[str, Any]) -> str:
    bits = []
    for side, word in (("adds", "+"), ("omits", "-")):
        part = item.get(side) or {}
        names = (part.get("people") or [])[:3]
        figures = (part.get("numbers") or [])[:3]
        quotes = len(part.get("quotes") or [])
        shown = ", ".join(names + figures) + (f", {quotes} quote(s)" if quotes else "")
        if shown.strip(", "):
            bits.append(f"{word}[{shown.strip(', ')}]")
    return " ".join(bits)


def coverage_lines(section: dict[str, Any]) -> list[str]:
    items = section.get("items") or []
    lines = [f"{section.get('independent', 0)} independent report(s) of the same event, "
             f"{section.get('copies', 0)} copy(ies), among {section.get('store_articles', 0)} stored articles"]
    for n, item in enumerate(items, 1):
        tag = "COPY" if item["copy"] else ("same event" if item["same_event"] else "related")
        when = ", date unknown" if item.get("days_apart") is None else f", {item['days_apart']} d apart"
        lines.append(f"{n:>2}. {item.get('host') or item.get('domain') or '?'} — {item.get('title') or item['article_id']} "
                     f"[{tag}, {_rating(item)}, relevance {item['relevance']:.2f}{when}] {_changes(item)}".rstrip())
        reason = (item.get("event_evidence") or {}).get("reason")
        if reason and item["same_event"]:
            lines.append(f"      why: {reason}")
    changed = [v for row in section.get("quote_fidelity") or [] for v in row["versions"] if not v["identical"]]
    if changed:
        lines.append("quote fidelity: the same quotes as other outlets printed them ({→ changed} {+added} {-cut})")
    for version in changed:
        aligned = ", ".join(version.get("aligned_words") or [])
        lines.append(f"    {version.get('domain') or '?'} {version['article_id']} (similarity {version['similarity']:.0f}; "
                     f"aligned: {aligned}): "
                     f"{version['rendered']}")
    lines.extend(f"    note: {note}" for note in section.get("notes") or [])
    return lines
