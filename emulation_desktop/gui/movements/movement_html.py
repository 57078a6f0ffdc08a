"""The detail panel of a movement, as rich text the officer can select and copy."""

from __future__ import annotations

from html import escape

from emulation_desktop.domain.movements import MovementDetail

# The panel beside the list is narrow: a smaller title leaves the facts in view.
STYLE = """
<style>
 h2 { margin: 0 0 4px 0; font-size: large; }
 h3 { margin: 10px 0 2px 0; }
 table.facts td { padding: 1px 10px 1px 0; vertical-align: top; }
 table.list { border-collapse: collapse; margin-top: 4px; }
 table.list th { text-align: left; padding: 3px 8px; background-color: #e8e8e8; }
 table.list td { padding: 3px 8px; border-bottom: 1px solid #d0d0d0; vertical-align: top; }
 p.empty { color: #707070; font-style: italic; }
 .muted { color: #707070; }
 ul { margin-top: 2px; }
</style>
"""


def _facts(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td class='muted'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows if v
    )
    return f"<table class='facts'>{cells}</table>"


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
    facts = _facts([
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
    note = f"<h3>Ghi chú</h3><p>{_lines(d.note)}</p>" if d.note else ""
    copied = "<p class='muted'>Sao chép từ phong trào năm trước.</p>" if d.copied_from_id else ""
    return (
        f"{STYLE}<h2>{escape(d.name)}</h2>{facts}{_phases(d)}{_milestones(d)}{_targets(d)}"
        f"{_units(d)}{note}{copied}"
    )


def empty_html(text: str) -> str:
    return f"{STYLE}<p class='empty'>{escape(text)}</p>"
