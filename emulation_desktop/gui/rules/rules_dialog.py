"""Quy định thi đua, khen thưởng: the rule versions by effective date, money, eligibility."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop import APP_NAME
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.rules import RuleVersion

from emulation_desktop.gui.messages import confirm, show_info
from emulation_desktop.gui.rules.edit_dialogs import (
    AwardDialog,
    BaseSalaryDialog,
    LimitsDialog,
    NewVersionDialog,
)
from emulation_desktop.gui.rules.eligibility_tab import EligibilityTab
from emulation_desktop.gui.rules.money_tabs import CalculatorTab, FundTab, SalaryTab
from emulation_desktop.gui.rules.version_tabs import VersionTabs
from emulation_desktop.gui.tasks import TaskRunner

RULES_FILTER = "Bộ quy định (*.json)"


class RulesDialog(QDialog):
    """`ask_open`/`ask_save` choose files (tests replace them: the native dialogs block)."""

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rules_dialog")
        self.setWindowTitle(f"Quy định thi đua, khen thưởng – {APP_NAME}")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._rules = services.rules
        self._services = services
        self._tasks = tasks
        self._today = today
        self._versions: list[RuleVersion] = []
        self.ask_open: Callable[[], Path | None] = self._ask_open
        self.ask_save: Callable[[str], Path | None] = self._ask_save

        self.versions_list = QListWidget()
        self.versions_list.setObjectName("versions_list")
        self.versions_list.setWordWrap(True)
        self.versions_list.currentRowChanged.connect(lambda _r: self._show_version())
        self.status = QLabel()
        self.status.setObjectName("version_status")
        self.status.setWordWrap(True)
        buttons = QVBoxLayout()
        self.add_button = self._button("Thêm bộ quy định mới…", self.add_version, "add_version")
        self.import_button = self._button("Nhập từ tệp…", self.import_file, "import_rules")
        self.export_button = self._button("Xuất ra tệp…", self.export_file, "export_rules")
        self.delete_button = self._button("Xóa bộ quy định", self.delete_version, "delete_rules")
        for b in (self.add_button, self.import_button, self.export_button, self.delete_button):
            buttons.addWidget(b)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel("Các bộ quy định theo ngày hiệu lực:"))
        lv.addWidget(self.versions_list, 1)
        lv.addLayout(buttons)
        self.version_tabs = VersionTabs(self.edit_award, self.edit_limits)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.status)
        rv.addWidget(self.version_tabs, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        em = self.fontMetrics().horizontalAdvance("M")
        split.setSizes([24 * em, 70 * em])

        self.salary_tab = SalaryTab(self.add_salary)
        self.calculator_tab = CalculatorTab(self._rules.in_force)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rules_tabs")
        self.tabs.addTab(split, "Bộ quy định")
        self.tabs.addTab(self.salary_tab, "Mức lương cơ sở")
        self.tabs.addTab(self.calculator_tab, "Tính tiền thưởng")
        self.fund_tab = FundTab(services.money, tasks, today().year)
        self.tabs.addTab(self.fund_tab, "Quỹ khen thưởng")
        self.eligibility_tab = EligibilityTab(
            services.eligibility,
            self._rules.in_force,
            tasks,
            today().year,
            services.exports.eligibility,
        )
        self.tabs.addTab(self.eligibility_tab, "Kiểm tra điều kiện")
        close = QDialogButtonBox()
        close.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        em = self.fontMetrics().horizontalAdvance("M")
        screen = self.screen().availableGeometry()
        self.resize(
            min(92 * em, int(screen.width() * 0.95)), min(52 * em, int(screen.height() * 0.9))
        )
        self.reload()

    def _button(self, text: str, slot: Callable[[], None], name: str) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(lambda _=False: slot())
        return b

    # Data -------------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        current = self.current()
        select = select or (current.code if current else None)
        self._versions = self._rules.versions()
        in_force = self._in_force_code()
        self.versions_list.blockSignals(True)
        self.versions_list.clear()
        for v in self._versions:
            marks = []
            if v.code == in_force:
                marks.append("đang áp dụng")
            if v.used:
                marks.append("đã dùng, chỉ xem")
            suffix = f" ({', '.join(marks)})" if marks else ""
            item = QListWidgetItem(f"{v.name}\n{v.period}{suffix}")
            item.setData(Qt.ItemDataRole.UserRole, v.code)
            self.versions_list.addItem(item)
        self.versions_list.blockSignals(False)
        codes = [v.code for v in self._versions]
        fallback = codes.index(in_force) if in_force in codes else 0
        row = codes.index(select) if select in codes else fallback
        self.versions_list.setCurrentRow(row)
        self._show_version()
        salaries = self._rules.base_salaries()
        self.salary_tab.show_salaries(salaries)
        self.calculator_tab.set_salaries(salaries)

    def _in_force_code(self) -> str | None:
        today = self._today()
        started = [v for v in self._versions if v.effective_from <= today]
        return started[-1].code if started else None

    def current(self) -> RuleVersion | None:
        row = self.versions_list.currentRow()
        return self._versions[row] if 0 <= row < len(self._versions) else None

    def _show_version(self) -> None:
        v = self.current()
        if v is None:
            return
        rules = self._rules.rule_set(v.code)
        editable = not v.used
        self.version_tabs.show_rules(rules, editable)
        source = f"Nguồn: {v.origin_label}. {len(rules.awards)} danh hiệu, hình thức; "
        source += f"{len(rules.criteria)} tiêu chuẩn. "
        lock = (
            "Đã có quyết định khen thưởng theo bộ quy định này nên chỉ xem, không sửa; văn bản mới "
            "thì thêm bộ quy định mới."
            if v.used
            else "Có thể sửa (chưa có quyết định nào dùng bộ quy định này)."
        )
        self.status.setText(f"<b>{rules.name}</b> – hiệu lực {v.period}.<br>{source}{lock}")
        self.delete_button.setEnabled(v.origin != "shipped" and not v.used)

    # Actions ----------------------------------------------------------------------------------

    def _after(self, select: str | None = None) -> Callable[[object], None]:
        return lambda _r: self.reload(select)

    def add_version(self) -> None:
        v = self.current()
        if v is None:
            return
        dialog = NewVersionDialog(self._rules.rule_set(v.code), self)
        if dialog.exec():
            name, day = dialog.values()
            self._tasks.submit(
                lambda: self._rules.add_version(v.code, day, name),
                lambda code: self.reload(code),
                parent=self,
            )

    def edit_award(self, award_code: str) -> None:
        v = self.current()
        if v is None or v.used:
            return
        rules = self._rules.rule_set(v.code)
        dialog = AwardDialog(rules.award(award_code), self)
        if dialog.exec():
            changed = dialog.award()
            awards = tuple(changed if a.code == award_code else a for a in rules.awards)
            new = replace(rules, awards=awards)
            self._tasks.submit(lambda: self._rules.save(new), self._after(v.code), parent=self)

    def edit_limits(self) -> None:
        v = self.current()
        if v is None or v.used:
            return
        dialog = LimitsDialog(self._rules.rule_set(v.code), self)
        if dialog.exec():
            new = dialog.rules()
            self._tasks.submit(lambda: self._rules.save(new), self._after(v.code), parent=self)

    def add_salary(self) -> None:
        dialog = BaseSalaryDialog(self)
        if dialog.exec():
            day, amount, basis = dialog.values()
            self._tasks.submit(
                lambda: self._rules.set_base_salary(day, amount, basis), self._after(), parent=self
            )

    def import_file(self) -> None:
        path = self.ask_open()
        if path is None:
            return

        def done(v: RuleVersion) -> None:
            self.reload(v.code)
            show_info(self, f"Đã nhập bộ quy định «{v.name}», hiệu lực {v.period}.")

        self._tasks.submit(lambda: self._rules.import_file(path), done, parent=self)

    def export_file(self) -> None:
        v = self.current()
        if v is None:
            return
        path = self.ask_save(f"{v.code}.json")
        if path is None:
            return
        self._tasks.submit(
            lambda: self._rules.export_file(v.code, path),
            lambda _r: show_info(self, f"Đã xuất bộ quy định ra tệp «{path.name}»."),
            parent=self,
        )

    def delete_version(self) -> None:
        v = self.current()
        if v is None or not confirm(self, f"Xóa bộ quy định «{v.name}»?", "Xóa"):
            return
        self._tasks.submit(lambda: self._rules.delete_version(v.code), self._after(), parent=self)

    def _ask_open(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, "Nhập bộ quy định", "", RULES_FILTER)
        return Path(path) if path else None

    def _ask_save(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, "Xuất bộ quy định", suggested, RULES_FILTER)
        return Path(path) if path else None
