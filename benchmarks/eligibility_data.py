"""A commune database for the eligibility benchmark, written through the real schema.

10,000 graded people with their work start dates in 50 units (schools, offices, a health
station, mass organisations, security, enterprises, villages and residential groups under a
folder), ten years of yearly
grades for people and collectives, the awards those grades earned (LĐTT most years, CSTĐCS for
the best, TTLDTT for collectives, GDVH for households), 2,000 households, a few hundred
recognised initiatives with their authors, discipline / maternity / unpaid leave periods and
open or closed complaints. Rows go in with SQLAlchemy core inserts (seconds, not minutes).

python -m benchmarks.eligibility_data DB_PATH    # build a file to look at
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert

from emulation_desktop.domain.demo_data import generate_demo_commune
from emulation_desktop.domain.enums import (
    AwardKind,
    ComplaintKind,
    Grade,
    InitiativeKind,
    InitiativeScope,
    PeriodKind,
    PersonKind,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.text import fold, name_sort_text, text_sort_text
from emulation_desktop.store.cycle_models import (
    ComplaintRow,
    InitiativeAuthorRow,
    InitiativeRow,
    PersonPeriodRow,
)
from emulation_desktop.store.db import open_database
from emulation_desktop.store.models import (
    AwardRow,
    EvaluationRow,
    HouseholdRow,
    PersonRow,
    UnitRow,
)

PEOPLE = 10_000
HOUSEHOLDS = 2_000
INITIATIVES = 400
YEAR = 2025  # the year checked: graded, not yet decided
HISTORY = range(YEAR - 9, YEAR + 1)
_GRADES = (Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED, Grade.NOT_COMPLETED)
_WEIGHTS = (15, 62, 20, 3)
# (kind, how many units, name, share of the staff per unit)
_UNITS = (
    (UnitKind.SCHOOL, 10, "Trường {} Cát Thành số {}", 40),
    (UnitKind.OFFICE, 5, "Phòng chuyên môn số {1} ({0})", 12),
    (UnitKind.HEALTH, 1, "Trạm Y tế xã {0}", 20),
    (UnitKind.FRONT, 4, "Tổ chức đoàn thể số {1} ({0})", 6),
    (UnitKind.SECURITY, 2, "Lực lượng vũ trang số {1} ({0})", 15),
    (UnitKind.ENTERPRISE, 3, "Hợp tác xã số {1} ({0})", 30),
    (UnitKind.RESIDENTIAL, 24, "Thôn {1} ({0})", 8),
)
_KIND_OF_UNIT = {
    UnitKind.SCHOOL: PersonKind.VIEN_CHUC,
    UnitKind.HEALTH: PersonKind.VIEN_CHUC,
    UnitKind.OFFICE: PersonKind.CONG_CHUC,
    UnitKind.FRONT: PersonKind.CAN_BO,
    UnitKind.SECURITY: PersonKind.CAN_BO,
    UnitKind.ENTERPRISE: PersonKind.NGUOI_LAO_DONG,
    UnitKind.RESIDENTIAL: PersonKind.NGUOI_LAO_DONG,
}
_AWARD_NAMES = {
    "LDTT": "Lao động tiên tiến",
    "CSTDCS": "Chiến sĩ thi đua cơ sở",
    "TTLDTT": "Tập thể lao động tiên tiến",
    "GDVH": "Gia đình văn hóa",
}


@dataclass(frozen=True, slots=True)
class BuiltCommune:
    people: int
    units: int  # collectives that can be checked (folders left out)
    households: int
    grades: int
    awards: int


def _names(n: int) -> list[tuple[str, object]]:
    """(full name, gender) drawn from the demo's name statistics."""
    out: list[tuple[str, object]] = []
    seed = 1
    while len(out) < n:
        out += [(p.full_name, p.gender) for p in generate_demo_commune(seed).people]
        seed += 1
    return out[:n]


