"""Họp xét, bỏ phiếu: the council meeting of a round submitted to it, in two steps (the meeting
and its roll call; the tally), with the quorum and every result recomputed as the officer types.

Lưu (Ctrl+S) writes the meeting and every count at once; Kết thúc cuộc họp freezes the minutes
and moves the round to «Hội đồng đã xét»; Mở lại cuộc họp undoes that while nothing was decided.
Leaving with unsaved changes asks first, as the grade grid does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.council_meeting import (
    MeetingSheet,
    RoundChoice,
    VoteContext,
    meeting_awards,
    meeting_quorum,
    tally,
)
from emulation_desktop.domain.council_votes import TallyResult
from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.council.meeting_actions import (
    MEETING_STEP,
    TALLY_STEP,
    MeetingActions,
)
from emulation_desktop.gui.council.meeting_form import MeetingForm
from emulation_desktop.gui.council.meeting_text import banner_text, summary_html, thresholds_html
from emulation_desktop.gui.council.tally_model import TallyModel
from emulation_desktop.gui.council.tally_view import TALLY_HINT, TallyTable
from emulation_desktop.gui.documents.button import DocumentButton
from emulation_desktop.gui.documents.maker import DocumentMaker
from emulation_desktop.gui.evaluations.unsaved import UnsavedGuard
from emulation_desktop.gui.messages import show_error
from emulation_desktop.gui.pages.tabbed import SectionTab
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, empty_page, long_texts, muted

_BANNER_STYLE = (
    "QLabel { background-color: #fff4e0; color: #5a3b00; border: 1px solid #e0b060;"
    " border-radius: 3px; padding: 6px; }"
)


class MeetingTab(SectionTab, UnsavedGuard, MeetingActions):
    title = "Họp xét, bỏ phiếu"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, tasks, on_changed, parent)
        self.setObjectName("meeting_tab")
        self.sheet: MeetingSheet | None = None
        self.context: VoteContext | None = None
        self.result = TallyResult({}, ())
        self._saved_form = None  # the form's value as loaded: what "unsaved" compares with
        self._shown_round: int | None = None

        self.rounds = long_texts(QComboBox(), 28, 60)
        self.rounds.setObjectName("round_choice")
        self.banner = QLabel()
        self.banner.setObjectName("meeting_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(_BANNER_STYLE)

        self.form = MeetingForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.model = TallyModel()
        self.table = TallyTable()
        self.table.setModel(self.model)
        self.thresholds = QLabel()
        self.thresholds.setObjectName("thresholds")
        self.thresholds.setWordWrap(True)
        self.hint = muted(QLabel(TALLY_HINT))
        self.hint.setObjectName("tally_hint")
        tally_page = QWidget()
        tally_layout = QVBoxLayout(tally_page)
        tally_layout.setContentsMargins(4, 4, 4, 4)
        tally_layout.addWidget(self.thresholds)
        tally_layout.addWidget(self.table, 1)
        tally_layout.addWidget(self.hint)
        self.steps = QTabWidget()
        self.steps.setObjectName("meeting_steps")
        self.steps.addTab(scroll, "1. Cuộc họp, điểm danh")
        self.steps.addTab(tally_page, "2. Kiểm phiếu")

        self.summary = QLabel()
        self.summary.setObjectName("meeting_summary")
        self.summary.setWordWrap(True)
        self.save_button = button(
            "Lưu", self.save, "save_meeting", "Lưu cuộc họp và số phiếu (Ctrl+S)"
        )
        self.revert_button = button(
            "Hủy thay đổi",
            self.revert,
            "revert_meeting",
            "Bỏ mọi thay đổi chưa lưu (Ctrl+Z: bỏ từng bước)",
        )
        self.decide_button = button(
            "Hội đồng quyết định…",
            self.decide,
            "decide_button",
            "Hội đồng quyết định khác kết quả tính, hoặc chọn trong các "
            "trường hợp bằng phiếu (cần ghi lý do)",
        )
        self.close_button = button(
            "Kết thúc cuộc họp",
            self.close_meeting,
            "close_meeting",
            "Chốt kết quả vào biên bản; đợt xét chuyển sang «Hội đồng đã xét»",
        )
        self.reopen_button = button("Mở lại cuộc họp", self.reopen, "reopen_meeting")
        buttons = QHBoxLayout()
        for b in (self.save_button, self.revert_button, self.decide_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reopen_button)
        self.reopen_button.hide()  # one of the two, as the meeting stands

        work = QWidget()
        work_layout = QVBoxLayout(work)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.addWidget(self.banner)
        work_layout.addWidget(self.steps, 1)
        work_layout.addWidget(self.summary)
        work_layout.addLayout(buttons)
        self.empty = QLabel()
        self.empty.setObjectName("empty_state")
        self.stack = QStackedWidget()
        self.stack.addWidget(work)
        self.stack.addWidget(empty_page(self.empty))

        top = QHBoxLayout()
        top.addWidget(QLabel("Đợt xét:"))
        top.addWidget(self.rounds, 1)
        self.documents = DocumentButton(DocumentMaker(self, services, tasks))
        for text, kind, name in (
            ("Giấy mời họp…", DocumentKind.INVITATION, "invitation_document"),
            ("Phiếu bầu…", DocumentKind.BALLOT, "ballot_document"),
            ("Biên bản…", DocumentKind.MINUTES, "minutes_document"),
        ):
            self.documents.add(text, kind, lambda: self._shown_round, name)
        top.addWidget(self.documents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        self.rounds.currentIndexChanged.connect(lambda _i: self._round_chosen())
        self.form.changed.connect(self._recompute)
        self.form.day_changed.connect(self._day_changed)
        self.model.edited.connect(self._recompute)
        self.model.refused.connect(lambda text: show_error(self, text))
        self.table.paste_requested.connect(self.paste)
        self.table.undo_requested.connect(self.undo)
        self.table.copy_requested.connect(self.copy)
        self.table.decide_requested.connect(self.decide)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self._show_rounds([])

    # SectionTab -------------------------------------------------------------------------------

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.settle_now()
        super().set_year(year)

    def reload(self) -> None:
        self.leave_then(self._reload_now)

    def add(self) -> None:
        self.steps.setCurrentIndex(TALLY_STEP)
        self.table.setFocus()
        self.table.go_to(max(0, self.table.current_row()))

    def focus_search(self) -> None:
        self.rounds.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.guard_hide(event)

    # UnsavedGuard -----------------------------------------------------------------------------

    def form_dirty(self) -> bool:
        return (
            self.sheet is not None
            and self.sheet.editable
            and (self.form.value() != self._saved_form)
        )

    def unsaved_question(self) -> str | None:
        if self.sheet is None or not (self.form_dirty() or self.model.is_dirty()):
            return None
        what = []
        if self.form_dirty():
            what.append("thông tin cuộc họp, điểm danh")
        if self.model.is_dirty():
            what.append(f"{self.model.pending_count()} dòng kiểm phiếu")
        return (
            f"Có thay đổi chưa lưu ({', '.join(what)}) của cuộc họp xét "
            f"«{self.sheet.round.name}». Lưu trước khi rời đi?"
        )

    def discard_unsaved(self) -> None:
        if self.sheet is not None:
            self._show_sheet(self.sheet)

    def save_unsaved(self, then: Callable[[], None] | None = None) -> None:
        self._submit_save(then)

    def save_unsaved_now(self) -> bool:
        # The window is closing: this one save runs here so its outcome is known before it goes.
        try:
            self._work()()
        except UserError as exc:
            self._refused(exc)
            return False
        self.on_changed()
        return True

    # Loading ----------------------------------------------------------------------------------

    def _reload_now(self) -> None:
        year = self.year
        self.tasks.submit(
            lambda: self.services.council.rounds_for_vote(year), self._show_rounds, parent=self
        )

    def _show_rounds(self, rounds: list[RoundChoice]) -> None:
        keep = self._shown_round
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for r in rounds:
            self.rounds.addItem(r.label, r.id)
            self.rounds.setItemData(self.rounds.count() - 1, r.label, Qt.ItemDataRole.ToolTipRole)
        index = self.rounds.findData(keep) if keep is not None else -1
        if index < 0 and rounds:  # the first still waiting for the council, else the last
            waiting = [i for i, r in enumerate(rounds) if r.status.step == 2]
            index = waiting[0] if waiting else len(rounds) - 1
        self.rounds.setCurrentIndex(index)
        self.rounds.blockSignals(False)
        self.rounds.setEnabled(bool(rounds))
        if not rounds:
            self.sheet, self._shown_round = None, None
            self.documents.refresh()
            self.empty.setText(
                f"Chưa có đợt xét nào đã trình Hội đồng trong năm {self.year}. Lập danh sách và "
                "bấm «Trình Hội đồng» ở mục Đề nghị khen thưởng."
            )
            self.stack.setCurrentIndex(1)
            return
        self._load(self.rounds.currentData())

    def _round_chosen(self) -> None:
        target, shown = self.rounds.currentData(), self._shown_round

        def stay() -> None:
            self.rounds.blockSignals(True)
            self.rounds.setCurrentIndex(self.rounds.findData(shown))
            self.rounds.blockSignals(False)

        if target is not None and target != shown:
            self.leave_then(lambda: self._load(target), on_stay=stay)

    def _load(self, round_id: int, then: Callable[[], None] | None = None) -> None:
        def shown(sheet: MeetingSheet) -> None:
            self._show_sheet(sheet)
            if then is not None:
                then()

        self.tasks.submit(lambda: self.services.council.sheet(round_id), shown, parent=self)

    def _show_sheet(self, sheet: MeetingSheet) -> None:
        same = self._shown_round == sheet.round.id
        self.sheet, self.context, self._shown_round = sheet, sheet.context, sheet.round.id
        self.form.load(sheet)
        self.form.set_read_only(not sheet.editable)
        self._saved_form = self.form.value()
        row = self.table.current_row()
        self.model.set_candidates(sheet.candidates, read_only=not sheet.editable)
        self.stack.setCurrentIndex(0)
        if not same:
            self.steps.setCurrentIndex(MEETING_STEP if sheet.meeting is None else TALLY_STEP)
        self.table.go_to(row if same and row >= 0 else 0)
        self._recompute()
        self.table.columns.refit()  # the results' texts are known only now
        self.documents.refresh()

    def _day_changed(self) -> None:
        day, sheet = self.form.held_on.date(), self.sheet
        if day is None or sheet is None or not sheet.editable:
            return
        rid = sheet.round.id
        self.tasks.submit(
            lambda: self.services.council.vote_context(rid, day), self._new_context, parent=self
        )

    def _new_context(self, context: VoteContext) -> None:
        """Another day may bring another composition and other rules: a new roll call."""
        self.context = context
        new = context.council.id if context.council else None
        if new != (self.form.council.id if self.form.council else None):
            self.form.set_council(context.council)
        self._recompute()

    # Live results ------------------------------------------------------------------------------

    def _recompute(self) -> None:
        sheet, context = self.sheet, self.context
        if sheet is None or context is None:
            return
        attendance = self.form.attendance()
        awards = meeting_awards(context, attendance)
        q = meeting_quorum(context, attendance)
        self.result = tally(context, attendance, self.model.votes())
        self.model.set_result(self.result, awards, q.present, self.form.ballots()[1])
        self.thresholds.setText(thresholds_html(awards, self.result))
        unsaved = self.model.pending_count() + (1 if self.form_dirty() else 0)
        self.summary.setText(summary_html(q, self.result, len(sheet.candidates), unsaved))
        banner = context.problem or banner_text(sheet, self.result)
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        editable = sheet.editable
        dirty = self.form_dirty() or self.model.is_dirty()
        self.save_button.setEnabled(editable and (dirty or sheet.meeting is None))
        self.revert_button.setEnabled(editable and dirty)
        self.decide_button.setEnabled(editable and bool(sheet.candidates))
        self.close_button.setVisible(not sheet.closed)
        self.close_button.setEnabled(editable and not context.problem)
        self.reopen_button.setVisible(sheet.closed)

    # Editing ----------------------------------------------------------------------------------

    def paste(self, text: str | None = None) -> None:
        if self.model.read_only:
            return
        text = QGuiApplication.clipboard().text() if text is None else text
        try:
            self.hint.setText(self.model.paste(text, max(0, self.table.current_row())))
        except ValueError as exc:
            show_error(self, str(exc))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.model.copy_text(self.table.selected_rows()))

    def undo(self) -> None:
        self.model.undo()

    def revert(self) -> None:
        self.discard_unsaved()
