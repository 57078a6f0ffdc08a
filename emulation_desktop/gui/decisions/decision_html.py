"""The HTML of the detail panels and previews of the Quyết định section: a decision with its
awardees and totals, the preview of a decision to come, a tờ trình, a line of the registers."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.decisions import DecisionDetail, DecisionLine, DecisionPreview
from emulation_desktop.domain.enums import DecisionKind, NominationStatus
from emulation_desktop.domain.proposals import ProposalDetail
from emulation_desktop.domain.text import money_in_words, thousands
from emulation_desktop.services.award_register import RegisterLine
from emulation_desktop.services.doc_register import RegisterEntry

from emulation_desktop.gui.registry.form import ERROR_COLOR
from emulation_desktop.gui.widgets.detail_html import PENDING_COLOR, STYLE, Html, facts_html

SHOWN_ROWS = 300  # a list longer than this is read in Excel or the award register


def _lines_table(lines: Sequence[DecisionLine], *, money: bool = True, status: bool = False,
                 extra: Sequence[str] = ()) -> str:  # fmt: skip
    if not lines:
        return "<p class='empty'>Không có dòng nào.</p>"
    head = "<tr><th>STT</th><th>Đối tượng</th><th>Danh hiệu, hình thức</th>"
    head += "<th>Số sổ</th>" if any(ln.register_number for ln in lines) else ""
    head += "<th align='right'>Tiền thưởng</th>" if money else ""
    head += "<th>Tình trạng</th>" if status else ""
    rows = []
    for i, ln in enumerate(lines[:SHOWN_ROWS], 1):
        who = f"<b>{escape(ln.subject.name)}</b>"
        if ln.subject.place:
            who += f"<br><span class='muted'>{escape(ln.subject.place)}</span>"
        what = escape(ln.award_name)
        if ln.revoked_by:
            what += (f"<br><span style='color:{ERROR_COLOR}'>Đã được thay thế bởi Quyết định số "
                     f"{escape(ln.revoked_by)}</span>")  # fmt: skip
        elif ln.money_note:
            what += f"<br><span class='muted'>{escape(ln.money_note)}</span>"
        cells = f"<td>{i}</td><td>{who}</td><td>{what}</td>"
        if any(x.register_number for x in lines):
            cells += f"<td nowrap>{escape(ln.register_number)}</td>"
        if money:
            cells += f"<td align='right' nowrap>{escape(ln.money_text)}</td>"
        if status:
            cells += f"<td>{escape(extra[i - 1])}</td>"
        rows.append(f"<tr>{cells}</tr>")
    more = ""
    if len(lines) > SHOWN_ROWS:
        more = (f"<p class='muted'>… và {len(lines) - SHOWN_ROWS} dòng nữa: xem đủ ở Sổ khen "
                "thưởng hoặc bấm Xuất Excel.</p>")  # fmt: skip
    return f"<table class='list' width='100%'>{head}</tr>{''.join(rows)}</table>{more}"


def _total(total: int) -> str:
    return (f"<p><b>Tổng tiền thưởng: {thousands(total)} đồng</b><br>"
            f"<i>(Bằng chữ: {escape(money_in_words(total))})</i></p>")  # fmt: skip


def decision_html(d: DecisionDetail) -> str:
    item = d.item
    facts = [
        ("Số", item.number), ("Ngày ký", day_text(item.issued_on)), ("Cấp quyết định", item.issuer),
        ("Trích yếu", item.summary), ("Người ký", item.signer_name),
        ("Đợt xét", item.round_name), ("Sổ văn bản", d.register_entry),
    ]  # fmt: skip
    if item.corrects:
        facts.append(("Đính chính quyết định", item.corrects))
    if d.reason:
        facts.append(("Lý do đính chính", d.reason))
    if item.corrected_by:
        facts.append(("Đã được đính chính bởi",
                      Html(f"<b style='color:{PENDING_COLOR}'>"
                           f"{escape(', '.join(item.corrected_by))}</b>")))  # fmt: skip
    parts = [f"{STYLE}<h2>{escape(item.kind.label)} số {escape(item.number)}</h2>",
             facts_html(facts)]  # fmt: skip
    if d.revoked_lines:
        parts.append(f"<h3>Khen thưởng thu hồi ({len(d.revoked_lines)})</h3>")
        parts.append(_lines_table(d.revoked_lines))
    title = "Khen thưởng thay thế" if item.kind is DecisionKind.CORRECTION else "Danh sách"
    parts.append(f"<h3>{title} ({len(d.lines)})</h3>")
    parts.append(_lines_table(d.lines, money=item.kind is not DecisionKind.HIGHER))
    if item.kind is not DecisionKind.HIGHER:
        parts.append(_total(d.total))
    return "".join(parts)


def preview_html(p: DecisionPreview) -> str:
    parts = [STYLE]
    for problem in p.problems:
        parts.append(f"<p style='color:{ERROR_COLOR}'><b>Chưa ra quyết định được:</b> "
                     f"{escape(problem)}</p>")  # fmt: skip
    if warning := p.notice_warning:
        parts.append(f"<p style='color:{PENDING_COLOR}'><b>Công khai chưa hết hạn:</b> "
                     f"{escape(warning)}</p>")  # fmt: skip
    parts.append(facts_html([
        ("Số dự kiến", p.next_number), ("Bộ quy định", p.rules_name),
        ("Mức lương cơ sở", f"{thousands(p.base_salary)} đồng"),
        ("Ngày họp Hội đồng", day_text(p.held_on)),
    ]))  # fmt: skip
    parts.append(f"<h3>Thuộc thẩm quyền Chủ tịch UBND xã ({len(p.within)})</h3>")
    parts.append(_lines_table(p.within))
    if p.within:
        parts.append(_total(p.total))
    parts.append(f"<h3>Vượt thẩm quyền: trình cấp trên ({len(p.upward)})</h3>")
    if p.upward:
        parts.append(_lines_table(p.upward, money=False))
        parts.append("<p class='muted'>Các đề nghị này được lập tờ trình ở thẻ «Tờ trình cấp "
                     "trên» sau khi ra quyết định.</p>")  # fmt: skip
    else:
        parts.append("<p class='empty'>Không có.</p>")
    return "".join(parts)


_STATUS_WORDS = {
    NominationStatus.PROPOSED_UP: "Chờ cấp trên",
    NominationStatus.AWARDED: "Được khen",
    NominationStatus.REFUSED_UP: "Không được khen",
}


def proposal_html(d: ProposalDetail) -> str:
    item = d.item
    facts = facts_html([
        ("Số", item.number), ("Ngày ký", day_text(item.issued_on)),
        ("Kính gửi", item.recipient), ("Trích yếu", d.summary),
        ("Người ký", item.signer_name), ("Đợt xét", item.round_name),
        ("Tình trạng", item.status_text), ("Kết quả", item.answer),
        ("Hồ sơ đã xuất", item.exported_to),
    ])  # fmt: skip
    statuses = [_STATUS_WORDS.get(pl.status, pl.status.label) for pl in d.lines]
    lines = [pl.line for pl in d.lines]
    return (f"{STYLE}<h2>Tờ trình số {escape(item.number)}</h2>{facts}"
            f"<h3>Danh sách đề nghị ({len(lines)})</h3>"
            + _lines_table(lines, money=False, status=True, extra=statuses))  # fmt: skip


def register_line_html(r: RegisterLine) -> str:
    revoked = ""
    if r.revoked_by:
        revoked = f"<p style='color:{ERROR_COLOR}'><b>{escape(r.revoked_text)}.</b></p>"
    money = "" if r.amount is None else f"{thousands(r.amount)} đồng"
    facts = facts_html([
        ("Số sổ", r.register_number), ("Đối tượng", r.subject.name), ("Đơn vị", r.subject.place),
        ("Danh hiệu, hình thức", r.award_name), ("Năm thành tích", str(r.year)),
        ("Thành tích", r.achievement), ("Quyết định", r.decision_text),
        ("Cấp quyết định", r.issuer),
        ("Tiền thưởng", money),
        ("Giấy khen, giấy chứng nhận", f"Đã in {r.printed} tờ" if r.printed else ""),
        ("Ghi chú", "" if r.note == r.achievement else r.note),
    ])  # fmt: skip
    return f"{STYLE}<h2>{escape(r.award_name)}</h2>{revoked}{facts}"


def entry_html(e: RegisterEntry) -> str:
    facts = facts_html([
        ("Loại văn bản", e.series.label), ("Số, ký hiệu", e.number_text),
        ("Ngày ban hành", day_text(e.issued_on)), ("Trích yếu", e.summary),
        ("Ghi chú", e.used_by),
    ])  # fmt: skip
    return f"{STYLE}<h2>{escape(e.series.label)} số {escape(e.number_text)}</h2>{facts}"
