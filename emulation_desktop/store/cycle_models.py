"""Tables of the yearly cycle: plans, movements and their phases and milestones, registrations,
reviews, discipline and leave periods, initiatives, advanced models, complaints and inspections.

Subjects follow the award table's pattern: a kind plus one of three foreign keys, so a merge of
two people moves every row with a plain UPDATE and a deletion is refused while history exists.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.store.models import Base
from emulation_desktop.store.subject_columns import _ONE_SUBJECT, _Subject, long_str
from emulation_desktop.store.types import (
    complaint_kind,
    created_at,
    enum_column,
    initiative_kind,
    initiative_scope,
    intpk,
    launcher,
    long_text,
    model_status,
    movement_kind,
    period_kind,
    registration_status,
    review_kind,
    review_result,
    text_str,
)


class YearPlanRow(Base):
    """The commune's yearly plan (Kế hoạch thi đua): theme and the advanced-model target."""

    __tablename__ = "year_plan"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    theme: Mapped[str] = mapped_column(long_str, default="", server_default="")
    model_target: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    plan_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    plan_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[long_text]


class MovementRow(Base):
    """A phong trào thi đua run in one year (a multi-year movement is copied year to year)."""

    __tablename__ = "movement"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="period"),)

    id: Mapped[intpk]
    year: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(long_str)
    theme: Mapped[str] = mapped_column(long_str, default="", server_default="")
    kind: Mapped[movement_kind]
    launcher: Mapped[launcher]
    # The launching document, e.g. "Kế hoạch" "36/KH-UBND" 14/03/2024 "UBND huyện Trục Ninh".
    launch_doc_type: Mapped[str] = mapped_column(String(60), default="", server_default="")
    launch_doc_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    launch_doc_date: Mapped[dt.date | None] = mapped_column(Date)
    launch_doc_issuer: Mapped[text_str]
    launch_doc_subject: Mapped[str] = mapped_column(long_str, default="", server_default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    targets: Mapped[long_text]  # chỉ tiêu, tiêu chí: one per line
    responsible_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    copied_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("movement.id", ondelete="SET NULL")
    )
    note: Mapped[long_text]
    created_at: Mapped[created_at]

    phases: Mapped[list[MovementPhaseRow]] = relationship(
        back_populates="movement", cascade="all, delete-orphan", order_by="MovementPhaseRow.number"
    )
    milestones: Mapped[list[MilestoneRow]] = relationship(
        back_populates="movement",
        cascade="all, delete-orphan",
        order_by="MilestoneRow.anniversary_date",
    )


class MovementPhaseRow(Base):
    """Đợt thi đua: a numbered part of a movement with its own dates and goals."""

    __tablename__ = "movement_phase"
    __table_args__ = (
        UniqueConstraint("movement_id", "number", name="uq_movement_phase_number"),
        CheckConstraint("end_date >= start_date", name="period"),
    )

    id: Mapped[intpk]
    movement_id: Mapped[int] = mapped_column(ForeignKey("movement.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(long_str)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    goals: Mapped[long_text]

    movement: Mapped[MovementRow] = relationship(back_populates="phases")


class MilestoneRow(Base):
    """Mốc kỷ niệm: "70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)"."""

    __tablename__ = "milestone"
    __table_args__ = (CheckConstraint("anniversary_date > origin_date", name="order"),)

    id: Mapped[intpk]
    movement_id: Mapped[int] = mapped_column(
        ForeignKey("movement.id", ondelete="CASCADE"), index=True
    )
    phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("movement_phase.id", ondelete="SET NULL")
    )
    name: Mapped[str] = mapped_column(long_str)  # "Chiến thắng Điện Biên Phủ"
    origin_date: Mapped[dt.date] = mapped_column(Date)
    anniversary_date: Mapped[dt.date] = mapped_column(Date)

    movement: Mapped[MovementRow] = relationship(back_populates="milestones")


class MovementUnitRow(Base):
    """A unit taking part in a movement."""

    __tablename__ = "movement_unit"

    movement_id: Mapped[int] = mapped_column(
        ForeignKey("movement.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class RegistrationRow(_Subject, Base):
    """Đăng ký thi đua: to a movement, or to a yearly title (`award_code`), or both.

    Duplicates (same year, movement, title and subject) are refused by the service: SQLite
    unique constraints treat the NULLs of "no movement" as all different.
    """

    __tablename__ = "registration"
    __table_args__ = (
        CheckConstraint(f"{_ONE_SUBJECT} = 1", name="one_subject"),
        CheckConstraint("movement_id IS NOT NULL OR award_code <> ''", name="target"),
    )

    id: Mapped[intpk]
    year: Mapped[int] = mapped_column(Integer, index=True)
    movement_id: Mapped[int | None] = mapped_column(
        ForeignKey("movement.id", ondelete="CASCADE"), index=True
    )
    award_code: Mapped[str] = mapped_column(String(40), default="", server_default="")
    targets: Mapped[long_text]
    status: Mapped[registration_status]
    registered_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[long_text]
    created_at: Mapped[created_at]


class ReviewRow(Base):
    """Sơ kết or tổng kết of a movement, or of one of its phases (`phase_id`)."""

    __tablename__ = "review"
    __table_args__ = (UniqueConstraint("movement_id", "phase_id", "kind", name="uq_review_key"),)

    id: Mapped[intpk]
    movement_id: Mapped[int] = mapped_column(ForeignKey("movement.id", ondelete="CASCADE"))
    phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("movement_phase.id", ondelete="CASCADE")
    )
    kind: Mapped[review_kind]
    held_on: Mapped[dt.date] = mapped_column(Date)
    document: Mapped[text_str]  # "Báo cáo số 45/BC-UBND ngày 20/6/2024"
    summary: Mapped[long_text]


class ReviewResultRow(Base):
    """How one registered subject did at a review."""

    __tablename__ = "review_result"
    __table_args__ = (
        UniqueConstraint("review_id", "registration_id", name="uq_review_result_key"),
    )

    id: Mapped[intpk]
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"))
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registration.id", ondelete="CASCADE"), index=True
    )
    result: Mapped[review_result]
    note: Mapped[long_text]


class PersonPeriodRow(Base):
    """Discipline, maternity or other leave: dated facts the eligibility engine reads."""

    __tablename__ = "person_period"
    __table_args__ = (CheckConstraint("end_date IS NULL OR end_date >= start_date", name="period"),)

    id: Mapped[intpk]
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[period_kind]
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)  # NULL: still running
    form: Mapped[text_str]  # hình thức kỷ luật: Khiển trách, Cảnh cáo…
    document: Mapped[text_str]
    note: Mapped[long_text]


