"""What the report page shows, computed from a JSON report (``Report.to_dict()``).

The templates only lay out what this module decides. Every lookup is
defensive: a section or key a stage did not write is shown as absent, never
a crash, because stages change shape over time and a page may be rendered
from an older stored report.
"""

from __future__ import annotations

from typing import Any, Mapping

from .highlight import LAYERS, segment_article
from .plots import anatomy_bar, claim_strip, share_bars

__all__ = ["build_view", "rating_view", "outlet_rating", "LAYERS"]

SPEAKER_COLOURS = ["#b9dcff", "#ffd3a8", "#c8f0c0", "#f3c6f3", "#fff0a0", "#c9c4ff", "#a8efe6", "#ffc4c4"]
SPEAKER_INKS = ["#1d5fa0", "#a85400", "#2f7a24", "#8a2d8a", "#7a6a00", "#4b3fb0", "#0f7468", "#b02a2a"]


def _get(obj: Any, *path: Any, default: Any = None) -> Any:
    """obj[path0][path1]… or ``default`` when any step is missing or of the wrong type."""
    for key in path:
        if isinstance(obj, Mapping) and key in obj:
            obj = obj[key]
        elif isinstance(obj, list) and isinstance(key, int) and -len(obj) <= key < len(obj):
            obj = obj[key]
        else:
            return default
    return default if obj is None else obj


def _source_name(source: Any) -> str:
    """A rating set's source as a reader may see it: a URL, or a file's name (never a server path)."""
    text = str(source or "")
    if "://" in text:
        return text
    return text.replace("\\", "/").rsplit("/", 1)[-1]


def rating_view(entry: Mapping[str, Any] | None, domain: str | None = None) -> dict[str, Any]:
    """An outlet's rating card: each rater's own label with source and date, the summary and spread."""
    entry = entry or {}
    summary = _get(entry, "summary", default={})
    raters = []
    for r in _get(entry, "raters", default=[]):
        raters.append({"rater": _get(r, "title", default=_get(r, "rater", default="?")),
                       "key": _get(r, "rater", default=""), "label": _get(r, "label", default="—"),
                       "bias": _get(r, "bias"), "cite": _get(r, "cite", default=""),
                       "source": _source_name(_get(r, "source")),
                       "date": str(_get(r, "fetched_at", default=""))[:10],
                       "deprecated": _get(r, "rater") == "wikipedia-rsp"
                       and str(_get(r, "label", default="")).startswith("deprecated")})
    score = _get(summary, "score", default=_get(entry, "score"))
    return {"domain": _get(entry, "domain", default=domain or "unknown outlet"),
            "rated": bool(_get(entry, "rated", default=False)) and score is not None,
            "score": score, "band": _band(score), "rule": _get(summary, "rule"),
            "spread": _get(summary, "spread"), "n_raters": _get(summary, "n_raters", default=len(raters)),
            "note": _plain_note(_get(summary, "note"), domain), "raters": raters,
            "satire": any("satire" in str(r["label"]).lower() for r in raters),
            "lookalikes": _get(entry, "lookalikes", default=[]), "siblings": _get(entry, "siblings", default=[])}


def _plain_note(note: Any, domain: str | None) -> str | None:
    """The summary's note without a leading "unrated:" (the badge already says it)."""
    if not domain:
        return "the article has no known domain (give its URL), so no rating can be looked up"
    text = str(note or "")
    return text.split(":", 1)[1].strip() if text.lower().startswith("unrated:") else (text or None)


def _band(score: Any) -> str:
    """Plain words for a 0..1 summary score (the raters' own labels stay beside it)."""
    if not isinstance(score, (int, float)):
        return "unrated"
    if score < 0.35:
        return "low"
    if score < 0.65:
        return "mixed"
    return "high"


def _same_outlet(entry: Mapping[str, Any], domain: str) -> bool:
    """The sources entry is about ``domain``: the same name, the rated name, or a host of it (edition.cnn.com)."""
    names = {str(_get(entry, "domain", default="")), str(_get(entry, "matched", default=""))} - {""}
    return any(n == domain or n.endswith("." + domain) or domain.endswith("." + n) for n in names)


