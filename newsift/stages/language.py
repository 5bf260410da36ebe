"""Language stage: paragraphs, sentences and entities as spans; the parsed docs for later stages.

The parsed docs are kept in ``report.scratch["docs"]`` as ``(offset, Doc)``.
"""

from __future__ import annotations

from typing import Any

from ..language import english_share, load_nlp, looks_english, paragraph_spans, parse_paragraphs
from ..language.parse import parse_many, split_note
from ..model import Report, Span
from ..pipeline import Resources, Stage

__all__ = ["LanguageStage", "LANGUAGE_SCHEMA"]

LANGUAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["english"],
    "properties": {"english": {"type": "boolean"}, "english_function_word_share": {"type": "number"}},
}


def _load_nlp(resources: Resources) -> Any:
    return load_nlp(resources.options.spacy_model)


def _furniture(report: Report) -> list[Span]:
    return [s for s in report.spans("cleaning") if s.label in ("title", "repeated_title", "boilerplate")]


class LanguageStage(Stage):
    name = "language"
    uses = ("cleaning",)
    assigns = ("paragraphs", "sentences", "entities", "docs", "language")
    resources = {"nlp": _load_nlp}
    sections = {"language": LANGUAGE_SCHEMA}
    layers = {"paragraphs": "paragraphs", "sentences": "sentences", "entities": "named entities"}

    def run(self, report: Report, resources: Resources) -> None:
        text = report.text
        share, n_words = english_share(text)
        english = looks_english(share, n_words)
        report.sections["language"] = {"english": english, "english_function_word_share": round(share, 3)}
        if not english:
            report.notes.append(
                f"the text does not look like English ({share:.0%} English function words); "
                "English-only stages may miss or mislabel things"
            )
        preparsed = report.scratch.pop("preparsed", None)  # from prepare(), when checking many
        if preparsed is not None:
            paragraphs = report.add_spans("paragraphs", [p for p, _ in preparsed])
            docs = [d for _, d in preparsed]
        else:
            paragraphs, docs = report.add_spans("paragraphs", paragraph_spans(text)), None
        note = split_note(paragraphs)
        if note:
            report.notes.append(note)
        parsed = parse_paragraphs(text, paragraphs, resources.get("nlp"), _furniture(report), docs)
        report.add_spans("sentences", parsed.sentences)
        report.add_spans("entities", parsed.entities)
        report.scratch["docs"] = parsed.docs

    def prepare(self, reports: list[Report], resources: Resources) -> None:
        """Parse the paragraphs of all these articles in one nlp.pipe stream (fuller batches)."""
        if len(reports) < 2:
            return
        parsed = parse_many([r.text for r in reports], resources.get("nlp"))
        for report, pairs in zip(reports, parsed):
            report.scratch["preparsed"] = pairs

    def render_text(self, report: Report) -> list[Any]:
        furniture = _furniture(report)
        people = sorted({report.text[s.start : s.end] for s in report.spans("entities", "PERSON")
                         if not any(f.start <= s.start and s.end <= f.end for f in furniture)})
        n_sent = len(report.spans("sentences"))
        line = f"{len(report.spans('paragraphs'))} paragraphs, {n_sent} sentences"
        if people:
            line += "; people named: " + ", ".join(people[:12]) + (" …" if len(people) > 12 else "")
        return [line]
