"""The lines the meeting tab writes around its grid: the rule of each award, the quorum and the
count of results, and the banner of a closed meeting (HTML, escaped)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from emulation_desktop.domain.council_meeting import MeetingSheet
from emulation_desktop.domain.council_votes import AwardVote, Quorum, TallyResult
from emulation_desktop.domain.text import thousands

from emulation_desktop.gui.registry.form import ERROR_COLOR
from emulation_desktop.gui.widgets.detail_html import PENDING_COLOR

OK_COLOR = "#1b5e20"


def thresholds_html(awards: Mapping[str, AwardVote], result: TallyResult) -> str:
    """ "Lao động tiên tiến: cần 5 phiếu đồng ý (từ 2/3 tổng số … (5/7 phiếu))" per award, then
    how each cap stands."""
    same: dict[tuple[int, str], list[str]] = {}  # awards with one rule share a line
    for a in awards.values():
        same.setdefault((a.needed, a.text), []).append(a.name)
    lines = [
        f"<b>{escape(', '.join(names))}</b>: cần {needed} phiếu đồng ý — {escape(text)}"
        for (needed, text), names in same.items()
    ]
    for check in result.caps:
        colour = PENDING_COLOR if check.exceeded else "inherit"
        lines.append(f"<span style='color:{colour}'>Giới hạn: {escape(check.text)}</span>")
    return "<br>".join(lines)


def summary_html(q: Quorum, result: TallyResult, total: int, unsaved: int) -> str:
    """The quorum (green or red), then the counts of results."""
    colour = OK_COLOR if q.met else ERROR_COLOR
    parts = [f"<b style='color:{colour}'>{escape(q.text)}</b>"]
    if total:
        waiting, ties = result.waiting()
        passed = result.passed_count()
        failed = sum(1 for o in result.outcomes.values() if o.passed is False)
        parts.append(
            f"Đã nhập {thousands(total - waiting)}/{thousands(total)} · đạt {thousands(passed)}"
            f" · không đạt {thousands(failed)}"
        )
        if ties:
            parts.append(
                f"<b style='color:{PENDING_COLOR}'>{ties} bằng phiếu chờ Hội đồng chọn</b>"
            )
    if unsaved:
        parts.append(f"<b style='color:{ERROR_COLOR}'>{unsaved} thay đổi chưa lưu</b>")
    return " · ".join(parts)


def banner_text(sheet: MeetingSheet, result: TallyResult) -> str:
    """What the officer must know before anything else ("" when nothing)."""
    m = sheet.meeting
    if m is not None and m.closed_at is not None:
        passed = result.passed_count()
        failed = len(sheet.candidates) - passed
        return (
            f"Cuộc họp đã kết thúc lúc {m.closed_at:%H:%M} ngày {m.closed_at:%d/%m/%Y}: kết quả đã "
            f"chốt vào biên bản ({passed} đạt, {failed} không đạt). Muốn sửa, bấm «Mở lại cuộc "
            "họp» khi đợt xét chưa có quyết định hoặc tờ trình."
        )
    if sheet.context.problem:
        return sheet.context.problem
    if not sheet.editable:
        return f"Đợt xét đang ở bước «{sheet.round.status.label}»: không nhập kết quả được."
    if m is None:
        return (
            "Chưa mở cuộc họp xét cho đợt này: kiểm tra ngày họp, người chủ trì, thư ký, điểm "
            "danh rồi bấm Lưu (có thể nhập luôn số phiếu ở bước 2)."
        )
    return ""
