"""The eligibility engine: does a subject meet the criteria of an award for a year?

For one subject, one award and one year the engine lists every criterion of the rule set as met,
not met or unknown, with a Vietnamese reason; the criterion carries its legal basis and its
confidence. The verdict follows from the list:

- NOT_ELIGIBLE when any criterion is NOT_MET;
- else REVIEW when any is UNKNOWN: missing data (no grade recorded for the year, no start date,
  no member list) or a MANUAL checklist item the officer has not ticked;
- else ELIGIBLE.

An officer may decide otherwise with a written reason (`Assessment.with_override`); the computed
verdict stays beside it for the minutes.

How each check reads the facts (NĐ 152/2025 Điều 4 and Điều 33 khoản 7):

- GRADE_AT_LEAST: the grade of the year, compared by `Grade.rank`; no grade → UNKNOWN.
- HAS_INITIATIVE: the year is in `initiative_years`.
- NO_DISCIPLINE: NOT_MET when a discipline period shares a day with the year, including one that
  ends in the middle of the year (achievement counts only from the end of the discipline, so the
  year is incomplete), and when a discipline is still running (awards are paused meanwhile).
- NOT_PENDING: NOT_MET while an inspection, complaint or denunciation is pending.
- WORKED_MONTHS: the working months of the year from `work_start`, each calendar month counted
  as the share of its days worked; days of non-maternity leave are deducted, maternity leave
  counts as work (Điều 4 khoản 5). No start date → UNKNOWN.
- NOT_ALREADY_AWARDED: NOT_MET when the subject already holds this award for the year (one
  achievement is commended once).
- ELIGIBLE_FOR: the subject meets the *standard* of another award for the same year: that award
  is already held, or its criteria hold with its MANUAL items counted as met (the reason says
  so) and its own NOT_ALREADY_AWARDED left out. A rule that leads back to itself gives UNKNOWN
  instead of recursing.
- CONSECUTIVE_AWARDS (award B, N), for an award T assessed for year Y: "N lần liên tục B" means
  B for each of the years Y-N+1 … Y (CSTĐ tỉnh: CSTĐCS in Y-2, Y-1 and Y). A year without B
  breaks the chain; a gap is never bridged. When B itself covers several years (CSTĐ tỉnh covers
  3, see `period_years`) its "lần" follow each other without a gap: CSTĐ toàn quốc for 2025
  needs CSTĐ tỉnh for 2022 and 2025. Year Y may still be waiting for its B decision: when the
  subject meets the standard of B for Y the check is UNKNOWN ("decide B first"), else NOT_MET.
  Following Điều 33 khoản 7 (the next proposal counts from the achievement period of the
  previous decision), the years up to a previous award of T are spent: a T received for year X
  inside the window makes it NOT_MET. A discipline overlapping the window breaks the chain too
  (achievement counts only from its end). (The comment on CheckKind says "ending the year
  before"; the window includes Y, because CSTĐ tỉnh for Y is proposed with CSTĐCS for Y.)
- MEMBERS_RATIO (award A, ratio, strict): the share of members (looked up in the FactsBook) who
  hold A for the year or meet its standard; "strict" means "more than", otherwise "at least".
  If the share only passes when the unknown members are counted, the check is UNKNOWN.
- MEMBERS_ALL_COMPLETED: every member is graded at least "Hoàn thành nhiệm vụ".
- MEMBERS_WITH_AWARD (award A, count ≥ 1): members holding A for the year or meeting its standard.
- MANUAL: UNKNOWN unless the officer ticked the criterion id (then MET, "Cán bộ đã xác nhận.").

Caps such as "CSTĐCS ≤ 15 % of LĐTT" are cross-subject: `assess_batch` counts the subjects of the
batch, or of `population` when given (call it once per unit to cap per unit), and adds a
WARNING, never a refusal, to every candidate when the cap is exceeded.

"Same achievement period: only the highest title is paid" (Điều 49 khoản 4) is left to
`domain.money.apply_several_awards`; `Assessment.achievement_period` gives it the period.

Speed: criteria are compiled once per engine into closures; standards (ELIGIBLE_FOR, members) are
memoised per (subject, award, year) so a batch is linear in its subjects and members.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from emulation_desktop.domain.enums import Grade, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.facts import FactsBook, SubjectFacts, year_bounds
from emulation_desktop.domain.rules.model import (
    AwardType,
    CheckKind,
    Condition,
    Confidence,
    Criterion,
    LegalBasis,
    RuleSet,
)
from emulation_desktop.domain.text import nfc

__all__ = [
    "MIN_OVERRIDE_REASON",
    "Assessment",
    "CriterionResult",
    "EligibilityEngine",
    "Outcome",
    "Override",
    "Ticked",
    "Verdict",
    "assess",
    "assess_batch",
    "history_read",
    "override_reason",
]

MIN_OVERRIDE_REASON = 10  # characters of a written reason, after collapsing blanks


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {"met": "Đạt", "not_met": "Không đạt", "unknown": "Cần xem xét"}[self.value]


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    REVIEW = "review"

    @property
    def label(self) -> str:
        return {
            "eligible": "Đủ điều kiện",
            "not_eligible": "Không đủ điều kiện",
            "review": "Cần xem xét thủ công",
        }[self.value]


@dataclass(frozen=True, slots=True)
class CriterionResult:
    """One criterion and what the engine found; `criterion.basis` is the legal basis."""

    criterion: Criterion
    outcome: Outcome
    reason: str

    @property
    def basis(self) -> LegalBasis:
        return self.criterion.basis

    @property
    def confidence(self) -> Confidence:
        return self.criterion.basis.confidence

    @property
    def line(self) -> str:
        """One line for a table or the minutes, basis and confidence mark included."""
        b = self.criterion.basis
        return (
            f"{self.criterion.text} — {self.outcome.label}: {self.reason} "
            f"(Căn cứ: {b.citation}; {b.confidence.mark} {b.confidence.label})"
        )


def override_reason(reason: str | None) -> str:
    """The written reason of an override, normalised; UserError when missing or too short."""
    text = nfc(reason or "")
    if not text:
        raise UserError(
            "Cần ghi lý do khi quyết định khác kết quả kiểm tra: lý do được đưa vào biên bản."
        )
    if len(text) < MIN_OVERRIDE_REASON:
        raise UserError(
            f"Lý do quá ngắn ({len(text)} ký tự). Hãy ghi rõ lý do, ít nhất "
            f"{MIN_OVERRIDE_REASON} ký tự, để đưa vào biên bản."
        )
    return text


@dataclass(frozen=True, slots=True)
class Override:
    """The officer's (or council's) decision against the computed verdict, with its reason."""

    reason: str
    by: str = ""
    verdict: Verdict = Verdict.ELIGIBLE


@dataclass(frozen=True, slots=True)
class Assessment:
    """The verdict for one subject, one award and one year, criterion by criterion."""

    subject: SubjectFacts
    award: AwardType
    year: int
    results: tuple[CriterionResult, ...]
    verdict: Verdict
    override: Override | None = None
    warnings: tuple[str, ...] = ()
    achievement_years: int = 1  # 3 for CSTĐ tỉnh: the years of achievement it rewards

    def with_override(
        self, reason: str, by: str = "", verdict: Verdict = Verdict.ELIGIBLE
    ) -> Assessment:
        """The same assessment with an officer's decision; refused without a written reason."""
        text = override_reason(reason)
        return replace(self, override=Override(text, nfc(by or ""), Verdict(verdict)))

    @property
    def final_verdict(self) -> Verdict:
        return self.override.verdict if self.override is not None else self.verdict

    @property
    def unmet(self) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.results if r.outcome is Outcome.NOT_MET)

    @property
    def to_review(self) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.results if r.outcome is Outcome.UNKNOWN)

    @property
    def achievement_period(self) -> str:
        """ "2025", or "2023-2025" for an award over consecutive years (money, Điều 49.4)."""
        n = self.achievement_years
        return str(self.year) if n <= 1 else f"{self.year - n + 1}-{self.year}"

    @property
    def summary(self) -> str:
        """ "Nguyễn Văn A – «Lao động tiên tiến» năm 2025: Đủ điều kiện"."""
        text = f"{self.subject.name} – «{self.award.name}» năm {self.year}: "
        if self.override is None:
            return text + self.verdict.label
        return (
            f"{text}{self.override.verdict.label} (kiểm tra tự động: {self.verdict.label}; "
            f"lý do: {self.override.reason})"
        )


