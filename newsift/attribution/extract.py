"""Putting it together: direct quotes with their cues, reported speech, speakers.

Order of work: find quote-marked stretches on the raw text; give each long
enough one the cue next to it (", he said" after it, "Putin said:" before
it, or the cue of the quote it continues); then reported speech on the
parse, which absorbs short quoted phrases as mixed quotes; finally resolve
every speaker mention in text order, so pronouns and floating quotes can
lean on the speaker quoted just before.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable

from spacy.tokens import Token

from ..model import Span
from .cues import cue_kind, is_according, is_cue
from .direct import QuoteMark, editorial_marks, find_quote_marks
from .parsed import ParsedText
from .other import other_attributions
from .reported import Attribution, mention_tokens, reported_speech, subject_of
from .speakers import Resolution, SpeakerResolver

__all__ = ["extract_attributions", "insertions_of", "is_speech", "MIN_DIRECT_WORDS", "QUOTES_MIN_CONFIDENCE"]

MIN_DIRECT_WORDS = 4  # shorter quoted phrases are partial quotes or scare quotes
QUOTES_MIN_CONFIDENCE = 0.5  # reported speech less likely than this stays in the wider attributions layer
# confidences of the rule-found kinds: their precision on PolNeAR train (every fourth text, overlap 0.3)
CUE_AFTER, CUE_BEFORE, FLOATING, LABELLED = 0.96, 0.92, 0.78, 0.4
_AFTER_WINDOW = 8  # tokens after a closing mark in which a cue may sit
# titles and ranks that end in a full stop without ending a sentence: "said Lt. Col. Maria Gomez. “…”"
ABBREVIATIONS = ("Mrs Sen Rep Gov Gen Col Lt Sgt Capt Cpl Maj Adm Cmdr Det Insp Supt Const Prof Rev Hon Pres Atty "
                 "Dept Gov Jr Sr St Ft Mt No Inc Corp Ltd Co Bros vs Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec").split()
# The lookahead comes first so that the look-behinds run only where a sentence could end, not at
# every character (the same matches, forty times faster)
_SENT_END = re.compile(r"(?=[.!?]\s)" + "".join(rf"(?<!\b{a})" for a in sorted(set(ABBREVIATIONS)))
                       + r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])(?<!\b[A-Z]\.[A-Z])[.!?]\s")  # nor after "Mr.", "H.", "U.S."
_TITLED = re.compile(r"\b(?:titled|entitled|headlined|dubbed|named|called)[ \t]*$")
_INVERTED = ("dobj", "attr", "npadvmod", "appos", "dative", "oprd")


def extract_attributions(text: str, parsed: ParsedText) -> list[Attribution]:
    marks = find_quote_marks(text)
    direct, partial = _direct_quotes(text, parsed, marks)
    used = {a.cue[0] for a in direct if a.cue}
    quoted = [(m.start, m.end) for m in marks if m.word_count(text) >= MIN_DIRECT_WORDS]
    labelled = _labelled_paragraphs(text, parsed)
    # an interview's answers are the interviewee's, whatever verbs they hold ("A: I tell them to …")
    interviews = [a for a in labelled if a.content_type == "interview"]
    indirect = [a for a in reported_speech(parsed, text, used, quoted)
                if not _overlaps_any(a, direct + interviews) and not _title_before_cue(text, a, partial)]
    _mark_mixed(indirect, partial)
    direct = _quotes_after_reported(text, parsed, marks, direct, indirect)
    labelled = [a for a in labelled if not _overlaps_any(a, direct + indirect)]
    found = sorted(direct + indirect + labelled, key=lambda a: a.start)
    for att in direct:
        if att.cue_token is not None and is_according(att.cue_token):
            att.cue_kind = "according_to"
    # cues outside the lexicon yield to every lexicon attribution, and never lead a later pronoun
    found = sorted(found + other_attributions(parsed, text, found, quoted), key=lambda a: a.start)
    _resolve(found, parsed, quoted)
    return found


_LABEL = re.compile(r"([A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|of|the|de)){0,5}):[ \t]+(?=\S)")
_INTERVIEW = re.compile(r"^[QA]:[ \t]", re.M)
_NOT_SPEAKERS = frozenset("update note editor related photo video watch read see source sources also breaking exclusive "
                          "live analysis opinion commentary q a question answer correction disclosure".split())


def _labelled_paragraphs(text: str, parsed: ParsedText) -> list[Attribution]:
    """A paragraph opening with a speaker and a colon: headlines ('Graham: Trump's rhetoric destroying GOP
    chances') and transcripts ('BENENSON: Senator Sanders doesn't get to decide …')."""
    found = []
    # an interview transcript: "Q: …" / "A: …" paragraphs, the interviewer's questions and the answers
    interviews = len(_INTERVIEW.findall(text)) >= 2
    for off, doc in parsed.docs:
        doc_text = text[off : off + parsed.length_of(doc)]  # the docs are parsed from slices of the text
        match = _LABEL.match(doc_text)
        if match is None:
            continue
        interview = match.group(1) in ("Q", "A") and interviews
        if not interview and any(w.lower().strip(".’'") in _NOT_SPEAKERS for w in match.group(1).split()):
            continue
        label = [t for t in doc if t.idx < match.end(1)]
        if not interview and not any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or (t.is_upper and len(t) > 2)
                                     for t in label):
            continue
        start, end = off + match.end(), off + len(doc_text.rstrip())
        while end > start and text[end - 1] in " .\t":
            end -= 1
        if end - start < 10:
            continue
        head = next((t for t in label if t.head.i == t.i or t.head.idx >= match.end(1)), label[-1])
        colon = off + match.end(1)
        found.append(Attribution([(start, end)], "indirect", cue=(colon, colon + 1), mention=(off, off + match.end(1)),
                                 mention_head=head, confidence=LABELLED,
                                 content_type="interview" if interview else "label"))
    return found


def _direct_quotes(text: str, parsed: ParsedText, marks: list[QuoteMark]) -> tuple[list[Attribution], list[QuoteMark]]:
    direct: list[Attribution] = []
    partial: list[QuoteMark] = []
    by_group: dict[int, Attribution] = {}
    for i, mark in enumerate(marks):
        if mark.group in by_group:  # a paragraph continuing the quote
            _join(by_group, by_group[mark.group], mark)
            continue
        prev_mark = _last_mark_of(marks[:i], direct) if direct else None
        if _TITLED.search(text, max(0, mark.outer_start - 20), mark.outer_start):
            partial.append(mark)  # 'a video titled “A Message From Grandma & Grandpa: …”': a title, not words said
            continue
        if mark.word_count(text) < MIN_DIRECT_WORDS and not _opens_cued_sentence(text, parsed, mark, marks, i):
            if prev_mark is not None and _opens_sentence(text, parsed, mark) \
                    and _continues(text, parsed, prev_mark, mark, direct[-1]):
                _join(by_group, direct[-1], mark)  # '“… on the road,” he said. “Bodies everywhere.”': short, but on
            else:
                partial.append(mark)
            continue
        nxt = marks[i + 1] if i + 1 < len(marks) else None
        att = _cued_quote(text, parsed, mark, marks[i - 1] if i else None, nxt, marks)
        if att is None and prev_mark is not None and _continues(text, parsed, prev_mark, mark, direct[-1]):
            _join(by_group, direct[-1], mark)  # '“A,” he said. “B.”': one attribution, two parts
            continue
        if att is None and direct and _opens_paragraph(text, parsed, mark) and direct[-1].mention is not None \
                and _next_paragraph(text, parsed, direct[-1].quoted[-1][1], mark.start):
            _join(by_group, direct[-1], mark)  # a quote paragraph right after a cued quote's paragraph goes on with it
            continue
        if att is None and _opens_paragraph(text, parsed, mark):
            att = Attribution([(mark.start, mark.end)], "direct", confidence=FLOATING)  # floating quote
        if att is None:
            partial.append(mark)
            continue
        att.quoted = [(mark.start, mark.end)]
        by_group[mark.group] = att
        direct.append(att)
    return direct, partial


def _join(by_group: dict[int, Attribution], att: Attribution, mark: QuoteMark) -> None:
    att.parts.append((mark.start, mark.end))
    att.quoted.append((mark.start, mark.end))
    by_group[mark.group] = att


def _last_mark_of(marks: list[QuoteMark], direct: list[Attribution]) -> QuoteMark | None:
    """The last quote mark of the last direct quote, when only quoted phrases no quote took come after it ('“A,”
    she told a crowd after she took the stage to “Eye of the Tiger.” “B.”')."""
    last = direct[-1].quoted[-1]
    taken = {q for att in direct for q in att.quoted}
    for mark in reversed(marks):
        if (mark.start, mark.end) == last:
            return mark
        if (mark.start, mark.end) in taken:
            return None
    return None


def _cued_quote(text: str, parsed: ParsedText, mark: QuoteMark, prev_mark: QuoteMark | None,
                nxt: QuoteMark | None, marks: list[QuoteMark]) -> Attribution | None:
    para_start, para_end = parsed.paragraph_bounds(mark.start)
    after_end = min(para_end, nxt.outer_start) if nxt and nxt.start < para_end else para_end
    before_start = max(para_start, prev_mark.outer_end) if prev_mark and prev_mark.end > para_start else para_start
    cue = _cue_after(text, parsed, mark.outer_end, after_end, mark)
    confidence = CUE_AFTER
    content_start, content_end = mark.start, mark.end
    if cue is None:
        found = _cue_ending_sentence(text, parsed, mark, after_end)
        if found is not None:
            cue, content_end = found
    if cue is not None:
        if _inside_reported(text, parsed, before_start, mark):
            return None  # 'Trump said things “should be wrapped up by Cleveland,” referring to …': mixed, said's
        lead = _lead_in(text, parsed, before_start, mark)
        content_start = content_start if lead is None else lead
    else:
        cue = _cue_before(text, parsed, before_start, mark.outer_start) or _cue_colon_paragraph(text, parsed, mark)
        confidence = CUE_BEFORE
    if cue is None:
        return None
    subject = _speaker_of(cue, parsed, marks)
    if subject is None and parsed.offset_of(cue) >= mark.end:
        subject = _name_around_cue(parsed, cue, mark)
    mention = parsed.span_of(mention_tokens(subject)) if subject is not None else None
    parts = [(content_start, content_end)]
    if confidence == CUE_BEFORE:
        # 'The streets were deserted, he added, “but …”' / 'he said, “I have not heard that” from officials.'
        clause = _clause_before_cue(text, parsed, before_start, cue, mention)
        parts = [(content_start, _sentence_rest(text, parsed, mark, after_end) or content_end)]
        parts = [clause, *parts] if clause is not None else parts
    kind = "direct" if parts == [(mark.start, mark.end)] else "mixed"
    return Attribution(parts, kind, cue=_cue_span(parsed, cue), mention=mention,
                       mention_head=subject, cue_token=cue, confidence=confidence)


def _sentence_rest(text: str, parsed: ParsedText, mark: QuoteMark, end: int) -> int | None:
    """Where the sentence ends when the writer's words carry it on after the quote: 'he said, “I have not
    heard that particular concern” from law enforcement officials.' (None when the quote closes its clause
    with punctuation, or the words after it hold a cue of their own)."""
    if mark.end <= mark.start or not text[mark.end - 1].isalnum():
        return None
    rest = _SENT_END.split(text[mark.outer_end : end] + " ", 1)[0].rstrip()
    if not re.match(r" [a-z]", rest) or any(is_cue(t) for t in parsed.tokens_in(mark.outer_end, mark.outer_end + len(rest))):
        return None
    return mark.outer_end + len(rest.rstrip(" .,;:"))


def _clause_before_cue(text: str, parsed: ParsedText, start: int, cue: Token,
                       mention: tuple[int, int] | None) -> tuple[int, int] | None:
    """The reported words a parenthetical cue interrupts before the quote goes on: 'The streets were
    deserted, he added, “but people need to connect somehow.”' (a clause of its own, ended by a comma)."""
    cue_at = parsed.offset_of(cue)
    end = min(cue_at, mention[0]) if mention is not None else cue_at
    cut = max((m.end() for m in _SENT_END.finditer(text, start, end)), default=start)
    words = text[cut:end].rstrip()
    if not words.endswith(",") or "\n" in words:
        return None
    tokens = parsed.tokens_in(cut, cut + len(words))
    if len(tokens) < 4 or any(is_cue(t) or is_according(t) for t in tokens) \
            or not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in tokens):
        return None  # "On Monday, he said, “…”": no clause of the speaker's
    lead_start = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
    return lead_start, cut + len(words) - 1


