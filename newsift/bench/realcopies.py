"""``newsift bench realcopies``: copy detection on a real corpus, scored against pairs read by hand.

BuzzFeed-Webis 2016 (1,6xx articles from 9 US outlets and the sites they
link to) is indexed into a scratch store (kept and reused: indexing is a
no-op for stored articles), then every stored article is traced. Each pair
of articles that share passages is one relation, seen from both sides:

* reported copy pairs (narrative shared on either side), quote-only pairs;
* consistency: pairs whose two sides disagree on the passages, on
  copy/quote, or on the direction (both "this copied from other");
* a stratified random sample of reported copy pairs, printed for reading;
* against the labelled file (ids and verdicts only, no text): precision of
  reported copy pairs on the random sample, recall on real narrative copies
  found independently (an exhaustive scan for pairs sharing rare 8-word
  runs outside quotations, each pair then read), and how many quotation-,
  tweet- or furniture-only pairs were reported as copies (should be none).
"""

from __future__ import annotations

import csv
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..datasets.buzzfeed_webis import buzzfeed_articles
from ..indexing import index_articles
from ..provenance.direction import OTHER_COPIED, THIS_COPIED, UNKNOWN
from ..provenance.trace import Match, TraceParams, trace_article
from ..store import Store

__all__ = ["run_realcopies", "read_labels", "describe", "Relation", "LABELS", "STRATA", "Label"]

LABELS = Path(__file__).with_name("labels") / "realcopies.tsv"
STRATA = ((20, 59), (60, 199), (200, 10**9))  # shared narrative words of a reported pair
NOT_COPY = ("quote", "tweet", "furniture")  # verdicts that must never be reported as a copy
_FLIP = {THIS_COPIED: OTHER_COPIED, OTHER_COPIED: THIS_COPIED, UNKNOWN: UNKNOWN}


@dataclass
class Side:
    is_copy: bool
    narrative: int
    quote: int
    direction: str
    confidence: float
    passages: list[tuple[int, int, int, int, str]]  # here start/end, there start/end, kind
    evidence: list[str]


@dataclass
class Relation:
    first: str
    second: str
    domains: tuple[str | None, str | None] = (None, None)
    sides: dict[str, Side] = field(default_factory=dict)

    @property
    def is_copy(self) -> bool:
        return any(s.is_copy for s in self.sides.values())

    @property
    def narrative(self) -> int:
        return max(s.narrative for s in self.sides.values())

    def consistent(self) -> bool:
        """Both sides present, the same passages, the same kinds and one direction."""
        a, b = self.sides.get(self.first), self.sides.get(self.second)
        if a is None or b is None:
            return False
        flipped = sorted((p[2], p[3], p[0], p[1], p[4]) for p in b.passages)
        return (a.is_copy == b.is_copy and sorted(a.passages) == flipped
                and a.direction == _FLIP[b.direction])


@dataclass
class Label:
    first: str
    second: str
    set: str  # found by: sample | scan | both
    verdict: str  # copy | quote | tweet | furniture | unrelated


def read_labels(path: Path) -> dict[tuple[str, str], Label]:
    """The labelled pairs (tab-separated: first id, second id, found_by, verdict; ``#`` comments)."""
    if not path.exists():
        return {}
    out = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader((ln for ln in fh if ln.strip() and not ln.startswith("#")), delimiter="\t"):
            a, b = sorted(row[:2])
            out[(a, b)] = Label(a, b, row[2], row[3])
    return out


def _side(match: Match) -> Side:
    return Side(match.is_copy, match.narrative_words, match.quote_words, match.direction.label,
                match.direction.confidence,
                [(p.a_start, p.a_end, p.b_start, p.b_end, p.kind) for p in match.passages],
                list(match.direction.evidence))


def collect(store: Store, params: TraceParams) -> tuple[dict[tuple[str, str], Relation], float, int]:
    """Every pair relation in the store (both sides), seconds spent tracing, and articles traced."""
    relations: dict[tuple[str, str], Relation] = {}
    started, traced = time.perf_counter(), 0
    for _, article in store.iter_articles():
        result = trace_article(store, article, params)
        traced += 1
        for match in result.matches:
            a, b = sorted((article.id, match.article.id))
            rel = relations.setdefault((a, b), Relation(a, b))
            rel.sides[article.id] = _side(match)
            doms = {article.id: article.domain, match.article.id: match.article.domain}
            rel.domains = (doms[a], doms[b])
    return relations, time.perf_counter() - started, traced


def stratified_sample(relations: dict[tuple[str, str], Relation], per_stratum: int,
                      seed: int) -> list[Relation]:
    rng = random.Random(seed)
    copies = sorted((r for r in relations.values() if r.is_copy), key=lambda r: (r.first, r.second))
    out = []
    for lo, hi in STRATA:
        band = [r for r in copies if lo <= r.narrative <= hi]
        out += rng.sample(band, min(per_stratum, len(band)))
    return out


