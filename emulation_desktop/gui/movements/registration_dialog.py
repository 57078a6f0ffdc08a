"""Đăng ký thi đua: one registration, and approving or rejecting many (a whole unit at once is
unit_registration_dialog). Checks are the domain's and the service's; these dialogs put each
message under its field and save nothing while one is shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import RegistrationStatus
from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.domain.registrations import (
    RegistrationInput,
    RegistrationItem,
    validate_registration,
)
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.movements.form_dialog import FormDialog, movement_combo
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import text_box
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker

_S = RegistrationStatus
NEW_STATUSES = (_S.DRAFT, _S.PENDING)
NO_MOVEMENT = "Không theo phong trào (chỉ đăng ký danh hiệu)"
NO_TITLE = "Không đăng ký danh hiệu"


def fill_titles(combo: QComboBox, titles: Sequence[tuple[str, str]], keep: str = "") -> None:
    """(code, name) of the titles, after "no title"; keeps `keep` chosen when still listed."""
    combo.blockSignals(True)
    combo.clear()
    # No title at all: no rule set reaches that year (saving a title would say so too).
    combo.addItem(NO_TITLE if titles else "Không có danh hiệu (chưa có bộ quy định cho năm này)",
                  "")  # fmt: skip
    for code, name in titles:
        combo.addItem(name, code)
    combo.setCurrentIndex(max(0, combo.findData(keep)))
    combo.blockSignals(False)


def status_combo() -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("status")
    for s in NEW_STATUSES:
        combo.addItem(s.label, s.value)
    return combo


def default_day(year: int) -> dt.date | None:
    """Today when working on the current year; empty for another year (the officer types the
    date from the paper form)."""
    today = dt.date.today()
    return today if today.year == year else None


def targets_box() -> QPlainTextEdit:
    return text_box(4, "Mỗi chỉ tiêu một dòng, ví dụ: Hoàn thành xuất sắc nhiệm vụ", "targets")


class RegistrationDialog(FormDialog):
    """Add (`item` None) or edit one registration; `saved_id` once written."""

    def __init__(
        self, services: AppServices, tasks: TaskRunner, year: int,
        movements: Sequence[MovementChoice], item: RegistrationItem | None = None,
        movement_id: int | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("registration_dialog")
        self.year, self.item = year, item
        self.setWindowTitle(f"Sửa đăng ký thi đua năm {year}" if item else
                            f"Đăng ký thi đua năm {year}")  # fmt: skip
        self.picker = SubjectPicker(services.subjects)
        self.picker.setMinimumWidth(em(self, 40))
        self.movement = movement_combo(movements, NO_MOVEMENT)
        self.title_combo = QComboBox()
        self.title_combo.setObjectName("award")
        self.targets = targets_box()
        self.registered_on = DateField(default_day(year) if item is None else item.registered_on)
        self.note = text_box(2)
        e, f = self.errors, self.form
        f.addRow("Đối &tượng:", e.wrap("subject", self.picker, self.picker.edit))
        f.addRow("&Phong trào:", e.wrap("movement_id", self.movement))
        f.addRow("&Danh hiệu:", e.wrap("award_code", self.title_combo))
        f.addRow("C&hỉ tiêu đăng ký:", e.wrap("targets", self.targets))
        f.addRow("&Ngày đăng ký:", e.wrap("registered_on", self.registered_on))
        if item is None:
            self.status = status_combo()
            f.addRow("T&rạng thái:", e.wrap("status", self.status))
        else:
            status = item.status.label + (f" ngày {day_text(item.decided_on)}"
                                          if item.decided_on else "")  # fmt: skip
            f.addRow("Trạng thái:", QLabel(status))
        f.addRow("&Ghi chú:", self.note)
        self.finish("Lưu")
        self.picker.kind.currentIndexChanged.connect(lambda _i: self._refill_titles())
        if item is not None:
            self.picker.set_subject(item.subject)
            self.picker.edit.setCursorPosition(0)  # the name, not the end of the unit's name
            self.movement.setCurrentIndex(max(0, self.movement.findData(item.movement_id)))
            self.targets.setPlainText(item.targets)
            self.note.setPlainText(item.note)
        else:
            self.movement.setCurrentIndex(max(0, self.movement.findData(movement_id)))
        self._refill_titles(item.award_code if item else "")
        # A new registration starts with who; an edit usually changes the targets.
        (self.targets if item else self.picker.edit).setFocus()

    def _refill_titles(self, keep: str | None = None) -> None:
        keep = (self.title_combo.currentData() or "") if keep is None else keep
        titles = self.services.registrations.titles(self.year, self.picker.current_kind())
        fill_titles(self.title_combo, [(t.code, t.name) for t in titles], keep)

    def form_input(self) -> RegistrationInput:
        ref = self.picker.subject()
        status = _S(self.status.currentData()) if self.item is None else self.item.status
        return RegistrationInput(
            self.year, ref.key if ref else None, self.movement.currentData(),
            self.title_combo.currentData() or "", self.targets.toPlainText(), status,
            self.registered_on.date(), self.note.toPlainText(),
        )  # fmt: skip

    def _save(self) -> None:
        data, new = self.form_input(), self.item is None
        typed = {"registered_on": self.registered_on.error()}
        if self.checked(lambda: validate_registration(data, new=new), typed):
            regs, item_id = self.services.registrations, self.item.id if self.item else None
            self.save_item(regs.create, regs.update, item_id, data)


class StatusDialog(FormDialog):
    """Duyệt or Từ chối the chosen registrations with the decision date (and the reason)."""

    def __init__(
        self, services: AppServices, tasks: TaskRunner, ids: Sequence[int],
        target: RegistrationStatus, today: dt.date | None = None, parent: QWidget | None = None,
        *, named: str = "",
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("status_dialog")
        self.ids, self.target = list(ids), target
        self.changed: int | None = None
        reject = target is _S.REJECTED
        verb = "Từ chối" if reject else "Duyệt"
        self.setWindowTitle(f"{verb} đăng ký thi đua")
        n = len(self.ids)
        # One registration is named (`named`: «subject» (what)), several are counted.
        what = f"{n} đăng ký đã chọn" if n > 1 or not named else f"đăng ký của {named}"
        intro = QLabel(f"{verb} {what}.")
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.setMinimumWidth(em(self, 32))
        self.day = DateField(today or dt.date.today(), required=True)
        self.form.addRow(f"Ngày {verb.lower()}:", self.errors.wrap("day", self.day))
        self.reason = text_box(3, name="reason")
        if reject:
            self.form.addRow("Lý do từ chối:", self.errors.wrap("reason", self.reason))
        self.finish(verb)

    def _save(self) -> None:
        if message := self.day.error():
            self.errors.show({"day": message})
            return
        day, reason = self.day.date(), self.reason.toPlainText()
        regs, ids, target = self.services.registrations, self.ids, self.target
        self.run(lambda: regs.change_status(ids, target, day, reason),
                 lambda n: setattr(self, "changed", n))  # fmt: skip
