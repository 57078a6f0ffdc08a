"""Cài đặt → Văn bản mẫu: where documents are saved, the wording blocks the commune may rewrite
(Câu chữ) and its own Word forms (Mẫu riêng)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from emulation_desktop.services.container import AppServices
from emulation_desktop.settings import Settings

from emulation_desktop.gui.documents import maker
from emulation_desktop.gui.documents.blocks_editor import BlocksEditor
from emulation_desktop.gui.documents.custom_forms import CustomForms
from emulation_desktop.gui.pages.base import paragraph
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button


class DocumentsSettings(QGroupBox):
    def __init__(self, services: AppServices, tasks: TaskRunner, settings: Settings,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__("Văn bản mẫu", parent)
        self.setObjectName("documents_settings")
        self._settings = settings
        self.folder_label = QLabel()
        self.folder_label.setObjectName("documents_folder")
        self.folder_label.setWordWrap(True)
        open_button = button("Mở thư mục", self._open_folder, "open_documents_folder",
                             "Mở thư mục chứa các văn bản đã tạo")  # fmt: skip
        row = QHBoxLayout()
        row.addWidget(self.folder_label, 1)
        row.addWidget(open_button)
        self.blocks = BlocksEditor(services, tasks)
        self.forms = CustomForms(services, tasks)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("documents_settings_tabs")
        self.tabs.addTab(self.blocks, "Câu chữ")
        self.tabs.addTab(self.forms, "Mẫu riêng")
        self.tabs.setMinimumHeight(em(self, 30))
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                "Các văn bản (kế hoạch, quyết định, tờ trình, biên bản…) được tạo theo thể thức "
                "Nghị định 30/2020. Xã có thể sửa câu chữ có sẵn của từng đoạn, hoặc thay cả bố "
                "cục một loại văn bản bằng mẫu Word riêng."
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.tabs)

    def load(self) -> None:
        self.folder_label.setText(f"Thư mục lưu văn bản: {maker.documents_folder(self._settings)}")
        self.blocks.load()
        self.forms.load()

    def _open_folder(self) -> None:
        maker.open_folder(maker.documents_folder(self._settings))
