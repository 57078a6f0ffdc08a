"""Đăng ký thi đua: what a registration holds, the steps of its status, the report of a bulk
registration, and the titles a registration can be made to (the movements are
domain.movement_choices)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import AwardKind, RegistrationStatus, SubjectKind
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.rules.model import AwardType
from emulation_desktop.domain.subjects import SubjectKey, SubjectRef, subject_sort_key
from emulation_desktop.domain.text import nfc, nfc_lines, text_sort_text

# The movement filter's value for registrations to a yearly title without a movement (ids
# start at 1, so 0 names no row).
WITHOUT_MOVEMENT = 0
SHOWN_NAMES = 5
_S = RegistrationStatus


def join_names(names: Sequence[str], noun: str = "người", limit: int = SHOWN_NAMES) -> str:
    """ "Nguyễn Văn An, Lê Thị Hoa và 3 người khác" """
    shown = list(names[:limit])
    if len(names) > limit:
        return ", ".join(shown) + f" và {len(names) - limit} {noun} khác"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " và " + shown[-1]


# Titles a registration is made to ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TitleChoice:
    """A yearly title (danh hiệu thi đua) of the rules in force, for one kind of subject."""

    code: str
    name: str
    subject: SubjectKind


def award_problem(
    code: str, subject: SubjectRef, year: int, awards: Mapping[str, AwardType], no_rules: str = ""
) -> str | None:
    """Why `code` cannot be registered by `subject` in `year` (`awards`: that year's catalog,
    `no_rules`: why there is none), or None when it can."""
    if not code:
        return None
    if no_rules:
        return no_rules
    award = awards.get(code)
    if award is None:
        return f"Không có danh hiệu «{code}» trong bộ quy định áp dụng cho năm {year}."
    if award.kind is not AwardKind.TITLE:
        return (
            f"«{award.name}» là hình thức khen thưởng, không phải danh hiệu thi đua; chỉ đăng ký "
            "được danh hiệu thi đua."
        )
    if award.subject is not subject.kind:
        return (
            f"Danh hiệu «{award.name}» dành cho {award.subject.label.lower()}; «{subject.name}» "
            f"là {subject.kind.label.lower()}."
        )
    return None


def registered_to(code: str, awards: Mapping[str, AwardType], movement: str | None) -> str:
    """ "danh hiệu «Lao động tiên tiến» trong phong trào «…»" for duplicate messages."""
    title = f"danh hiệu «{awards[code].name if code in awards else code}»" if code else ""
    if movement is None:
        return f"{title} (không theo phong trào)"
    return f"{title} trong phong trào «{movement}»" if title else f"phong trào «{movement}»"


# One registration ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegistrationInput:
    """What the form holds. `subject` is (kind, id); `movement_id` None: a title only."""

    year: int
    subject: SubjectKey | None
    movement_id: int | None = None
    award_code: str = ""
    targets: str = ""
    status: RegistrationStatus = _S.DRAFT
    registered_on: dt.date | None = None
    note: str = ""


def validate_registration(data: RegistrationInput, *, new: bool = True) -> RegistrationInput:
    """The form's own checks (the service checks the subject, movement, title and duplicates)."""
    clean = replace(
        data,
        award_code=data.award_code.strip(),
        targets=nfc_lines(data.targets),
        note=nfc_lines(data.note),
    )
    errors: dict[str, str] = {}
    if clean.subject is None:
        errors["subject"] = "Hãy chọn cá nhân, tập thể hoặc hộ gia đình đăng ký."
    if clean.movement_id is None and not clean.award_code:
        errors["award_code"] = (
            "Hãy chọn phong trào thi đua hoặc danh hiệu thi đua (có thể chọn cả hai)."
        )
    _check_new(errors, clean.year, clean.status if new else None, clean.registered_on)
    if errors:
        raise ValidationError(errors)
    return clean


