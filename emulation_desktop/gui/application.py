"""QApplication set-up, the first-start flow and the main window's life."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from emulation_desktop import APP_NAME, APP_SLUG, __version__
from emulation_desktop.documents.fonts import FONT_FILES, font_file
from emulation_desktop.domain.errors import UserError
from emulation_desktop.paths import AppPaths
from emulation_desktop.services.container import AppServices
from emulation_desktop.settings import FONT_SCALE, Settings

from emulation_desktop.gui.dialogs.setup_dialog import SetupDialog
from emulation_desktop.gui.icons import icon, register_icon_path
from emulation_desktop.gui.main_window import MainWindow
from emulation_desktop.gui.messages import show_error
from emulation_desktop.gui.settings_backend import IniBackend
from emulation_desktop.gui.tasks import TaskRunner

log = logging.getLogger(__name__)


def create_qapplication(headless: bool = False) -> QApplication:
    """The one QApplication of the process (reused when it exists, e.g. under pytest-qt)."""
    # Spin boxes and date pickers write 1.234.000 and 0,3 and Vietnamese month names.
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        # Under pytest-qt the application exists already: remember its size all the same, so
        # resetting the text size to 100 % restores it between tests.
        if existing.property("base_point_size") is None:
            existing.setProperty("base_point_size", existing.font().pointSizeF())
        return existing
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # 125 % and 150 % Windows scaling stay exact instead of rounding to 100 % or 200 %.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    # Qt's own warnings go to the log file, not to the console of `tdkt self-test`.
    qInstallMessageHandler(_log_qt_message)
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_SLUG)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_SLUG)
    register_icon_path()
    app.setWindowIcon(icon("app"))
    for name in FONT_FILES:
        # The serif font is bundled for previews of documents and certificates.
        QFontDatabase.addApplicationFont(str(font_file(name)))
    app.setProperty("base_point_size", app.font().pointSizeF())
    return app


def _log_qt_message(mode: QtMsgType, _context: object, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def apply_font_scale(app: QApplication, percent: int) -> None:
    """Enlarge (or shrink) the whole interface text, from the platform's own size."""
    base = float(app.property("base_point_size") or app.font().pointSizeF())
    font = QFont(app.font())
    font.setPointSizeF(base * percent / 100.0)
    app.setFont(font)


def install_excepthook() -> None:
    """An error escaping a slot is logged and told in one sentence; the window stays open."""

    def hook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        log.error("unhandled error in the interface", exc_info=(exc_type, exc, tb))
        if isinstance(exc, UserError):
            show_error(QApplication.activeWindow(), exc.message)
            return
        show_error(
            QApplication.activeWindow(),
            f"Sự cố ngoài dự kiến ({exc_type.__name__}); thao tác vừa rồi chưa hoàn tất. "
            "Dữ liệu đã lưu trước đó vẫn nguyên vẹn. Chi tiết đã ghi vào tệp nhật ký "
            "(Trợ giúp → Giới thiệu).",
        )

    sys.excepthook = hook


def ini_backend(path: Path) -> IniBackend:
    return IniBackend(path)


def show_fatal_error(message: str) -> None:
    """Shown when the program cannot open its data; the user gets a dialog, not a traceback."""
    create_qapplication()
    show_error(None, message, title="Không mở được dữ liệu")


def run_main_window(
    app: QApplication,
    services: AppServices,
    settings: Settings,
    paths: AppPaths,
    *,
    quit_when_shown: bool = False,
) -> int:
    """First start asks for the commune profile (or loads the demo); then the main window."""
    started = time.perf_counter()
    install_excepthook()
    apply_font_scale(app, settings.get(FONT_SCALE))
    tasks = TaskRunner(app)
    if not services.profile.exists():
        dialog = SetupDialog(services, tasks, first_start=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
    window = MainWindow(services, settings, paths, tasks, lambda p: apply_font_scale(app, p))
    window.show()
    if quit_when_shown:
        # For the start-up benchmark: report once the window is really on screen.
        def report() -> None:
            print(f"shown {time.perf_counter() - started:.3f}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, report)
    elif services.backup.daily_backup_due():
        # Once a day, after the window is up: a copy survives a dead disk sector or a bad edit.
        QTimer.singleShot(
            3000,
            lambda: tasks.submit(
                lambda: services.backup.auto_backup("daily"), lambda _p: None, _log_backup_failure
            ),
        )
    code = app.exec()
    tasks.wait_idle()
    if not quit_when_shown:
        try:
            services.backup.auto_backup("exit")
        except UserError as exc:  # a full disk must not turn closing into an error dialog
            log.warning("automatic backup on exit failed: %s", exc.message)
    return code


def _log_backup_failure(exc: UserError) -> None:
    log.warning("daily automatic backup failed: %s", exc.message)


def smoke_main_window(services: AppServices, settings: Settings, paths: AppPaths) -> str:
    """Build every page of the main window offscreen and draw it once (self-test)."""
    app = create_qapplication(headless=True)
    tasks = TaskRunner(app)
    window = MainWindow(services, settings, paths, tasks, lambda p: apply_font_scale(app, p))
    try:
        window.show()
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            app.processEvents()
        pixmap = window.grab()
        _settle(app, tasks)
        if pixmap.isNull():
            raise RuntimeError("không vẽ được cửa sổ chính")
        return f"{window.nav.count()} mục, ảnh {pixmap.width()}×{pixmap.height()}"
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        # No page may still read the database when the caller closes and deletes it.
        _settle(app, tasks)


def _settle(app: QApplication, tasks: TaskRunner) -> None:
    for _ in range(50):
        tasks.wait_idle()
        app.processEvents()
        if not tasks.busy:
            return
