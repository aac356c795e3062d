"""Which items of the public minutes are exempt (Part 2), and on which Schedule 12A grounds.

Two kinds of evidence. The resolution excluding the press and public: clerk's wording names
each item with its grounds; older and other councils' wordings say "for the following
item(s)" and so cover the item after the one they are in, or every later item. And a heading
such as "PART 2 (PRIVATE)" or "CONFIDENTIAL ITEMS", which starts the exempt part: every item
after it is exempt (until another part's heading). A heading is not a paragraph, so it is
taken out of the item it was read in and kept as the items' `part_heading`.

Where the minutes leave it open, the reader errs towards exempt and says so in the guesses:
an exempt item read as public would be published, a public item read as exempt is only left
out of the public minutes until the clerk looks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clerk.errors import InputError
from clerk.importers.minutes_text import sentences
from clerk.importers.minutes_text.base import Item, ReaderBase
from clerk.importers.minutes_text.layout import Layout, Para
from clerk.prose import join_names
from clerk.record import Part

# the title of an item that is only the exclusion ("EXCLUSION OF THE PRESS AND PUBLIC")
_EXCLUSION_TITLE = re.compile(r"EXCLU|PRESS AND (?:THE )?PUBLIC|PUBLIC AND (?:THE )?PRESS", re.I)


# a resolution that itself excludes them (not one that, say, reviews how they are excluded)
_RESOLVES = re.compile(r"\bbe excluded\b", re.I)


@dataclass
class _Heading:
    line: int
    text: str
    exempt: bool
    after: int  # the index of the item it was read in (-1: before the first item)
    trailing: list[Para] = field(default_factory=list)  # that item's paragraphs after it
    before_block: bool = False  # it came before that item's RESOLVED block


class ExemptReader(ReaderBase):
    part_marks: list[_Heading]

    def part_headings(self, layout: Layout) -> None:
        """Take the part headings out of the paragraphs they were read as."""
        self.part_marks = []
        places = [(-1, layout.before_items, False)]
        for index, text in enumerate(layout.items):
            places.append((index, text.paragraphs, text.resolved is not None))
            places.append((index, text.after_resolved, False))
        for index, paras, block_after in places:
            for p in list(paras):
                exempt = None if p.bullets else sentences.part_heading(p.text)
                if exempt is not None:
                    at = paras.index(p)
                    paras.remove(p)
                    self.part_marks.append(
                        _Heading(p.line, p.text, exempt, index, paras[at:], block_after)
                    )
                    continue
                joined = None if p.bullets else sentences.trailing_part_heading(p.text)
                if joined is not None:
                    p.text, heading = joined
                    at = paras.index(p) + 1
                    self.part_marks.append(
                        _Heading(p.line, heading, True, index, paras[at:], block_after)
                    )
                    self.guesses.append(
                        f"line {p.line}: {heading!r} at the end of a paragraph is read as the "
                        "heading of the exempt part"
                    )
        for index, text in enumerate(layout.items):
            block = text.resolved
            if block is None or not block.clauses:
                continue
            line, last = block.clauses[-1]
            joined = sentences.trailing_part_heading(last)
            if joined is not None:
                block.clauses[-1] = (line, joined[0])
                self.part_marks.append(
                    _Heading(line, joined[1], True, index, list(text.after_resolved))
                )
                self.guesses.append(
                    f"line {line}: {joined[1]!r} at the end of a resolution is read as the "
                    "heading of the exempt part"
                )

    def exclusions(self, items: list[Item]) -> None:
        """Read the resolutions excluding the press and public (taken out of the minute:
        clerk writes them from the record) and the part headings; mark the items exempt."""
        by_number = {e.item.number: e for e in items}
        for index, entry in enumerate(items):
            found: list[tuple[int, sentences.ExclusionText]] = []
            block = entry.text.resolved
            if block is not None:
                for line, clause in list(block.clauses):
                    read = sentences.exclusion(("That " if block.hoisted else "") + clause)
                    if read is None:
                        continue
                    found.append((line, read))
                    if read.worded or _RESOLVES.search(clause):
                        block.clauses.remove((line, clause))
                    if not read.worded:  # a resolution not resolving it is kept, word for word
                        self.guesses.append(
                            f"line {line}: read as the resolution excluding the press and "
                            "public (clerk's minutes write it in clerk's words)"
                            if _RESOLVES.search(clause)
                            else f"line {line}: a resolution kept as written, and read as "
                            "excluding the press and public"
                        )
                if not block.clauses:
                    entry.text.resolved = None
            for paras in (entry.paragraphs, entry.text.after_resolved):
                for p in list(paras):
                    read = sentences.exclusion(p.text)
                    if read is None:
                        continue
                    found.append((p.line, read))
                    if read.worded:  # the resolution, printed without its RESOLVED
                        paras.remove(p)
                        said = "taken as the resolution excluding the press and public"
                    else:
                        said = "kept as written, and read as excluding the press and public"
                    self.guesses.append(f"line {p.line}: a paragraph {said}")
            for line, read in found:
                self._exclude(read, line, index, items, by_number)
        self._apply_headings(items)
        self._mentions(items)

    def _exclude(
        self,
        read: sentences.ExclusionText,
        line: int,
        index: int,
        items: list[Item],
        by_number: dict[str, Item],
    ) -> None:
        if read.named:
            for number, paragraphs in read.named:
                other = by_number.get(number)
                if other is None:
                    raise InputError(
                        self.source,
                        line,
                        f"the press and public are excluded for item {number}, which the "
                        "minutes do not have",
                    )
                _mark(other, paragraphs)
            return
        here = items[index]
        stop = min(
            (h.after for h in self.part_marks if not h.exempt and h.after > index),
            default=len(items) - 1,
        )
        later = items[index + 1 : stop + 1]
        named_none = "the resolution excluding the press and public names no item"
        if read.following == "item" and later:
            covered = later[:1]
            said = f"{named_none}: {_listed(covered)}, the item after it, is read as exempt"
        elif later:
            covered = later
            said = (
                named_none
                if read.following == "items"
                else (
                    "which items the resolution excluding the press and public covers is not said"
                )
            )
            said += f": every item after it ({_listed(covered)}) is read as exempt"
        else:
            covered = [here]
            said = (
                "no item follows the resolution excluding the press and public: "
                f"{_listed(covered)}, the item it is in, is read as exempt"
            )
        if (
            here not in covered
            and _has_content(here)
            and not _EXCLUSION_TITLE.search(here.item.title)
        ):
            covered = [here, *covered]
            said += (
                f"; {_listed([here])}, the item it is in, says more than the exclusion and is "
                "read as exempt too"
            )
        for entry in covered:
            _mark(entry, read.paragraphs)
        self.guesses.append(f"line {line}: {said}")

    def _apply_headings(self, items: list[Item]) -> None:
        marks = sorted(self.part_marks, key=lambda h: h.line)
        for n, heading in enumerate(marks):
            ends = next((h.after for h in marks[n + 1 :] if h.after > heading.after), None)
            under = items[heading.after + 1 : None if ends is None else ends + 1]
            if heading.after >= 0:
                here = items[heading.after]
                remaining = [*here.paragraphs, *here.text.after_resolved]
                if any(p in remaining for p in heading.trailing) or (
                    heading.before_block and here.text.resolved is not None
                ):
                    under = [here, *under]
            for entry in under:
                entry.item.part_heading = heading.text
            if not heading.exempt:
                continue
            newly = [e for e in under if e.item.part is not Part.EXEMPT]
            for entry in newly:
                _mark(entry, ())
            if newly:
                self.guesses.append(
                    f"line {heading.line}: {heading.text!r} is read as the start of the exempt "
                    f"part: {_listed(newly)} read as exempt, though no resolution excluding the "
                    "press and public names "
                    + ("it" if len(newly) == 1 else "them")
                    + " (grounds unknown)"
                )
            elif not under:
                self.guesses.append(
                    f"line {heading.line}: {heading.text!r} has no item after it; left out"
                )

    def _mentions(self, items: list[Item]) -> None:
        """Public items whose text speaks of exempt information: said, as the item may be
        exempt though nothing here says the press and public were excluded."""
        for entry in items:
            if entry.item.part is Part.EXEMPT:
                continue
            block = entry.text.resolved
            lines = [(p.line, p.text) for p in [*entry.paragraphs, *entry.text.after_resolved]]
            lines += block.clauses if block is not None else []
            for line, text in lines:
                if sentences.mentions_exempt(text):
                    self.guesses.append(
                        f"line {line}: item {entry.item.number} speaks of exempt information "
                        "but no exclusion of the press and public was read for it; it is kept "
                        "public: check it"
                    )


def _mark(entry: Item, paragraphs: tuple[int, ...]) -> None:
    if entry.item.part is not Part.EXEMPT or paragraphs:
        entry.item.exempt_paragraphs = list(paragraphs)
    entry.item.part = Part.EXEMPT


def _has_content(entry: Item) -> bool:
    block = entry.text.resolved
    return bool(entry.paragraphs or entry.text.after_resolved or (block and block.clauses))


def _listed(entries: list[Item]) -> str:
    return ("item " if len(entries) == 1 else "items ") + join_names(e.item.number for e in entries)
