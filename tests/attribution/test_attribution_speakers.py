"""Speaker resolution within one article: pronouns, surnames and titles to a canonical name."""

from __future__ import annotations

from newsift.stages.attribution import speakers_section
from newsift.model import Span

from attribution_helpers import attribution_analyzer, quotes_of  # noqa: F401 - fixtures

TEXT = (
    "Transport Minister Helen Carter said on Monday that the bridge would reopen in May.\n\n"
    "“We have found the cracks and we are fixing them right now,” she said.\n\n"
    "“The work is going faster than anyone expected,” Carter added.\n\n"
    "The minister said the cost had doubled since the spring."
)


def test_pronoun_surname_and_title_resolve_to_the_full_name(quotes_of) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(TEXT)
    assert len(quotes) == 4
    assert {q.attrs["speaker"] for q in quotes} == {"Helen Carter"}


def test_speakers_section_counts_quotes_and_shares(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of(TEXT)
    rows = report.sections["speakers"]
    assert rows[0]["name"] == "Helen Carter"
    assert rows[0]["quotes"] == list(range(len(quotes)))
    assert rows[0]["share"] == 1.0


def test_share_is_by_quoted_characters() -> None:
    quotes = [Span(0, 30, "direct", {"speaker": "A"}), Span(40, 50, "direct", {"speaker": "B"}),
              Span(60, 70, "direct", {"speaker": None})]
    rows = speakers_section(quotes)
    assert [(r["name"], r["quotes"], r["share"]) for r in rows] == [("A", [0], 0.6), ("B", [1], 0.2)]


def test_organisations_keep_their_own_name(quotes_of) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of("The World Health Organization said the outbreak was under control.")
    assert quotes and quotes[0].attrs["speaker"] == "World Health Organization"


def test_example_article_gives_each_quote_its_person(attribution_analyzer) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from newsift.readers import read_path

    path = Path(__file__).resolve().parents[2] / "examples" / "riverside-ledger-bridge-closure.json"
    report = attribution_analyzer.analyze(next(read_path(str(path))))
    names = [row["name"] for row in report.sections["speakers"]]
    # "Bell said" (spaCy tags Bell an organisation) still resolves to "Chief engineer Marcus Bell";
    # "…, according to the city's traffic office" is the office's
    assert names == ["Elena Ortiz", "Marcus Bell", "city's traffic office"]


def test_a_name_after_the_cue_speaks_when_the_parse_lost_the_subject(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = "“I am better at fixing engines than I am at writing reports,” said Tomas Ferreira, half joking."
    _, quotes = quotes_of(text)
    mention = quotes[0].attrs["speaker_mention"]
    assert text[mention.start : mention.end] == "Tomas Ferreira"


def test_a_second_cue_on_the_first_cues_clause_shares_its_speaker(quotes_of) -> None:  # type: ignore[no-untyped-def]
    text = ("At the rally, Suu Kyi said it was too early to congratulate winners but added, "
            "\"I think you all have an idea of the results.\"")
    _, quotes = quotes_of(text)
    added = next(q for q in quotes if text[q.attrs["cue"].start : q.attrs["cue"].end] == "added")
    mention = added.attrs["speaker_mention"]
    assert text[mention.start : mention.end] == "Suu Kyi"


def test_a_name_tagged_as_compound_of_a_noun_read_cue_is_its_subject(quotes_of) -> None:  # type: ignore[no-untyped-def]
    from newsift.attribution.reported import subject_of

    report, _ = quotes_of("Trump predicts that many of their supporters will switch to his side.")
    doc = report.scratch["docs"][0][1]
    cue = next(t for t in doc if t.lower_ == "predicts")
    assert cue.pos_ == "NOUN"  # the tagger's slip this rule repairs
    assert subject_of(cue).text == "Trump"