def _check_new(
    errors: dict[str, str], year: int, status: RegistrationStatus | None, day: dt.date | None
) -> None:
    """The status a new registration starts in (None: not a new one) and its date's year."""
    if status is not None and status not in (_S.DRAFT, _S.PENDING):
        errors["status"] = "Đăng ký mới chỉ ở trạng thái «Chưa gửi» hoặc «Chờ duyệt»."
    if day is not None and day.year not in (year - 1, year):
        errors["registered_on"] = f"Ngày đăng ký phải trong năm {year} (hoặc cuối năm {year - 1})."


# Status steps: Chưa gửi → Chờ duyệt → Đã duyệt / Từ chối; any of them back to Chưa gửi ----------

_ALLOWED: dict[RegistrationStatus, frozenset[RegistrationStatus]] = {
    _S.PENDING: frozenset({_S.DRAFT, _S.REJECTED}),  # gửi duyệt, or gửi lại sau khi bị từ chối
    _S.APPROVED: frozenset({_S.PENDING}),
    _S.REJECTED: frozenset({_S.PENDING}),
    _S.DRAFT: frozenset({_S.PENDING, _S.APPROVED, _S.REJECTED}),
}


def transition_problem(current: RegistrationStatus, target: RegistrationStatus) -> str | None:
    """Why `current` cannot become `target` (a clause to follow a subject), or None if it can.

    Staying in the same status is no change and no problem.
    """
    if current is target or current in _ALLOWED[target]:
        return None
    if current is _S.DRAFT:
        return "chưa gửi duyệt; hãy bấm «Gửi duyệt» trước"
    if current is _S.APPROVED:
        return "đã được duyệt; muốn thay đổi, hãy trả về «Chưa gửi» trước"
    return "đã bị từ chối; hãy gửi duyệt lại trước khi duyệt"


def refusal_message(
    target: RegistrationStatus, refused: Mapping[str, Sequence[str]], total: int
) -> str:
    """Why a status change of `total` rows was refused: {problem clause: subject names}."""
    if total == 1:
        problem, names = next(iter(refused.items()))
        return f"Đăng ký của «{names[0]}» {problem}."
    parts = [f"{len(names)} đăng ký {problem} ({join_names(names, 'đối tượng')})"
             for problem, names in refused.items()]  # fmt: skip
    return f"Chưa chuyển được sang «{target.label}»: {'; '.join(parts)}. Chưa thay đổi đăng ký nào."


def rejection_note(note: str, reason: str, day: dt.date) -> str:
    """The note with the reason appended, so earlier rejections stay readable."""
    line = f"Từ chối ngày {day_text(day)}: {nfc(reason)}"
    return f"{note}\n{line}" if note else line


# Views --------------------------------------------------------------------------------------


class RegistrationSort(StrEnum):
    SUBJECT = "subject"
    PLACE = "place"
    MOVEMENT = "movement"
    AWARD = "award"
    STATUS = "status"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class RegistrationQuery:
    """Filters of the list. `movement_id` WITHOUT_MOVEMENT: titles registered without one;
    `unit_id` covers the unit and the units below it."""

    year: int
    text: str = ""
    movement_id: int | None = None
    status: RegistrationStatus | None = None
    kind: SubjectKind | None = None
    unit_id: int | None = None
    sort: RegistrationSort = RegistrationSort.SUBJECT
    descending: bool = False


@dataclass(frozen=True, slots=True)
class RegistrationItem:
    id: int
    year: int
    subject: SubjectRef
    movement_id: int | None
    movement_name: str
    award_code: str
    award_name: str  # the title's name in the rules of the year ("" without a title)
    targets: str
    status: RegistrationStatus
    registered_on: dt.date | None
    decided_on: dt.date | None
    note: str
    results: int = 0  # review results recorded for it

    @property
    def target_text(self) -> str:
        """What was registered: the title, the movement, or both."""
        parts = [p for p in (self.award_name, self.movement_name) if p]
        return " – ".join(parts)


_STATUS_ORDER = {s: i for i, s in enumerate(RegistrationStatus)}


