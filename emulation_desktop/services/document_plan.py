"""The data of the Kế hoạch documents: the year's plan (DocumentKind.PLAN, id = year) and the
plan launching one movement (DocumentKind.MOVEMENT_PLAN, id = movement id), read from the
movements, the year plan, the rules in force and the commune's wording blocks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from emulation_desktop.domain.decision_documents import DocumentHeader, SignatureBlock
from emulation_desktop.domain.decision_text import default_bases, signature_lines
from emulation_desktop.domain.enums import Launcher, RoundKind, SignVariant, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.movements import MovementDetail, YearPlan
from emulation_desktop.domain.plan_blocks import CAN_CU, KET_THUC, NOI_NHAN
from emulation_desktop.domain.plan_document import (
    MovementData,
    PhaseData,
    PlanDocument,
    anniversaries_phrase,
    bases_lines,
    closing_sentence,
    doc_reference,
    milestone_labels,
    movement_body,
    movement_summary,
    preamble,
    recipients_lines,
    year_body,
    year_summary,
)
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.domain.text import date_line, document_quotes, lower_first
from emulation_desktop.domain.text_blocks import TextBlock

NO_PROFILE = (
    "Chưa có thông tin đơn vị (tên xã, Chủ tịch UBND): hãy nhập trong Cài đặt → Thông tin đơn "
    "vị rồi tạo lại văn bản."
)
# The level right above the commune launches the year's work; a movement of the Prime Minister
# or a ministry is cited only when no such document exists.
_DIRECT_UPPER = (Launcher.PROVINCE, Launcher.DISTRICT)


def plan_of_year(sources, year: int) -> PlanDocument:  # type: ignore[no-untyped-def]
    """Kế hoạch thi đua, khen thưởng of `year`: every movement of the year, in start order."""
    items = sources.movements.list(year)
    if not items:
        raise UserError(
            f"Năm {year} chưa có phong trào thi đua nào nên chưa lập được kế hoạch. Hãy thêm "
            "phong trào (hoặc sao chép từ năm trước) rồi tạo lại."
        )
    profile = _profile(sources)
    plan: YearPlan = sources.movements.year_plan(year)
    details = [sources.movements.get(m.id) for m in items]
    movements = tuple(movement_data(d) for d in details)
    upper = upper_documents(details)
    day = plan.plan_date or issue_day(
        sources.today(), min(d.start for d in details), max(d.end for d in details),
        [d.launch_doc_date for d in upper],
    )  # fmt: skip
    name = f"Kế hoạch tổ chức thực hiện các phong trào thi đua và công tác khen thưởng năm {year}"
    values = _values(sources, day, [x for m in movements for x in m.milestones], name)

    def text(block: TextBlock) -> str:
        return sources.text_blocks.text(block, year, **values)

    references = [doc_reference(d.launch_line, d.launch_doc_subject) for d in upper]
    return PlanDocument(
        year=year,
        movement_id=None,
        header=_header(profile, plan.plan_number, day, year_summary(year)),
        bases=bases_lines(text(CAN_CU)),
        preamble=preamble(
            references, profile.issuer, f"Kế hoạch {lower_first(year_summary(year))}"
        ),
        body=year_body(year, plan.theme, plan.model_target, movements, text),
        ending=closing_sentence(text(KET_THUC)),
        recipients=recipients_lines(text(NOI_NHAN)),
        signature=_signature(profile),
        movements=movements,
    )


def plan_of_movement(sources, movement_id: int) -> PlanDocument:  # type: ignore[no-untyped-def]
    """Kế hoạch phát động one movement. A movement the commune launched by its own Kế hoạch
    prints that plan's number, date and trích yếu; another gets a blank number for the văn
    thư and today's date (see `issue_day`)."""
    detail: MovementDetail = sources.movements.get(movement_id)
    profile = _profile(sources)
    m = movement_data(detail)
    own = detail.launcher is Launcher.COMMUNE and "/KH" in detail.launch_doc_number
    number = detail.launch_doc_number if own else ""
    plan: YearPlan = sources.movements.year_plan(detail.year)
    references: list[str] = []
    cited: list[dt.date | None] = []
    if not own and detail.launch_line:
        references.append(doc_reference(detail.launch_line, detail.launch_doc_subject))
        cited.append(detail.launch_doc_date)
    if plan.plan_number and plan.plan_number != number:
        references.append(
            doc_reference(f"{plan.plan_line} của {profile.issuer}", year_summary(detail.year))
        )
        cited.append(plan.plan_date)
    day = (detail.launch_doc_date if own else None) or issue_day(
        sources.today(), detail.start, detail.end, cited
    )
    summary = movement_summary(detail.name, detail.year)
    if own and detail.launch_doc_subject:
        summary = document_quotes(detail.launch_doc_subject).rstrip(" .")
    name = f"Kế hoạch {lower_first(summary)}"
    values = _values(sources, day, m.milestones, name)

    def text(block: TextBlock) -> str:
        return sources.text_blocks.text(block, detail.year, **values)

    return PlanDocument(
        year=detail.year,
        movement_id=detail.id,
        header=_header(profile, number, day, summary),
        bases=bases_lines(text(CAN_CU)),
        preamble=preamble(references, profile.issuer, name),
        body=movement_body(m, detail.year, text),
        ending=closing_sentence(text(KET_THUC)),
        recipients=recipients_lines(text(NOI_NHAN)),
        signature=_signature(profile),
        movements=(m,),
    )


