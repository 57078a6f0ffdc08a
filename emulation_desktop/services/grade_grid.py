"""The grade grid of one unit and year: its collectives in tree order, then its people by
name, then those graded here this year who have since moved or stopped being followed; and the
unit scope both the grid and a save work on."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import Grade, SubjectKind, UnitKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.evaluations import GradeGrid, GridRow
from emulation_desktop.domain.registry_views import UnitNode
from emulation_desktop.domain.text import name_sort_key
from emulation_desktop.services.registry_read import started_by_end_of, unit_tree
from emulation_desktop.store.models import EvaluationRow, PersonRow, UnitRow

FIRST_YEAR, LAST_YEAR = 1990, 2100
CHUNK = 500  # ids per IN (…)
_E = EvaluationRow.__table__  # the Core table: set operations, no ORM objects
_PERSON, _UNIT = SubjectKind.PERSON, SubjectKind.UNIT


def chunks(ids: Sequence[int]) -> list[list[int]]:
    ids = list(ids)
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(f"Năm {year} không hợp lệ; hãy chọn năm trong khoảng {FIRST_YEAR}–"
                        f"{LAST_YEAR}.")  # fmt: skip


def unit_scope(
    s: Session, unit_id: int, include_below: bool
) -> tuple[UnitRow, list[int], dict[int, UnitNode]]:
    """The unit, the unit ids in tree order (itself, and those below when asked), the tree."""
    unit = s.get(UnitRow, unit_id)
    if unit is None:
        raise UserError("Đơn vị đã chọn không còn trong danh sách; hãy chọn lại.")
    tree = unit_tree(s)
    if not include_below:
        return unit, [unit_id], {u.id: u for u in tree}
    ids, depth = [], None
    for u in tree:  # tree order: the unit's descendants follow it until the depth comes back
        if u.id == unit_id:
            ids, depth = [u.id], u.depth
        elif depth is not None:
            if u.depth <= depth:
                break
            ids.append(u.id)
    return unit, ids, {u.id: u for u in tree}


def grade_grid(s: Session, unit_id: int, year: int, include_below: bool = False) -> GradeGrid:
    """The collectives first (tree order), then the people of each unit by name, then those
    graded here this year who have since moved or stopped being followed (read-only)."""
    check_year(year)
    unit, ids, nodes = unit_scope(s, unit_id, include_below)
    order = {uid: i for i, uid in enumerate(ids)}
    people = s.execute(
        select(PersonRow.id, PersonRow.full_name, PersonRow.position, PersonRow.kind,
               PersonRow.unit_id)
        .where(PersonRow.unit_id.in_(ids), PersonRow.active.is_(True), started_by_end_of(year))
    ).all()  # fmt: skip
    here = select(PersonRow.id).where(PersonRow.unit_id.in_(ids), PersonRow.active.is_(True))
    grades: dict[tuple[SubjectKind, int, int], tuple[Grade, str]] = {}
    moved: list[int] = []
    for pid, uid, y, grade, note, in_unit in s.execute(
        select(_E.c.person_id, _E.c.unit_id, _E.c.year, _E.c.grade, _E.c.note, _E.c.in_unit_id)
        .where(_E.c.year.in_([year, year - 1]))
        .where(or_(_E.c.person_id.in_(here), _E.c.unit_id.in_(ids), _E.c.in_unit_id.in_(ids)))
    ):
        key = (_PERSON, pid, y) if pid is not None else (_UNIT, uid, y)
        grades[key] = (grade, note)
        if pid is not None and y == year and in_unit in order:
            moved.append(pid)

    def cell(kind: SubjectKind, id_: int) -> tuple[Grade | None, str, Grade | None]:
        now, last = grades.get((kind, id_, year)), grades.get((kind, id_, year - 1))
        return (now[0] if now else None, now[1] if now else "", last[0] if last else None)

    rows: list[GridRow] = []
    for uid in ids:
        u = nodes[uid]
        if u.kind is not UnitKind.GROUP and u.active:
            rows.append(GridRow(_UNIT, uid, u.name, u.kind.label, "Tập thể", u.name,
                                *cell(_UNIT, uid)))  # fmt: skip
    listed = set()
    for p in sorted(people, key=lambda p: (order[p.unit_id], name_sort_key(p.full_name))):
        listed.add(p.id)
        rows.append(GridRow(_PERSON, p.id, p.full_name, p.position, p.kind.label,
                            nodes[p.unit_id].name, *cell(_PERSON, p.id)))  # fmt: skip
    gone = [pid for pid in moved if pid not in listed]
    if gone:
        others = s.execute(
            select(PersonRow.id, PersonRow.full_name, PersonRow.position, PersonRow.kind,
                   PersonRow.unit_id, PersonRow.active).where(PersonRow.id.in_(gone))
        ).all()  # fmt: skip
        for p in sorted(others, key=lambda p: name_sort_key(p.full_name)):
            now = nodes[p.unit_id].name if p.unit_id in nodes else ""
            remark = f"Đã chuyển sang «{now}»" if p.active else "Đã ngừng theo dõi"
            rows.append(GridRow(_PERSON, p.id, p.full_name, p.position, p.kind.label, now,
                                *cell(_PERSON, p.id), editable=False, remark=remark))  # fmt: skip
    return GradeGrid(unit_id, unit.name, year, include_below, tuple(rows))
