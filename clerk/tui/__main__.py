"""python -m clerk.tui --db PATH [MEETING_ID]: the live screens without the CLI around them."""

from __future__ import annotations

import time

START = time.perf_counter()  # first thing: the startup benchmark measures from here

import argparse  # noqa: E402
from pathlib import Path  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m clerk.tui")
    parser.add_argument("--db", type=Path, required=True, help="the clerk database")
    parser.add_argument("meeting", nargs="?", help="open this meeting on its live screen")
    args = parser.parse_args(argv)
    from clerk.tui.app import run_app

    run_app(args.db, args.meeting)


if __name__ == "__main__":
    main()
