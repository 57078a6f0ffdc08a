"""The «Đợt xét khen thưởng» tab: an empty year explains itself, a round is created, the list is
filled from the grades with a verdict on every line, the detail gives the reasons, lines are
deleted with a confirmation naming them, the dossier takes files, the notice shows its last
day, and the round goes to the council and back, the step bar following."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import Qt

from emulation_desktop.domain.enums import Grade, RoundKind, RoundStatus, SubjectKind
from emulation_desktop.domain.evaluations import GradeChange
from emulation_desktop.domain.nomination_steps import StepState
from emulation_desktop.domain.nominations import RoundInput
from tests.cycle_data import small_commune
from tests.gui.tab_helpers import drive, pick, record_messages, tab_in_page

from emulation_desktop.gui.nominations import dossier_panel, items_panel, rounds_tab
from emulation_desktop.gui.nominations.item_dialogs import FromGradesDialog, ItemDialog
from emulation_desktop.gui.nominations.round_dialog import RoundDialog
from emulation_desktop.gui.nominations.rounds_tab import DOSSIER_TAB, RoundsTab
from emulation_desktop.gui.pages.base import Action

pytestmark = pytest.mark.gui
YEAR = 2026


@pytest.fixture
def commune(context):  # type: ignore[no-untyped-def]
    c = small_commune(context)
    t = c.teachers
    context.services.evaluations.save(YEAR, c.schools, [
        GradeChange.person(t["Nguyễn Thị Lan"], Grade.GOOD),
        GradeChange.person(t["Trần Thị Mai"], Grade.EXCELLENT),
        GradeChange.person(t["Lê Văn Bình"], Grade.COMPLETED),
        GradeChange.unit(c.kindergarten, Grade.GOOD),
    ], include_below=True)  # fmt: skip
    return c


@pytest.fixture
def said(monkeypatch):  # type: ignore[no-untyped-def]
    return record_messages(monkeypatch, items_panel, rounds_tab, dossier_panel,
                           errors_prefix="LỖI: ")  # fmt: skip


def _tab(qtbot, context) -> RoundsTab:  # type: ignore[no-untyped-def]
    tab = tab_in_page(qtbot, context.services, RoundsTab, YEAR, "nominations")
    assert isinstance(tab, RoundsTab)
    qtbot.waitExposed(tab.window())
    return tab


def _rows(tab: RoundsTab) -> list[list[str]]:
    model = tab.items.model
    return [[model.data(model.index(r, c)) for c in range(3)] for r in range(model.rowCount())]


def _with_round(context, commune) -> int:  # type: ignore[no-untyped-def]
    rounds = context.services.rounds
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    rounds.add_from_grades(round_id, "LDTT", commune.schools)
    return round_id


def test_an_empty_year_explains_what_a_round_is_and_creates_one(  # type: ignore[no-untyped-def]
    qtbot, context, commune, monkeypatch, said
) -> None:
    tab = _tab(qtbot, context)
    assert tab.stack.currentIndex() == 1
    assert "Chưa có đợt xét khen thưởng nào trong năm 2026" in tab.empty_label.text()

    def fill(d: RoundDialog) -> None:
        assert d.name.placeholderText() == "Xét khen thưởng cuối năm 2026"
        d.kind.setCurrentIndex(d.kind.findData(RoundKind.FAMILY.value))
        assert d.notice.isChecked()  # Gia đình văn hóa lists are made public
        assert d.name.placeholderText() == "Bình xét Gia đình văn hóa năm 2026"
        d.kind.setCurrentIndex(d.kind.findData(RoundKind.YEAR_END.value))

    drive(monkeypatch, RoundDialog, fill, then_save=True)
    tab.findChild(type(tab.new_round_button), "empty_add").click()
    assert tab.stack.currentIndex() == 0
    assert tab.round_combo.currentText() == "Đang lập danh sách: Xét khen thưởng cuối năm 2026"
    assert [s.state for s in tab.steps.steps][:2] == [StepState.CURRENT, StepState.OPEN]
    assert tab.steps.labels[0].text().endswith("① Lập danh sách")
    assert "Thêm đề nghị" in tab.next_label.text()
    assert "Danh sách đề nghị đang trống" in tab.items.panel.detail.toPlainText()


def test_adding_from_grades_shows_a_verdict_and_its_reasons_on_every_line(  # type: ignore[no-untyped-def]
    qtbot, context, commune, monkeypatch, said
) -> None:
    context.services.rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    tab = _tab(qtbot, context)

    def fill(d: FromGradesDialog) -> None:
        d.award.setCurrentIndex(d.award.findData("LDTT"))
        d.unit.set_unit(commune.schools)

    drive(monkeypatch, FromGradesDialog, fill, then_save=True)
    tab.items.from_grades.trigger()
    assert said == ["Đã thêm 2 đề nghị vào danh sách."]
    rows = _rows(tab)
    assert [r[0] for r in rows] == ["Nguyễn Thị Lan", "Trần Thị Mai"]  # by given name
    assert {r[2] for r in rows} == {"? Cần xem xét"}
    assert tab.items.panel.count_label.text().startswith("2 đề nghị · ")
    assert tab.items.panel.count_label.toolTip() == (
        "Đủ điều kiện 0, cần xem xét 2, không đủ điều kiện 0"
    )
    detail = tab.items.panel.detail.toPlainText()
    assert "Kiểm tra điều kiện: Cần xem xét thủ công" in detail
    assert "Căn cứ:" in detail and "Báo cáo thành tích" in detail
    assert tab.inner.tabText(0) == "Danh sách đề nghị (2)"
    qtbot.keyClicks(tab.items.panel.search, "mai")
    assert [r[0] for r in _rows(tab)] == ["Trần Thị Mai"]
    assert tab.items.panel.count_label.text().startswith("1/2 đề nghị")


def test_a_grade_changed_elsewhere_shows_after_f5(qtbot, context, commune) -> None:  # type: ignore[no-untyped-def]
    _with_round(context, commune)
    tab = _tab(qtbot, context)
    assert _rows(tab)[0][2] == "? Cần xem xét"
    context.services.evaluations.save(
        YEAR,
        commune.schools,
        [GradeChange.person(commune.teachers["Nguyễn Thị Lan"], Grade.NOT_COMPLETED)],
        True,
    )
    tab.parent().parent().parent().trigger(Action.REFRESH)  # type: ignore[union-attr]
    assert _rows(tab)[0][:3] == ["Nguyễn Thị Lan", "Lao động tiên tiến", "✗ Không đủ"]


def test_one_subject_is_added_with_an_award_that_fits_it(  # type: ignore[no-untyped-def]
    qtbot, context, commune, monkeypatch, said
) -> None:
    _with_round(context, commune)
    tab = _tab(qtbot, context)

    def fill(d: ItemDialog) -> None:
        pick(d.picker, SubjectKind.HOUSEHOLD, "nguyen van an", "Hộ ông Nguyễn Văn An (Tổ dân "
             "phố Bắc Sơn)")  # fmt: skip
        assert d.award.itemData(0) == "GDVH"  # the household awards only
        d.achievement.setPlainText("x" * 4001)
        assert d.counter.text() == "4.001/4.000 ký tự"
        d.save_button.click()
        assert "quá 4.000 ký tự" in d.errors.message("achievement")
        d.achievement.setPlainText("Gia đình gương mẫu, ủng hộ xây dựng nhà văn hóa")
        d.save_button.click()

    drive(monkeypatch, ItemDialog, fill)
    tab.add()  # Ctrl+N with the list in front
    assert "Hộ ông Nguyễn Văn An" in [r[0] for r in _rows(tab)]
    assert tab.items.current().subject.kind is SubjectKind.HOUSEHOLD


def test_delete_asks_naming_the_line_and_removes_it(qtbot, context, commune, said) -> None:  # type: ignore[no-untyped-def]
    _with_round(context, commune)
    tab = _tab(qtbot, context)
    table = tab.items.panel.table
    tab.window().activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert said[0].startswith("Xóa đề nghị «Nguyễn Thị Lan» (Lao động tiên tiến) khỏi danh sách?")
    assert [r[0] for r in _rows(tab)] == ["Trần Thị Mai"]


def test_submitting_locks_the_list_and_moves_the_step_bar(qtbot, context, commune, said) -> None:  # type: ignore[no-untyped-def]
    _with_round(context, commune)
    tab = _tab(qtbot, context)
    assert tab.submit_button.isVisible() and not tab.back_button.isVisible()
    tab.submit_button.click()
    assert said[0].startswith("Trình Hội đồng TĐKT danh sách 2 đề nghị")
    assert "Hồ sơ: 0/4 giấy tờ (chưa đủ)" in said[0]
    assert tab.current_round().status is RoundStatus.SUBMITTED
    assert [s.state for s in tab.steps.steps][2] is StepState.CURRENT
    assert tab.next_label.text() == "Bước tiếp theo: mục Hội đồng TĐKT › Họp xét, bỏ phiếu."
    assert not tab.items.add_button.isEnabled() and not tab.items.delete_button.isEnabled()
    assert not tab.edit_round_button.isEnabled() and tab.back_button.isVisible()
    tab.back_button.click()
    assert tab.current_round().status is RoundStatus.DRAFT
    assert tab.items.add_button.isEnabled()


def test_the_dossier_takes_a_file_ticks_and_opens_it(  # type: ignore[no-untyped-def]
    qtbot, context, commune, tmp_path, said
) -> None:
    _with_round(context, commune)
    tab = _tab(qtbot, context)
    tab.inner.setCurrentIndex(DOSSIER_TAB)
    panel = tab.dossier
    scan = tmp_path / "Văn bản đề nghị.pdf"
    scan.write_bytes(b"%PDF-1.4 test")
    panel.ask_open = lambda _p: scan
    opened: list[Path] = []
    panel.open_file = opened.append
    assert panel.current_paper().title == "Văn bản đề nghị kèm danh sách"
    panel.attach_button.click()
    assert panel.current_paper().file_name == scan.name and panel.current_paper().done
    assert tab.inner.tabText(DOSSIER_TAB) == "Hồ sơ, công khai (1/4)"
    panel.open_button.click()
    assert opened and opened[0].read_bytes() == scan.read_bytes()
    second = panel.tree.topLevelItem(0).child(1)
    second.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: tab.current_round().papers_done == 2)
    assert panel.current_paper().title == "Biên bản họp xét khen thưởng"
    assert said == []


def test_the_notice_shows_its_last_day_and_warns_while_it_runs(qtbot, context, said) -> None:  # type: ignore[no-untyped-def]
    context.services.rounds.create(RoundInput(YEAR, RoundKind.FAMILY))
    tab = _tab(qtbot, context)
    tab._today = lambda: dt.date(2026, 12, 5)
    tab.inner.setCurrentIndex(DOSSIER_TAB)
    panel = tab.dossier
    assert panel.notice_box.isVisibleTo(tab)
    panel.notice_start.setText("02/12/2026")
    assert panel.notice_end.text() == "→ đến hết ngày 11/12/2026"
    panel.notice_document.setText("Thông báo số 12/TB-UBND")
    panel.notice_save.click()
    assert tab.current_round().notice_end == dt.date(2026, 12, 11)
    assert "Đang công khai (còn 7 ngày)" in tab.notice_label.text()
    panel.notice_start.setText("31/02/2026")
    panel.notice_save.click()
    assert "không có trên lịch" in panel.errors.message("start")


def test_export_writes_the_list_with_verdicts(qtbot, context, commune, tmp_path, said) -> None:  # type: ignore[no-untyped-def]
    _with_round(context, commune)
    tab = _tab(qtbot, context)
    path = tmp_path / "ds.xlsx"
    tab.items.ask_save = lambda _p, _name: path
    tab.items.export_button.click()
    assert said == ["Đã xuất 2 đề nghị ra tệp «ds.xlsx»."]
    values = [c for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True)
              for c in row]  # fmt: skip
    assert "Cần xem xét thủ công" in values and "Nguyễn Thị Lan" in values


def test_the_tab_fits_the_narrow_window(qtbot, context, commune) -> None:  # type: ignore[no-untyped-def]
    _with_round(context, commune)
    tab = _tab(qtbot, context)
    assert tab.minimumSizeHint().width() <= 580
    tab.window().resize(600, 560)
    table = tab.items.panel.table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    assert not table.isColumnHidden(0) and not table.isColumnHidden(2)


def test_the_round_form_asks_for_the_movement_only_for_a_movement_round(  # type: ignore[no-untyped-def]
    qtbot, context, commune
) -> None:
    from emulation_desktop.gui.tasks import SyncTaskRunner

    movements = context.services.movements.choices(2024)
    d = RoundDialog(context.services, SyncTaskRunner(), 2024, movements)
    qtbot.addWidget(d)
    d.show()
    assert not d.movement_row.isVisible() and not d.phase_row.isVisible()
    d.kind.setCurrentIndex(d.kind.findData(RoundKind.MOVEMENT.value))
    assert d.movement_row.isVisible() and not d.phase_row.isVisible()
    d.save_button.click()
    assert "hãy chọn phong trào" in d.errors.message("movement_id")
    d.movement.setCurrentIndex(d.movement.findData(commune.movement))
    assert d.phase_row.isVisible() and d.phase.count() == 3
    d.phase.setCurrentIndex(1)
    assert d.name.placeholderText() == (
        "Xét khen thưởng Đợt 1: Chào mừng 70 năm Chiến thắng Điện Biên Phủ – phong trào «Dạy "
        "tốt, học tốt» năm 2024"
    )
    d.save_button.click()
    (r,) = context.services.rounds.rounds(2024)
    assert (r.movement_name, r.name) == ("Dạy tốt, học tốt", d.name.placeholderText())
