"""Reading .xlsx files: plain values, merged headers spread, and one Vietnamese sentence for
every file that cannot be read (fixtures are written with openpyxl at test time)."""

from __future__ import annotations

import datetime as dt
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from emulation_desktop.domain.errors import UserError
from emulation_desktop.spreadsheet.reader import read_workbook

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    merges: Sequence[str] = (),
    title: str = "Danh sách",
    more_sheets: dict[str, Sequence[Sequence[object]]] | None = None,
) -> Path:
    """A workbook whose first sheet holds `rows` from A1 (None = empty cell)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    for rng in merges:
        ws.merge_cells(rng)
    for name, sheet_rows in (more_sheets or {}).items():
        extra = wb.create_sheet(name)
        for row in sheet_rows:
            extra.append(list(row))
    wb.save(path)
    return path


# --- values ----------------------------------------------------------------------------------


def test_values_keep_their_types_and_rows_keep_excel_numbering(tmp_path: Path) -> None:
    born = dt.datetime(1985, 3, 5)
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            [None],
            ["STT", "Họ và tên", "Ngày sinh", "Hệ số"],
            [1, "Nguyễn Văn An", born, 2.34],
        ],
    )

    sheet = read_workbook(path).sheets[0]

    assert sheet.name == "Danh sách"
    # rows[i] is Excel row i + 1: the empty first row is kept.
    assert sheet.rows == (
        (None, None, None, None),
        ("STT", "Họ và tên", "Ngày sinh", "Hệ số"),
        (1, "Nguyễn Văn An", born, 2.34),
    )
    assert isinstance(sheet.rows[2][2], dt.datetime)


def test_trailing_empty_rows_and_columns_are_trimmed(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [["Họ và tên", None, None], ["An", None, "  "], [None, None, None], ["   "]],
    )
    wb = openpyxl.load_workbook(path)
    wb.active["F20"].number_format = "0.00"  # a formatted but empty cell far away
    wb.active["E30"] = ""
    wb.save(path)

    assert read_workbook(path).sheets[0].rows == (("Họ và tên",), ("An",))


def test_decomposed_text_is_normalised_to_nfc_and_otherwise_untouched(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "  Nguyễn Thị Hằng ")
    path = write_xlsx(tmp_path / "ds.xlsx", [[nfd]])

    value = read_workbook(path).sheets[0].rows[0][0]

    assert value == "  Nguyễn Thị Hằng "
    assert unicodedata.is_normalized("NFC", value)


def test_a_ten_thousand_character_cell_is_read_whole(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", [["Ghi chú"], ["ả" * 10_000]])

    assert read_workbook(path).sheets[0].rows[1][0] == "ả" * 10_000


def test_excel_escaped_line_breaks_come_back_as_characters(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", [["Họ và tên_x000D_\nđầy đủ"]])

    assert read_workbook(path).sheets[0].rows[0][0] == "Họ và tên\r\nđầy đủ"


def test_merged_two_level_header_is_spread_over_its_cells(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["STT", "Họ và tên", "Năm sinh", None],
            [None, None, "Nam", "Nữ"],
            [1, "Nguyễn Văn An", 1980, None],
        ],
        merges=["A1:A2", "B1:B2", "C1:D1"],
    )

    sheet = read_workbook(path).sheets[0]

    assert sheet.rows[:2] == (
        ("STT", "Họ và tên", "Năm sinh", "Năm sinh"),
        ("STT", "Họ và tên", "Nam", "Nữ"),
    )
    assert set(sheet.merged_ranges) == {"A1:A2", "B1:B2", "C1:D1"}


def test_formula_cells_never_give_the_formula_text(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", [["Số", 2, "=B1*2"]])

    # openpyxl wrote no cached result, so there is none to give; the formula is never shown.
    assert read_workbook(path).sheets[0].rows == (("Số", 2),)


def test_only_sheets_with_data_are_returned_in_order(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [["Họ và tên"]],
        more_sheets={"Trống": [], "Đơn vị": [["Tên đơn vị"], ["Thôn 1"]]},
    )

    book = read_workbook(path)

    assert book.path == path
    assert [s.name for s in book.sheets] == ["Danh sách", "Đơn vị"]


def test_header_only_sheet_is_read(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", [["STT", "Họ và tên", "Đơn vị"]])

    assert read_workbook(path).sheets[0].rows == (("STT", "Họ và tên", "Đơn vị"),)


def test_an_xlsx_saved_under_an_xls_name_is_still_read(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", [["Họ và tên"], ["An"]])
    renamed = path.rename(tmp_path / "ds.xls")

    assert read_workbook(renamed).sheets[0].rows == (("Họ và tên",), ("An",))


def test_ten_thousand_rows_are_read(tmp_path: Path) -> None:
    rows = [["STT", "Họ và tên", "Đơn vị"]] + [[i, f"Người {i}", "Thôn 1"] for i in range(10_000)]
    path = write_xlsx(tmp_path / "ds.xlsx", rows)

    sheet = read_workbook(path).sheets[0]

    assert len(sheet.rows) == 10_001
    assert sheet.rows[-1] == (9_999, "Người 9999", "Thôn 1")


# --- files that cannot be read ---------------------------------------------------------------


def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    return path


def _truncated_xlsx(path: Path) -> Path:
    good = write_xlsx(path.with_name("good.xlsx"), [["Họ và tên"], ["An"]]).read_bytes()
    path.write_bytes(good[: len(good) // 2])
    return path


def _broken_workbook_xml(path: Path) -> Path:
    good = write_xlsx(path.with_name("good.xlsx"), [["Họ và tên"]])
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, b"<workbook" if item.filename == "xl/workbook.xml" else data)
    return path


def _empty_sheets_only(path: Path) -> Path:
    return write_xlsx(path, [], more_sheets={"Trang 2": [[None, "  "]]})


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("mat.xlsx", lambda p: p, ["Không tìm thấy", "«mat.xlsx»"]),
        ("thu-muc.xlsx", lambda p: p.mkdir() or p, ["thư mục"]),
        ("ds.docx", _docx, ["không phải tệp Excel (.xlsx)"]),
        ("ds.csv", lambda p: p.write_text("Họ và tên;Đơn vị\nAn;Thôn 1\n") and p, [".xlsx"]),
        ("rac.xlsx", lambda p: p.write_bytes(b"\x00\x01junk" * 50) and p, ["không phải tệp Excel"]),
        ("rong.xlsx", lambda p: p.write_bytes(b"") or p, ["không phải tệp Excel"]),
        ("cu.xls", lambda p: p.write_bytes(OLE_MAGIC + b"\x00" * 600) and p, [".xls", "mật khẩu"]),
        ("khoa.xlsx", lambda p: p.write_bytes(OLE_MAGIC + b"junk" * 99) and p, ["mật khẩu"]),
        ("zip-hong.xlsx", lambda p: p.write_bytes(b"PK\x03\x04" + b"junk" * 99) and p, ["hỏng"]),
        ("cut.xlsx", _truncated_xlsx, ["bị hỏng"]),
        ("xml-hong.xlsx", _broken_workbook_xml, ["bị hỏng"]),
        ("trong.xlsx", _empty_sheets_only, ["không có trang tính nào chứa dữ liệu"]),
    ],
)
def test_unreadable_files_give_one_vietnamese_message(
    tmp_path: Path, name: str, make, words: list[str]
) -> None:
    path = make(tmp_path / name)

    with pytest.raises(UserError) as caught:
        read_workbook(path)

    message = caught.value.message
    for word in words:
        assert word in message
    assert f"«{name}»" in message
    assert "Traceback" not in message and "\n" not in message
    assert unicodedata.is_normalized("NFC", message)


def test_a_file_locked_by_excel_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", [["Họ và tên"]])

    def locked(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", locked)

    with pytest.raises(UserError, match="đang được mở trong Excel hoặc không có quyền đọc"):
        read_workbook(path)


def test_too_many_rows_are_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", [["Họ và tên"]] + [[f"Người {i}"] for i in range(30)])

    with pytest.raises(UserError, match=r"hơn 20 dòng.*chia danh sách"):
        read_workbook(path, max_rows=20)
    assert len(read_workbook(path, max_rows=31).sheets[0].rows) == 31