def _lead_in(text: str, parsed: ParsedText, start: int, mark: QuoteMark) -> int | None:
    """Where the writer's words that run into the quote begin, when the quote's sentence opens with them:
    'Belgium failed to find the cell and ''should have acted sooner,'' said Jäger' (None when the quote opens
    its sentence, or the words before it are a cue clause: 'He told reporters, “…”')."""
    lead = text[start : mark.outer_start]
    cut = max((m.end() for m in _SENT_END.finditer(lead)), default=0)
    words = lead[cut:].strip()
    tokens = parsed.tokens_in(start + cut, mark.outer_start)
    if not words or words[-1] in ":;—–-([\"“”'" or words[-1] == "," and not _is_clause(tokens):
        return None
    if any(is_cue(t) for t in tokens):
        return None
    return start + cut + len(lead[cut:]) - len(lead[cut:].lstrip())


def _inside_reported(text: str, parsed: ParsedText, start: int, mark: QuoteMark) -> bool:
    """The quote lies inside the clause a speech verb earlier in its sentence reports ('Cruz said he'd make
    sand "glow in the dark," …'), not after a cue clause that introduces it ('He told reporters, “…”')."""
    lead = text[start : mark.outer_start]
    cut = max((m.end() for m in _SENT_END.finditer(lead)), default=0)
    if not lead[cut:].strip() or lead.rstrip()[-1:] in (",", ":", "—", "–"):
        return False
    inside = parsed.tokens_in(mark.start, mark.end)[:3]
    cues = [t for t in parsed.tokens_in(start + cut, mark.outer_start) if t.pos_ == "VERB" and cue_kind(t) == "speech"]
    return any(c in t.ancestors for c in cues for t in inside)


