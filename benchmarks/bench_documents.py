"""A Quyết định with a 1,000-row list, written to .docx (issue 7 budget: < 1 s).

The document is the real one: header, Căn cứ, articles, signature, Nơi nhận and the landscape
list of 1,000 people with achievement, money and số sổ, saved to disk. The baseline is raw
python-docx filling the same 1,000 × 6 table with `add_row().cells` (the fastest of its public
APIs, tech-notes §2) and saving it, in the same run — for scale; `table.cell(r, c)` would be
quadratic and take minutes.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from benchmarks.harness import Result, median_seconds, timed

BUDGET_S = 1.0
ROWS = 1_000
RUNS = 5


def _decision():  # type: ignore[no-untyped-def]
    from emulation_desktop.domain.decision_documents import (
        Article,
        DecisionDocument,
        DocumentHeader,
        SignatureBlock,
    )
    from emulation_desktop.domain.decision_text import ListRow, ListSection
    from emulation_desktop.domain.demo_data import generate_demo_commune
    from emulation_desktop.domain.enums import AwardKind, DecisionKind, SubjectKind
    from emulation_desktop.domain.text import money_in_words

    names = [p.full_name for p in generate_demo_commune(7).people]
    place = "Giáo viên, Trường THCS Cát Thành"
    achievement = ("Hoàn thành tốt nhiệm vụ năm học 2025–2026; tham gia tích cực các phong trào "
                   "thi đua của nhà trường và địa phương.")  # fmt: skip
    rows = tuple(
        ListRow(i + 1, SubjectKind.PERSON, names[i % len(names)], place, "Lao động tiên tiến",
                achievement, 702_000, f"{i + 1}/2026")
        for i in range(ROWS)
    )
    total = 702_000 * ROWS
    day = dt.date(2026, 1, 5)
    return DecisionDocument(
        decision_id=1, kind=DecisionKind.AWARD,
        header=DocumentHeader(("ỦY BAN NHÂN DÂN", "XÃ CÁT THÀNH"), "05/QĐ-UBND", day,
                              "Cát Thành, ngày 05 tháng 01 năm 2026", "QUYẾT ĐỊNH",
                              "Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2025"),
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CÁT THÀNH",
        bases=("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
               "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ."),
        articles=(Article("Điều 1.", "Công nhận danh hiệu “Lao động tiên tiến” năm 2025 cho "
                                     f"{ROWS} cá nhân (có danh sách kèm theo)."),
                  Article("Điều 2.", "Quyết định này có hiệu lực kể từ ngày ký.")),
        list_title="DANH SÁCH KHEN THƯỞNG",
        list_subtitle="(Kèm theo Quyết định số 05/QĐ-UBND ngày 05/01/2026)",
        sections=(ListSection("Danh hiệu “Lao động tiên tiến”", AwardKind.TITLE, rows),),
        revoked=(), total=total, total_words=money_in_words(total),
        signature=SignatureBlock(("CHỦ TỊCH",), "Nguyễn Văn Hùng"),
        recipients=("- Như Điều 2;", "- Lưu: VT."),
    )  # fmt: skip


def _raw(data, out: Path) -> float:  # type: ignore[no-untyped-def]
    import docx

    def work() -> None:
        doc = docx.Document()
        table = doc.add_table(rows=1, cols=6)
        titles = ("STT", "Họ và tên", "Đơn vị", "Thành tích", "Số tiền", "Số sổ")
        for cell, title in zip(table.rows[0].cells, titles, strict=True):
            cell.text = title
        for r in data.rows:
            cells = table.add_row().cells
            values = (str(r.number), r.name, r.place, r.achievement, "702.000", r.register_number)
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
        doc.save(str(out))

    return timed(work)


def run() -> list[Result]:
    from emulation_desktop.documents.docx.kinds import decision

    data = _decision()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "qd.docx"
        measured = median_seconds(lambda: timed(lambda: decision.build(data).save(out)), RUNS)
        baseline = median_seconds(lambda: _raw(data, Path(tmp) / "raw.docx"), RUNS)
    name = f"Quyết định với danh sách {ROWS:,} dòng (.docx)".replace(",", ".")
    return [Result(name, measured, BUDGET_S, baseline=baseline)]
