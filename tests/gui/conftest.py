"""GUI fixtures: a main window on the demo commune with synchronous tasks and in-memory settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from emulation_desktop.settings import MemoryBackend, Settings

from emulation_desktop.gui import application
from emulation_desktop.gui.main_window import MainWindow
from emulation_desktop.gui.tasks import SyncTaskRunner


@pytest.fixture
def settings_backend() -> MemoryBackend:
    return MemoryBackend()


@pytest.fixture
def make_window(qtbot, demo_context, settings_backend) -> Iterator[Callable[[], MainWindow]]:  # type: ignore[no-untyped-def]
    app = application.create_qapplication()
    application.register_icon_path()

    def make() -> MainWindow:
        window = MainWindow(
            demo_context.services,
            Settings(settings_backend),
            demo_context.paths,
            SyncTaskRunner(),
            lambda p: application.apply_font_scale(app, p),
        )
        qtbot.addWidget(window)
        return window

    yield make
    application.apply_font_scale(app, 100)


@pytest.fixture
def window(make_window, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    return w
