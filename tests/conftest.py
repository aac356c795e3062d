"""Keep every test away from the developer's own clerk data and settings; Hypothesis's profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: a quick profile by default, for a developer's every run (new random
# examples each time); a thorough one in CI (.ci/run sets HYPOTHESIS_PROFILE=ci), the same
# 300 examples a test every run, so that CI's verdict on a commit can be had again; and
# "explore", many new random examples, to hunt for what neither has met. A test names its
# own number of examples only when each one is costly (every example of the LibreOffice test
# starts LibreOffice).
settings.register_profile(
    "dev",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,  # a failure in CI says how to replay it
    derandomize=True,
)
settings.register_profile(
    "explore",
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_meetings"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("CLERK_DB", str(home / "data" / "clerk" / "clerk.db"))
    monkeypatch.delenv("CLERK_CONFIG", raising=False)
