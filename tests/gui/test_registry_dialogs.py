"""The registry's edit dialogs, driven as the officer would: type, press Lưu, read the red text."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from emulation_desktop.domain.enums import Gender, PersonKind, UnitKind
from emulation_desktop.domain.registry import PersonInput
from emulation_desktop.domain.registry_views import HouseholdQuery, PersonQuery, UnitNode
from emulation_desktop.services.registry import RegistryService

from emulation_desktop.gui import application
from emulation_desktop.gui.registry import merge_dialog, person_dialog
from emulation_desktop.gui.registry.household_dialog import HouseholdDialog
from emulation_desktop.gui.registry.merge_dialog import EMPTY, MergeDialog
from emulation_desktop.gui.registry.move_dialog import MoveDialog
from emulation_desktop.gui.registry.person_dialog import PersonDialog
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.registry.unit_dialog import NO_PARENT, UnitDialog
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui

TODAY = date(2026, 6, 1)


@pytest.fixture
def registry(demo_context) -> RegistryService:  # type: ignore[no-untyped-def]
    application.create_qapplication()
    return demo_context.services.registry


class Questions(list[str]):
    """The confirmations asked, in order; `answer` is what the officer clicks."""

    answer = False


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    """Message boxes block, so confirm and show_error are replaced by a record of them."""
    asked = Questions()

    def fake_confirm(_parent: object, question: str, yes: str, no: str = "Hủy") -> bool:
        asked.append(f"{question} [{yes}/{no}]")
        return asked.answer

    for module in (person_dialog, merge_dialog):
        monkeypatch.setattr(module, "confirm", fake_confirm)
    monkeypatch.setattr(merge_dialog, "show_error", lambda _p, m, *_a: asked.append(f"LỖI {m}"))
    return asked


def _unit(units: list[UnitNode], name: str) -> UnitNode:
    return next(u for u in units if u.name == name)


def _person_dialog(qtbot, registry: RegistryService, **kwargs: Any) -> PersonDialog:  # type: ignore[no-untyped-def]
    units = registry.units()
    dialog = PersonDialog(registry, SyncTaskRunner(), units, today=lambda: TODAY, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type(dialog: PersonDialog, name: str = "", birth: str = "", cccd: str = "") -> None:
    # Unikey/EVKey commit composed text as insert() does; QTest cannot type Vietnamese.
    for edit, text in (
        (dialog.name_edit, name),
        (dialog.birth_edit, birth),
        (dialog.cccd_edit, cccd),
    ):
        edit.clear()
        edit.insert(text)


def _count(registry: RegistryService, text: str = "") -> int:
    return registry.count_people(PersonQuery(text=text, active=None))


# Person ---------------------------------------------------------------------------------------


def test_new_person_is_saved_in_nfc_and_proper_case(qtbot, registry, questions) -> None:  # type: ignore[no-untyped-def]
    thon_dong = _unit(registry.units(), "Thôn Đông")
    dialog = _person_dialog(qtbot, registry, default_unit_id=thon_dong.id)
    assert dialog.windowTitle() == "Thêm cá nhân"
    assert dialog.unit_combo.unit_id() == thon_dong.id
    _type(dialog, unicodedata.normalize("NFD", "lê thị bích ngọc"), "05/03/1988")
    dialog.name_edit.editingFinished.emit()
    assert dialog.female_radio.isChecked()  # "Thị" tells it
    dialog.save_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    found = registry.people_page(PersonQuery(text="le thi bich ngoc"), 0, 10)
    assert [p.full_name for p in found] == ["Lê Thị Bích Ngọc"]
    assert unicodedata.is_normalized("NFC", found[0].full_name)
    assert found[0].id == dialog.saved_id
    assert (found[0].birth_date, found[0].gender) == (date(1988, 3, 5), Gender.FEMALE)
    assert found[0].unit_id == thon_dong.id
    assert questions == []  # nobody of that name: no duplicate question


@pytest.mark.parametrize(
    ("birth", "expected"), [("31/02/1990", "không có thật"), ("20/06/2026", "tương lai")]
)
def test_impossible_birth_is_shown_under_the_field_and_nothing_written(
    qtbot, registry, birth: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    before = _count(registry)
    dialog = _person_dialog(qtbot, registry, default_unit_id=registry.units()[1].id)
    _type(dialog, "Trần Văn Bình", birth)
    dialog.save_button.click()

    message = dialog.errors.message("birth")
    assert expected in message
    label = dialog.findChild(type(dialog.errors.general), "birth_error")
    assert label is not None and label.isVisible() and "#c62828" in label.styleSheet()
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))  # not clipped
    assert dialog.focusWidget() is dialog.birth_edit
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert _count(registry) == before


def test_year_alone_is_accepted(qtbot, registry, questions) -> None:  # type: ignore[no-untyped-def]
    dialog = _person_dialog(qtbot, registry, default_unit_id=registry.units()[1].id)
    _type(dialog, "Trần Văn Bình", "1975")
    dialog.save_button.click()
    saved = registry.person(dialog.saved_id)  # type: ignore[arg-type]
    assert saved is not None and (saved.birth_date, saved.birth_year) == (None, 1975)


def test_cccd_of_eleven_digits_is_refused(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    before = _count(registry)
    dialog = _person_dialog(qtbot, registry, default_unit_id=registry.units()[1].id)
    _type(dialog, "Trần Văn Bình", "1975", "03607512345")
    dialog.save_button.click()
    assert "12 chữ số" in dialog.errors.message("cccd")
    assert dialog.errors.message("birth") == ""
    assert dialog.focusWidget() is dialog.cccd_edit
    assert _count(registry) == before


def test_empty_form_marks_name_and_unit_and_focuses_the_name(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    dialog = _person_dialog(qtbot, registry)
    dialog.save_button.click()
    assert dialog.errors.message("full_name") == "Hãy nhập họ và tên."
    assert dialog.errors.message("unit_id") == "Hãy chọn đơn vị."
    assert dialog.focusWidget() is dialog.name_edit


def test_duplicate_question_names_the_person_and_cancel_writes_nothing(
    qtbot, registry, questions
) -> None:  # type: ignore[no-untyped-def]
    existing = registry.people_page(PersonQuery(text="Đặng Văn Dũng"), 0, 1)[0]
    before = _count(registry)
    dialog = _person_dialog(qtbot, registry, default_unit_id=registry.units()[1].id)
    _type(dialog, "ĐẶNG VĂN DŨNG", str(existing.birth_year))
    dialog.save_button.click()

    assert questions == [
        f"Đã có «Đặng Văn Dũng» ({existing.birth}, {existing.unit_name}) trong danh sách. "
        "Có thể đây là cùng một người. Vẫn lưu? [Vẫn lưu/Hủy]"
    ]
    assert dialog.isVisible() and dialog.saved_id is None
    assert _count(registry) == before

    questions.answer = True
    dialog.save_button.click()
    assert dialog.saved_id is not None and dialog.saved_id != existing.id
    assert _count(registry) == before + 1


def test_editing_keeps_the_id_and_asks_nothing_when_name_and_birth_stay(
    qtbot, registry, questions
) -> None:  # type: ignore[no-untyped-def]
    person = registry.people_page(PersonQuery(text="Đặng Văn Dũng"), 0, 1)[0]
    before = _count(registry)
    dialog = _person_dialog(qtbot, registry, person=person)
    assert dialog.windowTitle() == "Sửa thông tin cá nhân"
    assert (dialog.name_edit.text(), dialog.birth_edit.text()) == (person.full_name, person.birth)
    assert dialog.unit_combo.unit_id() == person.unit_id
    dialog.position_edit.clear()
    dialog.position_edit.insert("Tổ trưởng tổ dân phố")
    dialog.save_button.click()

    assert dialog.saved_id == person.id
    assert questions == []
    assert registry.person(person.id).position == "Tổ trưởng tổ dân phố"  # type: ignore[union-attr]
    assert _count(registry) == before


def test_taken_cccd_from_the_service_is_shown_under_the_field(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    owner = next(p for p in registry.people_page(PersonQuery(), 0, 50) if p.cccd)
    dialog = _person_dialog(qtbot, registry, default_unit_id=owner.unit_id)
    _type(dialog, "Phan Thanh Tùng", "1990", owner.cccd)
    dialog.save_button.click()
    assert f"«{owner.full_name}»" in dialog.errors.message("cccd")
    assert dialog.save_button.isEnabled() and dialog.saved_id is None


def test_enter_ctrl_s_save_and_escape_closes(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    dialog = _person_dialog(qtbot, registry, default_unit_id=registry.units()[1].id)
    _type(dialog, "Vũ Minh Khôi", "2001")
    with qtbot.waitActive(dialog):  # window shortcuts work only in the active window
        dialog.activateWindow()
    QTest.keyClick(dialog.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved_id is not None

    by_enter = _person_dialog(qtbot, registry, default_unit_id=registry.units()[1].id)
    _type(by_enter, "Vũ Minh Khang", "2002")
    QTest.keyClick(by_enter.birth_edit, Qt.Key.Key_Return)
    assert by_enter.saved_id is not None and by_enter.saved_id != dialog.saved_id

    other = _person_dialog(qtbot, registry)
    QTest.keyClick(other.name_edit, Qt.Key.Key_Escape)
    assert other.result() == QDialog.DialogCode.Rejected and not other.isVisible()


def test_tab_follows_reading_order(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    dialog = _person_dialog(qtbot, registry)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    expected = [
        dialog.name_edit,
        dialog.male_radio,
        dialog.birth_edit,
        dialog.position_edit,
        dialog.unit_combo,
        dialog.kind_combo,
        dialog.cccd_edit,
        dialog.save_button,
    ]
    seen = []
    for _ in expected:
        seen.append(dialog.focusWidget())
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert seen == expected


def _choose_kind(dialog: PersonDialog, kind: PersonKind) -> None:
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind.value))


def _work_start_shown(dialog: PersonDialog) -> bool:
    return dialog.work_start_edit.isVisible()


def test_staff_have_a_work_start_that_is_saved(qtbot, registry, questions) -> None:  # type: ignore[no-untyped-def]
    dialog = _person_dialog(qtbot, registry, default_unit_id=registry.units()[1].id)
    assert not _work_start_shown(dialog)  # a new person is nhân dân: no start date
    _choose_kind(dialog, PersonKind.VIEN_CHUC)
    assert _work_start_shown(dialog)
    _type(dialog, "Hoàng Thị Mai Anh", "12/10/1998")
    dialog.work_start_edit.insert("1/6/2026")
    dialog.save_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = registry.person(dialog.saved_id)  # type: ignore[arg-type]
    assert saved is not None and saved.work_start == date(2026, 6, 1)
    assert saved.kind is PersonKind.VIEN_CHUC

    again = _person_dialog(qtbot, registry, person=saved)
    assert _work_start_shown(again) and again.work_start_edit.text() == "01/06/2026"


@pytest.mark.parametrize(
    ("birth", "start", "expected"),
    [
        ("1990", "31/02/2020", "Ngày 31/02/2020 không có trên lịch."),
        ("1990", "2020", "«2020» không phải ngày hợp lệ"),
        ("1990", "02/06/2026", "Ngày bắt đầu công tác không thể ở tương lai."),
        ("05/03/2000", "01/09/2014", "01/09/2014 là khi chưa đủ 15 tuổi (sinh 05/03/2000)."),
    ],
)
def test_a_bad_work_start_is_shown_at_the_field_and_nothing_written(
    qtbot, registry, birth: str, start: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    before = _count(registry)
    dialog = _person_dialog(qtbot, registry, default_unit_id=registry.units()[1].id)
    _choose_kind(dialog, PersonKind.CONG_CHUC)
    _type(dialog, "Trần Văn Bình", birth)
    dialog.work_start_edit.insert(start)
    dialog.save_button.click()

    assert expected in dialog.errors.message("work_start")
    assert dialog.errors.message("birth") == ""
    label = dialog.findChild(type(dialog.errors.general), "work_start_error")
    assert label is not None and label.isVisible()
    assert dialog.focusWidget() is dialog.work_start_edit
    assert dialog.isVisible() and dialog.saved_id is None
    assert _count(registry) == before


def test_a_resident_keeps_no_work_start(qtbot, registry, questions) -> None:  # type: ignore[no-untyped-def]
    dialog = _person_dialog(qtbot, registry, default_unit_id=registry.units()[1].id)
    _choose_kind(dialog, PersonKind.NGUOI_LAO_DONG)
    _type(dialog, "Đinh Công Tráng", "1985")
    dialog.work_start_edit.insert("abc")  # typed, then the officer sees they are a resident
    _choose_kind(dialog, PersonKind.NHAN_DAN)
    assert not _work_start_shown(dialog)
    dialog.save_button.click()
    saved = registry.person(dialog.saved_id)  # type: ignore[arg-type]
    assert saved is not None and saved.work_start is None


def test_tab_reaches_the_work_start_of_staff_after_the_kind(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    dialog = _person_dialog(qtbot, registry)
    _choose_kind(dialog, PersonKind.CAN_BO)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.kind_combo.setFocus()
    seen = []
    for _ in range(3):
        seen.append(dialog.focusWidget())
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert seen == [dialog.kind_combo, dialog.work_start_edit, dialog.cccd_edit]


# Unit -----------------------------------------------------------------------------------------


def test_unit_cannot_be_placed_under_itself_or_below(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    units = registry.units()
    schools = _unit(units, "Khối trường học")
    below = {u.id for u in units if u.parent_id == schools.id}
    dialog = UnitDialog(registry, SyncTaskRunner(), units, schools)
    qtbot.addWidget(dialog)
    offered = {u.id for u in dialog.parent_combo.units()}
    assert dialog.windowTitle() == "Sửa đơn vị"
    assert dialog.parent_combo.itemText(0) == NO_PARENT
    assert schools.id not in offered and not offered & below
    assert _unit(units, "Thôn Đông").id in offered

    dialog.name_edit.clear()
    dialog.name_edit.insert("Khối giáo dục")
    dialog.save_button.click()
    assert dialog.saved_id == schools.id
    assert _unit(registry.units(), "Khối giáo dục").parent_id is None


def test_new_unit_under_a_parent_guesses_the_kind(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    units = registry.units()
    schools = _unit(units, "Khối trường học")
    dialog = UnitDialog(registry, SyncTaskRunner(), units, parent_id=schools.id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Thêm đơn vị"
    assert dialog.parent_combo.unit_id() == schools.id
    assert dialog.kind_combo.currentText() == UnitKind.SCHOOL.label
    dialog.save_button.click()
    assert dialog.errors.message("name") == "Hãy nhập tên đơn vị."
    dialog.name_edit.insert("Trường Mầm non Cát Thành 2")
    dialog.save_button.click()
    created = next(u for u in registry.units() if u.id == dialog.saved_id)
    assert (created.name, created.parent_id, created.kind) == (
        "Trường Mầm non Cát Thành 2",
        schools.id,
        UnitKind.SCHOOL,
    )


# Household ------------------------------------------------------------------------------------


def test_household_head_is_found_without_accents_and_unit_follows(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    dialog = HouseholdDialog(registry, SyncTaskRunner(), registry.units())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Thêm hộ gia đình"
    dialog.search_edit.insert("dang")
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=3000)
    lines = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert all(line.startswith("Đặng") for line in lines)
    assert dialog.results.count() <= 50

    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Down)  # into the list, first match chosen
    assert dialog.results.currentRow() == 0 and dialog.head_id() is not None

    heads = {h.head_id for h in registry.households_page(HouseholdQuery(active=None), 0, 9999)}
    people = [dialog.results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(len(lines))]
    taken = next(i for i, p in enumerate(people) if p.id in heads)
    dialog.results.setCurrentRow(taken)
    dialog.save_button.click()
    assert "đã là chủ hộ" in dialog.errors.message("head_id")

    row = next(i for i, p in enumerate(people) if p.id not in heads and "Tổ dân phố" in p.unit_name)
    dialog.unit_combo.set_unit(None)
    dialog.results.setCurrentRow(row)
    head_name, _year, head_unit = lines[row].split(" – ")
    assert head_name in dialog.chosen_label.text()
    assert dialog.unit_combo.currentText() == head_unit  # empty unit: the head's

    dialog.address_edit.insert("Số 5, đường Trần Phú")
    dialog.save_button.click()
    saved = registry.households_page(HouseholdQuery(text=head_name), 0, 10)
    match = [h for h in saved if h.id == dialog.saved_id]
    assert match and match[0].head_name == head_name and match[0].unit_name == head_unit


def test_household_without_head_is_refused(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    before = registry.count_households(HouseholdQuery(active=None))
    dialog = HouseholdDialog(registry, SyncTaskRunner(), registry.units())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_button.click()
    assert "chủ hộ" in dialog.errors.message("head_id")
    assert dialog.focusWidget() is dialog.search_edit
    assert registry.count_households(HouseholdQuery(active=None)) == before


def test_editing_a_household_keeps_its_head(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    home = registry.households_page(HouseholdQuery(), 0, 1)[0]
    dialog = HouseholdDialog(registry, SyncTaskRunner(), registry.units(), home)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sửa hộ gia đình"
    assert home.head_name in dialog.chosen_label.text()
    dialog.address_edit.clear()
    dialog.address_edit.insert("Số 18, Tổ dân phố Nam Sơn")
    dialog.save_button.click()
    assert dialog.saved_id == home.id
    after = next(h for h in registry.households_page(HouseholdQuery(), 0, 500) if h.id == home.id)
    assert (after.head_id, after.address) == (home.head_id, "Số 18, Tổ dân phố Nam Sơn")


# Move -----------------------------------------------------------------------------------------


def test_move_dialog_returns_the_chosen_unit(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    units = registry.units()
    dialog = MoveDialog(units, 3)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Chuyển 3 cá nhân đã chọn sang đơn" in dialog.prompt.text()
    dialog.move_button.click()
    assert dialog.errors.message("unit_id") and dialog.isVisible()

    target = _unit(units, "Thôn Đoài")
    dialog.unit_combo.set_unit(target.id)
    dialog.move_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.unit_id() == target.id


# Merge ----------------------------------------------------------------------------------------


def test_merge_dialog_merges_a_duplicate_pair(qtbot, registry, questions) -> None:  # type: ignore[no-untyped-def]
    units = registry.units()
    ids = [
        registry.create_person(
            PersonInput("Hoàng Thị Mận", Gender.FEMALE, PersonKind.NHAN_DAN, unit, birth_year=1961)
        )
        for unit in (_unit(units, "Thôn Đông").id, _unit(units, "Thôn Đoài").id)
    ]
    dialog = MergeDialog(registry, SyncTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    titles = [dialog.group_list.item(i).text() for i in range(dialog.group_list.count())]
    assert "Hoàng Thị Mận – 1961 (2 hồ sơ)" in titles
    dialog.group_list.setCurrentRow(titles.index("Hoàng Thị Mận – 1961 (2 hồ sơ)"))
    assert dialog.table.rowCount() == 2
    assert dialog.kept_id() == min(ids)  # no awards on either: the older record is kept

    dialog.merge_button.click()  # answered "Hủy"
    assert registry.person(max(ids)) is not None and dialog.merged == 0
    questions.answer = True
    dialog.merge_button.click()

    assert questions[-1].startswith("Gộp 2 hồ sơ của «Hoàng Thị Mận» thành một?")
    assert dialog.merged == 1
    assert registry.person(max(ids)) is None and registry.person(min(ids)) is not None
    assert "Đã gộp 1 hồ sơ" in dialog.status_label.text()
    assert dialog.empty_label.text() == EMPTY and dialog.pages.currentIndex() == 0


def test_merge_dialog_empty_state(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    dialog = MergeDialog(registry, SyncTaskRunner())
    qtbot.addWidget(dialog)
    assert dialog.pages.currentWidget() is dialog.empty_label
    assert dialog.empty_label.text() == EMPTY
    assert not dialog.merge_button.isEnabled()


# Unit combo -----------------------------------------------------------------------------------


def test_unit_combo_hides_inactive_units_unless_asked(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    units = registry.units()
    gone = _unit(units, "HTX Dịch vụ nông nghiệp Cát Thành")
    for p in registry.people_page(PersonQuery(unit_id=gone.id), 0, 100):
        registry.set_people_active([p.id], False)
    registry.set_unit_active(gone.id, False)
    units = registry.units()

    form = UnitCombo(units, placeholder="Chọn đơn vị")
    qtbot.addWidget(form)
    assert form.unit_id() is None and gone.id not in {u.id for u in form.units()}
    assert [u.id for u in form.units()] == [u.id for u in units if u.active]  # tree order
    assert form.set_unit(gone.id)  # a person still filed there must show it
    assert form.currentText().endswith("(ngừng theo dõi)")

    filt = UnitCombo(all_label="Tất cả đơn vị", include_inactive=True)
    qtbot.addWidget(filt)
    filt.set_units(units)
    assert (filt.itemText(0), filt.unit_id()) == ("Tất cả đơn vị", None)
    filt.set_unit(units[3].id)
    filt.set_units(units)  # a refresh keeps the choice
    assert filt.unit_id() == units[3].id
