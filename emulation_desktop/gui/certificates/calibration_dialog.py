"""Căn chỉnh máy in: print the millimetre grid once on the printer used for the blanks, measure
where its cross landed, and type how far off it is; the offset is kept per printer and applied
to every certificate printed on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.certificate_layout import Paper
from emulation_desktop.services.certificate_prints import MAX_OFFSET_MM
from emulation_desktop.services.certificates import Offset

from emulation_desktop.gui.certificates import printing
from emulation_desktop.gui.certificates.temp_files import temp_pdf
from emulation_desktop.gui.messages import show_error, show_info
from emulation_desktop.gui.registry.form import dialog_buttons, em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, combo, muted
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog

DEFAULT_PRINTER = "Máy in mặc định"
EXPLANATION = (
    "Bấm «In trang căn chỉnh» và in đúng cỡ thật (100 %) trên máy in dùng để in phôi. Đo từ mép "
    "trái và mép trên tờ giấy tới tâm dấu chữ thập ở góc trên bên trái: đúng ra là 20 mm. "
    "Độ lệch = 20 − số đo. Số dương dời chữ sang phải (X) và xuống dưới (Y); số âm dời sang "
    "trái và lên trên. Ví dụ đo được 22 mm từ mép trái thì nhập X = −2."
)


def printer_names() -> list[tuple[str, str]]:
    """(shown, name) of the printers this computer has; the default one first."""
    names = QPrinterInfo.availablePrinterNames()
    default = QPrinterInfo.defaultPrinterName()
    if not names:
        return [(DEFAULT_PRINTER, "")]
    ordered = sorted(names, key=lambda n: (n != default, n.casefold()))
    return [(f"{n} (mặc định)" if n == default else n, n) for n in ordered]


def _offset_spin(name: str, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(-MAX_OFFSET_MM, MAX_OFFSET_MM)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    spin.setSuffix(f" mm {suffix}")
    return spin


class CalibrationDialog(SavingDialog):
    """`service` is the CertificateService (calibration, save_calibration,
    write_calibration_page); `paper` the paper the grid is printed on."""

    def __init__(
        self,
        service: Any,
        tasks: TaskRunner,
        paper: Paper,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("calibration_dialog")
        self.setWindowTitle("Căn chỉnh máy in")
        self._service = service
        self._paper = paper
        self.choose_printer: printing.ChoosePrinter = printing.choose_printer  # tests replace
        self.printed: printing.PrintOutcome | None = None
        self.printer = combo("printer", printer_names())
        self.dx = _offset_spin("dx", "(+ sang phải)")
        self.dy = _offset_spin("dy", "(+ xuống dưới)")
        self.print_button: QPushButton = button(
            "In trang căn chỉnh", self.print_page, "print_page_button",
            f"In lưới milimét khổ {paper.name} để đo độ lệch của máy in",
        )  # fmt: skip
        explanation = muted(QLabel(EXPLANATION))
        explanation.setObjectName("explanation")
        e = self.errors
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Máy in:", self.printer)
        form.addRow("Lệch &X:", self.dx)
        form.addRow("Lệch &Y:", self.dy)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        close = buttons.findChild(QPushButton, "cancel_button")
        assert close is not None
        close.setText("Đóng")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(e.wrap("offset", explanation))
        layout.addLayout(row)
        layout.addWidget(e.general)
        layout.addWidget(buttons)
        self.printer.currentIndexChanged.connect(lambda _i: self._load())
        # The wrapped explanation needs its height computed at the final width.
        self.setMinimumWidth(em(self, 40))
        self.adjustSize()
        self._load()

    @property
    def printer_name(self) -> str:
        return str(self.printer.currentData() or "")

    def _load(self) -> None:
        name = self.printer_name
        self.tasks.submit(lambda: self._service.calibration(name), self._show, parent=self)

    def _show(self, offset: Offset) -> None:
        self.dx.setValue(offset.dx_mm)
        self.dy.setValue(offset.dy_mm)

    def print_page(self) -> None:
        """The grid on the chosen printer, without any offset (it measures the printer)."""
        out = temp_pdf("can-chinh")
        paper = self._paper
        self.tasks.submit(lambda: self._service.write_calibration_page(paper, out),
                          self._send, lambda exc: show_error(self, exc.message),
                          parent=self)  # fmt: skip

    def _send(self, path: Path) -> None:
        printer = printing.new_printer()
        printer.setDocName("Trang căn chỉnh máy in")
        if self.printer_name:
            printer.setPrinterName(self.printer_name)
        printing.set_printer_paper(printer, self._paper)
        if not self.choose_printer(self, printer):
            return
        chosen = self.printer.findData(printer.printerName())
        if chosen >= 0:
            self.printer.setCurrentIndex(chosen)  # the offset is this printer's
        self.printed = printing.print_pdf(Path(path), printer)
        if self.printed.error:
            show_error(self, self.printed.error, "In chưa xong")
        else:
            show_info(self, "Đã in trang căn chỉnh. Đo vị trí dấu chữ thập rồi nhập độ lệch X, "
                            "Y bên dưới và bấm «Lưu».")  # fmt: skip

    def _save(self) -> None:
        name = self.printer_name
        offset = Offset(self.dx.value(), self.dy.value())
        self.run(lambda: self._service.save_calibration(name, offset),
                 lambda _r: setattr(self, "saved_id", 1))  # fmt: skip
