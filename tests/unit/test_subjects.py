"""Subject references: names in set queries, accent-insensitive search, the three-column pattern."""

from __future__ import annotations

import pytest

from emulation_desktop.domain.dates import day_text, parse_day
from emulation_desktop.domain.enums import Gender, PersonKind, SubjectKind, UnitKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.registry import HouseholdInput, PersonInput, UnitInput
from emulation_desktop.domain.subjects import SubjectRef, subject_sort_key
from emulation_desktop.services.subjects import (
    require_subject,
    subject_columns,
    subject_key,
)


def _commune(services):  # type: ignore[no-untyped-def]
    reg = services.registry
    tdp = reg.create_unit(UnitInput("Tổ dân phố số 3", UnitKind.RESIDENTIAL, None))
    office = reg.create_unit(UnitInput("Văn phòng HĐND và UBND", UnitKind.OFFICE, None))
    an = reg.create_person(
        PersonInput("Nguyễn Văn An", Gender.MALE, PersonKind.NHAN_DAN, tdp, birth_year=1970)
    )
    dung = reg.create_person(
        PersonInput("Đặng Thị Dung", Gender.FEMALE, PersonKind.CONG_CHUC, office, birth_year=1985)
    )
    hoa = reg.create_person(
        PersonInput("Lê Thị Hoa", Gender.FEMALE, PersonKind.NHAN_DAN, tdp, birth_year=1975)
    )
    home = reg.create_household(HouseholdInput(hoa, "Số 5, đường Trần Hưng Đạo", tdp))
    return {"tdp": tdp, "office": office, "an": an, "dung": dung, "hoa": hoa, "home": home}


def test_search_ignores_accents_and_d(context) -> None:  # type: ignore[no-untyped-def]
    ids = _commune(context.services)
    found = context.services.subjects.search("dang thi", [SubjectKind.PERSON])
    assert [r.id for r in found] == [ids["dung"]]
    assert found[0].label == "Đặng Thị Dung (Văn phòng HĐND và UBND)"


def test_search_households_by_head_and_units_by_name(context) -> None:  # type: ignore[no-untyped-def]
    ids = _commune(context.services)
    homes = context.services.subjects.search("hoa", [SubjectKind.HOUSEHOLD])
    assert [(r.id, r.name, r.place) for r in homes] == [
        (ids["home"], "Hộ bà Lê Thị Hoa", "Tổ dân phố số 3")
    ]
    units = context.services.subjects.search("to dan pho", [SubjectKind.UNIT])
    assert [(r.id, r.place) for r in units] == [(ids["tdp"], "Thôn, tổ dân phố")]


def test_names_starting_with_the_text_come_first(context) -> None:  # type: ignore[no-untyped-def]
    ids = _commune(context.services)
    found = context.services.subjects.search("le", [SubjectKind.PERSON])
    assert found[0].id == ids["hoa"]  # "Lê Thị Hoa" starts with it
    found = context.services.subjects.search("dung", [SubjectKind.PERSON])
    assert [r.id for r in found] == [ids["dung"]]


def test_inactive_people_are_not_offered(context) -> None:  # type: ignore[no-untyped-def]
    ids = _commune(context.services)
    context.services.registry.set_people_active([ids["an"]], False)
    assert context.services.subjects.search("nguyen van an", [SubjectKind.PERSON]) == []
    ref = context.services.subjects.get(SubjectKind.PERSON, ids["an"])
    assert ref is not None and not ref.active


def test_refs_and_missing_subjects(context) -> None:  # type: ignore[no-untyped-def]
    ids = _commune(context.services)
    refs = context.services.subjects.refs(
        [
            (SubjectKind.PERSON, ids["an"]),
            (SubjectKind.UNIT, ids["office"]),
            (SubjectKind.PERSON, 999),
        ]
    )
    assert set(refs) == {(SubjectKind.PERSON, ids["an"]), (SubjectKind.UNIT, ids["office"])}
    with context.database.session_scope() as s, pytest.raises(UserError, match="cá nhân"):
        require_subject(s, SubjectKind.PERSON, 999)


def test_three_column_pattern_round_trips() -> None:
    for kind in SubjectKind:
        cols = subject_columns(kind, 7)
        assert sum(v is not None for v in cols.values()) == 1
        assert subject_key(cols["person_id"], cols["unit_id"], cols["household_id"]) == (kind, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("05/01/2026", (2026, 1, 5)), ("5/1/2026", (2026, 1, 5)), ("07-5-1954", (1954, 5, 7)),
     ("22.12.1944", (1944, 12, 22)), (" 01/07/2025 ", (2025, 7, 1))],
)  # fmt: skip
def test_dates_as_officers_type_them(text: str, expected: tuple[int, int, int]) -> None:
    day = parse_day(text)
    assert day is not None and (day.year, day.month, day.day) == expected
    assert day_text(day) == f"{expected[2]:02d}/{expected[1]:02d}/{expected[0]}"


@pytest.mark.parametrize(
    ("text", "message"),
    [("31/02/2024", "không có trên lịch"), ("2024-03-01", "không phải ngày"),
     ("hôm nay", "không phải ngày")],
)  # fmt: skip
def test_bad_dates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_day(text)
    assert parse_day("  ") is None


def test_lists_put_collectives_then_people_then_households_by_the_heads_name() -> None:
    refs = [
        SubjectRef(SubjectKind.HOUSEHOLD, 1, "Hộ bà Nguyễn Thị An"),
        SubjectRef(SubjectKind.HOUSEHOLD, 2, "Hộ ông Lê Văn An"),
        SubjectRef(SubjectKind.PERSON, 3, "Trần Văn Bình"),
        SubjectRef(SubjectKind.UNIT, 4, "Thôn Đoài"),
    ]
    names = [r.name for r in sorted(refs, key=subject_sort_key)]
    # Households by their head as in the households list: "Thị" before "Văn", not "bà" before
    # "ông".
    assert names == ["Thôn Đoài", "Trần Văn Bình", "Hộ bà Nguyễn Thị An", "Hộ ông Lê Văn An"]
    refs[0] = SubjectRef(SubjectKind.HOUSEHOLD, 1, "Hộ bà Nguyễn Văn An")
    names = [r.name for r in sorted(refs, key=subject_sort_key)]
    assert names[2:] == ["Hộ ông Lê Văn An", "Hộ bà Nguyễn Văn An"]


def test_the_place_a_document_list_prints() -> None:
    from emulation_desktop.domain.subjects import SubjectRef

    P, U, H = SubjectKind.PERSON, SubjectKind.UNIT, SubjectKind.HOUSEHOLD
    assert SubjectRef(P, 1, "Lê Văn An", "Trường THCS Cát Thành", position="Giáo viên"
                      ).document_place == "Giáo viên, Trường THCS Cát Thành"  # fmt: skip
    assert SubjectRef(P, 1, "Lê Thị Bích", "Hội Nông dân", position="Chủ tịch Hội nông dân"
                      ).document_place == "Chủ tịch Hội nông dân"  # fmt: skip
    assert SubjectRef(P, 1, "Lê Văn An", "Thôn Đông").document_place == "Thôn Đông"
    assert SubjectRef(U, 2, "Thôn Đông", "Thôn, tổ dân phố").document_place == ""
    assert SubjectRef(H, 3, "Hộ ông Lê Văn An", "Thôn Đông").document_place == "Thôn Đông"
    assert SubjectRef(P, 1, "A B", "X", position="Y") == SubjectRef(P, 1, "A B", "X")
