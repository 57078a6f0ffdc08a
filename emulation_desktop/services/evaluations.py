"""Yearly task-completion grades of people and collectives, entered unit by unit: the grid
(services.grade_grid), saving it (services.grade_save), what is still missing, the year's
summary, and the grid to and from Excel.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select

from emulation_desktop.domain.enums import Grade
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.evaluations import (
    GRADED_PERSON_KINDS,
    GRADED_UNIT_KINDS,
    GradeChange,
    GradeGrid,
    GradeSummary,
    MissingGrades,
    SaveResult,
)
from emulation_desktop.services import grade_import
from emulation_desktop.services.grade_grid import chunks, grade_grid
from emulation_desktop.services.grade_import import GradeImportPreview
from emulation_desktop.services.grade_save import save_grades
from emulation_desktop.services.registry_read import started_by_end_of, unit_tree
from emulation_desktop.spreadsheet.writer import Column, TableExport, write_xlsx
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import EvaluationRow, PersonRow

__all__ = ["EvaluationService", "GradeImportPreview"]

_E = EvaluationRow.__table__  # the Core table: set operations, no ORM objects


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
            PersonRow.active.is_(True), PersonRow.kind.in_(graded_kinds), started_by_end_of(year)
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
            for chunk in chunks(people):
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
