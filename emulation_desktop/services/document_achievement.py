"""Producer of the Báo cáo thành tích of one đề nghị, prefilled from the registry, the grades,
the initiatives and the award register. It reads, never writes. The few profile helpers here
serve the year report too."""

from __future__ import annotations

from sqlalchemy import select

from emulation_desktop.domain.achievement_report import (
    AchievementReport,
    Fact,
    award_phrase,
    grade_lines,
    past_awards,
    report_ending,
    report_summary,
)
from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.decision_documents import DocumentHeader, SignatureBlock
from emulation_desktop.domain.enums import AwardKind, PersonKind, SubjectKind, UnitKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.nominations import NominationItem
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.domain.registry_views import SubjectHistory, UnitNode
from emulation_desktop.domain.text import date_line, thousands
from emulation_desktop.services.documents import DocumentSources
from emulation_desktop.store.award_models import NominationRow
from emulation_desktop.store.models import HouseholdRow

NO_PROFILE = (
    "Chưa có thông tin đơn vị (tên xã, tỉnh, Chủ tịch UBND). Hãy nhập trong Cài đặt → Thông tin "
    "đơn vị rồi tạo lại văn bản."
)


def profile_of(src: DocumentSources) -> CommuneProfile:
    profile = src.profile.get()
    if profile is None:
        raise UserError(NO_PROFILE)
    return profile


def commune_text(profile: CommuneProfile) -> str:
    """ "xã Cát Thành" as running text writes it."""
    return f"{profile.kind.label.lower()} {profile.name}"


def place_of(profile: CommuneProfile) -> str:
    return profile.place_name or profile.name



def achievement_report(src: DocumentSources, nomination_id: int) -> AchievementReport:
    """The report of one đề nghị: who, what they achieved, the awards they already hold."""
    with src.db.session_scope() as s:
        row = s.get(NominationRow, nomination_id)
        round_id = row.round_id if row is not None else None
    item = None
    if round_id is not None:
        item = next((i for i in src.rounds.items(round_id) if i.id == nomination_id), None)
    if item is None:
        raise UserError(f"Không có đề nghị khen thưởng mã {nomination_id}; hãy chọn lại.")
    profile = profile_of(src)
    rnd = src.rounds.get(item.round_id)
    catalog, _why = src.rules.year_awards(item.year)
    known = catalog.get(item.award_code)
    kind = known.kind if known is not None else AwardKind.FORM
    award = award_phrase(item.award_name, kind, commune_text(profile))
    period = item.period or f"năm {item.year}"
    units = {u.id: u for u in src.registry.units()}
    subject = item.subject
    if subject.kind is SubjectKind.PERSON:
        parts = _person(src, profile, item, units)
    elif subject.kind is SubjectKind.UNIT:
        parts = _collective(src, profile, item, units)
    else:
        parts = _household(src, profile, item, units)
    issuer_unit, history, facts, duties, reporter, endorser, commune = parts
    parent = profile.issuer if issuer_unit is not None else ""
    issuer = (issuer_unit.name,) if issuer_unit is not None else (
        "ỦY BAN NHÂN DÂN", profile.display_name.upper())  # fmt: skip
    day = rnd.received_on or src.today()
    header = DocumentHeader(issuer, "", day, date_line(place_of(profile), day),
                            "BÁO CÁO THÀNH TÍCH", report_summary(award, period))  # fmt: skip
    titles, forms = past_awards(history.awards, item.year, item.award_name, day)
    about = {SubjectKind.PERSON: "I. SƠ LƯỢC LÝ LỊCH",
             SubjectKind.UNIT: "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
             SubjectKind.HOUSEHOLD: "I. THÔNG TIN VỀ HỘ GIA ĐÌNH"}[subject.kind]  # fmt: skip
    return AchievementReport(
        nomination_id=item.id, kind=subject.kind, subject=subject.name, parent=parent,
        header=header, about_title=about, facts=facts, duties_title=duties,
        achievement=item.achievement, results=_results(history, item.year), titles=titles,
        forms=forms, reporter=reporter, endorser=endorser, commune=commune,
        ending=report_ending(subject.kind, subject.name, award, period),
    )  # fmt: skip


def _confirm(profile: CommuneProfile) -> SignatureBlock:
    return SignatureBlock(("XÁC NHẬN CỦA", f"UBND {commune_text(profile).upper()}"), "")


def _endorser(unit: UnitNode | None) -> SignatureBlock:
    """Who confirms a person's or a household's report: the thôn, tổ dân phố where they live,
    or the head of the unit where the person works."""
    if unit is not None and unit.kind is UnitKind.RESIDENTIAL:
        return SignatureBlock(("XÁC NHẬN CỦA", unit.name.upper()), "")
    return SignatureBlock(("THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ"), "")


