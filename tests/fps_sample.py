"""The builder of sample_meetings/fps-2019-10-17.json: the Family and People Services Policy
and Scrutiny Committee meeting of Thursday 17 October 2019, recorded in full.

Every paragraph and resolution is verbatim from the published minutes (the model of the
house style); the membership and declarations paragraphs are not stored, because compose
generates them from the attendance and the (empty) declarations. Ids are derived from
labels so that regenerating the file changes nothing.

    /work/venv/bin/python -m tests.fps_sample   # rewrites the sample

`tests/test_minutes_golden.py` checks that the committed JSON is exactly what this builds.
"""

from __future__ import annotations

import hashlib
from datetime import date, time, timedelta
from pathlib import Path

from clerk.importers import record_json
from clerk.record import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Committee,
    ItemOutcome,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    MemberRole,
    Membership,
    MembershipChange,
    MinuteParagraph,
    Person,
    Resolution,
)

SAMPLE = Path(__file__).resolve().parent.parent / "sample_meetings" / "fps-2019-10-17.json"

COMMITTEE = "Family and People Services Policy and Scrutiny Committee"
# as its minutes style it: "&" where the agenda says "and"
MINUTES_NAME = "Family and People Services Policy & Scrutiny Committee"


def _id(label: str) -> str:
    return hashlib.sha256(f"fps-2019-10-17/{label}".encode()).hexdigest()[:16]


CLLR = "Councillor"

# (key, name, honorific, role, organisation, pronoun)
PEOPLE = [
    ("glanz", "Jonathan Glanz", CLLR, "", "", "he"),
    ("bright", "Margot Bright", CLLR, "", "", "she"),
    ("butler-thalassis", "Nafsika Butler-Thalassis", CLLR, "", "", "she"),
    ("carmen", "Alan Carmen", CLLR, "", "", "he"),  # first name not in the minutes
    ("freeman", "Peter Freeman", CLLR, "", "", "he"),
    ("mcallister", "Patricia McAllister", CLLR, "", "", "she"),
    ("short", "Selina Short", CLLR, "", "", "she"),
    ("noble", "Matt Noble", CLLR, "", "", "he"),
    (
        "acton",
        "Heather Acton",
        CLLR,
        "Cabinet Member for Family Services and Public Health",
        "",
        "she",
    ),
    ("flaherty", "Bernie Flaherty", "", "Executive Director, Adult Social Care and Health", "", ""),
    ("al-sharifi", "Houda Al-Sharifi", "", "Interim Director of Public Health", "", ""),
    ("crouch", "Nicky Crouch", "", "Interim Director of Family Services", "", ""),
    ("partis", "James Partis", "", "Better Care Fund – Programme Lead", "", ""),
    ("stanton", "Dominic Stanton", "", "Head of Quality Assurance", "", ""),
    (
        "heffernan",
        "Catherine Heffernan",
        "",
        "Principal Advisor for Commissioning Immunisations and Vaccination",
        "NHS England",
        "she",
    ),
    ("styles", "Russell Styles", "", "Deputy Director of Public Health", "", ""),
    ("cox", "Anna Cox", "", "Public Health Business Partner", "", ""),
    ("driscoll", "Kevin Driscoll", "", "", "Central London CCG", ""),
    ("proctor", "Louise Proctor", "", "", "West London CCG", ""),
    ("pillay", "Sally Pillay", "", "Head of Fostering and Adoption", "", ""),
    ("hardy", "Aaron Hardy", "", "Policy and Scrutiny Manager", "", "he"),
    ("fieldsend", "Tristan Fieldsend", "", "Committee Officer", "", "he"),
]

MEMBERS = ["glanz", "bright", "butler-thalassis", "carmen", "freeman", "mcallister", "short"]
# 1.1 of the minutes: Cllr Carmen had stepped down from the Committee, Cllr Noble replaced him.
# A membership change (not a substitution): Carmen's seat ends before the meeting, Noble's
# begins on its day, and the change is noted at this meeting.
LEFT, JOINED = "carmen", "noble"
CHANGED_ON = date(2019, 10, 17)
OFFICERS = [
    "flaherty",
    "al-sharifi",
    "crouch",
    "partis",
    "stanton",
    "heffernan",
    "styles",
    "cox",
    "driscoll",
    "proctor",
    "pillay",
    "hardy",
    "fieldsend",
]

