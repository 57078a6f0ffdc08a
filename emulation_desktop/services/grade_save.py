"""Saving grades for the people and collectives of a unit: every change checked first, then
one transaction of set operations (the existing grades read in one query, then inserted,
updated and deleted with executemany), so 300 grades cost a handful of statements. A refusal
names the people concerned and nothing is written."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import Grade, SubjectKind, UnitKind
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.evaluations import GradeChange, SaveResult
from emulation_desktop.domain.text import nfc
from emulation_desktop.services.grade_grid import check_year, chunks, unit_scope
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.models import EvaluationRow, PersonRow, UnitRow

NOTE_MAX = 500
MAX_LISTED = 5  # refusals named one by one in the message; the rest are counted
_E = EvaluationRow.__table__  # the Core table: set operations, no ORM objects
_PERSON, _UNIT = SubjectKind.PERSON, SubjectKind.UNIT


def _grade(value: Grade | str | None) -> Grade | None:
    if value is None or isinstance(value, Grade):
        return value
    try:
        return Grade(str(value).strip().lower())
    except ValueError:
        raise ValueError(f"mức xếp loại «{value}» không có trong danh mục") from None


def _refusal(errors: dict[str, str], year: int) -> ValidationError:
    exc = ValidationError(errors)
    listed = list(errors.values())[:MAX_LISTED]
    more = len(errors) - len(listed)
    exc.message = (
        f"Chưa lưu xếp loại năm {year}, không có thay đổi nào được ghi: "
        + "; ".join(listed)
        + (f"; và {more} dòng khác." if more else ".")
    )
    return exc


def save_grades(
    s: Session,
    year: int,
    unit_id: int,
    changes: Sequence[GradeChange],
    include_below: bool = False,
) -> SaveResult:
    """Write `changes` for the people and collectives of the unit, all or nothing."""
    check_year(year)
    unit, ids, _nodes = unit_scope(s, unit_id, include_below)
    allowed = set(ids)
    where = f"«{unit.name}»" + (" và các đơn vị trực thuộc" if include_below else "")
    latest = {c.key: c for c in changes}  # the last change of a subject wins
    person_ids = [c.id for c in latest.values() if c.kind is _PERSON]
    unit_ids = [c.id for c in latest.values() if c.kind is _UNIT]
    people = {}
    for chunk in chunks(person_ids):
        people.update({r.id: r for r in s.execute(
            select(PersonRow.id, PersonRow.full_name, PersonRow.unit_id, PersonRow.active)
            .where(PersonRow.id.in_(chunk)))})  # fmt: skip
    units = {r.id: r for r in s.execute(
        select(UnitRow.id, UnitRow.name, UnitRow.kind, UnitRow.active)
        .where(UnitRow.id.in_(unit_ids)))} if unit_ids else {}  # fmt: skip

    errors: dict[str, str] = {}
    clean: list[tuple[GradeChange, Grade | None, str | None, int | None]] = []
    for c in latest.values():
        subject = people.get(c.id) if c.kind is _PERSON else units.get(c.id)
        name = f"«{subject[1]}»" if subject else f"mã {c.id}"
        try:
            grade = _grade(c.grade)
        except ValueError as exc:
            errors[c.key] = f"{name}: {exc}"
            continue
        note = None if c.note is None else nfc(c.note)
        if subject is None:
            what = "Cá nhân" if c.kind is _PERSON else "Đơn vị"
            errors[c.key] = f"{what} {name} không còn trong danh sách"
        elif c.kind is _PERSON and subject.unit_id not in allowed:
            errors[c.key] = f"{name} không thuộc {where}"
        elif c.kind is _UNIT and subject.id not in allowed:
            errors[c.key] = f"tập thể {name} không thuộc {where}"
        elif not subject.active and grade is not None:
            errors[c.key] = f"{name} đã ngừng theo dõi"
        elif c.kind is _UNIT and subject.kind is UnitKind.GROUP:
            errors[c.key] = f"{name} là nhóm đơn vị, không xếp loại tập thể"
        elif note is not None and len(note) > NOTE_MAX:
            errors[c.key] = f"ghi chú của {name} dài quá {NOTE_MAX} ký tự"
        else:
            in_unit = subject.unit_id if c.kind is _PERSON else None
            clean.append((c, grade, note, in_unit))
    if errors:
        raise _refusal(errors, year)

    existing = {}
    for column, kind, id_list in ((_E.c.person_id, _PERSON, person_ids),
                                  (_E.c.unit_id, _UNIT, unit_ids)):  # fmt: skip
        for chunk in chunks(id_list):
            for r in s.execute(
                select(_E.c.id, column, _E.c.grade, _E.c.note, _E.c.in_unit_id)
                .where(_E.c.year == year, column.in_(chunk))
            ):  # fmt: skip
                existing[(kind, r[1])] = r
    inserts, updates, deletes = [], [], []
    for c, grade, note, in_unit in clean:
        cur = existing.get((c.kind, c.id))
        if grade is None:
            if cur is not None:
                deletes.append(cur.id)
            continue
        if note is None:
            note = cur.note if cur is not None else ""
        if cur is None:
            inserts.append({"person_id": c.id if c.kind is _PERSON else None,
                            "unit_id": c.id if c.kind is _UNIT else None, "year": year,
                            "grade": grade, "note": note, "in_unit_id": in_unit})  # fmt: skip
        elif (cur.grade, cur.note, cur.in_unit_id) != (grade, note, in_unit):
            updates.append({"b_id": cur.id, "b_grade": grade, "b_note": note, "b_in": in_unit})
    if inserts:
        s.execute(insert(_E), inserts)
    if updates:
        s.execute(
            update(_E)
            .where(_E.c.id == bindparam("b_id"))
            .values(grade=bindparam("b_grade", type_=_E.c.grade.type), note=bindparam("b_note"),
                    in_unit_id=bindparam("b_in")),
            updates,
        )  # fmt: skip
    for chunk in chunks(deletes):
        s.execute(delete(_E).where(_E.c.id.in_(chunk)))
    result = SaveResult(len(inserts), len(updates), len(deletes))
    if result.total:
        audit(s, "grades", "evaluation", unit_id, year=year, unit=unit.name,
              include_below=include_below, added=result.added, changed=result.changed,
              removed=result.removed)  # fmt: skip
    return result
