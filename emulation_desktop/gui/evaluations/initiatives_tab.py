"""Sáng kiến: the year's initiatives and scientific works, searchable by title or author."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import QWidget

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import InitiativeKind
from emulation_desktop.domain.initiatives import InitiativeAuthor, InitiativeItem
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.evaluations.initiative_dialog import InitiativeDialog
from emulation_desktop.gui.evaluations.record_tab import RecordTab
from emulation_desktop.gui.messages import confirm, show_info
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.detail_html import PENDING_COLOR, STYLE, facts_html, text_block


def initiative_html(i: InitiativeItem) -> str:
    facts = facts_html([
        ("Loại", i.kind.label),
        ("Năm công nhận", str(i.year)),
        ("Phạm vi ảnh hưởng", i.scope.label),
        ("Lĩnh vực", i.field),
        ("Áp dụng từ", day_text(i.applied_from)),
        ("Văn bản công nhận", i.document if i.recognised else ""),
        ("Ghi chú", i.note),
    ])  # fmt: skip
    status = ""
    if not i.recognised:
        status = (
            f"<p style='color:{PENDING_COLOR}'><b>Chưa có văn bản công nhận</b>: sáng kiến chưa "
            "được tính khi xét danh hiệu thi đua.</p>"
        )
    shares = any(a.share is not None for a in i.authors)

    def share(a: InitiativeAuthor) -> str:
        if not shares:
            return ""  # no author has a stated share: no column for it
        return f"<td align='center'>{a.share}%</td>" if a.share is not None else "<td></td>"

    authors = "".join(
        f"<tr><td>{n}</td><td>{escape(a.name)}</td><td>{escape(a.unit)}</td>{share(a)}</tr>"
        for n, a in enumerate(i.authors, 1)
    )
    share_header = "<th>Đóng góp</th>" if shares else ""
    return (
        f"{STYLE}<h2>{escape(i.title)}</h2>{status}{facts}"
        f"<h3>Tác giả ({len(i.authors)})</h3><table class='list' width='100%'>"
        f"<tr><th>TT</th><th>Họ và tên</th><th>Đơn vị</th>{share_header}</tr>"
        f"{authors}</table>{text_block('Tóm tắt nội dung, hiệu quả', i.summary)}"
    )


class InitiativesTab(RecordTab[InitiativeItem]):
    title = "Sáng kiến"
    headers = ("Tên sáng kiến, đề tài", "Tác giả", "Phạm vi", "Văn bản công nhận")
    caps = ((1, 11), (3, 19))
    optional = (2, 1)
    noun = "sáng kiến, đề tài"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            services, tasks, on_changed,
            "Tìm theo tên sáng kiến hoặc tên tác giả, không cần gõ dấu (Ctrl+F)", parent,
        )  # fmt: skip
        self.setObjectName("initiatives_tab")
        self.kind_filter = self.filter_combo(
            "kind_filter", [("Sáng kiến và đề tài", None), *((k.label, k) for k in InitiativeKind)]
        )
        self.add_button.setToolTip("Thêm sáng kiến, đề tài (Ctrl+N)")

    def fetch(self) -> list[InitiativeItem]:
        return self.services.initiatives.list(self.year)

    def keep(self, item: InitiativeItem, text: str) -> bool:
        kind = self._kind()
        return (kind is None or item.kind is kind) and item.matches(text)

    def _kind(self) -> InitiativeKind | None:
        data = self.kind_filter.currentData()  # a plain string: combo data lose the enum
        return InitiativeKind(data) if data else None

    def cells(self, i: InitiativeItem) -> list[str]:
        document = f"{i.doc_number} ngày {day_text(i.doc_date)}" if i.doc_date else ""
        return [i.title, i.authors_text, i.scope.label, document or "Chưa công nhận"]

    def colours(self, i: InitiativeItem) -> dict[int, tuple[str, bool]]:
        return {} if i.recognised else {3: (PENDING_COLOR, False)}

    def detail_html(self, item: InitiativeItem) -> str:
        return initiative_html(item)

    def empty_text(self) -> str:
        return (
            f"Chưa có sáng kiến, đề tài khoa học nào được ghi cho năm {self.year}.\n"
            "Ghi sáng kiến cùng tác giả và văn bản công nhận: sáng kiến được công nhận là căn cứ "
            "xét danh hiệu «Chiến sĩ thi đua cơ sở» của tác giả."
        )

    def add(self) -> None:
        dialog = InitiativeDialog(self.services, self.tasks, self.year, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self._after_save(dialog.saved_id, dialog.saved_year)

    def edit(self) -> None:
        item = self.current()
        if item is None:
            return
        dialog = InitiativeDialog(self.services, self.tasks, self.year, item, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self._after_save(dialog.saved_id, dialog.saved_year)

    def _after_save(self, saved_id: int, year: int | None) -> None:
        if year is not None and year != self.year:
            show_info(
                self,
                f"Đã lưu. Sáng kiến thuộc năm {year}: chọn năm {year} để xem trong danh sách.",
            )
        self.reload(saved_id)
        self.on_changed()

    def delete(self) -> None:
        item = self.current()
        if item is None or not confirm(self, f"Xóa sáng kiến, đề tài «{item.title}»?", "Xóa"):
            return
        service = self.services.initiatives
        self.submit(lambda: service.delete(item.id), lambda _r: None)

    def export(self) -> None:
        service, year, text = self.services.initiatives, self.year, self.search.text()
        kind = self._kind()
        self.export_to(
            f"Sáng kiến {year}.xlsx", lambda path: service.export(path, year, text, kind)
        )