def sort_registrations(
    items: Sequence[RegistrationItem], sort: RegistrationSort, descending: bool = False
) -> list[RegistrationItem]:
    def key(r: RegistrationItem) -> tuple:
        by_subject = subject_sort_key(r.subject)
        return {
            RegistrationSort.SUBJECT: (by_subject,),
            RegistrationSort.PLACE: (text_sort_text(r.subject.place), by_subject),
            RegistrationSort.MOVEMENT: (text_sort_text(r.movement_name), by_subject),
            RegistrationSort.AWARD: (text_sort_text(r.award_name), by_subject),
            RegistrationSort.STATUS: (_STATUS_ORDER[r.status], by_subject),
            RegistrationSort.DATE: (r.registered_on or dt.date.min, by_subject),
        }[sort]

    return sorted(items, key=key, reverse=descending)


# Registering a whole unit -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnitRegistrationInput:
    """Every active person of a unit (and of the units below it with `include_subunits`) and,
    with `collectives`, the unit itself and each unit below it (not the folders of the tree)
    as collectives, to one movement and/or title."""

    year: int
    unit_id: int | None
    movement_id: int | None = None
    person_award: str = ""  # a person title, e.g. LDTT ("" : the movement only)
    people: bool = True
    collectives: bool = False
    unit_award: str = ""  # a collective title, e.g. TTLDTT
    include_subunits: bool = True
    targets: str = ""
    status: RegistrationStatus = _S.DRAFT
    registered_on: dt.date | None = None


def validate_unit_registration(data: UnitRegistrationInput) -> UnitRegistrationInput:
    clean = replace(
        data,
        person_award=data.person_award.strip(),
        unit_award=data.unit_award.strip(),
        targets=nfc_lines(data.targets),
    )
    errors: dict[str, str] = {}
    if clean.unit_id is None:
        errors["unit_id"] = "Hãy chọn đơn vị cần đăng ký."
    if not clean.people and not clean.collectives:
        errors["people"] = "Hãy chọn đăng ký cho các cá nhân, cho tập thể, hoặc cả hai."
    if clean.movement_id is None:
        if clean.people and not clean.person_award:
            errors["person_award"] = "Hãy chọn phong trào thi đua hoặc danh hiệu cho cá nhân."
        if clean.collectives and not clean.unit_award:
            errors["unit_award"] = "Hãy chọn phong trào thi đua hoặc danh hiệu cho tập thể."
    _check_new(errors, clean.year, clean.status, clean.registered_on)
    if errors:
        raise ValidationError(errors)
    return clean


@dataclass(frozen=True, slots=True)
class BulkResult:
    """What a bulk registration did (or, as a preview, would do)."""

    people: int
    collectives: int
    skipped_people: tuple[str, ...] = ()
    skipped_collectives: tuple[str, ...] = ()

    @property
    def added(self) -> int:
        return self.people + self.collectives

    @property
    def message(self) -> str:
        """ "Đã đăng ký 34 cá nhân; bỏ qua 3 người đã đăng ký trước (…)." """
        done = [f"{self.people} cá nhân"] if self.people else []
        if self.collectives:
            done.append(f"{self.collectives} tập thể")
        head = "Đã đăng ký " + " và ".join(done) if done else "Không có đăng ký mới nào"
        skipped = self.skipped_people + self.skipped_collectives
        if not skipped:
            return head + "."
        what = []
        if self.skipped_people:
            what.append(f"{len(self.skipped_people)} người")
        if self.skipped_collectives:
            what.append(f"{len(self.skipped_collectives)} tập thể")
        return (
            f"{head}; bỏ qua {' và '.join(what)} đã đăng ký trước "
            f"({join_names(skipped, 'đối tượng')})."
        )

    @property
    def preview(self) -> str:
        """ "Sẽ đăng ký 37 cá nhân và 1 tập thể; 3 người đã đăng ký trước sẽ được bỏ qua." """
        parts = [f"{self.people} cá nhân"] if self.people else []
        if self.collectives:
            parts.append(f"{self.collectives} tập thể")
        head = "Sẽ đăng ký " + " và ".join(parts) if parts else "Không có ai mới để đăng ký"
        skipped = len(self.skipped_people) + len(self.skipped_collectives)
        if skipped:
            return f"{head}; {skipped} đối tượng đã đăng ký trước sẽ được bỏ qua."
        return head + "."
