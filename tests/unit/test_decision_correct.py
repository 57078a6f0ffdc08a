"""Correcting decisions (đính chính): a new decision with its own number revokes awards, which
stay in the register and the histories marked as replaced, and issues replacements with new số
sổ; the corrected decision is never edited, and the fund counts the money once."""

from __future__ import annotations

import datetime as dt

import pytest

from emulation_desktop.domain.decisions import CorrectionInput, ReplacementLine
from emulation_desktop.domain.enums import DecisionKind
from emulation_desktop.domain.errors import UserError, ValidationError
from tests.unit.test_decision_data import P, awards, commune, counts, signed, voted

FIX_DAY = dt.date(2027, 1, 10)


def _issued(context):  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, [(P, c.person("Phạm Thị Hoa"), "GIAY_KHEN_CA_NHAN"),
                                  (P, c.person("Vũ Thị Yến"), "GIAY_KHEN_CA_NHAN")])  # fmt: skip
    return c, context.services.decisions.issue(round_id, signed())


def _correction(revoke: tuple[int, ...], replacements=(), **kw) -> CorrectionInput:  # type: ignore[no-untyped-def]
    data = {"issued_on": FIX_DAY, "reason": "Ghi nhầm người được khen", "signer_name":
            "Nguyễn Văn Hùng", "signer_title": "Chủ tịch", "revoke": revoke,
            "replacements": tuple(replacements)} | kw  # fmt: skip
    return CorrectionInput(**data)  # type: ignore[arg-type]


def test_a_correction_revokes_and_replaces_without_editing_the_original(context) -> None:  # type: ignore[no-untyped-def]
    c, original = _issued(context)
    service = context.services.decisions
    before = service.detail(original)
    hoa = next(a for a in awards(context.database, decision_id=original)
               if a.person_id == c.person("Phạm Thị Hoa"))  # fmt: skip
    replacement = ReplacementLine((P, c.person("Đặng Văn Dũng")), "GIAY_KHEN_CA_NHAN",
                                  "Có thành tích xuất sắc", replaces_id=hoa.id)  # fmt: skip
    fix = service.correct(original, _correction((hoa.id,), [replacement]))
    detail = service.detail(fix)
    assert detail.item.kind is DecisionKind.CORRECTION
    assert detail.item.number == "01/QĐ-UBND"  # the first decision of 2027
    assert detail.item.corrects == "01/QĐ-UBND" and detail.reason == "Ghi nhầm người được khen"
    assert [ln.subject.name for ln in detail.revoked_lines] == ["Phạm Thị Hoa"]
    [new] = detail.lines
    assert (new.subject.name, new.register_number, new.paid) == ("Đặng Văn Dũng", "1/2027",
                                                                 760_000)  # fmt: skip
    # The original is as it was, its revoked line kept and marked.
    after = service.detail(original)
    assert [ln.register_number for ln in after.lines] == [ln.register_number for ln in before.lines]
    assert [ln.revoked_by for ln in after.lines if ln.subject.name == "Phạm Thị Hoa"] == [
        "01/QĐ-UBND ngày 10/01/2027"
    ]
    assert service.list(2026)[0].corrected_by == ("01/QĐ-UBND",)
    history = context.services.registry.history(P, c.person("Phạm Thị Hoa"))
    assert history.awards[0].note.startswith(
        "Đã được thay thế bởi Quyết định số 01/QĐ-UBND ngày 10/01/2027"
    )
    with context.database.session_scope() as s:
        from emulation_desktop.store.award_models import DecisionRow

        assert s.get(DecisionRow, fix).corrects_id == original
    doc = service.decision_list(fix)
    assert doc.articles[0].text.startswith("Đính chính Quyết định số 01/QĐ-UBND ngày 15/12/2026")
    assert [r.name for r in doc.revoked] == ["Phạm Thị Hoa"]
    assert [r.name for r in doc.rows] == ["Đặng Văn Dũng"]


def test_the_fund_counts_a_replaced_award_once(context) -> None:  # type: ignore[no-untyped-def]
    _c, original = _issued(context)
    money = context.services.money
    assert money.fund_year(2026).total == 1_520_000
    hoa = awards(context.database, decision_id=original)[0]
    edited = ReplacementLine((P, hoa.person_id), "GIAY_KHEN_CA_NHAN", "Sửa thành tích",
                             amount=500_000, replaces_id=hoa.id, period="năm 2026")  # fmt: skip
    fix_day = dt.date(2026, 12, 28)
    context.services.decisions.correct(original, _correction((hoa.id,), [edited],
                                                            issued_on=fix_day))  # fmt: skip
    fund = money.fund_year(2026)
    assert fund.total == 760_000 + 500_000  # the revoked 760,000 is not paid twice
    assert [d.number for d in fund.decisions] == ["01/QĐ-UBND", "02/QĐ-UBND"]


def test_bad_corrections_are_refused_and_nothing_is_saved(context) -> None:  # type: ignore[no-untyped-def]
    c, original = _issued(context)
    service = context.services.decisions
    [hoa, yen] = awards(context.database, decision_id=original)
    before = counts(context.database)
    cases = [
        (_correction((), ()), UserError, "chưa có nội dung"),
        (_correction((hoa.id,), reason=" "), ValidationError, "lý do đính chính"),
        (_correction((hoa.id,), issued_on=dt.date(2026, 12, 1)), ValidationError,
         "trước ngày của quyết định được đính chính"),
        (_correction((9999,)), UserError, "không thuộc Quyết định số 01/QĐ-UBND"),
        (_correction((hoa.id,), [ReplacementLine((P, c.person("Lê Văn Bình")),
                                                 "BANG_KHEN_TINH_CA_NHAN", "x")]),
         UserError, "không thuộc thẩm quyền"),
        (_correction((hoa.id,), [ReplacementLine((P, c.person("Hoàng Văn Tùng")),
                                                 "GIAY_KHEN_CA_NHAN", "x")]),
         UserError, "«Hoàng Văn Tùng» đã ngừng theo dõi"),
        (_correction((hoa.id,), [ReplacementLine((P, c.person("Lê Văn Bình")),
                                                 "GIAY_KHEN_TAP_THE", "x")]),
         UserError, "dành cho tập thể"),
    ]  # fmt: skip
    for data, error, words in cases:
        with pytest.raises(error) as caught:
            service.correct(original, data)
        assert words in caught.value.message
        assert counts(context.database) == before
    service.correct(original, _correction((hoa.id,)))
    with pytest.raises(UserError, match="đã được thay thế"):
        service.correct(original, _correction((hoa.id, yen.id)))


def test_a_replacement_is_not_paid_twice_beside_a_standing_higher_title(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    lan = c.person("Nguyễn Thị Lan")
    round_id, _ = voted(context, [(P, lan, "CSTDCS"), (P, lan, "LDTT")])
    service = context.services.decisions
    original = service.issue(round_id, signed())
    rows = awards(context.database, decision_id=original)
    ldtt = next(a for a in rows if a.award_code == "LDTT")
    assert ldtt.amount == 0  # Art. 49.4: only the highest title of one period is paid
    fix = service.correct(original, _correction((ldtt.id,), [ReplacementLine(
        (P, lan), "LDTT", "Thành tích ghi lại cho đúng", replaces_id=ldtt.id)]))  # fmt: skip
    [new] = service.detail(fix).lines
    assert new.paid == 0 and new.money_note
