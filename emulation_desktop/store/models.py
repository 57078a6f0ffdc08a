"""Typed ORM models. Rows never leave `services/`: they are turned into domain dataclasses there."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from emulation_desktop.domain.enums import (
    AwardKind,
    CommuneKind,
    Gender,
    Grade,
    PersonKind,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.text import fold, name_sort_text, nfc, text_sort_text
from emulation_desktop.store.types import (
    award_kind,
    commune_kind,
    created_at,
    fold_str,
    gender,
    grade,
    intpk,
    name_str,
    person_kind,
    sort_str,
    subject_kind,
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
    """A person who can be awarded. `sort_key` holds the Vietnamese name order as a string."""

    __tablename__ = "person"
    # One index per sortable column, each ending in the name order, so a sorted page of 100,000
    # people is an index walk with LIMIT/OFFSET instead of a full sort.
    __table_args__ = (
        Index("ix_person_sort", "sort_key"),
        Index("ix_person_birth_sort", "birth_year", "sort_key"),
        Index("ix_person_unit_sort", "unit_id", "sort_key"),
        Index("ix_person_kind_sort", "kind", "sort_key"),
        Index("ix_person_gender_sort", "gender", "sort_key"),
        Index("ix_person_position_sort", "position_key", "sort_key"),
    )

    id: Mapped[intpk]
    full_name: Mapped[name_str]
    name_fold: Mapped[fold_str]
    sort_key: Mapped[sort_str]
    gender: Mapped[gender]
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[text_str]
    position_key: Mapped[sort_str]
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    kind: Mapped[person_kind]
    cccd: Mapped[str | None] = mapped_column(String(12), unique=True)
    # Ngày bắt đầu công tác (ngày tuyển dụng), staff only: the months worked in a year count
    # from it (LĐTT needs 10).
    work_start: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    created_at: Mapped[created_at]

    unit: Mapped[UnitRow] = relationship()

    @validates("full_name")
    def _normalise_name(self, _key: str, value: str) -> str:
        value = nfc(value)
        self.name_fold = fold(value)
        self.sort_key = name_sort_text(value)
        return value

    @validates("position")
    def _normalise_position(self, _key: str, value: str) -> str:
        value = nfc(value)
        self.position_key = text_sort_text(value)
        return value


class HouseholdRow(Base):
    """A household (hộ gia đình), represented by its head."""

    __tablename__ = "household"

    id: Mapped[intpk]
    head_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    address: Mapped[text_str]
    address_fold: Mapped[text_str]
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    created_at: Mapped[created_at]

    head: Mapped[PersonRow] = relationship()

    @validates("address")
    def _normalise_address(self, _key: str, value: str) -> str:
        value = nfc(value)
        self.address_fold = fold(value)
        return value


class AwardRow(Base):
    """An award given to a person, a collective or a household: the subject's history.

    The name and decision are kept as given, so history reads right even when the catalog
    changes later; eligibility rules ("liên tục", "one achievement, one award") read it.
    """

    __tablename__ = "award"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN unit_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN household_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_subject",
        ),
        UniqueConstraint("register_year", "register_seq", name="uq_award_register"),
    )

    id: Mapped[intpk]
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
    award_code: Mapped[str] = mapped_column(String(40))
    award_name: Mapped[name_str]
    award_kind: Mapped[award_kind]
    year: Mapped[int] = mapped_column(Integer, index=True)
    decision_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    issuer: Mapped[text_str]
    register_number: Mapped[str] = mapped_column(String(40), default="", server_default="")
    note: Mapped[text_str]
    created_at: Mapped[created_at]
    # Set for awards of decisions kept in the program (the commune's own or a higher level's
    # recorded decision); `revoked_by_id`: a correcting decision replaced it (kept as history,
    # read by nobody's eligibility).
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="RESTRICT"), index=True
    )
    nomination_id: Mapped[int | None] = mapped_column(
        ForeignKey("nomination.id", ondelete="SET NULL"), index=True
    )
    achievement: Mapped[str] = mapped_column(Text, default="", server_default="")
    amount: Mapped[int | None] = mapped_column(Integer)  # đồng paid (Art. 49.4–49.6 applied)
    register_seq: Mapped[int | None] = mapped_column(Integer)  # số sổ within `register_year`
    register_year: Mapped[int | None] = mapped_column(Integer)
    revoked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="RESTRICT")
    )


class EvaluationRow(Base):
    """The yearly task-completion grade of a person or a collective."""

    __tablename__ = "evaluation"
    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (unit_id IS NULL)", name="one_subject"),
        UniqueConstraint("person_id", "year", name="uq_evaluation_person_year"),
        UniqueConstraint("unit_id", "year", name="uq_evaluation_unit_year"),
    )

    id: Mapped[intpk]
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    grade: Mapped[grade]
    note: Mapped[text_str]
    # The unit a person belonged to when graded, so a past year's lists stay right after a move.
    in_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )


class RuleSetRow(Base):
    """A version of the rules (the law as data), as the JSON of domain.rules.files."""

    __tablename__ = "rule_set"

    id: Mapped[intpk]
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[name_str]
    effective_from: Mapped[dt.date] = mapped_column(Date, unique=True)
    origin: Mapped[str] = mapped_column(String(20))  # shipped | local | imported
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class BaseSalaryRow(Base):
    """Mức lương cơ sở in force from a date (editable: a new decree is typed in by the officer)."""

    __tablename__ = "base_salary"

    id: Mapped[intpk]
    effective_from: Mapped[dt.date] = mapped_column(Date, unique=True)
    amount: Mapped[int] = mapped_column(Integer)
    basis: Mapped[str] = mapped_column(Text)  # JSON of the LegalBasis


class EligibilityOverrideRow(Base):
    """An officer's written decision against the computed verdict (printed in the minutes)."""

    __tablename__ = "eligibility_override"
    __table_args__ = (
        UniqueConstraint(
            "subject_kind", "subject_id", "award_code", "year", name="uq_eligibility_override_key"
        ),
    )

    id: Mapped[intpk]
    subject_kind: Mapped[subject_kind]
    subject_id: Mapped[int] = mapped_column(Integer)
    award_code: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    computed: Mapped[str] = mapped_column(String(20))  # the engine's verdict at that time
    verdict: Mapped[str] = mapped_column(String(20))  # the officer's
    reason: Mapped[str] = mapped_column(Text)
    by: Mapped[text_str]
    at: Mapped[created_at]


