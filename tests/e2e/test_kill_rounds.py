"""The short version of scripts/kill_rounds.py (issue 8, point 2): a few SIGKILLs of a live
session in a real terminal while two processes keep the CPU busy; nothing typed more than a
second before a kill may be missing. The full run is 100 rounds (see docs/reliability.md)."""

from __future__ import annotations

import shutil

import pytest

from scripts.kill_rounds import run

if shutil.which("tmux") is None:
    pytest.fail("tmux is not installed (Debian: apt-get install -y tmux; `make test` does)")


def test_a_kill_loses_nothing_typed_a_second_before_it_with_the_cpu_busy() -> None:
    due, missing = run(rounds=3, load=2, seed=7, quiet=True)
    assert due > 0
    assert missing == []
