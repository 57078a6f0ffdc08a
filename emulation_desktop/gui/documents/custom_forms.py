"""Mẫu riêng: per document kind, the built-in layout or the commune's own Word form; a form is
chosen (checked before it is kept: an unusable one is refused with the reason) or removed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.custom_templates import CustomTemplateItem

from emulation_desktop.gui.messages import confirm, show_error, show_info
from emulation_desktop.gui.rules.tables import ReadOnlyTable
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, muted

BUILT_IN = "Dùng mẫu có sẵn"
HINT = (
    "Khi tỉnh ban hành mẫu khác, chọn một tệp Word (.docx) làm mẫu riêng cho loại văn bản ấy: "
    "chương trình điền số liệu vào tệp của xã thay cho bố cục có sẵn. Trong tệp, các trường "
    "viết dạng {{ so }}, {{ ngay_thang }}, {{ trich_yeu }}, {{ nguoi_ky }}, {{ chuc_vu_ky }}, "
    "{{ noi_nhan }} và {{ doc.… }} (xem hướng dẫn «Văn bản và mẫu riêng của xã»)."
)
AskOpen = Callable[[QWidget, DocumentKind], Path | None]


def ask_template(parent: QWidget, kind: DocumentKind) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, f"Chọn mẫu riêng – {kind.label}", "", "Văn bản Word (*.docx)"
    )
    return Path(path) if path else None


class CustomForms(QWidget):
    def __init__(self, services: AppServices, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("custom_forms")
        self._custom = services.documents.custom
        self._tasks = tasks
        self.ask_open: AskOpen | None = None  # tests replace it: the native dialog blocks
        self.kinds = list(DocumentKind)
        self.forms: dict[DocumentKind, CustomTemplateItem] = {}

        hint = muted(QLabel(HINT))
        hint.setObjectName("custom_hint")
        self.table = ReadOnlyTable(("Văn bản", "Mẫu đang dùng"), "templates_table")
        self.table.setWordWrap(False)
        self.table.currentCellChanged.connect(lambda *_: self.show_current())
        self.table.cellDoubleClicked.connect(lambda *_: self.choose())
        self.choose_button = button("Chọn mẫu riêng…", self.choose, "choose_template",
                                    "Chọn tệp Word (.docx) làm mẫu cho văn bản đang chọn")
        self.remove_button = button("Bỏ mẫu riêng", self.remove, "remove_template",
                                    "Văn bản đang chọn dùng lại bố cục có sẵn")  # fmt: skip
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.show_current()

    def load(self) -> None:
        self._tasks.submit(self._custom.list, self._fill, parent=self)

    def _fill(self, items: list[CustomTemplateItem]) -> None:
        self.forms = {i.kind: i for i in items}
        row = max(0, self.table.currentRow())
        rows = [[k.label, self.forms[k].file_name if k in self.forms else BUILT_IN]
                for k in self.kinds]  # fmt: skip
        self.table.fill(rows, rows)
        for r, kind in enumerate(self.kinds):
            cell = self.table.item(r, 1)
            if kind in self.forms:
                font = QFont(cell.font())
                font.setBold(True)
                cell.setFont(font)
            else:
                cell.setForeground(QBrush(self.palette().placeholderText().color()))
        self.table.resizeColumnToContents(0)
        self.table.setCurrentCell(row, 0)
        self.show_current()

    def current(self) -> DocumentKind | None:
        row = self.table.currentRow()
        return self.kinds[row] if 0 <= row < len(self.kinds) else None

    def show_current(self) -> None:
        kind = self.current()
        self.choose_button.setEnabled(kind is not None)
        self.remove_button.setEnabled(kind is not None and kind in self.forms)

    def choose(self) -> None:
        kind = self.current()
        if kind is None:
            return
        path = (self.ask_open or ask_template)(self, kind)
        if path is None:
            return
        custom = self._custom

        def done(_r: object) -> None:
            self.load()
            show_info(self, f"Từ nay «{kind.label}» được tạo theo mẫu riêng «{path.name}».")

        def failed(exc: UserError) -> None:
            show_error(self, exc.message, "Không dùng được mẫu này")

        self._tasks.submit(lambda: custom.add(kind, path), done, failed, parent=self)

    def remove(self) -> None:
        kind = self.current()
        if kind is None or kind not in self.forms:
            return
        name = self.forms[kind].file_name
        if not confirm(self, f"Bỏ mẫu riêng «{name}» của «{kind.label}»? Văn bản này sẽ dùng lại "
                             "bố cục có sẵn của chương trình.", "Bỏ mẫu riêng"):  # fmt: skip
            return
        custom = self._custom
        self._tasks.submit(lambda: custom.remove(kind), lambda _r: self.load(),
                           lambda exc: show_error(self, exc.message), parent=self)  # fmt: skip
