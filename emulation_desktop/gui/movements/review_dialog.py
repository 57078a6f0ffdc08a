"""Sơ kết, tổng kết: the review itself, and the results table of the registered subjects
(keys 1, 2, 3 set Vượt / Đạt / Chưa đạt on the chosen rows, 0 clears; the buttons do the same
for every row or the chosen ones), saved in one transaction."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import ReviewKind, ReviewResult, SubjectKind
from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.domain.reviews import (
    ResultInput,
    ResultLine,
    ReviewFigures,
    ReviewInput,
    ReviewItem,
    figures_of,
    validate_review,
)
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.movements.form_dialog import FormDialog
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.column_fit import ColumnFit
from emulation_desktop.gui.widgets.controls import combo, text_box
from emulation_desktop.gui.widgets.date_field import DateField

WHOLE_MOVEMENT = "Cả phong trào"
SUBJECT, PLACE, TARGET, RESULT, NOTE = range(5)
_KEYS = {"1": ReviewResult.EXCEEDED, "2": ReviewResult.MET, "3": ReviewResult.NOT_MET, "0": None}


class ReviewDialog(FormDialog):
    """Add (`item` None) or edit a review; `saved_id` once written."""

    def __init__(
        self, services: AppServices, tasks: TaskRunner, year: int,
        movements: Sequence[MovementChoice], item: ReviewItem | None = None,
        movement_id: int | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("review_dialog")
        self.setWindowTitle("Sửa hội nghị sơ kết, tổng kết" if item else
                            f"Thêm hội nghị sơ kết, tổng kết năm {year}")  # fmt: skip
        self.item, self.movements = item, {m.id: m for m in movements}
        self.movement = QComboBox()
        self.movement.setObjectName("movement")
        self.movement.setPlaceholderText("Chọn phong trào")
        self.movement.setMinimumContentsLength(36)
        for m in movements:
            self.movement.addItem(m.name, m.id)
        self.phase = QComboBox()
        self.phase.setObjectName("phase")
        self.kind = combo("kind", [(k.label, k.value) for k in ReviewKind])
        self.held_on = DateField(required=True)
        self.document = QLineEdit()
        self.document.setPlaceholderText("Ví dụ: Báo cáo số 45/BC-UBND ngày 20/6/2024")
        self.summary = text_box(5, "Kết quả chính, những mặt còn hạn chế, bài học…")
        e, f = self.errors, self.form
        f.addRow("&Phong trào:", e.wrap("movement_id", self.movement))
        f.addRow("Đợ&t:", e.wrap("phase_id", self.phase))
        f.addRow("&Hình thức:", e.wrap("kind", self.kind))
        f.addRow("&Ngày tổ chức:", e.wrap("held_on", self.held_on))
        f.addRow("&Văn bản:", e.wrap("document", self.document))
        f.addRow("&Tóm tắt kết quả:", e.wrap("summary", self.summary))
        self.finish("Lưu")
        self.movement.currentIndexChanged.connect(lambda _i: self._fill_phases())
        chosen = item.movement_id if item else movement_id
        self.movement.setCurrentIndex(self.movement.findData(chosen) if chosen else
                                      (0 if movements else -1))  # fmt: skip
        self._fill_phases(item.phase_id if item else None)
        if item is not None:
            self.kind.setCurrentIndex(self.kind.findData(item.kind.value))
            self.held_on.set_date(item.held_on)
            self.document.setText(item.document)
            self.summary.setPlainText(item.summary)

    def _fill_phases(self, keep: int | None = None) -> None:
        self.phase.clear()
        self.phase.addItem(WHOLE_MOVEMENT, None)
        movement = self.movements.get(self.movement.currentData())
        for p in movement.phases if movement else ():
            self.phase.addItem(p.label, p.id)
        self.phase.setCurrentIndex(max(0, self.phase.findData(keep)))

    def form_input(self) -> ReviewInput:
        return ReviewInput(
            self.movement.currentData(), self.phase.currentData(),
            ReviewKind(self.kind.currentData()), self.held_on.date(), self.document.text(),
            self.summary.toPlainText(),
        )  # fmt: skip

    def _save(self) -> None:
        data = self.form_input()
        movement = self.movements.get(data.movement_id or 0)
        if self.checked(lambda: validate_review(data, movement), {"held_on": self.held_on.error()}):
            reviews, item_id = self.services.reviews, self.item.id if self.item else None
            self.save_item(reviews.create, reviews.update, item_id, data)


class ResultsDialog(FormDialog):
    """Nhập kết quả: one row per approved registration of the movement; `figures` once saved."""

    def __init__(
        self, services: AppServices, tasks: TaskRunner, review: ReviewItem,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("results_dialog")
        self.setWindowTitle(f"Kết quả {review.title.lower()} – {review.movement_name}")
        self.review = review
        self.figures: ReviewFigures | None = None
        self.lines: list[ResultLine] = services.reviews.results(review.id)
        heading = QLabel(f"<b>{review.title} – {review.movement_name}</b>, ngày "
                         f"{day_text(review.held_on)}")  # fmt: skip
        heading.setWordWrap(True)
        self.table = QTableWidget(len(self.lines), 5)
        self.table.setObjectName("results_table")
        self.table.setHorizontalHeaderLabels(["Đối tượng", "Đơn vị", "Đăng ký", "Kết quả",
                                              "Ghi chú"])  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)  # fmt: skip
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        for row, line in enumerate(self.lines):
            self._fill_row(row, line)
        # What was registered takes the room left; the note keeps room to be typed in.
        self.columns = ColumnFit(self.table, TARGET, caps={SUBJECT: 20, PLACE: 14})
        self.columns.refit()
        self.table.setColumnWidth(NOTE, max(self.table.columnWidth(NOTE), em(self, 12)))
        self.table.setMinimumSize(em(self, 52), em(self, 16))
        self.resize(em(self, 80), em(self, 46))
        self.table.itemChanged.connect(lambda _i: self._show_figures())
        self.table.itemSelectionChanged.connect(self._show_scope)
        self.table.installEventFilter(self)
        self.scope = QLabel()
        set_row = QHBoxLayout()
        set_row.addWidget(self.scope)
        for result in (*ReviewResult, None):
            button = QPushButton(result.label if result else "Bỏ kết quả")
            button.setObjectName(f"set_{result.value if result else 'none'}")
            button.setAutoDefault(False)  # Enter in the table saves; it never sets every row
            button.clicked.connect(lambda _=False, r=result: self.set_result(r))
            set_row.addWidget(button)
        set_row.addStretch(1)
        self.figures_label = QLabel()
        self.figures_label.setObjectName("figures")
        hint = QLabel("Phím 1: Vượt chỉ tiêu, 2: Đạt, 3: Chưa đạt, 0: bỏ kết quả; nhấp đúp vào "
                      "ô Ghi chú để ghi.")  # fmt: skip
        hint.setStyleSheet("color: #707070;")
        hint.setWordWrap(True)
        self.form.addRow(heading)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        if self.lines:
            column.addWidget(self.table, 1)
            column.addLayout(set_row)
            column.addWidget(self.figures_label)
            column.addWidget(hint)
        else:
            self.table.hide()
            empty = QLabel(
                f"Phong trào «{review.movement_name}» chưa có đăng ký nào đã duyệt. Hãy duyệt "
                "đăng ký ở thẻ «Đăng ký thi đua» trước, rồi nhập kết quả."
            )
            empty.setObjectName("empty_state")
            empty.setWordWrap(True)
            column.addWidget(empty)
            column.addStretch(1)
        self.finish("Lưu", body)
        self.save_button.setEnabled(bool(self.lines))
        self._show_scope()
        self._show_figures()
        self.table.setFocus()

    def _fill_row(self, row: int, line: ResultLine) -> None:
        place = "Tập thể" if line.subject.kind is SubjectKind.UNIT else line.subject.place
        what = " – ".join(p for p in (line.award_name, line.targets.replace("\n", "; ")) if p)
        for column, text in ((SUBJECT, line.subject.name), (PLACE, place), (TARGET, what)):
            cell = QTableWidgetItem(text)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            cell.setToolTip(text)
            self.table.setItem(row, column, cell)
        result = QTableWidgetItem()
        result.setFlags(result.flags() & ~Qt.ItemFlag.ItemIsEditable)
        result.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setItem(row, RESULT, result)
        self._set_cell(row, line.result)
        self.table.setItem(row, NOTE, QTableWidgetItem(line.note))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """1, 2, 3 and 0 typed on the table set the chosen rows' result (a note being typed
        goes to its editor, not here)."""
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.text() in _KEYS
        ):
            self.set_result(_KEYS[event.text()], selected_only=True)
            return True
        return super().eventFilter(watched, event)

    def _set_cell(self, row: int, result: ReviewResult | None) -> None:
        cell = self.table.item(row, RESULT)
        cell.setData(Qt.ItemDataRole.UserRole, result.value if result else None)
        cell.setText(result.label if result else "—")

    def result_of(self, row: int) -> ReviewResult | None:
        value = self.table.item(row, RESULT).data(Qt.ItemDataRole.UserRole)
        return ReviewResult(value) if value else None

    def set_result(self, result: ReviewResult | None, selected_only: bool = False) -> None:
        """On the chosen rows when more than one is chosen (or when asked), else on every row."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not selected_only and len(rows) < 2:
            rows = list(range(self.table.rowCount()))
        for row in rows:
            self._set_cell(row, result)

    def _show_scope(self) -> None:
        n = len(self.table.selectionModel().selectedRows())
        self.scope.setText(f"Đặt cho {n} dòng đã chọn:" if n > 1 else "Đặt cho tất cả:")

    def _show_figures(self) -> None:
        rows = range(self.table.rowCount())
        results = [r for row in rows if (r := self.result_of(row)) is not None]
        self.figures_label.setText(figures_of(len(self.lines), results).text + ".")

    def form_lines(self) -> list[ResultInput]:
        return [ResultInput(line.registration_id, self.result_of(row),
                            self.table.item(row, NOTE).text())
                for row, line in enumerate(self.lines)]  # fmt: skip

    def _save(self) -> None:
        lines, reviews, review_id = self.form_lines(), self.services.reviews, self.review.id
        self.run(lambda: reviews.save_results(review_id, lines),
                 lambda figures: setattr(self, "figures", figures))  # fmt: skip
