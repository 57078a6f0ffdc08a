"""Xếp loại hằng năm, driven from the keyboard as the officer would: digits and letters, Enter,
Delete, Ctrl+V from Excel, Lưu; and the question before unsaved grades are lost."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from emulation_desktop.domain.enums import Grade
from emulation_desktop.domain.evaluations import GradeChange

from emulation_desktop.gui.evaluations import grades_tab, set_grade_dialog
from emulation_desktop.gui.evaluations.grade_import_dialog import GradeImportDialog
from emulation_desktop.gui.evaluations.grades_model import CHANGED_COLOUR, ERROR_COLOUR, Col
from emulation_desktop.gui.evaluations.grades_tab import GradesTab
from emulation_desktop.gui.evaluations.periods_tab import PeriodsTab
from emulation_desktop.gui.evaluations.unsaved import DISCARD, SAVE, STAY
from emulation_desktop.gui.pages.tabbed import TabbedSectionPage
from emulation_desktop.gui.sections import SECTION_BY_KEY
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui
YEAR = 2026
UNIT = "Trường THCS Cát Thành"  # not graded yet in the demo's year in work


class Asked(list[tuple[str, bool]]):
    answer = STAY


@pytest.fixture
def page(qtbot, demo_context):  # type: ignore[no-untyped-def]
    section, tabs = SECTION_BY_KEY["evaluations"], [GradesTab, PeriodsTab]
    page = TabbedSectionPage(section, demo_context.services, SyncTaskRunner(), lambda: None, tabs)
    qtbot.addWidget(page)
    page.resize(1000, 650)
    page.set_year(YEAR)
    page.show()
    qtbot.waitExposed(page)
    page.activated()
    return page


@pytest.fixture
def asked(page) -> Asked:  # type: ignore[no-untyped-def]
    questions = Asked()

    def ask(_parent: object, question: str, can_stay: bool) -> str:
        questions.append((question, can_stay))
        return questions.answer

    page.tab(0).ask = ask
    return questions


def _tab(page) -> GradesTab:  # type: ignore[no-untyped-def]
    tab = page.tab(0)
    assert isinstance(tab, GradesTab)
    return tab


def _choose(tab: GradesTab, name: str) -> int:
    unit = next(u for u in tab.units.units() if u.name == name)
    tab.units.set_unit(unit.id)
    return unit.id


def _grade(tab: GradesTab, row: int) -> Grade | None:
    return tab.model.value(row)[0]


def _colour(tab: GradesTab, row: int, col: Col = Col.GRADE) -> str:
    brush = tab.model.index(row, col).data(Qt.ItemDataRole.BackgroundRole)
    return brush.color().name() if brush is not None else ""


def test_grades_typed_with_digits_letters_and_delete_are_saved_and_come_back(page, qtbot):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    unit = _choose(tab, UNIT)
    table = tab.table
    assert tab.model.row(0).collective and table.currentIndex().row() == 1  # first person
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_2)  # Tốt, and down
    QTest.keyClick(table, Qt.Key.Key_1)  # Xuất sắc, and down
    assert (_grade(tab, 1), _grade(tab, 2), table.currentIndex().row()) == (
        Grade.GOOD, Grade.EXCELLENT, 3)  # fmt: skip
    QTest.keyClick(table, Qt.Key.Key_H)  # a letter opens the cell: "htt" then Enter
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    QTest.keyClicks(editor, "tt")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # Qt commits a cell on the next turn of the event loop
    assert _grade(tab, 3) is Grade.GOOD and table.currentIndex().row() == 4
    QTest.keyClick(table, Qt.Key.Key_4)
    table.go_to(4)
    QTest.keyClick(table, Qt.Key.Key_Delete)  # cleared again before saving
    assert _grade(tab, 4) is None and tab.model.pending_count() == 3
    assert _colour(tab, 1) == QColor(CHANGED_COLOUR).name()
    assert "3 dòng chưa lưu" in tab.counts.text() and "Tốt: 2" in tab.counts.text()

    QTest.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Lưu
    assert not tab.model.is_dirty() and "Đã lưu xếp loại: 3 mới" in tab.message.text()
    assert _colour(tab, 1) == ""
    names = [tab.model.row(i).name for i in (1, 2, 3)]
    grid = {r.name: r.grade for r in page.tab(0).services.evaluations.grid(unit, YEAR).rows}
    assert [grid[n] for n in names] == [Grade.GOOD, Grade.EXCELLENT, Grade.GOOD]
    tab.reload()  # F5: read again from the database
    assert [_grade(tab, i) for i in (1, 2, 3, 4)] == [Grade.GOOD, Grade.EXCELLENT, Grade.GOOD,
                                                       None]  # fmt: skip


def test_a_bad_word_in_the_cell_is_refused_with_a_message(page):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    _choose(tab, UNIT)
    tab.table.setFocus()
    QTest.keyClick(tab.table, Qt.Key.Key_G)
    editor = QApplication.focusWidget()
    QTest.keyClicks(editor, "ioi")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert _grade(tab, 1) is None and not tab.model.is_dirty()
    assert "«gioi» không phải mức xếp loại" in tab.message.text()


def test_a_column_pasted_from_excel_fills_down_and_a_bad_cell_pastes_nothing(page):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    _choose(tab, UNIT)
    tab.table.setFocus()
    tab.table.go_to(1)
    QGuiApplication.clipboard().setText("HTXS\r\nabc\r\nHT\r\n")
    QTest.keyClick(tab.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not tab.model.is_dirty()
    assert "Dòng 2: «abc» không phải mức xếp loại" in tab.message.text()

    QGuiApplication.clipboard().setText("HTXS\r\nHoàn thành tốt nhiệm vụ\r\nht\r\n")
    QTest.keyClick(tab.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [_grade(tab, i) for i in (1, 2, 3, 4)] == [Grade.EXCELLENT, Grade.GOOD,
                                                       Grade.COMPLETED, None]  # fmt: skip
    assert "Đã dán 3 dòng" in tab.message.text()
    tab.table.selectRow(5)  # one value pasted over a selection of several rows fills each
    tab.table.selectionModel().select(tab.model.index(6, Col.GRADE),
                                      tab.table.selectionModel().SelectionFlag.Select)  # fmt: skip
    tab.paste("KHT")
    assert _grade(tab, 5) is _grade(tab, 6) is Grade.NOT_COMPLETED
    tab.table.go_to(tab.model.rowCount() - 1)
    tab.paste("HT\nHT\nHT")
    assert "chỉ còn 1 dòng" in tab.message.text()
    tab.undo()  # Ctrl+Z takes back the last step only
    assert _grade(tab, 5) is None and _grade(tab, 1) is Grade.EXCELLENT
    tab.revert()  # Hủy thay đổi
    assert not tab.model.is_dirty() and _grade(tab, 1) is None


def test_set_for_whole_unit_names_the_unit_and_count(page, monkeypatch):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    _choose(tab, UNIT)
    tab.table.go_to(1)
    QTest.keyClick(tab.table, Qt.Key.Key_1)
    seen = {}

    def accept(dialog) -> int:  # type: ignore[no-untyped-def]
        seen["text"] = f"{dialog.windowTitle()} {dialog.findChild(object, 'ok_button').text()}"
        seen["intro"] = dialog.layout().itemAt(0).widget().text()
        return 1

    monkeypatch.setattr(set_grade_dialog.SetGradeDialog, "exec", accept)
    tab.set_for_unit()
    people = tab.model.rowCount() - 1
    assert f"«{UNIT}»" in seen["intro"] and f"Đặt cho {people - 1} người" in seen["text"]
    assert _grade(tab, 1) is Grade.EXCELLENT
    assert all(_grade(tab, i) is Grade.GOOD for i in range(2, tab.model.rowCount()))
    assert _grade(tab, 0) is None  # the collective keeps its own grade


def test_leaving_the_unit_with_unsaved_grades_asks_first(page, asked):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    thcs = _choose(tab, UNIT)
    tab.table.go_to(1)
    QTest.keyClick(tab.table, Qt.Key.Key_2)
    _choose(tab, "Trường Tiểu học Cát Thành")  # Hủy: stay on the THCS with the change
    assert asked[-1][1] and f"1 thay đổi xếp loại năm {YEAR} của «{UNIT}»" in asked[-1][0]
    assert tab.units.unit_id() == thcs and tab.model.is_dirty()

    asked.answer = SAVE
    th = _choose(tab, "Trường Tiểu học Cát Thành")
    assert tab.units.unit_id() == th and not tab.model.is_dirty()
    saved = tab.services.evaluations.grid(thcs, YEAR).rows[1]
    assert saved.grade is Grade.GOOD

    before = tab.services.evaluations.grid(th, YEAR)
    QTest.keyClick(tab.table, Qt.Key.Key_4)
    asked.answer = DISCARD
    _choose(tab, UNIT)
    assert tab.units.unit_id() == thcs and not tab.model.is_dirty()
    assert tab.services.evaluations.grid(th, YEAR) == before


def test_switching_tab_with_unsaved_grades_asks_save_or_drop(page, asked, qtbot):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    thcs = _choose(tab, UNIT)
    tab.table.go_to(1)
    QTest.keyClick(tab.table, Qt.Key.Key_1)
    asked.answer = SAVE
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked[0][1] is False  # the switch has happened: Lưu or Không lưu
    assert tab.services.evaluations.grid(thcs, YEAR).rows[1].grade is Grade.EXCELLENT
    assert tab.can_leave()


def test_a_save_refused_by_the_service_marks_the_row_and_keeps_the_changes(page, monkeypatch):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    _choose(tab, UNIT)
    shown: list[str] = []
    monkeypatch.setattr(grades_tab, "show_error", lambda _p, message: shown.append(message))
    tab.table.go_to(2)
    QTest.keyClick(tab.table, Qt.Key.Key_2)
    moved = tab.model.row(2)
    other = next(u for u in tab.units.units() if u.name == "Trường Tiểu học Cát Thành")
    tab.services.registry.move_people([moved.id], other.id)  # meanwhile, elsewhere
    tab.save()
    assert f"«{moved.name}» không thuộc «{UNIT}»" in shown[0]
    assert tab.model.is_dirty() and _colour(tab, 2) == QColor(ERROR_COLOUR).name()
    assert tab.table.currentIndex().row() == 2


def test_import_from_excel_previews_then_writes_every_row(page, tmp_path: Path):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    unit = _choose(tab, UNIT)
    people = [tab.model.row(i).name for i in (1, 2)]
    wb = openpyxl.Workbook()
    wb.active.append(["STT", "Họ và tên", "Xếp loại"])
    wb.active.append([1, people[0], "HTXS"])
    wb.active.append([2, people[1], "HTT"])
    wb.save(tmp_path / "xl.xlsx")
    dialog = GradeImportDialog(tab.services.evaluations, SyncTaskRunner(), tmp_path / "xl.xlsx",
                               unit, YEAR, False, unit_name=UNIT)  # fmt: skip
    assert dialog.table.rowCount() == 2 and dialog.import_button.isEnabled()
    assert "2 dòng hợp lệ" in dialog.summary.text()
    dialog.import_button.click()
    assert dialog.result_ is not None and dialog.result_.added == 2
    tab.reload()
    assert (_grade(tab, 1), _grade(tab, 2)) == (Grade.EXCELLENT, Grade.GOOD)


def test_import_with_a_name_not_in_the_unit_cannot_be_imported(page, tmp_path: Path):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    unit = _choose(tab, UNIT)
    wb = openpyxl.Workbook()
    wb.active.append(["Họ và tên", "Xếp loại"])
    wb.active.append(["Người Không Có", "HTXS"])
    wb.save(tmp_path / "xl.xlsx")
    dialog = GradeImportDialog(tab.services.evaluations, SyncTaskRunner(), tmp_path / "xl.xlsx",
                               unit, YEAR, False, unit_name=UNIT)  # fmt: skip
    assert not dialog.import_button.isEnabled()
    assert "1 dòng lỗi" in dialog.summary.text()
    assert "Không có «Người Không Có»" in dialog.table.item(0, 1).text()


def test_export_writes_the_saved_grid(page, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    unit = _choose(tab, UNIT)
    tab.services.evaluations.save(YEAR, unit, [GradeChange.unit(unit, Grade.EXCELLENT)])
    infos: list[str] = []
    monkeypatch.setattr(grades_tab, "show_info", lambda _p, message: infos.append(message))
    tab.ask_save = lambda _parent, _name: tmp_path / "out.xlsx"
    tab.export_excel()
    assert "Đã xuất" in infos[0]
    cells = [c for row in openpyxl.load_workbook(tmp_path / "out.xlsx").active.iter_rows(
        values_only=True) for c in row]  # fmt: skip
    assert UNIT in cells and "Hoàn thành xuất sắc nhiệm vụ" in cells


def test_a_group_of_units_shows_each_collective_and_everyone_below(page):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    _choose(tab, "Khối trường học")
    assert tab.below.isChecked()  # a folder of units has nobody of its own
    rows = [tab.model.row(i) for i in range(tab.model.rowCount())]
    assert [r.name for r in rows if r.collective] == [
        "Trường Mầm non Cát Thành", "Trường Tiểu học Cát Thành", UNIT]  # fmt: skip
    assert not tab.table.isColumnHidden(Col.UNIT)
    assert "tập thể đã xếp loại" in tab.counts.text()


def test_an_empty_commune_says_where_to_start(qtbot, context):  # type: ignore[no-untyped-def]
    tab = GradesTab(context.services, SyncTaskRunner(), lambda: None)
    qtbot.addWidget(tab)
    tab.reload()
    assert tab.stack.currentWidget() is tab.empty_page
    assert "Chưa có đơn vị nào" in tab.empty.text() and "Nhập từ Excel" in tab.empty.text()
    assert not tab.save_button.isEnabled() and not tab.set_all_button.isEnabled()
    tab.paste("HTXS")  # nothing to paste into: no error, no change
    assert tab.can_leave()


def test_closing_the_window_saves_first_and_stays_open_when_the_save_is_refused(
    make_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.set_year(YEAR)
    window.go_to("evaluations")
    page = window.current_page()
    tab = _tab(page)
    questions: list[str] = []
    answers = [SAVE]
    tab.ask = lambda _p, question, _stay: questions.append(question) or answers[-1]
    shown: list[str] = []
    monkeypatch.setattr(grades_tab, "show_error", lambda _p, message: shown.append(message))
    unit = _choose(tab, UNIT)
    tab.table.go_to(1)
    QTest.keyClick(tab.table, Qt.Key.Key_1)
    tab.table.go_to(2)
    QTest.keyClick(tab.table, Qt.Key.Key_2)
    moved = tab.model.row(2)
    other = next(u for u in tab.units.units() if u.name == "Trường Tiểu học Cát Thành")
    tab.services.registry.move_people([moved.id], other.id)  # meanwhile, elsewhere

    assert not window.close()  # Lưu, refused: the window stays with the changes on screen
    assert window.isVisible() and window.current_page() is page
    assert page.tabs.currentWidget() is tab and len(questions) == 1
    assert f"2 thay đổi xếp loại năm {YEAR} của «{UNIT}»" in questions[0]
    assert f"«{moved.name}» không thuộc «{UNIT}»" in shown[0]
    assert tab.model.pending_count() == 2 and _colour(tab, 2) == QColor(ERROR_COLOUR).name()
    assert tab.services.evaluations.grid(unit, YEAR).rows[1].grade is None  # nothing half-way

    tab.table.go_to(2)
    QTest.keyClick(tab.table, Qt.Key.Key_Delete)  # the moved person's grade is taken back
    assert window.close()  # Lưu again: saved, and the window goes
    assert not window.isVisible() and len(shown) == 1
    assert tab.services.evaluations.grid(unit, YEAR).rows[1].grade is Grade.EXCELLENT


def test_closing_the_window_can_drop_the_changes_or_stay(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.set_year(YEAR)
    window.go_to("evaluations")
    tab = _tab(window.current_page())
    answers = [STAY]
    tab.ask = lambda _p, _question, _stay: answers[-1]
    unit = _choose(tab, UNIT)
    tab.table.go_to(1)
    QTest.keyClick(tab.table, Qt.Key.Key_3)
    assert not window.close() and window.isVisible() and tab.model.is_dirty()  # Hủy
    answers.append(DISCARD)
    assert window.close() and not window.isVisible()  # Không lưu
    assert tab.services.evaluations.grid(unit, YEAR).rows[1].grade is None


def test_on_a_narrow_window_each_name_stays_beside_its_grade(page, qtbot):  # type: ignore[no-untyped-def]
    tab = _tab(page)
    page.resize(560, 500)
    qtbot.waitUntil(lambda: page.width() == 560)
    _choose(tab, "Khối trường học")  # the unit column too
    table, row = tab.table, tab.table.currentIndex().row()
    assert table.currentIndex().column() == Col.GRADE and not table.isColumnHidden(Col.UNIT)
    for col in (Col.NAME, Col.GRADE):
        assert table.viewport().rect().contains(table.visualRect(tab.model.index(row, col)))
    position = tab.model.index(row, Col.POSITION)
    assert position.data(Qt.ItemDataRole.ToolTipRole) == position.data()  # elided: whole here
