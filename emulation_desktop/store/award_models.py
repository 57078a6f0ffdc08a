"""Tables of the award workflow: nomination rounds and their items, dossier papers, the council
and its meetings (attendance, tally), the document register, decisions and proposals upward.

A round moves through the steps of `domain.workflow`; every step is written to the audit log.
Decisions are never edited once issued: a correcting decision revokes awards and issues new ones,
so the register and the subjects' histories keep what really happened.
"""

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
    Integer,
    String,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from emulation_desktop.store.models import Base
from emulation_desktop.store.subject_columns import _ONE_SUBJECT, _Subject, long_str
from emulation_desktop.store.types import (
    council_role,
    created_at,
    decision_kind,
    doc_type,
    dossier_kind,
    intpk,
    long_text,
    name_str,
    nomination_source,
    nomination_status,
    proposal_status,
    round_kind,
    round_status,
    sign_variant,
    text_str,
)


class NominationRoundRow(Base):
    """Đợt xét khen thưởng: a year-end round, a movement's phase, a thematic or sudden one,
    Gia đình văn hóa or thôn, tổ dân phố văn hóa."""

    __tablename__ = "nomination_round"

    id: Mapped[intpk]
    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[round_kind]
    name: Mapped[str] = mapped_column(long_str)
    movement_id: Mapped[int | None] = mapped_column(
        ForeignKey("movement.id", ondelete="SET NULL"), index=True
    )
    phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("movement_phase.id", ondelete="SET NULL")
    )
    status: Mapped[round_status]
    period: Mapped[text_str]  # achievement period printed in the list: "năm 2026"
    received_on: Mapped[dt.date | None] = mapped_column(Date)  # dossier received: rule version
    needs_notice: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    notice_start: Mapped[dt.date | None] = mapped_column(Date)
    notice_days: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    notice_document: Mapped[text_str]  # "Thông báo số 12/TB-UBND ngày 01/12/2026"
    notice_override: Mapped[long_text]  # why the round was decided before the notice ended
    note: Mapped[long_text]
    created_at: Mapped[created_at]


class NominationRow(_Subject, Base):
    """One line of a round's list: subject, award, achievement period and summary."""

    __tablename__ = "nomination"
    __table_args__ = (CheckConstraint(f"{_ONE_SUBJECT} = 1", name="one_subject"),)

    id: Mapped[intpk]
    round_id: Mapped[int] = mapped_column(
        ForeignKey("nomination_round.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    award_code: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)  # achievement year the eligibility check reads
    period: Mapped[text_str]
    achievement: Mapped[long_text]
    proposing_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="SET NULL")
    )
    source: Mapped[nomination_source]
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registration.id", ondelete="SET NULL")
    )
    status: Mapped[nomination_status]
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="RESTRICT"), index=True
    )
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposal.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[long_text]


