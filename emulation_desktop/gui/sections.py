"""The sections of the main window, in navigation order, with what each holds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Section:
    """One entry of the left navigation.

    Attributes:
        key: stable code (saved as the last open section).
        title: the Vietnamese name shown everywhere.
        icon: file name in resources/icons without ".svg".
        summary: one sentence on what the section is for.
        planned: what the section holds once built (shown until then).
    """

    key: str
    title: str
    icon: str
    summary: str
    planned: tuple[str, ...] = ()


SECTIONS: tuple[Section, ...] = (
    Section(
        "overview", "Tổng quan", "overview", "Số liệu chính của xã và những việc cần làm trong năm."
    ),
    Section(
        "movements",
        "Phong trào thi đua",
        "movements",
        "Phát động và theo dõi các phong trào thi đua trong năm: chủ đề, các đợt, mốc kỷ niệm, "
        "đăng ký thi đua, sơ kết, tổng kết và điển hình tiên tiến.",
    ),
    Section(
        "registry",
        "Đơn vị – Cá nhân – Hộ gia đình",
        "registry",
        "Danh sách các tập thể, cá nhân và hộ gia đình có thể được khen thưởng, cùng toàn bộ quá "
        "trình khen thưởng của từng đối tượng.",
    ),
    Section(
        "evaluations",
        "Đánh giá – Sáng kiến",
        "evaluations",
        "Xếp loại hằng năm, kỷ luật và nghỉ thai sản, sáng kiến, khiếu nại và kiểm tra: các căn cứ "
        "để xét điều kiện khen thưởng.",
    ),
    Section(
        "nominations",
        "Đề nghị khen thưởng",
        "nominations",
        "Các đợt xét khen thưởng: lập danh sách đề nghị và kiểm tra điều kiện theo quy định.",
    ),
    Section(
        "council",
        "Hội đồng TĐKT",
        "council",
        "Hội đồng Thi đua – Khen thưởng: thành phần, cuộc họp xét và kết quả bỏ phiếu.",
    ),
    Section(
        "decisions",
        "Quyết định",
        "decisions",
        "Quyết định khen thưởng, sổ văn bản và tờ trình đề nghị cấp trên.",
    ),
    Section(
        "certificates",
        "Giấy khen & In",
        "certificates",
        "In giấy khen, giấy chứng nhận cho buổi lễ, trên giấy trắng hoặc trên phôi in sẵn.",
    ),
    Section(
        "reports",
        "Báo cáo – Thống kê",
        "reports",
        "Số liệu cho Hội đồng và báo cáo cấp trên, không cần tính tay.",
        (
            "Thống kê khen thưởng theo năm, theo hình thức, theo đơn vị; tỷ lệ nữ, công nhân, "
            "nông dân được khen.",
            "Sổ vàng khen thưởng; danh sách người đủ điều kiện nhưng chưa được đề nghị.",
            "Báo cáo tổng kết công tác thi đua, khen thưởng của năm (.docx).",
            "Xuất mọi bảng ra Excel, mọi biểu đồ ra ảnh.",
        ),
    ),
    Section(
        "backup",
        "Sao lưu – Phục hồi",
        "backup",
        "Giữ dữ liệu an toàn khi mất điện, hỏng máy hay mất USB.",
    ),
    Section(
        "settings",
        "Cài đặt",
        "settings",
        "Thông tin của xã, cỡ chữ giao diện và các tùy chọn khác.",
    ),
)

SECTION_BY_KEY = {s.key: s for s in SECTIONS}
