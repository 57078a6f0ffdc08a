"""What the demo commune planned and recorded in 2024–2026: yearly plans, movements with their
phases and anniversaries, initiatives, advanced models, discipline and maternity periods,
complaints and inspections. How the years went (grades, registrations, reviews, awards) is in
`demo_history`, which reads this to stay consistent (authors' grades, disciplined people).

The records beside the movements (initiatives, models, periods, complaints) are in
`demo_records`. The 2024 plan is the real Kế hoạch 21/KH-UBND of Cát Thành; 2025 and 2026
follow it, with the reform of 01/07/2025: no more districts, so later movements are launched by
the province or the commune. People are picked by unit and position, so every seed gives the
same story.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emulation_desktop.domain.demo_data import DemoCommune
from emulation_desktop.domain.demo_records import (
    ComplaintDraft,
    InitiativeDraft,
    ModelDraft,
    PeriodDraft,
    demo_records,
)
from emulation_desktop.domain.enums import Grade, Launcher, MovementKind

D = dt.date
CYCLE_YEARS = (2024, 2025, 2026)
_COMMUNE = "UBND xã Cát Thành"
_DISTRICT = "UBND huyện Trực Ninh"
_PROVINCE = "UBND tỉnh Ninh Bình"


@dataclass(frozen=True, slots=True)
class PlanDraft:
    year: int
    theme: str
    plan_number: str
    plan_date: dt.date
    model_target: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class PhaseDraft:
    number: int
    name: str
    start: dt.date
    end: dt.date
    goals: str


@dataclass(frozen=True, slots=True)
class MilestoneDraft:
    name: str
    origin: dt.date
    anniversary: dt.date
    phase_number: int | None


@dataclass(frozen=True, slots=True)
class LaunchDoc:
    type: str
    number: str
    date: dt.date
    issuer: str
    subject: str = ""


@dataclass(frozen=True, slots=True)
class MovementDraft:
    """`key` links registrations, reviews and models; `copied_from` is last year's key."""

    key: str
    year: int
    name: str
    theme: str
    kind: MovementKind
    launcher: Launcher
    doc: LaunchDoc
    start: dt.date
    end: dt.date
    targets: str
    responsible_index: int
    unit_keys: tuple[str, ...]
    phases: tuple[PhaseDraft, ...] = ()
    milestones: tuple[MilestoneDraft, ...] = ()
    copied_from: str | None = None
    note: str = ""


# --- Plans and movements ---------------------------------------------------------------------

PLANS = (
    PlanDraft(2024, "Đoàn kết, vượt khó - Tăng tốc, bứt phá - Kịp thời, hiệu quả", "21/KH-UBND",
              D(2024, 3, 14), 3, "Phấn đấu xây dựng từ 2 đến 3 mô hình mới, điển hình tiên tiến "
              "(Kế hoạch số 24/KH-UBND ngày 21/6/2023, giai đoạn 2022-2025)."),
    PlanDraft(2025, "Kỷ cương trách nhiệm - Chủ động kịp thời - Tinh gọn hiệu quả - Tăng tốc "
              "bứt phá", "09/KH-UBND", D(2025, 2, 25), 3),
    PlanDraft(2026, "Đoàn kết, kỷ cương - Đổi mới, sáng tạo - Bứt phá, phát triển", "15/KH-UBND",
              D(2026, 3, 6), 3, "Năm đầu tiên xã tự phát động và khen thưởng các danh hiệu "
              "trước đây do cấp huyện quyết định."),
)  # fmt: skip

_OFFICES = ("vp", "kt", "vhxh", "pvhcc")
_FRONT = ("mttq", "phunu", "nongdan", "ccb", "doantn")
_SCHOOLS_HEALTH = ("mn", "th", "thcs", "tyt")
_RESIDENTIAL = ("tdp-bs", "tdp-ns", "tdp-tt", "tdp-cc", "thon-dong", "thon-doai", "thon-thuong")
_EVERYONE = _OFFICES + _FRONT + _SCHOOLS_HEALTH + ("ca",) + _RESIDENTIAL


def _yearly_phases(year: int, first: str, second: str) -> tuple[PhaseDraft, ...]:
    return (
        PhaseDraft(1, "Đợt 1: thi đua hoàn thành xuất sắc nhiệm vụ 6 tháng đầu năm",
                   D(year, 1, 1), D(year, 6, 30), first),
        PhaseDraft(2, "Đợt 2: thi đua cao điểm hoàn thành nhiệm vụ năm",
                   D(year, 7, 1), D(year, 12, 31), second),
    )  # fmt: skip


def _m(name: str, origin: dt.date, anniversary: dt.date, phase: int | None) -> MilestoneDraft:
    return MilestoneDraft(name, origin, anniversary, phase)


