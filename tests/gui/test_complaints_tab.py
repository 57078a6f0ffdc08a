"""Khiếu nại – Kiểm tra as the officer uses it: the empty state, the default deadline and the
paused subject, red messages at the fields, overdue cases in red, closing a case, the status
filter and earlier open cases."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog

from emulation_desktop.domain.enums import (
    ComplaintKind,
)
from tests.gui.records_commune import YEAR, Commune, column_texts, pick_first
from tests.gui.tab_helpers import drive, record_messages

from emulation_desktop.gui.evaluations import complaints_tab, record_tab
from emulation_desktop.gui.evaluations.complaint_dialog import ComplaintDialog
from emulation_desktop.gui.registry.form import ERROR_COLOR
from emulation_desktop.gui.tasks import SyncTaskRunner
from emulation_desktop.gui.widgets.detail_html import PENDING_COLOR

pytestmark = pytest.mark.gui


@pytest.fixture
def commune(context) -> Commune:  # type: ignore[no-untyped-def]
    return Commune(context)


@pytest.fixture
def asked(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Message boxes block: confirmations say yes, errors and notices are recorded."""
    return record_messages(monkeypatch, complaints_tab, record_tab)


def test_the_empty_register_explains_that_open_cases_pause_nominations(commune, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = commune.page(qtbot)
    page.tabs.setCurrentIndex(1)
    tab = page.tab(1)
    assert tab.stack.currentIndex() == 1 and tab.empty_button.text() == "Thêm mới"
    assert "tạm dừng xét khen thưởng" in tab.empty_label.text()
    assert "Nghị định 152/2025/NĐ-CP" in tab.banner.text()
    assert "không có đối tượng nào bị tạm dừng" in tab.banner.text()


def test_a_new_complaint_gets_its_default_deadline_and_pauses_its_subject(  # type: ignore[no-untyped-def]
    commune, qtbot, monkeypatch
) -> None:
    page = commune.page(qtbot)
    page.tabs.setCurrentIndex(1)
    tab = page.tab(1)

    def fill(d: ComplaintDialog) -> None:
        d.received.selectAll()
        d.received.insert("02/10/2026")
        assert d.deadline.text() == "01/11/2026"  # 30 days for a complaint
        d.kind.setCurrentIndex(d.kind.findData(ComplaintKind.INSPECTION.value))
        assert d.deadline.text() == "" and "kế hoạch" in d.deadline_hint.text()
        assert d.sender_label.text() == "Cơ quan kiểm tra, giám sát:"
        d.kind.setCurrentIndex(d.kind.findData(ComplaintKind.PETITION.value))
        assert d.deadline.text() == "17/10/2026"  # 15 days for a petition
        d.kind.setCurrentIndex(d.kind.findData(ComplaintKind.COMPLAINT.value))
        d.sender_edit.insert("Ông Trần Văn Bảy")
        d.content.insertPlainText("Khiếu nại việc không được bình xét.")
        pick_first(d.subject, "hang")

    drive(monkeypatch, ComplaintDialog, then_save=True, act=fill)
    tab.add()
    assert column_texts(tab, 3) == ["Nguyễn Thị Hằng"]
    assert column_texts(tab, 5) == ["Quá hạn 23 ngày"]
    for column in (4, 5):
        assert tab.table.item(0, column).foreground().color() == QColor(ERROR_COLOR)
    assert "Đang tạm dừng 1 đối tượng: Nguyễn Thị Hằng" in tab.banner.text()
    assert "Đang tạm dừng xét khen thưởng" in tab.detail.toPlainText()


def test_a_typed_deadline_is_kept_when_the_kind_changes(commune, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ComplaintDialog(commune.services, SyncTaskRunner())
    qtbot.addWidget(dialog)
    assert dialog.received.text() == "24/11/2026" and dialog.deadline.text() == "24/12/2026"
    dialog.deadline.selectAll()
    dialog.deadline.insert("05/12/2026")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ComplaintKind.DENUNCIATION.value))
    assert dialog.deadline.text() == "05/12/2026"


@pytest.mark.parametrize(
    ("fill", "field", "words"),
    [
        (lambda d: None, "sender", "người gửi đơn"),
        (lambda d: d.subject.edit.insert("khong co ai"), "subject", "Chưa chọn đối tượng"),
        (lambda d: (d.deadline.selectAll(), d.deadline.insert("01/01/2026")), "deadline",
         "trước ngày nhận"),
        (lambda d: d.closed_on.insert("20/11/2026"), "result", "trước khi kết thúc"),
        (lambda d: (d.result_edit.insertPlainText("Xong"), d.closed_on.insert("01/01/2026")),
         "closed_on", "trước ngày nhận"),
        (lambda d: d.closed_on.insert("32/11/2026"), "closed_on", "không có trên lịch"),
    ],
)  # fmt: skip
def test_bad_complaint_input_is_shown_at_the_field_and_nothing_saved(  # type: ignore[no-untyped-def]
    commune, qtbot, fill, field, words
) -> None:
    dialog = ComplaintDialog(commune.services, SyncTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    if field != "sender":
        dialog.sender_edit.insert("Ông Trần Văn Bảy")
        dialog.content.insertPlainText("Khiếu nại.")
    fill(dialog)
    dialog.save_button.click()
    assert words in dialog.errors.message(field)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert commune.services.complaints.list(YEAR) == []


def test_closing_a_case_through_the_dialog_lifts_the_pause(commune, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    commune.complaint("Lê Minh Tâm", deadline=dt.date(YEAR, 12, 1))
    page = commune.page(qtbot)
    page.tabs.setCurrentIndex(1)
    tab = page.tab(1)
    assert "Lê Minh Tâm" in tab.banner.text()
    assert tab.table.item(0, 3).foreground().color() == QColor(PENDING_COLOR)

    def fill(d: ComplaintDialog) -> None:
        assert d.windowTitle() == "Sửa vụ việc" and d.subject.subject() is not None
        d.result_edit.insertPlainText("Giữ nguyên kết quả bình xét.")
        d.closed_on.insert("20/11/2026")

    drive(monkeypatch, ComplaintDialog, then_save=True, act=fill)
    tab.edit_button.click()
    assert column_texts(tab, 5) == ["Đã kết thúc 20/11/2026"]
    assert "không có đối tượng nào bị tạm dừng" in tab.banner.text()
    assert commune.services.complaints.paused_subjects() == {}


def test_status_filter_and_earlier_open_cases(commune, qtbot, asked) -> None:  # type: ignore[no-untyped-def]
    commune.complaint("Nguyễn Thị Hằng", deadline=dt.date(YEAR, 11, 1))
    commune.complaint(None, received_on=dt.date(YEAR - 1, 12, 20))
    commune.complaint(None, result="Đã trả lời", closed_on=dt.date(YEAR, 10, 20))
    page = commune.page(qtbot)
    page.tabs.setCurrentIndex(1)
    tab = page.tab(1)
    assert tab.table.rowCount() == 3
    assert "1 từ năm trước chưa kết thúc" in tab.count_label.text()
    filt = tab.status_filter
    for label, rows in (("Quá hạn", 1), ("Đã kết thúc", 1), ("Đang giải quyết", 2)):
        filt.setCurrentIndex(filt.findText(label))
        assert tab.table.rowCount() == rows, label
    filt.setCurrentIndex(0)
    tab.table.setCurrentCell(0, 0)
    tab.delete_button.click()
    assert asked[-1] == "Xóa khiếu nại ngày 02/10/2026 của «Ông Trần Văn Bảy» khỏi sổ theo dõi?"
    assert tab.table.rowCount() == 2
