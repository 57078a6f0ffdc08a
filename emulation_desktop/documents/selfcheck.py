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
    import docx

    doc = docx.Document()
    doc.add_paragraph(SAMPLE)
    doc.save(str(out))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    if SAMPLE not in text:
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
