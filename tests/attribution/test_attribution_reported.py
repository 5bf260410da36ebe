"""Indirect and mixed quotes found on the dependency parse."""

from __future__ import annotations

from newsift.model import Report, Span

from attribution_helpers import attribution_analyzer, quotes_of  # noqa: F401 - fixtures


def text_of(report: Report, span: Span | None) -> str | None:
    return None if span is None else report.text[span.start : span.end]


def test_said_with_a_clause_is_an_indirect_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("Governor Ellen Park said the state would pay for the new bridge.")
    assert [q.label for q in quotes] == ["indirect"]
    assert text_of(report, quotes[0]) == "the state would pay for the new bridge"
    assert text_of(report, quotes[0].attrs["cue"]) == "said"
    assert quotes[0].attrs["speaker"] == "Ellen Park"


def test_according_to_gives_the_source(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("The bridge will stay closed until March, according to the transport department.")
    assert len(quotes) == 1
    q = quotes[0]
    assert text_of(report, q.attrs["cue"]) == "according to"
    assert "transport department" in text_of(report, q.attrs["speaker_mention"])
    assert text_of(report, q).startswith("The bridge will stay closed")


def test_partial_quote_inside_reported_speech_is_mixed(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("The mayor said the repairs were “long overdue” and would start soon.")
    assert [q.label for q in quotes] == ["mixed"]
    assert "“long overdue”" in text_of(report, quotes[0])


def test_participle_cue_takes_the_subject_of_its_verb(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("Ruiz went on to state that the city had no other choice.")
    assert len(quotes) == 1
    assert text_of(report, quotes[0].attrs["speaker_mention"]) == "Ruiz"
    assert text_of(report, quotes[0]).startswith("that the city had no other choice")


def test_plain_narrative_has_no_quotes(quotes_of) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of("The bridge opened in 1962. Traffic grew every year after that.")
    assert quotes == []
