"""Cheap text features shared by indexing and retrieval.

Entities are capitalised phrases ("Mayor Elena Ortiz", "Old Mill Bridge",
"MH370"): no model, so indexing stays fast and the same extractor runs on
the checked article and on every stored one. Key terms are the entity
words plus the most frequent content words; numbers and quotations are
found by regular expressions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date, datetime
from functools import lru_cache

__all__ = ["entities", "entity_mentions", "entity_terms", "key_terms", "numbers", "quotations", "day_number",
           "words", "content_words", "narrative_words", "headline_lines", "stem", "masked", "TITLE_WORDS", "STOP_WORDS"]

_CAP_WORD = r"(?:[A-Z][\w'’.\-]*[\w]|[A-Z])"
_CONNECT = r"(?:of|de|du|la|le|von|van|der|al|bin|the|and|for)"
_PHRASE = re.compile(rf"\b{_CAP_WORD}(?:[ \t]+(?:{_CONNECT}[ \t]+)?{_CAP_WORD})*")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)  # as FTS5's unicode61 tokenizer splits words
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.])[$€£]?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s?(?:%|percent|million|billion|thousand|bn|m)\b)?")
_CURLY = re.compile(r"“([^“”]+)”")
_STRAIGHT = re.compile(r'"')
_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_OPENERS = frozenset('.!?:;"“”‘’—–(…\n')
_POSSESSIVE = re.compile(r"['’]s$")

# Capitalised words that start sentences or name roles, not the event's people and places.
_NOT_ENTITY = frozenset(
    """a an the and but or if in on at to of for by with from as after before when while once during
    he she it they we i you his her its their our my your this that these those there here what who
    which where why how then so yet also still now not no yes all some many most more one two three
    said says say told added according mr mrs ms dr sir mayor president minister chief prime senator
    governor commissioner secretary director officer engineer spokesman spokeswoman spokesperson
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    photo image video read share follow sign like leave click copyright by update updated""".split()
)
TITLE_WORDS = frozenset(
    "mr mrs ms dr sir mayor president minister chief prime senator governor commissioner secretary"
    " director officer engineer spokesman spokeswoman county city state".split()
)
_STOP = frozenset(
    """a about above after again against all also am an and any are aren as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they this
    those through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself said says say told would could one two new like year years time
    people last first also us it's get got make made many much may might must per since still well
    week day days monday tuesday wednesday thursday friday saturday sunday news report reported
    according including however going back even way around another want think know see just""".split()
)
STOP_WORDS = _STOP


def words(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return [w.lower() for w in _WORD.findall(text)]


def entity_mentions(text: str) -> list[tuple[str, str, int]]:
    """``(key, as printed, start)`` of each capitalised-phrase mention, in order.

    Leading and trailing sentence openers and titles are dropped ("The Old
    Mill Bridge" -> "Old Mill Bridge", "Mayor Ortiz" -> "Ortiz"); a lone word
    that opens a sentence gets the key prefix ``\0`` (it counts only if it
    also appears inside a sentence). Title-case headline lines are skipped.
    """
    found: list[tuple[str, str, int]] = []
    for line in _PARAGRAPH.finditer(text):
        if _headline_shaped(line.group(0)):
            continue
        for match in _PHRASE.finditer(line.group(0)):
            raw = match.group(0).split()
            tokens = [_POSSESSIVE.sub("", t).strip(".-") for t in raw]
            lead = 0
            while lead < len(tokens) and tokens[lead].lower() in _NOT_ENTITY:
                lead += 1
            tail = len(tokens)
            while tail > lead and tokens[tail - 1].lower() in _NOT_ENTITY:
                tail -= 1
            if tail <= lead or len(tokens[lead]) < 2:
                continue
            name = " ".join(tokens[lead:tail]).lower()
            start = line.start() + match.start()
            opener = tail - lead == 1 and _starts_sentence(text, start + _offset(match.group(0), lead))
            found.append(("\0" + name if opener else name, " ".join(tokens[lead:tail]), start))
    return found


def _offset(phrase: str, token: int) -> int:
    """Character offset of the ``token``-th whitespace-separated token of ``phrase``."""
    pos = 0
    for _ in range(token):
        pos = phrase.index(" ", pos) + 1
        while phrase[pos] in " \t":
            pos += 1
    return pos


def entities(text: str, limit: int = 60) -> list[str]:
    """Normalised capitalised phrases, most frequent first (at most ``limit``; ties in order of first mention).

    A lone capitalised word counts only if it also appears capitalised
    inside a sentence: "Drivers" or "Water" opening a sentence are not names.
    """
    counts: Counter[str] = Counter()
    mid_sentence: set[str] = set()
    for key, _, _ in entity_mentions(text):
        name = key.lstrip("\0")
        counts[name] += 1
        if not key.startswith("\0"):
            mid_sentence.add(name)
    names = [name for name, _ in counts.most_common() if " " in name or name in mid_sentence]
    return names[:limit]


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, line or quotation."""
    before = text[max(0, start - 4) : start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_OPENERS


def headline_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the title-case lines (headlines) of ``text``."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if _headline_shaped(m.group(0))]


def _headline_shaped(line: str) -> bool:
    """A title-case line (a headline): its capitalised words are not entities."""
    if len(line) > 200 or line.count(" ") < 3:  # headlines are short; skip the work for long paragraphs
        return False
    tokens = line.split()
    if len(tokens) < 4:
        return False
    return sum(1 for t in tokens if t[:1].isupper()) / len(tokens) >= 0.7


def masked(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with these character ranges blanked (same length, so offsets still hold).

    Newlines inside a range are kept, so line-based rules still see lines.
    """
    if not ranges:
        return text
    chars = list(text)
    for start, end in ranges:
        for i in range(max(0, start), min(len(chars), end)):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


_SUFFIXES = ("ational", "ization", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "ions", "ion",
             "ies", "ied", "ers", "er", "ed", "es", "s")


# irregular forms a suffix rule cannot reach
_IRREGULAR = {"lives": "life", "wives": "wife", "knives": "knife", "children": "child", "men": "man",
              "women": "woman", "people": "person", "persons": "person", "said": "say", "says": "say",
              "told": "tell", "went": "go", "gone": "go", "gave": "give", "given": "give", "took": "take",
              "taken": "take", "made": "make", "thought": "think", "bought": "buy", "brought": "bring"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem ("persecution", "persecuted" -> "persecut"): suffixes cut while 4+ letters remain."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "stopp(ed)" -> "stop"
    return word.rstrip("e") if len(word) > 4 else word


def narrative_words(text: str) -> list[str]:
    """Lower-cased words that carry content, as the index counts them (no stop words, no short words)."""
    return [w for w in _TOKEN.findall(text.lower()) if len(w) > 3 and w not in _STOP and not w.isdigit()]


def content_words(text: str) -> list[str]:
    """Stems of the words that carry content (no stop words, no one- or two-letter words)."""
    return [stem(w) for w in words(text) if len(w) > 2 and w not in _STOP and not w.isdigit()]


def entity_terms(names: list[str]) -> set[str]:
    """The phrases plus their single words (so "Elena Ortiz" matches a later "Ortiz")."""
    terms = set(names)
    for name in names:
        terms.update(w for w in name.split() if len(w) > 2 and w not in _STOP and w not in _NOT_ENTITY)
    return terms


def key_terms(title: str | None, text: str, names: list[str], limit: int = 40) -> dict[str, float]:
    """Candidate search words with a weight: entity words 2, title words 1.5, frequent content words 1 + log tf.

    Words are split as the full-text index splits them (letters and digits),
    so each can be looked up in its vocabulary.
    """
    weights: dict[str, float] = {}
    counts = Counter(w for w in _TOKEN.findall(text[:20000].lower()) if w not in _STOP and len(w) > 3)
    for word, n in counts.most_common(limit):
        if not word.isdigit():
            weights[word] = 1.0 + math.log(n)
    for word in _TOKEN.findall((title or "").lower()):
        if len(word) > 2 and word not in _STOP and not word.isdigit():
            weights[word] = max(weights.get(word, 0.0), 1.5)
    for name in names[:15]:
        for word in _TOKEN.findall(name):
            if len(word) > 2 and word not in _STOP and word not in _NOT_ENTITY:
                weights[word] = weights.get(word, 0.0) + 2.0
    return weights


def numbers(text: str) -> list[str]:
    """Figures as printed ("$12.5 million", "14,000", "1958"), in order, without repeats."""
    found: list[str] = []
    for match in _NUMBER.finditer(text):
        value = match.group(0).strip()
        if value not in found:
            found.append(value)
    return found


def quotations(text: str, min_words: int = 3) -> list[tuple[int, int]]:
    """``(start, end)`` of the content of each quotation between quote marks.

    Curly quotes pair an opening mark with the next closing one; straight
    quotes pair in order within a paragraph, so a short scare quote
    ("critical") does not swallow the narrative after it.
    """
    found = [(m.start(1), m.end(1)) for m in _CURLY.finditer(text)]
    if '"' in text:
        for para in _PARAGRAPH.finditer(text):
            marks = [m.start() for m in _STRAIGHT.finditer(text, para.start(), para.end())]
            found.extend((marks[i] + 1, marks[i + 1]) for i in range(0, len(marks) - 1, 2))
    return sorted((a, b) for a, b in found if _at_least_words(text, a, b, min_words))


def _at_least_words(text: str, start: int, end: int, n: int) -> bool:
    return len(text[start:end].split(None, n)) >= n  # split at most n times: cheap on long quotations


def day_number(published: str | None) -> int | None:
    """Days since 0001-01-01 for an ISO date or datetime, or None when absent or unreadable."""
    if not published:
        return None
    value = published.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().toordinal()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None
