import socket
import subprocess
import sys
import time

import httpx
import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from newsift.server import create_app
from newsift.settings import Options


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "absent.db"
    return TestClient(create_app(Options(db=str(db))))


def test_check_returns_a_report_with_offsets(client):
    text = "Bridge Closed\n\nBridge Closed\n\nThe mayor closed the bridge.\n\nStart the Discussion:"
    response = client.post("/check", json={"text": text, "url": "https://www.example.org/a"})
    assert response.status_code == 200
    report = response.json()
    assert report["article"]["text"] == text and report["article"]["domain"] == "example.org"
    labels = [s["label"] for s in report["layers"]["cleaning"]]
    assert labels == ["title", "repeated_title", "boilerplate"]


def test_bad_article_is_a_422_with_the_message(client):
    response = client.post("/check", json={"title": "no text"})
    assert response.status_code == 422 and "text" in response.json()["detail"][0]["msg"]
    response = client.post("/check", json={"text": "   "})  # blank text, caught by the article reader
    assert response.status_code == 422


def test_health_and_schema(client):
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/schema").json()["title"] == "newsift report"


def test_serve_command_answers_on_loopback(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "newsift", "--db", str(tmp_path / "a.db"), "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):  # bounded wait for start-up
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("server did not start")
        assert response.json()["status"] == "ok"
        report = httpx.post(f"http://127.0.0.1:{port}/check", json={"text": "The mayor said taxes rose."}, timeout=30)
        assert report.status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
