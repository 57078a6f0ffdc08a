"""Units, people and households: what the registry screens, the import and the export ask for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.registry import HouseholdInput, PersonInput, UnitInput
from emulation_desktop.domain.registry_views import (
    DuplicateGroup,
    HouseholdItem,
    HouseholdQuery,
    PersonDetail,
    PersonItem,
    PersonQuery,
    SubjectHistory,
    UnitNode,
)
from emulation_desktop.domain.text import fold, nfc
from emulation_desktop.services import (
    registry_history,
    registry_merge,
    registry_read,
    registry_write,
)
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import HouseholdRow


class RegistryService:
    """Reads return frozen values; writes validate first and run in one transaction each."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._today = today
        self._last_count: tuple[PersonQuery, int] | None = None  # a hint for the page plan

    # Reading ----------------------------------------------------------------------------------

    def units(self) -> list[UnitNode]:
        with self._db.session_scope() as s:
            return registry_read.unit_tree(s)

    def count_people(self, q: PersonQuery) -> int:
        with self._db.session_scope() as s:
            n = registry_read.count_people(s, q)
        self._last_count = (q, n)
        return n

    def people_page(self, q: PersonQuery, offset: int, limit: int) -> list[PersonItem]:
        last = self._last_count
        matches = last[1] if last is not None and last[0] == q else None
        with self._db.session_scope() as s:
            return registry_read.people_page(s, q, offset, limit, matches)

    def iter_people(self, q: PersonQuery) -> Iterator[PersonItem]:
        with self._db.session_scope() as s:
            yield from registry_read.iter_people(s, q)

    def person(self, person_id: int) -> PersonItem | None:
        with self._db.session_scope() as s:
            found = registry_read.people_by_ids(s, [person_id])
            return found[0] if found else None

    def person_detail(self, person_id: int) -> PersonDetail | None:
        with self._db.session_scope() as s:
            found = registry_read.people_by_ids(s, [person_id])
            if not found:
                return None
            person = found[0]
            paths = {u.id: u.path for u in registry_read.unit_tree(s)}
            heads = tuple(
                h.address or "(chưa ghi địa chỉ)"
                for h in s.query(HouseholdRow).filter(HouseholdRow.head_id == person_id)
            )
            return PersonDetail(
                person,
                paths.get(person.unit_id, person.unit_name),
                registry_history.history(s, SubjectKind.PERSON, person_id),
                heads,
            )

    def history(self, kind: SubjectKind, subject_id: int) -> SubjectHistory:
        with self._db.session_scope() as s:
            return registry_history.history(s, kind, subject_id)

    def count_households(self, q: HouseholdQuery) -> int:
        with self._db.session_scope() as s:
            return registry_read.count_households(s, q)

    def households_page(self, q: HouseholdQuery, offset: int, limit: int) -> list[HouseholdItem]:
        with self._db.session_scope() as s:
            return registry_read.households_page(s, q, offset, limit)

    def iter_households(self, q: HouseholdQuery) -> Iterator[HouseholdItem]:
        with self._db.session_scope() as s:
            offset = 0
            while page := registry_read.households_page(s, q, offset, 2000):
                yield from page
                offset += len(page)

    def possible_duplicates(
        self,
        full_name: str,
        birth_date: dt.date | None,
        birth_year: int | None,
        exclude_id: int | None = None,
    ) -> list[PersonItem]:
        """People an entry may repeat: same name (any case or accents) and a compatible birth."""
        with self._db.session_scope() as s:
            ids = registry_read.same_name_people(
                s, fold(nfc(full_name)), (birth_date, birth_year), exclude_id
            )
            return registry_read.people_by_ids(s, ids)

    def duplicate_groups(self) -> list[DuplicateGroup]:
        with self._db.session_scope() as s:
            groups = []
            for ids in registry_read.duplicate_id_groups(s):
                people = registry_read.people_by_ids(s, ids)
                counts = registry_history.award_counts(s, ids)
                groups.append(
                    DuplicateGroup(
                        "Trùng họ tên và năm sinh",
                        tuple(people),
                        tuple(counts.get(p.id, 0) for p in people),
                    )
                )
            return groups

    # Writing ----------------------------------------------------------------------------------

    def create_person(self, data: PersonInput) -> int:
        with self._db.session_scope() as s:
            return registry_write.create_person(s, data, self._today())

    def update_person(self, person_id: int, data: PersonInput) -> None:
        with self._db.session_scope() as s:
            registry_write.update_person(s, person_id, data, self._today())

    def move_people(self, person_ids: Sequence[int], unit_id: int) -> int:
        with self._db.session_scope() as s:
            return registry_write.move_people(s, person_ids, unit_id)

    def set_people_active(self, person_ids: Sequence[int], active: bool) -> int:
        with self._db.session_scope() as s:
            return registry_write.set_people_active(s, person_ids, active)

    def delete_person(self, person_id: int) -> None:
        with self._db.session_scope() as s:
            registry_write.delete_person(s, person_id)

    def merge_people(self, keep_id: int, remove_id: int) -> dict[str, int]:
        with self._db.session_scope() as s:
            return registry_merge.merge_people(s, keep_id, remove_id)

    def create_unit(self, data: UnitInput) -> int:
        with self._db.session_scope() as s:
            return registry_write.create_unit(s, data)

    def update_unit(self, unit_id: int, data: UnitInput) -> None:
        with self._db.session_scope() as s:
            registry_write.update_unit(s, unit_id, data)

    def set_unit_active(self, unit_id: int, active: bool) -> None:
        with self._db.session_scope() as s:
            registry_write.set_unit_active(s, unit_id, active)

    def delete_unit(self, unit_id: int) -> None:
        with self._db.session_scope() as s:
            registry_write.delete_unit(s, unit_id)

    def create_household(self, data: HouseholdInput) -> int:
        with self._db.session_scope() as s:
            return registry_write.create_household(s, data)

    def update_household(self, household_id: int, data: HouseholdInput) -> None:
        with self._db.session_scope() as s:
            registry_write.update_household(s, household_id, data)

    def set_households_active(self, ids: Sequence[int], active: bool) -> int:
        with self._db.session_scope() as s:
            return registry_write.set_households_active(s, ids, active)

    def delete_household(self, household_id: int) -> None:
        with self._db.session_scope() as s:
            registry_write.delete_household(s, household_id)
