"""Reviews (sơ kết, tổng kết) of movements and phases with results per registered subject, and
the figures that reports and the dashboard read.

One review per movement, phase (or the whole movement) and kind: the table's unique key cannot
see a second "whole movement" review because SQLite treats NULL phases as all different, so
the service checks it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import RegistrationStatus, ReviewResult
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.domain.reviews import (
    ResultInput,
    ResultLine,
    ReviewFigures,
    ReviewInput,
    ReviewItem,
    YearReviewFigures,
    figures_of,
    latest_per_movement,
    review_title,
    validate_review,
)
from emulation_desktop.domain.subjects import subject_sort_key
from emulation_desktop.domain.text import nfc, nfc_lines
from emulation_desktop.services.movement_choices import MOVEMENT_GONE, movement_choices
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.rules import RulesService
from emulation_desktop.services.subjects import row_subject_key, subject_refs
from emulation_desktop.store.cycle_models import RegistrationRow, ReviewResultRow, ReviewRow
from emulation_desktop.store.db import Database

_APPROVED = RegistrationStatus.APPROVED


class ReviewService:
    def __init__(self, db: Database, rules: RulesService) -> None:
        self._db = db
        self._rules = rules  # only to name the titles in the results table

    # Reading ----------------------------------------------------------------------------------

    def reviews(self, year: int, movement_id: int | None = None) -> list[ReviewItem]:
        """Reviews of the year's movements, by date, each with its figures."""
        with self._db.session_scope() as s:
            movements = {m.id: m for m in movement_choices(s, year)}
            if movement_id is not None:
                movements = {k: v for k, v in movements.items() if k == movement_id}
            rows = s.scalars(
                select(ReviewRow).where(ReviewRow.movement_id.in_(list(movements)))
            ).all()
            return sorted(_items(s, rows, movements), key=lambda r: (r.held_on, r.id))

    def get(self, review_id: int) -> ReviewItem | None:
        with self._db.session_scope() as s:
            row = s.get(ReviewRow, review_id)
            if row is None:
                return None
            movements = {m.id: m for m in movement_choices(s, ids=[row.movement_id])}
            items = _items(s, [row], movements)
            return items[0] if items else None

    def figures(self, review_id: int) -> ReviewFigures:
        item = self.get(review_id)
        if item is None:
            raise UserError("Hội nghị sơ kết, tổng kết này không còn (có thể đã bị xóa).")
        return item.figures

    def year_figures(self, year: int) -> YearReviewFigures:
        reviews = tuple(self.reviews(year))
        latest = sum((r.figures for r in latest_per_movement(reviews)), ReviewFigures())
        return YearReviewFigures(year, reviews, latest)

    # Writing the review -----------------------------------------------------------------------

    def create(self, data: ReviewInput) -> int:
        with self._db.session_scope() as s:
            clean = self._checked(s, data, None)
            row = ReviewRow(movement_id=clean.movement_id, phase_id=clean.phase_id,
                            kind=clean.kind, held_on=clean.held_on, document=clean.document,
                            summary=clean.summary)  # fmt: skip
            s.add(row)
            s.flush()
            audit(s, "create", "review", row.id, movement_id=row.movement_id,
                  phase_id=row.phase_id, kind=row.kind.value)  # fmt: skip
            return row.id

    def update(self, review_id: int, data: ReviewInput) -> None:
        with self._db.session_scope() as s:
            row = _review(s, review_id)
            clean = self._checked(s, data, row.id)
            if clean.movement_id != row.movement_id and _has_results(s, row.id):
                raise ValidationError({"movement_id": (
                    "Hội nghị này đã có kết quả của các đăng ký trong phong trào cũ nên không đổi "
                    "sang phong trào khác được; hãy xóa kết quả trước.")})  # fmt: skip
            row.movement_id, row.phase_id, row.kind = clean.movement_id, clean.phase_id, clean.kind
            row.held_on, row.document, row.summary = clean.held_on, clean.document, clean.summary
            audit(s, "update", "review", row.id)

    def delete(self, review_id: int) -> None:
        """Delete a review and its results (the confirmation says so)."""
        with self._db.session_scope() as s:
            row = s.get(ReviewRow, review_id)
            if row is not None:
                audit(s, "delete", "review", row.id, movement_id=row.movement_id)
                s.delete(row)

    def _checked(self, s: Session, data: ReviewInput, exclude_id: int | None) -> ReviewInput:
        found = movement_choices(s, ids=[data.movement_id]) if data.movement_id else []
        if data.movement_id is not None and not found:
            raise ValidationError({"movement_id": MOVEMENT_GONE})
        movement = found[0] if found else None
        clean = validate_review(data, movement)
        assert movement is not None and clean.held_on is not None
        same_phase = (
            ReviewRow.phase_id.is_(None)
            if clean.phase_id is None
            else ReviewRow.phase_id == clean.phase_id
        )
        stmt = select(ReviewRow.held_on).where(
            ReviewRow.movement_id == movement.id, ReviewRow.kind == clean.kind, same_phase
        )
        if exclude_id is not None:
            stmt = stmt.where(ReviewRow.id != exclude_id)
        held = s.scalar(stmt.limit(1))
        if held is not None:
            phase = movement.phase(clean.phase_id)
            what = review_title(clean.kind, phase.number if phase else None).lower()
            raise ValidationError({"kind": (
                f"Phong trào «{movement.name}» đã có {what} (ngày {day_text(held)}); mỗi "
                f"phong trào, mỗi đợt chỉ {clean.kind.label.lower()} một lần. Hãy sửa hội nghị "
                "đã có.")})  # fmt: skip
        return clean

    # Results ----------------------------------------------------------------------------------

    def results(self, review_id: int) -> list[ResultLine]:
        """The movement's approved registrations (and any other that already has a result at
        this review), collectives first then people in name order, with their results."""
        with self._db.session_scope() as s:
            review = _review(s, review_id)
            regs, saved = _candidates(s, review)
            year = regs[0].year if regs else None
            refs = subject_refs(s, [row_subject_key(r) for r in regs])
        names = self._rules.award_names(year) if year is not None else {}
        lines = [
            ResultLine(r.id, ref, names.get(r.award_code, r.award_code), r.targets, r.status,
                       saved[r.id].result if r.id in saved else None,
                       saved[r.id].note if r.id in saved else "")
            for r in regs if (ref := refs.get(row_subject_key(r)))
        ]  # fmt: skip
        return sorted(lines, key=lambda line: subject_sort_key(line.subject))

    def save_results(self, review_id: int, lines: Sequence[ResultInput]) -> ReviewFigures:
        """Write the results table in one transaction; a line without result removes a saved
        one. Returns the review's figures afterwards."""
        with self._db.session_scope() as s:
            review = _review(s, review_id)
            regs, saved = _candidates(s, review)
            by_id = {r.id: r for r in regs}

            def name(reg_id: int) -> str:
                reg = by_id.get(reg_id) or s.get(RegistrationRow, reg_id)
                if reg is None:
                    return "?"
                ref = subject_refs(s, [row_subject_key(reg)]).get(row_subject_key(reg))
                return ref.name if ref else "?"

            for line in lines:
                note = nfc_lines(line.note)
                if line.registration_id not in by_id:
                    raise UserError(
                        f"«{name(line.registration_id)}» không có đăng ký đã duyệt trong phong "
                        "trào này nên chưa ghi kết quả được. Chưa lưu kết quả nào."
                    )
                if line.result is None and note:
                    raise ValidationError({"results": (
                        f"Hãy chọn kết quả cho «{name(line.registration_id)}» (đã có ghi chú "
                        "nhưng chưa có kết quả). Chưa lưu kết quả nào.")})  # fmt: skip
                old = saved.get(line.registration_id)
                if line.result is None:
                    if old is not None:
                        s.delete(old)
                elif old is None:
                    s.add(ReviewResultRow(review_id=review.id, registration_id=line.registration_id,
                                          result=ReviewResult(line.result), note=note))  # fmt: skip
                else:
                    old.result, old.note = ReviewResult(line.result), note
            s.flush()
            audit(s, "results", "review", review.id, lines=len(lines))
            movements = {m.id: m for m in movement_choices(s, ids=[review.movement_id])}
            return _items(s, [review], movements)[0].figures


