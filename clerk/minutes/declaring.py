"""A declaration of interest as the minutes write it.

    Councillor Ann Lee declared a pecuniary interest in respect of item 5, 'Westminster's
    Youth Justice Plan', in that she is a magistrate. She left the room during the
    consideration of the item and took no part in the discussion or vote.

The kind is named with its article ("a significant interest", never "an other significant
interest"); the item as the house refers to it (a style template, the title in title case,
not in the agenda's capitals); "He"/"She"/"They" only where the record holds the member's
pronoun, otherwise the member's name again. On an exempt item the public minutes leave out
the nature and the capacity.
"""

from __future__ import annotations

from clerk.minutes import phrases
from clerk.minutes.document import Inline, plain
from clerk.minutes.style import HouseStyle
from clerk.minutes.templates import fill, join_with, plain_text
from clerk.record import Declaration, DeclarationAction, MeetingRecord


def declaration_sentence(
    record: MeetingRecord, style: HouseStyle, d: Declaration, *, public: bool
) -> str:
    return plain_text(declaration_runs(record, style, d, public=public))


def declaration_runs(
    record: MeetingRecord, style: HouseStyle, d: Declaration, *, public: bool
) -> Inline:
    """The declaration's sentences, with the bold the style's `member` and `item` give."""
    person = record.person(d.person_id)
    item = record.item(d.item_id) if d.item_id else None
    hide = public and item is not None and item.is_exempt
    name = fill(
        style.declarations.member,
        optional=True,
        honorific="Councillor" if person.is_councillor else person.honorific,
        name=person.name,
        role=person.role,
        organisation=person.organisation,
    )
    parts: list[Inline] = [name, plain(f" declared {phrases.interest(d.kind)}")]
    capacity = d.capacity.strip().rstrip(".")
    if capacity and not hide:
        possessive = phrases.pronoun(person, "possessive")
        said = f" in {possessive} capacity as {capacity}" if possessive else f" as {capacity}"
        parts.append(plain(said))
    if item is not None:
        reference = fill(
            style.declarations.item,
            number=item.number,
            title=phrases.title_as_written(item.title),
        )
        parts += [plain(" in respect of "), reference]
    nature = d.nature.strip().rstrip(".")
    if nature and not hide:
        if not nature.casefold().startswith("in that "):
            nature = f"in that {nature}"
        parts.append(plain(f", {nature}"))
    if d.action is DeclarationAction.NOT_STATED:
        parts.append(plain("."))  # what the minutes it came from did not say is not said
        return join_with(parts, "")
    parts.append(plain(". "))
    the_item = "the item" if item is not None else "the items concerned"
    # the record's pronoun, or the name: never a pronoun the record does not hold
    pronoun = phrases.pronoun(person, capital=True)
    parts.append(plain(pronoun) if pronoun else name)
    action = {
        DeclarationAction.LEFT_ROOM: " left the room during the consideration of "
        f"{the_item} and took no part in the discussion or vote.",
        DeclarationAction.DID_NOT_VOTE: " remained in the room for the discussion of "
        f"{the_item} but took no part in the vote.",
        DeclarationAction.REMAINED: " remained in the room and took part in the "
        "discussion and vote.",
        DeclarationAction.DISPENSATION: " took part in the discussion and vote under "
        "a dispensation.",
    }[d.action]
    parts.append(plain(action))
    return join_with(parts, "")
