"""Turn the rows under a header into checked records and a list of problems, row by row.

The user fixes the spreadsheet, not the program: every problem names the Excel row number and
the column as they see them in Excel. A row with a problem is left out; the others can still
be imported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TypeVar

from emulation_desktop.domain.enums import Gender, PersonKind, UnitKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.import_fields import (
    FIELDS,
    ImportKind,
    column_letter,
    header_labels,
)
from emulation_desktop.domain.import_values import (
    clean_person_name,
    clean_text,
    gender_of_header,
    guess_gender_from_name,
    is_blank,
    parse_birth,
    parse_cccd,
    parse_gender,
    parse_person_kind,
    parse_unit_kind,
    parse_work_start,
)
from emulation_desktop.domain.legacy_text import detect_legacy, fix_legacy
from emulation_desktop.domain.registry import work_start_error
from emulation_desktop.domain.text import fold

__all__ = [
    "ENCODINGS",
    "ParseResult",
    "ParsedHousehold",
    "ParsedPerson",
    "ParsedUnit",
    "RowIssue",
    "parse_rows",
]

ENCODINGS = ("auto", "tcvn3", "vni", "none")
_NAME_LEN = 200  # units, positions: what the database column holds
_ADDRESS_LEN = 300
_DETECT_SAMPLE = 500  # distinct texts of a column looked at to tell its legacy font


@dataclass(frozen=True, slots=True)
class RowIssue:
    """A problem in one row: `row` is the Excel row number, `column` the header label or ""."""

    row: int
    column: str
    message: str


@dataclass(frozen=True, slots=True)
class ParsedPerson:
    row: int
    full_name: str
    gender: Gender
    birth_date: dt.date | None
    birth_year: int | None
    position: str
    unit_name: str
    kind: PersonKind
    cccd: str | None
    gender_guessed: bool = False  # no gender in the sheet: taken from "Thị"/"Văn" in the name
    work_start: dt.date | None = None  # ngày bắt đầu công tác (staff)


@dataclass(frozen=True, slots=True)
class ParsedUnit:
    row: int
    name: str
    kind: UnitKind
    parent_name: str | None


@dataclass(frozen=True, slots=True)
class ParsedHousehold:
    row: int
    head_name: str
    head_gender: Gender | None
    head_birth_year: int | None
    address: str
    unit_name: str
    head_birth_date: dt.date | None = None
    head_gender_guessed: bool = False


Record = ParsedPerson | ParsedUnit | ParsedHousehold


@dataclass(frozen=True, slots=True)
class ParseResult:
    """Valid records and all problems of the rows below the header.

    `total_rows` = records + invalid rows + `skipped_blank` + `skipped_other` (header repeats,
    section headings, "Tổng cộng" lines, signature lines, the "(1) (2) (3)" line). A row is
    blank when every mapped cell is empty (a running number alone carries no record).
    """

    kind: ImportKind
    records: tuple[Record, ...]
    issues: tuple[RowIssue, ...]
    total_rows: int
    skipped_blank: int
    legacy: dict[str, str]  # column label → "tcvn3" / "vni" for columns converted to Unicode
    skipped_other: int = 0

    @property
    def invalid_rows(self) -> tuple[int, ...]:
        """Excel row numbers that have at least one problem, in order."""
        return tuple(sorted({i.row for i in self.issues}))


# Fields whose text may be typed in a legacy font; numbers and dates read the same in any.
_TEXT_FIELDS = {
    ImportKind.PEOPLE: ("full_name", "gender", "position", "unit", "kind"),
    ImportKind.UNITS: ("name", "kind", "parent"),
    ImportKind.HOUSEHOLDS: ("head_name", "head_gender", "address", "unit"),
}
# First words of the lines around a table that are not records (lowercase, as typed).
_NOT_RECORD_STARTS = (
    "tổng cộng",
    "tổng số",
    "tổng:",
    "cộng:",
    "cộng :",
    "tong cong",
    "người lập",
    "nguoi lap",
    "ấn định danh sách",
    "danh sách này có",
    "danh sách có",
    "xác nhận của",
    "tm.",
    "t/m",
    "kt.",
    "k/t",
    "(ký",
)
_NOT_RECORD_WORDS = {"tổng", "cộng", "tổng cộng", "tong", "cong"}
_COLUMN_NUMBER = re.compile(r"\(?(\d{1,2})\)?")
# Sections of a list are numbered I, II, … or A, B, …; people are numbered 1, 2, …
_SECTION_NUMBER = re.compile(r"(?:[IVXL]+|[A-Z])[.)]?")
_SECTION_TITLE = re.compile(r"(?:[IVXL]+|[A-Z])[.)]\s")

_FAILED = object()
_T = TypeVar("_T")


class _Row:
    """Parsing context of one row: its values by field key and the problems found so far."""

    __slots__ = ("issues", "labels", "number", "values")

    def __init__(self, number: int, values: dict[str, object], labels: Mapping[str, str]):
        self.number = number
        self.values = values
        self.labels = labels
        self.issues: list[RowIssue] = []

    def blank(self, key: str) -> bool:
        return is_blank(self.values.get(key))

    def problem(self, key: str, message: str) -> None:
        self.issues.append(RowIssue(self.number, self.labels.get(key, ""), message))

    def take(self, key: str, parse: Callable[..., _T], *args: object, **kw: object) -> _T:
        """`parse(value, ...)`, or `_FAILED` after noting its ValueError as a problem."""
        try:
            return parse(self.values.get(key), *args, **kw)
        except ValueError as e:
            self.problem(key, str(e))
            return _FAILED  # type: ignore[return-value]


def parse_rows(
    kind: ImportKind,
    rows: Sequence[Sequence[object]],
    header_row: int,
    mapping: Mapping[str, int],
    *,
    encoding: str = "auto",
    today: dt.date,
) -> ParseResult:
    """Check every row under `header_row`, with `mapping` (field key → column index).

    `encoding` "auto" converts each text column typed in TCVN3 or VNI (detected on the whole
    column: a short name alone is too little to tell); "tcvn3"/"vni" force it, "none" never.
    Raises UserError when a required field has no column.
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown encoding {encoding!r}")
    fields = {f.key: f for f in FIELDS[kind]}
    unknown = set(mapping) - set(fields)
    if unknown or any(c < 0 for c in mapping.values()):
        raise ValueError(f"bad mapping for {kind}: {dict(mapping)!r}")
    missing = [f.label for f in FIELDS[kind] if f.required and f.key not in mapping]
    if missing:
        raise UserError("Chưa chọn cột cho " + ", ".join(f"«{m}»" for m in missing) + ".")

    data = rows[header_row + 1 :]
    all_labels = header_labels(rows, header_row) if rows else []
    labels = {
        key: all_labels[col] if col < len(all_labels) else f"Cột {column_letter(col)}"
        for key, col in mapping.items()
    }
    columns = {
        key: [r[col] if col < len(r) else None for r in data] for key, col in mapping.items()
    }
    legacy, sheet_encoding = _convert_legacy(kind, columns, mapping, labels, encoding)
    header_texts = _header_texts(rows, header_row, mapping, all_labels)
    parse_one = _PARSERS[kind]
    state = _State(labels, mapping)

    records: list[Record] = []
    issues: list[RowIssue] = []
    skipped_blank = skipped_other = 0
    keys = list(mapping)
    for i, raw in enumerate(data):
        values = {key: columns[key][i] for key in keys}
        if all(is_blank(v) for v in values.values()):
            skipped_blank += 1
            continue
        if _not_a_record(raw, values, header_texts, sheet_encoding):
            skipped_other += 1
            continue
        row = _Row(header_row + 2 + i, values, labels)  # data[0] is Excel row header_row + 2
        record = parse_one(row, state, today)
        if row.issues:
            issues.extend(row.issues)
        else:
            records.append(record)
    return ParseResult(
        kind=kind,
        records=tuple(records),
        issues=tuple(issues),
        total_rows=len(data),
        skipped_blank=skipped_blank,
        legacy=legacy,
        skipped_other=skipped_other,
    )


