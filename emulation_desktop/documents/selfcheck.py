"""Round trips that prove a build can write Vietnamese .docx and PDF files (used by self-test).

The real document kinds and certificates are built on the same libraries and font; these checks
stay small so a frozen build can run them in a second.
"""

from __future__ import annotations

from pathlib import Path

from emulation_desktop.documents.fonts import SERIF, SERIF_BOLD, register_serif
from emulation_desktop.domain.text import nfc, thousands

SAMPLE = nfc("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc — Nguyễn Thị Hằng")


def docx_roundtrip(out: Path) -> str:
    """A small document through the real NĐ 30 builder (header table, rules, signature)."""
    import docx

    from emulation_desktop.documents.docx.builder import QUOC_HIEU, DocxBuilder, Signer

    b = DocxBuilder()
    b.header(("ỦY BAN NHÂN DÂN", "XÃ CÁT THÀNH"), "Số: 05/QĐ-UBND",
             "Cát Thành, ngày 05 tháng 01 năm 2026")  # fmt: skip
    b.title("QUYẾT ĐỊNH", "Về việc kiểm tra chương trình")
    b.paragraph(SAMPLE)
    b.closing(("- Lưu: VT.",), Signer(("CHỦ TỊCH",), "Nguyễn Thị Hằng"))
    b.save(out)
    reopened = docx.Document(str(out))
    text = "\n".join(p.text for p in reopened.paragraphs)
    header = reopened.tables[0].rows[0].cells[1].text
    if SAMPLE not in text or QUOC_HIEU not in header:
        raise RuntimeError("nội dung đọc lại từ tệp .docx không khớp")
    return f"{thousands(out.stat().st_size)} byte, đọc lại đúng nội dung"


def pdf_roundtrip(out: Path) -> str:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    register_serif()
    c = canvas.Canvas(str(out), pagesize=A4)
    c.setFont(SERIF_BOLD, 14)
    c.drawCentredString(A4[0] / 2, A4[1] - 72, SAMPLE[:34])
    c.setFont(SERIF, 13)
    c.drawCentredString(A4[0] / 2, A4[1] - 96, SAMPLE)
    c.save()
    data = out.read_bytes()
    if not data.startswith(b"%PDF") or b"LiberationSerif" not in data:
        raise RuntimeError("tệp PDF không có phông chữ nhúng")
    return f"{thousands(len(data))} byte, phông Liberation Serif đã nhúng"


def custom_form_roundtrip(out: Path) -> str:
    """A commune's own Word form filled by docxtpl (its Jinja engine must be in the build)."""
    import io
    from types import SimpleNamespace

    import docx

    from emulation_desktop.documents.docx import custom

    form = docx.Document()
    form.add_paragraph("Số: {{ so }} – {{ trich_yeu }}")
    buffer = io.BytesIO()
    form.save(buffer)
    custom.check_template(buffer.getvalue())
    header = SimpleNamespace(number="05/QĐ-UBND", date_line="", summary=SAMPLE)
    custom.render(buffer.getvalue(), SimpleNamespace(header=header), out)
    text = docx.Document(str(out)).paragraphs[0].text
    if text != f"Số: 05/QĐ-UBND – {SAMPLE}":
        raise RuntimeError("mẫu Word riêng điền không đúng")
    return "điền đúng số và trích yếu"
