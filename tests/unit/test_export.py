"""Excel export as the officer gets it: reopened with openpyxl, in the order the screen shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from emulation_desktop.domain.enums import PersonKind
from emulation_desktop.domain.registry_views import PersonQuery, PersonSort
from emulation_desktop.domain.text import name_sort_key
from tests.cli_runner import run_cli


def _table(path: Path) -> tuple[list[str], list[dict[str, object]], list[str]]:
    """Header, rows as dicts, and the lines above the header."""
    ws = openpyxl.load_workbook(path).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r and r[0] == "STT")
    header = [str(c) for c in rows[at]]
    body = [dict(zip(header, r, strict=True)) for r in rows[at + 1 :] if any(r)]
    above = [str(r[0]) for r in rows[:at] if r and r[0]]
    return header, body, above


def test_cli_exports_every_person_in_vietnamese_name_order(tmp_path: Path) -> None:
    db, out = tmp_path / "xa.db", tmp_path / "ca nhân.xlsx"
    assert run_cli("demo", "--db", db).returncode == 0
    run = run_cli("export", "people", "--db", db, "--out", out)
    assert run.returncode == 0, run.stderr
    assert "505 dòng" in run.stdout
    header, rows, above = _table(out)
    assert header[:4] == ["STT", "Họ và tên", "Giới tính", "Ngày sinh"]
    assert above[0] == "DANH SÁCH CÁ NHÂN" and "Xã Cát Thành" in above[1]
    names = [r["Họ và tên"] for r in rows]
    assert len(names) == 505 and names == sorted(names, key=name_sort_key)
    assert [r["STT"] for r in rows[:3]] == [1, 2, 3]
    dated = [r for r in rows if r["Ngày sinh"] is not None]
    assert dated and all(isinstance(r["Ngày sinh"], dt.datetime) for r in dated)
    assert all(r["Năm sinh"] is not None for r in rows if r["Ngày sinh"] is None)
    with_cccd = [r["Số CCCD"] for r in rows if r["Số CCCD"]]
    assert with_cccd and all(isinstance(c, str) and len(c) == 12 for c in with_cccd)
    # Staff have the day they started work (a real date cell), residents none.
    assert header.index("Ngày bắt đầu công tác") == header.index("Đối tượng") + 1
    started = [r for r in rows if r["Đối tượng"] != "Nhân dân"]
    assert started and all(isinstance(r["Ngày bắt đầu công tác"], dt.datetime) for r in started)
    assert all(r["Ngày bắt đầu công tác"] is None for r in rows if r["Đối tượng"] == "Nhân dân")
    assert sum(r["Ngày bắt đầu công tác"].year == 2026 for r in started) == 2  # the newcomers


@pytest.mark.parametrize(
    ("what", "title", "count"),
    [("units", "DANH SÁCH ĐƠN VỊ", 25), ("households", "DANH SÁCH HỘ GIA ĐÌNH", 193)],
)
def test_cli_exports_units_and_households(
    tmp_path: Path, what: str, title: str, count: int
) -> None:
    db, out = tmp_path / "xa.db", tmp_path / f"{what}.xlsx"
    run_cli("demo", "--db", db)
    run = run_cli("export", what, "--db", db, "--out", out)
    assert run.returncode == 0, run.stderr
    _header, rows, above = _table(out)
    assert above[0] == title and len(rows) == count


def test_cli_exports_awards_with_decision_dates(tmp_path: Path) -> None:
    db, out = tmp_path / "xa.db", tmp_path / "khen.xlsx"
    run_cli("demo", "--db", db)
    assert run_cli("export", "awards", "--db", db, "--out", out).returncode == 0
    _header, rows, _above = _table(out)
    assert rows[0]["Năm"] == 2026 and rows[-1]["Năm"] == 2024
    kinds = {r["Đối tượng"] for r in rows}
    assert kinds == {"Cá nhân", "Tập thể", "Hộ gia đình"}
    assert all(isinstance(r["Ngày quyết định"], dt.datetime) for r in rows)
    homes = [
        str(r["Cá nhân, tập thể, hộ gia đình"]) for r in rows if r["Đối tượng"] == "Hộ gia đình"
    ]
    assert homes and all(h.startswith(("Hộ ông ", "Hộ bà ")) for h in homes)


def test_export_of_a_filtered_sorted_list_says_so_and_keeps_that_order(
    demo_context, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    q = PersonQuery(kind=PersonKind.VIEN_CHUC, sort=PersonSort.BIRTH, descending=True)
    out = tmp_path / "vc.xlsx"
    n = demo_context.services.exports.people(out, q)
    _header, rows, above = _table(out)
    expected = [p.full_name for p in demo_context.services.registry.people_page(q, 0, 9999)]
    assert n == len(rows) == len(expected)
    assert [r["Họ và tên"] for r in rows] == expected
    assert "đối tượng viên chức" in above[2] and "ngày sinh (giảm dần)" in above[2]


def test_export_to_a_missing_folder_is_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "xa.db"
    run_cli("demo", "--db", db)
    run = run_cli("export", "people", "--db", db, "--out", tmp_path / "khong-co" / "a.xlsx")
    assert run.returncode == 1
    assert run.stderr.startswith("Lỗi: ") and len(run.stderr.strip().splitlines()) == 1
