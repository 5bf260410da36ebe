"""Reader for Lin et al. 2023 aggregate domain quality ratings (hauselin/domain-quality-ratings).

``pc1`` is the first principal component of six expert sets after
imputation, rescaled to 0 (lowest quality) … 1 (highest). The other columns
are the imputed component ratings; they are kept as details, not as
separate raters, because imputation makes them depend on each other.
"""

from __future__ import annotations

from ._base import Rating, SourceSet, csv_rows, domain_key, to_float

_FILE = "lin2023/domain_ratings.csv"
_COMPONENTS = ("afm", "fc", "mbfc", "lewandowsky_mean", "misinfome_bin")


def _lin(files: dict[str, bytes]) -> list[Rating]:
    out = []
    for row in csv_rows(files[_FILE]):
        domain = domain_key(row["domain"])
        pc1 = to_float(row.get("pc1"))
        if domain is None or pc1 is None:
            continue
        details: dict[str, float | str] = {k: round(v, 3) for k in _COMPONENTS if (v := to_float(row.get(k))) is not None}
        if "/" in row["domain"]:
            details["entry"] = row["domain"]  # a section of a site (rfi.fr/en)
        out.append(Rating(domain, f"pc1 {pc1:.2f}", pc1, details=details))
    # a site's own entry wins over entries for its sections
    out.sort(key=lambda r: "entry" in r.details)
    return out


SETS: tuple[SourceSet, ...] = (
    SourceSet(
        "lin2023", "Lin et al. 2023 aggregate of six expert rating sets",
        "pc1 0 (lowest quality) to 1 (highest)",
        {_FILE: "https://raw.githubusercontent.com/hauselin/domain-quality-ratings/5671d57/data/domain_ratings.csv"},
        _lin, "Lin et al., PNAS Nexus 2(9) pgad286, 2023"),
)
