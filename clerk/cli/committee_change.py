"""--committee-change: how an import takes a committee whose minutes it would change
(clerk.importing.CommitteeChange), said the same way by every command that imports."""

from __future__ import annotations

from typing import Any

import click

from clerk import importing
from clerk.errors import ClerkError


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


def taken(choice: str | None) -> importing.CommitteeChange:
    return importing.CommitteeChange(choice or "refuse")


def refused_change(exc: importing.CommitteeChanged) -> ClerkError:
    return ClerkError(
        f"{exc.facts} Add --committee-change merge (the file's from this meeting on; the "
        "meetings stored keep their minutes as they are), --committee-change new (a new body "
        "beside the stored one) or --committee-change keep (this meeting under the stored "
        "attributes). Nothing was written."
    )
