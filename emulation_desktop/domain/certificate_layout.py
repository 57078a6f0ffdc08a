"""Where each text of a certificate goes: boxes in millimetres from the paper's top-left corner.

A layout belongs to one certificate kind and one paper size. Every field has a box (x, y,
width, height in mm), a font size with the minimum it may shrink to, bold/italic, a colour, an
alignment and whether it is printed on a pre-printed blank (phôi): the Quốc hiệu, "TẶNG" and
"GIẤY KHEN" are already on the blank, the names are not. Layouts are saved per kind in the
database and exported to a small JSON file another commune can import.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any

from emulation_desktop.domain.certificates import CertificateKind, FieldKey
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.text import nfc

FORMAT = "emulation-desktop-certificate-layout"
VERSION = 1
RED = "#C8102E"
BLACK = "#000000"
HARDWARE_MARGIN_MM = 5.0  # most printers cannot print closer to the edge (tech-notes §3)
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"

    @property
    def label(self) -> str:
        return {"left": "Trái", "center": "Giữa", "right": "Phải"}[self.value]


@dataclass(frozen=True, slots=True)
class Paper:
    name: str  # "A4 ngang", "A3 ngang", "Tùy chỉnh"
    width_mm: float
    height_mm: float


A4_LANDSCAPE = Paper("A4 ngang", 297.0, 210.0)
A3_LANDSCAPE = Paper("A3 ngang", 420.0, 297.0)
PAPER_PRESETS = (A4_LANDSCAPE, A3_LANDSCAPE)
CUSTOM = "Tùy chỉnh"
MIN_PAPER_MM, MAX_PAPER_MM = 50.0, 1000.0


@dataclass(frozen=True, slots=True)
class FieldBox:
    key: FieldKey
    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float
    size: float  # pt
    min_size: float  # pt: auto-fit shrinks no further before wrapping is flagged
    bold: bool = False
    italic: bool = False
    colour: str = BLACK
    align: Align = Align.CENTER
    on_blank: bool = True  # printed in overlay mode too (False: pre-printed on the phôi)
    visible: bool = True
    text: str = ""  # the words of a fixed field
    underline: bool = False  # a rule under the text (the Tiêu ngữ)

    @property
    def right_mm(self) -> float:
        return self.x_mm + self.width_mm

    @property
    def bottom_mm(self) -> float:
        return self.y_mm + self.height_mm


@dataclass(frozen=True, slots=True)
class CertificateLayout:
    kind: CertificateKind
    paper: Paper
    fields: tuple[FieldBox, ...]

    def field(self, key: FieldKey) -> FieldBox:
        for f in self.fields:
            if f.key is key:
                return f
        raise KeyError(key)

    def with_field(self, box: FieldBox) -> CertificateLayout:
        return replace(self, fields=tuple(box if f.key is box.key else f for f in self.fields))


# Defaults ------------------------------------------------------------------------------------

_FIXED_TEXT = {
    FieldKey.NATIONAL: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    FieldKey.MOTTO: "Độc lập - Tự do - Hạnh phúc",
}

# A4 landscape, x y w h size min bold italic colour align on_blank (traditional Giấy khen).
_A4: dict[FieldKey, tuple] = {
    FieldKey.NATIONAL: (28.5, 20, 240, 8, 14, 12, True, False, BLACK, Align.CENTER, False),
    FieldKey.MOTTO: (28.5, 28, 240, 8, 14, 12, True, False, BLACK, Align.CENTER, False),
    FieldKey.ISSUER: (28.5, 42, 240, 10, 16, 12, True, False, RED, Align.CENTER, True),
    FieldKey.VERB: (28.5, 54, 240, 8, 15, 12, True, False, BLACK, Align.CENTER, False),
    FieldKey.HEADING: (28.5, 62, 240, 18, 40, 28, True, False, RED, Align.CENTER, False),
    FieldKey.RECIPIENT: (33.5, 86, 230, 13, 22, 14, True, True, BLACK, Align.CENTER, True),
    FieldKey.POSITION: (33.5, 100, 230, 8, 15, 11, False, True, BLACK, Align.CENTER, True),
    FieldKey.ACHIEVEMENT: (38.5, 110, 220, 28, 15, 11, False, False, BLACK, Align.CENTER, True),
    FieldKey.DECISION: (24, 152, 112, 12, 12, 9, False, True, BLACK, Align.LEFT, True),
    FieldKey.REGISTER: (24, 165, 112, 7, 12, 9, False, True, BLACK, Align.LEFT, True),
    FieldKey.PLACE_DATE: (150, 146, 125, 8, 13, 10, False, True, BLACK, Align.CENTER, True),
    FieldKey.SIGNER_TITLE: (150, 154, 125, 13, 13, 10, True, False, BLACK, Align.CENTER, True),
    FieldKey.SIGNER_NAME: (150, 187, 125, 8, 14, 11, True, False, BLACK, Align.CENTER, True),
}


def default_layout(kind: CertificateKind, paper: Paper = A4_LANDSCAPE) -> CertificateLayout:
    """The traditional layout (domain.md §6) drawn for A4 landscape and scaled to `paper`."""
    boxes = []
    for key, (x, y, w, h, size, least, bold, italic, colour, align, on_blank) in _A4.items():
        text = _FIXED_TEXT.get(key, "")
        if key is FieldKey.VERB:
            text = kind.verb
        elif key is FieldKey.HEADING:
            text = kind.heading
        boxes.append(FieldBox(key, x, y, w, h, size, least, bold, italic, colour, align,
                              on_blank, True, text, key is FieldKey.MOTTO))  # fmt: skip
    layout = CertificateLayout(kind, A4_LANDSCAPE, tuple(boxes))
    return scaled(layout, paper) if paper != A4_LANDSCAPE else layout


def scaled(layout: CertificateLayout, paper: Paper) -> CertificateLayout:
    """The same layout on other paper: positions and sizes grow or shrink with the paper."""
    fx = paper.width_mm / layout.paper.width_mm
    fy = paper.height_mm / layout.paper.height_mm
    f = min(fx, fy)
    return CertificateLayout(layout.kind, paper, tuple(
        replace(b, x_mm=round(b.x_mm * fx, 1), y_mm=round(b.y_mm * fy, 1),
                width_mm=round(b.width_mm * fx, 1), height_mm=round(b.height_mm * fy, 1),
                size=round(b.size * f * 2) / 2, min_size=round(b.min_size * f * 2) / 2)
        for b in layout.fields
    ))  # fmt: skip


# Checks ---------------------------------------------------------------------------------------


def layout_problems(layout: CertificateLayout) -> list[str]:
    """Every reason the layout cannot be printed, in Vietnamese (empty: it can)."""
    p = layout.paper
    out = []
    if not (
        MIN_PAPER_MM <= p.width_mm <= MAX_PAPER_MM and MIN_PAPER_MM <= p.height_mm <= MAX_PAPER_MM
    ):  # NaN fails every comparison, so it is refused here too
        out.append(
            f"Khổ giấy {mm(p.width_mm)} × {mm(p.height_mm)} mm không hợp lệ: mỗi cạnh từ "
            f"{mm(MIN_PAPER_MM)} đến {mm(MAX_PAPER_MM)} mm."
        )
    for b in layout.fields:
        if not b.visible:
            continue
        name = f"Dòng «{b.key.label}»"
        numbers = (b.x_mm, b.y_mm, b.width_mm, b.height_mm, b.size, b.min_size)
        if not all(math.isfinite(v) for v in numbers):
            out.append(f"{name} có vị trí, kích thước hoặc cỡ chữ không phải là số.")
            continue
        if b.width_mm <= 0 or b.height_mm <= 0:
            out.append(f"{name} phải có chiều rộng và chiều cao lớn hơn 0.")
        elif (
            b.x_mm < 0
            or b.y_mm < 0
            or b.right_mm > p.width_mm + 1e-6
            or b.bottom_mm > p.height_mm + 1e-6
        ):
            out.append(
                f"{name} nằm ngoài trang giấy {mm(p.width_mm)} × {mm(p.height_mm)} mm: khung "
                f"ngang từ {mm(b.x_mm)} đến {mm(b.right_mm)} mm, dọc từ {mm(b.y_mm)} đến "
                f"{mm(b.bottom_mm)} mm."
            )
        if not 4 <= b.size <= 120 or not 4 <= b.min_size <= b.size:
            out.append(f"{name}: cỡ chữ từ 4 đến 120, cỡ nhỏ nhất không lớn hơn cỡ chữ.")
        if not _COLOUR.match(b.colour):
            out.append(f"{name}: màu «{b.colour}» không hợp lệ (dạng #RRGGBB).")
    return out


def mm(value: float) -> str:
    """ "33,5": millimetres as the screens show them (decimal comma)."""
    return f"{value:g}".replace(".", ",").replace("-", "−")


def check_layout(layout: CertificateLayout) -> CertificateLayout:
    if problems := layout_problems(layout):
        raise ValidationError({"layout": problems[0]})
    return layout


def edge_warnings(layout: CertificateLayout, overlay: bool) -> list[str]:
    """Fields inside the printers' unprintable margin: they may be cut off at print time."""
    p, m = layout.paper, HARDWARE_MARGIN_MM
    out = []
    for b in layout.fields:
        if not b.visible or (overlay and not b.on_blank):
            continue
        if b.x_mm < m or b.y_mm < m or b.right_mm > p.width_mm - m or b.bottom_mm > p.height_mm - m:
            out.append(
                f"Dòng «{b.key.label}» cách mép giấy dưới {m:g} mm: nhiều máy in không in tới "
                "sát mép, chữ có thể bị mất."
            )
    return out


