"""Bounded, non-blocking reads; honest decoding; refusals with one coded line."""

from __future__ import annotations

import io
import json
import os
import threading
from pathlib import Path

import pytest

from newsift.errors import InputError
from newsift.model import Article
from newsift.readers import ReadProblem, read_path
from newsift.readers.decoding import ReadWarning, decode, read_stream

from rel_helpers import run_cli


def _read_soon(path: Path, seconds: float = 5.0) -> BaseException | list[object]:
    """read_path in a thread, so a read that blocks fails the test instead of hanging it."""
    out: list[object] = []

    def target() -> None:
        try:
            out.extend(read_path(str(path)))
        except BaseException as exc:
            out.append(exc)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"reading {path} blocked"
    return out[0] if out and isinstance(out[0], BaseException) else out


def test_fifo_without_writer_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = _read_soon(fifo)
    assert isinstance(result, InputError) and "E502" in str(result) and "FIFO" in str(result)


def test_symlink_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    result = _read_soon(link)
    assert isinstance(result, InputError) and "E502" in str(result) and "character device" in str(result)


def test_every_stream_read_is_bounded() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    with pytest.raises(InputError, match="E005"):
        read_stream(io.BufferedReader(Endless()), "<stdin>", 10_000)
    assert read_stream(io.BytesIO(b"x" * 100), "<stdin>", 100) == b"x" * 100


def test_utf8_with_a_few_bad_bytes_stays_utf8_and_warns() -> None:
    good = "“We will not gamble with lives,” the mayor said. Café owners agreed. ".encode() * 5
    data = good[:40] + b"\xff\xfe\xfa" + good[40:]
    with pytest.warns(ReadWarning, match=r"E501.*3 invalid UTF-8"):
        text, notes = decode(data, "bad.txt")
    assert text.count("\ufffd") == 3 and "“We will not gamble" in text and text.count("Café") == 5
    assert any("E501" in n for n in notes)


def test_few_valid_multibyte_characters_still_mean_utf8() -> None:
    """The issue's case: an English article with one pair of curly quotes and 3 bad bytes (was mac_iceland)."""
    text = "“That makes me smart,” Trump said. " + "He told CNN's Jim Acosta he had paid federal taxes. " * 20
    data = text.encode()
    with pytest.warns(ReadWarning, match="E501"):
        decoded, _ = decode(data[:300] + b"\xff\xfe\xfa" + data[300:], "a.txt")
    assert decoded.startswith("“That makes me smart,”") and decoded.count("\ufffd") == 3


def test_mostly_ascii_legacy_text_is_windows_1252_not_a_guess() -> None:
    text = "“We will not gamble,” the mayor said. The café reopened on Monday. " * 30
    with pytest.warns(ReadWarning, match="E024.*cp1252"):
        decoded, _ = decode(text.encode("cp1252"), "legacy.txt")
    assert decoded == text
    russian = "Мэр сказал, что мост будет закрыт на ремонт до конца месяца. " * 20
    with pytest.warns(ReadWarning, match="E024"):
        decoded, _ = decode(russian.encode("cp1251"), "ru.txt")
    assert decoded == russian


def test_clearly_other_charsets_are_decoded_as_such() -> None:
    with pytest.warns(ReadWarning, match="E024.*cp1252"):
        text, _ = decode("Café au lait in the café, said the mayor.".encode("latin-1"), "latin.txt")
    assert text == "Café au lait in the café, said the mayor."
    page = '<html><head><meta charset="iso-8859-7"></head><body>Η Αθήνα</body></html>'.encode("iso-8859-7")
    with pytest.warns(ReadWarning, match="E024.*iso8859-7"):
        text, _ = decode(page, "greek.html")
    assert "Αθήνα" in text
    text, _ = decode("The mayor said.".encode("utf-16"), "wide.txt")  # a BOM says which
    assert text.lstrip("\ufeff") == "The mayor said."


def test_random_high_bytes_are_not_text(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(4000)))
    with pytest.raises(InputError, match="E50[05]"):
        list(read_path(str(path)))


@pytest.mark.parametrize("text", ["\u00a0\u00a0\n", "\u200b\u200b", "\ufeff", "\u00a0\u200b\ufeff 123 --"])
def test_text_with_no_letters_is_refused(tmp_path: Path, text: str) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"text": text}), encoding="utf-8")
    for name in ("a.txt", "a.json"):
        with pytest.raises(InputError, match="E500|E003|E007"):
            list(read_path(str(tmp_path / name)))


def test_lone_surrogate_is_a_coded_error_and_keeps_the_old_output(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"text": "The mayor \\ud800 said so."}', encoding="utf-8")
    with pytest.raises(InputError, match=r"E504.*'text'.*\\ud800"):
        list(read_path(str(path)))
    out = tmp_path / "report.txt"
    out.write_text("the old report\n")
    done = run_cli("check", str(path), "-o", str(out), home=tmp_path, db=tmp_path / "none.db")
    assert done.returncode == 2 and "E504" in done.stderr and "Traceback" not in done.stderr
    assert out.read_text() == "the old report\n"
    assert not list(tmp_path.glob(".report.txt.*"))  # no temporary file left behind


def test_jsonl_is_split_on_newlines_only(tmp_path: Path) -> None:
    texts = ["One\u2028two said the mayor.", "Three\u2029four said the clerk.", "Five\u0085six said the judge.",
             "Seven said the engineer."]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts) + "\n", encoding="utf-8")
    articles = [a for a in read_path(str(path)) if isinstance(a, Article)]
    assert len(articles) == 4
    assert [a.text for a in articles][:2] == texts[:2] and articles[3].text == texts[3]


def test_deep_json_is_a_coded_error_not_a_recursion_error(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "deep.json").write_text(deep)
    with pytest.raises(InputError, match="E503"):
        list(read_path(str(tmp_path / "deep.json")))
    (tmp_path / "deep.jsonl").write_text('{"text": "Fine, said the mayor."}\n' + deep + "\n")
    items = list(read_path(str(tmp_path / "deep.jsonl")))
    assert isinstance(items[0], Article) and isinstance(items[1], ReadProblem) and "E008" in items[1].message
    nested_text = json.dumps({"text": "A [bracketed] {brace} said the mayor." * 50})  # brackets in strings count not
    (tmp_path / "ok.json").write_text(nested_text)
    assert len(list(read_path(str(tmp_path / "ok.json")))) == 1


def test_index_with_unreadable_records_exits_2_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "The council voted, the mayor said."}\n{"text": broken\n')
    db = tmp_path / "s.db"
    done = run_cli("index", str(path), home=tmp_path, db=db)
    assert done.returncode == 2 and "E008" in done.stderr and "added 1" in done.stdout


def test_failed_commands_create_no_store(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert run_cli("index", str(bad), home=home).returncode == 2
    assert run_cli("check", str(bad), home=home).returncode == 2
    assert run_cli("corpus", "stats", home=home).returncode == 2
    assert run_cli("corpus", "check", home=home).returncode == 2
    assert run_cli("sources", "update", "--from", str(tmp_path / "absent"), home=home).returncode == 2
    assert not (home / ".newsift").exists()
    good = tmp_path / "good.txt"
    good.write_text("The council voted on Tuesday to close the bridge, the mayor said.\n")
    assert run_cli("check", str(good), "--stages", "cleaning", home=home).returncode == 0
    assert not (home / ".newsift").exists()  # checking reads a store, never makes one
