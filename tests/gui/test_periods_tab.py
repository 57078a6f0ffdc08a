"""Kỷ luật – Thai sản: the year's list, search, and the form that refuses wrong dates at the
field, as the officer meets it."""

from __future__ import annotations

import datetime as dt

import pytest

from emulation_desktop.domain.enums import PeriodKind
from emulation_desktop.domain.text import fold

from emulation_desktop.gui.evaluations.period_dialog import PeriodDialog
from emulation_desktop.gui.evaluations.periods_tab import PeriodsTab
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui
YEAR = 2026


@pytest.fixture
def tab(qtbot, demo_context) -> PeriodsTab:  # type: ignore[no-untyped-def]
    tab = PeriodsTab(demo_context.services, SyncTaskRunner(), lambda: None)
    qtbot.addWidget(tab)
    tab.set_year(YEAR)
    tab.resize(1000, 600)
    tab.show()
    qtbot.waitExposed(tab)
    tab.reload()
    return tab


def _names(tab: PeriodsTab) -> list[str]:
    return [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]


def _fill(dialog: PeriodDialog, person: str, kind: PeriodKind, start: str, end: str = "",
          form: str = "") -> None:  # fmt: skip
    dialog.person.edit.setText(person)
    dialog.person.search_now()
    label = next(label for label in dialog.person._found if label.startswith(person))
    dialog.person.choose(label)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.form.setCurrentText(form)
    dialog.start.setText(start)
    dialog.end.setText(end)


def test_the_years_periods_are_listed_searched_and_filtered(tab) -> None:  # type: ignore[no-untyped-def]
    everyone = _names(tab)
    assert everyone and tab.count.text() == f"{len(everyone)} dòng"
    first = everyone[0]
    tab.search.setText(fold(first.split()[-1]))  # accents optional
    assert first in _names(tab)
    tab.search.clear()
    tab.kind.setCurrentIndex(tab.kind.findData(PeriodKind.LEAVE))
    assert tab.table.rowCount() == 0 and tab.stack.currentWidget() is tab.empty_page
    assert "Chưa có thời gian «nghỉ dài hạn khác» nào trong năm 2026" in tab.empty.text()
    assert "Thêm mới" in tab.empty.text() and not tab.edit_button.isEnabled()


def test_adding_a_period_through_the_form_lists_it_selected(tab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def officer(dialog: PeriodDialog) -> int:
        _fill(dialog, "Đinh Thị Huệ", PeriodKind.DISCIPLINE, "01/03/2026", "", "Cảnh cáo")
        dialog.document.setText("Quyết định số 15/QĐ-UBND ngày 28/02/2026")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(PeriodDialog, "exec", officer)
    tab.add()
    item = tab.current()
    assert item is not None and item.person_name == "Đinh Thị Huệ"
    assert (item.form, item.end, item.start) == ("Cảnh cáo", None, dt.date(2026, 3, 1))
    row = tab.table.currentRow()
    assert tab.table.item(row, 5).text() == "chưa kết thúc"


def test_end_before_start_and_overlap_are_shown_at_the_field(tab) -> None:  # type: ignore[no-untyped-def]
    services = tab.services
    dialog = PeriodDialog(services.periods, services.subjects, SyncTaskRunner())
    _fill(dialog, "Đinh Thị Huệ", PeriodKind.MATERNITY, "01/06/2026", "01/05/2026")
    dialog.save_button.click()
    assert dialog.errors.message("end").startswith("Ngày kết thúc 01/05/2026 trước ngày bắt đầu")
    dialog.end.setText("31/13/2026")
    dialog.save_button.click()
    assert "không có trên lịch" in dialog.errors.message("end")
    dialog.end.setText("30/11/2026")
    dialog.save_button.click()
    assert dialog.saved_id is not None

    again = PeriodDialog(services.periods, services.subjects, SyncTaskRunner())
    _fill(again, "Đinh Thị Huệ", PeriodKind.MATERNITY, "01/11/2026", "")
    again.save_button.click()
    assert again.errors.message("start").startswith(
        "Trùng với thời gian nghỉ thai sản từ 01/06/2026 đến 30/11/2026"
    )
    assert again.saved_id is None
    blank = PeriodDialog(services.periods, services.subjects, SyncTaskRunner())
    blank.start.setText("01/01/2026")
    blank.save_button.click()
    assert blank.errors.message("person").startswith("Hãy chọn cá nhân")
    assert "hình thức kỷ luật" in blank.errors.message("form")


def test_delete_asks_naming_the_person_and_the_dates(tab) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    answers = iter([False, True])
    tab.confirm = lambda _parent, question, _yes: (asked.append(question), next(answers))[1]
    tab.table.selectRow(0)
    item = tab.current()
    assert item is not None
    before = tab.table.rowCount()
    tab.delete()
    assert tab.table.rowCount() == before  # Hủy
    assert asked[0].startswith(f"Xóa thời gian {item.kind.label.lower()}")
    assert f"{item.span} của «{item.person_name}»?" in asked[0]
    tab.delete()
    assert tab.table.rowCount() == before - 1
    assert tab.services.periods.get(item.id) is None


def test_editing_keeps_the_record_and_shows_the_new_end(tab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab.table.selectRow(0)
    item = tab.current()
    assert item is not None

    def officer(dialog: PeriodDialog) -> int:
        assert dialog.person.subject() is not None and dialog.start.text() == item.start_text
        dialog.end.setText("31/12/2026")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(PeriodDialog, "exec", officer)
    tab.edit()
    updated = tab.services.periods.get(item.id)
    assert updated is not None and updated.end == dt.date(2026, 12, 31)
    assert tab.current() is not None and tab.current().id == item.id