def _person(src: DocumentSources, profile: CommuneProfile, item: NominationItem,
            units: dict[int, UnitNode]):  # type: ignore[no-untyped-def]  # fmt: skip
    detail = src.registry.person_detail(item.subject.id)
    if detail is None:
        raise UserError(f"Không tìm thấy cá nhân «{item.subject.name}»; có thể đã bị xóa hoặc gộp.")
    p = detail.person
    unit = units.get(item.proposing_unit_id or p.unit_id) or units.get(p.unit_id)
    where = f"{p.unit_name}, {commune_text(profile)}"
    citizen = p.kind is PersonKind.NHAN_DAN
    facts = [
        Fact("Họ và tên", p.full_name),
        Fact("Giới tính", p.gender.label),
        Fact("Ngày, tháng, năm sinh", p.birth),
        Fact("Quê quán"),
        Fact("Nơi ở hiện nay", detail.heads_households[0] if detail.heads_households else ""),
    ]
    if citizen:
        facts += [Fact("Nơi cư trú", where), Fact("Nghề nghiệp", p.position)]
        duties = "Nghề nghiệp, công việc đảm nhận"
    else:
        facts += [
            Fact("Đơn vị công tác", where),
            Fact("Chức vụ (Đảng, chính quyền, đoàn thể)", p.position),
            Fact("Ngày bắt đầu công tác", day_text(p.work_start) if p.work_start else ""),
            Fact("Trình độ chuyên môn, nghiệp vụ"),
            Fact("Trình độ lý luận chính trị"),
        ]
        duties = "Quyền hạn, nhiệm vụ được giao hoặc đảm nhận"
    reporter = SignatureBlock(("NGƯỜI BÁO CÁO THÀNH TÍCH",), p.full_name)
    return (unit, detail.history, tuple(facts), duties, reporter, _endorser(unit),
            _confirm(profile))  # fmt: skip


def _collective(src: DocumentSources, profile: CommuneProfile, item: NominationItem,
                units: dict[int, UnitNode]):  # type: ignore[no-untyped-def]  # fmt: skip
    unit = units.get(item.subject.id)
    if unit is None:
        raise UserError(f"Không tìm thấy tập thể «{item.subject.name}»; có thể đã bị xóa.")
    parent = units.get(unit.parent_id) if unit.parent_id is not None else None
    above = parent.name if parent is not None and parent.kind is not UnitKind.GROUP else ""
    facts = [
        Fact("Tên tập thể", unit.name),
        Fact("Loại hình", unit.kind.label),
        Fact("Trực thuộc", f"{above}, {profile.issuer}" if above else profile.issuer),
    ]
    if unit.kind is UnitKind.RESIDENTIAL:
        facts += [Fact("Số hộ gia đình", thousands(unit.households) if unit.households else ""),
                  Fact("Số nhân khẩu"), Fact("Nhà văn hóa, địa điểm sinh hoạt cộng đồng")]
        head = SignatureBlock((f"TRƯỞNG {unit.name.upper()}",), "")
    else:
        facts += [Fact("Số cán bộ, công chức, viên chức, người lao động",
                       thousands(unit.people) if unit.people else ""),
                  Fact("Địa chỉ trụ sở"), Fact("Điện thoại")]  # fmt: skip
        head = SignatureBlock(("THỦ TRƯỞNG ĐƠN VỊ",), "")
    history = src.registry.history(SubjectKind.UNIT, unit.id)
    # The collective reports itself; the commune confirms beside its head, no third block.
    return (unit, history, tuple(facts), "Chức năng, nhiệm vụ được giao", head,
            _confirm(profile), SignatureBlock((), ""))  # fmt: skip


def _household(src: DocumentSources, profile: CommuneProfile, item: NominationItem,
               units: dict[int, UnitNode]):  # type: ignore[no-untyped-def]  # fmt: skip
    with src.db.session_scope() as s:
        found = s.execute(
            select(HouseholdRow.head_id, HouseholdRow.address, HouseholdRow.unit_id)
            .where(HouseholdRow.id == item.subject.id)
        ).first()  # fmt: skip
    head = src.registry.person(found.head_id) if found is not None else None
    if found is None or head is None:
        raise UserError(f"Không tìm thấy hộ gia đình «{item.subject.name}»; có thể đã bị xóa.")
    unit = units.get(found.unit_id)
    facts = (
        Fact("Chủ hộ", f"{head.gender.honorific} {head.full_name}"),
        Fact("Ngày, tháng, năm sinh" if head.birth_date else "Năm sinh", head.birth),
        Fact("Địa chỉ", found.address),
        Fact("Thôn, tổ dân phố", f"{unit.name}, {commune_text(profile)}" if unit else ""),
        Fact("Số nhân khẩu"),
        Fact("Nghề nghiệp chính của hộ", head.position),
    )
    history = src.registry.history(SubjectKind.HOUSEHOLD, item.subject.id)
    reporter = SignatureBlock(("CHỦ HỘ",), head.full_name)
    return (unit, history, facts, "Hoàn cảnh gia đình, điều kiện kinh tế", reporter,
            _endorser(unit), _confirm(profile))  # fmt: skip


def _results(history: SubjectHistory, year: int) -> tuple[str, ...]:
    """The grades of the report's years, then the initiatives recognised in them."""
    out = []
    grades = grade_lines(history.evaluations, year)
    if grades:
        out.append("Kết quả đánh giá, xếp loại mức độ hoàn thành nhiệm vụ:")
        out.extend(f"- {g}" for g in grades)
    for r in history.initiatives:
        if year - 2 <= r.year <= year and r.recognised:
            out.append(f"- {r.kind.label} “{r.title}” ({r.scope.label.lower()}), được công nhận "
                       f"tại Quyết định số {r.document}.")  # fmt: skip
    return tuple(out)
