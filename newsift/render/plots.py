"""Small inline SVG plots: no script, no network, readable printed.

Each plot carries a ``<title>`` and ``role="img"`` with an ``aria-label``
that says in words what the picture shows, so a screen reader gets the
figures too.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from markupsafe import Markup, escape

__all__ = ["anatomy_bar", "share_bars", "claim_strip", "ANATOMY_PARTS"]

# the parts of the text that do not overlap, in reading order, with their colours
ANATOMY_PARTS: list[tuple[str, str, str]] = [
    ("title", "title", "#6b6b6b"),
    ("repeated_title", "repeated title", "#b15bb1"),
    ("boilerplate", "site furniture", "#c9a400"),
    ("copied_narrative", "copied narrative", "#c0392b"),
    ("copied_quote", "copied quote", "#8e44ad"),
    ("original", "own text", "#2e7d32"),
]


def _pct(x: float) -> str:
    return f"{x:.0%}" if x >= 0.01 or x == 0 else "<1%"


def anatomy_bar(shares: Mapping[str, Any], width: int = 320, height: int = 18) -> Markup:
    """One stacked bar: title, furniture, copied and own text, as shares of the article's characters."""
    parts = [(label, float(shares.get(key) or 0.0), colour) for key, label, colour in ANATOMY_PARTS]
    if not any(share for _, share, _ in parts) and shares.get("body"):
        parts.append(("body", float(shares["body"]), "#2e7d32"))  # no provenance: body is not split
    words = ", ".join(f"{label} {_pct(share)}" for label, share, _ in parts if share)
    x = 0.0
    rects = []
    for label, share, colour in parts:
        if share <= 0:
            continue
        w = share * width
        rects.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{colour}">'
                     f"<title>{escape(label)} {_pct(share)}</title></rect>")
        x += w
    return Markup(f'<svg class="plot" viewBox="0 0 {width} {height}" width="100%" height="{height}" '
                  f'preserveAspectRatio="none" role="img" aria-label="Anatomy: {escape(words)}">'
                  f'{"".join(rects)}</svg>')


def share_bars(rows: Sequence[tuple[str, float, str]], width: int = 240, bar: int = 12) -> Markup:
    """One bar a row (a speaker's share of the quoted text), label on the left."""
    if not rows:
        return Markup("")
    label_w, gap = 110, 4
    height = len(rows) * (bar + gap)
    out = []
    for i, (name, share, colour) in enumerate(rows):
        y = i * (bar + gap)
        w = max(1.0, share * (width - label_w - 36))
        short = name if len(name) <= 16 else name[:15] + "…"
        out.append(f'<text x="0" y="{y + bar - 2}" font-size="11">{escape(short)}</text>'
                   f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}"/>'
                   f'<text x="{label_w + w + 4:.1f}" y="{y + bar - 2}" font-size="11">{_pct(share)}</text>')
    words = ", ".join(f"{n} {_pct(s)}" for n, s, _ in rows)
    return Markup(f'<svg class="plot" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
                  f'aria-label="Share of quoted text: {escape(words)}">{"".join(out)}</svg>')


def claim_strip(scores: Sequence[float], threshold: float | None, width: int = 320, height: int = 40) -> Markup:
    """Every sentence's check-worthiness as a tick on a 0–1 line, the threshold marked."""
    if not scores:
        return Markup("")
    ticks = []
    for s in scores:
        x = 4 + max(0.0, min(1.0, s)) * (width - 8)
        colour = "#b35900" if threshold is not None and s >= threshold else "#8a8a8a"
        ticks.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="6" y2="24" stroke="{colour}" stroke-width="2"/>')
    mark = ""
    if isinstance(threshold, (int, float)):
        tx = 4 + threshold * (width - 8)
        mark = (f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="2" y2="28" stroke="#000" stroke-dasharray="2 2"/>'
                f'<text x="{tx + 3:.1f}" y="38" font-size="10">threshold {threshold:.2f}</text>')
    above = sum(1 for s in scores if threshold is not None and s >= threshold)
    label = f"{len(scores)} sentence scores between 0 and 1; {above} at or above the threshold"
    return Markup(f'<svg class="plot" viewBox="0 0 {width} {height}" width="100%" height="{height}" role="img" '
                  f'aria-label="{escape(label)}"><line x1="4" x2="{width - 4}" y1="15" y2="15" stroke="#ccc"/>'
                  f'{"".join(ticks)}{mark}<text x="0" y="38" font-size="10">0</text>'
                  f'<text x="{width - 8}" y="38" font-size="10">1</text></svg>')
