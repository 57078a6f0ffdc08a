"""Proposals upward (tờ trình đề nghị cấp trên khen thưởng): the round's passed nominations
beyond the commune's authority, with a TTr number from the register; sent; answered by the
higher level's decision, whose awards then enter the subjects' histories."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import extract, func, select, update
from sqlalchemy.orm import Session

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.decision_documents import (
    DocumentHeader,
    ProposalDocument,
    SignatureBlock,
)
from emulation_desktop.domain.decision_text import (
    default_bases,
    default_summary,
    ordered,
    punctuated,
    sections,
    signature_lines,
)
from emulation_desktop.domain.decisions import DecisionLine, count_subjects
from emulation_desktop.domain.doc_numbers import document_number
from emulation_desktop.domain.enums import (
    AwardKind,
    DecisionKind,
    DocType,
    NominationStatus,
    ProposalStatus,
    RoundStatus,
    SignVariant,
)
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.profile import CommuneProfile
from emulation_desktop.domain.proposals import (
    AnswerInput,
    ProposalDetail,
    ProposalInput,
    ProposalItem,
    ProposalLine,
    clean_answer,
    clean_proposal,
)
from emulation_desktop.domain.rules.files import rule_set_in_force
from emulation_desktop.domain.rules.model import RuleSet
from emulation_desktop.domain.text import date_line
from emulation_desktop.domain.workflow import require_status
from emulation_desktop.services.decision_issue import (
    check_notice,
    close_round_if_done,
    insert_awards,
)
from emulation_desktop.services.decision_lines import (
    date_problem,
    load_round,
    meeting_day,
    round_lines,
)
from emulation_desktop.services.doc_register import take
from emulation_desktop.services.profile import ProfileService
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.rules import RulesService
from emulation_desktop.services.subjects import subject_key, subject_refs
from emulation_desktop.store.award_models import (
    DecisionRow,
    DocRegisterRow,
    DossierItemRow,
    NominationRoundRow,
    NominationRow,
    ProposalRow,
    TallyRow,
)
from emulation_desktop.store.db import Database


def default_recipient(profile: CommuneProfile | None) -> str:
    province = profile.province if profile else ""
    return f"Chủ tịch Ủy ban nhân dân tỉnh {province}".strip()


def _proposal(s: Session, proposal_id: int) -> ProposalRow:
    row = s.get(ProposalRow, proposal_id)
    if row is None:
        raise UserError("Tờ trình này không còn trong danh sách; hãy tải lại.")
    return row


class ProposalService:
    def __init__(
        self, db: Database, rules: RulesService, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        self._db = db
        self._rules = rules
        self._profile = ProfileService(db)
        self._today = today

    # Writing ----------------------------------------------------------------------------------

    def create(self, round_id: int, data: ProposalInput) -> int:
        """A tờ trình for the round's passed nominations beyond the commune's authority."""
        clean = clean_proposal(data)
        day = clean.issued_on
        assert day is not None
        rules, salaries = self._rules.in_force(day), self._rules.base_salaries()
        profile = self._profile.get()
        with self._db.session_scope() as s:
            rnd = load_round(s, round_id)
            require_status(rnd.status, RoundStatus.VOTED)
            if problem := date_problem(day, meeting_day(s, round_id), "tờ trình"):
                raise ValidationError({"issued_on": problem})
            override = check_notice(rnd, day, clean.notice_override)
            found = round_lines(s, round_id, day, rules, salaries)
            if found.problems:
                raise UserError(found.problems[0])
            if not found.upward:
                raise UserError(
                    "Đợt xét không có đề nghị nào vượt thẩm quyền của Chủ tịch UBND xã đang chờ "
                    "trình cấp trên, nên không cần tờ trình."
                )
            lines = ordered(found.upward, own=False)
            summary = clean.summary or default_summary(lines, rnd.period, own=False)
            entry = take(s, DocType.SUBMISSION, day, summary, clean.number)
            row = ProposalRow(
                round_id=round_id, register_id=entry.id, issued_on=day,
                number=document_number(entry.number, entry.symbol),
                recipient=clean.recipient or default_recipient(profile),
                signer_name=clean.signer_name, signer_title=clean.signer_title,
                sign_variant=clean.sign_variant, status=ProposalStatus.DRAFT,
            )  # fmt: skip
            s.add(row)
            s.flush()
            s.execute(
                update(NominationRow),
                [{"id": ln.nomination_id, "status": NominationStatus.PROPOSED_UP,
                  "proposal_id": row.id} for ln in lines],
            )  # fmt: skip
            if override:
                rnd.notice_override = override
                audit(s, "override_notice", "nomination_round", rnd.id, reason=override,
                      proposal=row.number)  # fmt: skip
            audit(s, "create", "proposal", row.id, number=row.number, round_id=round_id,
                  lines=len(lines))  # fmt: skip
            close_round_if_done(s, rnd)
            return row.id

    def mark_sent(self, proposal_id: int, sent_on: dt.date | None) -> None:
        if sent_on is None:
            raise ValidationError({"sent_on": "Hãy nhập ngày gửi tờ trình."})
        with self._db.session_scope() as s:
            row = _proposal(s, proposal_id)
            if row.status is ProposalStatus.ANSWERED:
                raise UserError(f"Tờ trình số {row.number} đã có kết quả của cấp trên.")
            if sent_on < row.issued_on:
                raise ValidationError({"sent_on": (
                    f"Ngày gửi {day_text(sent_on)} trước ngày ký tờ trình "
                    f"({day_text(row.issued_on)})."
                )})  # fmt: skip
            row.status, row.sent_on = ProposalStatus.SENT, sent_on
            audit(s, "send", "proposal", row.id, number=row.number, sent_on=str(sent_on))

    def record_answer(self, proposal_id: int, data: AnswerInput) -> int:
        """The higher level's decision: awards for the nominations it granted (now in their
        subjects' histories), "cấp trên không khen" for the others."""
        clean = clean_answer(data)
        day = clean.issued_on
        assert day is not None
        versions = self._rules.all_rule_sets()
        with self._db.session_scope() as s:
            row = _proposal(s, proposal_id)
            if row.status is ProposalStatus.ANSWERED:
                raise UserError(f"Tờ trình số {row.number} đã được ghi kết quả trước đó.")
            if day < row.issued_on:
                raise ValidationError({"issued_on": (
                    f"Ngày quyết định {day_text(day)} trước ngày ký tờ trình "
                    f"({day_text(row.issued_on)})."
                )})  # fmt: skip
            lines = {ln.nomination_id: ln for ln in _lines(s, row.id, versions, day)}
            unknown = set(clean.awarded) - set(lines)
            if unknown:
                raise UserError("Có đề nghị không thuộc tờ trình này; hãy tải lại và chọn lại.")
            decision = DecisionRow(
                kind=DecisionKind.HIGHER, register_id=None, number=clean.number, issued_on=day,
                issuer=clean.issuer, summary=f"Khen thưởng theo Tờ trình số {row.number}",
                round_id=row.round_id, signer_name="", signer_title="",
                sign_variant=SignVariant.DIRECT, bases=[],
            )  # fmt: skip
            s.add(decision)
            s.flush()
            awarded = [lines[i] for i in clean.awarded]
            insert_awards(s, awarded, decision, numbered=False)
            s.execute(
                update(NominationRow),
                [{"id": nid, "status": NominationStatus.AWARDED if nid in clean.awarded
                  else NominationStatus.REFUSED_UP,
                  "decision_id": decision.id if nid in clean.awarded else None}
                 for nid in lines],
            )  # fmt: skip
            row.status = ProposalStatus.ANSWERED
            if clean.note:
                row.note = clean.note
            audit(s, "answer", "proposal", row.id, number=row.number, decision=clean.number,
                  issuer=clean.issuer, awarded=len(awarded),
                  refused=len(lines) - len(awarded))  # fmt: skip
            return decision.id

    # Reading ----------------------------------------------------------------------------------

    def list(self, year: int) -> list[ProposalItem]:
        with self._db.session_scope() as s:
            rows = s.scalars(
                select(ProposalRow).where(extract("year", ProposalRow.issued_on) == year)
            ).all()
            return sorted(_items(s, rows), key=lambda i: (i.issued_on, i.id), reverse=True)

    def detail(self, proposal_id: int) -> ProposalDetail:
        versions = self._rules.all_rule_sets()
        with self._db.session_scope() as s:
            row = _proposal(s, proposal_id)
            item = _items(s, [row])[0]
            statuses = dict(s.execute(
                select(NominationRow.id, NominationRow.status)
                .where(NominationRow.proposal_id == row.id)
            ).all())  # fmt: skip
            votes = dict(s.execute(
                select(TallyRow.nomination_id, TallyRow.votes_for)
                .where(TallyRow.nomination_id.in_(list(statuses)))
            ).all())  # fmt: skip
            lines = tuple(
                ProposalLine(ln, statuses[ln.nomination_id], votes.get(ln.nomination_id))
                for ln in ordered(
                    _lines(s, row.id, versions, row.issued_on, open_only=False), own=False
                )
            )
            bases = self._bases(s, row, versions)
            return ProposalDetail(item, row.signer_title, row.sign_variant, _summary(s, row),
                                  bases, lines)  # fmt: skip

    def document(self, proposal_id: int, ceremony: bool = True) -> ProposalDocument:
        """What the Tờ trình prints (the documents module lays it out as a .docx)."""
        detail = self.detail(proposal_id)
        profile = self._profile.get()
        item = detail.item
        lines = [pl.line for pl in detail.lines]
        with self._db.session_scope() as s:
            held_on = meeting_day(s, item.round_id)
            period = s.scalar(select(NominationRoundRow.period)
                              .where(NominationRoundRow.id == item.round_id)) or ""  # fmt: skip
            papers = s.scalars(select(DossierItemRow.title).where(
                DossierItemRow.round_id == item.round_id, DossierItemRow.done.is_(True)
            )).all()  # fmt: skip
        commune = profile.display_name if profile else "Xã"
        lower = commune[:1].lower() + commune[1:]
        place = (profile.place_name or profile.name) if profile else ""
        who = count_subjects(lines).text
        asked = detail.summary.removeprefix("Về việc ")
        # "kính trình <recipient> xem xét, đề nghị <recipient> khen thưởng …" names them twice.
        asked = asked.replace(f"đề nghị {item.recipient} ", "quyết định ", 1)
        body = [
            f"Thực hiện công tác thi đua, khen thưởng {period}, Hội đồng Thi đua – Khen thưởng "
            f"{lower} đã họp xét"
            + (f" ngày {day_text(held_on)}" if held_on else "")
            + f" và thống nhất đề nghị khen thưởng cho {who} có thành tích xuất sắc.",
            f"Ủy ban nhân dân {lower} kính trình "
            f"{item.recipient} xem xét, {asked} (có danh sách và hồ sơ kèm theo).",
        ]
        header = DocumentHeader(
            ("ỦY BAN NHÂN DÂN", commune.upper()), item.number, item.issued_on,
            date_line(place, item.issued_on), "TỜ TRÌNH", detail.summary,
        )  # fmt: skip
        return ProposalDocument(
            proposal_id=item.id, header=header, recipient=item.recipient,
            bases=punctuated(detail.bases), paragraphs=tuple(body),
            list_title="DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
            list_subtitle=f"(Kèm theo Tờ trình số {item.number} ngày "
                          f"{day_text(item.issued_on)} của UBND {lower})",
            sections=sections(lines, ceremony, own=False), attachments=tuple(papers),
            signature=SignatureBlock(signature_lines(detail.sign_variant, detail.signer_title,
                                                     collective=True), item.signer_name),
            recipients=("- Như trên;", "- Lưu: VT."),
        )  # fmt: skip

    def _bases(self, s: Session, row: ProposalRow, versions: Sequence[RuleSet]) -> tuple[str, ...]:
        rnd = load_round(s, row.round_id)
        try:
            rules = rule_set_in_force(versions, row.issued_on)
        except UserError:
            return ()
        return default_bases(row.issued_on, rules.code, rules.basis.text, rnd.kind,
                             meeting_day(s, row.round_id))  # fmt: skip