def _is_clause(tokens: list[Token]) -> bool:
    """Words with a subject or a subordinating word: a clause that runs into the quote ('If the bill passes,
    “…,” she said'), not a cue clause ('He told reporters, “…”', which has a cue) nor a bare phrase."""
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for t in tokens)


def _cue_ending_sentence(text: str, parsed: ParsedText, mark: QuoteMark, end: int) -> tuple[Token, int] | None:
    """A cue clause closing the quote's sentence after words of the writer's that go on with it:
    '"These super PACs have been setting the table," in sharp contrast to previous elections, says Scala.'
    Returns the cue and where the content ends: the comma before the cue clause."""
    last = text[mark.end - 1] if mark.end > mark.start else ""
    if last in ".!?":
        return None
    sentence = _SENT_END.split(text[mark.outer_end : end] + " ", 1)[0]
    comma = sentence.rfind(",")
    if comma <= 0:
        return None
    clause = parsed.tokens_in(mark.outer_end + comma + 1, mark.outer_end + len(sentence))
    cues = [t for t in clause if is_cue(t) and t.pos_ == "VERB"]
    if not cues or len(clause) > 12 or not any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in clause):
        return None
    content_end = mark.outer_end + comma
    while content_end > mark.end and text[content_end - 1] in " ,":
        content_end -= 1
    return cues[0], content_end


