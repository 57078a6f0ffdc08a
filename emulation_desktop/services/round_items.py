"""Adding đề nghị to a round's list: from approved registrations, from the year's grades, or one
subject at a time; editing and deleting them. Everything inside the caller's transaction.

The award must be in the rules in force for the round (`Catalog`) and fit the subject's kind;
a subject + award already in the list is skipped and named, a subject no longer followed is
refused and named. Each new đề nghị gets its dossier papers at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.enums import (
    DossierKind,
    Grade,
    NominationSource,
    NominationStatus,
    RegistrationStatus,
    RoundStatus,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.nomination_dossier import item_paper_kinds
from emulation_desktop.domain.nominations import AddResult, NominationInput, award_fit_problem
from emulation_desktop.domain.rules.model import AwardType
from emulation_desktop.domain.subjects import SubjectKey, SubjectRef
from emulation_desktop.domain.workflow import editable_list, require_status
from emulation_desktop.services.dossier import add_item_papers, add_papers
from emulation_desktop.services.initiatives import recognised_years
from emulation_desktop.services.registry_read import unit_and_descendants
from emulation_desktop.services.round_read import taken_keys
from emulation_desktop.services.subjects import subject_columns, subject_key, subject_refs
from emulation_desktop.store.award_models import DossierItemRow, NominationRoundRow, NominationRow
from emulation_desktop.store.cycle_models import RegistrationRow
from emulation_desktop.store.models import EvaluationRow, HouseholdRow, PersonRow, UnitRow


@dataclass(frozen=True, slots=True)
class Catalog:
    """The awards a round's list may hold: those of the rules in force for it."""

    rules_name: str
    awards: Mapping[str, AwardType]
    initiative_awards: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Candidate:
    key: SubjectKey
    award_code: str
    proposing_unit_id: int | None
    source: NominationSource
    registration_id: int | None = None
    achievement: str = ""
    period: str = ""
    note: str = ""


def require_draft(row: NominationRoundRow) -> None:
    """The list is changed only while it is drawn up."""
    if editable_list(row.status):
        return
    if row.status is RoundStatus.SUBMITTED:
        raise UserError(
            f"Đợt xét «{row.name}» đã trình Hội đồng nên không sửa danh sách được. Muốn sửa, "
            "hãy bấm «Trả về lập danh sách» (khi Hội đồng chưa họp xét)."
        )
    require_status(row.status, RoundStatus.DRAFT)


def add_candidates(
    s: Session, r: NominationRoundRow, candidates: Iterable[Candidate], catalog: Catalog
) -> tuple[AddResult, list[int]]:
    """Add what fits; (what happened, the new ids)."""
    candidates = list(candidates)
    refs = subject_refs(s, [c.key for c in candidates])
    taken = taken_keys(s, r.id)
    initiative = recognised_years(s) if catalog.initiative_awards else {}
    position = s.scalar(select(func.max(NominationRow.position)).where(
        NominationRow.round_id == r.id)) or 0  # fmt: skip
    duplicates: list[str] = []
    refused: list[str] = []
    ids: list[int] = []
    for c in candidates:
        ref = refs.get(c.key)
        if ref is None:
            refused.append(f"mã {c.key[1]} (không còn trong danh sách đối tượng)")
            continue
        if problem := subject_problem(ref, c.award_code, catalog):
            refused.append(f"{ref.name} ({problem})")
            continue
        if (*c.key, c.award_code) in taken:
            duplicates.append(ref.name)
            continue
        taken.add((*c.key, c.award_code))
        position += 1
        row = NominationRow(
            round_id=r.id, position=position, subject_kind=ref.kind,
            **subject_columns(ref.kind, ref.id), award_code=c.award_code, year=r.year,
            period=c.period or r.period, achievement=c.achievement,
            proposing_unit_id=c.proposing_unit_id, source=c.source,
            registration_id=c.registration_id, status=NominationStatus.PROPOSED, note=c.note,
        )  # fmt: skip
        s.add(row)
        s.flush()
        ids.append(row.id)
        add_item_papers(s, r.id, row.id, catalog.awards.get(c.award_code),
                        _initiative(ref, c.award_code, r.year, catalog, initiative))  # fmt: skip
    return AddResult(len(ids), tuple(duplicates), tuple(refused)), ids