def score(relations: dict[tuple[str, str], Relation], labels: dict[tuple[str, str], Label],
          sample: list[Relation]) -> dict[str, Any]:
    """Precision on the current random sample, recall on copies found by the independent scan, and
    the labelled quotation-, tweet- and furniture-only pairs reported as copies (should be none)."""
    reported = {k for k, r in relations.items() if r.is_copy}
    judged = [labels[(r.first, r.second)] for r in sample if (r.first, r.second) in labels]
    scanned = [lab for lab in labels.values() if lab.set in ("scan", "both") and lab.verdict == "copy"]
    real = [lab for lab in labels.values() if lab.verdict == "copy"]
    judged_reported = [lab for lab in labels.values() if (lab.first, lab.second) in reported]
    return {
        "sample_pairs": len(sample), "sample_labelled": len(judged),
        "precision": _share(sum(lab.verdict == "copy" for lab in judged), len(judged)),
        "precision_all_labelled_reported": _share(sum(lab.verdict == "copy" for lab in judged_reported),
                                                  len(judged_reported)),
        "recall_scan_copies": _share(sum((lab.first, lab.second) in reported for lab in scanned), len(scanned)),
        "scan_copies": len(scanned),
        "recall_all_labelled_copies": _share(sum((lab.first, lab.second) in reported for lab in real), len(real)),
        "labelled_copies": len(real),
        "missed": [f"{lab.first} {lab.second} ({lab.set})" for lab in real if (lab.first, lab.second) not in reported],
        "not_copy_reported": {v: sum(lab.verdict == v for lab in judged_reported) for v in NOT_COPY},
        "false_sources": [f"{lab.first} {lab.second} ({lab.verdict})" for lab in judged_reported
                          if lab.verdict != "copy"],
        "unlabelled_in_sample": [f"{r.first} {r.second}" for r in sample if (r.first, r.second) not in labels],
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def run_realcopies(data: Path, store_path: Path, labels: Path = LABELS, per_stratum: int = 15, seed: int = 12,
                   params: TraceParams = TraceParams()) -> dict[str, Any]:
    """Index the corpus (if not yet), trace every article, summarise, sample and score."""
    articles = list(buzzfeed_articles(data))
    if not articles:
        raise FileNotFoundError(str(data))
    with Store(store_path) as store:
        started = time.perf_counter()
        added = sum(1 for _, new in index_articles(store, articles) if new)
        index_s = time.perf_counter() - started
        relations, trace_s, traced = collect(store, params)
    pairs = list(relations.values())
    copies = [r for r in pairs if r.is_copy]
    summary = {
        "articles": len(articles), "indexed_now": added,
        "index_ms_per_article": round(1000 * index_s / added, 2) if added else None,
        "trace_ms_per_article": round(1000 * trace_s / max(1, traced), 2),
        "pairs": len(pairs), "copy_pairs": len(copies), "quote_only_pairs": len(pairs) - len(copies),
        "cross_outlet_copy_pairs": sum(1 for r in copies if r.domains[0] != r.domains[1]),
        "inconsistent_pairs": sum(1 for r in pairs if not r.consistent()),
        "both_sides_say_this_copied": sum(1 for r in copies if len(r.sides) == 2
                                          and all(s.direction == THIS_COPIED for s in r.sides.values())),
        "copy_pairs_with_direction": sum(1 for r in copies if any(s.direction != UNKNOWN for s in r.sides.values())),
    }
    sample = stratified_sample(relations, per_stratum, seed)
    summary.update(score(relations, read_labels(labels), sample))
    return {"summary": summary, "sample": sample, "relations": relations,
            "articles": {a.id: a for a in articles}}


def describe(rel: Relation, articles: dict[str, Any], label: Label | None, width: int = 240) -> list[str]:
    """A sampled pair for reading by hand: who, how much, which way, and its longest narrative passage."""
    a, b = articles.get(rel.first), articles.get(rel.second)
    side = rel.sides.get(rel.first) or next(iter(rel.sides.values()))
    lines = [f"{rel.first} ({rel.domains[0]}) ~ {rel.second} ({rel.domains[1]}): "
             f"{rel.narrative} narrative words, {side.quote} quote words; {rel.first}: {side.direction} "
             f"({side.confidence:.2f}); label: {label.verdict if label else '-'}"]
    narrative = [p for p in side.passages if p[4] == "narrative"]
    if narrative and a is not None and b is not None and rel.first in rel.sides:
        p = max(narrative, key=lambda p: p[1] - p[0])
        lines.append("  here : " + " ".join(a.text[p[0] : p[1]].split())[:width])
        lines.append("  there: " + " ".join(b.text[p[2] : p[3]].split())[:width])
    lines += [f"  - {why}" for why in side.evidence]
    return lines
