"""``newsift bench quotes``: brat reading, matching at an overlap, annotator averaging, the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsift.bench.quotes import (GoldAttribution, PredAttribution, human_agreement, read_polnear, score_article,
                                  summarize)
from newsift.cli import main

TEXT = 'Intro line.\n\n"We will win," Smith said. Jones said the plan would fail.\n'
ANN = (
    "T1\tContent 14 26\tWe will win,\n"
    "T2\tCue 34 38\tsaid\n"
    "T3\tSource 28 33\tSmith\n"
    "T4\tAttribution 34 38\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\n"
    "T5\tSource 40 45\tJones\n"
    "T6\tCue 46 50\tsaid\n"
    "T7\tContent 51 70\tthe plan would fail\n"
    "T8\tAttribution 46 50\tsaid\n"
    "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n"
)


def _folder(tmp_path: Path, anns: dict[str, str]) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    for suffix, ann in anns.items():
        (tmp_path / "attributions" / f"doc_{suffix}.ann").write_text(ann, encoding="utf-8")
    return tmp_path


def test_brat_attributions_are_read_with_kind(tmp_path: Path) -> None:
    [(name, text, annotators)] = read_polnear(_folder(tmp_path, {"a1": ANN}))
    gold = annotators[0]
    assert name == "doc" and len(gold) == 2
    assert [g.direct for g in gold] == [True, False]
    assert text[gold[0].source[0][0] : gold[0].source[0][1]] == "Smith"


def test_human_agreement_scores_each_annotator_against_the_others(tmp_path: Path) -> None:
    # the second annotator leaves out Jones's reported speech: 2 matches in 3 attributions each way (pooled)
    second = ANN.split("T5")[0]
    items = read_polnear(_folder(tmp_path, {"a1": ANN, "a2": second}))
    human = human_agreement(items)
    assert human is not None and human["texts"] == 1
    assert human["all"]["@0.3"]["p"] == pytest.approx(2 / 3, abs=1e-3) == human["all"]["@0.3"]["r"]
    assert human["direct"]["@0.8"]["f1"] == 1.0 and human["all"]["speaker_acc"] == 1.0
    assert human_agreement(items[:0]) is None


def test_matching_needs_the_overlap_share_of_gold_characters() -> None:
    gold = [GoldAttribution([(0, 100)], [(100, 104)], [(105, 110)])]
    half = [PredAttribution([(0, 50)], [(100, 104)], [(105, 110)], False)]
    result = summarize(score_article(gold, half))
    assert result["all"]["@0.3"]["f1"] == 1.0
    assert result["all"]["@0.8"]["f1"] == 0.0
    assert result["all"]["speaker_acc"] == 1.0 and result["all"]["cue_acc"] == 1.0


def test_one_prediction_matches_one_gold_only() -> None:
    gold = [GoldAttribution([(0, 10)]), GoldAttribution([(10, 20)])]
    pred = [PredAttribution([(0, 20)], [], [], False)]
    result = summarize(score_article(gold, pred))
    assert result["all"]["@0.3"]["p"] == 1.0 and result["all"]["@0.3"]["r"] == 0.5


def test_cli_prints_a_table_and_json_last(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = "T1\tContent 0 5\tIntro\nE1\tAttribution:T1 Content:T1\n"
    folder = _folder(tmp_path, {"a1": ANN, "a2": empty})
    with pytest.raises(SystemExit) as done:
        main(["bench", "quotes", "--data", str(folder)])
    assert done.value.code == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[1].split()[:3] == ["kind", "gold", "P@0.3"]
    result = json.loads(lines[-1])
    assert result["texts"] == 1 and result["annotations"] == 2
    # two annotators averaged: 2 and 1 gold attributions
    assert result["all"]["gold"] == 1.5
    assert result["direct"]["@0.3"]["r"] == 1.0 and result["indirect"]["@0.3"]["r"] == 0.5  # a2 gold "Intro" is missed
    assert result["all"]["speaker_acc"] == 1.0
    # both predictions are speech: the quotes layer holds them, the attributions layer nothing
    assert result["layers"]["quotes"]["all"]["@0.3"] == result["all"]["@0.3"]
    assert result["layers"]["attributions"]["all"]["@0.3"]["r"] == 0.0
    assert result["layers"]["speech"]["all"]["gold"] == 1.0  # a2's "Intro" has no cue: not speech
    assert result["speaker_names"]["accuracy"] == 1.0 and result["speaker_names"]["named_gold"] == 1.0


def test_cli_refuses_a_folder_that_is_not_polnear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["bench", "quotes", "--data", str(tmp_path)])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "E100" in err and "Traceback" not in err


@pytest.mark.integration
def test_polnear_train_sample_keeps_its_floor() -> None:
    """A pinned floor on a few train texts (not dev): a fall below it needs a visible decision."""
    from newsift.analysis import Analyzer
    from newsift.bench.quotes import run_quotes_bench
    from newsift.settings import Options

    from shared_data import DATA, need

    folder = need(DATA / "attribution" / "polnear" / "train")
    result = run_quotes_bench(folder, Analyzer(Options(db="/nonexistent/none.db", stages=["language", "attribution"])), 12)
    assert result["all"]["@0.3"]["f1"] >= 0.65
    assert result["direct"]["@0.3"]["f1"] >= 0.8


def test_resolved_speaker_names_match_by_surname_or_words() -> None:
    from newsift.bench.quotes import same_speaker

    assert same_speaker("Vladimir Putin", "putin") and same_speaker("Clinton campaign", "clinton")
    assert same_speaker("Ministry of Defence", "ministry defence")
    assert not same_speaker("Hillary Clinton", "bernie sanders")
