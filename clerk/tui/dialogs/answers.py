"""Forms that answer with a checked value: a time, an action arising, a title.

Each is a FormDialog whose `read` turns the fields into the value or says what is wrong; the
live screen awaits the answer and never parses the fields itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from clerk.tui.dialogs.forms import Field, FormDialog, NameSuggester
from clerk.tui.session import clock_time, parse_date, parse_time


@dataclass(frozen=True)
class TimeAnswer:
    moment: time
    reason: str = ""  # an adjournment's, when asked


@dataclass(frozen=True)
class ActionAnswer:
    text: str
    lead: str
    due: date | None


def time_dialog(title: str, default: time, *, reason: bool = False) -> FormDialog:
    """A time (the current one offered), and a reason when asked: answers a TimeAnswer."""
    fields = [Field("time", "Time", clock_time(default))]
    if reason:
        fields.append(Field("reason", "Reason (optional)"))

    def read(values: dict[str, str]) -> TimeAnswer:
        return TimeAnswer(parse_time(values["time"]), values.get("reason", "").strip())

    return FormDialog(title, fields, read=read)


def action_dialog(item_number: str, names: list[str]) -> FormDialog:
    """An action arising on an item: what, who leads it, when it is due. Answers an
    ActionAnswer."""

    def read(values: dict[str, str]) -> ActionAnswer:
        text = values["text"].strip()
        if not text:
            raise ValueError("Say what the action is")
        due = values["due"].strip()
        return ActionAnswer(text, values["lead"].strip(), parse_date(due) if due else None)

    return FormDialog(
        f"Action arising — item {item_number}",
        [
            Field("text", "Action", placeholder="Requested that the report be circulated."),
            Field("lead", "Lead (→ completes)", suggester=NameSuggester(names)),
            Field("due", "Due (2019-12-31 or 31/12/2019)"),
        ],
        read=read,
    )


def text_dialog(title: str, label: str, what: str) -> FormDialog:
    """One line of text, not blank (`what` names it in the complaint). Answers a str."""

    def read(values: dict[str, str]) -> str:
        text = " ".join(values["text"].split())
        if not text:
            raise ValueError(f"Give the {what}")
        return text

    return FormDialog(title, [Field("text", label)], read=read)
