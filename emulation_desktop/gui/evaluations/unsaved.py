"""Unsaved changes in a grid: leaving asks Lưu / Không lưu / Hủy before the work is lost.

Changing the unit or reloading can wait for the answer (Hủy stays). A switch of tab or section
has already happened when a widget hears of it, so the question then offers Lưu or Không lưu;
`can_leave()` is there for a window or page that can still say no (closing the window).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from emulation_desktop import APP_NAME

SAVE, DISCARD, STAY = "save", "discard", "stay"
Ask = Callable[[QWidget, str, bool], str]


def ask_unsaved(parent: QWidget, question: str, can_stay: bool) -> str:
    """Lưu / Không lưu (/ Hủy: stay where you are): SAVE, DISCARD or STAY."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, question, parent=parent)
    save = box.addButton("Lưu", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Không lưu", QMessageBox.ButtonRole.DestructiveRole)
    if can_stay:
        box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else STAY


class UnsavedGuard:
    """Mixed into a QWidget that keeps changes in memory. The widget provides `unsaved_question`
    (None when nothing is unsaved), `discard_unsaved()`, `save_unsaved(then)`, where `then`
    runs only after a successful save, and `save_unsaved_now()` for `can_leave`."""

    ask: Ask = staticmethod(ask_unsaved)  # type: ignore[assignment]  # tests replace it
    _asking = False

    def unsaved_question(self) -> str | None:
        raise NotImplementedError

    def discard_unsaved(self) -> None:
        raise NotImplementedError

    def save_unsaved(self, then: Callable[[], None] | None = None) -> None:
        raise NotImplementedError

    def save_unsaved_now(self) -> bool:
        """Save before returning (the window is closing); False, with the reason shown and the
        changes kept, when the save is refused."""
        raise NotImplementedError

    def _answer(self, question: str, can_stay: bool) -> str:
        self._asking = True
        try:
            assert isinstance(self, QWidget)
            return self.ask(self, question, can_stay)
        finally:
            self._asking = False

    def can_leave(self) -> bool:
        """Ask when something is unsaved; False when the officer chose to stay."""
        question = self.unsaved_question()
        if question is None:
            return True
        answer = self._answer(question, can_stay=True)
        if answer == SAVE:
            return self.save_unsaved_now()  # refused: stay, or the changes would be lost
        if answer == DISCARD:
            self.discard_unsaved()
        return answer != STAY

    def leave_then(self, action: Callable[[], None], on_stay: Callable[[], None] = lambda: None,
                   ) -> None:  # fmt: skip
        """`action` once the changes are saved (after the save succeeds) or dropped; `on_stay`
        when the officer stays, and also while a save runs (the old data stays on screen)."""
        question = self.unsaved_question()
        if question is None:
            action()
            return
        answer = self._answer(question, can_stay=True)
        if answer == SAVE:
            on_stay()
            self.save_unsaved(action)
        elif answer == DISCARD:
            self.discard_unsaved()
            action()
        else:
            on_stay()

    def settle_now(self) -> None:
        """Something already moved on (the year): save or drop, no staying."""
        question = self.unsaved_question()
        if question is not None:
            if self._answer(question, can_stay=False) == SAVE:
                self.save_unsaved()
            self.discard_unsaved()

    def guard_hide(self, event: QHideEvent) -> None:
        """Call from hideEvent: a switch of tab or section asks right after it."""
        if not self._asking and not event.spontaneous() and self.unsaved_question() is not None:
            QTimer.singleShot(0, self._after_hide)

    def _after_hide(self) -> None:
        assert isinstance(self, QWidget)
        # Not when the window itself went away: closing is the window's to ask (can_leave).
        if not self.isVisible() and self.window().isVisible():
            self.settle_now()
