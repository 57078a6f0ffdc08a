"""A reference to an award subject (a person, a collective or a household) with its display name."""

from __future__ import annotations

from dataclasses import dataclass, field

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.text import fold, name_sort_key, text_sort_text

SubjectKey = tuple[SubjectKind, int]


@dataclass(frozen=True, slots=True)
class SubjectRef:
    """Who: `name` is "Nguyễn Văn An", "Tổ dân phố số 3" or "Hộ ông Nguyễn Văn An"; `place` is the
    unit of a person or household, the kind of a collective."""

    kind: SubjectKind
    id: int
    name: str
    place: str = ""
    active: bool = True
    # A person's chức vụ: documents print "Giáo viên, Trường THCS …"; not part of identity.
    position: str = field(default="", compare=False)

    @property
    def key(self) -> SubjectKey:
        return (self.kind, self.id)

    @property
    def document_place(self) -> str:
        """The "Chức vụ, đơn vị / Địa chỉ" column of a list: position and unit of a person, the
        unit of a household, nothing for a collective (its name says what it is)."""
        if self.kind is SubjectKind.UNIT:
            return ""
        if self.kind is SubjectKind.PERSON and self.position:
            if not self.place or fold(self.place) in fold(self.position):
                return self.position  # "Chủ tịch Hội Nông dân" already names the unit
            return f"{self.position}, {self.place}"
        return self.place

    @property
    def label(self) -> str:
        """ "Nguyễn Văn An (Tổ dân phố số 3)": how pickers and lists show a subject."""
        return f"{self.name} ({self.place})" if self.place else self.name


_HOUSEHOLD_PREFIXES = ("Hộ ông ", "Hộ bà ")


def subject_sort_key(ref: SubjectRef) -> tuple:
    """Collectives first, then people and households, each in Vietnamese order; a household by
    its head's name, as the households list sorts them ("Hộ ông" is not a family name)."""
    if ref.kind is SubjectKind.UNIT:
        return (0, text_sort_text(ref.name))
    if ref.kind is SubjectKind.PERSON:
        return (1, name_sort_key(ref.name))
    head = next((ref.name[len(p) :] for p in _HOUSEHOLD_PREFIXES if ref.name.startswith(p)), None)
    return (2, name_sort_key(head or ref.name))
