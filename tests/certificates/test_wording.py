"""What a certificate says (domain.certificates): Ông/Bà from gender, "Tập thể …", "Hộ gia
đình ông/bà …", the achievement sentence, and which awards print on which sheet."""

from __future__ import annotations

import unicodedata

import pytest

from emulation_desktop.domain.certificates import (
    BlankKind,
    Certificate,
    CertificateKind,
    FieldKey,
    PrintMode,
    Recipient,
    achievement_line,
    certificate_kind,
)
from emulation_desktop.domain.enums import AwardKind, Gender, SubjectKind
from tests.certificates.pdf_checks import sheet

P, U, H = SubjectKind.PERSON, SubjectKind.UNIT, SubjectKind.HOUSEHOLD


@pytest.mark.parametrize(
    ("recipient", "line"),
    [
        (Recipient(P, "Nguyễn Văn An", Gender.MALE), "Ông Nguyễn Văn An"),
        (Recipient(P, "Lê Thị Hoa", Gender.FEMALE), "Bà Lê Thị Hoa"),
        (Recipient(P, "Lê Thị Hoa"), "Lê Thị Hoa"),  # gender unknown: no honorific guessed
        (Recipient(P, "  Trần   Văn  Bình ", Gender.MALE), "Ông Trần Văn Bình"),
        (Recipient(U, "Tổ dân phố số 3"), "Tập thể Tổ dân phố số 3"),
        (Recipient(U, "Tập thể lớp 9A"), "Tập thể lớp 9A"),
        (Recipient(U, "tập thể Trạm Y tế xã"), "tập thể Trạm Y tế xã"),
        (Recipient(H, "Lê Thị Hoa", Gender.FEMALE), "Hộ gia đình bà Lê Thị Hoa"),
        (Recipient(H, "Phạm Văn Tư", Gender.MALE), "Hộ gia đình ông Phạm Văn Tư"),
        (Recipient(H, "Phạm Văn Tư"), "Hộ gia đình Phạm Văn Tư"),
    ],
)
def test_recipient_line(recipient: Recipient, line: str) -> None:
    assert recipient.line == line


def test_recipient_line_is_nfc_from_nfd_input() -> None:
    nfd = unicodedata.normalize("NFD", "Đặng Thị Quỳnh")
    line = Recipient(P, nfd, Gender.FEMALE).line
    assert line == "Bà Đặng Thị Quỳnh" and unicodedata.is_normalized("NFC", line)


@pytest.mark.parametrize(
    ("achievement", "line"),
    [
        ("hoàn thành xuất sắc nhiệm vụ năm 2026", "Đã có thành tích hoàn thành xuất sắc nhiệm "
         "vụ năm 2026"),
        ("Hoàn thành xuất sắc nhiệm vụ năm 2026.", "Đã có thành tích hoàn thành xuất sắc nhiệm "
         "vụ năm 2026"),
        ("Đã có thành tích xuất sắc trong phong trào", "Đã có thành tích xuất sắc trong phong "
         "trào"),
        ("đã có thành tích tốt;", "Đã có thành tích tốt"),
        ("Có thành tích tiêu biểu", "Đã có thành tích tiêu biểu"),
        ("Thành tích xuất sắc năm 2026", "Đã có thành tích xuất sắc năm 2026"),
        ("UBND xã ghi nhận đóng góp", "Đã có thành tích UBND xã ghi nhận đóng góp"),
        ("  nhiều   khoảng  trắng ", "Đã có thành tích nhiều khoảng trắng"),
        ("", "Đã có thành tích xuất sắc trong phong trào thi đua năm 2026"),
    ],
)  # fmt: skip
def test_achievement_line_on_a_giay_khen(achievement: str, line: str) -> None:
    kind = CertificateKind.GIAY_KHEN_PERSON
    assert achievement_line(kind, achievement, "Giấy khen", "năm 2026") == line


def test_achievement_line_without_a_period() -> None:
    line = achievement_line(CertificateKind.GIAY_KHEN_UNIT, "", "Giấy khen", "")
    assert line == "Đã có thành tích xuất sắc trong phong trào thi đua"


def test_a_giay_chung_nhan_names_the_title() -> None:
    kind = CertificateKind.CERTIFICATE
    assert (
        achievement_line(kind, "bất kỳ", "Chiến sĩ thi đua cơ sở", "năm 2026")
        == "Đạt danh hiệu “Chiến sĩ thi đua cơ sở” năm 2026"
    )
    assert (
        achievement_line(kind, "", "Gia đình «Văn hóa» tiêu biểu", "")
        == "Đạt danh hiệu Gia đình “Văn hóa” tiêu biểu"
    )


