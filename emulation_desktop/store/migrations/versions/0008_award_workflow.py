"""The award workflow: nomination rounds and items, dossier papers, the council and its
meetings, the document register, decisions and proposals upward; awards gain their decision,
money, register number (số sổ) and the correcting decision that revoked them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_ONE_SUBJECT = (
    "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN unit_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN household_id IS NULL THEN 0 ELSE 1 END)"
)


def upgrade() -> None:
    op.create_table(
        "council",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("decision_text", sa.String(length=500), server_default="", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council")),
        sa.UniqueConstraint("valid_from", name=op.f("uq_council_valid_from")),
    )
    op.create_table(
        "doc_register",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "series",
            sa.Enum(
                "QD",
                "KH",
                "TTR",
                "BB",
                "BC",
                "TB",
                "GM",
                name="doctype",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("symbol", sa.String(length=40), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.Column("external", sa.Boolean(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("number > 0", name=op.f("ck_doc_register_number")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doc_register")),
        sa.UniqueConstraint("year", "series", "number", name="uq_doc_register_number"),
    )
    op.create_table(
        "council_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=500), server_default="", nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "chu_tich",
                "pho_thuong_truc",
                "pho_chu_tich",
                "uy_vien",
                "thu_ky",
                name="councilrole",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("voting", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["council_id"],
            ["council.id"],
            name=op.f("fk_council_member_council_id_council"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_council_member_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_member")),
    )
    with op.batch_alter_table("council_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_council_member_council_id"), ["council_id"], unique=False
        )

    op.create_table(
        "nomination_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "cuoi_nam",
                "phong_trao",
                "chuyen_de",
                "dot_xuat",
                "gia_dinh_vh",
                "thon_vh",
                name="roundkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("movement_id", sa.Integer(), nullable=True),
        sa.Column("phase_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "nhap",
                "trinh_hd",
                "da_xet",
                "da_qd",
                "da_trao",
                name="roundstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("period", sa.String(length=500), server_default="", nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("needs_notice", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("notice_start", sa.Date(), nullable=True),
        sa.Column("notice_days", sa.Integer(), server_default="10", nullable=False),
        sa.Column("notice_document", sa.String(length=500), server_default="", nullable=False),
        sa.Column("notice_override", sa.Text(), server_default="", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["movement.id"],
            name=op.f("fk_nomination_round_movement_id_movement"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["phase_id"],
            ["movement_phase.id"],
            name=op.f("fk_nomination_round_phase_id_movement_phase"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination_round")),
    )
    with op.batch_alter_table("nomination_round", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_nomination_round_movement_id"), ["movement_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_nomination_round_year"), ["year"], unique=False)

    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "khen_thuong",
                "dinh_chinh",
                "cap_tren",
                name="decisionkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("register_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issuer", sa.String(length=500), server_default="", nullable=False),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("signer_name", sa.String(length=500), server_default="", nullable=False),
        sa.Column("signer_title", sa.String(length=500), server_default="", nullable=False),
        sa.Column(
            "sign_variant",
            sa.Enum(
                "truc_tiep",
                "tm",
                "kt",
                "q",
                "tl",
                "tuq",
                name="signvariant",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("bases", sa.JSON(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("correction_reason", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["corrects_id"],
            ["decision.id"],
            name=op.f("fk_decision_corrects_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["register_id"],
            ["doc_register.id"],
            name=op.f("fk_decision_register_id_doc_register"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["nomination_round.id"],
            name=op.f("fk_decision_round_id_nomination_round"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
        sa.UniqueConstraint("register_id", name=op.f("uq_decision_register_id")),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decision_issued_on"), ["issued_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_decision_round_id"), ["round_id"], unique=False)

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=500), server_default="", nullable=False),
        sa.Column("chair_id", sa.Integer(), nullable=True),
        sa.Column("secretary_id", sa.Integer(), nullable=True),
        sa.Column("ballots_issued", sa.Integer(), nullable=True),
        sa.Column("ballots_valid", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("minutes", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["chair_id"],
            ["council_member.id"],
            name=op.f("fk_meeting_chair_id_council_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["council_id"],
            ["council.id"],
            name=op.f("fk_meeting_council_id_council"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["nomination_round.id"],
            name=op.f("fk_meeting_round_id_nomination_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["secretary_id"],
            ["council_member.id"],
            name=op.f("fk_meeting_secretary_id_council_member"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint("round_id", name=op.f("uq_meeting_round_id")),
    )
    op.create_table(
        "proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("recipient", sa.String(length=500), server_default="", nullable=False),
        sa.Column("signer_name", sa.String(length=500), server_default="", nullable=False),
        sa.Column("signer_title", sa.String(length=500), server_default="", nullable=False),
        sa.Column(
            "sign_variant",
            sa.Enum(
                "truc_tiep",
                "tm",
                "kt",
                "q",
                "tl",
                "tuq",
                name="signvariant",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "nhap",
                "da_gui",
                "da_co_kq",
                name="proposalstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("exported_to", sa.String(length=500), server_default="", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["register_id"],
            ["doc_register.id"],
            name=op.f("fk_proposal_register_id_doc_register"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["nomination_round.id"],
            name=op.f("fk_proposal_round_id_nomination_round"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal")),
        sa.UniqueConstraint("register_id", name=op.f("uq_proposal_register_id")),
    )
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proposal_round_id"), ["round_id"], unique=False)

    op.create_table(
        "meeting_attendance",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=500), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_attendance_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["council_member.id"],
            name=op.f("fk_meeting_attendance_member_id_council_member"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "member_id", name=op.f("pk_meeting_attendance")),
    )
    op.create_table(
        "nomination",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("award_code", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=500), server_default="", nullable=False),
        sa.Column("achievement", sa.Text(), server_default="", nullable=False),
        sa.Column("proposing_unit_id", sa.Integer(), nullable=True),
        sa.Column(
            "source",
            sa.Enum(
                "dang_ky",
                "xep_loai",
                "tung_doi_tuong",
                name="nominationsource",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("registration_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "de_nghi",
                "dat",
                "khong_dat",
                "da_qd",
                "trinh_tren",
                "da_khen",
                "tren_khong_khen",
                "rut",
                name="nominationstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("proposal_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
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
            f"{_ONE_SUBJECT} = 1",
            name=op.f("ck_nomination_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_nomination_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_nomination_household_id_household"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_nomination_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_nomination_proposal_id_proposal"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["proposing_unit_id"],
            ["unit.id"],
            name=op.f("fk_nomination_proposing_unit_id_unit"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registration.id"],
            name=op.f("fk_nomination_registration_id_registration"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["nomination_round.id"],
            name=op.f("fk_nomination_round_id_nomination_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_nomination_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination")),
    )
    with op.batch_alter_table("nomination", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_nomination_decision_id"), ["decision_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_nomination_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_nomination_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_nomination_proposal_id"), ["proposal_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_nomination_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_nomination_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "dossier_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "van_ban_de_nghi",
                "bao_cao_thanh_tich",
                "bien_ban",
                "sang_kien",
                "cong_khai",
                "khac",
                name="dossierkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=500), server_default="", nullable=False),
        sa.Column("done", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("file_name", sa.String(length=500), server_default="", nullable=False),
        sa.Column("stored_path", sa.String(length=500), server_default="", nullable=False),
        sa.Column("sha256", sa.String(length=64), server_default="", nullable=False),
        sa.Column("size", sa.Integer(), server_default="0", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_dossier_item_nomination_id_nomination"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["nomination_round.id"],
            name=op.f("fk_dossier_item_round_id_nomination_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_item")),
    )
    with op.batch_alter_table("dossier_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dossier_item_nomination_id"), ["nomination_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_dossier_item_round_id"), ["round_id"], unique=False)

    op.create_table(
        "tally",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=False),
        sa.Column("computed", sa.Boolean(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), server_default="", nullable=False),
        sa.CheckConstraint("votes_for >= 0", name=op.f("ck_tally_votes")),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_tally_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_tally_nomination_id_nomination"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tally")),
        sa.UniqueConstraint("meeting_id", "nomination_id", name="uq_tally_key"),
    )
    with op.batch_alter_table("tally", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tally_nomination_id"), ["nomination_id"], unique=False)

    with op.batch_alter_table("award", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decision_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("nomination_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("achievement", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("amount", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("register_seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("register_year", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("revoked_by_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_award_decision_id"), ["decision_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_award_nomination_id"), ["nomination_id"], unique=False)
        batch_op.create_unique_constraint("uq_award_register", ["register_year", "register_seq"])
        batch_op.create_foreign_key(
            batch_op.f("fk_award_decision_id_decision"),
            "decision",
            ["decision_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_award_revoked_by_id_decision"),
            "decision",
            ["revoked_by_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_award_nomination_id_nomination"),
            "nomination",
            ["nomination_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("award", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_award_nomination_id_nomination"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("fk_award_revoked_by_id_decision"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_award_decision_id_decision"), type_="foreignkey")
        batch_op.drop_constraint("uq_award_register", type_="unique")
        batch_op.drop_index(batch_op.f("ix_award_nomination_id"))
        batch_op.drop_index(batch_op.f("ix_award_decision_id"))
        batch_op.drop_column("revoked_by_id")
        batch_op.drop_column("register_year")
        batch_op.drop_column("register_seq")
        batch_op.drop_column("amount")
        batch_op.drop_column("achievement")
        batch_op.drop_column("nomination_id")
        batch_op.drop_column("decision_id")

    with op.batch_alter_table("tally", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tally_nomination_id"))

    op.drop_table("tally")
    with op.batch_alter_table("dossier_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossier_item_round_id"))
        batch_op.drop_index(batch_op.f("ix_dossier_item_nomination_id"))

    op.drop_table("dossier_item")
    with op.batch_alter_table("nomination", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_nomination_unit_id"))
        batch_op.drop_index(batch_op.f("ix_nomination_round_id"))
        batch_op.drop_index(batch_op.f("ix_nomination_proposal_id"))
        batch_op.drop_index(batch_op.f("ix_nomination_person_id"))
        batch_op.drop_index(batch_op.f("ix_nomination_household_id"))
        batch_op.drop_index(batch_op.f("ix_nomination_decision_id"))

    op.drop_table("nomination")
    op.drop_table("meeting_attendance")
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proposal_round_id"))

    op.drop_table("proposal")
    op.drop_table("meeting")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_round_id"))
        batch_op.drop_index(batch_op.f("ix_decision_issued_on"))

    op.drop_table("decision")
    with op.batch_alter_table("nomination_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_nomination_round_year"))
        batch_op.drop_index(batch_op.f("ix_nomination_round_movement_id"))

    op.drop_table("nomination_round")
    with op.batch_alter_table("council_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_council_member_council_id"))

    op.drop_table("council_member")
    op.drop_table("doc_register")
    op.drop_table("council")
