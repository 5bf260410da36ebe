import pytest

from newsift.model import Article, Report, Span


def test_span_checked_against_text():
    report = Report(Article(text="abc"))
    with pytest.raises(ValueError, match="E017"):
        report.add_spans("x", [Span(1, 5, "bad")])


def test_spans_serialise_with_their_text_and_nested_spans():
    text = "He said: \"[Comey] left.\""
    inner = Span(10, 17, "insertion")
    span = Span(9, 24, "direct", {"insertions": [inner], "speaker": "X"})
    out = span.to_dict(text)
    assert out["text"] == text[9:24]
    assert out["insertions"][0]["text"] == "[Comey]"
    assert out["speaker"] == "X"


def test_article_id_is_stable_hash_of_text():
    assert Article(text="same").id == Article(text="same").id
    assert Article(text="same").id != Article(text="other").id
    assert Article(text="x", id="given").id == "given"
