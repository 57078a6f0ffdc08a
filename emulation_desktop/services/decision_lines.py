"""Reading what a decision or a proposal is made of, inside the caller's session: the round and
its meeting, the nominations the council passed with their subjects, and each line's money.

One query per table, whatever the size of the round: a round of 1,000 items is priced in a few
milliseconds, and `issue` writes it with bulk statements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.decisions import (
    DecisionLine,
    NoticeState,
    PricedLine,
    inactive_problem,
    pay,
)
from emulation_desktop.domain.doc_numbers import register_number
from emulation_desktop.domain.enums import NominationStatus, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.money import amount_for
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.domain.rules.model import BaseSalary, Level, RuleSet
from emulation_desktop.domain.subjects import SubjectRef
from emulation_desktop.services.subjects import subject_key, subject_refs
from emulation_desktop.store.award_models import MeetingRow, NominationRoundRow, NominationRow
from emulation_desktop.store.models import AwardRow


def load_round(s: Session, round_id: int) -> NominationRoundRow:
    row = s.get(NominationRoundRow, round_id)
    if row is None:
        raise UserError("Đợt xét này không còn trong danh sách; hãy tải lại.")
    return row


def meeting_day(s: Session, round_id: int) -> dt.date | None:
    return s.scalar(select(MeetingRow.held_on).where(MeetingRow.round_id == round_id))


def notice_of(row: NominationRoundRow) -> NoticeState:
    return NoticeState(row.needs_notice, row.notice_start, row.notice_days, row.notice_document)


def date_problem(day: dt.date, held_on: dt.date | None, what: str = "quyết định") -> str:
    """ "" when `day` may carry the document, else why not."""
    if held_on is None:
        return "Đợt xét chưa có cuộc họp Hội đồng nên chưa ra văn bản được."
    if day < held_on:
        return (
            f"Ngày {what} {day_text(day)} trước ngày họp Hội đồng Thi đua – Khen thưởng "
            f"({day_text(held_on)}). Hãy chọn ngày từ {day_text(held_on)} trở đi."
        )
    if day > held_on + dt.timedelta(days=366):  # a mistyped year (2031 for 2026)
        return (
            f"Ngày {what} {day_text(day)} cách ngày họp Hội đồng ({day_text(held_on)}) hơn một "
            "năm. Hãy kiểm tra lại năm của ngày ký."
        )
    return ""


def issuer_text(profile: CommuneProfile | None) -> str:
    """ "Chủ tịch UBND xã Cát Thành": who issues the commune's award decisions."""
    return f"Chủ tịch {profile.issuer}" if profile else "Chủ tịch UBND xã"


@dataclass(frozen=True, slots=True)
class RoundLines:
    """The nominations passed by the council and not yet decided nor proposed."""

    within: list[DecisionLine]  # the commune's authority, priced (Art. 49.4–49.6 applied)
    upward: list[DecisionLine]  # to propose to a higher level
    problems: list[str]


