"""The save path of the dialogs that write one record: the form checked first (the domain's
messages and those of the typed dates, under their fields), then one write through the task
runner with «Lưu» disabled meanwhile (Ctrl+S pressed twice writes once), a refusal shown under
its field with the form kept, and the dialog accepted once written."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from emulation_desktop.domain.errors import UserError, ValidationError

from emulation_desktop.gui.registry.form import FieldErrors
from emulation_desktop.gui.tasks import TaskRunner


class SavingDialog(QDialog):
    """Subclasses make `save_button` (gui.registry.form.dialog_buttons) and call `save_item` or
    `run` from their save slot; `saved_id` is set once a record is written."""

    save_button: QPushButton

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.errors = FieldErrors()
        self.saved_id: int | None = None

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Messages under their fields (a dialog with tabs also brings the right tab forward)."""
        self.errors.show(errors)

    def checked(self, validate: Callable[[], object], typed: Mapping[str, str]) -> bool:
        """Run the domain's `validate` and show its messages with those of the typed fields
        (`typed`: field → "" or why the text is not a date; it wins, being the more precise).
        True when there is nothing to show."""
        errors: dict[str, str] = {}
        try:
            validate()
        except ValidationError as exc:
            errors = dict(exc.field_errors)
        errors |= {field: message for field, message in typed.items() if message}
        if errors:
            self.show_errors(errors)
        return not errors

    def save_item(
        self, create: Callable[[Any], int], update: Callable[[int, Any], None],
        item_id: int | None, data: Any,
    ) -> None:  # fmt: skip
        """Create (`item_id` None) or update the record, then set `saved_id`."""

        def write() -> int:
            if item_id is None:
                return create(data)
            update(item_id, data)
            return item_id

        self.run(write, lambda saved: setattr(self, "saved_id", saved))

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if not self.save_button.isEnabled():
            return  # a save is already running (Ctrl+S pressed twice)
        self.errors.clear()
        self.save_button.setEnabled(False)

        def ok(result: Any) -> None:
            self.save_button.setEnabled(True)
            done(result)
            self.accept()

        def failed(exc: UserError) -> None:
            self.save_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self.show_errors(exc.field_errors)
            else:
                self.errors.show_failure(exc)

        self.tasks.submit(work, ok, failed, parent=self)
