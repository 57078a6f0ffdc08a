"""Tạo văn bản from the screens, and Cài đặt → Văn bản mẫu, on the demo commune in the main
window. The save dialog and the word processor are replaced: the native dialog blocks, and no
real program may open."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from emulation_desktop.domain import document_blocks
from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.text_blocks import TextBlock
from emulation_desktop.settings import DOCUMENTS_FOLDER
from tests.docx_checks import check_nd30, texts
from tests.gui.tab_helpers import record_messages

from emulation_desktop.gui.documents import blocks_editor, custom_forms, maker

pytestmark = pytest.mark.gui

FAKE = TextBlock("thu.muc_dich", "Kế hoạch thử", "I.1. Mục đích",
                 "Tổ chức tốt phong trào năm {nam} của {xa}.", ("nam", "xa"))  # fmt: skip


class Word:
    """The save dialog and the word processor: what was proposed, what was opened."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.proposed: list[Path] = []
        self.opened: list[Path] = []

    def ask(self, _parent, proposed: Path) -> Path | None:  # type: ignore[no-untyped-def]
        self.proposed.append(proposed)
        return self.answer

    def open(self, path: Path) -> bool:
        self.opened.append(path)
        return True


@pytest.fixture
def word(monkeypatch, tmp_path) -> Word:  # type: ignore[no-untyped-def]
    w = Word(tmp_path / "out" / "qd.docx")
    monkeypatch.setattr(maker, "ask_save_docx", w.ask)
    monkeypatch.setattr(maker, "open_in_word", w.open)
    monkeypatch.setattr(maker, "open_folder", lambda _f: True)
    return w


def _tab(window, section: str, index: int = 0, year: int = 2026):  # type: ignore[no-untyped-def]
    window.set_year(year)
    window.go_to(section)
    page = window.current_page()
    page.tabs.setCurrentIndex(index)
    return page.current()


def _choose(tab, number: str) -> None:  # type: ignore[no-untyped-def]
    row = [i.number for i in tab.shown].index(number)
    tab.table.setCurrentCell(row, 0)


def test_the_decision_is_written_opened_and_its_folder_proposed_next_time(  # type: ignore[no-untyped-def]
    window, word, settings_backend, tmp_path
) -> None:
    (tmp_path / "out").mkdir()
    tab = _tab(window, "decisions")
    _choose(tab, "166/QĐ-UBND")
    assert tab.documents.isEnabled()
    tab.documents.click()

    out = tmp_path / "out" / "qd.docx"
    assert word.proposed[0].name == "Quyết định 166-QĐ-UBND.docx"
    assert word.opened == [out]
    opened = check_nd30(out)
    assert opened.number == "Số: 166/QĐ-UBND"
    assert any("Điều 1" in t for t in texts(opened.doc))
    assert settings_backend.value(DOCUMENTS_FOLDER.key) == str(tmp_path / "out")

    _choose(tab, "121/QĐ-UBND")
    word.answer = None  # the officer cancels: nothing written, nothing opened
    tab.documents.click()
    assert word.proposed[1] == tmp_path / "out" / "Quyết định 121-QĐ-UBND.docx"
    assert len(word.opened) == 1


def test_a_higher_levels_decision_has_no_document_to_make(window, word) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(window, "decisions")
    _choose(tab, "1275/QĐ-UBND")
    assert not tab.documents.isEnabled()
    _choose(tab, "166/QĐ-UBND")
    assert tab.documents.isEnabled()


def test_a_file_that_cannot_be_written_is_explained_and_nothing_is_left(  # type: ignore[no-untyped-def]
    window, word, monkeypatch, settings_backend, tmp_path
) -> None:
    said = record_messages(monkeypatch, maker, errors_prefix="! ")
    word.answer = tmp_path / "không có" / "qd.docx"
    tab = _tab(window, "decisions")
    _choose(tab, "166/QĐ-UBND")
    tab.documents.click()
    assert len(said) == 1 and said[0].startswith("! Không tìm thấy thư mục")
    assert not (tmp_path / "không có").exists()
    assert word.opened == []
    assert settings_backend.value(DOCUMENTS_FOLDER.key) is None


