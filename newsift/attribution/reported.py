"""Reported speech on the dependency parse: a cue verb, its subject, its complement.

"Putin said Russia is ready" -> cue ``said``, source ``Putin``, content the
``ccomp`` subtree. "…, according to officials" -> cue ``according to``,
source ``officials``, content the rest of the clause. Participial cues
("…, saying …", "went on to state …") take the subject of the verb they
hang from.
"""

from __future__ import annotations

import bisect
import itertools

from dataclasses import dataclass, field

from spacy.tokens import Token

from .cues import CUES, HEARER_VERBS, SPEECH_OBJECT_NOUNS, cue_entry, cue_kind, is_according, takes_object, that_clause
from .filter import CandidateFilter
from .lexicon import CueLexicon
from .parsed import ParsedText

__all__ = ["Attribution", "reported_speech", "subject_of", "mention_tokens", "agent_of", "candidate_features",
           "content_parts"]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CUE_LEMMAS = frozenset(lemma for lemma, _ in CUES)
_CUE_POS = frozenset(("VERB", "AUX", "NOUN", "ADV", "ADP", "X"))  # spaCy tags "according" VERB, ADV or ADP
_TRIM = set(" \t\n,;:—–-")
_CONTENT_PREPS = frozenset("for about to on against of with".split())
_RAISING_VERBS = frozenset(("seem", "appear"))
_ASKING_VERBS = frozenset("ask wonder question".split())
_INFINITIVE_SPEECH = frozenset("promise urge vow pledge threaten ask tell call demand order encourage advise beg implore "
                               "remind warn press convince persuade".split())
# speech cues whose prepositional object is what was said about: "called for a ban", "warned of a crisis"
_PREP_VERBS = frozenset("call talk write comment complain warn ask argue testify speak point refer respond caution "
                        "question boast brag focus vote allude lash distance side spar press".split())


@dataclass
class Attribution:
    """One attribution before it becomes spans: content parts, cue, speaker mention."""

    parts: list[tuple[int, int]]
    kind: str  # direct | indirect | mixed
    cue: tuple[int, int] | None = None
    mention: tuple[int, int] | None = None
    mention_head: Token | None = None
    cue_token: Token | None = None
    speaker: str | None = None
    confidence: float = 0.5
    quoted: list[tuple[int, int]] = field(default_factory=list)  # quote-marked stretches inside
    features: dict[str, float] = field(default_factory=dict)  # what the candidate filter scores
    cue_kind: str = "speech"  # speech, according_to, stance, belief, perception, intention, document
    content_type: str = "quote"  # quote, clause, infinitive, question, object
    speaker_status: str = "unresolved"  # resolved | unresolved
    chain: list[tuple[int, int]] = field(default_factory=list)  # the mentions that led to the speaker
    author_voice: bool = False  # the writer's own "I"/"we": never a speaker

    @property
    def start(self) -> int:
        return self.parts[0][0]


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it depends on (participles, xcomp, conj)."""
    found = _subject_up(verb)
    if found is None:
        found = _appos_subject(verb) or _compound_subject(verb)
    return found


def _compound_subject(cue: Token) -> Token | None:
    """A name the tagger took for a compound of a cue it read as a noun: "Trump predicts that …"
    (``predicts`` a plural noun, ``Trump`` its compound)."""
    if cue.pos_ != "NOUN":
        return None
    return next((c for c in cue.lefts if c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN")
                 and c.text[:1].isupper()), None)


def _appos_subject(verb: Token) -> Token | None:
    """A subject the parser hung on the phrase before it: "As part of his plea, Marcel Lazar, 44, said …"
    (``Lazar`` an apposition of ``plea``)."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].dep_ in ("punct", "aux", "auxpass", "advmod", "neg"):
        i -= 1
    if i < verb.sent.start:
        return None
    for t in verb.sent:
        if t.i < verb.i and t.dep_ == "appos" and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in ("DATE", "TIME"):
            last = max((x.i for x in t.subtree if not x.is_punct), default=t.i)
            if last == i:
                return t
    return None


