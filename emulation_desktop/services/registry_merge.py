"""Merging two records of the same person: all history moves to the one kept.

Where both records hold the same fact, the kept record's version stays and the other is written
into the audit entry: a grade of the same year, a registration to the same movement or title in
the same year (its review results move over where the kept one has none), an officer's override
of the same award and year. When both were listed as authors of one initiative, the kept one
stays with the earlier place in the list and both shares added up.
"""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.registry_views import birth_text
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.award_models import CouncilMemberRow, NominationRow
from emulation_desktop.store.cycle_models import (
    AdvancedModelRow,
    ComplaintRow,
    InitiativeAuthorRow,
    MovementRow,
    PersonPeriodRow,
    RegistrationRow,
    ReviewResultRow,
)
from emulation_desktop.store.models import (
    AwardRow,
    EligibilityOverrideRow,
    EvaluationRow,
    HouseholdRow,
    PersonRow,
)


def merge_people(session: Session, keep_id: int, remove_id: int) -> dict[str, int]:
    """Move every row of `remove_id` to `keep_id`, then delete it; returns what moved.

    Keys: awards, evaluations, households, registrations, models, complaints, periods,
    initiatives, movements (responsible for), overrides; and `duplicate_registrations`: the
    registrations both records had, of which the kept record's one stays.
    Blank fields of the kept record (birth date, CCCD, position) are filled from the other.
    """
    if keep_id == remove_id:
        raise UserError("Hãy chọn hai cá nhân khác nhau để gộp.")
    keep, gone = session.get(PersonRow, keep_id), session.get(PersonRow, remove_id)
    if keep is None or gone is None:
        raise UserError("Một trong hai cá nhân không còn trong danh sách; hãy tải lại danh sách.")
    snapshot = {
        "name": gone.full_name,
        "birth": birth_text(gone.birth_date, gone.birth_year),
        "cccd": gone.cccd,
        "position": gone.position,
        "unit_id": gone.unit_id,
    }
    if keep.cccd and gone.cccd and keep.cccd != gone.cccd:
        raise UserError(
            f"Không gộp được: hai hồ sơ có hai số CCCD khác nhau ({keep.cccd} và {gone.cccd}), "
            "nên là hai người khác nhau."
        )
    dropped = _drop_same_year_grades(session, keep_id, remove_id)
    dropped_registrations = _drop_same_registrations(session, keep_id, remove_id)
    joint = _join_authorship(session, keep_id, remove_id)
    overrides, dropped_overrides = _move_overrides(session, keep_id, remove_id)

    def move(column, **values: int) -> int:  # type: ignore[no-untyped-def]
        table = column.class_
        return session.execute(update(table).where(column == remove_id).values(**values)).rowcount

    moved = {
        "awards": move(AwardRow.person_id, person_id=keep_id),
        "evaluations": move(EvaluationRow.person_id, person_id=keep_id),
        "households": move(HouseholdRow.head_id, head_id=keep_id),
        "registrations": move(RegistrationRow.person_id, person_id=keep_id),
        "duplicate_registrations": len(dropped_registrations),
        "models": move(AdvancedModelRow.person_id, person_id=keep_id),
        "complaints": move(ComplaintRow.person_id, person_id=keep_id),
        "periods": _move_periods(session, keep_id, remove_id),
        "initiatives": move(InitiativeAuthorRow.person_id, person_id=keep_id) + len(joint),
        "movements": move(MovementRow.responsible_id, responsible_id=keep_id),
        "nominations": move(NominationRow.person_id, person_id=keep_id),
        "council_seats": move(CouncilMemberRow.person_id, person_id=keep_id),
        "overrides": overrides,
    }
    cccd = gone.cccd
    if keep.birth_date is None and gone.birth_date is not None:
        keep.birth_date, keep.birth_year = gone.birth_date, gone.birth_date.year
    elif keep.birth_year is None:
        keep.birth_year = gone.birth_year
    if not keep.position and gone.position:
        keep.position = gone.position
    if keep.work_start is None and gone.work_start is not None:
        keep.work_start = gone.work_start
    session.delete(gone)
    session.flush()  # the CCCD is unique: free it before the kept record takes it
    if not keep.cccd and cccd:
        keep.cccd = cccd
    audit(session, "merge", "person", keep_id, removed_id=remove_id, removed=snapshot,
          moved=moved, dropped_evaluations=dropped, dropped_registrations=dropped_registrations,
          joint_initiatives=joint, dropped_overrides=dropped_overrides)  # fmt: skip
    return moved