@pytest.mark.parametrize(
    ("subject", "award", "artefacts", "any_title", "kind"),
    [
        (P, AwardKind.FORM, ["Giấy khen", "Khung"], False, CertificateKind.GIAY_KHEN_PERSON),
        (U, AwardKind.FORM, ["Giấy khen"], False, CertificateKind.GIAY_KHEN_UNIT),
        (H, AwardKind.FORM, ["giấy khen"], False, CertificateKind.GIAY_KHEN_HOUSEHOLD),
        (P, AwardKind.TITLE, ["Bằng chứng nhận", "Khung"], False, CertificateKind.CERTIFICATE),
        (U, AwardKind.TITLE, ["Giấy chứng nhận"], False, CertificateKind.CERTIFICATE),
        (P, AwardKind.TITLE, ["Giấy công nhận"], False, CertificateKind.CERTIFICATE),
        (P, AwardKind.TITLE, [], False, None),  # Lao động tiên tiến: no sheet
        (P, AwardKind.TITLE, [], True, CertificateKind.CERTIFICATE),
        (P, AwardKind.FORM, [], True, None),  # any_title is for titles only
        (P, AwardKind.FORM, ["Khung"], False, None),
        (P, AwardKind.TITLE, ["Giấy khen"], False, None),  # a title is not a Giấy khen
    ],
)
def test_certificate_kind_from_the_rule_sets_artefacts(  # type: ignore[no-untyped-def]
    subject, award, artefacts, any_title, kind
) -> None:
    assert certificate_kind(subject, award, artefacts, any_title=any_title) is kind


def test_artefacts_match_without_diacritics_or_case() -> None:
    nfd = unicodedata.normalize("NFD", "GIẤY KHEN")
    assert certificate_kind(P, AwardKind.FORM, [nfd]) is CertificateKind.GIAY_KHEN_PERSON
    assert certificate_kind(P, AwardKind.TITLE, ["bang chung nhan"]) is CertificateKind.CERTIFICATE


def test_kind_words_and_blanks() -> None:
    assert [k.heading for k in CertificateKind] == ["GIẤY KHEN"] * 3 + ["GIẤY CHỨNG NHẬN"]
    assert CertificateKind.GIAY_KHEN_UNIT.verb == "TẶNG"
    assert CertificateKind.CERTIFICATE.blank is BlankKind.CERTIFICATE
    assert {k.blank for k in CertificateKind} == set(BlankKind)
    assert CertificateKind.GIAY_KHEN_HOUSEHOLD.label == "Giấy khen hộ gia đình"
    assert PrintMode.OVERLAY.label.startswith("Phôi")
    assert all(k.label for k in FieldKey)


def test_the_texts_a_certificate_prints() -> None:
    cert: Certificate = sheet(12)
    assert cert.text(FieldKey.RECIPIENT) == "Ông Nguyễn Văn An"
    assert cert.text(FieldKey.POSITION) == "Giáo viên, Trường THCS Cát Thành"
    assert cert.text(FieldKey.ACHIEVEMENT).startswith("Đã có thành tích hoàn thành xuất sắc")
    assert cert.text(FieldKey.REGISTER) == "Số sổ: 12/2026"
    assert cert.text(FieldKey.SIGNER_TITLE) == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    assert cert.text(FieldKey.SIGNER_NAME) == "Nguyễn Văn Hùng"
    for key in FieldKey:
        if key.fixed:
            assert cert.text(key) == ""  # their words come from the layout
    assert cert.label == "Ông Nguyễn Văn An – Giấy khen"
    from dataclasses import replace

    assert replace(cert, register_number="").text(FieldKey.REGISTER) == ""


def test_sheet_count_names_each_kind_of_sheet() -> None:
    from emulation_desktop.domain.certificates import sheet_count_text

    gk, gcn = CertificateKind.GIAY_KHEN_UNIT, CertificateKind.CERTIFICATE
    assert sheet_count_text([gk, gk, gk]) == "3 giấy khen"
    assert sheet_count_text([gcn] * 16) == "16 giấy chứng nhận"
    assert sheet_count_text([gk, gcn, gcn]) == "1 giấy khen và 2 giấy chứng nhận"
