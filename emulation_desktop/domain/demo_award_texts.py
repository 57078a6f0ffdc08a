"""The words of the demo's award workflow: achievement summaries that differ from one person to
the next (as units really write them), the trích yếu and legal bases of decisions, notices and
tờ trình. Pure: every choice is drawn from the `random.Random` passed in.
"""

from __future__ import annotations

import datetime as dt
import random

from emulation_desktop.domain.enums import Grade, RoundKind, UnitKind
from emulation_desktop.domain.text import date_line

REFORM_DAY = dt.date(2025, 7, 1)  # Luật 72/2025: no more districts

# What a person's unit writes about them, by the kind of work.
_WORK: dict[str, tuple[str, ...]] = {
    "office": (
        "giải quyết 100% hồ sơ đúng hạn, không có hồ sơ trễ hẹn",
        "tham mưu kịp thời các văn bản chỉ đạo, điều hành của Ủy ban nhân dân xã",
        "xử lý văn bản, hồ sơ công việc hoàn toàn trên môi trường mạng",
        "tích cực tham gia cải cách hành chính và chuyển đổi số",
        "hoàn thành đúng tiến độ các nhiệm vụ được giao, không để tồn đọng",
        "có tinh thần trách nhiệm, thái độ phục vụ nhân dân tận tình",
    ),
    "teacher": (
        "lớp chủ nhiệm đạt danh hiệu lớp tiên tiến",
        "có học sinh đạt giải trong các hội thi cấp trường và cấp xã",
        "chất lượng bộ môn đạt và vượt chỉ tiêu đăng ký",
        "đạt giáo viên dạy giỏi cấp trường",
        "tích cực đổi mới phương pháp dạy học, ứng dụng công nghệ thông tin",
        "thực hiện tốt công tác chủ nhiệm và phối hợp với cha mẹ học sinh",
    ),
    "school": (
        "hoàn thành tốt công việc chuyên môn, phục vụ tốt hoạt động dạy và học",
        "quản lý tài sản, hồ sơ của nhà trường đúng quy định",
        "tận tụy, có tinh thần phối hợp tốt với đồng nghiệp",
    ),
    "health": (
        "thực hiện tốt công tác khám, chữa bệnh ban đầu cho nhân dân",
        "hoàn thành 100% chỉ tiêu tiêm chủng mở rộng",
        "tích cực tham gia phòng, chống dịch bệnh trên địa bàn",
        "quản lý tốt người bệnh không lây nhiễm tại trạm",
        "không để xảy ra sai sót chuyên môn",
    ),
    "front": (
        "tích cực vận động hội viên, đoàn viên tham gia các phong trào thi đua",
        "phát triển hội viên, đoàn viên mới vượt chỉ tiêu",
        "làm tốt công tác tuyên truyền, vận động nhân dân",
        "phối hợp tổ chức tốt các hoạt động an sinh xã hội",
        "tham gia giám sát, phản biện xã hội có hiệu quả",
    ),
    "police": (
        "tuần tra, kiểm soát, giữ vững an ninh, trật tự trên địa bàn",
        "thực hiện tốt công tác quản lý cư trú và cấp căn cước",
        "tham gia giải quyết tốt các vụ việc phức tạp ngay tại cơ sở",
        "tích cực tuyên truyền phòng, chống tội phạm và tệ nạn xã hội",
    ),
    "enterprise": (
        "bảo đảm tốt dịch vụ làm đất, thủy lợi và cung ứng giống cho xã viên",
        "tích cực ứng dụng tiến bộ kỹ thuật vào sản xuất",
        "chấp hành tốt nội quy lao động, an toàn trong sản xuất",
    ),
}
_KIND_WORK = {UnitKind.OFFICE: "office", UnitKind.SCHOOL: "school", UnitKind.HEALTH: "health",
              UnitKind.FRONT: "front", UnitKind.SECURITY: "police",
              UnitKind.ENTERPRISE: "enterprise"}  # fmt: skip
