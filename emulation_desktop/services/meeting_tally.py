"""The tally of a meeting, its closing and its reopening, inside a caller's transaction.

Set-based throughout: the sheet is read in a handful of queries, every line is checked, then the
tally rows are inserted, updated and deleted with executemany and the nominations' statuses set
with one UPDATE per result, so a round of 1,000 nominations saves and closes well under a second.
A refusal names the lines concerned and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from emulation_desktop.domain.council_meeting import (
    REASON_MAX,
    Candidate,
    MeetingSheet,
    VoteInput,
    meeting_quorum,
    tally,
)
from emulation_desktop.domain.council_votes import TallyResult, check_reason
from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import NominationStatus, RoundStatus
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.rules.model import RuleSet
from emulation_desktop.domain.tally import check_votes
from emulation_desktop.domain.text import nfc_lines
from emulation_desktop.domain.workflow import check_move
from emulation_desktop.services.grade_grid import chunks
from emulation_desktop.services.meeting import editable_meeting, load_sheet, meeting_row, round_row
from emulation_desktop.services.meeting_minutes import build_minutes
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.award_models import NominationRow, TallyRow

MAX_LISTED = 5
_T = TallyRow.__table__


def _refusal(head: str, errors: dict[str, str]) -> ValidationError:
    exc = ValidationError(errors)
    listed = list(errors.values())[:MAX_LISTED]
    more = len(errors) - len(listed)
    exc.message = f"{head}: " + "; ".join(listed) + (f"; và {more} dòng khác." if more else ".")
    return exc


def _merge(
    sheet: MeetingSheet, inputs: Sequence[VoteInput]
) -> tuple[list[Candidate], dict[str, str]]:
    """The candidates with the inputs applied (the last input of a line wins), and the errors
    of the lines given, keyed by nomination id."""
    by_id = {c.nomination_id: c for c in sheet.candidates}
    errors: dict[str, str] = {}
    present = meeting_quorum(sheet.context, sheet.attendance).present
    valid = sheet.meeting.ballots_valid if sheet.meeting else None
    for v in {v.nomination_id: v for v in inputs}.values():
        c = by_id.get(v.nomination_id)
        if c is None:
            errors[str(v.nomination_id)] = (
                f"đề nghị mã {v.nomination_id} không thuộc đợt xét này (có thể đã bị rút)"
            )
            continue
        reason = nfc_lines(v.reason, keep_blank=True)
        choice = v.choice
        problem = check_reason(choice, reason, c.name)
        if not problem and len(reason) > REASON_MAX:
            problem = f"«{c.name}»: lý do dài quá {REASON_MAX} ký tự"
        if not problem and v.votes is not None:
            try:
                check_votes(v.votes, present, valid)
            except UserError as exc:
                problem = f"«{c.name}»: {exc.message.rstrip('.')}"
        if not problem and v.votes is None and choice is not None:
            problem = f"«{c.name}»: hãy nhập số phiếu đồng ý trước khi Hội đồng quyết định"
        if problem:
            errors[str(c.nomination_id)] = problem
            continue
        by_id[c.nomination_id] = replace(c, votes=v.votes, choice=choice, reason=reason)
    return list(by_id.values()), errors


def _stored_problems(sheet: MeetingSheet, lines: Sequence[Candidate]) -> dict[str, str]:
    """Votes kept from before that the attendance or ballots now make impossible."""
    present = meeting_quorum(sheet.context, sheet.attendance).present
    valid = sheet.meeting.ballots_valid if sheet.meeting else None
    errors = {}
    for c in lines:
        if c.votes is None:
            continue
        try:
            check_votes(c.votes, present, valid)
        except UserError as exc:
            errors[str(c.nomination_id)] = f"«{c.name}»: {exc.message.rstrip('.')}"
    return errors


def save_votes(
    s: Session,
    rule_sets: Sequence[RuleSet],
    round_id: int,
    inputs: Sequence[VoteInput],
    today: dt.date,
) -> tuple[MeetingSheet, TallyResult, int]:
    """Write the votes and the council's decisions; every line's computed result is refreshed
    (attendance may have changed). Returns the sheet read, the results and the lines changed."""
    r, m = editable_meeting(s, round_id)
    if m is None:
        raise UserError(
            "Chưa mở cuộc họp xét cho đợt này: hãy nhập ngày họp, địa điểm, người chủ trì và "
            "điểm danh rồi bấm Lưu."
        )
    sheet = load_sheet(s, rule_sets, round_id, today)
    if sheet.context.problem:
        raise UserError(sheet.context.problem)
    lines, errors = _merge(sheet, inputs)
    errors |= {k: v for k, v in _stored_problems(sheet, lines).items() if k not in errors}
    if errors:
        raise _refusal("Chưa lưu kết quả kiểm phiếu, không có thay đổi nào được ghi", errors)
    result = tally(sheet.context, sheet.attendance, [c.vote() for c in lines])
    stored = {
        t.nomination_id: t
        for t in s.execute(
            select(
                _T.c.id, _T.c.nomination_id, _T.c.votes_for, _T.c.computed, _T.c.passed, _T.c.reason
            ).where(_T.c.meeting_id == m.id)
        )
    }
    inserts, updates, deletes = [], [], []
    for c in lines:
        cur = stored.get(c.nomination_id)
        if c.votes is None:
            if cur is not None:
                deletes.append(cur.id)
            continue
        o = result.outcomes[c.nomination_id]
        passed = o.passed if o.passed is not None else o.computed
        values = (c.votes, o.computed, passed, c.reason)
        if cur is None:
            inserts.append(
                {
                    "meeting_id": m.id,
                    "nomination_id": c.nomination_id,
                    "votes_for": c.votes,
                    "computed": o.computed,
                    "passed": passed,
                    "reason": c.reason,
                }
            )
        elif (cur.votes_for, cur.computed, cur.passed, cur.reason) != values:
            updates.append(
                {
                    "b_id": cur.id,
                    "b_votes": c.votes,
                    "b_computed": o.computed,
                    "b_passed": passed,
                    "b_reason": c.reason,
                }
            )
    if inserts:
        s.execute(insert(_T), inserts)
    if updates:
        s.execute(
            update(_T)
            .where(_T.c.id == bindparam("b_id"))
            .values(
                votes_for=bindparam("b_votes"),
                computed=bindparam("b_computed"),
                passed=bindparam("b_passed"),
                reason=bindparam("b_reason"),
            ),
            updates,
        )
    for chunk in chunks(deletes):
        s.execute(delete(_T).where(_T.c.id.in_(chunk)))
    changed = len(inserts) + len(updates) + len(deletes)
    if inputs and changed:
        decided = [c.name for c in lines if c.reason]
        audit(
            s,
            "tally",
            "meeting",
            m.id,
            round=r.name,
            added=len(inserts),
            changed=len(updates),
            cleared=len(deletes),
            council_decisions=decided[:50],
        )
    return sheet, result, changed


def close_meeting(
    s: Session, rule_sets: Sequence[RuleSet], round_id: int, today: dt.date, now: dt.datetime
) -> dict[str, object]:
    """Check that the meeting can close, freeze its minutes, set every nomination PASSED or
    FAILED and the round VOTED. Returns the minutes as stored."""
    r, m = editable_meeting(s, round_id)
    if m is None:
        raise UserError("Chưa mở cuộc họp xét cho đợt này nên chưa kết thúc được.")
    sheet, result, _changed = save_votes(s, rule_sets, round_id, (), today)
    _check_closable(sheet, result, today)
    minutes = build_minutes(s, sheet, result, final=True, closed_at=now)
    passed = [i for i, o in result.outcomes.items() if o.passed]
    failed = [i for i, o in result.outcomes.items() if not o.passed]
    for ids, status in ((passed, NominationStatus.PASSED), (failed, NominationStatus.FAILED)):
        for chunk in chunks(ids):
            s.execute(
                update(NominationRow).where(NominationRow.id.in_(chunk)).values(status=status)
            )
    check_move(r.status, RoundStatus.VOTED)
    r.status = RoundStatus.VOTED
    m.closed_at = now
    data = minutes.to_json()
    m.minutes = data
    audit(
        s,
        "close",
        "meeting",
        m.id,
        round=r.name,
        held_on=str(m.held_on),
        passed=len(passed),
        failed=len(failed),
        overrides=[f"{x.name}: {x.reason}" for x in minutes.overrides][:50],
    )
    audit(s, "status", "nomination_round", r.id, status=RoundStatus.VOTED.value)
    return data


def _check_closable(sheet: MeetingSheet, result: TallyResult, today: dt.date) -> None:
    m, context = sheet.meeting, sheet.context
    assert m is not None
    if not sheet.candidates:
        raise UserError(f"Đợt xét «{sheet.round.name}» chưa có đề nghị nào để Hội đồng xét.")
    if context.council is None or context.council.id != m.council_id:
        raise UserError(
            f"Thành phần Hội đồng có hiệu lực ngày {day_text(m.held_on)} đã thay đổi: hãy điểm "
            "danh lại và bấm Lưu trước khi kết thúc cuộc họp."
        )
    if m.held_on > today:
        raise UserError(
            f"Cuộc họp ghi ngày {day_text(m.held_on)}, chưa tới ngày đó nên chưa kết thúc được. "
            "Hãy sửa ngày họp nếu cuộc họp đã diễn ra."
        )
    q = meeting_quorum(context, sheet.attendance)
    if not q.met:
        raise UserError(
            f"Cuộc họp chưa đủ số thành viên: có mặt {q.present}/{q.members} thành viên có quyền "
            f"biểu quyết, cần ít nhất {q.needed}. Kết quả bỏ phiếu chưa có giá trị."
        )
    secret = any(a.rule.secret_ballot for a in context.awards)
    if secret and (m.ballots_issued is None or m.ballots_valid is None):
        raise UserError(
            "Hội đồng bỏ phiếu kín: hãy nhập số phiếu phát ra và số phiếu hợp lệ trước khi kết "
            "thúc cuộc họp."
        )
    waiting, ties = result.waiting()
    if waiting:
        first = next(c for c in sheet.candidates if not result.outcomes[c.nomination_id].counted)
        raise UserError(
            f"Còn {waiting} đề nghị chưa nhập số phiếu đồng ý (đầu tiên: «{first.name}»). Hãy "
            "nhập đủ kết quả kiểm phiếu trước khi kết thúc cuộc họp."
        )
    if ties:
        names = [c.name for c in sheet.candidates if result.outcomes[c.nomination_id].needs_choice]
        raise UserError(
            f"{ties} trường hợp bằng phiếu ở vị trí cuối của giới hạn ({', '.join(names[:5])}): "
            "Hội đồng cần chọn và ghi lý do (bấm «Hội đồng quyết định…») trước khi kết thúc."
        )


def reopen_meeting(s: Session, round_id: int, reason: str = "") -> None:
    """Back to the tally (VOTED → SUBMITTED) while nothing was decided or proposed from it."""
    r = round_row(s, round_id)
    m = meeting_row(s, round_id)
    if m is None or m.closed_at is None:
        raise UserError(f"Cuộc họp xét «{r.name}» chưa kết thúc nên không cần mở lại.")
    used = s.scalar(
        select(NominationRow.id)
        .where(
            NominationRow.round_id == round_id,
            NominationRow.decision_id.is_not(None) | NominationRow.proposal_id.is_not(None),
        )
        .limit(1)
    )
    if used is not None or r.status is not RoundStatus.VOTED:
        raise UserError(
            f"Đợt xét «{r.name}» đã có quyết định khen thưởng hoặc tờ trình đề nghị cấp trên nên "
            "không mở lại cuộc họp được; nếu có sai sót, hãy ra quyết định đính chính."
        )
    check_move(r.status, RoundStatus.SUBMITTED)
    s.execute(
        update(NominationRow)
        .where(
            NominationRow.round_id == round_id,
            NominationRow.status.in_((NominationStatus.PASSED, NominationStatus.FAILED)),
        )
        .values(status=NominationStatus.PROPOSED)
    )
    r.status = RoundStatus.SUBMITTED
    m.closed_at = None
    m.minutes = None
    audit(s, "reopen", "meeting", m.id, round=r.name, reason=nfc_lines(reason))
    audit(s, "status", "nomination_round", r.id, status=RoundStatus.SUBMITTED.value)
