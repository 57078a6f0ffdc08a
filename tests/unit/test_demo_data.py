"""The demo commune generator: deterministic, realistic in shape, and consistent with itself
(the profile, the unit tree, people, households; the yearly cycle is test_demo_cycle)."""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections import Counter

import pytest

from emulation_desktop.domain.demo_data import (
    CCCD_PROVINCE_CODE,
    COMPOUND_SURNAMES,
    DemoCommune,
    generate_demo_commune,
)
from emulation_desktop.domain.enums import (
    CommuneKind,
    Gender,
    PersonKind,
    UnitKind,
)
from emulation_desktop.domain.profile import validate_profile
from tests.nfc_check import strings_in


@pytest.fixture(scope="module")
def demo() -> DemoCommune:
    return generate_demo_commune(2026)


def test_same_seed_gives_the_same_commune() -> None:
    assert generate_demo_commune(7) == generate_demo_commune(7)
    assert generate_demo_commune() == generate_demo_commune(2026)


def test_another_seed_gives_other_people(demo: DemoCommune) -> None:
    other = generate_demo_commune(2027)
    assert other.people != demo.people
    assert [p.full_name for p in other.people] != [p.full_name for p in demo.people]
    assert other.units == demo.units
    assert other.profile == demo.profile


def test_the_global_random_state_is_untouched() -> None:
    random.seed(1)
    expected = random.random()
    random.seed(1)
    generate_demo_commune(3)
    assert random.random() == expected


@pytest.mark.parametrize("seed", [2026, 1, 42, 99999])
def test_counts_are_in_range(seed: int) -> None:
    demo = generate_demo_commune(seed)
    kinds = Counter(p.kind for p in demo.people)
    by_unit_kind = Counter(_unit_kinds(demo)[p.unit_key] for p in demo.people)
    assert 480 <= len(demo.people) <= 520
    assert 190 <= len(demo.households) <= 210
    assert 60 <= by_unit_kind[UnitKind.SCHOOL] <= 80
    assert by_unit_kind[UnitKind.HEALTH] == 8
    assert by_unit_kind[UnitKind.SECURITY] == 6
    assert by_unit_kind[UnitKind.ENTERPRISE] == 10
    assert 20 <= by_unit_kind[UnitKind.OFFICE] <= 30
    assert 10 <= by_unit_kind[UnitKind.FRONT] <= 14
    assert kinds[PersonKind.NHAN_DAN] == by_unit_kind[UnitKind.RESIDENTIAL]
    women = sum(p.gender is Gender.FEMALE for p in demo.people) / len(demo.people)
    assert 0.40 <= women <= 0.60


def _unit_kinds(demo: DemoCommune) -> dict[str, UnitKind]:
    return {u.key: u.kind for u in demo.units}


def test_every_string_is_nfc(demo: DemoCommune) -> None:
    strings = strings_in(demo)
    assert len(strings) > 2000
    bad = [s for s in strings if not unicodedata.is_normalized("NFC", s)]
    assert bad == []


def test_profile_is_valid(demo: DemoCommune) -> None:
    p = demo.profile
    assert validate_profile(p) == p
    assert p.kind is CommuneKind.XA
    assert (p.name, p.province, p.place_name) == ("Cát Thành", "Ninh Bình", "Cát Thành")
    assert len(p.vice_chairmen) == 2
    assert p.officer_title == "Công chức Văn hóa – Xã hội"


def test_profile_people_hold_their_positions(demo: DemoCommune) -> None:
    units = {u.key: u.name for u in demo.units}
    held = {(p.full_name, p.position, units[p.unit_key]) for p in demo.people}
    p = demo.profile
    assert (p.chairman, "Chủ tịch UBND", "Văn phòng HĐND và UBND") in held
    for vice in p.vice_chairmen:
        assert (vice, "Phó Chủ tịch UBND", "Văn phòng HĐND và UBND") in held
    assert (p.officer, p.officer_title, "Phòng Văn hóa – Xã hội") in held
    chairmen = [x for x in demo.people if x.position == "Chủ tịch UBND"]
    assert [x.full_name for x in chairmen] == [p.chairman]
    assert chairmen[0].kind is PersonKind.CAN_BO


def test_unit_tree_is_ordered_and_keys_unique(demo: DemoCommune) -> None:
    seen: set[str] = set()
    for unit in demo.units:
        assert re.fullmatch(r"[a-z][a-z0-9-]{0,15}", unit.key), unit.key
        assert unit.key not in seen
        assert unit.parent_key is None or unit.parent_key in seen
        seen.add(unit.key)
    kinds = Counter(u.kind for u in demo.units)
    assert kinds[UnitKind.GROUP] == 3
    assert kinds[UnitKind.OFFICE] == 4
    assert kinds[UnitKind.FRONT] == 5
    assert kinds[UnitKind.SCHOOL] == 3
    assert kinds[UnitKind.HEALTH] == kinds[UnitKind.SECURITY] == kinds[UnitKind.ENTERPRISE] == 1
    assert 6 <= kinds[UnitKind.RESIDENTIAL] <= 8
    parents = {u.key: u.parent_key for u in demo.units}
    groups = {u.key for u in demo.units if u.kind is UnitKind.GROUP}
    for unit in demo.units:
        if unit.kind in (UnitKind.OFFICE, UnitKind.FRONT, UnitKind.SCHOOL):
            assert parents[unit.key] in groups


