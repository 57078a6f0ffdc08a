"""The council meeting of a round: opening it with a roll call, the quorum, the tally with its
refusals, the council's own decisions, closing into frozen minutes and reopening."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select

from emulation_desktop.domain.council_meeting import VoteInput
from emulation_desktop.domain.enums import (
    NominationStatus,
    ProposalStatus,
    RoundStatus,
    SignVariant,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.store.award_models import (
    AttendanceRow,
    MeetingRow,
    NominationRoundRow,
    NominationRow,
    ProposalRow,
)
from emulation_desktop.store.models import AuditEntryRow
from tests.award_data import round_with
from tests.unit.test_meeting_data import HELD, NOW, Meeting, roll_call, submitted, votes


def _statuses(context, m: Meeting) -> tuple[RoundStatus, list[NominationStatus]]:  # type: ignore[no-untyped-def]
    with context.database.session_scope() as s:
        r = s.get(NominationRoundRow, m.round_id).status
        n = list(
            s.scalars(
                select(NominationRow.status)
                .where(NominationRow.id.in_(m.nominations))
                .order_by(NominationRow.position)
            )
        )
    return r, n


def _opened(context, codes=("LDTT", "LDTT", "LDTT"), **call) -> Meeting:  # type: ignore[no-untyped-def]
    m = submitted(context, codes)
    m.service.save_meeting(m.round_id, roll_call(m.members, **call))
    return m


def test_opening_the_meeting_takes_the_council_in_force_and_shows_the_quorum(context) -> None:  # type: ignore[no-untyped-def]
    m = submitted(context, ["LDTT", "CSTDCS"])
    before = m.service.sheet(m.round_id)
    assert before.meeting is None and before.context.council.id == m.council_id  # type: ignore[union-attr]
    assert all(a.present for a in before.attendance)
    assert before.default_place == "Hội trường UBND xã"
    call = replace(roll_call(m.members, absent=(3,)), starts_at=dt.time(14, 30))
    sheet = m.service.save_meeting(m.round_id, call)
    assert sheet.meeting is not None and sheet.meeting.held_on == HELD
    assert sheet.meeting.starts_at == dt.time(14, 30)  # the invitation prints the hour
    assert [c.award_name for c in sheet.candidates] == [
        "Lao động tiên tiến",
        "Chiến sĩ thi đua cơ sở",
    ]
    from emulation_desktop.domain.council_meeting import meeting_quorum

    q = meeting_quorum(sheet.context, sheet.attendance)
    assert q.text == "Có mặt 6/7 thành viên có quyền biểu quyết — đủ điều kiện (cần 5)"
    absent = [a for a in sheet.attendance if not a.present]
    assert len(absent) == 1 and absent[0].note == "Đi công tác"
    assert [r.name for r in m.service.rounds_for_vote(2026)] == ["Xét khen thưởng cuối năm 2026"]


def test_a_meeting_needs_a_council_in_force_and_a_sensible_day(context) -> None:  # type: ignore[no-untyped-def]
    m = submitted(context, ["LDTT"], year=2025)
    with pytest.raises(
        ValidationError, match="Chưa có thành phần Hội đồng nào có hiệu lực ngày 15/03/2025"
    ):
        m.service.save_meeting(m.round_id, roll_call(m.members, held_on=dt.date(2025, 3, 15)))
    with pytest.raises(ValidationError, match="trước năm xét khen thưởng 2025"):
        m.service.save_meeting(m.round_id, roll_call(m.members, held_on=dt.date(2024, 12, 1)))
    with pytest.raises(ValidationError) as exc:
        m.service.save_meeting(m.round_id, roll_call(m.members, held_on=None))
    assert "held_on" in exc.value.field_errors
    with context.database.session_scope() as s:
        assert s.scalar(select(MeetingRow.id)) is None


def test_the_chair_and_secretary_are_two_members_present(context) -> None:  # type: ignore[no-untyped-def]
    m = submitted(context, ["LDTT"])
    call = roll_call(m.members, absent=(0,))
    with pytest.raises(ValidationError, match="Người chủ trì «Nguyễn Văn Hùng» đang được đánh dấu"):
        m.service.save_meeting(m.round_id, call)
    same = dataclasses.replace(roll_call(m.members), secretary_id=m.members[0])
    with pytest.raises(ValidationError, match="hai người khác nhau"):
        m.service.save_meeting(m.round_id, same)


def test_only_a_round_submitted_to_the_council_has_a_meeting(context) -> None:  # type: ignore[no-untyped-def]
    m = submitted(context, ["LDTT"])
    draft, _ids = round_with(context.database, 2026, [], RoundStatus.DRAFT, name="Đợt nháp")
    with pytest.raises(UserError, match="Đợt xét đang lập danh sách"):
        m.service.save_meeting(draft, roll_call(m.members))
    assert [r.id for r in m.service.rounds_for_vote(2026)] == [m.round_id]


def test_votes_pass_at_two_thirds_of_all_voting_members(context) -> None:  # type: ignore[no-untyped-def]
    m = _opened(context)
    result = m.service.save_tally(m.round_id, votes(m.nominations, [5, 4, 7]))
    o = result.outcomes
    assert [o[i].passed for i in m.nominations] == [True, False, True]
    assert [o[i].needed for i in m.nominations] == [5, 5, 5]  # ⌈2/3 × 7⌉
    sheet = m.service.sheet(m.round_id)
    assert [c.votes for c in sheet.candidates] == [5, 4, 7]


@pytest.mark.parametrize(
    ("counts", "ballots", "message"),
    [
        ([5, 8, 1], (None, None), "Số phiếu đồng ý (8) lớn hơn số thành viên có mặt (7)"),
        ([5, -1, 1], (None, None), "không được là số âm"),
        ([5, 7, 1], (7, 6), "Số phiếu đồng ý (7) lớn hơn số phiếu hợp lệ (6)"),
    ],
)
def test_impossible_counts_are_refused_and_nothing_is_saved(
    context, counts, ballots, message
) -> None:  # type: ignore[no-untyped-def]
    m = _opened(context, ballots=ballots)
    with pytest.raises(ValidationError) as exc:
        m.service.save_tally(m.round_id, votes(m.nominations, counts))
    assert message in exc.value.message
    assert exc.value.message.startswith("Chưa lưu kết quả kiểm phiếu")
    assert list(exc.value.field_errors) == [str(m.nominations[1])]
    assert [c.votes for c in m.service.sheet(m.round_id).candidates] == [None, None, None]


def test_a_smaller_roll_call_cannot_leave_more_votes_than_members_present(context) -> None:  # type: ignore[no-untyped-def]
    m = _opened(context)
    m.service.save_tally(m.round_id, votes(m.nominations, [7, 5, 5]))
    with pytest.raises(ValidationError, match="lớn hơn số thành viên có mặt"):
        m.service.save_meeting(m.round_id, roll_call(m.members, absent=(5,)))
    with context.database.session_scope() as s:
        assert all(s.scalars(select(AttendanceRow.present)))  # the roll call is as it was


def test_the_council_overrides_only_with_a_reason(context) -> None:  # type: ignore[no-untyped-def]
    m = _opened(context)
    first = m.nominations[0]
    with pytest.raises(ValidationError, match="phải ghi lý do"):
        m.service.save_tally(m.round_id, [VoteInput(first, 6, False, "  ")])
    reason = "Đang có đơn tố cáo chưa giải quyết xong"
    result = m.service.save_tally(m.round_id, [VoteInput(first, 6, False, reason)])
    o = result.outcomes[first]
    assert o.computed and o.passed is False and o.overridden
    candidate = m.service.sheet(m.round_id).candidates[0]
    assert (candidate.choice, candidate.reason) == (False, reason)


def test_closing_needs_quorum_every_count_and_a_past_day(context) -> None:  # type: ignore[no-untyped-def]
    m = _opened(context, absent=(1, 2, 3))  # 4 of 7 voting members: 5 needed
    with pytest.raises(UserError, match="chưa đủ số thành viên: có mặt 4/7"):
        m.service.close(m.round_id)
    m.service.save_meeting(m.round_id, roll_call(m.members, ballots=(7, 7)))
    m.service.save_tally(m.round_id, votes(m.nominations[:2], [6, 6]))
    with pytest.raises(UserError, match="Còn 1 đề nghị chưa nhập số phiếu"):
        m.service.close(m.round_id)
    m.service.save_tally(m.round_id, votes(m.nominations, [6, 6, 3]))
    m.service.save_meeting(
        m.round_id, roll_call(m.members, held_on=dt.date(2026, 12, 28), ballots=(7, 7))
    )
    with pytest.raises(UserError, match="chưa tới ngày đó"):
        m.service.close(m.round_id)
    assert _statuses(context, m)[0] is RoundStatus.SUBMITTED


def test_a_secret_ballot_needs_the_ballot_counts_before_closing(context) -> None:  # type: ignore[no-untyped-def]
    m = _opened(context)
    m.service.save_tally(m.round_id, votes(m.nominations, [6, 6, 6]))
    with pytest.raises(UserError, match="số phiếu phát ra và số phiếu hợp lệ"):
        m.service.close(m.round_id)


def test_closing_freezes_the_minutes_and_sets_the_results(context) -> None:  # type: ignore[no-untyped-def]
    m = _opened(context, absent=(6,), ballots=(6, 6))
    reason = "Hội đồng ghi nhận thành tích đột xuất trong phòng chống bão lũ"
    m.service.save_tally(
        m.round_id,
        [*votes(m.nominations[:2], [6, 2]), VoteInput(m.nominations[2], 4, True, reason)],
    )
    minutes = m.service.close(m.round_id)
    assert minutes.final and minutes.closed_at == NOW
    assert minutes.council_decision == "Quyết định số 15/QĐ-UBND ngày 10/7/2025"
    assert (minutes.chair, minutes.secretary) == ("Nguyễn Văn Hùng", "Bùi Thị Hạnh")
    assert (minutes.voting_members, minutes.present, minutes.quorum_needed) == (7, 6, 5)
    assert [x.present for x in minutes.members].count(False) == 1
    assert minutes.members[6].note == "Đi công tác"
    award = minutes.awards[0]
    assert award.threshold == "từ 2/3 tổng số thành viên Hội đồng trở lên (5/7 phiếu)"
    assert "Nghị định 152/2025/NĐ-CP" in award.basis and (award.candidates, award.passed) == (3, 2)
    lines = minutes.lines
    assert [(x.votes, x.percent, x.computed, x.passed) for x in lines] == [
        (6, "85,7%", True, True),
        (2, "28,6%", False, False),
        (4, "57,1%", False, True),
    ]
    assert minutes.overrides == (lines[2],) and lines[2].reason == reason
    assert lines[0].name == "Nguyễn Văn An 1" and lines[0].gender == "Nữ"

    status, nominations = _statuses(context, m)
    assert status is RoundStatus.VOTED
    assert nominations == [
        NominationStatus.PASSED,
        NominationStatus.FAILED,
        NominationStatus.PASSED,
    ]
    assert m.service.minutes(m.round_id) == minutes  # read back from the frozen JSON
    sheet = m.service.sheet(m.round_id)
    assert sheet.closed and not sheet.editable
    with pytest.raises(UserError, match="đã kết thúc"):
        m.service.save_tally(m.round_id, votes(m.nominations, [7, 7, 7]))
    with context.database.session_scope() as s:
        actions = list(
            s.scalars(select(AuditEntryRow.action).where(AuditEntryRow.entity == "meeting"))
        )
    assert actions == ["open", "tally", "close"]


def test_reopening_goes_back_to_the_tally_until_a_decision_or_proposal_exists(context) -> None:  # type: ignore[no-untyped-def]
    m = _opened(context, ballots=(7, 7))
    m.service.save_tally(m.round_id, votes(m.nominations, [7, 7, 1]))
    m.service.close(m.round_id)
    m.service.reopen(m.round_id, "Nhập nhầm số phiếu dòng 3")
    status, nominations = _statuses(context, m)
    assert status is RoundStatus.SUBMITTED
    assert set(nominations) == {NominationStatus.PROPOSED}
    assert not m.service.minutes(m.round_id).final
    with context.database.session_scope() as s:
        assert s.scalar(select(MeetingRow.minutes)) is None
    m.service.save_tally(m.round_id, votes(m.nominations[2:], [6]))
    m.service.close(m.round_id)
    with context.database.session_scope() as s:
        p = ProposalRow(
            round_id=m.round_id,
            number="12/TTr-UBND",
            issued_on=dt.date(2026, 12, 22),
            sign_variant=SignVariant.TM,
            status=ProposalStatus.DRAFT,
        )
        s.add(p)
        s.flush()
        s.get(NominationRow, m.nominations[0]).proposal_id = p.id
    with pytest.raises(UserError, match="đã có quyết định khen thưởng hoặc tờ trình"):
        m.service.reopen(m.round_id)


def test_the_ballot_lists_candidates_by_award(context) -> None:  # type: ignore[no-untyped-def]
    m = _opened(context, codes=("LDTT", "CSTDCS", "LDTT"), absent=(2,))
    ballot = m.service.ballot(m.round_id)
    assert [(g.award_name, [c.number for c in g.candidates]) for g in ballot.groups] == [
        ("Lao động tiên tiến", [1, 2]),
        ("Chiến sĩ thi đua cơ sở", [3]),
    ]
    assert ballot.groups[0].candidates[0].place == "Trường Tiểu học Cát Thành"
    assert ballot.copies == 6 and ballot.held_on == HELD
    assert ballot.choices == ("Đồng ý", "Không đồng ý") and "“Đồng ý”" in ballot.instruction


def test_a_tie_at_the_edge_of_the_cap_waits_for_the_councils_choice(context) -> None:  # type: ignore[no-untyped-def]
    codes = ["LDTT"] * 7 + ["CSTDCS"] * 3  # 15 % of 7 LĐTT: one CSTĐCS
    m = _opened(context, codes=codes, ballots=(7, 7))
    counts = [7] * 7 + [6, 6, 5]
    result = m.service.save_tally(m.round_id, votes(m.nominations, counts))
    first, second, third = (result.outcomes[i] for i in m.nominations[7:])
    assert first.tied and second.tied and third.capped
    with pytest.raises(UserError, match="2 trường hợp bằng phiếu"):
        m.service.close(m.round_id)
    reason = "Bằng phiếu; chọn người là nữ theo Điều 4 Nghị định 152/2025/NĐ-CP"
    m.service.save_tally(
        m.round_id,
        [
            VoteInput(m.nominations[7], 6, True, reason),
            VoteInput(m.nominations[8], 6, False, reason),
        ],
    )
    minutes = m.service.close(m.round_id)
    cstdcs = [x for x in minutes.lines if x.award_code == "CSTDCS"]
    assert [(x.passed, x.tie) for x in cstdcs] == [(True, True), (False, True), (False, False)]
    assert "ngoài giới hạn 1" in cstdcs[2].note
    assert any("tối đa 1" in c for c in minutes.caps)
