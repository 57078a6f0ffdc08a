"""The yearly cycle: plans, movements, phases, milestones, registrations, reviews, discipline
and leave periods, initiatives, advanced models, complaints; the unit of each person's grade.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_ONE_SUBJECT = (
    "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN unit_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN household_id IS NULL THEN 0 ELSE 1 END)"
)


def upgrade() -> None:
    op.create_table(
        "initiative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "sang_kien",
                "de_tai",
                name="initiativekind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "scope",
            sa.Enum(
                "co_so",
                "tinh",
                "toan_quoc",
                name="initiativescope",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("field", sa.String(length=500), server_default="", nullable=False),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.Column("applied_from", sa.Date(), nullable=True),
        sa.Column("doc_number", sa.String(length=60), server_default="", nullable=False),
        sa.Column("doc_date", sa.Date(), nullable=True),
        sa.Column("doc_issuer", sa.String(length=500), server_default="", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
    )
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_initiative_year"), ["year"], unique=False)

    op.create_table(
        "year_plan",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("theme", sa.String(length=500), server_default="", nullable=False),
        sa.Column("model_target", sa.Integer(), server_default="0", nullable=False),
        sa.Column("plan_number", sa.String(length=60), server_default="", nullable=False),
        sa.Column("plan_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_year_plan")),
    )
    op.create_table(
        "initiative_author",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("share", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_author_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_initiative_author_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("initiative_id", "person_id", name=op.f("pk_initiative_author")),
    )
    with op.batch_alter_table("initiative_author", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_initiative_author_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "movement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("theme", sa.String(length=500), server_default="", nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "thuong_xuyen",
                "theo_dot",
                "chuyen_de",
                name="movementkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "launcher",
            sa.Enum(
                "thu_tuong",
                "bo_nganh",
                "tinh",
                "huyen",
                "xa",
                "doan_the",
                name="launcher",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("launch_doc_type", sa.String(length=60), server_default="", nullable=False),
        sa.Column("launch_doc_number", sa.String(length=60), server_default="", nullable=False),
        sa.Column("launch_doc_date", sa.Date(), nullable=True),
        sa.Column("launch_doc_issuer", sa.String(length=500), server_default="", nullable=False),
        sa.Column("launch_doc_subject", sa.String(length=500), server_default="", nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("targets", sa.Text(), server_default="", nullable=False),
        sa.Column("responsible_id", sa.Integer(), nullable=True),
        sa.Column("copied_from_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_movement_period")),
        sa.ForeignKeyConstraint(
            ["copied_from_id"],
            ["movement.id"],
            name=op.f("fk_movement_copied_from_id_movement"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["responsible_id"],
            ["person.id"],
            name=op.f("fk_movement_responsible_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_movement")),
    )
    with op.batch_alter_table("movement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_movement_responsible_id"), ["responsible_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_movement_year"), ["year"], unique=False)

    op.create_table(
        "person_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "ky_luat",
                "thai_san",
                "nghi_dai_han",
                name="periodkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("form", sa.String(length=500), server_default="", nullable=False),
        sa.Column("document", sa.String(length=500), server_default="", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_person_period_period")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_period_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_period")),
    )
    with op.batch_alter_table("person_period", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_period_person_id"), ["person_id"], unique=False)

    op.create_table(
        "advanced_model",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "dang_xay_dung",
                "da_cong_nhan",
                "da_nhan_rong",
                "dung",
                name="modelstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("recognised_on", sa.Date(), nullable=True),
        sa.Column("movement_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "subject_kind",
            sa.Enum(
                "person",
                "unit",
                "household",
                name="subjectkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            _ONE_SUBJECT + " = 1",
            name=op.f("ck_advanced_model_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_advanced_model_household_id_household"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["movement.id"],
            name=op.f("fk_advanced_model_movement_id_movement"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_advanced_model_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_advanced_model_unit_id_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advanced_model")),
    )
    with op.batch_alter_table("advanced_model", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_advanced_model_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_advanced_model_movement_id"), ["movement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_advanced_model_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_advanced_model_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_advanced_model_year"), ["year"], unique=False)

    op.create_table(
        "complaint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "khieu_nai",
                "kien_nghi",
                "to_cao",
                "kiem_tra",
                "giam_sat",
                name="complaintkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("sender", sa.String(length=500), server_default="", nullable=False),
        sa.Column("content", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "subject_kind",
            sa.Enum(
                "person",
                "unit",
                "household",
                name="subjectkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("handling", sa.Text(), server_default="", nullable=False),
        sa.Column("result", sa.Text(), server_default="", nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("document", sa.String(length=500), server_default="", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            _ONE_SUBJECT + " <= 1",
            name=op.f("ck_complaint_one_subject"),
        ),
        sa.CheckConstraint(
            "closed_on IS NULL OR closed_on >= received_on", name=op.f("ck_complaint_closed")
        ),
        sa.CheckConstraint(
            "deadline IS NULL OR deadline >= received_on", name=op.f("ck_complaint_deadline")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_complaint_household_id_household"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_complaint_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_complaint_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint")),
    )
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_complaint_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_complaint_received_on"), ["received_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_complaint_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "movement_phase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movement_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("goals", sa.Text(), server_default="", nullable=False),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_movement_phase_period")),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["movement.id"],
            name=op.f("fk_movement_phase_movement_id_movement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_movement_phase")),
        sa.UniqueConstraint("movement_id", "number", name="uq_movement_phase_number"),
    )
    op.create_table(
        "movement_unit",
        sa.Column("movement_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["movement.id"],
            name=op.f("fk_movement_unit_movement_id_movement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_movement_unit_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("movement_id", "unit_id", name=op.f("pk_movement_unit")),
    )
    with op.batch_alter_table("movement_unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_movement_unit_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("movement_id", sa.Integer(), nullable=True),
        sa.Column("award_code", sa.String(length=40), server_default="", nullable=False),
        sa.Column("targets", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "chua_gui",
                "cho_duyet",
                "da_duyet",
                "tu_choi",
                name="registrationstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "subject_kind",
            sa.Enum(
                "person",
                "unit",
                "household",
                name="subjectkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "movement_id IS NOT NULL OR award_code <> ''", name=op.f("ck_registration_target")
        ),
        sa.CheckConstraint(
            _ONE_SUBJECT + " = 1",
            name=op.f("ck_registration_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_registration_household_id_household"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["movement.id"],
            name=op.f("fk_registration_movement_id_movement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_registration_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_registration_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration")),
    )
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_registration_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_registration_movement_id"), ["movement_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_registration_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_registration_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_registration_year"), ["year"], unique=False)

    op.create_table(
        "milestone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movement_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("origin_date", sa.Date(), nullable=False),
        sa.Column("anniversary_date", sa.Date(), nullable=False),
        sa.CheckConstraint("anniversary_date > origin_date", name=op.f("ck_milestone_order")),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["movement.id"],
            name=op.f("fk_milestone_movement_id_movement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["phase_id"],
            ["movement_phase.id"],
            name=op.f("fk_milestone_phase_id_movement_phase"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone")),
    )
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_milestone_movement_id"), ["movement_id"], unique=False)

    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movement_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "so_ket",
                "tong_ket",
                name="reviewkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("document", sa.String(length=500), server_default="", nullable=False),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["movement.id"],
            name=op.f("fk_review_movement_id_movement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["phase_id"],
            ["movement_phase.id"],
            name=op.f("fk_review_phase_id_movement_phase"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review")),
        sa.UniqueConstraint("movement_id", "phase_id", "kind", name="uq_review_key"),
    )
    op.create_table(
        "review_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column(
            "result",
            sa.Enum(
                "vuot",
                "dat",
                "chua_dat",
                name="reviewresult",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registration.id"],
            name=op.f("fk_review_result_registration_id_registration"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_review_result_review_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_result")),
        sa.UniqueConstraint("review_id", "registration_id", name="uq_review_result_key"),
    )
    with op.batch_alter_table("review_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_result_registration_id"), ["registration_id"], unique=False
        )

    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("in_unit_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_evaluation_in_unit_id"), ["in_unit_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_evaluation_in_unit_id_unit"),
            "unit",
            ["in_unit_id"],
            ["id"],
            ondelete="RESTRICT",
        )
    # Grades given before this version: the person's unit today is the best we know.
    op.execute(
        "UPDATE evaluation SET in_unit_id = "
        "(SELECT unit_id FROM person WHERE person.id = evaluation.person_id) "
        "WHERE person_id IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_evaluation_in_unit_id_unit"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_evaluation_in_unit_id"))
        batch_op.drop_column("in_unit_id")

    with op.batch_alter_table("review_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_result_registration_id"))

    op.drop_table("review_result")
    op.drop_table("review")
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestone_movement_id"))

    op.drop_table("milestone")
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registration_year"))
        batch_op.drop_index(batch_op.f("ix_registration_unit_id"))
        batch_op.drop_index(batch_op.f("ix_registration_person_id"))
        batch_op.drop_index(batch_op.f("ix_registration_movement_id"))
        batch_op.drop_index(batch_op.f("ix_registration_household_id"))

    op.drop_table("registration")
    with op.batch_alter_table("movement_unit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_movement_unit_unit_id"))

    op.drop_table("movement_unit")
    op.drop_table("movement_phase")
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_unit_id"))
        batch_op.drop_index(batch_op.f("ix_complaint_received_on"))
        batch_op.drop_index(batch_op.f("ix_complaint_person_id"))
        batch_op.drop_index(batch_op.f("ix_complaint_household_id"))

    op.drop_table("complaint")
    with op.batch_alter_table("advanced_model", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advanced_model_year"))
        batch_op.drop_index(batch_op.f("ix_advanced_model_unit_id"))
        batch_op.drop_index(batch_op.f("ix_advanced_model_person_id"))
        batch_op.drop_index(batch_op.f("ix_advanced_model_movement_id"))
        batch_op.drop_index(batch_op.f("ix_advanced_model_household_id"))

    op.drop_table("advanced_model")
    with op.batch_alter_table("person_period", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_period_person_id"))

    op.drop_table("person_period")
    with op.batch_alter_table("movement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_movement_year"))
        batch_op.drop_index(batch_op.f("ix_movement_responsible_id"))

    op.drop_table("movement")
    with op.batch_alter_table("initiative_author", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_author_person_id"))

    op.drop_table("initiative_author")
    op.drop_table("year_plan")
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_year"))

    op.drop_table("initiative")