def _opens_sentence(text: str, parsed: ParsedText, mark: QuoteMark) -> bool:
    para_start, _ = parsed.paragraph_bounds(mark.start)
    before = text[para_start : mark.outer_start].rstrip()
    return not before or before[-1] in ".!?\"”:—–" or before.endswith(" -")


def _opens_cued_sentence(text: str, parsed: ParsedText, mark: QuoteMark, marks: list[QuoteMark], i: int) -> bool:
    """A short quote that opens its sentence and is cued right after ('"Elections matter," Kelly said.'):
    a quote, not a scare-quoted phrase."""
    if not _opens_sentence(text, parsed, mark):
        return False
    _, para_end = parsed.paragraph_bounds(mark.start)
    nxt = marks[i + 1] if i + 1 < len(marks) else None
    after_end = min(para_end, nxt.outer_start) if nxt and nxt.start < para_end else para_end
    return _cue_after(text, parsed, mark.outer_end, after_end, mark) is not None


def _speaker_of(cue: Token, parsed: ParsedText, marks: list[QuoteMark]) -> Token | None:
    """The cue's subject; after a quote also the inverted one ('“…,” added another Democrat')."""
    if is_according(cue):
        to = next(c for c in cue.children if c.lower_ == "to")
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    subject = subject_of(cue)
    if subject is not None and any(m.outer_start <= parsed.offset_of(subject) < m.outer_end for m in marks):
        subject = None  # the parser took the quote's own subject: '“My bosses …,” said Mr. Conant'
    if subject is None:
        subject = next((c for c in cue.rights if c.dep_ in _INVERTED and c.pos_ in ("PROPN", "NOUN", "PRON")
                        and c.ent_type_ not in ("DATE", "TIME")), None)  # not '… said Thursday morning
    return subject