def _subject_up(verb: Token) -> Token | None:
    for _ in range(6):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            # the one next to the verb: "WASHINGTON -- President Obama on Thursday nominated …" has two
            return min(subjects, key=lambda c: abs(verb.i - c.i))
        if _joined_to_content(verb):
            verb = verb.head.head  # "Gore insisted it was premature while adding …": Gore adds, not "it"
            continue
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head  # "50 percent saying she is prepared"
        if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp", "pcomp") and verb.head.i != verb.i:
            verb = verb.head
        elif verb.head.i != verb.i and (verb.dep_ == "acomp" or verb.pos_ == "ADP" and verb.dep_ == "prep"):
            verb = verb.head  # "said before [adding] …", "continued by [saying] …", "was quick to [add] …"
        else:
            return None
    return None


def _joined_to_content(verb: Token) -> bool:
    """A cue the parser hung on another cue's reported clause ("Suu Kyi said it was too early but added …",
    "insisted it was premature while adding …") is that cue's second one, and shares its subject."""
    head = verb.head
    return verb.dep_ in ("conj", "advcl") and head.dep_ == "ccomp" and head.head.i != head.i \
        and cue_kind(verb) == "speech" and cue_kind(head.head) == "speech" and head.head.i < verb.i


def mention_tokens(subject: Token) -> list[Token]:
    """The subject's phrase without relative clauses (keeps appositions: "X, a doctor")."""
    drop = {t.i for child in subject.children if child.dep_ in ("relcl", "acl") for t in child.subtree}
    tokens = [t for t in subject.subtree if t.i not in drop]
    # nor a conjunction left over from the verb phrase: "Kelly's attorney, Michael Critchley, [called …] and said"
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens.pop()
    return tokens or [subject]


def _content_tokens(cue: Token, kind: str) -> tuple[list[Token], str] | None:
    """What the cue introduces and how: its clause (``clause``), infinitive (``infinitive``), question
    (``question``), object or prepositional object (``object``), or the clause it interrupts (``clause``)."""
    children = list(cue.children)
    if cue.pos_ == "NOUN":
        clause = that_clause(cue)
        if clause is not None:
            return list(clause.subtree), "clause"
    entry = cue_entry(cue)
    if entry is not None and entry.light:
        return _light_content(cue, children)
    lemma = cue.lemma_.lower()
    for dep in ("ccomp", "xcomp"):
        # a clause after the cue comes first: one before it may be the line before, run in by the parser
        found = sorted((c for c in children if c.dep_ == dep and (c.i > cue.i or dep == "ccomp" and _opens_sentence(c))),
                       key=lambda c: c.i < cue.i)
        if found and (dep == "ccomp" or kind != "speech" or lemma in _INFINITIVE_SPEECH):
            if dep == "ccomp":
                return _object_as_subject(cue, found[0]) + list(found[0].subtree), "clause"
            return list(found[0].subtree), "infinitive"
    # "asked workers [if they planned to attend]": the parser hangs the question on as an adverbial clause
    question = [c for c in children if c.dep_ == "advcl" and c.i > cue.i and _is_question(c)]
    if question and lemma in _ASKING_VERBS:
        return list(question[0].subtree), "question"
    if kind in ("belief", "intention") and not any(c.dep_ == "oprd" for c in children):
        return None  # "wants a wall" is no attribution; "considers it a mistake" is
    obj = _object_content(cue, children, lemma)
    if obj is not None:
        return obj, "object"
    if cue.dep_ in ("parataxis", "ccomp", "advcl") and (cue.head.i < cue.i or cue.dep_ == "parataxis") \
            and not _has_subject_clause(cue) and any(c.dep_ in _SUBJECTS for c in cue.children):
        # "Russia is ready, Putin said." / "The industry, she said, is doing well": the clause is the head
        # (a parenthetical cue may come before its head: "Time, he added, was on their side")
        drop = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in drop], "clause"
    return None


def _opens_sentence(clause: Token) -> bool:
    """A clause before its cue opens the sentence ('Russia is ready, Putin said'), not words after a phrase of
    the writer's ('In a video titled “… We've Seen This Before,” a group plead …')."""
    return all(t.is_punct or t.is_space for t in clause.doc[clause.sent.start : clause.left_edge.i])