# (number, title, description, outcome)
ITEMS = [
    ("1", "MEMBERSHIP", "To note any changes to the membership.", ItemOutcome.NOTED),
    (
        "2",
        "DECLARATIONS OF INTEREST",
        "To receive declarations by Members and Officers of the existence and nature of any "
        "pecuniary interests or any other significant interest in matters on this agenda.",
        ItemOutcome.NOTED,
    ),
    (
        "3",
        "MINUTES",
        "To approve the minutes of the meeting held on 17 June 2019.",
        ItemOutcome.RESOLVED,
    ),
    (
        "4",
        "CABINET MEMBER UPDATE",
        "To receive an update on current and forthcoming issues within the portfolio of the "
        "Cabinet Member for Family Services and Public Health.",
        ItemOutcome.NOTED,
    ),
    ("5", "IMMUNISATION PROGRAMMES IN WESTMINSTER", "", ItemOutcome.RESOLVED),
    ("6", "ANNUAL ADOPTION AND FOSTERING REPORTS", "", ItemOutcome.NOTED),
    (
        "7",
        "2019/20 COMMITTEE WORK PROGRAMME AND ACTION TRACKER",
        "To consider topics for the 2019/20 work programme and note the Committee's action "
        "tracker.",
        ItemOutcome.RESOLVED,
    ),
    (
        "8",
        "REPORTS OF ANY URGENT SAFEGUARDING ISSUES",
        "Verbal Update (if any).",
        ItemOutcome.NOTED,
    ),
    (
        "9",
        "ANY OTHER BUSINESS",
        "To consider any business which the Chairman considers urgent.",
        ItemOutcome.NOTED,
    ),
]

