"""Hội đồng TĐKT driven as the officer does: compositions (add, kiện toàn, the history a closed
meeting freezes) and the meeting of a round: roll call, counts typed and pasted, the council's
own decisions, closing and reopening, and the question before unsaved counts are lost."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from emulation_desktop.domain.enums import RoundStatus, SubjectKind
from emulation_desktop.store.models import PersonRow
from tests.award_data import round_with
from tests.gui.tab_helpers import drive, record_messages, tab_in_page

from emulation_desktop.gui.council import composition_tab, meeting_actions, meeting_tab
from emulation_desktop.gui.council.composition_tab import CompositionTab
from emulation_desktop.gui.council.council_dialog import CouncilDialog
from emulation_desktop.gui.council.decision_dialog import CouncilDecisionDialog
from emulation_desktop.gui.council.meeting_tab import MeetingTab
from emulation_desktop.gui.council.tally_model import ERROR_COLOUR, Col
from emulation_desktop.gui.evaluations.unsaved import SAVE
from emulation_desktop.gui.pages.tabbed import TabbedSectionPage
from emulation_desktop.gui.sections import SECTION_BY_KEY
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui
YEAR = 2026
TODAY = dt.date(2026, 12, 20)


def _page(qtbot, services, width: int = 890):  # type: ignore[no-untyped-def]
    services.council._today = lambda: TODAY
    page = TabbedSectionPage(SECTION_BY_KEY["council"], services, SyncTaskRunner(), lambda: None,
                             [CompositionTab, MeetingTab])  # fmt: skip
    qtbot.addWidget(page)
    page.resize(width, 640)
    page.set_year(YEAR)
    page.show()
    qtbot.waitExposed(page)
    page.activated()
    return page


def _round(context, n: int = 5, codes: tuple[str, ...] = ()) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    with context.database.session_scope() as s:
        people = list(s.scalars(select(PersonRow.id).where(PersonRow.active.is_(True)).limit(n)))
    codes = codes or ("LDTT",) * n
    items = [(SubjectKind.PERSON, p, c) for p, c in zip(people, codes, strict=True)]
    return round_with(context.database, YEAR, items, RoundStatus.SUBMITTED)


@pytest.fixture
def meeting(qtbot, demo_context):  # type: ignore[no-untyped-def]
    """The meeting tab on a round of five LĐTT submitted to the demo council (13 voting)."""
    round_id, ids = _round(demo_context)
    page = _page(qtbot, demo_context.services)
    page.tabs.setCurrentIndex(1)
    tab = page.current()
    assert isinstance(tab, MeetingTab)
    return tab, round_id, ids


def _type(table, text: str) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(table, text[0])
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # Qt commits a cell on the next turn of the event loop


def _results(tab: MeetingTab) -> list[str]:
    return [tab.model.index(r, Col.RESULT).data() for r in range(tab.model.rowCount())]


# Compositions -------------------------------------------------------------------------------------


def test_a_commune_without_a_council_is_told_what_to_enter(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    tab = tab_in_page(qtbot, context.services, CompositionTab, YEAR, "council")
    assert tab.stack.currentIndex() == 1
    assert "Chưa có thành phần Hội đồng Thi đua – Khen thưởng nào" in tab.empty_label.text()


def test_the_dialog_refuses_a_council_without_chair_and_saves_once_corrected(  # type: ignore[no-untyped-def]
    qtbot, context, monkeypatch
) -> None:
    tab = tab_in_page(qtbot, context.services, CompositionTab, YEAR, "council")
    messages: list[str] = []

    def fill(d: CouncilDialog) -> None:
        d.valid_from.setText("10/07/2025")
        d.decision.setText("Quyết định số 15/QĐ-UBND ngày 10/7/2025")
        for name in ("Nguyễn Văn Hùng", "Bùi Thị Hạnh"):
            d.members.add_empty()
            d.members.table.item(d.members.table.rowCount() - 1, 0).setText(name)
        d.members.table.cellWidget(1, 2).setCurrentIndex(4)  # Thư ký
        assert d.members.members()[1].voting is False
        d.save_button.click()
        messages.append(d.errors.message("members"))
        d.members.table.cellWidget(0, 2).setCurrentIndex(0)  # Chủ tịch Hội đồng
        d.save_button.click()

    drive(monkeypatch, CouncilDialog, fill)
    tab.add()
    assert "cần một Chủ tịch Hội đồng" in messages[0]
    assert len(tab.items) == 1 and tab.stack.currentIndex() == 0
    assert [tab.members.item(r, 1).text() for r in range(2)] == ["Nguyễn Văn Hùng",
                                                                 "Bùi Thị Hạnh"]  # fmt: skip
    assert tab.members.item(1, 3).text() == "Thư ký (không biểu quyết)"


def test_kien_toan_copies_the_composition_and_a_used_one_is_read_only(  # type: ignore[no-untyped-def]
    qtbot, demo_context, monkeypatch
) -> None:
    page = _page(qtbot, demo_context.services)
    tab = page.current()
    assert isinstance(tab, CompositionTab)
    current = tab.current()
    assert current is not None and current.locked  # the demo's meetings used it
    assert not tab.edit_button.isEnabled() and "Kiện toàn" in tab.lock_note.text()

    def fill(d: CouncilDialog) -> None:
        assert d.windowTitle() == "Kiện toàn Hội đồng"
        assert len(d.members.members()) == len(current.members)
        d.valid_from.setText("25/11/2026")
        d.decision.setText("Quyết định số 130/QĐ-UBND ngày 25/11/2026")
        d.save_button.click()

    drive(monkeypatch, CouncilDialog, fill)
    tab.renew()
    assert len(tab.items) == 3
    new = tab.current()
    assert new is not None and new.valid_from == dt.date(2026, 11, 25) and not new.locked
    assert [m.name for m in new.members] == [m.name for m in current.members]
    assert tab.edit_button.isEnabled() and tab.delete_button.isEnabled()
    said = record_messages(monkeypatch, composition_tab)
    tab.delete()
    assert said[0].startswith("Xóa thành phần Hội đồng theo «Quyết định số 130/QĐ-UBND")
    assert len(tab.items) == 2


def test_the_members_list_goes_to_excel(qtbot, demo_context, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context.services)
    tab = page.current()
    said = record_messages(monkeypatch, composition_tab)
    tab.ask_save = lambda _p, suggested: tmp_path / suggested
    tab.export()
    assert said == [f"Đã xuất {len(tab.current().members)} thành viên ra tệp «Thành phần Hội "
                    "đồng TĐKT từ 01-07-2025.xlsx»."]  # fmt: skip


# The meeting --------------------------------------------------------------------------------------


def test_no_round_before_the_council_says_where_to_submit_one(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context.services)
    page.tabs.setCurrentIndex(1)
    tab = page.current()
    assert tab.stack.currentIndex() == 1
    assert tab.empty.text() == (
        "Chưa có đợt xét nào đã trình Hội đồng trong năm 2026. Lập danh sách và bấm «Trình Hội "
        "đồng» ở mục Đề nghị khen thưởng."
    )


def test_the_roll_call_updates_the_quorum_live(meeting) -> None:  # type: ignore[no-untyped-def]
    tab, _rid, _ids = meeting
    assert tab.steps.currentIndex() == 0  # no meeting yet: step 1 first
    assert "Chưa mở cuộc họp xét" in tab.banner.text()
    assert "Có mặt 13/13 thành viên có quyền biểu quyết — đủ điều kiện (cần 9)" in (
        tab.summary.text())  # fmt: skip
    members = tab.form.council.members  # type: ignore[union-attr]
    for m in members[3:8]:
        tab.form.set_present(m.id, False, "Đi công tác")
    assert "Có mặt 8/13" in tab.summary.text() and "chưa đủ điều kiện họp (cần 9)" in (
        tab.summary.text())  # fmt: skip
    assert tab.unsaved_question() is not None


def test_counts_typed_give_live_results_and_are_saved_with_the_meeting(meeting, monkeypatch) -> (  # type: ignore[no-untyped-def]
    None
):  # fmt: skip
    tab, rid, _ids = meeting
    tab.add()  # to the tally, on the first line
    table = tab.table
    for text in ("9", "8", "13"):
        _type(table, text)
    assert table.currentIndex().row() == 3
    assert _results(tab)[:3] == ["Đạt", "Không đạt", "Đạt"]
    assert "cần 9 phiếu đồng ý" in tab.thresholds.text()
    assert "3 thay đổi chưa lưu" in tab.summary.text()
    QTest.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Lưu
    sheet = tab.services.council.sheet(rid)
    assert sheet.meeting is not None and [c.votes for c in sheet.candidates][:3] == [9, 8, 13]
    assert not tab.model.is_dirty() and tab.unsaved_question() is None
    assert tab.banner.isHidden()


def test_a_count_above_those_present_is_marked_and_refused(meeting, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab, rid, _ids = meeting
    said = record_messages(monkeypatch, meeting_tab, meeting_actions)
    tab.add()
    _type(tab.table, "20")
    brush = tab.model.index(0, Col.VOTES).data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == QColor(ERROR_COLOUR).name()
    tab.save()
    assert "Số phiếu đồng ý (20) lớn hơn số thành viên có mặt (13)" in said[0]
    assert tab.services.council.sheet(rid).meeting is None  # nothing half-saved
    assert tab.model.is_dirty()


def test_a_column_pasted_from_excel_fills_the_counts(meeting, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab, _rid, _ids = meeting
    said = record_messages(monkeypatch, meeting_tab, meeting_actions)
    tab.add()
    tab.paste("9\r\n10\r\nmười\r\n")
    assert "dòng 3 của dữ liệu dán: «mười» không phải số phiếu" in said[0]
    assert not tab.model.is_dirty()
    tab.paste("9\r\n10\r\n4\r\n")
    assert [tab.model.value(i)[0] for i in range(4)] == [9, 10, 4, None]
    assert "Đã dán 3 dòng" in tab.hint.text()


def test_the_council_decides_otherwise_only_with_a_reason(meeting, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab, rid, _ids = meeting
    tab.add()
    _type(tab.table, "12")
    tab.table.go_to(0)

    def decide(d: CouncilDecisionDialog) -> None:
        d.failed.setChecked(True)
        d.save_button.click()
        assert "phải ghi lý do" in d.errors.message("reason")
        d.reason_edit.setPlainText("Đang có đơn tố cáo chưa giải quyết xong")
        d.save_button.click()

    drive(monkeypatch, CouncilDecisionDialog, decide)
    tab.decide()
    assert _results(tab)[0] == "Không đạt (Hội đồng quyết định)"
    tab.save()
    candidate = tab.services.council.sheet(rid).candidates[0]
    assert (candidate.choice, candidate.reason) == (
        False,
        "Đang có đơn tố cáo chưa giải quyết xong",
    )


def test_closing_freezes_the_results_and_reopening_unfreezes_them(meeting, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab, rid, _ids = meeting
    said = record_messages(monkeypatch, meeting_tab, meeting_actions)
    tab.form.issued.setValue(13)
    tab.form.valid.setValue(13)
    tab.add()
    tab.paste("13\r\n13\r\n12\r\n9\r\n3\r\n")
    tab.close_meeting()  # saves first, then closes
    assert said[0].startswith("Kết thúc cuộc họp xét «Xét khen thưởng cuối năm 2026»?")
    assert "4 đạt, 1 không đạt" in said[0]
    assert said[1].startswith("Đã kết thúc cuộc họp xét")
    assert tab.sheet is not None and tab.sheet.closed and tab.model.read_only
    assert "Cuộc họp đã kết thúc" in tab.banner.text()
    assert tab.reopen_button.isVisible() and not tab.close_button.isVisible()
    assert tab.services.council.minutes(rid).final
    tab.reopen()
    assert tab.sheet is not None and not tab.sheet.closed and not tab.model.read_only
    assert tab.sheet.round.status is RoundStatus.SUBMITTED


def test_leaving_with_unsaved_counts_asks_first(meeting) -> None:  # type: ignore[no-untyped-def]
    tab, rid, _ids = meeting
    asked: list[str] = []
    tab.ask = lambda _p, question, _stay: asked.append(question) or SAVE
    tab.add()
    _type(tab.table, "11")
    tab.reload()  # F5
    assert asked and "1 dòng kiểm phiếu" in asked[0]
    assert tab.services.council.sheet(rid).candidates[0].votes == 11


def test_the_tabs_fit_a_narrow_window(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    _round(demo_context, 30)
    page = _page(qtbot, demo_context.services, width=580)
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        assert page.tab(i).minimumSizeHint().width() <= 580
    tab = page.current()
    assert isinstance(tab, MeetingTab)
    tab.steps.setCurrentIndex(1)
    QApplication.processEvents()
    assert tab.table.horizontalScrollBar().maximum() == 0
    shown = [c for c in Col if not tab.table.isColumnHidden(c)]
    assert {Col.NAME, Col.VOTES, Col.RESULT} <= set(shown)


def test_closing_is_refused_with_what_is_missing(meeting, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab, rid, _ids = meeting
    said = record_messages(monkeypatch, meeting_tab, meeting_actions)
    tab.add()
    tab.paste("13\r\n13\r\n12\r\n9\r\n")
    tab.close_meeting()  # the fifth line has no count: said before any question
    assert said == ["Chưa kết thúc được cuộc họp: còn 1 đề nghị chưa nhập số phiếu. Hãy nhập đủ "
                    "rồi bấm «Kết thúc cuộc họp»."]  # fmt: skip
    assert tab.sheet is not None and not tab.sheet.closed and tab.model.is_dirty()
    tab.table.go_to(4)
    tab.paste("11\r\n")
    tab.close_meeting()  # counted now; saved, but no ballots were entered
    assert "Hội đồng bỏ phiếu kín: hãy nhập số phiếu phát ra" in said[-1]
    assert tab.sheet is not None and not tab.sheet.closed and not tab.model.is_dirty()
    assert tab.services.council.sheet(rid).candidates[3].votes == 9
