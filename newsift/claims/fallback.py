"""Stand-in quote spans for when the attribution stage did not run.

The claims stage needs to know which sentences are somebody else's words.
The attribution stage owns that (the ``quotes`` layer); when its layer is
absent, these few rules give quote-shaped spans with the same attrs so the
claims stage still says whose claim a sentence is: text inside quotation
marks, and reported speech after a speech verb ("X said (that) …"). The
speaker is the subject of the cue when it names a person, else the person
last named as a speaker (for "he", "she", "the president").
"""

from __future__ import annotations

import re
from typing import Sequence

from ..model import Span

__all__ = ["fallback_quotes"]

_QUOTE = re.compile(r"“[^“”]{3,1500}”|\"[^\"]{3,1500}\"")
_VERBS = (r"said|says|say|told|tells|added|adds|noted|notes|stated|states|state|claimed|claims|argued|argues|"
          r"insisted|insists|warned|warns|believes|believe|reiterated|reiterates|explained|explains|asserted|"
          r"asserts|announced|announces|wrote|writes|commented|declared|declares|suggested|suggests|maintained")
_ROLES = (r"president|prime minister|minister|director|spokes\w+|official|senator|leader|chief|secretary|governor|"
          r"mayor|lawyer|attorney|ambassador|chair\w*|ceo|premier|king|queen|general|judge|commissioner|officer")
_SUBJECT_BODY = (r"[Tt]he (?:[\w'’-]+\s){0,3}?(?:" + _ROLES + r")|[Hh]e|[Ss]he|[Tt]hey|"
            r"(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*")
_SUBJECT = f"(?P<subject>{_SUBJECT_BODY})"
# "<subject> [went on to|also|openly] <verb> [that|:]" — reported speech follows the cue
_REPORTED = re.compile(
    r"(?:[A-Z]\w+,\s+)?" + _SUBJECT + r"\s+(?:(?:also|then|later|further|openly|went on to|has|had)\s+){0,3}"
    r"(?P<cue>" + _VERBS + r")\b(?:\s+(?:that|:))?[\s,:]*")
# ", Putin said" / ", he added" right after a closing quote
_AFTER = re.compile(r"\s*,?\s*" + _SUBJECT + r"\s+(?P<cue>" + _VERBS + r")\b"
                    r"|\s*,?\s*(?P<cue2>said|says)\s+(?P<subject2>" + _SUBJECT_BODY + ")")
_PRONOUNS = {"he", "she", "they"}


def _people(entities: Sequence[Span], text: str) -> list[tuple[int, str]]:
    return [(e.start, text[e.start : e.end]) for e in entities if e.label == "PERSON"]


class _Speakers:
    """Resolves a subject to a canonical name: the longest earlier full name sharing its last word."""

    def __init__(self, entities: Sequence[Span], text: str) -> None:
        self.people = _people(entities, text)
        self.last: str | None = None

    def resolve(self, subject: str, at: int) -> str | None:
        words = subject.split()
        if not words:
            return self.last
        if subject.lower() in _PRONOUNS or words[0].lower() == "the":
            return self.last or self._latest_person(at)
        if not self._is_name(subject):
            return subject  # a place or body speaking ("Moscow believes …")
        surname = words[-1]
        names = [name for start, name in self.people if start <= at + len(subject) and name.split()[-1] == surname]
        self.last = max(names, key=len) if names else subject
        return self.last

    def _latest_person(self, at: int) -> str | None:
        """The full name of the person named last before ``at`` (no speaker seen yet)."""
        earlier = [name for start, name in self.people if start < at]
        if not earlier:
            return None
        surname = earlier[-1].split()[-1]
        return max((name for name in earlier if name.split()[-1] == surname), key=len)

    def _is_name(self, subject: str) -> bool:
        return any(subject.endswith(name.split()[-1]) for _, name in self.people)


def fallback_quotes(text: str, sentences: Sequence[Span], entities: Sequence[Span]) -> list[Span]:
    """Quote-shaped spans (content, ``cue``, ``speaker``) for direct quotes and reported speech."""
    speakers = _Speakers(entities, text)
    direct = [Span(m.start() + 1, m.end() - 1, "direct", {"source": "claims-fallback"}) for m in _QUOTE.finditer(text)]
    quotes: list[Span] = []
    for sentence in sentences:
        inside = [q for q in direct if sentence.start <= q.start < sentence.end]
        for quote in inside:
            _attribute_direct(quote, sentence, text, speakers)
            quotes.append(quote)
        if not inside:
            reported = _reported(sentence, text, speakers)
            if reported is not None:
                quotes.append(reported)
    return quotes


def _attribute_direct(quote: Span, sentence: Span, text: str, speakers: _Speakers) -> None:
    after = _AFTER.match(text, quote.end + 1, sentence.end)
    before = _REPORTED.search(text, sentence.start, quote.start)
    match = after or before
    if match is None:
        quote.attrs.update(cue=None, speaker_mention=None, speaker=speakers.last, insertions=[], confidence=0.3)
        return
    inverted = match.re is _AFTER and match.group("cue2") is not None  # ", said Putin"
    cue, subject = ("cue2", "subject2") if inverted else ("cue", "subject")
    quote.attrs.update(cue=Span(match.start(cue), match.end(cue), "cue"),
                       speaker_mention=Span(match.start(subject), match.end(subject), "speaker_mention"),
                       speaker=speakers.resolve(match.group(subject), match.start(subject)),
                       insertions=[], confidence=0.5)


def _reported(sentence: Span, text: str, speakers: _Speakers) -> Span | None:
    match = _REPORTED.match(text, sentence.start, sentence.end)
    if match is None or match.end() >= sentence.end - 3:
        return None
    speaker = speakers.resolve(match.group("subject"), match.start("subject"))
    if speaker is None:
        return None
    return Span(match.end(), sentence.end, "indirect", {
        "cue": Span(match.start("cue"), match.end("cue"), "cue"),
        "speaker_mention": Span(match.start("subject"), match.end("subject"), "speaker_mention"),
        "speaker": speaker, "insertions": [], "confidence": 0.4, "source": "claims-fallback"})
