"""Discipline, maternity and other leave periods of people: the list, its changes, and the facts
the eligibility engine reads (`period_facts`, a few set queries for the whole commune)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import PeriodKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.periods import (
    PeriodInput,
    PeriodItem,
    first_overlap,
    span_text,
    validate_period,
)
from emulation_desktop.domain.rules.facts import Leave, Period, year_bounds
from emulation_desktop.domain.text import fold, name_sort_key
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.cycle_models import PersonPeriodRow
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import PersonRow, UnitRow

__all__ = ["PeriodFacts", "PeriodService", "period_facts"]

# person id → (disciplines, leaves) as domain.rules.facts.SubjectFacts holds them.
PeriodFacts = dict[int, tuple[tuple[Period, ...], tuple[Leave, ...]]]
_CHUNK = 500  # ids per IN (…): far below SQLite's limit on bound parameters


def period_facts(
    session: Session, year: int | None = None, person_ids: Collection[int] | None = None
) -> PeriodFacts:
    """Disciplines and leaves of every person (or of `person_ids`), for the engine.

    With `year`, periods starting after that year are left out: a check of 2025 must not see
    a discipline of 2027. Earlier periods stay, since consecutive-year titles look back.
    """
    query = select(
        PersonPeriodRow.person_id,
        PersonPeriodRow.kind,
        PersonPeriodRow.start_date,
        PersonPeriodRow.end_date,
    ).order_by(PersonPeriodRow.person_id, PersonPeriodRow.start_date)
    if year is not None:
        query = query.where(PersonPeriodRow.start_date <= dt.date(year, 12, 31))
    rows: list = []  # type: ignore[type-arg]
    if person_ids is None:
        rows = list(session.execute(query))
    else:
        ids = sorted(set(person_ids))
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            rows += session.execute(query.where(PersonPeriodRow.person_id.in_(chunk))).all()
    disciplines: dict[int, list[Period]] = defaultdict(list)
    leaves: dict[int, list[Leave]] = defaultdict(list)
    for pid, kind, start, end in rows:
        period = Period(start, end)
        if kind is PeriodKind.DISCIPLINE:
            disciplines[pid].append(period)
        else:
            leaves[pid].append(Leave(period, maternity=kind is PeriodKind.MATERNITY))
    return {
        pid: (tuple(disciplines.get(pid, ())), tuple(leaves.get(pid, ())))
        for pid in disciplines.keys() | leaves.keys()
    }


def _item_select() -> Select:  # type: ignore[type-arg]
    return (
        select(PersonPeriodRow, PersonRow.full_name, UnitRow.name)
        .join(PersonRow, PersonRow.id == PersonPeriodRow.person_id)
        .join(UnitRow, UnitRow.id == PersonRow.unit_id)
    )


def _item(row: PersonPeriodRow, name: str, unit: str) -> PeriodItem:
    return PeriodItem(row.id, row.person_id, name, unit, row.kind, row.start_date, row.end_date,
                      row.form, row.document, row.note)  # fmt: skip


class PeriodService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # Reading ----------------------------------------------------------------------------------

    def list_periods(
        self, year: int | None = None, kind: PeriodKind | None = None, text: str = ""
    ) -> list[PeriodItem]:
        """Periods sharing a day with `year` (all years when None), of `kind`, whose person's
        name holds every word of `text` (accents optional); by name, then start date."""
        query = _item_select()
        if year is not None:
            first, last = year_bounds(year)
            query = query.where(
                PersonPeriodRow.start_date <= last,
                or_(PersonPeriodRow.end_date.is_(None), PersonPeriodRow.end_date >= first),
            )
        if kind is not None:
            query = query.where(PersonPeriodRow.kind == kind)
        for word in fold(text).split():
            query = query.where(PersonRow.name_fold.contains(word, autoescape=True))
        with self._db.session_scope() as s:
            items = [_item(row, name, unit) for row, name, unit in s.execute(query)]
        return sorted(items, key=lambda p: (name_sort_key(p.person_name), p.start))

    def get(self, period_id: int) -> PeriodItem | None:
        with self._db.session_scope() as s:
            found = s.execute(_item_select().where(PersonPeriodRow.id == period_id)).first()
            return _item(*found) if found else None

    def for_people(self, person_ids: Collection[int]) -> dict[int, tuple[PeriodItem, ...]]:
        """Every period of these people, by person, oldest first (history views)."""
        out: dict[int, list[PeriodItem]] = defaultdict(list)
        ids = sorted(set(person_ids))
        with self._db.session_scope() as s:
            for i in range(0, len(ids), _CHUNK):
                query = _item_select().where(PersonPeriodRow.person_id.in_(ids[i : i + _CHUNK]))
                for row, name, unit in s.execute(query.order_by(PersonPeriodRow.start_date)):
                    out[row.person_id].append(_item(row, name, unit))
        return {pid: tuple(items) for pid, items in out.items()}

    # Writing ----------------------------------------------------------------------------------

    def create(self, data: PeriodInput) -> int:
        clean = validate_period(data)
        with self._db.session_scope() as s:
            name = self._check(s, clean, None)
            row = PersonPeriodRow(person_id=clean.person_id)
            self._fill(row, clean)
            s.add(row)
            s.flush()
            audit(s, "create", "person_period", row.id, person=name, kind=clean.kind.value,
                  span=span_text(row.start_date, row.end_date))  # fmt: skip
            return row.id

    def update(self, period_id: int, data: PeriodInput) -> None:
        clean = validate_period(data)
        with self._db.session_scope() as s:
            row = self._row(s, period_id)
            name = self._check(s, clean, period_id)
            before = span_text(row.start_date, row.end_date)
            row.person_id = clean.person_id  # type: ignore[assignment]
            self._fill(row, clean)
            audit(s, "update", "person_period", period_id, person=name, kind=clean.kind.value,
                  span=span_text(row.start_date, row.end_date), before=before)  # fmt: skip

    def delete(self, period_id: int) -> None:
        with self._db.session_scope() as s:
            row = self._row(s, period_id)
            name = s.scalar(select(PersonRow.full_name).where(PersonRow.id == row.person_id))
            audit(s, "delete", "person_period", period_id, person=name, kind=row.kind.value,
                  span=span_text(row.start_date, row.end_date))  # fmt: skip
            s.delete(row)

    # Internals --------------------------------------------------------------------------------

    @staticmethod
    def _row(s: Session, period_id: int) -> PersonPeriodRow:
        row = s.get(PersonPeriodRow, period_id)
        if row is None:
            raise UserError("Bản ghi này không còn (có thể vừa bị xóa); hãy tải lại danh sách.")
        return row

    @staticmethod
    def _check(s: Session, clean: PeriodInput, period_id: int | None) -> str:
        """The person's name; refuses a missing person and a period overlapping another of the
        same kind of the same person (two disciplines at once are one discipline typed twice)."""
        assert clean.person_id is not None and clean.start is not None
        name = s.scalar(select(PersonRow.full_name).where(PersonRow.id == clean.person_id))
        if name is None:
            raise ValidationError(
                {"person": "Cá nhân đã chọn không còn trong danh sách; hãy chọn lại."}
            )
        others = s.execute(
            select(PersonPeriodRow.start_date, PersonPeriodRow.end_date).where(
                PersonPeriodRow.person_id == clean.person_id,
                PersonPeriodRow.kind == clean.kind,
                PersonPeriodRow.id != (period_id or -1),
            )
        ).all()
        clash = first_overlap(clean.start, clean.end, [(a, b) for a, b in others])
        if clash is not None:
            raise ValidationError(
                {
                    "start": f"Trùng với thời gian {clean.kind.label.lower()} "
                    f"{span_text(*clash)} đã ghi của «{name}»; hãy sửa ngày hoặc sửa bản ghi "
                    "đã có."
                }
            )
        return name

    @staticmethod
    def _fill(row: PersonPeriodRow, clean: PeriodInput) -> None:
        row.kind = clean.kind
        row.start_date = clean.start  # type: ignore[assignment]
        row.end_date = clean.end
        row.form = clean.form
        row.document = clean.document
        row.note = clean.note
