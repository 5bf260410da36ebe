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

from ..cleaning import Line, lines_of
from ..model import Article
from .alignment import Passage
from .regions import quoted_regions

__all__ = ["Direction", "decide_direction", "credits", "THIS_COPIED", "OTHER_COPIED", "UNKNOWN"]

THIS_COPIED = "this copied from other"
OTHER_COPIED = "other copied from this"
UNKNOWN = "unknown"

_CREDIT_CUE = re.compile(
    r"\b(reported|reports|reporting|according to|first (reported|published|appeared)|originally|"
    r"told|via|source|courtesy|credit|wrote|writes|appeared (first )?(in|on)|cited|citing|contributed|"
    r"reposted|republished|read (more|the rest)|full story|h/t|hat tip)\b|^\W*from\b[^.!?]{0,80}:\s*$", re.I)
_URL = re.compile(r"(?:https?://|www\.)[^\s\"'<>)\]]+")
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
    votes += _credit_votes(this, other, passages)
    if covers is None and passages and this_len and other_len:
        covers = (sum(p.a_end - p.a_start for p in passages) / this_len,
                  sum(p.b_end - p.b_start for p in passages) / other_len)
    third = _common_source(this, other)
    if third:  # two copies of one outlet: neither is the other's source, whatever their shares say
        votes.append((0.0, f"both credit the same third source ({third!r}): likely both copied it"))
    else:
        votes += _containment_votes(covers)
    votes += _insertion_votes(this, other, passages)
    if not votes:
        votes.append((0.0, "no dates, no credit line, no editorial insertion and no clear difference in how much "
                           "of each text is shared: nothing says who copied whom"))
    elif not (this.published and other.published):
        votes.append((0.0, "publication date unknown for " + ("both" if not (this.published or other.published)
                                                             else "this article" if not this.published
                                                             else "the other")))
    score = sum(v for v, _ in votes)
    if abs(score) < 0.5:
        label = UNKNOWN
    else:
        label = THIS_COPIED if score > 0 else OTHER_COPIED
    # conflicting evidence lowers the confidence: a credit against a date is not a sure call
    spread = sum(abs(v) for v, _ in votes) or 1.0
    confidence = round((1 - math.exp(-abs(score))) * abs(score) / spread, 3) if label != UNKNOWN else 0.0
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


def credits(article: Article, other: Article, shared: list[tuple[int, int]] | None = None) -> str | None:
    """The line of ``article`` that credits ``other``, if any.

    A credit has a cue ("reported", "From …:", "via") outside any quotation
    and names the other article (its title or URL) or its outlet. An outlet
    named without the article counts only next to the text shared with it
    (``shared``: those spans here), in a lead-in ending with a colon, or in
    the article's first or last lines; a line linking to a *different*
    article of that outlet is no credit for this one.
    """
    if article.domain and article.domain == other.domain:
        return None  # an outlet naming itself ("according to The POLITICO Caucus") credits no one
    names = _outlet_names(other)
    title = _compact(other.title or "") if other.title and len(other.title) >= 20 else ""
    if not names and not title:
        return None
    quoted = quoted_regions(article.text)
    lines = list(lines_of(article.text))
    for n, line in enumerate(lines):
        outside = _outside(line.text, line.start, quoted)
        if not _CREDIT_CUE.search(outside) or _links_elsewhere(line.text, other):
            continue
        if (title and title in _compact(line.text)) or (other.url and _norm_url(other.url) in map(_norm_url, _URL.findall(line.text))):
            return line.text
        if any(name in _compact(outside) for name in names) and (
                n < 2 or n >= len(lines) - 2 or line.text.endswith(":") or _near(line, shared or [])):
            return line.text
    return None


_LEAD_IN = re.compile(r"^\W*(?:from|via|source:|reposted with permission from|read the rest of the story at|"
                      r"h/t)\s+(?:the\s+)?(.{3,60}?)\W*$", re.I)


