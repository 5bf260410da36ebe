"""Text normalisation and cheap cue features for check-worthiness.

Everything here is regular expressions over one sentence, so scoring stays
at thousands of sentences a second on one core. The cues are the ones
ClaimBuster and the CheckThat! systems found useful: numbers and quantities,
dates, named things (capitalised words inside the sentence), comparison and
change words, and the markers of opinion, questions and pleasantries that
make a sentence not worth checking. Five more answer the error classes seen
on recent debates (issue #16): a speaker's own record ("I passed the jobs
bill"), promises and plans ("I will cut taxes"), reported speech ("he
said"), hypotheticals ("if we did that") and number words with no figure
("a million times"), so the regression can weigh each apart from the
n-grams that carry it.
"""

from __future__ import annotations

import re

from typing import Any

import numpy as np

__all__ = ["normalise", "CUE_NAMES", "cue_features", "cue_rows", "find_numbers"]

_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(
    r"(?:[$£€]\s?)?\b\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|per cent))?"
    r"(?:\s(?:hundred|thousand|million|billion|trillion))?\b%?", re.I)
_NUMBER_WORD = re.compile(
    r"\b(?:half|twice|double|triple|dozens?|hundreds?|thousands?|millions?|billions?|trillions?|percent)\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
_MONTH = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")
_MONEY = re.compile(r"[$£€]|\b(?:dollars?|taxe?s?|budget|deficit|debt|spending|wages?)\b", re.I)
_CAPITALISED = re.compile(r"(?<=\w[ ,;:])(?:[A-Z][a-z]+|[A-Z]{2,})\b")
_COMPARE = re.compile(
    r"\b(?:more|less|fewer|most|least|than|higher|lower|increase[sd]?|decrease[sd]?|doubled|tripled|cut|cuts|"
    r"rose|risen|fell|fallen|grew|grown|largest|biggest|highest|lowest|first|only|record|every|never|always|all)\b",
    re.I)
_CLAIM_VERB = re.compile(
    r"\b(?:voted|passed|signed|raised|lost|created|killed|spent|cost|costs|pays?|paid|won|supported|opposed|"
    r"banned|funded|sponsors?|sponsored|approved|vetoed|proposed|increased|reduced|admitted|provided|gave|has|had)\b",
    re.I)
_OPINION = re.compile(
    r"\b(?:I think|I believe|I feel|I hope|I want|I'd like|I would like|we need|we must|we should|we have to|"
    r"we've got to|we're going to|I'm going to|I will|I'll|let me|frankly|honestly|great|wonderful|terrible|"
    r"thank|thanks|congratulations|welcome|pleasure|good evening|good morning|good night|God bless|appreciate|"
    r"(?:my|our|in my|in our) (?:opinion|view)|it seems)\b",
    re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our|you|your)\b", re.I)
_QUESTION = re.compile(r"\?\s*[\"”']?\s*$")
# error classes seen on recent debates (issue #16); each cue lets the regression weigh one of them
_PAST = (r"(?:\w+ed|passed|signed|voted|cut|led|built|wrote|fought|won|brought|made|took|gave|sent|put|kept|got|"
         r"ran|said|paid|spent|lost|sold|bought|met|went|saw|stood|told|did|was|were)")
# "I passed the jobs bill", "we've cut taxes": a speaker's own record, checkable
_RECORD = re.compile(r"\b(?:I|we)(?:\s+(?:have|had|already|also|never|actually|just))*(?:'ve|'d)?\s+" + _PAST + r"\b",
                     re.I)
# "I will cut taxes by 10 percent", "we should", "I would": promises and plans, not checkable facts
_PLAN = re.compile(r"\b(?:I|we|I'm|we're)\s*(?:'ll|'d|will|would|shall|should|must|can|am going to|are going to|"
                   r"going to|plan to|intend to|want to|need to|have to|'m going to|'re going to|'ll be)\b", re.I)
# "he said", "according to", "reported that": somebody else's words carried inside the sentence
_REPORTED = re.compile(r"\b(?:said|says|told|tells|according to|claimed|claims|reported|announced|stated|admitted|"
                       r"testified|wrote|called it)\b", re.I)
# "if we do that", "imagine", "suppose": hypotheticals, where numbers are rhetoric
_HYPOTHETICAL = re.compile(r"\b(?:if|imagine|suppose|unless|whether|what if|could|might|would)\b", re.I)
_SPELLED = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|"
                      r"dozen|a lot|so many)\b", re.I)
_WORD = re.compile(r"\w+")

CUE_NAMES = [
    "has_number", "n_numbers", "number_word", "year", "month", "money", "n_capitalised",
    "compare", "claim_verb", "opinion", "first_person", "question", "short", "long",
    "record", "plan", "reported", "hypothetical", "rhetoric_number",
]


def normalise(text: str) -> str:
    """Digits to 0 (so "$1.2 trillion" and "$3.4 trillion" share n-grams) and curly quotes to straight."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _DIGIT.sub("0", text)


def find_numbers(text: str) -> list[tuple[int, int]]:
    """Offsets of numbers (with currency, percent and scale words) in a text."""
    return [m.span() for m in _NUMBER.finditer(text)]


def _cues(text: str) -> list[float]:
    n_words = len(_WORD.findall(text))
    n_numbers = len(_NUMBER.findall(text))
    return [
        float(n_numbers > 0),
        min(n_numbers, 4) / 4,
        float(bool(_NUMBER_WORD.search(text))),
        float(bool(_YEAR.search(text))),
        float(bool(_MONTH.search(text))),
        float(bool(_MONEY.search(text))),
        min(len(_CAPITALISED.findall(text)), 4) / 4,
        min(len(_COMPARE.findall(text)), 3) / 3,
        float(bool(_CLAIM_VERB.search(text))),
        float(bool(_OPINION.search(text))),
        min(len(_FIRST_PERSON.findall(text)), 3) / 3,
        float(bool(_QUESTION.search(text))),
        float(n_words < 6),
        float(n_words > 30),
        float(bool(_RECORD.search(text))),
        float(bool(_PLAN.search(text))),
        float(bool(_REPORTED.search(text))),
        float(bool(_HYPOTHETICAL.search(text))),
        # number words with no figure: "a million times", "one thing" (rhetoric, not a statistic)
        float(n_numbers == 0 and bool(_SPELLED.search(text))),
    ]


def cue_rows(texts: list[str]) -> np.ndarray:
    """One row of cue values (each in [0, 1]) per text, columns named by CUE_NAMES (give raw, not normalised, text)."""
    return np.array([_cues(t) for t in texts], dtype=np.float64).reshape(len(texts), len(CUE_NAMES))


def cue_features(texts: list[str]) -> Any:
    """``cue_rows`` as scipy.sparse CSR, for training (scipy imported here: scoring does not need it)."""
    from scipy import sparse

    return sparse.csr_matrix(cue_rows(texts))
