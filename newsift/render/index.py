"""The index page of a batch: one row per article with its key figures, sortable."""

from __future__ import annotations

from typing import Any, Mapping

from .html import render_page
from .view import _get, outlet_rating

__all__ = ["index_row", "render_index"]


def index_row(report: Mapping[str, Any], href: str) -> dict[str, Any]:
    """The figures a batch index shows for one report (all absent-safe)."""
    article = _get(report, "article", default={})
    shares = _get(report, "anatomy", "shares", default={})
    rating = outlet_rating(report, _get(article, "domain"), role="article")
    sources = _get(report, "sections", "provenance", "sources", default=[])
    copy = next((s for s in sources if "this copied" in str(_get(s, "direction", default=""))), None)
    shared = next((s for s in sources if "other copied" not in str(_get(s, "direction", default=""))), None)
    ranking = _get(report, "sections", "claims", "ranking", default=[])
    speakers = _get(report, "sections", "speakers", default=[])
    problems = [str(_get(s, "name")) for s in _get(report, "stages", default=[]) if _get(s, "status") != "ran"]
    copied = (shares.get("copied_narrative") or 0) + (shares.get("copied_quote") or 0)
    return {"href": href, "title": _get(article, "title") or _get(article, "source_path") or _get(article, "id"),
            "domain": _get(article, "domain", default=""), "published": str(_get(article, "published", default=""))[:10],
            "rating": rating, "own": shares.get("original"), "copied": copied if "original" in shares else None,
            "copy_source": _get(copy, "domain") if copy else (f"shares with {_get(shared, 'domain')}" if shared else ""),
            "speakers": len(speakers), "top_speaker": _get(speakers, 0, "name", default=""),
            "checkworthy": len(ranking), "top_claim": _get(ranking, 0, "score"),
            "independent": _get(report, "sections", "coverage", "independent"), "problems": problems}


def render_index(rows: list[dict[str, Any]], *, title: str = "newsift: checked articles",
                 failed: list[str] | None = None) -> str:
    """The batch's index page: a sortable table of the articles, with the inputs that failed."""
    return render_page("index.html.j2", rows=rows, title=title, failed=failed or [])
