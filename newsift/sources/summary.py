"""One summary per domain, rebuilt from every loaded set after each update.

The combining rule (see docs/sources.md):

* where Lin et al. 2023 rate the domain, the score is their ``pc1``
  (an aggregate of six expert sets, 0 lowest … 1 highest quality);
* elsewhere, each other rater's 0..1 value is mapped onto the pc1 scale by
  an isotonic regression fitted on the domains that rater shares with Lin
  et al. (at least ``MIN_SHARED``), and the score is the mean of the mapped
  values; a rater without such a fit is listed but not counted;
* with no Lin et al. set loaded at all, the raters' own 0..1 values are averaged;
* a set that repeats another rater's labels (``REPEATS``) counts only where that rater is absent.

``spread`` is the range (max − min) of the mapped values of the raters
that count, so a reader sees when raters disagree.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

import numpy as np

from ..domains import _EXTRACT
from ..store import Store
from .store import ensure_tables

__all__ = ["rebuild_summary", "ANCHOR", "MIN_SHARED", "name_key", "sld_of"]

ANCHOR = "lin2023"
MIN_SHARED = 30
# sets that repeat another rater's labels count only where that rater is absent (no double counting)
REPEATS = {"nela-gt-2018": ("newsguard",), "idiap-golden": ("mbfc", "newsguard", "wikipedia-rsp")}
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """A key that matches an outlet's name however it is written ("The Washington Post" → "washingtonpost")."""
    key = name.lower().strip()
    key = re.sub(r"^the\s+", "", key)
    return _NOT_ALNUM.sub("", key)


def sld_of(domain: str) -> str:
    """The name part of a domain without its public suffix (``bbc.co.uk`` → ``bbc``)."""
    return _EXTRACT(domain).domain or domain.split(".", 1)[0]


def _load(store: Store) -> dict[str, dict[str, tuple[float | None, str | None, str | None]]]:
    by_domain: dict[str, dict[str, tuple[float | None, str | None, str | None]]] = defaultdict(dict)
    for domain, rater, value, bias, name in store.conn.execute(
        "SELECT domain, rater, value, bias, name FROM source_ratings"
    ):
        by_domain[domain][rater] = (value, bias, name)
    return by_domain


def _fit(by_domain: dict[str, dict[str, tuple]]) -> dict[str, dict[str, Any]]:
    """Each rater's isotonic map onto the anchor's pc1, fitted on shared domains."""
    # imported here: only an update refits, and both cost ~0.7 s of import on every check
    from scipy.stats import spearmanr
    from sklearn.isotonic import IsotonicRegression

    pairs: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for ratings in by_domain.values():
        anchor = ratings.get(ANCHOR, (None,))[0]
        if anchor is None:
            continue
        for rater, (value, _, _) in ratings.items():
            if rater != ANCHOR and value is not None:
                pairs[rater].append((value, anchor))
    fits = {}
    for rater, xy in pairs.items():
        if len(xy) < MIN_SHARED:
            continue
        x, y = np.array(xy).T
        model = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(x, y)
        rho = spearmanr(x, y).statistic if np.ptp(x) > 0 else float("nan")
        fits[rater] = {"xs": model.X_thresholds_.tolist(), "ys": model.y_thresholds_.tolist(), "n": len(xy),
                       "spearman": None if np.isnan(rho) else round(float(rho), 3)}
    return fits


