"""Quote fidelity: the same quotation as two outlets printed it, aligned word by word.

Only quotations are paired, never narrative. Two quotations are the same
remark when (a) their words are similar (rapidfuzz ``token_set_ratio`` at
or above the threshold) and (b) their content aligns: at least
``min_aligned`` content-word stems in common (two when the shorter
quotation has at most four), making up at least
``min_share`` of the shorter quotation's content words; a short one (at
most four) must keep three quarters of them, or share half of the two
quotations' stems together (two common words are not a remark, but "We will
not gamble with people's lives" / "We are not going to gamble with
anybody's life" is one); a fragment of
fewer than ``min_aligned`` content words pairs only with a quotation at
most three times its length (a scare-quoted term is not the remark around it). (b) is the floor
that one shared common word or name cannot pass; it also pairs different
translations of one remark, which share stems ("persecution" /
"persecuted") more than wording. Pairs are assigned one to one, best
first, so one outlet's quotation is never the counterpart of several here.
Keys are computed once per quotation, and rapidfuzz's similarity only
for pairs whose content stems could pass (b). The alignment (difflib over normalised words)
marks words kept, changed, cut and added, bracketed editorial insertions
("[the bridge]") and ellipses that mark a cut.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from itertools import product
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from ._text import STOP_WORDS, stem

__all__ = ["QuoteText", "QuoteKeys", "QuoteMatch", "match_quotes", "match_keyed", "align_quotes",
           "render_alignment", "summarize_alignment"]

MIN_ALIGNED = 3  # content stems two quotations must share…
MIN_SHARE = 0.5  # …and the share of the shorter one's content stems they make up
SHORT_SHARE = 0.75  # a short quotation (at most four content stems) keeps three quarters of them…
SHORT_JACCARD = 0.5  # …or the two share half of all their stems (a reworded remark of the same length)

_TOKEN = re.compile(r"\[[^\]]*\]|…|\.\.\.|[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@dataclass
class QuoteText:
    """One quotation's content: offsets into its article's text, and who said it when known."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    kind: str = "direct"  # direct | indirect | mixed, as the attribution layer labels it


def _norm(token: str) -> str:
    return token.lower().replace("’", "'")


def _kind(token: str) -> str:
    if token.startswith("["):
        return "insertion"
    if token in ("…", "..."):
        return "ellipsis"
    return "word"


def _match_key(quote: str) -> str:
    """Words only (no brackets or ellipses), for fuzzy matching."""
    return " ".join(_norm(t) for t in _TOKEN.findall(quote) if _kind(t) == "word")


def similarity(a: str, b: str) -> float:
    return float(fuzz.token_set_ratio(_match_key(a), _match_key(b)))


@dataclass
class QuoteKeys:
    """What matching needs of a list of quotations, computed once: word keys and content stems."""

    quotes: list[QuoteText]
    keys: list[str]
    stems: list[frozenset[str]]
    printed: list[dict[str, str]]  # stem -> the word as first printed in the quotation

    @classmethod
    def of(cls, quotes: list[QuoteText]) -> "QuoteKeys":
        keys = [_match_key(q.text) for q in quotes]
        printed = [_printed(k) for k in keys]
        return cls(quotes, keys, [frozenset(p) for p in printed], printed)


