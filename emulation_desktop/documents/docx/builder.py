"""The parts every administrative document has, laid out per NĐ 30/2020 Phụ lục I.

A4 with margins inside the decree's ranges, Times New Roman in all four font slots of every run,
the two-column header (issuing body and "Số:" left; Quốc hiệu, Tiêu ngữ and the place-date line
right, each rule as long as the decree says), type name and trích yếu, Căn cứ, body paragraphs,
the signature block with Nơi nhận, page numbers from page 2 and landscape sections for wide
lists. Document kinds (`kinds/`) only decide what goes where.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from emulation_desktop.documents.docx import ooxml
from emulation_desktop.documents.docx.measure import text_width_pt
from emulation_desktop.documents.docx.tables import Column, add_grid_table

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

PAGE_W, PAGE_H = 210, 297  # A4, mm
MARGIN_TOP = MARGIN_BOTTOM = 20  # NĐ 30: 20–25 mm
MARGIN_LEFT, MARGIN_RIGHT = 30, 15  # NĐ 30: 30–35 mm and 15–20 mm
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 165 mm
HEADER_LEFT_W = 62  # the issuing body; the rest (103 mm) holds the Quốc hiệu at 13 pt (95.7 mm)
BODY_PT = 14
HEADER_PT = 13
FIRST_LINE_INDENT_MM = 12.7  # NĐ 30: 1 cm or 1.27 cm
CELL_MARGIN_PT = 5.4  # Word's default left/right cell margin (108 twips)
ISSUER_RULE = 0.4  # NĐ 30: 1/3–1/2 of the issuing body's text
SUMMARY_RULE = 0.4  # and of the trích yếu
RULE_GAP_PT = 3  # the rule sits this far under the text it underlines, clear of descenders


@dataclass(frozen=True, slots=True)
class Signer:
    """One signature: the position lines in capitals ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") and
    the name. An empty name leaves the space to be written by hand."""

    lines: tuple[str, ...]
    name: str


class DocxBuilder:
    """Builds one document top to bottom. Every text passes `ooxml.clean` (NFC, XML-safe)."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        self._setup_styles()
        section = self.doc.sections[0]
        _page(section, landscape=False)
        section.different_first_page_header_footer = True
        self._page_numbers(section)
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)  # the template's empty first paragraph would push the header down

    # --- setup ---------------------------------------------------------------------------------

    def _setup_styles(self) -> None:
        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        ooxml.set_rfonts(rpr)
        ooxml.set_lang(rpr)
        normal = styles["Normal"]
        normal.font.size = Pt(BODY_PT)
        nrpr = normal.element.get_or_add_rPr()
        ooxml.set_rfonts(nrpr)
        ooxml.set_lang(nrpr)
        pf = normal.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing = 1.0
        for style in styles:  # headers, tables: nothing may fall back to a theme font
            el = getattr(style, "element", None)
            if el is not None and el.find(qn("w:rPr")) is not None:
                ooxml.set_rfonts(el.find(qn("w:rPr")))

    def _page_numbers(self, section) -> None:  # type: ignore[no-untyped-def]
        """Arabic, 14 pt, centred in the top margin, not on page 1 (NĐ 30)."""
        header = section.header
        p = header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        ooxml.page_field(p._p, BODY_PT * 2)
        section.header_distance = Mm(10)

    def landscape(self) -> None:
        """A new landscape section (a wide list) continuing the page numbers."""
        _page(self._new_section(), landscape=True)

    def page_break(self) -> None:
        self._new_section()

    def _new_section(self):  # type: ignore[no-untyped-def]
        """A section break. Word keeps it in an empty paragraph ending the page before; at full
        line height that paragraph spills onto a blank page when the signature fills page 1,
        so it is made 1 pt high."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = False
        carrier = self.doc.paragraphs[-1]
        if carrier._p.pPr is not None and carrier._p.pPr.sectPr is not None:
            pf = carrier.paragraph_format
            pf.space_before = pf.space_after = Pt(0)
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(1)
        return section

    @property
    def text_width_mm(self) -> float:
        s = self.doc.sections[-1]
        return (s.page_width - s.left_margin - s.right_margin) / Mm(1)

    # --- header ----------------------------------------------------------------------------

    def header(
        self,
        issuer: Sequence[str],
        number_line: str,
        date_line: str,
        *,
        parent: str = "",
    ) -> None:
        """The two-column header: `issuer` lines bold 13 with a short rule under them, the
        optional `parent` body above them (not bold), "Số: …" under them; Quốc hiệu, Tiêu ngữ
        and its rule, then the italic place-date line, on the right."""
        table = self._layout_table((HEADER_LEFT_W, TEXT_W - HEADER_LEFT_W), rows=2)
        left, right = table.rows[0].cells
        left_w = HEADER_LEFT_W * 72 / 25.4
        first = True
        if parent:
            self._cell_line(left, parent.upper(), HEADER_PT, first=first)
            first = False
        for line in issuer:
            self._cell_line(left, line.upper(), HEADER_PT, bold=True, first=first)
            first = False
        widest = max((text_width_pt(x.upper(), HEADER_PT, bold=True) for x in issuer), default=0)
        self._rule(left, left_w, widest * ISSUER_RULE)
        right_w = (TEXT_W - HEADER_LEFT_W) * 72 / 25.4
        self._cell_line(right, QUOC_HIEU, HEADER_PT, bold=True, first=True)
        self._cell_line(right, TIEU_NGU, BODY_PT, bold=True)
        self._rule(right, right_w, text_width_pt(TIEU_NGU, BODY_PT, bold=True))
        number_cell, date_cell = table.rows[1].cells
        if number_line:
            p = self._cell_line(number_cell, number_line, HEADER_PT, first=True)
            p.paragraph_format.space_before = Pt(4)
        if date_line:
            p = self._cell_line(date_cell, date_line, BODY_PT, italic=True, first=True)
            p.paragraph_format.space_before = Pt(4)

    def _rule(self, cell: _Cell, cell_w_pt: float, rule_w_pt: float) -> None:
        """An empty 1 pt paragraph whose bottom border, centred by equal indents, is the rule."""
        indent = max(0.0, (cell_w_pt - 2 * CELL_MARGIN_PT - rule_w_pt) / 2)
        p = cell.add_paragraph()
        pf = p.paragraph_format
        pf.left_indent = pf.right_indent = Pt(indent)
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(RULE_GAP_PT)
        ooxml.bottom_rule(p._p.get_or_add_pPr())

    # --- title and opening -----------------------------------------------------------------

    def title(self, type_name: str, summary: str = "", *, rule: bool = True) -> None:
        """ "QUYẾT ĐỊNH" bold 14 centred, the trích yếu bold 14 under it and a short rule."""
        p = self.line(type_name.upper(), bold=True, align="center")
        p.paragraph_format.space_before = Pt(18)
        ooxml.keep_with_next(p._p.get_or_add_pPr())
        if summary:
            for part in summary.split("\n"):
                self.line(part, bold=True, align="center")
            if rule:
                text_w = self.text_width_mm * 72 / 25.4
                width = min(text_width_pt(summary, BODY_PT, bold=True), text_w)
                self._body_rule(width * SUMMARY_RULE)
        self.spacer(6)

    def _body_rule(self, width_pt: float) -> None:
        text_w = self.text_width_mm * 72 / 25.4
        indent = max(0.0, (text_w - width_pt) / 2)
        p = self.doc.add_paragraph()
        pf = p.paragraph_format
        pf.left_indent = pf.right_indent = Pt(indent)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(RULE_GAP_PT)
        ooxml.bottom_rule(p._p.get_or_add_pPr())

    def recipient_line(self, recipient: str, label: str = "Kính gửi") -> None:
        """ "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh …" centred (tờ trình, báo cáo lên trên)."""
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(6)
        p.paragraph_format.space_after = Pt(6)
        self._run(p, f"{label}: ", BODY_PT)
        self._run(p, recipient, BODY_PT)

    def authority(self, text: str) -> None:
        """ "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …" of a quyết định, bold, centred."""
        p = self.line(text.upper(), bold=True, align="center")
        p.paragraph_format.space_before = Pt(6)
        p.paragraph_format.space_after = Pt(6)

    def bases(self, lines: Sequence[str]) -> None:
        """Căn cứ: italic, one per paragraph, already punctuated by the caller."""
        for line in lines:
            self.paragraph(line, italic=True)

    # --- body ------------------------------------------------------------------------------

    def paragraph(
        self,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        indent: bool = True,
        align: str = "justify",
        size: float = BODY_PT,
        space_before: float = 6,
    ) -> Paragraph:
        """A body paragraph: justified, first-line indent 1.27 cm, 6 pt before. A "\\n" in the
        text starts a new paragraph with the same look."""
        parts = [x for x in ooxml.clean(text).split("\n")] or [""]
        p = None
        for part in parts:
            p = self.doc.add_paragraph()
            _paragraph_format(p, align, indent, space_before)
            self._run(p, part, size, bold=bold, italic=italic)
        assert p is not None
        return p

    def rich(self, parts: Sequence[tuple[str, str]], *, indent: bool = True) -> Paragraph:
        """One body paragraph of runs with their looks: ("b", "Điều 1. "), ("", "Tặng …")."""
        p = self.doc.add_paragraph()
        _paragraph_format(p, "justify", indent, 6)
        for look, text in parts:
            self._run(p, text, BODY_PT, bold="b" in look, italic="i" in look)
        return p

    def heading(self, text: str, *, level: int = 1) -> Paragraph:
        """ "I. MỤC ĐÍCH, YÊU CẦU" (level 1) or "1. Mục đích" (level 2), bold, kept with the
        paragraph after it."""
        p = self.paragraph(text, bold=True, space_before=8 if level == 1 else 6)
        ooxml.keep_with_next(p._p.get_or_add_pPr())
        return p

    def centred(self, text: str, *, bold: bool = True, space_before: float = 6) -> Paragraph:
        """ "QUYẾT ĐỊNH:" between the Căn cứ and the articles; "DANH SÁCH …" headings."""
        p = self.line(text, bold=bold)
        p.paragraph_format.space_before = Pt(space_before)
        ooxml.keep_with_next(p._p.get_or_add_pPr())
        return p

    def line(
        self,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        align: str = "center",
        size: float = BODY_PT,
    ) -> Paragraph:
        p = self.doc.add_paragraph()
        _paragraph_format(p, align, False, 0)
        self._run(p, ooxml.clean(text), size, bold=bold, italic=italic)
        return p

    def spacer(self, points: float = 6) -> None:
        p = self.doc.add_paragraph()
        pf = p.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(points)

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        *,
        bold_rows: frozenset[int] = frozenset(),
        merged_rows: frozenset[int] = frozenset(),
        size: float = 13,
    ) -> None:
        """A bordered list, filled row by row in XML (linear: 1,000 rows in a few ms);
        `merged_rows` span the whole width (a section heading), `bold_rows` are bold."""
        add_grid_table(
            self.doc, columns, rows, self.text_width_mm, size=size,
            bold_rows=bold_rows, merged_rows=merged_rows,
        )  # fmt: skip

    # --- the end -----------------------------------------------------------------------------

    def closing(self, recipients: Sequence[str], signer: Signer) -> None:
        """Nơi nhận bottom left (12 pt bold italic label, 11 pt items) and the signature block
        right, on one row so they share the page."""
        self._keep_last_with_next()
        table = self._layout_table((TEXT_W * 0.47, TEXT_W * 0.53), rows=1, keep=True)
        left, right = table.rows[0].cells
        if recipients:
            self._cell_line(left, "Nơi nhận:", 12, bold=True, italic=True, first=True, align="left")
            for item in recipients:
                self._cell_line(left, item, 11, align="left")
        self._signature(right, signer)

    def signatures(self, left: Signer, right: Signer) -> None:
        """Two signatures side by side: a biên bản (Thư ký left, Chủ tọa right)."""
        self._keep_last_with_next()
        table = self._layout_table((TEXT_W / 2, TEXT_W / 2), rows=1, keep=True)
        a, b = table.rows[0].cells
        self._signature(a, left)
        self._signature(b, right)

    def _keep_last_with_next(self, count: int = 2) -> None:
        """A signature never stands alone at the top of a page: the last paragraphs before it
        (the closing sentence, a spacer) move with it."""
        body = self.doc.element.body
        last = list(body.iterchildren(qn("w:p"), qn("w:tbl")))[-count:]
        for el in reversed(last):
            if el.tag != qn("w:p"):
                break
            ooxml.keep_with_next(el.get_or_add_pPr())

    def _signature(self, cell: _Cell, signer: Signer) -> None:
        first = True
        for line in signer.lines:
            self._cell_line(cell, line.upper(), BODY_PT, bold=True, first=first)
            first = False
        for _ in range(4):  # about 30 mm for the signature and the seal
            self._cell_line(cell, "", BODY_PT)
        self._cell_line(cell, signer.name, BODY_PT, bold=True)

    # --- low level ---------------------------------------------------------------------------

    def _layout_table(self, widths_mm: Sequence[float], rows: int, keep: bool = False):  # type: ignore[no-untyped-def]
        table = self.doc.add_table(rows=rows, cols=len(widths_mm))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        ooxml.no_borders(tbl_pr)
        ooxml.fixed_layout(tbl_pr)
        for i, w in enumerate(widths_mm):
            table.columns[i].width = Mm(w)  # LibreOffice lays out from gridCol
            for cell in table.columns[i].cells:
                cell.width = Mm(w)
        if keep:
            for row in table.rows:
                ooxml.cant_split(row._tr)
        return table

    def _cell_line(
        self,
        cell: _Cell,
        text: str,
        size: float,
        *,
        bold: bool = False,
        italic: bool = False,
        first: bool = False,
        align: str = "center",
    ) -> Paragraph:
        p = cell.paragraphs[0] if first and not cell.paragraphs[0].runs else cell.add_paragraph()
        _paragraph_format(p, align, False, 0)
        self._run(p, ooxml.clean(text), size, bold=bold, italic=italic)
        return p

    @staticmethod
    def _run(p: Paragraph, text: str, size: float, *, bold: bool = False, italic: bool = False):  # type: ignore[no-untyped-def]
        run = p.add_run(ooxml.clean(text))
        run.font.size = Pt(size)
        run.font.bold = bold or None
        run.font.italic = italic or None
        ooxml.set_rfonts(run._r.get_or_add_rPr())
        return run

    def save(self, path) -> None:  # type: ignore[no-untyped-def]
        from emulation_desktop.documents.docx.save import save_docx

        save_docx(self.doc, path)


_ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _paragraph_format(p: Paragraph, align: str, indent: bool, space_before: float) -> None:
    p.alignment = _ALIGN[align]
    pf = p.paragraph_format
    if indent:
        pf.first_line_indent = Mm(FIRST_LINE_INDENT_MM)
    pf.space_before = Pt(space_before)
    pf.space_after = Pt(0)


def _page(section, *, landscape: bool) -> None:  # type: ignore[no-untyped-def]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(PAGE_H), Mm(PAGE_W)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)
    section.header_distance = Mm(10)
