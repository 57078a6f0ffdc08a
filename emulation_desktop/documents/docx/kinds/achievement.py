"""Báo cáo thành tích of a person, a collective or a household (TT 20/2025/TT-BNV pattern):
the reporting unit in the header, I. the particulars, II. the achievements, III. the awards
already received, the signatures and the commune's confirmation. A particular the app does not
know is a dotted line to fill by hand."""

from __future__ import annotations

from collections.abc import Sequence

from emulation_desktop.documents.docx import ooxml
from emulation_desktop.documents.docx.builder import (
    BODY_PT,
    FIRST_LINE_INDENT_MM,
    DocxBuilder,
    Signer,
)
from emulation_desktop.documents.docx.measure import text_width_pt
from emulation_desktop.documents.docx.tables import Column
from emulation_desktop.domain.achievement_report import AchievementReport, PastAward, award_rows
from emulation_desktop.domain.decision_documents import SignatureBlock

DOT = "…"
_PT_PER_MM = 72 / 25.4
BLANK_LINES = 3  # under a heading the nominee writes by hand


def build(doc: AchievementReport) -> DocxBuilder:
    b = DocxBuilder()
    b.header(doc.header.issuer_lines, "", doc.header.date_line, parent=doc.parent)
    b.title(doc.header.type_name, doc.header.summary)
    b.heading(doc.about_title)
    for fact in doc.facts:
        _fact(b, fact.label, fact.value)
    b.heading("II. THÀNH TÍCH ĐẠT ĐƯỢC")
    b.heading(f"1. {doc.duties_title}", level=2)
    _blank(b, BLANK_LINES)
    b.heading("2. Thành tích đạt được", level=2)
    if doc.achievement.strip():
        b.paragraph(doc.achievement)
    else:
        _blank(b, BLANK_LINES)
    for line in doc.results:
        b.paragraph(line)
    b.heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    _history(b, "1. Danh hiệu thi đua", "Danh hiệu thi đua", doc.titles)
    _history(b, "2. Hình thức khen thưởng", "Hình thức khen thưởng", doc.forms)
    b.spacer(12)
    b.signatures(_signer(doc.endorser), _signer(doc.reporter))
    if doc.commune.lines:
        b.spacer(18)
        b.closing((), _signer(doc.commune))
    return b


def _signer(block: SignatureBlock) -> Signer:
    """A report is signed by hand: an unknown name leaves the space empty."""
    return Signer(tuple(block.lines), block.name)


def _fact(b: DocxBuilder, label: str, value: str) -> None:
    head = f"- {label}: "
    text = ooxml.clean(value).strip()
    if text:
        b.rich((("", head), ("", text)))
        return
    b.rich((("", head), ("", _dots(b, head))))


def _dots(b: DocxBuilder, head: str) -> str:
    """Dots from after `head` to the end of its line (and a whole line more when too little
    room is left after a long label)."""
    line = b.text_width_mm * _PT_PER_MM
    room = line - FIRST_LINE_INDENT_MM * _PT_PER_MM - text_width_pt(head, BODY_PT)
    dot = text_width_pt(DOT, BODY_PT)
    count = int(room / dot) - 1
    if count < 4:
        count += int(line / dot) - 1
    return DOT * max(count, 1)


def _blank(b: DocxBuilder, lines: int) -> None:
    dot = text_width_pt(DOT, BODY_PT)
    full = DOT * (int(b.text_width_mm * _PT_PER_MM / dot) - 1)
    for _ in range(lines):
        b.paragraph(full, indent=False, align="left")


def _history(b: DocxBuilder, heading: str, what: str, awards: Sequence[PastAward]) -> None:
    b.heading(heading, level=2)
    if not awards:
        b.paragraph("Chưa có.")
        return
    columns = (Column("Năm", 10, "center"), Column(what, 38),
               Column("Số, ngày, tháng, năm của quyết định; cơ quan ban hành", 52))  # fmt: skip
    b.spacer(4)
    b.table(columns, award_rows(awards))
