"""Rule sets as files: the shipped data, the parser's line-numbered refusals, the round trip."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterator
from decimal import ROUND_CEILING, Decimal
from pathlib import Path

import pytest

from emulation_desktop.domain.enums import AwardKind, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules import shipped as shipped_module
from emulation_desktop.domain.rules.files import (
    RuleFileError,
    check_versions,
    dump_base_salaries,
    dump_rule_set,
    parse_base_salaries,
    parse_rule_set,
    parse_rule_sets,
    rule_set_in_force,
)
from emulation_desktop.domain.rules.model import (
    CheckKind,
    Condition,
    Confidence,
    Level,
    RuleSet,
)
from emulation_desktop.domain.rules.shipped import ShippedRules, load_shipped, rules_dir

RULES = rules_dir()
ND98 = (RULES / "nd98-2023.json").read_text(encoding="utf-8")
ND152 = (RULES / "nd152-2025.json").read_text(encoding="utf-8")
SALARIES = (RULES / "base_salary.json").read_text(encoding="utf-8")

CATALOG = {
    # code: (subject, kind, coefficient, multiplier)
    "LDTT": (SubjectKind.PERSON, AwardKind.TITLE, 0.3, 1.0),
    "CSTDCS": (SubjectKind.PERSON, AwardKind.TITLE, 1.0, 1.0),
    "CSTD_TINH": (SubjectKind.PERSON, AwardKind.TITLE, 3.0, 1.0),
    "CSTD_TOAN_QUOC": (SubjectKind.PERSON, AwardKind.TITLE, 4.5, 1.0),
    "TTLDTT": (SubjectKind.UNIT, AwardKind.TITLE, 0.8, 1.0),
    "TTLDXS": (SubjectKind.UNIT, AwardKind.TITLE, 1.5, 1.0),
    "THON_TDP_VH": (SubjectKind.UNIT, AwardKind.TITLE, 1.5, 1.0),
    "XA_TIEU_BIEU": (SubjectKind.UNIT, AwardKind.TITLE, 2.0, 1.0),
    "CO_THI_DUA_TINH": (SubjectKind.UNIT, AwardKind.TITLE, 8.0, 1.0),
    "CO_THI_DUA_CP": (SubjectKind.UNIT, AwardKind.TITLE, 12.0, 1.0),
    "GDVH": (SubjectKind.HOUSEHOLD, AwardKind.TITLE, None, 1.0),
    "GIAY_KHEN_CA_NHAN": (SubjectKind.PERSON, AwardKind.FORM, 0.3, 1.0),
    "GIAY_KHEN_TAP_THE": (SubjectKind.UNIT, AwardKind.FORM, 0.3, 2.0),
    "GIAY_KHEN_HO": (SubjectKind.HOUSEHOLD, AwardKind.FORM, 0.3, 1.5),
    "BANG_KHEN_TINH_CA_NHAN": (SubjectKind.PERSON, AwardKind.FORM, 1.5, 1.0),
    "BANG_KHEN_TINH_TAP_THE": (SubjectKind.UNIT, AwardKind.FORM, 1.5, 2.0),
    "BANG_KHEN_TINH_HO": (SubjectKind.HOUSEHOLD, AwardKind.FORM, 1.5, 1.5),
    "BANG_KHEN_TTG_CA_NHAN": (SubjectKind.PERSON, AwardKind.FORM, 3.5, 1.0),
    "HC_LAO_DONG_HANG_BA": (SubjectKind.PERSON, AwardKind.FORM, 4.5, 1.0),
}


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th occurrence of `needle`."""
    idx = -1
    for _ in range(occurrence):
        idx = text.index(needle, idx + 1)
    return text.count("\n", 0, idx) + 1


def object_line(text: str, first_key_line: int) -> int:
    """The line of the "{" that opens the object whose first key is on `first_key_line`."""
    lines = text.splitlines()
    for n in range(first_key_line - 1, 0, -1):
        if lines[n - 1].strip() == "{":
            return n
    raise AssertionError("no opening brace")