def _summary(s: Session, row: ProposalRow) -> str:
    if row.register_id is None:
        return ""
    return (
        s.scalar(select(DocRegisterRow.summary).where(DocRegisterRow.id == row.register_id)) or ""
    )


def _items(s: Session, rows: Sequence[ProposalRow]) -> list[ProposalItem]:
    ids = [r.id for r in rows]
    counts: dict[int, dict[NominationStatus, int]] = {}
    for pid, status, n in s.execute(
        select(NominationRow.proposal_id, NominationRow.status, func.count())
        .where(NominationRow.proposal_id.in_(ids))
        .group_by(NominationRow.proposal_id, NominationRow.status)
    ):
        counts.setdefault(pid, {})[status] = n
    names = dict(s.execute(
        select(NominationRoundRow.id, NominationRoundRow.name)
        .where(NominationRoundRow.id.in_({r.round_id for r in rows}))
    ).all())  # fmt: skip
    answers: dict[int, list[str]] = {}
    # The answer is the higher decision of the proposal's awarded nominations; one that awarded
    # nobody is found by the summary `record_answer` gives it.
    for pid, number, day, issuer in s.execute(
        select(NominationRow.proposal_id, DecisionRow.number, DecisionRow.issued_on,
               DecisionRow.issuer)
        .join(DecisionRow, DecisionRow.id == NominationRow.decision_id)
        .where(DecisionRow.kind == DecisionKind.HIGHER, NominationRow.proposal_id.in_(ids))
        .union_all(
            select(ProposalRow.id, DecisionRow.number, DecisionRow.issued_on,
                   DecisionRow.issuer)
            .join(DecisionRow, DecisionRow.round_id == ProposalRow.round_id)
            .where(DecisionRow.kind == DecisionKind.HIGHER, ProposalRow.id.in_(ids),
                   DecisionRow.summary == "Khen thưởng theo Tờ trình số " + ProposalRow.number)
        )
    ):  # fmt: skip
        # One tờ trình may be answered by several decisions (CSTĐCS and TTLĐTT apart).
        text = f"Quyết định số {number} ngày {day_text(day)} của {issuer}"
        if text not in answers.setdefault(pid, []):
            answers[pid].append(text)
    out = []
    for r in rows:
        c = counts.get(r.id, {})
        out.append(ProposalItem(
            r.id, r.number, r.issued_on, r.round_id, names.get(r.round_id, ""), r.recipient,
            r.status, r.sent_on, sum(c.values()), c.get(NominationStatus.AWARDED, 0),
            c.get(NominationStatus.REFUSED_UP, 0), r.exported_to, r.signer_name,
            "; ".join(answers.get(r.id, ())),
        ))  # fmt: skip
    return out


def _lines(
    s: Session,
    proposal_id: int,
    versions: Sequence[RuleSet],
    day: dt.date,
    open_only: bool = True,
) -> list[DecisionLine]:
    """The proposal's nominations as lines (award names from the rules of `day`)."""
    stmt = select(NominationRow).where(NominationRow.proposal_id == proposal_id)
    if open_only:
        stmt = stmt.where(NominationRow.status == NominationStatus.PROPOSED_UP)
    rows = s.scalars(stmt.order_by(NominationRow.position, NominationRow.id)).all()
    refs = subject_refs(s, [subject_key(r.person_id, r.unit_id, r.household_id) for r in rows])
    try:
        catalog = {a.code: a for a in rule_set_in_force(versions, day).awards}
    except UserError:
        catalog = {}
    out = []
    for r in rows:
        ref = refs.get(subject_key(r.person_id, r.unit_id, r.household_id))
        award = catalog.get(r.award_code)
        if ref is None:
            continue
        out.append(DecisionLine(
            r.id, ref, r.award_code, award.name if award else r.award_code,
            award.kind if award else AwardKind.FORM, award.rank if award else 0,
            r.period or str(r.year), r.achievement, None, 0, position=r.position, year=r.year,
        ))  # fmt: skip
    return out
