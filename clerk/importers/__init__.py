"""Readers of what arrives from outside: agenda packs, meeting files and JSON meeting records.

Each returns a `MeetingRecord` or raises `InputError` naming the file and line; none writes to
the database, so a bad file can never half-import.
"""