def test_a_kind_without_a_layout_is_refused_before_the_save_dialog(  # type: ignore[no-untyped-def]
    window, word, monkeypatch
) -> None:
    said = record_messages(monkeypatch, maker)
    tab = _tab(window, "decisions")
    tab.documents.maker.make(DocumentKind("quyet-dinh"), 999_999)  # a decision that is gone
    assert len(said) == 1 and word.proposed == []


def test_every_screen_asks_for_its_document_with_the_chosen_record(  # type: ignore[no-untyped-def]
    window, word, monkeypatch, demo_context
) -> None:
    asked: list[tuple[DocumentKind, int]] = []

    def suggested(kind: DocumentKind, id_: int) -> str:
        asked.append((kind, id_))
        return "x.docx"

    monkeypatch.setattr(demo_context.services.documents, "suggested_name", suggested)
    word.answer = None

    def run(tab, *names: str) -> None:  # type: ignore[no-untyped-def]
        for name in names:
            tab.documents.entries[name].trigger()

    movements = _tab(window, "movements")
    run(movements, "plan_document", "year_report_document", "movement_plan_document")
    movement_id = movements.current().id
    assert movements.plan_document.text() == "Kế hoạch thi đua, khen thưởng năm 2026…"
    rounds = _tab(window, "nominations")
    run(rounds, "notice_document", "achievement_document")
    round_id, item_id = rounds.round_id(), rounds.items.current().id
    composition = _tab(window, "council", 0)
    run(composition, "council_document")
    council_id = composition.current().id
    rounds_service = demo_context.services.rounds
    draft = next(r for r in rounds_service.rounds(2026) if r.status.value == "nhap")
    rounds_service.submit(draft.id)  # a round before the council: its meeting's papers
    window.current_page().reload_all()
    meeting = _tab(window, "council", 1)
    run(meeting, "invitation_document", "ballot_document", "minutes_document")
    proposals = _tab(window, "decisions", 1, year=2025)
    run(proposals, "submission_document")

    assert asked == [
        (DocumentKind.PLAN, 2026),
        (DocumentKind.YEAR_REPORT, 2026),
        (DocumentKind.MOVEMENT_PLAN, movement_id),
        (DocumentKind.NOTICE, round_id),
        (DocumentKind.ACHIEVEMENT, item_id),
        (DocumentKind.COUNCIL_DECISION, council_id),
        (DocumentKind.INVITATION, draft.id),
        (DocumentKind.BALLOT, draft.id),
        (DocumentKind.MINUTES, draft.id),
        (DocumentKind.SUBMISSION, 3),
    ]
    assert len(word.proposed) == len(asked)  # each went on to the save dialog


# Cài đặt → Văn bản mẫu ------------------------------------------------------------------------


