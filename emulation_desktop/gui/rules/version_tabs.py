"""What one rule version holds, in tabs: the catalog, the criteria, the ratios and limits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import Grade
from emulation_desktop.domain.rules.model import CheckKind, Condition, RuleSet
from emulation_desktop.domain.text import thousands

from emulation_desktop.gui.rules.tables import (
    ReadOnlyTable,
    basis_mark,
    basis_text,
    basis_tooltip,
)

_CHECK_TEXT = {
    CheckKind.GRADE_AT_LEAST: "Tự động: xếp loại năm",
    CheckKind.ELIGIBLE_FOR: "Tự động: đạt danh hiệu",
    CheckKind.ANY_OF: "Tự động: một trong các điều kiện",
    CheckKind.HAS_INITIATIVE: "Tự động: có sáng kiến, đề tài được công nhận",
    CheckKind.CONSECUTIVE_AWARDS: "Tự động: số năm liên tục",
    CheckKind.NO_DISCIPLINE: "Tự động: không bị kỷ luật trong kỳ",
    CheckKind.NOT_PENDING: "Tự động: không đang bị thanh tra, khiếu nại",
    CheckKind.WORKED_MONTHS: "Tự động: thời gian công tác trong năm",
    CheckKind.NOT_ALREADY_AWARDED: "Tự động: chưa được khen cho cùng thành tích",
    CheckKind.MEMBERS_RATIO: "Tự động: tỷ lệ thành viên đạt danh hiệu",
    CheckKind.MEMBERS_ALL_COMPLETED: "Tự động: mọi thành viên hoàn thành nhiệm vụ",
    CheckKind.MEMBERS_WITH_AWARD: "Tự động: số thành viên đạt danh hiệu",
    CheckKind.MANUAL: "Cán bộ xác nhận",
}


def describe(c: Condition) -> str:
    """How a criterion is checked, in the officer's words."""
    base = _CHECK_TEXT[c.kind]
    if c.kind is CheckKind.GRADE_AT_LEAST:
        return f"{base} từ «{Grade(c.grade).label}» trở lên"
    if c.kind is CheckKind.ELIGIBLE_FOR:
        return f"{base} {c.award}"
    if c.kind is CheckKind.CONSECUTIVE_AWARDS:
        return f"{base}: {c.years} năm {c.award}"
    if c.kind is CheckKind.WORKED_MONTHS:
        return f"{base} ≥ {c.months} tháng (nghỉ thai sản tính là thời gian công tác)"
    if c.kind is CheckKind.MEMBERS_RATIO:
        sign = ">" if c.strict else "≥"
        return f"{base} {c.award} {sign} {_pct(c.ratio)}"
    if c.kind is CheckKind.MEMBERS_WITH_AWARD:
        return f"{base} {c.award}: ít nhất {c.count}"
    if c.kind is CheckKind.ANY_OF:
        return base + ": " + "; hoặc ".join(describe(x).removeprefix("Tự động: ") for x in c.any_of)
    return base


def _pct(x: float) -> str:
    """0.015 → "1,5%", 0.15 → "15%" (Vietnamese decimal comma)."""
    return f"{x * 100:.2f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


def _coefficient(a) -> str:  # type: ignore[no-untyped-def]
    if a.coefficient is None:
        return "—"
    text = f"{a.coefficient:g}".replace(".", ",")
    return text if a.multiplier == 1 else f"{text} × {a.multiplier:g}".replace(".", ",")


