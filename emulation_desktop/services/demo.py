"""The demo commune: a full, realistic data set so a newcomer sees a working app at once."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.demo_awards import DemoAwards, generate_demo_awards
from emulation_desktop.domain.demo_cycle import DemoCycle, generate_demo_cycle
from emulation_desktop.domain.demo_data import DemoCommune, generate_demo_commune
from emulation_desktop.domain.demo_history import DemoHistory, generate_demo_history
from emulation_desktop.domain.demo_records import Who
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.demo_awards import write_awards
from emulation_desktop.services.profile import write_profile
from emulation_desktop.services.registry_batch import BatchCounts, BatchIds, insert_registry_batch
from emulation_desktop.store.cycle_models import (
    AdvancedModelRow,
    ComplaintRow,
    InitiativeAuthorRow,
    InitiativeRow,
    MilestoneRow,
    MovementPhaseRow,
    MovementRow,
    MovementUnitRow,
    PersonPeriodRow,
    RegistrationRow,
    ReviewResultRow,
    ReviewRow,
    YearPlanRow,
)
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import (
    AuditEntryRow,
    CommuneProfileRow,
    EvaluationRow,
    UnitRow,
)

DEFAULT_SEED = 2026


class DemoService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def load(self, seed: int = DEFAULT_SEED) -> BatchCounts:
        """Fill an empty database with the demo commune, all in one transaction.

        A database that already holds a commune is refused untouched: the demo must never mix
        with real data.
        """
        demo = generate_demo_commune(seed)
        cycle = generate_demo_cycle(demo)
        history = generate_demo_history(demo, seed, cycle)
        awards = generate_demo_awards(demo, cycle, history, seed)
        with self._db.session_scope() as s:
            has_profile = s.scalar(select(func.count()).select_from(CommuneProfileRow))
            has_units = s.scalar(select(func.count()).select_from(UnitRow))
            if has_profile or has_units:
                raise UserError(
                    f"Cơ sở dữ liệu «{self._db.path.name}» đã có dữ liệu nên không nạp dữ liệu mẫu "
                    "(để không lẫn với dữ liệu thật). Hãy chọn một tệp cơ sở dữ liệu mới."
                )
            ids = insert_registry_batch(s, demo.units, demo.people, demo.households)
            _Writer(s, demo, ids).write(cycle, history, awards)
            counts = ids.counts
            write_profile(s, demo.profile)
            s.add(
                AuditEntryRow(
                    action="demo",
                    entity="database",
                    entity_id=None,
                    detail={
                        "seed": seed,
                        "people": counts.people,
                        "movements": len(cycle.movements),
                        "registrations": len(history.registrations),
                        "rounds": len(awards.rounds),
                        "decisions": len(awards.decisions),
                    },
                )
            )
        return counts


class _Writer:
    """Inserts the drafts of the demo, turning indices and keys into database ids."""

    def __init__(self, session: Session, demo: DemoCommune, ids: BatchIds) -> None:
        self._s = session
        self._demo = demo
        self._ids = ids
        self._movements: dict[str, MovementRow] = {}
        self._phases: dict[tuple[str, int], MovementPhaseRow] = {}
        self._registrations: list[RegistrationRow] = []

    def person(self, i: int | None) -> int | None:
        return None if i is None else self._ids.people[i]

    def unit(self, key: str | None) -> int | None:
        return None if key is None else self._ids.unit_by_key[key]

    def movement(self, key: str) -> int:
        return self._movements[key].id

    def registration(self, n: int) -> int:
        return self._registrations[n].id

    def who(self, who: Who | None) -> dict[str, object]:
        if who is None:
            return {"subject_kind": None, "person_id": None, "unit_id": None, "household_id": None}
        household = who.household_index
        return {
            "subject_kind": who.kind,
            "person_id": self.person(who.person_index),
            "unit_id": self.unit(who.unit_key),
            "household_id": None if household is None else self._ids.households[household],
        }

    def write(self, cycle: DemoCycle, history: DemoHistory, awards: DemoAwards) -> None:
        self._history(history)
        self._plans_and_movements(cycle)
        self._registrations_and_reviews(history)
        self._records(cycle)
        write_awards(self._s, self, awards)  # the awards come last: they point at all the rest

    def _history(self, history: DemoHistory) -> None:
        people = self._demo.people

        def home(i: int | None) -> int | None:  # the unit a person was graded in
            return None if i is None else self.unit(people[i].unit_key)

        self._s.add_all(
            EvaluationRow(person_id=self.person(e.person_index), unit_id=self.unit(e.unit_key),
                          in_unit_id=home(e.person_index), year=e.year, grade=e.grade)
            for e in history.evaluations
        )  # fmt: skip

    def _plans_and_movements(self, cycle: DemoCycle) -> None:
        s = self._s
        s.add_all(
            YearPlanRow(year=p.year, theme=p.theme, model_target=p.model_target,
                        plan_number=p.plan_number, plan_date=p.plan_date, note=p.note)
            for p in cycle.plans
        )  # fmt: skip
        for m in cycle.movements:
            row = MovementRow(
                year=m.year, name=m.name, theme=m.theme, kind=m.kind, launcher=m.launcher,
                launch_doc_type=m.doc.type, launch_doc_number=m.doc.number,
                launch_doc_date=m.doc.date, launch_doc_issuer=m.doc.issuer,
                launch_doc_subject=m.doc.subject, start_date=m.start, end_date=m.end,
                targets=m.targets, responsible_id=self.person(m.responsible_index), note=m.note,
                phases=[MovementPhaseRow(number=p.number, name=p.name, start_date=p.start,
                                         end_date=p.end, goals=p.goals) for p in m.phases],
            )  # fmt: skip
            s.add(row)
            self._movements[m.key] = row
            for phase in row.phases:
                self._phases[(m.key, phase.number)] = phase
        s.flush()
        for m in cycle.movements:
            row = self._movements[m.key]
            if m.copied_from is not None:
                row.copied_from_id = self._movements[m.copied_from].id
            s.add_all(
                MovementUnitRow(movement_id=row.id, unit_id=self.unit(k)) for k in m.unit_keys
            )
            s.add_all(
                MilestoneRow(
                    movement_id=row.id, name=x.name, origin_date=x.origin,
                    anniversary_date=x.anniversary,
                    phase_id=None if x.phase_number is None
                    else self._phases[(m.key, x.phase_number)].id,
                )
                for x in m.milestones
            )  # fmt: skip

    def _registrations_and_reviews(self, history: DemoHistory) -> None:
        rows = [
            RegistrationRow(
                **self.who(r.who), year=r.year, movement_id=self._movements[r.movement_key].id,
                award_code=r.award_code, targets=r.targets, status=r.status,
                registered_on=r.registered_on, decided_on=r.decided_on, note=r.note,
            )
            for r in history.registrations
        ]  # fmt: skip
        self._s.add_all(rows)
        self._registrations = rows
        reviews = [
            ReviewRow(
                movement_id=self._movements[v.movement_key].id,
                phase_id=None if v.phase_number is None
                else self._phases[(v.movement_key, v.phase_number)].id,
                kind=v.kind, held_on=v.held_on, document=v.document, summary=v.summary,
            )
            for v in history.reviews
        ]  # fmt: skip
        self._s.add_all(reviews)
        self._s.flush()
        self._s.add_all(
            ReviewResultRow(review_id=row.id, registration_id=rows[n].id, result=result)
            for row, v in zip(reviews, history.reviews, strict=True)
            for n, result in v.results
        )

    def _records(self, cycle: DemoCycle) -> None:
        s = self._s
        s.add_all(
            PersonPeriodRow(person_id=self.person(p.person_index), kind=p.kind,
                            start_date=p.start, end_date=p.end, form=p.form,
                            document=p.document, note=p.note)
            for p in cycle.periods
        )  # fmt: skip
        s.add_all(
            InitiativeRow(
                kind=i.kind, title=i.title, year=i.year, scope=i.scope, field=i.field,
                summary=i.summary, applied_from=i.applied_from, doc_number=i.doc_number,
                doc_date=i.doc_date, doc_issuer=i.doc_issuer,
                authors=[InitiativeAuthorRow(person_id=self.person(a), position=n)
                         for n, a in enumerate(i.authors)],
            )
            for i in cycle.initiatives
        )  # fmt: skip
        s.add_all(
            AdvancedModelRow(
                **self.who(m.who), year=m.year, name=m.name, description=m.description,
                channels=[c.value for c in m.channels], status=m.status,
                recognised_on=m.recognised_on, note=m.note,
                movement_id=None if m.movement_key is None else self._movements[m.movement_key].id,
            )
            for m in cycle.models
        )  # fmt: skip
        s.add_all(
            ComplaintRow(
                **self.who(c.who), kind=c.kind, received_on=c.received_on, sender=c.sender,
                content=c.content, deadline=c.deadline, handling=c.handling, result=c.result,
                closed_on=c.closed_on, document=c.document,
            )
            for c in cycle.complaints
        )  # fmt: skip