_HOME = (
    "gương mẫu thực hiện nếp sống văn minh trong việc cưới, việc tang",
    "tích cực tham gia vệ sinh môi trường, giữ gìn đường làng, ngõ xóm sạch đẹp",
    "con cháu chăm ngoan, học giỏi",
    "phát triển kinh tế gia đình ổn định, giúp đỡ hộ khó khăn",
    "tham gia hiến đất, ngày công mở rộng đường giao thông",
    "ủng hộ Quỹ Vì người nghèo và các hoạt động đền ơn đáp nghĩa",
    "đoàn kết, tương trợ với bà con lối xóm",
)
_CULTURE_DEEDS = (
    "tích cực vận động nhân dân hiến đất mở rộng đường liên thôn",
    "là hạt nhân của tổ tự quản vệ sinh môi trường khu dân cư",
    "nhiệt tình tham gia các hoạt động văn hóa, văn nghệ, thể thao của khu dân cư",
    "vận động nhiều hộ gia đình ủng hộ Quỹ Vì người nghèo",
    "làm kinh tế giỏi, giúp đỡ nhiều hộ khó khăn có việc làm",
    "tham gia hòa giải thành nhiều vụ việc ở khu dân cư",
)
_VILLAGE = (
    "không có tội phạm và tệ nạn xã hội",
    "thực hiện tốt hương ước, quy ước của cộng đồng",
    "100% tuyến đường được bê tông hóa, có đèn chiếu sáng",
    "nhà văn hóa hoạt động thường xuyên, có hiệu quả",
    "cảnh quan, môi trường xanh, sạch, đẹp",
)


def _lead(grade: Grade | None, year: int) -> str:
    how = "xuất sắc" if grade is Grade.EXCELLENT else "tốt"
    return f"Hoàn thành {how} nhiệm vụ năm {year}"


def person_work(rng: random.Random, kind: UnitKind, position: str, grade: Grade | None,
                year: int) -> str:  # fmt: skip
    """LĐTT: what the unit writes about one of its staff."""
    work = "teacher" if position in ("Giáo viên", "Hiệu trưởng", "Phó Hiệu trưởng") else None
    deeds = rng.sample(_WORK[work or _KIND_WORK.get(kind, "office")], 2)
    return f"{_lead(grade, year)}; {deeds[0]}, {deeds[1]}."


def champion(rng: random.Random, kind: UnitKind, grade: Grade | None, year: int,
             initiative: str | None) -> str:  # fmt: skip
    """CSTĐCS: an initiative recognised, or a year of "xuất sắc"."""
    text = f"{_lead(grade, year)}; đạt danh hiệu “Lao động tiên tiến”"
    if initiative:
        return f"{text}; là tác giả sáng kiến “{initiative}” được công nhận, áp dụng có hiệu quả."
    deed = rng.choice(_WORK[_KIND_WORK.get(kind, "office")])
    return f"{text}; {deed}; là gương điển hình trong phong trào thi đua của đơn vị."


def collective(grade: Grade | None, year: int, awarded: int, staff: int,
               proposed: bool = False) -> str:  # fmt: skip
    """TTLĐTT: the unit's share of LĐTT (`proposed`: on this year's list, not decided yet)."""
    lead = _lead(grade, year)
    got = "được đề nghị" if proposed else "đạt"
    return (
        f"Tập thể {lead[:1].lower()}{lead[1:]}; {awarded}/{staff} cá nhân {got} danh hiệu “Lao "
        "động tiên tiến”; nội bộ đoàn kết, thực hiện tốt quy chế dân chủ ở cơ sở."
    )


def village(rng: random.Random, year: int, families: int, households: int) -> str:
    share = round(100 * families / households) if households else 0
    deeds = rng.sample(_VILLAGE, 2)
    return (
        f"Năm {year} có {families}/{households} hộ ({share}%) đạt danh hiệu “Gia đình văn hóa”; "
        f"{deeds[0]}; {deeds[1]}."
    )


def family(rng: random.Random, year: int, place: str) -> str:
    return f"Được hội nghị {place} bình xét năm {year}; {rng.choice(_HOME)}."


