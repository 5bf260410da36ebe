"""Attributions whose cue is outside the lexicon (cue kind ``other``), and the speaker rules of this round.

Sentences written for the purpose. An event-like cue that PolNeAR annotates
("saw major advances", "released the names") goes to the wider
``attributions`` layer as ``other``, below the confidence of speech, and
never to ``quotes`` or the speakers list; speakers: a second person with the
same surname keeps their own name, an indefinite description ("one pastor")
is someone new, and a body only described ("the company") is not named.
"""

from __future__ import annotations

from newsift.attribution.parsed import AttributionModel
from newsift.stages.attribution import AttributionStage

from attribution_helpers import attribution_analyzer, quotes_of  # noqa: F401 - fixtures


def test_an_event_like_cue_is_an_other_attribution_never_a_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("Clinton saw major advances in her polling numbers.")
    assert quotes == [] and report.sections["speakers"] == []
    [other] = report.spans("attributions")
    assert other.attrs["cue_kind"] == "other"
    assert report.text[other.start : other.end] == "major advances in her polling numbers"
    assert other.attrs["speaker"] == "Clinton"
    assert other.attrs["confidence"] < 0.96  # below any rule-found quote's
    lines = AttributionStage().render_text(report)
    assert "1 other attribution spans, not speech (other 1; layer 'attributions')" in lines
    assert not any("Clinton" in str(line) for line in lines)  # not in the speakers lines


def test_other_attributions_yield_to_lexicon_ones(quotes_of) -> None:  # type: ignore[no-untyped-def]
    # "said" holds the clause; "made a decision" inside it is no second attribution
    report, quotes = quotes_of("Putin said the Kremlin made a decision to expand the program.")
    assert [report.text[q.start : q.end] for q in quotes] == ["the Kremlin made a decision to expand the program"]
    assert report.spans("attributions") == []


def test_without_the_other_filter_there_are_no_other_attributions(attribution_analyzer) -> None:  # type: ignore[no-untyped-def]
    from newsift.attribution import ParsedText, extract_attributions

    text = "Clinton saw major advances in her polling numbers."
    docs = attribution_analyzer.analyze(text).scratch["docs"]
    model = AttributionModel.load()
    assert [a.cue_kind for a in extract_attributions(text, ParsedText(docs, model))] == ["other"]
    model.other_filter = None
    assert extract_attributions(text, ParsedText(docs, model)) == []


def test_a_second_person_with_the_surname_keeps_their_name(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("Sen. Chris Murphy spoke in Hartford on Monday. Anne Marie Murphy, a teacher, "
                               "died in the shooting.\n\n“We will not stop,” Murphy said.")
    assert [q.attrs["speaker"] for q in quotes] == ["Chris Murphy"]


def test_an_indefinite_description_is_someone_new(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("Pastor Joseph Brown said the church would open. One pastor said the caucus was close.")
    assert [q.attrs["speaker"] for q in quotes] == ["Joseph Brown", None]
    assert quotes[1].attrs["speaker_status"] == "unresolved"


def test_a_body_only_described_is_not_named(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("The company said it would appeal. The city council said the road would close.")
    assert [q.attrs["speaker"] for q in quotes] == [None, "city council"]


def test_a_described_body_is_the_organisation_that_spoke_last(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("There are four million fewer players than a decade ago, according to the National "
                               "Golf Foundation. Almost 650 courses have closed since 2006, the group says.")
    assert [q.attrs["speaker"] for q in quotes] == ["National Golf Foundation", "National Golf Foundation"]
    chain = [report.text[s.start : s.end] for s in quotes[1].attrs["speaker_chain"]]
    assert chain[0] == "the group" and chain[-1] == "the National Golf Foundation"
    report, quotes = quotes_of("The magazine said the winner had predicted the election.")
    assert [q.attrs["speaker"] for q in quotes] == [None]  # no organisation spoke before: not guessed


def test_training_examples_for_the_other_filter_are_other_candidates_only(attribution_analyzer) -> None:  # type: ignore[no-untyped-def]
    from newsift.attribution.training import filter_examples
    from newsift.datasets.polnear import GoldAttribution

    text = "Clinton saw major advances in her polling numbers. Putin said Russia is ready."
    docs = attribution_analyzer.analyze(text).scratch["docs"]
    start = text.index("major")
    gold = [GoldAttribution(content=[(start, start + len("major advances in her polling numbers"))])]
    model = AttributionModel.load()
    data = [("t", text, [gold], docs)]
    others = filter_examples(data, model.lexicon, model.filter)
    assert [(feats["kind=other"], hit) for feats, hit in others] == [(1.0, True)]
    reported = filter_examples(data, model.lexicon)
    assert reported and all("kind=other" not in feats for feats, _ in reported)
    assert [hit for _, hit in reported] == [False]  # "Russia is ready" is no gold content here
