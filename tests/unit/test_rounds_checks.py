"""Nomination rounds, the checks: the verdict of every đề nghị (fresh on every read, one check per
award), the public notice, the steps to the council and back with the step bar, and the Excel
list. Fixtures and helpers are those of test_rounds."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import delete, func, select

from emulation_desktop.domain.enums import Grade, NominationStatus, RoundKind, RoundStatus
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.evaluations import GradeChange
from emulation_desktop.domain.nomination_steps import StepState, next_step, steps
from emulation_desktop.domain.nominations import (
    NominationInput,
    NoticeInput,
    RoundInput,
    default_round_name,
    notice_end,
    notice_state,
)
from emulation_desktop.domain.rules.eligibility import Verdict
from emulation_desktop.store.award_models import (
    MeetingRow,
    NominationRoundRow,
    NominationRow,
    TallyRow,
)
from emulation_desktop.store.models import AuditEntryRow, PersonRow
from tests.award_data import round_with, voted_round
from tests.unit.test_rounds import YEAR, P, _count, _counts, commune, rounds

__all__ = ["commune", "rounds"]  # fixtures shared with test_rounds


# Verdicts -------------------------------------------------------------------------------------


def test_verdicts_check_each_award_once_and_follow_the_data(
    context, rounds, commune, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    rounds.add_from_grades(round_id, "LDTT", commune.schools)
    rounds.add_from_grades(round_id, "TTLDTT", commune.schools)
    an = commune.residents["Nguyễn Văn An"]
    rounds.add(round_id, NominationInput((P, an), "GIAY_KHEN_CA_NHAN", YEAR))
    eligibility = context.services.eligibility
    calls: list[tuple[str, int]] = []
    real = eligibility.check
    monkeypatch.setattr(
        eligibility,
        "check",
        lambda code, year, *a, **k: calls.append((code, year)) or real(code, year, *a, **k),
    )
    verdicts = rounds.verdicts(round_id)
    assert sorted(calls) == [("GIAY_KHEN_CA_NHAN", YEAR), ("LDTT", YEAR), ("TTLDTT", YEAR)]
    items = {(i.subject.name, i.award_code): i for i in rounds.items(round_id)}
    lan = verdicts[items[("Nguyễn Thị Lan", "LDTT")].id]
    assert lan.verdict is Verdict.REVIEW  # graded HTT; the manual criteria wait for the officer
    assert lan.criteria and all(c.basis for c in lan.criteria)
    # A resident named for a Giấy khen has no yearly grade and is checked all the same.
    an_verdict = verdicts[items[("Nguyễn Văn An", "GIAY_KHEN_CA_NHAN")].id]
    assert an_verdict.criteria and an_verdict.rules_name
    context.services.evaluations.save(
        YEAR,
        commune.schools,
        [GradeChange.person(commune.teachers["Nguyễn Thị Lan"], Grade.NOT_COMPLETED)],
        True,
    )
    again = rounds.verdicts(round_id)[items[("Nguyễn Thị Lan", "LDTT")].id]
    assert again.verdict is Verdict.NOT_ELIGIBLE and again.unmet
    context.services.registry.set_people_active([commune.teachers["Trần Thị Mai"]], False)
    mai = rounds.verdicts(round_id)[items[("Trần Thị Mai", "LDTT")].id]
    assert mai.verdict is Verdict.NOT_ELIGIBLE and "đã ngừng theo dõi" in mai.summary


def test_an_award_missing_from_the_years_rules_gives_no_verdict_but_a_reason(
    context, rounds, commune
) -> None:  # type: ignore[no-untyped-def]
    round_id, (nid,) = round_with(context.database, YEAR, [(P, commune.teachers["Nguyễn Thị Lan"],
                                                            "KHONG_CO")])  # fmt: skip
    v = rounds.verdicts(round_id)[nid]
    assert v.verdict is None and "KHONG_CO" in v.summary and v.label == "Chưa kiểm tra được"


def test_a_decided_item_is_not_checked_again(context, rounds, commune) -> None:  # type: ignore[no-untyped-def]
    round_id, (nid,) = round_with(
        context.database,
        YEAR,
        [(P, commune.teachers["Nguyễn Thị Lan"], "LDTT")],
        RoundStatus.DECIDED,
    )
    with context.database.session_scope() as s:
        s.get(NominationRow, nid).status = NominationStatus.DECIDED
    v = rounds.verdicts(round_id)[nid]
    assert v.settled and v.verdict is None and v.label == "Đã có quyết định"


# Notice -----------------------------------------------------------------------------------------


def test_the_notice_runs_ten_days_counting_the_first_and_is_stored(context, rounds) -> None:  # type: ignore[no-untyped-def]
    assert notice_end(dt.date(2026, 12, 2), 10) == dt.date(2026, 12, 11)
    text, warn = notice_state(dt.date(2026, 12, 2), 10, dt.date(2026, 12, 9))
    assert warn and "còn 3 ngày" in text and "11/12/2026" in text
    assert notice_state(dt.date(2026, 12, 2), 10, dt.date(2026, 12, 12)) == (
        "Đã công khai từ 02/12/2026 đến hết ngày 11/12/2026.", False)  # fmt: skip
    round_id = rounds.create(RoundInput(YEAR, RoundKind.FAMILY))
    rounds.set_notice(round_id, NoticeInput(dt.date(2026, 12, 2), 10, " Thông báo  số 12/TB-UBND "))
    r = rounds.get(round_id)
    assert (r.notice_end, r.notice_document) == (dt.date(2026, 12, 11), "Thông báo số 12/TB-UBND")
    before = _counts(context)
    with pytest.raises(ValidationError) as err:
        rounds.set_notice(round_id, NoticeInput(dt.date(2020, 1, 1), 9))
    assert set(err.value.field_errors) == {"days", "start"}
    assert "ít nhất 10 ngày" in err.value.field_errors["days"]
    plain = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    with pytest.raises(UserError, match="không công khai danh sách"):
        rounds.set_notice(plain, NoticeInput(dt.date(2026, 12, 2)))
    assert _counts(context)[:3] == (before[0] + 1, before[1], before[2] + 2)


# Steps ------------------------------------------------------------------------------------------


def test_submit_refuses_an_empty_list_and_names_subjects_no_longer_followed(  # type: ignore[no-untyped-def]
    context, rounds, commune
) -> None:
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    with pytest.raises(UserError, match="đang trống"):
        rounds.submit(round_id)
    rounds.add_from_grades(round_id, "LDTT", commune.schools)
    context.services.registry.set_people_active([commune.teachers["Trần Thị Mai"]], False)
    audits = _count(context, AuditEntryRow)
    with pytest.raises(UserError, match="«Trần Thị Mai» đã ngừng theo dõi"):
        rounds.submit(round_id)
    assert rounds.get(round_id).status is RoundStatus.DRAFT
    assert _count(context, AuditEntryRow) == audits
    context.services.registry.set_people_active([commune.teachers["Trần Thị Mai"]], True)
    rounds.submit(round_id)
    assert rounds.get(round_id).status is RoundStatus.SUBMITTED
    with pytest.raises(UserError, match="Không chuyển được"):
        rounds.submit(round_id)
    with context.database.session_scope() as s:
        actions = list(
            s.scalars(
                select(AuditEntryRow.action).where(
                    AuditEntryRow.entity == "nomination_round", AuditEntryRow.entity_id == round_id
                )
            )
        )
    assert actions[-1] == "submit"


def test_submit_names_an_award_the_rules_no_longer_have(context, rounds, commune) -> None:  # type: ignore[no-untyped-def]
    round_id, _ = round_with(context.database, YEAR, [
        (P, commune.teachers["Nguyễn Thị Lan"], "LDTT"),
        (P, commune.teachers["Trần Thị Mai"], "DA_BO")])  # fmt: skip
    with pytest.raises(UserError, match=r"«Trần Thị Mai \(DA_BO\)» đề nghị danh hiệu"):
        rounds.submit(round_id)


def test_back_to_draft_only_while_no_vote_was_counted(context, rounds, commune) -> None:  # type: ignore[no-untyped-def]
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    with pytest.raises(UserError, match="Không chuyển được"):
        rounds.back_to_draft(round_id)
    rounds.add_from_grades(round_id, "LDTT", commune.schools)
    rounds.submit(round_id)
    rounds.back_to_draft(round_id)
    assert rounds.get(round_id).status is RoundStatus.DRAFT
    voted, _ = voted_round(context.database, YEAR, [(P, commune.teachers["Nguyễn Thị Lan"],
                                                     "LDTT")], dt.date(2026, 12, 10))  # fmt: skip
    with context.database.session_scope() as s:
        s.get(NominationRoundRow, voted).status = RoundStatus.SUBMITTED  # a meeting is open
    with pytest.raises(UserError, match="đã nhập kết quả bỏ phiếu"):
        rounds.back_to_draft(voted)
    assert rounds.get(voted).status is RoundStatus.SUBMITTED
    # A meeting with only its date and roll call goes with the step back.
    with context.database.session_scope() as s:
        s.execute(delete(TallyRow))
    rounds.back_to_draft(voted)
    assert rounds.get(voted).status is RoundStatus.DRAFT
    with context.database.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(MeetingRow)) == 0


def test_the_step_bar_shows_where_the_round_stands_and_what_comes_next(rounds, commune) -> None:  # type: ignore[no-untyped-def]
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    r = rounds.get(round_id)
    assert [s.state for s in steps(r, dt.date(2026, 12, 1))] == [
        StepState.CURRENT,
        StepState.OPEN,
        StepState.LATER,
        StepState.LATER,
        StepState.LATER,
    ]
    assert "Thêm đề nghị" in next_step(r)
    rounds.add_from_grades(round_id, "LDTT", commune.schools)
    rounds.submit(round_id)
    r = rounds.get(round_id)
    bar = steps(r, dt.date(2026, 12, 1))
    assert [s.state for s in bar][::2] == [StepState.DONE, StepState.CURRENT, StepState.LATER]
    assert bar[1].detail == f"0/{r.papers_total}"
    assert next_step(r) == "Bước tiếp theo: mục Hội đồng TĐKT › Họp xét, bỏ phiếu."
    assert bar[2].label == "③ Hội đồng xét"


def test_default_names_for_every_kind() -> None:
    assert {default_round_name(k, YEAR) for k in RoundKind} and all(
        str(YEAR) in default_round_name(k, YEAR) for k in RoundKind)  # fmt: skip


# Excel ------------------------------------------------------------------------------------------


def test_the_excel_list_carries_each_verdict_and_its_reason(
    context, rounds, commune, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    round_id = rounds.create(RoundInput(YEAR, RoundKind.YEAR_END))
    rounds.add_from_grades(round_id, "LDTT", commune.schools)
    path = tmp_path / "de-nghi.xlsx"
    assert rounds.export(path, round_id) == 3
    sheet = openpyxl.load_workbook(path).active
    rows = [[c for c in r] for r in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if r and "Kiểm tra điều kiện" in r)
    body = rows[rows.index(header) + 1 :]
    col = header.index("Kiểm tra điều kiện")
    assert {r[col] for r in body} == {"Cần xem xét thủ công"}
    assert "XÉT KHEN THƯỞNG CUỐI NĂM 2026" in rows[0][0]


def test_a_round_of_a_thousand_items_gets_a_verdict_for_each(demo_context) -> None:  # type: ignore[no-untyped-def]
    """Every item of a 1,000-item round gets its verdict (the 1 s budget is measured in
    benchmarks/bench_workflow.py)."""
    with demo_context.database.session_scope() as s:
        people = list(s.scalars(select(PersonRow.id).where(PersonRow.active.is_(True)).limit(500)))
    items = [(P, pid, code) for code in ("LDTT", "GIAY_KHEN_CA_NHAN") for pid in people]
    round_id, ids = round_with(demo_context.database, YEAR, items)
    rounds = demo_context.services.rounds
    verdicts = rounds.verdicts(round_id)
    assert len(verdicts) == len(ids) == 2 * len(people) >= 1000
