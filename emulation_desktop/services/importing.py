"""Excel import of people, units and households: look, map, preview, then write all at once.

The flow is the one the import dialog and `emulation-desktop import` share:
    source = imports.open(path)                   # sheets, guessed kind, header row, columns
    preview = imports.preview(source, plan)       # every row checked, nothing written
    summary = imports.commit(preview, only_valid) # one transaction, or nothing
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum, StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import Gender, PersonKind, UnitKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.import_fields import (
    FIELDS,
    ImportKind,
    guess_header_row,
    guess_mapping,
    header_labels,
)
from emulation_desktop.domain.import_rows import (
    ParsedHousehold,
    ParsedPerson,
    ParsedUnit,
    ParseResult,
    RowIssue,
    parse_rows,
)
from emulation_desktop.domain.import_values import guess_gender_from_name, parse_unit_kind
from emulation_desktop.domain.legacy_text import fix_legacy
from emulation_desktop.domain.text import fold, thousands
from emulation_desktop.services.registry_read import same_person_possible
from emulation_desktop.services.registry_write import audit, renumber_units
from emulation_desktop.spreadsheet.reader import SheetData, WorkbookData, read_workbook
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import HouseholdRow, PersonRow, UnitRow


@dataclass(frozen=True, slots=True)
class SheetGuess:
    """What the program understood of one sheet before the user adjusts it."""

    name: str
    rows: int
    kind: ImportKind
    header_row: int  # 0-based index into the sheet's rows
    headers: tuple[str, ...]
    mapping: dict[str, int]


@dataclass(frozen=True, slots=True)
class ImportSource:
    workbook: WorkbookData
    guesses: tuple[SheetGuess, ...]

    def sheet(self, name: str) -> SheetData:
        return next(s for s in self.workbook.sheets if s.name == name)


@dataclass(frozen=True, slots=True)
class ImportPlan:
    sheet: str
    kind: ImportKind
    header_row: int
    mapping: dict[str, int]
    encoding: str = "auto"  # auto | tcvn3 | vni | none
    skip_existing: bool = True  # rows that repeat someone already in the database


class RowStatus(StrEnum):
    VALID = "Hợp lệ"
    INVALID = "Lỗi"
    EXISTING = "Đã có"


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One data row as the preview table shows it: parsed values, or the raw cells if invalid."""

    row: int  # Excel row number
    status: RowStatus
    values: tuple[str, ...]  # in the order of FIELDS[kind]
    note: str


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """The checked rows. `warnings` do not stop the import; `parse.issues` do."""

    source_name: str
    plan: ImportPlan
    headers: tuple[str, ...]
    parse: ParseResult
    new_units: tuple[str, ...]
    warnings: tuple[RowIssue, ...]
    existing_rows: frozenset[int] = field(default_factory=frozenset)  # rows already in the DB
    rows: tuple[PreviewRow, ...] = ()

    @property
    def valid_count(self) -> int:
        return len(self.parse.records)

    @property
    def invalid_rows(self) -> tuple[int, ...]:
        return tuple(self.parse.invalid_rows)

    @property
    def to_write(self) -> int:
        skip = self.existing_rows if self.plan.skip_existing else frozenset()
        return sum(r.row not in skip for r in self.parse.records)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    kind: ImportKind
    created: int
    skipped_invalid: int
    skipped_existing: int
    new_units: tuple[str, ...]
    people_created_for_households: int = 0

    def message(self) -> str:
        noun = {
            ImportKind.PEOPLE: "cá nhân",
            ImportKind.UNITS: "đơn vị",
            ImportKind.HOUSEHOLDS: "hộ gia đình",
        }[self.kind]
        parts = [f"Đã nhập {thousands(self.created)} {noun}."]
        if self.new_units:
            parts.append(
                f"Đã tạo {len(self.new_units)} đơn vị mới: " + ", ".join(self.new_units) + "."
            )
        if self.people_created_for_households:
            parts.append(
                f"Đã thêm {self.people_created_for_households} chủ hộ vào danh sách cá nhân."
            )
        if self.skipped_existing:
            parts.append(f"Bỏ qua {self.skipped_existing} dòng đã có trong danh sách.")
        if self.skipped_invalid:
            parts.append(f"Bỏ qua {self.skipped_invalid} dòng lỗi.")
        return " ".join(parts)


