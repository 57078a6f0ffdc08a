"""Background work: results come back on the GUI thread; failures become Vietnamese messages."""

from __future__ import annotations

import threading

import pytest

from emulation_desktop.domain.errors import UserError

from emulation_desktop.gui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def test_result_arrives_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    gui_thread = threading.current_thread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread()
        return 42

    def done(value: object) -> None:
        seen["value"] = value
        seen["callback"] = threading.current_thread()

    runner.submit(work, done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["worker"] is not gui_thread
    assert seen["callback"] is gui_thread


def test_tasks_run_one_at_a_time_in_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    order: list[int] = []
    for i in range(5):
        runner.submit(lambda i=i: i, order.append)
    qtbot.waitUntil(lambda: len(order) == 5, timeout=5000)
    assert order == [0, 1, 2, 3, 4]


def test_user_error_reaches_on_failure(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    failures: list[UserError] = []

    def work() -> None:
        raise UserError("Ổ đĩa đã đầy.")

    runner.submit(work, lambda _v: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures[0].message == "Ổ đĩa đã đầy."


def test_unexpected_error_is_reported_without_traceback(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    failures: list[UserError] = []

    def work() -> None:
        raise ZeroDivisionError("boom")

    runner.submit(work, lambda _v: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert "ngoài dự kiến" in failures[0].message
    assert "boom" not in failures[0].message
