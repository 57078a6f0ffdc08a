"""The detail beside a round's list: one đề nghị with its verdict, every criterion with its
legal basis, the achievement summary and the dossier papers; and the words and colours a verdict
shows with in the list."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.nomination_dossier import DossierPaper
from emulation_desktop.domain.nominations import NominationItem
from emulation_desktop.domain.rules.eligibility import Outcome, Verdict
from emulation_desktop.services.round_verdicts import NOT_CHECKED, ItemVerdict

from emulation_desktop.gui.widgets.detail_html import (
    PENDING_COLOR,
    STYLE,
    Html,
    facts_html,
    followed_mark,
    text_block,
)

GOOD_COLOR, BAD_COLOR = "#1b6e20", "#b3261e"
VERDICT_COLOR = {Verdict.ELIGIBLE: GOOD_COLOR, Verdict.NOT_ELIGIBLE: BAD_COLOR,
                 Verdict.REVIEW: PENDING_COLOR}  # fmt: skip
VERDICT_MARK = {Verdict.ELIGIBLE: "✓", Verdict.NOT_ELIGIBLE: "✗", Verdict.REVIEW: "?"}
OUTCOME_MARK = {Outcome.MET: ("✓", GOOD_COLOR), Outcome.NOT_MET: ("✗", BAD_COLOR),
                Outcome.UNKNOWN: ("?", PENDING_COLOR)}  # fmt: skip
SHORT = {Verdict.ELIGIBLE: "Đủ điều kiện", Verdict.NOT_ELIGIBLE: "Không đủ",
         Verdict.REVIEW: "Cần xem xét"}  # fmt: skip


def verdict_text(v: ItemVerdict | None) -> str:
    """ "✓ Đủ điều kiện" for the list's column."""
    if v is not None and v.settled:
        return "• Đã quyết định"
    if v is None or v.verdict is None:
        return "– " + NOT_CHECKED
    return f"{VERDICT_MARK[v.verdict]} {SHORT[v.verdict]}"


def verdict_color(v: ItemVerdict | None) -> str:
    return VERDICT_COLOR[v.verdict] if v is not None and v.verdict is not None else "#707070"


def _colored(text: str, color: str, bold: bool = True) -> str:
    weight = "font-weight: bold; " if bold else ""
    return f"<span style='{weight}color: {color}'>{escape(text)}</span>"


def item_html(i: NominationItem, v: ItemVerdict | None, papers: Sequence[DossierPaper]) -> str:
    place = ("Loại đơn vị", i.subject.place) if i.subject.kind is SubjectKind.UNIT else (
        "Đơn vị", i.subject.place)  # fmt: skip
    facts = facts_html([
        ("Đối tượng", i.subject.kind.label),
        place,
        ("Đề nghị", i.award_name),
        ("Thời gian", i.period),
        ("Đơn vị đề nghị", i.proposing_unit),
        ("Lập từ", i.source.label),
        ("Trạng thái", i.status.label),
        ("Ghi chú", i.note),
    ])  # fmt: skip
    head = f"<h2>{escape(i.subject.name)}{followed_mark(i.subject.active)}</h2>"
    return (f"{STYLE}{head}{facts}{verdict_html(v)}"
            f"{text_block('Tóm tắt thành tích', i.achievement) or _no_achievement()}"
            f"{papers_html(papers)}")  # fmt: skip


def _no_achievement() -> str:
    return ("<h3>Tóm tắt thành tích</h3><p class='empty'>Chưa ghi tóm tắt thành tích "
            "(bấm «Sửa» để ghi).</p>")  # fmt: skip


def verdict_html(v: ItemVerdict | None) -> str:
    if v is None:
        return ""
    color = verdict_color(v)
    out = [f"<h3>Kiểm tra điều kiện: {_colored(v.label, color)}</h3>"]
    out.append(f"<p>{escape(v.summary)}</p>")
    if v.verdict is Verdict.REVIEW and v.criteria:
        out.append("<p class='muted'>Xác nhận các mục cần xem xét hoặc ghi quyết định khác ở mục "
                   "Cài đặt › Mở bộ quy định… › Kiểm tra điều kiện; Hội đồng cũng xét theo hồ "
                   "sơ.</p>")  # fmt: skip
    if v.override_reason and v.computed is not None and v.computed is not v.verdict:
        out.append(f"<p class='muted'>Kết quả tự động: {escape(v.computed.label)}.</p>")
    for w in v.warnings:
        out.append(f"<p>{_colored('⚠ ' + w, PENDING_COLOR, bold=False)}</p>")
    if v.criteria:
        rows = []
        for c in v.criteria:
            mark, mcolor = OUTCOME_MARK[c.outcome]
            rows.append(
                f"<li>{_colored(mark + ' ' + c.outcome.label, mcolor)} – {escape(c.text)}<br>"
                f"<span class='muted'>{escape(c.reason)} Căn cứ: {escape(c.basis)} "
                f"({escape(c.confidence)}).</span></li>"
            )
        rules = f" theo «{escape(v.rules_name)}»" if v.rules_name else ""
        out.append(f"<p class='muted'>Các tiêu chuẩn{rules}:</p><ul>{''.join(rows)}</ul>")
    return "".join(out)


def papers_html(papers: Sequence[DossierPaper]) -> str:
    if not papers:
        return ""
    lines = []
    for p in papers:
        mark = _colored("✓", GOOD_COLOR) if p.done else _colored("○", PENDING_COLOR)
        file = f" <span class='muted'>– {escape(p.file_text)}</span>" if p.has_file else ""
        lines.append(f"<li>{mark} {escape(p.title)}{file}</li>")
    return ("<h3>Hồ sơ</h3><ul>" + "".join(lines) + "</ul><p class='muted'>Đánh dấu, đính kèm "
            "ở thẻ «Hồ sơ, công khai».</p>")  # fmt: skip


def round_facts(rows: Sequence[tuple[str, str]]) -> str:
    return STYLE + facts_html(rows)


__all__ = ["Html", "item_html", "verdict_color", "verdict_text"]
