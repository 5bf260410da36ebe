"""Report formats: text (rich, for a terminal), json, jsonl and html."""

from __future__ import annotations

import json
from typing import Any, Mapping, TextIO

from ..model import Report

__all__ = ["render_report", "to_json"]


def to_json(report: Report, indent: int | None = 2) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=indent)


def render_report(report: Report, fmt: str, out: TextIO, *, others: Mapping[str, Any] | None = None) -> None:
    """Write one report in ``fmt`` (text, json, jsonl or html) to ``out``.

    ``others``: stored texts of the articles the report's provenance names,
    by id, for the HTML page's side-by-side view.
    """
    if fmt == "json":
        out.write(to_json(report) + "\n")
    elif fmt == "jsonl":
        out.write(to_json(report, indent=None) + "\n")
    elif fmt == "html":
        from .html import render_html

        out.write(render_html(report, others=others))
    else:
        from .text import render_text

        render_text(report, out)
