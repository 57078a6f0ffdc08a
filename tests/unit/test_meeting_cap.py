"""A council tally of 1,000 nominations with the CSTĐCS cap: every count saved, the ties at the
edge of the cap settled by the council, the results computed and the meeting closed. (Its time
budget is measured in benchmarks/bench_workflow.py, not here.)"""

from __future__ import annotations

from emulation_desktop.domain.council_meeting import VoteInput
from emulation_desktop.domain.enums import NominationStatus
from tests.unit.test_meeting_data import roll_call, submitted, votes


def test_a_thousand_nominations_with_ties_at_the_cap_are_tallied_and_closed(context) -> None:  # type: ignore[no-untyped-def]
    codes = ["LDTT"] * 850 + ["CSTDCS"] * 150  # 15 % of 850 LĐTT: 127 of the 150 CSTĐCS
    m = submitted(context, codes)
    m.service.save_meeting(m.round_id, roll_call(m.members, ballots=(7, 7)))
    counts = [7] * 850 + [7] * 100 + [6] * 50
    result = m.service.save_tally(m.round_id, votes(m.nominations, counts))
    tied = [i for i, o in result.outcomes.items() if o.tied]
    m.service.save_tally(
        m.round_id,
        [VoteInput(i, 6, n < 27, "Hội đồng chọn theo thứ tự ưu tiên") for n, i in enumerate(tied)],
    )
    minutes = m.service.close(m.round_id)
    assert len(tied) == 50 and len(minutes.lines) == 1000
    assert sum(1 for x in minutes.lines if x.award_code == "CSTDCS" and x.passed) == 127
    with context.database.session_scope() as s:
        from sqlalchemy import func, select

        from emulation_desktop.store.award_models import NominationRow

        passed = s.scalar(
            select(func.count()).where(NominationRow.status == NominationStatus.PASSED)
        )
    assert passed == 977
