"""Biên bản họp Hội đồng Thi đua – Khen thưởng (NĐ 30/2020 Mẫu 1.9): who met, the rule of each
award, the vote table per award, the council's own decisions with their reasons, the result;
signed by the Thư ký (left) and the Chủ tọa (right), without Nơi nhận."""

from __future__ import annotations

from emulation_desktop.documents.docx.builder import DocxBuilder, Signer
from emulation_desktop.documents.docx.kinds.common import number_line
from emulation_desktop.documents.docx.tables import Column
from emulation_desktop.domain import council_documents as t
from emulation_desktop.domain.council_minutes import Minutes
from emulation_desktop.domain.errors import UserError

VOTE_COLUMNS = (
    Column("STT", 8, "center"),
    Column("Họ và tên / Tên tập thể", 26),
    Column("Đơn vị", 30),
    Column("Số phiếu đồng ý", 12, "center"),
    Column("Tỷ lệ %", 11, "center"),
    Column("Kết quả", 13, "center"),
)


def build(m: Minutes) -> DocxBuilder:
    if not m.commune:
        raise UserError(
            "Chưa có thông tin đơn vị: hãy nhập tên xã/phường trong Cài đặt → Thông tin đơn vị "
            "rồi tạo lại biên bản."
        )
    if not m.chair or not m.secretary:
        raise UserError(
            "Biên bản cần người chủ trì và thư ký cuộc họp: hãy chọn ở thẻ Họp Hội đồng."
        )
    b = DocxBuilder()
    b.header(t.COUNCIL_LINES, number_line("", t.MINUTES_SYMBOL), "", parent=m.issuer.upper())
    b.title(t.minutes_title(m), t.minutes_summary(m))
    _labelled(b, "Thời gian bắt đầu: ", t.start_text(m))
    _labelled(b, "Địa điểm: ", m.place.rstrip(".") + ".")
    _labelled(b, "Thành phần tham dự: ", t.attendance_head(m))
    for line in t.attendance_lines(m):
        b.paragraph(line)
    absent = t.absent_lines(m)
    if absent:
        b.paragraph(f"Vắng mặt: {len(absent)} thành viên:")
        for line in absent:
            b.paragraph(line)
    _labelled(b, "Chủ trì (chủ tọa): ", t.person(m.chair, m.chair_title) + ".")
    _labelled(b, "Thư ký (người ghi biên bản): ", t.person(m.secretary, m.secretary_title) + ".")
    b.paragraph(t.quorum_sentence(m))
    b.heading("Nội dung cuộc họp:", level=2)
    b.paragraph(t.rules_sentence(m))
    awards = t.ordered_awards(m)
    for i, a in enumerate(awards):
        b.paragraph(t.award_rule_line(a, i == len(awards) - 1))
    b.paragraph(t.ballot_sentence(m))
    b.paragraph("Kết quả bỏ phiếu của từng trường hợp:")
    rows = t.vote_rows(m)
    for i, a in enumerate(awards):
        b.heading(t.award_heading(i, a), level=2)
        if rows[a.code]:
            b.table(VOTE_COLUMNS, rows[a.code], size=12)
        else:
            b.paragraph("(Chưa nhập số phiếu.)", italic=True)
    overrides = t.override_lines(m)
    if overrides or m.caps:
        b.heading(t.overrides_heading(m), level=2)
        for line in t.cap_lines(m):
            b.paragraph(line)
        for line in overrides:
            b.paragraph(line)
    b.paragraph(t.result_sentence(m))
    for line in t.result_lines(m):
        b.paragraph(line)
    b.paragraph(t.closed(t.end_sentence(m)))
    b.spacer(12)
    b.signatures(Signer(("THƯ KÝ",), m.secretary), Signer(("CHỦ TỌA",), m.chair))
    return b


def _labelled(b: DocxBuilder, label: str, text: str) -> None:
    b.rich((("b", label), ("", text)))
