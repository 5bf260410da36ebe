"""The passages two texts share, typed the same whichever of the two is checked.

The pair is always aligned in one canonical order (by article id, then
text), and the result flipped for the other side, so both reports show the
same passages. Each aligned word is then typed from *both* texts:

* furniture when it is furniture in either text: subtracted, the rest of
  the passage kept (runs shorter than ``min_tokens`` left over are chance);
* quote when it lies in a quotation, block quote or embedded post in either
  text (or in the tag of a sentence that quotes);
* narrative otherwise. Short narrative runs ("he said") beside a quote join it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .alignment import AlignParams, Passage, _widen
from .furniture import TextInfo

__all__ = ["PairParams", "canonical", "shared_passages", "flip"]

FURNITURE, QUOTE, NARRATIVE = 0, 1, 2
QUOTE_MIN_WORDS = 3  # shorter quote runs inside narrative are boundary artefacts


@dataclass(frozen=True)
class PairParams:
    align: AlignParams = AlignParams()
    attribution_words: int = 8  # narrative runs shorter than this beside a quote join it


def canonical(a: TextInfo, b: TextInfo) -> bool:
    """True when ``a`` comes first in the pair's one fixed order."""
    return (a.article.id, a.article.text) <= (b.article.id, b.article.text)


def flip(passages: list[Passage]) -> list[Passage]:
    """The same passages seen from the other text, in its order (word counts stay the first text's,
    so both sides report the same figures)."""
    out = [Passage(p.b_start, p.b_end, p.a_start, p.a_end, p.similarity, p.tokens, p.kind,
                   {j: i for i, j in p.token_map.items()}) for p in passages]
    return sorted(out, key=lambda p: p.a_start)


def shared_passages(first: TextInfo, second: TextInfo, aligned: list[Passage], params: PairParams,
                    stock: Callable[[Passage], bool]) -> list[Passage]:
    """Typed passages of ``first`` shared with ``second`` (``first`` must be the canonical first;
    ``aligned``: ``align(first, second)``; both texts ``complete``)."""
    assert first.furniture is not None and second.furniture is not None
    furn_a, furn_b = first.furniture, second.furniture
    out = []
    for passage in aligned:
        if stock(passage):
            continue
        labels = _labels(passage, first, second, furn_a, furn_b)
        for segment in _segments(labels, params.align.min_tokens):
            out += _typed(segment, passage, first, second, params.attribution_words)
    return out


def _labels(passage: Passage, first: TextInfo, second: TextInfo, furn_a: np.ndarray,
            furn_b: np.ndarray) -> list[tuple[int, int, int]]:
    """``(token here, token there, label)`` for every token of the passage here."""
    lo, hi = min(passage.token_map), max(passage.token_map)
    out = []
    j = passage.token_map[lo]
    for i in range(lo, hi + 1):
        j = passage.token_map.get(i, j)  # a changed word takes its neighbour's counterpart
        j = min(j, len(second.tokens) - 1)
        if furn_a[i] or furn_b[j]:
            label = FURNITURE
        elif first.quoted[i] or second.quoted[j]:  # type: ignore[index]
            label = QUOTE
        else:
            label = NARRATIVE
        out.append((i, j, label))
    return out


def _segments(labels: list[tuple[int, int, int]], min_tokens: int) -> list[list[tuple[int, int, int]]]:
    """Runs of non-furniture tokens, long enough not to be chance."""
    segments: list[list[tuple[int, int, int]]] = [[]]
    for item in labels:
        if item[2] == FURNITURE:
            if segments[-1]:
                segments.append([])
        else:
            segments[-1].append(item)
    return [s for s in segments if len(s) >= min_tokens]


def _typed(segment: list[tuple[int, int, int]], passage: Passage, first: TextInfo, second: TextInfo,
           attribution_words: int) -> list[Passage]:
    runs: list[tuple[list[tuple[int, int]], bool]] = []
    for i, j, label in segment:
        quote = label == QUOTE
        if runs and runs[-1][1] == quote:
            runs[-1][0].append((i, j))
        else:
            runs.append(([(i, j)], quote))
    # a quote run of a word or two beside narrative is a boundary artefact (a sentence's first word
    # aligned against a quotation there), not a shared quotation: it joins its neighbour
    runs = _merge([(r, q and (len(r) >= QUOTE_MIN_WORDS or len(runs) == 1)) for r, q in runs])
    if any(quote for _, quote in runs):  # a short narrative run beside a quote is its tag
        runs = _merge([(r, q or len(r) < attribution_words) for r, q in runs])
    out = []
    for run, quote in runs:
        a, b = first.tokens, second.tokens
        i0, i1 = run[0][0], run[-1][0]
        j0, j1 = min(j for _, j in run), max(j for _, j in run)
        a_start, a_end = _widen(first.article.text, a.starts[i0], a.ends[i1])
        b_start, b_end = _widen(second.article.text, b.starts[j0], b.ends[j1])
        mapped = {i: passage.token_map[i] for i, _ in run if i in passage.token_map}
        out.append(Passage(a_start, a_end, b_start, b_end, passage.similarity,
                           len(run) - _swapped_names(run, mapped, first, second),
                           "quote" if quote else "narrative", mapped))
    return out


def _swapped_names(run: list[tuple[int, int]], mapped: dict[int, int], first: TextInfo, second: TextInfo) -> int:
    """Names in ``run`` that the other text prints differently (capitalised mid-sentence, not the same word).

    A series template with its names swapped ("The conversation with Rove/Frank was taped in Kiev…")
    says the same of a different person: the swapped names are not shared words. A light edit
    ("essential"/"crucial") keeps its word count, since the statement is the same.
    """
    text, words, starts = first.article.text, first.tokens.words, first.tokens.starts
    swapped = 0
    for i, _ in run:
        j = mapped.get(i)
        if (j is not None and words[i] == second.tokens.words[j]) or not text[starts[i]].isupper():
            continue
        before = text[max(0, starts[i] - 3) : starts[i]].rstrip(" \"“(")
        swapped += bool(before) and not before.endswith((".", "!", "?", "\n"))
    return swapped


def _merge(runs: list[tuple[list[tuple[int, int]], bool]]) -> list[tuple[list[tuple[int, int]], bool]]:
    merged: list[tuple[list[tuple[int, int]], bool]] = []
    for run, quote in runs:
        if merged and merged[-1][1] == quote:
            merged[-1][0].extend(run)
        else:
            merged.append((list(run), quote))
    return merged
