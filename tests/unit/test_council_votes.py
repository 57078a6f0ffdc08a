"""The arithmetic of a council vote, without a database: thresholds of all members or of those
present, the strictest quorum, overrides and the cap (CSTĐCS ≤ 15 % of LĐTT) with its ties."""

from __future__ import annotations

from emulation_desktop.domain.council_votes import (
    AwardRule,
    CapRule,
    Vote,
    award_votes,
    check_reason,
    outcomes,
    quorum,
)
from emulation_desktop.domain.rules.model import LegalBasis, VoteRule
from emulation_desktop.domain.tally import ALL_MEMBERS, PRESENT

BASIS = LegalBasis("Quyết định 063/2025/QĐ-UBND", "Điều 12")


def rule(
    code: str, ratio: float = 0.6667, of: str = ALL_MEMBERS, quorum_: float = 0.6667
) -> AwardRule:
    return AwardRule(code, code, VoteRule(code, ratio, of, quorum_, True, BASIS))


def test_two_thirds_of_nine_members_is_six_votes_whoever_attends() -> None:
    awards = award_votes([rule("LDTT")], members=9, present=7)
    assert awards["LDTT"].needed == 6
    assert awards["LDTT"].text == "từ 2/3 tổng số thành viên Hội đồng trở lên (6/9 phiếu)"
    assert awards["LDTT"].percent(6) == "66,7%"


def test_of_those_present_the_threshold_follows_the_roll_call() -> None:
    awards = award_votes([rule("LDTT", of=PRESENT)], members=9, present=7)
    assert awards["LDTT"].needed == 5  # ⌈2/3 × 7⌉
    assert awards["LDTT"].text == "từ 2/3 số thành viên có mặt trở lên (5/7 phiếu)"
    assert awards["LDTT"].percent(5) == "71,4%"


def test_the_meeting_needs_the_strictest_quorum_of_its_awards() -> None:
    rules = [rule("LDTT"), rule("CSTD_TINH", 0.9, quorum_=0.8)]
    assert quorum(rules, 9, 7).needed == 8  # ⌈0.8 × 9⌉
    assert not quorum(rules, 9, 7).met
    q = quorum([rule("LDTT")], 9, 6)
    assert q.met
    assert q.text == "Có mặt 6/9 thành viên có quyền biểu quyết — đủ điều kiện (cần 6)"
    assert "chưa đủ điều kiện họp (cần 6)" in quorum([rule("LDTT")], 9, 5).text


def test_results_pass_at_the_threshold_and_an_override_is_the_councils_choice() -> None:
    awards = award_votes([rule("LDTT")], 9, 9)
    result = outcomes(
        [
            Vote(1, "LDTT", 2026, 6),
            Vote(2, "LDTT", 2026, 5),
            Vote(3, "LDTT", 2026, 5, True, "Thành tích đột xuất cứu người đuối nước"),
            Vote(4, "LDTT", 2026, None),
        ],
        awards,
    )
    o = result.outcomes
    assert (o[1].passed, o[2].passed, o[3].passed, o[4].passed) == (True, False, True, None)
    assert o[3].overridden and not o[3].computed
    assert o[3].result_text == "Đạt (Hội đồng quyết định)"
    assert o[4].result_text == "Chưa nhập phiếu"
    assert result.waiting() == (1, 0)


def test_a_decision_without_a_reason_is_refused() -> None:
    assert "phải ghi lý do" in check_reason(False, " ", "Lê Thị Hoa")
    assert check_reason(False, "Đang bị xem xét kỷ luật", "Lê Thị Hoa") == ""
    assert check_reason(None, "", "Lê Thị Hoa") == ""


def _cap(outside: int = 20) -> CapRule:
    return CapRule(
        "CSTDCS",
        "Chiến sĩ thi đua cơ sở",
        "LDTT",
        "Lao động tiên tiến",
        0.15,
        "NĐ 91/2017 ⚠",
        2026,
        outside,
    )


def test_candidates_beyond_the_cap_are_cut_and_those_tied_at_its_edge_wait_for_the_council() -> (
    None
):
    awards = award_votes([rule("CSTDCS")], 9, 9)  # 6 votes needed; 15 % of 20 LĐTT: 3 places
    counts = {1: 9, 2: 8, 3: 7, 4: 7, 5: 6, 6: 5}
    result = outcomes([Vote(i, "CSTDCS", 2026, n) for i, n in counts.items()], awards, [_cap()])
    o = result.outcomes
    assert o[1].passed and o[2].passed
    assert o[3].tied and o[4].tied and o[3].needs_choice
    assert o[3].result_text == "Bằng phiếu – Hội đồng chọn"
    assert o[5].capped and o[5].passed is False and "ngoài giới hạn 3" in o[5].note
    assert o[6].passed is False and not o[6].capped  # below the threshold anyway
    check = result.caps[0]
    assert (check.allowed, check.candidates, check.tied) == (3, 5, 2)
    assert "ưu tiên nữ" in check.text

    chosen = [Vote(i, "CSTDCS", 2026, n) for i, n in counts.items() if i != 3]
    chosen.append(Vote(3, "CSTDCS", 2026, 7, True, "Nữ, ưu tiên theo Điều 4 NĐ 152/2025"))
    settled = outcomes(chosen, awards, [_cap()])
    assert settled.waiting() == (0, 1)  # line 4 still waits
    assert settled.outcomes[3].passed and settled.outcomes[3].result_text == "Đạt (Hội đồng chọn)"


def test_the_cap_counts_this_rounds_passing_ldtt_and_allows_none_without_them() -> None:
    awards = award_votes([rule("LDTT"), rule("CSTDCS")], 9, 9)
    lines = [Vote(i, "LDTT", 2026, 9) for i in range(1, 8)] + [Vote(10, "CSTDCS", 2026, 9)]
    with_base = outcomes(lines, awards, [_cap(outside=0)])
    assert with_base.caps[0].base == 7 and with_base.caps[0].allowed == 1
    assert with_base.outcomes[10].passed
    alone = outcomes([Vote(10, "CSTDCS", 2026, 9)], awards, [_cap(outside=0)])
    assert alone.outcomes[10].capped and alone.outcomes[10].passed is False
