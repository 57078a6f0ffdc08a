"""The shape of a rule set: what the law says, as values with their legal basis and confidence.

A rule set is in force from `effective_from` until the next one starts. Numbers and texts live in
resources/data/rules/*.json (and in the database once edited); code holds only mechanisms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from emulation_desktop.domain.enums import AwardKind, SubjectKind


class Confidence(StrEnum):
    """The marks of reference/domain.md: ✅ may be a default; ⚠️ and ❓ must stay editable."""

    VERIFIED = "verified"  # ✅
    PARTLY = "partly"  # ⚠️
    UNVERIFIED = "unverified"  # ❓

    @property
    def mark(self) -> str:
        # Plain symbols every Windows font has (the emoji of domain.md may show as boxes).
        return {"verified": "✓", "partly": "⚠", "unverified": "?"}[self.value]

    @property
    def label(self) -> str:
        return {
            "verified": "đã đối chiếu văn bản",
            "partly": "chưa đối chiếu đầy đủ",
            "unverified": "chưa kiểm chứng, cần xác nhận",
        }[self.value]


@dataclass(frozen=True, slots=True)
class LegalBasis:
    """Where a rule comes from: "Luật 06/2022/QH15", "Điều 23"; with its confidence."""

    text: str  # the legal text, e.g. "Nghị định 152/2025/NĐ-CP"
    article: str = ""  # "Điều 49 khoản 2"
    confidence: Confidence = Confidence.VERIFIED
    note: str = ""

    @property
    def citation(self) -> str:
        return f"{self.article} {self.text}".strip() if self.article else self.text


class Level(StrEnum):
    """Who decides: the commune chairman, or a proposal upward."""

    COMMUNE = "commune"  # Chủ tịch UBND xã
    DISTRICT = "district"  # đề nghị Chủ tịch UBND huyện (until 30/06/2025, Luật 72/2025)
    PROVINCE = "province"  # đề nghị Chủ tịch UBND tỉnh
    CENTRAL = "central"  # đề nghị lên Trung ương (qua tỉnh, Bộ Nội vụ)

    @property
    def label(self) -> str:
        return {
            "commune": "Chủ tịch UBND xã quyết định",
            "district": "Đề nghị Chủ tịch UBND huyện",
            "province": "Đề nghị Chủ tịch UBND tỉnh",
            "central": "Đề nghị cấp Trung ương (qua tỉnh)",
        }[self.value]


@dataclass(frozen=True, slots=True)
class AwardType:
    """One entry of the catalog: a title (danh hiệu) or a form (hình thức) for one subject kind.

    `coefficient` is × base salary (None: no money in the decree, e.g. Gia đình văn hóa);
    `multiplier` is the collective ×2 / household ×1.5 of NĐ 152 Art. 50–55 applied to the
    individual coefficient of the same form (1 when the coefficient is already the final one).
    `rank` orders awards for "only the highest title is paid" and ceremony order (higher first).
    """

    code: str  # "LDTT", "CSTDCS", "GIAY_KHEN_CA_NHAN"…
    name: str  # "Lao động tiên tiến"
    subject: SubjectKind
    kind: AwardKind
    decider: Level
    rank: int
    coefficient: float | None
    basis: LegalBasis
    multiplier: float = 1.0
    artefacts: tuple[str, ...] = ()  # "Bằng chứng nhận", "Khung"
    decider_basis: LegalBasis | None = None


class CheckKind(StrEnum):
    """Machine-checkable conditions; MANUAL is a checklist item the officer confirms."""

    GRADE_AT_LEAST = "grade_at_least"  # params: grade
    ELIGIBLE_FOR = "eligible_for"  # params: award (the same subject, the same year)
    ANY_OF = "any_of"  # params: checks (a list of conditions; one is enough)
    HAS_INITIATIVE = "has_initiative"  # a recognised initiative or accepted scientific work
    CONSECUTIVE_AWARDS = "consecutive_awards"  # params: award, years (ending the year before)
    NO_DISCIPLINE = "no_discipline"  # no discipline in force during the period
    NOT_PENDING = "not_pending"  # no inspection or complaint pending
    WORKED_MONTHS = "worked_months"  # params: months (maternity leave counts as work)
    NOT_ALREADY_AWARDED = "not_already_awarded"  # the same award for the same period
    MEMBERS_RATIO = "members_ratio"  # params: award, ratio, strict (collectives)
    MEMBERS_ALL_COMPLETED = "members_all_completed"  # every member at least "hoàn thành"
    MEMBERS_WITH_AWARD = "members_with_award"  # params: award, count (at least)
    MANUAL = "manual"  # no data to check: the officer ticks it


@dataclass(frozen=True, slots=True)
class Condition:
    """A check and its parameters; ANY_OF holds sub-conditions in `any_of`."""

    kind: CheckKind
    grade: str = ""  # a Grade value for GRADE_AT_LEAST
    award: str = ""  # an award code for ELIGIBLE_FOR, CONSECUTIVE_AWARDS, MEMBERS_*
    years: int = 0
    months: int = 0
    ratio: float = 0.0
    strict: bool = False  # ratio: ">" instead of "≥"
    count: int = 0
    any_of: tuple[Condition, ...] = ()


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion of a title, in the law's words, with the condition that checks it."""

    award: str  # award code
    id: str  # "LDTT.a"
    text: str  # Vietnamese, as the law puts it
    condition: Condition
    basis: LegalBasis


