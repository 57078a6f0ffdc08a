"""Decisions from a voted round: the preview's split and money, one transaction that writes the
register number, the decision, the awards with their số sổ and moves the nominations and the
round; every bad input refused with its reason and nothing half-saved."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from emulation_desktop.domain.enums import (
    DecisionKind,
    NominationStatus,
    RoundKind,
    RoundStatus,
    SignVariant,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.registry import PersonInput
from emulation_desktop.store.award_models import NominationRoundRow, NominationRow
from emulation_desktop.store.models import AuditEntryRow
from tests.unit.test_decision_data import (
    DAY,
    HELD_ON,
    H,
    P,
    awards,
    commune,
    counts,
    many_names,
    mixed,
    signed,
    voted,
)


def test_preview_splits_by_authority_and_prices_each_line(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ids = voted(context, mixed(c))
    p = context.services.decisions.preview(round_id, DAY)
    within = [(ln.subject.name, ln.award_code, ln.amount, ln.paid) for ln in p.within]
    # Ceremony order: higher awards first; collectives, then households, then individuals.
    assert within == [
        ("Nguyễn Thị Lan", "CSTDCS", 2_530_000, 2_530_000),
        ("Trường Mầm non Cát Thành", "GIAY_KHEN_TAP_THE", 1_520_000, 1_520_000),
        ("Hộ ông Nguyễn Văn An", "GIAY_KHEN_HO", 1_140_000, 1_140_000),
        ("Nguyễn Thị Lan", "LDTT", 760_000, 0),  # same period as CSTĐCS: Art. 49.4
    ]
    assert "chỉ chi tiền thưởng cho danh hiệu cao nhất" in p.within[-1].money_note
    assert [(ln.subject.name, ln.award_code) for ln in p.upward] == [
        ("Lê Văn Bình", "BANG_KHEN_TINH_CA_NHAN")
    ]
    assert p.base_salary == 2_530_000  # in force on the decision date (from 01/07/2026)
    assert p.total == 5_190_000
    assert p.total_words == "Năm triệu một trăm chín mươi nghìn đồng"
    assert p.next_number == "01/QĐ-UBND" and p.problems == ()
    assert p.default_summary == (
        "Về việc công nhận danh hiệu “Chiến sĩ thi đua cơ sở”, “Lao động tiên tiến” và tặng "
        "Giấy khen năm 2026"
    )
    assert p.default_bases[-1] == (
        "Xét đề nghị của Hội đồng Thi đua – Khen thưởng tại Biên bản họp ngày 10 tháng 12 năm 2026"
    )


def test_issue_writes_the_decision_its_awards_and_moves_the_nominations(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, ids = voted(context, mixed(c))
    service = context.services.decisions
    decision_id = service.issue(round_id, signed(sign_variant=SignVariant.DIRECT))
    [item] = service.list(2026)
    assert (item.number, item.kind, item.lines, item.total) == (
        "01/QĐ-UBND", DecisionKind.AWARD, 4, 5_190_000,
    )  # fmt: skip
    assert item.issuer == "Chủ tịch UBND xã Cát Thành"
    rows = awards(context.database, decision_id=decision_id)
    # Số sổ from 1 in the order of the list, with the money as decided.
    assert [(a.register_seq, a.register_number, a.award_code, a.amount) for a in rows] == [
        (1, "1/2026", "CSTDCS", 2_530_000),
        (2, "2/2026", "GIAY_KHEN_TAP_THE", 1_520_000),
        (3, "3/2026", "GIAY_KHEN_HO", 1_140_000),
        (4, "4/2026", "LDTT", 0),
    ]
    first = rows[0]
    assert (first.decision_number, first.decision_date, first.issuer, first.year) == (
        "01/QĐ-UBND", DAY, "Chủ tịch UBND xã Cát Thành", 2026,
    )  # fmt: skip
    assert first.award_name == "Chiến sĩ thi đua cơ sở" and first.achievement
    with context.database.session_scope() as s:
        statuses = dict(s.execute(select(NominationRow.id, NominationRow.status)).all())
        decided = dict(s.execute(select(NominationRow.id, NominationRow.decision_id)).all())
        round_status = s.get(NominationRoundRow, round_id).status
        logged = s.scalars(select(AuditEntryRow.action).where(
            AuditEntryRow.entity == "decision")).all()  # fmt: skip
    assert [statuses[i] for i in ids] == [NominationStatus.DECIDED] * 4 + [NominationStatus.PASSED]
    assert decided[ids[0]] == decision_id and decided[ids[4]] is None
    assert round_status is RoundStatus.VOTED  # Bình still waits for the tờ trình
    assert logged == ["issue"]
    # The history of Lan shows the decision and its số sổ.
    history = context.services.registry.history(P, c.person("Nguyễn Thị Lan"))
    assert {(a.name, a.decision_number, a.register_number) for a in history.awards} == {
        ("Chiến sĩ thi đua cơ sở", "01/QĐ-UBND", "1/2026"),
        ("Lao động tiên tiến", "01/QĐ-UBND", "4/2026"),
    }


def test_a_round_within_authority_only_is_decided_at_once_and_numbers_continue(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    first, _ = voted(context, [(P, c.person("Lê Văn Bình"), "LDTT")])
    second, _ = voted(context, [(P, c.person("Phạm Thị Hoa"), "LDTT"),
                                (P, c.person("Vũ Thị Yến"), "GIAY_KHEN_CA_NHAN")])  # fmt: skip
    service = context.services.decisions
    service.issue(first, signed())
    later = service.issue(second, signed(dt.date(2026, 12, 20), sign_variant=SignVariant.KT,
                                         signer_name="Trần Thị Thu",
                                         signer_title="Phó Chủ tịch"))  # fmt: skip
    assert [a.register_number for a in awards(context.database, decision_id=later)] == [
        "3/2026",
        "2/2026",
    ] or [a.register_seq for a in awards(context.database, decision_id=later)] == [2, 3]
    assert service.detail(later).item.number == "02/QĐ-UBND"
    with context.database.session_scope() as s:
        assert s.get(NominationRoundRow, second).status is RoundStatus.DECIDED
    doc = service.decision_list(later)
    assert doc.signature.lines == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert doc.signature.name == "Trần Thị Thu"
    service.mark_awarded(second)
    with context.database.session_scope() as s:
        assert s.get(NominationRoundRow, second).status is RoundStatus.AWARDED
    with pytest.raises(UserError, match="đã được ghi là đã trao"):
        service.mark_awarded(second)  # already handed over


def test_the_decision_list_gives_a_generator_every_text(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    service = context.services.decisions
    doc = service.decision_list(service.issue(round_id, signed()))
    assert doc.header.issuer_lines == ("ỦY BAN NHÂN DÂN", "XÃ CÁT THÀNH")
    assert doc.header.number == "01/QĐ-UBND"
    assert doc.header.date_line == "Cát Thành, ngày 15 tháng 12 năm 2026"
    assert doc.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CÁT THÀNH"
    assert doc.bases[0].endswith(";") and doc.bases[-1].endswith(".")
    assert [a.label for a in doc.articles] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert "cho 1 tập thể và 1 hộ gia đình" in doc.articles[0].text
    assert "5.190.000 đồng (Bằng chữ: Năm triệu một trăm chín mươi nghìn đồng)" in (
        doc.articles[1].text
    )
    assert "xã Cát Thành" in doc.articles[1].text
    assert doc.signature.lines == ("CHỦ TỊCH",) and doc.recipients[-1] == "- Lưu: VT."
    assert [s.title for s in doc.sections] == [
        "Danh hiệu “Chiến sĩ thi đua cơ sở”", "Giấy khen", "Danh hiệu “Lao động tiên tiến”",
    ]  # fmt: skip
    assert [(r.number, r.name, r.register_number) for r in doc.rows] == [
        (1, "Nguyễn Thị Lan", "1/2026"), (2, "Trường Mầm non Cát Thành", "2/2026"),
        (3, "Hộ ông Nguyễn Văn An", "3/2026"), (4, "Nguyễn Thị Lan", "4/2026"),
    ]  # fmt: skip
    assert (doc.total, doc.total_words) == (5_190_000, "Năm triệu một trăm chín mươi nghìn đồng")
    assert doc.list_subtitle == (
        "(Kèm theo Quyết định số 01/QĐ-UBND ngày 15/12/2026 của Chủ tịch UBND xã Cát Thành)"
    )
    in_list_order = service.decision_list(doc.decision_id, ceremony=False)
    assert [r.name for r in in_list_order.rows][:2] == ["Nguyễn Thị Lan", "Nguyễn Thị Lan"]


# Refusals: the reason, and nothing half-saved --------------------------------------------------


def _refused(context, round_id: int, data, error=UserError) -> str:  # type: ignore[no-untyped-def]
    before = counts(context.database)
    with pytest.raises(error) as caught:
        context.services.decisions.issue(round_id, data)
    assert counts(context.database) == before
    return caught.value.message


def test_a_date_before_the_council_meeting_is_refused(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    message = _refused(context, round_id, signed(HELD_ON - dt.timedelta(days=1)), ValidationError)
    assert message == (
        "Ngày quyết định 09/12/2026 trước ngày họp Hội đồng Thi đua – Khen thưởng (10/12/2026). "
        "Hãy chọn ngày từ 10/12/2026 trở đi."
    )


def test_a_number_already_used_is_refused(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    from emulation_desktop.domain.enums import DocType
    from emulation_desktop.services.doc_register import ExternalEntryInput

    context.services.doc_register.add_external(
        ExternalEntryInput(DocType.DECISION, 5, dt.date(2026, 3, 1), "Về việc kiện toàn Hội đồng")
    )
    message = _refused(context, round_id, signed(number=5), ValidationError)
    assert message.startswith("Số 05/QĐ-UBND năm 2026 đã được dùng cho «Về việc kiện toàn")


def test_a_subject_deactivated_meanwhile_is_named(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    context.services.registry.set_people_active([c.person("Nguyễn Thị Lan")], False)
    message = _refused(context, round_id, signed())
    assert message.startswith("«Nguyễn Thị Lan» đã ngừng theo dõi")
    assert "Nguyễn Thị Lan" in context.services.decisions.preview(round_id, DAY).problems[0]


def test_an_empty_list_and_a_missing_signer_are_refused(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    upward_only, _ = voted(context, [(P, c.person("Lê Văn Bình"), "BANG_KHEN_TINH_CA_NHAN")])
    assert "Không có đề nghị nào thuộc thẩm quyền" in _refused(context, upward_only, signed())
    failed, _ = voted(context, [(P, c.person("Phạm Thị Hoa"), "LDTT")], failed=(0,))
    assert "Không có đề nghị nào" in _refused(context, failed, signed())
    round_id, _ = voted(context, mixed(c))
    before = counts(context.database)
    with pytest.raises(ValidationError) as caught:
        context.services.decisions.issue(round_id, signed(signer_name=" ", signer_title=""))
    assert set(caught.value.field_errors) == {"signer_name", "signer_title"}
    with pytest.raises(ValidationError) as caught:
        context.services.decisions.issue(round_id, signed(day=None))  # type: ignore[arg-type]
    assert set(caught.value.field_errors) == {"issued_on"}
    assert counts(context.database) == before


def test_a_round_not_voted_or_already_decided_is_refused(context) -> None:  # type: ignore[no-untyped-def]
    from tests.award_data import round_with

    c = commune(context)
    draft, _ = round_with(context.database, 2026, [(P, c.person("Lê Văn Bình"), "LDTT")])
    assert "đang lập danh sách" in _refused(context, draft, signed())
    round_id, _ = voted(context, [(P, c.person("Phạm Thị Hoa"), "LDTT")])
    context.services.decisions.issue(round_id, signed())
    assert "ra quyết định đính chính" in _refused(context, round_id, signed())


def test_the_public_notice_holds_the_decision_unless_a_reason_is_given(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, [(H, c.home, "GDVH")], kind=RoundKind.FAMILY)
    message = _refused(context, round_id, signed(), ValidationError)
    assert "chưa ghi ngày bắt đầu công khai" in message
    with context.database.session_scope() as s:
        rnd = s.get(NominationRoundRow, round_id)
        rnd.notice_start, rnd.notice_days = dt.date(2026, 12, 8), 10
    message = _refused(context, round_id, signed(), ValidationError)
    assert "đến hết ngày 17/12/2026" in message
    service = context.services.decisions
    assert service.preview(round_id, DAY).notice_warning == message
    assert service.preview(round_id, dt.date(2026, 12, 18)).notice_warning == ""
    decision_id = service.issue(round_id, signed(notice_override="Kịp trao vào dịp Tết"))
    with context.database.session_scope() as s:
        assert s.get(NominationRoundRow, round_id).notice_override == "Kịp trao vào dịp Tết"
        detail = s.scalar(select(AuditEntryRow.detail).where(
            AuditEntryRow.action == "override_notice"))  # fmt: skip
    assert detail["reason"] == "Kịp trao vào dịp Tết"
    [gdvh] = awards(context.database, decision_id=decision_id)
    assert gdvh.amount is None  # Gia đình văn hóa carries no money in NĐ 152
    doc = service.decision_list(decision_id)
    assert [a.label for a in doc.articles] == ["Điều 1.", "Điều 2."]  # no money article
    assert any("86/2023/NĐ-CP" in b for b in doc.bases)


def test_a_thousand_nominations_are_decided_with_register_numbers_without_gaps(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    registry = context.services.registry
    from emulation_desktop.domain.enums import Gender, PersonKind

    people = [
        registry.create_person(
            PersonInput(name, Gender.MALE, PersonKind.NHAN_DAN, c.tdp, birth_year=1980)
        )
        for name in many_names(1000)
    ]
    round_id, _ = voted(context, [(P, pid, "GIAY_KHEN_CA_NHAN") for pid in people])
    service = context.services.decisions
    decision_id = service.issue(round_id, signed())  # its time: benchmarks/bench_workflow.py
    rows = awards(context.database, decision_id=decision_id)
    assert len(rows) == 1000 and sorted(a.register_seq for a in rows) == list(range(1, 1001))


def test_a_round_with_nominations_still_waiting_is_not_handed_over(context) -> None:  # type: ignore[no-untyped-def]
    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    service = context.services.decisions
    service.issue(round_id, signed())
    with pytest.raises(UserError, match="còn đề nghị chưa có quyết định hoặc tờ trình"):
        service.mark_awarded(round_id)
    [choice] = service.ready_rounds()
    assert (choice.id, choice.waiting, choice.held_on) == (round_id, 1, HELD_ON)


def test_the_document_data_is_nfc(context) -> None:  # type: ignore[no-untyped-def]
    import unicodedata

    from tests.nfc_check import strings_in

    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    doc = context.services.decisions.decision_list(
        context.services.decisions.issue(round_id, signed())
    )
    texts = strings_in(doc)
    assert texts and all(unicodedata.is_normalized("NFC", t) for t in texts)
