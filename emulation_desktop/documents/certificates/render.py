"""Certificates to PDF with reportlab: one page per sheet, page size = its layout's paper.

Full mode draws the decorative border, the fixed words (Quốc hiệu, Tiêu ngữ, "TẶNG", "GIẤY
KHEN") and every text, for plain paper; overlay mode draws only the fields printed on a blank
(phôi). What is the same on every page of a layout is drawn once as a Form XObject and placed
on each page, so a thousand sheets cost little more than their variable text.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from emulation_desktop.documents.certificates.fitting import MM, FieldFit, Fitter
from emulation_desktop.documents.certificates.frame import draw_border
from emulation_desktop.documents.fonts import SERIF
from emulation_desktop.domain.certificate_layout import (
    CertificateLayout,
    check_layout,
    default_layout,
)
from emulation_desktop.domain.certificates import Certificate, CertificateKind, FieldKey, PrintMode
from emulation_desktop.domain.errors import UserError

# reportlab draws NFD marks as separate, floating glyphs: every string is NFC before drawing.
from emulation_desktop.domain.text import nfc_lines

CREATOR = "Thi đua – Khen thưởng"


@dataclass(frozen=True, slots=True)
class Placement:
    """One drawn line, in PDF points from the page's bottom-left (printer offset included)."""

    award_id: int
    key: FieldKey
    text: str
    x: float
    y: float  # baseline
    width: float
    size: float


@dataclass(frozen=True, slots=True)
class FitIssue:
    """A text that needed less than its minimum size, or did not fit at all."""

    award_id: int
    key: FieldKey
    message: str
    overflow: bool


@dataclass(frozen=True, slots=True)
class RenderReport:
    pages: int
    issues: tuple[FitIssue, ...]
    placements: tuple[Placement, ...]


class _Plan:
    """Which fields each layout draws in a mode, and the fixed words fitted once per layout."""

    def __init__(self, layouts: Mapping[CertificateKind, CertificateLayout], mode: PrintMode):
        self.mode = mode
        self.fitter = Fitter()
        self.issues: list[FitIssue] = []
        self._layouts = layouts
        self._checked: dict[CertificateKind, CertificateLayout] = {}
        self._static: dict[CertificateKind, tuple[FieldFit, ...]] = {}
        self._variable: dict[CertificateKind, tuple] = {}

    def layout(self, kind: CertificateKind) -> CertificateLayout:
        # A kind without a layout of its own prints on the default one; a layout that cannot
        # be printed (a field off the page, a bad colour) is refused before any page is drawn.
        if kind not in self._checked:
            self._checked[kind] = check_layout(self._layouts.get(kind) or default_layout(kind))
        return self._checked[kind]

    def _drawn(self, layout: CertificateLayout) -> list:
        overlay = self.mode is PrintMode.OVERLAY
        return [b for b in layout.fields if b.visible and (b.on_blank or not overlay)]

    def static(self, kind: CertificateKind) -> tuple[FieldFit, ...]:
        if kind not in self._static:
            layout = self.layout(kind)
            height = layout.paper.height_mm * MM
            self._static[kind] = tuple(
                self.fitter.fit(b, nfc_lines(b.text), height)
                for b in self._drawn(layout)
                if b.key.fixed and b.text.strip()
            )
        return self._static[kind]

    def variable(self, kind: CertificateKind) -> tuple:
        if kind not in self._variable:
            self._variable[kind] = tuple(
                b for b in self._drawn(self.layout(kind)) if not b.key.fixed
            )
        return self._variable[kind]

    def pages(self, certificates: Sequence[Certificate]) -> Iterator[tuple]:
        """(certificate, layout, variable fits) per page; issues collected in `self.issues`."""
        told: set[tuple] = set()
        for cert in certificates:
            layout = self.layout(cert.kind)
            height = layout.paper.height_mm * MM
            if cert.kind not in self._static:
                for fit in self.static(cert.kind):
                    if fit.below_min:
                        self._tell(cert, fit, told, f"của mẫu «{cert.kind.label}»")
            fits = []
            for box in self.variable(cert.kind):
                text = nfc_lines(cert.text(box.key))
                if not text.strip():
                    continue
                fit = self.fitter.fit(box, text, height)
                fits.append(fit)
                if fit.below_min:
                    self._tell(cert, fit, told, "")
            yield cert, layout, fits

    def _tell(self, cert: Certificate, fit: FieldFit, told: set, whose: str) -> None:
        key = fit.box.key
        who = cert.recipient.line
        if key is FieldKey.RECIPIENT:
            subject = f"Tên «{who}»"
        elif key is FieldKey.ACHIEVEMENT:
            subject = f"Thành tích của {who}"
        elif key is FieldKey.POSITION:
            subject = f"Chức vụ, đơn vị của {who}"
        else:
            # The same words on every sheet: said once, not once per person.
            if (cert.kind, key, fit.box, fit.lines) in told:
                return
            told.add((cert.kind, key, fit.box, fit.lines))
            subject = _field_name(key) + (f" {whose}" if whose else "")
        if fit.overflow:
            message = (
                f"{subject} không vừa khung dù đã thu nhỏ tối đa; hãy rút gọn hoặc nới rộng khung."
            )
        else:
            message = (
                f"{subject} quá dài: phải thu nhỏ còn {_pt(fit.size)} pt, dưới cỡ tối thiểu "
                f"{_pt(fit.box.min_size)} pt."
            )
        self.issues.append(FitIssue(cert.award_id, key, message, fit.overflow))


