"""The default model: loads without pickle, scores sensibly, round-trips, is fast."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from newsift.claims import DEFAULT_MODEL_PATH, ClaimModel, load_model
from newsift.datasets.ct24 import Example
from newsift.claims.features import CUE_NAMES, cue_features, find_numbers, normalise
from newsift.claims.training import fit_model
from newsift.errors import InputError

CLAIMS = [
    "Unemployment fell to 4.2 percent last year.",
    "The senator voted against the budget in 2015.",
    "Taxes on the middle class rose by $2,000 under this plan.",
    "America sponsors NGOs worldwide.",
    "He provided no proof of Russian meddling in the election.",
]
NOT_CLAIMS = [
    "Thank you very much, it is a pleasure to be here.",
    "I think we need to do better.",
    "What do you think about that?",
    "Good evening, everyone.",
    "Well, thank God, it's good enough.",
]


@pytest.fixture(scope="module")
def model() -> ClaimModel:
    return load_model()


def test_packaged_model_loads_with_the_installed_scikit_learn(model: ClaimModel) -> None:
    assert DEFAULT_MODEL_PATH.exists()
    assert DEFAULT_MODEL_PATH.stat().st_size < 5_000_000
    assert 0 < model.threshold < 1
    assert model.card["C"] > 0 and "selection_table" in model.card


def test_claims_score_above_pleasantries_and_opinions(model: ClaimModel) -> None:
    claims, others = model.scores(CLAIMS), model.scores(NOT_CLAIMS)
    assert ((0 <= claims) & (claims <= 1)).all()
    assert claims.min() > others.max()
    assert model.checkworthy(claims).sum() >= 4 and not model.checkworthy(others).any()


def test_scoring_is_over_1000_sentences_a_cpu_second(model: ClaimModel) -> None:
    texts = (CLAIMS + NOT_CLAIMS) * 200
    best = min(_cpu_timed(model, texts) for _ in range(3))
    assert len(texts) / best >= 1000


def _cpu_timed(model: ClaimModel, texts: list[str]) -> float:
    """CPU seconds of this process (one core's work), so other jobs on the machine do not count."""
    started = time.process_time()
    model.scores(texts)
    return time.process_time() - started


def test_save_and_load_give_the_same_scores(tmp_path: Path) -> None:
    examples = [Example(str(i), t, i % 10 < 5) for i, t in enumerate((CLAIMS + NOT_CLAIMS) * 4)]
    fitted = fit_model(examples, c=1.0, threshold=0.4)
    fitted.card = {"name": "tiny"}
    path = tmp_path / "tiny.npz"
    fitted.save(path)
    loaded = ClaimModel.load(path)
    texts = CLAIMS + NOT_CLAIMS + ["Something new with 12 numbers"]
    assert np.allclose(fitted.scores(texts), loaded.scores(texts), atol=1e-5)
    assert loaded.threshold == 0.4 and loaded.name == "tiny"


def test_loading_a_bad_file_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(InputError, match="E254"):
        ClaimModel.load(bad)
    with pytest.raises(InputError, match="E254"):
        ClaimModel.load(tmp_path / "absent.npz")


def test_cue_features_and_numbers() -> None:
    row = cue_features(["Taxes rose 12% in 2019, more than in France."]).toarray()[0]
    named = dict(zip(CUE_NAMES, row))
    assert named["has_number"] == 1 and named["year"] == 1 and named["compare"] > 0
    assert normalise("“$1.5 billion”") == '"$0.0 billion"'
    text = "It cost $4.5 million, 30 percent more."
    assert [text[a:b] for a, b in find_numbers(text)] == ["$4.5 million", "30 percent"]


@pytest.mark.parametrize("text, cue, value", [
    ("Prices rose and rose and fell, then grew.", "compare", 1.0),  # four compare words, capped at three
    ("Rates ROSE.", "compare", 1 / 3),  # any case
    ("The crossroads were closed.", "compare", 0.0),  # a word inside another is no cue
    ("We spent it, you and I.", "first_person", 1.0),
    ("Officials briefed reporters, according to the memo.", "reported", 1.0),  # a phrase
    ("He \u017faid so.", "reported", 1.0),  # long s: case-insensitive matching takes it for "s"
    ("\u0130f it rains, \u0131f it snows.", "hypothetical", 1.0),  # dotted and dotless capital and small i
    ("It happened in april.", "month", 0.0),  # month names are cased
    ("It happened in April.", "month", 1.0),
    ("A lot of people came.", "rhetoric_number", 1.0),
    ("One of 3 people came.", "rhetoric_number", 0.0),  # a figure: not rhetoric
    ("Taxs were unpaid.", "money", 1.0),
    ("It cost \u20ac5.", "money", 1.0),
    ("Thank you all.", "opinion", 1.0),
    ("In my view, no.", "opinion", 1.0),
    ("We've passed the bill.", "record", 1.0),
    ("Weve passed the bill.", "record", 0.0),
])
def test_word_cues_match_whole_words_in_any_case(text: str, cue: str, value: float) -> None:
    assert dict(zip(CUE_NAMES, cue_features([text]).toarray()[0]))[cue] == pytest.approx(value)


def test_auto_falls_back_to_tfidf_without_the_semantic_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsift.claims as claims
    import newsift.claims.model as model_module

    monkeypatch.setattr(claims, "semantic_available", lambda: False)
    assert claims.load_model("auto").name == "claims-tfidf-lr"
    monkeypatch.setattr(model_module, "semantic_available", lambda: False)
    if claims.SEMANTIC_MODEL_PATH.exists():
        with pytest.raises(InputError, match="E256.*pip install"):
            claims.load_model("semantic")
