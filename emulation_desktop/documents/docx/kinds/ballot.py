"""Phiếu bầu of a council round: the council's header, the round, the instruction and one list
of candidates grouped by award, with an empty "Đồng ý" and "Không đồng ý" box on each line. No
number, no date, no voter's name, no signature: the ballot is secret.

The file holds one copy per voting member present, each starting on a new page with its own
page numbers, so the office prints them in one go."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from emulation_desktop.documents.docx.builder import DocxBuilder
from emulation_desktop.documents.docx.kinds.common import roman
from emulation_desktop.documents.docx.tables import Column
from emulation_desktop.domain import council_documents as t
from emulation_desktop.domain.council_minutes import Ballot
from emulation_desktop.domain.errors import UserError

MAX_COPIES = 30  # a commune council has about 7–15 voting members
MAX_ROWS = 20_000  # copies × candidates: beyond this one copy is printed and photocopied


def copies(ballot: Ballot) -> int:
    """How many copies the file holds: one per voting member present (at least one), fewer
    when the list is so long the file would be unwieldy."""
    n = max(1, min(ballot.copies, MAX_COPIES))
    return max(1, min(n, MAX_ROWS // max(1, ballot.candidates)))


def build(ballot: Ballot) -> DocxBuilder:
    if not ballot.candidates:
        raise UserError(f"Đợt xét «{ballot.round_name}» chưa có đề nghị nào để in phiếu bầu.")
    choices = ballot.choices
    columns = (
        Column("STT", 8, "center"),
        Column("Họ và tên / Tên tập thể", 31),
        Column("Đơn vị", 35),
        Column(choices[0], 13, "center"),
        Column(choices[1], 13, "center"),
    )
    rows: list[list[str]] = []
    merged: set[int] = set()
    for i, group in enumerate(ballot.groups):
        merged.add(len(rows))
        rows.append([f"{roman(i)}. {group.award_name} ({len(group.candidates)})"])
        for c in group.candidates:
            rows.append([str(c.number), c.name, c.place, "", ""])
    subtitle = ballot.round_name
    if str(ballot.year) not in subtitle:
        subtitle += f" năm {ballot.year}"
    parent = (ballot.issuer or "UBND xã").upper()
    b = DocxBuilder()
    for k in range(copies(ballot)):
        if k:
            b.page_break()
            _restart_numbers(b)
        b.header(t.COUNCIL_LINES, "", "", parent=parent)
        b.title(ballot.title, subtitle)
        b.paragraph(ballot.instruction, italic=True, size=13, space_before=0)
        b.spacer(6)
        b.table(columns, rows, merged_rows=frozenset(merged), bold_rows=frozenset(merged), size=12)
        total = t.closed(f"Tổng số: {ballot.candidates} trường hợp")
        b.paragraph(total, italic=True, indent=False, size=13)
    return b


_AFTER_PGNUM = (
    "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
    "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
)  # fmt: skip  # the schema's order of sectPr children


def _restart_numbers(b: DocxBuilder) -> None:
    """Each copy counts its own pages and shows no number on its first page."""
    section = b.doc.sections[-1]
    section.different_first_page_header_footer = True
    sect_pr = section._sectPr
    pg = sect_pr.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        sect_pr.insert_element_before(pg, *_AFTER_PGNUM)
    pg.set(qn("w:start"), "1")