class InitiativeRow(Base):
    """Sáng kiến or đề tài khoa học with its recognition document."""

    __tablename__ = "initiative"

    id: Mapped[intpk]
    kind: Mapped[initiative_kind]
    title: Mapped[str] = mapped_column(long_str)
    year: Mapped[int] = mapped_column(Integer, index=True)  # year it was recognised
    scope: Mapped[initiative_scope]
    field: Mapped[text_str]  # lĩnh vực áp dụng
    summary: Mapped[long_text]
    applied_from: Mapped[dt.date | None] = mapped_column(Date)
    doc_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    doc_date: Mapped[dt.date | None] = mapped_column(Date)
    doc_issuer: Mapped[text_str]
    note: Mapped[long_text]
    created_at: Mapped[created_at]

    authors: Mapped[list[InitiativeAuthorRow]] = relationship(
        cascade="all, delete-orphan", order_by="InitiativeAuthorRow.position"
    )


class InitiativeAuthorRow(Base):
    __tablename__ = "initiative_author"

    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    share: Mapped[int | None] = mapped_column(Integer)  # % contribution, when stated


class AdvancedModelRow(_Subject, Base):
    """Điển hình tiên tiến: who, what, how it was publicised; recognised ones meet the target."""

    __tablename__ = "advanced_model"
    __table_args__ = (CheckConstraint(f"{_ONE_SUBJECT} = 1", name="one_subject"),)

    id: Mapped[intpk]
    year: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(long_str)  # "Mô hình «Tuyến phố văn minh» TDP số 3"
    description: Mapped[long_text]
    channels: Mapped[list[str]] = mapped_column(JSON, default=list)  # Channel codes
    status: Mapped[model_status]
    recognised_on: Mapped[dt.date | None] = mapped_column(Date)
    movement_id: Mapped[int | None] = mapped_column(
        ForeignKey("movement.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[long_text]
    created_at: Mapped[created_at]


class ComplaintRow(Base):
    """Register of complaints, petitions, denunciations, inspections and supervision on TĐKT.

    While `closed_on` is empty and a subject is named, that subject's nominations are paused
    (NĐ 152/2025 Điều 4).
    """

    __tablename__ = "complaint"
    __table_args__ = (
        CheckConstraint(f"{_ONE_SUBJECT} <= 1", name="one_subject"),
        CheckConstraint("closed_on IS NULL OR closed_on >= received_on", name="closed"),
        CheckConstraint("deadline IS NULL OR deadline >= received_on", name="deadline"),
    )

    id: Mapped[intpk]
    kind: Mapped[complaint_kind]
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    sender: Mapped[text_str]  # người gửi, or the inspecting body
    content: Mapped[long_text]
    subject_kind: Mapped[SubjectKind | None] = mapped_column(enum_column(SubjectKind))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="RESTRICT"), index=True
    )
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id", ondelete="RESTRICT"), index=True
    )
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    handling: Mapped[long_text]  # how it is being handled, by whom
    result: Mapped[long_text]
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    document: Mapped[text_str]
    created_at: Mapped[created_at]


__all__ = [
    "AdvancedModelRow",
    "ComplaintRow",
    "InitiativeAuthorRow",
    "InitiativeRow",
    "MilestoneRow",
    "MovementPhaseRow",
    "MovementRow",
    "MovementUnitRow",
    "PersonPeriodRow",
    "RegistrationRow",
    "ReviewResultRow",
    "ReviewRow",
    "YearPlanRow",
]