def replace_once(text: str, old: str, new: str, occurrence: int = 1) -> str:
    idx = -1
    for _ in range(occurrence):
        idx = text.index(old, idx + 1)
    return text[:idx] + new + text[idx + len(old) :]


def conditions(c: Condition) -> Iterator[Condition]:
    yield c
    for sub in c.any_of:
        yield from conditions(sub)


@pytest.fixture(scope="module")
def rules() -> ShippedRules:
    return load_shipped()


def by_code(rules: ShippedRules) -> dict[str, RuleSet]:
    return {rs.code: rs for rs in rules.rule_sets}


# --- Shipped data --------------------------------------------------------------------------------


def test_shipped_files_load_as_two_versions_and_three_salaries(rules: ShippedRules) -> None:
    assert [rs.code for rs in rules.rule_sets] == ["nd98-2023", "nd152-2025"]
    assert [rs.effective_from for rs in rules.rule_sets] == [
        dt.date(2024, 1, 1),
        dt.date(2025, 7, 1),
    ]
    assert [(b.amount, b.effective_from) for b in rules.base_salaries] == [
        (1_800_000, dt.date(2023, 7, 1)),
        (2_340_000, dt.date(2024, 7, 1)),
        (2_530_000, dt.date(2026, 7, 1)),
    ]
    assert [b.basis.confidence for b in rules.base_salaries] == [
        Confidence.VERIFIED,
        Confidence.PARTLY,
        Confidence.PARTLY,
    ]
    for rs in rules.rule_sets:
        assert (RULES / f"{rs.code}.json").is_file()  # the file is named after its code


def test_load_shipped_is_cached_on_the_default_path() -> None:
    assert load_shipped() is load_shipped()


@pytest.mark.parametrize("name", ["nd98-2023.json", "nd152-2025.json"])
def test_shipped_rule_files_round_trip_exactly(name: str) -> None:
    text = (RULES / name).read_text(encoding="utf-8")
    rs = parse_rule_set(text, name)

    assert parse_rule_set(dump_rule_set(rs), name) == rs
    # The shipped files are the canonical dump: regenerate them with dump_rule_set after edits.
    assert dump_rule_set(rs) == text


def test_shipped_salary_file_round_trips_exactly() -> None:
    items = parse_base_salaries(SALARIES, "base_salary.json")
    assert parse_base_salaries(dump_base_salaries(items)) == items
    assert dump_base_salaries(reversed(items)) == SALARIES  # written sorted by date


def test_shipped_texts_are_nfc_and_every_item_has_a_basis(rules: ShippedRules) -> None:
    for text in (ND98, ND152, SALARIES):
        assert unicodedata.is_normalized("NFC", text)
    for rs in rules.rule_sets:
        bases = [rs.basis, rs.rounding.basis, rs.gap_basis, rs.fund and rs.fund.basis]
        bases += [a.basis for a in rs.awards] + [a.decider_basis for a in rs.awards]
        bases += [c.basis for c in rs.criteria] + [c.basis for c in rs.caps]
        bases += [v.basis for v in rs.votes]
        assert all(b is not None and b.text for b in bases)


@pytest.mark.parametrize("code", ["nd98-2023", "nd152-2025"])
def test_catalog_codes_and_coefficients_follow_the_decree(rules: ShippedRules, code: str) -> None:
    rs = by_code(rules)[code]
    got = {a.code: (a.subject, a.kind, a.coefficient, a.multiplier) for a in rs.awards}
    assert got == CATALOG
    assert rs.award("CSTDCS").artefacts == ("Bằng chứng nhận", "Khung")
    assert rs.award("GDVH").basis.confidence is Confidence.UNVERIFIED  # no coefficient in NĐ 152