def _guess_sheet(sheet: SheetData) -> SheetGuess:
    best: tuple[int, ImportKind, int, list[str], dict[str, int]] | None = None
    for kind in (ImportKind.PEOPLE, ImportKind.HOUSEHOLDS, ImportKind.UNITS):
        header_row = guess_header_row(sheet.rows, kind)
        headers = header_labels(sheet.rows, header_row) if sheet.rows else []
        mapping = guess_mapping(kind, headers)
        required = [f.key for f in FIELDS[kind] if f.required]
        score = 10 * sum(k in mapping for k in required) + len(mapping)
        if best is None or score > best[0]:
            best = (score, kind, header_row, headers, mapping)
    assert best is not None
    _score, kind, header_row, headers, mapping = best
    return SheetGuess(sheet.name, len(sheet.rows), kind, header_row, tuple(headers), mapping)


class ImportService:
    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = today

    # Looking ----------------------------------------------------------------------------------

    def open(self, path: Path) -> ImportSource:
        workbook = read_workbook(Path(path))
        return ImportSource(workbook, tuple(_guess_sheet(s) for s in workbook.sheets))

    def guess(self, source: ImportSource, sheet: str, kind: ImportKind) -> SheetGuess:
        """The header row and columns for `kind` (when the user changes what the sheet holds)."""
        data = source.sheet(sheet)
        header_row = guess_header_row(data.rows, kind)
        headers = header_labels(data.rows, header_row) if data.rows else []
        return SheetGuess(
            sheet, len(data.rows), kind, header_row, tuple(headers), guess_mapping(kind, headers)
        )

    def headers(self, source: ImportSource, sheet: str, header_row: int) -> tuple[str, ...]:
        data = source.sheet(sheet)
        return tuple(header_labels(data.rows, header_row)) if data.rows else ()

    def preview(self, source: ImportSource, plan: ImportPlan) -> ImportPreview:
        data = source.sheet(plan.sheet)
        if plan.header_row >= len(data.rows):
            raise UserError(
                f"Trang «{plan.sheet}» không có dòng tiêu đề ở dòng {plan.header_row + 1}."
            )
        parse = parse_rows(
            plan.kind,
            data.rows,
            plan.header_row,
            plan.mapping,
            encoding=plan.encoding,
            today=self._today(),
        )
        with self._db.session_scope() as s:
            parse, new_units, warnings, existing = _check_against_database(s, plan.kind, parse)
        return ImportPreview(
            source.workbook.path.name,
            plan,
            self.headers(source, plan.sheet, plan.header_row),
            parse,
            new_units,
            warnings,
            frozenset(existing),
            _preview_rows(data, plan, parse, warnings, existing),
        )

    # Writing ----------------------------------------------------------------------------------

    def commit(self, preview: ImportPreview, only_valid: bool = False) -> ImportSummary:
        """Write the valid rows in one transaction. With errors and not `only_valid`: nothing."""
        bad = len(preview.invalid_rows)
        if bad and not only_valid:
            raise UserError(
                f"Có {thousands(bad)} dòng lỗi nên chưa nhập gì. Hãy sửa tệp Excel rồi nhập lại, "
                "hoặc chọn «Chỉ nhập các dòng hợp lệ»."
            )
        skip = preview.existing_rows if preview.plan.skip_existing else frozenset()
        records = [r for r in preview.parse.records if r.row not in skip]
        if not records:
            raise UserError("Không có dòng nào để nhập (mọi dòng đều lỗi hoặc đã có).")
        with self._db.session_scope() as s:
            writer = _Writer(s)
            created = extra = 0
            if preview.plan.kind is ImportKind.PEOPLE:
                created = writer.people(records)  # type: ignore[arg-type]
            elif preview.plan.kind is ImportKind.UNITS:
                created = writer.units_from(records)  # type: ignore[arg-type]
            else:
                created, extra = writer.households(records)  # type: ignore[arg-type]
            renumber_units(s)
            audit(
                s,
                "import",
                preview.plan.kind.value,
                None,
                file=preview.source_name,
                sheet=preview.plan.sheet,
                created=created,
                new_units=writer.new_units,
                skipped_invalid=bad,
                skipped_existing=len(preview.parse.records) - len(records),
            )
        return ImportSummary(
            preview.plan.kind,
            created,
            bad,
            len(preview.parse.records) - len(records),
            tuple(writer.new_units),
            extra,
        )

    def plan(
        self,
        source: ImportSource,
        sheet: str | None = None,
        kind: ImportKind | None = None,
        encoding: str = "auto",
    ) -> ImportPlan:
        """The program's own reading of a sheet (the command line, and the dialog's start)."""
        names = [g.name for g in source.guesses]
        if sheet is not None and sheet not in names:
            raise UserError(
                f"Tệp không có trang «{sheet}». Các trang có dữ liệu: "
                + ", ".join(f"«{n}»" for n in names)
                + "."
            )
        guess = next(g for g in source.guesses if sheet is None or g.name == sheet)
        if kind is not None and kind is not guess.kind:
            guess = self.guess(source, guess.name, kind)
        return ImportPlan(guess.name, guess.kind, guess.header_row, guess.mapping, encoding)


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# The preview shows what will be stored, one column per value (not per Excel column): e.g. the
# birth comes from "Ngày sinh" or from the "Nam"/"Nữ" sub-columns of the classic layout.
DISPLAY_COLUMNS: dict[ImportKind, tuple[tuple[str, tuple[str, ...]], ...]] = {
    ImportKind.PEOPLE: (
        ("Họ và tên", ("full_name",)),
        ("Giới tính", ("gender", "gender_male", "gender_female")),
        ("Ngày sinh", ("birth", "birth_male", "birth_female")),
        ("Chức vụ", ("position",)),
        ("Đơn vị", ("unit",)),
        ("Đối tượng", ("kind",)),
        ("Ngày bắt đầu công tác", ("work_start",)),
        ("Số CCCD", ("cccd",)),
    ),
    ImportKind.UNITS: (
        ("Tên đơn vị", ("name",)),
        ("Loại đơn vị", ("kind",)),
        ("Trực thuộc", ("parent",)),
    ),
    ImportKind.HOUSEHOLDS: (
        ("Chủ hộ", ("head_name",)),
        ("Giới tính chủ hộ", ("head_gender",)),
        ("Năm sinh chủ hộ", ("head_birth",)),
        ("Địa chỉ", ("address",)),
        ("Thôn, tổ dân phố", ("unit",)),
    ),
}


