"""Outlets credited in an article's text: "Politico reported", "according to The Washington Post", "cnn.com".

A credit is a cue ("according to", "reported") next to a capitalised name,
or a bare domain. A name counts only when it resolves to a rated domain via
the names in the rating sets (or a domain's own name), and not when it is
a person's or place's name in the entities layer.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from ..model import Span

__all__ = ["find_credits"]

# a capitalised word (dots only inside: "U.S"), and names of up to six words on one line
_TOKEN = r"[A-Z][\w&'’-]*(?:\.(?=\w)[\w&'’-]*)*"
_NAME = rf"(?P<name>(?:The[ \t]+)?{_TOKEN}(?:[ \t]+(?:of[ \t]+|and[ \t]+|&[ \t]+)?{_TOKEN}){{0,5}})"
_BEFORE = re.compile(
    r"(?i:according\s+to|reported\s+by|as\s+reported\s+(?:by|in)|told|via|cited\s+by|quoted\s+by|"
    r"(?:in|to)\s+an?\s+(?:interview|report|article|story|statement)\s+(?:with|by|in|from|to)|"
    r"(?:wrote|writing)\s+(?:in|for)|(?:published|reported)\s+(?:by|in)|first\s+reported\s+by|"
    r"said\s+(?:in\s+an?\s+\w+\s+)?(?:with|to))\s+(?:the\s+)?" + _NAME
)
_AFTER = re.compile(
    _NAME + r"\s+(?i:(?:first\s+|previously\s+|originally\s+|also\s+|has\s+|had\s+|was\s+first\s+to\s+)?"
    r"(?:reported|reports|revealed|broke\s+the\s+news|wrote|writes|quoted|said\s+in\s+a\s+report))\b"
)
_DOMAIN = re.compile(r"\b(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}(?:/\S*)?", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s$")


def _windows(name: str, from_left: bool) -> Iterable[str]:
    """Candidate names, longest first, nearest the cue first; possessives dropped ("Politico's Jake Sherman")."""
    tokens = [_POSSESSIVE.sub("", t) for t in name.split()]
    for size in range(len(tokens), 0, -1):
        starts = range(len(tokens) - size + 1)
        for start in (starts if from_left else reversed(starts)):
            yield " ".join(tokens[start : start + size])


def _overlaps(start: int, end: int, spans: list[Span]) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def find_credits(text: str, resolve: Callable[[str], str | None],  # name or domain -> rated domain
                 not_outlets: list[Span] | None = None) -> list[tuple[str, Span]]:
    """``(domain, evidence span)`` for each outlet credited in ``text``, in order of appearance.

    ``not_outlets``: spans (people, places) whose names are never taken for an outlet's.
    """
    not_outlets = not_outlets or []
    found: list[tuple[str, Span]] = []
    for pattern, from_left in ((_BEFORE, True), (_AFTER, False)):
        for match in pattern.finditer(text):
            start, end = match.span("name")
            if _overlaps(start, end, not_outlets):
                continue
            for candidate in _windows(match.group("name"), from_left):
                domain = resolve(candidate)
                if domain:
                    found.append((domain, Span(match.start(), match.end(), "credit", {"name": candidate})))
                    break
    for match in _DOMAIN.finditer(text):
        if domain := resolve(match.group(0)):
            found.append((domain, Span(match.start(), match.end(), "credit", {"name": match.group(0)})))
    found.sort(key=lambda item: item[1].start)
    return found
