"""Yearly task-completion grades of people and collectives, entered unit by unit.

A save is one transaction of set operations: the existing grades are read in one query, then
inserted, updated and deleted with executemany, so 300 grades cost a handful of statements.
Everything is checked before anything is written; a refusal names the people concerned.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import Grade, SubjectKind, UnitKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.evaluations import (
    GRADED_PERSON_KINDS,
    GRADED_UNIT_KINDS,
    GradeChange,
    GradeGrid,
    GradeSummary,
    GridRow,
    MissingGrades,
    SaveResult,
)
from emulation_desktop.domain.text import name_sort_key, nfc
from emulation_desktop.services import grade_import
from emulation_desktop.services.grade_import import GradeImportPreview
from emulation_desktop.services.registry_read import unit_tree
from emulation_desktop.services.registry_write import audit
from emulation_desktop.spreadsheet.writer import Column, TableExport, write_xlsx
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import EvaluationRow, PersonRow, UnitRow

__all__ = ["EvaluationService", "GradeImportPreview", "grade_grid", "save_grades"]

FIRST_YEAR, LAST_YEAR = 1990, 2100
NOTE_MAX = 500
MAX_LISTED = 5  # refusals named one by one in the message; the rest are counted
_CHUNK = 500  # ids per IN (…)
_E = EvaluationRow.__table__
_PERSON, _UNIT = SubjectKind.PERSON, SubjectKind.UNIT


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    ids = list(ids)
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(f"Năm {year} không hợp lệ; hãy chọn năm trong khoảng {FIRST_YEAR}–"
                        f"{LAST_YEAR}.")  # fmt: skip


def _scope(s: Session, unit_id: int, include_below: bool) -> tuple[UnitRow, list[int], dict]:  # type: ignore[type-arg]
    """The unit, the unit ids in tree order (itself, and those below when asked), the tree."""
    unit = s.get(UnitRow, unit_id)
    if unit is None:
        raise UserError("Đơn vị đã chọn không còn trong danh sách; hãy chọn lại.")
    tree = unit_tree(s)
    if not include_below:
        return unit, [unit_id], {u.id: u for u in tree}
    ids, depth = [], None
    for u in tree:  # tree order: the unit's descendants follow it until the depth comes back
        if u.id == unit_id:
            ids, depth = [u.id], u.depth
        elif depth is not None:
            if u.depth <= depth:
                break
            ids.append(u.id)
    return unit, ids, {u.id: u for u in tree}


# Reading -------------------------------------------------------------------------------------


def grade_grid(s: Session, unit_id: int, year: int, include_below: bool = False) -> GradeGrid:
    """The collectives first (tree order), then the people of each unit by name, then those
    graded here this year who have since moved or stopped being followed (read-only)."""
    _check_year(year)
    unit, ids, nodes = _scope(s, unit_id, include_below)
    order = {uid: i for i, uid in enumerate(ids)}
    people = s.execute(
        select(PersonRow.id, PersonRow.full_name, PersonRow.position, PersonRow.kind,
               PersonRow.unit_id)
        .where(PersonRow.unit_id.in_(ids), PersonRow.active.is_(True))
    ).all()  # fmt: skip
    here = select(PersonRow.id).where(PersonRow.unit_id.in_(ids), PersonRow.active.is_(True))
    grades: dict[tuple[SubjectKind, int, int], tuple[Grade, str]] = {}
    moved: list[int] = []
    for pid, uid, y, grade, note, in_unit in s.execute(
        select(_E.c.person_id, _E.c.unit_id, _E.c.year, _E.c.grade, _E.c.note, _E.c.in_unit_id)
        .where(_E.c.year.in_([year, year - 1]))
        .where(or_(_E.c.person_id.in_(here), _E.c.unit_id.in_(ids), _E.c.in_unit_id.in_(ids)))
    ):
        key = (_PERSON, pid, y) if pid is not None else (_UNIT, uid, y)
        grades[key] = (grade, note)
        if pid is not None and y == year and in_unit in order:
            moved.append(pid)

    def cell(kind: SubjectKind, id_: int) -> tuple[Grade | None, str, Grade | None]:
        now, last = grades.get((kind, id_, year)), grades.get((kind, id_, year - 1))
        return (now[0] if now else None, now[1] if now else "", last[0] if last else None)

    rows: list[GridRow] = []
    for uid in ids:
        u = nodes[uid]
        if u.kind is not UnitKind.GROUP and u.active:
            rows.append(GridRow(_UNIT, uid, u.name, u.kind.label, "Tập thể", u.name,
                                *cell(_UNIT, uid)))  # fmt: skip
    listed = set()
    for p in sorted(people, key=lambda p: (order[p.unit_id], name_sort_key(p.full_name))):
        listed.add(p.id)
        rows.append(GridRow(_PERSON, p.id, p.full_name, p.position, p.kind.label,
                            nodes[p.unit_id].name, *cell(_PERSON, p.id)))  # fmt: skip
    gone = [pid for pid in moved if pid not in listed]
    if gone:
        others = s.execute(
            select(PersonRow.id, PersonRow.full_name, PersonRow.position, PersonRow.kind,
                   PersonRow.unit_id, PersonRow.active).where(PersonRow.id.in_(gone))
        ).all()  # fmt: skip
        for p in sorted(others, key=lambda p: name_sort_key(p.full_name)):
            now = nodes[p.unit_id].name if p.unit_id in nodes else ""
            remark = f"Đã chuyển sang «{now}»" if p.active else "Đã ngừng theo dõi"
            rows.append(GridRow(_PERSON, p.id, p.full_name, p.position, p.kind.label, now,
                                *cell(_PERSON, p.id), editable=False, remark=remark))  # fmt: skip
    return GradeGrid(unit_id, unit.name, year, include_below, tuple(rows))


# Writing -------------------------------------------------------------------------------------


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
    _check_year(year)
    unit, ids, _nodes = _scope(s, unit_id, include_below)
    allowed = set(ids)
    where = f"«{unit.name}»" + (" và các đơn vị trực thuộc" if include_below else "")
    latest = {c.key: c for c in changes}  # the last change of a subject wins
    person_ids = [c.id for c in latest.values() if c.kind is _PERSON]
    unit_ids = [c.id for c in latest.values() if c.kind is _UNIT]
    people = {}
    for chunk in _chunks(person_ids):
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
        for chunk in _chunks(id_list):
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
    for chunk in _chunks(deletes):
        s.execute(delete(_E).where(_E.c.id.in_(chunk)))
    result = SaveResult(len(inserts), len(updates), len(deletes))
    if result.total:
        audit(s, "grades", "evaluation", unit_id, year=year, unit=unit.name,
              include_below=include_below, added=result.added, changed=result.changed,
              removed=result.removed)  # fmt: skip
    return result


class EvaluationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def grid(self, unit_id: int, year: int, include_below: bool = False) -> GradeGrid:
        with self._db.session_scope() as s:
            return grade_grid(s, unit_id, year, include_below)

    def save(
        self,
        year: int,
        unit_id: int,
        changes: Sequence[GradeChange],
        include_below: bool = False,
    ) -> SaveResult:
        """All `changes` in one transaction, or none with a ValidationError naming the rows."""
        with self._db.session_scope() as s:
            return save_grades(s, year, unit_id, changes, include_below)

    def set_for_unit(
        self,
        unit_id: int,
        year: int,
        grade: Grade,
        only_empty: bool = True,
        include_below: bool = False,
    ) -> int:
        """Give `grade` to the unit's people (those without one, or everyone); how many."""
        with self._db.session_scope() as s:
            grid = grade_grid(s, unit_id, year, include_below)
            changes = [
                GradeChange.person(r.id, grade)
                for r in grid.rows
                if r.editable and not r.collective and (r.grade is None or not only_empty)
            ]
            result = save_grades(s, year, unit_id, changes, include_below)
            return result.added + result.changed

    def missing(self, year: int) -> tuple[MissingGrades, ...]:
        """Units (tree order) whose active staff or own collective still lack a grade."""
        graded_kinds = list(GRADED_PERSON_KINDS)
        staff_q = select(PersonRow.unit_id, func.count()).where(
            PersonRow.active.is_(True), PersonRow.kind.in_(graded_kinds)
        )
        with self._db.session_scope() as s:
            staff = dict(s.execute(staff_q.group_by(PersonRow.unit_id)).all())
            graded = dict(s.execute(
                staff_q.join(EvaluationRow, EvaluationRow.person_id == PersonRow.id)
                .where(EvaluationRow.year == year).group_by(PersonRow.unit_id)).all())  # fmt: skip
            units_graded = set(
                s.scalars(select(_E.c.unit_id).where(_E.c.year == year, _E.c.unit_id.is_not(None)))
            )
            tree = unit_tree(s)
        out = []
        for u in tree:
            if not u.active:
                continue
            people = staff.get(u.id, 0) - graded.get(u.id, 0)
            collective = u.kind in GRADED_UNIT_KINDS and u.id not in units_graded
            if people or collective:
                out.append(MissingGrades(u.id, u.path, people, staff.get(u.id, 0), collective))
        return tuple(out)

    def summary(self, year: int) -> GradeSummary:
        with self._db.session_scope() as s:
            counts = s.execute(
                select(_E.c.person_id.is_(None), _E.c.grade, func.count())
                .where(_E.c.year == year).group_by(_E.c.person_id.is_(None), _E.c.grade)
            ).all()  # fmt: skip
        people = {Grade(g): n for is_unit, g, n in counts if not is_unit}
        collectives = {Grade(g): n for is_unit, g, n in counts if is_unit}
        missing = self.missing(year)
        return GradeSummary(year, people, collectives, sum(m.people for m in missing),
                            sum(m.collective for m in missing))  # fmt: skip

    # Excel ------------------------------------------------------------------------------------

    def import_preview(
        self, path: Path, unit_id: int, year: int, include_below: bool = False
    ) -> GradeImportPreview:
        """Every row of the file checked against the unit's people; nothing is written."""
        book = grade_import.read(Path(path))
        with self._db.session_scope() as s:
            grid = grade_grid(s, unit_id, year, include_below)
            people = [r.id for r in grid.rows if not r.collective]
            identities = {}
            for chunk in _chunks(people):
                for pid, year_, day, cccd in s.execute(
                    select(PersonRow.id, PersonRow.birth_year, PersonRow.birth_date,
                           PersonRow.cccd).where(PersonRow.id.in_(chunk))
                ):  # fmt: skip
                    identities[pid] = (year_ or (day.year if day else None), cccd or "")
        return grade_import.preview(book, grid, identities)

    def import_commit(self, preview: GradeImportPreview) -> SaveResult:
        """Write the previewed grades, all or nothing; a file with a bad row is refused."""
        if preview.error_count:
            raise UserError(
                f"Tệp «{preview.file_name}» còn {preview.error_count} dòng lỗi nên chưa nhập gì. "
                "Hãy sửa các dòng đó trong Excel rồi nhập lại."
            )
        return self.save(preview.year, preview.unit_id, preview.changes, preview.include_below)

    def export_grid(self, path: Path, unit_id: int, year: int, include_below: bool = False) -> int:
        grid = self.grid(unit_id, year, include_below)
        columns = (
            Column("Họ và tên, tập thể"), Column("Chức vụ"), Column("Đối tượng"),
            Column("Đơn vị"), Column(f"Xếp loại năm {year}"), Column("Ghi chú", width=30),
            Column(f"Xếp loại năm {year - 1}"),
        )  # fmt: skip
        rows = (
            (r.name, r.position, r.kind_label, r.unit_name, r.grade.label if r.grade else "",
             " – ".join(x for x in (r.note, r.remark) if x),
             r.last_grade.label if r.last_grade else "")
            for r in grid.rows
        )  # fmt: skip
        scope = f"Đơn vị: {grid.unit_name}" + (" và các đơn vị trực thuộc" if include_below else "")
        table = TableExport(f"KẾT QUẢ XẾP LOẠI MỨC ĐỘ HOÀN THÀNH NHIỆM VỤ NĂM {year}", columns,
                            rows, [scope], f"Xếp loại {year}")  # fmt: skip
        return write_xlsx(Path(path), [table])
