"""The commune profile as the first-start dialog saves it: normalised, or refused field by field."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest

from emulation_desktop.domain.enums import CommuneKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.profile import CommuneProfile, validate_profile


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def good_profile(**changes: object) -> CommuneProfile:
    profile = CommuneProfile(
        kind=CommuneKind.XA,
        name="Cát Thành",
        province="Ninh Bình",
        place_name="Cát Thành",
        chairman="Nguyễn Văn Hùng",
        vice_chairmen=("Trần Thị Mai", "Lê Quốc Bảo"),
        officer="Phạm Thị Hằng",
        officer_title="Công chức Văn hóa - Xã hội",
    )
    return dataclasses.replace(profile, **changes)


def field_errors(profile: CommuneProfile) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        validate_profile(profile)
    return info.value.field_errors


def test_a_good_profile_is_accepted_unchanged() -> None:
    profile = good_profile()
    assert validate_profile(profile) == profile


def test_accepted_profile_is_nfc_with_blanks_collapsed() -> None:
    raw = good_profile(
        name=nfd("  Cát   Thành "),
        province=nfd("Ninh Bình"),
        place_name=nfd("Cát Thành"),
        chairman=nfd("Nguyễn  Văn Hùng "),
        vice_chairmen=(nfd("Trần Thị Mai"),),
        officer=nfd(" Phạm Thị Hằng"),
        officer_title=nfd("Công chức  Văn hóa - Xã hội"),
    )

    clean = validate_profile(raw)

    assert clean == good_profile(vice_chairmen=("Trần Thị Mai",))
    for value in (
        clean.name,
        clean.province,
        clean.place_name,
        clean.chairman,
        clean.officer,
        clean.officer_title,
        *clean.vice_chairmen,
    ):
        assert unicodedata.is_normalized("NFC", value)


def test_place_name_defaults_to_the_commune_name() -> None:
    clean = validate_profile(good_profile(name="Phước Thiện", place_name=""))
    assert clean.place_name == "Phước Thiện"
    clean = validate_profile(good_profile(name="Phước Thiện", place_name="   "))
    assert clean.place_name == "Phước Thiện"


def test_a_different_place_name_is_kept() -> None:
    clean = validate_profile(good_profile(place_name="Đồng Hới"))
    assert clean.place_name == "Đồng Hới"


def test_blank_vice_chairmen_are_dropped() -> None:
    clean = validate_profile(good_profile(vice_chairmen=("", "  ", "Trần Thị Mai")))
    assert clean.vice_chairmen == ("Trần Thị Mai",)


def test_numbered_ward_name_is_accepted() -> None:
    clean = validate_profile(good_profile(kind=CommuneKind.PHUONG, name="3", place_name=""))
    assert clean.display_name == "Phường 3"
    assert clean.place_name == "3"


@pytest.mark.parametrize("field", ["name", "province", "chairman", "officer"])
def test_each_required_field_left_empty_is_named(field: str) -> None:
    errors = field_errors(good_profile(**{field: "   "}))
    assert set(errors) == {field}
    assert errors[field].startswith("Hãy nhập")


def test_every_bad_field_is_reported_at_once() -> None:
    errors = field_errors(good_profile(name="", province="", chairman="", officer=""))
    assert set(errors) == {"name", "province", "chairman", "officer"}


def test_validation_error_is_a_user_error_with_a_vietnamese_message() -> None:
    with pytest.raises(UserError) as info:
        validate_profile(good_profile(chairman=""))
    assert "Chủ tịch" in info.value.message


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("chairman", "Nguyễn Văn 3"),
        ("chairman", "Nguyen Van A1"),
        ("officer", "Phạm Thị Hằng 2"),
        ("officer", "123"),
    ],
)
def test_digits_in_a_person_name_are_refused(field: str, value: str) -> None:
    errors = field_errors(good_profile(**{field: value}))
    assert set(errors) == {field}
    assert "chữ cái" in errors[field]


def test_a_digit_in_a_vice_chairman_name_is_refused() -> None:
    errors = field_errors(good_profile(vice_chairmen=("Trần Thị Mai", "Lê Văn 2")))
    assert set(errors) == {"vice_chairmen"}


def test_a_single_word_is_not_a_full_name() -> None:
    errors = field_errors(good_profile(chairman="Hùng"))
    assert set(errors) == {"chairman"}


def test_names_with_apostrophe_or_hyphen_are_accepted() -> None:
    clean = validate_profile(good_profile(chairman="Y Ksor Nay-Ktla", officer="H'Hen Niê"))
    assert clean.chairman == "Y Ksor Nay-Ktla"
    assert clean.officer == "H'Hen Niê"


def test_overlong_values_are_refused() -> None:
    long_name = " ".join(["Nguyễn"] * 20)  # 139 characters
    errors = field_errors(good_profile(chairman=long_name, name="Cát " * 30))
    assert set(errors) == {"chairman", "name"}


def test_punctuation_in_the_commune_name_is_refused() -> None:
    errors = field_errors(good_profile(name="Cát Thành!", place_name="Cát Thành"))
    assert set(errors) == {"name"}
