"""Nomination rounds (đợt xét khen thưởng): the year's rounds, their lists (services.round_items),
the eligibility verdict of every đề nghị (services.round_verdicts), the dossier
(services.round_dossier, as `RoundService.dossier`), the public notice, and the first steps of
the flow: drawing up the list (DRAFT) and submitting it to the council (SUBMITTED), or taking it
back while the council has not met.

The awards a list may hold are those of the rules in force on the day the dossier was received
(`received_on`), or at the end of the round's year while that day is not known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import (
    Grade,
    NominationStatus,
    RoundKind,
    RoundStatus,
    SubjectKind,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.movements import phase_title
from emulation_desktop.domain.nomination_dossier import DossierView, uses_initiative
from emulation_desktop.domain.nominations import (
    AddResult,
    AwardChoice,
    NominationInput,
    NominationItem,
    NoticeInput,
    RoundInput,
    RoundItem,
    award_choices,
    named_list,
    validate_nomination,
    validate_notice,
    validate_round,
)
from emulation_desktop.domain.text import nfc
from emulation_desktop.domain.workflow import check_move, require_status
from emulation_desktop.services import round_items as items_
from emulation_desktop.services.decision_issue import close_round_if_done
from emulation_desktop.services.dossier import (
    add_round_papers,
    remove_files,
    stored_files,
    sync_notice_paper,
)
from emulation_desktop.services.eligibility import EligibilityService
from emulation_desktop.services.movement_choices import chosen_movement
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.round_dossier import RoundDossier
from emulation_desktop.services.round_export import write_round
from emulation_desktop.services.round_items import Catalog, require_draft
from emulation_desktop.services.round_read import (
    ITEM_GONE,
    has_meeting,
    list_rows,
    nomination_items,
    round_items,
    round_row,
)
from emulation_desktop.services.round_verdicts import ItemVerdict, item_verdicts
from emulation_desktop.services.rules import RulesService
from emulation_desktop.services.subjects import row_subject_key, subject_refs
from emulation_desktop.store.award_models import (
    DecisionRow,
    MeetingRow,
    NominationRoundRow,
    NominationRow,
    ProposalRow,
    TallyRow,
)
from emulation_desktop.store.cycle_models import MovementPhaseRow
from emulation_desktop.store.db import Database

# The notice runs beside the council's work: it may be set until the decision.
NOTICE_STEPS = (RoundStatus.DRAFT, RoundStatus.SUBMITTED, RoundStatus.VOTED)


@dataclass(frozen=True, slots=True)
class RoundWorkspace:
    """Everything the round's screen shows, read in one go: the round, its list, the
    verdicts (nomination id → verdict) and the dossier. Also the data of the list documents
    (văn bản đề nghị kèm danh sách, thông báo công khai)."""

    round: RoundItem
    items: tuple[NominationItem, ...]
    verdicts: dict[int, ItemVerdict] = field(default_factory=dict)
    dossier: DossierView | None = None


class RoundService:
    def __init__(self, db: Database, rules: RulesService, eligibility: EligibilityService,
                 attachments: Path) -> None:  # fmt: skip
        self._db = db
        self._rules = rules
        self._eligibility = eligibility
        self._attachments = attachments
        self._today: Callable[[], dt.date] = dt.date.today
        self.dossier = RoundDossier(db, attachments)

    # Reading ----------------------------------------------------------------------------------

    def rounds(self, year: int) -> list[RoundItem]:
        """The year's rounds, newest first."""
        with self._db.session_scope() as s:
            rows = s.scalars(select(NominationRoundRow).where(NominationRoundRow.year == year)
                             .order_by(NominationRoundRow.id.desc())).all()  # fmt: skip
            return round_items(s, rows)

    def get(self, round_id: int) -> RoundItem:
        with self._db.session_scope() as s:
            return round_items(s, [round_row(s, round_id)])[0]

    def items(self, round_id: int) -> list[NominationItem]:
        """The list in its order (withdrawn lines included, with their status)."""
        with self._db.session_scope() as s:
            year = round_row(s, round_id).year
        names = self._rules.award_names(year)
        with self._db.session_scope() as s:
            return nomination_items(s, list_rows(s, round_id), names)

    def verdicts(self, round_id: int) -> dict[int, ItemVerdict]:
        """nomination id → eligibility verdict, computed now (one check per award and year)."""
        return item_verdicts(self._eligibility, self.items(round_id))

    def workspace(self, round_id: int) -> RoundWorkspace:
        items = self.items(round_id)
        verdicts = item_verdicts(self._eligibility, items)
        return RoundWorkspace(self.get(round_id), tuple(items), verdicts,
                              self.dossier.view(round_id))  # fmt: skip

    def award_choices(self, round_id: int, kind: SubjectKind | None = None) -> list[AwardChoice]:
        """The awards a đề nghị of the round may ask for (for `kind` of subject)."""
        catalog = self._catalog(round_id)
        return award_choices(list(catalog.awards.values()), kind)

    # Rounds -----------------------------------------------------------------------------------

    def create(self, data: RoundInput) -> int:
        with self._db.session_scope() as s:
            clean = self._clean(s, data)
            row = NominationRoundRow(status=RoundStatus.DRAFT, notice_days=10)
            _fill(row, clean)
            row.year = clean.year
            s.add(row)
            s.flush()
            add_round_papers(s, row.id, clean.needs_notice or False)
            audit(s, "create", "nomination_round", row.id, name=row.name, kind=row.kind.value,
                  year=row.year)  # fmt: skip
            return row.id

    def update(self, round_id: int, data: RoundInput) -> None:
        """Change the round while its list is drawn up; đề nghị that kept the round's period
        follow a new one."""
        with self._db.session_scope() as s:
            row = round_row(s, round_id)
            require_draft(row)
            clean = self._clean(s, replace(data, year=row.year))
            old_period = row.period
            _fill(row, clean)
            if row.period != old_period:
                for n in list_rows(s, row.id):
                    if n.period == old_period:
                        n.period = row.period
            sync_notice_paper(s, row.id, row.needs_notice)
            audit(s, "update", "nomination_round", row.id, name=row.name)

    def delete(self, round_id: int) -> None:
        """Only a round still drawn up, with no council meeting, can be deleted."""
        with self._db.session_scope() as s:
            row = round_row(s, round_id)
            if row.status is not RoundStatus.DRAFT or has_meeting(s, row.id):
                raise UserError(
                    f"Đợt xét «{row.name}» đã trình Hội đồng nên không xóa được; chỉ xóa được "
                    "đợt đang lập danh sách và chưa có cuộc họp xét."
                )
            files = stored_files(s, row.id)
            audit(s, "delete", "nomination_round", row.id, name=row.name, year=row.year,
                  items=len(list_rows(s, row.id)))  # fmt: skip
            s.delete(row)
        remove_files(self._attachments, files)

    def set_notice(self, round_id: int, data: NoticeInput) -> None:
        """The public notice: first day, days, notice document (until the decision)."""
        with self._db.session_scope() as s:
            row = round_row(s, round_id)
            require_status(row.status, *NOTICE_STEPS)
            if not row.needs_notice:
                raise UserError(f"Đợt xét «{row.name}» không công khai danh sách; nếu cần, hãy "
                                "sửa đợt xét và chọn «Công khai danh sách».")  # fmt: skip
            clean = validate_notice(data, row.year)
            row.notice_start, row.notice_days = clean.start, clean.days
            row.notice_document = clean.document
            audit(s, "notice", "nomination_round", row.id,
                  start=str(clean.start) if clean.start else None, days=clean.days)  # fmt: skip

    # Steps ------------------------------------------------------------------------------------

    def submit(self, round_id: int) -> None:
        """Lập danh sách → Trình Hội đồng: refused for an empty list, a subject no longer
        followed, an award the rules no longer have (every one named)."""
        catalog = self._catalog(round_id)
        with self._db.session_scope() as s:
            row = round_row(s, round_id)
            check_move(row.status, RoundStatus.SUBMITTED)
            live = [n for n in list_rows(s, row.id) if n.status is not NominationStatus.WITHDRAWN]
            if not live:
                raise UserError(f"Danh sách đề nghị của đợt «{row.name}» đang trống; hãy thêm "
                                "đề nghị trước khi trình Hội đồng.")  # fmt: skip
            refs = subject_refs(s, [row_subject_key(n) for n in live])
            gone, stale = [], []
            for n in live:
                ref = refs.get(row_subject_key(n))
                if ref is None or not ref.active:
                    gone.append(ref.name if ref else f"mã {n.subject_id}")
                elif items_.subject_problem(ref, n.award_code, catalog):
                    stale.append(f"{ref.name} ({n.award_code})")
            problems = []
            if gone:
                problems.append(f"{named_list(gone)} đã ngừng theo dõi hoặc bị xóa")
            if stale:
                problems.append(f"{named_list(stale)} đề nghị danh hiệu, hình thức không còn "
                                f"trong bộ quy định «{catalog.rules_name}»")  # fmt: skip
            if problems:
                raise UserError("Chưa trình được Hội đồng: " + "; ".join(problems)
                                + ". Hãy xóa hoặc sửa các đề nghị đó rồi trình lại.")  # fmt: skip
            row.status = RoundStatus.SUBMITTED
            audit(s, "submit", "nomination_round", row.id, items=len(live))

    def back_to_draft(self, round_id: int) -> None:
        """Trình Hội đồng → Lập danh sách, while no vote has been counted (a meeting with only
        its date and roll call is removed with the step back)."""
        with self._db.session_scope() as s:
            row = round_row(s, round_id)
            check_move(row.status, RoundStatus.DRAFT)
            meeting = s.scalar(select(MeetingRow).where(MeetingRow.round_id == row.id))
            if meeting is not None:
                counted = s.scalar(select(TallyRow.id).where(TallyRow.meeting_id == meeting.id)
                                   .limit(1))  # fmt: skip
                if counted is not None:
                    raise UserError(f"Hội đồng đã nhập kết quả bỏ phiếu của đợt «{row.name}» nên "
                                    "không trả về lập danh sách được.")  # fmt: skip
                # Only the meeting's date and roll call were typed: they go with the step back.
                audit(s, "delete", "meeting", meeting.id, round_id=row.id)
                s.delete(meeting)
            row.status = RoundStatus.DRAFT
            audit(s, "back_to_draft", "nomination_round", row.id)

    # The list ---------------------------------------------------------------------------------

    def add_from_registrations(
        self, round_id: int, award_code: str = "", movement_id: int | None = None,
        unit_id: int | None = None,
    ) -> AddResult:  # fmt: skip
        """Approved registrations of the year to a title (filtered by award, movement, unit)."""
        catalog = self._catalog(round_id)
        with self._db.session_scope() as s:
            row = round_row(s, round_id)
            require_draft(row)
            found = items_.from_registrations(s, row, award_code, movement_id, unit_id)
            return self._added(s, row, found, catalog, "registration")

    def add_from_grades(
        self, round_id: int, award_code: str, unit_id: int | None = None,
        include_below: bool = True, at_least: Grade = Grade.GOOD,
    ) -> AddResult:  # fmt: skip
        """Everyone graded `at_least` in the year within the unit (people or collectives, as
        the award is for)."""
        catalog = self._catalog(round_id)
        award = catalog.awards.get(award_code)
        if award is None:
            raise ValidationError({"award_code": "Hãy chọn danh hiệu, hình thức khen thưởng."})
        with self._db.session_scope() as s:
            row = round_row(s, round_id)
            require_draft(row)
            found = items_.from_grades(s, row, award, unit_id, include_below, at_least)
            return self._added(s, row, found, catalog, "evaluation")

    def add(self, round_id: int, data: NominationInput) -> int:
        """One subject, chosen by name."""
        clean = validate_nomination(data)
        catalog = self._catalog(round_id)
        with self._db.session_scope() as s:
            row = round_row(s, round_id)
            require_draft(row)
            new_id = items_.add_one(s, row, clean, catalog)
            audit(s, "add", "nomination", new_id, round_id=row.id, award=clean.award_code)
            return new_id

    def update_item(self, nomination_id: int, data: NominationInput) -> None:
        clean = validate_nomination(data)
        round_id = self._round_of(nomination_id)
        catalog = self._catalog(round_id)
        with self._db.session_scope() as s:
            row = round_row(s, round_id)
            require_draft(row)
            item = _item_row(s, nomination_id)
            ref = items_.update_one(s, row, item, clean, catalog)
            audit(s, "update", "nomination", item.id, subject=ref.label, award=item.award_code)

    def remove_items(self, nomination_ids: Sequence[int]) -> int:
        """Delete đề nghị from a list still drawn up (with their dossier papers and files).

        Deleted, not withdrawn: nothing official has happened to a draft line, and the audit
        log keeps what was removed; «Rút khỏi danh sách» is for lines the council has seen.
        """
        ids = sorted(set(nomination_ids))
        if not ids:
            return 0
        with self._db.session_scope() as s:
            rows = s.scalars(select(NominationRow).where(NominationRow.id.in_(ids))).all()
            if len(rows) != len(ids):
                raise UserError(ITEM_GONE)
            round_ids = {r.round_id for r in rows}
            if len(round_ids) != 1:
                raise UserError("Chỉ xóa được các đề nghị của cùng một đợt xét.")
            r = round_row(s, round_ids.pop())
            require_draft(r)
            files = stored_files(s, r.id, ids)
            refs = subject_refs(s, [row_subject_key(x) for x in rows])
            audit(s, "delete", "nomination", None, round_id=r.id, ids=ids, subjects=[
                refs[k].name for x in rows if (k := row_subject_key(x)) in refs])  # fmt: skip
            for x in rows:
                s.delete(x)
        remove_files(self._attachments, files)
        return len(ids)

    def withdraw(self, nomination_ids: Sequence[int], reason: str) -> int:
        """Rút khỏi danh sách: after the council's vote, lines that will get neither a decision
        nor a proposal (a subject no longer followed, a mistake found late), with the reason
        kept in the audit log and the line's note. The round then goes on to its decision."""
        text = nfc(reason or "").strip()
        if len(text) < 10:
            why = "Hãy ghi lý do rút đề nghị (ít nhất 10 ký tự): lý do được lưu vào hồ sơ đợt xét."
            raise ValidationError({"reason": why})
        ids = sorted(set(nomination_ids))
        if not ids:
            return 0
        with self._db.session_scope() as s:
            rows = s.scalars(select(NominationRow).where(NominationRow.id.in_(ids))).all()
            if len(rows) != len(ids) or len({r.round_id for r in rows}) != 1:
                raise UserError(ITEM_GONE)
            rnd = round_row(s, rows[0].round_id)
            require_status(rnd.status, RoundStatus.VOTED)
            done = [r for r in rows if r.decision_id is not None or r.proposal_id is not None]
            if done:
                raise UserError("Đề nghị đã có quyết định hoặc tờ trình thì không rút được; nếu có "
                                "sai sót, hãy ra quyết định đính chính.")  # fmt: skip
            for r in rows:
                r.status = NominationStatus.WITHDRAWN
                r.note = f"{r.note}\nRút khỏi danh sách: {text}".strip()
            refs = subject_refs(s, [row_subject_key(x) for x in rows])
            names = [refs[k].name for x in rows if (k := row_subject_key(x)) in refs]
            audit(s, "withdraw", "nomination", None, round_id=rnd.id, ids=ids, reason=text,
                  subjects=names)  # fmt: skip
            s.flush()
            if has_outcome(s, rnd.id):
                close_round_if_done(s, rnd)
        return len(ids)

    # Excel ------------------------------------------------------------------------------------

    def export(self, path: Path, round_id: int) -> int:
        """The list with each đề nghị's verdict and its reason, in list order."""
        ws = self.workspace(round_id)
        return write_round(self._db, Path(path), ws.round, ws.items, ws.verdicts, self._today())

    # Helpers ----------------------------------------------------------------------------------

    def _catalog(self, round_id: int) -> Catalog:
        with self._db.session_scope() as s:
            row = round_row(s, round_id)
            day = row.received_on or dt.date(row.year, 12, 31)
        rules = self._rules.in_force(day)
        initiative = frozenset(a.code for a in rules.awards
                               if uses_initiative(rules.criteria_of(a.code)))  # fmt: skip
        return Catalog(rules.name, {a.code: a for a in rules.awards}, initiative)

    def _round_of(self, nomination_id: int) -> int:
        with self._db.session_scope() as s:
            return _item_row(s, nomination_id).round_id

    def _clean(self, s: Session, data: RoundInput) -> RoundInput:
        """The form's checks with the movement's and phase's names for the default name."""
        phased = RoundKind(data.kind) is RoundKind.MOVEMENT and data.movement_id is not None
        movement = chosen_movement(s, data.movement_id, data.year) if phased else None
        phase = None
        if movement is not None and data.phase_id is not None:
            phase = s.get(MovementPhaseRow, data.phase_id)
            if phase is None or phase.movement_id != movement.id:
                raise ValidationError({"phase_id": "Đợt thi đua đã chọn không thuộc phong trào "
                                                   "này; hãy chọn lại."})  # fmt: skip
        return validate_round(data, movement.name if movement else "",
                              phase_title(phase.number, phase.name) if phase else "")  # fmt: skip

    def _added(
        self, s: Session, row: NominationRoundRow, found: list[items_.Candidate],
        catalog: Catalog, source: str,
    ) -> AddResult:  # fmt: skip
        result, ids = items_.add_candidates(s, row, found, catalog)
        if ids:
            audit(s, "add", "nomination", None, round_id=row.id, source=source, ids=ids)
        return result


def _fill(row: NominationRoundRow, clean: RoundInput) -> None:
    row.kind, row.name, row.period = clean.kind, clean.name, clean.period
    row.movement_id, row.phase_id = clean.movement_id, clean.phase_id
    row.received_on, row.needs_notice = clean.received_on, bool(clean.needs_notice)
    row.note = clean.note


def _item_row(s: Session, nomination_id: int) -> NominationRow:
    row = s.get(NominationRow, nomination_id)
    if row is None:
        raise UserError(ITEM_GONE)
    return row


def has_outcome(s: Session, round_id: int) -> bool:
    """The round already has its decision or its proposal upward."""
    return any(
        s.scalar(select(table.id).where(table.round_id == round_id).limit(1)) is not None
        for table in (DecisionRow, ProposalRow)
    )
