"""Reopen a certificate PDF the way a person would look at it: its pages and their sizes, the
text a reader extracts (and where each piece lies), and a picture of a page.

Also the sheets the tests print: `Certificate` objects built directly, no database needed.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from emulation_desktop.domain.certificates import (
    Certificate,
    CertificateKind,
    Recipient,
    achievement_line,
)
from emulation_desktop.domain.enums import Gender, SubjectKind

PT_PER_MM = 72.0 / 25.4
ISSUER = "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CÁT THÀNH"
DECISION = "Quyết định số 166/QĐ-UBND ngày 20/11/2026"
PLACE_DATE = "Cát Thành, ngày 20 tháng 11 năm 2026"


def sheet(
    award_id: int,
    kind: CertificateKind = CertificateKind.GIAY_KHEN_PERSON,
    name: str = "Nguyễn Văn An",
    *,
    gender: Gender | None = Gender.MALE,
    position: str = "Giáo viên, Trường THCS Cát Thành",
    achievement: str = "hoàn thành xuất sắc nhiệm vụ năm học 2025–2026",
    award_name: str = "Giấy khen",
) -> Certificate:
    subject = {
        CertificateKind.GIAY_KHEN_UNIT: SubjectKind.UNIT,
        CertificateKind.GIAY_KHEN_HOUSEHOLD: SubjectKind.HOUSEHOLD,
    }.get(kind, SubjectKind.PERSON)
    if subject is SubjectKind.UNIT:
        gender = None
    return Certificate(
        award_id=award_id,
        kind=kind,
        number=award_id,
        recipient=Recipient(subject, name, gender, position),
        award_name=award_name,
        issuer=ISSUER,
        achievement=achievement_line(kind, achievement, award_name, "năm 2026"),
        decision=DECISION,
        register_number=f"{award_id}/2026",
        place_date=PLACE_DATE,
        signer_title=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        signer_name="Nguyễn Văn Hùng",
    )


def four_kinds() -> list[Certificate]:
    """One sheet of each kind, with realistic words."""
    return [
        sheet(1),
        sheet(2, CertificateKind.GIAY_KHEN_UNIT, "Tổ dân phố số 3", position="Xã Cát Thành",
              achievement="xuất sắc trong phong trào “Toàn dân đoàn kết xây dựng đời sống "
                          "văn hóa”"),
        sheet(3, CertificateKind.GIAY_KHEN_HOUSEHOLD, "Lê Thị Hoa", gender=Gender.FEMALE,
              position="Thôn Chánh Thạnh, xã Cát Thành",
              achievement="tiêu biểu trong phát triển kinh tế gia đình"),
        sheet(4, CertificateKind.CERTIFICATE, "Trần Thị Bích Ngọc", gender=Gender.FEMALE,
              position="Công chức Văn phòng - Thống kê, UBND xã Cát Thành",
              award_name="Chiến sĩ thi đua cơ sở"),
    ]  # fmt: skip


def long_text(length: int, seed: str = "Nguyễn Thị Phương Thảo Hoàng Đức Trọng ") -> str:
    """Real words repeated to `length` characters, cut at a word boundary."""
    words = (seed * (length // len(seed) + 2)).split()
    out = ""
    for w in words:
        if len(out) + len(w) + 1 > length:
            break
        out = f"{out} {w}".strip()
    return out.ljust(length, "a")[:length]


# Reading the PDF ------------------------------------------------------------------------------


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """Extracted text with lines joined by single spaces (a wrapped name becomes one string)."""
    return " ".join(text.split())


def page_sizes_mm(path: Path) -> list[tuple[float, float]]:
    return [
        (float(p.mediabox.width) / PT_PER_MM, float(p.mediabox.height) / PT_PER_MM)
        for p in PdfReader(path).pages
    ]


@dataclass(frozen=True)
class Piece:
    text: str
    x: float  # points from the page's bottom-left, after every transformation
    y: float
    size: float


def text_pieces(path: Path, page: int = 0) -> list[Piece]:
    """Every text run a reader finds on `page`, with where it starts (pypdf's visitor)."""
    out: list[Piece] = []

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if not text.strip():
            return
        # The user space point (tm[4], tm[5]) through the current matrix.
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        out.append(Piece(text.strip(), x, y, size * tm[0]))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return out


def metadata(path: Path) -> dict[str, str]:
    meta = PdfReader(path).metadata or {}
    return {k: str(v) for k, v in meta.items()}


def is_nfc(text: str) -> bool:
    return unicodedata.normalize("NFC", text) == text


# Pictures -------------------------------------------------------------------------------------


def _need_pdftoppm() -> str:
    tool = shutil.which("pdftoppm")
    if not tool:
        pytest.skip("pdftoppm (poppler-utils) chưa được cài: bỏ qua bước xem trang")
    return tool


def render_png(path: Path, out_dir: Path, page: int = 1, dpi: int = 60) -> Path:
    """One page as a PNG for a person to look at (skipped where pdftoppm is missing)."""
    tool = _need_pdftoppm()
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = out_dir / f"{path.stem}-p{page}"
    subprocess.run([tool, "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l",
                    str(page), str(path), str(stem)], check=True, timeout=120)  # fmt: skip
    png = stem.with_suffix(".png")
    assert png.exists() and png.stat().st_size > 0
    return png


def grey_pixels(path: Path, page: int = 1, dpi: int = 30) -> tuple[int, int, bytes]:
    """(width, height, one byte per pixel, 0 black to 255 white) of a rendered page."""
    tool = _need_pdftoppm()
    raw = subprocess.run([tool, "-r", str(dpi), "-gray", "-singlefile", "-f", str(page), "-l",
                          str(page), str(path)], check=True, capture_output=True,
                         timeout=120).stdout  # fmt: skip
    # Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    head = raw.split(b"\n", 3)
    assert head[0] == b"P5"
    width, height = (int(v) for v in head[1].split())
    return width, height, head[3][: width * height]


def ink_share(path: Path, page: int = 1, dpi: int = 30) -> float:
    """The share of a page's pixels that are not white (0 for a blank page)."""
    width, height, pixels = grey_pixels(path, page, dpi)
    return sum(1 for b in pixels if b < 200) / (width * height)


def first_ink(path: Path, page: int = 1, dpi: int = 100) -> tuple[int, int]:
    """(column, row) of the first inked pixel on the middle row and on the middle column: the
    border's left and top edges on a full-mode page."""
    width, height, px = grey_pixels(path, page, dpi)
    row = px[(height // 2) * width : (height // 2 + 1) * width]
    column = px[width // 2 :: width]
    return (
        next(i for i, b in enumerate(row) if b < 200),
        next(i for i, b in enumerate(column) if b < 200),
    )
