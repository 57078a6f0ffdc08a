"""Bad Excel files: one clear Vietnamese message each, no crash, and nothing half-written."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.registry_views import PersonQuery


def _book(rows: list[list[object]], merge: str | None = None) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        wb = openpyxl.Workbook()
        for r in rows:
            wb.active.append(r)
        if merge:
            wb.active.merge_cells(merge)
        wb.save(path)

    return write


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _corrupt_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types")  # truncated XML
        z.writestr("xl/workbook.xml", "<workbook")


HEADER = ["Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị"]
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600

# (file maker, words the message must contain, fails when: "open" | "preview" | "commit")
CASES = {
    "not an xlsx (a Word file)": (_bytes(b"PK\x03\x04word/document.xml"), "Excel", "open"),
    "plain text named .xlsx": (_bytes("Họ và tên;Ngày sinh".encode()), "Excel", "open"),
    "password or old .xls": (_bytes(OLE), "mật khẩu", "open"),
    "corrupt workbook": (_corrupt_zip, "hỏng", "open"),
    "empty sheet": (_book([]), "không có", "open"),
    "header only": (_book([HEADER]), "Không có dòng nào", "commit"),
    "10,000-character cell": (
        _book([HEADER, ["Nguyễn " + "A" * 10_000, "1980", "Nam", "Thôn Đông"]]),
        "dài quá",
        "commit",
    ),
    "birth date in the future": (
        _book([HEADER, ["Nguyễn Văn An", dt.datetime(2090, 1, 1), "Nam", "Thôn Đông"]]),
        "tương lai",
        "commit",
    ),
    "unclear gender": (
        _book([HEADER, ["Nguyễn Văn An", "1980", "x", "Thôn Đông"]]),
        "Giới tính",
        "commit",
    ),
    "merged cells across a data row": (
        _book(
            [
                HEADER,
                ["Nguyễn Văn An", "1980", "Nam", "Thôn Đông"],
                ["Trần Thị Bình", "1981", "Nữ", ""],
            ],
            merge="D2:D3",
        ),
        None,
        None,
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_bad_excel_input(context, tmp_path: Path, case: str) -> None:  # type: ignore[no-untyped-def]
    make, words, fails_at = CASES[case]
    path = tmp_path / "danh sach.xlsx"
    make(path)
    imports = context.services.imports
    registry = context.services.registry
    stage, said = "open", ""
    try:
        source = imports.open(path)
        stage = "preview"
        preview = imports.preview(source, imports.plan(source))
        said = " ".join(i.message for i in preview.parse.issues)
        stage = "commit"
        imports.commit(preview)
        stage = "done"
    except UserError as exc:
        assert stage == fails_at, (stage, exc.message)
        assert exc.message and "\n" not in exc.message and "Traceback" not in exc.message
        said = f"{said} {exc.message}"
    if words is not None:
        assert words.lower() in said.lower(), said
    if fails_at is None:
        assert stage == "done"
        # Merged cells carry the unit down to the second row, as Excel shows it.
        people = registry.people_page(PersonQuery(), 0, 9)
        assert {p.unit_name for p in people} == {"Thôn Đông"} and len(people) == 2
    else:
        assert registry.count_people(PersonQuery(active=None)) == 0
        assert registry.units() == []
