"""Small labelled sentences and a CheckThat!-format TSV writer shared by the claims tests."""

from __future__ import annotations

from pathlib import Path

ROWS = [
    ("Unemployment fell to 4.2 percent last year.", "Yes"),
    ("The senator voted against the budget in 2015.", "Yes"),
    ("Taxes rose by $2,000 under this plan.", "Yes"),
    ("Thank you very much, it is a pleasure to be here.", "No"),
    ("I think we need to do better.", "No"),
    ("What do you think about that?", "No"),
]


def write_tsv(path: Path, rows: list[tuple[str, str]], start: int = 1) -> Path:
    lines = ["Sentence_id\tText\tclass_label"] + [f"{start + i}\t{t}\t{y}" for i, (t, y) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
