"""Speaker resolution: from a mention ("he", "Putin", "the ministry's statement") to a name, or to nothing.

Within one article, and only to people and organisations:
- a surname maps to the fullest form of that person's name seen in the
  article ("Putin" -> "Vladimir Putin");
- a title or description maps to the person it was attached to ("Russian
  President Vladimir Putin" teaches ``president``; "Tom Heaton, the young
  goalkeeper" teaches ``goalkeeper``); a word of an organisation's name
  maps to it ("the ministry" -> "Ministry of Defence");
- a second person with the same surname keeps their own name ("Anne Marie
  Murphy" after "Chris Murphy"); an indefinite description ("one pastor")
  is someone new; a body only described ("the group") is the organisation
  that spoke last, nearby, else no one ("the company" is no name);
- "a statement released by X", "X's statement", "a spokesman for X" -> X;
- a pronoun goes to a person (he/she) or organisation (it) that agrees in
  gender and number: the last speaker, unless a paragraph since introduced
  another person as its subject;
- the writer's own "I"/"we" is never a speaker; generic sources
  ("officials", "critics", "no-one") and documents stay unresolved.

Each resolution carries the chain of mentions (spans) that led to the name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .names import FEMALE_NAMES, MALE_NAMES
from .parsed import ParsedText
from .reported import agent_of

__all__ = ["SpeakerResolver", "Resolution", "AUTHOR_WORDS", "DOCUMENT_NOUNS", "STATEMENT_NOUNS", "THING_NOUNS"]

AUTHOR_WORDS = frozenset("i we me us".split())
_MALE_PRON, _FEMALE_PRON = frozenset("he him his himself".split()), frozenset("she her hers herself".split())
_ORG_PRON = frozenset(("it",))
_PERSON_NOUNS = frozenset(
    """leader president official spokesman spokeswoman spokesperson candidate nominee chief director minister
    senator governor secretary chairman chairwoman chair mayor lawmaker congressman congresswoman representative
    aide adviser advisor strategist manager businessman businesswoman billionaire mogul host lawyer attorney judge
    prosecutor premier king queen prince princess chancellor ambassador general commander officer agent analyst
    expert professor economist pollster founder executive ceo author reporter columnist activist coach player
    goalkeeper striker captain sergeant colonel lieutenant detective inspector sheriff chief""".split()
)
_FEMALE_NOUNS = frozenset("spokeswoman chairwoman congresswoman businesswoman queen princess actress mother wife "
                          "daughter sister woman girl grandmother".split())
_MALE_NOUNS = frozenset("spokesman chairman congressman businessman king prince actor father husband son brother "
                        "man boy grandfather".split())
# names the tagger reads as people's: "Hurricane Katrina", "Storm Desmond"
_NOT_PEOPLE = frozenset("hurricane storm typhoon cyclone tropical operation".split())
_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sen. sen rep. rep gov. gov president lt. lt col. col "
                        "sgt. sgt gen. gen capt. capt".split())
# words that speak for someone else: "a spokesman for the ministry" is the ministry's voice
_VOICE_NOUNS = frozenset("spokesman spokeswoman spokesperson representative official officials aide aides "
                         "source sources lawyer attorney".split())
STATEMENT_NOUNS = frozenset("statement letter release email e-mail tweet post memo message announcement "
                            "communique communiqué".split())
INSTITUTION_NOUNS = frozenset("""police military army navy government ministry department council committee court
    campaign company firm agency commission board union party administration authority authorities prosecutor's
    office embassy parliament congress senate house cabinet club league federation""".split())
# nouns that describe a body without naming it: "the group", "the magazine" (the organisation that spoke last)
ORG_DESCRIPTIONS = frozenset("""group organization organisation company firm agency campaign magazine newspaper paper
    network outlet site website association foundation institute center centre union club team""".split())
DOCUMENT_NOUNS = frozenset("""report poll survey study data document documents filing filings record records analysis
    research figure figures number numbers estimate estimates result results review audit census article story book
    paper model index assessment investigation probe footage video website page transcript lawsuit suit indictment
    ruling affidavit petition""".split())

# things that "suggest", "show" or "ask" without anyone speaking: an inference the writer draws, not words said
THING_NOUNS = frozenset("""decision move fact evidence history election presence vote outcome trend success failure
    performance situation event choice experience change shift rise fall drop increase decline growth""".split())


@dataclass
class Resolution:
    name: str | None
    chain: list[tuple[int, int]] = field(default_factory=list)
    kind: str | None = None  # person | org | author | document | statement | generic | None

    @property
    def status(self) -> str:
        return "resolved" if self.name else "unresolved"


@dataclass
class _Mention:
    pos: int
    span: tuple[int, int]
    name: str
    subject: bool  # the subject of its sentence's main verb


class SpeakerResolver:
    """Names for the people and organisations of one article, and the resolution of speaker mentions."""

    def __init__(self, parsed: ParsedText, quoted: list[tuple[int, int]] | None = None) -> None:
        self.parsed = parsed
        self._quoted = quoted or []  # a name inside a quotation is not the article's subject
        self._people: list[_Mention] = []
        self._canonical: dict[str, str] = {}  # surname -> fullest name
        self._first: dict[str, tuple[int, int]] = {}  # canonical name -> span of its fullest mention
        self._gender: dict[str, str] = {}  # canonical -> "m" | "f"
        # role noun lemma -> (name, where it was said, the title's words), in text order
        self._titles: dict[str, list[tuple[str, tuple[int, int], frozenset[str]]]] = {}
        self._orgs: dict[str, tuple[str, tuple[int, int]]] = {}  # org word -> (org name, span)
        self._learn(parsed)

    def _learn(self, parsed: ParsedText) -> None:
        persons = []
        for off, doc in parsed.docs:
            for ent in parsed.ents_of(doc):
                span = (off + ent.start_char, off + ent.end_char)
                if ent.label_ == "PERSON" and not _not_a_person(ent):
                    persons.append((span, ent))
                elif ent.label_ == "ORG":
                    self._learn_org(ent, span)
        for span, ent in persons:
            words = _name_words(ent)
            known = self._canonical.get(words[-1].lower(), "").split() if words else []
            # a longer form of the same name ("Putin" -> "Vladimir Putin"); a second person with the surname
            # ("Anne Marie Murphy" after "Chris Murphy") keeps their own name, and the surname stays the first's
            if words and len(words) > len(known) and set(known) <= set(words):
                self._canonical[words[-1].lower()] = " ".join(words)
                self._first[" ".join(words)] = span
        for span, ent in persons:
            name = self.name_of(ent)
            if not name:
                continue
            subject = ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head.dep_ == "ROOT" \
                and not any(a <= span[0] < b for a, b in self._quoted)
            self._people.append(_Mention(span[0], span, name, subject))
            for role, title in _roles_of(ent):
                self._titles.setdefault(role, []).append((name, span, title))
            gender = _gender_of(ent)
            if gender and name not in self._gender:
                self._gender[name] = gender

    def _learn_org(self, ent, span: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        name = _strip_the(ent.text)
        for t in ent:
            if t.pos_ in ("NOUN", "PROPN") and t.is_alpha and len(t) > 3 and t.lower_ not in ("the", "of"):
                self._orgs.setdefault(t.lemma_.lower(), (name, span))

    def name_of(self, ent) -> str | None:  # type: ignore[no-untyped-def]
        words = _name_words(ent)
        if not words:
            return None
        known = self._canonical.get(words[-1].lower())
        if len(words) > 1 and known is not None and not set(words) <= set(known.split()):
            return " ".join(words)  # a full name of its own: "Anne Marie Murphy", not the surname's "Chris Murphy"
        return known

    def is_person(self, name: str | None) -> bool:
        return any(name == m.name for m in self._people)

    def gender(self, name: str) -> str | None:
        if name in self._gender:
            return self._gender[name]
        first = name.split()[0].lower()
        return "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None

    def people_between(self, start: int, end: int) -> list[_Mention]:
        return [m for m in self._people if start <= m.pos < end]

    def resolve(self, head: Token, tokens: list[Token], pos: int, last: tuple[int, Resolution] | None) -> Resolution:
        """The speaker named by the mention ``tokens`` (its head ``head``) at ``pos``; ``last`` is the previous
        attribution's position and resolution."""
        mention = self.parsed.span_of(tokens)
        lower = head.lower_
        if lower in AUTHOR_WORDS:
            return Resolution(None, [], "author")
        if lower in ("who", "that", "which") and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            antecedent = head.head.head  # "Schumer, who said …": the relative pronoun's noun
            found = self.resolve(antecedent, _phrase(antecedent), pos, last)
            return Resolution(found.name, [mention] + found.chain, found.kind) if found.name else found
        if lower in _MALE_PRON | _FEMALE_PRON | _ORG_PRON | {"they", "them"}:
            return self._pronoun(head, mention, pos, last)
        if head.pos_ == "PRON":
            return Resolution(None, [], "generic")  # "some argue", "someone said", "many believe"
        voiced = self._voice_of(head, mention, pos, last)
        if voiced is not None:
            return voiced
        described = self._described_org(head, mention, pos, last)
        return described if described is not None else self._named(head, tokens, mention)

    def _described_org(self, head: Token, mention: tuple[int, int], pos: int,
                       last: tuple[int, Resolution] | None) -> Resolution | None:
        """"The group says", "the magazine said": a body only described is the organisation that spoke
        last, when it spoke in this paragraph or the one before ("… according to the National Golf
        Foundation. … the group says")."""
        if head.lemma_.lower() not in ORG_DESCRIPTIONS or head.tag_ != "NN" or _named_institution(head) \
                or not any(c.lower_ in ("the", "this") for c in head.children):
            return None
        if last is None or last[1].kind != "org" or not last[1].name:
            return None
        para_start, _ = self.parsed.paragraph_bounds(pos)
        prev_start, _ = self.parsed.paragraph_bounds(max(0, para_start - 2))
        return Resolution(last[1].name, [mention] + last[1].chain, "org") if last[0] >= prev_start else None

    def _named(self, head: Token, tokens: list[Token], mention: tuple[int, int]) -> Resolution:
        ids = {t.i for t in tokens}
        # of several names in the mention, the one it is about: "Clinton spokesman [Jesse Ferguson]",
        # "Carter's press secretary, [Peter Cook]" (not the possessor)
        # a name that only modifies another noun is not the speaker: "25% of [Clinton] supporters"
        persons = sorted((e for e in self.parsed.ents_of(head.doc) if e.label_ == "PERSON" and not _not_a_person(e)
                          and any(t in ids for t in range(e.start, e.end))
                          and (e.start <= head.i < e.end or e.root.dep_ == "appos" or head.lemma_.lower() in _PERSON_NOUNS)),
                         key=lambda e: (not e.start <= head.i < e.end, e.root.dep_ != "appos", e.root.dep_ == "poss"))
        if persons:
            name = self.name_of(persons[0]) or persons[0].text
            return Resolution(name, _chain(mention, self._first.get(name)), "person")
        for ent in self.parsed.ents_of(head.doc):
            if ent.start <= head.i < ent.end and ent.label_ == "NORP":
                known = self._canonical.get(ent.text.split()[-1].lower())
                if known:  # "Cuban told" after "Mark Cuban": a surname the tagger read as a nationality
                    return Resolution(known, _chain(mention, self._first.get(known)), "person")
                return Resolution(None, [], "generic")  # "an Iowa Democrat", "Republicans": a group, not a speaker
            if ent.start <= head.i < ent.end and ent.label_ in ("ORG", "GPE"):
                if any(t.lower_ in _PERSON_NOUNS for t in tokens):
                    break  # a person mis-tagged as an organisation: "Mayor Ruiz" read as ORG
                known = self._canonical.get(ent.text.split()[-1].lower())
                if known:
                    return Resolution(known, _chain(mention, self._first.get(known)), "person")
                return Resolution(_strip_the(ent.text), [mention], "org")
        if head.pos_ == "PROPN":
            found = self._untagged_name(head, tokens, mention)
            if found is not None:
                return found
        lemma = head.lemma_.lower()
        if lemma in self._titles and head.tag_ != "NNS" and not _indefinite(head):
            # "the pastor" is the pastor named before; "one pastor", "another pastor" is someone new
            name, where = self._titled(lemma, tokens, mention[0])
            return Resolution(name, _chain(mention, where), "person")
        if lemma in self._orgs and any(c.lower_ in ("the", "this") for c in head.children):
            name, where = self._orgs[lemma]
            return Resolution(name, _chain(mention, where), "org")
        if lemma in DOCUMENT_NOUNS:
            return Resolution(None, [], "document")
        if lemma in THING_NOUNS:
            return Resolution(None, [], "thing")  # "Obama's decision suggests …", "This election will ask us …"
        if lemma in INSTITUTION_NOUNS and (head.tag_ != "NNS" or lemma == "police") and _named_institution(head):
            # "Police said", "the city council said": an organisation named by what it is
            return Resolution(_strip_the(_text(_phrase(head))), [mention], "org")
        return Resolution(None, [], "generic")  # "officials", "critics", "no-one": said plainly unresolved

    def _titled(self, lemma: str, tokens: list[Token], pos: int) -> tuple[str, tuple[int, int]]:
        """Of the people given this title, the one whose title shares most words with the description, then
        the nearest before it: "the Democratic presidential nominee" is Hillary Clinton, not "Democratic
        vice presidential nominee Tim Kaine"; "the president" is the president named last before."""
        said = {t.lower_ for t in tokens if t.pos_ in ("ADJ", "NOUN", "PROPN")}
        found = self._titles[lemma]
        before = [f for f in found if f[1][0] < pos] or found[:1]

        def fit(item: tuple[str, tuple[int, int], frozenset[str]]) -> tuple[int, int, int]:
            return len(said & item[2]), -len(item[2] - said), item[1][0]

        name, where, _ = max(before, key=fit)
        return name, where

    def _untagged_name(self, head: Token, tokens: list[Token], mention: tuple[int, int]) -> Resolution | None:
        """A name spaCy did not tag whole: "Mayor Ana Ruiz"; later "Ruiz" is this "Ana Ruiz"."""
        words = [t.text for t in tokens if t.pos_ == "PROPN" and t.lower_ not in _PERSON_NOUNS
                 and t.lower_ not in _HONORIFICS and (t.i == head.i or t.head.i == head.i)]
        known = self._canonical.get(head.lower_, "")
        if not words or _not_a_person(tokens):
            return None
        if len(known.split()) >= len(words):
            return Resolution(known, _chain(mention, self._first.get(known)), "person")
        name = " ".join(words)
        self._canonical[head.lower_] = name
        self._first[name] = mention
        self._people.append(_Mention(mention[0], mention, name, head.dep_ in ("nsubj", "nsubjpass")))
        self._people.sort(key=lambda m: m.pos)
        return Resolution(name, [mention], "person")

    def _voice_of(self, head: Token, mention: tuple[int, int], pos: int,
                  last: tuple[int, Resolution] | None) -> Resolution | None:
        """Statements and spokespeople speak for their author: "a statement released by the ministry",
        "the ministry's statement", "a spokesman for Trump", "White House officials"."""
        lemma = head.lemma_.lower()
        if lemma not in STATEMENT_NOUNS and head.lower_ not in _VOICE_NOUNS and lemma not in DOCUMENT_NOUNS:
            return None
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children):
            return None  # "Kelly's attorney, Michael Critchley": the attorney speaks, and is named
        author = _author_of(head)
        if author is None:
            if lemma in STATEMENT_NOUNS:
                return Resolution(None, [], "statement")
            return None if lemma not in DOCUMENT_NOUNS else Resolution(None, [], "document")
        found = self.resolve(author, _phrase(author), pos, last)
        kind = "document" if lemma in DOCUMENT_NOUNS else found.kind
        if found.name is None and author.pos_ == "NOUN" and author.tag_ != "NNS":
            # "released by the ministry": whoever releases a statement is an organisation or a person
            words = _phrase(author)
            found = Resolution(_strip_the(_text(words)), [self.parsed.span_of(words)], "org")
        return Resolution(found.name, [mention] + found.chain, kind) if found.name else None

    def _pronoun(self, head: Token, mention: tuple[int, int], pos: int,
                 last: tuple[int, Resolution] | None) -> Resolution:
        lower = head.lower_
        if lower in _ORG_PRON or lower in ("they", "them"):
            # "it" and "they" go to an organisation that spoke last, never to a person or a loose phrase
            if last is not None and last[1].kind == "org":
                return Resolution(last[1].name, [mention] + last[1].chain, "org")
            return Resolution(None, [], "generic")
        want = "m" if lower in _MALE_PRON else "f"
        agrees = [m for m in self._people if m.pos < pos and self.gender(m.name) in (want, None)]
        para_start, _ = self.parsed.paragraph_bounds(pos)
        prev_start, _ = self.parsed.paragraph_bounds(max(0, para_start - 2))
        since = last[0] if last is not None else prev_start
        # a person made the subject since the last speaker spoke (this or the previous paragraph) takes the pronoun
        fresh = [m for m in agrees if m.subject and max(since, prev_start) <= m.pos]
        if last is not None and last[1].kind == "person" and last[1].name \
                and self.gender(last[1].name) in (want, None) and not fresh:
            return self._agreed(Resolution(last[1].name, [mention] + last[1].chain, "person"), want)
        if fresh:
            m = fresh[-1]
            return self._agreed(Resolution(m.name, _chain(mention, m.span), "person"), want)
        near = [m for m in agrees if m.pos >= prev_start]
        if near and len({m.name for m in near}) == 1:  # one person of that gender in sight: no guess needed
            return self._agreed(Resolution(near[-1].name, _chain(mention, near[-1].span), "person"), want)
        known = [m for m in agrees if self.gender(m.name) == want]
        if not near and len({m.name for m in known}) == 1:  # the only person of that gender the article names
            return Resolution(known[-1].name, _chain(mention, known[-1].span), "person")
        return Resolution(None, [], "generic")

    def _agreed(self, found: Resolution, gender: str) -> Resolution:
        """Remember the gender a pronoun gave a person, so a later pronoun of the other cannot take them."""
        if found.name and self.gender(found.name) is None:
            self._gender[found.name] = gender
        return found

    def floating(self, pos: int, last: tuple[int, Resolution] | None) -> Resolution:
        """A quote paragraph with no cue: the person the previous paragraph made its subject, else the last
        person quoted."""
        para_start, _ = self.parsed.paragraph_bounds(pos)
        prev_start, _ = self.parsed.paragraph_bounds(max(0, para_start - 2))
        subjects = [m for m in self.people_between(prev_start, para_start) if m.subject]
        if subjects and (last is None or last[0] < subjects[-1].pos):
            return Resolution(subjects[-1].name, [subjects[-1].span], "person")
        if last is not None and last[1].kind == "person" and last[1].name:
            return Resolution(last[1].name, list(last[1].chain), "person")
        return Resolution(None, [], None)


