"""Exact alignment of the passages two texts share, as character offsets in both.

Both texts are reduced to normalised word tokens (see ``fingerprints``).
Every run of ``seed`` identical tokens is a seed; seeds on nearly the same
diagonal, close to each other, chain into one passage, so a changed word or
a small insertion does not break a passage, while reordered or dropped
sentences simply become separate passages. Token ranges map back to
character offsets in each original text, widened to take in the adjacent
punctuation (closing quotes, the full stop).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from .fingerprints import Tokens, ngram_hashes

__all__ = ["AlignParams", "Passage", "align", "quote_regions", "split_by_quotes"]

_OPENERS = "\"“„«‘'([‹"
_QUOTE_OPEN = {"“": "”", "„": "“", "«": "»", '"': '"'}


@dataclass(frozen=True)
class AlignParams:
    seed: int = 4  # words in a seed match
    max_gap: int = 9  # words between two seeds of one passage (a changed word breaks `seed` seeds)
    max_shift: int = 3  # words inserted or deleted inside a passage
    min_tokens: int = 8  # shorter passages are chance (stock phrases)
    max_occurrences: int = 8  # a seed repeated more often than this in the other text is not evidence


@dataclass
class Passage:
    """One shared passage: ``[a_start, a_end)`` here, ``[b_start, b_end)`` in the other text."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float
    tokens: int  # tokens of this text inside the passage
    kind: str = "narrative"  # quote | narrative
    token_map: dict[int, int] = field(default_factory=dict, repr=False)  # this token -> other token


def align(a_text: str, a: Tokens, b_text: str, b: Tokens, params: AlignParams = AlignParams()) -> list[Passage]:
    """The passages ``a`` shares with ``b``, in the order they appear in ``a``."""
    chains = _chain(_seeds(a.words, b.words, params), params)
    found = [_passage(chain, a_text, a, b_text, b, params) for chain in chains]
    passages = [p for p in found if p is not None]
    return sorted(_drop_overlaps(passages), key=lambda p: p.a_start)


def _seeds(a: list[str], b: list[str], params: AlignParams) -> list[tuple[int, int]]:
    """Positions ``(i, j)`` where ``seed`` equal words start in both texts (runs hashed in numpy,
    then checked word for word, so only the shared runs are visited in Python)."""
    k = params.seed
    ha, hb = ngram_hashes(a, k), ngram_hashes(b, k)
    common = np.intersect1d(ha, hb, assume_unique=False)
    if common.size == 0:
        return []
    where: dict[int, list[int]] = {}
    for j in np.flatnonzero(np.isin(hb, common)).tolist():
        where.setdefault(int(hb[j]), []).append(j)
    seeds: list[tuple[int, int]] = []
    for i in np.flatnonzero(np.isin(ha, common)).tolist():
        found = where[int(ha[i])]
        if len(found) <= params.max_occurrences:
            seeds.extend((i, j) for j in found if a[i : i + k] == b[j : j + k])
    return seeds


def _chain(seeds: list[tuple[int, int]], params: AlignParams) -> list[list[tuple[int, int]]]:
    """Greedy chaining along near-diagonals, seeds visited in order of position in ``a``."""
    open_chains: list[list[tuple[int, int]]] = []
    done: list[list[tuple[int, int]]] = []
    still: list[list[tuple[int, int]]]
    for i, j in seeds:
        best = None
        for chain in open_chains:
            ci, cj = chain[-1]
            if 0 < i - ci <= params.max_gap and 0 < j - cj <= params.max_gap \
                    and abs((j - i) - (cj - ci)) <= params.max_shift:
                if best is None or abs((j - i) - (cj - ci)) < abs((j - i) - (best[-1][1] - best[-1][0])):
                    best = chain
        if best is not None:
            best.append((i, j))
        else:
            open_chains.append([(i, j)])
        still = []
        for chain in open_chains:
            (still if i - chain[-1][0] <= params.max_gap else done).append(chain)
        open_chains = still
    return done + open_chains


def _passage(chain: list[tuple[int, int]], a_text: str, a: Tokens, b_text: str, b: Tokens,
             params: AlignParams) -> Passage | None:
    k = params.seed
    token_map: dict[int, int] = {}
    for i, j in chain:
        for t in range(k):
            token_map.setdefault(i + t, j + t)
    if len(token_map) < params.min_tokens:
        return None
    i0, i1 = chain[0][0], chain[-1][0] + k - 1
    j0, j1 = chain[0][1], chain[-1][1] + k - 1
    i1, j1 = _extend(a.words, b.words, i1, j1, 1, token_map)
    i0, j0 = _extend(a.words, b.words, i0, j0, -1, token_map)
    similarity = fuzz.ratio(" ".join(a.words[i0 : i1 + 1]), " ".join(b.words[j0 : j1 + 1])) / 100
    a_start, a_end = _widen(a_text, a.starts[i0], a.ends[i1])
    b_start, b_end = _widen(b_text, b.starts[j0], b.ends[j1])
    return Passage(a_start, a_end, b_start, b_end, round(similarity, 3), i1 - i0 + 1, token_map=token_map)


