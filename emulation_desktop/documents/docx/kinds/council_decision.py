"""Quyết định kiện toàn (thành lập) Hội đồng Thi đua – Khen thưởng (NĐ 30/2020 Mẫu 1.3,
quyết định cá biệt): Căn cứ, Điều 1 with every member and role, Điều 2 the council's tasks,
Điều 3 the effect; Nơi nhận and the chairman's signature."""

from __future__ import annotations

from emulation_desktop.documents.docx.builder import DocxBuilder
from emulation_desktop.documents.docx.kinds.common import opening, signer
from emulation_desktop.domain.council_documents import (
    DECISION_SYMBOL,
    CouncilDecisionDocument,
    closed,
)
from emulation_desktop.domain.errors import UserError


def build(doc: CouncilDecisionDocument) -> DocxBuilder:
    if not doc.members:
        raise UserError("Hội đồng chưa có thành viên nào để ghi vào quyết định.")
    sign = signer(doc.signature)
    b = DocxBuilder()
    opening(b, doc.header, DECISION_SYMBOL)
    b.authority(doc.authority)
    b.bases(doc.bases)
    b.centred("QUYẾT ĐỊNH:")
    first, *rest = doc.articles
    b.rich((("b", f"{first.label} "), ("", first.text)))
    for line in doc.members:
        b.paragraph(line)
    for i, article in enumerate(rest, 1):
        text = closed(article.text) if i == len(rest) else article.text
        b.rich((("b", f"{article.label} "), ("", text)))
    b.spacer(12)
    b.closing(doc.recipients, sign)
    return b
