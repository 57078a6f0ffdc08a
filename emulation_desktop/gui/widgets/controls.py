"""The small controls every tab and dialog builds the same way: a named combo, a button or menu
entry wired to a slot, a hint in the placeholder colour, a multi-line text box, the page an
empty list shows (what goes here, and the first actions under it), and the share a list keeps
beside its detail.

Object names are given here because tests find the controls by them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)


def combo(name: str, entries: Sequence[tuple[str, object]]) -> QComboBox:
    """A combo of (text shown, data) entries."""
    box = QComboBox()
    box.setObjectName(name)
    for text, data in entries:
        box.addItem(text, data)
    return box


def long_texts(box: QComboBox, chars: int, list_chars: int) -> QComboBox:
    """A combo of long names (movements, units): closed, it shows their first `chars` letters;
    its list opens wide enough to read them whole."""
    box.setMinimumContentsLength(chars)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.view().setMinimumWidth(box.fontMetrics().horizontalAdvance("M") * list_chars)
    return box


def enum_combo(name: str, choices: Sequence[tuple[str, str]]) -> QComboBox:
    """A combo of an enum's `.choices()`: (code, label) pairs, the code as data."""
    return combo(name, [(label, code) for code, label in choices])


def button(text: str, slot: Callable[[], None], name: str, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    if tip:
        b.setToolTip(tip)
    b.clicked.connect(lambda _=False: slot())
    return b


def menu_action(menu: QMenu, text: str, slot: Callable[[], None], name: str) -> QAction:
    action = menu.addAction(text)
    action.setObjectName(name)
    action.triggered.connect(lambda _=False: slot())
    return action


def muted(label: QLabel) -> QLabel:
    """A hint in the placeholder colour, readable in light and dark themes."""
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    label.setWordWrap(True)
    return label


def text_box(lines: int, placeholder: str = "", name: str = "", *, grow: bool = False) -> (
    QPlainTextEdit
):  # fmt: skip
    """A multi-line field `lines` high (Tab leaves it, as in the other fields); with `grow` it
    may grow with the dialog, else it keeps that height."""
    box = QPlainTextEdit()
    if name:
        box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    height = box.fontMetrics().lineSpacing() * lines
    if grow:
        box.setMinimumHeight(height)
    else:
        box.setFixedHeight(height + 12)
    return box


def empty_page(label: QLabel, *buttons: QPushButton) -> QWidget:
    """A centred explanation, in lines short enough to read, with the first actions under it."""
    page = QWidget()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMaximumWidth(label.fontMetrics().horizontalAdvance("M") * 48)
    row = QHBoxLayout()
    row.addStretch(1)
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    # Centred by stretches, not by an alignment flag: an aligned item drops the label's
    # height-for-width and a text set later is cut to the height of the first one.
    middle = QHBoxLayout()
    middle.addStretch(1)
    middle.addWidget(label, 100)
    middle.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    layout.addLayout(middle)
    layout.addLayout(row)
    layout.addStretch(2)
    return page


# The list's columns need the room; the detail beside wraps its text. A splitter keeps the
# proportion of its initial sizes as the window grows or shrinks.
LIST_SHARE = (65, 35)


def share_list(splitter: QSplitter) -> QSplitter:
    """The list (first) keeps about two thirds of the width, the detail the rest; neither
    collapses when the splitter handle is dragged to the end."""
    splitter.setStretchFactor(0, LIST_SHARE[0])
    splitter.setStretchFactor(1, LIST_SHARE[1])
    splitter.setSizes([10 * x for x in LIST_SHARE])
    splitter.setChildrenCollapsible(False)
    return splitter
