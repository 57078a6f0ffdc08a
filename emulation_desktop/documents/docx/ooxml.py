"""The few raw WordprocessingML pieces python-docx has no API for: all four font slots, no
borders, the short solid rules of NĐ 30 headers, PAGE fields, and XML-safe text."""

from __future__ import annotations

import re
import unicodedata

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

FONT = "Times New Roman"
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
# XML 1.0 forbids C0 controls other than tab/newline/CR; Word refuses a file holding them.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """NFC text that XML accepts: control characters pasted from elsewhere become spaces, so a
    stray byte in a name never breaks the document."""
    return _XML_BAD.sub(" ", unicodedata.normalize("NFC", text or ""))


def set_rfonts(rpr: etree._Element, name: str = FONT) -> None:
    """Times New Roman in every slot; theme attributes (which win over names) are dropped."""
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts")
        rpr.insert(0, rf)
    for attr in list(rf.attrib):
        del rf.attrib[attr]
    for slot in _FONT_SLOTS:
        rf.set(qn(slot), name)


def set_lang(rpr: etree._Element, lang: str = "vi-VN") -> None:
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), lang)


def no_borders(tbl_pr: etree._Element) -> None:
    """Explicit nil borders, so a template's table style cannot draw lines."""
    _borders(tbl_pr, "nil")


def grid_borders(tbl_pr: etree._Element) -> None:
    """Thin black lines around and between every cell (lists, vote tables)."""
    _borders(tbl_pr, "single")


def _borders(tbl_pr: etree._Element, val: str) -> None:
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        x = OxmlElement(f"w:{edge}")
        x.set(qn("w:val"), val)
        if val != "nil":
            x.set(qn("w:sz"), "4")
            x.set(qn("w:space"), "0")
            x.set(qn("w:color"), "000000")
        b.append(x)
    tbl_pr.append(b)


def bottom_rule(p_pr: etree._Element) -> None:
    """A solid bottom border on a paragraph: NĐ 30's "đường kẻ ngang, nét liền"."""
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    style = p_pr.find(qn("w:pStyle"))
    p_pr.insert(1 if style is not None else 0, bdr)


def page_field(paragraph_el: etree._Element, size_half_points: int) -> None:
    """A PAGE field run: the page number Word and LibreOffice fill in."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    set_rfonts(rpr)
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(size_half_points))
    rpr.append(sz)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = "2"
    r.append(t)
    fld.append(r)
    paragraph_el.append(fld)


def keep_with_next(p_pr: etree._Element) -> None:
    if p_pr.find(qn("w:keepNext")) is None:
        style = p_pr.find(qn("w:pStyle"))
        p_pr.insert(1 if style is not None else 0, OxmlElement("w:keepNext"))


def repeat_header(tr: etree._Element) -> None:
    """The header row prints again on each page of a long list."""
    tr_pr = tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    tr_pr.append(el)


def cant_split(tr: etree._Element) -> None:
    tr_pr = tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def fixed_layout(tbl_pr: etree._Element) -> None:
    """Column widths as given, not stretched to the content."""
    el = OxmlElement("w:tblLayout")
    el.set(qn("w:type"), "fixed")
    tbl_pr.append(el)
