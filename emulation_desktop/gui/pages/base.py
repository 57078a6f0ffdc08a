"""What every section page offers the main window."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from emulation_desktop.gui.sections import Section


class Action(Enum):
    """Toolbar actions a page may support; the main window enables only those."""

    ADD = "add"
    REFRESH = "refresh"
    SEARCH = "search"
    PRINT = "print"


class SectionPage(QWidget):
    """Base of the section pages.

    Attributes:
        section: the navigation entry this page belongs to.
        actions: the toolbar actions this page handles.
    """

    actions: frozenset[Action] = frozenset()
    # List pages manage their own scrolling; the others are wrapped in a scroll area.
    scrolls_itself: bool = False

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"page_{section.key}")

    def trigger(self, action: Action) -> None:
        """Called by the toolbar for one of `actions`."""

    def set_year(self, year: int) -> None:
        """The year selector changed; most work is per year."""

    def activated(self) -> None:
        """The page became visible."""

    def can_leave(self) -> bool:
        """Closing the window: False keeps it open (the officer chose to keep editing)."""
        return True


def heading(text: str, scale: float = 1.5) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setWordWrap(True)
    return label


def paragraph(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