def _record_values(r: object) -> tuple[str, ...]:
    if isinstance(r, ParsedPerson):
        birth = f"{r.birth_date:%d/%m/%Y}" if r.birth_date else _shown(r.birth_year)
        gender = r.gender.label + (" (đoán theo tên)" if r.gender_guessed else "")
        return (r.full_name, gender, birth, r.position, r.unit_name, r.kind.label,
                _shown(r.work_start), r.cccd or "")  # fmt: skip
    if isinstance(r, ParsedUnit):
        return (r.name, r.kind.label, r.parent_name or "")
    assert isinstance(r, ParsedHousehold)
    birth = f"{r.head_birth_date:%d/%m/%Y}" if r.head_birth_date else _shown(r.head_birth_year)
    gender = r.head_gender.label if r.head_gender else ""
    return (r.head_name, gender, birth, r.address, r.unit_name)


def _raw_values(
    cells: Sequence[object], plan: ImportPlan, headers: Sequence[str], legacy: dict[str, str]
) -> tuple[str, ...]:
    """A refused row as typed, but in readable Unicode where its column was in an old font."""

    def cell(key: str) -> str:
        col = plan.mapping.get(key)
        if col is None or col >= len(cells):
            return ""
        text = _shown(cells[col])
        label = headers[col] if col < len(headers) else ""
        encoding = legacy.get(label)
        return fix_legacy(text, encoding) if encoding in ("tcvn3", "vni") else text

    return tuple(
        next((v for v in (cell(k) for k in keys) if v), "")
        for _label, keys in DISPLAY_COLUMNS[plan.kind]
    )


def _preview_rows(
    sheet: SheetData,
    plan: ImportPlan,
    parse: ParseResult,
    warnings: Sequence[RowIssue],
    existing: set[int],
) -> tuple[PreviewRow, ...]:
    notes: dict[int, list[str]] = {}
    for issue in (*parse.issues, *warnings):
        where = f"{issue.column}: " if issue.column else ""
        notes.setdefault(issue.row, []).append(where + issue.message)
    headers = header_labels(sheet.rows, plan.header_row) if sheet.rows else []
    records = {r.row: r for r in parse.records}
    bad = set(parse.invalid_rows)
    out = []
    for row in sorted(set(records) | bad):
        if row in records:
            values = _record_values(records[row])
            status = RowStatus.EXISTING if row in existing else RowStatus.VALID
        else:
            cells = sheet.rows[row - 1] if row - 1 < len(sheet.rows) else ()
            values = _raw_values(cells, plan, headers, parse.legacy)
            status = RowStatus.INVALID
        out.append(PreviewRow(row, status, values, " ".join(notes.get(row, []))))
    return tuple(out)