def _object_as_subject(cue: Token, clause: Token) -> list[Token]:
    """The clause's subject when the parser took it for the cue's object: "promised [her entire program]
    would be paid for …" (``program`` a dobj, ``would be paid`` a clause with no subject)."""
    if clause.i < cue.i or any(c.dep_ in _SUBJECTS or c.dep_ == "expl" for c in clause.children) \
            or not any(c.dep_ in ("aux", "auxpass") or c.tag_ in ("VBD", "VBZ", "VBP") for c in [clause, *clause.children]):
        return []
    obj = next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < clause.i), None)
    if obj is None or obj.right_edge.i + 1 != clause.left_edge.i:
        return []
    return list(obj.subtree)


def _light_content(cue: Token, children: list[Token]) -> tuple[list[Token], str] | None:
    """A light verb's content through its noun of saying or stance: "made the case [that …]" (clause),
    "raised [concerns about the cost]", "cast [doubt on the result]" (object); none for "made a profit"."""
    noun = next((c for c in children if c.dep_ in ("dobj", "oprd", "acomp", "ccomp") and c.i > cue.i
                 and c.lemma_.lower() in SPEECH_OBJECT_NOUNS
                 and not any(d.dep_ == "compound" for d in c.children)), None)  # not "data points"
    if noun is None:
        return None
    clause = that_clause(noun) or next((c for c in noun.children if c.dep_ in ("ccomp", "acl") and c.i > noun.i), None)
    if clause is None and noun.lemma_.lower() in ("clear", "sure"):
        clause = next((c for c in children if c.dep_ == "ccomp" and c.i > noun.i), None)  # "made clear they …"
    if clause is not None:
        return list(clause.subtree), "clause"
    return list(noun.subtree), "object"


def _naming_frame(cue: Token, children: list[Token], obj: Token) -> bool:
    """The object is named or judged: "called him [a liar]", "called the senator “the next Washington”",
    "sees him as an asset", "considers it a mistake"."""
    if any(c.dep_ == "oprd" for c in children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in children):
        return True
    if any(c.i > obj.i and c.dep_ in ("ccomp", "xcomp", "npadvmod", "attr", "dobj") and c.pos_ in ("NOUN", "PROPN", "ADJ")
           for c in children):
        return True
    after = obj.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(obj.doc) else None
    return any(d.dep_ == "appos" for d in obj.children) or (after is not None and after.text in ("“", '"', "''", "``"))


def _object_content(cue: Token, children: list[Token], lemma: str) -> list[Token] | None:
    """A noun-phrase content: "denied [wrongdoing]", "called him [a liar]", "accused [Clinton of ducking]",
    "called for [a ban]". Only for cues whose lexicon entry takes an object, or with a naming frame: "added
    two signings", "posted a record time", "called police" are events, not attributions."""
    objects = [c for c in children if c.dep_ in ("dobj", "oprd", "attr") and c.i > cue.i
               and c.ent_type_ not in ("DATE", "TIME")]
    naming = bool(objects) and _naming_frame(cue, children, objects[0])
    open_object = takes_object(cue) or naming
    if objects and lemma not in HEARER_VERBS and open_object:
        # "see him as an asset", "accuses Obama of leading from behind": the object and its frame
        frame = [c for c in children if c.dep_ in ("prep", "oprd") and c.lower_ in ("as", "of", "for")
                 and c.i > objects[0].i]
        tokens = [t for c in objects + frame for t in c.subtree]
        if len(tokens) >= 2 or takes_object(cue):
            return tokens
    if objects and lemma in HEARER_VERBS:
        # "accused Clinton of ducking", "asked Carson about his relationship", "asked the court for quick action"
        frame = [c for c in children if c.dep_ == "prep" and c.i > objects[0].i and c.lower_ in ("of", "for", "about")]
        if frame:
            if lemma in ("tell", "ask"):
                pobj = [c for c in frame[0].children if c.dep_ in ("pobj", "pcomp")]
                return list(pobj[0].subtree) if pobj else None
            return [t for c in objects[:1] + frame[:1] for t in c.subtree]
    preps = [c for c in children if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and c.i == cue.i + 1]
    if preps and not objects and (takes_object(cue) or lemma in _PREP_VERBS):
        pobj = [c for c in preps[0].children if c.dep_ in ("pobj", "pcomp")]
        if pobj:
            return list(pobj[0].subtree)
    return None


