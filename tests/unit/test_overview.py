"""Tổng quan figures: the yearly deadlines and the year's work on a small hand-made commune,
with exact counts and the edges of the 60-day window."""

from __future__ import annotations

import datetime as dt

import pytest

from emulation_desktop.domain import deadlines
from emulation_desktop.domain.enums import (
    ComplaintKind,
    Gender,
    Grade,
    Launcher,
    ModelStatus,
    MovementKind,
    PersonKind,
    RegistrationStatus,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.overview import DueKind, Progress
from emulation_desktop.domain.registry import PersonInput, UnitInput
from emulation_desktop.store.cycle_models import (
    AdvancedModelRow,
    ComplaintRow,
    MilestoneRow,
    MovementPhaseRow,
    MovementRow,
    RegistrationRow,
    YearPlanRow,
)
from emulation_desktop.store.models import EvaluationRow

D = dt.date
TODAY = D(2026, 11, 24)
GDVH = "Hoàn thành bình xét Gia đình văn hóa năm 2026 (trước 25/11)"


# --- The yearly deadlines ------------------------------------------------------------------------


def _gdvh(today: dt.date, days: int = 60) -> list[deadlines.DatedDeadline]:
    return [d for d in deadlines.upcoming(today, days) if d.deadline.key == "gdvh"]


@pytest.mark.parametrize(
    ("today", "days_left"),
    [
        (D(2026, 10, 1), 55),  # seen from the start of October
        (D(2026, 9, 26), 60),  # the last day of the window is in
        (D(2026, 11, 25), 0),  # the day itself
    ],
)
def test_the_family_culture_deadline_is_seen_within_60_days(today: dt.date, days_left: int) -> None:
    [found] = _gdvh(today)
    assert found.date == D(2026, 11, 25)
    assert (found.date - today).days == days_left
    assert found.text == GDVH
    assert "86/2023" in found.deadline.basis
    assert found.deadline.area == "nominations"


@pytest.mark.parametrize("today", [D(2026, 9, 25), D(2026, 11, 26), D(2026, 12, 31)])
def test_the_family_culture_deadline_is_not_seen_outside_the_window(today: dt.date) -> None:
    assert _gdvh(today) == []


def test_upcoming_crosses_the_new_year_and_names_the_year_closed() -> None:
    found = deadlines.upcoming(TODAY, 60)
    assert [(d.date, d.deadline.key) for d in found] == [
        (D(2026, 11, 25), "gdvh"),
        (D(2026, 12, 15), "xep_loai"),
        (D(2026, 12, 20), "hoi_dong"),
        (D(2027, 1, 15), "tong_ket"),
    ]
    # The January tổng kết closes 2026, and the March proposals too.
    assert found[-1].text.startswith("Tổng kết công tác thi đua, khen thưởng năm 2026")
    march = [
        d for d in deadlines.upcoming(D(2027, 3, 1), 31) if d.deadline.key == "de_nghi_cap_tren"
    ]
    assert march[0].work_year == 2026 and "năm 2026" in march[0].text


def test_the_mid_year_review_and_registrations_are_yearly_deadlines() -> None:
    keys = {d.deadline.key: d.date for d in deadlines.upcoming(D(2026, 3, 1), 130)}
    assert keys["dang_ky"] == D(2026, 3, 31)
    assert keys["so_ket"] == D(2026, 6, 30)
    for d in deadlines.YEARLY_DEADLINES:
        assert d.basis and d.area in {"movements", "evaluations", "nominations", "council"}


# --- A small commune ---------------------------------------------------------------------------


@pytest.fixture
def commune(context):  # type: ignore[no-untyped-def]
    """Office (3 staff, one inactive elsewhere), school (2), police (1), a tổ dân phố (2)."""
    reg = context.services.registry
    ids: dict[str, int] = {}
    for key, name, kind in (("office", "Văn phòng HĐND và UBND", UnitKind.OFFICE),
                            ("school", "Trường Tiểu học", UnitKind.SCHOOL),
                            ("police", "Công an xã", UnitKind.SECURITY),
                            ("tdp", "Tổ dân phố số 1", UnitKind.RESIDENTIAL)):  # fmt: skip
        ids[key] = reg.create_unit(UnitInput(name, kind))

    def person(name: str, unit: str, kind: PersonKind) -> int:
        return reg.create_person(PersonInput(name, Gender.FEMALE, kind, ids[unit]))

    for i, name in enumerate(("Lê Thị An", "Trần Thị Bình", "Phạm Thị Chi")):
        ids[f"o{i}"] = person(name, "office", PersonKind.CONG_CHUC)
    ids["s0"] = person("Vũ Thị Dung", "school", PersonKind.VIEN_CHUC)
    ids["s1"] = person("Đỗ Thị Em", "school", PersonKind.VIEN_CHUC)
    ids["p0"] = person("Ngô Thị Gấm", "police", PersonKind.NGUOI_LAO_DONG)
    ids["gone"] = person("Hà Thị Hoa", "office", PersonKind.CONG_CHUC)
    reg.set_people_active([ids["gone"]], False)
    person("Bùi Thị Khuê", "tdp", PersonKind.NHAN_DAN)  # residents are not graded
    person("Mai Thị Lan", "tdp", PersonKind.NHAN_DAN)
    return ids


def _person_reg(pid: int, status: RegistrationStatus, year: int = 2026) -> RegistrationRow:
    return RegistrationRow(subject_kind=SubjectKind.PERSON, person_id=pid, year=year,
                           award_code="LDTT", status=status)  # fmt: skip


@pytest.fixture
def year_work(context, commune):  # type: ignore[no-untyped-def]
    ids = commune
    with context.database.session_scope() as s:
        s.add(YearPlanRow(year=2026, theme="Đoàn kết, kỷ cương", model_target=3,
                          plan_number="15/KH-UBND", plan_date=D(2026, 3, 6)))  # fmt: skip
        yearly = MovementRow(
            year=2026, name="Thi đua năm 2026", kind=MovementKind.REGULAR,
            launcher=Launcher.PROVINCE, start_date=D(2026, 1, 1), end_date=D(2026, 12, 31),
            responsible_id=ids["o0"],
            phases=[MovementPhaseRow(number=1, name="Đợt 1", start_date=D(2026, 1, 1),
                                     end_date=D(2026, 6, 30)),
                    MovementPhaseRow(number=2, name="Đợt 2", start_date=D(2026, 7, 1),
                                     end_date=D(2026, 12, 31))],
        )  # fmt: skip
        other = MovementRow(
            year=2026, name="Cải cách hành chính", kind=MovementKind.THEMATIC,
            launcher=Launcher.COMMUNE, start_date=D(2026, 2, 1), end_date=D(2026, 12, 31),
        )  # fmt: skip
        old = MovementRow(year=2025, name="Thi đua năm 2025", kind=MovementKind.REGULAR,
                          launcher=Launcher.DISTRICT, start_date=D(2025, 1, 1),
                          end_date=D(2025, 12, 31))  # fmt: skip
        s.add_all([yearly, other, old])
        s.flush()
        s.add_all(
            MilestoneRow(movement_id=yearly.id, name=name, origin_date=origin, anniversary_date=day)
            for name, origin, day in (
                ("Ngày Toàn quốc kháng chiến", D(1946, 12, 19), D(2026, 12, 19)),
                ("Mốc đúng 60 ngày", D(1967, 1, 23), D(2027, 1, 23)),  # today + 60: in
                ("Mốc 61 ngày", D(1967, 1, 24), D(2027, 1, 24)),  # today + 61: out
                ("Mốc hôm qua", D(1946, 11, 23), D(2026, 11, 23)),  # past: out
            )
        )
        grades = [("o0", Grade.GOOD), ("o1", Grade.EXCELLENT), ("p0", Grade.GOOD)]
        s.add_all(EvaluationRow(person_id=ids[k], year=2026, grade=g) for k, g in grades)
        s.add(EvaluationRow(person_id=ids["o2"], year=2025, grade=Grade.GOOD))  # another year
        s.add(EvaluationRow(unit_id=ids["office"], year=2026, grade=Grade.GOOD))
        s.add(EvaluationRow(unit_id=ids["school"], year=2025, grade=Grade.GOOD))
        s.add_all([
            RegistrationRow(subject_kind=SubjectKind.UNIT, unit_id=ids["office"], year=2026,
                            movement_id=yearly.id, award_code="TTLDTT",
                            status=RegistrationStatus.APPROVED),
            _person_reg(ids["o0"], RegistrationStatus.PENDING),
            _person_reg(ids["o1"], RegistrationStatus.PENDING),
            _person_reg(ids["s0"], RegistrationStatus.DRAFT),
            _person_reg(ids["s1"], RegistrationStatus.REJECTED),
            _person_reg(ids["o2"], RegistrationStatus.APPROVED, year=2025),
        ])  # fmt: skip
        for year, status in ((2026, ModelStatus.RECOGNISED), (2026, ModelStatus.REPLICATED),
                             (2026, ModelStatus.BUILDING), (2026, ModelStatus.STOPPED),
                             (2025, ModelStatus.RECOGNISED)):  # fmt: skip
            model = AdvancedModelRow(
                subject_kind=SubjectKind.UNIT, unit_id=ids["office"], year=year,
                name=f"Mô hình {status.label}", status=status,
            )  # fmt: skip
            s.add(model)
        s.add_all([
            ComplaintRow(kind=ComplaintKind.PETITION, received_on=D(2026, 10, 1),
                         sender="Công dân", subject_kind=SubjectKind.PERSON,
                         person_id=ids["o1"], deadline=D(2026, 11, 21)),  # overdue
            ComplaintRow(kind=ComplaintKind.INSPECTION, received_on=D(2026, 11, 1),
                         sender="Sở Nội vụ", deadline=D(2026, 12, 4)),
            ComplaintRow(kind=ComplaintKind.COMPLAINT, received_on=D(2026, 11, 20),
                         sender="Ông Lê Văn Mạnh"),  # no deadline yet
            ComplaintRow(kind=ComplaintKind.PETITION, received_on=D(2026, 1, 5), sender="X",
                         deadline=D(2026, 12, 1), closed_on=D(2026, 2, 1)),  # closed: not shown
        ])  # fmt: skip
    return ids


def test_the_years_movements_with_the_current_phase(context, year_work) -> None:  # type: ignore[no-untyped-def]
    o = context.services.overview.year_overview(2026, TODAY)
    assert (o.theme, o.plan_number, o.plan_date) == ("Đoàn kết, kỷ cương", "15/KH-UBND",
                                                     D(2026, 3, 6))  # fmt: skip
    assert [m.name for m in o.movements] == ["Thi đua năm 2026", "Cải cách hành chính"]
    yearly = o.movements[0]
    assert yearly.responsible == "Lê Thị An"
    assert [p.progress for p in yearly.phases] == [Progress.DONE, Progress.NOW]
    assert yearly.current_phase is not None and yearly.current_phase.number == 2
    assert o.movements[1].current_phase is None and o.movements[1].progress is Progress.NOW
    later = context.services.overview.year_overview(2026, D(2026, 3, 1))
    assert [p.progress for p in later.movements[0].phases] == [Progress.NOW, Progress.LATER]


def test_what_falls_due_in_the_next_60_days(context, year_work) -> None:  # type: ignore[no-untyped-def]
    due = context.services.overview.year_overview(2026, TODAY).due
    assert [(d.date, d.kind, d.days_left) for d in due] == [
        (D(2026, 11, 21), DueKind.COMPLAINT, -3),
        (D(2026, 11, 25), DueKind.DEADLINE, 1),
        (D(2026, 12, 4), DueKind.COMPLAINT, 10),
        (D(2026, 12, 15), DueKind.DEADLINE, 21),
        (D(2026, 12, 19), DueKind.MILESTONE, 25),
        (D(2026, 12, 20), DueKind.DEADLINE, 26),
        (D(2026, 12, 31), DueKind.MOVEMENT_END, 37),  # the movement without phases
        (D(2026, 12, 31), DueKind.PHASE_END, 37),  # the other ends with its last phase: once
        (D(2027, 1, 15), DueKind.DEADLINE, 52),
        (D(2027, 1, 23), DueKind.MILESTONE, 60),
    ]
    texts = {d.kind: d.text for d in due}
    assert texts[DueKind.PHASE_END] == "Kết thúc đợt 2: «Thi đua năm 2026»"
    assert due[4].text == "Kỷ niệm 80 năm Ngày Toàn quốc kháng chiến (19/12/1946 - 19/12/2026)"
    assert due[0].text == "Hạn giải quyết kiến nghị: Trần Thị Bình"
    assert due[1].text == GDVH
    sections = {d.kind: d.section for d in due}
    assert sections[DueKind.MILESTONE] == "movements"
    assert sections[DueKind.COMPLAINT] == "evaluations"
    assert [d.section for d in due if d.kind is DueKind.DEADLINE] == [
        "nominations", "evaluations", "council", "movements"
    ]  # fmt: skip
    # From 26/11 the culture deadline is gone and the 60-day milestone is one day closer.
    after = context.services.overview.year_overview(2026, D(2026, 11, 26)).due
    assert GDVH not in [d.text for d in after]
    assert any(d.text.startswith("Kỷ niệm 60 năm Mốc 61 ngày") for d in after)


def test_registrations_are_counted_by_status(context, year_work) -> None:  # type: ignore[no-untyped-def]
    r = context.services.overview.year_overview(2026, TODAY).registrations
    assert r.by_status == (
        (RegistrationStatus.DRAFT, 1),
        (RegistrationStatus.PENDING, 2),
        (RegistrationStatus.APPROVED, 1),
        (RegistrationStatus.REJECTED, 1),
    )
    assert (r.total, r.people, r.collectives, r.households) == (5, 4, 1, 0)
    assert r.count(RegistrationStatus.PENDING) == 2


def test_missing_grades_by_unit_most_behind_first(context, year_work) -> None:  # type: ignore[no-untyped-def]
    e = context.services.overview.year_overview(2026, TODAY).evaluations
    # Staff: office 3 active (2 graded), school 2 (none), police 1 (graded); residents and the
    # inactive person do not count. Collectives: the office (graded) and the school (not).
    assert (e.people, e.people_done, e.collectives, e.collectives_done) == (6, 3, 2, 1)
    assert e.missing == 4
    assert [(b.name, b.missing_people, b.people, b.collective_missing) for b in e.behind] == [
        ("Trường Tiểu học", 2, 2, True),
        ("Văn phòng HĐND và UBND", 1, 3, False),
    ]


def test_models_count_recognised_and_replicated_against_the_target(context, year_work) -> None:  # type: ignore[no-untyped-def]
    m = context.services.overview.year_overview(2026, TODAY).models
    assert (m.counted, m.target, m.building) == (2, 3, 1)


def test_open_complaints_with_the_overdue_flagged(context, year_work) -> None:  # type: ignore[no-untyped-def]
    o = context.services.overview.year_overview(2026, TODAY)
    assert [(c.kind, c.subject, c.days_left, c.overdue) for c in o.complaints] == [
        (ComplaintKind.PETITION, "Trần Thị Bình", -3, True),
        (ComplaintKind.INSPECTION, "", 10, False),
        (ComplaintKind.COMPLAINT, "", None, False),
    ]
    assert o.overdue_complaints == 1


def test_a_year_without_work_is_empty(context, commune) -> None:  # type: ignore[no-untyped-def]
    o = context.services.overview.year_overview(2027, TODAY)
    assert o.movements == () and o.theme == "" and o.plan_date is None
    assert o.registrations.total == 0
    assert (o.models.counted, o.models.target) == (0, 0)
    assert (o.evaluations.people, o.evaluations.people_done) == (6, 0)
    assert [d.kind for d in o.due] == [DueKind.DEADLINE] * 4  # only the yearly deadlines
