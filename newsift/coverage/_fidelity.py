"""Quote fidelity: the same quotation as two outlets printed it, aligned word by word.

Quotations are matched across articles by fuzzy similarity of their words
(rapidfuzz ``token_set_ratio``), which also pairs different translations of
one remark when they share enough words. The alignment (difflib over
normalised words) marks words kept, changed, cut and added, bracketed
editorial insertions ("[the bridge]") and ellipses that mark a cut.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

__all__ = ["QuoteText", "match_quotes", "align_quotes", "render_alignment", "summarize_alignment"]

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


def match_quotes(mine: list[QuoteText], theirs: list[QuoteText], threshold: float) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)``: each quote of ``mine`` with its best match in ``theirs`` above threshold."""
    pairs = []
    for i, quote in enumerate(mine):
        scored = [(similarity(quote.text, other.text), j) for j, other in enumerate(theirs)]
        scored = [(s, j) for s, j in scored if s >= threshold and _same_speaker(quote, theirs[j])]
        if scored:
            best, j = max(scored)
            pairs.append((i, j, round(best, 1)))
    return pairs


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
