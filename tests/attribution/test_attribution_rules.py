"""Sentences written for the purpose, one rule each: what is speech, who is the speaker, what is no one's.

Event verbs are not cues; beliefs, stances and documents go to the wider
``attributions`` layer; the writer's own voice is never a speaker; titles
ending in a full stop do not cut a quote; pronouns agree in gender and go
only to people (he/she) or organisations (it); statements speak for whoever
released them; a speaker that cannot be named stays unresolved.
"""

from __future__ import annotations

import pytest

from newsift.model import Report, Span

from attribution_helpers import attribution_analyzer, quotes_of  # noqa: F401 - fixtures


def _said(report: Report, span: Span) -> str:
    return report.text[span.start : span.end]


@pytest.mark.parametrize("text", [
    "The club added two signings on Friday.",
    "She posted a record time in the final.",
    "A witness called police after the crash.",
])
def test_event_verbs_are_no_attribution_at_all(quotes_of, text: str) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of(text)
    assert quotes == [] and report.spans("attributions") == []


@pytest.mark.parametrize("text, kind", [
    ("The mayor believes the bridge will reopen in May.", "belief"),
    ("The minister denied wrongdoing.", "stance"),
    ("The senator declined to comment.", "stance"),
    ("A poll released on Monday showed Clinton leading by four points.", "document"),
])
def test_beliefs_stances_and_documents_are_attributions_not_quotes(quotes_of, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of(text)
    assert quotes == []
    assert [a.attrs["cue_kind"] for a in report.spans("attributions")] == [kind]


@pytest.mark.parametrize("text", [
    "I thought I'd write about the election today.",
    "We're told the talks will resume next week.",
])
def test_the_writers_own_voice_is_never_a_quote_or_a_speaker(quotes_of, text: str) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of(text)
    assert quotes == []
    assert all(a.attrs["speaker"] is None and a.attrs["speaker_status"] == "unresolved"
               for a in report.spans("attributions"))


def test_reported_speech_carries_its_kind_status_and_chain(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, [quote] = quotes_of("Gov. Ana Ruiz said the state would appeal the ruling.")
    assert quote.label == "indirect" and _said(report, quote) == "the state would appeal the ruling"
    assert quote.attrs["cue_kind"] == "speech" and quote.attrs["speaker"] == "Ana Ruiz"
    assert quote.attrs["speaker_status"] == "resolved"
    assert [_said(report, m) for m in quote.attrs["speaker_chain"]] == ["Gov. Ana Ruiz", "Ana Ruiz"]
    assert 0 <= quote.attrs["confidence"] <= 1


def test_ranks_ending_in_a_full_stop_do_not_cut_a_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("“We held the line all night,” said Lt. Col. Maria Gomez, the battalion commander. "
            "“Nobody slept for two whole days.”")
    _, quotes = quotes_of(text)
    assert [q.label for q in quotes] == ["direct", "direct"]
    assert quotes[0].attrs["group"] == quotes[1].attrs["group"]
    assert {q.attrs["speaker"] for q in quotes} == {"Maria Gomez"}


@pytest.mark.parametrize("text, speaker", [
    ("Maria Lopez, the city engineer, inspected the bridge on Monday.\n\nShe said the beams had corroded.",
     "Maria Lopez"),
    ("Tom Baker met reporters outside the court.\n\nHe said the plan was dead.", "Tom Baker"),
    # "he" cannot be Hillary Clinton, the last person named
    ("Donald Trump spoke first. Hillary Clinton followed on stage.\n\n“We will win this state,” he said.",
     "Donald Trump"),
])
def test_pronouns_agree_in_gender(quotes_of, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of(text)
    assert [q.attrs["speaker"] for q in quotes] == [speaker]
    assert [_said(report, m) for m in quotes[0].attrs["speaker_chain"]][-1] == speaker


def test_a_pronoun_never_goes_to_a_group_or_a_loose_phrase(quotes_of) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of("Dozens of employees said the plant was unsafe. He said the company would respond.")
    assert [q.attrs["speaker"] for q in quotes] == [None, None]
    assert {q.attrs["speaker_status"] for q in quotes} == {"unresolved"}


def test_organisations_speak_and_it_refers_to_them(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of("The Ministry of Defence said the drill was routine. It added that no shots were fired.")
    assert [q.attrs["speaker"] for q in quotes] == ["Ministry of Defence"] * 2
    assert report.sections["speakers"] == [{"name": "Ministry of Defence", "quotes": [0, 1], "share": 1.0}]


@pytest.mark.parametrize("text, speaker", [
    ("A statement released by the Interior Ministry said the talks had failed.", "Interior Ministry"),
    ("A statement released by the ministry said the talks had failed.", "ministry"),
])
def test_a_statement_speaks_for_whoever_released_it(quotes_of, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    report, [quote] = quotes_of(text)
    assert quote.attrs["speaker"] == speaker
    assert _said(report, quote.attrs["speaker_chain"][0]) == "A statement"


def test_a_description_is_linked_to_the_name_it_followed(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = "Tom Heaton, the young goalkeeper, saved two penalties.\n\nThe young goalkeeper said the team deserved the win."
    _, [quote] = quotes_of(text)
    assert quote.attrs["speaker"] == "Tom Heaton"


def test_a_floating_quote_goes_to_the_subject_of_the_paragraph_before(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("“The bridge is safe for now,” engineer Tom Baker said.\n\nMaria Lopez chaired the meeting.\n\n"
            "“We will check the bridge every single week until the repairs are done.”")
    _, quotes = quotes_of(text)
    assert [q.attrs["speaker"] for q in quotes] == ["Tom Baker", "Maria Lopez"]
    assert quotes[1].attrs["cue"] is None and quotes[1].attrs["confidence"] < quotes[0].attrs["confidence"]


def test_generic_sources_stay_unresolved(quotes_of) -> None:  # type: ignore[no-untyped-def]
    _, [quote] = quotes_of("Officials said the road would reopen on Friday.")
    assert quote.attrs["speaker"] is None and quote.attrs["speaker_status"] == "unresolved"
    assert quote.attrs["speaker_chain"] == []