def culture_deed(rng: random.Random, year: int) -> str:
    return (
        "Đã có thành tích xuất sắc trong phong trào “Toàn dân đoàn kết xây dựng đời sống văn "
        f"hóa” năm {year}: {rng.choice(_CULTURE_DEEDS)}."
    )


def draft_work(rng: random.Random, kind: UnitKind, position: str, year: int) -> str:
    """A 2026 list still being drawn up: the unit's words, before the year's grade is final."""
    work = "teacher" if position == "Giáo viên" else _KIND_WORK.get(kind, "office")
    return f"Năm {year}: {rng.choice(_WORK[work])}."


# Decisions, notices, tờ trình ------------------------------------------------------------------

_LAW_LOCAL_2025 = (
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025"
)
_LAW_LOCAL_2015 = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
_LAW_TDKT = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022"
_DECREE_98 = (
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
    "tiết thi hành một số điều của Luật Thi đua, khen thưởng"
)
_DECREE_152 = (
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi "
    "tiết một số điều của Luật Thi đua, khen thưởng"
)
_DECREE_86 = (
    "Căn cứ Nghị định số 86/2023/NĐ-CP ngày 07 tháng 12 năm 2023 của Chính phủ quy định khung "
    "tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu “Gia đình văn hóa”; “Thôn, tổ "
    "dân phố văn hóa”, “Xã, phường, thị trấn tiêu biểu”"
)


def long_date(day: dt.date) -> str:
    """ "ngày 05 tháng 12 năm 2026", as legal bases cite dates."""
    return date_line("", day).removeprefix(", ")


def bases(day: dt.date, kind: RoundKind, held_on: dt.date, proposer: str) -> tuple[str, ...]:
    """Căn cứ lines of a commune decision (without the final ";" or ".", added when printed)."""
    after = day >= REFORM_DAY
    lines = [_LAW_LOCAL_2025 if after else _LAW_LOCAL_2015, _LAW_TDKT,
             _DECREE_152 if after else _DECREE_98]  # fmt: skip
    if kind in (RoundKind.FAMILY, RoundKind.VILLAGE):
        lines.append(_DECREE_86)
    lines.append(
        f"Xét đề nghị của Hội đồng Thi đua – Khen thưởng tại Biên bản họp {long_date(held_on)} "
        f"và đề nghị của {proposer}"
    )
    return tuple(lines)


def decision_summary(name: str, title: bool, year: int, sudden: bool) -> str:
    """Trích yếu: "Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2025"."""
    if title:
        return f"Về việc công nhận danh hiệu “{name}” năm {year}"
    if sudden:
        return "Về việc tặng Giấy khen cho tập thể, cá nhân đã có thành tích xuất sắc đột xuất"
    return (
        "Về việc tặng Giấy khen cho các cá nhân đã có thành tích xuất sắc trong phong trào "
        f"“Toàn dân đoàn kết xây dựng đời sống văn hóa” năm {year}"
    )


def higher_summary(names: list[str], titles: bool, year: int) -> str:
    """A higher level's decision as the commune records it."""
    if titles:
        joined = ", ".join(f"“{n}”" for n in names)
        return f"Về việc tặng danh hiệu {joined} năm {year}"
    return (
        f"Về việc tặng {' và '.join(names)} cho tập thể, cá nhân đã có thành tích xuất sắc "
        f"năm {year}"
    )


_FORMS = ("Bằng khen", "Giấy khen", "Cờ thi đua", "Huân chương", "Huy chương")


def proposal_summary(recipient: str, names: list[str], year: int) -> str:
    """Titles are quoted ("Chiến sĩ thi đua cơ sở"), forms of commendation are not."""
    joined = ", ".join(n if n.startswith(_FORMS) else f"“{n}”" for n in names)
    return f"Về việc đề nghị {recipient} khen thưởng {joined} năm {year}"


def notice_summary(kind: RoundKind, year: int) -> str:
    what = "hộ gia đình" if kind is RoundKind.FAMILY else "thôn, tổ dân phố"
    title = "Gia đình văn hóa" if kind is RoundKind.FAMILY else "Thôn, tổ dân phố văn hóa"
    return f"Công khai danh sách {what} đề nghị công nhận danh hiệu “{title}” năm {year}"
