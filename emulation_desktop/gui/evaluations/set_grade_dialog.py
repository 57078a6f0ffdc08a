"""Đặt cho cả đơn vị: one grade for the people of the unit (only those without one, or all).

The dialog is its own confirmation: it names the unit and its button says how many people get
the grade. The grades are marked in the grid; nothing is written until Lưu.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop import APP_NAME
from emulation_desktop.domain.enums import Grade
from emulation_desktop.domain.evaluations import GradeGrid

from emulation_desktop.gui.evaluations.grades_model import KEEP, GradesModel
from emulation_desktop.gui.registry.form import dialog_buttons, em


class SetGradeDialog(QDialog):
    def __init__(
        self, unit_name: str, empty: int, total: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("set_grade_dialog")
        self.setWindowTitle(f"Đặt xếp loại cho cả đơn vị – {APP_NAME}")
        self.setMinimumWidth(em(self, 36))
        self._empty, self._total = empty, total
        intro = QLabel(f"Đặt cùng một mức xếp loại cho các cá nhân của «{unit_name}».")
        intro.setWordWrap(True)
        self.grade = QComboBox()
        self.grade.setObjectName("grade")
        for g in Grade:
            self.grade.addItem(g.label, g)
        self.grade.setCurrentIndex(list(Grade).index(Grade.GOOD))
        self.only_empty = QRadioButton(f"Chỉ những người chưa xếp loại ({empty} người)")
        self.only_empty.setObjectName("only_empty")
        self.everyone = QRadioButton(f"Tất cả {total} người (thay cả xếp loại đã nhập)")
        self.everyone.setObjectName("everyone")
        group = QButtonGroup(self)
        group.addButton(self.only_empty)
        group.addButton(self.everyone)
        (self.only_empty if empty else self.everyone).setChecked(True)
        form = QFormLayout()
        form.addRow("Mức xếp loại:", self.grade)
        form.addRow("Áp dụng cho:", self.only_empty)
        form.addRow("", self.everyone)
        note = QLabel("Các ô được đánh dấu là chưa lưu; bấm Lưu (Ctrl+S) để ghi, hoặc "
                      "«Hủy thay đổi» để bỏ.")  # fmt: skip
        note.setWordWrap(True)
        buttons, self.ok = dialog_buttons(self, "", self.accept, ctrl_s=False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        for w in (self.only_empty, self.everyone):
            w.toggled.connect(lambda _on: self._update())
        self._update()

    def chosen(self) -> Grade:
        return Grade(self.grade.currentData())

    def count(self) -> int:
        return self._empty if self.only_empty.isChecked() else self._total

    def _update(self) -> None:
        n = self.count()
        self.ok.setText(f"Đặt cho {n} người")
        self.ok.setEnabled(n > 0)


def set_for_whole_unit(parent: QWidget, model: GradesModel, grid: GradeGrid) -> str | None:
    """Ask, then mark the grade in the grid (unsaved); what was done, or None when cancelled."""
    people = model.people_rows()
    empty = [i for i in people if model.value(i)[0] is None]
    name = grid.unit_name + (" và các đơn vị trực thuộc" if grid.include_below else "")
    dialog = SetGradeDialog(name, len(empty), len(people), parent=parent)
    if not dialog.exec():
        return None
    grade, rows = dialog.chosen(), empty if dialog.only_empty.isChecked() else people
    n = model.apply({i: (grade, KEEP) for i in rows})
    return f"Đã đặt «{grade.label}» cho {n} người. Bấm Lưu (Ctrl+S) để ghi."
