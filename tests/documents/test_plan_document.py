"""Kế hoạch thi đua, khen thưởng of a year and Kế hoạch phát động of a movement, reopened and
read as the seed plan 21/KH-UBND of 2024 is read."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest

from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text import date_line
from tests.docx_checks import check_nd30, closing, render_png, texts

HEADINGS = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "2. Yêu cầu",
    "II. NỘI DUNG",
    "1. Tăng cường công tác quản lý nhà nước về thi đua, khen thưởng",
    "2. Tổ chức hiệu quả các phong trào thi đua yêu nước",
    "3. Công tác khen thưởng",
    "4. Đẩy mạnh công tác tuyên truyền, phát hiện và nhân rộng điển hình tiên tiến",
    "5. Đổi mới và nâng cao chất lượng hoạt động của Hội đồng Thi đua, Khen thưởng",
    "III. TỔ CHỨC THỰC HIỆN",
]


@pytest.fixture(scope="module")
def kh2024(demo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ke-hoach") / "ke-hoach-2024.docx"
    demo.documents.write(DocumentKind.PLAN, 2024, out)
    return out


def body_texts(path: Path) -> list[str]:
    return texts(docx.Document(str(path)))


def test_year_plan_header_is_the_seed_plans(kh2024: Path) -> None:
    opened = check_nd30(kh2024)
    assert opened.number == "Số: 21/KH-UBND"
    assert opened.date_line == "Cát Thành, ngày 14 tháng 3 năm 2024"
    lines = texts(opened.doc)
    i = lines.index("KẾ HOẠCH")
    assert lines[i + 1] == "Triển khai thực hiện công tác thi đua, khen thưởng năm 2024"


def test_year_plan_bases_and_what_it_carries_out(kh2024: Path) -> None:
    lines = body_texts(kh2024)
    bases = [x for x in lines if x.startswith("Căn cứ")]
    assert bases == [
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng.",
    ]
    preamble = next(x for x in lines if x.startswith("Thực hiện Kế hoạch"))
    assert preamble == (
        "Thực hiện Kế hoạch số 36/KH-UBND ngày 14/3/2024 của UBND huyện Trực Ninh về việc triển "
        "khai thực hiện công tác thi đua, khen thưởng năm 2024; UBND xã Cát Thành xây dựng kế "
        "hoạch triển khai thực hiện công tác thi đua, khen thưởng năm 2024 với những nội dung cụ "
        "thể như sau:"
    )


def test_year_plan_sections_in_the_seed_plans_order(kh2024: Path) -> None:
    lines = body_texts(kh2024)
    positions = [lines.index(h) for h in HEADINGS]
    assert positions == sorted(positions)
    theme = lines[positions[3] + 1]
    assert theme.startswith("Thực hiện chủ đề phong trào thi đua năm 2024: “Đoàn kết, vượt khó")


def test_every_movement_of_the_year_once(demo, kh2024: Path) -> None:
    lines = body_texts(kh2024)
    items = [x for x in lines if re.match(r"^2\.\d+\. ", x)]
    names = [m.name for m in demo.movements.list(2024)]
    assert len(items) == len(names) == 4
    for i, name in enumerate(names, 1):
        assert sum(name in x for x in items) == 1, name
        assert items[i - 1].startswith(f"2.{i}. Phong trào")
    assert not any("chính quyền địa phương hai cấp" in x for x in lines)  # a 2025 movement


def test_targets_phases_and_anniversaries(kh2024: Path) -> None:
    lines = body_texts(kh2024)
    assert "- Tỷ lệ hộ nghèo theo chuẩn đa chiều duy trì dưới 1%;" in lines
    assert "- Xây dựng từ 2 đến 3 mô hình mới, điển hình tiên tiến." in lines
    purpose = lines[lines.index("1. Mục đích") + 1]
    assert "kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)" in purpose
    assert "35 năm Ngày hội Quốc phòng toàn dân (22/12/1989 - 22/12/2024)" in purpose
    organisation = lines[lines.index("III. TỔ CHỨC THỰC HIỆN") :]
    assert organisation[1] == "1. Trong năm 2024, tổ chức các đợt thi đua như sau:"
    first, second = organisation[2], organisation[3]
    assert first.startswith(
        "- Đợt 1: thi đua hoàn thành xuất sắc nhiệm vụ 6 tháng đầu năm (từ 01/1/2024 đến "
        "30/6/2024): Phát động thi đua"
    )
    assert second.startswith("- Đợt 2: thi đua cao điểm hoàn thành nhiệm vụ năm (từ 01/7/2024")
    # Nam Định is not in the phase's goals: the plan adds it, once
    assert second.count("70 năm Ngày giải phóng thành phố Nam Định (01/7/1954 - 01/7/2024)") == 1
    assert organisation[4].startswith("2. Phát động, triển khai các phong trào thi đua")


def test_year_plan_closing(demo, kh2024: Path) -> None:
    doc = docx.Document(str(kh2024))
    lines = texts(doc)
    ending = next(x for x in lines if x.startswith("Trên đây là"))
    assert ending == (
        "Trên đây là Kế hoạch tổ chức thực hiện các phong trào thi đua và công tác khen thưởng "
        "năm 2024 của UBND xã Cát Thành. Yêu cầu các bộ phận, cán bộ, công chức, các cơ quan, "
        "đơn vị, thôn, tổ dân phố triển khai thực hiện Kế hoạch này./."
    )
    recipients, signature = closing(doc)
    assert recipients[1] == "- UBND tỉnh Ninh Bình;"
    assert recipients[-1] == "- Lưu: VT."
    assert [x for x in signature if x] == [
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", demo.profile.get().chairman,
    ]  # fmt: skip


def test_movement_plan(demo, tmp_path: Path) -> None:
    """A movement launched by the district: blank number, dated when it would have been
    issued (its work is over), the district's plan and the commune's year plan cited."""
    out = tmp_path / "phat-dong.docx"
    movement = demo.movements.list(2024)[0]
    demo.documents.write(DocumentKind.MOVEMENT_PLAN, movement.id, out)
    opened = check_nd30(out)
    assert re.fullmatch(r"Số:\s+/KH-UBND", opened.number)
    assert opened.date_line == "Cát Thành, ngày 14 tháng 3 năm 2024"
    lines = texts(opened.doc)
    assert lines[lines.index("KẾ HOẠCH") + 1].startswith("Phát động phong trào “Thi đua thực")
    preamble = next(x for x in lines if x.startswith("Thực hiện "))
    assert "Kế hoạch số 36/KH-UBND ngày 14/3/2024 của UBND huyện Trực Ninh" in preamble
    assert "Kế hoạch số 21/KH-UBND ngày 14/3/2024 của UBND xã Cát Thành" in preamble
    for h in ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG, CHỈ TIÊU THI ĐUA", "III. TỔ CHỨC THỰC HIỆN"):
        assert h in lines
    assert any(x.startswith("- Đợt 2: thi đua cao điểm") for x in lines)
    assert "1. Giao đồng chí Vũ Thị Thanh Huyền (Phòng Văn hóa – Xã hội) chủ trì" in " ".join(lines)
    assert next(x for x in lines if x.startswith("Trên đây là")).endswith("./.")
    _, signature = closing(opened.doc)
    assert signature[-1] == demo.profile.get().chairman


def test_movement_launched_by_the_commune_prints_its_own_plan(demo, tmp_path: Path) -> None:
    movement = next(m for m in demo.movements.list(2025) if "hai cấp" in m.name)
    out = tmp_path / "phat-dong-xa.docx"
    demo.documents.write(DocumentKind.MOVEMENT_PLAN, movement.id, out)
    opened = check_nd30(out)
    assert opened.number == "Số: 05/KH-UBND"
    assert opened.date_line == "Cát Thành, ngày 15 tháng 7 năm 2025"
    lines = texts(opened.doc)
    assert "Căn cứ Nghị định số 152/2025/NĐ-CP" in " ".join(lines)  # in force on 15/7/2025


def test_edited_block_changes_the_plan(demo, tmp_path: Path) -> None:
    out = tmp_path / "sua.docx"
    demo.text_blocks.save("ke_hoach.muc_dich", "- Mục đích riêng của {xa} trong năm {nam}.")
    try:
        demo.documents.write(DocumentKind.PLAN, 2024, out)
    finally:
        demo.text_blocks.reset("ke_hoach.muc_dich")
    lines = body_texts(out)
    i = lines.index("1. Mục đích")
    assert lines[i + 1 : i + 3] == [
        "- Mục đích riêng của xã Cát Thành trong năm 2024.",
        "2. Yêu cầu",
    ]


def test_year_without_a_number_leaves_it_blank(demo, tmp_path: Path) -> None:
    """A year planned ahead, its plan not numbered yet: room for the văn thư, today's date."""
    demo.movements.copy_to_year(demo.movements.list(2024)[1].id, 2027)
    out = tmp_path / "ke-hoach-2027.docx"
    demo.documents.write(DocumentKind.PLAN, 2027, out)
    opened = check_nd30(out)
    assert re.fullmatch(r"Số:\s+/KH-UBND", opened.number)
    assert opened.date_line == date_line("Cát Thành", dt.date.today())
    lines = texts(opened.doc)
    assert sum(bool(re.match(r"^2\.\d+\. ", x)) for x in lines) == 1
    assert not any(x.startswith("Thực hiện chủ đề") for x in lines)  # no theme typed for 2027


