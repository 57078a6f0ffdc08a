"""Yearly task-completion grades: what the grid shows, what a save carries, and how typed or
pasted text becomes a grade.

Officers write grades every way the forms around them do: "Hoàn thành tốt nhiệm vụ", "HTTNV",
"htt", "hoan thanh tot", or the digit of the column (1 = xuất sắc … 4 = không hoàn thành).
Every spelling is folded (no case, no accents, no punctuation) before it is compared.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from emulation_desktop.domain.enums import Grade, PersonKind, SubjectKind, UnitKind
from emulation_desktop.domain.text import fold

__all__ = [
    "GRADED_PERSON_KINDS",
    "GRADED_UNIT_KINDS",
    "GRADE_DIGITS",
    "GradeChange",
    "GradeGrid",
    "GradeSummary",
    "GridRow",
    "MissingGrades",
    "PastedGrades",
    "SaveResult",
    "parse_grade",
    "parse_pasted_grades",
    "split_pasted",
]

# Who is expected to have a grade each year (the "still missing" counts): staff, and the
# collectives the commune itself grades. Nhân dân and thôn/tổ dân phố are not graded this way.
GRADED_PERSON_KINDS = frozenset(PersonKind) - {PersonKind.NHAN_DAN}
GRADED_UNIT_KINDS = frozenset({UnitKind.OFFICE, UnitKind.SCHOOL, UnitKind.HEALTH, UnitKind.FRONT})

GRADE_DIGITS: Mapping[str, Grade] = {
    "1": Grade.EXCELLENT,
    "2": Grade.GOOD,
    "3": Grade.COMPLETED,
    "4": Grade.NOT_COMPLETED,
}
_SPELLINGS: dict[str, Grade] = {}
for _g in Grade:
    _SPELLINGS[_g.value] = _g  # htxs, htt, ht, kht
    _SPELLINGS[" ".join(fold(_g.label).split()[:-2])] = _g  # "hoan thanh tot"
_SPELLINGS.update(
    {
        "xuat sac": Grade.EXCELLENT,
        "hoan thanh xs": Grade.EXCELLENT,
        "tot": Grade.GOOD,
        "khong hoan thanh": Grade.NOT_COMPLETED,
        "chua hoan thanh": Grade.NOT_COMPLETED,
    }
)
# Single letters only where a person types into the grid, never in pasted or imported cells
# (a lone "x" in a spreadsheet is usually a tick mark, not a grade).
_LETTERS = {"x": Grade.EXCELLENT, "t": Grade.GOOD, "h": Grade.COMPLETED, "k": Grade.NOT_COMPLETED}
_TAIL = re.compile(r"(?:\s*(?:nhiem vu|nv))$")
_HINT = "1 hoặc HTXS, 2 hoặc HTT, 3 hoặc HT, 4 hoặc KHT"


def parse_grade(text: object, *, typed: bool = False) -> Grade | None:
    """The grade a cell or a typed text means; None when blank.

    `typed` also accepts the single first letters (x, t, h, k) a person types in the grid.
    Raises ValueError with a Vietnamese message naming the text.
    """
    if isinstance(text, Grade):
        return text
    raw = "" if text is None else str(text).strip()
    if isinstance(text, float) and text.is_integer():
        raw = str(int(text))  # Excel hands digits over as 2.0
    if not raw:
        return None
    words = " ".join(re.findall(r"[a-z0-9]+", fold(raw)))
    if words in GRADE_DIGITS:
        return GRADE_DIGITS[words]
    if typed and words in _LETTERS:
        return _LETTERS[words]
    for candidate in (words, _TAIL.sub("", words)):  # "HTTNV", "Hoàn thành tốt nhiệm vụ"
        if candidate in _SPELLINGS:
            return _SPELLINGS[candidate]
    shown = " ".join(raw.split())
    raise ValueError(f"«{shown}» không phải mức xếp loại; hãy dùng {_HINT}.")


def split_pasted(text: str) -> list[list[str]]:
    """Cells of text copied from Excel: tabs between cells, a line per row, quoted cells that
    hold their own line breaks. The line break Excel adds after the last row is dropped."""
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith(("\n", "\r")):
        text = text[:-1]
    if not text:
        return []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"')
    return [[cell.strip() for cell in row] or [""] for row in reader]


@dataclass(frozen=True, slots=True)
class PastedGrades:
    """Pasted cells read as grades (first column) and notes (second column, if any).

    `errors` name the pasted row (1 = the first row pasted) of every cell that is not a grade.
    """

    grades: tuple[Grade | None, ...]
    notes: tuple[str, ...] | None
    errors: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.grades)


def parse_pasted_grades(text: str, *, with_notes: bool = True) -> PastedGrades:
    """Pasted text as grades; a blank cell clears the grade, as pasting a blank does in Excel."""
    rows = split_pasted(text)
    grades: list[Grade | None] = []
    errors: list[str] = []
    for number, row in enumerate(rows, start=1):
        try:
            grades.append(parse_grade(row[0]))
        except ValueError as exc:
            grades.append(None)
            errors.append(f"Dòng {number}: {exc}")
    wide = with_notes and any(len(r) > 1 for r in rows)
    notes = tuple(r[1] if len(r) > 1 else "" for r in rows) if wide else None
    return PastedGrades(tuple(grades), notes, tuple(errors))


@dataclass(frozen=True, slots=True)
class GradeChange:
    """One grade to write for `year`: `grade=None` removes it; `note=None` keeps the note."""

    kind: SubjectKind
    id: int
    grade: Grade | str | None
    note: str | None = None

    @classmethod
    def person(
        cls, person_id: int, grade: Grade | str | None, note: str | None = None
    ) -> GradeChange:
        return cls(SubjectKind.PERSON, person_id, grade, note)

    @classmethod
    def unit(cls, unit_id: int, grade: Grade | str | None, note: str | None = None) -> GradeChange:
        return cls(SubjectKind.UNIT, unit_id, grade, note)

    @property
    def key(self) -> str:
        """ "person:12" / "unit:3": the field key of a refusal (ValidationError.field_errors)."""
        return row_key(self.kind, self.id)


def row_key(kind: SubjectKind, id_: int) -> str:
    return f"{kind.value}:{id_}"


@dataclass(frozen=True, slots=True)
class GridRow:
    """A line of the grid: a collective or a person, with this year's and last year's grade.

    `editable` is False for someone graded here this year who has since moved or stopped
    being followed: the grade is shown, but it is changed where the person is now.
    """

    kind: SubjectKind
    id: int
    name: str
    position: str
    kind_label: str  # "Tập thể", "Công chức", …
    unit_name: str
    grade: Grade | None
    note: str
    last_grade: Grade | None
    editable: bool = True
    remark: str = ""

    @property
    def key(self) -> str:
        return row_key(self.kind, self.id)

    @property
    def collective(self) -> bool:
        return self.kind is SubjectKind.UNIT


@dataclass(frozen=True, slots=True)
class GradeGrid:
    unit_id: int
    unit_name: str
    year: int
    include_below: bool
    rows: tuple[GridRow, ...]

    @property
    def people(self) -> int:
        return sum(not r.collective for r in self.rows)


@dataclass(frozen=True, slots=True)
class SaveResult:
    added: int = 0
    changed: int = 0
    removed: int = 0

    @property
    def total(self) -> int:
        return self.added + self.changed + self.removed

    @property
    def message(self) -> str:
        if not self.total:
            return "Không có thay đổi nào cần lưu."
        parts = [f"{n} {what}" for n, what in ((self.added, "mới"), (self.changed, "sửa"),
                                               (self.removed, "xóa")) if n]  # fmt: skip
        return f"Đã lưu xếp loại: {', '.join(parts)}."


@dataclass(frozen=True, slots=True)
class MissingGrades:
    """A unit whose staff (or the collective itself) still has no grade for the year."""

    unit_id: int
    unit_name: str  # the path: "Khối trường học › Trường THCS Cát Thành"
    people: int  # active staff without a grade
    staff: int  # active staff expected to be graded
    collective: bool  # the unit's own grade is missing


@dataclass(frozen=True, slots=True)
class GradeSummary:
    """Counts per grade in a year; `*_missing` count those expected but not graded yet."""

    year: int
    people: Mapping[Grade, int] = field(default_factory=dict)
    collectives: Mapping[Grade, int] = field(default_factory=dict)
    people_missing: int = 0
    collectives_missing: int = 0
