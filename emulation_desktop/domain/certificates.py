"""What a certificate says: one Giấy khen or Giấy chứng nhận per award of a decision.

The words follow the traditional layout (reference/domain.md §6): the issuer in red, "TẶNG" and
"GIẤY KHEN", the recipient with "Ông"/"Bà" from gender ("Tập thể …", "Hộ gia đình ông/bà …"),
position and unit, "Đã có thành tích …", then the decision, the số sổ, the place-date line and
the signer. Which awards have a certificate at all is data: the award's artefacts in the rule set.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from emulation_desktop.domain.enums import AwardKind, Gender, SubjectKind
from emulation_desktop.domain.text import fold, lower_first, nfc, quoted_name


class CertificateKind(StrEnum):
    """A certificate's layout: each has its own field positions and fixed words."""

    GIAY_KHEN_PERSON = "giay_khen_ca_nhan"
    GIAY_KHEN_UNIT = "giay_khen_tap_the"
    GIAY_KHEN_HOUSEHOLD = "giay_khen_ho"
    CERTIFICATE = "giay_chung_nhan"

    @property
    def label(self) -> str:
        return {
            "giay_khen_ca_nhan": "Giấy khen cá nhân",
            "giay_khen_tap_the": "Giấy khen tập thể",
            "giay_khen_ho": "Giấy khen hộ gia đình",
            "giay_chung_nhan": "Giấy chứng nhận danh hiệu",
        }[self.value]

    @property
    def heading(self) -> str:
        return "GIẤY CHỨNG NHẬN" if self is CertificateKind.CERTIFICATE else "GIẤY KHEN"

    @property
    def verb(self) -> str:
        """The word above the heading on the traditional layout ("TẶNG GIẤY CHỨNG NHẬN" too:
        a lone "CHỨNG NHẬN" above "GIẤY CHỨNG NHẬN" read as a repeat)."""
        return "TẶNG"

    @property
    def blank(self) -> BlankKind:
        """The pre-printed blank this kind is printed on (stock is counted per blank)."""
        if self is CertificateKind.CERTIFICATE:
            return BlankKind.CERTIFICATE
        return BlankKind.GIAY_KHEN


class BlankKind(StrEnum):
    """A box of pre-printed blanks (phôi) bought from the province or a printer."""

    GIAY_KHEN = "giay_khen"
    CERTIFICATE = "giay_chung_nhan"

    @property
    def label(self) -> str:
        return "Phôi giấy khen" if self is BlankKind.GIAY_KHEN else "Phôi giấy chứng nhận"


class PrintMode(StrEnum):
    """Full: everything on plain paper. Overlay: only the variable text, on a blank."""

    FULL = "full"
    OVERLAY = "overlay"

    @property
    def label(self) -> str:
        return "Giấy trắng (in cả khung)" if self is PrintMode.FULL else "Phôi in sẵn (chỉ in chữ)"


# Artefact names of the rule set (domain.md §4) that are a printed sheet.
_GIAY_KHEN = ("giay khen",)
_CHUNG_NHAN = ("bang chung nhan", "giay chung nhan", "giay cong nhan")


def certificate_kind(
    subject: SubjectKind,
    award_kind: AwardKind,
    artefacts: Sequence[str],
    *,
    any_title: bool = False,
) -> CertificateKind | None:
    """The layout an award prints on, or None when its rules give it no sheet (a title such as
    "Lao động tiên tiến" has none unless `any_title` asks for a Giấy chứng nhận anyway)."""
    folded = [fold(a) for a in artefacts]
    if any(a in _GIAY_KHEN for a in folded) and award_kind is AwardKind.FORM:
        return {
            SubjectKind.PERSON: CertificateKind.GIAY_KHEN_PERSON,
            SubjectKind.UNIT: CertificateKind.GIAY_KHEN_UNIT,
            SubjectKind.HOUSEHOLD: CertificateKind.GIAY_KHEN_HOUSEHOLD,
        }[subject]
    if any(a in _CHUNG_NHAN for a in folded) or (any_title and award_kind is AwardKind.TITLE):
        return CertificateKind.CERTIFICATE
    return None


@dataclass(frozen=True, slots=True)
class Recipient:
    """Who the sheet names. `gender` is the person's, or the household head's."""

    kind: SubjectKind
    name: str  # "Nguyễn Văn An", "Tổ dân phố số 3", the household head's name
    gender: Gender | None = None
    position: str = ""  # "Giáo viên, Trường THCS Cát Thành" or a household's unit/address

    @property
    def line(self) -> str:
        """ "Ông Nguyễn Văn An", "Tập thể Tổ dân phố số 3", "Hộ gia đình bà Lê Thị Hoa"."""
        name = nfc(self.name).strip()
        if self.kind is SubjectKind.UNIT:
            return name if fold(name).startswith("tap the ") else f"Tập thể {name}"
        honorific = self.gender.honorific if self.gender else ""
        if self.kind is SubjectKind.HOUSEHOLD:
            return f"Hộ gia đình {honorific.lower()} {name}".replace("  ", " ")
        return f"{honorific} {name}".strip()


