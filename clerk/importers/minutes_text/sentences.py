"""Generated sentences read back into what they were written from: declarations, votes,
late arrivals and early departures, the exclusion of the press and public.

Each reader returns None when the sentence is not of its form, so the paragraph stays a
paragraph: nothing typed by a clerk is ever turned into data by a near miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk.importers.minutes_text.forms import pattern
from clerk.record import DeclarationAction, VoteChoice

_ACTIONS: tuple[tuple[DeclarationAction, str], ...] = (
    (
        DeclarationAction.LEFT_ROOM,
        r"left the room (?:during|for) the consideration of (?:the item|this item|the items "
        r"concerned) and took no part in the discussion (?:or|and) (?:the )?vote\.",
    ),
    (
        DeclarationAction.DID_NOT_VOTE,
        r"remained in the room for the discussion of (?:the item|this item|the items concerned) "
        r"but took no part in the vote\.",
    ),
    (
        DeclarationAction.REMAINED,
        # the published minutes often stop at "the discussion" (HOUSE_STYLE §3)
        r"remained in the room and took part in the discussion(?: and (?:the )?vote)?\.",
    ),
    (
        DeclarationAction.DISPENSATION,
        r"took part in the discussion and vote under a dispensation\.",
    ),
)

_DECLARED = re.compile(r"^(?P<who>.+?) declared (?P<body>.+)$")
# "He"/"She"/"They" where the record holds the member's pronoun, else the name again
_SUBJECT = re.compile(r"(?P<subject>He|She|They|.+?) (?P<action>(?:left|remained|took) .+)$")
_PRONOUNS = {"he": "he", "she": "she", "they": "they", "his": "he", "her": "she", "their": "they"}
_CAPACITY = re.compile(r"^ in (?P<pronoun>his|her|their) capacity as (?P<c>.+)$|^ as (?P<c2>.+)$")
# where an unlisted kind of interest ends
_KIND_ENDS = re.compile(
    r" in (?:his|her|their) capacity as | as | in respect of | in relation to |,? in that "
)
# a declaration made during an item: "declared a personal interest at this point as …"
_AT_THIS_POINT = re.compile(r" at this (?:point|stage|juncture)(?= |,|$)")
_NATURE = re.compile(r",? in that ")
# "in respect of item 4", "items 4 and 5", "items 4, 5 and 6": the numbers alone
_ITEM_NUMBERS = re.compile(
    r" in (?:respect of|relation to) (?:[Ii]tem (?P<one>\d{1,3}[A-Z]?)|[Ii]tems "
    r"(?P<many>\d{1,3}[A-Z]?(?:, \d{1,3}[A-Z]?)* and \d{1,3}[A-Z]?))$"
)
#: the kind recorded when the minutes name none ("declared that he was a leaseholder …")
UNNAMED_KIND = "interest"


@dataclass(frozen=True)
class DeclarationText:
    who: str
    kind: str
    capacity: str
    item_numbers: tuple[str, ...]  # none: on the agenda as a whole, or only a title was named
    item_title: str
    nature: str
    action: DeclarationAction | None  # None: the minutes do not say what the member did
    pronoun: str  # "he", "she", "they", or "" (the minutes named the member again)
    kind_named: bool = True  # False: the minutes name no kind ("declared that …")


def _kind_named(kind: str) -> str:
    """A kind as the sentence names it: "other significant interest" is "a significant
    interest" (clerk.minutes.phrases.interest)."""
    name = " ".join(kind.split())
    return name[6:] if name[:6].casefold() == "other " and len(name) > 6 else name


def _kind(rest: str, kinds: list[str]) -> tuple[str, str] | None:
    """(the kind, the words after it) from "a pecuniary interest in respect of …"; the older
    "an other significant interest" read as the kind it names."""
    m = re.match(r"^an? ", rest)
    if m is None:
        return None
    words = rest[m.end() :]
    spellings = sorted(
        ((form, k) for k in kinds for form in {k, _kind_named(k)}),
        key=lambda fk: len(fk[0]),
        reverse=True,
    )
    for form, k in spellings:
        if words == form or words.startswith((form + " ", form + ",")):
            return k, words[len(form) :]
    end = _KIND_ENDS.search(words)
    kind = words[: end.start()] if end else words
    return (kind, words[len(kind) :]) if kind else None