def _award(kind: SubjectKind, code: str, year: int, **subject: int) -> dict[str, object]:
    return {
        "subject_kind": kind, "person_id": None, "unit_id": None, "household_id": None,
        **subject, "award_code": code, "award_name": _AWARD_NAMES[code],
        "award_kind": AwardKind.TITLE, "year": year, "decision_number": f"{year % 100}/QĐ-UBND",
        "decision_date": dt.date(year + 1, 1, 15), "issuer": "Chủ tịch UBND xã",
    }  # fmt: skip


def build(path: Path, seed: int = YEAR) -> BuiltCommune:
    """Create the database at `path` (through migrations) and fill it."""
    rng = random.Random(seed)
    db = open_database(path)
    try:
        with db.session_scope() as s:
            folder = s.execute(
                insert(UnitRow).returning(UnitRow.id),
                [{"name": "Khối trường học", "name_fold": fold("Khối trường học"),
                  "kind": UnitKind.GROUP, "sort_order": 1}],
            ).scalar_one()  # fmt: skip
            unit_rows, weights = [], []
            for kind, count, pattern, weight in _UNITS:
                for i in range(1, count + 1):
                    name = pattern.format(kind.label, i)
                    unit_rows.append({
                        "name": name, "name_fold": fold(name), "kind": kind,
                        "parent_id": folder if kind is UnitKind.SCHOOL else None,
                        "sort_order": 10 + len(unit_rows),
                    })  # fmt: skip
                    weights.append(weight)
            units = list(s.execute(insert(UnitRow).returning(UnitRow.id, UnitRow.kind), unit_rows))
            villages = [u for u, k in units if k is UnitKind.RESIDENTIAL]

            people = []
            for i, (name, gender) in enumerate(_names(PEOPLE)):
                uid, ukind = rng.choices(units, weights)[0]
                # Start dates make the months-worked criterion count, leave included; a few
                # started in the year checked, as in the engine's generated facts.
                started = dt.date(2005 + i % 15, 1 + i % 12, 1)
                if rng.random() < 0.03:
                    started = dt.date(YEAR, rng.randint(1, 9), rng.randint(1, 28))
                people.append({
                    "full_name": name, "name_fold": fold(name), "sort_key": name_sort_text(name),
                    "gender": gender, "birth_year": rng.randint(1965, 2000),
                    "position": "Nhân viên", "position_key": text_sort_text("Nhân viên"),
                    "unit_id": uid, "kind": _KIND_OF_UNIT[ukind], "active": rng.random() > 0.01,
                    "work_start": started,
                })  # fmt: skip
            pids = list(s.scalars(insert(PersonRow).returning(PersonRow.id), people))

            homes = [
                {"head_id": pid, "address": f"Số {i + 1}", "address_fold": f"so {i + 1}",
                 "unit_id": rng.choice(villages)}
                for i, pid in enumerate(rng.sample(pids, HOUSEHOLDS))
            ]  # fmt: skip
            hids = list(s.scalars(insert(HouseholdRow).returning(HouseholdRow.id), homes))

            initiative_rows, authors = [], []
            for i in range(INITIATIVES):
                y = rng.choice(HISTORY)
                recognised = rng.random() < 0.85
                initiative_rows.append({
                    "kind": InitiativeKind.INITIATIVE, "title": f"Sáng kiến số {i + 1}",
                    "year": y, "scope": InitiativeScope.BASE,
                    "doc_number": f"{i + 1}/QĐ-UBND" if recognised else "",
                    "doc_date": dt.date(y, 11, 20) if recognised else None,
                })  # fmt: skip
            iids = list(s.scalars(insert(InitiativeRow).returning(InitiativeRow.id),
                                  initiative_rows))  # fmt: skip
            for iid in iids:
                for position, pid in enumerate(rng.sample(pids, rng.randint(1, 3))):
                    authors.append({"initiative_id": iid, "person_id": pid, "position": position})
            s.execute(insert(InitiativeAuthorRow), authors)
            recognised_in = {
                iid: r["year"] for iid, r in zip(iids, initiative_rows, strict=True)
                if r["doc_date"] is not None
            }  # fmt: skip
            innovative = {
                (a["person_id"], recognised_in[a["initiative_id"]])
                for a in authors
                if a["initiative_id"] in recognised_in
            }

            grades, awards = [], []
            for pid, person in zip(pids, people, strict=True):
                for y in HISTORY:
                    if y == YEAR and rng.random() < 0.02:
                        continue  # not graded yet
                    g = rng.choices(_GRADES, _WEIGHTS)[0]
                    grades.append({"person_id": pid, "year": y, "grade": g,
                                   "in_unit_id": person["unit_id"]})  # fmt: skip
                    if y < YEAR and g.rank >= Grade.GOOD.rank:
                        awards.append(_award(SubjectKind.PERSON, "LDTT", y, person_id=pid))
                        if g is Grade.EXCELLENT or (pid, y) in innovative:
                            awards.append(_award(SubjectKind.PERSON, "CSTDCS", y, person_id=pid))
            for uid, _ in units:
                for y in HISTORY:
                    g = rng.choices(_GRADES[:3], (30, 60, 10))[0]
                    grades.append({"unit_id": uid, "year": y, "grade": g})
                    if y < YEAR and g.rank >= Grade.GOOD.rank:
                        awards.append(_award(SubjectKind.UNIT, "TTLDTT", y, unit_id=uid))
            for hid in hids:
                for y in HISTORY[:-1]:
                    if rng.random() < 0.8:
                        awards.append(_award(SubjectKind.HOUSEHOLD, "GDVH", y, household_id=hid))
            s.execute(insert(EvaluationRow), grades)
            s.execute(insert(AwardRow), awards)

            periods = []
            for pid in rng.sample(pids, PEOPLE // 100):
                start = dt.date(rng.choice(HISTORY), rng.randint(1, 12), 1)
                end = None if rng.random() < 0.1 else start + dt.timedelta(days=365)
                periods.append({"person_id": pid, "kind": PeriodKind.DISCIPLINE,
                                "start_date": start, "end_date": end,
                                "form": "Khiển trách"})  # fmt: skip
            for pid in rng.sample(pids, PEOPLE // 25):
                start = dt.date(rng.choice(HISTORY), rng.randint(1, 8), rng.randint(1, 28))
                kind = PeriodKind.MATERNITY if rng.random() < 0.7 else PeriodKind.LEAVE
                periods.append({"person_id": pid, "kind": kind, "start_date": start,
                                "end_date": start + dt.timedelta(days=180)})  # fmt: skip
            s.execute(insert(PersonPeriodRow), periods)

            complaints = []
            for i in range(120):
                received = dt.date(rng.choice(HISTORY), rng.randint(1, 12), rng.randint(1, 28))
                closed = None if rng.random() < 0.4 else received + dt.timedelta(days=45)
                who = rng.random()
                kind, key = (
                    (SubjectKind.PERSON, {"person_id": rng.choice(pids)}) if who < 0.7
                    else (SubjectKind.UNIT, {"unit_id": rng.choice(units)[0]}) if who < 0.8
                    else (SubjectKind.HOUSEHOLD, {"household_id": rng.choice(hids)}) if who < 0.9
                    else (None, {})
                )  # fmt: skip
                complaints.append({
                    "kind": ComplaintKind.DENUNCIATION if i % 3 else ComplaintKind.COMPLAINT,
                    "received_on": received, "sender": f"Công dân số {i + 1}",
                    "content": "Phản ánh việc bình xét thi đua.", "subject_kind": kind,
                    "person_id": None, "unit_id": None, "household_id": None, **key,
                    "closed_on": closed,
                })  # fmt: skip
            s.execute(insert(ComplaintRow), complaints)
    finally:
        db.dispose()
    return BuiltCommune(len(pids), len(units), len(hids), len(grades), len(awards))


if __name__ == "__main__":
    print(build(Path(sys.argv[1])))
