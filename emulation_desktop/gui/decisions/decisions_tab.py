"""Quyết định: the year's decisions (the commune's own, corrections, higher levels' recorded)
with the awardees and totals; a new decision from a voted round, a correcting decision, and
the round marked as handed over after the ceremony. Issued decisions are read-only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.decisions import DecisionDetail, DecisionItem
from emulation_desktop.domain.enums import DecisionKind, DocumentKind
from emulation_desktop.domain.text import fold, nfc, thousands
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.decisions.correction_dialog import CorrectionDialog
from emulation_desktop.gui.decisions.decision_html import decision_html
from emulation_desktop.gui.decisions.fields import list_above_detail
from emulation_desktop.gui.decisions.issue_dialog import IssueDialog
from emulation_desktop.gui.documents.button import DocumentButton
from emulation_desktop.gui.documents.maker import DocumentMaker
from emulation_desktop.gui.evaluations.record_tab import RecordTab
from emulation_desktop.gui.messages import confirm, show_error, show_info
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button
from emulation_desktop.gui.widgets.detail_html import PENDING_COLOR

MUTED = "#707070"
NO_ROUND = (
    "Chưa có đợt xét nào Hội đồng đã xét xong đang chờ quyết định. Hãy nhập kết quả bỏ phiếu và "
    "kết thúc cuộc họp ở mục Hội đồng trước."
)


class DecisionsTab(RecordTab[DecisionItem]):
    title = "Quyết định"
    headers = ("Số", "Ngày", "Trích yếu", "Số dòng", "Tiền thưởng")
    stretch = 2
    caps = ((0, 11),)
    optional = (3, 4, 1)
    noun = "quyết định"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, tasks, on_changed,
                         "Tìm theo số, trích yếu hoặc đợt xét, không cần gõ dấu (Ctrl+F)",
                         parent)  # fmt: skip
        self.setObjectName("decisions_tab")
        self.kind_filter = self.filter_combo(
            "kind_filter", [("Mọi quyết định", None), *((k.label, k) for k in DecisionKind)]
        )
        self.add_button.setText("Ra quyết định…")
        self.add_button.setToolTip("Lập quyết định khen thưởng từ một đợt Hội đồng đã xét (Ctrl+N)")
        self.edit_button.setText("Đính chính…")
        self.edit_button.setToolTip(
            "Quyết định đã ban hành không sửa được: sai sót được sửa bằng quyết định đính chính."
        )
        self.delete_button.hide()
        self.awarded_button = button("Đã trao", self.mark_awarded, "awarded_button",
                                     "Đánh dấu đợt xét của quyết định này đã trao khen thưởng "
                                     "(sau buổi lễ)")  # fmt: skip
        self.buttons.insertWidget(2, self.awarded_button)
        self.documents = DocumentButton(DocumentMaker(self, services, tasks), "Văn bản…")
        self.documents.add("Tạo văn bản Quyết định…", DocumentKind.DECISION, self._own_id,
                           "decision_document")  # fmt: skip
        self.buttons.insertWidget(3, self.documents)
        self.export_button.setToolTip("Xuất danh sách khen thưởng của quyết định đang chọn")
        self.empty_button.setText("Ra quyết định…")
        self._details: dict[int, DecisionDetail] = {}
        list_above_detail(self.stack)

    # Hooks ------------------------------------------------------------------------------------

    def fetch(self) -> list[DecisionItem]:
        """The year's decisions with their details, read off the GUI thread."""
        service = self.services.decisions
        items = service.list(self.year)
        self._details = {i.id: service.detail(i.id) for i in items}
        return items

    def keep(self, item: DecisionItem, text: str) -> bool:
        kind = self.kind_filter.currentData()
        if kind and item.kind is not DecisionKind(kind):
            return False
        needle = fold(nfc(text)).strip()
        return not needle or needle in fold(f"{item.number} {item.summary} {item.round_name}")

    def cells(self, d: DecisionItem) -> list[str]:
        money = thousands(d.total) if d.kind is not DecisionKind.HIGHER else ""
        return [d.number, day_text(d.issued_on), d.summary or d.issuer, str(d.lines), money]

    def colours(self, d: DecisionItem) -> dict[int, tuple[str, bool]]:
        if d.kind is DecisionKind.HIGHER:
            return {0: (MUTED, False), 2: (MUTED, False)}
        if d.corrected_by:
            return {0: (PENDING_COLOR, True)}
        return {}

    def detail_html(self, item: DecisionItem) -> str:
        detail = self._details.get(item.id)
        return decision_html(detail) if detail else ""

    def empty_text(self) -> str:
        return (
            f"Chưa có quyết định khen thưởng nào trong năm {self.year}.\nKhi Hội đồng Thi đua – "
            "Khen thưởng đã xét xong một đợt, bấm «Ra quyết định…»: chương trình chia danh sách "
            "theo thẩm quyền, tính tiền thưởng và lấy số quyết định trong sổ văn bản."
        )

    def show_current(self) -> None:
        super().show_current()
        item = self.current()
        own = item is not None and item.kind is not DecisionKind.HIGHER
        self.edit_button.setEnabled(own)
        self.awarded_button.setEnabled(own)
        self.export_button.setEnabled(item is not None)
        self.documents.refresh()

    def _own_id(self) -> int | None:
        """The decision the commune issued (a higher level's is only recorded here)."""
        item = self.current()
        return item.id if item is not None and item.kind is not DecisionKind.HIGHER else None

    # Actions ----------------------------------------------------------------------------------

    def add(self) -> None:
        service = self.services.decisions
        rounds = service.ready_rounds()
        if not rounds:
            show_info(self, NO_ROUND)
            return
        dialog = IssueDialog(self.services, self.tasks, rounds, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id, dialog.saved_year)

    def edit(self) -> None:
        item = self.current()
        if item is None or item.kind is DecisionKind.HIGHER:
            return
        dialog = CorrectionDialog(self.services, self.tasks, item, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id, dialog.saved_year)

    def _written(self, decision_id: int, year: int | None) -> None:
        if year is not None and year != self.year:
            show_info(self, f"Đã ban hành. Quyết định mang ngày năm {year}: chọn năm {year} để "
                            "xem.")  # fmt: skip
        self.reload(decision_id)
        self.on_changed()

    def mark_awarded(self) -> None:
        item = self.current()
        if item is None:
            return
        detail = self._details.get(item.id)
        if detail is None or detail.round_id is None:
            show_info(self, "Quyết định này không thuộc đợt xét nào.")
            return
        if not confirm(self, f"Đánh dấu «{item.round_name}» đã trao khen thưởng (sau buổi lễ)? "
                             "Đợt xét sẽ không sửa được nữa.", "Đã trao"):  # fmt: skip
            return
        service, round_id = self.services.decisions, detail.round_id

        def done(_r: object) -> None:
            show_info(self, f"Đã ghi «{item.round_name}»: đã trao khen thưởng.")
            self.on_changed()

        self.tasks.submit(lambda: service.mark_awarded(round_id), done,
                          lambda exc: show_error(self, exc.message), parent=self)  # fmt: skip

    def delete(self) -> None:
        """Issued decisions are never deleted."""

    def export(self) -> None:
        item = self.current()
        if item is None:
            return
        service, decision_id = self.services.decisions, item.id
        self.export_to(f"Danh sách khen thưởng {item.number.replace('/', '-')}.xlsx",
                       lambda path: service.export_decision(path, decision_id))  # fmt: skip
