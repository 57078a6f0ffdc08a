"""Báo cáo tổng kết công tác thi đua, khen thưởng of a year (Mẫu 1.4 of NĐ 30/2020): headings,
paragraphs and the statistics tables in the order the producer gives them, then Nơi nhận and
the signature of the People's Committee."""

from __future__ import annotations

from emulation_desktop.documents.docx import ooxml
from emulation_desktop.documents.docx.builder import DocxBuilder
from emulation_desktop.documents.docx.kinds.common import opening, signer
from emulation_desktop.documents.docx.tables import Column
from emulation_desktop.domain.text import closed
from emulation_desktop.domain.year_report_document import (
    Heading,
    StatTable,
    Text,
    YearReportDocument,
)

SYMBOL = "BC-UBND"


def build(doc: YearReportDocument) -> DocxBuilder:
    sign = signer(doc.signature)
    b = DocxBuilder()
    opening(b, doc.header, SYMBOL)
    if doc.recipient:
        b.recipient_line(doc.recipient)
    last = max((i for i, p in enumerate(doc.parts) if isinstance(p, Text)), default=-1)
    for i, part in enumerate(doc.parts):
        if isinstance(part, Heading):
            b.heading(part.text, level=part.level)
        elif i == last:
            # The body's end mark, kept on the signature's page.
            end = b.paragraph(closed(part.text))
            ooxml.keep_with_next(end._p.get_or_add_pPr())
        elif isinstance(part, Text):
            b.paragraph(part.text)
        elif isinstance(part, StatTable):
            _table(b, part)
    b.spacer(12)
    ooxml.keep_with_next(b.doc.paragraphs[-1]._p.get_or_add_pPr())
    b.closing(doc.recipients, sign)
    return b


def _table(b: DocxBuilder, table: StatTable) -> None:
    b.centred(table.caption, bold=True, space_before=8)  # kept with the table under it
    columns = [Column(c.title, c.weight, c.align) for c in table.columns]
    b.table(columns, table.rows, bold_rows=table.bold, merged_rows=table.merged, size=12)