def _extend(a: list[str], b: list[str], i: int, j: int, step: int, token_map: dict[int, int]) -> tuple[int, int]:
    """Grow a passage's edge over equal words, stepping over one changed word (too near the edge for a seed)."""
    while True:
        for skip in (1, 2):
            ni, nj = i + skip * step, j + skip * step
            if 0 <= ni < len(a) and 0 <= nj < len(b) and a[ni] == b[nj]:
                for t in range(1, skip + 1):
                    token_map.setdefault(i + t * step, j + t * step)
                i, j = ni, nj
                break
        else:
            return i, j


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in an opening quote before and the punctuation right after (``.”``)."""
    while start > 0 and text[start - 1] in _OPENERS:
        start -= 1
    while end < len(text) and not text[end].isspace() and not text[end].isalnum():
        end += 1
    return start, end


def _drop_overlaps(passages: list[Passage]) -> list[Passage]:
    """Where passages overlap here, keep the longest (a sentence repeated in the other text)."""
    kept: list[Passage] = []
    for p in sorted(passages, key=lambda p: -p.tokens):
        if all(min(p.a_end, q.a_end) - max(p.a_start, q.a_start) < 0.5 * (p.a_end - p.a_start) for q in kept):
            kept.append(p)
    return kept


def quote_regions(text: str, min_words: int = 4) -> list[tuple[int, int]]:
    """Spans of text inside double quotation marks (any style); an unclosed quote ends with its paragraph.

    Shorter runs than ``min_words`` are scare quotes or titles ("critical"), not speech.
    """
    return [(s, e) for s, e in _marked(text) if len(text[s:e].split()) >= min_words]


_QUOTE_CHARS = re.compile("[\"“”„«»\n]")


def _marked(text: str) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    start, closer = -1, ""
    for found in _QUOTE_CHARS.finditer(text):  # only quotation marks and line ends matter
        pos, ch = found.start(), found.group()
        if start < 0:
            if ch in _QUOTE_OPEN:
                start, closer = pos + 1, _QUOTE_OPEN[ch]
            continue
        if ch == '"' and 0 < pos < len(text) - 1 and text[pos - 1].isspace() and text[pos + 1].isalnum():
            regions.append((start, pos))  # a straight mark opening a word: the last quote was left open
            start, closer = pos + 1, '"'
        elif ch == closer or (ch == "”" and closer == '"') or (ch == '"' and closer == "”"):
            regions.append((start, pos))
            start = -1
        elif ch == "\n":
            regions.append((start, pos))
            start = -1
    if start >= 0:
        regions.append((start, len(text)))
    return regions


def split_by_quotes(passage: Passage, a_text: str, a: Tokens, b_text: str, b: Tokens,
                    quoted: list[tuple[int, int]], min_narrative: int) -> list[Passage]:
    """Cut a passage into quote and narrative parts; narrative runs under ``min_narrative`` words
    (``he said``) join the quote next to them."""
    idx = [i for i in range(len(a.words)) if passage.a_start <= a.starts[i] < passage.a_end]
    if not idx:
        return [passage]
    kinds = _attribution_as_quote(idx, [_in_any(a.starts[i], quoted) for i in idx], a_text, a)
    runs = _runs(idx, kinds)
    runs = _absorb_short_narrative(runs, min_narrative)
    out = []
    for tokens, is_quote in runs:
        mapped = [passage.token_map[t] for t in tokens if t in passage.token_map]
        if not mapped:
            continue
        a_start, a_end = _widen(a_text, a.starts[tokens[0]], a.ends[tokens[-1]])
        b_start, b_end = _widen(b_text, b.starts[min(mapped)], b.ends[max(mapped)])
        part = Passage(a_start, a_end, b_start, b_end, passage.similarity,
                       len(tokens), "quote" if is_quote else "narrative",
                       {t: passage.token_map[t] for t in tokens if t in passage.token_map})
        out.append(part)
    return out


_SENTENCE_END = re.compile(r"[.!?]")


def _attribution_as_quote(idx: list[int], kinds: list[bool], text: str, a: Tokens,
                          max_words: int = 30) -> list[bool]:
    """The narrative words of a sentence that carries a quotation ("…," Putin told reporters on
    Thursday) belong to that quotation: reporting the same quote is not copying narrative."""
    sentence, current = [], 0
    for pos, i in enumerate(idx):
        sentence.append(current)
        if pos + 1 < len(idx) and _SENTENCE_END.search(text[a.ends[i] : a.starts[idx[pos + 1]]]):
            current += 1
    out = list(kinds)
    for sid in set(sentence):
        members = [k for k, s in enumerate(sentence) if s == sid]
        narrative = sum(1 for k in members if not kinds[k])
        if narrative < len(members) and narrative <= max_words:
            for k in members:
                out[k] = True
    return out


def _in_any(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in regions)


def _runs(idx: list[int], kinds: list[bool]) -> list[tuple[list[int], bool]]:
    runs: list[tuple[list[int], bool]] = []
    for i, kind in zip(idx, kinds):
        if runs and runs[-1][1] == kind:
            runs[-1][0].append(i)
        else:
            runs.append(([i], kind))
    return runs


def _absorb_short_narrative(runs: list[tuple[list[int], bool]], min_narrative: int) -> list[tuple[list[int], bool]]:
    if not any(kind for _, kind in runs):
        return runs
    merged: list[tuple[list[int], bool]] = []
    for tokens, kind in runs:
        if not kind and len(tokens) < min_narrative:
            kind = True
        if merged and merged[-1][1] == kind:
            merged[-1][0].extend(tokens)
        else:
            merged.append((list(tokens), kind))
    return merged
