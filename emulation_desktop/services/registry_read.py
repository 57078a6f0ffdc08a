"""Reading the registry: the unit tree, sorted and filtered pages of people and households,
details with award history, and people who may be duplicates.

Lists are read a page at a time (count + LIMIT/OFFSET over indexes that end in the Vietnamese
name order), so 100,000 people never travel to the GUI at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from emulation_desktop.domain.registry_views import (
    HouseholdItem,
    HouseholdQuery,
    HouseholdSort,
    PersonItem,
    PersonQuery,
    PersonSort,
    UnitNode,
)
from emulation_desktop.domain.text import fold
from emulation_desktop.store.models import HouseholdRow, PersonRow, UnitRow

PATH_SEPARATOR = " › "


# Units ----------------------------------------------------------------------------------------


def unit_tree(session: Session) -> list[UnitNode]:
    """Every unit in tree order (children under their parent, by sort order then name)."""
    rows = session.execute(
        select(
            UnitRow.id,
            UnitRow.parent_id,
            UnitRow.name,
            UnitRow.kind,
            UnitRow.active,
            UnitRow.sort_order,
        )
    ).all()
    people = dict(
        session.execute(
            select(PersonRow.unit_id, func.count())
            .where(PersonRow.active.is_(True))
            .group_by(PersonRow.unit_id)
        ).all()
    )
    households = dict(
        session.execute(
            select(HouseholdRow.unit_id, func.count())
            .where(HouseholdRow.active.is_(True))
            .group_by(HouseholdRow.unit_id)
        ).all()
    )
    children: dict[int | None, list] = {}
    for r in rows:
        children.setdefault(r.parent_id, []).append(r)
    out: list[UnitNode] = []

    def walk(parent: int | None, depth: int, prefix: str) -> None:
        for r in sorted(children.get(parent, []), key=lambda r: (r.sort_order, fold(r.name))):
            path = f"{prefix}{PATH_SEPARATOR}{r.name}" if prefix else r.name
            out.append(UnitNode(r.id, r.parent_id, r.name, r.kind, r.active, depth, path,
                                people.get(r.id, 0), households.get(r.id, 0)))  # fmt: skip
            walk(r.id, depth + 1, path)

    walk(None, 0, "")
    return out


def unit_and_descendants(session: Session, unit_id: int, active_only: bool = False) -> list[int]:
    """The unit and every unit below it (a few dozen rows: read whole); with `active_only`, a
    unit no longer followed is left out with the units below it (the unit itself never is)."""
    rows = session.execute(select(UnitRow.id, UnitRow.parent_id, UnitRow.active)).all()
    children: dict[int | None, list[int]] = {}
    for uid, parent, active in rows:
        if active or not active_only:
            children.setdefault(parent, []).append(uid)
    found, stack = [], [unit_id]
    while stack:
        uid = stack.pop()
        found.append(uid)
        stack.extend(children.get(uid, []))
    return found


# People ---------------------------------------------------------------------------------------


def _like(token: str) -> str:
    return "%" + token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _text_conditions(text: str, name_column, cccd_column=None) -> list:  # type: ignore[no-untyped-def]
    """Every word must appear in the folded name; digits also match the start of the CCCD."""
    conds = []
    for token in fold(text).split():
        cond = name_column.like(_like(token), escape="\\")
        if cccd_column is not None and token.isdigit():
            cond = or_(cond, cccd_column.like(token + "%"))
        conds.append(cond)
    return conds


def _person_where(session: Session, q: PersonQuery) -> list:  # type: ignore[type-arg]
    conds = _text_conditions(q.text, PersonRow.name_fold, PersonRow.cccd)
    if q.unit_id is not None:
        conds.append(PersonRow.unit_id.in_(unit_and_descendants(session, q.unit_id)))
    if q.kind is not None:
        conds.append(PersonRow.kind == q.kind)
    if q.gender is not None:
        conds.append(PersonRow.gender == q.gender)
    if q.active is not None:
        conds.append(PersonRow.active.is_(q.active))
    return conds


# Below this many matches, reading the whole table once and sorting the few matches beats
# walking the name-order index until a page is full (44 ms → 13 ms for 500 of 100,000).
SPARSE_MATCHES = 5000


def _person_order(q: PersonQuery, sparse: bool = False) -> list:  # type: ignore[type-arg]
    # (column, ascending) pairs; "descending" flips every one so an index walks backwards.
    leading = {
        PersonSort.NAME: [],
        # "Nam" before "Nữ" when ascending: the stored codes sort the other way round.
        PersonSort.GENDER: [(PersonRow.gender, False)],
        PersonSort.BIRTH: [(PersonRow.birth_year, True), (PersonRow.birth_date, True)],
        PersonSort.POSITION: [(PersonRow.position_key, True)],
        PersonSort.UNIT: [(UnitRow.sort_order, True), (UnitRow.id, True)],
        PersonSort.KIND: [(PersonRow.kind, True)],
    }[q.sort]
    terms = [*leading, (PersonRow.sort_key, True), (PersonRow.id, True)]
    if sparse:  # coalesce(x, x) is x, but no index can serve it: the planner scans and sorts
        terms = [(func.coalesce(col, col), asc) for col, asc in terms]
    return [col.asc() if asc != q.descending else col.desc() for col, asc in terms]


def started_by_end_of(year: int):  # type: ignore[no-untyped-def]
    """SQL condition: the person had started work by 31/12 of `year` (or the start is unknown).

    Who is due a grade, or counted as staff, in a year: a newcomer of 2026 is not in 2025's.
    """
    return or_(PersonRow.work_start.is_(None), PersonRow.work_start <= dt.date(year, 12, 31))


def count_people(session: Session, q: PersonQuery) -> int:
    stmt = select(func.count()).select_from(PersonRow).where(*_person_where(session, q))
    return session.scalar(stmt) or 0


def _person_select() -> Select:  # type: ignore[type-arg]
    return select(
        PersonRow.id, PersonRow.full_name, PersonRow.gender, PersonRow.birth_date,
        PersonRow.birth_year, PersonRow.position, PersonRow.unit_id, UnitRow.name,
        PersonRow.kind, PersonRow.cccd, PersonRow.active, PersonRow.work_start,
    ).join(UnitRow, UnitRow.id == PersonRow.unit_id)  # fmt: skip


def _person_items(rows: Sequence) -> list[PersonItem]:  # type: ignore[type-arg]
    return [PersonItem(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9] or "", r[10],
                       r[11]) for r in rows]  # fmt: skip


def people_page(
    session: Session, q: PersonQuery, offset: int, limit: int, matches: int | None = None
) -> list[PersonItem]:
    """One page in the query's order; `matches` (the count, if known) picks the faster plan."""
    sparse = matches is not None and matches < SPARSE_MATCHES and bool(q.text.strip())
    stmt = (
        _person_select()
        .where(*_person_where(session, q))
        .order_by(*_person_order(q, sparse))
        .offset(offset)
        .limit(limit)
    )
    return _person_items(session.execute(stmt).all())


