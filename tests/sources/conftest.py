"""Fixtures: a local HTTP server over ../shared/data/sources, and a store loaded from it once."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator

import pytest

from newsift.settings import Options
from newsift.sources import update_sources
from newsift.store import Store
SOURCES = Path(__file__).resolve().parents[3] / "shared" / "data" / "sources"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    return need(SOURCES)


@pytest.fixture
def serve_folder() -> Iterator:
    """Serve any folder over HTTP for one test: ``url = serve_folder(path)``."""
    servers = []

    def start(folder: Path) -> str:
        server, url = serve(folder)
        servers.append(server)
        return url

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def sources_url() -> Iterator[str]:
    """A base URL serving the public rating sets from a thread in this process."""
    server, url = serve(need(SOURCES))
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def ratings_db(sources_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding every rating set, loaded over HTTP."""
    path = str(tmp_path_factory.mktemp("ratings") / "ratings.db")
    with Store(path) as store:
        update_sources(store, Options(db=path), origin=sources_url)
    return path


@pytest.fixture
def ratings_store(ratings_db: str) -> Iterator[Store]:
    store = Store(ratings_db, create=False)
    yield store
    store.close()
