"""Mẫu giấy khen: a box dragged on the paper fills the form and a number typed in the form moves
the box; arrow keys nudge; the paper preset scales the layout; saved layouts come back, a box
off the paper is refused with nothing saved; a layout file goes out and comes back the same; the
scanned blank is remembered per kind; «Xem thử» prints the unsaved layout."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication

from emulation_desktop.domain.certificate_layout import A3_LANDSCAPE, A4_LANDSCAPE
from emulation_desktop.domain.certificates import CertificateKind, FieldKey
from emulation_desktop.settings import MemoryBackend, Settings
from tests.gui.tab_helpers import drive, record_messages

from emulation_desktop.gui.certificates import files, layout_actions
from emulation_desktop.gui.certificates.layout_editor import LayoutEditor
from emulation_desktop.gui.certificates.preview import PreviewDialog
from emulation_desktop.gui.evaluations.unsaved import DISCARD, SAVE
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui

PERSON = CertificateKind.GIAY_KHEN_PERSON


@pytest.fixture
def settings() -> Settings:
    return Settings(MemoryBackend())


@pytest.fixture
def open_editor(qtbot, demo_context, settings):  # type: ignore[no-untyped-def]
    def make(kind: CertificateKind = PERSON) -> LayoutEditor:
        editor = LayoutEditor(demo_context.services.certificates, SyncTaskRunner(), settings, kind)
        qtbot.addWidget(editor)
        editor.ask_unsaved = lambda _p, _q, _s: DISCARD  # closed at the end of the test
        editor.resize(900, 600)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return make


def _mouse(view, kind, point: QPoint, buttons) -> None:  # type: ignore[no-untyped-def]
    at = QPointF(point)
    event = QMouseEvent(kind, at, view.viewport().mapToGlobal(at), Qt.MouseButton.LeftButton,
                        buttons, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(view.viewport(), event)


def drag(editor: LayoutEditor, start_mm: QPointF, end_mm: QPointF) -> None:
    view = editor.view
    start, end = view.mapFromScene(start_mm), view.mapFromScene(end_mm)
    held = Qt.MouseButton.LeftButton
    _mouse(view, QMouseEvent.Type.MouseButtonPress, start, held)
    for i in range(1, 6):
        _mouse(view, QMouseEvent.Type.MouseMove, start + (end - start) * i / 5, held)
    _mouse(view, QMouseEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def test_dragging_a_box_fills_the_form_and_typing_moves_the_box(open_editor) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor()
    box = editor.layout_.field(FieldKey.DECISION)  # 24; 152 mm, 112 × 12 mm
    item = editor.scene.items_by_key[FieldKey.DECISION]
    grab = QPointF(box.x_mm + box.width_mm / 2, box.y_mm + box.height_mm / 2)
    drag(editor, grab, grab + QPointF(20, -10))
    assert editor.field_combo.currentData() == FieldKey.DECISION.value
    x, y = editor.form.x_mm.value(), editor.form.y_mm.value()
    assert abs(x - (box.x_mm + 20)) <= 1 and abs(y - (box.y_mm - 10)) <= 1
    assert (x * 2).is_integer() and (y * 2).is_integer()  # snapped to half millimetres
    assert editor.layout_.field(FieldKey.DECISION).x_mm == x
    assert editor.dirty and editor.windowTitle().endswith("*")

    editor.form.x_mm.setValue(50.5)
    editor.form.height_mm.setValue(20)
    assert item.pos().x() == 50.5 and item.rect().height() == 20
    assert editor.layout_.field(FieldKey.DECISION).x_mm == 50.5


def test_the_corner_resizes_and_arrows_nudge_half_a_millimetre(open_editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor()
    editor.field_combo.setCurrentIndex(editor.field_combo.findData(FieldKey.REGISTER))
    box = editor.layout_.field(FieldKey.REGISTER)  # 24; 165 mm, 112 × 7 mm
    corner = QPointF(box.right_mm, box.bottom_mm)
    drag(editor, corner, corner + QPointF(-30, 5))
    assert abs(editor.form.width_mm.value() - (box.width_mm - 30)) <= 1
    assert abs(editor.form.height_mm.value() - (box.height_mm + 5)) <= 1
    assert editor.form.x_mm.value() == box.x_mm  # the box stayed where it was
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Right)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    # Let Shift go, or Qt keeps it held for the next test (its lists would extend selections).
    qtbot.keyRelease(editor.view, Qt.Key.Key_Shift)
    assert editor.form.x_mm.value() == box.x_mm + 0.5
    assert editor.form.y_mm.value() == box.y_mm + 5


def test_saved_layout_comes_back_and_a_box_off_the_page_is_refused(  # type: ignore[no-untyped-def]
    open_editor, demo_context, monkeypatch
) -> None:
    said = record_messages(monkeypatch, layout_actions)
    service = demo_context.services.certificates
    editor = open_editor()
    editor.field_combo.setCurrentIndex(editor.field_combo.findData(FieldKey.ACHIEVEMENT))
    editor.form.y_mm.setValue(112.5)
    editor.form.size.setValue(16)
    editor.form.bold.setChecked(True)
    editor.save_button.click()
    assert not editor.dirty and said == []
    editor.close()
    again = open_editor()
    box = again.layout_.field(FieldKey.ACHIEVEMENT)
    assert (box.y_mm, box.size, box.bold) == (112.5, 16, True)
    assert service.layout(PERSON).field(FieldKey.ACHIEVEMENT).y_mm == 112.5

    again.field_combo.setCurrentIndex(again.field_combo.findData(FieldKey.ACHIEVEMENT))
    again.form.width_mm.setValue(290)  # from x 38.5: past the right edge of 297 mm
    again.save_button.click()
    assert len(said) == 1 and said[0].startswith("Dòng «Thành tích» nằm ngoài trang giấy 297")
    assert service.layout(PERSON).field(FieldKey.ACHIEVEMENT).width_mm == 220
    assert again.dirty


def test_a_layout_file_goes_out_and_comes_back_the_same(  # type: ignore[no-untyped-def]
    open_editor, demo_context, monkeypatch, tmp_path
) -> None:
    said = record_messages(monkeypatch, layout_actions)
    editor = open_editor(CertificateKind.CERTIFICATE)
    editor.form.x_mm.setValue(40)
    out = tmp_path / "mau.json"
    editor.ask_save = lambda _p, _t, proposed, _f: out if proposed.suffix == ".json" else None
    editor.export_button.click()  # unsaved: asks, saves, then writes the file
    assert said[0] == "Mẫu đang chỉnh chưa lưu. Lưu rồi xuất ra tệp?"
    assert out.exists() and said[-1] == "Đã xuất mẫu ra tệp «mau.json»."
    exported = editor.layout_
    editor.field_combo.setCurrentIndex(editor.field_combo.findData(FieldKey.HEADING))
    editor.form.size.setValue(30)
    editor.ask_open = lambda _p, _t, _f: out
    said.clear()
    editor.import_button.click()  # unsaved edits: asks before replacing them
    assert said[0].startswith("Mẫu đang chỉnh chưa lưu sẽ được thay bằng mẫu trong tệp.")
    assert editor.layout_ == exported and not editor.dirty
    assert editor.form.size.value() == exported.field(FieldKey.HEADING).size

    service = demo_context.services.certificates
    service.reset_layout(CertificateKind.CERTIFICATE)
    editor.load(CertificateKind.CERTIFICATE)
    said.clear()
    editor.import_button.click()  # a file is shown, not saved, until «Lưu»
    assert editor.layout_ == exported and editor.dirty
    assert said == ["Đã nhập mẫu «Giấy chứng nhận danh hiệu» từ tệp «mau.json». Bấm «Lưu» để "
                    "dùng mẫu này."]  # fmt: skip
    assert service.layout(CertificateKind.CERTIFICATE) != exported
    editor.save_button.click()
    assert service.layout(CertificateKind.CERTIFICATE) == exported

    other = open_editor(PERSON)  # a Giấy khen layout refuses a Giấy chứng nhận file
    other.ask_open = lambda _p, _t, _f: out
    said.clear()
    other.import_button.click()
    assert said == ["Tệp này là mẫu «Giấy chứng nhận danh hiệu», không phải mẫu «Giấy khen cá "
                    "nhân»."]  # fmt: skip


def test_a3_scales_the_layout_and_custom_paper_takes_its_size(open_editor) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor()
    before = editor.layout_.field(FieldKey.RECIPIENT)
    editor.paper_combo.setCurrentIndex(editor.paper_combo.findData(A3_LANDSCAPE.name))
    after = editor.layout_.field(FieldKey.RECIPIENT)
    assert editor.layout_.paper == A3_LANDSCAPE
    assert after.x_mm == round(before.x_mm * 420 / 297, 1)
    assert editor.scene.paper.rect().width() == 420
    assert not editor.paper_width.isEnabled()
    editor.paper_combo.setCurrentIndex(editor.paper_combo.findData("Tùy chỉnh"))
    assert editor.paper_width.isEnabled()
    editor.paper_width.setValue(400)
    assert editor.layout_.paper.width_mm == 400 and editor.layout_.paper.height_mm == 297
    editor.paper_combo.setCurrentIndex(editor.paper_combo.findData(A4_LANDSCAPE.name))
    assert editor.layout_.field(FieldKey.RECIPIENT).width_mm == pytest.approx(before.width_mm,
                                                                             abs=0.5)  # fmt: skip


def test_the_scanned_blank_lies_under_the_boxes_and_is_remembered_per_kind(  # type: ignore[no-untyped-def]
    open_editor, settings, tmp_path
) -> None:
    scan = tmp_path / "phoi.png"
    image = QImage(594, 420, QImage.Format.Format_RGB32)
    image.fill(QColor("#f3e6c4"))
    image.save(str(scan))
    editor = open_editor()
    editor.ask_open = lambda _p, _t, f: scan if f == files.IMAGE_FILTER else None
    editor.choose_background()
    assert editor.scene.has_background()
    shown = editor.scene.background.mapRectToScene(editor.scene.background.boundingRect())
    assert (round(shown.width()), round(shown.height())) == (297, 210)  # stretched to the paper
    assert settings.get(files.background_setting(PERSON)) == str(scan)
    editor.close()
    assert open_editor().scene.has_background()
    assert not open_editor(CertificateKind.GIAY_KHEN_UNIT).scene.has_background()


def test_preview_prints_the_unsaved_layout_on_a_sample(  # type: ignore[no-untyped-def]
    open_editor, demo_context, monkeypatch
) -> None:
    editor = open_editor()
    editor.field_combo.setCurrentIndex(editor.field_combo.findData(FieldKey.HEADING))
    editor.form.text.setText("GIẤY KHEN THỬ")
    editor.form.text.editingFinished.emit()
    seen: list[str] = []

    def look(dialog: PreviewDialog) -> None:
        assert dialog.document.pageCount() == 1
        seen.append(PdfReader(str(dialog.path)).pages[0].extract_text())

    drive(monkeypatch, PreviewDialog, look)
    editor.preview_button.click()
    assert "GIẤY KHEN THỬ" in seen[0] and "Nguyễn Thị Minh Khai" in seen[0]
    saved = demo_context.services.certificates.layout(PERSON).field(FieldKey.HEADING)
    assert saved.text == "GIẤY KHEN"  # nothing saved by a preview


def test_closing_with_changes_asks_and_a_colour_is_picked(open_editor, demo_context) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor()
    editor.form.pick_colour = lambda _p, _c: "#123456"
    editor.form.colour.click()
    assert editor.layout_.field(FieldKey.RECIPIENT).colour == "#123456"
    asked: list[str] = []
    editor.ask_unsaved = lambda _p, q, _s: asked.append(q) or DISCARD
    editor.close_button.click()
    assert asked == ["Lưu các thay đổi của mẫu «Giấy khen cá nhân»?"] and not editor.isVisible()
    assert demo_context.services.certificates.layout(PERSON).field(FieldKey.RECIPIENT).colour \
        == "#000000"  # fmt: skip

    editor = open_editor()
    editor.form.pick_colour = lambda _p, _c: "#C8102E"
    editor.form.colour.click()
    editor.ask_unsaved = lambda _p, _q, _s: SAVE
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(CertificateKind.GIAY_KHEN_UNIT))
    assert editor.kind is CertificateKind.GIAY_KHEN_UNIT
    assert demo_context.services.certificates.layout(PERSON).field(FieldKey.RECIPIENT).colour \
        == "#C8102E"  # fmt: skip


def test_the_sample_words_come_from_the_decision_on_screen(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    service = demo_context.services.certificates
    choice = next(c for c in service.decisions(2026) if c.certificates)
    first = service.batch(choice.id).rows[1].certificate
    editor = LayoutEditor(service, SyncTaskRunner(), settings, first.kind, {first.kind: first})
    qtbot.addWidget(editor)
    editor.ask_unsaved = lambda _p, _q, _s: DISCARD
    assert editor.scene.items_by_key[FieldKey.RECIPIENT].sample == first.recipient.line


def test_ctrl_s_saves_a_number_still_being_typed(open_editor, demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor()
    spin = editor.form.y_mm
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, f"90{spin.locale().decimalPoint()}5")
    assert editor.layout_.field(FieldKey.RECIPIENT).y_mm == 86  # not taken before Enter/Tab
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(spin, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(spin, Qt.Key.Key_Control)  # or Qt keeps Ctrl held for the next test
    saved = demo_context.services.certificates.layout(PERSON).field(FieldKey.RECIPIENT)
    assert saved.y_mm == 90.5 and not editor.dirty
    assert editor.scene.items_by_key[FieldKey.RECIPIENT].pos().y() == 90.5