def test_deciders_moved_from_district_to_commune_in_nd152(rules: ShippedRules) -> None:
    nd98, nd152 = by_code(rules)["nd98-2023"], by_code(rules)["nd152-2025"]
    for code in ("CSTDCS", "TTLDTT", "THON_TDP_VH"):
        assert nd98.award(code).decider is Level.DISTRICT
        assert nd152.award(code).decider is Level.COMMUNE
        basis = nd152.award(code).decider_basis
        assert basis is not None and basis.confidence is Confidence.UNVERIFIED
    for code in ("LDTT", "GDVH", "GIAY_KHEN_CA_NHAN", "GIAY_KHEN_TAP_THE", "GIAY_KHEN_HO"):
        assert nd98.award(code).decider is nd152.award(code).decider is Level.COMMUNE
    assert nd98.award("XA_TIEU_BIEU").name == "Xã, phường, thị trấn tiêu biểu"
    assert nd152.award("XA_TIEU_BIEU").name == "Xã, phường, đặc khu tiêu biểu"


def test_money_of_section_4_table_at_2_340_000(rules: ShippedRules) -> None:
    rs = by_code(rules)["nd152-2025"]
    step = Decimal(rs.rounding.step)

    def amount(code: str) -> int:
        a = rs.award(code)
        assert a.coefficient is not None
        raw = Decimal(str(a.coefficient)) * Decimal(str(a.multiplier)) * 2_340_000
        return int((raw / step).to_integral_value(ROUND_CEILING) * step)

    assert (rs.rounding.mode, rs.rounding.order) == ("up", "combined")
    assert amount("LDTT") == 710_000
    assert amount("TTLDTT") == 1_880_000
    assert amount("GIAY_KHEN_TAP_THE") == 1_410_000
    assert amount("GIAY_KHEN_HO") == 1_060_000
    assert amount("BANG_KHEN_TINH_HO") == 5_270_000
    assert amount("CO_THI_DUA_CP") == 28_080_000


def test_rank_grows_with_the_award(rules: ShippedRules) -> None:
    for rs in rules.rule_sets:
        rank = {a.code: a.rank for a in rs.awards}
        chain = ["HC_LAO_DONG_HANG_BA", "CO_THI_DUA_CP", "CO_THI_DUA_TINH", "CSTD_TINH",
                 "CSTDCS", "GIAY_KHEN_CA_NHAN", "LDTT", "GDVH"]  # fmt: skip
        assert [rank[c] for c in chain] == sorted((rank[c] for c in chain), reverse=True)
        for form in ("GIAY_KHEN", "BANG_KHEN_TINH"):  # collective > household > individual
            assert rank[f"{form}_TAP_THE"] > rank[f"{form}_HO"] > rank[f"{form}_CA_NHAN"]
        # Art. 49.3: within one subject and kind, more money means a higher award.
        for a in rs.awards:
            for b in rs.awards:
                if (a.subject, a.kind) != (b.subject, b.kind):
                    continue
                if a.coefficient is None or b.coefficient is None:
                    continue
                if a.coefficient * a.multiplier < b.coefficient * b.multiplier:
                    assert a.rank < b.rank, (a.code, b.code)


