"""The keys as the clerk is told them — the README's table, `clerk keys`, the F1 help — are the
keys as bound, and a key remapped in keys.toml is shown remapped."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Markdown

from clerk.cli import main
from clerk.tui.app import ClerkApp
from clerk.tui.keys_help import (
    help_text,
    key_for,
    key_name,
    keys_markdown,
    readme_block,
    with_keys,
)
from clerk.tui.screens.picker import MeetingTable
from clerk.tui.widgets.composer import Composer
from tests.conftest import REPO

SIZE = (120, 40)


def row(markdown: str, key: str) -> str:
    """The table row for `key` (the first, if several)."""
    return next(line for line in markdown.splitlines() if line.startswith(f"| {key} |"))


def test_the_readme_keys_table_is_the_bindings() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme_block(readme) == keys_markdown(), (
        "The README's keys table is not what the bindings say: run "
        "`.venv/bin/python -m clerk.tui.keys_help README.md`"
    )


def test_the_table_has_the_keys_the_readme_used_to_leave_out() -> None:
    table = keys_markdown()
    assert "to the item's record" in row(table, "Escape")
    assert "to the agenda" in row(table, "Ctrl+L")
    assert "move the highlighted paragraph or resolution up" in row(table, "Ctrl+Up or `[`")
    assert 'the house phrase "The Committee noted"' in row(table, "Ctrl+T")
    assert "Ctrl+Q" in table and "Ctrl+P" in table and "F1" in table


def test_a_remapped_key_is_remapped_in_the_table() -> None:
    table = keys_markdown({"focus_agenda": "ctrl+a", "rollcall_present": "y"})
    assert "to the agenda" in row(table, "Ctrl+A")
    assert not any(line.startswith("| Ctrl+L |") for line in table.splitlines())
    assert row(table, "`y`") == "| `y` | present |"


def test_the_readme_table_is_rewritten_between_its_markers() -> None:
    text = "before\n<!-- keys:start -->\nold table\n<!-- keys:end -->\nafter\n"
    updated = with_keys(text, "| key | does |\n")
    assert updated == "before\n<!-- keys:start -->\n| key | does |\n<!-- keys:end -->\nafter\n"
    assert readme_block(updated) == "| key | does |\n"


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("ctrl+n", "Ctrl+N"),
        ("f10", "F10"),
        ("escape", "Escape"),
        ("ctrl+up", "Ctrl+Up"),
        ("left_square_bracket", "["),
        ("p", "p"),
        ("shift+tab", "Shift+Tab"),
        ("delete", "Delete"),
    ],
)
def test_keys_are_named_as_on_the_keyboard(key: str, name: str) -> None:
    assert key_name(key) == name


def write_keys(config: Path, text: str) -> None:
    (config / "keys.toml").write_text(f"[keys]\n{text}", encoding="utf-8")


async def test_f1_help_in_the_picker_shows_a_remapped_key(db, clock, isolated_config) -> None:
    write_keys(isolated_config, 'import_agenda = "f6"\n')
    path, _ = db
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        help_shown = app.screen.query_one("HelpPanel Markdown", Markdown).source
        assert "**F6** imports an agenda pack" in help_shown
        assert "**F2**" not in help_shown
        assert "**Enter** opens the highlighted meeting" in help_shown
        assert "{key:" not in help_shown


async def test_help_text_fills_in_the_keys_as_remapped(db, clock, isolated_config) -> None:
    write_keys(isolated_config, 'phrase_noted = "ctrl+y"\ninsert_person = "f11,ctrl+k"\n')
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        composer = app.screen.query_one(Composer)
        template = (
            "**{key:phrase_noted}** noted, **{key:phrase_concern}** concern, "
            "**{key:insert_person}** a person, **{key:help}** help"
        )
        assert help_text(composer, template) == (
            "**Ctrl+Y** noted, **Ctrl+R** concern, **F11 / Ctrl+K** a person, **F1** help"
        )
        assert key_for(composer, "next_item") == "Ctrl+N"
        with pytest.raises(KeyError, match="no_such_binding"):
            help_text(composer, "{key:no_such_binding}")


async def test_the_picker_help_names_only_keys_it_has(db, clock) -> None:
    path, _ = db
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(MeetingTable)
        help_text(table, MeetingTable.HELP_TEMPLATE)  # strict: every placeholder is a binding


def test_help_naming_a_key_out_of_reach_shows_its_id_rather_than_fail() -> None:
    table = MeetingTable()  # not on its screen yet: the picker's keys are out of its reach
    assert "**open_meeting** opens the highlighted meeting" in table.HELP
    with pytest.raises(KeyError, match="open_meeting"):
        help_text(table, MeetingTable.HELP_TEMPLATE)


def test_clerk_keys_shows_your_keys(isolated_config) -> None:
    write_keys(isolated_config, 'focus_agenda = "ctrl+a"\nmove_up = "ctrl+k,["\n')
    runner = CliRunner()
    markdown = runner.invoke(main, ["keys", "--markdown"], catch_exceptions=False).output
    assert "to the agenda" in row(markdown, "Ctrl+A")
    assert "move the highlighted paragraph or resolution up" in row(markdown, "Ctrl+K or `[`")
    shipped = runner.invoke(main, ["keys", "--markdown", "--defaults"], catch_exceptions=False)
    assert shipped.output == keys_markdown()
    listing = runner.invoke(main, ["keys"], catch_exceptions=False).output
    assert "Ctrl+A" in listing and "focus_agenda" in listing


async def test_every_live_help_names_real_keys_as_remapped(db, clock, isolated_config) -> None:
    """The F1 help of the composer, the item's record, the agenda and the roll call: every
    key it names is a binding (strict), and a key remapped in keys.toml is named remapped."""
    from clerk.tui.screens.rollcall import RollCallTable
    from clerk.tui.widgets.item_record import ItemRecord
    from clerk.tui.widgets.live import AgendaList

    write_keys(isolated_config, 'phrase_noted = "f11"\ndelete_entry = "ctrl+d"\n')
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for widget_class in (Composer, ItemRecord, AgendaList):
            widget = app.screen.query_one(widget_class)
            shown = help_text(widget, widget_class.HELP_TEMPLATE)
            assert "{key:" not in shown
        composer_help = help_text(app.screen.query_one(Composer), Composer.HELP_TEMPLATE)
        assert '**F11** "The Committee noted"' in composer_help
        record_help = help_text(app.screen.query_one(ItemRecord), ItemRecord.HELP_TEMPLATE)
        assert "**Ctrl+D** removes the highlighted entry" in record_help
        await pilot.press("f4")
        await pilot.pause()
        table = app.screen.query_one(RollCallTable)
        assert "**p** present" in help_text(table, RollCallTable.HELP_TEMPLATE)