def _is_question(clause: Token) -> bool:
    """A clause opened by "if" or "whether"."""
    return any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in clause.children)


def _raised_subject(cue: Token, subject: Token, content: list[Token]) -> bool:
    """The subject of a raising verb ("seems to", "appears to") or a passive one ("is expected to", "were
    known to"), whose infinitive is the content."""
    root = _root(content)
    if root.head.i != cue.i or root.dep_ != "xcomp" or subject.head.i != cue.i or subject.i > cue.i \
            or agent_of(cue) is not None:
        return False  # "Christie was ordered by a judge to produce …": the judge orders
    return cue.lemma_.lower() in _RAISING_VERBS or subject.dep_ == "nsubjpass"


def _has_subject_clause(cue: Token) -> bool:
    """The cue heads a subordinate clause or has an object of its own, so it is no parenthetical 'she said':
    'the race war that the right sees [whenever people call attention to …]'."""
    return any(c.dep_ in ("mark", "dobj") or c.dep_ == "advmod" and c.tag_ == "WRB" for c in cue.children)


def _according(token: Token) -> tuple[list[Token], list[Token]] | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None:
        return None
    phrase = {t.i for t in token.subtree}
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.i > token.i and any(c.dep_ in _SUBJECTS and c.i < token.i for c in clause.children):
        # the phrase splits its clause: "Fundraising, according to FEC filings, has surged"
        return mention_tokens(pobj), [t for t in clause.subtree if t.i not in phrase]
    content = [t for t in token.sent if t.i not in phrase]
    # keep only the side of the sentence the phrase does not cut off: the clause it modifies
    before = [t for t in content if t.i < token.i]
    after = [t for t in content if t.i > token.i]
    content = before if len("".join(t.text for t in before)) > len("".join(t.text for t in after)) else after
    return mention_tokens(pobj), content


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1] == "."):
        end -= 1
    return start, end


def _candidate(parsed: ParsedText, text: str, cue: Token) -> Attribution | None:
    mention: tuple[int, int] | None
    head: Token | None
    if is_according(cue):
        found = _according(cue)
        if found is None or not found[1]:
            return None
        source, content = found
        to = next(c for c in cue.children if c.lower_ == "to")
        cue_span = parsed.span_of([cue, to])
        mention, head = parsed.span_of(source), source[-1] if len(source) == 1 else _head(source)
        kind, ctype = "according_to", "clause"
    author_voice = False
    if not is_according(cue):
        kind = cue_kind(cue) or ""
        found_content = _content_tokens(cue, kind) if kind else None
        if not found_content:
            return None
        content, ctype = found_content
        possessor = next((c for c in cue.children if c.dep_ == "poss"), None) if cue.pos_ == "NOUN" else None
        subject = possessor or subject_of(cue)  # "Clinton's claim that …" / "went on to state that …"
        if subject is None and kind != "speech" or _asked_by_writer(cue, subject):
            return None
        cue_span = parsed.span_of([cue])
        if subject is not None and _raised_subject(cue, subject, content):
            # "Indiana appears [to be a break]", "The stakes are expected [to trigger …]": the subject belongs
            # to the content, and is the source only when the infinitive reports ("seems to show that …")
            infinitive = _root(content)
            content = list(subject.subtree) + content
            subject = subject if cue_kind(infinitive) else None
        elif subject is not None and subject.dep_ == "nsubjpass" and subject.head.i == cue.i:
            # "it was announced by the ministry that …"; "we're told that …" is the writer's hearsay
            hearer_is_writer = subject.lower_ in ("we", "i")
            subject = agent_of(cue)
            if hearer_is_writer and subject is None:
                author_voice = True
        mention = parsed.span_of(mention_tokens(subject)) if subject is not None else None
        head = subject
    content = _on_line_of(cue, _to_clause_end(cue, content))
    parts = _parts(parsed, text, content)
    if not parts:
        return None
    att = Attribution(parts, "indirect", cue=cue_span, mention=mention, mention_head=head,
                      cue_token=cue, confidence=0.7, content_type=ctype)
    # speech with a noun phrase for content is a stance taken, not words reported: "denied wrongdoing"
    att.cue_kind = "stance" if kind == "speech" and ctype == "object" else kind
    att.author_voice = author_voice
    att.features = candidate_features(cue, head, content, parsed.model.lexicon)
    att.features[f"content_type={ctype}"] = 1.0
    return att


