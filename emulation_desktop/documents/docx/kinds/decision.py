"""Quyết định tặng Giấy khen / công nhận danh hiệu (and its correcting decision): Mẫu 1.3 of
NĐ 30/2020 (Quyết định cá biệt), Điều 1–3 and the Danh sách kèm theo."""

from __future__ import annotations

from emulation_desktop.documents.docx.builder import DocxBuilder
from emulation_desktop.documents.docx.kinds.common import award_list, opening, signer
from emulation_desktop.domain.decision_documents import DecisionDocument
from emulation_desktop.domain.decision_text import ListSection
from emulation_desktop.domain.enums import AwardKind, DecisionKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text import closed


def build(doc: DecisionDocument) -> DocxBuilder:
    if not doc.rows and not doc.revoked:
        raise UserError("Quyết định chưa có ai trong danh sách khen thưởng.")
    sign = signer(doc.signature)
    b = DocxBuilder()
    opening(b, doc.header, "QĐ-UBND")
    b.authority(doc.authority)
    b.bases(doc.bases)
    b.centred("QUYẾT ĐỊNH:")
    last = len(doc.articles) - 1
    for i, article in enumerate(doc.articles):
        text = closed(article.text) if i == last else article.text
        b.rich((("b", f"{article.label} "), ("", text)))
    b.spacer(12)
    b.closing(doc.recipients, sign)
    sections, unpaid = doc.sections, 0
    if doc.kind is DecisionKind.CORRECTION and doc.revoked:
        # Điều 2 of a correction points at "Mục I": the withdrawn awards come first.
        kind = doc.sections[0].kind if doc.sections else AwardKind.FORM
        sections = (ListSection("Thu hồi khen thưởng", kind, doc.revoked), *doc.sections)
        unpaid = 1
    if doc.rows or doc.revoked:
        award_list(b, doc.list_title, doc.list_subtitle, sections, total_words=doc.total_words,
                   unpaid=unpaid)  # fmt: skip
    return b
