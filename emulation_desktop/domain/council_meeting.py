"""The council meeting of a round: its facts (day, place, chair, secretary, ballots), who
attended, and the candidates with the votes entered, as the tally screen reads them.

`MeetingSheet` is everything the screen needs to recompute results live (domain.council_votes)
while the officer types; the service checks the same things again when saving.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from emulation_desktop.domain.council import Council
from emulation_desktop.domain.council_votes import (
    AwardRule,
    AwardVote,
    CapRule,
    Quorum,
    TallyResult,
    Vote,
    award_votes,
    outcomes,
    quorum,
)
from emulation_desktop.domain.enums import RoundKind, RoundStatus, SubjectKind
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.text import nfc, nfc_lines

PLACE_MAX = 500
NOTE_MAX = 500
REASON_MAX = 1000


@dataclass(frozen=True, slots=True)
class RoundChoice:
    """A round the council can work on (submitted, or voted and closed)."""

    id: int
    name: str
    year: int
    kind: RoundKind
    status: RoundStatus
    nominations: int
    held_on: dt.date | None = None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.nominations} đề nghị) — {self.status.label}"


@dataclass(frozen=True, slots=True)
class Attendance:
    member_id: int
    present: bool
    note: str = ""  # "vắng có lý do: đi công tác"


@dataclass(frozen=True, slots=True)
class MeetingInput:
    held_on: dt.date | None
    place: str
    chair_id: int | None
    secretary_id: int | None
    attendance: tuple[Attendance, ...]
    ballots_issued: int | None = None
    ballots_valid: int | None = None
    note: str = ""
    starts_at: dt.time | None = None


@dataclass(frozen=True, slots=True)
class VoteInput:
    """What the tally grid sends for one nomination: the "đồng ý" votes (None: clear the line)
    and the council's own decision with its reason (None and "": follow the computation)."""

    nomination_id: int
    votes: int | None
    choice: bool | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class MeetingInfo:
    id: int
    council_id: int
    held_on: dt.date
    place: str
    chair_id: int | None
    secretary_id: int | None
    ballots_issued: int | None
    ballots_valid: int | None
    closed_at: dt.datetime | None
    note: str
    starts_at: dt.time | None = None

    @property
    def closed(self) -> bool:
        return self.closed_at is not None


@dataclass(frozen=True, slots=True)
class VoteContext:
    """What the day of the meeting decides: the council in force and the vote rules of the rule
    set in force. `problem` says why the meeting cannot be held that day ("" when it can)."""

    day: dt.date
    council: Council | None
    rules_name: str
    awards: tuple[AwardRule, ...]
    caps: tuple[CapRule, ...]
    problem: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One nomination on the tally: who, for what, and what was entered."""

    nomination_id: int
    number: int  # its order on the list and the ballot
    kind: SubjectKind
    name: str
    place: str  # the unit of a person or household; the kind of a collective
    gender: str  # "Nữ", "Nam"; a collective: "Nữ 75%"; "" when unknown
    award_code: str
    award_name: str
    year: int
    achievement: str
    votes: int | None = None
    choice: bool | None = None  # the council's own decision, with `reason`
    reason: str = ""
    passed: bool | None = None  # as saved at the closing of the meeting

    def vote(self) -> Vote:
        return Vote(
            self.nomination_id, self.award_code, self.year, self.votes, self.choice, self.reason
        )


@dataclass(frozen=True, slots=True)
class MeetingSheet:
    round: RoundChoice
    meeting: MeetingInfo | None
    context: VoteContext
    attendance: tuple[Attendance, ...]  # one per member of the council, in its order
    candidates: tuple[Candidate, ...]
    default_place: str = ""

    @property
    def closed(self) -> bool:
        return self.meeting is not None and self.meeting.closed

    @property
    def editable(self) -> bool:
        """Entries may change while the round waits for the council and the meeting is open."""
        return self.round.status is RoundStatus.SUBMITTED and not self.closed


def present_voting(council: Council | None, attendance: Sequence[Attendance]) -> int:
    if council is None:
        return 0
    here = {a.member_id for a in attendance if a.present}
    return sum(1 for m in council.voting if m.id in here)


def meeting_quorum(context: VoteContext, attendance: Sequence[Attendance]) -> Quorum:
    members = len(context.council.voting) if context.council else 0
    return quorum(context.awards, members, present_voting(context.council, attendance))


def meeting_awards(context: VoteContext, attendance: Sequence[Attendance]) -> dict[str, AwardVote]:
    """Each award's threshold with the attendance given ({} without a council)."""
    council = context.council
    if council is None or not council.voting:
        return {}
    present = present_voting(council, attendance)
    return award_votes(context.awards, len(council.voting), present)


