"""The movements tab and its dialogs, driven as the officer would: type, press Lưu, read the red
text, copy a year's movements into the next."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from emulation_desktop.domain.enums import (
    Gender,
    Launcher,
    MovementKind,
    PersonKind,
    RegistrationStatus,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.movements import MilestoneInput, MovementInput, PhaseInput, YearPlan
from emulation_desktop.domain.registry import PersonInput, UnitInput
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.subjects import subject_columns
from emulation_desktop.store.cycle_models import RegistrationRow

from emulation_desktop.gui import application
from emulation_desktop.gui.movements import movement_dialog, movements_tab
from emulation_desktop.gui.movements.movement_dialog import PHASES, MovementDialog
from emulation_desktop.gui.movements.movements_tab import MovementsTab
from emulation_desktop.gui.movements.year_plan_dialog import YearPlanDialog
from emulation_desktop.gui.pages.base import Action
from emulation_desktop.gui.pages.tabbed import TabbedSectionPage
from emulation_desktop.gui.sections import SECTION_BY_KEY
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui

D = dt.date
NTM = "Cả nước chung sức xây dựng nông thôn mới nâng cao, kiểu mẫu"


class Asked(list[str]):
    """Questions and messages shown, in order; `answer` is what the officer clicks."""

    answer = True


@pytest.fixture
def services(context) -> AppServices:  # type: ignore[no-untyped-def]
    application.create_qapplication()
    reg = context.services.registry
    group = reg.create_unit(UnitInput("Các tổ dân phố", UnitKind.GROUP))
    for i in (1, 2, 3):
        reg.create_unit(UnitInput(f"Tổ dân phố số {i}", UnitKind.RESIDENTIAL, group))
    office = reg.create_unit(UnitInput("Văn phòng HĐND và UBND", UnitKind.OFFICE))
    reg.create_person(PersonInput("Nguyễn Thị Thu Hà", Gender.FEMALE, PersonKind.CONG_CHUC, office))
    return context.services


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    """Message boxes block: confirm, show_info and show_error become a record."""
    record = Asked()

    def fake_confirm(_parent: object, question: str, yes: str, no: str = "Hủy") -> bool:
        record.append(f"{question} [{yes}/{no}]")
        return record.answer

    for module in (movements_tab, movement_dialog):
        monkeypatch.setattr(module, "confirm", fake_confirm)
    monkeypatch.setattr(movements_tab, "show_info", lambda _p, m, *_a: record.append(m))
    monkeypatch.setattr(movements_tab, "show_error", lambda _p, m, *_a: record.append(f"LỖI {m}"))
    return record


def _ntm(year: int = 2024, **kw: Any) -> MovementInput:
    data: dict[str, Any] = {
        "name": NTM,
        "start": D(year, 1, 1),
        "end": D(year, 12, 31),
        "kind": MovementKind.PHASED,
        "launcher": Launcher.DISTRICT,
        "phases": (
            PhaseInput(1, "", D(year, 1, 1), D(year, 6, 30)),
            PhaseInput(2, "", D(year, 7, 1), D(year, 12, 31)),
        ),
        "milestones": (
            MilestoneInput("Chiến thắng Điện Biên Phủ", D(1954, 5, 7), D(year, 5, 7), 1),
        ),
    }
    return MovementInput(**(data | kw))


def _dialog(qtbot, services: AppServices, year: int = 2024, **kw: Any) -> MovementDialog:  # type: ignore[no-untyped-def]
    dialog = MovementDialog(services, SyncTaskRunner(), year, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _tab(qtbot, services: AppServices, year: int) -> MovementsTab:  # type: ignore[no-untyped-def]
    tab = MovementsTab(services, SyncTaskRunner(), lambda: None)
    qtbot.addWidget(tab)
    tab.set_year(year)
    tab.reload()
    tab.show()
    return tab


def _type(edit: Any, text: str) -> None:
    # Unikey/EVKey commit composed text as insert() does; QTest cannot type Vietnamese.
    edit.clear()
    edit.insert(text)


# The dialog -------------------------------------------------------------------------------------


def test_a_movement_is_created_through_the_dialog(qtbot, services, asked) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services)
    assert dialog.windowTitle() == "Thêm phong trào thi đua"
    assert (dialog.start_edit.text(), dialog.end_edit.text()) == ("01/01/2024", "31/12/2024")
    _type(dialog.name_edit, NTM)
    _type(dialog.theme_edit, "Đoàn kết, vượt khó - Tăng tốc, bứt phá - Kịp thời, hiệu quả")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(MovementKind.PHASED.value))
    dialog.doc_type.setCurrentText("Kế hoạch")
    _type(dialog.doc_number, "36/KH-UBND")
    _type(dialog.doc_date, "14/3/2024")
    _type(dialog.doc_issuer, "UBND huyện Trục Ninh")
    _type(dialog.responsible.edit, "thu ha")
    dialog.responsible.search_now()
    dialog.responsible.choose("Nguyễn Thị Thu Hà (Văn phòng HĐND và UBND)")

    phases = dialog.phases
    phases.add_button.click()
    assert [phases.text(0, c) for c in range(4)] == ["1", "", "01/01/2024", "31/12/2024"]
    phases.set_text(0, 3, "30/06/2024")
    phases.set_text(0, 4, "Hoàn thành xuất sắc nhiệm vụ 6 tháng đầu năm")
    phases.add_button.click()  # the next phase starts the day after and ends with the movement
    assert [phases.text(1, c) for c in range(4)] == ["2", "", "01/07/2024", "31/12/2024"]

    milestones = dialog.milestones
    milestones.add_button.click()
    milestones.set_text(0, 0, "Chiến thắng Điện Biên Phủ")
    milestones.set_text(0, 1, "07/5/1954")  # the anniversary this year is filled in
    milestones.set_text(0, 3, "Đợt 1")
    assert milestones.text(0, 2) == "07/05/2024"
    assert milestones.label(0) == "70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)"
    dialog.units.filter.setText("to dan pho so 2")
    unit = next(u for u in services.registry.units() if u.name == "Tổ dân phố số 2")
    dialog.units.set_checked(unit.id)
    dialog.save_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted and asked == []
    d = services.movements.get(dialog.saved_id)
    assert (d.name, d.kind, d.year) == (NTM, MovementKind.PHASED, 2024)
    assert d.launch_line == "Kế hoạch số 36/KH-UBND ngày 14/3/2024 của UBND huyện Trục Ninh"
    assert [(p.title, p.period) for p in d.phases] == [
        ("Đợt 1", "01/01/2024 - 30/06/2024"),
        ("Đợt 2", "01/07/2024 - 31/12/2024"),
    ]
    assert d.phases[0].goals == "Hoàn thành xuất sắc nhiệm vụ 6 tháng đầu năm"
    assert [(m.label, m.phase_number) for m in d.milestones] == [
        ("70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)", 1)
    ]
    assert [u.name for u in d.units] == ["Tổ dân phố số 2"]
    assert d.responsible is not None and d.responsible.name == "Nguyễn Thị Thu Hà"


def test_end_before_start_is_shown_at_the_field_and_nothing_written(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services)
    _type(dialog.name_edit, NTM)
    _type(dialog.end_edit, "01/01/2023")
    dialog.save_button.click()
    assert dialog.errors.message("end") == "Ngày kết thúc phải sau ngày bắt đầu."
    assert dialog.focusWidget() is dialog.end_edit
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert services.movements.list(2024) == []


def test_a_phase_outside_the_movement_opens_the_phases_tab(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services)
    _type(dialog.name_edit, NTM)
    dialog.phases.add_button.click()
    dialog.phases.set_text(0, 3, "31/01/2025")
    dialog.save_button.click()
    assert dialog.tabs.currentIndex() == PHASES
    assert dialog.errors.message("phases") == (
        "Đợt 1 (01/01/2024 - 31/01/2025) nằm ngoài thời gian của phong trào "
        "(01/01/2024 - 31/12/2024)."
    )
    assert services.movements.list(2024) == []


def test_a_date_that_cannot_be_read_names_the_phase(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services)
    _type(dialog.name_edit, NTM)
    dialog.phases.add_button.click()
    dialog.phases.set_text(0, 2, "31/02/2024")
    dialog.save_button.click()
    assert dialog.errors.message("phases") == "Đợt 1: Ngày 31/02/2024 không có trên lịch."
    assert services.movements.list(2024) == []


def test_an_anniversary_outside_the_period_is_asked_about(qtbot, services, asked) -> None:  # type: ignore[no-untyped-def]
    asked.answer = False
    dialog = _dialog(qtbot, services)
    _type(dialog.name_edit, NTM)
    _type(dialog.end_edit, "15/12/2024")
    dialog.milestones.add_button.click()
    dialog.milestones.set_text(0, 0, "ngày thành lập Quân đội nhân dân Việt Nam")
    dialog.milestones.set_text(0, 1, "22/12/1944")
    dialog.save_button.click()
    assert asked == [
        "Ngày kỷ niệm «ngày thành lập Quân đội nhân dân Việt Nam» (22/12/2024) nằm ngoài thời "
        "gian của phong trào (01/01/2024 - 15/12/2024).\n\nVẫn lưu? [Vẫn lưu/Xem lại]"
    ]
    assert services.movements.list(2024) == []
    asked.answer = True
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(services.movements.list(2024)) == 1


def test_editing_loads_the_movement_and_keeps_its_id(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    movement_id = services.movements.create(_ntm())
    detail = services.movements.get(movement_id)
    dialog = _dialog(qtbot, services, movement=detail)
    assert dialog.windowTitle() == "Sửa phong trào thi đua"
    assert dialog.name_edit.text() == NTM
    assert dialog.phases.table.rowCount() == 2
    assert dialog.milestones.label(0) == "70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)"
    dialog.phases.table.selectRow(1)
    dialog.phases.remove_button.click()
    dialog.save_button.click()
    assert dialog.saved_id == movement_id
    assert [p.number for p in services.movements.get(movement_id).phases] == [1]


def test_the_dialog_fits_a_laptop_screen(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services)
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    assert dialog.minimumSizeHint().height() <= 614  # 768 at 125 % is 614 logical pixels


# The tab ----------------------------------------------------------------------------------------


def test_an_empty_year_explains_and_offers_both_first_actions(qtbot, services, asked) -> None:  # type: ignore[no-untyped-def]
    services.movements.create(_ntm(2025))
    tab = _tab(qtbot, services, 2026)
    assert tab.stack.currentIndex() == 1
    assert tab.empty_label.text() == (
        "Chưa có phong trào nào trong năm 2026. Thêm phong trào mới hoặc sao chép từ năm 2025."
    )
    assert tab.copy_previous_button.text() == "Sao chép từ năm 2025"
    assert tab.copy_previous_button.isVisibleTo(tab)

    tab.copy_previous_button.click()
    assert asked == ["Đã sao chép 1 phong trào từ năm 2025 sang năm 2026."]
    assert tab.stack.currentIndex() == 0
    assert [m.name for m in tab.model.items] == [NTM]
    assert (
        "71 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2025)" not in tab.detail.toPlainText()
    )
    assert "72 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2026)" in tab.detail.toPlainText()


def test_a_year_without_a_previous_one_offers_only_adding(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, services, 2026)
    assert "Bấm «Thêm mới»" in tab.empty_label.text()
    assert not tab.copy_previous_button.isVisibleTo(tab)


def test_the_list_shows_the_year_and_the_detail_the_plan_facts(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    services.movements.save_year_plan(
        YearPlan(2024, "Đoàn kết, vượt khó - Tăng tốc, bứt phá - Kịp thời, hiệu quả", 3,
                 "21/KH-UBND", D(2024, 3, 14))
    )  # fmt: skip
    services.movements.create(
        _ntm(launch_doc_type="Kế hoạch", launch_doc_number="36/KH-UBND",
             launch_doc_date=D(2024, 3, 14), launch_doc_issuer="UBND huyện Trục Ninh")
    )  # fmt: skip
    services.movements.create(_ntm(2025))
    tab = _tab(qtbot, services, 2024)
    assert "Kế hoạch số 21/KH-UBND ngày 14/3/2024" in tab.plan_label.text()
    assert "Đoàn kết, vượt khó - Tăng tốc, bứt phá - Kịp thời, hiệu quả" in tab.plan_label.text()
    assert "3 mô hình mới" in tab.plan_label.text()
    assert tab.count_label.text() == "1 phong trào"
    row = [tab.model.index(0, c).data() for c in range(5)]
    assert row == [NTM, "Theo đợt", "UBND huyện (trước 01/7/2025)", "01/01 - 31/12/2024", "2"]
    text = tab.detail.toPlainText()
    assert "Kế hoạch số 36/KH-UBND ngày 14/3/2024 của UBND huyện Trục Ninh" in text
    assert "70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)" in text
    tab.search.setText("khong co")
    assert tab.model.items == [] and tab.stack.currentIndex() == 0
    assert "Không có phong trào nào khớp với «khong co»." in tab.detail.toPlainText()


def test_copy_the_selected_movement_to_next_year(qtbot, services, asked) -> None:  # type: ignore[no-untyped-def]
    services.movements.create(_ntm())
    tab = _tab(qtbot, services, 2024)
    assert tab.copy_one_action.text() == "Phong trào đang chọn sang năm 2025"
    tab.copy_one_action.trigger()
    assert asked[0].startswith(f"Sao chép phong trào «{NTM}» sang năm 2025?")
    assert asked[1].startswith(f"Đã sao chép phong trào «{NTM}» sang năm 2025.")
    [copy] = services.movements.list(2025)
    assert copy.period == "01/01/2025 - 31/12/2025" and copy.phase_count == 2

    tab.copy_one_action.trigger()  # a second time: refused with the reason
    assert asked[-1] == (
        f"LỖI Năm 2025 đã có phong trào «{NTM}»; không sao chép thêm. "
        "Hãy sửa phong trào đó nếu cần."
    )
    tab.copy_all_action.trigger()
    assert asked[-1] == "Năm 2025 đã có đủ các phong trào của năm 2024; không có gì để sao chép."


def test_delete_asks_by_name_and_refuses_with_registrations(
    qtbot, context, services, asked
) -> None:  # type: ignore[no-untyped-def]
    movement_id = services.movements.create(_ntm())
    unit = services.registry.units()[1]
    with context.database.session_scope() as s:
        s.add(RegistrationRow(year=2024, movement_id=movement_id, subject_kind=SubjectKind.UNIT,
                              status=RegistrationStatus.PENDING,
                              **subject_columns(SubjectKind.UNIT, unit.id)))  # fmt: skip
    tab = _tab(qtbot, services, 2024)
    tab.delete_button.click()
    assert asked[0] == f"Xóa phong trào «{NTM}»? [Xóa/Hủy]"
    assert asked[1].startswith(f"LỖI Không xóa được phong trào «{NTM}» vì đã có 1 đăng ký")
    assert len(services.movements.list(2024)) == 1


def test_enter_edits_and_the_page_follows_the_year(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[tuple[int, str | None]] = []

    class FakeDialog:
        def __init__(self, _s: object, _t: object, year: int, movement: Any = None, **_k: Any):
            opened.append((year, movement.name if movement else None))
            self.saved_id = None

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(movements_tab, "MovementDialog", FakeDialog)
    services.movements.create(_ntm())
    page = TabbedSectionPage(SECTION_BY_KEY["movements"], services, SyncTaskRunner(),
                             lambda: None, tabs=[MovementsTab])  # fmt: skip
    qtbot.addWidget(page)
    page.set_year(2024)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    page.activated()
    tab = page.current()
    assert isinstance(tab, MovementsTab) and page.tabs.tabText(0) == "Phong trào"
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    tab.table.doubleClicked.emit(tab.model.index(0, 0))
    page.trigger(Action.ADD)  # Ctrl+N
    assert opened == [(2024, NTM), (2024, NTM), (2024, None)]
    page.set_year(2026)
    assert tab.stack.currentIndex() == 1


def test_the_year_plan_dialog_saves_and_the_strip_shows_it(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dialog = YearPlanDialog(
        services.movements, SyncTaskRunner(), services.movements.year_plan(2024)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    _type(dialog.theme_edit, "Đoàn kết, vượt khó - Tăng tốc, bứt phá - Kịp thời, hiệu quả")
    _type(dialog.number_edit, "21/KH-UBND")
    _type(dialog.date_edit, "14/03/2024")
    dialog.target_spin.setValue(3)
    dialog.save_button.click()
    assert dialog.saved
    plan = services.movements.year_plan(2024)
    assert (plan.theme, plan.model_target, plan.plan_date) == (
        "Đoàn kết, vượt khó - Tăng tốc, bứt phá - Kịp thời, hiệu quả",
        3,
        D(2024, 3, 14),
    )


def test_a_bad_plan_date_is_shown_at_the_field(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dialog = YearPlanDialog(
        services.movements, SyncTaskRunner(), services.movements.year_plan(2024)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    _type(dialog.date_edit, "32/3/2024")
    dialog.save_button.click()
    assert dialog.errors.message("plan_date") == "Ngày 32/03/2024 không có trên lịch."
    assert not services.movements.year_plan(2024).saved


def test_a_movement_without_phases_says_so_and_one_across_years_shows_both(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    services.movements.create(
        _ntm(name="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
             kind=MovementKind.REGULAR, start=D(2024, 6, 1), end=D(2025, 5, 31), phases=(),
             milestones=())
    )  # fmt: skip
    tab = _tab(qtbot, services, 2024)
    assert [tab.model.index(0, c).data() for c in (3, 4)] == ["01/06/2024 - 31/05/2025", "–"]


def test_a_narrow_window_keeps_the_name_readable(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    services.movements.create(_ntm())
    tab = _tab(qtbot, services, 2024)

    def shown() -> list[str]:
        return [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)
                if not tab.table.isColumnHidden(c)]  # fmt: skip

    tab.resize(1300, 600)
    qtbot.waitUntil(lambda: tab.table.width() > 600)
    assert shown() == ["Tên phong trào", "Loại", "Cấp phát động", "Thời gian", "Số đợt"]
    tab.resize(tab.minimumSizeHint().width(), 600)
    qtbot.waitUntil(lambda: tab.table.width() < 400)
    assert shown() == ["Tên phong trào", "Thời gian"]  # the detail beside has the rest
    assert tab.table.columnWidth(0) >= tab.fontMetrics().horizontalAdvance("M") * 12
    tab.resize(1300, 600)
    qtbot.waitUntil(lambda: len(shown()) == 5)