@dataclass(frozen=True, slots=True)
class Cap:
    """A ceiling such as CSTĐCS ≤ 15 % of LĐTT in a unit; a warning, never a refusal."""

    award: str
    of_award: str
    max_ratio: float
    enabled: bool
    basis: LegalBasis


@dataclass(frozen=True, slots=True)
class VoteRule:
    """Council vote threshold for an award (or "*" for any other) and the quorum."""

    award: str  # a code, or "*"
    min_ratio: float  # 2/3 ≈ 0.6667
    denominator: str  # "all_members" | "present"
    quorum: float  # share of members who must attend
    secret_ballot: bool
    basis: LegalBasis


@dataclass(frozen=True, slots=True)
class Rounding:
    """NĐ 152 Art. 49.2: coefficient × base, rounded up to the next 10,000 đồng.

    `order` "combined": (individual coefficient × multiplier) × base, rounded once;
    "per_individual": the individual amount rounded, then × multiplier (domain.md §4 ambiguity).
    """

    step: int = 10_000
    mode: str = "up"  # "up" | "nearest"
    order: str = "combined"  # "combined" | "per_individual"
    basis: LegalBasis | None = None


@dataclass(frozen=True, slots=True)
class BaseSalary:
    amount: int
    effective_from: dt.date
    basis: LegalBasis


@dataclass(frozen=True, slots=True)
class FundRule:
    """Quỹ thi đua, khen thưởng cấp xã: at most this share of recurrent spending."""

    max_share_plain: float  # 0.010 (đồng bằng, thành phố)
    max_share_remote: float  # 0.015 (miền núi, trung du, Tây Nguyên, hải đảo…)
    basis: LegalBasis


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules in force from `effective_from` (until the next set starts)."""

    code: str  # "nd152-2025"
    name: str  # "Nghị định 152/2025/NĐ-CP"
    effective_from: dt.date
    basis: LegalBasis
    awards: tuple[AwardType, ...]
    criteria: tuple[Criterion, ...]
    caps: tuple[Cap, ...] = ()
    votes: tuple[VoteRule, ...] = ()
    rounding: Rounding = field(default_factory=Rounding)
    fund: FundRule | None = None
    gap_basis: LegalBasis | None = None  # how "liên tục" and gaps are counted (Art. 33.7)
    note: str = ""

    def award(self, code: str) -> AwardType:
        for a in self.awards:
            if a.code == code:
                return a
        raise KeyError(code)

    def criteria_of(self, code: str) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.award == code)

    def vote_rule(self, code: str) -> VoteRule | None:
        return next((v for v in self.votes if v.award == code), None) or next(
            (v for v in self.votes if v.award == "*"), None
        )
