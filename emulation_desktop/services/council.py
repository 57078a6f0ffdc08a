"""The council (Hội đồng Thi đua – Khen thưởng): compositions, the meeting of each round, its
roll call, the tally of votes, and the minutes frozen when the meeting closes.

Each public method is one transaction; reads return frozen dataclasses. The methods a
benchmark times for "council tally of 1,000 nominations < 1 s" are `save_tally` and `close`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import select

from emulation_desktop.domain.council import (
    Council,
    CouncilInput,
    MemberInput,
    council_in_force,
    councils_in_order,
    validate_council,
)
from emulation_desktop.domain.council_meeting import (
    MeetingInput,
    MeetingSheet,
    RoundChoice,
    VoteContext,
    VoteInput,
    tally,
)
from emulation_desktop.domain.council_minutes import Ballot, Minutes
from emulation_desktop.domain.council_votes import TallyResult
from emulation_desktop.domain.enums import CouncilRole
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.model import RuleSet
from emulation_desktop.services import meeting as _meeting
from emulation_desktop.services import meeting_tally as _tally
from emulation_desktop.services.council_members import delete_council, load_councils, write_council
from emulation_desktop.services.meeting_minutes import build_ballot, build_minutes
from emulation_desktop.services.profile import PROFILE_ID, profile_from_row, write_list
from emulation_desktop.services.rules import RulesService
from emulation_desktop.spreadsheet.writer import Column
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import CommuneProfileRow, PersonRow

EXPORT_COLUMNS = (
    Column("Họ và tên", width=28),
    Column("Chức vụ", width=40),
    Column("Vai trò trong Hội đồng", width=26),
    Column("Biểu quyết", width=11),
)


class CouncilService:
    def __init__(
        self,
        db: Database,
        rules: RulesService,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now().replace(microsecond=0),
    ) -> None:
        self._db = db
        self._rules = rules
        self._today = today
        self._now = now

    def today(self) -> dt.date:
        return self._today()

    def _rule_sets(self) -> list[RuleSet]:
        # Read before any transaction of ours: the first read may seed the rule tables.
        return self._rules.all_rule_sets()

    # Compositions -----------------------------------------------------------------------------

    def councils(self) -> list[Council]:
        """Every composition, newest first."""
        with self._db.session_scope() as s:
            return councils_in_order(load_councils(s))

    def council(self, council_id: int) -> Council:
        found = next((c for c in self.councils() if c.id == council_id), None)
        if found is None:
            raise UserError("Thành phần Hội đồng này không còn trong danh sách; hãy tải lại (F5).")
        return found

    def council_on(self, day: dt.date) -> Council | None:
        """The composition in force on `day`."""
        with self._db.session_scope() as s:
            return council_in_force(load_councils(s), day)

    def create(self, data: CouncilInput) -> int:
        clean = validate_council(data)
        with self._db.session_scope() as s:
            return write_council(s, None, clean)

    def update(self, council_id: int, data: CouncilInput) -> None:
        clean = validate_council(data)
        with self._db.session_scope() as s:
            write_council(s, council_id, clean)

    def delete(self, council_id: int) -> None:
        with self._db.session_scope() as s:
            delete_council(s, council_id)

    def draft_new(self) -> CouncilInput:
        """A first composition to complete: the commune's chairman as Chủ tịch and the officer
        in charge of TĐKT as Thư ký, when the commune profile names them."""
        with self._db.session_scope() as s:
            row = s.get(CommuneProfileRow, PROFILE_ID)
            profile = profile_from_row(row) if row else None
        if profile is None:
            return CouncilInput(None, "", ())
        where = f"{profile.kind.label.lower()} {profile.name}"
        members = []
        if profile.chairman:
            members.append(
                MemberInput(profile.chairman, f"Chủ tịch UBND {where}", CouncilRole.CHAIR, True)
            )
        if profile.officer:
            members.append(
                MemberInput(profile.officer, profile.officer_title, CouncilRole.SECRETARY, False)
            )
        return CouncilInput(None, "", tuple(members))

    def member_from_person(
        self, person_id: int, role: CouncilRole = CouncilRole.MEMBER
    ) -> MemberInput:
        """A member line for a person of the registry: name and position as registered."""
        with self._db.session_scope() as s:
            row = s.execute(
                select(PersonRow.full_name, PersonRow.position).where(PersonRow.id == person_id)
            ).first()
        if row is None:
            raise UserError("Không tìm thấy cá nhân này; có thể đã bị xóa hoặc gộp.")
        return MemberInput(
            row.full_name, row.position, role, role is not CouncilRole.SECRETARY, person_id
        )

    def export_members(self, council_id: int, path: Path) -> int:
        c = self.council(council_id)
        rows = ((m.name, m.title, m.role.label, "Có" if m.voting else "Không") for m in c.members)
        return write_list(
            self._db,
            path,
            "THÀNH PHẦN HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG",
            EXPORT_COLUMNS,
            rows,
            self._today(),
            [f"theo {c.decision_text}", f"có hiệu lực {c.period}", c.counts],
            "Hội đồng",
        )

    # Meetings ---------------------------------------------------------------------------------

    def rounds_for_vote(self, year: int) -> list[RoundChoice]:
        """The year's rounds submitted to the council, or voted by it."""
        with self._db.session_scope() as s:
            return _meeting.rounds_for_vote(s, year)

    def sheet(self, round_id: int, day: dt.date | None = None) -> MeetingSheet:
        """The round's meeting, roll call and tally; `day` previews another meeting day."""
        rule_sets = self._rule_sets()
        with self._db.session_scope() as s:
            return _meeting.load_sheet(s, rule_sets, round_id, self._today(), day)

    def vote_context(self, round_id: int, day: dt.date) -> VoteContext:
        """The composition and vote rules in force on `day` for the round."""
        rule_sets = self._rule_sets()
        with self._db.session_scope() as s:
            return _meeting.vote_context(s, rule_sets, round_id, day)

    def save_meeting(self, round_id: int, data: MeetingInput) -> MeetingSheet:
        """Open the meeting or change its day, place, chair, secretary, ballots and roll call."""
        return self.save(round_id, data, ())

    def save_tally(self, round_id: int, votes: Sequence[VoteInput]) -> TallyResult:
        """The "đồng ý" votes and the council's decisions of many lines, all or nothing."""
        rule_sets = self._rule_sets()
        with self._db.session_scope() as s:
            return _tally.save_votes(s, rule_sets, round_id, votes, self._today())[1]

    def save(self, round_id: int, data: MeetingInput, votes: Sequence[VoteInput]) -> MeetingSheet:
        """The meeting's facts, roll call and votes in one transaction (the tab's Lưu)."""
        rule_sets = self._rule_sets()
        with self._db.session_scope() as s:
            _meeting.save_meeting(s, rule_sets, round_id, data)
            s.flush()
            _tally.save_votes(s, rule_sets, round_id, votes, self._today())
        return self.sheet(round_id)

    def results(self, round_id: int) -> TallyResult:
        sheet = self.sheet(round_id)
        return tally(sheet.context, sheet.attendance, [c.vote() for c in sheet.candidates])

    def close(self, round_id: int) -> Minutes:
        """Kết thúc cuộc họp: checks, minutes frozen, nominations PASSED/FAILED, round VOTED."""
        rule_sets = self._rule_sets()
        with self._db.session_scope() as s:
            data = _tally.close_meeting(s, rule_sets, round_id, self._today(), self._now())
        return Minutes.from_json(data)

    def reopen(self, round_id: int, reason: str = "") -> None:
        """Mở lại cuộc họp (VOTED → SUBMITTED) while no decision or proposal used the round."""
        with self._db.session_scope() as s:
            _tally.reopen_meeting(s, round_id, reason)

    # Documents' data --------------------------------------------------------------------------

    def ballot(self, round_id: int) -> Ballot:
        """The secret-ballot paper of the round (for the phiếu bầu generator)."""
        rule_sets = self._rule_sets()
        with self._db.session_scope() as s:
            sheet = _meeting.load_sheet(s, rule_sets, round_id, self._today())
            return build_ballot(s, sheet)

    def minutes(self, round_id: int) -> Minutes:
        """The biên bản data: frozen at the closing (`final`), else a draft of what is entered
        so far (for a preview)."""
        rule_sets = self._rule_sets()
        with self._db.session_scope() as s:
            m = _meeting.meeting_row(s, round_id)
            if m is not None and m.closed_at is not None and m.minutes:
                return Minutes.from_json(m.minutes)
            sheet = _meeting.load_sheet(s, rule_sets, round_id, self._today())
            result = tally(sheet.context, sheet.attendance, [c.vote() for c in sheet.candidates])
            return build_minutes(s, sheet, result, final=False)