def test_criteria_of_the_law_are_encoded(rules: ShippedRules) -> None:
    rs = by_code(rules)["nd152-2025"]
    crit = {c.id: c for c in rs.criteria}
    assert crit["LDTT.a"].condition == Condition(CheckKind.GRADE_AT_LEAST, grade="htt")
    assert crit["LDTT.thoi_gian"].condition == Condition(CheckKind.WORKED_MONTHS, months=10)
    assert crit["LDTT.thoi_gian"].basis.confidence is Confidence.UNVERIFIED
    assert crit["CSTDCS.1"].condition == Condition(CheckKind.ELIGIBLE_FOR, award="LDTT")
    assert crit["CSTDCS.2"].condition.any_of == (
        Condition(CheckKind.GRADE_AT_LEAST, grade="htxs"),
        Condition(CheckKind.HAS_INITIATIVE),
    )
    assert crit["TTLDTT.c"].condition == Condition(
        CheckKind.MEMBERS_RATIO, award="LDTT", ratio=0.5, strict=True
    )
    assert crit["TTLDXS.c2"].condition == Condition(
        CheckKind.MEMBERS_RATIO, award="LDTT", ratio=0.7
    )
    assert crit["TTLDXS.d"].condition == Condition(
        CheckKind.MEMBERS_WITH_AWARD, award="CSTDCS", count=1
    )
    assert crit["CSTD_TINH.1"].condition == Condition(
        CheckKind.CONSECUTIVE_AWARDS, award="CSTDCS", years=3
    )
    kinds = {c.condition.kind for c in rs.criteria_of("LDTT")}
    assert {CheckKind.NO_DISCIPLINE, CheckKind.NOT_PENDING, CheckKind.NOT_ALREADY_AWARDED} <= kinds
    assert {c.condition.kind for c in rs.criteria_of("GDVH")} <= {
        CheckKind.MANUAL,
        CheckKind.NOT_ALREADY_AWARDED,
    }
    cap = rs.caps[0]
    assert (cap.award, cap.of_award, cap.max_ratio, cap.enabled) == ("CSTDCS", "LDTT", 0.15, True)
    assert cap.basis.confidence is Confidence.PARTLY
    assert rs.vote_rule("LDTT").min_ratio == 0.6667  # the "*" rule
    assert rs.vote_rule("CSTD_TOAN_QUOC").min_ratio == 0.9
    assert rs.vote_rule("CO_THI_DUA_CP").min_ratio == 0.8
    assert rs.fund is not None and (rs.fund.max_share_plain, rs.fund.max_share_remote) == (
        0.010,
        0.015,
    )


def test_every_award_referenced_exists(rules: ShippedRules) -> None:
    for rs in rules.rule_sets:
        codes = {a.code for a in rs.awards}
        for c in rs.criteria:
            assert c.award in codes
            for cond in conditions(c.condition):
                assert cond.award in codes or (cond.award == "" and cond.kind not in {
                    CheckKind.ELIGIBLE_FOR, CheckKind.CONSECUTIVE_AWARDS,
                    CheckKind.MEMBERS_RATIO, CheckKind.MEMBERS_WITH_AWARD,
                })  # fmt: skip
        for cap in rs.caps:
            assert {cap.award, cap.of_award} <= codes
        for v in rs.votes:
            assert v.award == "*" or v.award in codes
        assert len({c.id for c in rs.criteria}) == len(rs.criteria)


# --- Which version applies -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (dt.date(2024, 1, 1), "nd98-2023"),
        (dt.date(2025, 6, 30), "nd98-2023"),
        (dt.date(2025, 7, 1), "nd152-2025"),
        (dt.date(2027, 1, 1), "nd152-2025"),
    ],
)
def test_rule_set_in_force_picks_by_date(rules: ShippedRules, day: dt.date, code: str) -> None:
    assert rule_set_in_force(rules.rule_sets, day).code == code
    assert rule_set_in_force(list(reversed(rules.rule_sets)), day).code == code


def test_no_rule_set_before_2024_is_refused_in_vietnamese(rules: ShippedRules) -> None:
    with pytest.raises(UserError) as info:
        rule_set_in_force(rules.rule_sets, dt.date(2023, 12, 31))
    assert "31/12/2023" in info.value.message
    assert "Không có bộ quy định nào có hiệu lực" in info.value.message
    assert "01/01/2024" in info.value.message
    with pytest.raises(UserError, match="Chưa có bộ quy định"):
        rule_set_in_force([], dt.date(2025, 1, 1))


def test_check_versions_refuses_a_shared_date_or_code(rules: ShippedRules) -> None:
    nd98, nd152 = rules.rule_sets
    check_versions(rules.rule_sets)
    with pytest.raises(RuleFileError, match="cùng có hiệu lực từ ngày 01/07/2025"):
        check_versions(
            [nd98, nd152, dataclasses.replace(nd98, code="x", effective_from=nd152.effective_from)]
        )
    with pytest.raises(RuleFileError, match="cùng mã «nd98-2023»"):
        check_versions([nd98, dataclasses.replace(nd152, code="nd98-2023")])