@pytest.mark.parametrize(
    ("kind", "id_", "message"),
    [
        (DocumentKind.PLAN, 2031, "Năm 2031 chưa có phong trào thi đua nào"),
        (DocumentKind.MOVEMENT_PLAN, 999_999, "Không tìm thấy phong trào này"),
    ],
)
def test_bad_input_writes_nothing(demo, tmp_path: Path, kind, id_, message) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.docx"
    with pytest.raises(UserError) as exc:
        demo.documents.write(kind, id_, out)
    assert exc.value.message.startswith(message)
    assert not out.exists()
    out.write_bytes(b"old")
    with pytest.raises(UserError):
        demo.documents.write(kind, id_, out)
    assert out.read_bytes() == b"old"


def test_a_2000_character_theme_still_makes_a_valid_plan(demo, tmp_path: Path) -> None:
    """A theme longer than the form allows (imported from an older file) wraps; nothing breaks."""
    from emulation_desktop.store.cycle_models import MovementRow

    movement = demo.movements.list(2024)[2]
    theme = ("Đoàn kết, sáng tạo, kỷ cương, hiệu quả " * 60)[:2000].strip()
    db = demo.documents.sources.db
    with db.session_scope() as s:
        row = s.get(MovementRow, movement.id)
        before, row.theme = row.theme, theme
    try:
        for kind, id_ in ((DocumentKind.PLAN, 2024), (DocumentKind.MOVEMENT_PLAN, movement.id)):
            out = tmp_path / f"{kind}.docx"
            demo.documents.write(kind, id_, out)
            lines = texts(check_nd30(out).doc)
            assert sum(theme in x for x in lines) == 1
    finally:
        with db.session_scope() as s:
            s.get(MovementRow, movement.id).theme = before


