"""Kế hoạch (KH) of a year or of one movement: NĐ 30/2020 Mẫu 1.4, laid out like the seed plan
21/KH-UBND: Căn cứ, "Thực hiện …", I–III with their numbered items, the closing "./.", Nơi
nhận and the signature of the People's Committee."""

from __future__ import annotations

from emulation_desktop.documents.docx import ooxml
from emulation_desktop.documents.docx.builder import DocxBuilder
from emulation_desktop.documents.docx.kinds.common import opening, signer
from emulation_desktop.domain.plan_document import PlanDocument


def build(doc: PlanDocument) -> DocxBuilder:
    sign = signer(doc.signature)
    b = DocxBuilder()
    opening(b, doc.header, "KH-UBND")
    b.bases(doc.bases)
    b.paragraph(doc.preamble)
    for line in doc.body:
        if line.kind == "h1":
            b.heading(line.text, level=1)
        elif line.kind == "h2":
            b.heading(line.text, level=2)
        elif line.kind == "h3":
            b.rich((("bi", line.text),))
        else:
            b.paragraph(line.text)
    end_with_signature(b, doc.ending)
    b.closing(doc.recipients, sign)
    return b


def end_with_signature(b: DocxBuilder, text: str) -> None:
    """The closing sentence, kept on the page of the signature (NĐ 30: a signature page never
    stands without text)."""
    last = b.paragraph(text)
    ooxml.keep_with_next(last._p.get_or_add_pPr())
    b.spacer(12)
    ooxml.keep_with_next(b.doc.paragraphs[-1]._p.get_or_add_pPr())
