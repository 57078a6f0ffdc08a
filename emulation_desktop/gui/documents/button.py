"""The button a tab offers its documents with: one document, a plain button that makes it; more,
«Văn bản ▾» with a menu. An entry is enabled while its record is chosen (`source()` gives the
id, or None); the tab calls `refresh()` when its selection changes.

    self.documents = DocumentButton(DocumentMaker(self, services, tasks))
    self.documents.add("Giấy mời họp…", DocumentKind.INVITATION, self.round_id, "invitation")
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from emulation_desktop.domain.enums import DocumentKind

from emulation_desktop.gui.documents.maker import DocumentMaker

Source = Callable[[], int | None]
TIP = "văn bản Word (.docx) đúng thể thức Nghị định 30/2020, mở bằng Word sau khi lưu"


def chosen_id(current: Callable[[], Any]) -> Source:
    """The id of the record a tab has chosen (`current()` gives it or None)."""
    return lambda: getattr(current(), "id", None)


class DocumentButton(QPushButton):
    def __init__(
        self,
        maker: DocumentMaker,
        text: str = "Văn bản",
        name: str = "documents_button",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.setObjectName(name)
        self.setToolTip(f"Tạo {TIP}")
        self.maker = maker
        self.entries: dict[str, QAction] = {}
        self._sources: dict[str, Source] = {}
        self._menu = QMenu(self)
        self._menu.aboutToShow.connect(self.refresh)
        self.clicked.connect(self._clicked)
        self.setEnabled(False)

    def add(self, text: str, kind: DocumentKind, source: Source, name: str) -> QAction:
        action = self._menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False: self._make(kind, source))
        self.entries[name] = action
        self._sources[name] = source
        if len(self.entries) == 2:
            self.setMenu(self._menu)  # a second document: the button opens the list
            self.setToolTip(f"Tạo {TIP}")
        elif len(self.entries) == 1:
            self.setToolTip(f"{text.rstrip('…')}: {TIP}")
        return action

    def refresh(self) -> None:
        any_ready = False
        for name, action in self.entries.items():
            ready = self._sources[name]() is not None
            action.setEnabled(ready)
            any_ready = any_ready or ready
        self.setEnabled(any_ready)

    def _clicked(self) -> None:
        if self.menu() is None and self.entries:
            next(iter(self.entries.values())).trigger()

    def _make(self, kind: DocumentKind, source: Source) -> None:
        id_ = source()
        if id_ is not None:
            self.maker.make(kind, id_)
