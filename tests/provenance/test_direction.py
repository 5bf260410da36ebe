"""Direction of a copy: dates, credits, editorial insertions."""

from newsift.model import Article
from newsift.provenance.alignment import Passage
from newsift.provenance.direction import OTHER_COPIED, THIS_COPIED, UNKNOWN, credits, decide_direction

TEXT = "The bridge was closed on Monday after inspectors found corrosion in two beams of the span."


def _passage(text: str) -> list[Passage]:
    return [Passage(0, len(text), 0, len(TEXT), 1.0, 16)]


def test_later_publication_copied_from_earlier() -> None:
    this = Article(TEXT, id="b", published="2026-03-02T15:30:00+00:00")
    other = Article(TEXT, id="a", published="2026-03-02T09:00:00+00:00")
    assert decide_direction(this, other, _passage(TEXT), len(TEXT), len(TEXT)).label == THIS_COPIED
    assert decide_direction(other, this, _passage(TEXT), len(TEXT), len(TEXT)).label == OTHER_COPIED


def test_same_day_bare_dates_and_nothing_else_is_unknown() -> None:
    this = Article(TEXT, id="b", published="2026-03-02")
    other = Article(TEXT, id="a", published="2026-03-02")
    result = decide_direction(this, other, _passage(TEXT), len(TEXT), len(TEXT))
    assert result.label == UNKNOWN and result.confidence == 0.0


def test_explicit_credit_names_the_source() -> None:
    text = TEXT + "\nPolitico reported the closure first."
    this = Article(text, id="b", domain="smallsite.example")
    other = Article(TEXT, id="a", domain="politico.com")
    assert credits(this, other) == "Politico reported the closure first."
    result = decide_direction(this, other, _passage(TEXT), len(text), len(TEXT))
    assert result.label == THIS_COPIED
    assert any("credits" in why for why in result.evidence)


def test_bracketed_insertion_marks_the_editor_copy() -> None:
    text = "It [the bridge] was built in 1958 for a town half our size, the mayor said."
    source = "This bridge was built in 1958 for a town half our size, the mayor said."
    this, other = Article(text, id="b"), Article(source, id="a")
    passages = [Passage(text.index("bridge"), len(text), source.index("bridge"), len(source), 0.95, 12)]
    result = decide_direction(this, other, passages, len(text), len(source))
    assert result.label == THIS_COPIED
    assert any("[the bridge]" in why for why in result.evidence)
