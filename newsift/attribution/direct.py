"""Direct quotes: quotation-mark spans found on the raw text, and their editorial marks.

Works on the whole article text rather than per paragraph, because a quote
may run over a paragraph break. Two conventions are handled: a quote that
simply goes on past a blank line until its closing mark, and the
typographic rule that a paragraph continuing a quote re-opens it without
closing the previous one (the parts are then linked as one ``group``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Span

__all__ = ["QuoteMark", "find_quote_marks", "editorial_marks"]

_CURLY_OPEN, _CURLY_CLOSE = "“„", "”"
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_INSERTION = re.compile(r"\[[^\[\]\n]{1,80}\]")
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")
_WORD = re.compile(r"\w+")


@dataclass
class QuoteMark:
    """Text between a pair of double quotation marks (content excludes the marks)."""

    start: int  # first content character
    end: int  # one past the last content character
    group: int  # parts of one quote continued over paragraphs share a group
    outer_start: int = -1  # the opening mark (content start when the mark is missing)
    outer_end: int = -1  # one past the closing mark (content end when the quote is unclosed)
    insertions: list[Span] = field(default_factory=list)

    def word_count(self, text: str) -> int:
        return len(_WORD.findall(text[self.start : self.end]))


def _straight_kind(text: str, i: int, width: int) -> str | None:
    """Whether a straight double quote (``"`` or ``''``) at ``i`` opens or closes (None when unclear)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-'’"):
        return "close"
    if before.isspace() and after.isspace():
        return "either"  # '…community,\' " Reeves wrote': closes when a quote is open
    return None


def _mark_events(text: str) -> list[tuple[int, str, int]]:
    """``(position, open|close, width)`` for every double quotation mark."""
    events = []
    i = 0
    while i < len(text):
        ch = text[i]
        width = 2 if text.startswith(("''", "``"), i) else 1
        if ch in _CURLY_OPEN or (ch == "`" and width == 2):
            events.append((i, "open", width))
        elif ch in _CURLY_CLOSE:
            events.append((i, "close", 1))
        elif ch == '"' or (ch == "'" and width == 2):
            kind = _straight_kind(text, i, width)
            if kind:
                events.append((i, kind, width))
        i += width
    return events


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Every quoted stretch, in order; unclosed quotes end at their paragraph's end."""
    quotes: list[QuoteMark] = []
    open_at: int | None = None
    opened_at = 0
    group = 0
    for pos, kind, width in _mark_events(text):
        if kind == "either":
            kind = "close" if open_at is not None else "open"
        if kind == "close":
            if open_at is not None:
                quotes.append(QuoteMark(open_at, pos, group, opened_at, pos + width))
                open_at = None
            continue
        if open_at is None:
            group += 1
        else:
            brk = _PARA_BREAK.search(text, open_at, pos)
            if brk is None:
                continue  # a stray second opener inside an open quote: keep the first
            quotes.append(QuoteMark(open_at, brk.start(), group, opened_at, brk.start()))
            if text[brk.end() : pos].strip():  # not re-opened at the next paragraph's start
                group += 1
        open_at, opened_at = pos + width, pos
    if open_at is not None:
        brk = _PARA_BREAK.search(text, open_at)
        end = brk.start() if brk else len(text.rstrip())
        quotes.append(QuoteMark(open_at, end, group, opened_at, end))
    return [_trimmed(text, q) for q in quotes if text[q.start : q.end].strip()]


def _trimmed(text: str, q: QuoteMark) -> QuoteMark:
    chunk = text[q.start : q.end]
    lead = len(chunk) - len(chunk.lstrip())
    q.start, q.end = q.start + lead, q.start + len(chunk.rstrip())
    q.insertions = editorial_marks(text, q.start, q.end)
    return q


def editorial_marks(text: str, start: int, end: int) -> list[Span]:
    """Bracketed insertions and ellipses inside ``[start, end)``, as spans."""
    marks = [Span(m.start(), m.end(), "insertion") for m in _INSERTION.finditer(text, start, end)]
    marks += [Span(m.start(), m.end(), "ellipsis") for m in _ELLIPSIS.finditer(text, start, end)]
    return sorted(marks, key=lambda s: s.start)
