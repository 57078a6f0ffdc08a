"""Movements and the yearly plan: the checks of the form, the anniversary labels, copying a
movement into another year, and the service round trip on a real database."""

from __future__ import annotations

import datetime as dt
import unicodedata
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
from emulation_desktop.domain.movements import (
    MilestoneInput,
    MilestoneView,
    MovementInput,
    PhaseInput,
    YearPlan,
    copy_to_year,
    milestone_label,
    movement_warnings,
    shift_years,
    validate_movement,
    validate_year_plan,
)
from emulation_desktop.domain.registry import PersonInput, UnitInput
from emulation_desktop.services.subjects import subject_columns
from emulation_desktop.store.cycle_models import (
    MovementRow,
    RegistrationRow,
    ReviewRow,
)
from emulation_desktop.store.models import AuditEntryRow

D = dt.date
DBP = MilestoneInput("Chiến thắng Điện Biên Phủ", D(1954, 5, 7), D(2024, 5, 7), 1)
QDND = MilestoneInput(
    "ngày thành lập Quân đội nhân dân Việt Nam", D(1944, 12, 22), D(2024, 12, 22), 2
)


def ntm(**kw: object) -> MovementInput:
    """The 2024 plan's first movement, as the officer would type it."""
    data = MovementInput(
        name="Cả nước chung sức xây dựng nông thôn mới nâng cao, kiểu mẫu",
        start=D(2024, 1, 1),
        end=D(2024, 12, 31),
        theme="Đoàn kết, vượt khó - Tăng tốc, bứt phá - Kịp thời, hiệu quả",
        kind=MovementKind.PHASED,
        launcher=Launcher.DISTRICT,
        launch_doc_type="Kế hoạch",
        launch_doc_number="36/KH-UBND",
        launch_doc_date=D(2024, 3, 14),
        launch_doc_issuer="UBND huyện Trục Ninh",
        launch_doc_subject="Triển khai thực hiện công tác thi đua, khen thưởng năm 2024",
        targets="Thị trấn đạt chuẩn đô thị văn minh\nTỷ lệ hộ nghèo dưới 1%",
        phases=(
            PhaseInput(1, "", D(2024, 1, 1), D(2024, 6, 30), "Hoàn thành nhiệm vụ 6 tháng đầu năm"),
            PhaseInput(2, "", D(2024, 7, 1), D(2024, 12, 31), "Hoàn thành sớm các chỉ tiêu"),
        ),
        milestones=(DBP, QDND),
    )
    return replace(data, **kw)  # type: ignore[arg-type]


def field_errors(data: MovementInput) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        validate_movement(data)
    return info.value.field_errors


# Domain: the form's checks ----------------------------------------------------------------------


def test_a_good_movement_is_tidied_not_refused() -> None:
    clean = validate_movement(
        ntm(
            name=unicodedata.normalize("NFD", "  Cả nước   chung sức xây dựng nông thôn mới "),
            phases=tuple(reversed(ntm().phases)),
            unit_ids=(5, 3, 5),
        )
    )
    assert clean.name == "Cả nước chung sức xây dựng nông thôn mới"
    assert unicodedata.is_normalized("NFC", clean.name)
    assert [p.number for p in clean.phases] == [1, 2]
    assert [p.name for p in clean.phases] == ["Đợt 1", "Đợt 2"]  # an empty name says which
    assert clean.unit_ids == (3, 5)
    assert clean.year == 2024


def test_an_empty_name_is_refused_at_the_name() -> None:
    assert field_errors(ntm(name="   ")) == {"name": "Hãy nhập tên phong trào."}


def test_end_before_start_is_refused_at_the_end() -> None:
    errors = field_errors(ntm(start=D(2024, 12, 31), end=D(2024, 1, 1)))
    assert errors == {"end": "Ngày kết thúc phải sau ngày bắt đầu."}


def test_missing_dates_are_asked_for() -> None:
    errors = field_errors(ntm(start=None, end=None, phases=()))
    assert errors["start"] == "Hãy nhập ngày bắt đầu."
    assert errors["end"] == "Hãy nhập ngày kết thúc."


def test_a_phase_outside_the_movement_names_the_phase_and_both_periods() -> None:
    phases = (ntm().phases[0], PhaseInput(2, "", D(2024, 7, 1), D(2025, 1, 31)))
    errors = field_errors(ntm(phases=phases))
    assert errors == {
        "phases": "Đợt 2 (01/07/2024 - 31/01/2025) nằm ngoài thời gian của phong trào "
        "(01/01/2024 - 31/12/2024)."
    }


def test_overlapping_phases_are_refused() -> None:
    phases = (
        PhaseInput(1, "", D(2024, 1, 1), D(2024, 7, 15)),
        PhaseInput(2, "", D(2024, 7, 1), D(2024, 12, 31)),
    )
    assert field_errors(ntm(phases=phases)) == {
        "phases": "Đợt 1 (01/01/2024 - 15/07/2024) và Đợt 2 (01/07/2024 - 31/12/2024) trùng "
        "thời gian."
    }


def test_two_phases_with_one_number_are_refused() -> None:
    phases = (
        PhaseInput(1, "", D(2024, 1, 1), D(2024, 6, 30)),
        PhaseInput(1, "", D(2024, 7, 1), D(2024, 12, 31)),
    )
    assert "Có hai đợt cùng số 1" in field_errors(ntm(phases=phases))["phases"]


