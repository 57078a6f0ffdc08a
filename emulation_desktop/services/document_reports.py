"""Producers of the reports: the Báo cáo thành tích of one đề nghị (prefilled from the registry,
the grades, the initiatives and the award register) and the Báo cáo tổng kết of a year (every
figure counted here from the services, never in the builder). They read, never write."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select

from emulation_desktop.domain.achievement_report import (
    AchievementReport,
    Fact,
    award_phrase,
    grade_lines,
    past_awards,
    report_summary,
)
from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.decision_documents import DocumentHeader, SignatureBlock
from emulation_desktop.domain.decision_text import signature_lines
from emulation_desktop.domain.enums import (
    AwardKind,
    PersonKind,
    SignVariant,
    SubjectKind,
    UnitKind,
)
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.nominations import FIRST_YEAR, LAST_YEAR, NominationItem
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.domain.registry_views import SubjectHistory, UnitNode
from emulation_desktop.domain.text import date_line, thousands
from emulation_desktop.domain.year_report_document import (
    CHI_DAO,
    HAN_CHE,
    KIEN_NGHI,
    KINH_GUI,
    MO_DAU,
    NGUYEN_NHAN,
    NOI_NHAN,
    PHUONG_HUONG,
    UU_DIEM,
    AwardEntry,
    Heading,
    Part,
    StatColumn,
    StatTable,
    Text,
    YearReportDocument,
    award_table,
    grade_table,
    recipients,
)
from emulation_desktop.services.documents import DocumentSources
from emulation_desktop.services.reviews import ReviewService
from emulation_desktop.store.award_models import NominationRow
from emulation_desktop.store.models import HouseholdRow

NO_PROFILE = (
    "Chưa có thông tin đơn vị (tên xã, tỉnh, Chủ tịch UBND). Hãy nhập trong Cài đặt → Thông tin "
    "đơn vị rồi tạo lại văn bản."
)


def _profile(src: DocumentSources) -> CommuneProfile:
    profile = src.profile.get()
    if profile is None:
        raise UserError(NO_PROFILE)
    return profile


def _commune(profile: CommuneProfile) -> str:
    """ "xã Cát Thành" as running text writes it."""
    return f"{profile.kind.label.lower()} {profile.name}"


def _place(profile: CommuneProfile) -> str:
    return profile.place_name or profile.name


# Báo cáo thành tích ---------------------------------------------------------------------------


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
    profile = _profile(src)
    rnd = src.rounds.get(item.round_id)
    catalog, _why = src.rules.year_awards(item.year)
    award = catalog.get(item.award_code)
    kind = award.kind if award is not None else AwardKind.FORM
    summary = report_summary(award_phrase(item.award_name, kind, _commune(profile)),
                             item.period or f"năm {item.year}")  # fmt: skip
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
    header = DocumentHeader(issuer, "", day, date_line(_place(profile), day),
                            "BÁO CÁO THÀNH TÍCH", summary)  # fmt: skip
    titles, forms = past_awards(history.awards, item.year, item.award_name, day)
    about = {SubjectKind.PERSON: "I. SƠ LƯỢC LÝ LỊCH",
             SubjectKind.UNIT: "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
             SubjectKind.HOUSEHOLD: "I. THÔNG TIN VỀ HỘ GIA ĐÌNH"}[subject.kind]  # fmt: skip
    return AchievementReport(
        nomination_id=item.id, kind=subject.kind, subject=subject.name, parent=parent,
        header=header, about_title=about, facts=facts, duties_title=duties,
        achievement=item.achievement, results=_results(history, item.year), titles=titles,
        forms=forms, reporter=reporter, endorser=endorser, commune=commune,
    )  # fmt: skip


def _confirm(profile: CommuneProfile) -> SignatureBlock:
    return SignatureBlock(("XÁC NHẬN CỦA", f"UBND {_commune(profile).upper()}"), "")


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
    where = f"{p.unit_name}, {_commune(profile)}"
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
        Fact("Thôn, tổ dân phố", f"{unit.name}, {_commune(profile)}" if unit else ""),
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


# Báo cáo tổng kết -----------------------------------------------------------------------------


def year_report(src: DocumentSources, year: int) -> YearReportDocument:
    """The year's report with its statistics tables; refused for a year with no work recorded."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(f"Năm {year} không hợp lệ; hãy chọn năm từ {FIRST_YEAR} đến {LAST_YEAR}.")
    profile = _profile(src)
    today = src.today()
    overview = src.overview.year_overview(year, today)
    register = src.decisions.award_register(year)
    proposals = src.decisions.proposal_list(year)
    grades = src.evaluations.summary(year)
    reviews = ReviewService(src.db, src.rules).year_figures(year).reviews
    models = [m for m in src.models.models(year) if m.status.counts]
    if not (overview.movements or register or proposals or overview.registrations.total
            or sum(grades.people.values()) or sum(grades.collectives.values())):  # fmt: skip
        raise UserError(
            f"Năm {year} chưa có phong trào, đăng ký, xếp loại hay khen thưởng nào được ghi "
            "nhận, nên chưa có gì để báo cáo tổng kết."
        )
    blocks = src.text_blocks
    commune = _commune(profile)

    def block(b):  # type: ignore[no-untyped-def]
        return blocks.text(b, year)

    parts: list[Part] = [Text(block(MO_DAU)),
                         Heading(f"I. KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {year}"),
                         Heading("1. Công tác chỉ đạo, tổ chức thực hiện", 2)]  # fmt: skip
    if overview.plan_number:
        when = f" ngày {day_text(overview.plan_date)}" if overview.plan_date else ""
        theme = f" với chủ đề “{overview.theme}”" if overview.theme else ""
        parts.append(Text(
            f"Ủy ban nhân dân {commune} ban hành Kế hoạch số {overview.plan_number}{when} về "
            f"công tác thi đua, khen thưởng năm {year}{theme}."
        ))  # fmt: skip
    if overview.movements:
        lines = [f"Trong năm, {commune} đã triển khai {len(overview.movements)} phong trào thi "
                 "đua:"]  # fmt: skip
        for i, m in enumerate(overview.movements):
            phases = (f", gồm {len(m.phases)} đợt: " + "; ".join(p.name for p in m.phases)
                      if m.phases else "")  # fmt: skip
            end = ";" if i < len(overview.movements) - 1 else "."
            launcher = m.launcher.label.split(" (")[0]  # "UBND huyện", without its end date
            lines.append(f"- Phong trào “{m.name}” do {launcher} phát động, thực hiện "
                         f"từ ngày {day_text(m.start)} đến ngày {day_text(m.end)}{phases}{end}")
        parts.append(Text("\n".join(lines)))
    parts.append(Text(block(CHI_DAO)))
    parts.append(Heading("2. Kết quả thực hiện các phong trào thi đua", 2))
    parts += _movement_results(year, overview, reviews, models)
    parts.append(Heading("3. Công tác khen thưởng", 2))
    parts += _awards(year, register, proposals, profile.kind.label.lower())
    parts.append(Heading("4. Kết quả đánh giá, xếp loại mức độ hoàn thành nhiệm vụ", 2))
    parts.append(grade_table("xep_loai", f"Kết quả xếp loại năm {year}",
                             grades.people, grades.collectives))  # fmt: skip
    parts += [
        Heading("II. ĐÁNH GIÁ CHUNG"),
        Heading("1. Ưu điểm", 2), Text(block(UU_DIEM)),
        Heading("2. Hạn chế, tồn tại", 2), Text(block(HAN_CHE)),
        Heading("3. Nguyên nhân", 2), Text(block(NGUYEN_NHAN)),
        Heading(f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}"), Text(block(PHUONG_HUONG)),
        Heading("IV. ĐỀ XUẤT, KIẾN NGHỊ"), Text(block(KIEN_NGHI)),
        Text(f"Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm {year} và phương "
             f"hướng, nhiệm vụ năm {year + 1} của Ủy ban nhân dân {commune}./."),
    ]  # fmt: skip
    day = _report_day(year, today)
    header = DocumentHeader(
        ("ỦY BAN NHÂN DÂN", profile.display_name.upper()), "", day,
        date_line(_place(profile), day), "BÁO CÁO",
        f"Tổng kết công tác thi đua, khen thưởng năm {year}\n"
        f"và phương hướng, nhiệm vụ năm {year + 1}",
    )  # fmt: skip
    signature = SignatureBlock(signature_lines(SignVariant.DIRECT, "Chủ tịch", collective=True),
                               profile.chairman)  # fmt: skip
    return YearReportDocument(year, header, block(KINH_GUI).strip(), _numbered(parts),
                              signature, recipients(block(NOI_NHAN)))  # fmt: skip


