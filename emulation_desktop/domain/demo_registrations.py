"""The demo's registrations (đăng ký thi đua) and reviews (sơ kết, tổng kết), made from the
grades and awards of `demo_history` so that a review's result matches the award that followed.

Each year the collectives register for «Tập thể lao động tiên tiến», the thôn and tổ dân phố for
the culture movement, every staff member for «Lao động tiên tiến» and a few for «Chiến sĩ thi đua
cơ sở». In 2026 the schools' registrations still wait for approval and the THCS has not sent
its own; a disciplined person's CSTĐCS registration is refused.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.demo_cycle import DemoCycle, culture_key, yearly_key
from emulation_desktop.domain.demo_data import DemoCommune
from emulation_desktop.domain.demo_records import Who
from emulation_desktop.domain.enums import (
    Grade,
    PeriodKind,
    RegistrationStatus,
    ReviewKind,
    ReviewResult,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.evaluations import GRADED_PERSON_KINDS, GRADED_UNIT_KINDS
from emulation_desktop.domain.movements import short_date

D = dt.date
_S = RegistrationStatus
_REGISTERED = {2024: D(2024, 3, 25), 2025: D(2025, 3, 10), 2026: D(2026, 3, 20)}
_DECIDED = {2024: D(2024, 4, 5), 2025: D(2025, 3, 20), 2026: D(2026, 3, 31)}
# 2026, by unit: the schools came under the commune in 07/2025 and are still being approved.
_STATUS_2026 = {"mn": _S.PENDING, "th": _S.PENDING, "ca": _S.PENDING, "thcs": _S.DRAFT,
                "htx": _S.DRAFT, "thon-doai": _S.PENDING, "thon-thuong": _S.PENDING}  # fmt: skip
_TARGETS = {
    "TTLDTT": "Phấn đấu đạt danh hiệu «Tập thể lao động tiên tiến»; 100% cá nhân hoàn thành "
    "tốt nhiệm vụ trở lên.",
    "THON_TDP_VH": "Phấn đấu đạt danh hiệu «Thôn, tổ dân phố văn hóa»; từ 80% hộ đạt «Gia đình "
    "văn hóa».",
    "LDTT": "Hoàn thành tốt nhiệm vụ trở lên; đạt danh hiệu «Lao động tiên tiến».",
    "CSTDCS": "Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được công nhận; đạt danh hiệu "
    "«Chiến sĩ thi đua cơ sở».",
}
_SO_KET = {2024: (45, D(2024, 6, 28)), 2025: (52, D(2025, 6, 27)), 2026: (61, D(2026, 6, 29))}
_TONG_KET = {2024: (3, D(2025, 1, 10)), 2025: (2, D(2026, 1, 9))}
_CULTURE_END = {2024: (118, D(2024, 12, 18)), 2025: (131, D(2025, 12, 17))}


# What the history decided, as the registrations need it.
Awarded = set[tuple[int, str, int | str]]  # (year, award code, person index or unit key)
Grades = dict[tuple[int, int | str], Grade]  # (year, person index or unit key) → grade


@dataclass(frozen=True, slots=True)
class RegistrationDraft:
    year: int
    who: Who
    movement_key: str
    award_code: str
    status: RegistrationStatus
    registered_on: dt.date | None
    decided_on: dt.date | None
    targets: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class ReviewDraft:
    """A sơ kết of a phase (`phase_number`) or the tổng kết of a movement; results point into
    the registrations by index."""

    movement_key: str
    phase_number: int | None
    kind: ReviewKind
    held_on: dt.date
    document: str
    summary: str
    results: tuple[tuple[int, ReviewResult], ...]


def _doc(number: int, day: dt.date) -> str:
    return f"Báo cáo số {number:02d}/BC-UBND ngày {short_date(day)}"


def _draft(year: int, who: Who, movement: str, code: str, status: RegistrationStatus,
           note: str = "", decided: dt.date | None = None) -> RegistrationDraft:  # fmt: skip
    sent = _REGISTERED[year] if status is not _S.DRAFT else None
    done = decided or (_DECIDED[year] if status in (_S.APPROVED, _S.REJECTED) else None)
    return RegistrationDraft(year, who, movement, code, status, sent, done, _TARGETS[code], note)


def _refusals(cycle: DemoCycle, year: int) -> dict[int, tuple[dt.date, str]]:
    """People whose CSTĐCS registration of `year` is refused: disciplined at or after sending."""
    out = {}
    for p in cycle.periods:
        if p.kind is not PeriodKind.DISCIPLINE or p.start.year > year:
            continue
        if p.end is not None and p.end < _REGISTERED[year]:
            continue
        day = max(_DECIDED[year], p.start + dt.timedelta(days=8))
        why = f"Bị kỷ luật {p.form.lower()} từ {day_text(p.start)}; không xét danh hiệu trong "
        out[p.person_index] = (day, why + "thời gian thi hành kỷ luật.")
    return out


def _year_registrations(rng: random.Random, demo: DemoCommune, cycle: DemoCycle, year: int,
                        grades: Grades, cstdcs: set[int]) -> list[RegistrationDraft]:  # fmt: skip
    def status(unit_key: str) -> RegistrationStatus:
        return _STATUS_2026.get(unit_key, _S.APPROVED) if year == 2026 else _S.APPROVED

    main, culture = yearly_key(year), culture_key(year)
    out = []
    for u in demo.units:
        if u.kind in GRADED_UNIT_KINDS:
            out.append(_draft(year, Who(SubjectKind.UNIT, unit_key=u.key), main, "TTLDTT",
                              status(u.key)))  # fmt: skip
        elif u.kind is UnitKind.RESIDENTIAL:
            out.append(_draft(year, Who(SubjectKind.UNIT, unit_key=u.key), culture,
                              "THON_TDP_VH", status(u.key)))  # fmt: skip
    staff = [  # who was on the staff when the registrations were sent
        i
        for i, p in enumerate(demo.people)
        if p.kind in GRADED_PERSON_KINDS
        and (p.work_start is None or p.work_start <= _REGISTERED[year])
    ]
    for i in staff:
        who = Who(SubjectKind.PERSON, person_index=i)
        out.append(_draft(year, who, main, "LDTT", status(demo.people[i].unit_key)))
    refused = _refusals(cycle, year)
    hopeful = [i for i in staff if grades.get((year, i)) is Grade.EXCELLENT and i not in cstdcs]
    extra = set(rng.sample(hopeful, min(len(hopeful), 3 if year < 2026 else 6)))
    for i in sorted(cstdcs | extra | cycle.innovators(year) | set(refused)):
        who = Who(SubjectKind.PERSON, person_index=i)
        if i in refused:
            day, note = refused[i]
            out.append(_draft(year, who, main, "CSTDCS", _S.REJECTED, note, day))
        else:
            out.append(_draft(year, who, main, "CSTDCS", status(demo.people[i].unit_key)))
    return out


def _final_result(r: RegistrationDraft, awarded: Awarded, grades: Grades) -> ReviewResult:
    key = r.who.person_index if r.who.kind is SubjectKind.PERSON else r.who.unit_key
    assert key is not None
    if (r.year, r.award_code, key) not in awarded:
        return ReviewResult.NOT_MET
    if r.award_code == "CSTDCS" or (r.award_code == "LDTT" and (r.year, "CSTDCS", key) in awarded):
        return ReviewResult.EXCEEDED
    if r.award_code == "TTLDTT" and grades.get((r.year, key)) is Grade.EXCELLENT:
        return ReviewResult.EXCEEDED
    return ReviewResult.MET


def _year_reviews(rng: random.Random, year: int, regs: Sequence[tuple[int, RegistrationDraft]],
                  awarded: Awarded, grades: Grades) -> list[ReviewDraft]:  # fmt: skip
    approved = [(n, r) for n, r in regs if r.status is _S.APPROVED]
    units = [(n, r) for n, r in approved if r.award_code == "TTLDTT"]
    weights = (0.25, 0.65, 0.1)
    mid = [(n, rng.choices(list(ReviewResult), weights=weights)[0]) for n, _ in units]
    counts = [sum(res is x for _, res in mid) for x in ReviewResult]
    number, day = _SO_KET[year]
    reviews = [ReviewDraft(
        yearly_key(year), 1, ReviewKind.PRELIMINARY, day, _doc(number, day),
        f"Sơ kết đợt 1 năm {year}: {len(units)} tập thể đăng ký; {counts[0]} vượt, {counts[1]} "
        f"đạt, {counts[2]} chưa đạt chỉ tiêu 6 tháng đầu năm.", tuple(mid),
    )]  # fmt: skip
    if year not in _TONG_KET:
        return reviews
    main = [(n, r) for n, r in approved if r.movement_key == yearly_key(year)]
    final = tuple((n, _final_result(r, awarded, grades)) for n, r in main)
    got = {code: sum(1 for y, c, _ in awarded if (y, c) == (year, code))
           for code in ("LDTT", "CSTDCS", "TTLDTT")}  # fmt: skip
    number, day = _TONG_KET[year]
    reviews.append(ReviewDraft(
        yearly_key(year), None, ReviewKind.FINAL, day, _doc(number, day),
        f"Tổng kết phong trào thi đua năm {year}: {got['LDTT']} cá nhân đạt «Lao động tiên "
        f"tiến», {got['CSTDCS']} «Chiến sĩ thi đua cơ sở», {got['TTLDTT']} «Tập thể lao động "
        "tiên tiến».", final,
    ))  # fmt: skip
    culture = [(n, r) for n, r in approved if r.movement_key == culture_key(year)]
    results = tuple((n, _final_result(r, awarded, grades)) for n, r in culture)
    met = sum(res is ReviewResult.MET for _, res in results)
    number, day = _CULTURE_END[year]
    reviews.append(ReviewDraft(
        culture_key(year), None, ReviewKind.FINAL, day, _doc(number, day),
        f"Tổng kết phong trào năm {year}: {met}/{len(results)} thôn, tổ dân phố đạt danh hiệu "
        "văn hóa.", results,
    ))  # fmt: skip
    return reviews


def registrations_and_reviews(
    rng: random.Random, demo: DemoCommune, cycle: DemoCycle, grades: Grades, awarded: Awarded
) -> tuple[tuple[RegistrationDraft, ...], tuple[ReviewDraft, ...]]:
    """Registrations of 2024–2026 and the reviews held so far, with results that match
    `grades` and `awarded` (an award followed a "đạt" or "vượt")."""
    registrations: list[RegistrationDraft] = []
    reviews: list[ReviewDraft] = []
    for year in sorted(_REGISTERED):
        cstdcs = {k for y, c, k in awarded if (y, c) == (year, "CSTDCS") and isinstance(k, int)}
        start = len(registrations)
        registrations += _year_registrations(rng, demo, cycle, year, grades, cstdcs)
        numbered = list(enumerate(registrations))[start:]
        reviews += _year_reviews(rng, year, numbered, awarded, grades)
    return tuple(registrations), tuple(reviews)
