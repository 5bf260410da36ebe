"""The index page of a batch: one row per article with its key figures, sortable."""

from __future__ import annotations

from typing import Any, Mapping

from .html import render_page
from .view import get_path, outlet_rating

__all__ = ["index_row", "render_index"]


def index_row(report: Mapping[str, Any], href: str) -> dict[str, Any]:
    """The figures a batch index shows for one report (all absent-safe)."""
    article = get_path(report, "article", default={})
    shares = get_path(report, "anatomy", "shares", default={})
    rating = outlet_rating(report, get_path(article, "domain"), role="article")
    sources = get_path(report, "sections", "provenance", "sources", default=[])
    copy = next((s for s in sources if "this copied" in str(get_path(s, "direction", default=""))), None)
    shared = next((s for s in sources if "other copied" not in str(get_path(s, "direction", default=""))), None)
    ranking = get_path(report, "sections", "claims", "ranking", default=[])
    speakers = get_path(report, "sections", "speakers", default=[])
    problems = [str(get_path(s, "name")) for s in get_path(report, "stages", default=[]) if get_path(s, "status") != "ran"]
    copied = (shares.get("copied_narrative") or 0) + (shares.get("copied_quote") or 0)
    return {"href": href, "title": get_path(article, "title") or get_path(article, "source_path") or get_path(article, "id"),
            "domain": get_path(article, "domain", default=""), "published": str(get_path(article, "published", default=""))[:10],
            "rating": rating, "own": shares.get("original"), "copied": copied if "original" in shares else None,
            "copy_source": get_path(copy, "domain") if copy else (f"shares with {get_path(shared, 'domain')}" if shared else ""),
            "speakers": len(speakers), "top_speaker": get_path(speakers, 0, "name", default=""),
            "checkworthy": len(ranking), "top_claim": get_path(ranking, 0, "score"),
            "independent": get_path(report, "sections", "coverage", "independent"), "problems": problems}


def render_index(rows: list[dict[str, Any]], *, title: str = "newsift: checked articles",
                 failed: list[str] | None = None) -> str:
    """The batch's index page: a sortable table of the articles, with the inputs that failed."""
    return render_page("index.html.j2", rows=rows, title=title, failed=failed or [])
