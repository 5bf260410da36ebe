"""Sentences written for the purpose, one rule each (issue #13 follow-up): where a quote's span begins and
ends, which quoted words are no quote, and who speaks.

Span rules: a clause of the content the parser hung on the cue stays in the content; a quote inside the
clause an earlier speech verb reports is that verb's (mixed); the writer's clause that runs into a quote, or a
parenthetical cue's clause before it, joins it; a short quote after its cue clause goes on with the quote
before, also past a quoted title; a quote right after reported speech goes on with it; titles are not quotes.
Not speech: a cue in a subordinate clause read as a parenthetical, a parenthetical with no subject, the
writer's question. Speakers: a passive cue's agent, the best-fitting title, no date as a speaker, an
attorney named beside his client, no hurricane as a person; documents are not speakers, and a thing that
"suggests" or "asks" is an inference, not speech.
"""

from __future__ import annotations

import pytest

from newsift.model import Report, Span

from attribution_helpers import attribution_analyzer, quotes_of  # noqa: F401 - fixtures


def _text(report: Report, span: Span | None) -> str | None:
    return None if span is None else report.text[span.start : span.end]


def _groups(quotes: list[Span]) -> dict[int, list[Span]]:
    out: dict[int, list[Span]] = {}
    for q in quotes:
        out.setdefault(q.attrs["group"], []).append(q)
    return out


