"""Decisions of the commune chairman (quyết định khen thưởng): what the officer types, the lines
of a decision with their money, and the checks made before anything is written.

A decision is issued from a voted round: the nominations the council passed that lie within the
commune's authority (the award's decider in the rules in force on the decision date) are
decided; the others go upward in a proposal (tờ trình). An issued decision is never edited: a
correcting decision (đính chính) revokes awards and issues replacements.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import AwardKind, DecisionKind, SignVariant, SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.money import MoneyLine, PaidLine, apply_several_awards
from emulation_desktop.domain.nominations import notice_end
from emulation_desktop.domain.subjects import SubjectKey, SubjectRef
from emulation_desktop.domain.text import money_in_words, nfc, thousands


@dataclass(frozen=True, slots=True)
class Signer:
    """Who signs and how the signature block reads (NĐ 30/2020): the chairman signs himself
    (`SignVariant.DIRECT`, title "Chủ tịch") or a vice-chairman signs for him (KT.)."""

    name: str
    title: str
    variant: SignVariant


@dataclass(frozen=True, slots=True)
class DecisionInput:
    """The officer's choices for a decision; empty `bases`/`summary` take the defaults and
    `number` None takes the next free number of the year's register."""

    issued_on: dt.date | None
    signer_name: str
    signer_title: str
    sign_variant: SignVariant = SignVariant.DIRECT
    bases: tuple[str, ...] = ()
    summary: str = ""
    number: int | None = None
    notice_override: str = ""  # why the round is decided before its public notice ended


@dataclass(frozen=True, slots=True)
class ReplacementLine:
    """A line of a correcting decision: who, which award, for what, and (when edited) the
    money; `replaces_id` is the revoked award it stands for, if any."""

    subject: SubjectKey
    award_code: str
    achievement: str
    amount: int | None = None  # None: computed from the rules as for any decision
    period: str = ""
    replaces_id: int | None = None
    year: int | None = None  # achievement year; default: the replaced award's


@dataclass(frozen=True, slots=True)
class CorrectionInput:
    issued_on: dt.date | None
    reason: str
    signer_name: str
    signer_title: str
    sign_variant: SignVariant = SignVariant.DIRECT
    revoke: tuple[int, ...] = ()
    replacements: tuple[ReplacementLine, ...] = ()
    bases: tuple[str, ...] = ()
    summary: str = ""
    number: int | None = None


@dataclass(frozen=True, slots=True)
class DecisionLine:
    """One awardee of a decision (or of its preview): `amount` is what the rules give the award,
    `paid` what is paid once Art. 49.4–49.6 is applied (0 with `money_note` saying why)."""

    nomination_id: int | None
    subject: SubjectRef
    award_code: str
    award_name: str
    award_kind: AwardKind
    rank: int
    period: str
    achievement: str
    amount: int | None
    paid: int
    money_note: str = ""
    position: int = 0
    year: int = 0  # achievement year
    register_number: str = ""  # số sổ, once issued
    award_id: int | None = None
    revoked_by: str = ""  # "07/QĐ-UBND ngày 10/01/2027": replaced by a correcting decision

    @property
    def money_text(self) -> str:
        if self.amount is None:
            return "Không kèm tiền thưởng"
        return thousands(self.paid)


@dataclass(frozen=True, slots=True)
class NoticeState:
    """The public notice a round needs (Gia đình văn hóa, thôn, tổ dân phố văn hóa)."""

    needed: bool
    start: dt.date | None
    days: int
    document: str = ""

    @property
    def ends_on(self) -> dt.date | None:
        """The notice's last day, as the round's screen shows it (the start counts)."""
        return notice_end(self.start, self.days)

    def ended_by(self, day: dt.date) -> bool:
        end = self.ends_on
        return not self.needed or (end is not None and end < day)

    def warning(self, day: dt.date) -> str:
        """ "" when the notice does not hold the decision up, else what to do."""
        if self.ended_by(day):
            return ""
        if self.start is None:
            return (
                "Danh sách của đợt này phải được công khai (niêm yết) 10 ngày trước khi quyết "
                "định, nhưng chưa ghi ngày bắt đầu công khai. Hãy ghi thông báo công khai ở "
                "đợt xét, hoặc nêu lý do quyết định ngay."
            )
        return (
            f"Thời gian công khai danh sách ({self.days} ngày từ {day_text(self.start)}) đến "
            f"hết ngày {day_text(self.ends_on)}; chưa nên quyết định ngày {day_text(day)}. "
            "Hãy chọn ngày quyết định sau đó, hoặc nêu lý do quyết định trước khi hết hạn."
        )


