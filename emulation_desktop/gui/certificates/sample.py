"""The certificate the layout editor writes in its boxes and prints in «Xem thử»: a real one of
the decision on screen when it has one of that kind, else made-up words of typical length."""

from __future__ import annotations

from emulation_desktop.domain.certificates import Certificate, CertificateKind, Recipient
from emulation_desktop.domain.enums import Gender, SubjectKind

_RECIPIENTS = {
    CertificateKind.GIAY_KHEN_PERSON: Recipient(
        SubjectKind.PERSON, "Nguyễn Thị Minh Khai", Gender.FEMALE,
        "Giáo viên, Trường Trung học cơ sở Cát Thành",
    ),
    CertificateKind.GIAY_KHEN_UNIT: Recipient(SubjectKind.UNIT, "Tổ dân phố số 3"),
    CertificateKind.GIAY_KHEN_HOUSEHOLD: Recipient(
        SubjectKind.HOUSEHOLD, "Lê Thị Hoa", Gender.FEMALE, "Thôn Đông, xã Cát Thành"
    ),
    CertificateKind.CERTIFICATE: Recipient(
        SubjectKind.PERSON, "Trần Văn Bình", Gender.MALE, "Công chức Văn phòng – Thống kê"
    ),
}  # fmt: skip


def sample_certificate(kind: CertificateKind, issuer: str = "", place: str = "") -> Certificate:
    """Words of the length a real sheet has, for placing the boxes."""
    title = kind is CertificateKind.CERTIFICATE
    award = "Chiến sĩ thi đua cơ sở" if title else "Giấy khen"
    achievement = (
        "Đạt danh hiệu “Chiến sĩ thi đua cơ sở” năm 2026"
        if title
        else "Đã có thành tích xuất sắc trong phong trào thi đua “Toàn dân đoàn kết xây dựng "
        "đời sống văn hóa” năm 2026"
    )
    return Certificate(
        award_id=0,
        kind=kind,
        number=1,
        recipient=_RECIPIENTS[kind],
        award_name=award,
        issuer=issuer or "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CÁT THÀNH",
        achievement=achievement,
        decision="Quyết định số 166/QĐ-UBND ngày 20/11/2026",
        register_number="12/2026",
        place_date=f"{place or 'Cát Thành'}, ngày 20 tháng 11 năm 2026",
        signer_title=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        signer_name="Phạm Văn Đức",
    )
