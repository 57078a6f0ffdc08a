"""The demo commune: a full, realistic data set so a newcomer sees a working app at once."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.demo_data import generate_demo_commune
from emulation_desktop.domain.demo_history import DemoHistory, generate_demo_history
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.profile import write_profile
from emulation_desktop.services.registry_batch import BatchCounts, BatchIds, insert_registry_batch
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import (
    AuditEntryRow,
    AwardRow,
    CommuneProfileRow,
    EvaluationRow,
    UnitRow,
)

DEFAULT_SEED = 2026


class DemoService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def load(self, seed: int = DEFAULT_SEED) -> BatchCounts:
        """Fill an empty database with the demo commune, all in one transaction.

        A database that already holds a commune is refused untouched: the demo must never mix
        with real data.
        """
        demo = generate_demo_commune(seed)
        with self._db.session_scope() as s:
            has_profile = s.scalar(select(func.count()).select_from(CommuneProfileRow))
            has_units = s.scalar(select(func.count()).select_from(UnitRow))
            if has_profile or has_units:
                raise UserError(
                    f"Cơ sở dữ liệu «{self._db.path.name}» đã có dữ liệu nên không nạp dữ liệu mẫu "
                    "(để không lẫn với dữ liệu thật). Hãy chọn một tệp cơ sở dữ liệu mới."
                )
            ids = insert_registry_batch(s, demo.units, demo.people, demo.households)
            _insert_history(s, generate_demo_history(demo, seed), ids)
            counts = ids.counts
            write_profile(s, demo.profile)
            s.add(
                AuditEntryRow(
                    action="demo",
                    entity="database",
                    entity_id=None,
                    detail={"seed": seed, "people": counts.people},
                )
            )
        return counts


def _insert_history(session: Session, history: DemoHistory, ids: BatchIds) -> None:
    def person(i: int | None) -> int | None:
        return None if i is None else ids.people[i]

    def unit(key: str | None) -> int | None:
        return None if key is None else ids.unit_by_key[key]

    session.add_all(
        EvaluationRow(
            person_id=person(e.person_index), unit_id=unit(e.unit_key), year=e.year, grade=e.grade
        )
        for e in history.evaluations
    )
    session.add_all(
        AwardRow(
            subject_kind=a.subject_kind,
            person_id=person(a.person_index),
            unit_id=unit(a.unit_key),
            household_id=None if a.household_index is None else ids.households[a.household_index],
            award_code=a.code,
            award_name=a.name,
            award_kind=a.kind,
            year=a.year,
            decision_number=a.decision_number,
            decision_date=a.decision_date,
            issuer=a.issuer,
            register_number=a.register_number,
            note=a.note,
        )
        for a in history.awards
    )
