"""The demo commune's records beside the movements: initiatives with their authors, advanced
models, discipline and maternity periods, complaints and inspections (2024–2026).

People are picked by unit and position (`_Picker`), never by index, so the records fit any seed
of `demo_data`. Each record also says which grades it implies (an author is graded at least
"hoàn thành tốt", a disciplined civil servant "không hoàn thành" that year) so that
`demo_history` stays consistent with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from emulation_desktop.domain.demo_data import DemoCommune
from emulation_desktop.domain.enums import Channel as C
from emulation_desktop.domain.enums import (
    ComplaintKind,
    Gender,
    Grade,
    InitiativeKind,
    ModelStatus,
    PeriodKind,
    SubjectKind,
)
from emulation_desktop.domain.enums import InitiativeScope as Scope

D = dt.date
_COMMUNE_CHAIR = "Chủ tịch UBND xã Cát Thành"


@dataclass(frozen=True, slots=True)
class Who:
    """A subject of the demo commune: a person (index), a unit (key) or a household (index)."""

    kind: SubjectKind
    person_index: int | None = None
    unit_key: str | None = None
    household_index: int | None = None


def unit(key: str) -> Who:
    return Who(SubjectKind.UNIT, unit_key=key)


@dataclass(frozen=True, slots=True)
class InitiativeDraft:
    kind: InitiativeKind
    title: str
    year: int
    scope: Scope
    field: str
    summary: str
    applied_from: dt.date
    doc_number: str
    doc_date: dt.date
    doc_issuer: str
    authors: tuple[int, ...]  # person indices, first author first


@dataclass(frozen=True, slots=True)
class ModelDraft:
    year: int
    who: Who
    name: str
    description: str
    channels: tuple[C, ...]
    status: ModelStatus
    recognised_on: dt.date | None
    movement_key: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class PeriodDraft:
    person_index: int
    kind: PeriodKind
    start: dt.date
    end: dt.date | None
    form: str = ""
    document: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class ComplaintDraft:
    kind: ComplaintKind
    received_on: dt.date
    sender: str
    content: str
    who: Who | None
    deadline: dt.date | None
    handling: str
    result: str = ""
    closed_on: dt.date | None = None
    document: str = ""


@dataclass(slots=True)
class Records:
    initiatives: list[InitiativeDraft] = field(default_factory=list)
    models: list[ModelDraft] = field(default_factory=list)
    periods: list[PeriodDraft] = field(default_factory=list)
    complaints: list[ComplaintDraft] = field(default_factory=list)
    forced_grades: dict[tuple[int, int], Grade] = field(default_factory=dict)
    withheld_gdvh: set[tuple[int, int]] = field(default_factory=set)  # (year, household)


class _Picker:
    """People of the demo by unit and position; each one at most once."""

    def __init__(self, demo: DemoCommune) -> None:
        self._people = demo.people
        self._used: set[int] = set()

    def staff(self, unit_key: str, position: str, nth: int = 0) -> int:
        found = [
            i
            for i, p in enumerate(self._people)
            if p.unit_key == unit_key and p.position == position and i not in self._used
        ]
        return self._take(found[min(nth, len(found) - 1)])

    def woman(self, *unit_keys: str, position: str) -> int:
        found = [
            i
            for i, p in enumerate(self._people)
            if p.unit_key in unit_keys and p.position == position and p.gender is Gender.FEMALE
        ]
        return self._take(next(i for i in found if i not in self._used))

    def _take(self, i: int) -> int:
        self._used.add(i)
        return i


_HTXS, _HTT = Grade.EXCELLENT, Grade.GOOD
_TEACHER = "Giáo viên"
# (year, kind, scope, title, field, summary, applied from, number, date, issuer,
#  authors as (unit, position, nth, grade that year))
_INITIATIVES = (
    (2024, InitiativeKind.INITIATIVE, Scope.BASE,
     "Ứng dụng phần mềm quản lý hồ sơ hộ tịch điện tử tại bộ phận một cửa", "Tư pháp - Hộ tịch",
     "Tra cứu, cấp bản sao trích lục hộ tịch trong ngày, giảm 70% thời gian tìm hồ sơ giấy.",
     D(2024, 3, 1), "152/QĐ-UBND", D(2024, 11, 28), _COMMUNE_CHAIR,
     (("vp", "Công chức Tư pháp - Hộ tịch", 0, _HTXS), ("vp", "Công chức Tư pháp - Hộ tịch", 0,
                                                       _HTT))),
    (2024, InitiativeKind.INITIATIVE, Scope.BASE,
     "Một số biện pháp nâng cao chất lượng ôn thi vào lớp 10 môn Toán", "Giáo dục",
     "Chia nhóm theo năng lực, đề luyện theo tuần; điểm thi vào lớp 10 môn Toán tăng 0,8 điểm.",
     D(2023, 9, 5), "245/QĐ-PGDĐT", D(2024, 6, 10), "Phòng Giáo dục và Đào tạo huyện Trực Ninh",
     (("thcs", _TEACHER, 2, _HTT),)),
    (2025, InitiativeKind.INITIATIVE, Scope.BASE,
     "Số hóa hồ sơ thi đua, khen thưởng và tra cứu quá trình khen thưởng của xã",
     "Thi đua, khen thưởng",
     "Toàn bộ quyết định khen thưởng từ năm 2015 được số hóa, tra cứu theo tên trong vài giây.",
     D(2025, 1, 2), "210/QĐ-UBND", D(2025, 12, 12), _COMMUNE_CHAIR,
     (("vhxh", "Công chức Văn hóa – Xã hội", 0, _HTXS),
      ("vp", "Chánh Văn phòng HĐND và UBND", 0, _HTT))),
    (2025, InitiativeKind.INITIATIVE, Scope.BASE,
     "Quản lý người bệnh tăng huyết áp tại Trạm Y tế bằng sổ theo dõi điện tử", "Y tế",
     "Nhắc lịch tái khám qua Zalo; tỷ lệ người bệnh bỏ điều trị giảm từ 18% xuống 6%.",
     D(2024, 10, 1), "96/QĐ-TTYT", D(2025, 5, 16), "Trung tâm Y tế huyện Trực Ninh",
     (("tyt", "Bác sĩ", 0, _HTT),)),
    (2026, InitiativeKind.INITIATIVE, Scope.BASE,
     "Hướng dẫn người dân nộp hồ sơ trực tuyến bằng mã QR tại Trung tâm Phục vụ hành chính "
     "công", "Cải cách hành chính",
     "Mỗi thủ tục có một mã QR dẫn thẳng tới biểu mẫu; tỷ lệ hồ sơ nộp trực tuyến đạt 85%.",
     D(2026, 2, 1), "158/QĐ-UBND", D(2026, 11, 6), _COMMUNE_CHAIR,
     (("pvhcc", "Phó Giám đốc Trung tâm", 0, _HTXS),
      ("pvhcc", "Công chức tiếp nhận và trả kết quả", 0, _HTT))),
    (2026, InitiativeKind.RESEARCH, Scope.PROVINCE,
     "Xây dựng mô hình sản xuất lúa hữu cơ gắn với tiêu thụ sản phẩm tại xã Cát Thành",
     "Nông nghiệp",
     "Đề tài cấp tỉnh đã nghiệm thu: 25 ha lúa hữu cơ, giá bán cao hơn 20% so với lúa thường.",
     D(2025, 6, 1), "1325/QĐ-SKHCN", D(2026, 10, 28), "Sở Khoa học và Công nghệ tỉnh Ninh Bình",
     (("kt", "Công chức Nông nghiệp - Môi trường", 0, _HTT),
      ("htx", "Giám đốc HTX", 0, _HTT))),
    (2026, InitiativeKind.INITIATIVE, Scope.BASE,
     "Tổ chức hoạt động trải nghiệm «Bé làm bác nông dân» cho trẻ 5 - 6 tuổi", "Giáo dục",
     "Vườn rau của lớp, mỗi tuần một buổi trải nghiệm; được nhân rộng ra các lớp mẫu giáo.",
     D(2025, 9, 5), "162/QĐ-UBND", D(2026, 11, 10), _COMMUNE_CHAIR,
     (("mn", _TEACHER, 3, _HTT),)),
)  # fmt: skip


def _initiatives(pick: _Picker, out: Records) -> None:
    for year, kind, scope, title, area, summary, applied, number, date, issuer, who in _INITIATIVES:
        authors = []
        for unit_key, position, nth, grade in who:
            i = pick.staff(unit_key, position, nth)
            authors.append(i)
            out.forced_grades[(year, i)] = grade
        fields = (kind, title, year, scope, area, summary, applied, number, date, issuer)
        out.initiatives.append(InitiativeDraft(*fields, authors=tuple(authors)))


def _periods(pick: _Picker, out: Records) -> None:
    clerk = pick.staff("kt", "Công chức Địa chính - Xây dựng", 1)
    teacher = pick.staff("th", _TEACHER, 4)
    out.periods += [
        PeriodDraft(clerk, PeriodKind.DISCIPLINE, D(2024, 10, 14), D(2025, 4, 13), "Khiển trách",
                    "Quyết định số 112/QĐ-UBND ngày 14/10/2024 của Chủ tịch UBND xã",
                    "Chậm giải quyết hồ sơ đất đai quá hạn."),
        PeriodDraft(teacher, PeriodKind.DISCIPLINE, D(2026, 4, 20), D(2026, 10, 19),
                    "Khiển trách", "Quyết định số 48/QĐ-UBND ngày 20/4/2026 của Chủ tịch UBND xã",
                    "Vi phạm quy định về dạy thêm."),
        PeriodDraft(pick.woman("mn", position=_TEACHER), PeriodKind.MATERNITY, D(2025, 9, 1),
                    D(2026, 2, 28), note="Nghỉ chế độ thai sản 6 tháng."),
        PeriodDraft(pick.woman("pvhcc", "vp", "kt", position="Công chức tiếp nhận và trả kết quả"),
                    PeriodKind.MATERNITY, D(2026, 3, 16), D(2026, 9, 15),
                    note="Nghỉ chế độ thai sản 6 tháng."),
    ]  # fmt: skip
    # A civil servant disciplined during the year is graded "không hoàn thành nhiệm vụ".
    out.forced_grades[(2024, clerk)] = Grade.NOT_COMPLETED
    out.forced_grades[(2026, teacher)] = Grade.NOT_COMPLETED


def _models(demo: DemoCommune, pick: _Picker, out: Records) -> None:
    veteran = pick.staff("ccb", "Chủ tịch Hội Cựu chiến binh")
    person = demo.people[veteran]
    rec, built, stop = ModelStatus.RECOGNISED, ModelStatus.BUILDING, ModelStatus.STOPPED
    out.models += [
        ModelDraft(2024, unit("tdp-bs"), "Mô hình «Tuyến phố văn minh, xanh - sạch - đẹp»",
                   "Mỗi hộ nhận chăm sóc một đoạn đường; tổ tự quản vệ sinh chiều thứ Bảy.",
                   (C.WEBSITE, C.LOUDSPEAKER, C.BOARD), rec, D(2024, 11, 15), "vh-2024"),
        ModelDraft(2024, unit("phunu"), "Mô hình «Phụ nữ tiết kiệm, giúp nhau phát triển kinh tế»",
                   "Tổ tiết kiệm xoay vòng cho 35 hội viên vay vốn không lãi.",
                   (C.ZALO, C.MEETING), ModelStatus.REPLICATED, D(2024, 10, 20), "td-2024",
                   "Năm 2025 đã nhân rộng ra 4 chi hội."),
        ModelDraft(2024, unit("htx"), "Mô hình «Cánh đồng mẫu lớn liên kết tiêu thụ»",
                   "Liên kết với doanh nghiệp bao tiêu lúa giống.", (C.LOUDSPEAKER,), stop, None,
                   "ntm-2024", "Dừng theo dõi: chưa tìm được doanh nghiệp liên kết."),
        ModelDraft(2025, unit("thon-dong"), "Mô hình «Dân vận khéo» trong mở rộng đường liên thôn",
                   "Vận động 42 hộ hiến đất, không có đơn thư, hoàn thành trước 2 tháng.",
                   (C.LOUDSPEAKER, C.WEBSITE), rec, D(2025, 9, 12), "ntm-2025"),
        ModelDraft(2025, Who(SubjectKind.PERSON, person_index=veteran),
                   f"{person.gender.honorific} {person.full_name}: cựu chiến binh giúp hội viên "
                   "phát triển kinh tế",
                   "Cho hội viên mượn vốn, hướng dẫn nuôi cá lồng; 5 hộ thoát nghèo.",
                   (C.MEETING, C.PRESS, C.WEBSITE), rec, D(2025, 12, 22), "td-2025"),
        ModelDraft(2025, unit("mn"), "Mô hình «Trường học hạnh phúc»",
                   "Lớp học thân thiện, giáo viên lắng nghe trẻ; được Sở Giáo dục biểu dương.",
                   (C.SOCIAL, C.ZALO), rec, D(2025, 11, 25), "td-2025"),
        ModelDraft(2026, unit("doantn"), "Mô hình «Ngày thứ Bảy xanh»",
                   "Đoàn viên dọn rác, trồng cây ven đường mỗi thứ Bảy cuối tháng.",
                   (C.SOCIAL, C.ZALO, C.LOUDSPEAKER), rec, D(2026, 3, 26), "vh-2026"),
        ModelDraft(2026, unit("pvhcc"), "Mô hình «Một cửa thân thiện - Không hẹn lần hai»",
                   "Hồ sơ thiếu được hướng dẫn một lần đủ; 100% hồ sơ trả đúng hạn.",
                   (C.WEBSITE, C.ZALO, C.BOARD), rec, D(2026, 10, 15), "cchc-2026"),
        ModelDraft(2026, unit("htx"), "Mô hình sản xuất lúa hữu cơ liên kết tiêu thụ",
                   "Đang làm vụ thứ hai; chờ kết quả tiêu thụ để đề nghị công nhận.",
                   (C.LOUDSPEAKER,), built, None, "td-2026"),
    ]  # fmt: skip


def _complaints(demo: DemoCommune, pick: _Picker, out: Records) -> None:
    household = next(i for i, h in enumerate(demo.households) if h.unit_key == "thon-dong")
    head = demo.people[demo.households[household].head_index]
    out.withheld_gdvh.add((2024, household))
    deputy = pick.staff("kt", "Phó Trưởng phòng Kinh tế")
    out.complaints += [
        ComplaintDraft(
            ComplaintKind.PETITION, D(2025, 1, 8),
            f"{head.gender.honorific} {head.full_name}, {demo.households[household].address}",
            "Kiến nghị xem xét lại việc hộ gia đình không được công nhận danh hiệu «Gia đình văn "
            "hóa» năm 2024.", Who(SubjectKind.HOUSEHOLD, household_index=household),
            D(2025, 2, 7), "Giao Ban công tác Mặt trận Thôn Đông rà soát theo tiêu chuẩn của Nghị "
            "định 86/2023/NĐ-CP.",
            "Hộ chưa đủ tiêu chuẩn do vi phạm quy định về an toàn giao thông trong năm; đã trả "
            "lời bằng văn bản, người kiến nghị đồng ý.", D(2025, 2, 4),
            "Công văn số 12/UBND-VHXH ngày 04/02/2025"),
        ComplaintDraft(
            ComplaintKind.INSPECTION, D(2025, 9, 15), "Sở Nội vụ tỉnh Ninh Bình",
            "Kiểm tra công tác thi đua, khen thưởng năm 2024 và 6 tháng đầu năm 2025.", None,
            D(2025, 10, 31), "Chuẩn bị báo cáo và hồ sơ khen thưởng 2024 - 2025; công chức "
            "phụ trách thi đua, khen thưởng làm đầu mối.",
            "Thực hiện đúng quy trình; cần lưu đủ biên bản họp Hội đồng Thi đua – Khen thưởng.",
            D(2025, 10, 24), "Kết luận kiểm tra số 85/KL-SNV ngày 24/10/2025"),
        ComplaintDraft(
            ComplaintKind.PETITION, D(2026, 11, 3), "Một số công chức Phòng Kinh tế",
            "Kiến nghị xem xét lại thành tích nêu trong đăng ký thi đua năm 2026 của "
            f"{demo.people[deputy].gender.honorific.lower()} {demo.people[deputy].full_name}.",
            Who(SubjectKind.PERSON, person_index=deputy), D(2026, 12, 3),
            "Giao Phòng Văn hóa – Xã hội xác minh, báo cáo Chủ tịch UBND xã trước hạn."),
    ]  # fmt: skip


def demo_records(demo: DemoCommune) -> Records:
    """Initiatives, models, periods and complaints of 2024–2026 with the grades they imply."""
    out = Records()
    pick = _Picker(demo)
    _initiatives(pick, out)
    _periods(pick, out)
    _models(demo, pick, out)
    _complaints(demo, pick, out)
    return out
