"""Base salary history and an award-money calculator (what a decision line will pay)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.money import FundCheck, award_amount, base_salary_on
from emulation_desktop.domain.money_words import money_in_words
from emulation_desktop.domain.rules.model import BaseSalary, RuleSet
from emulation_desktop.domain.text import thousands
from emulation_desktop.services.money import FundYear, MoneyService

from emulation_desktop.gui.rules.edit_dialogs import date_edit, to_date
from emulation_desktop.gui.rules.tables import ReadOnlyTable, basis_mark, basis_text
from emulation_desktop.gui.tasks import TaskRunner


def _factor(coefficient: float, multiplier: float) -> str:
    text = f"{coefficient:g}".replace(".", ",")
    return text if multiplier == 1 else f"{text} × {multiplier:g}".replace(".", ",")


class SalaryTab(QWidget):
    def __init__(self, on_add: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salary_tab")
        intro = QLabel(
            "Tiền thưởng tính theo mức lương cơ sở có hiệu lực vào ngày ký quyết định khen "
            "thưởng (Điều 49 khoản 1 Nghị định 152/2025/NĐ-CP). Khi Chính phủ điều chỉnh mức "
            "lương cơ sở, hãy thêm mức mới với ngày áp dụng."
        )
        intro.setWordWrap(True)
        self.table = ReadOnlyTable(
            ["Áp dụng từ ngày", "Mức lương cơ sở", "Văn bản", "Độ tin cậy"], "salary_table"
        )
        self.table.set_widths([16, 18, 34, 24])
        add = QPushButton("Thêm hoặc sửa mức lương cơ sở…")
        add.setObjectName("add_salary_button")
        add.clicked.connect(lambda: on_add())
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def show_salaries(self, items: tuple[BaseSalary, ...]) -> None:
        self.table.fill([
            (f"{b.effective_from:%d/%m/%Y}", f"{thousands(b.amount)} đồng", basis_text(b.basis),
             basis_mark(b.basis))
            for b in items
        ])  # fmt: skip


class CalculatorTab(QWidget):
    """Pick an award and a decision date: the amount, the base used, and the words."""

    def __init__(
        self, rules_on: Callable[[dt.date], RuleSet], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calculator_tab")
        self._rules_on = rules_on
        self._salaries: tuple[BaseSalary, ...] = ()
        self.date = date_edit(dt.date.today())
        self.date.setObjectName("calc_date")
        self.award = QComboBox()
        self.award.setObjectName("calc_award")
        self.result = QLabel()
        self.result.setObjectName("calc_result")
        self.result.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("Ngày ký quyết định:", self.date)
        form.addRow("Danh hiệu, hình thức:", self.award)
        self.table = ReadOnlyTable(
            ["Danh hiệu, hình thức", "Đối tượng", "Hệ số", "Số tiền", "Bằng chữ"], "money_table"
        )
        self.table.set_widths([40, 12, 10, 14, 50])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(QLabel("Mức tiền thưởng của mọi danh hiệu, hình thức vào ngày đã chọn:"))
        layout.addWidget(self.table, 1)
        self.date.dateChanged.connect(lambda _d: self._fill_awards())
        self.award.currentIndexChanged.connect(lambda _i: self._compute())

    def set_salaries(self, items: tuple[BaseSalary, ...]) -> None:
        self._salaries = items
        self._fill_awards()

    def _fill_awards(self) -> None:
        chosen = self.award.currentData()
        self.award.blockSignals(True)
        self.award.clear()
        try:
            rules = self._rules_on(to_date(self.date))
        except UserError as exc:
            self.award.blockSignals(False)
            self.result.setText(exc.message)
            return
        for a in rules.awards:
            self.award.addItem(f"{a.name} ({a.subject.label.lower()})", a.code)
        index = self.award.findData(chosen)
        self.award.setCurrentIndex(max(index, 0))
        self.award.blockSignals(False)
        self._compute()

    def _fill_table(self, rules: RuleSet, day: dt.date) -> None:
        rows = []
        for a in rules.awards:
            if a.coefficient is None:
                rows.append((a.name, a.subject.label, "—", "—", "Địa phương quy định"))
                continue
            amount = award_amount(a.coefficient, day, multiplier=a.multiplier,
                                  rounding=rules.rounding, history=self._salaries)  # fmt: skip
            rows.append((a.name, a.subject.label, _factor(a.coefficient, a.multiplier),
                         thousands(amount), money_in_words(amount)))  # fmt: skip
        self.table.fill(rows)

    def _compute(self) -> None:
        day = to_date(self.date)
        try:
            rules = self._rules_on(day)
            code = self.award.currentData()
            if code is None:
                return
            a = rules.award(code)
            base = base_salary_on(day, self._salaries)
        except UserError as exc:
            self.result.setText(exc.message)
            return
        if a.coefficient is None:
            self.result.setText(
                f"«{a.name}» không có mức tiền thưởng trong {rules.name}; mức thưởng (nếu có) "
                "do địa phương quy định."
            )
            return
        amount = award_amount(a.coefficient, day, multiplier=a.multiplier,
                              rounding=rules.rounding, history=self._salaries)  # fmt: skip
        factor = _factor(a.coefficient, a.multiplier)
        self._fill_table(rules, day)
        self.result.setText(
            f"Áp dụng: {rules.name}.\nMức lương cơ sở ngày {day:%d/%m/%Y}: {thousands(base)} đồng."
            f"\nHệ số {factor} → {thousands(amount)} đồng.\nBằng chữ: {money_in_words(amount)}."
        )


class FundTab(QWidget):
    """Award money of the commune's decisions in a year against the fund ceiling."""

    def __init__(
        self, money: MoneyService, tasks: TaskRunner, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fund_tab")
        self._money = money
        self._tasks = tasks
        self.year = QSpinBox()
        self.year.setObjectName("fund_year")
        self.year.setRange(2015, 2100)
        self.year.setValue(year)
        self.spending = QDoubleSpinBox()
        self.spending.setObjectName("fund_spending")
        self.spending.setDecimals(0)
        self.spending.setRange(0, 1e13)
        self.spending.setSingleStep(1_000_000)
        self.spending.setGroupSeparatorShown(True)
        self.spending.setSuffix(" đồng")
        self.remote = QComboBox()
        self.remote.setObjectName("fund_area")
        self.remote.addItem("Đồng bằng, đô thị (tối đa 1%)", False)
        self.remote.addItem("Miền núi, trung du, hải đảo… (tối đa 1,5%)", True)
        save = QPushButton("Lưu và kiểm tra")
        save.setObjectName("fund_save")
        save.clicked.connect(self._save)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("Năm ngân sách:", self.year)
        form.addRow("Tổng chi thường xuyên của xã:", self.spending)
        form.addRow("Vùng:", self.remote)
        form.addRow("", save)
        self.result = QLabel()
        self.result.setObjectName("fund_result")
        self.result.setWordWrap(True)
        self.table = ReadOnlyTable(
            [
                "Quyết định",
                "Ngày",
                "Danh hiệu, hình thức",
                "Số khen thưởng",
                "Được thưởng tiền",
                "Tổng tiền",
            ],
            "fund_table",
        )
        self.table.set_widths([16, 12, 36, 15, 16, 18])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.reload()

    def reload(self) -> None:
        year = self.year.value()
        self._tasks.submit(lambda: self._money.check_fund(year), self._show, parent=self)

    def _save(self) -> None:
        year, spending = self.year.value(), int(self.spending.value())
        remote = bool(self.remote.currentData())
        self._tasks.submit(lambda: self._money.set_fund_inputs(year, spending, remote),
                           lambda _r: self.reload(), parent=self)  # fmt: skip

    def _show(self, result: tuple[FundYear, FundCheck | None]) -> None:
        fund, check = result
        self.spending.blockSignals(True)
        self.spending.setValue(fund.recurrent_spending)
        self.spending.blockSignals(False)
        self.remote.setCurrentIndex(1 if fund.remote_area else 0)
        self.table.fill([
            (d.number, f"{d.date:%d/%m/%Y}", d.awards, str(d.lines), str(d.paid_lines),
             f"{thousands(d.amount)} đồng")
            for d in fund.decisions
        ])  # fmt: skip
        text = (
            f"Tiền thưởng theo các quyết định của Chủ tịch UBND xã năm {fund.year}: "
            f"{thousands(fund.total)} đồng ({money_in_words(fund.total)})."
        )
        if check is None:
            text += " Nhập tổng chi thường xuyên của xã để so với mức tối đa của Quỹ."
        else:
            text += " " + (check.message if check.over else
                           f"Trong mức tối đa của Quỹ: {thousands(check.limit)} đồng.")  # fmt: skip
        self.result.setText(text)
