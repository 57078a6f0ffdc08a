"""Issuing a decision from a voted round, and a correcting decision: each one transaction that
takes the register number, writes the decision and its awards (with their số sổ), moves the
nominations and the round, and leaves an audit entry. Any refusal leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.decision_text import (
    default_bases,
    default_summary,
    long_date,
    ordered,
)
from emulation_desktop.domain.decisions import (
    CorrectionInput,
    DecisionInput,
    DecisionLine,
    PricedLine,
    clean_correction,
    clean_decision,
    inactive_problem,
    pay,
)
from emulation_desktop.domain.doc_numbers import document_number
from emulation_desktop.domain.enums import (
    DecisionKind,
    DocType,
    NominationStatus,
    RoundStatus,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.money import amount_for
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.domain.rules.model import BaseSalary, Level, RuleSet
from emulation_desktop.domain.workflow import check_move, require_status
from emulation_desktop.services.decision_lines import (
    award_values,
    date_problem,
    issuer_text,
    load_round,
    meeting_day,
    next_register_seq,
    notice_of,
    round_lines,
)
from emulation_desktop.services.doc_register import take
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.subjects import row_subject_key, subject_refs
from emulation_desktop.store.award_models import DecisionRow, NominationRoundRow, NominationRow
from emulation_desktop.store.models import AwardRow

REGISTER_CLASH = (
    "Số sổ khen thưởng vừa được cấp cho một quyết định khác (có thể ở một cửa sổ khác của chương "
    "trình). Chưa có gì được lưu; hãy thử lại."
)


def check_notice(rnd: NominationRoundRow, day: dt.date, override: str) -> str:
    """The override reason kept, or a refusal while the public notice still runs."""
    warning = notice_of(rnd).warning(day)
    if not warning:
        return ""
    if not override:
        raise ValidationError({"notice_override": warning})
    return override


def insert_awards(
    s: Session, lines: Sequence[DecisionLine], decision: DecisionRow, *, numbered: bool = True
) -> list[str]:
    """One bulk insert for the decision's awards; số sổ follow the order of `lines`."""
    first = next_register_seq(s, decision.issued_on.year) if numbered else None
    values = [
        award_values(line, decision_id=decision.id, number=decision.number,
                     day=decision.issued_on, issuer=decision.issuer,
                     seq=None if first is None else first + i)
        for i, line in enumerate(lines)
    ]  # fmt: skip
    try:
        if values:
            s.execute(insert(AwardRow), values)
    except IntegrityError as exc:
        if "award.register" in str(exc.orig):
            raise UserError(REGISTER_CLASH) from exc
        raise
    return [str(v["register_number"]) for v in values]


def close_round_if_done(s: Session, rnd: NominationRoundRow) -> bool:
    """The round is decided once every passed nomination has a decision or a proposal."""
    open_ = s.scalar(
        select(NominationRow.id)
        .where(NominationRow.round_id == rnd.id, NominationRow.status == NominationStatus.PASSED)
        .limit(1)
    )
    if open_ is not None or rnd.status is not RoundStatus.VOTED:
        return False
    check_move(rnd.status, RoundStatus.DECIDED)
    rnd.status = RoundStatus.DECIDED
    audit(s, "move", "nomination_round", rnd.id, status=RoundStatus.DECIDED.value)
    return True


