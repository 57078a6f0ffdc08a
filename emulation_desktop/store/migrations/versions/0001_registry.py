"""Commune profile and the registry: units, people, households.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table(
        "commune_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("communekind", "xa", "phuong", "dac_khu"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("province", sa.String(200), nullable=False),
        sa.Column("place_name", sa.String(200), nullable=False),
        sa.Column("chairman", sa.String(200), nullable=False),
        sa.Column("vice_chairmen", sa.JSON(), nullable=False),
        sa.Column("officer", sa.String(200), nullable=False),
        sa.Column("officer_title", sa.String(500), server_default="", nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commune_profile")),
    )
    unit_kinds = (
        "group",
        "residential",
        "office",
        "school",
        "health",
        "front",
        "security",
        "enterprise",
    )
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_fold", sa.String(200), nullable=False),
        sa.Column("kind", _enum("unitkind", *unit_kinds), nullable=False),
        sa.Column("active", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("sort_order", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["unit.id"], name=op.f("fk_unit_parent_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
    )
    op.create_index(op.f("ix_unit_name_fold"), "unit", ["name_fold"])
    person_kinds = ("can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong", "nhan_dan")
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("name_fold", sa.String(200), nullable=False),
        sa.Column("gender", _enum("gender", "male", "female"), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("position", sa.String(500), server_default="", nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("personkind", *person_kinds), nullable=False),
        sa.Column("cccd", sa.String(12), nullable=True),
        sa.Column("active", sa.Boolean(), server_default="1", nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_person_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("cccd", name=op.f("uq_person_cccd")),
    )
    op.create_index(op.f("ix_person_name_fold"), "person", ["name_fold"])
    op.create_index(op.f("ix_person_birth_year"), "person", ["birth_year"])
    op.create_index(op.f("ix_person_unit_id"), "person", ["unit_id"])
    op.create_table(
        "household",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("head_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(500), server_default="", nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default="1", nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["head_id"],
            ["person.id"],
            name=op.f("fk_household_head_id_person"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_household_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
    )
    op.create_index(op.f("ix_household_head_id"), "household", ["head_id"])
    op.create_index(op.f("ix_household_unit_id"), "household", ["unit_id"])


def downgrade() -> None:
    op.drop_table("household")
    op.drop_table("person")
    op.drop_table("unit")
    op.drop_table("commune_profile")
