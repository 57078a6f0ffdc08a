"""A deterministic demo commune: units, about 500 people and 200 households of xã Cát Thành.

Pure and seeded: `generate_demo_commune(seed)` draws from `random.Random(seed)` only, so the
same seed always gives the same commune. Names follow real Vietnamese statistics (Nguyễn about a
third), with compound surnames and tricky tones on purpose, to exercise sorting and search.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from emulation_desktop.domain.demo_work import with_work_starts
from emulation_desktop.domain.enums import CommuneKind, Gender, PersonKind, UnitKind
from emulation_desktop.domain.profile import CommuneProfile, validate_profile
from emulation_desktop.domain.registry import HouseholdDraft, PersonDraft, UnitDraft

__all__ = ["CCCD_PROVINCE_CODE", "COMPOUND_SURNAMES", "DemoCommune", "generate_demo_commune"]

CCCD_PROVINCE_CODE = "036"  # Nam Định, now part of Ninh Bình; old cards keep their code
FULL_DATE_SHARE = 0.8  # the rest only have a birth year, as in old records
CCCD_SHARE = 0.7

_M, _F = Gender.MALE, Gender.FEMALE
_CB, _CC, _VC = PersonKind.CAN_BO, PersonKind.CONG_CHUC, PersonKind.VIEN_CHUC
_LD, _ND = PersonKind.NGUOI_LAO_DONG, PersonKind.NHAN_DAN

# --- Names -----------------------------------------------------------------------------------

_FAMILY_NAMES = (
    ("Nguyễn", 35), ("Trần", 11), ("Lê", 9), ("Phạm", 8), ("Vũ", 5), ("Hoàng", 4), ("Bùi", 3),
    ("Đỗ", 3), ("Đặng", 2), ("Ngô", 2), ("Phan", 2), ("Dương", 1.5), ("Đinh", 1.5),
    ("Trịnh", 1.5), ("Đào", 1), ("Lương", 1), ("Mai", 1), ("Đoàn", 1), ("Hà", 1), ("Cao", 1),
    ("Lưu", 1), ("Hồ", 0.8), ("Tạ", 0.6), ("Vương", 0.5), ("Triệu", 0.4), ("Nghiêm", 0.4),
    ("Quách", 0.3),
)  # fmt: skip
_FAMILY = tuple(name for name, _ in _FAMILY_NAMES)
_FAMILY_WEIGHTS = tuple(weight for _, weight in _FAMILY_NAMES)

# Compound surnames: royal lineages (Tôn Nữ for women, Tôn Thất, Nguyễn Phúc), the two-syllable
# Âu Dương, and modern double family names joining the father's and the mother's.
COMPOUND_SURNAMES = (
    ("Tôn Nữ", _F), ("Tôn Thất", _M), ("Nguyễn Phúc", _M), ("Âu Dương", _M),
    ("Lê Phạm", _F), ("Nguyễn Trần", _M), ("Phạm Lê", _F),
)  # fmt: skip
_MODERN_DOUBLE = ("Lê Phạm", "Nguyễn Trần", "Phạm Lê")

_TRADITIONAL_MIDDLE = {_M: "Văn", _F: "Thị"}
# Cumulative shares where a name gets 1, 2, 3 middle names: "Thị Thu Hà" is common, men rarely
# have more than one.
_MIDDLE_COUNT_EDGES = {_M: (0.03, 0.90, 0.995), _F: (0.02, 0.70, 0.98)}
_MIDDLE = {
    _M: ("Đức", "Minh", "Quang", "Hữu", "Xuân", "Đình", "Công", "Mạnh", "Tiến", "Trọng", "Duy",
         "Thanh", "Ngọc", "Hoàng", "Quốc", "Bá"),
    _F: ("Ngọc", "Thu", "Thanh", "Hồng", "Minh", "Phương", "Thúy", "Kim", "Bích", "Khánh",
         "Hải", "Diệu", "Bảo", "Mai", "Lan"),
}  # fmt: skip
_GIVEN = {
    _M: ("Hùng", "Dũng", "Tuấn", "Long", "Nam", "Hải", "Sơn", "Thắng", "Cường", "Huy", "Đức",
         "Trung", "Thành", "Tùng", "Quân", "Phong", "Khánh", "Hiếu", "Bình", "Hòa", "Lâm",
         "Toàn", "Việt", "Vinh", "Kiên", "Thịnh", "Phúc", "Lộc", "Tiến", "Chiến", "Hưng", "Hoàng",
         "Dương", "Tú", "Đạt", "Khoa", "Nghĩa", "Quý", "Vượng", "Trường"),
    _F: ("Hương", "Lan", "Hoa", "Mai", "Hà", "Linh", "Trang", "Thảo", "Hằng", "Nga", "Huyền",
         "Thủy", "Yến", "Phương", "Nhung", "Loan", "Hạnh", "Dung", "Liên", "Ánh", "Oanh", "Ngân",
         "Quỳnh", "Duyên", "Hiền", "Vân", "Giang", "Ly", "Châu", "Diệp", "Tuyết", "Xuân",
         "Nguyệt", "Thơ", "Uyên", "Ngọc", "Huệ", "Lụa", "Chi", "Anh"),
}  # fmt: skip
# Given names with tricky tones or rare initial vowels; each appears at least once.
_TRICKY_GIVEN = (("Thủy", _F), ("Ánh", _F), ("Ảnh", _F), ("Ân", _M), ("Ơn", _M), ("Ưng", _M))

# --- Units -----------------------------------------------------------------------------------

_UNITS = (
    ("ubnd", "Khối cơ quan UBND xã", UnitKind.GROUP, None),
    ("vp", "Văn phòng HĐND và UBND", UnitKind.OFFICE, "ubnd"),
    ("kt", "Phòng Kinh tế", UnitKind.OFFICE, "ubnd"),
    ("vhxh", "Phòng Văn hóa – Xã hội", UnitKind.OFFICE, "ubnd"),
    ("pvhcc", "Trung tâm Phục vụ hành chính công", UnitKind.OFFICE, "ubnd"),
    ("doanthe", "Mặt trận Tổ quốc và các đoàn thể", UnitKind.GROUP, None),
    ("mttq", "Ủy ban MTTQ Việt Nam xã", UnitKind.FRONT, "doanthe"),
    ("phunu", "Hội Liên hiệp Phụ nữ", UnitKind.FRONT, "doanthe"),
    ("nongdan", "Hội Nông dân", UnitKind.FRONT, "doanthe"),
    ("ccb", "Hội Cựu chiến binh", UnitKind.FRONT, "doanthe"),
    ("doantn", "Đoàn TNCS Hồ Chí Minh", UnitKind.FRONT, "doanthe"),
    ("truong", "Khối trường học", UnitKind.GROUP, None),
    ("mn", "Trường Mầm non Cát Thành", UnitKind.SCHOOL, "truong"),
    ("th", "Trường Tiểu học Cát Thành", UnitKind.SCHOOL, "truong"),
    ("thcs", "Trường THCS Cát Thành", UnitKind.SCHOOL, "truong"),
    ("tyt", "Trạm Y tế xã Cát Thành", UnitKind.HEALTH, None),
    ("ca", "Công an xã", UnitKind.SECURITY, None),
    ("tdp-bs", "Tổ dân phố Bắc Sơn", UnitKind.RESIDENTIAL, None),
    ("tdp-ns", "Tổ dân phố Nam Sơn", UnitKind.RESIDENTIAL, None),
    ("tdp-tt", "Tổ dân phố Trung Thành", UnitKind.RESIDENTIAL, None),
    ("tdp-cc", "Tổ dân phố Cát Chính", UnitKind.RESIDENTIAL, None),
    ("thon-dong", "Thôn Đông", UnitKind.RESIDENTIAL, None),
    ("thon-doai", "Thôn Đoài", UnitKind.RESIDENTIAL, None),
    ("thon-thuong", "Thôn Thượng", UnitKind.RESIDENTIAL, None),
    ("htx", "HTX Dịch vụ nông nghiệp Cát Thành", UnitKind.ENTERPRISE, None),
)
_RESIDENTIAL = tuple(key for key, _, kind, _ in _UNITS if kind is UnitKind.RESIDENTIAL)
_UNIT_NAME = {key: name for key, name, _, _ in _UNITS}

# --- Profile and staff -----------------------------------------------------------------------

_OFFICER_TITLE = "Công chức Văn hóa – Xã hội"
# (full name, gender, birth year, unit, kind, position): the people the profile names.
_LEADERS = (
    ("Nguyễn Văn Thắng", _M, 1972, "vp", _CB, "Chủ tịch UBND"),
    ("Trần Thị Thu Hương", _F, 1978, "vp", _CB, "Phó Chủ tịch UBND"),
    ("Phạm Đức Long", _M, 1981, "vp", _CB, "Phó Chủ tịch UBND"),
    ("Vũ Thị Thanh Huyền", _F, 1988, "vhxh", _CC, _OFFICER_TITLE),
)

# (unit, kind, position, how many, share of women, born from, born to)
_STAFF = (
    ("vp", _CB, "Chủ tịch HĐND", 1, 0.2, 1966, 1976),
    ("vp", _CB, "Phó Chủ tịch HĐND", 1, 0.4, 1970, 1985),
    ("vp", _CC, "Chánh Văn phòng HĐND và UBND", 1, 0.4, 1972, 1988),
    ("vp", _CC, "Phó Chánh Văn phòng HĐND và UBND", 1, 0.5, 1978, 1992),
    ("vp", _CC, "Công chức Văn phòng - Thống kê", 2, 0.6, 1980, 2000),
    ("vp", _CC, "Công chức Tư pháp - Hộ tịch", 2, 0.5, 1980, 2000),
    ("kt", _CC, "Trưởng phòng Kinh tế", 1, 0.3, 1970, 1988),
    ("kt", _CC, "Phó Trưởng phòng Kinh tế", 1, 0.4, 1975, 1992),
    ("kt", _CC, "Công chức Tài chính - Kế toán", 2, 0.7, 1980, 2000),
    ("kt", _CC, "Công chức Địa chính - Xây dựng", 2, 0.2, 1980, 2000),
    ("kt", _CC, "Công chức Nông nghiệp - Môi trường", 1, 0.4, 1982, 2000),
    ("vhxh", _CC, "Trưởng phòng Văn hóa – Xã hội", 1, 0.5, 1972, 1988),
    ("vhxh", _CC, "Phó Trưởng phòng Văn hóa – Xã hội", 1, 0.5, 1976, 1992),
    ("vhxh", _CC, "Công chức Lao động - Thương binh và Xã hội", 2, 0.6, 1982, 2000),
    ("pvhcc", _CC, "Phó Giám đốc Trung tâm", 1, 0.5, 1975, 1990),
    ("pvhcc", _CC, "Công chức tiếp nhận và trả kết quả", 3, 0.7, 1985, 2003),
    ("mttq", _CB, "Chủ tịch Ủy ban MTTQ Việt Nam xã", 1, 0.3, 1966, 1978),
    ("mttq", _CB, "Phó Chủ tịch Ủy ban MTTQ Việt Nam xã", 2, 0.5, 1970, 1990),
    ("phunu", _CB, "Chủ tịch Hội Liên hiệp Phụ nữ", 1, 1.0, 1970, 1988),
    ("phunu", _CB, "Phó Chủ tịch Hội Liên hiệp Phụ nữ", 1, 1.0, 1978, 1995),
    ("nongdan", _CB, "Chủ tịch Hội Nông dân", 1, 0.2, 1966, 1980),
    ("nongdan", _CB, "Phó Chủ tịch Hội Nông dân", 1, 0.3, 1970, 1988),
    ("ccb", _CB, "Chủ tịch Hội Cựu chiến binh", 1, 0.0, 1966, 1970),
    ("ccb", _CB, "Phó Chủ tịch Hội Cựu chiến binh", 1, 0.0, 1966, 1975),
    ("doantn", _CB, "Bí thư Đoàn TNCS Hồ Chí Minh", 1, 0.5, 1992, 2000),
    ("doantn", _CB, "Phó Bí thư Đoàn TNCS Hồ Chí Minh", 1, 0.5, 1995, 2003),
    ("mn", _VC, "Hiệu trưởng", 1, 1.0, 1970, 1985),
    ("mn", _VC, "Phó Hiệu trưởng", 2, 1.0, 1975, 1990),
    ("mn", _VC, "Giáo viên", 16, 0.97, 1975, 2003),
    ("mn", _VC, "Nhân viên kế toán", 1, 0.9, 1980, 2000),
    ("th", _VC, "Hiệu trưởng", 1, 0.6, 1968, 1982),
    ("th", _VC, "Phó Hiệu trưởng", 2, 0.7, 1972, 1988),
    ("th", _VC, "Giáo viên", 24, 0.85, 1970, 2003),
    ("th", _VC, "Nhân viên kế toán", 1, 0.8, 1980, 2000),
    ("th", _VC, "Nhân viên thư viện", 1, 0.9, 1980, 2000),
    ("thcs", _VC, "Hiệu trưởng", 1, 0.4, 1966, 1980),
    ("thcs", _VC, "Phó Hiệu trưởng", 1, 0.6, 1970, 1988),
    ("thcs", _VC, "Giáo viên", 22, 0.7, 1968, 2002),
    ("thcs", _VC, "Nhân viên kế toán", 1, 0.8, 1980, 2000),
    ("thcs", _VC, "Nhân viên thiết bị", 1, 0.6, 1980, 2000),
    ("tyt", _VC, "Trưởng Trạm Y tế", 1, 0.5, 1970, 1985),
    ("tyt", _VC, "Bác sĩ", 1, 0.5, 1978, 1995),
    ("tyt", _VC, "Y sĩ", 2, 0.6, 1975, 1998),
    ("tyt", _VC, "Điều dưỡng", 2, 0.8, 1985, 2001),
    ("tyt", _VC, "Hộ sinh", 1, 1.0, 1980, 2000),
    ("tyt", _VC, "Dược sĩ", 1, 0.7, 1985, 2001),
    ("ca", _CB, "Trưởng Công an xã", 1, 0.0, 1975, 1990),
    ("ca", _CB, "Phó Trưởng Công an xã", 1, 0.1, 1980, 1995),
    ("ca", _LD, "Công an viên", 4, 0.1, 1980, 2003),
    ("htx", _LD, "Giám đốc HTX", 1, 0.2, 1966, 1982),
    ("htx", _LD, "Phó Giám đốc HTX", 1, 0.3, 1970, 1988),
    ("htx", _LD, "Kế toán", 1, 0.8, 1980, 2000),
    ("htx", _LD, "Thủ kho", 1, 0.5, 1975, 1995),
    ("htx", _LD, "Cán bộ kỹ thuật", 1, 0.3, 1985, 2001),
    ("htx", _LD, "Công nhân", 5, 0.4, 1970, 2003),
)

# --- Residents -------------------------------------------------------------------------------

_RESIDENT_BORN = (1945, 2006)
_RESIDENT_COUNT = (356, 376)
_WOMEN_SHARE = 0.51  # of the whole commune; residents make up for the many women teachers
_HOUSEHOLD_COUNT = (192, 208)
_HEAD_BORN_BY = 1998
_JOBS_TDP = (("", 40), ("Công nhân", 20), ("Hộ kinh doanh", 14), ("Nông dân", 8),
             ("Lao động tự do", 10), ("Nhân viên văn phòng", 8))  # fmt: skip
_JOBS_THON = (("", 35), ("Nông dân", 38), ("Công nhân", 14), ("Hộ kinh doanh", 5),
              ("Lao động tự do", 8))  # fmt: skip
_JOBS_OLD = (("", 60), ("Cán bộ hưu trí", 20), ("Nông dân", 20))
_OLD_BEFORE = 1962


@dataclass(frozen=True, slots=True)
class DemoCommune:
    """A whole demo commune, ready for the registry's batch import.

    Attributes:
        profile: the validated commune profile (xã Cát Thành, Ninh Bình).
        units: the unit tree, parents before children.
        people: staff of every unit (with the day they started work), then residents grouped
            by residential unit.
        households: one per head; `head_index` points into `people`.
    """

    profile: CommuneProfile
    units: tuple[UnitDraft, ...]
    people: tuple[PersonDraft, ...]
    households: tuple[HouseholdDraft, ...]


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _full_name(rng: random.Random, gender: Gender, year: int, family: str | None = None,
               given: str | None = None) -> str:  # fmt: skip
    """Family name, 0–3 middle names (one is the norm), given name; never a repeated word."""
    family = family or rng.choices(_FAMILY, weights=_FAMILY_WEIGHTS)[0]
    taken = family.split()
    roll = rng.random()
    n_middle = sum(roll >= edge for edge in _MIDDLE_COUNT_EDGES[gender])
    if n_middle and (n_middle < 3 or gender is _F) and rng.random() < (0.7 if year < 1990 else 0.3):
        taken.append(_TRADITIONAL_MIDDLE[gender])
    while len(taken) - len(family.split()) < n_middle:
        word = rng.choice(_MIDDLE[gender])
        if word not in taken and word != given:
            taken.append(word)
    while given is None or given in taken:
        given = rng.choice(_GIVEN[gender])
    return " ".join([*taken, given])


def _birth(rng: random.Random, first: int, last: int) -> tuple[int, dt.date | None]:
    year = rng.randint(first, last)
    if rng.random() >= FULL_DATE_SHARE:
        return year, None
    days = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
    return year, dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(days))


def _cccd(rng: random.Random, used: set[str], gender: Gender, year: int) -> str:
    """036, century-and-gender digit (0/1 for 1900s, 2/3 for 2000s), yy, six random digits."""
    digit = (0 if year < 2000 else 2) + (1 if gender is _F else 0)
    while True:
        number = f"{CCCD_PROVINCE_CODE}{digit}{year % 100:02d}{rng.randrange(10**6):06d}"
        if number not in used:
            used.add(number)
            return number


def _person(rng: random.Random, used: set[str], *, kind: PersonKind, unit_key: str,
            position: str, gender: Gender, born: tuple[int, int], name: str | None = None,
            family: str | None = None, given: str | None = None) -> PersonDraft:  # fmt: skip
    year, date = _birth(rng, *born)
    cccd = _cccd(rng, used, gender, year) if rng.random() < CCCD_SHARE else None
    return PersonDraft(
        full_name=name or _full_name(rng, gender, year, family, given),
        gender=gender, kind=kind, unit_key=unit_key, birth_year=year, birth_date=date,
        position=position, cccd=cccd,
    )  # fmt: skip


def _profile() -> CommuneProfile:
    chairman, vice_1, vice_2, officer = (row[0] for row in _LEADERS)
    return validate_profile(CommuneProfile(
        kind=CommuneKind.XA, name="Cát Thành", province="Ninh Bình", place_name="Cát Thành",
        chairman=chairman, vice_chairmen=(vice_1, vice_2), officer=officer,
        officer_title=_OFFICER_TITLE,
    ))  # fmt: skip


def _staff(rng: random.Random, used: set[str]) -> list[PersonDraft]:
    people = [
        _person(rng, used, kind=kind, unit_key=unit, position=position, gender=gender,
                born=(year, year), name=name)
        for name, gender, year, unit, kind, position in _LEADERS
    ]  # fmt: skip
    for unit, kind, position, count, women, first, last in _STAFF:
        for _ in range(count):
            gender = _F if rng.random() < women else _M
            people.append(_person(rng, used, kind=kind, unit_key=unit, position=position,
                                  gender=gender, born=(first, last)))  # fmt: skip
    return people


def _resident_roles(unit: str) -> tuple[tuple[str, Gender | None], ...]:
    head = "Trưởng thôn" if unit.startswith("thon") else "Tổ trưởng tổ dân phố"
    return ((head, None), ("Bí thư chi bộ", None), ("Chi hội trưởng Chi hội Phụ nữ", _F))


def _residents(rng: random.Random, used: set[str], staff: list[PersonDraft]) -> list[PersonDraft]:
    """Residents grouped by unit; each unit's first three hold its roles; a few special names."""
    n = rng.randint(*_RESIDENT_COUNT)
    women = round(_WOMEN_SHARE * (len(staff) + n)) - sum(p.gender is _F for p in staff)
    genders = [_F] * women + [_M] * (n - women)
    rng.shuffle(genders)
    units = [_RESIDENTIAL[i] for i in sorted(rng.choices(range(len(_RESIDENTIAL)), k=n))]
    ranks = [i - units.index(unit) for i, unit in enumerate(units)]
    specials = [(family, gender, None) for family, gender in COMPOUND_SURNAMES]
    specials += [(None, gender, given) for given, gender in _TRICKY_GIVEN]
    plain = [i for i in range(n) if ranks[i] >= len(_resident_roles(units[i]))]
    special_at = dict(zip(rng.sample(plain, len(specials)), specials, strict=True))
    people: list[PersonDraft] = []
    for i, unit in enumerate(units):
        roles = _resident_roles(unit)
        family, gender, given = special_at.get(i, (None, None, None))
        born = (2000, _RESIDENT_BORN[1]) if family in _MODERN_DOUBLE else _RESIDENT_BORN
        position = ""
        if ranks[i] < len(roles):
            position, gender = roles[ranks[i]]
            born = (1955, 1985)
        gender = gender or genders[i]
        person = _person(rng, used, kind=_ND, unit_key=unit, position=position, gender=gender,
                         born=born, family=family, given=given)  # fmt: skip
        if not position:
            jobs = _JOBS_TDP if unit.startswith("tdp") else _JOBS_THON
            old = person.birth_year is not None and person.birth_year < _OLD_BEFORE
            person = replace(person, position=_pick(rng, _JOBS_OLD if old else jobs))
        people.append(person)
    return people


