"""The detail panel: who the selected subject is, every award they received, their grades, and
for a person the initiatives they authored."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.registry_views import (
    HouseholdItem,
    PersonDetail,
    SubjectHistory,
    UnitNode,
)

from emulation_desktop.gui.widgets.detail_html import STYLE, facts_html, followed_mark


def _awards(history: SubjectHistory) -> str:
    if not history.awards:
        return "<h3>Quá trình khen thưởng</h3><p class='empty'>Chưa có khen thưởng nào.</p>"
    rows = []
    for a in history.awards:
        what = f"<b>{escape(a.name)}</b>"
        if a.register_number:
            what += f"<br><span class='muted'>Số sổ: {escape(a.register_number)}</span>"
        if a.note:
            what += f"<br><span class='muted'>{escape(a.note)}</span>"
        decision = escape(a.decision_number)
        if a.decision_date:
            decision += f"<br>ngày {day_text(a.decision_date)}"
        if a.issuer:
            decision += f"<br><span class='muted'>{escape(a.issuer)}</span>"
        rows.append(f"<tr><td>{a.year}</td><td>{what}</td><td>{decision}</td></tr>")
    return (
        f"<h3>Quá trình khen thưởng ({len(history.awards)})</h3><table class='list' width='100%'>"
        "<tr><th>Năm</th><th>Danh hiệu, hình thức</th><th>Quyết định</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _evaluations(history: SubjectHistory) -> str:
    if not history.evaluations:
        return "<h3>Kết quả đánh giá hằng năm</h3><p class='empty'>Chưa có kết quả đánh giá.</p>"
    notes = any(e.note for e in history.evaluations)
    rows = "".join(
        f"<tr><td>{e.year}</td><td>{escape(e.grade.label)}</td>"
        + (f"<td>{escape(e.note)}</td>" if notes else "")
        + "</tr>"
        for e in history.evaluations
    )
    note_header = "<th>Ghi chú</th>" if notes else ""
    return (
        "<h3>Kết quả đánh giá hằng năm</h3><table class='list' width='100%'>"
        f"<tr><th>Năm</th><th>Xếp loại</th>{note_header}</tr>{rows}</table>"
    )


def _initiatives(history: SubjectHistory) -> str:
    title = "Sáng kiến, đề tài khoa học"
    if not history.initiatives:
        return f"<h3>{title}</h3><p class='empty'>Chưa có sáng kiến, đề tài nào.</p>"
    rows = []
    for i in history.initiatives:
        what = f"<b>{escape(i.title)}</b><br><span class='muted'>{escape(i.kind.label)}, "
        what += f"{escape(i.scope.label.lower())}"
        if i.share is not None:
            what += f"; đóng góp {i.share}%"
        what += "</span>"
        if i.co_authors:
            what += f"<br><span class='muted'>Cùng: {escape(', '.join(i.co_authors))}</span>"
        document = escape(i.document) if i.recognised else "<i>Chưa có văn bản công nhận</i>"
        rows.append(f"<tr><td>{i.year}</td><td>{what}</td><td>{document}</td></tr>")
    return (
        f"<h3>{title} ({len(history.initiatives)})</h3><table class='list' width='100%'>"
        "<tr><th>Năm</th><th>Tên sáng kiến, đề tài</th><th>Văn bản công nhận</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def person_html(d: PersonDetail) -> str:
    p = d.person
    facts = facts_html([
        ("Giới tính", p.gender.label),
        ("Ngày sinh", p.birth),
        ("Chức vụ", p.position),
        ("Đơn vị", d.unit_path),
        ("Đối tượng", p.kind.label),
        ("Ngày bắt đầu công tác", day_text(p.work_start)),
        ("Số CCCD", p.cccd),
        ("Chủ hộ tại", "; ".join(d.heads_households)),
    ])  # fmt: skip
    return (
        f"{STYLE}<h2>{escape(p.full_name)}{followed_mark(p.active)}</h2>{facts}"
        f"{_awards(d.history)}{_evaluations(d.history)}{_initiatives(d.history)}"
    )


def household_html(h: HouseholdItem, history: SubjectHistory) -> str:
    facts = facts_html([
        ("Chủ hộ", f"{h.head_gender.honorific} {h.head_name}"),
        ("Năm sinh chủ hộ", str(h.head_birth_year or "")),
        ("Địa chỉ", h.address),
        ("Thôn, tổ dân phố", h.unit_name),
    ])  # fmt: skip
    name = f"Hộ {h.head_gender.honorific.lower()} {escape(h.head_name)}{followed_mark(h.active)}"
    return f"{STYLE}<h2>{name}</h2>{facts}{_awards(history)}"


def unit_html(u: UnitNode, history: SubjectHistory) -> str:
    facts = facts_html([
        ("Loại đơn vị", u.kind.label),
        ("Thuộc", u.path.rsplit(" › ", 1)[0] if u.depth else ""),
        ("Số cá nhân", str(u.people)),
        ("Số hộ gia đình", str(u.households) if u.households else ""),
    ])  # fmt: skip
    return (
        f"{STYLE}<h2>{escape(u.name)}{followed_mark(u.active)}</h2>{facts}"
        f"{_awards(history)}{_evaluations(history)}"
    )


class DetailView(QTextBrowser):
    """Read-only rich text; selectable so a decision number can be copied."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty = empty_text
        self.setOpenLinks(False)
        self.setMinimumWidth(280)
        self.show_empty()

    def show_empty(self, text: str | None = None) -> None:
        self.setHtml(f"{STYLE}<p class='empty'>{escape(text or self._empty)}</p>")

    def show_html(self, html: str) -> None:
        self.setHtml(html)
