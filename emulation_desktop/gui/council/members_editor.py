"""The members of a composition, edited as a table in the decision's order: name, position
(chức vụ), role and whether the member votes; a member may be picked from the registry's people
(name and position filled in) or typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.council import MemberInput, default_voting
from emulation_desktop.domain.enums import CouncilRole, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.messages import show_error
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.widgets.controls import button, enum_combo
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker

NAME, TITLE, ROLE, VOTING = range(4)
_ID, _PERSON = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


class MembersEditor(QWidget):
    """`members()` reads the table back as MemberInput lines (ids kept for existing members)."""

    changed = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("members_editor")
        self._services = services
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("members_table")
        self.table.setHorizontalHeaderLabels(["Họ và tên", "Chức vụ", "Vai trò", "Biểu quyết"])
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(VOTING, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(NAME, em(self, 13))
        self.table.setColumnWidth(ROLE, em(self, 16))
        self.table.itemChanged.connect(lambda _i: self.changed.emit())

        self.picker = SubjectPicker(services.subjects, [SubjectKind.PERSON])
        self.picker.setObjectName("member_picker")
        add_person = button("Thêm người này", self.add_picked, "add_picked")
        add_row = button("Thêm dòng", self.add_empty, "add_member")
        remove = button("Xóa dòng", self.remove_current, "remove_member")
        up = button("Lên", lambda: self.move(-1), "member_up", "Đưa thành viên lên trên")
        down = button("Xuống", lambda: self.move(1), "member_down", "Đưa thành viên xuống dưới")
        pick = QHBoxLayout()
        pick.addWidget(QLabel("Chọn từ danh sách cá nhân:"))
        pick.addWidget(self.picker, 1)
        pick.addWidget(add_person)
        rows = QHBoxLayout()
        for b in (add_row, remove, up, down):
            rows.addWidget(b)
        rows.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(pick)
        layout.addWidget(self.table, 1)
        layout.addLayout(rows)

    # Rows -------------------------------------------------------------------------------------

    def set_members(self, members: tuple[MemberInput, ...]) -> None:
        self.table.setRowCount(0)
        for m in members:
            self._append(m)

    def _append(self, m: MemberInput, at: int | None = None) -> int:
        r = self.table.rowCount() if at is None else at
        self.table.blockSignals(True)
        self.table.insertRow(r)
        name = QTableWidgetItem(m.name)
        name.setData(_ID, m.id)
        name.setData(_PERSON, m.person_id)
        if m.person_id is not None:
            name.setToolTip("Chọn từ danh sách cá nhân")
        self.table.setItem(r, NAME, name)
        self.table.setItem(r, TITLE, QTableWidgetItem(m.title))
        role = enum_combo("member_role", CouncilRole.choices())
        role.setCurrentIndex(role.findData(m.role.value))
        role.currentIndexChanged.connect(lambda _i, box=role: self._role_changed(box))
        self.table.setCellWidget(r, ROLE, role)
        voting = QTableWidgetItem()
        voting.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsSelectable
        )
        voting.setCheckState(Qt.CheckState.Checked if m.voting else Qt.CheckState.Unchecked)
        self.table.setItem(r, VOTING, voting)
        self.table.blockSignals(False)
        self.changed.emit()
        return r

    def _role_changed(self, box: QComboBox) -> None:
        """A new role brings its usual voting right (the Thư ký does not vote by default)."""
        for r in range(self.table.rowCount()):
            if self.table.cellWidget(r, ROLE) is box:
                voting = default_voting(CouncilRole(box.currentData()))
                state = Qt.CheckState.Checked if voting else Qt.CheckState.Unchecked
                self.table.item(r, VOTING).setCheckState(state)
        self.changed.emit()

    def members(self) -> tuple[MemberInput, ...]:
        out = []
        for r in range(self.table.rowCount()):
            name = self.table.item(r, NAME)
            box = self.table.cellWidget(r, ROLE)
            assert isinstance(box, QComboBox)
            out.append(
                MemberInput(
                    name.text(),
                    self.table.item(r, TITLE).text(),
                    CouncilRole(box.currentData()),
                    self.table.item(r, VOTING).checkState() == Qt.CheckState.Checked,
                    name.data(_PERSON),
                    name.data(_ID),
                )
            )
        return tuple(out)

    def add_empty(self) -> None:
        r = self._append(MemberInput(""))
        self.table.setCurrentCell(r, NAME)
        self.table.editItem(self.table.item(r, NAME))

    def add_picked(self) -> None:
        ref = self.picker.subject()
        if ref is None:
            show_error(self, "Hãy gõ tên rồi chọn một cá nhân trong danh sách gợi ý.")
            return
        try:
            member = self._services.council.member_from_person(ref.id)
        except UserError as exc:
            show_error(self, exc.message)
            return
        self.table.setCurrentCell(self._append(member), NAME)
        self.picker.set_subject(None)

    def remove_current(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            self.table.removeRow(r)
            self.changed.emit()

    def move(self, step: int) -> None:
        r = self.table.currentRow()
        target = r + step
        if r < 0 or not 0 <= target < self.table.rowCount():
            return
        moved = self.members()[r]
        self.table.removeRow(r)
        self._append(moved, target)
        self.table.setCurrentCell(target, NAME)
