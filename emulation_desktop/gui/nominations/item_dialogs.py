"""Adding đề nghị to a round: one subject (or editing one), everyone graded well enough in a unit,
or the approved registrations. Checks are the domain's and the service's; a refusal shows under
its field and nothing is written."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from emulation_desktop.domain.enums import Grade, RoundKind, SubjectKind
from emulation_desktop.domain.nominations import (
    MAX_ACHIEVEMENT,
    AddResult,
    NominationInput,
    NominationItem,
    RoundItem,
    validate_nomination,
)
from emulation_desktop.domain.text import thousands
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.movements.form_dialog import FormDialog
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import combo, long_texts, muted, text_box
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker

DEFAULT_KIND = {RoundKind.FAMILY: SubjectKind.HOUSEHOLD, RoundKind.VILLAGE: SubjectKind.UNIT}
GRADE_CHOICES = (
    ("Hoàn thành tốt nhiệm vụ trở lên", Grade.GOOD),
    ("Hoàn thành xuất sắc nhiệm vụ", Grade.EXCELLENT),
    ("Hoàn thành nhiệm vụ trở lên", Grade.COMPLETED),
)


def award_combo(name: str = "award") -> QComboBox:
    return long_texts(combo(name, []), 24, 44)


class ItemDialog(FormDialog):
    """Add one đề nghị (`item` None) or edit one; `saved_id` once written."""

    def __init__(
        self, services: AppServices, tasks: TaskRunner, round_: RoundItem,
        item: NominationItem | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("item_dialog")
        self.round, self.item = round_, item
        self.setWindowTitle(f"Sửa đề nghị – {round_.name}" if item else
                            f"Thêm đề nghị – {round_.name}")  # fmt: skip
        self.picker = SubjectPicker(services.subjects)
        self.picker.setMinimumWidth(em(self, 36))
        self.award = award_combo()
        self.period = QLineEdit(item.period if item else round_.period)
        self.period.setObjectName("period")
        self.achievement = text_box(6, "Những thành tích chính, mỗi ý một dòng (tối đa "
                                    f"{thousands(MAX_ACHIEVEMENT)} ký tự)", "achievement",
                                    grow=True)  # fmt: skip
        self.counter = muted(QLabel())
        self.achievement.textChanged.connect(self._count)
        self.unit = UnitCombo(services.registry.units(), all_label="Đơn vị của đối tượng")
        self.unit.setObjectName("proposing_unit")
        self.note = text_box(2, name="note")
        e, f = self.errors, self.form
        f.addRow("Đối &tượng:", e.wrap("subject", self.picker, self.picker.edit))
        f.addRow("Đề &nghị:", e.wrap("award_code", self.award))
        f.addRow("Thời &gian:", e.wrap("period", self.period))
        f.addRow("Tóm tắt &thành tích:", e.wrap("achievement", self.achievement))
        f.addRow("", self.counter)
        f.addRow("Đơn vị đề nghị:", e.wrap("proposing_unit_id", self.unit))
        f.addRow("Ghi &chú:", e.wrap("note", self.note))
        self.finish("Lưu" if item else "Thêm vào danh sách")
        self.picker.kind.currentIndexChanged.connect(lambda _i: self._fill_awards())
        if item is not None:
            self.picker.set_subject(item.subject)
            self.picker.setEnabled(False)  # another subject is another đề nghị
            self.achievement.setPlainText(item.achievement)
            self.note.setPlainText(item.note)
            self.unit.set_unit(item.proposing_unit_id)
        elif round_.kind in DEFAULT_KIND:
            self.picker.kind.setCurrentIndex(self.picker.kind.findData(DEFAULT_KIND[round_.kind]))
        self._fill_awards(item.award_code if item else "")
        self._count()
        (self.achievement if item else self.picker.edit).setFocus()

    def _fill_awards(self, keep: str | None = None) -> None:
        keep = (self.award.currentData() or "") if keep is None else keep
        choices = self.services.rounds.award_choices(self.round.id, self.picker.current_kind())
        self.award.blockSignals(True)
        self.award.clear()
        for c in choices:
            self.award.addItem(c.label, c.code)
        self.award.setCurrentIndex(max(0, self.award.findData(keep)))
        self.award.blockSignals(False)

    def _count(self) -> None:
        n = len(self.achievement.toPlainText())
        self.counter.setText(f"{thousands(n)}/{thousands(MAX_ACHIEVEMENT)} ký tự")

    def form_input(self) -> NominationInput:
        ref = self.picker.subject()
        return NominationInput(
            ref.key if ref else None, self.award.currentData() or "", self.round.year,
            self.period.text(), self.achievement.toPlainText(), self.unit.unit_id(),
            self.note.toPlainText(),
        )  # fmt: skip

    def _save(self) -> None:
        data = self.form_input()
        if self.checked(lambda: validate_nomination(data), {}):
            rounds, round_id = self.services.rounds, self.round.id
            item_id = self.item.id if self.item else None
            self.save_item(lambda d: rounds.add(round_id, d), rounds.update_item, item_id, data)


class FromGradesDialog(FormDialog):
    """Everyone graded well enough in a unit (and the units below) for one award: people for
    a person's award, the collectives for a collective's; `outcome` once added."""

    def __init__(self, services: AppServices, tasks: TaskRunner, round_: RoundItem,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("from_grades_dialog")
        self.setWindowTitle(f"Thêm từ kết quả xếp loại năm {round_.year}")
        self.round = round_
        self.outcome: AddResult | None = None
        self.award = award_combo()
        for c in services.rounds.award_choices(round_.id):
            if c.subject is not SubjectKind.HOUSEHOLD:  # households are not graded
                self.award.addItem(f"{c.label} – {c.subject.label.lower()}", c.code)
        self.unit = UnitCombo(services.registry.units(), all_label="Toàn xã")
        self.unit.setObjectName("unit")
        self.below = QCheckBox("Gồm cả các đơn vị trực thuộc")
        self.below.setObjectName("include_below")
        self.below.setChecked(True)
        self.grade = combo("grade", GRADE_CHOICES)
        hint = muted(QLabel(
            "Danh hiệu cho cá nhân: thêm những người được xếp loại như trên. Danh hiệu cho tập "
            "thể (như «Tập thể lao động tiên tiến»): thêm các tập thể được xếp loại như trên. "
            "Đối tượng đã có trong danh sách được bỏ qua."))  # fmt: skip
        hint.setMaximumWidth(em(self, 40))
        e, f = self.errors, self.form
        f.addRow("Đề &nghị:", e.wrap("award_code", self.award))
        f.addRow("Đơn &vị:", e.wrap("unit_id", self.unit))
        f.addRow("", self.below)
        f.addRow("&Xếp loại năm " + str(round_.year) + ":", self.grade)
        f.addRow(hint)
        self.finish("Thêm vào danh sách")

    def _save(self) -> None:
        rounds, rid = self.services.rounds, self.round.id
        code, unit = self.award.currentData() or "", self.unit.unit_id()
        below, grade = self.below.isChecked(), self.grade.currentData()
        self.run(lambda: rounds.add_from_grades(rid, code, unit, below, grade),
                 lambda result: setattr(self, "outcome", result))  # fmt: skip


class FromRegistrationsDialog(FormDialog):
    """The approved registrations of the year to a title, by title, movement and unit."""

    def __init__(self, services: AppServices, tasks: TaskRunner, round_: RoundItem,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("from_registrations_dialog")
        self.setWindowTitle(f"Thêm từ đăng ký thi đua năm {round_.year}")
        self.round = round_
        self.outcome: AddResult | None = None
        self.award = award_combo()
        self.award.addItem("Mọi danh hiệu đã đăng ký", "")
        for c in services.rounds.award_choices(round_.id):
            self.award.addItem(c.label, c.code)
        self.movement = long_texts(combo("movement", [("Mọi phong trào", None)]), 24, 44)
        for m in services.movements.choices(round_.year):
            self.movement.addItem(m.name, m.id)
        self.movement.setCurrentIndex(max(0, self.movement.findData(round_.movement_id)))
        self.unit = UnitCombo(services.registry.units(), all_label="Toàn xã")
        self.unit.setObjectName("unit")
        hint = muted(QLabel("Chỉ lấy các đăng ký danh hiệu đã được duyệt; đối tượng đã có trong "
                            "danh sách với cùng danh hiệu được bỏ qua."))  # fmt: skip
        hint.setMaximumWidth(em(self, 40))
        e, f = self.errors, self.form
        f.addRow("&Danh hiệu:", e.wrap("award_code", self.award))
        f.addRow("&Phong trào:", e.wrap("movement_id", self.movement))
        f.addRow("Đơn &vị:", e.wrap("unit_id", self.unit))
        f.addRow(hint)
        self.finish("Thêm vào danh sách")

    def _save(self) -> None:
        rounds, rid = self.services.rounds, self.round.id
        code, movement = self.award.currentData() or "", self.movement.currentData()
        unit = self.unit.unit_id()
        self.run(lambda: rounds.add_from_registrations(rid, code, movement, unit),
                 lambda result: setattr(self, "outcome", result))  # fmt: skip
