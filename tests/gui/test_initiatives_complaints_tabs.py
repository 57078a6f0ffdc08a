"""Sáng kiến and Khiếu nại – Kiểm tra as the officer uses them: empty states, adding and editing
through the dialogs, red messages at the fields, overdue cases in red, paused subjects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from emulation_desktop.domain.complaints import ComplaintInput
from emulation_desktop.domain.enums import (
    ComplaintKind,
    Gender,
    InitiativeKind,
    InitiativeScope,
    PersonKind,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.initiatives import AuthorInput, InitiativeInput
from emulation_desktop.domain.registry import PersonInput, UnitInput

from emulation_desktop.gui import application
from emulation_desktop.gui.evaluations import complaints_tab, initiatives_tab
from emulation_desktop.gui.evaluations.complaint_dialog import ComplaintDialog
from emulation_desktop.gui.evaluations.complaints_tab import ComplaintsTab
from emulation_desktop.gui.evaluations.initiative_dialog import InitiativeDialog
from emulation_desktop.gui.evaluations.initiatives_tab import InitiativesTab
from emulation_desktop.gui.pages.base import Action
from emulation_desktop.gui.pages.tabbed import TabbedSectionPage
from emulation_desktop.gui.registry.form import ERROR_COLOR
from emulation_desktop.gui.registry.history_view import person_html
from emulation_desktop.gui.sections import SECTION_BY_KEY
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 24)
YEAR = 2026


class Commune:
    """An empty commune with three people, the services' "today" fixed."""

    def __init__(self, context) -> None:  # type: ignore[no-untyped-def]
        application.create_qapplication()
        self.services = s = context.services
        for service in (s.registry, s.initiatives, s.complaints):
            service._today = lambda: TODAY
        self.unit = s.registry.create_unit(UnitInput("Văn phòng HĐND và UBND", UnitKind.OFFICE))
        self.people = {
            name: s.registry.create_person(PersonInput(name, Gender.FEMALE, kind, self.unit))
            for name, kind in (
                ("Nguyễn Thị Hằng", PersonKind.CONG_CHUC),
                ("Đặng Văn Dũng", PersonKind.CONG_CHUC),
                ("Lê Minh Tâm", PersonKind.VIEN_CHUC),
            )
        }
        self.changed = 0

    def page(self, qtbot) -> TabbedSectionPage:  # type: ignore[no-untyped-def]
        def changed() -> None:
            self.changed += 1

        page = TabbedSectionPage(
            SECTION_BY_KEY["evaluations"], self.services, SyncTaskRunner(), changed,
            tabs=[InitiativesTab, ComplaintsTab],
        )  # fmt: skip
        qtbot.addWidget(page)
        page.resize(1000, 650)
        page.set_year(YEAR)
        page.show()
        qtbot.waitExposed(page)
        page.activated()
        return page

    def initiative(self, title: str, *authors: str, recognised: bool = True) -> int:
        doc = {"doc_number": "112/QĐ-UBND", "doc_date": dt.date(YEAR, 11, 10)} if recognised else {}
        return self.services.initiatives.create(
            InitiativeInput(InitiativeKind.INITIATIVE, title, YEAR, InitiativeScope.BASE,
                            tuple(AuthorInput(self.people[a]) for a in authors), **doc)
        )  # fmt: skip

    def complaint(self, name: str | None, **kw) -> int:  # type: ignore[no-untyped-def]
        kw.setdefault("received_on", dt.date(YEAR, 10, 2))
        subject = (SubjectKind.PERSON, self.people[name]) if name else None
        return self.services.complaints.create(
            ComplaintInput(ComplaintKind.COMPLAINT, sender="Ông Trần Văn Bảy",
                           content="Khiếu nại kết quả bình xét.", subject=subject, **kw)
        )  # fmt: skip


@pytest.fixture
def commune(context) -> Commune:  # type: ignore[no-untyped-def]
    return Commune(context)


