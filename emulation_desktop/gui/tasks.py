"""One way to run database work off the GUI thread, one task at a time (SQLite has one writer).

    runner.submit(lambda: services.demo.load(), on_success=self._loaded,
                  progress="Đang nạp dữ liệu mẫu…", parent=self)

Callbacks run on the GUI thread. A UserError reaches `on_failure` (default: a message box);
anything else is logged and reported as an unexpected failure. Tests use SyncTaskRunner.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from emulation_desktop.domain.errors import UserError

from emulation_desktop.gui.messages import show_error

log = logging.getLogger(__name__)

SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[UserError], None]
# Work shorter than this shows no progress dialog at all (no flicker).
PROGRESS_DELAY_MS = 400


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call back to this thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(float)


Report = Callable[[float], None]
Cancelled = Callable[[], bool]
StepWork = Callable[[Report, Cancelled], Any]


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except UserError as exc:
            self._relay.failed.emit(exc)
        except Exception as exc:
            log.exception("background task failed")
            self._relay.failed.emit(
                UserError(
                    f"Sự cố ngoài dự kiến ({type(exc).__name__}); thao tác chưa hoàn tất. "
                    "Chi tiết đã ghi vào tệp nhật ký (mục Giới thiệu)."
                )
            )
        else:
            self._relay.finished.emit(result)


def _default_failure(parent: QWidget | None) -> FailureCallback:
    return lambda exc: show_error(parent, exc.message)


class TaskRunner(QObject):
    """Runs tasks on a single-worker pool."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._live: set[_Relay] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: SuccessCallback,
        on_failure: FailureCallback | None = None,
        *,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        dialog = _DelayedProgress(progress, parent) if progress else None
        self._start(fn, None, dialog, on_success, on_failure, parent)

    def submit_steps(
        self,
        fn: StepWork,
        on_success: SuccessCallback,
        on_failure: FailureCallback | None = None,
        *,
        progress: str,
        parent: QWidget | None = None,
    ) -> None:
        """Long work that reports a fraction done and may be cancelled (Hủy) between steps.

        `fn(report, cancelled)` calls `report(0.0…1.0)` and stops when `cancelled()` is true.
        """
        stop = threading.Event()
        dialog = _DelayedProgress(progress, parent, cancel=stop)
        self._start(fn, stop, dialog, on_success, on_failure, parent)

    def _start(
        self,
        fn: Callable[..., Any],
        stop: threading.Event | None,
        dialog: _DelayedProgress | None,
        on_success: SuccessCallback,
        on_failure: FailureCallback | None,
        parent: QWidget | None,
    ) -> None:
        relay = _Relay()
        self._live.add(relay)

        def done(result: object) -> None:
            self._finish(relay, dialog)
            on_success(result)

        def failed(exc: object) -> None:
            self._finish(relay, dialog)
            assert isinstance(exc, UserError)
            (on_failure or _default_failure(parent))(exc)

        relay.finished.connect(done)
        relay.failed.connect(failed)
        if stop is None:
            work = fn
        else:
            assert dialog is not None
            relay.progressed.connect(dialog.set_fraction)
            work = lambda: fn(relay.progressed.emit, stop.is_set)  # noqa: E731
        self._pool.start(_Job(work, relay))

    def _finish(self, relay: _Relay, dialog: _DelayedProgress | None) -> None:
        self._live.discard(relay)
        if dialog is not None:
            dialog.close_now()

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        """Work running, or finished with its callback not yet delivered (which may start more:
        a page that loads its list, then the selected row's detail)."""
        return bool(self._live)


class SyncTaskRunner:
    """Runs the task at once on the calling thread: deterministic tests."""

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: SuccessCallback,
        on_failure: FailureCallback | None = None,
        *,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        try:
            result = fn()
        except UserError as exc:
            (on_failure or _default_failure(parent))(exc)
            return
        on_success(result)

    def submit_steps(
        self,
        fn: StepWork,
        on_success: SuccessCallback,
        on_failure: FailureCallback | None = None,
        *,
        progress: str,
        parent: QWidget | None = None,
    ) -> None:
        self.submit(lambda: fn(lambda _f: None, lambda: False), on_success, on_failure)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return True


class _DelayedProgress:
    """A busy indicator that Qt shows only if the work lasts longer than PROGRESS_DELAY_MS."""

    def __init__(
        self, label: str, parent: QWidget | None, cancel: threading.Event | None = None
    ) -> None:
        # With `cancel`, the work stops safely between steps: offer Hủy and show a real bar.
        maximum = 1000 if cancel is not None else 0
        self._dialog = QProgressDialog(label, "Hủy", 0, maximum, parent)
        self._dialog.setWindowTitle("Xin chờ")
        if cancel is None:
            self._dialog.setCancelButton(None)  # these tasks are not safe to stop halfway
        else:
            self._dialog.canceled.connect(cancel.set)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
        self._dialog.setMinimumDuration(PROGRESS_DELAY_MS)

    def set_fraction(self, fraction: float) -> None:
        self._dialog.setValue(round(max(0.0, min(1.0, fraction)) * 1000))

    def close_now(self) -> None:
        self._dialog.reset()
        self._dialog.close()
        self._dialog.deleteLater()