class DossierItemRow(Base):
    """A paper of the dossier, for the round (nomination_id NULL) or one nomination, with an
    optional file kept in the managed attachments folder (which backups include)."""

    __tablename__ = "dossier_item"

    id: Mapped[intpk]
    round_id: Mapped[int] = mapped_column(
        ForeignKey("nomination_round.id", ondelete="CASCADE"), index=True
    )
    nomination_id: Mapped[int | None] = mapped_column(
        ForeignKey("nomination.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[dossier_kind]
    title: Mapped[text_str]
    done: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    file_name: Mapped[text_str]  # as the user chose it
    stored_path: Mapped[text_str]  # POSIX path inside the attachments folder
    sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    size: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    note: Mapped[long_text]
    updated_at: Mapped[created_at]


class CouncilRow(Base):
    """The council's composition as set by a decision (thành lập / kiện toàn), valid from a date
    until the next composition starts."""

    __tablename__ = "council"

    id: Mapped[intpk]
    valid_from: Mapped[dt.date] = mapped_column(Date, unique=True)
    decision_text: Mapped[text_str]  # "Quyết định số 15/QĐ-UBND ngày 10/7/2025"
    note: Mapped[long_text]


class CouncilMemberRow(Base):
    __tablename__ = "council_member"

    id: Mapped[intpk]
    council_id: Mapped[int] = mapped_column(
        ForeignKey("council.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    name: Mapped[name_str]
    title: Mapped[text_str]  # chức vụ: "Chủ tịch UBND xã"
    role: Mapped[council_role]
    voting: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))


class MeetingRow(Base):
    """The council meeting of a round; `minutes` is frozen when the meeting is closed."""

    __tablename__ = "meeting"

    id: Mapped[intpk]
    round_id: Mapped[int] = mapped_column(
        ForeignKey("nomination_round.id", ondelete="CASCADE"), unique=True
    )
    council_id: Mapped[int] = mapped_column(ForeignKey("council.id", ondelete="RESTRICT"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    starts_at: Mapped[dt.time | None] = mapped_column(Time)  # printed in the invitation
    place: Mapped[text_str]
    chair_id: Mapped[int | None] = mapped_column(
        ForeignKey("council_member.id", ondelete="RESTRICT")
    )
    secretary_id: Mapped[int | None] = mapped_column(
        ForeignKey("council_member.id", ondelete="RESTRICT")
    )
    ballots_issued: Mapped[int | None] = mapped_column(Integer)
    ballots_valid: Mapped[int | None] = mapped_column(Integer)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    minutes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[long_text]


class AttendanceRow(Base):
    __tablename__ = "meeting_attendance"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("council_member.id", ondelete="RESTRICT"), primary_key=True
    )
    present: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[text_str]  # "vắng có lý do: đi công tác"


class TallyRow(Base):
    """Votes for one nomination at a meeting; `passed` is the final result, `computed` the
    threshold's; an override or a tie decided by the council carries its reason."""

    __tablename__ = "tally"
    __table_args__ = (
        UniqueConstraint("meeting_id", "nomination_id", name="uq_tally_key"),
        CheckConstraint("votes_for >= 0", name="votes"),
    )

    id: Mapped[intpk]
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    nomination_id: Mapped[int] = mapped_column(
        ForeignKey("nomination.id", ondelete="CASCADE"), index=True
    )
    votes_for: Mapped[int] = mapped_column(Integer)
    computed: Mapped[bool] = mapped_column(Boolean)
    passed: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[long_text]


class DocRegisterRow(Base):
    """Sổ văn bản: one number of one series (QĐ, TTr, TB…) in one year; numbers start at 1
    every year. Entries made outside the program are typed in so the numbering matches the
    office's book."""

    __tablename__ = "doc_register"
    __table_args__ = (
        UniqueConstraint("year", "series", "number", name="uq_doc_register_number"),
        CheckConstraint("number > 0", name="number"),
    )

    id: Mapped[intpk]
    year: Mapped[int] = mapped_column(Integer)
    series: Mapped[doc_type]
    number: Mapped[int] = mapped_column(Integer)
    symbol: Mapped[str] = mapped_column(String(40))  # "QĐ-UBND"
    issued_on: Mapped[dt.date] = mapped_column(Date)
    summary: Mapped[long_text]  # trích yếu
    external: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[created_at]


class DecisionRow(Base):
    """A decision: the commune's own (with its register entry) or a higher level's, recorded so
    the subjects' histories are complete. Issued decisions are never edited."""

    __tablename__ = "decision"

    id: Mapped[intpk]
    kind: Mapped[decision_kind]
    register_id: Mapped[int | None] = mapped_column(
        ForeignKey("doc_register.id", ondelete="RESTRICT"), unique=True
    )
    number: Mapped[str] = mapped_column(String(60))  # "05/QĐ-UBND", as printed
    issued_on: Mapped[dt.date] = mapped_column(Date, index=True)
    issuer: Mapped[text_str]  # "Chủ tịch UBND xã Cát Thành", "Chủ tịch UBND tỉnh Ninh Bình"
    summary: Mapped[long_text]  # trích yếu: "Về việc tặng Giấy khen …"
    round_id: Mapped[int | None] = mapped_column(
        ForeignKey("nomination_round.id", ondelete="SET NULL"), index=True
    )
    signer_name: Mapped[text_str]
    signer_title: Mapped[text_str]  # "PHÓ CHỦ TỊCH"
    sign_variant: Mapped[sign_variant]
    bases: Mapped[list[str]] = mapped_column(JSON, default=list)  # Căn cứ lines
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"))
    correction_reason: Mapped[long_text]
    created_at: Mapped[created_at]


class ProposalRow(Base):
    """Tờ trình đề nghị cấp trên khen thưởng: the round's nominations beyond the commune's
    authority; exported as a package and later answered by the higher level's decision."""

    __tablename__ = "proposal"

    id: Mapped[intpk]
    round_id: Mapped[int] = mapped_column(
        ForeignKey("nomination_round.id", ondelete="RESTRICT"), index=True
    )
    register_id: Mapped[int | None] = mapped_column(
        ForeignKey("doc_register.id", ondelete="RESTRICT"), unique=True
    )
    number: Mapped[str] = mapped_column(String(60))  # "12/TTr-UBND"
    issued_on: Mapped[dt.date] = mapped_column(Date)
    recipient: Mapped[text_str]  # Kính gửi: "Chủ tịch UBND tỉnh …"
    signer_name: Mapped[text_str]
    signer_title: Mapped[text_str]
    sign_variant: Mapped[sign_variant]
    status: Mapped[proposal_status]
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    exported_to: Mapped[text_str]
    note: Mapped[long_text]
    created_at: Mapped[created_at]
