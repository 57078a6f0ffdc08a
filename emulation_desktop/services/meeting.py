"""The council meeting of a round, read and written inside a caller's transaction: the rounds
waiting for the council, what the meeting day decides (composition and vote rules in force),
the sheet the tally screen works on, and the meeting's facts with the roll call.

Rule sets are read before the transaction (their first read may seed them) and passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.council import Council, council_in_force
from emulation_desktop.domain.council_meeting import (
    Attendance,
    MeetingInfo,
    MeetingInput,
    MeetingSheet,
    RoundChoice,
    VoteContext,
    validate_meeting,
)
from emulation_desktop.domain.council_votes import CapRule, award_rules
from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import NominationStatus, RoundStatus
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.rules.files import rule_set_in_force
from emulation_desktop.domain.rules.model import RuleSet
from emulation_desktop.domain.workflow import require_status
from emulation_desktop.services.council_members import load_councils
from emulation_desktop.services.meeting_candidates import candidates
from emulation_desktop.services.profile import PROFILE_ID, profile_from_row
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.award_models import (
    AttendanceRow,
    MeetingRow,
    NominationRoundRow,
    NominationRow,
)
from emulation_desktop.store.models import AwardRow, CommuneProfileRow

VOTING_STEPS = (RoundStatus.SUBMITTED, RoundStatus.VOTED)
# Nominations that hold or passed an award: they count as the base of a cap (CSTĐCS of LĐTT).
_HELD = (NominationStatus.PASSED,)
NO_COUNCIL = (
    "Chưa có thành phần Hội đồng nào có hiệu lực ngày {day}. Hãy nhập thành phần Hội đồng (theo "
    "quyết định thành lập hoặc kiện toàn) ở thẻ «Thành phần Hội đồng»."
)


def round_row(s: Session, round_id: int) -> NominationRoundRow:
    row = s.get(NominationRoundRow, round_id)
    if row is None:
        raise UserError("Đợt xét này không còn trong danh sách; hãy tải lại (F5).")
    return row


def meeting_row(s: Session, round_id: int) -> MeetingRow | None:
    return s.scalar(select(MeetingRow).where(MeetingRow.round_id == round_id))


def rounds_for_vote(s: Session, year: int) -> list[RoundChoice]:
    """The year's rounds submitted to the council or voted by it, oldest first."""
    counts: dict[int, int] = {
        rid: n
        for rid, n in s.execute(
            select(NominationRow.round_id, func.count())
            .join(NominationRoundRow, NominationRoundRow.id == NominationRow.round_id)
            .where(
                NominationRoundRow.year == year, NominationRow.status != NominationStatus.WITHDRAWN
            )
            .group_by(NominationRow.round_id)
        )
    }
    rows = s.execute(
        select(NominationRoundRow, MeetingRow.held_on)
        .outerjoin(MeetingRow, MeetingRow.round_id == NominationRoundRow.id)
        .where(NominationRoundRow.year == year, NominationRoundRow.status.in_(VOTING_STEPS))
        .order_by(NominationRoundRow.created_at, NominationRoundRow.id)
    ).all()
    return [
        RoundChoice(r.id, r.name, r.year, r.kind, r.status, counts.get(r.id, 0), held_on)
        for r, held_on in rows
    ]


def _nominations(s: Session, round_id: int) -> list[NominationRow]:
    return list(
        s.scalars(
            select(NominationRow)
            .where(
                NominationRow.round_id == round_id,
                NominationRow.status != NominationStatus.WITHDRAWN,
            )
            .order_by(NominationRow.position, NominationRow.id)
        )
    )


