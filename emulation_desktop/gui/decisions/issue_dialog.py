"""Ra quyết định: a voted round, the date and the signer on the left; on the right what the
decision will hold (the lines within the commune's authority with their money and the total,
those going upward, the public notice still running, anything that stops it)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.decisions import DecisionInput, DecisionPreview
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.decisions import RoundChoice

from emulation_desktop.gui.decisions.decision_html import preview_html
from emulation_desktop.gui.decisions.fields import (
    SignerFields,
    fit_to_screen,
    grow,
    number_field,
    number_of,
)
from emulation_desktop.gui.registry.form import dialog_buttons
from emulation_desktop.gui.registry.history_view import DetailView
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import combo, long_texts, muted, text_box
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog


class IssueDialog(SavingDialog):
    """Sets `saved_id` (the decision) and `saved_year` once issued."""

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        rounds: Sequence[RoundChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("issue_dialog")
        self.setWindowTitle("Ra quyết định khen thưởng")
        self._service = services.decisions
        self.saved_year: int | None = None
        self.preview: DecisionPreview | None = None
        self._auto_summary = ""
        self._auto_bases = ""

        self.round = long_texts(combo("round", [(r.label, r.id) for r in rounds]), 24, 60)
        self.issued_on = DateField(self._service.today(), required=True)
        self.issued_on.setObjectName("issued_on")
        self.number = number_field()
        self.summary = QLineEdit()
        self.summary.setObjectName("summary")
        self.bases = text_box(5, "Mỗi căn cứ một dòng", "bases", grow=True)
        self.override = QLineEdit()
        self.override.setObjectName("notice_override")
        self.override.setPlaceholderText("Lý do quyết định trước khi hết thời gian công khai")
        self.override_label = QLabel("Lý do:")

        e = self.errors
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Đợt &xét:", self.round)
        form.addRow("Ngày &ký:", e.wrap("issued_on", self.issued_on))
        form.addRow("&Số:", e.wrap("number", self.number))
        self.signer = SignerFields(form, e, self._service.signers())
        form.addRow("&Trích yếu:", self.summary)
        form.addRow("&Căn cứ:", self.bases)
        form.addRow(self.override_label, e.wrap("notice_override", self.override))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(muted(QLabel(
            "Số quyết định và số sổ khen thưởng chỉ được lấy khi bấm «Ra quyết định»; quyết định "
            "đã ban hành không sửa được (sai sót sửa bằng quyết định đính chính)."
        )))  # fmt: skip
        grow(left, 30)
        self.view = DetailView("Chọn đợt xét và ngày ký để xem trước quyết định.")
        self.view.setObjectName("preview")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 40)
        splitter.setStretchFactor(1, 60)
        splitter.setChildrenCollapsible(False)
        buttons, self.save_button = dialog_buttons(self, "Ra quyết định", self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(e.general)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        fit_to_screen(self, 100, 50)

        self._rounds = {r.id: r for r in rounds}
        self._auto_day = self.issued_on.date()
        self.round.currentIndexChanged.connect(lambda _i: self._round_chosen())
        self.issued_on.editingFinished.connect(self.refresh)
        self._round_chosen()

    # Preview ----------------------------------------------------------------------------------

    def round_id(self) -> int:
        return int(self.round.currentData())

    def _round_chosen(self) -> None:
        """The date follows the round (not before its meeting) until the officer types one."""
        held_on = self._rounds[self.round_id()].held_on
        if self.issued_on.date() == self._auto_day and held_on is not None:
            day = max(self._service.today(), held_on)
            self.issued_on.set_date(day)
            self._auto_day = day
        self.refresh()

    def refresh(self) -> None:
        day = self.issued_on.date()
        if self.issued_on.error() or day is None:
            return
        service, round_id = self._service, self.round_id()
        self.tasks.submit(lambda: service.preview(round_id, day), self._shown,
                          self._preview_failed, parent=self)  # fmt: skip

    def _shown(self, p: DecisionPreview) -> None:
        self.preview = p
        self.view.show_html(preview_html(p))
        self.save_button.setEnabled(bool(p.within))
        # Defaults follow the round and date until the officer writes their own.
        if not self.summary.text().strip() or self.summary.text() == self._auto_summary:
            self.summary.setText(p.default_summary)
            self.summary.setCursorPosition(0)
        self._auto_summary = p.default_summary
        bases = "\n".join(p.default_bases)
        if not self.bases.toPlainText().strip() or self.bases.toPlainText() == self._auto_bases:
            self.bases.setPlainText(bases)
        self._auto_bases = bases
        needs = bool(p.notice_warning)
        for w in (self.override, self.override_label):
            w.setVisible(needs)

    def _preview_failed(self, exc: UserError) -> None:
        self.preview = None
        self.view.show_empty(exc.message)
        self.save_button.setEnabled(False)

    # Saving -----------------------------------------------------------------------------------

    def form_input(self) -> DecisionInput:
        signer = self.signer.signer()
        return DecisionInput(
            issued_on=self.issued_on.date(),
            signer_name=signer.name,
            signer_title=signer.title,
            sign_variant=signer.variant,
            bases=tuple(self.bases.toPlainText().splitlines()),
            summary=self.summary.text(),
            number=number_of(self.number),
            notice_override="" if self.override.isHidden() else self.override.text(),
        )

    def _save(self) -> None:
        if message := self.issued_on.error():
            self.errors.show({"issued_on": message})
            return
        data, service, round_id = self.form_input(), self._service, self.round_id()
        self.saved_year = data.issued_on.year if data.issued_on else None

        def done(decision_id: int) -> None:
            self.saved_id = decision_id

        self.run(lambda: service.issue(round_id, data), done)
