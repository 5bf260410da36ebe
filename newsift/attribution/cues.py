"""Cue words: the verbs and phrases that introduce what someone said or thinks.

The lists follow the attribution cues most frequent in PolNeAR's train split
(said, says, told, according to, wrote, added, asked, noted, …). Verbs of
belief and intention (think, want, hope) are cues only with a clausal
complement, since "wants a wall" is rarely an attribution while "thinks the
wall will work" is.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import CueLexicon

__all__ = ["SPEECH_VERBS", "BELIEF_VERBS", "SPEECH_NOUNS", "is_cue", "cue_kind", "that_clause"]

# verbs that report speech or writing: a cue with a clause, an object or a quote
SPEECH_VERBS = frozenset(
    """say tell add note argue claim state explain write ask insist warn announce report suggest reply respond
    declare admit acknowledge deny accuse describe predict promise urge tweet recall comment stress emphasize
    observe remark contend assert maintain complain concede confirm reveal testify joke quip recount conclude
    allege charge vow pledge threaten caution counter reiterate cite mention propose recommend demand boast brag
    lament scoff shout yell whisper estimate speculate announce post blast slam criticize praise dispute question
    continue insist reason muse thank blame defend endorse vow repeat agree disagree""".split()
)
# verbs of belief, perception and intention: cues only with a clausal complement
BELIEF_VERBS = frozenset("think believe hope fear expect want feel know worry doubt wonder plan intend".split())
# nouns of saying and believing: cues with a "that" clause and a possessor ("Clinton's claim that …")
SPEECH_NOUNS = frozenset("""claim argument assertion allegation suggestion promise pledge warning statement insistence
    accusation charge belief view contention admission prediction assurance vow proposal demand notion idea
    suspicion fear hope concern complaint acknowledgment acknowledgement announcement report""".split())
# speech verbs that take the hearer as object, so their object is never the content
HEARER_VERBS = frozenset("tell ask thank urge blame accuse".split())


def cue_kind(token: Token, lexicon: CueLexicon | None = None) -> str | None:
    """``speech``, ``belief``, ``learned`` (from the trained lexicon) or None, for a verb token."""
    if token.tag_ == "MD" or token.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    if token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS and that_clause(token) \
            and any(c.dep_ == "poss" for c in token.children):
        return "speech"  # "Clinton's claim that …", "his belief that …"
    if token.pos_ == "NOUN" and not _verb_like(token):
        return None
    lemma = token.lemma_.lower()
    if lemma in SPEECH_VERBS:
        return "speech"
    if lemma in BELIEF_VERBS:
        return "belief"
    if lexicon is not None and token.pos_ == "VERB" and (lemma, "VERB") in lexicon:
        return "learned"
    return None


def that_clause(token: Token) -> Token | None:
    """The ``that`` clause a noun takes: "the claim [that …]"."""
    return next((c for c in token.children if c.dep_ in ("acl", "ccomp") and c.i > token.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _verb_like(token: Token) -> bool:
    """A noun the tagger got wrong: "went on to state that …" (``to`` aux and a clause)."""
    deps = {c.dep_ for c in token.children}
    return "ccomp" in deps or ("aux" in deps and token.dep_ in ("advcl", "xcomp"))


def is_cue(token: Token, lexicon: CueLexicon | None = None) -> bool:
    return cue_kind(token, lexicon) is not None or is_according(token)


def is_according(token: Token) -> bool:
    """"according" in "according to X"."""
    return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)
