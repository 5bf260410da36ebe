"""Reading CheckThat!-format TSV files (``Sentence_id``, ``Text``, ``class_label``).

The CT24 files have three traps, handled here: one train line holds two
records glued together (``…\\tNo29286\\t…``), dev files use CRLF line endings
with no final newline, and about half the texts are CSV-quoted with ``""``
for a literal quote. ``csv`` with its default quoting reads the quoting the
way pandas does.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Errors, InputError

__all__ = ["Example", "read_tsv", "SPLIT_FILES"]

SPLIT_FILES = {
    "train": "CT24_checkworthy_english_train.tsv",
    "dev": "CT24_checkworthy_english_dev.tsv",
    "dev-test": "CT24_checkworthy_english_dev-test.tsv",
}
# a label followed directly by the next record's numeric id: two records on one line
_GLUED = re.compile(r"\t(Yes|No)(\d+)\t")
_LABELS = {"yes": True, "no": False}


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    label: bool | None  # None when the file has no class_label column


def _rows(raw: str) -> list[list[str]]:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = _GLUED.sub(lambda m: f"\t{m.group(1)}\n{m.group(2)}\t", raw)
    return [row for row in csv.reader(io.StringIO(raw), delimiter="\t") if row]


def read_tsv(path: str | Path) -> list[Example]:
    """Examples from a CheckThat!-format TSV; InputError (E250–E252) when it is not one."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(Errors.E001.format(path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Errors.E013.format(path=path, why=exc)) from None
    rows = _rows(raw)
    if not rows:
        raise InputError(Errors.E002.format(path=path))
    header = [h.strip().lower() for h in rows[0]]
    if "text" not in header:
        raise InputError(Errors.E250.format(path=path, columns=", ".join(rows[0])))
    i_text = header.index("text")
    i_id = header.index("sentence_id") if "sentence_id" in header else None
    i_label = header.index("class_label") if "class_label" in header else None
    return [_example(path, n, row, i_id, i_text, i_label) for n, row in enumerate(rows[1:], start=2)]


def _example(path: Path, n: int, row: list[str], i_id: int | None, i_text: int, i_label: int | None) -> Example:
    if len(row) <= max(i for i in (i_id, i_text, i_label) if i is not None):
        raise InputError(Errors.E251.format(path=path, row=n, fields=len(row)))
    label = None
    if i_label is not None:
        value = row[i_label].strip().lower()
        if value not in _LABELS:
            raise InputError(Errors.E252.format(path=path, row=n, value=row[i_label]))
        label = _LABELS[value]
    ident = row[i_id].strip() if i_id is not None else str(n - 1)
    return Example(ident, row[i_text], label)