def _name_around_cue(parsed: ParsedText, cue: Token, mark: QuoteMark) -> Token | None:
    """The speaker of a cue after a quote whose subject the parser lost: the name between the quote and the
    cue ('“…,” Ramos, 58, told AFP', Ramos hung as a conjunct), else the one right after the cue ('“…,” said
    Skelly, explaining …', Skelly an adverb). The top of that run of nouns."""
    between = [t for t in parsed.tokens_in(mark.outer_end, parsed.offset_of(cue)) if t.doc is cue.doc]
    nouns = [t for t in between if t.pos_ in ("PROPN", "NOUN", "PRON")] or _noun_run(cue.doc[cue.i + 1 :])
    if not nouns:
        return None
    ids = {t.i for t in nouns}
    return next((t for t in nouns if t.head.i not in ids), nouns[-1])


def _noun_run(tokens: Iterable[Token]) -> list[Token]:
    """The nouns and names that open ``tokens`` ('Robin Maynard' in 'Robin Maynard, half joking')."""
    run = []
    for token in tokens:
        if token.pos_ not in ("PROPN", "NOUN"):
            break
        run.append(token)
    return run


def _cue_span(parsed: ParsedText, cue: Token) -> tuple[int, int]:
    if is_according(cue):
        to = next(c for c in cue.children if c.lower_ == "to")
        return parsed.span_of([cue, to])
    return parsed.span_of([cue])


def _cue_after(text: str, parsed: ParsedText, start: int, end: int, mark: QuoteMark) -> Token | None:
    """A cue right after the closing mark: '“…,” Putin said' / '“…,” said Caddell'."""
    last = text[mark.end - 1] if mark.end > mark.start else ""
    between = text[start:end]
    if last == "." and not between.lstrip().startswith(","):
        return None  # the quote closed its sentence; a cue after it belongs to the next one
    if last.isalnum() and between.lstrip()[:1] not in (",", "—", "–", "-") \
            and not _opens_sentence(text, parsed, mark):
        return None  # a phrase quoted mid-sentence ('… "would have dropped to his knees" if Trump had asked')
    head = _SENT_END.split(between, 1)[0]
    tokens = parsed.tokens_in(start, start + len(head) + 1)
    found = [t for t in tokens[:_AFTER_WINDOW] if is_cue(t) or _governs(parsed, t, mark)]
    # a speech cue before any other: '“…,” said Cuomo, who endorsed Clinton' is said, not endorsed
    speech = [t for t in found if cue_kind(t) == "speech" or is_according(t)]
    if found:
        return (speech or found)[0]
    return _cue_after_long_subject(tokens, parsed)


