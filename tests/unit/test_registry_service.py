"""The registry as the screens use it: pages in Vietnamese order, search, history, edits, merge."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from emulation_desktop.domain.enums import (
    Gender,
    PersonKind,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.registry import HouseholdInput, PersonInput, UnitInput
from emulation_desktop.domain.registry_views import HouseholdQuery, PersonQuery, PersonSort
from emulation_desktop.domain.text import name_sort_key
from emulation_desktop.store.models import (
    AuditEntryRow,
    AwardRow,
    EvaluationRow,
    PersonRow,
)


def _person(name: str, unit: int, **kw) -> PersonInput:  # type: ignore[no-untyped-def]
    kw.setdefault("gender", Gender.FEMALE)
    kw.setdefault("kind", PersonKind.NHAN_DAN)
    return PersonInput(full_name=name, unit_id=unit, **kw)


def _names(reg, q: PersonQuery) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.full_name for p in reg.people_page(q, 0, 1000)]


def test_people_come_back_in_vietnamese_name_order(reg, unit_id) -> None:  # type: ignore[no-untyped-def]
    names = ["Nguyễn Văn Bình", "Đặng Thị Ánh", "Lê Thị An", "Hoàng Phủ Ngọc Tường",
             "Trần Văn An", "Đỗ Đức Đạt", "Phạm Thị Ân"]  # fmt: skip
    for n in names:
        reg.create_person(_person(n, unit_id))
    assert _names(reg, PersonQuery()) == sorted(names, key=name_sort_key)
    assert _names(reg, PersonQuery(descending=True)) == sorted(names, key=name_sort_key)[::-1]


def test_pages_split_the_list_without_gaps_or_repeats(demo_context) -> None:  # type: ignore[no-untyped-def]
    reg = demo_context.services.registry
    for sort in PersonSort:
        q = PersonQuery(sort=sort)
        whole = [p.id for p in reg.people_page(q, 0, 10_000)]
        paged = [p.id for off in range(0, len(whole), 37) for p in reg.people_page(q, off, 37)]
        assert paged == whole, sort
        assert len(whole) == reg.count_people(q) == 505


def test_search_ignores_case_diacritics_and_d_bar(reg, unit_id) -> None:  # type: ignore[no-untyped-def]
    reg.create_person(_person("Đặng Thị Hằng", unit_id))
    reg.create_person(_person("Nguyễn Văn Dũng", unit_id, gender=Gender.MALE))
    nfd = unicodedata.normalize("NFD", "hằng")
    for text in ("dang", "ĐẶNG", "hang", nfd, "dang hang", "  thi   hang "):
        assert _names(reg, PersonQuery(text=text)) == ["Đặng Thị Hằng"], text
    assert _names(reg, PersonQuery(text="d")) == ["Nguyễn Văn Dũng", "Đặng Thị Hằng"]
    assert _names(reg, PersonQuery(text="hang dung")) == []
    assert reg.count_people(PersonQuery(text="50%_")) == 0  # LIKE wildcards are literal


def test_search_by_the_start_of_a_cccd(reg, unit_id) -> None:  # type: ignore[no-untyped-def]
    reg.create_person(_person("Lê Thị Mai", unit_id, cccd="036186001234"))
    assert _names(reg, PersonQuery(text="0361860")) == ["Lê Thị Mai"]
    assert _names(reg, PersonQuery(text="1234")) == []


def test_filters_by_unit_including_units_below_it(demo_context) -> None:  # type: ignore[no-untyped-def]
    reg = demo_context.services.registry
    units = {u.name: u for u in reg.units()}
    schools = units["Khối trường học"]
    in_block = {p.unit_name for p in reg.people_page(PersonQuery(unit_id=schools.id), 0, 1000)}
    assert in_block == {"Trường Mầm non Cát Thành", "Trường Tiểu học Cát Thành",
                        "Trường THCS Cát Thành"}  # fmt: skip
    women = reg.people_page(PersonQuery(gender=Gender.FEMALE, kind=PersonKind.VIEN_CHUC), 0, 999)
    assert women and all(
        p.gender is Gender.FEMALE and p.kind is PersonKind.VIEN_CHUC for p in women
    )


def test_unit_tree_lists_children_under_their_parent_with_counts(demo_context) -> None:  # type: ignore[no-untyped-def]
    nodes = demo_context.services.registry.units()
    by_name = {n.name: n for n in nodes}
    school = by_name["Trường THCS Cát Thành"]
    assert school.depth == 1 and school.path == "Khối trường học › Trường THCS Cát Thành"
    parent_at = [n.name for n in nodes].index("Khối trường học")
    assert nodes.index(school) > parent_at
    assert sum(n.people for n in nodes) == 505
    assert sum(n.households for n in nodes) == 193


def test_person_detail_shows_award_history_and_evaluations(demo_context) -> None:  # type: ignore[no-untyped-def]
    reg = demo_context.services.registry
    staff = reg.people_page(PersonQuery(kind=PersonKind.CONG_CHUC), 0, 100)
    details = [reg.person_detail(p.id) for p in staff]
    with_awards = [d for d in details if d and d.history.awards]
    assert with_awards
    d = with_awards[0]
    years = [a.year for a in d.history.awards]
    assert years == sorted(years, reverse=True)
    assert {e.year for e in d.history.evaluations} == {2024, 2025, 2026}
    assert "/QĐ-UBND ngày " in d.history.awards[0].decision


def test_invalid_person_is_refused_naming_each_field(reg, unit_id, context) -> None:  # type: ignore[no-untyped-def]
    bad = _person("Nguyễn 3", None, birth_date=dt.date(2027, 1, 1), cccd="12345")
    with pytest.raises(ValidationError) as err:
        reg.create_person(bad)
    assert set(err.value.field_errors) == {"full_name", "birth", "unit_id", "cccd"}
    assert "tương lai" in err.value.field_errors["birth"]
    with context.database.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(PersonRow)) == 0


def test_the_work_start_of_staff_is_kept_and_edited(reg, unit_id, context) -> None:  # type: ignore[no-untyped-def]
    teacher = _person("Vũ Thị Hồng", unit_id, kind=PersonKind.VIEN_CHUC, birth_year=1995,
                      work_start=dt.date(2019, 8, 15))  # fmt: skip
    pid = reg.create_person(teacher)
    assert reg.person(pid).work_start == dt.date(2019, 8, 15)
    assert reg.people_page(PersonQuery(), 0, 10)[0].work_start == dt.date(2019, 8, 15)
    reg.update_person(pid, replace(teacher, work_start=dt.date(2020, 9, 1)))
    assert reg.person_detail(pid).person.work_start == dt.date(2020, 9, 1)
    reg.update_person(pid, replace(teacher, work_start=None))  # not known after all
    assert reg.person(pid).work_start is None


@pytest.mark.parametrize(
    ("kind", "birth", "start", "message"),
    [
        (PersonKind.CONG_CHUC, None, dt.date(2026, 11, 25), "không thể ở tương lai"),
        (PersonKind.CONG_CHUC, dt.date(2000, 3, 5), dt.date(2015, 3, 4), "chưa đủ 15 tuổi"),
        (PersonKind.CAN_BO, 2000, dt.date(2014, 12, 31), "chưa đủ 15 tuổi (sinh năm 2000)"),
        (PersonKind.NHAN_DAN, 1980, dt.date(2005, 1, 1), "Chỉ ghi ngày bắt đầu công tác cho"),
    ],
)
def test_an_impossible_work_start_is_refused_and_nothing_written(
    reg, unit_id, context, kind, birth, start, message
) -> None:  # type: ignore[no-untyped-def]
    born = {"birth_date": birth} if isinstance(birth, dt.date) else {"birth_year": birth}
    data = _person("Lê Văn Hải", unit_id, kind=kind, work_start=start, **born)
    with pytest.raises(ValidationError) as err:
        reg.create_person(data)
    assert list(err.value.field_errors) == ["work_start"]
    assert message in err.value.field_errors["work_start"]
    with context.database.session_scope() as s:
        assert s.scalar(select(func.count()).select_from(PersonRow)) == 0


def test_a_work_start_on_the_fifteenth_birthday_is_accepted(reg, unit_id) -> None:  # type: ignore[no-untyped-def]
    data = _person("Lê Văn Hải", unit_id, kind=PersonKind.NGUOI_LAO_DONG,
                   birth_date=dt.date(2008, 2, 29), work_start=dt.date(2023, 3, 1))  # fmt: skip
    assert reg.person(reg.create_person(data)).work_start == dt.date(2023, 3, 1)


def test_names_typed_in_capitals_are_stored_in_proper_case(reg, unit_id) -> None:  # type: ignore[no-untyped-def]
    pid = reg.create_person(_person("  NGUYỄN   THỊ  HOA ", unit_id))
    assert reg.person(pid).full_name == "Nguyễn Thị Hoa"


def test_cccd_already_used_is_refused(reg, unit_id) -> None:  # type: ignore[no-untyped-def]
    reg.create_person(_person("Lê Thị Mai", unit_id, cccd="036186001234"))
    with pytest.raises(ValidationError) as err:
        reg.create_person(_person("Lê Thị Lan", unit_id, cccd="036 186 001 234"))
    assert "Lê Thị Mai" in err.value.field_errors["cccd"]


def test_possible_duplicates_match_name_and_compatible_birth(reg, unit_id) -> None:  # type: ignore[no-untyped-def]
    a = reg.create_person(_person("Trần Thị Lụa", unit_id, birth_date=dt.date(1980, 5, 2)))
    reg.create_person(_person("Trần Thị Lụa", unit_id, birth_date=dt.date(1980, 9, 9)))
    found = reg.possible_duplicates("TRAN THI LUA", dt.date(1980, 5, 2), 1980)
    assert [p.id for p in found] == [a]
    assert len(reg.possible_duplicates("Trần Thị Lụa", None, 1980)) == 2
    assert reg.possible_duplicates("Trần Thị Lụa", None, 1981) == []


def test_a_person_with_history_cannot_be_deleted_only_deactivated(demo_context) -> None:  # type: ignore[no-untyped-def]
    reg = demo_context.services.registry
    staff = reg.people_page(PersonQuery(kind=PersonKind.CONG_CHUC), 0, 1)[0]
    with pytest.raises(UserError, match="Ngừng theo dõi"):
        reg.delete_person(staff.id)
    reg.set_people_active([staff.id], False)
    assert staff.id not in [p.id for p in reg.people_page(PersonQuery(), 0, 1000)]
    assert reg.person_detail(staff.id).history.awards  # history kept
    assert staff.id in [p.id for p in reg.people_page(PersonQuery(active=False), 0, 1000)]


def test_merge_moves_all_history_and_leaves_an_audit_entry(demo_context) -> None:  # type: ignore[no-untyped-def]
    reg = demo_context.services.registry
    db = demo_context.database
    keep = reg.people_page(PersonQuery(kind=PersonKind.CONG_CHUC), 0, 1)[0]
    before = reg.person_detail(keep.id).history
    twin = reg.create_person(PersonInput(keep.full_name.upper(), keep.gender, keep.kind,
                                         keep.unit_id, birth_year=keep.birth_year))  # fmt: skip
    with db.session_scope() as s:
        s.add(AwardRow(subject_kind=SubjectKind.PERSON, person_id=twin, award_code="GIAY_KHEN",
                       award_name="Giấy khen", award_kind="form", year=2023,
                       decision_number="12/QĐ-UBND"))  # fmt: skip
        s.add(EvaluationRow(person_id=twin, year=2023, grade="htt"))
        s.add(EvaluationRow(person_id=twin, year=2024, grade="kht"))  # both have 2024
    moved = reg.merge_people(keep.id, twin)
    assert (moved["awards"], moved["evaluations"], moved["households"]) == (1, 1, 0)
    assert not any(n for key, n in moved.items() if key not in ("awards", "evaluations"))
    after = reg.person_detail(keep.id).history
    assert len(after.awards) == len(before.awards) + 1
    assert {e.year: e.grade for e in after.evaluations}[2024] == {
        e.year: e.grade for e in before.evaluations
    }[2024]
    assert reg.person(twin) is None
    with db.session_scope() as s:
        entry = s.scalars(select(AuditEntryRow).where(AuditEntryRow.action == "merge")).one()
        assert entry.detail["removed"]["name"] == keep.full_name
        assert entry.detail["dropped_evaluations"] == [{"year": 2024, "grade": "kht"}]


def test_merge_refuses_two_different_cccd(reg, unit_id) -> None:  # type: ignore[no-untyped-def]
    a = reg.create_person(_person("Lê Thị Mai", unit_id, cccd="036186001234"))
    b = reg.create_person(_person("Lê Thị Mai", unit_id, cccd="036186009999"))
    with pytest.raises(UserError, match="hai số CCCD khác nhau"):
        reg.merge_people(a, b)
    assert reg.person(b) is not None


def test_unit_with_people_cannot_be_deactivated_or_deleted(reg, unit_id) -> None:  # type: ignore[no-untyped-def]
    reg.create_person(_person("Lê Thị Mai", unit_id))
    with pytest.raises(UserError, match="chuyển"):
        reg.set_unit_active(unit_id, False)
    with pytest.raises(UserError, match="Ngừng theo dõi"):
        reg.delete_unit(unit_id)


def test_a_unit_cannot_be_placed_under_itself(reg) -> None:  # type: ignore[no-untyped-def]
    top = reg.create_unit(UnitInput("Khối trường học", UnitKind.GROUP))
    child = reg.create_unit(UnitInput("Trường Tiểu học", UnitKind.SCHOOL, top))
    with pytest.raises(ValidationError):
        reg.update_unit(top, UnitInput("Khối trường học", UnitKind.GROUP, child))


def test_new_units_keep_the_tree_order_for_sorting(reg) -> None:  # type: ignore[no-untyped-def]
    top = reg.create_unit(UnitInput("Khối trường học", UnitKind.GROUP))
    reg.create_unit(UnitInput("Thôn Đông", UnitKind.RESIDENTIAL))
    reg.create_unit(UnitInput("Trường Tiểu học", UnitKind.SCHOOL, top))
    assert [u.name for u in reg.units()] == ["Khối trường học", "Trường Tiểu học", "Thôn Đông"]


def test_move_people_to_another_unit(reg, unit_id) -> None:  # type: ignore[no-untyped-def]
    other = reg.create_unit(UnitInput("Thôn Đông", UnitKind.RESIDENTIAL))
    pid = reg.create_person(_person("Lê Thị Mai", unit_id))
    assert reg.move_people([pid], other) == 1
    assert reg.person(pid).unit_name == "Thôn Đông"


def test_households_list_by_head_name_and_search_address(demo_context) -> None:  # type: ignore[no-untyped-def]
    reg = demo_context.services.registry
    q = HouseholdQuery()
    rows = reg.households_page(q, 0, 1000)
    assert len(rows) == reg.count_households(q) == 193
    assert [name_sort_key(h.head_name) for h in rows] == sorted(
        name_sort_key(h.head_name) for h in rows
    )
    xom = reg.households_page(HouseholdQuery(text="xom 3"), 0, 1000)
    assert xom and all("Xóm 3" in h.address for h in xom)


def test_household_head_must_exist_and_head_only_one_household(reg, unit_id) -> None:  # type: ignore[no-untyped-def]
    pid = reg.create_person(_person("Lê Văn Tám", unit_id, gender=Gender.MALE))
    reg.create_household(HouseholdInput(pid, "Số 5", unit_id))
    with pytest.raises(ValidationError, match="đã là chủ hộ"):
        reg.create_household(HouseholdInput(pid, "Số 7", unit_id))
    with pytest.raises(ValidationError):
        reg.create_household(HouseholdInput(None, "Số 9", unit_id))


@pytest.mark.parametrize("sort", list(PersonSort))
def test_the_sparse_search_plan_gives_the_same_pages(demo_context, sort) -> None:  # type: ignore[no-untyped-def]
    from emulation_desktop.services import registry_read

    q = PersonQuery(text="thi", sort=sort, descending=sort is PersonSort.BIRTH)
    with demo_context.database.session_scope() as s:
        dense = [p.id for off in (0, 40, 80) for p in registry_read.people_page(s, q, off, 40)]
        sparse = [
            p.id for off in (0, 40, 80) for p in registry_read.people_page(s, q, off, 40, matches=1)
        ]
    assert dense == sparse and len(dense) == 120
