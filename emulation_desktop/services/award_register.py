"""The award register (sổ theo dõi khen thưởng): every award of a year with its số sổ, subject,
decision and money, revoked ones marked; higher levels' awards recorded from their decisions
(outside any round) so the subjects' histories are complete."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, extract, func, insert, or_, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import AwardKind, DecisionKind, SignVariant, SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.proposals import HigherAwardInput, clean_higher_award
from emulation_desktop.domain.subjects import SubjectRef
from emulation_desktop.domain.text import fold, nfc
from emulation_desktop.services.profile import write_list
from emulation_desktop.services.registry_write import audit
from emulation_desktop.services.rules import RulesService
from emulation_desktop.services.subjects import row_subject_key, subject_columns, subject_refs
from emulation_desktop.spreadsheet.writer import Column, ColumnType
from emulation_desktop.store.award_models import DecisionRow
from emulation_desktop.store.certificate_models import CertificatePrintRow
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import AwardRow

EXPORT_COLUMNS = (
    Column("Số sổ"), Column("Họ và tên, tên tập thể, hộ gia đình", width=32),
    Column("Đơn vị"), Column("Danh hiệu, hình thức khen thưởng", width=36),
    Column("Năm thành tích", ColumnType.YEAR), Column("Thành tích", width=40),
    Column("Quyết định số"), Column("Ngày quyết định", ColumnType.DATE), Column("Cấp quyết định"),
    Column("Tiền thưởng (đồng)", ColumnType.MONEY),
    Column("Giấy khen đã in (tờ)", ColumnType.INTEGER), Column("Ghi chú", width=36),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RegisterLine:
    id: int
    seq: int | None  # số sổ within the year (None: a higher level's or typed award)
    register_number: str
    subject: SubjectRef
    award_name: str
    award_kind: AwardKind
    year: int
    achievement: str
    decision_id: int | None
    decision_kind: DecisionKind | None
    decision_number: str
    decision_date: dt.date | None
    issuer: str
    amount: int | None
    revoked_by: str  # "07/QĐ-UBND ngày 10/01/2027"
    note: str
    printed: int = 0  # certificate sheets printed and not spoiled

    @property
    def decision_text(self) -> str:
        text = self.decision_number
        return f"{text} ngày {day_text(self.decision_date)}" if self.decision_date else text

    @property
    def revoked_text(self) -> str:
        return f"Đã được thay thế bởi Quyết định số {self.revoked_by}" if self.revoked_by else ""

    def matches(self, text: str) -> bool:
        needle = fold(nfc(text)).strip()
        hay = f"{self.subject.name} {self.award_name} {self.register_number} {self.decision_number}"
        return not needle or needle in fold(hay)


def revoked_texts(s: Session, ids: set[int]) -> dict[int, str]:
    """Correcting decision id → "07/QĐ-UBND ngày 10/01/2027"."""
    return {
        d.id: f"{d.number} ngày {day_text(d.issued_on)}"
        for d in s.execute(
            select(DecisionRow.id, DecisionRow.number, DecisionRow.issued_on).where(
                DecisionRow.id.in_(ids)
            )
        )
    }


class AwardRegisterService:
    def __init__(self, db: Database, rules: RulesService) -> None:
        self._db = db
        self._rules = rules

    def lines(self, year: int, text: str = "") -> list[RegisterLine]:
        """The commune's awards numbered in `year` (by số sổ), then the other awards decided
        that year (higher levels', typed history), by date and name."""
        with self._db.session_scope() as s:
            decided_year = extract("year", AwardRow.decision_date)
            printed = (
                select(CertificatePrintRow.award_id, func.count().label("sheets"))
                .where(CertificatePrintRow.spoiled.is_(False))
                .group_by(CertificatePrintRow.award_id)
                .subquery()
            )
            rows = s.execute(
                select(AwardRow, DecisionRow.kind, func.coalesce(printed.c.sheets, 0))
                .outerjoin(DecisionRow, DecisionRow.id == AwardRow.decision_id)
                .outerjoin(printed, printed.c.award_id == AwardRow.id)
                .where(or_(
                    AwardRow.register_year == year,
                    and_(AwardRow.register_year.is_(None), decided_year == year),
                    and_(AwardRow.register_year.is_(None), AwardRow.decision_date.is_(None),
                         AwardRow.year == year),
                ))
            ).all()  # fmt: skip
            refs = subject_refs(s, [row_subject_key(a) for a, _k, _n in rows])
            revokers = revoked_texts(s, {a.revoked_by_id for a, _k, _n in rows if a.revoked_by_id})
        out = []
        for a, kind, sheets in rows:
            key = row_subject_key(a)
            ref = refs.get(key) or SubjectRef(key[0], key[1], "(không còn trong danh sách)")
            out.append(RegisterLine(
                a.id, a.register_seq, a.register_number, ref, a.award_name, a.award_kind, a.year,
                a.achievement, a.decision_id, kind, a.decision_number, a.decision_date, a.issuer,
                a.amount, revokers.get(a.revoked_by_id, "") if a.revoked_by_id else "", a.note,
                int(sheets),
            ))  # fmt: skip
        out.sort(key=lambda r: (r.seq is None, r.seq or 0, r.decision_date or dt.date.min,
                                r.decision_number, r.subject.name))  # fmt: skip
        return [r for r in out if r.matches(text)]

    def export(self, path: Path, year: int, text: str = "") -> int:
        lines = self.lines(year, text)
        filters = [f"năm {year}"] + ([f"tìm «{text.strip()}»"] if text.strip() else [])
        rows = (
            (r.register_number, r.subject.name, r.subject.place, r.award_name, r.year,
             r.achievement, r.decision_number, r.decision_date, r.issuer, r.amount,
             r.printed or None, "; ".join(x for x in (r.revoked_text, r.note) if x))
            for r in lines
        )  # fmt: skip
        return write_list(self._db, path, "SỔ THEO DÕI KHEN THƯỞNG", EXPORT_COLUMNS, rows,
                          dt.date.today(), filters, "Sổ khen thưởng")  # fmt: skip

    def record_higher_award(self, data: HigherAwardInput) -> int:
        """Awards of a higher level's decision, for one or several subjects; the decision is
        kept once (the same number, date and issuer reuse it). Returns the decision id."""
        clean = clean_higher_award(data)
        day = clean.decision_date
        assert day is not None
        name, kind = clean.award_name, clean.award_kind
        award_subject: SubjectKind | None = None
        if clean.award_code:
            try:
                award = self._rules.in_force(day).award(clean.award_code)
            except (UserError, KeyError):
                raise ValidationError({"award": (
                    f"Danh mục áp dụng ngày {day_text(day)} không có hình thức, danh hiệu này; "
                    "hãy gõ tên của nó."
                )}) from None  # fmt: skip
            name, kind, award_subject = award.name, award.kind, award.subject
        with self._db.session_scope() as s:
            refs = subject_refs(s, clean.subjects)
            if any(k not in refs for k in clean.subjects):
                raise UserError("Một đối tượng đã chọn không còn trong danh sách (đã bị gộp hoặc "
                                "xóa); hãy chọn lại.")  # fmt: skip
            wrong = [refs[k].name for k in clean.subjects if award_subject not in (None, k[0])]
            if wrong and award_subject is not None:
                raise UserError(f"«{name}» dành cho {award_subject.label.lower()}, không dành "
                                f"cho «{wrong[0]}».")  # fmt: skip
            decision = self._higher_decision(s, clean)
            self._refuse_duplicates(s, decision.id, name, clean, refs)
            s.execute(insert(AwardRow), [
                {**subject_columns(*key), "subject_kind": key[0],
                 "award_code": clean.award_code, "award_name": name, "award_kind": kind,
                 "year": clean.year, "decision_number": clean.decision_number,
                 "decision_date": day, "issuer": clean.issuer, "register_number": "",
                 "note": "", "decision_id": decision.id, "achievement": clean.achievement}
                for key in clean.subjects
            ])  # fmt: skip
            audit(s, "record_higher", "decision", decision.id, number=clean.decision_number,
                  issuer=clean.issuer, award=name, subjects=len(clean.subjects))  # fmt: skip
            return decision.id

    def _higher_decision(self, s: Session, clean: HigherAwardInput) -> DecisionRow:
        found = s.scalar(
            select(DecisionRow).where(
                DecisionRow.kind == DecisionKind.HIGHER,
                DecisionRow.number == clean.decision_number,
                DecisionRow.issued_on == clean.decision_date,
                DecisionRow.issuer == clean.issuer,
            )
        )
        if found is not None:
            return found
        row = DecisionRow(
            kind=DecisionKind.HIGHER, register_id=None, number=clean.decision_number,
            issued_on=clean.decision_date, issuer=clean.issuer, summary="", round_id=None,
            signer_name="", signer_title="", sign_variant=SignVariant.DIRECT, bases=[],
        )  # fmt: skip
        s.add(row)
        s.flush()
        return row

    def _refuse_duplicates(
        self,
        s: Session,
        decision_id: int,
        name: str,
        clean: HigherAwardInput,
        refs: dict,  # type: ignore[type-arg]
    ) -> None:
        have = {
            row_subject_key(a)
            for a in s.scalars(
                select(AwardRow).where(
                    AwardRow.decision_id == decision_id, AwardRow.award_name == name
                )
            )
        }
        again = [refs[k].name for k in clean.subjects if k in have]
        if again:
            raise UserError(
                f"«{again[0]}» đã được ghi nhận «{name}» theo Quyết định số "
                f"{clean.decision_number}; không ghi lại lần nữa."
            )
