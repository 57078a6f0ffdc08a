"""The main window: navigation on the left, the section page on the right. It only wires."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from emulation_desktop import APP_NAME
from emulation_desktop.paths import AppPaths
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.overview import OverviewSummary
from emulation_desktop.settings import (
    LAST_SECTION,
    USB_REMINDER_DAYS,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    WORK_YEAR,
    Settings,
)

from emulation_desktop.gui.certificates.page import CertificatesPage
from emulation_desktop.gui.dialogs.about_dialog import AboutDialog
from emulation_desktop.gui.icons import icon
from emulation_desktop.gui.pages.backup_page import BackupPage
from emulation_desktop.gui.pages.base import Action, SectionPage
from emulation_desktop.gui.pages.cycle_pages import TABS
from emulation_desktop.gui.pages.overview import OverviewPage
from emulation_desktop.gui.pages.planned import PlannedSectionPage
from emulation_desktop.gui.pages.settings_page import SettingsPage
from emulation_desktop.gui.pages.tabbed import TabbedSectionPage
from emulation_desktop.gui.registry.registry_page import RegistryPage
from emulation_desktop.gui.sections import SECTIONS, Section
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.status_bar import AppStatusBar

FIRST_YEAR = 2015
# Ctrl+1 … Ctrl+9, Ctrl+0 reach the first ten sections; Cài đặt has Ctrl+, as on other software.
SECTION_SHORTCUTS = [f"Ctrl+{d}" for d in "1234567890"] + ["Ctrl+,"]

_TOOLBAR_ACTIONS = (
    (Action.ADD, "add", "Thêm mới", QKeySequence.StandardKey.New),
    (Action.REFRESH, "refresh", "Làm mới", QKeySequence.StandardKey.Refresh),
    (Action.SEARCH, "search", "Tìm kiếm", QKeySequence.StandardKey.Find),
    (Action.PRINT, "print", "In", QKeySequence.StandardKey.Print),
)


def _scrollable(page: QWidget) -> QScrollArea:
    # At 150 % scaling on a 1366×768 laptop a page may not fit: scroll instead of clipping.
    area = QScrollArea()
    area.setObjectName(f"scroll_{page.objectName()}")
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area


class MainWindow(QMainWindow):
    """Signals:
    year_changed: the year in work changed.
    """

    year_changed = Signal(int)

    def __init__(
        self,
        services: AppServices,
        settings: Settings,
        paths: AppPaths,
        tasks: TaskRunner,
        apply_font_scale: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self.settings = settings  # tabs remember their folders in it (gui.documents)
        self._paths = paths
        self._tasks = tasks
        self.setObjectName("main_window")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("app"))
        self.resize(1200, 760)

        self.nav = QListWidget()
        self.nav.setObjectName("section_nav")
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setSpacing(2)
        self.nav.setMinimumWidth(180)
        self.pages = QStackedWidget()
        self.pages.setObjectName("section_pages")
        self._page_by_key: dict[str, SectionPage] = {}
        for section in SECTIONS:
            page = self._make_page(section, apply_font_scale)
            self._page_by_key[section.key] = page
            self.pages.addWidget(page if page.scrolls_itself else _scrollable(page))
            item = QListWidgetItem(icon(section.icon), section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setSizeHint(QSize(0, 36))
            self.nav.addItem(item)
        splitter = QSplitter()
        splitter.setObjectName("main_splitter")
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.status = AppStatusBar()
        self.setStatusBar(self.status)
        self.status.backup_clicked.connect(lambda: self.go_to("backup"))
        self._build_toolbar()
        self._build_menus()

        self.nav.currentRowChanged.connect(self._section_changed)
        self.set_year(settings.get(WORK_YEAR))
        self._restore_state()

    # Construction -------------------------------------------------------------------------

    def _make_page(self, section: Section, apply_font_scale: Callable[[int], None]) -> SectionPage:
        if section.key == "overview":
            return OverviewPage(section, self._services, self._tasks, self.go_to)
        if section.key == "settings":
            return SettingsPage(
                section,
                self._services,
                self._settings,
                self._paths,
                self._tasks,
                on_profile_changed=self.refresh_status,
                on_font_scale_changed=apply_font_scale,
            )
        if section.key == "backup":
            return BackupPage(section, self._services, self._tasks, self._data_changed)
        if section.key == "registry":
            return RegistryPage(section, self._services, self._tasks, self.refresh_status)
        if section.key == "certificates":
            return CertificatesPage(section, self._services, self._tasks, self.go_to)
        if section.key in TABS:
            return TabbedSectionPage(
                section,
                self._services,
                self._tasks,
                lambda key=section.key: self._tabs_changed(key),
                TABS[section.key],
            )
        return PlannedSectionPage(section)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Thanh công cụ")
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(22, 22))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        self.toolbar_actions: dict[Action, QAction] = {}
        for action, icon_name, text, key in _TOOLBAR_ACTIONS:
            qaction = QAction(icon(icon_name), text, self)
            qaction.setShortcut(QKeySequence(key))
            native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            qaction.setToolTip(f"{text} ({native})")
            qaction.triggered.connect(lambda _=False, a=action: self._trigger(a))
            bar.addAction(qaction)
            self.toolbar_actions[action] = qaction
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(QLabel("Năm: "))
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year_combo")
        self.year_combo.setToolTip("Năm làm việc: mọi mục đều theo năm này")
        for year in range(dt.date.today().year + 1, FIRST_YEAR - 1, -1):
            self.year_combo.addItem(str(year), year)
        self.year_combo.currentIndexChanged.connect(
            lambda _i: self.set_year(int(self.year_combo.currentData()))
        )
        bar.addWidget(self.year_combo)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&Tệp")
        backup = file_menu.addAction(icon("backup"), "Sao lưu – Phục hồi…")
        backup.triggered.connect(lambda: self.go_to("backup"))
        file_menu.addSeparator()
        quit_action = file_menu.addAction("Thoát")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)

        go_menu = menu.addMenu("Đ&i đến")
        self.section_actions: dict[str, QAction] = {}
        for section, shortcut in zip(SECTIONS, SECTION_SHORTCUTS, strict=True):
            action = go_menu.addAction(icon(section.icon), section.title)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, k=section.key: self.go_to(k))
            self.section_actions[section.key] = action

        view_menu = menu.addMenu("&Xem")
        for text, shortcut, delta in (
            ("Phóng to chữ", "Ctrl+=", 10),
            ("Thu nhỏ chữ", "Ctrl+-", -10),
        ):
            action = view_menu.addAction(text)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, d=delta: self._step_font(d))

        help_menu = menu.addMenu("Trợ &giúp")
        about = help_menu.addAction(icon("about"), "Giới thiệu")
        about.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        about.triggered.connect(self.show_about)

    # Behaviour ----------------------------------------------------------------------------

    def go_to(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return

    def current_page(self) -> SectionPage:
        return self._page_by_key[SECTIONS[self.pages.currentIndex()].key]

    def set_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index < 0:
            year = dt.date.today().year
            index = self.year_combo.findData(year)
        if self.year_combo.currentIndex() != index:
            self.year_combo.setCurrentIndex(index)  # re-enters through the combo's signal
            return
        self._settings.set(WORK_YEAR, year)
        self.status.show_year(year)
        for page in self._page_by_key.values():
            page.set_year(year)
        self.year_changed.emit(year)

    def refresh_status(self) -> None:
        self._tasks.submit(self._services.overview.summary, self._show_status, parent=self)

    def show_about(self) -> None:
        AboutDialog(self._paths, self).exec()

    def _tabs_changed(self, key: str) -> None:
        """A tab wrote data: the status bar, and the other tabbed sections read again when shown
        (the round's steps live in three sections)."""
        self.refresh_status()
        for other, page in self._page_by_key.items():
            if other != key and isinstance(page, TabbedSectionPage):
                page.mark_stale()

    def _data_changed(self, replaced: bool) -> None:
        """After a backup (the status bar's date) or a restore (every page rereads)."""
        self.refresh_status()
        if replaced:
            for page in self._page_by_key.values():
                if Action.REFRESH in page.actions:
                    page.trigger(Action.REFRESH)

    def _show_status(self, summary: OverviewSummary) -> None:
        profile = summary.profile
        name = profile.display_name if profile else ""
        self.status.show_commune(f"{name}, tỉnh {profile.province}" if profile else "")
        self.setWindowTitle(f"{APP_NAME} – {name}" if name else APP_NAME)
        self.status.show_backup(summary.last_usb_backup, self._settings.get(USB_REMINDER_DAYS))

    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        self.pages.setCurrentIndex(row)
        page = self.current_page()
        for action, qaction in self.toolbar_actions.items():
            qaction.setEnabled(action in page.actions)
        self._settings.set(LAST_SECTION, page.section.key)
        page.activated()

    def _trigger(self, action: Action) -> None:
        page = self.current_page()
        if action in page.actions:
            page.trigger(action)
            if action is Action.REFRESH:
                self.refresh_status()

    def _step_font(self, delta: int) -> None:
        page = self._page_by_key["settings"]
        assert isinstance(page, SettingsPage)
        spin = page.font_scale_spin
        spin.setValue(spin.value() + delta)

    # State --------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._settings.get(WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        state = self._settings.get(WINDOW_STATE)
        if state:
            self.restoreState(state)
        last = self._settings.get(LAST_SECTION)
        self.go_to(last if last in self._page_by_key else "overview")
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)
        self.refresh_status()

    def save_state(self) -> None:
        self._settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self._settings.set(WINDOW_STATE, bytes(self.saveState().data()))
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self._page_by_key.values():
            if not page.can_leave():
                self.go_to(page.section.key)  # the officer stays with the unsaved changes
                event.ignore()
                return
        self.save_state()
        self._tasks.wait_idle()
        super().closeEvent(event)