Ticked = Collection[str] | Mapping[tuple[SubjectKind, int], Collection[str]]
"""Criterion ids the officer confirmed: for every subject, or per subject key (kind, id)."""

_Result = tuple[Outcome, str]
_Check = Callable[[SubjectFacts, int, bool], _Result]  # (subject, year, lenient) → result
_Compiled = tuple[tuple[Criterion, CheckKind | None, _Check], ...]

_MET, _NOT_MET, _UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
_RANK = {g: g.rank for g in Grade}
_LABEL = {g: g.label for g in Grade}
_TOP_RANK = max(_RANK.values())
_EPS = 1e-9
_MANUAL_OPEN = "Chưa có dữ liệu để kiểm tra tự động: cán bộ cần xác nhận."
_MANUAL_TICKED = "Cán bộ đã xác nhận."
_MANUAL_COUNTED = "Mục xác nhận thủ công, được tính là đạt khi xét tiêu chuẩn."
_CAP_NOTE = "Đây chỉ là cảnh báo: Hội đồng cân nhắc chọn những người tiêu biểu nhất."


def _pct(x: float) -> str:
    """0.5 → "50%", 2/3 → "66,7%"."""
    text = f"{x * 100:.1f}".removesuffix(".0")
    return text.replace(".", ",") + "%"