@dataclass(frozen=True, slots=True)
class DecisionPreview:
    """What `issue` would write for a round on a date: the lines within the commune's authority
    with their money, and those to propose upward."""

    round_id: int
    round_name: str
    round_year: int
    period: str
    issued_on: dt.date
    held_on: dt.date | None
    next_number: str  # "06/QĐ-UBND": the number the decision would take
    rules_name: str
    base_salary: int
    within: tuple[DecisionLine, ...]
    upward: tuple[DecisionLine, ...]
    notice: NoticeState
    problems: tuple[str, ...]  # what `issue` would refuse (inactive subjects, a date…)
    default_bases: tuple[str, ...]
    default_summary: str

    @property
    def total(self) -> int:
        return sum(line.paid for line in self.within)

    @property
    def total_words(self) -> str:
        return money_in_words(self.total)

    @property
    def notice_warning(self) -> str:
        return self.notice.warning(self.issued_on)


@dataclass(frozen=True, slots=True)
class DecisionItem:
    """A line of the decisions list (the commune's own and the higher levels' recorded)."""

    id: int
    kind: DecisionKind
    number: str
    issued_on: dt.date
    issuer: str
    summary: str
    round_name: str
    lines: int
    revoked: int  # awards of this decision later replaced
    total: int
    signer_name: str
    corrects: str = ""  # the number of the corrected decision
    corrected_by: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return f"{self.kind.label} số {self.number}"


@dataclass(frozen=True, slots=True)
class DecisionDetail:
    item: DecisionItem
    signer_title: str
    sign_variant: SignVariant
    bases: tuple[str, ...]
    reason: str  # of a correction
    lines: tuple[DecisionLine, ...]
    revoked_lines: tuple[DecisionLine, ...]  # for a correction: the awards it revoked
    register_entry: str  # "05/QĐ-UBND – sổ văn bản năm 2026"
    round_id: int | None = None

    @property
    def total(self) -> int:
        return sum(line.paid for line in self.lines if not line.revoked_by)


# Checks ---------------------------------------------------------------------------------------


def clean_signer(name: str, title: str, variant: SignVariant) -> Signer:
    errors: dict[str, str] = {}
    name, title = " ".join(nfc(name).split()), " ".join(nfc(title).split())
    if not name:
        errors["signer_name"] = "Hãy nhập họ tên người ký."
    if not title:
        errors["signer_title"] = "Hãy nhập chức vụ người ký (ví dụ: Chủ tịch, Phó Chủ tịch)."
    if errors:
        raise ValidationError(errors)
    return Signer(name, title, variant)