def _summarise(domain: str, ratings: dict[str, tuple], fits: dict[str, dict[str, Any]], anchored: bool) -> dict:
    mapped: dict[str, float] = {}
    for rater, (value, _, _) in ratings.items():
        if value is None or any(other in ratings for other in REPEATS.get(rater, ())):
            continue
        if rater == ANCHOR or not anchored:
            mapped[rater] = float(value)
        elif rater in fits:
            mapped[rater] = float(np.interp(value, fits[rater]["xs"], fits[rater]["ys"]))
    if ANCHOR in mapped:
        score, rule = mapped[ANCHOR], "Lin et al. 2023 pc1"
    elif mapped:
        score = sum(mapped.values()) / len(mapped)
        how = "mapped onto Lin et al. pc1 by isotonic fits" if anchored else "own 0..1 values (no Lin et al. set loaded)"
        rule = f"mean of {len(mapped)} rater(s), {how}"
    else:
        score, rule = None, "no rater gives a reliability judgement (only labels or leaning)"
    spread = round(max(mapped.values()) - min(mapped.values()), 3) if len(mapped) > 1 else None
    bias = [{"rater": r, "bias": b} for r, (_, b, _) in sorted(ratings.items()) if b]
    return {
        "domain": domain,
        "score": None if score is None else round(score, 3),
        "rule": rule,
        "spread": spread,
        "n_raters": len(ratings),
        "counted": {r: round(v, 3) for r, v in sorted(mapped.items())},
        "bias": bias,
    }


# wire services often credited by a name the sets do not give (project-written aliases)
ALIASES = {"Associated Press": "apnews.com", "AP": "apnews.com", "Agence France-Presse": "afp.com", "AFP": "afp.com",
           "RIA Novosti": "ria.ru", "Interfax": "interfax.ru"}
# rated domains that are platforms or institutions, not outlets: never resolved from a bare name
_NOT_OUTLETS = ("twitter.com", "facebook.com", "youtube.com", "instagram.com", "google.com", "reddit.com",
                "wikipedia.org", "medium.com", "tiktok.com", "x.com")
_INSTITUTION_SUFFIXES = (".gov", ".mil", ".edu", ".int")
# new suffixes where sites squat on famous names (trump.news): their bare names are not taken as credits
_SQUAT_SUFFIXES = (".news", ".info", ".online", ".site", ".xyz", ".club", ".top", ".website", ".live")


def _named_by_domain(domain: str, weight: int) -> bool:
    return (weight >= 2 and domain not in _NOT_OUTLETS
            and not domain.endswith(_INSTITUTION_SUFFIXES) and not domain.endswith(_SQUAT_SUFFIXES))


def _names(by_domain: dict[str, dict[str, tuple]]) -> list[tuple[str, str, str, int]]:
    """Outlet names → domains: names the sets publish first, then a domain's own name (``politico`` → politico.com)."""
    rows: dict[tuple[str, str], tuple[str, str, str, int]] = {}
    for name, domain in ALIASES.items():
        if domain in by_domain:
            rows[(name_key(name), domain)] = (name_key(name), domain, name, 1000)
    for domain, ratings in by_domain.items():
        weight = len(ratings)
        for _, _, name in ratings.values():
            if name and (key := name_key(name)):
                rows.setdefault((key, domain), (key, domain, name, weight + 100))  # a published name beats a domain's
        key = name_key(sld_of(domain))
        if len(key) >= 3 and _named_by_domain(domain, weight):
            rows.setdefault((key, domain), (key, domain, domain, weight))
    return list(rows.values())


def rebuild_summary(store: Store) -> int:
    """Recompute calibrations, summaries and names from the stored ratings (one transaction)."""
    ensure_tables(store)
    by_domain = _load(store)
    anchored = any(ANCHOR in r for r in by_domain.values())
    fits = _fit(by_domain) if anchored else {}
    summaries = [_summarise(d, r, fits, anchored) for d, r in by_domain.items()]
    with store.transaction() as conn:
        for table in ("source_calibration", "source_summary", "source_names"):
            conn.execute(f"DELETE FROM {table}")
        conn.executemany(
            "INSERT INTO source_calibration VALUES (?, ?, ?, ?, ?)",
            [(r, json.dumps(f["xs"]), json.dumps(f["ys"]), f["n"], f["spearman"]) for r, f in fits.items()],
        )
        conn.executemany(
            "INSERT INTO source_summary VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(s["domain"], sld_of(s["domain"]), s["score"], s["rule"], s["spread"], s["n_raters"], json.dumps(s))
             for s in summaries],
        )
        conn.executemany("INSERT INTO source_names VALUES (?, ?, ?, ?)", _names(by_domain))
    return len(summaries)
