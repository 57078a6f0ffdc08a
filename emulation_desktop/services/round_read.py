"""Reading rounds and their lists into the domain's views, in a few set queries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import NominationStatus, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.movements import phase_title
from emulation_desktop.domain.nominations import NominationItem, RoundItem
from emulation_desktop.domain.subjects import SubjectRef
from emulation_desktop.services.dossier import item_progress, progress
from emulation_desktop.services.subjects import row_subject_key, subject_refs
from emulation_desktop.store.award_models import MeetingRow, NominationRoundRow, NominationRow
from emulation_desktop.store.cycle_models import MovementPhaseRow, MovementRow
from emulation_desktop.store.models import UnitRow

GONE = "Đợt xét này không còn (có thể đã bị xóa); hãy tải lại danh sách (F5)."
ITEM_GONE = "Đề nghị này không còn trong danh sách (có thể đã bị xóa); hãy tải lại (F5)."


def round_row(s: Session, round_id: int) -> NominationRoundRow:
    row = s.get(NominationRoundRow, round_id)
    if row is None:
        raise UserError(GONE)
    return row


def has_meeting(s: Session, round_id: int) -> bool:
    return s.scalar(select(MeetingRow.id).where(MeetingRow.round_id == round_id)) is not None


def round_items(s: Session, rows: Sequence[NominationRoundRow]) -> list[RoundItem]:
    ids = [r.id for r in rows]
    if not ids:
        return []
    counts = dict(s.execute(
        select(NominationRow.round_id, func.count())
        .where(NominationRow.round_id.in_(ids),
               NominationRow.status != NominationStatus.WITHDRAWN)
        .group_by(NominationRow.round_id)).all())  # fmt: skip
    papers = progress(s, ids)
    meetings = set(s.scalars(select(MeetingRow.round_id).where(MeetingRow.round_id.in_(ids))))
    movement_ids = {r.movement_id for r in rows if r.movement_id is not None}
    movements = dict(s.execute(select(MovementRow.id, MovementRow.name).where(
        MovementRow.id.in_(movement_ids))).all()) if movement_ids else {}  # fmt: skip
    phase_ids = {r.phase_id for r in rows if r.phase_id is not None}
    phases = {pid: phase_title(n, name) for pid, n, name in s.execute(
        select(MovementPhaseRow.id, MovementPhaseRow.number, MovementPhaseRow.name).where(
            MovementPhaseRow.id.in_(phase_ids)))} if phase_ids else {}  # fmt: skip
    out = []
    for r in rows:
        done, total = papers.get(r.id, (0, 0))
        out.append(RoundItem(
            r.id, r.year, r.kind, r.name, r.status, r.movement_id,
            movements.get(r.movement_id, "") if r.movement_id else "", r.phase_id,
            phases.get(r.phase_id, "") if r.phase_id else "", r.period, r.received_on,
            r.needs_notice, r.notice_start, r.notice_days, r.notice_document, r.notice_override,
            r.note, counts.get(r.id, 0), done, total, r.id in meetings,
        ))  # fmt: skip
    return out


def nomination_items(
    s: Session, rows: Sequence[NominationRow], award_names: Mapping[str, str],
    with_papers: bool = True,
) -> list[NominationItem]:  # fmt: skip
    """The rows as views, in the order given; a row whose subject vanished is shown by id."""
    refs = subject_refs(s, [row_subject_key(r) for r in rows])
    unit_ids = {r.proposing_unit_id for r in rows if r.proposing_unit_id is not None}
    units = dict(s.execute(select(UnitRow.id, UnitRow.name).where(
        UnitRow.id.in_(unit_ids))).all()) if unit_ids else {}  # fmt: skip
    papers: dict[int, tuple[int, int]] = {}
    if with_papers and rows:
        for rid in {r.round_id for r in rows}:
            papers |= item_progress(s, rid)
    out = []
    for r in rows:
        key = row_subject_key(r)
        ref = refs.get(key) or SubjectRef(key[0], key[1], f"(mã {key[1]} không còn)", "", False)
        done, total = papers.get(r.id, (0, 0))
        out.append(NominationItem(
            r.id, r.round_id, r.position, ref, r.award_code,
            award_names.get(r.award_code, r.award_code), r.year, r.period, r.achievement,
            r.proposing_unit_id, units.get(r.proposing_unit_id, "") if r.proposing_unit_id
            else "", r.source, r.status, r.registration_id, r.note, done, total,
        ))  # fmt: skip
    return out


def list_rows(s: Session, round_id: int) -> list[NominationRow]:
    return list(s.scalars(select(NominationRow).where(NominationRow.round_id == round_id)
                          .order_by(NominationRow.position, NominationRow.id)))  # fmt: skip


def taken_keys(s: Session, round_id: int) -> set[tuple[SubjectKind, int, str]]:
    """(kind, subject id, award) already in the round's list (withdrawn lines included: a
    line withdrawn by the council is not proposed again in the same round)."""
    return {(*row_subject_key(r), r.award_code) for r in list_rows(s, round_id)}
