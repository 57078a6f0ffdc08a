"""Step 1 of the meeting: its day, place, chair and secretary, the ballots, and the roll call of
the council in force that day (everyone present until marked absent, with the reason)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.council import Council
from emulation_desktop.domain.council_meeting import Attendance, MeetingInput, MeetingSheet
from emulation_desktop.domain.enums import CouncilRole
from emulation_desktop.domain.text import nfc

from emulation_desktop.gui.registry.form import FieldErrors, em
from emulation_desktop.gui.widgets.controls import muted
from emulation_desktop.gui.widgets.date_field import DateField

NOT_ENTERED = "chưa nhập"
MEMBER, ROLE, PRESENT, NOTE = range(4)

DEFAULT_START = QTime(8, 0)  # council meetings usually open at 8 a.m.


def buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _ballots(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(-1, 999)  # -1 shows "chưa nhập": the count is not known yet
    box.setSpecialValueText(NOT_ENTERED)
    box.setValue(-1)
    return box


class MeetingForm(QWidget):
    """Signals: `changed` on any edit; `day_changed` when a new valid day is typed (the tab then
    asks which composition and rules are in force that day)."""

    changed = Signal()
    day_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_form")
        self.errors = FieldErrors()
        self.council: Council | None = None
        self._loading = False
        self._day: dt.date | None = None
        self.held_on = DateField(required=True)
        self.held_on.setObjectName("held_on")
        self.starts_at = QTimeEdit(DEFAULT_START)
        self.starts_at.setObjectName("starts_at")
        self.starts_at.setDisplayFormat("HH:mm")
        self.place = QLineEdit()
        self.place.setObjectName("place")
        self.place.setMaxLength(500)
        self.chair = QComboBox()
        self.chair.setObjectName("chair")
        self.secretary = QComboBox()
        self.secretary.setObjectName("secretary")
        for box in (self.chair, self.secretary):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(14)
        self.issued = _ballots("ballots_issued")
        self.valid = _ballots("ballots_valid")
        self.council_label = muted(QLabel())
        self.council_label.setObjectName("council_label")

        e = self.errors
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        when = QWidget()
        when_row = QHBoxLayout(when)
        when_row.setContentsMargins(0, 0, 0, 0)
        when_row.addWidget(e.wrap("held_on", self.held_on))
        when_row.addWidget(buddy("lúc", self.starts_at))
        when_row.addWidget(self.starts_at)
        when_row.addStretch(1)
        form.addRow("&Ngày họp:", when)
        form.addRow("Địa đi&ểm:", e.wrap("place", self.place))
        form.addRow("&Chủ trì:", e.wrap("chair_id", self.chair))
        form.addRow("&Thư ký:", e.wrap("secretary_id", self.secretary))
        ballots = QWidget()
        row = QHBoxLayout(ballots)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(buddy("phát ra", self.issued))
        row.addWidget(self.issued)
        row.addSpacing(em(self, 1))
        row.addWidget(buddy("hợp lệ", self.valid))
        row.addWidget(self.valid)
        row.addStretch(1)
        form.addRow("&Phiếu bầu:", e.wrap("ballots", ballots, self.issued))

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("attendance_table")
        self.table.setHorizontalHeaderLabels(["Thành viên", "Vai trò", "Có mặt", "Lý do vắng"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MEMBER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PRESENT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(ROLE, em(self, 11))
        # Six members in view: a short window scrolls the step rather than squeeze the roll call.
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(rows * 7 + 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.council_label)
        layout.addWidget(e.wrap("attendance", self.table), 1)
        layout.addWidget(e.general)

        self.held_on.editingFinished.connect(self._day_edited)
        self.place.textEdited.connect(lambda _t: self._changed())
        self.starts_at.timeChanged.connect(lambda _t: self._changed())
        for box in (self.chair, self.secretary):
            box.currentIndexChanged.connect(lambda _i: self._changed())
        for spin in (self.issued, self.valid):
            spin.valueChanged.connect(lambda _v: self._changed())
        self.table.itemChanged.connect(lambda _item: self._changed())

    # Loading ----------------------------------------------------------------------------------

    def load(self, sheet: MeetingSheet) -> None:
        """The saved meeting, or a new one on the sheet's day with everyone present."""
        self._loading = True
        m, context = sheet.meeting, sheet.context
        self.held_on.set_date(m.held_on if m else context.day)
        self._day = self.held_on.date()
        at = m.starts_at if m is not None and m.starts_at is not None else None
        self.starts_at.setTime(QTime(at.hour, at.minute) if at else DEFAULT_START)
        self.place.setText(m.place if m else sheet.default_place)
        self.place.setCursorPosition(0)
        self.issued.setValue(-1 if m is None or m.ballots_issued is None else m.ballots_issued)
        self.valid.setValue(-1 if m is None or m.ballots_valid is None else m.ballots_valid)
        self._fill(
            context.council,
            sheet.attendance,
            m.chair_id if m else None,
            m.secretary_id if m else None,
        )
        self.errors.clear()
        self._loading = False

    def set_council(self, council: Council | None) -> None:
        """Another composition is in force on the new day: a new roll call."""
        self._loading = True
        attendance = tuple(Attendance(m.id, True) for m in council.members) if council else ()
        self._fill(council, attendance, None, None)
        self._loading = False
        self.changed.emit()

    def _fill(
        self,
        council: Council | None,
        attendance: tuple[Attendance, ...],
        chair: int | None,
        secretary: int | None,
    ) -> None:
        self.council = council
        members = council.members if council else ()
        for box, chosen, role in (
            (self.chair, chair, CouncilRole.CHAIR),
            (self.secretary, secretary, CouncilRole.SECRETARY),
        ):
            box.clear()
            box.addItem("Chọn thành viên…", None)
            for member in members:
                box.addItem(member.label, member.id)
            if chosen is None and council is not None:
                default = council.with_role(role)
                chosen = default.id if default else None
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
        if council is None:
            self.council_label.setText("")
        else:
            self.council_label.setText(
                f"Thành phần Hội đồng theo {council.decision_text} ({council.counts}). Bỏ dấu "
                "«Có mặt» ở thành viên vắng và ghi lý do."
            )
        here = {a.member_id: a for a in attendance}
        self.table.setRowCount(len(members))
        for r, member in enumerate(members):
            a = here.get(member.id, Attendance(member.id, False))
            name = QTableWidgetItem(member.name)
            name.setToolTip(member.label)
            role_item = QTableWidgetItem(member.role_text)
            role_item.setToolTip(member.role_text)
            for item in (name, role_item):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            check.setCheckState(Qt.CheckState.Checked if a.present else Qt.CheckState.Unchecked)
            note = QTableWidgetItem(a.note)
            for c, item in enumerate((name, role_item, check, note)):
                self.table.setItem(r, c, item)

    def set_read_only(self, read_only: bool) -> None:
        for w in (self.held_on, self.place, self.starts_at):
            w.setReadOnly(read_only)
        for w in (self.chair, self.secretary, self.issued, self.valid):
            w.setEnabled(not read_only)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        for r in range(self.table.rowCount()):
            item = self.table.item(r, PRESENT)
            flags = Qt.ItemFlag.ItemIsEnabled | (
                Qt.ItemFlag.NoItemFlags if read_only else Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setFlags(flags)

    # Reading ----------------------------------------------------------------------------------

    def attendance(self) -> tuple[Attendance, ...]:
        members = self.council.members if self.council else ()
        out = []
        for r, member in enumerate(members):
            present = self.table.item(r, PRESENT).checkState() == Qt.CheckState.Checked
            out.append(Attendance(member.id, present, nfc(self.table.item(r, NOTE).text())))
        return tuple(out)

    def set_present(self, member_id: int, present: bool, note: str = "") -> None:
        """Mark a member (what a click on the check box and typing the reason do)."""
        members = self.council.members if self.council else ()
        r = next(i for i, m in enumerate(members) if m.id == member_id)
        self.table.item(r, NOTE).setText(note)
        state = Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
        self.table.item(r, PRESENT).setCheckState(state)

    def ballots(self) -> tuple[int | None, int | None]:
        return tuple(None if s.value() < 0 else s.value() for s in (self.issued, self.valid))  # type: ignore[return-value]

    def value(self) -> MeetingInput:
        issued, valid = self.ballots()
        return MeetingInput(
            self.held_on.date(),
            nfc(self.place.text()),
            self.chair.currentData(),
            self.secretary.currentData(),
            self.attendance(),
            issued,
            valid,
            starts_at=self.starts_at.time().toPython(),
        )

    def _day_edited(self) -> None:
        day = self.held_on.date()
        if day is not None and day != self._day:
            self._day = day
            self.day_changed.emit()
        self._changed()

    def _changed(self) -> None:
        if not self._loading:
            self.changed.emit()
