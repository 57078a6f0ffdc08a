"""Thông báo công khai danh sách đề nghị (TB): NĐ 30/2020 Mẫu 1.4, the notice period and where
comments go, signed for the People's Committee; the list on its own pages after it."""

from __future__ import annotations

from emulation_desktop.documents.docx.builder import DocxBuilder
from emulation_desktop.documents.docx.kinds.common import opening, roman, signer
from emulation_desktop.documents.docx.kinds.plan import end_with_signature
from emulation_desktop.documents.docx.tables import Column
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.notice_document import NoticeDocument
from emulation_desktop.domain.text import closed


def build(doc: NoticeDocument) -> DocxBuilder:
    if not doc.rows:
        raise UserError("Danh sách công khai đang trống: chưa có ai để ghi vào thông báo.")
    sign = signer(doc.signature)
    b = DocxBuilder()
    opening(b, doc.header, "TB-UBND")
    b.bases(doc.bases)
    for text in doc.paragraphs[:-1]:
        b.paragraph(text)
    end_with_signature(b, closed(doc.paragraphs[-1]))
    b.closing(doc.recipients, sign)
    b.page_break()
    b.line(doc.list_title, bold=True)
    b.line(doc.header.summary, bold=True)
    b.line(doc.list_subtitle, italic=True)
    b.spacer(8)
    columns = [
        Column("STT", 9, "center"),
        Column("Họ và tên / Tên tập thể, hộ gia đình", 35),
        Column("Đơn vị / Địa chỉ", 28),
        Column("Danh hiệu, hình thức đề nghị", 28),
    ]
    rows: list[list[str]] = []
    merged: set[int] = set()
    many = len(doc.sections) > 1
    for i, section in enumerate(doc.sections):
        if many:  # one award alone needs no heading row: its name is in every line
            merged.add(len(rows))
            rows.append([f"{roman(i)}. {section.title} ({len(section.rows)})"])
        rows.extend([str(r.number), r.name, r.place, r.award] for r in section.rows)
    b.table(columns, rows, bold_rows=frozenset(merged), merged_rows=frozenset(merged))
    return b
