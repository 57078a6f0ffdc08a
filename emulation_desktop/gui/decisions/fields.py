"""Fields the decision and tờ trình dialogs share: who signs (the commune profile's chairman and
vice-chairmen, or someone typed in) and how, and a document number left empty for the next one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from emulation_desktop.domain.decisions import Signer
from emulation_desktop.domain.enums import SignVariant

from emulation_desktop.gui.registry.form import FieldErrors
from emulation_desktop.gui.widgets.controls import enum_combo

OTHER = "Người khác…"


class SignerFields:
    """Adds its rows to a form: a choice of signer filling the name, title and variant (still
    editable: a vice-chairman signing in the chairman's absence)."""

    def __init__(self, form: QFormLayout, errors: FieldErrors, signers: Sequence[Signer]) -> None:
        self._signers = list(signers)
        self.choice = QComboBox()
        self.choice.setObjectName("signer_choice")
        for s in self._signers:
            self.choice.addItem(f"{s.name} ({s.title})", s.name)
        self.choice.addItem(OTHER, "")
        self.name = QLineEdit()
        self.name.setObjectName("signer_name")
        self.title = QLineEdit()
        self.title.setObjectName("signer_title")
        self.title.setPlaceholderText("Chủ tịch, Phó Chủ tịch…")
        self.variant = enum_combo("sign_variant", SignVariant.choices())
        form.addRow("Người &ký:", self.choice)
        form.addRow("Họ và tên:", errors.wrap("signer_name", self.name))
        form.addRow("Chức vụ:", errors.wrap("signer_title", self.title))
        form.addRow("Cách ký:", self.variant)
        self.choice.currentIndexChanged.connect(lambda _i: self._chosen())
        self._chosen()

    def _chosen(self) -> None:
        i = self.choice.currentIndex()
        if 0 <= i < len(self._signers):
            s = self._signers[i]
            self.name.setText(s.name)
            self.title.setText(s.title)
            self.variant.setCurrentIndex(self.variant.findData(s.variant.value))
        else:
            self.name.clear()
            self.title.clear()
            self.name.setFocus()

    def signer(self) -> Signer:
        return Signer(self.name.text(), self.title.text(), SignVariant(self.variant.currentData()))


def number_field(name: str = "number") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setValidator(QIntValidator(1, 99999, edit))
    edit.setPlaceholderText("Để trống: lấy số tiếp theo trong sổ")
    return edit


def number_of(edit: QLineEdit) -> int | None:
    text = edit.text().strip()
    return int(text) if text.isdigit() else None


def grow(widget: QWidget, chars: float) -> QWidget:
    widget.setMinimumWidth(round(widget.fontMetrics().horizontalAdvance("M") * chars))
    return widget


def fit_to_screen(dialog: QWidget, width_em: float, height_em: float) -> None:
    """Open at a size that shows the preview well, never larger than the screen leaves."""
    m = dialog.fontMetrics().horizontalAdvance("M")
    width, height = round(width_em * m), round(height_em * m)
    screen = dialog.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() * 95 // 100), min(height, room.height() * 9 // 10)
    dialog.resize(width, height)


def list_above_detail(stack: QStackedWidget) -> None:
    """A year holds a few decisions or tờ trình, each with a long list: the records on top, the
    chosen one's list below at the tab's whole width (a RecordTab's splitter turned)."""
    splitter = stack.widget(0)
    assert isinstance(splitter, QSplitter)
    splitter.setOrientation(Qt.Orientation.Vertical)
    splitter.setStretchFactor(0, 30)
    splitter.setStretchFactor(1, 70)
    splitter.setSizes([300, 700])