def _lead_in_names(article: Article) -> dict[str, str]:
    """Outlets a lead-in credit line names ("From the Daily Caller News Foundation:"), compact -> line."""
    out = {}
    for line in lines_of(article.text):
        found = _LEAD_IN.match(line.text)
        if found and len(line.text) <= 90:
            out[_compact(found.group(1))[:10]] = line.text
    return out


def _common_source(this: Article, other: Article) -> str | None:
    """A credit line naming the same third outlet in both articles (neither one's own outlet)."""
    mine, theirs = _lead_in_names(this), _lead_in_names(other)
    own = _outlet_names(this) | _outlet_names(other)
    for name, line in mine.items():
        if len(name) >= 6 and name in theirs and not any(o.startswith(name) or name.startswith(o) for o in own):
            return line
    return None


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _outside(text: str, offset: int, quoted: list[tuple[int, int]]) -> str:
    """The line with its quoted parts blanked out."""
    chars = list(text)
    for s, e in quoted:
        for k in range(max(0, s - offset), min(len(chars), e - offset)):
            chars[k] = " "
    return "".join(chars)


def _norm_url(url: str) -> str:
    url = re.sub(r"^[a-z]+://", "", url.lower()).removeprefix("www.")
    return url.split("#")[0].split("?")[0].rstrip("/.,;:")


def _links_elsewhere(line: str, other: Article) -> bool:
    """The line links to a page of the other's outlet that is not the other article."""
    domain = (other.domain or "").lower()
    if not domain:
        return False
    mine = _norm_url(other.url or "")
    for url in map(_norm_url, _URL.findall(line)):
        host, _, path = url.partition("/")
        if host.endswith(domain) and path and url != mine:
            return True
    return False


def _near(line: Line, shared: list[tuple[int, int]], reach: int = 400) -> bool:
    return any(s - reach <= line.end and line.start <= e + reach for s, e in shared)


def _outlet_names(article: Article) -> set[str]:
    """Compact forms of an outlet's name from its domain: politico.com -> politico."""
    domain = (article.domain or "").lower()
    if not domain and article.url:
        domain = re.sub(r"^[a-z]+://", "", article.url.lower()).split("/")[0]
    labels = [label for label in domain.split(".") if label and label not in _GENERIC_LABELS]
    return {re.sub(r"[^a-z0-9]", "", label) for label in labels if len(label) >= 4}


def _credit_votes(this: Article, other: Article, passages: list[Passage]) -> list[tuple[float, str]]:
    votes = []
    line = credits(this, other, [(p.a_start, p.a_end) for p in passages])
    if line:
        votes.append((WEIGHTS["credit"], f"this article credits the other: {_excerpt(line, other)!r}"))
    line = credits(other, this, [(p.b_start, p.b_end) for p in passages])
    if line:
        votes.append((-WEIGHTS["credit"], f"the other article credits this one: {_excerpt(line, this)!r}"))
    return votes


def _excerpt(line: str, named: Article, width: int = 120) -> str:
    """The part of a long credit line around the name it credits ("… as Politico writes:")."""
    if len(line) <= width:
        return line
    for name in sorted(_outlet_names(named), key=len, reverse=True):
        found = re.search(r"\W*".join(map(re.escape, name)), line, re.I)
        if found:
            start = max(0, found.start() - width // 2)
            end = min(len(line), start + width)
            return ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")
    return line[:width] + "…"


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
    """Bracketed insertions ("[the bridge]") inside shared passages that the other lacks mark an
    editor's copy; counted over all passages, so either side reads the same vote."""
    mine: list[str] = []
    theirs: list[str] = []
    for p in passages:
        here = _BRACKET.findall(this.text[max(0, p.a_start - 30) : p.a_end])
        there = _BRACKET.findall(other.text[max(0, p.b_start - 30) : p.b_end])
        if here and not there:
            mine.append(here[0])
        elif there and not here:
            theirs.append(there[0])
    if len(mine) > len(theirs):
        return [(WEIGHTS["insertion"], f"editorial insertion {mine[0]} in a shared passage here")]
    if len(theirs) > len(mine):
        return [(-WEIGHTS["insertion"], f"editorial insertion {theirs[0]} in the other's shared passage")]
    return []
