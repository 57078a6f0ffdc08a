"""Đơn vị – Cá nhân – Hộ gia đình as the officer uses it: lists, search, filters, history, Excel."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import Qt

from emulation_desktop.domain.enums import PersonKind
from emulation_desktop.domain.registry_views import PersonQuery
from emulation_desktop.domain.text import name_sort_key
from emulation_desktop.settings import MemoryBackend, Settings

from emulation_desktop.gui import application
from emulation_desktop.gui.main_window import MainWindow
from emulation_desktop.gui.registry import import_dialog, list_tab, people_tab, registry_page
from emulation_desktop.gui.registry.registry_page import RegistryPage
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def page(window) -> RegistryPage:  # type: ignore[no-untyped-def]
    window.go_to("registry")
    current = window.current_page()
    assert isinstance(current, RegistryPage)
    return current


def _column(model, col: int, rows: int | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    n = model.rowCount() if rows is None else min(rows, model.rowCount())
    return [model.index(r, col).data() for r in range(n)]


def test_people_list_shows_everyone_in_vietnamese_name_order(page) -> None:  # type: ignore[no-untyped-def]
    tab = page.people
    assert tab.panel.count_label.text() == "505 cá nhân"
    names = _column(tab.model, 0)
    assert names == sorted(names, key=name_sort_key)
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị", "Đối tượng",
                       "Số CCCD"]  # fmt: skip


def test_search_filters_as_you_type_without_diacritics(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = page.people
    tab.panel.search.setFocus()
    qtbot.keyClicks(tab.panel.search, "dang thi")
    names = _column(tab.model, 0)
    assert names and all(n.startswith("Đặng Thị") for n in names)
    assert tab.panel.count_label.text() == f"{len(names)} cá nhân"
    tab.panel.search.clear()
    assert tab.model.rowCount() == 505


def test_filters_by_kind_and_unit(page) -> None:  # type: ignore[no-untyped-def]
    tab = page.people
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(PersonKind.VIEN_CHUC))
    kinds = set(_column(tab.model, 5))
    assert kinds == {"Viên chức"}
    units = {u.name: u.id for u in page._services.registry.units()}
    tab.kind_filter.setCurrentIndex(0)
    tab.unit_filter.set_unit(units["Khối trường học"])
    assert set(_column(tab.model, 4)) == {"Trường Mầm non Cát Thành", "Trường Tiểu học Cát Thành",
                                          "Trường THCS Cát Thành"}  # fmt: skip


def test_clicking_a_header_sorts_by_that_column(page) -> None:  # type: ignore[no-untyped-def]
    tab = page.people
    tab.panel.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    births = [b for b in _column(tab.model, 2) if b]
    years = [int(b[-4:]) for b in births]
    assert years == sorted(years)
    tab.panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = _column(tab.model, 0, 50)
    assert names == sorted(names, key=name_sort_key, reverse=True)


def test_selecting_a_person_shows_their_award_history(page) -> None:  # type: ignore[no-untyped-def]
    tab = page.people
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(PersonKind.CONG_CHUC))
    for row in range(tab.model.rowCount()):
        tab.panel.select_row(row)
        text = tab.panel.detail.toPlainText()
        if "Lao động tiên tiến" in text:
            break
    assert "Quá trình khen thưởng" in text and "/QĐ-UBND\nngày " in text
    assert "Kết quả đánh giá hằng năm" in text and "Hoàn thành" in text


def test_deactivating_a_person_keeps_history_and_hides_them(page, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(people_tab, "confirm", lambda *a: True)
    tab = page.people
    tab.panel.select_row(0)
    name = tab.current().full_name
    tab.active_action.trigger()
    assert tab.model.rowCount() == 504
    tab.active_filter.setCurrentIndex(tab.active_filter.findData(False))
    assert _column(tab.model, 0) == [name]


def test_households_and_units_tabs_show_their_history(page) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentWidget(page.households)
    homes = page.households
    assert homes.panel.count_label.text() == "193 hộ gia đình"
    texts = []
    for row in range(10):
        homes.panel.select_row(row)
        texts.append(homes.panel.detail.toPlainText())
    assert any("Gia đình văn hóa" in t for t in texts)
    page.tabs.setCurrentWidget(page.units)
    tree = page.units.model
    top = [tree.index(r, 0).data() for r in range(tree.rowCount())]
    assert "Khối trường học" in top and "Trường THCS Cát Thành" not in top
    school_block = tree.index(top.index("Khối trường học"), 0)
    assert tree.rowCount(school_block) == 3
    page.units.tree.setCurrentIndex(tree.index(0, 0, school_block))
    assert "Khối trường học" in page.units.detail.toPlainText()


def test_export_writes_the_list_as_shown(page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    messages: list[str] = []
    monkeypatch.setattr(registry_page, "show_info", lambda _p, m, *a: messages.append(m))
    out = tmp_path / "vc.xlsx"
    page.ask_save = lambda _parent, _name: out
    tab = page.people
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(PersonKind.VIEN_CHUC))
    tab.panel.buttons.parentWidget().findChild(type(tab.edit_button), "export_excel").click()
    ws = openpyxl.load_workbook(out).worksheets[0]
    names = [r[1] for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert names == _column(tab.model, 0)
    assert messages == [f"Đã xuất {len(names)} dòng ra tệp «vc.xlsx»."]


def _people_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Năm sinh", "Giới tính", "Đơn vị"])
    ws.append(["Nguyễn Thị Mới", 1990, "Nữ", "Thôn Mới"])
    ws.append(["Trần Văn Lỗi", 2099, "Nam", "Thôn Mới"])
    wb.save(path)
    return path


def test_import_dialog_checks_rows_then_imports_only_valid_ones(
    page, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    infos: list[str] = []
    monkeypatch.setattr(import_dialog, "show_info", lambda _p, m, *a: infos.append(m))
    services = page._services
    dialog = import_dialog.ImportDialog(
        services.imports, page._tasks, _people_xlsx(tmp_path / "moi.xlsx"), parent=page
    )
    assert dialog.model.rowCount() == 2
    statuses = [dialog.model.index(r, 1).data() for r in range(2)]
    assert statuses == ["Hợp lệ", "Lỗi"]
    assert "tương lai" in dialog.model.index(1, 2).data()
    assert "1 dòng lỗi" in dialog.summary.text() and "Thôn Mới" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.only_valid.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.imported is not None and dialog.imported.created == 1
    assert infos and "Đã nhập 1 cá nhân" in infos[0]
    found = services.registry.people_page(PersonQuery(text="nguyen thi moi"), 0, 5)
    assert [p.unit_name for p in found] == ["Thôn Mới"]


def test_a_file_that_is_not_excel_is_refused_with_one_message(page, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    monkeypatch.setattr(import_dialog, "show_error", lambda _p, m, *a: errors.append(m))
    bad = tmp_path / "ds.xlsx"
    bad.write_bytes(b"not a workbook")
    page.ask_open = lambda _parent: bad
    page.import_excel()  # the dialog never opens
    assert len(errors) == 1 and "Excel" in errors[0]
    assert page.people.model.rowCount() == 505


def test_empty_database_explains_what_to_do(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    application.create_qapplication()
    application.register_icon_path()
    window = MainWindow(context.services, Settings(MemoryBackend()), context.paths,
                        SyncTaskRunner(), lambda p: None)  # fmt: skip
    qtbot.addWidget(window)
    window.go_to("registry")
    page = window.current_page()
    assert page.people.panel.count_label.text() == "0 cá nhân"
    assert "Chưa có cá nhân nào" in page.people.panel.detail.toPlainText()


def test_delete_key_asks_then_refuses_a_person_with_history(page, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    errors: list[str] = []
    monkeypatch.setattr(people_tab, "confirm", lambda _p, q, *a: asked.append(q) or True)
    monkeypatch.setattr(list_tab, "show_error", lambda _p, m, *a: errors.append(m))
    tab = page.people
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(PersonKind.CONG_CHUC))
    tab.panel.select_row(0)
    name = tab.current().full_name
    tab.panel.table.setFocus()
    qtbot.keyClick(tab.panel.table, Qt.Key.Key_Delete)
    assert asked and f"«{name}»" in asked[0]
    assert errors and "Ngừng theo dõi" in errors[0]
    assert tab.model.rowCount() > 0 and tab.current().full_name == name
