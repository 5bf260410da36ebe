"""Readers for idiap/News-Media-Reliability (Burdisso et al., NAACL 2024), Apache-2.0.

Seven files, each its own set: the golden-truth labels, MBFC, NELA-GT 2018
labels (NewsGuard, MBFC, AllSides…), the link-graph reliability scores,
Wikipedia's perennial sources, NewsGuard scores and a list of unreliable
sources.
"""

from __future__ import annotations

import json

from ._base import Rating, SourceSet, csv_rows, domain_key, to_float

__all__ = ["IDIAP_BASE"]

IDIAP_BASE = "https://raw.githubusercontent.com/idiap/News-Media-Reliability/c3f5025"
_CITE = "Burdisso et al., NAACL 2024 (idiap/News-Media-Reliability)"

_TRINARY = {1: ("reliable", 1.0), 0: ("mixed", 0.5), -1: ("unreliable", 0.0)}


def _golden(files: dict[str, bytes]) -> list[Rating]:
    out = []
    for row in csv_rows(files["idiap/golden_truth_dataset.csv"]):
        domain = domain_key(row["domain"])
        code = to_float(row["reliability_label"])
        if domain is None or code is None:
            continue
        label, value = _TRINARY.get(int(code), ("unknown (-2)", None))
        details: dict[str, str | float | None] = {"label_source": row.get("label_source") or None}
        if to_float(row.get("newsguard_score")) is not None:
            details["newsguard_score"] = to_float(row["newsguard_score"])
        out.append(Rating(domain, label, value, details=details))
    return out


_MBFC_FACT = {"very low": 0.0, "low": 0.25, "mixed": 0.5, "mostly factual": 0.625, "high": 0.75, "very high": 1.0}


def _mbfc(files: dict[str, bytes]) -> list[Rating]:
    out = []
    for row in csv_rows(files["idiap/mbfc.csv"]):
        domain = domain_key(row["source"])
        fact = (row.get("factual_reporting") or "").strip().lower()
        if domain is None or not fact:
            continue
        label = f"factual reporting: {fact}"
        if row.get("mbfc_credibility_rating"):
            label += f"; {row['mbfc_credibility_rating']}"
        details = {k: row[k] for k in ("country", "media_type", "press_freedom") if row.get(k)}
        out.append(Rating(domain, label, _MBFC_FACT.get(fact), bias=row.get("bias") or None, details=details))
    return out


_NELA = "idiap/labels_nela_gt_domain2018.csv"


def _nela(files: dict[str, bytes]) -> list[Rating]:
    out = []
    for row in csv_rows(files[_NELA]):
        domain = domain_key(row["domain"])
        if domain is None:
            continue
        score = to_float(row.get("NewsGuard, score"))
        parts = []
        if score is not None:
            parts.append(f"NewsGuard {score:g}/100")
        mbfc = row.get("Media Bias / Fact Check, label")
        if mbfc:
            parts.append(f"MBFC {mbfc}")
        allsides = row.get("Allsides, bias_rating")
        if allsides:
            parts.append(f"AllSides {allsides}")
        if not parts:
            continue
        value = score / 100 if score is not None else None
        out.append(Rating(domain, "; ".join(parts), value, bias=allsides or None, name=row.get("Source") or None))
    return out


_GRAPH = "idiap/reliability_scores.json"
_GRAPH_KEY = "p+fp-average"  # the authors recommend p-reliability or p+fp-average


def _link_graph(files: dict[str, bytes]) -> list[Rating]:
    out = []
    for host, scores in json.loads(files[_GRAPH]).items():
        domain = domain_key(host)
        score = to_float(scores.get(_GRAPH_KEY))
        if domain is None or score is None:
            continue
        out.append(Rating(domain, f"{_GRAPH_KEY} {score:+.2f}", (score + 1) / 2))
    return out


_PERENNIAL = {1: ("generally reliable", 1.0), 0: ("no consensus", 0.5), -1: ("generally unreliable", 0.0),
              -2: ("deprecated or blacklisted", 0.0)}


def _perennial(files: dict[str, bytes]) -> list[Rating]:
    data = json.loads(files["idiap/wikipedia_perennial_sources.json"])
    out = []
    for host, code in data.items():
        domain = domain_key(host)
        if domain is None or int(code) not in _PERENNIAL:
            continue
        label, value = _PERENNIAL[int(code)]
        out.append(Rating(domain, label, value))
    return out


def _newsguard(files: dict[str, bytes]) -> list[Rating]:
    out = []
    for row in csv_rows(files["idiap/newsguard.csv"]):
        domain = domain_key(row["domain"])
        score = to_float(row.get("reliability_score"))
        if domain is None or score is None:
            continue
        out.append(Rating(domain, f"{score:g}/100", score / 100))
    return out


def _unreliable(files: dict[str, bytes]) -> list[Rating]:
    lines = files["idiap/unreliable_news_sources.txt"].decode("utf-8-sig").splitlines()
    domains = {d for line in lines if line.strip() and not line.startswith("#") if (d := domain_key(line))}
    return [Rating(d, "listed as unreliable", 0.0) for d in sorted(domains)]


def _url(path: str) -> str:
    return f"{IDIAP_BASE}/{path}"


SETS: tuple[SourceSet, ...] = (
    SourceSet(
        "idiap-golden", "idiap golden truth (MBFC, NewsGuard, Wikipedia, manual)",
        "reliability_label 1 reliable, 0 mixed, -1 unreliable, -2 unknown",
        {"idiap/golden_truth_dataset.csv": _url("data/golden_truth/golden_truth_dataset.csv")}, _golden, _CITE),
    SourceSet(
        "mbfc", "Media Bias/Fact Check (as scraped by idiap)",
        "factual reporting very low, low, mixed, mostly factual, high, very high; bias left…right",
        {"idiap/mbfc.csv": _url("data/golden_truth/mbfc/mbfc.csv")}, _mbfc, _CITE),
    SourceSet(
        "nela-gt-2018", "NELA-GT 2018 source labels (NewsGuard, MBFC, AllSides)",
        "NewsGuard score 0-100; MBFC label; AllSides bias",
        {_NELA: _url("data/golden_truth/nela-gt/labels_nela_gt%2Bdomain%282018%29.csv")}, _nela,
        "Nørregaard, Horne & Adalı, ICWSM 2019"),
    SourceSet(
        "idiap-linkgraph", "link-graph reliability (Burdisso et al. 2024)",
        "p+fp-average in [-1, 1], estimated from hyperlinks between news sites",
        {_GRAPH: _url("CC-NEWS/ALL/08/graph/en/reliability_scores.json")}, _link_graph, _CITE),
    SourceSet(
        "wikipedia-rsp", "Wikipedia perennial sources",
        "1 generally reliable, 0 no consensus, -1 generally unreliable, -2 deprecated/blacklisted",
        {"idiap/wikipedia_perennial_sources.json":
         _url("data/golden_truth/wikipedia_perennial_sources/wikipedia_perennial_sources.json")}, _perennial, _CITE),
    SourceSet(
        "newsguard", "NewsGuard scores (85 public examples)", "score 0-100",
        {"idiap/newsguard.csv": _url("data/golden_truth/nela-gt/newsguard.csv")}, _newsguard, _CITE),
    SourceSet(
        "unreliable-list", "idiap list of unreliable news sources", "listed = unreliable",
        {"idiap/unreliable_news_sources.txt": _url("data/golden_truth/unreliable_news_sources.txt")}, _unreliable, _CITE),
)
