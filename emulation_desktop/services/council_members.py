"""Reading and writing the council's compositions inside a caller's transaction.

Every composition is read whole (a commune has a handful), with the meetings that used it: a
closed meeting freezes its composition, an open one keeps its chair, secretary and the dates
that make the composition the one in force on its day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.council import Council, CouncilInput, Member
from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.award_models import (
    AttendanceRow,
    CouncilMemberRow,
    CouncilRow,
    MeetingRow,
    NominationRoundRow,
)
from emulation_desktop.store.models import PersonRow


def load_councils(s: Session) -> list[Council]:
    """Every composition, oldest first, with its members and the meetings that used it."""
    rows = s.scalars(select(CouncilRow).order_by(CouncilRow.valid_from)).all()
    members: dict[int, list[Member]] = defaultdict(list)
    for m in s.scalars(
        select(CouncilMemberRow).order_by(CouncilMemberRow.position, CouncilMemberRow.id)
    ):
        members[m.council_id].append(
            Member(m.id, m.position, m.name, m.title, m.role, m.voting, m.person_id)
        )
    meetings: dict[int, int] = defaultdict(int)
    closed: dict[int, list[str]] = defaultdict(list)
    for council_id, closed_at, name in s.execute(
        select(MeetingRow.council_id, MeetingRow.closed_at, NominationRoundRow.name)
        .join(NominationRoundRow, NominationRoundRow.id == MeetingRow.round_id)
        .order_by(MeetingRow.held_on)
    ):
        meetings[council_id] += 1
        if closed_at is not None:
            closed[council_id].append(name)
    out = []
    for i, r in enumerate(rows):
        end = rows[i + 1].valid_from - dt.timedelta(days=1) if i + 1 < len(rows) else None
        out.append(
            Council(
                r.id,
                r.valid_from,
                end,
                r.decision_text,
                r.note,
                tuple(members[r.id]),
                meetings[r.id],
                tuple(closed[r.id]),
            )
        )
    return out


def council_row(s: Session, council_id: int) -> CouncilRow:
    row = s.get(CouncilRow, council_id)
    if row is None:
        raise UserError("Thành phần Hội đồng này không còn trong danh sách; hãy tải lại (F5).")
    return row


def _date_field(message: str) -> ValidationError:
    return ValidationError({"valid_from": message})


def _check_dates(s: Session, council_id: int | None, valid_from: dt.date) -> None:
    """The new start must not take a day that a meeting already held with another composition,
    nor leave a meeting of this composition before its start."""
    me = council_id or 0
    clash = s.scalar(
        select(CouncilRow.id).where(CouncilRow.valid_from == valid_from, CouncilRow.id != me)
    )
    if clash is not None:
        raise _date_field(
            f"Đã có thành phần Hội đồng có hiệu lực từ {day_text(valid_from)}; hãy sửa thành "
            "phần đó hoặc chọn ngày khác."
        )
    later = s.execute(
        select(MeetingRow.held_on, NominationRoundRow.name, CouncilRow.valid_from)
        .join(NominationRoundRow, NominationRoundRow.id == MeetingRow.round_id)
        .join(CouncilRow, CouncilRow.id == MeetingRow.council_id)
        .where(
            MeetingRow.held_on >= valid_from,
            MeetingRow.council_id != me,
            CouncilRow.valid_from < valid_from,
            MeetingRow.closed_at.is_not(None),
        )
        .order_by(MeetingRow.held_on)
    ).first()
    if later is not None:
        raise _date_field(
            f"Cuộc họp xét «{later.name}» ngày {day_text(later.held_on)} đã kết thúc với "
            f"thành phần Hội đồng từ {day_text(later.valid_from)}: thành phần này phải có hiệu "
            "lực sau ngày đó."
        )
    early = s.execute(
        select(MeetingRow.held_on, NominationRoundRow.name)
        .join(NominationRoundRow, NominationRoundRow.id == MeetingRow.round_id)
        .where(MeetingRow.council_id == me, MeetingRow.held_on < valid_from)
    ).first()
    if early is not None:
        raise _date_field(
            f"Cuộc họp xét «{early.name}» ngày {day_text(early.held_on)} dùng thành phần "
            "này: ngày hiệu lực không được sau ngày họp đó."
        )


def write_council(s: Session, council_id: int | None, clean: CouncilInput) -> int:
    """Create (`council_id` None) or update a composition; members are matched by id, added,
    reordered or removed. A composition a closed meeting used is refused."""
    assert clean.valid_from is not None
    if council_id is not None:
        refuse_if_locked(s, council_row(s, council_id))
    _check_dates(s, council_id, clean.valid_from)
    people = {m.person_id for m in clean.members if m.person_id is not None}
    if people:
        found = set(s.scalars(select(PersonRow.id).where(PersonRow.id.in_(people))))
        if people - found:
            raise ValidationError(
                {
                    "members": "Một thành viên được chọn từ danh sách cá nhân không còn trong danh "
                    "sách (có thể đã bị gộp hoặc xóa); hãy chọn lại."
                }
            )
    row = council_row(s, council_id) if council_id is not None else CouncilRow()
    row.valid_from = clean.valid_from
    row.decision_text = clean.decision_text
    row.note = clean.note
    s.add(row)
    s.flush()
    existing = {
        m.id: m
        for m in s.scalars(select(CouncilMemberRow).where(CouncilMemberRow.council_id == row.id))
    }
    kept = {m.id for m in clean.members if m.id is not None}
    if kept - set(existing):
        raise UserError("Danh sách thành viên đã thay đổi ở cửa sổ khác; hãy đóng và mở lại.")
    _remove_members(s, row.id, [existing[i] for i in set(existing) - kept])
    for position, m in enumerate(clean.members, 1):
        member = existing[m.id] if m.id is not None else CouncilMemberRow(council_id=row.id)
        member.position, member.name, member.title = position, m.name, m.title
        member.role, member.voting, member.person_id = m.role, m.voting, m.person_id
        s.add(member)
    s.flush()
    audit(
        s,
        "create" if council_id is None else "update",
        "council",
        row.id,
        valid_from=str(row.valid_from),
        decision=row.decision_text,
        members=[f"{m.name} ({m.role.label})" for m in clean.members],
    )
    return row.id


def _remove_members(s: Session, council_id: int, removed: list[CouncilMemberRow]) -> None:
    if not removed:
        return
    ids = [m.id for m in removed]
    leading = s.execute(
        select(MeetingRow.chair_id, MeetingRow.secretary_id, NominationRoundRow.name)
        .join(NominationRoundRow, NominationRoundRow.id == MeetingRow.round_id)
        .where(MeetingRow.council_id == council_id)
    ).all()
    for chair, secretary, name in leading:
        for member in removed:
            if member.id in (chair, secretary):
                what = "chủ trì" if member.id == chair else "làm thư ký"
                raise UserError(
                    f"«{member.name}» đang {what} cuộc họp xét «{name}»: hãy chọn người khác ở "
                    "cuộc họp đó trước khi bỏ thành viên này."
                )
    s.execute(delete(AttendanceRow).where(AttendanceRow.member_id.in_(ids)))
    s.execute(delete(CouncilMemberRow).where(CouncilMemberRow.id.in_(ids)))


def refuse_if_locked(s: Session, row: CouncilRow) -> None:
    name = s.scalar(
        select(NominationRoundRow.name)
        .join(MeetingRow, MeetingRow.round_id == NominationRoundRow.id)
        .where(MeetingRow.council_id == row.id, MeetingRow.closed_at.is_not(None))
        .limit(1)
    )
    if name is not None:
        raise UserError(
            f"Thành phần Hội đồng từ {day_text(row.valid_from)} đã dùng để xét «{name}» nên "
            "không sửa được. Nếu Hội đồng thay đổi, hãy bấm «Kiện toàn» để lập thành phần mới."
        )


def delete_council(s: Session, council_id: int) -> None:
    row = council_row(s, council_id)
    used = s.scalar(
        select(func.count()).select_from(MeetingRow).where(MeetingRow.council_id == council_id)
    )
    if used:
        raise UserError(
            f"Thành phần Hội đồng từ {day_text(row.valid_from)} đã dùng cho {used} cuộc họp xét "
            "nên không xóa được."
        )
    audit(
        s,
        "delete",
        "council",
        council_id,
        valid_from=str(row.valid_from),
        decision=row.decision_text,
    )
    s.delete(row)