def subject_problem(ref: SubjectRef, award_code: str, catalog: Catalog) -> str | None:
    if not ref.active:
        return "đã ngừng theo dõi"
    problem = award_fit_problem(award_code, ref, catalog.awards, catalog.rules_name)
    return problem[0].lower() + problem[1:] if problem else None


def _initiative(
    ref: SubjectRef, code: str, year: int, catalog: Catalog, years: Mapping[int, set[int]]
) -> bool:
    return (code in catalog.initiative_awards and ref.kind is SubjectKind.PERSON
            and year in years.get(ref.id, ()))  # fmt: skip


def place_of(s: Session, keys: Iterable[SubjectKey]) -> dict[SubjectKey, int]:
    """The unit that proposes a subject by default: a person's or household's unit, a
    collective itself."""
    wanted: dict[SubjectKind, set[int]] = {k: set() for k in SubjectKind}
    for kind, id_ in keys:
        wanted[kind].add(id_)
    out: dict[SubjectKey, int] = {(SubjectKind.UNIT, u): u for u in wanted[SubjectKind.UNIT]}
    if ids := wanted[SubjectKind.PERSON]:
        for pid, uid in s.execute(select(PersonRow.id, PersonRow.unit_id).where(
                PersonRow.id.in_(ids))):  # fmt: skip
            out[(SubjectKind.PERSON, pid)] = uid
    if ids := wanted[SubjectKind.HOUSEHOLD]:
        for hid, uid in s.execute(select(HouseholdRow.id, HouseholdRow.unit_id).where(
                HouseholdRow.id.in_(ids))):  # fmt: skip
            out[(SubjectKind.HOUSEHOLD, hid)] = uid
    return out


# Sources ---------------------------------------------------------------------------------------


def from_registrations(
    s: Session, r: NominationRoundRow, award_code: str = "", movement_id: int | None = None,
    unit_id: int | None = None,
) -> list[Candidate]:  # fmt: skip
    """Approved registrations of the round's year to a title (of `award_code`, to
    `movement_id`, by subjects of `unit_id` and the units below, when given)."""
    stmt = select(RegistrationRow).where(
        RegistrationRow.year == r.year, RegistrationRow.status == RegistrationStatus.APPROVED,
        RegistrationRow.award_code != "",
    )  # fmt: skip
    if award_code:
        stmt = stmt.where(RegistrationRow.award_code == award_code)
    if movement_id is not None:
        stmt = stmt.where(RegistrationRow.movement_id == movement_id)
    rows = s.scalars(stmt.order_by(RegistrationRow.id)).all()
    keys = [subject_key(x.person_id, x.unit_id, x.household_id) for x in rows]
    places = place_of(s, keys)
    allowed = set(unit_and_descendants(s, unit_id)) if unit_id is not None else None
    return [
        Candidate(key, x.award_code, places.get(key), NominationSource.REGISTRATION, x.id)
        for x, key in zip(rows, keys, strict=True)
        if allowed is None or places.get(key) in allowed
    ]


def from_grades(
    s: Session, r: NominationRoundRow, award: AwardType, unit_id: int | None,
    include_below: bool, at_least: Grade,
) -> list[Candidate]:  # fmt: skip
    """Everyone graded `at_least` in the round's year in the unit (and those below): people
    for a person's award, the collectives for a collective's; a person counts where graded."""
    allowed = (
        None if unit_id is None
        else set(unit_and_descendants(s, unit_id)) if include_below else {unit_id}
    )  # fmt: skip
    good = [g for g in Grade if g.rank >= Grade(at_least).rank]
    out: list[Candidate] = []
    if award.subject is SubjectKind.PERSON:
        where = func.coalesce(EvaluationRow.in_unit_id, PersonRow.unit_id)
        stmt = (
            select(PersonRow.id, where, PersonRow.sort_key)
            .join(EvaluationRow, EvaluationRow.person_id == PersonRow.id)
            .where(EvaluationRow.year == r.year, EvaluationRow.grade.in_(good))
            .order_by(PersonRow.sort_key)
        )
        if allowed is not None:
            stmt = stmt.where(where.in_(allowed))
        for pid, uid, _ in s.execute(stmt):
            out.append(Candidate((SubjectKind.PERSON, pid), award.code, uid,
                                 NominationSource.EVALUATION))  # fmt: skip
    elif award.subject is SubjectKind.UNIT:
        stmt = (
            select(UnitRow.id)
            .join(EvaluationRow, EvaluationRow.unit_id == UnitRow.id)
            .where(EvaluationRow.year == r.year, EvaluationRow.grade.in_(good),
                   UnitRow.kind != UnitKind.GROUP)
            .order_by(UnitRow.sort_order, UnitRow.name_fold)
        )  # fmt: skip
        if allowed is not None:
            stmt = stmt.where(UnitRow.id.in_(allowed))
        for (uid,) in s.execute(stmt):
            out.append(Candidate((SubjectKind.UNIT, uid), award.code, uid,
                                 NominationSource.EVALUATION))  # fmt: skip
    else:
        raise ValidationError({"award_code": (
            f"«{award.name}» dành cho hộ gia đình, mà hộ gia đình không xếp loại hoàn thành "
            "nhiệm vụ; hãy thêm từ đăng ký thi đua hoặc thêm từng hộ.")})  # fmt: skip
    return out


