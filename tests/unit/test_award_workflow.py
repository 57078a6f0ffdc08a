"""The whole round through the three services, as an officer does it in the three sections:
list from the grades → eligibility → council vote → decision and proposal upward → history.

The other tests of each step start from rows written straight into the tables; this one checks
that the steps hand over to each other (statuses, the meeting's date, money, số sổ, history).
"""

from __future__ import annotations

import datetime as dt

import pytest

from emulation_desktop.domain.council import CouncilInput, MemberInput
from emulation_desktop.domain.council_meeting import Attendance, MeetingInput, VoteInput
from emulation_desktop.domain.decisions import DecisionInput
from emulation_desktop.domain.enums import (
    CouncilRole,
    Grade,
    NominationStatus,
    RoundKind,
    RoundStatus,
    SubjectKind,
)
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.evaluations import GradeChange
from emulation_desktop.domain.nominations import RoundInput
from emulation_desktop.domain.rules.eligibility import Verdict
from tests.cycle_data import small_commune

YEAR = 2025
HELD_ON, ISSUED_ON = dt.date(2025, 12, 18), dt.date(2025, 12, 22)
TEACHERS = ("Nguyễn Thị Lan", "Trần Thị Mai", "Lê Văn Bình", "Phạm Thị Hoa")


def _members() -> tuple[MemberInput, ...]:
    roles = (CouncilRole.CHAIR, CouncilRole.STANDING_VICE, CouncilRole.VICE, CouncilRole.MEMBER,
             CouncilRole.MEMBER)  # fmt: skip
    names = ("Nguyễn Văn Hùng", "Trần Thị Thu", "Lê Văn Nam", "Phạm Thị Lý", "Vũ Văn Long")
    voting = tuple(MemberInput(n, "Cán bộ xã", r) for n, r in zip(names, roles, strict=True))
    return (*voting, MemberInput("Bùi Thị Hạnh", "Công chức", CouncilRole.SECRETARY, False))


@pytest.fixture
def graded(context):  # type: ignore[no-untyped-def]
    c = small_commune(context)
    grades = {"Nguyễn Thị Lan": Grade.EXCELLENT, "Trần Thị Mai": Grade.GOOD}
    context.services.evaluations.save(YEAR, c.kindergarten, [
        GradeChange.person(c.person(n), g) for n, g in grades.items()])  # fmt: skip
    context.services.evaluations.save(YEAR, c.primary, [
        GradeChange.person(c.person("Lê Văn Bình"), Grade.GOOD),
        GradeChange.person(c.person("Phạm Thị Hoa"), Grade.COMPLETED),
        GradeChange.person(c.person("Đặng Văn Dũng"), Grade.GOOD),
    ])  # fmt: skip
    return c


def test_a_round_goes_from_the_grades_to_the_award_history(context, graded) -> None:  # type: ignore[no-untyped-def]
    s = context.services
    round_id = s.rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    added = s.rounds.add_from_grades(round_id, "LDTT", graded.schools)
    names = {i.subject.name for i in s.rounds.items(round_id)}
    # "Hoàn thành tốt trở lên" only: Phạm Thị Hoa (hoàn thành) is not listed.
    assert added.added == 4 and names == {"Nguyễn Thị Lan", "Trần Thị Mai", "Lê Văn Bình",
                                          "Đặng Văn Dũng"}  # fmt: skip
    verdicts = s.rounds.verdicts(round_id)
    assert len(verdicts) == 4 and all(v.verdict is not Verdict.NOT_ELIGIBLE for v in
                                      verdicts.values())  # fmt: skip

    with pytest.raises(UserError):  # the council cannot meet on a draft
        s.council.save_meeting(round_id, MeetingInput(HELD_ON, "Hội trường", None, None, ()))
    s.rounds.submit(round_id)
    assert s.rounds.get(round_id).status is RoundStatus.SUBMITTED

    council = s.council.council(s.council.create(CouncilInput(
        dt.date(2025, 7, 1), "Quyết định số 15/QĐ-UBND ngày 10/7/2025", _members())))  # fmt: skip
    ids = [m.id for m in council.members]
    s.council.save_meeting(round_id, MeetingInput(
        HELD_ON, "Hội trường UBND xã", ids[0], ids[-1],
        (*(Attendance(i, True) for i in ids[:4]), Attendance(ids[4], False, "đi công tác"),
         Attendance(ids[-1], True)), 4, 4))  # fmt: skip
    items = {i.subject.name: i.id for i in s.rounds.items(round_id)}
    with pytest.raises(UserError, match="lớn hơn"):  # 5 votes, 4 present: nothing saved
        s.council.save_tally(round_id, [VoteInput(items["Trần Thị Mai"], 5)])
    votes = {"Nguyễn Thị Lan": 4, "Trần Thị Mai": 4, "Lê Văn Bình": 4, "Đặng Văn Dũng": 2}
    s.council.save_tally(round_id, [VoteInput(items[n], v) for n, v in votes.items()])
    minutes = s.council.close(round_id)
    assert s.rounds.get(round_id).status is RoundStatus.VOTED
    # 2/3 of 5 voting members = 4 votes: Đặng Văn Dũng (2) fails.
    assert {ln.name: ln.passed for ln in minutes.lines} == {
        "Nguyễn Thị Lan": True, "Trần Thị Mai": True, "Lê Văn Bình": True,
        "Đặng Văn Dũng": False}  # fmt: skip

    decisions = s.decisions
    signer = DecisionInput(ISSUED_ON, "Nguyễn Văn Hùng", "CHỦ TỊCH")
    with pytest.raises(UserError, match="họp"):  # before the meeting: refused, nothing saved
        decisions.issue(round_id, DecisionInput(HELD_ON - dt.timedelta(days=1), "A", "CHỦ TỊCH"))
    assert decisions.list(YEAR) == []
    preview = decisions.preview(round_id, ISSUED_ON)
    assert len(preview.within) == 3 and not preview.upward
    assert {ln.paid for ln in preview.within} == {710_000}  # 0.3 × 2,340,000 rounded up
    decision_id = decisions.issue(round_id, signer)
    assert s.rounds.get(round_id).status is RoundStatus.DECIDED
    doc = decisions.decision_list(decision_id)
    assert doc.total == 3 * 710_000
    statuses = {i.subject.name: i.status for i in s.rounds.items(round_id)}
    assert statuses["Đặng Văn Dũng"] is NominationStatus.FAILED
    assert statuses["Nguyễn Thị Lan"] is NominationStatus.DECIDED

    history = s.registry.history(SubjectKind.PERSON, graded.person("Nguyễn Thị Lan"))
    [award] = [a for a in history.awards if a.year == YEAR]
    assert award.name == "Lao động tiên tiến" and award.decision_date == ISSUED_ON
    assert award.decision_number == "01/QĐ-UBND" and award.register_number.endswith("/2025")
    # The decided round is read-only.
    with pytest.raises(UserError):
        s.rounds.remove_items([items["Trần Thị Mai"]])
    decisions.mark_awarded(round_id)
    assert s.rounds.get(round_id).status is RoundStatus.AWARDED


