"""First start: the commune profile dialog, its validation and the demo shortcut."""

from __future__ import annotations

import unicodedata

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from emulation_desktop.domain.enums import CommuneKind
from emulation_desktop.settings import MemoryBackend, Settings

from emulation_desktop.gui import application
from emulation_desktop.gui.dialogs import setup_dialog
from emulation_desktop.gui.dialogs.setup_dialog import SetupDialog
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, context) -> SetupDialog:  # type: ignore[no-untyped-def]
    application.register_icon_path()
    d = SetupDialog(context.services, SyncTaskRunner(), first_start=True)
    qtbot.addWidget(d)
    d.show()
    return d


def _fill(d: SetupDialog, qtbot, **overrides: str) -> None:  # type: ignore[no-untyped-def]
    values = {
        "name_edit": "Phước Thiện",
        "province_combo": "Đồng Nai",
        "place_edit": "",
        "chairman_edit": "Nguyễn Văn Bình",
        "vice1_edit": "Lê Thị Mai",
        "vice2_edit": "",
        "officer_edit": "Trần Thị Thu Hà",
        "officer_title_edit": "Công chức Văn hóa – Xã hội",
    } | overrides
    for name, value in values.items():
        widget = getattr(d.ui, name)
        if name == "province_combo":
            widget.setCurrentText(value)
        else:
            # Unikey/EVKey commit whole composed text, as insert() does; QTest cannot type
            # letters outside Latin-1.
            widget.clear()
            widget.insert(value)


def test_empty_form_is_refused_with_messages_and_nothing_saved(dialog, qtbot, context) -> None:  # type: ignore[no-untyped-def]
    dialog.ui.save_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.ui.error_label.isVisible()
    text = dialog.ui.error_label.text()
    assert "Hãy nhập tên xã/phường." in text
    assert "Hãy nhập họ tên Chủ tịch UBND." in text
    assert dialog.ui.name_edit.hasFocus()
    assert context.services.profile.get() is None


def test_bad_person_name_marks_that_field(dialog, qtbot, context) -> None:  # type: ignore[no-untyped-def]
    _fill(dialog, qtbot, chairman_edit="Nguyen 123")
    dialog.ui.save_button.click()
    assert "họ và tên đầy đủ" in dialog.ui.error_label.text()
    assert dialog.ui.chairman_edit.toolTip()
    assert context.services.profile.get() is None


def test_valid_profile_is_saved_in_nfc(dialog, qtbot, context) -> None:  # type: ignore[no-untyped-def]
    nfd_name = unicodedata.normalize("NFD", "Phước Thiện")
    _fill(dialog, qtbot, name_edit=nfd_name)
    dialog.ui.kind_combo.setCurrentIndex(dialog.ui.kind_combo.findData(CommuneKind.PHUONG.value))
    assert "Phước Thiện, ngày" in dialog.ui.date_preview_label.text()
    dialog.ui.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = context.services.profile.get()
    assert saved.name == "Phước Thiện" and unicodedata.is_normalized("NFC", saved.name)
    assert saved.display_name == "Phường Phước Thiện"
    assert saved.place_name == "Phước Thiện"
    assert saved.vice_chairmen == ("Lê Thị Mai",)


def test_demo_button_loads_the_demo_commune(dialog, qtbot, context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(setup_dialog, "confirm", lambda *a, **k: True)
    dialog.ui.demo_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.loaded_demo
    assert context.services.profile.get().name == "Cát Thành"
    assert context.services.overview.summary().people > 450


def test_edit_mode_round_trips_a_profile(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    profile = demo_context.services.profile.get()
    d = SetupDialog(demo_context.services, SyncTaskRunner(), first_start=False)
    qtbot.addWidget(d)
    d.set_profile(profile)
    assert d.ui.demo_button.isHidden()
    assert d.profile().name == profile.name
    assert d.profile().chairman == profile.chairman


def test_cancelling_first_start_quits_without_writing(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    app = application.create_qapplication()

    def reject_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, reject_modal)
            return
        modal.reject()

    QTimer.singleShot(0, reject_modal)
    code = application.run_main_window(
        app, context.services, Settings(MemoryBackend()), context.paths
    )
    assert code == 0
    assert context.services.profile.get() is None
