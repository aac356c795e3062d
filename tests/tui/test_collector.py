"""The app sets what lives as long as it does out of the garbage collector's walk once its
first screen is drawn (full collections paused a search or a word typed 25 to 60 ms), and
gives it back when it stops: a test's app must not leave its objects beyond collection."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

from clerk.tui import collector
from clerk.tui.app import ClerkApp
from clerk.tui.collector import FREEZE_AFTER


def test_what_lives_is_frozen_while_the_app_runs_and_given_back(tmp_path: Path) -> None:
    async def run() -> int:
        app = ClerkApp(tmp_path / "clerk.db", None, cursor_blink=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await asyncio.sleep(FREEZE_AFTER + 0.3)
            await pilot.pause()
            return gc.get_freeze_count()

    gc.unfreeze()
    during = asyncio.run(run())
    assert during > 10_000, "the app's modules, screens and store are frozen"
    assert gc.get_freeze_count() == 0, "given back when the app stopped"


def test_nothing_is_collected_from_the_start_to_the_first_frame(tmp_path: Path) -> None:
    """`clerk` and `clerk open` hold the collector from their start: it is given back once
    the first screen is drawn, and when an app stops before that."""

    async def run(wait: float) -> bool:
        app = ClerkApp(tmp_path / "clerk.db", None, cursor_blink=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await asyncio.sleep(wait)
            await pilot.pause()
            return gc.isenabled()

    try:
        collector.hold()
        assert not gc.isenabled()
        assert asyncio.run(run(FREEZE_AFTER + 0.3)), "collecting again once drawn"
        collector.hold()
        asyncio.run(run(0))
        assert gc.isenabled(), "given back by an app that stopped before its first frame"
    finally:
        gc.enable()
