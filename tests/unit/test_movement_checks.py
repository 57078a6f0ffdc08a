"""The movement form's checks, the anniversary labels, copying a movement into another year and
the yearly plan, in the domain (no database)."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest

from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.movement_checks import (
    movement_warnings,
    validate_movement,
    validate_year_plan,
)
from emulation_desktop.domain.movements import (
    MilestoneInput,
    MilestoneView,
    MovementInput,
    PhaseInput,
    YearPlan,
    copy_to_year,
    milestone_label,
    shift_years,
)
from tests.cycle_data import DBP, QDND, D, ntm


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
