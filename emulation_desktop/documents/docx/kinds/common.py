"""What several kinds share: the opening of a document and the award list annex."""

from __future__ import annotations

from collections.abc import Sequence

from emulation_desktop.documents.docx.builder import DocxBuilder, Signer
from emulation_desktop.documents.docx.tables import Column
from emulation_desktop.domain.decision_documents import DocumentHeader, SignatureBlock
from emulation_desktop.domain.decision_text import ListSection
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text import thousands

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def number_line(number: str, symbol: str = "") -> str:
    """ "Số: 05/QĐ-UBND"; a document not numbered yet leaves room for the văn thư's hand:
    "Số:      /KH-UBND"."""
    if number:
        return f"Số: {number}"
    return f"Số:{' ' * 6}/{symbol}" if symbol else ""


def opening(b: DocxBuilder, header: DocumentHeader, symbol: str = "") -> None:
    b.header(header.issuer_lines, number_line(header.number, symbol), header.date_line)
    b.title(header.type_name, header.summary)


def signer(block: SignatureBlock) -> Signer:
    if not block.name:
        raise UserError(
            "Chưa có người ký văn bản. Hãy chọn người ký (hoặc nhập họ tên Chủ tịch, Phó Chủ "
            "tịch trong Cài đặt → Thông tin đơn vị) rồi tạo lại."
        )
    return Signer(tuple(block.lines), block.name)


def roman(i: int) -> str:
    return ROMAN[i] if i < len(ROMAN) else str(i + 1)


def award_list(
    b: DocxBuilder,
    title: str,
    subtitle: str,
    sections: Sequence[ListSection],
    *,
    money: bool | None = None,
    register: bool = True,
    total_words: str = "",
    unpaid: int = 0,
) -> None:
    """The Danh sách kèm theo on its own landscape pages: one heading row per award, the rows
    numbered through the whole list, the money and its total (in words under the table). The
    first `unpaid` sections (awards a correction withdraws) are listed but not added up."""
    if not any(s.rows for s in sections):
        raise UserError("Danh sách khen thưởng đang trống: không có ai để ghi vào văn bản.")
    if money is None:  # a list of titles without money (Gia đình văn hóa) has no money column
        money = any(r.amount for s in sections for r in s.rows)
    b.landscape()
    b.line(title.upper(), bold=True)
    if subtitle:
        b.line(subtitle, italic=True)
    b.spacer(8)
    columns = [
        Column("STT", 6, "center"),
        Column("Họ và tên / Tên tập thể", 22),
        Column("Chức vụ, đơn vị / Địa chỉ", 24),
        Column("Thành tích", 31, "justify"),
    ]
    if money:
        columns.append(Column("Số tiền (đồng)", 10, "right"))
    if register:
        columns.append(Column("Số sổ", 10, "center"))  # "1268/2024" on one line
    rows: list[list[str]] = []
    merged: set[int] = set()
    bold: set[int] = set()
    for i, section in enumerate(sections):
        merged.add(len(rows))
        bold.add(len(rows))
        rows.append([f"{roman(i)}. {section.title} ({len(section.rows)})"])
        for r in section.rows:
            line = [str(r.number), r.name, r.place, r.achievement]
            if money:
                line.append(thousands(r.amount) if r.amount else "")
            if register:
                line.append(r.register_number)
            rows.append(line)
    if money:
        total = sum(s.subtotal for s in sections[unpaid:])
        bold.add(len(rows))
        rows.append(["", "Tổng cộng", "", "", thousands(total), ""][: len(columns)])
    b.table(columns, rows, bold_rows=frozenset(bold), merged_rows=frozenset(merged))
    if money and total_words:
        b.paragraph(f"(Bằng chữ: {total_words})", italic=True, indent=False)
