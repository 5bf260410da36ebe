"""Attributions whose cue is outside the lexicon: cue kind ``other``, layer ``attributions`` only.

PolNeAR annotates as attributions some whose cue is an event-like verb
("made [a decision to …]", "released [the names]", "saw [major advances]").
The lexicon rightly keeps such verbs out of speech, so they never reach the
``quotes`` layer; for a reader tracing where a claim came from they are
still worth showing, marked ``other`` and with their own, lower confidence.
A candidate is (a) a verb whose PolNeAR train cue rate
(``attribution_cues.tsv``) is at least ``OTHER_MIN_RATE`` and that is no
lexicon cue (or a light verb without a noun of saying), with a subject and a
clause, infinitive or object after it; (b) a lexicon verb with a noun-phrase
object the lexicon does not let it take ("added [two signings]", "wants [a
wall]"); (c) a noun with a cue rate of at least ``OTHER_MIN_NOUN_RATE``, a
possessor and an infinitive or prepositional object ("the DNC's decision
[to bury the debates]"). A filter fitted on train candidates of this kind
alone (``attribution_other_filter.json``) keeps those likely to be annotated.
Candidates come after every lexicon attribution and yield to it: one that
overlaps another's content or cue is dropped, so the quotes layer, and the
speakers resolved for it, are the same with or without them.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import CUES, cue_entry, is_according
from .lexicon import CueLexicon
from .parsed import ParsedText
from .reported import Attribution, candidate_features, content_parts, mention_tokens, subject_of

__all__ = ["OTHER_MIN_RATE", "OTHER_MIN_NOUN_RATE", "OTHER_MIN_SEEN", "other_attributions"]

OTHER_MIN_RATE = 0.1  # the learned list's own threshold (docs/attribution.md, model card)
OTHER_MIN_SEEN = 3
OTHER_MIN_NOUN_RATE = 0.2  # nouns are commoner than verbs of saying; the stricter rate keeps "support", "decision"
# lexicon verbs whose object is an event on news from other outlets (issue #13): "the club added two signings",
# "she posted a record time", "a witness called police"; their object is never content, not even an other's
EVENT_OBJECT_VERBS = frozenset("add post call".split())
_POS_TAGS = frozenset(("VERB", "NOUN"))
_OBJECT_DEPS = ("dobj", "attr", "oprd")
_PREPS = frozenset("for about to on against of with".split())


_LEMMAS: dict[int, frozenset[tuple[str, str]]] = {}  # per cue-rate table: the lemmas that may be other cues


def _maybe_cues(lexicon: CueLexicon) -> frozenset[tuple[str, str]]:
    """``(lemma, pos)`` pairs worth the full check, so most tokens cost one set lookup."""
    found = _LEMMAS.get(id(lexicon))
    if found is None:
        rated = {key for key, (cue, seen) in lexicon.counts.items() if seen >= OTHER_MIN_SEEN
                 and cue / seen >= (OTHER_MIN_RATE if key[1] == "VERB" else OTHER_MIN_NOUN_RATE)}
        refused = {(lemma, "VERB") for (lemma, pos), e in CUES.items() if pos == "VERB" and not e.takes_object}
        found = _LEMMAS[id(lexicon)] = frozenset(rated | refused)
    return found


def _is_other_cue(token: Token, parsed: ParsedText) -> bool:
    if token.pos_ == "NOUN":
        cue, seen = parsed.model.lexicon.counts.get((token.lemma_.lower(), "NOUN"), (0, 0))
        return seen >= OTHER_MIN_SEEN and cue / seen >= OTHER_MIN_NOUN_RATE and cue_entry(token) is None \
            and any(c.dep_ == "poss" for c in token.children)
    if token.pos_ != "VERB" or token.tag_ == "MD" or is_according(token):
        return False
    entry = cue_entry(token)
    if entry is not None and not entry.light:
        # a lexicon cue is found (or rejected) by the reported-speech rules, save an object it does not take
        return not entry.takes_object and token.lemma_.lower() not in EVENT_OBJECT_VERBS
    cue, seen = parsed.model.lexicon.counts.get((token.lemma_.lower(), "VERB"), (0, 0))
    return seen >= OTHER_MIN_SEEN and cue / seen >= OTHER_MIN_RATE


def _content(cue: Token) -> tuple[list[Token], str] | None:
    """The verb's clause, infinitive, object or prepositional object, after it."""
    after = [c for c in cue.children if c.i > cue.i]
    for dep, ctype in (("ccomp", "clause"), ("xcomp", "infinitive")):
        found = next((c for c in after if c.dep_ == dep), None)
        if found is not None:
            return list(found.subtree), ctype
    obj = next((c for c in after if c.dep_ in _OBJECT_DEPS and c.ent_type_ not in ("DATE", "TIME")), None)
    if obj is not None:
        return list(obj.subtree), "object"
    prep = next((c for c in after if c.dep_ == "prep" and c.lower_ in _PREPS and c.i == cue.i + 1), None)
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    return (list(pobj.subtree), "object") if pobj is not None else None


