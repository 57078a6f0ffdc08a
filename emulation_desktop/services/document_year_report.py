"""Producer of the Báo cáo tổng kết of a year: every figure counted here from the services,
never in the builder; a sentence never prints a count of zero ("0 hộ gia đình"). It reads,
never writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.decision_documents import DocumentHeader, SignatureBlock
from emulation_desktop.domain.decision_text import signature_lines
from emulation_desktop.domain.decisions import Counts
from emulation_desktop.domain.enums import SignVariant, SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.nominations import FIRST_YEAR, LAST_YEAR
from emulation_desktop.domain.text import date_line, quoted_name, thousands
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
from emulation_desktop.services.document_achievement import commune_text, place_of, profile_of
from emulation_desktop.services.documents import DocumentSources
from emulation_desktop.services.reviews import ReviewService

_KINDS = (SubjectKind.UNIT, SubjectKind.HOUSEHOLD, SubjectKind.PERSON)


def year_report(src: DocumentSources, year: int) -> YearReportDocument:
    """The year's report with its statistics tables; refused for a year with no work recorded."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(f"Năm {year} không hợp lệ; hãy chọn năm từ {FIRST_YEAR} đến {LAST_YEAR}.")
    profile = profile_of(src)
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
    commune = commune_text(profile)

    def block(b):  # type: ignore[no-untyped-def]
        return blocks.text(b, year)

    parts: list[Part] = [Text(block(MO_DAU)),
                         Heading(f"I. KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {year}"),
                         Heading("1. Công tác chỉ đạo, tổ chức thực hiện", 2)]  # fmt: skip
    if overview.plan_number:
        when = f" ngày {day_text(overview.plan_date)}" if overview.plan_date else ""
        theme = f" với chủ đề {quoted_name(overview.theme)}" if overview.theme else ""
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
            lines.append(f"- Phong trào {quoted_name(m.name)} do {launcher} phát động, thực hiện "
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
        date_line(place_of(profile), day), "BÁO CÁO",
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
        who = Counts(reg.collectives, reg.households, reg.people).text
        by = ", ".join(f"{s.label.lower()} {n}" for s, n in reg.by_status if n)
        parts.append(Text(f"Có {reg.total} lượt đăng ký thi đua ({who}); trong đó: {by}."))
    else:
        parts.append(Text(f"Năm {year} chưa ghi nhận lượt đăng ký thi đua nào."))
    if reviews:
        rows = [
            (str(i),
             f"{r.title} {'phong trào ' if r.phase_id else ''}{quoted_name(r.movement_name)}",
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
    if progress.counted:
        text = f"Xây dựng, công nhận {progress.counted} mô hình mới, điển hình tiên tiến{target}"
    else:
        text = f"Trong năm chưa công nhận mô hình mới, điển hình tiên tiến nào{target}"
    if models:
        text += ": " + "; ".join(f"{quoted_name(m.name)} ({m.subject.name})" for m in models)
    if progress.building:
        text += f"; {progress.building} mô hình đang xây dựng"
    text += "."
    parts.append(Text(text))
    return parts


def _awards(year, register, proposals, level: str) -> list[Part]:  # type: ignore[no-untyped-def]
    """What the commune decided (numbered in its register, replaced awards left out), what it
    asked of higher levels, and the higher levels' awards recorded in the year."""
    own = [r for r in register if r.seq is not None and not r.revoked_by]
    higher = [r for r in register if r.seq is None and not r.revoked_by]
    decisions = len({r.decision_id for r in own})
    money = sum(r.amount or 0 for r in own)
    who = Counts(*(sum(r.subject.kind is k for r in own) for k in _KINDS)).text
    head = f"a) Khen thưởng thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân {level}: "
    if not own:
        return [Text(head + f"trong năm {year} chưa có quyết định khen thưởng nào."),
                *_proposals(year, proposals), *_higher(year, higher)]  # fmt: skip
    paid = f"; tổng tiền thưởng {thousands(money)} đồng" if money else ""
    parts: list[Part] = [Text(
        head + f"ban hành {decisions} quyết định, khen thưởng {len(own)} lượt ({who}){paid}."
    )]  # fmt: skip
    entries = [AwardEntry(r.award_kind, r.award_name, r.subject.kind, r.amount) for r in own]
    parts.append(award_table("khen_thuong", f"Khen thưởng của Chủ tịch UBND {level} năm {year}",
                             entries))  # fmt: skip
    return parts + _proposals(year, proposals) + _higher(year, higher)


def _proposals(year, proposals) -> list[Part]:  # type: ignore[no-untyped-def]
    if not proposals:
        return [Text(f"b) Đề nghị cấp trên khen thưởng: trong năm {year} không có tờ trình đề "
                     "nghị cấp trên khen thưởng.")]  # fmt: skip
    asked = sum(p.lines for p in proposals)
    granted = sum(p.awarded for p in proposals)
    result = (f"đã có kết quả {granted} lượt được khen thưởng" if granted
              else "chưa có kết quả khen thưởng")  # fmt: skip
    parts: list[Part] = [Text(f"b) Đề nghị cấp trên khen thưởng: {len(proposals)} tờ trình với "
                              f"{asked} lượt đề nghị; {result}.")]  # fmt: skip
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
    return parts


def _higher(year, higher) -> list[Part]:  # type: ignore[no-untyped-def]
    if not higher:
        return []
    entries = [AwardEntry(r.award_kind, r.award_name, r.subject.kind) for r in higher]
    return [Text(f"c) Khen thưởng của cấp trên ghi nhận trong năm {year}:"),
            award_table("cap_tren", f"Khen thưởng của cấp trên năm {year}", entries,
                        money=False)]  # fmt: skip
