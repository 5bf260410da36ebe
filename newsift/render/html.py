"""The HTML report: one self-contained file with the article's spans highlighted."""

from __future__ import annotations

import html
import json

from ..anatomy import anatomy
from ..model import Report, Span

__all__ = ["render_html", "HIGHLIGHTS"]

# (class name, CSS, legend text). Backgrounds for what a span *is* (furniture,
# quote); text colour and underline for what is said *about* it (copied,
# check-worthy), so overlapping layers stay visible together.
HIGHLIGHTS: list[tuple[str, str, str]] = [
    ("title", "background:#e8e8e8", "title"),
    ("repeated_title", "background:#f3c6f3", "repeated title"),
    ("boilerplate", "background:#ffe9a8", "site furniture (boilerplate)"),
    ("quote", "background:#d6f0ff", "quoted speech"),
    ("insertion", "background:#8fc9ff;font-weight:bold", "editorial insertion in a quote"),
    ("claim", "text-decoration:underline 2px #e67e00;text-underline-offset:3px", "check-worthy claim"),
    ("copied", "color:#b00020", "copied from another article"),
]

_CSS = """
body{font-family:Georgia,serif;max-width:52em;margin:2em auto;line-height:1.55;color:#222;padding:0 1em}
h1{font-family:sans-serif;font-size:1.3em}.meta{font-family:sans-serif;color:#666;font-size:.85em}
.article{white-space:pre-wrap;border:1px solid #ddd;padding:1em;border-radius:6px}
.legend span{display:inline-block;margin:.2em .6em .2em 0;padding:0 .4em;font-family:sans-serif;font-size:.8em}
table{font-family:sans-serif;font-size:.85em;border-collapse:collapse}td{padding:.1em .8em .1em 0}
.note{color:#a60;font-family:sans-serif;font-size:.85em}
"""


def _marks(report: Report) -> list[tuple[Span, str]]:
    """Every highlighted span with its class."""
    marks: list[tuple[Span, str]] = []
    for s in report.spans("cleaning"):
        marks.append((s, s.label))
    for s in report.spans("quotes"):  # a quote span is its content; editorial changes nest under it
        marks.append((s, "quote"))
        for ins in s.attrs.get("insertions", []) or []:
            if isinstance(ins, Span):
                marks.append((ins, "insertion"))
    for s in report.spans("claims"):
        if s.attrs.get("checkworthy"):
            marks.append((s, "claim"))
    for s in report.spans("provenance"):
        marks.append((s, "copied"))
    return marks


def _segments(text: str, marks: list[tuple[Span, str]]) -> str:
    """The text cut at every span boundary, each piece wrapped in the classes covering it."""
    bounds = sorted({0, len(text)} | {s.start for s, _ in marks} | {s.end for s, _ in marks})
    parts = []
    for a, b in zip(bounds, bounds[1:]):
        classes = sorted({cls for s, cls in marks if s.start <= a and b <= s.end and s.start < s.end})
        piece = html.escape(text[a:b])
        if classes:
            titles = ", ".join(c.replace("_", " ") for c in classes)
            parts.append(f'<span class="{" ".join(classes)}" title="{titles}">{piece}</span>')
        else:
            parts.append(piece)
    return "".join(parts)


def render_html(report: Report) -> str:
    article = report.article
    css = _CSS + "".join(f".{cls}{{{style}}}" for cls, style, _ in HIGHLIGHTS)
    legend = "".join(f'<span class="{cls}">{html.escape(label)}</span>' for cls, _, label in HIGHLIGHTS)
    shares = anatomy(report)["shares"]
    rows = "".join(f"<tr><td>{html.escape(k.replace('_', ' '))}</td><td>{v:.1%}</td></tr>" for k, v in shares.items())
    notes = "".join(f'<p class="note">{html.escape(n)}</p>' for n in list(article.notes) + list(report.notes))
    stages = "".join(
        f"<tr><td>{html.escape(r.name)}</td><td>{r.status}</td><td>{html.escape(r.reason or '')}</td></tr>"
        for r in report.stages
    )
    meta = " · ".join(html.escape(str(v)) for v in (article.domain, article.published, article.url) if v)
    data = json.dumps(report.to_dict(), ensure_ascii=False).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newsift: {html.escape(article.title or article.id)}</title>
<style>{css}</style></head><body>
<h1>{html.escape(article.title or article.source_path or article.id)}</h1>
<p class="meta">{meta}</p>{notes}
<div class="legend">{legend}</div>
<h2>Anatomy</h2><table>{rows}</table>
<h2>Article</h2><div class="article">{_segments(article.text, _marks(report))}</div>
<h2>Stages</h2><table>{stages}</table>
<script type="application/json" id="newsift-report">{data}</script>
</body></html>
"""
