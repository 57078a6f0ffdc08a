"""Driving the yearly-cycle tabs in tests: a tab inside its section page, modal dialogs filled
in place of exec(), a subject picked as the officer does, and message boxes recorded instead of
shown (they block)."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from PySide6.QtWidgets import QDialog

from emulation_desktop.domain.enums import SubjectKind

from emulation_desktop.gui.pages.tabbed import TabbedSectionPage
from emulation_desktop.gui.sections import SECTION_BY_KEY
from emulation_desktop.gui.tasks import SyncTaskRunner


def tab_in_page(qtbot, services, cls, year: int, section: str = "movements"):  # type: ignore[no-untyped-def]
    """The tab `cls` shown in front of its section page, on `year`."""
    page = TabbedSectionPage(SECTION_BY_KEY[section], services, SyncTaskRunner(), lambda: None,
                             [cls])  # fmt: skip
    qtbot.addWidget(page)
    page.set_year(year)
    page.show()
    page.activated()
    return page.current()


def drive(
    monkeypatch: pytest.MonkeyPatch,
    dialog: type[QDialog],
    act: Callable[[Any], None],
    *,
    then_save: bool = False,
) -> list[Any]:
    """Replace the modal exec(): `act` fills the opened dialog and presses its button (or, with
    `then_save`, the dialog's «Lưu» is pressed after it). Returns the dialogs opened."""
    opened: list[Any] = []

    def fake_exec(self: QDialog) -> int:
        opened.append(self)
        act(self)
        if then_save:
            self.save_button.click()  # type: ignore[attr-defined]
        return self.result()

    monkeypatch.setattr(dialog, "exec", fake_exec)
    return opened


def pick(picker: Any, kind: SubjectKind, text: str, label: str) -> None:
    """Choose the kind, type part of the name and pick `label` in the suggestions."""
    picker.kind.setCurrentIndex(picker.kind.findData(kind))
    picker.edit.setText(text)
    picker.search_now()
    picker.choose(label)


def record_messages(
    monkeypatch: pytest.MonkeyPatch, *modules: ModuleType, errors_prefix: str = ""
) -> list[str]:
    """What the message boxes of `modules` would have said, in order; confirmations say yes.
    An error is recorded with `errors_prefix` before it."""
    said: list[str] = []
    for module in modules:
        patch = {
            "show_info": lambda _p, m, *_a: said.append(m),
            "show_error": lambda _p, m, *_a: said.append(errors_prefix + m),
            "confirm": lambda _p, q, *_a: said.append(q) or True,
        }
        for name, fake in patch.items():
            if hasattr(module, name):
                monkeypatch.setattr(module, name, fake)
    return said