def _action(body: str, who: str) -> tuple[str, DeclarationAction | None, str] | None:
    """(the declaration, what the member did, the pronoun said) from the sentences after
    "declared": the second, when there is one, must be one of the actions clerk writes; the
    last such split is taken, as a title or a nature may hold a full stop. None when the
    text after the first sentence is something else."""
    for stop in reversed([m.start() for m in re.finditer(r"\. ", body)]):
        s = _SUBJECT.match(body, stop + 2)
        if s is None or s.group("subject") not in ("He", "She", "They", who):
            continue
        action = next((a for a, rx in _ACTIONS if re.fullmatch(rx, s.group("action"))), None)
        if action is None:
            return None  # "He left early.": not a sentence clerk writes
        subject = s.group("subject")
        said = _PRONOUNS.get(subject.lower(), "") if subject != who else ""
        return body[:stop], action, said
    if not body.endswith("."):
        return None
    return body[:-1], None, ""


def _one_sentence(*parts: str) -> bool:
    """No second sentence hidden in what was read as a capacity or nature ("… a tenant. The
    Chairman thanked her"): such a paragraph is left for the clerk, not half read."""
    return not any(re.search(r"\. [A-Z]", part) for part in parts)


def declaration(
    text: str, kinds: list[str], item_forms: tuple[str, ...] = ("item {number}, '{title}'",)
) -> DeclarationText | None:
    """ "Councillor X declared a pecuniary interest[ in her capacity as …| as …][ in respect of
    item 4, 'Title'| items 4 and 5][, in that …][. She left the room …]", or "Councillor X
    declared that he was …[ in respect of item 4]" (a declaration naming no kind)."""
    m = _DECLARED.match(text)
    if not m:
        return None
    who = m.group("who")
    split = _action(m.group("body"), who)
    if split is None:
        return None
    declared, action, said = split
    declared = _AT_THIS_POINT.sub("", declared)
    kind_named = not declared.startswith("that ")
    if kind_named:
        found = _kind(declared, kinds)
        if found is None:
            return None
        kind, rest = found
    else:
        kind, rest = UNNAMED_KIND, declared[len("that") :]
    nature = ""
    n = _NATURE.search(rest) if kind_named else None
    if n is not None:
        rest, nature = rest[: n.start()], "in that " + rest[n.end() :]
    item_numbers: tuple[str, ...] = ()
    item_title = ""
    for template in item_forms:
        r = re.search(rf" in respect of (?:{pattern(template).pattern})$", rest)
        if r:
            number = r.groupdict().get("number")
            item_numbers, item_title = (number,) if number else (), r.groupdict().get("title") or ""
            rest = rest[: r.start()]
            break
    else:
        r = _ITEM_NUMBERS.search(rest)
        if r:
            many = r.group("many")
            item_numbers = tuple(re.findall(r"\d{1,3}[A-Z]?", many)) if many else (r.group("one"),)
            rest = rest[: r.start()]
    capacity, possessive = "", ""
    if not kind_named:
        nature, rest = "in that" + rest, ""
    if rest:
        c = _CAPACITY.match(rest)
        if c is None:
            return None
        capacity, possessive = c.group("c") or c.group("c2"), c.group("pronoun") or ""
    if action is not None and possessive and _PRONOUNS[possessive] != said:
        return None  # "in her capacity … He left": not a sentence clerk writes
    if action is None:
        # with no action sentence to mark the form, an unlisted kind must at least be an
        # interest: "an interest on the budget item, which …" is not a kind
        unlisted = kind not in kinds and not re.fullmatch(r"(?:[\w-]+ ){0,3}interest", kind)
        if unlisted or not _one_sentence(capacity, nature):
            return None
        said = _PRONOUNS[possessive] if possessive else ""
    return DeclarationText(
        who, kind, capacity, item_numbers, item_title, nature, action, said, kind_named
    )


# --------------------------------------------------------------------------- votes


@dataclass(frozen=True)
class VoteText:
    motion: str
    recorded: bool
    carried: bool
    votes_for: int = 0
    votes_against: int = 0
    abstentions: int = 0
    named: tuple[tuple[str, VoteChoice], ...] = ()  # (names as listed, choice)
    casting: VoteChoice | None = None
    figures: bool = False  # a recorded vote's figures were printed (and read above)


