"""Sources stage: what independent raters say about each outlet involved in the article.

Outlets: the article's own domain (from its URL, else its domain field),
every outlet in the provenance section, and every outlet credited in the
text ("Politico reported", "according to The Washington Post"). Each gets
its raters' labels and the summary score, or, when unrated, a plain
"unrated" with what can be said offline: the ratings of the outlets it
copies from and rated domains that look like its siblings or mirrors.
"""

from __future__ import annotations

from typing import Any

from ..model import Report, Span
from ..pipeline import Resources, Stage
from ..store import load_store
from ..sources.credits import find_credits
from ..sources.rate import Ratings, load_ratings

__all__ = ["SourcesStage"]

COPIED_FROM = "this copied from other"
# entity types that are never an outlet ("according to Trump", "told the White House")
_NOT_OUTLET_ENTITIES = ("PERSON", "GPE", "NORP", "LOC", "FAC")


_RATER = {"type": "object", "required": ["rater", "label"],
          "properties": {"rater": {"type": "string"}, "label": {"type": "string"},
                         "value": {"type": ["number", "null"]}, "source": {"type": ["string", "null"]},
                         "fetched_at": {"type": ["string", "null"]}}}

SOURCES_SCHEMA = {
    "type": "array",
    "description": "one entry per outlet, the article's own domain first",
    "items": {
        "type": "object",
        "required": ["domain", "roles", "rated", "score", "raters", "summary", "evidence"],
        "properties": {
            "domain": {"type": ["string", "null"]},
            "roles": {"type": "array", "items": {"enum": ["article", "provenance", "credited"]}},
            "rated": {"type": "boolean"},
            "score": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
            "raters": {"type": "array", "items": _RATER},
            "summary": {"type": "object"},
            "evidence": {"type": "array"},
        },
    },
}


class SourcesStage(Stage):
    name = "sources"
    uses = ("provenance", "entities")
    assigns = ("sources",)
    sections = {"sources": SOURCES_SCHEMA}
    resources = {"ratings": load_ratings}
    optional_resources = {"store": load_store}

    def run(self, report: Report, resources: Resources) -> None:
        ratings: Ratings = resources.get("ratings")
        entries: dict[str, dict[str, Any]] = {}
        own = _own_entry(report, ratings)
        for src in (report.sections.get("provenance") or {}).get("sources", []):
            _add(entries, ratings, src.get("url") or src.get("domain"), "provenance",
                 {"article_id": src.get("article_id"), "direction": src.get("direction")})
        not_outlets = [s for s in report.spans("entities") if s.label in _NOT_OUTLET_ENTITIES]
        credits = find_credits(report.text, ratings.resolve, not_outlets)
        for domain, span in credits:
            _add(entries, ratings, domain, "credited", span.to_dict(report.text))
        report.add_spans("sources", [Span(s.start, s.end, s.label, {**s.attrs, "domain": d}) for d, s in credits])
        if own.get("rated") is False:
            own["copies_from"] = [_brief(e) for e in entries.values()
                                  if any(ev.get("direction") == COPIED_FROM for ev in e["evidence"])]
        same = entries.pop(own["domain"], None) if own.get("domain") else None
        if same:  # the article credits its own outlet
            own["roles"] += [r for r in same["roles"] if r not in own["roles"]]
            own["evidence"] += same["evidence"]
        report.sections["sources"] = [own, *entries.values()]

    def render_text(self, report: Report) -> list[Any]:
        return [line for entry in report.sections.get("sources", []) for line in _entry_lines(entry)]


def _own_entry(report: Report, ratings: Ratings) -> dict[str, Any]:
    where = report.article.url or report.article.domain
    rated = ratings.rate(where) if where else None
    if rated is None:
        return {"domain": where, "roles": ["article"], "rated": False, "score": None, "raters": [],
                "summary": {"score": None, "rule": None,
                            "note": "the article's domain is unknown (give --url or a 'url' field)" if not where
                            else f"'{where}' is not a domain"},
                "evidence": []}
    entry = {**rated, "roles": ["article"], "evidence": []}
    if not rated["rated"]:
        entry["lookalikes"] = ratings.lookalikes(rated["domain"])
    return entry


def _add(entries: dict[str, dict[str, Any]], ratings: Ratings, where: str | None, role: str,
         evidence: dict[str, Any]) -> None:
    rated = ratings.rate(where) if where else None
    if rated is None:
        return
    entry = entries.setdefault(rated["domain"], {**rated, "roles": [], "evidence": []})
    if role not in entry["roles"]:
        entry["roles"].append(role)
    entry["evidence"].append({"role": role, **evidence})


def _brief(entry: dict[str, Any]) -> dict[str, Any]:
    return {"domain": entry["domain"], "score": entry["score"], "rated": entry["rated"],
            "n_raters": len(entry["raters"])}


def _entry_lines(entry: dict[str, Any]) -> list[str]:
    roles = "/".join(entry.get("roles", []))
    head = f"{entry['domain'] or '(no domain)'} ({roles}): "
    if not entry["rated"]:
        lines = [head + (entry["summary"].get("note") or "unrated")]
        for other in entry.get("copies_from", []):
            score = "unrated" if other["score"] is None else f"{other['score']:.2f}"
            lines.append(f"  copies from {other['domain']}: {score}")
        for other in entry.get("siblings", []) + entry.get("lookalikes", []):
            lines.append(f"  looks like {other['domain']} ({other['relation']}; its score {other['score']}, not transferred)")
        return lines
    summary = entry["summary"]
    score = "no reliability score" if entry["score"] is None else f"score {entry['score']:.2f}"
    spread = f", spread {summary['spread']:.2f}" if summary.get("spread") is not None else ""
    lines = [head + f"{score} ({summary['rule']}; {len(entry['raters'])} raters{spread})"]
    lines += [f"  {r['rater']}: {r['label']}" for r in entry["raters"]]
    lines += [f"  credited: \"{ev['text']}\"" for ev in entry["evidence"] if ev.get("role") == "credited"][:3]
    return lines
