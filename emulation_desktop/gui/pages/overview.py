"""Tổng quan: the commune at a glance, with an empty state that says what to do first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QVBoxLayout, QWidget

from emulation_desktop.domain.text import thousands
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.overview import OverviewSummary

from emulation_desktop.gui.icons import icon
from emulation_desktop.gui.pages.base import Action, SectionPage, heading, paragraph
from emulation_desktop.gui.sections import SECTION_BY_KEY, Section
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.backup_age import backup_age_text


class _Card(QFrame):
    """A big number with its caption and a detail line."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("overview_card")
        layout = QVBoxLayout(self)
        self.value_label = heading("–", scale=2.2)
        self.value_label.setObjectName("card_value")
        layout.addWidget(self.value_label)
        layout.addWidget(paragraph(caption))
        self.detail_label = paragraph("")
        self.detail_label.setObjectName("card_detail")
        layout.addWidget(self.detail_label)

    def show_value(self, value: str, detail: str) -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)


class OverviewPage(SectionPage):
    actions = frozenset({Action.REFRESH})

    def __init__(
        self,
        section: Section,
        services: AppServices,
        tasks: TaskRunner,
        go_to: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(section, parent)
        self._services = services
        self._tasks = tasks
        self._year = dt.date.today().year
        self.summary: OverviewSummary | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        self.title_label = heading("")
        self.title_label.setObjectName("overview_title")
        layout.addWidget(self.title_label)
        self.subtitle_label = paragraph("")
        layout.addWidget(self.subtitle_label)

        self.empty_label = paragraph(
            "Chưa có đơn vị, cá nhân nào. Vào mục «Đơn vị – Cá nhân – Hộ gia đình» để thêm mới "
            "hoặc nhập danh sách từ Excel."
        )
        self.empty_label.setObjectName("overview_empty")
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        grid = QGridLayout()
        grid.setSpacing(12)
        self.units_card = _Card("đơn vị")
        self.people_card = _Card("cá nhân")
        self.households_card = _Card("hộ gia đình")
        self.backup_card = _Card("sao lưu ra USB")
        for i, card in enumerate(
            (self.units_card, self.people_card, self.households_card, self.backup_card)
        ):
            grid.addWidget(card, 0, i)
        layout.addLayout(grid)

        layout.addWidget(heading("Đi nhanh tới", scale=1.1))
        links = QGridLayout()
        for i, key in enumerate(("registry", "movements", "nominations", "backup")):
            target = SECTION_BY_KEY[key]
            button = QPushButton(icon(target.icon), target.title)
            button.setObjectName(f"go_{key}")
            button.clicked.connect(lambda _=False, k=key: go_to(k))
            links.addWidget(button, i // 2, i % 2)
        links.setColumnStretch(2, 1)
        layout.addLayout(links)
        layout.addStretch(1)

    def set_year(self, year: int) -> None:
        self._year = year
        self._show_titles()

    def activated(self) -> None:
        self.refresh()

    def trigger(self, action: Action) -> None:
        if action is Action.REFRESH:
            self.refresh()

    def refresh(self) -> None:
        self._tasks.submit(self._services.overview.summary, self._show, parent=self)

    def _show(self, summary: OverviewSummary) -> None:
        self.summary = summary
        self._show_titles()
        self.empty_label.setVisible(summary.is_empty)
        self.units_card.show_value(
            thousands(summary.units),
            f"trong đó {thousands(summary.residential_units)} thôn, tổ dân phố",
        )
        self.people_card.show_value(
            thousands(summary.people), f"trong đó {thousands(summary.women)} nữ"
        )
        self.households_card.show_value(thousands(summary.households), "đang theo dõi")
        if summary.last_usb_backup is None:
            self.backup_card.show_value("Chưa có", "Hãy sao lưu ra USB ít nhất mỗi tuần một lần.")
        else:
            text, _level = backup_age_text(summary.last_usb_backup, dt.datetime.now())
            self.backup_card.show_value(summary.last_usb_backup.strftime("%d/%m/%Y"), text)

    def _show_titles(self) -> None:
        profile = self.summary.profile if self.summary else None
        if profile is None:
            return
        self.title_label.setText(f"{profile.display_name}, tỉnh {profile.province}")
        self.subtitle_label.setText(
            f"Năm làm việc: {self._year}. Chủ tịch UBND: {profile.chairman}. "
            f"Công chức phụ trách thi đua, khen thưởng: {profile.officer}."
        )