# --- legacy fonts, header repeats, totals ----------------------------------------------------


def _convert_legacy(
    kind: ImportKind,
    columns: dict[str, list[object]],
    mapping: Mapping[str, int],
    labels: Mapping[str, str],
    encoding: str,
) -> tuple[dict[str, str], str | None]:
    """Convert text columns in place; (label → encoding of converted columns, sheet encoding)."""
    converted: dict[str, str] = {}
    if encoding == "none":
        return converted, None
    done: dict[int, str | None] = {}  # one column mapped to two fields is converted once
    for key in _TEXT_FIELDS[kind]:
        if key not in columns:
            continue
        values = columns[key]
        col = mapping[key]
        if col not in done:
            done[col] = _detect(values) if encoding == "auto" else encoding
        enc = done[col]
        if enc is None:
            continue
        changed = False
        for i, v in enumerate(values):
            if isinstance(v, str):
                fixed = _fix(v, enc)
                changed = changed or fixed != v
                values[i] = fixed
        if changed:
            converted[labels[key]] = enc
    found = [e for e in done.values() if e]
    return converted, (found[0] if found else None)


@lru_cache(maxsize=4096)
def _fix(text: str, encoding: str) -> str:
    """`fix_legacy`, remembered: names of units, positions and kinds repeat down a column."""
    return fix_legacy(text, encoding=encoding)


