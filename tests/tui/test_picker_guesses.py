"""What the agenda reader guessed is shown when an agenda is imported from the picker, as
`clerk import` prints it: a split of members' names that is a guess is never made silently."""

from __future__ import annotations

from pathlib import Path

from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.screens.picker import PickerScreen
from tests.tui.test_picker import SIZE, import_through_the_picker

PACK = Path(__file__).parent.parent / "agendas" / "scrutiny_members_guessed_part2.md"


async def test_the_picker_shows_the_guessed_split_of_members_names(db, clock) -> None:
    path, _ = db
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await import_through_the_picker(app, pilot, PACK)
        assert isinstance(app.screen, PickerScreen)
        notes = [n for n in app._notifications if n.title == "Guessed"]
        assert len(notes) == 1
        assert notes[0].severity == "warning"
        assert (
            "Line 13 runs members' names together with only spaces between them; split them as "
            "a first name (or initials) and a surname each: Susie Burbridge, Angela Piddock, "
            "Paul Swaddle and B J Jones. Check these names against the agenda."
        ) in notes[0].message.split("\n")
        assert any("Published on 8 November 2019" in line for line in notes[0].message.split("\n"))
    with Store(path) as store:
        assert len(store.list_meetings()) == 2