def _numbered(parts: list[Part]) -> tuple[Part, ...]:
    """ "Bảng 1.", "Bảng 2." … in reading order (a table left out leaves no gap)."""
    out: list[Part] = []
    n = 0
    for part in parts:
        if isinstance(part, StatTable):
            n += 1
            part = replace(part, caption=f"Bảng {n}. {part.caption}")
        out.append(part)
    return tuple(out)


def _report_day(year: int, today: dt.date) -> dt.date:
    """Today while the report is current (its year or the first quarter after); the last day
    of the year when an old year's report is printed again."""
    if today.year == year or (today.year == year + 1 and today.month <= 3):
        return today
    return min(today, dt.date(year, 12, 31))


def _movement_results(year, overview, reviews, models) -> list[Part]:  # type: ignore[no-untyped-def]
    parts: list[Part] = []
    reg = overview.registrations
    if reg.total:
        by = ", ".join(f"{s.label.lower()} {n}" for s, n in reg.by_status)
        parts.append(Text(
            f"Có {reg.total} lượt đăng ký thi đua ({reg.collectives} tập thể, {reg.households} hộ "
            f"gia đình, {reg.people} cá nhân); trong đó: {by}."
        ))  # fmt: skip
    else:
        parts.append(Text(f"Năm {year} chưa ghi nhận lượt đăng ký thi đua nào."))
    if reviews:
        rows = [
            (str(i), f"{r.title} {'phong trào ' if r.phase_id else ''}“{r.movement_name}”",
             day_text(r.held_on), str(r.figures.registered), str(r.figures.exceeded),
             str(r.figures.met), str(r.figures.not_met))
            for i, r in enumerate(reviews, 1)
        ]  # fmt: skip
        parts.append(StatTable(
            "so_tong_ket", "Kết quả sơ kết, tổng kết các phong trào thi đua",
            (StatColumn("STT", 8), StatColumn("Hội nghị sơ kết, tổng kết", 36, "left"),
             StatColumn("Ngày", 17), StatColumn("Số đăng ký", 10), StatColumn("Vượt chỉ tiêu", 10),
             StatColumn("Đạt", 10), StatColumn("Chưa đạt", 10)),
            tuple(rows),
        ))  # fmt: skip
    progress = overview.models
    target = f" (chỉ tiêu kế hoạch: {progress.target})" if progress.target else ""
    text = (f"Xây dựng, công nhận {progress.counted} mô hình mới, điển hình tiên tiến{target}"
            + (": " + "; ".join(f"“{m.name}” ({m.subject.name})" for m in models) if models
               else "")
            + (f"; {progress.building} mô hình đang xây dựng" if progress.building else "")
            + ".")  # fmt: skip
    parts.append(Text(text))
    return parts