@pytest.fixture
def box(window, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(document_blocks, "BLOCKS", (FAKE,))
    window.go_to("settings")
    page = window.current_page()
    page.refresh()
    return page.documents


def test_a_wording_block_is_edited_refused_with_a_reason_and_reset(  # type: ignore[no-untyped-def]
    box, monkeypatch, demo_context, qtbot
) -> None:
    said = record_messages(monkeypatch, blocks_editor)
    service = demo_context.services.text_blocks
    blocks = box.blocks
    group = blocks.tree.topLevelItem(0)
    assert group.text(0) == "Kế hoạch thử" and group.child(0).text(0) == "I.1. Mục đích"
    assert blocks.editor.toPlainText() == FAKE.default
    assert "{nam} – năm của văn bản (2026)" in blocks.fields.text()
    assert not blocks.save_button.isEnabled()

    blocks.editor.setPlainText("Phát động thi đua năm {nam} ở {xa}, chào mừng {le}.")
    blocks.save_button.click()
    assert "«{le}»" in blocks.error.text() and blocks.error.isVisible()
    assert service.raw(FAKE) == FAKE.default  # nothing stored

    blocks.editor.setPlainText("Phát động thi đua năm {nam} ở {xa}.")
    blocks.save_button.click()
    assert service.text(FAKE, 2026) == "Phát động thi đua năm 2026 ở xã Cát Thành."
    assert blocks.tree.topLevelItem(0).child(0).text(0) == "I.1. Mục đích (xã đã sửa)"
    assert not blocks.error.isVisible()

    blocks.reset_button.click()
    assert said and "Khôi phục câu chữ mặc định" in said[0]
    assert service.raw(FAKE) == FAKE.default
    assert blocks.editor.toPlainText() == FAKE.default
    assert blocks.tree.topLevelItem(0).child(0).text(0) == "I.1. Mục đích"


def test_unsaved_wording_survives_a_refresh_and_is_saved_when_moving_on(  # type: ignore[no-untyped-def]
    window, monkeypatch, demo_context
) -> None:
    other = TextBlock("thu.yeu_cau", "Kế hoạch thử", "I.2. Yêu cầu", "Thiết thực, hiệu quả.")
    monkeypatch.setattr(document_blocks, "BLOCKS", (FAKE, other))
    said = record_messages(monkeypatch, blocks_editor)
    window.go_to("settings")
    page = window.current_page()
    page.refresh()
    blocks = page.documents.blocks
    blocks.editor.setPlainText("Mục đích mới của {xa}.")
    page.refresh()  # F5
    assert blocks.editor.toPlainText() == "Mục đích mới của {xa}."
    blocks.tree.setCurrentItem(blocks.tree.topLevelItem(0).child(1))
    assert said == ["Đoạn «I.1. Mục đích» có thay đổi chưa lưu. Lưu trước khi chuyển?"]
    assert demo_context.services.text_blocks.text(FAKE) == "Mục đích mới của xã Cát Thành."
    assert blocks.editor.toPlainText() == "Thiết thực, hiệu quả."


def test_no_blocks_yet_says_so(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(document_blocks, "BLOCKS", ())
    window.go_to("settings")
    page = window.current_page()
    page.refresh()
    assert page.documents.blocks.stack.currentIndex() == 1
    assert "Chưa có đoạn câu chữ nào" in page.documents.blocks.empty_label.text()


def _form(path: Path, text: str) -> Path:
    d = docx.Document()
    d.add_paragraph(text)
    d.save(str(path))
    return path


def test_a_custom_form_is_refused_with_the_reason_or_used_until_removed(  # type: ignore[no-untyped-def]
    box, monkeypatch, tmp_path, demo_context
) -> None:
    said = record_messages(monkeypatch, custom_forms, errors_prefix="! ")
    forms = box.forms
    row = forms.kinds.index(DocumentKind.DECISION)
    forms.table.setCurrentCell(row, 0)
    assert forms.table.item(row, 1).text() == "Dùng mẫu có sẵn"
    assert not forms.remove_button.isEnabled()

    bad = _form(tmp_path / "sai.docx", "Số: {{ so_hieu }}")
    forms.ask_open = lambda _p, _k: bad
    forms.choose_button.click()
    assert said == ["! Mẫu dùng trường không có: «so_hieu». Các trường dùng được: doc, so, "
                    "ngay_thang, trich_yeu, nguoi_ky, chuc_vu_ky, noi_nhan."]  # fmt: skip
    assert demo_context.services.documents.custom.list() == []

    good = _form(tmp_path / "Mẫu QĐ tỉnh.docx", "QUYẾT ĐỊNH số {{ so }}")
    forms.ask_open = lambda _p, _k: good
    forms.choose_button.click()
    assert forms.table.item(row, 1).text() == "Mẫu QĐ tỉnh.docx"
    assert forms.remove_button.isEnabled()

    forms.remove_button.click()
    assert "Bỏ mẫu riêng «Mẫu QĐ tỉnh.docx»" in said[-1]
    assert forms.table.item(row, 1).text() == "Dùng mẫu có sẵn"
    assert demo_context.services.documents.custom.list() == []


def test_the_documents_folder_is_shown(box, settings_backend, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings_backend.set_value(DOCUMENTS_FOLDER.key, str(tmp_path))
    box.load()
    assert box.folder_label.text() == f"Thư mục lưu văn bản: {tmp_path}"
