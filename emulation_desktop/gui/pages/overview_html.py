"""The texts of the Tổng quan panels, as Qt rich text: short lines, dates dd/mm/yyyy, colours
only where something needs attention. Every text from the database is escaped."""

from __future__ import annotations

import datetime as dt
from html import escape

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import RegistrationStatus
from emulation_desktop.domain.overview import UPCOMING_DAYS, Progress, YearOverview
from emulation_desktop.domain.text import thousands

from emulation_desktop.gui.widgets.backup_age import COLOURS, Level

MUTED = "#5f6368"
CURRENT = "#1565c0"
LINK = "#1a4d8f"
SOON_DAYS = 7  # red from here down
NEAR_DAYS = 21  # amber from here down


def _colour(text: str, colour: str, bold: bool = False) -> str:
    weight = " font-weight: 600;" if bold else ""
    return f'<span style="color: {colour};{weight}">{text}</span>'


def days_text(days: int) -> str:
    if days < 0:
        return f"quá hạn {-days} ngày"
    return {0: "hôm nay", 1: "ngày mai"}.get(days, f"còn {days} ngày")


def _days(days: int) -> str:
    text = days_text(days)
    if days <= SOON_DAYS:
        return _colour(text, COLOURS[Level.RED], bold=True)
    return _colour(text, COLOURS[Level.AMBER] if days <= NEAR_DAYS else MUTED)


def _short(day: dt.date) -> str:
    return f"{day:%d/%m}"


def movements_html(o: YearOverview) -> str:
    if not o.movements:
        return escape(
            f"Chưa có phong trào nào trong năm {o.year}. Thêm phong trào mới hoặc sao chép từ "
            f"năm {o.year - 1} trong mục «Phong trào thi đua»."
        )
    parts = []
    for m in o.movements:
        facts = [f"Phát động: {m.launcher.label}", f"{day_text(m.start)} – {day_text(m.end)}"]
        if m.responsible:
            facts.append(f"Phụ trách: {m.responsible}")
        lines = [f"<b>{escape(m.name)}</b>", _colour(escape(" · ".join(facts)), MUTED)]
        for p in m.phases:
            when = f"Đợt {p.number} ({_short(p.start)} – {_short(p.end)})"
            if p.progress is Progress.NOW:
                left = (p.end - o.today).days
                lines.append(_colour(f"▶ {when}: đang diễn ra, {days_text(left)}", CURRENT, True))
            else:
                state = "đã xong" if p.progress is Progress.DONE else "chưa bắt đầu"
                lines.append(f"{when}: {state}")
        if not m.phases:
            if m.progress is Progress.NOW:
                lines.append(f"Đang diễn ra, {days_text((m.end - o.today).days)}")
            else:
                lines.append("Đã kết thúc" if m.progress is Progress.DONE else "Chưa bắt đầu")
        parts.append("<br>".join(lines))
    return "<p>" + "</p><p>".join(parts) + "</p>"


def due_html(o: YearOverview) -> str:
    # What falls due is counted from today whatever the year shown: say so for another year.
    since = ""
    if o.year != o.today.year:
        since = _colour(f"Tính từ hôm nay, {day_text(o.today)}:", MUTED) + "<br>"
    if not o.due:
        return since + escape(f"Không có việc nào đến hạn trong {UPCOMING_DAYS} ngày tới.")
    rows = "".join(
        f'<tr><td style="white-space: nowrap; padding-right: 8px;">{day_text(d.date)}</td>'
        f'<td style="white-space: nowrap; padding-right: 8px;">{_days(d.days_left)}</td>'
        f'<td><a href="{d.section}" style="color: {LINK}; text-decoration: none;">'
        f"{escape(d.text)}</a></td></tr>"
        for d in o.due
    )
    return f'{since}<table cellspacing="0" cellpadding="2">{rows}</table>'


def registrations_html(o: YearOverview) -> str:
    r = o.registrations
    if r.total == 0:
        return escape(
            f"Chưa có đăng ký thi đua nào trong năm {o.year}. Đăng ký cho cá nhân, tập thể "
            "hoặc cả một đơn vị trong mục «Phong trào thi đua»."
        )
    rows = []
    for status, n in r.by_status:
        count = f"<b>{thousands(n)}</b>"
        if status is RegistrationStatus.PENDING and n:
            count = _colour(count, COLOURS[Level.AMBER])
        rows.append(
            f'<tr><td style="padding-right: 16px;">{status.label}</td><td>{count}</td></tr>'
        )
    who = [f"{thousands(r.people)} cá nhân", f"{thousands(r.collectives)} tập thể"]
    if r.households:
        who.append(f"{thousands(r.households)} hộ gia đình")
    return (
        f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>'
        f"Tổng: {thousands(r.total)} ({', '.join(who)})."
    )


def evaluations_html(o: YearOverview) -> str:
    e = o.evaluations
    if e.people == 0 and e.collectives == 0:
        return "Chưa có cán bộ, công chức, viên chức hay tập thể nào cần xếp loại."
    done = (
        f"Đã xếp loại <b>{thousands(e.people_done)}/{thousands(e.people)}</b> cá nhân và "
        f"<b>{e.collectives_done}/{e.collectives}</b> tập thể."
    )
    if not e.missing:
        return done + "<br>" + _colour("Đã xếp loại đủ.", COLOURS[Level.OK], bold=True)
    lines = [done, f"Còn thiếu {thousands(e.missing)}; các đơn vị chậm nhất:"]
    for u in e.behind:
        what = []
        if u.missing_people:
            what.append(f"{u.missing_people}/{u.people} cá nhân")
        if u.collective_missing:
            what.append("chưa xếp loại tập thể")
        lines.append(f"• {escape(u.name)}: {', '.join(what)}")
    return "<br>".join(lines)


def models_title(o: YearOverview) -> tuple[str, str, str]:
    """Title ("Điển hình tiên tiến: 2/3"), text and the title's colour."""
    m = o.models
    if m.target:
        title = f"Điển hình tiên tiến: {m.counted}/{m.target}"
        colour = COLOURS[Level.OK] if m.reached else COLOURS[Level.AMBER]
        goal = f"chỉ tiêu kế hoạch năm {o.year}: {m.target} mô hình."
    else:
        title, colour = f"Điển hình tiên tiến: {m.counted}", ""
        goal = "kế hoạch năm chưa đặt chỉ tiêu."
    if m.counted == 0 and m.building == 0:
        return title, f"Chưa có mô hình, điển hình tiên tiến nào; {goal}", colour
    text = f"{m.counted} đã công nhận, {m.building} đang xây dựng; {goal}"
    return title, text, colour


def complaints_html(o: YearOverview) -> str:
    if not o.complaints:
        return "Không có đơn thư, cuộc kiểm tra nào đang giải quyết."
    lines = []
    for c in o.complaints:
        who = escape(c.subject or c.sender)
        line = f"<b>{c.kind.label}</b> – {who} (nhận {day_text(c.received_on)}): "
        if c.deadline is None or c.days_left is None:
            line += "chưa đặt hạn giải quyết"
        else:
            line += f"hạn {day_text(c.deadline)}, {_days(c.days_left)}"
        lines.append(line)
    return "<br>".join(lines)
