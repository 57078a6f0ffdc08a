"""Adding or editing an initiative: what it is, its recognition document and its authors.

Authors are found by typing part of a name (accents optional) and picked from the list; they keep
the order of the recognition document (Lên / Xuống) and may carry their % contribution.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import InitiativeKind, InitiativeScope, SubjectKind
from emulation_desktop.domain.initiatives import AuthorInput, InitiativeInput, InitiativeItem
from emulation_desktop.domain.subjects import SubjectRef
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.registry.form import dialog_buttons, em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import enum_combo, muted, text_box
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker

NO_SHARE = "—"


class AuthorsEditor(QWidget):
    """The authors in order: a picker to add one, a table with the % share, and the buttons."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = SubjectPicker(services.subjects, [SubjectKind.PERSON])
        self.picker.setObjectName("author_picker")
        self.picker.changed.connect(self._picked)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("authors")
        self.table.setHorizontalHeaderLabels(["Họ và tên", "Đơn vị", "Đóng góp"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(1, em(self, 9))
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.remove_button = QPushButton("Bỏ tác giả")
        self.remove_button.setObjectName("remove_author")
        self.up_button = QPushButton("Lên")
        self.down_button = QPushButton("Xuống")
        self.remove_button.clicked.connect(lambda _=False: self.remove_current())
        self.up_button.clicked.connect(lambda _=False: self._move(-1))
        self.down_button.clicked.connect(lambda _=False: self._move(1))
        buttons = QHBoxLayout()
        for b in (self.remove_button, self.up_button, self.down_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        hint = QLabel("Gõ họ tên vào ô trên rồi chọn trong danh sách gợi ý để thêm tác giả.")
        hint.setWordWrap(True)
        muted(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.picker.edit)
        self._ids: list[int] = []

    def add(self, ref: SubjectRef, share: int | None = None) -> None:
        if ref.id in self._ids:
            self.table.selectRow(self._ids.index(ref.id))
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._ids.append(ref.id)
        for column, text in ((0, ref.name), (1, ref.place)):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            self.table.setItem(row, column, cell)
        spin = QSpinBox()
        spin.setRange(0, 100)
        spin.setSuffix("%")
        spin.setSpecialValueText(NO_SHARE)  # 0: the document states no share
        spin.setToolTip("Tỷ lệ đóng góp theo văn bản công nhận; để «—» nếu không ghi.")
        spin.setValue(share or 0)
        self.table.setCellWidget(row, 2, spin)
        self.table.selectRow(row)

    def authors(self) -> tuple[AuthorInput, ...]:
        out = []
        for row, pid in enumerate(self._ids):
            spin = self.table.cellWidget(row, 2)
            assert isinstance(spin, QSpinBox)
            out.append(AuthorInput(pid, spin.value() or None))
        return tuple(out)

    def names(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._ids):
            self.table.removeRow(row)
            del self._ids[row]

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        other = row + step
        if not (0 <= row < len(self._ids) and 0 <= other < len(self._ids)):
            return
        values = [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text(), self._share(r))
            for r in (row, other)
        ]
        self._ids[row], self._ids[other] = self._ids[other], self._ids[row]
        for r, (name, place, share) in zip((other, row), values, strict=True):
            for column, text in ((0, name), (1, place)):
                self.table.item(r, column).setText(text)
                self.table.item(r, column).setToolTip(text)
            spin = self.table.cellWidget(r, 2)
            assert isinstance(spin, QSpinBox)
            spin.setValue(share)
        self.table.selectRow(other)

    def _share(self, row: int) -> int:
        spin = self.table.cellWidget(row, 2)
        assert isinstance(spin, QSpinBox)
        return spin.value()

    def _picked(self) -> None:
        ref = self.picker.subject()
        if ref is not None:
            self.add(ref)
            self.picker.set_subject(None)
            model = self.picker.completer.model()
            if isinstance(model, QStringListModel):
                model.setStringList([])  # the next name typed must not pop up this one's list


class InitiativeDialog(SavingDialog):
    """Add (`item` None) or edit an initiative; sets `saved_id` and `saved_year`."""

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        year: int,
        item: InitiativeItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("initiative_dialog")
        self.setWindowTitle("Sửa sáng kiến, đề tài" if item else "Thêm sáng kiến, đề tài")
        self._service = services.initiatives
        self._item = item
        self.saved_year: int | None = None

        self.kind = enum_combo("kind", InitiativeKind.choices())
        self.title_edit = text_box(3, name="title")  # titles run long: three lines show them
        self.title_edit.setMinimumWidth(em(self, 26))
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year")
        self.year_spin.setRange(1900, 2200)
        self.year_spin.setValue(year)
        self.scope = enum_combo("scope", InitiativeScope.choices())
        self.field_edit = QLineEdit()
        self.field_edit.setPlaceholderText("Ví dụ: Cải cách hành chính, Giáo dục, Nông nghiệp")
        self.applied_from = DateField()
        self.applied_from.setObjectName("applied_from")
        self.doc_number = QLineEdit()
        self.doc_number.setObjectName("doc_number")
        self.doc_number.setPlaceholderText("Ví dụ: 15/QĐ-UBND")
        self.doc_date = DateField()
        self.doc_date.setObjectName("doc_date")
        self.doc_issuer = QLineEdit()
        self.doc_issuer.setPlaceholderText("Ví dụ: UBND xã Cát Thành, Hội đồng sáng kiến")
        self.note = QLineEdit()
        self.authors = AuthorsEditor(services)
        self.summary = text_box(4, name="summary", grow=True)

        e = self.errors
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow("&Loại:", self.kind)
        left.addRow("&Tên:", e.wrap("title", self.title_edit))
        left.addRow("&Năm công nhận:", e.wrap("year", self.year_spin))
        left.addRow("&Phạm vi ảnh hưởng:", self.scope)
        left.addRow("Lĩnh &vực:", e.wrap("field", self.field_edit))
        left.addRow("Áp dụng &từ ngày:", e.wrap("applied_from", self.applied_from))
        document = QGroupBox("Văn bản công nhận")
        doc_form = QFormLayout(document)
        doc_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        doc_form.addRow("&Số:", e.wrap("doc_number", self.doc_number))
        doc_form.addRow("N&gày:", e.wrap("doc_date", self.doc_date))
        doc_form.addRow("&Cơ quan:", e.wrap("doc_issuer", self.doc_issuer))
        left.addRow(document)
        left.addRow("Ghi c&hú:", e.wrap("note", self.note))
        authors = QGroupBox("Tác giả (theo thứ tự trong văn bản)")
        authors_box = QVBoxLayout(authors)
        authors_box.addWidget(e.wrap("authors", self.authors, focus=self.authors.picker.edit))
        right = QVBoxLayout()
        right.addWidget(authors, 3)
        summary_label = QLabel("Tóm tắt nội dung, hiệu &quả:")
        summary_label.setBuddy(self.summary)
        right.addWidget(summary_label)
        right.addWidget(e.wrap("summary", self.summary), 2)
        columns = QHBoxLayout()
        left_box = QVBoxLayout()
        left_box.addLayout(left)
        left_box.addStretch(1)  # spare height goes below the fields, not between them
        columns.addLayout(left_box, 1)
        columns.addLayout(right, 1)
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(e.general)
        layout.addWidget(buttons)
        self.resize(em(self, 80), self.sizeHint().height())

        if item is not None:
            self._load(item, services)
        self.title_edit.setFocus()

    def _load(self, i: InitiativeItem, services: AppServices) -> None:
        self.kind.setCurrentIndex(self.kind.findData(i.kind.value))
        self.title_edit.setPlainText(i.title)
        self.year_spin.setValue(i.year)
        self.scope.setCurrentIndex(self.scope.findData(i.scope.value))
        self.field_edit.setText(i.field)
        self.applied_from.set_date(i.applied_from)
        self.doc_number.setText(i.doc_number)
        self.doc_date.set_date(i.doc_date)
        self.doc_issuer.setText(i.doc_issuer)
        self.doc_issuer.setCursorPosition(0)
        self.note.setText(i.note)
        self.summary.setPlainText(i.summary)
        for a in i.authors:
            self.authors.add(SubjectRef(SubjectKind.PERSON, a.person_id, a.name, a.unit), a.share)

    def form_input(self) -> InitiativeInput:
        return InitiativeInput(
            kind=InitiativeKind(self.kind.currentData()),
            title=self.title_edit.toPlainText(),
            year=self.year_spin.value(),
            scope=InitiativeScope(self.scope.currentData()),
            authors=self.authors.authors(),
            field=self.field_edit.text(),
            summary=self.summary.toPlainText(),
            applied_from=self.applied_from.date(),
            doc_number=self.doc_number.text(),
            doc_date=self.doc_date.date(),
            doc_issuer=self.doc_issuer.text(),
            note=self.note.text(),
        )

    def _save(self) -> None:
        typed = {k: f.error() for k, f in (("applied_from", self.applied_from),
                                             ("doc_date", self.doc_date))}  # fmt: skip
        if any(typed.values()):
            self.errors.show({k: v for k, v in typed.items() if v})
            return
        if self.authors.picker.edit.text().strip() and not self.authors.names():
            self.errors.show(
                {"authors": "Chưa chọn tác giả: hãy bấm chọn một người trong danh sách gợi ý."}
            )
            return
        data, service, item = self.form_input(), self._service, self._item
        self.saved_year = data.year
        self.save_item(service.create, service.update, item.id if item else None, data)
