"""Typed ORM models. Rows never leave `services/`: they are turned into domain dataclasses there."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from emulation_desktop.domain.enums import CommuneKind, Gender, PersonKind, UnitKind
from emulation_desktop.domain.text import fold, nfc
from emulation_desktop.store.types import (
    commune_kind,
    created_at,
    fold_str,
    gender,
    intpk,
    name_str,
    person_kind,
    text_str,
    unit_kind,
)

# Stable constraint names: Alembic's batch mode on SQLite must find them again.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every table."""

    metadata = MetaData(naming_convention=NAMING)


class CommuneProfileRow(Base):
    """The one row describing the commune (id is always 1)."""

    __tablename__ = "commune_profile"

    id: Mapped[intpk]
    kind: Mapped[commune_kind]
    name: Mapped[name_str]
    province: Mapped[name_str]
    place_name: Mapped[name_str]
    chairman: Mapped[name_str]
    vice_chairmen: Mapped[list[str]] = mapped_column(JSON, default=list)
    officer: Mapped[name_str]
    officer_title: Mapped[text_str]
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class UnitRow(Base):
    """A unit of the commune; `parent_id` builds the tree. Deactivated, never deleted."""

    __tablename__ = "unit"

    id: Mapped[intpk]
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    name: Mapped[name_str]
    name_fold: Mapped[fold_str]
    kind: Mapped[unit_kind]
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    sort_order: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[created_at]

    children: Mapped[list[UnitRow]] = relationship(back_populates="parent")
    parent: Mapped[UnitRow | None] = relationship(
        back_populates="children", remote_side="UnitRow.id"
    )

    @validates("name")
    def _normalise_name(self, _key: str, value: str) -> str:
        value = nfc(value)
        self.name_fold = fold(value)
        return value


class PersonRow(Base):
    """A person who can be awarded."""

    __tablename__ = "person"

    id: Mapped[intpk]
    full_name: Mapped[name_str]
    name_fold: Mapped[fold_str]
    gender: Mapped[gender]
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    birth_year: Mapped[int | None] = mapped_column(Integer, index=True)
    position: Mapped[text_str]
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[person_kind]
    cccd: Mapped[str | None] = mapped_column(String(12), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    created_at: Mapped[created_at]

    unit: Mapped[UnitRow] = relationship()

    @validates("full_name")
    def _normalise_name(self, _key: str, value: str) -> str:
        value = nfc(value)
        self.name_fold = fold(value)
        return value


class HouseholdRow(Base):
    """A household (hộ gia đình), represented by its head."""

    __tablename__ = "household"

    id: Mapped[intpk]
    head_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    address: Mapped[text_str]
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    created_at: Mapped[created_at]

    head: Mapped[PersonRow] = relationship()


class AuditEntryRow(Base):
    """Who changed what and when: merges, deletions and imports must be traceable."""

    __tablename__ = "audit_entry"

    id: Mapped[intpk]
    at: Mapped[created_at]
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class AppStateRow(Base):
    """Small facts about this database (e.g. the last backup to removable media)."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(500))


__all__ = [
    "AppStateRow",
    "AuditEntryRow",
    "Base",
    "CommuneKind",
    "CommuneProfileRow",
    "Gender",
    "HouseholdRow",
    "PersonKind",
    "PersonRow",
    "UnitKind",
    "UnitRow",
]
