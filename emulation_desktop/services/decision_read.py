"""Reading decisions back: the year's list, one decision with its awardees, and the frozen
document data (`decision_document`) the Quyết định generator of the documents module lays out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import case, extract, func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.decision_documents import (
    Article,
    DecisionDocument,
    DocumentHeader,
    SignatureBlock,
)
from emulation_desktop.domain.decision_text import (
    award_article,
    decree_name,
    execution_article,
    money_article,
    ordered,
    punctuated,
    sections,
    signature_lines,
)
from emulation_desktop.domain.decisions import (
    DecisionDetail,
    DecisionItem,
    DecisionLine,
    count_subjects,
)
from emulation_desktop.domain.doc_numbers import document_number
from emulation_desktop.domain.enums import DecisionKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.domain.rules.files import rule_set_in_force
from emulation_desktop.domain.rules.model import RuleSet
from emulation_desktop.domain.subjects import SubjectRef
from emulation_desktop.domain.text import date_line, money_in_words
from emulation_desktop.services.subjects import row_subject_key, subject_refs
from emulation_desktop.store.award_models import (
    DecisionRow,
    DocRegisterRow,
    NominationRoundRow,
    NominationRow,
)
from emulation_desktop.store.models import AwardRow


def decision_items(s: Session, year: int) -> list[DecisionItem]:
    rows = s.execute(
        select(DecisionRow, NominationRoundRow.name)
        .outerjoin(NominationRoundRow, NominationRoundRow.id == DecisionRow.round_id)
        .where(extract("year", DecisionRow.issued_on) == year)
    ).all()
    return _items(s, rows)


def decision_item(s: Session, decision_id: int) -> DecisionItem:
    rows = s.execute(
        select(DecisionRow, NominationRoundRow.name)
        .outerjoin(NominationRoundRow, NominationRoundRow.id == DecisionRow.round_id)
        .where(DecisionRow.id == decision_id)
    ).all()
    if not rows:
        raise UserError("Quyết định này không còn trong danh sách; hãy tải lại.")
    return _items(s, rows)[0]


def _items(s: Session, rows: Sequence) -> list[DecisionItem]:  # type: ignore[type-arg]
    ids = [d.id for d, _name in rows]
    sums = {
        r.decision_id: r
        for r in s.execute(
            select(
                AwardRow.decision_id,
                func.count().label("lines"),
                func.coalesce(func.sum(AwardRow.amount), 0).label("total"),
                func.sum(case((AwardRow.revoked_by_id.is_not(None), 1), else_=0)).label("revoked"),
            )
            .where(AwardRow.decision_id.in_(ids))
            .group_by(AwardRow.decision_id)
        )
    }
    wanted = {d.corrects_id for d, _name in rows if d.corrects_id}
    numbers = dict(
        s.execute(
            select(DecisionRow.id, DecisionRow.number).where(DecisionRow.id.in_(wanted))
        ).all()
    )
    corrected: dict[int, list[str]] = {}
    for corrects, number in s.execute(
        select(DecisionRow.corrects_id, DecisionRow.number)
        .where(DecisionRow.corrects_id.in_(ids))
        .order_by(DecisionRow.issued_on, DecisionRow.id)
    ):
        corrected.setdefault(corrects, []).append(number)
    out = []
    for d, round_name in rows:
        agg = sums.get(d.id)
        out.append(DecisionItem(
            d.id, d.kind, d.number, d.issued_on, d.issuer, d.summary, round_name or "",
            agg.lines if agg else 0, int(agg.revoked or 0) if agg else 0,
            int(agg.total) if agg else 0, d.signer_name,
            numbers.get(d.corrects_id, "") if d.corrects_id else "",
            tuple(corrected.get(d.id, ())),
        ))  # fmt: skip
    out.sort(key=lambda i: (i.issued_on, i.id), reverse=True)
    return out


def award_lines(
    s: Session, awards: Iterable[AwardRow], versions: Sequence[RuleSet]
) -> list[DecisionLine]:
    """Awards as decision lines: subject names, rank from their day's rules, the round's order,
    and the correcting decision that replaced them, if any."""
    awards = list(awards)
    refs = subject_refs(s, [row_subject_key(a) for a in awards])
    nominations = {
        n.id: n
        for n in s.execute(
            select(NominationRow.id, NominationRow.position, NominationRow.period).where(
                NominationRow.id.in_([a.nomination_id for a in awards if a.nomination_id])
            )
        )
    }
    revokers = {
        d.id: f"{d.number} ngày {day_text(d.issued_on)}"
        for d in s.execute(
            select(DecisionRow.id, DecisionRow.number, DecisionRow.issued_on).where(
                DecisionRow.id.in_({a.revoked_by_id for a in awards if a.revoked_by_id})
            )
        )
    }
    out = []
    for a in awards:
        key = row_subject_key(a)
        ref = refs.get(key) or SubjectRef(key[0], key[1], "(không còn trong danh sách)")
        nom = nominations.get(a.nomination_id) if a.nomination_id else None
        out.append(DecisionLine(
            a.nomination_id, ref, a.award_code, a.award_name, a.award_kind,
            _rank(versions, a), (nom.period if nom else "") or str(a.year), a.achievement,
            a.amount, a.amount or 0, a.note, position=nom.position if nom else a.id, year=a.year,
            register_number=a.register_number, award_id=a.id,
            revoked_by=revokers.get(a.revoked_by_id, "") if a.revoked_by_id else "",
        ))  # fmt: skip
    return out


def _rank(versions: Sequence[RuleSet], a: AwardRow) -> int:
    try:
        return rule_set_in_force(versions, a.decision_date).award(a.award_code).rank
    except (UserError, KeyError, TypeError):
        return 0


def decision_detail(s: Session, decision_id: int, versions: Sequence[RuleSet]) -> DecisionDetail:
    item = decision_item(s, decision_id)
    d = s.get(DecisionRow, decision_id)
    assert d is not None
    own = s.scalars(select(AwardRow).where(AwardRow.decision_id == decision_id))
    lines = ordered(award_lines(s, own, versions))
    revoked: list[DecisionLine] = []
    if d.kind is DecisionKind.CORRECTION:
        gone = s.scalars(select(AwardRow).where(AwardRow.revoked_by_id == decision_id))
        revoked = ordered(award_lines(s, gone, versions))
    entry = ""
    if d.register_id is not None:
        reg = s.get(DocRegisterRow, d.register_id)
        if reg is not None:
            entry = f"{document_number(reg.number, reg.symbol)} – sổ văn bản năm {reg.year}"
    return DecisionDetail(item, d.signer_title, d.sign_variant, tuple(d.bases or ()),
                          d.correction_reason, tuple(lines), tuple(revoked), entry,
                          d.round_id)  # fmt: skip


def decision_document(
    s: Session,
    decision_id: int,
    versions: Sequence[RuleSet],
    profile: CommuneProfile | None,
    ceremony: bool = True,
) -> DecisionDocument:
    """What the Quyết định prints, from the decision as issued (never recomputed)."""
    detail = decision_detail(s, decision_id, versions)
    item = detail.item
    if item.kind is DecisionKind.HIGHER:
        raise UserError("Quyết định của cấp trên chỉ được ghi nhận, chương trình không in lại.")
    commune = f"{profile.kind.label.lower()} {profile.name}" if profile else "xã"
    period = _period(s, detail.round_id)
    rules = rule_set_in_force(versions, item.issued_on)
    lines = list(detail.lines)
    total = sum(ln.paid for ln in lines)
    articles: list[str] = []
    if item.kind is DecisionKind.CORRECTION:
        articles.append(
            f"Đính chính Quyết định số {item.corrects} ngày "
            f"{day_text(_corrected_day(s, decision_id))} của {item.issuer}. Lý do: "
            f"{detail.reason.rstrip('.')}."
        )
        if detail.revoked_lines:
            articles.append(
                f"Thu hồi khen thưởng của {count_subjects(detail.revoked_lines).text} có tên tại "
                f"Mục I danh sách kèm theo, đã ghi tại Quyết định số {item.corrects}."
            )
        if lines:
            articles.append("Thay thế bằng: " + award_article(lines, period)[:1].lower()
                            + award_article(lines, period)[1:])  # fmt: skip
    else:
        articles.append(award_article(lines, period))
    if total:
        articles.append(money_article(total, money_in_words(total), decree_name(rules.basis.text),
                                      commune))  # fmt: skip
    officer = profile.officer_title if profile else ""
    articles.append(execution_article(commune, officer))
    name = profile.name if profile else ""
    place = (profile.place_name or profile.name) if profile else ""
    header = DocumentHeader(
        ("ỦY BAN NHÂN DÂN", f"{profile.kind.label.upper()} {name.upper()}" if profile else "XÃ"),
        item.number, item.issued_on, date_line(place, item.issued_on), "QUYẾT ĐỊNH",
        item.summary,
    )  # fmt: skip
    subtitle = (f"(Kèm theo Quyết định số {item.number} ngày {day_text(item.issued_on)} của "
                f"{item.issuer})")  # fmt: skip
    return DecisionDocument(
        decision_id=item.id, kind=item.kind, header=header,
        authority=f"CHỦ TỊCH ỦY BAN NHÂN DÂN {header.issuer_lines[1]}",
        bases=punctuated(detail.bases),
        articles=tuple(Article(f"Điều {i}.", text) for i, text in enumerate(articles, 1)),
        list_title="DANH SÁCH KHEN THƯỞNG", list_subtitle=subtitle,
        sections=sections(lines, ceremony),
        revoked=tuple(r for sec in sections(detail.revoked_lines, ceremony) for r in sec.rows),
        total=total, total_words=money_in_words(total),
        signature=SignatureBlock(signature_lines(detail.sign_variant, detail.signer_title),
                                 item.signer_name),
        recipients=("- Như Điều " + str(len(articles)) + ";", "- Lưu: VT."),
    )  # fmt: skip


def _period(s: Session, round_id: int | None) -> str:
    if round_id is None:
        return ""
    return (
        s.scalar(select(NominationRoundRow.period).where(NominationRoundRow.id == round_id)) or ""
    )


def _corrected_day(s: Session, decision_id: int) -> dt.date | None:
    original = s.scalar(select(DecisionRow.corrects_id).where(DecisionRow.id == decision_id))
    return s.scalar(select(DecisionRow.issued_on).where(DecisionRow.id == original))
