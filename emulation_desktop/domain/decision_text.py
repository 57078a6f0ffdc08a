"""The words of a decision: default legal bases (Căn cứ) and trích yếu, the order of the list
(as names are read out at the ceremony), the articles, the signature block, and the frozen data
a document generator lays out (NĐ 30/2020; the .docx itself is the documents module's work).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from emulation_desktop.domain.decisions import DecisionLine, count_subjects
from emulation_desktop.domain.enums import AwardKind, RoundKind, SignVariant, SubjectKind
from emulation_desktop.domain.subjects import subject_sort_key
from emulation_desktop.domain.text import date_line, lower_first, thousands

REFORM_DAY = dt.date(2025, 7, 1)  # Luật 72/2025: two levels of local government

_LAW_LOCAL_2025 = (
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025"
)
_LAW_LOCAL_2015 = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
_LAW_TDKT = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022"
_DECREES = {
    "nd152-2025": "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ "
    "quy định chi tiết một số điều của Luật Thi đua, khen thưởng",
    "nd98-2023": "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ "
    "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
}
_DECREE_86 = (
    "Căn cứ Nghị định số 86/2023/NĐ-CP ngày 07 tháng 12 năm 2023 của Chính phủ quy định khung "
    "tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu “Gia đình văn hóa”; “Thôn, tổ "
    "dân phố văn hóa”, “Xã, phường, thị trấn tiêu biểu”"
)


def long_date(day: dt.date) -> str:
    """ "ngày 05 tháng 12 năm 2026", as legal bases cite dates."""
    return date_line("", day).removeprefix(", ")


def default_bases(
    day: dt.date, rules_code: str, rules_basis: str, kind: RoundKind, held_on: dt.date | None
) -> tuple[str, ...]:
    """The Căn cứ lines a commune decision usually carries, for the rules in force on `day`."""
    lines = [_LAW_LOCAL_2025 if day >= REFORM_DAY else _LAW_LOCAL_2015, _LAW_TDKT,
             _DECREES.get(rules_code, f"Căn cứ {rules_basis}")]  # fmt: skip
    if kind in (RoundKind.FAMILY, RoundKind.VILLAGE):
        lines.append(_DECREE_86)
    if held_on is not None:
        lines.append(
            f"Xét đề nghị của Hội đồng Thi đua – Khen thưởng tại Biên bản họp {long_date(held_on)}"
        )
    return tuple(lines)


def decree_name(rules_basis: str) -> str:
    """ "Nghị định số 152/2025/NĐ-CP" from the rule set's basis "Nghị định 152/2025/NĐ-CP"."""
    return re.sub(r"^Nghị định (?!số )", "Nghị định số ", rules_basis)


_OWN_ISSUER = re.compile(r" của Chủ tịch (UBND|Ủy ban nhân dân) (xã|phường|đặc khu)$")
_SUBJECT_TAIL = re.compile(r" \((cá nhân|tập thể|hộ gia đình)\)$")


def short_name(name: str, own: bool = True) -> str:
    """ "Giấy khen của Chủ tịch UBND xã (cá nhân)" → "Giấy khen" in the chairman's own decision
    (`own`), "Bằng khen của Chủ tịch UBND tỉnh" in a proposal: one heading for a form given to
    collectives, households and individuals alike."""
    name = _SUBJECT_TAIL.sub("", name)
    return _OWN_ISSUER.sub("", name) if own else name


def _award_phrase(kind: AwardKind, name: str, own: bool = True) -> str:
    return f"danh hiệu “{name}”" if kind is AwardKind.TITLE else short_name(name, own)


def default_summary(lines: Sequence[DecisionLine], period: str, own: bool = True) -> str:
    """ "Về việc công nhận danh hiệu “Lao động tiên tiến” và tặng Giấy khen năm 2026";
    a proposal (`own` False) reads "Về việc đề nghị tặng …"."""
    titles = _names(lines, AwardKind.TITLE, own)
    forms = _names(lines, AwardKind.FORM, own)
    verb_title, verb_form = ("công nhận", "tặng") if own else ("tặng", "tặng")
    parts = []
    if titles:
        parts.append(f"{verb_title} danh hiệu " + ", ".join(f"“{t}”" for t in titles))
    if forms:
        parts.append(f"{verb_form} " + ", ".join(forms))
    text = "Về việc " + ("đề nghị " if not own else "") + " và ".join(parts)
    return f"{text} {period}".strip() if period else text


def _names(lines: Sequence[DecisionLine], kind: AwardKind, own: bool) -> list[str]:
    ranked: dict[str, int] = {}
    for line in lines:
        if line.award_kind is kind:
            name = line.award_name if kind is AwardKind.TITLE else short_name(line.award_name, own)
            ranked[name] = max(ranked.get(name, 0), line.rank)
    return sorted(ranked, key=lambda n: -ranked[n])


# The list, in ceremony order ------------------------------------------------------------------

_KIND_ORDER = {SubjectKind.UNIT: 0, SubjectKind.HOUSEHOLD: 1, SubjectKind.PERSON: 2}


@dataclass(frozen=True, slots=True)
class ListRow:
    number: int  # STT within the whole list
    subject_kind: SubjectKind
    name: str
    place: str
    award_name: str
    achievement: str
    amount: int | None  # paid; None: the award carries no money
    register_number: str  # số sổ


