"""What in a text is someone else's words: quotations, block quotes and embedded posts, token by token.

A shared passage is a quotation, not copied reporting, when it lies inside
any of these in *either* article; this module reads one text and marks its
tokens, and the pair logic ORs the two sides. Three kinds of region:

* text inside double quotation marks (any style), at least ``min_words`` long;
* block quotes: lines that start with ``>`` (plain-text and e-mail style);
* embedded posts: a tweet or Instagram post printed with its signature line,
  "— Name (@handle) October 9, 2016" or "A photo posted by Name (@handle) on …";
  the post's text is the rest of the signature's line, or the line before it
  when the signature stands alone.

Then the narrative words of a sentence that carries a quotation (", Putin
told reporters on Thursday") are marked too, so reporting the same remark
with the same tag is not read as copied narrative.
"""

from __future__ import annotations

import re

import numpy as np

from .alignment import quote_regions
from .fingerprints import Tokens

__all__ = ["embedded_posts", "post_authors", "block_quotes", "quoted_regions", "quoted_tokens"]

_SIGNATURE = re.compile(
    r"(?:[—–-]{1,2}\s*[^\n()—–]{1,80}\(@\w{1,30}\)\s+[A-Z][a-z]+\.? \d{1,2},? \d{4}"
    r"|A (?:photo|video) posted by [^\n]{1,80}\(@[\w.]{1,30}\) on [A-Z][a-z]+\.? \d{1,2},? \d{4}"
    r"(?: at \d{1,2}:\d{2}\s*[ap]m(?: [A-Z]{2,4})?)?)")
_BLOCK = re.compile(r"^[ \t]*>[^\n]*", re.M)
_MAX_POST = 320  # characters: a tweet, its link and some slack
_SENTENCE_START = re.compile(r"[.!?]\s+")
_SENTENCE_END = re.compile(r"[.!?\n]")


def embedded_posts(text: str) -> list[tuple[int, int]]:
    """Embedded social posts: their text and signature line."""
    out = []
    for sig in _SIGNATURE.finditer(text):
        line_start = text.rfind("\n", 0, sig.start()) + 1
        start = line_start
        if not text[line_start : sig.start()].strip():  # the signature alone on its line: the post is above
            prev_end = line_start - 1
            while prev_end > 0 and text[prev_end - 1] == "\n":
                prev_end -= 1
            start = text.rfind("\n", 0, max(0, prev_end)) + 1 if prev_end > 0 else 0
        if sig.start() - start > _MAX_POST:  # a post is short: a long line holds narrative before it
            cut = _SENTENCE_START.search(text, sig.start() - _MAX_POST, sig.start())
            start = cut.end() if cut else sig.start() - _MAX_POST
        out.append((start, sig.end()))
    return out


_AUTHOR = re.compile(r"(?:[—–-]{1,2}\s*|posted by )(?P<name>[^\n()—–]{1,80}?)\s*\(@(?P<handle>[\w.]{1,30})\)")


def post_authors(text: str) -> list[tuple[int, int, int, str, str]]:
    """Embedded posts with who posted them: ``(start, end, signature_start, name, handle)``.

    ``text[start:signature_start]`` is the post's words, ``text[signature_start:end]`` its signature
    ("— Donald Trump Jr. (@DonaldJTrumpJr) September 19, 2016"). The name is as the signature prints it.
    """
    out = []
    for start, end in embedded_posts(text):
        sig = _SIGNATURE.search(text, start, end)
        author = _AUTHOR.search(text, sig.start(), end) if sig else None
        if sig and author:
            out.append((start, end, sig.start(), author.group("name").strip(), author.group("handle")))
    return out


def block_quotes(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _BLOCK.finditer(text)]


def quoted_regions(text: str, min_words: int = 4) -> list[tuple[int, int]]:
    """Quotation marks, block quotes and embedded posts, sorted, as character ranges."""
    return sorted(set(quote_regions(text, min_words)) | set(block_quotes(text)) | set(embedded_posts(text)))


def quoted_tokens(text: str, tokens: Tokens, max_tag_words: int = 30) -> np.ndarray:
    """A boolean per token: someone else's words, or the tag of a sentence that quotes them."""
    starts = np.asarray(tokens.starts, dtype=np.int64)
    marked = np.zeros(len(starts), dtype=bool)
    for s, e in quoted_regions(text):
        lo, hi = np.searchsorted(starts, s), np.searchsorted(starts, e)
        marked[lo:hi] = True
    if not marked.any():
        return marked
    return _with_tags(text, tokens, marked, max_tag_words)


def _with_tags(text: str, tokens: Tokens, marked: np.ndarray, max_tag_words: int) -> np.ndarray:
    """Mark the narrative words of each sentence that holds a quotation, when they are few."""
    if len(marked) < 2:
        return marked
    stops = np.asarray([m.start() for m in _SENTENCE_END.finditer(text)], dtype=np.int64)
    ends, starts = np.asarray(tokens.ends[:-1]), np.asarray(tokens.starts[1:])
    nxt = np.searchsorted(stops, ends)  # the first sentence end at or after each word's end
    boundary = (nxt < len(stops)) & (stops[np.minimum(nxt, len(stops) - 1)] < starts)
    sentence = np.concatenate(([0], np.cumsum(boundary)))
    quoted = np.bincount(sentence, weights=marked.astype(np.int64))
    narrative = np.bincount(sentence, weights=(~marked).astype(np.int64))
    tagged = (quoted > 0) & (narrative <= max_tag_words)
    return marked | tagged[sentence]