def _asked_by_writer(cue: Token, subject: Token | None) -> bool:
    """The writer's own question, not a report: "did Klayman persuade Pennie to …?" ("did" before the
    subject)."""
    does = [c for c in cue.children if c.dep_ == "aux" and c.lemma_ == "do" and c.i < cue.i]
    # a name or pronoun between "did" and the verb, whatever the parser made of it: "did Klayman persuade"
    return bool(does) and any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in cue.doc[does[0].i + 1 : cue.i])


def agent_of(verb: Token) -> Token | None:
    """The ``by`` agent of a passive verb: "a statement released [by the ministry]"."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def candidate_features(cue: Token, subject: Token | None, content: list[Token], lexicon: CueLexicon) -> dict[str, float]:
    """What the candidate filter sees: the cue word, how the content hangs from it, who the subject is."""
    lemma = "according" if is_according(cue) else cue.lemma_.lower()
    root = _root(content)
    feats = {
        f"lemma={lemma}": 1.0,
        f"kind={cue_kind(cue) or 'according'}": 1.0,
        f"content_dep={root.dep_}": 1.0,
        f"content_pos={root.pos_}": 1.0,
        f"cue_dep={cue.dep_}": 1.0,
        f"cue_tag={cue.tag_}": 1.0,
        "lex_rate": lexicon.rate(lemma, "VERB") if lemma != "according" else 1.0,
        "content_len": min(len(content), 40) / 40,
        "content_before": float(root.i < cue.i),
        "has_that": float(any(c.dep_ == "mark" and c.lower_ == "that" for c in root.children)),
        "content_has_verb": float(any(t.pos_ in ("VERB", "AUX") for t in content)),
    }
    if subject is None:
        feats["subject=none"] = 1.0
    else:
        feats[f"subject_pos={subject.pos_}"] = 1.0
        feats[f"subject_ent={subject.ent_type_ or 'none'}"] = 1.0
    return feats


def _to_clause_end(cue: Token, content: list[Token]) -> list[Token]:
    """Content right of the cue runs on to the end of the cue's clause ("X and Y", trailing clauses),
    and takes in the hearer before an infinitive ("urged [her] to project …")."""
    first = min(t.i for t in content)
    if first < cue.i:
        return content
    have = {t.i for t in content}
    # "urged [her] to …", "called on [Gov. Snyder] to …", "pleaded with [them] to …"
    hearer = {t.i for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < first for t in c.subtree}
    hearer |= {t.i for c in cue.children if c.dep_ == "prep" and c.lower_ in ("on", "with") and cue.i < c.i < first
               for p in c.children if p.dep_ == "pobj" for t in p.subtree}
    if _root(content).dep_ != "xcomp":
        hearer = set()  # "asked workers [if they planned …]", "told reporters [there was no evidence]"
    # a second cue joined to this one ("admitted that …, but said …", "declined …, saying …") keeps its own content
    have |= {t.i for c in cue.children if c.dep_ in ("conj", "advcl") and c.i > first and c.i not in have
             and _second_cue(c) for t in c.subtree}
    agent = {t.i for c in cue.children if c.dep_ == "agent" for t in c.subtree}  # "by a judge" is the source
    more = [t for t in cue.subtree if t.i not in have and t.i not in agent and (t.i > first or t.i in hearer)]
    return sorted(content + more, key=lambda t: t.i)


def _second_cue(verb: Token) -> bool:
    """A verb joined to the cue that reports on its own: the same speaker's next cue ("admitted that …, but
    said …", "declined …, saying …") or another speaker's speech ("…, but Smith said …"); not a clause of
    the content the parser hung on the cue ("said she considered …, but [she wanted to be realistic]")."""
    if is_according(verb):
        return True
    kind = cue_kind(verb)
    if kind is None:
        return False
    return kind == "speech" or not any(c.dep_ in _SUBJECTS for c in verb.children)


def _on_line_of(cue: Token, content: list[Token]) -> list[Token]:
    """Content stays on the cue's line: a paragraph with single line breaks inside may hold several
    sentences the parser ran together."""
    breaks = [t.i for t in cue.sent if t.is_space and "\n" in t.text]
    if not breaks:
        return content
    start = max((i for i in breaks if i < cue.i), default=-1)
    end = min((i for i in breaks if i > cue.i), default=len(cue.doc))
    return [t for t in content if start < t.i < end]


def content_parts(parsed: ParsedText, text: str, cue: Token, content: list[Token]) -> list[tuple[int, int]]:
    """The character runs of a cue's content, run on to the end of the cue's clause and kept on its line."""
    return _parts(parsed, text, _on_line_of(cue, _to_clause_end(cue, content)))


def _parts(parsed: ParsedText, text: str, content: list[Token]) -> list[tuple[int, int]]:
    """Contiguous runs of content tokens, trimmed; a parenthetical cue splits the content in two."""
    runs: list[list[Token]] = []
    for token in sorted(content, key=lambda t: t.i):
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    parts = [_trimmed(text, *parsed.span_of(_without_dangling(run))) for run in runs]
    return [(a, b) for a, b in parts if b - a >= 3]


def _without_dangling(run: list[Token]) -> list[Token]:
    """A run cut before a conjunct does not end on its conjunction: "… play to readers, [but]"."""
    while len(run) > 1 and (run[-1].dep_ == "cc" or run[-1].is_punct):
        run = run[:-1]
    return run


def _root(content: list[Token]) -> Token:
    """The content token nearest the sentence root (the first such). Only a token whose head lies outside
    the content can be it, so depths are counted for those few alone."""
    ids = {t.i for t in content}
    tops = [t for t in content if t.head.i not in ids or t.head.i == t.i]
    return min(tops, key=lambda t: sum(1 for _ in t.ancestors))


def _head(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])


def _may_cue(pos: str, lemma: str, lower: str) -> bool:
    return pos in _CUE_POS and (lemma.lower() in CUE_LEMMAS or lower == "according")


def reported_speech(parsed: ParsedText, text: str, used_cues: set[int], quoted: list[tuple[int, int]]) -> list[Attribution]:
    """Indirect attributions whose cue is outside quotes and not already a direct quote's cue."""
    found: list[Attribution] = []
    spans = sorted(quoted)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # furthest end among spans so far
    for off, token in parsed.tokens_where(_may_cue):  # most tokens are passed over without the full cue check
        pos = off + token.idx
        i = bisect.bisect_right(starts, pos)
        if pos in used_cues or (i and reach[i - 1] > pos):  # inside a quote
            continue
        if cue_kind(token) is None and not is_according(token):
            continue
        candidate = _candidate(parsed, text, token)
        if candidate is not None and _kept(candidate, parsed.model.filter):
            found.append(candidate)
    return _outermost(found)


def _kept(candidate: Attribution, model: CandidateFilter | None) -> bool:
    if model is None:
        return True
    candidate.confidence = round(model.probability(candidate.features), 3)
    return candidate.confidence >= model.threshold


def _outermost(found: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose cue sits inside another's content (one label per token), except that
    "according to X" inside another's content wins: "Clinton leads by 271 delegates according to AP"."""
    keep = []
    for att in found:
        cue_start = att.cue[0] if att.cue else att.start
        inside = [o for o in found if o is not att and o.parts[0][0] <= cue_start < o.parts[-1][1]]
        if not inside or _by_according(att) and not any(_by_according(o) for o in inside):
            keep.append(att)
    return [att for att in keep if _by_according(att) or not any(
        _by_according(o) and o.cue is not None and att.parts[0][0] <= o.cue[0] < att.parts[-1][1] for o in keep)]


def _by_according(att: Attribution) -> bool:
    return att.cue_token is not None and is_according(att.cue_token)
