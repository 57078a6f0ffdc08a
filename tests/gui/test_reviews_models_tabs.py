"""Sơ kết – Tổng kết and Điển hình tiên tiến as the officer uses them: a review with a bad date
refused at the field, results entered for the registered subjects, a model that needs its
recognition date, and the progress against the plan's target."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from emulation_desktop.domain.enums import ModelStatus, RegistrationStatus, SubjectKind
from emulation_desktop.domain.registrations import RegistrationInput, RegistrationQuery
from emulation_desktop.store.cycle_models import YearPlanRow
from tests.cycle_data import Commune, small_commune
from tests.gui.tab_helpers import drive, pick, record_messages, tab_in_page

from emulation_desktop.gui.movements import advanced_models_tab, panel_tab, reviews_tab
from emulation_desktop.gui.movements.advanced_model_dialog import AdvancedModelDialog
from emulation_desktop.gui.movements.advanced_models_tab import (
    REACHED_COLOR,
    SHORT_COLOR,
    AdvancedModelsTab,
)
from emulation_desktop.gui.movements.review_dialog import ResultsDialog, ReviewDialog
from emulation_desktop.gui.movements.reviews_tab import ReviewsTab

pytestmark = pytest.mark.gui


@pytest.fixture
def commune(context) -> Commune:  # type: ignore[no-untyped-def]
    """The small commune with four teachers approved in "Dạy tốt, học tốt" 2024."""
    c = small_commune(context)
    regs = c.services.registrations  # type: ignore[attr-defined]
    for name in ("Lê Văn Bình", "Phạm Thị Hoa", "Đặng Văn Dũng", "Vũ Thị Yến"):
        regs.create(RegistrationInput(2024, (SubjectKind.PERSON, c.person(name)),
                                      movement_id=c.movement,
                                      status=RegistrationStatus.PENDING))  # fmt: skip
    ids = [r.id for r in regs.rows(RegistrationQuery(2024))]
    regs.change_status(ids, RegistrationStatus.APPROVED, dt.date(2024, 3, 1))
    return c


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return record_messages(monkeypatch, reviews_tab, advanced_models_tab, panel_tab)


# Reviews ------------------------------------------------------------------------------------


def test_reviews_need_a_movement_first(qtbot, commune: Commune) -> None:  # type: ignore[no-untyped-def]
    tab = tab_in_page(qtbot, commune.services, ReviewsTab, 2025)
    assert tab.stack.currentIndex() == 1
    assert "Năm 2025 chưa có phong trào nào" in tab.empty_label.text()
    assert tab.empty_add.isHidden()
    tab.set_year(2024)
    tab.reload()
    assert "Chưa có hội nghị sơ kết, tổng kết nào trong năm 2024" in tab.empty_label.text()
    assert not tab.empty_add.isHidden()


def test_add_a_review_refusing_a_date_before_its_phase(qtbot, commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab = tab_in_page(qtbot, commune.services, ReviewsTab, 2024)

    def fill(d: ReviewDialog) -> None:
        assert d.movement.currentText() == "Dạy tốt, học tốt"
        d.phase.setCurrentIndex(2)  # đợt 2, from 08/05/2024
        d.held_on.setText("30/04/2024")
        d.document.setText("Báo cáo số 45/BC-UBND ngày 20/6/2024")
        d.save_button.click()
        assert d.errors.message("held_on") == (
            "Ngày 30/04/2024 trước khi đợt 2 bắt đầu (08/05/2024); chưa thể sơ kết, tổng kết "
            "đợt này."
        )
        assert commune.services.reviews.reviews(2024) == []
        d.held_on.setText("20/06/2024")
        d.save_button.click()

    drive(monkeypatch, ReviewDialog, fill)
    tab.add()
    assert tab.stack.currentIndex() == 0
    row = [tab.model.index(0, c).data() for c in range(8)]
    assert row == ["20/06/2024", "Sơ kết đợt 2", "Dạy tốt, học tốt", "4", "–", "–", "–", "–"]


def test_enter_review_results(qtbot, commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from emulation_desktop.domain.enums import ReviewKind
    from emulation_desktop.domain.reviews import ReviewInput

    commune.services.reviews.create(ReviewInput(commune.movement, None, ReviewKind.FINAL,
                                                dt.date(2024, 12, 20)))  # fmt: skip
    tab = tab_in_page(qtbot, commune.services, ReviewsTab, 2024)
    tab.panel.select_row(0)
    figures: list[str] = []

    def fill(d: ResultsDialog) -> None:
        names = [d.table.item(r, 0).text() for r in range(d.table.rowCount())]
        assert names == ["Lê Văn Bình", "Đặng Văn Dũng", "Phạm Thị Hoa", "Vũ Thị Yến"]
        assert d.scope.text() == "Đặt cho tất cả:"
        d.findChild(type(d.save_button), "set_dat").click()  # everybody met the targets
        d.table.selectRow(0)
        QTest.keyClick(d.table, Qt.Key.Key_1)  # Lê Văn Bình exceeded them
        d.table.selectRow(3)
        QTest.keyClick(d.table, Qt.Key.Key_3)
        d.table.item(3, 4).setText("Chưa có sáng kiến")
        figures.append(d.figures_label.text())
        d.save_button.click()

    drive(monkeypatch, ResultsDialog, fill)
    tab.enter_results()
    assert figures == ["4 đăng ký; đã đánh giá 4: vượt 1, đạt 2, chưa đạt 1."]
    row = [tab.model.index(0, c).data() for c in range(3, 8)]
    assert row == ["4", "4", "1", "2", "1"]
    detail = tab.panel.detail.toPlainText()
    assert "Vượt chỉ tiêu (1): Lê Văn Bình" in detail
    assert "Chưa đạt (1): Vũ Thị Yến (Chưa có sáng kiến)" in detail


# Advanced models ----------------------------------------------------------------------------


def test_add_a_model_and_see_the_progress(qtbot, commune, context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with context.database.session_scope() as s:
        s.add(YearPlanRow(year=2024, model_target=2))
    tab = tab_in_page(qtbot, commune.services, AdvancedModelsTab, 2024)
    assert tab.stack.currentIndex() == 1
    assert "Kế hoạch năm 2024 đặt chỉ tiêu 2 mô hình." in tab.empty_label.text()
    assert tab.progress.text() == (
        "Mô hình mới, điển hình tiên tiến năm 2024: 0/2 (chỉ tiêu theo kế hoạch)"
    )
    assert SHORT_COLOR in tab.progress.styleSheet()

    def fill(name: str, subject: str, label: str) -> None:
        def act(d: AdvancedModelDialog) -> None:
            d.name.setText(name)
            pick(d.picker, SubjectKind.UNIT, subject, label)
            d.channels[next(iter(d.channels))].setChecked(True)
            d.status.setCurrentIndex(d.status.findData(ModelStatus.RECOGNISED.value))
            d.save_button.click()
            assert d.errors.message("recognised_on") == (
                "Mô hình «đã công nhận» cần ngày công nhận (ngày/tháng/năm)."
            )
            assert commune.services.models.models(2024) == [] or name != "Tuyến phố văn minh"
            d.recognised_on.setText("02/09/2024")
            d.save_button.click()

        drive(monkeypatch, AdvancedModelDialog, act)
        tab.add()

    fill("Tuyến phố văn minh", "bac son", "Tổ dân phố Bắc Sơn (Thôn, tổ dân phố)")
    assert tab.progress.text().endswith(": 1/2 (chỉ tiêu theo kế hoạch)")
    assert [tab.model.index(0, c).data() for c in range(5)] == [
        "Tuyến phố văn minh", "Tổ dân phố Bắc Sơn", "Đã công nhận", "02/09/2024",
        "Trang thông tin điện tử",
    ]  # fmt: skip
    fill("Trường học hạnh phúc", "mam non", "Trường Mầm non Cát Thành (Trường học)")
    assert tab.progress.text() == (
        "Mô hình mới, điển hình tiên tiến năm 2024: 2/2 (chỉ tiêu theo kế hoạch) – đã đạt chỉ tiêu"
    )
    assert REACHED_COLOR in tab.progress.styleSheet()
    assert tab.panel.count_label.text() == "2 mô hình"
