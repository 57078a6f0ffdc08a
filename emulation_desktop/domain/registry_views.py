"""What the registry screens and exports show: list rows, queries, details and history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import (
    AwardKind,
    Gender,
    Grade,
    InitiativeKind,
    InitiativeScope,
    PersonKind,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.initiatives import document_text


def birth_text(birth_date: dt.date | None, birth_year: int | None) -> str:
    """dd/mm/yyyy, the year alone when only it is known, or nothing."""
    if birth_date:
        return day_text(birth_date)
    return str(birth_year) if birth_year else ""


@dataclass(frozen=True, slots=True)
class UnitNode:
    """A unit in tree order; `depth` and `path` let flat lists show where it sits."""

    id: int
    parent_id: int | None
    name: str
    kind: UnitKind
    active: bool
    depth: int
    path: str  # "Khối trường học › Trường Tiểu học Cát Thành"
    people: int  # active people directly in the unit
    households: int


@dataclass(frozen=True, slots=True)
class PersonItem:
    id: int
    full_name: str
    gender: Gender
    birth_date: dt.date | None
    birth_year: int | None
    position: str
    unit_id: int
    unit_name: str
    kind: PersonKind
    cccd: str
    active: bool
    work_start: dt.date | None = None  # ngày bắt đầu công tác (staff)

    @property
    def birth(self) -> str:
        return birth_text(self.birth_date, self.birth_year)


@dataclass(frozen=True, slots=True)
class HouseholdItem:
    id: int
    head_id: int
    head_name: str
    head_gender: Gender
    head_birth_year: int | None
    address: str
    unit_id: int
    unit_name: str
    active: bool


class PersonSort(StrEnum):
    NAME = "name"
    GENDER = "gender"
    BIRTH = "birth"
    POSITION = "position"
    UNIT = "unit"
    KIND = "kind"


class HouseholdSort(StrEnum):
    HEAD = "head"
    ADDRESS = "address"
    UNIT = "unit"


@dataclass(frozen=True, slots=True)
class PersonQuery:
    """Search and filters of the people list. `unit_id` includes the units below it."""

    text: str = ""
    unit_id: int | None = None
    kind: PersonKind | None = None
    gender: Gender | None = None
    active: bool | None = True  # None: both
    sort: PersonSort = PersonSort.NAME
    descending: bool = False


@dataclass(frozen=True, slots=True)
class HouseholdQuery:
    text: str = ""
    unit_id: int | None = None
    active: bool | None = True
    sort: HouseholdSort = HouseholdSort.HEAD
    descending: bool = False


@dataclass(frozen=True, slots=True)
class AwardRecord:
    """One line of a subject's award history."""

    id: int
    subject_kind: SubjectKind
    year: int
    name: str
    kind: AwardKind
    decision_number: str
    decision_date: dt.date | None
    issuer: str
    register_number: str
    note: str

    @property
    def decision(self) -> str:
        """'215/QĐ-UBND ngày 20/12/2024' as lists write it."""
        return document_text(self.decision_number, self.decision_date)


@dataclass(frozen=True, slots=True)
class EvaluationRecord:
    year: int
    grade: Grade
    note: str


@dataclass(frozen=True, slots=True)
class InitiativeRecord:
    """An initiative or scientific work the person authored, as their history lists it."""

    id: int
    year: int
    kind: InitiativeKind
    title: str
    scope: InitiativeScope
    doc_number: str
    doc_date: dt.date | None
    doc_issuer: str
    share: int | None  # this author's % contribution, when stated
    co_authors: tuple[str, ...] = ()

    @property
    def recognised(self) -> bool:
        return bool(self.doc_number) and self.doc_date is not None

    @property
    def document(self) -> str:
        """ "15/QĐ-UBND ngày 12/12/2025 của UBND xã Cát Thành", or "" before recognition."""
        if not self.recognised:
            return ""
        return document_text(self.doc_number, self.doc_date, self.doc_issuer)


@dataclass(frozen=True, slots=True)
class SubjectHistory:
    """Everything the detail panel shows under a subject, newest year first."""

    awards: tuple[AwardRecord, ...]
    evaluations: tuple[EvaluationRecord, ...]
    initiatives: tuple[InitiativeRecord, ...] = ()  # people only


@dataclass(frozen=True, slots=True)
class PersonDetail:
    person: PersonItem
    unit_path: str
    history: SubjectHistory
    heads_households: tuple[str, ...]  # addresses of the households this person heads


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """People who may be the same person, and why."""

    reason: str
    people: tuple[PersonItem, ...]
    award_counts: tuple[int, ...]  # awards of each person, same order