def issue(
    s: Session,
    round_id: int,
    data: DecisionInput,
    rules: RuleSet,
    salaries: Sequence[BaseSalary],
    profile: CommuneProfile | None,
) -> int:
    clean = clean_decision(data)
    day = clean.issued_on
    assert day is not None
    rnd = load_round(s, round_id)
    require_status(rnd.status, RoundStatus.VOTED)
    held_on = meeting_day(s, round_id)
    if problem := date_problem(day, held_on):
        raise ValidationError({"issued_on": problem})
    override = check_notice(rnd, day, clean.notice_override)
    found = round_lines(s, round_id, day, rules, salaries)
    if found.problems:
        raise UserError(found.problems[0])
    if not found.within:
        raise UserError(
            "Không có đề nghị nào thuộc thẩm quyền của Chủ tịch UBND xã đang chờ quyết định trong "
            "đợt xét này. Các đề nghị vượt thẩm quyền được trình cấp trên bằng tờ trình."
        )
    lines = ordered(found.within)
    summary = clean.summary or default_summary(lines, rnd.period)
    bases = clean.bases or default_bases(day, rules.code, rules.basis.text, rnd.kind, held_on)
    entry = take(s, DocType.DECISION, day, summary, clean.number)
    decision = DecisionRow(
        kind=DecisionKind.AWARD, register_id=entry.id, issued_on=day,
        number=document_number(entry.number, entry.symbol), issuer=issuer_text(profile),
        summary=summary, round_id=round_id, signer_name=clean.signer_name,
        signer_title=clean.signer_title, sign_variant=clean.sign_variant, bases=list(bases),
    )  # fmt: skip
    s.add(decision)
    s.flush()
    insert_awards(s, lines, decision)
    s.execute(
        update(NominationRow),
        [{"id": ln.nomination_id, "status": NominationStatus.DECIDED, "decision_id": decision.id}
         for ln in lines],
    )  # fmt: skip
    if override:
        rnd.notice_override = override
        audit(s, "override_notice", "nomination_round", rnd.id, reason=override,
              decision=decision.number, ends_on=day_text(notice_of(rnd).ends_on))  # fmt: skip
    audit(s, "issue", "decision", decision.id, number=decision.number, date=str(day),
          round_id=round_id, lines=len(lines), total=sum(ln.paid for ln in lines))  # fmt: skip
    close_round_if_done(s, rnd)
    return decision.id


# Correction -----------------------------------------------------------------------------------


def correct(
    s: Session,
    decision_id: int,
    data: CorrectionInput,
    rules: RuleSet,
    salaries: Sequence[BaseSalary],
    profile: CommuneProfile | None,
) -> int:
    clean = clean_correction(data)
    day = clean.issued_on
    assert day is not None
    original = s.get(DecisionRow, decision_id)
    if original is None:
        raise UserError("Quyết định này không còn trong danh sách; hãy tải lại.")
    if original.kind is DecisionKind.HIGHER:
        raise UserError(
            "Quyết định của cấp trên do cấp trên đính chính; hãy ghi nhận quyết định đính chính "
            "đó như một quyết định khen thưởng của cấp trên."
        )
    if day < original.issued_on:
        raise ValidationError({"issued_on": (
            f"Ngày đính chính {day_text(day)} trước ngày của quyết định được đính chính "
            f"({day_text(original.issued_on)})."
        )})  # fmt: skip
    revoked = _revoked(s, original, clean.revoke)
    standing = _standing(s, original.id, revoked, rules)
    lines = _replacements(s, clean, revoked, rules, salaries, day, standing)
    summary = clean.summary or (
        f"Về việc đính chính Quyết định số {original.number} {long_date(original.issued_on)} "
        f"của {original.issuer}"
    )
    bases = clean.bases or (
        *[b for b in original.bases if b.startswith("Căn cứ Luật") or "Nghị định" in b],
        f"Căn cứ Quyết định số {original.number} {long_date(original.issued_on)} của "
        f"{original.issuer}",
    )
    entry = take(s, DocType.DECISION, day, summary, clean.number)
    decision = DecisionRow(
        kind=DecisionKind.CORRECTION, register_id=entry.id, issued_on=day,
        number=document_number(entry.number, entry.symbol), issuer=issuer_text(profile),
        summary=summary, round_id=original.round_id, signer_name=clean.signer_name,
        signer_title=clean.signer_title, sign_variant=clean.sign_variant, bases=list(bases),
        corrects_id=original.id, correction_reason=clean.reason,
    )  # fmt: skip
    s.add(decision)
    s.flush()
    for award in revoked.values():
        award.revoked_by_id = decision.id
    insert_awards(s, lines, decision)
    audit(s, "correct", "decision", decision.id, number=decision.number, corrects=original.number,
          reason=clean.reason, revoked=sorted(revoked), added=len(lines))  # fmt: skip
    return decision.id


def _revoked(s: Session, original: DecisionRow, ids: Sequence[int]) -> dict[int, AwardRow]:
    rows = {a.id: a for a in s.scalars(select(AwardRow).where(AwardRow.id.in_(list(ids))))}
    for award_id in ids:
        award = rows.get(award_id)
        if award is None or award.decision_id != original.id:
            raise UserError(
                f"Khen thưởng được chọn thu hồi không thuộc Quyết định số {original.number}; "
                "hãy tải lại và chọn lại."
            )
        if award.revoked_by_id is not None:
            raise UserError(
                f"Khen thưởng «{award.award_name}» (số sổ {award.register_number}) đã được thay "
                "thế bởi một quyết định đính chính trước đó."
            )
    return rows


