"""Data the yearly-cycle tests share.

`small_commune`: the hand-made commune of the registration, review and advanced-model tests, a
school group with two schools (seven teachers, one no longer followed), a residential group with
two residents and a household, and the movement "Dạy tốt, học tốt" in 2024 (two phases) and
2023, written straight into its table so these tests do not depend on the movement screens.

`ntm`: the 2024 plan's first movement as the movement tests type it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from emulation_desktop.domain.enums import (
    Gender,
    Launcher,
    MovementKind,
    PersonKind,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.movements import MilestoneInput, MovementInput, PhaseInput
from emulation_desktop.domain.registry import HouseholdInput, PersonInput, UnitInput
from emulation_desktop.store.cycle_models import MovementPhaseRow, MovementRow

P, U, H = SubjectKind.PERSON, SubjectKind.UNIT, SubjectKind.HOUSEHOLD


@dataclass
class Commune:
    """Ids of the hand-made commune: a school group with two schools, a residential group."""

    services: object
    schools: int  # Khối trường học (a folder of the tree)
    kindergarten: int
    primary: int
    tdp: int
    teachers: dict[str, int]  # name -> person id (all in the two schools, one no longer followed)
    residents: dict[str, int]
    home: int  # a household of Tổ dân phố Bắc Sơn
    movement: int  # "Dạy tốt, học tốt" 2024, two phases
    phases: tuple[int, int]
    movement_2023: int

    def person(self, name: str) -> int:
        return {**self.teachers, **self.residents}[name]


def add_movement(
    db, year: int, name: str, start: dt.date, end: dt.date,
    phases: tuple[tuple[str, dt.date, dt.date], ...] = (),
) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]  # fmt: skip
    """A movement written straight into its table."""
    with db.session_scope() as s:
        row = MovementRow(year=year, name=name, kind=MovementKind.PHASED, launcher=Launcher.COMMUNE,
                          start_date=start, end_date=end)  # fmt: skip
        for i, (phase, first, last) in enumerate(phases, 1):
            row.phases.append(MovementPhaseRow(number=i, name=phase, start_date=first,
                                               end_date=last))  # fmt: skip
        s.add(row)
        s.flush()
        return row.id, [p.id for p in row.phases]


def small_commune(context) -> Commune:  # type: ignore[no-untyped-def]
    reg = context.services.registry
    schools = reg.create_unit(UnitInput("Khối trường học", UnitKind.GROUP, None))
    kinder = reg.create_unit(UnitInput("Trường Mầm non Cát Thành", UnitKind.SCHOOL, schools))
    primary = reg.create_unit(UnitInput("Trường Tiểu học Cát Thành", UnitKind.SCHOOL, schools))
    tdp = reg.create_unit(UnitInput("Tổ dân phố Bắc Sơn", UnitKind.RESIDENTIAL, None))
    teachers = {}
    for name, gender, unit in (
        ("Nguyễn Thị Lan", Gender.FEMALE, kinder),
        ("Trần Thị Mai", Gender.FEMALE, kinder),
        ("Lê Văn Bình", Gender.MALE, primary),
        ("Phạm Thị Hoa", Gender.FEMALE, primary),
        ("Đặng Văn Dũng", Gender.MALE, primary),
        ("Vũ Thị Yến", Gender.FEMALE, primary),
        ("Hoàng Văn Tùng", Gender.MALE, primary),
    ):
        teachers[name] = reg.create_person(
            PersonInput(name, gender, PersonKind.VIEN_CHUC, unit, birth_year=1985)
        )
    reg.set_people_active([teachers["Hoàng Văn Tùng"]], False)  # retired: not registered
    residents = {}
    for name, gender in (("Nguyễn Văn An", Gender.MALE), ("Lê Thị Hằng", Gender.FEMALE)):
        residents[name] = reg.create_person(
            PersonInput(name, gender, PersonKind.NHAN_DAN, tdp, birth_year=1970)
        )
    home = reg.create_household(
        HouseholdInput(residents["Nguyễn Văn An"], "Số 5, đường Trần Hưng Đạo", tdp)
    )
    movement, phases = add_movement(
        context.database, 2024, "Dạy tốt, học tốt", dt.date(2024, 1, 1), dt.date(2024, 12, 31),
        (("Chào mừng 70 năm Chiến thắng Điện Biên Phủ", dt.date(2024, 1, 1), dt.date(2024, 5, 7)),
         ("Chào mừng 80 năm Quân đội nhân dân Việt Nam", dt.date(2024, 5, 8),
          dt.date(2024, 12, 22))),
    )  # fmt: skip
    old, _ = add_movement(context.database, 2023, "Dạy tốt, học tốt", dt.date(2023, 1, 1),
                          dt.date(2023, 12, 31))  # fmt: skip
    return Commune(context.services, schools, kinder, primary, tdp, teachers, residents, home,
                   movement, (phases[0], phases[1]), old)  # fmt: skip


# A movement as the movement tests type it -------------------------------------------------------

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
