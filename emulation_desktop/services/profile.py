"""Reading and saving the commune profile."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.profile import CommuneProfile, validate_profile
from emulation_desktop.spreadsheet.writer import Column, TableExport, write_xlsx
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import AuditEntryRow, CommuneProfileRow

PROFILE_ID = 1


def profile_from_row(row: CommuneProfileRow) -> CommuneProfile:
    return CommuneProfile(
        kind=row.kind,
        name=row.name,
        province=row.province,
        place_name=row.place_name,
        chairman=row.chairman,
        vice_chairmen=tuple(row.vice_chairmen or ()),
        officer=row.officer,
        officer_title=row.officer_title,
    )


def export_heading(
    profile: CommuneProfile | None, today: dt.date, filters: Iterable[str] = ()
) -> list[str]:
    """The lines under an exported list's title: the commune and the day, then the filters."""
    place = profile.display_name if profile else ""
    lines = [f"{place} – lập ngày {day_text(today)}".lstrip(" –")]
    if filters := list(filters):
        lines.append("Điều kiện lọc: " + "; ".join(filters) + ".")
    return lines


def write_list(
    db: Database,
    path: Path,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    today: dt.date,
    filters: Iterable[str] = (),
    sheet: str = "",
) -> int:
    """One list to .xlsx under `title` and the usual heading; the number of rows written."""
    lines = export_heading(ProfileService(db).get(), today, filters)
    table = TableExport(title, columns, rows, lines, sheet or title.title())
    return write_xlsx(Path(path), [table])


def write_profile(session: Session, profile: CommuneProfile) -> CommuneProfile:
    """Validate and upsert the profile inside the caller's transaction."""
    clean = validate_profile(profile)
    row = session.get(CommuneProfileRow, PROFILE_ID)
    action = "update" if row else "create"
    if row is None:
        row = CommuneProfileRow(id=PROFILE_ID)
        session.add(row)
    row.kind = clean.kind
    row.name = clean.name
    row.province = clean.province
    row.place_name = clean.place_name
    row.chairman = clean.chairman
    row.vice_chairmen = list(clean.vice_chairmen)
    row.officer = clean.officer
    row.officer_title = clean.officer_title
    session.add(
        AuditEntryRow(
            action=action,
            entity="commune_profile",
            entity_id=PROFILE_ID,
            detail={"name": clean.display_name},
        )
    )
    return clean


class ProfileService:
    """The commune profile; None until the first-start dialog or the demo has filled it."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> CommuneProfile | None:
        with self._db.session_scope() as s:
            row = s.get(CommuneProfileRow, PROFILE_ID)
            return profile_from_row(row) if row else None

    def save(self, profile: CommuneProfile) -> CommuneProfile:
        """Validate (ValidationError names each bad field, nothing written), then store."""
        with self._db.session_scope() as s:
            return write_profile(s, profile)

    def exists(self) -> bool:
        with self._db.session_scope() as s:
            return s.scalar(select(CommuneProfileRow.id).limit(1)) is not None