_NTM = "Cả nước chung sức xây dựng nông thôn mới nâng cao, kiểu mẫu"
_NTM_DOC = LaunchDoc("Quyết định", "587/QĐ-TTg", D(2022, 5, 18), "Thủ tướng Chính phủ",
                     "Ban hành Kế hoạch tổ chức thực hiện Phong trào thi đua «Cả nước chung sức "
                     "xây dựng nông thôn mới» giai đoạn 2021 - 2025")  # fmt: skip
_NTM_TARGETS = ("Duy trì và nâng cao chất lượng các tiêu chí nông thôn mới nâng cao, kiểu mẫu\n"
                "Có thêm ít nhất 01 sản phẩm OCOP đạt 3 sao\n"
                "Mỗi thôn, tổ dân phố có ít nhất 01 tuyến đường hoa, cây xanh")  # fmt: skip
_CULTURE = "Toàn dân đoàn kết xây dựng đời sống văn hóa"
_CULTURE_TARGETS = ("Từ 80% hộ gia đình trở lên đạt danh hiệu «Gia đình văn hóa»\n"
                    "100% thôn, tổ dân phố thực hiện tốt hương ước, quy ước\n"
                    "Bình xét Gia đình văn hóa hoàn thành trước 25/11")  # fmt: skip
_CCHC_TARGETS = (
    "100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình\n"
    "Tỷ lệ hồ sơ giải quyết đúng hạn từ 98% trở lên\n"
    "Không có phản ánh, kiến nghị về thái độ phục vụ của cán bộ, công chức"
)
_KH36 = LaunchDoc("Kế hoạch", "36/KH-UBND", D(2024, 3, 14), _DISTRICT,
                  "Triển khai thực hiện công tác thi đua, khen thưởng năm 2024")  # fmt: skip
_KH25 = LaunchDoc("Kế hoạch", "25/KH-UBND", D(2025, 2, 20), _DISTRICT,
                  "Triển khai thực hiện công tác thi đua, khen thưởng năm 2025")  # fmt: skip


