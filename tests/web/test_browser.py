"""Browser tests: Debian's chromium driven by Playwright against a real `newsift serve` on 127.0.0.1.

Skips when playwright or /usr/bin/chromium is absent; Playwright never downloads a browser.
The screenshots are written to docs/img/ for the README.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Iterator

import pytest

from newsift.bench.serve import free_port, wait_ready

from shared_data import DATA, EXAMPLES, ROOT, SEED

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# the README's screenshots are re-taken only on request (NEWSIFT_UPDATE_SCREENSHOTS=1), so a test run
# never changes tracked files
IMG = ROOT / "docs" / "img" if os.environ.get("NEWSIFT_UPDATE_SCREENSHOTS") else Path(tempfile.mkdtemp(prefix="newsift-shots-"))

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("browser") / "store.db")
    newsift = [sys.executable, "-m", "newsift", "--db", db]
    subprocess.run([*newsift, "index", *sorted(str(p) for p in EXAMPLES.glob("*.json"))], check=True,
                   capture_output=True)
    if (DATA / "sources").is_dir():  # outlet ratings, so the pages say "unrated" for the right reason
        subprocess.run([*newsift, "sources", "update", "--from", str(DATA / "sources")], check=True,
                       capture_output=True)
    port = free_port()
    proc = subprocess.Popen([*newsift, "serve", "--port", str(port), "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    wait_ready(base, proc)
    yield base
    proc.terminate()
    assert proc.wait(timeout=30) is not None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _not_blank(png: bytes) -> bool:
    """True when the PNG's pixels are not all one colour (decoded by hand: no imaging library needed)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    data, at = b"", 8
    while at < len(png):
        length = int.from_bytes(png[at:at + 4], "big")
        kind = png[at + 4:at + 8]
        if kind == b"IDAT":
            data += png[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(data)
    return len(set(raw[i:i + 3] for i in range(1, min(len(raw), 400_000), 97))) > 8


def test_paste_the_seed_toggle_layers_and_click_a_quote(server: str, browser, tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip(f"shared data not available: {SEED}")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/")
    page.fill("#text", SEED.read_text(encoding="utf-8"))
    page.fill("#url", "http://dailywesterner.com/news/putin-trolls-comey")
    page.click("#submit")
    page.wait_for_selector("#summary", timeout=120_000)
    assert "Vladimir Putin" in page.inner_text("#card-speakers")
    page.check("input[name=layer][value=quotes]")
    assert "layer-quotes" in page.get_attribute("#article-text", "class")
    page.click("#article-text .qs >> nth=0")
    assert page.inner_text("#detail h3").startswith("quote")
    page.check("input[name=layer][value=furniture]")
    page.focus("#article-text .fu >> nth=0")
    page.keyboard.press("Enter")
    assert "title" in page.inner_text("#detail h3")
    # the seed is another outlet's real article: its picture stays out of the project
    shot = page.screenshot(path=str(tmp_path / "report-seed.png"))
    assert _not_blank(shot)
    assert all(u.startswith(server) or u.startswith("data:") for u in requests), "the page fetched something else"


def test_side_by_side_view_of_a_copied_example(server: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/articles/valley-wire-2026-03-02-bridge")
    summary = page.inner_text("#summary")
    assert "riversideledger.example" in summary and "countyherald.example" in summary
    assert "Elena Ortiz" in summary
    IMG.mkdir(parents=True, exist_ok=True)
    assert _not_blank(page.screenshot(path=str(IMG / "report-summary.png")))
    page.click("#sbs-0 > summary")
    assert page.is_visible("#sbs-0 .sbs")
    page.click("#a-0-0")
    page.wait_for_timeout(400)
    assert page.is_visible("#b-0-0")
    page.locator("#sbs-0").scroll_into_view_if_needed()
    shot = page.locator("#sbs-0").screenshot(path=str(IMG / "side-by-side.png"))
    assert _not_blank(shot)
