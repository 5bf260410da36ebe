"""Which lines of an article are its title, repeated titles and site furniture.

Works on one article alone (cue rules and the shape of the closing lines),
and better with a store: a line that recurs across many stored articles of
the same domain is furniture (kind ``site_recurring``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Protocol

from ..model import Article, Span
from .rules import (SENTENCE_END, Line, boilerplate_kind, is_headline_shaped, lines_of, norm_title, related_marker,
                    sentence_furniture, title_similarity)

__all__ = ["SiteLines", "title_spans", "rule_spans", "site_recurring_spans", "stored_furniture"]


class SiteLines(Protocol):
    """What site-recurrence needs of a store: domain sizes and line counts."""

    def domain_size(self, domain: str) -> int: ...

    def find(self, article: Article) -> int | None: ...

    def line_counts(self, domain: str, keys: list[int]) -> dict[int, int]: ...


def title_spans(article: Article, lines: list[Line], similarity: float) -> list[Span]:
    """The title line at the top, and its repeats among the first lines."""
    if not lines:
        return []
    title = article.title or lines[0].text
    target = norm_title(title)
    if not target:
        return []
    threshold = 100 * similarity
    spans: list[Span] = []
    for line in lines[:6]:
        score = title_similarity(norm_title(line.text), target)
        if score >= threshold:
            label = "title" if not spans else "repeated_title"
            attrs: dict[str, Any] = {"similarity": round(score / 100, 3)}
            if label == "repeated_title":
                attrs["repeats"] = spans[0]
            spans.append(Span(line.start, line.end, label, attrs))
        elif spans or len(line.text) > 200:
            break
    if len(spans) == 1 and not article.title:
        return []  # an unrepeated first line, with no title known: nothing to say
    return spans


def rule_spans(lines: list[Line]) -> list[Span]:
    """Furniture by cue rules (whole lines, or cued sentences within one), plus headline-shaped lines after a
    marker or in the closing run."""
    found: dict[int, Span] = {}
    for i, line in enumerate(lines):
        hit = boilerplate_kind(line.text)
        if hit:
            found[i] = Span(line.start, line.end, "boilerplate", {"kind": hit[0], "cue": hit[1], "rule": "cue"})
        elif related_marker(line.text):
            found[i] = Span(line.start, line.end, "boilerplate",
                            {"kind": "related_headline", "cue": line.text, "rule": "related_marker"})
    # a headline-shaped line right after a "Related:" marker, or inside the
    # closing run of furniture at the end, is a related-article headline
    for i, line in enumerate(lines):
        if i in found or not is_headline_shaped(line.text):
            continue
        after_marker = i > 0 and found.get(i - 1) is not None and found[i - 1].attrs.get("rule") == "related_marker"
        if after_marker or _in_closing_zone(i, lines, found):
            found[i] = Span(line.start, line.end, "boilerplate",
                            {"kind": "related_headline", "rule": "headline_in_closing_furniture"})
    return list(found.values()) + _sentence_spans([ln for i, ln in enumerate(lines) if i not in found])


def _sentence_spans(lines: list[Line]) -> list[Span]:
    """Furniture sentences inside lines of reporting (a closing podcast promo with its link, a disclaimer)."""
    return [Span(line.start + start, line.start + end, "boilerplate", {"kind": kind, "cue": cue, "rule": "sentence_cue"})
            for line in lines for start, end, kind, cue in sentence_furniture(line.text)]


def _in_closing_zone(i: int, lines: list[Line], found: dict[int, Span]) -> bool:
    """True when every line after ``i`` is furniture or headline-shaped, and at least one is furniture."""
    rest = range(i + 1, len(lines))
    if not rest:
        return False
    return any(j in found for j in rest) and all(j in found or is_headline_shaped(lines[j].text) for j in rest)


def stored_furniture(article: Article, store: SiteLines, min_articles: int, min_share: float) -> list[Span]:
    """Another article's furniture as provenance and coverage read it: its cue-rule lines and the lines
    recurring across its site's stored articles (``site_recurring_spans``)."""
    lines, rules, keys = _rule_lines(article.text)
    return rules + site_recurring_spans(article, lines, store, min_articles, min_share, keys)


@lru_cache(maxsize=1024)
def _rule_lines(text: str) -> tuple[list[Line], list[Span], list[int | None]]:
    # the cue rules and line keys read the text alone: provenance and coverage both read a stored article's
    # furniture in one check, so its lines, rule spans and keys are kept for the next reader (callers never
    # change them)
    from ..store import line_key

    lines = list(lines_of(text))
    return lines, rule_spans(lines), [line_key(ln.text) for ln in lines]


def site_recurring_spans(article: Article, lines: list[Line], store: SiteLines, min_articles: int,
                         min_share: float, keys: list[int | None] | None = None) -> list[Span]:
    """Lines seen in at least ``min_articles`` of the domain's *other* stored articles, and in ``min_share``
    of them unless the line is promo-shaped (a big site's promos each recur in few of its articles).
    ``keys``: the lines' ``line_key``s when already known."""
    from ..store import line_key

    domain = article.domain
    if not domain or not lines:
        return []
    size = store.domain_size(domain)
    in_store = store.find(article) is not None
    others = size - (1 if in_store else 0)  # the checked article never counts toward its own recurrence
    if others < min_articles:
        return []
    keyed = list(zip(lines, keys if keys is not None else [line_key(ln.text) for ln in lines]))
    counts = store.line_counts(domain, [k for _, k in keyed if k is not None])
    spans = []
    for line, key in keyed:
        n = counts.get(key, 0) - (1 if in_store and key in counts else 0) if key is not None else 0
        if n >= min_articles and (n / others >= min_share or _promo_shaped(line.text)):
            spans.append(Span(line.start, line.end, "boilerplate",
                              {"kind": "site_recurring", "rule": "recurs_across_site",
                               "seen_in": n, "of_articles": others}))
    return spans


_QUOTE_MARKS = frozenset('"“”')


def _promo_shaped(text: str) -> bool:
    """Not a sentence of reporting: no closing punctuation (a headline, a promo), or a short unquoted line
    ("Story Continued Below", "QUIZ: Are you more like Clinton or Trump?"). A recurring quotation or a
    reused sentence of background is kept as text."""
    if _QUOTE_MARKS & set(text):
        return False
    return not text.rstrip().endswith(SENTENCE_END) or len(text.split()) <= 8
