"""Rule versions in the database: seeded, chosen by date, copied, edited until used, files."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import update

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.eligibility import Outcome, Verdict
from emulation_desktop.domain.rules.files import RuleFileError
from emulation_desktop.domain.rules.model import Confidence, LegalBasis
from emulation_desktop.store.models import AwardRow


def test_a_new_database_gets_the_shipped_versions_and_salaries(context) -> None:  # type: ignore[no-untyped-def]
    rules = context.services.rules
    versions = rules.versions()
    assert [v.code for v in versions] == ["nd98-2023", "nd152-2025"]
    assert versions[0].effective_to == dt.date(2025, 6, 30) and versions[1].effective_to is None
    assert not any(v.used for v in versions)
    assert [b.amount for b in rules.base_salaries()] == [1_800_000, 2_340_000, 2_530_000]


@pytest.mark.parametrize(
    ("day", "code"),
    [(dt.date(2025, 6, 30), "nd98-2023"), (dt.date(2025, 7, 1), "nd152-2025")],
    ids=["30/06/2025 NĐ 98", "01/07/2025 NĐ 152 (Điều 59 NĐ 152/2025)"],
)
def test_the_version_in_force_follows_the_date(context, day: dt.date, code: str) -> None:  # type: ignore[no-untyped-def]
    assert context.services.rules.in_force(day).code == code


def test_versions_with_decisions_are_read_only(demo_context) -> None:  # type: ignore[no-untyped-def]
    rules = demo_context.services.rules
    assert all(v.used for v in rules.versions())  # the demo decided awards in 2024 and 2025
    current = rules.rule_set("nd152-2025")
    with pytest.raises(UserError, match="chỉ xem"):
        rules.save(replace(current, note="sửa"))


def test_a_version_typed_in_after_its_date_stays_editable_until_a_decision_uses_it(
    demo_context,
) -> None:  # type: ignore[no-untyped-def]
    # The demo decided Gia đình văn hóa on 20/11/2026, before the officer types in the law of
    # 01/10/2026: those decisions followed the old rules and must not lock the new version.
    rules = demo_context.services.rules
    code = rules.add_version("nd152-2025", dt.date(2026, 10, 1), "Luật 06/2026/QH16")
    assert not next(v for v in rules.versions() if v.code == code).used
    rules.save(replace(rules.rule_set(code), note="Đã nhập theo Luật 06/2026/QH16"))
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(minutes=5)
    with demo_context.database.session_scope() as s:  # a decision recorded after the edit
        s.execute(update(AwardRow).where(AwardRow.decision_date >= dt.date(2026, 10, 1))
                  .values(created_at=later))  # fmt: skip
    assert next(v for v in rules.versions() if v.code == code).used
    with pytest.raises(UserError, match="chỉ xem"):
        rules.save(replace(rules.rule_set(code), note="sửa"))


def test_a_new_version_is_a_copy_from_its_date_and_can_be_edited(context) -> None:  # type: ignore[no-untyped-def]
    rules = context.services.rules
    code = rules.add_version("nd152-2025", dt.date(2026, 10, 1), "Luật 06/2026/QH16")
    assert rules.in_force(dt.date(2026, 9, 30)).code == "nd152-2025"
    new = rules.in_force(dt.date(2026, 10, 1))
    assert new.code == code and new.name == "Luật 06/2026/QH16"
    ldtt = new.award("LDTT")
    rules.save(replace(new, awards=tuple(
        replace(a, coefficient=0.35) if a.code == "LDTT" else a for a in new.awards)))  # fmt: skip
    assert rules.rule_set(code).award("LDTT").coefficient == 0.35
    assert rules.rule_set("nd152-2025").award("LDTT").coefficient == ldtt.coefficient == 0.3
    with pytest.raises(UserError, match="01/10/2026"):
        rules.add_version("nd152-2025", dt.date(2026, 10, 1), "Trùng ngày")


def test_export_then_import_a_rule_file(context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rules = context.services.rules
    out = tmp_path / "nd152.json"
    rules.export_file("nd152-2025", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data.update(code="tinh-ninh-binh-2026", name="Quy định tỉnh Ninh Bình",
                effective_from="2026-01-12")  # fmt: skip
    province = tmp_path / "ninh-binh.json"
    province.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    version = rules.import_file(province)
    assert version.origin_label == "Nhập từ tệp" and version.name == "Quy định tỉnh Ninh Bình"
    assert rules.in_force(dt.date(2026, 2, 1)).code == "tinh-ninh-binh-2026"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["awards"][0].pop("coefficient"), "coefficient"),
        (lambda d: d["criteria"][0].update(award="KHONG_CO"), "KHONG_CO"),
        (lambda d: d["awards"][0].update(coefficient=-1), "âm"),
        (lambda d: d.update(effective_from="2025-07-01", code="khac"), "01/07/2025"),
    ],
    ids=["missing field", "unknown award code", "negative coefficient", "overlapping date"],
)
def test_a_bad_rule_file_is_refused_and_the_rules_stay(context, tmp_path, change, words) -> None:  # type: ignore[no-untyped-def]
    rules = context.services.rules
    out = tmp_path / "a.json"
    rules.export_file("nd152-2025", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    change(data)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    before = [(v.code, v.effective_from) for v in rules.versions()]
    with pytest.raises(UserError) as err:
        rules.import_file(out)
    assert words in err.value.message
    if words != "01/07/2025":
        assert isinstance(err.value, RuleFileError) and "dòng" in err.value.message
    assert [(v.code, v.effective_from) for v in rules.versions()] == before


def test_a_new_base_salary_applies_from_its_date(context) -> None:  # type: ignore[no-untyped-def]
    rules = context.services.rules
    rules.set_base_salary(dt.date(2027, 7, 1), 2_800_000,
                          LegalBasis("Nghị định mới", "", Confidence.UNVERIFIED))  # fmt: skip
    assert rules.base_salaries()[-1].amount == 2_800_000
    with pytest.raises(UserError):
        rules.set_base_salary(dt.date(2028, 1, 1), 0, LegalBasis("x"))


def test_eligibility_of_the_demo_year_in_work(demo_context) -> None:  # type: ignore[no-untyped-def]
    check = demo_context.services.eligibility.check
    report = check("LDTT", 2026, ticked=("LDTT.b", "LDTT.thoi_gian"))
    assert report.rules_name.startswith("Nghị định 152/2025")
    assert report.count(Verdict.ELIGIBLE) > 50 and report.count(Verdict.NOT_ELIGIBLE) > 0
    refused = next(r for r in report.rows if r.final is Verdict.NOT_ELIGIBLE)
    assert any(c.outcome is Outcome.NOT_MET and "xếp loại" in c.reason for c in refused.criteria)
    assert all(c.basis and c.confidence for c in refused.criteria)
    done = check("LDTT", 2025)  # already awarded in the demo: one achievement, one award
    assert done.count(Verdict.ELIGIBLE) == 0


def test_an_override_needs_a_reason_and_is_kept(demo_context) -> None:  # type: ignore[no-untyped-def]
    service = demo_context.services.eligibility
    report = service.check("LDTT", 2026)
    row = next(r for r in report.rows if r.final is Verdict.NOT_ELIGIBLE)
    with pytest.raises(UserError, match="lý do"):
        service.override(row.kind, row.subject_id, "LDTT", 2026, Verdict.ELIGIBLE, "  ")
    reason = "Hội đồng xác nhận đã hoàn thành tốt nhiệm vụ sau khi phúc tra."
    service.override(SubjectKind.PERSON, row.subject_id, "LDTT", 2026, Verdict.ELIGIBLE, reason)
    again = next(r for r in service.check("LDTT", 2026).rows if r.subject_id == row.subject_id)
    assert again.final is Verdict.ELIGIBLE and again.verdict is Verdict.NOT_ELIGIBLE
    assert again.override_reason == reason
    service.clear_override(SubjectKind.PERSON, row.subject_id, "LDTT", 2026)
    last = next(r for r in service.check("LDTT", 2026).rows if r.subject_id == row.subject_id)
    assert last.final is Verdict.NOT_ELIGIBLE


def test_collectives_are_checked_against_their_members(demo_context) -> None:  # type: ignore[no-untyped-def]
    report = demo_context.services.eligibility.check("TTLDTT", 2026, ticked=("TTLDTT.b",))
    assert report.rows and all(r.kind is SubjectKind.UNIT for r in report.rows)
    texts = " ".join(c.reason for r in report.rows for c in r.criteria)
    assert "thành viên" in texts


def test_fund_year_counts_only_the_communes_own_decisions(demo_context) -> None:  # type: ignore[no-untyped-def]
    money = demo_context.services.money
    fund = money.fund_year(2024)
    by_number = {d.number: d for d in fund.decisions}
    ldtt = next(d for d in fund.decisions if d.awards == "Lao động tiên tiến")
    # Decided 20/12/2024: base 2.340.000 × 0,3 → 710.000 each (Điều 49 NĐ 152/2025).
    assert ldtt.amount == ldtt.lines * 710_000
    # CSTĐCS and TTLĐTT of 2024 were signed by the district chairman: not the commune fund.
    assert not any("Chiến sĩ thi đua cơ sở" in d.awards for d in by_number.values())
    gdvh = next(d for d in fund.decisions if d.awards == "Gia đình văn hóa")
    assert gdvh.amount == 0 and gdvh.without_money == gdvh.lines
    assert fund.total == sum(d.amount for d in fund.decisions)


def test_fund_ceiling_is_a_warning_once_spending_is_known(demo_context) -> None:  # type: ignore[no-untyped-def]
    money = demo_context.services.money
    fund, check = money.check_fund(2025)
    assert check is None and fund.recurrent_spending == 0
    money.set_fund_inputs(2025, 12_000_000_000, remote_area=False)
    fund, check = money.check_fund(2025)
    assert check is not None and check.limit == 120_000_000
    assert check.over == (fund.total > 120_000_000)
    money.set_fund_inputs(2025, 12_000_000_000, remote_area=True)
    assert money.check_fund(2025)[1].limit == 180_000_000
