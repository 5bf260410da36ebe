"""Copy detection: which stored articles share passages with this one, aligned, typed and directed.

* ``fingerprints``: normalised tokens and winnowed n-gram hashes;
* ``index``: the inverted fingerprint index in the store (a ``newsift index`` indexer);
* ``alignment``: exact passage alignment with offsets in both texts;
* ``direction``: who copied whom, with evidence;
* ``trace``: all of it for one article, with copy chains.
"""

from __future__ import annotations

from .alignment import AlignParams, Passage, align, quote_regions
from .direction import OTHER_COPIED, THIS_COPIED, UNKNOWN, Direction, decide_direction
from .fingerprints import Tokens, fingerprints, tokenize
from .index import IndexParams, candidates, index_article, index_size
from .trace import Match, Trace, TraceParams, as_section, trace_article

__all__ = [
    "AlignParams", "Passage", "align", "quote_regions",
    "OTHER_COPIED", "THIS_COPIED", "UNKNOWN", "Direction", "decide_direction",
    "Tokens", "fingerprints", "tokenize",
    "IndexParams", "candidates", "index_article", "index_size",
    "Match", "Trace", "TraceParams", "as_section", "trace_article",
]