class BackupLogRow(Base):
    """Every backup written: the history screen and the USB reminder read it."""

    __tablename__ = "backup_log"

    id: Mapped[intpk]
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    path: Mapped[str] = mapped_column(String(1000))
    kind: Mapped[str] = mapped_column(String(20))  # usb | folder | auto | safety
    size: Mapped[int] = mapped_column(Integer)
    encrypted: Mapped[bool] = mapped_column(Boolean)


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


# The yearly cycle's tables live in their own module; importing it registers them on `Base`.
from emulation_desktop.store import award_models as _award_models  # noqa: E402,F401
from emulation_desktop.store import certificate_models as _certificate_models  # noqa: E402,F401
from emulation_desktop.store import cycle_models as _cycle_models  # noqa: E402,F401
from emulation_desktop.store import document_models as _document_models  # noqa: E402,F401

__all__ = [
    "AppStateRow",
    "AuditEntryRow",
    "AwardKind",
    "AwardRow",
    "BackupLogRow",
    "Base",
    "BaseSalaryRow",
    "CommuneKind",
    "CommuneProfileRow",
    "EligibilityOverrideRow",
    "EvaluationRow",
    "Gender",
    "Grade",
    "HouseholdRow",
    "PersonKind",
    "PersonRow",
    "RuleSetRow",
    "SubjectKind",
    "UnitKind",
    "UnitRow",
]