def people_by_ids(session: Session, ids: Sequence[int]) -> list[PersonItem]:
    found = {p.id: p for p in _person_items(session.execute(
        _person_select().where(PersonRow.id.in_(list(ids)))).all())}  # fmt: skip
    return [found[i] for i in ids if i in found]


def iter_people(session: Session, q: PersonQuery, chunk: int = 2000):  # type: ignore[no-untyped-def]
    """Every person of the query in its order, chunk by chunk (exports)."""
    offset = 0
    while page := people_page(session, q, offset, chunk):
        yield from page
        offset += len(page)


# Households -----------------------------------------------------------------------------------


_Head = aliased(PersonRow)


def _household_where(session: Session, q: HouseholdQuery) -> list:  # type: ignore[type-arg]
    conds = []
    for token in fold(q.text).split():
        like = _like(token)
        conds.append(or_(_Head.name_fold.like(like, escape="\\"),
                         HouseholdRow.address_fold.like(like, escape="\\")))  # fmt: skip
    if q.unit_id is not None:
        conds.append(HouseholdRow.unit_id.in_(unit_and_descendants(session, q.unit_id)))
    if q.active is not None:
        conds.append(HouseholdRow.active.is_(q.active))
    return conds


def _household_select() -> Select:  # type: ignore[type-arg]
    return (
        select(
            HouseholdRow.id,
            HouseholdRow.head_id,
            _Head.full_name,
            _Head.gender,
            _Head.birth_year,
            HouseholdRow.address,
            HouseholdRow.unit_id,
            UnitRow.name,
            HouseholdRow.active,
        )
        .join(_Head, _Head.id == HouseholdRow.head_id)
        .join(UnitRow, UnitRow.id == HouseholdRow.unit_id)
    )


