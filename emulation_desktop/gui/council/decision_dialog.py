"""Hội đồng quyết định: the council decides a line otherwise than computed, or chooses among
candidates tied at the edge of a cap, always with its reason (printed in the minutes)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QButtonGroup, QDialog, QLabel, QRadioButton, QVBoxLayout, QWidget

from emulation_desktop.domain.council_meeting import Candidate
from emulation_desktop.domain.council_votes import TIE_HINT, Outcome
from emulation_desktop.domain.text import nfc_lines

from emulation_desktop.gui.council.meeting_form import buddy
from emulation_desktop.gui.registry.form import FieldErrors, dialog_buttons, em
from emulation_desktop.gui.widgets.controls import muted, text_box

FOLLOW, PASS, FAIL = 0, 1, 2


class CouncilDecisionDialog(QDialog):
    """For one line: follow the computed result, or Đạt / Không đạt with a reason. After exec,
    `choice` and `reason` hold the answer (None, "" to follow the computation)."""

    def __init__(
        self,
        candidate: Candidate,
        outcome: Outcome | None,
        votes: int | None,
        choice: bool | None,
        reason: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("council_decision_dialog")
        self.setWindowTitle("Hội đồng quyết định")
        self.choice: bool | None = choice
        self.reason = reason
        self.errors = FieldErrors()
        computed = "chưa tính (chưa nhập số phiếu)"
        if outcome is not None and outcome.counted:
            computed = (
                "Bằng phiếu – Hội đồng chọn"
                if outcome.tied
                else ("Đạt" if outcome.computed else "Không đạt")
            )
        facts = [
            f"<b>{escape(candidate.name)}</b>"
            + (f" – {escape(candidate.place)}" if candidate.place else ""),
            f"{escape(candidate.award_name)}; giới tính: {escape(candidate.gender or 'không rõ')}",
            f"Số phiếu đồng ý: {'' if votes is None else votes}; kết quả tính: <b>{computed}</b>",
        ]
        if outcome is not None and outcome.note:
            facts.append(escape(outcome.note))
        head = QLabel("<br>".join(facts))
        head.setWordWrap(True)

        tied = outcome is not None and outcome.tied
        self.follow = QRadioButton(
            "Chưa chọn (Hội đồng chưa quyết định)"
            if tied
            else "Theo kết quả tính (không có quyết định riêng)"
        )
        self.follow.setObjectName("follow_result")
        self.passed = QRadioButton("Hội đồng quyết định: Đạt")
        self.passed.setObjectName("decide_pass")
        self.failed = QRadioButton("Hội đồng quyết định: Không đạt")
        self.failed.setObjectName("decide_fail")
        self.group = QButtonGroup(self)
        for i, b in enumerate((self.follow, self.passed, self.failed)):
            self.group.addButton(b, i)
        {None: self.follow, True: self.passed, False: self.failed}[choice].setChecked(True)
        self.reason_edit = text_box(
            4, "Ghi rõ lý do Hội đồng quyết định (in trong biên bản)", "reason", grow=True
        )
        self.reason_edit.setPlainText(reason)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        if outcome is not None and outcome.tied:
            layout.addWidget(muted(QLabel(TIE_HINT)))
        for b in (self.follow, self.passed, self.failed):
            layout.addWidget(b)
        layout.addWidget(buddy("&Lý do:", self.reason_edit))
        layout.addWidget(self.errors.wrap("reason", self.reason_edit))
        buttons, self.save_button = dialog_buttons(self, "Đồng ý", self._accept, ctrl_s=False)
        layout.addWidget(buttons)
        self.resize(em(self, 40), self.sizeHint().height())
        self.reason_edit.setFocus()

    def _accept(self) -> None:
        picked = self.group.checkedId()
        reason = nfc_lines(self.reason_edit.toPlainText(), keep_blank=True)
        if picked != FOLLOW and not reason:
            self.errors.show({"reason": "Hội đồng quyết định riêng thì phải ghi lý do."})
            return
        self.choice = None if picked == FOLLOW else picked == PASS
        self.reason = reason if picked != FOLLOW else ""
        self.accept()
