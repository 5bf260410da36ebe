"""The two sides coverage compares: the checked article (computed once) and each stored report.

``Focus`` is the checked article: its quotations (keys computed once), its
names (spaCy's when the language stage ran), its narrative content
words (furniture and quotations left out) and its figures. ``OtherDoc`` is
the same for a stored report, with its furniture found through the store.
``compare_texts`` says what a report adds to or omits from the article:
people, other names, figures and quotations in one text only. The copy
test here is a fallback for when the provenance stage did not run: long
shared word sequences (8-word shingles).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from ..model import Article, Span
from ._entities import Mentions, Names, names_from_layer, names_from_text, names_of_mentions, text_mentions
from ._fidelity import QuoteKeys, QuoteMatch, QuoteText, match_keyed
from ._text import masked, narrative_words, numbers, quotations, words

__all__ = ["Side", "Focus", "OtherDoc", "Stored", "focus_of", "other_of", "stored_of", "side_of",
           "compare_texts", "compare_docs", "shared_passage_share",
           "furniture_of"]

_SHINGLE = 8
Ranges = list[tuple[int, int]]


LEAD_WORDS = 40  # content words of the narrative, after the title, that make the lead


@dataclass
class Side:
    """One article as coverage compares it: quotation keys, names, figures, and three views of its narrative.

    The views are content-word counts of the narrative (furniture and
    quotations left out): all of it, the lead (the title and the first
    ``LEAD_WORDS`` content words, where a news story states its event), and
    the title alone.
    """

    article: Article
    quotes: QuoteKeys
    names: Names
    narrative: Counter[str]
    lead: Counter[str]
    title: Counter[str]
    figures: list[str]
    # values derived from the store's state alone (the views' word vectors), kept with a stored report
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


Focus = Side  # the checked article, computed once per check
OtherDoc = Side  # a stored report


def _side(article: Article, quotes: QuoteKeys, names: Names, furniture: Ranges, quoted: Ranges) -> Side:
    body = narrative_words(masked(article.text, furniture + quoted))
    title = narrative_words(article.title or "")
    return Side(article, quotes, names, Counter(body), Counter(title + body[:LEAD_WORDS]), Counter(title),
                numbers(masked(article.text, furniture)))


def _quoted_ranges(text: str, quotes: list[QuoteText]) -> Ranges:
    """Quotation-mark contents plus the quotes layer's direct and mixed spans."""
    return sorted(set(quotations(text, min_words=1)) | {(q.start, q.end) for q in quotes if q.kind != "indirect"})


def focus_of(article: Article, quotes: list[QuoteText], entity_spans: Iterable[Span] | None = None,
             furniture: Ranges | None = None) -> Side:
    """The checked article: names from spaCy's entities when given, else capitalised phrases."""
    text, furniture = article.text, furniture or []
    quoted = _quoted_ranges(text, quotes)
    if entity_spans is not None:
        names = names_from_layer(text, entity_spans, furniture, quoted)
    else:
        names = names_from_text(masked(text, furniture), furniture, quoted)
    return _side(article, QuoteKeys.of([q for q in quotes if q.kind != "indirect"]), names, furniture, quoted)


@dataclass(frozen=True)
class Stored:
    """A stored report as coverage compares it, except its people (they depend on the checked article).

    Computed once per stored report while the store is unchanged (``_cache.StoredSides``), since the same
    reports come back as candidates for many checked articles. Read-only: shared between checks.
    """

    article: Article
    quotes: QuoteKeys
    mentions: Mentions
    narrative: Counter[str]
    lead: Counter[str]
    title: Counter[str]
    figures: list[str]
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # shared by its sides


def stored_of(article: Article, quotes: list[QuoteText], furniture: Ranges) -> Stored:
    """What ``other_of`` computes of a stored report that does not depend on the checked article."""
    quoted = _quoted_ranges(article.text, quotes)
    mentions = text_mentions(masked(article.text, furniture), furniture, quoted)
    side = _side(article, QuoteKeys.of(quotes), Names(), furniture, quoted)
    return Stored(article, side.quotes, mentions, side.narrative, side.lead, side.title, side.figures)