@dataclass(frozen=True, slots=True)
class ListSection:
    """The rows of one award ("Danh hiệu “Lao động tiên tiến”", "Giấy khen")."""

    title: str
    kind: AwardKind
    rows: tuple[ListRow, ...]

    @property
    def subtotal(self) -> int:
        return sum(r.amount or 0 for r in self.rows)


def sections(
    lines: Sequence[DecisionLine], ceremony: bool = True, own: bool = True
) -> tuple[ListSection, ...]:
    """One section per award heading, with the rows numbered through the whole list."""
    groups: dict[str, list[DecisionLine]] = {}
    for line in ordered(lines, ceremony, own):
        groups.setdefault(_heading(line, own), []).append(line)
    out, number = [], 0
    for title, group in groups.items():
        rows = []
        for line in group:
            number += 1
            rows.append(_row(number, line))
        out.append(ListSection(title, group[0].award_kind, tuple(rows)))
    return tuple(out)


def ordered(
    lines: Sequence[DecisionLine], ceremony: bool = True, own: bool = True
) -> list[DecisionLine]:
    """Higher awards first; within an award heading collectives, then households, then
    individuals, each in Vietnamese name order (`ceremony`: as names are read out); or the
    order of the round's list. Số sổ are given in this order."""
    groups: dict[str, list[DecisionLine]] = {}
    for line in lines:
        groups.setdefault(_heading(line, own), []).append(line)
    inner: Callable[[DecisionLine], tuple]
    if ceremony:
        keys = sorted(groups, key=lambda k: (-max(x.rank for x in groups[k]), k))

        def inner(x: DecisionLine) -> tuple:
            return (_KIND_ORDER[x.subject.kind], subject_sort_key(x.subject)[1], x.position)
    else:
        keys = sorted(groups, key=lambda k: min(x.position for x in groups[k]))

        def inner(x: DecisionLine) -> tuple:
            return (x.position,)

    return [line for k in keys for line in sorted(groups[k], key=inner)]


def _heading(line: DecisionLine, own: bool) -> str:
    if line.award_kind is AwardKind.TITLE:
        return f"Danh hiệu “{line.award_name}”"
    return short_name(line.award_name, own)


def _row(number: int, line: DecisionLine) -> ListRow:
    return ListRow(
        number, line.subject.kind, line.subject.name, line.subject.document_place, line.award_name,
        line.achievement, None if line.amount is None else line.paid, line.register_number,
    )  # fmt: skip


# Articles -------------------------------------------------------------------------------------


def award_article(lines: Sequence[DecisionLine], period: str) -> str:
    """Điều 1 of a decision: each award with whom it goes to."""
    groups: dict[str, list[DecisionLine]] = {}
    for line in ordered(lines):
        groups.setdefault(_heading(line, True), []).append(line)
    parts = []
    for group in groups.values():
        first = group[0]
        who = count_subjects(group).text
        if first.award_kind is AwardKind.TITLE:
            when = f" {period}" if period else ""
            parts.append(f"công nhận danh hiệu “{first.award_name}”{when} cho {who}")
        else:
            parts.append(f"tặng {short_name(first.award_name)} cho {who} có thành tích xuất sắc")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + " (có danh sách kèm theo)."


def money_article(total: int, words: str, decree: str, commune: str) -> str:
    return (
        f"Tiền thưởng kèm theo thực hiện theo quy định tại {decree}. Tổng số tiền thưởng là "
        f"{thousands(total)} đồng (Bằng chữ: {words}), chi từ Quỹ thi đua, khen thưởng của "
        f"{commune}."
    )


def execution_article(commune: str, officer_title: str) -> str:
    officer = officer_title or "công chức phụ trách công tác thi đua, khen thưởng"
    return (
        "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Hội đồng nhân dân và Ủy ban "
        f"nhân dân {commune}, {lower_first(officer)}, thủ trưởng các cơ quan, đơn "
        "vị có liên quan và các tập thể, cá nhân, hộ gia đình có tên tại Điều 1 chịu trách nhiệm "
        "thi hành Quyết định này."
    )


def punctuated(bases: Sequence[str]) -> tuple[str, ...]:
    """NĐ 30: one Căn cứ per line ending with ";", the last with "."."""
    return tuple(b + (";" if i < len(bases) - 1 else ".") for i, b in enumerate(bases))


def signature_lines(
    variant: SignVariant, title: str, *, collective: bool = False
) -> tuple[str, ...]:
    """The lines above the signer's name. The chairman's own decision: "CHỦ TỊCH", or
    "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; a document of the People's Committee (`collective`, a tờ
    trình) starts with "TM. ỦY BAN NHÂN DÂN"."""
    title = title.upper()
    top = ("TM. ỦY BAN NHÂN DÂN",) if collective or variant is SignVariant.TM else ()
    if variant in (SignVariant.DIRECT, SignVariant.TM):
        return (*top, title)
    if variant is SignVariant.Q:
        return (*top, "Q. CHỦ TỊCH")
    return (*top, f"{variant.prefix} CHỦ TỊCH", title)
