"""The picker's import says each stored person the file gives other details, and the next
meeting made from an earlier one has its people as they are now (issue 11, section 3)."""

from __future__ import annotations

from pathlib import Path

from clerk import importing
from clerk.store import Store
from clerk.tui.app import ClerkApp
from tests.test_person_history import A_DAY, LEADER, changed_b, meeting, rendered, write
from tests.tui.test_picker import SIZE, import_through_the_picker


def meeting_a_and_a_later_file(store: Store, tmp_path: Path) -> tuple[str, str, Path]:
    """Meeting A stored, its minutes as rendered, and the file of a later meeting that gives
    some of A's people other details."""
    a_id = importing.import_file(store, write(meeting(A_DAY), tmp_path / "a.json")).meeting_id
    a_record = store.load_record(a_id)
    return a_id, rendered(a_record), write(changed_b(), tmp_path / "b.json", same=a_record)


async def test_the_picker_says_who_changed_and_the_earlier_minutes_stay(
    tmp_path: Path, clock
) -> None:
    path = tmp_path / "clerk.db"
    with Store(path) as store:
        a_id, before, b_file = meeting_a_and_a_later_file(store, tmp_path)
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await import_through_the_picker(app, pilot, b_file)
        (note,) = [n for n in app._notifications if n.title == "A person's details differ"]
        said = str(note.message)
        assert (
            f"role: 'Cabinet Member for Adult Social Care' stored, '{LEADER}' in the file" in said
        )
        assert "Councillor Margot Bright: name: 'Margot Bright' stored" in said
    with Store(path) as store:
        assert len(store.list_meetings()) == 2
        assert rendered(store.load_record(a_id)) == before


async def test_the_next_meeting_made_from_an_earlier_one_has_its_people_as_they_are_now(
    tmp_path: Path, clock
) -> None:
    path = tmp_path / "clerk.db"
    with Store(path) as store:
        a_id, before, b_file = meeting_a_and_a_later_file(store, tmp_path)
        b_id = importing.import_file(store, b_file).meeting_id
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")  # A, below B
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+u", *"2020-03-19", "enter")
        await pilot.pause()
    with Store(path) as store:
        assert rendered(store.load_record(a_id)) == before
        made = [m.id for m in store.list_meetings() if m.id not in (a_id, b_id)]
        assert len(made) == 1
        names = {p.name for p in store.load_record(made[0]).people}
        assert "Margot Bright-Smith" in names and "Margot Bright" not in names
        assert store.find_person("Margot Bright-Smith") is not None  # not put back
        assert store.find_person("Margot Bright") is None
