"""Data the council tests share (no tests here): the council service with its day fixed, people
written straight into their table, a round submitted to the council, and the meeting input of a
roll call. The council itself comes from tests/award_data: eight members, seven of them voting
(the Thư ký does not), valid from 01/07/2025."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from emulation_desktop.domain.council_meeting import Attendance, MeetingInput, VoteInput
from emulation_desktop.domain.enums import Gender, PersonKind, RoundStatus, SubjectKind, UnitKind
from emulation_desktop.services.council import CouncilService
from emulation_desktop.store.models import PersonRow, UnitRow
from tests.award_data import council, round_with

TODAY = dt.date(2026, 12, 20)
HELD = dt.date(2026, 12, 15)
NOW = dt.datetime(2026, 12, 20, 16, 30)
P = SubjectKind.PERSON
FIRST_NAMES = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Linh", "Minh", "Nga")


def fixed_service(context) -> CouncilService:  # type: ignore[no-untyped-def]
    service = context.services.council
    service._today = lambda: TODAY
    service._now = lambda: NOW
    return service


def add_people(db, n: int, women_every: int = 2) -> list[int]:  # type: ignore[no-untyped-def]
    """`n` staff of one school; every `women_every`-th is a woman."""
    with db.session_scope() as s:
        unit = UnitRow(name="Trường Tiểu học Cát Thành", kind=UnitKind.SCHOOL)
        s.add(unit)
        s.flush()
        rows = [
            PersonRow(
                full_name=f"Nguyễn Văn {FIRST_NAMES[i % 10]} {i // 10 + 1}",
                gender=Gender.FEMALE if i % women_every == 0 else Gender.MALE,
                position="Giáo viên",
                unit_id=unit.id,
                kind=PersonKind.VIEN_CHUC,
                birth_year=1980 + i % 20,
            )
            for i in range(n)
        ]
        s.add_all(rows)
        s.flush()
        return [p.id for p in rows]


@dataclass
class Meeting:
    service: CouncilService
    council_id: int
    members: list[int]  # chair first, the non-voting secretary last
    round_id: int
    nominations: list[int]
    people: list[int]


def submitted(context, codes: Sequence[str], year: int = 2026) -> Meeting:  # type: ignore[no-untyped-def]
    """A council and a round submitted to it: one person per award code given."""
    db = context.database
    people = add_people(db, len(codes))
    council_id, members = council(db)
    items = [(P, pid, code) for pid, code in zip(people, codes, strict=True)]
    round_id, ids = round_with(db, year, items, RoundStatus.SUBMITTED)
    return Meeting(fixed_service(context), council_id, members, round_id, ids, people)


def roll_call(
    members: Sequence[int],
    absent: Sequence[int] = (),
    held_on: dt.date | None = HELD,
    ballots: tuple[int | None, int | None] = (None, None),
    place: str = "Hội trường UBND xã Cát Thành",
) -> MeetingInput:
    """The meeting chaired by the first member, the last as secretary; `absent` are indexes."""
    attendance = tuple(
        Attendance(m, i not in absent, "Đi công tác" if i in absent else "")
        for i, m in enumerate(members)
    )
    return MeetingInput(held_on, place, members[0], members[-1], attendance, *ballots)


def votes(ids: Sequence[int], counts: Sequence[int | None]) -> list[VoteInput]:
    return [VoteInput(i, n) for i, n in zip(ids, counts, strict=True)]
