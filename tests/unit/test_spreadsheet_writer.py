"""The Excel export: reopened with openpyxl, the file must hold what the list showed."""

from __future__ import annotations

import datetime as dt
import errno
import os
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from emulation_desktop.domain.errors import UserError
from emulation_desktop.spreadsheet import writer
from emulation_desktop.spreadsheet.writer import Column, ColumnType, TableExport, write_xlsx

COLUMNS = (
    Column("Họ và tên"),
    Column("Ngày sinh", ColumnType.DATE),
    Column("Số CCCD"),
    Column("Năm sinh", ColumnType.YEAR),
    Column("Tiền thưởng", ColumnType.MONEY),
    Column("Số lượng", ColumnType.INTEGER),
    Column("Ghi chú", width=25),
)
ROWS = (
    ("Nguyễn Thị Hằng", dt.date(1980, 5, 3), "001203004567", 1980, 1_500_000, 3, None),
    ("Trần Văn An", None, "15", 1975, None, 0, "dòng 1\ndòng 2"),
)
TITLE = "DANH SÁCH CÁ NHÂN"
SUBTITLES = ("Xã Cát Thành – năm 2026", "Lọc: đơn vị Thôn 1; tìm «lan»")
HEADER_ROW = 5  # title, two subtitles, a blank line


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def table(rows=ROWS, **kwargs) -> TableExport:
    return TableExport(
        title=kwargs.pop("title", TITLE),
        columns=kwargs.pop("columns", COLUMNS),
        rows=rows,
        subtitle_lines=kwargs.pop("subtitle_lines", SUBTITLES),
        **kwargs,
    )


def people(n: int, bad_at: int | None = None) -> Iterator[tuple[object, ...]]:
    """A generator of rows, as a service streams them from the database."""
    for i in range(1, n + 1):
        name: object = Unprintable() if i == bad_at else f"Người {i}"
        yield (name, dt.date(1990, 1, 1), f"{i:012d}", 1990, 100_000, i, None)


class Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("cannot be shown")


@pytest.fixture
def target(tmp_path: Path) -> Path:
    folder = tmp_path / "xuat"
    folder.mkdir()
    return folder / "danh-sach.xlsx"