def _movements(chairman: int, officer: int, vice_economy: int, vice_culture: int,
               chief_of_office: int) -> list[MovementDraft]:  # fmt: skip
    y = MovementKind.REGULAR
    t = MovementKind.THEMATIC
    return [
        MovementDraft(
            "td-2024", 2024, "Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội "
            "năm 2024", PLANS[0].theme, y, Launcher.DISTRICT, _KH36, D(2024, 1, 1),
            D(2024, 12, 31),
            "Hoàn thành vượt mức các chỉ tiêu phát triển kinh tế - xã hội năm 2024\n"
            "Tỷ lệ hộ nghèo theo chuẩn đa chiều duy trì dưới 1%\n"
            "Tỷ lệ dân số tham gia bảo hiểm y tế đạt từ 93,55% trở lên\n"
            "Hoàn thành 100% chỉ tiêu giao quân năm 2025\n"
            "Xây dựng từ 2 đến 3 mô hình mới, điển hình tiên tiến",
            officer, _EVERYONE,
            _yearly_phases(2024, "Phát động thi đua, thực hiện chỉ tiêu kế hoạch 6 tháng đầu năm; "
                           "lập thành tích chào mừng 70 năm Chiến thắng Điện Biên Phủ.",
                           "Thi đua cao điểm chào mừng 80 năm ngày thành lập Quân đội nhân dân "
                           "Việt Nam, 35 năm ngày hội Quốc phòng toàn dân; hoàn thành sớm các "
                           "chỉ tiêu năm 2024."),
            (_m("Chiến thắng Điện Biên Phủ", D(1954, 5, 7), D(2024, 5, 7), 1),
             _m("Ngày giải phóng thành phố Nam Định", D(1954, 7, 1), D(2024, 7, 1), 2),
             _m("Ngày thành lập Quân đội nhân dân Việt Nam", D(1944, 12, 22), D(2024, 12, 22), 2),
             _m("Ngày hội Quốc phòng toàn dân", D(1989, 12, 22), D(2024, 12, 22), 2)),
        ),
        MovementDraft(
            "ntm-2024", 2024, _NTM, "Giai đoạn 2021-2025", t, Launcher.PRIME_MINISTER, _NTM_DOC,
            D(2024, 1, 1), D(2024, 12, 31), _NTM_TARGETS, vice_economy,
            ("kt", "mttq", "nongdan", "htx", *_RESIDENTIAL),
            note="Phong trào giai đoạn 2021-2025, theo dõi theo từng năm.",
        ),
        MovementDraft(
            "vh-2024", 2024, _CULTURE, "", y, Launcher.DISTRICT, _KH36, D(2024, 1, 1),
            D(2024, 12, 31), _CULTURE_TARGETS, vice_culture,
            ("vhxh", "mttq", "phunu", "doantn", *_RESIDENTIAL),
        ),
        MovementDraft(
            "cchc-2024", 2024, "Đẩy mạnh cải cách hành chính giai đoạn 2021-2025", "", t,
            Launcher.DISTRICT, _KH36, D(2024, 1, 1), D(2024, 12, 31), _CCHC_TARGETS,
            chief_of_office, _OFFICES,
        ),
        MovementDraft(
            "td-2025", 2025, "Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội "
            "năm 2025", PLANS[1].theme, y, Launcher.DISTRICT, _KH25, D(2025, 1, 1),
            D(2025, 12, 31),
            "Hoàn thành các chỉ tiêu phát triển kinh tế - xã hội năm 2025\n"
            "Sắp xếp tổ chức bộ máy chính quyền địa phương hai cấp đúng tiến độ\n"
            "Xây dựng 3 mô hình mới, điển hình tiên tiến",
            officer, _EVERYONE,
            _yearly_phases(2025, "Lập thành tích chào mừng 95 năm thành lập Đảng, 50 năm Giải "
                           "phóng miền Nam, thống nhất đất nước.",
                           "Ổn định tổ chức bộ máy xã mới; chào mừng 80 năm Cách mạng Tháng Tám "
                           "và Quốc khánh 2/9."),
            (_m("Ngày thành lập Đảng Cộng sản Việt Nam", D(1930, 2, 3), D(2025, 2, 3), 1),
             _m("Ngày Giải phóng miền Nam, thống nhất đất nước", D(1975, 4, 30), D(2025, 4, 30),
                1),
             _m("Ngày sinh Chủ tịch Hồ Chí Minh", D(1890, 5, 19), D(2025, 5, 19), 1),
             _m("Ngày truyền thống lực lượng Công an nhân dân", D(1945, 8, 19), D(2025, 8, 19), 2),
             _m("Cách mạng Tháng Tám và Quốc khánh 2/9", D(1945, 9, 2), D(2025, 9, 2), 2)),
            copied_from="td-2024",
            note="Từ 01/7/2025 không còn cấp huyện; UBND xã tiếp tục tổ chức đợt 2.",
        ),
        MovementDraft(
            "ntm-2025", 2025, _NTM, "Giai đoạn 2021-2025", t, Launcher.PRIME_MINISTER, _NTM_DOC,
            D(2025, 1, 1), D(2025, 12, 31), _NTM_TARGETS, vice_economy,
            ("kt", "mttq", "nongdan", "htx", *_RESIDENTIAL), copied_from="ntm-2024",
        ),
        MovementDraft(
            "vh-2025", 2025, _CULTURE, "", y, Launcher.DISTRICT, _KH25, D(2025, 1, 1),
            D(2025, 12, 31), _CULTURE_TARGETS, vice_culture,
            ("vhxh", "mttq", "phunu", "doantn", *_RESIDENTIAL), copied_from="vh-2024",
        ),
        MovementDraft(
            "cchc-2025", 2025, "Đẩy mạnh cải cách hành chính giai đoạn 2021-2025", "", t,
            Launcher.DISTRICT, _KH25, D(2025, 1, 1), D(2025, 12, 31), _CCHC_TARGETS,
            chief_of_office, _OFFICES, copied_from="cchc-2024",
        ),
        MovementDraft(
            "cq2c-2025", 2025, "Thi đua xây dựng chính quyền địa phương hai cấp vận hành thông "
            "suốt, hiệu quả", "", t, Launcher.COMMUNE,
            LaunchDoc("Kế hoạch", "05/KH-UBND", D(2025, 7, 15), _COMMUNE,
                      "Phát động phong trào thi đua từ nay đến hết năm 2025"),
            D(2025, 7, 15), D(2025, 12, 31),
            "Bộ máy xã mới hoạt động ổn định, thông suốt từ ngày đầu\n"
            "100% hồ sơ thủ tục hành chính được tiếp nhận và trả kết quả đúng hạn",
            chairman, (*_OFFICES, "ca"),
        ),
        MovementDraft(
            "td-2026", 2026, "Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội "
            "năm 2026", PLANS[2].theme, y, Launcher.PROVINCE,
            LaunchDoc("Kế hoạch", "32/KH-UBND", D(2026, 1, 30), _PROVINCE,
                      "Tổ chức phong trào thi đua yêu nước năm 2026"),
            D(2026, 1, 1), D(2026, 12, 31),
            "Hoàn thành vượt mức các chỉ tiêu phát triển kinh tế - xã hội năm 2026\n"
            "Tỷ lệ dân số tham gia bảo hiểm y tế đạt từ 95% trở lên\n"
            "Xây dựng từ 2 đến 3 mô hình mới, điển hình tiên tiến",
            officer, _EVERYONE,
            _yearly_phases(2026, "Lập thành tích chào mừng 96 năm thành lập Đảng và cuộc bầu cử "
                           "đại biểu Quốc hội, HĐND các cấp.",
                           "Chào mừng 81 năm Cách mạng Tháng Tám và Quốc khánh 2/9, 80 năm Ngày "
                           "Toàn quốc kháng chiến; hoàn thành các chỉ tiêu năm 2026."),
            (_m("Ngày Tổng tuyển cử đầu tiên bầu Quốc hội Việt Nam", D(1946, 1, 6),
                D(2026, 1, 6), 1),
             _m("Ngày thành lập Đảng Cộng sản Việt Nam", D(1930, 2, 3), D(2026, 2, 3), 1),
             _m("Ngày sinh Chủ tịch Hồ Chí Minh", D(1890, 5, 19), D(2026, 5, 19), 1),
             _m("Cách mạng Tháng Tám và Quốc khánh 2/9", D(1945, 9, 2), D(2026, 9, 2), 2),
             _m("Ngày Toàn quốc kháng chiến", D(1946, 12, 19), D(2026, 12, 19), 2)),
            copied_from="td-2025",
        ),
        MovementDraft(
            "vh-2026", 2026, _CULTURE, "", y, Launcher.COMMUNE,
            LaunchDoc("Kế hoạch", "16/KH-UBND", D(2026, 3, 6), _COMMUNE,
                      "Thực hiện phong trào «Toàn dân đoàn kết xây dựng đời sống văn hóa» năm "
                      "2026"),
            D(2026, 1, 1), D(2026, 12, 31), _CULTURE_TARGETS, vice_culture,
            ("vhxh", "mttq", "phunu", "doantn", *_RESIDENTIAL), copied_from="vh-2025",
        ),
        MovementDraft(
            "cchc-2026", 2026, "Đẩy mạnh cải cách hành chính, chuyển đổi số", "", t,
            Launcher.PROVINCE,
            LaunchDoc("Kế hoạch", "45/KH-UBND", D(2026, 2, 12), _PROVINCE,
                      "Phát động phong trào thi đua đẩy mạnh cải cách hành chính, chuyển đổi "
                      "số năm 2026"),
            D(2026, 2, 12), D(2026, 12, 31), _CCHC_TARGETS, chief_of_office, _OFFICES,
            copied_from="cchc-2025",
        ),
    ]  # fmt: skip


