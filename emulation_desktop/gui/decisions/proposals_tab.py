"""Tờ trình cấp trên: the year's proposals upward with their lists; a new one from a round, the
package for the province to a USB drive, the day it was sent, and the higher level's answer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import DocumentKind, ProposalStatus
from emulation_desktop.domain.proposals import ProposalDetail, ProposalItem
from emulation_desktop.domain.text import fold, nfc
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.decisions.decision_html import proposal_html
from emulation_desktop.gui.decisions.fields import list_above_detail
from emulation_desktop.gui.decisions.proposal_dialogs import (
    AnswerDialog,
    ExportDialog,
    ProposalDialog,
    SentDialog,
)
from emulation_desktop.gui.documents.button import DocumentButton, chosen_id
from emulation_desktop.gui.documents.maker import DocumentMaker
from emulation_desktop.gui.evaluations.record_tab import RecordTab
from emulation_desktop.gui.messages import show_info
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button
from emulation_desktop.gui.widgets.detail_html import PENDING_COLOR

NO_ROUND = (
    "Chưa có đợt xét nào Hội đồng đã xét xong còn đề nghị chờ xử lý. Tờ trình được lập cho các "
    "đề nghị đã được Hội đồng thông qua nhưng vượt thẩm quyền của Chủ tịch UBND xã."
)


class ProposalsTab(RecordTab[ProposalItem]):
    title = "Tờ trình cấp trên"
    headers = ("Số", "Ngày", "Đợt xét", "Đề nghị", "Tình trạng")
    stretch = 2
    caps = ((4, 14),)
    optional = (3, 1, 4)
    noun = "tờ trình"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, tasks, on_changed,
                         "Tìm theo số, đợt xét hoặc nơi nhận, không cần gõ dấu (Ctrl+F)",
                         parent)  # fmt: skip
        self.setObjectName("proposals_tab")
        self.add_button.setText("Lập tờ trình…")
        self.add_button.setToolTip("Lập tờ trình cho các đề nghị vượt thẩm quyền (Ctrl+N)")
        self.edit_button.setText("Xuất hồ sơ…")
        self.edit_button.setToolTip("Ghi hồ sơ gửi cấp trên ra USB hoặc thư mục")
        self.delete_button.hide()
        self.export_button.hide()
        self.sent_button = button("Đã gửi…", self.mark_sent, "sent_button")
        self.answer_button = button("Ghi kết quả…", self.record_answer, "answer_button",
                                    "Ghi quyết định khen thưởng của cấp trên")  # fmt: skip
        self.buttons.insertWidget(2, self.sent_button)
        self.buttons.insertWidget(3, self.answer_button)
        self.documents = DocumentButton(DocumentMaker(self, services, tasks), "Văn bản…")
        self.documents.add("Tạo Tờ trình…", DocumentKind.SUBMISSION, chosen_id(self.current),
                           "submission_document")  # fmt: skip
        self.buttons.insertWidget(4, self.documents)
        self.empty_button.setText("Lập tờ trình…")
        self._details: dict[int, ProposalDetail] = {}
        list_above_detail(self.stack)

    def fetch(self) -> list[ProposalItem]:
        service = self.services.decisions
        items = service.proposal_list(self.year)
        self._details = {i.id: service.proposal_detail(i.id) for i in items}
        return items

    def keep(self, item: ProposalItem, text: str) -> bool:
        needle = fold(nfc(text)).strip()
        return not needle or needle in fold(f"{item.number} {item.round_name} {item.recipient}")

    def cells(self, p: ProposalItem) -> list[str]:
        return [p.number, day_text(p.issued_on), p.round_name, str(p.lines), p.status_text]

    def colours(self, p: ProposalItem) -> dict[int, tuple[str, bool]]:
        return {4: (PENDING_COLOR, False)} if p.status is not ProposalStatus.ANSWERED else {}

    def detail_html(self, item: ProposalItem) -> str:
        detail = self._details.get(item.id)
        return proposal_html(detail) if detail else ""

    def empty_text(self) -> str:
        return (
            f"Chưa có tờ trình đề nghị cấp trên khen thưởng nào trong năm {self.year}.\nKhi Hội "
            "đồng thông qua đề nghị vượt thẩm quyền của Chủ tịch UBND xã (Bằng khen, Chiến sĩ thi "
            "đua cấp tỉnh…), bấm «Lập tờ trình…» rồi xuất hồ sơ ra USB để gửi."
        )

    def show_current(self) -> None:
        super().show_current()
        self.export_button.hide()  # the package is this tab's export (Xuất hồ sơ…)
        item = self.current()
        open_ = item is not None and item.status is not ProposalStatus.ANSWERED
        self.sent_button.setEnabled(open_ and item.status is ProposalStatus.DRAFT)  # type: ignore[union-attr]
        self.answer_button.setEnabled(open_)
        self.documents.refresh()

    # Actions ----------------------------------------------------------------------------------

    def add(self) -> None:
        rounds = self.services.decisions.ready_rounds()
        if not rounds:
            show_info(self, NO_ROUND)
            return
        dialog = ProposalDialog(self.services, self.tasks, rounds, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)

    def edit(self) -> None:
        item = self.current()
        if item is None:
            return
        dialog = ExportDialog(self.services, self.tasks, item.id, parent=self)
        if dialog.exec() and dialog.written is not None:
            show_info(self, f"Đã xuất hồ sơ Tờ trình số {item.number} vào «{dialog.written}».")
            self._written(item.id)

    def mark_sent(self) -> None:
        item = self.current()
        if item is None:
            return
        dialog = SentDialog(self.services, self.tasks, item.id, item.number, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self._written(item.id)

    def record_answer(self) -> None:
        item = self.current()
        detail = self._details.get(item.id) if item is not None else None
        if item is None or detail is None:
            return
        dialog = AnswerDialog(self.services, self.tasks, detail, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self._written(item.id)

    def _written(self, proposal_id: int) -> None:
        self.reload(proposal_id)
        self.on_changed()

    def delete(self) -> None:
        """A tờ trình with its register number stays; nothing to delete."""

    def export(self) -> None:
        """The package is the export (Xuất hồ sơ…)."""
