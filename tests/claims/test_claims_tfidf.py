"""The numpy TF-IDF transform matches scikit-learn's, so scoring can skip importing scikit-learn."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from newsift.claims import DEFAULT_MODEL_PATH, ClaimModel
from newsift.claims.features import CUE_NAMES, cue_rows, normalise
from newsift.claims.model import VECTORISERS
from newsift.claims.tfidf import Tfidf

SENTENCES = [
    "Unemployment fell to 4.2 percent last year.",
    "The senator voted against the budget in 2015.",
    "Taxes on the middle class rose by $2,000 under this plan!",
    "I think we need to do better.",
    "What do you think about that?",
    "Good evening, everyone.",
    "Well, thank God — it's good enough…",
    "Crime is up 30%, and 1 in 5 people say so.",
    "Müller sagte, die Steuern seien um 3,5 % gestiegen.",
    "La crise économique a touché 12 000 entreprises en 2009.",
    "«Это неправда», — сказал он в 2018 году.",
    "東京の人口は1400万人を超えた。",
    "Ελλάδα: το χρέος αυξήθηκε.",
    "It's the \"largest\" cut — ever; no?",
    "a b c d e",
    "I",
    "",
    "   ",
    "...!!!???",
    "x",
    "ab",
    "Tab\tseparated\twords and\nnew lines\r\nhere",
    "Double  spaces   between    words.",
    "UPPER lower MiXeD case CASE case",
    "the the the the the the the",
    "e-mail, e.g. U.S.A. and so-called 'quotes'",
    "under_score snake_case_words __dunder__",
    "#hashtag @mention http://example.com/path?q=1",
    "He provided no proof of Russian meddling in the election.",
    "Emoji 😀 and symbols © ® ™ ± ≠ ∞",
    "Numbers: 1, 22, 333, 4444, 55555, 3.14159, 1e10, 0x1F",
    "İstanbul and ß and ǅ title-case letters",
    "combining accents: cafe\u0301 na\u00efve",
    "America sponsors NGOs worldwide, says the report from 1999.",
    "Thank you very much, it is a pleasure to be here.",
    "Deficit, debt, spending, wages: all higher than in 2010 than ever before.",
]
FIT_ON = SENTENCES[:20] + ["the budget rose", "taxes fell", "the election was in 2016"] * 3


@pytest.mark.parametrize("name", sorted(VECTORISERS))
def test_transform_matches_scikit_learn(name: str) -> None:
    settings = {**VECTORISERS[name], "min_df": 1}  # min_df 1: a vocabulary with something in it
    fitted = TfidfVectorizer(**settings).fit(FIT_ON)
    ours = Tfidf.from_sklearn(fitted)
    expected = fitted.transform(SENTENCES).toarray()
    assert np.allclose(ours.transform(SENTENCES).toarray(), expected, rtol=1e-12, atol=1e-12)
    weights = np.linspace(-1.0, 1.0, len(ours.terms))
    assert np.allclose(ours.dot(SENTENCES, weights), expected @ weights)


@pytest.mark.parametrize("name", sorted(VECTORISERS))
def test_ngrams_match_the_scikit_learn_analyzer(name: str) -> None:
    analyze = TfidfVectorizer(**VECTORISERS[name]).build_analyzer()
    ours = Tfidf([], np.zeros(0), **VECTORISERS[name])
    for text in SENTENCES:
        assert sorted(ours.ngrams(text)) == sorted(analyze(text)), text


def test_packaged_model_scores_unchanged() -> None:
    """Scores equal those of scikit-learn vectorisers rebuilt from the stored vocabulary and IDF."""
    from scipy import sparse

    model = ClaimModel.load(DEFAULT_MODEL_PATH)
    normalised = [normalise(t) for t in SENTENCES]
    blocks = []
    for name, vec in model.vectorisers.items():
        reference = TfidfVectorizer(vocabulary={t: i for i, t in enumerate(vec.terms)},
                                    **{k: v for k, v in VECTORISERS[name].items() if k != "min_df"})
        reference.idf_ = vec.idf
        blocks.append(reference.transform(normalised))
    blocks.append(sparse.csr_matrix(cue_rows(SENTENCES)[:, [CUE_NAMES.index(c) for c in model.cues]]))
    if model.static is not None:  # the static sentence vectors: a mean of table rows, checked in test_claims_static
        blocks.append(sparse.csr_matrix(model.static.encode(SENTENCES) * model.static_weight))
    margin = sparse.hstack(blocks, format="csr") @ model.coef + model.intercept
    assert np.allclose(model.scores(SENTENCES), 1.0 / (1.0 + np.exp(-margin)), rtol=1e-10, atol=1e-12)
    assert np.allclose(model.margins(SENTENCES), model.features(SENTENCES) @ model.coef + model.intercept)


def test_unsupported_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        Tfidf(["a"], np.ones(1), analyzer="char")
    with pytest.raises(ValueError):
        Tfidf(["a"], np.ones(1), lowercase=False)


def test_scoring_imports_neither_scikit_learn_nor_scipy_stats() -> None:
    """Loading and scoring the default model stays off the heavy imports (the cold start of check)."""
    code = ("import sys; from newsift.claims import load_model; load_model().scores(['Taxes rose 5% in 2019.']);"
            "print(sorted(m for m in ('sklearn', 'scipy.stats', 'scipy.sparse') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
