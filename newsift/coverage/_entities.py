"""Names in an article for coverage: people, organisations, places and events, without furniture.

The checked article's names come from the language stage's spaCy entities
when it ran (capitalised phrases otherwise); a stored article's from
capitalised phrases, since running spaCy on every candidate would cost more
than the whole check. Both leave out site furniture (the cleaning layer's
spans; for a stored article, its lines that recur across its domain and the
cleaning cue rules), so "Story Continued Below" is never a name.

A name is called a person only when it looks like one:
* spaCy said PERSON and never tagged the same name as a place, organisation
  or event elsewhere in the article ("New York" tagged GPE once is a place);
* every word is capitalised with lower-case letters after the first (or an
  initial), so "Kremlin-controlled TV" and "NATO" are not people;
* not every word is an ordinary word of the text: "Election Day" is not a
  person when the text also says "election" and "day" in lower case.
A stored article's name is a person when the checked article knows it as
one (same name or same surname), else by the same shape test.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import AbstractSet, Any, Iterable

from ..model import Span
from ._text import TITLE_WORDS, entity_mentions, entity_terms, headline_lines

__all__ = ["Names", "Mentions", "names_from_layer", "names_from_text", "names_of_mentions", "text_mentions",
           "person_shaped", "lowercase_words", "PLACE_ORG"]

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "EVENT", "NORP", "FAC", "LAW", "WORK_OF_ART"})
_NOT_PERSON = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
_PLACES = _NOT_PERSON - {"ORG"}
# words of organisation, institution and thing names that are in no person's name ("Opinion Research Corp",
# "Clinton Global Initiative", "Fifth Amendment")
_ORG_WORDS = frozenset(
    """corp inc llc ltd consulting caucus initiative partnership service services corps crescent fund holdings
    media research systems society coalition alliance federation convention conference summit industries
    college academy international movement jail prison amendment clause institution bureau hotel
    organization magazine images show nightclub marathon massacre files prize award awards reserve
    brotherhood parenthood klan politics radio room""".split()
)
PLACE_ORG = frozenset(
    """bridge river street road route avenue hall city county state department ministry council court house
    party university school hospital airport station airlines airline company bank league club united
    republic kingdom island islands park square church government agency police news times herald post
    journal press ledger wire galaxy day week tv foundation institute committee association corporation
    group center centre network administration senate congress assembly commission office campaign union
    army navy force forces guard times""".split()
) | _ORG_WORDS
# last words no person's name ends with, even one spaCy tagged PERSON ("Axe Files", "Iraq War", "African
# Americans"); PLACE_ORG's others are surnames too ("Grace Park", "Anita Hill" is why "hill" is in neither)
_NEVER_SURNAME = _ORG_WORDS | frozenset(
    """war security brothers trust partners america american americans african ricans muslims foundation
    institute committee commission association corporation university airlines""".split()
)
# first words of place and organisation names ("New York", "North Dakota", "Las Vegas", "Red Cross"): no
# one's given name. A stored report's names are capitalised phrases with no tagger behind them, and its text
# may never print "new" or "north" in lower case, which is what otherwise tells "New York" from "Elena Ortiz"
_PLACE_FIRST = frozenset(
    """new north south east west northern southern eastern western central middle upper lower las los san
    santa saint st fort mount mt lake port great greater el red white black green blue""".split()
)
# words that open a sentence before a name, read as one capitalised phrase ("Although Clinton", "Unlike
# Trump", "Watch Conway"); never a given name
_OPENERS = frozenset(
    """although though unlike since even maybe watch while when after before because unless despite
    during like both either neither every each whether perhaps also only just then still yet so meanwhile
    instead indeed however dear top fake happy potential""".split()
)
_NOT_GIVEN = _PLACE_FIRST | _OPENERS  # a name opening with one of these is no one's
# titles and roles printed before a name ("Attorney Danny Williams", "Sen. Ron Johnson")
_TITLES = TITLE_WORDS | frozenset(
    """attorney general madame madam sen rep gov judge justice sgt lt col gen capt cpt maj cmdr adm rev reverend
    father pastor detective deputy chairman chairwoman chair ceo leader speaker host anchor editor officer
    lord lady prince princess king queen pope sheriff chancellor former moderator candidate nominee
    libertarian democrat republican activist professor prof coach founder ambassador commander spokesperson
    correspondent reporter columnist analyst strategist adviser advisor aide""".split()
)
_PLACE_TITLES = frozenset({"county", "city", "state"})  # "County Commissioner", but "Middlesex County College"
_PARTICLES = frozenset("de du da di la le von van der den al bin ibn el".split())
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’]+\b")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass
class Names:
    """An article's names by key (lower-cased): how each was first printed, whether a person, how often."""

    display: dict[str, str] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)
    counts: Counter[str] = field(default_factory=Counter)
    quoted_only: set[str] = field(default_factory=set)  # named only inside quotations
    ordinary: set[str] = field(default_factory=set)  # words the article prints in lower case
    # terms and orders by (limit, narrative), computed once (orders under limit -1): they depend on the
    # counts alone, so a stored report's sides share one table (``Mentions.memo``)
    _memo: dict[tuple[int | None, bool], Any] = field(default_factory=dict, repr=False)

    def ordered(self, narrative: bool = False) -> list[str]:
        """Keys, most mentioned first (ties in order of first mention); ``narrative``: not quote-only ones.

        Computed once per ``narrative`` (like ``terms``); the list is shared: do not change it.
        """
        key = (-1, narrative)  # beside the terms, whose limits are never negative
        if key not in self._memo:
            keys = [k for k, _ in self.counts.most_common()]
            self._memo[key] = [k for k in keys if k not in self.quoted_only] if narrative else keys
        return self._memo[key]

    def terms(self, limit: int | None = None, narrative: bool = True) -> set[str]:
        """The names and their words (computed once per ``limit`` and ``narrative``)."""
        key = (limit, narrative)
        if key not in self._memo:
            keys = self.ordered(narrative)
            self._memo[key] = entity_terms(keys[:limit] if limit else keys)
        return self._memo[key]

    def words_of(self, key: str) -> frozenset[str]:
        """One name and its words ("elena ortiz" -> elena ortiz, elena, ortiz)."""
        return _name_words(key)

    def surnames(self) -> set[str]:
        return {k.split()[-1] for k in self.people}

    def add(self, key: str, shown: str, person: bool, quoted: bool) -> None:
        self._memo = {}  # a new table: it may be shared with other Names of the same mentions
        if key not in self.display:
            self.display[key] = shown
            if quoted:
                self.quoted_only.add(key)
        elif not quoted:
            self.quoted_only.discard(key)
        self.counts[key] += 1
        if person:
            self.people.add(key)


