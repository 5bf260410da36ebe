"""Attribution benchmark on PolNeAR-format data (``newsift bench quotes``).

A folder holds ``text/NAME.txt`` and brat standoff ``attributions/NAME_ANNOTATOR.ann``
(``Source``, ``Cue`` and ``Content`` text-bound spans, possibly discontinuous,
joined by ``Attribution`` events). A text with several ``.ann`` files is
scored against each annotator and the scores are averaged per text group.

Matching: a predicted attribution (the union of the quote spans that share a
cue) matches a gold ``Content`` when it covers at least ``overlap`` of the
gold characters; pairs are taken one-to-one, best coverage first. Speaker
accuracy: among matched pairs whose gold has a ``Source``, the predicted
speaker mention overlaps it. Cue accuracy: among matched pairs with a gold
``Cue``, the predicted cue overlaps it.

Scored four ways: the union of the ``quotes`` and ``attributions`` layers
against all gold (as before the two layers were split), each layer alone,
and the ``quotes`` layer against the gold attributions of speech (gold whose
cue holds a speech verb or noun of the cue lexicon, or "according to"; a
quotation with no cue). Resolved speaker: over quotes matched to speech gold
whose Source names someone (its person or organisation entity, or for
he/she/it and "the <noun>" the nearest named Source before it that can
agree), whether the quote's resolved ``speaker`` is that name (surname or
word overlap); unresolved counts as wrong, and the share resolved and the
accuracy when resolved are reported beside it.
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from ..attribution.cues import CUES, SPEECH_VERBS
from ..attribution.names import FEMALE_NAMES, MALE_NAMES
from ..attribution.parsed import ParsedText
from ..datasets.polnear import Fragments, GoldAttribution, PolnearItem, coverage, read_polnear
from ..model import Article, Span

SPEECH_NOUN_KINDS = {key for key, entry in CUES.items() if key[1] == "NOUN" and entry.kind == "speech"}

__all__ = ["GoldAttribution", "PredAttribution", "read_polnear", "predictions_from", "coverage", "score_article",
           "score_items", "summarize", "run_quotes_bench", "OVERLAPS"]

OVERLAPS = (0.3, 0.8)


@dataclass
class PredAttribution:
    content: Fragments
    cue: Fragments
    source: Fragments
    direct: bool
    speaker: str | None = None


def predictions_from(quotes: Iterable[Span]) -> list[PredAttribution]:
    """Group quote spans into attributions: parts sharing a cue are one attribution."""
    groups: dict[Any, PredAttribution] = {}
    for q in quotes:
        cue = q.attrs.get("cue")
        key = ("cue", cue.start, cue.end) if cue is not None else ("span", q.start, q.end)
        mention = q.attrs.get("speaker_mention")
        pred = groups.get(key)
        if pred is None:
            pred = PredAttribution([], [(cue.start, cue.end)] if cue else [],
                                   [(mention.start, mention.end)] if mention else [], q.label == "direct",
                                   q.attrs.get("speaker"))
            groups[key] = pred
        pred.content.append((q.start, q.end))
    return list(groups.values())


def _overlaps(a: Fragments, b: Fragments) -> bool:
    return any(x < w and v < y for x, y in a for v, w in b)


def _match(gold: list[GoldAttribution], pred: list[PredAttribution], overlap: float) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            cover = coverage(g.content, p.content)
            if cover >= overlap:
                pairs.append((cover, gi, pi))
    pairs.sort(key=lambda t: -t[0])
    used_g, used_p, matched = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            matched.append((gi, pi))
    return matched


def score_article(gold: list[GoldAttribution], pred: list[PredAttribution]) -> dict[str, float]:
    """Raw counts for one annotator's gold: per overlap and per kind (all/direct/indirect)."""
    counts: dict[str, float] = defaultdict(float)
    for overlap in OVERLAPS:
        matched = _match(gold, pred, overlap)
        for kind in ("all", "direct", "indirect"):
            keep_g = {i for i, g in enumerate(gold) if kind == "all" or g.direct == (kind == "direct")}
            keep_p = {i for i, p in enumerate(pred) if kind == "all" or p.direct == (kind == "direct")}
            tag = f"{kind}@{overlap}"
            counts[f"{tag}:gold"] += len(keep_g)
            counts[f"{tag}:pred"] += len(keep_p)
            # a match counts for a kind when the gold is of that kind (recall) or the prediction is (precision)
            counts[f"{tag}:tp_r"] += sum(1 for gi, _ in matched if gi in keep_g)
            counts[f"{tag}:tp_p"] += sum(1 for _, pi in matched if pi in keep_p)
            if overlap == OVERLAPS[0]:
                _speaker_cue_counts(counts, kind, gold, pred, matched, keep_g)
    return counts


