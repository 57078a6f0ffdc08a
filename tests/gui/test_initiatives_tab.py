"""Sáng kiến as the officer uses it: the empty state, adding and editing through the dialog
with the authors in order, red messages at the fields, search by author, delete and export, and
the initiatives in a person's history."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from tests.gui.records_commune import YEAR, Commune, column_texts, pick_first
from tests.gui.tab_helpers import drive, record_messages

from emulation_desktop.gui.evaluations import initiatives_tab, record_tab
from emulation_desktop.gui.evaluations.initiative_dialog import InitiativeDialog
from emulation_desktop.gui.pages.base import Action
from emulation_desktop.gui.registry.history_view import person_html
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def commune(context) -> Commune:  # type: ignore[no-untyped-def]
    return Commune(context)


@pytest.fixture
def asked(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Message boxes block: confirmations say yes, errors and notices are recorded."""
    return record_messages(monkeypatch, initiatives_tab, record_tab)


def test_the_empty_initiatives_tab_explains_and_offers_the_first_action(  # type: ignore[no-untyped-def]
    commune, qtbot, monkeypatch
) -> None:
    page = commune.page(qtbot)
    tab = page.tab(0)
    assert page.tabs.tabText(0) == "Sáng kiến" and page.tabs.tabText(1) == "Khiếu nại – Kiểm tra"
    assert tab.stack.currentIndex() == 1 and tab.empty_label.isVisible()
    assert "Chưa có sáng kiến" in tab.empty_label.text() and "2026" in tab.empty_label.text()
    assert "Chiến sĩ thi đua cơ sở" in tab.empty_label.text()
    opened = drive(monkeypatch, InitiativeDialog, then_save=True, act=lambda d: d.reject())
    tab.empty_button.click()
    assert len(opened) == 1 and opened[0].year_spin.value() == YEAR


def test_adding_an_initiative_through_the_dialog_lists_and_selects_it(  # type: ignore[no-untyped-def]
    commune, qtbot, monkeypatch
) -> None:
    page = commune.page(qtbot)
    tab = page.tab(0)

    def fill(d: InitiativeDialog) -> None:
        d.title_edit.insertPlainText("Số hóa  hồ sơ hộ tịch")
        pick_first(d.authors.picker, "dang van")
        pick_first(d.authors.picker, "hang")
        d.authors.table.cellWidget(0, 2).setValue(70)
        d.applied_from.insert("01/03/2026")
        d.doc_number.insert("112/QĐ-UBND")
        d.doc_date.insert("10/11/2026")
        d.doc_issuer.insert("UBND xã Cát Thành")

    opened = drive(monkeypatch, InitiativeDialog, then_save=True, act=fill)
    page.trigger(Action.ADD)  # Thêm mới in the toolbar, or Ctrl+N
    assert opened[0].result() == QDialog.DialogCode.Accepted
    assert tab.stack.currentIndex() == 0
    assert column_texts(tab, 0) == ["Số hóa hồ sơ hộ tịch"]
    assert column_texts(tab, 1) == ["Đặng Văn Dũng (70%), Nguyễn Thị Hằng"]
    assert column_texts(tab, 3) == ["112/QĐ-UBND ngày 10/11/2026"]
    assert tab.current().id == opened[0].saved_id and commune.changed == 1
    html = tab.detail.toPlainText()
    assert "Tác giả (2)" in html and "Đặng Văn Dũng" in html and "70%" in html


@pytest.mark.parametrize(
    ("fill", "field", "words"),
    [
        (lambda d: None, "title", "Hãy nhập tên"),
        (lambda d: d.title_edit.insertPlainText("X"), "authors", "ít nhất một tác giả"),
        (lambda d: d.doc_date.insert("31/02/2026"), "doc_date", "không có trên lịch"),
        (lambda d: (d.doc_number.insert("1/QĐ"), d.doc_date.insert("01/02/2026"),
                    d.applied_from.insert("01/03/2026")), "doc_date", "trước ngày bắt đầu"),
        (lambda d: d.authors.picker.edit.insert("khong co ai"), "authors", "Chưa chọn tác giả"),
    ],
)  # fmt: skip
def test_bad_initiative_input_is_shown_at_the_field_and_nothing_saved(  # type: ignore[no-untyped-def]
    commune, qtbot, fill, field, words
) -> None:
    dialog = InitiativeDialog(commune.services, SyncTaskRunner(), YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog)
    dialog.save_button.click()
    assert words in dialog.errors.message(field)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert commune.services.initiatives.list(None) == []