# One đề nghị -----------------------------------------------------------------------------------


def add_one(s: Session, r: NominationRoundRow, clean: NominationInput, catalog: Catalog) -> int:
    """One subject, with its texts; every refusal under its field."""
    assert clean.subject is not None
    ref = _subject(s, clean.subject)
    _check_fit(s, r, ref, clean.award_code, catalog)
    unit = _proposing_unit(s, clean.proposing_unit_id)
    if unit is None:
        unit = place_of(s, [ref.key]).get(ref.key)
    candidate = Candidate(ref.key, clean.award_code, unit, NominationSource.MANUAL,
                          achievement=clean.achievement, period=clean.period,
                          note=clean.note)  # fmt: skip
    _result, ids = add_candidates(s, r, [candidate], catalog)
    return ids[0]


def update_one(
    s: Session, r: NominationRoundRow, row: NominationRow, clean: NominationInput,
    catalog: Catalog,
) -> SubjectRef:  # fmt: skip
    """Change the award, period, achievement, proposing unit and note (not the subject: that
    is another đề nghị). The dossier papers follow a changed award."""
    ref = _subject(s, (row.subject_kind, row.subject_id))
    if clean.award_code != row.award_code:
        _check_fit(s, r, ref, clean.award_code, catalog)
    unit = _proposing_unit(s, clean.proposing_unit_id)
    row.proposing_unit_id = unit if unit is not None else place_of(s, [ref.key]).get(ref.key)
    row.period, row.achievement, row.note = clean.period, clean.achievement, clean.note
    if clean.award_code != row.award_code:
        row.award_code = clean.award_code
        years = recognised_years(s) if catalog.initiative_awards else {}
        initiative = _initiative(ref, row.award_code, row.year, catalog, years)
        wanted = item_paper_kinds(catalog.awards.get(row.award_code), initiative)
        papers = s.scalars(select(DossierItemRow).where(
            DossierItemRow.nomination_id == row.id)).all()  # fmt: skip
        for p in papers:  # a paper ticked or with its file stays: it was real work
            stale = p.kind is not DossierKind.OTHER and p.kind not in wanted
            if stale and not p.done and not p.file_name:
                s.delete(p)
        have = {p.kind for p in papers}
        add_papers(s, r.id, row.id, [k for k in wanted if k not in have])
    return ref


def _subject(s: Session, key: SubjectKey) -> SubjectRef:
    ref = subject_refs(s, [key]).get(key)
    if ref is None:
        raise ValidationError({"subject": "Không tìm thấy đối tượng này; có thể đã bị xóa."})
    return ref


def _check_fit(
    s: Session, r: NominationRoundRow, ref: SubjectRef, code: str, catalog: Catalog
) -> None:
    if not ref.active:
        raise ValidationError({"subject": f"«{ref.name}» đã ngừng theo dõi nên không đề nghị "
                                          "khen thưởng được."})  # fmt: skip
    if problem := award_fit_problem(code, ref, catalog.awards, catalog.rules_name):
        raise ValidationError({"award_code": problem})
    if (*ref.key, code) in taken_keys(s, r.id):
        name = catalog.awards[code].name
        raise ValidationError({"subject": f"«{ref.name}» đã có trong danh sách đợt xét với "
                                          f"«{name}»; không đề nghị trùng."})  # fmt: skip


def _proposing_unit(s: Session, unit_id: int | None) -> int | None:
    if unit_id is not None and s.get(UnitRow, unit_id) is None:
        raise ValidationError({"proposing_unit_id": "Đơn vị đề nghị không còn trong danh sách; "
                                                    "hãy chọn lại."})  # fmt: skip
    return unit_id