def _months_text(x: float) -> str:
    """Months shown rounded down to a tenth, so a failing 9.97 never reads as "10"."""
    tenths = math.floor(round(x, 9) * 10)
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10},{tenths % 10}"


def _names(subjects: Sequence[SubjectFacts], limit: int = 3) -> str:
    """ "A, B, C." or "A, B, C…" (a sentence end either way)."""
    shown = ", ".join(s.name for s in subjects[:limit])
    return shown + ("…" if len(subjects) > limit else ".")


def _years(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in years)


def worked_months(subject: SubjectFacts, year: int) -> tuple[float, int, bool]:
    """(months worked in `year`, days deducted, whether maternity leave was counted as work).

    Each calendar month counts as the share of its days worked, from `work_start`; days of
    non-maternity leave are deducted; a day of maternity leave is working time (NĐ 152/2025
    Điều 4 khoản 5), even when another leave covers it too.
    """
    if subject.work_start is None:
        raise ValueError("worked_months needs a work_start")
    first, last = year_bounds(year)
    start = max(subject.work_start, first)
    if start > last:
        return 0.0, 0, False
    if not subject.leaves and start == first:
        return 12.0, 0, False
    off: set[int] = set()
    maternity: set[int] = set()
    for leave in subject.leaves:
        p = leave.period
        if not p.overlaps(start, last):
            continue
        a = max(p.start, start).toordinal()
        b = (last if p.end is None else min(p.end, last)).toordinal()
        (maternity if leave.maternity else off).update(range(a, b + 1))
    off -= maternity
    days_off = sorted(off)
    months = 0.0
    for m in range(start.month, 13):
        length = calendar.monthrange(year, m)[1]
        m_first = dt.date(year, m, 1).toordinal()
        m_off = bisect_right(days_off, m_first + length - 1) - bisect_left(days_off, m_first)
        days = length - (start.day - 1 if m == start.month else 0) - m_off
        months += days / length
    return months, len(off), bool(maternity)