def count_households(session: Session, q: HouseholdQuery) -> int:
    stmt = (
        select(func.count())
        .select_from(HouseholdRow)
        .join(_Head, _Head.id == HouseholdRow.head_id)
        .where(*_household_where(session, q))
    )
    return session.scalar(stmt) or 0


def households_page(
    session: Session, q: HouseholdQuery, offset: int, limit: int
) -> list[HouseholdItem]:
    leading = {
        HouseholdSort.HEAD: [],
        HouseholdSort.ADDRESS: [HouseholdRow.address],
        HouseholdSort.UNIT: [UnitRow.sort_order, UnitRow.id],
    }[q.sort]
    terms = [*leading, _Head.sort_key, HouseholdRow.id]
    if q.descending:
        terms = [t.desc() for t in terms]
    stmt = (
        _household_select()
        .where(*_household_where(session, q))
        .order_by(*terms)
        .offset(offset)
        .limit(limit)
    )
    return [HouseholdItem(*r) for r in session.execute(stmt).all()]


# Possible duplicates ------------------------------------------------------------------------


def same_person_possible(a: tuple, b: tuple) -> bool:  # type: ignore[type-arg]
    """(birth_date, birth_year) pairs that could belong to one person."""
    (date_a, year_a), (date_b, year_b) = a, b
    if date_a and date_b:
        return date_a == date_b
    return year_a is None or year_b is None or year_a == year_b


def same_name_people(
    session: Session,
    name_fold: str,
    birth: tuple[dt.date | None, int | None],
    exclude_id: int | None,
) -> list[int]:
    """Ids of people with the same folded name whose birth does not rule out the same person."""
    conds = [PersonRow.name_fold == name_fold]
    if exclude_id is not None:
        conds.append(PersonRow.id != exclude_id)
    rows = session.execute(
        select(PersonRow.id, PersonRow.birth_date, PersonRow.birth_year)
        .where(and_(*conds))
        .order_by(PersonRow.id)
    ).all()
    return [r.id for r in rows if same_person_possible(birth, (r.birth_date, r.birth_year))]


def duplicate_id_groups(session: Session) -> list[list[int]]:
    """People sharing a folded name and a birth year, unless their full birth dates differ."""
    keys = session.execute(
        select(PersonRow.name_fold, PersonRow.birth_year)
        .where(PersonRow.birth_year.is_not(None))
        .group_by(PersonRow.name_fold, PersonRow.birth_year)
        .having(func.count() > 1)
    ).all()
    groups = []
    for name_fold, year in keys:
        rows = session.execute(
            select(PersonRow.id, PersonRow.birth_date, PersonRow.birth_year)
            .where(PersonRow.name_fold == name_fold, PersonRow.birth_year == year)
            .order_by(PersonRow.id)
        ).all()
        ids = [
            r.id
            for r in rows
            if any(
                o.id != r.id
                and same_person_possible((r.birth_date, r.birth_year), (o.birth_date, o.birth_year))
                for o in rows
            )
        ]
        if len(ids) > 1:
            groups.append(ids)
    return groups
