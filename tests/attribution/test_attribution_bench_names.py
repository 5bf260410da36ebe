"""``bench quotes``: how the gold speaker is named for the resolved-speaker measure, and the real-news sample.

The gold name comes from the gold Sources in text order, read independently of the resolver under test:
a name at the Source's head; for he/she the nearest person before it (a named Source or the named subject of
a clause, outside any gold content) whose gender, from the article's first names and honorifics, can agree;
for "the <noun>" the name the article gave that noun as a title; else no name (generic, not scored).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsift.attribution.parsed import ParsedText
from newsift.bench.quotes import GoldAttribution, gold_names, read_real_labels, score_real_quotes
from newsift.model import Article, Report, Span


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from newsift.language import load_nlp
    from newsift.settings import Options

    return load_nlp(Options().spacy_model)


def _gold(text: str, source: str, content: str, nth: int = 0) -> GoldAttribution:
    at = -1
    for _ in range(nth + 1):
        at = text.index(source, at + 1)
    c = text.index(content)
    return GoldAttribution([(c, c + len(content))], [], [(at, at + len(source))])


def _names(nlp, text: str, gold: list[GoldAttribution]) -> list[str | None]:  # type: ignore[no-untyped-def]
    return gold_names(gold, ParsedText([(0, nlp(text))]), text)


def test_a_pronoun_names_the_nearest_person_who_can_agree(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Hillary Clinton spoke first at the rally in Ohio. Donald Trump answered her an hour later. "
            "He said the debate was rigged. She said the rules were fair.")
    gold = [_gold(text, "He", "the debate was rigged"), _gold(text, "She", "the rules were fair")]
    assert _names(nlp, text, gold) == ["donald trump", "hillary clinton"]


def test_a_name_elsewhere_in_the_source_names_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A narrator in the Clinton ad says the economy is growing."
    assert _names(nlp, text, [_gold(text, "A narrator in the Clinton ad", "the economy is growing")]) == [None]


def test_a_description_names_whom_the_article_gave_its_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Attorney General Eric Schneiderman opened an inquiry on Monday. The attorney general said the charity "
            "was not registered. The campaign said the inquiry was political.")
    gold = [_gold(text, "The attorney general", "the charity was not registered"),
            _gold(text, "The campaign", "the inquiry was political")]
    assert _names(nlp, text, gold) == ["eric schneiderman", None]


class _Fixed:
    """An analyzer that returns the given quote spans for every article."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans

    def analyze(self, article: Article) -> Report:
        report = Report(article=article)
        report.add_spans("quotes", self.spans)
        return report


def test_real_news_precision_counts_labelled_unlabelled_and_gone(tmp_path: Path) -> None:
    labels_file = tmp_path / "labels.tsv"
    labels_file.write_text("# comment\narticle\tstart\tend\tverdict\nx:1\t0\t5\tspeech\nx:1\t10\t15\tnot\n"
                           "x:1\t20\t25\tspeech\n", encoding="utf-8")
    labels = read_real_labels(labels_file)
    spans = [Span(0, 5, "indirect", {"group": 0}), Span(10, 15, "mixed", {"group": 1}),
             Span(30, 35, "indirect", {"group": 2}), Span(40, 45, "direct", {"group": 3})]
    result = score_real_quotes([Article(text="x" * 50, id="x:1"), Article(text="y" * 9, id="y:2")], _Fixed(spans), labels)
    assert result["articles"] == 1 and result["precision"] == 0.5
    assert (result["unlabelled"], result["gone_speech"], result["gone_not"]) == (1, 1, 0)


def test_the_packaged_real_news_labels_are_ids_offsets_and_verdicts() -> None:
    labels = read_real_labels()
    assert len(labels) >= 12
    assert {v for per in labels.values() for v in per.values()} <= {"speech", "not"}