class VersionTabs(QTabWidget):
    """Signals nothing: edits go through `on_edit_award` and `on_edit_limits` (the dialog's)."""

    def __init__(
        self,
        on_edit_award: Callable[[str], None],
        on_edit_limits: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("version_tabs")
        self.catalog = ReadOnlyTable(
            ["Mã", "Danh hiệu, hình thức", "Đối tượng", "Loại", "Thẩm quyền", "Hệ số",
             "Hiện vật", "Căn cứ", "Độ tin cậy"], "catalog_table",
        )  # fmt: skip
        self.catalog.set_widths([16, 30, 11, 18, 26, 9, 22, 26, 20])
        self.catalog.doubleClicked.connect(lambda _i: self._edit_selected())
        self.edit_award_button = QPushButton("Sửa danh hiệu, hình thức đã chọn…")
        self.edit_award_button.setObjectName("edit_award_button")
        self.edit_award_button.clicked.connect(self._edit_selected)
        self._on_edit_award = on_edit_award
        catalog_page = QWidget()
        v = QVBoxLayout(catalog_page)
        v.addWidget(self.catalog, 1)
        row = QHBoxLayout()
        row.addWidget(self.edit_award_button)
        row.addStretch(1)
        v.addLayout(row)
        self.addTab(catalog_page, "Danh hiệu, hình thức")

        self.criteria = ReadOnlyTable(
            ["Danh hiệu", "Tiêu chuẩn", "Cách kiểm tra", "Căn cứ", "Độ tin cậy"], "criteria_table"
        )
        self.criteria.set_widths([14, 48, 34, 24, 20])
        self.addTab(self.criteria, "Tiêu chuẩn")

        limits_page = QWidget()
        lv = QVBoxLayout(limits_page)
        self.caps_box = QGroupBox("Giới hạn tỷ lệ (chỉ cảnh báo)")
        self.caps_form = QFormLayout(self.caps_box)
        self.votes_box = QGroupBox("Biểu quyết của Hội đồng")
        self.votes_form = QFormLayout(self.votes_box)
        self.money_box = QGroupBox("Tiền thưởng")
        self.money_form = QFormLayout(self.money_box)
        for box in (self.caps_box, self.votes_box, self.money_box):
            lv.addWidget(box)
        self.edit_limits_button = QPushButton("Sửa tỷ lệ, biểu quyết, làm tròn…")
        self.edit_limits_button.setObjectName("edit_limits_button")
        self.edit_limits_button.clicked.connect(lambda: on_edit_limits())
        row = QHBoxLayout()
        row.addWidget(self.edit_limits_button)
        row.addStretch(1)
        lv.addLayout(row)
        lv.addStretch(1)
        self.addTab(limits_page, "Tỷ lệ, biểu quyết, tiền thưởng")
        self._rules: RuleSet | None = None

    def _edit_selected(self) -> None:
        row = self.catalog.currentRow()
        if self._rules is not None and 0 <= row < len(self._rules.awards):
            self._on_edit_award(self._rules.awards[row].code)

    def show_rules(self, rules: RuleSet, editable: bool) -> None:
        self._rules = rules
        self.edit_award_button.setEnabled(editable)
        self.edit_limits_button.setEnabled(editable)
        self.catalog.fill(
            [
                (a.code, a.name, a.subject.label, a.kind.label, a.decider.label, _coefficient(a),
                 ", ".join(a.artefacts), basis_text(a.basis),
                 basis_mark(a.decider_basis or a.basis))
                for a in rules.awards
            ],
            [("", "", "", "", basis_tooltip(a.decider_basis), "", "", basis_tooltip(a.basis),
              basis_tooltip(a.decider_basis or a.basis)) for a in rules.awards],
        )  # fmt: skip
        names = {a.code: a.name for a in rules.awards}
        self.criteria.fill(
            [
                (names.get(c.award, c.award), c.text, describe(c.condition), basis_text(c.basis),
                 basis_mark(c.basis))
                for c in rules.criteria
            ],
            [("", c.text, "", basis_tooltip(c.basis), basis_tooltip(c.basis))
             for c in rules.criteria],
        )  # fmt: skip
        for form in (self.caps_form, self.votes_form, self.money_form):
            while form.rowCount():
                form.removeRow(0)
        for cap in rules.caps:
            state = "đang bật" if cap.enabled else "đang tắt"
            of = names.get(cap.of_award, cap.of_award)
            self.caps_form.addRow(
                f"{names.get(cap.award, cap.award)}:",
                QLabel(f"không quá {_pct(cap.max_ratio)} số {of} ({state}) – "
                       f"{basis_text(cap.basis)} {cap.basis.confidence.mark}"),
            )  # fmt: skip
        for vote in rules.votes:
            who = "Các loại khen thưởng khác" if vote.award == "*" else names.get(vote.award)
            of = "tổng số thành viên" if vote.denominator == "all_members" else "số có mặt"
            ballot = "bỏ phiếu kín" if vote.secret_ballot else "biểu quyết"
            self.votes_form.addRow(
                f"{who}:",
                QLabel(f"đồng ý từ {_pct(vote.min_ratio)} {of}; họp hợp lệ khi có mặt từ "
                       f"{_pct(vote.quorum)}; {ballot} – {basis_text(vote.basis)} "
                       f"{vote.basis.confidence.mark}"),
            )  # fmt: skip
        r = rules.rounding
        mode = "làm tròn lên" if r.mode == "up" else "làm tròn gần nhất"
        order = ("hệ số tập thể, hộ nhân trước rồi làm tròn một lần" if r.order == "combined"
                 else "làm tròn mức cá nhân rồi mới nhân")  # fmt: skip
        self.money_form.addRow("Làm tròn:", QLabel(f"{mode} đến {thousands(r.step)} đồng; {order}"))
        if rules.fund is not None:
            f = rules.fund
            self.money_form.addRow(
                "Quỹ thi đua, khen thưởng xã:",
                QLabel(f"tối đa {_pct(f.max_share_plain)} chi thường xuyên (vùng đồng bằng), "
                       f"{_pct(f.max_share_remote)} (miền núi, hải đảo…) – {basis_text(f.basis)}"),
            )  # fmt: skip
        for form in (self.caps_form, self.votes_form, self.money_form):
            for i in range(form.rowCount()):
                item = form.itemAt(i, QFormLayout.ItemRole.FieldRole)
                if item is not None and isinstance(item.widget(), QLabel):
                    item.widget().setWordWrap(True)
