"""The seed article: every direct quote is Putin's, insertions sit under their quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsift.model import Report, Span

from attribution_helpers import attribution_analyzer  # noqa: F401 - fixtures
from newsift.readers import read_path

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def seed(seed_path: Path, attribution_analyzer) -> Report:  # type: ignore[no-untyped-def]
    return attribution_analyzer.analyze(next(read_path(str(seed_path))))


def _quote_containing(report: Report, words: str) -> Span:
    found = [q for q in report.spans("quotes") if words in report.text[q.start : q.end]]
    assert found, f"no quote contains {words!r}"
    return found[0]


def _mark_texts(report: Report, quote: Span) -> list[str]:
    return [report.text[m.start : m.end] for m in quote.attrs["insertions"]]


def _cue(report: Report, quote: Span) -> str:
    cue = quote.attrs["cue"]
    return report.text[cue.start : cue.end] if cue else ""


DIRECT_OPENINGS = [
    "If Comey will be under the threat",
    "[Comey] suddenly said he recorded",
    "the difference between him and Mr [Edward] Snowden",
    "At any rate, if this entails",
    "The first thing that got",
    "Well, thank God",
    "It sounds very strange when",
    "[McCabe] said there was Russian interference",
    "Take a globe, spin it",
    "I know it from my conversations",
    "The Russophobia currently evolving",
]


@pytest.mark.parametrize("opening", DIRECT_OPENINGS)
def test_every_direct_quote_is_found_and_is_putins(seed: Report, opening: str) -> None:
    quote = _quote_containing(seed, opening)
    assert quote.label == "direct"
    assert quote.attrs["speaker"] == "Vladimir Putin"


def test_pronoun_cues_are_resolved_to_putin(seed: Report) -> None:
    assert _cue(seed, _quote_containing(seed, "At any rate")) == "added"
    assert _cue(seed, _quote_containing(seed, "The first thing that got")) == "said"
    told = _quote_containing(seed, "Take a globe")
    assert _cue(seed, told) == "told"
    assert seed.text[told.attrs["speaker_mention"].start : told.attrs["speaker_mention"].end] == "he"


def test_quote_over_the_paragraph_break_is_one_span(seed: Report) -> None:
    quote = _quote_containing(seed, "I know it from my conversations")
    text = seed.text[quote.start : quote.end]
    assert "\n\n" in text and text.rstrip().endswith("spoil relations with the Americans.")
    assert quote.attrs["group"] == _quote_containing(seed, "Take a globe").attrs["group"]


def test_insertions_are_listed_under_their_quotes(seed: Report) -> None:
    assert _mark_texts(seed, _quote_containing(seed, "suddenly said he recorded")) == ["[Comey]"]
    assert _mark_texts(seed, _quote_containing(seed, "At any rate")) == ["[Comey]"]
    assert _mark_texts(seed, _quote_containing(seed, "Mr [Edward] Snowden")) == ["[Edward]"]
    assert _mark_texts(seed, _quote_containing(seed, "Russian meddling in the electoral process")) == ["[in the US]"]
    assert _mark_texts(seed, _quote_containing(seed, "gave no evidence")) == ["[McCabe]"]
    every = [m for q in seed.spans("quotes") for m in q.attrs["insertions"] if m.label == "insertion"]
    assert sorted(seed.text[m.start : m.end] for m in every) == sorted(
        ["[Comey]", "[Comey]", "[Edward]", "[in the US]", "[McCabe]"])


def test_reported_speech_is_indirect_and_putins(seed: Report) -> None:
    influence = _quote_containing(seed, "influence on American’s minds was no greater")
    assert influence.label == "indirect" and influence.attrs["speaker"] == "Vladimir Putin"
    enemy = _quote_containing(seed, "Russia does not see the US as an enemy")
    assert enemy.label == "indirect" and enemy.attrs["speaker"] == "Vladimir Putin"


def test_speakers_section_and_quoted_anatomy(seed: Report) -> None:
    from newsift.anatomy import anatomy

    top = seed.sections["speakers"][0]
    assert top["name"] == "Vladimir Putin" and top["share"] > 0.9
    # only people and organisations that speak in it: "Moscow believes …" is a belief, not a quote
    assert [row["name"] for row in seed.sections["speakers"]] == ["Vladimir Putin"]
    assert 0.3 < anatomy(seed)["shares"]["quoted"] < 0.7


def test_quotes_are_speech_and_the_rest_are_wider_attributions(seed: Report) -> None:
    quotes, others = seed.spans("quotes"), seed.spans("attributions")
    assert sum(1 for q in quotes if q.label == "direct") >= 11
    assert {q.attrs["cue_kind"] for q in quotes} <= {"speech", "according_to"}
    assert all(q.attrs["speaker_status"] == "resolved" for q in quotes)
    moscow = next(a for a in others if "return to normal" in seed.text[a.start : a.end])
    assert moscow.attrs["cue_kind"] == "belief"


def test_furniture_and_titles_hold_no_quotes(seed: Report) -> None:
    furniture = [s for s in seed.spans("cleaning") if s.label in ("title", "repeated_title", "boilerplate")]
    for quote in seed.spans("quotes"):
        assert not any(f.start <= quote.start < f.end for f in furniture)
