"""Passage alignment: offsets in both texts, robust to edits, reordering and quote kinds."""

from newsift.provenance.alignment import AlignParams, align, quote_regions, split_by_quotes
from newsift.provenance.fingerprints import tokenize

S1 = "The Old Mill Bridge was closed indefinitely on Monday after state inspectors found severe corrosion."
S2 = "Chief engineer Marcus Bell said decades of road salt had seeped through a failed drainage system."
S3 = "Repairs would cost an estimated twelve million dollars and take at least eight months to finish."
FILLER = "Our own reporter visited the riverside market where vendors talked about the weather all week."


def _align(a: str, b: str):
    return align(a, tokenize(a), b, tokenize(b), AlignParams())


def test_copied_sentence_is_aligned_with_offsets_in_both_texts() -> None:
    source = f"{S1} {S2}"
    copy = f"{FILLER}\n\n{S2}"
    [passage] = _align(copy, source)
    assert copy[passage.a_start:passage.a_end] == S2
    assert source[passage.b_start:passage.b_end] == S2
    assert passage.similarity == 1.0


def test_changed_word_and_styles_do_not_break_a_passage() -> None:
    edited = S1.replace("severe", "serious").upper()
    [passage] = _align(edited, S1)
    assert (passage.a_start, passage.a_end) == (0, len(edited))
    assert 0.85 < passage.similarity < 1.0


def test_reordered_and_dropped_sentences_become_separate_passages() -> None:
    source = f"{S1} {S2} {S3}"
    copy = f"{S3} {FILLER} {S1}"
    passages = _align(copy, source)
    assert [copy[p.a_start:p.a_end] for p in passages] == [S3, S1]
    assert [source[p.b_start:p.b_end] for p in passages] == [S3, S1]


def test_unrelated_texts_share_nothing() -> None:
    assert _align(FILLER, f"{S1} {S2}") == []


def test_quote_regions_handle_styles_and_skip_scare_quotes() -> None:
    text = 'He said “we will not gamble with lives” and rated it "critical" today.\n"An unclosed quote runs on'
    regions = [text[s:e] for s, e in quote_regions(text)]
    assert regions == ["we will not gamble with lives", "An unclosed quote runs on"]


def test_passage_is_split_into_quote_and_narrative() -> None:
    quote = '"We will not gamble with people\'s lives when the beams have lost a third of their thickness," Ortiz said.'
    text = f"{S1} {quote}"
    a, b = tokenize(text), tokenize(text)
    [passage] = align(text, a, text, b, AlignParams())
    parts = split_by_quotes(passage, text, a, text, b, quote_regions(text), 8)
    assert [p.kind for p in parts] == ["narrative", "quote"]
    assert text[parts[0].a_start:parts[0].a_end] == S1
    assert text[parts[1].a_start:parts[1].a_end] == quote  # the attribution travels with its quote