def _drop_same_year_grades(session: Session, keep_id: int, remove_id: int) -> list[dict]:  # type: ignore[type-arg]
    kept_years = set(
        session.scalars(select(EvaluationRow.year).where(EvaluationRow.person_id == keep_id))
    )
    same_year = (EvaluationRow.person_id == remove_id, EvaluationRow.year.in_(kept_years))
    dropped = [
        {"year": e.year, "grade": e.grade.value}
        for e in session.scalars(select(EvaluationRow).where(*same_year))
    ]
    if dropped:
        session.execute(delete(EvaluationRow).where(*same_year))
    return dropped


def _drop_same_registrations(session: Session, keep_id: int, remove_id: int) -> list[dict]:  # type: ignore[type-arg]
    """The other record's registrations that repeat one of the kept record's (same year,
    movement and title) are deleted; their review results move where the kept has none."""

    def target(r: RegistrationRow) -> tuple[int, int | None, str]:
        return (r.year, r.movement_id, r.award_code)

    kept = {
        target(r): r
        for r in session.scalars(
            select(RegistrationRow).where(RegistrationRow.person_id == keep_id)
        )
    }
    dropped = []
    for r in list(
        session.scalars(select(RegistrationRow).where(RegistrationRow.person_id == remove_id))
    ):
        twin = kept.get(target(r))
        if twin is None:
            continue
        reviewed = set(
            session.scalars(
                select(ReviewResultRow.review_id).where(ReviewResultRow.registration_id == twin.id)
            )
        )
        session.execute(
            update(ReviewResultRow)
            .where(
                ReviewResultRow.registration_id == r.id,
                ReviewResultRow.review_id.not_in(reviewed),
            )
            .values(registration_id=twin.id)
        )
        dropped.append(
            {"year": r.year, "movement_id": r.movement_id, "award_code": r.award_code,
             "status": r.status.value, "kept_id": twin.id}
        )  # fmt: skip
        session.execute(delete(ReviewResultRow).where(ReviewResultRow.registration_id == r.id))
        session.execute(delete(RegistrationRow).where(RegistrationRow.id == r.id))
    return dropped


def _join_authorship(session: Session, keep_id: int, remove_id: int) -> list[int]:
    """Initiatives both records authored: one author line (the earlier place, shares added)."""
    kept = {
        a.initiative_id: a
        for a in session.scalars(
            select(InitiativeAuthorRow).where(InitiativeAuthorRow.person_id == keep_id)
        )
    }
    joint = []
    for a in list(
        session.scalars(
            select(InitiativeAuthorRow).where(InitiativeAuthorRow.person_id == remove_id)
        )
    ):
        twin = kept.get(a.initiative_id)
        if twin is None:
            continue
        twin.position = min(twin.position, a.position)
        if a.share is not None:
            twin.share = min(100, (twin.share or 0) + a.share)
        joint.append(a.initiative_id)
        session.delete(a)
    session.flush()  # the (initiative, person) keys are free before the others move
    return joint


def _move_overrides(session: Session, keep_id: int, remove_id: int) -> tuple[int, list[dict]]:  # type: ignore[type-arg]
    """Officers' overrides follow the person, unless the kept record has one for that award."""
    rows = list(
        session.scalars(
            select(EligibilityOverrideRow).where(
                EligibilityOverrideRow.subject_kind == SubjectKind.PERSON,
                EligibilityOverrideRow.subject_id.in_((keep_id, remove_id)),
            )
        )
    )
    kept = {(o.award_code, o.year) for o in rows if o.subject_id == keep_id}
    moved, dropped = 0, []
    for o in rows:
        if o.subject_id != remove_id:
            continue
        if (o.award_code, o.year) in kept:
            dropped.append({"award_code": o.award_code, "year": o.year, "verdict": o.verdict,
                            "reason": o.reason})  # fmt: skip
            session.delete(o)
        else:
            o.subject_id = keep_id
            moved += 1
    session.flush()
    return moved, dropped


def _move_periods(session: Session, keep_id: int, remove_id: int) -> int:
    """Discipline and leave periods; one entered on both records is kept once."""

    def same(p: PersonPeriodRow) -> tuple:  # type: ignore[type-arg]
        return (p.kind, p.start_date, p.end_date, p.form, p.document)

    kept = {
        same(p)
        for p in session.scalars(
            select(PersonPeriodRow).where(PersonPeriodRow.person_id == keep_id)
        )
    }
    moved = 0
    for p in list(
        session.scalars(select(PersonPeriodRow).where(PersonPeriodRow.person_id == remove_id))
    ):
        if same(p) in kept:
            session.delete(p)
        else:
            p.person_id = keep_id
            moved += 1
    session.flush()
    return moved
