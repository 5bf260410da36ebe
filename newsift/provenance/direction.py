"""Who copied whom: publication dates, explicit credits, containment, editorial insertions.

Each piece of evidence votes with a weight: positive means *this* article
copied from the other, negative the reverse. The sum gives the direction
and a confidence; every vote is kept as a readable line of evidence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..model import Article
from .alignment import Passage

__all__ = ["Direction", "decide_direction", "credits", "THIS_COPIED", "OTHER_COPIED", "UNKNOWN"]

THIS_COPIED = "this copied from other"
OTHER_COPIED = "other copied from this"
UNKNOWN = "unknown"

_CREDIT_CUE = re.compile(
    r"\b(reported|reports|reporting|according to|first (reported|published|appeared)|originally|"
    r"told|via|source|courtesy|credit|wrote|writes|appeared (first )?(in|on)|cited|citing|contributed)\b", re.I)
_BRACKET = re.compile(r"\[[^\]\n]{1,60}\]")
_GENERIC_LABELS = {"www", "news", "com", "the", "blog", "online", "daily", "example", "co", "org", "net"}

WEIGHTS = {"credit": 3.0, "date": 2.0, "containment": 1.0, "insertion": 1.0}


@dataclass
class Direction:
    label: str
    confidence: float
    score: float
    evidence: list[str] = field(default_factory=list)


def decide_direction(this: Article, other: Article, passages: list[Passage], this_len: int,
                     other_len: int, covers: tuple[float, float] | None = None) -> Direction:
    """``covers``: the share of each text made of text shared with *any* stored article, when known
    (a copy of two sources is mostly shared text; each source much less)."""
    votes: list[tuple[float, str]] = []
    votes += _date_votes(this, other)
    votes += _credit_votes(this, other)
    if covers is None and passages and this_len and other_len:
        covers = (sum(p.a_end - p.a_start for p in passages) / this_len,
                  sum(p.b_end - p.b_start for p in passages) / other_len)
    votes += _containment_votes(covers)
    votes += _insertion_votes(this, other, passages)
    score = sum(v for v, _ in votes)
    if abs(score) < 0.5:
        label = UNKNOWN
    else:
        label = THIS_COPIED if score > 0 else OTHER_COPIED
    confidence = round(1 - math.exp(-abs(score)), 3) if label != UNKNOWN else 0.0
    return Direction(label, confidence, round(score, 2), [why for _, why in votes])


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _date_votes(this: Article, other: Article) -> list[tuple[float, str]]:
    mine, theirs = _when(this.published), _when(other.published)
    if mine is None or theirs is None or mine == theirs:
        return []
    # a bare date (no time) on the same day says nothing about order
    if mine.date() == theirs.date() and ("T" not in (this.published or "") or "T" not in (other.published or "")):
        return []
    weight = WEIGHTS["date"]
    if mine > theirs:
        return [(weight, f"published later ({this.published}) than the other ({other.published})")]
    return [(-weight, f"published earlier ({this.published}) than the other ({other.published})")]


def credits(article: Article, other: Article) -> str | None:
    """The line of ``article`` that credits ``other`` (its outlet name next to a cue), if any."""
    names = _outlet_names(other)
    if not names:
        return None
    for line in article.text.splitlines():
        if not _CREDIT_CUE.search(line):
            continue
        compact = re.sub(r"[^a-z0-9]", "", line.lower())
        if any(name in compact for name in names):
            return line.strip()
    return None


def _outlet_names(article: Article) -> set[str]:
    """Compact forms of an outlet's name from its domain: politico.com -> politico."""
    domain = (article.domain or "").lower()
    if not domain and article.url:
        domain = re.sub(r"^[a-z]+://", "", article.url.lower()).split("/")[0]
    labels = [label for label in domain.split(".") if label and label not in _GENERIC_LABELS]
    return {re.sub(r"[^a-z0-9]", "", label) for label in labels if len(label) >= 4}


def _credit_votes(this: Article, other: Article) -> list[tuple[float, str]]:
    votes = []
    line = credits(this, other)
    if line:
        votes.append((WEIGHTS["credit"], f"this article credits the other: {line[:120]!r}"))
    line = credits(other, this)
    if line:
        votes.append((-WEIGHTS["credit"], f"the other article credits this one: {line[:120]!r}"))
    return votes


def _containment_votes(covers: tuple[float, float] | None) -> list[tuple[float, str]]:
    """A copy is mostly made of its sources' text; a source is mostly its own."""
    if covers is None:
        return []
    mine, theirs = covers
    gap = mine - theirs
    if abs(gap) < 0.1:
        return []
    weight = WEIGHTS["containment"] * min(1.0, abs(gap) / 0.3)
    why = f"text shared with stored articles is {mine:.0%} of this article and {theirs:.0%} of the other"
    return [(weight if gap > 0 else -weight, why + (" (this one is mostly the other's text)" if gap > 0 else
                                                   " (the other is mostly this one's text)"))]


def _insertion_votes(this: Article, other: Article, passages: list[Passage]) -> list[tuple[float, str]]:
    """Bracketed insertions ("[the bridge]") inside a shared passage that the other lacks mark an editor's copy."""
    votes = []
    for p in passages:
        mine = _BRACKET.findall(this.text[max(0, p.a_start - 30) : p.a_end])
        theirs = _BRACKET.findall(other.text[max(0, p.b_start - 30) : p.b_end])
        if mine and not theirs:
            votes.append((WEIGHTS["insertion"], f"editorial insertion {mine[0]} in a shared passage here"))
            break
        if theirs and not mine:
            votes.append((-WEIGHTS["insertion"], f"editorial insertion {theirs[0]} in the other's shared passage"))
            break
    return votes
