"""The main window as the officer meets it: sections, shortcuts, year, status bar, state."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel

from emulation_desktop import __version__
from emulation_desktop.settings import LAST_SECTION, WORK_YEAR

from emulation_desktop.gui import application
from emulation_desktop.gui.dialogs.about_dialog import AboutDialog
from emulation_desktop.gui.pages.base import Action
from emulation_desktop.gui.pages.cycle_pages import TABS
from emulation_desktop.gui.pages.planned import PlannedSectionPage
from emulation_desktop.gui.sections import SECTIONS

pytestmark = pytest.mark.gui

EXPECTED_TITLES = [
    "Tổng quan",
    "Phong trào thi đua",
    "Đơn vị – Cá nhân – Hộ gia đình",
    "Đánh giá – Sáng kiến",
    "Đề nghị khen thưởng",
    "Hội đồng TĐKT",
    "Quyết định",
    "Giấy khen & In",
    "Báo cáo – Thống kê",
    "Sao lưu – Phục hồi",
    "Cài đặt",
]


def _texts(widget) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_navigation_lists_every_section_in_order(window) -> None:  # type: ignore[no-untyped-def]
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == EXPECTED_TITLES


def test_clicking_a_section_shows_its_page(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    for row, section in enumerate(SECTIONS):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page().section.key == section.key
        assert window.pages.currentWidget().isVisible()
        if section.key != "overview":  # the overview is headed by the commune's name
            assert section.title in _texts(window.current_page())


def test_unbuilt_sections_say_what_they_will_hold(window) -> None:  # type: ignore[no-untyped-def]
    planned = [s for s in SECTIONS if s.planned]
    assert len(planned) == 1
    for section in planned:
        window.go_to(section.key)
        page = window.current_page()
        assert isinstance(page, PlannedSectionPage)
        text = _texts(page)
        assert "Phần này sẽ có" in text
        for item in section.planned:
            assert item in text
        # nothing on such a page can be added or printed yet, so the toolbar says so
        assert not window.toolbar_actions[Action.ADD].isEnabled()
        assert not window.toolbar_actions[Action.PRINT].isEnabled()


def test_overview_shows_the_commune_figures(window, demo_context) -> None:  # type: ignore[no-untyped-def]
    window.go_to("overview")
    summary = demo_context.services.overview.summary()
    page = window.current_page()
    assert page.title_label.text() == "Xã Cát Thành, tỉnh Ninh Bình"
    assert page.people_card.value_label.text() == f"{summary.people}"
    assert f"trong đó {summary.women} nữ" == page.people_card.detail_label.text()
    assert page.households_card.value_label.text() == f"{summary.households}"
    assert not page.empty_label.isVisible()
    assert window.toolbar_actions[Action.REFRESH].isEnabled()


def test_section_shortcuts(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().section.key == "registry"
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().section.key == "backup"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().section.key == "overview"


def test_year_selector_drives_status_and_settings(window, settings_backend) -> None:  # type: ignore[no-untyped-def]
    combo = window.year_combo
    combo.setCurrentIndex(combo.findData(2024))
    assert window.status.year_label.text() == "Năm làm việc: 2024"
    assert settings_backend.value(WORK_YEAR.key) == 2024
    assert "Năm làm việc: 2024" in window._page_by_key["overview"].subtitle_label.text()


def test_status_bar_names_commune_and_warns_of_missing_usb_backup(window) -> None:  # type: ignore[no-untyped-def]
    assert window.status.commune_label.text() == "Xã Cát Thành, tỉnh Ninh Bình"
    assert window.status.backup_button.text() == "Sao lưu USB gần nhất: chưa có"
    assert window.status.backup_button.property("level") == "red"
    window.status.backup_button.click()
    assert window.current_page().section.key == "backup"


def test_window_geometry_and_section_are_remembered(make_window, qtbot, settings_backend) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    first.show()
    qtbot.waitExposed(first)
    # 910 × 512 is what a 1366 × 768 laptop at 150 % scaling leaves: the window must fit it.
    assert first.minimumSizeHint().width() <= 795 and first.minimumSizeHint().height() <= 500
    first.setGeometry(QRect(40, 50, 795, 500))
    first.go_to("council")
    first.close()
    assert settings_backend.value(LAST_SECTION.key) == "council"

    second = make_window()
    second.show()
    qtbot.waitExposed(second)
    assert second.size().width() == 795
    assert second.size().height() == 500
    assert second.current_page().section.key == "council"


@pytest.mark.parametrize("percent", [100, 125, 150])
def test_every_tab_of_the_yearly_cycle_fits_the_laptop_window(make_window, qtbot, percent) -> None:  # type: ignore[no-untyped-def]
    # Navigation, margins and the tab frame take about 210 of the 795 pixels: a tab may ask
    # for 580 at normal text, and grows no faster than the text when it is enlarged.
    application.apply_font_scale(application.create_qapplication(), percent)
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    too_wide = []
    for key, tabs in TABS.items():
        window.go_to(key)
        page = window.current_page()
        assert page.tabs.count() == len(tabs)
        for i in range(page.tabs.count()):
            page.tabs.setCurrentIndex(i)
            width = page.tab(i).minimumSizeHint().width()
            if width > 580 * percent / 100:
                too_wide.append(f"{page.tabs.tabText(i)}: {width}")
    assert not too_wide


def test_about_dialog_shows_version_and_log_file(window, qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(demo_context.paths, window)
    qtbot.addWidget(dialog)
    assert dialog.ui.version_label.text() == f"Phiên bản {__version__}"
    assert dialog.ui.log_path_label.text() == str(demo_context.paths.log_file)
    assert dialog.ui.close_button.text() == "Đóng"


def test_font_can_be_enlarged_from_the_view_menu(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    before = QApplication.font().pointSizeF()
    window._step_font(+20)
    assert QApplication.font().pointSizeF() == pytest.approx(before * 1.2, rel=0.01)
