"""The frozen data of a Quyết định and of a Tờ trình, as a document generator lays them out
(NĐ 30/2020 Phụ lục I): header, number and place-date line, type and trích yếu, Căn cứ,
articles or body, the list annex, the signature block and Nơi nhận. Every text is final: the
generator only places it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emulation_desktop.domain.decision_text import ListRow, ListSection
from emulation_desktop.domain.enums import DecisionKind


@dataclass(frozen=True, slots=True)
class DocumentHeader:
    """Top of the first page: the issuing body left ("ỦY BAN NHÂN DÂN" / "XÃ CÁT THÀNH") with
    "Số: 05/QĐ-UBND" under it; Quốc hiệu, Tiêu ngữ and the place-date line right; then the
    type name ("QUYẾT ĐỊNH") and the trích yếu centred."""

    issuer_lines: tuple[str, ...]
    number: str  # "05/QĐ-UBND" (the generator writes "Số: " before it)
    issued_on: dt.date
    date_line: str  # "Cát Thành, ngày 05 tháng 01 năm 2026"
    type_name: str  # "QUYẾT ĐỊNH", "TỜ TRÌNH"
    summary: str  # "Về việc …"


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    lines: tuple[str, ...]  # ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), upper case, bold
    name: str  # "Trần Thị Thu"


@dataclass(frozen=True, slots=True)
class Article:
    label: str  # "Điều 1."
    text: str


@dataclass(frozen=True, slots=True)
class DecisionDocument:
    """Everything a Quyết định khen thưởng (or đính chính) prints, list annex included.

    `revoked` (a correction only) lists the awards withdrawn, `sections` the awards given, in
    ceremony order or the list's order as asked.
    """

    decision_id: int
    kind: DecisionKind
    header: DocumentHeader
    authority: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CÁT THÀNH"
    bases: tuple[str, ...]  # punctuated: "Căn cứ …;" … "Xét đề nghị … ."
    articles: tuple[Article, ...]
    list_title: str  # "DANH SÁCH KHEN THƯỞNG"
    list_subtitle: str  # "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05/01/2026 của …)"
    sections: tuple[ListSection, ...]
    revoked: tuple[ListRow, ...]
    total: int
    total_words: str
    signature: SignatureBlock
    recipients: tuple[str, ...]  # Nơi nhận, punctuated; the last "- Lưu: VT."

    @property
    def rows(self) -> tuple[ListRow, ...]:
        return tuple(r for s in self.sections for r in s.rows)


@dataclass(frozen=True, slots=True)
class ProposalDocument:
    """A Tờ trình đề nghị khen thưởng (NĐ 152/2025 Mẫu số 01 content, Art. 33.11): Kính gửi,
    bases, the achievements and the list proposed, the council's vote, the papers attached."""

    proposal_id: int
    header: DocumentHeader
    recipient: str  # "Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình" (after "Kính gửi: ")
    bases: tuple[str, ...]
    paragraphs: tuple[str, ...]
    list_title: str
    list_subtitle: str
    sections: tuple[ListSection, ...]
    attachments: tuple[str, ...]  # the papers sent with it, by name
    signature: SignatureBlock
    recipients: tuple[str, ...]

    @property
    def rows(self) -> tuple[ListRow, ...]:
        return tuple(r for s in self.sections for r in s.rows)
