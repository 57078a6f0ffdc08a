"""Cài đặt: the commune profile, interface text size, the backup reminder and the wording and
forms of the documents."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.paths import AppPaths
from emulation_desktop.services.container import AppServices
from emulation_desktop.settings import FONT_SCALE, USB_REMINDER_DAYS, Settings

from emulation_desktop.gui.dialogs.setup_dialog import SetupDialog
from emulation_desktop.gui.pages.base import Action, SectionPage, heading, paragraph
from emulation_desktop.gui.pages.documents_settings import DocumentsSettings
from emulation_desktop.gui.rules.rules_dialog import RulesDialog
from emulation_desktop.gui.sections import Section
from emulation_desktop.gui.tasks import TaskRunner


class SettingsPage(SectionPage):
    actions = frozenset({Action.REFRESH})

    def __init__(
        self,
        section: Section,
        services: AppServices,
        settings: Settings,
        paths: AppPaths,
        tasks: TaskRunner,
        on_profile_changed: Callable[[], None],
        on_font_scale_changed: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(section, parent)
        self._services = services
        self._settings = settings
        self._tasks = tasks
        self._paths = paths
        self._on_profile_changed = on_profile_changed
        self._on_font_scale_changed = on_font_scale_changed
        self._profile: CommuneProfile | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        layout.addWidget(heading(section.title))

        profile_box = QGroupBox("Thông tin xã")
        profile_layout = QVBoxLayout(profile_box)
        self.profile_form = QFormLayout()
        self._profile_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("name", "Đơn vị hành chính:"),
            ("place", "Địa danh trên văn bản:"),
            ("chairman", "Chủ tịch UBND:"),
            ("vices", "Phó Chủ tịch UBND:"),
            ("officer", "Công chức phụ trách TĐKT:"),
        ):
            value = QLabel()
            value.setObjectName(f"profile_{key}")
            value.setWordWrap(True)
            self._profile_labels[key] = value
            self.profile_form.addRow(caption, value)
        profile_layout.addLayout(self.profile_form)
        self.edit_profile_button = QPushButton("Sửa thông tin xã…")
        self.edit_profile_button.setObjectName("edit_profile_button")
        self.edit_profile_button.clicked.connect(self._edit_profile)
        row = QHBoxLayout()
        row.addWidget(self.edit_profile_button)
        row.addStretch(1)
        profile_layout.addLayout(row)
        layout.addWidget(profile_box)

        rules_box = QGroupBox("Quy định thi đua, khen thưởng")
        rules_layout = QVBoxLayout(rules_box)
        rules_layout.addWidget(
            paragraph(
                "Danh hiệu, hình thức khen thưởng, thẩm quyền quyết định, tiêu chuẩn, tỷ lệ, mức "
                "tiền thưởng và mức lương cơ sở, theo từng văn bản và ngày hiệu lực. Khi có luật, "
                "nghị định hoặc quy định mới của tỉnh, thêm bộ quy định mới tại đây."
            )
        )
        self.rules_button = QPushButton("Mở bộ quy định…")
        self.rules_button.setObjectName("rules_button")
        self.rules_button.clicked.connect(self._open_rules)
        row = QHBoxLayout()
        row.addWidget(self.rules_button)
        row.addStretch(1)
        rules_layout.addLayout(row)
        layout.addWidget(rules_box)

        self.documents = DocumentsSettings(services, tasks, settings)
        layout.addWidget(self.documents)

        ui_box = QGroupBox("Giao diện và nhắc việc")
        form = QFormLayout(ui_box)
        self.font_scale_spin = QSpinBox()
        self.font_scale_spin.setObjectName("font_scale_spin")
        self.font_scale_spin.setRange(FONT_SCALE.minimum or 80, FONT_SCALE.maximum or 200)
        self.font_scale_spin.setSingleStep(10)
        self.font_scale_spin.setSuffix(" %")
        self.font_scale_spin.setMaximumWidth(140)
        self.font_scale_spin.setValue(settings.get(FONT_SCALE))
        self.font_scale_spin.valueChanged.connect(self._font_scale_changed)
        form.addRow(FONT_SCALE.label + ":", self.font_scale_spin)
        self.reminder_spin = QSpinBox()
        self.reminder_spin.setObjectName("reminder_spin")
        self.reminder_spin.setRange(
            USB_REMINDER_DAYS.minimum or 1, USB_REMINDER_DAYS.maximum or 365
        )
        self.reminder_spin.setSuffix(" ngày")
        self.reminder_spin.setMaximumWidth(140)
        self.reminder_spin.setValue(settings.get(USB_REMINDER_DAYS))
        self.reminder_spin.valueChanged.connect(
            lambda v: self._settings.set(USB_REMINDER_DAYS, int(v))
        )
        form.addRow(USB_REMINDER_DAYS.label + ":", self.reminder_spin)
        layout.addWidget(ui_box)

        data_box = QGroupBox("Dữ liệu trên máy này")
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(paragraph(f"Cơ sở dữ liệu: {paths.db_path}"))
        open_button = QPushButton("Mở thư mục chứa dữ liệu")
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.db_path.parent)))
        )
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addStretch(1)
        data_layout.addLayout(row)
        layout.addWidget(data_box)
        layout.addStretch(1)

    def activated(self) -> None:
        self.refresh()

    def trigger(self, action: Action) -> None:
        if action is Action.REFRESH:
            self.refresh()

    def refresh(self) -> None:
        self._tasks.submit(self._services.profile.get, self._show_profile, parent=self)
        self.documents.load()

    def _show_profile(self, profile: CommuneProfile | None) -> None:
        self._profile = profile
        if profile is None:
            return
        labels = self._profile_labels
        labels["name"].setText(f"{profile.display_name}, tỉnh {profile.province}")
        labels["place"].setText(profile.place_name)
        labels["chairman"].setText(profile.chairman)
        labels["vices"].setText(", ".join(profile.vice_chairmen) or "(chưa nhập)")
        officer = profile.officer + (f" – {profile.officer_title}" if profile.officer_title else "")
        labels["officer"].setText(officer)

    def _edit_profile(self) -> None:
        dialog = SetupDialog(self._services, self._tasks, first_start=False, parent=self)
        if self._profile is not None:
            dialog.set_profile(self._profile)
        if dialog.exec() == SetupDialog.DialogCode.Accepted:
            self.refresh()
            self._on_profile_changed()

    def _open_rules(self) -> None:
        RulesDialog(self._services, self._tasks, self).exec()

    def _font_scale_changed(self, value: int) -> None:
        self._settings.set(FONT_SCALE, int(value))
        self._on_font_scale_changed(int(value))
