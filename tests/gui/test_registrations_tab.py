"""Đăng ký thi đua as the officer uses it: register through the dialog, a duplicate refused at
the field, a whole unit at once, status steps on the chosen rows, the empty state and Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtWidgets import QDialog, QLabel

from emulation_desktop.domain.enums import RegistrationStatus, SubjectKind
from emulation_desktop.domain.registrations import RegistrationInput, RegistrationQuery
from tests.cycle_data import Commune, small_commune
from tests.gui.tab_helpers import drive, pick, record_messages, tab_in_page

from emulation_desktop.gui.movements import panel_tab, registrations_tab
from emulation_desktop.gui.movements.registration_dialog import RegistrationDialog, StatusDialog
from emulation_desktop.gui.movements.registrations_tab import RegistrationsTab
from emulation_desktop.gui.movements.unit_registration_dialog import UnitRegistrationDialog

pytestmark = pytest.mark.gui
S = RegistrationStatus


@pytest.fixture
def commune(context) -> Commune:  # type: ignore[no-untyped-def]
    return small_commune(context)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return record_messages(monkeypatch, registrations_tab, panel_tab, errors_prefix="LỖI ")


@pytest.fixture
def tab(qtbot, commune: Commune) -> RegistrationsTab:  # type: ignore[no-untyped-def]
    current = tab_in_page(qtbot, commune.services, RegistrationsTab, 2024)
    assert isinstance(current, RegistrationsTab)
    return current


def test_empty_year_explains_that_titles_need_no_movement(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    tab = tab_in_page(qtbot, context.services, RegistrationsTab, 2025)
    assert tab.stack.currentIndex() == 1
    text = tab.empty_label.text()
    assert text.startswith("Chưa có đăng ký thi đua nào trong năm 2025.")
    assert "chưa có phong trào nào" in text and "vẫn đăng ký danh hiệu được" in text


def test_register_through_the_dialog(tab: RegistrationsTab, monkeypatch, messages) -> None:  # type: ignore[no-untyped-def]
    def fill(d: RegistrationDialog) -> None:
        pick(d.picker, SubjectKind.PERSON, "le van binh", "Lê Văn Bình (Trường Tiểu học Cát Thành)")
        titles = [d.title_combo.itemText(i) for i in range(d.title_combo.count())]
        assert titles[0] == "Không đăng ký danh hiệu" and "Lao động tiên tiến" in titles
        assert "Tập thể lao động tiên tiến" not in titles  # only titles for people
        d.title_combo.setCurrentIndex(d.title_combo.findText("Lao động tiên tiến"))
        d.movement.setCurrentIndex(d.movement.findText("Dạy tốt, học tốt"))
        d.targets.setPlainText("Giáo viên dạy giỏi cấp xã\nCó sáng kiến")
        d.registered_on.setText("15/02/2024")
        d.save_button.click()

    drive(monkeypatch, RegistrationDialog, fill)
    tab.add()
    assert tab.stack.currentIndex() == 0
    assert tab.panel.count_label.text() == "1 đăng ký"
    row = [tab.model.index(0, c).data() for c in range(6)]
    assert row == ["Lê Văn Bình", "Trường Tiểu học Cát Thành", "Chưa gửi", "Lao động tiên tiến",
                   "Dạy tốt, học tốt", "15/02/2024"]  # fmt: skip
    assert tab.summary.text().startswith("Năm 2024: 1 đăng ký – Chưa gửi 1 · Chờ duyệt 0")
    assert "Giáo viên dạy giỏi cấp xã" in tab.panel.detail.toPlainText()


def test_a_duplicate_is_refused_at_the_subject_field(tab, commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    binh = commune.person("Lê Văn Bình")
    commune.services.registrations.create(RegistrationInput(2024, (SubjectKind.PERSON, binh),
                                                            award_code="LDTT"))  # fmt: skip
    tab.reload()

    def fill(d: RegistrationDialog) -> None:
        pick(d.picker, SubjectKind.PERSON, "binh", "Lê Văn Bình (Trường Tiểu học Cát Thành)")
        d.title_combo.setCurrentIndex(d.title_combo.findText("Lao động tiên tiến"))
        d.registered_on.setText("31/02/2024")
        d.save_button.click()
        assert d.errors.message("registered_on") == "Ngày 31/02/2024 không có trên lịch."
        d.registered_on.setText("01/03/2024")
        d.save_button.click()

    opened = drive(monkeypatch, RegistrationDialog, fill)
    tab.add()
    dialog = opened[0]
    assert dialog.result() == QDialog.DialogCode.Rejected  # still open in real life
    assert dialog.errors.message("subject") == (
        "«Lê Văn Bình» đã đăng ký danh hiệu «Lao động tiên tiến» (không theo phong trào) năm "
        "2024; không đăng ký trùng."
    )
    assert tab.panel.count_label.text() == "1 đăng ký"


def test_bulk_register_a_unit_and_report_the_skipped(tab, commune, monkeypatch, messages) -> None:  # type: ignore[no-untyped-def]
    regs = commune.services.registrations
    regs.create(RegistrationInput(2024, (SubjectKind.PERSON, commune.person("Vũ Thị Yến")),
                                  award_code="LDTT"))  # fmt: skip
    previews: list[str] = []

    def fill(d: UnitRegistrationDialog) -> None:
        d.unit.set_unit(commune.schools)
        d.person_title.setCurrentIndex(d.person_title.findText("Lao động tiên tiến"))
        d.collectives.setChecked(True)
        d.unit_title.setCurrentIndex(d.unit_title.findText("Tập thể lao động tiên tiến"))
        previews.append(d.preview.text())
        d.registered_on.setText("20/02/2024")
        d.save_button.click()

    drive(monkeypatch, UnitRegistrationDialog, fill)
    tab.register_unit()
    assert previews == [
        "Sẽ đăng ký 5 cá nhân và 2 tập thể; 1 đối tượng đã đăng ký trước sẽ được bỏ qua."
    ]
    assert messages == ["Đã đăng ký 5 cá nhân và 2 tập thể; bỏ qua 1 người đã đăng ký trước "
                        "(Vũ Thị Yến)."]  # fmt: skip
    assert tab.panel.count_label.text() == "8 đăng ký"
    tab.unit_filter.set_unit(commune.kindergarten)
    assert tab.panel.count_label.text() == "3 đăng ký"  # two teachers and the school itself


def test_status_steps_on_the_chosen_rows(tab, commune, monkeypatch, messages) -> None:  # type: ignore[no-untyped-def]
    regs = commune.services.registrations
    for name in ("Lê Văn Bình", "Phạm Thị Hoa", "Đặng Văn Dũng"):
        who = (SubjectKind.PERSON, commune.person(name))
        regs.create(RegistrationInput(2024, who, award_code="LDTT",
                                      registered_on=dt.date(2024, 2, 1)))  # fmt: skip
    tab.reload()
    tab.panel.table.selectAll()
    days: list[str] = []

    def approve(d: StatusDialog) -> None:
        d.day.setText("05/03/2024")
        d.save_button.click()
        days.append(d.errors.message(""))

    drive(monkeypatch, StatusDialog, approve)
    tab.approve_action.trigger()  # drafts cannot be approved: said in the dialog, nothing changed
    assert days[0].startswith("Chưa chuyển được sang «Đã duyệt»: 3 đăng ký chưa gửi duyệt")
    assert regs.counts(2024)[S.DRAFT] == 3
    tab.panel.table.selectAll()
    tab.submit_action.trigger()
    assert regs.counts(2024)[S.PENDING] == 3
    tab.panel.table.selectAll()
    tab.approve_action.trigger()
    assert regs.counts(2024)[S.APPROVED] == 3
    statuses = {tab.model.index(r, 2).data() for r in range(tab.model.rowCount())}
    assert statuses == {"Đã duyệt"}
    assert all(r.decided_on == dt.date(2024, 3, 5) for r in regs.rows(RegistrationQuery(2024)))


def test_export_the_list_as_shown(tab, commune, tmp_path: Path, messages) -> None:  # type: ignore[no-untyped-def]
    regs = commune.services.registrations
    regs.create(RegistrationInput(2024, (SubjectKind.UNIT, commune.primary), award_code="TTLDTT"))
    regs.create(RegistrationInput(2024, (SubjectKind.PERSON, commune.person("Lê Thị Hằng")),
                                  award_code="LDTT"))  # fmt: skip
    tab.reload()
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(SubjectKind.UNIT.value))
    target = tmp_path / "dk.xlsx"
    tab.ask_save = lambda _parent, suggested: target if suggested.endswith(".xlsx") else None
    tab.export()
    assert messages == ["Đã xuất 1 dòng ra tệp «dk.xlsx»."]
    sheet = openpyxl.load_workbook(target).active
    names = [row[2] for row in sheet.iter_rows(values_only=True)]
    assert "Trường Tiểu học Cát Thành" in names and "Lê Thị Hằng" not in names


def test_approving_one_registration_names_it_and_the_unit_form_asks_one_thing_at_a_time(  # type: ignore[no-untyped-def]
    tab: RegistrationsTab, commune, monkeypatch
) -> None:
    regs = commune.services.registrations
    who = (SubjectKind.PERSON, commune.person("Lê Văn Bình"))
    regs.create(RegistrationInput(2024, who, award_code="LDTT", status=S.PENDING))
    tab.reload()
    tab.panel.table.selectRow(0)
    intros: list[str] = []
    drive(monkeypatch, StatusDialog, lambda d: intros.append(d.findChild(QLabel).text()))
    tab.approve_action.trigger()
    assert intros == ["Duyệt đăng ký của «Lê Văn Bình» (Lao động tiên tiến)."]
    previews: list[str] = []
    drive(monkeypatch, UnitRegistrationDialog, lambda d: previews.append(d.preview.text()))
    tab.register_unit()
    assert previews == ["Hãy chọn đơn vị cần đăng ký."]
