"""A stage that fails gives one coded line and exit 1; huge paragraphs reach the language model in pieces."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsift.cli import main
from newsift.language.parse import MAX_PARAGRAPH_CHARS, paragraph_spans, split_long_paragraphs, split_note
from newsift.model import Article, Report, Span
from newsift.pipeline import Pipeline, Resources, Stage
from newsift.stages import AttributionStage


class _Broken(Stage):
    name = "broken"

    def run(self, report: Report, resources: Resources) -> None:
        raise ValueError("bad value\nsecond line")


class _Fine(Stage):
    name = "fine"
    assigns = ("fine",)

    def run(self, report: Report, resources: Resources) -> None:
        report.sections["fine"] = {"ok": True}


def test_a_failed_stage_is_one_coded_line_and_the_others_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSIFT_DEBUG", raising=False)
    report = Pipeline([_Broken, _Fine])(Report(article=Article(text="The mayor said so.")))
    failed, fine = report.stages
    assert failed.status == "failed" and failed.reason == "[E526] stage 'broken' failed: ValueError: bad value second line"
    assert fine.status == "ran" and report.sections["fine"] == {"ok": True}


def test_check_exits_1_with_one_line_when_a_stage_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("NEWSIFT_DEBUG", raising=False)

    def explode(self: Stage, report: Report, resources: Resources) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(AttributionStage, "run", explode)
    path = tmp_path / "a.txt"
    path.write_text("The council voted on Tuesday, the mayor said.\n")
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "none.db"), "check", str(path), "--stages", "cleaning,language,attribution",
              "--format", "json"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 1
    assert err.strip().splitlines() == [f"newsift: {path}: [E526] stage 'attribution' failed: RuntimeError: boom"]


def test_huge_paragraphs_are_cut_into_pieces_the_model_takes() -> None:
    sentence = "The mayor said the bridge would close for repairs next week. "
    text = "Title line\n\n" + sentence * (3 * MAX_PARAGRAPH_CHARS // len(sentence)) + "\n\nA short last paragraph."
    spans = paragraph_spans(text)
    pieces = [s for s in spans if s.attrs.get("split")]
    assert len(pieces) >= 3 and all(s.end - s.start <= MAX_PARAGRAPH_CHARS for s in spans)
    assert all(text[s.start : s.end].endswith(".") for s in pieces)  # cut after a sentence end
    assert all(not text[s.start].isspace() and not text[s.end - 1].isspace() for s in spans)
    assert text[spans[-1].start : spans[-1].end] == "A short last paragraph."
    assert "parsed one by one" in (split_note(spans) or "")
    assert split_note(paragraph_spans("Short.\n\nText.")) is None


def test_a_paragraph_with_no_spaces_is_still_cut() -> None:
    text = "x" * (2 * MAX_PARAGRAPH_CHARS + 5)
    spans = split_long_paragraphs(text, [Span(0, len(text), "paragraph")])
    assert [(s.start, s.end) for s in spans] == [(0, MAX_PARAGRAPH_CHARS), (MAX_PARAGRAPH_CHARS, 2 * MAX_PARAGRAPH_CHARS),
                                                (2 * MAX_PARAGRAPH_CHARS, len(text))]


def test_a_paragraph_over_spacys_limit_is_parsed_with_a_note() -> None:
    import spacy

    from newsift.stages import LanguageStage

    nlp = spacy.blank("en")  # tokenizer and sentencizer only: fast, and it keeps spaCy's 1M max_length
    nlp.add_pipe("sentencizer")
    text = "Title\n\n" + "The mayor said the bridge would close. " * (1_100_000 // 39)
    assert len(text) > nlp.max_length
    resources = Resources()
    resources.put("nlp", nlp)
    report = Pipeline([LanguageStage], resources)(Report(article=Article(text=text)))
    assert [r.status for r in report.stages] == ["ran"], report.stages
    assert any("parsed one by one" in note for note in report.notes)
    assert all(0 <= s.start < s.end <= len(text) for s in report.spans("sentences"))
