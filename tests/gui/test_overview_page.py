"""Tổng quan on the demo commune: the year's panels with the demo's numbers, the year selector,
links to the sections, and a layout that fits at 1000×700 and at 150 % font size."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QApplication, QScrollArea

from emulation_desktop.domain.enums import ComplaintKind, RegistrationStatus
from emulation_desktop.store.cycle_models import ComplaintRow

from emulation_desktop.gui.pages.base import Action

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def page(window):  # type: ignore[no-untyped-def]
    window.go_to("overview")
    page = window.current_page()
    page.today = lambda: TODAY
    page.refresh()
    return page


def _text(label) -> str:  # type: ignore[no-untyped-def]
    """What the user reads in a rich-text label (tags dropped, entities decoded)."""
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def test_the_panels_show_the_demo_year(page, demo_context) -> None:  # type: ignore[no-untyped-def]
    o = demo_context.services.overview.year_overview(2026, TODAY)
    assert page.year_label.text() == "Công việc năm 2026"
    assert (
        "«Đoàn kết, kỷ cương - Đổi mới, sáng tạo - Bứt phá, phát triển»" in page.plan_label.text()
    )
    assert "Kế hoạch số 15/KH-UBND ngày 06/03/2026" in page.plan_label.text()

    assert page.movements_panel.title_label.text() == "Phong trào năm 2026"
    movements = _text(page.movements_panel.body_label)
    for m in o.movements:
        assert m.name in movements
    assert "▶ Đợt 2 (01/07 – 31/12): đang diễn ra, còn 37 ngày" in movements
    assert "Đợt 1 (01/01 – 30/06): đã xong" in movements

    assert page.due_panel.title_label.text() == "Sắp đến hạn (60 ngày tới)"
    due = _text(page.due_panel.body_label)
    assert "25/11/2026\nngày mai\nHoàn thành bình xét Gia đình văn hóa năm 2026" in due
    assert "Kỷ niệm 80 năm Ngày Toàn quốc kháng chiến (19/12/1946 - 19/12/2026)" in due
    assert due.index("25/11/2026") < due.index("19/12/2026") < due.index("15/01/2027")

    registrations = _text(page.registrations_panel.body_label)
    pending = o.registrations.count(RegistrationStatus.PENDING)
    assert f"Chờ duyệt\n{pending}\n" in registrations
    assert f"Tổng: {o.registrations.total} (" in registrations

    e = o.evaluations
    evaluations = _text(page.evaluations_panel.body_label)
    assert f"Đã xếp loại {e.people_done}/{e.people} cá nhân" in evaluations
    assert "• Trường THCS Cát Thành: 26/26 cá nhân, chưa xếp loại tập thể" in evaluations
    assert evaluations.index("THCS") < evaluations.index("Trạm Y tế")

    assert page.models_panel.title_label.text() == "Điển hình tiên tiến: 2/3"
    assert "1 đang xây dựng" in _text(page.models_panel.body_label)

    complaints = _text(page.complaints_panel.body_label)
    assert complaints.startswith(f"Kiến nghị – {o.complaints[0].subject} (nhận 03/11/2026)")
    assert "hạn 03/12/2026, còn 9 ngày" in complaints


def test_the_year_selector_changes_the_panels(window, page) -> None:  # type: ignore[no-untyped-def]
    window.year_combo.setCurrentIndex(window.year_combo.findData(2025))
    assert page.movements_panel.title_label.text() == "Phong trào năm 2025"
    assert page.models_panel.title_label.text() == "Điển hình tiên tiến: 3/3"
    assert "#2e7d32" in page.models_panel.title_label.styleSheet()  # green: target met
    assert "Đã xếp loại đủ." in _text(page.evaluations_panel.body_label)
    assert "Tính từ hôm nay, 24/11/2026" in _text(page.due_panel.body_label)
    window.year_combo.setCurrentIndex(window.year_combo.findData(2024))
    movements = _text(page.movements_panel.body_label)
    assert "Phát động: UBND huyện (trước 01/7/2025)" in movements
    assert page.models_panel.title_label.text() == "Điển hình tiên tiến: 2/3"
    window.year_combo.setCurrentIndex(window.year_combo.findData(2027))
    assert "Chưa có phong trào nào trong năm 2027" in _text(page.movements_panel.body_label)
    assert "Chưa có đăng ký thi đua nào trong năm 2027" in _text(
        page.registrations_panel.body_label
    )


@pytest.mark.parametrize(
    ("panel", "section"),
    [
        ("movements_panel", "movements"),
        ("registrations_panel", "movements"),
        ("evaluations_panel", "evaluations"),
        ("models_panel", "movements"),
        ("complaints_panel", "evaluations"),
    ],
)
def test_a_panels_link_opens_its_section(window, page, qtbot, panel, section) -> None:  # type: ignore[no-untyped-def]
    button = getattr(page, panel).link_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_page().section.key == section


def test_a_due_row_opens_the_section_that_handles_it(window, page) -> None:  # type: ignore[no-untyped-def]
    assert page.due_panel.link_button is None
    html = page.due_panel.body_label.text()
    assert 'href="council"' in html and 'href="nominations"' in html
    page.due_panel.body_label.linkActivated.emit("council")
    assert window.current_page().section.key == "council"


def test_the_page_refreshes_after_a_change(window, page, demo_context) -> None:  # type: ignore[no-untyped-def]
    with demo_context.database.session_scope() as s:
        s.add(ComplaintRow(kind=ComplaintKind.INSPECTION, received_on=dt.date(2026, 10, 1),
                           sender="Thanh tra tỉnh", deadline=dt.date(2026, 11, 20)))  # fmt: skip
    window.toolbar_actions[Action.REFRESH].trigger()
    complaints = _text(page.complaints_panel.body_label)
    assert complaints.startswith("Kiểm tra – Thanh tra tỉnh")
    assert "quá hạn 4 ngày" in complaints
    assert "#c62828" in page.complaints_panel.title_label.styleSheet()  # red: overdue


def _nothing_cut(window, page) -> None:  # type: ignore[no-untyped-def]
    scroll = window.findChild(QScrollArea, "scroll_page_overview")
    assert page.width() <= scroll.viewport().width()  # no sideways scrolling
    for p in page.panels:
        body = p.body_label
        assert body.height() >= body.heightForWidth(body.width()), p.objectName()
        assert p.title_label.height() >= p.title_label.heightForWidth(p.title_label.width())
    for card in page.cards:
        label = card.detail_label
        assert label.height() >= label.heightForWidth(label.width())


@pytest.fixture
def font_size() -> Iterator[Callable[[float], None]]:
    """Sets the interface font to an exact size and puts the old one back: the layout tests do
    not depend on what earlier tests did to the shared QApplication."""
    app = QApplication.instance()
    before = QFont(app.font())

    def set_points(points: float) -> None:
        font = QFont(before)
        font.setPointSizeF(points)
        app.setFont(font)
        QApplication.processEvents()

    yield set_points
    app.setFont(before)


NORMAL_POINTS = 9.0  # the usual Windows UI font size
LARGE_POINTS = NORMAL_POINTS * 1.5  # "150 %" in Cài đặt, or Windows scaling


def _show_at(window, page, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window.resize(width, height)
    QApplication.processEvents()
    page.refresh()
    QApplication.processEvents()


def test_it_fits_at_1000_by_700(window, page, font_size) -> None:  # type: ignore[no-untyped-def]
    font_size(NORMAL_POINTS)
    _show_at(window, page, 1000, 700)
    _nothing_cut(window, page)
    assert page._shape == (4, 1)  # four cards in a row, panels one under another


def test_it_fits_at_150_percent(window, page, font_size) -> None:  # type: ignore[no-untyped-def]
    font_size(LARGE_POINTS)
    _show_at(window, page, 1000, 700)
    _nothing_cut(window, page)
    assert page._shape == (2, 1)  # the cards go two by two


def test_wide_windows_put_the_panels_side_by_side(window, page, font_size) -> None:  # type: ignore[no-untyped-def]
    font_size(NORMAL_POINTS)
    _show_at(window, page, 1400, 900)
    assert page._shape == (4, 2)
    _nothing_cut(window, page)