# item number -> [(text, bullets)]
PARAGRAPHS: dict[str, list[tuple[str, list[str]]]] = {
    "4": [
        (
            "Councillor Heather Acton (Cabinet Member for Family Services and Public Health), "
            "provided a briefing on key issues within her portfolio. The Committee also heard "
            "from Bernie Flaherty (Executive Director, Adult Social Care and Health), Houda "
            "Al-Sharifi (Interim Director of Public Health), Nicky Crouch (Interim Director of "
            "Family Services), James Partis (Better Care Fund – Programme Lead) and Dominic "
            "Stanton (Head of Quality Assurance).",
            [],
        ),
        (
            "The Committee noted that Ofsted had recently carried out an inspection of Local "
            "Authority Children’s Services in Westminster. The report had recently been "
            "published and had rated the service ‘Outstanding’ in all areas. The Committee "
            "welcomed the news, expressed its thanks to the Cabinet Member and Officers on this "
            "outstanding achievement and requested that the report be circulated to Members.",
            [],
        ),
        (
            "The Committee received the update and held detailed discussions on the following "
            "topics:",
            [
                "Residential and Nursing Care – It was anticipated that Beachcroft House would "
                "open in Summer 2020. Negotiations with Sanctuary Care were still ongoing "
                "regarding the variation of the existing Specialist Housing Strategy for Older "
                "People contract. It was confirmed that the negotiations would include "
                "discussions on all staff employed at Beachcroft receiving the London Living "
                "Wage.",
                "Better Care Fund (BCF) Submission – Westminster had submitted its BCF plans for "
                "2019/20 to NHS England on 27 September 2019. The main changes arising in the "
                "submitted plan were in relation to the financial contributions from the Council "
                "and the CCGs being reduced to statutory minimum levels. The Committee noted that "
                "the same levels of funding were being invested into the partnership with the "
                "CCGs but a larger proportion of this would be managed outside of the BCF. This "
                "change would ensure that the partnership and the BCF focused attention on the "
                "core elements of integrated delivery in Westminster and to ensure local "
                "integration priorities received sufficient attention and focus from the "
                "partnership.",
                "North West London Clinical Commissioning Groups - A progress update was provided "
                "on the proposals for integration of the eight CCGs that made up the North West "
                "London (NWL) footprint. The Council had responded to the consultation, setting "
                "out concerns which included the loss of focus on local priorities for health "
                "integration and local needs, including mental health, and the potential "
                "financial impact on both Central London CCG and West London CCG. The Council had "
                "put forward an alternative proposal to the eight-to-one integration as an "
                "interim step. This was for a Westminster and Kensington and Chelsea Integrated "
                "Care Partnership (ICP) which could be implemented initially as a pilot in order "
                "to assess impact and protect the local offer. Discussions with local health "
                "providers and commissioners would begin shortly to explore developing proposals "
                "for a bi-borough ICP.",
                "Local GP Practices – It was suggested that the Soho GP Practice was facing "
                "another period of uncertainty following a service of notice by the current "
                "operators. The Patient Participation Group had expressed concern in relation to "
                "the short period of time provided to replace the current operators with new "
                "ones. It was felt that this represented wider concerns raised over small "
                "practices within Westminster which catered for communities with particular "
                "patient demographics. The importance of appropriate first-class local services "
                "being provided was highlighted and it was suggested a report on the provision of "
                "services from small GP Practices in Westminster come before the Committee at a "
                "future meeting.",
                "Review of Palliative Care Service – The Committee discussed the proposed changes "
                "to the palliative care services provided at Pembridge Hospice and how they could "
                "potentially impact on local residents. Concern was expressed that if Pembridge "
                "Hospice was to close and the number of palliative care beds in Westminster "
                "reduced, it was important that any resulting financial savings be reinvested in "
                "local care services. The Committee requested a future update on any proposed "
                "changes to the palliative care system.",
            ],
        ),
        (
            "The Committee also discussed Meals on Wheels, Youth Services, an update on the "
            "Emotional Wellbeing Mental Health Plan, Homelessness, Community Champions and "
            "Immunisations.",
            [],
        ),
    ],
    "5": [
        (
            "Catherine Heffernan (Principal Advisor for Commissioning Immunisations and "
            "Vaccination – NHS England) introduced the report, which provided an overview of "
            "adult, childhood and school age immunisation programmes in Westminster for "
            "2018/19. Details were provided on vaccine coverage and uptake of the programmes "
            "along with an account of what NHS England and Improvement (NHSE&I) London Region "
            "were doing to improve uptake and coverage. The Committee also invited Russell "
            "Styles (Deputy Director of Public Health), Anna Cox (Public Health Business "
            "Partner), Kevin Driscoll (Central London CCG) and Louise Proctor (West London CCG) "
            "to join the discussion on this item.",
            [],
        ),
        (
            "The Committee discussed the importance of IT in monitoring immunisation levels and "
            "the role it could play in improving coverage. Information on the different IT "
            "systems used to extract immunisation data was provided and how three different "
            "providers provided the interface between general practices and the Child Health "
            "Information Service (CHIS). It was recognised that the system in London was very "
            "complicated and issues with the data had the potential to make it difficult to "
            "locate pockets of the community which had low levels of uptake. The Committee was "
            "advised that the processes were improving however, and it was expected that these "
            "benefits would shortly be recognised. A National Events Management System, which "
            "was a pilot programme, was currently being rolled out in North East London to "
            "deliver a more joined-up, user friendly IT package which it was hoped would "
            "resolve some of the data issues currently experienced. An expression of interest "
            "from the Committee in the possibility of Westminster becoming involved in this "
            "pilot was welcomed and could be explored.",
            [],
        ),
        (
            "An overview of various other initiatives being developed was provided which the "
            "Committee was interested to note. These included proposals by NHS England to "
            "introduce an e-consent service to tackle issues around school age vaccinations "
            "relating to refusals, lack of return of paper forms, self-consent and lack of "
            "school support. The initiative involved developing a communication strategy "
            "between providers and schools as well as developing an escalation process that "
            "could be followed. This would make it easier for residents to agree to "
            "immunisations, improve uptake in general practice populations and allow rates to "
            "be monitored. The Committee was informed that a plan focusing on improving the "
            "uptake of MMR rates for those children aged 2 and under was also being "
            "implemented. The importance of improving these rates was discussed and the "
            "Committee suggested that the possibility of setting up a pilot scheme to extend "
            "the school vaccination programme out to nurseries be explored.",
            [],
        ),
        (
            "The Committee was interested to learn that Westminster had a high number of "
            "private practices compared to other boroughs. This posed a challenge to recording "
            "levels of uptake as a child could register in the area and therefore show up on "
            "the CHIS system. However, they may never actually access their GP or alternatively "
            "have certain vaccinations and then receive others privately. As private practice "
            "data cannot be accessed, it was currently unknown what number this constituted. "
            "The Committee expressed concern with regards to this barrier to producing accurate "
            "information and requested that potential mechanisms requiring private practices to "
            "share immunisation rates be explored.",
            [],
        ),
        (
            "Detailed discussions were held on other barriers to immunisation and how uptake "
            "and coverage could be improved within Westminster. The issue around some of the MMR "
            "vaccines containing porcine gelatine was discussed and how this had resulted in low "
            "uptake across some communities. It was noted that suitable alternative "
            "vaccinations were available which did not contain porcine gelatine. The Committee "
            "highlighted the importance of ensuring residents were aware that suitable "
            "alternative vaccinations were available and it was suggested that if possible "
            "non-porcine vaccinations be provided throughout the borough as a default position.",
            [],
        ),
    ],
    "6": [
        (
            "Sally Pillay (Head of Fostering and Adoption) introduced the Annual Adoption "
            "Service Report and a report providing an Overview of the Work of Fostering "
            "Services.",
            [],
        ),
        (
            "The Committee was provided with an overview of the functions and performance of "
            "Westminster City Council's Adoption Service within the context of the Three "
            "Borough Shared Service. The Committee was pleased to note that the National "
            "Scorecard performance thresholds had been met and Westminster was performing above "
            "or better than the national average, being rated 'Outstanding' by Ofsted in the "
            "last inspection.",
            [],
        ),
        (
            "The report setting out how the Fostering and Adoption Service continued to explore "
            "opportunities to provide high quality and timely foster care services was noted. "
            "The methods being developed to continue to improve the service were detailed along "
            "with the challenges facing the service, which included the permanent placement of "
            "children with complex needs.",
            [],
        ),
        (
            "The Committee was pleased to note all the work being undertaken by the Adoption "
            "and Fostering Services and expressed its thanks to the teams for the award of the "
            "recent 'Outstanding' Ofsted rating in relation to the adoption services provided.",
            [],
        ),
    ],
    "7": [
        (
            "Aaron Hardy (Policy and Scrutiny Manager) presented the Committee's 2019/20 Work "
            "Programme and Action Tracker.",
            [],
        ),
        (
            "The Committee reviewed the draft list of suggested items and made minor amendments "
            "to the Work Programme:",
            [],
        ),
    ],
    "8": [
        (
            "The Committee received an update from Nicky Crouch (Interim Director of Family "
            "Services) with regards to a recent serious incident which had occurred in "
            "Westminster. Information on the safeguarding work undertaken with local schools "
            "following the incident and the support provided to those affected by it were "
            "provided. The Committee was informed that a recommendation for a Child "
            "Safeguarding Practice Review (previously known as a Serious Case Review) had been "
            "submitted and further information would be provided in due course.",
            [],
        ),
    ],
    "9": [
        (
            "The Committee wished to record its thanks to Aaron Hardy (Policy and Scrutiny "
            "Manager) for all his hard work carried out in support of the Committee.",
            [],
        ),
    ],
}

