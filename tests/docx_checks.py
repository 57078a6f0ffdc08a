"""Reopen a generated .docx and check it the way a provincial officer would (NĐ 30/2020):
paper, margins, Times New Roman in every font slot of every run, the header texts, the number
and date line, the signature and Nơi nhận. Kind tests call `check_nd30` first, then check their
data with `texts`, `grid_rows` and friends."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm

FONT = "Times New Roman"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
# Phụ lục III writes the tờ trình "TTr": a capital, then letters of either case.
NUMBER = re.compile(
    r"^Số: (\d{2,}/[A-ZĐ][A-Za-zĐ]*(-[A-ZĐ]+)+|\s+/[A-ZĐ][A-Za-zĐ]*(-[A-ZĐ]+)+)$"
)
DATE_LINE = re.compile(
    r"^[^\W\d_][\w ]*, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$"
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Opened:
    doc: Document
    header_cells: tuple[str, str, str, str]  # issuer, quốc hiệu block, số, date line

    @property
    def number(self) -> str:
        return self.header_cells[2]

    @property
    def date_line(self) -> str:
        return self.header_cells[3]


def check_nd30(path: Path, *, header: bool = True) -> Opened:
    """The layout rules every document of the app keeps; returns the reopened document."""
    doc = docx.Document(str(path))
    for section in doc.sections:
        w, h = round(section.page_width / Mm(1)), round(section.page_height / Mm(1))
        assert {w, h} == {210, 297}, f"not A4: {w}×{h} mm"
        assert 20 <= round(section.top_margin / Mm(1)) <= 25
        assert 20 <= round(section.bottom_margin / Mm(1)) <= 25
        assert 30 <= round(section.left_margin / Mm(1)) <= 35
        assert 15 <= round(section.right_margin / Mm(1)) <= 20
    first = doc.sections[0]
    assert first.different_first_page_header_footer, "page 1 must not show its number"
    assert first.header._element.findall(f".//{W}fldSimple"), "no page number from page 2"
    check_fonts(doc)
    check_nfc(doc)
    if not header:
        return Opened(doc, ("", "", "", ""))
    table = doc.tables[0]
    issuer = "\n".join(p.text for p in table.rows[0].cells[0].paragraphs if p.text)
    national = "\n".join(p.text for p in table.rows[0].cells[1].paragraphs if p.text)
    assert national.splitlines()[:2] == [QUOC_HIEU, TIEU_NGU], national
    assert "ỦY BAN NHÂN DÂN" in issuer or "UBND" in issuer, issuer
    number = table.rows[1].cells[0].text.strip("\n")
    date_para = [p for p in table.rows[1].cells[1].paragraphs if p.text]
    date_line = date_para[0].text if date_para else ""
    if number:
        assert NUMBER.match(number), f"bad number line: {number!r}"
    if date_line:
        assert DATE_LINE.match(date_line), f"bad date line: {date_line!r}"
        assert all(r.italic for r in date_para[0].runs if r.text), "the date line is italic"
    _check_rules(table)
    _check_header_looks(table)
    _check_body_looks(doc)
    return Opened(doc, (issuer, national, number, date_line))


def _looks(paragraph) -> set[tuple[bool, float]]:  # type: ignore[no-untyped-def]
    return {(bool(r.bold), r.font.size.pt) for r in paragraph.runs if r.text}


def _check_header_looks(table) -> None:  # type: ignore[no-untyped-def]
    """Quốc hiệu bold 13, Tiêu ngữ bold 14, the issuing body bold 13 (a parent body above it
    may be upright), Số 13 (NĐ 30 Phụ lục I)."""
    national = [p for p in table.rows[0].cells[1].paragraphs if p.text]
    assert _looks(national[0]) == {(True, 13)}, "Quốc hiệu: bold 13"
    assert _looks(national[1]) == {(True, 14)}, "Tiêu ngữ: bold 14"
    issuer = [p for p in table.rows[0].cells[0].paragraphs if p.text]
    assert _looks(issuer[-1]) == {(True, 13)}, "issuing body: bold 13"
    assert all(p.text == p.text.upper() for p in issuer), "issuing body in capitals"
    number = [p for p in table.rows[1].cells[0].paragraphs if p.text]
    assert all(_looks(p) == {(False, 13)} for p in number), "Số: 13, upright"


def _check_body_looks(doc: Document) -> None:
    """Body paragraphs (those with a first-line indent) are justified, 13–14 pt."""
    body = [p for p in doc.paragraphs if p.text and p.paragraph_format.first_line_indent]
    assert body, "no body paragraph"
    for p in body:
        assert p.alignment == 3, f"not justified: {p.text[:40]!r}"  # WD_ALIGN_PARAGRAPH.JUSTIFY
        indent_mm = p.paragraph_format.first_line_indent / Mm(1)
        assert 9.9 <= indent_mm <= 12.8, f"first-line indent {indent_mm:.1f} mm"
        assert {size for _b, size in _looks(p)} <= {13, 14}, p.text[:40]



def _check_rules(table) -> None:  # type: ignore[no-untyped-def]
    """One solid rule under the issuing body, one under the Tiêu ngữ."""
    for cell in table.rows[0].cells:
        borders = cell._tc.findall(f".//{W}pBdr/{W}bottom")
        assert len(borders) == 1 and borders[0].get(f"{W}val") == "single"


def runs(doc: Document):  # type: ignore[no-untyped-def]
    """Every run of the body, the tables and the page headers."""
    parts = [doc.element.body] + [s.header._element for s in doc.sections]
    for part in parts:
        yield from part.iter(f"{W}r")


def check_fonts(doc: Document) -> None:
    """Times New Roman in the ascii, hAnsi, cs and eastAsia slots of every run with text, and
    no theme font anywhere (theme attributes win over names)."""
    for r in runs(doc):
        if not "".join(t.text or "" for t in r.iter(f"{W}t")):
            continue
        rf = r.find(f"{W}rPr/{W}rFonts")
        assert rf is not None, f"run without fonts: {_run_text(r)!r}"
        for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert rf.get(f"{W}{slot}") == FONT, f"{slot} of {_run_text(r)!r}"
        assert not any("Theme" in k for k in rf.attrib), _run_text(r)
    styles = doc.styles.element
    default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert default.find(qn("w:rFonts")).get(qn("w:ascii")) == FONT


def check_nfc(doc: Document) -> None:
    for t in doc.element.body.iter(f"{W}t"):
        text = t.text or ""
        assert unicodedata.normalize("NFC", text) == text, f"not NFC: {text!r}"


def _run_text(r) -> str:  # type: ignore[no-untyped-def]
    return "".join(t.text or "" for t in r.iter(f"{W}t"))


def texts(doc: Document) -> list[str]:
    """Every paragraph's text in reading order, table cells included (header table first)."""
    out = []
    for p in doc.element.body.iter(f"{W}p"):
        text = "".join(
            (t.text or "") if t.tag == f"{W}t" else "\n"
            for t in p.iter(f"{W}t", f"{W}br")
        )
        if text:
            out.append(text)
    return out


