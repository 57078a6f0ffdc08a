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


class SubjectKind(StrEnum):
    """Who receives an award: a person, a collective (unit) or a household."""

    PERSON = "person"
    UNIT = "unit"
    HOUSEHOLD = "household"

    @property
    def label(self) -> str:
        return {"person": "Cá nhân", "unit": "Tập thể", "household": "Hộ gia đình"}[self.value]


class AwardKind(StrEnum):
    """Danh hiệu thi đua (a title) or hình thức khen thưởng (a form such as Giấy khen)."""

    TITLE = "title"
    FORM = "form"

    @property
    def label(self) -> str:
        return "Danh hiệu thi đua" if self is AwardKind.TITLE else "Hình thức khen thưởng"


class Grade(StrEnum):
    """Yearly task-completion grade (xếp loại mức độ hoàn thành nhiệm vụ), best first."""

    EXCELLENT = "htxs"
    GOOD = "htt"
    COMPLETED = "ht"
    NOT_COMPLETED = "kht"

    @property
    def label(self) -> str:
        return {
            "htxs": "Hoàn thành xuất sắc nhiệm vụ",
            "htt": "Hoàn thành tốt nhiệm vụ",
            "ht": "Hoàn thành nhiệm vụ",
            "kht": "Không hoàn thành nhiệm vụ",
        }[self.value]

    @property
    def rank(self) -> int:
        """Higher is better: comparisons such as "hoàn thành tốt trở lên" read rank >= GOOD.rank."""
        return {"htxs": 3, "htt": 2, "ht": 1, "kht": 0}[self.value]