# File -----------------------------------------------------------------------------------------


def layout_to_dict(layout: CertificateLayout) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "kind": layout.kind.value,
        "paper": asdict(layout.paper),
        "fields": [
            {**asdict(b), "key": b.key.value, "align": b.align.value} for b in layout.fields
        ],
    }


def layout_to_json(layout: CertificateLayout) -> str:
    return json.dumps(layout_to_dict(layout), ensure_ascii=False, indent=2)


_NOT_A_LAYOUT = "Tệp này không phải tệp mẫu giấy khen của chương trình."


def layout_from_json(text: str, kind: CertificateKind | None = None) -> CertificateLayout:
    """Read an exported layout; any fault gives one Vietnamese message. Fields missing from an
    older file take the default of their kind."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError):
        raise ValidationError({"file": _NOT_A_LAYOUT}) from None
    return layout_from_dict(data, kind)


def layout_from_dict(data: Any, kind: CertificateKind | None = None) -> CertificateLayout:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError({"file": _NOT_A_LAYOUT})
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise ValidationError(
            {
                "file": "Tệp mẫu giấy khen được tạo bởi phiên bản mới hơn của chương trình; "
                "hãy cập nhật chương trình rồi nhập lại."
            }
        )
    try:
        file_kind = CertificateKind(data["kind"])
        paper = Paper(nfc(str(data["paper"]["name"])), float(data["paper"]["width_mm"]),
                      float(data["paper"]["height_mm"]))  # fmt: skip
        base = default_layout(file_kind, A4_LANDSCAPE)
        boxes = (
            {b.key: b for b in scaled(base, paper).fields}
            if paper != A4_LANDSCAPE
            else {b.key: b for b in base.fields}
        )
        for raw in data["fields"]:
            key = FieldKey(raw["key"])
            boxes[key] = _box(key, raw, boxes[key])
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ValidationError({"file": _NOT_A_LAYOUT}) from None
    if kind is not None and file_kind is not kind:
        raise ValidationError(
            {"kind": f"Tệp này là mẫu «{file_kind.label}», không phải mẫu «{kind.label}»."}
        )
    return check_layout(CertificateLayout(file_kind, paper, tuple(boxes[k] for k in FieldKey)))


def _box(key: FieldKey, raw: dict[str, Any], default: FieldBox) -> FieldBox:
    def num(name: str) -> float:
        value = raw.get(name, getattr(default, name))
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(name)
        if not math.isfinite(value):  # json reads NaN and Infinity
            raise ValueError(name)
        return float(value)

    def flag(name: str) -> bool:
        value = raw.get(name, getattr(default, name))
        if not isinstance(value, bool):
            raise ValueError(name)
        return value

    text = raw.get("text", default.text)
    if not isinstance(text, str):
        raise ValueError("text")
    return FieldBox(
        key, num("x_mm"), num("y_mm"), num("width_mm"), num("height_mm"), num("size"),
        num("min_size"), flag("bold"), flag("italic"), str(raw.get("colour", default.colour)),
        Align(raw.get("align", default.align.value)), flag("on_blank"), flag("visible"),
        nfc(text), flag("underline"),
    )  # fmt: skip
