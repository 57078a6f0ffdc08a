"""Merging two records of the same person: all history moves to the one kept."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.registry_views import birth_text
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.models import AwardRow, EvaluationRow, HouseholdRow, PersonRow


def merge_people(session: Session, keep_id: int, remove_id: int) -> dict[str, int]:
    """Move awards, evaluations and households of `remove_id` to `keep_id`, then delete it.

    Blank fields of the kept record (birth date, CCCD, position) are filled from the other.
    Where both have a grade for the same year, the kept record's grade stays and the other is
    written into the audit entry. Returns what moved.
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
    kept_years = set(
        session.scalars(select(EvaluationRow.year).where(EvaluationRow.person_id == keep_id))
    )
    dropped = [
        {"year": e.year, "grade": e.grade.value}
        for e in session.scalars(
            select(EvaluationRow).where(
                EvaluationRow.person_id == remove_id, EvaluationRow.year.in_(kept_years)
            )
        )
    ]
    if dropped:
        session.execute(
            EvaluationRow.__table__.delete().where(
                EvaluationRow.person_id == remove_id, EvaluationRow.year.in_(kept_years)
            )
        )
    moved = {
        "awards": session.execute(
            update(AwardRow).where(AwardRow.person_id == remove_id).values(person_id=keep_id)
        ).rowcount,
        "evaluations": session.execute(
            update(EvaluationRow)
            .where(EvaluationRow.person_id == remove_id)
            .values(person_id=keep_id)
        ).rowcount,
        "households": session.execute(
            update(HouseholdRow).where(HouseholdRow.head_id == remove_id).values(head_id=keep_id)
        ).rowcount,
    }
    cccd = gone.cccd
    if keep.birth_date is None and gone.birth_date is not None:
        keep.birth_date, keep.birth_year = gone.birth_date, gone.birth_date.year
    elif keep.birth_year is None:
        keep.birth_year = gone.birth_year
    if not keep.position and gone.position:
        keep.position = gone.position
    session.delete(gone)
    session.flush()  # the CCCD is unique: free it before the kept record takes it
    if not keep.cccd and cccd:
        keep.cccd = cccd
    audit(session, "merge", "person", keep_id, removed_id=remove_id, removed=snapshot,
          moved=moved, dropped_evaluations=dropped)  # fmt: skip
    return moved
