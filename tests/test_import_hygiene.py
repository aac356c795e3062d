"""The core must not depend on the screen, and headless commands must not pay for it.

Checked in a fresh interpreter, as Harlequin does: what one module imports, the process keeps.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "clerk.record",
    "clerk.dates",
    "clerk.toml_lines",
    "clerk.people",
    "clerk.codec",
    "clerk.store",
    "clerk.reconcile",
    "clerk.importing",
    "clerk.next_meeting",
    "clerk.importers.agenda",
    "clerk.importers.meeting_file",
    "clerk.importers.record_json",
    "clerk.minutes.compose",
    "clerk.minutes.render_text",
    "clerk.minutes.render_docx",
    "clerk.minutes.tracker",
]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(out.split())


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual(module: str) -> None:
    loaded = _modules_after(f"import {module}")
    assert "textual" not in loaded, f"{module} pulls in Textual"


def test_the_import_service_loads_neither_click_nor_the_importers() -> None:
    """`clerk import`, the picker and the samples share it: it must not need click either,
    and naming the files it takes (as the command's help does) reads none of them."""
    loaded = _modules_after("import clerk.importing")
    assert "click" not in loaded
    assert not any(m.startswith("clerk.importers") for m in loaded)


def test_word_export_is_imported_only_when_exporting() -> None:
    loaded = _modules_after("import clerk.minutes.render_docx, clerk.minutes.tracker, clerk.cli")
    assert "docx" not in loaded


def test_listing_meetings_loads_neither_textual_nor_docx(tmp_path) -> None:
    from clerk.store import Store

    Store(tmp_path / "c.db").close()  # `clerk meetings` only reads: it creates no database
    code = (
        "from clerk.cli import main\n"
        f"main(['--db', {str(tmp_path / 'c.db')!r}, 'meetings'], standalone_mode=False)"
    )
    loaded = _modules_after(code)
    assert "textual" not in loaded
    assert "docx" not in loaded


def test_opening_a_meeting_loads_nothing_the_first_frame_does_not_need(tmp_path) -> None:
    """`clerk open` up to its first frame (the startup benchmark's probe), headless: no
    migrations library, no Word export, no minutes renderers, no importers. (The minutes
    composer is needed: the item's record shows the item as the minutes will print it.)"""
    from clerk.samples import load_samples
    from clerk.store import Store

    db = tmp_path / "c.db"
    with Store(db, role="import") as store:
        load_samples(store)
    code = (
        "import os\n"
        f"os.environ['CLERK_STARTUP_PROBE'] = {str(tmp_path / 'probe')!r}\n"
        "os.environ['TEXTUAL_DRIVER'] = 'textual.drivers.headless_driver:HeadlessDriver'\n"
        "import sys\n"
        f"sys.argv = ['clerk', '--db', {str(db)!r}, 'open', '2019-11-25']\n"
        "from clerk.launch import main\n"
        "main()"
    )
    loaded = _modules_after(code)
    assert (tmp_path / "probe").exists(), "the app did not reach its first frame"
    assert "clerk.tui.screens.live" in loaded
    # nor the command-line library: `clerk open` is the one command said with people waiting
    heavy_modules = (
        "sqlite_utils",
        "docx",
        "clerk.minutes.render_docx",
        "clerk.minutes.render_text",
        "clerk.importers",
        "click",
    )
    for heavy in heavy_modules:
        assert heavy not in loaded, f"opening a meeting imports {heavy}"
