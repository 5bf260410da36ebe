"""Rating updates are all or nothing: checked sets, one transaction, bounded downloads."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator

import pytest

from newsift.errors import InputError
from newsift.settings import Options
from newsift.sources import loaded_sets, rate_domain
from newsift.sources.fetch import fetch_set
from newsift.sources.sets import SETS
from newsift.sources.update import update_sources
from newsift.store import Store

from rel_helpers import run_cli


def write_sets(folder: Path, lin_rows: int = 300, cred_rows: int = 200) -> Path:
    """Small rating files in the public sets' layout (made-up domains on .example)."""
    (folder / "lin2023").mkdir(parents=True, exist_ok=True)
    (folder / "cred1").mkdir(parents=True, exist_ok=True)
    lin = ["domain,pc1"] + [f"outlet{i}.example,{(i % 100) / 100:.2f}" for i in range(lin_rows)]
    (folder / "lin2023" / "domain_ratings.csv").write_text("\n".join(lin) + "\n")
    cred = ["domain,credibility_score,category"] + [f"outlet{i}.example,{(i % 10) / 10:.1f},news"
                                                     for i in range(cred_rows)]
    (folder / "cred1" / "cred1_current.csv").write_text("\n".join(cred) + "\n")
    return folder


def _state(path: Path) -> tuple[dict, dict | None]:
    with Store(path, readonly=True) as store:
        sets = {k: (v["rows"], v["sha256"]) for k, v in loaded_sets(store).items()}
        return sets, rate_domain(store, "outlet7.example")


def _load(db: Path, origin: Path, **kw: object) -> dict:
    with Store(db) as store:
        return update_sources(store, Options(db=str(db)), origin=str(origin), names=["lin2023", "cred1"], **kw)


def test_a_truncated_set_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    db, mirror = tmp_path / "s.db", write_sets(tmp_path / "m")
    result = _load(db, mirror)
    assert [s["domains"] for s in result["sets"]] == [300, 200] and all(len(s["sha256"]) == 64 for s in result["sets"])
    before = _state(db)
    write_sets(mirror, lin_rows=300, cred_rows=100)  # cut in half at a row boundary
    with pytest.raises(InputError, match=r"E541.*cred1.*100 domains.*80%.*200"):
        _load(db, mirror)
    assert _state(db) == before
    forced = _load(db, mirror, force=True)
    assert forced["sets"][1]["domains"] == 100


def test_a_later_set_failing_leaves_every_set_and_summary_as_they_were(tmp_path: Path) -> None:
    db, mirror = tmp_path / "s.db", write_sets(tmp_path / "m")
    _load(db, mirror)
    before = _state(db)
    write_sets(mirror, lin_rows=320)  # lin2023 changes…
    (mirror / "cred1" / "cred1_current.csv").unlink()  # …and cred1 cannot be read
    with pytest.raises(InputError, match="E201"):
        _load(db, mirror)
    assert _state(db) == before


def test_a_set_without_its_columns_is_refused(tmp_path: Path) -> None:
    db, mirror = tmp_path / "s.db", write_sets(tmp_path / "m")
    (mirror / "cred1" / "cred1_current.csv").write_text("site,score\na.example,1\n")
    with pytest.raises(InputError, match="E540.*cred1.*no column 'domain'"):
        _load(db, mirror)


def test_a_failed_update_creates_no_store(tmp_path: Path) -> None:
    mirror = write_sets(tmp_path / "m")
    (mirror / "cred1" / "cred1_current.csv").unlink()
    db = tmp_path / "new" / "s.db"
    done = run_cli("sources", "update", "--from", str(mirror), "--only", "lin2023,cred1", home=tmp_path, db=db)
    assert done.returncode == 2 and "E201" in done.stderr
    assert not db.parent.exists()


class _Endless(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.endswith("redirect.csv"):
            self.send_response(302)
            self.send_header("Location", "ftp://example.invalid/x.csv")
            self.end_headers()
            return
        self.send_response(200)
        self.end_headers()
        try:
            while True:
                self.wfile.write(b"domain,pc1\n" * 1000)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endless_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Endless))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_downloads_are_capped_in_size_and_refuse_other_schemes(endless_url: str) -> None:
    lin = SETS["lin2023"]
    with pytest.raises(InputError, match="E201.*E464"):
        fetch_set(lin, endless_url, {}, timeout=10, max_bytes=100_000)
    urls = {"lin2023/domain_ratings.csv": f"{endless_url}/redirect.csv"}
    with pytest.raises(InputError, match="E201.*E460"):
        fetch_set(lin, None, urls, timeout=10)
