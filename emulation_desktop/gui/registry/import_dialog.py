"""Nhập từ Excel: choose the sheet and columns, see every row checked, then import at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop import APP_NAME
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.import_fields import (
    FIELDS,
    ImportKind,
    column_letter,
    guess_mapping,
)
from emulation_desktop.domain.text import thousands
from emulation_desktop.services.importing import (
    DISPLAY_COLUMNS,
    ImportPlan,
    ImportPreview,
    ImportService,
    ImportSource,
    ImportSummary,
    PreviewRow,
    RowStatus,
)

from emulation_desktop.gui.messages import show_error, show_info
from emulation_desktop.gui.tasks import TaskRunner

ENCODING_CHOICES = (
    ("Tự nhận biết", "auto"),
    ("TCVN3 (.VnTime)", "tcvn3"),
    ("VNI (VNI-Times)", "vni"),
    ("Không chuyển mã", "none"),
)
_STATUS_COLOURS = {RowStatus.INVALID: "#fde2e1", RowStatus.EXISTING: "#fff4d6"}
_Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Excel row, status, the mapped values, and what is wrong or worth knowing."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[PreviewRow, ...] = ()
        self._headers: list[str] = []

    def set_preview(self, kind: ImportKind, rows: tuple[PreviewRow, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        labels = (label for label, _keys in DISPLAY_COLUMNS[kind])
        # What is wrong comes before the values: it is what the officer must read first.
        self._headers = ["Dòng", "Tình trạng", "Lỗi, lưu ý", *labels]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return str(row.row)
            if col == 1:
                return row.status.value
            if col == 2:
                return row.note
            return row.values[col - 3]
        if role == Qt.ItemDataRole.BackgroundRole and row.status in _STATUS_COLOURS:
            return QBrush(QColor(_STATUS_COLOURS[row.status]))
        if role == Qt.ItemDataRole.ForegroundRole and row.status in _STATUS_COLOURS:
            return QBrush(QColor("#202020"))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class ImportDialog(QDialog):
    """After `exec()`: `imported` is the summary when something was written, else None."""

    def __init__(
        self, imports: ImportService, tasks: TaskRunner, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(f"Nhập từ Excel – {path.name} – {APP_NAME}")
        self._imports = imports
        self._tasks = tasks
        self._path = path
        self._source: ImportSource | None = None
        self._preview: ImportPreview | None = None
        self._busy = False
        self.imported: ImportSummary | None = None
        self.failed = False

        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet_combo")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for kind in ImportKind:
            self.kind_combo.addItem(kind.label, kind)
        self.header_spin = QSpinBox()
        self.header_spin.setObjectName("header_spin")
        self.header_spin.setMinimum(1)
        self.header_spin.setToolTip("Số thứ tự của dòng tiêu đề cột trong Excel")
        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("encoding_combo")
        for text, code in ENCODING_CHOICES:
            self.encoding_combo.addItem(text, code)
        self.encoding_combo.setToolTip(
            "Danh sách gõ bằng phông chữ cũ (.VnTime, VNI-Times) được chuyển sang Unicode"
        )
        top = QGridLayout()
        for col, (text, widget) in enumerate((
            ("Trang:", self.sheet_combo), ("Danh sách:", self.kind_combo),
            ("Dòng tiêu đề:", self.header_spin), ("Phông chữ cũ:", self.encoding_combo),
        )):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label, 0, 2 * col)
            top.addWidget(widget, 0, 2 * col + 1)
        top.setColumnStretch(1, 2)

        self.columns_box = QGroupBox("Cột trong tệp Excel (dấu * là bắt buộc)")
        self.columns_grid = QGridLayout(self.columns_box)
        self.column_combos: dict[str, QComboBox] = {}

        self.model = PreviewModel()
        self.table = QTableView()
        self.table.setObjectName("preview_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.only_valid = QCheckBox("Chỉ nhập các dòng hợp lệ (bỏ qua các dòng lỗi)")
        self.only_valid.setObjectName("only_valid")
        self.skip_existing = QCheckBox("Bỏ qua những dòng đã có trong danh sách")
        self.skip_existing.setObjectName("skip_existing")
        self.skip_existing.setChecked(True)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("Nhập", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_button")
        cancel = self.buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel_button")
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self._import)

        checks = QHBoxLayout()
        checks.addWidget(self.only_valid)
        checks.addWidget(self.skip_existing)
        checks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.columns_box)
        layout.addWidget(QLabel("Kiểm tra từng dòng (dòng lỗi tô đỏ, dòng đã có tô vàng):"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(checks)
        layout.addWidget(self.buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        screen = self.screen().availableGeometry()
        self.resize(min(80 * em, int(screen.width() * 0.92)),
                    min(56 * em, int(screen.height() * 0.9)))  # fmt: skip

        self.sheet_combo.currentIndexChanged.connect(lambda _i: self._sheet_changed())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.header_spin.valueChanged.connect(lambda _v: self._header_changed())
        self.encoding_combo.currentIndexChanged.connect(lambda _i: self._refresh())
        self.only_valid.toggled.connect(lambda _c: self._show_summary())
        self.skip_existing.toggled.connect(lambda _c: self._refresh())
        self._set_enabled(False)
        self._tasks.submit(lambda: imports.open(path), self._opened, self._open_failed,
                           progress="Đang đọc tệp Excel…", parent=self)  # fmt: skip

    def _kind(self) -> ImportKind:
        return ImportKind(self.kind_combo.currentData())  # Qt returns a StrEnum as a plain str

    # Loading ----------------------------------------------------------------------------------

    def _open_failed(self, exc: UserError) -> None:
        self.failed = True
        show_error(self, exc.message, "Không đọc được tệp Excel")
        self.reject()

    def exec(self) -> int:
        # The file may be refused before the dialog is even shown (a synchronous runner).
        return QDialog.DialogCode.Rejected.value if self.failed else super().exec()

    def _opened(self, source: ImportSource) -> None:
        self._source = source
        self._busy = True
        for guess in source.guesses:
            self.sheet_combo.addItem(f"{guess.name} ({thousands(guess.rows)} dòng)", guess.name)
        self._busy = False
        self._sheet_changed()

    def _guess_for_sheet(self) -> None:
        assert self._source is not None
        guess = next(g for g in self._source.guesses if g.name == self.sheet_combo.currentData())
        self._busy = True
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(guess.kind))
        self.header_spin.setMaximum(max(1, guess.rows))
        self.header_spin.setValue(guess.header_row + 1)
        self._busy = False
        self._build_columns(guess.headers, guess.mapping)

    def _sheet_changed(self) -> None:
        if not self._busy and self._source is not None:
            self._guess_for_sheet()
            self._refresh()

    def _kind_changed(self) -> None:
        if self._busy or self._source is None:
            return
        guess = self._imports.guess(self._source, self.sheet_combo.currentData(),
                                    self._kind())  # fmt: skip
        self._busy = True
        self.header_spin.setValue(guess.header_row + 1)
        self._busy = False
        self._build_columns(guess.headers, guess.mapping)
        self._refresh()

    def _header_changed(self) -> None:
        if self._busy or self._source is None:
            return
        headers = self._imports.headers(self._source, self.sheet_combo.currentData(),
                                        self.header_spin.value() - 1)  # fmt: skip
        self._build_columns(headers, guess_mapping(self._kind(), headers))
        self._refresh()

    def _build_columns(self, headers: tuple[str, ...], mapping: dict[str, int]) -> None:
        while self.columns_grid.count():
            item = self.columns_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.column_combos = {}
        kind = self._kind()
        per_row = 3
        for i, f in enumerate(FIELDS[kind]):
            combo = QComboBox()
            combo.setObjectName(f"column_{f.key}")
            combo.addItem("(không có)", None)
            for col, header in enumerate(headers):
                combo.addItem(f"{column_letter(col)} – {header}", col)
            if f.key in mapping:
                combo.setCurrentIndex(combo.findData(mapping[f.key]))
            combo.currentIndexChanged.connect(lambda _i: self._refresh())
            label = QLabel(f"{f.label}{' *' if f.required else ''}:")
            label.setBuddy(combo)
            self.columns_grid.addWidget(label, i // per_row, 2 * (i % per_row))
            self.columns_grid.addWidget(combo, i // per_row, 2 * (i % per_row) + 1)
            self.column_combos[f.key] = combo

    # Checking ---------------------------------------------------------------------------------

    def plan(self) -> ImportPlan:
        mapping = {k: c.currentData() for k, c in self.column_combos.items()
                   if c.currentData() is not None}  # fmt: skip
        return ImportPlan(
            sheet=self.sheet_combo.currentData(),
            kind=self._kind(),
            header_row=self.header_spin.value() - 1,
            mapping=mapping,
            encoding=self.encoding_combo.currentData(),
            skip_existing=self.skip_existing.isChecked(),
        )

    def _refresh(self) -> None:
        if self._busy or self._source is None:
            return
        source, plan = self._source, self.plan()
        self._set_enabled(False)
        self._tasks.submit(lambda: self._imports.preview(source, plan), self._previewed,
                           self._preview_failed, progress="Đang kiểm tra từng dòng…",
                           parent=self)  # fmt: skip

    def _preview_failed(self, exc: UserError) -> None:
        self._preview = None
        self.model.set_preview(self._kind(), ())
        self.summary.setText(exc.message)
        self._set_enabled(True)
        self.import_button.setEnabled(False)

    def _previewed(self, preview: ImportPreview) -> None:
        self._preview = preview
        self.model.set_preview(preview.plan.kind, preview.rows)
        chars = self.fontMetrics().horizontalAdvance("x")
        self.table.setColumnWidth(0, 6 * chars)
        self.table.setColumnWidth(1, 10 * chars)
        self.table.setColumnWidth(2, 34 * chars)
        for col in range(3, self.model.columnCount()):
            self.table.setColumnWidth(col, 16 * chars)
        self._set_enabled(True)
        self._show_summary()

    def _show_summary(self) -> None:
        p = self._preview
        if p is None:
            return
        bad = len(p.invalid_rows)
        existing = len(p.existing_rows)
        parts = [f"{thousands(p.valid_count - existing)} dòng hợp lệ"]
        if bad:
            parts.append(f"{thousands(bad)} dòng lỗi")
        if existing:
            skip = "sẽ bỏ qua" if p.plan.skip_existing else "vẫn nhập thêm"
            parts.append(f"{thousands(existing)} dòng đã có trong danh sách ({skip})")
        text = ", ".join(parts) + "."
        if p.parse.legacy:
            text += (
                " Đã chuyển phông chữ cũ sang Unicode ở cột: "
                + ", ".join(f"«{col}» ({enc.upper()})" for col, enc in p.parse.legacy.items())
                + "."
            )
        if p.new_units:
            text += f" Sẽ tạo {len(p.new_units)} đơn vị mới: " + ", ".join(p.new_units) + "."
        if bad and not self.only_valid.isChecked():
            text += " Hãy sửa các dòng lỗi trong Excel, hoặc chọn «Chỉ nhập các dòng hợp lệ»."
        self.summary.setText(text)
        self.import_button.setEnabled(p.to_write > 0 and (not bad or self.only_valid.isChecked()))

    def _set_enabled(self, enabled: bool) -> None:
        for w in (self.sheet_combo, self.kind_combo, self.header_spin, self.encoding_combo,
                  self.columns_box, self.import_button):  # fmt: skip
            w.setEnabled(enabled)

    # Importing --------------------------------------------------------------------------------

    def _import(self) -> None:
        p = self._preview
        if p is None or not self.import_button.isEnabled():
            return
        only_valid = self.only_valid.isChecked()
        self._set_enabled(False)
        self._tasks.submit(lambda: self._imports.commit(p, only_valid), self._done,
                           self._import_failed, progress="Đang nhập dữ liệu…",
                           parent=self)  # fmt: skip

    def _import_failed(self, exc: UserError) -> None:
        self._set_enabled(True)
        show_error(self, exc.message)

    def _done(self, summary: ImportSummary) -> None:
        self.imported = summary
        show_info(self, summary.message(), "Đã nhập xong")
        self.accept()