def _counts(prefix: str = "") -> str:
    """The figures the style may ask for, optional: " (4 for, 1 against, 1 abstention)",
    "… no abstentions)"; the groups named with `prefix` where one pattern has two."""
    return (
        rf"(?: \((?P<{prefix}f>\d+) for, (?P<{prefix}a>\d+) against, "
        rf"(?:(?P<{prefix}x>\d+) abstentions?|no abstentions)\))?"
    )


_SHOW = re.compile(
    r"^On a show of hands, the motion(?: (?P<motion>.+?))? was (?P<o>carried|lost)"
    rf"{_counts()}\.$"
)
_SHOW_CASTING = re.compile(
    rf"^On a show of hands on the motion(?: (?P<motion>.+?))?, the votes were equal{_counts()} "
    r"and the (?:\w+) gave a casting vote (?P<side>for|against) the motion, which was therefore "
    r"(?P<o>carried|lost)\.$"
)
_RECORDED = re.compile(
    r"^A recorded vote was taken on the motion(?: (?P<motion>.+?))?\.(?P<groups>(?: (?:Voting for|"
    rf"Voting against|Abstaining): .+?\.)*)(?: The motion was (?P<o>carried|lost){_counts()}\.|"
    rf" The votes being equal{_counts('t')}, the \w+ gave a casting vote (?P<side>for|against) "
    r"the motion, which was therefore (?P<o2>carried|lost)\.)$"
)
_GROUP = re.compile(r"(?P<label>Voting for|Voting against|Abstaining): (?P<names>.+?)\.(?= |$)")
_CHOICE = {
    "Voting for": VoteChoice.FOR,
    "Voting against": VoteChoice.AGAINST,
    "Abstaining": VoteChoice.ABSTAIN,
}


def vote(text: str) -> VoteText | None:
    m = _SHOW.match(text) or _SHOW_CASTING.match(text)
    if m and m.group("f") is None:
        return None  # no counts: the outcome alone is not a vote clerk can record
    if m:
        side = m.groupdict().get("side")
        return VoteText(
            m.group("motion") or "",
            False,
            m.group("o") == "carried",
            int(m.group("f") or 0),
            int(m.group("a") or 0),
            int(m.group("x") or 0),
            casting=(VoteChoice.FOR if side == "for" else VoteChoice.AGAINST) if side else None,
        )
    m = _RECORDED.match(text)
    if not m:
        return None
    named = tuple(
        (g.group("names"), _CHOICE[g.group("label")]) for g in _GROUP.finditer(m.group("groups"))
    )
    side = m.group("side")
    # the figures, when the style prints them, are the names counted: read to be checked
    p = "" if m.group("f") is not None else "t"
    return VoteText(
        m.group("motion") or "",
        True,
        (m.group("o") or m.group("o2")) == "carried",
        int(m.group(f"{p}f") or 0),
        int(m.group(f"{p}a") or 0),
        int(m.group(f"{p}x") or 0),
        named=named,
        casting=(VoteChoice.FOR if side == "for" else VoteChoice.AGAINST) if side else None,
        figures=m.group(f"{p}f") is not None,
    )


# --------------------------------------------------------------------------- exempt business

_EXCLUSION = re.compile(
    r"^That under Section 100 ?\(A\) ?\(4\) of the Local Government Act 1972, the public and "
    r"press be excluded from the meeting for the following items? of business because (?:it|they)"
    r" involves? the likely disclosure of exempt information on the grounds shown below and it "
    r"is not in the public interest to disclose this information: (?P<grounds>.+)$"
)
_GROUND = re.compile(r"(?:^|; )Item (?P<n>\d{1,3}[A-Z]?) – ")
_PARAGRAPHS = re.compile(r"Paragraphs? (?P<list>[\d, and]+?) of Part 1 of Schedule 12A")


def exclusion(text: str) -> list[tuple[str, list[int]]] | None:
    """The items (number, Schedule 12A paragraphs) a resolution excluding the press and
    public names, or None when it is not one."""
    m = _EXCLUSION.match(text.rstrip("."))
    if not m:
        return None
    grounds = m.group("grounds")
    starts = list(_GROUND.finditer(grounds))
    out = []
    for i, start in enumerate(starts):
        chunk = grounds[start.end() : starts[i + 1].start() if i + 1 < len(starts) else None]
        paras = _PARAGRAPHS.search(chunk)
        numbers = [int(n) for n in re.findall(r"\d+", paras.group("list"))] if paras else []
        out.append((start.group("n"), numbers))
    return out or None
