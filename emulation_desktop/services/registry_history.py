"""What a subject holds: its awards, grades and (for a person) the initiatives it authored; award
counts for the duplicate finder; and every award as one list for the Excel export."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.registry_views import (
    AwardRecord,
    EvaluationRecord,
    InitiativeRecord,
    SubjectHistory,
)
from emulation_desktop.domain.text import text_sort_text
from emulation_desktop.services.subjects import household_name
from emulation_desktop.store.award_models import DecisionRow
from emulation_desktop.store.cycle_models import InitiativeAuthorRow, InitiativeRow
from emulation_desktop.store.models import AwardRow, EvaluationRow, HouseholdRow, PersonRow, UnitRow


def history(session: Session, kind: SubjectKind, subject_id: int) -> SubjectHistory:
    column = {
        SubjectKind.PERSON: AwardRow.person_id,
        SubjectKind.UNIT: AwardRow.unit_id,
        SubjectKind.HOUSEHOLD: AwardRow.household_id,
    }[kind]
    rows = session.scalars(
        select(AwardRow)
        .where(column == subject_id)
        .order_by(AwardRow.year.desc(), AwardRow.decision_date.desc(), AwardRow.id.desc())
    ).all()
    revokers = _revokers(session, {a.revoked_by_id for a in rows if a.revoked_by_id})
    awards = tuple(
        AwardRecord(
            a.id,
            a.subject_kind,
            a.year,
            a.award_name,
            a.award_kind,
            a.decision_number,
            a.decision_date,
            a.issuer,
            a.register_number,
            _note(a, revokers),
        )
        for a in rows
    )
    evaluations: tuple[EvaluationRecord, ...] = ()
    if kind is not SubjectKind.HOUSEHOLD:
        eval_column = (
            EvaluationRow.person_id if kind is SubjectKind.PERSON else EvaluationRow.unit_id
        )
        evaluations = tuple(
            EvaluationRecord(e.year, e.grade, e.note)
            for e in session.scalars(
                select(EvaluationRow)
                .where(eval_column == subject_id)
                .order_by(EvaluationRow.year.desc())
            )
        )
    initiatives = _initiatives(session, subject_id) if kind is SubjectKind.PERSON else ()
    return SubjectHistory(awards, evaluations, initiatives)


def _revokers(session: Session, ids: set[int]) -> dict[int, str]:
    """Correcting decision id → "07/QĐ-UBND ngày 10/01/2027"."""
    if not ids:
        return {}
    return {
        d.id: f"{d.number} ngày {day_text(d.issued_on)}"
        for d in session.execute(
            select(DecisionRow.id, DecisionRow.number, DecisionRow.issued_on).where(
                DecisionRow.id.in_(ids)
            )
        )
    }


def _note(award: AwardRow, revokers: dict[int, str]) -> str:
    """The award's note, its achievement, and the mark of a correcting decision: a replaced award
    stays in the history, marked, so what really happened can still be read."""
    parts = []
    if award.revoked_by_id is not None:
        parts.append(f"Đã được thay thế bởi Quyết định số {revokers.get(award.revoked_by_id, '')}")
    if award.achievement:
        parts.append(award.achievement)
    if award.note:
        parts.append(award.note)
    return ". ".join(p.rstrip(". ") for p in parts)


def _initiatives(session: Session, person_id: int) -> tuple[InitiativeRecord, ...]:
    """The person's initiatives, newest first, with the names of their co-authors."""
    mine = session.execute(
        select(InitiativeRow, InitiativeAuthorRow.share)
        .join(InitiativeAuthorRow, InitiativeAuthorRow.initiative_id == InitiativeRow.id)
        .where(InitiativeAuthorRow.person_id == person_id)
        .order_by(InitiativeRow.year.desc(), InitiativeRow.doc_date.desc(), InitiativeRow.id)
    ).all()
    others: dict[int, list[str]] = {}
    for iid, name in session.execute(
        select(InitiativeAuthorRow.initiative_id, PersonRow.full_name)
        .join(PersonRow, PersonRow.id == InitiativeAuthorRow.person_id)
        .where(
            InitiativeAuthorRow.initiative_id.in_([r.id for r, _ in mine]),
            InitiativeAuthorRow.person_id != person_id,
        )
        .order_by(InitiativeAuthorRow.position)
    ):
        others.setdefault(iid, []).append(name)
    return tuple(
        InitiativeRecord(
            r.id, r.year, r.kind, r.title, r.scope, r.doc_number, r.doc_date, r.doc_issuer,
            share, tuple(others.get(r.id, ())),
        )
        for r, share in mine
    )  # fmt: skip


def _revoked_note(note: str, revoker: str | None) -> str:
    if revoker is None:
        return note
    mark = f"Đã được thay thế bởi Quyết định số {revoker}"
    return f"{mark}. {note}" if note else mark


def award_counts(session: Session, person_ids: Sequence[int]) -> dict[int, int]:
    return dict(
        session.execute(
            select(AwardRow.person_id, func.count())
            .where(AwardRow.person_id.in_(list(person_ids)))
            .group_by(AwardRow.person_id)
        ).all()
    )


# Awards as one list (export) ------------------------------------------------------------------


def award_rows(session: Session, year: int | None = None) -> list[tuple]:  # type: ignore[type-arg]
    """Every award with its subject's name and unit: year, then award, then Vietnamese name order.

    Rows: (year, award name, subject kind, subject name, unit name, decision number, decision
    date, issuer, register number, note).
    """
    person_unit = aliased(UnitRow)
    home_head = aliased(PersonRow)
    home_unit = aliased(UnitRow)
    award_unit = aliased(UnitRow)
    stmt = (
        select(
            AwardRow.year,
            AwardRow.award_name,
            AwardRow.subject_kind,
            PersonRow.full_name,
            PersonRow.sort_key,
            person_unit.name,
            award_unit.name,
            home_head.full_name,
            home_head.sort_key,
            home_unit.name,
            home_head.gender,
            AwardRow.decision_number,
            AwardRow.decision_date,
            AwardRow.issuer,
            AwardRow.register_number,
            AwardRow.note,
            AwardRow.revoked_by_id,
        )
        .outerjoin(PersonRow, PersonRow.id == AwardRow.person_id)
        .outerjoin(person_unit, person_unit.id == PersonRow.unit_id)
        .outerjoin(award_unit, award_unit.id == AwardRow.unit_id)
        .outerjoin(HouseholdRow, HouseholdRow.id == AwardRow.household_id)
        .outerjoin(home_head, home_head.id == HouseholdRow.head_id)
        .outerjoin(home_unit, home_unit.id == HouseholdRow.unit_id)
    )
    if year is not None:
        stmt = stmt.where(AwardRow.year == year)
    found = session.execute(stmt).all()
    revokers = _revokers(session, {r.revoked_by_id for r in found if r.revoked_by_id})
    out = []
    for r in found:
        if r.subject_kind is SubjectKind.PERSON:
            name, sort, unit = r[3], r[4], r[5]
        elif r.subject_kind is SubjectKind.UNIT:
            name, sort, unit = r[6], text_sort_text(r[6]), ""
        else:
            name, sort, unit = household_name(r[7], r.gender), r[8], r[9]
        out.append(((-r.year, text_sort_text(r.award_name), r.subject_kind.value, sort),
                    (r.year, r.award_name, r.subject_kind.label, name, unit, r.decision_number,
                     r.decision_date, r.issuer, r.register_number,
                     _revoked_note(r.note, revokers.get(r.revoked_by_id)))))  # fmt: skip
    out.sort(key=lambda pair: pair[0])
    return [row for _key, row in out]