class EligibilityEngine:
    """One evaluation session over a FactsBook: compiled criteria and memoised standards.

    Reuse one engine for several batches of the same year (LĐTT, then CSTĐCS) to share the
    memo. `memo_hits` and `evaluations` (standards computed) are there for tests and tuning.
    """

    def __init__(self, rules: RuleSet, facts: FactsBook) -> None:
        self.rules = rules
        self.facts = facts
        self._awards = {a.code: a for a in rules.awards}
        self._criteria: dict[str, list[Criterion]] = {}
        for c in rules.criteria:
            self._criteria.setdefault(c.award, []).append(c)
        self._compiled: dict[str, _Compiled] = {}
        self._derivable: dict[str, bool] = {}
        self._period_years: dict[str, int] = {}
        self._memo: dict[tuple[SubjectKind, int, str, int], _Result] = {}
        self._active: set[tuple[SubjectKind, int, str, int]] = set()
        self.memo_hits = 0
        self.evaluations = 0

    # --- public ---------------------------------------------------------------------------

    def assess(
        self, subject: SubjectFacts, award_code: str, year: int, ticked: Ticked = ()
    ) -> Assessment:
        award = self._award_for(award_code, subject.kind)
        ticks = ticked.get(subject.key, ()) if isinstance(ticked, Mapping) else ticked
        return self._assess(subject, award, self._compile_award(award_code), year, ticks)

    def assess_batch(
        self,
        subjects: Sequence[SubjectFacts],
        award_code: str,
        year: int,
        ticked: Ticked = (),
        population: Sequence[SubjectFacts] | None = None,
    ) -> list[Assessment]:
        """Every subject for one award and year, then the caps of that award as warnings.

        `population`: the subjects a cap is counted on (the whole unit) when the batch holds
        only some of them; by default the batch itself.
        """
        if not subjects:
            return []
        award = self._award_for(award_code, subjects[0].kind)
        compiled = self._compile_award(award_code)
        per_subject = ticked if isinstance(ticked, Mapping) else None
        out = []
        for s in subjects:
            if s.kind is not award.subject:
                self._award_for(award_code, s.kind)  # raises the Vietnamese message
            ticks = ticked if per_subject is None else per_subject.get(s.key, ())
            out.append(self._assess(s, award, compiled, year, ticks))
        return self.apply_caps(out, population)

    def standard(self, subject: SubjectFacts, award_code: str, year: int) -> _Result:
        """Whether `subject` holds or meets the standard of an award for `year` (memoised)."""
        key = (subject.kind, subject.id, award_code, year)
        hit = self._memo.get(key)
        if hit is not None:
            self.memo_hits += 1
            return hit
        result = self._standard(subject, award_code, year, key)
        self._memo[key] = result
        return result

    def apply_caps(
        self,
        assessments: Sequence[Assessment],
        population: Sequence[SubjectFacts] | None = None,
    ) -> list[Assessment]:
        """Add a cap warning to every candidate of a capped award when the batch exceeds it.

        Candidates are the assessments not (finally) NOT_ELIGIBLE, so an override counts; the
        base is the number of subjects of `population` (default: those assessed) that hold or
        meet the standard of `cap.of_award` that year. Allowed = ⌊max_ratio × base⌋, so exactly
        15 % passes. Call it again after overrides to refresh the warnings.
        """
        out = list(assessments)
        if not out:
            return out
        groups: dict[tuple[str, int], list[int]] = {}
        for i, a in enumerate(out):
            groups.setdefault((a.award.code, a.year), []).append(i)
        for (code, year), idx in groups.items():
            for i in idx:  # warnings of an earlier call are recomputed, not repeated
                if any(w.endswith(_CAP_NOTE) for w in out[i].warnings):
                    kept = tuple(w for w in out[i].warnings if not w.endswith(_CAP_NOTE))
                    out[i] = replace(out[i], warnings=kept)
            for cap in self.rules.caps:
                if not cap.enabled or cap.award != code:
                    continue
                candidates = [i for i in idx if out[i].final_verdict is not Verdict.NOT_ELIGIBLE]
                pool = population if population is not None else [out[i].subject for i in idx]
                # Counted like the candidates: "đủ hoặc có thể đủ" (met, or still to confirm),
                # otherwise a year not yet decided would compare 20 candidates with 0.
                base = sum(
                    1 for p in pool if self.standard(p, cap.of_award, year)[0] is not _NOT_MET
                )
                allowed = math.floor(cap.max_ratio * base + _EPS)
                if len(candidates) <= allowed:
                    continue
                award = out[idx[0]].award
                of = self._awards.get(cap.of_award)
                of_name = of.name if of is not None else cap.of_award
                b = cap.basis
                warning = (
                    f"Số đủ hoặc có thể đủ điều kiện «{award.name}» năm {year} "
                    f"({len(candidates)}) vượt {_pct(cap.max_ratio)} số đạt hoặc có thể đạt "
                    f"«{of_name}» "
                    f"({base}; tối đa {allowed}) — {b.citation} {b.confidence.mark}. {_CAP_NOTE}"
                )
                for i in candidates:
                    out[i] = replace(out[i], warnings=(*out[i].warnings, warning))
        return out

    # --- assessment -----------------------------------------------------------------------

    def _award_for(self, code: str, kind: SubjectKind) -> AwardType:
        award = self._awards.get(code)
        if award is None:
            raise UserError(
                f"Quy định «{self.rules.name}» không có danh hiệu, hình thức mã «{code}»."
            )
        if award.subject is not kind:
            raise UserError(
                f"«{award.name}» dành cho {award.subject.label.lower()}, "
                f"không xét cho {kind.label.lower()}."
            )
        return award

    def _assess(
        self,
        s: SubjectFacts,
        award: AwardType,
        compiled: _Compiled,
        year: int,
        ticks: Collection[str],
    ) -> Assessment:
        results = []
        standard: list[_Result] = []  # what the standard of this award reads (see _standard)
        manual: list[str] = []
        any_not_met = any_unknown = False
        for crit, kind, check in compiled:
            if kind is CheckKind.MANUAL:
                manual.append(crit.id)
                outcome, reason = (
                    (_MET, _MANUAL_TICKED) if crit.id in ticks else (_UNKNOWN, _MANUAL_OPEN)
                )
            else:
                outcome, reason = check(s, year, False)
                if outcome is _UNKNOWN and crit.id in ticks:
                    # Data the database does not hold yet (a start date…): the officer has
                    # checked it on paper. A NOT_MET found in the data is never overturned.
                    outcome, reason = _MET, f"{_MANUAL_TICKED} ({reason})"
                if kind is not CheckKind.NOT_ALREADY_AWARDED:
                    standard.append((outcome, reason))
            if outcome is _NOT_MET:
                any_not_met = True
            elif outcome is _UNKNOWN:
                any_unknown = True
            results.append(CriterionResult(crit, outcome, reason))
        warnings: tuple[str, ...] = ()
        if any_not_met:
            verdict = Verdict.NOT_ELIGIBLE
        elif any_unknown:
            verdict = Verdict.REVIEW
        elif not results:
            verdict = Verdict.REVIEW
            warnings = (
                f"Quy định chưa khai báo tiêu chí nào cho «{award.name}»: cần xem xét thủ công.",
            )
        else:
            verdict = Verdict.ELIGIBLE
        # The standard follows from the full assessment: remember it for ELIGIBLE_FOR, members
        # and caps, unless MANUAL items nested in ANY_OF make the lenient reading differ.
        key = (s.kind, s.id, award.code, year)
        if results and key not in self._memo:
            if s.award_in(award.code, year) is not None:
                self._memo[key] = (_MET, f"Đã được tặng «{award.name}» năm {year}.")
            elif self._derivable[award.code]:
                self._memo[key] = self._summarise(award, year, standard, manual)
        return Assessment(
            s, award, year, tuple(results), verdict, None, warnings, self.period_years(award.code)
        )

    # --- standards ------------------------------------------------------------------------

    def _standard(
        self, s: SubjectFacts, code: str, year: int, key: tuple[SubjectKind, int, str, int]
    ) -> _Result:
        award = self._awards.get(code)
        if award is None:
            return _UNKNOWN, f"Quy định không có danh hiệu mã «{code}»."
        if s.award_in(code, year) is not None:
            return _MET, f"Đã được tặng «{award.name}» năm {year}."
        if award.subject is not s.kind:
            return _UNKNOWN, (
                f"«{award.name}» dành cho {award.subject.label.lower()}, "
                f"không xét cho {s.kind.label.lower()}."
            )
        if key in self._active:
            return _UNKNOWN, f"Quy định «{award.name}» dẫn lại chính nó (vòng lặp): cần sửa."
        self.evaluations += 1
        self._active.add(key)
        found: list[_Result] = []
        manual: list[str] = []
        try:
            for crit, kind, check in self._compile_award(code):
                if kind is CheckKind.NOT_ALREADY_AWARDED:
                    continue
                if kind is CheckKind.MANUAL:
                    manual.append(crit.id)
                    continue
                result = check(s, year, True)
                found.append(result)
                if result[0] is _NOT_MET:
                    break
        finally:
            self._active.discard(key)
        return self._summarise(award, year, found, manual)

    @staticmethod
    def _summarise(award: AwardType, year: int, found: list[_Result], manual: list[str]) -> _Result:
        name = f"«{award.name}» năm {year}"
        unknown = []
        for outcome, reason in found:
            if outcome is _NOT_MET:
                return _NOT_MET, f"Chưa đủ tiêu chuẩn {name}: {reason}"
            if outcome is _UNKNOWN:
                unknown.append(reason)
        if unknown:
            return _UNKNOWN, f"Chưa xác định được tiêu chuẩn {name}: {' '.join(unknown)}"
        if manual:
            return _MET, (
                f"Đủ tiêu chuẩn {name} (mục xác nhận thủ công {', '.join(manual)} "
                "được tính là đạt)."
            )
        return _MET, f"Đủ tiêu chuẩn {name}."

    # --- compilation ----------------------------------------------------------------------

    def _compile_award(self, code: str) -> _Compiled:
        compiled = self._compiled.get(code)
        if compiled is None:
            crits = self._criteria.get(code, [])
            compiled = tuple(
                (c, _kind(c.condition), self._compile(c.condition, code)) for c in crits
            )
            self._compiled[code] = compiled
            # A lenient standard differs from a strict assessment only through MANUAL items
            # nested in ANY_OF; without them a full assessment tells the standard too.
            self._derivable[code] = not any(
                _kind(c.condition) is CheckKind.ANY_OF and _has_manual(c.condition) for c in crits
            )
        return compiled

    def _compile(self, cond: Condition, owner: str) -> _Check:
        kind = _kind(cond)
        maker = None if kind is None else getattr(self, f"_check_{kind.value}", None)
        if maker is None:
            message = f"Chưa hỗ trợ kiểm tra tự động loại «{cond.kind}»: cần xem xét thủ công."
            return lambda s, y, lenient: (_UNKNOWN, message)
        return maker(cond, owner)

    def _name(self, code: str) -> str:
        award = self._awards.get(code)
        return award.name if award is not None else code

    def _check_grade_at_least(self, cond: Condition, owner: str) -> _Check:
        try:
            need = Grade(cond.grade)
        except ValueError:
            message = f"Quy định ghi mức xếp loại không hợp lệ «{cond.grade}»."
            return lambda s, y, lenient: (_UNKNOWN, message)
        need_rank = _RANK[need]
        need_text = (
            f"«{_LABEL[need]}»" if need_rank == _TOP_RANK else f"từ «{_LABEL[need]}» trở lên"
        )

        def check(s: SubjectFacts, y: int, lenient: bool) -> _Result:
            g = s.grades.get(y)
            if g is None:
                return _UNKNOWN, f"Chưa có kết quả xếp loại năm {y}."
            outcome = _MET if _RANK[g] >= need_rank else _NOT_MET
            return outcome, f"Năm {y} xếp loại «{_LABEL[g]}» (cần {need_text})."

        return check

    def _check_has_initiative(self, cond: Condition, owner: str) -> _Check:
        def check(s: SubjectFacts, y: int, lenient: bool) -> _Result:
            if y in s.initiative_years:
                return _MET, f"Năm {y} có sáng kiến hoặc đề tài khoa học được công nhận."
            return _NOT_MET, f"Năm {y} chưa có sáng kiến hoặc đề tài khoa học được công nhận."

        return check

    def _check_any_of(self, cond: Condition, owner: str) -> _Check:
        subs = tuple(self._compile(c, owner) for c in cond.any_of)
        if not subs:
            return lambda s, y, lenient: (_UNKNOWN, "Quy định chưa ghi điều kiện nào để chọn.")

        def check(s: SubjectFacts, y: int, lenient: bool) -> _Result:
            found = []
            for sub in subs:
                outcome, reason = sub(s, y, lenient)
                if outcome is _MET:
                    return _MET, f"Đạt điều kiện: {reason}"
                found.append((outcome, reason))
            reasons = " ".join(r for _, r in found)
            if any(o is _UNKNOWN for o, _ in found):
                return _UNKNOWN, f"Chưa xác định được điều kiện nào: {reasons}"
            return _NOT_MET, f"Không đạt điều kiện nào: {reasons}"

        return check

    def _check_no_discipline(self, cond: Condition, owner: str) -> _Check:
        def check(s: SubjectFacts, y: int, lenient: bool) -> _Result:
            if not s.disciplines:
                return _MET, f"Không bị kỷ luật trong năm {y}."
            for p in s.disciplines:
                if p.end is None:
                    return _NOT_MET, (
                        f"Đang trong thời gian thi hành kỷ luật {p.label}: "
                        "tạm dừng xét khen thưởng."
                    )
            first, last = year_bounds(y)
            for p in s.disciplines:
                if not p.overlaps(first, last):
                    continue
                assert p.end is not None
                if p.end < last:
                    return _NOT_MET, (
                        f"Bị kỷ luật {p.label}: thành tích chỉ được tính từ khi hết thời hạn "
                        f"kỷ luật nên năm {y} không được tính đủ."
                    )
                return _NOT_MET, f"Bị kỷ luật {p.label}, trong thời gian năm {y}."
            return _MET, f"Không bị kỷ luật trong năm {y}."

        return check

    def _check_not_pending(self, cond: Condition, owner: str) -> _Check:
        met = (_MET, "Không có thanh tra, khiếu nại, tố cáo đang xem xét.")
        not_met = (
            _NOT_MET,
            "Đang có thanh tra, khiếu nại hoặc tố cáo chưa giải quyết xong: "
            "tạm dừng xét khen thưởng.",
        )
        return lambda s, y, lenient: not_met if s.pending_review else met

    def _check_worked_months(self, cond: Condition, owner: str) -> _Check:
        need = cond.months

        def check(s: SubjectFacts, y: int, lenient: bool) -> _Result:
            if s.work_start is None:
                return _UNKNOWN, f"Chưa có ngày bắt đầu công tác để tính số tháng năm {y}."
            months, off_days, maternity = worked_months(s, y)
            outcome = _MET if round(months, 9) >= need else _NOT_MET
            if months == 12.0 and not maternity:
                return outcome, f"Năm {y} công tác đủ 12 tháng (cần từ {need} tháng trở lên)."
            text = f"Năm {y} công tác {_months_text(months)} tháng (cần từ {need} tháng trở lên)"
            if s.work_start > year_bounds(y)[0]:
                text += f"; bắt đầu công tác từ {s.work_start:%d/%m/%Y}"
            if off_days:
                text += f"; đã trừ {off_days} ngày nghỉ không tính là thời gian công tác"
            if maternity:
                text += "; thời gian nghỉ thai sản được tính là thời gian công tác"
            return outcome, text + "."

        return check

    def _check_not_already_awarded(self, cond: Condition, owner: str) -> _Check:
        code = cond.award or owner
        name = self._name(code)

        def check(s: SubjectFacts, y: int, lenient: bool) -> _Result:
            got = s.award_in(code, y)
            if got is None:
                return _MET, f"Chưa được tặng «{name}» cho thành tích năm {y}."
            when = f" (quyết định ngày {got.decision_date:%d/%m/%Y})" if got.decision_date else ""
            return _NOT_MET, (
                f"Đã được tặng «{name}» cho thành tích năm {y}{when}: "
                "một thành tích chỉ được khen thưởng một lần."
            )

        return check

    def _check_eligible_for(self, cond: Condition, owner: str) -> _Check:
        code = cond.award
        standard = self.standard
        return lambda s, y, lenient: standard(s, code, y)

    def _check_consecutive_awards(self, cond: Condition, owner: str) -> _Check:
        base, n = cond.award, cond.years
        base_name, owner_name = self._name(base), self._name(owner)
        step = self.period_years(base)  # 3 for CSTĐ tỉnh: its "lần" follow every 3 years
        standard = self.standard

        def check(s: SubjectFacts, y: int, lenient: bool) -> _Result:
            if n <= 0:
                return _UNKNOWN, "Quy định chưa ghi số năm liên tục."
            required = [y - k * step for k in range(n - 1, -1, -1)]  # ascending, ends with y
            first = y - n * step + 1
            span = f"{first}–{y}" if first < y else str(y)
            times = f"{n} năm liên tục" if step == 1 else f"{n} lần liên tục (mỗi lần {step} năm)"
            spent = [a.year for a in s.awards if a.code == owner and first <= a.year <= y]
            if spent:
                x = max(spent)
                return _NOT_MET, (
                    f"Đã được tặng «{owner_name}» cho thành tích năm {x}: thành tích đến năm "
                    f"{x} đã được tính, lần đề nghị sau chỉ tính từ năm {x + 1}."
                )
            w_first, w_last = year_bounds(first)[0], year_bounds(y)[1]
            for p in s.disciplines:
                if p.overlaps(w_first, w_last):
                    return _NOT_MET, (
                        f"Bị kỷ luật {p.label}: thành tích chỉ được tính từ khi hết thời hạn "
                        f"kỷ luật nên chưa đủ {times} {span}."
                    )
            held = s.award_years(base)
            missing = [x for x in required[:-1] if x not in held]
            if missing:
                return _NOT_MET, (
                    f"Chưa đủ {n} lần liên tục «{base_name}» ({span}): thiếu năm "
                    f"{_years(missing)}; một năm gián đoạn làm mất tính liên tục."
                )
            if y in held:
                if step == 1:
                    return _MET, f"Đạt «{base_name}» {times} {span}."
                return _MET, f"Đạt «{base_name}» {times}: các năm {_years(required)}."
            outcome, reason = standard(s, base, y)
            if outcome is _NOT_MET:
                return _NOT_MET, (
                    f"Chưa đủ {n} lần liên tục «{base_name}» ({span}): năm {y} chưa đạt. {reason}"
                )
            before = f"Có «{base_name}» năm {_years(required[:-1])}; " if n > 1 else ""
            return _UNKNOWN, (
                f"{before}năm {y} chưa có quyết định tặng «{base_name}», cần quyết định "
                f"trước khi đề nghị. {reason}"
            )

        return check

    def period_years(self, code: str) -> int:
        """How many years one award of `code` covers: N × the base's for N consecutive awards.

        1 for a yearly title; 3 for CSTĐ tỉnh (03 lần CSTĐCS); 6 for CSTĐ toàn quốc (02 lần
        CSTĐ tỉnh). A rule that leads back to itself counts as 1.
        """
        cached = self._period_years.get(code)
        if cached is not None:
            return cached
        self._period_years[code] = 1  # a loop ends here
        years = 1
        for c in self._criteria.get(code, []):
            if _kind(c.condition) is CheckKind.CONSECUTIVE_AWARDS and c.condition.years > 0:
                years = max(years, c.condition.years * self.period_years(c.condition.award))
        self._period_years[code] = years
        return years

    def _members(self, s: SubjectFacts) -> tuple[list[SubjectFacts], int]:
        found = []
        missing = 0
        get = self.facts.subjects.get
        for mid in s.members:
            m = get((SubjectKind.PERSON, mid))
            if m is None:
                missing += 1
            else:
                found.append(m)
        return found, missing

    def _check_members_ratio(self, cond: Condition, owner: str) -> _Check:
        code, ratio, strict = cond.award, cond.ratio, cond.strict
        name = self._name(code)
        need = f"cần trên {_pct(ratio)}" if strict else f"cần từ {_pct(ratio)} trở lên"
        standard = self.standard

        def passes(k: int, n: int) -> bool:
            return k / n > ratio + _EPS if strict else k / n >= ratio - _EPS

        def check(s: SubjectFacts, y: int, lenient: bool) -> _Result:
            if not s.members:
                return _UNKNOWN, "Tập thể chưa có danh sách thành viên."
            found, missing = self._members(s)
            n = len(s.members)
            met = unknown = 0
            for m in found:
                outcome = standard(m, code, y)[0]
                if outcome is _MET:
                    met += 1
                elif outcome is _UNKNOWN:
                    unknown += 1
            unknown += missing
            text = (
                f"{met}/{n} thành viên ({_pct(met / n)}) đạt hoặc đủ tiêu chuẩn «{name}» "
                f"năm {y} ({need})."
            )
            if passes(met, n):
                return _MET, text
            if unknown and passes(met + unknown, n):
                return _UNKNOWN, f"{text} Còn {unknown} thành viên chưa xác định được."
            return _NOT_MET, text

        return check

    def _check_members_all_completed(self, cond: Condition, owner: str) -> _Check:
        floor_rank = _RANK[Grade.COMPLETED]
        floor_label = _LABEL[Grade.COMPLETED]

        def check(s: SubjectFacts, y: int, lenient: bool) -> _Result:
            if not s.members:
                return _UNKNOWN, "Tập thể chưa có danh sách thành viên."
            found, missing = self._members(s)
            failed = []
            ungraded = []
            for m in found:
                g = m.grades.get(y)
                if g is None:
                    ungraded.append(m)
                elif _RANK[g] < floor_rank:
                    failed.append(m)
            if failed:
                return _NOT_MET, (
                    f"{len(failed)} thành viên không đạt «{floor_label}» năm {y}: {_names(failed)}"
                )
            if ungraded or missing:
                text = f"{len(ungraded) + missing} thành viên chưa có kết quả xếp loại năm {y}"
                return _UNKNOWN, text + (f": {_names(ungraded)}" if ungraded else ".")
            return _MET, (
                f"Cả {len(found)} thành viên xếp loại từ «{floor_label}» trở lên năm {y}."
            )

        return check

    def _check_members_with_award(self, cond: Condition, owner: str) -> _Check:
        code, count = cond.award, max(cond.count, 1)
        name = self._name(code)
        standard = self.standard

        def check(s: SubjectFacts, y: int, lenient: bool) -> _Result:
            if not s.members:
                return _UNKNOWN, "Tập thể chưa có danh sách thành viên."
            found, missing = self._members(s)
            held = meets = unknown = 0
            for m in found:
                if m.award_in(code, y) is not None:
                    held += 1
                    continue
                outcome = standard(m, code, y)[0]
                if outcome is _MET:
                    meets += 1
                elif outcome is _UNKNOWN:
                    unknown += 1
            unknown += missing
            k = held + meets
            text = f"{k} thành viên đạt «{name}» năm {y}"
            if meets:
                text += f" ({held} đã được tặng, {meets} đủ tiêu chuẩn chờ quyết định)"
            text += f" (cần ít nhất {count})."
            if k >= count:
                return _MET, text
            if k + unknown >= count:
                return _UNKNOWN, f"{text} Còn {unknown} thành viên chưa xác định được."
            return _NOT_MET, text

        return check

    def _check_manual(self, cond: Condition, owner: str) -> _Check:
        # Top-level MANUAL items are handled by the tick list; this is for those inside ANY_OF.
        counted, open_ = (_MET, _MANUAL_COUNTED), (_UNKNOWN, _MANUAL_OPEN)
        return lambda s, y, lenient: counted if lenient else open_


