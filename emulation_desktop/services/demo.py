"""The demo commune: a full, realistic data set so a newcomer sees a working app at once."""

from __future__ import annotations

from sqlalchemy import func, select

from emulation_desktop.domain.demo_data import generate_demo_commune
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.profile import write_profile
from emulation_desktop.services.registry_batch import BatchCounts, insert_registry_batch
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import AuditEntryRow, CommuneProfileRow, UnitRow

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
            counts = insert_registry_batch(s, demo.units, demo.people, demo.households)
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
