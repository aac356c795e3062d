"""House style: the settings that differ between councils and committees, read from TOML.

Everything here is a setting, not a rule. The defaults are the Westminster house style (the
built-in `westminster` style spells each one out, in clerk/minutes/styles/westminster.toml);
a style file names only what it changes:

    [resolutions]
    label = "({n})"
    hoist_that = true

Templates use {placeholders} (listed per setting below) and `**bold**` for bold text.
`load_style("westminster")` reads a built-in style; `load_style("my-council.toml")` a file.
Any fault raises InputError naming the file and the line.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clerk.dates import DATE_PLACEHOLDERS, TIME_PLACEHOLDERS
from clerk.errors import InputError, quoted

STYLES_DIR = Path(__file__).parent / "styles"

LAYOUTS = ("inline", "per_person", "per_seat")
ORDERS = ("agenda", "taken")
PEOPLE_ORDERS = ("alphabetical", "recorded", "seat", "councillors_first")


@dataclass(frozen=True)
class HeadingStyle:
    councils: list[str] = field(default_factory=list)  # [] = the committee's own councils
    uppercase_councils: bool = True  # "CITY OF WESTMINSTER"
    title: str = "MINUTES"
    subtitle: str = "MINUTES OF PROCEEDINGS"
    chair_title: str = ""  # "Chairman" or "Chair"; "" = as the committee says
    # the heading's lines in order, in place of the four above: {council} (a line per
    # council), {committee} / {COMMITTEE}, or fixed text; [] = councils, title, committee,
    # subtitle
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class OpeningStyle:
    # {committee} {date} {venue} {start_time} {councils}
    single: str = "Minutes of a meeting of the **{committee}** held on **{date}** in {venue}."
    joint: str = "Minutes of a joint meeting of the **{committee}** held on **{date}** in {venue}."
    date: str = "{weekday} {day} {month} {year}"  # {day_ordinal} {month_number} {month_abbr} too
    time: str = "{h12}.{mm} {ampm}"  # "8.59 pm"; "{h12}.{mm}{ampm}" "8.59pm"; "{HH}:{mm}" "20:59"


@dataclass(frozen=True)
class AttendanceStyle:
    layout: str = "inline"  # inline | per_person | per_seat
    # the order of the people sitting: alphabetical (the chair first, then A–Z by surname) |
    # recorded (as marked in the roll call) | seat (the committee's order of its seats) |
    # councillors_first (the chair, councillors A–Z, then others A–Z)
    order: str = "alphabetical"
    members: str = "**Members Present:** {names}"  # inline: {names} is "Councillors A, B and C"
    present_heading: str = "**Present:**"  # per_person / per_seat: a heading, then one a line
    also_present: bool = True
    also_present_line: str = "**Also present:** {names}."
    # in the one-a-line layouts: listed (one a line after the members) | line (the line above)
    also_present_layout: str = "listed"
    officers: bool = False  # list officers in the attendance (Westminster names them in the text)
    officers_line: str = "**Officers:** {names}."
    deputy_mark: str = "(acting as Deputy)"
    # the chair's label in the per_person layout; {title} the chair's title, {role} their role
    # at the meeting: "{title}" in place of the role, "{title}, {role}" beside it
    chair_label: str = "{title}"
    # the chair's line in the per_seat layout: seat ("Seat: Name (Chair)") | title
    # ("Chair: Name (Role)")
    per_seat_chair: str = "seat"
    # a co-chair who did not preside (when the record says who did): "" no mark, "Co-{title}"
    other_co_chair: str = ""
    arrived: str = "{name} arrived at {time}{during}."  # {during}: " during item 4" or ""
    left: str = "{name} left the meeting at {time}{during}."
    # when the clerk recorded the item but not the time
    arrived_untimed: str = "{name} arrived{during}."
    left_untimed: str = "{name} left the meeting{during}."


@dataclass(frozen=True)
class MembershipStyle:
    """The Membership minute. A membership change (a member has left the committee or
    joined it), apologies with a substitute for one meeting, and a deputy are three facts
    with wording of their own; none may read as another."""

    none: str = "There were no changes to the membership."
    # how each person is named in the Membership minute's sentences: {honorific} {name}
    # {role} (at this meeting, else their own) {organisation}; an empty one takes its
    # separator with it, and brackets left empty go
    councillor: str = "{honorific} {name}"
    person: str = "{honorific} {name} ({role} – {organisation})"
    # a membership change noted at the meeting; {left} {joined} {body}
    replaced: str = (
        "It was noted that {left} had stepped down from the {body} and would be replaced "
        "by {joined}."
    )
    left: str = "It was noted that {left} had stepped down from the {body}."
    joined: str = "It was noted that {joined} had been appointed to the {body}."
    # {names}: everyone who sent apologies, A–Z
    apologies: str = "Apologies for absence were received from {names}."
    # one sentence per substitute, after the apologies; {substitute} {member}
    substitute: str = "{substitute} attended as a substitute for {member}."
    # {names}: the deputies; {member} / {members}: whom they deputised for, in the same order
    deputies: str = "{names} attended as Deputies for {members} respectively."
    deputy: str = "{names} attended as Deputy for {member}."
    # separate: apologies (with substitutes), then deputies with whom they sat for |
    # deputies_after_their_members: "Apologies … from A and B. X and Y attended as their
    # respective Deputies. Apologies … were also received from C."
    grouping: str = "separate"
    apologies_also: str = "Apologies for absence were also received from {names}."
    deputies_respective: str = "{names} attended as their respective Deputies."
    deputy_respective: str = "{names} attended as their Deputy."


@dataclass(frozen=True)
class DeclarationsStyle:
    none: str = "There were no declarations of interest."
    # how a declaration names its item; {number} {title} (in title case, not capitals)
    item: str = "item {number}, '{title}'"
    # how it names the member declaring (and names them again where no pronoun is
    # recorded); {honorific} ("Councillor", "Dr") {name} {role} {organisation}
    member: str = "{honorific} {name}"


@dataclass(frozen=True)
class ResolutionsStyle:
    heading: str = "RESOLVED:"
    label: str = "{n})"  # or "({n})"
    hoist_that: bool = False  # "3.1 RESOLVED: That" / "(1) The Minutes … be approved …; and"
    # the Minutes item's standard resolution; {committee} {date}
    approve_minutes: str = "That the Minutes of the {committee} meeting held on {date} be approved."
    # when the agenda did not say which meeting's minutes; {committee}
    approve_minutes_undated: str = "That the Minutes of the {committee} meeting be approved."


@dataclass(frozen=True)
class VotesStyle:
    show_counts: bool = False  # a show of hands: say the numbers, not just the outcome
    outcome: str = "{outcome}"  # {outcome} "carried" / "lost", {OUTCOME} "CARRIED"
    # the lists of a recorded vote
    voting_for: str = "Voting for:"
    voting_against: str = "Voting against:"
    abstaining: str = "Abstaining:"


@dataclass(frozen=True)
class ItemsStyle:
    order: str = "agenda"  # agenda | taken
    # an item's heading: {number} {title} (as on the agenda), {title_upper}, {title_case}
    heading: str = "{number}. {title}"
    # an unnumbered note inside an item (MinuteParagraph.note); {text}
    note: str = "({text})"


@dataclass(frozen=True)
class ClosingStyle:
    ended: str = "The Meeting ended at {time}."
    time: str = ""  # the closing time's form; "" = as [opening] time
    signatures: list[str] = field(default_factory=lambda: ["{CHAIR}:", "DATE:"])
    # After the signature lines, once the chair has approved the minutes ("" for none);
    # {Chair} {CHAIR} {date}
    approved: str = "Approved by the {Chair} on {date}."
    # once a later meeting has confirmed them; {date} that meeting's, {minute} its minute
    confirmed: str = "Confirmed as a correct record at the meeting on {date} (minute {minute})."
    confirmed_amended: str = "Confirmed with amendments at the meeting on {date} (minute {minute})."


@dataclass(frozen=True)
class HouseStyle:
    name: str = "westminster"
    heading: HeadingStyle = field(default_factory=HeadingStyle)
    opening: OpeningStyle = field(default_factory=OpeningStyle)
    attendance: AttendanceStyle = field(default_factory=AttendanceStyle)
    membership: MembershipStyle = field(default_factory=MembershipStyle)
    declarations: DeclarationsStyle = field(default_factory=DeclarationsStyle)
    resolutions: ResolutionsStyle = field(default_factory=ResolutionsStyle)
    votes: VotesStyle = field(default_factory=VotesStyle)
    items: ItemsStyle = field(default_factory=ItemsStyle)
    closing: ClosingStyle = field(default_factory=ClosingStyle)


#: What a template naming one person may say of them.
PERSON = frozenset({"honorific", "name", "role", "organisation"})

#: The placeholders each template may use.
PLACEHOLDERS: dict[tuple[str, str], frozenset[str]] = {
    ("opening", "single"): frozenset({"committee", "date", "venue", "start_time", "councils"}),
    ("opening", "joint"): frozenset({"committee", "date", "venue", "start_time", "councils"}),
    # what a date or time template may say is what clerk.dates can fill in
    ("opening", "date"): DATE_PLACEHOLDERS,
    ("opening", "time"): TIME_PLACEHOLDERS,
    ("attendance", "members"): frozenset({"names"}),
    ("attendance", "also_present_line"): frozenset({"names"}),
    ("attendance", "officers_line"): frozenset({"names"}),
    ("attendance", "arrived"): frozenset({"name", "time", "during"}),
    ("attendance", "left"): frozenset({"name", "time", "during"}),
    ("attendance", "arrived_untimed"): frozenset({"name", "during"}),
    ("attendance", "chair_label"): frozenset({"title", "role"}),
    ("attendance", "other_co_chair"): frozenset({"title"}),
    ("attendance", "left_untimed"): frozenset({"name", "during"}),
    ("membership", "councillor"): PERSON,
    ("membership", "person"): PERSON,
    ("membership", "none"): frozenset(),
    ("membership", "replaced"): frozenset({"left", "joined", "body"}),
    ("membership", "left"): frozenset({"left", "body"}),
    ("membership", "joined"): frozenset({"joined", "body"}),
    ("membership", "substitute"): frozenset({"member", "substitute"}),
    ("membership", "apologies"): frozenset({"names"}),
    ("membership", "deputies"): frozenset({"names", "members"}),
    ("membership", "deputy"): frozenset({"names", "member"}),
    ("membership", "apologies_also"): frozenset({"names"}),
    ("membership", "deputies_respective"): frozenset({"names"}),
    ("membership", "deputy_respective"): frozenset({"names"}),
    ("declarations", "item"): frozenset({"number", "title"}),
    ("declarations", "member"): PERSON,
    ("declarations", "none"): frozenset(),
    ("votes", "outcome"): frozenset({"outcome", "OUTCOME"}),
    ("votes", "voting_for"): frozenset(),
    ("votes", "voting_against"): frozenset(),
    ("votes", "abstaining"): frozenset(),
    ("resolutions", "label"): frozenset({"n"}),
    ("resolutions", "approve_minutes"): frozenset({"committee", "date"}),
    ("resolutions", "approve_minutes_undated"): frozenset({"committee"}),
    ("closing", "ended"): frozenset({"time"}),
    ("heading", "lines"): frozenset({"council", "committee", "COMMITTEE"}),
    ("closing", "time"): TIME_PLACEHOLDERS,
    ("items", "heading"): frozenset({"number", "title", "title_upper", "title_case"}),
    ("items", "note"): frozenset({"text"}),
    ("closing", "signatures"): frozenset({"CHAIR", "Chair"}),
    ("closing", "approved"): frozenset({"CHAIR", "Chair", "date"}),
    ("closing", "confirmed"): frozenset({"date", "minute"}),
    ("closing", "confirmed_amended"): frozenset({"date", "minute"}),
}

CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("attendance", "layout"): LAYOUTS,
    ("attendance", "order"): PEOPLE_ORDERS,
    ("attendance", "also_present_layout"): ("listed", "line"),
    ("attendance", "per_seat_chair"): ("seat", "title"),
    ("membership", "grouping"): ("separate", "deputies_after_their_members"),
    ("items", "order"): ORDERS,
}


def builtin_styles() -> list[str]:
    return sorted(p.stem for p in STYLES_DIR.glob("*.toml"))


def load_style(name_or_path: str | Path) -> HouseStyle:
    """A built-in style by name ("westminster") or a style file by path."""
    text_name = str(name_or_path)
    path = Path(name_or_path)
    if not (text_name.endswith(".toml") or path.is_file() or "/" in text_name):
        builtin = STYLES_DIR / f"{text_name}.toml"
        if not builtin.is_file():
            known = ", ".join(builtin_styles())
            raise InputError(
                text_name,
                None,
                f"no house style named {quoted(text_name)} (built-in styles: {known}; "
                "or give the path of a style .toml file)",
            )
        path = builtin
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, None, "no such style file") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return loads_style(text, path, default_name=path.stem)


def loads_style(text: str, source: str | Path = "<style>", default_name: str = "") -> HouseStyle:
    import tomllib  # a style is read rarely; opening a meeting reads none

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+)", str(exc))
        raise InputError(
            source, int(match.group(1)) if match else None, f"not valid TOML: {exc}"
        ) from None
    known_sections = {f.name: f for f in dataclasses.fields(HouseStyle)}
    top: dict[str, Any] = {}
    name = data.pop("name", default_name or "custom")
    if not isinstance(name, str):
        raise InputError(source, _line_of(text, "name"), "name: expected text")
    for section, table in data.items():
        if section not in known_sections or section == "name":
            raise InputError(
                source,
                _line_of(text, section),
                f"unknown setting or section {quoted(section)} (sections: "
                f"{', '.join(s for s in known_sections if s != 'name')})",
            )
        if not isinstance(table, dict):
            raise InputError(
                source, _line_of(text, section), f"{section}: expected a [{section}] table"
            )
        factory = known_sections[section].default_factory
        assert callable(factory)  # every section of HouseStyle has a default_factory
        cls = factory()
        top[section] = _section(cls, section, table, text, source)
    return HouseStyle(name=name, **top)


def _section(default: Any, section: str, table: dict[str, Any], text: str, source: Any) -> Any:
    fields = {f.name for f in dataclasses.fields(default)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        # found only for an error: a style read without fault never looks for lines
        line = functools.partial(_line_of, text, section, key)
        where = f"{section}.{key}"
        if key not in fields:
            raise InputError(
                source,
                line(),
                f"unknown setting {quoted(where)} "
                f"(known in [{section}]: {', '.join(sorted(fields))})",
            )
        expected = getattr(default, key)
        if isinstance(expected, bool):
            if not isinstance(value, bool):
                raise InputError(source, line(), f"{where}: expected true or false")
        elif isinstance(expected, str):
            if not isinstance(value, str):
                raise InputError(source, line(), f"{where}: expected text in quotes")
        elif isinstance(expected, list) and (
            not isinstance(value, list) or not all(isinstance(v, str) for v in value)
        ):
            raise InputError(source, line(), f'{where}: expected a list of texts ["…", "…"]')
        choices = CHOICES.get((section, key))
        if choices and value not in choices:
            raise InputError(
                source, line(), f"{where}: {quoted(value)} is not one of {', '.join(choices)}"
            )
        allowed = PLACEHOLDERS.get((section, key))
        if allowed is not None:
            for template in value if isinstance(value, list) else [value]:
                for placeholder in _placeholders(template, where, source, line):
                    if placeholder not in allowed:
                        raise InputError(
                            source,
                            line(),
                            f"{where}: unknown placeholder {{{placeholder}}} "
                            f"(allowed: {', '.join('{' + p + '}' for p in sorted(allowed))})",
                        )
        values[key] = value
    return dataclasses.replace(default, **values)


def _placeholders(
    template: str, where: str, source: Any, line: Callable[[], int | None]
) -> list[str]:
    import string

    try:
        return [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        raise InputError(
            source, line(), f"{where}: bad template ({exc}; write {{{{ for a brace)"
        ) from None


def _line_of(text: str, *key: str) -> int | None:
    """The line of `key` ("opening", "date") in the style's text: the same index the meeting
    file's errors use, built only when an error needs it."""
    from clerk.toml_lines import line_of  # a style read without fault never needs it

    return line_of(text, key)