def _speaker_cue_counts(counts: dict[str, float], kind: str, gold: list[GoldAttribution],
                        pred: list[PredAttribution], matched: list[tuple[int, int]], keep_g: set[int]) -> None:
    for gi, pi in matched:
        if gi not in keep_g:
            continue
        g, p = gold[gi], pred[pi]
        if g.source:
            counts[f"{kind}:speaker_n"] += 1
            counts[f"{kind}:speaker_ok"] += _overlaps(g.source, p.source)
        if g.cue:
            counts[f"{kind}:cue_n"] += 1
            counts[f"{kind}:cue_ok"] += _overlaps(g.cue, p.cue)


def _prf(tp_p: float, tp_r: float, n_pred: float, n_gold: float) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def summarize(counts: dict[str, float]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in ("all", "direct", "indirect"):
        entry: dict[str, Any] = {}
        for overlap in OVERLAPS:
            tag = f"{kind}@{overlap}"
            entry[f"@{overlap}"] = _prf(counts[f"{tag}:tp_p"], counts[f"{tag}:tp_r"],
                                         counts[f"{tag}:pred"], counts[f"{tag}:gold"])
        entry["gold"] = round(counts[f"{kind}@{OVERLAPS[0]}:gold"], 1)
        entry["speaker_acc"] = round(counts[f"{kind}:speaker_ok"] / counts[f"{kind}:speaker_n"], 4) \
            if counts[f"{kind}:speaker_n"] else None
        entry["cue_acc"] = round(counts[f"{kind}:cue_ok"] / counts[f"{kind}:cue_n"], 4) \
            if counts[f"{kind}:cue_n"] else None
        out[kind] = entry
    return out


def score_items(items: list[PolnearItem], predict: Callable[[str, str], list[Span]]) -> dict[str, Any]:
    """Score ``predict(name, text) -> quote spans`` against every annotator of every text.

    Per text, counts are averaged over its annotators, so a text annotated
    six times weighs as much as one annotated once.
    """
    totals: dict[str, float] = defaultdict(float)
    for name, text, annotators in items:
        pred = predictions_from(predict(name, text))
        for gold in annotators:
            for key, value in score_article(gold, pred).items():
                totals[key] += value / len(annotators)
    result = summarize(totals)
    result["texts"] = len(items)
    result["annotations"] = sum(len(a) for _, _, a in items)
    return result


def is_speech_gold(gold: GoldAttribution, parsed: ParsedText) -> bool:
    """A gold attribution of speech: its cue is a speech verb or noun of the lexicon, or "according to";
    a quotation with no cue annotated counts as speech too."""
    if not gold.cue:
        return gold.direct
    for a, b in gold.cue:
        for token in parsed.tokens_in(a, b):
            lemma = token.lemma_.lower()
            if token.lower_ == "according" or lemma in SPEECH_VERBS or (lemma, "NOUN") in SPEECH_NOUN_KINDS:
                return True
    return False


_NOT_NAME = frozenset("the a an mr mr. mrs mrs. ms ms. dr dr. 's ’s president sen. rep. gov. senator governor "
                      "representative former candidate nominee".split())
_PRONOUNS = frozenset("he she his her him it its they them their".split())


def _name_words(words: Iterable[str]) -> list[str]:
    out = [w.lower().strip(".,’'") for w in words if w.lower() not in _NOT_NAME and w[:1].isupper()]
    return [w[:-2] if w.endswith(("’s", "'s")) else w for w in out]


def gold_names(gold: list[GoldAttribution], parsed: ParsedText, text: str) -> list[str | None]:
    """The speaker's name for each gold attribution, from its Source: the capitalised words of the names in a
    named source ("Sen. Bernie Sanders" -> "bernie sanders"); for he/she, the nearest named person Source
    before it; for "it" or a singular definite description ("the senator", "the group"), the nearest named
    Source before it; None for a generic source ("officials", "the two voters", "they")."""
    named: list[tuple[int, str, bool]] = []  # (start, name, a person)
    for g in sorted(gold, key=lambda g: g.source[0][0] if g.source else -1):
        found = _source_name(g, parsed)
        if found is not None:
            named.append((g.source[0][0], *found))
    return [_gold_name(g, parsed, named) for g in gold]


def _source_name(g: GoldAttribution, parsed: ParsedText) -> tuple[str, bool] | None:
    """The name a Source holds: the person (else organisation) entity at or nearest its head ("Paradis, who
    volunteered for Bill Clinton" -> "paradis"), else a proper-noun head ("Politico")."""
    tokens = [t for a, b in g.source for t in parsed.tokens_in(a, b)]
    if not tokens:
        return None
    ids = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])
    for label in ("PERSON", "ORG"):
        ents = [e for e in head.doc.ents if e.label_ == label and e.start in ids]
        if ents:
            ent = min(ents, key=lambda e: (not e.start <= head.i < e.end, abs(e.root.i - head.i)))
            words = _name_words(t.text for t in ent)
            if words:
                return " ".join(words), label == "PERSON"
    if head.pos_ == "PROPN" and head.ent_type_ not in ("DATE", "TIME", "NORP", "GPE"):
        words = _name_words(t.text for t in tokens if t.pos_ == "PROPN" and (t.i == head.i or t.head.i == head.i))
        if words:
            return " ".join(words), False
    return None