def tally(
    context: VoteContext, attendance: Sequence[Attendance], votes: Sequence[Vote]
) -> TallyResult:
    """The results for these votes and this attendance (the live view and the service alike)."""
    awards = meeting_awards(context, attendance)
    if not awards:
        return TallyResult({}, ())
    return outcomes(votes, awards, context.caps)


def validate_meeting(data: MeetingInput, council: Council) -> MeetingInput:
    """Normalised input, or ValidationError by field: held_on, place, chair_id, secretary_id,
    ballots, attendance."""
    clean = replace(
        data,
        place=nfc(data.place),
        note=nfc_lines(data.note, keep_blank=True),
        attendance=tuple(replace(a, note=nfc(a.note)) for a in data.attendance),
    )
    errors: dict[str, str] = {}
    if clean.held_on is None:
        errors["held_on"] = "Hãy nhập ngày họp Hội đồng."
    if not clean.place:
        errors["place"] = "Hãy nhập địa điểm họp, ví dụ «Hội trường UBND xã»."
    elif len(clean.place) > PLACE_MAX:
        errors["place"] = f"Địa điểm dài quá {PLACE_MAX} ký tự."
    ids = {m.id for m in council.members}
    if clean.chair_id is None:
        errors["chair_id"] = "Hãy chọn người chủ trì cuộc họp."
    elif clean.chair_id not in ids:
        errors["chair_id"] = "Người chủ trì phải là thành viên của Hội đồng; hãy chọn lại."
    if clean.secretary_id is None:
        errors["secretary_id"] = "Hãy chọn thư ký cuộc họp."
    elif clean.secretary_id not in ids:
        errors["secretary_id"] = "Thư ký cuộc họp phải là thành viên của Hội đồng; hãy chọn lại."
    elif clean.secretary_id == clean.chair_id:
        errors["secretary_id"] = "Người chủ trì và thư ký cuộc họp phải là hai người khác nhau."
    if problem := _attendance_problem(clean, council):
        errors["attendance"] = problem
    if problem := _ballots_problem(clean, council):
        errors["ballots"] = problem
    if errors:
        raise ValidationError(errors)
    return clean


def _attendance_problem(data: MeetingInput, council: Council) -> str:
    ids = {m.id for m in council.members}
    if any(a.member_id not in ids for a in data.attendance):
        return (
            "Danh sách điểm danh không khớp với thành phần Hội đồng có hiệu lực ngày họp; "
            "hãy điểm danh lại."
        )
    long = next((a for a in data.attendance if len(a.note) > NOTE_MAX), None)
    if long is not None:
        name = council.member(long.member_id).name  # type: ignore[union-attr]
        return f"Lý do vắng của «{name}» dài quá {NOTE_MAX} ký tự."
    here = {a.member_id for a in data.attendance if a.present}
    for key, what in ((data.chair_id, "Người chủ trì"), (data.secretary_id, "Thư ký cuộc họp")):
        member = council.member(key)
        if member is not None and member.id not in here:
            return f"{what} «{member.name}» đang được đánh dấu vắng mặt."
    return ""


def _ballots_problem(data: MeetingInput, council: Council) -> str:
    issued, valid = data.ballots_issued, data.ballots_valid
    if (issued is not None and issued < 0) or (valid is not None and valid < 0):
        return "Số phiếu không được là số âm."
    present = present_voting(council, data.attendance)
    if issued is not None and issued > present:
        return (
            f"Số phiếu phát ra ({issued}) lớn hơn số thành viên có quyền biểu quyết có mặt "
            f"({present})."
        )
    if valid is not None and issued is None:
        return "Hãy nhập số phiếu phát ra trước số phiếu hợp lệ."
    if valid is not None and issued is not None and valid > issued:
        return f"Số phiếu hợp lệ ({valid}) lớn hơn số phiếu phát ra ({issued})."
    return ""