# --- Refused files: the message names the line -----------------------------------------------


def _missing_coefficient() -> tuple[str, int]:
    text = replace_once(ND152, '      "coefficient": 0.3,\n', "")
    return text, object_line(text, line_of(text, '"code": "LDTT"'))


def _field(
    old: str, new: str, occurrence: int = 1, base: str = ND152
) -> Callable[[], tuple[str, int]]:
    def make() -> tuple[str, int]:
        return replace_once(base, old, new, occurrence), line_of(base, old, occurrence)

    return make


def _json_syntax() -> tuple[str, int]:
    # Without the comma after "name", the parser stumbles on the next line.
    text = replace_once(
        ND152, '"name": "Nghị định 152/2025/NĐ-CP",', '"name": "Nghị định 152/2025/NĐ-CP"'
    )
    return text, line_of(text, '"effective_from"')


def _unknown_award_in_condition() -> tuple[str, int]:
    old = '"kind": "eligible_for",\n        "award": "LDTT"'
    new = '"kind": "eligible_for",\n        "award": "LDTX"'
    text = replace_once(ND152, old, new)
    return text, line_of(text, '"award": "LDTX"')


def _duplicate_award_code() -> tuple[str, int]:
    text = replace_once(ND152, '"code": "CSTD_TOAN_QUOC"', '"code": "CSTD_TINH"')
    return text, line_of(text, '"code": "CSTD_TINH"', 2)


def _duplicate_criterion_id() -> tuple[str, int]:
    text = replace_once(ND152, '"id": "LDTT.b"', '"id": "LDTT.a"')
    return text, line_of(text, '"id": "LDTT.a"', 2)


def _missing_criterion_text() -> tuple[str, int]:
    start = ND152.index('"id": "TTLDTT.c"')
    line_start = ND152.index('"text":', start)
    line_end = ND152.index("\n", line_start)
    text = ND152[: ND152.rindex("\n", 0, line_start) + 1] + ND152[line_end + 1 :]
    return text, object_line(text, line_of(text, '"id": "TTLDTT.c"'))


def _repeated_key() -> tuple[str, int]:
    text = replace_once(ND152, '"rank": 20,', '"rank": 20,\n      "rank": 21,')
    return text, line_of(text, '"rank": 21,')


BAD_RULE_FILES: dict[str, tuple[Callable[[], tuple[str, int]], str]] = {
    "missing field": (_missing_coefficient, 'thiếu trường "coefficient"'),
    "unknown award in a criterion": (_unknown_award_in_condition, "không có trong danh mục"),
    "negative coefficient": (
        _field('"coefficient": 0.3,', '"coefficient": -0.3,'),
        "không được âm",
    ),
    "zero multiplier": (_field('"multiplier": 2.0,', '"multiplier": 0,'), "phải lớn hơn 0"),
    "ratio 1.5": (_field('"ratio": 0.7', '"ratio": 1.5'), "phải từ 0 đến 1"),
    "cap ratio": (_field('"max_ratio": 0.15', '"max_ratio": 15'), "là tỷ lệ"),
    "bad date": (
        _field('"effective_from": "2025-07-01"', '"effective_from": "2025-02-30"'),
        'ngày "2025-02-30" không hợp lệ',
    ),
    "unreadable date": (
        _field('"effective_from": "2025-07-01"', '"effective_from": "1/7/25"'),
        "không hợp lệ",
    ),
    "JSON syntax": (_json_syntax, "thiếu dấu phẩy"),
    "duplicate award code": (_duplicate_award_code, "bị trùng"),
    "duplicate criterion id": (_duplicate_criterion_id, "mã tiêu chuẩn"),
    "unknown subject": (
        _field('"subject": "person"', '"subject": "ca_nhan"'),
        '"household" (Hộ gia đình)',
    ),
    "unknown decider": (_field('"decider": "commune"', '"decider": "huyen"'), "không hợp lệ"),
    "unknown confidence": (
        _field('"confidence": "partly"', '"confidence": "maybe"'),
        "chưa kiểm chứng",
    ),
    "unknown check kind": (
        _field('"kind": "grade_at_least"', '"kind": "grade_above"'),
        "không hợp lệ",
    ),
    "unknown grade": (_field('"grade": "htt"', '"grade": "tot"'), "Hoàn thành tốt nhiệm vụ"),
    "rounding step": (_field('"step": 10000', '"step": 0'), "từ 1 trở lên"),
    "rounding mode": (_field('"mode": "up"', '"mode": "down"'), "làm tròn lên"),
    "rounding order": (_field('"order": "combined"', '"order": "each"'), "không hợp lệ"),
    "wrong type": (_field('"rank": 20,', '"rank": "20",'), "số nguyên"),
    "misspelt key": (_field('"multiplier": 1.0,', '"multiplyer": 1.0,'), 'có phải "multiplier"'),
    "repeated key": (_repeated_key, "hai lần"),
    "missing criterion text": (_missing_criterion_text, 'thiếu trường "text"'),
    "members check on a person award": (
        _field(
            '"kind": "eligible_for",\n        "award": "LDTT"',
            '"kind": "members_all_completed",\n        "award": "LDTT"',
        ),
        "chỉ dùng cho khen thưởng tập thể",
    ),
    "vote for an unknown award": (
        _field('"award": "CO_THI_DUA_CP"', '"award": "CO_CP"'),
        "không có trong danh mục",
    ),
}


