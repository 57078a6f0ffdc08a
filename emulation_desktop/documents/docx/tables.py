"""Bordered lists written straight as WordprocessingML rows.

python-docx's `table.cell(r, c)` rebuilds the cell grid on every call (1,000 rows took minutes,
tech-notes §2); here each row is built once with lxml, so a decision's 1,000-row list costs a
few milliseconds. The header row repeats on every page and no row splits across pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from emulation_desktop.documents.docx import ooxml

_TWIPS_PER_MM = 1440 / 25.4
# A row is kept on one page unless its text could be taller than a page: Word clips such a
# row at the page's foot instead of moving it (a 2,000-character achievement).
SPLIT_ABOVE = 600


@dataclass(frozen=True, slots=True)
class Column:
    """A list column: its header, its share of the text width, how its cells align."""

    title: str
    weight: float
    align: str = "left"  # left, center, right


def add_grid_table(
    doc,  # type: ignore[no-untyped-def]
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    text_width_mm: float,
    *,
    size: float = 13,
    bold_rows: frozenset[int] = frozenset(),
    merged_rows: frozenset[int] = frozenset(),
) -> None:
    total = sum(c.weight for c in columns)
    widths = [int(text_width_mm * c.weight / total * _TWIPS_PER_MM) for c in columns]
    table = doc.add_table(rows=0, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl = table._tbl
    ooxml.grid_borders(tbl.tblPr)
    ooxml.fixed_layout(tbl.tblPr)
    for i, w in enumerate(widths):
        table.columns[i].width = Mm(w / _TWIPS_PER_MM)
    maker = _RowMaker(widths, size)
    header = maker.row([c.title for c in columns], ["center"] * len(columns), bold=True)
    ooxml.repeat_header(header)
    tbl.append(header)
    aligns = [c.align for c in columns]
    for i, values in enumerate(rows):
        if i in merged_rows:
            tr = maker.merged(values[0], bold=i in bold_rows)
        else:
            tr = maker.row(values, aligns, bold=i in bold_rows)
        tbl.append(tr)


class _RowMaker:
    """Builds <w:tr> elements from prototypes deep-copied per cell (the fastest lxml path)."""

    def __init__(self, widths: Sequence[int], size: float) -> None:
        self.widths = list(widths)
        half_points = str(round(size * 2))
        self._rpr = {b: _rpr(half_points, b) for b in (False, True)}
        self._ppr = {a: _ppr(a) for a in ("left", "center", "right", "justify")}

    def row(self, values: Sequence[str], aligns: Sequence[str], *, bold: bool) -> etree._Element:
        tr = OxmlElement("w:tr")
        if sum(len(str(v)) for v in values) <= SPLIT_ABOVE:
            ooxml.cant_split(tr)
        for value, align, width in zip(values, aligns, self.widths, strict=True):
            tr.append(self._cell(value, align, width, bold))
        return tr

    def merged(self, text: str, *, bold: bool) -> etree._Element:
        tr = OxmlElement("w:tr")
        ooxml.cant_split(tr)
        tc = self._cell(text, "left", sum(self.widths), bold)
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(len(self.widths)))
        tc.find(qn("w:tcPr")).insert(1, span)
        tr.append(tc)
        return tr

    def _cell(self, value: str, align: str, width: int, bold: bool) -> etree._Element:
        tc = OxmlElement("w:tc")
        tc_pr = etree.SubElement(tc, qn("w:tcPr"))
        tc_w = etree.SubElement(tc_pr, qn("w:tcW"))
        tc_w.set(qn("w:w"), str(width))
        tc_w.set(qn("w:type"), "dxa")
        etree.SubElement(tc_pr, qn("w:vAlign")).set(qn("w:val"), "center")
        p = etree.SubElement(tc, qn("w:p"))
        p.append(deepcopy(self._ppr[align]))
        r = etree.SubElement(p, qn("w:r"))
        r.append(deepcopy(self._rpr[bold]))
        lines = ooxml.clean(str(value)).split("\n")
        for k, line in enumerate(lines):
            if k:
                etree.SubElement(r, qn("w:br"))
            t = etree.SubElement(r, qn("w:t"))
            t.text = line
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return tc


def _rpr(half_points: str, bold: bool) -> etree._Element:
    rpr = OxmlElement("w:rPr")
    ooxml.set_rfonts(rpr)
    if bold:
        etree.SubElement(rpr, qn("w:b"))
    etree.SubElement(rpr, qn("w:sz")).set(qn("w:val"), half_points)
    etree.SubElement(rpr, qn("w:szCs")).set(qn("w:val"), half_points)
    return rpr


def _ppr(align: str) -> etree._Element:
    ppr = OxmlElement("w:pPr")
    spacing = etree.SubElement(ppr, qn("w:spacing"))
    spacing.set(qn("w:before"), "40")
    spacing.set(qn("w:after"), "40")
    etree.SubElement(ppr, qn("w:jc")).set(qn("w:val"), "both" if align == "justify" else align)
    return ppr
