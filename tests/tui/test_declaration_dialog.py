"""The declaration dialog on its own (issue 8, point 11): it says which keys save, shows the
title of the item whose number is typed, and refuses a number that is not on the agenda."""

from __future__ import annotations

from clerk.record import AgendaItem, DeclarationAction, MeetingRecord
from clerk.tui.dialogs.declaration import DeclarationDialog, DeclarationInput
from tests.tui.conftest import october_record
from tests.tui.dialog_host import SIZE, DialogHost, in_view, keys, shown
from tests.tui.terminal import type_text


def dialog(record: MeetingRecord, item_number: str = "") -> DeclarationDialog:
    members = [p for p in record.people if p.is_councillor]
    return DeclarationDialog(
        "2. DECLARATIONS OF INTEREST",
        members,
        list(record.committee.interest_kinds),
        item_number,
        items=record.agenda(),
    )


def numbered(record: MeetingRecord) -> dict[str, AgendaItem]:
    return {i.number: i for i in record.items}


async def test_the_keys_that_save_are_shown() -> None:
    app = DialogHost(dialog(october_record()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert 'Enter: next field · Enter on "What they did": save · Escape: cancel' in shown(app)


async def test_the_item_typed_shows_its_title() -> None:
    record = october_record()
    record.items.append(
        AgendaItem(number="4A", title="URGENT ITEM: WINTER PRESSURES", position=4, urgent=True)
    )
    app = DialogHost(dialog(record))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys("Margot"), "enter")  # on to the item
        assert "blank: the agenda as a whole" in shown(app)
        await pilot.press("5")
        assert "5 — IMMUNISATION PROGRAMMES IN WESTMINSTER" in shown(app)
        await pilot.press("2")
        assert "no item 52 on this agenda" in shown(app)
        assert "IMMUNISATION" not in shown(app)
        await pilot.press("backspace", "backspace", "4", "a")
        assert "4A — URGENT ITEM: WINTER PRESSURES" in shown(app)


async def test_the_current_item_is_shown_when_the_dialog_opens() -> None:
    app = DialogHost(dialog(october_record(), item_number="6"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "6 — ANNUAL ADOPTION AND FOSTERING REPORTS" in shown(app)


async def test_a_declaration_names_the_item_it_is_on() -> None:
    record = october_record()
    app = DialogHost(dialog(record))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys("Margot"), "enter", "5", "enter")
        await pilot.press("enter")  # the first kind: a pecuniary interest
        await type_text(pilot, "in that she is a governor of a school")
        await pilot.press("enter")
        await pilot.press("enter")  # left the room
        await pilot.pause()
    (result,) = app.results
    assert isinstance(result, DeclarationInput)
    assert result.person.name == "Margot Bright"
    assert result.item_id == numbered(record)["5"].id
    assert result.item_number == "5"
    assert result.kind == "pecuniary interest"
    assert result.nature == "she is a governor of a school"
    assert result.action is DeclarationAction.LEFT_ROOM


async def test_blank_is_the_agenda_as_a_whole() -> None:
    app = DialogHost(dialog(october_record()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys("Peter"), "enter", "enter", "down", "enter")
        await type_text(pilot, "he knows the applicant")
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
    (result,) = app.results
    assert result.item_id is None and result.item_number == ""
    assert result.kind == "other significant interest"
    assert result.action is DeclarationAction.REMAINED


async def test_an_item_not_on_the_agenda_is_refused() -> None:
    record = october_record()
    app = DialogHost(dialog(record))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys("Margot"), "enter", "1", "2", "enter")
        assert "There is no item 12 on this agenda" in shown(app)
        # Tab past the number to the end: still refused, and nothing recorded
        await pilot.press("tab", "tab")
        await type_text(pilot, "she is a governor")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.results == []
        assert "There is no item 12 on this agenda" in shown(app)
        assert app.screen.focused is app.screen.query_one("#decl-item")
        await pilot.press("end", "backspace", "enter", "enter", "enter", "enter")
        await pilot.pause()
    (result,) = app.results
    assert result.item_id == numbered(record)["1"].id


async def test_escape_records_nothing() -> None:
    app = DialogHost(dialog(october_record()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys("Margot"), "enter", "escape")
        await pilot.pause()
    assert app.results == [None]


async def test_on_a_short_terminal_the_keys_and_a_refusal_stay_in_view() -> None:
    app = DialogHost(dialog(october_record()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys("Margot"), "enter", "1", "2", "tab", "tab", "tab", "enter")
        await pilot.pause()
        assert in_view(app, app.screen.query_one("#decl-item"))
        text = shown(app)
        assert "There is no item 12 on this agenda" in text
        assert 'Enter on "What they did": save' in text


async def test_the_dialog_shows_the_sentence_the_minutes_will_print() -> None:
    """The minutes' composer words the preview: the kind with its article ("a significant
    interest"), the item's title as the minutes quote it, and, with no pronoun on record,
    the member's name again rather than a guessed "They"."""
    from clerk.minutes.compose import Composer
    from clerk.minutes.style import HouseStyle
    from clerk.record import Declaration

    record = october_record()

    def preview(answer: DeclarationInput) -> str:
        d = Declaration(answer.person.id, answer.item_id, answer.kind, answer.nature)
        d.action = answer.action
        return Composer(record, HouseStyle()).declaration_sentence(d, public=True)

    members = [p for p in record.people if p.is_councillor]
    app = DialogHost(
        DeclarationDialog(
            "2. DECLARATIONS OF INTEREST",
            members,
            list(record.committee.interest_kinds),
            items=record.agenda(),
            preview=preview,
        )
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "The minutes will say: (name the member)" in shown(app)
        await pilot.press(*keys("Margot"), "enter", "5", "enter", "down", "enter")
        await type_text(pilot, "she owns a property nearby")
        await pilot.press("enter")
        await pilot.pause()
        assert (
            "The minutes will say: Councillor Margot Bright declared a significant interest in "
            "respect of item 5, 'Immunisation Programmes in Westminster', in that she owns a "
            "property nearby. Councillor Margot Bright left the room during the consideration "
            "of the item and took no part in the discussion or vote."
        ) in " ".join(shown(app).split())