def test_a_clause_the_parser_hung_on_the_cue_stays_in_the_content(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, [quote] = quotes_of("She said she considered how the story would play to readers, but she wanted to be realistic.")
    assert _text(report, quote).endswith("she wanted to be realistic")


def test_a_second_speech_cue_keeps_its_own_content(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("The mayor admitted that the plan had failed, but said it would return next year.")
    said = [q for q in quotes if _text(report, q.attrs["cue"]) == "said"]
    assert said and not any("return" in _text(report, q) for q in quotes if q not in said)  # type: ignore[operator]


def test_content_does_not_end_on_its_conjunction(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("The spokesman said the talks were going well, but Smith said they had stalled.")
    assert quotes and not any(_text(report, q).rstrip().endswith((" but", ",")) for q in quotes)  # type: ignore[union-attr]


def test_a_parenthetical_cue_joins_the_clause_before_it_to_the_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("The streets were deserted, he added, “but people need to connect somehow.”")
    assert [_text(report, q) for q in quotes] == ["The streets were deserted", "but people need to connect somehow."]
    assert {q.label for q in quotes} == {"mixed"} and len(_groups(quotes)) == 1


def test_a_quote_inside_reported_speech_is_the_earlier_verbs(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, [quote] = quotes_of("Trump said things “should be wrapped up by Cleveland,” referring to the convention in July.")
    assert quote.label == "mixed" and _text(report, quote.attrs["cue"]) == "said"
    assert _text(report, quote).startswith("things")


def test_the_writers_clause_running_into_a_quote_joins_it(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, [quote] = quotes_of("If the bill passes, “it will fill a very deep void in my life,” Ki Hong said.")
    assert quote.label == "mixed" and _text(report, quote).startswith("If the bill passes")


def test_a_phrase_before_a_quote_is_not_content(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, [quote] = quotes_of("On Monday, “we will not gamble with people's lives,” the mayor said.")
    assert quote.label == "direct" and _text(report, quote).startswith("we will")


def test_a_short_quote_after_its_cue_clause_goes_on_with_the_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("“There was carnage on the road,” the driver said. “Bodies everywhere.”")
    assert [_text(report, q) for q in quotes] == ["There was carnage on the road,", "Bodies everywhere."]
    assert len(_groups(quotes)) == 1


def test_a_quote_goes_on_past_a_quoted_title(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("“We are going to win this state,” Mrs. Clinton told a crowd after she took the stage to "
                               "“Eye of the Tiger.” “And we will unify our party to win this election.”")
    assert len(_groups(quotes)) == 1 and len(quotes) == 2
    assert not any("Tiger" in _text(report, q) for q in quotes)  # type: ignore[operator]


def test_words_carrying_a_quote_on_to_the_sentence_end_join_it(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, [quote] = quotes_of("De Blasio said, “I have not heard that particular concern” from the city's police officials.")
    assert quote.label == "mixed" and _text(report, quote).endswith("police officials")


def test_a_quote_right_after_reported_speech_goes_on_with_it(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("Senator Marco Rubio said Republicans must do more to reach Latino voters. "
                               "“Hispanics won't vote for someone just because they are Hispanic.”")
    assert len(_groups(quotes)) == 1 and {q.label for q in quotes} == {"mixed"}
    assert {q.attrs["speaker"] for q in quotes} == {"Marco Rubio"}


def test_a_quoted_title_is_no_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("In a video titled “A Message From Grandma and Grandpa: We Have Seen This Before,” a group "
                               "of elderly voters urged their grandchildren to vote.")
    assert not any("Grandma" in _text(report, q) for q in quotes)  # type: ignore[operator]


@pytest.mark.parametrize("text", [
    "This is the same race war that the right sees whenever people call attention to racism in our courts.",
    "Before he left he commanded (not suggested) his wife to send her niece home before midnight.",
    "Or did the lawyer persuade the officer to file the suit before the election?",
    "He has an axe to grind, and it does not help the officer (or did Klayman persuade Pennie to file the suit?).",
])
def test_no_speech_where_no_one_reports(quotes_of, text: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(text)
    assert quotes == []


def test_the_agent_of_a_passive_cue_is_the_source(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, [quote] = quotes_of("Governor Christie was ordered by a judge to produce his personal emails.")
    assert _text(report, quote.attrs["speaker_mention"]) == "a judge"
    assert "by a judge" not in _text(report, quote)  # type: ignore[operator]


def test_a_subject_read_as_the_cues_object_stays_in_the_clause(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, [quote] = quotes_of("Clinton promised her infrastructure program would be paid for through business tax reform.")
    assert _text(report, quote).startswith("her infrastructure program")


def test_a_description_goes_to_the_name_whose_title_fits_it_best(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of(
        "Democratic presidential nominee Hillary Clinton spoke in Ohio. Democratic vice presidential nominee Tim "
        "Kaine spoke in Virginia.\n\nThe Democratic presidential nominee said the race would be close.")
    assert [q.attrs["speaker"] for q in quotes] == ["Hillary Clinton"]


def test_a_date_after_the_cue_is_no_speaker(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, [quote] = quotes_of("“He's absolutely right about the generals,” Flynn, a top Trump surrogate, said Thursday "
                                "morning on Fox News.")
    assert quote.attrs["speaker"] == "Flynn"


def test_a_named_attorney_speaks_for_himself(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, [quote] = quotes_of("Kelly's attorney, Michael Critchley, called Wildstein a coward and said Kelly was a "
                                "sacrificial lamb.")
    assert quote.attrs["speaker"] == "Michael Critchley"
    assert not _text(report, quote.attrs["speaker_mention"]).endswith("and")  # type: ignore[union-attr]


def test_a_hurricane_is_no_person(quotes_of) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of("Hurricane Katrina flooded the town in 2005.\n\nHe told reporters that he had been sleeping "
                          "in his pickup truck.")
    assert quotes and quotes[0].attrs["speaker"] is None


def test_a_beauty_title_is_no_person(quotes_of) -> None:  # type: ignore[no-untyped-def]
    _, [quote] = quotes_of("Former Miss Universe said Trump called her names during the pageant.")
    assert quote.attrs["speaker"] is None


def test_a_lawsuit_is_a_document_not_a_speaker(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("The lawsuit states that the suspect acted alone and was not affiliated with any group.")
    assert quotes == [] and [a.attrs["cue_kind"] for a in report.spans("attributions")] == ["document"]


@pytest.mark.parametrize("text", [
    "Obama's decision suggests he is willing to take on the risk of a long fight in the Senate.",
    "This election will ask us to choose between two very different visions of the country.",
])
def test_a_thing_suggesting_is_no_speech(quotes_of, text: str) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of(text)
    assert quotes == [] and [a.attrs["cue_kind"] for a in report.spans("attributions")] == ["perception"]


def test_interview_transcripts_are_attributions(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, _ = quotes_of("Q: What advice do you give the kids in your situation?\n\nA: I tell them to keep studying "
                          "and never give up.\n\nQ: Do you think the law will pass this year?")
    labelled = [a for a in report.spans("attributions") if _text(report, a.attrs["cue"]) == ":"]
    assert [_text(report, a.attrs["speaker_mention"]) for a in labelled] == ["Q", "A", "Q"]