@pytest.mark.parametrize("case", BAD_RULE_FILES, ids=list(BAD_RULE_FILES))
def test_bad_rule_file_is_refused_at_the_right_line(case: str) -> None:
    make, words = BAD_RULE_FILES[case]
    text, line = make()

    with pytest.raises(RuleFileError) as info:
        parse_rule_set(text, "tinh.json")

    message = info.value.message
    assert info.value.line == line, message
    assert re.search(rf"^Tệp «tinh\.json», dòng {line}\b", message), message
    assert words in message
    assert unicodedata.is_normalized("NFC", message)


def test_duplicate_effective_date_across_two_files_names_the_later_line() -> None:
    other = replace_once(ND98, '"effective_from": "2024-01-01"', '"effective_from": "2025-07-01"')
    line = line_of(other, '"effective_from"')

    with pytest.raises(RuleFileError) as info:
        parse_rule_sets([("nd152-2025.json", ND152), ("tinh.json", other)])

    assert info.value.line == line
    assert f"Tệp «tinh.json», dòng {line}: ngày hiệu lực 01/07/2025 trùng" in info.value.message


def test_duplicate_code_across_two_files_is_refused() -> None:
    other = replace_once(ND98, '"code": "nd98-2023"', '"code": "nd152-2025"')
    with pytest.raises(RuleFileError, match="dòng 3: mã bộ quy định"):
        parse_rule_sets([("a.json", ND152), ("b.json", other)])


def test_eligibility_loop_is_refused() -> None:
    # LDTT.b now requires the CSTDCS standard, which requires the LDTT standard.
    text = replace_once(
        ND152, '"id": "LDTT.b",\n      "award": "LDTT",', '"id": "LDTT.b",\n      "award": "LDTT",'
    )
    start = text.index('"id": "LDTT.b"')
    cond = text.index('"kind": "manual"', start)
    text = (
        text[:cond]
        + '"kind": "eligible_for", "award": "CSTDCS"'
        + text[cond + len('"kind": "manual"') :]
    )
    with pytest.raises(RuleFileError, match="vòng lặp"):
        parse_rule_set(text, "x.json")


def test_accepts_dd_mm_yyyy_dates_a_bom_and_comment_keys() -> None:
    text = replace_once(ND152, '"effective_from": "2025-07-01"', '"effective_from": "01/07/2025"')
    text = "\ufeff" + replace_once(
        text, '"code": "nd152-2025",', '"_ghi_chu": "bản của tỉnh",\n  "code": "nd152-2025",'
    )
    assert parse_rule_set(text) == parse_rule_set(ND152)


