"""Kiểm tra điều kiện: who meets the criteria of an award in a year, and why, criterion by
criterion, with the legal basis; an officer may decide otherwise only with a written reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop import APP_NAME
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.eligibility import Outcome, Verdict
from emulation_desktop.domain.rules.model import CheckKind, RuleSet
from emulation_desktop.services.eligibility import (
    EligibilityReport,
    EligibilityRow,
    EligibilityService,
)

from emulation_desktop.gui.messages import show_error, show_info
from emulation_desktop.gui.rules.tables import ReadOnlyTable
from emulation_desktop.gui.tasks import TaskRunner

_VERDICT_COLOURS = {
    Verdict.ELIGIBLE: "#e3f4e1",
    Verdict.NOT_ELIGIBLE: "#fde2e1",
    Verdict.REVIEW: "#fff4d6",
}
_OUTCOME_COLOURS = {Outcome.MET: "#2e7d32", Outcome.NOT_MET: "#c62828", Outcome.UNKNOWN: "#8d6e00"}


def detail_html(row: EligibilityRow) -> str:
    head = f"<h3>{escape(row.name)}</h3><p><b>Kết luận: {escape(row.final.label)}</b>"
    if row.override_reason:
        head += (
            f" (kiểm tra tự động: {escape(row.verdict.label)}).<br>Lý do quyết định khác: "
            f"{escape(row.override_reason)}"
        )
    head += "</p>"
    items = "".join(
        f"<li><span style='color:{_OUTCOME_COLOURS[c.outcome]}'><b>{escape(c.outcome.label)}"
        f"</b></span> – {escape(c.text)}<br>{escape(c.reason)}<br><span style='color:#707070'>"
        f"Căn cứ: {escape(c.basis)}; {escape(c.confidence)}</span></li>"
        for c in row.criteria
    )
    warnings = "".join(f"<p style='color:#8d6e00'>{escape(w)}</p>" for w in row.warnings)
    return f"{head}<ol>{items}</ol>{warnings}"


class OverrideDialog(QDialog):
    def __init__(self, row: EligibilityRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("override_dialog")
        self.setWindowTitle(f"Quyết định khác kết quả kiểm tra – {APP_NAME}")
        intro = QLabel(
            f"Kết quả kiểm tra tự động cho «{row.name}»: {row.verdict.label}. Lý do ghi ở đây "
            "được lưu lại và đưa vào biên bản họp Hội đồng."
        )
        intro.setWordWrap(True)
        self.verdict = QComboBox()
        self.verdict.setObjectName("override_verdict")
        for v in (Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE):
            self.verdict.addItem(v.label, v.value)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("override_reason")
        self.reason.setPlaceholderText("Ví dụ: Đã có xác nhận của cơ quan về thời gian công tác…")
        form = QFormLayout()
        form.addRow("Kết luận:", self.verdict)
        form.addRow("Lý do:", self.reason)
        buttons = QDialogButtonBox()
        buttons.addButton("Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[Verdict, str]:
        return Verdict(self.verdict.currentData()), self.reason.toPlainText()


class EligibilityTab(QWidget):
    def __init__(
        self,
        service: EligibilityService,
        rules_on: Callable[[dt.date], RuleSet],
        tasks: TaskRunner,
        year: int,
        export: Callable[[Path, EligibilityReport], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("eligibility_tab")
        self._export = export
        self.ask_save: Callable[[str], Path | None] = self._ask_save  # replaceable in tests
        self._service = service
        self._rules_on = rules_on
        self._tasks = tasks
        self._report: EligibilityReport | None = None
        self.award = QComboBox()
        self.award.setObjectName("check_award")
        self.year = QSpinBox()
        self.year.setObjectName("check_year")
        self.year.setRange(2015, 2100)
        self.year.setValue(year)
        self.year.valueChanged.connect(lambda _v: self._fill_awards())
        self.export_button = QPushButton("Xuất Excel…")
        self.export_button.setObjectName("check_export")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        self.run_button = QPushButton("Kiểm tra")
        self.run_button.setObjectName("check_button")
        self.run_button.clicked.connect(self.run)
        top = QHBoxLayout()
        for text, w in (("Danh hiệu, hình thức:", self.award), ("Năm thành tích:", self.year)):
            top.addWidget(QLabel(text))
            top.addWidget(w)
        top.addWidget(self.run_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        self.manual = QListWidget()
        self.manual.setObjectName("manual_checklist")
        self.manual.setMaximumHeight(self.fontMetrics().height() * 6)
        self.manual.setToolTip(
            "Những tiêu chuẩn không có dữ liệu để kiểm tra tự động. Đánh dấu khi Hội đồng, cơ "
            "quan đã xác nhận cho mọi người trong danh sách; bỏ dấu với người chưa đạt bằng "
            "«Quyết định khác…»."
        )
        self.award.currentIndexChanged.connect(lambda _i: self._fill_manual())
        self.summary = QLabel("Chọn danh hiệu và năm rồi bấm «Kiểm tra».")
        self.summary.setObjectName("check_summary")
        self.summary.setWordWrap(True)
        self.table = ReadOnlyTable(
            ["Họ và tên, tập thể", "Đơn vị", "Kết luận", "Ghi chú"], "check_table"
        )
        self.table.set_widths([26, 24, 20, 40])
        self.table.currentCellChanged.connect(lambda *_: self._show_detail())
        self.detail = QTextBrowser()
        self.detail.setObjectName("check_detail")
        self.override_button = QPushButton("Quyết định khác…")
        self.override_button.setObjectName("override_button")
        self.override_button.clicked.connect(self.override)
        self.clear_button = QPushButton("Bỏ quyết định khác")
        self.clear_button.setObjectName("clear_override_button")
        self.clear_button.clicked.connect(self.clear_override)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.detail, 1)
        row = QHBoxLayout()
        row.addWidget(self.override_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        rv.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(
            QLabel("Tiêu chuẩn cán bộ xác nhận (không có dữ liệu để kiểm tra tự động):")
        )
        layout.addWidget(self.manual)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self._fill_awards()
        self._show_detail()

    def _fill_awards(self) -> None:
        chosen = self.award.currentData()
        self.award.clear()
        try:
            rules = self._rules_on(dt.date(self.year.value(), 12, 31))
        except UserError as exc:
            self.summary.setText(exc.message)
            return
        for a in rules.awards:
            if rules.criteria_of(a.code):
                self.award.addItem(f"{a.name} ({a.subject.label.lower()})", a.code)
        self.award.setCurrentIndex(max(0, self.award.findData(chosen)))
        self._fill_manual()

    def _fill_manual(self) -> None:
        self.manual.clear()
        code = self.award.currentData()
        if code is None:
            return
        try:
            rules = self._rules_on(dt.date(self.year.value(), 12, 31))
        except UserError:
            return
        for c in rules.criteria_of(code):
            if c.condition.kind in (CheckKind.MANUAL, CheckKind.WORKED_MONTHS):
                item = QListWidgetItem(c.text)
                item.setToolTip(f"{c.text}\nCăn cứ: {c.basis.citation} {c.basis.confidence.mark}")
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.manual.addItem(item)

    def ticked(self) -> list[str]:
        return [
            self.manual.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.manual.count())
            if self.manual.item(i).checkState() == Qt.CheckState.Checked
        ]

    def run(self, select: tuple | None = None) -> None:
        code, year = self.award.currentData(), self.year.value()
        if code is None:
            return
        ticked = self.ticked()
        self._tasks.submit(
            lambda: self._service.check(code, year, ticked=ticked),
            lambda r: self._show(r, select),
            progress="Đang kiểm tra điều kiện…",
            parent=self,
        )

    def export(self) -> None:
        report = self._report
        if report is None:
            return
        path = self.ask_save(f"Kiểm tra {report.award_code} {report.year}.xlsx")
        if path is None:
            return
        self._tasks.submit(
            lambda: self._export(path, report),
            lambda n: show_info(self, f"Đã xuất {n} dòng ra tệp «{path.name}»."),
            parent=self,
        )

    def _ask_save(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, "Xuất Excel", suggested, "Tệp Excel (*.xlsx)")
        if not path:
            return None
        return Path(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")

    def _show(self, report: EligibilityReport, select: tuple | None = None) -> None:
        self._report = report
        self.export_button.setEnabled(bool(report.rows))
        counts = ", ".join(
            f"{v.label}: {report.count(v)}"
            for v in (Verdict.ELIGIBLE, Verdict.REVIEW, Verdict.NOT_ELIGIBLE)
        )
        text = f"«{report.award_name}» năm {report.year} theo {report.rules_name}. {counts}."
        if report.warnings:
            text += " Cảnh báo: " + " ".join(report.warnings)
        if not report.rows:
            text += " Không có đối tượng nào để xét (chưa có kết quả xếp loại của năm này)."
        self.summary.setText(text)
        self.table.fill([(r.name, r.unit, r.final.label, r.summary) for r in report.rows])
        for i, r in enumerate(report.rows):
            item = self.table.item(i, 2)
            item.setBackground(QBrush(QColor(_VERDICT_COLOURS[r.final])))
            item.setForeground(QBrush(QColor("#202020")))
        keys = [(r.kind, r.subject_id) for r in report.rows]
        self.table.setCurrentCell(keys.index(select) if select in keys else 0, 0)
        self._show_detail()

    def current(self) -> EligibilityRow | None:
        r = self._report
        i = self.table.currentRow()
        return r.rows[i] if r is not None and 0 <= i < len(r.rows) else None

    def _show_detail(self) -> None:
        row = self.current()
        self.override_button.setEnabled(row is not None)
        self.clear_button.setEnabled(row is not None and bool(row.override_reason))
        if row is None:
            self.detail.setHtml(
                "<p style='color:#707070'>Chọn một dòng để xem từng tiêu "
                "chuẩn và căn cứ pháp lý.</p>"
            )
        else:
            self.detail.setHtml(detail_html(row))

    def override(self) -> None:
        row, report = self.current(), self._report
        if row is None or report is None:
            return
        dialog = OverrideDialog(row, self)
        if not dialog.exec():
            return
        verdict, reason = dialog.values()

        def failed(exc: UserError) -> None:
            show_error(self, exc.message)

        key = (row.kind, row.subject_id)
        self._tasks.submit(
            lambda: self._service.override(
                row.kind, row.subject_id, report.award_code, report.year, verdict, reason
            ),
            lambda _r: self.run(key),
            failed,
            parent=self,
        )

    def clear_override(self) -> None:
        row, report = self.current(), self._report
        if row is None or report is None:
            return
        key = (row.kind, row.subject_id)
        self._tasks.submit(
            lambda: self._service.clear_override(
                row.kind, row.subject_id, report.award_code, report.year
            ),
            lambda _r: self.run(key),
            parent=self,
        )