def _field_name(key: FieldKey) -> str:
    return key.label if "«" in key.label else f"Dòng «{key.label}»"


def _pt(size: float) -> str:
    return f"{size:g}".replace(".", ",")


def fit_issues(
    certificates: Sequence[Certificate],
    layouts: Mapping[CertificateKind, CertificateLayout],
    mode: PrintMode,
) -> list[FitIssue]:
    """What `write_certificates_pdf` would report, without writing a PDF."""
    plan = _Plan(layouts, mode)
    for _ in plan.pages(certificates):
        pass
    return plan.issues


def write_certificates_pdf(
    out: Path | BinaryIO,
    certificates: Sequence[Certificate],
    layouts: Mapping[CertificateKind, CertificateLayout],
    mode: PrintMode,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    *,
    keep_placements: bool = False,
) -> RenderReport:
    """One page per certificate. `offset_mm`: +dx moves everything right, +dy down."""
    from reportlab.pdfgen import canvas

    if not certificates:
        raise UserError("Không có giấy khen nào để in.")
    plan = _Plan(layouts, mode)
    first = plan.layout(certificates[0].kind).paper
    size = (first.width_mm * MM, first.height_mm * MM)
    target = str(out) if isinstance(out, str | Path) else out
    c = canvas.Canvas(target, pagesize=size, initialFontName=SERIF)
    _metadata(c, certificates, mode)
    dx, dy = offset_mm[0] * MM, -offset_mm[1] * MM
    forms: dict[CertificateKind, str] = {}
    placements: list[Placement] = []
    pages = 0
    for cert, layout, fits in plan.pages(certificates):
        paper = (layout.paper.width_mm * MM, layout.paper.height_mm * MM)
        if paper != size:
            size = paper
            c.setPageSize(size)
        static = plan.static(cert.kind)
        if cert.kind not in forms:
            forms[cert.kind] = _form(c, f"Static{len(forms)}", size, static, mode)
        if dx or dy:
            c.translate(dx, dy)
        if forms[cert.kind]:
            c.doForm(forms[cert.kind])
        for fit in fits:
            _draw(c, fit, size[1])
        if keep_placements:
            for fit in (*static, *fits):
                placements.extend(
                    Placement(cert.award_id, fit.box.key, line.text, line.x + dx, line.y + dy,
                              line.width, fit.size)
                    for line in fit.lines
                )  # fmt: skip
        c.showPage()
        pages += 1
    try:
        c.save()
    except OSError as e:
        name = Path(str(out)).name if isinstance(out, str | Path) else "PDF"
        raise UserError(
            f"Không ghi được tệp «{name}»: thư mục không tồn tại, không có quyền ghi hoặc tệp "
            "đang được mở trong chương trình khác."
        ) from e
    return RenderReport(pages, tuple(plan.issues), tuple(placements))


def _metadata(c, certificates: Sequence[Certificate], mode: PrintMode) -> None:  # type: ignore[no-untyped-def]
    titles = {cert.kind is CertificateKind.CERTIFICATE for cert in certificates}
    if titles == {True}:
        what = "Giấy chứng nhận"
    elif titles == {False}:
        what = "Giấy khen"
    else:
        what = "Giấy khen, giấy chứng nhận"
    decision = nfc_lines(certificates[0].decision).strip()
    c.setTitle(f"{what} – {decision}" if decision else what)
    c.setAuthor(nfc_lines(certificates[0].issuer))
    c.setSubject(f"{mode.label}, {len(certificates)} tờ")
    c.setCreator(CREATOR)


def _form(c, name: str, size: tuple[float, float], static, mode: PrintMode) -> str:  # type: ignore[no-untyped-def]
    """The border and fixed words of a layout as one Form XObject ("" when nothing is fixed)."""
    if mode is PrintMode.OVERLAY and not static:
        return ""
    c.beginForm(name, 0, 0, size[0], size[1])
    if mode is PrintMode.FULL:
        draw_border(c, size[0], size[1])
    for fit in static:
        _draw(c, fit, size[1])
    c.endForm()
    return name


def _draw(c, fit: FieldFit, page_height: float) -> None:  # type: ignore[no-untyped-def]
    if not fit.lines:
        return
    box = fit.box
    if fit.overflow:
        c.saveState()
        clip = c.beginPath()
        clip.rect(box.x_mm * MM, page_height - box.bottom_mm * MM,
                  box.width_mm * MM, box.height_mm * MM)  # fmt: skip
        c.clipPath(clip, stroke=0, fill=0)
    c.setFillColorRGB(*fit.fill)
    c.setFont(fit.font, fit.size)
    for line in fit.lines:
        c.drawString(line.x, line.y, line.text)
    if box.underline:
        # Under the descenders, as wide as the words, never below the box.
        width = max(0.5, fit.size / 18)
        bottom = page_height - box.bottom_mm * MM + width / 2
        c.setStrokeColorRGB(*fit.fill)
        c.setLineWidth(width)
        for line in fit.lines:
            rule = max(line.y - 0.37 * fit.size, bottom)
            c.line(line.x, rule, line.x + line.width, rule)
    if fit.overflow:
        c.restoreState()