def _printed(key: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for word in key.split():  # the key is already lower-cased words
        if len(word) > 2 and not word.isdigit() and word not in STOP_WORDS:
            out.setdefault(stem(word), word)
    return out


@dataclass
class QuoteMatch:
    """Quotation ``i`` here and ``j`` there are the same remark: their similarity and the words they share.

    ``aligned``: the shared content words as this article prints them (matched by stem, so "persecution"
    here aligns with "persecuted" there).
    """

    i: int
    j: int
    similarity: float
    aligned: list[str]


def match_keyed(mine: QuoteKeys, theirs: QuoteKeys, threshold: float, min_aligned: int = MIN_ALIGNED,
                min_share: float = MIN_SHARE) -> list[QuoteMatch]:
    """One-to-one pairs of the same remark, best first (ties by position, so the result is stable)."""
    scored = []
    # the stem rules first: most pairs fail them, and the ratio, the costly part, is computed only for the rest
    for i, j in product(range(len(mine.keys)), range(len(theirs.keys))):
        shared = mine.stems[i] & theirs.stems[j]
        shorter = min(len(mine.stems[i]), len(theirs.stems[j]))
        # never one word: two for a short quotation (up to four content stems), min_aligned for longer ones
        if len(shared) < (2 if shorter <= 4 else min_aligned) or len(shared) < min_share * shorter:
            continue
        if shorter <= 4 and len(shared) < SHORT_SHARE * shorter \
                and len(shared) < SHORT_JACCARD * len(mine.stems[i] | theirs.stems[j]):
            continue  # two common words of a short quote in a longer remark ("a really bad dream" / "a bad person")
        longer = max(len(mine.stems[i]), len(theirs.stems[j]))
        if shorter < min_aligned and longer > 3 * shorter:
            continue  # a two-word fragment ("stop and frisk") inside a long remark is not that remark
        if not _same_speaker(mine.quotes[i], theirs.quotes[j]):
            continue
        # kept in single precision, as pairs were always ranked by it (0: under the threshold)
        ratio = float(np.float32(fuzz.token_set_ratio(mine.keys[i], theirs.keys[j], score_cutoff=threshold)))
        if not ratio:
            continue
        # content agreement first: a shared sentence outranks a high ratio from a short subset
        scored.append((-len(shared) / max(shorter, 1), -ratio, i, j, shared))
    scored.sort(key=lambda t: t[:4])
    used_i: set[int] = set()
    used_j: set[int] = set()
    out = []
    for _, neg_sim, i, j, shared in scored:
        if i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        out.append(QuoteMatch(i, j, round(-neg_sim, 1), sorted(mine.printed[i][s] for s in shared)))
    return sorted(out, key=lambda m: m.i)


def match_quotes(mine: list[QuoteText], theirs: list[QuoteText], threshold: float) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)`` of the same remark, one to one (see ``match_keyed``)."""
    return [(m.i, m.j, m.similarity) for m in match_keyed(QuoteKeys.of(mine), QuoteKeys.of(theirs), threshold)]


def _same_speaker(a: QuoteText, b: QuoteText) -> bool:
    """Quotes attributed to two different known speakers are not the same remark."""
    if not a.speaker or not b.speaker:
        return True
    last_a, last_b = a.speaker.split()[-1].lower(), b.speaker.split()[-1].lower()
    return last_a == last_b


def align_quotes(a: str, b: str) -> list[dict[str, Any]]:
    """Word-by-word alignment of quote ``a`` (this article) against ``b`` (another outlet).

    Segments: ``same``; ``changed`` (a's words replaced by b's); ``cut`` (in
    a, not in b); ``added`` (in b, not in a); ``insertion`` (a bracketed
    editorial insertion); ``ellipsis`` (a printed mark of a cut).
    """
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    # bracketed insertions and ellipses never equal a word, so they surface as their own segments
    na = [_norm(t) if _kind(t) == "word" else f"\0{k}{t}" for k, t in enumerate(ta)]
    nb = [_norm(t) if _kind(t) == "word" else f"\1{k}{t}" for k, t in enumerate(tb)]
    segments: list[dict[str, Any]] = []
    matcher = difflib.SequenceMatcher(None, na, nb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        segments.extend(_segments(op, ta[i1:i2], tb[j1:j2]))
    return segments


def _segments(op: str, wa: list[str], wb: list[str]) -> list[dict[str, Any]]:
    """Segments for one difflib opcode, keeping bracketed insertions and ellipses where they were printed."""
    if op == "equal":
        return [{"op": "same", "a": " ".join(wa), "b": " ".join(wb)}]
    out: list[dict[str, Any]] = [{"op": _kind(t), "a": t, "b": ""} for t in wa if _kind(t) != "word"]
    pending_a = [t for t in wa if _kind(t) == "word"]
    run: list[str] = []
    for token in wb:
        if _kind(token) == "word":
            run.append(token)
            continue
        if run or (pending_a and _kind(token) == "ellipsis"):
            out.extend(_word_change(pending_a, run))
            pending_a, run = [], []
        out.append({"op": _kind(token), "a": "", "b": token})
    out.extend(_word_change(pending_a, run))
    return out


def _word_change(words_a: list[str], words_b: list[str]) -> list[dict[str, Any]]:
    if words_a and words_b:
        return [{"op": "changed", "a": " ".join(words_a), "b": " ".join(words_b)}]
    if words_a:
        return [{"op": "cut", "a": " ".join(words_a), "b": ""}]
    if words_b:
        return [{"op": "added", "a": "", "b": " ".join(words_b)}]
    return []


def summarize_alignment(segments: list[dict[str, Any]]) -> dict[str, int]:
    """Counts of words changed, cut and added, and of insertions and ellipses."""
    counts = {"words_same": 0, "words_changed": 0, "words_cut": 0, "words_added": 0, "insertions": 0, "ellipses": 0}
    for seg in segments:
        op = seg["op"]
        if op == "same":
            counts["words_same"] += len(seg["a"].split())
        elif op == "changed":
            counts["words_changed"] += max(len(seg["a"].split()), len(seg["b"].split()))
        elif op == "cut":
            counts["words_cut"] += len(seg["a"].split())
        elif op == "added":
            counts["words_added"] += len(seg["b"].split())
        elif op == "insertion":
            counts["insertions"] += 1
        elif op == "ellipsis":
            counts["ellipses"] += 1
    return counts


def render_alignment(segments: list[dict[str, Any]]) -> str:
    """One line: ``{a → b}`` changed, ``{-a}`` cut, ``{+b}`` added, brackets and ellipses as printed."""
    parts = []
    for seg in segments:
        op = seg["op"]
        if op == "same":
            parts.append(seg["a"])
        elif op == "changed":
            parts.append(f"{{{seg['a']} → {seg['b']}}}")
        elif op == "cut":
            parts.append(f"{{-{seg['a']}}}")
        elif op == "added":
            parts.append(f"{{+{seg['b']}}}")
        else:
            parts.append(f"{{+{seg['b']}}}" if seg["b"] else f"{{-{seg['a']}}}")
    return " ".join(parts)
