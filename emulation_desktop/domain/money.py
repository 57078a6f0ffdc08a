"""Award money (tiền thưởng), Nghị định 152/2025/NĐ-CP Điều 46–49.

- The base is the mức lương cơ sở in force on the day the decision is issued (Art. 49.1).
- coefficient × base, rounded up to the next 10,000 đồng (Art. 49.2); the step, the mode ("up",
  or "nearest" as in the NĐ 91/2017 examples) and the order for the collective ×2 / household
  ×1.5 amounts come from the rule set (`Rounding`), because the order is not settled
  (domain.md §4 and §9.8).
- Several awards for one subject at the same time: Art. 49.4–49.6 (`apply_several_awards`).
- The commune's fund: at most 1.0 % or 1.5 % of recurrent spending (Art. 46.3b), a warning.

Arithmetic is done in Decimal; amounts are int đồng. Every function takes its rules as
arguments; when they are left out, the rules shipped with the program are used (imported lazily
from `domain.rules.shipped` and `domain.rules.files`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from emulation_desktop.domain.enums import AwardKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.model import (
    AwardType,
    BaseSalary,
    Confidence,
    FundRule,
    LegalBasis,
    Rounding,
)
from emulation_desktop.domain.text import nfc, thousands

__all__ = [
    "DECREE_152",
    "FundCheck",
    "MoneyLine",
    "PaidLine",
    "amount_for",
    "apply_several_awards",
    "award_amount",
    "base_salary_on",
    "fund_check",
    "round_amount",
    "totals",
]

DECREE_152 = "Nghị định 152/2025/NĐ-CP"
_CENT = Decimal("0.01")

# Used only when neither an argument nor the shipped rule set in force says otherwise.
_FUND_152 = FundRule(
    max_share_plain=0.010,
    max_share_remote=0.015,
    basis=LegalBasis(DECREE_152, "Điều 46 khoản 3 điểm b", Confidence.VERIFIED),
)


# --- defaults: the shipped rules (lazy, so the domain needs no data files to import) ----------


def _shipped():  # -> ShippedRules (load_shipped caches it)
    from emulation_desktop.domain.rules.shipped import load_shipped

    return load_shipped()  # a broken shipped file raises its RuleFileError


def _shipped_rule_set(day: dt.date):  # -> RuleSet | None
    from emulation_desktop.domain.rules.files import rule_set_in_force

    rule_sets = _shipped().rule_sets
    try:
        return rule_set_in_force(rule_sets, day)
    except UserError:
        return None  # no shipped rule set that early: the decree's own defaults apply


def _rounding_on(day: dt.date) -> Rounding:
    rule_set = _shipped_rule_set(day)
    return rule_set.rounding if rule_set is not None else Rounding()


def _as_date(day: dt.date) -> dt.date:
    return day.date() if isinstance(day, dt.datetime) else day


def _dec(x: Decimal | float | int) -> Decimal:
    """An exact Decimal for what the user typed: 0.3 is 0.3, not 0.299999999999999988…"""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, bool) or not isinstance(x, int | float):
        raise TypeError(f"a number is needed, not {type(x).__name__}")
    return Decimal(x) if isinstance(x, int) else Decimal(repr(x))


# --- base salary -------------------------------------------------------------------------------


def base_salary_on(day: dt.date, history: Sequence[BaseSalary] | None = None) -> int:
    """The mức lương cơ sở in force on `day` (the decision date, NĐ 152 Art. 49.1).

    `history` defaults to the shipped list (1,800,000 from 01/07/2023, …). The entry with the
    latest `effective_from` not after `day` wins; the order of `history` does not matter.

    Raises:
        UserError: `day` is before the first entry (or there is none).
    """
    day = _as_date(day)
    if history is None:
        history = _shipped().base_salaries
    in_force = [b for b in history if b.effective_from <= day]
    if not in_force:
        first = min((b.effective_from for b in history), default=None)
        since = f" (mức sớm nhất có hiệu lực từ ngày {first:%d/%m/%Y})" if first else ""
        raise UserError(
            f"Chưa có mức lương cơ sở áp dụng cho ngày {day:%d/%m/%Y}{since}, nên chưa tính được "
            "tiền thưởng. Hãy bổ sung mức lương cơ sở trong phần Quy định thi đua, khen thưởng."
        )
    return max(in_force, key=lambda b: b.effective_from).amount


# --- rounding and amounts ----------------------------------------------------------------------


def _checked(rounding: Rounding) -> Rounding:
    if isinstance(rounding.step, bool) or not isinstance(rounding.step, int) or rounding.step <= 0:
        raise UserError(
            f"Bước làm tròn tiền thưởng không hợp lệ: {rounding.step}. Bước làm tròn phải là số "
            "nguyên dương (thường là 10.000 đồng)."
        )
    if rounding.mode not in ("up", "nearest"):
        raise UserError(
            f"Cách làm tròn tiền thưởng không hợp lệ: “{rounding.mode}”. Chọn làm tròn lên "
            "hoặc làm tròn đến số gần nhất trong phần Quy định thi đua, khen thưởng."
        )
    if rounding.order not in ("combined", "per_individual"):
        raise UserError(
            f"Thứ tự tính tiền thưởng tập thể, hộ gia đình không hợp lệ: “{rounding.order}”. "
            "Chọn nhân hệ số gộp rồi làm tròn một lần, hoặc làm tròn mức cá nhân rồi nhân."
        )
    return rounding


def round_amount(raw: Decimal | float, rounding: Rounding | None = None) -> int:
    """`raw` đồng rounded to `rounding.step`: up by default (Art. 49.2), or to the nearest.

    "nearest" rounds a half step up (705,000 → 710,000). A float is first taken to the cent of
    a đồng, so binary noise (0.14 × 2,500,000 = 350000.00000000006) does not push an exact amount
    to the next step.

    Raises:
        ValueError: `raw` is negative. UserError: the rounding rule is not valid.
    """
    r = _checked(rounding if rounding is not None else Rounding())
    value = _dec(raw)
    if isinstance(raw, float):
        value = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    if value < 0:
        raise ValueError(f"an award amount cannot be negative: {raw}")
    how = ROUND_CEILING if r.mode == "up" else ROUND_HALF_UP
    steps = (value / r.step).to_integral_value(rounding=how)
    return int(steps) * r.step


def award_amount(
    coefficient: float,
    day: dt.date,
    *,
    multiplier: float = 1.0,
    rounding: Rounding | None = None,
    history: Sequence[BaseSalary] | None = None,
) -> int:
    """Tiền thưởng for an award decided on `day` (NĐ 152 Art. 49.1–49.2).

    Args:
        coefficient: × base salary; for a collective or household form, the individual
            coefficient of that form (Giấy khen: 0.3), with `multiplier` 2 or 1.5.
        day: the decision date; it chooses the base salary and, by default, the rule set.
        multiplier: the collective ×2 / household ×1.5 of `AwardType.multiplier`.
        rounding: how to round; default: the shipped rule set in force on `day`.
        history: base salaries; default: the shipped list.

    Order "combined": coefficient × multiplier × base, rounded once (the reading of Art. 49.2,
    the table of domain.md §4): Giấy khen tập thể at 2,340,000 → 0.6 × base = 1,404,000 →
    1,410,000. Order "per_individual": the individual amount rounded, then × multiplier
    (2 × 710,000 = 1,420,000); with a multiplier that is not a whole number the product can
    fall between steps (1.5 × 710,000 = 1,065,000), so it is rounded again the same way
    (→ 1,070,000): a paid amount is always a multiple of the step.
    """
    c, m = _dec(coefficient), _dec(multiplier)
    if c < 0 or m < 0:
        raise ValueError(
            f"coefficient and multiplier cannot be negative: {coefficient}, {multiplier}"
        )
    day = _as_date(day)
    base = base_salary_on(day, history)
    r = _checked(rounding if rounding is not None else _rounding_on(day))
    if r.order == "combined" or m == 1:
        return round_amount(c * m * base, r)
    return round_amount(round_amount(c * base, r) * m, r)


def amount_for(
    award: AwardType,
    day: dt.date,
    *,
    rounding: Rounding | None = None,
    history: Sequence[BaseSalary] | None = None,
) -> int | None:
    """`award_amount` for a catalog entry; None when the decree sets no money for it."""
    if award.coefficient is None:
        return None
    return award_amount(
        award.coefficient, day, multiplier=award.multiplier, rounding=rounding, history=history
    )


# --- several awards at once (Art. 49.4–49.6) ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class MoneyLine:
    """One award of a decision (or of several decided together) with its computed amount.

    `subject_key` identifies the person, unit or household ("person:12"); `period` is the
    achievement period as written ("2025", "01/2025-06/2025"); `achievement` is the achievement
    text of a form; `rank` is `AwardType.rank` (higher is a higher award).
    """

    subject_key: str
    award_code: str
    kind: AwardKind
    rank: int
    period: str
    achievement: str
    amount: int
    award_name: str = ""  # for messages; the code is used when empty

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount < 0:
            raise ValueError(f"an award amount must be an int ≥ 0, not {self.amount!r}")

    @property
    def label(self) -> str:
        return self.award_name or self.award_code


@dataclass(frozen=True, slots=True)
class PaidLine:
    """A line and what is paid for it: `amount`, or 0 with the reason (Vietnamese)."""

    line: MoneyLine
    paid: int
    reason: str = ""


def _norm(s: str) -> str:
    return nfc(s).casefold()


def _period_key(s: str) -> str:
    return "".join(nfc(s).casefold().split())


def _achievement_key(s: str) -> str:
    return _norm(s).rstrip(" .;")


def _best(indices: list[int], lines: Sequence[MoneyLine]) -> int:
    """The line that is paid: the highest rank, then the larger amount, then the first."""
    return max(indices, key=lambda i: (lines[i].rank, lines[i].amount, -i))


def _title_reason(line: MoneyLine, paid: MoneyLine) -> str:
    cite = f"Điều 49 khoản 4 {DECREE_152}"
    if line.award_code == paid.award_code:
        return (
            f"Không chi tiền thưởng: trùng thành tích. Danh hiệu “{line.label}” cho thời gian "
            f"thành tích {line.period} đã được tính ở một dòng khác ({cite})."
        )
    return (
        f"Không chi tiền thưởng danh hiệu “{line.label}”: cùng thời gian thành tích "
        f"{line.period}, chỉ chi tiền thưởng cho danh hiệu cao nhất là “{paid.label}” ({cite})."
    )


def _form_reason(line: MoneyLine, paid: MoneyLine) -> str:
    cite = f"Điều 49 khoản 5 {DECREE_152}"
    hint = "Nếu đây là hai thành tích khác nhau, hãy ghi rõ nội dung từng thành tích."
    if line.award_code == paid.award_code:
        return (
            f"Không chi tiền thưởng: trùng thành tích. “{line.label}” cho cùng thành tích, cùng "
            f"thời gian {line.period} đã được tính ở một dòng khác ({cite}). {hint}"
        )
    return (
        f"Không chi tiền thưởng “{line.label}”: cùng thành tích, cùng thời gian {line.period} "
        f"đã chi tiền thưởng cho hình thức cao hơn là “{paid.label}” ({cite}). {hint}"
    )


def apply_several_awards(lines: Sequence[MoneyLine]) -> list[PaidLine]:
    """What is paid when one subject receives several awards at the same time.

    - Titles (Art. 49.4): with the same achievement period only the highest (rank, then amount)
      is paid; with different periods each is paid.
    - Forms (Art. 49.5): with different periods or different achievements each is paid; with the
      same period and the same achievement text only one is paid (the highest; the same form
      twice is "trùng thành tích").
    - A title and a form (Art. 49.6): both are paid; titles and forms never exclude each other.

    Periods are compared without blanks or case ("01/2025 - 06/2025" = "01/2025-06/2025");
    achievements after NFC, without case and a final full stop. One PaidLine per line, in the
    order given.
    """
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, line in enumerate(lines):
        if line.kind is AwardKind.TITLE:
            key: tuple[str, ...] = ("title", line.subject_key, _period_key(line.period))
        else:
            key = (
                "form",
                line.subject_key,
                _period_key(line.period),
                _achievement_key(line.achievement),
            )
        groups.setdefault(key, []).append(i)

    out: list[PaidLine | None] = [None] * len(lines)
    for key, indices in groups.items():
        best = _best(indices, lines)
        reason_for = _title_reason if key[0] == "title" else _form_reason
        for i in indices:
            line = lines[i]
            if i == best:
                out[i] = PaidLine(line, line.amount)
            else:
                out[i] = PaidLine(line, 0, reason_for(line, lines[best]))
    return [p for p in out if p is not None]


def totals(lines: Iterable[PaidLine]) -> int:
    """The money actually paid."""
    return sum(p.paid for p in lines)


# --- the commune fund (Art. 46.3b) -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FundCheck:
    """Total award money against the ceiling of the Quỹ thi đua, khen thưởng (a warning).

    `share` is the total as a share of recurrent spending (0.0083 = 0.83 %); `max_share` the
    ceiling used (0.010 or 0.015); `limit` = recurrent spending × max_share, in đồng.
    """

    total: int
    limit: int
    share: float
    over: bool
    message: str
    max_share: float = 0.0


def _percent(x: Decimal) -> str:
    """0.015 → "1,5%"; 0.00834 → "0,83%" (Vietnamese decimal comma)."""
    p = (x * 100).quantize(_CENT, rounding=ROUND_HALF_UP).normalize()
    text = f"{p:f}".replace(".", ",")
    return f"{text}%"


def fund_check(
    total_awarded: int,
    recurrent_spending: int,
    remote_area: bool,
    rule: FundRule | None = None,
    *,
    day: dt.date | None = None,
) -> FundCheck:
    """Is the year's award money within the commune fund ceiling (NĐ 152 Art. 46.3b)?

    The ceiling is 1.0 % of recurrent budget spending (đồng bằng, đô thị) or 1.5 % (miền núi,
    trung du, Tây Nguyên, vùng sâu, vùng xa, hải đảo: `remote_area`). Being over it is a warning,
    not a refusal. `rule` defaults to the shipped rule set in force on `day` (today).

    Raises:
        UserError: recurrent spending is not positive, or the total is negative.
    """
    if total_awarded < 0:
        raise UserError("Tổng tiền thưởng không được là số âm.")
    if recurrent_spending <= 0:
        raise UserError(
            "Chưa có tổng chi thường xuyên ngân sách xã (phải lớn hơn 0), nên chưa so được "
            "tiền thưởng với mức tối đa của Quỹ thi đua, khen thưởng."
        )
    if rule is None:
        rule_set = _shipped_rule_set(_as_date(day or dt.date.today()))
        rule = rule_set.fund if rule_set is not None and rule_set.fund is not None else _FUND_152
    max_share = _dec(rule.max_share_remote if remote_area else rule.max_share_plain)
    limit = int((recurrent_spending * max_share).to_integral_value(rounding=ROUND_FLOOR))
    share = Decimal(total_awarded) / recurrent_spending
    over = total_awarded > limit
    area = (
        "xã miền núi, trung du, Tây Nguyên, vùng sâu, vùng xa, hải đảo"
        if remote_area
        else "xã đồng bằng, đô thị"
    )
    ceiling = (
        f"mức tối đa của Quỹ thi đua, khen thưởng là {thousands(limit)} đồng, bằng "
        f"{_percent(max_share)} tổng chi thường xuyên {thousands(recurrent_spending)} đồng đối "
        f"với {area} ({rule.basis.citation})"
    )
    if over:
        message = (
            f"Cảnh báo: tổng tiền thưởng {thousands(total_awarded)} đồng ({_percent(share)} chi "
            f"thường xuyên) vượt {ceiling}. Hãy xem lại danh sách khen thưởng hoặc nguồn kinh phí "
            "trước khi trình ký."
        )
    else:
        message = (
            f"Tổng tiền thưởng {thousands(total_awarded)} đồng ({_percent(share)} chi thường "
            f"xuyên) nằm trong {ceiling}."
        )
    return FundCheck(
        total=total_awarded,
        limit=limit,
        share=float(share),
        over=over,
        message=message,
        max_share=float(max_share),
    )
