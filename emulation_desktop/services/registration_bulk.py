"""Registering a whole unit at once (its active people and, if asked, its collectives) and the
preview of it, plus the query both this and a single registration use to refuse duplicates.

Duplicates (same year, movement or none, title, subject) are refused here in the service: the
table cannot refuse them because SQLite treats the NULLs of "no movement" as all different.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import SubjectKind, UnitKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.registrations import (
    BulkResult,
    UnitRegistrationInput,
    award_problem,
)
from emulation_desktop.domain.rules.model import AwardType
from emulation_desktop.domain.subjects import SubjectKey, SubjectRef
from emulation_desktop.services.movement_choices import chosen_movement
from emulation_desktop.services.registry_read import unit_and_descendants
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.subjects import subject_columns, subject_key
from emulation_desktop.store.cycle_models import RegistrationRow
from emulation_desktop.store.models import PersonRow, UnitRow

NewRegistration = tuple[SubjectKind, int, str]  # (kind, subject id, title code)


def registered_subjects(
    s: Session, year: int, movement_id: int | None, award_code: str, exclude_id: int | None = None
) -> set[SubjectKey]:
    """Subjects already registered to exactly this movement (or none) and title this year."""
    same_movement = (
        RegistrationRow.movement_id.is_(None)
        if movement_id is None
        else RegistrationRow.movement_id == movement_id
    )
    stmt = select(
        RegistrationRow.person_id, RegistrationRow.unit_id, RegistrationRow.household_id
    ).where(RegistrationRow.year == year, same_movement, RegistrationRow.award_code == award_code)
    if exclude_id is not None:
        stmt = stmt.where(RegistrationRow.id != exclude_id)
    return {subject_key(*row) for row in s.execute(stmt)}


def plan_unit(
    s: Session, clean: UnitRegistrationInput, awards: dict[str, AwardType], problem: str
) -> tuple[BulkResult, list[NewRegistration]]:
    """What registering the unit would add and skip (`awards`: the year's catalog, `problem`:
    why there is none); refuses a gone unit or movement and a title that does not fit."""
    unit = s.get(UnitRow, clean.unit_id) if clean.unit_id is not None else None
    if unit is None:
        raise ValidationError({"unit_id": "Đơn vị đã chọn không còn trong danh sách."})
    chosen_movement(s, clean.movement_id, clean.year)
    for field, code, ref in (
        ("person_award", clean.person_award, SubjectRef(SubjectKind.PERSON, 0, "các cá nhân")),
        ("unit_award", clean.unit_award, SubjectRef(SubjectKind.UNIT, unit.id, unit.name)),
    ):
        if message := award_problem(code, ref, clean.year, awards, problem):
            raise ValidationError({field: message})
    ids = (unit_and_descendants(s, unit.id, active_only=True) if clean.include_subunits
           else [unit.id])  # fmt: skip
    wanted: list[tuple[SubjectKind, str, Iterable[tuple[int, str]]]] = []
    if clean.people:
        people = s.execute(
            select(PersonRow.id, PersonRow.full_name)
            .where(PersonRow.unit_id.in_(ids), PersonRow.active.is_(True))
            .order_by(PersonRow.sort_key)
        ).all()
        wanted.append((SubjectKind.PERSON, clean.person_award, people))
    if clean.collectives:
        units = s.execute(
            select(UnitRow.id, UnitRow.name)
            .where(UnitRow.id.in_(ids), UnitRow.kind != UnitKind.GROUP)
            .where(UnitRow.active.is_(True) | (UnitRow.id == unit.id))
            .order_by(UnitRow.sort_order, UnitRow.name_fold)
        ).all()
        wanted.append((SubjectKind.UNIT, clean.unit_award, units))
    new: list[NewRegistration] = []
    skipped: dict[SubjectKind, list[str]] = defaultdict(list)
    for kind, award, subjects in wanted:
        taken = registered_subjects(s, clean.year, clean.movement_id, award)
        for subject_id, name in subjects:
            if (kind, subject_id) in taken:
                skipped[kind].append(name)
            else:
                new.append((kind, subject_id, award))
    added = Counter(kind for kind, _, _ in new)
    result = BulkResult(
        added[SubjectKind.PERSON], added[SubjectKind.UNIT],
        tuple(skipped[SubjectKind.PERSON]), tuple(skipped[SubjectKind.UNIT]),
    )  # fmt: skip
    return result, new


def register_unit(
    s: Session, clean: UnitRegistrationInput, awards: dict[str, AwardType], problem: str
) -> BulkResult:
    """Add the planned registrations in the caller's transaction; subjects already registered
    to the same thing are skipped and named in the result."""
    result, new = plan_unit(s, clean, awards, problem)
    if not result.added and not (result.skipped_people or result.skipped_collectives):
        raise UserError("Đơn vị đã chọn chưa có cá nhân, tập thể nào đang theo dõi để đăng ký.")
    for kind, subject_id, award in new:
        s.add(RegistrationRow(
            year=clean.year, subject_kind=kind, **subject_columns(kind, subject_id),
            movement_id=clean.movement_id, award_code=award, targets=clean.targets,
            status=clean.status, registered_on=clean.registered_on,
        ))  # fmt: skip
    audit(s, "bulk_create", "registration", None, unit_id=clean.unit_id,
          people=result.people, collectives=result.collectives,
          skipped=len(result.skipped_people) + len(result.skipped_collectives))  # fmt: skip
    return result