# Checks against what the database already holds -----------------------------------------------


def _units_by_fold(session: Session) -> dict[str, int]:
    return {fold(name): uid for uid, name in session.execute(select(UnitRow.id, UnitRow.name))}


def _check_against_database(
    session: Session, kind: ImportKind, parse: ParseResult
) -> tuple[ParseResult, tuple[str, ...], tuple[RowIssue, ...], set[int]]:
    units = _units_by_fold(session)
    new_units: dict[str, str] = {}
    warnings: list[RowIssue] = []
    issues = list(parse.issues)
    existing: set[int] = set()
    records = list(parse.records)

    def need_unit(name: str) -> None:
        if fold(name) not in units:
            new_units.setdefault(fold(name), name)

    if kind is ImportKind.PEOPLE:
        people: dict[str, list[tuple]] = {}
        for pid, nf, bd, by in session.execute(
            select(PersonRow.id, PersonRow.name_fold, PersonRow.birth_date, PersonRow.birth_year)
        ):
            people.setdefault(nf, []).append((pid, bd, by))
        cccds = dict(
            session.execute(
                select(PersonRow.cccd, PersonRow.full_name).where(PersonRow.cccd.is_not(None))
            ).all()
        )
        seen_cccd: dict[str, int] = {}
        seen_name: dict[tuple[str, int | None], int] = {}
        kept = []
        for r in records:
            assert isinstance(r, ParsedPerson)
            owner = cccds.get(r.cccd) if r.cccd else None
            if owner is not None and fold(owner) != fold(r.full_name):
                issues.append(RowIssue(r.row, "Số CCCD", f"Số CCCD {r.cccd} đã có ở «{owner}»."))
                continue
            if r.cccd and r.cccd in seen_cccd:
                issues.append(
                    RowIssue(
                        r.row, "Số CCCD", f"Số CCCD {r.cccd} trùng với dòng {seen_cccd[r.cccd]}."
                    )
                )
                continue
            if r.cccd:
                seen_cccd[r.cccd] = r.row
            kept.append(r)
            need_unit(r.unit_name)
            same = [
                p
                for p in people.get(fold(r.full_name), [])
                if same_person_possible((r.birth_date, r.birth_year), (p[1], p[2]))
            ]
            if same or owner is not None:
                existing.add(r.row)
                warnings.append(
                    RowIssue(
                        r.row,
                        "Họ và tên",
                        f"«{r.full_name}» đã có trong danh sách (trùng họ tên và năm sinh).",
                    )
                )
            key = (fold(r.full_name), r.birth_year)
            if key in seen_name:
                warnings.append(
                    RowIssue(
                        r.row,
                        "Họ và tên",
                        f"Trùng họ tên và năm sinh với dòng {seen_name[key]} trong tệp.",
                    )
                )
            else:
                seen_name[key] = r.row
            if r.gender_guessed:
                warnings.append(
                    RowIssue(
                        r.row,
                        "Giới tính",
                        f"Không có cột giới tính: đoán «{r.gender.label}» theo tên đệm.",
                    )
                )
        records = kept
    elif kind is ImportKind.UNITS:
        in_file = {fold(r.name) for r in records}  # type: ignore[union-attr]
        for r in records:
            assert isinstance(r, ParsedUnit)
            if fold(r.name) in units:
                existing.add(r.row)
                warnings.append(RowIssue(r.row, "Tên đơn vị", f"Đơn vị «{r.name}» đã có."))
            if r.parent_name and fold(r.parent_name) not in in_file:
                need_unit(r.parent_name)
    else:
        heads = {
            hid
            for (hid,) in session.execute(
                select(HouseholdRow.head_id).where(HouseholdRow.active.is_(True))
            )
        }
        people_by_fold: dict[str, list[tuple]] = {}
        for pid, nf, by, uid in session.execute(
            select(PersonRow.id, PersonRow.name_fold, PersonRow.birth_year, PersonRow.unit_id)
        ):
            people_by_fold.setdefault(nf, []).append((pid, by, uid))
        for r in records:
            assert isinstance(r, ParsedHousehold)
            need_unit(r.unit_name)
            match = _find_head(people_by_fold, r, units.get(fold(r.unit_name)))
            if match is not None and match in heads:
                existing.add(r.row)
                warnings.append(
                    RowIssue(r.row, "Chủ hộ", f"Hộ «{r.head_name}» đã có trong danh sách.")
                )
    issues.sort(key=lambda i: i.row)
    parse = replace(parse, records=tuple(records), issues=tuple(issues))
    return parse, tuple(new_units.values()), tuple(warnings), existing


