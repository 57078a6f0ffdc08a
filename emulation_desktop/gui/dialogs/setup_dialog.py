"""First start (and later edits): the commune profile, with field-by-field validation."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QLineEdit, QWidget

from emulation_desktop import APP_NAME
from emulation_desktop.domain.enums import CommuneKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.domain.text import date_line, nfc
from emulation_desktop.paths import resource_path
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.forms.ui_setup_dialog import Ui_SetupDialog
from emulation_desktop.gui.messages import confirm
from emulation_desktop.gui.tasks import TaskRunner

ERROR_STYLE = "border: 1px solid #c62828;"


def load_province_names() -> list[str]:
    data = json.loads(resource_path("data", "provinces.json").read_text(encoding="utf-8"))
    return list(data["provinces"])


class SetupDialog(QDialog):
    """Asks for the commune profile; saving goes through ProfileService (validated, NFC).

    Attributes:
        loaded_demo: True when the user chose "Dùng dữ liệu mẫu" and it was loaded.
    """

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        *,
        first_start: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.loaded_demo = False
        self.ui = Ui_SetupDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(f"{'Bắt đầu sử dụng' if first_start else 'Thông tin xã'} – {APP_NAME}")
        for kind in CommuneKind:
            ui.kind_combo.addItem(kind.label, kind.value)
        provinces = load_province_names()
        ui.province_combo.addItems(provinces)
        ui.province_combo.setCurrentIndex(-1)
        completer = QCompleter(provinces, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.province_combo.setCompleter(completer)
        ui.error_label.setStyleSheet("color: #c62828;")
        ui.error_label.hide()
        ui.date_preview_label.setStyleSheet("font-style: italic; color: #555;")
        if first_start:
            ui.intro_label.setText(
                "Chào mừng! Hãy nhập thông tin của xã (phường, đặc khu) để bắt đầu. Các thông tin "
                "này được in trên văn bản, quyết định và giấy khen; có thể sửa lại trong mục Cài "
                "đặt. Muốn xem thử trước, hãy bấm «Dùng dữ liệu mẫu»."
            )
        else:
            ui.demo_button.hide()
            ui.save_button.setText("&Lưu")

        self._fields: dict[str, QWidget] = {
            "name": ui.name_edit,
            "province": ui.province_combo,
            "place_name": ui.place_edit,
            "chairman": ui.chairman_edit,
            "vice_chairmen": ui.vice1_edit,
            "officer": ui.officer_edit,
            "officer_title": ui.officer_title_edit,
        }
        ui.name_edit.textChanged.connect(self._update_preview)
        ui.place_edit.textChanged.connect(self._update_preview)
        ui.save_button.clicked.connect(self._save)
        ui.cancel_button.clicked.connect(self.reject)
        ui.demo_button.clicked.connect(self._load_demo)
        self._update_preview()

    # Data in and out ----------------------------------------------------------------------

    def set_profile(self, p: CommuneProfile) -> None:
        ui = self.ui
        ui.kind_combo.setCurrentIndex(ui.kind_combo.findData(p.kind.value))
        ui.name_edit.setText(p.name)
        ui.province_combo.setCurrentText(p.province)
        ui.place_edit.setText("" if p.place_name == p.name else p.place_name)
        ui.chairman_edit.setText(p.chairman)
        vices = [*p.vice_chairmen, "", ""]
        ui.vice1_edit.setText(vices[0])
        ui.vice2_edit.setText(vices[1])
        ui.officer_edit.setText(p.officer)
        ui.officer_title_edit.setText(p.officer_title)

    def profile(self) -> CommuneProfile:
        ui = self.ui
        return CommuneProfile(
            kind=CommuneKind(ui.kind_combo.currentData() or CommuneKind.XA.value),
            name=ui.name_edit.text(),
            province=ui.province_combo.currentText(),
            place_name=ui.place_edit.text(),
            chairman=ui.chairman_edit.text(),
            vice_chairmen=(ui.vice1_edit.text(), ui.vice2_edit.text()),
            officer=ui.officer_edit.text(),
            officer_title=ui.officer_title_edit.text(),
        )

    # Slots --------------------------------------------------------------------------------

    def _update_preview(self) -> None:
        place = nfc(self.ui.place_edit.text()) or nfc(self.ui.name_edit.text()) or "…"
        self.ui.date_preview_label.setText("Trên văn bản: " + date_line(place, dt.date.today()))

    def _save(self) -> None:
        self._clear_errors()
        try:
            self._services.profile.save(self.profile())
        except ValidationError as exc:
            self._show_errors(exc.field_errors)
            return
        except UserError as exc:
            self._show_message(exc.message)
            return
        self.accept()

    def _load_demo(self) -> None:
        if not confirm(
            self,
            "Nạp dữ liệu mẫu của xã Cát Thành (khoảng 500 cá nhân, 200 hộ gia đình) vào cơ sở dữ "
            "liệu này? Dữ liệu mẫu dùng để làm quen; khi làm thật, hãy dùng một tệp dữ liệu mới.",
            yes="Nạp dữ liệu mẫu",
        ):
            return
        self.ui.demo_button.setEnabled(False)
        self._tasks.submit(
            self._services.demo.load,
            self._demo_loaded,
            self._demo_failed,
            progress="Đang nạp dữ liệu mẫu…",
            parent=self,
        )

    def _demo_loaded(self, _counts: object) -> None:
        self.loaded_demo = True
        self.accept()

    def _demo_failed(self, exc: UserError) -> None:
        self.ui.demo_button.setEnabled(True)
        self._show_message(exc.message)

    # Error display ------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        for widget in self._fields.values():
            widget.setStyleSheet("")
            widget.setToolTip("")
        self.ui.error_label.hide()

    def _show_errors(self, errors: dict[str, str]) -> None:
        first: QWidget | None = None
        for field, message in errors.items():
            widget = self._fields.get(field)
            if widget is None:
                continue
            widget.setStyleSheet(ERROR_STYLE)
            widget.setToolTip(message)
            first = first or widget
        self._show_message("\n".join(errors.values()))
        if first is not None:
            first.setFocus()
            if isinstance(first, QLineEdit):
                first.selectAll()

    def _show_message(self, message: str) -> None:
        self.ui.error_label.setText(message)
        self.ui.error_label.show()
