"""Reader for Baly et al. 2018 (ramybaly/News-Media-Reliability): factuality and 7-point bias of 1,066 media."""

from __future__ import annotations

from ._base import Rating, SourceSet, csv_rows, domain_key

_FILE = "baly2018/corpus.tsv"
_FACT = {"low": 0.0, "mixed": 0.5, "high": 1.0}


def _name_from_ref(ref: str) -> str | None:
    """The outlet's name from its MBFC page address (``…/the-village-voice/`` → ``the village voice``)."""
    slug = ref.rstrip("/").rsplit("/", 1)[-1]
    return slug.replace("-", " ").strip() or None


def _baly(files: dict[str, bytes]) -> list[Rating]:
    out = []
    for row in csv_rows(files[_FILE], delimiter="\t"):
        domain = domain_key(row.get("source_url") or row.get("source_url_normalized"))  # the normalised column mangles paths
        fact = (row.get("fact") or "").strip().lower()
        if domain is None or not fact:
            continue
        path = (row.get("source_url") or "").split("://", 1)[-1].partition("/")[2].strip("/#0")
        out.append(Rating(domain, f"factuality {fact}", _FACT.get(fact), bias=row.get("bias") or None,
                          name=_name_from_ref(row.get("ref") or ""),
                          details={"entry": row["source_url"]} if path else {}))
    out.sort(key=lambda r: "entry" in r.details)  # a site's own entry wins over entries for its sections
    return out


SETS: tuple[SourceSet, ...] = (
    SourceSet(
        "baly2018", "Baly et al. 2018 (labels from MBFC)", "factuality low/mixed/high; bias on 7 points",
        {_FILE: "https://raw.githubusercontent.com/ramybaly/News-Media-Reliability/28ab9b4/data/emnlp18/corpus.tsv"},
        _baly, "Baly et al., EMNLP 2018"),
)
