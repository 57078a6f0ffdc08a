"""Read an .xlsx workbook into plain rows, turning every failure into one Vietnamese sentence.

Commune offices import lists that were typed years ago, saved as old .xls, protected by a
password or still open in Excel; the user must learn what to do, never see a traceback.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text import thousands

__all__ = ["SheetData", "WorkbookData", "read_workbook"]

# Old .xls files and password-protected (encrypted) .xlsx files are both OLE compound files.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
# Excel escapes control characters in shared strings as _xHHHH_; openpyxl leaves them in.
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


@dataclass(frozen=True, slots=True)
class SheetData:
    """One worksheet: `rows[i]` is Excel row i + 1, every row as wide as the sheet's data."""

    name: str
    rows: tuple[tuple[object, ...], ...]
    merged_ranges: tuple[str, ...] = ()
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class WorkbookData:
    """The worksheets that hold data, in workbook order (empty sheets are left out)."""

    path: Path
    sheets: tuple[SheetData, ...]


def read_workbook(path: Path, *, max_rows: int = 200_000) -> WorkbookData:
    """Read every worksheet's cell values (formula results, dates as datetime).

    Raises UserError for a missing, locked, old-format, protected, corrupt or empty file and
    for a sheet longer than `max_rows`.
    """
    path = Path(path)
    name = path.name
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp «{name}». Hãy kiểm tra lại tên và thư mục của tệp.")
    if path.is_dir():
        raise UserError(f"«{name}» là một thư mục, không phải tệp Excel (.xlsx).")
    try:
        with path.open("rb") as f:
            _check_signature(f.read(8), name)
            f.seek(0)
            sheets = _load(f, name, max_rows)
    except PermissionError:
        raise UserError(
            f"Không đọc được tệp «{name}»: tệp đang được mở trong Excel hoặc không có quyền đọc. "
            "Hãy đóng tệp trong Excel rồi thử lại."
        ) from None
    except OSError as e:
        raise UserError(
            f"Không đọc được tệp «{name}» (lỗi của hệ điều hành: {e.strerror or e})."
        ) from None
    if not sheets:
        raise UserError(f"Tệp «{name}» không có trang tính nào chứa dữ liệu.")
    return WorkbookData(path=path, sheets=tuple(sheets))


def _not_xlsx(name: str) -> UserError:
    return UserError(
        f"Tệp «{name}» không phải tệp Excel (.xlsx). "
        "Hãy mở tệp bằng Excel và lưu lại dưới dạng «Excel Workbook (*.xlsx)»."
    )


def _corrupt(name: str) -> UserError:
    return UserError(
        f"Tệp «{name}» bị hỏng, không đọc được. "
        "Hãy mở thử bằng Excel và lưu lại thành một tệp .xlsx mới."
    )


def _check_signature(head: bytes, name: str) -> None:
    if head == _OLE_MAGIC:
        raise UserError(
            f"Tệp «{name}» là tệp Excel định dạng cũ (.xls) hoặc đang được đặt mật khẩu. "
            "Hãy mở tệp trong Excel, gỡ mật khẩu (nếu có) rồi lưu lại dưới dạng .xlsx."
        )
    if head[:4] != _ZIP_MAGIC:
        raise _not_xlsx(name)


def _load(f: BinaryIO, name: str, max_rows: int) -> list[SheetData]:
    try:
        with zipfile.ZipFile(f) as archive:
            members = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise _corrupt(name) from None
    if "xl/workbook.xml" not in members:  # a .docx, .ods, .xlsb: a zip, but not a workbook
        raise _not_xlsx(name)
    f.seek(0)
    try:
        # openpyxl warns about every Excel feature it drops (data validation, slicers...): none
        # of them matters for reading values.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # A file object, not the path: openpyxl refuses names not ending in .xlsx, and an
            # .xlsx renamed to .xls is common.
            wb = openpyxl.load_workbook(f, data_only=True)
    except OSError:
        raise
    except Exception:  # openpyxl raises anything from KeyError to lxml errors on a broken file
        raise _corrupt(name) from None
    try:
        sheets = [_sheet(ws, name, max_rows) for ws in wb.worksheets]
    finally:
        wb.close()
    return [s for s in sheets if s.rows]


def _sheet(ws: Worksheet, file_name: str, max_rows: int) -> SheetData:
    grid = [
        list(r)
        for r in ws.iter_rows(
            min_row=1, max_row=min(ws.max_row, max_rows), min_col=1, values_only=True
        )
    ]
    if ws.max_row > max_rows and any(
        not _blank(v) for r in ws.iter_rows(min_row=max_rows + 1, values_only=True) for v in r
    ):
        raise UserError(
            f"Trang «{ws.title}» của tệp «{file_name}» có hơn {thousands(max_rows)} dòng, "
            "quá nhiều để nhập một lần. Hãy chia danh sách thành nhiều tệp nhỏ hơn."
        )
    merged = []
    for rng in ws.merged_cells.ranges:
        merged.append(rng.coord)
        top = rng.min_row - 1
        if top >= len(grid):
            continue
        value = grid[top][rng.min_col - 1]
        for r in range(top, min(rng.max_row, len(grid))):
            row = grid[r]
            for c in range(rng.min_col - 1, min(rng.max_col, len(row))):
                row[c] = value
    for row in grid:
        for c, v in enumerate(row):
            if isinstance(v, str):
                row[c] = _text(v)
    while grid and all(_blank(v) for v in grid[-1]):
        grid.pop()
    width = max((_width(r) for r in grid), default=0)
    rows = tuple(tuple(r[:width]) + (None,) * (width - len(r[:width])) for r in grid)
    return SheetData(
        name=ws.title,
        rows=rows if width else (),
        merged_ranges=tuple(merged),
        hidden=ws.sheet_state != "visible",
    )


def _text(s: str) -> str:
    if "_x" in s:
        s = _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), s)
    return unicodedata.normalize("NFC", s)


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _width(row: list[object]) -> int:
    for c in range(len(row) - 1, -1, -1):
        if not _blank(row[c]):
            return c + 1
    return 0
