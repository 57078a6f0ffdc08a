"""Nhập từ Excel for the grade grid: every row of the file checked against the unit's people,
shown before anything is written; the import writes all rows or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop import APP_NAME
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.evaluations import SaveResult
from emulation_desktop.services.evaluations import EvaluationService, GradeImportPreview

from emulation_desktop.gui.evaluations.grades_model import grade_text
from emulation_desktop.gui.messages import show_error
from emulation_desktop.gui.registry.form import ERROR_COLOR, dialog_buttons
from emulation_desktop.gui.rules.tables import ReadOnlyTable
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.column_fit import ColumnFit

# What is wrong comes before the values: it is what the officer must read first.
HEADERS = ("Dòng", "Lỗi", "Họ và tên trong tệp", "Xếp loại", "Hiện nay", "Khớp với", "Ghi chú")
_ERROR_ROW = "#fde2e1"


class GradeImportDialog(QDialog):
    """After `exec()`, `result_` holds what was written (None when nothing was)."""

    def __init__(
        self,
        evaluations: EvaluationService,
        tasks: TaskRunner,
        path: Path,
        unit_id: int,
        year: int,
        include_below: bool,
        *,
        unit_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("grade_import_dialog")
        self.setWindowTitle(f"Nhập xếp loại từ Excel – {APP_NAME}")
        self._evaluations, self._tasks, self._path = evaluations, tasks, path
        self._scope = (unit_id, year, include_below)
        self.preview: GradeImportPreview | None = None
        self.result_: SaveResult | None = None
        where = unit_name + (" và các đơn vị trực thuộc" if include_below else "")
        self.intro = QLabel(f"Xếp loại năm {year} cho «{where}», từ tệp «{path.name}».")
        self.intro.setWordWrap(True)
        self.table = ReadOnlyTable(HEADERS, "import_rows")
        # The error takes the room left; names and notes are capped (whole on hover).
        self.columns = ColumnFit(self.table, 1, caps={2: 16, 5: 16, 6: 14})
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        buttons, self.import_button = dialog_buttons(self, "Nhập", self._import, ctrl_s=False)
        reread = QPushButton("Đọc lại tệp")
        reread.setToolTip("Sau khi sửa và lưu tệp trong Excel")
        buttons.addButton(reread, QDialogButtonBox.ButtonRole.ActionRole)
        reread.clicked.connect(self.read)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(960, 560)
        self.read()

    def read(self) -> None:
        path, (unit_id, year, below) = self._path, self._scope
        self._tasks.submit(
            lambda: self._evaluations.import_preview(path, unit_id, year, below),
            self._show,
            self._unreadable,
            progress="Đang đọc tệp Excel…",
            parent=self,
        )

    def _unreadable(self, exc: UserError) -> None:
        self.preview = None
        self.table.fill([])
        self._say(exc.message, error=True)
        self.import_button.setEnabled(False)

    def _show(self, preview: GradeImportPreview) -> None:
        self.preview = preview
        rows = [
            (str(r.line), r.error, r.name, grade_text(r.grade), grade_text(r.before), r.matched,
             r.note)
            for r in preview.rows
        ]  # fmt: skip
        self.table.fill(rows, rows)  # a capped cell shows whole on hover
        self.columns.refit()
        self.table.resizeRowsToContents()
        for i, r in enumerate(preview.rows):
            if r.error:
                for c in range(len(HEADERS)):
                    item = self.table.item(i, c) or QTableWidgetItem()
                    item.setBackground(QBrush(QColor(_ERROR_ROW)))
        good, bad = len(preview.rows) - preview.error_count, preview.error_count
        read = f"Đã đọc trang «{preview.sheet}» ({preview.columns})."
        if bad:
            self._say(f"{read} {bad} dòng lỗi (tô đỏ), {good} dòng hợp lệ. Chưa nhập được vì "
                      "phải nhập cả tệp một lần: hãy sửa các dòng lỗi trong Excel, lưu tệp rồi "
                      "bấm «Đọc lại tệp».", error=True)  # fmt: skip
        else:
            self._say(f"{read} {good} dòng hợp lệ; bấm «Nhập» để lưu cả {good} xếp loại.")
        self.import_button.setText(f"Nhập {good} xếp loại" if not bad else "Nhập")
        self.import_button.setEnabled(not bad and good > 0)

    def _say(self, text: str, error: bool = False) -> None:
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self.summary.setText(text)

    def _import(self) -> None:
        preview = self.preview
        if preview is None:
            return

        def done(result: SaveResult) -> None:
            self.result_ = result
            self.accept()

        self._tasks.submit(
            lambda: self._evaluations.import_commit(preview),
            done,
            lambda exc: show_error(self, exc.message),
            progress="Đang lưu xếp loại…",
            parent=self,
        )
