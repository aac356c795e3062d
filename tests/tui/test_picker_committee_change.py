"""The picker's import asks how to take a committee that has changed (issue 11, section 3),
and whatever the clerk answers, the stored meeting's minutes read as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk import importing
from clerk.importers import record_json
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.dialogs.forms import ChoiceDialog
from tests.test_committee_history import BOTH, meeting_a, meeting_b, rendered
from tests.tui.test_picker import SIZE, import_through_the_picker


@pytest.mark.parametrize(("key", "councils"), [("m", BOTH), ("n", BOTH), ("k", BOTH[:1])])
async def test_the_picker_asks_and_the_earlier_minutes_stay(
    tmp_path: Path, clock, key: str, councils: list[str]
) -> None:
    path = tmp_path / "clerk.db"
    record_json.write(meeting_a(), tmp_path / "a.json")
    record_json.write(meeting_b(), tmp_path / "b.json")
    with Store(path) as store:
        a_id = importing.import_file(store, tmp_path / "a.json").meeting_id
        before = rendered(store.load_record(a_id))
    app = ClerkApp(path, None, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await import_through_the_picker(app, pilot, tmp_path / "b.json")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "councils: 'City of Westminster' stored" in dialog.title_text
        with Store(path) as store:
            assert len(store.list_meetings()) == 1  # nothing yet: the clerk is asked
        await pilot.press(key)
        await pilot.pause()
    with Store(path) as store:
        meetings = store.list_meetings()
        assert len(meetings) == 2
        assert rendered(store.load_record(a_id)) == before
        b = store.load_record(next(m.id for m in meetings if m.id != a_id))
        assert b.committee.councils == councils


async def test_the_next_meeting_made_from_an_earlier_one_is_of_the_committee_as_it_is_now(
    tmp_path: Path, clock
) -> None:
    """A's committee is held as it was; the next meeting made from A (F3) is the joint
    board's, and neither A's minutes nor the committee go back to the old attributes."""
    path = tmp_path / "clerk.db"
    record_json.write(meeting_a(), tmp_path / "a.json")
    record_json.write(meeting_b(), tmp_path / "b.json")
    with Store(path) as store:
        a_id = importing.import_file(store, tmp_path / "a.json").meeting_id
        before = rendered(store.load_record(a_id))
        merge = importing.CommitteeChange.MERGE
        b_id = importing.import_file(store, tmp_path / "b.json", committee_change=merge).meeting_id
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
        assert store.load_record(made[0]).committee.councils == BOTH
        assert store.load_record(b_id).committee.councils == BOTH
