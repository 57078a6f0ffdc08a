"""The words of the Giấy khen & In page that depend on the data: the empty states, the awards left
out and why, the blank stock and what the selected sheet went through."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from emulation_desktop.domain.certificates import BlankKind, PrintMode
from emulation_desktop.services.certificates import (
    BlankStock,
    CertificateBatch,
    CertificateRow,
    PrintRecord,
    SkippedAward,
)

from emulation_desktop.gui.certificates.blanks_dialog import stock_text

SHOWN_NAMES = 4
RED = "#c62828"


def no_decision_text(year: int) -> str:
    return (
        f"Chưa có quyết định khen thưởng nào trong năm {year}. Giấy khen, giấy chứng nhận được "
        "in từ quyết định xã đã ban hành: hãy ra quyết định ở mục Quyết định, hoặc chọn năm "
        "khác ở ô Năm trên thanh công cụ."
    )


def no_sheet_text(batch: CertificateBatch, all_titles: bool) -> str:
    text = "Quyết định này không có giấy khen, giấy chứng nhận nào để in."
    if batch.skipped and not all_titles:
        text += (
            " Theo bộ quy định, các danh hiệu trong quyết định không kèm giấy chứng nhận. Nếu xã "
            "vẫn muốn trao giấy, hãy chọn «In cả danh hiệu không có giấy chứng nhận theo quy "
            "định»."
        )
    return text


def skipped_text(skipped: Sequence[SkippedAward]) -> tuple[str, str]:
    """A short note (a few names per reason) and the whole list for its tooltip."""
    if not skipped:
        return "", ""
    by_reason: dict[str, list[str]] = {}
    for s in skipped:
        by_reason.setdefault(s.reason, []).append(s.label)
    parts = []
    for reason, labels in by_reason.items():
        names = "; ".join(labels[:SHOWN_NAMES])
        more = (
            f" và {len(labels) - SHOWN_NAMES} khen thưởng khác" if len(labels) > SHOWN_NAMES else ""
        )
        parts.append(f"{reason.rstrip('.')}: {names}{more}.")
    note = f"Không in {len(skipped)} khen thưởng: " + " ".join(parts)
    whole = "\n".join(f"{s.label}: {s.reason}" for s in skipped)
    return note, whole


def stock_html(stock: Sequence[BlankStock], needed: set[BlankKind], mode: PrintMode) -> str:
    """One line per blank the decision prints on (or that was ever received); a stock at zero
    or below is red when printing on blanks."""
    lines = []
    for s in stock:
        if s.blank not in needed and not (s.received or s.used or s.spoiled):
            continue
        text = escape(stock_text(s))
        if s.left <= 0 and mode is PrintMode.OVERLAY:
            text = f"<span style='color:{RED}'><b>{text}</b></span>"
        lines.append(text)
    return "<br>".join(lines)


def history_text(row: CertificateRow, history: Sequence[PrintRecord]) -> str:
    """What happened to the selected sheet: "Đã in 2 lần: 20/11/2026 09:15 (máy «HP»)…"."""
    # Plain text (the label is not rich text): "&" must stay "&".
    who = row.certificate.recipient.line
    if not history:
        return f"{who}: chưa in."
    parts = []
    for r in history[:3]:
        where = f" trên «{r.printer}»" if r.printer else ""
        what = f"hỏng – {r.reason}" if r.spoiled else "đã in"
        parts.append(f"{r.printed_at:%d/%m/%Y %H:%M}{where}: {what}")
    more = f"; … ({len(history) - 3} lần trước nữa)" if len(history) > 3 else ""
    return f"{who}: " + "; ".join(parts) + more
