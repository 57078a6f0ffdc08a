"""Đính chính: a correcting decision with its own number. The awards to revoke are ticked in
the decision's list; replacement lines (a corrected name, award, achievement or amount) are
added below. The corrected decision itself is never edited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.decisions import (
    CorrectionInput,
    DecisionDetail,
    DecisionItem,
    DecisionLine,
    ReplacementLine,
)
from emulation_desktop.domain.rules.model import AwardType, Level
from emulation_desktop.domain.text import thousands
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.decisions.fields import (
    SignerFields,
    fit_to_screen,
    number_field,
    number_of,
)
from emulation_desktop.gui.registry.form import dialog_buttons, em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, combo, muted, text_box
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker

NOT_CHOSEN = "Hãy chọn đối tượng trong danh sách gợi ý."


class CorrectionDialog(SavingDialog):
    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        item: DecisionItem,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("correction_dialog")
        self.setWindowTitle(f"Đính chính Quyết định số {item.number}")
        self._service = services.decisions
        self._item = item
        self.saved_year: int | None = None
        self.lines: list[DecisionLine] = []
        self.replacements: list[ReplacementLine] = []
        today = self._service.today()
        catalog, _why = services.rules.year_awards(today.year)
        self._awards: list[AwardType] = [a for a in catalog.values()
                                          if a.decider is Level.COMMUNE]  # fmt: skip

        self.issued_on = DateField(today, required=True)
        self.issued_on.setObjectName("issued_on")
        self.number = number_field()
        self.reason = text_box(2, "Sai sót nào, ở dòng nào", "reason")
        e = self.errors
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Ngày &ký:", e.wrap("issued_on", self.issued_on))
        form.addRow("&Số:", e.wrap("number", self.number))
        form.addRow("&Lý do:", e.wrap("reason", self.reason))
        self.signer = SignerFields(form, e, self._service.signers())

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("revoke_table")
        self.table.setHorizontalHeaderLabels(["Thu hồi: đối tượng", "Danh hiệu, hình thức",
                                              "Số sổ", "Tiền thưởng"])  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(em(self, 8))

        self.replaces = combo("replaces", [("— Dòng mới —", None)])
        self.picker = SubjectPicker(services.subjects)
        self.picker.setObjectName("replacement_subject")
        self.award = combo("replacement_award", [])
        self.achievement = QLineEdit()
        self.achievement.setObjectName("replacement_achievement")
        self.amount = QLineEdit()
        self.amount.setObjectName("replacement_amount")
        self.amount.setPlaceholderText("Để trống: tính theo quy định")
        self.added = QListWidget()
        self.added.setObjectName("replacements")
        self.added.setMinimumHeight(em(self, 5))
        box = QGroupBox("Dòng thay thế (nếu có)")
        rform = QFormLayout(box)
        rform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rform.addRow("Thay cho:", self.replaces)
        rform.addRow("Đối tượng:", e.wrap("replacement", self.picker, self.picker.edit))
        rform.addRow("Danh hiệu:", self.award)
        rform.addRow("Thành tích:", self.achievement)
        rform.addRow("Tiền thưởng:", self.amount)
        row = QHBoxLayout()
        row.addWidget(button("Thêm dòng", self.add_replacement, "add_replacement"))
        row.addWidget(button("Bỏ dòng", self.remove_replacement, "remove_replacement"))
        row.addStretch(1)
        rform.addRow(row)
        rform.addRow(self.added)
        box.setSizePolicy(box.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Maximum)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(muted(QLabel("Đánh dấu khen thưởng cần thu hồi; khen thưởng bị thu hồi vẫn "
                                    "được lưu và ghi rõ đã được thay thế.")))  # fmt: skip
        left.addWidget(self.table, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(box)
        right.addStretch(1)
        columns.addLayout(right, 1)
        buttons, self.save_button = dialog_buttons(self, "Ra quyết định đính chính", self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(e.general)
        layout.addWidget(buttons)
        fit_to_screen(self, 96, 50)

        self.picker.changed.connect(self._fill_awards)
        self.replaces.currentIndexChanged.connect(lambda _i: self._replacing())
        self._fill_awards()
        service, decision_id = self._service, item.id
        tasks.submit(lambda: service.detail(decision_id), self._loaded, parent=self)

    def _loaded(self, detail: DecisionDetail) -> None:
        self.lines = [ln for ln in detail.lines if not ln.revoked_by]
        self.table.setRowCount(len(self.lines))
        for r, ln in enumerate(self.lines):
            who = QTableWidgetItem(ln.subject.name)
            who.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            who.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(r, 0, who)
            for c, text in enumerate((ln.award_name, ln.register_number, ln.money_text), 1):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(r, c, cell)
            self.replaces.addItem(f"{ln.register_number} – {ln.subject.name}", r)
        self.table.resizeColumnsToContents()

    def revoked(self) -> list[DecisionLine]:
        return [ln for r, ln in enumerate(self.lines)
                if self.table.item(r, 0).checkState() == Qt.CheckState.Checked]  # fmt: skip

    # Replacement lines --------------------------------------------------------------------------

    def _fill_awards(self) -> None:
        kind = self.picker.current_kind()
        keep = self.award.currentData()
        self.award.clear()
        for a in self._awards:
            if a.subject is kind:
                self.award.addItem(a.name, a.code)
        if keep is not None and self.award.findData(keep) >= 0:
            self.award.setCurrentIndex(self.award.findData(keep))

    def _replacing(self) -> None:
        index = self.replaces.currentData()
        if index is None:
            return
        line = self.lines[int(index)]
        self.picker.set_subject(line.subject)
        self._fill_awards()
        self.award.setCurrentIndex(max(0, self.award.findData(line.award_code)))
        self.achievement.setText(line.achievement)
        self.amount.clear()

    def add_replacement(self) -> None:
        ref = self.picker.subject()
        if ref is None or self.award.currentData() is None:
            self.errors.show({"replacement": NOT_CHOSEN})
            return
        text = self.amount.text().replace(".", "").strip()
        if text and not text.isdigit():
            self.errors.show({"replacement": "Tiền thưởng chỉ gồm chữ số (ví dụ 760.000)."})
            return
        index = self.replaces.currentData()
        old = self.lines[int(index)] if index is not None else None
        line = ReplacementLine(
            ref.key, str(self.award.currentData()), self.achievement.text(),
            int(text) if text else None, old.period if old else "",
            old.award_id if old else None, old.year if old else None,
        )  # fmt: skip
        self.replacements.append(line)
        money = f" – {thousands(line.amount)} đồng" if line.amount is not None else ""
        self.added.addItem(f"{ref.name}: {self.award.currentText()}{money}")
        self.errors.clear()
        if old is not None:
            row = self.lines.index(old)
            self.table.item(row, 0).setCheckState(Qt.CheckState.Checked)

    def remove_replacement(self) -> None:
        row = self.added.currentRow()
        if 0 <= row < len(self.replacements):
            del self.replacements[row]
            self.added.takeItem(row)

    # Saving -----------------------------------------------------------------------------------

    def form_input(self) -> CorrectionInput:
        signer = self.signer.signer()
        return CorrectionInput(
            issued_on=self.issued_on.date(),
            reason=self.reason.toPlainText(),
            signer_name=signer.name,
            signer_title=signer.title,
            sign_variant=signer.variant,
            revoke=tuple(ln.award_id for ln in self.revoked() if ln.award_id is not None),
            replacements=tuple(self.replacements),
            number=number_of(self.number),
        )

    def _save(self) -> None:
        if message := self.issued_on.error():
            self.errors.show({"issued_on": message})
            return
        data, service, decision_id = self.form_input(), self._service, self._item.id
        self.saved_year = data.issued_on.year if data.issued_on else None

        def done(new_id: int) -> None:
            self.saved_id = new_id

        self.run(lambda: service.correct(decision_id, data), done)
