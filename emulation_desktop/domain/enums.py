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


# The yearly cycle: movements, registrations, reviews, initiatives, models, complaints ----------


class _Labelled(StrEnum):
    """An enum whose Vietnamese labels live in `_LABELS` (one table per enum, below)."""

    @property
    def label(self) -> str:
        return _LABELS[type(self)][self.value]

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(code, label) in declaration order, for combo boxes and validation messages."""
        return [(m.value, m.label) for m in cls]


class MovementKind(_Labelled):
    """Kind of emulation movement (phong trào thi đua), Luật 06/2022 Điều 15."""

    REGULAR = "thuong_xuyen"
    PHASED = "theo_dot"
    THEMATIC = "chuyen_de"


class Launcher(_Labelled):
    """Who launched a movement. Districts ended on 01/07/2025 but stay for older movements."""

    PRIME_MINISTER = "thu_tuong"
    MINISTRY = "bo_nganh"
    PROVINCE = "tinh"
    DISTRICT = "huyen"
    COMMUNE = "xa"
    ORGANISATION = "doan_the"


class RegistrationStatus(_Labelled):
    DRAFT = "chua_gui"
    PENDING = "cho_duyet"
    APPROVED = "da_duyet"
    REJECTED = "tu_choi"


class ReviewKind(_Labelled):
    """Sơ kết (mid-way, usually per phase) or tổng kết (at the end)."""

    PRELIMINARY = "so_ket"
    FINAL = "tong_ket"


class ReviewResult(_Labelled):
    """How a registered subject did against its targets at a review."""

    EXCEEDED = "vuot"
    MET = "dat"
    NOT_MET = "chua_dat"


class InitiativeKind(_Labelled):
    INITIATIVE = "sang_kien"
    RESEARCH = "de_tai"


class InitiativeScope(_Labelled):
    """Where an initiative's effect was recognised (CSTĐ tỉnh needs province-wide effect)."""

    BASE = "co_so"
    PROVINCE = "tinh"
    NATIONAL = "toan_quoc"


class ModelStatus(_Labelled):
    """Advanced model (điển hình tiên tiến): only recognised ones count against the plan."""

    BUILDING = "dang_xay_dung"
    RECOGNISED = "da_cong_nhan"
    REPLICATED = "da_nhan_rong"
    STOPPED = "dung"

    @property
    def counts(self) -> bool:
        return self in (ModelStatus.RECOGNISED, ModelStatus.REPLICATED)


class Channel(_Labelled):
    """How an advanced model was publicised (Kế hoạch 21/KH-UBND mục II.4)."""

    WEBSITE = "website"
    ZALO = "zalo"
    LOUDSPEAKER = "loa"
    SOCIAL = "mang_xa_hoi"
    PRESS = "bao_dai"
    MEETING = "hoi_nghi"
    BOARD = "bang_tin"


class ComplaintKind(_Labelled):
    """Register of complaints, petitions and denunciations, inspections and supervision."""

    COMPLAINT = "khieu_nai"
    PETITION = "kien_nghi"
    DENUNCIATION = "to_cao"
    INSPECTION = "kiem_tra"
    SUPERVISION = "giam_sat"


class PeriodKind(_Labelled):
    """A dated period in a person's record that the eligibility engine reads."""

    DISCIPLINE = "ky_luat"
    MATERNITY = "thai_san"
    LEAVE = "nghi_dai_han"


# The award workflow: rounds, nominations, council, decisions ---------------------------------


class RoundKind(_Labelled):
    """Kind of nomination round (đợt xét khen thưởng)."""

    YEAR_END = "cuoi_nam"
    MOVEMENT = "phong_trao"
    THEMATIC = "chuyen_de"
    SUDDEN = "dot_xuat"
    FAMILY = "gia_dinh_vh"
    VILLAGE = "thon_vh"

    @property
    def needs_notice(self) -> bool:
        """NĐ 86/2023: Gia đình văn hóa and thôn, tổ dân phố văn hóa lists are public 10 days."""
        return self in (RoundKind.FAMILY, RoundKind.VILLAGE)


class RoundStatus(_Labelled):
    """Where a round stands; the steps of the guided flow, in order."""

    DRAFT = "nhap"
    SUBMITTED = "trinh_hd"
    VOTED = "da_xet"
    DECIDED = "da_qd"
    AWARDED = "da_trao"

    @property
    def step(self) -> int:
        return list(RoundStatus).index(self) + 1


class NominationStatus(_Labelled):
    """One nomination's state; set by the round's steps, never typed."""

    PROPOSED = "de_nghi"
    PASSED = "dat"
    FAILED = "khong_dat"
    DECIDED = "da_qd"
    PROPOSED_UP = "trinh_tren"
    AWARDED = "da_khen"
    REFUSED_UP = "tren_khong_khen"
    WITHDRAWN = "rut"


class NominationSource(_Labelled):
    REGISTRATION = "dang_ky"
    EVALUATION = "xep_loai"
    MANUAL = "tung_doi_tuong"