def test_plan_renders_on_several_pages(kh2024: Path, tmp_path: Path) -> None:
    pages = render_png(kh2024, tmp_path / "png")
    assert len(pages) >= 2  # one PNG per page of the PDF LibreOffice printed


def test_added_basis_is_punctuated_in_its_place(demo, tmp_path: Path) -> None:
    out = tmp_path / "can-cu.docx"
    demo.text_blocks.save(
        "ke_hoach.can_cu", "{can_cu}\nCăn cứ Nghị quyết số 12-NQ/ĐU ngày 10/01/2024 của Đảng ủy."
    )
    try:
        demo.documents.write(DocumentKind.PLAN, 2024, out)
    finally:
        demo.text_blocks.reset("ke_hoach.can_cu")
    bases = [x for x in body_texts(out) if x.startswith("Căn cứ")]
    assert len(bases) == 3
    assert bases[1].endswith("Luật Thi đua, khen thưởng;")
    assert bases[2] == "Căn cứ Nghị quyết số 12-NQ/ĐU ngày 10/01/2024 của Đảng ủy."


def test_pure_helpers() -> None:
    from emulation_desktop.domain.notice_document import parse_document
    from emulation_desktop.domain.plan_document import numbered, recipients_lines
    from emulation_desktop.services.document_plan import issue_day

    d = dt.date
    assert issue_day(d(2026, 5, 1), d(2026, 1, 1), d(2026, 12, 31)) == d(2026, 5, 1)
    assert issue_day(d(2026, 5, 1), d(2024, 1, 1), d(2024, 12, 31), [d(2024, 3, 14)]) == d(
        2024, 3, 14
    )
    assert parse_document("Thông báo số 27/TB-UBND ngày 14/11/2024") == (
        "27/TB-UBND",
        d(2024, 11, 14),
    )
    assert parse_document("niêm yết tại nhà văn hóa") == ("", None)
    assert numbered(["A", "- b", "C"], 2) == ("2. A", "- b", "3. C")
    assert recipients_lines("UBND tỉnh Ninh Bình\n- Các thôn;") == (
        "- UBND tỉnh Ninh Bình;", "- Các thôn;", "- Lưu: VT.",
    )  # fmt: skip
