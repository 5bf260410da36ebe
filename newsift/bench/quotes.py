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
"""

from __future__ import annotations

import itertools
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import Errors, InputError
from ..model import Article, Span

__all__ = ["GoldAttribution", "PredAttribution", "read_polnear", "predictions_from", "coverage", "score_article",
           "score_items", "summarize", "run_quotes_bench", "OVERLAPS"]

OVERLAPS = (0.3, 0.8)
_QUOTE_CHARS = re.compile("[\"“”]")
Fragments = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Fragments
    cue: Fragments = field(default_factory=list)
    source: Fragments = field(default_factory=list)
    direct: bool = False


@dataclass
class PredAttribution:
    content: Fragments
    cue: Fragments
    source: Fragments
    direct: bool


def _fragments(offsets: str) -> Fragments:
    out = []
    for part in offsets.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return out


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """Attributions of one brat file; a role may repeat (``Content2``) and is merged."""
    spans: dict[str, Fragments] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if cols[0].startswith("T") and len(cols) >= 2:
            label, _, offsets = cols[1].partition(" ")
            spans[cols[0]] = _fragments(offsets)
        elif cols[0].startswith("E") and len(cols) >= 2:
            events.append(cols[1].split())
    gold = []
    for args in events:
        roles: dict[str, Fragments] = defaultdict(list)
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            roles[role.rstrip("0123456789")].extend(spans.get(ref, []))
        if not roles.get("Content"):
            continue
        content = sorted(roles["Content"])
        direct = any(_QUOTE_CHARS.search(text[max(0, a - 1) : b + 1]) for a, b in content)
        gold.append(GoldAttribution(content, sorted(roles.get("Cue", [])), sorted(roles.get("Source", [])), direct))
    return gold


def read_polnear(folder: str | Path) -> list[tuple[str, str, list[list[GoldAttribution]]]]:
    """``(name, text, [gold per annotator])`` for every text with at least one ``.ann``."""
    root = Path(folder)
    if not (root / "text").is_dir() or not (root / "attributions").is_dir():
        raise InputError(Errors.E100.format(path=root))
    anns: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns[ann.stem.rsplit("_", 1)[0]].append(ann)
    out = []
    for txt in sorted((root / "text").glob("*.txt")):
        if txt.stem not in anns:
            continue
        text = txt.read_bytes().decode("utf-8")
        out.append((txt.stem, text, [read_ann(a, text) for a in anns[txt.stem]]))
    if not out:
        raise InputError(Errors.E101.format(path=root))
    return out


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
                                   [(mention.start, mention.end)] if mention else [], q.label == "direct")
            groups[key] = pred
        pred.content.append((q.start, q.end))
    return list(groups.values())


def coverage(gold: Fragments, pred: Fragments) -> float:
    total = sum(b - a for a, b in gold) or 1
    hit = sum(max(0, min(b, d) - max(a, c)) for a, b in gold for c, d in pred)
    return hit / total


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


def score_items(items: list[tuple[str, str, list[list[GoldAttribution]]]],
                predict: Callable[[str, str], list[Span]]) -> dict[str, Any]:
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


def human_agreement(items: list[tuple[str, str, list[list[GoldAttribution]]]]) -> dict[str, Any] | None:
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
    """Run ``analyzer`` (a pipeline ending with the attribution stage) over a PolNeAR-format folder."""
    items = read_polnear(folder)[: limit or None]
    stage_seconds = [0.0]

    def predict(name: str, text: str) -> list[Span]:
        report = analyzer.analyze(Article(text=text, id=name))
        stage_seconds[0] += sum(r.seconds for r in report.stages if r.name == "attribution")
        return report.spans("quotes")

    started = time.perf_counter()
    result = score_items(items, predict)
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["attribution_stage_ms_per_text"] = round(1000 * stage_seconds[0] / max(1, len(items)), 2)
    result["human"] = human_agreement(items)
    return result