@lru_cache(maxsize=65536)
def _name_words(key: str) -> frozenset[str]:
    return frozenset(entity_terms([key]))


def lowercase_words(text: str) -> set[str]:
    """Words the text prints in lower case: ordinary words, not names."""
    return {w.replace("’", "'") for w in _LOWER_WORD.findall(text)}


def person_shaped(name: str, ordinary: AbstractSet[str]) -> bool:
    """Capitalised name-like words (initials and particles allowed), not all of them ordinary words."""
    words = _name_shape(name)
    return words is not None and (not words or not all(w in ordinary for w in words))


@lru_cache(maxsize=65536)
def _name_shape(name: str) -> tuple[str, ...] | None:
    """The name's longer words, lower-cased, when it is shaped like a name (None when not): the same for any text."""
    tokens = name.split()
    if not 1 <= len(tokens) <= 4:
        return None
    for k, token in enumerate(tokens):
        if 0 < k < len(tokens) - 1 and token in _PARTICLES:
            continue
        if re.fullmatch(r"[A-Z]\.", token):
            continue
        parts = re.split(r"[-'’]", token)
        if not all(p[:1].isupper() and any(c.islower() for c in p[1:]) and p.isalpha() for p in parts if p):
            return None
    return tuple(t.lower().replace("’", "'") for t in tokens if len(t) > 2)


def merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges sorted and overlapping ones joined, so one bisection finds an overlap."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _clean(shown: str) -> str:
    # no name holds a bracket: "(CNN)Massachusetts", a dateline glued to its first word, is "Massachusetts"
    shown = shown.rsplit(")", 1)[-1].lstrip("(")
    return _POSSESSIVE.sub("", _LEADING.sub("", " ".join(shown.split()))).strip(" .,;:-")


