"""Direct quotes: quote marks on the raw text, cues next to them, editorial marks inside."""

from __future__ import annotations

from newsift.attribution import editorial_marks, find_quote_marks

from newsift.model import Report, Span

from attribution_helpers import attribution_analyzer, quotes_of  # noqa: F401 - fixtures


def text_of(report: Report, span: Span | None) -> str | None:
    return None if span is None else report.text[span.start : span.end]


def test_curly_and_straight_quotes_are_found_without_their_marks() -> None:
    text = '“We are ready,” she said.\n\n"They are not," he said.'
    found = [text[q.start : q.end] for q in find_quote_marks(text)]
    assert found == ["We are ready,", "They are not,"]


def test_doubled_single_quotes_count_as_double_quotes() -> None:
    text = "''The voters are furious,'' said Mr. Gidley."
    assert [text[q.start : q.end] for q in find_quote_marks(text)] == ["The voters are furious,"]


def test_quote_running_over_a_paragraph_break_is_one_quote() -> None:
    text = "“I know it from my conversations.\n\nThey just don't want to spoil relations.” he said."
    marks = find_quote_marks(text)
    assert len(marks) == 1
    assert text[marks[0].start : marks[0].end].endswith("spoil relations.")


def test_reopened_paragraph_continues_the_same_quote_group() -> None:
    text = "“First paragraph goes on here\n\n“Second paragraph ends it,” she said."
    marks = find_quote_marks(text)
    assert len(marks) == 2 and marks[0].group == marks[1].group


def test_insertions_and_ellipses_are_marked() -> None:
    text = "what Mr [Edward] Snowden said … and more. . . end"
    marks = editorial_marks(text, 0, len(text))
    assert [(text[m.start : m.end], m.label) for m in marks] == [
        ("[Edward]", "insertion"), ("…", "ellipsis"), (". . .", "ellipsis")]


def test_cue_after_the_quote_gives_speaker_and_cue(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("“We will rebuild the bridge before winter,” Mayor Ana Ruiz said on Monday.")
    assert len(quotes) == 1
    q = quotes[0]
    assert q.label == "direct"
    assert text_of(report, q) == "We will rebuild the bridge before winter,"
    assert text_of(report, q.attrs["cue"]) == "said"
    assert text_of(report, q.attrs["speaker_mention"]) == "Mayor Ana Ruiz"
    assert q.attrs["speaker"] == "Ana Ruiz"


def test_cue_before_the_quote_with_a_colon(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("Senator Tom Hale told reporters: “The vote will happen next week, no matter what.”")
    assert [q.label for q in quotes] == ["direct"]
    assert text_of(report, quotes[0].attrs["cue"]) == "told"
    assert quotes[0].attrs["speaker"] == "Tom Hale"


def test_interrupted_quote_shares_its_cue(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("“We are ready for the storm,” Ruiz said. “The crews have worked all week.”")
    assert len(quotes) == 2
    assert quotes[0].attrs["group"] == quotes[1].attrs["group"]
    assert {q.attrs["speaker"] for q in quotes} == {"Ruiz"}


def test_short_scare_quote_without_cue_is_not_a_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of("The company called the plan a “success” in its annual filing last year.")
    assert all(q.label != "direct" for q in quotes)


def test_quote_paragraph_after_a_cued_quote_continues_it(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("“The bridge is safe for now,” engineer Maria Lopez said.\n\n"
            "“We will check it again every single week until the repairs are done.”")
    _, quotes = quotes_of(text)
    assert len(quotes) == 2
    assert quotes[0].attrs["group"] == quotes[1].attrs["group"]
    assert quotes[1].attrs["speaker"] == "Maria Lopez"


def test_floating_quote_paragraph_goes_to_the_last_speaker(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("“The bridge is safe for now,” engineer Maria Lopez said.\n\n"
            "The council met on Tuesday to discuss the budget.\n\n"
            "“We will check it again every single week until the repairs are done.”")
    _, quotes = quotes_of(text)
    floating = [q for q in quotes if q.label == "direct" and q.attrs["cue"] is None]
    assert len(floating) == 1
    assert floating[0].attrs["speaker"] == "Maria Lopez"
    assert floating[0].attrs["confidence"] < quotes[0].attrs["confidence"]


def test_short_quote_opening_its_sentence_with_a_cue_is_a_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of('"Elections matter," Kelly said. "Look at the records before you vote."')
    assert [q.label for q in quotes] == ["direct", "direct"]
    assert [text_of(report, q) for q in quotes] == ["Elections matter,", "Look at the records before you vote."]
    assert quotes[0].attrs["group"] == quotes[1].attrs["group"]


def test_phrase_quoted_mid_sentence_takes_no_cue_after_it(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of('Trump said that Romney "would have dropped to his knees" if Trump had asked him.')
    assert [q.label for q in quotes] == ["mixed"]
    assert text_of(report, quotes[0].attrs["cue"]) == "said"


def test_quote_continued_after_a_long_cue_clause_is_one_attribution(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("“His legend will live on,” Spencer said, as a few young fighters worked out inside the gym. "
            "“His stories will live on too.”")
    report, quotes = quotes_of(text)
    assert len({q.attrs["group"] for q in quotes}) == 1
    assert text_of(report, quotes[1]) == "His stories will live on too."


def test_writers_words_around_a_quote_belong_to_it(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ('"These super PACs have been setting the table for New Hampshire voters," in sharp contrast to '
            "previous elections when campaigns took on that function, says Dante Scala.")
    report, quotes = quotes_of(text)
    assert [q.label for q in quotes] == ["mixed"]
    assert text_of(report, quotes[0]).endswith("when campaigns took on that function")
    assert text_of(report, quotes[0].attrs["speaker_mention"]) == "Dante Scala"
