"""Advanced models (điển hình tiên tiến) and how they were publicised, counted against the
target of the year's plan."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.advanced_models import (
    ModelInput,
    ModelItem,
    ModelProgress,
    validate_model,
)
from emulation_desktop.domain.enums import Channel, ModelStatus
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.text import fold, nfc, text_sort_text
from emulation_desktop.services.movement_choices import chosen_movement
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.subjects import (
    require_subject,
    row_subject_key,
    set_subject,
    subject_refs,
)
from emulation_desktop.store.cycle_models import AdvancedModelRow, MovementRow, YearPlanRow
from emulation_desktop.store.db import Database

COUNTED = [s for s in ModelStatus if s.counts]


def model_progress(s: Session, year: int, target: int) -> ModelProgress:
    """The year's models that count (recognised or replicated) and those still being built."""
    counted, building = s.execute(
        select(
            func.count().filter(AdvancedModelRow.status.in_(COUNTED)),
            func.count().filter(AdvancedModelRow.status == ModelStatus.BUILDING),
        ).where(AdvancedModelRow.year == year)
    ).one()
    return ModelProgress(counted, target, building)


class AdvancedModelService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # Reading ----------------------------------------------------------------------------------

    def models(
        self, year: int, text: str = "", status: ModelStatus | None = None
    ) -> list[ModelItem]:
        """The year's models, by name; `text` matches the name, the subject or the description
        (accents ignored)."""
        with self._db.session_scope() as s:
            stmt = (
                select(AdvancedModelRow, MovementRow.name)
                .outerjoin(MovementRow, MovementRow.id == AdvancedModelRow.movement_id)
                .where(AdvancedModelRow.year == year)
            )
            if status is not None:
                stmt = stmt.where(AdvancedModelRow.status == status)
            items = _items(s, s.execute(stmt).all())
        needle = fold(nfc(text))
        if needle:
            items = [m for m in items
                     if needle in fold(f"{m.name} {m.subject.label} {m.description}")]  # fmt: skip
        return sorted(items, key=lambda m: text_sort_text(m.name))

    def get(self, model_id: int) -> ModelItem | None:
        with self._db.session_scope() as s:
            found = s.execute(
                select(AdvancedModelRow, MovementRow.name)
                .outerjoin(MovementRow, MovementRow.id == AdvancedModelRow.movement_id)
                .where(AdvancedModelRow.id == model_id)
            ).all()
            items = _items(s, found)
        return items[0] if items else None

    def progress(self, year: int) -> ModelProgress:
        """Recognised or replicated models of `year` against the plan's `model_target`."""
        with self._db.session_scope() as s:
            plan = s.get(YearPlanRow, year)
            return model_progress(s, year, plan.model_target if plan else 0)

    # Writing ----------------------------------------------------------------------------------

    def create(self, data: ModelInput) -> int:
        clean = validate_model(data)
        with self._db.session_scope() as s:
            row = AdvancedModelRow(year=clean.year)
            label = _fill(s, row, clean)
            s.add(row)
            s.flush()
            audit(s, "create", "advanced_model", row.id, name=clean.name, subject=label)
            return row.id

    def update(self, model_id: int, data: ModelInput) -> None:
        clean = validate_model(data)
        with self._db.session_scope() as s:
            row = s.get(AdvancedModelRow, model_id)
            if row is None:
                raise UserError("Mô hình này không còn trong danh sách (có thể đã bị xóa).")
            _fill(s, row, clean)
            audit(s, "update", "advanced_model", row.id, name=clean.name)

    def delete(self, model_id: int) -> None:
        with self._db.session_scope() as s:
            row = s.get(AdvancedModelRow, model_id)
            if row is not None:
                audit(s, "delete", "advanced_model", row.id, name=row.name)
                s.delete(row)


def _fill(s: Session, row: AdvancedModelRow, clean: ModelInput) -> str:
    """Copy the checked input onto the row; the subject's label for the audit."""
    assert clean.subject is not None
    ref = require_subject(s, *clean.subject, field="subject")
    chosen_movement(s, clean.movement_id, clean.year)
    row.year, row.name, row.description = clean.year, clean.name, clean.description
    set_subject(row, clean.subject)
    row.channels = [c.value for c in clean.channels]
    row.status, row.recognised_on = clean.status, clean.recognised_on
    row.movement_id, row.note = clean.movement_id, clean.note
    return ref.label


def _items(
    s: Session, found: Sequence[Row[tuple[AdvancedModelRow, str | None]]]
) -> list[ModelItem]:
    keys = [row_subject_key(r) for r, _ in found]
    refs = subject_refs(s, keys)
    out = []
    for (r, movement), key in zip(found, keys, strict=True):
        if key not in refs:
            continue
        channels = tuple(c for c in Channel if c.value in set(r.channels or ()))
        out.append(ModelItem(
            r.id, r.year, r.name, refs[key], r.description, channels, r.status, r.recognised_on,
            r.movement_id, movement or "", r.note,
        ))  # fmt: skip
    return out
