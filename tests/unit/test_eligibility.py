"""The eligibility engine, case by case against the articles it implements.

The rule set is built here (domain.md §3), not loaded from the shipped files, so these tests do
not move when the shipped rules are edited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Mapping
from typing import Any

import pytest

from emulation_desktop.domain.enums import AwardKind, Grade, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.eligibility import (
    Assessment,
    EligibilityEngine,
    Outcome,
    Verdict,
    assess,
    assess_batch,
    worked_months,
)
from emulation_desktop.domain.rules.facts import FactsBook, Leave, PastAward, Period, SubjectFacts
from emulation_desktop.domain.rules.model import (
    AwardType,
    Cap,
    CheckKind,
    Condition,
    Confidence,
    Criterion,
    LegalBasis,
    Level,
    RuleSet,
)

# --- a small rule set (domain.md §3) ------------------------------------------------------------

LAW = "Luật Thi đua, khen thưởng 06/2022/QH15"
ND152 = "Nghị định 152/2025/NĐ-CP"
ND91 = "Nghị định 91/2017/NĐ-CP"
YEAR = 2025
HTXS, HTT, HT, KHT = Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED, Grade.NOT_COMPLETED
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
ELIGIBLE, NOT_ELIGIBLE, REVIEW = Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE, Verdict.REVIEW
P, U = SubjectKind.PERSON, SubjectKind.UNIT


def basis(
    article: str, text: str = LAW, confidence: Confidence = Confidence.VERIFIED
) -> LegalBasis:
    return LegalBasis(text, article, confidence)


def award(code: str, name: str, subject: SubjectKind, rank: int) -> AwardType:
    return AwardType(
        code, name, subject, AwardKind.TITLE, Level.COMMUNE, rank, 1.0, basis("Điều 19")
    )


def crit(award_code: str, id_: str, text: str, cond: Condition, b: LegalBasis) -> Criterion:
    return Criterion(award_code, id_, text, cond, b)


C = Condition
K = CheckKind

AWARDS = (
    award("LDTT", "Lao động tiên tiến", P, 10),
    award("CSTDCS", "Chiến sĩ thi đua cơ sở", P, 20),
    award("CSTD_TINH", "Chiến sĩ thi đua tỉnh", P, 30),
    award("CSTD_TQ", "Chiến sĩ thi đua toàn quốc", P, 40),
    award("TTLDTT", "Tập thể lao động tiên tiến", U, 15),
    award("TTLDXS", "Tập thể lao động xuất sắc", U, 25),
)
CRITERIA = (
    crit("LDTT", "LDTT.a", "Hoàn thành tốt nhiệm vụ trở lên", C(K.GRADE_AT_LEAST, grade="htt"),
         basis("Điều 24 khoản 1 điểm a")),
    crit("LDTT", "LDTT.b", "Tự lực, tự cường, đoàn kết, tương trợ, tích cực thi đua",
         C(K.MANUAL), basis("Điều 24 khoản 1 điểm b")),
    crit("LDTT", "LDTT.c", "Công tác từ 10 tháng trở lên trong năm", C(K.WORKED_MONTHS, months=10),
         basis("Điều 4 khoản 5", ND152, Confidence.UNVERIFIED)),
    crit("LDTT", "LDTT.d", "Không trong thời gian bị kỷ luật", C(K.NO_DISCIPLINE),
         basis("Điều 4", ND152)),
    crit("LDTT", "LDTT.e", "Không đang bị thanh tra, khiếu nại", C(K.NOT_PENDING),
         basis("Điều 4", ND152)),
    crit("LDTT", "LDTT.f", "Chưa được khen cho cùng thành tích", C(K.NOT_ALREADY_AWARDED),
         basis("Điều 49 khoản 4", ND152, Confidence.PARTLY)),
    crit("CSTDCS", "CSTDCS.1", "Đạt tiêu chuẩn Lao động tiên tiến",
         C(K.ELIGIBLE_FOR, award="LDTT"), basis("Điều 23 khoản 1")),
    crit("CSTDCS", "CSTDCS.2", "Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến",
         C(K.ANY_OF, any_of=(C(K.GRADE_AT_LEAST, grade="htxs"), C(K.HAS_INITIATIVE))),
         basis("Điều 23 khoản 2")),
    crit("CSTD_TINH", "CSTD_TINH.1", "03 lần liên tục Chiến sĩ thi đua cơ sở",
         C(K.CONSECUTIVE_AWARDS, award="CSTDCS", years=3), basis("Điều 22; Điều 33 khoản 7")),
    crit("CSTD_TQ", "CSTD_TQ.1", "02 lần liên tục Chiến sĩ thi đua tỉnh",
         C(K.CONSECUTIVE_AWARDS, award="CSTD_TINH", years=2), basis("Điều 21; Điều 33 khoản 7")),
    crit("TTLDTT", "TTLDTT.a", "Hoàn thành tốt nhiệm vụ", C(K.GRADE_AT_LEAST, grade="htt"),
         basis("Điều 28 khoản 1", confidence=Confidence.PARTLY)),
    crit("TTLDTT", "TTLDTT.b", "Phong trào thi đua thường xuyên, thiết thực, hiệu quả",
         C(K.MANUAL), basis("Điều 28 khoản 2", confidence=Confidence.PARTLY)),
    crit("TTLDTT", "TTLDTT.c", "Trên 50% thành viên đạt Lao động tiên tiến",
         C(K.MEMBERS_RATIO, award="LDTT", ratio=0.5, strict=True),
         basis("Điều 28 khoản 3", confidence=Confidence.PARTLY)),
    crit("TTLDXS", "TTLDXS.a", "Hoàn thành xuất sắc nhiệm vụ", C(K.GRADE_AT_LEAST, grade="htxs"),
         basis("Điều 27 khoản 1")),
    crit("TTLDXS", "TTLDXS.c1", "100% thành viên hoàn thành nhiệm vụ",
         C(K.MEMBERS_ALL_COMPLETED), basis("Điều 27 khoản 3")),
    crit("TTLDXS", "TTLDXS.c2", "Từ 70% thành viên đạt Lao động tiên tiến",
         C(K.MEMBERS_RATIO, award="LDTT", ratio=0.7), basis("Điều 27 khoản 3")),
    crit("TTLDXS", "TTLDXS.d", "Có cá nhân đạt Chiến sĩ thi đua cơ sở",
         C(K.MEMBERS_WITH_AWARD, award="CSTDCS", count=1), basis("Điều 27 khoản 4")),
)  # fmt: skip
CAP = Cap("CSTDCS", "LDTT", 0.15, True, basis("Điều 4", ND91, Confidence.PARTLY))


def rule_set(**changes: Any) -> RuleSet:
    rules = RuleSet(
        code="test",
        name="Quy định thử",
        effective_from=dt.date(2025, 7, 1),
        basis=basis("", ND152),
        awards=AWARDS,
        criteria=CRITERIA,
        caps=(CAP,),
    )
    return dataclasses.replace(rules, **changes)


RULES = rule_set()
_ids = itertools.count(1)


def person(
    grade: Grade | None = HTT,
    *,
    grades: Mapping[int, Grade] | None = None,
    awards: Mapping[str, tuple[int, ...]] | None = None,
    **kw: Any,
) -> SubjectFacts:
    """A person graded `grade` in 2025, working since 2020, with awards {code: years}."""
    if grades is None:
        grades = {} if grade is None else {YEAR: grade}
    past = tuple(PastAward(code, y) for code, years in (awards or {}).items() for y in years)
    kw.setdefault("work_start", dt.date(2020, 1, 1))
    id_ = next(_ids)
    return SubjectFacts(P, id_, kw.pop("name", f"Người {id_}"), grades=grades, awards=past, **kw)


def unit(members: list[SubjectFacts], grade: Grade | None = HTXS, **kw: Any) -> SubjectFacts:
    grades = {} if grade is None else {YEAR: grade}
    id_ = next(_ids)
    return SubjectFacts(
        U, id_, f"Tập thể {id_}", grades=grades, members=tuple(m.id for m in members), **kw
    )


def book(*subjects: SubjectFacts) -> FactsBook:
    return FactsBook.of(subjects)


def run(subject: SubjectFacts, code: str, *others: SubjectFacts, **kw: Any) -> Assessment:
    return assess(RULES, book(subject, *others), subject, code, YEAR, **kw)


def result(a: Assessment, criterion_id: str) -> Any:
    return next(r for r in a.results if r.criterion.id == criterion_id)


def d(y: int, m: int, day: int) -> dt.date:
    return dt.date(y, m, day)


# --- individuals --------------------------------------------------------------------------------

# (name with its article, award, person, ticked, verdict, criterion id, outcome, reason part)
PERSON_CASES = [
    ("Điều 24 Luật 06/2022 – LĐTT cần HTT trở lên: HTT đạt, mục thủ công chờ xác nhận",
     "LDTT", person(HTT), (), REVIEW, "LDTT.a", MET,
     "Năm 2025 xếp loại «Hoàn thành tốt nhiệm vụ» (cần từ «Hoàn thành tốt nhiệm vụ» trở lên)."),
    ("Điều 24 Luật 06/2022 – LĐTT: cán bộ đã xác nhận mục b thì đủ điều kiện",
     "LDTT", person(HTT), ("LDTT.b",), ELIGIBLE, "LDTT.b", MET, "Cán bộ đã xác nhận."),
    ("Điều 24 Luật 06/2022 – LĐTT: chỉ «Hoàn thành nhiệm vụ» thì không đạt",
     "LDTT", person(HT), ("LDTT.b",), NOT_ELIGIBLE, "LDTT.a", NOT_MET,
     "Năm 2025 xếp loại «Hoàn thành nhiệm vụ» (cần từ «Hoàn thành tốt nhiệm vụ» trở lên)."),
    ("Điều 24 Luật 06/2022 – chưa có xếp loại năm: cần xem xét, không phải không đạt",
     "LDTT", person(None), ("LDTT.b",), REVIEW, "LDTT.a", UNKNOWN,
     "Chưa có kết quả xếp loại năm 2025."),
    ("Điều 4 NĐ 152/2025 – kỷ luật kết thúc giữa năm: thành tích chỉ tính từ khi hết kỷ luật",
     "LDTT", person(HTXS, disciplines=(Period(d(2025, 1, 10), d(2025, 5, 31)),)), ("LDTT.b",),
     NOT_ELIGIBLE, "LDTT.d", NOT_MET,
     "Bị kỷ luật từ 10/01/2025 đến 31/05/2025: thành tích chỉ được tính từ khi hết thời hạn "
     "kỷ luật nên năm 2025 không được tính đủ."),
    ("Điều 4 NĐ 152/2025 – kỷ luật kết thúc 31/12 năm trước: năm xét trọn vẹn",
     "LDTT", person(HTT, disciplines=(Period(d(2024, 1, 1), d(2024, 12, 31)),)), ("LDTT.b",),
     ELIGIBLE, "LDTT.d", MET, "Không bị kỷ luật trong năm 2025."),
    ("Điều 4 NĐ 152/2025 – kỷ luật kết thúc ngày 01/01 năm xét: vẫn trùng năm",
     "LDTT", person(HTT, disciplines=(Period(d(2024, 3, 1), d(2025, 1, 1)),)), ("LDTT.b",),
     NOT_ELIGIBLE, "LDTT.d", NOT_MET, "năm 2025 không được tính đủ"),
    ("Điều 4 NĐ 152/2025 – đang thi hành kỷ luật: tạm dừng xét khen thưởng",
     "LDTT", person(HTT, disciplines=(Period(d(2026, 2, 1)),)), ("LDTT.b",), NOT_ELIGIBLE,
     "LDTT.d", NOT_MET,
     "Đang trong thời gian thi hành kỷ luật từ 01/02/2026 (chưa kết thúc): "
     "tạm dừng xét khen thưởng."),
    ("Điều 4 NĐ 152/2025 – đang thanh tra, khiếu nại: tạm dừng xét khen thưởng",
     "LDTT", person(HTT, pending_review=True), ("LDTT.b",), NOT_ELIGIBLE, "LDTT.e", NOT_MET,
     "tạm dừng xét khen thưởng"),
    ("Điều 4 khoản 5 NĐ 152/2025 – nghỉ thai sản được tính là thời gian công tác",
     "LDTT", person(HTT, leaves=(Leave(Period(d(2025, 3, 1), d(2025, 8, 31)), maternity=True),)),
     ("LDTT.b",), ELIGIBLE, "LDTT.c", MET,
     "Năm 2025 công tác 12 tháng (cần từ 10 tháng trở lên); thời gian nghỉ thai sản được tính "
     "là thời gian công tác."),
    ("Điều 4 khoản 5 NĐ 152/2025 – nghỉ không phải thai sản thì bị trừ",
     "LDTT", person(HTT, leaves=(Leave(Period(d(2025, 3, 1), d(2025, 8, 31)), maternity=False),)),
     ("LDTT.b",), NOT_ELIGIBLE, "LDTT.c", NOT_MET,
     "Năm 2025 công tác 6 tháng (cần từ 10 tháng trở lên); đã trừ 184 ngày nghỉ không tính là "
     "thời gian công tác."),
    ("NĐ 91/2017 – bắt đầu công tác 01/03: đúng 10 tháng là đạt",
     "LDTT", person(HTT, work_start=d(2025, 3, 1)), ("LDTT.b",), ELIGIBLE, "LDTT.c", MET,
     "Năm 2025 công tác 10 tháng (cần từ 10 tháng trở lên); bắt đầu công tác từ 01/03/2025."),
    ("NĐ 91/2017 – bắt đầu công tác 02/03: thiếu một ngày, không đủ 10 tháng",
     "LDTT", person(HTT, work_start=d(2025, 3, 2)), ("LDTT.b",), NOT_ELIGIBLE, "LDTT.c", NOT_MET,
     "Năm 2025 công tác 9,9 tháng"),
    ("NĐ 91/2017 – chưa có ngày bắt đầu công tác: cần xem xét",
     "LDTT", person(HTT, work_start=None), ("LDTT.b",), REVIEW, "LDTT.c", UNKNOWN,
     "Chưa có ngày bắt đầu công tác để tính số tháng năm 2025."),
    ("Điều 49 khoản 4 NĐ 152/2025 – đã được tặng LĐTT năm 2025: không khen hai lần",
     "LDTT", person(HTT, awards={"LDTT": (2025,)}), ("LDTT.b",), NOT_ELIGIBLE, "LDTT.f",
     NOT_MET, "một thành tích chỉ được khen thưởng một lần"),
    ("Điều 23 Luật 06/2022 – CSTĐCS cần HTXS hoặc sáng kiến: HTXS đạt",
     "CSTDCS", person(HTXS), (), ELIGIBLE, "CSTDCS.2", MET,
     "Đạt điều kiện: Năm 2025 xếp loại «Hoàn thành xuất sắc nhiệm vụ» "
     "(cần «Hoàn thành xuất sắc nhiệm vụ»)."),
    ("Điều 23 Luật 06/2022 – CSTĐCS: tiêu chuẩn LĐTT tính mục thủ công là đạt, có ghi rõ",
     "CSTDCS", person(HTXS), (), ELIGIBLE, "CSTDCS.1", MET,
     "Đủ tiêu chuẩn «Lao động tiên tiến» năm 2025 (mục xác nhận thủ công LDTT.b được tính "
     "là đạt)."),
    ("Điều 23 Luật 06/2022 – CSTĐCS: HTT có sáng kiến được công nhận là đạt",
     "CSTDCS", person(HTT, initiative_years=frozenset({2025})), (), ELIGIBLE, "CSTDCS.2", MET,
     "Đạt điều kiện: Năm 2025 có sáng kiến hoặc đề tài khoa học được công nhận."),
    ("Điều 23 Luật 06/2022 – CSTĐCS: HTT không sáng kiến thì không đạt",
     "CSTDCS", person(HTT, initiative_years=frozenset({2024})), (), NOT_ELIGIBLE, "CSTDCS.2",
     NOT_MET, "Không đạt điều kiện nào"),
    ("Điều 23 Luật 06/2022 – CSTĐCS: đã có quyết định LĐTT năm đó thì đạt khoản 1",
     "CSTDCS", person(HTXS, awards={"LDTT": (2025,)}), (), ELIGIBLE, "CSTDCS.1", MET,
     "Đã được tặng «Lao động tiên tiến» năm 2025."),
    ("Điều 23 Luật 06/2022 – CSTĐCS: chưa đạt tiêu chuẩn LĐTT thì không đạt",
     "CSTDCS", person(HT, initiative_years=frozenset({2025})), (), NOT_ELIGIBLE, "CSTDCS.1",
     NOT_MET, "Chưa đủ tiêu chuẩn «Lao động tiên tiến» năm 2025: Năm 2025 xếp loại"),
    ("Điều 23 Luật 06/2022 – CSTĐCS: thiếu xếp loại và không sáng kiến thì cần xem xét",
     "CSTDCS", person(None), (), REVIEW, "CSTDCS.2", UNKNOWN,
     "Chưa xác định được điều kiện nào"),
    ("Điều 33 khoản 7 NĐ 152/2025 – CSTĐ tỉnh: 03 lần liên tục CSTĐCS 2023–2025",
     "CSTD_TINH", person(HTXS, awards={"CSTDCS": (2023, 2024, 2025)}), (), ELIGIBLE,
     "CSTD_TINH.1", MET, "Đạt «Chiến sĩ thi đua cơ sở» 3 năm liên tục 2023–2025."),
    ("Điều 33 khoản 7 NĐ 152/2025 – ba lần CSTĐCS nhưng gián đoạn một năm: không liên tục",
     "CSTD_TINH", person(HTXS, awards={"CSTDCS": (2022, 2024, 2025)}), (), NOT_ELIGIBLE,
     "CSTD_TINH.1", NOT_MET,
     "Chưa đủ 3 lần liên tục «Chiến sĩ thi đua cơ sở» (2023–2025): thiếu năm 2023; một năm "
     "gián đoạn làm mất tính liên tục."),
    ("Điều 33 khoản 7 NĐ 152/2025 – năm xét chưa có quyết định CSTĐCS nhưng đủ tiêu chuẩn",
     "CSTD_TINH", person(HTXS, awards={"CSTDCS": (2023, 2024)}), (), REVIEW, "CSTD_TINH.1",
     UNKNOWN, "năm 2025 chưa có quyết định tặng «Chiến sĩ thi đua cơ sở»"),
    ("Điều 33 khoản 7 NĐ 152/2025 – năm xét không đạt CSTĐCS: chuỗi đứt",
     "CSTD_TINH", person(HT, awards={"CSTDCS": (2023, 2024)}), (), NOT_ELIGIBLE, "CSTD_TINH.1",
     NOT_MET, "năm 2025 chưa đạt"),
    ("Điều 33 khoản 7 NĐ 152/2025 – các năm đã tính cho lần CSTĐ tỉnh trước không dùng lại",
     "CSTD_TINH",
     person(HTXS, awards={"CSTDCS": (2022, 2023, 2024, 2025), "CSTD_TINH": (2024,)}), (),
     NOT_ELIGIBLE, "CSTD_TINH.1", NOT_MET, "lần đề nghị sau chỉ tính từ năm 2025"),
    ("Điều 21 Luật 06/2022 – CSTĐ toàn quốc: 02 lần CSTĐ tỉnh nối tiếp (2022, 2025)",
     "CSTD_TQ", person(HTXS, awards={"CSTD_TINH": (2022, 2025)}), (), ELIGIBLE, "CSTD_TQ.1", MET,
     "Đạt «Chiến sĩ thi đua tỉnh» 2 lần liên tục (mỗi lần 3 năm): các năm 2022, 2025."),
    ("Điều 33 khoản 7 NĐ 152/2025 – CSTĐ tỉnh 2021 và 2025: có khoảng trống, không liên tục",
     "CSTD_TQ", person(HTXS, awards={"CSTD_TINH": (2021, 2025)}), (), NOT_ELIGIBLE, "CSTD_TQ.1",
     NOT_MET, "Chưa đủ 2 lần liên tục «Chiến sĩ thi đua tỉnh» (2020–2025): thiếu năm 2022"),
    ("Điều 4 NĐ 152/2025 – kỷ luật trong chuỗi năm liên tục làm đứt chuỗi",
     "CSTD_TINH",
     person(HTXS, awards={"CSTDCS": (2023, 2024, 2025)},
            disciplines=(Period(d(2023, 1, 5), d(2023, 2, 5)),)),
     (), NOT_ELIGIBLE, "CSTD_TINH.1", NOT_MET, "chưa đủ 3 năm liên tục 2023–2025"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "subject", "ticked", "verdict", "criterion_id", "outcome", "reason"),
    [case[1:] for case in PERSON_CASES],
    ids=[case[0] for case in PERSON_CASES],
)
def test_person_case(
    code: str,
    subject: SubjectFacts,
    ticked: tuple[str, ...],
    verdict: Verdict,
    criterion_id: str,
    outcome: Outcome,
    reason: str,
) -> None:
    a = run(subject, code, ticked=ticked)

    r = result(a, criterion_id)
    assert (r.outcome, a.verdict) == (outcome, verdict), r.reason
    assert reason in r.reason
    assert [r.criterion.id for r in a.results] == [c.id for c in RULES.criteria_of(code)]


# --- collectives --------------------------------------------------------------------------------


def members(ldtt: int, other: int, *, other_grade: Grade = HT, **kw: Any) -> list[SubjectFacts]:
    """`ldtt` members meeting the LĐTT standard, `other` graded `other_grade`."""
    return [person(HTT, **kw) for _ in range(ldtt)] + [person(other_grade) for _ in range(other)]


def run_unit(code: str, team: list[SubjectFacts], grade: Grade | None = HTXS) -> Assessment:
    u = unit(team, grade)
    return run(u, code, *team)


UNIT_CASES = [
    ("Điều 28 Luật 06/2022 – TTLĐTT cần trên 50%: đúng 50% là chưa đạt",
     "TTLDTT", lambda: members(10, 10), "TTLDTT.c", NOT_MET,
     "10/20 thành viên (50%) đạt hoặc đủ tiêu chuẩn «Lao động tiên tiến» năm 2025 "
     "(cần trên 50%)."),
    ("Điều 28 Luật 06/2022 – TTLĐTT: 11/20 thành viên là trên 50%",
     "TTLDTT", lambda: members(11, 9), "TTLDTT.c", MET, "11/20 thành viên (55%)"),
    ("Điều 28 Luật 06/2022 – TTLĐTT: thành viên đã có quyết định LĐTT được tính",
     "TTLDTT", lambda: members(0, 10) + [person(HT, awards={"LDTT": (2025,)}) for _ in range(11)],
     "TTLDTT.c", MET, "11/21 thành viên (52,4%)"),
    ("Điều 28 Luật 06/2022 – TTLĐTT: thiếu xếp loại thành viên thì cần xem xét",
     "TTLDTT", lambda: members(8, 4) + [person(None) for _ in range(8)], "TTLDTT.c", UNKNOWN,
     "Còn 8 thành viên chưa xác định được."),
    ("Điều 27 Luật 06/2022 – TTLĐXS cần từ 70%: đúng 70% là đạt",
     "TTLDXS", lambda: members(14, 6), "TTLDXS.c2", MET,
     "14/20 thành viên (70%) đạt hoặc đủ tiêu chuẩn «Lao động tiên tiến» năm 2025 "
     "(cần từ 70% trở lên)."),
    ("Điều 27 Luật 06/2022 – TTLĐXS: 13/20 (65%) là chưa đạt",
     "TTLDXS", lambda: members(13, 7), "TTLDXS.c2", NOT_MET, "13/20 thành viên (65%)"),
    ("Điều 27 Luật 06/2022 – TTLĐXS: 100% thành viên hoàn thành nhiệm vụ",
     "TTLDXS", lambda: members(15, 5), "TTLDXS.c1", MET,
     "Cả 20 thành viên xếp loại từ «Hoàn thành nhiệm vụ» trở lên năm 2025."),
    ("Điều 27 Luật 06/2022 – TTLĐXS: một thành viên không hoàn thành nhiệm vụ",
     "TTLDXS", lambda: [*members(15, 4), person(KHT, name="Trần Văn Bình")], "TTLDXS.c1",
     NOT_MET,
     "1 thành viên không đạt «Hoàn thành nhiệm vụ» năm 2025: Trần Văn Bình."),
    ("Điều 27 Luật 06/2022 – TTLĐXS cần ít nhất một CSTĐCS: không có ai",
     "TTLDXS", lambda: members(15, 5), "TTLDXS.d", NOT_MET,
     "0 thành viên đạt «Chiến sĩ thi đua cơ sở» năm 2025 (cần ít nhất 1)."),
    ("Điều 27 Luật 06/2022 – TTLĐXS: một thành viên đã được tặng CSTĐCS",
     "TTLDXS", lambda: [*members(14, 5), person(HTT, awards={"CSTDCS": (2025,)})], "TTLDXS.d",
     MET, "1 thành viên đạt «Chiến sĩ thi đua cơ sở» năm 2025 (cần ít nhất 1)."),
    ("Điều 27 Luật 06/2022 – TTLĐXS: thành viên đủ tiêu chuẩn CSTĐCS chờ quyết định",
     "TTLDXS", lambda: [*members(14, 5), person(HTXS)], "TTLDXS.d", MET,
     "(0 đã được tặng, 1 đủ tiêu chuẩn chờ quyết định)"),
    ("Điều 27 Luật 06/2022 – TTLĐXS: tập thể chưa có danh sách thành viên",
     "TTLDXS", lambda: [], "TTLDXS.c2", UNKNOWN, "Tập thể chưa có danh sách thành viên."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "make_members", "criterion_id", "outcome", "reason"),
    [case[1:] for case in UNIT_CASES],
    ids=[case[0] for case in UNIT_CASES],
)
def test_unit_case(
    code: str, make_members: Any, criterion_id: str, outcome: Outcome, reason: str
) -> None:
    a = run_unit(code, make_members())

    r = result(a, criterion_id)
    assert r.outcome is outcome, r.reason
    assert reason in r.reason


def test_a_member_missing_from_the_book_is_unknown_not_a_failure() -> None:
    team = members(8, 0)
    u = SubjectFacts(U, 9001, "Thôn 1", grades={YEAR: HTT}, members=(*(m.id for m in team), 999))
    a = assess(RULES, book(u, *team), u, "TTLDTT", YEAR)
    assert result(a, "TTLDTT.c").outcome is MET  # 8/9 > 50% without the missing one
    u2 = dataclasses.replace(u, members=(team[0].id, 998, 999))
    a2 = assess(RULES, book(u2, *team), u2, "TTLDTT", YEAR)
    assert result(a2, "TTLDTT.c").outcome is UNKNOWN


def test_unit_own_grade_is_checked_too() -> None:
    a = run_unit("TTLDXS", members(20, 0), grade=HTT)
    assert result(a, "TTLDXS.a").outcome is NOT_MET
    assert a.verdict is NOT_ELIGIBLE


def test_collective_with_everything_is_eligible() -> None:
    team = [*members(14, 5), person(HTXS, awards={"CSTDCS": (2025,)})]
    a = run_unit("TTLDXS", team)
    assert a.verdict is ELIGIBLE, [r.reason for r in a.results]


# --- verdict, ticks, overrides ------------------------------------------------------------------


def test_verdict_labels_are_vietnamese() -> None:
    assert [v.label for v in Verdict] == [
        "Đủ điều kiện",
        "Không đủ điều kiện",
        "Cần xem xét thủ công",
    ]
    assert [o.label for o in Outcome] == ["Đạt", "Không đạt", "Cần xem xét"]


def test_not_met_wins_over_unknown() -> None:
    a = run(person(HT, work_start=None), "LDTT")
    assert {r.outcome for r in a.results} >= {NOT_MET, UNKNOWN}
    assert a.verdict is NOT_ELIGIBLE
    assert [r.criterion.id for r in a.unmet] == ["LDTT.a"]
    assert [r.criterion.id for r in a.to_review] == ["LDTT.b", "LDTT.c"]


def test_ticks_per_subject() -> None:
    a, b = person(HTT), person(HTT)
    ticked = {a.key: {"LDTT.b"}}
    out = assess_batch(RULES, book(a, b), [a, b], "LDTT", YEAR, ticked=ticked)
    assert [x.verdict for x in out] == [ELIGIBLE, REVIEW]


def test_a_tick_never_turns_a_failed_check_into_met() -> None:
    a = run(person(HT), "LDTT", ticked=("LDTT.a", "LDTT.b"))
    assert result(a, "LDTT.a").outcome is NOT_MET


def test_a_tick_confirms_data_the_database_lacks_but_not_data_that_fails() -> None:
    # No start date recorded: the officer checked the working time on paper.
    unknown = run(person(HTT, work_start=None), "LDTT", ticked=("LDTT.b", "LDTT.c"))
    assert result(unknown, "LDTT.c").outcome is MET
    assert "Cán bộ đã xác nhận" in result(unknown, "LDTT.c").reason
    assert unknown.verdict is ELIGIBLE
    # Started in June: 7 months is a fact the data shows; a tick does not change it.
    short = run(person(HTT, work_start=dt.date(YEAR, 6, 1)), "LDTT", ticked=("LDTT.b", "LDTT.c"))
    assert result(short, "LDTT.c").outcome is NOT_MET


@pytest.mark.parametrize("reason", ["", "   ", "Đồng ý", " ngắn   quá "])
def test_override_is_refused_without_a_written_reason(reason: str) -> None:
    a = run(person(HT), "LDTT")
    with pytest.raises(UserError) as info:
        a.with_override(reason, by="Hội đồng")
    assert "lý do" in info.value.message.lower()
    assert a.override is None


def test_override_is_kept_with_its_reason_beside_the_computed_verdict() -> None:
    a = run(person(HT), "LDTT")
    b = a.with_override("  Hội đồng  xét lại kết quả xếp loại  ", by="Chủ tịch Hội đồng")

    assert b.verdict is NOT_ELIGIBLE
    assert b.final_verdict is ELIGIBLE
    assert b.override is not None
    assert b.override.reason == "Hội đồng xét lại kết quả xếp loại"
    assert b.override.by == "Chủ tịch Hội đồng"
    assert "kiểm tra tự động: Không đủ điều kiện" in b.summary
    c = a.with_override("Chờ bổ sung hồ sơ khen thưởng", verdict=Verdict.REVIEW)
    assert c.final_verdict is REVIEW


def test_every_result_carries_its_legal_basis_and_confidence() -> None:
    team = members(15, 5)
    subjects = [
        (person(HTXS, awards={"CSTDCS": (2023, 2024)}), ("LDTT", "CSTDCS", "CSTD_TINH")),
        (unit(team), ("TTLDTT", "TTLDXS")),
    ]
    facts = book(*team, *(s for s, _ in subjects))
    for subject, codes in subjects:
        for code in codes:
            for r in assess(RULES, facts, subject, code, YEAR).results:
                assert r.basis.text and r.basis.citation.startswith("Điều")
                assert isinstance(r.confidence, Confidence)
                assert r.reason.strip()
                assert r.confidence.mark in r.line and r.basis.citation in r.line


def test_achievement_period_for_money() -> None:
    p = person(HTXS, awards={"CSTDCS": (2023, 2024, 2025), "CSTD_TINH": (2022,)})
    assert run(p, "CSTD_TINH").achievement_period == "2023-2025"
    assert run(p, "CSTDCS").achievement_period == "2025"
    assert run(p, "CSTD_TQ").achievement_period == "2020-2025"


def test_unknown_award_or_wrong_subject_kind_is_a_user_error() -> None:
    p = person(HTT)
    with pytest.raises(UserError, match="không có danh hiệu, hình thức mã «GK»"):
        run(p, "GK")
    with pytest.raises(UserError, match="dành cho tập thể, không xét cho cá nhân"):
        run(p, "TTLDTT")


def test_an_award_without_criteria_goes_to_review_with_a_warning() -> None:
    rules = rule_set(awards=(*AWARDS, award("GK", "Giấy khen", P, 5)))
    p = person(HTT)
    a = assess(rules, book(p), p, "GK", YEAR)
    assert a.verdict is REVIEW
    assert a.results == ()
    assert "chưa khai báo tiêu chí" in a.warnings[0]


def test_a_rule_that_leads_back_to_itself_does_not_recurse() -> None:
    loop = (
        crit("LDTT", "X.1", "A", C(K.ELIGIBLE_FOR, award="CSTDCS"), basis("Điều 1")),
        crit("CSTDCS", "Y.1", "B", C(K.ELIGIBLE_FOR, award="LDTT"), basis("Điều 2")),
    )
    rules = rule_set(criteria=loop)
    p = person(HTT)
    a = assess(rules, book(p), p, "LDTT", YEAR)
    assert a.verdict is REVIEW
    assert "vòng lặp" in result(a, "X.1").reason


def test_worked_months_counts_each_month_by_its_days() -> None:
    p = person(HTT, work_start=d(2025, 7, 16))  # half of July (16/31) + 5 months
    months, off, maternity = worked_months(p, YEAR)
    assert months == pytest.approx(5 + 16 / 31)
    assert (off, maternity) == (0, False)
    overlap = (
        Leave(Period(d(2025, 2, 1), d(2025, 2, 28)), maternity=False),
        Leave(Period(d(2025, 2, 15), d(2025, 5, 31)), maternity=True),
    )
    months, off, maternity = worked_months(person(HTT, leaves=overlap), YEAR)
    assert (months, off, maternity) == (pytest.approx(12 - 14 / 28), 14, True)
    assert worked_months(person(HTT, work_start=d(2026, 1, 1)), YEAR) == (0.0, 0, False)


# --- batch: caps and memoisation ----------------------------------------------------------------


def cap_batch(eligible_cstdcs: int, ldtt_only: int) -> list[Assessment]:
    people = [person(HTXS) for _ in range(eligible_cstdcs)]
    people += [person(HTT) for _ in range(ldtt_only)]
    people += [person(HT) for _ in range(5)]  # neither: not in the base
    return assess_batch(RULES, book(*people), people, "CSTDCS", YEAR)


def test_cap_exactly_15_percent_passes_without_warning() -> None:
    out = cap_batch(3, 17)  # 3 of 20 LĐTT = 15%
    assert [a.verdict for a in out].count(ELIGIBLE) == 3
    assert all(a.warnings == () for a in out)


def test_cap_just_above_15_percent_warns_with_the_numbers_but_refuses_nobody() -> None:
    out = cap_batch(4, 16)  # 4 of 20 = 20%
    eligible = [a for a in out if a.verdict is ELIGIBLE]
    assert len(eligible) == 4
    for a in eligible:
        (warning,) = a.warnings
        assert "(4) vượt 15% số đạt hoặc có thể đạt «Lao động tiên tiến» (20; tối đa 3)" in warning
        assert "chỉ là cảnh báo" in warning
    assert all(a.warnings == () for a in out if a.verdict is NOT_ELIGIBLE)


def test_cap_is_recomputed_after_an_override_not_repeated() -> None:
    people = [person(HTXS) for _ in range(4)] + [person(HTT) for _ in range(16)]
    engine = EligibilityEngine(RULES, book(*people))
    out = engine.assess_batch(people, "CSTDCS", YEAR)
    assert len(out[0].warnings) == 1
    again = engine.apply_caps(out)
    assert [a.warnings for a in again] == [a.warnings for a in out]
    out[3] = out[3].with_override("Hội đồng chọn 3 người tiêu biểu", verdict=NOT_ELIGIBLE)
    assert all(a.warnings == () for a in engine.apply_caps(out))


def test_cap_counted_on_the_whole_unit_when_only_nominees_are_assessed() -> None:
    nominees = [person(HTXS) for _ in range(3)]
    unit_people = nominees + [person(HTT) for _ in range(17)]
    facts = book(*unit_people)
    alone = assess_batch(RULES, facts, nominees, "CSTDCS", YEAR)
    assert "(3) vượt 15%" in alone[0].warnings[0]  # 3 of 3 LĐTT
    whole = assess_batch(RULES, facts, nominees, "CSTDCS", YEAR, population=unit_people)
    assert all(a.warnings == () for a in whole)  # 3 of 20


def test_a_disabled_cap_never_warns() -> None:
    rules = rule_set(caps=(dataclasses.replace(CAP, enabled=False),))
    people = [person(HTXS) for _ in range(5)]
    assert all(a.warnings == () for a in assess_batch(rules, book(*people), people, "CSTDCS", YEAR))


def test_batch_of_2000_is_linear_and_memoised() -> None:
    people = [person(HTXS if i % 7 == 0 else HTT) for i in range(2000)]
    facts = book(*people)

    engine = EligibilityEngine(RULES, facts)
    out = engine.assess_batch(people, "CSTDCS", YEAR)
    assert len(out) == 2000
    assert engine.evaluations == 2000  # one LĐTT standard per person, no more
    assert engine.memo_hits >= 2000  # the cap's base reads them again

    shared = EligibilityEngine(RULES, facts)
    shared.assess_batch(people, "LDTT", YEAR)
    shared.assess_batch(people, "CSTDCS", YEAR)
    assert shared.evaluations == 0  # the LĐTT assessments gave the standards
    assert shared.memo_hits >= 2000

    # collectives: each member's standard once, however many checks read it
    units = [unit(people[i : i + 20]) for i in range(0, 2000, 20)]
    engine = EligibilityEngine(RULES, FactsBook.of([*people, *units]))
    assert len(engine.assess_batch(units, "TTLDXS", YEAR)) == 100
    assert engine.evaluations == 4000  # LĐTT + CSTĐCS standard of every member
    half = EligibilityEngine(RULES, FactsBook.of([*people, *units]))
    half.assess_batch(units[:50], "TTLDXS", YEAR)
    assert half.evaluations == 2000


def test_batch_results_match_single_assessments() -> None:
    people = [person(g) for g in (HTXS, HTT, HT, None)]
    people.append(person(HTT, initiative_years=frozenset({YEAR})))
    facts = book(*people)
    batch = assess_batch(RULES, facts, people, "CSTDCS", YEAR)
    single = [assess(RULES, facts, p, "CSTDCS", YEAR) for p in people]
    assert [(a.verdict, a.results) for a in batch] == [(a.verdict, a.results) for a in single]


def test_empty_batch() -> None:
    assert assess_batch(RULES, book(), [], "LDTT", YEAR) == []


# --- the shipped rules, when they are there ---------------------------------------------------


def test_shipped_rules_give_a_basis_for_every_result() -> None:
    shipped = pytest.importorskip("emulation_desktop.domain.rules.shipped")
    loaded = shipped.load_shipped()
    rule_sets = [loaded] if isinstance(loaded, RuleSet) else list(getattr(loaded, "rule_sets", []))
    if not rule_sets:
        pytest.skip("the shipped rules expose no RuleSet yet")
    people = [person(HTXS, initiative_years=frozenset({YEAR})) for _ in range(3)]
    for rules in rule_sets:
        codes = [a.code for a in rules.awards if a.subject is P and rules.criteria_of(a.code)]
        for code in codes:
            for a in assess_batch(rules, book(*people), people, code, YEAR):
                for r in a.results:
                    assert r.basis.text and isinstance(r.confidence, Confidence)
                    assert r.reason
