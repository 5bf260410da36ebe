"""Cleaning as labels, never edits: the title, repeated titles and site furniture.

Works on one article alone (cue rules and the shape of the closing lines),
and better with a store: a line that recurs across many stored articles of
the same domain is furniture (kind ``site_recurring``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from rapidfuzz import fuzz

from ..errors import ResourceUnavailable
from ..model import Report, Signal, Span
from ..pipeline import Resources, Stage, register_stage

__all__ = ["CleaningStage", "lines_of", "boilerplate_kind", "is_headline_shaped"]

# Cue rules: (kind, pattern). Matched against one line; only lines shorter
# than MAX_RULE_LINE characters are considered, so a long news sentence that
# mentions "Facebook" is never furniture.
MAX_RULE_LINE = 260
MAX_UNANCHORED_LINE = 140
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, 0 if kind == "byline" else re.IGNORECASE))
    for kind, pattern in [
        ("share_follow", r"^\s*(share|tweet|email|print|pin)( this| it)?( (article|story|post|page))?( (on|via) \w+)?\s*[:!]?\s*$"),
        ("share_follow", r"^\s*share (this|on) (article|story|facebook|twitter|x)\b"),
        ("share_follow", r"^\s*(click|tap) (here )?to (share|tweet|email|print)\b"),
        ("byline", r"^\s*[Bb]y\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\s*([,|•·—-].{0,60})?$"),
        ("social_call_to_action", r"\b(like|liked|follow|join)\b.{0,40}\b(us|our)\b.{0,30}\b(facebook|twitter|instagram|telegram|youtube|tiktok|gab|parler|truth social|page|channel)\b"),
        ("social_call_to_action", r"\b(follow|find|join) us (on|at)\b"),
        ("social_call_to_action", r"^\s*(please\s+)?(like|share) (this|our) (post|page|article|story)"),
        ("newsletter_signup", r"^\s*(please\s+)?(sign up|subscribe)\b"),
        ("newsletter_signup", r"\b(sign up|subscribe)\b.{0,30}\b(our|the|her|his|my|your|free|daily|weekly|morning)\b.{0,30}\b(newsletters?|mailing list|inbox|e-?mail)\b"),
        ("newsletter_signup", r"\b(get|receive) (the latest|our|daily|breaking).{0,50}\b(inbox|email)\b"),
        ("newsletter_signup", r"^\s*enter your e-?mail"),
        ("comment_prompt", r"^\s*(start|join) the (discussion|conversation)\b"),
        ("comment_prompt", r"^\s*(leave|post|add|write) (a |your )?(comment|reply)s?\b"),
        ("comment_prompt", r"^\s*(\d+\s+)?comments?\s*:?\s*$"),
        ("comment_prompt", r"\b(let us know|tell us|sound off)\b.{0,40}\b(comments?|below)\b"),
        ("comment_prompt", r"^\s*what do you think\?"),
        ("read_more", r"^\s*(read|see) (more|also|the rest|the full (story|article|report))\b"),
        ("read_more", r"^\s*continue reading\b"),
        ("read_more", r"\bread the rest (of|at|here)\b"),
        ("read_more", r"\bclick here (to|for) (read|more|the full)\b"),
        ("read_more", r"^\s*(more|related|recommended)( stories| articles| reading| posts| coverage)?\s*:"),
        ("photo_credit", r"^\s*\(?(photo|image|picture|video|graphic|illustration)s?( credit| by| courtesy| source)?\s*[:/]"),
        ("photo_credit", r"^\s*\(?(getty images|reuters/|ap photo|afp( via getty)?|shutterstock)\b"),
        ("copyright", r"(^\s*©|©\s*\d{4}|\(c\)\s*\d{4}|\bcopyright\b\s*(©\s*)?\d{4})"),
        ("copyright", r"\ball rights reserved\b"),
        ("copyright", r"\bmay not be (published|broadcast|rewritten|redistributed)\b"),
        ("donation_plea", r"^\s*(please\s+)?(donate|chip in|contribute|support us|become a (patron|member|supporter))\b"),
        ("donation_plea", r"\b(make|consider making) a (one-time |monthly |small )?(donation|contribution) to (us|our|this)\b"),
        ("donation_plea", r"\bsupport (our|independent|this)( \w+)? (journalism|reporting|work|site)\b"),
        ("donation_plea", r"\bpatreon\b"),
    ]
]
_RELATED_MARKER = re.compile(r"^\s*(related|recommended|more from|you may also like|trending|popular|also read|see also)\b.{0,40}$", re.I)
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or over the to up via vs with is are was be".split())
_SENTENCE_END = ("." , "!", "?", "”", "\"", "’", "'", ")", "…", ":")


@dataclass
class Line:
    start: int
    end: int
    text: str


def lines_of(text: str) -> Iterator[Line]:
    """Non-blank lines with their offsets, trimmed of surrounding whitespace."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            yield Line(pos + lead, pos + lead + len(stripped), stripped)
        pos += len(raw)


def boilerplate_kind(line: str) -> tuple[str, str] | None:
    """The furniture kind of a line by cue rules, with the matched cue; None for body text."""
    if len(line) > MAX_RULE_LINE:
        return None
    for kind, pattern in _RULES:
        if len(line) > MAX_UNANCHORED_LINE and not pattern.pattern.startswith("^"):
            continue  # a cue in mid-line counts only on short lines: long ones are reporting
        match = pattern.search(line)
        if match:
            return kind, match.group(0).strip()
    return None


