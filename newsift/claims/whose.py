"""Whose claim is a sentence: the outlet's own, or a speaker's.

Works on the contract of the ``quotes`` layer (attribution stage): each span
is a quote's content, labelled direct, indirect or mixed, with attrs
``speaker`` (canonical name or None) and ``speaker_mention`` (Span or None).
A sentence belongs to a speaker when quoted content covers at least
``MIN_QUOTED_SHARE`` of its characters, or when a quote starts inside it and
its cue is in the same sentence (reported speech such as "The president
said Russia's influence … was no greater …"). Everything else is narrative:
the outlet's own claim.

An indirect quote counts as the speaker's claim only when its cue is a verb
of saying or believing ("said", "noted", "reiterated", "according to") or
its content is a "that" clause: "Putin commented on the testimony" or "He
disputed claims of meddling" report what the speaker did, in the outlet's
words, so they stay the outlet's claims.

Cue kinds (attr ``cue_kind`` from the attribution stage): speech and
"according to" are assertions. The wider ``attributions`` layer holds
beliefs, perceptions, stances and intentions ("Putin believes that …"):
somebody's state of mind, not a factual claim they made, so such a sentence
is theirs but not asserted (``asserted`` False) and is never check-worthy;
a ``document`` ("a poll showed …") asserts like speech. The same test as for
indirect quotes applies first: "He disputed claims of meddling" or "Putin
commented on the testimony" (a stance on a topic, no clause) is the outlet's
account of what he did, so the outlet's claim. Spans without ``cue_kind``
(an older attribution layer, or the fallback rules) are taken as speech.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..model import Span

__all__ = ["ClaimOwner", "whose_claim", "asserts", "speaker_of", "MIN_QUOTED_SHARE", "NOT_ASSERTED"]

MIN_QUOTED_SHARE = 0.5
# cue kinds that report a state of mind, not something the speaker stated as fact
NOT_ASSERTED = frozenset({"belief", "perception", "stance", "intention"})
# stems of cue words that introduce what somebody asserts
_SAYING_STEMS = (
    "say", "said", "tell", "told", "note", "noting", "stat", "add", "claim", "argu", "insist", "warn", "believ",
    "reiterat", "explain", "assert", "announc", "wrote", "writ", "declar", "suggest", "maintain", "accord", "deni",
    "deny", "admit", "acknowledg", "confirm", "estimat", "predict", "promis", "alleg", "contend", "emphasi",
    "stress", "point", "reveal", "report", "think", "thought", "recall", "assur", "conced", "boast", "testif",
    "accus", "charg", "insist", "repl", "respond", "answer", "conclud", "feel", "felt", "hop", "expect", "fear",
)


@dataclass(frozen=True)
class ClaimOwner:
    whose: str  # "outlet" | "speaker"
    speaker: str | None = None
    quote: int | None = None  # index of the quote in the quotes layer
    quoted_share: float = 0.0  # share of the sentence's characters inside quote content
    cue_kind: str | None = None  # the attribution's cue kind (speech, according_to, belief, stance, …)
    asserted: bool = True  # False for a belief, perception, stance or intention: not a factual claim

    def to_attrs(self) -> dict[str, object]:
        return {"whose": self.whose, "speaker": self.speaker, "quote": self.quote,
                "quoted_share": round(self.quoted_share, 3), "cue_kind": self.cue_kind, "asserted": self.asserted}


def _overlap(a: Span, start: int, end: int) -> int:
    return max(0, min(a.end, end) - max(a.start, start))


def speaker_of(quote: Span, text: str) -> str | None:
    """The quote's resolved speaker, else the words of its speaker mention."""
    speaker = quote.attrs.get("speaker")
    if speaker:
        return str(speaker)
    mention = quote.attrs.get("speaker_mention")
    if isinstance(mention, Span):
        return text[mention.start : mention.end]
    return None


def asserts(quote: Span, text: str) -> bool:
    """True when the quote's content is something the speaker asserts, not a topic the outlet names."""
    if quote.label != "indirect":
        return True
    if text[quote.start : quote.end].lstrip().lower().startswith("that "):
        return True
    cue = quote.attrs.get("cue")
    if not isinstance(cue, Span):
        return True  # no cue to judge by: trust the attribution stage
    words = text[cue.start : cue.end].lower().split()
    return bool(words) and words[0].startswith(_SAYING_STEMS)


def _cue_inside(quote: Span, sentence: Span) -> bool:
    cue = quote.attrs.get("cue")
    return isinstance(cue, Span) and sentence.start <= cue.start and cue.end <= sentence.end


def _best(sentence: Span, spans: Sequence[Span]) -> tuple[int | None, int]:
    """Index of the span overlapping the sentence most, and that overlap in characters."""
    best, best_overlap = None, 0
    for index, span in enumerate(spans):
        overlap = _overlap(span, sentence.start, sentence.end)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best, best_overlap


def _kind(span: Span) -> str:
    kind = span.attrs.get("cue_kind")
    return str(kind) if kind else "speech"  # an older layer without cue kinds: speech


def whose_claim(sentence: Span, quotes: Sequence[Span], text: str,
                attributions: Sequence[Span] = ()) -> ClaimOwner:
    """The owner of one sentence given the article's quote spans (in layer order) and its other attributions.

    Speech (``quotes``) wins over the wider ``attributions`` layer: "He said he
    believes …" is his statement.
    """
    length = len(text[sentence.start : sentence.end].strip()) or 1
    best, overlap = _best(sentence, quotes)
    quoted_share = min(1.0, overlap / length)
    if best is not None:
        quote = quotes[best]
        if (quoted_share >= MIN_QUOTED_SHARE or _cue_inside(quote, sentence)) and asserts(quote, text):
            kind = _kind(quote)
            return ClaimOwner("speaker", speaker_of(quote, text), best, quoted_share, kind, kind not in NOT_ASSERTED)
    # cues outside the lexicon ("other": "wrote a check", "made a decision") are mostly events:
    # the sentence stays the outlet's account
    attributed = [a for a in attributions if _kind(a) != "other"]
    other, overlap = _best(sentence, attributed)
    if other is not None:
        held = attributed[other]
        # "He disputed claims of meddling" (a stance on a topic) stays the outlet's account of what he did;
        # "Moscow believes relations will recover" is Moscow's belief, not asserted
        if (overlap / length >= MIN_QUOTED_SHARE or _cue_inside(held, sentence)) and asserts(held, text):
            kind = _kind(held)
            return ClaimOwner("speaker", speaker_of(held, text), None, quoted_share, kind, kind not in NOT_ASSERTED)
    return ClaimOwner("outlet", None, None, quoted_share)