def test_every_person_belongs_to_a_real_non_group_unit(demo: DemoCommune) -> None:
    kinds = _unit_kinds(demo)
    for person in demo.people:
        assert person.unit_key in kinds
        assert kinds[person.unit_key] is not UnitKind.GROUP
        if person.kind is PersonKind.NHAN_DAN:
            assert kinds[person.unit_key] is UnitKind.RESIDENTIAL
    residential = [k for k, kind in kinds.items() if kind is UnitKind.RESIDENTIAL]
    positions = Counter((p.unit_key, p.position) for p in demo.people)
    for key in residential:
        head = "Trưởng thôn" if key.startswith("thon") else "Tổ trưởng tổ dân phố"
        assert positions[(key, head)] == 1
        assert positions[(key, "Bí thư chi bộ")] == 1


def test_households_have_distinct_resident_heads(demo: DemoCommune) -> None:
    kinds = _unit_kinds(demo)
    names = {u.key: u.name for u in demo.units}
    heads = [h.head_index for h in demo.households]
    assert len(set(heads)) == len(heads)
    for household in demo.households:
        head = demo.people[household.head_index]
        assert head.kind is PersonKind.NHAN_DAN
        assert kinds[household.unit_key] is UnitKind.RESIDENTIAL
        assert head.unit_key == household.unit_key
        assert household.address.endswith(", " + names[household.unit_key])
        assert re.fullmatch(r"(Số|Xóm) \d+, .+", household.address)
        assert head.birth_year is not None and head.birth_year <= 2000


def test_names_look_vietnamese(demo: DemoCommune) -> None:
    names = [p.full_name for p in demo.people]
    compound = [n for n in names if n.startswith(tuple(s + " " for s, _ in COMPOUND_SURNAMES))]
    assert len(compound) >= 5
    assert any(n.startswith("Tôn Nữ ") for n in names)
    family = Counter(n.split()[0] for n in names)
    assert 0.28 <= family["Nguyễn"] / len(names) <= 0.45
    assert family.most_common(1)[0][0] == "Nguyễn"
    assert {"Trần", "Lê", "Phạm", "Vũ", "Đặng", "Bùi", "Đỗ"} <= set(family)
    word_counts = Counter(len(n.split()) for n in names)
    assert word_counts[3] > len(names) / 2
    assert word_counts[4] > 0 and word_counts[5] > 0
    given = {n.split()[-1] for n in names}
    assert {"Thủy", "Ánh", "Ảnh", "Ân", "Ơn", "Ưng"} <= given
    for person in demo.people:
        words = person.full_name.split()
        assert 2 <= len(words) <= 6
        assert " ".join(words) == person.full_name
        assert len(set(words)) == len(words), person.full_name
        if "Thị" in words:
            assert person.gender is Gender.FEMALE
        if "Văn" in words[1:]:
            assert person.gender is Gender.MALE


def test_birth_dates_and_years(demo: DemoCommune) -> None:
    kinds = _unit_kinds(demo)
    with_date = 0
    for p in demo.people:
        assert p.birth_year is not None
        if p.birth_date is not None:
            with_date += 1
            assert isinstance(p.birth_date, dt.date)
            assert p.birth_date.year == p.birth_year
        if kinds[p.unit_key] is UnitKind.RESIDENTIAL:
            assert 1945 <= p.birth_year <= 2006
        else:
            assert 1966 <= p.birth_year <= 2003
    assert 0.72 <= with_date / len(demo.people) <= 0.88


def test_cccd_format_unique_and_consistent(demo: DemoCommune) -> None:
    numbers = [p.cccd for p in demo.people if p.cccd is not None]
    assert 0.62 <= len(numbers) / len(demo.people) <= 0.78
    assert len(set(numbers)) == len(numbers)
    for p in demo.people:
        if p.cccd is None:
            continue
        assert re.fullmatch(r"\d{12}", p.cccd)
        assert p.cccd[:3] == CCCD_PROVINCE_CODE == "036"
        assert p.birth_year is not None
        century = 0 if p.birth_year < 2000 else 2
        assert int(p.cccd[3]) == century + (p.gender is Gender.FEMALE)
        assert p.cccd[4:6] == f"{p.birth_year % 100:02d}"


def test_staff_positions(demo: DemoCommune) -> None:
    positions = Counter((p.unit_key, p.position) for p in demo.people)
    assert positions[("vp", "Phó Chủ tịch UBND")] == 2
    assert sum(n for (unit, pos), n in positions.items() if pos == "Hiệu trưởng") == 3
    assert positions[("ca", "Trưởng Công an xã")] == 1
    assert positions[("ca", "Công an viên")] >= 3
    kinds = _unit_kinds(demo)
    for p in demo.people:
        if kinds[p.unit_key] is UnitKind.SCHOOL:
            assert p.kind is PersonKind.VIEN_CHUC
        if kinds[p.unit_key] is UnitKind.ENTERPRISE:
            assert p.kind is PersonKind.NGUOI_LAO_DONG
        if kinds[p.unit_key] is UnitKind.FRONT:
            assert p.kind is PersonKind.CAN_BO
        if kinds[p.unit_key] is UnitKind.OFFICE:
            assert p.kind in (PersonKind.CAN_BO, PersonKind.CONG_CHUC)
        if kinds[p.unit_key] is not UnitKind.RESIDENTIAL:
            assert p.position, p