def test_a_nominated_person_is_not_deleted_and_a_merge_moves_the_nomination(
    context, graded
) -> None:  # type: ignore[no-untyped-def]
    from tests.award_data import round_with

    registry = context.services.registry
    dung, binh = graded.person("Đặng Văn Dũng"), graded.person("Lê Văn Bình")
    round_id, [item] = round_with(context.database, YEAR, [(SubjectKind.PERSON, dung, "LDTT")])
    with pytest.raises(UserError, match="1 đề nghị khen thưởng"):
        registry.delete_person(dung)
    registry.merge_people(binh, dung)
    [moved] = context.services.rounds.items(round_id)
    assert moved.id == item and moved.subject.id == binh


def test_one_achievement_is_not_decided_twice_in_two_rounds(context, graded) -> None:  # type: ignore[no-untyped-def]
    from tests.award_data import voted_round

    lan = (SubjectKind.PERSON, graded.person("Nguyễn Thị Lan"), "LDTT")
    decisions = context.services.decisions
    first, _ = voted_round(context.database, YEAR, [lan], HELD_ON)
    decisions.issue(first, DecisionInput(ISSUED_ON, "Nguyễn Văn Hùng", "CHỦ TỊCH"))
    second, _ = voted_round(context.database, YEAR, [lan], dt.date(2026, 1, 10))
    with pytest.raises(UserError, match="Nguyễn Thị Lan \\(Lao động tiên tiến năm 2025\\)"):
        decisions.issue(second, DecisionInput(dt.date(2026, 1, 15), "Nguyễn Văn Hùng", "CHỦ TỊCH"))
    assert len(decisions.list(YEAR)) == 1


def test_a_line_withdrawn_after_the_vote_lets_the_round_be_decided(context, graded) -> None:  # type: ignore[no-untyped-def]
    from tests.award_data import voted_round

    lan, mai = graded.person("Nguyễn Thị Lan"), graded.person("Trần Thị Mai")
    s = context.services
    round_id, [lan_item, mai_item] = voted_round(
        context.database, YEAR, [(SubjectKind.PERSON, lan, "LDTT"),
                                 (SubjectKind.PERSON, mai, "LDTT")], HELD_ON)  # fmt: skip
    s.registry.set_people_active([mai], False)  # retired after the vote
    signer = DecisionInput(ISSUED_ON, "Nguyễn Văn Hùng", "CHỦ TỊCH")
    with pytest.raises(UserError, match="Trần Thị Mai"):
        s.decisions.issue(round_id, signer)
    with pytest.raises(UserError, match="lý do"):
        s.rounds.withdraw([mai_item], "")
    s.rounds.withdraw([mai_item], "Đã nghỉ hưu từ tháng 12/2025")
    s.decisions.issue(round_id, signer)
    statuses = {i.id: i.status for i in s.rounds.items(round_id)}
    assert statuses == {lan_item: NominationStatus.DECIDED, mai_item: NominationStatus.WITHDRAWN}
    assert s.rounds.get(round_id).status is RoundStatus.DECIDED
    with pytest.raises(UserError, match="đính chính"):
        s.rounds.withdraw([lan_item], "Nhầm lẫn khi lập danh sách")


def test_a_decision_dated_years_after_the_meeting_is_refused(context, graded) -> None:  # type: ignore[no-untyped-def]
    from tests.award_data import voted_round

    lan = (SubjectKind.PERSON, graded.person("Nguyễn Thị Lan"), "LDTT")
    round_id, _ = voted_round(context.database, YEAR, [lan], HELD_ON)
    with pytest.raises(UserError, match="hơn một năm"):
        context.services.decisions.issue(
            round_id, DecisionInput(dt.date(2031, 12, 22), "Nguyễn Văn Hùng", "CHỦ TỊCH")
        )
    assert context.services.decisions.list(2031) == []