def _detect(values: Sequence[object]) -> str | None:
    """The legacy encoding of a column, judged on its distinct texts (a sample is plenty)."""
    distinct = dict.fromkeys(v for v in values if isinstance(v, str) and not v.isascii())
    sample = list(distinct)[:_DETECT_SAMPLE]
    return detect_legacy("\n".join(sample)) if sample else None


def _casefold(s: str) -> str:
    return " ".join(s.casefold().split())


def _header_texts(
    rows: Sequence[Sequence[object]],
    header_row: int,
    mapping: Mapping[str, int],
    labels: Sequence[str],
) -> dict[str, set[str]]:
    """Per field, the header texts of its column (both rows of a two-row header, the label)."""
    texts: dict[str, set[str]] = {}
    for key, col in mapping.items():
        found = {_casefold(labels[col])} if col < len(labels) else set()
        for r in (header_row - 1, header_row):
            if 0 <= r < len(rows) and col < len(rows[r]) and isinstance(rows[r][col], str):
                found.add(_casefold(rows[r][col]))
        texts[key] = found
    return texts


def _not_a_record(
    raw: Sequence[object],
    values: Mapping[str, object],
    header_texts: Mapping[str, set[str]],
    sheet_encoding: str | None,
) -> bool:
    """A repeated header, a section heading ("I. Khối cơ quan"), a total, a signature line or
    the "(1) (2) (3)" line under a header."""
    filled = [(k, v) for k, v in values.items() if not is_blank(v)]
    repeats = sum(1 for k, v in filled if isinstance(v, str) and _casefold(v) in header_texts[k])
    if repeats and (repeats >= 2 or repeats == len(filled)):
        return True
    if _is_section_heading(raw, [v for _, v in filled]):
        return True
    texts = [v for v in raw if isinstance(v, str) and v.strip()][:2]
    if sheet_encoding and texts:
        texts = [_fix(t, sheet_encoding) for t in texts]
    for t in texts:
        low = _casefold(t)
        if low.startswith(_NOT_RECORD_STARTS) or low.rstrip(":. ") in _NOT_RECORD_WORDS:
            return True
    return _is_column_numbers(raw)


def _is_section_heading(raw: Sequence[object], filled: Sequence[object]) -> bool:
    if len(filled) >= 2:  # a heading merged across the table: the same text in every column
        return isinstance(filled[0], str) and all(v == filled[0] for v in filled)
    first = next((v for v in raw if not is_blank(v)), None)
    only = filled[0]
    return isinstance(only, str) and (
        (isinstance(first, str) and _SECTION_NUMBER.fullmatch(first.strip()) is not None)
        or _SECTION_TITLE.match(only) is not None
    )


