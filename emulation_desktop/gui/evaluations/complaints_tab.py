"""Khiếu nại – Kiểm tra: the register of complaints, petitions, denunciations, inspections and
supervision on TĐKT, with what is open, overdue or closed, and whose nominations are paused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import QLabel, QWidget

from emulation_desktop.domain.complaints import (
    PAUSE_BASIS,
    ComplaintItem,
    ComplaintStatus,
    sender_label,
)
from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import ComplaintKind
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.evaluations.complaint_dialog import ComplaintDialog
from emulation_desktop.gui.evaluations.record_tab import RecordTab
from emulation_desktop.gui.messages import confirm, show_info
from emulation_desktop.gui.registry.form import ERROR_COLOR
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.detail_html import (
    PENDING_COLOR,
    STYLE,
    Html,
    facts_html,
    text_block,
)

_BANNER_STYLE = (
    "QLabel { background-color: #fff4e0; color: #5a3b00; border: 1px solid #e0b060;"
    " border-radius: 3px; padding: 6px; }"
)


def complaint_html(c: ComplaintItem, today: dt.date) -> str:
    status = escape(c.status_text(today))
    if c.overdue_days(today):
        status = f"<b style='color:{ERROR_COLOR}'>{status}</b>"
    facts = facts_html([
        ("Loại", c.kind.label),
        ("Ngày nhận", day_text(c.received_on)),
        (sender_label(c.kind), c.sender),
        ("Đối tượng liên quan", c.subject.label if c.subject else ""),
        ("Hạn giải quyết", day_text(c.deadline)),
        ("Tình trạng", Html(status)),
        ("Văn bản", c.document),
    ])  # fmt: skip
    pause = ""
    if c.pauses and c.subject is not None:
        pause = (
            f"<p style='color:{PENDING_COLOR}'><b>Đang tạm dừng xét khen thưởng</b> của "
            f"«{escape(c.subject.name)}» cho đến khi vụ việc kết thúc ({escape(PAUSE_BASIS)}).</p>"
        )
    elif c.subject is not None:
        pause = (
            "<p class='muted'>Vụ việc đã kết thúc: đối tượng được xét khen thưởng bình thường.</p>"
        )
    return (
        f"{STYLE}<h2>{escape(c.kind.label)} ngày {day_text(c.received_on)}</h2>{pause}{facts}"
        f"{text_block('Nội dung', c.content)}{text_block('Cách xử lý', c.handling)}"
        f"{text_block('Kết quả giải quyết', c.result)}"
    )


class ComplaintsTab(RecordTab[ComplaintItem]):
    title = "Khiếu nại – Kiểm tra"
    headers = ("Ngày nhận", "Loại", "Người gửi", "Đối tượng", "Hạn", "Tình trạng")
    stretch = 2  # the sender: the subject is short, the status must stay in view
    caps = ((3, 12), (5, 14))
    optional = (4, 1, 3)
    noun = "vụ việc"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            services, tasks, on_changed,
            "Tìm theo người gửi, nội dung hoặc đối tượng, không cần gõ dấu (Ctrl+F)", parent,
        )  # fmt: skip
        self.setObjectName("complaints_tab")
        self.status_filter = self.filter_combo(
            "status_filter", [(s.label, s) for s in ComplaintStatus]
        )
        self.kind_filter = self.filter_combo(
            "kind_filter", [("Mọi loại", None), *((k.label, k) for k in ComplaintKind)]
        )
        self.add_button.setToolTip("Ghi đơn thư hoặc cuộc kiểm tra, giám sát mới (Ctrl+N)")
        self.banner = QLabel()
        self.banner.setObjectName("pause_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.layout_.insertWidget(2, self.banner)
        self.today = services.complaints.today()
        self.paused: list[str] = []

    def fetch(self) -> list[ComplaintItem]:
        service = self.services.complaints
        self.today = service.today()
        self.paused = [r.name for r in service.paused_subjects().values()]
        return service.list(self.year)

    def refill(self, select_id: int | None = None) -> None:
        super().refill(select_id)
        earlier = sum(1 for c in self.shown if c.received_on.year < self.year)
        if earlier:
            self.count_label.setText(
                f"{len(self.shown)} vụ việc ({earlier} từ năm trước chưa kết thúc)"
            )
        text = (
            "Vụ việc chưa kết thúc tạm dừng xét khen thưởng của đối tượng được nêu "
            f"({PAUSE_BASIS}); ghi ngày kết thúc và kết quả để xét tiếp."
        )
        if self.paused:
            names = ", ".join(sorted(self.paused)[:5]) + ("…" if len(self.paused) > 5 else "")
            text += f" Đang tạm dừng {len(self.paused)} đối tượng: {names}."
        else:
            text += " Hiện không có đối tượng nào bị tạm dừng."
        self.banner.setText(text)

    def keep(self, item: ComplaintItem, text: str) -> bool:
        kind, status = self._filters()
        return (
            (kind is None or item.kind is kind)
            and item.in_status(status, self.today)
            and item.matches(text)
        )

    def _filters(self) -> tuple[ComplaintKind | None, ComplaintStatus]:
        """Combo data come back as plain strings: turned back into the enums here."""
        kind = self.kind_filter.currentData()
        status = self.status_filter.currentData()
        return (ComplaintKind(kind) if kind else None), ComplaintStatus(status)

    def cells(self, c: ComplaintItem) -> list[str]:
        received = day_text(c.received_on)
        subject = c.subject.name if c.subject else ""
        return [received, c.kind.label, c.sender, subject, day_text(c.deadline),
                c.status_text(self.today)]  # fmt: skip

    def colours(self, c: ComplaintItem) -> dict[int, tuple[str, bool]]:
        out: dict[int, tuple[str, bool]] = {}
        if c.pauses:
            out[3] = (PENDING_COLOR, False)
        if c.overdue_days(self.today):
            out[4] = out[5] = (ERROR_COLOR, True)
        return out

    def detail_html(self, item: ComplaintItem) -> str:
        return complaint_html(item, self.today)

    def empty_text(self) -> str:
        return (
            f"Chưa có đơn thư khiếu nại, kiến nghị, tố cáo hay cuộc kiểm tra, giám sát nào về thi "
            f"đua, khen thưởng trong năm {self.year}.\nGhi vào sổ khi nhận đơn hoặc khi có đoàn "
            "kiểm tra: vụ việc chưa kết thúc sẽ tạm dừng xét khen thưởng của đối tượng liên quan."
        )

    def add(self) -> None:
        self._open(ComplaintDialog(self.services, self.tasks, parent=self))

    def edit(self) -> None:
        item = self.current()
        if item is not None:
            self._open(ComplaintDialog(self.services, self.tasks, item, parent=self))

    def _open(self, dialog: ComplaintDialog) -> None:
        if not dialog.exec() or dialog.saved_id is None:
            return
        year = dialog.saved_year
        if year is not None and year > self.year:
            show_info(self, f"Đã lưu. Vụ việc nhận năm {year}: chọn năm {year} để xem.")
        self.reload(dialog.saved_id)
        self.on_changed()

    def delete(self) -> None:
        c = self.current()
        if c is None:
            return
        what = f"{c.kind.label.lower()} ngày {day_text(c.received_on)} của «{c.sender}»"
        if confirm(self, f"Xóa {what} khỏi sổ theo dõi?", "Xóa"):
            service = self.services.complaints
            self.submit(lambda: service.delete(c.id), lambda _r: None)

    def export(self) -> None:
        service, year, text = self.services.complaints, self.year, self.search.text()
        kind, status = self._filters()
        self.export_to(
            f"Sổ đơn thư, kiểm tra {year}.xlsx",
            lambda path: service.export(path, year, status, text, kind),
        )