def _awards(year, register, proposals, level: str) -> list[Part]:  # type: ignore[no-untyped-def]
    """What the commune decided (numbered in its register, replaced awards left out), what it
    asked of higher levels, and the higher levels' awards recorded in the year."""
    own = [r for r in register if r.seq is not None and not r.revoked_by]
    higher = [r for r in register if r.seq is None and not r.revoked_by]
    decisions = len({r.decision_id for r in own})
    money = sum(r.amount or 0 for r in own)
    people = sum(r.subject.kind is SubjectKind.PERSON for r in own)
    units = sum(r.subject.kind is SubjectKind.UNIT for r in own)
    homes = sum(r.subject.kind is SubjectKind.HOUSEHOLD for r in own)
    parts: list[Part] = [Text(
        f"a) Khen thưởng thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân {level}: ban hành "
        f"{decisions} quyết định, khen thưởng {len(own)} lượt ({units} tập thể, {homes} hộ gia "
        f"đình, {people} cá nhân); tổng tiền thưởng {thousands(money)} đồng."
    )]  # fmt: skip
    entries = [AwardEntry(r.award_kind, r.award_name, r.subject.kind, r.amount) for r in own]
    parts.append(award_table("khen_thuong", f"Khen thưởng của Chủ tịch UBND {level} năm {year}",
                             entries))  # fmt: skip
    asked = sum(p.lines for p in proposals)
    granted = sum(p.awarded for p in proposals)
    parts.append(Text(
        f"b) Đề nghị cấp trên khen thưởng: {len(proposals)} tờ trình với {asked} lượt đề nghị; "
        f"đã có kết quả {granted} lượt được khen thưởng." if proposals else
        f"b) Đề nghị cấp trên khen thưởng: trong năm {year} không có tờ trình đề nghị cấp trên "
        "khen thưởng."
    ))  # fmt: skip
    if proposals:
        rows = [
            (str(i), f"{p.number} ngày {day_text(p.issued_on)}", p.recipient, str(p.lines),
             f"{p.status_text} ({p.answer})" if p.answer else p.status_text)
            for i, p in enumerate(sorted(proposals, key=lambda x: (x.issued_on, x.id)), 1)
        ]  # fmt: skip
        parts.append(StatTable(
            "de_nghi", f"Tờ trình đề nghị cấp trên khen thưởng năm {year}",
            (StatColumn("STT", 8), StatColumn("Tờ trình số, ngày", 20, "left"),
             StatColumn("Kính gửi", 22, "left"), StatColumn("Số đề nghị", 10),
             StatColumn("Kết quả", 42, "left")),
            tuple(rows),
        ))  # fmt: skip
    if higher:
        parts.append(Text(f"c) Khen thưởng của cấp trên ghi nhận trong năm {year}:"))
        entries = [AwardEntry(r.award_kind, r.award_name, r.subject.kind) for r in higher]
        parts.append(award_table("cap_tren", f"Khen thưởng của cấp trên năm {year}",
                                 entries, money=False))  # fmt: skip
    return parts