def outlet_rating(report: Mapping[str, Any], domain: str | None, role: str | None = None) -> dict[str, Any]:
    """The rating card for ``domain`` (or the entry with ``role``) from the sources section; unrated when absent."""
    entries = _get(report, "sections", "sources", default=[])
    chosen = next((e for e in entries if role and role in (_get(e, "roles", default=[]) or [])), None)
    if chosen is None and domain:
        chosen = next((e for e in entries if _same_outlet(e, domain)), None)
    if chosen is not None:
        return rating_view(chosen, domain)
    view = rating_view(None, domain)
    if _get(report, "sections", "sources") is None and domain:
        why = next((f"{_get(s, 'status')}: {_get(s, 'reason')}" for s in _get(report, "stages", default=[])
                    if _get(s, "name") == "sources" and _get(s, "reason")), "the sources stage did not run")
        view["note"] = f"not looked up ({why})"
    return view


DIRECTION_WORDS = {"this copied from other": "this article copied from it",
                   "other copied from this": "it copied from this article"}


def direction_words(direction: Any) -> str:
    """The provenance direction in plain words."""
    return DIRECTION_WORDS.get(str(direction), "which of the two came first is not known")


def _copy_sources(report: Mapping[str, Any], links: Any) -> list[dict[str, Any]]:
    out = []
    for i, src in enumerate(_get(report, "sections", "provenance", "sources", default=[])):
        out.append({"index": i, "id": _get(src, "article_id"), "domain": _get(src, "domain", default="?"),
                    "title": _get(src, "title"), "url": _get(src, "url"), "published": _get(src, "published"),
                    "direction": _get(src, "direction", default=""), "confidence": _get(src, "confidence"),
                    "direction_words": direction_words(_get(src, "direction")),
                    "evidence": _get(src, "evidence", default=[]), "via": _get(src, "via"),
                    "narrative_words": _get(src, "shared_narrative_words", default=0),
                    "quote_words": _get(src, "shared_quote_words", default=0),
                    "passages": _get(src, "passages", default=[]),
                    "rating": outlet_rating(report, _get(src, "domain")),
                    "href": links(_get(src, "article_id")) if links else None})
    return out


def _coverage(report: Mapping[str, Any], links: Any) -> dict[str, Any]:
    cov = _get(report, "sections", "coverage", default={})
    items = []
    for it in _get(cov, "items", default=[]):
        rating = _get(it, "rating", default={})
        items.append({**{k: _get(it, k) for k in ("article_id", "domain", "title", "url", "published",
                                                  "days_apart", "relevance", "date_unknown")},
                      "same_event": bool(_get(it, "same_event", default=False)),
                      "is_copy": bool(_get(it, "copy", default=False)),
                      "copy_direction": _get(it, "copy_evidence", "direction"),
                      "reason": _get(it, "event_evidence", "reason"),
                      "score": _get(rating, "score"), "band": _band(_get(rating, "score")),
                      "rating_note": _get(rating, "summary", "note"), "raters": _get(rating, "raters", default=0),
                      "adds": _nonempty(_get(it, "adds", default={})), "omits": _nonempty(_get(it, "omits", default={})),
                      "href": links(_get(it, "article_id")) if links else None})
    independent = [i for i in items if i["same_event"] and not i["is_copy"]]
    return {"present": bool(cov), "items": items, "independent": _get(cov, "independent", default=len(independent)),
            "copies": _get(cov, "copies", default=0), "store_articles": _get(cov, "store_articles"),
            "best_independent": independent[0] if independent else None,
            "fidelity": _fidelity(_get(cov, "quote_fidelity", default=[])), "notes": _get(cov, "notes", default=[])}


def _nonempty(groups: Mapping[str, Any]) -> list[tuple[str, list[Any]]]:
    return [(k.replace("_", " "), list(v)) for k, v in groups.items() if v]


def _fidelity(entries: list[Any]) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        versions = [{"domain": _get(v, "domain", default="?"), "is_copy": bool(_get(v, "copy", default=False)),
                     "similarity": _get(v, "similarity"), "identical": bool(_get(v, "identical", default=False)),
                     "ops": [(_get(op, "op", default="same"), _get(op, "a", default=""), _get(op, "b", default=""))
                             for op in _get(v, "alignment", default=[])],
                     "counts": _get(v, "counts", default={})}
                    for v in _get(e, "versions", default=[])]
        out.append({"speaker": _get(e, "quote", "speaker"), "text": _get(e, "quote", "text", default=""),
                    "differs": bool(_get(e, "differs", default=False)), "versions": versions})
    return out


