"""A date typed as dd/mm/yyyy, optional or required, that says what is wrong with it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QWidget

from emulation_desktop.domain.dates import day_text, parse_day

HINT = "ngày/tháng/năm"


class DateField(QLineEdit):
    """Typing is faster than a calendar for officers who copy dates from paper documents."""

    def __init__(
        self, day: dt.date | None = None, *, required: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.required = required
        self.setPlaceholderText(HINT)
        self.setMaxLength(10)
        # Wide enough for a date and for the hint shown while it is empty, never cut.
        widest = max(self.fontMetrics().horizontalAdvance(t) for t in ("00/00/00000", HINT))
        self.setMaximumWidth(widest + 24)
        self.set_date(day)

    def set_date(self, day: dt.date | None) -> None:
        self.setText(day_text(day))

    def error(self) -> str:
        """ "" when the text is a date (or empty and optional), else the message to show."""
        try:
            day = parse_day(self.text())
        except ValueError as exc:
            return str(exc)
        if day is None and self.required:
            return "Hãy nhập ngày (ngày/tháng/năm)."
        return ""

    def date(self) -> dt.date | None:
        """The date, or None when empty or not a date (check error() first)."""
        try:
            return parse_day(self.text())
        except ValueError:
            return None
