"""--committee-change and --person-change: how an import takes a committee whose minutes it
would change (clerk.importing.CommitteeChange) and a stored person the file gives other
details (clerk.importing.PersonChange), said the same way by every command that imports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from clerk import importing
from clerk.errors import ClerkError

if TYPE_CHECKING:
    from clerk.store import Store


def committee_change_option(command: Any) -> Any:
    """--committee-change, on every command that imports a meeting."""
    return click.option(
        "--committee-change",
        type=click.Choice([c.value for c in importing.CommitteeChange][1:]),
        help="The file gives the stored committee other attributes its minutes depend on "
        "(a board reconstituted as a joint board): merge = the file's from this meeting on, "
        "the meetings stored keep theirs; new = a new body beside the stored one; keep = "
        "this meeting under the stored attributes.",
    )(command)


def person_change_option(command: Any) -> Any:
    """--person-change, on every command that imports a meeting."""
    return click.option(
        "--person-change",
        type=click.Choice([c.value for c in importing.PersonChange]),
        default=importing.PersonChange.TAKE.value,
        show_default=True,
        help="The file gives a stored person other details the minutes print (name, "
        "honorific, role, organisation, pronoun): take = the file's from this meeting on "
        "(this meeting's alone when a later one names them); keep = the stored ones. Either "
        "way each is said, and the meetings stored before keep theirs.",
    )(command)


def taken(choice: str | None) -> importing.CommitteeChange:
    return importing.CommitteeChange(choice or "refuse")


def refused_change(exc: importing.CommitteeChanged) -> ClerkError:
    return ClerkError(
        f"{exc.facts} Add --committee-change merge (the file's from this meeting on; the "
        "meetings stored keep their minutes as they are), --committee-change new (a new body "
        "beside the stored one) or --committee-change keep (this meeting under the stored "
        "attributes). Nothing was written."
    )


def save_import(
    store: Store,
    incoming: importing.Incoming,
    committee_change: str | None,
    *,
    same_day: importing.SameDay,
    on_same_day: str = "",
    dry_run: bool = False,
    replace: bool = False,
    person_change: str = importing.PersonChange.TAKE.value,
) -> importing.Imported:
    """importing.save, its refusals said as every import command says them: what to add to
    the command (`on_same_day` for a meeting of the committee that day), nothing written.
    What was done with a committee change, and each stored person the file gives other
    details, is said, on a line of its own."""
    try:
        done = importing.save(
            store,
            incoming,
            same_day=same_day,
            dry_run=dry_run,
            replace=replace,
            committee_change=taken(committee_change),
            person_change=importing.PersonChange(person_change),
        )
    except importing.CommitteeChanged as exc:
        raise refused_change(exc) from None
    except importing.SameDayMeeting as exc:
        raise ClerkError(f"{exc} {on_same_day} Nothing was written.") from None
    # what the committee change did (kept as stored, taken from this meeting on, a new
    # body) is said: the guesses shown before saving could not know it
    for taken_here in done.guesses[len(incoming.guesses) :]:
        click.echo(f"The committee: {taken_here}")
    for change in done.person_changes:
        click.echo(f"A person's details differ: {change}")
    return done
