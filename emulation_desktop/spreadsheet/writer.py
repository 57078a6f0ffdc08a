"""Excel export of any list "as shown": Vietnamese headers, real date cells, atomic write.

Every list of the program (people, units, households, awards) leaves through `write_xlsx`, so
the files the commune sends upward all look alike: Times New Roman 12 like its documents, a
bold title, an "STT" column, a grey header row that repeats on every printed page, dates that
Excel can sort and filter, and CCCD numbers that keep their leading zero.

openpyxl's write-only mode streams rows to disk, which keeps 100,000 rows within seconds and a
few megabytes of memory. Its price: the sheet's top (column widths, frozen panes, page setup,
row heights) is written before the first row, so widths are measured on the first rows only,
which are held back until the top is set. Merged cells and the autofilter go to the sheet's
tail and may be set after the rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import itertools
import math
import os
import re
import secrets
import textwrap
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.properties import PageSetupProperties

from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text import nfc

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

__all__ = ["Column", "ColumnType", "TableExport", "write_xlsx"]

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
LINE_HEIGHT = 15.75  # points: Excel's own row height for one line of Times New Roman 12
EXCEL_TEXT_LIMIT = 32_767  # characters in one cell
SHEET_NAME_LIMIT = 31
MEASURED_ROWS = 500
MIN_WIDTH, MAX_WIDTH = 6.0, 60.0
WIDTH_PADDING = 2.0  # cell margins, and the bold header being wider than plain text
STT_HEADER = "STT"
STT_WIDTH = 7.0  # "100000" and its margins
LANDSCAPE_ABOVE = 6  # printed columns (STT included) that still fit an A4 portrait page
PAPER_A4 = 9  # the paperSize code of A4 in the OOXML page setup

DATE_FORMAT = "dd/mm/yyyy"
INTEGER_FORMAT = "0"  # birth years, counts: "#,##0" would print 1.980 on a Vietnamese Windows
MONEY_FORMAT = "#,##0"  # Excel shows the user's separator: dots on a Vietnamese Windows
TEXT_FORMAT = "@"  # Excel keeps the cell text when edited: 001203004567 stays a CCCD
_EXCEL_EPOCH = dt.date(1900, 1, 1)  # earlier dates are not dates for Excel: written as text


class ColumnType(StrEnum):
    """How the cells of a column are stored, so Excel sorts, filters and sums them properly."""

    TEXT = "text"
    INTEGER = "integer"
    DATE = "date"
    MONEY = "money"
    YEAR = "year"


@dataclass(frozen=True)
class Column:
    """One exported column.

    Attributes:
        header: the Vietnamese header text (a "\\n" forces a line break in the header cell).
        type: how the cells are stored.
        width: in characters; None measures the content (first rows), within 6–60.
    """

    header: str
    type: ColumnType = ColumnType.TEXT
    width: float | None = None


@dataclass(frozen=True)
class TableExport:
    """One list, exported as one sheet.

    Attributes:
        title: the first line and the sheet's name, e.g. "DANH SÁCH CÁ NHÂN".
        columns: the columns after the automatic "STT" column.
        rows: one sequence of values per row, in column order; may be a generator, which is
            consumed once and streamed.
        subtitle_lines: lines under the title, e.g. the commune and year, the active filter.
        sheet_name: the sheet's name when it should differ from the title.
    """

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[object]]
    subtitle_lines: Sequence[str] = ()
    sheet_name: str | None = None


def write_xlsx(path: Path, tables: Sequence[TableExport]) -> int:
    """Write `tables` to the .xlsx file `path`, one sheet each; returns the data rows written.

    The file is built beside the target under a temporary name and moved onto it at the end,
    so a failure (or a power cut) never leaves a half-written file and an existing file stays
    as it was. Problems the user can fix raise `UserError` with a Vietnamese message; a
    programming error (a row of the wrong length, a value that cannot be shown) is re-raised
    as it is, after the temporary file is removed.
    """
    path = Path(path)
    if not tables:
        raise ValueError("write_xlsx needs at least one table")
    folder = path.parent
    if not folder.is_dir():
        raise UserError(
            f"Không tìm thấy thư mục «{folder}». Hãy chọn một thư mục có sẵn rồi xuất lại."
        )
    if path.is_dir():
        raise UserError(f"«{path}» là một thư mục. Hãy đặt tên tệp khác rồi xuất lại.")
    temp = _reserve_temp_file(path)
    workbook = Workbook(write_only=True)
    try:
        written = _fill_workbook(workbook, tables)
        workbook.save(temp)
        _flush_to_disk(temp)
        try:
            os.replace(temp, path)
        except PermissionError as exc:
            raise UserError(
                f"Tệp «{path.name}» đang được mở trong Excel; hãy đóng tệp rồi xuất lại."
            ) from exc
    except BaseException as exc:
        _discard_stream_files(workbook)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _os_error(exc, path) from exc
        raise
    _flush_folder(folder)
    return written


# --- the file on disk -------------------------------------------------------------------------


def _reserve_temp_file(path: Path) -> Path:
    """A new empty file beside `path`, created with the user's usual permissions.

    Beside the target, because os.replace is atomic only within one file system. Created here
    rather than by tempfile.mkstemp, whose private 0600 mode the export would keep. Creating it
    first also finds an unwritable folder or a full disk before a long export starts.
    """
    for _ in range(100):
        temp = path.with_name(f".{path.stem}.{secrets.token_hex(4)}.tmp")
        try:
            with open(temp, "xb"):
                pass
        except FileExistsError:
            continue
        except OSError as exc:
            raise _os_error(exc, path) from exc
        return temp
    raise UserError(f"Không tạo được tệp tạm trong thư mục «{path.parent}».")


def _flush_to_disk(file: Path) -> None:
    """Force the data to the disk before the rename, so a power cut cannot leave an empty file."""
    with open(file, "r+b") as handle:
        os.fsync(handle.fileno())


def _flush_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _os_error(exc: OSError, path: Path) -> UserError:
    """What the user can do about a failed write, in Vietnamese."""
    if exc.errno == errno.ENOSPC:
        return UserError(
            f"Ổ đĩa đã đầy, không ghi được tệp «{path.name}». "
            "Hãy xoá bớt tệp không cần hoặc chọn ổ đĩa khác rồi xuất lại."
        )
    if exc.errno == errno.EROFS:
        return UserError(
            f"Ổ đĩa chứa thư mục «{path.parent}» chỉ cho phép đọc. "
            "Hãy chọn thư mục khác rồi xuất lại."
        )
    if isinstance(exc, PermissionError):
        return UserError(
            f"Không có quyền ghi vào thư mục «{path.parent}». "
            "Hãy chọn thư mục khác (ví dụ Tài liệu) rồi xuất lại."
        )
    reason = exc.strerror or type(exc).__name__
    return UserError(
        f"Không ghi được tệp «{path.name}» ({reason}). Hãy thử chọn thư mục khác rồi xuất lại."
    )


def _discard_stream_files(workbook: Workbook) -> None:
    """Close and delete the files openpyxl streams each sheet into (in the system's temp folder).

    openpyxl only deletes them when the program exits; an export that failed half-way would
    otherwise leave tens of megabytes there for the whole session. Private openpyxl state,
    hence every step may fail quietly: this runs while another error is on its way up.
    """
    for sheet in workbook.worksheets:
        rows = getattr(sheet, "_rows", None)
        writer = getattr(sheet, "_writer", None)
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            writer.close()
        with contextlib.suppress(Exception):
            writer.cleanup()


# --- styles -----------------------------------------------------------------------------------

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_PLAIN = Font(name=FONT_NAME, size=FONT_SIZE)
_BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)


class _Style(StrEnum):
    TITLE = "title"
    SUBTITLE = "subtitle"
    HEADER = "header"
    STT = "stt"
    TEXT = "text"
    INTEGER = "integer"
    MONEY = "money"
    DATE = "date"


_NATURAL_STYLE = {
    ColumnType.TEXT: _Style.TEXT,
    ColumnType.INTEGER: _Style.INTEGER,
    ColumnType.YEAR: _Style.INTEGER,
    ColumnType.MONEY: _Style.MONEY,
    ColumnType.DATE: _Style.DATE,
}


def _use_serif_by_default(workbook: Workbook) -> None:
    """Make Times New Roman 12 the workbook's Normal font, not only that of the written cells.

    Excel measures column widths in digits of the Normal font, so the widths computed here in
    characters come out right, and cells the user fills in later match the rest. openpyxl has
    no public way to do it; if its internals change, the written cells still carry the font.
    """
    with contextlib.suppress(AttributeError, KeyError, TypeError):
        workbook._fonts = IndexedList([_PLAIN])
        workbook._named_styles["Normal"].font = _PLAIN


def _style_arrays(workbook: Workbook) -> dict[_Style, object]:
    """One prepared style per kind of cell, copied onto each cell.

    Setting font, border, alignment and format on each of 800,000 cells looks each of them up
    in the workbook every time and doubles the export time; copying a prepared style does not.
    """
    wrapped = Alignment(horizontal="center", vertical="center", wrap_text=True)
    centered = Alignment(horizontal="center", vertical="center")
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    right = Alignment(horizontal="right", vertical="center")
    specs: dict[_Style, tuple[Font, Alignment, str, bool]] = {
        _Style.TITLE: (_BOLD, wrapped, "General", False),
        _Style.SUBTITLE: (_PLAIN, wrapped, "General", False),
        _Style.HEADER: (_BOLD, wrapped, TEXT_FORMAT, True),
        _Style.STT: (_PLAIN, centered, INTEGER_FORMAT, True),
        _Style.TEXT: (_PLAIN, left, TEXT_FORMAT, True),
        _Style.INTEGER: (_PLAIN, centered, INTEGER_FORMAT, True),
        _Style.MONEY: (_PLAIN, right, MONEY_FORMAT, True),
        _Style.DATE: (_PLAIN, centered, DATE_FORMAT, True),
    }
    grey = PatternFill(fill_type="solid", start_color="FFD9D9D9", end_color="FFD9D9D9")
    probe_sheet = workbook.create_sheet("probe")
    styles: dict[_Style, object] = {}
    for key, (font, alignment, number_format, bordered) in specs.items():
        cell = WriteOnlyCell(probe_sheet)
        cell.font = font
        cell.alignment = alignment
        cell.number_format = number_format
        if bordered:
            cell.border = _BORDER
        if key is _Style.HEADER:
            cell.fill = grey
        styles[key] = cell._style
    workbook.remove(probe_sheet)
    return styles


# --- values -----------------------------------------------------------------------------------

_DIGITS = re.compile(r"-?(0|[1-9][0-9]*)")


def _clean_text(value: str) -> str:
    """NFC text as Excel can hold it: inner line breaks kept, control characters dropped.

    Each line is normalised like all stored text (`nfc`); characters XML forbids are removed
    (openpyxl would refuse the whole file); text beyond Excel's cell limit ends with "…".
    """
    value = ILLEGAL_CHARACTERS_RE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if "\n" in value:
        value = "\n".join(nfc(line) for line in value.split("\n")).strip("\n")
    else:
        value = nfc(value)
    if len(value) > EXCEL_TEXT_LIMIT:
        value = value[: EXCEL_TEXT_LIMIT - 1] + "…"
    return value


def _as_text(value: object) -> str:
    """The text a cell shows for any value, dates the Vietnamese way."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "Có" if value else "Không"
    elif isinstance(value, dt.datetime):
        text = value.strftime("%d/%m/%Y %H:%M")
    elif isinstance(value, dt.date):
        text = f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    return _clean_text(text)


def _as_number(value: object, kind: ColumnType) -> int | float | None:
    """The number in `value`, or None when it is not one (it is then written as shown)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        if not math.isfinite(value):
            return None
        return int(value) if value == int(value) else float(value)
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        return int(value.strip())
    if kind is ColumnType.YEAR and isinstance(value, dt.date):
        return value.year
    return None


def _convert(value: object, kind: ColumnType) -> tuple[object, _Style]:
    """A value as its column stores it, and the style of its cell.

    A value a numeric or date column cannot store (a birth date known only as "05/1975", a
    date before 1900) is written as text, as the list shows it, rather than refused.
    """
    natural = _NATURAL_STYLE[kind]
    if value is None:
        return None, natural
    if kind is ColumnType.TEXT:
        return _as_text(value), _Style.TEXT
    if kind is ColumnType.DATE:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date) and value >= _EXCEL_EPOCH:
            return value, _Style.DATE
        return _as_text(value), _Style.TEXT
    number = _as_number(value, kind)
    if number is None:
        return _as_text(value), _Style.TEXT
    return number, natural


def _shown_width(value: object, style: _Style) -> int:
    """Characters the cell shows (Vietnamese letters count as one, being NFC)."""
    if value is None:
        return 0
    if isinstance(value, str):
        return max(len(line) for line in value.split("\n"))
    if isinstance(value, dt.date):
        return len("dd/mm/yyyy")
    if style is _Style.MONEY:
        return len(f"{value:,.0f}")
    return len(str(value))


# --- sheets -----------------------------------------------------------------------------------

_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_names(tables: Sequence[TableExport]) -> list[str]:
    """Names Excel accepts: at most 31 characters, none of []:*?/\\, unique ignoring case."""
    used: set[str] = set()
    names = []
    for table in tables:
        base = _clean_text(_SHEET_NAME_FORBIDDEN.sub("", table.sheet_name or table.title))
        base = " ".join(base.split()).strip("'")[:SHEET_NAME_LIMIT].strip() or "Danh sách"
        if base.casefold() == "history":  # reserved by Excel
            base = "History 1"
        name, number = base, 1
        while name.casefold() in used:
            number += 1
            suffix = f" ({number})"
            name = base[: SHEET_NAME_LIMIT - len(suffix)].rstrip() + suffix
        used.add(name.casefold())
        names.append(name)
    return names


def _auto_width(column: Column, header: str, shown: Iterable[int]) -> float:
    """Width from the header and the measured cells; a long header wraps instead of widening."""
    if column.width is not None:
        return float(column.width)
    words = [len(word) for word in header.split()] or [0]
    lines = [len(line) for line in header.split("\n")] or [0]
    wanted = max(max(shown, default=0), max(words), min(max(lines), 15)) + WIDTH_PADDING
    return min(max(wanted, MIN_WIDTH), MAX_WIDTH)


def _line_count(text: str, width: float) -> int:
    """Lines `text` takes once wrapped in a cell `width` characters wide (for row heights)."""
    usable = max(1, int(width - WIDTH_PADDING))
    return sum(max(1, len(textwrap.wrap(line, usable))) for line in text.split("\n"))


class _SheetWriter:
    """Writes one table into one write-only sheet: the top first, then the streamed rows."""

    def __init__(self, workbook: Workbook, styles: dict[_Style, object]) -> None:
        self.workbook = workbook
        self.styles = styles

    def write(self, table: TableExport, name: str) -> int:
        columns = list(table.columns)
        kinds = [ColumnType(c.type) for c in columns]
        headers = [STT_HEADER, *(_clean_text(c.header) for c in columns)]
        title = _clean_text(table.title)
        subtitles = [_clean_text(line) for line in table.subtitle_lines]

        rows = iter(table.rows)  # the first rows are held back to measure the column widths
        measured = itertools.islice(rows, MEASURED_ROWS)
        first = [self._convert_row(row, kinds, n) for n, row in enumerate(measured, 1)]
        widths = [STT_WIDTH] + [
            _auto_width(column, header, (_shown_width(*row[i]) for row in first))
            for i, (column, header) in enumerate(zip(columns, headers[1:], strict=True))
        ]

        sheet = self.workbook.create_sheet(title=name)
        last = get_column_letter(len(headers))
        header_row = 1 + len(subtitles) + 2  # title, subtitles, a blank line, the header
        self._set_up_top(sheet, widths, header_row)
        total_width = sum(widths)

        sheet.row_dimensions[1].height = LINE_HEIGHT * _line_count(title, total_width) + 4
        sheet.append([self._cell(sheet, title, _Style.TITLE)])
        for offset, line in enumerate(subtitles, 2):
            sheet.row_dimensions[offset].height = LINE_HEIGHT * _line_count(line, total_width)
            sheet.append([self._cell(sheet, line, _Style.SUBTITLE)])
        sheet.append([])
        sheet.row_dimensions[header_row].height = (
            LINE_HEIGHT * max(_line_count(h, w) for h, w in zip(headers, widths, strict=True)) + 4
        )
        sheet.append([self._cell(sheet, h, _Style.HEADER) for h in headers])

        later = (self._convert_row(row, kinds, n) for n, row in enumerate(rows, len(first) + 1))
        count = 0
        for count, converted in enumerate(itertools.chain(first, later), 1):
            cells = [self._cell(sheet, count, _Style.STT)]
            cells.extend(self._cell(sheet, value, style) for value, style in converted)
            sheet.append(cells)

        if len(headers) > 1:
            for row in range(1, 2 + len(subtitles)):
                sheet.merged_cells.add(f"A{row}:{last}{row}")
        sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + count}"
        return count

    def _set_up_top(self, sheet: WriteOnlyWorksheet, widths: list[float], header_row: int) -> None:
        """Everything write-only mode writes before the first row."""
        for index, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(index)].width = round(width, 2)
        sheet.sheet_format.defaultRowHeight = LINE_HEIGHT
        sheet.freeze_panes = f"A{header_row + 1}"
        sheet.print_title_rows = f"{header_row}:{header_row}"
        setup = sheet.page_setup
        setup.paperSize = PAPER_A4
        setup.orientation = "landscape" if len(widths) > LANDSCAPE_ABOVE else "portrait"
        setup.fitToWidth = 1
        setup.fitToHeight = 0  # as many pages down as the list needs
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.print_options.horizontalCentered = True
        sheet.oddFooter.center.text = "Trang &P/&N"
        sheet.oddFooter.center.font = FONT_NAME
        sheet.oddFooter.center.size = FONT_SIZE

    @staticmethod
    def _convert_row(
        row: Sequence[object], kinds: list[ColumnType], number: int
    ) -> list[tuple[object, _Style]]:
        values = list(row)
        if len(values) != len(kinds):
            raise ValueError(f"row {number} has {len(values)} values for {len(kinds)} columns")
        return [_convert(value, kind) for value, kind in zip(values, kinds, strict=True)]

    def _cell(self, sheet: WriteOnlyWorksheet, value: object, style: _Style) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet)
        cell._style = copy(self.styles[style])  # before the value: a date keeps dd/mm/yyyy
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # "=…" and "#N/A" are text here, never formulas or errors
        return cell


def _fill_workbook(workbook: Workbook, tables: Sequence[TableExport]) -> int:
    _use_serif_by_default(workbook)
    styles = _style_arrays(workbook)
    writer = _SheetWriter(workbook, styles)
    return sum(
        writer.write(table, name) for table, name in zip(tables, _sheet_names(tables), strict=True)
    )
