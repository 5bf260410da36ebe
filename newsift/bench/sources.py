"""``newsift bench sources``: coverage, agreement between raters, and lookup speed.

Agreement is Spearman's rho between two raters' 0..1 values on the domains
both rate (pairs sharing fewer than ``MIN_PAIR`` domains, or with a
constant rater, are left out). Lin et al. 2023 compared six expert sets and
report that they "generally correlated highly with one another"; their
paper gives the exact figures, which are not bundled here.
"""

from __future__ import annotations

import random
import time
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

import numpy as np
from scipy.stats import spearmanr

from ..sources.rate import rate_domain
from ..store import Store

__all__ = ["run_sources_bench", "format_table", "PUBLISHED", "TARGETS"]

MIN_PAIR = 30
# pairs where one set is built from the other's labels: printed, but left out of the median
DEPENDENT = {frozenset(p) for p in [
    ("nela-gt-2018", "newsguard"), ("idiap-golden", "mbfc"), ("idiap-golden", "newsguard"),
    ("idiap-golden", "wikipedia-rsp"), ("idiap-golden", "nela-gt-2018"), ("baly2018", "mbfc"),
    ("baly2018", "idiap-golden"), ("idiap-golden", "idiap-linkgraph"), ("idiap-golden", "unreliable-list"),
]}
TARGETS = {"distinct_domains": 15000, "lookup_ms_p95": 1.0}
PUBLISHED = {
    "lin2023": "Lin et al. 2023 (PNAS Nexus): six expert sets 'generally correlated highly with one another'; "
               "pc1 'correlates well with other rating sets that have more limited coverage'",
    "baly2018": "Baly et al. 2018: predicting factuality of unlisted media from features, ~66% accuracy (3 classes)",
}


def _values(store: Store) -> dict[str, dict[str, float]]:
    by_rater: dict[str, dict[str, float]] = defaultdict(dict)
    for domain, rater, value in store.conn.execute(
        "SELECT domain, rater, value FROM source_ratings WHERE value IS NOT NULL"
    ):
        by_rater[rater][domain] = value
    return by_rater


def coverage(store: Store) -> dict[str, Any]:
    distinct, scored = store.conn.execute("SELECT COUNT(*), COUNT(score) FROM source_summary").fetchone()
    by_count = Counter(n for (n,) in store.conn.execute("SELECT n_raters FROM source_summary"))
    per_rater = dict(store.conn.execute("SELECT rater, COUNT(*) FROM source_ratings GROUP BY rater ORDER BY rater"))
    return {"distinct_domains": distinct, "with_score": scored,
            "by_number_of_raters": {str(k): by_count[k] for k in sorted(by_count)}, "per_rater": per_rater}


def agreement(store: Store) -> list[dict[str, Any]]:
    by_rater = _values(store)
    rows = []
    for a, b in combinations(sorted(by_rater), 2):
        shared = by_rater[a].keys() & by_rater[b].keys()
        if len(shared) < MIN_PAIR:
            continue
        x = np.array([by_rater[a][d] for d in shared])
        y = np.array([by_rater[b][d] for d in shared])
        if np.ptp(x) == 0 or np.ptp(y) == 0:
            continue
        rows.append({"a": a, "b": b, "shared": len(shared), "spearman": round(float(spearmanr(x, y).statistic), 3),
                     "independent": frozenset((a, b)) not in DEPENDENT})
    return rows


def lookup_speed(store: Store, n: int, seed: int = 13) -> dict[str, Any]:
    rated = [d for (d,) in store.conn.execute("SELECT domain FROM source_summary")]
    rng = random.Random(seed)
    sample = rng.sample(rated, min(n, len(rated))) + [f"unrated-{i}-example.com" for i in range(max(1, n // 4))]
    rate_domain(store, sample[0])  # warm up: the suffix list loads on first use
    timings = []
    for domain in sample:
        started = time.perf_counter()
        rate_domain(store, domain)
        timings.append((time.perf_counter() - started) * 1000)
    ms = np.array(timings)
    return {"lookups": len(sample), "mean_ms": round(float(ms.mean()), 3),
            "p50_ms": round(float(np.percentile(ms, 50)), 3), "p95_ms": round(float(np.percentile(ms, 95)), 3)}


def run_sources_bench(store: Store, lookups: int = 2000) -> dict[str, Any]:
    cover = coverage(store)
    pairs = agreement(store)
    speed = lookup_speed(store, lookups)
    rhos = [p["spearman"] for p in pairs if p["independent"]]
    with_lin = [p["spearman"] for p in pairs if "lin2023" in (p["a"], p["b"])]
    return {
        "bench": "sources",
        "coverage": cover,
        "agreement": pairs,
        "median_pairwise_spearman": round(float(np.median(rhos)), 3) if rhos else None,  # independent pairs
        "median_spearman_with_lin2023": round(float(np.median(with_lin)), 3) if with_lin else None,
        "lookup": speed,
        "published": PUBLISHED,
        "targets": TARGETS,
        "meets_targets": {
            "distinct_domains": cover["distinct_domains"] >= TARGETS["distinct_domains"],
            "lookup_ms_p95": speed["p95_ms"] < TARGETS["lookup_ms_p95"],
        },
    }


def format_table(result: dict[str, Any]) -> list[str]:
    cover, speed = result["coverage"], result["lookup"]
    lines = [f"distinct domains rated      {cover['distinct_domains']:,} (target >= {TARGETS['distinct_domains']:,})",
             f"  with a reliability score  {cover['with_score']:,}",
             "  by number of raters       " + ", ".join(f"{k}: {v:,}" for k, v in cover["by_number_of_raters"].items())]
    lines += [f"  {rater:<25} {n:>6,} domains" for rater, n in cover["per_rater"].items()]
    lines.append(f"\n{'rater A':<16} {'rater B':<16} {'shared':>7} {'spearman':>9}")
    for p in result["agreement"]:
        note = "" if p["independent"] else "  (not independent: one is built from the other's labels)"
        lines.append(f"{p['a']:<16} {p['b']:<16} {p['shared']:>7,} {p['spearman']:>9.3f}{note}")
    lines.append(f"median spearman, independent pairs   {result['median_pairwise_spearman']}")
    lines.append(f"median spearman with lin2023 pc1     {result['median_spearman_with_lin2023']}")
    lines += [f"published ({k}): {v}" for k, v in result["published"].items()]
    lines.append(f"\nlookup: {speed['lookups']:,} lookups, mean {speed['mean_ms']} ms, p50 {speed['p50_ms']} ms, "
                 f"p95 {speed['p95_ms']} ms (target < {TARGETS['lookup_ms_p95']} ms)")
    return lines
