"""The article's spaCy docs seen as one text: tokens by character position.

The language stage parses paragraph by paragraph and keeps ``(offset, Doc)``
pairs; attribution needs absolute offsets and tokens across paragraphs.
"""

from __future__ import annotations

import bisect
from typing import Callable, Iterator, Sequence

from dataclasses import dataclass, field
from pathlib import Path

from spacy.attrs import LEMMA, LOWER, POS
from spacy.tokens import Doc, Span, Token

from .filter import FILTER_PATH, OTHER_FILTER_PATH, CandidateFilter
from .lexicon import LEXICON_PATH, CueLexicon

__all__ = ["ParsedText", "AttributionModel"]


@dataclass
class AttributionModel:
    """What was learned from annotated data: cue rates (a filter feature) and the candidate filter.

    Empty by default (every candidate kept); ``load`` reads the packaged
    files written by ``newsift train quotes``.
    """

    lexicon: CueLexicon = field(default_factory=lambda: CueLexicon({}))
    filter: CandidateFilter | None = None
    # the filter over candidates whose cue is outside the lexicon ("made a decision"); none: no such candidates
    other_filter: CandidateFilter | None = None

    @classmethod
    def load(cls, lexicon_path: Path = LEXICON_PATH, filter_path: Path = FILTER_PATH,
             other_filter_path: Path = OTHER_FILTER_PATH) -> "AttributionModel":
        return cls(CueLexicon.read(lexicon_path), CandidateFilter.read(filter_path),
                   CandidateFilter.read(other_filter_path))


class ParsedText:
    """The parse of one article plus the cue model it is read with."""

    def __init__(self, docs: list[tuple[int, Doc]], model: AttributionModel | None = None) -> None:
        self.model = model or AttributionModel()
        self.docs = sorted(docs, key=lambda d: d[0])
        self._starts = [off for off, _ in self.docs]
        self._offsets = {id(doc): off for off, doc in self.docs}
        self._lengths: dict[int, int] = {}
        self._ents: dict[int, Sequence[Span]] = {}
        self._ids: dict[int, list[list[int]]] = {}  # per doc: each token's tag, lemma and lower-case form ids
        self._token_starts: dict[int, list[int]] = {}

    def ents_of(self, doc: Doc) -> Sequence[Span]:
        """A doc's entities, made once: ``doc.ents`` builds a new Span for each entity on every call."""
        ents = self._ents.get(id(doc))
        if ents is None:
            ents = self._ents[id(doc)] = doc.ents
        return ents

    def length_of(self, doc: Doc) -> int:
        """Characters in a doc, from its last token: ``len(doc.text)`` joins every token's text to count."""
        length = self._lengths.get(id(doc))
        if length is None:
            length = self._lengths[id(doc)] = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        return length

    def doc_at(self, pos: int) -> tuple[int, Doc] | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return None
        off, doc = self.docs[i]
        return (off, doc) if pos <= off + self.length_of(doc) else None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens lying wholly inside ``[start, end)``, in order (found by bisection on each doc's token starts)."""
        out: list[Token] = []
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        for off, doc in self.docs[i:]:
            if off >= end:
                break
            starts = self._token_starts.get(id(doc))
            if starts is None:
                starts = self._token_starts[id(doc)] = [t.idx for t in doc]
            for k in range(bisect.bisect_left(starts, start - off), len(starts)):
                token = doc[k]
                if off + token.idx + len(token) > end:
                    break  # tokens are in order and do not overlap: none after this one fits either
                out.append(token)
        return out

    def tokens_where(self, wanted: Callable[[str, str, str], bool]) -> Iterator[tuple[int, Token]]:
        """``(offset, token)`` for the tokens whose coarse tag, lemma and lower-case form pass ``wanted``.

        The test runs once for each distinct triple in the article, on ids read from the docs' arrays,
        and a Token object is made only for the tokens that pass: a scan for the few cue words made an
        object for every token and read three strings from each.
        """
        passed: dict[tuple[int, int, int], bool] = {}
        for off, doc in self.docs:
            strings = doc.vocab.strings
            rows = self._ids.get(id(doc))
            if rows is None:  # both cue scans read them: each doc's once
                rows = self._ids[id(doc)] = doc.to_array([POS, LEMMA, LOWER]).tolist()
            for i, (pos, lemma, lower) in enumerate(rows):
                ok = passed.get((pos, lemma, lower))
                if ok is None:
                    ok = passed[(pos, lemma, lower)] = wanted(strings[pos], strings[lemma], strings[lower])
                if ok:
                    yield off, doc[i]

    def offset_of(self, token: Token) -> int:
        """Absolute start of a token."""
        return self._doc_offset(token.doc) + token.idx

    def _doc_offset(self, doc: Doc) -> int:
        return self._offsets[id(doc)]

    def span_of(self, tokens: list[Token]) -> tuple[int, int]:
        """Absolute ``[start, end)`` covering tokens of one doc."""
        off = self._doc_offset(tokens[0].doc)
        first = min(tokens, key=lambda t: t.i)
        last = max(tokens, key=lambda t: t.i)
        return off + first.idx, off + last.idx + len(last)

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        found = self.doc_at(pos)
        if found is None:
            return pos, pos
        off, doc = found
        return off, off + self.length_of(doc)