def _households(rng: random.Random, people: list[PersonDraft]) -> list[HouseholdDraft]:
    """Distinct adult nhân dân heads; TDP homes get a house number, villages a xóm."""
    candidates = [
        i for i, p in enumerate(people)
        if p.kind is _ND and p.unit_key in _RESIDENTIAL and (p.birth_year or 0) <= _HEAD_BORN_BY
    ]  # fmt: skip
    heads = sorted(rng.sample(candidates, min(len(candidates), rng.randint(*_HOUSEHOLD_COUNT))))
    house_numbers = {unit: rng.sample(range(1, 300), len(heads)) for unit in _RESIDENTIAL}
    households = []
    for i in heads:
        unit = people[i].unit_key
        if unit.startswith("tdp"):
            address = f"Số {house_numbers[unit].pop()}, {_UNIT_NAME[unit]}"
        else:
            address = f"Xóm {rng.randint(1, 6)}, {_UNIT_NAME[unit]}"
        households.append(HouseholdDraft(head_index=i, address=address, unit_key=unit))
    return households


def generate_demo_commune(seed: int = 2026) -> DemoCommune:
    """The demo commune for `seed`: same seed, same commune; no I/O, no global random state."""
    rng = random.Random(seed)
    used_cccd: set[str] = set()
    units = tuple(UnitDraft(key, name, kind, parent) for key, name, kind, parent in _UNITS)
    staff = _staff(rng, used_cccd)
    people = with_work_starts(staff + _residents(rng, used_cccd, staff), seed)
    return DemoCommune(
        profile=_profile(),
        units=units,
        people=tuple(people),
        households=tuple(_households(rng, people)),
    )
