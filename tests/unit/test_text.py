"""Vietnamese text helpers: the stored form, the search form, the list order and the date line."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from emulation_desktop.domain.text import date_line, fold, name_sort_key, nfc, thousands


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


# --- nfc ---------------------------------------------------------------------------------------


def test_nfc_turns_decomposed_input_into_the_stored_form() -> None:
    name = "Nguyễn Thị Hằng"
    decomposed = nfd(name)
    assert decomposed != name  # the test input really is NFD

    stored = nfc(decomposed)

    assert stored == name
    assert unicodedata.is_normalized("NFC", stored)


def test_nfc_trims_and_collapses_blanks() -> None:
    assert nfc("  Đặng \t Quốc\u00a0 Bảo \n") == "Đặng Quốc Bảo"
    assert nfc("") == ""
    assert nfc("   ") == ""


# --- fold --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đặng Thị Hằng", "dang thi hang"),
        ("NGUYỄN VĂN ƯỚC", "nguyen van uoc"),
        ("Phạm  Thị   Thuỷ", "pham thi thuy"),
        ("Ô Ơ Ư Ă Â Ê", "o o u a a e"),
        ("đường Đồng Khởi", "duong dong khoi"),
    ],
)
def test_fold_drops_case_diacritics_and_maps_d_bar(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_gives_the_same_key_for_nfd_input() -> None:
    assert fold(nfd("Đặng Thị Hằng")) == "dang thi hang"
    assert fold(nfd("Lê Thủy")) == fold("Lê Thủy")


def test_old_and_new_tone_placement_fold_to_the_same_search_key() -> None:
    assert fold("Thuỷ") == fold("Thủy") == "thuy"


# --- name_sort_key -----------------------------------------------------------------------------


def _sorted(names: list[str]) -> list[str]:
    return sorted(names, key=name_sort_key)


@pytest.mark.parametrize(
    "expected",
    [
        # tech-notes §6a, the order ICU's "vi" collation gives
        ["Anh", "Ảnh", "Ánh", "Ăn", "Ân"],
        ["O", "Ô", "Ơ", "Ơn"],
        ["Thu", "Thuỷ", "Thủy", "Thúy", "Thụy", "Thư"],
        # the alphabet: d before đ, u before ư, ch and others as two letters
        ["Dũng", "Dương", "Đan", "Đức"],
        ["Chính", "Cường"],
        ["Tú", "Tuấn", "Tư"],
        # tones: ngang < huyền < hỏi < ngã < sắc < nặng
        ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"],
    ],
)
def test_single_words_sort_in_vietnamese_dictionary_order(expected: list[str]) -> None:
    assert _sorted(list(reversed(expected))) == expected
    shuffled = expected[1::2] + expected[0::2]
    assert _sorted(shuffled) == expected


def test_people_sort_by_given_name_before_family_name() -> None:
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Cường"]
    assert _sorted(names) == ["Trần Thị An", "Nguyễn Văn Bình", "Lê Cường"]


def test_same_given_name_sorts_by_middle_name_then_family_name() -> None:
    names = ["Nguyễn Văn Lan", "Trần Thị Lan", "Lê Văn Lan", "Đỗ Thị Lan", "Bùi Lan"]
    # no middle name first, then Thị < Văn; inside each, the family name decides
    assert _sorted(names) == [
        "Bùi Lan",
        "Đỗ Thị Lan",
        "Trần Thị Lan",
        "Lê Văn Lan",
        "Nguyễn Văn Lan",
    ]


def test_compound_middle_names_compare_word_by_word() -> None:
    names = ["Lê Thị Minh Anh", "Lê Thị Anh", "Lê Thị Bảo Anh"]
    assert _sorted(names) == ["Lê Thị Anh", "Lê Thị Bảo Anh", "Lê Thị Minh Anh"]


def test_sort_key_ignores_normalisation_and_extra_blanks() -> None:
    name = "Phạm Thị Thu Hằng"
    assert name_sort_key(nfd(name)) == name_sort_key(name)
    assert name_sort_key(f"  {name.replace(' ', '   ')} ") == name_sort_key(name)


def test_sort_key_puts_d_bar_names_after_every_d_name_regardless_of_tones() -> None:
    names = ["Đào Văn An", "Dương Văn An", "Đặng Văn An", "Doãn Văn An"]
    assert _sorted(names) == ["Doãn Văn An", "Dương Văn An", "Đào Văn An", "Đặng Văn An"]


def test_empty_name_has_a_key_and_sorts_first() -> None:
    assert _sorted(["An", "", "Bình"]) == ["", "An", "Bình"]


# --- date_line ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 1, 5), "Cát Thành, ngày 05 tháng 01 năm 2026"),
        (dt.date(2025, 2, 28), "Cát Thành, ngày 28 tháng 02 năm 2025"),
        (dt.date(2025, 9, 2), "Cát Thành, ngày 02 tháng 9 năm 2025"),
        (dt.date(2024, 3, 14), "Cát Thành, ngày 14 tháng 3 năm 2024"),
        (dt.date(2024, 10, 10), "Cát Thành, ngày 10 tháng 10 năm 2024"),
        (dt.date(2024, 12, 31), "Cát Thành, ngày 31 tháng 12 năm 2024"),
    ],
)
def test_date_line_leading_zero_only_for_day_below_10_and_months_1_and_2(
    day: dt.date, expected: str
) -> None:
    assert date_line("Cát Thành", day) == expected


def test_date_line_normalises_the_place_name() -> None:
    line = date_line(nfd("  Phước  Thiện "), dt.date(2025, 9, 2))
    assert line == "Phước Thiện, ngày 02 tháng 9 năm 2025"
    assert unicodedata.is_normalized("NFC", line)


# --- thousands ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (1234000, "1.234.000"),
        (2340000, "2.340.000"),
        (1000000000, "1.000.000.000"),
        (-45000, "-45.000"),
    ],
)
def test_thousands_groups_with_dots(n: int, expected: str) -> None:
    assert thousands(n) == expected


def test_closed_ends_a_document_once() -> None:
    from emulation_desktop.domain.text import closed

    assert closed("thi hành Quyết định này.") == "thi hành Quyết định này./."
    assert closed("thi hành Quyết định này") == "thi hành Quyết định này./."
    assert closed("thi hành Quyết định này./. ") == "thi hành Quyết định này./."


def test_document_quotes_and_quoted_names() -> None:
    from emulation_desktop.domain.text import document_quotes, quoted_name

    assert document_quotes("phong trào « Dân vận khéo »") == "phong trào “Dân vận khéo”"
    assert quoted_name("Dân vận khéo") == "“Dân vận khéo”"
    assert quoted_name("Mô hình «Dân vận khéo» ở thôn") == "Mô hình “Dân vận khéo” ở thôn"
