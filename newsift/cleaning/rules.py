"""Line rules: cue patterns for site furniture and the shape of a headline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from rapidfuzz import fuzz

__all__ = ["SENTENCE_END", "Line", "lines_of", "boilerplate_kind", "sentence_furniture", "is_headline_shaped",
           "related_marker", "norm_title", "title_similarity"]

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
        ("social_call_to_action", r"\b(like|liked|follow|join)\b.{0,40}\b(us|our)\b.{0,30}"
                                  r"\b(facebook|twitter|instagram|telegram|youtube|tiktok|gab|parler|truth social|page|channel)\b"),
        ("social_call_to_action", r"\b(follow|find|join) us (on|at)\b"),
        ("social_call_to_action", r"^\s*(please\s+)?(like|share) (this|our) (post|page|article|story)"),
        ("newsletter_signup", r"^\s*(please\s+)?(sign up|subscribe)\b"),
        ("newsletter_signup", r"\b(sign up|subscribe)\b.{0,30}\b(our|the|her|his|my|your|free|daily|weekly|morning)\b"
                              r".{0,30}\b(newsletters?|mailing list|inbox|e-?mail)\b"),
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
        ("copyright", r"^.{0,120}\b(is|are) available without charge to any (eligible )?(news )?publisher"),
        ("donation_plea", r"^\s*(please\s+)?(donate|chip in|contribute|support us|become a (patron|member|supporter))\b"),
        ("donation_plea", r"\b(make|consider making) a (one-time |monthly |small )?(donation|contribution) to (us|our|this)\b"),
        ("donation_plea", r"\bsupport (our|independent|this)( \w+)? (journalism|reporting|work|site)\b"),
        ("donation_plea", r"\bpatreon\b"),
    ]
]
# Sentence rules: furniture that sits inside a paragraph of reporting (a
# closing "subscribe at http://…" promo, an opinion disclaimer). Each needs
# a strong cue, since the rest of the line is news and stays body.
_URL = r"(https?://|www\.)\S+"
_SENTENCE_RULES: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in [
        ("promo_link", r"\b(subscribe|click|tap|download|listen|watch)\b( \w+){0,3} (at|on|to|here:?) " + _URL),
        ("promo_link", r"\b(subscribe|download|listen|watch)\b.{0,60}\b(podcast|newsletter|episode|show)\b.{0,40}" + _URL),
        ("disclaimer", r"^\W*the (views|opinions)( and opinions)? expressed (in|here|by)\b.{0,80}"
                       r"\b(are|is) (solely |entirely )?(those|the author|their own|his own|her own)"),
        ("disclaimer", r"^\W*the (views|opinions) expressed\b.{0,80}\bdo not (necessarily )?reflect\b"),
    ]
]
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z])")
_RELATED_MARKER = re.compile(r"^\s*(related|recommended|more from|you may also like|trending|popular|also read|see also)\b.{0,40}$", re.I)
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or over the to up via vs with is are was be".split())
SENTENCE_END = (".", "!", "?", "”", "\"", "’", "'", ")", "…", ":")


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


def sentence_furniture(line: str) -> list[tuple[int, int, str, str]]:
    """Sentences of one line that are furniture by sentence rules: (start, end, kind, cue), offsets in the line."""
    if "http" not in line and "www." not in line and "expressed" not in line.lower():
        return []  # every sentence rule needs one of these: skip the split on ordinary lines
    found = []
    start = 0
    for end in [m.start() for m in _SENTENCE_SPLIT.finditer(line)] + [len(line)]:
        sentence = line[start:end].strip()
        for kind, pattern in _SENTENCE_RULES:
            match = pattern.search(sentence)
            if match:
                offset = line.index(sentence, start)
                found.append((offset, offset + len(sentence), kind, match.group(0).strip()))
                break
        start = end
    return found


def is_headline_shaped(line: str) -> bool:
    """Title Case, 3–20 words, no sentence-final punctuation: looks like a headline."""
    if line.endswith(SENTENCE_END) or len(line) > 160:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    if not 3 <= len(words) <= 20:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


def norm_title(line: str) -> str:
    return re.sub(r"\W+", " ", line.lower()).strip()


def title_similarity(line: str, title: str) -> float:
    """0–100: edit similarity, or containment when a site name was added ("Title | Site")."""
    score = fuzz.ratio(line, title)
    if len(title) >= 15 and len(title) < len(line) <= 1.5 * len(title) + 30:
        score = max(score, fuzz.partial_ratio(title, line) - 2)
    return score


def related_marker(line: str) -> bool:
    """A "Related:"/"More from" line that introduces links to other articles."""
    return _RELATED_MARKER.match(line) is not None
