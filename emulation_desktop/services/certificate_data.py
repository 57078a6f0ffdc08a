"""The certificates a decision gives, from the decision as issued: one sheet per award whose rules
(in force on the decision's date) give one, worded from the decision, its subjects and the commune
profile. Nothing is recomputed: names, số sổ and achievements are those the decision recorded.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.certificates import (
    Certificate,
    CertificateKind,
    Recipient,
    achievement_line,
    certificate_kind,
)
from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.decision_text import ordered, signature_lines
from emulation_desktop.domain.decisions import DecisionLine
from emulation_desktop.domain.enums import AwardKind, DecisionKind, Gender, SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.profile import CommuneProfile, validate_profile
from emulation_desktop.domain.rules.files import rule_set_in_force
from emulation_desktop.domain.rules.model import RuleSet
from emulation_desktop.domain.text import date_line
from emulation_desktop.services.decision_read import decision_detail, decision_items
from emulation_desktop.store.models import AwardRow, HouseholdRow, PersonRow, UnitRow

HIGHER_REFUSED = "Quyết định của cấp trên không in giấy khen tại xã."
_SUMMARY_CHARS = 90


@dataclass(frozen=True, slots=True)
class SkippedAward:
    """An award of the decision that gets no sheet, and why."""

    award_id: int
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class DecisionChoice:
    id: int
    label: str  # "166/QĐ-UBND ngày 20/11/2026 – Về việc công nhận …"
    issued_on: dt.date
    certificates: int  # sheets its rules give (titles without a sheet not counted)


@dataclass(frozen=True, slots=True)
class DecisionSheets:
    decision_id: int
    number: str  # "166/QĐ-UBND"
    label: str
    certificates: tuple[Certificate, ...]
    skipped: tuple[SkippedAward, ...]


def decision_label(number: str, issued_on: dt.date, summary: str) -> str:
    summary = " ".join(summary.split())
    if len(summary) > _SUMMARY_CHARS:
        summary = summary[: _SUMMARY_CHARS - 1].rstrip(" ,;") + "…"
    head = f"{number} ngày {day_text(issued_on)}"
    return f"{head} – {summary}" if summary else head


def require_profile(profile: CommuneProfile | None) -> CommuneProfile:
    """Every sheet names the commune, its place and its chairman: without them nothing prints."""
    try:
        if profile is None:
            raise ValidationError({"name": "missing"})
        return validate_profile(profile)
    except ValidationError:
        raise UserError(
            "Thông tin của xã chưa đủ (tên xã, tỉnh, địa danh, Chủ tịch UBND, công chức phụ "
            "trách). Hãy nhập ở Cài đặt → Thông tin xã rồi in lại."
        ) from None


def decision_sheets(
    s: Session,
    decision_id: int,
    versions: Sequence[RuleSet],
    profile: CommuneProfile | None,
    *,
    ceremony: bool = True,
    all_titles: bool = False,
) -> DecisionSheets:
    """The decision's certificates in printing order (numbered 1..n), and the awards left out."""
    detail = decision_detail(s, decision_id, versions)
    item = detail.item
    if item.kind is DecisionKind.HIGHER:
        raise UserError(HIGHER_REFUSED)
    profile = require_profile(profile)
    rules = _rules_on(versions, item.issued_on)
    lines = ordered(detail.lines, ceremony)
    people, households = _recipients(s, lines)
    issuer = f"CHỦ TỊCH {profile.issuer_upper}"
    decision = f"Quyết định số {item.number} ngày {day_text(item.issued_on)}"
    place_date = date_line(profile.place_name or profile.name, item.issued_on)
    signer_title = signature_lines(detail.sign_variant, detail.signer_title)
    sheets: list[Certificate] = []
    skipped: list[SkippedAward] = []
    for line in lines:
        award_id = line.award_id or 0
        label = f"{line.subject.name} – {line.award_name}"
        kind, reason = _kind(line, rules, item.issued_on, all_titles)
        if kind is None:
            skipped.append(SkippedAward(award_id, label, reason))
            continue
        period = f"năm {line.period}" if line.period.isdigit() else line.period
        sheets.append(Certificate(
            award_id=award_id, kind=kind, number=len(sheets) + 1,
            recipient=_recipient(line, people, households), award_name=line.award_name,
            issuer=issuer,
            achievement=achievement_line(kind, line.achievement, line.award_name, period),
            decision=decision, register_number=line.register_number, place_date=place_date,
            signer_title=signer_title, signer_name=item.signer_name,
        ))  # fmt: skip
    label = decision_label(item.number, item.issued_on, item.summary)
    return DecisionSheets(item.id, item.number, label, tuple(sheets), tuple(skipped))


