"""The commune profile: who issues the documents, where, and who signs."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from emulation_desktop.domain.enums import CommuneKind
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.text import nfc


@dataclass(frozen=True, slots=True)
class CommuneProfile:
    """Attributes mirror the setup dialog; names are stored NFC.

    Attributes:
        kind: xã, phường or đặc khu.
        name: the proper name without the kind ("Cát Thành").
        province: "Ninh Bình" (no "tỉnh"/"thành phố" prefix).
        place_name: the place written in dates ("Cát Thành, ngày ...").
        chairman: Chủ tịch UBND.
        vice_chairmen: Phó Chủ tịch UBND, in order.
        officer: the civil servant in charge of TĐKT.
        officer_title: that officer's position, printed under signatures where needed.
    """

    kind: CommuneKind
    name: str
    province: str
    place_name: str
    chairman: str
    vice_chairmen: tuple[str, ...] = ()
    officer: str = ""
    officer_title: str = ""

    @property
    def display_name(self) -> str:
        """'Xã Cát Thành'."""
        return f"{self.kind.label} {self.name}"

    @property
    def issuer(self) -> str:
        """'UBND xã Cát Thành', as in running text."""
        return f"UBND {self.kind.label.lower()} {self.name}"

    @property
    def issuer_upper(self) -> str:
        """'ỦY BAN NHÂN DÂN XÃ CÁT THÀNH', the issuing body of NĐ 30 headers."""
        return f"ỦY BAN NHÂN DÂN {self.kind.label.upper()} {self.name.upper()}"


_NAME_CHARS = re.compile(r"^[^\W\d_]+(?:[ '\-.][^\W\d_]+)*$")
_PLACE_CHARS = re.compile(r"^[\w]+(?:[ '\-.][\w]+)*$")
_MAX = 80


def _person_error(value: str, label: str, required: bool) -> str | None:
    if not value:
        return f"Hãy nhập {label}." if required else None
    if len(value) > _MAX:
        return f"{label[0].upper()}{label[1:]} dài quá {_MAX} ký tự."
    if not _NAME_CHARS.match(value) or len(value.split()) < 2:
        return f"{label[0].upper()}{label[1:]} phải là họ và tên đầy đủ, chỉ gồm chữ cái."
    return None


def validate_profile(profile: CommuneProfile) -> CommuneProfile:
    """Return the profile normalised to NFC, or raise ValidationError naming every bad field."""
    p = replace(
        profile,
        name=nfc(profile.name),
        province=nfc(profile.province),
        place_name=nfc(profile.place_name) or nfc(profile.name),
        chairman=nfc(profile.chairman),
        vice_chairmen=tuple(v for v in (nfc(x) for x in profile.vice_chairmen) if v),
        officer=nfc(profile.officer),
        officer_title=nfc(profile.officer_title),
    )
    errors: dict[str, str] = {}
    for field, label in (("name", "tên xã/phường"), ("province", "tên tỉnh/thành phố")):
        value = getattr(p, field)
        if not value:
            errors[field] = f"Hãy nhập {label}."
        elif len(value) > _MAX or not _PLACE_CHARS.match(value):
            errors[field] = f"Tên {label.split(' ', 1)[1]} chỉ gồm chữ, số và dấu cách."
    if len(p.place_name) > _MAX or not _PLACE_CHARS.match(p.place_name or "x"):
        errors["place_name"] = "Địa danh ghi trên văn bản chỉ gồm chữ, số và dấu cách."
    if msg := _person_error(p.chairman, "họ tên Chủ tịch UBND", required=True):
        errors["chairman"] = msg
    for v in p.vice_chairmen:
        if msg := _person_error(v, "họ tên Phó Chủ tịch UBND", required=False):
            errors["vice_chairmen"] = msg
            break
    if msg := _person_error(p.officer, "họ tên công chức phụ trách thi đua, khen thưởng", True):
        errors["officer"] = msg
    if len(p.officer_title) > _MAX:
        errors["officer_title"] = f"Chức vụ dài quá {_MAX} ký tự."
    if errors:
        raise ValidationError(errors)
    return p