def _speakers(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    out = []
    for i, sp in enumerate(_get(report, "sections", "speakers", default=[])):
        quotes = _get(sp, "quotes", default=[])
        out.append({"name": _get(sp, "name", default="unknown speaker"),
                    "quotes": len(quotes) if isinstance(quotes, list) else quotes,
                    "share": float(_get(sp, "share", default=0.0) or 0.0),
                    "colour": SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)], "ink": SPEAKER_INKS[i % len(SPEAKER_INKS)]})
    return out


def _claims(report: Mapping[str, Any]) -> dict[str, Any]:
    section = _get(report, "sections", "claims", default={})
    ranking = [{"score": _get(r, "score"), "text": _get(r, "text", default=""), "whose": _get(r, "whose"),
                "speaker": _get(r, "speaker"), "start": _get(r, "start"), "claim": _get(r, "claim")}
               for r in _get(section, "ranking", default=[])]
    scores = [s.get("score") for s in _get(report, "layers", "claims", default=[]) if isinstance(s, Mapping)]
    return {"present": bool(section), "ranking": ranking, "threshold": _get(section, "threshold"),
            "sentences": _get(section, "sentences", default=len(scores)), "model": _get(section, "model"),
            "outlet": _get(section, "outlet_claims", default=0), "speaker": _get(section, "speaker_claims", default=0),
            "unscored": _get(section, "unscored", "reason"),
            "plot": claim_strip([s for s in scores if isinstance(s, (int, float))], _get(section, "threshold"))}


def _stage_problems(report: Mapping[str, Any]) -> list[dict[str, str]]:
    return [{"name": str(_get(s, "name", default="?")), "status": str(_get(s, "status", default="?")),
             "reason": str(_get(s, "reason", default=""))}
            for s in _get(report, "stages", default=[]) if _get(s, "status") != "ran"]


def build_view(report: Mapping[str, Any], *, others: Mapping[str, Any] | None = None,
               links: Any = None) -> dict[str, Any]:
    """Everything the report page shows, from a JSON report and the stored texts of the articles it names.

    ``others`` maps an article id to its text (or to an object with ``.text``);
    ``links`` maps an article id to the address of its own page, or is None.
    """
    article = _get(report, "article", default={})
    shares = _get(report, "anatomy", "shares", default={})
    speakers = _speakers(report)
    copies = _copy_sources(report, links)
    from .sidebyside import side_by_side

    heading = _get(article, "title") or next((_get(s, "text") for s in _get(report, "layers", "cleaning", default=[])
                                              if _get(s, "label") == "title"), None)
    return {
        "article": {k: _get(article, k) for k in ("id", "url", "domain", "title", "published", "source_path")},
        "heading": heading or _get(article, "source_path") or _get(article, "id") or "Untitled article",
        "notes": list(_get(article, "notes", default=[])) + list(_get(report, "notes", default=[])),
        "version": _get(report, "newsift_version", default=""),
        "outlet": outlet_rating(report, _get(article, "domain"), role="article"),
        "copies": copies, "copy_source": next((c for c in copies if "this copied" in str(c["direction"])), None),
        "quote_overlap": _get(report, "sections", "provenance", "quote_overlap", default=[]),
        "provenance_ran": _get(report, "sections", "provenance") is not None,
        "store_articles": _get(report, "sections", "provenance", "store_articles"),
        "chains": _chains(report, copies),
        "shares": shares, "anatomy_plot": anatomy_bar(shares), "characters": _get(report, "anatomy", "characters"),
        "own": shares.get("original"), "copied": (shares.get("copied_narrative") or 0) + (shares.get("copied_quote") or 0),
        "speakers": speakers, "speaker_plot": share_bars([(s["name"], s["share"], s["ink"]) for s in speakers]),
        "claims": _claims(report), "coverage": _coverage(report, links),
        "signals": [{"name": _get(s, "name"), "value": _get(s, "value"), "explanation": _get(s, "explanation")}
                    for s in _get(report, "signals", default=[])],
        "problems": _stage_problems(report),
        "article_html": segment_article(report, speakers),
        "side_by_side": side_by_side(report, copies, others or {}),
    }


def _chains(report: Mapping[str, Any], copies: list[dict[str, Any]]) -> list[list[str]]:
    names = {c["id"]: c["domain"] for c in copies}
    names[_get(report, "article", "id")] = f"this article ({_get(report, 'article', 'domain', default='?')})"
    return [[names.get(i, str(i)) for i in chain]
            for chain in _get(report, "sections", "provenance", "chains", default=[]) if isinstance(chain, list)]
