"""Enumerations shared by every layer; values are stable codes stored in the database."""

from __future__ import annotations

from enum import StrEnum


class CommuneKind(StrEnum):
    """Kind of commune-level administrative unit (Luật 72/2025: no more "thị trấn")."""

    XA = "xa"
    PHUONG = "phuong"
    DAC_KHU = "dac_khu"

    @property
    def label(self) -> str:
        return {"xa": "Xã", "phuong": "Phường", "dac_khu": "Đặc khu"}[self.value]


class UnitKind(StrEnum):
    """Kind of unit (đơn vị) inside the commune; award subjects and proposing units."""

    GROUP = "group"  # a folder in the tree, e.g. "Khối trường học"
    RESIDENTIAL = "residential"  # thôn, tổ dân phố, ấp, bản, khu phố
    OFFICE = "office"  # Văn phòng HĐND và UBND, phòng chuyên môn, Trung tâm PVHCC
    SCHOOL = "school"
    HEALTH = "health"  # trạm y tế
    FRONT = "front"  # Ủy ban MTTQ and mass organisations
    SECURITY = "security"  # Công an xã, Ban CHQS xã
    ENTERPRISE = "enterprise"  # HTX, doanh nghiệp, tổ chức khác trên địa bàn

    @property
    def label(self) -> str:
        return _UNIT_KIND_LABELS[self]


_UNIT_KIND_LABELS = {
    UnitKind.GROUP: "Khối, nhóm đơn vị",
    UnitKind.RESIDENTIAL: "Thôn, tổ dân phố",
    UnitKind.OFFICE: "Cơ quan, phòng chuyên môn",
    UnitKind.SCHOOL: "Trường học",
    UnitKind.HEALTH: "Trạm y tế",
    UnitKind.FRONT: "Mặt trận, đoàn thể",
    UnitKind.SECURITY: "Công an, quân sự",
    UnitKind.ENTERPRISE: "Hợp tác xã, doanh nghiệp",
}


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"

    @property
    def label(self) -> str:
        return "Nam" if self is Gender.MALE else "Nữ"

    @property
    def honorific(self) -> str:
        """ "Ông"/"Bà" as certificates and decisions address a person."""
        return "Ông" if self is Gender.MALE else "Bà"


class PersonKind(StrEnum):
    CAN_BO = "can_bo"
    CONG_CHUC = "cong_chuc"
    VIEN_CHUC = "vien_chuc"
    NGUOI_LAO_DONG = "nguoi_lao_dong"
    NHAN_DAN = "nhan_dan"

    @property
    def label(self) -> str:
        return {
            "can_bo": "Cán bộ",
            "cong_chuc": "Công chức",
            "vien_chuc": "Viên chức",
            "nguoi_lao_dong": "Người lao động",
            "nhan_dan": "Nhân dân",
        }[self.value]
