"""The chair in a browser: `clerk serve` serves the review screen through textual-serve, and
headless Chromium (Debian's, driven by Playwright) shows the minutes.

textual-serve first shows a start button (`?delay`), then draws the terminal with xterm.js on
a canvas; the text is read from xterm.js's own buffer in the page. The terminal object is not
a global of textual-serve's script, so a script run before the page's catches it where its fit
add-on is given it (`activate(terminal)` sets `this._terminal`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from clerk.minutes.references import passages
from clerk.samples import load_samples
from clerk.store import Store
from clerk.tui.screens.review import meeting_minutes

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TOKEN = "a-test-token"

CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "_terminal", {
  configurable: true,
  set(value) {
    if (value && value.buffer && !window.__xterm) { window.__xterm = value; }
    Object.defineProperty(this, "_terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
  },
});
"""

SCREEN_TEXT = """() => {
  const t = window.__xterm;
  if (!t) { return ""; }
  const lines = [];
  for (let i = 0; i < t.rows; i++) {
    const line = t.buffer.active.getLine(i);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, str, dict[str, str]]]:
    """`clerk serve` on the recorded sample meeting: (port, meeting id, its passages' texts
    by reference)."""
    db = tmp_path / "clerk.db"
    with Store(db, role="import") as store:
        loaded = load_samples(store)
        meeting_id = loaded["fps-2019-10-17.json"]
        record = store.load_record(meeting_id)
    texts = {p.reference: p.text for p in passages(meeting_minutes(record))}
    port = free_port()
    env = {**os.environ, "CLERK_CONFIG": str(tmp_path / "no-config")}
    server = subprocess.Popen(
        [sys.executable, "-m", "clerk", "--db", str(db), "serve", meeting_id,
         "--port", str(port), "--token", TOKEN],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            time.sleep(0.1)
        yield port, meeting_id, texts
    finally:
        server.terminate()
        server.wait(timeout=10)


def screen_text(page: Page) -> str:
    return page.evaluate(SCREEN_TEXT)


def wait_for_text(page: Page, text: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen_text(page)
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared in the browser's terminal:\n{shown}")


def test_the_review_screen_in_headless_chromium(served) -> None:
    port, _meeting_id, texts = served
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.add_init_script(CATCH_TERMINAL)
            # without the token: refused
            refused = page.goto(f"http://127.0.0.1:{port}/?delay=1")
            assert refused is not None and refused.status == 403
            page.goto(f"http://127.0.0.1:{port}/?delay=1&token={TOKEN}", wait_until="commit")
            start = page.locator("#start")
            start.wait_for(state="visible", timeout=20_000)
            start.click()
            shown = wait_for_text(page, "open request")  # the review's header line
            assert "Minutes —" in shown
            # a paragraph of the minutes: the attendance block's first line, as exported
            wait_for_text(page, texts["attendance 1"][:40])
            # keys reach it: End goes to the last passage, the line the chair signs
            page.locator(".xterm-screen").click()
            page.keyboard.press("End")
            wait_for_text(page, texts["closing"][:30])
        finally:
            browser.close()