def _noun_content(cue: Token) -> tuple[list[Token], str] | None:
    """A noun's infinitive or prepositional object: "the DNC's decision [to bury the debates]", "his support
    [for the bill]"."""
    for c in cue.children:
        if c.i > cue.i and c.dep_ in ("acl", "xcomp", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return list(c.subtree), "infinitive"
        if c.i > cue.i and c.dep_ == "prep" and c.lower_ in _PREPS:
            pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return list(pobj.subtree), "object"
    return None


def _candidate(parsed: ParsedText, text: str, cue: Token) -> tuple[Attribution, list[Token]] | None:
    if cue.pos_ == "NOUN":
        subject: Token | None = next((c for c in cue.children if c.dep_ == "poss"), None)
        found = _noun_content(cue)
        if found is not None:
            # PolNeAR's content is the whole phrase: "[his early assessment of Super Bowl 50]"
            found = list(cue.subtree), found[1]
    else:
        subject, found = subject_of(cue), _content(cue)
        entry = cue_entry(cue)
        if found is not None and entry is not None and not entry.light and found[1] != "object":
            return None  # "added that …" is the lexicon's; "added [two signings]" may be another's
    if subject is None or found is None:
        return None
    content, ctype = found
    parts = content_parts(parsed, text, cue, content)
    if not parts:
        return None
    mention = parsed.span_of(mention_tokens(subject))
    att = Attribution(parts, "indirect", cue=parsed.span_of([cue]), mention=mention, mention_head=subject,
                      cue_token=cue, content_type=ctype, cue_kind="other")
    return att, content


def _features(att: Attribution, content: list[Token], parsed: ParsedText) -> dict[str, float]:
    """The filter's features: those of reported speech, with kind 'other' (computed only for candidates that
    overlap nothing)."""
    assert att.cue_token is not None and att.mention_head is not None
    feats = candidate_features(att.cue_token, att.mention_head, content, parsed.model.lexicon)
    feats.pop("kind=according", None)
    feats.pop("kind=stance", None)  # a light verb without its noun of saying
    return {**feats, "kind=other": 1.0, f"content_type={att.content_type}": 1.0}


def _overlaps(att: Attribution, taken: list[Attribution]) -> bool:
    cue = att.cue[0] if att.cue else att.start
    for other in taken:
        if any(a < d and c < b for a, b in att.parts for c, d in other.parts):
            return True
        if other.cue and att.start <= other.cue[0] < att.parts[-1][1]:
            return True  # another's cue inside this content
        if any(a <= cue < b for a, b in other.parts):
            return True  # this cue inside another's content
    return False


def other_attributions(parsed: ParsedText, text: str, taken: list[Attribution],
                       quoted: list[tuple[int, int]]) -> list[Attribution]:
    """Candidates with a cue outside the lexicon that the other-cue filter keeps, none overlapping ``taken``
    (the lexicon's attributions) or each other; an empty list when no such filter is loaded."""
    model = parsed.model.other_filter
    if model is None:
        return []
    kept: list[Attribution] = []
    maybe = _maybe_cues(parsed.model.lexicon)
    for off, token in parsed.tokens_where(lambda tag, lemma, _: tag in _POS_TAGS and (lemma.lower(), tag) in maybe):
        pos = off + token.idx
        if any(a <= pos < b for a, b in quoted) or any(a <= pos < b for t in taken for a, b in t.parts) \
                or not _is_other_cue(token, parsed):
            continue  # inside a quotation, or inside a lexicon attribution's content
        found = _candidate(parsed, text, token)
        if found is None or _overlaps(found[0], taken + kept):
            continue
        att = found[0]
        att.features = _features(att, found[1], parsed)
        att.confidence = round(model.probability(att.features), 3)
        if att.confidence >= model.threshold:
            kept.append(att)
    return kept
