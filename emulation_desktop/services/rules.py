"""The rule sets in the database: seeded from the shipped files, browsed, copied to a new
version, edited while no decision used them, imported and exported as files.

A version is "used" once an award was decided under it (decision date in its period); it is then
read-only, so a decision always reads as the rules of its day.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.rules.files import (
    RuleFileError,
    check_versions,
    dump_rule_set,
    parse_rule_set,
    rule_set_in_force,
)
from emulation_desktop.domain.rules.model import (
    AwardType,
    BaseSalary,
    Confidence,
    LegalBasis,
    RuleSet,
)
from emulation_desktop.domain.rules.shipped import ShippedRules, load_shipped
from emulation_desktop.services.registry_write import audit
from emulation_desktop.store.db import Database
from emulation_desktop.store.models import AwardRow, BaseSalaryRow, RuleSetRow

SHIPPED, LOCAL, IMPORTED = "shipped", "local", "imported"
_ORIGIN_LABEL = {SHIPPED: "Kèm chương trình", LOCAL: "Xã tự lập", IMPORTED: "Nhập từ tệp"}


@dataclass(frozen=True, slots=True)
class RuleVersion:
    """One line of the versions list."""

    code: str
    name: str
    effective_from: dt.date
    effective_to: dt.date | None  # the day before the next version starts
    origin: str
    used: bool  # an award was decided under it: read-only
    awards: int
    criteria: int

    @property
    def origin_label(self) -> str:
        return _ORIGIN_LABEL.get(self.origin, self.origin)

    @property
    def period(self) -> str:
        start = f"{self.effective_from:%d/%m/%Y}"
        return f"từ {start}" + (f" đến {self.effective_to:%d/%m/%Y}" if self.effective_to else "")


def _basis_json(b: LegalBasis) -> str:
    return json.dumps(asdict(b), ensure_ascii=False)


def _basis_from(text: str) -> LegalBasis:
    d = json.loads(text)
    return LegalBasis(
        d["text"], d.get("article", ""), Confidence(d["confidence"]), d.get("note", "")
    )


class RulesService:
    def __init__(self, db: Database, shipped: ShippedRules | None = None) -> None:
        self._db = db
        self._shipped = shipped
        self._seeded = False
        # Parsed versions, by the JSON they came from: parsing is ~8 ms a file and checks
        # run per decision line. Keyed by text, so an edit elsewhere can never serve stale rules.
        self._parsed: dict[str, RuleSet] = {}

    # Seeding ----------------------------------------------------------------------------------

    def _ensure_seeded(self, s: Session) -> None:
        """Add shipped versions and salaries this database does not have (never overwrite)."""
        if self._seeded:
            return
        shipped = self._shipped or load_shipped()
        have_codes = set(s.scalars(select(RuleSetRow.code)))
        have_dates = set(s.scalars(select(RuleSetRow.effective_from)))
        for rs in shipped.rule_sets:
            if rs.code not in have_codes and rs.effective_from not in have_dates:
                s.add(RuleSetRow(code=rs.code, name=rs.name, effective_from=rs.effective_from,
                                 origin=SHIPPED, data=dump_rule_set(rs)))  # fmt: skip
        salary_dates = set(s.scalars(select(BaseSalaryRow.effective_from)))
        for b in shipped.base_salaries:
            if b.effective_from not in salary_dates:
                s.add(BaseSalaryRow(effective_from=b.effective_from, amount=b.amount,
                                    basis=_basis_json(b.basis)))  # fmt: skip
        s.flush()
        self._seeded = True

    def _parse(self, row: RuleSetRow) -> RuleSet:
        found = self._parsed.get(row.data)
        if found is None:
            if len(self._parsed) > 32:
                self._parsed.clear()
            found = self._parsed[row.data] = parse_rule_set(row.data, f"{row.code}.json")
        return found

    def _all(self, s: Session) -> list[RuleSet]:
        self._ensure_seeded(s)
        rows = s.scalars(select(RuleSetRow).order_by(RuleSetRow.effective_from)).all()
        return [self._parse(r) for r in rows]

    # Reading ----------------------------------------------------------------------------------

    def versions(self) -> list[RuleVersion]:
        with self._db.session_scope() as s:
            self._ensure_seeded(s)
            rows = s.scalars(select(RuleSetRow).order_by(RuleSetRow.effective_from)).all()
            out = []
            for i, r in enumerate(rows):
                end = (
                    rows[i + 1].effective_from - dt.timedelta(days=1) if i + 1 < len(rows) else None
                )
                rs = self._parse(r)
                out.append(RuleVersion(r.code, r.name, r.effective_from, end, r.origin,
                                       _used(s, r, end), len(rs.awards),
                                       len(rs.criteria)))  # fmt: skip
            return out

    def rule_set(self, code: str) -> RuleSet:
        with self._db.session_scope() as s:
            self._ensure_seeded(s)
            row = s.scalar(select(RuleSetRow).where(RuleSetRow.code == code))
            if row is None:
                raise UserError(f"Không có bộ quy định «{code}».")
            return self._parse(row)

    def all_rule_sets(self) -> list[RuleSet]:
        """Every version by date (for work that looks up many dates at once)."""
        with self._db.session_scope() as s:
            return self._all(s)

    def in_force(self, day: dt.date) -> RuleSet:
        with self._db.session_scope() as s:
            return rule_set_in_force(self._all(s), day)

    def year_awards(self, year: int) -> tuple[dict[str, AwardType], str]:
        """The award catalog by code of the rules in force on 31/12 of `year`, or ({}, why)
        when no rules cover that year. Call it before opening a session: the first call may
        seed the rules' tables."""
        try:
            rules = self.in_force(dt.date(year, 12, 31))
        except UserError as exc:
            return {}, exc.message
        return {a.code: a for a in rules.awards}, ""

    def award_names(self, year: int) -> dict[str, str]:
        """Code → name of the awards of `year`'s rules ({} when no rules cover it)."""
        return {code: a.name for code, a in self.year_awards(year)[0].items()}

    def base_salaries(self) -> tuple[BaseSalary, ...]:
        with self._db.session_scope() as s:
            self._ensure_seeded(s)
            rows = s.scalars(select(BaseSalaryRow).order_by(BaseSalaryRow.effective_from))
            return tuple(BaseSalary(r.amount, r.effective_from, _basis_from(r.basis)) for r in rows)

    # Writing ----------------------------------------------------------------------------------

    def add_version(self, from_code: str, effective_from: dt.date, name: str) -> str:
        """A copy of `from_code` in force from `effective_from`, to edit (a new law or decree)."""
        name = " ".join(name.split())
        if not name:
            raise UserError("Hãy đặt tên cho bộ quy định mới (ví dụ: «Luật 06/2026/QH16»).")
        with self._db.session_scope() as s:
            sets = self._all(s)
            source = next((r for r in sets if r.code == from_code), None)
            if source is None:
                raise UserError(f"Không có bộ quy định «{from_code}».")
            clash = next((r for r in sets if r.effective_from == effective_from), None)
            if clash is not None:
                raise UserError(f"Đã có bộ quy định «{clash.name}» hiệu lực từ "
                                f"{effective_from:%d/%m/%Y}; hãy chọn ngày khác.")  # fmt: skip
            code = f"local-{effective_from:%Y%m%d}"
            new = replace(source, code=code, name=name, effective_from=effective_from,
                          note=f"Sao chép từ «{source.name}» để chỉnh sửa.")  # fmt: skip
            check_versions([*sets, new])
            s.add(RuleSetRow(code=code, name=name, effective_from=effective_from, origin=LOCAL,
                             data=dump_rule_set(new)))  # fmt: skip
            audit(s, "create", "rule_set", None, code=code, copied_from=from_code)
            return code

    def save(self, rule_set: RuleSet) -> None:
        """Store an edited version; refused when a decision already used it."""
        text = dump_rule_set(rule_set)
        clean = parse_rule_set(text, f"{rule_set.code}.json")  # the same checks as a file
        with self._db.session_scope() as s:
            sets = self._all(s)
            row = s.scalar(select(RuleSetRow).where(RuleSetRow.code == clean.code))
            if row is None:
                raise UserError(f"Không có bộ quy định «{clean.code}».")
            self._refuse_if_used(s, row)
            check_versions([r for r in sets if r.code != clean.code] + [clean])
            row.data, row.name, row.effective_from = text, clean.name, clean.effective_from
            audit(s, "update", "rule_set", row.id, code=clean.code)

    def import_file(self, path: Path) -> RuleVersion:
        """Add (or replace an unused version with the same code) from a province's file."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise RuleFileError(f"Tệp «{Path(path).name}» không phải văn bản UTF-8.") from exc
        except OSError as exc:
            raise UserError(f"Không đọc được tệp «{Path(path).name}»: {exc.strerror}.") from exc
        new = parse_rule_set(text, Path(path).name)
        with self._db.session_scope() as s:
            sets = self._all(s)
            row = s.scalar(select(RuleSetRow).where(RuleSetRow.code == new.code))
            if row is not None:
                self._refuse_if_used(s, row)
            check_versions([r for r in sets if r.code != new.code] + [new])
            if row is None:
                row = RuleSetRow(code=new.code, origin=IMPORTED)
                s.add(row)
            row.name, row.effective_from, row.data = (
                new.name,
                new.effective_from,
                dump_rule_set(new),
            )
            row.origin = IMPORTED
            audit(s, "import", "rule_set", None, code=new.code, file=Path(path).name)
        return next(v for v in self.versions() if v.code == new.code)

    def export_file(self, code: str, path: Path) -> None:
        text = dump_rule_set(self.rule_set(code))
        tmp = Path(path).with_name(f".{Path(path).name}.tmp")
        try:
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise UserError(f"Không ghi được tệp «{Path(path).name}»: {exc.strerror}.") from exc

    def delete_version(self, code: str) -> None:
        with self._db.session_scope() as s:
            self._ensure_seeded(s)
            row = s.scalar(select(RuleSetRow).where(RuleSetRow.code == code))
            if row is None:
                return
            if row.origin == SHIPPED:
                raise UserError("Bộ quy định kèm chương trình không xóa được; hãy tạo phiên "
                                "bản mới từ một ngày hiệu lực khác.")  # fmt: skip
            self._refuse_if_used(s, row)
            audit(s, "delete", "rule_set", row.id, code=code)
            s.delete(row)

    def set_base_salary(self, effective_from: dt.date, amount: int, basis: LegalBasis) -> None:
        if amount <= 0:
            raise UserError("Mức lương cơ sở phải là số tiền dương.")
        with self._db.session_scope() as s:
            self._ensure_seeded(s)
            row = s.scalar(
                select(BaseSalaryRow).where(BaseSalaryRow.effective_from == effective_from)
            )
            if row is None:
                row = BaseSalaryRow(effective_from=effective_from)
                s.add(row)
            row.amount, row.basis = amount, _basis_json(basis)
            audit(s, "update", "base_salary", None, date=str(effective_from), amount=amount)

    def _refuse_if_used(self, s: Session, row: RuleSetRow) -> None:
        later = s.scalar(select(func.min(RuleSetRow.effective_from)).where(
            RuleSetRow.effective_from > row.effective_from))  # fmt: skip
        end = later - dt.timedelta(days=1) if later else None
        if _used(s, row, end):
            raise UserError(
                f"Bộ quy định «{row.name}» đã được dùng cho quyết định khen thưởng nên chỉ xem, "
                "không sửa được. Hãy tạo phiên bản mới từ ngày hiệu lực mới."
            )


def _used(s: Session, row: RuleSetRow, end: dt.date | None) -> bool:
    """Awards were decided under this version: dated within it and, for a version the officer
    added, recorded after it was added. The law of 01/10/2026 is typed in weeks later; the
    decisions of those weeks were made under the old rules and must not lock the new version
    before its content can be entered."""
    cond = [AwardRow.decision_date >= row.effective_from]
    if end is not None:
        cond.append(AwardRow.decision_date <= end)
    if row.origin == LOCAL:
        cond.append(AwardRow.created_at > row.updated_at)
    return s.scalar(select(func.count()).select_from(AwardRow).where(*cond)) > 0
