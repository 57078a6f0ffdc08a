"""Small forms of the rules screen: a new version, one award, the limits, a base salary."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop import APP_NAME
from emulation_desktop.domain.rules.model import (
    AwardType,
    Confidence,
    LegalBasis,
    Level,
    Rounding,
    RuleSet,
)


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def to_date(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def percent_spin(value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, 100)
    spin.setDecimals(2)
    spin.setSuffix(" %")
    spin.setValue(value * 100)
    return spin


def confidence_combo(value: Confidence) -> QComboBox:
    combo = QComboBox()
    for c in Confidence:
        combo.addItem(f"{c.mark} {c.label}", c.value)
    combo.setCurrentIndex(combo.findData(value.value))
    return combo


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{title} – {APP_NAME}")
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox()
        self.buttons.addButton("Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        # Legal citations are long: room for "Điều 80 khoản 3 Luật Thi đua, khen thưởng…".
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 42)


class NewVersionDialog(_Form):
    """A copy of the chosen version, in force from a new date (a new law, decree or rule)."""

    def __init__(self, source: RuleSet, parent: QWidget | None = None) -> None:
        super().__init__("Thêm bộ quy định mới", parent)
        self.setObjectName("new_version_dialog")
        intro = QLabel(
            f"Bộ quy định mới được sao chép từ «{source.name}», rồi sửa theo văn bản mới. "
            "Quy định cũ vẫn áp dụng cho quyết định trước ngày hiệu lực."
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setPlaceholderText(
            "Ví dụ: Luật 06/2026/QH16 sửa đổi Luật Thi đua, khen thưởng"
        )
        self.date_edit = date_edit(max(dt.date.today(), source.effective_from + dt.timedelta(1)))
        self.date_edit.setObjectName("date_edit")
        self.form.addRow("Tên văn bản:", self.name_edit)
        self.form.addRow("Có hiệu lực từ ngày:", self.date_edit)

    def values(self) -> tuple[str, dt.date]:
        return self.name_edit.text(), to_date(self.date_edit)


class AwardDialog(_Form):
    """Who decides and how much: what provinces and new decrees change most often."""

    def __init__(self, award: AwardType, parent: QWidget | None = None) -> None:
        super().__init__(f"Sửa «{award.name}»", parent)
        self.setObjectName("award_dialog")
        self._award = award
        self.decider = QComboBox()
        self.decider.setObjectName("decider_combo")
        for level in Level:
            self.decider.addItem(level.label, level.value)
        self.decider.setCurrentIndex(self.decider.findData(award.decider.value))
        basis = award.decider_basis or award.basis
        self.decider_text = QLineEdit(basis.citation)
        self.decider_text.setObjectName("decider_basis")
        self.decider_confidence = confidence_combo(basis.confidence)
        self.coefficient = QDoubleSpinBox()
        self.coefficient.setObjectName("coefficient_spin")
        self.coefficient.setRange(0, 100)
        self.coefficient.setDecimals(2)
        self.coefficient.setSingleStep(0.05)
        self.coefficient.setSpecialValueText("không có tiền thưởng")
        self.coefficient.setValue(award.coefficient or 0)
        self.multiplier = QDoubleSpinBox()
        self.multiplier.setRange(0.1, 10)
        self.multiplier.setDecimals(2)
        self.multiplier.setValue(award.multiplier)
        self.form.addRow("Thẩm quyền:", self.decider)
        self.form.addRow("Căn cứ thẩm quyền:", self.decider_text)
        self.form.addRow("Độ tin cậy:", self.decider_confidence)
        self.form.addRow("Hệ số tiền thưởng:", self.coefficient)
        self.form.addRow("Nhân thêm (tập thể ×2, hộ ×1,5):", self.multiplier)

    def award(self) -> AwardType:
        coefficient = self.coefficient.value() or None
        return replace(
            self._award,
            decider=Level(self.decider.currentData()),
            decider_basis=LegalBasis(
                " ".join(self.decider_text.text().split()) or "Quy định của tỉnh",
                "",
                Confidence(self.decider_confidence.currentData()),
            ),
            coefficient=coefficient,
            multiplier=self.multiplier.value(),
        )


class LimitsDialog(_Form):
    """Caps, the general vote threshold and quorum, and how money is rounded."""

    def __init__(self, rules: RuleSet, parent: QWidget | None = None) -> None:
        super().__init__("Sửa tỷ lệ, biểu quyết, làm tròn", parent)
        self.setObjectName("limits_dialog")
        self._rules = rules
        names = {a.code: a.name for a in rules.awards}
        self.caps: list[tuple[QCheckBox, QDoubleSpinBox]] = []
        for cap in rules.caps:
            on = QCheckBox(f"Cảnh báo khi {names.get(cap.award, cap.award)} vượt")
            on.setChecked(cap.enabled)
            ratio = percent_spin(cap.max_ratio)
            self.caps.append((on, ratio))
            self.form.addRow(on, ratio)
        general = rules.vote_rule("*")
        self.vote_ratio = percent_spin(general.min_ratio if general else 2 / 3)
        self.vote_ratio.setObjectName("vote_ratio")
        self.quorum = percent_spin(general.quorum if general else 2 / 3)
        self.form.addRow("Tỷ lệ đồng ý chung (trên tổng số thành viên):", self.vote_ratio)
        self.form.addRow("Số thành viên có mặt tối thiểu:", self.quorum)
        self.round_order = QComboBox()
        self.round_order.setObjectName("round_order")
        self.round_order.addItem("Nhân hệ số tập thể, hộ trước, làm tròn một lần", "combined")
        self.round_order.addItem("Làm tròn mức cá nhân trước, rồi nhân", "per_individual")
        self.round_order.setCurrentIndex(self.round_order.findData(rules.rounding.order))
        self.round_mode = QComboBox()
        self.round_mode.addItem("Làm tròn lên", "up")
        self.round_mode.addItem("Làm tròn gần nhất", "nearest")
        self.round_mode.setCurrentIndex(self.round_mode.findData(rules.rounding.mode))
        self.step = QSpinBox()
        self.step.setRange(1_000, 1_000_000)
        self.step.setSingleStep(1_000)
        self.step.setSuffix(" đồng")
        self.step.setGroupSeparatorShown(True)
        self.step.setValue(rules.rounding.step)
        self.form.addRow("Thứ tự làm tròn:", self.round_order)
        self.form.addRow("Cách làm tròn:", self.round_mode)
        self.form.addRow("Làm tròn đến:", self.step)

    def rules(self) -> RuleSet:
        r = self._rules
        caps = tuple(
            replace(cap, enabled=on.isChecked(), max_ratio=ratio.value() / 100)
            for cap, (on, ratio) in zip(r.caps, self.caps, strict=True)
        )
        votes = tuple(
            replace(v, min_ratio=self.vote_ratio.value() / 100, quorum=self.quorum.value() / 100)
            if v.award == "*"
            else v
            for v in r.votes
        )
        rounding: Rounding = replace(
            r.rounding,
            order=self.round_order.currentData(),
            mode=self.round_mode.currentData(),
            step=self.step.value(),
        )
        return replace(r, caps=caps, votes=votes, rounding=rounding)


class BaseSalaryDialog(_Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Mức lương cơ sở", parent)
        self.setObjectName("base_salary_dialog")
        self.date_edit = date_edit(dt.date.today())
        self.amount = QSpinBox()
        self.amount.setObjectName("amount_spin")
        self.amount.setRange(0, 100_000_000)
        self.amount.setSingleStep(10_000)
        self.amount.setGroupSeparatorShown(True)
        self.amount.setSuffix(" đồng")
        self.basis = QLineEdit()
        self.basis.setPlaceholderText("Ví dụ: Nghị định 161/2026/NĐ-CP")
        self.confidence = confidence_combo(Confidence.PARTLY)
        self.form.addRow("Áp dụng từ ngày:", self.date_edit)
        self.form.addRow("Mức lương cơ sở:", self.amount)
        self.form.addRow("Văn bản quy định:", self.basis)
        self.form.addRow("Độ tin cậy:", self.confidence)

    def values(self) -> tuple[dt.date, int, LegalBasis]:
        text = " ".join(self.basis.text().split()) or "Chưa ghi văn bản"
        return (
            to_date(self.date_edit),
            self.amount.value(),
            LegalBasis(text, "", Confidence(self.confidence.currentData())),
        )
