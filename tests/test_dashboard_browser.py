"""The served dashboard in a real browser: Debian's Chromium, driven by Playwright. A class
follows a plot's link to its rule in the ODD, picks a small scenario (its first operation
comes in the first frame), runs it, reveals the truth and switches to French.

Never downloads a browser: it uses /usr/bin/chromium (`.ci/run` installs it), and is
skipped outside CI when it is absent. The screenshot is left under runs/ for a person.
"""

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("solara", reason="the dashboard needs the teach extra")

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = Path("runs") / "dashboard-browser-test.png"
STARTUP_SECONDS = 420
"""The server imports the whole stack; on two cores shared with the rest of the suite (run
in parallel) that can take minutes."""

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("localhost", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def dashboard_url() -> Iterator[str]:
    port = _free_port()
    command = [sys.executable, "-m", "cybergeo", "dashboard", "--no-browser", "--port", str(port)]
    server = subprocess.Popen(command, env={**os.environ, "CYBERGEO_LANG": "en"})
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            assert server.poll() is None, "the dashboard server stopped"
            try:
                socket.create_connection(("localhost", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail(f"the dashboard did not listen on port {port} in {STARTUP_SECONDS} s")
        yield f"http://localhost:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_a_class_follows_a_plot_to_its_rule_runs_reveals_and_switches_to_french(
    dashboard_url,
) -> None:
    # imported here, not at collection: the suite's default tier leaves this test out
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page(viewport={"width": 1500, "height": 1300})
        page.set_default_timeout(300_000)
        page.goto(dashboard_url)
        expect = sync_api.expect
        expect.set_options(timeout=300_000)

        expect(page.locator(".cg-countries")).to_contain_text("Northland, Eastmark, Southport")
        link = page.locator(".cg-plot-tension .cg-odd-link")
        expect(link).to_have_attribute("href", re.compile(r"^blob:.*#725-tension$"))
        with page.expect_popup() as opened:
            link.click()
        rule = opened.value.locator('h3[id="725-tension"]')
        expect(rule).to_have_text("7.25 Tension")
        expect(rule).to_be_in_viewport()
        opened.value.close()
        page.locator(".cg-scenario").click()
        page.locator(".v-menu__content .v-list-item", has_text="estonia-2007").click()
        expect(page.locator(".cg-day")).to_have_text("Day 0 of 400")
        expect(page.locator(".cg-countries")).to_contain_text("Estonia, Russia")
        expect(page.get_by_text("Estonia moves the Bronze Soldier")).to_be_visible()
        expect(page.locator(".cg-plot-operations img")).to_have_count(1)
        before = page.locator(".cg-plot-operations img").get_attribute("src")

        page.locator(".cg-run").click()
        expect(page.locator(".cg-incidents")).to_contain_text(
            re.compile(r"[1-9]\d* operations so far")
        )
        page.locator(".cg-pause").click()
        expect(page.locator(".cg-plot-operations img")).not_to_have_attribute("src", before or "")
        expect(page.locator(".cg-incidents table")).to_contain_text("publicly blamed")
        expect(page.locator(".cg-incidents table")).not_to_contain_text("true author")

        page.get_by_text("Reveal the truth").click()
        expect(page.locator(".cg-incidents table")).to_contain_text("true author")

        page.get_by_text("Français").click()
        expect(page.locator(".cg-run")).to_have_text(re.compile("Lancer", re.IGNORECASE))
        expect(page.get_by_text("Révéler la vérité")).to_be_visible()
        expect(page.get_by_text("L'Estonie déplace le Soldat de bronze")).to_be_visible()
        expect(page.locator(".cg-incidents table")).to_contain_text("véritable auteur")
        expect(page.locator(".cg-day")).to_contain_text("Jour")
        day, days = map(int, re.findall(r"\d+", page.locator(".cg-day").inner_text()))
        assert day <= days, "playing stops at the scenario's last day"

        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        browser.close()
    assert SCREENSHOT.stat().st_size > 10_000
