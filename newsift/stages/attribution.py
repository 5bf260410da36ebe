"""Attribution stage: the ``quotes`` layer, the ``speakers`` section, the ``quoted`` anatomy part.

Each quote span is the quote's content, labelled ``direct``, ``indirect`` or
``mixed``; attrs hold ``cue`` and ``speaker_mention`` (Spans or None), the
resolved ``speaker``, ``insertions`` (Spans labelled ``insertion`` or
``ellipsis``), ``confidence`` and ``group`` (parts of one quote interrupted
by its cue or continued over paragraphs share a group).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..attribution import AttributionModel, ParsedText, extract_attributions
from ..attribution.extract import insertions_of, is_speech
from ..attribution.posts import inside_posts, post_attributions
from ..attribution.reported import Attribution
from ..model import Report, Span
from ..pipeline import Resources, Stage

__all__ = ["AttributionStage", "quote_spans", "speakers_section"]

SPEAKERS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "quotes", "share"],
        "properties": {
            "name": {"type": "string"},
            "quotes": {"type": "array", "items": {"type": "integer", "minimum": 0}},
            "share": {"type": "number", "minimum": 0, "maximum": 1},
        },
    },
}


def load_attribution_model(resources: Resources) -> AttributionModel:
    """The packaged cue lexicon and candidate filter (hand-written cue lists alone if absent)."""
    return AttributionModel.load()


def _span(bounds: tuple[int, int] | None, label: str) -> Span | None:
    return Span(bounds[0], bounds[1], label) if bounds else None


def quote_spans(text: str, attributions: list[Attribution], first_group: int = 0) -> list[Span]:
    """One span per content part; the parts of one attribution share a group number."""
    spans = []
    for group, att in enumerate(attributions, start=first_group):
        cue, mention = _span(att.cue, "cue"), _span(att.mention, "speaker_mention")
        chain = [Span(a, b, "speaker_mention") for a, b in att.chain]
        marks = insertions_of(text, att)
        for start, end in att.parts:
            spans.append(Span(start, end, att.kind, {
                "cue": cue,
                "cue_kind": att.cue_kind,
                "speaker_mention": mention,
                "speaker": att.speaker,
                "speaker_status": att.speaker_status,
                "speaker_chain": chain,
                "insertions": [m for m in marks if start <= m.start and m.end <= end],
                "confidence": att.confidence,
                "group": group,
            }))
    return sorted(spans, key=lambda s: (s.start, -s.end))


def speakers_section(quotes: list[Span]) -> list[dict[str, Any]]:
    """Each resolved speaker with the indices of their quotes and their share of quoted characters."""
    by_name: dict[str, list[int]] = defaultdict(list)
    chars: dict[str, int] = defaultdict(int)
    for i, q in enumerate(quotes):
        if q.attrs.get("speaker"):
            by_name[q.attrs["speaker"]].append(i)
            chars[q.attrs["speaker"]] += len(q)
    total = sum(len(q) for q in quotes) or 1
    rows = [{"name": n, "quotes": idx, "share": round(chars[n] / total, 4)} for n, idx in by_name.items()]
    return sorted(rows, key=lambda r: -r["share"])


class AttributionStage(Stage):
    name = "attribution"
    requires = ("docs",)
    assigns = ("quotes", "attributions", "speakers")
    resources = {"attribution_model": load_attribution_model}
    sections = {"speakers": SPEAKERS_SCHEMA}
    layers = {"quotes": "quotes: words someone said or wrote (direct, indirect, mixed)",
              "attributions": "other attributions: beliefs, perceptions, stances, intentions, documents, "
                              "cues outside the lexicon (not speech)"}

    def run(self, report: Report, resources: Resources) -> None:
        text = report.text
        parsed = ParsedText(report.scratch["docs"], resources.get("attribution_model"))
        posts = post_attributions(text)
        attributions = [a for a in extract_attributions(text, parsed) if not inside_posts(a, posts)]
        attributions = sorted(attributions + posts, key=lambda a: a.start)
        attributions = [a for a in attributions if not _in_furniture(report, a)]
        speech = [a for a in attributions if is_speech(a)]
        others = [a for a in attributions if not is_speech(a)]
        quotes = report.add_spans("quotes", quote_spans(text, speech))
        report.add_spans("attributions", quote_spans(text, others, first_group=len(speech)))
        report.sections["speakers"] = speakers_section(quotes)
        quoted = [Span(a, b, "quoted") for att in speech for a, b in (att.quoted or [])]
        report.anatomy_parts["quoted"] = quoted

    def render_text(self, report: Report) -> list[Any]:
        quotes = report.spans("quotes")
        kinds: dict[str, int] = defaultdict(int)
        for q in quotes:
            kinds[q.label] += 1
        lines = [f"{len(quotes)} quote spans (" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")"]
        others = report.spans("attributions")
        if others:
            by_kind: dict[str, int] = defaultdict(int)
            for o in others:
                by_kind[str(o.attrs.get("cue_kind"))] += 1
            # by cue kind, so 'other' (a cue outside the lexicon) never reads as speech
            shown = ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0])))
            lines.append(f"{len(others)} other attribution spans, not speech ({shown}; layer 'attributions')")
        for row in report.sections.get("speakers", [])[:8]:
            n = len(row["quotes"])
            lines.append(f"{row['name']}: {n} quote{'s' if n != 1 else ''}, {row['share']:.0%} of quoted text")
        return lines


def _in_furniture(report: Report, att: Attribution) -> bool:
    furniture = [s for s in report.spans("cleaning") if s.label in ("title", "repeated_title", "boilerplate")]
    return any(f.start <= att.start and att.parts[-1][1] <= f.end for f in furniture)
