"""Speakers named as the text prints them: an embedded post's author from its signature, a name after a title."""

from __future__ import annotations

from attribution_helpers import attribution_analyzer, quotes_of  # noqa: F401 - fixtures

TEXT = ("The mayor's son weighed in on Tuesday night.\n\n"
        "Proud of our crews who replaced forty lead lines on Elm Street this week. "
        "pic.twitter.com/abc123\n— Ana Ruiz (@AnaRuizWater) March 3, 2026\n\n"
        "The council meets again on Friday.")


def test_a_tweet_with_its_signature_is_its_authors_direct_quote(quotes_of) -> None:  # type: ignore[no-untyped-def]
    report, quotes = quotes_of(TEXT)
    [post] = [q for q in quotes if q.attrs["cue_kind"] == "post"]
    assert report.text[post.start : post.end].startswith("Proud of our crews")
    assert report.text[post.start : post.end].endswith("pic.twitter.com/abc123")
    assert post.label == "direct" and post.attrs["speaker"] == "Ana Ruiz"
    assert report.text[post.attrs["speaker_mention"].start : post.attrs["speaker_mention"].end] == "Ana Ruiz"
    assert [row["name"] for row in report.sections["speakers"]] == ["Ana Ruiz"]


def test_the_same_words_without_a_signature_are_not_a_post(quotes_of) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(TEXT.replace("\n— Ana Ruiz (@AnaRuizWater) March 3, 2026", ""))
    assert not [q for q in quotes if q.attrs["cue_kind"] == "post"]


def test_a_pageant_title_before_a_name_is_not_part_of_it(quotes_of) -> None:  # type: ignore[no-untyped-def]
    _, [quote] = quotes_of("Former Miss Universe Alicia Machado said on Tuesday that the remarks had hurt her family.")
    assert quote.attrs["speaker"] == "Alicia Machado"
