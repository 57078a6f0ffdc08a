"""Figures for the Tổng quan page and the status bar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from emulation_desktop.domain.enums import Gender, UnitKind
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.services.profile import PROFILE_ID, profile_from_row
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import (
    AppStateRow,
    CommuneProfileRow,
    HouseholdRow,
    PersonRow,
    UnitRow,
)

LAST_USB_BACKUP_KEY = "last_usb_backup_at"


@dataclass(frozen=True, slots=True)
class OverviewSummary:
    profile: CommuneProfile | None
    units: int  # real units, not the grouping folders of the tree
    residential_units: int
    people: int
    women: int
    households: int
    last_usb_backup: dt.datetime | None

    @property
    def is_empty(self) -> bool:
        return self.units == 0 and self.people == 0


class OverviewService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def summary(self) -> OverviewSummary:
        with self._db.session_scope() as s:
            units, residential = s.execute(
                select(
                    func.count(),
                    func.count().filter(UnitRow.kind == UnitKind.RESIDENTIAL),
                ).where(UnitRow.active.is_(True), UnitRow.kind != UnitKind.GROUP)
            ).one()
            people, women = s.execute(
                select(func.count(), func.count().filter(PersonRow.gender == Gender.FEMALE)).where(
                    PersonRow.active.is_(True)
                )
            ).one()
            households = s.scalar(
                select(func.count()).select_from(HouseholdRow).where(HouseholdRow.active.is_(True))
            )
            stamp = s.get(AppStateRow, LAST_USB_BACKUP_KEY)
            profile_row = s.get(CommuneProfileRow, PROFILE_ID)
            profile = profile_from_row(profile_row) if profile_row else None
        last = dt.datetime.fromisoformat(stamp.value) if stamp else None
        return OverviewSummary(profile, units, residential, people, women, households or 0, last)
