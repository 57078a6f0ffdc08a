"""Giấy khen and giấy chứng nhận of a decision: the batch to print in ceremony or list order, the
layouts per kind (saved in the database, exported to a file), the checks before printing and the
PDF the preview, the printer and `emulation-desktop certificates` all use.

The layouts are `LayoutStore`'s work, the printing side (sheets sent, spoiled, blanks, printer
offsets) `PrintRegister`'s; the service inherits both so the GUI has one object to ask.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from emulation_desktop.documents.atomic import check_target, write_atomic
from emulation_desktop.domain.certificate_layout import (
    CertificateLayout,
    Paper,
    edge_warnings,
    layout_problems,
)
from emulation_desktop.domain.certificates import (
    Certificate,
    CertificateKind,
    PrintMode,
    sheet_count_text,
)
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.certificate_data import (
    DecisionChoice,
    SkippedAward,
    decision_choices,
    decision_sheets,
)
from emulation_desktop.services.certificate_layouts import LayoutStore
from emulation_desktop.services.certificate_prints import (
    BlankStock,
    Offset,
    PrintRecord,
    PrintRegister,
    print_counts,
)
from emulation_desktop.services.decision_lookup import resolve_decision

if TYPE_CHECKING:
    from emulation_desktop.documents.certificates.render import FitIssue

__all__ = [
    "BlankStock", "CertificateBatch", "CertificateRow", "CertificateService", "DecisionChoice",
    "Offset", "Preflight", "PrintRecord", "SkippedAward", "WrittenPdf", "write_calibration_page",
]  # fmt: skip

NO_OFFSET = Offset()


@dataclass(frozen=True, slots=True)
class CertificateRow:
    certificate: Certificate
    printed: int  # sheets printed and not spoiled
    spoiled: int
    last_printed: dt.datetime | None


@dataclass(frozen=True, slots=True)
class CertificateBatch:
    decision_id: int
    decision_label: str
    rows: tuple[CertificateRow, ...]
    skipped: tuple[SkippedAward, ...]
    number: str = ""  # "121/QĐ-UBND"


@dataclass(frozen=True, slots=True)
class Preflight:
    problems: tuple[str, ...]  # printing is refused while there is one
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WrittenPdf:
    path: Path
    pages: int
    award_ids: tuple[int, ...]
    issues: tuple[FitIssue, ...]
    kinds: tuple[CertificateKind, ...] = ()
    notices: tuple[str, ...] = ()  # a saved layout that could not be read (default used)

    @property
    def summary(self) -> str:
        """ "3 giấy khen và 16 giấy chứng nhận"."""
        return sheet_count_text(self.kinds)


class CertificateService(LayoutStore, PrintRegister):
    def __init__(self, db, rules, profile) -> None:  # type: ignore[no-untyped-def]
        super().__init__(db)
        self._rules = rules
        self._profile = profile

    # The decision's sheets ----------------------------------------------------------------------

    def resolve_decision(self, text: str) -> int:
        """The id of a decision named as printed ("121/QĐ-UBND") or by its id."""
        with self._db.session_scope() as s:
            return resolve_decision(s, text)

    def decisions(self, year: int) -> list[DecisionChoice]:
        """The commune's own decisions of `year`, newest first (also those without a sheet)."""
        versions = self._rules.all_rule_sets()
        with self._db.session_scope() as s:
            return decision_choices(s, year, versions)

    def batch(
        self, decision_id: int, ceremony: bool = True, all_titles: bool = False
    ) -> CertificateBatch:
        """The decision's certificates in ceremony order (NĐ 152 Art. 30) or the round's list
        order, with what each has printed; revoked awards and awards without a sheet are
        listed as skipped, with the reason."""
        versions = self._rules.all_rule_sets()
        profile = self._profile.get()
        with self._db.session_scope() as s:
            sheets = decision_sheets(s, decision_id, versions, profile, ceremony=ceremony,
                                     all_titles=all_titles)  # fmt: skip
            counts = print_counts(s, [c.award_id for c in sheets.certificates])
        rows = []
        for cert in sheets.certificates:
            got = counts.get(cert.award_id)
            rows.append(CertificateRow(cert, got.printed if got else 0, got.spoiled if got else 0,
                                       got.last_printed if got else None))  # fmt: skip
        return CertificateBatch(sheets.decision_id, sheets.label, tuple(rows), sheets.skipped,
                                sheets.number)  # fmt: skip

    # Checks and the PDF -------------------------------------------------------------------------

    def preflight(
        self,
        decision_id: int,
        mode: PrintMode,
        award_ids: Sequence[int] | None = None,
        ceremony: bool = True,
        all_titles: bool = False,
    ) -> Preflight:
        """What stops printing (characters the font lacks, a layout field off the page, no
        sheet at all) and what only deserves a look (text shrunk below its minimum, fields in
        the printer's unprintable margin)."""
        certs = self._selected(decision_id, award_ids, ceremony, all_titles)
        layouts = self._layouts(certs)
        checked = self._check(certs, layouts, PrintMode(mode))
        return Preflight(checked.problems, self._damaged(layouts) + checked.warnings)

    def _damaged(self, layouts: dict[CertificateKind, CertificateLayout]) -> tuple[str, ...]:
        return tuple(
            f"Mẫu «{kind.label}» đã lưu bị hỏng hoặc do phiên bản mới hơn tạo ra; chương trình "
            "đang dùng mẫu mặc định. Hãy mở «Mẫu giấy khen…», chỉnh lại rồi lưu."
            for kind in layouts if self.stored_layout_unreadable(kind)
        )  # fmt: skip

    def write_pdf(
        self,
        decision_id: int,
        out: Path,
        mode: PrintMode,
        *,
        ceremony: bool = True,
        award_ids: Sequence[int] | None = None,
        offset: Offset = NO_OFFSET,
        all_titles: bool = False,
    ) -> WrittenPdf:
        """The sheets (all, or only `award_ids` for a reprint, in batch order) to one PDF,
        written beside `out` then renamed over it. Refused with the first problem, nothing
        written."""
        from emulation_desktop.documents.certificates.render import write_certificates_pdf

        out = check_target(Path(out), ".pdf")
        mode = PrintMode(mode)
        certs = self._selected(decision_id, award_ids, ceremony, all_titles)
        layouts = self._layouts(certs)
        # The fit issues come with the rendered PDF: not laid out twice.
        if problems := self._check(certs, layouts, mode, fit=False).problems:
            raise UserError(problems[0])
        reports = []

        def write(fh: BinaryIO) -> None:
            reports.append(write_certificates_pdf(fh, certs, layouts, mode,
                                                  (offset.dx_mm, offset.dy_mm)))  # fmt: skip

        write_atomic(out, ".pdf", write, what="tệp PDF", held_by="trình đọc PDF")
        report = reports[0]
        return WrittenPdf(
            out, report.pages, tuple(c.award_id for c in certs), report.issues,
            tuple(c.kind for c in certs), self._damaged(layouts),
        )  # fmt: skip

    def write_calibration_page(self, paper: Paper, out: Path) -> Path:
        return write_calibration_page(paper, out)

    def _selected(
        self,
        decision_id: int,
        award_ids: Sequence[int] | None,
        ceremony: bool,
        all_titles: bool,
    ) -> list[Certificate]:
        versions = self._rules.all_rule_sets()
        profile = self._profile.get()
        with self._db.session_scope() as s:
            sheets = decision_sheets(s, decision_id, versions, profile, ceremony=ceremony,
                                     all_titles=all_titles)  # fmt: skip
        certs = list(sheets.certificates)
        if award_ids is not None:
            wanted = set(award_ids)
            certs = [c for c in certs if c.award_id in wanted]
            if len(certs) != len(wanted):
                raise UserError("Giấy khen đã chọn không còn trong danh sách của quyết định này; "
                                "hãy tải lại rồi chọn lại.")  # fmt: skip
        if not certs:
            why = f" {sheets.skipped[0].reason}" if sheets.skipped and award_ids is None else ""
            raise UserError(
                f"Quyết định số {sheets.number} không có giấy khen, giấy chứng nhận nào để in."
                + why
            )
        return certs

    def _layouts(self, certs: Sequence[Certificate]) -> dict[CertificateKind, CertificateLayout]:
        return {kind: self.layout(kind) for kind in dict.fromkeys(c.kind for c in certs)}

    @staticmethod
    def _check(
        certs: Sequence[Certificate],
        layouts: dict[CertificateKind, CertificateLayout],
        mode: PrintMode,
        fit: bool = True,
    ) -> Preflight:
        from emulation_desktop.documents.certificates.glyphs import glyph_problems, missing_glyphs
        from emulation_desktop.documents.certificates.render import fit_issues

        overlay = mode is PrintMode.OVERLAY
        problems = glyph_problems(certs)
        warnings: list[str] = []
        for layout in layouts.values():
            problems += [f"Mẫu «{layout.kind.label}»: {p}" for p in layout_problems(layout)]
            fixed = [b.text for b in layout.fields
                     if b.visible and b.text and (b.on_blank or not overlay)]  # fmt: skip
            problems += [f"Chữ «{text}» của mẫu có ký tự «{' '.join(lacking)}» mà phông chữ không "
                         "có." for text in fixed if (lacking := missing_glyphs(text))]  # fmt: skip
            warnings += [f"Mẫu «{layout.kind.label}»: {w}" for w in edge_warnings(layout, overlay)]
        if fit and not problems:
            warnings += [i.message for i in fit_issues(certs, layouts, mode)]
        return Preflight(tuple(dict.fromkeys(problems)), tuple(dict.fromkeys(warnings)))


def write_calibration_page(paper: Paper, out: Path) -> Path:
    """The mm grid with crosses to measure a printer's offset against a blank."""
    from emulation_desktop.documents.certificates.calibration import write_calibration_pdf

    out = check_target(Path(out), ".pdf")
    return write_atomic(
        out, ".pdf", lambda fh: write_calibration_pdf(fh, paper), what="tệp PDF",
        held_by="trình đọc PDF",
    )  # fmt: skip
