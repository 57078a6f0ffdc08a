"""Insert a batch of units, people and households in one session (demo now, Excel import later)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from emulation_desktop.domain.registry import HouseholdDraft, PersonDraft, UnitDraft
from emulation_desktop.store.models import HouseholdRow, PersonRow, UnitRow


@dataclass(frozen=True, slots=True)
class BatchCounts:
    units: int
    people: int
    households: int


@dataclass(frozen=True, slots=True)
class BatchIds:
    """Database ids of what a batch created, for rows that refer to them (history)."""

    unit_by_key: dict[str, int]
    people: tuple[int, ...]
    households: tuple[int, ...]

    @property
    def counts(self) -> BatchCounts:
        return BatchCounts(len(self.unit_by_key), len(self.people), len(self.households))


def insert_registry_batch(
    session: Session,
    units: Sequence[UnitDraft],
    people: Sequence[PersonDraft],
    households: Sequence[HouseholdDraft],
) -> BatchIds:
    """Add everything to `session` (the caller's transaction decides commit or rollback)."""
    unit_rows: dict[str, UnitRow] = {}
    for order, u in enumerate(units):
        row = UnitRow(name=u.name, kind=u.kind, sort_order=order)
        if u.parent_key is not None:
            row.parent = unit_rows[u.parent_key]
        unit_rows[u.key] = row
        session.add(row)
    person_rows = [
        PersonRow(
            full_name=p.full_name,
            gender=p.gender,
            kind=p.kind,
            unit=unit_rows[p.unit_key],
            birth_year=p.birth_date.year if p.birth_date else p.birth_year,
            birth_date=p.birth_date,
            position=p.position,
            cccd=p.cccd,
            work_start=p.work_start,
        )
        for p in people
    ]
    session.add_all(person_rows)
    session.flush()  # ids for households
    household_rows = [
        HouseholdRow(
            head_id=person_rows[h.head_index].id,
            address=h.address,
            unit_id=unit_rows[h.unit_key].id,
        )
        for h in households
    ]
    session.add_all(household_rows)
    session.flush()
    return BatchIds(
        unit_by_key={key: row.id for key, row in unit_rows.items()},
        people=tuple(r.id for r in person_rows),
        households=tuple(r.id for r in household_rows),
    )
