"""The numbered steps of a round (① Lập danh sách … ⑤ Đã trao): the current one highlighted,
those done ticked, the dossier's progress under step ②; each label wraps on a narrow window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from emulation_desktop.domain.nomination_steps import STEP_TITLES, Step, StepState, steps
from emulation_desktop.domain.nominations import RoundItem

_STYLE = {
    StepState.CURRENT: "background-color: #1565c0; color: white; font-weight: bold;",
    StepState.DONE: "background-color: #e3f1e4; color: #1b5e20;",
    StepState.OPEN: "background-color: #fff3d6; color: #7a4f00;",
    StepState.LATER: "color: #6b6b6b; border: 1px solid #c8c8c8;",
}
_MARK = {StepState.DONE: "✓ ", StepState.CURRENT: "▶ "}


class StepBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_bar")
        self.labels: list[QLabel] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for _title in STEP_TITLES:
            label = QLabel()
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance("M") * 4)
            self.labels.append(label)
            layout.addWidget(label, 1)
        self.steps: tuple[Step, ...] = ()

    def show_round(self, r: RoundItem, today: dt.date | None = None) -> None:
        self.steps = steps(r, today or dt.date.today())
        for label, step in zip(self.labels, self.steps, strict=True):
            text = _MARK.get(step.state, "") + step.label
            if step.detail:
                text += f" ({step.detail})"
            label.setText(text)
            label.setStyleSheet(f"QLabel {{ {_STYLE[step.state]} border-radius: 4px;"
                                " padding: 3px 4px; }")  # fmt: skip
            label.setToolTip(_TIPS[step.state])

    def current(self) -> Step | None:
        return next((s for s in self.steps if s.state is StepState.CURRENT), None)


_TIPS = {
    StepState.CURRENT: "Bước đang làm",
    StepState.DONE: "Đã xong",
    StepState.OPEN: "Đang chuẩn bị song song: hồ sơ và công khai",
    StepState.LATER: "Bước sau",
}
