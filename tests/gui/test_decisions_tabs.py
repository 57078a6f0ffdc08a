"""Quyết định as the officer uses it: the empty states, a decision from a voted round with its
preview, money and refusals at the fields, the public notice override, a correcting decision,
a tờ trình exported to a USB folder, sent and answered, the award register and the document
register."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from emulation_desktop.domain.enums import DocType, RoundKind
from emulation_desktop.store.award_models import NominationRoundRow
from tests.gui.tab_helpers import drive, pick, record_messages, tab_in_page
from tests.unit.test_decision_data import DAY, H, P, commune, counts, mixed, signed, voted

from emulation_desktop.gui.decisions import decisions_tab, proposals_tab, register_tabs
from emulation_desktop.gui.decisions.correction_dialog import CorrectionDialog
from emulation_desktop.gui.decisions.decisions_tab import DecisionsTab
from emulation_desktop.gui.decisions.higher_award_dialog import HigherAwardDialog
from emulation_desktop.gui.decisions.issue_dialog import IssueDialog
from emulation_desktop.gui.decisions.proposal_dialogs import (
    AnswerDialog,
    ExportDialog,
    ProposalDialog,
    SentDialog,
)
from emulation_desktop.gui.decisions.proposals_tab import ProposalsTab
from emulation_desktop.gui.decisions.register_tabs import (
    AwardRegisterTab,
    DocRegisterTab,
    ExternalNumberDialog,
)
from emulation_desktop.gui.evaluations import record_tab
from emulation_desktop.gui.registry.form import ERROR_COLOR

pytestmark = pytest.mark.gui


@pytest.fixture
def said(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    return record_messages(monkeypatch, decisions_tab, proposals_tab, register_tabs, record_tab)


def _tab(qtbot, context, cls):  # type: ignore[no-untyped-def]
    return tab_in_page(qtbot, context.services, cls, 2026, section="decisions")


def _type_date(field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setText(text)
    field.editingFinished.emit()


def _cells(tab, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [tab.table.item(r, column).text() for r in range(tab.table.rowCount())]


def test_empty_tabs_say_what_goes_there(context, qtbot, said) -> None:  # type: ignore[no-untyped-def]
    commune(context)
    tab = _tab(qtbot, context, DecisionsTab)
    assert tab.stack.currentIndex() == 1 and tab.empty_button.text() == "Ra quyết định…"
    assert "Chưa có quyết định khen thưởng nào trong năm 2026" in tab.empty_label.text()
    tab.add()
    assert said == [decisions_tab.NO_ROUND]
    proposals = _tab(qtbot, context, ProposalsTab)
    assert "Lập tờ trình…" in proposals.empty_label.text()
    register = _tab(qtbot, context, AwardRegisterTab)
    assert "khen thưởng của cấp trên" in register.empty_label.text()
    documents = _tab(qtbot, context, DocRegisterTab)
    assert "Thêm số từ sổ văn thư…" in documents.empty_label.text()


def test_a_decision_from_a_voted_round(context, qtbot, monkeypatch, said) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    voted(context, mixed(c))
    tab = _tab(qtbot, context, DecisionsTab)

    def fill(d: IssueDialog) -> None:
        _type_date(d.issued_on, "15/12/2026")
        preview = d.view.toPlainText()
        assert "Thuộc thẩm quyền Chủ tịch UBND xã (4)" in preview
        assert "Vượt thẩm quyền: trình cấp trên (1)" in preview
        assert "Tổng tiền thưởng: 5.190.000 đồng" in preview
        assert "Năm triệu một trăm chín mươi nghìn đồng" in preview
        assert d.signer.name.text() == "Nguyễn Văn Hùng" and d.signer.title.text() == "Chủ tịch"
        d.signer.choice.setCurrentIndex(1)  # the vice-chairman signs "KT. CHỦ TỊCH"
        assert d.signer.variant.currentData() == "kt"
        assert d.bases.toPlainText().startswith("Căn cứ Luật Tổ chức chính quyền địa phương")
        assert d.summary.text().startswith("Về việc công nhận danh hiệu")
        assert d.override.isHidden()

    drive(monkeypatch, IssueDialog, fill, then_save=True)
    tab.add()
    assert _cells(tab, 0) == ["01/QĐ-UBND"] and _cells(tab, 4) == ["5.190.000"]
    detail = tab.detail.toPlainText()
    assert "Trần Thị Thu" in detail and "Danh sách (4)" in detail and "1/2026" in detail
    assert said == []


def test_a_date_before_the_meeting_is_shown_at_the_field_and_nothing_saved(  # type: ignore[no-untyped-def]
    context, qtbot, monkeypatch
) -> None:
    c = commune(context)
    voted(context, mixed(c))
    tab = _tab(qtbot, context, DecisionsTab)
    before = counts(context.database)

    def fill(d: IssueDialog) -> None:
        _type_date(d.issued_on, "01/12/2026")
        assert "Chưa ra quyết định được" in d.view.toPlainText()
        d.save_button.click()
        assert "trước ngày họp Hội đồng" in d.errors.message("issued_on")
        d.reject()

    drive(monkeypatch, IssueDialog, fill)
    tab.add()
    assert counts(context.database) == before


def test_the_notice_override_appears_and_is_required(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, [(H, c.home, "GDVH")], kind=RoundKind.FAMILY)
    with context.database.session_scope() as s:
        s.get(NominationRoundRow, round_id).notice_start = dt.date(2026, 12, 8)
    tab = _tab(qtbot, context, DecisionsTab)

    def fill(d: IssueDialog) -> None:
        _type_date(d.issued_on, "15/12/2026")
        assert not d.override.isHidden()
        assert "Công khai chưa hết hạn" in d.view.toPlainText()
        d.save_button.click()
        assert "hết ngày 17/12/2026" in d.errors.message("notice_override")
        d.override.setText("Trao vào dịp Tết Nguyên đán")
        d.save_button.click()

    drive(monkeypatch, IssueDialog, fill)
    tab.add()
    assert _cells(tab, 0) == ["01/QĐ-UBND"]
    with context.database.session_scope() as s:
        assert s.get(NominationRoundRow, round_id).notice_override == (
            "Trao vào dịp Tết Nguyên đán"
        )


def test_a_correcting_decision_marks_the_replaced_award(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, [(P, c.person("Phạm Thị Hoa"), "GIAY_KHEN_CA_NHAN")])
    context.services.decisions.issue(round_id, signed())
    tab = _tab(qtbot, context, DecisionsTab)
    assert tab.edit_button.text() == "Đính chính…" and tab.delete_button.isHidden()

    def fill(d: CorrectionDialog) -> None:
        _type_date(d.issued_on, "28/12/2026")
        d.reason.setPlainText("Ghi nhầm người được khen")
        d.replaces.setCurrentIndex(1)  # replace Hoa's line: the form is filled from it
        assert d.picker.subject().name == "Phạm Thị Hoa"
        pick(d.picker, P, "dung", "Đặng Văn Dũng (Trường Tiểu học Cát Thành)")
        d.add_replacement()
        assert d.table.item(0, 0).checkState() == Qt.CheckState.Checked
        assert d.added.count() == 1

    drive(monkeypatch, CorrectionDialog, fill, then_save=True)
    tab.edit()
    assert _cells(tab, 0) == ["02/QĐ-UBND", "01/QĐ-UBND"]
    tab.table.setCurrentCell(1, 0)
    assert "Đã được thay thế bởi Quyết định số 02/QĐ-UBND" in tab.detail.toPlainText()
    assert tab.table.item(1, 0).foreground().color().name() == "#8a5a00"


def test_a_proposal_is_exported_sent_and_answered(  # type: ignore[no-untyped-def]
    context, qtbot, monkeypatch, said, tmp_path
) -> None:
    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    context.services.decisions.issue(round_id, signed())
    tab = _tab(qtbot, context, ProposalsTab)

    def create(d: ProposalDialog) -> None:
        _type_date(d.issued_on, "16/12/2026")
        assert d.recipient.text() == "Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình"
        assert "Vượt thẩm quyền: trình cấp trên (1)" in d.view.toPlainText()

    drive(monkeypatch, ProposalDialog, create, then_save=True)
    tab.add()
    assert _cells(tab, 0) == ["01/TTr-UBND"] and _cells(tab, 4) == ["Đang soạn"]
    usb = tmp_path / "USB"
    usb.mkdir()

    def export(d: ExportDialog) -> None:
        d.save_button.click()
        assert d.errors.message("folder") == "Hãy chọn ổ USB hoặc thư mục để lưu hồ sơ."
        d.ask_folder = lambda _p, _start: str(usb)
        d.findChild(type(d.save_button), "browse_button").click()
        d.as_zip.setChecked(False)
        d.save_button.click()

    drive(monkeypatch, ExportDialog, export)
    tab.edit()
    folder = usb / "Hồ sơ đề nghị khen thưởng 01-TTr-UBND năm 2026"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert [i["subject"] for i in manifest["items"]] == ["Lê Văn Bình"]
    assert said[-1].startswith("Đã xuất hồ sơ Tờ trình số 01/TTr-UBND vào")

    drive(monkeypatch, SentDialog, lambda d: d.sent_on.setText("18/12/2026"), then_save=True)
    tab.mark_sent()
    assert _cells(tab, 4) == ["Đã gửi ngày 18/12/2026"]

    def answer(d: AnswerDialog) -> None:
        d.number.setText("1520/QĐ-UBND")
        d.issued_on.setText("20/01/2027")
        assert d.list.count() == 1

    drive(monkeypatch, AnswerDialog, answer, then_save=True)
    tab.record_answer()
    assert _cells(tab, 4) == ["Đã có kết quả: 1/1 được khen"]
    assert not tab.answer_button.isEnabled()


def test_the_award_register_searches_exports_and_records_higher_awards(  # type: ignore[no-untyped-def]
    context, qtbot, monkeypatch, said, tmp_path
) -> None:
    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    decision_id = context.services.decisions.issue(round_id, signed())
    lan_ldtt = context.services.decisions.detail(decision_id).lines[-1]
    from emulation_desktop.domain.decisions import CorrectionInput

    context.services.decisions.correct(decision_id, CorrectionInput(
        dt.date(2026, 12, 29), "Trùng", "Nguyễn Văn Hùng", "Chủ tịch",
        revoke=(lan_ldtt.award_id,)))  # fmt: skip
    tab = _tab(qtbot, context, AwardRegisterTab)
    assert _cells(tab, 0) == ["1/2026", "2/2026", "3/2026", "4/2026"]
    assert tab.table.item(3, 1).foreground().color() == QColor(ERROR_COLOR)  # replaced
    tab.search.setText("ho ong")
    assert _cells(tab, 1) == ["Hộ ông Nguyễn Văn An"]
    tab.ask_save = lambda _p, _s: tmp_path / "so.xlsx"
    tab.export()
    assert said[-1] == "Đã xuất 1 dòng ra tệp «so.xlsx»."
    tab.search.clear()

    def higher(d: HigherAwardDialog) -> None:
        pick(d.picker, P, "binh", "Lê Văn Bình (Trường Tiểu học Cát Thành)")
        d.award.setCurrentIndex(d.award.findData("BANG_KHEN_TINH_CA_NHAN"))
        d.number.setText("1520/QĐ-UBND")
        d.issued_on.setText("02/04/2026")
        d.save_button.click()

    drive(monkeypatch, HigherAwardDialog, higher)
    tab.add()
    assert "Lê Văn Bình" in _cells(tab, 1)
    history = context.services.registry.history(P, c.person("Lê Văn Bình"))
    assert [a.decision_number for a in history.awards] == ["1520/QĐ-UBND"]
    assert DAY.year == 2026


def test_the_document_register_takes_the_office_book_numbers(  # type: ignore[no-untyped-def]
    context, qtbot, monkeypatch, said
) -> None:
    commune(context)
    tab = _tab(qtbot, context, DocRegisterTab)

    def fill(d: ExternalNumberDialog) -> None:
        assert d.number.value() == 1
        d.number.setValue(14)
        d.issued_on.setText("02/03/2026")
        d.save_button.click()
        assert d.errors.message("summary") == "Hãy nhập trích yếu nội dung văn bản."
        d.summary.setText("Về việc kiện toàn Hội đồng Thi đua – Khen thưởng")

    drive(monkeypatch, ExternalNumberDialog, fill, then_save=True)
    tab.add()
    assert _cells(tab, 0) == ["14/QĐ-UBND"] and _cells(tab, 3) == ["Ghi từ sổ của văn thư"]
    assert context.services.doc_register.next_text(2026, DocType.DECISION) == "15/QĐ-UBND"
    assert tab.delete_button.isEnabled()
    tab.delete()
    assert said[-1].startswith("Xóa số 14/QĐ-UBND")
    assert tab.stack.currentIndex() == 1  # empty again


@pytest.mark.parametrize("cls", [DecisionsTab, ProposalsTab, AwardRegisterTab, DocRegisterTab])
def test_every_tab_fits_the_narrow_window(context, qtbot, cls) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    service = context.services.decisions
    service.issue(round_id, signed())
    from emulation_desktop.domain.proposals import ProposalInput

    service.create_proposal(round_id, ProposalInput(dt.date(2026, 12, 16), "Nguyễn Văn Hùng",
                                                    "Chủ tịch"))  # fmt: skip
    tab = _tab(qtbot, context, cls)
    page = tab.window()
    page.resize(580, 520)
    qtbot.waitUntil(lambda: tab.table.rowCount() > 0)
    assert tab.minimumSizeHint().width() <= 580
    assert tab.table.horizontalScrollBar().maximum() == 0
    assert tab.detail.toPlainText().strip()  # the first row is shown, not an invitation