def _caps(
    s: Session, rules: RuleSet, round_id: int, nominations: Sequence[NominationRow]
) -> tuple[CapRule, ...]:
    """The enabled caps on awards of the round, per achievement year, with what is counted
    outside the round: awards held (not revoked) and nominations passed in other rounds."""
    out = []
    names = {a.code: a.name for a in rules.awards}
    for cap in rules.caps:
        if not cap.enabled:
            continue
        years = sorted({n.year for n in nominations if n.award_code == cap.award})
        for year in years:
            mine = select(NominationRow.id).where(NominationRow.round_id == round_id)
            held = (
                s.scalar(
                    select(func.count())
                    .select_from(AwardRow)
                    .where(
                        AwardRow.award_code == cap.of_award,
                        AwardRow.year == year,
                        AwardRow.revoked_by_id.is_(None),
                        (AwardRow.nomination_id.is_(None)) | (AwardRow.nomination_id.not_in(mine)),
                    )
                )
                or 0
            )
            passed = (
                s.scalar(
                    select(func.count())
                    .select_from(NominationRow)
                    .where(
                        NominationRow.award_code == cap.of_award,
                        NominationRow.year == year,
                        NominationRow.round_id != round_id,
                        NominationRow.status.in_(_HELD),
                    )
                )
                or 0
            )
            b = cap.basis
            out.append(
                CapRule(
                    cap.award,
                    names.get(cap.award, cap.award),
                    cap.of_award,
                    names.get(cap.of_award, cap.of_award),
                    cap.max_ratio,
                    f"{b.citation} {b.confidence.mark}".strip(),
                    year,
                    held + passed,
                )
            )
    return tuple(out)


def vote_context(
    s: Session,
    rule_sets: Sequence[RuleSet],
    round_id: int,
    day: dt.date,
    councils: list[Council] | None = None,
    council_id: int | None = None,
) -> VoteContext:
    """What `day` decides for the round's meeting: the composition in force (or the one given,
    for a closed meeting) and the vote rules; `problem` says why it cannot be held that day."""
    councils = councils if councils is not None else load_councils(s)
    if council_id is not None:
        council = next((c for c in councils if c.id == council_id), None)
    else:
        council = council_in_force(councils, day)
    nominations = _nominations(s, round_id)
    problem = "" if council is not None else NO_COUNCIL.format(day=day_text(day))
    try:
        rules = rule_set_in_force(rule_sets, day)
        awards = award_rules(rules, [n.award_code for n in nominations] or ["*"])
        caps = _caps(s, rules, round_id, nominations)
    except UserError as exc:
        return VoteContext(day, council, "", (), (), problem or exc.message)
    if council is not None and not council.voting and not problem:
        problem = "Thành phần Hội đồng chưa có thành viên nào có quyền biểu quyết."
    return VoteContext(day, council, rules.name, awards, caps, problem)


def default_place(s: Session) -> str:
    row = s.get(CommuneProfileRow, PROFILE_ID)
    return f"Hội trường {profile_from_row(row).issuer}" if row else "Hội trường UBND xã"


def load_sheet(
    s: Session,
    rule_sets: Sequence[RuleSet],
    round_id: int,
    today: dt.date,
    day: dt.date | None = None,
) -> MeetingSheet:
    """The round's meeting as the tally screen shows it; `day` previews another meeting day
    (the composition and rules in force then) before it is saved."""
    r = round_row(s, round_id)
    m = meeting_row(s, round_id)
    day = day or (m.held_on if m is not None else today)
    councils = load_councils(s)
    closed = m is not None and m.closed_at is not None
    context = vote_context(
        s, rule_sets, round_id, day, councils, m.council_id if closed and m is not None else None
    )
    council = context.council
    attendance: tuple[Attendance, ...] = ()
    if council is not None:
        stored = {}
        if m is not None and m.council_id == council.id:
            stored = {
                a.member_id: a
                for a in s.scalars(select(AttendanceRow).where(AttendanceRow.meeting_id == m.id))
            }
            attendance = tuple(
                Attendance(x.id, stored[x.id].present, stored[x.id].note)
                if x.id in stored
                else Attendance(x.id, False)
                for x in council.members
            )
        else:  # a new roll call: everyone present until marked absent
            attendance = tuple(Attendance(x.id, True) for x in council.members)
    names = {a.code: a.name for a in context.awards}
    nominations = _nominations(s, round_id)
    choice = RoundChoice(
        r.id,
        r.name,
        r.year,
        r.kind,
        r.status,
        len(nominations),
        m.held_on if m is not None else None,
    )
    info = None
    if m is not None:
        info = MeetingInfo(
            m.id,
            m.council_id,
            m.held_on,
            m.place,
            m.chair_id,
            m.secretary_id,
            m.ballots_issued,
            m.ballots_valid,
            m.closed_at,
            m.note,
            m.starts_at,
        )
    return MeetingSheet(
        choice,
        info,
        context,
        attendance,
        candidates(s, names, nominations, m.id if m else None),
        default_place(s),
    )


