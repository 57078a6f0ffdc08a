"""Nhập từ Excel for the grade grid: a list of names with their grades, for one unit and year.

The file is the one the units send back: "Họ và tên" (with "Năm sinh" or "Số CCCD" when two
people share a name) and either a "Xếp loại" column or one column per grade ticked with "x".
Names are matched to the people of the chosen unit without accents; every row is checked and
shown, and the import writes all rows or none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from emulation_desktop.domain.enums import Grade, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.evaluations import GradeChange, GradeGrid, GridRow, parse_grade
from emulation_desktop.domain.import_fields import HEADER_SCAN_ROWS, column_letter
from emulation_desktop.domain.import_values import clean_text, is_blank, parse_birth, parse_cccd
from emulation_desktop.domain.text import fold
from emulation_desktop.spreadsheet.reader import SheetData, WorkbookData, read_workbook

__all__ = ["GradeImportPreview", "GradeImportRow", "Identity", "preview", "read"]

Identity = tuple[int | None, str]  # (birth year, CCCD) of a person, to tell namesakes apart


@dataclass(frozen=True, slots=True)
class GradeImportRow:
    line: int  # the Excel row number
    name: str
    grade: Grade | None
    note: str
    matched: str  # who it was matched to: "Nguyễn Văn An (Trường THCS Cát Thành)"
    before: Grade | None  # the grade saved now, to show what will change
    error: str = ""
    kind: SubjectKind = SubjectKind.PERSON
    subject_id: int | None = None


@dataclass(frozen=True, slots=True)
class GradeImportPreview:
    file_name: str
    sheet: str
    columns: str  # "Họ và tên: cột B; Xếp loại: cột E"
    unit_id: int
    unit_name: str
    year: int
    include_below: bool
    rows: tuple[GradeImportRow, ...]

    @property
    def error_count(self) -> int:
        return sum(bool(r.error) for r in self.rows)

    @property
    def changes(self) -> tuple[GradeChange, ...]:
        return tuple(
            GradeChange(r.kind, r.subject_id, r.grade, r.note or None)
            for r in self.rows
            if not r.error and r.subject_id is not None
        )


def read(path: Path) -> WorkbookData:
    return read_workbook(path, max_rows=20_000)


@dataclass(frozen=True, slots=True)
class _Layout:
    sheet: SheetData
    first_data: int  # index into sheet.rows
    name: int
    grade: int | None
    marks: Mapping[int, Grade]  # one column per grade, ticked
    birth: int | None
    cccd: int | None
    note: int | None

    def describe(self) -> str:
        parts = [f"Họ và tên: cột {column_letter(self.name)}"]
        if self.grade is not None:
            parts.append(f"Xếp loại: cột {column_letter(self.grade)}")
        else:
            ticks = ", ".join(column_letter(c) for c in sorted(self.marks))
            parts.append(f"Xếp loại: đánh dấu ở các cột {ticks}")
        for label, col in (("Năm sinh", self.birth), ("Số CCCD", self.cccd),
                           ("Ghi chú", self.note)):  # fmt: skip
            if col is not None:
                parts.append(f"{label}: cột {column_letter(col)}")
        return "; ".join(parts)


def _words(value: object) -> str:
    return "" if is_blank(value) else " ".join(re.findall(r"[a-z0-9]+", fold(str(value))))


def _first(headers: Sequence[str], test) -> int | None:  # type: ignore[no-untyped-def]
    return next((i for i, h in enumerate(headers) if h and test(h)), None)


def _is_name(h: str) -> bool:
    return h in ("ten", "ho ten", "ho va ten") or h.startswith(("ho va ten", "ho ten"))


def _is_grade(h: str) -> bool:
    return any(w in h for w in ("xep loai", "muc do hoan thanh", "danh gia")) or h.startswith(
        "ket qua"
    )


def _marks(headers: Sequence[object]) -> dict[int, Grade]:
    found: dict[int, Grade] = {}
    for i, h in enumerate(headers):
        try:
            grade = parse_grade(h) if isinstance(h, str) and h.strip() else None
        except ValueError:
            grade = None
        if grade is not None and grade not in found.values():
            found[i] = grade
    return found if len(found) >= 2 else {}


def _layout(sheet: SheetData) -> _Layout | None:
    for top in range(min(HEADER_SCAN_ROWS, len(sheet.rows))):
        headers = [_words(v) for v in sheet.rows[top]]
        name = _first(headers, _is_name)
        if name is None:
            continue
        below = sheet.rows[top + 1] if top + 1 < len(sheet.rows) else ()
        marks, first_data = _marks(sheet.rows[top]), top + 1
        if not marks and (marks := _marks(below)):
            first_data = top + 2  # "Xếp loại" merged over HTXS | HTT | HT | KHT
        grade = _first(headers, _is_grade)
        if marks:
            grade = None
        elif grade is None:
            continue
        return _Layout(
            sheet, first_data, name, grade, marks,
            birth=_first(headers, lambda h: "nam sinh" in h or "ngay sinh" in h),
            cccd=_first(headers, lambda h: any(w in h for w in ("cccd", "can cuoc", "cmnd"))),
            note=_first(headers, lambda h: h.startswith("ghi chu")),
        )  # fmt: skip
    return None


def _cell(row: Sequence[object], col: int | None) -> object:
    return row[col] if col is not None and col < len(row) else None


def _row_grade(layout: _Layout, row: Sequence[object]) -> Grade | None:
    if layout.grade is not None:
        return parse_grade(_cell(row, layout.grade))
    ticked = [g for col, g in layout.marks.items() if not is_blank(_cell(row, col))]
    if len(ticked) > 1:
        raise ValueError("đánh dấu nhiều mức xếp loại trên cùng một dòng")
    return ticked[0] if ticked else None


def _narrow(found: list[GridRow], row: Sequence[object], layout: _Layout,
            identities: Mapping[int, Identity]) -> list[GridRow]:  # fmt: skip
    """Namesakes told apart by the CCCD, else by the birth year, when the file has them."""
    cccd = parse_cccd(_cell(row, layout.cccd))
    if cccd:
        return [r for r in found if identities.get(r.id, (None, ""))[1] == cccd]
    _day, year = parse_birth(_cell(row, layout.birth), today=dt.date.today())
    if year is not None:
        return [r for r in found if identities.get(r.id, (None, ""))[0] == year]
    return found


def preview(book: WorkbookData, grid: GradeGrid,
            identities: Mapping[int, Identity]) -> GradeImportPreview:  # fmt: skip
    layout = next((lay for s in book.sheets if not s.hidden and (lay := _layout(s))), None)
    if layout is None:
        raise UserError(
            f"Không tìm thấy cột «Họ và tên» và cột «Xếp loại» trong {HEADER_SCAN_ROWS} dòng đầu "
            f"của tệp «{book.path.name}». Hãy đặt tiêu đề cột như vậy rồi nhập lại."
        )
    by_name: dict[str, list[GridRow]] = defaultdict(list)
    for r in grid.rows:
        if r.editable:
            by_name[fold(r.name)].append(r)
    where = f"«{grid.unit_name}»" + (" và các đơn vị trực thuộc" if grid.include_below else "")
    seen: dict[str, int] = {}
    rows: list[GradeImportRow] = []
    for index in range(layout.first_data, len(layout.sheet.rows)):
        row, line = layout.sheet.rows[index], index + 1
        name = clean_text(_cell(row, layout.name), max_len=10**6, field_label="Tên")[:200]
        try:
            grade = _row_grade(layout, row)
            note = clean_text(_cell(row, layout.note), max_len=500, field_label="Ghi chú")
        except ValueError as exc:
            rows.append(GradeImportRow(line, name, None, "", "", None, str(exc)))
            continue
        if not name or grade is None:
            continue  # a blank line, a heading ("I. Khối trường học"), someone not graded
        try:
            found = _narrow(by_name.get(fold(name), []), row, layout, identities)
        except ValueError as exc:
            rows.append(GradeImportRow(line, name, grade, note, "", None, str(exc)))
            continue
        error, match = "", found[0] if len(found) == 1 else None
        if not found:
            error = f"Không có «{name}» trong {where}"
        elif match is None:
            error = (f"Có {len(found)} người tên «{name}» trong {where}; hãy thêm cột Năm sinh "
                     "hoặc Số CCCD để phân biệt")  # fmt: skip
        elif match.key in seen:
            error = f"«{name}» đã có ở dòng {seen[match.key]}"
        if match is None or error:
            rows.append(GradeImportRow(line, name, grade, note, "", None, error))
            continue
        seen[match.key] = line
        plain = match.collective or not grid.include_below  # one unit: its name says nothing
        matched = match.name if plain else f"{match.name} ({match.unit_name})"
        rows.append(GradeImportRow(line, name, grade, note, matched, match.grade, "",
                                   match.kind, match.id))  # fmt: skip
    if not rows:
        raise UserError(
            f"Tệp «{book.path.name}» không có dòng nào vừa có họ tên vừa có xếp loại "
            f"(đã đọc {layout.describe()})."
        )
    return GradeImportPreview(
        book.path.name, layout.sheet.name, layout.describe(), grid.unit_id, grid.unit_name,
        grid.year, grid.include_below, tuple(rows),
    )  # fmt: skip
