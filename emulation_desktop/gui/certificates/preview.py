"""Xem trước: the certificates PDF shown page by page (QtPdf), before any paper is used."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.widgets.controls import button


class PreviewDialog(QDialog):
    """The PDF at `path`, one page in view at a time, whole. `on_print`, when given, adds «In…»
    (the dialog closes first: printing has its own dialogs); `note` is said under the page."""

    def __init__(
        self,
        path: Path,
        title: str,
        parent: QWidget | None = None,
        on_print: Callable[[], None] | None = None,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("certificate_preview")
        self.setWindowTitle(title)
        self.path = path
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setPageSpacing(8)
        navigator = self.view.pageNavigator()

        pages = self.document.pageCount()
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page_spin")
        self.page_spin.setRange(1, max(1, pages))
        self.page_spin.setPrefix("Tờ ")
        self.page_spin.setSuffix(f" / {pages}")
        self.page_spin.valueChanged.connect(
            lambda n: navigator.jump(n - 1, QPointF(), navigator.currentZoom())
        )
        navigator.currentPageChanged.connect(lambda p: self.page_spin.setValue(p + 1))
        self.previous = button("◀ Tờ trước", lambda: self._step(-1), "previous_page")
        self.next = button("Tờ sau ▶", lambda: self._step(1), "next_page")
        self.page_spin.valueChanged.connect(self._update_steps)
        self._update_steps(self.page_spin.value())
        for key, step in ((Qt.Key.Key_PageUp, -1), (Qt.Key.Key_PageDown, 1)):
            QShortcut(QKeySequence(key), self).activated.connect(lambda s=step: self._step(s))
        self.fit = QPushButton("Vừa khung")
        self.fit.setObjectName("fit_button")
        self.fit.setCheckable(True)
        self.fit.setChecked(True)
        self.fit.setToolTip("Bỏ chọn để xem chữ đúng cỡ thật, cuộn để xem hết tờ")
        self.fit.toggled.connect(self._fit)
        close = button("Đóng", self.reject, "close_button")
        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(self.page_spin)
        bar.addWidget(self.next)
        bar.addWidget(self.fit)
        bar.addStretch(1)
        if on_print is not None:
            bar.addWidget(button("In…", lambda: self._print(on_print), "print_button"))
        bar.addWidget(close)
        note = QLabel(f"{pages} tờ. {note}".strip())
        note.setObjectName("preview_note")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addLayout(bar)
        self.resize(em(self, 62), em(self, 48))

    def _update_steps(self, page: int) -> None:
        self.previous.setEnabled(page > self.page_spin.minimum())
        self.next.setEnabled(page < self.page_spin.maximum())

    def _step(self, delta: int) -> None:
        self.page_spin.setValue(self.page_spin.value() + delta)

    def _fit(self, whole: bool) -> None:
        if whole:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(1.0)

    def _print(self, on_print: Callable[[], None]) -> None:
        self.accept()
        on_print()

    def done(self, result: int) -> None:
        # The file is released at once: the next preview or a delete must not find it open.
        self.document.close()
        super().done(result)