@pytest.fixture
def asked(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Message boxes block: confirmations say yes, errors and notices are recorded."""
    seen: list[str] = []
    for module in (initiatives_tab, complaints_tab):
        monkeypatch.setattr(module, "confirm", lambda _p, q, *a: seen.append(q) or True)
        monkeypatch.setattr(module, "show_info", lambda _p, m, *a: seen.append(m))
    monkeypatch.setattr(initiatives_tab, "show_error", lambda _p, m, *a: seen.append(m))
    return seen


def _run_dialog(monkeypatch, cls, fill: Callable) -> list:  # type: ignore[no-untyped-def, type-arg]
    """Replace exec(): the dialog is filled by `fill` and saved, as the officer would."""
    opened: list = []  # type: ignore[type-arg]

    def exec_(dialog) -> int:  # type: ignore[no-untyped-def]
        opened.append(dialog)
        fill(dialog)
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(cls, "exec", exec_)
    return opened


def _pick(picker, text: str) -> None:  # type: ignore[no-untyped-def]
    picker.edit.insert(text)  # Unikey commits composed text as insert() does
    picker.search_now()
    label = picker.completer.model().stringList()[0]
    picker.choose(label)


def _texts(tab, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [tab.table.item(r, column).text() for r in range(tab.table.rowCount())]


# Sáng kiến ------------------------------------------------------------------------------------


def test_the_empty_initiatives_tab_explains_and_offers_the_first_action(  # type: ignore[no-untyped-def]
    commune, qtbot, monkeypatch
) -> None:
    page = commune.page(qtbot)
    tab = page.tab(0)
    assert page.tabs.tabText(0) == "Sáng kiến" and page.tabs.tabText(1) == "Khiếu nại – Kiểm tra"
    assert tab.stack.currentIndex() == 1 and tab.empty_label.isVisible()
    assert "Chưa có sáng kiến" in tab.empty_label.text() and "2026" in tab.empty_label.text()
    assert "Chiến sĩ thi đua cơ sở" in tab.empty_label.text()
    opened = _run_dialog(monkeypatch, InitiativeDialog, lambda d: d.reject())
    tab.empty_button.click()
    assert len(opened) == 1 and opened[0].year_spin.value() == YEAR


def test_adding_an_initiative_through_the_dialog_lists_and_selects_it(  # type: ignore[no-untyped-def]
    commune, qtbot, monkeypatch
) -> None:
    page = commune.page(qtbot)
    tab = page.tab(0)

    def fill(d: InitiativeDialog) -> None:
        d.title_edit.insertPlainText("Số hóa  hồ sơ hộ tịch")
        _pick(d.authors.picker, "dang van")
        _pick(d.authors.picker, "hang")
        d.authors.table.cellWidget(0, 2).setValue(70)
        d.applied_from.insert("01/03/2026")
        d.doc_number.insert("112/QĐ-UBND")
        d.doc_date.insert("10/11/2026")
        d.doc_issuer.insert("UBND xã Cát Thành")

    opened = _run_dialog(monkeypatch, InitiativeDialog, fill)
    page.trigger(Action.ADD)  # Thêm mới in the toolbar, or Ctrl+N
    assert opened[0].result() == QDialog.DialogCode.Accepted
    assert tab.stack.currentIndex() == 0
    assert _texts(tab, 0) == ["Số hóa hồ sơ hộ tịch"]
    assert _texts(tab, 1) == ["Đặng Văn Dũng (70%), Nguyễn Thị Hằng"]
    assert _texts(tab, 3) == ["112/QĐ-UBND ngày 10/11/2026"]
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
        _pick(dialog.authors.picker, name)
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
    assert _texts(tab, 0) == ["Bản đồ số di tích", "Ứng dụng Zalo OA trả kết quả"]
    assert _texts(tab, 3)[0] == "Chưa công nhận"
    assert "Chưa có văn bản công nhận" in tab.detail.toPlainText()
    tab.search.setText("le minh")
    assert _texts(tab, 0) == ["Bản đồ số di tích"]
    tab.search.setText("khong ai")
    assert tab.table.rowCount() == 0 and "khớp" in tab.detail.toPlainText()
    tab.search.clear()

    def fill(d: InitiativeDialog) -> None:
        assert d.windowTitle() == "Sửa sáng kiến, đề tài"
        d.title_edit.selectAll()
        d.title_edit.insertPlainText("Ứng dụng Zalo OA trả kết quả thủ tục hành chính")

    opened = _run_dialog(monkeypatch, InitiativeDialog, fill)
    tab.table.setCurrentCell(1, 0)
    rect = tab.table.visualItemRect(tab.table.item(1, 0))
    for click in (QTest.mouseClick, QTest.mouseDClick):  # Qt needs the first click too
        click(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(opened) == 1
    assert _texts(tab, 0)[1] == "Ứng dụng Zalo OA trả kết quả thủ tục hành chính"
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
    assert _texts(tab, 0) == ["Ứng dụng Zalo OA"]


def test_the_authors_history_lists_their_initiatives(commune, qtbot) -> None:  # type: ignore[no-untyped-def]
    commune.initiative("Ứng dụng Zalo OA", "Nguyễn Thị Hằng", "Đặng Văn Dũng")
    detail = commune.services.registry.person_detail(commune.people["Đặng Văn Dũng"])
    html = person_html(detail)
    assert "Sáng kiến, đề tài khoa học (1)" in html and "Ứng dụng Zalo OA" in html
    assert "112/QĐ-UBND ngày 10/11/2026" in html and "Nguyễn Thị Hằng" in html
    nobody = commune.services.registry.person_detail(commune.people["Lê Minh Tâm"])
    assert "Chưa có sáng kiến, đề tài nào." in person_html(nobody)


# Khiếu nại – Kiểm tra -------------------------------------------------------------------------


def test_the_empty_register_explains_that_open_cases_pause_nominations(commune, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = commune.page(qtbot)
    page.tabs.setCurrentIndex(1)
    tab = page.tab(1)
    assert tab.stack.currentIndex() == 1 and tab.empty_button.text() == "Ghi vụ việc mới…"
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
        _pick(d.subject, "hang")

    _run_dialog(monkeypatch, ComplaintDialog, fill)
    tab.add()
    assert _texts(tab, 3) == ["Nguyễn Thị Hằng"]
    assert _texts(tab, 5) == ["Quá hạn 23 ngày"]
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
    assert tab.table.item(0, 3).foreground().color() == QColor(complaints_tab.PAUSED_COLOR)

    def fill(d: ComplaintDialog) -> None:
        assert d.windowTitle() == "Sửa vụ việc" and d.subject.subject() is not None
        d.result_edit.insertPlainText("Giữ nguyên kết quả bình xét.")
        d.closed_on.insert("20/11/2026")

    _run_dialog(monkeypatch, ComplaintDialog, fill)
    tab.edit_button.click()
    assert _texts(tab, 5) == ["Đã kết thúc 20/11/2026"]
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
