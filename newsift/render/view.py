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

__all__ = ["build_view", "rating_view", "outlet_rating", "get_path", "direction_words", "LAYERS"]

SPEAKER_COLOURS = ["#b9dcff", "#ffd3a8", "#c8f0c0", "#f3c6f3", "#fff0a0", "#c9c4ff", "#a8efe6", "#ffc4c4"]
SPEAKER_INKS = ["#1d5fa0", "#a85400", "#2f7a24", "#8a2d8a", "#7a6a00", "#4b3fb0", "#0f7468", "#b02a2a"]


def get_path(obj: Any, *path: Any, default: Any = None) -> Any:
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
    summary = get_path(entry, "summary", default={})
    raters = []
    for r in get_path(entry, "raters", default=[]):
        raters.append({"rater": get_path(r, "title", default=get_path(r, "rater", default="?")),
                       "key": get_path(r, "rater", default=""), "label": get_path(r, "label", default="—"),
                       "bias": get_path(r, "bias"), "cite": get_path(r, "cite", default=""),
                       "source": _source_name(get_path(r, "source")),
                       "date": str(get_path(r, "fetched_at", default=""))[:10],
                       "deprecated": get_path(r, "rater") == "wikipedia-rsp"
                       and str(get_path(r, "label", default="")).startswith("deprecated")})
    score = get_path(summary, "score", default=get_path(entry, "score"))
    return {"domain": get_path(entry, "domain", default=domain or "unknown outlet"),
            "rated": bool(get_path(entry, "rated", default=False)) and score is not None,
            "score": score, "band": _band(score), "rule": get_path(summary, "rule"),
            "spread": get_path(summary, "spread"), "n_raters": get_path(summary, "n_raters", default=len(raters)),
            "note": _plain_note(get_path(summary, "note"), domain), "raters": raters,
            "satire": any("satire" in str(r["label"]).lower() for r in raters),
            "lookalikes": get_path(entry, "lookalikes", default=[]), "siblings": get_path(entry, "siblings", default=[])}


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
    names = {str(get_path(entry, "domain", default="")), str(get_path(entry, "matched", default=""))} - {""}
    return any(n == domain or n.endswith("." + domain) or domain.endswith("." + n) for n in names)


def outlet_rating(report: Mapping[str, Any], domain: str | None, role: str | None = None) -> dict[str, Any]:
    """The rating card for ``domain`` (or the entry with ``role``) from the sources section; unrated when absent."""
    entries = get_path(report, "sections", "sources", default=[])
    chosen = next((e for e in entries if role and role in (get_path(e, "roles", default=[]) or [])), None)
    if chosen is None and domain:
        chosen = next((e for e in entries if _same_outlet(e, domain)), None)
    if chosen is not None:
        return rating_view(chosen, domain)
    view = rating_view(None, domain)
    if get_path(report, "sections", "sources") is None and domain:
        why = next((f"{get_path(s, 'status')}: {get_path(s, 'reason')}" for s in get_path(report, "stages", default=[])
                    if get_path(s, "name") == "sources" and get_path(s, "reason")), "the sources stage did not run")
        view["note"] = f"not looked up ({why})"
    return view


DIRECTION_WORDS = {"this copied from other": "this article copied from it",
                   "other copied from this": "it copied from this article"}


def direction_words(direction: Any) -> str:
    """The provenance direction in plain words."""
    return DIRECTION_WORDS.get(str(direction), "which of the two came first is not known")


