"""check --format html: one page per article in a folder with an index; a file with several is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsift.cli import main
from shared_data import EXAMPLES


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


def test_pages_and_sortable_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    examples = sorted(str(p) for p in EXAMPLES.glob("*.json"))
    assert run(["--db", db, "index", *examples], capsys)[0] == 0
    code, _, err = run(["--db", db, "check", *examples, str(tmp_path / "missing.txt"), "--format", "html",
                        "-o", str(tmp_path / "pages") + "/"], capsys)
    pages = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert code == 0 and "index.html" in pages and len(pages) == len(examples) + 1
    assert "E001" in err and "1 failed" in err and "4 articles" in err
    index = (tmp_path / "pages" / "index.html").read_text()
    assert 'class="sortable"' in index and "valley-wire-2026-03-02-bridge.html" in index
    page = (tmp_path / "pages" / "valley-wire-2026-03-02-bridge.html").read_text()
    assert 'id="sbs-0"' in page and "riversideledger.example" in page  # the other text came from the store
    assert "<script src" not in page and "<link" not in page


def test_several_articles_into_one_html_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "one.html"
    target.write_text("keep me")
    examples = sorted(str(p) for p in EXAMPLES.glob("*.json"))[:2]
    code, _, err = run(["--db", str(tmp_path / "s.db"), "check", *examples, "--format", "html", "-o", str(target)],
                       capsys)
    assert code == 2 and "E470" in err and target.read_text() == "keep me"