def sheet_count_text(kinds: Sequence[CertificateKind]) -> str:
    """ "3 giấy khen", "16 giấy chứng nhận", "3 giấy khen và 16 giấy chứng nhận"."""
    certificates = sum(1 for k in kinds if k is CertificateKind.CERTIFICATE)
    parts = [f"{n} {word}" for n, word in ((len(kinds) - certificates, "giấy khen"),
                                           (certificates, "giấy chứng nhận")) if n]  # fmt: skip
    return " và ".join(parts) or "0 giấy khen"


def achievement_line(kind: CertificateKind, achievement: str, award_name: str, period: str) -> str:
    """ "Đã có thành tích …" on a Giấy khen; "Đạt danh hiệu “…” năm 2026" on a Giấy chứng
    nhận. The officer's text keeps its own words when it already starts that way."""
    if kind is CertificateKind.CERTIFICATE:
        when = f" {period}" if period else ""
        return f"Đạt danh hiệu {quoted_name(award_name)}{when}"
    text = " ".join(nfc(achievement).split()).rstrip(" .;,")
    if not text:
        return "Đã có thành tích xuất sắc trong phong trào thi đua" + (
            f" {period}" if period else ""
        )
    folded = fold(text)
    if folded.startswith("da co thanh tich"):
        return text[0].upper() + text[1:]
    if folded.startswith("co thanh tich"):
        return "Đã " + lower_first(text)
    if folded.startswith("thanh tich"):
        return "Đã có " + lower_first(text)
    if folded.startswith("da "):  # "Đã có hành động dũng cảm…" is already a sentence
        return text[0].upper() + text[1:]
    return "Đã có thành tích " + lower_first(text)


class FieldKey(StrEnum):
    """Every text a layout places. Fixed ones are pre-printed on a phôi; variable ones differ
    from sheet to sheet."""

    NATIONAL = "quoc_hieu"
    MOTTO = "tieu_ngu"
    ISSUER = "co_quan"
    VERB = "tang"
    HEADING = "tieu_de"
    RECIPIENT = "nguoi_nhan"
    POSITION = "chuc_vu"
    ACHIEVEMENT = "thanh_tich"
    DECISION = "quyet_dinh"
    REGISTER = "so_so"
    PLACE_DATE = "dia_danh"
    SIGNER_TITLE = "chuc_danh_ky"
    SIGNER_NAME = "nguoi_ky"

    @property
    def label(self) -> str:
        return _FIELD_LABELS[self]

    @property
    def fixed(self) -> bool:
        """Same words on every sheet of a layout (typed in the layout, not taken from data)."""
        return self in (FieldKey.NATIONAL, FieldKey.MOTTO, FieldKey.VERB, FieldKey.HEADING)


_FIELD_LABELS = {
    FieldKey.NATIONAL: "Quốc hiệu",
    FieldKey.MOTTO: "Tiêu ngữ",
    FieldKey.ISSUER: "Cơ quan tặng",
    FieldKey.VERB: "Chữ «Tặng»",
    FieldKey.HEADING: "Tên giấy (GIẤY KHEN)",
    FieldKey.RECIPIENT: "Người, tập thể được khen",
    FieldKey.POSITION: "Chức vụ, đơn vị / địa chỉ",
    FieldKey.ACHIEVEMENT: "Thành tích",
    FieldKey.DECISION: "Số, ngày quyết định",
    FieldKey.REGISTER: "Số sổ",
    FieldKey.PLACE_DATE: "Địa danh, ngày tháng",
    FieldKey.SIGNER_TITLE: "Chức danh người ký",
    FieldKey.SIGNER_NAME: "Họ tên người ký",
}


@dataclass(frozen=True, slots=True)
class Certificate:
    """One sheet to print. `number` is its place in the printing order (1-based)."""

    award_id: int
    kind: CertificateKind
    number: int
    recipient: Recipient
    award_name: str
    issuer: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CÁT THÀNH"
    achievement: str  # already worded by `achievement_line`
    decision: str  # "Quyết định số 166/QĐ-UBND ngày 20/11/2026"
    register_number: str  # "12/2026" or ""
    place_date: str  # "Cát Thành, ngày 20 tháng 11 năm 2026"
    signer_title: tuple[str, ...]  # ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    signer_name: str

    def text(self, key: FieldKey) -> str:
        """What a variable field prints; lines are separated by "\\n". Fixed fields return ""
        (their words come from the layout)."""
        return {
            FieldKey.ISSUER: self.issuer,
            FieldKey.RECIPIENT: self.recipient.line,
            FieldKey.POSITION: self.recipient.position,
            FieldKey.ACHIEVEMENT: self.achievement,
            FieldKey.DECISION: self.decision,
            FieldKey.REGISTER: f"Số sổ: {self.register_number}" if self.register_number else "",
            FieldKey.PLACE_DATE: self.place_date,
            FieldKey.SIGNER_TITLE: "\n".join(self.signer_title),
            FieldKey.SIGNER_NAME: self.signer_name,
        }.get(key, "")

    @property
    def label(self) -> str:
        """How lists show the sheet: "Ông Nguyễn Văn An – Giấy khen …"."""
        return f"{self.recipient.line} – {self.award_name}"