def _inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps any of ``ranges`` (sorted by start, not overlapping each other)."""
    k = bisect.bisect_left(ranges, (end,))  # ranges starting before ``end``: only the last can still be open
    return k > 0 and ranges[k - 1][1] > start


def names_from_layer(text: str, entities: Iterable[Span], furniture: list[tuple[int, int]],
                     quoted: list[tuple[int, int]]) -> Names:
    """Names from the spaCy entity layer, furniture left out, people checked as above."""
    ordinary = lowercase_words(text)
    skip = merged(furniture + headline_lines(text))  # spaCy reads title case as names ("Blames Decades")
    quoted = merged(quoted)
    labels: dict[str, set[str]] = {}
    mentions: list[tuple[str, str, bool]] = []
    for span in sorted(entities, key=lambda s: (s.start, s.end)):
        if span.label not in _NAME_LABELS or _inside(span.start, span.end, skip):
            continue
        shown = _clean(text[span.start : span.end])
        key = shown.lower()
        if len(key) < 2 or key in TITLE_WORDS:
            continue
        labels.setdefault(key, set()).add(span.label)
        mentions.append((key, shown, _inside(span.start, span.end, quoted)))
    names = Names(ordinary=ordinary)
    for key, shown, in_quote in mentions:
        person = _layer_person(key, shown, labels[key], ordinary)
        if "PERSON" in labels[key] and not person and not (labels[key] & _NOT_PERSON) and not _name_like(shown):
            continue  # a PERSON that is no name at all ("Kremlin-controlled TV"): drop it
        if person:  # "Moderator Lester Holt" is Lester Holt, counted with his other mentions
            shown = _without_titles(shown)
            key = shown.lower()
        names.add(key, shown, person, in_quote)
    return names


def _layer_person(key: str, shown: str, labels: set[str], ordinary: set[str]) -> bool:
    """spaCy's PERSON, or a two- or three-word name it called an organisation ("Marcus Bell"), if name-shaped.

    Never a name spaCy also tags as a place, nationality or event in this article.
    """
    if labels & _PLACES or not person_shaped(_without_titles(shown), ordinary):
        return False
    if not (words := [t for t in key.split() if t not in _TITLES]) or words[0] in _NOT_GIVEN:
        return False
    if len(words) > 1 and words[-1] in _NEVER_SURNAME:
        return False
    if "PERSON" in labels:
        return True
    tokens = [t for t in key.split() if t not in TITLE_WORDS]
    return labels == {"ORG"} and 2 <= len(tokens) <= 3 and not any(t in PLACE_ORG for t in tokens)


def _name_like(shown: str) -> bool:
    """Capitalised words, whatever they name (so "Election Day" stays a name, just not a person)."""
    return all(t[:1].isupper() or t in _PARTICLES for t in shown.split()) and "-" not in shown


@dataclass(frozen=True)
class Mentions:
    """A text's names before the other article is known: what naming a stored report needs, computed once.

    ``unique``: ``(key, as first printed, mentions, only inside quotations)`` per name that counts, in
    order of first mention; ``ordinary``: the words the text prints in lower case; ``memo``: the names'
    terms and orders (``Names._memo``), filled as asked.
    """

    unique: tuple[tuple[str, str, int, bool], ...]
    ordinary: frozenset[str]
    memo: dict[tuple[int | None, bool], Any] = field(default_factory=dict, compare=False, repr=False)


def text_mentions(text: str, furniture: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> Mentions:
    """The names of ``text`` (furniture blanked, or given as ranges) outside furniture, in order of first mention."""
    furniture, quoted = merged(furniture), merged(quoted)
    mid_sentence: set[str] = set()
    seen: dict[str, list] = {}  # key -> [as first printed, mentions, only quoted]
    for key, shown, start in entity_mentions(text):
        if _inside(start, start + len(shown), furniture):
            continue
        bare = key.lstrip("\0")
        if not key.startswith("\0"):
            mid_sentence.add(bare)
        in_quote = _inside(start, start + len(shown), quoted)
        entry = seen.setdefault(bare, [shown, 0, in_quote])
        entry[1] += 1
        entry[2] = entry[2] and in_quote
    # a lone capitalised word counts only if it also appears inside a sentence (not just opening one)
    unique = tuple((k, v[0], v[1], v[2]) for k, v in seen.items() if " " in k or k in mid_sentence)
    return Mentions(unique, frozenset(lowercase_words(text)))


def names_from_text(text: str, furniture: list[tuple[int, int]], quoted: list[tuple[int, int]],
                    known: Names | None = None) -> Names:
    """Names as capitalised phrases (a stored article), people decided with what ``known`` says."""
    return names_of_mentions(text_mentions(text, furniture, quoted), known)


def names_of_mentions(mentions: Mentions, known: Names | None = None) -> Names:
    """``names_from_text`` from mentions found before: only who is a person depends on ``known``."""
    known = known or Names()
    ordinary = mentions.ordinary | known.ordinary  # both articles' ordinary words: "Because France" is no one's name
    surnames = known.surnames()
    names = Names(ordinary=set(mentions.ordinary), _memo=mentions.memo)
    for key, shown, count, quoted_only in mentions.unique:
        person = _is_person(key, shown, known, surnames, ordinary)
        names.display[key] = _without_titles(shown) if person else shown
        names.counts[key] = count
        if quoted_only:
            names.quoted_only.add(key)
        if person:
            names.people.add(key)
    return names


def _without_titles(shown: str) -> str:
    """"County Commissioner Ruth Engel" -> "Ruth Engel": a person's name without the titles before it, and
    without one word qualifying the first title ("Iraqi Prime Minister Haider" -> "Haider")."""
    tokens = shown.split()
    if len(tokens) > 2 and _title(tokens[1]) and tokens[1].lower() not in _PLACE_TITLES and not _title(tokens[0]):
        tokens.pop(0)
    while len(tokens) > 1 and _title(tokens[0]):
        tokens.pop(0)
    return " ".join(tokens)


def _title(token: str) -> bool:
    return token.lower().rstrip(".") in _TITLES


def _is_person(key: str, shown: str, known: Names, surnames: set[str], ordinary: AbstractSet[str]) -> bool:
    if key in known.people:
        return True
    if key in known.display:
        return False
    tokens = [t for t in key.split() if t not in _TITLES]
    if not 2 <= len(tokens) <= 3 or any(t in PLACE_ORG for t in tokens):
        return len(tokens) == 1 and tokens[0] in surnames
    if tokens[0] in _NOT_GIVEN or tokens[-1] in _NEVER_SURNAME:
        return False
    # a given name is not an ordinary word of either text ("Top Democrats", "Following Clinton")
    return tokens[0] not in ordinary and person_shaped(_without_titles(shown), ordinary)
