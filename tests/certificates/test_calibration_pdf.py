"""The calibration page: the paper's size, a millimetre grid numbered from the corner, the two
crosses and the instructions a person reads to measure the printer's offset."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from emulation_desktop.documents.certificates import write_calibration_pdf
from emulation_desktop.documents.certificates.calibration import CROSS_MM, instructions
from emulation_desktop.domain.certificate_layout import A3_LANDSCAPE, A4_LANDSCAPE, Paper
from emulation_desktop.domain.errors import UserError
from tests.certificates.pdf_checks import (
    PT_PER_MM,
    flat,
    ink_share,
    is_nfc,
    metadata,
    page_sizes_mm,
    page_texts,
    render_png,
    text_pieces,
)


@pytest.mark.parametrize("paper", [A4_LANDSCAPE, A3_LANDSCAPE, Paper("Tùy chỉnh", 180.5, 120)])
def test_the_page_is_the_paper_with_numbered_marks(tmp_path: Path, paper: Paper) -> None:
    out = tmp_path / "canh-chinh.pdf"
    write_calibration_pdf(out, paper)
    ((w, h),) = page_sizes_mm(out)
    assert w == pytest.approx(paper.width_mm, abs=0.5)
    assert h == pytest.approx(paper.height_mm, abs=0.5)
    pieces = text_pieces(out)
    numbers = {p.text for p in pieces if p.text.isdigit()}
    expected = {str(i) for i in range(10, int(paper.width_mm) - 2, 10)}
    assert expected <= numbers
    # Every number lies on its own millimetre from the paper's corner.
    page_height = paper.height_mm * PT_PER_MM
    top = [p for p in pieces if p.text.isdigit() and p.y > page_height - 10 * PT_PER_MM]
    for p in top:
        centre_mm = (p.x + 0.5 * _digits_width(p.text, p.size)) / PT_PER_MM
        assert centre_mm == pytest.approx(int(p.text), abs=0.6)
    left = [p for p in pieces if p.text.isdigit() and p.x < 10 * PT_PER_MM and p not in top]
    assert {p.text for p in left} >= {str(i) for i in range(20, int(paper.height_mm) - 2, 10)}
    text = page_texts(out)[0]
    assert is_nfc(text)
    assert "TRANG CĂN CHỈNH MÁY IN" in text
    assert f"X {CROSS_MM:g} mm; Y {CROSS_MM:g} mm" in text
    assert "Độ lệch X" in flat(text) and "nhập −2" in flat(text)
    assert metadata(out)["/Title"] == f"Trang căn chỉnh máy in – {paper.name}"


def _digits_width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from emulation_desktop.documents.fonts import register_serif

    register_serif()
    return stringWidth(text, "TNR", size)


def test_the_instructions_name_the_paper_and_the_sign_of_the_offset() -> None:
    lines = instructions(A3_LANDSCAPE)
    assert "A3 ngang 420 × 297 mm" in lines[1]
    assert any("20 trừ số đo từ mép trái" in line for line in lines)
    assert any("không chọn «Vừa khổ giấy»" in line for line in lines)


def test_the_page_shows_a_grid_and_can_be_looked_at(tmp_path: Path) -> None:
    out = tmp_path / "grid.pdf"
    write_calibration_pdf(out, A4_LANDSCAPE)
    png = render_png(out, tmp_path / "png")
    assert png.stat().st_size > 1000
    assert ink_share(out) > 0.05  # the grid covers the page


def test_small_paper_still_gets_a_page_with_its_title(tmp_path: Path) -> None:
    out = tmp_path / "small.pdf"
    write_calibration_pdf(out, Paper("Tùy chỉnh", 60, 50))
    text = flat(page_texts(out)[0])
    assert "TRANG CĂN CHỈNH MÁY IN" in text and "X 20 mm; Y 20 mm" in text


def test_writes_to_a_stream_and_refuses_a_missing_folder(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    write_calibration_pdf(buffer, A4_LANDSCAPE)
    buffer.seek(0)
    assert len(PdfReader(buffer).pages) == 1
    with pytest.raises(UserError, match="Không ghi được trang căn chỉnh"):
        write_calibration_pdf(tmp_path / "khong-co" / "x.pdf", A4_LANDSCAPE)