# Resolutions are stored as clauses ending in "."; compose supplies the list punctuation.
RESOLUTIONS: dict[str, list[str]] = {
    "3": [
        f"That the Minutes of the {COMMITTEE} meeting held on 17 June 2019 be approved.",
    ],
    "5": [
        "That NHS England be requested to continue to explore methods of extending an e-consent "
        "service to tackle uptake issues around school age vaccinations.",
        "That vaccination providers be encouraged to make residents aware that suitable "
        "alternative non-porcine vaccinations were available and if possible provide "
        "non-porcine vaccinations throughout the borough as a default position.",
        "That all groups involved with immunisations in Westminster be encouraged to promote "
        "immunisation uptake across the city.",
        "That potential mechanisms requiring private GP practices to share immunisation rates "
        "be explored.",
        "That the possibility of Westminster participating in the National Events Management "
        "System pilot IT programme, currently being rolled in North East London, be explored.",
        "That the possibility of setting up a pilot scheme to extend the school vaccination "
        "programme out to nurseries be explored.",
    ],
    "7": [
        "That the item on Primary Care Networks (and Social Prescribing) be moved from the 25 "
        "November 2019 meeting to a future date.",
        "That the Healthwatch Update programmed for 25 November 2019 be circulated to the "
        "Committee offline.",
    ],
}

# The action tracker, ROUND TWO 17 OCTOBER 2019: (item, text, status, lead key)
ACTIONS = [
    ("4", "Requested that the Ofsted report be circulated.", ActionStatus.COMPLETED, "crouch"),
    (
        "4",
        "Requested a report on why people become homeless and the reasons why they sometimes do "
        "not ask for help.",
        ActionStatus.IN_PROGRESS,
        "hardy",
    ),
    (
        "4",
        "Requested an update on proposed changes to palliative care and how this would impact "
        "Westminster residents.",
        ActionStatus.IN_PROGRESS,
        "flaherty",
    ),
    ("5", "Requested MMR London recovery plan", ActionStatus.COMPLETED, "heffernan"),
    (
        "5",
        "Requested that the committee be kept appraised of IT roll outs.",
        ActionStatus.IN_PROGRESS,
        "heffernan",
    ),
    (
        "7",
        "Move Primary Care Networks from round three to a later round.",
        ActionStatus.COMPLETED,
        "hardy",
    ),
    ("7", "Receive Healthwatch update electronically.", ActionStatus.COMPLETED, "hardy"),
]