def test_not_an_object_and_empty_text_are_refused() -> None:
    with pytest.raises(RuleFileError, match="dòng 1: tệp quy định: cần một đối tượng"):
        parse_rule_set("[]", "a.json")
    with pytest.raises(RuleFileError, match="trống"):
        parse_rule_set("  \n", "a.json")
    with pytest.raises(RuleFileError, match="phiên bản mới hơn"):
        parse_rule_set(replace_once(ND152, "rules/1", "rules/2"), "a.json")


def test_round_trip_of_every_condition_parameter(rules: ShippedRules) -> None:
    rs = by_code(rules)["nd152-2025"]
    odd = dataclasses.replace(
        rs.criteria[0],
        id="X.1",
        condition=Condition(CheckKind.ANY_OF, any_of=(
            Condition(CheckKind.MANUAL),
            Condition(CheckKind.ANY_OF, any_of=(Condition(CheckKind.WORKED_MONTHS, months=12),)),
        )),
    )  # fmt: skip
    unit = dataclasses.replace(
        rs.criteria_of("TTLDTT")[0],
        id="X.2",
        condition=Condition(CheckKind.MEMBERS_RATIO, award="LDTT", ratio=1.0, strict=True),
    )
    changed = dataclasses.replace(
        rs, criteria=(*rs.criteria, odd, unit), caps=(), votes=(), fund=None, gap_basis=None,
        note="", rounding=dataclasses.replace(rs.rounding, mode="nearest", basis=None),
    )  # fmt: skip
    assert parse_rule_set(dump_rule_set(changed)) == changed


# --- Base salaries ---------------------------------------------------------------------------


def test_base_salaries_are_sorted_by_date() -> None:
    items = parse_base_salaries(SALARIES)
    text = dump_base_salaries(items)
    swapped = replace_once(text, '"effective_from": "2023-07-01"', '"effective_from": "2027-07-01"')
    got = parse_base_salaries(swapped)
    assert [b.effective_from.year for b in got] == [2024, 2026, 2027]


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            '"effective_from": "2026-07-01"',
            '"effective_from": "2024-07-01"',
            "mỗi ngày chỉ một mức",
        ),
        ('"amount": 2340000', '"amount": 0', "phải lớn hơn 0"),
        ('"amount": 2340000', '"amount": -2340000', "phải lớn hơn 0"),
        ('"amount": 2340000', '"amount": 2340000.5', "số nguyên"),
        ('"effective_from": "2026-07-01"', '"effective_from": "2026-13-01"', "không hợp lệ"),
    ],
)
def test_bad_base_salary_is_refused_at_its_line(old: str, new: str, words: str) -> None:
    text = replace_once(SALARIES, old, new)
    line = line_of(SALARIES, old)

    with pytest.raises(RuleFileError) as info:
        parse_base_salaries(text, "base_salary.json")

    assert info.value.line == line
    assert f"Tệp «base_salary.json», dòng {line}: mức lương cơ sở" in info.value.message
    assert words in info.value.message


# --- Locating the shipped folder ---------------------------------------------------------------


def test_load_shipped_reads_an_overridden_folder_and_names_a_broken_file(tmp_path: Path) -> None:
    target = tmp_path / "resources" / "data" / "rules"
    shutil.copytree(RULES, target)
    assert load_shipped(tmp_path / "resources") == load_shipped()

    (target / "nd152-2025.json").write_text(ND152.replace('"rank": 20', '"rank": -1'), "utf-8")
    with pytest.raises(
        RuleFileError, match=r"^Tệp «nd152-2025\.json», dòng \d+: khen thưởng «LDTT»"
    ):
        load_shipped(tmp_path / "resources")
    with pytest.raises(RuleFileError, match="cài đặt lại"):
        load_shipped(tmp_path / "nowhere")


def test_resource_root_in_a_frozen_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    repo_root = Path(__file__).resolve().parents[2]
    assert shipped_module.resource_root() == repo_root / "resources"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert shipped_module.resource_root() == tmp_path / "resources"
