"""Certificates: each kind's layout, each printer's offset, the sheets printed (and spoiled) and
the blanks (phôi) received.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def _blank() -> sa.Enum:
    return _enum("blankkind", "giay_khen", "giay_chung_nhan")


def upgrade() -> None:
    op.create_table(
        "certificate_layout",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_certificate_layout")),
    )
    op.create_table(
        "printer_calibration",
        sa.Column("printer", sa.String(length=200), nullable=False),
        sa.Column("dx_mm", sa.Float(), nullable=False),
        sa.Column("dy_mm", sa.Float(), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.PrimaryKeyConstraint("printer", name=op.f("pk_printer_calibration")),
    )
    op.create_table(
        "certificate_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("award_id", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("printer", sa.String(length=200), server_default="", nullable=False),
        sa.Column("mode", _enum("printmode", "full", "overlay"), nullable=False),
        sa.Column("blank", _blank(), nullable=False),
        sa.Column("spoiled", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("spoiled_at", sa.DateTime(), nullable=True),
        sa.Column("reason", sa.String(length=500), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["award_id"],
            ["award.id"],
            name=op.f("fk_certificate_print_award_id_award"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_print")),
    )
    with op.batch_alter_table("certificate_print") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_certificate_print_award_id"), ["award_id"], unique=False
        )
    op.create_table(
        "blank_receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("blank", _blank(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=500), server_default="", nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_blank_receipt_quantity")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blank_receipt")),
    )


def downgrade() -> None:
    op.drop_table("blank_receipt")
    with op.batch_alter_table("certificate_print") as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_print_award_id"))
    op.drop_table("certificate_print")
    op.drop_table("printer_calibration")
    op.drop_table("certificate_layout")
