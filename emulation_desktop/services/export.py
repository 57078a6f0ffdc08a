"""Excel export of the registry lists, in the order and with the filters the screen shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from emulation_desktop.domain.registry_views import (
    HouseholdQuery,
    HouseholdSort,
    PersonQuery,
    PersonSort,
)
from emulation_desktop.domain.rules.eligibility import Outcome
from emulation_desktop.services import registry_history
from emulation_desktop.services.eligibility import EligibilityReport, EligibilityRow
from emulation_desktop.services.profile import ProfileService, export_heading
from emulation_desktop.services.registry import RegistryService
from emulation_desktop.spreadsheet.writer import Column, ColumnType, TableExport, write_xlsx
from emulation_desktop.store.db import Database

_T, _D, _Y = ColumnType.TEXT, ColumnType.DATE, ColumnType.YEAR
PEOPLE_COLUMNS = (
    Column("Họ và tên"), Column("Giới tính"), Column("Ngày sinh", _D), Column("Năm sinh", _Y),
    Column("Chức vụ"), Column("Đơn vị"), Column("Đối tượng"), Column("Ngày bắt đầu công tác", _D),
    Column("Số CCCD"), Column("Trạng thái"),
)  # fmt: skip
HOUSEHOLD_COLUMNS = (
    Column("Chủ hộ"), Column("Giới tính chủ hộ"), Column("Năm sinh chủ hộ", _Y),
    Column("Địa chỉ"), Column("Thôn, tổ dân phố"), Column("Trạng thái"),
)  # fmt: skip
UNIT_COLUMNS = (
    Column("Tên đơn vị"), Column("Loại đơn vị"), Column("Trực thuộc"),
    Column("Số cá nhân", ColumnType.INTEGER), Column("Số hộ gia đình", ColumnType.INTEGER),
    Column("Trạng thái"),
)  # fmt: skip
AWARD_COLUMNS = (
    Column("Năm", _Y), Column("Danh hiệu, hình thức"), Column("Đối tượng"),
    Column("Cá nhân, tập thể, hộ gia đình"), Column("Đơn vị"), Column("Số quyết định"),
    Column("Ngày quyết định", _D), Column("Cấp quyết định"), Column("Số sổ"), Column("Ghi chú"),
)  # fmt: skip

_PERSON_SORT = {
    PersonSort.NAME: "họ tên", PersonSort.GENDER: "giới tính", PersonSort.BIRTH: "ngày sinh",
    PersonSort.POSITION: "chức vụ", PersonSort.UNIT: "đơn vị", PersonSort.KIND: "đối tượng",
}  # fmt: skip
_HOUSEHOLD_SORT = {
    HouseholdSort.HEAD: "tên chủ hộ", HouseholdSort.ADDRESS: "địa chỉ",
    HouseholdSort.UNIT: "thôn, tổ dân phố",
}  # fmt: skip


def _reasons(row: EligibilityRow) -> str:
    """The criteria not met, then those to review; "Đạt mọi tiêu chuẩn" when none."""
    lines = [f"Không đạt: {c.reason}" for c in row.criteria if c.outcome is Outcome.NOT_MET]
    lines += [f"Cần xem xét: {c.text}" for c in row.criteria if c.outcome is Outcome.UNKNOWN]
    return "\n".join(lines) or "Đạt mọi tiêu chuẩn"


def _status(active: bool) -> str:
    return "Đang theo dõi" if active else "Đã ngừng theo dõi"


class ExportService:
    """Writes .xlsx files; returns the number of data rows written."""

    def __init__(
        self,
        db: Database,
        registry: RegistryService,
        profile: ProfileService,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._db = db
        self._registry = registry
        self._profile = profile
        self._today = today

    def _unit_name(self, unit_id: int | None) -> str:
        return next((u.path for u in self._registry.units() if u.id == unit_id), "")

    def _write(self, path: Path, title: str, columns: Sequence[Column],
               rows: Iterable[Sequence[object]], filters: Sequence[str],
               notes: Sequence[str] = ()) -> int:  # fmt: skip
        lines = [*export_heading(self._profile.get(), self._today(), filters), *notes]
        return write_xlsx(Path(path), [TableExport(title, columns, rows, lines, title.title())])

    def people(self, path: Path, q: PersonQuery | None = None) -> int:
        q = q or PersonQuery()
        filters = []
        if q.text.strip():
            filters.append(f"tìm «{q.text.strip()}»")
        if q.unit_id is not None:
            filters.append(f"đơn vị {self._unit_name(q.unit_id)}")
        if q.kind is not None:
            filters.append(f"đối tượng {q.kind.label.lower()}")
        if q.gender is not None:
            filters.append(f"giới tính {q.gender.label.lower()}")
        if q.active is not True:
            filters.append(
                "cả người đã ngừng theo dõi" if q.active is None else "đã ngừng theo dõi"
            )
        if q.sort is not PersonSort.NAME or q.descending:
            order = " (giảm dần)" if q.descending else ""
            filters.append(f"sắp xếp theo {_PERSON_SORT[q.sort]}{order}")
        rows = (
            (p.full_name, p.gender.label, p.birth_date, None if p.birth_date else p.birth_year,
             p.position, p.unit_name, p.kind.label, p.work_start, p.cccd, _status(p.active))
            for p in self._registry.iter_people(q)
        )  # fmt: skip
        return self._write(path, "DANH SÁCH CÁ NHÂN", PEOPLE_COLUMNS, rows, filters)

    def households(self, path: Path, q: HouseholdQuery | None = None) -> int:
        q = q or HouseholdQuery()
        filters = []
        if q.text.strip():
            filters.append(f"tìm «{q.text.strip()}»")
        if q.unit_id is not None:
            filters.append(f"thôn, tổ dân phố {self._unit_name(q.unit_id)}")
        if q.active is not True:
            filters.append("cả hộ đã ngừng theo dõi" if q.active is None else "đã ngừng theo dõi")
        if q.sort is not HouseholdSort.HEAD or q.descending:
            order = " (giảm dần)" if q.descending else ""
            filters.append(f"sắp xếp theo {_HOUSEHOLD_SORT[q.sort]}{order}")
        rows = (
            (h.head_name, h.head_gender.label, h.head_birth_year, h.address, h.unit_name,
             _status(h.active))
            for h in self._registry.iter_households(q)
        )  # fmt: skip
        return self._write(path, "DANH SÁCH HỘ GIA ĐÌNH", HOUSEHOLD_COLUMNS, rows, filters)

    def units(self, path: Path, include_inactive: bool = True) -> int:
        units = [u for u in self._registry.units() if include_inactive or u.active]
        rows = (
            ("    " * u.depth + u.name, u.kind.label, u.path.rsplit(" › ", 1)[0] if u.depth else "",
             u.people, u.households, _status(u.active))
            for u in units
        )  # fmt: skip
        return self._write(path, "DANH SÁCH ĐƠN VỊ", UNIT_COLUMNS, rows, [])

    def eligibility(self, path: Path, report: EligibilityReport) -> int:
        """The check of one award and year, for the council: verdict and reasons per subject."""
        columns = (
            Column("Họ và tên, tập thể"), Column("Đơn vị"), Column("Kết luận"),
            Column("Lý do, ghi chú", width=60), Column("Quyết định khác (lý do)", width=40),
        )  # fmt: skip
        rows = (
            (r.name, r.unit, r.final.label, _reasons(r), r.override_reason) for r in report.rows
        )
        notes = [f"Danh hiệu, hình thức: «{report.award_name}» năm {report.year}, theo "
                 f"{report.rules_name}.", *report.warnings]  # fmt: skip
        return self._write(path, "KẾT QUẢ KIỂM TRA ĐIỀU KIỆN KHEN THƯỞNG", columns, rows, [],
                           notes)  # fmt: skip

    def awards(self, path: Path, year: int | None = None) -> int:
        with self._db.session_scope() as s:
            rows = registry_history.award_rows(s, year)
        filters = [f"năm {year}"] if year is not None else []
        return self._write(path, "DANH SÁCH KHEN THƯỞNG", AWARD_COLUMNS, rows, filters)
