"""Speaker resolution: from a mention ("he", "Putin", "the president") to a canonical name.

Within one article: a surname maps to the fullest form of that person's
name seen in the article ("Putin" -> "Vladimir Putin"); a title or role
noun maps to the person it was attached to ("Russian President Vladimir
Putin" teaches ``president`` -> Vladimir Putin; so does an apposition
"James Comey, the former FBI director"); a pronoun or an unseen
description ("the Russian leader") goes to the speaker most recently
quoted, else to the person most recently named.
"""

from __future__ import annotations

from spacy.tokens import Token

from .parsed import ParsedText

__all__ = ["SpeakerResolver"]

_PRONOUNS = frozenset("he she they him her them i we it".split())
_PERSON_NOUNS = frozenset(
    """leader president official spokesman spokeswoman spokesperson candidate nominee chief director minister
    senator governor secretary chairman chairwoman chair mayor lawmaker congressman congresswoman representative
    aide adviser advisor strategist manager businessman billionaire mogul host lawyer attorney judge prosecutor
    premier king queen prince chancellor ambassador general commander officer agent analyst expert professor
    economist pollster founder executive ceo author reporter columnist former activist""".split()
)
_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sen. sen rep. rep gov. gov president".split())


class SpeakerResolver:
    """Canonical names for the people and organisations of one article."""

    def __init__(self, parsed: ParsedText) -> None:
        self._people: list[tuple[int, str]] = []  # (position, canonical) of every PERSON mention
        self._canonical: dict[str, str] = {}  # surname -> fullest name
        self._titles: dict[str, str] = {}  # role noun lemma -> canonical
        self._learn(parsed)

    def _learn(self, parsed: ParsedText) -> None:
        persons = []
        for off, doc in parsed.docs:
            for ent in doc.ents:
                if ent.label_ == "PERSON":
                    persons.append((off + ent.start_char, ent))
        for _, ent in persons:
            words = _name_words(ent)
            if words:
                key = words[-1].lower()
                if len(words) > len(self._canonical.get(key, "").split()):
                    self._canonical[key] = " ".join(words)
        for pos, ent in persons:
            name = self.name_of(ent)
            if name:
                self._people.append((pos, name))
                for role in _roles_of(ent):
                    self._titles[role] = name

    def name_of(self, ent) -> str | None:  # type: ignore[no-untyped-def]
        words = _name_words(ent)
        return self._canonical.get(words[-1].lower()) if words else None

    def is_person(self, name: str | None) -> bool:
        return any(name == known for _, known in self._people)

    def person_before(self, pos: int) -> str | None:
        last = None
        for at, name in self._people:
            if at >= pos:
                break
            last = name
        return last

    def resolve(self, head: Token | None, mention_tokens: list[Token], pos: int, last_speaker: str | None) -> str | None:
        """The canonical speaker for a mention at ``pos``; ``last_speaker`` is the previous quote's."""
        if head is None:
            return last_speaker
        for ent in head.doc.ents:
            if any(ent.start <= t.i < ent.end for t in mention_tokens):
                if ent.label_ == "PERSON":
                    return self.name_of(ent) or ent.text
        for ent in head.doc.ents:
            if ent.start <= head.i < ent.end and ent.label_ in ("ORG", "NORP", "GPE"):
                # a person mis-tagged as an organisation: a known surname, or a name with a role word
                if any(t.lower_ in _PERSON_NOUNS for t in mention_tokens):
                    break
                return self._canonical.get(ent.text.split()[-1].lower(), _strip_the(ent.text))
        lemma = head.lemma_.lower()
        if head.lower_ in _PRONOUNS or head.pos_ == "PRON":
            if head.lower_ in ("it", "they", "them", "we"):
                return last_speaker or None
            return last_speaker or self.person_before(pos)
        if head.pos_ == "PROPN":  # a name spaCy did not tag whole: "Mayor Ana Ruiz"
            words = [t.text for t in mention_tokens if t.pos_ == "PROPN" and t.lower_ not in _PERSON_NOUNS
                     and t.lower_ not in _HONORIFICS and (t.i == head.i or t.head.i == head.i)]
            known = self._canonical.get(head.lower_, "")
            if words:
                if len(known.split()) >= len(words):
                    return known
                self._canonical[head.lower_] = " ".join(words)  # later "Bell" is this "Marcus Bell"
                self._people.append((pos, self._canonical[head.lower_]))
                self._people.sort()
                return self._canonical[head.lower_]
        if lemma in self._titles:
            return self._titles[lemma]
        if lemma in _PERSON_NOUNS and any(c.lower_ in ("the", "this") for c in head.children):
            return last_speaker or self.person_before(pos)
        phrase = "".join(t.text_with_ws for t in mention_tokens)  # "city's", not "city 's"
        return _strip_the(" ".join(phrase.split())) or None


def _name_words(ent) -> list[str]:  # type: ignore[no-untyped-def]
    words = [t.text for t in ent if not t.is_punct and t.lower_ not in _HONORIFICS and t.tag_ != "POS"
             and t.lower_ not in _PERSON_NOUNS]
    return [w for w in words if w[:1].isupper()]


def _roles_of(ent) -> list[str]:  # type: ignore[no-untyped-def]
    """Role nouns attached to a name: "President Vladimir Putin", "Comey, the former FBI director"."""
    roles = []
    root = ent.root
    for t in list(root.lefts) + [c for c in root.children if c.dep_ == "appos"]:
        if t.i >= ent.start and t.i < ent.end and t.lower_ not in _HONORIFICS - {"president"}:
            continue
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in _PERSON_NOUNS:
            roles.append(t.lemma_.lower())
    roles.extend(t.lower_ for t in ent if t.lower_ in _PERSON_NOUNS)  # "Mayor Ana Ruiz" tagged whole
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        roles.append(root.head.lemma_.lower())
    return roles


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name