def _is_column_numbers(raw: Sequence[object]) -> bool:
    numbers = []
    for v in raw:
        if is_blank(v):
            continue
        if isinstance(v, int) and not isinstance(v, bool):
            numbers.append(v)
        elif isinstance(v, str) and (m := _COLUMN_NUMBER.fullmatch(v.strip())):
            numbers.append(int(m.group(1)))
        else:
            return False
    return len(numbers) >= 3 and all(a < b for a, b in pairwise(numbers))


# --- one row of each kind --------------------------------------------------------------------


class _State:
    """What one row must know of the rows before it (duplicates) and of the columns."""

    def __init__(self, labels: Mapping[str, str], mapping: Mapping[str, int]) -> None:
        self.seen: dict[object, int] = {}
        # Columns that stand for one gender ("Nữ" with an "x" for every woman): where only one
        # gender has such a column, an empty cell in it means the other gender.
        marks: dict[Gender, str] = {}
        if "gender_male" in mapping:
            marks[Gender.MALE] = "gender_male"
        if "gender_female" in mapping:
            marks[Gender.FEMALE] = "gender_female"
        if "gender" in mapping and (g := gender_of_header(labels["gender"])) is not None:
            marks.setdefault(g, "gender")
        self.lone_mark: tuple[Gender, str] | None = (
            next(iter(marks.items())) if len(marks) == 1 else None
        )

    def first_row(self, key: object, row: int) -> int | None:
        """The earlier row with the same `key`, remembering this one if none."""
        first = self.seen.setdefault(key, row)
        return None if first == row else first


_MARK_HINTS = {"gender_male": "Nam", "gender_female": "Nữ"}


def _other(gender: Gender) -> Gender:
    return Gender.FEMALE if gender is Gender.MALE else Gender.MALE


def _person_gender(row: _Row, state: _State, from_birth: Gender | None) -> set[Gender]:
    """Every gender the row's cells tell: the gender columns and the birth column used."""
    found = {from_birth} if from_birth is not None else set()
    for key in ("gender", "gender_male", "gender_female"):
        if key in row.labels and not row.blank(key):
            g = row.take(key, parse_gender, _MARK_HINTS.get(key, row.labels[key]))
            if g is not _FAILED:
                found.add(g)
    if not found and state.lone_mark is not None and row.blank(state.lone_mark[1]):
        found.add(_other(state.lone_mark[0]))
    return found


def _birth(row: _Row, today: dt.date) -> tuple[dt.date | None, int | None, Gender | None]:
    """(date, year, gender told by the "Năm sinh – Nam/Nữ" column used) of a person."""
    male, female = not row.blank("birth_male"), not row.blank("birth_female")
    if male and female:
        row.problem("birth_female", "Năm sinh ghi ở cả cột Nam và cột Nữ: chỉ ghi ở một cột")
        return None, None, None
    key, gender = ("birth_male", Gender.MALE) if male else ("birth_female", Gender.FEMALE)
    if not (male or female):
        key, gender = "birth", None
    parsed = row.take(key, parse_birth, today=today)
    return (None, None, gender) if parsed is _FAILED else (*parsed, gender)


_GENDER_KEYS = ("gender", "gender_male", "gender_female", "birth_male", "birth_female")


def _gender_problem(row: _Row) -> bool:
    """Whether a gender column (or a Nam/Nữ birth column) of the row was already refused."""
    columns = {row.labels[k] for k in _GENDER_KEYS if k in row.labels}
    return any(i.column in columns for i in row.issues)


def _missing_gender(labels: Mapping[str, str]) -> str:
    if "gender" not in labels and ("birth_male" in labels or "birth_female" in labels):
        return "Thiếu giới tính: ghi năm sinh vào cột Nam hoặc cột Nữ"
    return "Thiếu giới tính: ghi Nam hoặc Nữ"


