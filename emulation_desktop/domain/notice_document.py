"""Thông báo công khai danh sách đề nghị (NĐ 30/2020 Mẫu 1.4; NĐ 86/2023: the Gia đình văn
hóa and thôn, tổ dân phố văn hóa lists are public for 10 days before the decision): what is
published, for how long, where comments go, and the list attached."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from emulation_desktop.domain.decision_documents import DocumentHeader, SignatureBlock
from emulation_desktop.domain.decision_text import short_name
from emulation_desktop.domain.enums import AwardKind, SubjectKind
from emulation_desktop.domain.movements import short_date
from emulation_desktop.domain.text import closed, thousands


@dataclass(frozen=True, slots=True)
class NoticeRow:
    number: int  # STT through the whole list
    name: str
    place: str  # unit, thôn or address
    award: str


@dataclass(frozen=True, slots=True)
class NoticeSection:
    title: str  # "Danh hiệu “Gia đình văn hóa”"
    rows: tuple[NoticeRow, ...]


@dataclass(frozen=True, slots=True)
class NoticeDocument:
    round_id: int
    header: DocumentHeader
    bases: tuple[str, ...]  # punctuated
    paragraphs: tuple[str, ...]  # the body; the last ends "./."
    start: dt.date
    end: dt.date
    list_title: str
    list_subtitle: str
    sections: tuple[NoticeSection, ...]
    recipients: tuple[str, ...]
    signature: SignatureBlock

    @property
    def rows(self) -> tuple[NoticeRow, ...]:
        return tuple(r for s in self.sections for r in s.rows)


@dataclass(frozen=True, slots=True)
class Nominee:
    """One line of the round's list as the notice prints it."""

    kind: SubjectKind
    name: str
    place: str
    award_kind: AwardKind
    award_name: str


_DOCUMENT = re.compile(
    r"số\s+(?P<number>\d+/[A-ZĐ]+(?:-[A-ZĐ]+)+)(?:\s+ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}))?"
)


def parse_document(text: str) -> tuple[str, dt.date | None]:
    """ "Thông báo số 27/TB-UBND ngày 14/11/2024" → ("27/TB-UBND", 14/11/2024); ("", None) when
    the round's notice document says no number."""
    m = _DOCUMENT.search(text or "")
    if m is None:
        return "", None
    day = None
    if m.group("d"):
        try:
            day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            day = None
    return m.group("number"), day


def award_heading(kind: AwardKind, name: str) -> str:
    return f"Danh hiệu “{name}”" if kind is AwardKind.TITLE else short_name(name)


def award_phrase(kind: AwardKind, name: str) -> str:
    """ "công nhận danh hiệu “Gia đình văn hóa”", "tặng Giấy khen"."""
    return (
        f"công nhận danh hiệu “{name}”" if kind is AwardKind.TITLE else f"tặng {short_name(name)}"
    )


def summary(nominees: Sequence[Nominee], period: str) -> str:
    """ "Công khai danh sách đề nghị công nhận danh hiệu “Gia đình văn hóa” năm 2024"."""
    phrases = list(dict.fromkeys(award_phrase(n.award_kind, n.award_name) for n in nominees))
    text = "Công khai danh sách đề nghị " + " và ".join(phrases)
    return f"{text} {period}".strip()


_NOUNS = {SubjectKind.UNIT: "tập thể", SubjectKind.HOUSEHOLD: "hộ gia đình",
          SubjectKind.PERSON: "cá nhân"}  # fmt: skip


def who(nominees: Sequence[Nominee]) -> str:
    """ "151 hộ gia đình", "02 tập thể và 15 cá nhân"."""
    counts = {k: sum(1 for n in nominees if n.kind is k) for k in _NOUNS}
    parts = [f"{_count(c)} {_NOUNS[k]}" for k, c in counts.items() if c]
    return " và ".join(parts)


def _count(n: int) -> str:
    return f"{n:02d}" if n < 10 else thousands(n)


def sections(nominees: Sequence[Nominee]) -> tuple[NoticeSection, ...]:
    """One section per award, in the list's order, numbered through the whole list."""
    groups: dict[str, list[Nominee]] = {}
    for n in nominees:
        groups.setdefault(award_heading(n.award_kind, n.award_name), []).append(n)
    out, number = [], 0
    for title, group in groups.items():
        rows = []
        for n in group:
            number += 1
            award = n.award_name if n.award_kind is AwardKind.TITLE else short_name(n.award_name)
            rows.append(NoticeRow(number, n.name, n.place, award))
        out.append(NoticeSection(title, tuple(rows)))
    return tuple(out)  # fmt: skip


def body(
    commune: str, nominees: Sequence[Nominee], period: str, start: dt.date, end: dt.date,
    days: int, contact: str, *, kind: str,
) -> tuple[str, ...]:  # fmt: skip
    """The paragraphs of the notice. `commune` "xã Cát Thành"; `contact` "đồng chí …, công
    chức …" or ""; `kind` "xã", "phường" or "đặc khu"."""
    awards = " và ".join(dict.fromkeys(award_phrase(n.award_kind, n.award_name)
                                       for n in nominees))  # fmt: skip
    via = f" (qua {contact})" if contact else ""
    return (
        f"Ủy ban nhân dân {commune} thông báo công khai danh sách {who(nominees)} được đề nghị "
        f"{awards} {period} (có danh sách kèm theo), cụ thể như sau:",
        f"1. Hình thức công khai: niêm yết tại trụ sở Ủy ban nhân dân {commune}, nhà văn hóa các "
        f"thôn, tổ dân phố và thông báo trên hệ thống thông tin, truyền thanh của {kind}.",
        f"2. Thời gian công khai: {days} ngày, từ ngày {short_date(start)} đến hết ngày "
        f"{short_date(end)}.",
        "3. Ý kiến góp ý, phản ánh (nếu có) về các trường hợp trong danh sách xin gửi về Ủy ban "
        f"nhân dân {commune}{via} trực tiếp tại trụ sở hoặc bằng văn bản trong thời gian công "
        "khai nêu trên. Hết thời hạn công khai, Ủy ban nhân dân tổng hợp ý kiến, báo cáo Hội đồng "
        "Thi đua – Khen thưởng xem xét theo quy định.",
        closed(
            f"Ủy ban nhân dân {commune} thông báo để các cơ quan, đơn vị, thôn, tổ dân phố và "
            "Nhân dân biết, tham gia ý kiến"
        ),
    )


def recipients(commune: str) -> tuple[str, ...]:
    return (
        f"- Thường trực Đảng ủy, HĐND {commune};",
        f"- Lãnh đạo UBND {commune};",
        f"- Ủy ban MTTQ Việt Nam {commune};",
        "- Các thôn, tổ dân phố (để niêm yết);",
        "- Lưu: VT.",
    )
