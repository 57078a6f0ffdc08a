"""Who can be awarded: units (a tree), people and households, as plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emulation_desktop.domain.enums import Gender, PersonKind, UnitKind


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


@dataclass(frozen=True, slots=True)
class HouseholdDraft:
    head_index: int  # index of the head in the batch's people list
    address: str
    unit_key: str
