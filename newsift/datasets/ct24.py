"""CLEF CheckThat! 2024 Task 1 (English check-worthiness): reading the TSV files and the date-held-out slice.

Files: ``CT24_checkworthy_english_{train,dev,dev-test}.tsv`` with columns
``Sentence_id``, ``Text``, ``class_label`` (Yes/No). Three reading traps,
handled in ``read_tsv``: one train line holds two records glued together
(``…\\tNo29286\\t…``, so a careful reader yields 22,501 rows), dev files use
CRLF line endings with no final newline, and about half the texts are
CSV-quoted with ``""`` for a literal quote (``csv`` with its default quoting
reads them the way pandas does).

**The held-out slice.** The eras differ: train is 1960–2016 general-election
debates, dev is drawn from the same debates as train, dev-test is 2020. The
files carry no dates, but sentence ids are numbered debate by debate (a gap
in the ids marks a new debate), and the 2016 general-election debates are
the last block of train: it opens at id 29101 with "Well, thank you, Lester,
and thanks to Hofstra for hosting us." (the first Clinton–Trump debate,
26 September 2016) and runs to the end of train (id 34458). Ids below it are
1960–2012 debates in no date order (the 2000 Bush–Gore debate ends at 29065;
1988 sits at 0–1000, 1960 at 7000–8000). Dev's highest id is 29062, so dev
holds no 2016 sentence. ``split_held_out`` gives that block: 2,745 train
sentences (27 % Yes), the most recent debates train has, never seen by dev.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..errors import Errors, InputError

__all__ = ["Example", "read_tsv", "read_split", "split_held_out", "is_held_out", "SPLIT_FILES",
           "HELD_OUT_FIRST_ID", "HELD_OUT_NAME"]

SPLIT_FILES = {
    "train": "CT24_checkworthy_english_train.tsv",
    "dev": "CT24_checkworthy_english_dev.tsv",
    "dev-test": "CT24_checkworthy_english_dev-test.tsv",
}
HELD_OUT_FIRST_ID = 29101  # first sentence of the 2016 general-election debates (see the module notes)
HELD_OUT_NAME = "train-2016"
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


def read_split(data_dir: str | Path, split: str) -> list[Example]:
    """One CT24 split from its folder; E253 when the folder lacks the file."""
    data_dir = Path(data_dir)
    path = data_dir / SPLIT_FILES[split]
    if not path.exists():
        raise InputError(Errors.E253.format(path=data_dir, files=", ".join(SPLIT_FILES[s] for s in ("train", "dev"))))
    return read_tsv(path)


def is_held_out(example: Example, first_id: int = HELD_OUT_FIRST_ID) -> bool:
    """True for a sentence of the 2016 debates (numeric id at or above ``first_id``)."""
    return example.id.isdigit() and int(example.id) >= first_id


def split_held_out(examples: Sequence[Example], first_id: int = HELD_OUT_FIRST_ID) -> tuple[list[Example], list[Example]]:
    """(earlier debates, 2016 debates) of train, each in file order."""
    held = [is_held_out(e, first_id) for e in examples]
    return [e for e, h in zip(examples, held) if not h], [e for e, h in zip(examples, held) if h]
