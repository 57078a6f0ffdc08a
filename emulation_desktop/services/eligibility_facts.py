"""The facts an eligibility check reads, from the database, in a few set queries.

Only what the engine can read becomes facts: the grades of the checked year, the awards the
rules can reach (`domain.rules.eligibility.history_read`), the candidates and the members of
candidate collectives (with the day each person started work), initiatives, discipline and
leave periods, open complaints.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from operator import itemgetter
from types import MappingProxyType

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import Grade, PersonKind, SubjectKind, UnitKind
from emulation_desktop.domain.rules.facts import FactsBook, PastAward, SubjectFacts
from emulation_desktop.domain.text import name_sort_key
from emulation_desktop.services.complaints import open_subject_keys
from emulation_desktop.services.initiatives import recognised_years
from emulation_desktop.services.periods import period_facts
from emulation_desktop.services.registry_read import unit_and_descendants
from emulation_desktop.services.subjects import household_name
from emulation_desktop.store.models import (
    AwardRow,
    EvaluationRow,
    HouseholdRow,
    PersonRow,
    UnitRow,
)

_STAFF = (PersonKind.CAN_BO, PersonKind.CONG_CHUC, PersonKind.VIEN_CHUC, PersonKind.NGUOI_LAO_DONG)
Key = tuple[SubjectKind, int]
History = tuple[Collection[str], int | None]  # award codes; years back (None: all)
_NO_YEARS: frozenset[int] = frozenset()
_NO_PERIODS: tuple[tuple, tuple] = ((), ())  # type: ignore[type-arg]


def read_facts(
    s: Session,
    kind: SubjectKind,
    year: int,
    unit_id: int | None,
    history: History | None = None,
    include: Collection[int] = (),
) -> tuple[FactsBook, list[SubjectFacts], dict[Key, str]]:
    """The facts a check reads, in a few set queries; the candidates of `kind`, in list order;
    where each one belongs.

    Besides grades and awards: the years of recognised initiatives each person authored, the
    day each person started work, discipline and leave periods (maternity leave kept apart: it
    counts as work), and whether an open complaint or inspection names the subject (nominations
    paused).

    People candidates are those graded for `year` (the yearly evaluation is the entry point of
    every individual title); when nobody is graded yet, the active staff who had started work
    by the end of the year are listed. People in `include` (nominated by name, e.g. a farmer for
    a Giấy khen) are candidates whether graded or not.

    Only what the engine can read is turned into facts: the grades of `year`, the awards of
    `history` (`domain.rules.eligibility.history_read`; None: every award), and the candidates
    with the members of candidate collectives — not the whole commune's ten years.
    """
    allowed = set(unit_and_descendants(s, unit_id)) if unit_id is not None else None
    units = {
        r.id: r for r in s.execute(select(UnitRow.id, UnitRow.name, UnitRow.kind, UnitRow.active))
    }
    awards = _awards(s, year, history)
    initiative_years = recognised_years(s)
    pending = open_subject_keys(s)
    periods = period_facts(s)
    graded = {g: MappingProxyType({year: g}) for g in Grade}  # shared: nobody writes them
    day_of = dt.date.fromisoformat
    ungraded: MappingProxyType[int, Grade] = MappingProxyType({})

    def person(pid: int, name: str, grade: Grade | None, start: str | None) -> SubjectFacts:
        key = (SubjectKind.PERSON, pid)
        found = initiative_years.get(pid)
        return SubjectFacts(
            SubjectKind.PERSON,
            pid,
            name,
            ungraded if grade is None else graded[grade],
            awards.get(key, ()),
            initiative_years=_NO_YEARS if found is None else frozenset(found),
            disciplines=periods.get(pid, _NO_PERIODS)[0],
            pending_review=key in pending,
            work_start=None if start is None else day_of(start),
            leaves=periods.get(pid, _NO_PERIODS)[1],
        )

    candidates: list[SubjectFacts] = []
    places: dict[Key, str] = {}
    subjects: list[SubjectFacts] = []
    if kind is SubjectKind.PERSON:
        staff = []
        year_end = f"{year}-12-31"  # ISO text compares as the dates do
        for pid, name, uid, is_staff, grade, start in _people(s, year, by_name=True):
            if allowed is None or uid in allowed:
                if grade is not None or pid in include:
                    candidates.append(person(pid, name, grade, start))
                elif is_staff and (start is None or start <= year_end):
                    staff.append((pid, name, start))
                places[(SubjectKind.PERSON, pid)] = units[uid].name
        if not any(c.grades for c in candidates):  # nobody graded yet: the staff too
            staff_facts = [person(pid, name, None, start) for pid, name, start in staff]
            candidates = sorted([*candidates, *staff_facts], key=lambda f: name_sort_key(f.name))
        subjects = candidates
    elif kind is SubjectKind.UNIT:
        grades = {
            uid: grade
            for uid, grade in s.execute(
                select(EvaluationRow.unit_id, EvaluationRow.grade).where(
                    EvaluationRow.year == year, EvaluationRow.unit_id.is_not(None)
                )
            )
        }
        chosen = [
            (uid, u)
            for uid, u in units.items()
            if u.active and u.kind is not UnitKind.GROUP and (allowed is None or uid in allowed)
        ]
        members: dict[int, list[int]] = {uid: [] for uid, _ in chosen}
        for pid, name, uid, _, grade, start in _people(s, year, by_name=False):
            if uid in members:
                members[uid].append(pid)
                subjects.append(person(pid, name, grade, start))
        for uid, u in chosen:
            key = (SubjectKind.UNIT, uid)
            grade = grades.get(uid)
            candidates.append(
                SubjectFacts(
                    SubjectKind.UNIT,
                    uid,
                    u.name,
                    ungraded if grade is None else graded[grade],
                    awards.get(key, ()),
                    pending_review=key in pending,
                    members=tuple(members[uid]),
                )
            )
            places[key] = u.kind.label
    else:
        for hid, head, gender, uid in s.execute(
            select(HouseholdRow.id, PersonRow.full_name, PersonRow.gender, HouseholdRow.unit_id)
            .join(PersonRow, PersonRow.id == HouseholdRow.head_id)
            .where(HouseholdRow.active.is_(True))
        ):
            if allowed is None or uid in allowed:
                key = (SubjectKind.HOUSEHOLD, hid)
                candidates.append(
                    SubjectFacts(
                        SubjectKind.HOUSEHOLD,
                        hid,
                        household_name(head, gender),
                        awards=awards.get(key, ()),
                        pending_review=key in pending,
                    )
                )
                places[key] = units[uid].name
    if kind is not SubjectKind.PERSON:  # people come ordered by the stored name key
        candidates.sort(key=lambda f: name_sort_key(f.name))
    return FactsBook.of([*subjects, *candidates]), candidates, places


def _people(
    s: Session, year: int, by_name: bool
) -> list[tuple[int, str, int, bool, Grade | None, str | None]]:
    """(id, name, unit, staff?, grade of `year` or None, work start as ISO text or None) of
    every active person, by name (the stored Vietnamese order, ties by id) or by id. Codes and
    dates are read as text and turned into values here (dates only for the people that become
    facts): ten thousand rows through the column types cost more than the query."""
    rows = s.execute(
        select(
            PersonRow.id,
            PersonRow.full_name,
            PersonRow.unit_id,
            PersonRow.kind.in_(_STAFF),
            type_coerce(EvaluationRow.grade, String),
            PersonRow.sort_key,
            type_coerce(PersonRow.work_start, String),
        )
        .outerjoin(
            EvaluationRow, (EvaluationRow.person_id == PersonRow.id) & (EvaluationRow.year == year)
        )
        .where(PersonRow.active.is_(True))
        .order_by(PersonRow.id)
    ).all()
    if by_name:  # in Python: cheaper than walking the name index and the table by turns
        rows.sort(key=itemgetter(5))
    grade_of = {g.value: g for g in Grade}
    return [
        (pid, name, uid, staff, grade_of.get(g), start)
        for pid, name, uid, staff, g, _, start in rows
    ]


def _awards(s: Session, year: int, history: History | None) -> dict[Key, tuple[PastAward, ...]]:
    query = (
        select(
            AwardRow.award_code,
            AwardRow.year,
            type_coerce(AwardRow.decision_date, String),  # ISO text: parsed below, much faster
            AwardRow.person_id,
            AwardRow.unit_id,
            AwardRow.household_id,
        )
        .where(AwardRow.revoked_by_id.is_(None))
        .order_by(AwardRow.id)
    )
    if history is not None:
        codes, back = history
        query = query.where(AwardRow.award_code.in_(sorted(codes)))
        if back is not None:
            query = query.where(AwardRow.year.between(year - back + 1, year))
    found: dict[Key, list[PastAward]] = defaultdict(list)
    day_of = dt.date.fromisoformat
    for code, y, day, pid, uid, hid in s.execute(query):
        key = (
            (SubjectKind.PERSON, pid)
            if pid is not None
            else (SubjectKind.UNIT, uid)
            if uid is not None
            else (SubjectKind.HOUSEHOLD, hid)
        )
        found[key].append(PastAward(code, y, day_of(day) if day else None))
    return {key: tuple(v) for key, v in found.items()}
