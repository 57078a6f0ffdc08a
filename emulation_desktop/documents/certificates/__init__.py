"""Certificates (Giấy khen, Giấy chứng nhận) to PDF: full and overlay modes, auto-fit, the
glyph check and the printer calibration page."""

from emulation_desktop.documents.certificates.calibration import write_calibration_pdf
from emulation_desktop.documents.certificates.glyphs import glyph_problems, missing_glyphs
from emulation_desktop.documents.certificates.render import (
    FitIssue,
    Placement,
    RenderReport,
    fit_issues,
    write_certificates_pdf,
)

__all__ = [
    "FitIssue",
    "Placement",
    "RenderReport",
    "fit_issues",
    "glyph_problems",
    "missing_glyphs",
    "write_calibration_pdf",
    "write_certificates_pdf",
]