def _standing(
    s: Session, decision_id: int, revoked: dict[int, AwardRow], rules: RuleSet
) -> list[PricedLine]:
    """The corrected decision's awards that are not revoked, as already-decided lines (negative
    keys, so they never collide with the replacements' indexes; the period is the year, as the
    replacements' is when money is shared out)."""
    rows = s.scalars(
        select(AwardRow).where(AwardRow.decision_id == decision_id,
                               AwardRow.revoked_by_id.is_(None))
    ).all()  # fmt: skip
    kept = [a for a in rows if a.id not in revoked]
    refs = subject_refs(s, [row_subject_key(a) for a in kept])
    return [
        PricedLine(-1 - i, ref, a.award_code, a.award_name, a.award_kind,
                   _rank(rules, a.award_code), str(a.year), a.achievement, a.amount)
        for i, a in enumerate(kept)
        if (ref := refs.get(row_subject_key(a))) is not None
    ]  # fmt: skip


def _rank(rules: RuleSet, code: str) -> int:
    try:
        return rules.award(code).rank
    except KeyError:
        return 0


def _replacements(
    s: Session,
    clean: CorrectionInput,
    revoked: dict[int, AwardRow],
    rules: RuleSet,
    salaries: Sequence[BaseSalary],
    day: dt.date,
    standing: Sequence[PricedLine] = (),
) -> list[DecisionLine]:
    refs = subject_refs(s, [r.subject for r in clean.replacements])
    missing = [r for r in clean.replacements if r.subject not in refs]
    if missing:
        raise UserError("Một đối tượng của dòng thay thế không còn trong danh sách (đã bị gộp "
                        "hoặc xóa); hãy chọn lại.")  # fmt: skip
    inactive = [refs[r.subject] for r in clean.replacements if not refs[r.subject].active]
    if inactive:
        raise UserError(inactive_problem(inactive))
    priced: list[PricedLine] = []
    for i, r in enumerate(clean.replacements):
        try:
            award = rules.award(r.award_code)
        except KeyError:
            raise UserError(f"Bộ quy định áp dụng ngày {day_text(day)} không có hình thức, danh "
                            f"hiệu «{r.award_code}».") from None  # fmt: skip
        if award.decider is not Level.COMMUNE:
            raise UserError(f"«{award.name}» không thuộc thẩm quyền của Chủ tịch UBND xã nên "
                            "không đưa vào quyết định đính chính được.")  # fmt: skip
        if award.subject is not r.subject[0]:
            raise UserError(f"«{award.name}» dành cho {award.subject.label.lower()}, không dành "
                            f"cho «{refs[r.subject].name}».")  # fmt: skip
        if r.replaces_id is not None and r.replaces_id not in revoked:
            raise UserError("Dòng thay thế phải thay cho một khen thưởng được thu hồi trong "
                            "chính quyết định đính chính này.")  # fmt: skip
        computed = amount_for(award, day, rounding=rules.rounding, history=salaries)
        amount = r.amount if r.amount is not None else computed
        old = revoked.get(r.replaces_id) if r.replaces_id is not None else None
        period = r.period or str(r.year or (old.year if old else day.year))
        priced.append(PricedLine(i, refs[r.subject], award.code, award.name, award.kind,
                                 award.rank, period, r.achievement, amount))  # fmt: skip
    # The awards of the corrected decision that stand take part in Art. 49.4–49.6 (they were
    # paid already): a replacement of the same period is not paid a second time.
    known = {p.subject.key for p in priced}
    by_year = [replace(p, period=str(r.year or (revoked[r.replaces_id].year
                                                 if r.replaces_id in revoked else day.year)))
               for p, r in zip(priced, clean.replacements, strict=True)]  # fmt: skip
    paid = pay([*by_year, *(ln for ln in standing if ln.subject.key in known)])
    out = []
    for p, r in zip(priced, clean.replacements, strict=True):
        old = revoked.get(r.replaces_id) if r.replaces_id is not None else None
        year = r.year or (old.year if old else day.year)
        amount, note = paid[p.key]
        out.append(DecisionLine(
            old.nomination_id if old else None, p.subject, p.award_code, p.award_name,
            p.award_kind, p.rank, p.period, p.achievement, p.amount, amount, note, position=p.key,
            year=year,
        ))  # fmt: skip
    return out
