"""The lines of the demo's nomination lists: who, for what, with which achievement, proposed by
which unit and from which registration; and the awards the history does not hold (the
province's for 2025, the sudden Giấy khen of 08/2026) with the 2026 list still in draft.

`Seeds` reads the history once (grades, approved registrations, awards by unit) so each line's
achievement can quote real figures: a unit's share of LĐTT, a thôn's share of Gia đình văn hóa.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field

from emulation_desktop.domain import demo_award_texts as texts
from emulation_desktop.domain.demo_council import Candidate
from emulation_desktop.domain.demo_cycle import DemoCycle
from emulation_desktop.domain.demo_data import DemoCommune
from emulation_desktop.domain.demo_history import AwardDraft, DemoHistory
from emulation_desktop.domain.demo_records import Who
from emulation_desktop.domain.enums import (
    AwardKind,
    Gender,
    Grade,
    NominationSource,
    PersonKind,
    RegistrationStatus,
    SubjectKind,
)
from emulation_desktop.domain.rules.shipped import load_shipped
from emulation_desktop.domain.text import name_sort_key, text_sort_text

PROVINCE = ("TTLDXS", "BANG_KHEN_TINH_TAP_THE", "BANG_KHEN_TINH_CA_NHAN")
_PROVINCE_CHAIR = "Chủ tịch UBND tỉnh Ninh Bình"
_COMMUNE_CHAIR = "Chủ tịch UBND xã Cát Thành"
_FROM_GRADES = ("LDTT", "CSTDCS", "TTLDTT")
# 2026: the offices and the Front have sent their lists; schools and the station have not.
_DRAFT_UNITS = ("vp", "kt", "vhxh", "pvhcc", "mttq", "phunu")
_GOOD = Grade.GOOD.rank

Key = tuple[str, int | str]


def _key(who: Who) -> Key:
    if who.kind is SubjectKind.PERSON:
        assert who.person_index is not None
        return ("p", who.person_index)
    if who.kind is SubjectKind.UNIT:
        assert who.unit_key is not None
        return ("u", who.unit_key)
    assert who.household_index is not None
    return ("h", who.household_index)


def _who(a: AwardDraft) -> Who:
    return Who(a.subject_kind, a.person_index, a.unit_key, a.household_index)


@dataclass(frozen=True, slots=True)
class Seed:
    """A nomination before it has a round: `award` is the index of the award it led to (None:
    failed at the council, or a list still in draft)."""

    who: Who
    code: str
    year: int
    achievement: str
    proposing_unit: str | None
    source: NominationSource
    registration: int | None
    award: int | None
    sort_key: tuple = field(compare=False)


class Seeds:
    def __init__(self, demo: DemoCommune, cycle: DemoCycle, history: DemoHistory,
                 rng: random.Random) -> None:  # fmt: skip
        self.demo, self.cycle, self.rng = demo, cycle, rng
        self.units = {u.key: u for u in demo.units}
        self.grades: dict[tuple[int, Key], Grade] = {}
        self.staff: dict[tuple[int, str], list[int]] = {}  # graded people of a unit in a year
        for e in history.evaluations:
            who = ("p", e.person_index) if e.person_index is not None else ("u", e.unit_key)
            self.grades[(e.year, who)] = e.grade  # type: ignore[index]
            if e.person_index is not None:
                unit = demo.people[e.person_index].unit_key
                self.staff.setdefault((e.year, unit), []).append(e.person_index)
        self.registrations = {
            (r.year, r.award_code, _key(r.who)): n
            for n, r in enumerate(history.registrations)
            if r.status is RegistrationStatus.APPROVED
        }
        self.awarded: dict[tuple[int, str], set[Key]] = {}
        for a in history.awards:
            self.awarded.setdefault((a.year, a.code), set()).add(_key(_who(a)))
        self.orders: dict[Key, object] = {}  # name order of each subject
        rules = load_shipped().rule_sets[-1]
        self.award_names = {a.code: a.name for a in rules.awards}

    def unit_of(self, who: Who) -> str:
        if who.kind is SubjectKind.PERSON:
            assert who.person_index is not None
            return self.demo.people[who.person_index].unit_key
        if who.kind is SubjectKind.HOUSEHOLD:
            assert who.household_index is not None
            return self.demo.households[who.household_index].unit_key
        assert who.unit_key is not None
        return who.unit_key

    def name(self, who: Who) -> tuple[str, str, str]:
        """Name, place and gender as lists print them."""
        if who.kind is SubjectKind.UNIT:
            unit = self.units[self.unit_of(who)]
            return unit.name, unit.kind.label, ""
        place = self.units[self.unit_of(who)].name
        if who.kind is SubjectKind.PERSON:
            assert who.person_index is not None
            p = self.demo.people[who.person_index]
            return p.full_name, place, p.gender.label
        assert who.household_index is not None
        head = self.demo.people[self.demo.households[who.household_index].head_index]
        return f"Hộ {head.gender.honorific.lower()} {head.full_name}", place, ""

    def seed(self, who: Who, code: str, year: int, achievement: str,
             award: int | None) -> Seed:  # fmt: skip
        key = _key(who)
        registration = self.registrations.get((year, code, key))
        if registration is not None:
            source = NominationSource.REGISTRATION
        elif code in _FROM_GRADES:
            source = NominationSource.EVALUATION
        else:
            source = NominationSource.MANUAL
        if key not in self.orders:  # people and households recur every year
            name = self.name(who)[0]
            self.orders[key] = text_sort_text(name) if who.kind is SubjectKind.UNIT else (
                name_sort_key(name.removeprefix("Hộ ông ").removeprefix("Hộ bà ")))  # fmt: skip
        return Seed(who, code, year, achievement, self.unit_of(who), source, registration, award,
                    (self.orders[key],))  # fmt: skip

    def for_award(self, n: int, a: AwardDraft) -> Seed:
        return self.seed(_who(a), a.code, a.year, self.achievement(_who(a), a), n)

    def achievement(self, who: Who, a: AwardDraft) -> str:
        rng, year, key = self.rng, a.year, _key(_who(a))
        unit = self.units[self.unit_of(who)]
        grade = self.grades.get((year, key))
        if a.code == "LDTT":
            assert who.person_index is not None
            position = self.demo.people[who.person_index].position
            return texts.person_work(rng, unit.kind, position, grade, year)
        if a.code == "CSTDCS":
            return texts.champion(rng, unit.kind, grade, year, self.initiative(who, year))
        if a.code == "TTLDTT":
            staff = self.staff.get((year, unit.key), [])
            ldtt = self.awarded.get((year, "LDTT"), set())
            return texts.collective(grade, year, sum(("p", i) in ldtt for i in staff), len(staff))
        if a.code == "THON_TDP_VH":
            homes = [h for h, x in enumerate(self.demo.households) if x.unit_key == unit.key]
            families = self.awarded.get((year, "GDVH"), set())
            return texts.village(rng, year, sum(("h", h) in families for h in homes), len(homes))
        if a.code == "GDVH":
            return texts.family(rng, year, unit.name)
        if a.code == "GIAY_KHEN_CA_NHAN" and year < 2026:
            return texts.culture_deed(rng, year)
        return a.note  # the province's and the sudden awards carry their own

    def initiative(self, who: Who, year: int) -> str | None:
        return next((i.title for i in self.cycle.initiatives
                     if i.year == year and who.person_index in i.authors), None)  # fmt: skip

    def candidate(self, seed: Seed, fail: bool) -> Candidate:
        name, place, gender = self.name(seed.who)
        return Candidate(name, place, gender, seed.code, self.award_names[seed.code], fail)

    def failing(self, year: int) -> list[Seed]:
        """A CSTĐCS hopeful (registered, approved, not awarded) whom the council does not pass;
        none when every hopeful got the title."""
        awarded = self.awarded.get((year, "CSTDCS"), set())
        for (y, code, key), _n in sorted(self.registrations.items(), key=lambda x: x[1]):
            if (y, code) == (year, "CSTDCS") and key not in awarded:
                who = Who(SubjectKind.PERSON, person_index=int(key[1]))
                unit = self.units[self.unit_of(who)]
                text = texts.champion(self.rng, unit.kind, self.grades.get((year, key)), year,
                                      None)  # fmt: skip
                return [self.seed(who, code, year, text, None)]
        return []


def _award(code: str, name: str, kind: AwardKind, who: Who, year: int, number: str,
           day: dt.date, issuer: str, note: str) -> AwardDraft:  # fmt: skip
    return AwardDraft(who.kind, code, name, kind, year, number, day, issuer, "", note,
                      who.person_index, who.unit_key, who.household_index)  # fmt: skip


def province_awards(seeds: Seeds, year: int) -> list[AwardDraft]:
    """2025: the best office becomes «Tập thể lao động xuất sắc» (or, failing the criteria, gets
    the province's Bằng khen) and a two-year "xuất sắc" CSTĐCS gets the Bằng khen."""
    if year != 2025:
        return []
    out = []
    ldtt = seeds.awarded.get((year, "LDTT"), set())
    cstdcs = seeds.awarded.get((year, "CSTDCS"), set())
    best: tuple[float, str] | None = None
    for (y, unit), staff in seeds.staff.items():
        if y != year or seeds.grades.get((year, ("u", unit))) is not Grade.EXCELLENT:
            continue
        share = sum(("p", i) in ldtt for i in staff) / len(staff)
        if best is None or share > best[0]:
            best = (share, unit)
    if best is not None:
        unit = best[1]
        staff = seeds.staff[(year, unit)]
        full = (best[0] >= 0.7 and any(("p", i) in cstdcs for i in staff)
                and all(seeds.grades[(year, ("p", i))].rank >= Grade.COMPLETED.rank
                        for i in staff))  # fmt: skip
        code, name, kind = (("TTLDXS", "Tập thể lao động xuất sắc", AwardKind.TITLE) if full
                            else ("BANG_KHEN_TINH_TAP_THE", "Bằng khen của Chủ tịch UBND tỉnh",
                                  AwardKind.FORM))  # fmt: skip
        count = sum(("p", i) in ldtt for i in staff)
        note = (f"Tập thể hoàn thành xuất sắc nhiệm vụ năm {year}; {count}/{len(staff)} cá nhân "
                "đạt danh hiệu “Lao động tiên tiến”; là đơn vị dẫn đầu phong trào thi đua của "
                "xã.")  # fmt: skip
        who = Who(SubjectKind.UNIT, unit_key=unit)
        day = dt.date(year + 1, 3, 25)
        out.append(_award(code, name, kind, who, year, "1268/QĐ-UBND", day, _PROVINCE_CHAIR, note))
    excellent = [
        k
        for k in sorted(cstdcs, key=str)
        if seeds.grades.get((year - 1, k)) is seeds.grades.get((year, k)) is Grade.EXCELLENT
    ]
    twice = excellent or sorted(cstdcs, key=str)  # fmt: skip
    if twice:
        who = Who(SubjectKind.PERSON, person_index=int(twice[0][1]))
        note = (
            f"Đã có thành tích xuất sắc trong công tác, hai năm liền ({year - 1}, {year}) "
            f"hoàn thành xuất sắc nhiệm vụ; đạt danh hiệu “Chiến sĩ thi đua cơ sở” năm {year}."
        )
        out.append(_award("BANG_KHEN_TINH_CA_NHAN", "Bằng khen của Chủ tịch UBND tỉnh",
                          AwardKind.FORM, who, year, "1275/QĐ-UBND", dt.date(year + 1, 3, 26),
                          _PROVINCE_CHAIR, note))  # fmt: skip
    return out


def sudden_awards(seeds: Seeds, year: int) -> list[AwardDraft]:
    """08/2026: Công an xã and one of its men caught two thieves; a young farmer saved two
    children from the river."""
    people = seeds.demo.people
    officer = next(i for i, p in enumerate(people) if p.position == "Công an viên")
    young = [i for i, p in enumerate(people) if p.kind is PersonKind.NHAN_DAN
             and p.gender is Gender.MALE and (p.birth_year or 0) >= 1990
             and p.position in ("Nông dân", "Công nhân", "Lao động tự do")]  # fmt: skip
    rescuer = seeds.rng.choice(young)
    number, day = "121/QĐ-UBND", dt.date(year, 8, 14)
    caught = f"ngày 26/7/{year}"
    return [
        _award("GIAY_KHEN_TAP_THE", "Giấy khen", AwardKind.FORM,
               Who(SubjectKind.UNIT, unit_key="ca"), year, number, day, _COMMUNE_CHAIR,
               f"Đã có thành tích xuất sắc đột xuất trong điều tra, bắt giữ nhanh 02 đối tượng "
               f"trộm cắp tài sản của nhân dân {caught}."),
        _award("GIAY_KHEN_CA_NHAN", "Giấy khen", AwardKind.FORM,
               Who(SubjectKind.PERSON, person_index=officer), year, number, day, _COMMUNE_CHAIR,
               f"Đã có thành tích xuất sắc đột xuất: trực tiếp truy đuổi, bắt giữ đối tượng trộm "
               f"cắp tài sản {caught}."),
        _award("GIAY_KHEN_CA_NHAN", "Giấy khen", AwardKind.FORM,
               Who(SubjectKind.PERSON, person_index=rescuer), year, number, day, _COMMUNE_CHAIR,
               f"Đã có hành động dũng cảm, kịp thời cứu 02 cháu nhỏ bị đuối nước trên sông Ninh "
               f"Cơ ngày 02/8/{year}."),
    ]  # fmt: skip


def draft_seeds(seeds: Seeds, year: int) -> list[Seed]:
    """The year-end list being drawn up: approved registrations of the units that have sent
    theirs, for those whose grade qualifies; a collective's line counts its people on the list."""
    picked: list[tuple[Who, str, Grade]] = []
    for (y, code, key), _n in sorted(seeds.registrations.items(), key=lambda x: x[1]):
        if y != year or code not in _FROM_GRADES:
            continue
        who = (Who(SubjectKind.PERSON, person_index=int(key[1])) if key[0] == "p"
               else Who(SubjectKind.UNIT, unit_key=str(key[1])))  # fmt: skip
        grade = seeds.grades.get((year, key))
        if seeds.unit_of(who) not in _DRAFT_UNITS or grade is None or grade.rank < _GOOD:
            continue
        if code == "CSTDCS" and grade is not Grade.EXCELLENT and not seeds.initiative(who, year):
            continue
        picked.append((who, code, grade))
    listed = Counter(seeds.unit_of(who) for who, code, _grade in picked if code == "LDTT")
    out = []
    for who, code, grade in picked:
        unit = seeds.units[seeds.unit_of(who)]
        if code == "LDTT":
            assert who.person_index is not None
            position = seeds.demo.people[who.person_index].position
            text = texts.draft_work(seeds.rng, unit.kind, position, year)
        elif code == "CSTDCS":
            text = texts.champion(seeds.rng, unit.kind, grade, year, seeds.initiative(who, year))
        else:
            staff = len(seeds.staff.get((year, unit.key), []))
            text = texts.collective(grade, year, listed[unit.key], staff, proposed=True)
        out.append(seeds.seed(who, code, year, text, None))
    return out