def issue_day(
    today: dt.date, start: dt.date, end: dt.date, cited: Sequence[dt.date | None] = ()
) -> dt.date:
    """The date of a plan not yet dated: today while its work is ahead or under way. A plan of
    work already over is dated when it would have been issued (its start, or after the
    documents it carries out), so that it cites the laws in force then."""
    if today <= end:
        return today
    return min(max([start, *(d for d in cited if d is not None)]), end)


def movement_data(d: MovementDetail) -> MovementData:
    labels = {
        ms.id: milestone_labels([(ms.name, ms.origin_date, ms.anniversary_date)])[0]
        for ms in d.milestones
    }
    ordered = sorted(d.milestones, key=lambda ms: ms.anniversary_date)
    phases = tuple(
        PhaseData(p.number, p.name, p.start, p.end, p.goals,
                  tuple(labels[ms.id] for ms in ordered if ms.phase_number == p.number))
        for p in d.phases
    )  # fmt: skip
    responsible = ""
    if d.responsible is not None:
        r = d.responsible
        responsible = (
            f"đồng chí {r.name}" + (f" ({r.place})" if r.place else "")
            if r.kind is SubjectKind.PERSON
            else r.name
        )
    return MovementData(
        id=d.id, name=d.name, theme=d.theme, start=d.start, end=d.end,
        launch_line=d.launch_line, launch_subject=d.launch_doc_subject,
        launched_here=d.launcher is Launcher.COMMUNE,
        targets=tuple(t for t in (x.strip() for x in d.targets.split("\n")) if t),
        phases=phases, milestones=tuple(labels[ms.id] for ms in ordered),
        units=tuple(u.name for u in d.units), responsible=responsible,
    )  # fmt: skip


def upper_documents(details: Sequence[MovementDetail]) -> list[MovementDetail]:
    """The movements whose upper-level documents the year's plan carries out, one per
    document, oldest first."""
    upper = [d for d in details if d.launcher is not Launcher.COMMUNE and d.launch_line]
    direct = [d for d in upper if d.launcher in _DIRECT_UPPER]
    chosen = sorted(direct or upper, key=lambda d: d.launch_doc_date or dt.date.max)
    seen: dict[str, MovementDetail] = {}
    for d in chosen:
        seen.setdefault(d.launch_line, d)
    return list(seen.values())


def law_bases(sources, day: dt.date) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The Luật Thi đua, khen thưởng and the decree detailing it on `day` (as the seed plan)."""
    try:
        rules = sources.rules.in_force(day)
    except UserError:  # no rule set covers that day: the law alone
        return default_bases(day, "", "", RoundKind.YEAR_END, None)[1:2]
    return default_bases(day, rules.code, rules.basis.text, RoundKind.YEAR_END, None)[1:3]


def _values(sources, day: dt.date, milestones: Sequence[str], name: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        "can_cu": "\n".join(law_bases(sources, day)),
        "ky_niem": anniversaries_phrase(milestones),
        "ten_ke_hoach": name,
    }


def _profile(sources) -> CommuneProfile:  # type: ignore[no-untyped-def]
    profile = sources.profile.get()
    if profile is None:
        raise UserError(NO_PROFILE)
    return profile


def _header(profile: CommuneProfile, number: str, day: dt.date, summary: str) -> DocumentHeader:
    place = profile.place_name or profile.name
    issuer = ("ỦY BAN NHÂN DÂN", f"{profile.kind.label.upper()} {profile.name.upper()}")
    return DocumentHeader(issuer, number, day, date_line(place, day), "KẾ HOẠCH", summary)


def _signature(profile: CommuneProfile) -> SignatureBlock:
    return SignatureBlock(signature_lines(SignVariant.TM, "Chủ tịch"), profile.chairman)