def paragraph_with(doc: Document, start: str):  # type: ignore[no-untyped-def]
    for p in doc.paragraphs:
        if p.text.startswith(start):
            return p
    raise AssertionError(f"no paragraph starts with {start!r}")


def grid_rows(doc: Document, index: int = -1) -> list[list[str]]:
    """The rows of a bordered list (default: the last table with grid borders)."""
    grids = [t for t in doc.tables if _bordered(t)]
    table = grids[index]
    rows = []
    for tr in table._tbl.iter(f"{W}tr"):
        rows.append(["".join(
            (t.text or "") if t.tag == f"{W}t" else "\n" for t in tc.iter(f"{W}t", f"{W}br")
        ) for tc in tr.iter(f"{W}tc")])  # fmt: skip
    return rows


def _bordered(table) -> bool:  # type: ignore[no-untyped-def]
    b = table._tbl.tblPr.find(qn("w:tblBorders"))
    return b is not None and b.find(qn("w:insideH")).get(qn("w:val")) == "single"


def closing(doc: Document, recipients: bool = True) -> tuple[list[str], list[str]]:
    """The last layout table: (Nơi nhận lines, signature lines). Nơi nhận: label 12 pt bold
    italic, items 11 pt, the last "- Lưu: VT…."; the signature's lines bold."""
    table = [t for t in doc.tables if not _bordered(t)][-1]
    left, right = table.rows[0].cells
    sig = [p for p in right.paragraphs]
    sign_lines = [p.text for p in sig]
    for p in sig:
        for r in p.runs:
            if r.text:
                assert r.bold, f"signature text not bold: {r.text!r}"
    nn = [p for p in left.paragraphs if p.text]
    if recipients:
        assert nn[0].text == "Nơi nhận:"
        label = nn[0].runs[0]
        assert label.bold and label.italic and label.font.size.pt == 12
        for p in nn[1:]:
            assert p.text.startswith("- "), p.text
            assert all(r.font.size.pt == 11 for r in p.runs if r.text)
        assert nn[-1].text.startswith("- Lưu") and nn[-1].text.endswith("."), nn[-1].text
        for p in nn[1:-1]:
            assert p.text.endswith(";"), p.text
    return [p.text for p in nn], sign_lines


def render_png(path: Path, out_dir: Path) -> list[Path]:
    """The document as PNG pages through LibreOffice (skipped where it is not installed), for a
    person to look at; also proves the file opens in another word processor."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office or not shutil.which("pdftoppm"):
        pytest.skip("LibreOffice hoặc pdftoppm chưa được cài: bỏ qua bước xem trang")
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    subprocess.run(
        [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = out_dir / (path.stem + ".pdf")
    assert pdf.exists(), "LibreOffice could not open the document"
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(pdf), str(out_dir / path.stem)],
        check=True, timeout=120,
    )  # fmt: skip
    pages = sorted(out_dir.glob(f"{path.stem}*.png"))
    assert pages
    return pages
