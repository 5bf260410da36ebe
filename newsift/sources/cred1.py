"""Reader for CRED-1 (aloth/cred-1), CC BY 4.0: Iffy+ ratings and a 0..1 credibility score."""

from __future__ import annotations

from ._base import Rating, SourceSet, csv_rows, domain_key, to_float

_FILE = "cred1/cred1_current.csv"
_IFFY_FACT = {"VL": "very low", "L": "low", "M": "mixed", "MF": "mostly factual", "H": "high"}
_IFFY_BIAS = {"FN": "fake news", "CP": "conspiracy-pseudoscience", "LC": "left-center"}


def _cred1(files: dict[str, bytes]) -> list[Rating]:
    out = []
    for row in csv_rows(files[_FILE]):
        domain = domain_key(row["domain"])
        score = to_float(row.get("credibility_score"))
        if domain is None:
            continue
        label = f"{row.get('category') or 'unrated'}"
        if score is not None:
            label += f", credibility {score:.2f}"
        fact = _IFFY_FACT.get(row.get("iffy_factual") or "")
        if fact:
            label += f"; Iffy factual {fact}"
        flag = _IFFY_BIAS.get(row.get("iffy_bias") or "")
        details = {"iffy_bias": flag} if flag else {}
        leaning = "left-center" if flag == "left-center" else None
        out.append(Rating(domain, label, score, bias=leaning, details=details))
    return out


SETS: tuple[SourceSet, ...] = (
    SourceSet(
        "cred1", "CRED-1 (Iffy+ and signals)", "credibility_score 0-1; category; Iffy factual VL/L/M/MF/H",
        {_FILE: "https://raw.githubusercontent.com/aloth/cred-1/3b98756/data/cred1_current.csv"},
        _cred1, "aloth/cred-1, CC BY 4.0"),
)
