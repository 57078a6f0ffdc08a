"""Tổng quan: the commune at a glance and the work of the year in work, each panel with a link
to the section that handles it; an empty state that says what to do first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.overview import UPCOMING_DAYS, YearOverview
from emulation_desktop.domain.text import thousands
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.overview import OverviewSummary

from emulation_desktop.gui.icons import icon
from emulation_desktop.gui.pages.base import Action, SectionPage, heading, paragraph
from emulation_desktop.gui.pages.overview_html import (
    complaints_html,
    due_html,
    evaluations_html,
    models_title,
    movements_html,
    registrations_html,
)
from emulation_desktop.gui.sections import SECTION_BY_KEY, Section
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.backup_age import COLOURS, Level, backup_age_text

# Widths in average characters, so that a larger font (150 %) stacks sooner: below them the
# cards go two by two and the panels in one column.
CARDS_IN_A_ROW_FROM = 90
TWO_COLUMNS_FROM = 140


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


class _Panel(QFrame):
    """A titled box of the year's work; its link opens the section that handles it, and links
    inside the text (rows of «Sắp đến hạn») open theirs."""

    def __init__(self, key: str, section: str | None, go_to: Callable[[str], None]) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"{key}_panel")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title_label = heading("", scale=1.15)
        self.title_label.setObjectName(f"{key}_title")
        # The same title height with or without a link, so side-by-side panels line up.
        self.title_label.setMinimumHeight(QPushButton("Mở").sizeHint().height())
        top.addWidget(self.title_label, 1)
        self.link_button: QPushButton | None = None
        if section is not None:
            target = SECTION_BY_KEY[section]
            self.link_button = QPushButton(f"Mở «{target.title}»")
            self.link_button.setObjectName(f"{key}_open")
            self.link_button.setFlat(True)
            self.link_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.link_button.setToolTip(f"Đi tới mục «{target.title}»")
            self.link_button.clicked.connect(lambda: go_to(section))
            top.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.body_label = QLabel()
        self.body_label.setObjectName(f"{key}_body")
        self.body_label.setWordWrap(True)
        self.body_label.setTextFormat(Qt.TextFormat.RichText)
        self.body_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.body_label.linkActivated.connect(go_to)
        layout.addWidget(self.body_label)
        layout.addStretch(1)

    def fill(self, title: str, body: str, colour: str = "") -> None:
        self.title_label.setText(title)
        self.title_label.setStyleSheet(f"color: {colour};" if colour else "")
        self.body_label.setText(body)


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
        self.today: Callable[[], dt.date] = dt.date.today  # tests pin the day
        self.summary: OverviewSummary | None = None
        self.overview: YearOverview | None = None

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

        self._cards_grid = QGridLayout()
        self._cards_grid.setSpacing(12)
        self.units_card = _Card("đơn vị")
        self.people_card = _Card("cá nhân")
        self.households_card = _Card("hộ gia đình")
        self.backup_card = _Card("sao lưu ra USB")
        layout.addLayout(self._cards_grid)

        self.year_label = heading("", scale=1.3)
        self.year_label.setObjectName("overview_year")
        layout.addWidget(self.year_label)
        self.plan_label = paragraph("")
        self.plan_label.setObjectName("overview_plan")
        layout.addWidget(self.plan_label)
        self.movements_panel = _Panel("movements", "movements", go_to)
        self.due_panel = _Panel("due", None, go_to)  # each row links to its own section
        self.registrations_panel = _Panel("registrations", "movements", go_to)
        self.evaluations_panel = _Panel("evaluations", "evaluations", go_to)
        self.models_panel = _Panel("models", "movements", go_to)
        self.complaints_panel = _Panel("complaints", "evaluations", go_to)
        self._panels_grid = QGridLayout()
        self._panels_grid.setSpacing(12)
        layout.addLayout(self._panels_grid)
        self._shape = (0, 0)
        self._arrange(self.width())

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

    @property
    def cards(self) -> tuple[_Card, ...]:
        return (self.units_card, self.people_card, self.households_card, self.backup_card)

    @property
    def panels(self) -> tuple[_Panel, ...]:
        return (self.movements_panel, self.due_panel, self.registrations_panel,
                self.evaluations_panel, self.models_panel, self.complaints_panel)  # fmt: skip

    def _arrange(self, width: int) -> None:
        """Cards in one row or two by two, panels in two columns or one, as the width allows."""
        char = max(1, self.fontMetrics().averageCharWidth())
        per_row = 4 if width >= CARDS_IN_A_ROW_FROM * char else 2
        columns = 2 if width >= TWO_COLUMNS_FROM * char else 1
        if (per_row, columns) == self._shape:
            return
        self._shape = (per_row, columns)
        for i, card in enumerate(self.cards):
            self._cards_grid.addWidget(card, i // per_row, i % per_row)
        for i, panel in enumerate(self.panels):
            self._panels_grid.addWidget(panel, i // columns, i % columns)
        for c in range(2):
            self._panels_grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def set_year(self, year: int) -> None:
        changed = year != self._year
        self._year = year
        self._show_titles()
        if changed and self.isVisible():
            self.refresh()

    def activated(self) -> None:
        self.refresh()

    def trigger(self, action: Action) -> None:
        if action is Action.REFRESH:
            self.refresh()

    def refresh(self) -> None:
        overview = self._services.overview
        year, today = self._year, self.today()
        self._tasks.submit(
            lambda: (overview.summary(), overview.year_overview(year, today)), self._show,
            parent=self,
        )  # fmt: skip

    def _show(self, result: tuple[OverviewSummary, YearOverview]) -> None:
        summary, year = result
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
            self.backup_card.show_value(day_text(summary.last_usb_backup), text)
        if year.year == self._year:  # a newer year was asked for meanwhile: its answer follows
            self._show_year(year)

    def _show_year(self, o: YearOverview) -> None:
        self.overview = o
        self.year_label.setText(f"Công việc năm {o.year}")
        plan = f"Chủ đề: «{o.theme}»." if o.theme else "Chưa có kế hoạch thi đua của năm."
        if o.plan_number:
            plan += f" Kế hoạch số {o.plan_number}"
            plan += f" ngày {day_text(o.plan_date)}." if o.plan_date else "."
        self.plan_label.setText(plan)
        self.movements_panel.fill(f"Phong trào năm {o.year}", movements_html(o))
        self.due_panel.fill(
            f"Sắp đến hạn ({UPCOMING_DAYS} ngày tới)", due_html(o),
            COLOURS[Level.RED] if any(d.days_left < 0 for d in o.due) else "",
        )  # fmt: skip
        self.registrations_panel.fill("Đăng ký thi đua", registrations_html(o))
        e = o.evaluations
        graded = "" if not (e.people or e.collectives) else COLOURS[Level.OK]
        self.evaluations_panel.fill(
            "Đánh giá xếp loại", evaluations_html(o),
            COLOURS[Level.AMBER] if e.missing else graded,
        )  # fmt: skip
        self.models_panel.fill(*models_title(o))
        self.complaints_panel.fill(
            "Đơn thư, kiểm tra đang giải quyết", complaints_html(o),
            COLOURS[Level.RED] if o.overdue_complaints else "",
        )  # fmt: skip

    def _show_titles(self) -> None:
        profile = self.summary.profile if self.summary else None
        if profile is None:
            return
        self.title_label.setText(f"{profile.display_name}, tỉnh {profile.province}")
        self.subtitle_label.setText(
            f"Năm làm việc: {self._year}. Chủ tịch UBND: {profile.chairman}. "
            f"Công chức phụ trách thi đua, khen thưởng: {profile.officer}."
        )
