"""``newsift train quotes``: learn cue rates and the candidate filter from PolNeAR train.

Both are small text files under ``newsift/models/``: cue counts per lemma
(TSV) and logistic-regression weights (JSON). Which words are cues, and of
what kind, is the hand-audited ``attribution_cue_kinds.tsv``, not retrained
here. The filter thresholds (0.45) were chosen on train texts; dev was not used.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from spacy.tokens import Doc

from ..datasets.polnear import GoldAttribution, coverage, read_polnear
from ..language import paragraph_spans
from .extract import extract_attributions
from .filter import FILTER_PATH, OTHER_FILTER_PATH, CandidateFilter, fit_filter
from .lexicon import LEXICON_PATH, CueLexicon, count_cues, write_lexicon
from .parsed import AttributionModel, ParsedText

__all__ = ["train_attribution", "parse_polnear", "filter_examples", "MAIN_THRESHOLD", "OTHER_THRESHOLD"]

# chosen on PolNeAR train texts 2, 3 mod 4 with the filter fitted on 0, 1 mod 4 (0.4 and 0.5 lower union F1)
MAIN_THRESHOLD = 0.45
OTHER_THRESHOLD = 0.45  # chosen on PolNeAR train texts 2, 3 mod 4 (the shipped filter is fit on 0, 1 mod 4; 0.4 and 0.5 lower)

Parsed = tuple[str, str, list[list[GoldAttribution]], list[tuple[int, Doc]]]


def parse_polnear(folder: str | Path, nlp: Any) -> list[Parsed]:
    """``(name, text, gold per annotator, docs)``, parsed paragraph by paragraph as the language stage does."""
    out = []
    for name, text, annotators in read_polnear(folder):
        paragraphs = paragraph_spans(text)
        docs = list(nlp.pipe(text[p.start : p.end] for p in paragraphs))
        out.append((name, text, annotators, [(p.start, d) for p, d in zip(paragraphs, docs)]))
    return out


def filter_examples(data: Iterable[Parsed], lexicon: CueLexicon,
                    main: CandidateFilter | None = None) -> list[tuple[dict[str, float], bool]]:
    """Every reported-speech candidate with whether some annotator's content is 30 % covered by it; with
    ``main`` (the fitted filter), the candidates whose cue is outside the lexicon instead (cue kind 'other')."""
    other = main is not None
    model = AttributionModel(lexicon, main, CandidateFilter.keep_all() if other else None)
    out = []
    for _, text, annotators, docs in data:
        for att in extract_attributions(text, ParsedText(docs, model)):
            if att.features and ("kind=other" in att.features) == other:
                hit = any(coverage(g.content, att.parts) >= 0.3 for gold in annotators for g in gold)
                out.append((att.features, hit))
    return out


def train_attribution(folder: str | Path, nlp: Any, lexicon_path: Path = LEXICON_PATH,
                      filter_path: Path = FILTER_PATH, other_filter_path: Path | None = None) -> dict[str, Any]:
    data = parse_polnear(folder, nlp)
    counts = count_cues((text, docs, [f for gold in anns for att in gold for f in att.cue]) for _, text, anns, docs in data)
    write_lexicon(counts, lexicon_path, source=f"PolNeAR-format folder '{Path(folder).name}'")
    lexicon = CueLexicon.read(lexicon_path)
    examples = filter_examples(data, lexicon)
    model = fit_filter(examples, threshold=MAIN_THRESHOLD)
    filter_path.parent.mkdir(parents=True, exist_ok=True)
    filter_path.write_text(json.dumps(model.to_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    others = filter_examples(data, lexicon, model)
    other_model = fit_filter(others, threshold=OTHER_THRESHOLD)
    other_path = other_filter_path or filter_path.with_name(OTHER_FILTER_PATH.name)
    other_path.write_text(json.dumps(other_model.to_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return {"texts": len(data), "cue_lemmas": len(lexicon.counts), "candidates": len(examples),
            "positive": sum(1 for _, y in examples if y), "features": len(model.weights),
            "other_candidates": len(others), "other_positive": sum(1 for _, y in others if y),
            "written": [str(lexicon_path), str(filter_path), str(other_path)]}
