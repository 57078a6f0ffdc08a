"""Tờ trình đề nghị khen thưởng: Mẫu 1.4 of NĐ 30/2020 with the content of NĐ 152/2025 Mẫu số 01
(Art. 33.11): Kính gửi, Căn cứ, the council's vote, what is proposed for whom, the papers sent
with it, "Kính trình … xem xét, quyết định./." and the Danh sách đề nghị on landscape pages."""

from __future__ import annotations

from emulation_desktop.documents.docx.builder import DocxBuilder
from emulation_desktop.documents.docx.kinds.common import award_list, opening, signer
from emulation_desktop.domain.decision_documents import ProposalDocument
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.submission_document import attachment_lines, proposal_content

SYMBOL = "TTr-UBND"


def build(doc: ProposalDocument) -> DocxBuilder:
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
    if request:
        b.paragraph(_closed(request))
    b.spacer(12)
    b.closing(doc.recipients, sign)
    award_list(b, doc.list_title, doc.list_subtitle, doc.sections, money=False, register=False)
    return b


def _closed(text: str) -> str:
    """NĐ 30: the body ends with "./."."""
    text = text.rstrip()
    if text.endswith("./."):
        return text
    return text + ("/." if text.endswith(".") else "./.")