def test_a_phase_ending_before_it_starts_is_refused() -> None:
    phases = (PhaseInput(1, "", D(2024, 6, 30), D(2024, 1, 1)),)
    errors = field_errors(ntm(phases=phases, milestones=()))
    assert errors == {"phases": "Đợt 1: ngày kết thúc phải sau ngày bắt đầu."}


def test_an_anniversary_not_after_its_event_is_refused() -> None:
    wrong = MilestoneInput("Chiến thắng Điện Biên Phủ", D(2024, 5, 7), D(1954, 5, 7))
    errors = field_errors(ntm(milestones=(wrong,)))
    assert errors == {
        "milestones": "Mốc «Chiến thắng Điện Biên Phủ»: ngày kỷ niệm phải sau ngày diễn ra sự kiện."
    }


def test_a_milestone_of_a_phase_that_does_not_exist_is_refused() -> None:
    errors = field_errors(ntm(milestones=(replace(DBP, phase_number=3),)))
    assert "không có đợt này" in errors["milestones"]


def test_a_movement_must_run_in_its_year() -> None:
    errors = field_errors(ntm(year=2026))
    assert errors == {"start": "Phong trào của năm 2026 phải diễn ra trong năm 2026."}


def test_an_anniversary_outside_the_period_is_a_warning_not_a_refusal() -> None:
    late = MilestoneInput("ngày hội Quốc phòng toàn dân", D(1989, 12, 22), D(2024, 12, 22), 2)
    data = ntm(end=D(2024, 12, 15), phases=(ntm().phases[0],), milestones=(DBP, late))
    data = replace(data, milestones=(DBP, replace(late, phase_number=None)))
    clean = validate_movement(data)
    assert movement_warnings(clean) == [
        "Ngày kỷ niệm «ngày hội Quốc phòng toàn dân» (22/12/2024) nằm ngoài thời gian của "
        "phong trào (01/01/2024 - 15/12/2024)."
    ]
    assert movement_warnings(validate_movement(ntm())) == []


# Domain: labels and copying ---------------------------------------------------------------------


def test_milestone_labels_read_like_the_plan() -> None:
    assert milestone_label(DBP.name, D(1954, 5, 7), D(2024, 5, 7)) == (
        "70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)"
    )
    view = MilestoneView(1, "ngày giải phóng thành phố Nam Định", D(1954, 7, 1), D(2024, 7, 1))
    assert view.label == "70 năm ngày giải phóng thành phố Nam Định (01/7/1954 - 01/7/2024)"
    assert MilestoneView(2, QDND.name, D(1944, 12, 22), D(2024, 12, 22)).years == 80


def test_a_copy_moves_every_date_and_celebrates_one_more_year() -> None:
    copy = copy_to_year(validate_movement(ntm()), 2024, 2025)
    assert (copy.start, copy.end, copy.year) == (D(2025, 1, 1), D(2025, 12, 31), 2025)
    assert [(p.start, p.end) for p in copy.phases] == [
        (D(2025, 1, 1), D(2025, 6, 30)),
        (D(2025, 7, 1), D(2025, 12, 31)),
    ]
    dbp = copy.milestones[0]
    assert dbp.origin_date == D(1954, 5, 7)
    assert milestone_label(dbp.name, dbp.origin_date, dbp.anniversary_date) == (
        "71 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2025)"
    )
    assert copy.launch_doc_date == D(2024, 3, 14)  # the real launching document is kept
    validate_movement(copy)


def test_29_february_becomes_28_february() -> None:
    assert shift_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert shift_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    copy = copy_to_year(ntm(start=D(2024, 2, 29), phases=(), milestones=()), 2024, 2025)
    assert copy.start == D(2025, 2, 28)


def test_a_copy_into_the_same_year_is_refused() -> None:
    with pytest.raises(UserError, match="đã thuộc năm 2024"):
        copy_to_year(ntm(), 2024, 2024)


def test_year_plan_target_is_between_0_and_99() -> None:
    assert validate_year_plan(YearPlan(2024, " Đoàn kết ", 3)).theme == "Đoàn kết"
    with pytest.raises(ValidationError) as info:
        validate_year_plan(YearPlan(2024, model_target=100))
    assert info.value.field_errors == {
        "model_target": "Chỉ tiêu mô hình, điển hình mới phải từ 0 đến 99."
    }


def test_year_plan_line() -> None:
    plan = YearPlan(2024, plan_number="21/KH-UBND", plan_date=D(2024, 3, 14))
    assert plan.plan_line == "Kế hoạch số 21/KH-UBND ngày 14/3/2024"
    assert YearPlan(2024).plan_line == ""


# Service ----------------------------------------------------------------------------------------


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


def test_upcoming_milestones_for_the_overview(svc) -> None:  # type: ignore[no-untyped-def]
    svc.create(ntm())
    svc.create(
        ntm(name="Thi đua Quyết thắng", phases=(), milestones=(replace(QDND, phase_number=None),))
    )
    assert svc.upcoming_milestones(D(2024, 4, 20), 60)[0].label == (
        "70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)"
    )
    [army] = svc.upcoming_milestones(D(2024, 12, 1), 60)
    day, label, _movements = army  # the overview may read it as a plain tuple
    assert (day, label) == (
        D(2024, 12, 22),
        "80 năm ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/2024)",
    )
    assert army.movement_name == (
        "Cả nước chung sức xây dựng nông thôn mới nâng cao, kiểu mẫu; Thi đua Quyết thắng"
    )
    assert svc.upcoming_milestones(D(2024, 8, 1), 30) == []