def _cue_after_long_subject(tokens: list[Token], parsed: ParsedText) -> Token | None:
    """A cue past the window whose subject opens right after the quote:
    '“…,” Trent Lott, who was Republican Senate majority leader under George W. Bush, said'."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return None
    node = words[0]
    while node.dep_ not in ("nsubj", "nsubjpass") and node.head.i != node.i:
        node = node.head
    verb = node.head
    if node.dep_ in ("nsubj", "nsubjpass") and verb in tokens and is_cue(verb):
        return verb
    return None


def _governs(parsed: ParsedText, token: Token, mark: QuoteMark) -> bool:
    """A verb whose dependent lies inside the quote: '“Out, out!” Trump yelled' makes 'yelled' the cue."""
    if token.pos_ != "VERB" or subject_of(token) is None and not list(token.rights):
        return False
    off = parsed.offset_of(token)
    return any(mark.start <= off + child.idx < mark.end and child.dep_ in ("ccomp", "parataxis", "dobj")
               for child in token.children)


def _cue_before(text: str, parsed: ParsedText, start: int, end: int) -> Token | None:
    """A cue just before the opening mark: 'Putin said: “…”', 'he told reporters, “…”'."""
    frame = text[start:end]
    tail = frame.rstrip()
    if not tail or tail[-1] not in ",:—–":
        return None  # 'said that “…”' is a partial quote inside reported speech, handled there
    cut = max((m.end() for m in _SENT_END.finditer(frame)), default=0)
    tokens = parsed.tokens_in(start + cut, end)
    cues = [t for t in tokens if is_cue(t)]
    # 'said that in her state, “…”', 'said Trump was …: “…”': reported speech that quotes, handled there
    if not cues or any(t.i > cues[-1].i and (t.dep_ == "mark" and t.lower_ == "that"
                                              or t.dep_ == "ccomp" and t.head.i == cues[-1].i) for t in tokens):
        return None
    return cues[-1]


def _cue_colon_paragraph(text: str, parsed: ParsedText, mark: QuoteMark) -> Token | None:
    """A quote paragraph after one ending in a colon: 'Caddell continued:' / '“…”'."""
    para_start, _ = parsed.paragraph_bounds(mark.start)
    before = text[:para_start].rstrip()
    if not before.endswith(":") or text[para_start:mark.outer_start].strip():
        return None
    prev_start, _ = parsed.paragraph_bounds(len(before) - 1)
    cut = max((m.end() for m in _SENT_END.finditer(text, prev_start, len(before))), default=prev_start)
    tokens = parsed.tokens_in(cut, len(before))
    cues = [t for t in tokens if is_cue(t)] or [t for t in tokens if t.pos_ == "VERB" and subject_of(t) is not None]
    return cues[-1] if cues else None


def _continues(text: str, parsed: ParsedText, prev_mark: QuoteMark, mark: QuoteMark, prev: Attribution) -> bool:
    """'“A,” said X, a doctor. “B.”': B goes on with A's attribution when only A's cue clause sits between
    (and B opens its sentence or follows the cue clause's comma; a phrase quoted mid-sentence does not)."""
    if prev.cue is None or prev.quoted[-1][1] != prev_mark.end or not prev_mark.end <= prev.cue[0] < mark.start:
        return False
    between = text[prev_mark.outer_end : mark.outer_start]
    if not _opens_sentence(text, parsed, mark) and between.rstrip()[-1:] not in (",", ":"):
        return False
    # a quote paragraph right after the cue's paragraph continues it (PolNeAR annotates it so)
    return "\n" not in between.strip() and len(_SENT_END.findall(between + " ")) <= 1


def _next_paragraph(text: str, parsed: ParsedText, end: int, start: int) -> bool:
    """``start`` lies in the paragraph right after the one holding ``end``."""
    _, para_end = parsed.paragraph_bounds(end)
    para_start, _ = parsed.paragraph_bounds(start)
    return para_end <= para_start and not text[para_end:para_start].strip()


def _opens_paragraph(text: str, parsed: ParsedText, mark: QuoteMark) -> bool:
    para_start, _ = parsed.paragraph_bounds(mark.start)
    return not text[para_start : mark.outer_start].strip()


def _overlaps_any(att: Attribution, others: list[Attribution]) -> bool:
    return any(a < d and c < b for a, b in att.parts for o in others for c, d in o.parts)


def _quotes_after_reported(text: str, parsed: ParsedText, marks: list[QuoteMark], direct: list[Attribution],
                           indirect: list[Attribution]) -> list[Attribution]:
    """A quote with no cue of its own that opens the sentence or paragraph right after reported speech goes on
    with it: 'Rubio said Republicans must do more. “Hispanics won't vote for someone just because …”'."""
    joined: set[int] = set()
    starts = [m.outer_start for m in marks]
    for att in indirect:
        if att.cue_kind != "speech" or att.content_type == "object":
            continue  # speech reported as a clause ("said that …"), not a stance ("reiterated his view that …")
        end = att.parts[-1][1]
        i = bisect.bisect_left(starts, end)
        if i == len(marks):
            continue
        mark, between = marks[i], text[end : marks[i].outer_start]
        if between.strip(" \t\n.;:") or between.count("\n") > 2 or mark.word_count(text) < MIN_DIRECT_WORDS:
            continue
        owner = next((d for d in direct if (mark.start, mark.end) in d.quoted), None)
        _, para_end = parsed.paragraph_bounds(mark.end)
        if _cue_after(text, parsed, mark.outer_end, para_end, mark) is not None:
            continue  # '“… for commuters. ¶ But a detour is better than a disaster,” she said': cued after all
        if owner is None or owner.cue is None and len(owner.parts) == 1:
            att.parts.append((mark.start, mark.end))
            att.quoted.append((mark.start, mark.end))
            att.kind = "mixed"
            joined |= {id(owner)} if owner is not None else set()
    return [d for d in direct if id(d) not in joined]


def _title_before_cue(text: str, att: Attribution, partial: list[QuoteMark]) -> bool:
    """Reported speech whose content, before its cue, holds a quoted title: the parser read the title as the
    clause ('In a video titled “… We Have Seen This Before,” a group urged …')."""
    if att.cue is None or att.parts[-1][1] > att.cue[0]:
        return False
    return any(att.start <= m.start < att.cue[0] and _TITLED.search(text, max(0, m.outer_start - 20), m.outer_start)
               for m in partial)


def _mark_mixed(indirect: list[Attribution], partial: list[QuoteMark]) -> None:
    for att in indirect:
        end = att.parts[-1][1]
        inside = [m for m in partial if att.start <= m.start < end]
        if inside:
            att.kind, att.quoted = "mixed", [(m.start, m.end) for m in inside]
            if inside[-1].end > end:  # the clause's last words were quoted: take the mark in
                att.parts[-1] = (att.parts[-1][0], inside[-1].outer_end)


def _resolve(found: list[Attribution], parsed: ParsedText, quoted: list[tuple[int, int]]) -> None:
    """Speakers in text order, so pronouns and floating quotes can lean on the speaker before."""
    resolver = SpeakerResolver(parsed, quoted)
    last: tuple[int, Resolution] | None = None
    last_person: tuple[int, Resolution] | None = None
    for att in found:
        pos = att.mention[0] if att.mention else att.start
        if att.mention_head is None:
            # a quote with no speaker named goes on with a person before; reported speech with no source is no one's
            res = resolver.floating(pos, last_person) if att.kind == "direct" else Resolution(None)
        else:
            res = resolver.resolve(att.mention_head, mention_tokens(att.mention_head), pos, last)
        att.speaker, att.chain, att.speaker_status = res.name, res.chain, res.status
        att.author_voice = att.author_voice or res.kind == "author"
        if res.kind == "document" and att.kind != "direct" and att.cue_kind != "other":
            att.cue_kind = "document"  # "a poll showed …", "according to FEC filings"
        if res.kind == "thing" and att.kind != "direct" and att.cue_kind == "speech" \
                and att.cue_token is not None and att.mention_head is not None \
                and att.mention_head.head.i == att.cue_token.i:
            att.cue_kind = "perception"  # "Obama's decision suggests he is willing …": an inference, not speech
        if res.name and res.kind in ("person", "org") and att.cue_kind != "other":
            last = (pos, res)
            last_person = last if res.kind == "person" else last_person


def is_speech(att: Attribution, min_confidence: float = QUOTES_MIN_CONFIDENCE) -> bool:
    """Whether an attribution belongs in the ``quotes`` layer: words someone said or wrote, with a speech cue
    and content that is a quotation, a clause, a question or a reported directive, not the writer's own."""
    if att.kind == "direct":
        return True
    return att.cue_kind in ("speech", "according_to") and att.content_type != "object" \
        and not att.author_voice and att.confidence >= min_confidence


def insertions_of(text: str, att: Attribution) -> list[Span]:
    """Editorial marks inside the quoted stretches of an attribution."""
    marks: list[Span] = []
    for start, end in att.quoted or att.parts:
        marks.extend(editorial_marks(text, start, end))
    return marks
