"""The candidates of a meeting, read in a few set queries: who (names and places of people,
collectives and households), their gender for the ties of NĐ 152/2025 Điều 4 (a collective's
share of women), their award and what the tally holds for them."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.council_meeting import Candidate
from emulation_desktop.domain.enums import Gender, SubjectKind
from emulation_desktop.services.grade_grid import chunks
from emulation_desktop.services.subjects import row_subject_key, subject_refs
from emulation_desktop.store.award_models import NominationRow, TallyRow
from emulation_desktop.store.models import HouseholdRow, PersonRow


def genders(s: Session, keys: set[tuple[SubjectKind, int]]) -> dict[tuple[SubjectKind, int], str]:
    """ "Nữ"/"Nam" of people and household heads; a collective's share of women among the
    people followed in it ("Nữ 75%"), for the ties of NĐ 152 Art. 4."""
    wanted: dict[SubjectKind, list[int]] = defaultdict(list)
    for kind, id_ in keys:
        wanted[kind].append(id_)
    out: dict[tuple[SubjectKind, int], str] = {}
    for chunk in chunks(wanted[SubjectKind.PERSON]):
        for pid, gender in s.execute(
            select(PersonRow.id, PersonRow.gender).where(PersonRow.id.in_(chunk))
        ):
            out[(SubjectKind.PERSON, pid)] = gender.label
    for chunk in chunks(wanted[SubjectKind.HOUSEHOLD]):
        for hid, gender in s.execute(
            select(HouseholdRow.id, PersonRow.gender)
            .join(PersonRow, PersonRow.id == HouseholdRow.head_id)
            .where(HouseholdRow.id.in_(chunk))
        ):
            out[(SubjectKind.HOUSEHOLD, hid)] = gender.label
    tally: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for chunk in chunks(wanted[SubjectKind.UNIT]):
        for uid, gender, n in s.execute(
            select(PersonRow.unit_id, PersonRow.gender, func.count())
            .where(PersonRow.unit_id.in_(chunk), PersonRow.active.is_(True))
            .group_by(PersonRow.unit_id, PersonRow.gender)
        ):
            tally[uid][0 if gender is Gender.FEMALE else 1] += n
    for uid, (women, men) in tally.items():
        out[(SubjectKind.UNIT, uid)] = f"Nữ {round(women * 100 / (women + men))}%"
    return out


def candidates(
    s: Session,
    rules_names: dict[str, str],
    nominations: list[NominationRow],
    meeting_id: int | None,
) -> tuple[Candidate, ...]:
    tallies = {}
    if meeting_id is not None:
        tallies = {
            t.nomination_id: t
            for t in s.execute(
                select(
                    TallyRow.nomination_id,
                    TallyRow.votes_for,
                    TallyRow.computed,
                    TallyRow.passed,
                    TallyRow.reason,
                ).where(TallyRow.meeting_id == meeting_id)
            )
        }
    keys = [row_subject_key(n) for n in nominations]
    refs = subject_refs(s, keys)
    found = genders(s, set(keys))
    out = []
    for i, (n, key) in enumerate(zip(nominations, keys, strict=True), 1):
        ref = refs.get(key)
        t = tallies.get(n.id)
        reason = t.reason if t is not None else ""
        out.append(
            Candidate(
                n.id,
                i,
                key[0],
                ref.name if ref else "(đã bị xóa)",
                ref.place if ref else "",
                found.get(key, ""),
                n.award_code,
                rules_names.get(n.award_code, n.award_code),
                n.year,
                n.achievement,
                t.votes_for if t is not None else None,
                t.passed if t is not None and reason else None,
                reason,
                t.passed if t is not None else None,
            )
        )
    return tuple(out)