def _find_head(
    people_by_fold: dict[str, list[tuple]], r: ParsedHousehold, unit_id: int | None
) -> int | None:
    candidates = [
        p
        for p in people_by_fold.get(fold(r.head_name), [])
        if r.head_birth_year is None or p[1] in (None, r.head_birth_year)
    ]
    in_unit = [p for p in candidates if p[2] == unit_id]
    chosen = in_unit or candidates
    return chosen[0][0] if len(chosen) == 1 or in_unit else None


def _reaches(parents: dict[int, int], start: int, target: int) -> bool:
    """Whether walking up from `start` meets `target` (a cycle typed in the file)."""
    seen = set()
    while start is not None and start not in seen:
        if start == target:
            return True
        seen.add(start)
        start = parents.get(start)  # type: ignore[assignment]
    return False


class _Writer:
    """Creates rows inside the caller's transaction; makes missing units on first use."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.units = _units_by_fold(session)
        self.new_units: list[str] = []

    def unit(self, name: str, kind: UnitKind | None = None, parent: int | None = None) -> int:
        key = fold(name)
        if key not in self.units:
            row = UnitRow(
                name=name,
                kind=kind or parse_unit_kind("", name),
                parent_id=parent,
                sort_order=10**6 + len(self.new_units),
            )
            self.s.add(row)
            self.s.flush()
            self.units[key] = row.id
            self.new_units.append(row.name)
        return self.units[key]

    def people(self, records: Sequence[ParsedPerson]) -> int:
        self.s.add_all(
            PersonRow(
                full_name=r.full_name,
                gender=r.gender,
                kind=r.kind,
                unit_id=self.unit(r.unit_name),
                birth_date=r.birth_date,
                birth_year=r.birth_year,
                position=r.position,
                cccd=r.cccd,
                work_start=r.work_start,
            )
            for r in records
        )
        self.s.flush()
        return len(records)

    def units_from(self, records: Sequence[ParsedUnit]) -> int:
        # Two passes, so a parent listed below its children is the one from the list.
        made: list[tuple[UnitRow, str | None]] = []
        for r in records:
            if fold(r.name) in self.units:
                continue
            row = UnitRow(name=r.name, kind=r.kind, sort_order=10**6 + len(made))
            self.s.add(row)
            made.append((row, r.parent_name))
        self.s.flush()
        self.units.update({fold(row.name): row.id for row, _ in made})
        parents = {}
        for row, parent_name in made:
            if parent_name and fold(parent_name) != fold(row.name):
                parent = self.unit(parent_name)
                if not _reaches(parents, parent, row.id):
                    row.parent_id = parent
                    parents[row.id] = parent
        return len(made)

    def households(self, records: Sequence[ParsedHousehold]) -> tuple[int, int]:
        people_by_fold: dict[str, list[tuple]] = {}
        for pid, nf, by, uid in self.s.execute(
            select(PersonRow.id, PersonRow.name_fold, PersonRow.birth_year, PersonRow.unit_id)
        ):
            people_by_fold.setdefault(nf, []).append((pid, by, uid))
        made_people = 0
        for r in records:
            unit_id = self.unit(r.unit_name)
            head = _find_head(people_by_fold, r, unit_id)
            if head is None:
                gender = r.head_gender or guess_gender_from_name(r.head_name)
                person = PersonRow(
                    full_name=r.head_name,
                    gender=gender or Gender.MALE,
                    kind=PersonKind.NHAN_DAN,
                    unit_id=unit_id,
                    birth_date=r.head_birth_date,
                    birth_year=r.head_birth_year,
                    position="Chủ hộ",
                )
                self.s.add(person)
                self.s.flush()
                head = person.id
                people_by_fold.setdefault(fold(r.head_name), []).append(
                    (head, r.head_birth_year, unit_id)
                )
                made_people += 1
            self.s.add(HouseholdRow(head_id=head, address=r.address, unit_id=unit_id))
        self.s.flush()
        return len(records), made_people