def _copy_sources(report: Mapping[str, Any], links: Any) -> list[dict[str, Any]]:
    out = []
    for i, src in enumerate(get_path(report, "sections", "provenance", "sources", default=[])):
        out.append({"index": i, "id": get_path(src, "article_id"), "domain": get_path(src, "domain", default="?"),
                    "title": get_path(src, "title"), "url": get_path(src, "url"), "published": get_path(src, "published"),
                    "direction": get_path(src, "direction", default=""), "confidence": get_path(src, "confidence"),
                    "direction_words": direction_words(get_path(src, "direction")),
                    "evidence": get_path(src, "evidence", default=[]), "via": get_path(src, "via"),
                    "narrative_words": get_path(src, "shared_narrative_words", default=0),
                    "quote_words": get_path(src, "shared_quote_words", default=0),
                    "passages": get_path(src, "passages", default=[]),
                    "rating": outlet_rating(report, get_path(src, "domain")),
                    "href": links(get_path(src, "article_id")) if links else None})
    return out


def _coverage(report: Mapping[str, Any], links: Any) -> dict[str, Any]:
    cov = get_path(report, "sections", "coverage", default={})
    items = []
    for it in get_path(cov, "items", default=[]):
        rating = get_path(it, "rating", default={})
        items.append({**{k: get_path(it, k) for k in ("article_id", "domain", "title", "url", "published",
                                                  "days_apart", "relevance", "date_unknown")},
                      "same_event": bool(get_path(it, "same_event", default=False)),
                      "is_copy": bool(get_path(it, "copy", default=False)),
                      "copy_direction": get_path(it, "copy_evidence", "direction"),
                      "reason": get_path(it, "event_evidence", "reason"),
                      "score": get_path(rating, "score"), "band": _band(get_path(rating, "score")),
                      "rating_note": get_path(rating, "summary", "note"), "raters": get_path(rating, "raters", default=0),
                      "adds": _nonempty(get_path(it, "adds", default={})), "omits": _nonempty(get_path(it, "omits", default={})),
                      "href": links(get_path(it, "article_id")) if links else None})
    independent = [i for i in items if i["same_event"] and not i["is_copy"]]
    return {"present": bool(cov), "items": items, "independent": get_path(cov, "independent", default=len(independent)),
            "copies": get_path(cov, "copies", default=0), "store_articles": get_path(cov, "store_articles"),
            "best_independent": independent[0] if independent else None,
            "fidelity": _fidelity(get_path(cov, "quote_fidelity", default=[])), "notes": get_path(cov, "notes", default=[])}


def _nonempty(groups: Mapping[str, Any]) -> list[tuple[str, list[Any]]]:
    return [(k.replace("_", " "), list(v)) for k, v in groups.items() if v]


def _fidelity(entries: list[Any]) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        versions = [{"domain": get_path(v, "domain", default="?"), "is_copy": bool(get_path(v, "copy", default=False)),
                     "similarity": get_path(v, "similarity"), "identical": bool(get_path(v, "identical", default=False)),
                     "ops": [(get_path(op, "op", default="same"), get_path(op, "a", default=""), get_path(op, "b", default=""))
                             for op in get_path(v, "alignment", default=[])],
                     "counts": get_path(v, "counts", default={})}
                    for v in get_path(e, "versions", default=[])]
        out.append({"speaker": get_path(e, "quote", "speaker"), "text": get_path(e, "quote", "text", default=""),
                    "differs": bool(get_path(e, "differs", default=False)), "versions": versions})
    return out


def _speakers(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    out = []
    for i, sp in enumerate(get_path(report, "sections", "speakers", default=[])):
        quotes = get_path(sp, "quotes", default=[])
        out.append({"name": get_path(sp, "name", default="unknown speaker"),
                    "quotes": len(quotes) if isinstance(quotes, list) else quotes,
                    "share": float(get_path(sp, "share", default=0.0) or 0.0),
                    "colour": SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)], "ink": SPEAKER_INKS[i % len(SPEAKER_INKS)]})
    return out


