"""The detail panel of a movement, as rich text the officer can select and copy."""

from __future__ import annotations

from html import escape

from emulation_desktop.domain.movements import MovementDetail

from emulation_desktop.gui.widgets.detail_html import STYLE, facts_html, text_block


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())


def _phases(d: MovementDetail) -> str:
    if not d.phases:
        return ""
    blocks = "".join(
        f"<p><b>{escape(p.title)}</b><br><span class='muted'>{escape(p.period)}</span>"
        + (f"<br>{_lines(p.goals)}" if p.goals else "")
        + "</p>"
        for p in d.phases
    )
    return f"<h3>Các đợt thi đua ({len(d.phases)})</h3>{blocks}"


def _milestones(d: MovementDetail) -> str:
    if not d.milestones:
        return ""
    items = "".join(
        f"<li>{escape(m.label)}"
        + (f" <span class='muted'>– Đợt {m.phase_number}</span>" if m.phase_number else "")
        + "</li>"
        for m in d.milestones
    )
    return f"<h3>Mốc kỷ niệm</h3><ul>{items}</ul>"


def _targets(d: MovementDetail) -> str:
    if not d.targets:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in d.targets.splitlines())
    return f"<h3>Chỉ tiêu, tiêu chí</h3><ul>{items}</ul>"


def _units(d: MovementDetail) -> str:
    if not d.units:
        return "<h3>Đơn vị tham gia</h3><p class='empty'>Chưa chọn đơn vị tham gia.</p>"
    names = ", ".join(escape(u.name) for u in d.units)
    return f"<h3>Đơn vị tham gia ({len(d.units)})</h3><p>{names}</p>"


def movement_html(d: MovementDetail) -> str:
    responsible = d.responsible.label if d.responsible else ""
    facts = facts_html([
        ("Chủ đề", f"“{d.theme}”" if d.theme else ""),
        ("Loại", d.kind.label),
        ("Cấp phát động", d.launcher.label),
        ("Văn bản phát động", d.launch_line),
        ("Trích yếu", d.launch_doc_subject),
        ("Thời gian", d.period),
        ("Người phụ trách", responsible),
        ("Đăng ký thi đua", f"{d.registration_count} đăng ký" if d.registration_count else ""),
        ("Sơ kết, tổng kết", f"{d.review_count} lần" if d.review_count else ""),
    ])  # fmt: skip
    copied = "<p class='muted'>Sao chép từ phong trào năm trước.</p>" if d.copied_from_id else ""
    return (
        f"{STYLE}<h2>{escape(d.name)}</h2>{facts}{_phases(d)}{_milestones(d)}{_targets(d)}"
        f"{_units(d)}{text_block('Ghi chú', d.note)}{copied}"
    )
