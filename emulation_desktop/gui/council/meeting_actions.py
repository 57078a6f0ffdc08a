"""What the meeting tab does with its entries: the council's own decision on a line, Lưu (the
meeting and the counts in one write), Kết thúc cuộc họp (saving first when needed) and Mở lại
cuộc họp. A mixin of MeetingTab, kept apart so each file reads in one sitting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from emulation_desktop.domain.council_meeting import MeetingSheet
from emulation_desktop.domain.council_votes import TallyResult
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.council.decision_dialog import CouncilDecisionDialog
from emulation_desktop.gui.council.meeting_form import MeetingForm
from emulation_desktop.gui.council.tally_model import KEEP, TallyModel
from emulation_desktop.gui.council.tally_view import TallyTable
from emulation_desktop.gui.messages import confirm, show_error, show_info
from emulation_desktop.gui.tasks import TaskRunner

MEETING_STEP, TALLY_STEP = 0, 1


class MeetingActions:
    """Needs the attributes and loaders MeetingTab defines (declared here for the reader)."""

    services: AppServices
    tasks: TaskRunner
    on_changed: Callable[[], None]
    sheet: MeetingSheet | None
    result: TallyResult
    form: MeetingForm
    model: TallyModel
    table: TallyTable
    steps: QTabWidget
    save_button: QWidget

    def form_dirty(self) -> bool:
        raise NotImplementedError

    def _load(self, round_id: int, then: Callable[[], None] | None = None) -> None:
        raise NotImplementedError

    def _reload_now(self) -> None:
        raise NotImplementedError

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    # The council's decision -----------------------------------------------------------------------

    def decide(self) -> None:
        row = self.table.current_row()
        if self.model.read_only or row < 0:
            return
        votes, choice, reason = self.model.value(row)
        dialog = CouncilDecisionDialog(
            self.model.candidate(row),
            self.model.outcome(row),
            votes,
            choice,
            reason,
            self._widget(),
        )
        if dialog.exec():
            self.model.apply({row: (KEEP, dialog.choice, dialog.reason)})

    # Saving ---------------------------------------------------------------------------------------

    def _work(self) -> Callable[[], object]:
        sheet = self.sheet
        assert sheet is not None
        rid, data, changes = sheet.round.id, self.form.value(), self.model.changes()
        service = self.services.council
        if sheet.meeting is None or self.form_dirty():
            return lambda: service.save(rid, data, changes)
        return lambda: service.save_tally(rid, changes)

    def save(self) -> None:
        if self.sheet is not None and self.sheet.editable and self.save_button.isEnabled():
            self._submit_save()

    def _submit_save(self, then: Callable[[], None] | None = None) -> None:
        if (problem := self.form.held_on.error()) or self.sheet is None:
            self.steps.setCurrentIndex(MEETING_STEP)
            self.form.errors.show({"held_on": problem})
            return
        rid = self.sheet.round.id

        def saved(_result: object) -> None:
            self.on_changed()
            self._load(rid, then)

        self.tasks.submit(
            self._work(), saved, self._refused, progress="Đang lưu…", parent=self._widget()
        )

    def _refused(self, exc: UserError) -> None:
        if isinstance(exc, ValidationError):
            fields = exc.field_errors
            rows = {k: v for k, v in fields.items() if k.isdigit()}
            if rows:
                self.steps.setCurrentIndex(TALLY_STEP)
                self.table.go_to(self.model.mark_errors(rows))
            else:
                self.steps.setCurrentIndex(MEETING_STEP)
                self.form.errors.show(fields)
        show_error(self._widget(), exc.message)

    def close_meeting(self) -> None:
        sheet = self.sheet
        if sheet is None or not sheet.editable:
            return
        missing, ties = self.result.waiting()
        if missing or ties:  # say what is left before asking anything
            left = []
            if missing:
                left.append(f"{missing} đề nghị chưa nhập số phiếu")
            if ties:
                left.append(f"{ties} trường hợp bằng phiếu Hội đồng chưa chọn")
            self.steps.setCurrentIndex(TALLY_STEP)
            show_error(self._widget(), "Chưa kết thúc được cuộc họp: còn " + " và ".join(left)
                       + ". Hãy nhập đủ rồi bấm «Kết thúc cuộc họp».")  # fmt: skip
            return
        passed = self.result.passed_count()
        question = (
            f"Kết thúc cuộc họp xét «{sheet.round.name}»? Kết quả bỏ phiếu được chốt vào biên "
            f"bản: {passed} đạt, {len(sheet.candidates) - passed} không đạt. Sau khi kết thúc "
            "không sửa được kết quả, trừ khi mở lại cuộc họp."
        )
        if not confirm(self._widget(), question, "Kết thúc cuộc họp"):
            return
        rid = sheet.round.id

        def close() -> None:
            self.tasks.submit(
                lambda: self.services.council.close(rid),
                self._closed,
                self._failed,
                parent=self._widget(),
            )

        if self.form_dirty() or self.model.is_dirty():
            self._submit_save(close)
        else:
            close()

    def _closed(self, minutes: object) -> None:
        self.on_changed()
        name = self.sheet.round.name if self.sheet else ""
        show_info(
            self._widget(),
            f"Đã kết thúc cuộc họp xét «{name}». Kết quả đã chốt vào biên bản; bước "
            "tiếp theo: ra quyết định khen thưởng ở mục Quyết định.",
        )
        self._reload_now()

    def reopen(self) -> None:
        sheet = self.sheet
        if sheet is None or not sheet.closed:
            return
        question = (
            f"Mở lại cuộc họp xét «{sheet.round.name}»? Biên bản đã chốt bị hủy; các đề nghị trở "
            "về trạng thái «Đề nghị» để sửa kết quả rồi kết thúc cuộc họp lại."
        )
        if not confirm(self._widget(), question, "Mở lại cuộc họp"):
            return
        rid = sheet.round.id

        def done(_r: object) -> None:
            self.on_changed()
            self._reload_now()

        self.tasks.submit(
            lambda: self.services.council.reopen(rid), done, self._failed, parent=self._widget()
        )

    def _failed(self, exc: UserError) -> None:
        show_error(self._widget(), exc.message)