def side_of(stored: Stored, known: Names) -> Side:
    """A stored report's side for one checked article: its names, people decided with ``known``'s help."""
    return Side(stored.article, stored.quotes, names_of_mentions(stored.mentions, known), stored.narrative,
                stored.lead, stored.title, stored.figures, stored.memo)


def other_of(article: Article, quotes: list[QuoteText], furniture: Ranges, known: Names) -> Side:
    """A stored report: names as capitalised phrases (people decided with the checked article's help)."""
    return side_of(stored_of(article, quotes, furniture), known)


def furniture_of(article: Article, store: Any, min_articles: int, min_share: float) -> Ranges:
    """A stored article's furniture: cue-rule lines and lines that recur across its domain's stored articles."""
    from ..cleaning import stored_furniture

    return sorted((s.start, s.end) for s in stored_furniture(article, store, min_articles, min_share))


def _names_missing(keys: list[str], names: Names, other_terms: set[str]) -> list[str]:
    """Names none of whose words the other text names (so "Ortiz" covers "Elena Ortiz")."""
    return [k for k in keys if not (names.words_of(k) & other_terms)]


@lru_cache(maxsize=65536)
def _number_key(value: str) -> str:
    return re.sub(r"[\s,$€£]", "", value.lower()).replace("percent", "%")


def _numbers_missing(mine: list[str], theirs: list[str]) -> list[str]:
    keys = {_number_key(v) for v in theirs}
    return [v for v in mine if _number_key(v) not in keys]


def _people(names: Names, missing: list[str]) -> list[str]:
    """The missing people as printed, each once: a surname alone is left out beside the full name it ends
    ("Kovaleski" beside "Serge Kovaleski"), and two keys printed alike ("CEO Andy Puzder") are one."""
    shown = [names.display[k] for k in missing if k in names.people]
    surnames = {s.split()[-1].lower() for s in shown if " " in s}
    out: list[str] = []
    seen: set[str] = set()
    for name in shown:
        key = name.lower()
        if key not in seen and (" " in name or key not in surnames):
            seen.add(key)
            out.append(name)
    return out


def _changes(names: Names, missing: list[str], figures: list[str], quotes: QuoteKeys, used: set[int],
          limit: int) -> dict[str, Any]:
    return {
        "people": _people(names, missing)[:limit],
        "other_names": [names.display[k] for k in missing if k not in names.people][:limit],
        "numbers": figures[:limit],
        "quotes": [q.text for k, q in enumerate(quotes.quotes) if k not in used and q.kind != "indirect"][:limit],
    }


def compare_docs(focus: Focus, other: OtherDoc, matched: list[QuoteMatch], limit: int = 8) -> dict[str, Any]:
    """``{"adds": {...}, "omits": {...}}``: people, other names, figures and quotes in one text only."""
    mine, theirs = focus.names.ordered(), other.names.ordered()
    adds = _names_missing(theirs, other.names, focus.names.terms(narrative=False))
    omits = _names_missing(mine, focus.names, other.names.terms(narrative=False))
    return {
        "adds": _changes(other.names, adds, _numbers_missing(other.figures, focus.figures), other.quotes,
                      {m.j for m in matched}, limit),
        "omits": _changes(focus.names, omits, _numbers_missing(focus.figures, other.figures), focus.quotes,
                       {m.i for m in matched}, limit),
    }


def compare_texts(text: str, quotes: list[QuoteText], other_text: str, other_quotes: list[QuoteText],
                  quote_threshold: float, limit: int = 8) -> dict[str, Any]:
    """``compare_docs`` for two bare texts (no store, no entity layer)."""
    focus = focus_of(Article(text=text), quotes)
    other = other_of(Article(text=other_text), other_quotes, [], focus.names)
    return compare_docs(focus, other, match_keyed(focus.quotes, other.quotes, quote_threshold), limit)


def _shingles(text: str) -> set[int]:
    tokens = words(text)
    # crc32, not hash(): the same on every run whatever PYTHONHASHSEED
    return {zlib.crc32(" ".join(tokens[i : i + _SHINGLE]).encode()) for i in range(max(0, len(tokens) - _SHINGLE + 1))}


def shared_passage_share(text: str, other_text: str) -> float:
    """Share of the shorter text's 8-word sequences that the other text repeats (0..1)."""
    a, b = _shingles(text), _shingles(other_text)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
