"""What the live screen shows is what the minutes will say (issue 8, points 8, 9, 7 and 13):
the item's record is the item's minute with the numbers the minutes print, sentences written
from the roll call and declarations included; an item with a resolution is marked done; a
house phrase never doubles or drops a space; the agenda takes an item by its number; keys
valid on one item only are offered there only."""

from __future__ import annotations

import itertools

from clerk.minutes.compose import compose_minutes
from clerk.minutes.render_text import render_text
from clerk.minutes.style import load_style
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.session import PHRASES
from clerk.tui.widgets.footer import ClerkFooter
from clerk.tui.widgets.live import AgendaList
from tests.tui.terminal import burst, settled, typed

SIZE = (120, 40)


def minutes_text(path, meeting_id) -> str:
    with Store(path) as store:
        record = store.load_record(meeting_id)
    return render_text(compose_minutes(record, load_style(record.committee.style)))


async def test_the_item_record_numbers_paragraphs_as_the_minutes_do(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        # the roll call: Payne sends apologies, Noble substitutes for Carmen
        await pilot.press("f4", "p", "p", "p", "s", *typed("Matt No"), "enter")
        await pilot.pause()
        await pilot.press("down", "p", "p", "a", "p", "escape")
        await pilot.pause()
        label = str(app.screen.query_one("#composer-label").render())
        await burst(app, *typed("The Chairman welcomed Councillor Noble."), "enter")
        await settled(pilot)
        entries = app.screen.item_record.entries
        typed_entry = entries[-1]
        assert typed_entry.text == "The Chairman welcomed Councillor Noble."
        generated = [e for e in entries if e.kind == "generated"]
        # the minutes' own membership sentences come first: the clerk's paragraph is not 1.1;
        # Carmen, substituted for, has sent apologies too, and the substitute is said with them
        assert [e.text for e in generated] == [
            "Apologies for absence were received from Councillors Ian Carmen and Emily Payne. "
            "Councillor Matt Noble attended as a substitute for Councillor Ian Carmen."
        ]
        assert [e.number for e in generated] == ["1.1"]
        assert typed_entry.number == "1.2"
        assert label.startswith("New paragraph 1.2")
        await pilot.press("ctrl+q")
    minutes = minutes_text(path, meeting_id)
    for entry in entries:
        if entry.number:
            assert f"{entry.number} {entry.text}" in minutes


async def test_declarations_show_as_the_minutes_write_them(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")  # Declarations of interest
        await pilot.pause()
        assert [e.text for e in app.screen.item_record.entries] == [
            "There were no declarations of interest."
        ]
        await pilot.press("f5", *typed("Peter"), "enter", "ctrl+u", "5", "enter")
        await pilot.press("enter", *typed("he is a governor"), "enter", "enter")
        await pilot.pause()
        (entry,) = app.screen.item_record.entries
        assert entry.number == "2.1" and entry.kind == "declarations"
        assert entry.text.startswith("Councillor Peter Freeman declared a pecuniary interest")
        await pilot.press("ctrl+q")
    assert f"2.1 {entry.text}" in minutes_text(path, meeting_id)


async def test_an_item_with_a_resolution_is_marked_done(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # item 4
        agenda = app.screen.query_one(AgendaList)

        def mark(number: str) -> str:
            prompt = str(agenda.get_option_at_index(agenda.numbers.index(number)).prompt)
            return prompt[1]

        assert mark("4") == " "
        await burst(app, "f3", *typed("the update be noted."), "enter")
        await settled(pilot)
        assert mark("4") == "✓"
        await pilot.press("ctrl+z")  # the resolution undone: no longer done
        await pilot.pause()
        assert mark("4") == " "


async def test_house_phrases_never_double_or_drop_a_space(db, clock) -> None:
    """Every phrase, after every kind of text, followed by every kind of next key."""
    befores = ["", "Then", "Then ", "(", "Ms Crouch,"]
    afters = ["", " that", "that", ", which", ". Next"]
    keys = {"overview": "ctrl+o", "noted": "ctrl+t", "concern": "ctrl+r", "suggested": "ctrl+g"}
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        composer = app.screen.composer
        for (name, key), before, after in itertools.product(keys.items(), befores, afters):
            await burst(app, *typed(before), key, *typed(after))
            await settled(pilot)
            text = composer.text
            await burst(app, "enter")
            await settled(pilot)
            phrase = PHRASES[name]
            case = f"{before!r} + {name} + {after!r}: {text!r}"
            assert "  " not in text, case
            assert phrase in text, case
            start = text.index(phrase)
            if before.strip() and not before.endswith("("):
                assert text[start - 1] == " ", case
            rest = text[start + len(phrase) :]
            if after.strip().startswith((",", ".")):
                assert rest == after.strip(), case
            elif after:
                assert rest == " " + after.strip(), case


async def test_the_agenda_takes_an_item_by_its_number(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(app, "ctrl+l", "1", "0", "enter", *typed("In private."), "enter")
        await settled(pilot)
        assert app.session.current_item().number == "10"
        assert app.focused is app.screen.composer
        paragraphs = app.session.record.paragraphs_for(app.session.current_item().id)
        assert [p.text for p in paragraphs] == ["In private."]


def footer_text(app: ClerkApp) -> str:
    footer = app.screen.query_one(ClerkFooter)
    return "\n".join(footer.render_line(y).text for y in range(footer.size.height))


async def test_keys_for_one_item_are_offered_on_that_item_only(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "No declarations" not in footer_text(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "No declarations" in footer_text(app)
        assert "Approve minutes" not in footer_text(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "No declarations" not in footer_text(app)
        assert "Approve minutes" in footer_text(app)
