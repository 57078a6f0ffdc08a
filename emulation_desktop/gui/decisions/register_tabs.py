"""Sổ khen thưởng (every award of the year with its số sổ, decision and money, replaced ones
marked; higher levels' awards recorded) and Sổ văn bản (the numbers of the commune's documents
by series; numbers the văn thư gave outside the program typed in)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import DocType
from emulation_desktop.domain.text import thousands
from emulation_desktop.services.award_register import RegisterLine
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.doc_register import ExternalEntryInput, RegisterEntry

from emulation_desktop.gui.decisions.decision_html import entry_html, register_line_html
from emulation_desktop.gui.decisions.higher_award_dialog import HigherAwardDialog
from emulation_desktop.gui.evaluations.record_tab import RecordTab
from emulation_desktop.gui.messages import confirm, show_info
from emulation_desktop.gui.registry.form import ERROR_COLOR, dialog_buttons, em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import enum_combo
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog

MUTED = "#707070"


class AwardRegisterTab(RecordTab[RegisterLine]):
    title = "Sổ khen thưởng"
    headers = ("Số sổ", "Đối tượng", "Danh hiệu, hình thức", "Quyết định", "Tiền thưởng", "Đã in")
    stretch = 1
    caps = ((2, 16), (3, 13))
    optional = (4, 5, 3, 2)
    noun = "khen thưởng"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, tasks, on_changed,
                         "Tìm theo tên, danh hiệu, số sổ hoặc số quyết định (Ctrl+F)",
                         parent)  # fmt: skip
        self.setObjectName("award_register_tab")
        self.add_button.setText("Ghi nhận khen thưởng cấp trên…")
        self.add_button.setToolTip(
            "Ghi khen thưởng do cấp trên quyết định (Bằng khen, Huân chương…) vào lịch sử khen "
            "thưởng của đối tượng (Ctrl+N)"
        )
        self.edit_button.hide()
        self.delete_button.hide()
        self.empty_button.setText("Ghi nhận khen thưởng cấp trên…")

    def fetch(self) -> list[RegisterLine]:
        return self.services.decisions.award_register(self.year)

    def keep(self, item: RegisterLine, text: str) -> bool:
        return item.matches(text)

    def cells(self, r: RegisterLine) -> list[str]:
        money = "" if r.amount is None else thousands(r.amount)
        # The sheets printed for the award (spoiled ones not counted): the giấy khen exists.
        printed = f"{r.printed} tờ" if r.printed else ""
        return [r.register_number, r.subject.name, r.award_name, r.decision_number, money, printed]

    def colours(self, r: RegisterLine) -> dict[int, tuple[str, bool]]:
        if r.revoked_by:
            return dict.fromkeys(range(6), (ERROR_COLOR, False))
        if r.seq is None:
            return {3: (MUTED, False)}
        return {}

    def detail_html(self, item: RegisterLine) -> str:
        return register_line_html(item)

    def empty_text(self) -> str:
        return (
            f"Sổ khen thưởng năm {self.year} chưa có dòng nào.\nMỗi khen thưởng do xã quyết định "
            "được ghi số sổ khi ra quyết định; khen thưởng của cấp trên (Bằng khen, Huân chương…) "
            "được ghi nhận từ quyết định của cấp trên để lịch sử khen thưởng đầy đủ."
        )

    def add(self) -> None:
        dialog = HigherAwardDialog(self.services, self.tasks, self.year, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            year = dialog.saved_year
            if year is not None and year != self.year:
                show_info(self, f"Đã ghi nhận. Quyết định năm {year}: chọn năm {year} để xem.")
            self.reload()
            self.on_changed()

    def edit(self) -> None:
        """Awards are changed only by decisions (a correcting decision)."""

    def delete(self) -> None:
        """Awards are never deleted from the register."""

    def export(self) -> None:
        service, year, text = self.services.decisions, self.year, self.search.text()
        self.export_to(f"Sổ khen thưởng {year}.xlsx",
                       lambda path: service.export_award_register(path, year, text))  # fmt: skip


class ExternalNumberDialog(SavingDialog):
    """A number the văn thư gave outside the program, so the next one follows the book."""

    def __init__(self, services: AppServices, tasks: TaskRunner, year: int,
                 series: DocType, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(tasks, parent)
        self.setObjectName("external_number_dialog")
        self.setWindowTitle("Thêm số từ sổ của văn thư")
        self._service = services.doc_register
        self.series = enum_combo("series", DocType.choices())
        self.series.setCurrentIndex(self.series.findData(series.value))
        self.number = QSpinBox()
        self.number.setObjectName("number")
        self.number.setRange(1, 99999)
        self.number.setValue(self._service.next_number(year, series))
        self.issued_on = DateField(required=True)
        self.issued_on.setObjectName("issued_on")
        self.summary = QLineEdit()
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText("Trích yếu nội dung, ví dụ: Về việc kiện toàn Hội đồng…")
        self.symbol = QLineEdit()
        self.symbol.setObjectName("symbol")
        self.symbol.setPlaceholderText("Để trống: ký hiệu thường dùng (QĐ-UBND, TTr-UBND…)")
        e = self.errors
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Loại văn bản:", self.series)
        form.addRow("&Số:", e.wrap("number", self.number))
        form.addRow("Ký &hiệu:", self.symbol)
        form.addRow("&Ngày ban hành:", e.wrap("issued_on", self.issued_on))
        form.addRow("&Trích yếu:", e.wrap("summary", self.summary))
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(e.general)
        layout.addWidget(buttons)
        self.resize(em(self, 48), self.sizeHint().height())

    def _save(self) -> None:
        if message := self.issued_on.error():
            self.errors.show({"issued_on": message})
            return
        data = ExternalEntryInput(DocType(self.series.currentData()), self.number.value(),
                                  self.issued_on.date(), self.summary.text(),
                                  self.symbol.text().strip())  # fmt: skip
        self.run(lambda: self._service.add_external(data),
                 lambda eid: setattr(self, "saved_id", eid))  # fmt: skip


class DocRegisterTab(RecordTab[RegisterEntry]):
    title = "Sổ văn bản"
    headers = ("Số, ký hiệu", "Ngày", "Trích yếu", "Ghi chú")
    stretch = 2
    caps = ((3, 14),)
    optional = (3, 1)
    noun = "văn bản"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        hint = "Tìm theo số hoặc trích yếu, không cần gõ dấu (Ctrl+F)"
        super().__init__(services, tasks, on_changed, hint, parent)
        self.setObjectName("doc_register_tab")
        self.series_filter = self.filter_combo(
            "series_filter", [("Mọi loại văn bản", None), *((t.label, t) for t in DocType)]
        )
        self.add_button.setText("Thêm số từ sổ văn thư…")
        self.add_button.setToolTip(
            "Ghi số văn bản văn thư đã cấp ngoài chương trình, để số tiếp theo khớp sổ (Ctrl+N)"
        )
        self.edit_button.hide()
        self.delete_button.setToolTip("Chỉ xóa được số cuối cùng đã ghi từ sổ văn thư")
        self.empty_button.setText("Thêm số từ sổ văn thư…")

    def fetch(self) -> list[RegisterEntry]:
        return self.services.doc_register.list(self.year)

    def keep(self, item: RegisterEntry, text: str) -> bool:
        series = self.series_filter.currentData()
        return (not series or item.series is DocType(series)) and item.matches(text)

    def cells(self, e: RegisterEntry) -> list[str]:
        return [e.number_text, day_text(e.issued_on), e.summary, e.used_by]

    def colours(self, e: RegisterEntry) -> dict[int, tuple[str, bool]]:
        return {3: (MUTED, False)} if e.external else {}

    def detail_html(self, item: RegisterEntry) -> str:
        return entry_html(item)

    def empty_text(self) -> str:
        return (
            f"Sổ văn bản năm {self.year} chưa có số nào.\nSố quyết định và tờ trình được chương "
            "trình lấy tự động khi ban hành. Nếu văn thư đã cấp số ngoài chương trình, bấm «Thêm "
            "số từ sổ văn thư…» để số tiếp theo khớp với sổ của cơ quan."
        )

    def show_current(self) -> None:
        super().show_current()
        item = self.current()
        self.delete_button.setEnabled(item is not None and item.external)

    def add(self) -> None:
        series = DocType(self.series_filter.currentData() or DocType.DECISION.value)
        dialog = ExternalNumberDialog(self.services, self.tasks, self.year, series, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.reload(dialog.saved_id)
            self.on_changed()

    def edit(self) -> None:
        """A number is never edited; a mistaken typed-in number is deleted and typed again."""

    def delete(self) -> None:
        e = self.current()
        if e is None or not e.external:
            return
        if confirm(self, f"Xóa số {e.number_text} «{e.summary}» khỏi sổ văn bản?", "Xóa"):
            service = self.services.doc_register
            self.submit(lambda: service.delete_external(e.id), lambda _r: None)

    def export(self) -> None:
        service, year, text = self.services.doc_register, self.year, self.search.text()
        series = self.series_filter.currentData()
        kind = DocType(series) if series else None
        self.export_to(f"Sổ văn bản {year}.xlsx",
                       lambda path: service.export(path, year, kind, text))  # fmt: skip