def _gold_name(g: GoldAttribution, parsed: ParsedText, named: list[tuple[int, str, bool]]) -> str | None:
    if not g.source:
        return None
    start = g.source[0][0]
    own = [n for pos, n, _ in named if pos == start]
    if own:
        return own[0]
    tokens = [t for a, b in g.source for t in parsed.tokens_in(a, b)]
    first = tokens[0].lower_ if tokens else ""
    head = next((t for t in tokens if t.head.i == t.i or t.head not in tokens), tokens[-1]) if tokens else None
    before = [(n, person) for pos, n, person in named if pos < start]
    if first in ("he", "she", "him", "her", "his"):
        # the nearest named person the pronoun can agree with (by the first-name lists)
        other = FEMALE_NAMES if first in ("he", "him", "his") else MALE_NAMES
        people = [n for n, person in before if person and n.split()[0] not in other]
        return people[-1] if people else None
    if first == "it" or (first in ("the", "this") and head is not None and head.tag_ in ("NN", "NNP")):
        return before[-1][0] if before else None
    return None


def same_speaker(predicted: str, gold: str) -> bool:
    """Names agree when their last words do or one's words hold the other's: "Vladimir Putin" ~ "putin"."""
    p = _name_words(predicted.split()) or [predicted.lower()]
    g = gold.split()
    return p[-1] == g[-1] or set(p) <= set(g) or set(g) <= set(p)


