"""A round's list to Excel, with the eligibility verdict of every đề nghị and its reason: what
the officer checks with the proposing units before the council meets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.nominations import NominationItem, RoundItem
from emulation_desktop.services.profile import ProfileService, export_heading
from emulation_desktop.services.round_verdicts import NOT_CHECKED, ItemVerdict
from emulation_desktop.spreadsheet.writer import Column, TableExport, write_xlsx
from emulation_desktop.store.db import Database

COLUMNS = (
    Column("Họ và tên, tập thể, hộ gia đình", width=30), Column("Đối tượng"),
    Column("Đơn vị"), Column("Danh hiệu, hình thức đề nghị", width=34),
    Column("Thời gian thành tích"), Column("Tóm tắt thành tích", width=50),
    Column("Đơn vị đề nghị"), Column("Kiểm tra điều kiện"), Column("Lý do", width=50),
    Column("Trạng thái"),
)  # fmt: skip


def write_round(
    db: Database, path: Path, r: RoundItem, items: Sequence[NominationItem],
    verdicts: Mapping[int, ItemVerdict], today: dt.date,
) -> int:  # fmt: skip
    def row(i: NominationItem) -> tuple[object, ...]:
        v = verdicts.get(i.id)
        place = i.subject.place if i.subject.kind is not SubjectKind.UNIT else ""
        return (i.subject.name, i.subject.kind.label, place, i.award_name, i.period,
                i.achievement, i.proposing_unit, v.label if v else NOT_CHECKED,
                v.summary if v else "", i.status.label)  # fmt: skip

    title = f"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG – {r.name.upper()}"
    lines = [*export_heading(ProfileService(db).get(), today),
             f"Thời gian thành tích: {r.period}. Trạng thái: {r.status.label}."]  # fmt: skip
    table = TableExport(title, COLUMNS, (row(i) for i in items), lines, f"Đề nghị {r.year}")
    return write_xlsx(Path(path), [table])
