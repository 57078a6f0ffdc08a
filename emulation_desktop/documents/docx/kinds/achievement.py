"""Báo cáo thành tích of a person, a collective or a household (TT 20/2025/TT-BNV pattern):
the reporting unit in the header, I. the particulars, II. the achievements, III. the awards
already received, the signatures and the commune's confirmation. A particular the app does not
know is a dotted line to fill by hand."""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

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
from emulation_desktop.domain.text import closed

DOT = "…"
_PT_PER_MM = 72 / 25.4
BLANK_LINES = 3  # under a heading the nominee writes by hand
COMMUNE_GAP_PT = 18  # between the signatures and the commune's confirmation under them


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
    _history(b, "2. Hình thức khen thưởng", "Hình thức khen thưởng", doc.forms, last=True)
    _ending(b, doc.ending)
    _signature_block(b, doc)
    return b


def _ending(b: DocxBuilder, text: str) -> None:
    """The closing sentence and the gap under it, kept with the signatures."""
    if text:
        _keep(b.paragraph(closed(text)))
    b.spacer(12)
    _keep(b.doc.paragraphs[-1])


def _signature_block(b: DocxBuilder, doc: AchievementReport) -> None:
    """One layout table: the two signatures side by side, and the commune's confirmation on a
    second row across both columns. No row splits, and every line of the first row keeps with
    the next, so the block moves to a new page whole, never without the text above it."""
    b.signatures(_signer(doc.endorser), _signer(doc.reporter))
    table = b.doc.tables[-1]
    if doc.commune.lines:
        # Laid out by the builder as a closing block, then moved into the signatures' table.
        b.closing((), _signer(doc.commune))
        source = b.doc.tables[-1]
        lines = source.rows[0].cells[1]._tc.findall(qn("w:p"))
        source._tbl.getparent().remove(source._tbl)
        row = table.add_row()
        ooxml.cant_split(row._tr)
        cell = row.cells[0].merge(row.cells[1])
        for p in cell._tc.findall(qn("w:p")):
            cell._tc.remove(p)
        for p in lines:
            cell._tc.append(p)
        cell.paragraphs[0].paragraph_format.space_before = Pt(COMMUNE_GAP_PT)
        for c in table.rows[0].cells:
            for p in c.paragraphs:
                _keep(p)


def _keep(p: Paragraph) -> None:
    ooxml.keep_with_next(p._p.get_or_add_pPr())


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


def _history(
    b: DocxBuilder, heading: str, what: str, awards: Sequence[PastAward], *, last: bool = False
) -> None:
    """`last`: the end of the body, kept with the closing sentence and the signatures, so
    the page they move to never holds them alone."""
    b.heading(heading, level=2)
    if not awards:
        none = b.paragraph("Chưa có.")
        if last:
            _keep(none)
        return
    columns = (Column("Năm", 10, "center"), Column(what, 38),
               Column("Số, ngày, tháng, năm của quyết định; cơ quan ban hành", 52))  # fmt: skip
    b.spacer(4)
    _keep(b.doc.paragraphs[-1])  # the heading stays with its table
    b.table(columns, award_rows(awards))
    if last:
        for cell in b.doc.tables[-1].rows[-1].cells:
            for p in cell.paragraphs:
                _keep(p)
