"""The rendered reports in a real browser: headless Debian Chromium driven by Playwright
(on Windows, Microsoft Edge or Google Chrome, both Chromium).

Every page (index and each notebook) is opened; every image must load and every local
link must point at an existing file. A screenshot of each page is saved under
tests/artifacts/screenshots/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

#: Overrides where the test looks for Chromium (tests point it at a missing file).
CHROMIUM_ENV = "PSM_CHROMIUM"
INSTALL_HINT = "apt-get install chromium chromium-driver fonts-dejavu-core (as .ci/run does)"
#: Where Windows keeps Edge (on every Windows 10 and 11) and Chrome, as their installers put them.
WINDOWS_BROWSERS = [
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
]
WINDOWS_HINT = (
    "on Windows, Edge or Chrome: set PSM_CHROMIUM=" + WINDOWS_BROWSERS[0] + " (cmd) or "
    "$env:PSM_CHROMIUM = '" + WINDOWS_BROWSERS[0] + "' (PowerShell)"
)
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


def chromium_path() -> Path | None:
    """The Chromium executable: $PSM_CHROMIUM if set, else ``chromium`` on PATH or
    /usr/bin/chromium, or on Windows Edge or Chrome where they are installed; None when
    that file does not exist."""
    override = os.environ.get(CHROMIUM_ENV)
    if not override and sys.platform == "win32":
        installed = [b for b in WINDOWS_BROWSERS if Path(b).is_file()]
        if installed:
            return Path(installed[0])
    found = override or shutil.which("chromium") or "/usr/bin/chromium"
    return Path(found) if Path(found).is_file() else None


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_chromium() -> Path:
    """Chromium's path; without it the browser test is skipped, or fails when CI is set."""
    path = chromium_path()
    if path is not None:
        return path
    looked = os.environ.get(CHROMIUM_ENV) or "chromium on PATH, /usr/bin/chromium"
    reason = f"Chromium not found ({looked}); install it with: {INSTALL_HINT}; {WINDOWS_HINT}"
    if in_ci():
        pytest.fail(f"{reason}. CI is set, so the browser test is required.")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(executable), args=FLAGS, headless=True)
        yield b
        b.close()


def _visible(page, selector: str) -> int:
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => e.offsetParent !== null).length"
    )


def _check_notebook_page(page, page_path: Path) -> None:
    """Code hidden until asked for, a link back to the index, a real title, and every
    table the page cites shown on the page."""
    name = page_path.name
    assert page.title() and page.title() != page_path.stem, f"{name}: no page title"
    assert page.locator('a[href="index.html"]').count() >= 1, f"{name}: no link to the index"
    code = page.locator(".jp-CodeCell .jp-Cell-inputWrapper").count()
    assert code > 0
    assert _visible(page, ".jp-CodeCell .jp-Cell-inputWrapper") == 0, f"{name}: code shown"
    page.click("#psm-toggle-code")
    assert _visible(page, ".jp-CodeCell .jp-Cell-inputWrapper") == code
    page.click("#psm-toggle-code")
    text = page.inner_text("body")
    # the thesis's own numbers (BAB II onwards, the Lampiran); "Tabel I.1" cites BAB I
    cited = set(re.findall(r"Tabel ((?:[IVX]{2,}|V|L|\d+)\.\d+)", text))
    shown = {
        s.removeprefix("Tabel ")
        for s in page.eval_on_selector_all(
            ".psm-caption-tabel .psm-nomor", "els => els.map(e => e.textContent)"
        )
    }
    assert cited, f"{name}: cites no table"
    assert cited <= shown, f"{name}: cites tables not on the page: {sorted(cited - shown)}"


def _pages(root: Path) -> list[Path]:
    reports = root / "reports"
    return [reports / "index.html"] + sorted(p for p in reports.glob("[0-9][0-9]_*.html"))


@pytest.mark.slow
@pytest.mark.browser
def test_every_page_loads_its_images_and_links(browser, reproduced):
    # browser first: without Chromium the test skips before the project is reproduced.
    root, lines, ok = reproduced
    assert ok, "\n".join(lines)
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = _pages(root)
    assert len(pages) >= 6
    total_images = 0
    for page_path in pages:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        failed_requests: list[str] = []
        requests: list[str] = []
        page.on("requestfailed", lambda req, acc=failed_requests: acc.append(req.url))
        page.on("request", lambda req, acc=requests: acc.append(req.url))
        page.goto(page_path.as_uri(), wait_until="networkidle")
        # offline: no script or style from a CDN (require.js, MathJax, mermaid)
        external = [u for u in requests if not u.startswith(("file:", "data:"))]
        assert not external, f"{page_path.name}: requests leave the machine: {external}"
        if page_path.name != "index.html":
            _check_notebook_page(page, page_path)
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


def test_missing_chromium_skips_with_the_install_command(tmp_path, monkeypatch):
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-chromium"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as exc:
        require_chromium()
    assert str(exc.value) == (
        f"Chromium not found ({tmp_path / 'no-chromium'}); install it with: "
        "apt-get install chromium chromium-driver fonts-dejavu-core (as .ci/run does); "
        "on Windows, Edge or Chrome: set PSM_CHROMIUM="
        r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe (cmd) or "
        r"$env:PSM_CHROMIUM = 'C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe'"
        " (PowerShell)"
    )


@pytest.mark.parametrize("ci", ["true", "1"])
def test_missing_chromium_fails_when_ci_is_set(tmp_path, monkeypatch, ci):
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-chromium"))
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception) as exc:
        require_chromium()
    assert "CI is set, so the browser test is required" in str(exc.value)
    assert "apt-get install chromium chromium-driver" in str(exc.value)


def test_an_existing_chromium_is_used(tmp_path, monkeypatch):
    fake = tmp_path / "chromium"
    fake.write_bytes(b"")
    monkeypatch.setenv(CHROMIUM_ENV, str(fake))
    monkeypatch.setenv("CI", "true")
    assert require_chromium() == fake


@pytest.mark.parametrize(("ci", "outcome", "code"), [("", "1 skipped", 0), ("true", "1 error", 1)])
def test_the_browser_test_skips_or_fails_without_chromium(tmp_path, ci, outcome, code):
    """The real test, run by pytest with Chromium missing: skipped, or an error (its
    fixture fails) under CI."""
    env = dict(os.environ, CI=ci, **{CHROMIUM_ENV: str(tmp_path / "no-chromium")})
    test = f"{Path(__file__).name}::test_every_page_loads_its_images_and_links"
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", test],
        cwd=Path(__file__).parent,
        capture_output=True,
        encoding="locale",
        env=env,
    )
    assert out.returncode == code and outcome in out.stdout, out.stdout + out.stderr
    assert "apt-get install chromium chromium-driver" in out.stdout