def test_authors_keep_the_order_of_the_document(commune, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = InitiativeDialog(commune.services, SyncTaskRunner(), YEAR)
    qtbot.addWidget(dialog)
    dialog.title_edit.insertPlainText("Sổ tay điện tử")
    for name in ("hang", "dang van", "le minh", "hang"):  # the second "hang" is not added twice
        pick_first(dialog.authors.picker, name)
    assert dialog.authors.names() == ["Nguyễn Thị Hằng", "Đặng Văn Dũng", "Lê Minh Tâm"]
    dialog.authors.table.selectRow(2)
    dialog.authors.up_button.click()
    dialog.authors.table.cellWidget(1, 2).setValue(25)
    dialog.authors.table.selectRow(0)
    dialog.authors.remove_button.click()
    assert dialog.authors.names() == ["Lê Minh Tâm", "Đặng Văn Dũng"]
    dialog.save_button.click()
    saved = commune.services.initiatives.get(dialog.saved_id)
    assert [(a.name, a.share) for a in saved.authors] == [
        ("Lê Minh Tâm", 25),
        ("Đặng Văn Dũng", None),
    ]


def test_double_click_edits_and_search_finds_by_author_without_accents(  # type: ignore[no-untyped-def]
    commune, qtbot, monkeypatch
) -> None:
    commune.initiative("Ứng dụng Zalo OA trả kết quả", "Nguyễn Thị Hằng")
    commune.initiative("Bản đồ số di tích", "Lê Minh Tâm", recognised=False)
    page = commune.page(qtbot)
    tab = page.tab(0)
    assert column_texts(tab, 0) == ["Bản đồ số di tích", "Ứng dụng Zalo OA trả kết quả"]
    assert column_texts(tab, 3)[0] == "Chưa công nhận"
    assert "Chưa có văn bản công nhận" in tab.detail.toPlainText()
    tab.search.setText("le minh")
    assert column_texts(tab, 0) == ["Bản đồ số di tích"]
    tab.search.setText("khong ai")
    assert tab.table.rowCount() == 0 and "khớp" in tab.detail.toPlainText()
    tab.search.clear()

    def fill(d: InitiativeDialog) -> None:
        assert d.windowTitle() == "Sửa sáng kiến, đề tài"
        d.title_edit.selectAll()
        d.title_edit.insertPlainText("Ứng dụng Zalo OA trả kết quả thủ tục hành chính")

    opened = drive(monkeypatch, InitiativeDialog, then_save=True, act=fill)
    tab.table.setCurrentCell(1, 0)
    rect = tab.table.visualItemRect(tab.table.item(1, 0))
    for click in (QTest.mouseClick, QTest.mouseDClick):  # Qt needs the first click too
        click(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(opened) == 1
    assert column_texts(tab, 0)[1] == "Ứng dụng Zalo OA trả kết quả thủ tục hành chính"
    assert tab.current().title == "Ứng dụng Zalo OA trả kết quả thủ tục hành chính"


def test_delete_asks_naming_the_initiative_and_export_writes_the_list(  # type: ignore[no-untyped-def]
    commune, qtbot, asked, tmp_path: Path
) -> None:
    commune.initiative("Ứng dụng Zalo OA", "Nguyễn Thị Hằng")
    commune.initiative("Số hóa hồ sơ hộ tịch", "Đặng Văn Dũng")
    tab = commune.page(qtbot).tab(0)
    tab.ask_save = lambda _parent, _name: tmp_path / "sk.xlsx"
    tab.search.setText("zalo")
    tab.export_button.click()
    assert asked[-1] == "Đã xuất 1 dòng ra tệp «sk.xlsx»."
    values = [c for r in openpyxl.load_workbook(tmp_path / "sk.xlsx").active.values for c in r]
    assert "Ứng dụng Zalo OA" in values and "Số hóa hồ sơ hộ tịch" not in values
    tab.search.clear()
    tab.table.setCurrentCell(0, 0)
    tab.delete_button.click()
    assert asked[-1] == "Xóa sáng kiến, đề tài «Số hóa hồ sơ hộ tịch»?"
    assert column_texts(tab, 0) == ["Ứng dụng Zalo OA"]


def test_the_authors_history_lists_their_initiatives(commune, qtbot) -> None:  # type: ignore[no-untyped-def]
    commune.initiative("Ứng dụng Zalo OA", "Nguyễn Thị Hằng", "Đặng Văn Dũng")
    detail = commune.services.registry.person_detail(commune.people["Đặng Văn Dũng"])
    html = person_html(detail)
    assert "Sáng kiến, đề tài khoa học (1)" in html and "Ứng dụng Zalo OA" in html
    assert "112/QĐ-UBND ngày 10/11/2026" in html and "Nguyễn Thị Hằng" in html
    nobody = commune.services.registry.person_detail(commune.people["Lê Minh Tâm"])
    assert "Chưa có sáng kiến, đề tài nào." in person_html(nobody)
