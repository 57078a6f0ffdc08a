"""Excel import, the pure part: cell parsers, header guessing and rows → records with issues.

Most cases use rows as the reader returns them; the end-to-end ones write an .xlsx with
openpyxl, so merged cells, date cells and Excel row numbers are the real thing.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from emulation_desktop.domain.enums import Gender, PersonKind, UnitKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.import_fields import (
    FIELDS,
    ImportKind,
    column_letter,
    guess_header_row,
    guess_mapping,
    header_labels,
)
from emulation_desktop.domain.import_rows import (
    ParsedHousehold,
    ParsedPerson,
    ParsedUnit,
    ParseResult,
    parse_rows,
)
from emulation_desktop.domain.import_values import (
    clean_person_name,
    clean_text,
    gender_of_header,
    parse_birth,
    parse_cccd,
    parse_gender,
    parse_person_kind,
    parse_unit_kind,
    parse_work_start,
)
from emulation_desktop.domain.legacy_text import detect_legacy
from emulation_desktop.spreadsheet.reader import read_workbook

TODAY = dt.date(2026, 3, 1)
M, F = Gender.MALE, Gender.FEMALE


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def parse(kind: ImportKind, rows: Sequence[Sequence[object]], **kw: object) -> ParseResult:
    """Guess the header and the mapping as the import dialog does, then parse."""
    header = guess_header_row(rows, kind)
    mapping = guess_mapping(kind, header_labels(rows, header))
    return parse_rows(kind, rows, header, mapping, today=TODAY, **kw)


def messages(result: ParseResult) -> list[tuple[int, str, str]]:
    return [(i.row, i.column, i.message) for i in result.issues]


def assert_counts_add_up(result: ParseResult) -> None:
    accounted = (
        len(result.records) + len(result.invalid_rows) + result.skipped_blank + result.skipped_other
    )
    assert accounted == result.total_rows


# --- parse_gender ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "header", "expected"),
    [
        ("Nam", "", M),
        ("nam", "", M),
        ("NAM", "", M),
        (" Nam. ", "", M),
        ("M", "", M),
        ("male", "", M),
        ("Nữ", "", F),
        ("nữ", "", F),
        ("NỮ", "", F),
        ("NU", "", F),
        ("nu", "", F),
        ("Nư", "", F),
        (nfd("Nữ"), "", F),
        ("F", "", F),
        ("female", "", F),
        ("x", "Nữ", F),
        ("X", "Nữ", F),
        ("1", "Nữ", F),
        (1, "Nữ", F),
        (1.0, "NỮ", F),
        ("x", "Nam", M),
        ("x", "Giới tính Nam", M),
        ("x", "Năm sinh Nữ", F),
        ("x", "Nam sinh Nu", F),  # "Năm sinh Nữ" typed without diacritics
        ("Nam", "Nữ", M),  # a word is read as the word, whatever the header
    ],
)
def test_parse_gender_spellings(value: object, header: str, expected: Gender) -> None:
    assert parse_gender(value, header_hint=header) is expected


@pytest.mark.parametrize(
    ("value", "header"),
    [
        ("x", ""),  # a mark means nothing without a Nam/Nữ header
        ("X", "Giới tính"),
        ("1", "Nam/Nữ"),
        ("x", "Năm sinh"),
        ("n", ""),  # Nam or Nữ? both start with N
        ("Nam Nữ", ""),
        ("abc", ""),
        ("", ""),
        (None, "Nữ"),
        (2, "Nữ"),
    ],
)
def test_parse_gender_refuses_what_it_cannot_tell(value: object, header: str) -> None:
    with pytest.raises(ValueError, match="Nam hoặc Nữ"):
        parse_gender(value, header_hint=header)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Nữ", F),
        ("NAM", M),
        ("Giới tính Nữ", F),
        ("Năm sinh Nam", M),
        ("Năm sinh", None),
        ("Năm", None),
        ("Nam/Nữ", None),
        ("Giới tính", None),
        ("", None),
    ],
)
def test_gender_of_header(header: str, expected: Gender | None) -> None:
    assert gender_of_header(header) is expected


# --- parse_birth -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(1985, 3, 5), (dt.date(1985, 3, 5), 1985)),  # an Excel date cell
        (dt.date(1985, 3, 5), (dt.date(1985, 3, 5), 1985)),
        (30000, (dt.date(1982, 2, 18), 1982)),  # a date cell that lost its format: a serial
        (31111.75, (dt.date(1985, 3, 5), 1985)),  # a serial with a time of day
        (1980, (None, 1980)),
        (1980.0, (None, 1980)),
        ("1980", (None, 1980)),
        (" 1980 ", (None, 1980)),
        ("Năm 1980", (None, 1980)),
        ("05/03/1985", (dt.date(1985, 3, 5), 1985)),
        ("5/3/1985", (dt.date(1985, 3, 5), 1985)),
        ("05-03-1985", (dt.date(1985, 3, 5), 1985)),
        ("05.03.1985", (dt.date(1985, 3, 5), 1985)),
        ("1985-03-05", (dt.date(1985, 3, 5), 1985)),
        ("ngày 5 tháng 3 năm 1985", (dt.date(1985, 3, 5), 1985)),
        ("03/1985", (None, 1985)),
        ("29/02/2000", (dt.date(2000, 2, 29), 2000)),
        ("01/03/2026", (TODAY, 2026)),  # born today
        ("1906", (None, 1906)),  # 120 years old this year
        (None, (None, None)),
        ("", (None, None)),
        ("   ", (None, None)),
    ],
)
def test_parse_birth_reads_dates_serials_texts_and_years(
    value: object, expected: tuple[dt.date | None, int | None]
) -> None:
    assert parse_birth(value, today=TODAY) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("02/03/2026", "02/03/2026 ở tương lai"),
        (dt.datetime(2030, 1, 1), "ở tương lai"),
        (2027, "Năm sinh 2027 ở tương lai"),
        ("2030", "ở tương lai"),
        (46100, "ở tương lai"),  # serial of 2026-03-19
        (1890, "hơn 120 tuổi"),
        ("01/01/1900", "hơn 120 tuổi"),
        ("31/02/1990", "không có thật"),
        ("13/1990", "không có thật"),
        ("00/05/1990", "không có thật"),
        ("85", "4 chữ số"),
        ("05/03/85", "4 chữ số"),
        (1980.5, "không rõ"),
        ("sinh năm tám mươi", "không rõ"),
        ("30000", "không rõ"),
        (True, "không rõ"),
        (dt.time(8, 30), "không rõ"),
    ],
)
def test_parse_birth_refuses_impossible_dates(value: object, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_birth(value, today=TODAY)


# --- kinds -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, PersonKind.NHAN_DAN),
        ("", PersonKind.NHAN_DAN),
        ("Cán bộ", PersonKind.CAN_BO),
        ("CB", PersonKind.CAN_BO),
        ("công chức", PersonKind.CONG_CHUC),
        ("CC", PersonKind.CONG_CHUC),
        ("Viên chức", PersonKind.VIEN_CHUC),
        ("VC", PersonKind.VIEN_CHUC),
        ("Người lao động", PersonKind.NGUOI_LAO_DONG),
        ("NLĐ", PersonKind.NGUOI_LAO_DONG),
        ("Hợp đồng", PersonKind.NGUOI_LAO_DONG),
        ("công nhân", PersonKind.NGUOI_LAO_DONG),
        ("Nhân dân", PersonKind.NHAN_DAN),
        ("ND", PersonKind.NHAN_DAN),
        ("nông dân", PersonKind.NHAN_DAN),
        ("nhan_dan", PersonKind.NHAN_DAN),
    ],
)
def test_parse_person_kind(value: object, expected: PersonKind) -> None:
    assert parse_person_kind(value) is expected


def test_parse_person_kind_refuses_unknown_words() -> None:
    with pytest.raises(ValueError, match="Đối tượng «Bộ đội» không rõ"):
        parse_person_kind("Bộ đội")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Thôn 1", UnitKind.RESIDENTIAL),
        ("Tổ dân phố Bắc Sơn", UnitKind.RESIDENTIAL),
        ("TDP 3", UnitKind.RESIDENTIAL),
        ("Ấp Tân Hòa", UnitKind.RESIDENTIAL),
        ("Bản Mé", UnitKind.RESIDENTIAL),
        ("Khu phố 4", UnitKind.RESIDENTIAL),
        ("Tổ 12", UnitKind.RESIDENTIAL),
        ("Trường Tiểu học Cát Thành", UnitKind.SCHOOL),
        ("Trường Mầm non Hoa Sen", UnitKind.SCHOOL),
        ("Trạm y tế xã", UnitKind.HEALTH),
        ("Ủy ban Mặt trận Tổ quốc xã", UnitKind.FRONT),
        ("Mặt trận Tổ quốc", UnitKind.FRONT),
        ("Hội Nông dân", UnitKind.FRONT),
        ("Đoàn Thanh niên", UnitKind.FRONT),
        ("Công an xã", UnitKind.SECURITY),
        ("Ban Chỉ huy Quân sự xã", UnitKind.SECURITY),
        ("HTX Nông nghiệp Cát Thành", UnitKind.ENTERPRISE),
        ("Hợp tác xã Dịch vụ", UnitKind.ENTERPRISE),
        ("Công ty TNHH Minh An", UnitKind.ENTERPRISE),
        ("Doanh nghiệp tư nhân Hòa", UnitKind.ENTERPRISE),
        ("Văn phòng HĐND và UBND", UnitKind.OFFICE),
        ("Phòng Văn hóa - Xã hội", UnitKind.OFFICE),
        ("Hội đồng nhân dân xã", UnitKind.OFFICE),
        ("Tổ công tác", UnitKind.OFFICE),
        ("Khối trường học", UnitKind.GROUP),
    ],
)
def test_parse_unit_kind_guesses_from_the_name(name: str, expected: UnitKind) -> None:
    assert parse_unit_kind(None, name) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Trường học", UnitKind.SCHOOL),
        ("Thôn, tổ dân phố", UnitKind.RESIDENTIAL),
        ("THÔN", UnitKind.RESIDENTIAL),
        ("Mặt trận, đoàn thể", UnitKind.FRONT),
        ("security", UnitKind.SECURITY),
        ("HTX", UnitKind.ENTERPRISE),
    ],
)
def test_parse_unit_kind_explicit_value_wins_over_the_name(value: str, expected: UnitKind) -> None:
    assert parse_unit_kind(value, "Thôn 1" if expected is not UnitKind.RESIDENTIAL else "X") is (
        expected
    )


def test_parse_unit_kind_refuses_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="Loại đơn vị «Bộ» không rõ"):
        parse_unit_kind("Bộ", "Thôn 1")


# --- parse_cccd ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("012345678901", "012345678901"),
        ("0123 4567 8901", "012345678901"),
        ("012.345.678.901", "012345678901"),
        ("'012345678901", "012345678901"),
        (12345678901, "012345678901"),  # Excel dropped the leading 0
        (12345678901.0, "012345678901"),
        (123456789012, "123456789012"),
        (1.2345678901e11, "123456789010"),
        (None, None),
        ("  ", None),
    ],
)
def test_parse_cccd(value: object, expected: str | None) -> None:
    assert parse_cccd(value) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("01234567890", "đúng 12 chữ số"),  # typed as text: nothing was lost, so a digit is missing
        (1234567890, "đúng 12 chữ số"),
        ("0123456789012", "đúng 12 chữ số"),
        ("01234567890a", "đúng 12 chữ số"),
        ("123456789", "đúng 12 chữ số"),
        (12345678901.5, "đúng 12 chữ số"),
        ("1.23457E+11", "làm tròn"),
        (True, "đúng 12 chữ số"),
    ],
)
def test_parse_cccd_refuses_wrong_numbers(value: object, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_cccd(value)


# --- text and names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("  Trưởng   thôn \n", "Trưởng thôn"),
        (nfd("Chủ tịch"), "Chủ tịch"),
        ("Trưởng_x\tthôn\x00", "Trưởng_x thôn"),
        ("Trưởng\u200bthôn", "Trưởngthôn"),
        (12, "12"),
        (12.0, "12"),
        (2.5, "2.5"),
        (dt.datetime(2024, 5, 1), "01/05/2024"),
    ],
)
def test_clean_text(value: object, expected: str) -> None:
    assert clean_text(value, max_len=100, field_label="Chức vụ") == expected


def test_clean_text_refuses_a_ten_thousand_character_cell() -> None:
    with pytest.raises(ValueError, match=r"^Chức vụ dài quá 200 ký tự"):
        clean_text("a" * 10_000, max_len=200, field_label="Chức vụ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
        ("nguyễn thị hằng", "Nguyễn Thị Hằng"),
        ("ĐẶNG  QUỐC   BẢO", "Đặng Quốc Bảo"),
        (nfd("TRẦN THỊ BÌNH"), "Trần Thị Bình"),
        ("h'hen niê", "H'Hen Niê"),
        ("Nguyễn Thị Mai Anh", "Nguyễn Thị Mai Anh"),
        ("Đinh La Thăng", "Đinh La Thăng"),
        ("nguyễn Văn an", "nguyễn Văn an"),  # mixed case is the typist's choice
    ],
)
def test_clean_person_name(value: str, expected: str) -> None:
    name = clean_person_name(value)
    assert name == expected
    assert unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (None, "Thiếu họ và tên"),
        ("   ", "Thiếu họ và tên"),
        ("Nguyễn Văn 2", "có chữ số"),
        (1234, "có chữ số"),
        ("---", "không có chữ cái"),
        ("A" * 101, "dài quá 100 ký tự"),
    ],
)
def test_clean_person_name_refuses(value: object, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        clean_person_name(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("  ", None),
        (dt.datetime(2015, 9, 1), dt.date(2015, 9, 1)),
        (dt.date(2015, 9, 1), dt.date(2015, 9, 1)),
        (42248, dt.date(2015, 9, 1)),  # a date cell that lost its format
        ("01/09/2015", dt.date(2015, 9, 1)),
        ("1.9.2015", dt.date(2015, 9, 1)),
        ("2015-09-01", dt.date(2015, 9, 1)),
        ("ngày 1 tháng 9 năm 2015", dt.date(2015, 9, 1)),
    ],
)
def test_parse_work_start(value: object, expected: dt.date | None) -> None:
    assert parse_work_start(value) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("09/2015", "«09/2015» chưa đủ ngày"),
        ("2015", "«2015» chưa đủ ngày"),
        (2015, "«2015» chưa đủ ngày"),
        ("31/02/2015", "«31/02/2015» không có thật"),
        ("từ năm 2015", "«từ năm 2015» không rõ"),
    ],
)
def test_parse_work_start_needs_a_whole_day(value: object, words: str) -> None:
    with pytest.raises(ValueError, match="ghi đủ ngày/tháng/năm") as err:
        parse_work_start(value)
    assert str(err.value).startswith(f"Ngày bắt đầu công tác {words}")


# --- fields and headers ----------------------------------------------------------------------


def test_field_catalogue() -> None:
    assert [k.label for k in ImportKind] == ["Cá nhân", "Đơn vị", "Hộ gia đình"]
    required = {kind: [f.key for f in FIELDS[kind] if f.required] for kind in ImportKind}
    assert required == {
        ImportKind.PEOPLE: ["full_name", "unit"],
        ImportKind.UNITS: ["name"],
        ImportKind.HOUSEHOLDS: ["head_name", "unit"],
    }
    for fields in FIELDS.values():
        assert len({f.key for f in fields}) == len(fields)
        for f in fields:
            assert all(a == a.lower() and a.isascii() for a in f.aliases)  # folded spellings


@pytest.mark.parametrize(("index", "letter"), [(0, "A"), (2, "C"), (25, "Z"), (26, "AA")])
def test_column_letter(index: int, letter: str) -> None:
    assert column_letter(index) == letter


@pytest.mark.parametrize(
    ("kind", "headers", "expected"),
    [
        (
            ImportKind.PEOPLE,
            ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị", "Số CCCD"],
            {
                "full_name": 1,
                "gender": 2,
                "birth": 3,
                "position": 4,
                "unit": 5,
                "cccd": 6,
            },
        ),
        (
            ImportKind.PEOPLE,
            ["TT", "HỌ TÊN", "NS", "CHỨC DANH", "THÔN/TDP", "ĐỐI TƯỢNG", "CMND/CCCD"],
            {"full_name": 1, "birth": 2, "position": 3, "unit": 4, "kind": 5, "cccd": 6},
        ),
        (
            ImportKind.PEOPLE,
            ["Số TT", "ho va ten (ghi day du)", "Nam sinh Nam", "Nam sinh Nu", "Thôn"],
            {"full_name": 1, "birth_male": 2, "birth_female": 3, "unit": 4},
        ),
        (
            ImportKind.PEOPLE,
            ["Họ và tên", "Giới tính Nam", "Giới tính Nữ", "Đơn vị công tác", "Ghi chú"],
            {"full_name": 0, "gender_male": 1, "gender_female": 2, "unit": 3},
        ),
        (
            ImportKind.PEOPLE,
            ["Họ và tên", "Nữ", "Năm sinh", "Chức vụ, đơn vị công tác", "Đơn vị"],
            {"full_name": 0, "gender_female": 1, "birth": 2, "position": 3, "unit": 4},
        ),
        (
            ImportKind.UNITS,
            ["STT", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên"],
            {"name": 1, "kind": 2, "parent": 3},
        ),
        (
            ImportKind.HOUSEHOLDS,
            ["TT", "Họ tên chủ hộ", "Năm sinh", "Địa chỉ", "Thôn"],
            {"head_name": 1, "head_birth": 2, "address": 3, "unit": 4},
        ),
        (ImportKind.PEOPLE, ["STT", "Cột B", "Ghi chú"], {}),
        (ImportKind.PEOPLE, [], {}),
    ],
)
def test_guess_mapping(kind: ImportKind, headers: list[str], expected: dict[str, int]) -> None:
    assert guess_mapping(kind, headers) == expected


@pytest.mark.parametrize(
    "header",
    ["Ngày bắt đầu công tác", "NGÀY TUYỂN DỤNG", "Ngày vào cơ quan", "Ngày, tháng, năm tuyển dụng"],
)
def test_the_work_start_column_is_recognised(header: str) -> None:
    headers = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đơn vị", "Đối tượng", header]
    assert guess_mapping(ImportKind.PEOPLE, headers) == {
        "full_name": 1, "birth": 2, "position": 3, "unit": 4, "kind": 5, "work_start": 6,
    }  # fmt: skip


def test_guess_mapping_uses_each_column_once_best_match_first() -> None:
    # "Đơn vị" fits the unit exactly; "Chức vụ/đơn vị" is the position, not a second unit.
    mapping = guess_mapping(ImportKind.PEOPLE, ["Chức vụ/đơn vị", "Họ tên", "Đơn vị", "Thôn"])

    assert mapping == {"full_name": 1, "position": 0, "unit": 2}


TITLE = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
TWO_LEVEL_ROWS: list[list[object]] = [
    # As the reader gives them: merged values copied into every cell of the merge.
    ["ỦY BAN NHÂN DÂN XÃ CÁT THÀNH", None, None, None, None, None],
    [TITLE] * 6,
    [None] * 6,
    ["STT", "Họ và tên", "Năm sinh", "Năm sinh", "Chức vụ", "Đơn vị"],
    ["STT", "Họ và tên", "Nam", "Nữ", "Chức vụ", "Đơn vị"],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    [1, "Nguyễn Văn An", 1980, None, "Trưởng thôn", "Thôn 1"],
    [2, "Trần Thị Bình", None, "05/03/1985", None, "Thôn 2"],
]


def test_two_level_header_is_found_and_combined() -> None:
    header = guess_header_row(TWO_LEVEL_ROWS, ImportKind.PEOPLE)
    labels = header_labels(TWO_LEVEL_ROWS, header)

    assert header == 4  # the lower row
    assert labels == ["STT", "Họ và tên", "Năm sinh Nam", "Năm sinh Nữ", "Chức vụ", "Đơn vị"]
    assert guess_mapping(ImportKind.PEOPLE, labels) == {
        "full_name": 1,
        "birth_male": 2,
        "birth_female": 3,
        "position": 4,
        "unit": 5,
    }


def test_unmerged_two_level_header_spans_the_empty_upper_cell() -> None:
    rows = [
        ["STT", "Họ và tên", "Năm sinh", None, "Đơn vị"],
        [None, None, "Nam", "Nữ", None],
        [1, "An", 1980, None, "Thôn 1"],
    ]

    assert guess_header_row(rows, ImportKind.PEOPLE) == 1
    assert header_labels(rows, 1) == ["STT", "Họ và tên", "Năm sinh Nam", "Năm sinh Nữ", "Đơn vị"]


@pytest.mark.parametrize(
    "heading",
    [
        ["ỦY BAN NHÂN DÂN XÃ CÁT THÀNH", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None],
        ["ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN", "CỘNG HÒA", "CỘNG HÒA", "CỘNG HÒA"],  # merged
    ],
)
def test_a_document_heading_right_above_the_header_is_not_an_upper_level(
    heading: list[object],
) -> None:
    rows = [
        heading,
        ["STT", "Họ và tên", "Giới tính", "Đơn vị", "Ghi chú"],
        [1, "An", "Nam", "Thôn 1"],
    ]

    assert guess_header_row(rows, ImportKind.PEOPLE) == 1
    assert header_labels(rows, 1) == ["STT", "Họ và tên", "Giới tính", "Đơn vị", "Ghi chú"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["Họ và tên", "Đơn vị"], ["An", "Thôn 1"]], 0),
        ([[TITLE, TITLE], [None, None], ["Họ tên", "Thôn"], ["An", "Thôn 1"]], 2),
        # A single header: the data row under it is no second header level.
        ([["Họ và tên", "Đơn vị", "Ghi chú"], ["An", "Thôn 1", "Tốt"]], 0),
        ([], 0),
        ([["Bảng lương"], [1, 2]], 0),  # nothing looks like a header
    ],
)
def test_guess_header_row(rows: list[list[object]], expected: int) -> None:
    assert guess_header_row(rows, ImportKind.PEOPLE) == expected


def test_header_labels_name_empty_and_repeated_columns() -> None:
    rows = [["Họ và tên", None, "Ghi chú", "ghi chú"]]

    assert header_labels(rows, 0) == ["Họ và tên", "Cột B", "Ghi chú (cột C)", "ghi chú (cột D)"]


def test_header_labels_convert_a_tcvn3_header() -> None:
    rows = [["STT", "Hä vµ tªn", "Giíi tÝnh", "§¬n vÞ"]]

    labels = header_labels(rows, 0)

    assert labels == ["STT", "Họ và tên", "Giới tính", "Đơn vị"]
    assert guess_mapping(ImportKind.PEOPLE, labels) == {"full_name": 1, "gender": 2, "unit": 3}


# --- parse_rows: people ----------------------------------------------------------------------

PEOPLE_HEADER = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị", "Số CCCD"]


def test_people_rows_become_records() -> None:
    rows = [
        PEOPLE_HEADER,
        [1, "NGUYỄN VĂN AN", "Nam", dt.datetime(1980, 5, 3), "Trưởng thôn", "Thôn 1", None],
        [2, nfd("Trần Thị Bình"), "nữ", "1985", None, "Thôn 2", 12345678901],
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert result.issues == ()
    assert result.records == (
        ParsedPerson(
            row=2,
            full_name="Nguyễn Văn An",
            gender=M,
            birth_date=dt.date(1980, 5, 3),
            birth_year=1980,
            position="Trưởng thôn",
            unit_name="Thôn 1",
            kind=PersonKind.NHAN_DAN,
            cccd=None,
        ),
        ParsedPerson(
            row=3,
            full_name="Trần Thị Bình",
            gender=F,
            birth_date=None,
            birth_year=1985,
            position="",
            unit_name="Thôn 2",
            kind=PersonKind.NHAN_DAN,
            cccd="012345678901",
        ),
    )
    assert unicodedata.is_normalized("NFC", result.records[1].full_name)
    assert (result.total_rows, result.skipped_blank, result.invalid_rows) == (2, 0, ())


def test_every_problem_of_a_row_is_reported_and_the_row_left_out() -> None:
    rows = [
        PEOPLE_HEADER,
        [1, "Lê 3", "x", "31/02/1990", "a" * 10_000, None, "123"],
        [2, "Phạm Văn Dũng", "Nam", 1975, None, "Thôn 3", None],
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert messages(result) == [
        (2, "Họ và tên", "Họ và tên «Lê 3» có chữ số"),
        (2, "Ngày sinh", "Ngày sinh «31/02/1990» không có thật: " + _HOW),
        (2, "Giới tính", _X_WITHOUT_HEADER),
        (2, "Chức vụ", "Chức vụ dài quá 200 ký tự (có 10000 ký tự)"),
        (2, "Đơn vị", "Thiếu đơn vị"),
        (2, "Số CCCD", "Số CCCD «123» phải có đúng 12 chữ số"),
    ]
    assert [r.row for r in result.records] == [3]
    assert result.invalid_rows == (2,)


_HOW = "ghi ngày/tháng/năm (vd. 05/03/1980) hoặc năm sinh (vd. 1980)"
_X_WITHOUT_HEADER = (
    "Giới tính «x» không rõ: ghi Nam hoặc Nữ (chỉ đánh dấu x trong cột có tiêu đề Nam hoặc Nữ)"
)


STAFF_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Đối tượng", "Ngày tuyển dụng"]


def test_staff_rows_bring_their_work_start() -> None:
    rows = [
        STAFF_HEADER,
        [1, "Vũ Thị Hồng", "12/10/1995", "Trường Mầm non", "Viên chức", dt.datetime(2019, 8, 15)],
        [2, "Lê Văn Hải", 1990, "Công an xã", "Người lao động", "01/06/2025"],
        [3, "Đỗ Thị Mai", 1990, "Trường Mầm non", "Viên chức", None],
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert result.issues == ()
    assert [(r.full_name, r.work_start) for r in result.records] == [  # type: ignore[union-attr]
        ("Vũ Thị Hồng", dt.date(2019, 8, 15)),
        ("Lê Văn Hải", dt.date(2025, 6, 1)),
        ("Đỗ Thị Mai", None),
    ]


def test_a_work_start_that_cannot_be_right_is_a_problem_of_its_row() -> None:
    rows = [
        STAFF_HEADER,
        [1, "Vũ Thị Hồng", "12/10/1995", "Trường Mầm non", "Viên chức", "01/09/2009"],
        [2, "Lê Văn Hải", 1990, "Công an xã", "Công chức", "15/03/2026"],
        [3, "Trần Văn Nam", 1970, "Thôn 1", None, "01/01/1995"],
        [4, "Phạm Thị Hoa", 1980, "Thôn 1", "Cán bộ", "2010"],
        [5, "Đỗ Thị Mai", 1990, "Trường Mầm non", "Viên chức", "01/09/2012"],
    ]

    result = parse(ImportKind.PEOPLE, rows)

    column = "Ngày tuyển dụng"
    assert messages(result) == [
        (2, column, "Ngày bắt đầu công tác 01/09/2009 là khi chưa đủ 15 tuổi (sinh 12/10/1995)"),
        (3, column, "Ngày bắt đầu công tác không thể ở tương lai"),
        (4, column, "Chỉ ghi ngày bắt đầu công tác cho cán bộ, công chức, viên chức, người lao "
                    "động"),
        (5, column, "Ngày bắt đầu công tác «2010» chưa đủ ngày: ghi đủ ngày/tháng/năm (vd. "
                    "01/09/2015) để tính số tháng công tác"),
    ]  # fmt: skip
    assert [r.row for r in result.records] == [6]


def test_missing_required_column_is_refused_by_name() -> None:
    with pytest.raises(UserError, match=r"^Chưa chọn cột cho «Họ và tên»"):
        parse_rows(ImportKind.PEOPLE, [PEOPLE_HEADER], 0, {"unit": 5}, today=TODAY)
    with pytest.raises(UserError, match="«Họ và tên», «Đơn vị»"):
        parse_rows(ImportKind.PEOPLE, [PEOPLE_HEADER], 0, {}, today=TODAY)
    with pytest.raises(UserError, match="«Thôn, tổ dân phố»"):
        parse_rows(ImportKind.HOUSEHOLDS, [["Chủ hộ"]], 0, {"head_name": 0}, today=TODAY)


@pytest.mark.parametrize("rows", [[], [PEOPLE_HEADER], [PEOPLE_HEADER, [None] * 7, ["", "  "]]])
def test_no_data_rows_gives_an_empty_result(rows: list[list[object]]) -> None:
    result = parse_rows(ImportKind.PEOPLE, rows, 0, {"full_name": 1, "unit": 5}, today=TODAY)

    assert (result.records, result.issues) == ((), ())
    assert result.skipped_blank == result.total_rows == max(len(rows) - 1, 0)


def test_blank_totals_repeated_headers_and_signature_lines_are_skipped() -> None:
    rows = [
        PEOPLE_HEADER,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        [1, "Nguyễn Văn An", "Nam", 1980, None, "Thôn 1", None],
        [None] * 7,
        [2, None, None, None, None, None, None],  # a running number with nothing else
        PEOPLE_HEADER,  # the header again, on the next printed page
        [3, "Trần Thị Bình", "Nữ", 1985, None, "Thôn 2", None],
        [None, "Tổng cộng: 2 người", None, None, None, None, None],
        [None, "Người lập biểu", None, None, "TM. ỦY BAN NHÂN DÂN", None, None],
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert result.issues == ()
    assert [r.row for r in result.records] == [3, 7]
    assert (result.total_rows, result.skipped_blank, result.skipped_other) == (8, 2, 4)
    assert_counts_add_up(result)


def test_section_headings_inside_the_table_are_skipped() -> None:
    rows = [
        PEOPLE_HEADER,
        ["I. KHỐI CƠ QUAN"] * 7,  # merged across the table, spread by the reader
        [1, "Nguyễn Văn An", "Nam", 1980, None, "Văn phòng", None],
        ["II", "Khối đoàn thể", None, None, None, None, None],
        [None, "B. Hộ gia đình", None, None, None, None, None],
        [2, "Giàng A Páo", "Nam", 1990, None, "Hội Nông dân", None],
        [3, "Vừ A Dính", None, None, None, None, None],  # a person with data missing
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert [r.row for r in result.records] == [3, 6]
    assert result.skipped_other == 3
    assert result.invalid_rows == (7,)


def test_row_numbers_are_excel_row_numbers(tmp_path: Path) -> None:
    """Written to Excel, read back: every issue points at the cell that holds the bad value."""
    headers = ("STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = TITLE
    ws.merge_cells("A1:E1")
    for cell, header in zip(("A3", "B3", "C3", "D3", "E3"), headers, strict=True):
        ws[cell] = header
    ws.append([1, "Nguyễn Văn An", "Nam", 1980, "Thôn 1"])  # row 4
    ws.append([])  # row 5
    ws.append([2, "Trần Thị Bình", "Nữ?", 1985, "Thôn 2"])  # row 6
    ws.append([3, "Lê Văn Cường", "Nam", 2099, "Thôn 3"])  # row 7
    ws.append([4, "Phạm Thị Dung", "Nữ", 1990, None])  # row 8
    path = tmp_path / "ds.xlsx"
    wb.save(path)

    rows = read_workbook(path).sheets[0].rows
    result = parse(ImportKind.PEOPLE, rows)

    assert result.invalid_rows == (6, 7, 8)
    columns = {"Giới tính": "C", "Năm sinh": "D", "Đơn vị": "E"}
    bad_cells = {(i.row, i.column): ws[f"{columns[i.column]}{i.row}"].value for i in result.issues}
    assert bad_cells == {(6, "Giới tính"): "Nữ?", (7, "Năm sinh"): 2099, (8, "Đơn vị"): None}
    assert [r.row for r in result.records] == [4]


def test_merged_year_of_birth_under_nam_and_nu_gives_the_gender(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [*TWO_LEVEL_ROWS[:2], [None], *TWO_LEVEL_ROWS[3:]]:
        ws.append(row)
    ws.append([3, "Lê Minh Châu", None, None, None, "Thôn 3"])  # no year: no gender
    ws.append([4, "Đỗ Hà", 1970, 1971, None, "Thôn 3"])  # both columns
    for rng in ("A2:F2", "A4:A5", "B4:B5", "C4:D4", "E4:E5", "F4:F5"):
        ws.merge_cells(rng)
    path = tmp_path / "ds.xlsx"
    wb.save(path)

    result = parse(ImportKind.PEOPLE, read_workbook(path).sheets[0].rows)

    assert [(r.row, r.full_name, r.gender, r.birth_year, r.birth_date) for r in result.records] == [
        (7, "Nguyễn Văn An", M, 1980, None),
        (8, "Trần Thị Bình", F, 1985, dt.date(1985, 3, 5)),
    ]
    assert messages(result) == [
        (9, "", "Thiếu giới tính: ghi năm sinh vào cột Nam hoặc cột Nữ"),
        (10, "Năm sinh Nữ", "Năm sinh ghi ở cả cột Nam và cột Nữ: chỉ ghi ở một cột"),
    ]
    assert result.skipped_other == 1  # the "(1) (2) …" line


def test_x_in_a_nu_column_marks_women_and_a_blank_means_men() -> None:
    rows = [
        ["Họ và tên", "Nữ", "Đơn vị"],
        ["Nguyễn Minh Anh", "x", "Thôn 1"],
        ["Lê Minh Quân", None, "Thôn 1"],
        ["Hồ Xuân Mai", "X", "Thôn 2"],
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert [(r.full_name, r.gender) for r in result.records] == [
        ("Nguyễn Minh Anh", F),
        ("Lê Minh Quân", M),
        ("Hồ Xuân Mai", F),
    ]


def test_x_marks_under_a_merged_gioi_tinh_header() -> None:
    rows = [
        ["Họ và tên", "Giới tính", "Giới tính", "Đơn vị"],
        ["Họ và tên", "Nam", "Nữ", "Đơn vị"],
        ["Nguyễn Minh Anh", None, "x", "Thôn 1"],
        ["Lê Minh Quân", "x", None, "Thôn 1"],
        ["Hồ Minh Tâm", None, None, "Thôn 1"],
        ["Hồ Minh Khôi", "x", "x", "Thôn 1"],
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert [(r.row, r.gender) for r in result.records] == [(3, F), (4, M)]
    assert messages(result) == [
        (5, "", "Thiếu giới tính: ghi Nam hoặc Nữ"),
        (6, "", "Giới tính ghi khác nhau ở các cột: chỉ ghi Nam hoặc Nữ"),
    ]


def test_without_a_gender_column_thi_and_van_tell_the_gender() -> None:
    rows = [
        ["Họ và tên", "Đơn vị"],
        ["Nguyễn Thị Hoa", "Thôn 1"],
        ["Trần Văn Nam", "Thôn 1"],
        ["Lê Minh Anh", "Thôn 1"],
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert [(r.gender, r.gender_guessed) for r in result.records] == [(F, True), (M, True)]
    assert messages(result) == [(4, "", "Thiếu giới tính: ghi Nam hoặc Nữ")]


def test_a_tcvn3_column_is_converted_to_unicode() -> None:
    rows = [
        ["Họ và tên", "Giới tính", "Đơn vị", "Chức vụ"],
        ["NguyÔn V¨n An", "Nam", "Th«n 1", "Tr­ëng th«n"],
        ["TrÇn ThÞ B×nh", "N÷", "Th«n 2", None],
        ["Lª V¨n C­êng", "Nam", "Th«n 2", None],
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert result.issues == ()
    assert [(r.full_name, r.gender, r.unit_name) for r in result.records] == [
        ("Nguyễn Văn An", M, "Thôn 1"),
        ("Trần Thị Bình", F, "Thôn 2"),
        ("Lê Văn Cường", M, "Thôn 2"),
    ]
    assert result.records[0].position == "Trưởng thôn"
    assert result.legacy == {
        "Họ và tên": "tcvn3",
        "Giới tính": "tcvn3",
        "Đơn vị": "tcvn3",
        "Chức vụ": "tcvn3",
    }


def test_a_vni_column_is_detected_as_a_whole_even_where_one_cell_is_too_short() -> None:
    rows = [
        ["Họ và tên", "Giới tính", "Đơn vị"],
        ["Nguyeãn Vaên An", "Nam", "Thoân 1"],
        ["Thò Hoa", "Nữ", "Thoân 1"],  # alone, too short to tell
        ["Traàn Thò Bình", "Nữ", "Thoân 2"],
    ]
    assert detect_legacy("Thò Hoa") is None

    result = parse(ImportKind.PEOPLE, rows)

    assert [r.full_name for r in result.records] == ["Nguyễn Văn An", "Thị Hoa", "Trần Thị Bình"]
    assert {r.unit_name for r in result.records} == {"Thôn 1", "Thôn 2"}
    assert result.legacy == {"Họ và tên": "vni", "Đơn vị": "vni"}


def test_a_unicode_column_next_to_a_tcvn3_one_is_left_alone() -> None:
    rows = [
        ["Họ và tên", "Đơn vị"],
        ["NguyÔn V¨n An", "Thôn Ôn Đông"],
        ["TrÇn ThÞ B×nh", "Thôn Ôn Đông"],
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert [(r.full_name, r.unit_name) for r in result.records] == [
        ("Nguyễn Văn An", "Thôn Ôn Đông"),
        ("Trần Thị Bình", "Thôn Ôn Đông"),
    ]
    assert result.legacy == {"Họ và tên": "tcvn3"}


def test_encoding_can_be_forced_or_turned_off() -> None:
    rows = [["Họ và tên", "Giới tính", "Đơn vị"], ["NguyÔn V¨n An", "Nam", "Th«n 1"]]
    short = [["Họ và tên", "Giới tính", "Đơn vị"], ["Lª An", "Nam", "Th«n"]]

    off = parse(ImportKind.PEOPLE, rows, encoding="none")
    forced = parse(ImportKind.PEOPLE, short, encoding="tcvn3")

    assert (off.records[0].full_name, off.records[0].unit_name) == ("NguyÔn V¨n An", "Th«n 1")
    assert off.legacy == {}
    assert (forced.records[0].full_name, forced.records[0].unit_name) == ("Lê An", "Thôn")
    assert forced.legacy == {"Họ và tên": "tcvn3", "Đơn vị": "tcvn3"}  # "Nam" did not change
    with pytest.raises(ValueError, match="encoding"):
        parse(ImportKind.PEOPLE, rows, encoding="utf-16")


def test_a_repeated_cccd_is_reported_on_the_later_row() -> None:
    rows = [
        ["Họ và tên", "Giới tính", "Đơn vị", "Số CCCD"],
        ["Nguyễn Văn An", "Nam", "Thôn 1", "012345678901"],
        ["Nguyễn Văn Ân", "Nam", "Thôn 1", 12345678901],
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert messages(result) == [(3, "Số CCCD", "Số CCCD 012345678901 trùng với dòng 2")]


def test_ten_thousand_rows_parse(tmp_path: Path) -> None:
    rows = [PEOPLE_HEADER] + [
        [i, "Nguyễn Văn An", "Nam", dt.datetime(1980, 1, 1), "Trưởng thôn", "Thôn 1", f"{i:012d}"]
        for i in range(10_000)
    ]

    result = parse(ImportKind.PEOPLE, rows)

    assert len(result.records) == 10_000
    assert result.records[-1].row == 10_001


# --- parse_rows: units and households --------------------------------------------------------


def test_unit_rows() -> None:
    rows = [
        ["STT", "Tên đơn vị", "Loại đơn vị", "Trực thuộc"],
        [1, "Khối trường học", None, None],
        [2, "Trường Tiểu học Cát Thành", None, "Khối trường học"],
        [3, "Thôn 1", "", None],
        [4, "Chi hội Phụ nữ", "Mặt trận, đoàn thể", "Thôn 1"],
        [5, "Thôn 1", None, None],
        [6, "Thôn 2", "Bộ", "Thôn 2"],
        [7, None, "Trường học", None],
    ]

    result = parse(ImportKind.UNITS, rows)

    assert result.records == (
        ParsedUnit(2, "Khối trường học", UnitKind.GROUP, None),
        ParsedUnit(3, "Trường Tiểu học Cát Thành", UnitKind.SCHOOL, "Khối trường học"),
        ParsedUnit(4, "Thôn 1", UnitKind.RESIDENTIAL, None),
        ParsedUnit(5, "Chi hội Phụ nữ", UnitKind.FRONT, "Thôn 1"),
    )
    assert [(i.row, i.message) for i in result.issues] == [
        (6, "Đơn vị «Thôn 1» đã có ở dòng 4"),
        (7, "Loại đơn vị «Bộ» không rõ: ghi một trong: " + "; ".join(k.label for k in UnitKind)),
        (7, "Đơn vị không thể trực thuộc chính nó"),
        (8, "Thiếu tên đơn vị"),
    ]
    assert_counts_add_up(result)


def test_household_rows() -> None:
    rows = [
        ["TT", "Họ tên chủ hộ", "Năm sinh", "Địa chỉ", "Thôn"],
        [1, "TRẦN VĂN HÙNG", 1960, "Số 12", "Thôn 1"],
        [2, "Lê Minh Hà", "12/04/1972", None, "Thôn 2"],
        [3, None, 1950, "Số 3", "Thôn 2"],
        [4, "Ngô Thị Lan", 1950, "Số 3", None],
    ]

    result = parse(ImportKind.HOUSEHOLDS, rows)

    assert result.records == (
        ParsedHousehold(2, "Trần Văn Hùng", M, 1960, "Số 12", "Thôn 1", None, True),
        ParsedHousehold(3, "Lê Minh Hà", None, 1972, "", "Thôn 2", dt.date(1972, 4, 12)),
    )
    assert messages(result) == [
        (4, "Họ tên chủ hộ", "Thiếu họ và tên chủ hộ"),
        (5, "Thôn", "Thiếu thôn, tổ dân phố"),
    ]


def test_every_message_is_nfc() -> None:
    rows = [PEOPLE_HEADER, [1, "Lê 3", "x", "31/02/1990", "a" * 300, None, "123"]]

    for issue in parse(ImportKind.PEOPLE, rows).issues:
        assert unicodedata.is_normalized("NFC", issue.message)
