"""Errors that carry a message meant for the user, in Vietnamese."""

from __future__ import annotations


class UserError(Exception):
    """A failure the user can understand and act on.

    Attributes:
        message: one or two Vietnamese sentences: what happened and what to do.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(UserError):
    """Input that was refused; nothing was written.

    Attributes:
        field_errors: field name -> Vietnamese message, for forms that mark the field.
    """

    def __init__(self, field_errors: dict[str, str]) -> None:
        self.field_errors = dict(field_errors)
        super().__init__(" ".join(self.field_errors.values()))
