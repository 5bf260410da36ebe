"""What another outlet's report adds to or omits from the article, and whether it is a copy.

Names (capitalised phrases; two- or three-word ones without place or
organisation words are called people), figures and quotations present in
one text and not the other. The copy test here is a fallback for when the
provenance stage did not run: long shared word sequences (8-word shingles).
"""

from __future__ import annotations

import re
from typing import Any

from ._fidelity import QuoteText, match_quotes
from ._text import TITLE_WORDS, entities, entity_terms, numbers, words

__all__ = ["compare_texts", "shared_passage_share", "display_name", "person_like"]

_PLACE_ORG = frozenset(
    """bridge river street road route avenue hall city county state department ministry council court house
    party university school hospital airport station airlines airline company bank league club united
    republic kingdom island islands park square church government agency police news times herald post
    journal press ledger wire galaxy""".split()
)
_SHINGLE = 8


def person_like(name: str) -> bool:
    """A two- or three-word name without place or organisation words ("elena ortiz")."""
    tokens = [t for t in name.split() if t not in TITLE_WORDS]
    return 2 <= len(tokens) <= 3 and not any(t in _PLACE_ORG for t in tokens)


def display_name(name: str, text: str) -> str:
    """The name as first printed in ``text`` (entities are stored lower-cased)."""
    match = re.search(re.escape(name).replace(r"\ ", r"\s+"), text, re.IGNORECASE)
    return match.group(0) if match else name.title()


def _names_missing(names: list[str], other_terms: set[str]) -> list[str]:
    """Names none of whose words the other text names (so "Ortiz" covers "Elena Ortiz")."""
    return [n for n in names if not (entity_terms([n]) & other_terms)]


def _number_key(value: str) -> str:
    return re.sub(r"[\s,$€£]", "", value.lower()).replace("percent", "%")


def _numbers_missing(mine: list[str], theirs: list[str]) -> list[str]:
    keys = {_number_key(v) for v in theirs}
    return [v for v in mine if _number_key(v) not in keys]


def compare_texts(text: str, quotes: list[QuoteText], other_text: str, other_quotes: list[QuoteText],
                  quote_threshold: float, limit: int = 8) -> dict[str, Any]:
    """``{"adds": {...}, "omits": {...}}``: people, other names, figures and quotes in one text only."""
    mine, theirs = entities(text), entities(other_text)
    adds_names = _names_missing(theirs, entity_terms(mine))
    omits_names = _names_missing(mine, entity_terms(theirs))
    matched = match_quotes(quotes, other_quotes, quote_threshold)
    matched_mine = {i for i, _, _ in matched}
    matched_theirs = {j for _, j, _ in matched}
    mine_numbers, their_numbers = numbers(text), numbers(other_text)

    def side(names: list[str], source: str, figures: list[str], quote_list: list[QuoteText], used: set[int]) -> dict:
        return {
            "people": [display_name(n, source) for n in names if person_like(n)][:limit],
            "other_names": [display_name(n, source) for n in names if not person_like(n)][:limit],
            "numbers": figures[:limit],
            "quotes": [q.text for k, q in enumerate(quote_list) if k not in used and q.kind != "indirect"][:limit],
        }

    return {
        "adds": side(adds_names, other_text, _numbers_missing(their_numbers, mine_numbers), other_quotes,
                     matched_theirs),
        "omits": side(omits_names, text, _numbers_missing(mine_numbers, their_numbers), quotes, matched_mine),
    }


def _shingles(text: str) -> set[int]:
    tokens = words(text)
    return {hash(tuple(tokens[i : i + _SHINGLE])) for i in range(max(0, len(tokens) - _SHINGLE + 1))}


def shared_passage_share(text: str, other_text: str) -> float:
    """Share of the shorter text's 8-word sequences that the other text repeats (0..1)."""
    a, b = _shingles(text), _shingles(other_text)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
