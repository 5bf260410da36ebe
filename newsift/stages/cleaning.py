"""Cleaning stage: the ``cleaning`` layer (title, repeated titles, site furniture) and its signals."""

from __future__ import annotations

from typing import Any

from ..cleaning import lines_of, rule_spans, site_recurring_spans, title_spans
from ..errors import ResourceUnavailable
from ..model import Report, Signal, Span
from ..pipeline import Resources, Stage
from ..store import load_store

__all__ = ["CleaningStage"]


class CleaningStage(Stage):
    name = "cleaning"
    assigns = ("cleaning",)
    optional_resources = {"store": load_store}  # learns a site's recurring lines when present
    layers = {"cleaning": "title, repeated title and site furniture"}

    def run(self, report: Report, resources: Resources) -> None:
        lines = list(lines_of(report.text))
        spans = title_spans(report.article, lines, resources.options.title_similarity)
        taken = {(s.start, s.end) for s in spans}
        body_lines = [ln for ln in lines if (ln.start, ln.end) not in taken]
        spans += rule_spans(body_lines)
        taken |= {(s.start, s.end) for s in spans}
        rest = [ln for ln in body_lines if (ln.start, ln.end) not in taken]
        spans += self._by_site(report, resources, rest)
        report.add_spans("cleaning", spans)
        for s in spans:
            part = s.label if s.label in ("title", "repeated_title") else "boilerplate"
            report.anatomy_parts.setdefault(part, []).append(s)
        _signals(report, spans)

    @staticmethod
    def _by_site(report: Report, resources: Resources, lines: list[Any]) -> list[Span]:
        if not report.article.domain or not lines:
            return []
        try:
            store = resources.get("store")
        except ResourceUnavailable:
            return []
        options = resources.options
        return site_recurring_spans(report.article, lines, store, options.furniture_min_articles,
                                    options.furniture_min_share)

    def render_text(self, report: Report) -> list[Any]:
        out = []
        for s in report.spans("cleaning"):
            kind = s.attrs.get("kind", s.label)
            snippet = report.text[s.start : s.end]
            snippet = snippet if len(snippet) <= 70 else snippet[:69] + "…"
            out.append(f"[{s.start}:{s.end}] {kind}: {snippet}")
        return out


def _signals(report: Report, spans: list[Span]) -> None:
    repeats = [s for s in spans if s.label == "repeated_title"]
    furniture = [s for s in spans if s.label == "boilerplate"]
    if repeats:
        report.signals.append(Signal("repeated_title", len(repeats),
                                     "the title is printed again at the top of the text", repeats))
    if furniture:
        kinds = sorted({s.attrs["kind"] for s in furniture})
        report.signals.append(Signal("site_furniture", len(furniture),
                                     "lines that are site furniture, not news: " + ", ".join(kinds), furniture))
