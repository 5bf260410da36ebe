"""Reading CheckThat!-format TSV files (the CT24 traps) and the date-held-out slice of train."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsift.datasets.ct24 import HELD_OUT_FIRST_ID, Example, read_tsv, split_held_out
from newsift.errors import InputError

from shared_data import DATA, need


def _write(tmp_path: Path, raw: str, name: str = "set.tsv") -> Path:
    path = tmp_path / name
    path.write_bytes(raw.encode("utf-8"))
    return path


def test_two_records_glued_on_one_line_are_split(tmp_path: Path) -> None:
    raw = ("Sentence_id\tText\tclass_label\n"
           "24098\tWe've got to invest and grow.\tNo29286\tYou can't bring back jobs.\tNo\n")
    examples = read_tsv(_write(tmp_path, raw))
    assert [(e.id, e.text, e.label) for e in examples] == [
        ("24098", "We've got to invest and grow.", False),
        ("29286", "You can't bring back jobs.", False),
    ]


def test_crlf_without_final_newline_and_csv_quoting(tmp_path: Path) -> None:
    raw = ('Sentence_id\tText\tclass_label\r\n1\t"He said ""no"" to 3 bills."\tYes\r\n'
           '2\tA plain one.\tNo\r\n3\tAn "inner" quote stays.\tNo')
    examples = read_tsv(_write(tmp_path, raw))
    assert [e.text for e in examples] == ['He said "no" to 3 bills.', "A plain one.", 'An "inner" quote stays.']
    assert [e.label for e in examples] == [True, False, False]


def test_file_without_labels_reads_with_label_none(tmp_path: Path) -> None:
    examples = read_tsv(_write(tmp_path, "Sentence_id\tText\n7\tTaxes rose 4%.\n"))
    assert examples[0].label is None and examples[0].id == "7"


@pytest.mark.parametrize("raw, code", [
    ("id\tsentence\n1\tx\n", "E250"),
    ("Sentence_id\tText\tclass_label\n1\tx\tMaybe\n", "E252"),
    ("Sentence_id\tText\tclass_label\n1\tx\n", "E251"),
    ("", "E002"),
])
def test_bad_files_raise_input_errors_with_codes(tmp_path: Path, raw: str, code: str) -> None:
    with pytest.raises(InputError, match=code):
        read_tsv(_write(tmp_path, raw))


def test_held_out_slice_is_the_ids_from_the_2016_debates_on() -> None:
    examples = [Example(str(i), "x", False) for i in (5, 29100, 29101, 34458, 40, "x7")]
    early, held = split_held_out(examples)
    assert [e.id for e in held] == ["29101", "34458"] and [e.id for e in early] == ["5", "29100", "40", "x7"]
    assert [e.id for e in split_held_out(examples, first_id=40)[1]] == ["29100", "29101", "34458", "40"]


@pytest.mark.integration
def test_ct24_held_out_slice_opens_the_first_2016_debate_and_dev_has_none_of_it() -> None:
    folder = DATA / "checkworthy" / "ct24"
    train = read_tsv(need(folder / "CT24_checkworthy_english_train.tsv"))
    _, held = split_held_out(train)
    first = min(held, key=lambda e: int(e.id))
    assert len(held) == 2745 and "Hofstra" in first.text and first.id == str(HELD_OUT_FIRST_ID)
    dev = read_tsv(need(folder / "CT24_checkworthy_english_dev.tsv"))
    assert not split_held_out(dev)[1]
