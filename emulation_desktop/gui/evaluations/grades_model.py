"""The grade grid's model: the saved grid plus the officer's unsaved changes on top of it.

Changes stay in memory until Lưu, each cell marked, with an undo step per action (a paste, a
typed grade, "Đặt cho cả đơn vị"), so a slip costs nothing; `changes()` is what a save sends.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette

from emulation_desktop.domain.enums import Grade
from emulation_desktop.domain.evaluations import (
    GradeChange,
    GradeGrid,
    GridRow,
    parse_grade,
    parse_pasted_grades,
    split_pasted,
)
from emulation_desktop.domain.text import nfc, thousands

_Index = QModelIndex | QPersistentModelIndex
Cell = tuple[Grade | None, str]  # (grade, note)
KEEP: Any = object()  # an edit that leaves this part of the cell as it is

_SHORT = {Grade.EXCELLENT: "Xuất sắc", Grade.GOOD: "Tốt", Grade.COMPLETED: "Hoàn thành",
          Grade.NOT_COMPLETED: "Không hoàn thành"}  # fmt: skip
CHANGED_COLOUR = "#ffe08a"
ERROR_COLOUR = "#f8c9c5"
COLLECTIVE_COLOUR = "#dde8f3"


def grade_text(grade: Grade | None) -> str:
    """The label without "nhiệm vụ" (the column says what is graded): the grid stays narrow."""
    return grade.label.removesuffix(" nhiệm vụ") if grade else ""


class Col(IntEnum):
    NAME = 0
    POSITION = 1
    KIND = 2
    UNIT = 3
    GRADE = 4
    NOTE = 5
    LAST = 6


class GradesModel(QAbstractTableModel):
    """Signals: `edited` after any change of the unsaved state; `refused(message)` when typed
    text is not a grade."""

    edited = Signal()
    refused = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._grid: GradeGrid | None = None
        self._rows: tuple[GridRow, ...] = ()
        self._pending: dict[int, Cell] = {}
        self._undo: list[dict[int, Cell | None]] = []
        self._errors: dict[int, str] = {}

    # Loading ----------------------------------------------------------------------------------

    def set_grid(self, grid: GradeGrid | None) -> None:
        self.beginResetModel()
        self._grid = grid
        self._rows = grid.rows if grid else ()
        self._pending.clear()
        self._undo.clear()
        self._errors.clear()
        self.endResetModel()
        self.edited.emit()

    @property
    def grid(self) -> GradeGrid | None:
        return self._grid

    def row(self, i: int) -> GridRow:
        return self._rows[i]

    def find(self, key: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    # The unsaved state ------------------------------------------------------------------------

    def saved(self, i: int) -> Cell:
        r = self._rows[i]
        return (r.grade, r.note)

    def value(self, i: int) -> Cell:
        return self._pending.get(i, self.saved(i))

    def is_dirty(self) -> bool:
        return bool(self._pending)

    def pending_count(self) -> int:
        return len(self._pending)

    def apply(self, edits: Mapping[int, tuple[Any, Any]]) -> int:
        """Set (grade, note) of rows as one undo step; KEEP leaves a part as it is. Rows that
        cannot be edited are skipped. Returns the number of rows whose value changed."""
        step: dict[int, Cell | None] = {}
        for i, (grade, note) in edits.items():
            if not (0 <= i < len(self._rows) and self._rows[i].editable):
                continue
            old = self.value(i)
            new = (old[0] if grade is KEEP else grade, old[1] if note is KEEP else nfc(note))
            if new == old:
                continue
            step[i] = self._pending.get(i)
            self._set(i, new)
        if step:
            self._undo.append(step)
            self.edited.emit()
        return len(step)

    def undo(self) -> bool:
        if not self._undo:
            return False
        for i, previous in self._undo.pop().items():
            self._set(i, previous if previous is not None else self.saved(i))
        self.edited.emit()
        return True

    def revert(self) -> None:
        """Hủy thay đổi: back to what is saved."""
        rows = list(self._pending)
        self._pending.clear()
        self._undo.clear()
        self._errors.clear()
        for i in rows:
            self._changed_row(i)
        self.edited.emit()

    def changes(self) -> list[GradeChange]:
        out = []
        for i, (grade, note) in sorted(self._pending.items()):
            r = self._rows[i]
            out.append(GradeChange(r.kind, r.id, grade, note if note != r.note else None))
        return out

    def mark_errors(self, errors: Mapping[str, str]) -> int:
        """Mark the rows a save refused (keys "person:12"); the first marked row, or -1."""
        self._errors = {i: errors[r.key] for i, r in enumerate(self._rows) if r.key in errors}
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, Col.LAST))
        return min(self._errors, default=-1)

    def counts(self) -> tuple[Counter[Grade | None], Counter[Grade | None]]:
        """Grades of the people and of the collectives listed (None counts the ungraded)."""
        people: Counter[Grade | None] = Counter()
        collectives: Counter[Grade | None] = Counter()
        for i, r in enumerate(self._rows):
            if r.editable:
                (collectives if r.collective else people)[self.value(i)[0]] += 1
        return people, collectives

    def people_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.editable and not r.collective]

    def summary_html(self, alert: str) -> str:
        """The line under the grid: people per grade, the collective(s), what is unsaved."""
        if self._grid is None:
            return ""
        people, collectives = self.counts()
        parts = [f"{_SHORT[g]}: {thousands(people[g])}" for g in Grade]
        parts.append(f"<b>Chưa xếp loại: {thousands(people[None])}</b>")
        text = f"Cá nhân – {' · '.join(parts)}"
        if collectives.total() == 1:
            own = next(iter(collectives))
            text += f"; tập thể: {_SHORT[own] if own else 'chưa xếp loại'}"
        elif collectives.total():
            graded = collectives.total() - collectives[None]
            text += f"; tập thể đã xếp loại: {graded}/{collectives.total()}"
        if self._pending:
            text += f' <b style="color:{alert}">· {len(self._pending)} dòng chưa lưu</b>'
        return text

    def copy_text(self, rows: list[int]) -> str:
        """Name, grade and note of `rows` as Excel pastes them."""
        lines = []
        for i in rows:
            grade, note = self.value(i)
            lines.append("\t".join((self._rows[i].name, grade.label if grade else "", note)))
        return "".join(f"{line}\r\n" for line in lines)

    def paste(self, text: str, rows: list[int], column: int) -> str:
        """Excel cells pasted over `rows`: a column goes down from the first row (a second
        column is the note), a single value fills every selected row. All or nothing: a
        ValueError says why nothing was pasted; else what was done."""
        if not rows or not text.strip("\r\n"):
            raise ValueError(
                "Chưa dán: bộ nhớ tạm không có dữ liệu; hãy sao chép (Ctrl+C) trong Excel."
            )
        values: list[tuple[Any, Any]]
        if column == Col.NOTE:
            values = [(KEEP, cells[0]) for cells in split_pasted(text)]
        else:
            pasted = parse_pasted_grades(text)
            if pasted.errors:
                more = len(pasted.errors) - 3
                raise ValueError("Chưa dán: " + " ".join(pasted.errors[:3])
                                 + (f" (và {more} ô khác)." if more > 0 else ""))  # fmt: skip
            notes = pasted.notes or [KEEP] * len(pasted)
            values = list(zip(pasted.grades, notes, strict=True))
        if len(values) == 1 and len(rows) > 1:
            targets, values = rows, values * len(rows)
        else:
            targets = list(range(rows[0], rows[0] + len(values)))
        if targets[-1] >= len(self._rows):
            raise ValueError(f"Chưa dán: dữ liệu có {len(values)} dòng nhưng từ dòng đang chọn "
                             f"chỉ còn {len(self._rows) - rows[0]} dòng trong bảng.")  # fmt: skip
        locked = next((i for i in targets if not self._rows[i].editable), None)
        if locked is not None:
            r = self._rows[locked]
            raise ValueError(f"Chưa dán: dòng {locked + 1} «{r.name}» không sửa được ở đây "
                             f"({r.remark.lower()}).")  # fmt: skip
        n = self.apply(dict(zip(targets, values, strict=True)))
        return f"Đã dán {len(values)} dòng ({n} thay đổi). Bấm Lưu (Ctrl+S) để ghi."

    def _set(self, i: int, cell: Cell) -> None:
        if cell == self.saved(i):
            self._pending.pop(i, None)
        else:
            self._pending[i] = cell
        self._errors.pop(i, None)
        self._changed_row(i)

    def _changed_row(self, i: int) -> None:
        self.dataChanged.emit(self.index(i, 0), self.index(i, Col.LAST))

    # Qt ---------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        year = self._grid.year if self._grid else 0
        return (
            "Họ và tên, tập thể", "Chức vụ", "Đối tượng", "Đơn vị", f"Xếp loại năm {year}",
            "Ghi chú", f"Xếp loại năm {year - 1}",
        )[section]  # fmt: skip

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (Col.GRADE, Col.NOTE) and self._rows[index.row()].editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i, col = index.row(), Col(index.column())
        r = self._rows[i]
        grade, note = self.value(i)
        changed = i in self._pending and (
            (col is Col.GRADE and grade != r.grade) or (col is Col.NOTE and note != r.note)
        )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col is Col.GRADE:
                return grade_text(grade)
            if col is Col.NOTE:
                return note or (r.remark if role == Qt.ItemDataRole.DisplayRole else "")
            if col is Col.LAST:
                return grade_text(r.last_grade)
            return (r.name, r.position, r.kind_label, "" if r.collective else r.unit_name)[col]
        if role == Qt.ItemDataRole.BackgroundRole:
            if i in self._errors:
                return QBrush(QColor(ERROR_COLOUR))
            if changed:
                return QBrush(QColor(CHANGED_COLOUR))
            return QBrush(QColor(COLLECTIVE_COLOUR)) if r.collective else None
        if role == Qt.ItemDataRole.FontRole and (r.collective or changed):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (not r.editable or col is Col.LAST):
            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(i, r, col, changed)
        return None

    def _tip(self, i: int, r: GridRow, col: Col, changed: bool) -> str | None:
        if i in self._errors:
            return self._errors[i]
        if not r.editable:
            return f"{r.remark}: xếp loại này sửa ở đơn vị hiện nay của người này."
        if changed and col is Col.GRADE:
            before = grade_text(r.grade) or "chưa xếp loại"
            return f"Chưa lưu – trước đó: {before}. Bấm Lưu (Ctrl+S) để ghi."
        if changed and col is Col.NOTE:
            return "Ghi chú chưa lưu. Bấm Lưu (Ctrl+S) để ghi."
        if r.collective and col is Col.NAME:
            return "Xếp loại của tập thể đơn vị"
        if col in (Col.NAME, Col.POSITION, Col.KIND, Col.UNIT):  # elided on a narrow window
            return self.data(self.index(i, col)) or None
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        if index.column() == Col.NOTE:
            self.apply({index.row(): (KEEP, str(value or ""))})
            return True
        try:
            grade = parse_grade(value, typed=True)
        except ValueError as exc:
            self.refused.emit(str(exc))
            return False
        self.apply({index.row(): (grade, KEEP)})
        return True