def _parse_person(row: _Row, state: _State, today: dt.date) -> ParsedPerson | None:
    name = row.take("full_name", clean_person_name)
    birth_date, birth_year, birth_gender = _birth(row, today)
    genders = _person_gender(row, state, birth_gender)
    guessed = False
    if len(genders) > 1:
        row.problem("gender", "Giới tính ghi khác nhau ở các cột: chỉ ghi Nam hoặc Nữ")
    elif not genders and not _gender_problem(row):
        g = guess_gender_from_name(name) if name is not _FAILED else None
        if g is None:
            row.problem("gender", _missing_gender(row.labels))
        genders, guessed = {g}, True
    position = row.take("position", clean_text, max_len=_NAME_LEN, field_label="Chức vụ")
    unit = row.take("unit", clean_text, max_len=_NAME_LEN, field_label="Đơn vị")
    if unit == "":
        row.problem("unit", "Thiếu đơn vị")
    kind = row.take("kind", parse_person_kind)
    work_start = row.take("work_start", parse_work_start)
    known = isinstance(work_start, dt.date) and isinstance(kind, PersonKind)
    if known and (msg := work_start_error(work_start, kind, birth_date, birth_year, today)):
        row.problem("work_start", msg.removesuffix("."))
    cccd = row.take("cccd", parse_cccd)
    if isinstance(cccd, str) and (first := state.first_row(("cccd", cccd), row.number)):
        row.problem("cccd", f"Số CCCD {cccd} trùng với dòng {first}")
    if row.issues:
        return None
    return ParsedPerson(
        row=row.number,
        full_name=name,
        gender=genders.pop(),
        birth_date=birth_date,
        birth_year=birth_year,
        position=position,
        unit_name=unit,
        kind=kind,
        cccd=cccd,
        gender_guessed=guessed,
        work_start=work_start,
    )


def _parse_unit(row: _Row, state: _State, today: dt.date) -> ParsedUnit | None:
    name = row.take("name", clean_text, max_len=_NAME_LEN, field_label="Tên đơn vị")
    if name == "":
        row.problem("name", "Thiếu tên đơn vị")
    kind = row.take("kind", parse_unit_kind, name if isinstance(name, str) else "")
    parent = row.take("parent", clean_text, max_len=_NAME_LEN, field_label="Trực thuộc")
    named = isinstance(name, str) and name != "" and isinstance(parent, str)
    if named and fold(parent) == fold(name):
        row.problem("parent", "Đơn vị không thể trực thuộc chính nó")
    if named and (first := state.first_row(("unit", fold(name), fold(parent)), row.number)):
        row.problem("name", f"Đơn vị «{name}» đã có ở dòng {first}")
    if row.issues:
        return None
    return ParsedUnit(row=row.number, name=name, kind=kind, parent_name=parent or None)


def _parse_household(row: _Row, state: _State, today: dt.date) -> ParsedHousehold | None:
    if row.blank("head_name"):
        row.problem("head_name", "Thiếu họ và tên chủ hộ")
        name = _FAILED
    else:
        name = row.take("head_name", clean_person_name)
    gender, guessed = None, False
    if not row.blank("head_gender"):
        gender = row.take("head_gender", parse_gender, row.labels.get("head_gender", ""))
    elif name is not _FAILED:
        gender = guess_gender_from_name(name)
        guessed = gender is not None
    birth = row.take("head_birth", parse_birth, today=today)
    address = row.take("address", clean_text, max_len=_ADDRESS_LEN, field_label="Địa chỉ")
    unit = row.take("unit", clean_text, max_len=_NAME_LEN, field_label="Thôn, tổ dân phố")
    if unit == "":
        row.problem("unit", "Thiếu thôn, tổ dân phố")
    if row.issues:
        return None
    return ParsedHousehold(
        row=row.number,
        head_name=name,
        head_gender=gender,
        head_birth_year=birth[1],
        address=address,
        unit_name=unit,
        head_birth_date=birth[0],
        head_gender_guessed=guessed,
    )


_PARSERS: dict[ImportKind, Callable[[_Row, _State, dt.date], Record | None]] = {
    ImportKind.PEOPLE: _parse_person,
    ImportKind.UNITS: _parse_unit,
    ImportKind.HOUSEHOLDS: _parse_household,
}
