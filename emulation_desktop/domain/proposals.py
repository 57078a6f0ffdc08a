"""Proposals upward (tờ trình đề nghị cấp trên khen thưởng), the higher level's answer, and
awards of higher levels recorded from their decisions so every subject's history is complete."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from emulation_desktop.domain.decisions import DecisionLine, clean_signer
from emulation_desktop.domain.enums import (
    AwardKind,
    NominationStatus,
    ProposalStatus,
    SignVariant,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.subjects import SubjectKey
from emulation_desktop.domain.text import nfc

PACKAGE_FORMAT = 1  # version of the package manifest (manifest.json)
PACKAGE_PREFIX = "Hồ sơ đề nghị khen thưởng"


@dataclass(frozen=True, slots=True)
class ProposalInput:
    issued_on: dt.date | None
    signer_name: str
    signer_title: str
    sign_variant: SignVariant = SignVariant.DIRECT
    recipient: str = ""  # default: "Chủ tịch Ủy ban nhân dân tỉnh <province>"
    summary: str = ""
    number: int | None = None
    notice_override: str = ""


@dataclass(frozen=True, slots=True)
class AnswerInput:
    """The higher level's decision on a proposal: which nominations it awarded."""

    number: str
    issued_on: dt.date | None
    issuer: str
    awarded: tuple[int, ...]  # nomination ids; the others of the proposal were refused
    note: str = ""


@dataclass(frozen=True, slots=True)
class HigherAwardInput:
    """An award of a higher level given outside any round of the commune (a Bằng khen of the
    province chairman, a Huân chương…), from a catalog code or a name typed in."""

    subjects: tuple[SubjectKey, ...]
    year: int
    decision_number: str
    decision_date: dt.date | None
    issuer: str
    award_code: str = ""
    award_name: str = ""
    award_kind: AwardKind = AwardKind.FORM
    achievement: str = ""


@dataclass(frozen=True, slots=True)
class ProposalLine:
    line: DecisionLine
    status: NominationStatus
    votes_for: int | None = None


@dataclass(frozen=True, slots=True)
class ProposalItem:
    id: int
    number: str
    issued_on: dt.date
    round_id: int
    round_name: str
    recipient: str
    status: ProposalStatus
    sent_on: dt.date | None
    lines: int
    awarded: int
    refused: int
    exported_to: str
    signer_name: str
    answer: str = ""  # "Quyết định số 123/QĐ-UBND ngày … của Chủ tịch UBND tỉnh …"

    @property
    def status_text(self) -> str:
        if self.status is ProposalStatus.ANSWERED:
            return f"Đã có kết quả: {self.awarded}/{self.lines} được khen"
        if self.status is ProposalStatus.SENT and self.sent_on:
            return f"Đã gửi ngày {self.sent_on:%d/%m/%Y}"
        return self.status.label


@dataclass(frozen=True, slots=True)
class ProposalDetail:
    item: ProposalItem
    signer_title: str
    sign_variant: SignVariant
    summary: str
    bases: tuple[str, ...]
    lines: tuple[ProposalLine, ...]


def clean_proposal(data: ProposalInput) -> ProposalInput:
    if data.issued_on is None:
        raise ValidationError({"issued_on": "Hãy nhập ngày ký tờ trình."})
    signer = clean_signer(data.signer_name, data.signer_title, data.sign_variant)
    if data.number is not None and data.number <= 0:
        raise ValidationError({"number": "Số tờ trình phải là số nguyên dương."})
    return replace(
        data,
        signer_name=signer.name,
        signer_title=signer.title,
        recipient=" ".join(nfc(data.recipient).split()),
        summary=" ".join(nfc(data.summary).split()),
        notice_override=" ".join(nfc(data.notice_override).split()),
    )


def _decision_fields(
    number: str, day: dt.date | None, issuer: str, errors: dict[str, str]
) -> tuple[str, str]:
    """The higher level's decision as typed, its missing parts added to `errors`."""
    number, issuer = " ".join(nfc(number).split()), " ".join(nfc(issuer).split())
    if not number:
        errors["number"] = "Hãy nhập số quyết định (ví dụ 123/QĐ-UBND)."
    if day is None:
        errors["issued_on"] = "Hãy nhập ngày quyết định."
    if not issuer:
        errors["issuer"] = "Hãy nhập cấp, người ký (ví dụ: Chủ tịch UBND tỉnh Ninh Bình)."
    return number, issuer


def clean_answer(data: AnswerInput) -> AnswerInput:
    errors: dict[str, str] = {}
    number, issuer = _decision_fields(data.number, data.issued_on, data.issuer, errors)
    if errors:
        raise ValidationError(errors)
    if len(set(data.awarded)) != len(data.awarded):
        raise UserError("Một đề nghị được đánh dấu hai lần; hãy bỏ dòng trùng.")
    return replace(data, number=number, issuer=issuer, note=" ".join(nfc(data.note).split()))


def clean_higher_award(data: HigherAwardInput) -> HigherAwardInput:
    errors: dict[str, str] = {}
    number, issuer = _decision_fields(data.decision_number, data.decision_date, data.issuer, errors)
    if not data.subjects:
        errors["subjects"] = "Hãy chọn ít nhất một cá nhân, tập thể hoặc hộ gia đình."
    name = " ".join(nfc(data.award_name).split())
    if not data.award_code.strip() and not name:
        errors["award"] = "Hãy chọn hình thức, danh hiệu trong danh mục hoặc gõ tên của nó."
    if not 1945 <= data.year <= 2100:
        errors["year"] = "Năm thành tích không hợp lệ."
    if errors:
        raise ValidationError(errors)
    if len(set(data.subjects)) != len(data.subjects):
        raise UserError("Một đối tượng được chọn hai lần; hãy bỏ dòng trùng.")
    return replace(
        data,
        decision_number=number,
        issuer=issuer,
        award_code=data.award_code.strip(),
        award_name=name,
        achievement=" ".join(nfc(data.achievement).split()),
    )


def package_name(number: str, year: int) -> str:
    """ "Hồ sơ đề nghị khen thưởng 12-TTr-UBND năm 2026": a folder (or zip) name with no "/"."""
    return f"{PACKAGE_PREFIX} {number.replace('/', '-')} năm {year}"
