"""How the demo commune's years went: grades and awards (the registry's history), and from them
the registrations and the review results of the movements in `demo_cycle`.

Pure and seeded like `demo_data`. The numbers follow practice: most staff "hoàn thành tốt", LĐTT
for them, CSTĐCS for at most 15 % of LĐTT (initiative authors first, then the "xuất sắc"), Gia
đình văn hóa for most households. Before 07/2025 CSTĐCS, TTLĐTT and thôn/TDP văn hóa were decided
by the district. Grades follow the cycle (authors, disciplined people) and the reviews follow the
awards, so every screen tells the same story. Of the year in work only Gia đình văn hóa is decided
(in November); how every award was proposed, voted and decided is in `demo_awards`.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from emulation_desktop.domain.demo_cycle import DemoCycle, generate_demo_cycle
from emulation_desktop.domain.demo_data import DemoCommune
from emulation_desktop.domain.demo_registrations import (
    RegistrationDraft,
    ReviewDraft,
    registrations_and_reviews,
)
from emulation_desktop.domain.enums import AwardKind, Grade, PersonKind, SubjectKind, UnitKind
from emulation_desktop.domain.evaluations import GRADED_PERSON_KINDS, GRADED_UNIT_KINDS

__all__ = [
    "AwardDraft",
    "DemoHistory",
    "EvaluationDraft",
    "RegistrationDraft",
    "ReviewDraft",
    "generate_demo_history",
]

HISTORY_YEARS = (2024, 2025)
# The year in work: mostly graded (grades close by 15/12), awards not decided yet, so a newcomer
# can run the year-end eligibility check on the demo and the Tổng quan page has grades to chase:
# the THCS has not sent its list, the health station's own grade and two HTX workers are missing.
GRADED_YEAR = 2026
UNGRADED_UNITS = ("thcs",)
UNGRADED_COLLECTIVES = ("thcs", "tyt")
UNGRADED_WORKERS = ("htx", "Công nhân", 2)  # unit, position, how many
_PERSON_GRADES = ((Grade.EXCELLENT, 0.15), (Grade.GOOD, 0.7), (Grade.COMPLETED, 0.12),
                  (Grade.NOT_COMPLETED, 0.03))  # fmt: skip
_UNIT_GRADES = ((Grade.EXCELLENT, 0.3), (Grade.GOOD, 0.65), (Grade.COMPLETED, 0.05))
CSTDCS_CAP = 0.15
_GOOD_RANK = Grade.GOOD.rank
_DISTRICT = "Chủ tịch UBND huyện Trực Ninh"
_COMMUNE = "Chủ tịch UBND xã Cát Thành"
# Decision numbers follow the commune's book: Gia đình văn hóa is decided in November, once the
# list has been public for 10 days (NĐ 86/2023), the other titles on 20/12 and the Giấy khen of
# the culture movement after its tổng kết; the district's decisions carry its own numbers.
_GDVH_DECISION = {2024: (156, dt.date(2024, 11, 29)), 2025: (197, dt.date(2025, 11, 28)),
                  2026: (166, dt.date(2026, 11, 20))}  # fmt: skip
_DECEMBER_FIRST = {2024: 180, 2025: 215, 2026: 185}
_DISTRICT_NUMBERS = {"THON_TDP_VH": 3486, "CSTDCS": 3511, "TTLDTT": 3512}


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
    registrations: tuple[RegistrationDraft, ...] = ()
    reviews: tuple[ReviewDraft, ...] = ()


def _grade(rng: random.Random, table: tuple[tuple[Grade, float], ...]) -> Grade:
    return rng.choices([g for g, _ in table], weights=[w for _, w in table])[0]


def _decider(year: int, district_before_reform: bool) -> str:
    # Decisions for year Y are signed in December Y; districts ended on 01/07/2025.
    return _DISTRICT if district_before_reform and year < 2025 else _COMMUNE


def _decisions(year: int) -> dict[str, tuple[int, dt.date]]:
    """Number and date of each decision of `year`, by award code ("GIAY_KHEN" for the form)."""
    out = {"GDVH": _GDVH_DECISION[year]}
    number = _DECEMBER_FIRST[year]
    for code in ("THON_TDP_VH", "LDTT", "CSTDCS", "TTLDTT", "GIAY_KHEN"):
        if year < 2025 and code in _DISTRICT_NUMBERS:
            out[code] = (_DISTRICT_NUMBERS[code], dt.date(year, 12, 20))
            continue
        out[code] = (number, dt.date(year, 12, 28 if code == "GIAY_KHEN" else 20))
        number += 1
    return out


def _ungraded(demo: DemoCommune) -> frozenset[int]:
    """People without a grade in GRADED_YEAR: whole units and a few workers."""
    unit_key, position, count = UNGRADED_WORKERS
    workers = [
        i for i, p in enumerate(demo.people) if p.unit_key == unit_key and p.position == position
    ]
    missing = {i for i, p in enumerate(demo.people) if p.unit_key in UNGRADED_UNITS}
    return frozenset(missing | set(workers[-count:]))


def _year_history(
    rng: random.Random, demo: DemoCommune, cycle: DemoCycle, year: int
) -> tuple[list[EvaluationDraft], list[AwardDraft]]:
    evaluations: list[EvaluationDraft] = []
    awards: list[AwardDraft] = []
    skipped = _ungraded(demo) if year == GRADED_YEAR else frozenset()

    def award(code: str, name: str, kind: AwardKind, subject: SubjectKind, *,
              district: bool = False, **who: object) -> AwardDraft:  # fmt: skip
        number, day = decision[code]
        return AwardDraft(
            subject_kind=subject, code=code, name=name, kind=kind, year=year,
            decision_number=f"{number}/QĐ-UBND", decision_date=day,
            issuer=_decider(year, district), **who,  # type: ignore[arg-type]
        )  # fmt: skip

    decision = _decisions(year)

    members: dict[str, list[int]] = {}
    ldtt: dict[str, list[int]] = {}
    excellent: list[int] = []
    innovators: list[int] = []
    for i, p in enumerate(demo.people):
        if p.kind not in GRADED_PERSON_KINDS:
            continue
        drawn = _grade(rng, _PERSON_GRADES)  # drawn always, so the stream does not depend on it
        grade = cycle.forced_grades.get((year, i), drawn)
        if p.work_start is not None and p.work_start.year > year:
            continue  # not on the staff yet: no grade, no title, not a member
        if p.work_start is not None and p.work_start.year == year and grade.rank < _GOOD_RANK:
            grade = Grade.GOOD  # a newcomer did well: the months alone decide their LĐTT
        members.setdefault(p.unit_key, []).append(i)
        if i in skipped:
            continue
        evaluations.append(EvaluationDraft(year, grade, person_index=i))
        if grade.rank >= Grade.GOOD.rank:
            ldtt.setdefault(p.unit_key, []).append(i)
            awards.append(award("LDTT", "Lao động tiên tiến", AwardKind.TITLE,
                                SubjectKind.PERSON, person_index=i))  # fmt: skip
            if i in cycle.innovators(year):
                innovators.append(i)
            elif grade is Grade.EXCELLENT:
                excellent.append(i)
    cap = int(CSTDCS_CAP * sum(len(v) for v in ldtt.values()))
    chosen = innovators[:cap]
    chosen += rng.sample(excellent, min(cap - len(chosen), len(excellent)))
    for i in sorted(chosen):
        cstdcs = award("CSTDCS", "Chiến sĩ thi đua cơ sở", AwardKind.TITLE, SubjectKind.PERSON,
                       district=True, person_index=i)  # fmt: skip
        awards.append(cstdcs)

    for unit in demo.units:
        if unit.kind in GRADED_UNIT_KINDS:
            grade = _grade(rng, _UNIT_GRADES)
            if year == GRADED_YEAR and unit.key in UNGRADED_COLLECTIVES:
                continue
            evaluations.append(EvaluationDraft(year, grade, unit_key=unit.key))
            staff = members.get(unit.key, [])
            if (
                staff
                and grade.rank >= Grade.GOOD.rank
                and 2 * len(ldtt.get(unit.key, [])) > len(staff)
            ):
                awards.append(award("TTLDTT", "Tập thể lao động tiên tiến", AwardKind.TITLE,
                                    SubjectKind.UNIT, district=True,
                                    unit_key=unit.key))  # fmt: skip
        elif unit.kind is UnitKind.RESIDENTIAL and rng.random() < 0.7:
            title = "Tổ dân phố văn hóa" if unit.name.startswith("Tổ") else "Thôn văn hóa"
            awards.append(award("THON_TDP_VH", title, AwardKind.TITLE, SubjectKind.UNIT,
                                district=True, unit_key=unit.key))  # fmt: skip

    for h, _household in enumerate(demo.households):
        if rng.random() < 0.8 and (year, h) not in cycle.withheld_gdvh:
            awards.append(award("GDVH", "Gia đình văn hóa", AwardKind.TITLE,
                                SubjectKind.HOUSEHOLD, household_index=h))  # fmt: skip

    residents = [i for i, p in enumerate(demo.people) if p.kind is PersonKind.NHAN_DAN]
    for i in sorted(rng.sample(residents, 6)):
        awards.append(AwardDraft(
            subject_kind=SubjectKind.PERSON, code="GIAY_KHEN_CA_NHAN", name="Giấy khen",
            kind=AwardKind.FORM, year=year,
            decision_number=f"{decision['GIAY_KHEN'][0]}/QĐ-UBND",
            decision_date=decision["GIAY_KHEN"][1], issuer=_COMMUNE,
            note="Đã có thành tích xuất sắc trong phong trào «Toàn dân đoàn kết xây dựng "
                 "đời sống văn hóa».",
            person_index=i,
        ))  # fmt: skip
    return evaluations, awards


def _key(person_index: int | None, unit_key: str | None) -> int | str:
    key = person_index if person_index is not None else unit_key
    assert key is not None
    return key


def generate_demo_history(
    demo: DemoCommune, seed: int = 2026, cycle: DemoCycle | None = None
) -> DemoHistory:
    """Grades and awards of HISTORY_YEARS, most grades of GRADED_YEAR, the registrations and
    reviews of `cycle` (the demo's own by default): same seed, same history."""
    cycle = cycle or generate_demo_cycle(demo)
    rng = random.Random(seed * 7 + 1)
    evaluations: list[EvaluationDraft] = []
    awards: list[AwardDraft] = []
    for year in HISTORY_YEARS:
        e, a = _year_history(rng, demo, cycle, year)
        evaluations += e
        awards += a
    e, current = _year_history(rng, demo, cycle, GRADED_YEAR)
    evaluations += e
    awards += [a for a in current if a.code == "GDVH"]  # decided in November; the rest waits
    grades = {(e.year, _key(e.person_index, e.unit_key)): e.grade for e in evaluations}
    awarded = {(a.year, a.code, _key(a.person_index, a.unit_key)) for a in awards
               if a.household_index is None}  # fmt: skip
    registrations, reviews = registrations_and_reviews(
        random.Random(seed * 11 + 3), demo, cycle, grades, awarded
    )
    return DemoHistory(tuple(evaluations), tuple(awards), registrations, reviews)
