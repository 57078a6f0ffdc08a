"""Movements and the yearly plan through the service, on a real database: the round trip of
what the form holds, search, edits that keep reviewed phases, refused deletes, copies into the
next year and the upcoming anniversaries."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from emulation_desktop.domain.enums import (
    Gender,
    Launcher,
    MovementKind,
    PersonKind,
    RegistrationStatus,
    ReviewKind,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.movement_checks import (
    validate_movement,
)
from emulation_desktop.domain.movements import (
    YearPlan,
)
from emulation_desktop.domain.overview import DueKind
from emulation_desktop.domain.registry import PersonInput, UnitInput
from emulation_desktop.services.subjects import subject_columns
from emulation_desktop.store.cycle_models import (
    MovementRow,
    RegistrationRow,
    ReviewRow,
)
from emulation_desktop.store.models import AuditEntryRow
from tests.cycle_data import DBP, QDND, D, ntm


@pytest.fixture
def svc(context):  # type: ignore[no-untyped-def]
    return context.services.movements


@pytest.fixture
def units(context) -> list[int]:  # type: ignore[no-untyped-def]
    reg = context.services.registry
    return [
        reg.create_unit(UnitInput("Tổ dân phố số 1", UnitKind.RESIDENTIAL)),
        reg.create_unit(UnitInput("Trường Tiểu học Cát Thành", UnitKind.SCHOOL)),
    ]


@pytest.fixture
def officer(context, units) -> int:  # type: ignore[no-untyped-def]
    data = PersonInput("Trần Thị Hạnh", Gender.FEMALE, PersonKind.CONG_CHUC, units[0])
    return context.services.registry.create_person(data)


def _count(context, model) -> int:  # type: ignore[no-untyped-def]
    with context.database.session_scope() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_round_trip_keeps_everything_the_form_holds(svc, units, officer) -> None:  # type: ignore[no-untyped-def]
    movement_id = svc.create(ntm(responsible_id=officer, unit_ids=tuple(units)))
    d = svc.get(movement_id)
    assert (d.year, d.name, d.kind, d.launcher) == (
        2024,
        "Cả nước chung sức xây dựng nông thôn mới nâng cao, kiểu mẫu",
        MovementKind.PHASED,
        Launcher.DISTRICT,
    )
    assert d.launch_line == "Kế hoạch số 36/KH-UBND ngày 14/3/2024 của UBND huyện Trục Ninh"
    assert [p.title for p in d.phases] == ["Đợt 1", "Đợt 2"]
    assert [m.label for m in d.milestones] == [
        "70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)",
        "80 năm ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/2024)",
    ]
    assert [m.phase_number for m in d.milestones] == [1, 2]
    assert [u.name for u in d.units] == ["Tổ dân phố số 1", "Trường Tiểu học Cát Thành"]
    assert d.responsible is not None and d.responsible.name == "Trần Thị Hạnh"
    assert d.to_input() == validate_movement(ntm(responsible_id=officer, unit_ids=tuple(units)))

    [item] = svc.list(2024)
    assert (item.id, item.phase_count, item.period) == (movement_id, 2, "01/01/2024 - 31/12/2024")
    assert svc.list(2025) == []


def test_search_ignores_accents(svc) -> None:  # type: ignore[no-untyped-def]
    svc.create(ntm())
    svc.create(ntm(name="Dân vận khéo", phases=(), milestones=()))
    assert [m.name for m in svc.list(2024, "dan van")] == ["Dân vận khéo"]
    assert len(svc.list(2024, "NONG THON")) == 1
    assert len(svc.list(2024, "truc ninh")) == 2  # the launching body counts too


def test_update_replaces_phases_and_milestones(svc, units) -> None:  # type: ignore[no-untyped-def]
    movement_id = svc.create(ntm(unit_ids=(units[0],)))
    phase_ids = [p.id for p in svc.get(movement_id).phases]
    one_phase = (replace(ntm().phases[0], name="Thi đua chào mừng", end=D(2024, 5, 31)),)
    svc.update(movement_id, ntm(phases=one_phase, milestones=(DBP,), unit_ids=(units[1],)))
    d = svc.get(movement_id)
    assert [(p.id, p.title) for p in d.phases] == [(phase_ids[0], "Đợt 1: Thi đua chào mừng")]
    assert [m.name for m in d.milestones] == ["Chiến thắng Điện Biên Phủ"]
    assert [u.id for u in d.units] == [units[1]]


def test_a_reviewed_phase_is_not_removed_silently(context, svc) -> None:  # type: ignore[no-untyped-def]
    movement_id = svc.create(ntm())
    phase2 = svc.get(movement_id).phases[1]
    with context.database.session_scope() as s:
        s.add(ReviewRow(movement_id=movement_id, phase_id=phase2.id,
                        kind=ReviewKind.PRELIMINARY, held_on=D(2024, 12, 20)))  # fmt: skip
    assert svc.get(movement_id).phases[1].reviewed
    with pytest.raises(ValidationError) as info:
        svc.update(movement_id, ntm(phases=ntm().phases[:1], milestones=(DBP,)))
    assert info.value.field_errors["phases"].startswith("Không bỏ được Đợt 2: đã có sơ kết")
    assert len(svc.get(movement_id).phases) == 2  # nothing written


def test_unknown_units_or_responsible_are_refused(svc, units) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        svc.create(ntm(unit_ids=(units[0], 9999), responsible_id=9999))
    assert set(info.value.field_errors) == {"unit_ids", "responsible_id"}
    assert svc.list(2024) == []


def test_the_same_name_twice_in_a_year_is_refused(svc) -> None:  # type: ignore[no-untyped-def]
    svc.create(ntm())
    with pytest.raises(ValidationError) as info:
        svc.create(ntm(name="CẢ NƯỚC chung sức xây dựng nông thôn mới nâng cao, kiểu mẫu"))
    assert "Năm 2024 đã có phong trào" in info.value.field_errors["name"]


def test_delete_is_refused_with_registrations_and_audited_otherwise(context, svc, units) -> None:  # type: ignore[no-untyped-def]
    kept = svc.create(ntm(unit_ids=tuple(units)))
    with context.database.session_scope() as s:
        s.add(RegistrationRow(year=2024, movement_id=kept, subject_kind=SubjectKind.UNIT,
                              status=RegistrationStatus.PENDING,
                              **subject_columns(SubjectKind.UNIT, units[0])))  # fmt: skip
    with pytest.raises(UserError) as info:
        svc.delete(kept)
    assert info.value.message.startswith(
        "Không xóa được phong trào «Cả nước chung sức xây dựng nông thôn mới nâng cao, kiểu mẫu» "
        "vì đã có 1 đăng ký thi đua."
    )
    assert svc.list(2024)[0].registration_count == 1

    gone = svc.create(ntm(name="Dân vận khéo"))
    svc.delete(gone)
    assert [m.id for m in svc.list(2024)] == [kept]
    with pytest.raises(UserError, match="Không tìm thấy phong trào"):
        svc.get(gone)
    with context.database.session_scope() as s:
        actions = s.scalars(
            select(AuditEntryRow.action).where(AuditEntryRow.entity == "movement")
        ).all()
    assert actions == ["create", "create", "delete"]


def test_copy_to_next_year_keeps_phases_and_units_not_registrations(context, svc, units) -> None:  # type: ignore[no-untyped-def]
    source = svc.create(ntm(unit_ids=tuple(units)))
    with context.database.session_scope() as s:
        s.add(RegistrationRow(year=2024, movement_id=source, subject_kind=SubjectKind.UNIT,
                              status=RegistrationStatus.APPROVED,
                              **subject_columns(SubjectKind.UNIT, units[0])))  # fmt: skip
    copy_id = svc.copy_to_year(source, 2025)
    copy = svc.get(copy_id)
    assert (copy.year, copy.period, copy.copied_from_id) == (
        2025,
        "01/01/2025 - 31/12/2025",
        source,
    )
    assert [p.period for p in copy.phases] == ["01/01/2025 - 30/06/2025", "01/07/2025 - 31/12/2025"]
    assert copy.milestones[0].label == "71 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2025)"
    assert [u.id for u in copy.units] == units
    assert copy.registration_count == 0
    with pytest.raises(UserError, match="Năm 2025 đã có phong trào"):
        svc.copy_to_year(source, 2025)


def test_copy_all_skips_what_is_already_there(context, svc, units) -> None:  # type: ignore[no-untyped-def]
    svc.create(ntm())
    svc.create(ntm(name="Dân vận khéo", phases=(), milestones=()))
    svc.create(ntm(name="Đền ơn đáp nghĩa - Uống nước nhớ nguồn", phases=(), milestones=()))
    svc.copy_to_year(svc.list(2024)[1].id, 2025)
    assert svc.copy_all_to_year(2024, 2025) == 2
    assert svc.copy_all_to_year(2024, 2025) == 0
    assert len(svc.list(2025)) == 3
    assert _count(context, MovementRow) == 6


def test_year_plan_defaults_then_saved(svc) -> None:  # type: ignore[no-untyped-def]
    assert svc.year_plan(2024) == YearPlan(2024)
    assert not svc.year_plan(2024).saved
    plan = YearPlan(2024, "Đoàn kết, vượt khó - Tăng tốc, bứt phá - Kịp thời, hiệu quả", 3,
                    "21/KH-UBND", D(2024, 3, 14))  # fmt: skip
    svc.save_year_plan(plan)
    assert svc.year_plan(2024) == plan and svc.year_plan(2024).saved
    svc.save_year_plan(replace(plan, model_target=2))
    assert svc.year_plan(2024).model_target == 2
    with pytest.raises(ValidationError):
        svc.save_year_plan(replace(plan, model_target=-1))


def test_upcoming_milestones_for_the_overview(svc, context) -> None:  # type: ignore[no-untyped-def]
    svc.create(ntm())
    svc.create(
        ntm(name="Thi đua Quyết thắng", phases=(), milestones=(replace(QDND, phase_number=None),))
    )

    def milestones(today, days):  # type: ignore[no-untyped-def]
        due = context.services.overview.year_overview(2024, today, days).due
        return [(d.date, d.text) for d in due if d.kind is DueKind.MILESTONE]

    assert milestones(D(2024, 4, 20), 60)[0][1] == (
        "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)"
    )
    # one line per celebration even when two movements celebrate it
    assert milestones(D(2024, 12, 1), 60) == [(
        D(2024, 12, 22),
        "Kỷ niệm 80 năm ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/2024)",
    )]  # fmt: skip
    assert milestones(D(2024, 8, 1), 30) == []