# Helpers ------------------------------------------------------------------------------------


def _review(s: Session, review_id: int) -> ReviewRow:
    row = s.get(ReviewRow, review_id)
    if row is None:
        raise UserError("Hội nghị sơ kết, tổng kết này không còn (có thể đã bị xóa).")
    return row


def _has_results(s: Session, review_id: int) -> bool:
    stmt = select(ReviewResultRow.id).where(ReviewResultRow.review_id == review_id).limit(1)
    return s.scalar(stmt) is not None


def _candidates(
    s: Session, review: ReviewRow
) -> tuple[list[RegistrationRow], dict[int, ReviewResultRow]]:
    saved = {
        r.registration_id: r
        for r in s.scalars(select(ReviewResultRow).where(ReviewResultRow.review_id == review.id))
    }
    regs = s.scalars(
        select(RegistrationRow).where(
            RegistrationRow.movement_id == review.movement_id,
            (RegistrationRow.status == _APPROVED) | RegistrationRow.id.in_(list(saved)),
        )
    ).all()
    return list(regs), saved


def _items(
    s: Session, rows: Sequence[ReviewRow], movements: dict[int, MovementChoice]
) -> list[ReviewItem]:
    """Reviews with their figures: a few grouped queries, whatever the number of reviews."""
    movement_ids = {r.movement_id for r in rows}
    approved = dict(
        s.execute(
            select(RegistrationRow.movement_id, func.count())
            .where(RegistrationRow.movement_id.in_(movement_ids),
                   RegistrationRow.status == _APPROVED)
            .group_by(RegistrationRow.movement_id)
        ).all()
    )  # fmt: skip
    results: dict[int, list[ReviewResult]] = defaultdict(list)
    others: dict[int, int] = defaultdict(int)  # results of registrations no longer approved
    for review_id, result, status in s.execute(
        select(ReviewResultRow.review_id, ReviewResultRow.result, RegistrationRow.status)
        .join(RegistrationRow, RegistrationRow.id == ReviewResultRow.registration_id)
        .where(ReviewResultRow.review_id.in_([r.id for r in rows]))
    ):
        results[review_id].append(result)
        others[review_id] += status is not _APPROVED
    out = []
    for r in rows:
        m = movements.get(r.movement_id)
        if m is None:
            continue
        phase = m.phase(r.phase_id)
        registered = approved.get(r.movement_id, 0) + others[r.id]
        out.append(ReviewItem(
            r.id, m.id, m.name, r.phase_id, phase.number if phase else None,
            phase.name if phase else "", r.kind, r.held_on, nfc(r.document), r.summary,
            figures_of(registered, results[r.id]),
        ))  # fmt: skip
    return out