def build() -> MeetingRecord:
    committee = Committee(
        name=COMMITTEE,
        minutes_name=MINUTES_NAME,
        chair_title="Chairman",
        body="Committee",
        id=_id("c"),
    )
    people = [
        Person(
            name=name,
            honorific=honorific,
            role=role,
            organisation=organisation,
            pronoun=pronoun,
            id=_id(f"person/{key}"),
        )
        for key, name, honorific, role, organisation, pronoun in PEOPLE
    ]
    pid = {key: _id(f"person/{key}") for key, *_ in PEOPLE}
    fieldsend = next(p for p in people if p.id == pid["fieldsend"])
    fieldsend.email = "tfieldsend@westminster.gov.uk"
    fieldsend.phone = "020 7641 2341"
    meeting = Meeting(
        committee_id=committee.id,
        date=date(2019, 10, 17),
        start_time=time(19, 0),
        end_time=time(20, 59),
        venue="Rooms 18.01 and 18.02, 18th Floor, 64 Victoria Street, London SW1E 6QP",
        status=MeetingStatus.ENDED,
        approves_minutes_of=date(2019, 6, 17),
        officer_id=pid["fieldsend"],
        id=_id("meeting"),
    )
    memberships = [
        Membership(
            committee_id=committee.id,
            person_id=pid[key],
            role=MemberRole.CHAIR if key == "glanz" else MemberRole.MEMBER,
            to_date=CHANGED_ON - timedelta(days=1) if key == LEFT else None,
            id=_id(f"membership/{key}"),
        )
        for key in [*MEMBERS, JOINED]
    ]
    memberships[-1].from_date = CHANGED_ON
    meeting.membership_changes = [
        MembershipChange(left_id=pid[LEFT], joined_id=pid[JOINED], id=_id("membership-change/1"))
    ]
    # Cllr Carmen is no longer a member: no attendance row; Cllr Noble sat as a member.
    attendance = [
        Attendance(pid[key], AttendanceStatus.PRESENT, id=_id(f"attendance/{key}"))
        for key in [*MEMBERS, JOINED]
        if key != LEFT
    ]
    attendance.append(
        Attendance(pid["acton"], AttendanceStatus.ALSO_PRESENT, id=_id("attendance/acton"))
    )
    attendance += [
        Attendance(pid[key], AttendanceStatus.OFFICER, id=_id(f"attendance/{key}"))
        for key in OFFICERS
    ]
    items: list[AgendaItem] = []
    paragraphs: list[MinuteParagraph] = []
    resolutions: list[Resolution] = []
    item_id: dict[str, str] = {}
    for position, (number, title, description, outcome) in enumerate(ITEMS, start=1):
        item = AgendaItem(
            number=number,
            title=title,
            description=description,
            part_heading="PART 1 (IN PUBLIC)",
            position=position,
            taken_order=position,
            outcome=outcome,
            id=_id(f"item/{number}"),
        )
        items.append(item)
        item_id[number] = item.id
        for n, (text, bullets) in enumerate(PARAGRAPHS.get(number, []), start=1):
            paragraphs.append(
                MinuteParagraph(
                    item.id, text, bullets=list(bullets), position=n, id=_id(f"para/{number}/{n}")
                )
            )
        for n, text in enumerate(RESOLUTIONS.get(number, []), start=1):
            resolutions.append(
                Resolution(item.id, text, position=n, id=_id(f"resolution/{number}/{n}"))
            )
    name = {key: n for key, n, *_ in PEOPLE}
    actions = [
        Action(
            item_id=item_id[number],
            text=text,
            lead=name[lead],
            lead_person_id=pid[lead],
            status=status,
            position=n,
            id=_id(f"action/{n}"),
        )
        for n, (number, text, status, lead) in enumerate(ACTIONS, start=1)
    ]
    return MeetingRecord(
        committee=committee,
        meeting=meeting,
        people=people,
        memberships=memberships,
        items=items,
        attendance=attendance,
        declarations=[],
        paragraphs=paragraphs,
        resolutions=resolutions,
        votes=[],
        actions=actions,
    )


def main() -> None:
    record_json.write(build(), SAMPLE)
    print(f"wrote {SAMPLE}")


if __name__ == "__main__":
    main()
