"""A section whose screens come in a later version: says what it will hold, never a grey page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from emulation_desktop import __version__

from emulation_desktop.gui.icons import icon
from emulation_desktop.gui.pages.base import SectionPage, heading, paragraph
from emulation_desktop.gui.sections import Section


class PlannedSectionPage(SectionPage):
    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(section, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)

        title_row = QLabel()
        title_row.setPixmap(icon(section.icon).pixmap(48, 48))
        layout.addWidget(title_row)
        layout.addWidget(heading(section.title))
        layout.addWidget(paragraph(section.summary))

        box = QFrame()
        box.setObjectName("planned_box")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        inner.addWidget(heading("Phần này sẽ có:", scale=1.1))
        for item in section.planned:
            bullet = QLabel(f"•  {item}")
            bullet.setWordWrap(True)
            bullet.setObjectName("planned_item")
            inner.addWidget(bullet)
        layout.addWidget(box)

        note = paragraph(
            f"Phần này chưa có trong phiên bản {__version__} và sẽ được bổ sung trong các phiên "
            "bản tới. Dữ liệu đã nhập ở các phần khác luôn được giữ nguyên khi nâng cấp."
        )
        note.setObjectName("planned_note")
        note.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(note)
        layout.addStretch(1)
