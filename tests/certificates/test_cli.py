"""`emulation-desktop certificates` and `calibration-page`, run as a user runs them: a separate
process, its exit code, its messages and the PDF it leaves (or does not leave)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import cli_runner
import pytest
from pypdf import PdfReader

from .conftest import CSTD, GDVH, LDTT, SUDDEN, Demo
from .pdf_checks import flat, page_sizes_mm, page_texts, text_pieces


def _copy(demo_db_file: Path, tmp_path: Path) -> Path:
    db = tmp_path / "xa.db"
    shutil.copy2(demo_db_file, db)
    return db


def _failure(proc, *fragments: str) -> None:  # type: ignore[no-untyped-def]
    assert proc.returncode == 1, proc
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: "), proc.stderr
    for words in fragments:
        assert words in lines[0]


def test_a_decisions_certificates_to_pdf(demo: Demo, demo_db_file: Path, tmp_path: Path) -> None:
    db = _copy(demo_db_file, tmp_path)
    out = tmp_path / "giay khen 121.pdf"
    proc = cli_runner.run_cli("certificates", "--db", db, "--decision", demo.decision(SUDDEN),
                              "--out", out)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"Đã tạo 3 giấy khen: {out}"
    texts = [flat(t) for t in page_texts(out)]
    assert len(texts) == 3
    assert "Tập thể Công an xã" in texts[0] and "GIẤY KHEN" in texts[0]
    assert "Bà Đỗ Giang" in texts[1] and "Ông Đỗ Văn Hòa" in texts[2]
    assert page_sizes_mm(out) == [pytest.approx((297, 210), abs=0.1)] * 3


def test_list_order_overlay_and_every_title(demo: Demo, demo_db_file: Path, tmp_path: Path) -> None:
    db = _copy(demo_db_file, tmp_path)
    out = tmp_path / "gdvh.pdf"
    decision = demo.decision(GDVH)
    proc = cli_runner.run_cli("certificates", "--db", db, "--decision", decision, "--out", out,
                              "--mode", "overlay", "--order", "list", "--all-titles")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    households = len(demo.services.certificates.batch(decision, all_titles=True).rows)
    assert proc.stdout.strip() == f"Đã tạo {households} giấy chứng nhận: {out}"
    first = flat(page_texts(out)[0])
    assert first.startswith(("Hộ gia đình ông", "Hộ gia đình bà", "CHỦ TỊCH"))
    assert "GIẤY CHỨNG NHẬN" not in first  # pre-printed on the blank


def test_a_missing_database_or_an_unknown_decision_is_refused(
    demo: Demo, demo_db_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "gk.pdf"
    missing = tmp_path / "khong-co.db"
    proc = cli_runner.run_cli("certificates", "--db", missing, "--decision", "1", "--out", out)
    _failure(proc, "Không tìm thấy tệp cơ sở dữ liệu", "khong-co.db")
    assert not missing.exists() and not out.exists()
    db = _copy(demo_db_file, tmp_path)
    proc = cli_runner.run_cli("certificates", "--db", db, "--decision", "99999", "--out", out)
    _failure(proc, "Không có quyết định «99999» của xã", f"{SUDDEN} ngày 14/08/2026 (mã ")
    proc = cli_runner.run_cli("certificates", "--db", db, "--decision", "/tmp", "--out", out)
    _failure(proc, "Không có quyết định «/tmp» của xã")
    proc = cli_runner.run_cli("certificates", "--db", db, "--decision", demo.decision(LDTT),
                              "--out", out)  # fmt: skip
    _failure(proc, "không có giấy khen, giấy chứng nhận nào để in")
    proc = cli_runner.run_cli("certificates", "--db", db, "--decision", demo.decision(SUDDEN),
                              "--out", tmp_path / "gk.docx")  # fmt: skip
    _failure(proc, "phải có đuôi .pdf")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".db") in (
        [], ["user-data"], ["xa.db.lock"], ["user-data", "xa.db.lock"])  # fmt: skip


def test_a_decision_is_named_as_printed_and_a_number_that_is_also_an_id_is_refused(
    demo: Demo, demo_db_file: Path, tmp_path: Path
) -> None:
    db = _copy(demo_db_file, tmp_path)
    out = tmp_path / "gk.pdf"
    for typed in (SUDDEN, "121/qđ-ubnd", "121"):
        proc = cli_runner.run_cli("certificates", "--db", db, "--decision", typed, "--out", out)
        assert proc.returncode == 0 and proc.stdout.startswith("Đã tạo 3 giấy khen"), proc
    other = demo.decision(CSTD)
    # Decision 121 renumbered with another decision's id: which one does "11" mean?
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE decision SET number = ? WHERE number = ?", (f"{other}/QĐ-UBND",
                                                                         SUDDEN))  # fmt: skip
    out.unlink()
    proc = cli_runner.run_cli("certificates", "--db", db, "--decision", str(other), "--out", out)
    _failure(proc, f"«{other}» có thể là 2 quyết định", f"{CSTD} ngày 20/12/2025 (mã {other})")
    assert not out.exists()


def test_a_named_printers_offset_moves_the_text_and_no_printer_moves_nothing(
    demo: Demo, demo_db_file: Path, tmp_path: Path
) -> None:
    from emulation_desktop.app import open_context
    from emulation_desktop.services.certificates import Offset

    db = _copy(demo_db_file, tmp_path)
    with open_context(db) as ctx:
        ctx.services.certificates.save_calibration("HP LaserJet", Offset(10.0, 0.0))
        ctx.services.certificates.save_calibration("", Offset(-5.0, 0.0))  # the default printer

    def first_name_x(*extra: str) -> float:
        out = tmp_path / f"gk{len(extra)}.pdf"
        proc = cli_runner.run_cli("certificates", "--db", db, "--decision", SUDDEN, "--out", out,
                                  "--mode", "overlay", *extra)  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        return next(p.x for p in text_pieces(out) if p.text == "Tập thể Công an xã")

    plain, shifted = first_name_x(), first_name_x("--printer", "HP LaserJet")
    assert shifted - plain == pytest.approx(10 * 72 / 25.4, abs=0.05)
    proc = cli_runner.run_cli("certificates", "--db", db, "--decision", SUDDEN, "--out",
                              tmp_path / "x.pdf", "--printer", "Epson")  # fmt: skip
    _failure(proc, "Máy in «Epson» chưa được căn chỉnh")
    assert not (tmp_path / "x.pdf").exists()


def test_the_calibration_page_on_a4_and_on_a_custom_paper(tmp_path: Path) -> None:
    a4 = tmp_path / "can-chinh.pdf"
    proc = cli_runner.run_cli("calibration-page", "--out", a4)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"Đã tạo trang căn chỉnh khổ 297 × 210 mm: {a4}"
    custom = tmp_path / "phoi-to.pdf"
    proc = cli_runner.run_cli("calibration-page", "--out", custom, "--paper", "400x300")
    assert proc.returncode == 0, proc.stderr
    assert len(PdfReader(custom).pages) == 1
    assert page_sizes_mm(custom) == [pytest.approx((400, 300), abs=0.1)]
    proc = cli_runner.run_cli("calibration-page", "--out", tmp_path / "x.pdf", "--paper", "khổ")
    assert proc.returncode == 2 and "Lỗi tham số" in proc.stderr and "khổ giấy" in proc.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_the_help_lists_both_commands() -> None:
    proc = cli_runner.run_cli("--help")
    assert "certificates" in proc.stdout and "calibration-page" in proc.stdout
    proc = cli_runner.run_cli("certificates", "--help")
    for option in ("--decision", "--mode", "--order", "--all-titles"):
        assert option in proc.stdout
    assert "chưa có" not in proc.stdout
