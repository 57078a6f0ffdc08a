"""Who can be awarded: units (a tree), people and households, as plain values, and their checks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from emulation_desktop.domain.enums import Gender, PersonKind, UnitKind
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.text import nfc, proper_name

MAX_NAME = 100
MAX_TEXT = 200
MAX_AGE = 120
WORK_AGE = 15  # the youngest age to start work (Bộ luật Lao động 2019: từ đủ 15 tuổi)
# Cán bộ, công chức, viên chức, người lao động: they have a work start and yearly grades.
STAFF_KINDS = frozenset(
    (PersonKind.CAN_BO, PersonKind.CONG_CHUC, PersonKind.VIEN_CHUC, PersonKind.NGUOI_LAO_DONG)
)
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-.][^\W\d_]+)*$")
_CCCD = re.compile(r"^\d{12}$")


# Batches (demo, Excel import) ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnitDraft:
    """A unit to create. `key` names it inside one batch so children can point at parents."""

    key: str
    name: str
    kind: UnitKind
    parent_key: str | None = None


@dataclass(frozen=True, slots=True)
class PersonDraft:
    full_name: str
    gender: Gender
    kind: PersonKind
    unit_key: str
    birth_year: int | None = None
    birth_date: dt.date | None = None  # when known; birth_year then equals birth_date.year
    position: str = ""
    cccd: str | None = None  # 12 digits
    work_start: dt.date | None = None  # staff only


@dataclass(frozen=True, slots=True)
class HouseholdDraft:
    head_index: int  # index of the head in the batch's people list
    address: str
    unit_key: str


# Forms: what the officer types, checked before anything is written ------------------------


@dataclass(frozen=True, slots=True)
class PersonInput:
    """A person as the edit form holds it (birth is a full date, a year alone, or unknown)."""

    full_name: str
    gender: Gender
    kind: PersonKind
    unit_id: int | None
    birth_date: dt.date | None = None
    birth_year: int | None = None
    position: str = ""
    cccd: str = ""
    work_start: dt.date | None = None  # ngày bắt đầu công tác; staff only


@dataclass(frozen=True, slots=True)
class UnitInput:
    name: str
    kind: UnitKind
    parent_id: int | None = None


@dataclass(frozen=True, slots=True)
class HouseholdInput:
    head_id: int | None
    address: str
    unit_id: int | None


def birth_error(birth_date: dt.date | None, birth_year: int | None, today: dt.date) -> str | None:
    """Why a birth date or year cannot be right, or None."""
    year = birth_date.year if birth_date else birth_year
    if year is None:
        return None
    if (birth_date and birth_date > today) or year > today.year:
        return "Ngày sinh không thể ở tương lai."
    if year < today.year - MAX_AGE:
        return f"Năm sinh {year} không hợp lý (quá {MAX_AGE} tuổi)."
    return None


def _birthday_at(birth: dt.date, age: int) -> dt.date:
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:  # born on 29/02
        return dt.date(birth.year + age, 3, 1)


def work_start_error(
    work_start: dt.date | None,
    kind: PersonKind,
    birth_date: dt.date | None,
    birth_year: int | None,
    today: dt.date,
) -> str | None:
    """Why a work start date cannot be right for this person, or None."""
    if work_start is None:
        return None
    if kind not in STAFF_KINDS:
        return "Chỉ ghi ngày bắt đầu công tác cho cán bộ, công chức, viên chức, người lao động."
    if work_start > today:
        return "Ngày bắt đầu công tác không thể ở tương lai."
    shown = f"{work_start:%d/%m/%Y}"
    too_young = (
        work_start < _birthday_at(birth_date, WORK_AGE)
        if birth_date is not None
        else birth_year is not None and work_start.year < birth_year + WORK_AGE
    )
    if too_young:
        born = f"{birth_date:%d/%m/%Y}" if birth_date else f"năm {birth_year}"
        return f"Ngày bắt đầu công tác {shown} là khi chưa đủ {WORK_AGE} tuổi (sinh {born})."
    if work_start.year < today.year - MAX_AGE:
        return f"Ngày bắt đầu công tác {shown} không hợp lý; hãy kiểm tra lại."
    return None


def validate_person(p: PersonInput, today: dt.date) -> PersonInput:
    """The input normalised (NFC, names in proper case), or ValidationError naming each field."""
    clean = replace(
        p,
        full_name=proper_name(p.full_name),
        position=nfc(p.position),
        cccd="".join(nfc(p.cccd).replace(".", "").split()),
        birth_year=p.birth_date.year if p.birth_date else p.birth_year,
    )
    errors: dict[str, str] = {}
    if not clean.full_name:
        errors["full_name"] = "Hãy nhập họ và tên."
    elif len(clean.full_name) > MAX_NAME:
        errors["full_name"] = f"Họ và tên dài quá {MAX_NAME} ký tự."
    elif not _NAME.match(clean.full_name):
        errors["full_name"] = "Họ và tên chỉ gồm chữ cái, không có chữ số hay ký hiệu."
    if msg := birth_error(clean.birth_date, clean.birth_year, today):
        errors["birth"] = msg
    elif msg := work_start_error(
        clean.work_start, clean.kind, clean.birth_date, clean.birth_year, today
    ):
        errors["work_start"] = msg
    if len(clean.position) > MAX_TEXT:
        errors["position"] = f"Chức vụ dài quá {MAX_TEXT} ký tự."
    if clean.unit_id is None:
        errors["unit_id"] = "Hãy chọn đơn vị."
    if clean.cccd and not _CCCD.match(clean.cccd):
        errors["cccd"] = "Số CCCD phải có đúng 12 chữ số (để trống nếu không có)."
    if errors:
        raise ValidationError(errors)
    return clean


def validate_unit(u: UnitInput) -> UnitInput:
    clean = replace(u, name=nfc(u.name))
    if not clean.name:
        raise ValidationError({"name": "Hãy nhập tên đơn vị."})
    if len(clean.name) > MAX_TEXT:
        raise ValidationError({"name": f"Tên đơn vị dài quá {MAX_TEXT} ký tự."})
    return clean


def validate_household(h: HouseholdInput) -> HouseholdInput:
    clean = replace(h, address=nfc(h.address))
    errors: dict[str, str] = {}
    if clean.head_id is None:
        errors["head_id"] = "Hãy chọn chủ hộ trong danh sách cá nhân."
    if len(clean.address) > MAX_TEXT:
        errors["address"] = f"Địa chỉ dài quá {MAX_TEXT} ký tự."
    if clean.unit_id is None:
        errors["unit_id"] = "Hãy chọn thôn, tổ dân phố."
    if errors:
        raise ValidationError(errors)
    return clean
