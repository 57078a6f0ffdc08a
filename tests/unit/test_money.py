"""Award money: base salary by date, rounding, the several-awards rules, the fund ceiling and the
amount in words (NĐ 152/2025/NĐ-CP Art. 46, 49–55; domain.md §4; tech-notes §6(d)).

Every test passes its rules explicitly, except the few at the end that check the shipped
defaults.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from emulation_desktop.domain.enums import AwardKind, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.money import (
    FundCheck,
    MoneyLine,
    PaidLine,
    amount_for,
    apply_several_awards,
    award_amount,
    base_salary_on,
    fund_check,
    round_amount,
    totals,
)
from emulation_desktop.domain.money_words import money_in_words, number_in_words
from emulation_desktop.domain.rules.model import (
    AwardType,
    BaseSalary,
    FundRule,
    LegalBasis,
    Level,
    Rounding,
)

D = dt.date
BASIS = LegalBasis("Nghị định 152/2025/NĐ-CP", "Điều 49")
HISTORY = (
    BaseSalary(1_800_000, D(2023, 7, 1), LegalBasis("Nghị định 24/2023/NĐ-CP")),
    BaseSalary(2_340_000, D(2024, 7, 1), LegalBasis("Nghị định 73/2024/NĐ-CP")),
    BaseSalary(2_530_000, D(2026, 7, 1), LegalBasis("Nghị định 161/2026/NĐ-CP")),
)
AT_234 = D(2025, 12, 15)  # a decision date with 2,340,000 in force
AT_253 = D(2026, 12, 15)  # with 2,530,000
COMBINED = Rounding(step=10_000, mode="up", order="combined")
PER_INDIVIDUAL = Rounding(step=10_000, mode="up", order="per_individual")
NEAREST = Rounding(step=10_000, mode="nearest", order="combined")
FUND = FundRule(0.010, 0.015, LegalBasis("Nghị định 152/2025/NĐ-CP", "Điều 46 khoản 3 điểm b"))


# --- base salary (Art. 49.1) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(D(2023, 7, 1), 1_800_000, id="Art49.1-NĐ24-first-day"),
        pytest.param(D(2024, 6, 30), 1_800_000, id="Art49.1-day-before-NĐ73"),
        pytest.param(D(2024, 7, 1), 2_340_000, id="Art49.1-NĐ73-first-day"),
        pytest.param(D(2026, 6, 30), 2_340_000, id="Art49.1-day-before-NĐ161"),
        pytest.param(D(2026, 7, 1), 2_530_000, id="Art49.1-NĐ161-first-day"),
        pytest.param(D(2030, 1, 1), 2_530_000, id="Art49.1-latest-stays"),
    ],
)
def test_base_salary_is_the_one_in_force_on_the_decision_day(day: dt.date, expected: int) -> None:
    assert base_salary_on(day, HISTORY) == expected
    assert base_salary_on(day, tuple(reversed(HISTORY))) == expected  # order does not matter


def test_base_salary_accepts_a_datetime() -> None:
    assert base_salary_on(dt.datetime(2024, 7, 1, 8, 30), HISTORY) == 2_340_000


@pytest.mark.parametrize("history", [HISTORY, ()], ids=["before-01/07/2023", "empty"])
def test_base_salary_before_the_first_is_refused_in_vietnamese(history) -> None:
    with pytest.raises(UserError) as err:
        base_salary_on(D(2023, 6, 30), history)
    assert "mức lương cơ sở" in err.value.message
    assert "30/06/2023" in err.value.message
    if history:
        assert "01/07/2023" in err.value.message


# --- the table of domain.md §4 (Art. 49.2 rounding; coefficients of Art. 50–55) ---------------

# (id naming the article and award, coefficient, multiplier, rounding, @2,340,000, @2,530,000)
TABLE = [
    ("Art50-LĐTT", 0.3, 1, COMBINED, 710_000, 760_000),
    ("Art50-CSTĐCS", 1.0, 1, COMBINED, 2_340_000, 2_530_000),
    ("Art50-TTLĐTT", 0.8, 1, COMBINED, 1_880_000, 2_030_000),
    ("Art50-TTLĐXS", 1.5, 1, COMBINED, 3_510_000, 3_800_000),
    ("Art50-thôn-TDP-văn-hóa", 1.5, 1, COMBINED, 3_510_000, 3_800_000),
    ("Art50-xã-tiêu-biểu", 2.0, 1, COMBINED, 4_680_000, 5_060_000),
    ("Art50-CSTĐ-tỉnh", 3.0, 1, COMBINED, 7_020_000, 7_590_000),
    ("Art50-CSTĐ-toàn-quốc", 4.5, 1, COMBINED, 10_530_000, 11_390_000),
    ("Art50-Cờ-tỉnh", 8.0, 1, COMBINED, 18_720_000, 20_240_000),
    ("Art50-Cờ-Chính-phủ", 12.0, 1, COMBINED, 28_080_000, 30_360_000),
    ("Art49.2-Giấy-khen-cá-nhân", 0.3, 1, COMBINED, 710_000, 760_000),
    ("Art49.2-Giấy-khen-tập-thể-combined", 0.3, 2, COMBINED, 1_410_000, 1_520_000),
    ("Art49.2-Giấy-khen-tập-thể-per-indiv", 0.3, 2, PER_INDIVIDUAL, 1_420_000, 1_520_000),
    ("Art49.2-Giấy-khen-hộ-combined", 0.3, 1.5, COMBINED, 1_060_000, 1_140_000),
    ("Art49.2-Giấy-khen-hộ-per-indiv-again", 0.3, 1.5, PER_INDIVIDUAL, 1_070_000, 1_140_000),
    ("Art49.2-Bằng-khen-tỉnh-cá-nhân", 1.5, 1, COMBINED, 3_510_000, 3_800_000),
    ("Art49.2-Bằng-khen-tỉnh-tập-thể", 1.5, 2, COMBINED, 7_020_000, 7_590_000),
    ("Art49.2-Bằng-khen-tỉnh-hộ", 1.5, 1.5, COMBINED, 5_270_000, 5_700_000),
    ("Art49.2-Bằng-khen-TTg", 3.5, 1, COMBINED, 8_190_000, 8_860_000),
    ("Art49.2-Huân-chương-LĐ-hạng-Ba", 4.5, 1, COMBINED, 10_530_000, 11_390_000),
]  # fmt: skip


@pytest.mark.parametrize(
    ("coefficient", "multiplier", "rounding", "at_234", "at_253"),
    [pytest.param(*row[1:], id=row[0]) for row in TABLE],
)
def test_award_amount_matches_the_domain_table(
    coefficient: float, multiplier: float, rounding: Rounding, at_234: int, at_253: int
) -> None:
    kw = {"multiplier": multiplier, "rounding": rounding, "history": HISTORY}
    assert award_amount(coefficient, AT_234, **kw) == at_234
    assert award_amount(coefficient, AT_253, **kw) == at_253


def test_the_decision_day_not_the_achievement_year_chooses_the_base() -> None:
    # Art. 49.1: LĐTT 2025 decided on 30/06/2026 vs 01/07/2026.
    assert award_amount(0.3, D(2026, 6, 30), rounding=COMBINED, history=HISTORY) == 710_000
    assert award_amount(0.3, D(2026, 7, 1), rounding=COMBINED, history=HISTORY) == 760_000
    assert award_amount(0.3, D(2024, 6, 30), rounding=COMBINED, history=HISTORY) == 540_000


def test_award_amount_before_the_first_base_salary_is_refused() -> None:
    with pytest.raises(UserError):
        award_amount(0.3, D(2023, 6, 30), rounding=COMBINED, history=HISTORY)


def test_the_rounding_order_only_matters_for_collectives_and_households() -> None:
    # domain.md §4 ambiguity: 0.6 × 2,340,000 = 1,404,000 → 1,410,000; 2 × 710,000 = 1,420,000.
    both = [
        award_amount(0.3, AT_234, multiplier=2, rounding=r, history=HISTORY)
        for r in (COMBINED, PER_INDIVIDUAL)
    ]
    assert both == [1_410_000, 1_420_000]
    singles = {
        award_amount(0.3, AT_234, rounding=r, history=HISTORY) for r in (COMBINED, PER_INDIVIDUAL)
    }
    assert singles == {710_000}


def test_nearest_mode_rounds_half_up_like_the_old_decree_examples() -> None:
    # NĐ 91/2017 examples: 0.3 × 2,340,000 = 702,000 → 700,000 (up would give 710,000).
    assert award_amount(0.3, AT_234, rounding=NEAREST, history=HISTORY) == 700_000
    assert award_amount(0.45, AT_234, rounding=NEAREST, history=HISTORY) == 1_050_000
    assert round_amount(Decimal(705_000), NEAREST) == 710_000
    assert round_amount(Decimal(704_999), NEAREST) == 700_000


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(Decimal(702_000), 710_000, id="Art49.2-up"),
        pytest.param(Decimal(710_000), 710_000, id="Art49.2-exact-stays"),
        pytest.param(Decimal("700000.01"), 710_000, id="Art49.2-any-excess-goes-up"),
        pytest.param(0, 0, id="zero"),
        pytest.param(0.14 * 2_500_000, 350_000, id="float-noise-350000.00000000006"),
        pytest.param(0.07 * 3_000_000, 210_000, id="float-noise-210000.00000000003"),
    ],
)
def test_round_amount_up_to_the_next_ten_thousand(raw, expected: int) -> None:
    assert round_amount(raw) == expected


def test_floats_do_not_drift_in_award_amount() -> None:
    # 0.14 × 2,500,000 in float is 350000.00000000006; the amount must stay 350,000.
    history = (BaseSalary(2_500_000, D(2020, 1, 1), BASIS),)
    assert award_amount(0.14, D(2025, 1, 1), rounding=COMBINED, history=history) == 350_000
    assert award_amount(0.07, D(2025, 1, 1), multiplier=2, rounding=COMBINED, history=history) == (
        350_000
    )


def test_round_amount_with_another_step() -> None:
    assert round_amount(Decimal(702_001), Rounding(step=1000)) == 703_000
    assert round_amount(Decimal(702_001), Rounding(step=1)) == 702_001


@pytest.mark.parametrize(
    "rounding",
    [Rounding(step=0), Rounding(mode="down"), Rounding(order="sideways")],
    ids=["step-0", "mode", "order"],
)
def test_an_invalid_rounding_rule_is_a_user_error(rounding: Rounding) -> None:
    with pytest.raises(UserError) as err:
        award_amount(0.3, AT_234, rounding=rounding, history=HISTORY)
    assert "làm tròn" in err.value.message or "thứ tự" in err.value.message.lower()


def test_negative_inputs_are_programming_errors() -> None:
    with pytest.raises(ValueError):
        round_amount(Decimal(-1))
    with pytest.raises(ValueError):
        award_amount(-0.3, AT_234, rounding=COMBINED, history=HISTORY)


def test_amount_for_a_catalog_entry() -> None:
    def award(code: str, coefficient: float | None, multiplier: float = 1.0) -> AwardType:
        return AwardType(
            code, code, SubjectKind.UNIT, AwardKind.FORM, Level.COMMUNE, 10, coefficient, BASIS,
            multiplier=multiplier,
        )  # fmt: skip

    kw = {"rounding": COMBINED, "history": HISTORY}
    assert amount_for(award("GIAY_KHEN_TAP_THE", 0.3, 2.0), AT_234, **kw) == 1_410_000
    assert amount_for(award("GIA_DINH_VAN_HOA", None), AT_234, **kw) is None


# --- properties of award_amount ----------------------------------------------------------------

coefficients = st.integers(min_value=0, max_value=2_000).map(lambda k: k / 100)  # 0.00 … 20.00
bases = st.sampled_from([1_490_000, 1_800_000, 2_340_000, 2_530_000, 2_500_000, 3_000_000])
multipliers = st.sampled_from([1.0, 1.5, 2.0])
orders = st.sampled_from([COMBINED, PER_INDIVIDUAL])


def _history(base: int) -> tuple[BaseSalary, ...]:
    return (BaseSalary(base, D(2020, 1, 1), BASIS),)


@given(coefficients, bases, multipliers, orders)
def test_award_amount_is_at_least_coefficient_times_base(c, base, m, rounding) -> None:
    amount = award_amount(c, AT_234, multiplier=m, rounding=rounding, history=_history(base))
    exact = Decimal(repr(c)) * Decimal(repr(m)) * base
    assert amount >= exact
    assert amount - exact < 10_000 * (1 + Decimal(repr(m)))  # never more than the rounding adds


@given(coefficients, bases, multipliers, orders)
def test_award_amount_is_a_multiple_of_the_step(c, base, m, rounding) -> None:
    amount = award_amount(c, AT_234, multiplier=m, rounding=rounding, history=_history(base))
    assert isinstance(amount, int)
    assert amount % 10_000 == 0


@given(coefficients, coefficients, bases, multipliers, orders)
def test_award_amount_is_monotone_in_the_coefficient(c1, c2, base, m, rounding) -> None:
    lo, hi = sorted((c1, c2))
    kw = {"multiplier": m, "rounding": rounding, "history": _history(base)}
    assert award_amount(lo, AT_234, **kw) <= award_amount(hi, AT_234, **kw)


@given(st.decimals(min_value=0, max_value=10**12, places=2), st.sampled_from([COMBINED, NEAREST]))
def test_round_amount_lands_within_one_step(raw: Decimal, rounding: Rounding) -> None:
    amount = round_amount(raw, rounding)
    assert amount % 10_000 == 0
    assert abs(amount - raw) < 10_000
    if rounding.mode == "up":
        assert amount >= raw


# --- several awards at once (Art. 49.4–49.6) ---------------------------------------------------

ACH = "Đã có thành tích xuất sắc trong phong trào thi đua năm 2025"


def title(code: str, rank: int, amount: int, subject: str = "p1", period: str = "2025"):
    return MoneyLine(subject, code, AwardKind.TITLE, rank, period, "", amount, award_name=code)


def form(code: str, rank: int, amount: int, achievement: str = ACH, period: str = "2025"):
    return MoneyLine("p1", code, AwardKind.FORM, rank, period, achievement, amount)


LDTT = title("Lao động tiên tiến", 10, 710_000)
CSTDCS = title("Chiến sĩ thi đua cơ sở", 20, 2_340_000)
GK = form("GIAY_KHEN_CA_NHAN", 15, 710_000)


@pytest.mark.parametrize(
    ("lines", "paid"),
    [
        pytest.param([LDTT, CSTDCS], [0, 2_340_000], id="Art49.4-two-titles-same-year-highest"),
        pytest.param([CSTDCS, LDTT], [2_340_000, 0], id="Art49.4-order-does-not-matter"),
        pytest.param(
            [LDTT, title("Chiến sĩ thi đua cơ sở", 20, 2_340_000, period="2024")],
            [710_000, 2_340_000],
            id="Art49.4-titles-different-years-both",
        ),
        pytest.param(
            [LDTT, title("Lao động tiên tiến", 10, 710_000, subject="p2")],
            [710_000, 710_000],
            id="Art49.4-different-subjects-both",
        ),
        pytest.param(
            [LDTT, title("Lao động tiên tiến", 10, 710_000, period=" 2025 ")],
            [710_000, 0],
            id="Art49.4-same-title-twice",
        ),
        pytest.param([CSTDCS, GK], [2_340_000, 710_000], id="Art49.6-title-and-form-both"),
        pytest.param(
            [LDTT, CSTDCS, GK], [0, 2_340_000, 710_000], id="Art49.4+49.6-highest-title-and-form"
        ),
        pytest.param(
            [GK, form("GIAY_KHEN_CA_NHAN", 15, 710_000, "Thành tích phòng, chống thiên tai")],
            [710_000, 710_000],
            id="Art49.5-two-Giấy-khen-different-achievements-both",
        ),
        pytest.param(
            [GK, form("GIAY_KHEN_CA_NHAN", 15, 710_000, period="01/2025-06/2025")],
            [710_000, 710_000],
            id="Art49.5-two-Giấy-khen-different-periods-both",
        ),
        pytest.param(
            [GK, form("GIAY_KHEN_CA_NHAN", 15, 710_000, ACH.upper() + ".")],
            [710_000, 0],
            id="Art49.5-same-form-same-achievement-trùng",
        ),
        pytest.param(
            [GK, form("BANG_KHEN_TINH", 30, 3_510_000)],
            [0, 3_510_000],
            id="Art49.5-two-forms-same-achievement-highest",
        ),
    ],
)
def test_several_awards(lines: list[MoneyLine], paid: list[int]) -> None:
    result = apply_several_awards(lines)
    assert [p.line for p in result] == lines
    assert [p.paid for p in result] == paid
    for p in result:
        if p.paid:
            assert p.paid == p.line.amount and p.reason == ""
        else:
            assert p.reason.startswith("Không chi tiền thưởng")
            assert "Nghị định 152/2025/NĐ-CP" in p.reason
    assert totals(result) == sum(paid)


def test_the_reasons_cite_the_article() -> None:
    lower, _higher = apply_several_awards([LDTT, CSTDCS])
    assert "Điều 49 khoản 4 Nghị định 152/2025/NĐ-CP" in lower.reason
    assert "Chiến sĩ thi đua cơ sở" in lower.reason
    first, second = apply_several_awards([GK, GK])
    assert first.paid == 710_000 and second.paid == 0
    assert "trùng thành tích" in second.reason
    assert "Điều 49 khoản 5 Nghị định 152/2025/NĐ-CP" in second.reason
    assert unicodedata.is_normalized("NFC", lower.reason + second.reason)


def test_a_line_refuses_a_negative_amount() -> None:
    with pytest.raises(ValueError):
        MoneyLine("p1", "LDTT", AwardKind.TITLE, 10, "2025", "", -1)


def test_totals_adds_what_is_paid() -> None:
    assert totals([]) == 0
    assert totals([PaidLine(LDTT, 0, "x"), PaidLine(CSTDCS, 2_340_000, "")]) == 2_340_000


# --- the fund ceiling (Art. 46.3b) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "spending", "remote", "limit", "over"),
    [
        pytest.param(10_000_000, 1_000_000_000, False, 10_000_000, False, id="Art46.3b-1.0%-at"),
        pytest.param(10_010_000, 1_000_000_000, False, 10_000_000, True, id="Art46.3b-1.0%-over"),
        pytest.param(15_000_000, 1_000_000_000, True, 15_000_000, False, id="Art46.3b-1.5%-at"),
        pytest.param(15_010_000, 1_000_000_000, True, 15_000_000, True, id="Art46.3b-1.5%-over"),
        pytest.param(0, 333_333_333, False, 3_333_333, False, id="Art46.3b-limit-floored"),
    ],
)
def test_fund_check(total: int, spending: int, remote: bool, limit: int, over: bool) -> None:
    check = fund_check(total, spending, remote, FUND)
    assert isinstance(check, FundCheck)
    assert (check.total, check.limit, check.over) == (total, limit, over)
    assert check.share == pytest.approx(total / spending)
    assert check.max_share == (0.015 if remote else 0.010)
    assert "Điều 46 khoản 3 điểm b Nghị định 152/2025/NĐ-CP" in check.message
    assert check.message.startswith("Cảnh báo") == over
    assert thousands_text(limit) in check.message


def thousands_text(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_fund_check_message_reads_in_vietnamese() -> None:
    check = fund_check(12_000_000, 1_000_000_000, False, FUND)
    assert "vượt" in check.message and "1%" in check.message and "1,2%" in check.message
    assert "1,5%" in fund_check(1, 1_000_000_000, True, FUND).message


@pytest.mark.parametrize(("total", "spending"), [(1, 0), (1, -5), (-1, 1_000_000)])
def test_fund_check_refuses_impossible_figures(total: int, spending: int) -> None:
    with pytest.raises(UserError):
        fund_check(total, spending, False, FUND)


# --- amount in words (tech-notes §6(d)) --------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (710_000, "Bảy trăm mười nghìn đồng"),
        (1_005, "Một nghìn không trăm linh năm đồng"),
        (1_250_000, "Một triệu hai trăm năm mươi nghìn đồng"),
        (21_000, "Hai mươi mốt nghìn đồng"),
        (15_000, "Mười lăm nghìn đồng"),
        (25_000, "Hai mươi lăm nghìn đồng"),
        (3_500_000_000, "Ba tỷ năm trăm triệu đồng"),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
        (
            12_345_678_901,
            "Mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm linh "
            "một đồng",
        ),
        (0, "Không đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),  # num2words: "một triệu năm nghìn"
        (1_000_005, "Một triệu không trăm linh năm đồng"),
        (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (1_410_000, "Một triệu bốn trăm mười nghìn đồng"),
        (10, "Mười đồng"),
        (105, "Một trăm linh năm đồng"),
        (1_000_010, "Một triệu không trăm mười đồng"),
    ],
)
def test_money_in_words(amount: int, words: str) -> None:
    assert money_in_words(amount) == words


def test_money_in_words_variants() -> None:
    assert money_in_words(1_234_000) == "Một triệu hai trăm ba mươi bốn nghìn đồng"
    assert money_in_words(1_234_000, tu=True) == "Một triệu hai trăm ba mươi tư nghìn đồng"
    assert money_in_words(14_000, tu=True) == "Mười bốn nghìn đồng"
    assert number_in_words(5_000, ngan=True) == "năm ngàn"


def test_money_in_words_refuses_negative_and_non_int() -> None:
    with pytest.raises(ValueError):
        money_in_words(-1)
    with pytest.raises(TypeError):
        money_in_words(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        money_in_words(True)  # type: ignore[arg-type]


_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_VALUES = {w: i for i, w in enumerate(_DIGITS)} | {"mốt": 1, "lăm": 5, "tư": 4}


def _parse(words: str) -> int:
    """Read lower-case number words back (for amounts below 10^18: at most one "tỷ")."""
    total = section = digit = 0
    for w in words.split():
        if w in _VALUES:
            digit = _VALUES[w]
        elif w == "trăm":
            section, digit = section + digit * 100, 0
        elif w == "mươi":
            section, digit = section + digit * 10, 0
        elif w == "mười":
            section += 10
        elif w == "linh":
            pass
        elif w in ("nghìn", "triệu"):
            total += (section + digit) * (1000 if w == "nghìn" else 1_000_000)
            section = digit = 0
        elif w == "tỷ":
            total, section, digit = (total + section + digit) * 10**9, 0, 0
        else:
            raise AssertionError(f"unexpected word {w!r} in {words!r}")
    return total + section + digit


amounts = st.one_of(
    st.integers(min_value=0, max_value=10**18 - 1),
    st.integers(min_value=0, max_value=10**6).map(lambda n: n * 10_000),
    st.integers(min_value=0, max_value=9_999),
)


@given(amounts)
def test_money_in_words_shape(amount: int) -> None:
    words = money_in_words(amount)
    assert "  " not in words and words == words.strip()
    assert words[0].isupper() and words[1:] == words[1:].lower()
    assert words.endswith(" đồng")
    assert unicodedata.is_normalized("NFC", words)


@given(amounts)
def test_number_in_words_reads_back_to_the_number(amount: int) -> None:
    words = number_in_words(amount)
    assert _parse(words) == amount
    # The accounting forms: "mốt" after "mươi", "lăm" after "mười"/"mươi", never "lẻ".
    assert not re.search(r"\bmươi một\b|\bmươi năm\b|\bmười năm\b|\blẻ\b", words)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_inner_groups_are_read_in_full(high: int, low: int) -> None:
    # 1.005.000 is "một triệu không trăm linh năm nghìn": after a higher group, "không trăm".
    words = number_in_words(high * 1_000_000 + low * 1000)
    assert words.startswith(number_in_words(high) + " triệu ")
    if low < 100:
        assert " triệu không trăm " in words


# --- the shipped defaults (domain/rules/shipped.py, resources/data/rules/) ---------------------


def test_default_base_salaries_are_the_shipped_ones() -> None:
    assert base_salary_on(D(2024, 6, 30)) == 1_800_000
    assert base_salary_on(D(2024, 7, 1)) == 2_340_000
    assert base_salary_on(D(2026, 6, 30)) == 2_340_000
    assert base_salary_on(D(2026, 7, 1)) == 2_530_000
    with pytest.raises(UserError):
        base_salary_on(D(2023, 6, 30))


def test_default_award_amount_uses_the_shipped_rules() -> None:
    # DESIGN: award_amount(coefficient, date) with the rules shipped by default.
    assert award_amount(0.3, D(2025, 12, 15)) == 710_000
    assert award_amount(0.3, D(2026, 7, 1)) == 760_000
    assert award_amount(0.8, D(2025, 12, 15)) == 1_880_000
    # Before the first shipped rule set (01/01/2024) the decree's default rounding applies.
    assert award_amount(0.33, D(2023, 10, 1)) == 600_000
    assert award_amount(0.3, D(2025, 12, 15), multiplier=2) == 1_410_000  # shipped: combined


@pytest.mark.parametrize(
    ("code", "at_234", "at_253"),
    [
        pytest.param("LDTT", 710_000, 760_000, id="Art50-LĐTT"),
        pytest.param("TTLDTT", 1_880_000, 2_030_000, id="Art50-TTLĐTT"),
        pytest.param("GIAY_KHEN_TAP_THE", 1_410_000, 1_520_000, id="Art49.2-Giấy-khen-tập-thể"),
        pytest.param("GIAY_KHEN_HO", 1_060_000, 1_140_000, id="Art49.2-Giấy-khen-hộ"),
        pytest.param("GDVH", None, None, id="no-coefficient-in-NĐ152"),
    ],
)
def test_shipped_catalog_amounts(code: str, at_234: int | None, at_253: int | None) -> None:
    from emulation_desktop.domain.rules.files import rule_set_in_force
    from emulation_desktop.domain.rules.shipped import load_shipped

    shipped = load_shipped()
    for day, expected in ((AT_234, at_234), (AT_253, at_253)):
        award = rule_set_in_force(shipped.rule_sets, day).award(code)
        assert amount_for(award, day) == expected


def test_default_fund_rule_is_the_shipped_one() -> None:
    check = fund_check(10_000_000, 1_000_000_000, False, day=D(2025, 12, 15))
    assert check.limit == 10_000_000 and not check.over
    assert fund_check(15_000_000, 1_000_000_000, True, day=D(2025, 12, 15)).limit == 15_000_000