def speaker_name_counts(gold: list[GoldAttribution], pred: list[PredAttribution], parsed: ParsedText,
                        text: str) -> dict[str, float]:
    """Resolved-speaker counts over matched pairs (overlap 0.3) whose gold speaker has a name."""
    counts: dict[str, float] = defaultdict(float)
    names = gold_names(gold, parsed, text)
    for gi, pi in _match(gold, pred, OVERLAPS[0]):
        name, said = names[gi], pred[pi].speaker
        if name is None:
            counts["generic_n"] += 1
            counts["generic_named"] += said is not None  # a name given where the gold source names no one
            continue
        counts["named_n"] += 1
        counts["named_resolved"] += said is not None
        counts["named_ok"] += said is not None and same_speaker(said, name)
    return counts


def human_agreement(items: list[PolnearItem]) -> dict[str, Any] | None:
    """The same measures, one annotator scored against another, over texts annotated more than once:
    the ceiling a system can be expected to reach (None when no text has two annotations)."""
    totals: dict[str, float] = defaultdict(float)
    shared = [annotators for _, _, annotators in items if len(annotators) > 1]
    for annotators in shared:
        pairs = list(itertools.permutations(range(len(annotators)), 2))
        for a, b in pairs:
            as_predicted = [PredAttribution(g.content, g.cue, g.source, g.direct) for g in annotators[a]]
            for key, value in score_article(annotators[b], as_predicted).items():
                totals[key] += value / len(pairs)
    if not shared:
        return None
    result = summarize(totals)
    result["texts"] = len(shared)
    return result


def run_quotes_bench(folder: str | Path, analyzer: Any, limit: int | None = None) -> dict[str, Any]:
    """Run ``analyzer`` (a pipeline ending with the attribution stage) over a PolNeAR-format folder: the
    union of both layers against all gold (as before the split), each layer alone, the quotes layer against
    the gold attributions of speech, and whether quotes name the right speaker."""
    items = read_polnear(folder)[: limit or None]
    totals: dict[str, dict[str, float]] = {k: defaultdict(float) for k in ("union", "quotes", "attributions", "speech")}
    names: dict[str, float] = defaultdict(float)
    stage_seconds = 0.0
    started = time.perf_counter()
    for name, text, annotators in items:
        report = analyzer.analyze(Article(text=text, id=name))
        stage_seconds += sum(r.seconds for r in report.stages if r.name == "attribution")
        quotes, others = report.spans("quotes"), report.spans("attributions")
        preds = {"union": predictions_from(quotes + others), "quotes": predictions_from(quotes),
                 "attributions": predictions_from(others)}
        parsed = ParsedText(report.scratch.get("docs", []))
        for gold in annotators:
            share = 1 / len(annotators)
            speech = [g for g in gold if is_speech_gold(g, parsed)]
            scored = [(k, gold, preds[k]) for k in ("union", "quotes", "attributions")] + [("speech", speech, preds["quotes"])]
            for key, g, p in scored:
                for count, value in score_article(g, p).items():
                    totals[key][count] += value * share
            for count, value in speaker_name_counts(speech, preds["quotes"], parsed, text).items():
                names[count] += value * share
    result = summarize(totals["union"])
    result["layers"] = {k: summarize(totals[k]) for k in ("quotes", "attributions", "speech")}
    result["speaker_names"] = _name_summary(names)
    result["texts"] = len(items)
    result["annotations"] = sum(len(a) for _, _, a in items)
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["attribution_stage_ms_per_text"] = round(1000 * stage_seconds / max(1, len(items)), 2)
    result["human"] = human_agreement(items)
    return result


def _name_summary(names: dict[str, float]) -> dict[str, Any]:
    def ratio(a: str, b: str) -> float | None:
        return round(names[a] / names[b], 4) if names[b] else None

    return {"named_gold": round(names["named_n"], 1), "accuracy": ratio("named_ok", "named_n"),
            "resolved": ratio("named_resolved", "named_n"), "precision": ratio("named_ok", "named_resolved"),
            "generic_gold": round(names["generic_n"], 1), "generic_named": ratio("generic_named", "generic_n")}
