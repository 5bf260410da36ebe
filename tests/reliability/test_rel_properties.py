"""Property-based tests: readers never fail but with a coded InputError; spans always fit their text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsift.errors import InputError
from newsift.model import Article, Report
from newsift.pipeline import Pipeline
from newsift.readers import ReadProblem, read_bytes
from newsift.readers.decoding import decode
from newsift.stages import CleaningStage

pytestmark = pytest.mark.filterwarnings("ignore::newsift.readers.decoding.ReadWarning")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = (".txt", ".json", ".jsonl", ".csv")


@FAST
@given(data=st.binary(max_size=2000), kind=st.sampled_from(KINDS))
def test_any_bytes_give_articles_problems_or_one_coded_error(data: bytes, kind: str) -> None:
    try:
        items = list(read_bytes(data, "in" + kind, kind))
    except InputError as exc:
        assert str(exc).startswith("[E") and "\n" not in str(exc)
        return
    for item in items:
        if isinstance(item, ReadProblem):
            assert item.message.startswith("[E") and "\n" not in item.message
        else:
            assert isinstance(item, Article) and item.text.strip()
            item.text.encode("utf-8")  # no lone surrogate ever reaches an Article


@FAST
@given(st.text(min_size=1, max_size=500))
def test_valid_utf8_decodes_to_itself(text: str) -> None:
    try:
        decoded, notes = decode(text.encode("utf-8", "surrogatepass"), "t.txt")
    except InputError:
        return  # empty, whitespace, binary-looking control characters: refused with a code
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        assert decoded == text and notes == []


_LINE_SEPARATORS = st.sampled_from(["\u2028", "\u2029", "\u0085", "\r", "\x0b", "\x0c", "\x1c", " "])
_WORDS = st.text(alphabet=st.characters(categories=["Lu", "Ll", "Nd"]), min_size=1, max_size=12)


@FAST
@given(st.lists(st.lists(st.one_of(_WORDS, _LINE_SEPARATORS), min_size=1, max_size=12), min_size=1, max_size=8))
def test_jsonl_yields_one_article_per_line_whatever_the_strings_hold(records: list[list[str]]) -> None:
    texts = ["said " + "".join(parts) for parts in records]
    data = "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts).encode()
    items = list(read_bytes(data, "a.jsonl", ".jsonl"))
    assert len(items) == len(texts)
    assert all(isinstance(i, Article) for i in items)


_ARTICLE_LINES = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(categories=["Lu", "Ll", "Zs", "Po", "Pi", "Pf"]), min_size=1, max_size=80),
        st.sampled_from(["Share this:", "Start the Discussion:", "Like us on Facebook", "“We will,” he said.", ""]),
    ),
    min_size=1, max_size=15,
)


@FAST
@given(lines=_ARTICLE_LINES, title=st.one_of(st.none(), st.text(min_size=1, max_size=40)))
def test_every_span_fits_its_text_and_its_evidence_is_the_text(lines: list[str], title: str | None) -> None:
    text = "\n".join(lines)
    if not any(c.isalpha() for c in text):
        return
    report = Pipeline([CleaningStage])(Report(article=Article(text=text, title=title)))
    data = report.to_dict()
    assert data["article"]["text"] == text
    for name, spans in data["layers"].items():
        for span in spans:
            assert 0 <= span["start"] <= span["end"] <= len(text), (name, span)
            if "text" in span:
                assert span["text"] == text[span["start"] : span["end"]]
    for signal in data["signals"]:
        for span in signal.get("evidence", []):
            assert 0 <= span["start"] <= span["end"] <= len(text)


@pytest.fixture(scope="module")
def language_pipeline():  # type: ignore[no-untyped-def]
    import spacy

    from newsift.pipeline import Resources
    from newsift.stages import LanguageStage

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    resources = Resources()
    resources.put("nlp", nlp)
    return Pipeline([CleaningStage, LanguageStage], resources)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(lines=_ARTICLE_LINES)
def test_sentence_and_paragraph_spans_fit_the_text(language_pipeline, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join(lines)
    if not any(c.isalpha() for c in text):
        return
    report = language_pipeline(Report(article=Article(text=text)))
    for name in ("paragraphs", "sentences"):
        for span in report.spans(name):
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end].strip() == text[span.start : span.end] or name == "sentences"
