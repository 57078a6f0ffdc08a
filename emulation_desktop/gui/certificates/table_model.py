"""The sheets of the decision on screen, one row each, in the order they will print."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from emulation_desktop.domain.certificates import CertificateKind
from emulation_desktop.services.certificates import CertificateRow

HEADERS = ("STT", "Người nhận", "Khen thưởng", "Loại giấy", "Số sổ", "Đã in", "Hỏng")
RECIPIENT, AWARD, KIND, PRINTED, SPOILED = 1, 2, 3, 5, 6
SPOILED_COLOR = "#c62828"
PRINTED_COLOR = "#2e7d32"

_KIND_SHORT = {
    CertificateKind.GIAY_KHEN_PERSON: "Giấy khen cá nhân",
    CertificateKind.GIAY_KHEN_UNIT: "Giấy khen tập thể",
    CertificateKind.GIAY_KHEN_HOUSEHOLD: "Giấy khen hộ gia đình",
    CertificateKind.CERTIFICATE: "Giấy chứng nhận",
}

Index = QModelIndex | QPersistentModelIndex


class CertificateTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[CertificateRow] = []

    def set_rows(self, rows: Sequence[CertificateRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, award_id: int) -> int:
        for i, r in enumerate(self.rows):
            if r.certificate.award_id == award_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 4, PRINTED, SPOILED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == SPOILED and row.spoiled:
                return QBrush(QColor(SPOILED_COLOR))
            if column == PRINTED and row.printed:
                return QBrush(QColor(PRINTED_COLOR))
        return None

    @staticmethod
    def _text(row: CertificateRow, column: int) -> str:
        c = row.certificate
        return (
            str(c.number),
            c.recipient.line,
            c.award_name,
            _KIND_SHORT[c.kind],
            c.register_number,
            str(row.printed) if row.printed else "",
            str(row.spoiled) if row.spoiled else "",
        )[column]

    @staticmethod
    def _tooltip(row: CertificateRow, column: int) -> str:
        c = row.certificate
        if column == RECIPIENT:
            return "\n".join(
                x for x in (c.recipient.line, c.recipient.position, c.achievement) if x
            )
        if column == KIND:
            return c.kind.label
        if column == PRINTED:
            when = f", lần cuối {row.last_printed:%d/%m/%Y %H:%M}" if row.last_printed else ""
            return f"Đã in {row.printed} tờ{when}" if row.printed else "Chưa in"
        if column == SPOILED:
            return f"{row.spoiled} tờ hỏng" if row.spoiled else ""
        return CertificateTableModel._text(row, column)
