"""Award history and yearly evaluations; the stored Vietnamese name order for fast sorted lists.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from emulation_desktop.domain.text import fold, name_sort_text, text_sort_text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SORT_INDEXES = (
    ("ix_person_sort", ["sort_key"]),
    ("ix_person_birth_sort", ["birth_year", "sort_key"]),
    ("ix_person_unit_sort", ["unit_id", "sort_key"]),
    ("ix_person_kind_sort", ["kind", "sort_key"]),
    ("ix_person_gender_sort", ["gender", "sort_key"]),
    ("ix_person_position_sort", ["position_key", "sort_key"]),
)


def _enum(name: str, values: list[str]) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    for column in ("sort_key", "position_key"):
        op.add_column(
            "person",
            sa.Column(column, sa.String(1000), server_default="", nullable=False),
        )
    op.add_column(
        "household", sa.Column("address_fold", sa.String(500), server_default="", nullable=False)
    )
    conn = op.get_bind()
    people = sa.table(
        "person",
        sa.column("id", sa.Integer),
        sa.column("full_name", sa.String),
        sa.column("position", sa.String),
        sa.column("sort_key", sa.String),
        sa.column("position_key", sa.String),
    )
    rows = conn.execute(sa.select(people.c.id, people.c.full_name, people.c.position)).all()
    if rows:
        conn.execute(
            people.update()
            .where(people.c.id == sa.bindparam("pid"))
            .values(sort_key=sa.bindparam("sk"), position_key=sa.bindparam("pk")),
            [
                {"pid": r.id, "sk": name_sort_text(r.full_name), "pk": text_sort_text(r.position)}
                for r in rows
            ],
        )
    homes = sa.table(
        "household",
        sa.column("id", sa.Integer),
        sa.column("address", sa.String),
        sa.column("address_fold", sa.String),
    )
    home_rows = conn.execute(sa.select(homes.c.id, homes.c.address)).all()
    if home_rows:
        conn.execute(
            homes.update()
            .where(homes.c.id == sa.bindparam("hid"))
            .values(address_fold=sa.bindparam("af")),
            [{"hid": r.id, "af": fold(r.address)} for r in home_rows],
        )
    # The composite indexes below lead with these columns, so the single ones are redundant.
    op.drop_index("ix_person_unit_id", table_name="person")
    op.drop_index("ix_person_birth_year", table_name="person")
    for name, columns in _SORT_INDEXES:
        op.create_index(name, "person", columns)

    op.create_table(
        "award",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "subject_kind", _enum("subjectkind", ["person", "unit", "household"]), nullable=False
        ),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("award_code", sa.String(40), nullable=False),
        sa.Column("award_name", sa.String(200), nullable=False),
        sa.Column("award_kind", _enum("awardkind", ["title", "form"]), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("decision_number", sa.String(60), server_default="", nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("issuer", sa.String(500), server_default="", nullable=False),
        sa.Column("register_number", sa.String(40), server_default="", nullable=False),
        sa.Column("note", sa.String(500), server_default="", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN unit_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN household_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_award_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_award_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_award_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_award_household_id_household"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award")),
    )
    for column in ("person_id", "unit_id", "household_id", "year"):
        op.create_index(op.f(f"ix_award_{column}"), "award", [column])

    op.create_table(
        "evaluation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("grade", _enum("grade", ["htxs", "htt", "ht", "kht"]), nullable=False),
        sa.Column("note", sa.String(500), server_default="", nullable=False),
        sa.CheckConstraint(
            "(person_id IS NULL) <> (unit_id IS NULL)", name=op.f("ck_evaluation_one_subject")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_evaluation_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_evaluation_unit_id_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation")),
        sa.UniqueConstraint("person_id", "year", name=op.f("uq_evaluation_person_year")),
        sa.UniqueConstraint("unit_id", "year", name=op.f("uq_evaluation_unit_year")),
    )


def downgrade() -> None:
    op.drop_table("evaluation")
    op.drop_table("award")
    for name, _columns in _SORT_INDEXES:
        op.drop_index(name, table_name="person")
    op.create_index("ix_person_birth_year", "person", ["birth_year"])
    op.create_index("ix_person_unit_id", "person", ["unit_id"])
    with op.batch_alter_table("household") as batch:
        batch.drop_column("address_fold")
    with op.batch_alter_table("person") as batch:
        batch.drop_column("position_key")
        batch.drop_column("sort_key")
