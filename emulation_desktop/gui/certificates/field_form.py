"""The form beside the paper: the selected field's box in millimetres (steps of half a
millimetre), its type and colour, alignment, whether it prints on a blank, whether it prints at
all, and the words of a fixed field. Every change gives a new FieldBox through `edited`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from emulation_desktop.domain.certificate_layout import MAX_PAPER_MM, Align, FieldBox
from emulation_desktop.domain.text import nfc

from emulation_desktop.gui.widgets.controls import combo

PickColour = Callable[[QWidget, str], str | None]


def pick_colour(parent: QWidget, current: str) -> str | None:
    """QColorDialog; the colour as #RRGGBB, None when cancelled."""
    chosen = QColorDialog.getColor(QColor(current), parent, "Chọn màu chữ")
    return chosen.name().upper() if chosen.isValid() else None


def _spin(name: str, low: float, high: float, step: float, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setDecimals(1)
    spin.setSingleStep(step)
    spin.setSuffix(suffix)
    spin.setKeyboardTracking(False)  # typing "123" moves the box once, not to 1, 12 then 123
    return spin


class FieldForm(QWidget):
    """Signals:
    edited(FieldBox): the officer changed a value of the field shown.
    """

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("field_form")
        self.pick_colour: PickColour = pick_colour  # tests replace it
        self.box: FieldBox | None = None
        self._loading = False
        self.x_mm = _spin("x_mm", 0, MAX_PAPER_MM, 0.5, " mm")
        self.y_mm = _spin("y_mm", 0, MAX_PAPER_MM, 0.5, " mm")
        self.width_mm = _spin("width_mm", 0, MAX_PAPER_MM, 0.5, " mm")
        self.height_mm = _spin("height_mm", 0, MAX_PAPER_MM, 0.5, " mm")
        self.size = _spin("size", 4, 120, 0.5, " pt")
        self.min_size = _spin("min_size", 4, 120, 0.5, " pt")
        self.size.setToolTip("Cỡ chữ khi dòng chữ vừa khung")
        self.min_size.setToolTip(
            "Tên hoặc thành tích dài được thu nhỏ dần tới cỡ này, rồi mới xuống dòng"
        )
        self.bold = QCheckBox("Đậm")
        self.bold.setObjectName("bold")
        self.italic = QCheckBox("Nghiêng")
        self.italic.setObjectName("italic")
        self.underline = QCheckBox("Gạch chân")
        self.underline.setObjectName("underline")
        self.colour = QPushButton()
        self.colour.setObjectName("colour_button")
        self.colour.setToolTip("Chọn màu chữ")
        self.colour.clicked.connect(lambda _=False: self._choose_colour())
        self.align = combo("align", [(a.label, a) for a in Align])
        self.on_blank = QCheckBox("In trên phôi")
        self.on_blank.setObjectName("on_blank")
        self.on_blank.setToolTip(
            "Bỏ chọn với chữ đã in sẵn trên phôi (Quốc hiệu, «GIẤY KHEN»…): khi in trên phôi "
            "dòng này không in"
        )
        self.visible = QCheckBox("Hiện")
        self.visible.setObjectName("visible")
        self.visible.setToolTip("Bỏ chọn để không in dòng này ở cả hai cách in")
        self.text = QLineEdit()
        self.text.setObjectName("fixed_text")
        self.text.setToolTip("Chữ cố định, giống nhau trên mọi tờ")

        place = QGridLayout()
        for col, (label, spin) in enumerate((("x", self.x_mm), ("y", self.y_mm))):
            place.addWidget(_label(f"&{label}:", spin), 0, col * 2)
            place.addWidget(spin, 0, col * 2 + 1)
        place.addWidget(_label("&Rộng:", self.width_mm), 1, 0)
        place.addWidget(self.width_mm, 1, 1)
        place.addWidget(_label("Ca&o:", self.height_mm), 1, 2)
        place.addWidget(self.height_mm, 1, 3)
        sizes = QHBoxLayout()
        sizes.addWidget(self.size)
        sizes.addWidget(_label("nhỏ nhất:", self.min_size))
        sizes.addWidget(self.min_size)
        styles = QHBoxLayout()
        for w in (self.bold, self.italic, self.underline):
            styles.addWidget(w)
        styles.addStretch(1)
        look = QHBoxLayout()
        look.addWidget(self.colour)
        look.addWidget(_label("Căn &lề:", self.align))
        look.addWidget(self.align, 1)
        flags = QHBoxLayout()
        flags.addWidget(self.on_blank)
        flags.addWidget(self.visible)
        flags.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(place)
        form.addRow(_label("Cỡ &chữ:", self.size), sizes)
        form.addRow(styles)
        form.addRow(_label("&Màu:", self.colour), look)
        form.addRow(flags)
        form.addRow(_label("Chữ cố đị&nh:", self.text), self.text)

        for spin in (self.x_mm, self.y_mm, self.width_mm, self.height_mm, self.size,
                     self.min_size):  # fmt: skip
            spin.valueChanged.connect(lambda _v: self._changed())
        for check in (self.bold, self.italic, self.underline, self.on_blank, self.visible):
            check.toggled.connect(lambda _c: self._changed())
        self.align.currentIndexChanged.connect(lambda _i: self._changed())
        self.text.textChanged.connect(lambda _t: self._changed())
        self.setEnabled(False)

    def commit(self) -> None:
        """Take a number still being typed (Ctrl+S pressed before Enter or Tab)."""
        for spin in (self.x_mm, self.y_mm, self.width_mm, self.height_mm, self.size,
                     self.min_size):  # fmt: skip
            spin.interpretText()

    def show_box(self, box: FieldBox | None) -> None:
        """Fill the form from `box` (None: nothing selected) without announcing an edit."""
        self.box = box
        self.setEnabled(box is not None)
        if box is None:
            return
        self._loading = True
        try:
            for spin, value in ((self.x_mm, box.x_mm), (self.y_mm, box.y_mm),
                                (self.width_mm, box.width_mm), (self.height_mm, box.height_mm),
                                (self.size, box.size), (self.min_size, box.min_size)):  # fmt: skip
                spin.setValue(value)
            self.bold.setChecked(box.bold)
            self.italic.setChecked(box.italic)
            self.underline.setChecked(box.underline)
            self.on_blank.setChecked(box.on_blank)
            self.visible.setChecked(box.visible)
            self.align.setCurrentIndex(self.align.findData(box.align))
            self.text.setText(box.text)
            self.text.setEnabled(box.key.fixed)
            self._show_colour(box.colour)
        finally:
            self._loading = False

    def _show_colour(self, colour: str) -> None:
        name = {"#000000": "Đen", "#C8102E": "Đỏ"}.get(colour.upper(), colour.upper())
        self.colour.setText(f"■ {name}")
        self.colour.setStyleSheet(f"QPushButton {{ color: {colour}; }}")

    def _choose_colour(self) -> None:
        if self.box is None:
            return
        chosen = self.pick_colour(self, self.box.colour)
        if chosen and chosen != self.box.colour:
            self._show_colour(chosen)
            self._emit(replace(self.box, colour=chosen))

    def _changed(self) -> None:
        if self._loading or self.box is None:
            return
        box = replace(
            self.box,
            x_mm=self.x_mm.value(),
            y_mm=self.y_mm.value(),
            width_mm=self.width_mm.value(),
            height_mm=self.height_mm.value(),
            size=self.size.value(),
            min_size=self.min_size.value(),
            bold=self.bold.isChecked(),
            italic=self.italic.isChecked(),
            underline=self.underline.isChecked(),
            on_blank=self.on_blank.isChecked(),
            visible=self.visible.isChecked(),
            align=Align(self.align.currentData()),
            text=nfc(self.text.text()).strip() if self.box.key.fixed else self.box.text,
        )
        if box != self.box:
            self._emit(box)

    def _emit(self, box: FieldBox) -> None:
        self.box = box
        self.edited.emit(box)


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
