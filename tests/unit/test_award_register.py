"""The award register (sổ khen thưởng): the year's awards by số sổ with subject, award,
decision, money and the revoked mark; higher levels' awards recorded from their decisions so the
histories are complete; the register to Excel."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import openpyxl
import pytest

from emulation_desktop.domain.decisions import CorrectionInput
from emulation_desktop.domain.enums import AwardKind, DecisionKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.proposals import HigherAwardInput
from tests.unit.test_decision_data import P, U, awards, commune, counts, mixed, signed, voted

PROVINCE = "Chủ tịch UBND tỉnh Ninh Bình"


def test_the_register_lists_the_year_by_number_with_the_revoked_marked(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    service = context.services.decisions
    decision_id = service.issue(round_id, signed())
    lan_ldtt = awards(context.database, decision_id=decision_id)[-1]
    service.correct(decision_id, CorrectionInput(dt.date(2026, 12, 29), "Trùng danh hiệu",
                                                 "Nguyễn Văn Hùng", "Chủ tịch",
                                                 revoke=(lan_ldtt.id,)))  # fmt: skip
    lines = service.award_register(2026)
    assert [(r.register_number, r.subject.name, r.amount) for r in lines] == [
        ("1/2026", "Nguyễn Thị Lan", 2_530_000),
        ("2/2026", "Trường Mầm non Cát Thành", 1_520_000),
        ("3/2026", "Hộ ông Nguyễn Văn An", 1_140_000),
        ("4/2026", "Nguyễn Thị Lan", 0),
    ]
    assert lines[-1].revoked_text == (
        "Đã được thay thế bởi Quyết định số 02/QĐ-UBND ngày 29/12/2026"
    )
    assert lines[0].decision_text == "01/QĐ-UBND ngày 15/12/2026"
    assert [r.subject.name for r in service.award_register(2026, "mam non")] == [
        "Trường Mầm non Cát Thành"
    ]
    assert service.award_register(2027) == []


def test_a_higher_award_is_recorded_once_and_completes_the_history(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    service = context.services.decisions
    data = HigherAwardInput(
        subjects=((P, c.person("Lê Văn Bình")), (P, c.person("Phạm Thị Hoa"))), year=2025,
        decision_number="1520/QĐ-UBND", decision_date=dt.date(2026, 4, 2), issuer=PROVINCE,
        award_code="BANG_KHEN_TINH_CA_NHAN", achievement="Có thành tích xuất sắc năm 2025",
    )  # fmt: skip
    first = service.record_higher_award(data)
    history = context.services.registry.history(P, c.person("Lê Văn Bình"))
    assert [(a.name, a.decision_number, a.issuer) for a in history.awards] == [
        ("Bằng khen của Chủ tịch UBND tỉnh (cá nhân)", "1520/QĐ-UBND", PROVINCE)
    ]
    # A free name on the same decision reuses it; the same award twice is refused.
    free = HigherAwardInput(((U, c.primary),), 2025, "1520/QĐ-UBND", dt.date(2026, 4, 2),
                            PROVINCE, award_name="Cờ thi đua của UBND tỉnh",
                            award_kind=AwardKind.TITLE)  # fmt: skip
    assert service.record_higher_award(free) == first
    before = counts(context.database)
    with pytest.raises(UserError, match="«Lê Văn Bình» đã được ghi nhận"):
        service.record_higher_award(data)
    with pytest.raises(UserError, match="dành cho cá nhân"):
        service.record_higher_award(replace(free, award_code=data.award_code, award_name=""))
    with pytest.raises(ValidationError) as caught:
        service.record_higher_award(HigherAwardInput((), 2025, "", None, ""))
    assert set(caught.value.field_errors) == {"number", "issued_on", "issuer", "subjects", "award"}
    assert counts(context.database) == before
    lines = service.award_register(2026)
    assert {(r.subject.name, r.decision_kind) for r in lines} == {
        ("Lê Văn Bình", DecisionKind.HIGHER), ("Phạm Thị Hoa", DecisionKind.HIGHER),
        ("Trường Tiểu học Cát Thành", DecisionKind.HIGHER),
    }  # fmt: skip
    assert all(r.register_number == "" for r in lines)  # the province numbers its own
    assert context.services.money.fund_year(2026).total == 0


def test_the_register_exports_to_excel(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    decision = context.services.decisions.issue(round_id, signed())
    printed = context.services.certificates.batch(decision).rows[0].certificate.award_id
    context.services.certificates.record_printed([printed, printed], "Canon", "overlay")
    path = tmp_path / "so-khen-thuong.xlsx"
    assert context.services.decisions.export_award_register(path, 2026) == 4
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "STT")
    assert header[1:3] == ("Số sổ", "Họ và tên, tên tập thể, hộ gia đình")
    first = rows[rows.index(header) + 1]
    assert first[1:3] == ("1/2026", "Nguyễn Thị Lan")
    assert first[10] == 2_530_000  # money is a number
    assert header[11] == "Giấy khen đã in (tờ)"
    printed_cells = [r[11] for r in rows[rows.index(header) + 1 :] if r and r[11]]
    assert printed_cells == [2]  # a number, only where sheets were printed
    assert rows[0][0] == "SỔ THEO DÕI KHEN THƯỞNG"