class DossierKind(_Labelled):
    """Papers of a commune-level dossier (domain.md §5a) and of a proposal upward (§5b)."""

    LETTER = "van_ban_de_nghi"
    ACHIEVEMENT = "bao_cao_thanh_tich"
    MINUTES = "bien_ban"
    INITIATIVE = "sang_kien"
    NOTICE = "cong_khai"
    OTHER = "khac"


class CouncilRole(_Labelled):
    """Roles in the Hội đồng Thi đua – Khen thưởng, in the order the minutes list them."""

    CHAIR = "chu_tich"
    STANDING_VICE = "pho_thuong_truc"
    VICE = "pho_chu_tich"
    MEMBER = "uy_vien"
    SECRETARY = "thu_ky"


class DocType(_Labelled):
    """Kinds of the commune's documents, with their NĐ 30/2020 Phụ lục III abbreviation."""

    DECISION = "QD"
    PLAN = "KH"
    SUBMISSION = "TTR"
    MINUTES = "BB"
    REPORT = "BC"
    NOTICE = "TB"
    INVITATION = "GM"

    @property
    def abbreviation(self) -> str:
        return {"QD": "QĐ", "TTR": "TTr"}.get(self.value, self.value)

    @property
    def symbol(self) -> str:
        """The default ký hiệu of a commune People's Committee document: "QĐ-UBND"."""
        return f"{self.abbreviation}-UBND"


class DocumentKind(StrEnum):
    """The documents the app writes, by the name `emulation-desktop document KIND` takes, with
    what their --id means and the title the officer sees."""

    PLAN = "ke-hoach"
    MOVEMENT_PLAN = "ke-hoach-phong-trao"
    DECISION = "quyet-dinh"
    COUNCIL_DECISION = "quyet-dinh-hoi-dong"
    SUBMISSION = "to-trinh"
    MINUTES = "bien-ban"
    BALLOT = "phieu-bau"
    NOTICE = "thong-bao"
    INVITATION = "giay-moi"
    ACHIEVEMENT = "bao-cao"
    YEAR_REPORT = "bao-cao-tong-ket"

    @property
    def label(self) -> str:
        return _DOCUMENT_KINDS[self][0]

    @property
    def id_label(self) -> str:
        """What --id names: "năm", "mã quyết định"…"""
        return _DOCUMENT_KINDS[self][1]


_DOCUMENT_KINDS = {
    DocumentKind.PLAN: ("Kế hoạch thi đua, khen thưởng của năm", "năm"),
    DocumentKind.MOVEMENT_PLAN: ("Kế hoạch phát động phong trào thi đua", "mã phong trào"),
    DocumentKind.DECISION: ("Quyết định khen thưởng", "mã quyết định"),
    DocumentKind.COUNCIL_DECISION: ("Quyết định kiện toàn Hội đồng TĐKT", "mã thành phần Hội đồng"),
    DocumentKind.SUBMISSION: ("Tờ trình đề nghị khen thưởng", "mã tờ trình"),
    DocumentKind.MINUTES: ("Biên bản họp Hội đồng TĐKT", "mã đợt xét"),
    DocumentKind.BALLOT: ("Phiếu bầu", "mã đợt xét"),
    DocumentKind.NOTICE: ("Thông báo công khai danh sách", "mã đợt xét"),
    DocumentKind.INVITATION: ("Giấy mời họp Hội đồng TĐKT", "mã đợt xét"),
    DocumentKind.ACHIEVEMENT: ("Báo cáo thành tích", "mã đề nghị"),
    DocumentKind.YEAR_REPORT: ("Báo cáo tổng kết công tác thi đua, khen thưởng", "năm"),
}


class DecisionKind(_Labelled):
    AWARD = "khen_thuong"
    CORRECTION = "dinh_chinh"
    HIGHER = "cap_tren"


class SignVariant(_Labelled):
    """How the signature block reads (NĐ 30/2020): the chairman signs, or on someone's behalf."""

    DIRECT = "truc_tiep"
    TM = "tm"
    KT = "kt"
    Q = "q"
    TL = "tl"
    TUQ = "tuq"

    @property
    def prefix(self) -> str:
        return {"truc_tiep": "", "tm": "TM.", "kt": "KT.", "q": "Q.", "tl": "TL.", "tuq": "TUQ."}[
            self.value
        ]


class ProposalStatus(_Labelled):
    DRAFT = "nhap"
    SENT = "da_gui"
    ANSWERED = "da_co_kq"