def clean_lines(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Căn cứ lines as typed: blanks dropped, spaces tidied, the final ";" or "." left to the
    document (NĐ 30 punctuates them by their place)."""
    out = []
    for line in lines:
        text = " ".join(nfc(line).split()).rstrip(" ;,.")
        if text:
            out.append(text)
    return tuple(out)


def clean_decision(data: DecisionInput) -> DecisionInput:
    if data.issued_on is None:
        raise ValidationError({"issued_on": "Hãy nhập ngày ký quyết định."})
    signer = clean_signer(data.signer_name, data.signer_title, data.sign_variant)
    if data.number is not None and data.number <= 0:
        raise ValidationError({"number": "Số quyết định phải là số nguyên dương."})
    return replace(
        data,
        signer_name=signer.name,
        signer_title=signer.title,
        bases=clean_lines(data.bases),
        summary=" ".join(nfc(data.summary).split()),
        notice_override=" ".join(nfc(data.notice_override).split()),
    )


def clean_correction(data: CorrectionInput) -> CorrectionInput:
    if data.issued_on is None:
        raise ValidationError({"issued_on": "Hãy nhập ngày ký quyết định đính chính."})
    reason = " ".join(nfc(data.reason).split())
    if not reason:
        raise ValidationError({"reason": "Hãy ghi lý do đính chính (sai sót nào, ở đâu)."})
    signer = clean_signer(data.signer_name, data.signer_title, data.sign_variant)
    if not data.revoke and not data.replacements:
        raise UserError(
            "Quyết định đính chính chưa có nội dung: hãy chọn khen thưởng cần thu hồi hoặc thêm "
            "dòng thay thế."
        )
    if len(set(data.revoke)) != len(data.revoke):
        raise UserError("Một khen thưởng được chọn thu hồi hai lần; hãy bỏ dòng trùng.")
    lines = []
    for line in data.replacements:
        if line.amount is not None and line.amount < 0:
            raise ValidationError({"amount": "Tiền thưởng không được là số âm."})
        lines.append(
            replace(
                line,
                achievement=" ".join(nfc(line.achievement).split()),
                period=" ".join(nfc(line.period).split()),
            )
        )
    if data.number is not None and data.number <= 0:
        raise ValidationError({"number": "Số quyết định phải là số nguyên dương."})
    return replace(
        data,
        reason=reason,
        signer_name=signer.name,
        signer_title=signer.title,
        replacements=tuple(lines),
        bases=clean_lines(data.bases),
        summary=" ".join(nfc(data.summary).split()),
    )


def inactive_problem(refs: list[SubjectRef]) -> str:
    """The refusal for subjects no longer followed since the council voted."""
    refs = list({r.key: r for r in refs}.values())
    names = ", ".join(f"«{r.name}»" for r in refs[:5]) + ("…" if len(refs) > 5 else "")
    return (
        f"{names} đã ngừng theo dõi trong danh sách sau khi Hội đồng xét, nên chưa ra quyết "
        "định được. Hãy theo dõi lại đối tượng (nếu nhầm) hoặc rút đề nghị khỏi danh sách (mục "
        "Đề nghị khen thưởng, nút «Rút…»)."
    )


# Money ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PricedLine:
    """A line before Art. 49.4–49.6: the award's own amount (None: no money for it)."""

    key: int  # the caller's index
    subject: SubjectRef
    award_code: str
    award_name: str
    award_kind: AwardKind
    rank: int
    period: str
    achievement: str
    amount: int | None


def pay(lines: list[PricedLine]) -> dict[int, tuple[int, str]]:
    """key → (paid, why not) for lines decided together; one call for the whole decision."""
    money = [
        MoneyLine(
            f"{ln.subject.kind.value}:{ln.subject.id}", ln.award_code, ln.award_kind, ln.rank,
            ln.period, ln.achievement, ln.amount or 0, ln.award_name,
        )
        for ln in lines
    ]  # fmt: skip
    paid: list[PaidLine] = apply_several_awards(money)
    return {ln.key: (p.paid, p.reason) for ln, p in zip(lines, paid, strict=True)}


# Counting -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    units: int = 0
    households: int = 0
    people: int = 0

    @property
    def text(self) -> str:
        """ "3 tập thể, 2 hộ gia đình và 25 cá nhân"."""
        parts = [f"{n} {label}" for n, label in ((self.units, "tập thể"),
                 (self.households, "hộ gia đình"), (self.people, "cá nhân")) if n]  # fmt: skip
        if len(parts) > 1:
            return ", ".join(parts[:-1]) + " và " + parts[-1]
        return parts[0] if parts else "0 đối tượng"


def count_subjects(lines: list[DecisionLine] | tuple[DecisionLine, ...]) -> Counts:
    seen: dict[SubjectKind, set[int]] = {k: set() for k in SubjectKind}
    for line in lines:
        seen[line.subject.kind].add(line.subject.id)
    return Counts(
        len(seen[SubjectKind.UNIT]), len(seen[SubjectKind.HOUSEHOLD]), len(seen[SubjectKind.PERSON])
    )
