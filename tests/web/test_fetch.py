"""fetch_url against a local server on 127.0.0.1 (so allow_private=True), never another address."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from newsift.errors import InputError
from newsift.fetch import fetch_url, is_url

PAGE = b"<html><head><title>Bridge</title></head><body><p>The bridge is closed.</p></body></html>"
ARTICLE = ("<!DOCTYPE html><html><head><title>Old Mill Bridge Closed</title></head><body><article>"
           "<h1>Old Mill Bridge Closed</h1><p>The Old Mill Bridge was closed on Monday after state inspectors "
           "found severe corrosion in two of its steel support beams, the city said.</p><p>\u201cWe will not "
           "gamble with people\u2019s lives,\u201d Mayor Elena Ortiz said at a news conference outside City "
           "Hall on Monday afternoon.</p><p>Detours will send traffic over the Route 9 bridge, adding up to "
           "twenty minutes to commutes, according to the city\u2019s traffic office.</p></article></body></html>"
           ).encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {"Content-Type": "text/html; charset=utf-8"}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        routes = {
            "/page": lambda: self._send(200, PAGE),
            "/article": lambda: self._send(200, ARTICLE),
            "/binary": lambda: self._send(200, b"\x00\x01", {"Content-Type": "application/octet-stream"}),
            "/hop": lambda: self._send(302, b"", {"Location": "/page"}),
            "/loop": lambda: self._send(302, b"", {"Location": "/loop"}),
            "/ftp": lambda: self._send(302, b"", {"Location": "ftp://127.0.0.1/file"}),
            "/missing": lambda: self._send(404, b"no"),
            "/big": lambda: self._send(200, b"x" * 5000),
            "/endless": self._endless,
            "/trickle": self._trickle,
        }
        routes.get(self.path, lambda: self._send(404, b""))()

    def _endless(self) -> None:
        # no Content-Length: only the streamed count can stop it
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(10_000):
                self.wfile.write(b"y" * 1024)
        except OSError:
            pass

    def _trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(100):
                self.wfile.write(b"z")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _fetch(url: str, **kw: object):
    limits: dict = {"max_bytes": 100_000, "timeout_total": 5.0, "max_redirects": 3, "allow_private": True}
    limits.update(kw)
    return fetch_url(url, **limits)


def _code(url: str, **kw: object) -> str:
    with pytest.raises(InputError) as info:
        _fetch(url, **kw)
    message = str(info.value)
    assert "\n" not in message
    return message[1:5]


def test_page_with_hash_time_and_type(base: str) -> None:
    got = _fetch(base + "/page")
    assert got.body == PAGE and got.status == 200 and got.final_url == base + "/page"
    assert got.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert got.content_type.startswith("text/html") and got.fetched_at.endswith("+00:00")
    assert got.to_dict()["bytes"] == len(PAGE) and "body" not in got.to_dict()


def test_redirect_followed_and_final_address_kept(base: str) -> None:
    got = _fetch(base + "/hop")
    assert got.url == base + "/hop" and got.final_url == base + "/page" and got.body == PAGE


def test_redirect_limit(base: str) -> None:
    assert _code(base + "/loop") == "E463"


def test_redirect_to_another_scheme_is_refused(base: str) -> None:
    assert _code(base + "/ftp") == "E460"


def test_only_http_and_https() -> None:
    for url in ("ftp://127.0.0.1/x", "file:///etc/passwd", "gopher://127.0.0.1/"):
        assert _code(url) == "E460"


def test_loopback_refused_unless_allowed(base: str) -> None:
    assert _code(base + "/page", allow_private=False) == "E461"
    assert _code("http://[::1]:9/", allow_private=False) == "E461"
    assert _code("http://169.254.169.254/latest/", allow_private=False) == "E461"


def test_size_cap_declared_and_streamed(base: str) -> None:
    assert _code(base + "/big", max_bytes=1000) == "E464"
    started = time.monotonic()
    assert _code(base + "/endless", max_bytes=50_000) == "E464"
    assert time.monotonic() - started < 3


def test_overall_deadline_cuts_a_trickle(base: str) -> None:
    # each byte comes well within any per-read timeout; only an overall deadline stops it
    started = time.monotonic()
    assert _code(base + "/trickle", timeout_total=1.0) == "E465"
    assert time.monotonic() - started < 2.5


def test_http_error_status(base: str) -> None:
    assert _code(base + "/missing") == "E467"


def test_connection_refused_is_one_coded_line() -> None:
    assert _code("http://127.0.0.1:9/") == "E466"


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("http://x.example/")
    assert not is_url("article.txt") and not is_url("C:/news/a.txt") and not is_url("-")


def _check(args: list[str], tmp_path, settings: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "settings.toml"
    config.write_text(settings)
    return subprocess.run([sys.executable, "-m", "newsift", "--config", str(config), "--db", str(tmp_path / "s.db"),
                           "check", *args], capture_output=True, text=True, timeout=300)


def test_check_a_url_keeps_address_time_and_hash(base: str, tmp_path) -> None:
    import json

    done = _check([base + "/article", "--format", "json", "--stages", "cleaning"], tmp_path,
                  "fetch_private_hosts = true\n")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    article = report["article"]
    assert "Old Mill Bridge was closed" in article["text"] and article["url"] == base + "/article"
    digest = hashlib.sha256(ARTICLE).hexdigest()
    assert any(digest in note and "fetched from" in note for note in report["notes"])


def test_check_url_refusals_are_one_coded_line(base: str, tmp_path) -> None:
    cases = [("fetch_private_hosts = false\n", "/article", "E461"),
             ("fetch_private_hosts = true\nfetch_enabled = false\n", "/article", "E468"),
             ("fetch_private_hosts = true\n", "/binary", "E469")]
    for settings, path, code in cases:
        done = _check([base + path, "--stages", "cleaning"], tmp_path, settings)
        assert done.returncode == 2 and code in done.stderr and "Traceback" not in done.stderr


def test_index_a_url_stores_it_and_a_refused_one_is_one_coded_line(base: str, tmp_path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("fetch_private_hosts = true\n")
    local = tmp_path / "local.txt"
    local.write_text("Council approves budget\n\nThe council approved the budget on Tuesday after a long debate.\n")

    def index(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "newsift", "--config", str(config), "--db",
                               str(tmp_path / "s.db"), "index", *args], capture_output=True, text=True, timeout=300)

    done = index(base + "/article")
    assert done.returncode == 0, done.stderr
    assert "added 1" in done.stdout
    done = index(base + "/binary", str(local))  # a refused fetch does not stop the other inputs
    assert done.returncode == 2 and "E469" in done.stderr and "Traceback" not in done.stderr
    assert "added 1" in done.stdout and "2 articles" in done.stdout

    from newsift.store import Store

    with Store(str(tmp_path / "s.db"), readonly=True) as store:
        urls = [a.url for _, a in store.iter_articles()]
    assert base + "/article" in urls
