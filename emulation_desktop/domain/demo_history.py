"""Two years of yearly evaluations and awards for the demo commune, as the registry shows them.

Pure and seeded like `demo_data`. The numbers follow practice: most staff "hoàn thành tốt", LĐTT
for them, CSTĐCS for at most 15 % of LĐTT among the "xuất sắc", Gia đình văn hóa for most
households. Before 07/2025 CSTĐCS, TTLĐTT and thôn/TDP văn hóa were decided by the district.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from emulation_desktop.domain.demo_data import DemoCommune
from emulation_desktop.domain.enums import AwardKind, Grade, PersonKind, SubjectKind, UnitKind

HISTORY_YEARS = (2024, 2025)
# The year in work: graded already (evaluations close in November), awards not decided yet, so
# a newcomer can run the year-end eligibility check on the demo.
GRADED_YEAR = 2026
_STAFF_KINDS = {
    PersonKind.CAN_BO,
    PersonKind.CONG_CHUC,
    PersonKind.VIEN_CHUC,
    PersonKind.NGUOI_LAO_DONG,
}
_COLLECTIVE_KINDS = {UnitKind.OFFICE, UnitKind.SCHOOL, UnitKind.HEALTH, UnitKind.FRONT}
_PERSON_GRADES = ((Grade.EXCELLENT, 0.15), (Grade.GOOD, 0.7), (Grade.COMPLETED, 0.12),
                  (Grade.NOT_COMPLETED, 0.03))  # fmt: skip
_UNIT_GRADES = ((Grade.EXCELLENT, 0.3), (Grade.GOOD, 0.65), (Grade.COMPLETED, 0.05))
CSTDCS_CAP = 0.15
_DISTRICT = "Chủ tịch UBND huyện Trực Ninh"
_COMMUNE = "Chủ tịch UBND xã Cát Thành"


@dataclass(frozen=True, slots=True)
class EvaluationDraft:
    year: int
    grade: Grade
    person_index: int | None = None
    unit_key: str | None = None


@dataclass(frozen=True, slots=True)
class AwardDraft:
    """An award of the history; exactly one of the subject fields is set."""

    subject_kind: SubjectKind
    code: str
    name: str
    kind: AwardKind
    year: int
    decision_number: str
    decision_date: dt.date
    issuer: str
    register_number: str = ""
    note: str = ""
    person_index: int | None = None
    unit_key: str | None = None
    household_index: int | None = None


@dataclass(frozen=True, slots=True)
class DemoHistory:
    evaluations: tuple[EvaluationDraft, ...]
    awards: tuple[AwardDraft, ...]


def _grade(rng: random.Random, table: tuple[tuple[Grade, float], ...]) -> Grade:
    return rng.choices([g for g, _ in table], weights=[w for _, w in table])[0]


def _decider(year: int, district_before_reform: bool) -> str:
    # Decisions for year Y are signed in December Y; districts ended on 01/07/2025.
    return _DISTRICT if district_before_reform and year < 2025 else _COMMUNE


def _year_history(
    rng: random.Random, demo: DemoCommune, year: int
) -> tuple[list[EvaluationDraft], list[AwardDraft]]:
    evaluations: list[EvaluationDraft] = []
    awards: list[AwardDraft] = []
    number = iter(range(180 + (year - 2024) * 20, 1000))

    def award(code: str, name: str, kind: AwardKind, subject: SubjectKind, *, month: int,
              district: bool = False, **who: object) -> AwardDraft:  # fmt: skip
        return AwardDraft(
            subject_kind=subject, code=code, name=name, kind=kind, year=year,
            decision_number=f"{decision[code]}/QĐ-UBND",
            decision_date=dt.date(year, month, 20 if month == 12 else 15),
            issuer=_decider(year, district), **who,  # type: ignore[arg-type]
        )  # fmt: skip

    decision = {code: next(number) for code in
                ("GDVH", "THON_TDP_VH", "LDTT", "CSTDCS", "TTLDTT", "GIAY_KHEN")}  # fmt: skip

    members: dict[str, list[int]] = {}
    ldtt: dict[str, list[int]] = {}
    excellent: list[int] = []
    for i, p in enumerate(demo.people):
        if p.kind not in _STAFF_KINDS:
            continue
        grade = _grade(rng, _PERSON_GRADES)
        evaluations.append(EvaluationDraft(year, grade, person_index=i))
        members.setdefault(p.unit_key, []).append(i)
        if grade.rank >= Grade.GOOD.rank:
            ldtt.setdefault(p.unit_key, []).append(i)
            awards.append(award("LDTT", "Lao động tiên tiến", AwardKind.TITLE,
                                SubjectKind.PERSON, month=12, person_index=i))  # fmt: skip
            if grade is Grade.EXCELLENT:
                excellent.append(i)
    cap = int(CSTDCS_CAP * sum(len(v) for v in ldtt.values()))
    for i in sorted(rng.sample(excellent, min(cap, len(excellent)))):
        cstdcs = award("CSTDCS", "Chiến sĩ thi đua cơ sở", AwardKind.TITLE, SubjectKind.PERSON,
                       month=12, district=True, person_index=i)  # fmt: skip
        awards.append(cstdcs)

    for unit in demo.units:
        if unit.kind in _COLLECTIVE_KINDS:
            grade = _grade(rng, _UNIT_GRADES)
            evaluations.append(EvaluationDraft(year, grade, unit_key=unit.key))
            staff = members.get(unit.key, [])
            if (
                staff
                and grade.rank >= Grade.GOOD.rank
                and 2 * len(ldtt.get(unit.key, [])) > len(staff)
            ):
                awards.append(award("TTLDTT", "Tập thể lao động tiên tiến", AwardKind.TITLE,
                                    SubjectKind.UNIT, month=12, district=True,
                                    unit_key=unit.key))  # fmt: skip
        elif unit.kind is UnitKind.RESIDENTIAL and rng.random() < 0.7:
            title = "Tổ dân phố văn hóa" if unit.name.startswith("Tổ") else "Thôn văn hóa"
            awards.append(award("THON_TDP_VH", title, AwardKind.TITLE, SubjectKind.UNIT,
                                month=12, district=True, unit_key=unit.key))  # fmt: skip

    for h, _household in enumerate(demo.households):
        if rng.random() < 0.8:
            awards.append(award("GDVH", "Gia đình văn hóa", AwardKind.TITLE,
                                SubjectKind.HOUSEHOLD, month=12, household_index=h))  # fmt: skip

    residents = [i for i, p in enumerate(demo.people) if p.kind is PersonKind.NHAN_DAN]
    for n, i in enumerate(sorted(rng.sample(residents, 6)), start=1):
        awards.append(AwardDraft(
            subject_kind=SubjectKind.PERSON, code="GIAY_KHEN_CA_NHAN", name="Giấy khen",
            kind=AwardKind.FORM, year=year,
            decision_number=f"{decision['GIAY_KHEN']}/QĐ-UBND",
            decision_date=dt.date(year, 12, 28), issuer=_decider(year, True),
            register_number=f"{n:02d}/{year}",
            note="Đã có thành tích xuất sắc trong phong trào «Toàn dân đoàn kết xây dựng "
                 "đời sống văn hóa».",
            person_index=i,
        ))  # fmt: skip
    return evaluations, awards


def generate_demo_history(demo: DemoCommune, seed: int = 2026) -> DemoHistory:
    """Evaluations and awards of HISTORY_YEARS for `demo`: same seed, same history."""
    rng = random.Random(seed * 7 + 1)
    evaluations: list[EvaluationDraft] = []
    awards: list[AwardDraft] = []
    for year in HISTORY_YEARS:
        e, a = _year_history(rng, demo, year)
        evaluations += e
        awards += a
    e, _awards = _year_history(rng, demo, GRADED_YEAR)
    evaluations += e
    return DemoHistory(tuple(evaluations), tuple(awards))