def _claims(report: Mapping[str, Any]) -> dict[str, Any]:
    section = get_path(report, "sections", "claims", default={})
    ranking = [{"score": get_path(r, "score"), "text": get_path(r, "text", default=""), "whose": get_path(r, "whose"),
                "speaker": get_path(r, "speaker"), "start": get_path(r, "start"), "claim": get_path(r, "claim")}
               for r in get_path(section, "ranking", default=[])]
    scores = [s.get("score") for s in get_path(report, "layers", "claims", default=[]) if isinstance(s, Mapping)]
    return {"present": bool(section), "ranking": ranking, "threshold": get_path(section, "threshold"),
            "sentences": get_path(section, "sentences", default=len(scores)), "model": get_path(section, "model"),
            "outlet": get_path(section, "outlet_claims", default=0), "speaker": get_path(section, "speaker_claims", default=0),
            "unscored": get_path(section, "unscored", "reason"),
            "plot": claim_strip([s for s in scores if isinstance(s, (int, float))], get_path(section, "threshold"))}


def _stage_problems(report: Mapping[str, Any]) -> list[dict[str, str]]:
    return [{"name": str(get_path(s, "name", default="?")), "status": str(get_path(s, "status", default="?")),
             "reason": str(get_path(s, "reason", default=""))}
            for s in get_path(report, "stages", default=[]) if get_path(s, "status") != "ran"]


def build_view(report: Mapping[str, Any], *, others: Mapping[str, Any] | None = None,
               links: Any = None) -> dict[str, Any]:
    """Everything the report page shows, from a JSON report and the stored texts of the articles it names.

    ``others`` maps an article id to its text (or to an object with ``.text``);
    ``links`` maps an article id to the address of its own page, or is None.
    """
    article = get_path(report, "article", default={})
    shares = get_path(report, "anatomy", "shares", default={})
    speakers = _speakers(report)
    copies = _copy_sources(report, links)
    from .sidebyside import side_by_side

    heading = get_path(article, "title") or next((get_path(s, "text") for s in get_path(report, "layers", "cleaning", default=[])
                                              if get_path(s, "label") == "title"), None)
    return {
        "article": {k: get_path(article, k) for k in ("id", "url", "domain", "title", "published", "source_path")},
        "heading": heading or get_path(article, "source_path") or get_path(article, "id") or "Untitled article",
        "notes": list(get_path(article, "notes", default=[])) + list(get_path(report, "notes", default=[])),
        "version": get_path(report, "newsift_version", default=""),
        "outlet": outlet_rating(report, get_path(article, "domain"), role="article"),
        "copies": copies, "copy_source": next((c for c in copies if "this copied" in str(c["direction"])), None),
        "quote_overlap": get_path(report, "sections", "provenance", "quote_overlap", default=[]),
        "provenance_ran": get_path(report, "sections", "provenance") is not None,
        "store_articles": get_path(report, "sections", "provenance", "store_articles"),
        "chains": _chains(report, copies),
        "shares": shares, "anatomy_plot": anatomy_bar(shares), "characters": get_path(report, "anatomy", "characters"),
        "own": shares.get("original"), "copied": (shares.get("copied_narrative") or 0) + (shares.get("copied_quote") or 0),
        "speakers": speakers, "speaker_plot": share_bars([(s["name"], s["share"], s["ink"]) for s in speakers]),
        "claims": _claims(report), "coverage": _coverage(report, links),
        "signals": [{"name": get_path(s, "name"), "value": get_path(s, "value"), "explanation": get_path(s, "explanation")}
                    for s in get_path(report, "signals", default=[])],
        "problems": _stage_problems(report),
        "article_html": segment_article(report, speakers),
        "side_by_side": side_by_side(report, copies, others or {}),
    }


def _chains(report: Mapping[str, Any], copies: list[dict[str, Any]]) -> list[list[str]]:
    names = {c["id"]: c["domain"] for c in copies}
    names[get_path(report, "article", "id")] = f"this article ({get_path(report, 'article', 'domain', default='?')})"
    return [[names.get(i, str(i)) for i in chain]
            for chain in get_path(report, "sections", "provenance", "chains", default=[]) if isinstance(chain, list)]
