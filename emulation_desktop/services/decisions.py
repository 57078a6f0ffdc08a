"""Decisions, the award register (số sổ), proposals upward and higher levels' decisions.

`DecisionService` is the one door the screens use: it issues and corrects the commune's
decisions itself and hands proposals, packages and the award register to the services beside
it (`proposals`, `package`, `register`), whose methods it repeats under the names of the issue.

Documents (.docx) are the documents module's: `decision_list` returns the frozen data of a
Quyết định, `proposal_document` that of a Tờ trình.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from emulation_desktop.domain.decision_documents import DecisionDocument, ProposalDocument
from emulation_desktop.domain.decision_text import default_bases, default_summary, ordered
from emulation_desktop.domain.decisions import (
    CorrectionInput,
    DecisionDetail,
    DecisionInput,
    DecisionItem,
    DecisionPreview,
    NoticeState,
    Signer,
)
from emulation_desktop.domain.doc_numbers import document_number
from emulation_desktop.domain.enums import (
    DocType,
    NominationStatus,
    RoundKind,
    RoundStatus,
    SignVariant,
)
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.money import base_salary_on
from emulation_desktop.domain.proposals import (
    AnswerInput,
    HigherAwardInput,
    ProposalDetail,
    ProposalInput,
    ProposalItem,
)
from emulation_desktop.domain.workflow import check_move, require_status
from emulation_desktop.services import decision_issue, decision_read
from emulation_desktop.services.award_register import AwardRegisterService, RegisterLine
from emulation_desktop.services.decision_lines import (
    date_problem,
    load_round,
    meeting_day,
    notice_of,
    round_lines,
)
from emulation_desktop.services.doc_register import next_number
from emulation_desktop.services.profile import ProfileService, export_heading
from emulation_desktop.services.proposal_package import PackageWriter
from emulation_desktop.services.proposals import ProposalService, default_recipient
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.rules import RulesService
from emulation_desktop.spreadsheet.writer import Column, ColumnType, TableExport, write_xlsx
from emulation_desktop.store.award_models import MeetingRow, NominationRoundRow, NominationRow
from emulation_desktop.store.db import Database

DECISION_COLUMNS = (
    Column("Số sổ"), Column("Họ và tên, tên tập thể, hộ gia đình", width=32),
    Column("Đơn vị, địa chỉ"), Column("Danh hiệu, hình thức", width=36),
    Column("Thành tích", width=40), Column("Tiền thưởng (đồng)", ColumnType.MONEY),
    Column("Ghi chú", width=30),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RoundChoice:
    """A voted round with nominations still waiting for a decision or a proposal."""

    id: int
    name: str
    year: int
    kind: RoundKind
    status: RoundStatus
    held_on: dt.date | None
    waiting: int  # passed nominations with neither a decision nor a proposal
    notice: NoticeState

    @property
    def label(self) -> str:
        return f"{self.name} ({self.waiting} đề nghị chờ quyết định)"


class DecisionService:
    def __init__(
        self, db: Database, rules: RulesService, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        self._db = db
        self._rules = rules
        self._profile = ProfileService(db)
        self._today = today
        self.proposals = ProposalService(db, rules, today)
        self.package = PackageWriter(db, self.proposals)
        self.register = AwardRegisterService(db, rules)

    def today(self) -> dt.date:
        return self._today()

    # Choices for the dialogs ------------------------------------------------------------------

    def signers(self) -> list[Signer]:
        """The chairman signs himself; a vice-chairman signs "KT. CHỦ TỊCH" (from the profile)."""
        profile = self._profile.get()
        if profile is None:
            return []
        out = [Signer(profile.chairman, "Chủ tịch", SignVariant.DIRECT)] if profile.chairman else []
        out += [Signer(v, "Phó Chủ tịch", SignVariant.KT) for v in profile.vice_chairmen]
        return out

    def default_recipient(self) -> str:
        return default_recipient(self._profile.get())

    def ready_rounds(self) -> list[RoundChoice]:
        """Voted rounds (any year) with passed nominations waiting, newest first."""
        with self._db.session_scope() as s:
            waiting = func.count(NominationRow.id)
            rows = s.execute(
                select(NominationRoundRow, MeetingRow.held_on, waiting)
                .join(NominationRow, NominationRow.round_id == NominationRoundRow.id)
                .outerjoin(MeetingRow, MeetingRow.round_id == NominationRoundRow.id)
                .where(
                    NominationRoundRow.status == RoundStatus.VOTED,
                    NominationRow.status == NominationStatus.PASSED,
                )
                .group_by(NominationRoundRow.id, MeetingRow.held_on)
                .order_by(NominationRoundRow.year.desc(), NominationRoundRow.id.desc())
            ).all()
            return [RoundChoice(r.id, r.name, r.year, r.kind, r.status, held_on, n, notice_of(r))
                    for r, held_on, n in rows]  # fmt: skip

    def next_number(self, day: dt.date, series: DocType = DocType.DECISION) -> str:
        with self._db.session_scope() as s:
            return document_number(next_number(s, day.year, series), series.symbol)

    # The commune's decisions ------------------------------------------------------------------

    def preview(self, round_id: int, issued_on: dt.date) -> DecisionPreview:
        """What `issue` would write on `issued_on`; `problems` lists what it would refuse."""
        rules, salaries = self._rules.in_force(issued_on), self._rules.base_salaries()
        with self._db.session_scope() as s:
            rnd = load_round(s, round_id)
            require_status(rnd.status, RoundStatus.VOTED)
            held_on = meeting_day(s, round_id)
            found = round_lines(s, round_id, issued_on, rules, salaries)
            problems = [p for p in (date_problem(issued_on, held_on), *found.problems) if p]
            within = tuple(ordered(found.within))
            number = document_number(next_number(s, issued_on.year, DocType.DECISION),
                                     DocType.DECISION.symbol)  # fmt: skip
            return DecisionPreview(
                round_id, rnd.name, rnd.year, rnd.period, issued_on, held_on, number, rules.name,
                base_salary_on(issued_on, salaries), within,
                tuple(ordered(found.upward, own=False)), notice_of(rnd), tuple(problems),
                default_bases(issued_on, rules.code, rules.basis.text, rnd.kind, held_on),
                default_summary(within, rnd.period) if within else "",
            )  # fmt: skip

    def issue(self, round_id: int, data: DecisionInput) -> int:
        """One transaction: register number, decision, awards with số sổ, nominations decided,
        the round decided once nothing waits. Refused with a message, nothing saved."""
        day = data.issued_on or self._today()
        rules, salaries = self._rules.in_force(day), self._rules.base_salaries()
        profile = self._profile.get()
        with self._db.session_scope() as s:
            return decision_issue.issue(s, round_id, data, rules, salaries, profile)

    def correct(self, decision_id: int, data: CorrectionInput) -> int:
        """A correcting decision with its own number: revoked awards stay (marked), the
        replacements get new số sổ; the corrected decision is never edited."""
        day = data.issued_on or self._today()
        rules, salaries = self._rules.in_force(day), self._rules.base_salaries()
        profile = self._profile.get()
        with self._db.session_scope() as s:
            return decision_issue.correct(s, decision_id, data, rules, salaries, profile)

    def list(self, year: int) -> list[DecisionItem]:
        with self._db.session_scope() as s:
            return decision_read.decision_items(s, year)

    def detail(self, decision_id: int) -> DecisionDetail:
        versions = self._rules.all_rule_sets()
        with self._db.session_scope() as s:
            return decision_read.decision_detail(s, decision_id, versions)

    def decision_list(self, decision_id: int, ceremony: bool = True) -> DecisionDocument:
        """The frozen data of the Quyết định and its list, for the documents module."""
        versions = self._rules.all_rule_sets()
        profile = self._profile.get()
        with self._db.session_scope() as s:
            return decision_read.decision_document(s, decision_id, versions, profile, ceremony)

    def export_decision(self, path: Path, decision_id: int) -> int:
        """The decision's list as the ceremony reads it, to Excel (the rows written)."""
        detail = self.detail(decision_id)
        item = detail.item
        rows = (
            (ln.register_number, ln.subject.name, ln.subject.place, ln.award_name, ln.achievement,
             ln.paid if ln.amount is not None else None, ln.revoked_by and
             f"Đã được thay thế bởi Quyết định số {ln.revoked_by}")
            for ln in detail.lines
        )  # fmt: skip
        heading = [
            f"(Kèm theo Quyết định số {item.number} ngày {item.issued_on:%d/%m/%Y} của "
            f"{item.issuer})",
            *export_heading(self._profile.get(), self._today()),
        ]
        table = TableExport("DANH SÁCH KHEN THƯỞNG", DECISION_COLUMNS, rows, heading, "Danh sách")
        return write_xlsx(Path(path), [table])

    def mark_awarded(self, round_id: int) -> None:
        """After the ceremony: the decided round becomes "đã trao khen thưởng"."""
        with self._db.session_scope() as s:
            rnd = load_round(s, round_id)
            if rnd.status is RoundStatus.AWARDED:
                raise UserError(f"Đợt xét «{rnd.name}» đã được ghi là đã trao khen thưởng.")
            if rnd.status is RoundStatus.VOTED:
                raise UserError(
                    f"Đợt xét «{rnd.name}» còn đề nghị chưa có quyết định hoặc tờ trình. Hãy ra "
                    "quyết định hoặc lập tờ trình trình cấp trên cho các đề nghị đó trước."
                )
            check_move(rnd.status, RoundStatus.AWARDED)
            rnd.status = RoundStatus.AWARDED
            audit(s, "move", "nomination_round", rnd.id, status=RoundStatus.AWARDED.value)

    # Proposals upward -------------------------------------------------------------------------

    def create_proposal(self, round_id: int, data: ProposalInput) -> int:
        return self.proposals.create(round_id, data)

    def proposal_list(self, year: int) -> list[ProposalItem]:
        return self.proposals.list(year)

    def proposal_detail(self, proposal_id: int) -> ProposalDetail:
        return self.proposals.detail(proposal_id)

    def proposal_document(self, proposal_id: int) -> ProposalDocument:
        """The frozen data of the Tờ trình, for the documents module."""
        return self.proposals.document(proposal_id)

    def export_package(
        self,
        proposal_id: int,
        dest_dir: Path,
        attachments: Path,
        as_zip: bool = False,
    ) -> Path:
        """The folder (or zip) for the province: the tờ trình (.docx), the list (.xlsx), the
        dossier's files and a manifest with their SHA-256."""
        return self.package.export(proposal_id, dest_dir, attachments, as_zip)

    def last_export_folder(self) -> str:
        return self.package.last_folder()

    def mark_sent(self, proposal_id: int, sent_on: dt.date | None) -> None:
        self.proposals.mark_sent(proposal_id, sent_on)

    def record_answer(self, proposal_id: int, data: AnswerInput) -> int:
        return self.proposals.record_answer(proposal_id, data)

    # The award register -----------------------------------------------------------------------

    def record_higher_award(self, data: HigherAwardInput) -> int:
        return self.register.record_higher_award(data)

    def award_register(self, year: int, text: str = "") -> list[RegisterLine]:
        return self.register.lines(year, text)

    def export_award_register(self, path: Path, year: int, text: str = "") -> int:
        return self.register.export(path, year, text)
