"""The subject columns every award-like table shares: a kind plus one of three foreign keys."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.store.types import subject_kind

_ONE_SUBJECT = (
    "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN unit_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN household_id IS NULL THEN 0 ELSE 1 END)"
)
long_str = String(500)


class _Subject:
    """A person, a collective or a household, as award rows hold them."""

    subject_kind: Mapped[subject_kind]
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id", ondelete="RESTRICT"), index=True
    )

    @property
    def subject_id(self) -> int:
        value = {
            SubjectKind.PERSON: self.person_id,
            SubjectKind.UNIT: self.unit_id,
            SubjectKind.HOUSEHOLD: self.household_id,
        }[self.subject_kind]
        assert value is not None
        return value