def editable_meeting(s: Session, round_id: int) -> tuple[NominationRoundRow, MeetingRow | None]:
    """The round and its meeting, refused when the tally can no longer change."""
    r = round_row(s, round_id)
    m = meeting_row(s, round_id)
    if m is not None and m.closed_at is not None:
        raise UserError(
            f"Cuộc họp xét «{r.name}» đã kết thúc: kết quả đã chốt vào biên bản. Muốn sửa, hãy "
            "bấm «Mở lại cuộc họp» (khi đợt xét chưa có quyết định hoặc tờ trình)."
        )
    require_status(r.status, RoundStatus.SUBMITTED)
    return r, m


def save_meeting(
    s: Session, rule_sets: Sequence[RuleSet], round_id: int, data: MeetingInput
) -> MeetingRow:
    """Open the meeting or change its facts and roll call (the composition is the one in force
    on the meeting day). Votes already entered are checked against the new attendance."""
    r, m = editable_meeting(s, round_id)
    if data.held_on is None:
        raise ValidationError({"held_on": "Hãy nhập ngày họp Hội đồng."})
    day = data.held_on
    wrong = ""
    if day.year < r.year:
        wrong = f"Ngày họp {day_text(day)} trước năm xét khen thưởng {r.year}"
    elif r.received_on is not None and day < r.received_on:
        wrong = (
            f"Ngày họp {day_text(day)} trước ngày nhận hồ sơ đề nghị ({day_text(r.received_on)})"
        )
    if wrong:
        raise ValidationError({"held_on": wrong + "; hãy kiểm tra lại."})
    context = vote_context(s, rule_sets, round_id, day)
    if context.problem:
        raise ValidationError({"held_on": context.problem})
    council = context.council
    assert council is not None
    clean = validate_meeting(data, council)
    created = m is None
    if m is None:
        m = MeetingRow(round_id=round_id)
        s.add(m)
    m.council_id, m.held_on, m.place = council.id, day, clean.place
    m.starts_at = clean.starts_at
    m.chair_id, m.secretary_id, m.note = clean.chair_id, clean.secretary_id, clean.note
    m.ballots_issued, m.ballots_valid = clean.ballots_issued, clean.ballots_valid
    s.flush()
    given = {a.member_id: a for a in clean.attendance}
    s.execute(delete(AttendanceRow).where(AttendanceRow.meeting_id == m.id))
    s.execute(
        insert(AttendanceRow),
        [
            {
                "meeting_id": m.id,
                "member_id": x.id,
                "present": given[x.id].present if x.id in given else False,
                "note": given[x.id].note if x.id in given else "",
            }
            for x in council.members
        ],
    )
    present = sum(1 for x in council.voting if x.id in given and given[x.id].present)
    audit(
        s,
        "open" if created else "update",
        "meeting",
        m.id,
        round=r.name,
        held_on=str(day),
        starts_at=clean.starts_at.strftime("%H:%M") if clean.starts_at else None,
        place=m.place,
        council=council.id,
        present=present,
        absent=[x.name for x in council.members if not (x.id in given and given[x.id].present)],
        ballots_issued=m.ballots_issued,
        ballots_valid=m.ballots_valid,
    )
    return m