def yearly_key(year: int) -> str:
    """Key of the year's main emulation movement (the one with the two phases)."""
    return f"td-{year}"


def culture_key(year: int) -> str:
    """Key of «Toàn dân đoàn kết xây dựng đời sống văn hóa» (thôn, TDP văn hóa)."""
    return f"vh-{year}"


@dataclass(frozen=True, slots=True)
class DemoCycle:
    """Everything the commune planned and recorded, plus what it implies for `demo_history`.

    Attributes:
        forced_grades: (year, person index) → grade: initiative authors, disciplined people.
        withheld_gdvh: (year, household index) not recognised «Gia đình văn hóa» (a petition).
    """

    plans: tuple[PlanDraft, ...]
    movements: tuple[MovementDraft, ...]
    initiatives: tuple[InitiativeDraft, ...]
    models: tuple[ModelDraft, ...]
    periods: tuple[PeriodDraft, ...]
    complaints: tuple[ComplaintDraft, ...]
    forced_grades: dict[tuple[int, int], Grade]
    withheld_gdvh: frozenset[tuple[int, int]]

    def innovators(self, year: int) -> frozenset[int]:
        """People with an initiative recognised in `year`: CSTĐCS by its second route."""
        return frozenset(a for i in self.initiatives if i.year == year for a in i.authors)


def _leader(demo: DemoCommune, unit_key: str, position: str) -> int:
    return next(
        i for i, p in enumerate(demo.people) if p.unit_key == unit_key and p.position == position
    )


def generate_demo_cycle(demo: DemoCommune) -> DemoCycle:
    """The cycle of `demo`: no randomness, people picked by unit and position."""
    vice_chairmen = [i for i, p in enumerate(demo.people) if p.position == "Phó Chủ tịch UBND"]
    movements = _movements(
        chairman=_leader(demo, "vp", "Chủ tịch UBND"),
        officer=_leader(demo, "vhxh", demo.profile.officer_title),
        vice_economy=vice_chairmen[-1],
        vice_culture=vice_chairmen[0],
        chief_of_office=_leader(demo, "vp", "Chánh Văn phòng HĐND và UBND"),
    )
    records = demo_records(demo)
    return DemoCycle(
        plans=PLANS,
        movements=tuple(movements),
        initiatives=tuple(records.initiatives),
        models=tuple(records.models),
        periods=tuple(records.periods),
        complaints=tuple(records.complaints),
        forced_grades=dict(records.forced_grades),
        withheld_gdvh=frozenset(records.withheld_gdvh),
    )