def is_headline_shaped(line: str) -> bool:
    """Title Case, 3–20 words, no sentence-final punctuation: looks like a headline."""
    if line.endswith(_SENTENCE_END) or len(line) > 160:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    if not 3 <= len(words) <= 20:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


def _norm_title(line: str) -> str:
    return re.sub(r"\W+", " ", line.lower()).strip()


def _title_similarity(line: str, title: str) -> float:
    """0–100: edit similarity, or containment when a site name was added ("Title | Site")."""
    score = fuzz.ratio(line, title)
    if len(title) >= 15 and len(title) < len(line) <= 1.5 * len(title) + 30:
        score = max(score, fuzz.partial_ratio(title, line) - 2)
    return score


@register_stage
class CleaningStage(Stage):
    name = "cleaning"
    assigns = ("cleaning",)

    def run(self, report: Report, resources: Resources) -> None:
        text = report.text
        lines = list(lines_of(text))
        spans = self._titles(report, lines, resources.options.title_similarity)
        taken = {(s.start, s.end) for s in spans}
        body_lines = [ln for ln in lines if (ln.start, ln.end) not in taken]
        spans += self._by_rules(body_lines)
        taken |= {(s.start, s.end) for s in spans}
        spans += self._by_site(report, resources, [ln for ln in body_lines if (ln.start, ln.end) not in taken])
        report.add_spans("cleaning", spans)
        for s in spans:
            part = s.label if s.label in ("title", "repeated_title") else "boilerplate"
            report.anatomy_parts.setdefault(part, []).append(s)
        self._signals(report, spans)

    @staticmethod
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

    # -- titles --------------------------------------------------------------
    def _titles(self, report: Report, lines: list[Line], similarity: float) -> list[Span]:
        """The title line at the top, and its repeats among the first lines."""
        if not lines:
            return []
        title = report.article.title or lines[0].text
        target = _norm_title(title)
        if not target:
            return []
        threshold = 100 * similarity
        spans: list[Span] = []
        for line in lines[:6]:
            score = _title_similarity(_norm_title(line.text), target)
            if score >= threshold:
                label = "title" if not spans else "repeated_title"
                attrs: dict[str, Any] = {"similarity": round(score / 100, 3)}
                if label == "repeated_title":
                    attrs["repeats"] = spans[0]
                spans.append(Span(line.start, line.end, label, attrs))
            elif spans or len(line.text) > 200:
                break
        if len(spans) == 1 and not report.article.title:
            return []  # an unrepeated first line, with no title known: nothing to say
        return spans

    # -- cue rules and the closing zone -------------------------------------
    def _by_rules(self, lines: list[Line]) -> list[Span]:
        found: dict[int, Span] = {}
        for i, line in enumerate(lines):
            hit = boilerplate_kind(line.text)
            if hit:
                found[i] = Span(line.start, line.end, "boilerplate", {"kind": hit[0], "cue": hit[1], "rule": "cue"})
            elif _RELATED_MARKER.match(line.text):
                found[i] = Span(line.start, line.end, "boilerplate",
                                {"kind": "related_headline", "cue": line.text, "rule": "related_marker"})
        # a headline-shaped line right after a "Related:" marker, or inside the
        # closing run of furniture at the end, is a related-article headline
        for i, line in enumerate(lines):
            if i in found or not is_headline_shaped(line.text):
                continue
            after_marker = i > 0 and found.get(i - 1) is not None and found[i - 1].attrs.get("rule") == "related_marker"
            if after_marker or self._in_closing_zone(i, lines, found):
                found[i] = Span(line.start, line.end, "boilerplate",
                                {"kind": "related_headline", "rule": "headline_in_closing_furniture"})
        return list(found.values())

    @staticmethod
    def _in_closing_zone(i: int, lines: list[Line], found: dict[int, Span]) -> bool:
        """True when every line after ``i`` is furniture or headline-shaped, and at least one is furniture."""
        rest = range(i + 1, len(lines))
        if not rest:
            return False
        return any(j in found for j in rest) and all(j in found or is_headline_shaped(lines[j].text) for j in rest)

    # -- lines that recur across a site's stored articles -----------------------
    def _by_site(self, report: Report, resources: Resources, lines: list[Line]) -> list[Span]:
        domain = report.article.domain
        if not domain or not lines:
            return []
        try:
            store = resources.get("store")
        except ResourceUnavailable:
            return []
        from ..store import line_key

        options = resources.options
        size = store.domain_size(domain)
        in_store = store.find(report.article) is not None
        others = size - (1 if in_store else 0)
        if others < options.furniture_min_articles:
            return []
        keyed = [(ln, line_key(ln.text)) for ln in lines]
        counts = store.line_counts(domain, [k for _, k in keyed if k is not None])
        spans = []
        for line, key in keyed:
            n = counts.get(key, 0) - (1 if in_store and key in counts else 0) if key is not None else 0
            if n >= options.furniture_min_articles and n / others >= options.furniture_min_share:
                spans.append(Span(line.start, line.end, "boilerplate",
                                  {"kind": "site_recurring", "rule": "recurs_across_site",
                                   "seen_in": n, "of_articles": others}))
        return spans

    def render_text(self, report: Report) -> list[Any]:
        out = []
        for s in report.spans("cleaning"):
            kind = s.attrs.get("kind", s.label)
            snippet = report.text[s.start : s.end]
            snippet = snippet if len(snippet) <= 70 else snippet[:69] + "…"
            out.append(f"[{s.start}:{s.end}] {kind}: {snippet}")
        return out
