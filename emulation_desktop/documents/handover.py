"""The printed summary that goes with a handover backup: what the file holds, how to check it,
and room for the signatures of who hands over and who receives (A4, Times-compatible font)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from emulation_desktop.documents.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_serif
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text import date_line, nfc, thousands


@dataclass(frozen=True, slots=True)
class HandoverSummary:
    commune: str  # "Xã Cát Thành"
    place: str  # the place name of dates
    file_name: str
    file_size: int
    created_at: dt.datetime
    program_version: str
    schema_revision: str
    encrypted: bool
    database_sha256: str
    counts: Sequence[tuple[str, int]]  # (label, rows)


def write_handover_pdf(summary: HandoverSummary, out: Path) -> None:
    """Write the summary PDF at `out` (temp file then rename: a failure leaves nothing half)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    register_serif()
    out = Path(out)
    tmp = out.with_name(f".~{out.name}.tmp")
    width, height = A4
    try:
        c = canvas.Canvas(str(tmp), pagesize=A4)
        c.setTitle(nfc(f"Bàn giao dữ liệu thi đua, khen thưởng – {summary.commune}"))
        left, y = 30 * mm, height - 25 * mm
        c.setFont(SERIF_BOLD, 13)
        c.drawCentredString(width / 2, y, nfc(f"ỦY BAN NHÂN DÂN {summary.commune.upper()}"))
        y -= 14 * mm
        c.setFont(SERIF_BOLD, 14)
        c.drawCentredString(width / 2, y, nfc("TÓM TẮT NỘI DUNG DỮ LIỆU BÀN GIAO"))
        y -= 6 * mm
        c.setFont(SERIF_BOLD, 13)
        c.drawCentredString(width / 2, y, nfc("Phần mềm Thi đua – Khen thưởng"))
        y -= 12 * mm
        c.setFont(SERIF, 13)
        created = summary.created_at.strftime("%d/%m/%Y %H:%M")
        facts = [
            ("Tệp sao lưu", summary.file_name),
            ("Dung lượng", f"{thousands(summary.file_size)} byte"),
            ("Thời điểm sao lưu", created),
            ("Đặt mật khẩu", "Có (giao mật khẩu riêng, không ghi vào giấy này)"
             if summary.encrypted else "Không"),
            ("Phiên bản chương trình", summary.program_version),
            ("Phiên bản cấu trúc dữ liệu", summary.schema_revision),
        ]  # fmt: skip
        for label, value in facts:
            c.drawString(left, y, nfc(f"{label}: {value}"))
            y -= 7 * mm
        c.drawString(left, y, nfc("Mã kiểm tra (SHA-256) của cơ sở dữ liệu:"))
        y -= 6 * mm
        c.setFont(SERIF, 10)
        c.drawString(left + 5 * mm, y, summary.database_sha256)
        y -= 10 * mm
        c.setFont(SERIF_BOLD, 13)
        c.drawString(left, y, nfc("Số liệu trong bản sao lưu:"))
        y -= 7 * mm
        c.setFont(SERIF, 13)
        for label, rows in summary.counts:
            c.drawString(left + 5 * mm, y, nfc(f"- {label}: {thousands(rows)}"))
            y -= 6.5 * mm
        y -= 4 * mm
        c.setFont(SERIF_ITALIC, 12)
        for line in (
            "Người nhận kiểm tra tệp bằng chức năng «Sao lưu – Phục hồi → Kiểm tra tệp» hoặc lệnh",
            "«emulation-desktop verify-backup TỆP» trước khi phục hồi trên máy mới.",
        ):
            c.drawString(left, y, nfc(line))
            y -= 6 * mm
        y -= 6 * mm
        c.setFont(SERIF_ITALIC, 13)
        c.drawRightString(width - 20 * mm, y, date_line(summary.place, summary.created_at.date()))
        y -= 8 * mm
        c.setFont(SERIF_BOLD, 13)
        c.drawCentredString(left + 35 * mm, y, nfc("NGƯỜI BÀN GIAO"))
        c.drawCentredString(width - 55 * mm, y, nfc("NGƯỜI NHẬN BÀN GIAO"))
        y -= 5 * mm
        c.setFont(SERIF_ITALIC, 12)
        c.drawCentredString(left + 35 * mm, y, nfc("(Ký, ghi rõ họ tên)"))
        c.drawCentredString(width - 55 * mm, y, nfc("(Ký, ghi rõ họ tên)"))
        c.showPage()
        c.save()
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"Không ghi được tệp «{out.name}»: {exc.strerror or exc}.") from exc
