"""The rendered reports in a real browser: headless Debian Chromium driven by Playwright.

Every page (index and each notebook) is opened; every image must load and every local
link must point at an existing file. A screenshot of each page is saved under
tests/artifacts/screenshots/.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent / "artifacts" / "screenshots"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Chromium is not installed: apt-get install chromium chromium-driver (.ci/run does)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


def _pages(root: Path) -> list[Path]:
    reports = root / "reports"
    return [reports / "index.html"] + sorted(p for p in reports.glob("[0-9][0-9]_*.html"))


def test_every_page_loads_its_images_and_links(reproduced, browser):
    root, lines, ok = reproduced
    assert ok, "\n".join(lines)
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = _pages(root)
    assert len(pages) >= 6
    total_images = 0
    for page_path in pages:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        failed_requests: list[str] = []
        page.on("requestfailed", lambda req, acc=failed_requests: acc.append(req.url))
        page.goto(page_path.as_uri(), wait_until="load")
        images = page.eval_on_selector_all(
            "img",
            "els => els.map(e => ({src: e.src.slice(0, 80), ok: e.complete && e.naturalWidth > 0}))",
        )
        broken = [i["src"] for i in images if not i["ok"]]
        assert not broken, f"{page_path.name}: images that did not load: {broken}"
        total_images += len(images)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            url = urlparse(href)
            if url.scheme != "file":
                continue
            target = Path(unquote(url.path))
            assert target.exists(), f"{page_path.name}: broken local link {href}"
        assert not [u for u in failed_requests if u.startswith("file:")], failed_requests
        page.screenshot(path=str(SHOTS / f"{page_path.stem}.png"), full_page=True)
        page.close()
    assert total_images > 0, "no image on any page"
    index_links = [p.stem for p in pages[1:]]
    assert all((SHOTS / f"{s}.png").is_file() for s in ["index", *index_links])
