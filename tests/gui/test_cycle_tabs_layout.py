"""The yearly-cycle tabs at the width a 1150-pixel window leaves them, on the demo commune: the
list keeps most of the room beside its detail, shows its main columns without sideways
scrolling, and the detail shows the first row rather than an invitation to choose one."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QTextBrowser

from emulation_desktop.gui.evaluations.complaints_tab import ComplaintsTab
from emulation_desktop.gui.evaluations.initiatives_tab import InitiativesTab
from emulation_desktop.gui.evaluations.periods_tab import PeriodsTab
from emulation_desktop.gui.movements.advanced_models_tab import AdvancedModelsTab
from emulation_desktop.gui.movements.movements_tab import MovementsTab
from emulation_desktop.gui.movements.registrations_tab import RegistrationsTab
from emulation_desktop.gui.movements.reviews_tab import ReviewsTab
from emulation_desktop.gui.pages.tabbed import SectionTab, TabbedSectionPage
from emulation_desktop.gui.sections import SECTION_BY_KEY
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui

# What the main window at 1150 × 720 leaves for a section page beside the navigation.
PAGE_WIDTH = 890


def _shown(qtbot, demo_context, cls: type[SectionTab], section: str, year: int) -> SectionTab:  # type: ignore[no-untyped-def]
    page = TabbedSectionPage(SECTION_BY_KEY[section], demo_context.services, SyncTaskRunner(),
                             lambda: None, [cls])  # fmt: skip
    qtbot.addWidget(page)
    page.resize(PAGE_WIDTH, 620)
    page.set_year(year)
    page.show()
    qtbot.waitExposed(page)
    page.activated()
    return page.current()


def _table(tab: SectionTab) -> QTableView:
    panel = getattr(tab, "panel", None)
    table = panel.table if panel is not None else tab.table  # type: ignore[attr-defined]
    assert isinstance(table, QTableView)
    return table


def _headers(table: QTableView) -> list[str]:
    model = table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
            if not table.isColumnHidden(c)]  # fmt: skip


@pytest.mark.parametrize(
    ("cls", "section", "year", "columns"),
    [
        (MovementsTab, "movements", 2026,
         ["Tên phong trào", "Loại", "Cấp phát động", "Thời gian", "Số đợt"]),
        (RegistrationsTab, "movements", 2026, ["Đối tượng", "Đơn vị", "Trạng thái", "Danh hiệu"]),
        (ReviewsTab, "movements", 2024, ["Ngày", "Hội nghị", "Phong trào", "Vượt", "Đạt",
                                         "Chưa đạt"]),
        (AdvancedModelsTab, "movements", 2026, ["Tên mô hình", "Đối tượng", "Trạng thái",
                                                "Công nhận"]),
        (InitiativesTab, "evaluations", 2026, ["Tên sáng kiến, đề tài", "Tác giả", "Phạm vi",
                                               "Văn bản công nhận"]),
        (ComplaintsTab, "evaluations", 2026, ["Ngày nhận", "Loại", "Người gửi", "Đối tượng",
                                              "Hạn", "Tình trạng"]),
    ],
)  # fmt: skip
def test_the_list_takes_most_of_the_width_and_its_main_columns_fit(  # type: ignore[no-untyped-def]
    qtbot, demo_context, cls, section, year, columns
) -> None:
    tab = _shown(qtbot, demo_context, cls, section, year)
    table = _table(tab)
    detail = tab.findChild(QTextBrowser, "detail")
    assert detail is not None
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    assert 1.6 <= table.width() / detail.width() <= 2.2
    assert set(columns) <= set(_headers(table))
    assert table.horizontalScrollBar().maximum() == 0
    assert not detail.toPlainText().startswith("Chọn một")


def test_discipline_and_leave_fit_every_column_with_the_note_last(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    tab = _shown(qtbot, demo_context, PeriodsTab, "evaluations", 2026)
    table = _table(tab)
    assert table.model().rowCount() > 0
    assert _headers(table)[-1] == "Ghi chú" and len(_headers(table)) == 8
    assert table.horizontalScrollBar().maximum() == 0
    assert table.item(0, 7).toolTip() == table.item(0, 7).text()  # cut text whole on hover


def test_a_narrow_window_keeps_the_names_readable_and_drops_columns_in_order(  # type: ignore[no-untyped-def]
    qtbot, demo_context
) -> None:
    tab = _shown(qtbot, demo_context, RegistrationsTab, "movements", 2026)
    table = _table(tab)
    tab.window().resize(600, 560)
    qtbot.waitUntil(lambda: "Đơn vị" not in _headers(table))
    assert _headers(table)[:2] == ["Đối tượng", "Trạng thái"]  # the detail beside has the rest
    assert table.horizontalScrollBar().maximum() == 0
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance("M") * 12
    tab.window().resize(1400, 620)
    qtbot.waitUntil(lambda: len(_headers(table)) == 6)
