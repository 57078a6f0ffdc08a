"""Tờ trình đề nghị khen thưởng: Mẫu 1.4 of NĐ 30/2020 with the content of NĐ 152/2025 Mẫu số 01
(Art. 33.11): Kính gửi, Căn cứ, the council's vote, what is proposed for whom, the papers sent
with it, the opinion of the office that checked the dossier, "Kính trình … xem xét, quyết
định./." and the Danh sách đề nghị on landscape pages."""

from __future__ import annotations

from emulation_desktop.documents.docx import ooxml
from emulation_desktop.documents.docx.builder import DocxBuilder
from emulation_desktop.documents.docx.kinds.common import award_list, opening, signer
from emulation_desktop.domain.decision_documents import ProposalDocument
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.submission_document import (
    SubmissionDocument,
    attachment_lines,
    proposal_content,
)
from emulation_desktop.domain.text import closed

SYMBOL = "TTr-UBND"


def build(doc: ProposalDocument) -> DocxBuilder:
    """A `SubmissionDocument` prints its opinion paragraph; a bare `ProposalDocument` (the
    package's check before it writes anything) is laid out the same without it."""
    if not doc.rows:
        raise UserError("Tờ trình chưa có ai trong danh sách đề nghị khen thưởng.")
    sign = signer(doc.signature)
    b = DocxBuilder()
    opening(b, doc.header, SYMBOL)
    b.recipient_line(doc.recipient)
    b.bases(doc.bases)
    *facts, request = doc.paragraphs or ("",)
    for text in facts:
        b.paragraph(text)
    b.paragraph("Nội dung, hình thức và số lượng đề nghị khen thưởng:")
    for line in proposal_content(doc.sections):
        b.paragraph(line)
    b.paragraph("Hồ sơ kèm theo gồm:")
    for line in attachment_lines(doc.attachments):
        b.paragraph(line)
    opinion = doc.opinion if isinstance(doc, SubmissionDocument) else ""
    if opinion:
        b.paragraph(opinion)
    if request:
        # Kept on the signature's page: a signature never stands alone at the top of a page.
        last = b.paragraph(closed(request))
        ooxml.keep_with_next(last._p.get_or_add_pPr())
    b.spacer(12)
    ooxml.keep_with_next(b.doc.paragraphs[-1]._p.get_or_add_pPr())
    b.closing(doc.recipients, sign)
    award_list(b, doc.list_title, doc.list_subtitle, doc.sections, money=False, register=False)
    return b
