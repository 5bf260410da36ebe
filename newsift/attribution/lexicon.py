"""A cue lexicon learned from annotated attributions (PolNeAR train).

For every verb and noun lemma, count how often a token of it lies inside a
gold ``Cue`` span and how often it occurs at all. The counts ship as a small
TSV (``newsift/models/attribution_cues.tsv``); ``newsift train quotes``
rebuilds it. The rate is a feature of the candidate filter, and the evidence
behind the lemmas ``attribution_cue_kinds.tsv`` adds from PolNeAR; it no
longer makes a word a cue by itself (event verbs such as "make" or "take"
reach it).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable

from spacy.tokens import Doc

__all__ = ["CueLexicon", "LEXICON_PATH", "count_cues", "write_lexicon"]

LEXICON_PATH = Path(__file__).resolve().parents[1] / "models" / "attribution_cues.tsv"
_POS = ("VERB", "NOUN")


class CueLexicon:
    """``(lemma, pos) -> (times a cue, times seen)``, with a rate threshold and a minimum count."""

    def __init__(self, counts: dict[tuple[str, str], tuple[int, int]], threshold: float = 0.1,
                 min_seen: int = 3) -> None:
        self.counts = counts
        self.threshold = threshold
        self.min_seen = min_seen
        self._cues = {key for key, (cue, seen) in counts.items() if seen >= min_seen and cue / seen >= threshold}

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self._cues

    def rate(self, lemma: str, pos: str) -> float:
        cue, seen = self.counts.get((lemma, pos), (0, 0))
        return cue / seen if seen else 0.0

    @classmethod
    def read(cls, path: Path = LEXICON_PATH, **kwargs: float) -> "CueLexicon":
        counts: dict[tuple[str, str], tuple[int, int]] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("#") or not line.strip():
                    continue
                lemma, pos, cue, seen = line.split("\t")
                counts[(lemma, pos)] = (int(cue), int(seen))
        return cls(counts, **kwargs)  # type: ignore[arg-type]


Example = tuple[str, list[tuple[int, Doc]], list[tuple[int, int]]]


def count_cues(examples: Iterable[Example]) -> dict[tuple[str, str], tuple[int, int]]:
    """Counts over ``(text, docs with offsets, gold cue fragments)``; words inside quotes are not counted,
    since an attribution inside a quote is never annotated and would only dilute the rate."""
    from .direct import find_quote_marks

    cue_hits: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    for text, docs, cues in examples:
        quoted = [(q.start, q.end) for q in find_quote_marks(text) if q.word_count(text) >= 4]
        for off, doc in docs:
            for token in doc:
                if token.pos_ not in _POS or any(a <= off + token.idx < b for a, b in quoted):
                    continue
                key = (token.lemma_.lower(), token.pos_)
                seen[key] += 1
                start = off + token.idx
                if any(a <= start < b for a, b in cues):
                    cue_hits[key] += 1
    return {key: (cue_hits[key], n) for key, n in seen.items() if cue_hits[key]}


def write_lexicon(counts: dict[tuple[str, str], tuple[int, int]], path: Path = LEXICON_PATH, source: str = "") -> None:
    lines = [f"# attribution cue counts: lemma, pos, times inside a gold Cue, times seen; from {source}"]
    for (lemma, pos), (cue, n) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if cue >= 2:
            lines.append(f"{lemma}\t{pos}\t{cue}\t{n}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