def round_lines(
    s: Session,
    round_id: int,
    day: dt.date,
    rules: RuleSet,
    salaries: Sequence[BaseSalary],
    ids: Sequence[int] | None = None,
) -> RoundLines:
    """The open passed nominations of the round (or only `ids`), split by who decides on
    `day`, with what the commune pays for each."""
    stmt = select(
        NominationRow.id, NominationRow.position, NominationRow.person_id, NominationRow.unit_id,
        NominationRow.household_id, NominationRow.award_code, NominationRow.year,
        NominationRow.period, NominationRow.achievement,
    ).where(
        NominationRow.round_id == round_id,
        NominationRow.status == NominationStatus.PASSED,
        NominationRow.decision_id.is_(None),
        NominationRow.proposal_id.is_(None),
    ).order_by(NominationRow.position, NominationRow.id)  # fmt: skip
    if ids is not None:
        stmt = stmt.where(NominationRow.id.in_(list(ids)))
    rows = s.execute(stmt).all()
    keys = [subject_key(r.person_id, r.unit_id, r.household_id) for r in rows]
    refs = subject_refs(s, keys)
    problems: list[str] = []
    unknown: set[str] = set()
    inactive: list[SubjectRef] = []
    priced: list[PricedLine] = []
    upward: list[DecisionLine] = []
    for i, (r, key) in enumerate(zip(rows, keys, strict=True)):
        ref = refs.get(key)
        try:
            award = rules.award(r.award_code)
        except KeyError:
            unknown.add(r.award_code)
            continue
        if ref is None:
            problems.append("Một đối tượng trong đợt xét không còn trong danh sách (đã bị gộp "
                            "hoặc xóa); hãy tải lại đợt xét.")  # fmt: skip
            continue
        if not ref.active:
            inactive.append(ref)
        period = r.period or str(r.year)
        if award.decider is not Level.COMMUNE:
            upward.append(DecisionLine(r.id, ref, award.code, award.name, award.kind, award.rank,
                                       period, r.achievement, None, 0, position=r.position,
                                       year=r.year))  # fmt: skip
            continue
        amount = amount_for(award, day, rounding=rules.rounding, history=salaries)
        priced.append(PricedLine(i, ref, award.code, award.name, award.kind, award.rank, period,
                                 r.achievement, amount))  # fmt: skip
    if unknown:
        problems.append(
            f"Bộ quy định «{rules.name}» áp dụng ngày {day_text(day)} không có "
            + ", ".join(f"«{c}»" for c in sorted(unknown))
            + ". Hãy kiểm tra lại ngày quyết định hoặc danh mục khen thưởng."
        )
    if inactive:
        problems.append(inactive_problem(inactive))
    if twice := _already_awarded(s, rows, keys, refs):
        problems.append(
            "Đã có quyết định khen thưởng cùng danh hiệu, hình thức cho cùng năm thành tích: "
            + "; ".join(twice[:5])
            + (f" và {len(twice) - 5} trường hợp khác" if len(twice) > 5 else "")
            + ". Một thành tích chỉ khen một lần; hãy để Hội đồng xét lại đề nghị này."
        )
    paid = pay(priced)
    within = [
        DecisionLine(rows[p.key].id, p.subject, p.award_code, p.award_name, p.award_kind, p.rank,
                     p.period, p.achievement, p.amount, *paid[p.key],
                     position=rows[p.key].position, year=rows[p.key].year)
        for p in priced
    ]  # fmt: skip
    return RoundLines(within, upward, problems)


def _already_awarded(s: Session, rows, keys, refs) -> list[str]:  # type: ignore[no-untyped-def]
    """ "Name (Lao động tiên tiến năm 2025)" for lines whose subject already holds a standing
    award with the same code for the same year (one achievement, one award)."""
    if not rows:
        return []
    wanted = {(key, r.award_code, r.year) for r, key in zip(rows, keys, strict=True)}
    codes = sorted({code for _k, code, _y in wanted})
    years = sorted({y for _k, _c, y in wanted})
    held = {
        (subject_key(pid, uid, hid), code, year): name
        for pid, uid, hid, code, year, name in s.execute(
            select(AwardRow.person_id, AwardRow.unit_id, AwardRow.household_id,
                   AwardRow.award_code, AwardRow.year, AwardRow.award_name)
            .where(AwardRow.award_code.in_(codes), AwardRow.year.in_(years),
                   AwardRow.revoked_by_id.is_(None))
        )
    }  # fmt: skip
    out = []
    for key, code, year in sorted(wanted & held.keys(), key=lambda w: (w[2], w[1], w[0][1])):
        ref = refs.get(key)
        out.append(f"{ref.name if ref else key[1]} ({held[(key, code, year)]} năm {year})")
    return out


def next_register_seq(s: Session, year: int) -> int:
    """The next số sổ of `year` in the award register (from 1 each year, no gaps)."""
    last = s.scalar(select(func.max(AwardRow.register_seq)).where(AwardRow.register_year == year))
    return (last or 0) + 1


def award_values(
    line: DecisionLine,
    *,
    decision_id: int,
    number: str,
    day: dt.date,
    issuer: str,
    seq: int | None,
) -> dict[str, object]:
    """The columns of the AwardRow a decision line becomes (for a bulk insert)."""
    kind, sid = line.subject.kind, line.subject.id
    return {
        "subject_kind": kind,
        "person_id": sid if kind is SubjectKind.PERSON else None,
        "unit_id": sid if kind is SubjectKind.UNIT else None,
        "household_id": sid if kind is SubjectKind.HOUSEHOLD else None,
        "award_code": line.award_code,
        "award_name": line.award_name,
        "award_kind": line.award_kind,
        "year": line.year,
        "decision_number": number,
        "decision_date": day,
        "issuer": issuer,
        "register_number": register_number(seq, day.year) if seq is not None else "",
        "note": line.money_note,
        "decision_id": decision_id,
        "nomination_id": line.nomination_id,
        "achievement": line.achievement,
        "amount": line.paid if line.amount is not None else None,
        "register_seq": seq,
        "register_year": day.year if seq is not None else None,
    }
