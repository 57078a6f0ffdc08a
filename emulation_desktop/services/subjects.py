"""Subjects of awards across tables: the three-column pattern (person_id, unit_id, household_id),
names for many subjects in a few set queries, and the search behind the subject pickers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import Gender, SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.subjects import SubjectKey, SubjectRef
from emulation_desktop.domain.text import fold, nfc
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import HouseholdRow, PersonRow, UnitRow

_COLUMN = {
    SubjectKind.PERSON: "person_id",
    SubjectKind.UNIT: "unit_id",
    SubjectKind.HOUSEHOLD: "household_id",
}
_MISSING = {
    SubjectKind.PERSON: "Không tìm thấy cá nhân này; có thể đã bị xóa hoặc gộp.",
    SubjectKind.UNIT: "Không tìm thấy đơn vị này; có thể đã bị xóa.",
    SubjectKind.HOUSEHOLD: "Không tìm thấy hộ gia đình này; có thể đã bị xóa.",
}


def subject_columns(kind: SubjectKind, subject_id: int) -> dict[str, int | None]:
    """{"person_id": …, "unit_id": …, "household_id": …} with only `kind`'s column set."""
    return {col: (subject_id if k is kind else None) for k, col in _COLUMN.items()}


def set_subject(row: Any, key: SubjectKey | None) -> None:
    """Point a row's `subject_kind` and three subject columns at `key` (None: no subject)."""
    row.subject_kind = key[0] if key else None
    columns = subject_columns(*key) if key else dict.fromkeys(_COLUMN.values())
    for column, value in columns.items():
        setattr(row, column, value)


def subject_key(person_id: int | None, unit_id: int | None, household_id: int | None) -> SubjectKey:
    if person_id is not None:
        return (SubjectKind.PERSON, person_id)
    if unit_id is not None:
        return (SubjectKind.UNIT, unit_id)
    if household_id is not None:
        return (SubjectKind.HOUSEHOLD, household_id)
    raise ValueError("a row without a subject")


def row_subject_key(row: Any) -> SubjectKey:
    """The subject of a row holding the three columns (a registration, a model, a complaint…)."""
    return subject_key(row.person_id, row.unit_id, row.household_id)


def household_name(head: str, gender: Gender) -> str:
    """ "Hộ ông Nguyễn Văn An" / "Hộ bà Lê Thị Hoa"."""
    return f"Hộ {gender.honorific.lower()} {head}"


def subject_refs(s: Session, keys: Iterable[SubjectKey]) -> dict[SubjectKey, SubjectRef]:
    """Names and places of many subjects, one query per kind; missing ids are left out."""
    wanted: dict[SubjectKind, set[int]] = defaultdict(set)
    for kind, id_ in keys:
        wanted[kind].add(id_)
    out: dict[SubjectKey, SubjectRef] = {}
    if ids := wanted.get(SubjectKind.PERSON):
        for pid, name, unit, active, position in s.execute(
            select(PersonRow.id, PersonRow.full_name, UnitRow.name, PersonRow.active,
                   PersonRow.position)
            .join(UnitRow, UnitRow.id == PersonRow.unit_id)
            .where(PersonRow.id.in_(ids))
        ):  # fmt: skip
            out[(SubjectKind.PERSON, pid)] = SubjectRef(
                SubjectKind.PERSON, pid, name, unit, active, position
            )
    if ids := wanted.get(SubjectKind.UNIT):
        for uid, name, kind, active in s.execute(
            select(UnitRow.id, UnitRow.name, UnitRow.kind, UnitRow.active).where(
                UnitRow.id.in_(ids)
            )
        ):
            out[(SubjectKind.UNIT, uid)] = SubjectRef(
                SubjectKind.UNIT, uid, name, kind.label, active
            )
    if ids := wanted.get(SubjectKind.HOUSEHOLD):
        for hid, head, gender, unit, active in s.execute(
            select(
                HouseholdRow.id, PersonRow.full_name, PersonRow.gender, UnitRow.name,
                HouseholdRow.active,
            )
            .join(PersonRow, PersonRow.id == HouseholdRow.head_id)
            .join(UnitRow, UnitRow.id == HouseholdRow.unit_id)
            .where(HouseholdRow.id.in_(ids))
        ):  # fmt: skip
            out[(SubjectKind.HOUSEHOLD, hid)] = SubjectRef(
                SubjectKind.HOUSEHOLD, hid, household_name(head, gender), unit, active
            )
    return out


def require_subject(
    s: Session, kind: SubjectKind, subject_id: int, field: str | None = None
) -> SubjectRef:
    """The subject, or one clear message when it no longer exists: under the form's `field`
    when given (a ValidationError), else a UserError."""
    ref = subject_refs(s, [(kind, subject_id)]).get((kind, subject_id))
    if ref is None:
        if field is not None:
            raise ValidationError({field: _MISSING[kind]})
        raise UserError(_MISSING[kind])
    return ref


class SubjectService:
    """Find subjects by name for the pickers of registrations, models, complaints and so on."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, kind: SubjectKind, subject_id: int) -> SubjectRef | None:
        with self._db.session_scope() as s:
            return subject_refs(s, [(kind, subject_id)]).get((kind, subject_id))

    def refs(self, keys: Iterable[SubjectKey]) -> dict[SubjectKey, SubjectRef]:
        with self._db.session_scope() as s:
            return subject_refs(s, keys)

    def search(
        self,
        text: str,
        kinds: Sequence[SubjectKind] = tuple(SubjectKind),
        limit: int = 30,
    ) -> list[SubjectRef]:
        """Active subjects whose name contains `text` (accents and đ/d ignored), best first:
        names starting with the text, then the rest, each in name order."""
        needle = fold(nfc(text)).strip()
        found: list[tuple[bool, str, SubjectKey]] = []
        with self._db.session_scope() as s:
            pattern = f"%{needle}%"
            if SubjectKind.PERSON in kinds:
                for pid, name_fold, sort_key in s.execute(
                    select(PersonRow.id, PersonRow.name_fold, PersonRow.sort_key)
                    .where(PersonRow.active.is_(True), PersonRow.name_fold.like(pattern))
                    .order_by(PersonRow.sort_key)
                    .limit(limit)
                ):
                    found.append((not name_fold.startswith(needle), sort_key,
                                  (SubjectKind.PERSON, pid)))  # fmt: skip
            if SubjectKind.UNIT in kinds:
                for uid, name_fold in s.execute(
                    select(UnitRow.id, UnitRow.name_fold)
                    .where(UnitRow.active.is_(True), UnitRow.name_fold.like(pattern))
                    .order_by(UnitRow.sort_order, UnitRow.name_fold)
                    .limit(limit)
                ):
                    found.append((not name_fold.startswith(needle), name_fold,
                                  (SubjectKind.UNIT, uid)))  # fmt: skip
            if SubjectKind.HOUSEHOLD in kinds:
                for hid, name_fold, sort_key in s.execute(
                    select(HouseholdRow.id, PersonRow.name_fold, PersonRow.sort_key)
                    .join(PersonRow, PersonRow.id == HouseholdRow.head_id)
                    .where(HouseholdRow.active.is_(True), PersonRow.name_fold.like(pattern))
                    .order_by(PersonRow.sort_key)
                    .limit(limit)
                ):
                    found.append((not name_fold.startswith(needle), sort_key,
                                  (SubjectKind.HOUSEHOLD, hid)))  # fmt: skip
            found.sort(key=lambda t: (t[0], t[1]))
            keys = [k for _, _, k in found[:limit]]
            refs = subject_refs(s, keys)
        return [refs[k] for k in keys if k in refs]
