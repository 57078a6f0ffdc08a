"""The certificates of a decision as the officer sees them: which sheets, in which order, with
which words, and which decisions give none (one Vietnamese sentence, nothing written). The PDF
and the layouts: test_service_pdf.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from emulation_desktop.domain.certificates import CertificateKind, FieldKey, PrintMode
from emulation_desktop.domain.decisions import CorrectionInput, ReplacementLine
from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.errors import UserError

from .conftest import CSTD, GDVH, HIGHER, LDTT, SUDDEN, Demo

P = SubjectKind.PERSON


def _people(demo: Demo, decision: int) -> dict[int, tuple[str, str]]:
    """award id -> (full name, gender) straight from the registry tables."""
    rows = demo.sql(
        "SELECT a.id, p.full_name, p.gender FROM award a JOIN person p ON p.id = a.person_id "
        "WHERE a.decision_id = ?",
        decision,
    )
    return {r[0]: (r[1], r[2]) for r in rows}


# Which sheets, in which order ------------------------------------------------------------------


def test_the_decisions_to_print_are_the_communes_own_newest_first(demo: Demo) -> None:
    choices = demo.services.certificates.decisions(2025)
    labels = [c.label for c in choices]
    assert all(" ngày " in label and " – Về việc " in label for label in labels)
    assert [c.issued_on for c in choices] == sorted((c.issued_on for c in choices), reverse=True)
    by_number = {c.label.split(" ngày ")[0]: c.certificates for c in choices}
    assert by_number[CSTD] == 16  # one Giấy chứng nhận per Chiến sĩ thi đua cơ sở
    assert by_number[LDTT] == 0  # listed all the same: the officer may print every title
    assert not any(c.label.startswith("3511/") for c in demo.services.certificates.decisions(2024))


def test_ceremony_order_puts_the_collective_first_then_people_by_name(demo: Demo) -> None:
    batch = demo.services.certificates.batch(demo.decision(SUDDEN))
    certs = [r.certificate for r in batch.rows]
    assert [c.number for c in certs] == [1, 2, 3]
    assert [c.kind for c in certs] == [CertificateKind.GIAY_KHEN_UNIT,
                                       CertificateKind.GIAY_KHEN_PERSON,
                                       CertificateKind.GIAY_KHEN_PERSON]  # fmt: skip
    assert certs[0].recipient.line == "Tập thể Công an xã"
    assert [c.recipient.line for c in certs[1:]] == ["Bà Đỗ Giang", "Ông Đỗ Văn Hòa"]
    assert batch.decision_label.startswith(f"{SUDDEN} ngày 14/08/2026 – Về việc tặng Giấy khen")
    assert batch.skipped == ()


def test_list_order_follows_the_rounds_list_and_keeps_every_sheet_once(own_demo: Demo) -> None:
    decision = own_demo.decision(CSTD)
    # The officer typed the round's list from the last name to the first.
    own_demo.sql(
        "UPDATE nomination SET position = 1000 - position WHERE id IN "
        "(SELECT nomination_id FROM award WHERE decision_id = ?)", decision,
    )  # fmt: skip
    service = own_demo.services.certificates
    ceremony = [r.certificate for r in service.batch(decision).rows]
    listed = [r.certificate for r in service.batch(decision, ceremony=False).rows]
    positions = dict(own_demo.sql(
        "SELECT a.id, n.position FROM award a JOIN nomination n ON n.id = a.nomination_id "
        "WHERE a.decision_id = ?", decision,
    ))  # fmt: skip
    assert [positions[c.award_id] for c in listed] == sorted(positions.values())
    assert [c.award_id for c in listed] == [c.award_id for c in reversed(ceremony)]
    awarded = {r[0] for r in own_demo.sql("SELECT id FROM award WHERE decision_id = ?", decision)}
    for certs in (ceremony, listed):
        assert sorted(c.award_id for c in certs) == sorted(awarded)  # every awardee, once
        assert [c.number for c in certs] == list(range(1, len(awarded) + 1))


def test_ong_and_ba_follow_the_gender_in_the_registry(demo: Demo) -> None:
    for number in (CSTD, SUDDEN):
        decision = demo.decision(number)
        people = _people(demo, decision)
        for row in demo.services.certificates.batch(decision).rows:
            cert = row.certificate
            if cert.award_id not in people:
                continue
            name, gender = people[cert.award_id]
            honorific = "Ông" if gender == "male" else "Bà"
            assert cert.recipient.line == f"{honorific} {name}"


def test_a_certificate_carries_the_decision_as_issued(demo: Demo) -> None:
    cert = demo.services.certificates.batch(demo.decision(CSTD)).rows[0].certificate
    register = demo.sql("SELECT register_number FROM award WHERE id = ?", cert.award_id)[0][0]
    assert cert.kind is CertificateKind.CERTIFICATE
    assert cert.issuer == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CÁT THÀNH"
    assert cert.decision == f"Quyết định số {CSTD} ngày 20/12/2025"
    assert cert.place_date == "Cát Thành, ngày 20 tháng 12 năm 2025"
    assert cert.register_number == register and cert.text(FieldKey.REGISTER) == f"Số sổ: {register}"
    assert cert.achievement == "Đạt danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025"
    assert cert.signer_title == ("CHỦ TỊCH",) and cert.signer_name == "Nguyễn Văn Thắng"
    assert cert.recipient.position  # "Giáo viên, Trường Tiểu học Cát Thành"


def test_titles_without_a_sheet_are_skipped_unless_every_title_is_asked_for(demo: Demo) -> None:
    service = demo.services.certificates
    decision = demo.decision(GDVH)
    batch = service.batch(decision)
    households = demo.sql("SELECT count(*) FROM award WHERE decision_id = ?", decision)[0][0]
    assert batch.rows == () and len(batch.skipped) == households
    assert "«Gia đình văn hóa» không kèm giấy chứng nhận" in batch.skipped[0].reason
    everything = service.batch(decision, all_titles=True)
    assert len(everything.rows) == households and everything.skipped == ()
    first = everything.rows[0].certificate
    assert first.kind is CertificateKind.CERTIFICATE
    assert first.recipient.line.startswith(("Hộ gia đình ông ", "Hộ gia đình bà "))
    assert first.recipient.position  # the household's address
    assert first.signer_title == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert first.achievement == "Đạt danh hiệu “Gia đình văn hóa” năm 2026"


def test_higher_rank_first_then_collectives_and_households_before_people(context) -> None:  # type: ignore[no-untyped-def]
    from tests.unit.test_decision_data import commune, mixed, signed, voted

    c = commune(context)
    round_id, _ = voted(context, mixed(c))
    decision = context.services.decisions.issue(round_id, signed())
    service = context.services.certificates
    lines = [(r.certificate.recipient.line, r.certificate.kind)
             for r in service.batch(decision).rows]  # fmt: skip
    assert lines == [
        ("Bà Nguyễn Thị Lan", CertificateKind.CERTIFICATE),  # Chiến sĩ thi đua cơ sở: rank 40
        ("Tập thể Trường Mầm non Cát Thành", CertificateKind.GIAY_KHEN_UNIT),
        ("Hộ gia đình ông Nguyễn Văn An", CertificateKind.GIAY_KHEN_HOUSEHOLD),
    ]
    household = service.batch(decision).rows[2].certificate
    assert household.recipient.position == "Số 5, đường Trần Hưng Đạo"
    [skipped] = service.batch(decision).skipped
    assert skipped.label == "Nguyễn Thị Lan – Lao động tiên tiến"
    every = [r.certificate.award_name for r in service.batch(decision, all_titles=True).rows]
    assert every[-1] == "Lao động tiên tiến"  # the lowest rank comes last


def test_a_correction_prints_its_new_awards_and_the_revoked_one_is_skipped(
    own_demo: Demo,
) -> None:
    original = own_demo.decision(SUDDEN)
    [(hoa, person)] = own_demo.sql(
        "SELECT a.id, a.person_id FROM award a JOIN person p ON p.id = a.person_id "
        "WHERE a.decision_id = ? AND p.full_name = 'Đỗ Văn Hòa'", original,
    )  # fmt: skip
    fix = own_demo.services.decisions.correct(original, CorrectionInput(
        dt.date(2026, 9, 1), "Ghi nhầm thành tích", "Nguyễn Văn Thắng", "Chủ tịch",
        revoke=(hoa,),
        replacements=(ReplacementLine((P, person), "GIAY_KHEN_CA_NHAN",
                                      "Có hành động dũng cảm cứu người", replaces_id=hoa),),
    ))  # fmt: skip
    service = own_demo.services.certificates
    [new] = [r.certificate for r in service.batch(fix).rows]
    assert new.recipient.line == "Ông Đỗ Văn Hòa" and new.award_id != hoa
    assert new.decision.startswith("Quyết định số 167/QĐ-UBND ngày 01/09/2026")
    before = service.batch(original)
    assert hoa not in [r.certificate.award_id for r in before.rows]
    [gone] = before.skipped
    assert gone.award_id == hoa
    assert gone.reason == "Đã bị thu hồi theo Quyết định số 167/QĐ-UBND ngày 01/09/2026."


# Refused ---------------------------------------------------------------------------------------


def test_unknown_higher_and_sheetless_decisions_are_refused(demo: Demo, tmp_path: Path) -> None:
    service = demo.services.certificates
    out = tmp_path / "giay-khen.pdf"
    with pytest.raises(UserError, match="không còn trong danh sách"):
        service.batch(99999)
    with pytest.raises(UserError) as caught:
        service.write_pdf(demo.decision(HIGHER), out, PrintMode.FULL)
    assert caught.value.message == "Quyết định của cấp trên không in giấy khen tại xã."
    with pytest.raises(UserError) as caught:
        service.write_pdf(demo.decision(LDTT), out, PrintMode.FULL)
    assert caught.value.message.startswith(
        f"Quyết định số {LDTT} không có giấy khen, giấy chứng nhận nào để in."
    )
    assert "Lao động tiên tiến" in caught.value.message
    assert not out.exists()


def test_without_the_commune_profile_nothing_prints(own_demo: Demo, tmp_path: Path) -> None:
    own_demo.sql("DELETE FROM commune_profile")
    with pytest.raises(UserError, match="Thông tin của xã chưa đủ"):
        own_demo.services.certificates.batch(own_demo.decision(SUDDEN))
