"""Text normalisation and cheap cue features for check-worthiness.

Everything here is regular expressions and word sets over one sentence, so
scoring stays at thousands of sentences a second on one core. The cues are the ones
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
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
_CAPITALISED = re.compile(r"(?<=\w[ ,;:])(?:[A-Z][a-z]+|[A-Z]{2,})\b")
_OPINION_PHRASE = re.compile(
    r"\b(?:I think|I believe|I feel|I hope|I want|I'd like|I would like|we need|we must|we should|we have to|"
    r"we've got to|we're going to|I'm going to|I will|I'll|let me|good evening|good morning|good night|God bless|"
    r"(?:my|our|in my|in our) (?:opinion|view)|it seems)\b",
    re.I)
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
_REPORTED_PHRASE = re.compile(r"\b(?:according to|called it)\b", re.I)
_SPELLED_PHRASE = re.compile(r"\b(?:a lot|so many)\b", re.I)  # number words with no figure (below)
_WORD = re.compile(r"\w+")

# Cues that are whole words are read from the sentence's words with set lookups: a case-insensitive
# regular expression of thirty alternatives scans every position of the sentence for each. Case-insensitive
# matching also takes these four letters for ASCII ones (dotted and dotless i, long s, the Kelvin sign), so
# they are mapped to them first; the words then match exactly where ``\b(?:word|…)\b`` with re.I would.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


_NUMBER_WORDS = _words("half twice double triple dozen dozens hundred hundreds thousand thousands million millions"
                       " billion billions trillion trillions percent")
_MONTHS = _words("January February March April May June July August September October November December")  # cased
_MONEY_WORDS = _words("dollar dollars tax taxe taxes taxs budget deficit debt spending wage wages")
_COMPARE_WORDS = _words(
    "more less fewer most least than higher lower increase increases increased decrease decreases decreased doubled"
    " tripled cut cuts rose risen fell fallen grew grown largest biggest highest lowest first only record every never"
    " always all")
_CLAIM_VERBS = _words(
    "voted passed signed raised lost created killed spent cost costs pay pays paid won supported opposed banned"
    " funded sponsor sponsors sponsored approved vetoed proposed increased reduced admitted provided gave has had")
_OPINION_WORDS = _words("frankly honestly great wonderful terrible thank thanks congratulations welcome pleasure"
                        " appreciate")  # and _OPINION_PHRASE
_FIRST_PERSON = _words("i me my we us our you your")
_REPORTED_WORDS = _words("said says told tells claimed claims reported announced stated admitted testified wrote")
# "what if" needs no entry: its "if" is a whole word too
_HYPOTHETICAL_WORDS = _words("if imagine suppose unless whether could might would")
_SPELLED_WORDS = _words("one two three four five six seven eight nine ten hundred thousand million billion dozen")
_CURRENCY = re.compile(r"[$£€]")
_I_WE = _words("i we")

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
    words = _WORD.findall(text)
    folded = words if text.isascii() else _WORD.findall(text.translate(_FOLD))
    lower = [w.lower() for w in folded]
    seen = set(lower)
    n_words = len(words)
    digits = _DIGIT.search(text) is not None  # numbers and years need one
    n_numbers = len(_NUMBER.findall(text)) if digits else 0
    return [
        float(n_numbers > 0),
        min(n_numbers, 4) / 4,
        float(not seen.isdisjoint(_NUMBER_WORDS)),
        float(digits and bool(_YEAR.search(text))),
        float(not _MONTHS.isdisjoint(words)),
        float(bool(_CURRENCY.search(text)) or not seen.isdisjoint(_MONEY_WORDS)),
        min(len(_CAPITALISED.findall(text)), 4) / 4,
        min(sum(1 for w in lower if w in _COMPARE_WORDS), 3) / 3,
        float(not seen.isdisjoint(_CLAIM_VERBS)),
        float(not seen.isdisjoint(_OPINION_WORDS) or bool(_OPINION_PHRASE.search(text))),
        min(sum(1 for w in lower if w in _FIRST_PERSON), 3) / 3,
        float(bool(_QUESTION.search(text))),
        float(n_words < 6),
        float(n_words > 30),
        float(not seen.isdisjoint(_I_WE) and bool(_RECORD.search(text))),  # it starts with a whole I or we
        float(bool(_PLAN.search(text))),
        float(not seen.isdisjoint(_REPORTED_WORDS) or bool(_REPORTED_PHRASE.search(text))),
        float(not seen.isdisjoint(_HYPOTHETICAL_WORDS)),
        # number words with no figure: "a million times", "one thing" (rhetoric, not a statistic)
        float(n_numbers == 0 and (not seen.isdisjoint(_SPELLED_WORDS) or bool(_SPELLED_PHRASE.search(text)))),
    ]


def cue_rows(texts: list[str]) -> np.ndarray:
    """One row of cue values (each in [0, 1]) per text, columns named by CUE_NAMES (give raw, not normalised, text)."""
    return np.array([_cues(t) for t in texts], dtype=np.float64).reshape(len(texts), len(CUE_NAMES))


def cue_features(texts: list[str]) -> Any:
    """``cue_rows`` as scipy.sparse CSR, for training (scipy imported here: scoring does not need it)."""
    from scipy import sparse

    return sparse.csr_matrix(cue_rows(texts))
