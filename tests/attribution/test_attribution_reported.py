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


def test_according_to_inside_another_cues_content_wins(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("Detours will send traffic over the Route 9 bridge, adding up to 20 minutes to "
                               "commutes, according to the city's traffic office.")
    assert [text_of(report, q.attrs["cue"]) for q in quotes] == ["according to"]
    assert quotes[0].attrs["speaker"] == "city's traffic office"


def test_raised_subject_belongs_to_the_content() -> None:
    import spacy

    from newsift.attribution import AttributionModel, ParsedText, extract_attributions
    from newsift.settings import Options

    text = "Indiana appears to be a break from the norm for the campaign."
    doc = spacy.load(Options().spacy_model)(text)
    model = AttributionModel.load()
    model.filter = None  # the rule, not the filter's verdict on it
    found = [a for a in extract_attributions(text, ParsedText([(0, doc)], model)) if a.cue_token.lemma_ == "appear"]
    parts = [[text[a:b] for a, b in att.parts] for att in found]
    assert parts == [["Indiana", "to be a break from the norm for the campaign"]]
    assert found[0].mention is None  # the writer's view: no one is the source


def test_asked_takes_its_if_clause(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("The senator asked workers if they planned to attend the caucuses.")
    assert [text_of(report, q.attrs["cue"]) for q in quotes] == ["asked"]
    assert text_of(report, quotes[0]) == "if they planned to attend the caucuses"