def _kind(cond: Condition) -> CheckKind | None:
    """The check kind, also when a loader left it a plain string; None when unknown."""
    try:
        return CheckKind(cond.kind)
    except ValueError:
        return None


def _has_manual(cond: Condition) -> bool:
    return _kind(cond) is CheckKind.MANUAL or any(_has_manual(c) for c in cond.any_of)


def assess(
    rules: RuleSet,
    facts: FactsBook,
    subject: SubjectFacts,
    award_code: str,
    year: int,
    ticked: Ticked = (),
) -> Assessment:
    """One subject, one award, one year. Raises UserError for an unknown award or subject kind."""
    return EligibilityEngine(rules, facts).assess(subject, award_code, year, ticked)


def assess_batch(
    rules: RuleSet,
    facts: FactsBook,
    subjects: Sequence[SubjectFacts],
    award_code: str,
    year: int,
    ticked: Ticked = (),
    population: Sequence[SubjectFacts] | None = None,
) -> list[Assessment]:
    """Many subjects for one award and year (one memo), with the caps as warnings."""
    engine = EligibilityEngine(rules, facts)
    return engine.assess_batch(subjects, award_code, year, ticked, population)


def history_read(rules: RuleSet, award_code: str) -> tuple[frozenset[str], int | None]:
    """What a check of `award_code` can read of the award history, so a service reads no more.

    (award codes, years): the award itself and every award its criteria and caps lead to, and
    how many years back from the year checked (1: that year only; 3 for CSTĐ tỉnh, 6 for CSTĐ
    toàn quốc), or None when a rule leads back to itself (then every year). The checks read
    grades and initiatives of the year checked only, disciplines of any time.
    """
    conditions: dict[str, list[Condition]] = {}
    for c in rules.criteria:
        conditions.setdefault(c.award, []).append(c.condition)
    for cap in rules.caps:
        conditions.setdefault(cap.award, []).append(
            Condition(CheckKind.ELIGIBLE_FOR, award=cap.of_award)
        )
    engine = EligibilityEngine(rules, FactsBook({}))
    codes: set[str] = set()
    done: set[str] = set()
    windows = [1]
    cyclic = False

    def visit(code: str) -> None:
        nonlocal cyclic
        if code in done:
            return
        if code in codes:  # reached again while its own rules are walked
            cyclic = True
            return
        codes.add(code)
        stack = list(conditions.get(code, ()))
        while stack:
            cond = stack.pop()
            stack.extend(cond.any_of)
            if cond.award:
                visit(cond.award)
                if _kind(cond) is CheckKind.CONSECUTIVE_AWARDS and cond.years > 0:
                    windows.append(cond.years * engine.period_years(cond.award))
        done.add(code)

    visit(award_code)
    return frozenset(codes), None if cyclic else max(windows)
