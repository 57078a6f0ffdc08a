"""Small read-only tables for the rules screens (tens of rows: a QTableWidget is enough)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from emulation_desktop.domain.rules.model import LegalBasis


def basis_text(b: LegalBasis | None) -> str:
    return "" if b is None else f"{b.citation}"


def basis_mark(b: LegalBasis | None) -> str:
    return "" if b is None else f"{b.confidence.mark} {b.confidence.label}"


def basis_tooltip(b: LegalBasis | None) -> str:
    if b is None:
        return ""
    return "\n".join(x for x in (b.citation, b.confidence.label, b.note) if x)


class ReadOnlyTable(QTableWidget):
    def __init__(self, headers: Sequence[str], name: str) -> None:
        super().__init__(0, len(headers))
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)

    def fill(self, rows: Sequence[Sequence[str]], tooltips: Sequence[Sequence[str]] = ()) -> None:
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if tooltips and tooltips[r][c]:
                    item.setToolTip(tooltips[r][c])
                if text.replace(",", "").replace(".", "").replace("×", "").strip().isdigit():
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(r, c, item)
        self.resizeRowsToContents()

    def set_widths(self, chars: Sequence[int]) -> None:
        x = self.fontMetrics().horizontalAdvance("x")
        for c, n in enumerate(chars):
            self.setColumnWidth(c, n * x)
