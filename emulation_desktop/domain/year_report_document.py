"""Báo cáo tổng kết công tác thi đua, khen thưởng năm … và phương hướng, nhiệm vụ năm sau: the
frozen data the document prints (figures already counted by the producer), the statistics
tables made from plain counts, and the wording blocks a commune may rewrite (`BLOCKS`).

The report reads top to bottom as a list of parts (headings, paragraphs, tables), so a
producer decides the order and the builder only lays each part out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from emulation_desktop.domain.decision_documents import DocumentHeader, SignatureBlock
from emulation_desktop.domain.decision_text import short_name
from emulation_desktop.domain.enums import AwardKind, Grade, SubjectKind
from emulation_desktop.domain.text import thousands
from emulation_desktop.domain.text_blocks import TextBlock

GROUP = "Báo cáo tổng kết"


def _block(key: str, label: str, default: str) -> TextBlock:
    return TextBlock(f"bao_cao.{key}", GROUP, label, default)


KINH_GUI = _block("kinh_gui", "Kính gửi", "Ủy ban nhân dân tỉnh {tinh}")
MO_DAU = _block(
    "mo_dau",
    "Đoạn mở đầu",
    "Thực hiện Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành; thực hiện "
    "Kế hoạch công tác thi đua, khen thưởng năm {nam}, Ủy ban nhân dân {xa} báo cáo tổng kết "
    "công tác thi đua, khen thưởng năm {nam} như sau:",
)
CHI_DAO = _block(
    "chi_dao",
    "I.1. Công tác chỉ đạo, tổ chức thực hiện",
    "Ủy ban nhân dân {xa} đã chỉ đạo các cơ quan, đơn vị, thôn, tổ dân phố quán triệt và triển "
    "khai các phong trào thi đua gắn với nhiệm vụ chính trị của từng đơn vị; phối hợp với Ủy "
    "ban Mặt trận Tổ quốc Việt Nam và các đoàn thể tuyên truyền, vận động cán bộ, công chức, "
    "viên chức và Nhân dân tích cực hưởng ứng; kịp thời sơ kết, tổng kết, biểu dương, khen "
    "thưởng các tập thể, cá nhân, hộ gia đình có thành tích xuất sắc.",
)
UU_DIEM = _block(
    "uu_diem",
    "II.1. Ưu điểm",
    "Công tác thi đua, khen thưởng năm {nam} được triển khai kịp thời, bám sát nhiệm vụ chính "
    "trị của địa phương; các phong trào thi đua có nội dung thiết thực, thu hút đông đảo cán "
    "bộ, công chức, viên chức và Nhân dân tham gia. Việc bình xét, đề nghị khen thưởng đúng quy "
    "trình, công khai, dân chủ, đúng đối tượng; khen thưởng kịp thời đã động viên, tạo động lực "
    "thi đua trong toàn {xa}.",
)
HAN_CHE = _block(
    "han_che",
    "II.2. Hạn chế, tồn tại",
    "Một số phong trào thi đua còn mang tính hình thức, chưa có chiều sâu; việc phát hiện, bồi "
    "dưỡng và nhân rộng điển hình tiên tiến còn hạn chế. Hồ sơ đề nghị khen thưởng của một số "
    "đơn vị gửi chậm, thành tích nêu chưa cụ thể; tỷ lệ khen thưởng người lao động trực tiếp "
    "còn thấp.",
)
NGUYEN_NHAN = _block(
    "nguyen_nhan",
    "II.3. Nguyên nhân của hạn chế",
    "Một số cơ quan, đơn vị chưa quan tâm đúng mức đến công tác thi đua, khen thưởng; người "
    "làm công tác thi đua, khen thưởng còn kiêm nhiệm nhiều việc; công tác tuyên truyền có lúc "
    "chưa thường xuyên.",
)
PHUONG_HUONG = _block(
    "phuong_huong",
    "III. Phương hướng, nhiệm vụ năm sau",
    "1. Tiếp tục quán triệt, thực hiện nghiêm Luật Thi đua, khen thưởng và các văn bản hướng "
    "dẫn; đổi mới nội dung, hình thức tổ chức các phong trào thi đua gắn với nhiệm vụ phát "
    "triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh của {xa}.\n"
    "2. Phát động các phong trào thi đua thường xuyên, theo đợt, chuyên đề ngay từ đầu năm; tổ "
    "chức đăng ký thi đua, ký kết giao ước thi đua đầy đủ, đúng thời gian.\n"
    "3. Chú trọng phát hiện, bồi dưỡng, tuyên truyền và nhân rộng các mô hình mới, điển hình "
    "tiên tiến; quan tâm khen thưởng người lao động trực tiếp, tập thể nhỏ và hộ gia đình.\n"
    "4. Thực hiện khen thưởng kịp thời, chính xác, công khai, minh bạch, đúng quy trình; nâng "
    "cao chất lượng hoạt động của Hội đồng Thi đua – Khen thưởng {xa}.",
)
KIEN_NGHI = _block(
    "kien_nghi",
    "IV. Đề xuất, kiến nghị",
    "Đề nghị Ủy ban nhân dân tỉnh {tinh} tiếp tục quan tâm hướng dẫn, tập huấn nghiệp vụ "
    "công tác thi đua, khen thưởng cho cấp xã; kịp thời xem xét, khen thưởng các tập thể, cá "
    "nhân của {xa} có thành tích xuất sắc đã được đề nghị.",
)
NOI_NHAN = _block(
    "noi_nhan",
    "Nơi nhận (mỗi dòng một nơi)",
    "Như trên\nThường trực Đảng ủy, HĐND {xa}\nChủ tịch, các PCT UBND {xa}\n"
    "Thành viên Hội đồng TĐKT {xa}\nLưu: VT",
)

BLOCKS: tuple[TextBlock, ...] = (
    KINH_GUI, MO_DAU, CHI_DAO, UU_DIEM, HAN_CHE, NGUYEN_NHAN, PHUONG_HUONG, KIEN_NGHI, NOI_NHAN,
)  # fmt: skip


# The parts of the report ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Heading:
    text: str  # "I. KẾT QUẢ …" (level 1) or "1. Công tác chỉ đạo …" (level 2)
    level: int = 1


@dataclass(frozen=True, slots=True)
class Text:
    """Body paragraphs; each "\\n" starts a new one."""

    text: str


@dataclass(frozen=True, slots=True)
class StatColumn:
    title: str
    weight: float
    align: str = "center"


@dataclass(frozen=True, slots=True)
class StatTable:
    """A statistics table: its caption, columns and rows; `merged` rows are section headings
    across the table, `bold` rows the totals."""

    key: str  # "khen_thuong", "de_nghi", "cap_tren", "xep_loai", "so_tong_ket"
    caption: str
    columns: tuple[StatColumn, ...]
    rows: tuple[tuple[str, ...], ...]
    merged: frozenset[int] = frozenset()
    bold: frozenset[int] = frozenset()


Part = Heading | Text | StatTable


@dataclass(frozen=True, slots=True)
class YearReportDocument:
    year: int
    header: DocumentHeader  # number "" ("Số:      /BC-UBND"), type "BÁO CÁO", two-line summary
    recipient: str  # after "Kính gửi: "; "" leaves the line out
    parts: tuple[Part, ...]
    signature: SignatureBlock
    recipients: tuple[str, ...]  # Nơi nhận, punctuated

    def table(self, key: str) -> StatTable | None:
        return next((p for p in self.parts if isinstance(p, StatTable) and p.key == key), None)


# Figures into tables ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AwardEntry:
    """One award of the year as the register holds it."""

    kind: AwardKind
    name: str
    subject: SubjectKind
    amount: int | None = None


_SUBJECTS = (SubjectKind.UNIT, SubjectKind.HOUSEHOLD, SubjectKind.PERSON)


def award_table(
    key: str, caption: str, entries: Iterable[AwardEntry], *, money: bool = True
) -> StatTable:
    """Counts per award (titles first, then forms, each in the order first met), by tập thể,
    hộ gia đình, cá nhân, with the money paid and a total row."""
    groups: dict[tuple[AwardKind, str], list[AwardEntry]] = {}
    for e in entries:
        groups.setdefault((e.kind, short_name(e.name, own=False)), []).append(e)
    columns = [StatColumn("STT", 8), StatColumn("Danh hiệu, hình thức khen thưởng", 37, "left"),
               StatColumn("Tập thể", 12), StatColumn("Hộ gia đình", 12),
               StatColumn("Cá nhân", 12)]  # fmt: skip
    if money:
        columns.append(StatColumn("Tiền thưởng (đồng)", 21, "right"))
    rows: list[tuple[str, ...]] = []
    merged: set[int] = set()
    number = 0
    for kind, heading in ((AwardKind.TITLE, "I. Danh hiệu thi đua"),
                          (AwardKind.FORM, "II. Hình thức khen thưởng")):  # fmt: skip
        names = [name for k, name in groups if k is kind]
        if not names:
            continue
        merged.add(len(rows))
        rows.append((heading,))
        for name in names:
            group = groups[(kind, name)]
            number += 1
            row = [str(number), name, *(_count(group, s) for s in _SUBJECTS)]
            if money:
                row.append(_money(sum(e.amount or 0 for e in group)))
            rows.append(tuple(row))
    everything = [e for g in groups.values() for e in g]
    total = ["", "Tổng cộng", *(_count(everything, s) for s in _SUBJECTS)]
    if money:
        total.append(_money(sum(e.amount or 0 for e in everything)))
    rows.append(tuple(total))
    return StatTable(key, caption, tuple(columns), tuple(rows), frozenset(merged),
                     frozenset({*merged, len(rows) - 1}))  # fmt: skip


def grade_table(
    key: str, caption: str, people: Mapping[Grade, int], collectives: Mapping[Grade, int]
) -> StatTable:
    """Cá nhân and tập thể per grade, with their share of those graded."""
    n_people, n_units = sum(people.values()), sum(collectives.values())
    columns = (StatColumn("STT", 8), StatColumn("Mức xếp loại", 40, "left"),
               StatColumn("Cá nhân", 13), StatColumn("Tỷ lệ (%)", 13),
               StatColumn("Tập thể", 13), StatColumn("Tỷ lệ (%)", 13))  # fmt: skip
    rows = [
        (str(i), g.label, str(people.get(g, 0)), percent(people.get(g, 0), n_people),
         str(collectives.get(g, 0)), percent(collectives.get(g, 0), n_units))
        for i, g in enumerate(Grade, 1)
    ]  # fmt: skip
    rows.append(("", "Tổng số được xếp loại", str(n_people), percent(n_people, n_people),
                 str(n_units), percent(n_units, n_units)))  # fmt: skip
    return StatTable(key, caption, columns, tuple(rows), bold=frozenset({len(rows) - 1}))


def percent(part: int, whole: int) -> str:
    """ "12,5" (Vietnamese decimal comma); "" when there is nothing to divide."""
    if not whole:
        return ""
    return f"{100 * part / whole:.1f}".replace(".", ",")


def recipients(text: str) -> tuple[str, ...]:
    """Nơi nhận from a block (one per line): "- …;" each, the last "- Lưu: VT." ."""
    lines = [x.strip().lstrip("-").strip().rstrip(";.").strip() for x in text.splitlines()]
    lines = [x for x in lines if x]
    if not lines or not lines[-1].startswith("Lưu"):
        lines.append("Lưu: VT")
    return tuple(f"- {x}" + (";" if i < len(lines) - 1 else ".") for i, x in enumerate(lines))


def _count(entries: Sequence[AwardEntry], subject: SubjectKind) -> str:
    return str(sum(e.subject is subject for e in entries))


def _money(n: int) -> str:
    return thousands(n) if n else ""
