"""Cue words: the verbs and nouns that introduce what someone said, thinks, sees, wants or stands for.

The lexicon is a file a reader can audit, ``newsift/models/attribution_cue_kinds.tsv``:
one lemma a line with its part of speech, its kind (speech, stance, belief,
perception, intention), whether a noun-phrase object can be its content
("denied wrongdoing" yes; "added two signings" no; a light verb only with a
noun of saying or stance: "raised concerns that …") and where it came from
(written by hand, or added from PolNeAR train where the lemma is a gold cue
in at least a quarter of its occurrences). Event verbs (make, take, put, go,
hit, fire) are not in it, whatever their rate in PolNeAR.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

__all__ = ["CUE_KINDS_PATH", "CueEntry", "read_cue_kinds", "CUES", "SPEECH_VERBS", "BELIEF_VERBS", "SPEECH_NOUNS",
           "HEARER_VERBS", "KINDS", "SPEECH_OBJECT_NOUNS", "cue_entry", "is_cue", "cue_kind", "takes_object", "that_clause", "is_according"]

CUE_KINDS_PATH = Path(__file__).resolve().parents[1] / "models" / "attribution_cue_kinds.tsv"
KINDS = ("speech", "stance", "belief", "perception", "intention")


@dataclass(frozen=True)
class CueEntry:
    kind: str
    takes_object: bool  # a noun-phrase object can be the content: "denied [wrongdoing]"
    origin: str
    light: bool = False  # a cue only with a noun of saying or stance as object: "raised [concerns that …]"


def read_cue_kinds(path: Path = CUE_KINDS_PATH) -> dict[tuple[str, str], CueEntry]:
    """``(lemma, pos) -> CueEntry`` from the lexicon file (``#`` lines are comments)."""
    out: dict[tuple[str, str], CueEntry] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lemma, pos, kind, obj, origin = line.split("\t")
        if kind not in KINDS:
            raise ValueError(f"{path}: unknown cue kind {kind!r} for {lemma!r}")
        out[(lemma, pos)] = CueEntry(kind, obj == "object", origin, obj == "speech-noun")
    return out


CUES = read_cue_kinds()
SPEECH_VERBS = frozenset(lemma for (lemma, pos), e in CUES.items() if pos == "VERB" and e.kind == "speech")
# verbs of belief, perception and intention: cues only with a clausal complement (or an infinitive)
BELIEF_VERBS = frozenset(lemma for (lemma, pos), e in CUES.items()
                         if pos == "VERB" and e.kind in ("belief", "perception", "intention"))
# nouns of saying and believing: cues with a "that" clause and a possessor ("Clinton's claim that …")
SPEECH_NOUNS = frozenset(lemma for (lemma, pos) in CUES if pos == "NOUN")
# verbs that take the hearer as object, so their object is never the content
HEARER_VERBS = frozenset("tell ask thank urge blame accuse assure remind inform".split())


def cue_entry(token: Token) -> CueEntry | None:
    """The lexicon entry of a cue token, or None (modals, event verbs, nouns without a frame)."""
    if token.tag_ == "MD" or token.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and (lemma, "NOUN") in CUES and that_clause(token) \
            and any(c.dep_ == "poss" for c in token.children):
        return CUES[(lemma, "NOUN")]  # "Clinton's claim that …", "his belief that …"
    if token.pos_ == "NOUN" and not _verb_like(token):
        return None
    return CUES.get((lemma, "VERB"))


def cue_kind(token: Token) -> str | None:
    """The lexicon kind of a cue token (speech, stance, belief, perception, intention) or None."""
    entry = cue_entry(token)
    return entry.kind if entry else None


# nouns of saying and stance that make a light verb a cue: "made [the case that …]", "cast [doubt on …]"
SPEECH_OBJECT_NOUNS = frozenset("""case point argument statement concern doubt question criticism support opposition speech
    remark comment view warning message plea appeal pitch promise pledge vow stand stance position note joke threat
    accusation charge allegation claim complaint request call demand assurance apology praise endorsement attack issue
    aim credit blame swipe shot jab objection reservation suggestion proposal plan idea clear sure ad advertisement
    video report letter memo poll survey study mention reference""".split())


def takes_object(token: Token) -> bool:
    entry = cue_entry(token)
    return bool(entry and entry.takes_object)


def that_clause(token: Token) -> Token | None:
    """The ``that`` clause a noun takes: "the claim [that …]"."""
    return next((c for c in token.children if c.dep_ in ("acl", "ccomp") and c.i > token.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _verb_like(token: Token) -> bool:
    """A noun the tagger got wrong: "went on to state that …" (``to`` aux and a clause)."""
    deps = {c.dep_ for c in token.children}
    return "ccomp" in deps or ("aux" in deps and token.dep_ in ("advcl", "xcomp"))


def is_cue(token: Token) -> bool:
    return cue_entry(token) is not None or is_according(token)


def is_according(token: Token) -> bool:
    """"according" in "according to X"."""
    return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)
