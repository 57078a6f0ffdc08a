"""Excel import end to end: a real .xlsx in, the registry reread, all-or-nothing on errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from emulation_desktop.domain.enums import Gender, PersonKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.import_fields import ImportKind
from emulation_desktop.domain.registry_views import HouseholdQuery, PersonQuery
from tests.cli_runner import run_cli

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị", "Số CCCD"]


def write_xlsx(path: Path, rows: list[list[object]], title: bool = True) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    if title:
        ws.append(["UBND XÃ CÁT THÀNH"])
        ws.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2026"])
        ws.append([])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def people_file(tmp_path: Path, extra: list[list[object]] | None = None) -> Path:
    rows = [
        HEADER,
        [1, "Nguyễn Văn An", dt.datetime(1980, 5, 2), "Nam", "Chủ tịch UBND", "Văn phòng", ""],
        [2, "TRẦN THỊ BÌNH", "12/03/1990", "nữ", "Kế toán", "Văn phòng", "036190001234"],
        [3, "Lê Văn Cường", 1975, "NAM", "Trưởng thôn", "Thôn Đông", None],
        *(extra or []),
    ]
    return write_xlsx(tmp_path / "danh sach.xlsx", rows)


@pytest.fixture
def imports(context):  # type: ignore[no-untyped-def]
    service = context.services.imports
    service._today = lambda: dt.date(2026, 11, 24)
    return service


def _import(imports, path: Path, only_valid: bool = False):  # type: ignore[no-untyped-def]
    source = imports.open(path)
    preview = imports.preview(source, imports.plan(source))
    return preview, imports.commit(preview, only_valid)


def test_people_import_creates_people_and_the_units_named_in_the_file(
    context, imports, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    preview, summary = _import(imports, people_file(tmp_path))
    assert preview.plan.kind is ImportKind.PEOPLE and preview.plan.header_row == 3
    assert summary.created == 3
    assert sorted(summary.new_units) == ["Thôn Đông", "Văn phòng"]
    people = context.services.registry.people_page(PersonQuery(), 0, 99)
    by_name = {p.full_name: p for p in people}
    assert set(by_name) == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}
    assert by_name["Trần Thị Bình"].birth_date == dt.date(1990, 3, 12)
    assert by_name["Trần Thị Bình"].gender is Gender.FEMALE
    assert by_name["Trần Thị Bình"].cccd == "036190001234"
    assert by_name["Lê Văn Cường"].birth == "1975"
    assert by_name["Nguyễn Văn An"].unit_name == "Văn phòng"


def test_a_row_with_errors_stops_the_whole_import_with_row_numbers(
    context, imports, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bad_rows: list[list[object]] = [
        [4, "Phạm Thị Dung", "31/02/1985", "x", "", "Thôn Đông", ""],
        [5, "Vũ Văn Em", "01/01/2030", "Nam", "", "Thôn Đông", "123"],
    ]
    path = people_file(tmp_path, bad_rows)
    source = imports.open(path)
    preview = imports.preview(source, imports.plan(source))
    assert preview.invalid_rows == (8, 9)  # Excel rows: 3 title lines, the header, 4 good rows
    messages = " ".join(i.message for i in preview.parse.issues)
    assert "tương lai" in messages and "CCCD" in messages
    with pytest.raises(UserError, match="2 dòng lỗi nên chưa nhập gì"):
        imports.commit(preview)
    assert context.services.registry.count_people(PersonQuery(active=None)) == 0
    assert context.services.registry.units() == []
    summary = imports.commit(preview, only_valid=True)
    assert summary.created == 3 and summary.skipped_invalid == 2


def test_a_staff_list_with_recruitment_dates_feeds_the_months_worked(
    context, imports, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    header = ["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Đối tượng", "Ngày bắt đầu công tác"]
    rows: list[list[object]] = [
        header,
        [1, "Vũ Thị Hồng", "12/10/1995", "Trường Mầm non", "Viên chức", dt.datetime(2019, 8, 15)],
        [2, "Lê Văn Hải", 1998, "Trường Mầm non", "Viên chức", "01/06/2026"],
        [3, "Đỗ Thị Mai", 1990, "Trường Mầm non", "Viên chức", "06/2020"],
    ]
    source = imports.open(write_xlsx(tmp_path / "can bo.xlsx", rows))
    preview = imports.preview(source, imports.plan(source))
    assert preview.plan.mapping["work_start"] == 5
    shown = {r.values[0]: r for r in preview.rows}
    assert shown["Vũ Thị Hồng"].values[6] == "15/08/2019"  # the preview has the column
    assert preview.invalid_rows == (7,)
    assert "«06/2020» chưa đủ ngày" in shown["Đỗ Thị Mai"].note
    summary = imports.commit(preview, only_valid=True)
    assert summary.created == 2
    people = context.services.registry.people_page(PersonQuery(), 0, 9)
    assert {p.full_name: p.work_start for p in people} == {
        "Vũ Thị Hồng": dt.date(2019, 8, 15),
        "Lê Văn Hải": dt.date(2026, 6, 1),
    }


def test_importing_the_same_list_twice_adds_nobody(context, imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = people_file(tmp_path)
    _import(imports, path)
    source = imports.open(path)
    preview = imports.preview(source, imports.plan(source))
    assert len(preview.warnings) >= 3 and preview.to_write == 0
    with pytest.raises(UserError, match="Không có dòng nào để nhập"):
        imports.commit(preview)
    assert context.services.registry.count_people(PersonQuery()) == 3


def test_a_cccd_already_in_the_database_is_a_row_error(context, imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _import(imports, people_file(tmp_path))
    other = write_xlsx(tmp_path / "b.xlsx", [HEADER, [1, "Đỗ Thị Hoa", "", "Nữ", "", "Thôn Đông",
                                                         "036190001234"]])  # fmt: skip
    source = imports.open(other)
    preview = imports.preview(source, imports.plan(source))
    assert [i.message for i in preview.parse.issues] == [
        "Số CCCD 036190001234 đã có ở «Trần Thị Bình»."
    ]


def test_legacy_tcvn3_names_are_converted(context, imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [HEADER] + [
        [i, name, 1980 + i, "Nam", "", "Th«n §«ng", ""]
        for i, name in enumerate(["NguyÔn V¨n An", "TrÇn V¨n B×nh", "Lª V¨n C­êng"], start=1)
    ]
    preview, summary = _import(imports, write_xlsx(tmp_path / "cu.xlsx", rows))
    assert summary.created == 3
    names = {p.full_name for p in context.services.registry.people_page(PersonQuery(), 0, 9)}
    assert names == {"Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường"}
    assert summary.new_units == ("Thôn Đông",)
    assert set(preview.parse.legacy.values()) == {"tcvn3"}


def test_households_import_finds_or_creates_the_head(context, imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _import(imports, people_file(tmp_path))
    rows = [["STT", "Họ tên chủ hộ", "Năm sinh", "Địa chỉ", "Thôn, tổ dân phố"],
            [1, "Lê Văn Cường", 1975, "Xóm 1", "Thôn Đông"],
            [2, "Hoàng Thị Gấm", 1968, "Xóm 2", "Thôn Đông"]]  # fmt: skip
    preview, summary = _import(imports, write_xlsx(tmp_path / "ho.xlsx", rows, title=False))
    assert preview.plan.kind is ImportKind.HOUSEHOLDS
    assert summary.created == 2 and summary.people_created_for_households == 1
    homes = context.services.registry.households_page(HouseholdQuery(), 0, 9)
    assert [h.head_name for h in homes] == ["Lê Văn Cường", "Hoàng Thị Gấm"]
    gam = context.services.registry.possible_duplicates("Hoàng Thị Gấm", None, 1968)
    assert gam[0].gender is Gender.FEMALE and gam[0].kind is PersonKind.NHAN_DAN


def test_units_import_builds_the_tree(context, imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [["Tên đơn vị", "Loại đơn vị", "Trực thuộc"],
            ["Trường Tiểu học Cát Thành", "", "Khối trường học"],
            ["Khối trường học", "", ""], ["Tổ dân phố số 1", "", ""]]  # fmt: skip
    _preview, summary = _import(imports, write_xlsx(tmp_path / "dv.xlsx", rows, title=False))
    assert summary.created == 3
    units = {u.name: u for u in context.services.registry.units()}
    assert units["Trường Tiểu học Cát Thành"].path == "Khối trường học › Trường Tiểu học Cát Thành"


def test_cli_import_prints_row_errors_and_writes_nothing(tmp_path: Path) -> None:
    path = people_file(tmp_path, [[4, "Phạm Thị Dung", "31/02/1985", "Nữ", "", "Thôn Đông", ""]])
    db = tmp_path / "xa.db"
    run = run_cli("import", path, "--db", db)
    assert run.returncode == 1
    assert "Dòng 8" in run.stdout and "chưa nhập gì" in run.stderr
    out = tmp_path / "p.xlsx"
    assert run_cli("export", "people", "--db", db, "--out", out).returncode == 0
    assert "0 dòng" in run_cli("export", "people", "--db", db, "--out", out).stdout
    ok = run_cli("import", path, "--db", db, "--only-valid")
    assert ok.returncode == 0 and "Đã nhập 3 cá nhân" in ok.stdout, ok.stderr


def test_cli_import_refuses_a_file_that_is_not_excel(tmp_path: Path) -> None:
    bad = tmp_path / "a.xlsx"
    bad.write_text("Họ và tên;Ngày sinh\n", encoding="utf-8")
    run = run_cli("import", bad, "--db", tmp_path / "xa.db")
    assert run.returncode == 1 and run.stderr.startswith("Lỗi: ")
    assert len(run.stderr.strip().splitlines()) == 1
