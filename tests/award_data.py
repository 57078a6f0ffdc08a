"""Data the award-workflow tests share, written straight into the tables so the tests of one
step (council, decisions) do not depend on the screens and services of the steps before it.

`council(db)`: a council of nine (seven voting members incl. the chair, a non-voting secretary
counted out) valid from 01/07/2025. `round_with(db, year, items, status)`: a round and its
nominations. `voted_round(...)`: the same after a closed meeting where every item passed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from emulation_desktop.domain.enums import (
    CouncilRole,
    NominationSource,
    NominationStatus,
    RoundKind,
    RoundStatus,
    SubjectKind,
)
from emulation_desktop.store.award_models import (
    AttendanceRow,
    CouncilMemberRow,
    CouncilRow,
    MeetingRow,
    NominationRoundRow,
    NominationRow,
    TallyRow,
)

MEMBERS: tuple[tuple[str, str, CouncilRole, bool], ...] = (
    ("Nguyễn Văn Hùng", "Chủ tịch UBND xã", CouncilRole.CHAIR, True),
    ("Trần Thị Thu", "Phó Chủ tịch UBND xã", CouncilRole.STANDING_VICE, True),
    ("Lê Văn Nam", "Chủ tịch Ủy ban MTTQ Việt Nam xã", CouncilRole.VICE, True),
    ("Phạm Thị Lý", "Trưởng phòng Văn hóa – Xã hội", CouncilRole.MEMBER, True),
    ("Hoàng Văn Minh", "Chánh Văn phòng HĐND và UBND", CouncilRole.MEMBER, True),
    ("Đỗ Thị Hương", "Chủ tịch Hội Liên hiệp Phụ nữ xã", CouncilRole.MEMBER, True),
    ("Vũ Văn Long", "Trưởng Công an xã", CouncilRole.MEMBER, True),
    ("Bùi Thị Hạnh", "Công chức Văn hóa – Xã hội", CouncilRole.SECRETARY, False),
)

Item = tuple[SubjectKind, int, str]  # subject kind, subject id, award code


def council(db, valid_from: dt.date = dt.date(2025, 7, 1)) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    """The council and its member ids, in the order above."""
    with db.session_scope() as s:
        row = CouncilRow(
            valid_from=valid_from, decision_text="Quyết định số 15/QĐ-UBND ngày 10/7/2025"
        )
        s.add(row)
        s.flush()
        ids = []
        for i, (name, title, role, voting) in enumerate(MEMBERS, 1):
            m = CouncilMemberRow(
                council_id=row.id, position=i, name=name, title=title, role=role, voting=voting
            )
            s.add(m)
            s.flush()
            ids.append(m.id)
        return row.id, ids


def round_with(  # type: ignore[no-untyped-def]
    db,
    year: int,
    items: Sequence[Item],
    status: RoundStatus = RoundStatus.DRAFT,
    kind: RoundKind = RoundKind.YEAR_END,
    name: str = "",
) -> tuple[int, list[int]]:
    """A round and its nominations (ids in the order given)."""
    with db.session_scope() as s:
        r = NominationRoundRow(
            year=year,
            kind=kind,
            name=name or f"Xét khen thưởng cuối năm {year}",
            status=status,
            period=f"năm {year}",
            needs_notice=kind.needs_notice,
        )
        s.add(r)
        s.flush()
        ids = []
        for i, (kind_, sid, code) in enumerate(items, 1):
            n = NominationRow(
                round_id=r.id,
                position=i,
                subject_kind=kind_,
                person_id=sid if kind_ is SubjectKind.PERSON else None,
                unit_id=sid if kind_ is SubjectKind.UNIT else None,
                household_id=sid if kind_ is SubjectKind.HOUSEHOLD else None,
                award_code=code,
                year=year,
                period=f"năm {year}",
                achievement="Đã có thành tích xuất sắc trong phong trào thi đua",
                source=NominationSource.MANUAL,
                status=NominationStatus.PROPOSED,
            )
            s.add(n)
            s.flush()
            ids.append(n.id)
        return r.id, ids


def voted_round(  # type: ignore[no-untyped-def]
    db,
    year: int,
    items: Sequence[Item],
    held_on: dt.date,
    kind: RoundKind = RoundKind.YEAR_END,
    failed: Sequence[int] = (),
) -> tuple[int, list[int]]:
    """A round after a closed meeting of the whole council: every item passed with 7 votes,
    except the positions (0-based) in `failed` (2 votes)."""
    council_id, members = council(db, dt.date(held_on.year - 1, 1, 1))
    round_id, ids = round_with(db, year, items, RoundStatus.VOTED, kind)
    with db.session_scope() as s:
        m = MeetingRow(
            round_id=round_id,
            council_id=council_id,
            held_on=held_on,
            place="Hội trường UBND xã",
            chair_id=members[0],
            secretary_id=members[-1],
            ballots_issued=7,
            ballots_valid=7,
            closed_at=dt.datetime.combine(held_on, dt.time(16, 0)),
            minutes={},
        )
        s.add(m)
        s.flush()
        for mid in members:
            s.add(AttendanceRow(meeting_id=m.id, member_id=mid, present=True, note=""))
        for i, nid in enumerate(ids):
            ok = i not in failed
            s.add(
                TallyRow(
                    meeting_id=m.id,
                    nomination_id=nid,
                    votes_for=7 if ok else 2,
                    computed=ok,
                    passed=ok,
                    reason="",
                )
            )
            row = s.get(NominationRow, nid)
            row.status = NominationStatus.PASSED if ok else NominationStatus.FAILED
    return round_id, ids
