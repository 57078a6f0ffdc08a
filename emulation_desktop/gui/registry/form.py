"""Pieces every registry form shares: sizes in text widths, red messages under fields, buttons."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.errors import UserError, ValidationError

ERROR_COLOR = "#c62828"


def em(widget: QWidget, n: float) -> int:
    """n "M" widths in the widget's font: sizes that follow the 125–150 % scaling and font size."""
    return round(widget.fontMetrics().horizontalAdvance("M") * n)


def red_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class FieldErrors:
    """Red messages under the fields, keyed like ValidationError.field_errors.

    Fields are registered in reading order, so the first marked one is the one to fix first;
    a message whose key has no field goes to the general label under the form.
    """

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.general = red_label()
        self.general.setObjectName("general_error")

    def wrap(self, key: str, widget: QWidget, focus: QWidget | None = None) -> QWidget:
        """`widget` with its (hidden) message line under it, for one form row."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = red_label()
        label.setObjectName(f"{key}_error")
        layout.addWidget(label)
        self._fields[key] = (focus or widget, label)
        return box

    def message(self, key: str) -> str:
        """The message shown for a field (or the general one), "" when none."""
        label = self._fields[key][1] if key in self._fields else self.general
        return label.text() if not label.isHidden() else ""

    def clear(self) -> None:
        for widget, label in (*self._fields.values(), (None, self.general)):
            label.hide()
            label.clear()
            if isinstance(widget, QLineEdit):
                widget.setStyleSheet("")

    def show_failure(self, exc: UserError) -> None:
        """A refused write: field messages under their fields, anything else under the form."""
        self.show(exc.field_errors if isinstance(exc, ValidationError) else {"": exc.message})

    def show(self, errors: Mapping[str, str]) -> None:
        self.clear()
        first: QWidget | None = None
        for key, (widget, label) in self._fields.items():
            if message := errors.get(key):
                label.setText(message)
                label.show()
                if isinstance(widget, QLineEdit):
                    widget.setStyleSheet(f"border: 1px solid {ERROR_COLOR};")
                first = first or widget
        rest = [m for k, m in errors.items() if k not in self._fields]
        if rest:
            self.general.setText("\n".join(rest))
            self.general.show()
        self._grow()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(first, QLineEdit):
                first.selectAll()

    def _grow(self) -> None:
        """Make the window tall enough for the wrapped messages (Qt does not, at 150 %)."""
        window = self.general.window()
        layout = window.layout()
        if window is self.general or layout is None:
            return
        layout.activate()
        needed = max(window.heightForWidth(window.width()), layout.minimumSize().height())
        if needed > window.height():
            window.resize(window.width(), needed)


def dialog_buttons(
    dialog: QDialog, ok_text: str, on_ok: Callable[[], None], *, ctrl_s: bool = True
) -> tuple[QDialogButtonBox, QPushButton]:
    """The main button (Enter presses it; Ctrl+S too) and Hủy (Esc), with Vietnamese words."""
    box = QDialogButtonBox()
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
    ok.setObjectName("ok_button")
    cancel.setObjectName("cancel_button")
    ok.setDefault(True)
    ok.clicked.connect(on_ok)
    cancel.clicked.connect(dialog.reject)
    if ctrl_s:
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), dialog)
        shortcut.activated.connect(on_ok)
    return box, ok