def _author_of(head: Token) -> Token | None:
    """Whose statement or voice: possessor, "by X" of a verb hung on it, "from/for/of X", an organisation
    compound ("White House officials")."""
    for c in head.children:
        if c.dep_ == "poss" and c.lower_ not in AUTHOR_WORDS | {"its", "their", "his", "her"}:
            return c
    for c in head.children:
        if c.dep_ == "acl":
            agent = agent_of(c)
            if agent is not None:
                return agent
        if c.dep_ == "prep" and c.lower_ in ("from", "for", "of", "by"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and (pobj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or pobj.pos_ == "PROPN"
                                     or any(d.lower_ == "the" for d in pobj.children)):
                return pobj
    return next((c for c in head.children if c.dep_ == "compound" and c.ent_type_ in ("ORG", "PERSON", "GPE")), None)


def _not_a_person(tokens) -> bool:  # type: ignore[no-untyped-def]
    """Names the tagger reads as people's: "Hurricane Katrina", "Miss Universe" (a title, not Ms. Universe)."""
    first = tokens[0]
    before = first.doc[first.i - 1].lower_ if first.i > 0 else ""
    words = [w for w in [before] + [t.lower_ for t in tokens] if w not in ("", "former", "the", "a")]
    return bool(words) and any(w in _NOT_PEOPLE for w in words[:2]) or "miss" in words[:2] and words[-1] in ("universe", "america",
                                                                                              "world", "usa")


def _indefinite(head: Token) -> bool:
    """A description that introduces someone: "a pastor", "one pastor", "another official"."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another", "some", "any")
               for c in head.children)


def _named_institution(head: Token) -> bool:
    """"Police", "the city council", "the Justice Department": the words name the body; "the company", "the
    campaign", "his club" only describe one, and say no name."""
    if head.lemma_.lower() == "police" or _indefinite(head):
        return head.lemma_.lower() == "police"
    return any(c.dep_ in ("compound", "amod", "nmod") or c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children) \
        or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _phrase(token: Token) -> list[Token]:
    # without relative clauses, prepositions and conjuncts: "The company and France's secretary" is the company
    drop = {t.i for c in token.children if c.dep_ in ("relcl", "acl", "prep", "conj", "cc") for t in c.subtree}
    return [t for t in token.subtree if t.i not in drop and not t.is_punct] or [token]


def _text(tokens: list[Token]) -> str:
    """The words as written ("city's", not "city 's")."""
    return " ".join("".join(t.text_with_ws for t in tokens).split())


def _chain(mention: tuple[int, int], antecedent: tuple[int, int] | None) -> list[tuple[int, int]]:
    return [mention] if antecedent is None or antecedent == mention else [mention, antecedent]


def _gender_of(ent) -> str | None:  # type: ignore[no-untyped-def]
    """From an honorific or role noun next to the name: "Mrs. May", "spokeswoman Jen Psaki"."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    words = {t.lower_ for t in ent} | {before} | {t.lemma_.lower() for t in ent.root.children}
    if words & {"mr", "mr."} or words & _MALE_NOUNS:
        return "m"
    if words & {"mrs", "mrs.", "ms", "ms.", "miss"} or words & _FEMALE_NOUNS:
        return "f"
    return None


_PARTICLES = frozenset("de del della der van von da di du la le bin al ibn".split())


_PAGEANT_TITLES = frozenset("universe america world usa teen".split())


def _name_words(ent) -> list[str]:  # type: ignore[no-untyped-def]
    # "(CNN)Hillary Clinton": a dateline run into the name is no part of it
    tokens = list(ent)
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if len(tokens) > 2 and tokens[0].lower_ in _PAGEANT_TITLES and "miss" in (before, tokens[0].lower_):
        tokens = tokens[1:]  # "Miss Universe Alicia Machado": a title before the name (the tagger leaves out "Miss")
    elif len(tokens) > 3 and tokens[0].lower_ == "miss" and tokens[1].lower_ in _PAGEANT_TITLES:
        tokens = tokens[2:]
    words = [t.text.rsplit(")", 1)[-1] for t in tokens if not t.is_punct and t.lower_ not in _HONORIFICS
             and t.tag_ != "POS" and t.lower_ not in _PERSON_NOUNS]
    # keep "de" in "Bill de Blasio": a lower-case particle between capitalised words
    return [w for i, w in enumerate(words) if w[:1].isupper()
            or (w in _PARTICLES and 0 < i < len(words) - 1 and words[i + 1][:1].isupper())]


def _roles_of(ent) -> list[tuple[str, frozenset[str]]]:  # type: ignore[no-untyped-def]
    """Role nouns attached to a name, each with the words of its title: "President Vladimir Putin",
    "Comey, the former FBI director", "Tom Heaton, the young goalkeeper", "Democratic presidential nominee
    Hillary Clinton" (``nominee`` with democratic, presidential, nominee)."""
    roles = []
    root = ent.root
    for t in list(root.lefts) + [c for c in root.children if c.dep_ == "appos"]:
        if ent.start <= t.i < ent.end and t.lower_ not in _HONORIFICS - {"president"}:
            continue
        if t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in _PERSON_NOUNS or t.dep_ in ("appos", "compound")):
            roles.append((t.lemma_.lower(), _title_words(t, ent)))
    roles.extend((t.lower_, frozenset((t.lower_,))) for t in ent if t.lower_ in _PERSON_NOUNS)  # "Mayor Ana Ruiz"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        roles.append((root.head.lemma_.lower(), _title_words(root.head, ent)))
    return roles


def _title_words(role: Token, ent) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """The words of a title: the role noun, its modifiers, and the words before the name it runs into."""
    words = {role.lower_} | {c.lower_ for c in role.children if c.dep_ in ("amod", "compound") and c.i < role.i}
    if role.i < ent.start:
        words |= {t.lower_ for t in role.doc[max(role.i - 3, role.sent.start) : ent.start]
                  if t.pos_ in ("ADJ", "NOUN", "PROPN") and t.ent_type_ != "PERSON"}
    return frozenset(words)


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name
