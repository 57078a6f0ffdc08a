"""Discipline, maternity and leave periods: checks, the year's list, and the facts the eligibility
engine reads."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from emulation_desktop.domain.enums import Gender, PeriodKind, PersonKind, UnitKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.periods import PeriodInput, first_overlap, validate_period
from emulation_desktop.domain.registry import PersonInput, UnitInput
from emulation_desktop.domain.rules.facts import Leave, Period
from emulation_desktop.services.periods import period_facts
from emulation_desktop.store.models import AuditEntryRow

D = dt.date
K = PeriodKind


@pytest.fixture
def office(context):  # type: ignore[no-untyped-def]
    reg = context.services.registry
    unit = reg.create_unit(UnitInput("Văn phòng HĐND và UBND", UnitKind.OFFICE))
    an = reg.create_person(PersonInput("Lê Thị An", Gender.FEMALE, PersonKind.CONG_CHUC, unit))
    binh = reg.create_person(PersonInput("Trần Văn Bình", Gender.MALE, PersonKind.CAN_BO, unit))
    return context, an, binh


def _discipline(person: int | None, start: D | None, end: D | None = None, form: str = "Khiển trách"
                ) -> PeriodInput:  # fmt: skip
    return PeriodInput(person, K.DISCIPLINE, start, end, form, "Quyết định số 12/QĐ-UBND")


def test_end_before_start_missing_person_and_form_are_named_at_their_fields() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_period(PeriodInput(None, K.DISCIPLINE, D(2025, 3, 1), D(2025, 2, 1)))
    errors = refused.value.field_errors
    assert errors["person"].startswith("Hãy chọn cá nhân")
    assert errors["end"].startswith("Ngày kết thúc 01/02/2025 trước ngày bắt đầu 01/03/2025")
    assert "hình thức kỷ luật" in errors["form"]
    with pytest.raises(ValidationError, match="ngày bắt đầu"):
        validate_period(PeriodInput(1, K.MATERNITY, None))


def test_maternity_keeps_no_discipline_form_and_text_is_nfc() -> None:
    typed = PeriodInput(1, K.MATERNITY, D(2025, 1, 1), None, "Cảnh cáo", "  Quyết định   số 5  ",
                        "Nghi\u0309 sinh con")  # fmt: skip
    clean = validate_period(typed)
    assert clean.form == "" and clean.document == "Quyết định số 5"
    assert clean.note == "Nghỉ sinh con"


def test_overlap_is_found_with_open_ended_periods() -> None:
    others = [(D(2025, 1, 1), D(2025, 6, 30)), (D(2026, 1, 1), None)]
    assert first_overlap(D(2025, 7, 1), D(2025, 12, 31), others) is None
    assert first_overlap(D(2025, 6, 30), D(2025, 7, 5), others) == others[0]
    assert first_overlap(D(2030, 1, 1), None, others) == others[1]


def test_create_list_update_delete_with_audit(office) -> None:  # type: ignore[no-untyped-def]
    ctx, an, binh = office
    periods = ctx.services.periods
    first = periods.create(_discipline(an, D(2025, 3, 1), D(2025, 8, 31)))
    periods.create(PeriodInput(binh, K.MATERNITY, D(2026, 2, 1), D(2026, 7, 31)))
    periods.create(PeriodInput(an, K.LEAVE, D(2024, 1, 1), D(2024, 3, 1)))
    assert [p.person_name for p in periods.list_periods(2025)] == ["Lê Thị An"]
    assert [p.kind for p in periods.list_periods(None, K.MATERNITY)] == [K.MATERNITY]
    assert [p.person_name for p in periods.list_periods(None, text="binh")] == ["Trần Văn Bình"]
    assert len(periods.list_periods()) == 3
    item = periods.get(first)
    assert item is not None and item.span == "từ 01/03/2025 đến 31/08/2025"
    assert item.what == "Kỷ luật (Khiển trách)"

    periods.update(first, _discipline(an, D(2025, 3, 1), None, "Cảnh cáo"))
    updated = periods.get(first)
    assert updated is not None and updated.end is None and updated.end_text == "chưa kết thúc"
    assert periods.list_periods(2027)[0].id == first  # still running: it touches every year
    periods.delete(first)
    assert periods.get(first) is None
    with pytest.raises(UserError, match="không còn"):
        periods.delete(first)
    with ctx.database.session_scope() as s:
        actions = s.scalars(
            select(AuditEntryRow.action).where(AuditEntryRow.entity == "person_period")
        ).all()
    assert actions == ["create", "create", "create", "update", "delete"]


def test_overlapping_period_of_the_same_kind_is_refused(office) -> None:  # type: ignore[no-untyped-def]
    ctx, an, _binh = office
    periods = ctx.services.periods
    first = periods.create(_discipline(an, D(2025, 3, 1), D(2025, 8, 31)))
    with pytest.raises(ValidationError, match="Trùng với thời gian kỷ luật từ 01/03/2025 đến "
                                              "31/08/2025 đã ghi của «Lê Thị An»"):  # fmt: skip
        periods.create(_discipline(an, D(2025, 8, 31), D(2025, 12, 31)))
    # Another kind over the same days, and the record itself when edited, are fine.
    periods.create(PeriodInput(an, K.MATERNITY, D(2025, 5, 1), D(2025, 10, 31)))
    periods.update(first, _discipline(an, D(2025, 3, 1), D(2025, 9, 30)))
    assert len(periods.list_periods()) == 2


def test_a_person_who_is_gone_is_refused_at_the_person_field(office) -> None:  # type: ignore[no-untyped-def]
    ctx, _an, _binh = office
    with pytest.raises(ValidationError) as refused:
        ctx.services.periods.create(_discipline(987_654, D(2025, 1, 1)))
    assert "không còn trong danh sách" in refused.value.field_errors["person"]


def test_period_facts_give_disciplines_and_leaves_as_the_engine_reads_them(office) -> None:  # type: ignore[no-untyped-def]
    ctx, an, binh = office
    periods = ctx.services.periods
    periods.create(_discipline(an, D(2025, 3, 1), D(2025, 8, 31)))
    periods.create(_discipline(an, D(2027, 1, 1)))
    periods.create(PeriodInput(an, K.MATERNITY, D(2024, 5, 1), D(2024, 10, 31)))
    periods.create(PeriodInput(binh, K.LEAVE, D(2025, 1, 10), D(2025, 2, 10)))
    with ctx.database.session_scope() as s:
        facts = period_facts(s, 2025)
        only_binh = period_facts(s, None, [binh])
        every_year = period_facts(s)
    disciplines, leaves = facts[an]
    assert disciplines == (Period(D(2025, 3, 1), D(2025, 8, 31)),)  # 2027 is not seen in 2025
    assert leaves == (Leave(Period(D(2024, 5, 1), D(2024, 10, 31)), maternity=True),)
    assert facts[binh] == ((), (Leave(Period(D(2025, 1, 10), D(2025, 2, 10)), maternity=False),))
    assert set(only_binh) == {binh}
    assert every_year[an][0][-1] == Period(D(2027, 1, 1), None)
    assert ctx.services.periods.for_people([an])[an][0].kind is K.MATERNITY
