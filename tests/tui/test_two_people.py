"""Two people, one database: the live screen shows within a second what another process
wrote (the chair's review, an accepted amendment), and the clerk's typing is untouched."""

from __future__ import annotations

from clerk.record import MinuteParagraph
from clerk.store import Store
from clerk.tui.app import ClerkApp
from clerk.tui.screens.live import OTHERS_POLL
from tests.tui.terminal import type_text

SIZE = (120, 40)


async def test_the_live_screen_shows_another_process_paragraph(db, clock) -> None:
    path, meeting_id = db
    app = ClerkApp(path, meeting_id, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        item = screen.session.current_item()
        await type_text(pilot, "Half a sentence")
        # another clerk process (the chair's review) adds a paragraph to the same item
        with Store(path, role="chair") as other:
            other.add(
                meeting_id,
                MinuteParagraph(item_id=item.id, text="Written elsewhere.", position=50),
            )
        shown = []
        for _ in range(int(2 / 0.1)):
            await pilot.pause(0.1)
            shown = [e.text for e in screen.item_record.entries]
            if "Written elsewhere." in shown:
                break
        assert "Written elsewhere." in shown, shown
        assert screen.composer.text == "Half a sentence"  # nothing typed was lost
        await type_text(pilot, " goes on.")
        await pilot.press("enter")
        await pilot.pause(OTHERS_POLL)
    with Store(path) as store:
        texts = [p.text for p in store.load_record(meeting_id).paragraphs]
    assert "Written elsewhere." in texts
    assert "Half a sentence goes on." in texts
