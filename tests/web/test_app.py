"""The web app in-process: limits, strict requests, error bodies, pages (one worker, a tmp store of the examples)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

from fastapi.testclient import TestClient

from newsift.cli import main
from newsift.settings import Options
from newsift.web import Limits, create_app
from shared_data import EXAMPLES


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("web") / "store.db")
    with pytest.raises(SystemExit) as done:
        main(["--db", db, "index", *sorted(str(p) for p in EXAMPLES.glob("*.json"))])
    assert done.value.code == 0
    return db


@pytest.fixture(scope="module")
def client(store: str):
    app = create_app(Options(db=store), Limits(workers=1, queue=4, max_body=200_000))
    with TestClient(app) as c:
        yield c


def test_check_json_unchanged(client) -> None:
    r = client.post("/check", json={"text": "The mayor said the bridge is closed.", "url": "https://www.example.org/a"})
    assert r.status_code == 200 and r.json()["article"]["domain"] == "example.org"


def test_wrong_types_are_422_naming_the_field_without_the_input(client) -> None:
    r = client.post("/check", json={"url": ["SECRET-PAYLOAD"], "text": 5})
    assert r.status_code == 422
    fields = {tuple(e["loc"]) for e in r.json()["detail"]}
    assert ("body", "url") in fields and ("body", "text") in fields and "SECRET-PAYLOAD" not in r.text


def test_text_or_url_required(client) -> None:
    r = client.post("/check", json={"title": "no text"})
    assert r.status_code == 422 and "text" in r.text


def test_body_over_the_limit_is_413_and_not_echoed(client) -> None:
    r = client.post("/check", content=b'{"text": "' + b"Z" * 300_000 + b'"}', headers={"content-type": "application/json"})
    assert r.status_code == 413 and "ZZZZ" not in r.text and len(r.content) < 200


def test_bad_json_is_422_without_echo(client) -> None:
    r = client.post("/check", content=b'{"text": "SECRET-PAYLOAD', headers={"content-type": "application/json"})
    assert r.status_code == 422 and "SECRET-PAYLOAD" not in r.text


def test_no_server_paths_in_reports_or_errors(tmp_path: Path) -> None:
    missing = tmp_path / "deep" / "absent.db"
    app = create_app(Options(db=str(missing)), Limits(workers=1))
    with TestClient(app) as c:
        r = c.post("/check", json={"text": "The mayor said the bridge is closed."})
    assert r.status_code == 200 and str(tmp_path) not in r.text


def test_stored_article_page_has_the_side_by_side_view(client) -> None:
    r = client.get("/articles/valley-wire-2026-03-02-bridge")
    page = r.text
    assert r.status_code == 200 and 'id="sbs-0"' in page and "riversideledger.example" in page
    assert "<script src" not in page and "<link" not in page and "http://" not in page.split("<main")[0]


def test_unknown_article_is_a_404_page(client) -> None:
    r = client.get("/articles/no-such-id")
    assert r.status_code == 404 and "no stored article" in r.text


def test_form_search_and_docs_pages(client) -> None:
    assert 'name="text"' in client.get("/").text and 'type="file"' in client.get("/").text
    r = client.get("/search", params={"q": "bridge"})
    assert r.status_code == 200 and "/articles/valley-wire-2026-03-02-bridge" in r.text
    docs = client.get("/docs").text
    assert "POST /check" in docs and "cdn" not in docs.lower()


def test_form_post_gives_the_report_page(client) -> None:
    r = client.post("/report", data={"text": "Bridge Closed\n\nThe mayor said the bridge is closed.", "title": "T"})
    assert r.status_code == 200 and 'id="summary"' in r.text
    r = client.post("/report", data={"text": "   "})
    assert r.status_code == 422


def test_upload_is_read_by_its_suffix(client) -> None:
    files = {"file": ("a.txt", b"Bridge Closed\n\nThe mayor said the bridge is closed.", "text/plain")}
    r = client.post("/report", files=files)
    assert r.status_code == 200 and "Bridge Closed" in r.text
