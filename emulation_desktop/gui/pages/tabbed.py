"""A section made of tabs (Phong trào thi đua; Đánh giá – Sáng kiến): the page hands the year,
Thêm mới, F5 and Ctrl+F to the tab in front, and reloads a tab when it comes to the front."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.pages.base import Action, SectionPage, heading
from emulation_desktop.gui.sections import Section
from emulation_desktop.gui.tasks import TaskRunner


class SectionTab(QWidget):
    """One tab: a list with its detail. Subclasses set `title` and override what they offer.

    `on_changed` tells the main window that data changed (status bar, overview figures).
    """

    title: str = ""

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.on_changed = on_changed
        self.year = dt.date.today().year

    def set_year(self, year: int) -> None:
        """The year selector changed; the page calls reload() when the tab is in front."""
        self.year = year

    def reload(self) -> None:
        """Read the tab's data again."""

    def add(self) -> None:
        """Thêm mới (Ctrl+N)."""

    def focus_search(self) -> None:
        """Tìm kiếm (Ctrl+F)."""


TabFactory = Callable[[AppServices, TaskRunner, Callable[[], None]], SectionTab]


class TabbedSectionPage(SectionPage):
    actions = frozenset({Action.ADD, Action.REFRESH, Action.SEARCH})
    scrolls_itself = True

    def __init__(
        self,
        section: Section,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        tabs: Sequence[TabFactory],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(section, parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName(f"{section.key}_tabs")
        self._stale: set[int] = set()
        self._on_changed = on_changed
        for make in tabs:
            tab = make(services, tasks, self._tab_changed)
            self.tabs.addTab(tab, tab.title)
            self._stale.add(self.tabs.count() - 1)
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(heading(section.title, 1.3))
        layout.addWidget(self.tabs, 1)
        self._visible = False

    def tab(self, index: int) -> SectionTab:
        widget = self.tabs.widget(index)
        assert isinstance(widget, SectionTab)
        return widget

    def current(self) -> SectionTab:
        return self.tab(self.tabs.currentIndex())

    # SectionPage ------------------------------------------------------------------------------

    def activated(self) -> None:
        self._visible = True
        self._tab_shown(self.tabs.currentIndex())

    def set_year(self, year: int) -> None:
        for i in range(self.tabs.count()):
            self.tab(i).set_year(year)
            self._stale.add(i)
        if self._visible:
            self._tab_shown(self.tabs.currentIndex())

    def trigger(self, action: Action) -> None:
        tab = self.current()
        if action is Action.ADD:
            tab.add()
        elif action is Action.REFRESH:
            self.reload_all()
        elif action is Action.SEARCH:
            tab.focus_search()

    def can_leave(self) -> bool:
        """Tabs holding unsaved edits (the grade grid) ask Lưu / Không lưu / Hủy first."""
        for i in range(self.tabs.count()):
            ask = getattr(self.tab(i), "can_leave", None)
            if ask is not None and not ask():
                self.tabs.setCurrentIndex(i)
                return False
        return True

    def reload_all(self) -> None:
        """Data changed elsewhere: every tab reads again when next shown."""
        self._stale = set(range(self.tabs.count()))
        if self._visible:
            self._tab_shown(self.tabs.currentIndex())

    def mark_stale(self) -> None:
        """Another section wrote data (a closed meeting moves the round's step): every tab reads
        again when the page is next shown."""
        self._stale = set(range(self.tabs.count()))

    def _tab_changed(self) -> None:
        """A tab wrote data (and reread itself): the others read again when next shown."""
        self._stale = set(range(self.tabs.count())) - {self.tabs.currentIndex()}
        self._on_changed()

    def _tab_shown(self, index: int) -> None:
        if index in self._stale and self._visible:
            self._stale.discard(index)
            self.tab(index).reload()