def _rules_on(versions: Sequence[RuleSet], day: dt.date) -> RuleSet | None:
    try:
        return rule_set_in_force(versions, day)
    except UserError:
        return None


def _kind(
    line: DecisionLine, rules: RuleSet | None, day: dt.date, all_titles: bool
) -> tuple[CertificateKind | None, str]:
    if line.revoked_by:
        return None, f"Đã bị thu hồi theo Quyết định số {line.revoked_by}."
    try:
        if rules is None:
            raise KeyError(line.award_code)
        artefacts = rules.award(line.award_code).artefacts
    except KeyError:
        return None, (
            f"Bộ quy định áp dụng ngày {day_text(day)} không có «{line.award_name}» "
            f"(mã {line.award_code}), nên không biết in loại giấy nào."
        )
    kind = certificate_kind(line.subject.kind, line.award_kind, artefacts, any_title=all_titles)
    if kind is not None:
        return kind, ""
    if line.award_kind is AwardKind.TITLE:
        return None, (
            f"Theo bộ quy định, danh hiệu «{line.award_name}» không kèm giấy chứng nhận; chỉ in "
            "khi chọn in cả các danh hiệu không kèm giấy."
        )
    return None, f"«{line.award_name}» không phải giấy khen của xã."


def _recipients(
    s: Session, lines: Sequence[DecisionLine]
) -> tuple[dict[int, Gender], dict[int, tuple[str, Gender, str]]]:
    """Genders of the people; head's name and gender and the address (or unit) of the
    households. One query per kind."""
    ids: dict[SubjectKind, set[int]] = {SubjectKind.PERSON: set(), SubjectKind.HOUSEHOLD: set()}
    for line in lines:
        if line.subject.kind in ids:
            ids[line.subject.kind].add(line.subject.id)
    people = dict(
        s.execute(
            select(PersonRow.id, PersonRow.gender).where(PersonRow.id.in_(ids[SubjectKind.PERSON]))
        ).all()
    )
    households = {
        hid: (head, gender, address.strip() or unit)
        for hid, head, gender, address, unit in s.execute(
            select(HouseholdRow.id, PersonRow.full_name, PersonRow.gender, HouseholdRow.address,
                   UnitRow.name)
            .join(PersonRow, PersonRow.id == HouseholdRow.head_id)
            .join(UnitRow, UnitRow.id == HouseholdRow.unit_id)
            .where(HouseholdRow.id.in_(ids[SubjectKind.HOUSEHOLD]))
        )
    }  # fmt: skip
    return people, households


def _recipient(
    line: DecisionLine,
    people: dict[int, Gender],
    households: dict[int, tuple[str, Gender, str]],
) -> Recipient:
    ref = line.subject
    if ref.kind is SubjectKind.PERSON:
        return Recipient(ref.kind, ref.name, people.get(ref.id), ref.document_place)
    if ref.kind is SubjectKind.HOUSEHOLD and ref.id in households:
        head, gender, where = households[ref.id]
        return Recipient(ref.kind, head, gender, where)
    return Recipient(ref.kind, ref.name, None, ref.document_place)


# The decisions to choose from ------------------------------------------------------------------


def decision_choices(s: Session, year: int, versions: Sequence[RuleSet]) -> list[DecisionChoice]:
    """The commune's own decisions of `year` (not the higher levels' recorded ones), newest
    first, each with the number of sheets its rules give. One grouped query for the counts."""
    items = [d for d in decision_items(s, year) if d.kind is not DecisionKind.HIGHER]
    days = {d.id: d.issued_on for d in items}
    counts: Counter[int] = Counter()
    for decision_id, code, subject, award_kind, n in _award_groups(s, list(days)):
        rules = _rules_on(versions, days[decision_id])
        try:
            artefacts = rules.award(code).artefacts if rules else ()
        except KeyError:
            continue
        if certificate_kind(subject, award_kind, artefacts) is not None:
            counts[decision_id] += n
    return [
        DecisionChoice(d.id, decision_label(d.number, d.issued_on, d.summary), d.issued_on,
                       counts[d.id])
        for d in items
    ]  # fmt: skip


def _award_groups(s: Session, decision_ids: list[int]) -> list:  # type: ignore[type-arg]
    return list(
        s.execute(
            select(AwardRow.decision_id, AwardRow.award_code, AwardRow.subject_kind,
                   AwardRow.award_kind, func.count())
            .where(AwardRow.decision_id.in_(decision_ids), AwardRow.revoked_by_id.is_(None))
            .group_by(AwardRow.decision_id, AwardRow.award_code, AwardRow.subject_kind,
                      AwardRow.award_kind)
        )
    )  # fmt: skip
