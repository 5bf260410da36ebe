"""Are coverage's "people" people? The names a report adds or omits, against names read by hand.

Coverage tells a fact-checker which people a report names that the article
does not ("adds") and the reverse ("omits"). A place or a party listed there
("New York", "Sinn Féin") is a false lead, and a person listed with a title
("Moderator Lester Holt") is listed twice. This benchmark checks articles
against a store, collects every name listed as a person, and scores them
against a file of verdicts made by reading (``labels/coverage-people.tsv``).
Names without a verdict are returned for reading.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Iterable

from ..errors import Errors, InputError

__all__ = ["LABELS", "VERDICTS", "read_name_labels", "listed_people", "score_people", "run_names_bench"]

LABELS = Path(__file__).resolve().parent / "labels" / "coverage-people.tsv"
VERDICTS = ("person", "titled", "not a person")


def read_name_labels(path: Path) -> dict[str, str]:
    """``name -> verdict`` from a tab-separated file with a header; ``#`` lines are notes."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(Errors.E307.format(path=path, why=exc.strerror)) from None
    labels: dict[str, str] = {}
    for n, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in VERDICTS:
            raise InputError(Errors.E307.format(path=path, why=f"line {n}: expected name, then {' | '.join(VERDICTS)}"))
        labels[parts[0]] = parts[1]
    return labels


def listed_people(reports: Iterable[dict[str, Any]]) -> Counter[str]:
    """How often each name is listed as a person, over every report's coverage items, both sides."""
    listed: Counter[str] = Counter()
    for report in reports:
        for item in (report.get("sections", {}).get("coverage") or {}).get("items", []):
            for side in ("adds", "omits"):
                listed.update(item.get(side, {}).get("people", []))
    return listed


def score_people(listed: Counter[str], labels: dict[str, str]) -> dict[str, Any]:
    """Shares of the listings (and of the distinct names) by verdict; unread names, most listed first."""
    read = {name: n for name, n in listed.items() if name in labels}
    total = sum(read.values())

    def share(verdict: str, counts: dict[str, int], weighted: bool) -> float | None:
        hits = [n if weighted else 1 for name, n in counts.items() if labels[name] == verdict]
        whole = sum(counts.values()) if weighted else len(counts)
        return round(sum(hits) / whole, 4) if whole else None

    return {
        "listings": sum(listed.values()), "names": len(listed), "read_listings": total, "read_names": len(read),
        "not_a_person": share("not a person", read, True), "titled": share("titled", read, True),
        "not_a_person_names": share("not a person", read, False), "titled_names": share("titled", read, False),
        "not_people": sorted((name for name in read if labels[name] == "not a person"), key=lambda k: -listed[k]),
        "unread": [name for name, _ in listed.most_common() if name not in labels],
    }


def run_names_bench(paths: list[str], options: Any, labels_path: Path | None = None) -> dict[str, Any]:
    """Check the articles of ``paths`` against ``options.db`` and score the people coverage lists."""
    from ..analysis import Analyzer
    from .speed import load_articles

    labels = read_name_labels(labels_path or LABELS)  # a bad labels file fails before any check
    try:
        articles = load_articles(paths, options)
    except ValueError:
        raise InputError(Errors.E021) from None
    analyzer = Analyzer(options)
    try:
        reports = [report.to_dict() for report in analyzer.analyze_many(articles)]
    finally:
        analyzer.close()
    return {"benchmark": "coverage-people", "articles": len(articles), **score_people(listed_people(reports), labels)}