_LABELS: dict[type, dict[str, str]] = {
    MovementKind: {
        "thuong_xuyen": "Thường xuyên",
        "theo_dot": "Theo đợt",
        "chuyen_de": "Chuyên đề",
    },
    Launcher: {
        "thu_tuong": "Thủ tướng Chính phủ",
        "bo_nganh": "Bộ, ngành Trung ương",
        "tinh": "UBND tỉnh",
        "huyen": "UBND huyện (trước 01/7/2025)",
        "xa": "UBND xã",
        "doan_the": "Mặt trận, đoàn thể",
    },
    RegistrationStatus: {
        "chua_gui": "Chưa gửi",
        "cho_duyet": "Chờ duyệt",
        "da_duyet": "Đã duyệt",
        "tu_choi": "Từ chối",
    },
    ReviewKind: {"so_ket": "Sơ kết", "tong_ket": "Tổng kết"},
    ReviewResult: {"vuot": "Vượt chỉ tiêu", "dat": "Đạt", "chua_dat": "Chưa đạt"},
    InitiativeKind: {"sang_kien": "Sáng kiến", "de_tai": "Đề tài khoa học"},
    InitiativeScope: {"co_so": "Cấp cơ sở", "tinh": "Cấp tỉnh", "toan_quoc": "Toàn quốc"},
    ModelStatus: {
        "dang_xay_dung": "Đang xây dựng",
        "da_cong_nhan": "Đã công nhận",
        "da_nhan_rong": "Đã nhân rộng",
        "dung": "Dừng theo dõi",
    },
    Channel: {
        "website": "Trang thông tin điện tử",
        "zalo": "Zalo OA",
        "loa": "Loa truyền thanh",
        "mang_xa_hoi": "Mạng xã hội",
        "bao_dai": "Báo, đài",
        "hoi_nghi": "Hội nghị, buổi lễ",
        "bang_tin": "Bảng tin",
    },
    ComplaintKind: {
        "khieu_nai": "Khiếu nại",
        "kien_nghi": "Kiến nghị",
        "to_cao": "Tố cáo",
        "kiem_tra": "Kiểm tra",
        "giam_sat": "Giám sát",
    },
    PeriodKind: {
        "ky_luat": "Kỷ luật",
        "thai_san": "Nghỉ thai sản",
        "nghi_dai_han": "Nghỉ dài hạn khác",
    },
    RoundKind: {
        "cuoi_nam": "Cuối năm",
        "phong_trao": "Theo phong trào, đợt thi đua",
        "chuyen_de": "Chuyên đề",
        "dot_xuat": "Đột xuất",
        "gia_dinh_vh": "Gia đình văn hóa",
        "thon_vh": "Thôn, tổ dân phố văn hóa",
    },
    RoundStatus: {
        "nhap": "Đang lập danh sách",
        "trinh_hd": "Đã trình Hội đồng",
        "da_xet": "Hội đồng đã xét",
        "da_qd": "Đã quyết định, đề nghị",
        "da_trao": "Đã trao khen thưởng",
    },
    NominationStatus: {
        "de_nghi": "Đề nghị",
        "dat": "Hội đồng thông qua",
        "khong_dat": "Không đủ phiếu",
        "da_qd": "Đã có quyết định",
        "trinh_tren": "Đã trình cấp trên",
        "da_khen": "Đã được khen",
        "tren_khong_khen": "Cấp trên không khen",
        "rut": "Rút khỏi danh sách",
    },
    NominationSource: {
        "dang_ky": "Từ đăng ký thi đua",
        "xep_loai": "Từ kết quả xếp loại",
        "tung_doi_tuong": "Thêm từng đối tượng",
    },
    DossierKind: {
        "van_ban_de_nghi": "Văn bản đề nghị kèm danh sách",
        "bao_cao_thanh_tich": "Báo cáo thành tích",
        "bien_ban": "Biên bản họp xét khen thưởng",
        "sang_kien": "Văn bản công nhận sáng kiến",
        "cong_khai": "Kết quả công khai, lấy ý kiến",
        "khac": "Giấy tờ khác",
    },
    CouncilRole: {
        "chu_tich": "Chủ tịch Hội đồng",
        "pho_thuong_truc": "Phó Chủ tịch thường trực",
        "pho_chu_tich": "Phó Chủ tịch",
        "uy_vien": "Ủy viên",
        "thu_ky": "Thư ký",
    },
    DocType: {
        "QD": "Quyết định",
        "KH": "Kế hoạch",
        "TTR": "Tờ trình",
        "BB": "Biên bản",
        "BC": "Báo cáo",
        "TB": "Thông báo",
        "GM": "Giấy mời",
    },
    DecisionKind: {
        "khen_thuong": "Quyết định khen thưởng",
        "dinh_chinh": "Quyết định đính chính",
        "cap_tren": "Quyết định của cấp trên",
    },
    SignVariant: {
        "truc_tiep": "Chủ tịch ký",
        "tm": "TM. (thay mặt tập thể)",
        "kt": "KT. (ký thay)",
        "q": "Q. (quyền)",
        "tl": "TL. (thừa lệnh)",
        "tuq": "TUQ. (thừa ủy quyền)",
    },
    ProposalStatus: {"nhap": "Đang soạn", "da_gui": "Đã gửi", "da_co_kq": "Đã có kết quả"},
}
