"""The TOML meeting file: a committee, its members and an agenda, written by hand.

A clerk writes one in a text editor (the samples in `sample_meetings/` are such files):

    [committee]
    name = "Family and People Services Policy and Scrutiny Committee"

    [meeting]
    date = 2019-11-25
    start = "7.00 pm"
    officer = "Tristan Fieldsend"

    [[members]]
    name = "Jonathan Glanz"
    role = "chair"

    [[people]]
    name = "Tristan Fieldsend"
    role = "Committee Officer"

    [[items]]
    number = 1
    title = "MEMBERSHIP"

People are named, never given ids: the ids are made when the file is read. Every fault
(a TOML slip, an unknown field, a member named twice, an officer nobody listed) raises
InputError with the file, the line and what was expected. See docs/meeting-file.md.

    checks   the tables, their fields, and the check that reads each value
    reader   read(path), loads(text): the file to a record
    writer   dumps(record), write(record, path): a record to the file
    (the line of each key, for the errors, is clerk.toml_lines')
"""

from clerk.importers.meeting_file.checks import (
    COMMITTEE,
    ITEM,
    MEETING,
    MEMBER,
    MEMBER_HONORIFIC,
    MEMBERSHIP_CHANGE,
    PERSON,
    SUB_ITEM,
)
from clerk.importers.meeting_file.reader import loads, read
from clerk.importers.meeting_file.writer import dumps, write

__all__ = [
    "COMMITTEE",
    "ITEM",
    "MEETING",
    "MEMBER",
    "MEMBERSHIP_CHANGE",
    "MEMBER_HONORIFIC",
    "PERSON",
    "SUB_ITEM",
    "dumps",
    "loads",
    "read",
    "write",
]
