"""Giấy mời họp Hội đồng Thi đua – Khen thưởng (NĐ 30/2020 Mẫu 1.7): the UBND invites the
council's members; time, place, content; Nơi nhận and the chairman's signature."""

from __future__ import annotations

from emulation_desktop.documents.docx.builder import DocxBuilder
from emulation_desktop.documents.docx.kinds.common import opening, signer
from emulation_desktop.domain.council_documents import (
    INVITATION_SYMBOL,
    InvitationDocument,
    closed,
)


def build(doc: InvitationDocument) -> DocxBuilder:
    sign = signer(doc.signature)
    b = DocxBuilder()
    opening(b, doc.header, INVITATION_SYMBOL)
    b.rich((("", f"{doc.host} trân trọng kính mời: "), ("b", doc.invitees + ".")))
    b.paragraph(doc.purpose)
    b.rich((("b", "Thời gian: "), ("", doc.time + ".")))
    b.rich((("b", "Địa điểm: "), ("", doc.place.rstrip(".") + ".")))
    b.rich((("b", "Nội dung: "), ("", doc.content)))
    b.paragraph(closed(doc.request))
    b.spacer(12)
    b.closing(doc.recipients, sign)
    return b