@pytest.fixture
def stream_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where openpyxl streams its sheets, to see that a failed export leaves nothing there."""
    folder = tmp_path / "he-thong-tam"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_sheet_holds_title_subtitles_headers_and_numbered_rows(target: Path) -> None:
    nfd_columns = tuple(Column(nfd(c.header), c.type, c.width) for c in COLUMNS)
    written = write_xlsx(
        target,
        [table(columns=nfd_columns, title=nfd(TITLE), subtitle_lines=[nfd(s) for s in SUBTITLES])],
    )

    assert written == 2
    ws = openpyxl.load_workbook(target).active
    assert ws.title == TITLE
    assert ws["A1"].value == TITLE
    assert [ws["A2"].value, ws["A3"].value] == list(SUBTITLES)
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:H1", "A2:H2", "A3:H3"}
    headers = [c.value for c in ws[HEADER_ROW]]
    assert headers == ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Năm sinh", "Tiền thưởng",
                       "Số lượng", "Ghi chú"]  # fmt: skip
    assert all(unicodedata.is_normalized("NFC", h) for h in headers)
    assert [ws.cell(HEADER_ROW + i, 1).value for i in (1, 2)] == [1, 2]
    assert ws.max_row == HEADER_ROW + 2


def test_cells_have_excel_types_and_formats(target: Path) -> None:
    write_xlsx(target, [table()])
    ws = openpyxl.load_workbook(target).active
    first, second = ws[HEADER_ROW + 1], ws[HEADER_ROW + 2]

    born = first[2]
    assert isinstance(born.value, dt.date)
    assert born.value.date() == dt.date(1980, 5, 3)
    assert born.number_format == "dd/mm/yyyy"
    assert (first[3].value, first[3].data_type, first[3].number_format) == (
        "001203004567",
        "s",
        "@",
    )
    assert (second[3].value, second[3].data_type) == ("15", "s")
    assert (first[4].value, first[4].number_format) == (1980, "0")
    assert (first[5].value, first[5].number_format) == (1_500_000, "#,##0")
    assert (first[6].value, first[6].number_format) == (3, "0")
    assert second[6].value == 0
    assert second[2].value is None and second[5].value is None and first[7].value is None
    assert second[7].value == "dòng 1\ndòng 2"


def test_fonts_header_style_and_print_setup(target: Path) -> None:
    write_xlsx(target, [table()])
    wb = openpyxl.load_workbook(target)
    ws = wb.active

    for cell in (ws["A1"], ws["A2"], ws["B5"], ws["B6"], ws["C6"]):
        assert (cell.font.name, cell.font.sz) == ("Times New Roman", 12)
    header = ws["C5"]
    assert header.font.b and ws["A1"].font.b and not ws["B6"].font.b
    assert header.alignment.wrap_text
    assert header.fill.fill_type == "solid" and header.fill.fgColor.rgb == "FFD9D9D9"
    assert header.border.left.style == header.border.bottom.style == "thin"
    assert ws.freeze_panes == "A6"
    assert ws.auto_filter.ref == "A5:H7"
    assert ws.print_title_rows == "$5:$5"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.page_setup.orientation == "landscape"  # 8 columns
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert wb._fonts[0].name == "Times New Roman"  # the Normal font, for typed-in cells


def test_few_columns_print_portrait(target: Path) -> None:
    write_xlsx(target, [table(rows=[("Thôn 1",)], columns=[Column("Đơn vị")])])
    ws = openpyxl.load_workbook(target).active
    assert ws.page_setup.orientation == "portrait"
    assert ws.auto_filter.ref == "A5:B6"


def test_column_widths_follow_content_within_bounds(target: Path) -> None:
    columns = (Column("Họ và tên"), Column("Tên"), Column("Nội dung"), Column("Cố định", width=9))
    rows = [("Nguyễn Thị Hằng", "An", "x" * 500, "y" * 40)]
    write_xlsx(target, [table(rows=rows, columns=columns)])
    widths = {
        k: d.width for k, d in openpyxl.load_workbook(target).active.column_dimensions.items()
    }

    assert widths["B"] == len("Nguyễn Thị Hằng") + 2  # Vietnamese letters count as one
    assert widths["C"] == 6  # the minimum
    assert widths["D"] == 60  # the maximum
    assert widths["E"] == 9  # as given
    assert all(6 <= w <= 60 for w in widths.values())


def test_generator_rows_are_streamed_past_the_measured_rows(target: Path) -> None:
    written = write_xlsx(target, [table(rows=people(1234))])
    ws = openpyxl.load_workbook(target, read_only=True).active
    rows = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))

    assert written == len(rows) == 1234
    assert [r[0] for r in rows] == list(range(1, 1235))
    assert rows[-1][1:4] == ("Người 1234", dt.datetime(1990, 1, 1), "000000001234")


def test_two_tables_make_two_sheets_with_valid_unique_names(target: Path) -> None:
    long_title = "DANH SÁCH HỘ GIA ĐÌNH ĐẠT DANH HIỆU GIA ĐÌNH VĂN HOÁ"
    written = write_xlsx(
        target,
        [
            table(title=long_title),
            table(rows=people(3), title=long_title, subtitle_lines=()),
            table(rows=[], sheet_name="Khen thưởng: 2025/2026 [xã]?"),
        ],
    )

    wb = openpyxl.load_workbook(target)
    assert written == 5
    assert wb.sheetnames == [
        "DANH SÁCH HỘ GIA ĐÌNH ĐẠT DANH",
        "DANH SÁCH HỘ GIA ĐÌNH ĐẠT D (2)",
        "Khen thưởng 20252026 xã",
    ]
    assert all(len(name) <= 31 for name in wb.sheetnames)
    second = wb.worksheets[1]
    assert second["A1"].value == long_title
    assert second.freeze_panes == "A4"  # no subtitle: title, blank line, header
    assert second.auto_filter.ref == "A3:H6"
    assert wb.worksheets[2].auto_filter.ref == "A5:H5"  # an empty list keeps its header


def test_text_is_kept_as_text(target: Path) -> None:
    long = "a" * 40_000
    rows = [(nfd("Đặng  Thị\tHằng "), "=SUM(A1:A2)", "#N/A", "tab\x00 bell\x07", long)]
    columns = [Column(h) for h in ("Họ và tên", "Công thức", "Lỗi", "Điều khiển", "Dài")]
    write_xlsx(target, [table(rows=rows, columns=columns)])
    cells = openpyxl.load_workbook(target).active[HEADER_ROW + 1]

    assert cells[1].value == "Đặng Thị Hằng"
    assert (cells[2].value, cells[2].data_type) == ("=SUM(A1:A2)", "s")  # never a formula
    assert (cells[3].value, cells[3].data_type) == ("#N/A", "s")
    assert cells[4].value == "tab bell"
    assert len(cells[5].value) == 32_767 and cells[5].value.endswith("a…")


def test_values_a_typed_column_cannot_store_are_written_as_shown(target: Path) -> None:
    columns = [
        Column("Ngày sinh", ColumnType.DATE),
        Column("Ngày cũ", ColumnType.DATE),
        Column("Lúc", ColumnType.DATE),
        Column("Năm", ColumnType.YEAR),
        Column("Tiền", ColumnType.MONEY),
        Column("Số", ColumnType.INTEGER),
        Column("Ngày ghi", ColumnType.TEXT),
    ]
    rows = [("05/1975", dt.date(1890, 2, 1), dt.datetime(2026, 1, 5, 8, 30), "1975", "không rõ",
             12.0, dt.date(2026, 1, 5))]  # fmt: skip
    write_xlsx(target, [table(rows=rows, columns=columns)])
    cells = openpyxl.load_workbook(target).active[HEADER_ROW + 1]

    assert cells[1].value == "05/1975"
    assert cells[2].value == "01/02/1890"  # Excel has no dates before 1900
    assert cells[3].value == dt.datetime(2026, 1, 5)  # the day only
    assert cells[4].value == 1975
    assert cells[5].value == "không rõ"
    assert (cells[6].value, cells[6].data_type) == (12, "n")
    assert cells[7].value == "05/01/2026"


@pytest.mark.parametrize("bad_at", [2, 700], ids=["measured-row", "streamed-row"])
def test_failure_leaves_existing_file_and_no_temporary_files(
    target: Path, stream_dir: Path, bad_at: int
) -> None:
    target.write_bytes(b"old export")

    with pytest.raises(RuntimeError, match="cannot be shown"):
        write_xlsx(target, [table(rows=people(1000, bad_at=bad_at))])

    assert target.read_bytes() == b"old export"
    assert [p.name for p in target.parent.iterdir()] == [target.name]
    assert list(stream_dir.iterdir()) == []


def test_row_of_the_wrong_length_is_refused(target: Path) -> None:
    with pytest.raises(ValueError, match="row 2"):
        write_xlsx(target, [table(rows=[ROWS[0], ROWS[1][:3]])])
    assert list(target.parent.iterdir()) == []


def test_file_open_in_excel_gives_user_error_and_keeps_file(
    target: Path, stream_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target.write_bytes(b"old export")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(writer.os, "replace", locked)
    with pytest.raises(UserError, match="đang được mở trong Excel") as caught:
        write_xlsx(target, [table()])

    assert "danh-sach.xlsx" in caught.value.message
    assert target.read_bytes() == b"old export"
    assert [p.name for p in target.parent.iterdir()] == [target.name]
    assert list(stream_dir.iterdir()) == []


def test_full_disk_gives_user_error(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", full)
    with pytest.raises(UserError, match="Ổ đĩa đã đầy"):
        write_xlsx(target, [table()])
    assert list(target.parent.iterdir()) == []


def test_missing_folder_gives_user_error(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co" / "danh-sach.xlsx"
    with pytest.raises(UserError, match="Không tìm thấy thư mục"):
        write_xlsx(missing, [table()])
    assert not missing.parent.exists()


def test_unwritable_folder_gives_user_error(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(file: object, mode: str = "r") -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(file))

    monkeypatch.setattr(writer, "open", refused, raising=False)  # what a locked folder does
    with pytest.raises(UserError, match="Không có quyền ghi vào thư mục") as caught:
        write_xlsx(target, [table()])
    assert str(target.parent) in caught.value.message
    assert list(target.parent.iterdir()) == []


def test_new_file_gets_usual_permissions(target: Path) -> None:
    write_xlsx(target, [table()])
    if os.name != "nt":
        umask = os.umask(0)
        os.umask(umask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask
